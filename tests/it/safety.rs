//! Keeping the register safe: backups, restore, integrity, corrupt inputs, the writer's lock,
//! the audit log, personal-data rights.

use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeDelta, Utc};
use samverkan::error::ErrorCode;
use samverkan::model::{AppointRequest, PersonDraft, Role};
use samverkan::register::{ExtractFormat, LogFilter, LogView};
use samverkan::safety::BackupReason;
use samverkan::safety::backup::{self, sha256_file};
use samverkan::{Error, Lang, Register};

use crate::support::{Fixture, day, pdf_text};

/// The log in Swedish, in Swedish time.
const SWEDISH: LogView = LogView {
    lang: Lang::Sv,
    zone: samverkan::Zone::Stockholm,
};

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&Utc))
        .expect("a test time")
}

fn add_person(reg: &mut Register, name: &str, email: Option<&str>) -> i64 {
    let org = reg.find_org("Falu kommun").expect("org");
    reg.add_person(&PersonDraft {
        name: name.into(),
        organisation_id: org,
        email: email.map(str::to_owned),
        ..PersonDraft::default()
    })
    .expect("person")
    .id
}

fn names(reg: &Register) -> Vec<String> {
    reg.people(&Default::default())
        .expect("people")
        .into_iter()
        .map(|p| p.name.as_str().to_owned())
        .collect()
}

fn recorded(path: &Path) -> String {
    let mut s = path.as_os_str().to_owned();
    s.push(".sha256");
    std::fs::read_to_string(PathBuf::from(s)).expect("hash record")
}

#[test]
fn a_backup_is_verified_and_its_sha256_recorded() {
    let f = Fixture::dalarna();
    let reg = f.open();
    let b = reg
        .backup(None, at("2026-11-22T10:00:00Z"))
        .expect("backup");
    let path = PathBuf::from(&b.path);
    assert_eq!(b.reason, BackupReason::Manual);
    assert!(path.starts_with(f.dir.path().join("backups")), "{path:?}");
    let hash = sha256_file(&path).expect("hash");
    assert_eq!(b.sha256.as_deref(), Some(hash.as_str()));
    assert!(recorded(&path).starts_with(&hash));
    backup::verify_backup(&path).expect("a good backup");
    assert!(
        reg.backups()
            .expect("list")
            .iter()
            .any(|x| x.path == b.path)
    );
}

#[test]
fn the_daily_backup_is_made_when_the_last_is_a_day_old() {
    let f = Fixture::dalarna();
    let first = Register::open_at(&f.db, at("2026-11-20T08:00:00Z")).expect("open");
    assert!(first.open_report().daily_backup.is_some(), "first opening");
    drop(first);
    let again = Register::open_at(&f.db, at("2026-11-20T20:00:00Z")).expect("open");
    assert!(again.open_report().daily_backup.is_none(), "same day");
    drop(again);
    let next = Register::open_at(&f.db, at("2026-11-21T08:00:01Z")).expect("open");
    assert!(next.open_report().daily_backup.is_some(), "a day later");
    let reasons: Vec<_> = next
        .backups()
        .expect("list")
        .iter()
        .map(|b| b.reason)
        .collect();
    assert_eq!(reasons, vec![BackupReason::Daily, BackupReason::Daily]);
}

#[test]
fn rotation_thins_a_year_of_daily_backups() {
    let f = Fixture::dalarna();
    let start = at("2025-11-01T07:00:00Z");
    for d in 0..400 {
        let now = start + TimeDelta::days(d);
        drop(Register::open_at(&f.db, now).expect("open"));
    }
    let kept = f.open().backups().expect("list");
    // 10 newest days + up to 4 weeks + 12 months, overlapping.
    assert!(kept.len() <= 26 && kept.len() >= 12, "{}", kept.len());
    assert!(kept.iter().all(|b| b.reason == BackupReason::Daily));
}

#[test]
fn a_backup_to_a_chosen_file_never_overwrites() {
    let f = Fixture::dalarna();
    let reg = f.open();
    let out = f.dir.path().join("copy.sqlite3");
    reg.backup(Some(&out), Utc::now()).expect("backup");
    let e = reg.backup(Some(&out), Utc::now()).expect_err("exists");
    assert_eq!(e.code(), ErrorCode::Exists);
}

