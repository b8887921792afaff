//! The year plan: from each group's cadence, propose its meetings for a year, spread evenly
//! over the days a meeting may be held (so July and the Christmas break do not take a share),
//! on the group's preferred weekdays, never on a forbidden day, and never on a day when a
//! group that shares members with it meets.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::calendar::{DayKind, Holiday, SwedishCalendar};
use crate::model::Id;

/// Why no meeting may be planned on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "kind")]
#[ts(export)]
pub enum Forbidden {
    Weekend,
    PublicHoliday {
        holiday: Holiday,
    },
    DeFactoHoliday {
        holiday: Holiday,
    },
    BridgeDay,
    July,
    /// 20 December to 6 January.
    ChristmasBreak,
    /// A period the coordinator has blocked.
    Blackout {
        label: String,
    },
}

impl Forbidden {
    /// Why, in words: "midsommarafton", "en klämdag", "juli".
    pub fn describe(&self, lang: crate::Lang) -> String {
        let sv = lang == crate::Lang::Sv;
        match self {
            Forbidden::Weekend => lang.pick("helg", "a weekend").into(),
            Forbidden::PublicHoliday { holiday } | Forbidden::DeFactoHoliday { holiday } => {
                if sv {
                    holiday.name_sv().into()
                } else {
                    holiday.name_en().into()
                }
            }
            Forbidden::BridgeDay => lang.pick("en klämdag", "a bridge day").into(),
            Forbidden::July => lang.pick("juli", "July").into(),
            Forbidden::ChristmasBreak => lang
                .pick(
                    "jul- och nyårsuppehållet (20/12–6/1)",
                    "the Christmas break (20 Dec–6 Jan)",
                )
                .into(),
            Forbidden::Blackout { label } => {
                if sv {
                    format!("spärrad period ({label})")
                } else {
                    format!("a blocked period ({label})")
                }
            }
        }
    }
}

/// A blocked period, for all groups or one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockedPeriod {
    pub group_id: Option<Id>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub label: String,
}

/// The fixed rules of a plan: the calendar of the year and the blocked periods.
#[derive(Debug, Clone)]
pub struct PlanRules {
    pub calendar: SwedishCalendar,
    pub blocked: Vec<BlockedPeriod>,
}

/// Why `date` is forbidden for a meeting of `group_id`, or `None` when it may be used.
pub fn forbidden_reason(rules: &PlanRules, group_id: Id, date: NaiveDate) -> Option<Forbidden> {
    let other;
    let calendar = if date.year() == rules.calendar.year() {
        &rules.calendar
    } else {
        other = SwedishCalendar::new(date.year())?;
        &other
    };
    match calendar.day_kind(date) {
        DayKind::Weekend => return Some(Forbidden::Weekend),
        DayKind::PublicHoliday(holiday) => return Some(Forbidden::PublicHoliday { holiday }),
        DayKind::DeFactoHoliday(holiday) => return Some(Forbidden::DeFactoHoliday { holiday }),
        DayKind::BridgeDay => return Some(Forbidden::BridgeDay),
        DayKind::WorkingDay => {}
    }
    if date.month() == 7 {
        return Some(Forbidden::July);
    }
    if (date.month() == 12 && date.day() >= 20) || (date.month() == 1 && date.day() <= 6) {
        return Some(Forbidden::ChristmasBreak);
    }
    rules
        .blocked
        .iter()
        .find(|b| b.group_id.is_none_or(|g| g == group_id) && b.from <= date && date <= b.to)
        .map(|b| Forbidden::Blackout {
            label: b.label.clone(),
        })
}

/// One group's part of a plan.
#[derive(Debug, Clone)]
pub struct PlanInput {
    pub group_id: Id,
    /// Meetings a year (the cadence).
    pub count: u16,
    /// The weekdays the group prefers (Monday to Friday).
    pub weekdays: Vec<Weekday>,
    /// Days the group already has a regular (not extra, not cancelled) meeting in the year.
    pub existing: Vec<NaiveDate>,
}

/// One proposed slot: the stretch of the year it stands for and the day chosen in it, if a
/// free day was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Slot {
    pub group_id: Id,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub date: Option<NaiveDate>,
}

