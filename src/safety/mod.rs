//! Keeping the register safe on disk: backups and restore ([`backup`]), the writer's lock
//! ([`lock`]) and network file-system detection ([`netfs`]). The SQL of it (copies, checks)
//! is in `store::safety`; the register-level policy (when to back up and check on opening) is
//! in `register::safety`.

pub mod backup;
pub mod lock;
pub mod netfs;
pub mod report;

pub use backup::{BackupInfo, BackupReason, RestoreReport};
pub use report::{CheckReport, LockHolder};