#[test]
fn restore_brings_back_the_backup_and_keeps_the_current_register() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    add_person(&mut reg, "Anna Berg", None);
    let b = reg
        .backup(None, at("2026-11-22T10:00:00Z"))
        .expect("backup");
    add_person(&mut reg, "Bo Ek", None);
    let report = reg
        .restore(Path::new(&b.path), at("2026-11-22T11:00:00Z"))
        .expect("restore");
    assert_eq!(names(&reg), vec!["Anna Berg"]);
    let kept = PathBuf::from(report.previous_kept_as.expect("kept"));
    assert!(
        kept.to_string_lossy().contains("before-restore"),
        "{kept:?}"
    );
    let old = Register::open(&kept);
    // The kept copy holds Bo Ek (opened read-only: the live register holds the lock? no, it is
    // another file).
    assert!(names(&old.expect("open kept copy")).contains(&"Bo Ek".to_owned()));
    // The restored register is writable.
    add_person(&mut reg, "Cecilia Dahl", None);
}

#[test]
fn a_backup_changed_after_writing_is_refused_and_nothing_changes() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let b = reg.backup(None, Utc::now()).expect("backup");
    let mut bytes = std::fs::read(&b.path).expect("read");
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    std::fs::write(&b.path, bytes).expect("write");
    let before = std::fs::read(&f.db).expect("read");
    let e = reg
        .restore(Path::new(&b.path), Utc::now())
        .expect_err("refused");
    assert_eq!(e.code(), ErrorCode::Damaged);
    assert_eq!(std::fs::read(&f.db).expect("read"), before);
}

/// The damaged inputs of the issue, each refused with a clear message and left byte-identical.
type Damage = Box<dyn Fn(&Path)>;

fn corrupt_inputs() -> Vec<(&'static str, Damage)> {
    vec![
        (
            "1 MB of random bytes",
            Box::new(|p: &Path| {
                let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
                let bytes: Vec<u8> = (0..1_048_576)
                    .map(|_| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        (x >> 24) as u8
                    })
                    .collect();
                std::fs::write(p, bytes).expect("write");
            }),
        ),
        (
            "a truncated register",
            Box::new(|p: &Path| {
                let bytes = std::fs::read(p).expect("read");
                std::fs::write(p, &bytes[..bytes.len() / 2]).expect("write");
            }),
        ),
        (
            "an empty file",
            Box::new(|p: &Path| std::fs::write(p, b"").expect("write")),
        ),
        (
            "another program's SQLite file",
            Box::new(|p: &Path| {
                std::fs::remove_file(p).expect("remove");
                let c = rusqlite::Connection::open(p).expect("open");
                c.execute_batch("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x');")
                    .expect("other program");
            }),
        ),
    ]
}

#[test]
fn corrupt_inputs_are_refused_untouched_and_a_good_backup_is_offered() {
    for (what, damage) in corrupt_inputs() {
        let f = Fixture::dalarna();
        let good = f.open().backup(None, Utc::now()).expect("backup");
        // Fold the write-ahead log in so that the file alone is the register.
        {
            let reg = f.open();
            reg.connection()
                .pragma_update(None, "wal_checkpoint", "TRUNCATE")
                .expect("checkpoint");
        }
        damage(&f.db);
        let before = sha256_file(&f.db).expect("hash");
        let e = Register::open(&f.db).expect_err(what);
        assert_eq!(e.code(), ErrorCode::NotARegister, "{what}: {e}");
        match &e {
            Error::RegisterDamaged { backup, .. } => {
                assert_eq!(backup.as_deref(), Some(Path::new(&good.path)), "{what}")
            }
            other => panic!("{what}: {other:?}"),
        }
        let msg = e.message(samverkan::Lang::Sv);
        assert!(msg.contains("samverkan restore"), "{what}: {msg}");
        assert_eq!(
            sha256_file(&f.db).expect("hash"),
            before,
            "{what}: file changed"
        );
        // The CLI says the same and exits 2.
        let err = f.refused(&["org", "list"]);
        assert!(err.contains("inte ett Samverkan-register"), "{what}: {err}");
        assert_eq!(
            sha256_file(&f.db).expect("hash"),
            before,
            "{what}: file changed"
        );
        // And restoring the offered backup brings the register back.
        let (reg, report) =
            Register::restore_unopened(&f.db, Path::new(&good.path), Utc::now()).expect(what);
        assert!(reg.find_org("Falu kommun").is_ok(), "{what}");
        let kept = report.previous_kept_as.expect("damaged copy kept");
        assert!(kept.contains("damaged"), "{kept}");
        assert_eq!(
            sha256_file(Path::new(&kept)).expect("hash"),
            before,
            "{what}"
        );
    }
}

