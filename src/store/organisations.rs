//! The `organisation` table, and the organisations' own seats in groups.

use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::error::{Error, Field};
use crate::model::{
    Email, Id, LocalGroup, Name, OrgFields, OrgKind, OrgNumber, Organisation, Phone, Principal,
    name_key, sort_key,
};

const COLUMNS: &str = "o.id, o.name, o.short_name, o.kind, o.org_number, o.postal_address, o.email, \
     o.phone, o.notes, o.active, o.principal_name, o.principal_title, o.principal_email, \
     o.principal_phone, o.local_group_name, o.local_group_contact";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Organisation> {
    let principal = r.get::<_, Option<String>>(10)?.map(|name| Principal {
        name: Name::from_store(name),
        title: None,
        email: None,
        phone: None,
    });
    let principal = match principal {
        Some(mut p) => {
            p.title = r.get(11)?;
            p.email = r.get::<_, Option<String>>(12)?.map(Email::from_store);
            p.phone = r.get::<_, Option<String>>(13)?.map(Phone::from_store);
            Some(p)
        }
        None => None,
    };
    let local_group = r
        .get::<_, Option<String>>(14)?
        .map(|name| {
            Ok::<_, rusqlite::Error>(LocalGroup {
                name: Name::from_store(name),
                contact: r.get(15)?,
            })
        })
        .transpose()?;
    Ok(Organisation {
        id: r.get(0)?,
        name: Name::from_store(r.get(1)?),
        short_name: r.get(2)?,
        kind: r.get(3)?,
        org_number: r.get::<_, Option<String>>(4)?.map(OrgNumber::from_store),
        postal_address: r.get(5)?,
        email: r.get::<_, Option<String>>(6)?.map(Email::from_store),
        phone: r.get::<_, Option<String>>(7)?.map(Phone::from_store),
        notes: r.get(8)?,
        active: r.get(9)?,
        principal,
        local_group,
    })
}

/// Which organisations to list.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub group_id: Option<Id>,
    pub kind: Option<OrgKind>,
    /// Part of the name or short name, as a comparison key.
    pub text_key: Option<String>,
}

