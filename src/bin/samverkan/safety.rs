//! The CLI of keeping the register safe: `backup`, `backups`, `restore`, `check`, `log`,
//! `extract`, `erase`, `retention`, `import`. Parsing and printing only.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Utc};
use clap::Subcommand;
use samverkan::error::{Field, import_text};
use samverkan::import::template::{self, TemplateFormat};
use samverkan::import::{ImportChoices, OrgAlias};
use samverkan::model::date::parse_date;
use samverkan::register::{ExtractFormat, LogFilter, LogLine, LogView, RetentionCandidate};
use samverkan::safety::{BackupInfo, RestoreReport};
use samverkan::store::safety::CheckReport;
use samverkan::{Error, ErrorCode, Register, Zone};
use serde::Serialize;

use crate::print::{Out, table};

#[derive(Debug, Subcommand)]
pub enum SafetyCmd {
    /// Make a verified backup now: into the backups/ folder, or to FILE with --out.
    Backup {
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// List the backups in the backups/ folder beside the register.
    Backups,
    /// Replace the register by a backup (verified first; the current register is kept as a
    /// backup). Works also when the register itself cannot be opened.
    Restore { file: PathBuf },
    /// Run the integrity checks (integrity_check and foreign_key_check).
    Check,
    /// The audit log: every change and every export, newest first.
    Log {
        /// Only entries from this day on (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// organisation, contact, person, group, seat, appointment, setting or export.
        #[arg(long)]
        entity: Option<String>,
        /// Only entries about this id (with --entity).
        #[arg(long, requires = "entity")]
        id: Option<i64>,
        /// Write the log as CSV to FILE (recorded as an export).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// With --out: show the values of people with protected personal data in the file.
        #[arg(long, requires = "out")]
        include_protected: bool,
    },
    /// A register extract for one person (everything stored about them), as JSON or PDF.
    Extract {
        person: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// json or pdf (default: from the file name, PDF for .pdf, else JSON).
        #[arg(long)]
        format: Option<String>,
    },
    /// Erase a person: anonymise as "Borttagen person N" (appointments kept without a name).
    Erase { person: String },
    /// People whose last appointment ended more than N months ago; --erase anonymises them.
    Retention {
        /// Months since the last appointment ended (default: the register's setting, 24
        /// unless changed).
        #[arg(long)]
        months: Option<u32>,
        /// Keep --months as the register's setting (the app's Gallring screen uses it too).
        #[arg(long, requires = "months")]
        save: bool,
        #[arg(long)]
        erase: bool,
    },
    /// Import organisations, people and appointments from XLSX or CSV (; or , in UTF-8 or
    /// Windows-1252). All rows or nothing; --dry-run only reports. Organisations the register
    /// lacks are named in the report and created only with --create-org or --create-all-orgs
    /// (their rows are skipped otherwise).
    Import {
        file: PathBuf,
        #[arg(long)]
        dry_run: bool,
        /// The group of rows that name a role but no group (default: the county group).
        #[arg(long)]
        group: Option<String>,
        /// Create this organisation of the file, which the register lacks (repeatable).
        #[arg(long, value_name = "NAME")]
        create_org: Vec<String>,
        /// Create every organisation of the file that the register lacks.
        #[arg(long, conflicts_with = "create_org")]
        create_all_orgs: bool,
        /// Read an organisation of the file as an existing one: "NAME IN FILE=EXISTING"
        /// (repeatable).
        #[arg(long, value_name = "NAME=EXISTING")]
        org_as: Vec<String>,
        /// A JSON object from column header to field code (organisation, org_number, org_kind,
        /// name, first_name, last_name, title, email, phone, protected, notes, group, role,
        /// from, to), or null to ignore the column.
        #[arg(long, value_name = "FILE")]
        mapping: Option<PathBuf>,
    },
    /// Write an import template: the columns the import reads, explained (XLSX: on a second
    /// sheet), as XLSX or CSV by the file name or --format.
    ImportTemplate {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// xlsx or csv (default: from the file name, XLSX for .xlsx, else CSV).
        #[arg(long)]
        format: Option<String>,
    },
}

/// Commands that must work when the register cannot be opened (restore) run here, before the
/// register is opened. `None`: open the register and call [`run`].
pub fn before_open(path: &Path, cmd: &SafetyCmd, out: &Out) -> Option<Result<(), Error>> {
    if let SafetyCmd::ImportTemplate { out: file, format } = cmd {
        return Some(import_template(file, format.as_deref(), out));
    }
    let SafetyCmd::Restore { file } = cmd else {
        return None;
    };
    let now = Utc::now();
    if !path.exists() {
        let result = Register::restore_unopened(path, file, now).map(|(_, r)| r);
        return Some(result.and_then(|r| restored(out, &r)));
    }
    let result = match Register::open(path) {
        Ok(mut reg) => reg.restore(file, now),
        Err(e) if e.code() == ErrorCode::NotARegister => {
            Register::restore_unopened(path, file, now).map(|(_, r)| r)
        }
        Err(e) => Err(e),
    };
    Some(result.and_then(|r| restored(out, &r)))
}

pub fn run(reg: &mut Register, cmd: SafetyCmd, out: &Out, today: NaiveDate) -> Result<(), Error> {
    let now = Utc::now();
    match cmd {
        SafetyCmd::Backup { out: file } => {
            let b = reg.backup(file.as_deref(), now)?;
            backups(out, std::slice::from_ref(&b))
        }
        SafetyCmd::Backups => backups(out, &reg.backups()?),
        SafetyCmd::Restore { file } => restored(out, &reg.restore(&file, now)?),
        SafetyCmd::Check => {
            let r = reg.check(now);
            check(out, &r)?;
            if r.ok() {
                Ok(())
            } else {
                Err(Error::BackupFailed {
                    path: reg.path().to_owned(),
                    report: r,
                })
            }
        }
        SafetyCmd::Log {
            since,
            entity,
            id,
            out: file,
            include_protected,
        } => {
            let view = LogView {
                lang: out.lang,
                zone: Zone::Stockholm,
            };
            let filter = LogFilter {
                since: since.map(|d| parse_date(Field::Date, &d)).transpose()?,
                entity: entity.map(|e| e.trim().to_lowercase()),
                entity_id: id,
            };
            if let Some(e) = &filter.entity
                && !samverkan::register::LOG_ENTITIES.contains(&e.as_str())
            {
                return Err(Error::invalid(
                    Field::Entity,
                    samverkan::error::Invalid::UnknownValue(e.clone()),
                ));
            }
            match file {
                Some(f) => {
                    let n = reg.export_log(&filter, &f, include_protected, view, now)?;
                    done(
                        out,
                        &serde_json::json!({ "entries": n, "file": f.display().to_string() }),
                        &format!(
                            "{n} {} {}",
                            out.t("händelser skrivna till", "entries written to"),
                            f.display()
                        ),
                    )
                }
                // Scripts get the stored entries (UTC, codes, values as stored); people the
                // lines as the Logg screen shows them.
                None if out.json => out.emit(&reg.log(&filter)?, String::new),
                None => log(out, &reg.log_lines(&filter, view)?),
            }
        }
        SafetyCmd::Extract {
            person,
            out: file,
            format,
        } => {
            let id = reg.find_person(&person)?;
            let format = match format {
                Some(f) => f.parse()?,
                None => ExtractFormat::of_path(&file),
            };
            let x = reg.extract_person(id, &file, format, out.lang, now)?;
            done(
                out,
                &serde_json::json!({ "person_id": id, "file": file.display().to_string(),
                    "appointments": x.appointments.len(), "changes": x.changes.len(),
                    "exports": x.exports.len() }),
                &format!(
                    "{} {}: {}",
                    out.t("Registerutdrag för", "Register extract for"),
                    x.person.name.as_str(),
                    file.display()
                ),
            )
        }
        SafetyCmd::Erase { person } => {
            let id = reg.find_person(&person)?;
            let e = reg.erase_person(id, now)?;
            done(
                out,
                &e,
                &format!(
                    "{} {}.",
                    out.t(
                        "Personen är anonymiserad som",
                        "The person is anonymised as"
                    ),
                    samverkan::register::erased_name(e.number)
                ),
            )
        }
        SafetyCmd::Retention {
            months,
            save,
            erase,
        } => {
            let months = match (months, save) {
                (Some(m), true) => reg.set_retention_months(m)?,
                (Some(m), false) => m,
                (None, _) => reg.retention_months()?,
            };
            let list = reg.retention(months, today)?;
            if erase && !list.is_empty() {
                let ids: Vec<i64> = list.iter().map(|c| c.person_id).collect();
                let erased = reg.erase_people(&ids, now)?;
                return done(
                    out,
                    &erased,
                    &format!(
                        "{} {}",
                        erased.len(),
                        out.t("personer är anonymiserade.", "people were anonymised.")
                    ),
                );
            }
            retention(out, &list, months)
        }
        SafetyCmd::Import {
            file,
            dry_run,
            group,
            create_org,
            create_all_orgs,
            org_as,
            mapping,
        } => {
            let json = mapping
                .map(|m| std::fs::read_to_string(&m).map_err(|e| Error::io(m.clone(), e)))
                .transpose()?;
            let mut use_existing = Vec::new();
            for a in &org_as {
                let Some((name, existing)) = a.split_once('=') else {
                    return Err(Error::invalid(
                        Field::Organisation,
                        samverkan::error::Invalid::UnknownValue(a.clone()),
                    ));
                };
                use_existing.push(OrgAlias {
                    name: name.trim().to_owned(),
                    org_id: reg.find_org(existing.trim())?,
                });
            }
            let choices = ImportChoices {
                dry_run,
                group_id: group.map(|g| reg.find_group(&g)).transpose()?,
                create_orgs: create_org,
                create_all_orgs,
                use_existing,
            };
            let r = reg.import_file(&file, json.as_deref(), &choices, out.lang, today, now)?;
            import_report(out, &r)?;
            if r.rows_rejected > 0 {
                return Err(Error::ImportRejected {
                    rows: r.rows_rejected,
                });
            }
            Ok(())
        }
        SafetyCmd::ImportTemplate { out: file, format } => {
            import_template(&file, format.as_deref(), out)
        }
    }
}

fn import_template(file: &Path, format: Option<&str>, out: &Out) -> Result<(), Error> {
    let format = match format.map(|f| f.trim().to_ascii_lowercase()) {
        None => TemplateFormat::for_path(file),
        Some(f) if f == "xlsx" => TemplateFormat::Xlsx,
        Some(f) if f == "csv" => TemplateFormat::Csv,
        Some(f) => {
            return Err(Error::invalid(
                Field::Format,
                samverkan::error::Invalid::UnknownValue(f),
            ));
        }
    };
    template::write(file, format, out.lang)?;
    let text = format!(
        "{} {}",
        out.t("Importmallen är sparad:", "The import template is saved:"),
        file.display()
    );
    out.emit(&serde_json::json!({ "path": file }), || text.clone())
}

fn import_report(out: &Out, r: &samverkan::import::ImportReport) -> Result<(), Error> {
    out.emit(r, || {
        let mut s = String::new();
        s.push_str(out.t("Kolumner:", "Columns:"));
        for c in &r.columns {
            let f = c.field.map_or_else(
                || out.t("(används inte)", "(ignored)").to_owned(),
                |f| f.code().to_owned(),
            );
            let note = import_text::column_note(&c.note, out.lang);
            let note = if note.is_empty() {
                note
            } else {
                format!(" ({note})")
            };
            s.push_str(&format!("\n  {} → {f}{note}", c.header));
        }
        if !r.new_orgs.is_empty() {
            s.push_str(&format!(
                "\n{}",
                out.t(
                    "Organisationer som inte finns i registret (skapa med --create-org NAMN eller --create-all-orgs, eller läs in som en befintlig med --org-as \"NAMN=BEFINTLIG\"):",
                    "Organisations not in the register (create them with --create-org NAME or --create-all-orgs, or read one as an existing one with --org-as \"NAME=EXISTING\"):",
                )
            ));
            for o in &r.new_orgs {
                s.push_str(&format!("\n  {}", import_text::new_org(o, out.lang)));
            }
            if r.new_orgs_not_listed > 0 {
                s.push_str(&format!(
                    "\n  {} {}",
                    r.new_orgs_not_listed,
                    out.t("organisationer till visas inte.", "more organisations are not shown.")
                ));
            }
        }
        let verb = if r.written {
            out.t("Inläst", "Imported")
        } else if r.dry_run {
            out.t("Provläsning (inget sparat)", "Dry run (nothing saved)")
        } else {
            out.t("Inget sparat", "Nothing saved")
        };
        s.push_str(&format!(
            "\n{verb}: {} {}; {} {} {} {}; {} {} {} {} {} {}; {} {} {} {}.",
            r.rows,
            out.t("rader", "rows"),
            r.orgs_created,
            out.t("nya organisationer,", "new organisations,"),
            r.orgs_matched,
            out.t("befintliga", "existing"),
            r.people_created,
            out.t("nya personer,", "new people,"),
            r.people_updated,
            out.t("uppdaterade,", "updated,"),
            r.people_matched,
            out.t("oförändrade", "unchanged"),
            r.appointments_created,
            out.t("nya uppdrag,", "new appointments,"),
            r.appointments_existing,
            out.t("fanns redan", "already there"),
        ));
        if let Some(g) = r.group.as_ref().filter(|_| r.rows_in_default_group > 0) {
            s.push_str(&format!(
                "\n{} {} {}.",
                r.rows_in_default_group,
                out.t(
                    "rader utan grupp: uppdragen läses in i",
                    "rows without a group: their appointments go into"
                ),
                g.name
            ));
        }
        if !r.issues.is_empty() {
            let mut t = table(&[
                out.t("Rad", "Row"),
                out.t("Kolumn", "Column"),
                out.t("Problem", "Problem"),
            ]);
            for i in &r.issues {
                t.add_row(vec![
                    i.row.to_string(),
                    i.column.clone().unwrap_or_default(),
                    i.reason.clone(),
                ]);
            }
            s.push('\n');
            s.push_str(&t.to_string());
            if r.issues_not_listed > 0 {
                s.push_str(&format!(
                    "\n{} {}",
                    r.issues_not_listed,
                    out.t("problem till visas inte.", "more problems are not shown.")
                ));
            }
        }
        if !r.skipped.is_empty() {
            s.push_str(&format!(
                "\n{} {}",
                r.rows_skipped,
                out.t("rader hoppades över:", "rows were skipped:")
            ));
            let mut t = table(&[
                out.t("Rad", "Row"),
                out.t("Kolumn", "Column"),
                out.t("Varför", "Why"),
            ]);
            for i in &r.skipped {
                t.add_row(vec![
                    i.row.to_string(),
                    i.column.clone().unwrap_or_default(),
                    i.reason.clone(),
                ]);
            }
            s.push('\n');
            s.push_str(&t.to_string());
        }
        if let Some(b) = &r.backup {
            s.push_str(&format!(
                "\n{} {b}",
                out.t("Säkerhetskopia före import:", "Backup before import:")
            ));
        }
        s
    })
}

fn done<T: Serialize + ?Sized>(out: &Out, value: &T, text: &str) -> Result<(), Error> {
    out.emit(value, || text.to_owned())
}

fn size(n: u64) -> String {
    if n >= 1024 * 1024 {
        format!("{:.1} MB", n as f64 / 1_048_576.0)
    } else {
        format!("{} kB", n.div_ceil(1024))
    }
}

fn backups(out: &Out, items: &[BackupInfo]) -> Result<(), Error> {
    out.emit(items, || {
        if items.is_empty() {
            return out
                .t("Inga säkerhetskopior ännu.", "No backups yet.")
                .to_owned();
        }
        let mut t = table(&[
            out.t("Tid (UTC)", "Time (UTC)"),
            out.t("Anledning", "Reason"),
            out.t("Storlek", "Size"),
            "SHA-256",
            out.t("Fil", "File"),
        ]);
        for b in items {
            t.add_row(vec![
                b.at.clone(),
                reason(out, b.reason).to_owned(),
                size(b.size),
                b.sha256
                    .as_deref()
                    .map(|h| h.chars().take(12).collect())
                    .unwrap_or_else(|| "–".into()),
                b.path.clone(),
            ]);
        }
        t.to_string()
    })
}

fn reason(out: &Out, r: samverkan::safety::BackupReason) -> &'static str {
    use samverkan::safety::BackupReason::*;
    match r {
        Daily => out.lang.pick("daglig", "daily"),
        Manual => out.lang.pick("manuell", "manual"),
        BeforeMigration => out.lang.pick("före uppgradering", "before upgrade"),
        BeforeRestore => out.lang.pick("före återställning", "before restore"),
        BeforeImport => out.lang.pick("före import", "before import"),
        Damaged => out.lang.pick("skadad kopia", "damaged copy"),
    }
}

