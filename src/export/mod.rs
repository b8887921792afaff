//! Files that carry the register's data out: rosters (CSV, XLSX, PDF), attendance lists (PDF),
//! mailing lists and calendars (iCalendar). Pure functions from data to bytes (or, for PDF, to
//! a drawing list that `pdf/` renders); the register decides who is in them and records every
//! export.

pub mod csv;
pub mod extract_pdf;
pub mod ics;
pub mod invitation;
pub mod minutes;
pub mod reminder;
pub mod roster;
pub mod roster_pdf;
pub mod xlsx;

use std::path::Path;

use crate::error::Error;
use crate::paths::check_target;

/// The path as the export log records it: absolute, so that it says where the file went.
pub fn logged_path(path: &Path) -> std::path::PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

/// Writes a file whole or not at all: to a temporary name beside it (`NAME.part`, created new,
/// so never a pipe or a link), synced, then renamed into place. The target must be a regular
/// file or a new path (`paths::check_target`); on any failure the temporary file is removed
/// and the target is as it was.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    use std::io::Write;
    write_with(path, |f| f.write_all(bytes))
}

/// [`write_file`] with the writing given: `write` fills the temporary file (tests make it fail).
fn write_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<(), Error> {
    check_target(path)?;
    let tmp = crate::paths::beside(path, ".part");
    // A `.part` left by a process that died: a regular file is ours to replace.
    if std::fs::symlink_metadata(&tmp).is_ok_and(|m| m.is_file()) {
        std::fs::remove_file(&tmp).map_err(|e| Error::io(&tmp, e))?;
    }
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| {
            write(&mut f)?;
            f.sync_all()
        });
    if let Err(e) = written {
        if e.kind() != std::io::ErrorKind::AlreadyExists {
            let _ = std::fs::remove_file(&tmp);
        }
        return Err(Error::io(path, e));
    }
    // Checked again just before the rename: the target may have changed meanwhile.
    let renamed = check_target(path)
        .and_then(|()| std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e)));
    if renamed.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    renamed
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;
    use crate::error::FileProblem;

    #[test]
    fn a_write_that_fails_leaves_no_part_file_and_the_old_file_as_it_was() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("lista.csv");
        std::fs::write(&target, "gammal").expect("write");
        let err = write_with(&target, |f| {
            f.write_all(b"halva")?;
            Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
        })
        .expect_err("the disk is full");
        assert!(matches!(
            err,
            Error::File {
                problem: FileProblem::DiskFull,
                ..
            }
        ));
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "gammal");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["lista.csv"], "no .part file is left");
    }

    #[test]
    fn a_part_file_left_by_a_dead_process_is_replaced() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("lista.csv");
        std::fs::write(crate::paths::beside(&target, ".part"), "rest").expect("write");
        write_file(&target, b"ny").expect("written");
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "ny");
        assert!(!crate::paths::beside(&target, ".part").exists());
    }
}
