//! Organisations: list, detail, add, edit, remove; principal, local group, internal contacts,
//! seats in groups.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{OrgSort, Page, PageRequest, Register, SeatView};
use crate::error::{Entity, Error};
use crate::lang::Lang;
use crate::model::{
    Appointment, ContactDraft, ContactFields, Id, InternalContact, LocalGroupDraft, OrgDraft,
    OrgFields, OrgKind, Organisation, PrincipalDraft, Role, name_key, sort_key,
};
use crate::store::{self, appointments::Referrer};

/// Which organisations to list.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrgQuery {
    #[serde(default)]
    pub group_id: Option<Id>,
    #[serde(default)]
    pub kind: Option<OrgKind>,
    /// Part of the name or short name, in any case.
    #[serde(default)]
    pub text: Option<String>,
}

/// The organisation's place in one group: who holds its seats now, and everyone who did.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct OrgSeat {
    pub group_id: Id,
    pub group_name: String,
    pub one_per_org: bool,
    /// Whether the organisation holds a seat in the group.
    pub seated: bool,
    pub representative: Option<Appointment>,
    pub substitute: Option<Appointment>,
    /// Other roles serving now (member, chair, convener).
    pub others: Vec<Appointment>,
    /// Every appointment for the organisation in the group, oldest first.
    pub history: Vec<Appointment>,
    /// The organisation's seats in the group (its own, and open seats its people hold or are
    /// decided to hold), with holders and coming successors on the day.
    pub seats: Vec<SeatView>,
}

/// Everything about one organisation.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct OrgDetail {
    pub organisation: Organisation,
    pub contacts: Vec<InternalContact>,
    pub groups: Vec<OrgSeat>,
    pub people: usize,
}

impl Register {
    pub fn orgs(&self, q: &OrgQuery) -> Result<Vec<Organisation>, Error> {
        let filter = store::organisations::Filter {
            group_id: q.group_id,
            kind: q.kind,
            text_key: q.text.as_deref().map(name_key).filter(|k| !k.is_empty()),
        };
        store::organisations::list(&self.conn, &filter)
    }

    /// One page of the organisations `q` selects, sorted in the core (kinds by their names in
    /// `lang`); with how many it selects.
    pub fn orgs_page(
        &self,
        q: &OrgQuery,
        sort: OrgSort,
        descending: bool,
        page: PageRequest,
        lang: Lang,
    ) -> Result<Page<Organisation>, Error> {
        let filter = store::organisations::Filter {
            group_id: q.group_id,
            kind: q.kind,
            text_key: q.text.as_deref().map(name_key).filter(|k| !k.is_empty()),
        };
        let order = match sort {
            OrgSort::Name => store::organisations::Order::Name,
            OrgSort::ShortName => store::organisations::Order::ShortName,
            OrgSort::Kind => {
                let mut kinds = OrgKind::ALL.to_vec();
                kinds.sort_by_cached_key(|k| sort_key(k.label(lang)));
                store::organisations::Order::Kind(kinds)
            }
        };
        let (total, rows) = store::organisations::page(
            &self.conn,
            &filter,
            &order,
            descending,
            page.offset,
            page.limit(),
        )?;
        Ok(Page {
            total,
            offset: page.offset,
            rows,
        })
    }

    pub fn org(&self, id: Id) -> Result<Organisation, Error> {
        store::organisations::get(&self.conn, id)?.ok_or_else(|| Error::NotFound {
            what: Entity::Organisation,
            query: id.to_string(),
        })
    }

