//! The register: the core's operations over an opened store. Every write checks its input,
//! runs in one transaction, and either happens whole or changes nothing.

mod agenda;
mod appointments;
mod audit;
mod exports;
mod forms;
mod groups;
mod import;
mod invitations;
mod log_view;
mod meeting_exports;
mod meetings;
mod minutes;
mod organisations;
mod overview;
mod page;
mod people;
mod privacy;
mod reminders;
mod report;
mod resolve;
mod safety;
mod seats;

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

pub use crate::model::log::{
    ExportEntry, ExportKind, LogChange, LogLine, PersonExtract, erased_name,
};
pub use crate::stamp::{local_time, log_time, os_user};
pub use appointments::SeatHolder;
pub use audit::{LOG_ENTITIES, LogEntry, LogFilter};
pub use exports::ExportRecord;
pub use forms::{BatchOutcome, ComingForm, FormOptions, FormState, FormStatusRow, PrintedForm};
pub use groups::{GroupDetail, GroupSummary, SeatRow};
pub use import::{Columns, preview_file, read_sheet};
pub use invitations::{InvitationOutcome, InvitationRequest, InvitationState, SentInvitation};
pub use log_view::LogView;
pub use meeting_exports::{CalendarQuery, ExportOutcome, OrganiserInfo};
pub use meetings::{
    DayWarning, ForbiddenDay, GroupProposal, MeetingAttendance, PlanProposal, PlannedMeeting,
};
pub use minutes::{Minutes, MinutesItemDraft, MinutesOutcome, MinutesPeople, MinutesPerson};
pub use organisations::{OrgDetail, OrgQuery, OrgSeat};
pub use overview::{
    Coverage, CoverageCell, CoverageRow, FirstSteps, GapRow, GroupFormsOverview, GroupOverview,
    OVERVIEW_FIRST_ROWS, OVERVIEW_TERMS_SHOWN, Overview, Vacancy, VacancyCounts, VacancyKind,
};
pub use page::{MAX_PAGE_ROWS, OrgSort, Page, PageRequest, PersonSort};
pub use people::{PersonDetail, PersonQuery};
pub use privacy::{ExtractFormat, RetentionCandidate};
pub use reminders::{
    DEFAULT_REMINDER_DAYS, MAX_REMINDER_DAYS, Reminder, ReminderOutcome, ReminderRequest,
    Reminders, WrittenReminder,
};
pub use report::SavedReport;
pub use safety::OpenReport;
pub use seats::SeatView;

use crate::error::Error;
use crate::store;
use crate::template::Template;

/// An opened register.
#[derive(Debug)]
pub struct Register {
    conn: Connection,
    path: PathBuf,
    access: Access,
    opened: OpenReport,
    /// Why the daily backup made on opening failed: a warning, the register is usable.
    backup_warning: Option<Error>,
}

/// Whether this process may write: it holds the writer's lock, or another process does (who,
/// when known).
#[derive(Debug)]
enum Access {
    Writer(crate::safety::lock::WriterLock),
    Reader(Option<crate::safety::LockHolder>),
}

/// What the register is: where it lives and what it holds.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RegisterInfo {
    pub path: String,
    pub network_name: Option<String>,
    pub template: Option<String>,
    pub schema_version: i64,
    pub organisations: usize,
    pub people: usize,
    pub groups: usize,
    pub appointments: usize,
}

impl Register {
    /// Creates a new register from a template. Refuses when a file is already there.
    pub fn create(path: &Path, template: &Template) -> Result<Register, Error> {
        store::create(path, |tx| template.apply(tx))?;
        Register::open_inner(path, chrono::Utc::now(), None, false)
    }

    /// Opens an existing register now; a file that is not one is refused and left untouched
    /// (see [`Register::open_at`]).
    pub fn open(path: &Path) -> Result<Register, Error> {
        Register::open_at(path, chrono::Utc::now())
    }

