//! The `change_log` (written by the audit triggers of migration 0005) and the `erasure`
//! table: reading the log, redacting it for an erased person, and recording erasures.

use rusqlite::{Connection, Row, params};

use crate::error::Error;
use crate::model::Id;
pub use crate::model::log::{AttendanceRecord, ChangeEntry, Erasure};

fn from_row(r: &Row<'_>) -> rusqlite::Result<ChangeEntry> {
    Ok(ChangeEntry {
        id: r.get(0)?,
        at: r.get(1)?,
        os_user: r.get(2)?,
        entity: r.get(3)?,
        entity_id: r.get(4)?,
        action: r.get(5)?,
        old: r.get(6)?,
        new: r.get(7)?,
        redacted: r.get(8)?,
    })
}

const SELECT: &str =
    "SELECT id, at, os_user, entity, entity_id, action, old, new, redacted FROM change_log";

/// Which changes to list.
#[derive(Debug, Clone, Default)]
pub struct Filter<'a> {
    /// From this day on (YYYY-MM-DD), inclusive.
    pub since: Option<&'a str>,
    pub entity: Option<&'a str>,
    pub entity_id: Option<Id>,
}

/// Changes, newest first.
pub fn list(conn: &Connection, f: &Filter<'_>) -> Result<Vec<ChangeEntry>, Error> {
    let sql = format!(
        "{SELECT} WHERE (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR entity = ?2)
         AND (?3 IS NULL OR entity_id = ?3) ORDER BY at DESC, id DESC"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![f.since, f.entity, f.entity_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The changes about one person: their own row and their appointments, oldest first.
pub fn about_person(conn: &Connection, person_id: Id) -> Result<Vec<ChangeEntry>, Error> {
    let sql = format!(
        "{SELECT} WHERE (entity IN ('person', 'attendance') AND entity_id = ?1)
            OR (entity = 'appointment'
                AND (json_extract(new, '$.person_id') = ?1 OR json_extract(old, '$.person_id') = ?1))
         ORDER BY at, id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([person_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Clears the values of every change of the person's own row (the log's copy of their data).
pub fn redact_person(conn: &Connection, person_id: Id) -> Result<usize, Error> {
    Ok(conn.execute(
        "UPDATE change_log SET old = NULL, new = NULL, redacted = 1
         WHERE entity = 'person' AND entity_id = ?1 AND redacted = 0",
        [person_id],
    )?)
}

pub fn erasures(conn: &Connection) -> Result<Vec<Erasure>, Error> {
    let mut stmt =
        conn.prepare_cached("SELECT person_id, number, at, os_user FROM erasure ORDER BY number")?;
    let rows = stmt.query_map([], |r| {
        Ok(Erasure {
            person_id: r.get(0)?,
            number: r.get(1)?,
            at: r.get(2)?,
            os_user: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn next_erasure_number(conn: &Connection) -> Result<i64, Error> {
    Ok(conn.query_row(
        "SELECT COALESCE(MAX(number), 0) + 1 FROM erasure",
        [],
        |r| r.get(0),
    )?)
}

pub fn insert_erasure(conn: &Connection, e: &Erasure) -> Result<(), Error> {
    conn.execute(
        "INSERT INTO erasure (person_id, number, at, os_user) VALUES (?1, ?2, ?3, ?4)",
        params![e.person_id, e.number, e.at, e.os_user],
    )?;
    Ok(())
}

/// People whose appointments have all ended, the last before `cutoff` (YYYY-MM-DD), and who
/// are not erased: id and the last day served.
pub fn retention_candidates(conn: &Connection, cutoff: &str) -> Result<Vec<(Id, String)>, Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.person_id, MAX(a.ended_on) FROM appointment a
         WHERE a.person_id NOT IN (SELECT person_id FROM erasure)
         GROUP BY a.person_id
         HAVING COUNT(a.ended_on) = COUNT(*) AND MAX(a.ended_on) < ?1
         ORDER BY MAX(a.ended_on), a.person_id",
    )?;
    let rows = stmt.query_map([cutoff], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The person's recorded attendance, oldest meeting first.
pub fn attendance_of_person(
    conn: &Connection,
    person_id: Id,
) -> Result<Vec<AttendanceRecord>, Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.meeting_id, m.date, g.name, a.status, a.substitute_for
         FROM attendance a JOIN meeting m ON m.id = a.meeting_id
         JOIN network_group g ON g.id = m.group_id
         WHERE a.person_id = ?1 ORDER BY m.date, m.id",
    )?;
    let rows = stmt.query_map([person_id], |r| {
        Ok(AttendanceRecord {
            meeting_id: r.get(0)?,
            date: r.get(1)?,
            group_name: r.get(2)?,
            status: r.get(3)?,
            substitute_for: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
