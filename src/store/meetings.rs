//! The meeting tables: `meeting`, `group_plan`, `blackout`, `attendance`; and the two reads the
//! year plan and the rosters need (groups that share members; a group's roster on a day).

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::error::Error;
use crate::model::{
    AttendanceStatus, Blackout, BlackoutFields, Id, Meeting, MeetingFields, MeetingStatus,
    PlanSettings, Role, format_time,
};

const SELECT: &str = "SELECT m.id, m.group_id, g.name, m.date, m.start_time, m.end_time, \
     m.place, m.online_link, m.agenda, m.status, m.extra, m.uid, m.sequence, m.updated_at \
     FROM meeting m JOIN network_group g ON g.id = m.group_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Meeting> {
    Ok(Meeting {
        id: r.get(0)?,
        group_id: r.get(1)?,
        group_name: r.get(2)?,
        date: r.get(3)?,
        start: r.get(4)?,
        end: r.get(5)?,
        place: r.get(6)?,
        online_link: r.get(7)?,
        agenda: r.get(8)?,
        status: r.get(9)?,
        extra: r.get(10)?,
        uid: r.get(11)?,
        sequence: r.get(12)?,
        updated_at: r.get(13)?,
    })
}

pub fn get(conn: &Connection, id: Id) -> Result<Option<Meeting>, Error> {
    Ok(conn
        .query_row(&format!("{SELECT} WHERE m.id = ?1"), [id], from_row)
        .optional()?)
}

/// Meetings in date order, optionally of one group and within `from..=to`.
pub fn list(
    conn: &Connection,
    group_id: Option<Id>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Vec<Meeting>, Error> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE (?1 IS NULL OR m.group_id = ?1)
           AND (?2 IS NULL OR m.date >= ?2) AND (?3 IS NULL OR m.date <= ?3)
         ORDER BY m.date, m.start_time, m.id"
    ))?;
    let rows = stmt.query_map(params![group_id, from, to], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The meetings of the groups in which the person serves on the meeting's day.
pub fn for_person(
    conn: &Connection,
    person_id: Id,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Vec<Meeting>, Error> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE (?2 IS NULL OR m.date >= ?2) AND (?3 IS NULL OR m.date <= ?3)
           AND EXISTS (SELECT 1 FROM appointment a
                       WHERE a.person_id = ?1 AND a.group_id = m.group_id
                         AND a.from_date <= m.date AND (a.ended_on IS NULL OR a.ended_on >= m.date))
         ORDER BY m.date, m.start_time, m.id"
    ))?;
    let rows = stmt.query_map(params![person_id, from, to], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn insert(conn: &Connection, f: &MeetingFields, uid: &str, now: &str) -> Result<Id, Error> {
    conn.execute(
        "INSERT INTO meeting (group_id, date, start_time, end_time, place, online_link, agenda,
                              status, extra, uid, sequence, created_at, updated_at)
         VALUES (:group_id, :date, :start, :end, :place, :link, :agenda, :status, :extra, :uid, 0,
                 :now, :now)",
        rusqlite::named_params! {
            ":group_id": f.group_id,
            ":date": f.date,
            ":start": format_time(f.start),
            ":end": format_time(f.end),
            ":place": f.place,
            ":link": f.online_link,
            ":agenda": f.agenda,
            ":status": f.status,
            ":extra": f.extra,
            ":uid": uid,
            ":now": now,
        },
    )?;
    Ok(conn.last_insert_rowid())
}

/// Rewrites a meeting's fields (not its group) and increases its sequence.
pub fn update(conn: &Connection, id: Id, f: &MeetingFields, now: &str) -> Result<(), Error> {
    conn.execute(
        "UPDATE meeting SET date = :date, start_time = :start, end_time = :end, place = :place,
                online_link = :link, agenda = :agenda, status = :status, extra = :extra,
                sequence = sequence + 1, updated_at = :now
         WHERE id = :id",
        rusqlite::named_params! {
            ":id": id,
            ":date": f.date,
            ":start": format_time(f.start),
            ":end": format_time(f.end),
            ":place": f.place,
            ":link": f.online_link,
            ":agenda": f.agenda,
            ":status": f.status,
            ":extra": f.extra,
            ":now": now,
        },
    )?;
    Ok(())
}

pub fn set_status(
    conn: &Connection,
    id: Id,
    status: MeetingStatus,
    now: &str,
) -> Result<(), Error> {
    conn.execute(
        "UPDATE meeting SET status = ?2, sequence = sequence + 1, updated_at = ?3 WHERE id = ?1",
        params![id, status, now],
    )?;
    Ok(())
}

pub fn plan_settings(conn: &Connection, group_id: Id) -> Result<Option<PlanSettings>, Error> {
    Ok(conn
        .query_row(
            "SELECT weekdays, start_time, end_time, place, online_link FROM group_plan
             WHERE group_id = ?1",
            [group_id],
            |r| {
                let days: String = r.get(0)?;
                Ok(PlanSettings {
                    group_id,
                    weekdays: days.split(',').filter_map(|d| d.parse().ok()).collect(),
                    start: r.get(1)?,
                    end: r.get(2)?,
                    place: r.get(3)?,
                    online_link: r.get(4)?,
                })
            },
        )
        .optional()?)
}

