//! Groups: list with counts, detail with a seat table per organisation, add, edit, remove.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::{Register, SeatView};
use crate::error::{Entity, Error, Field};
use crate::model::{Appointment, Group, GroupDraft, GroupFields, Id, Role};
use crate::store::{self, appointments::Referrer};

/// A group with how many organisations sit in it, how many seats it has, how many of them
/// stand empty, and how many people serve now.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct GroupSummary {
    pub group: Group,
    /// Organisations with seats of their own in the group.
    pub seats: usize,
    /// Every active seat of the group.
    pub seat_count: usize,
    /// Seats nobody holds today.
    pub vacant: usize,
    pub serving: usize,
}

/// One organisation's row in a group's member table.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SeatRow {
    pub organisation_id: Id,
    pub organisation_name: String,
    pub seated: bool,
    pub representative: Option<Appointment>,
    pub substitute: Option<Appointment>,
    pub others: Vec<Appointment>,
}

/// A group with its seats and its member table on a day, and its whole history.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct GroupDetail {
    pub group: Group,
    /// The group's seats in order, with holders and coming successors.
    pub seats: Vec<SeatView>,
    pub rows: Vec<SeatRow>,
    pub history: Vec<Appointment>,
}

impl Register {
    pub fn groups(&self, today: NaiveDate) -> Result<Vec<GroupSummary>, Error> {
        let serving = store::appointments::serving_on(&self.conn, today, None)?;
        let all_seats = store::seats::all_active(&self.conn)?;
        let vacant = store::seats::vacant(&self.conn, today, None)?;
        store::groups::list(&self.conn)?
            .into_iter()
            .map(|group| {
                let seats = store::groups::seat_orgs(&self.conn, group.id)?.len();
                let serving = serving.iter().filter(|a| a.group_id == group.id).count();
                Ok(GroupSummary {
                    seat_count: all_seats.iter().filter(|s| s.group_id == group.id).count(),
                    vacant: vacant
                        .iter()
                        .filter(|(s, _)| s.group_id == group.id)
                        .count(),
                    group,
                    seats,
                    serving,
                })
            })
            .collect()
    }

    pub fn group(&self, id: Id) -> Result<Group, Error> {
        store::groups::get(&self.conn, id)?.ok_or_else(|| Error::NotFound {
            what: Entity::Group,
            query: id.to_string(),
        })
    }

    pub fn group_detail(&self, id: Id, today: NaiveDate) -> Result<GroupDetail, Error> {
        let group = self.group(id)?;
        let history = store::appointments::for_group(&self.conn, id)?;
        let seated = store::groups::seat_orgs(&self.conn, id)?;
        let mut org_ids: Vec<Id> = seated.clone();
        org_ids.extend(
            history
                .iter()
                .filter(|a| a.serves_on(today))
                .map(|a| a.organisation_id),
        );
        org_ids.sort_unstable();
        org_ids.dedup();
        let mut rows = Vec::with_capacity(org_ids.len());
        for org_id in org_ids {
            let org =
                store::organisations::get(&self.conn, org_id)?.ok_or_else(|| Error::NotFound {
                    what: Entity::Organisation,
                    query: org_id.to_string(),
                })?;
            let now: Vec<&Appointment> = history
                .iter()
                .filter(|a| a.organisation_id == org_id && a.serves_on(today))
                .collect();
            let seat = |role: Role| {
                now.iter()
                    .rev()
                    .find(|a| a.role == role)
                    .map(|a| (*a).clone())
            };
            rows.push(SeatRow {
                organisation_id: org_id,
                organisation_name: org.name.to_string(),
                seated: seated.contains(&org_id),
                representative: seat(Role::Representative),
                substitute: seat(Role::Substitute),
                others: now
                    .iter()
                    .filter(|a| !a.role.is_seat())
                    .map(|a| (*a).clone())
                    .collect(),
            });
        }
        rows.sort_by_key(|r| crate::model::sort_key(&r.organisation_name));
        Ok(GroupDetail {
            seats: self.group_seats(id, today)?,
            group,
            rows,
            history,
        })
    }

    pub fn add_group(&mut self, draft: &GroupDraft) -> Result<Group, Error> {
        let fields = GroupFields::try_from(draft)?;
        let id = self.write(|tx| {
            if let Some(value) = store::groups::clash(tx, &fields, None)? {
                return Err(Error::Duplicate {
                    what: Entity::Group,
                    field: Field::Name,
                    value,
                });
            }
            store::groups::insert(tx, &fields)
        })?;
        self.group(id)
    }

    /// Edits a group. Free membership cannot be switched on while the group has seats, nor off
    /// once people were appointed without seats. The one-per-organisation rule says which seats
    /// an organisation seated later gets; the seats the group has stay as they are.
    pub fn edit_group(&mut self, id: Id, draft: &GroupDraft) -> Result<Group, Error> {
        let fields = GroupFields::try_from(draft)?;
        self.write(|tx| {
            let old = store::groups::get(tx, id)?.ok_or_else(|| Error::NotFound {
                what: Entity::Group,
                query: id.to_string(),
            })?;
            if let Some(value) = store::groups::clash(tx, &fields, Some(id))? {
                return Err(Error::Duplicate {
                    what: Entity::Group,
                    field: Field::Name,
                    value,
                });
            }
            match store::groups::update(tx, id, &fields) {
                Err(Error::Database(e))
                    if store::is_constraint(&e)
                        && fields.free_membership != old.free_membership =>
                {
                    Err(Error::MembershipFixed {
                        group: old.name.to_string(),
                        to_free: fields.free_membership,
                    })
                }
                other => other,
            }
        })?;
        self.group(id)
    }

    pub fn remove_group(&mut self, id: Id) -> Result<(), Error> {
        self.write(|tx| {
            let g = store::groups::get(tx, id)?.ok_or_else(|| Error::NotFound {
                what: Entity::Group,
                query: id.to_string(),
            })?;
            let appointments = store::appointments::count_referring(tx, Referrer::Group, id)?;
            if appointments > 0 {
                return Err(Error::InUse {
                    what: Entity::Group,
                    name: g.name.to_string(),
                    appointments,
                });
            }
            store::groups::delete(tx, id)
        })
    }
}