/// Proposes the meetings of every group in `groups`, in that order (earlier groups choose
/// first). `busy` holds the days each group already meets (all groups, also those not being
/// planned); `shares(a, b)` says whether two groups share members, and then they never meet on
/// the same day. Stretches that already hold a regular meeting of the group are left alone.
pub fn propose(
    year: i32,
    rules: &PlanRules,
    groups: &[PlanInput],
    busy: &HashMap<Id, BTreeSet<NaiveDate>>,
    shares: &HashSet<(Id, Id)>,
) -> Vec<Slot> {
    let mut busy = busy.clone();
    let mut slots = Vec::new();
    let (Some(first), Some(last)) = (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) else {
        return slots;
    };
    for g in groups.iter().filter(|g| g.count > 0) {
        let usable: Vec<NaiveDate> = first
            .iter_days()
            .take_while(|d| *d <= last)
            .filter(|d| g.weekdays.contains(&d.weekday()))
            .filter(|d| forbidden_reason(rules, g.group_id, *d).is_none())
            .collect();
        let n = usize::from(g.count);
        if usable.is_empty() {
            continue;
        }
        let parts = n.min(usable.len());
        let conflicts = |d: NaiveDate, busy: &HashMap<Id, BTreeSet<NaiveDate>>| {
            busy.iter().any(|(other, days)| {
                days.contains(&d)
                    && (*other == g.group_id
                        || shares.contains(&(g.group_id, *other))
                        || shares.contains(&(*other, g.group_id)))
            })
        };
        for i in 0..parts {
            let lo = i * usable.len() / parts;
            let hi = (i + 1) * usable.len() / parts;
            let from = if i == 0 { first } else { usable[lo] };
            let to = if i + 1 == parts {
                last
            } else {
                usable[hi] - Duration::days(1)
            };
            if g.existing.iter().any(|d| from <= *d && *d <= to) {
                continue;
            }
            let part = &usable[lo..hi];
            let mid = part.len() / 2;
            // Nearest to the middle first, earlier before later at equal distance.
            let mut order: Vec<usize> = (0..part.len()).collect();
            order.sort_by_key(|j| (j.abs_diff(mid), *j > mid));
            let date = order
                .into_iter()
                .map(|j| part[j])
                .find(|d| !conflicts(*d, &busy));
            if let Some(d) = date {
                busy.entry(g.group_id).or_default().insert(d);
            }
            slots.push(Slot {
                group_id: g.group_id,
                from,
                to,
                date,
            });
        }
    }
    slots
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(year: i32) -> PlanRules {
        PlanRules {
            calendar: SwedishCalendar::new(year).expect("calendar"),
            blocked: vec![],
        }
    }

    #[test]
    fn four_meetings_fall_one_in_each_quarter_of_the_working_year() {
        let r = rules(2027);
        let g = PlanInput {
            group_id: 1,
            count: 4,
            weekdays: vec![Weekday::Tue, Weekday::Wed, Weekday::Thu],
            existing: vec![],
        };
        let slots = propose(2027, &r, &[g], &HashMap::new(), &HashSet::new());
        let months: Vec<u32> = slots
            .iter()
            .filter_map(|s| s.date.map(|d| d.month()))
            .collect();
        assert_eq!(months.len(), 4);
        assert!(months[0] <= 3 && (3..=6).contains(&months[1]), "{months:?}");
        assert!(
            (8..=10).contains(&months[2]) && months[3] >= 10,
            "{months:?}"
        );
    }

    #[test]
    fn groups_sharing_members_never_meet_on_the_same_day() {
        let r = rules(2027);
        let wed = vec![Weekday::Wed];
        let a = PlanInput {
            group_id: 1,
            count: 4,
            weekdays: wed.clone(),
            existing: vec![],
        };
        let b = PlanInput {
            group_id: 2,
            count: 4,
            weekdays: wed,
            existing: vec![],
        };
        let shares = HashSet::from([(1, 2)]);
        let slots = propose(2027, &r, &[a, b], &HashMap::new(), &shares);
        let days: Vec<NaiveDate> = slots.iter().filter_map(|s| s.date).collect();
        assert_eq!(days.len(), 8);
        let unique: BTreeSet<_> = days.iter().collect();
        assert_eq!(unique.len(), 8, "{days:?}");
    }

    #[test]
    fn a_blackout_for_one_group_does_not_block_another() {
        let mut r = rules(2027);
        let d: NaiveDate = "2027-02-24".parse().expect("date");
        r.blocked.push(BlockedPeriod {
            group_id: Some(1),
            from: d,
            to: d,
            label: "Sportlov".into(),
        });
        assert!(matches!(
            forbidden_reason(&r, 1, d),
            Some(Forbidden::Blackout { .. })
        ));
        assert_eq!(forbidden_reason(&r, 2, d), None);
    }
}
