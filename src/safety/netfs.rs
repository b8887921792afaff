//! Is the register on a network file system? SQLite's write-ahead log keeps its index in shared
//! memory, which two computers on a network share do not share: on such a file system the
//! register uses the rollback journal instead. Linux: the mount table (`/proc/self/mountinfo`);
//! Windows: a UNC path (`\\server\share`); macOS: the output of `mount`.

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
    if cfg!(target_os = "macos")
        && let Ok(out) = std::process::Command::new("/sbin/mount").output()
    {
        let table = String::from_utf8_lossy(&out.stdout);
        return mount_type_macos(&table, &real).is_some_and(is_network_type);
    }
    false
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
    fn unc_paths_are_shares() {
        assert!(is_unc(r"\\srv\data\register.sqlite3"));
        assert!(is_unc(r"\\?\UNC\srv\data\register.sqlite3"));
        assert!(!is_unc(r"\\?\C:\Users\anna\register.sqlite3"));
        assert!(!is_unc(r"C:\Users\anna\register.sqlite3"));
        assert!(!is_unc("/home/anna/register.sqlite3"));
    }
}