#[test]
fn a_directory_and_a_newer_register_are_refused_untouched() {
    let f = Fixture::new();
    std::fs::create_dir(&f.db).expect("dir");
    let e = Register::open(&f.db).expect_err("a directory");
    assert_eq!(e.code(), ErrorCode::NotARegister);
    assert!(f.db.is_dir());

    let f = Fixture::dalarna();
    {
        let c = rusqlite::Connection::open(&f.db).expect("open");
        c.pragma_update(None, "user_version", 99).expect("version");
        c.pragma_update(None, "journal_mode", "DELETE")
            .expect("mode");
    }
    let before = sha256_file(&f.db).expect("hash");
    let e = Register::open(&f.db).expect_err("newer");
    assert_eq!(e.code(), ErrorCode::NewerVersion);
    assert_eq!(sha256_file(&f.db).expect("hash"), before);
}

#[test]
fn a_register_whose_version_was_lowered_is_refused_before_any_backup_or_migration() {
    let f = Fixture::dalarna();
    {
        let c = rusqlite::Connection::open(&f.db).expect("open");
        c.pragma_update(None, "journal_mode", "DELETE")
            .expect("mode");
        c.pragma_update(None, "user_version", 5).expect("version");
    }
    let before = sha256_file(&f.db).expect("hash");
    let backups = f.dir.path().join("backups");
    let count = || std::fs::read_dir(&backups).map_or(0, |d| d.count());
    let had = count();
    for _ in 0..2 {
        let e = Register::open(&f.db).expect_err("a lowered version");
        assert_eq!(e.code(), ErrorCode::NotARegister, "{e}");
        let msg = e.message(samverkan::Lang::Sv);
        assert!(!msg.contains("CREATE") && !msg.contains("trigger"), "{msg}");
        let err = f.refused(&["org", "list"]);
        assert!(err.contains("inte ett Samverkan-register"), "{err}");
        assert!(
            !err.contains("CREATE"),
            "no migration SQL in the message: {err}"
        );
    }
    assert_eq!(count(), had, "no before-migration backup was made");
    assert_eq!(
        sha256_file(&f.db).expect("hash"),
        before,
        "the file is unchanged"
    );
}

#[test]
fn inspecting_a_refused_file_leaves_nothing_beside_it() {
    let f = Fixture::new();
    {
        let c = rusqlite::Connection::open(&f.db).expect("open");
        c.pragma_update(None, "journal_mode", "WAL").expect("wal");
        c.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
            .expect("a foreign database");
        c.pragma_update(None, "wal_checkpoint", "TRUNCATE")
            .expect("checkpoint");
    }
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", f.db.display()));
    }
    let listing = || {
        let mut names: Vec<String> = std::fs::read_dir(f.dir.path())
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let before = listing();
    let e = Register::open(&f.db).expect_err("a foreign database");
    assert_eq!(e.code(), ErrorCode::NotARegister);
    f.refused(&["info"]);
    assert_eq!(
        listing(),
        before,
        "no -wal or -shm left beside a refused file"
    );
}

#[test]
fn a_second_opener_reads_only_and_is_told_who_writes() {
    let f = Fixture::dalarna();
    let mut first = Register::open_at(&f.db, at("2026-11-22T08:15:00Z")).expect("open");
    let mut second = f.open();
    assert!(first.is_writable());
    assert!(!second.is_writable());
    assert!(second.find_org("Falu kommun").is_ok(), "reads work");
    let e = second
        .add_person(&PersonDraft {
            name: "Bo Ek".into(),
            organisation_id: 11,
            ..PersonDraft::default()
        })
        .expect_err("read-only");
    assert_eq!(e.code(), ErrorCode::Locked);
    let msg = e.message(samverkan::Lang::Sv);
    assert!(msg.contains("2026-11-22T08:15:00Z"), "{msg}");
    let holder = second.open_report().holder.clone().expect("holder known");
    assert_eq!(holder.pid, std::process::id());
    // The first still writes; once it closes, the next opener writes.
    add_person(&mut first, "Anna Berg", None);
    drop(second);
    drop(first);
    let mut third = f.open();
    assert!(third.is_writable());
    assert!(!third.open_report().unclean_shutdown, "closed cleanly");
    add_person(&mut third, "Bo Ek", None);
}

#[test]
fn after_an_unclean_shutdown_the_register_is_checked() {
    let f = Fixture::dalarna();
    drop(f.open());
    // A session that died leaves its lock file filled in.
    let lock = samverkan::safety::lock::lock_path(&f.db);
    std::fs::write(
        &lock,
        r#"{"user":"x","host":"y","pid":1,"since":"2026-11-22T08:00:00Z"}"#,
    )
    .expect("write");
    let reg = f.open();
    assert!(reg.open_report().unclean_shutdown);
    let checked = reg.open_report().checked.clone().expect("checked");
    assert!(checked.ok());
}

