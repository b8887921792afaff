//! What needs the coordinator's attention: vacant seats, terms ending soon, terms expired;
//! and the coverage matrix of organisations by groups.

use std::collections::{HashMap, HashSet};

use chrono::{Days, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::Register;
use crate::error::Error;
use crate::model::{Appointment, Group, Id, Role, sort_key};
use crate::store;

/// What kind of attention an item needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum VacancyKind {
    MissingRepresentative,
    MissingSubstitute,
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
    pub organisation_id: Id,
    pub organisation_name: String,
    /// The appointment whose term ends or has ended.
    pub appointment: Option<Appointment>,
}

/// One cell of the coverage matrix.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CoverageCell {
    pub group_id: Id,
    pub seated: bool,
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
}

impl Register {
    /// Per group with the one-per-organisation rule, each seated active organisation lacking a
    /// representative or a substitute on `today`; for every group, terms that end within
    /// `within_days` and terms that have expired with nobody replacing the holder.
    pub fn vacancies(&self, today: NaiveDate, within_days: u32, group: Option<Id>) -> Result<Vec<Vacancy>, Error> {
        let horizon = today.checked_add_days(Days::new(u64::from(within_days))).unwrap_or(NaiveDate::MAX);
        let groups: Vec<Group> =
            store::groups::list(&self.conn)?.into_iter().filter(|g| group.is_none_or(|id| id == g.id)).collect();
        let orgs: HashMap<Id, (String, bool)> = store::organisations::list(&self.conn, &Default::default())?
            .into_iter()
            .map(|o| (o.id, (o.name.to_string(), o.active)))
            .collect();
        let serving = store::appointments::serving_on(&self.conn, today, group)?;
        let mut items = Vec::new();
        for g in &groups {
            let here: Vec<&Appointment> = serving.iter().filter(|a| a.group_id == g.id).collect();
            if g.one_per_org {
                let held: HashSet<(Id, Role)> = here.iter().map(|a| (a.organisation_id, a.role)).collect();
                for org_id in store::groups::seat_orgs(&self.conn, g.id)? {
                    let Some((org_name, true)) = orgs.get(&org_id) else { continue };
                    for (role, kind) in [
                        (Role::Representative, VacancyKind::MissingRepresentative),
                        (Role::Substitute, VacancyKind::MissingSubstitute),
                    ] {
                        if !held.contains(&(org_id, role)) {
                            items.push(Vacancy {
                                kind,
                                group_id: g.id,
                                group_name: g.name.to_string(),
                                organisation_id: org_id,
                                organisation_name: org_name.clone(),
                                appointment: None,
                            });
                        }
                    }
                }
            }
            for a in here {
                let kind = match a.to {
                    Some(to) if to < today => VacancyKind::TermExpired,
                    Some(to) if to <= horizon => VacancyKind::TermEnding,
                    _ => continue,
                };
                items.push(Vacancy {
                    kind,
                    group_id: g.id,
                    group_name: g.name.to_string(),
                    organisation_id: a.organisation_id,
                    organisation_name: a.organisation_name.clone(),
                    appointment: Some(a.clone()),
                });
            }
        }
        items.sort_by(|x, y| {
            (x.group_id, x.kind, sort_key(&x.organisation_name))
                .cmp(&(y.group_id, y.kind, sort_key(&y.organisation_name)))
        });
        Ok(items)
    }

    /// The coverage matrix on `today`: every active organisation that sits in or serves in a
    /// group, by every group.
    pub fn coverage(&self, today: NaiveDate) -> Result<Coverage, Error> {
        let groups = store::groups::list(&self.conn)?;
        let seats: HashSet<(Id, Id)> = store::organisations::all_seats(&self.conn)?.into_iter().collect();
        let serving = store::appointments::serving_on(&self.conn, today, None)?;
        let mut by_cell: HashMap<(Id, Id), Vec<&Appointment>> = HashMap::new();
        for a in &serving {
            by_cell.entry((a.group_id, a.organisation_id)).or_default().push(a);
        }
        let mut rows = Vec::new();
        for o in store::organisations::list(&self.conn, &Default::default())? {
            let involved = groups.iter().any(|g| seats.contains(&(g.id, o.id)) || by_cell.contains_key(&(g.id, o.id)));
            if !o.active || !involved {
                continue;
            }
            let cells = groups
                .iter()
                .map(|g| {
                    let here = by_cell.get(&(g.id, o.id)).map(Vec::as_slice).unwrap_or_default();
                    let holder = |role: Role| here.iter().rev().find(|a| a.role == role);
                    CoverageCell {
                        group_id: g.id,
                        seated: seats.contains(&(g.id, o.id)),
                        representative: holder(Role::Representative).map(|a| a.person_name.clone()),
                        substitute: holder(Role::Substitute).map(|a| a.person_name.clone()),
                        protected: here.iter().any(|a| a.role.is_seat() && a.person_protected),
                        others: here.iter().filter(|a| !a.role.is_seat()).count(),
                    }
                })
                .collect();
            rows.push(CoverageRow { organisation_id: o.id, organisation_name: o.name.to_string(), cells });
        }
        Ok(Coverage { groups, rows })
    }
}
