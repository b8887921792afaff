//! Meetings: CRUD, each group's plan settings and blocked periods, the year plan (propose →
//! adjust → apply) and attendance. The exports built on them are in `meeting_exports.rs`.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Register;
use crate::error::{Entity, Error, Field, Invalid};
use crate::lang::Lang;
use crate::model::date::parse_date;
use crate::model::{
    AttendanceRow, AttendanceStatus, Blackout, BlackoutDraft, BlackoutFields, Id, Meeting,
    MeetingDraft, MeetingFields, MeetingStatus, PlanSettings,
};
use crate::schedule::plan::{BlockedPeriod, Forbidden, PlanInput, PlanRules, Slot};
use crate::schedule::{SwedishCalendar, forbidden_reason, propose};
use crate::stamp::log_time;
use crate::store;

/// The years the planner works with.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// One group's part of a proposed year plan.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct GroupProposal {
    pub group_id: Id,
    pub group_name: String,
    pub cadence: u16,
    pub settings: PlanSettings,
    /// Meetings the group already has in the year (all statuses).
    pub existing: Vec<Meeting>,
    /// The stretches of the year that need a meeting and the day proposed in each (none when
    /// no free day was found).
    pub slots: Vec<Slot>,
}

/// A proposed year plan.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PlanProposal {
    pub year: i32,
    pub groups: Vec<GroupProposal>,
}

/// A meeting to create from a (possibly adjusted) proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlannedMeeting {
    pub group_id: Id,
    /// YYYY-MM-DD.
    pub date: String,
}

/// A day the planner will not use, for showing in the year view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ForbiddenDay {
    pub date: NaiveDate,
    pub reason: Forbidden,
    /// The reason in words, in the user's language.
    pub text: String,
}

/// A day the planner avoids (a holiday, an eve, a bridge day, …) chosen by hand for a meeting:
/// a warning the coordinator may accept, never a refusal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DayWarning {
    pub date: NaiveDate,
    pub reason: Forbidden,
    /// The warning in the user's language: "Planeraren undviker 2027-03-25: skärtorsdagen."
    pub text: String,
}

/// A meeting with everyone invited and how they attended.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct MeetingAttendance {
    pub meeting: Meeting,
    pub rows: Vec<AttendanceRow>,
}

/// A calendar identity that is unique across registers and machines: a random (version 4)
/// UUID, 122 random bits from the operating system's generator, as 32 hex digits before
/// `@samverkan`. A meeting keeps the UID it was stored with.
fn new_uid() -> String {
    format!("{}@samverkan", uuid::Uuid::new_v4().simple())
}

pub(super) fn year_bounds(year: i32) -> Result<(NaiveDate, NaiveDate), Error> {
    let bad = || {
        Error::invalid(
            Field::Year,
            Invalid::OutOfRange {
                min: i64::from(*YEARS.start()),
                max: i64::from(*YEARS.end()),
            },
        )
    };
    if !YEARS.contains(&year) {
        return Err(bad());
    }
    match (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) {
        (Some(a), Some(b)) => Ok((a, b)),
        _ => Err(bad()),
    }
}

pub(super) fn not_found(what: Entity, id: Id) -> Error {
    Error::NotFound {
        what,
        query: id.to_string(),
    }
}

impl Register {
    pub fn meeting(&self, id: Id) -> Result<Meeting, Error> {
        store::meetings::get(&self.conn, id)?.ok_or_else(|| not_found(Entity::Meeting, id))
    }

    /// Meetings in date order, of one group or all, in one year or all.
    pub fn meetings(&self, group_id: Option<Id>, year: Option<i32>) -> Result<Vec<Meeting>, Error> {
        if let Some(g) = group_id {
            self.group(g)?;
        }
        let (from, to) = match year {
            Some(y) => {
                let (a, b) = year_bounds(y)?;
                (Some(a), Some(b))
            }
            None => (None, None),
        };
        store::meetings::list(&self.conn, group_id, from, to)
    }

