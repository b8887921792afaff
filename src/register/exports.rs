//! The export log: every document or file that carries people's data out of the register is
//! recorded (what, when, which OS user, how many people and who, whether protected people were
//! included by the coordinator's choice, and where it went). Features that export call
//! [`Register::record_export`] once per file written, after the file is complete.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};

use super::Register;
use crate::error::Error;
use crate::model::Id;
use crate::model::log::{ExportEntry, ExportKind};
use crate::stamp::{log_time, os_user};
use crate::store;

/// One export to record.
#[derive(Debug, Clone)]
pub struct ExportRecord<'a> {
    pub kind: ExportKind,
    /// For people: "Uppdragsblankett: Falu kommun, Länsgruppen".
    pub description: String,
    pub group_id: Option<Id>,
    /// Every person whose data the file carries.
    pub people: &'a [Id],
    /// The coordinator chose to include people with protected personal data.
    pub protected_included: bool,
    /// Where it went; `None` for the clipboard.
    pub file: Option<&'a Path>,
}

/// How a description refers to a person: `{person:ID}`, rendered when shown.
const PERSON_REF: &str = "{person:";

/// The reference to a person in an export description.
pub(crate) fn person_ref(id: Id) -> String {
    format!("{PERSON_REF}{id}}}")
}

impl Register {
    /// Records one export, at `at`, by the current OS user.
    pub fn record_export(
        &mut self,
        rec: &ExportRecord<'_>,
        at: DateTime<Utc>,
    ) -> Result<Id, Error> {
        let ids = self.record_exports_with(std::slice::from_ref(rec), at, |_, _| Ok(()))?;
        Ok(ids[0])
    }

    /// Records several exports and what `then` writes with their ids, in one transaction
    /// (an invitation's files and the version it sent).
    pub(crate) fn record_exports_with(
        &mut self,
        recs: &[ExportRecord<'_>],
        at: DateTime<Utc>,
        then: impl FnOnce(&rusqlite::Transaction<'_>, &[Id]) -> Result<(), Error>,
    ) -> Result<Vec<Id>, Error> {
        let at = log_time(at);
        let user = os_user();
        self.write(|tx| {
            let mut ids = Vec::with_capacity(recs.len());
            for rec in recs {
                let file = rec.file.map(crate::paths::logged);
                ids.push(store::exports::insert(
                    tx,
                    &store::exports::NewEntry {
                        at: &at,
                        os_user: &user,
                        kind: rec.kind,
                        description: &rec.description,
                        group_id: rec.group_id,
                        people: rec.people,
                        protected_included: rec.protected_included,
                        file: file.as_deref(),
                    },
                )?);
            }
            then(tx, &ids)?;
            Ok(ids)
        })
    }

    /// The file at `path`, if the register wrote it (the export log records it): what the app
    /// may open in the system's viewer for the user. The window names the file; only one the
    /// register exported is opened, wherever the user chose to save it.
    pub fn exported_file(&self, path: &Path) -> Result<PathBuf, Error> {
        let missing = || Error::File {
            path: Some(path.to_owned()),
            problem: crate::error::FileProblem::Missing,
        };
        if !path.is_file() {
            return Err(missing());
        }
        let logged = crate::paths::logged(path);
        let canonical = std::fs::canonicalize(path).map_err(|_| missing())?;
        let known = store::exports::has_file(&self.conn, &logged)?
            || store::exports::has_file(&self.conn, &canonical.display().to_string())?;
        if known {
            Ok(canonical)
        } else {
            Err(Error::File {
                path: Some(path.to_owned()),
                problem: crate::error::FileProblem::NotExported,
            })
        }
    }

    /// The export log from `since` (a day, inclusive), newest first, with the people its
    /// descriptions refer to named.
    pub fn exports(&self, since: Option<NaiveDate>) -> Result<Vec<ExportEntry>, Error> {
        self.exports_shown(since, true)
    }

    /// The export log, its people named; with `show_protected` false, people with protected
    /// personal data are not named (for a file leaving the app).
    pub(crate) fn exports_shown(
        &self,
        since: Option<NaiveDate>,
        show_protected: bool,
    ) -> Result<Vec<ExportEntry>, Error> {
        let since = since.map(|d| d.format("%Y-%m-%d").to_string());
        let mut entries = store::exports::list(self.connection(), since.as_deref())?;
        for e in &mut entries {
            e.description = self.render_refs(&e.description, show_protected)?;
        }
        Ok(entries)
    }

    /// The exports that carried this person's data, newest first.
    pub fn exports_of_person(&self, person_id: Id) -> Result<Vec<ExportEntry>, Error> {
        self.person(person_id)?;
        let mut entries = store::exports::for_person(self.connection(), person_id)?;
        for e in &mut entries {
            e.description = self.render_refs(&e.description, true)?;
        }
        Ok(entries)
    }

    /// A description with each `{person:ID}` replaced by the person's current name (an erased
    /// person's is "Borttagen person N"); a protected person's by "(skyddad)" unless shown.
    fn render_refs(&self, text: &str, show_protected: bool) -> Result<String, Error> {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(start) = rest.find(PERSON_REF) {
            out.push_str(&rest[..start]);
            let after = &rest[start + PERSON_REF.len()..];
            let Some(end) = after.find('}') else {
                out.push_str(&rest[start..]);
                return Ok(out);
            };
            let shown = match after[..end].parse::<Id>() {
                Ok(id) => match store::people::get(&self.conn, id)? {
                    Some(p) if p.protected && !show_protected => "(skyddad)".to_owned(),
                    Some(p) => p.name.as_str().to_owned(),
                    None => "(borttagen)".to_owned(),
                },
                Err(_) => rest[start..start + PERSON_REF.len() + end + 1].to_owned(),
            };
            out.push_str(&shown);
            rest = &after[end + 1..];
        }
        out.push_str(rest);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        for k in ExportKind::ALL {
            assert_eq!(ExportKind::from_code(k.code()), Some(k));
        }
        let mut codes: Vec<_> = ExportKind::ALL.iter().map(|k| k.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), ExportKind::ALL.len());
        assert_eq!(ExportKind::from_code("nonsense"), None);
    }

    #[test]
    fn the_os_user_is_known() {
        let user = os_user();
        assert!(!user.is_empty() && user != "?", "{user:?}");
    }

    #[test]
    fn log_time_is_utc_whole_seconds() {
        let at = DateTime::parse_from_rfc3339("2027-03-01T09:30:15.25+01:00")
            .map(|d| d.with_timezone(&Utc));
        assert_eq!(
            at.map(log_time).ok().as_deref(),
            Some("2027-03-01T08:30:15Z")
        );
    }
}