fn restored(out: &Out, r: &RestoreReport) -> Result<(), Error> {
    out.emit(r, || {
        let mut s = format!(
            "{} {}.",
            out.t(
                "Registret är återställt från",
                "The register was restored from"
            ),
            r.restored_from
        );
        if let Some(p) = &r.previous_kept_as {
            s.push_str(&format!(
                "\n{} {p}.",
                out.t(
                    "Det tidigare registret sparades som",
                    "The previous register was kept as"
                )
            ));
        }
        if r.erasures_reapplied > 0 {
            s.push_str(&format!(
                "\n{} {}.",
                out.t(
                    "Borttagningar som gjorts efter kopian gjordes om:",
                    "Erasures made after the backup were re-applied:"
                ),
                r.erasures_reapplied
            ));
        }
        s
    })
}

fn check(out: &Out, r: &CheckReport) -> Result<(), Error> {
    out.emit(r, || {
        if r.ok() {
            return out
                .t(
                    "Registret är helt: integrity_check ok, inga brutna referenser.",
                    "The register is sound: integrity_check ok, no broken references.",
                )
                .to_owned();
        }
        let mut s = out.t("Problem hittades:", "Problems found:").to_owned();
        for p in r.integrity_problems.iter().chain(&r.foreign_key_problems) {
            s.push_str("\n  ");
            s.push_str(p);
        }
        s
    })
}

