//! The `network_group` table.

use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::error::Error;
use crate::model::{Group, GroupFields, Id, Name};

const SELECT: &str = "SELECT id, name, kind, meetings_per_year, description, one_per_org, free_membership FROM network_group";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Group> {
    Ok(Group {
        id: r.get(0)?,
        name: Name::from_store(r.get(1)?),
        kind: r.get(2)?,
        meetings_per_year: r.get(3)?,
        description: r.get(4)?,
        one_per_org: r.get(5)?,
        free_membership: r.get(6)?,
    })
}

pub fn list(conn: &Connection) -> Result<Vec<Group>, Error> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} ORDER BY id"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: Id) -> Result<Option<Group>, Error> {
    Ok(conn
        .query_row(&format!("{SELECT} WHERE id = ?1"), [id], from_row)
        .optional()?)
}

/// Groups whose name key starts with `key_prefix`: id, name, exact match.
pub fn matching(conn: &Connection, key_prefix: &str) -> Result<Vec<(Id, String, bool)>, Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, name_key = ?1 FROM network_group
         WHERE substr(name_key, 1, length(?1)) = ?1 ORDER BY name_key LIMIT 50",
    )?;
    let rows = stmt.query_map([key_prefix], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn clash(
    conn: &Connection,
    f: &GroupFields,
    except: Option<Id>,
) -> Result<Option<String>, Error> {
    Ok(conn
        .query_row(
            "SELECT name FROM network_group WHERE name_key = ?1 AND id IS NOT ?2",
            params![f.name.key(), except],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn insert(conn: &Connection, f: &GroupFields) -> Result<Id, Error> {
    conn.execute(
        "INSERT INTO network_group (name, name_key, kind, meetings_per_year, description, one_per_org,
                                    free_membership)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            f.name.as_str(),
            f.name.key(),
            f.kind,
            f.meetings_per_year,
            f.description,
            f.one_per_org,
            f.free_membership
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn update(conn: &Connection, id: Id, f: &GroupFields) -> Result<(), Error> {
    conn.execute(
        "UPDATE network_group SET name = ?2, name_key = ?3, kind = ?4, meetings_per_year = ?5,
             description = ?6, one_per_org = ?7, free_membership = ?8 WHERE id = ?1",
        params![
            id,
            f.name.as_str(),
            f.name.key(),
            f.kind,
            f.meetings_per_year,
            f.description,
            f.one_per_org,
            f.free_membership
        ],
    )?;
    Ok(())
}

pub fn delete(conn: &Connection, id: Id) -> Result<(), Error> {
    conn.execute("DELETE FROM network_group WHERE id = ?1", [id])?;
    Ok(())
}

/// The organisations with seats of their own in the group.
pub fn seat_orgs(conn: &Connection, id: Id) -> Result<Vec<Id>, Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT organisation_id FROM seat
         WHERE group_id = ?1 AND organisation_id IS NOT NULL AND active = 1",
    )?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}
