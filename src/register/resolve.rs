//! Finding an organisation, person or group from what the user typed: an id, a name in any
//! case, or a unique beginning of a name. An ambiguous beginning is refused with the
//! candidates listed.

use super::Register;
use crate::error::{Entity, Error};
use crate::model::{Id, name_key};
use crate::store;

type Matcher = fn(&rusqlite::Connection, &str) -> Result<Vec<(Id, String, bool)>, Error>;
type Exists = fn(&rusqlite::Connection, Id) -> Result<bool, Error>;

fn resolve(
    conn: &rusqlite::Connection,
    what: Entity,
    query: &str,
    matching: Matcher,
    exists: Exists,
) -> Result<Id, Error> {
    let not_found = || Error::NotFound {
        what,
        query: query.to_owned(),
    };
    if let Ok(id) = query.trim().parse::<Id>()
        && exists(conn, id)?
    {
        return Ok(id);
    }
    let key = name_key(query);
    if key.is_empty() {
        return Err(not_found());
    }
    let found = matching(conn, &key)?;
    let exact: Vec<_> = found.iter().filter(|(_, _, exact)| *exact).collect();
    match (exact.as_slice(), found.as_slice()) {
        ([(id, _, _)], _) => Ok(*id),
        (_, []) => Err(not_found()),
        ([], [(id, _, _)]) => Ok(*id),
        (many, all) => {
            let list = if many.is_empty() {
                all.iter().collect::<Vec<_>>()
            } else {
                many.to_vec()
            };
            Err(Error::Ambiguous {
                what,
                query: query.to_owned(),
                candidates: list
                    .iter()
                    .take(10)
                    .map(|(id, name, _)| format!("{name} [{id}]"))
                    .collect(),
            })
        }
    }
}

impl Register {
    pub fn find_org(&self, query: &str) -> Result<Id, Error> {
        resolve(
            &self.conn,
            Entity::Organisation,
            query,
            store::organisations::matching,
            |c, id| Ok(store::organisations::get(c, id)?.is_some()),
        )
    }

    pub fn find_person(&self, query: &str) -> Result<Id, Error> {
        resolve(
            &self.conn,
            Entity::Person,
            query,
            store::people::matching,
            |c, id| Ok(store::people::get(c, id)?.is_some()),
        )
    }

    pub fn find_group(&self, query: &str) -> Result<Id, Error> {
        resolve(
            &self.conn,
            Entity::Group,
            query,
            store::groups::matching,
            |c, id| Ok(store::groups::get(c, id)?.is_some()),
        )
    }
}
