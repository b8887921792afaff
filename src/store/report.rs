//! The reads behind the yearly report: every organisation's kind and order, and the
//! attendance recorded at a group's meetings within a period, each group's first meeting, each
//! in one query.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use crate::error::Error;
use crate::model::{AttendanceStatus, Id, OrgKind};

/// An organisation as the report sorts and groups it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgRow {
    pub id: Id,
    pub name: String,
    pub kind: OrgKind,
}

/// Every organisation, in Swedish order.
pub fn organisations(conn: &Connection) -> Result<Vec<OrgRow>, Error> {
    let mut stmt =
        conn.prepare_cached("SELECT id, name, kind FROM organisation ORDER BY sort_key, id")?;
    let rows = stmt.query_map([], |r| {
        Ok(OrgRow {
            id: r.get(0)?,
            name: r.get(1)?,
            kind: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// One recorded attendance: meeting, person, status, in whose place.
pub type AttendanceRow = (Id, Id, AttendanceStatus, Option<Id>);

/// The attendance recorded at the group's meetings dated within `from..=to`.
pub fn attendance(
    conn: &Connection,
    group_id: Id,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<AttendanceRow>, Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.meeting_id, a.person_id, a.status, a.substitute_for
         FROM attendance a JOIN meeting m ON m.id = a.meeting_id
         WHERE m.group_id = ?1 AND m.date >= ?2 AND m.date <= ?3
         ORDER BY a.meeting_id, a.person_id",
    )?;
    let rows = stmt.query_map(params![group_id, from, to], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Each group's first meeting ever, by group.
pub fn first_meetings(conn: &Connection) -> Result<HashMap<Id, NaiveDate>, Error> {
    let mut stmt =
        conn.prepare_cached("SELECT group_id, min(date) FROM meeting GROUP BY group_id")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}
