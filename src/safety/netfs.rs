//! Is the register on a network file system? SQLite's write-ahead log keeps its index in shared
//! memory, which two computers on a network share do not share: on such a file system the
//! register uses the rollback journal instead. Linux: the mount table (`/proc/self/mountinfo`);
//! Windows: a UNC path (`\\server\share`), or a drive letter that `net use` lists as mapped
//! to one; macOS: the output of `mount`.

use std::path::Path;

/// File-system types that are network file systems.
const NETWORK_TYPES: &[&str] = &[
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb2",
    "smb3",
    "smbfs",
    "9p",
    "afs",
    "ceph",
    "glusterfs",
    "fuse.sshfs",
    "sshfs",
    "davfs",
    "fuse.davfs",
    "webdav",
    "ncpfs",
    "afpfs",
    "lustre",
];

pub fn is_network_type(fs_type: &str) -> bool {
    let t = fs_type.trim().to_ascii_lowercase();
    NETWORK_TYPES.contains(&t.as_str())
}

/// A Windows path to a share: `\\server\share\…` or `\\?\UNC\server\share\…`.
pub fn is_unc(path: &str) -> bool {
    (path.starts_with(r"\\") && !path.starts_with(r"\\?\") && !path.starts_with(r"\\.\"))
        || path.starts_with(r"\\?\UNC\")
}

/// Whether `path` (a register file or the folder it will be in) lies on a network file system.
pub fn is_network_path(path: &Path) -> bool {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    if is_unc(&abs.to_string_lossy()) {
        return true;
    }
    // Resolve symbolic links of the folder, which exists even when the file does not yet.
    let dir = abs.parent().unwrap_or(&abs);
    let real = dir.canonicalize().unwrap_or_else(|_| dir.to_owned());
    if let Ok(table) = std::fs::read_to_string("/proc/self/mountinfo") {
        return mount_type_linux(&table, &real).is_some_and(is_network_type);
    }
    if cfg!(windows)
        && let Some(letter) = drive_letter(&abs.to_string_lossy())
    {
        // A mapped network drive (H:, Z:) looks like a local path; `net use` knows better.
        let mut net = std::process::Command::new("net");
        net.arg("use");
        without_console(&mut net);
        return net.output().is_ok_and(|out| {
            mapped_drives(&String::from_utf8_lossy(&out.stdout)).contains(&letter)
        });
    }
    if cfg!(target_os = "macos")
        && let Ok(out) = std::process::Command::new("/sbin/mount").output()
    {
        let table = String::from_utf8_lossy(&out.stdout);
        return mount_type_macos(&table, &real).is_some_and(is_network_type);
    }
    false
}

/// On Windows, a command started from the app must not flash a console window.
#[cfg(windows)]
fn without_console(cmd: &mut std::process::Command) {
    use std::os::windows::process::CommandExt;
    const CREATE_NO_WINDOW: u32 = 0x0800_0000;
    cmd.creation_flags(CREATE_NO_WINDOW);
}

#[cfg(not(windows))]
fn without_console(_: &mut std::process::Command) {}

/// The drive letter of a Windows path (`Z:\…` or `\\?\Z:\…`), upper case.
pub fn drive_letter(path: &str) -> Option<char> {
    let rest = path.strip_prefix(r"\\?\").unwrap_or(path);
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        (Some(c), Some(':')) if c.is_ascii_alphabetic() => Some(c.to_ascii_uppercase()),
        _ => None,
    }
}

/// The drive letters that `net use` lists as connected to a network share. Its columns are
/// named in the computer's language ("Status Local Remote" or "Status Lokal Fjärr"), so a
/// line counts when a drive letter is followed by a `\\server\share` path, whatever the
/// headings and the status say.
pub fn mapped_drives(net_use: &str) -> Vec<char> {
    net_use
        .lines()
        .filter_map(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            words.windows(2).find_map(|w| {
                let remote = w[1].starts_with(r"\\");
                match (drive_letter(w[0]), remote, w[0].len()) {
                    (Some(letter), true, 2) => Some(letter),
                    _ => None,
                }
            })
        })
        .collect()
}

/// The type of the file system holding `path`, from a Linux `mountinfo` table: the mount with
/// the longest mount point that is a prefix of the path.
pub fn mount_type_linux<'a>(table: &'a str, path: &Path) -> Option<&'a str> {
    table
        .lines()
        .filter_map(|line| {
            let (left, right) = line.split_once(" - ")?;
            let mount_point = left.split(' ').nth(4)?;
            let fs_type = right.split(' ').next()?;
            Some((unescape_octal(mount_point), fs_type))
        })
        .filter(|(mp, _)| path.starts_with(mp))
        .max_by_key(|(mp, _)| mp.len())
        .map(|(_, t)| t)
}

