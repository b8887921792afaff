//! The audit log as people read it: every change (from `change_log`) and every export (from
//! `export_log`) in one list, newest first, filterable by day and entity, and exportable as a
//! CSV file (itself recorded as an export). Values of people with protected personal data are
//! left out of the exported file unless the coordinator includes them.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::{ExportKind, ExportRecord, Register};
use crate::error::Error;
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
    fn log_shown(&self, f: &LogFilter, show_protected: bool) -> Result<Vec<LogEntry>, Error> {
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

    /// Writes the filtered log as CSV (UTF-8 with BOM, `;`) to `out` and records the export.
    /// Changes of people with protected personal data show no values unless
    /// `include_protected`.
    pub fn export_log(
        &mut self,
        f: &LogFilter,
        out: &Path,
        include_protected: bool,
        now: DateTime<Utc>,
    ) -> Result<usize, Error> {
        let entries = self.log_shown(f, include_protected)?;
        let protected_people: Vec<_> =
            store::people::list(&self.conn, &store::people::Filter::default())?
                .into_iter()
                .filter(|p| p.protected)
                .collect();
        let protected: Vec<Id> = protected_people.iter().map(|p| p.id).collect();
        // A protected person's name also leaves no trace in a file name or a description the
        // log keeps as text, unless included.
        let conceal = |text: String| -> String {
            if include_protected {
                return text;
            }
            protected_people
                .iter()
                .fold(text, |t, p| t.replace(p.name.as_str(), "(skyddad)"))
        };
        let mut rows: Vec<[String; 9]> = Vec::with_capacity(entries.len());
        let mut people: Vec<Id> = Vec::new();
        let mut protected_included = false;
        for e in &entries {
            let hidden = e.entity == "person"
                && e.entity_id.is_some_and(|id| protected.contains(&id))
                && !include_protected;
            if e.entity == "person"
                && let Some(id) = e.entity_id
            {
                if hidden {
                    // Not carried by the file.
                } else {
                    protected_included |= protected.contains(&id);
                    if !people.contains(&id) {
                        people.push(id);
                    }
                }
            }
            let (old, new) = if hidden {
                ("(skyddad)".to_owned(), "(skyddad)".to_owned())
            } else {
                (
                    e.old.clone().unwrap_or_default(),
                    e.new.clone().unwrap_or_default(),
                )
            };
            let row = [
                e.at.clone(),
                e.os_user.clone(),
                e.entity.clone(),
                e.entity_id.map(|i| i.to_string()).unwrap_or_default(),
                e.action.clone(),
                conceal(old),
                conceal(new),
                e.people.map(|n| n.to_string()).unwrap_or_default(),
                conceal(e.file.clone().unwrap_or_default()),
            ];
            rows.push(row);
        }
        let header = [
            "tid",
            "användare",
            "vad",
            "id",
            "händelse",
            "före",
            "efter",
            "personer",
            "fil",
        ];
        crate::export::write_file(out, &crate::export::csv::document(&header, &rows))?;
        self.record_export(
            &ExportRecord {
                kind: ExportKind::LogExport,
                description: format!("Logg: {} händelser", entries.len()),
                group_id: None,
                people: &people,
                protected_included,
                file: Some(out),
            },
            now,
        )?;
        Ok(entries.len())
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
