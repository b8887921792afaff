//! Appointing, replacing and ending: the one-representative-plus-one-substitute rule lives
//! here (and, as a backstop, in the schema's triggers).

use chrono::{Days, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::Register;
use crate::error::{Entity, Error, Field, Invalid};
use crate::model::{AppointOutcome, AppointRequest, Appointment, Id, Role};
use crate::store;

/// Who holds a seat on a day, for showing "who is replaced, and from when" before a replace.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SeatHolder {
    pub holder: Option<Appointment>,
    /// The holder's last day if replaced from the requested day.
    pub last_day_if_replaced: Option<NaiveDate>,
}

impl Register {
    pub fn appointment(&self, id: Id) -> Result<Appointment, Error> {
        store::appointments::get(&self.conn, id)?.ok_or_else(|| Error::NotFound {
            what: Entity::Appointment,
            query: id.to_string(),
        })
    }

    /// Who holds the organisation's seat (representative or substitute) in the group on `day`.
    pub fn seat_holder(
        &self,
        group_id: Id,
        org_id: Id,
        role: Role,
        day: NaiveDate,
    ) -> Result<SeatHolder, Error> {
        let holder =
            store::appointments::overlapping(&self.conn, group_id, org_id, role, day, Some(day))?
                .pop();
        Ok(SeatHolder {
            last_day_if_replaced: holder
                .as_ref()
                .and_then(|_| day.checked_sub_days(Days::new(1))),
            holder,
        })
    }

    /// Appoints a person. In a group with the one-per-organisation rule a taken seat is refused,
    /// naming the holder, unless the request says `replace`: then the holder's appointment ends
    /// the day before the new one starts, in the same transaction.
    pub fn appoint(&mut self, req: &AppointRequest) -> Result<AppointOutcome, Error> {
        if req.to.is_some_and(|to| to < req.from) {
            return Err(Error::invalid(Field::To, Invalid::ToBeforeFrom));
        }
        let (id, replaced) = self.write(|tx| {
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

            let mut replaced = None;
            if req.role.is_seat() && (group.one_per_org || req.replace) {
                let holders = store::appointments::overlapping(
                    tx, group.id, org_id, req.role, req.from, None,
                )?;
                if let Some(first) = holders.first() {
                    let replaceable = req.replace
                        && holders.len() == 1
                        && first.ended_on.is_none()
                        && first.from < req.from;
                    if req.replace && holders.len() == 1 && first.from >= req.from {
                        return Err(Error::ReplaceTooEarly {
                            role: req.role,
                            group: group.name.to_string(),
                            organisation: org.name.to_string(),
                            holder: first.person_name.clone(),
                            since: first.from,
                        });
                    }
                    if !replaceable {
                        return Err(Error::SeatTaken {
                            role: req.role,
                            group: group.name.to_string(),
                            organisation: org.name.to_string(),
                            holder: first.person_name.clone(),
                            since: first.from,
                        });
                    }
                    let last_day = req.from.checked_sub_days(Days::new(1)).unwrap_or(req.from);
                    store::appointments::end(tx, first.id, last_day)?;
                    replaced = Some(first.id);
                }
            }

            // The same person cannot hold the same role twice, nor both seats, at once.
            for a in store::appointments::person_in_group(tx, person.id, group.id, req.from, None)?
            {
                let clashes = a.role == req.role || (a.role.is_seat() && req.role.is_seat());
                if clashes && Some(a.id) != replaced {
                    return Err(Error::AlreadyServing {
                        person: person.name.to_string(),
                        role: req.role,
                        group: group.name.to_string(),
                    });
                }
            }

            store::organisations::add_seat(tx, group.id, org_id)?;
            let id = store::appointments::insert(
                tx, person.id, group.id, org_id, req.role, req.from, req.to,
            )?;
            Ok((id, replaced))
        })?;
        Ok(AppointOutcome {
            appointment: self.appointment(id)?,
            replaced: replaced.map(|r| self.appointment(r)).transpose()?,
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