    /// The organisation with its contacts and, per group it sits in or has served in, its
    /// seats on `today` and their history.
    pub fn org_detail(&self, id: Id, today: NaiveDate) -> Result<OrgDetail, Error> {
        let organisation = self.org(id)?;
        let contacts = store::contacts::for_org(&self.conn, id)?;
        let seated = store::organisations::seat_groups(&self.conn, id)?;
        let history = store::appointments::for_org(&self.conn, id)?;
        let mut groups = Vec::new();
        let own_seats = store::seats::for_org(&self.conn, id)?;
        for g in store::groups::list(&self.conn)? {
            let group_history = store::appointments::for_group(&self.conn, g.id)?;
            let mut seat_views = Vec::new();
            for seat in store::seats::for_group(&self.conn, g.id, false)? {
                let in_seat: Vec<&Appointment> = group_history
                    .iter()
                    .filter(|a| a.seat_id == Some(seat.id))
                    .collect();
                let ours = own_seats.iter().any(|s| s.id == seat.id)
                    || (seat.is_open()
                        && in_seat.iter().any(|a| {
                            a.organisation_id == id && (a.serves_on(today) || a.from > today)
                        }));
                if ours {
                    seat_views.push(super::seats::view(seat, &in_seat, today));
                }
            }
            let mine: Vec<Appointment> = history
                .iter()
                .filter(|a| a.group_id == g.id)
                .cloned()
                .collect();
            let is_seated = seated.contains(&g.id);
            if !is_seated && mine.is_empty() && seat_views.is_empty() {
                continue;
            }
            let now = |role: Role| {
                mine.iter()
                    .rev()
                    .find(|a| a.role == role && a.serves_on(today))
                    .cloned()
            };
            groups.push(OrgSeat {
                group_id: g.id,
                group_name: g.name.to_string(),
                one_per_org: g.one_per_org,
                seated: is_seated,
                representative: now(Role::Representative),
                substitute: now(Role::Substitute),
                others: mine
                    .iter()
                    .filter(|a| !a.role.is_seat() && a.serves_on(today))
                    .cloned()
                    .collect(),
                history: mine,
                seats: seat_views,
            });
        }
        let people = store::organisations::people_count(&self.conn, id)?;
        Ok(OrgDetail {
            organisation,
            contacts,
            groups,
            people,
        })
    }

    /// Adds an organisation, seated in the given groups.
    pub fn add_org(&mut self, draft: &OrgDraft, groups: &[Id]) -> Result<Organisation, Error> {
        let fields = OrgFields::try_from(draft)?;
        let id = self.write(|tx| {
            if let Some((field, value)) = store::organisations::clash(tx, &fields, None)? {
                return Err(Error::Duplicate {
                    what: Entity::Organisation,
                    field,
                    value,
                });
            }
            let id = store::organisations::insert(tx, &fields)?;
            for g in groups {
                store::groups::get(tx, *g)?.ok_or_else(|| Error::NotFound {
                    what: Entity::Group,
                    query: g.to_string(),
                })?;
                store::organisations::add_seat(tx, *g, id)?;
            }
            Ok(id)
        })?;
        self.org(id)
    }

    pub fn edit_org(&mut self, id: Id, draft: &OrgDraft) -> Result<Organisation, Error> {
        let fields = OrgFields::try_from(draft)?;
        self.write(|tx| {
            store::organisations::get(tx, id)?.ok_or_else(|| Error::NotFound {
                what: Entity::Organisation,
                query: id.to_string(),
            })?;
            if let Some((field, value)) = store::organisations::clash(tx, &fields, Some(id))? {
                return Err(Error::Duplicate {
                    what: Entity::Organisation,
                    field,
                    value,
                });
            }
            store::organisations::update(tx, id, &fields)
        })?;
        self.org(id)
    }

    /// Removes an organisation with no appointments and no people; its contacts and seats go
    /// with it. Otherwise refused: ending appointments is the way.
    pub fn remove_org(&mut self, id: Id) -> Result<(), Error> {
        self.write(|tx| {
            let org = store::organisations::get(tx, id)?.ok_or_else(|| Error::NotFound {
                what: Entity::Organisation,
                query: id.to_string(),
            })?;
            let appointments =
                store::appointments::count_referring(tx, Referrer::Organisation, id)?;
            if appointments > 0 {
                return Err(Error::InUse {
                    what: Entity::Organisation,
                    name: org.name.to_string(),
                    appointments,
                });
            }
            let people = store::organisations::people_count(tx, id)?;
            if people > 0 {
                return Err(Error::HasPeople {
                    name: org.name.to_string(),
                    people,
                });
            }
            store::organisations::delete(tx, id)
        })
    }

