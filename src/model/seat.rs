//! Seats: what a group is composed of. A seat says who may hold it and in which role: one
//! organisation's representative, substitute, member, chair or convener; or a seat open to any
//! organisation of a kind ("a head of social services from one of the county's
//! municipalities"), or to any organisation (a named member chosen for competence). An
//! appointment fills a seat; a seat never has two holders on one day.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Id, OrgKind, Role};
use crate::error::{Error, Field, Invalid};
use crate::lang::Lang;
use crate::vocab::SeatName;

/// The longest label a seat can have, in characters.
pub const MAX_SEAT_LABEL_CHARS: usize = 200;

/// One seat of a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Seat {
    pub id: Id,
    pub group_id: Id,
    /// The seat's place in the group's order (1, 2, 3…).
    pub position: i64,
    pub role: Role,
    /// The one organisation whose seat this is; `None`: open (to `org_kind`, or to any).
    pub organisation_id: Option<Id>,
    pub organisation_name: Option<String>,
    /// For an open seat, the kind of organisation that may hold it (`None`: any).
    pub org_kind: Option<OrgKind>,
    /// What the seat is for, in the coordinator's words ("Socialchef", "Skola/elevhälsa").
    pub label: Option<String>,
    /// A retired seat keeps its history but is no longer part of the group.
    pub active: bool,
}

impl Seat {
    /// Whether an appointment on behalf of an organisation of this id and kind fits the seat.
    pub fn fits(&self, org_id: Id, kind: OrgKind) -> bool {
        match self.organisation_id {
            Some(id) => id == org_id,
            None => self.org_kind.is_none_or(|k| k == kind),
        }
    }

    pub fn is_open(&self) -> bool {
        self.organisation_id.is_none()
    }

    /// Who the seat is for, in words: the organisation, or "any municipality" and the label.
    pub fn describe(&self, lang: Lang) -> String {
        self.name().describe(lang)
    }

    /// The seat as messages name it.
    pub fn name(&self) -> SeatName {
        SeatName {
            id: self.id,
            organisation_name: self.organisation_name.clone(),
            org_kind: self.org_kind,
            label: self.label.clone(),
        }
    }

    /// Whether two open seats are interchangeable (same role, kind and label): appointing to
    /// "a head of social services" takes the first free one of them.
    pub fn same_kind_as(&self, other: &Seat) -> bool {
        self.is_open()
            && other.is_open()
            && self.role == other.role
            && self.org_kind == other.org_kind
            && self.label == other.label
    }
}

/// A seat to add, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SeatDraft {
    pub role: Role,
    #[serde(default)]
    pub organisation_id: Option<Id>,
    #[serde(default)]
    pub org_kind: Option<OrgKind>,
    #[serde(default)]
    pub label: Option<String>,
    /// Where in the group's order (default: last).
    #[serde(default)]
    pub position: Option<i64>,
}

/// Checked seat fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatFields {
    pub role: Role,
    pub organisation_id: Option<Id>,
    pub org_kind: Option<OrgKind>,
    pub label: Option<String>,
    pub position: Option<i64>,
}

impl TryFrom<&SeatDraft> for SeatFields {
    type Error = Error;
    fn try_from(d: &SeatDraft) -> Result<SeatFields, Error> {
        if d.organisation_id.is_some() && d.org_kind.is_some() {
            return Err(Error::invalid(Field::Kind, Invalid::SeatBothOrgAndKind));
        }
        let label = match d.label.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(s) => {
                if s.chars().count() > MAX_SEAT_LABEL_CHARS {
                    return Err(Error::invalid(
                        Field::Label,
                        Invalid::TooLong {
                            max: MAX_SEAT_LABEL_CHARS,
                        },
                    ));
                }
                if s.chars().any(|c| c == '\n' || c == '\r') {
                    return Err(Error::invalid(Field::Label, Invalid::LineBreak));
                }
                if s.chars().any(char::is_control) {
                    return Err(Error::invalid(Field::Label, Invalid::ControlCharacter));
                }
                Some(s.to_owned())
            }
        };
        if let Some(p) = d.position
            && !(1..=100_000).contains(&p)
        {
            return Err(Error::invalid(
                Field::Position,
                Invalid::OutOfRange {
                    min: 1,
                    max: 100_000,
                },
            ));
        }
        Ok(SeatFields {
            role: d.role,
            organisation_id: d.organisation_id,
            org_kind: d.org_kind,
            label,
            position: d.position,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seat(org: Option<Id>, kind: Option<OrgKind>) -> Seat {
        Seat {
            id: 1,
            group_id: 1,
            position: 1,
            role: Role::Member,
            organisation_id: org,
            organisation_name: org.map(|_| "Polismyndigheten".into()),
            org_kind: kind,
            label: None,
            active: true,
        }
    }

    #[test]
    fn a_seat_fits_its_organisation_or_its_kind() {
        assert!(seat(Some(7), None).fits(7, OrgKind::Agency));
        assert!(!seat(Some(7), None).fits(8, OrgKind::Agency));
        let m = seat(None, Some(OrgKind::Municipality));
        assert!(m.fits(11, OrgKind::Municipality));
        assert!(!m.fits(7, OrgKind::Agency));
        assert!(seat(None, None).fits(7, OrgKind::NonProfit));
    }

    #[test]
    fn a_seat_is_for_an_organisation_or_a_kind_not_both() {
        let d = SeatDraft {
            role: Role::Member,
            organisation_id: Some(1),
            org_kind: Some(OrgKind::Municipality),
            label: None,
            position: None,
        };
        assert!(SeatFields::try_from(&d).is_err());
        let long = SeatDraft {
            organisation_id: None,
            label: Some("x".repeat(MAX_SEAT_LABEL_CHARS + 1)),
            ..d
        };
        assert!(SeatFields::try_from(&long).is_err());
    }
}