    /// A group's plan settings, the defaults when none are stored.
    pub fn plan_settings(&self, group_id: Id) -> Result<PlanSettings, Error> {
        self.group(group_id)?;
        Ok(store::meetings::plan_settings(&self.conn, group_id)?
            .unwrap_or_else(|| PlanSettings::default_for(group_id)))
    }

    pub fn set_plan_settings(&mut self, settings: &PlanSettings) -> Result<PlanSettings, Error> {
        let checked = settings.checked()?;
        self.group(checked.group_id)?;
        self.write(|tx| store::meetings::set_plan_settings(tx, &checked))?;
        self.plan_settings(checked.group_id)
    }

    /// Adds a meeting at `now`. Times, place and link left out come from the group's plan
    /// settings. Any day may be chosen for a meeting added by hand; `meeting_day_warning`
    /// says when it is one the planner avoids.
    pub fn add_meeting(
        &mut self,
        draft: &MeetingDraft,
        now: DateTime<Utc>,
    ) -> Result<Meeting, Error> {
        let settings = self.plan_settings(draft.group_id)?;
        let mut fields = MeetingFields::check(draft, &settings)?;
        if fields.place.is_none() && draft.place.is_none() {
            fields.place = settings.place.clone();
        }
        if fields.online_link.is_none() && draft.online_link.is_none() {
            fields.online_link = settings.online_link.clone();
        }
        let now = log_time(now);
        let id = self.write(|tx| {
            let id = store::meetings::insert(tx, &fields, &new_uid(), &now)?;
            super::agenda::start_from_group(tx, id, fields.group_id)?;
            Ok(id)
        })?;
        self.meeting(id)
    }

    /// Changes a meeting (its group stays); the calendar sequence increases.
    pub fn edit_meeting(
        &mut self,
        id: Id,
        draft: &MeetingDraft,
        now: DateTime<Utc>,
    ) -> Result<Meeting, Error> {
        let old = self.meeting(id)?;
        let settings = self.plan_settings(old.group_id)?;
        let mut d = draft.clone();
        d.group_id = old.group_id;
        let fields = MeetingFields::check(&d, &settings)?;
        let unchanged = MeetingDraft::from(&old);
        if MeetingFields::check(&unchanged, &settings).ok().as_ref() == Some(&fields) {
            return Ok(old);
        }
        let now = log_time(now);
        self.write(|tx| store::meetings::update(tx, id, &fields, &now))?;
        self.meeting(id)
    }

    /// Cancels a meeting: it stays in the history (and in calendars as cancelled).
    pub fn cancel_meeting(&mut self, id: Id, now: DateTime<Utc>) -> Result<Meeting, Error> {
        let old = self.meeting(id)?;
        if old.status == MeetingStatus::Cancelled {
            return Ok(old);
        }
        let now = log_time(now);
        self.write(|tx| store::meetings::set_status(tx, id, MeetingStatus::Cancelled, &now))?;
        self.meeting(id)
    }

    pub fn blackouts(&self) -> Result<Vec<Blackout>, Error> {
        store::meetings::blackouts(&self.conn)
    }

    pub fn add_blackout(&mut self, draft: &BlackoutDraft) -> Result<Blackout, Error> {
        let fields = BlackoutFields::try_from(draft)?;
        if let Some(g) = fields.group_id {
            self.group(g)?;
        }
        let id = self.write(|tx| store::meetings::insert_blackout(tx, &fields))?;
        self.blackouts()?
            .into_iter()
            .find(|b| b.id == id)
            .ok_or_else(|| not_found(Entity::Blackout, id))
    }

    pub fn remove_blackout(&mut self, id: Id) -> Result<Blackout, Error> {
        let b = self
            .blackouts()?
            .into_iter()
            .find(|b| b.id == id)
            .ok_or_else(|| not_found(Entity::Blackout, id))?;
        self.write(|tx| store::meetings::delete_blackout(tx, id))?;
        Ok(b)
    }

