//! The only place with SQL. Opening a register (pragmas, checks, migrations), and one module
//! per table with read functions taking `&Connection` and writes meant to run inside the
//! caller's transaction.

pub mod agenda;
pub mod appointments;
pub mod audit;
pub mod contacts;
pub mod exports;
pub mod forms;
pub mod groups;
pub mod import;
pub mod invitations;
pub mod meetings;
pub mod minutes;
pub mod organisations;
pub mod people;
pub mod reminders;
pub mod report;
pub mod safety;
pub mod seats;
pub mod settings;

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::{Connection, OpenFlags};

use crate::error::Error;
use crate::model::{Email, GroupKind, Name, OrgKind, OrgNumber, Phone, Role};
use crate::paths::beside;

/// Marks a SQLite file as a Samverkan register (`PRAGMA application_id`, "SVKN").
pub const APPLICATION_ID: i64 = 0x5356_4B4E;

/// A schema migration: append-only, numbered, each run in its own transaction.
#[derive(Debug)]
pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
    /// Run before the SQL, in its transaction: refuses a register the migration cannot
    /// carry over exactly.
    pub check: Option<MigrationCheck>,
}

/// A check run before a migration's SQL.
pub type MigrationCheck = fn(&Connection) -> Result<(), Error>;

/// Every migration, in order. Never edit one that has landed; add a new one.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "0001_register",
        sql: include_str!("migrations/0001_register.sql"),
        check: None,
    },
    Migration {
        version: 2,
        name: "0002_export_log",
        sql: include_str!("migrations/0002_export_log.sql"),
        check: None,
    },
    Migration {
        version: 3,
        name: "0003_forms",
        sql: include_str!("migrations/0003_forms.sql"),
        check: None,
    },
    Migration {
        version: 4,
        name: "0004_meetings",
        sql: include_str!("migrations/0004_meetings.sql"),
        check: None,
    },
    Migration {
        version: 5,
        name: "0005_safety",
        sql: include_str!("migrations/0005_safety.sql"),
        check: None,
    },
    Migration {
        version: 6,
        name: "0006_audit_meetings_forms",
        sql: include_str!("migrations/0006_audit_meetings_forms.sql"),
        check: None,
    },
    Migration {
        version: 7,
        name: "0007_seats",
        sql: include_str!("migrations/0007_seats.sql"),
        check: Some(seats_mappable),
    },
    Migration {
        version: 8,
        name: "0008_export_refs",
        sql: include_str!("migrations/0008_export_refs.sql"),
        check: None,
    },
    Migration {
        version: 9,
        name: "0009_protected_contacts",
        sql: include_str!("migrations/0009_protected_contacts.sql"),
        check: None,
    },
    Migration {
        version: 10,
        name: "0010_agenda",
        sql: include_str!("migrations/0010_agenda.sql"),
        check: None,
    },
    Migration {
        version: 11,
        name: "0011_invitations",
        sql: include_str!("migrations/0011_invitations.sql"),
        check: None,
    },
    Migration {
        version: 12,
        name: "0012_minutes",
        sql: include_str!("migrations/0012_minutes.sql"),
        check: None,
    },
    Migration {
        version: 13,
        name: "0013_reminders",
        sql: include_str!("migrations/0013_reminders.sql"),
        check: None,
    },
];

/// 0007 gives every appointment a seat; two appointments that would hold one seat on one day
/// make that impossible without guessing.
fn seats_mappable(conn: &Connection) -> Result<(), Error> {
    match seats::unmappable(conn)? {
        None => Ok(()),
        Some((group, organisation, role, first, second)) => Err(Error::SeatsUnmappable {
            group,
            organisation,
            role,
            first,
            second,
        }),
    }
}

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// What an existing file turned out to be, read without writing to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileInfo {
    pub user_version: i64,
    /// The file is shorter than its header records, and a write-ahead log or rollback journal
    /// lies beside it: a writer was killed while copying its pages back, and SQLite completes
    /// the file from the log. Such a file is checked before it is used.
    pub recovers_from_log: bool,
}

