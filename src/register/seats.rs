//! The seats of a group: its composition in order with holders, coming successors and gaps;
//! adding and removing seats; and finding the seat an appointment fills.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::Register;
use crate::error::{Entity, Error};
use crate::model::{
    Appointment, AppointmentStatus, Group, Id, Organisation, Role, Seat, SeatDraft, SeatFields,
};
use crate::store;

/// One seat on a day: who holds it, and who is decided to hold it next.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SeatView {
    pub seat: Seat,
    pub holder: Option<Appointment>,
    /// The holder's status on the day (active, term expired…); `None` when vacant.
    pub holder_status: Option<AppointmentStatus>,
    /// The next appointment to the seat, starting after the day.
    pub successor: Option<Appointment>,
}

/// The seat's holder on `day` and its next holder, from the seat's appointments (oldest first).
pub(crate) fn view(seat: Seat, appointments: &[&Appointment], day: NaiveDate) -> SeatView {
    let holder = appointments
        .iter()
        .rev()
        .find(|a| a.serves_on(day))
        .map(|a| (*a).clone());
    let successor = appointments
        .iter()
        .find(|a| a.from > day)
        .map(|a| (*a).clone());
    SeatView {
        holder_status: holder.as_ref().map(|a| a.status(day)),
        seat,
        holder,
        successor,
    }
}

/// The seat an appointment of `role` for `org` in `group` fills. With `seat_id`, that seat,
/// checked. Without, the organisation's own seat in the role; else an open seat that fits
/// (those for its kind before those open to any organisation), the first free one on `from`
/// when they are interchangeable; else the organisation is seated (its seats of the group's
/// pattern, and its own seat in the role) and that seat taken. `None` in a group with free
/// membership.
pub(crate) fn resolve(
    tx: &rusqlite::Connection,
    group: &Group,
    org: &Organisation,
    role: Role,
    seat_id: Option<Id>,
    from: NaiveDate,
) -> Result<Option<Seat>, Error> {
    if group.free_membership {
        return match seat_id {
            Some(_) => Err(Error::FreeMembership {
                group: group.name.to_string(),
            }),
            None => Ok(None),
        };
    }
    if let Some(id) = seat_id {
        let seat = store::seats::get(tx, id)?
            .filter(|s| s.active)
            .ok_or_else(|| Error::NotFound {
                what: Entity::Seat,
                query: id.to_string(),
            })?;
        if seat.group_id != group.id || seat.role != role || !seat.fits(org.id, org.kind) {
            return Err(Error::SeatMismatch {
                seat: Box::new(seat.name()),
                group: group.name.to_string(),
                role,
                organisation: org.name.to_string(),
            });
        }
        return Ok(Some(seat));
    }
    let fitting = store::seats::fitting(tx, group.id, role, org.id, org.kind)?;
    if let Some(own) = fitting.iter().find(|s| s.organisation_id == Some(org.id)) {
        return Ok(Some(own.clone()));
    }
    // The most specific open seats first: those for the organisation's kind, then those open
    // to any organisation.
    let of_kind: Vec<Seat> = fitting
        .iter()
        .filter(|s| s.org_kind.is_some())
        .cloned()
        .collect();
    let tier = if of_kind.is_empty() { fitting } else { of_kind };
    if let Some(first) = tier.first() {
        if tier.iter().all(|s| s.same_kind_as(first)) {
            for s in &tier {
                if store::appointments::in_seat(tx, s.id, from, None)?.is_empty() {
                    return Ok(Some(s.clone()));
                }
            }
            return Ok(Some(first.clone()));
        }
        return Err(Error::SeatAmbiguous {
            group: group.name.to_string(),
            role,
            seats: tier.iter().map(Seat::name).collect(),
        });
    }
    // No seat fits: the organisation is seated (its seats of the group's pattern), and given
    // its own seat in the role when the pattern has none.
    store::organisations::add_seat(tx, group.id, org.id)?;
    let own = store::seats::fitting(tx, group.id, role, org.id, org.kind)?
        .into_iter()
        .find(|s| s.organisation_id == Some(org.id));
    let own = match own {
        Some(seat) => seat,
        None => {
            let fields = SeatFields {
                role,
                organisation_id: Some(org.id),
                org_kind: None,
                label: None,
                position: None,
            };
            let id = store::seats::insert(tx, group.id, &fields)?;
            store::seats::get(tx, id)?.ok_or_else(|| Error::NoSeat {
                group: group.name.to_string(),
                role,
                organisation: org.name.to_string(),
            })?
        }
    };
    Ok(Some(own))
}

impl Register {
    pub fn seat(&self, id: Id) -> Result<Seat, Error> {
        store::seats::get(&self.conn, id)?.ok_or_else(|| Error::NotFound {
            what: Entity::Seat,
            query: id.to_string(),
        })
    }

    /// The group's seats in order on `day`, with holders and coming successors.
    pub fn group_seats(&self, group_id: Id, day: NaiveDate) -> Result<Vec<SeatView>, Error> {
        self.group(group_id)?;
        let history = store::appointments::for_group(&self.conn, group_id)?;
        Ok(store::seats::for_group(&self.conn, group_id, false)?
            .into_iter()
            .map(|seat| {
                let mine: Vec<&Appointment> = history
                    .iter()
                    .filter(|a| a.seat_id == Some(seat.id))
                    .collect();
                view(seat, &mine, day)
            })
            .collect())
    }

    /// Adds a seat to a group's composition.
    pub fn add_seat(&mut self, group_id: Id, draft: &SeatDraft) -> Result<Seat, Error> {
        let fields = SeatFields::try_from(draft)?;
        let id = self.write(|tx| {
            let group = store::groups::get(tx, group_id)?.ok_or_else(|| Error::NotFound {
                what: Entity::Group,
                query: group_id.to_string(),
            })?;
            if group.free_membership {
                return Err(Error::FreeMembership {
                    group: group.name.to_string(),
                });
            }
            if let Some(org_id) = fields.organisation_id {
                let org =
                    store::organisations::get(tx, org_id)?.ok_or_else(|| Error::NotFound {
                        what: Entity::Organisation,
                        query: org_id.to_string(),
                    })?;
                if store::seats::fitting(tx, group_id, fields.role, org_id, org.kind)?
                    .iter()
                    .any(|s| s.organisation_id == Some(org_id))
                {
                    return Err(Error::Duplicate {
                        what: Entity::Seat,
                        field: crate::error::Field::Seat,
                        value: org.name.to_string(),
                    });
                }
            }
            store::seats::insert(tx, group_id, &fields)
        })?;
        self.seat(id)
    }

    /// Removes a seat from its group. A seat that was held is retired (its history stays); a
    /// seat with a holder on `today` or a decided successor is refused.
    pub fn remove_seat(&mut self, seat_id: Id, today: NaiveDate) -> Result<(), Error> {
        self.write(|tx| {
            let seat = store::seats::get(tx, seat_id)?
                .filter(|s| s.active)
                .ok_or_else(|| Error::NotFound {
                    what: Entity::Seat,
                    query: seat_id.to_string(),
                })?;
            if let Some(a) = store::appointments::in_seat(tx, seat_id, today, None)?.first() {
                return Err(Error::SeatHeld {
                    seat: Box::new(seat.name()),
                    holder: a.person_name.clone(),
                });
            }
            store::seats::remove(tx, seat_id)
        })
    }
}