    fn plan_rules(&self, year: i32) -> Result<PlanRules, Error> {
        year_bounds(year)?;
        let calendar = SwedishCalendar::new(year).ok_or_else(|| {
            Error::invalid(
                Field::Year,
                Invalid::OutOfRange {
                    min: 2000,
                    max: 2100,
                },
            )
        })?;
        let blocked = self
            .blackouts()?
            .into_iter()
            .map(|b| BlockedPeriod {
                group_id: b.group_id,
                from: b.from,
                to: b.to,
                label: b.label,
            })
            .collect();
        Ok(PlanRules { calendar, blocked })
    }

    /// The weekdays of `year` (for one group's blocked periods) on which the planner will not
    /// place a meeting, with the reason.
    pub fn forbidden_days(
        &self,
        year: i32,
        group_id: Option<Id>,
        lang: Lang,
    ) -> Result<Vec<ForbiddenDay>, Error> {
        let rules = self.plan_rules(year)?;
        let (first, last) = year_bounds(year)?;
        Ok(first
            .iter_days()
            .take_while(|d| *d <= last)
            .filter_map(|d| {
                forbidden_reason(&rules, group_id.unwrap_or(0), d)
                    .filter(|r| *r != Forbidden::Weekend)
                    .map(|reason| ForbiddenDay {
                        date: d,
                        text: reason.describe(lang),
                        reason,
                    })
            })
            .collect())
    }

    /// Whether `date` is a day the planner avoids for a meeting of `group_id` (any reason of
    /// `forbidden_reason`: weekend, holiday, eve, bridge day, July, the Christmas break, a
    /// blocked period), as a warning: a meeting set by hand on it is still saved. `None` on a
    /// free day, and for years outside the planner's (`YEARS`).
    pub fn meeting_day_warning(
        &self,
        group_id: Id,
        date: NaiveDate,
        lang: Lang,
    ) -> Result<Option<DayWarning>, Error> {
        self.group(group_id)?;
        if !YEARS.contains(&date.year()) {
            return Ok(None);
        }
        let rules = self.plan_rules(date.year())?;
        Ok(
            forbidden_reason(&rules, group_id, date).map(|reason| DayWarning {
                date,
                text: crate::error::avoided_day_warning(date, &reason, lang),
                reason,
            }),
        )
    }

    fn shares(&self, year: i32) -> Result<HashSet<(Id, Id)>, Error> {
        let (a, b) = year_bounds(year)?;
        Ok(store::meetings::groups_sharing_members(&self.conn, a, b)?
            .into_iter()
            .collect())
    }

    /// Proposes the year's meetings for one group or all groups with a cadence, from their
    /// plan settings, around what is already planned.
    pub fn propose_plan(&self, year: i32, group_id: Option<Id>) -> Result<PlanProposal, Error> {
        let rules = self.plan_rules(year)?;
        let groups = match group_id {
            Some(g) => vec![self.group(g)?],
            None => store::groups::list(&self.conn)?,
        };
        let all = self.meetings(None, Some(year))?;
        let mut busy: HashMap<Id, BTreeSet<NaiveDate>> = HashMap::new();
        for m in all.iter().filter(|m| m.status != MeetingStatus::Cancelled) {
            busy.entry(m.group_id).or_default().insert(m.date);
        }
        let shares = self.shares(year)?;
        let mut inputs = Vec::new();
        let mut proposals = Vec::new();
        for g in groups {
            let settings = self.plan_settings(g.id)?;
            let existing: Vec<Meeting> =
                all.iter().filter(|m| m.group_id == g.id).cloned().collect();
            inputs.push(PlanInput {
                group_id: g.id,
                count: g.meetings_per_year,
                weekdays: settings.chrono_weekdays(),
                existing: existing
                    .iter()
                    .filter(|m| !m.extra && m.status != MeetingStatus::Cancelled)
                    .map(|m| m.date)
                    .collect(),
            });
            proposals.push(GroupProposal {
                group_id: g.id,
                group_name: g.name.to_string(),
                cadence: g.meetings_per_year,
                settings,
                existing,
                slots: vec![],
            });
        }
        let slots = propose(year, &rules, &inputs, &busy, &shares);
        for p in &mut proposals {
            p.slots = slots
                .iter()
                .filter(|s| s.group_id == p.group_id)
                .cloned()
                .collect();
        }
        proposals.retain(|p| p.cadence > 0 || !p.existing.is_empty());
        Ok(PlanProposal {
            year,
            groups: proposals,
        })
    }