#[test]
fn the_check_runs_weekly() {
    let f = Fixture::dalarna();
    let r = Register::open_at(&f.db, at("2026-11-01T08:00:00Z")).expect("open");
    assert!(r.open_report().checked.is_some(), "never checked before");
    drop(r);
    let r = Register::open_at(&f.db, at("2026-11-05T08:00:00Z")).expect("open");
    assert!(r.open_report().checked.is_none(), "checked four days ago");
    drop(r);
    let r = Register::open_at(&f.db, at("2026-11-08T08:00:00Z")).expect("open");
    assert!(r.open_report().checked.is_some(), "a week later");
}

#[test]
fn a_migration_that_fails_half_way_leaves_the_register_and_its_backup() {
    let f = Fixture::new();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/it/fixtures/register-v6.sqlite3"
        ),
        &f.db,
    )
    .expect("copy the fixture");
    {
        let c = rusqlite::Connection::open(&f.db).expect("open");
        c.pragma_update(None, "journal_mode", "WAL").expect("mode");
        // A column in the way: the next migration (0007) fails half-way, after it has
        // created its seat table and indexes, when it adds the same column. (An object of a
        // later migration in the way is refused before any migration: the file is then not
        // of its version.)
        c.execute_batch("ALTER TABLE appointment ADD COLUMN seat_id INTEGER;")
            .expect("old data");
    }
    let before = sha256_file(&f.db).expect("hash");
    let e = Register::open(&f.db).expect_err("the migration fails");
    assert_eq!(e.code(), ErrorCode::Damaged, "{e:?}");
    let msg = e.message(samverkan::Lang::Sv);
    assert!(
        msg.contains("kunde inte uppgraderas") && !msg.contains("ALTER"),
        "{msg}"
    );
    assert_eq!(sha256_file(&f.db).expect("hash"), before, "unchanged");
    let c = rusqlite::Connection::open(&f.db).expect("open");
    let v: i64 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("version");
    assert_eq!(v, 6);
    let half: i64 = c
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name IN ('seat', 'seat_group')",
            [],
            |r| r.get(0),
        )
        .expect("schema");
    assert_eq!(half, 0, "the half-run migration was rolled back");
    let backups = backup::list(&f.db).expect("list");
    let pre = backups
        .iter()
        .find(|b| b.reason == BackupReason::BeforeMigration)
        .expect("the pre-migration backup");
    backup::verify_backup(Path::new(&pre.path)).expect("a good backup");
}

#[test]
fn every_change_is_logged_with_old_and_new_values() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let id = add_person(&mut reg, "Anna Berg", Some("anna@falun.se"));
    let mut d = PersonDraft::from(&reg.person(id).expect("person"));
    d.email = Some("anna.berg@falun.se".into());
    reg.edit_person(id, &d).expect("edit");
    let log = reg
        .log(&LogFilter {
            entity: Some("person".into()),
            entity_id: Some(id),
            ..LogFilter::default()
        })
        .expect("log");
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].action, "update");
    let old: serde_json::Value =
        serde_json::from_str(log[0].old.as_deref().expect("old")).expect("json");
    let new: serde_json::Value =
        serde_json::from_str(log[0].new.as_deref().expect("new")).expect("json");
    assert_eq!(old["email"], "anna@falun.se");
    assert_eq!(new["email"], "anna.berg@falun.se");
    assert_eq!(log[1].action, "insert");
    assert_eq!(log[0].os_user, samverkan::register::os_user());
    // Filtering by a later day leaves nothing; an early day everything.
    let later = reg
        .log(&LogFilter {
            since: Some(day("2999-01-01")),
            ..LogFilter::default()
        })
        .expect("log");
    assert!(later.is_empty());
}

#[test]
fn the_change_log_is_append_only_and_writes_from_outside_are_refused() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    add_person(&mut reg, "Anna Berg", None);
    let c = reg.connection();
    assert!(c.execute("DELETE FROM change_log", []).is_err());
    assert!(
        c.execute("UPDATE change_log SET os_user = 'x'", [])
            .is_err()
    );
    drop(reg);
    // Another program (no samverkan_user()) cannot change audited tables unrecorded.
    let raw = rusqlite::Connection::open(&f.db).expect("open");
    assert!(
        raw.execute("UPDATE person SET email = 'x@y.se'", [])
            .is_err()
    );
}

