//! Fixtures: a temporary register, the CLI pointed at it with a fixed date and language, and
//! byte-level snapshots of the file.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::NaiveDate;
use samverkan::{Register, Template};
use tempfile::TempDir;

/// The fixed "today" of every test.
pub const TODAY: &str = "2026-11-22";

pub fn today() -> NaiveDate {
    day(TODAY)
}

pub fn day(s: &str) -> NaiveDate {
    s.parse().expect("a test date")
}

/// A temporary folder holding a register file path (not yet created).
#[derive(Debug)]
pub struct Fixture {
    pub dir: TempDir,
    pub db: PathBuf,
}

impl Fixture {
    pub fn new() -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("register.sqlite3");
        Fixture { dir, db }
    }

    /// A fixture whose register exists, created from the Dalarna template.
    pub fn dalarna() -> Fixture {
        let f = Fixture::new();
        Register::create(&f.db, &Template::dalarna()).expect("create register");
        f
    }

    pub fn open(&self) -> Register {
        Register::open(&self.db).expect("open register")
    }

    /// The CLI on this register, Swedish, with today fixed, and no outside environment.
    pub fn cli(&self) -> Command {
        let mut c = Command::cargo_bin("samverkan").expect("the samverkan binary");
        c.env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("SAMVERKAN_DB");
        c.env("HOME", self.dir.path());
        c.arg("--db").arg(&self.db).arg("--today").arg(TODAY);
        c
    }

    /// Runs the CLI and returns stdout, asserting success.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cli().args(args).output().expect("run samverkan");
        assert!(
            out.status.success(),
            "samverkan {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    /// Runs the CLI with `--json` and parses stdout.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        serde_json::from_str(&self.ok(&all)).expect("JSON on stdout")
    }

    /// Runs a command that must be refused as a user error (exit 2), checks that the register
    /// file is byte-identical afterwards, and returns the one-line message on stderr.
    pub fn refused(&self, args: &[&str]) -> String {
        let before = snapshot(&self.db);
        let out = self.cli().args(args).output().expect("run samverkan");
        assert_eq!(
            out.status.code(),
            Some(2),
            "samverkan {args:?} should exit 2: {:?}",
            out
        );
        assert_eq!(
            snapshot(&self.db),
            before,
            "samverkan {args:?} changed the register"
        );
        let err = String::from_utf8(out.stderr).expect("utf-8 stderr");
        assert!(!err.contains("panicked"), "{err}");
        err.trim().to_owned()
    }
}

/// The file's bytes and whether a write-ahead log is left beside it.
pub fn snapshot(path: &Path) -> (Vec<u8>, bool) {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let wal_has_data = std::fs::metadata(PathBuf::from(wal))
        .map(|m| m.len() > 0)
        .unwrap_or(false);
    (std::fs::read(path).unwrap_or_default(), wal_has_data)
}

/// The text of a PDF, as a copy-paste would give it, with white space collapsed.
pub fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).expect("a readable PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("extractable text");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The fixed moment of the tests that record something (exports, meetings).
pub fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339("2026-11-22T09:00:00Z")
        .expect("time")
        .with_timezone(&chrono::Utc)
}

/// A meeting of the group on a day, 13:00–15:00; its id.
pub fn add_meeting(reg: &mut Register, group: &str, date: &str) -> i64 {
    let group_id = reg.find_group(group).expect("group");
    reg.add_meeting(
        &samverkan::model::MeetingDraft {
            group_id,
            date: date.into(),
            start: Some("13:00".into()),
            end: Some("15:00".into()),
            ..samverkan::model::MeetingDraft::default()
        },
        now(),
    )
    .expect("meeting")
    .id
}

/// A person of an organisation (found by name); its id.
pub fn add_person(
    reg: &mut Register,
    name: &str,
    org: &str,
    email: Option<&str>,
    protected: bool,
) -> i64 {
    let organisation_id = reg.find_org(org).expect("org");
    reg.add_person(&samverkan::model::PersonDraft {
        name: name.into(),
        organisation_id,
        email: email.map(str::to_owned),
        protected,
        ..samverkan::model::PersonDraft::default()
    })
    .expect("person")
    .id
}

/// Appoints a person to a group in a role from 2026-01-01, without an end.
pub fn appoint(reg: &mut Register, person_id: i64, group: &str, role: samverkan::model::Role) {
    let group_id = reg.find_group(group).expect("group");
    reg.appoint(&samverkan::model::AppointRequest {
        person_id,
        group_id,
        role,
        seat_id: None,
        organisation_id: None,
        from: day("2026-01-01"),
        to: None,
        replace: false,
    })
    .expect("appoint");
}
