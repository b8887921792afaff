//! The `person` table.

use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::error::Error;
use crate::model::{Email, Id, Name, Person, PersonFields, Phone, sort_key};

const SELECT: &str = "SELECT p.id, p.name, p.title, p.organisation_id, o.name, p.email, p.phone, \
     p.protected, p.notes FROM person p JOIN organisation o ON o.id = p.organisation_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Person> {
    Ok(Person {
        id: r.get(0)?,
        name: Name::from_store(r.get(1)?),
        title: r.get(2)?,
        organisation_id: r.get(3)?,
        organisation_name: r.get(4)?,
        email: r.get::<_, Option<String>>(5)?.map(Email::from_store),
        phone: r.get::<_, Option<String>>(6)?.map(Phone::from_store),
        protected: r.get(7)?,
        notes: r.get(8)?,
    })
}

/// Which people to list.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub organisation_id: Option<Id>,
    /// Part of the name, as a comparison key.
    pub text_key: Option<String>,
}

pub fn list(conn: &Connection, f: &Filter) -> Result<Vec<Person>, Error> {
    let (filter, phrase) = filtered(f);
    let sql = format!("{SELECT} WHERE {filter} ORDER BY p.sort_key, p.id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![f.organisation_id, f.text_key, phrase], from_row)?;
    rows.collect::<rusqlite::Result<Vec<Person>>>()
        .map_err(Error::from)
}

/// How a page of people is ordered: by name, organisation or title, each then by name;
/// `descending` turns the first key.
#[derive(Debug, Clone, Copy)]
pub enum Order {
    Name,
    Organisation,
    Title,
}

/// One page of the people `f` selects, in `order`, and how many it selects in all.
pub fn page(
    conn: &Connection,
    f: &Filter,
    order: Order,
    descending: bool,
    offset: u32,
    limit: u32,
) -> Result<(u32, Vec<Person>), Error> {
    let (filter, phrase) = filtered(f);
    let args = params![f.organisation_id, f.text_key, phrase];
    let total: u32 = conn
        .prepare_cached(&format!("SELECT count(*) FROM person p WHERE {filter}"))?
        .query_row(args, |r| r.get(0))?;
    let dir = if descending { "DESC" } else { "ASC" };
    let by = match order {
        Order::Name => format!("p.sort_key {dir}, p.id {dir}"),
        Order::Organisation => format!("o.sort_key {dir}, o.id {dir}, p.sort_key, p.id"),
        // People without a title last, whichever way.
        Order::Title => format!("p.title IS NULL, p.title COLLATE NOCASE {dir}, p.sort_key, p.id"),
    };
    let sql = format!("{SELECT} WHERE {filter} ORDER BY {by} LIMIT {limit} OFFSET {offset}");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(args, from_row)?;
    Ok((total, rows.collect::<Result<_, _>>()?))
}

/// The `WHERE` condition of the people the filter selects, over the parameters
/// `?1` organisation, `?2` text key and `?3` the phrase for the trigram index (returned).
/// Three characters or more go through the trigram index; shorter ones scan the keys.
fn filtered(f: &Filter) -> (String, Option<String>) {
    let indexed = f.text_key.as_deref().filter(|k| k.chars().count() >= 3);
    let text_filter = if indexed.is_some() {
        "?2 IS NOT NULL AND p.id IN (SELECT rowid FROM person_search WHERE person_search MATCH ?3)"
    } else {
        // `?3` is NULL here; named so that both forms take the same three parameters.
        "?3 IS NULL AND (?2 IS NULL OR instr(p.name_key, ?2) > 0)"
    };
    // A phrase query: the key in double quotes, its own quotes doubled.
    let phrase = indexed.map(|k| format!("\"{}\"", k.replace('"', "\"\"")));
    (
        format!("(?1 IS NULL OR p.organisation_id = ?1) AND {text_filter}"),
        phrase,
    )
}

pub fn get(conn: &Connection, id: Id) -> Result<Option<Person>, Error> {
    let sql = format!("{SELECT} WHERE p.id = ?1");
    Ok(conn.query_row(&sql, [id], from_row).optional()?)
}

/// People whose name key starts with `key_prefix`: id, name with organisation, exact match.
pub fn matching(conn: &Connection, key_prefix: &str) -> Result<Vec<(Id, String, bool)>, Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.name || ' (' || o.name || ')', p.name_key = ?1 FROM person p
         JOIN organisation o ON o.id = p.organisation_id
         WHERE p.name_key >= ?1 AND p.name_key < ?1 || char(1114111)
         ORDER BY p.name_key LIMIT 50",
    )?;
    let rows = stmt.query_map([key_prefix], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A person of the same organisation with the same name key, other than `except`.
pub fn clash(
    conn: &Connection,
    f: &PersonFields,
    except: Option<Id>,
) -> Result<Option<String>, Error> {
    Ok(conn
        .query_row(
            "SELECT name FROM person WHERE name_key = ?1 AND organisation_id = ?2 AND id IS NOT ?3 LIMIT 1",
            params![f.name.key(), f.organisation_id, except],
            |r| r.get(0),
        )
        .optional()?)
}

/// Runs `sql` with a person's fields as named parameters (and `:id` when given).
fn execute(conn: &Connection, sql: &str, f: &PersonFields, id: Option<Id>) -> Result<(), Error> {
    let (name_key, sort_key) = (f.name.key(), sort_key(f.name.as_str()));
    let mut params: Vec<(&str, &dyn rusqlite::ToSql)> = vec![
        (":name", &f.name),
        (":name_key", &name_key),
        (":sort_key", &sort_key),
        (":title", &f.title),
        (":organisation_id", &f.organisation_id),
        (":email", &f.email),
        (":phone", &f.phone),
        (":protected", &f.protected),
        (":notes", &f.notes),
    ];
    if let Some(id) = &id {
        params.push((":id", id));
    }
    conn.execute(sql, params.as_slice())?;
    Ok(())
}

pub fn insert(conn: &Connection, f: &PersonFields) -> Result<Id, Error> {
    execute(
        conn,
        "INSERT INTO person (name, name_key, sort_key, title, organisation_id, email, phone,
             protected, notes)
         VALUES (:name, :name_key, :sort_key, :title, :organisation_id, :email, :phone,
             :protected, :notes)",
        f,
        None,
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn update(conn: &Connection, id: Id, f: &PersonFields) -> Result<(), Error> {
    execute(
        conn,
        "UPDATE person SET name = :name, name_key = :name_key, sort_key = :sort_key,
             title = :title, organisation_id = :organisation_id, email = :email, phone = :phone,
             protected = :protected, notes = :notes
         WHERE id = :id",
        f,
        Some(id),
    )
}

pub fn delete(conn: &Connection, id: Id) -> Result<(), Error> {
    conn.execute("DELETE FROM person WHERE id = ?1", [id])?;
    Ok(())
}

/// Whether the register holds anyone.
pub fn any(conn: &Connection) -> Result<bool, Error> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM person)", [], |r| r.get(0))?)
}
