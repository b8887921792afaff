//! The agenda tables: `agenda_item` (a meeting's), `group_agenda` and `group_agenda_item` (a
//! group's default). A list is read in order and replaced whole.

use rusqlite::{Connection, params};

use crate::error::Error;
use crate::model::{AgendaItemFields, AgendaOf, Id, Name};

/// An item as stored, with the presenting person's name when one is named.
#[derive(Debug, Clone)]
pub struct StoredItem {
    pub fields: AgendaItemFields,
    pub presenter_name: Option<String>,
}

fn table(of: AgendaOf) -> (&'static str, &'static str, Id) {
    match of {
        AgendaOf::Meeting(id) => ("agenda_item", "meeting_id", id),
        AgendaOf::Group(id) => ("group_agenda_item", "group_id", id),
    }
}

/// The items in order.
pub fn items(conn: &Connection, of: AgendaOf) -> Result<Vec<StoredItem>, Error> {
    let (t, key, id) = table(of);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT a.title, a.kind, a.presenter_id, a.presenter, a.minutes, a.note,
                coalesce(p.name, a.presenter)
         FROM {t} a LEFT JOIN person p ON p.id = a.presenter_id
         WHERE a.{key} = ?1 ORDER BY a.position"
    ))?;
    let rows = stmt.query_map([id], |r| {
        Ok(StoredItem {
            fields: AgendaItemFields {
                title: Name::from_store(r.get(0)?),
                kind: r.get(1)?,
                presenter_id: r.get(2)?,
                presenter: r.get(3)?,
                minutes: r.get(4)?,
                note: r.get(5)?,
            },
            presenter_name: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Whether the group has saved its own default agenda.
pub fn group_has_own(conn: &Connection, group_id: Id) -> Result<bool, Error> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM group_agenda WHERE group_id = ?1")?
        .exists([group_id])?)
}

/// Replaces the whole list (inside the caller's transaction); for a group, marks its default
/// as its own.
pub fn replace(conn: &Connection, of: AgendaOf, items: &[AgendaItemFields]) -> Result<(), Error> {
    let (t, key, id) = table(of);
    if let AgendaOf::Group(g) = of {
        conn.execute(
            "INSERT INTO group_agenda (group_id) VALUES (?1) ON CONFLICT DO NOTHING",
            [g],
        )?;
    }
    conn.execute(&format!("DELETE FROM {t} WHERE {key} = ?1"), [id])?;
    let mut stmt = conn.prepare_cached(&format!(
        "INSERT INTO {t} ({key}, position, title, kind, presenter_id, presenter, minutes, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
    ))?;
    for (i, f) in items.iter().enumerate() {
        stmt.execute(params![
            id,
            i as i64 + 1,
            f.title,
            f.kind,
            f.presenter_id,
            f.presenter,
            f.minutes,
            f.note
        ])?;
    }
    Ok(())
}
