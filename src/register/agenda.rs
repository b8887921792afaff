//! Agendas: a meeting's items and a group's default, read with their times and changed one
//! item at a time (add, edit, move, remove), each change one transaction over the whole list.
//! A new meeting starts from its group's default; a group that has not saved its own uses the
//! register template's (`default_agenda` in `assets/templates/*.json`).

use rusqlite::Connection;

use super::Register;
use crate::error::{Error, Field, Invalid};
use crate::model::{
    Agenda, AgendaItem, AgendaItemDraft, AgendaItemFields, AgendaOf, Id, MAX_AGENDA_ITEMS,
    clock_minutes, clock_text,
};
use crate::store;
use crate::store::agenda::StoredItem;
use crate::store::minutes::ItemRecord;
use crate::template::Template;

/// A group's default items: its own when saved, else its template's.
pub(super) fn group_default(
    conn: &Connection,
    group_id: Id,
) -> Result<(Vec<StoredItem>, bool), Error> {
    if store::agenda::group_has_own(conn, group_id)? {
        return Ok((
            store::agenda::items(conn, AgendaOf::Group(group_id))?,
            false,
        ));
    }
    let template = store::settings::get(conn, "template")?
        .and_then(|t| Template::by_name(&t).ok())
        .unwrap_or_else(Template::empty);
    let items = template
        .default_agenda
        .iter()
        .filter_map(|i| AgendaItemFields::try_from(&i.draft()).ok())
        .map(|fields| StoredItem {
            presenter_name: fields.presenter.clone(),
            fields,
        })
        .collect();
    Ok((items, true))
}

/// Copies the group's default agenda to a new meeting, inside the creating transaction.
pub(super) fn start_from_group(
    conn: &Connection,
    meeting_id: Id,
    group_id: Id,
) -> Result<(), Error> {
    let (items, _) = group_default(conn, group_id)?;
    let fields: Vec<AgendaItemFields> = items.into_iter().map(|i| i.fields).collect();
    store::agenda::replace(conn, AgendaOf::Meeting(meeting_id), &fields)
}

fn position_error(len: usize) -> Error {
    Error::invalid(
        Field::Position,
        Invalid::OutOfRange {
            min: 1,
            max: len.max(1) as i64,
        },
    )
}

/// The index of a 1-based position within a list of `len`.
fn index(position: u32, len: usize) -> Result<usize, Error> {
    let i = (position as usize)
        .checked_sub(1)
        .ok_or_else(|| position_error(len))?;
    if i >= len {
        return Err(position_error(len));
    }
    Ok(i)
}

impl Register {
    /// A meeting's agenda or a group's default, with each item's times.
    pub fn agenda(&self, of: AgendaOf) -> Result<Agenda, Error> {
        let (start, end, stored, from_template) = match of {
            AgendaOf::Meeting(id) => {
                let m = self.meeting(id)?;
                let items = store::agenda::items(&self.conn, of)?;
                (m.start, m.end, items, false)
            }
            AgendaOf::Group(id) => {
                let settings = self.plan_settings(id)?;
                let (items, from_template) = group_default(&self.conn, id)?;
                (settings.start, settings.end, items, from_template)
            }
        };
        let mut at = clock_minutes(&start);
        let mut items = Vec::with_capacity(stored.len());
        for (i, s) in stored.into_iter().enumerate() {
            let f = s.fields;
            let begins = at;
            at += f.minutes;
            items.push(AgendaItem {
                position: i as u32 + 1,
                title: f.title.as_str().to_owned(),
                kind: f.kind,
                presenter_id: f.presenter_id,
                presenter: f.presenter,
                presenter_name: s.presenter_name,
                minutes: f.minutes,
                note: f.note,
                start: clock_text(begins),
                end: clock_text(at),
            });
        }
        let total_minutes = at - clock_minutes(&start);
        Ok(Agenda {
            of,
            overrun_minutes: at.saturating_sub(clock_minutes(&end)),
            start,
            end,
            items,
            total_minutes,
            from_template,
        })
    }

