//! Is the register on a network file system? SQLite's write-ahead log keeps its index in shared
//! memory, which two computers on a network share do not share: on such a file system the
//! register uses the rollback journal instead. Linux: the mount table (`/proc/self/mountinfo`,
//! or `/proc/mounts`); Windows: a UNC path (`\\server\share`), or a drive letter that `net use`
//! lists as mapped to one; macOS: the output of `mount`. What the system says is gathered in
//! [`Facts`] (the only code that asks it) and decided by [`on_network`] from text, so that every
//! system's rules are tested on any of them.

use std::path::{Path, PathBuf};

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

/// Whether `path` (a register file or the folder it will be in) lies on a network file system:
/// what the system says ([`Facts::of`]), decided by [`on_network`].
pub fn is_network_path(path: &Path) -> bool {
    on_network(&Facts::of(path))
}

/// What the system says about where a path lies; each table is there only where the system
/// has it (the mount table on Linux, `net use` for a drive letter on Windows, `mount` on
/// macOS).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// The path made absolute, as text (on Windows `Z:\…` or `\\server\share\…`).
    pub absolute: String,
    /// Its folder with symbolic links resolved (the folder exists even when the file does not
    /// yet); the folder as given when it cannot be resolved.
    pub real_dir: PathBuf,
    /// Linux: `/proc/self/mountinfo`.
    pub mountinfo: Option<String>,
    /// Linux, when `mountinfo` cannot be read: `/proc/mounts`.
    pub proc_mounts: Option<String>,
    /// Windows, for a path on a drive letter: the output of `net use`.
    pub net_use: Option<String>,
    /// macOS: the output of `mount`.
    pub mount: Option<String>,
}

impl Facts {
    /// Asks the system about `path`.
    pub fn of(path: &Path) -> Facts {
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        let dir = abs.parent().unwrap_or(&abs);
        let real_dir = dir.canonicalize().unwrap_or_else(|_| dir.to_owned());
        let absolute = abs.to_string_lossy().into_owned();
        let mountinfo = std::fs::read_to_string("/proc/self/mountinfo").ok();
        let proc_mounts = match mountinfo {
            Some(_) => None,
            None => std::fs::read_to_string("/proc/mounts").ok(),
        };
        let net_use = match drive_letter(&absolute) {
            Some(_) if mountinfo.is_none() && proc_mounts.is_none() => net_use(),
            _ => None,
        };
        Facts {
            absolute,
            real_dir,
            mountinfo,
            proc_mounts,
            net_use,
            mount: macos_mount(),
        }
    }
}

/// Whether the facts put the path on a network file system: a UNC path is a share; otherwise
/// the first table the system gave decides (the Linux mount table, `net use` for a mapped
/// drive letter, macOS's `mount`); with none, local.
pub fn on_network(f: &Facts) -> bool {
    if is_unc(&f.absolute) || is_unc(&f.real_dir.to_string_lossy()) {
        return true;
    }
    if let Some(table) = &f.mountinfo {
        return mount_type_linux(table, &f.real_dir).is_some_and(is_network_type);
    }
    if let Some(table) = &f.proc_mounts {
        return mount_type_proc_mounts(table, &f.real_dir).is_some_and(is_network_type);
    }
    if let (Some(out), Some(letter)) = (&f.net_use, drive_letter(&f.absolute)) {
        // A mapped network drive (H:, Z:) looks like a local path; `net use` knows better.
        return mapped_drives(out).contains(&letter);
    }
    if let Some(table) = &f.mount {
        return mount_type_macos(table, &f.real_dir).is_some_and(is_network_type);
    }
    false
}

