//! Backups: consistent copies of the live register (`VACUUM INTO`, never a file copy), each
//! verified after writing (it opens as a register and passes `integrity_check` and
//! `foreign_key_check`) with its SHA-256 written beside it (`NAME.sha256`, the `sha256sum`
//! format). Kept in `backups/` beside the register under names that carry the time (UTC) and
//! the reason, and rotated: the newest of each of the last 7 days, 4 weeks and 12 months, and
//! the 10 newest whatever their age. Restoring verifies the chosen file first and keeps the
//! current register as a backup (a damaged one as a byte copy, since it cannot be opened).

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDateTime, TimeDelta, Utc};
use rusqlite::Connection;
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::report::CheckReport;
use crate::error::Error;
use crate::paths::{beside, check_target};
use crate::store;

/// Why a backup was made. Part of its file name; append new reasons, never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum BackupReason {
    /// The daily backup made when the register is opened.
    Daily,
    /// Asked for by the coordinator.
    Manual,
    BeforeMigration,
    BeforeRestore,
    BeforeImport,
    /// A register that could not be opened, copied byte for byte before a restore replaced it.
    Damaged,
}

impl BackupReason {
    pub const ALL: [BackupReason; 6] = [
        BackupReason::Daily,
        BackupReason::Manual,
        BackupReason::BeforeMigration,
        BackupReason::BeforeRestore,
        BackupReason::BeforeImport,
        BackupReason::Damaged,
    ];

    pub fn code(self) -> &'static str {
        match self {
            BackupReason::Daily => "daily",
            BackupReason::Manual => "manual",
            BackupReason::BeforeMigration => "before-migration",
            BackupReason::BeforeRestore => "before-restore",
            BackupReason::BeforeImport => "before-import",
            BackupReason::Damaged => "damaged",
        }
    }

    pub fn from_code(s: &str) -> Option<BackupReason> {
        BackupReason::ALL.into_iter().find(|r| r.code() == s)
    }
}

/// One backup in the `backups/` folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupInfo {
    pub path: String,
    pub file_name: String,
    /// When it was made, UTC, RFC 3339.
    pub at: String,
    pub reason: BackupReason,
    #[ts(type = "number")]
    pub size: u64,
    /// The SHA-256 recorded when it was written (hex), if its record is there.
    pub sha256: Option<String>,
}

/// The folder of a register's backups.
pub fn backup_dir(register: &Path) -> PathBuf {
    register
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups")
}

fn stem(register: &Path) -> String {
    register
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "register".to_owned())
}

const STAMP: &str = "%Y%m%dT%H%M%SZ";

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |e| Error::io(path.to_owned(), e)
}

/// The SHA-256 of a file, hex.
pub fn sha256_file(path: &Path) -> Result<String, Error> {
    let mut f = fs::File::open(path).map_err(io(path))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = f.read(&mut buf).map_err(io(path))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

fn sidecar(path: &Path) -> PathBuf {
    beside(path, ".sha256")
}

/// The recorded hash of a backup, from its `.sha256` file.
fn recorded_hash(path: &Path) -> Option<String> {
    let text = fs::read_to_string(sidecar(path)).ok()?;
    let hash = text.split_whitespace().next()?;
    (hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit())).then(|| hash.to_owned())
}