/// Stores checked settings.
pub fn set_plan_settings(conn: &Connection, s: &PlanSettings) -> Result<(), Error> {
    let days: Vec<String> = s.weekdays.iter().map(u8::to_string).collect();
    conn.execute(
        "INSERT INTO group_plan (group_id, weekdays, start_time, end_time, place, online_link)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (group_id) DO UPDATE SET weekdays = excluded.weekdays,
             start_time = excluded.start_time, end_time = excluded.end_time,
             place = excluded.place, online_link = excluded.online_link",
        params![
            s.group_id,
            days.join(","),
            s.start,
            s.end,
            s.place,
            s.online_link
        ],
    )?;
    Ok(())
}

pub fn blackouts(conn: &Connection) -> Result<Vec<Blackout>, Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, group_id, from_date, to_date, label FROM blackout ORDER BY from_date, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Blackout {
            id: r.get(0)?,
            group_id: r.get(1)?,
            from: r.get(2)?,
            to: r.get(3)?,
            label: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn insert_blackout(conn: &Connection, f: &BlackoutFields) -> Result<Id, Error> {
    conn.execute(
        "INSERT INTO blackout (group_id, from_date, to_date, label) VALUES (?1, ?2, ?3, ?4)",
        params![f.group_id, f.from, f.to, f.label],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Removes a blocked period; whether there was one.
pub fn delete_blackout(conn: &Connection, id: Id) -> Result<bool, Error> {
    Ok(conn.execute("DELETE FROM blackout WHERE id = ?1", [id])? > 0)
}

/// A recorded attendance: person, status, in whose place.
pub type AttendanceEntry = (Id, AttendanceStatus, Option<Id>);

pub fn attendance(conn: &Connection, meeting_id: Id) -> Result<Vec<AttendanceEntry>, Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT person_id, status, substitute_for FROM attendance WHERE meeting_id = ?1",
    )?;
    let rows = stmt.query_map([meeting_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn set_attendance(
    conn: &Connection,
    meeting_id: Id,
    person_id: Id,
    status: AttendanceStatus,
    substitute_for: Option<Id>,
) -> Result<(), Error> {
    conn.execute(
        "INSERT INTO attendance (meeting_id, person_id, status, substitute_for)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (meeting_id, person_id) DO UPDATE SET status = excluded.status,
             substitute_for = excluded.substitute_for",
        params![meeting_id, person_id, status, substitute_for],
    )?;
    Ok(())
}

/// Pairs of groups (lower id first) in which one person serves in both at some time within
/// `from..=to`.
pub fn groups_sharing_members(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(Id, Id)>, Error> {
    let mut stmt = conn.prepare_cached(
        "WITH serving AS (
             SELECT person_id, group_id, from_date, coalesce(ended_on, '9999-12-31') AS until
             FROM appointment WHERE from_date <= ?2 AND coalesce(ended_on, '9999-12-31') >= ?1)
         SELECT DISTINCT a.group_id, b.group_id FROM serving a JOIN serving b
           ON a.person_id = b.person_id AND a.group_id < b.group_id
          AND a.from_date <= b.until AND b.from_date <= a.until",
    )?;
    let rows = stmt.query_map(params![from, to], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// One person serving in a group on a day, with what a roster shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterEntry {
    pub person_id: Id,
    pub name: String,
    pub protected: bool,
    pub title: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub organisation_id: Id,
    pub organisation: String,
    pub role: Role,
}

/// Who serves in the group on `day`, by organisation (Swedish order), representative before
/// substitute before the other roles, then by name.
pub fn roster(conn: &Connection, group_id: Id, day: NaiveDate) -> Result<Vec<RosterEntry>, Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.name, p.protected, p.title, p.email, p.phone, o.id, o.name, a.role
         FROM appointment a
         JOIN person p ON p.id = a.person_id
         JOIN organisation o ON o.id = a.organisation_id
         WHERE a.group_id = ?1 AND a.from_date <= ?2 AND (a.ended_on IS NULL OR a.ended_on >= ?2)
         ORDER BY o.sort_key, o.id,
                  CASE a.role WHEN 'representative' THEN 0 WHEN 'substitute' THEN 1
                              WHEN 'chair' THEN 2 WHEN 'convener' THEN 3 ELSE 4 END,
                  p.sort_key, p.id",
    )?;
    let rows = stmt.query_map(params![group_id, day], |r| {
        Ok(RosterEntry {
            person_id: r.get(0)?,
            name: r.get(1)?,
            protected: r.get(2)?,
            title: r.get(3)?,
            email: r.get(4)?,
            phone: r.get(5)?,
            organisation_id: r.get(6)?,
            organisation: r.get(7)?,
            role: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Whether any meeting (not cancelled) falls on or after `day`.
pub fn any_from(conn: &Connection, day: chrono::NaiveDate) -> Result<bool, Error> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM meeting WHERE date >= ?1 AND status <> 'cancelled')",
        [day.to_string()],
        |r| r.get(0),
    )?)
}
