//! Counting a group's year from what the register holds: an appointment counts on the days it
//! served (`from ..= ended_on`), a meeting's invited organisations are those with someone
//! serving in the group on its day, and a seat is empty on a day nobody held it.

use std::collections::BTreeMap;

// Ids hashed tens of thousands of times a year counted: FxHash, not SipHash (no key here comes
// from outside the register, so there is nothing to guard against).
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use chrono::{Datelike, Duration, NaiveDate};

use super::{
    AttendanceCell, CoverageFigures, FormCounts, GroupFigures, KindAttendance, MeetingCounts,
    MeetingRow, OrgAttendance, OrgPresence, PresenceCounts, SeatCoverage, TurnoverFigures,
    WorkingGroupFigures, WorkingGroupRow, counts_attendance,
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

/// The periods clipped to `from..=to` and merged where they overlap or touch, in order.
fn merged(
    mut periods: Vec<(NaiveDate, NaiveDate)>,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<(NaiveDate, NaiveDate)> {
    periods.retain(|(a, b)| a <= &to && b >= &from && a <= b);
    periods.sort();
    let mut out: Vec<(NaiveDate, NaiveDate)> = Vec::with_capacity(periods.len());
    for (a, b) in periods {
        let (a, b) = (a.max(from), b.min(to));
        match out.last_mut() {
            Some(last) if a <= last.1 + Duration::days(1) => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// A meeting's counts by status.
fn meeting_counts(meetings: &[Meeting], cadence: u16) -> MeetingCounts {
    let mut c = MeetingCounts {
        cadence: u32::from(cadence),
        ..MeetingCounts::default()
    };
    for m in meetings {
        c.total += 1;
        match m.status {
            MeetingStatus::Planned => c.planned += 1,
            MeetingStatus::Held => c.held += 1,
            MeetingStatus::Cancelled => c.cancelled += 1,
        }
        if m.extra && m.status != MeetingStatus::Cancelled {
            c.extra += 1;
        }
    }
    c
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

    let meetings = meeting_counts(input.meetings, input.cadence);

    // Attendance: each held meeting, each organisation with someone serving on its day.
    let mut by_meeting: HashMap<Id, Vec<&AttendanceRow>> = HashMap::default();
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
        let mut org_of: HashMap<Id, Id> = HashMap::default();
        let mut regular: HashSet<Id> = HashSet::default();
        let mut invited: Vec<Id> = Vec::new();
        let mut seen_org: HashSet<Id> = HashSet::default();
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
        let mut seen: HashMap<Id, Seen> = HashMap::default();
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
                counts.merge(&o.counts);
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
    let mut by_seat: HashMap<Id, Vec<&Appointment>> = HashMap::default();
    for a in input.appointments {
        if let Some(s) = a.seat_id {
            by_seat.entry(s).or_default().push(a);
        }
    }
    let in_seat = |seat: Id| by_seat.get(&seat).map_or(&[][..], Vec::as_slice);
    let mut seats = Vec::new();
    // Seats held per day, as changes: +1 on a held period's first day, -1 after its last.
    let mut change = vec![0i64; counted as usize + 1];
    let day_index = |d: NaiveDate| usize::try_from((d - from).num_days()).unwrap_or(0);
    for (seat, description) in input.seats {
        let periods: Vec<(NaiveDate, NaiveDate)> = in_seat(seat.id)
            .iter()
            .map(|a| (a.from, last_day(a)))
            .collect();
        let held_periods = if counted > 0 {
            merged(periods.clone(), from, until)
        } else {
            Vec::new()
        };
        let held: u32 = held_periods.iter().map(|(a, b)| days(*a, *b)).sum();
        if !seat.active && held == 0 {
            continue; // retired, and not held in the period
        }
        for (a, b) in &held_periods {
            change[day_index(*a)] += 1;
            change[day_index(*b) + 1] -= 1;
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
    let mut filled_by_day = Vec::with_capacity(counted as usize);
    let mut held_now = 0i64;
    for c in change.iter().take(counted as usize) {
        held_now += c;
        filled_by_day.push(u32::try_from(held_now).unwrap_or(0));
    }
    let filled_by_month = (1..=12)
        .filter_map(|month| NaiveDate::from_ymd_opt(input.year, month, 1))
        .filter(|d| *d <= until)
        .map(|d| filled_by_day.get(day_index(d)).copied().unwrap_or(0))
        .collect();
    let filled_average = (!filled_by_day.is_empty()).then(|| {
        filled_by_day.iter().map(|n| f64::from(*n)).sum::<f64>() / filled_by_day.len() as f64
    });
    let coverage = CoverageFigures {
        days: counted,
        organisations_with_seats: u32::try_from(own.len()).unwrap_or(u32::MAX),
        organisations_covered: u32::try_from(own.values().filter(|f| **f).count())
            .unwrap_or(u32::MAX),
        seat_days_empty: seats.iter().map(|s| s.days_empty).sum(),
        seats_empty_at_end: u32::try_from(seats.iter().filter(|s| s.empty_at_end).count())
            .unwrap_or(u32::MAX),
        filled_by_month,
        filled_by_day,
        filled_average,
        seats,
    };

    // Turnover over from..=until.
    let within = |d: NaiveDate| d >= from && d <= until;
    let mut by_org: HashMap<Id, Vec<&Appointment>> = HashMap::default();
    for a in input.appointments {
        by_org.entry(a.organisation_id).or_default().push(a);
    }
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
            // A seat's successors are in the seat; without seats (free membership), in the
            // organisation.
            let candidates = match a.seat_id {
                Some(seat) => in_seat(seat),
                None => by_org
                    .get(&a.organisation_id)
                    .map_or(&[][..], Vec::as_slice),
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

/// What the register holds about one working group.
#[derive(Debug)]
pub struct WorkingGroupInput<'a> {
    pub group_id: Id,
    pub name: &'a str,
    pub cadence: u16,
    /// Its meetings dated in the year.
    pub meetings: &'a [Meeting],
    /// The date of its first meeting ever.
    pub first_meeting: Option<NaiveDate>,
    /// Its appointments (its whole history).
    pub appointments: &'a [Appointment],
}

/// Counts the working groups' year: a group is active with someone serving in it on a day of
/// the period (`year`'s first day to `until`) or a meeting dated in the year, formed in the
/// year when its first day (first appointment or meeting) lies in it.
pub fn working_groups(
    year: i32,
    until: NaiveDate,
    inputs: &[WorkingGroupInput<'_>],
) -> WorkingGroupFigures {
    let from = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
    let serves_in_period =
        |a: &&Appointment| until >= from && a.from <= until && last_day(a) >= from;
    let mut everyone: HashSet<Id> = HashSet::default();
    let mut groups = Vec::new();
    for g in inputs {
        let serving: Vec<&Appointment> = g.appointments.iter().filter(serves_in_period).collect();
        let meetings = meeting_counts(g.meetings, g.cadence);
        if serving.is_empty() && meetings.total == 0 {
            continue;
        }
        let people: HashSet<Id> = serving.iter().map(|a| a.person_id).collect();
        let orgs: HashSet<Id> = serving.iter().map(|a| a.organisation_id).collect();
        let at_end: HashSet<Id> = serving
            .iter()
            .filter(|a| a.serves_on(until))
            .map(|a| a.person_id)
            .collect();
        everyone.extend(people.iter().copied());
        let formed_on = g
            .appointments
            .iter()
            .map(|a| a.from)
            .chain(g.first_meeting)
            .min();
        groups.push(WorkingGroupRow {
            group_id: g.group_id,
            name: g.name.to_owned(),
            formed_on,
            formed_in_year: formed_on.is_some_and(|d| d.year() == year),
            members: count(people.iter()),
            members_at_end: count(at_end.iter()),
            organisations: count(orgs.iter()),
            meetings,
        });
    }
    groups.sort_by_cached_key(|g| (crate::model::sort_key(&g.name), g.group_id));
    WorkingGroupFigures {
        year,
        from,
        until,
        active: count(groups.iter()),
        formed: count(groups.iter().filter(|g| g.formed_in_year)),
        members: count(everyone.iter()),
        meetings_held: groups.iter().map(|g| g.meetings.held).sum(),
        groups,
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
    fn held_periods_merge_overlaps_and_clip_to_the_period() {
        let p = vec![
            (d("2026-12-01"), d("2027-01-10")),
            (d("2027-01-05"), d("2027-01-20")),
            (d("2027-03-01"), d("2027-03-01")),
        ];
        let m = merged(p, d("2027-01-01"), d("2027-12-31"));
        assert_eq!(
            m,
            vec![
                (d("2027-01-01"), d("2027-01-20")),
                (d("2027-03-01"), d("2027-03-01"))
            ]
        );
        assert_eq!(m.iter().map(|(a, b)| days(*a, *b)).sum::<u32>(), 21);
        let touching = vec![
            (d("2027-01-01"), d("2027-01-31")),
            (d("2027-02-01"), d("2027-02-10")),
        ];
        assert_eq!(
            merged(touching, d("2027-01-01"), d("2027-12-31")),
            vec![(d("2027-01-01"), d("2027-02-10"))]
        );
    }

    #[test]
    fn the_period_ends_today_while_the_year_runs() {
        assert_eq!(until(2026, d("2026-11-22")), d("2026-11-22"));
        assert_eq!(until(2025, d("2026-11-22")), d("2025-12-31"));
    }
}
