//! The `reminder_sent` table: every reminder written to an organisation's principal about a
//! seat that stands empty or whose term ends soon, per seat.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use crate::error::Error;
use crate::model::Id;

/// Which seat a reminder is about: the seat (an empty one), or the seat and the appointment
/// whose term ends (the seat is `None` in a group with free membership).
pub type ReminderKey = (Option<Id>, Option<Id>);

/// One reminder to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReminder<'a> {
    pub group_id: Id,
    pub organisation_id: Id,
    pub seat_id: Option<Id>,
    pub appointment_id: Option<Id>,
    /// `vacant`, `term_ending` or `term_expired`.
    pub kind: &'a str,
    pub term_to: Option<NaiveDate>,
    pub sent_on: NaiveDate,
    pub sent_at: &'a str,
    pub eml_export_id: Option<Id>,
    pub pdf_export_id: Option<Id>,
}

/// The day each seat (and term) was last reminded.
pub fn last_sent(conn: &Connection) -> Result<HashMap<ReminderKey, NaiveDate>, Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT seat_id, appointment_id, max(sent_on) FROM reminder_sent
         GROUP BY seat_id, appointment_id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            (r.get::<_, Option<Id>>(0)?, r.get::<_, Option<Id>>(1)?),
            r.get::<_, NaiveDate>(2)?,
        ))
    })?;
    let mut out = HashMap::new();
    for row in rows {
        let (key, day) = row?;
        out.insert(key, day);
    }
    Ok(out)
}

/// Records a reminder written (inside the caller's transaction).
pub fn insert(conn: &Connection, r: &NewReminder<'_>) -> Result<Id, Error> {
    conn.prepare_cached(
        "INSERT INTO reminder_sent (group_id, organisation_id, seat_id, appointment_id, kind,
                                    term_to, sent_on, sent_at, eml_export_id, pdf_export_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        r.group_id,
        r.organisation_id,
        r.seat_id,
        r.appointment_id,
        r.kind,
        r.term_to,
        r.sent_on,
        r.sent_at,
        r.eml_export_id,
        r.pdf_export_id
    ])?;
    Ok(conn.last_insert_rowid())
}

/// How many reminders were recorded in all.
pub fn count(conn: &Connection) -> Result<usize, Error> {
    let n: i64 = conn.query_row("SELECT count(*) FROM reminder_sent", [], |r| r.get(0))?;
    Ok(usize::try_from(n).unwrap_or(0))
}
