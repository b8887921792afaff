//! Look-ups of the importer: an existing organisation by number or name, an existing person
//! of an organisation by e-mail or name.

use rusqlite::{Connection, OptionalExtension, params};

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

/// The person of the organisation with this e-mail (case-insensitive), else with this name key.
pub fn find_person(
    conn: &Connection,
    org_id: Id,
    email: Option<&str>,
    name_key: &str,
) -> Result<Option<Id>, Error> {
    if let Some(e) = email {
        let by_email = conn
            .prepare_cached(
                "SELECT id FROM person WHERE organisation_id = ?1 AND lower(email) = lower(?2) LIMIT 1",
            )?
            .query_row(params![org_id, e], |r| r.get(0))
            .optional()?;
        if by_email.is_some() {
            return Ok(by_email);
        }
    }
    Ok(conn
        .prepare_cached(
            "SELECT id FROM person WHERE organisation_id = ?1 AND name_key = ?2 LIMIT 1",
        )?
        .query_row(params![org_id, name_key], |r| r.get(0))
        .optional()?)
}
