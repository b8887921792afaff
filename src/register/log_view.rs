//! The audit log as people read it, rendered once, here, for the CLI's `log`, the CSV file of
//! `log --out` and the app's Logg screen: each row named by what it is ("Anna Berg",
//! "Länsgruppen MVK 2027-03-10"), its fields named in the user's language, values as the
//! screens show them (names instead of ids, "ja"/"nej", status and role words), and times in
//! the zone asked for. The words are in `error::log_words`.

use std::collections::HashMap;

use rusqlite::Connection;
use serde_json::{Map, Value};

use super::{LogEntry, LogFilter, Register};
use crate::error::{Error, log_words as words};
use crate::lang::Lang;
use crate::model::log::{LogChange, LogLine};
use crate::model::{AttendanceStatus, GroupKind, Id, MeetingStatus, OrgKind, Role, Seat};
use crate::stamp::local_time;
use crate::store;
use crate::zone::Zone;

/// How the log is shown: in which language and time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogView {
    pub lang: Lang,
    pub zone: Zone,
}

/// Fields kept in the log that people do not need: the calendar's counter, and a setting's
/// key (the row is named by it).
fn hidden(entity: &str, key: &str) -> bool {
    key == "sequence" || (entity == "setting" && key == "key")
}

/// The order a row's fields are shown in: as on its form (the stored JSON has no order).
/// Fields not listed follow, by name.
fn field_order(entity: &str) -> &'static [&'static str] {
    match entity {
        "organisation" => &[
            "name",
            "short_name",
            "kind",
            "org_number",
            "postal_address",
            "email",
            "phone",
            "principal_name",
            "principal_title",
            "principal_email",
            "principal_phone",
            "local_group_name",
            "local_group_contact",
            "notes",
            "active",
        ],
        "contact" => &["name", "function", "organisation_id", "email", "phone"],
        "person" => &[
            "name",
            "title",
            "organisation_id",
            "email",
            "phone",
            "protected",
            "notes",
        ],
        "group" => &[
            "name",
            "kind",
            "meetings_per_year",
            "description",
            "one_per_org",
            "free_membership",
        ],
        "seat" => &[
            "group_id",
            "position",
            "role",
            "organisation_id",
            "org_kind",
            "label",
            "active",
        ],
        "appointment" => &[
            "person_id",
            "group_id",
            "organisation_id",
            "role",
            "seat_id",
            "from_date",
            "to_date",
            "ended_on",
            "withdrawn_at",
            "withdrawn_by",
            "withdrawn_reason",
        ],
        "meeting" => &[
            "group_id",
            "date",
            "start_time",
            "end_time",
            "place",
            "online_link",
            "agenda",
            "status",
            "extra",
        ],
        "attendance" => &["meeting_id", "person_id", "status", "substitute_for"],
        "group_plan" => &["weekdays", "start_time", "end_time", "place", "online_link"],
        "blackout" => &["group_id", "from_date", "to_date", "label"],
        "form_print" => &[
            "group_id",
            "organisation_id",
            "printed_at",
            "wording_id",
            "representative_id",
            "substitute_id",
            "principal",
            "signed_on",
            "note",
        ],
        "form_wording" => &["lang", "created_at"],
        _ => &[],
    }
}

/// The rows a log names, each read once (by id, through the store).
struct Names<'c> {
    conn: &'c Connection,
    lang: Lang,
    orgs: HashMap<Id, Option<String>>,
    groups: HashMap<Id, Option<String>>,
    people: HashMap<Id, Option<String>>,
    meetings: HashMap<Id, Option<String>>,
    seats: HashMap<Id, Option<Seat>>,
    /// An appointment's person.
    appointments: HashMap<Id, Option<Id>>,
}

/// "nr 5", for a row that no longer exists.
fn number(id: i64) -> String {
    format!("nr {id}")
}

