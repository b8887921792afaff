//! Files that live beside another: the register's SQLite logs and lock, a backup's hash, a file
//! being written under a temporary name.

use std::path::{Path, PathBuf};

/// `path` with `suffix` added to its file name: `register.sqlite3` + `-wal` is
/// `register.sqlite3-wal`.
pub(crate) fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
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
