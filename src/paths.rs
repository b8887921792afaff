//! Files that live beside another: the register's SQLite logs and lock, a backup's hash, a file
//! being written under a temporary name; what may stand at a path a file is written to.

use std::path::{Path, PathBuf};

use crate::error::{Error, FileProblem};

/// `path` with `suffix` added to its file name: `register.sqlite3` + `-wal` is
/// `register.sqlite3-wal`.
pub(crate) fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Refuses a target that is there and is not a regular file: a folder, a device (`/dev/full`),
/// a pipe, a socket or a symbolic link is never replaced by a renamed file.
pub(crate) fn check_target(path: &Path) -> Result<(), Error> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_file() => Ok(()),
        Ok(m) => Err(Error::File {
            path: Some(path.to_owned()),
            problem: if m.is_dir() {
                FileProblem::IsFolder
            } else {
                FileProblem::NotAFile
            },
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// How the export log names a written file: its absolute path (the folder a relative path was
/// given from is not recorded anywhere else), with `.` and `..` left as given.
pub fn logged(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_owned())
        .display()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_suffix_is_added_to_the_whole_file_name() {
        assert_eq!(
            beside(Path::new("/d/register.sqlite3"), "-wal"),
            Path::new("/d/register.sqlite3-wal")
        );
        assert_eq!(
            beside(Path::new("backup.v2.sqlite3"), ".sha256"),
            Path::new("backup.v2.sqlite3.sha256")
        );
    }
}
