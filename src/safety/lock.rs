//! The writer's lock: one process writes a register at a time. The lock is an operating-system
//! file lock on `NAME.lock` beside the register (released by the OS if the process dies), and
//! the file says who holds it and since when, so that a second opener can be told. The file
//! is emptied on a clean close; finding it non-empty when taking the lock means the last
//! session ended without closing (a crash, a power cut), which calls for an integrity check.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::report::LockHolder;
use crate::error::Error;

/// The held lock; released (and the file emptied) when dropped.
#[derive(Debug)]
pub struct WriterLock {
    file: File,
    path: PathBuf,
}

/// The outcome of trying to take the lock.
#[derive(Debug)]
pub enum Acquired {
    /// Ours. `unclean` says the previous holder did not close cleanly.
    Held { lock: WriterLock, unclean: bool },
    /// Another process holds it (who, when known).
    Busy(Option<LockHolder>),
}

/// The lock file of a register: `register.sqlite3.lock`.
pub fn lock_path(register: &Path) -> PathBuf {
    crate::paths::beside(register, ".lock")
}

/// The name of this computer, for the lock file: what the system says, decided by
/// [`host_name_from`].
fn host_name() -> String {
    host_name_from(
        |k| std::env::var(k).ok(),
        || std::fs::read_to_string("/etc/hostname").ok(),
    )
}

/// The computer's name from the environment (`COMPUTERNAME` on Windows, `HOSTNAME` where a
/// shell exports it) or else `/etc/hostname` (Linux): the first that is not blank, trimmed;
/// `?` when none is.
fn host_name_from(
    env: impl Fn(&str) -> Option<String>,
    etc_hostname: impl FnOnce() -> Option<String>,
) -> String {
    ["COMPUTERNAME", "HOSTNAME"]
        .into_iter()
        .filter_map(env)
        .chain(std::iter::once_with(etc_hostname).flatten())
        .map(|h| h.trim().to_owned())
        .find(|h| !h.is_empty())
        .unwrap_or_else(|| "?".to_owned())
}

/// Tries to take the writer's lock of `register` for `user` at `now`; never waits.
pub fn acquire(register: &Path, user: &str, now: DateTime<Utc>) -> Result<Acquired, Error> {
    let path = lock_path(register);
    let io = |e| Error::io(path.clone(), e);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(io)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            let mut text = String::new();
            let holder = file
                .read_to_string(&mut text)
                .ok()
                .and_then(|_| serde_json::from_str::<LockHolder>(&text).ok());
            return Ok(Acquired::Busy(holder));
        }
        Err(TryLockError::Error(e)) => return Err(io(e)),
    }
    let mut previous = Vec::new();
    file.read_to_end(&mut previous).map_err(io)?;
    let unclean = !previous.iter().all(u8::is_ascii_whitespace);
    let holder = LockHolder {
        user: user.to_owned(),
        host: host_name(),
        pid: std::process::id(),
        since: crate::stamp::log_time(now),
    };
    let text = serde_json::to_string(&holder).unwrap_or_default();
    file.set_len(0).map_err(io)?;
    file.seek(SeekFrom::Start(0)).map_err(io)?;
    file.write_all(text.as_bytes()).map_err(io)?;
    file.sync_all().map_err(io)?;
    Ok(Acquired::Held {
        lock: WriterLock { file, path },
        unclean,
    })
}

impl WriterLock {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the lock file at the path is still the file this lock holds. When someone
    /// removed (or replaced) it, a second process can take a lock on a new file and write too.
    pub fn intact(&self) -> bool {
        let Ok(at_path) = std::fs::metadata(&self.path) else {
            return false;
        };
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            self.file
                .metadata()
                .is_ok_and(|held| held.dev() == at_path.dev() && held.ino() == at_path.ino())
        }
        #[cfg(not(unix))]
        {
            // Windows does not remove a file another handle has open.
            at_path.is_file()
        }
    }
}

impl Drop for WriterLock {
    fn drop(&mut self) {
        // Emptied, not removed: removing would let a process that opened the old file lock
        // it while a third creates a new one. An empty file means "closed cleanly".
        let _ = self.file.set_len(0);
        let _ = self.file.sync_all();
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            vars.iter()
                .find(|(name, _)| *name == k)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn the_host_name_comes_from_windows_then_the_shell_then_etc_hostname() {
        let etc = || Some("linux-box\n".to_owned());
        assert_eq!(
            host_name_from(
                env(&[("COMPUTERNAME", "LST-W-1234"), ("HOSTNAME", "x")]),
                etc
            ),
            "LST-W-1234"
        );
        assert_eq!(
            host_name_from(env(&[("HOSTNAME", " mac-anna ")]), etc),
            "mac-anna"
        );
        assert_eq!(
            host_name_from(env(&[("COMPUTERNAME", "  ")]), etc),
            "linux-box"
        );
        assert_eq!(host_name_from(env(&[]), || None), "?");
        assert_eq!(host_name_from(env(&[]), || Some("\n".into())), "?");
    }

    #[test]
    fn etc_hostname_is_read_only_when_the_environment_names_no_computer() {
        let read = std::cell::Cell::new(false);
        let etc = || {
            read.set(true);
            None
        };
        assert_eq!(host_name_from(env(&[("COMPUTERNAME", "PC")]), etc), "PC");
        assert!(!read.get());
    }

    #[test]
    fn the_lock_file_is_beside_the_register() {
        assert_eq!(
            lock_path(Path::new("/d/register.sqlite3")),
            Path::new("/d/register.sqlite3.lock")
        );
    }
}
