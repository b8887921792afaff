//! Commands of the Säkerhetskopior and Logg screens: backups (list, make, restore, check),
//! rescuing a register that cannot be opened, the audit log (list, export), the import
//! wizard (preview, dry run, import) and personal-data rights (register extract, erasure,
//! retention). Adapters only.

use std::path::PathBuf;

use chrono::Utc;
use samverkan::error::Field;
use samverkan::import::template::{self, TemplateFormat};
use samverkan::import::{ImportChoices, ImportField, ImportPreview, ImportReport};
use samverkan::model::Id;
use samverkan::model::date::parse_date;
use samverkan::register::{
    ExtractFormat, LogFilter, LogLine, LogView, PersonExtract, RetentionCandidate,
};
use samverkan::safety::{BackupInfo, RestoreReport};
use samverkan::store::audit::Erasure;
use samverkan::store::safety::CheckReport;
use samverkan::{Register, Zone};
use tauri::State;

use super::Reply;
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_backups(state: State<'_, AppState>) -> Reply<Vec<BackupInfo>> {
    state.read(|r| r.backups())
}

/// A verified backup now: into the backups folder beside the register, or, with `out`, to a
/// file the user chose elsewhere (a USB stick, a network folder); never over an existing file.
#[tauri::command(async)]
pub fn make_backup(state: State<'_, AppState>, out: Option<PathBuf>) -> Reply<BackupInfo> {
    state.read(|r| r.backup(out.as_deref(), Utc::now()))
}

#[tauri::command(async)]
pub fn restore_backup(state: State<'_, AppState>, path: String) -> Reply<RestoreReport> {
    state.write(|r| r.restore(&PathBuf::from(&path), Utc::now()))
}

#[tauri::command(async)]
pub fn check_register(state: State<'_, AppState>) -> Reply<CheckReport> {
    state.read(|r| Ok(r.check(Utc::now())))
}

/// The newest good backup of a register that could not be opened, if there is one.
#[tauri::command(async)]
pub fn newest_good_backup(state: State<'_, AppState>) -> Option<BackupInfo> {
    samverkan::safety::backup::newest_good(state.path())
}

/// Restores a register that could not be opened from `path` and opens it.
#[tauri::command(async)]
pub fn rescue_register(state: State<'_, AppState>, path: String) -> Reply<RestoreReport> {
    state.reopen_with(|register| {
        Register::restore_unopened(register, &PathBuf::from(&path), Utc::now())
    })
}

fn filter(since: Option<String>, entity: Option<String>) -> Result<LogFilter, samverkan::Error> {
    Ok(LogFilter {
        since: since
            .filter(|s| !s.trim().is_empty())
            .map(|s| parse_date(Field::Date, &s))
            .transpose()?,
        entity: entity.filter(|e| !e.is_empty()),
        entity_id: None,
    })
}

#[tauri::command(async)]
pub fn audit_log(
    state: State<'_, AppState>,
    since: Option<String>,
    entity: Option<String>,
) -> Reply<Vec<LogLine>> {
    let view = log_view(&state);
    state.read(|r| r.log_lines(&filter(since, entity)?, view))
}

/// The log as the screens show it: in the app's language, in Swedish time (the network's).
fn log_view(state: &AppState) -> LogView {
    LogView {
        lang: state.lang(),
        zone: Zone::Stockholm,
    }
}

#[tauri::command(async)]
pub fn export_audit_log(
    state: State<'_, AppState>,
    since: Option<String>,
    entity: Option<String>,
    path: String,
    include_protected: bool,
) -> Reply<usize> {
    let view = log_view(&state);
    state.write(|r| {
        r.export_log(
            &filter(since, entity)?,
            &PathBuf::from(&path),
            include_protected,
            view,
            Utc::now(),
        )
    })
}

/// The import wizard's first look at a file.
#[tauri::command(async)]
pub fn import_preview(state: State<'_, AppState>, path: String) -> Reply<ImportPreview> {
    samverkan::register::preview_file(&PathBuf::from(&path)).map_err(|e| e.body(state.lang()))
}

/// Checks (`choices.dry_run`) or imports a file with the fields chosen for its columns, the
/// group for rows without one, and the new organisations to create.
#[tauri::command(async)]
pub fn import_run(
    state: State<'_, AppState>,
    path: String,
    fields: Vec<Option<ImportField>>,
    choices: ImportChoices,
) -> Reply<ImportReport> {
    let (lang, today) = (state.lang(), state.today());
    state.write(|r| {
        r.import_file_as(
            &PathBuf::from(&path),
            fields,
            &choices,
            lang,
            today,
            Utc::now(),
        )
    })
}

/// Writes the import template (the columns explained) to `path`, chosen in the UI.
#[tauri::command(async)]
pub fn import_template(
    state: State<'_, AppState>,
    path: PathBuf,
    format: TemplateFormat,
) -> Reply<()> {
    let lang = state.lang();
    template::write(&path, format, lang).map_err(|e| e.body(lang))
}

/// The register extract for one person, written to `path` (chosen in the UI) as JSON or PDF.
#[tauri::command(async)]
pub fn extract_person(
    state: State<'_, AppState>,
    person_id: Id,
    path: PathBuf,
    format: ExtractFormat,
) -> Reply<PersonExtract> {
    let lang = state.lang();
    state.write(|r| r.extract_person(person_id, &path, format, lang, Utc::now()))
}

/// Erases (anonymises) one person.
#[tauri::command(async)]
pub fn erase_person(state: State<'_, AppState>, person_id: Id) -> Reply<Erasure> {
    state.write(|r| r.erase_person(person_id, Utc::now()))
}

/// People whose last appointment ended more than `months` months before today.
#[tauri::command(async)]
pub fn retention_list(state: State<'_, AppState>, months: u32) -> Reply<Vec<RetentionCandidate>> {
    let today = state.today();
    state.read(|r| r.retention(months, today))
}

/// The register's retention setting, in months.
#[tauri::command(async)]
pub fn retention_months(state: State<'_, AppState>) -> Reply<u32> {
    state.read(|r| r.retention_months())
}

/// Saves the register's retention setting.
#[tauri::command(async)]
pub fn set_retention_months(state: State<'_, AppState>, months: u32) -> Reply<u32> {
    state.write(|r| r.set_retention_months(months))
}

/// Erases several people in one transaction (the retention view's bulk anonymise).
#[tauri::command(async)]
pub fn erase_people(state: State<'_, AppState>, person_ids: Vec<Id>) -> Reply<Vec<Erasure>> {
    state.write(|r| r.erase_people(&person_ids, Utc::now()))
}
