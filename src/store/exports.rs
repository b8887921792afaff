//! The `export_log` and `export_person` tables: the append-only record of every export.

use rusqlite::{Connection, Row, params};

use crate::error::Error;
use crate::model::Id;
use crate::model::log::{ExportEntry, ExportKind};

/// A new entry of the log.
#[derive(Debug)]
pub struct NewEntry<'a> {
    pub at: &'a str,
    pub os_user: &'a str,
    pub kind: ExportKind,
    pub description: &'a str,
    pub group_id: Option<Id>,
    pub people: &'a [Id],
    pub protected_included: bool,
    pub file: Option<&'a str>,
}

pub fn insert(conn: &Connection, e: &NewEntry<'_>) -> Result<Id, Error> {
    conn.prepare_cached(
        "INSERT INTO export_log (at, os_user, kind, description, group_id, people,
                                 protected_included, file)
         VALUES (:at, :os_user, :kind, :description, :group_id, :people, :protected, :file)",
    )?
    .execute(rusqlite::named_params! {
        ":at": e.at,
        ":os_user": e.os_user,
        ":kind": e.kind.code(),
        ":description": e.description,
        ":group_id": e.group_id,
        ":people": i64::try_from(e.people.len()).unwrap_or(i64::MAX),
        ":protected": e.protected_included,
        ":file": e.file,
    })?;
    let id = conn.last_insert_rowid();
    let mut stmt = conn.prepare_cached(
        "INSERT OR IGNORE INTO export_person (export_id, person_id) VALUES (?1, ?2)",
    )?;
    for person in e.people {
        stmt.execute(params![id, person])?;
    }
    Ok(id)
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<ExportEntry> {
    let kind: String = r.get(3)?;
    Ok(ExportEntry {
        id: r.get(0)?,
        at: r.get(1)?,
        os_user: r.get(2)?,
        kind: ExportKind::from_code(&kind).unwrap_or(ExportKind::Other),
        description: r.get(4)?,
        group_id: r.get(5)?,
        people: r.get(6)?,
        protected_included: r.get(7)?,
        file: r.get(8)?,
    })
}

const SELECT: &str = "SELECT id, at, os_user, kind, description, group_id, people, \
     protected_included, file FROM export_log";

/// Entries at or after `since` (an RFC 3339 prefix such as a date), newest first.
pub fn list(conn: &Connection, since: Option<&str>) -> Result<Vec<ExportEntry>, Error> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE (?1 IS NULL OR at >= ?1) ORDER BY id DESC"
    ))?;
    let rows = stmt.query_map([since], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether the log records a file written at `file` (as the log names it: an absolute path).
pub fn has_file(conn: &Connection, file: &str) -> Result<bool, Error> {
    let mut stmt =
        conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM export_log WHERE file = ?1)")?;
    Ok(stmt.query_row([file], |r| r.get(0))?)
}

/// The entries whose export carried this person, newest first.
pub fn for_person(conn: &Connection, person_id: Id) -> Result<Vec<ExportEntry>, Error> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE id IN (SELECT export_id FROM export_person WHERE person_id = ?1)
         ORDER BY id DESC"
    ))?;
    let rows = stmt.query_map([person_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Replaces an erased person's name in every description and file name of the log (entries
/// written before descriptions referred to people by reference, and file names the coordinator
/// chose).
pub fn redact_name(conn: &Connection, name: &str, erased: &str) -> Result<usize, Error> {
    if name.is_empty() {
        return Ok(0);
    }
    Ok(conn.execute(
        "UPDATE export_log SET description = replace(description, ?1, ?2),
                               file = replace(file, ?1, ?2)
         WHERE instr(description, ?1) > 0 OR instr(coalesce(file, ''), ?1) > 0",
        params![name, erased],
    )?)
}