fn log(out: &Out, items: &[LogLine]) -> Result<(), Error> {
    out.emit(items, || {
        if items.is_empty() {
            return out.t("Loggen är tom.", "The log is empty.").to_owned();
        }
        let time = format!("{} ({})", out.t("Tid", "Time"), Zone::Stockholm.name());
        let mut t = table(&[
            time.as_str(),
            out.t("Användare", "User"),
            out.t("Vad", "What"),
            out.t("Händelse", "Event"),
            out.t("Ändring", "Change"),
        ]);
        for l in items {
            t.add_row(vec![
                l.at.clone(),
                l.os_user.clone(),
                format!("{}: {}", l.kind, l.name),
                l.event.clone(),
                l.details.clone(),
            ]);
        }
        t.to_string()
    })
}

fn retention(out: &Out, items: &[RetentionCandidate], months: u32) -> Result<(), Error> {
    out.emit(items, || {
        if items.is_empty() {
            return format!(
                "{} {months} {}",
                out.t(
                    "Ingen har haft sitt sista uppdrag avslutat för mer än",
                    "Nobody's last appointment ended more than"
                ),
                out.t("månader sedan.", "months ago.")
            );
        }
        let mut t = table(&[
            "Id",
            out.t("Namn", "Name"),
            out.t("Organisation", "Organisation"),
            out.t("Sista dag", "Last day"),
        ]);
        for c in items {
            t.add_row(vec![
                c.person_id.to_string(),
                c.name.clone(),
                c.organisation_name.clone(),
                c.last_served.to_string(),
            ]);
        }
        t.to_string()
    })
}