/// The type from macOS `mount` output: `//user@server/share on /Volumes/share (smbfs, …)`.
pub fn mount_type_macos<'a>(table: &'a str, path: &Path) -> Option<&'a str> {
    table
        .lines()
        .filter_map(|line| {
            let (_, rest) = line.split_once(" on ")?;
            let (mount_point, opts) = rest.rsplit_once(" (")?;
            let fs_type = opts.split([',', ')']).next()?;
            Some((mount_point.to_owned(), fs_type))
        })
        .filter(|(mp, _)| path.starts_with(mp))
        .max_by_key(|(mp, _)| mp.len())
        .map(|(_, t)| t)
}

/// `mountinfo` writes space, tab, newline and backslash as `\040` and so on.
fn unescape_octal(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\'
            && i + 3 < bytes.len()
            && bytes[i + 1..i + 4]
                .iter()
                .all(|b| (b'0'..=b'7').contains(b))
        {
            let v = (bytes[i + 1] - b'0') * 64 + (bytes[i + 2] - b'0') * 8 + (bytes[i + 3] - b'0');
            out.push(v);
            i += 4;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOUNTINFO: &str = "\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 0:35 / /mnt/share rw,relatime shared:20 - cifs //srv/data rw,vers=3.0
41 22 0:36 / /home/anna/nfs\\040home rw shared:21 - nfs4 srv:/home rw
42 40 0:37 / /mnt/share/local rw shared:22 - tmpfs tmpfs rw
";

    #[test]
    fn the_longest_mount_point_decides() {
        let t = |p: &str| mount_type_linux(MOUNTINFO, Path::new(p));
        assert_eq!(t("/home/anna/register.sqlite3"), Some("ext4"));
        assert_eq!(t("/mnt/share/register.sqlite3"), Some("cifs"));
        assert_eq!(t("/mnt/share/local/register.sqlite3"), Some("tmpfs"));
        assert_eq!(t("/home/anna/nfs home/r.sqlite3"), Some("nfs4"));
        assert_eq!(t("/mnt/sharex/r.sqlite3"), Some("ext4"));
    }

    #[test]
    fn network_types_are_known() {
        for t in ["nfs", "NFS4", "cifs", "smbfs", "fuse.sshfs"] {
            assert!(is_network_type(t), "{t}");
        }
        for t in ["ext4", "apfs", "ntfs", "tmpfs", "btrfs", "fuse.portal"] {
            assert!(!is_network_type(t), "{t}");
        }
    }

    #[test]
    fn macos_mount_output_is_read() {
        let table = "/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)\n\
                     //anna@srv/data on /Volumes/data (smbfs, nodev, nosuid, mounted by anna)\n";
        assert_eq!(
            mount_type_macos(table, Path::new("/Volumes/data/r.sqlite3")),
            Some("smbfs")
        );
        assert_eq!(
            mount_type_macos(table, Path::new("/Users/anna/r.sqlite3")),
            Some("apfs")
        );
    }

    #[test]
    fn mapped_network_drives_are_read_from_net_use_in_any_language() {
        let swedish = "\
Nya anslutningar kommer att sparas.

Status       Lokal     Fjärr                     Nätverk

-------------------------------------------------------------------------------
OK           H:        \\\\fs01\\hem$\\anna           Microsoft Windows Network
Frånkopplad  Z:        \\\\lst-w.se\\data              Microsoft Windows Network
OK                     \\\\srv\\IPC$                 Microsoft Windows Network
Kommandot har slutförts.
";
        assert_eq!(mapped_drives(swedish), vec!['H', 'Z']);
        let english = "Status       Local     Remote                    Network\n\
                       OK           S:        \\\\srv\\shared              Microsoft Windows Network\n";
        assert_eq!(mapped_drives(english), vec!['S']);
        assert!(mapped_drives("There are no entries in the list.").is_empty());
    }

    #[test]
    fn drive_letters_are_read_from_windows_paths() {
        assert_eq!(drive_letter(r"z:\register.sqlite3"), Some('Z'));
        assert_eq!(drive_letter(r"\\?\H:\data\register.sqlite3"), Some('H'));
        assert_eq!(drive_letter(r"\\srv\data\register.sqlite3"), None);
        assert_eq!(drive_letter("/home/anna/register.sqlite3"), None);
    }

    #[test]
    fn unc_paths_are_shares() {
        assert!(is_unc(r"\\srv\data\register.sqlite3"));
        assert!(is_unc(r"\\?\UNC\srv\data\register.sqlite3"));
        assert!(!is_unc(r"\\?\C:\Users\anna\register.sqlite3"));
        assert!(!is_unc(r"C:\Users\anna\register.sqlite3"));
        assert!(!is_unc("/home/anna/register.sqlite3"));
    }
}