/// The output of `net use` (Windows), without flashing a console window.
#[cfg(windows)]
fn net_use() -> Option<String> {
    use std::os::windows::process::CommandExt;
    const CREATE_NO_WINDOW: u32 = 0x0800_0000;
    let out = std::process::Command::new("net")
        .arg("use")
        .creation_flags(CREATE_NO_WINDOW)
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[cfg(not(windows))]
fn net_use() -> Option<String> {
    None
}

/// The output of `/sbin/mount` (macOS).
#[cfg(target_os = "macos")]
fn macos_mount() -> Option<String> {
    let out = std::process::Command::new("/sbin/mount").output().ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[cfg(not(target_os = "macos"))]
fn macos_mount() -> Option<String> {
    None
}

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

/// The type of the file system holding `path`, from Linux's `/proc/mounts` (`device mount-point
/// type options 0 0`): the mount with the longest mount point that is a prefix of the path.
pub fn mount_type_proc_mounts<'a>(table: &'a str, path: &Path) -> Option<&'a str> {
    table
        .lines()
        .filter_map(|line| {
            let mut fields = line.split(' ');
            let mount_point = fields.nth(1)?;
            let fs_type = fields.next()?;
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

    /// Facts for `path` (the folder being the path's parent) with one table.
    fn facts(path: &str) -> Facts {
        Facts {
            absolute: path.to_owned(),
            real_dir: Path::new(path).parent().unwrap_or(Path::new("")).to_owned(),
            ..Facts::default()
        }
    }

    const LINUX_MOUNTINFO: &str = "\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro
30 22 0:40 / /mnt/nfs rw,relatime shared:10 - nfs srv:/export rw,vers=3
31 22 0:41 / /mnt/cifs rw,relatime shared:11 - cifs //srv/data rw,vers=3.1.1
32 22 0:42 / /mnt/smb3 rw,relatime shared:12 - smb3 //srv/hem rw
33 22 0:43 / /home/anna/ssh rw,nosuid,nodev shared:13 - fuse.sshfs anna@srv:/home/anna rw
34 22 0:44 / /mnt/Delade\\040filer rw,relatime shared:14 - cifs //srv/Delade\\040filer rw
35 22 8:2 / /data rw,relatime shared:15 - ext4 /dev/sdb1 rw
";

    const PROC_MOUNTS: &str = "\
/dev/sda1 / ext4 rw,relatime,errors=remount-ro 0 0
srv:/export /mnt/nfs nfs rw,relatime,vers=3 0 0
//srv/data /mnt/cifs cifs rw,relatime,vers=3.1.1 0 0
//srv/hem /mnt/smb3 smb3 rw,relatime 0 0
anna@srv:/home/anna /home/anna/ssh fuse.sshfs rw,nosuid,nodev 0 0
//srv/Delade\\040filer /mnt/Delade\\040filer cifs rw 0 0
/dev/sdb1 /data ext4 rw,relatime 0 0
";

    /// What each Linux table says of a register in each mount.
    const LINUX_CASES: &[(&str, Option<&str>, bool)] = &[
        ("/mnt/nfs/r.sqlite3", Some("nfs"), true),
        ("/mnt/cifs/r.sqlite3", Some("cifs"), true),
        ("/mnt/smb3/sub/r.sqlite3", Some("smb3"), true),
        ("/home/anna/ssh/r.sqlite3", Some("fuse.sshfs"), true),
        ("/mnt/Delade filer/r.sqlite3", Some("cifs"), true),
        ("/data/r.sqlite3", Some("ext4"), false),
        ("/home/anna/r.sqlite3", Some("ext4"), false),
        ("/mnt/nfsx/r.sqlite3", Some("ext4"), false),
    ];

    #[test]
    fn a_linux_mountinfo_table_decides_by_its_longest_mount_point() {
        for &(path, fs_type, network) in LINUX_CASES {
            let dir = Path::new(path).parent().expect("a folder");
            assert_eq!(mount_type_linux(LINUX_MOUNTINFO, dir), fs_type, "{path}");
            let f = Facts {
                mountinfo: Some(LINUX_MOUNTINFO.into()),
                ..facts(path)
            };
            assert_eq!(on_network(&f), network, "{path}");
        }
    }

    #[test]
    fn a_linux_proc_mounts_table_is_read_alike() {
        for &(path, fs_type, network) in LINUX_CASES {
            let dir = Path::new(path).parent().expect("a folder");
            assert_eq!(mount_type_proc_mounts(PROC_MOUNTS, dir), fs_type, "{path}");
            let f = Facts {
                proc_mounts: Some(PROC_MOUNTS.into()),
                ..facts(path)
            };
            assert_eq!(on_network(&f), network, "{path}");
        }
        assert_eq!(mount_type_proc_mounts("", Path::new("/data")), None);
    }

    #[test]
    fn mountinfo_is_preferred_to_proc_mounts_and_no_table_means_local() {
        let f = Facts {
            mountinfo: Some("22 1 8:1 / / rw - ext4 /dev/sda1 rw\n".into()),
            proc_mounts: Some(PROC_MOUNTS.into()),
            ..facts("/mnt/nfs/r.sqlite3")
        };
        assert!(!on_network(&f));
        assert!(!on_network(&facts("/mnt/nfs/r.sqlite3")));
        assert!(
            !on_network(&facts(r"Z:\r.sqlite3")),
            "a drive letter without net use"
        );
    }

    const NET_USE_SV: &str = "\
Nya anslutningar kommer att sparas.

Status       Lokal     Fjärr                     Nätverk

-------------------------------------------------------------------------------
OK           H:        \\\\fs01\\hem$\\anna           Microsoft Windows Network
Frånkopplad  Z:        \\\\lst-w.se\\data              Microsoft Windows Network
Otillgänglig Y:        \\\\en-mycket-lang-servernamn.lst-w.se\\gemensamma-dokument
                                                Microsoft Windows Network
OK                     \\\\srv\\IPC$                 Microsoft Windows Network
Kommandot har slutförts.
";

    const NET_USE_EN: &str = "\
New connections will be remembered.


Status       Local     Remote                    Network

-------------------------------------------------------------------------------
OK           S:        \\\\srv\\shared              Microsoft Windows Network
Disconnected T:        \\\\srv\\old                 Microsoft Windows Network
Unavailable  W:        \\\\dav.example.org@SSL\\DavWWWRoot
                                                Web Client Network
OK                     \\\\srv\\print             Microsoft Windows Network
The command completed successfully.
";

    #[test]
    fn mapped_drives_are_read_from_net_use_in_swedish_and_english() {
        assert_eq!(mapped_drives(NET_USE_SV), vec!['H', 'Z', 'Y']);
        assert_eq!(mapped_drives(NET_USE_EN), vec!['S', 'T', 'W']);
        assert!(mapped_drives("There are no entries in the list.\n").is_empty());
        assert!(mapped_drives("Det finns inga poster i listan.\n").is_empty());
        // The headings' words are never drive letters.
        assert!(mapped_drives("Status       Local     Remote     Network\n").is_empty());
    }

    #[test]
    fn a_register_on_a_mapped_drive_is_on_the_network_and_one_on_c_is_not() {
        let on = |path: &str, net_use: &str| {
            on_network(&Facts {
                net_use: Some(net_use.into()),
                ..facts(path)
            })
        };
        assert!(on(r"H:\Samverkan\register.sqlite3", NET_USE_SV));
        assert!(
            on(r"z:\register.sqlite3", NET_USE_SV),
            "a lower-case letter"
        );
        assert!(
            on(r"\\?\Z:\register.sqlite3", NET_USE_SV),
            "a verbatim path"
        );
        assert!(
            on(r"T:\register.sqlite3", NET_USE_EN),
            "a disconnected drive"
        );
        assert!(!on(r"C:\Users\anna\register.sqlite3", NET_USE_SV));
        assert!(!on(r"D:\register.sqlite3", NET_USE_EN));
        assert!(!on(
            r"C:\register.sqlite3",
            "There are no entries in the list."
        ));
    }

    #[test]
    fn a_unc_path_is_a_share_whatever_the_tables_say() {
        for path in [
            r"\\srv\data\register.sqlite3",
            r"\\srv.lst-w.se\hem$\anna\register.sqlite3",
            r"\\?\UNC\srv\data\register.sqlite3",
        ] {
            assert!(on_network(&facts(path)), "{path}");
            let f = Facts {
                net_use: Some("There are no entries in the list.".into()),
                ..facts(path)
            };
            assert!(on_network(&f), "{path}");
        }
        for path in [r"\\?\C:\r.sqlite3", r"\\.\pipe\x", r"C:\r.sqlite3"] {
            assert!(!on_network(&facts(path)), "{path}");
        }
    }

    const MACOS_MOUNT: &str = "\
/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse, protect)
//anna@srv/data on /Volumes/data (smbfs, nodev, nosuid, mounted by anna)
//anna@srv/Delade%20filer on /Volumes/Delade filer (smbfs, nodev, nosuid, mounted by anna)
afp_0TQ2Yb3s3nmA0t9IVf0000P3-1.2c000014 on /Volumes/arkiv (afpfs, nodev, nosuid, mounted by anna)
srv:/export/hem on /Volumes/hem (nfs, asynchronous)
/dev/disk4s1 on /Volumes/USB (msdos, local, nodev, nosuid, noowners)
";

    #[test]
    fn macos_mount_output_names_smb_afp_and_nfs_shares() {
        let cases = [
            ("/Volumes/data/r.sqlite3", Some("smbfs"), true),
            ("/Volumes/Delade filer/r.sqlite3", Some("smbfs"), true),
            ("/Volumes/arkiv/r.sqlite3", Some("afpfs"), true),
            ("/Volumes/hem/anna/r.sqlite3", Some("nfs"), true),
            ("/Volumes/USB/r.sqlite3", Some("msdos"), false),
            ("/Users/anna/r.sqlite3", Some("apfs"), false),
        ];
        for (path, fs_type, network) in cases {
            let dir = Path::new(path).parent().expect("a folder");
            assert_eq!(mount_type_macos(MACOS_MOUNT, dir), fs_type, "{path}");
            let f = Facts {
                mount: Some(MACOS_MOUNT.into()),
                ..facts(path)
            };
            assert_eq!(on_network(&f), network, "{path}");
        }
    }

    #[test]
    fn this_systems_facts_find_a_temporary_folder_local() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("register.sqlite3");
        let f = Facts::of(&path);
        assert_eq!(f.real_dir, dir.path().canonicalize().expect("canonical"));
        if cfg!(target_os = "linux") {
            assert!(f.mountinfo.is_some() || f.proc_mounts.is_some(), "{f:?}");
        }
        assert_eq!(is_network_path(&path), on_network(&f));
    }
}