/// Checks a freshly written copy and records its hash; a copy that fails is removed.
fn seal(path: &Path) -> Result<String, Error> {
    let verified = store::safety::verify_file(path);
    match verified {
        Ok(v) if v.report.ok() => {}
        Ok(v) => {
            let _ = fs::remove_file(path);
            return Err(Error::BackupFailed {
                path: path.to_owned(),
                report: v.report,
            });
        }
        Err(e) => {
            let _ = fs::remove_file(path);
            return Err(e);
        }
    }
    let hash = sha256_file(path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let record = sidecar(path);
    if let Err(e) = fs::write(&record, format!("{hash}  {name}\n")) {
        let _ = fs::remove_file(&record);
        return Err(io(&record)(e));
    }
    Ok(hash)
}

/// A free name in the folder for a backup made at `at` for `reason`.
fn new_backup_path(register: &Path, at: DateTime<Utc>, reason: BackupReason) -> PathBuf {
    let dir = backup_dir(register);
    let base = format!("{}-{}-{}", stem(register), at.format(STAMP), reason.code());
    let mut candidate = dir.join(format!("{base}.sqlite3"));
    let mut n = 2;
    while candidate.exists() {
        candidate = dir.join(format!("{base}-{n}.sqlite3"));
        n += 1;
    }
    candidate
}

/// Writes a verified backup of the open register into its `backups/` folder, then rotates the
/// folder.
pub fn backup_to_folder(
    conn: &Connection,
    register: &Path,
    reason: BackupReason,
    now: DateTime<Utc>,
) -> Result<BackupInfo, Error> {
    backup_to_folder_with(register, reason, now, |target| {
        store::safety::vacuum_into(conn, target)
    })
}

/// [`backup_to_folder`] with the copying given (tests make it fail). A copy that fails, or
/// fails its checks, or whose hash cannot be recorded, is removed: only a verified backup is
/// left in the folder, so a failed one never stands in for the daily backup.
fn backup_to_folder_with(
    register: &Path,
    reason: BackupReason,
    now: DateTime<Utc>,
    copy: impl FnOnce(&Path) -> Result<(), Error>,
) -> Result<BackupInfo, Error> {
    let dir = backup_dir(register);
    fs::create_dir_all(&dir).map_err(io(&dir))?;
    let target = new_backup_path(register, now, reason);
    let sealed = copy(&target)
        .and_then(|()| seal(&target))
        .and_then(|hash| describe(&target, now, reason, Some(hash)));
    let info = match sealed {
        Ok(info) => info,
        Err(e) => {
            let _ = fs::remove_file(&target);
            let _ = fs::remove_file(sidecar(&target));
            return Err(e);
        }
    };
    rotate(register, now)?;
    Ok(info)
}

/// Writes a verified backup of the open register to a file the coordinator chose (never
/// overwriting one). It is not rotated.
pub fn backup_to_file(
    conn: &Connection,
    target: &Path,
    now: DateTime<Utc>,
) -> Result<BackupInfo, Error> {
    check_target(target)?;
    if fs::symlink_metadata(target).is_ok() {
        return Err(Error::RegisterExists {
            path: target.to_owned(),
        });
    }
    store::safety::vacuum_into(conn, target)?;
    let hash = seal(target)?;
    describe(target, now, BackupReason::Manual, Some(hash))
}

fn describe(
    path: &Path,
    at: DateTime<Utc>,
    reason: BackupReason,
    sha256: Option<String>,
) -> Result<BackupInfo, Error> {
    let size = fs::metadata(path).map_err(io(path))?.len();
    Ok(BackupInfo {
        path: path.display().to_string(),
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        at: crate::stamp::log_time(at),
        reason,
        size,
        sha256,
    })
}

/// Reads a backup's time and reason from its name: `STEM-YYYYMMDDTHHMMSSZ-REASON[-N].sqlite3`.
fn parse_name(register_stem: &str, name: &str) -> Option<(DateTime<Utc>, BackupReason)> {
    let rest = name
        .strip_prefix(register_stem)?
        .strip_prefix('-')?
        .strip_suffix(".sqlite3")?;
    let (stamp, reason) = rest.split_once('-')?;
    let at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
    let reason = BackupReason::from_code(reason).or_else(|| {
        let (r, n) = reason.rsplit_once('-')?;
        n.parse::<u32>().ok()?;
        BackupReason::from_code(r)
    })?;
    Some((at, reason))
}

/// The register's backups, newest first: those verified when written (their hash recorded)
/// and the byte copies of damaged registers.
pub fn list(register: &Path) -> Result<Vec<BackupInfo>, Error> {
    let dir = backup_dir(register);
    let entries = match fs::read_dir(&dir) {
        Ok(e) => e,
        // No folder, or a file in its place: no backups (the next one reports the file).
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(Vec::new());
        }
        Err(e) => return Err(io(&dir)(e)),
    };
    let stem = stem(register);
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((at, reason)) = parse_name(&stem, &name) else {
            continue;
        };
        let path = entry.path();
        if !path.is_file() {
            continue;
        }
        // Only a backup that passed its checks has its hash recorded: anything else in the
        // folder (a copy a full disk cut short) is not a backup. Damaged copies have none.
        let hash = recorded_hash(&path);
        if hash.is_none() && reason != BackupReason::Damaged {
            continue;
        }
        out.push(describe(&path, at, reason, hash)?);
    }
    out.sort_by(|a, b| b.at.cmp(&a.at).then(b.file_name.cmp(&a.file_name)));
    Ok(out)
}

/// The newest backup that is a good register: its hash matches the record, it opens, and it
/// passes both checks. Used to offer a way out when the register itself cannot be opened.
pub fn newest_good(register: &Path) -> Option<BackupInfo> {
    list(register)
        .ok()?
        .into_iter()
        .find(|b| b.reason != BackupReason::Damaged && verify_backup(Path::new(&b.path)).is_ok())
}

/// Checks a backup before it is trusted: the recorded hash (when there is one) matches, it is
/// a register this build reads, and it passes both checks.
pub fn verify_backup(path: &Path) -> Result<CheckReport, Error> {
    if let Some(recorded) = recorded_hash(path)
        && sha256_file(path)? != recorded
    {
        return Err(Error::BackupDamaged {
            path: path.to_owned(),
        });
    }
    let v = store::safety::verify_file(path)?;
    if !v.report.ok() {
        return Err(Error::BackupFailed {
            path: path.to_owned(),
            report: v.report,
        });
    }
    Ok(v.report)
}

