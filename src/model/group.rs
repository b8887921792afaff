//! Groups of the network: steering, county, working and local groups, with their cadence.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::text::{Name, optional_text};
use super::{GroupKind, Id};
use crate::error::{Error, Field, Invalid};

/// The most meetings a year a group can plan: one a week.
pub const MAX_MEETINGS_PER_YEAR: u16 = 52;

/// A group of the network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Group {
    pub id: Id,
    pub name: Name,
    pub kind: GroupKind,
    pub meetings_per_year: u16,
    pub description: Option<String>,
    /// An organisation seated in the group gets a representative's and a substitute's seat
    /// (otherwise a member's seat).
    pub one_per_org: bool,
    /// Anyone may be appointed, in any role: the group has no seats and no vacancies.
    pub free_membership: bool,
}

/// A group's fields as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GroupDraft {
    pub name: String,
    pub kind: GroupKind,
    pub meetings_per_year: i64,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub one_per_org: bool,
    #[serde(default)]
    pub free_membership: bool,
}

/// Checked group fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupFields {
    pub name: Name,
    pub kind: GroupKind,
    pub meetings_per_year: u16,
    pub description: Option<String>,
    pub one_per_org: bool,
    pub free_membership: bool,
}

impl TryFrom<&GroupDraft> for GroupFields {
    type Error = Error;
    fn try_from(d: &GroupDraft) -> Result<GroupFields, Error> {
        let per_year = u16::try_from(d.meetings_per_year)
            .ok()
            .filter(|n| *n <= MAX_MEETINGS_PER_YEAR)
            .ok_or_else(|| {
                Error::invalid(
                    Field::MeetingsPerYear,
                    Invalid::OutOfRange {
                        min: 0,
                        max: i64::from(MAX_MEETINGS_PER_YEAR),
                    },
                )
            })?;
        Ok(GroupFields {
            name: Name::parse(Field::Name, &d.name)?,
            kind: d.kind,
            meetings_per_year: per_year,
            description: optional_text(Field::Description, d.description.as_deref())?,
            one_per_org: d.one_per_org,
            free_membership: d.free_membership,
        })
    }
}

impl From<&Group> for GroupDraft {
    fn from(g: &Group) -> GroupDraft {
        GroupDraft {
            name: g.name.as_str().to_owned(),
            kind: g.kind,
            meetings_per_year: i64::from(g.meetings_per_year),
            description: g.description.clone(),
            one_per_org: g.one_per_org,
            free_membership: g.free_membership,
        }
    }
}
