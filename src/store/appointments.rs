//! The `appointment` table. Rows are inserted and, once, ended; never rewritten or deleted
//! (the schema's triggers refuse it).

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::error::Error;
use crate::model::{Appointment, Id, Role};

const SELECT: &str = "SELECT a.id, a.person_id, p.name, p.protected, a.group_id, g.name, \
     a.organisation_id, o.name, a.role, a.seat_id, a.from_date, a.to_date, a.ended_on \
     FROM appointment a \
     JOIN person p ON p.id = a.person_id \
     JOIN network_group g ON g.id = a.group_id \
     JOIN organisation o ON o.id = a.organisation_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Appointment> {
    Ok(Appointment {
        id: r.get(0)?,
        person_id: r.get(1)?,
        person_name: r.get(2)?,
        person_protected: r.get(3)?,
        group_id: r.get(4)?,
        group_name: r.get(5)?,
        organisation_id: r.get(6)?,
        organisation_name: r.get(7)?,
        role: r.get(8)?,
        seat_id: r.get(9)?,
        from: r.get(10)?,
        to: r.get(11)?,
        ended_on: r.get(12)?,
    })
}

fn query(
    conn: &Connection,
    filter: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<Appointment>, Error> {
    let sql =
        format!("{SELECT} WHERE a.withdrawn_at IS NULL AND ({filter}) ORDER BY a.from_date, a.id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params, from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// One appointment; a withdrawn one is gone from every view.
pub fn get(conn: &Connection, id: Id) -> Result<Option<Appointment>, Error> {
    Ok(conn
        .query_row(
            &format!("{SELECT} WHERE a.id = ?1 AND a.withdrawn_at IS NULL"),
            [id],
            from_row,
        )
        .optional()?)
}

/// When the appointment was recorded (UTC, RFC 3339), if this version recorded it.
pub fn created_at(conn: &Connection, id: Id) -> Result<Option<String>, Error> {
    Ok(conn
        .query_row(
            "SELECT created_at FROM appointment WHERE id = ?1",
            [id],
            |r| r.get::<_, Option<String>>(0),
        )
        .optional()?
        .flatten())
}

/// Withdraws an appointment entered in error: it leaves every view and count; the change log
/// keeps it, with who and why.
pub fn withdraw(conn: &Connection, id: Id, at: &str, by: &str, reason: &str) -> Result<(), Error> {
    conn.execute(
        "UPDATE appointment SET withdrawn_at = ?2, withdrawn_by = ?3, withdrawn_reason = ?4
         WHERE id = ?1 AND withdrawn_at IS NULL",
        params![id, at, by, reason],
    )?;
    Ok(())
}

/// Appointments of one seat whose service overlaps the period from `from` to `until` (open
/// when `None`).
pub fn in_seat(
    conn: &Connection,
    seat_id: Id,
    from: NaiveDate,
    until: Option<NaiveDate>,
) -> Result<Vec<Appointment>, Error> {
    query(
        conn,
        "a.seat_id = ?1
         AND a.from_date <= coalesce(?3, '9999-12-31') AND coalesce(a.ended_on, '9999-12-31') >= ?2",
        params![seat_id, from, until],
    )
}

/// Appointments that start after `day`: the successors already decided.
pub fn starting_after(
    conn: &Connection,
    day: NaiveDate,
    group_id: Option<Id>,
) -> Result<Vec<Appointment>, Error> {
    query(
        conn,
        "(?2 IS NULL OR a.group_id = ?2) AND a.from_date > ?1",
        params![day, group_id],
    )
}

pub fn for_person(conn: &Connection, person_id: Id) -> Result<Vec<Appointment>, Error> {
    query(conn, "a.person_id = ?1", [person_id])
}

pub fn for_org(conn: &Connection, org_id: Id) -> Result<Vec<Appointment>, Error> {
    query(conn, "a.organisation_id = ?1", [org_id])
}

pub fn for_group(conn: &Connection, group_id: Id) -> Result<Vec<Appointment>, Error> {
    query(conn, "a.group_id = ?1", [group_id])
}

/// Appointments of the seat (group, organisation, role) whose service overlaps the period
/// from `from` to `until` (open when `None`).
pub fn overlapping(
    conn: &Connection,
    group_id: Id,
    org_id: Id,
    role: Role,
    from: NaiveDate,
    until: Option<NaiveDate>,
) -> Result<Vec<Appointment>, Error> {
    query(
        conn,
        "a.group_id = ?1 AND a.organisation_id = ?2 AND a.role = ?3
         AND a.from_date <= coalesce(?5, '9999-12-31') AND coalesce(a.ended_on, '9999-12-31') >= ?4",
        params![group_id, org_id, role, from, until],
    )
}

/// The person's appointments in the group whose service overlaps the period.
pub fn person_in_group(
    conn: &Connection,
    person_id: Id,
    group_id: Id,
    from: NaiveDate,
    until: Option<NaiveDate>,
) -> Result<Vec<Appointment>, Error> {
    query(
        conn,
        "a.person_id = ?1 AND a.group_id = ?2
         AND a.from_date <= coalesce(?4, '9999-12-31') AND coalesce(a.ended_on, '9999-12-31') >= ?3",
        params![person_id, group_id, from, until],
    )
}

/// Every appointment serving on `day`, optionally in one group.
pub fn serving_on(
    conn: &Connection,
    day: NaiveDate,
    group_id: Option<Id>,
) -> Result<Vec<Appointment>, Error> {
    query(
        conn,
        "(?2 IS NULL OR a.group_id = ?2) AND a.from_date <= ?1 AND (a.ended_on IS NULL OR a.ended_on >= ?1)",
        params![day, group_id],
    )
}

/// How many appointments refer to the organisation (as represented), the person or the group.
pub fn count_referring(conn: &Connection, column: Referrer, id: Id) -> Result<usize, Error> {
    let sql = match column {
        Referrer::Organisation => "SELECT count(*) FROM appointment WHERE organisation_id = ?1",
        Referrer::Person => "SELECT count(*) FROM appointment WHERE person_id = ?1",
        Referrer::Group => "SELECT count(*) FROM appointment WHERE group_id = ?1",
    };
    Ok(conn
        .query_row(sql, [id], |r| r.get::<_, i64>(0))?
        .try_into()
        .unwrap_or(0))
}

/// What an appointment count is taken over.
#[derive(Debug, Clone, Copy)]
pub enum Referrer {
    Organisation,
    Person,
    Group,
}

/// What a new appointment fills: the group, the organisation represented, the role and the
/// seat (none in a group with free membership).
#[derive(Debug, Clone, Copy)]
pub struct Place {
    pub group_id: Id,
    pub org_id: Id,
    pub role: Role,
    pub seat_id: Option<Id>,
}

pub fn insert(
    conn: &Connection,
    person_id: Id,
    place: Place,
    from: NaiveDate,
    to: Option<NaiveDate>,
) -> Result<Id, Error> {
    conn.execute(
        "INSERT INTO appointment (person_id, group_id, organisation_id, role, seat_id, from_date,
                                  to_date, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
        params![
            person_id,
            place.group_id,
            place.org_id,
            place.role,
            place.seat_id,
            from,
            to
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Records the last day served. The schema refuses it for an appointment already ended.
pub fn end(conn: &Connection, id: Id, last_day: NaiveDate) -> Result<(), Error> {
    conn.execute(
        "UPDATE appointment SET ended_on = ?2 WHERE id = ?1 AND ended_on IS NULL",
        params![id, last_day],
    )?;
    Ok(())
}

/// Appointments serving on `day` whose term ends on or before `horizon` (expired included).
pub fn terms_ending(
    conn: &Connection,
    day: NaiveDate,
    horizon: NaiveDate,
    group_id: Option<Id>,
) -> Result<Vec<Appointment>, Error> {
    query(
        conn,
        "(?3 IS NULL OR a.group_id = ?3) AND a.from_date <= ?1 AND (a.ended_on IS NULL OR a.ended_on >= ?1)
         AND a.to_date IS NOT NULL AND a.to_date <= ?2",
        params![day, horizon, group_id],
    )
}
