//! The `minutes` and `minutes_item` tables: who took and checked a meeting's minutes, when they
//! were edited, checked and sent, and each agenda item's notes and decisions by position.

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::Error;
use crate::model::Id;

/// An item's notes and decisions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemRecord {
    pub notes: Option<String>,
    pub decisions: Option<String>,
}

impl ItemRecord {
    pub fn is_empty(&self) -> bool {
        self.notes.is_none() && self.decisions.is_none()
    }
}

/// A meeting's minutes as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MinutesRow {
    pub taker_id: Option<Id>,
    pub checker_id: Option<Id>,
    pub drafted_at: Option<String>,
    pub checked_at: Option<String>,
    pub sent_at: Option<String>,
}

pub fn get(conn: &Connection, meeting_id: Id) -> Result<Option<MinutesRow>, Error> {
    Ok(conn
        .prepare_cached(
            "SELECT taker_id, checker_id, drafted_at, checked_at, sent_at FROM minutes
             WHERE meeting_id = ?1",
        )?
        .query_row([meeting_id], |r| {
            Ok(MinutesRow {
                taker_id: r.get(0)?,
                checker_id: r.get(1)?,
                drafted_at: r.get(2)?,
                checked_at: r.get(3)?,
                sent_at: r.get(4)?,
            })
        })
        .optional()?)
}

pub fn put(conn: &Connection, meeting_id: Id, row: &MinutesRow) -> Result<(), Error> {
    conn.prepare_cached(
        "INSERT INTO minutes (meeting_id, taker_id, checker_id, drafted_at, checked_at, sent_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (meeting_id) DO UPDATE SET taker_id = excluded.taker_id,
             checker_id = excluded.checker_id, drafted_at = excluded.drafted_at,
             checked_at = excluded.checked_at, sent_at = excluded.sent_at",
    )?
    .execute(params![
        meeting_id,
        row.taker_id,
        row.checker_id,
        row.drafted_at,
        row.checked_at,
        row.sent_at
    ])?;
    Ok(())
}

/// The items' records in position order, one for each of `count` positions.
pub fn items(conn: &Connection, meeting_id: Id, count: usize) -> Result<Vec<ItemRecord>, Error> {
    let mut out = vec![ItemRecord::default(); count];
    let mut stmt = conn.prepare_cached(
        "SELECT position, notes, decisions FROM minutes_item WHERE meeting_id = ?1",
    )?;
    let rows = stmt.query_map([meeting_id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            ItemRecord {
                notes: r.get(1)?,
                decisions: r.get(2)?,
            },
        ))
    })?;
    for row in rows {
        let (position, rec) = row?;
        if let Some(slot) = usize::try_from(position - 1)
            .ok()
            .and_then(|i| out.get_mut(i))
        {
            *slot = rec;
        }
    }
    Ok(out)
}

/// Replaces the records of every position (inside the caller's transaction).
pub fn replace_items(conn: &Connection, meeting_id: Id, items: &[ItemRecord]) -> Result<(), Error> {
    conn.execute(
        "DELETE FROM minutes_item WHERE meeting_id = ?1",
        [meeting_id],
    )?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO minutes_item (meeting_id, position, notes, decisions) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, r) in items.iter().enumerate().filter(|(_, r)| !r.is_empty()) {
        stmt.execute(params![meeting_id, i as i64 + 1, r.notes, r.decisions])?;
    }
    Ok(())
}

/// Writes one position's record (inside the caller's transaction); an empty one is removed.
pub fn set_item(
    conn: &Connection,
    meeting_id: Id,
    position: u32,
    r: &ItemRecord,
) -> Result<(), Error> {
    if r.is_empty() {
        conn.execute(
            "DELETE FROM minutes_item WHERE meeting_id = ?1 AND position = ?2",
            params![meeting_id, position],
        )?;
    } else {
        conn.execute(
            "INSERT INTO minutes_item (meeting_id, position, notes, decisions)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (meeting_id, position) DO UPDATE SET notes = excluded.notes,
                 decisions = excluded.decisions",
            params![meeting_id, position, r.notes, r.decisions],
        )?;
    }
    Ok(())
}
