//! Look-ups of the importer: an existing organisation by number or name, and the keys by
//! which it matches people (e-mail or name within the organisation; matched in memory by
//! `register::import`).

use rusqlite::{Connection, OptionalExtension};

use crate::error::Error;
use crate::model::Id;

/// The organisation with this number, else with this name key (or short-name key).
pub fn find_org(
    conn: &Connection,
    number: Option<&str>,
    name_key: &str,
) -> Result<Option<Id>, Error> {
    if let Some(n) = number {
        let by_number = conn
            .prepare_cached("SELECT id FROM organisation WHERE org_number = ?1")?
            .query_row([n], |r| r.get(0))
            .optional()?;
        if by_number.is_some() {
            return Ok(by_number);
        }
    }
    Ok(conn
        .prepare_cached(
            "SELECT id FROM organisation WHERE name_key = ?1
             UNION ALL SELECT id FROM organisation WHERE short_key = ?1 LIMIT 1",
        )?
        .query_row([name_key], |r| r.get(0))
        .optional()?)
}

/// A person as the importer matches them: id, organisation, e-mail (lower case), name key.
pub type PersonKeys = (Id, Id, Option<String>, String);

/// Every person as the importer matches them: id, organisation, e-mail lower-cased as
/// the importer compares it (ASCII lower case, as SQLite's `lower`), name key; by id.
pub fn person_keys(conn: &Connection) -> Result<Vec<PersonKeys>, Error> {
    let mut stmt =
        conn.prepare("SELECT id, organisation_id, lower(email), name_key FROM person ORDER BY id")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// An organisation as the importer compares a new name with it.
#[derive(Debug, Clone)]
pub struct OrgName {
    pub id: Id,
    pub name: String,
    pub name_key: String,
    pub short_key: Option<String>,
}

/// Every organisation's name and keys, by id.
pub fn org_names(conn: &Connection) -> Result<Vec<OrgName>, Error> {
    let mut stmt =
        conn.prepare("SELECT id, name, name_key, short_key FROM organisation ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok(OrgName {
            id: r.get(0)?,
            name: r.get(1)?,
            name_key: r.get(2)?,
            short_key: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