pub fn list(conn: &Connection, f: &Filter) -> Result<Vec<Organisation>, Error> {
    let sql = format!("SELECT {COLUMNS} {} ORDER BY o.sort_key, o.id", filtered(f));
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(filter_params(f).as_slice(), from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// How a page of organisations is ordered: by name, short name, or kind (the kinds in the
/// order given, the user's language's), each then by name; `descending` turns the first key.
#[derive(Debug, Clone)]
pub enum Order {
    Name,
    ShortName,
    Kind(Vec<OrgKind>),
}

/// One page of the organisations `f` selects, in `order`, and how many it selects in all.
pub fn page(
    conn: &Connection,
    f: &Filter,
    order: &Order,
    descending: bool,
    offset: u32,
    limit: u32,
) -> Result<(u32, Vec<Organisation>), Error> {
    let from = filtered(f);
    let params = filter_params(f);
    let total: u32 = conn
        .prepare_cached(&format!("SELECT count(*) {from}"))?
        .query_row(params.as_slice(), |r| r.get(0))?;
    let dir = if descending { "DESC" } else { "ASC" };
    let by = match order {
        Order::Name => format!("o.sort_key {dir}, o.id {dir}"),
        // Organisations without a short name last, whichever way.
        Order::ShortName => format!("o.short_key IS NULL, o.short_key {dir}, o.sort_key, o.id"),
        Order::Kind(kinds) => {
            let rank: String = kinds
                .iter()
                .enumerate()
                .map(|(i, k)| format!(" WHEN '{}' THEN {i}", k.code()))
                .collect();
            format!("CASE o.kind{rank} ELSE 99 END {dir}, o.sort_key, o.id")
        }
    };
    let sql = format!("SELECT {COLUMNS} {from} ORDER BY {by} LIMIT {limit} OFFSET {offset}");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params.as_slice(), from_row)?;
    Ok((total, rows.collect::<Result<_, _>>()?))
}

/// `FROM … WHERE …` of the organisations the filter selects (its parameters: [`filter_params`]).
fn filtered(f: &Filter) -> String {
    let mut sql = String::from("FROM organisation o");
    if f.group_id.is_some() {
        sql.push_str(
            " JOIN (SELECT DISTINCT organisation_id FROM seat WHERE group_id = :group AND active = 1) s
              ON s.organisation_id = o.id",
        );
    }
    sql.push_str(" WHERE (:kind IS NULL OR o.kind = :kind)");
    sql.push_str(
        " AND (:text IS NULL OR instr(o.name_key, :text) > 0 OR instr(coalesce(o.short_key, ''), :text) > 0)",
    );
    sql
}

fn filter_params(f: &Filter) -> Vec<(&'static str, &dyn rusqlite::ToSql)> {
    let mut params: Vec<(&str, &dyn rusqlite::ToSql)> =
        vec![(":kind", &f.kind), (":text", &f.text_key)];
    if f.group_id.is_some() {
        params.push((":group", &f.group_id));
    }
    params
}

pub fn get(conn: &Connection, id: Id) -> Result<Option<Organisation>, Error> {
    let sql = format!("SELECT {COLUMNS} FROM organisation o WHERE o.id = ?1");
    Ok(conn.query_row(&sql, [id], from_row).optional()?)
}

/// Organisations whose name or short name, as a key, starts with `key_prefix`: id, name, and
/// whether the match was exact.
pub fn matching(conn: &Connection, key_prefix: &str) -> Result<Vec<(Id, String, bool)>, Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, name_key = ?1 OR short_key IS ?1 FROM organisation
         WHERE substr(name_key, 1, length(?1)) = ?1 OR substr(short_key, 1, length(?1)) = ?1
         ORDER BY name_key LIMIT 50",
    )?;
    let rows = stmt.query_map([key_prefix], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The organisation, other than `except`, that already uses this name key or number.
pub fn clash(
    conn: &Connection,
    f: &OrgFields,
    except: Option<Id>,
) -> Result<Option<(Field, String)>, Error> {
    let number = f.org_number.as_ref().map(OrgNumber::as_str);
    Ok(conn
        .query_row(
            "SELECT name_key = ?1, CASE WHEN name_key = ?1 THEN name ELSE org_number END
             FROM organisation
             WHERE (name_key = ?1 OR (?2 IS NOT NULL AND org_number = ?2)) AND id IS NOT ?3
             LIMIT 1",
            params![f.name.key(), number, except],
            |r| {
                let field = if r.get(0)? {
                    Field::Name
                } else {
                    Field::OrgNumber
                };
                Ok((field, r.get(1)?))
            },
        )
        .optional()?)
}

/// The stored columns of an organisation's own fields, keys included, as named parameters.
struct Columns<'a> {
    f: &'a OrgFields,
    name_key: String,
    short_key: Option<String>,
    sort_key: String,
}

