//! Personal-data rights: a register extract for one person (JSON: their data, appointments,
//! attendance, exports and logged changes), erasure as anonymisation
//! ("Borttagen person N", contact fields cleared, appointments kept as anonymous statistics,
//! the log's copies of the person's data redacted), erasures re-applied after an older backup is
//! restored (they are also kept in `backups/erasures.json`, outside the register), and the
//! retention list: people whose last appointment ended more than N months ago.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::{ExportKind, ExportRecord, LogEntry, LogView, PersonExtract, Register, erased_name};
use crate::error::{Entity, Error, Field, Internal};
use crate::export::{self, extract_pdf, write_file};
use crate::lang::Lang;
use crate::model::{Id, Name, Person, PersonFields};
use crate::pdf;
use crate::safety::backup::backup_dir;
use crate::stamp::{log_time, os_user};
use crate::store;
use crate::store::audit::Erasure;
use crate::zone::Zone;

/// The format of a register extract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExtractFormat {
    /// Everything, machine-readable (data portability).
    Json,
    /// Everything, to read and to hand over.
    Pdf,
}

impl ExtractFormat {
    /// The format a file name asks for: PDF for `.pdf`, else JSON.
    pub fn of_path(path: &Path) -> ExtractFormat {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("pdf") => ExtractFormat::Pdf,
            _ => ExtractFormat::Json,
        }
    }
}

impl std::str::FromStr for ExtractFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<ExtractFormat, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "json" => Ok(ExtractFormat::Json),
            "pdf" => Ok(ExtractFormat::Pdf),
            _ => Err(Error::invalid(
                Field::Format,
                crate::error::Invalid::UnknownValue(s.to_owned()),
            )),
        }
    }
}

/// A person the retention rule finds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RetentionCandidate {
    pub person_id: Id,
    pub name: String,
    pub organisation_name: String,
    pub last_served: NaiveDate,
}

/// The retention period when the register has no setting of its own, in months.
pub const DEFAULT_RETENTION_MONTHS: u32 = 24;
/// The longest retention period the register takes (100 years).
pub const MAX_RETENTION_MONTHS: u32 = 1200;
const RETENTION_SETTING: &str = "retention_months";

fn months_out_of_range() -> Error {
    Error::invalid(
        Field::Months,
        crate::error::Invalid::OutOfRange {
            min: 0,
            max: i64::from(MAX_RETENTION_MONTHS),
        },
    )
}

fn check_months(months: u32) -> Result<u32, Error> {
    if months <= MAX_RETENTION_MONTHS {
        Ok(months)
    } else {
        Err(months_out_of_range())
    }
}

fn journal_path(register: &Path) -> PathBuf {
    backup_dir(register).join("erasures.json")
}

/// Erasures recorded outside the register (so that a restored backup gets them again).
fn read_journal(register: &Path) -> Vec<Erasure> {
    #[derive(serde::Deserialize)]
    struct Row {
        person_id: Id,
        number: i64,
        at: String,
        os_user: String,
    }
    fs::read_to_string(journal_path(register))
        .ok()
        .and_then(|t| serde_json::from_str::<Vec<Row>>(&t).ok())
        .unwrap_or_default()
        .into_iter()
        .map(|r| Erasure {
            person_id: r.person_id,
            number: r.number,
            at: r.at,
            os_user: r.os_user,
        })
        .collect()
}

fn write_journal(register: &Path, all: &[Erasure]) -> Result<(), Error> {
    let dir = backup_dir(register);
    let io = |p: &Path| {
        let p = p.to_owned();
        move |e| Error::io(p, e)
    };
    fs::create_dir_all(&dir).map_err(io(&dir))?;
    let path = journal_path(register);
    let tmp = path.with_extension("json.tmp");
    let text = serde_json::to_string_pretty(all).unwrap_or_else(|_| "[]".into());
    fs::write(&tmp, text).map_err(io(&tmp))?;
    fs::rename(&tmp, &path).map_err(io(&path))?;
    Ok(())
}

