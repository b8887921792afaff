//! The `form_wording` and `form_print` tables: versions of the mandate form's wording and the
//! record of every printed form, with the date its signed copy came back.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::error::Error;
use crate::model::Id;

/// A stored version of the wording: its id (the version number), language code, when it was
/// saved and its JSON body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordingRow {
    pub id: Id,
    pub lang: String,
    pub created_at: String,
    pub body: String,
}

fn wording_row(r: &Row<'_>) -> rusqlite::Result<WordingRow> {
    Ok(WordingRow {
        id: r.get(0)?,
        lang: r.get(1)?,
        created_at: r.get(2)?,
        body: r.get(3)?,
    })
}

/// The newest wording in a language.
pub fn latest_wording(conn: &Connection, lang: &str) -> Result<Option<WordingRow>, Error> {
    Ok(conn
        .query_row(
            "SELECT id, lang, created_at, body FROM form_wording WHERE lang = ?1
             ORDER BY id DESC LIMIT 1",
            [lang],
            wording_row,
        )
        .optional()?)
}

pub fn wording(conn: &Connection, id: Id) -> Result<Option<WordingRow>, Error> {
    Ok(conn
        .query_row(
            "SELECT id, lang, created_at, body FROM form_wording WHERE id = ?1",
            [id],
            wording_row,
        )
        .optional()?)
}

pub fn insert_wording(conn: &Connection, lang: &str, at: &str, body: &str) -> Result<Id, Error> {
    conn.execute(
        "INSERT INTO form_wording (lang, created_at, body) VALUES (?1, ?2, ?3)",
        params![lang, at, body],
    )?;
    Ok(conn.last_insert_rowid())
}

/// One printed form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintRow {
    pub id: Id,
    pub group_id: Id,
    pub organisation_id: Id,
    pub printed_at: String,
    pub wording_id: Id,
    pub representative_id: Option<Id>,
    pub substitute_id: Option<Id>,
    pub principal: Option<String>,
    pub signed_on: Option<NaiveDate>,
    pub note: Option<String>,
    /// The appointments the form named, in ascending order.
    pub holders: Vec<Id>,
    /// The day the form was printed for, when not the day it was printed.
    pub for_day: Option<NaiveDate>,
}

/// A new printed form.
#[derive(Debug, Clone)]
pub struct NewPrint<'a> {
    pub group_id: Id,
    pub organisation_id: Id,
    pub printed_at: &'a str,
    pub wording_id: Id,
    pub representative_id: Option<Id>,
    pub substitute_id: Option<Id>,
    pub principal: Option<&'a str>,
    pub holders: &'a [Id],
    pub for_day: Option<NaiveDate>,
}

pub fn insert_print(conn: &Connection, p: &NewPrint<'_>) -> Result<Id, Error> {
    conn.prepare_cached(
        "INSERT INTO form_print (group_id, organisation_id, printed_at, wording_id,
                                 representative_id, substitute_id, principal, for_day)
         VALUES (:group, :org, :at, :wording, :rep, :sub, :principal, :for_day)",
    )?
    .execute(rusqlite::named_params! {
        ":group": p.group_id,
        ":org": p.organisation_id,
        ":at": p.printed_at,
        ":wording": p.wording_id,
        ":rep": p.representative_id,
        ":sub": p.substitute_id,
        ":principal": p.principal,
        ":for_day": p.for_day,
    })?;
    let id = conn.last_insert_rowid();
    let mut holder = conn.prepare_cached(
        "INSERT OR IGNORE INTO form_print_holder (print_id, appointment_id) VALUES (?1, ?2)",
    )?;
    for a in p.holders {
        holder.execute(params![id, a])?;
    }
    Ok(id)
}

const PRINT: &str = "SELECT id, group_id, organisation_id, printed_at, wording_id, \
     representative_id, substitute_id, principal, signed_on, note, \
     (SELECT group_concat(appointment_id) FROM \
        (SELECT appointment_id FROM form_print_holder h WHERE h.print_id = form_print.id \
         ORDER BY appointment_id)), \
     for_day FROM form_print";

fn print_row(r: &Row<'_>) -> rusqlite::Result<PrintRow> {
    Ok(PrintRow {
        id: r.get(0)?,
        group_id: r.get(1)?,
        organisation_id: r.get(2)?,
        printed_at: r.get(3)?,
        wording_id: r.get(4)?,
        representative_id: r.get(5)?,
        substitute_id: r.get(6)?,
        principal: r.get(7)?,
        signed_on: r.get(8)?,
        note: r.get(9)?,
        holders: r
            .get::<_, Option<String>>(10)?
            .unwrap_or_default()
            .split(',')
            .filter_map(|id| id.parse().ok())
            .collect(),
        for_day: r.get(11)?,
    })
}

/// Every printed form of the group (or of all groups), oldest first.
pub fn prints(conn: &Connection, group_id: Option<Id>) -> Result<Vec<PrintRow>, Error> {
    let mut stmt = conn.prepare_cached(&format!(
        "{PRINT} WHERE (?1 IS NULL OR group_id = ?1) ORDER BY id"
    ))?;
    let rows = stmt.query_map([group_id], print_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The printed forms of one organisation's seat in one group, oldest first.
pub fn prints_for(conn: &Connection, group_id: Id, org_id: Id) -> Result<Vec<PrintRow>, Error> {
    let mut stmt = conn.prepare_cached(&format!(
        "{PRINT} WHERE group_id = ?1 AND organisation_id = ?2 ORDER BY id"
    ))?;
    let rows = stmt.query_map([group_id, org_id], print_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Records that the signed copy of a printed form came back.
pub fn set_signed(
    conn: &Connection,
    id: Id,
    on: NaiveDate,
    note: Option<&str>,
) -> Result<(), Error> {
    conn.execute(
        "UPDATE form_print SET signed_on = ?2, note = coalesce(?3, note) WHERE id = ?1",
        params![id, on, note],
    )?;
    Ok(())
}

/// Whether any mandate form has been printed.
pub fn any_print(conn: &Connection) -> Result<bool, Error> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM form_print)", [], |r| r.get(0))?)
}
