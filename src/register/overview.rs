//! What needs the coordinator's attention: vacant seats, terms ending soon, terms expired;
//! and the coverage matrix of organisations by groups.

use std::collections::{HashMap, HashSet};

use chrono::{Days, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::{FormState, FormStatusRow, Page, PageRequest, Register, RegisterInfo};
use crate::error::Error;
use crate::model::{Appointment, Group, GroupKind, Id, Role, Seat, sort_key};
use crate::store;

/// The first steps of a new register, each done or not: what Översikt's checklist shows until
/// all are done (and `info` prints). Read from the register itself, so a step is ticked however
/// it was done (in the app, the CLI, or an import).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FirstSteps {
    /// The coordinator's own name and e-mail address, named in calendars and invitations.
    pub own_details: bool,
    /// Anyone in the register (imported or added).
    pub people: bool,
    /// A mandate form printed.
    pub forms_printed: bool,
    /// A meeting on or after today: the year is planned.
    pub meetings_planned: bool,
}

impl FirstSteps {
    pub fn done(&self) -> usize {
        [
            self.own_details,
            self.people,
            self.forms_printed,
            self.meetings_planned,
        ]
        .iter()
        .filter(|d| **d)
        .count()
    }
}

impl Register {
    /// Which of the first steps are done, on `today`.
    pub fn first_steps(&self, today: NaiveDate) -> Result<FirstSteps, Error> {
        let organiser = self.organiser()?;
        Ok(FirstSteps {
            own_details: organiser.name.is_some() && organiser.email.is_some(),
            people: store::people::any(&self.conn)?,
            forms_printed: store::forms::any_print(&self.conn)?,
            meetings_planned: store::meetings::any_from(&self.conn, today)?,
        })
    }
}

/// What kind of attention an item needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum VacancyKind {
    MissingRepresentative,
    MissingSubstitute,
    /// A seat of another role (member, chair, convener), or an open seat, stands empty.
    EmptySeat,
    TermExpired,
    TermEnding,
}

/// One item of the vacancy report.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Vacancy {
    pub kind: VacancyKind,
    pub group_id: Id,
    pub group_name: String,
    /// The organisation whose seat it is (`None`: an empty open seat).
    pub organisation_id: Option<Id>,
    pub organisation_name: Option<String>,
    /// The seat (`None` only for a term in a group with free membership).
    pub seat: Option<Seat>,
    /// The appointment whose term ends or has ended.
    pub appointment: Option<Appointment>,
    /// Who is already decided to take the seat next, and from when.
    pub successor: Option<Appointment>,
}

/// One cell of the coverage matrix.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CoverageCell {
    pub group_id: Id,
    pub seated: bool,
    /// The organisation's own seats in the group, and how many of them nobody holds.
    pub seats: usize,
    pub vacant: usize,
    pub representative: Option<String>,
    pub substitute: Option<String>,
    /// Whether a seat holder here has protected personal data.
    pub protected: bool,
    /// People in other roles (member, chair, convener).
    pub others: usize,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CoverageRow {
    pub organisation_id: Id,
    pub organisation_name: String,
    pub cells: Vec<CoverageCell>,
}

/// Organisations by groups: representative, substitute or a gap.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Coverage {
    pub groups: Vec<Group>,
    pub rows: Vec<CoverageRow>,
    /// Per group (in the order of `groups`), its open seats that nobody holds: they belong to
    /// no organisation's row.
    pub open_vacant: Vec<usize>,
}

/// The order groups are shown in where gaps are listed: the county group first, then the
/// steering group, working groups and local groups.
pub(crate) fn group_rank(g: &Group) -> (u8, Id) {
    let kind = match g.kind {
        GroupKind::County => 0,
        GroupKind::Steering => 1,
        GroupKind::Working => 2,
        GroupKind::Local => 3,
    };
    (kind, g.id)
}