impl<'c> Names<'c> {
    fn new(conn: &'c Connection, lang: Lang) -> Names<'c> {
        Names {
            conn,
            lang,
            orgs: HashMap::new(),
            groups: HashMap::new(),
            people: HashMap::new(),
            meetings: HashMap::new(),
            seats: HashMap::new(),
            appointments: HashMap::new(),
        }
    }

    fn org(&mut self, id: Id) -> Result<Option<String>, Error> {
        if !self.orgs.contains_key(&id) {
            let o = store::organisations::get(self.conn, id)?.map(|o| o.name.to_string());
            self.orgs.insert(id, o);
        }
        Ok(self.orgs.get(&id).cloned().flatten())
    }

    fn group(&mut self, id: Id) -> Result<Option<String>, Error> {
        if !self.groups.contains_key(&id) {
            let g = store::groups::get(self.conn, id)?.map(|g| g.name.to_string());
            self.groups.insert(id, g);
        }
        Ok(self.groups.get(&id).cloned().flatten())
    }

    /// A person's name now (an erased person's is "Borttagen person N").
    fn person(&mut self, id: Id) -> Result<Option<String>, Error> {
        if !self.people.contains_key(&id) {
            let p = store::people::get(self.conn, id)?.map(|p| p.name.to_string());
            self.people.insert(id, p);
        }
        Ok(self.people.get(&id).cloned().flatten())
    }

    fn meeting(&mut self, id: Id) -> Result<Option<String>, Error> {
        if !self.meetings.contains_key(&id) {
            let m = store::meetings::get(self.conn, id)?
                .map(|m| format!("{} {}", m.group_name, m.date));
            self.meetings.insert(id, m);
        }
        Ok(self.meetings.get(&id).cloned().flatten())
    }

    fn seat(&mut self, id: Id) -> Result<Option<String>, Error> {
        if !self.seats.contains_key(&id) {
            let s = store::seats::get(self.conn, id)?;
            self.seats.insert(id, s);
        }
        let Some(seat) = self.seats.get(&id).cloned().flatten() else {
            return Ok(None);
        };
        let group = self
            .group(seat.group_id)?
            .unwrap_or_else(|| number(seat.group_id));
        Ok(Some(format!(
            "{group}: {}, {}",
            seat.describe(self.lang),
            seat.role.label(self.lang).to_lowercase()
        )))
    }

    /// The person of an appointment.
    fn appointment_person(&mut self, id: Id) -> Result<Option<Id>, Error> {
        if !self.appointments.contains_key(&id) {
            let a = store::appointments::get(self.conn, id)?.map(|a| a.person_id);
            self.appointments.insert(id, a);
        }
        Ok(self.appointments.get(&id).copied().flatten())
    }
}

fn parse(json: Option<&str>) -> Option<Map<String, Value>> {
    match serde_json::from_str(json?) {
        Ok(Value::Object(m)) => Some(m),
        _ => None,
    }
}

fn id_of(v: &Value) -> Option<Id> {
    match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) if s.is_empty() => None,
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        other => Some(other.to_string()),
    }
}

fn truthy(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => n.as_i64().map(|n| n != 0),
        _ => None,
    }
}

struct Renderer<'c> {
    names: Names<'c>,
    view: LogView,
}

