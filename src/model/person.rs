//! People: representatives, substitutes and other members, with the protected-data flag.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Id;
use super::organisation::{opt_email, opt_phone};
use super::text::{Email, Name, Phone, optional_text};
use crate::error::{Error, Field};

/// A person in the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Person {
    pub id: Id,
    pub name: Name,
    pub title: Option<String>,
    pub organisation_id: Id,
    pub organisation_name: String,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    /// Skyddade personuppgifter: kept out of every export unless the coordinator includes the
    /// person for one document.
    pub protected: bool,
    pub notes: Option<String>,
}

/// A person's fields as typed. `organisation` is an id, or a name the register resolves.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonDraft {
    pub name: String,
    #[serde(default)]
    pub title: Option<String>,
    pub organisation_id: Id,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub protected: bool,
    #[serde(default)]
    pub notes: Option<String>,
}

/// Checked person fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonFields {
    pub name: Name,
    pub title: Option<String>,
    pub organisation_id: Id,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    pub protected: bool,
    pub notes: Option<String>,
}

impl TryFrom<&PersonDraft> for PersonFields {
    type Error = Error;
    fn try_from(d: &PersonDraft) -> Result<PersonFields, Error> {
        Ok(PersonFields {
            name: Name::parse(Field::Name, &d.name)?,
            title: optional_text(Field::Title, d.title.as_deref())?,
            organisation_id: d.organisation_id,
            email: opt_email(Field::Email, d.email.as_deref())?,
            phone: opt_phone(Field::Phone, d.phone.as_deref())?,
            protected: d.protected,
            notes: optional_text(Field::Notes, d.notes.as_deref())?,
        })
    }
}

impl From<&Person> for PersonDraft {
    fn from(p: &Person) -> PersonDraft {
        PersonDraft {
            name: p.name.as_str().to_owned(),
            title: p.title.clone(),
            organisation_id: p.organisation_id,
            email: p.email.as_ref().map(|e| e.as_str().to_owned()),
            phone: p.phone.as_ref().map(|p| p.as_str().to_owned()),
            protected: p.protected,
            notes: p.notes.clone(),
        }
    }
}