#[test]
fn the_log_shows_exports_and_its_own_export_is_recorded() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let anna = add_person(&mut reg, "Anna Berg", None);
    let out = f.dir.path().join("extract.json");
    reg.extract_person(anna, &out, ExtractFormat::Json, Lang::Sv, Utc::now())
        .expect("extract");
    let exports = reg
        .log(&LogFilter {
            entity: Some("export".into()),
            ..LogFilter::default()
        })
        .expect("log");
    assert_eq!(exports.len(), 1);
    assert_eq!(exports[0].action, "person_extract");
    let csv = f.dir.path().join("log.csv");
    let n = reg
        .export_log(&LogFilter::default(), &csv, false, SWEDISH, Utc::now())
        .expect("export");
    assert!(n > 10);
    let text = std::fs::read_to_string(&csv).expect("csv");
    assert!(
        text.starts_with("\u{feff}tid (Europe/Stockholm);"),
        "{text}"
    );
    assert!(text.contains("Anna Berg"));
    let all = reg.exports(None).expect("exports");
    assert_eq!(all[0].kind, samverkan::register::ExportKind::LogExport);
}

#[test]
fn protected_people_stay_out_of_the_exported_log() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let org = reg.find_org("Falu kommun").expect("org");
    reg.add_person(&PersonDraft {
        name: "Hemlig Person".into(),
        organisation_id: org,
        protected: true,
        ..PersonDraft::default()
    })
    .expect("person");
    let csv = f.dir.path().join("log.csv");
    reg.export_log(&LogFilter::default(), &csv, false, SWEDISH, Utc::now())
        .expect("export");
    let text = std::fs::read_to_string(&csv).expect("csv");
    assert!(!text.contains("Hemlig"), "{text}");
    let csv2 = f.dir.path().join("log2.csv");
    reg.export_log(&LogFilter::default(), &csv2, true, SWEDISH, Utc::now())
        .expect("export");
    assert!(
        std::fs::read_to_string(&csv2)
            .expect("csv")
            .contains("Hemlig")
    );
    assert!(reg.exports(None).expect("exports")[0].protected_included);
}

#[test]
fn a_protected_internal_contact_stays_out_of_the_exported_log_like_a_person() {
    let f = Fixture::dalarna();
    let added = f.json(&[
        "contact",
        "add",
        "Falu kommun",
        "--function=Individ- och familjeomsorg",
        "--name=Skyddad Kontaktsson",
        "--email=kontakt@falun.se",
        "--protected",
    ]);
    assert_eq!(added[0]["protected"], true, "{added}");
    let listed = f.json(&["contact", "list", "Falu kommun"]);
    assert!(
        listed
            .as_array()
            .is_some_and(|l| l.iter().any(|c| c["protected"] == true))
    );
    let csv = f.dir.path().join("log.csv");
    f.ok(&["log", "--out", csv.to_str().expect("utf-8")]);
    let text = std::fs::read_to_string(&csv).expect("csv");
    assert!(!text.contains("Kontaktsson"), "{text}");
    assert!(!text.contains("kontakt@falun.se"), "{text}");
    assert!(text.contains("(skyddad)"), "{text}");
    // Chosen for this one file, the contact is in it.
    let with = f.dir.path().join("log-with.csv");
    f.ok(&[
        "log",
        "--out",
        with.to_str().expect("utf-8"),
        "--include-protected",
    ]);
    assert!(
        std::fs::read_to_string(&with)
            .expect("csv")
            .contains("Kontaktsson")
    );
}

/// Appoints the organisation's representative in the county group.
fn appoint_county(reg: &mut Register, person: i64, from: &str) {
    let group = reg.find_group("Länsgruppen").expect("group");
    reg.appoint(&AppointRequest {
        person_id: person,
        group_id: group,
        role: Role::Representative,
        seat_id: None,
        organisation_id: None,
        from: day(from),
        to: None,
        replace: false,
    })
    .expect("appoint");
}

/// Appoints a member of a reference group with free membership (several people of one
/// organisation may serve at once there).
fn appoint(reg: &mut Register, person: i64, from: &str, to_end: Option<&str>) {
    let group = match reg.find_group("Referensgrupp") {
        Ok(g) => g,
        Err(_) => {
            reg.add_group(&samverkan::model::GroupDraft {
                name: "Referensgrupp".into(),
                kind: samverkan::model::GroupKind::Working,
                meetings_per_year: 0,
                description: None,
                one_per_org: false,
                free_membership: true,
            })
            .expect("group")
            .id
        }
    };
    let out = reg
        .appoint(&AppointRequest {
            person_id: person,
            group_id: group,
            role: Role::Member,
            seat_id: None,
            organisation_id: None,
            from: day(from),
            to: None,
            replace: false,
        })
        .expect("appoint");
    if let Some(end) = to_end {
        reg.end_appointment(out.appointment.id, day(end))
            .expect("end");
    }
}

