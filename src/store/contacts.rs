//! The `internal_contact` table.

use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::error::Error;
use crate::model::{ContactFields, Email, Id, InternalContact, Name, Phone};

fn from_row(r: &Row<'_>) -> rusqlite::Result<InternalContact> {
    Ok(InternalContact {
        id: r.get(0)?,
        organisation_id: r.get(1)?,
        function: Name::from_store(r.get(2)?),
        name: Name::from_store(r.get(3)?),
        email: r.get::<_, Option<String>>(4)?.map(Email::from_store),
        phone: r.get::<_, Option<String>>(5)?.map(Phone::from_store),
        protected: r.get(6)?,
    })
}

pub fn for_org(conn: &Connection, org_id: Id) -> Result<Vec<InternalContact>, Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, organisation_id, function, name, email, phone, protected FROM internal_contact
         WHERE organisation_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([org_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: Id) -> Result<Option<InternalContact>, Error> {
    Ok(conn
        .query_row(
            "SELECT id, organisation_id, function, name, email, phone, protected FROM internal_contact WHERE id = ?1",
            [id],
            from_row,
        )
        .optional()?)
}

pub fn insert(conn: &Connection, org_id: Id, f: &ContactFields) -> Result<Id, Error> {
    conn.execute(
        "INSERT INTO internal_contact (organisation_id, function, name, email, phone, protected)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            org_id,
            f.function.as_str(),
            f.name.as_str(),
            f.email.as_ref().map(Email::as_str),
            f.phone.as_ref().map(Phone::as_str),
            f.protected,
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn delete(conn: &Connection, id: Id) -> Result<(), Error> {
    conn.execute("DELETE FROM internal_contact WHERE id = ?1", [id])?;
    Ok(())
}

/// The internal contacts with protected personal data: their ids and names (to keep them out
/// of the exported log).
pub fn protected(conn: &Connection) -> Result<Vec<(Id, String)>, Error> {
    let mut stmt =
        conn.prepare_cached("SELECT id, name FROM internal_contact WHERE protected = 1")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}
