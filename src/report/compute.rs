//! Counting a group's year from what the register holds: an appointment counts on the days it
//! served (`from ..= ended_on`), a meeting's invited organisations are those with someone
//! serving in the group on its day, and a seat is empty on a day nobody held it.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, Duration, NaiveDate};

use super::{
    AttendanceCell, CoverageFigures, FormCounts, GroupFigures, KindAttendance, MeetingCounts,
    MeetingRow, OrgAttendance, OrgPresence, PresenceCounts, SeatCoverage, TurnoverFigures,
    counts_attendance,
};
use crate::model::{
    Appointment, AttendanceStatus, Id, Meeting, MeetingStatus, OrgKind, Role, Seat,
};
use crate::store::report::{AttendanceRow, OrgRow};

/// What the register holds about one group, for one year.
#[derive(Debug)]
pub struct GroupInput<'a> {
    pub year: i32,
    /// The last day counted for seats, turnover and forms (the year's last day, or today
    /// while the year runs). Meetings are counted over the whole year.
    pub until: NaiveDate,
    pub cadence: u16,
    /// The group's meetings dated in the year.
    pub meetings: &'a [Meeting],
    /// The group's appointments (withdrawn ones are not in the register's views).
    pub appointments: &'a [Appointment],
    /// Attendance recorded at the year's meetings.
    pub attendance: &'a [AttendanceRow],
    /// The group's seats (retired ones too), each with its description.
    pub seats: &'a [(Seat, String)],
    /// Every organisation in Swedish order.
    pub orgs: &'a [OrgRow],
    pub forms: FormCounts,
}

fn days(from: NaiveDate, to: NaiveDate) -> u32 {
    u32::try_from((to - from).num_days() + 1).unwrap_or(0)
}

/// The days of `from..=to` on which at least one of the periods is served, periods clipped.
fn covered_days(mut periods: Vec<(NaiveDate, NaiveDate)>, from: NaiveDate, to: NaiveDate) -> u32 {
    periods.retain(|(a, b)| a <= &to && b >= &from);
    periods.sort();
    let mut total = 0;
    let mut cursor: Option<NaiveDate> = None; // last day already counted
    for (a, b) in periods {
        let a = a.max(from);
        let b = b.min(to);
        let start = match cursor {
            Some(c) if c >= a => c + Duration::days(1),
            _ => a,
        };
        if start <= b {
            total += days(start, b);
        }
        cursor = Some(cursor.map_or(b, |c| c.max(b)));
    }
    total
}

fn last_day(a: &Appointment) -> NaiveDate {
    a.ended_on.unwrap_or(NaiveDate::MAX)
}