impl Register {
    /// Every seat of every group (groups with free membership have none) that nobody holds
    /// on `today`; for every group, terms that end within `within_days` and terms that have
    /// expired with nobody replacing the holder; each with the successor already decided.
    /// Groups in the order of [`group_rank`], then seats in the group's order.
    pub fn vacancies(
        &self,
        today: NaiveDate,
        within_days: u32,
        group: Option<Id>,
    ) -> Result<Vec<Vacancy>, Error> {
        let horizon = today
            .checked_add_days(Days::new(u64::from(within_days)))
            .unwrap_or(NaiveDate::MAX);
        let groups: HashMap<Id, Group> = store::groups::list(&self.conn)?
            .into_iter()
            .map(|g| (g.id, g))
            .collect();
        let mut next: HashMap<Id, Appointment> = HashMap::new();
        for a in store::appointments::starting_after(&self.conn, today, group)? {
            if let Some(seat) = a.seat_id {
                next.entry(seat).or_insert(a);
            }
        }
        let mut items: Vec<Vacancy> = store::seats::vacant(&self.conn, today, group)?
            .into_iter()
            .map(|(seat, group_name)| Vacancy {
                kind: match seat.role {
                    Role::Representative if !seat.is_open() => VacancyKind::MissingRepresentative,
                    Role::Substitute if !seat.is_open() => VacancyKind::MissingSubstitute,
                    _ => VacancyKind::EmptySeat,
                },
                group_id: seat.group_id,
                group_name,
                organisation_id: seat.organisation_id,
                organisation_name: seat.organisation_name.clone(),
                successor: next.get(&seat.id).cloned(),
                seat: Some(seat),
                appointment: None,
            })
            .collect();
        let seats: HashMap<Id, Seat> = store::seats::all_active(&self.conn)?
            .into_iter()
            .map(|s| (s.id, s))
            .collect();
        for a in store::appointments::terms_ending(&self.conn, today, horizon, group)? {
            items.push(Vacancy {
                kind: if a.to.is_some_and(|to| to < today) {
                    VacancyKind::TermExpired
                } else {
                    VacancyKind::TermEnding
                },
                group_id: a.group_id,
                group_name: a.group_name.clone(),
                organisation_id: Some(a.organisation_id),
                organisation_name: Some(a.organisation_name.clone()),
                seat: a.seat_id.and_then(|s| seats.get(&s).cloned()),
                successor: a.seat_id.and_then(|s| next.get(&s).cloned()),
                appointment: Some(a),
            });
        }
        items.sort_by_cached_key(|v| {
            (
                groups.get(&v.group_id).map_or((9, v.group_id), group_rank),
                v.kind,
                v.seat.as_ref().map_or(i64::MAX, |s| s.position),
                v.organisation_name.as_deref().map(sort_key),
                v.organisation_id,
            )
        });
        Ok(items)
    }

    /// The coverage matrix on `today`: every active organisation that sits in or serves in a
    /// group, by every group.
    pub fn coverage(&self, today: NaiveDate) -> Result<Coverage, Error> {
        let groups = store::groups::list(&self.conn)?;
        let seats: HashSet<(Id, Id)> = store::organisations::all_seats(&self.conn)?
            .into_iter()
            .collect();
        let serving = store::appointments::serving_on(&self.conn, today, None)?;
        let mut own_seats: HashMap<(Id, Id), (usize, usize)> = HashMap::new();
        for s in store::seats::all_active(&self.conn)? {
            if let Some(org) = s.organisation_id {
                own_seats.entry((s.group_id, org)).or_default().0 += 1;
            }
        }
        let mut open_vacant = vec![0; groups.len()];
        for (s, _) in store::seats::vacant(&self.conn, today, None)? {
            match s.organisation_id {
                Some(org) => own_seats.entry((s.group_id, org)).or_default().1 += 1,
                None => {
                    if let Some(i) = groups.iter().position(|g| g.id == s.group_id) {
                        open_vacant[i] += 1;
                    }
                }
            }
        }
        let mut by_cell: HashMap<(Id, Id), Vec<&Appointment>> = HashMap::new();
        for a in &serving {
            by_cell
                .entry((a.group_id, a.organisation_id))
                .or_default()
                .push(a);
        }
        let mut rows = Vec::new();
        for o in store::organisations::list(&self.conn, &Default::default())? {
            let involved = groups
                .iter()
                .any(|g| seats.contains(&(g.id, o.id)) || by_cell.contains_key(&(g.id, o.id)));
            if !o.active || !involved {
                continue;
            }
            let cells = groups
                .iter()
                .map(|g| {
                    let here = by_cell
                        .get(&(g.id, o.id))
                        .map(Vec::as_slice)
                        .unwrap_or_default();
                    let holder = |role: Role| here.iter().rev().find(|a| a.role == role);
                    let (own, vacant) = own_seats.get(&(g.id, o.id)).copied().unwrap_or_default();
                    CoverageCell {
                        group_id: g.id,
                        seated: seats.contains(&(g.id, o.id)),
                        seats: own,
                        vacant,
                        representative: holder(Role::Representative).map(|a| a.person_name.clone()),
                        substitute: holder(Role::Substitute).map(|a| a.person_name.clone()),
                        protected: here.iter().any(|a| a.role.is_seat() && a.person_protected),
                        others: here.iter().filter(|a| !a.role.is_seat()).count(),
                    }
                })
                .collect();
            rows.push(CoverageRow {
                organisation_id: o.id,
                organisation_name: o.name.to_string(),
                cells,
            });
        }
        Ok(Coverage {
            groups,
            rows,
            open_vacant,
        })
    }
}