    /// Creates the planned meetings (as proposed, or with dates the coordinator moved), all
    /// or none: a day the rules forbid, a second meeting of a group on one day, or a day when
    /// a group sharing members meets is refused.
    pub fn apply_plan(
        &mut self,
        year: i32,
        planned: &[PlannedMeeting],
        now: DateTime<Utc>,
    ) -> Result<Vec<Meeting>, Error> {
        let rules = self.plan_rules(year)?;
        let shares = self.shares(year)?;
        let mut busy: Vec<(Id, NaiveDate)> = self
            .meetings(None, Some(year))?
            .into_iter()
            .filter(|m| m.status != MeetingStatus::Cancelled)
            .map(|m| (m.group_id, m.date))
            .collect();
        let mut checked = Vec::with_capacity(planned.len());
        for p in planned {
            let group = self.group(p.group_id)?;
            let date = parse_date(Field::Date, &p.date)?;
            if date.year() != year {
                return Err(Error::invalid(
                    Field::Date,
                    Invalid::OutOfRange {
                        min: i64::from(year),
                        max: i64::from(year),
                    },
                ));
            }
            if let Some(reason) = forbidden_reason(&rules, group.id, date) {
                return Err(Error::ForbiddenDay {
                    group: group.name.to_string(),
                    date,
                    reason,
                });
            }
            let settings = self.plan_settings(group.id)?;
            for (other, day) in &busy {
                if *day != date {
                    continue;
                }
                if *other == group.id {
                    return Err(Error::Duplicate {
                        what: Entity::Meeting,
                        field: Field::Date,
                        value: format!("{} {date}", group.name),
                    });
                }
                let (a, b) = (group.id.min(*other), group.id.max(*other));
                if shares.contains(&(a, b)) {
                    return Err(Error::SharedMemberClash {
                        group: group.name.to_string(),
                        other: self.group(*other)?.name.to_string(),
                        date,
                    });
                }
            }
            busy.push((group.id, date));
            let draft = MeetingDraft {
                group_id: group.id,
                date: date.to_string(),
                place: settings.place.clone(),
                online_link: settings.online_link.clone(),
                ..MeetingDraft::default()
            };
            checked.push(MeetingFields::check(&draft, &settings)?);
        }
        let now = log_time(now);
        let ids = self.write(|tx| {
            checked
                .iter()
                .map(|f| {
                    let id = store::meetings::insert(tx, f, &new_uid(), &now)?;
                    super::agenda::start_from_group(tx, id, f.group_id)?;
                    Ok(id)
                })
                .collect::<Result<Vec<_>, Error>>()
        })?;
        ids.into_iter().map(|id| self.meeting(id)).collect()
    }