impl Renderer<'_> {
    /// One value of a field, as the screens show it; `None` when empty. `people` collects the
    /// people it names.
    fn value(
        &mut self,
        entity: &str,
        key: &str,
        v: &Value,
        people: &mut Vec<Id>,
    ) -> Result<Option<String>, Error> {
        let lang = self.view.lang;
        if v.is_null() {
            return Ok((entity == "blackout" && key == "group_id")
                .then(|| words::all_groups(lang).to_owned()));
        }
        let Some(raw) = text_of(v) else {
            return Ok(None);
        };
        let yes_no = |v: &Value| {
            truthy(v).map(|b| if b { words::yes(lang) } else { words::no(lang) }.to_owned())
        };
        let named = |name: Option<String>, id: Option<Id>| {
            name.or_else(|| id.map(number))
                .unwrap_or_else(|| raw.clone())
        };
        let shown = match key {
            "protected" | "active" | "extra" | "one_per_org" | "free_membership" => {
                yes_no(v).unwrap_or(raw)
            }
            "organisation_id" => {
                let id = id_of(v);
                let name = id.map(|i| self.names.org(i)).transpose()?.flatten();
                named(name, id)
            }
            "group_id" => {
                let id = id_of(v);
                let name = id.map(|i| self.names.group(i)).transpose()?.flatten();
                named(name, id)
            }
            "person_id" | "substitute_for" => {
                let id = id_of(v);
                people.extend(id);
                let name = id.map(|i| self.names.person(i)).transpose()?.flatten();
                named(name, id)
            }
            "representative_id" | "substitute_id" => {
                let person = id_of(v)
                    .map(|a| self.names.appointment_person(a))
                    .transpose()?
                    .flatten();
                people.extend(person);
                let name = person.map(|p| self.names.person(p)).transpose()?.flatten();
                named(name, person)
            }
            "seat_id" => {
                let id = id_of(v);
                let name = id.map(|i| self.names.seat(i)).transpose()?.flatten();
                named(name, id)
            }
            "meeting_id" => {
                let id = id_of(v);
                let name = id.map(|i| self.names.meeting(i)).transpose()?.flatten();
                named(name, id)
            }
            "role" => Role::from_code(&raw).map_or(raw, |r| r.label(lang).to_owned()),
            "kind" if entity == "group" => {
                GroupKind::from_code(&raw).map_or(raw, |k| k.label(lang).to_owned())
            }
            "kind" | "org_kind" => {
                OrgKind::from_code(&raw).map_or(raw, |k| k.label(lang).to_owned())
            }
            "status" if entity == "attendance" => {
                AttendanceStatus::from_code(&raw).map_or(raw, |s| s.label(lang).to_owned())
            }
            "status" if entity == "meeting" => {
                MeetingStatus::from_code(&raw).map_or(raw, |s| s.label(lang).to_owned())
            }
            "weekdays" => {
                let days: Option<Vec<&str>> = raw
                    .split(',')
                    .map(|d| d.trim().parse().ok().and_then(|n| lang.weekday(n)))
                    .collect();
                days.map_or(raw, |d| d.join(", "))
            }
            "printed_at" | "created_at" | "withdrawn_at" => local_time(&raw, self.view.zone, false),
            "lang" => words::language(&raw, lang).map_or(raw, str::to_owned),
            "wording_id" => id_of(v).map_or(raw, |id| words::wording_version(id, lang)),
            _ => raw,
        };
        Ok(Some(shown))
    }

    /// The field `key` of a logged row's values, as [`Self::value`] shows it; `None` when the
    /// row or the field is missing or the value empty.
    fn value_in(
        &mut self,
        entity: &str,
        row: Option<&Map<String, Value>>,
        key: &str,
        people: &mut Vec<Id>,
    ) -> Result<Option<String>, Error> {
        match row.and_then(|r| r.get(key)) {
            Some(v) => self.value(entity, key, v, people),
            None => Ok(None),
        }
    }

    fn field(&self, entity: &str, key: &str) -> String {
        words::field(entity, key, self.view.lang).map_or_else(|| key.to_owned(), str::to_owned)
    }

    /// What the row is, by name, from the register now and the entry's own values.
    fn name(
        &mut self,
        e: &LogEntry,
        values: Option<&Map<String, Value>>,
        people: &mut Vec<Id>,
    ) -> Result<String, Error> {
        let lang = self.view.lang;
        let get = |k: &str| values.and_then(|m| m.get(k));
        let text = |k: &str| get(k).and_then(text_of);
        let id = |k: &str| get(k).and_then(id_of);
        let own = e.entity_id;
        let name = match e.entity.as_str() {
            "organisation" => match own {
                Some(i) => self.names.org(i)?.or_else(|| text("name")),
                None => text("name"),
            },
            "group" | "group_plan" => match own {
                Some(i) => self.names.group(i)?.or_else(|| text("name")),
                None => text("name"),
            },
            "person" => {
                people.extend(own);
                match own {
                    Some(i) => self.names.person(i)?.or_else(|| text("name")),
                    None => text("name"),
                }
            }
            "contact" => {
                let who = text("name").or_else(|| text("function"));
                let org = id("organisation_id")
                    .map(|o| self.names.org(o))
                    .transpose()?
                    .flatten();
                match (who, org) {
                    (Some(w), Some(o)) => Some(format!("{w} ({o})")),
                    (w, o) => w.or(o),
                }
            }
            "seat" => match own {
                Some(i) => self.names.seat(i)?,
                None => {
                    let group = id("group_id")
                        .map(|g| self.names.group(g))
                        .transpose()?
                        .flatten();
                    let org = id("organisation_id")
                        .map(|o| self.names.org(o))
                        .transpose()?
                        .flatten();
                    match (group, org) {
                        (Some(g), Some(o)) => Some(format!("{g}: {o}")),
                        (g, o) => g.or(o),
                    }
                }
            },
            "appointment" => {
                let person = id("person_id");
                people.extend(person);
                let who = person.map(|p| self.names.person(p)).transpose()?.flatten();
                let group = id("group_id")
                    .map(|g| self.names.group(g))
                    .transpose()?
                    .flatten();
                let role = text("role")
                    .and_then(|r| Role::from_code(&r))
                    .map(|r| r.label(lang).to_lowercase());
                match (who, group, role) {
                    (Some(w), Some(g), Some(r)) => Some(format!("{w}, {g} ({r})")),
                    (Some(w), Some(g), None) => Some(format!("{w}, {g}")),
                    (w, _, _) => w,
                }
            }
            "attendance" => {
                people.extend(own);
                let who = own.map(|p| self.names.person(p)).transpose()?.flatten();
                let meeting = id("meeting_id")
                    .map(|m| self.names.meeting(m))
                    .transpose()?
                    .flatten();
                match (who, meeting) {
                    (Some(w), Some(m)) => Some(format!("{w}, {m}")),
                    (w, m) => w.or(m),
                }
            }
            "meeting" => {
                let group = id("group_id")
                    .map(|g| self.names.group(g))
                    .transpose()?
                    .flatten();
                match (group, text("date")) {
                    (Some(g), Some(d)) => Some(format!("{g} {d}")),
                    (g, d) => g.or(d),
                }
                .or(match own {
                    Some(i) => self.names.meeting(i)?,
                    None => None,
                })
            }
            "setting" => text("key").map(|k| words::setting(&k, lang).map_or(k, str::to_owned)),
            "blackout" => match (text("label"), text("from_date"), text("to_date")) {
                (Some(l), Some(f), Some(t)) => Some(format!("{l} ({f}–{t})")),
                (l, _, _) => l,
            },
            "form_print" => {
                let org = id("organisation_id")
                    .map(|o| self.names.org(o))
                    .transpose()?
                    .flatten();
                let group = id("group_id")
                    .map(|g| self.names.group(g))
                    .transpose()?
                    .flatten();
                match (org, group) {
                    (Some(o), Some(g)) => Some(format!("{o}, {g}")),
                    (o, g) => o.or(g),
                }
            }
            "form_wording" => {
                let language = text("lang").and_then(|l| words::language(&l, lang));
                match (language, own) {
                    (Some(l), Some(i)) => Some(format!("{l}, {}", words::wording_version(i, lang))),
                    (l, i) => l
                        .map(str::to_owned)
                        .or(i.map(|i| words::wording_version(i, lang))),
                }
            }
            "export" => e.new.clone(),
            _ => None,
        };
        Ok(name.unwrap_or_else(|| own.map(number).unwrap_or_default()))
    }

    fn line(&mut self, e: &LogEntry) -> Result<LogLine, Error> {
        let lang = self.view.lang;
        let kind = words::entity(&e.entity, lang).map_or_else(|| e.entity.clone(), str::to_owned);
        let mut people = Vec::new();
        let at = local_time(&e.at, self.view.zone, false);
        if e.entity == "export" {
            let name = self.name(e, None, &mut people)?;
            return Ok(LogLine {
                at,
                at_utc: e.at.clone(),
                os_user: e.os_user.clone(),
                entity: e.entity.clone(),
                entity_id: e.entity_id,
                kind,
                name,
                action: e.action.clone(),
                event: words::action("export", lang).unwrap_or_default().to_owned(),
                changes: Vec::new(),
                details: words::exported(e.people.unwrap_or(0), e.file.as_deref(), lang),
                redacted: false,
                people: e.people,
                file: e.file.clone(),
                named_people: people,
            });
        }
        let old = parse(e.old.as_deref());
        let new = parse(e.new.as_deref());
        let name = self.name(e, new.as_ref().or(old.as_ref()), &mut people)?;
        let mut changes = Vec::new();
        let both = old.is_some() && new.is_some();
        if !e.redacted {
            let mut keys: Vec<&String> = match (&old, &new) {
                (Some(o), Some(n)) => n
                    .keys()
                    .chain(o.keys().filter(|k| !n.contains_key(*k)))
                    .filter(|k| o.get(*k) != n.get(*k))
                    .collect(),
                (_, Some(m)) | (Some(m), None) => m.keys().collect(),
                (None, None) => Vec::new(),
            };
            let order = field_order(&e.entity);
            let rank = |k: &str| order.iter().position(|o| *o == k).unwrap_or(order.len());
            keys.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.cmp(b)));
            keys.dedup();
            for key in keys.into_iter().filter(|k| !hidden(&e.entity, k)) {
                let before = self.value_in(&e.entity, old.as_ref(), key, &mut people)?;
                let after = self.value_in(&e.entity, new.as_ref(), key, &mut people)?;
                if before.is_none() && after.is_none() {
                    continue;
                }
                let field = self.field(&e.entity, key);
                let shown = |v: &Option<String>| v.clone().unwrap_or_else(|| "–".to_owned());
                let text = if both {
                    format!("{field}: {} → {}", shown(&before), shown(&after))
                } else {
                    format!("{field}: {}", shown(&after.clone().or(before.clone())))
                };
                changes.push(LogChange {
                    field,
                    before,
                    after,
                    text,
                });
            }
        }
        let details = if e.redacted {
            words::redacted(lang).to_owned()
        } else {
            changes
                .iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        };
        people.sort_unstable();
        people.dedup();
        Ok(LogLine {
            at,
            at_utc: e.at.clone(),
            os_user: e.os_user.clone(),
            entity: e.entity.clone(),
            entity_id: e.entity_id,
            kind,
            name,
            action: e.action.clone(),
            event: words::action(&e.action, lang).map_or_else(|| e.action.clone(), str::to_owned),
            changes,
            details,
            redacted: e.redacted,
            people: None,
            file: None,
            named_people: people,
        })
    }
}

