//! The `seat` table: what each group is composed of. A seat that has been held is never
//! deleted (the schema refuses it), only retired.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::error::Error;
use crate::model::{Id, OrgKind, Role, Seat, SeatFields};

const SELECT: &str = "SELECT s.id, s.group_id, s.position, s.role, s.organisation_id, o.name, \
     s.org_kind, s.label, s.active FROM seat s LEFT JOIN organisation o ON o.id = s.organisation_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Seat> {
    Ok(Seat {
        id: r.get(0)?,
        group_id: r.get(1)?,
        position: r.get(2)?,
        role: r.get(3)?,
        organisation_id: r.get(4)?,
        organisation_name: r.get(5)?,
        org_kind: r.get(6)?,
        label: r.get(7)?,
        active: r.get(8)?,
    })
}

fn query(conn: &Connection, filter: &str, p: impl rusqlite::Params) -> Result<Vec<Seat>, Error> {
    let sql = format!("{SELECT} WHERE {filter} ORDER BY s.group_id, s.position, s.id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(p, from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn get(conn: &Connection, id: Id) -> Result<Option<Seat>, Error> {
    Ok(conn
        .query_row(&format!("{SELECT} WHERE s.id = ?1"), [id], from_row)
        .optional()?)
}

/// The group's active seats in order (retired ones too when `retired`).
pub fn for_group(conn: &Connection, group_id: Id, retired: bool) -> Result<Vec<Seat>, Error> {
    query(
        conn,
        "s.group_id = ?1 AND (?2 OR s.active = 1)",
        params![group_id, retired],
    )
}

/// Every active seat of every group.
pub fn all_active(conn: &Connection) -> Result<Vec<Seat>, Error> {
    query(conn, "s.active = 1", [])
}

/// The organisation's own active seats, in every group.
pub fn for_org(conn: &Connection, org_id: Id) -> Result<Vec<Seat>, Error> {
    query(conn, "s.organisation_id = ?1 AND s.active = 1", [org_id])
}

/// Active seats of the group in `role` that an organisation of this id and kind may fill:
/// its own seat first, then the open seats in order.
pub fn fitting(
    conn: &Connection,
    group_id: Id,
    role: Role,
    org_id: Id,
    kind: OrgKind,
) -> Result<Vec<Seat>, Error> {
    let sql = format!(
        "{SELECT} WHERE s.group_id = ?1 AND s.role = ?2 AND s.active = 1
           AND (s.organisation_id = ?3 OR (s.organisation_id IS NULL AND (s.org_kind IS NULL OR s.org_kind = ?4)))
         ORDER BY s.organisation_id IS NULL, s.position, s.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![group_id, role, org_id, kind], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The next position at the end of the group's order.
fn next_position(conn: &Connection, group_id: Id) -> Result<i64, Error> {
    Ok(conn.query_row(
        "SELECT coalesce(max(position), 0) + 1 FROM seat WHERE group_id = ?1",
        [group_id],
        |r| r.get(0),
    )?)
}

/// Adds a seat; at `position` the later seats move one down, else it goes last.
pub fn insert(conn: &Connection, group_id: Id, f: &SeatFields) -> Result<Id, Error> {
    let last = next_position(conn, group_id)?;
    let position = match f.position {
        Some(p) if p < last => {
            conn.execute(
                "UPDATE seat SET position = position + 1 WHERE group_id = ?1 AND position >= ?2",
                params![group_id, p],
            )?;
            p
        }
        _ => last,
    };
    conn.execute(
        "INSERT INTO seat (group_id, position, role, organisation_id, org_kind, label)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            group_id,
            position,
            f.role,
            f.organisation_id,
            f.org_kind,
            f.label
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Whether any appointment (ended and withdrawn ones included) ever filled the seat.
pub fn ever_held(conn: &Connection, id: Id) -> Result<bool, Error> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM appointment WHERE seat_id = ?1)",
        [id],
        |r| r.get(0),
    )?)
}

/// Removes a seat that was never held, or retires one that was.
pub fn remove(conn: &Connection, id: Id) -> Result<(), Error> {
    if ever_held(conn, id)? {
        conn.execute("UPDATE seat SET active = 0 WHERE id = ?1", [id])?;
    } else {
        conn.execute("DELETE FROM seat WHERE id = ?1", [id])?;
    }
    Ok(())
}

/// Removes (or retires) the organisation's own seats in the group.
pub fn remove_org_seats(conn: &Connection, group_id: Id, org_id: Id) -> Result<usize, Error> {
    let seats = query(
        conn,
        "s.group_id = ?1 AND s.organisation_id = ?2 AND s.active = 1",
        params![group_id, org_id],
    )?;
    for s in &seats {
        remove(conn, s.id)?;
    }
    Ok(seats.len())
}

/// One active seat that nobody holds on `day`: the seat, and its group's name.
pub type VacantSeat = (Seat, String);

/// The active seats of groups with seats that nobody holds on `day` (optionally in one group),
/// leaving out the seats of inactive organisations.
pub fn vacant(
    conn: &Connection,
    day: NaiveDate,
    group_id: Option<Id>,
) -> Result<Vec<VacantSeat>, Error> {
    let sql = "SELECT s.id, s.group_id, s.position, s.role, s.organisation_id, o.name, \
         s.org_kind, s.label, s.active, g.name FROM seat s \
         JOIN network_group g ON g.id = s.group_id AND g.free_membership = 0 \
         LEFT JOIN organisation o ON o.id = s.organisation_id \
         WHERE s.active = 1 AND (?2 IS NULL OR s.group_id = ?2) \
           AND (o.id IS NULL OR o.active = 1) \
           AND NOT EXISTS ( \
               SELECT 1 FROM appointment a \
               WHERE a.seat_id = s.id AND a.withdrawn_at IS NULL AND a.from_date <= ?1 \
                 AND (a.ended_on IS NULL OR a.ended_on >= ?1)) \
         ORDER BY s.group_id, s.position, s.id";
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params![day, group_id], |r| Ok((from_row(r)?, r.get(9)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// (group, organisation) pairs in which the organisation has an active seat of its own.
pub fn org_groups(conn: &Connection) -> Result<Vec<(Id, Id)>, Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT group_id, organisation_id FROM seat
         WHERE organisation_id IS NOT NULL AND active = 1",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Two appointments that would hold one seat on one day: group name, organisation name, role,
/// and the two people.
pub type Clash = (String, String, Role, String, String);

/// The first (group, organisation, role) whose appointments would share one seat on one day
/// if each such triple became one seat: what makes an old register unmappable.
pub fn unmappable(conn: &Connection) -> Result<Option<Clash>, Error> {
    Ok(conn
        .query_row(
            "SELECT g.name, o.name, a.role, pa.name, pb.name
             FROM appointment a
             JOIN appointment b ON b.group_id = a.group_id AND b.organisation_id = a.organisation_id
              AND b.role = a.role AND b.id > a.id
              AND a.from_date <= coalesce(b.ended_on, '9999-12-31')
              AND coalesce(a.ended_on, '9999-12-31') >= b.from_date
             JOIN network_group g ON g.id = a.group_id
             JOIN organisation o ON o.id = a.organisation_id
             JOIN person pa ON pa.id = a.person_id
             JOIN person pb ON pb.id = b.person_id
             ORDER BY a.id, b.id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?)
}

/// The organisation's own active seat of `role` in the group.
pub fn own(conn: &Connection, group_id: Id, org_id: Id, role: Role) -> Result<Option<Seat>, Error> {
    Ok(query(
        conn,
        "s.group_id = ?1 AND s.organisation_id = ?2 AND s.role = ?3 AND s.active = 1",
        params![group_id, org_id, role],
    )?
    .pop())
}