#[test]
fn an_extract_holds_the_person_their_appointments_exports_and_changes() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let anna = add_person(&mut reg, "Anna Berg", Some("anna@falun.se"));
    appoint_county(&mut reg, anna, "2025-01-01");
    let out = f.dir.path().join("anna.json");
    reg.extract_person(anna, &out, ExtractFormat::Json, Lang::Sv, Utc::now())
        .expect("extract");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("read")).expect("json");
    assert_eq!(v["person"]["name"], "Anna Berg");
    assert_eq!(v["person"]["email"], "anna@falun.se");
    assert_eq!(v["appointments"].as_array().map(Vec::len), Some(1));
    assert!(v["changes"].as_array().is_some_and(|c| c.len() >= 2));
    // The second extract lists the first as an export of her data.
    let x = reg.person_extract(anna, Utc::now()).expect("extract");
    assert_eq!(x.exports.len(), 1);

    // The same as PDF: her data, the appointment, the first extract, in readable text.
    let pdf = f.dir.path().join("anna.pdf");
    reg.extract_person(anna, &pdf, ExtractFormat::Pdf, Lang::Sv, Utc::now())
        .expect("pdf extract");
    let text = pdf_text(&std::fs::read(&pdf).expect("pdf"));
    for s in [
        "REGISTERUTDRAG",
        "Anna Berg",
        "anna@falun.se",
        "Länsgruppen MVK",
        "2025-01-01",
        "Registerutdrag (JSON): Anna Berg",
        "Ändringar",
        "Sida 1 av",
    ] {
        assert!(text.contains(s), "{s} in: {text}");
    }
    let log = reg.exports(None).expect("log");
    assert_eq!(log[0].kind, samverkan::register::ExportKind::PersonExtract);
    assert!(log[0].description.contains("(PDF)"));
    assert_eq!(ExtractFormat::of_path(&pdf), ExtractFormat::Pdf);
    assert_eq!(ExtractFormat::of_path(&out), ExtractFormat::Json);
}

/// The extract is written for the person it is about: fields named in their language,
/// organisations and groups by name, times on Swedish clocks; never the database's own
/// columns and codes (issue 12, point 8).
#[test]
fn an_extract_speaks_the_readers_language_names_things_and_shows_local_times() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let anna = add_person(&mut reg, "Anna Berg", Some("anna@falun.se"));
    appoint_county(&mut reg, anna, "2025-01-01");
    let mut d = samverkan::model::PersonDraft::from(&reg.person(anna).expect("anna"));
    d.email = Some("anna.berg@falun.se".into());
    d.protected = true;
    reg.edit_person(anna, &d).expect("edit");
    // 09:00 UTC in November is 10:00 in Sweden.
    let made = chrono::DateTime::parse_from_rfc3339("2026-11-22T09:00:00Z")
        .expect("time")
        .with_timezone(&Utc);
    for (lang, words) in [
        (
            Lang::Sv,
            [
                "Gjort 2026-11-22 10:00",
                "E-post: anna@falun.se → anna.berg@falun.se",
                "Skyddade personuppgifter: nej → ja",
                "Organisation: Falu kommun",
                "Roll: Representant",
            ],
        ),
        (
            Lang::En,
            [
                "Made 2026-11-22 10:00",
                "E-mail: anna@falun.se → anna.berg@falun.se",
                "Protected personal data: no → yes",
                "Organisation: Falu kommun",
                "Role: Representative",
            ],
        ),
    ] {
        let pdf = f.dir.path().join(format!("anna-{lang:?}.pdf"));
        reg.extract_person(anna, &pdf, ExtractFormat::Pdf, lang, made)
            .expect("pdf extract");
        let text = pdf_text(&std::fs::read(&pdf).expect("pdf"));
        // Table cells may wrap: compare with the line breaks taken out.
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for w in words {
            assert!(flat.contains(w), "{w:?} in: {flat}");
        }
        for raw in [
            "organisation_id",
            "person_id",
            "group_id",
            "protected:",
            "role:",
            "UTC",
            "T09:00",
        ] {
            assert!(!flat.contains(raw), "{raw:?} in: {flat}");
        }
    }
}

#[test]
fn erasure_anonymises_keeps_appointments_and_redacts_the_log() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let anna = add_person(&mut reg, "Anna Berg", Some("anna@falun.se"));
    appoint(&mut reg, anna, "2024-01-01", Some("2024-06-30"));
    assert!(reg.person_detail(anna).expect("detail").erased.is_none());
    let e = reg.erase_person(anna, Utc::now()).expect("erase");
    assert_eq!(
        reg.person_detail(anna).expect("detail").erased,
        Some(e.clone())
    );
    assert_eq!(e.number, 1);
    let p = reg.person(anna).expect("person");
    assert_eq!(p.name.as_str(), "Borttagen person 1");
    assert_eq!(p.email, None);
    let x = reg.person_extract(anna, Utc::now()).expect("extract");
    assert_eq!(x.appointments.len(), 1, "kept as statistics");
    let text = serde_json::to_string(&reg.log(&LogFilter::default()).expect("log")).expect("json");
    assert!(!text.contains("Anna"), "the log still names her");
    assert!(!text.contains("anna@falun.se"));
    let again = reg.erase_person(anna, Utc::now()).expect_err("twice");
    assert_eq!(again.code(), ErrorCode::Conflict);
    // The name is gone from the file itself (secure_delete), once the log is folded in.
    reg.connection()
        .pragma_update(None, "wal_checkpoint", "TRUNCATE")
        .expect("checkpoint");
    let bytes = std::fs::read(&f.db).expect("read");
    assert!(
        !bytes.windows(13).any(|w| w == b"anna@falun.se"),
        "the e-mail address is still in the file"
    );
}