impl Register {
    /// Log entries as people read them (the register extract's changes).
    pub(super) fn render_log(
        &self,
        entries: &[LogEntry],
        view: LogView,
    ) -> Result<Vec<LogLine>, Error> {
        let mut r = Renderer {
            names: Names::new(&self.conn, view.lang),
            view,
        };
        entries.iter().map(|e| r.line(e)).collect()
    }

    /// The audit log as people read it, newest first: `f.since` is a day in `view.zone`.
    pub fn log_lines(&self, f: &LogFilter, view: LogView) -> Result<Vec<LogLine>, Error> {
        self.log_lines_shown(f, view, true)
    }

    /// The log lines; with `show_protected` false, export descriptions do not name people
    /// with protected personal data.
    pub(super) fn log_lines_shown(
        &self,
        f: &LogFilter,
        view: LogView,
        show_protected: bool,
    ) -> Result<Vec<LogLine>, Error> {
        let entries = match f.since {
            // The stored times are UTC: take a day more, then keep what is on or after the
            // local day's start.
            Some(day) => {
                let start = crate::stamp::log_time(view.zone.day_start(day));
                let wider = LogFilter {
                    since: day.pred_opt(),
                    ..f.clone()
                };
                let mut all = self.log_shown(&wider, show_protected)?;
                all.retain(|e| e.at >= start);
                all
            }
            None => self.log_shown(f, show_protected)?,
        };
        self.render_log(&entries, view)
    }
}