impl<'a> Columns<'a> {
    fn new(f: &'a OrgFields) -> Columns<'a> {
        Columns {
            f,
            name_key: f.name.key(),
            short_key: f.short_name.as_deref().map(name_key),
            sort_key: sort_key(f.name.as_str()),
        }
    }

    fn params(&self) -> Vec<(&'static str, &dyn rusqlite::ToSql)> {
        let f = self.f;
        vec![
            (":name", &f.name),
            (":name_key", &self.name_key),
            (":short_name", &f.short_name),
            (":short_key", &self.short_key),
            (":kind", &f.kind),
            (":org_number", &f.org_number),
            (":postal_address", &f.postal_address),
            (":email", &f.email),
            (":phone", &f.phone),
            (":notes", &f.notes),
            (":active", &f.active),
            (":sort_key", &self.sort_key),
        ]
    }
}

pub fn insert(conn: &Connection, f: &OrgFields) -> Result<Id, Error> {
    conn.execute(
        "INSERT INTO organisation (name, name_key, short_name, short_key, kind, org_number,
             postal_address, email, phone, notes, active, sort_key)
         VALUES (:name, :name_key, :short_name, :short_key, :kind, :org_number,
             :postal_address, :email, :phone, :notes, :active, :sort_key)",
        Columns::new(f).params().as_slice(),
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn update(conn: &Connection, id: Id, f: &OrgFields) -> Result<(), Error> {
    let columns = Columns::new(f);
    let mut params = columns.params();
    params.push((":id", &id));
    conn.execute(
        "UPDATE organisation SET name = :name, name_key = :name_key, short_name = :short_name,
             short_key = :short_key, kind = :kind, org_number = :org_number,
             postal_address = :postal_address, email = :email, phone = :phone, notes = :notes,
             active = :active, sort_key = :sort_key
         WHERE id = :id",
        params.as_slice(),
    )?;
    Ok(())
}

pub fn set_principal(conn: &Connection, id: Id, p: Option<&Principal>) -> Result<(), Error> {
    conn.execute(
        "UPDATE organisation SET principal_name = ?2, principal_title = ?3, principal_email = ?4,
             principal_phone = ?5 WHERE id = ?1",
        params![
            id,
            p.map(|p| p.name.as_str()),
            p.and_then(|p| p.title.as_deref()),
            p.and_then(|p| p.email.as_ref().map(Email::as_str)),
            p.and_then(|p| p.phone.as_ref().map(Phone::as_str)),
        ],
    )?;
    Ok(())
}

pub fn set_local_group(conn: &Connection, id: Id, g: Option<&LocalGroup>) -> Result<(), Error> {
    conn.execute(
        "UPDATE organisation SET local_group_name = ?2, local_group_contact = ?3 WHERE id = ?1",
        params![
            id,
            g.map(|g| g.name.as_str()),
            g.and_then(|g| g.contact.as_deref())
        ],
    )?;
    Ok(())
}

pub fn delete(conn: &Connection, id: Id) -> Result<(), Error> {
    conn.execute("DELETE FROM organisation WHERE id = ?1", [id])?;
    Ok(())
}

/// How many people belong to the organisation.
pub fn people_count(conn: &Connection, id: Id) -> Result<usize, Error> {
    Ok(conn
        .query_row(
            "SELECT count(*) FROM person WHERE organisation_id = ?1",
            [id],
            |r| r.get::<_, i64>(0),
        )?
        .try_into()
        .unwrap_or(0))
}

/// The groups in which the organisation has seats of its own.
pub fn seat_groups(conn: &Connection, id: Id) -> Result<Vec<Id>, Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT group_id FROM seat WHERE organisation_id = ?1 AND active = 1 ORDER BY group_id",
    )?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Seats the organisation in the group: a representative's and a substitute's seat in a group
/// with the one-per-organisation rule, else a member's seat. Nothing happens when it has a seat
/// of its own there already, or the group has free membership.
pub fn add_seat(conn: &Connection, group_id: Id, org_id: Id) -> Result<bool, Error> {
    let n = conn.execute(
        "INSERT INTO seat (group_id, position, role, organisation_id)
         SELECT g.id, (SELECT coalesce(max(position), 0) FROM seat WHERE group_id = g.id) + r.n,
                r.role, ?2
         FROM network_group g
         JOIN (SELECT 'representative' AS role, 1 AS n, 1 AS rule UNION ALL
               SELECT 'substitute', 2, 1 UNION ALL SELECT 'member', 1, 0) r
           ON r.rule = g.one_per_org
         WHERE g.id = ?1 AND g.free_membership = 0
           AND NOT EXISTS (SELECT 1 FROM seat s
                           WHERE s.group_id = g.id AND s.organisation_id = ?2 AND s.active = 1)
         ORDER BY r.n",
        [group_id, org_id],
    )?;
    Ok(n > 0)
}

/// Removes the organisation's own seats from the group (seats that were held are retired).
pub fn remove_seat(conn: &Connection, group_id: Id, org_id: Id) -> Result<bool, Error> {
    Ok(super::seats::remove_org_seats(conn, group_id, org_id)? > 0)
}

/// Every (group, organisation) in which the organisation has a seat of its own.
pub fn all_seats(conn: &Connection) -> Result<Vec<(Id, Id)>, Error> {
    super::seats::org_groups(conn)
}
