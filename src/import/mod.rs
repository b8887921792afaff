//! Importing the coordinator's existing spreadsheet: reading it ([`read`]), guessing and
//! correcting which column holds what ([`mapping`]), and the report of a dry run or an import
//! (`Register::import` in `register::import`). Rows are checked with the same rules as typed
//! input; every problem is reported by row, column and reason, and an import with problems
//! writes nothing.

pub mod mapping;
pub mod read;

use serde::Serialize;
use ts_rs::TS;

pub use mapping::ImportField;
pub use read::Sheet;

/// One problem of one row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RowIssue {
    /// The row number in the file (the header is row 1 unless blank rows precede it).
    pub row: usize,
    /// The column's header, when the problem is in one column.
    pub column: Option<String>,
    pub reason: String,
}

/// What an import did, or (dry run) would do.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportReport {
    pub dry_run: bool,
    /// Nothing was written: a dry run, or rows had problems.
    pub written: bool,
    pub rows: usize,
    /// Each column's header and the field it was read as (`None`: ignored).
    pub columns: Vec<(String, Option<ImportField>)>,
    pub orgs_created: usize,
    pub orgs_matched: usize,
    pub people_created: usize,
    pub people_updated: usize,
    pub people_matched: usize,
    pub appointments_created: usize,
    pub appointments_existing: usize,
    /// The problems, at most `register::import::MAX_LISTED_ISSUES` of them.
    pub issues: Vec<RowIssue>,
    /// Problems beyond those listed in `issues`.
    pub issues_not_listed: usize,
    /// Rows with at least one problem (each rolled back; any of them means nothing is written).
    pub rows_rejected: usize,
    /// Rows that were read but skipped, and why (a row naming no person: only its
    /// organisation is read). They do not stop the import. At most
    /// `register::import::MAX_LISTED_ISSUES` are listed; `rows_skipped` counts them all.
    pub skipped: Vec<RowIssue>,
    pub rows_skipped: usize,
    /// The backup made before the import was written.
    pub backup: Option<String>,
}

/// What the import wizard shows before anything is checked: the columns, the guessed field of
/// each, and the first rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportPreview {
    pub header: Vec<String>,
    pub fields: Vec<Option<ImportField>>,
    /// The first rows (at most 5), as read.
    pub sample: Vec<Vec<String>>,
    pub rows: usize,
}