/// How many items of each kind a group (or the register) has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, TS)]
#[ts(export)]
pub struct VacancyCounts {
    pub missing_representative: u32,
    pub missing_substitute: u32,
    pub empty_seat: u32,
    pub term_expired: u32,
    pub term_ending: u32,
}

impl VacancyCounts {
    fn add(&mut self, kind: VacancyKind) {
        let n = match kind {
            VacancyKind::MissingRepresentative => &mut self.missing_representative,
            VacancyKind::MissingSubstitute => &mut self.missing_substitute,
            VacancyKind::EmptySeat => &mut self.empty_seat,
            VacancyKind::TermExpired => &mut self.term_expired,
            VacancyKind::TermEnding => &mut self.term_ending,
        };
        *n += 1;
    }

    /// The empty seats: missing representatives and substitutes, and other empty seats.
    pub fn empty(&self) -> u32 {
        self.missing_representative + self.missing_substitute + self.empty_seat
    }
}

/// One row of a group's empty seats on Översikt: an organisation's empty seats together, or
/// one empty open seat ("Socialchef (valfri kommun)").
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct GapRow {
    /// Stable within the group: `org-ID` or `seat-ID`.
    pub key: String,
    pub organisation_id: Option<Id>,
    pub organisation_name: Option<String>,
    /// The open seat, for a row that is one (`organisation_id` is `None`).
    pub seat: Option<Seat>,
    /// The roles of the empty seats, in the group's order.
    pub roles: Vec<Role>,
    /// Who is already decided to take one of these seats, and from when.
    pub successors: Vec<Appointment>,
}

/// One group on Översikt: its counts, the first rows of its empty seats (the rest by
/// [`Register::overview_gaps`]), and the first of its expired and ending terms.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct GroupOverview {
    pub group_id: Id,
    pub group_name: String,
    pub counts: VacancyCounts,
    pub gaps: Page<GapRow>,
    pub expired: Page<Vacancy>,
    pub ending: Page<Vacancy>,
}

/// A group's mandate forms on Översikt: how many organisations lack a signed, current form,
/// and the first of them (the Blanketter screen has them all).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct GroupFormsOverview {
    pub group_id: Id,
    pub group_name: String,
    pub open: Page<FormStatusRow>,
}

/// Everything Översikt shows, in one answer: what the register holds, the first steps, the
/// counts per kind, and per group its counts and first rows.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Overview {
    pub info: RegisterInfo,
    pub first_steps: FirstSteps,
    pub within_days: u32,
    pub counts: VacancyCounts,
    pub groups: Vec<GroupOverview>,
    pub forms: Vec<GroupFormsOverview>,
    /// The reminders to principals due (for the register's reminder period), the first
    /// letters and the counts.
    pub reminders: super::Reminders,
}

/// How many rows of a list Översikt holds at first (the empty seats are windowed beyond).
pub const OVERVIEW_FIRST_ROWS: u32 = 50;
/// How many expired or ending terms, and organisations without a signed form, a group shows
/// on Översikt; the count names the rest.
pub const OVERVIEW_TERMS_SHOWN: u32 = 20;

