//! Appointing, replacing, ending and withdrawing: an appointment fills a seat of its group,
//! and a seat never has two holders on one day. The rule lives here (and, as a backstop, in the
//! schema's triggers); it holds for every seat of every group.

use chrono::{Days, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::{Register, seats};
use crate::error::{Entity, Error, Field, Invalid};
use crate::model::{
    AppointOutcome, AppointRequest, Appointment, Id, PersonDraft, PersonFields, Role,
};
use crate::store;

/// Who holds a seat on a day, for showing "who is replaced, and from when" before a replace.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SeatHolder {
    pub holder: Option<Appointment>,
    /// The holder's last day if replaced from the requested day; `None` when a replacement
    /// from that day would be refused (the holder starts on or after it).
    pub last_day_if_replaced: Option<NaiveDate>,
    /// The first day a successor can start (the day after the holder's first day).
    pub earliest_replacement: Option<NaiveDate>,
    /// An appointment to the seat already decided to start after the day.
    pub successor: Option<Appointment>,
}

impl SeatHolder {
    fn of(holder: Option<Appointment>, successor: Option<Appointment>, day: NaiveDate) -> Self {
        let replaceable = holder
            .as_ref()
            .is_some_and(|h| h.from < day && h.ended_on.is_none() && successor.is_none());
        SeatHolder {
            last_day_if_replaced: if replaceable {
                day.checked_sub_days(Days::new(1))
            } else {
                None
            },
            earliest_replacement: holder
                .as_ref()
                .and_then(|h| h.from.checked_add_days(Days::new(1))),
            holder,
            successor,
        }
    }
}

/// The day an appointment was recorded, from its RFC 3339 UTC time.
fn made_on(created_at: Option<&str>) -> Option<NaiveDate> {
    created_at
        .and_then(|s| s.get(..10))
        .and_then(|d| d.parse().ok())
}

impl Register {
    pub fn appointment(&self, id: Id) -> Result<Appointment, Error> {
        store::appointments::get(&self.conn, id)?.ok_or_else(|| Error::NotFound {
            what: Entity::Appointment,
            query: id.to_string(),
        })
    }

    /// Who holds the organisation's own seat of `role` in the group on `day`, and who is
    /// decided to follow.
    pub fn seat_holder(
        &self,
        group_id: Id,
        org_id: Id,
        role: Role,
        day: NaiveDate,
    ) -> Result<SeatHolder, Error> {
        let org = self.org(org_id)?;
        let own = store::seats::fitting(&self.conn, group_id, role, org_id, org.kind)?
            .into_iter()
            .find(|s| s.organisation_id == Some(org_id));
        match own {
            Some(seat) => self.seat_holder_of(seat.id, day),
            None => {
                let holder = store::appointments::overlapping(
                    &self.conn,
                    group_id,
                    org_id,
                    role,
                    day,
                    Some(day),
                )?
                .pop();
                Ok(SeatHolder::of(holder, None, day))
            }
        }
    }

    /// Who holds a seat on `day`, and who is decided to follow.
    pub fn seat_holder_of(&self, seat_id: Id, day: NaiveDate) -> Result<SeatHolder, Error> {
        let seat = self.seat(seat_id)?;
        let all = store::appointments::in_seat(&self.conn, seat_id, day, None)?;
        let v = seats::view(seat, &all.iter().collect::<Vec<_>>(), day);
        Ok(SeatHolder::of(v.holder, v.successor, day))
    }

    /// Appoints a person to a seat of the group (see [`seats::resolve`] for which). A seat
    /// held in the period is refused, naming the holder, unless the request says `replace`:
    /// then the holder's appointment ends the day before the new one starts, in the same
    /// transaction. In a group with free membership there are no seats; the person only may
    /// not hold the same role twice at once.
    pub fn appoint(&mut self, req: &AppointRequest) -> Result<AppointOutcome, Error> {
        if req.to.is_some_and(|to| to < req.from) {
            return Err(Error::invalid(Field::To, Invalid::ToBeforeFrom));
        }
        let (id, replaced) = self.write(|tx| appoint_in(tx, req))?;
        self.appointed(id, replaced)
    }

