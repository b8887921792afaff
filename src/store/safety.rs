//! The SQL of keeping the register safe: the functions every connection registers (the OS
//! user for the audit log), online copies (`VACUUM INTO`), integrity checks, and the checks a
//! backup passes before it is trusted.

use std::path::Path;

use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, OpenFlags};

use super::{APPLICATION_ID, latest_version};
use crate::error::Error;
pub use crate::safety::report::CheckReport;

/// Registers `samverkan_user()`, which the audit triggers call for the OS user. A connection
/// without it (another program) cannot change audited tables: its writes are refused.
pub fn register_functions(conn: &Connection, os_user: String) -> Result<(), Error> {
    conn.create_scalar_function(
        "samverkan_user",
        0,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        move |_| Ok(os_user.clone()),
    )?;
    Ok(())
}

/// Writes a consistent copy of the open database to `target` (which must not exist).
/// SQL text is UTF-8, so a path that is not (allowed on Unix) is written through the online
/// backup API instead, which opens the file by its bytes.
pub fn vacuum_into(conn: &Connection, target: &Path) -> Result<(), Error> {
    let written = match target.to_str() {
        Some(t) => conn.execute("VACUUM INTO ?1", [t]).map(|_| ()),
        None => conn.backup(
            rusqlite::MAIN_DB,
            target,
            None::<fn(rusqlite::backup::Progress)>,
        ),
    };
    written.map_err(|e| Error::sqlite_at(target, e))
}

/// Runs `integrity_check` and `foreign_key_check` on an open connection. A damaged file can
/// make the checks themselves fail; that is reported as a problem, not as an error.
pub fn check(conn: &Connection) -> CheckReport {
    let integrity: Result<Vec<String>, rusqlite::Error> = (|| {
        let mut stmt = conn.prepare("PRAGMA integrity_check(20)")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.collect()
    })();
    let (integrity_ok, integrity_problems) = match integrity {
        Ok(rows) if rows.len() == 1 && rows[0] == "ok" => (true, Vec::new()),
        Ok(rows) => (false, rows),
        Err(e) => (false, vec![e.to_string()]),
    };
    let fk: Result<Vec<String>, rusqlite::Error> = (|| {
        let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
        let rows = stmt.query_map([], |r| {
            let table: String = r.get(0)?;
            let rowid: Option<i64> = r.get(1)?;
            let parent: String = r.get(2)?;
            Ok(format!(
                "{table} {} → {parent}",
                rowid.map_or_else(|| "?".to_owned(), |i| i.to_string())
            ))
        })?;
        rows.collect()
    })();
    let foreign_key_problems = match fk {
        Ok(rows) => rows,
        Err(e) => vec![e.to_string()],
    };
    CheckReport {
        integrity_ok,
        integrity_problems,
        foreign_key_problems,
    }
}

/// A file checked as a register: its schema version and the checks' result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub user_version: i64,
    pub report: CheckReport,
}

/// Opens `path` read-only and checks that it is a Samverkan register this build can read and
/// that it passes both checks. The file is not modified.
pub fn verify_file(path: &Path) -> Result<Verified, Error> {
    let not_register = || Error::NotARegister {
        path: path.to_owned(),
    };
    super::inspect(path)?;
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|_| not_register())?;
    let app_id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|_| not_register())?;
    if app_id != APPLICATION_ID {
        return Err(not_register());
    }
    let user_version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|_| not_register())?;
    if user_version > latest_version() {
        return Err(Error::NewerVersion {
            found: user_version,
            supported: latest_version(),
        });
    }
    Ok(Verified {
        user_version,
        report: check(&conn),
    })
}
