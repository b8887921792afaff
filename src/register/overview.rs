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
    pub fn vacancies(
        &self,
        today: NaiveDate,
        within_days: u32,
        group: Option<Id>,
    ) -> Result<Vec<Vacancy>, Error> {
        let horizon = today
            .checked_add_days(Days::new(u64::from(within_days)))
            .unwrap_or(NaiveDate::MAX);
        let mut items: Vec<Vacancy> = store::appointments::vacant_seats(&self.conn, today, group)?
            .into_iter()
            .map(
                |(group_id, group_name, organisation_id, organisation_name, role)| Vacancy {
                    kind: if role == Role::Representative {
                        VacancyKind::MissingRepresentative
                    } else {
                        VacancyKind::MissingSubstitute
                    },
                    group_id,
                    group_name,
                    organisation_id,
                    organisation_name,
                    appointment: None,
                },
            )
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
                organisation_id: a.organisation_id,
                organisation_name: a.organisation_name.clone(),
                appointment: Some(a),
            });
        }
        items.sort_by_cached_key(|v| {
            (
                v.group_id,
                v.kind,
                sort_key(&v.organisation_name),
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
            rows.push(CoverageRow {
                organisation_id: o.id,
                organisation_name: o.name.to_string(),
                cells,
            });
        }
        Ok(Coverage { groups, rows })
    }
}