/// When the newest backup (other than a damaged copy) was made.
pub fn last_backup_at(register: &Path) -> Result<Option<DateTime<Utc>>, Error> {
    Ok(list(register)?
        .into_iter()
        .filter(|b| b.reason != BackupReason::Damaged)
        .filter_map(|b| DateTime::parse_from_rfc3339(&b.at).ok())
        .map(|d| d.with_timezone(&Utc))
        .max())
}

/// Whether the daily backup is due: none yet, or the newest is a day old or more.
pub fn daily_due(register: &Path, now: DateTime<Utc>) -> Result<bool, Error> {
    Ok(last_backup_at(register)?.is_none_or(|last| now - last >= TimeDelta::days(1)))
}

/// Which of the backups (time of each) rotation keeps: the newest of each of the 7 newest
/// days, 4 newest ISO weeks and 12 newest months, and the 10 newest overall.
pub fn keep_set(times: &[DateTime<Utc>]) -> BTreeSet<DateTime<Utc>> {
    let mut sorted: Vec<DateTime<Utc>> = times.to_vec();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    sorted.dedup();
    let mut keep: BTreeSet<DateTime<Utc>> = sorted.iter().take(10).copied().collect();
    let mut bucket = |key: &dyn Fn(&DateTime<Utc>) -> (i32, u32), n: usize| {
        let mut seen = Vec::new();
        for t in &sorted {
            let k = key(t);
            if !seen.contains(&k) {
                if seen.len() == n {
                    break;
                }
                seen.push(k);
                keep.insert(*t);
            }
        }
    };
    bucket(&|t| (t.year(), t.ordinal()), 7);
    bucket(
        &|t| {
            let w = t.iso_week();
            (w.year(), w.week())
        },
        4,
    );
    bucket(&|t| (t.year(), t.month()), 12);
    keep
}

