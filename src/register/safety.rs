//! Opening the register safely, and the operations that keep it safe: the writer's lock (a
//! second opener reads only), integrity checks after an unclean shutdown and at least weekly,
//! the daily backup, backups on request, restore, and erasures re-applied after a restore.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::{Access, Register};
use crate::error::{Error, ErrorCode};
use crate::safety::CheckReport;
use crate::safety::LockHolder;
use crate::safety::backup::{self, BackupInfo, BackupReason, RestoreReport};
use crate::safety::lock::{self, Acquired, WriterLock};
use crate::safety::netfs;
use crate::store::{self, OpenMode};

/// What happened when the register was opened.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct OpenReport {
    /// The previous session did not close the register cleanly.
    pub unclean_shutdown: bool,
    /// The integrity checks run on opening (after an unclean shutdown, or weekly).
    pub checked: Option<CheckReport>,
    /// The daily backup made on opening.
    pub daily_backup: Option<BackupInfo>,
    /// Erasures re-applied because the file predates them (a restored backup).
    pub erasures_reapplied: usize,
    /// The register is on a network file system (no write-ahead log there).
    pub network_fs: bool,
    /// Someone else has it open for writing: this opening reads only.
    pub read_only: bool,
    /// The daily backup was due and failed (see [`Register::backup_warning`]); the next
    /// opening tries again.
    pub daily_backup_failed: bool,
    pub holder: Option<LockHolder>,
}

/// How often the integrity checks run at the least.
const CHECK_EVERY: TimeDelta = TimeDelta::days(7);

fn last_check_path(register: &Path) -> PathBuf {
    backup::backup_dir(register).join(".last-check")
}

fn check_due(register: &Path, now: DateTime<Utc>) -> bool {
    let last = fs::read_to_string(last_check_path(register))
        .ok()
        .and_then(|s| DateTime::parse_from_rfc3339(s.trim()).ok())
        .map(|d| d.with_timezone(&Utc));
    last.is_none_or(|l| now - l >= CHECK_EVERY || l > now)
}

fn note_check(register: &Path, now: DateTime<Utc>) {
    let dir = backup::backup_dir(register);
    if fs::create_dir_all(&dir).is_ok() {
        let _ = fs::write(last_check_path(register), super::log_time(now));
    }
}

/// A file that is not a register (or is damaged) becomes an offer of the newest good backup.
fn offer_backup(path: &Path, e: Error) -> Error {
    if e.code() == ErrorCode::NotARegister {
        Error::RegisterDamaged {
            path: path.to_owned(),
            backup: backup::newest_good(path).map(|b| PathBuf::from(b.path)),
        }
    } else {
        e
    }
}

impl Register {
    /// Opens an existing register at `now`: refuses (untouched) a file that is not one, offering
    /// the newest good backup; takes the writer's lock or, when another process holds it, opens
    /// read-only; checks the file after an unclean shutdown and weekly; backs it up before a
    /// migration and daily; re-applies erasures a restored backup predates.
    pub fn open_at(path: &Path, now: DateTime<Utc>) -> Result<Register, Error> {
        Register::open_inner(path, now, None, true)
    }

    pub(super) fn open_inner(
        path: &Path,
        now: DateTime<Utc>,
        held: Option<WriterLock>,
        daily: bool,
    ) -> Result<Register, Error> {
        store::inspect(path).map_err(|e| offer_backup(path, e))?;
        let user = super::os_user();
        let (lock, unclean, holder) = match held {
            Some(l) => (Some(l), false, None),
            None => match lock::acquire(path, &user, now)? {
                Acquired::Held { lock, unclean } => (Some(lock), unclean, None),
                Acquired::Busy(h) => (None, false, Some(h)),
            },
        };
        let network_fs = netfs::is_network_path(path);
        let mut report = OpenReport {
            unclean_shutdown: unclean,
            network_fs,
            read_only: lock.is_none(),
            holder: holder.clone().flatten(),
            ..OpenReport::default()
        };
        let mode = OpenMode {
            read_only: lock.is_none(),
            wal: !network_fs,
        };
        let mut checked = None;
        let conn = store::open_with(path, mode, |conn, file| {
            if unclean || file.recovers_from_log || check_due(path, now) {
                let r = store::safety::check(conn);
                if !r.ok() {
                    return Err(Error::NotARegister {
                        path: path.to_owned(),
                    });
                }
                checked = Some(r);
            }
            if file.user_version < store::latest_version() {
                backup::backup_to_folder(conn, path, BackupReason::BeforeMigration, now)?;
            }
            Ok(())
        })
        .map_err(|e| offer_backup(path, e))?;
        if checked.is_some() {
            note_check(path, now);
        }
        report.checked = checked;
        if lock.is_none() {
            let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
            if version < store::latest_version() {
                return Err(Error::Locked {
                    holder: holder.flatten(),
                });
            }
        }
        let access = match lock {
            Some(l) => Access::Writer(l),
            None => Access::Reader(holder.flatten()),
        };
        let mut reg = Register {
            conn,
            path: path.to_owned(),
            access,
            opened: OpenReport::default(),
            backup_warning: None,
        };
        if reg.is_writable() {
            // A failed daily backup (a full disk) is a warning, never a refusal: the user's
            // command goes on, the failed copy is gone, and the next opening tries again.
            let daily = if daily {
                backup::daily_due(path, now).and_then(|due| {
                    due.then(|| backup::backup_to_folder(&reg.conn, path, BackupReason::Daily, now))
                        .transpose()
                })
            } else {
                Ok(None)
            };
            match daily {
                Ok(b) => report.daily_backup = b,
                Err(e) => {
                    report.daily_backup_failed = true;
                    reg.backup_warning = Some(e);
                }
            }
            report.erasures_reapplied = reg.reapply_erasures(now)?;
        }
        reg.opened = report;
        Ok(reg)
    }