    /// Everyone invited to a meeting (the group's appointments on its day, protected people
    /// too: attendance stays in the register) and anyone who attended in another's place.
    pub fn attendance(&self, meeting_id: Id) -> Result<MeetingAttendance, Error> {
        let meeting = self.meeting(meeting_id)?;
        let roster = store::meetings::roster(&self.conn, meeting.group_id, meeting.date)?;
        let taken = store::meetings::attendance(&self.conn, meeting_id)?;
        let mut rows: Vec<AttendanceRow> = Vec::with_capacity(roster.len());
        for e in &roster {
            if rows.iter().any(|r| r.person_id == e.person_id) {
                continue;
            }
            let t = taken.iter().find(|t| t.0 == e.person_id);
            rows.push(AttendanceRow {
                person_id: e.person_id,
                person_name: e.name.clone(),
                person_protected: e.protected,
                organisation_id: e.organisation_id,
                organisation_name: e.organisation.clone(),
                role: Some(e.role),
                status: t.map(|t| t.1),
                substitute_for: t.and_then(|t| t.2),
                substitute_for_name: None,
            });
        }
        for (person_id, status, for_id) in &taken {
            if rows.iter().any(|r| r.person_id == *person_id) {
                continue;
            }
            let p = self.person(*person_id)?;
            rows.push(AttendanceRow {
                person_id: p.id,
                person_name: p.name.to_string(),
                person_protected: p.protected,
                organisation_id: p.organisation_id,
                organisation_name: p.organisation_name.clone(),
                role: None,
                status: Some(*status),
                substitute_for: *for_id,
                substitute_for_name: None,
            });
        }
        let names: HashMap<Id, String> = rows
            .iter()
            .map(|r| (r.person_id, r.person_name.clone()))
            .collect();
        for r in &mut rows {
            r.substitute_for_name = r.substitute_for.and_then(|id| names.get(&id).cloned());
        }
        Ok(MeetingAttendance { meeting, rows })
    }

    /// Records how a person attended. With `substitute_for`, the person attended in the place
    /// of that invited person of their own organisation (status must then be present).
    pub fn set_attendance(
        &mut self,
        meeting_id: Id,
        person_id: Id,
        status: AttendanceStatus,
        substitute_for: Option<Id>,
    ) -> Result<MeetingAttendance, Error> {
        let current = self.attendance(meeting_id)?;
        let m = &current.meeting;
        if m.status == MeetingStatus::Cancelled {
            return Err(Error::MeetingCancelled {
                group: m.group_name.clone(),
                date: m.date,
            });
        }
        let person = self.person(person_id)?;
        let invited = |id: Id| {
            current
                .rows
                .iter()
                .find(|r| r.person_id == id && r.role.is_some())
        };
        match substitute_for {
            None => {
                if invited(person_id).is_none() {
                    return Err(Error::NotInvited {
                        person: person.name.to_string(),
                        group: m.group_name.clone(),
                        date: m.date,
                    });
                }
            }
            Some(for_id) => {
                let other = self.person(for_id)?;
                let ok = status == AttendanceStatus::Present
                    && for_id != person_id
                    && invited(for_id).is_some_and(|r| r.organisation_id == person.organisation_id);
                if !ok {
                    return Err(Error::CannotStandIn {
                        person: person.name.to_string(),
                        for_person: other.name.to_string(),
                    });
                }
            }
        }
        self.write(|tx| {
            store::meetings::set_attendance(tx, meeting_id, person_id, status, substitute_for)
        })?;
        self.attendance(meeting_id)
    }
}

#[cfg(test)]
mod tests {
    use super::new_uid;

    #[test]
    fn a_new_meeting_uid_is_random_hex_at_samverkan() {
        let (a, b) = (new_uid(), new_uid());
        assert_ne!(a, b, "two UIDs made one after the other differ");
        for uid in [&a, &b] {
            let hex = uid.strip_suffix("@samverkan").expect("ends in @samverkan");
            assert_eq!(hex.len(), 32, "{uid}");
            assert!(
                hex.chars()
                    .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()),
                "{uid}"
            );
        }
        // A version 4 UUID: the version nibble is 4, the variant's bits are 10.
        let hex = a.trim_end_matches("@samverkan");
        assert_eq!(&hex[12..13], "4", "{a}");
        assert!(matches!(&hex[16..17], "8" | "9" | "a" | "b"), "{a}");
    }
}