    /// Adds a person and appoints them, in one transaction: the appoint dialog's "new person"
    /// (name, title, e-mail, phone; the organisation set from the seat). `req.person_id` is
    /// not used. When either is refused, neither is saved.
    pub fn appoint_new_person(
        &mut self,
        person: &PersonDraft,
        req: &AppointRequest,
    ) -> Result<AppointOutcome, Error> {
        let fields = PersonFields::try_from(person)?;
        if req.to.is_some_and(|to| to < req.from) {
            return Err(Error::invalid(Field::To, Invalid::ToBeforeFrom));
        }
        let (id, replaced) = self.write(|tx| {
            super::people::check_person(tx, &fields, None)?;
            let person_id = store::people::insert(tx, &fields)?;
            appoint_in(
                tx,
                &AppointRequest {
                    person_id,
                    ..req.clone()
                },
            )
        })?;
        self.appointed(id, replaced)
    }

    fn appointed(&self, id: Id, replaced: Option<Id>) -> Result<AppointOutcome, Error> {
        Ok(AppointOutcome {
            appointment: self.appointment(id)?,
            replaced: replaced.map(|r| self.appointment(r)).transpose()?,
        })
    }

    /// Withdraws an appointment entered in error (wrong person, wrong seat): allowed on the
    /// day it was made (`now`'s UTC date) and while it has not ended. It leaves every view and
    /// count; the change log keeps it, with who withdrew it (`by`) and why.
    pub fn withdraw_appointment(
        &mut self,
        id: Id,
        reason: &str,
        by: &str,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Appointment, Error> {
        let reason = crate::model::optional_text(Field::Reason, Some(reason))?
            .ok_or_else(|| Error::invalid(Field::Reason, Invalid::Empty))?;
        if reason.contains(['\n', '\r']) {
            return Err(Error::invalid(Field::Reason, Invalid::LineBreak));
        }
        self.write(|tx| {
            let a = store::appointments::get(tx, id)?.ok_or_else(|| Error::NotFound {
                what: Entity::Appointment,
                query: id.to_string(),
            })?;
            let made = made_on(store::appointments::created_at(tx, id)?.as_deref());
            if made != Some(now.date_naive()) || a.ended_on.is_some() {
                return Err(Error::WithdrawTooLate {
                    person: a.person_name.clone(),
                    made_on: made,
                });
            }
            store::appointments::withdraw(tx, id, &super::log_time(now), by, &reason)?;
            Ok(a)
        })
    }

    /// Ends one appointment: `last_day` is the last day served.
    pub fn end_appointment(&mut self, id: Id, last_day: NaiveDate) -> Result<Appointment, Error> {
        self.write(|tx| {
            let a = store::appointments::get(tx, id)?.ok_or_else(|| Error::NotFound {
                what: Entity::Appointment,
                query: id.to_string(),
            })?;
            end_checked(tx, &a, last_day)
        })?;
        self.appointment(id)
    }

    /// Ends the person's appointments in the group (of one role, or all) that serve on or after
    /// `last_day`; `last_day` is the last day served.
    pub fn unappoint(
        &mut self,
        person_id: Id,
        group_id: Id,
        role: Option<Role>,
        last_day: NaiveDate,
    ) -> Result<Vec<Appointment>, Error> {
        let ids = self.write(|tx| {
            let person = store::people::get(tx, person_id)?.ok_or_else(|| Error::NotFound {
                what: Entity::Person,
                query: person_id.to_string(),
            })?;
            let group = store::groups::get(tx, group_id)?.ok_or_else(|| Error::NotFound {
                what: Entity::Group,
                query: group_id.to_string(),
            })?;
            let open: Vec<Appointment> =
                store::appointments::person_in_group(tx, person_id, group_id, last_day, None)?
                    .into_iter()
                    .filter(|a| role.is_none_or(|r| a.role == r) && a.ended_on.is_none())
                    .collect();
            if open.is_empty() {
                return Err(Error::NotServing {
                    person: person.name.to_string(),
                    group: group.name.to_string(),
                });
            }
            for a in &open {
                end_checked(tx, a, last_day)?;
            }
            Ok(open.iter().map(|a| a.id).collect::<Vec<_>>())
        })?;
        ids.into_iter().map(|id| self.appointment(id)).collect()
    }
}

fn end_checked(
    tx: &rusqlite::Connection,
    a: &Appointment,
    last_day: NaiveDate,
) -> Result<(), Error> {
    if a.ended_on.is_some() {
        return Err(Error::NotServing {
            person: a.person_name.clone(),
            group: a.group_name.clone(),
        });
    }
    if last_day < a.from {
        return Err(Error::EndsBeforeStart {
            person: a.person_name.clone(),
            from: a.from,
        });
    }
    store::appointments::end(tx, a.id, last_day)
}

/// Appoints within a transaction: finds the seat, replaces its holder when asked and allowed,
/// refuses a clash; returns the new appointment's id and the replaced one's.
fn appoint_in(
    tx: &rusqlite::Transaction<'_>,
    req: &AppointRequest,
) -> Result<(Id, Option<Id>), Error> {
    let person = store::people::get(tx, req.person_id)?.ok_or_else(|| Error::NotFound {
        what: Entity::Person,
        query: req.person_id.to_string(),
    })?;
    let group = store::groups::get(tx, req.group_id)?.ok_or_else(|| Error::NotFound {
        what: Entity::Group,
        query: req.group_id.to_string(),
    })?;
    let org_id = req.organisation_id.unwrap_or(person.organisation_id);
    let org = store::organisations::get(tx, org_id)?.ok_or_else(|| Error::NotFound {
        what: Entity::Organisation,
        query: org_id.to_string(),
    })?;
    let seat = seats::resolve(tx, &group, &org, req.role, req.seat_id, req.from)?;

    let mut replaced = None;
    if let Some(seat) = &seat {
        let holders = store::appointments::in_seat(tx, seat.id, req.from, None)?;
        if let Some(first) = holders.first() {
            let whose = seat
                .organisation_name
                .clone()
                .unwrap_or_else(|| seat.describe(crate::lang::Lang::Sv));
            if req.replace && holders.len() == 1 && first.from >= req.from {
                return Err(Error::ReplaceTooEarly {
                    role: req.role,
                    group: group.name.to_string(),
                    organisation: whose,
                    holder: first.person_name.clone(),
                    since: first.from,
                });
            }
            let replaceable = req.replace && holders.len() == 1 && first.ended_on.is_none();
            if !replaceable {
                let last = holders.last().unwrap_or(first);
                return Err(Error::SeatTaken {
                    role: req.role,
                    group: group.name.to_string(),
                    organisation: whose,
                    holder: last.person_name.clone(),
                    since: last.from,
                });
            }
            let last_day = req.from.checked_sub_days(Days::new(1)).unwrap_or(req.from);
            store::appointments::end(tx, first.id, last_day)?;
            replaced = Some(first.id);
        }
    }

    // The same person cannot hold the same role twice, nor both of an organisation's
    // representative and substitute seats, at once.
    for a in store::appointments::person_in_group(tx, person.id, group.id, req.from, None)? {
        let clashes = a.role == req.role || (a.role.is_seat() && req.role.is_seat());
        if clashes && Some(a.id) != replaced {
            return Err(Error::AlreadyServing {
                person: person.name.to_string(),
                role: req.role,
                group: group.name.to_string(),
            });
        }
    }

    let place = store::appointments::Place {
        group_id: group.id,
        org_id,
        role: req.role,
        seat_id: seat.map(|s| s.id),
    };
    let id = store::appointments::insert(tx, person.id, place, req.from, req.to)?;
    Ok((id, replaced))
}