/// Counts the group's year.
pub fn compute(input: &GroupInput<'_>) -> GroupFigures {
    let from = NaiveDate::from_ymd_opt(input.year, 1, 1).unwrap_or(NaiveDate::MIN);
    let until = input.until;
    let order: HashMap<Id, usize> = input
        .orgs
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id, i))
        .collect();

    // Meetings.
    let mut meetings = MeetingCounts {
        cadence: u32::from(input.cadence),
        ..MeetingCounts::default()
    };
    for m in input.meetings {
        meetings.total += 1;
        match m.status {
            MeetingStatus::Planned => meetings.planned += 1,
            MeetingStatus::Held => meetings.held += 1,
            MeetingStatus::Cancelled => meetings.cancelled += 1,
        }
        if m.extra && m.status != MeetingStatus::Cancelled {
            meetings.extra += 1;
        }
    }

    // Attendance: each held meeting, each organisation with someone serving on its day.
    let mut by_meeting: HashMap<Id, Vec<&AttendanceRow>> = HashMap::new();
    for row in input.attendance {
        by_meeting.entry(row.0).or_default().push(row);
    }
    let mut cells = Vec::new();
    let mut meeting_rows = Vec::new();
    for m in input
        .meetings
        .iter()
        .filter(|m| counts_attendance(m.status))
    {
        let serving: Vec<&Appointment> = input
            .appointments
            .iter()
            .filter(|a| a.serves_on(m.date))
            .collect();
        // The organisation each invited person serves for, and whether as a regular holder.
        let mut org_of: HashMap<Id, Id> = HashMap::new();
        let mut regular: HashSet<Id> = HashSet::new();
        let mut invited: Vec<Id> = Vec::new();
        let mut seen_org: HashSet<Id> = HashSet::new();
        for a in &serving {
            org_of.insert(a.person_id, a.organisation_id);
            if a.role != Role::Substitute {
                regular.insert(a.person_id);
            }
            if seen_org.insert(a.organisation_id) {
                invited.push(a.organisation_id);
            }
        }
        #[derive(Default)]
        struct Seen {
            regular_present: bool,
            other_present: bool,
            excused: bool,
            absent: bool,
        }
        let mut seen: HashMap<Id, Seen> = HashMap::new();
        for (_, person, status, instead_of) in by_meeting.get(&m.id).into_iter().flatten() {
            let org = org_of
                .get(person)
                .or_else(|| instead_of.and_then(|p| org_of.get(&p)));
            let Some(org) = org else { continue };
            let s = seen.entry(*org).or_default();
            match status {
                AttendanceStatus::Present if instead_of.is_none() && regular.contains(person) => {
                    s.regular_present = true;
                }
                AttendanceStatus::Present => s.other_present = true,
                AttendanceStatus::Excused => s.excused = true,
                AttendanceStatus::Absent => s.absent = true,
            }
        }
        invited.sort_by_key(|o| order.get(o).copied().unwrap_or(usize::MAX));
        let mut counts = PresenceCounts::default();
        for org in &invited {
            let presence = match seen.get(org) {
                Some(s) if s.regular_present => OrgPresence::Representative,
                Some(s) if s.other_present => OrgPresence::Substitute,
                Some(s) if s.excused => OrgPresence::Excused,
                Some(s) if s.absent => OrgPresence::Absent,
                _ => OrgPresence::NotRecorded,
            };
            counts.add(presence);
            cells.push(AttendanceCell {
                meeting_id: m.id,
                date: m.date,
                organisation_id: *org,
                presence,
            });
        }
        meeting_rows.push(MeetingRow {
            meeting_id: m.id,
            date: m.date,
            extra: m.extra,
            invited: u32::try_from(invited.len()).unwrap_or(u32::MAX),
            counts,
        });
    }

    let mut per_org: BTreeMap<usize, (Id, PresenceCounts)> = BTreeMap::new();
    for c in &cells {
        let i = order.get(&c.organisation_id).copied().unwrap_or(usize::MAX);
        per_org
            .entry(i)
            .or_insert((c.organisation_id, PresenceCounts::default()))
            .1
            .add(c.presence);
    }
    let org_rows: HashMap<Id, &OrgRow> = input.orgs.iter().map(|o| (o.id, o)).collect();
    let org_row = |id: Id| org_rows.get(&id).copied();
    let organisations: Vec<OrgAttendance> = per_org
        .into_values()
        .map(|(id, counts)| {
            let o = org_row(id);
            OrgAttendance {
                organisation_id: id,
                name: o.map(|o| o.name.clone()).unwrap_or_default(),
                kind: o.map_or(OrgKind::Other, |o| o.kind),
                invited: counts.total(),
                counts,
                share_present: counts.share(),
            }
        })
        .collect();
    let kinds = OrgKind::ALL
        .iter()
        .filter_map(|kind| {
            let mine: Vec<&OrgAttendance> =
                organisations.iter().filter(|o| o.kind == *kind).collect();
            if mine.is_empty() {
                return None;
            }
            let mut counts = PresenceCounts::default();
            for o in &mine {
                for p in OrgPresence::ALL {
                    for _ in 0..o.counts.get(p) {
                        counts.add(p);
                    }
                }
            }
            Some(KindAttendance {
                kind: *kind,
                organisations: u32::try_from(mine.len()).unwrap_or(u32::MAX),
                invited: counts.total(),
                counts,
                share_present: counts.share(),
            })
        })
        .collect();

    // Coverage of the seats over from..=until.
    let counted = if until >= from { days(from, until) } else { 0 };
    let mut by_seat: HashMap<Id, Vec<&Appointment>> = HashMap::new();
    for a in input.appointments {
        if let Some(s) = a.seat_id {
            by_seat.entry(s).or_default().push(a);
        }
    }
    let in_seat = |seat: Id| by_seat.get(&seat).map_or(&[][..], Vec::as_slice);
    let mut seats = Vec::new();
    for (seat, description) in input.seats {
        let periods: Vec<(NaiveDate, NaiveDate)> = in_seat(seat.id)
            .iter()
            .map(|a| (a.from, last_day(a)))
            .collect();
        let held = if counted > 0 {
            covered_days(periods.clone(), from, until)
        } else {
            0
        };
        if !seat.active && held == 0 {
            continue; // retired, and not held in the period
        }
        let empty_at_end = counted > 0 && !periods.iter().any(|(a, b)| *a <= until && *b >= until);
        seats.push(SeatCoverage {
            seat_id: seat.id,
            position: seat.position,
            role: seat.role,
            organisation_id: seat.organisation_id,
            description: description.clone(),
            days_empty: counted - held,
            empty_at_end,
        });
    }
    let mut own: BTreeMap<Id, bool> = BTreeMap::new();
    for s in &seats {
        if let Some(org) = s.organisation_id {
            let full = own.entry(org).or_insert(true);
            *full &= s.days_empty == 0;
        }
    }
    let filled_by_month = (1..=12)
        .filter_map(|month| NaiveDate::from_ymd_opt(input.year, month, 1))
        .filter(|d| *d <= until)
        .map(|d| {
            let n = seats
                .iter()
                .filter(|s| in_seat(s.seat_id).iter().any(|a| a.serves_on(d)))
                .count();
            u32::try_from(n).unwrap_or(u32::MAX)
        })
        .collect();
    let coverage = CoverageFigures {
        days: counted,
        organisations_with_seats: u32::try_from(own.len()).unwrap_or(u32::MAX),
        organisations_covered: u32::try_from(own.values().filter(|f| **f).count())
            .unwrap_or(u32::MAX),
        seat_days_empty: seats.iter().map(|s| s.days_empty).sum(),
        seats_empty_at_end: u32::try_from(seats.iter().filter(|s| s.empty_at_end).count())
            .unwrap_or(u32::MAX),
        filled_by_month,
        seats,
    };

    // Turnover over from..=until.
    let within = |d: NaiveDate| d >= from && d <= until;
    let ended: Vec<&Appointment> = input
        .appointments
        .iter()
        .filter(|a| a.ended_on.is_some_and(within))
        .collect();
    let replaced = ended
        .iter()
        .filter(|a| a.role == Role::Representative)
        .filter(|a| {
            let end = last_day(a);
            let by = until.max(end + Duration::days(1));
            // A seat's successors are in the seat; without seats (free membership), anywhere.
            let all: Vec<&Appointment> = match a.seat_id {
                Some(_) => Vec::new(),
                None => input.appointments.iter().collect(),
            };
            let candidates = match a.seat_id {
                Some(seat) => in_seat(seat),
                None => &all[..],
            };
            candidates.iter().any(|b| {
                b.id != a.id
                    && b.person_id != a.person_id
                    && b.role == Role::Representative
                    && b.group_id == a.group_id
                    && match (a.seat_id, b.seat_id) {
                        (Some(x), Some(y)) => x == y,
                        _ => b.organisation_id == a.organisation_id,
                    }
                    && b.from > end
                    && b.from <= by
            })
        })
        .count();
    let average_days_in_seat = (!ended.is_empty()).then(|| {
        let total: u64 = ended
            .iter()
            .map(|a| u64::from(days(a.from, last_day(a))))
            .sum();
        total as f64 / ended.len() as f64
    });
    let turnover = TurnoverFigures {
        started: count(input.appointments.iter().filter(|a| within(a.from))),
        ended: count(ended.iter()),
        representatives_replaced: u32::try_from(replaced).unwrap_or(u32::MAX),
        average_days_in_seat,
        serving_at_end: if counted > 0 {
            count(input.appointments.iter().filter(|a| a.serves_on(until)))
        } else {
            0
        },
    };

    GroupFigures {
        year: input.year,
        from,
        until,
        meetings,
        meeting_rows,
        organisations,
        kinds,
        cells,
        coverage,
        turnover,
        forms: input.forms,
    }
}

fn count<T>(it: impl Iterator<Item = T>) -> u32 {
    u32::try_from(it.count()).unwrap_or(u32::MAX)
}

/// The year's last day, or `today` while the year runs (the day before the year when it has
/// not begun).
pub fn until(year: i32, today: NaiveDate) -> NaiveDate {
    let end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
    if today.year() > year {
        end
    } else {
        end.min(today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn covered_days_merge_overlaps_and_clip_to_the_period() {
        let p = vec![
            (d("2026-12-01"), d("2027-01-10")),
            (d("2027-01-05"), d("2027-01-20")),
            (d("2027-03-01"), d("2027-03-01")),
        ];
        assert_eq!(covered_days(p, d("2027-01-01"), d("2027-12-31")), 21);
    }

    #[test]
    fn the_period_ends_today_while_the_year_runs() {
        assert_eq!(until(2026, d("2026-11-22")), d("2026-11-22"));
        assert_eq!(until(2025, d("2026-11-22")), d("2025-12-31"));
    }
}