    /// Opens the register, creating it from the template on first use.
    pub fn open_or_create(path: &Path, template: &Template) -> Result<Register, Error> {
        if path.exists() {
            Register::open(path)
        } else {
            Register::create(path, template)
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Read access for code that only queries (exports, benchmarks of the store).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    pub fn info(&self) -> Result<RegisterInfo, Error> {
        let counts = store::settings::counts(&self.conn)?;
        Ok(RegisterInfo {
            path: self.path.display().to_string(),
            network_name: store::settings::get(&self.conn, "network_name")?,
            template: store::settings::get(&self.conn, "template")?,
            schema_version: store::latest_version(),
            organisations: counts[0],
            people: counts[1],
            groups: counts[2],
            appointments: counts[3],
        })
    }

    /// Runs `f` in one transaction: committed when it returns `Ok`, rolled back otherwise.
    fn write<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T, Error>,
    ) -> Result<T, Error> {
        self.ensure_writable()?;
        let tx = self.conn.transaction()?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }
}

/// Where the register lives when nobody says otherwise: `SAMVERKAN_DB` when given, else
/// `register.sqlite3` in the user's data folder (`~/.local/share/samverkan` on Linux,
/// `%APPDATA%\samverkan` on Windows, `~/Library/Application Support/samverkan` on macOS).
/// The override is taken as the OS gives it (`std::env::var_os`): a path need not be UTF-8.
pub fn default_path(env_override: Option<&std::ffi::OsStr>) -> Option<PathBuf> {
    default_path_in(env_override, dirs::data_dir)
}

/// [`default_path`] given the user's data folder as the system names it (asked only when the
/// override is absent or blank).
fn default_path_in(
    env_override: Option<&std::ffi::OsStr>,
    data_dir: impl FnOnce() -> Option<PathBuf>,
) -> Option<PathBuf> {
    let blank = |s: &&std::ffi::OsStr| s.to_str().is_some_and(|s| s.trim().is_empty());
    match env_override.filter(|s| !blank(s)) {
        Some(p) => Some(PathBuf::from(p)),
        None => data_dir().map(|d| d.join("samverkan").join("register.sqlite3")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;
    use std::path::Path;

    #[test]
    fn the_register_lives_in_samverkan_in_each_systems_data_folder() {
        for dir in [
            "/home/anna/.local/share",
            r"C:\Users\anna\AppData\Roaming",
            "/Users/anna/Library/Application Support",
        ] {
            let p = default_path_in(None, || Some(PathBuf::from(dir))).expect("a path");
            assert!(p.starts_with(dir), "{}", p.display());
            assert!(
                p.ends_with(Path::new("samverkan").join("register.sqlite3")),
                "{}",
                p.display()
            );
        }
    }

    #[test]
    fn samverkan_db_wins_unless_blank_and_no_data_folder_gives_none() {
        let asked = std::cell::Cell::new(false);
        let data = || {
            asked.set(true);
            Some(PathBuf::from("/data"))
        };
        assert_eq!(
            default_path_in(Some(OsStr::new(r"\\srv\data\register.sqlite3")), data),
            Some(PathBuf::from(r"\\srv\data\register.sqlite3"))
        );
        assert!(!asked.get(), "the data folder is not asked for");
        assert_eq!(
            default_path_in(Some(OsStr::new("  ")), || Some(PathBuf::from("/data"))),
            Some(
                Path::new("/data")
                    .join("samverkan")
                    .join("register.sqlite3")
            )
        );
        assert_eq!(default_path_in(None, || None), None);
        assert_eq!(default_path_in(Some(OsStr::new("")), || None), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_samverkan_db_that_is_not_utf8_is_kept_as_given() {
        use std::os::unix::ffi::OsStrExt;
        let raw = OsStr::from_bytes(b"/home/anna/r\xe4gister.sqlite3");
        assert_eq!(
            default_path_in(Some(raw), || None),
            Some(PathBuf::from(raw))
        );
    }
}