/// Looks at an existing file read-only: is it a register, and of which version? The file is
/// never modified by this, whatever it holds.
pub fn inspect(path: &Path) -> Result<FileInfo, Error> {
    let not_register = || Error::NotARegister {
        path: path.to_owned(),
    };
    let meta = fs::metadata(path).map_err(|e| Error::io(path.to_owned(), e))?;
    if !meta.is_file() || meta.len() == 0 {
        return Err(not_register());
    }
    let short = is_shorter_than_its_header(path, meta.len());
    let recovers_from_log = short && has_pending_log(path);
    if short && !recovers_from_log {
        return Err(not_register());
    }
    // Reading a file in write-ahead-log mode makes SQLite create its log and shared memory
    // beside it, even read-only. A refused file is left as it was found: what this created is
    // removed again (an empty log only; one with data was there before).
    let had: Vec<bool> = ["-wal", "-shm"]
        .iter()
        .map(|s| beside(path, s).exists())
        .collect();
    let refuse = |conn: Connection, e: Error| {
        drop(conn);
        let wal = beside(path, "-wal");
        let wal_has_data = fs::metadata(&wal).is_ok_and(|m| m.len() > 0);
        if !wal_has_data {
            for (suffix, existed) in ["-wal", "-shm"].iter().zip(&had) {
                if !existed {
                    let _ = fs::remove_file(beside(path, suffix));
                }
            }
        }
        Err(e)
    };
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|_| not_register())?;
    let versions = conn
        .pragma_query_value(None, "application_id", |r| r.get::<_, i64>(0))
        .and_then(|a| {
            Ok((
                a,
                conn.pragma_query_value(None, "user_version", |r| r.get(0))?,
            ))
        });
    let (app_id, user_version): (i64, i64) = match versions {
        Ok(v) => v,
        Err(_) => return refuse(conn, not_register()),
    };
    if app_id != APPLICATION_ID {
        return refuse(conn, not_register());
    }
    if user_version > latest_version() {
        return refuse(
            conn,
            Error::NewerVersion {
                found: user_version,
                supported: latest_version(),
            },
        );
    }
    // A file that is to be migrated must hold exactly the schema of its version: one whose
    // version number was lowered (by hand, or by a foreign tool) would otherwise be backed up
    // and migrated on every opening, failing each time on objects that already exist.
    if user_version < latest_version() && !schema_is_of_version(&conn, user_version) {
        return refuse(conn, not_register());
    }
    Ok(FileInfo {
        user_version,
        recovers_from_log,
    })
}

/// The names of a database's tables, indexes, triggers and views.
fn schema_names(
    conn: &Connection,
) -> rusqlite::Result<std::collections::BTreeSet<(String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 1, 2",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// Whether `conn` holds the tables, indexes, triggers and views that the migrations up to
/// `version` make, no more and no fewer (compared with a fresh database in memory).
fn schema_is_of_version(conn: &Connection, version: i64) -> bool {
    let expected = (|| {
        let mut fresh = Connection::open_in_memory()?;
        safety::register_functions(&fresh, String::new())?;
        for m in MIGRATIONS.iter().filter(|m| m.version <= version) {
            let tx = fresh.transaction()?;
            tx.execute_batch(m.sql)?;
            tx.commit()?;
        }
        Ok::<_, Error>(schema_names(&fresh)?)
    })();
    match (expected, schema_names(conn)) {
        (Ok(expected), Ok(found)) => expected == found,
        _ => false,
    }
}

/// Whether a non-empty write-ahead log or rollback journal lies beside the file.
fn has_pending_log(path: &Path) -> bool {
    ["-wal", "-journal"]
        .iter()
        .any(|suffix| fs::metadata(beside(path, suffix)).is_ok_and(|m| m.len() > 0))
}

/// Whether the file is shorter than the size its SQLite header records: a file cut off by a
/// failed copy, or one whose writer was killed in the middle of a checkpoint (page 1 is copied
/// back before the pages that extend the file). Read from the header bytes alone; the file is
/// not opened by SQLite.
fn is_shorter_than_its_header(path: &Path, len: u64) -> bool {
    use std::io::Read;
    let mut header = [0u8; 100];
    let Ok(mut f) = fs::File::open(path) else {
        return false;
    };
    if f.read_exact(&mut header).is_err() {
        // Shorter than a header: SQLite itself will refuse it.
        return false;
    }
    if &header[..16] != b"SQLite format 3\0" {
        return false;
    }
    let be32 =
        |i: usize| u32::from_be_bytes([header[i], header[i + 1], header[i + 2], header[i + 3]]);
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536u64,
        n => u64::from(n),
    };
    // The in-header size is valid only when the version-valid-for number matches the change
    // counter (SQLite's own rule).
    let pages = u64::from(be32(28));
    pages > 0 && be32(92) == be32(24) && len < pages * page_size
}

/// How to open a register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenMode {
    /// Another process holds the register: read, never write (no migration either).
    pub read_only: bool,
    /// Write-ahead logging; off on network file systems, where its shared memory is unsafe.
    pub wal: bool,
}

impl Default for OpenMode {
    fn default() -> OpenMode {
        OpenMode {
            read_only: false,
            wal: true,
        }
    }
}