    /// What happened when this register was opened.
    pub fn open_report(&self) -> &OpenReport {
        &self.opened
    }

    /// Why the daily backup failed on opening, if it did: to be shown as a warning.
    pub fn backup_warning(&self) -> Option<&Error> {
        self.backup_warning.as_ref()
    }

    pub fn is_writable(&self) -> bool {
        matches!(self.access, Access::Writer(_))
    }

    pub(super) fn ensure_writable(&self) -> Result<(), Error> {
        match &self.access {
            Access::Writer(lock) if !lock.intact() => Err(Error::LockLost {
                path: lock.path().to_owned(),
            }),
            Access::Writer(_) => Ok(()),
            Access::Reader(holder) => Err(Error::Locked {
                holder: holder.clone(),
            }),
        }
    }

    /// Writes a verified backup to the `backups/` folder (and rotates it), or to `out`.
    pub fn backup(&self, out: Option<&Path>, now: DateTime<Utc>) -> Result<BackupInfo, Error> {
        match out {
            Some(file) => backup::backup_to_file(&self.conn, file, now),
            None => backup::backup_to_folder(&self.conn, &self.path, BackupReason::Manual, now),
        }
    }

    /// The backups in the `backups/` folder, newest first.
    pub fn backups(&self) -> Result<Vec<BackupInfo>, Error> {
        backup::list(&self.path)
    }

    /// Runs `integrity_check` and `foreign_key_check` now.
    pub fn check(&self, now: DateTime<Utc>) -> CheckReport {
        let r = store::safety::check(&self.conn);
        note_check(&self.path, now);
        r
    }

    /// Replaces the register by the backup `source` after verifying it, keeping the current
    /// file as a backup first, and re-applies the erasures the backup predates. On failure the
    /// register stays as it was.
    pub fn restore(&mut self, source: &Path, now: DateTime<Utc>) -> Result<RestoreReport, Error> {
        self.ensure_writable()?;
        backup::verify_backup(source)?;
        let placeholder = rusqlite::Connection::open_in_memory()?;
        let old = std::mem::replace(&mut self.conn, placeholder);
        old.close().map_err(|(_, e)| Error::Database(e))?;
        let result = backup::restore_file(&self.path, source, now);
        let access = std::mem::replace(&mut self.access, Access::Reader(None));
        let Access::Writer(lock) = access else {
            return Err(Error::Locked { holder: None });
        };
        let reopened = Register::open_inner(&self.path, now, Some(lock), false)?;
        *self = reopened;
        let mut report = result?;
        report.erasures_reapplied = self.opened.erasures_reapplied;
        Ok(report)
    }

    /// Restores a register that cannot be opened (damaged, or not a register at all) from the
    /// backup `source`; the damaged file is kept as a byte copy in `backups/`.
    pub fn restore_unopened(
        path: &Path,
        source: &Path,
        now: DateTime<Utc>,
    ) -> Result<(Register, RestoreReport), Error> {
        backup::verify_backup(source)?;
        let lock = match lock::acquire(path, &super::os_user(), now)? {
            Acquired::Held { lock, .. } => lock,
            Acquired::Busy(holder) => return Err(Error::Locked { holder }),
        };
        let mut report = backup::restore_file(path, source, now)?;
        let reg = Register::open_inner(path, now, Some(lock), false)?;
        report.erasures_reapplied = reg.opened.erasures_reapplied;
        Ok((reg, report))
    }
}
