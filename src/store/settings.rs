//! The `setting` table: the register's own facts (the network's name, the template it began
//! from) as keys and text values; and the register's size.

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::Error;

pub fn get(conn: &Connection, key: &str) -> Result<Option<String>, Error> {
    Ok(conn
        .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

pub fn set(conn: &Connection, key: &str, value: &str) -> Result<(), Error> {
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// How many organisations, people, groups and appointments the register holds.
pub fn counts(conn: &Connection) -> Result<[usize; 4], Error> {
    Ok(conn.query_row(
        "SELECT (SELECT count(*) FROM organisation), (SELECT count(*) FROM person),
                (SELECT count(*) FROM network_group), (SELECT count(*) FROM appointment)",
        [],
        |r| {
            let n = |i: usize| r.get::<_, i64>(i).map(|v| usize::try_from(v).unwrap_or(0));
            Ok([n(0)?, n(1)?, n(2)?, n(3)?])
        },
    )?)
}