#[test]
fn an_erasure_is_reapplied_after_restoring_an_older_backup() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let anna = add_person(&mut reg, "Anna Berg", Some("anna@falun.se"));
    let b = reg.backup(None, Utc::now()).expect("backup");
    reg.erase_person(anna, Utc::now()).expect("erase");
    let report = reg
        .restore(Path::new(&b.path), Utc::now())
        .expect("restore");
    assert_eq!(report.erasures_reapplied, 1);
    assert_eq!(
        reg.person(anna).expect("person").name.as_str(),
        "Borttagen person 1"
    );
}

#[test]
fn retention_lists_people_whose_last_appointment_ended_long_ago() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let old = add_person(&mut reg, "Anna Berg", None);
    appoint(&mut reg, old, "2020-01-01", Some("2023-12-31"));
    let recent = add_person(&mut reg, "Bo Ek", None);
    appoint(&mut reg, recent, "2020-01-01", Some("2025-12-31"));
    let serving = add_person(&mut reg, "Cecilia Dahl", None);
    appoint(&mut reg, serving, "2020-01-01", None);
    let list = reg.retention(24, day("2026-11-22")).expect("retention");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].person_id, old);
    assert_eq!(list[0].last_served, day("2023-12-31"));
    let list = reg.retention(6, day("2026-11-22")).expect("retention");
    assert_eq!(list.len(), 2);
    assert_eq!(reg.retention_months().expect("setting"), 24);
    assert_eq!(reg.set_retention_months(6).expect("set"), 6);
    assert_eq!(reg.retention_months().expect("setting"), 6);
    assert!(reg.set_retention_months(1201).is_err());
    assert!(reg.retention(1201, day("2026-11-22")).is_err());
    reg.erase_people(&[old, recent], Utc::now()).expect("bulk");
    assert!(
        reg.retention(6, day("2026-11-22"))
            .expect("retention")
            .is_empty()
    );
}

