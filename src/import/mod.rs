//! Importing the coordinator's existing spreadsheet: reading it ([`read`]), guessing and
//! correcting which column holds what ([`mapping`]), and the report of a dry run or an import
//! (`Register::import` in `register::import`). Rows are checked with the same rules as typed
//! input; every problem is reported by row, column and reason, and an import with problems
//! writes nothing.

pub mod mapping;
pub mod read;
pub mod template;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Error;
use crate::lang::Lang;
use crate::model::Id;

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
    /// The [`RowProblem`] in the language the import was asked in.
    pub reason: String,
}

impl RowIssue {
    /// The issue of `row` (in `column`, when one), its reason rendered in `lang`.
    pub fn new(
        row: usize,
        column: Option<String>,
        problem: RowProblem<'_>,
        lang: Lang,
    ) -> RowIssue {
        RowIssue {
            row,
            column,
            reason: crate::error::import_text::row_problem(&problem, lang),
        }
    }
}

/// Why a row cannot be imported, or is skipped: rendered in the user's language by
/// `error::import_text::row_problem`.
#[derive(Debug)]
pub enum RowProblem<'a> {
    /// A value the row needs is missing.
    Missing,
    /// A value of the row is refused, with the same error typed input would get.
    Refused(&'a Error),
    /// The row names a role but no group, and the register has none to read it into.
    RoleWithoutGroup,
    /// The seat is held in the period, by `holder`.
    SeatHeld { holder: String },
    /// Skipped: no name, so no person is read, only the organisation.
    NoName,
    /// Skipped: the organisation is not in the register and is not created.
    OrgNotCreated,
}

/// What an import did, or (dry run) would do.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportReport {
    pub dry_run: bool,
    /// Nothing was written: a dry run, or rows had problems.
    pub written: bool,
    pub rows: usize,
    /// Each column: its header, the field it fills (`None`: ignored) and why.
    pub columns: Vec<ColumnUse>,
    /// The group that rows naming a role but no group are read into (`None`: the file has no
    /// role column, or the register has no group to read them into).
    pub group: Option<GroupRef>,
    /// Rows whose role was read into `group` because they name no group.
    pub rows_in_default_group: usize,
    /// The organisations of the file that the register does not know, in the order of the
    /// file, each with what is done with it (see [`ImportChoices`]) and a similar existing one.
    pub new_orgs: Vec<NewOrg>,
    /// New organisations beyond the `register::import::MAX_LISTED_NEW_ORGS` listed.
    pub new_orgs_not_listed: usize,
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

/// One column of the sheet as the import reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ColumnUse {
    pub header: String,
    pub field: Option<ImportField>,
    pub note: ColumnNote,
}

/// What a column does, or why it is ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum ColumnNote {
    /// It fills its field.
    Fills,
    /// It fills the role; rows that name no group (or all, with no group column) are read
    /// into this group.
    RolesInto { group: String },
    /// It fills the role, but the register has no group for rows that name none: such a row
    /// is a problem.
    RolesWithoutGroup,
    /// Ignored: the header names no field the import knows.
    NotRecognised,
    /// Ignored: an earlier column fills the same field.
    SameFieldAs { column: String },
    /// Ignored: the coordinator chose so (the header would have filled `field`).
    NotChosen { field: ImportField },
}

/// A group, by id and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct GroupRef {
    pub id: Id,
    pub name: String,
}

/// An organisation named in the file that the register does not know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct NewOrg {
    /// The name as the file first spells it.
    pub name: String,
    /// Rows naming it.
    pub rows: usize,
    /// What is done with it.
    pub decision: OrgDecision,
    /// An existing organisation with a similar name, offered instead.
    pub similar: Option<SimilarOrg>,
}

/// What the import does with an organisation the register does not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum OrgDecision {
    /// Created, because the coordinator chose it.
    Create,
    /// Its rows are read into an existing organisation the coordinator chose.
    UseExisting,
    /// Not created: its rows are skipped (listed in `skipped`).
    Skip,
}

/// An existing organisation whose name is like one of the file's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SimilarOrg {
    pub id: Id,
    pub name: String,
}

/// What the coordinator chose for one import, beside the columns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct ImportChoices {
    /// Only check: write nothing.
    #[serde(default)]
    pub dry_run: bool,
    /// The group that rows naming a role but no group are read into; `None`: the register's
    /// main group (the first county group).
    #[serde(default)]
    pub group_id: Option<Id>,
    /// Organisations of the file not in the register that are to be created, by their name
    /// in the file (compared as name keys: case and spacing do not matter).
    #[serde(default)]
    pub create_orgs: Vec<String>,
    /// Create every organisation of the file that the register does not know.
    #[serde(default)]
    pub create_all_orgs: bool,
    /// Organisations of the file read as existing ones: the name in the file and the id of
    /// the organisation it means.
    #[serde(default)]
    pub use_existing: Vec<OrgAlias>,
}

/// A name in the file read as an existing organisation.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct OrgAlias {
    pub name: String,
    pub org_id: Id,
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
