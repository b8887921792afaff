//! Files that carry the register's data out: rosters (CSV, XLSX, PDF), attendance lists (PDF),
//! mailing lists and calendars (iCalendar). Pure functions from data to bytes (or, for PDF, to
//! a drawing list that `pdf/` renders); the register decides who is in them and records every
//! export.

pub mod csv;
pub mod extract_pdf;
pub mod ics;
pub mod roster;
pub mod roster_pdf;
pub mod xlsx;

use std::path::Path;

use crate::error::Error;

/// The path as the export log records it: absolute, so that it says where the file went.
pub fn logged_path(path: &Path) -> std::path::PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

/// Writes a file whole or not at all: to a temporary name beside it, then renamed into place.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let io = |p: &Path| {
        let p = p.to_owned();
        move |e| Error::io(p, e)
    };
    let tmp = crate::paths::beside(path, ".part");
    std::fs::write(&tmp, bytes).map_err(io(path))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(path.to_owned(), e)
    })
}
