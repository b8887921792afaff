//! The `invitation_sent` and `mail_wording` tables: every invitation, update or cancellation
//! written for a meeting (its sequence and what it announced), and the versions of the
//! e-mails' wording.

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::Error;
use crate::model::Id;

pub use super::forms::WordingRow;

/// One recorded invitation: what it announced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentRow {
    pub sequence: i64,
    /// `request` or `cancel`.
    pub method: String,
    pub date: String,
    pub start: String,
    pub end: String,
    pub place: Option<String>,
    pub online_link: Option<String>,
    pub recipients: i64,
    pub sent_at: String,
}

/// The newest invitation written for a meeting.
pub fn latest(conn: &Connection, meeting_id: Id) -> Result<Option<SentRow>, Error> {
    Ok(conn
        .prepare_cached(
            "SELECT sequence, method, date, start_time, end_time, place, online_link, recipients,
                    sent_at
             FROM invitation_sent WHERE meeting_id = ?1 ORDER BY id DESC LIMIT 1",
        )?
        .query_row([meeting_id], |r| {
            Ok(SentRow {
                sequence: r.get(0)?,
                method: r.get(1)?,
                date: r.get(2)?,
                start: r.get(3)?,
                end: r.get(4)?,
                place: r.get(5)?,
                online_link: r.get(6)?,
                recipients: r.get(7)?,
                sent_at: r.get(8)?,
            })
        })
        .optional()?)
}

/// Records an invitation written (inside the caller's transaction).
pub fn insert(
    conn: &Connection,
    meeting_id: Id,
    row: &SentRow,
    export_id: Id,
) -> Result<(), Error> {
    conn.prepare_cached(
        "INSERT INTO invitation_sent (meeting_id, sequence, method, date, start_time, end_time,
                                      place, online_link, recipients, sent_at, export_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        meeting_id,
        row.sequence,
        row.method,
        row.date,
        row.start,
        row.end,
        row.place,
        row.online_link,
        row.recipients,
        row.sent_at,
        export_id
    ])?;
    Ok(())
}

/// The newest e-mail wording in a language.
pub fn latest_wording(conn: &Connection, lang: &str) -> Result<Option<WordingRow>, Error> {
    Ok(conn
        .query_row(
            "SELECT id, lang, created_at, body FROM mail_wording WHERE lang = ?1
             ORDER BY id DESC LIMIT 1",
            [lang],
            |r| {
                Ok(WordingRow {
                    id: r.get(0)?,
                    lang: r.get(1)?,
                    created_at: r.get(2)?,
                    body: r.get(3)?,
                })
            },
        )
        .optional()?)
}

pub fn insert_wording(conn: &Connection, lang: &str, at: &str, body: &str) -> Result<Id, Error> {
    conn.execute(
        "INSERT INTO mail_wording (lang, created_at, body) VALUES (?1, ?2, ?3)",
        params![lang, at, body],
    )?;
    Ok(conn.last_insert_rowid())
}
