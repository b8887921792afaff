//! The audit log as people read it: every change (from `change_log`) and every export (from
//! `export_log`) in one list, newest first, filterable by day and entity, and exportable as a
//! CSV file (itself recorded as an export) of the lines `log_view` renders. Values of people
//! with protected personal data are left out of the exported file unless the coordinator
//! includes them.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::log_view::LogView;
use super::{ExportKind, ExportRecord, Register};
use crate::error::{Error, log_words as words};
use crate::model::Id;
use crate::store;

/// Which log entries to show.
#[derive(Debug, Clone, Default)]
pub struct LogFilter {
    /// From this day on, inclusive.
    pub since: Option<NaiveDate>,
    /// organisation, contact, person, group, seat, appointment, setting, or export.
    pub entity: Option<String>,
    pub entity_id: Option<Id>,
}

/// One line of the audit log: a change or an export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LogEntry {
    /// UTC, RFC 3339.
    pub at: String,
    pub os_user: String,
    /// The changed table's entity, or "export".
    pub entity: String,
    pub entity_id: Option<Id>,
    /// insert, update, delete, or the export's kind code.
    pub action: String,
    /// For a change: the values before (JSON); for an export: empty.
    pub old: Option<String>,
    /// For a change: the values after (JSON); for an export: its description.
    pub new: Option<String>,
    /// For an export: how many people and which file.
    pub people: Option<i64>,
    pub file: Option<String>,
    pub redacted: bool,
}

/// The entity names the log knows (for filters).
pub const LOG_ENTITIES: [&str; 14] = [
    "organisation",
    "contact",
    "person",
    "group",
    "seat",
    "appointment",
    "setting",
    "meeting",
    "attendance",
    "group_plan",
    "blackout",
    "form_print",
    "form_wording",
    "export",
];

impl Register {
    /// The audit log, newest first.
    pub fn log(&self, f: &LogFilter) -> Result<Vec<LogEntry>, Error> {
        self.log_shown(f, true)
    }

    /// The audit log; with `show_protected` false, export descriptions do not name people
    /// with protected personal data.
    pub(super) fn log_shown(
        &self,
        f: &LogFilter,
        show_protected: bool,
    ) -> Result<Vec<LogEntry>, Error> {
        let since = f.since.map(|d| d.format("%Y-%m-%d").to_string());
        let mut out = Vec::new();
        if f.entity.as_deref() != Some("export") {
            let changes = store::audit::list(
                &self.conn,
                &store::audit::Filter {
                    since: since.as_deref(),
                    entity: f.entity.as_deref(),
                    entity_id: f.entity_id,
                },
            )?;
            out.extend(changes.into_iter().map(|c| LogEntry {
                at: c.at,
                os_user: c.os_user,
                entity: c.entity,
                entity_id: c.entity_id,
                action: c.action,
                old: c.old,
                new: c.new,
                people: None,
                file: None,
                redacted: c.redacted,
            }));
        }
        if f.entity.is_none() || f.entity.as_deref() == Some("export") {
            let exports = self.exports_shown(f.since, show_protected)?;
            out.extend(
                exports
                    .into_iter()
                    .filter(|e| f.entity_id.is_none_or(|id| id == e.id))
                    .map(|e| LogEntry {
                        at: e.at,
                        os_user: e.os_user,
                        entity: "export".into(),
                        entity_id: Some(e.id),
                        action: e.kind.code().into(),
                        old: None,
                        new: Some(e.description),
                        people: Some(e.people),
                        file: e.file,
                        redacted: false,
                    }),
            );
        }
        out.sort_by(|a, b| b.at.cmp(&a.at));
        Ok(out)
    }

    /// Writes the filtered log as CSV (UTF-8 with BOM, `;`) to `out` and records the export:
    /// the lines as the Logg screen shows them (`log_lines`), in `view`'s language and zone.
    /// A protected person's name and the values of their own rows are "(skyddad)" unless
    /// `include_protected`.
    pub fn export_log(
        &mut self,
        f: &LogFilter,
        out: &Path,
        include_protected: bool,
        view: LogView,
        now: DateTime<Utc>,
    ) -> Result<usize, Error> {
        let lines = self.log_lines_shown(f, view, include_protected)?;
        let protected_people: Vec<_> =
            store::people::list(&self.conn, &store::people::Filter::default())?
                .into_iter()
                .filter(|p| p.protected)
                .collect();
        let protected: Vec<Id> = protected_people.iter().map(|p| p.id).collect();
        // Internal contacts are people too: a protected one's rows and name are kept out alike.
        let protected_contacts = store::contacts::protected(&self.conn)?;
        let mut names: Vec<&str> = protected_people
            .iter()
            .map(|p| p.name.as_str())
            .chain(protected_contacts.iter().map(|(_, n)| n.as_str()))
            .collect();
        // The longest first, so that a name inside another is not half replaced.
        names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
        // A protected person's name leaves no trace in a name, a change, a file name or a
        // description the log keeps as text, unless included.
        let conceal = |text: &str| -> String {
            if include_protected {
                return text.to_owned();
            }
            names
                .iter()
                .fold(text.to_owned(), |t, n| t.replace(n, words::PROTECTED))
        };
        let mut rows: Vec<[String; 8]> = Vec::with_capacity(lines.len());
        let mut people: Vec<Id> = Vec::new();
        let mut protected_included = false;
        for l in &lines {
            let hidden = !include_protected
                && l.entity_id.is_some_and(|id| match l.entity.as_str() {
                    "person" => protected.contains(&id),
                    "contact" => protected_contacts.iter().any(|(c, _)| *c == id),
                    _ => false,
                });
            for id in &l.named_people {
                if protected.contains(id) {
                    if !include_protected {
                        continue; // Not carried by the file.
                    }
                    protected_included = true;
                }
                if !people.contains(id) {
                    people.push(*id);
                }
            }
            let details = if hidden {
                words::PROTECTED.to_owned()
            } else {
                conceal(&l.details)
            };
            rows.push([
                crate::stamp::local_time(&l.at_utc, view.zone, true),
                l.os_user.clone(),
                l.kind.clone(),
                conceal(&l.name),
                l.event.clone(),
                details,
                l.people.map(|n| n.to_string()).unwrap_or_default(),
                conceal(l.file.as_deref().unwrap_or_default()),
            ]);
        }
        let header = words::csv_header(&view.zone.name(), view.lang);
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        crate::export::write_file(out, &crate::export::csv::document(&header, &rows))?;
        self.record_export(
            &ExportRecord {
                kind: ExportKind::LogExport,
                description: format!("Logg: {} händelser", lines.len()),
                group_id: None,
                people: &people,
                protected_included,
                file: Some(out),
            },
            now,
        )?;
        Ok(lines.len())
    }
}

#[cfg(test)]
mod tests {
    use crate::export::csv::field as csv_field;

    #[test]
    fn csv_fields_are_quoted_and_formulas_neutralised() {
        assert_eq!(csv_field("Anna"), "Anna");
        assert_eq!(csv_field("a;b"), "\"a;b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_field("-1"), "'-1");
    }
}
