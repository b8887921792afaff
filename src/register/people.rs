//! People: list, detail with appointments past and present, add, edit, remove.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Page, PageRequest, PersonSort, Register};
use crate::error::{Entity, Error, Field};
use crate::model::{Appointment, Id, Person, PersonDraft, PersonFields, name_key};
use crate::store::{self, appointments::Referrer};

/// Which people to list.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonQuery {
    #[serde(default)]
    pub organisation_id: Option<Id>,
    /// Part of the name, in any case.
    #[serde(default)]
    pub text: Option<String>,
}

/// A person with every appointment they have held, oldest first.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PersonDetail {
    pub person: Person,
    pub appointments: Vec<Appointment>,
    /// When and as whom the person was erased (anonymised), if they were.
    pub erased: Option<crate::store::audit::Erasure>,
}

impl Register {
    pub fn people(&self, q: &PersonQuery) -> Result<Vec<Person>, Error> {
        let filter = store::people::Filter {
            organisation_id: q.organisation_id,
            text_key: q.text.as_deref().map(name_key).filter(|k| !k.is_empty()),
        };
        store::people::list(&self.conn, &filter)
    }

    /// One page of the people `q` selects, sorted in the core; with how many it selects.
    pub fn people_page(
        &self,
        q: &PersonQuery,
        sort: PersonSort,
        descending: bool,
        page: PageRequest,
    ) -> Result<Page<Person>, Error> {
        let filter = store::people::Filter {
            organisation_id: q.organisation_id,
            text_key: q.text.as_deref().map(name_key).filter(|k| !k.is_empty()),
        };
        let order = match sort {
            PersonSort::Name => store::people::Order::Name,
            PersonSort::Organisation => store::people::Order::Organisation,
            PersonSort::Title => store::people::Order::Title,
        };
        let (total, rows) = store::people::page(
            &self.conn,
            &filter,
            order,
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

    pub fn person(&self, id: Id) -> Result<Person, Error> {
        store::people::get(&self.conn, id)?.ok_or_else(|| Error::NotFound {
            what: Entity::Person,
            query: id.to_string(),
        })
    }

    pub fn person_detail(&self, id: Id) -> Result<PersonDetail, Error> {
        Ok(PersonDetail {
            person: self.person(id)?,
            appointments: store::appointments::for_person(&self.conn, id)?,
            erased: store::audit::erasures(&self.conn)?
                .into_iter()
                .find(|e| e.person_id == id),
        })
    }

    pub fn add_person(&mut self, draft: &PersonDraft) -> Result<Person, Error> {
        let fields = PersonFields::try_from(draft)?;
        let id = self.write(|tx| {
            check_person(tx, &fields, None)?;
            store::people::insert(tx, &fields)
        })?;
        self.person(id)
    }

    pub fn edit_person(&mut self, id: Id, draft: &PersonDraft) -> Result<Person, Error> {
        let fields = PersonFields::try_from(draft)?;
        self.write(|tx| {
            store::people::get(tx, id)?.ok_or_else(|| Error::NotFound {
                what: Entity::Person,
                query: id.to_string(),
            })?;
            check_person(tx, &fields, Some(id))?;
            store::people::update(tx, id, &fields)
        })?;
        self.person(id)
    }

    /// Removes a person who has never held an appointment. Otherwise refused: the history of
    /// who represented whom is kept.
    pub fn remove_person(&mut self, id: Id) -> Result<(), Error> {
        self.write(|tx| {
            let p = store::people::get(tx, id)?.ok_or_else(|| Error::NotFound {
                what: Entity::Person,
                query: id.to_string(),
            })?;
            let appointments = store::appointments::count_referring(tx, Referrer::Person, id)?;
            if appointments > 0 {
                return Err(Error::InUse {
                    what: Entity::Person,
                    name: p.name.to_string(),
                    appointments,
                });
            }
            store::people::delete(tx, id)
        })
    }
}

pub(super) fn check_person(
    tx: &rusqlite::Connection,
    f: &PersonFields,
    except: Option<Id>,
) -> Result<(), Error> {
    let org = store::organisations::get(tx, f.organisation_id)?.ok_or_else(|| Error::NotFound {
        what: Entity::Organisation,
        query: f.organisation_id.to_string(),
    })?;
    if let Some(name) = store::people::clash(tx, f, except)? {
        return Err(Error::Duplicate {
            what: Entity::Person,
            field: Field::Name,
            value: format!("{name} ({})", org.name),
        });
    }
    Ok(())
}
