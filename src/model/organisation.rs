//! Organisations, their principal (uppdragsgivare), internal contacts and local group.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::text::{Email, Name, Phone, optional_text};
use super::{Id, OrgKind, OrgNumber};
use crate::error::{Error, Field};

/// The person who commissions the representative's mandate on behalf of the organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Principal {
    pub name: Name,
    pub title: Option<String>,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
}

/// The organisation's local collaboration group (lokal samverkansgrupp), where there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LocalGroup {
    pub name: Name,
    pub contact: Option<String>,
}

/// A member organisation of the network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Organisation {
    pub id: Id,
    pub name: Name,
    pub short_name: Option<String>,
    pub kind: OrgKind,
    pub org_number: Option<OrgNumber>,
    pub postal_address: Option<String>,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    pub notes: Option<String>,
    pub active: bool,
    pub principal: Option<Principal>,
    pub local_group: Option<LocalGroup>,
}

/// A function inside the organisation through which information is gathered and spread
/// (for a municipality: individual and family care, school, HR…), and who to reach there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InternalContact {
    pub id: Id,
    pub organisation_id: Id,
    pub function: Name,
    pub name: Name,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    /// Protected personal data (skyddade personuppgifter): kept out of every export of the
    /// log, as a protected person is.
    pub protected: bool,
}

/// An organisation's fields as the user typed them (the UI's form, the CLI's flags).
/// Empty strings mean "not known". Checked into [`OrgFields`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrgDraft {
    pub name: String,
    #[serde(default)]
    pub short_name: Option<String>,
    pub kind: OrgKind,
    #[serde(default)]
    pub org_number: Option<String>,
    #[serde(default)]
    pub postal_address: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub notes: Option<String>,
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

// The vocabulary macro declares the enum, so `#[default]` cannot be put on a variant there.
#[allow(clippy::derivable_impls)]
impl Default for OrgKind {
    fn default() -> Self {
        OrgKind::Other
    }
}

/// Checked organisation fields, ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgFields {
    pub name: Name,
    pub short_name: Option<String>,
    pub kind: OrgKind,
    pub org_number: Option<OrgNumber>,
    pub postal_address: Option<String>,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    pub notes: Option<String>,
    pub active: bool,
}

pub(crate) fn opt_email(field: Field, s: Option<&str>) -> Result<Option<Email>, Error> {
    match s.map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => Email::parse(field, s).map(Some),
    }
}

pub(crate) fn opt_phone(field: Field, s: Option<&str>) -> Result<Option<Phone>, Error> {
    match s.map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => Phone::parse(field, s).map(Some),
    }
}

impl TryFrom<&OrgDraft> for OrgFields {
    type Error = Error;
    fn try_from(d: &OrgDraft) -> Result<OrgFields, Error> {
        Ok(OrgFields {
            name: Name::parse(Field::Name, &d.name)?,
            short_name: optional_text(Field::ShortName, d.short_name.as_deref())?,
            kind: d.kind,
            org_number: match d.org_number.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(s) => Some(OrgNumber::parse(s)?),
            },
            postal_address: optional_text(Field::PostalAddress, d.postal_address.as_deref())?,
            email: opt_email(Field::Email, d.email.as_deref())?,
            phone: opt_phone(Field::Phone, d.phone.as_deref())?,
            notes: optional_text(Field::Notes, d.notes.as_deref())?,
            active: d.active,
        })
    }
}

impl From<&Organisation> for OrgDraft {
    fn from(o: &Organisation) -> OrgDraft {
        OrgDraft {
            name: o.name.as_str().to_owned(),
            short_name: o.short_name.clone(),
            kind: o.kind,
            org_number: o.org_number.as_ref().map(|n| n.as_str().to_owned()),
            postal_address: o.postal_address.clone(),
            email: o.email.as_ref().map(|e| e.as_str().to_owned()),
            phone: o.phone.as_ref().map(|p| p.as_str().to_owned()),
            notes: o.notes.clone(),
            active: o.active,
        }
    }
}

/// The principal as typed; an empty name clears the principal.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PrincipalDraft {
    pub name: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

impl PrincipalDraft {
    /// `None` when the draft clears the principal (its name is blank).
    pub fn check(&self) -> Result<Option<Principal>, Error> {
        if self.name.trim().is_empty() {
            return Ok(None);
        }
        Ok(Some(Principal {
            name: Name::parse(Field::PrincipalName, &self.name)?,
            title: optional_text(Field::Title, self.title.as_deref())?,
            email: opt_email(Field::Email, self.email.as_deref())?,
            phone: opt_phone(Field::Phone, self.phone.as_deref())?,
        }))
    }
}

/// The local group as typed; an empty name clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LocalGroupDraft {
    pub name: String,
    #[serde(default)]
    pub contact: Option<String>,
}

impl LocalGroupDraft {
    pub fn check(&self) -> Result<Option<LocalGroup>, Error> {
        if self.name.trim().is_empty() {
            return Ok(None);
        }
        Ok(Some(LocalGroup {
            name: Name::parse(Field::LocalGroup, &self.name)?,
            contact: optional_text(Field::Contact, self.contact.as_deref())?,
        }))
    }
}

/// An internal contact as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ContactDraft {
    pub function: String,
    pub name: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub protected: bool,
}

/// Checked internal-contact fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactFields {
    pub function: Name,
    pub name: Name,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    pub protected: bool,
}

impl TryFrom<&ContactDraft> for ContactFields {
    type Error = Error;
    fn try_from(d: &ContactDraft) -> Result<ContactFields, Error> {
        Ok(ContactFields {
            function: Name::parse(Field::Function, &d.function)?,
            name: Name::parse(Field::Name, &d.name)?,
            email: opt_email(Field::Email, d.email.as_deref())?,
            phone: opt_phone(Field::Phone, d.phone.as_deref())?,
            protected: d.protected,
        })
    }
}
