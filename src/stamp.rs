//! The stamps of the logs: who (the operating-system user) and when (a UTC moment as the logs
//! store it, and as people read it on a zone's clocks). Below the store and the register, so
//! that the store's connection, the lock, the backups and the log all stamp the same way.

use chrono::{DateTime, SecondsFormat, Utc};

use crate::zone::Zone;

/// The name of the operating-system user running Samverkan, for the logs: the login name
/// from the environment, else the account's name asked of the operating system (a process
/// started without USER, as by a launcher or a test driver, still logs who it runs as).
pub fn os_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .into_iter()
        .filter_map(|k| std::env::var(k).ok())
        // Asked of the system only when the environment does not say (it reads /etc/passwd).
        .chain(std::iter::once_with(|| whoami::username().ok()).flatten())
        .map(|u| u.trim().to_owned())
        .find(|u| !u.is_empty())
        .unwrap_or_else(|| "?".to_owned())
}

/// A timestamp as the logs store it: UTC, RFC 3339, whole seconds.
pub fn log_time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A stored UTC moment ("2026-11-22T08:15:00Z") on the zone's clocks: "2026-11-22 09:15"
/// (with `seconds`, "2026-11-22 09:15:00"). Text that is no such moment is shown as it is.
pub fn local_time(at: &str, zone: Zone, seconds: bool) -> String {
    let format = if seconds {
        "%Y-%m-%d %H:%M:%S"
    } else {
        "%Y-%m-%d %H:%M"
    };
    match DateTime::parse_from_rfc3339(at) {
        Ok(t) => zone.local(t.with_timezone(&Utc)).format(format).to_string(),
        Err(_) => at.to_owned(),
    }
}