/// Removes the backups rotation does not keep (with their hash records). Copies of damaged
/// registers are never removed automatically.
pub fn rotate(register: &Path, _now: DateTime<Utc>) -> Result<Vec<String>, Error> {
    let all: Vec<(DateTime<Utc>, BackupInfo)> = list(register)?
        .into_iter()
        .filter(|b| b.reason != BackupReason::Damaged)
        .filter_map(|b| {
            DateTime::parse_from_rfc3339(&b.at)
                .ok()
                .map(|d| (d.with_timezone(&Utc), b))
        })
        .collect();
    let times: Vec<_> = all.iter().map(|(t, _)| *t).collect();
    let keep = keep_set(&times);
    let mut removed = Vec::new();
    for (t, b) in all {
        if keep.contains(&t) {
            continue;
        }
        let p = PathBuf::from(&b.path);
        fs::remove_file(&p).map_err(io(&p))?;
        let _ = fs::remove_file(sidecar(&p));
        removed.push(b.file_name);
    }
    Ok(removed)
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RestoreReport {
    /// The backup now in place.
    pub restored_from: String,
    /// Where the register as it was before the restore was kept.
    pub previous_kept_as: Option<String>,
    /// Erasures re-applied to the restored register (people anonymised after the backup).
    pub erasures_reapplied: usize,
}

/// Replaces the register at `register` by the backup at `source`, which is verified first.
/// The current file is kept in `backups/` first (an online copy if it opens, a byte copy if it
/// is damaged). The caller holds the writer's lock and has closed its connection.
pub fn restore_file(
    register: &Path,
    source: &Path,
    now: DateTime<Utc>,
) -> Result<RestoreReport, Error> {
    verify_backup(source)?;
    let dir = backup_dir(register);
    fs::create_dir_all(&dir).map_err(io(&dir))?;
    let previous = if register.exists() {
        match store::inspect(register).and_then(|_| store::safety::verify_file(register)) {
            Ok(v) if v.report.ok() => {
                let conn = Connection::open_with_flags(
                    register,
                    rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
                )?;
                let target = new_backup_path(register, now, BackupReason::BeforeRestore);
                store::safety::vacuum_into(&conn, &target)?;
                drop(conn);
                seal(&target)?;
                Some(target)
            }
            _ => {
                let target = new_backup_path(register, now, BackupReason::Damaged);
                fs::copy(register, &target).map_err(io(&target))?;
                Some(target)
            }
        }
    } else {
        None
    };
    // The backup is not a live database: a byte copy to a temporary name, checked again,
    // then renamed over the register.
    let tmp = beside(register, ".restoring");
    fs::copy(source, &tmp).map_err(io(&tmp))?;
    if let Err(e) = verify_backup(&tmp) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    store::remove_logs(register);
    fs::rename(&tmp, register).map_err(io(register))?;
    Ok(RestoreReport {
        restored_from: source.display().to_string(),
        previous_kept_as: previous.map(|p| p.display().to_string()),
        erasures_reapplied: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .map(|d| d.with_timezone(&Utc))
            .expect("time")
    }

    #[test]
    fn names_carry_time_and_reason() {
        let (at, r) = parse_name(
            "register",
            "register-20261122T083015Z-before-import.sqlite3",
        )
        .expect("parsed");
        assert_eq!(at, t("2026-11-22T08:30:15Z"));
        assert_eq!(r, BackupReason::BeforeImport);
        let (_, r) =
            parse_name("register", "register-20261122T083015Z-daily-3.sqlite3").expect("parsed");
        assert_eq!(r, BackupReason::Daily);
        assert_eq!(parse_name("register", "register-x-daily.sqlite3"), None);
        assert_eq!(
            parse_name("other", "register-20261122T083015Z-daily.sqlite3"),
            None
        );
        assert_eq!(
            parse_name("register", "register-20261122T083015Z-nonsense.sqlite3"),
            None
        );
    }

    #[test]
    fn rotation_keeps_days_weeks_months_and_the_ten_newest() {
        // One backup a day for two years, the newest on 2026-11-22.
        let newest = t("2026-11-22T09:00:00Z");
        let times: Vec<_> = (0..730).map(|d| newest - TimeDelta::days(d)).collect();
        let keep = keep_set(&times);
        // The ten newest days, then weekly (Sundays) and monthly (last days) further back.
        for d in 0..10 {
            assert!(keep.contains(&(newest - TimeDelta::days(d))), "day {d}");
        }
        assert!(!keep.contains(&(newest - TimeDelta::days(10))));
        // 12 months: November 2026 back to December 2025, each kept by its last day.
        assert!(keep.contains(&t("2025-12-31T09:00:00Z")));
        assert!(!keep.contains(&t("2025-11-30T09:00:00Z")));
        assert!(keep.len() <= 10 + 4 + 12, "{}", keep.len());
        assert!(keep.len() >= 12);
        // Nothing older than a year and a bit.
        assert!(keep.iter().all(|k| *k > t("2025-11-30T23:59:59Z")));
    }

    #[test]
    fn a_few_backups_are_all_kept() {
        let times = vec![t("2026-11-01T10:00:00Z"), t("2026-11-02T10:00:00Z")];
        assert_eq!(keep_set(&times).len(), 2);
    }

    #[test]
    fn a_backup_cut_short_by_a_full_disk_is_removed_and_the_daily_one_stays_due() {
        let dir = tempfile::tempdir().expect("temp dir");
        let register = dir.path().join("register.sqlite3");
        let now = t("2026-11-22T08:00:00Z");
        let err = backup_to_folder_with(&register, BackupReason::Daily, now, |target| {
            fs::write(target, b"").map_err(io(target))?;
            Err(Error::io(
                target,
                std::io::Error::from(std::io::ErrorKind::StorageFull),
            ))
        })
        .expect_err("the disk is full");
        assert!(err.is_user_error(), "{err:?}");
        let left: Vec<_> = fs::read_dir(backup_dir(&register))
            .expect("folder")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert!(left.is_empty(), "the failed copy is removed: {left:?}");
        assert!(
            daily_due(&register, now).expect("due"),
            "the next start tries again"
        );
        // A copy that is written but does not verify does not count either.
        let made = backup_to_folder_with(&register, BackupReason::Daily, now, |target| {
            fs::write(target, b"x").map_err(io(target))
        });
        assert!(made.is_err());
        assert!(list(&register).expect("list").is_empty());
    }

    #[test]
    fn a_file_without_a_hash_record_is_not_listed_as_a_backup() {
        let dir = tempfile::tempdir().expect("temp dir");
        let register = dir.path().join("register.sqlite3");
        let folder = backup_dir(&register);
        fs::create_dir_all(&folder).expect("folder");
        // What a full disk left behind in an earlier version.
        fs::write(folder.join("register-20261121T080000Z-daily.sqlite3"), b"").expect("write");
        fs::write(
            folder.join("register-20261120T080000Z-damaged.sqlite3"),
            b"x",
        )
        .expect("write");
        let listed: Vec<_> = list(&register)
            .expect("list")
            .into_iter()
            .map(|b| b.reason)
            .collect();
        assert_eq!(listed, [BackupReason::Damaged]);
        assert!(daily_due(&register, t("2026-11-21T09:00:00Z")).expect("due"));
    }

    #[test]
    fn reasons_round_trip() {
        for r in BackupReason::ALL {
            assert_eq!(BackupReason::from_code(r.code()), Some(r));
        }
    }
}
