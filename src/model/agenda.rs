//! A meeting's agenda (dagordning) and a group's default agenda: ordered items with a title,
//! a kind, who presents (a person of the register or free text), minutes and a note. The times
//! of the items follow from the meeting's start time and the minutes before them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Id;
use super::meeting::AgendaKind;
use super::text::{Name, optional_text};
use crate::error::{Error, Field, Invalid};

/// The longest agenda item title, in characters: a heading of two lines on the printed agenda.
pub const MAX_ITEM_TITLE_CHARS: usize = 200;

/// The most minutes one item may be given (a full working day).
pub const MAX_ITEM_MINUTES: u32 = 480;

/// The most items an agenda may hold.
pub const MAX_AGENDA_ITEMS: usize = 60;

/// Whose agenda: one meeting's, or the default of a group that new meetings start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "of", content = "id", rename_all = "snake_case")]
#[ts(export)]
pub enum AgendaOf {
    Meeting(Id),
    Group(Id),
}

/// An agenda item as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgendaItemDraft {
    pub title: String,
    /// Information when absent.
    #[serde(default)]
    pub kind: Option<AgendaKind>,
    /// A person of the register who presents the item; the free-text presenter is then
    /// not kept.
    #[serde(default)]
    pub presenter_id: Option<Id>,
    /// Who presents, as free text ("Länsstyrelsen", "Alla organisationer").
    #[serde(default)]
    pub presenter: Option<String>,
    /// Zero when absent.
    #[serde(default)]
    pub minutes: Option<u32>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A checked agenda item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaItemFields {
    pub title: Name,
    pub kind: AgendaKind,
    pub presenter_id: Option<Id>,
    pub presenter: Option<String>,
    pub minutes: u32,
    pub note: Option<String>,
}

impl TryFrom<&AgendaItemDraft> for AgendaItemFields {
    type Error = Error;
    fn try_from(d: &AgendaItemDraft) -> Result<AgendaItemFields, Error> {
        let title = Name::parse(Field::ItemTitle, &d.title)?;
        let minutes = d.minutes.unwrap_or(0);
        if minutes > MAX_ITEM_MINUTES {
            return Err(Error::invalid(
                Field::Minutes,
                Invalid::OutOfRange {
                    min: 0,
                    max: i64::from(MAX_ITEM_MINUTES),
                },
            ));
        }
        let presenter = match d.presenter_id {
            Some(_) => None,
            None => {
                let p = optional_text(Field::Presenter, d.presenter.as_deref())?;
                if p.as_deref().is_some_and(|p| p.contains(['\n', '\r'])) {
                    return Err(Error::invalid(Field::Presenter, Invalid::LineBreak));
                }
                p
            }
        };
        Ok(AgendaItemFields {
            title,
            kind: d.kind.unwrap_or(AgendaKind::Information),
            presenter_id: d.presenter_id,
            presenter,
            minutes,
            note: optional_text(Field::Notes, d.note.as_deref())?,
        })
    }
}

impl From<&AgendaItemFields> for AgendaItemDraft {
    fn from(f: &AgendaItemFields) -> AgendaItemDraft {
        AgendaItemDraft {
            title: f.title.as_str().to_owned(),
            kind: Some(f.kind),
            presenter_id: f.presenter_id,
            presenter: f.presenter.clone(),
            minutes: Some(f.minutes),
            note: f.note.clone(),
        }
    }
}

/// An agenda item as read, with its place and times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgendaItem {
    /// 1 for the first item.
    pub position: u32,
    pub title: String,
    pub kind: AgendaKind,
    pub presenter_id: Option<Id>,
    /// The free-text presenter (none when a person presents).
    pub presenter: Option<String>,
    /// Who presents, as shown: the person's name or the free text.
    pub presenter_name: Option<String>,
    pub minutes: u32,
    pub note: Option<String>,
    /// "HH:MM", from the meeting's (or the group's planned) start time.
    pub start: String,
    pub end: String,
}

/// An agenda with its times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Agenda {
    pub of: AgendaOf,
    /// "HH:MM": the meeting's start and end (for a group, its planned times).
    pub start: String,
    pub end: String,
    pub items: Vec<AgendaItem>,
    /// The minutes of all items.
    pub total_minutes: u32,
    /// How many minutes the items run past the meeting's end (0 when they fit).
    pub overrun_minutes: u32,
    /// For a group: whether its default is the template's (not yet saved by the coordinator).
    pub from_template: bool,
}

/// Minutes since midnight of "HH:MM" (0 for anything else, which the store never holds).
pub fn clock_minutes(t: &str) -> u32 {
    let (h, m) = t.split_once(':').unwrap_or(("0", "0"));
    h.parse::<u32>().unwrap_or(0) * 60 + m.parse::<u32>().unwrap_or(0)
}

/// "HH:MM" of minutes since midnight, past midnight counted from 00:00 again.
pub fn clock_text(minutes: u32) -> String {
    format!("{:02}:{:02}", (minutes / 60) % 24, minutes % 60)
}
