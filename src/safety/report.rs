//! What the safety checks report: the integrity checks' findings and who holds the writer's
//! lock. Plain data with no dependencies of its own, so that the error type can carry it
//! (`Error::BackupFailed`, `Error::Locked`) without reaching into the store or the lock.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What `integrity_check` and `foreign_key_check` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CheckReport {
    /// `integrity_check` said "ok".
    pub integrity_ok: bool,
    /// The problems `integrity_check` listed (at most 20).
    pub integrity_problems: Vec<String>,
    /// Rows that refer to a missing row: "table rowid → parent".
    pub foreign_key_problems: Vec<String>,
}

impl CheckReport {
    pub fn ok(&self) -> bool {
        self.integrity_ok && self.foreign_key_problems.is_empty()
    }
}

/// Who holds a register open for writing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LockHolder {
    pub user: String,
    pub host: String,
    pub pid: u32,
    /// UTC, RFC 3339.
    pub since: String,
}