/// The empty-seat items of `items` (in their order) as rows: an organisation's together.
fn gap_rows(items: &[Vacancy]) -> Vec<GapRow> {
    let mut rows: Vec<GapRow> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for v in items.iter().filter(|v| v.kind < VacancyKind::TermExpired) {
        let key = match (v.organisation_id, &v.seat) {
            (Some(org), _) => format!("org-{org}"),
            (None, Some(seat)) => format!("seat-{}", seat.id),
            (None, None) => format!("item-{}", rows.len()),
        };
        let i = *by_key.entry(key.clone()).or_insert_with(|| {
            rows.push(GapRow {
                key,
                organisation_id: v.organisation_id,
                organisation_name: v.organisation_name.clone(),
                seat: v.seat.clone().filter(|_| v.organisation_id.is_none()),
                roles: Vec::new(),
                successors: Vec::new(),
            });
            rows.len() - 1
        });
        let role = v.seat.as_ref().map_or(
            match v.kind {
                VacancyKind::MissingRepresentative => Role::Representative,
                VacancyKind::MissingSubstitute => Role::Substitute,
                _ => Role::Member,
            },
            |s| s.role,
        );
        rows[i].roles.push(role);
        rows[i].successors.extend(v.successor.clone());
    }
    rows
}

impl Register {
    /// Översikt in one answer (see [`Overview`]): its cost is that of the vacancy report and
    /// the form status, and what it returns does not grow with the register beyond
    /// [`OVERVIEW_FIRST_ROWS`] rows a group.
    pub fn overview(&self, today: NaiveDate, within_days: u32) -> Result<Overview, Error> {
        let items = self.vacancies(today, within_days, None)?;
        let mut counts = VacancyCounts::default();
        let mut groups: Vec<GroupOverview> = Vec::new();
        let mut start = 0;
        while start < items.len() {
            let group_id = items[start].group_id;
            let end = items[start..]
                .iter()
                .position(|v| v.group_id != group_id)
                .map_or(items.len(), |n| start + n);
            let of_group = &items[start..end];
            let mut group_counts = VacancyCounts::default();
            for v in of_group {
                group_counts.add(v.kind);
                counts.add(v.kind);
            }
            let terms = |kind| {
                PageRequest::first(OVERVIEW_TERMS_SHOWN).cut(
                    of_group
                        .iter()
                        .filter(|v| v.kind == kind)
                        .cloned()
                        .collect(),
                )
            };
            groups.push(GroupOverview {
                group_id,
                group_name: items[start].group_name.clone(),
                counts: group_counts,
                gaps: PageRequest::first(OVERVIEW_FIRST_ROWS).cut(gap_rows(of_group)),
                expired: terms(VacancyKind::TermExpired),
                ending: terms(VacancyKind::TermEnding),
            });
            start = end;
        }
        let mut forms = Vec::new();
        for g in self.groups(today)? {
            if g.group.free_membership || g.seat_count == 0 {
                continue;
            }
            let open: Vec<FormStatusRow> = self
                .form_status(Some(g.group.id), today)?
                .into_iter()
                .filter(|r| r.state != FormState::Signed)
                .collect();
            forms.push(GroupFormsOverview {
                group_id: g.group.id,
                group_name: g.group.name.as_str().to_owned(),
                open: PageRequest::first(OVERVIEW_TERMS_SHOWN).cut(open),
            });
        }
        let reminders = self.reminders_for_overview(&items, today, within_days)?;
        Ok(Overview {
            info: self.info()?,
            first_steps: self.first_steps(today)?,
            within_days,
            counts,
            groups,
            forms,
            reminders,
        })
    }

    /// A page of one group's empty seats on Översikt, as [`Overview`] gives the first.
    pub fn overview_gaps(
        &self,
        group_id: Id,
        today: NaiveDate,
        within_days: u32,
        page: PageRequest,
    ) -> Result<Page<GapRow>, Error> {
        let items = self.vacancies(today, within_days, Some(group_id))?;
        Ok(page.cut(gap_rows(&items)))
    }
}