/// Sets the connection's pragmas: foreign keys enforced, a wait when another process writes,
/// full sync (a lost appointment costs more than a slow write), write-ahead logging (except on
/// network file systems), erased data overwritten on disk, and the OS user for the audit log.
fn configure(conn: &Connection, mode: OpenMode) -> Result<(), Error> {
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    if !mode.read_only {
        let journal = if mode.wal { "WAL" } else { "DELETE" };
        conn.pragma_update(None, "journal_mode", journal)?;
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    // SQLite's page cache, at most 32 MiB a connection (the default is 2 MiB): a yearly report
    // over 10,000 organisations and 20 years reads the same pages many times.
    conn.pragma_update(None, "cache_size", -32_768)?;
    safety::register_functions(conn, crate::stamp::os_user())?;
    Ok(())
}

/// Opens an existing register in `mode`. For writing, `before` is called with what the file
/// turned out to be (its version) before anything is written (to check the file, and to back it up when a migration
/// follows); an error from it stops the opening. A read-only opening never migrates.
pub fn open_with(
    path: &Path,
    mode: OpenMode,
    before: impl FnOnce(&Connection, FileInfo) -> Result<(), Error>,
) -> Result<Connection, Error> {
    let info = inspect(path)?;
    if mode.read_only {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        configure(&conn, mode)?;
        return Ok(conn);
    }
    let mut conn = Connection::open(path)?;
    configure(&conn, mode)?;
    before(&conn, info)?;
    if info.user_version < latest_version() {
        migrate(&mut conn)?;
    }
    Ok(conn)
}

/// Creates a new, empty register at a temporary path beside `path`, lets `fill` write its
/// first contents in one transaction, and moves it into place only when all went well: a
/// failed creation leaves nothing behind.
pub fn create(
    path: &Path,
    fill: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<(), Error>,
) -> Result<(), Error> {
    let io = |p: &Path| {
        let p = p.to_owned();
        move |e| Error::io(p, e)
    };
    if path.exists() {
        return Err(Error::RegisterExists {
            path: path.to_owned(),
        });
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(io(dir))?;
    }
    let tmp = temp_path(path);
    remove_sqlite_files(&tmp);
    let result = (|| {
        let mut conn = Connection::open(&tmp)?;
        configure(&conn, OpenMode::default())?;
        migrate(&mut conn)?;
        let tx = conn.transaction()?;
        fill(&tx)?;
        tx.commit()?;
        // Fold the write-ahead log into the file so that one file is moved into place.
        conn.pragma_update(None, "wal_checkpoint", "TRUNCATE")?;
        conn.close().map_err(|(_, e)| Error::Database(e))?;
        Ok::<(), Error>(())
    })();
    if let Err(e) = result {
        remove_sqlite_files(&tmp);
        return Err(e);
    }
    if path.exists() {
        remove_sqlite_files(&tmp);
        return Err(Error::RegisterExists {
            path: path.to_owned(),
        });
    }
    fs::rename(&tmp, path).map_err(io(path))?;
    remove_sqlite_files(&tmp);
    Ok(())
}

fn temp_path(path: &Path) -> PathBuf {
    beside(path, ".creating")
}

/// Removes the write-ahead log, its shared memory and the rollback journal beside `path`.
pub(crate) fn remove_logs(path: &Path) {
    for suffix in ["-wal", "-shm", "-journal"] {
        let _ = fs::remove_file(beside(path, suffix));
    }
}

fn remove_sqlite_files(path: &Path) {
    let _ = fs::remove_file(path);
    remove_logs(path);
}

/// Runs every migration newer than the file's version, each in its own transaction that also
/// sets `user_version`, so a failed migration leaves the file at the previous version.
pub fn migrate(conn: &mut Connection) -> Result<(), Error> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if current > latest_version() {
        return Err(Error::NewerVersion {
            found: current,
            supported: latest_version(),
        });
    }
    for m in MIGRATIONS.iter().filter(|m| m.version > current) {
        let tx = conn.transaction()?;
        if let Some(check) = m.check {
            check(&tx)?;
        }
        tx.execute_batch(m.sql)
            .map_err(|source| Error::MigrationFailed {
                version: m.version,
                source,
            })?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", m.version)?;
        tx.commit()?;
    }
    Ok(())
}

/// Whether an error is a violated constraint (UNIQUE, CHECK, a trigger's RAISE…).
pub(crate) fn is_constraint(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation)
}

macro_rules! sql_code {
    ($ty:ty) => {
        impl ToSql for $ty {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.code()))
            }
        }
        impl FromSql for $ty {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let s = value.as_str()?;
                <$ty>::from_code(s)
                    .ok_or_else(|| FromSqlError::Other(format!("unknown code {s:?}").into()))
            }
        }
    };
}
sql_code!(OrgKind);
sql_code!(GroupKind);
sql_code!(Role);
sql_code!(crate::model::MeetingStatus);
sql_code!(crate::model::AttendanceStatus);
sql_code!(crate::model::AgendaKind);

macro_rules! sql_text {
    ($ty:ty) => {
        impl ToSql for $ty {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }
    };
}
sql_text!(Name);
sql_text!(Email);
sql_text!(Phone);
sql_text!(OrgNumber);