    /// Changes the list in one transaction: `change` gets the current items, each with its
    /// minutes (a meeting's notes and decisions, empty for a group's default), and returns the
    /// new ones, which are checked before anything is written. The minutes move with their
    /// items.
    fn change_agenda(
        &mut self,
        of: AgendaOf,
        change: impl FnOnce(&mut Vec<(AgendaItemFields, ItemRecord)>) -> Result<(), Error>,
    ) -> Result<Agenda, Error> {
        let current = match of {
            AgendaOf::Meeting(id) => {
                self.meeting(id)?;
                store::agenda::items(&self.conn, of)?
            }
            AgendaOf::Group(id) => {
                self.group(id)?;
                group_default(&self.conn, id)?.0
            }
        };
        let records = match of {
            AgendaOf::Meeting(id) => store::minutes::items(&self.conn, id, current.len())?,
            AgendaOf::Group(_) => vec![ItemRecord::default(); current.len()],
        };
        let mut items: Vec<(AgendaItemFields, ItemRecord)> =
            current.into_iter().map(|i| i.fields).zip(records).collect();
        change(&mut items)?;
        if items.len() > MAX_AGENDA_ITEMS {
            return Err(Error::invalid(
                Field::Agenda,
                Invalid::OutOfRange {
                    min: 0,
                    max: MAX_AGENDA_ITEMS as i64,
                },
            ));
        }
        for (f, _) in &items {
            if let Some(p) = f.presenter_id {
                self.person(p)?;
            }
        }
        let (fields, records): (Vec<AgendaItemFields>, Vec<ItemRecord>) = items.into_iter().unzip();
        self.write(|tx| {
            store::agenda::replace(tx, of, &fields)?;
            if let AgendaOf::Meeting(id) = of {
                store::minutes::replace_items(tx, id, &records)?;
            }
            Ok(())
        })?;
        self.agenda(of)
    }

    /// Adds an item at a position (1 = first; default last).
    pub fn add_agenda_item(
        &mut self,
        of: AgendaOf,
        draft: &AgendaItemDraft,
        at: Option<u32>,
    ) -> Result<Agenda, Error> {
        let fields = AgendaItemFields::try_from(draft)?;
        self.change_agenda(of, |items| {
            let i = match at {
                None => items.len(),
                Some(p) => index(p, items.len() + 1)?,
            };
            items.insert(i, (fields, ItemRecord::default()));
            Ok(())
        })
    }

    /// Rewrites the item at a position (its minutes stay).
    pub fn edit_agenda_item(
        &mut self,
        of: AgendaOf,
        position: u32,
        draft: &AgendaItemDraft,
    ) -> Result<Agenda, Error> {
        let fields = AgendaItemFields::try_from(draft)?;
        self.change_agenda(of, |items| {
            let i = index(position, items.len())?;
            items[i].0 = fields;
            Ok(())
        })
    }

    /// Moves the item at `position` to `to`; the items between close up.
    pub fn move_agenda_item(
        &mut self,
        of: AgendaOf,
        position: u32,
        to: u32,
    ) -> Result<Agenda, Error> {
        self.change_agenda(of, |items| {
            let from = index(position, items.len())?;
            let to = index(to, items.len())?;
            let item = items.remove(from);
            items.insert(to, item);
            Ok(())
        })
    }

    /// Removes the item at a position (and its minutes).
    pub fn remove_agenda_item(&mut self, of: AgendaOf, position: u32) -> Result<Agenda, Error> {
        self.change_agenda(of, |items| {
            let i = index(position, items.len())?;
            items.remove(i);
            Ok(())
        })
    }

    /// Replaces a meeting's agenda with its group's default.
    pub fn reset_agenda(&mut self, meeting_id: Id) -> Result<Agenda, Error> {
        let m = self.meeting(meeting_id)?;
        self.write(|tx| {
            start_from_group(tx, meeting_id, m.group_id)?;
            store::minutes::replace_items(tx, meeting_id, &[])
        })?;
        self.agenda(AgendaOf::Meeting(meeting_id))
    }
}