    /// Sets the principal; a draft with a blank name clears it.
    pub fn set_principal(&mut self, id: Id, draft: &PrincipalDraft) -> Result<Organisation, Error> {
        let principal = draft.check()?;
        self.write(|tx| {
            store::organisations::get(tx, id)?.ok_or_else(|| Error::NotFound {
                what: Entity::Organisation,
                query: id.to_string(),
            })?;
            store::organisations::set_principal(tx, id, principal.as_ref())
        })?;
        self.org(id)
    }

    /// Sets the local collaboration group; a draft with a blank name clears it.
    pub fn set_local_group(
        &mut self,
        id: Id,
        draft: &LocalGroupDraft,
    ) -> Result<Organisation, Error> {
        let group = draft.check()?;
        self.write(|tx| {
            store::organisations::get(tx, id)?.ok_or_else(|| Error::NotFound {
                what: Entity::Organisation,
                query: id.to_string(),
            })?;
            store::organisations::set_local_group(tx, id, group.as_ref())
        })?;
        self.org(id)
    }

    pub fn add_contact(
        &mut self,
        org_id: Id,
        draft: &ContactDraft,
    ) -> Result<InternalContact, Error> {
        let fields = ContactFields::try_from(draft)?;
        let id = self.write(|tx| {
            store::organisations::get(tx, org_id)?.ok_or_else(|| Error::NotFound {
                what: Entity::Organisation,
                query: org_id.to_string(),
            })?;
            store::contacts::insert(tx, org_id, &fields)
        })?;
        store::contacts::get(&self.conn, id)?.ok_or_else(|| Error::NotFound {
            what: Entity::Contact,
            query: id.to_string(),
        })
    }

    pub fn remove_contact(&mut self, id: Id) -> Result<InternalContact, Error> {
        self.write(|tx| {
            let c = store::contacts::get(tx, id)?.ok_or_else(|| Error::NotFound {
                what: Entity::Contact,
                query: id.to_string(),
            })?;
            store::contacts::delete(tx, id)?;
            Ok(c)
        })
    }

    /// Gives the organisation its seats in the group: a representative's and a substitute's
    /// when the group has the one-per-organisation rule, else a member's.
    pub fn seat_org(&mut self, group_id: Id, org_id: Id) -> Result<bool, Error> {
        self.write(|tx| {
            let group = store::groups::get(tx, group_id)?.ok_or_else(|| Error::NotFound {
                what: Entity::Group,
                query: group_id.to_string(),
            })?;
            if group.free_membership {
                return Err(Error::FreeMembership {
                    group: group.name.to_string(),
                });
            }
            store::organisations::get(tx, org_id)?.ok_or_else(|| Error::NotFound {
                what: Entity::Organisation,
                query: org_id.to_string(),
            })?;
            store::organisations::add_seat(tx, group_id, org_id)
        })
    }

    /// Takes the organisation's seat in the group away. Its appointments there stay in the
    /// history; those still serving must be ended first.
    pub fn unseat_org(
        &mut self,
        group_id: Id,
        org_id: Id,
        today: NaiveDate,
    ) -> Result<bool, Error> {
        self.write(|tx| {
            let serving = store::appointments::for_org(tx, org_id)?
                .into_iter()
                .filter(|a| a.group_id == group_id && (a.serves_on(today) || a.from > today))
                .count();
            if serving > 0 {
                let org =
                    store::organisations::get(tx, org_id)?.ok_or_else(|| Error::NotFound {
                        what: Entity::Organisation,
                        query: org_id.to_string(),
                    })?;
                return Err(Error::InUse {
                    what: Entity::Organisation,
                    name: org.name.to_string(),
                    appointments: serving,
                });
            }
            store::organisations::remove_seat(tx, group_id, org_id)
        })
    }
}