/// Anonymises one person inside the caller's transaction.
fn anonymise(tx: &rusqlite::Transaction<'_>, p: &Person, e: &Erasure) -> Result<(), Error> {
    let fields = PersonFields {
        name: Name::parse(Field::Name, &erased_name(e.number))?,
        title: None,
        organisation_id: p.organisation_id,
        email: None,
        phone: None,
        protected: p.protected,
        notes: None,
    };
    store::people::update(tx, p.id, &fields)?;
    store::audit::insert_erasure(tx, e)?;
    store::audit::redact_person(tx, p.id)?;
    store::exports::redact_name(tx, p.name.as_str(), &erased_name(e.number))?;
    Ok(())
}

impl Register {
    /// The register extract for one person, written to `out` as JSON or PDF and recorded in
    /// the export log.
    pub fn extract_person(
        &mut self,
        person_id: Id,
        out: &Path,
        format: ExtractFormat,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> Result<PersonExtract, Error> {
        let extract = self.person_extract(person_id, now)?;
        let bytes = match format {
            ExtractFormat::Json => serde_json::to_vec_pretty(&extract)
                .map_err(|e| Error::internal(Internal::Json, e))?,
            ExtractFormat::Pdf => {
                let fonts = pdf::fonts()?;
                let readable = self.readable_extract(&extract, lang)?;
                extract_pdf::check_printable(&extract, &readable, lang, fonts)?;
                let network = self.info()?.network_name;
                let doc =
                    extract_pdf::extract(&extract, &readable, network.as_deref(), lang, fonts, now);
                pdf::to_pdf(&doc)?
            }
        };
        write_file(out, &bytes)?;
        let out = &export::logged_path(out);
        self.record_export(
            &ExportRecord {
                kind: ExportKind::PersonExtract,
                description: format!(
                    "{} ({}): {}",
                    lang.pick("Registerutdrag", "Register extract"),
                    match format {
                        ExtractFormat::Json => "JSON",
                        ExtractFormat::Pdf => "PDF",
                    },
                    super::exports::person_ref(person_id)
                ),
                group_id: None,
                people: &[person_id],
                protected_included: extract.person.protected,
                file: Some(out),
            },
            now,
        )?;
        Ok(extract)
    }

    /// The parts of an extract rendered for its reader: the logged changes as the Logg screen
    /// shows them, on Swedish clocks.
    pub fn readable_extract(
        &self,
        x: &PersonExtract,
        lang: Lang,
    ) -> Result<extract_pdf::Readable, Error> {
        let zone = Zone::Stockholm;
        let entries: Vec<LogEntry> = x
            .changes
            .iter()
            .map(|c| LogEntry {
                at: c.at.clone(),
                os_user: c.os_user.clone(),
                entity: c.entity.clone(),
                entity_id: c.entity_id,
                action: c.action.clone(),
                old: c.old.clone(),
                new: c.new.clone(),
                people: None,
                file: None,
                redacted: c.redacted,
            })
            .collect();
        Ok(extract_pdf::Readable {
            changes: self.render_log(&entries, LogView { lang, zone })?,
            zone,
        })
    }

    /// Everything the register holds about one person.
    pub fn person_extract(
        &self,
        person_id: Id,
        now: DateTime<Utc>,
    ) -> Result<PersonExtract, Error> {
        let person = self.person(person_id)?;
        let erased = store::audit::erasures(&self.conn)?
            .into_iter()
            .find(|e| e.person_id == person_id);
        Ok(PersonExtract {
            made_at: log_time(now),
            appointments: store::appointments::for_person(&self.conn, person_id)?,
            attendance: store::audit::attendance_of_person(&self.conn, person_id)?,
            exports: self.exports_of_person(person_id)?,
            changes: store::audit::about_person(&self.conn, person_id)?,
            person,
            erased,
        })
    }

    /// Erases (anonymises) one person: "Borttagen person N", contact fields and notes cleared,
    /// the log's copies of their data redacted; appointments are kept without a name.
    pub fn erase_person(&mut self, person_id: Id, now: DateTime<Utc>) -> Result<Erasure, Error> {
        self.erase_people(&[person_id], now)?
            .pop()
            .ok_or_else(|| Error::NotFound {
                what: Entity::Person,
                query: person_id.to_string(),
            })
    }

    /// Erases several people in one transaction (the retention view's bulk anonymise).
    pub fn erase_people(&mut self, ids: &[Id], now: DateTime<Utc>) -> Result<Vec<Erasure>, Error> {
        let at = log_time(now);
        let user = os_user();
        let done = self.write(|tx| {
            let erased = store::audit::erasures(tx)?;
            let first = store::audit::next_erasure_number(tx)?;
            let mut done = Vec::new();
            for (next, &id) in (first..).zip(ids) {
                let p = store::people::get(tx, id)?.ok_or_else(|| Error::NotFound {
                    what: Entity::Person,
                    query: id.to_string(),
                })?;
                if erased.iter().any(|e| e.person_id == id)
                    || done.iter().any(|e: &Erasure| e.person_id == id)
                {
                    return Err(Error::AlreadyErased {
                        name: p.name.as_str().to_owned(),
                    });
                }
                let e = Erasure {
                    person_id: id,
                    number: next,
                    at: at.clone(),
                    os_user: user.clone(),
                };
                anonymise(tx, &p, &e)?;
                done.push(e);
            }
            Ok(done)
        })?;
        let mut journal = read_journal(&self.path);
        for e in &done {
            if !journal.iter().any(|j| j.person_id == e.person_id) {
                journal.push(e.clone());
            }
        }
        write_journal(&self.path, &journal)?;
        Ok(done)
    }

    /// Re-applies the erasures of the journal that the register lacks (it was restored from a
    /// backup made before them). Returns how many.
    pub(super) fn reapply_erasures(&mut self, _now: DateTime<Utc>) -> Result<usize, Error> {
        let journal = read_journal(&self.path);
        if journal.is_empty() {
            return Ok(0);
        }
        let have = store::audit::erasures(&self.conn)?;
        let missing: Vec<Erasure> = journal
            .into_iter()
            .filter(|j| !have.iter().any(|h| h.person_id == j.person_id))
            .collect();
        if missing.is_empty() {
            return Ok(0);
        }
        self.write(|tx| {
            let mut n = 0;
            for e in &missing {
                // A person the backup does not hold yet needs nothing.
                let Some(p) = store::people::get(tx, e.person_id)? else {
                    continue;
                };
                let number_taken = store::audit::erasures(tx)?
                    .iter()
                    .any(|h| h.number == e.number);
                let e = if number_taken {
                    Erasure {
                        number: store::audit::next_erasure_number(tx)?,
                        ..e.clone()
                    }
                } else {
                    e.clone()
                };
                anonymise(tx, &p, &e)?;
                n += 1;
            }
            Ok(n)
        })
    }

    /// People whose appointments have all ended, the last more than `months` months before
    /// `today`, and who are not erased.
    pub fn retention(
        &self,
        months: u32,
        today: NaiveDate,
    ) -> Result<Vec<RetentionCandidate>, Error> {
        let cutoff = today
            .checked_sub_months(Months::new(check_months(months)?))
            .ok_or_else(months_out_of_range)?;
        let rows =
            store::audit::retention_candidates(&self.conn, &cutoff.format("%Y-%m-%d").to_string())?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, last) in rows {
            let p = self.person(id)?;
            out.push(RetentionCandidate {
                person_id: id,
                name: p.name.as_str().to_owned(),
                organisation_name: p.organisation_name,
                last_served: crate::model::date::parse_date(Field::Date, &last)?,
            });
        }
        Ok(out)
    }

    /// How many months after a person's last appointment the retention view lists them: the
    /// register's setting, 24 when none is saved.
    pub fn retention_months(&self) -> Result<u32, Error> {
        Ok(store::settings::get(&self.conn, RETENTION_SETTING)?
            .and_then(|v| v.parse::<u32>().ok())
            .filter(|m| *m <= MAX_RETENTION_MONTHS)
            .unwrap_or(DEFAULT_RETENTION_MONTHS))
    }

    /// Saves the retention months (0–1200) as the register's setting.
    pub fn set_retention_months(&mut self, months: u32) -> Result<u32, Error> {
        let months = check_months(months)?;
        self.write(|tx| store::settings::set(tx, RETENTION_SETTING, &months.to_string()))?;
        Ok(months)
    }
}
