//! Appointments: a person holding a role in a group on behalf of an organisation, for a period.
//!
//! Two dates close an appointment and they mean different things. `to` is the end of the
//! term (mandate period) as decided; when it passes with no successor the person still serves
//! and the appointment is reported as *term expired*. `ended_on` is the day the appointment
//! really ended: set when it is ended or when someone replaces the holder. Neither is ever
//! rewritten once history has been made.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Id, Role};

/// An appointment as read from the register, with the names it refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Appointment {
    pub id: Id,
    pub person_id: Id,
    pub person_name: String,
    pub person_protected: bool,
    pub group_id: Id,
    pub group_name: String,
    pub organisation_id: Id,
    pub organisation_name: String,
    pub role: Role,
    /// The seat the appointment fills; `None` in a group with free membership.
    pub seat_id: Option<Id>,
    pub from: NaiveDate,
    /// The end of the term as decided, if any.
    pub to: Option<NaiveDate>,
    /// The last day of service, once the appointment has ended.
    pub ended_on: Option<NaiveDate>,
}

/// Where an appointment stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AppointmentStatus {
    /// Starts later.
    Upcoming,
    /// Serving, within the term.
    Active,
    /// Serving although the term has passed: nobody has replaced the person.
    TermExpired,
    /// No longer serving.
    Ended,
}

impl Appointment {
    /// Whether the person serves in this appointment on `day`.
    pub fn serves_on(&self, day: NaiveDate) -> bool {
        self.from <= day && self.ended_on.is_none_or(|end| end >= day)
    }

    pub fn status(&self, today: NaiveDate) -> AppointmentStatus {
        if self.ended_on.is_some_and(|end| end < today) {
            AppointmentStatus::Ended
        } else if self.from > today {
            AppointmentStatus::Upcoming
        } else if self.to.is_some_and(|to| to < today) {
            AppointmentStatus::TermExpired
        } else {
            AppointmentStatus::Active
        }
    }
}

/// A request to appoint someone, its dates checked (from the window: [`AppointInput`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppointRequest {
    pub person_id: Id,
    pub group_id: Id,
    pub role: Role,
    /// The seat to fill; when absent, the group's one seat that fits the role and the
    /// organisation (the first free one of interchangeable open seats).
    #[serde(default)]
    pub seat_id: Option<Id>,
    /// The organisation represented; the person's own when absent.
    #[serde(default)]
    pub organisation_id: Option<Id>,
    #[serde(with = "super::date::strict")]
    pub from: NaiveDate,
    #[serde(default, with = "super::date::strict_option")]
    pub to: Option<NaiveDate>,
    /// End the current holder's appointment the day before `from`.
    #[serde(default)]
    pub replace: bool,
}

/// An appointment request as the window sends it, with the dates as typed: checked into an
/// [`AppointRequest`] by [`AppointInput::check`], so that a date that is not one is refused
/// with its field and a message in the user's language (a date checked while the request is
/// read would fail before the core is reached, in the framework's English).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AppointInput {
    pub person_id: Id,
    pub group_id: Id,
    pub role: Role,
    #[serde(default)]
    pub seat_id: Option<Id>,
    #[serde(default)]
    pub organisation_id: Option<Id>,
    pub from: String,
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub replace: bool,
}

impl AppointInput {
    pub fn check(&self) -> Result<AppointRequest, crate::Error> {
        use super::date::parse_date;
        use crate::error::Field;
        Ok(AppointRequest {
            person_id: self.person_id,
            group_id: self.group_id,
            role: self.role,
            seat_id: self.seat_id,
            organisation_id: self.organisation_id,
            from: parse_date(Field::From, &self.from)?,
            to: self
                .to
                .as_deref()
                .filter(|t| !t.trim().is_empty())
                .map(|t| parse_date(Field::To, t))
                .transpose()?,
            replace: self.replace,
        })
    }
}

/// What an appointment did: the new appointment, and the one it ended, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AppointOutcome {
    pub appointment: Appointment,
    pub replaced: Option<Appointment>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn appt(from: &str, to: Option<&str>, ended: Option<&str>) -> Appointment {
        Appointment {
            id: 1,
            person_id: 1,
            person_name: "A".into(),
            person_protected: false,
            group_id: 1,
            group_name: "G".into(),
            organisation_id: 1,
            organisation_name: "O".into(),
            role: Role::Representative,
            seat_id: Some(1),
            from: day(from),
            to: to.map(day),
            ended_on: ended.map(day),
        }
    }

    #[test]
    fn a_passed_term_without_successor_is_expired_but_still_serving() {
        let a = appt("2024-01-01", Some("2025-12-31"), None);
        assert_eq!(a.status(day("2026-03-01")), AppointmentStatus::TermExpired);
        assert!(a.serves_on(day("2026-03-01")));
    }

    #[test]
    fn an_ended_appointment_serves_through_its_last_day() {
        let a = appt("2024-01-01", None, Some("2025-06-30"));
        assert!(a.serves_on(day("2025-06-30")));
        assert!(!a.serves_on(day("2025-07-01")));
        assert_eq!(a.status(day("2025-07-01")), AppointmentStatus::Ended);
        assert_eq!(a.status(day("2025-06-30")), AppointmentStatus::Active);
    }

    #[test]
    fn a_future_appointment_is_upcoming() {
        let a = appt("2027-01-01", None, None);
        assert_eq!(a.status(day("2026-11-22")), AppointmentStatus::Upcoming);
        assert!(!a.serves_on(day("2026-12-31")));
    }
}