#[test]
fn the_cli_backs_up_lists_checks_and_restores() {
    let f = Fixture::dalarna();
    f.ok(&["person", "add", "Anna Berg", "--org", "Falu kommun"]);
    let b = f.json(&["backup"]);
    let path = b[0]["path"].as_str().expect("path").to_owned();
    f.ok(&["person", "add", "Bo Ek", "--org", "Falu kommun"]);
    let list = f.json(&["backups"]);
    assert!(
        list.as_array()
            .is_some_and(|l| l.iter().any(|x| x["path"] == path))
    );
    let check = f.json(&["check"]);
    assert_eq!(check["integrity_ok"], true);
    let r = f.json(&["restore", &path]);
    assert!(r["previous_kept_as"].as_str().is_some());
    let people = f.ok(&["person", "list"]);
    assert!(
        people.contains("Anna Berg") && !people.contains("Bo Ek"),
        "{people}"
    );
    let log = f.ok(&["log", "--entity", "person"]);
    assert!(log.contains("Anna Berg"), "{log}");
    f.refused(&["log", "--entity", "nonsense"]);
    let out = f.dir.path().join("x.json");
    f.ok(&[
        "extract",
        "Anna Berg",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    f.ok(&["erase", "Anna Berg"]);
    let people = f.ok(&["person", "list"]);
    assert!(people.contains("Borttagen person 1"), "{people}");
    f.ok(&["retention", "--months", "24"]);
    // The retention period is a setting of the register: --save keeps it, and a plain
    // `retention` uses it; an impossible period is refused and the setting stays.
    let saved = f.ok(&["retention", "--months", "36", "--save"]);
    assert!(saved.contains("36"), "{saved}");
    let plain = f.ok(&["retention"]);
    assert!(plain.contains("36"), "{plain}");
    let err = f.refused(&["retention", "--months", "5000", "--save"]);
    assert!(err.contains("antal månader"), "{err}");
    assert!(f.ok(&["retention"]).contains("36"));
}

#[test]
fn meetings_and_attendance_are_logged_and_in_the_extract() {
    use samverkan::model::{AttendanceStatus, MeetingDraft};
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let anna = add_person(&mut reg, "Anna Berg", None);
    appoint_county(&mut reg, anna, "2026-01-01");
    let group = reg.find_group("Länsgruppen").expect("group");
    let m = reg
        .add_meeting(
            &MeetingDraft {
                group_id: group,
                date: "2026-12-01".into(),
                start: Some("09:00".into()),
                end: Some("12:00".into()),
                ..MeetingDraft::default()
            },
            Utc::now(),
        )
        .expect("meeting");
    reg.set_attendance(m.id, anna, AttendanceStatus::Present, None)
        .expect("attendance");
    let meetings = reg
        .log(&LogFilter {
            entity: Some("meeting".into()),
            ..LogFilter::default()
        })
        .expect("log");
    assert_eq!(meetings.len(), 1);
    assert_eq!(meetings[0].entity_id, Some(m.id));
    let x = reg.person_extract(anna, Utc::now()).expect("extract");
    assert_eq!(x.attendance.len(), 1);
    assert_eq!(x.attendance[0].status, "present");
    assert!(x.changes.iter().any(|c| c.entity == "attendance"));
}

/// Every text value of every table of the register, for looking for a name in it.
fn dump(db: &std::path::Path) -> String {
    let conn = rusqlite::Connection::open(db).expect("open");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .expect("tables")
        .query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("names");
    let mut out = String::new();
    for t in tables {
        let Ok(mut stmt) = conn.prepare(&format!("SELECT * FROM \"{t}\"")) else {
            continue;
        };
        let n = stmt.column_count();
        let mut rows = stmt.query([]).expect("query");
        while let Ok(Some(row)) = rows.next() {
            for i in 0..n {
                match row.get_ref(i) {
                    Ok(rusqlite::types::ValueRef::Text(b))
                    | Ok(rusqlite::types::ValueRef::Blob(b)) => {
                        out.push_str(&String::from_utf8_lossy(b));
                        out.push('\n');
                    }
                    _ => {}
                }
            }
        }
    }
    out
}

#[test]
fn after_an_erasure_the_name_is_nowhere_in_the_register_and_the_log_names_no_protected_person() {
    let f = Fixture::dalarna();
    let name = "Hemlig Skyddsdottir";
    f.ok(&["person", "add", name, "--org", "Falun", "--protected"]);
    f.ok(&[
        "appoint",
        name,
        "--group",
        "Länsgruppen",
        "--role",
        "representant",
        "--from",
        "2026-01-01",
    ]);
    let extract = f.dir.path().join(format!("Registerutdrag {name}.json"));
    f.ok(&["extract", name, "--out", extract.to_str().expect("path")]);
    // The default log file leaves the protected person out of the export descriptions too.
    let log = f.dir.path().join("logg.csv");
    f.ok(&["log", "--out", log.to_str().expect("path")]);
    let csv = std::fs::read_to_string(&log).expect("csv");
    assert!(!csv.contains(name), "{csv}");
    assert!(csv.contains("(skyddad)"), "{csv}");
    // Shown in the app's own view, the reference is rendered with the name.
    let shown = f.ok(&["exports"]);
    assert!(shown.contains(name), "{shown}");
    f.ok(&["erase", name]);
    let shown = f.ok(&["exports"]);
    assert!(
        !shown.contains(name) && shown.contains("Borttagen person"),
        "{shown}"
    );
    let dumped = dump(&f.db);
    assert!(
        !dumped.contains(name),
        "the name is still in the register file"
    );
    assert!(
        !dumped.contains("Skyddsdottir"),
        "the surname is still in the register file"
    );
}

#[test]
fn a_lock_file_removed_while_the_register_is_open_stops_its_writes() {
    let f = crate::support::Fixture::dalarna();
    let mut reg = f.open();
    let lock = samverkan::safety::lock::lock_path(&f.db);
    reg.connection()
        .pragma_update(None, "wal_checkpoint", "TRUNCATE")
        .expect("checkpoint");
    let before = crate::support::snapshot(&f.db);
    std::fs::remove_file(&lock).expect("remove the lock file");
    let draft = samverkan::model::OrgDraft {
        name: "Ny förening".into(),
        active: true,
        ..Default::default()
    };
    let err = reg.add_org(&draft, &[]).expect_err("the lock is gone");
    assert!(matches!(err, samverkan::Error::LockLost { .. }), "{err:?}");
    assert_eq!(err.code(), samverkan::ErrorCode::Locked);
    assert!(err.is_user_error());
    assert_eq!(crate::support::snapshot(&f.db), before);
}
