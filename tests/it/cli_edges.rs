//! The CLI at its edges, from an attack on it: loose dates, arguments that are not UTF-8, files
//! it cannot write, paths that are not regular files, backups on a full disk, and typing errors
//! that must not create anything.

use crate::support::{Fixture, TODAY};

#[test]
fn dates_are_exactly_yyyy_mm_dd_or_refused_in_the_users_language() {
    let f = Fixture::dalarna();
    f.ok(&["person", "add", "Anna Berg", "--org", "Falun"]);
    let appoint = |from: &'static str| {
        [
            "appoint",
            "Anna Berg",
            "--group",
            "Länsgruppen",
            "--role",
            "representant",
            "--from",
            from,
        ]
    };
    for loose in [
        "27-01-05",
        "1-1-1",
        "2027-1-5",
        "+0002027-01-01",
        "2027-01-05T00:00",
    ] {
        let err = f.refused(&appoint(loose));
        assert!(err.contains("inget datum (ÅÅÅÅ-MM-DD)"), "{loose}: {err}");
    }
    for far in ["0000-01-01", "1899-12-31", "2200-01-01"] {
        let err = f.refused(&appoint(far));
        assert!(err.contains("utanför"), "{far}: {err}");
        assert!(
            err.contains("1900-01-01") && err.contains("2199-12-31"),
            "{err}"
        );
        let err = f.refused(&[&["--lang", "en"][..], &appoint(far)].concat());
        assert!(err.contains("outside the dates"), "{far}: {err}");
    }
    let err = f.refused(&["exports", "--since", "26-11-22"]);
    assert!(err.contains("inget datum"), "{err}");
    let err = f.refused(&[
        "meeting",
        "add",
        "--group",
        "Länsgruppen",
        "--date",
        "0000-01-01",
    ]);
    assert!(err.contains("utanför"), "{err}");
    let err = f.refused(&[
        "blackout",
        "add",
        "--from",
        "2027-1-1",
        "--to",
        "2027-01-09",
        "--label",
        "Lov",
    ]);
    assert!(err.contains("inget datum"), "{err}");
    f.ok(&[
        "appoint",
        "Anna Berg",
        "--group",
        "Länsgruppen",
        "--role",
        "representant",
        "--from",
        TODAY,
    ]);
}

#[test]
fn imported_dates_follow_the_same_rule() {
    let f = Fixture::dalarna();
    let csv = f.dir.path().join("people.csv");
    std::fs::write(
        &csv,
        "Organisation;Förnamn;Efternamn;Grupp;Roll;Från\n\
         Falu kommun;Anna;Berg;Länsgruppen MVK;representant;27-01-05\n\
         Falu kommun;Erik;Lund;Länsgruppen MVK;ersättare;0027-01-05\n\
         Falu kommun;Sara;Ek;Länsgruppen MVK;ledamot;120000\n",
    )
    .expect("write");
    let csv = csv.display().to_string();
    let out = f
        .cli()
        .args(["--json", "import", &csv, "--dry-run"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let report: serde_json::Value = serde_json::Deserializer::from_slice(&out.stdout)
        .into_iter()
        .next()
        .and_then(Result::ok)
        .expect("a JSON report");
    let issues = report["issues"].as_array().expect("issues");
    let rows: Vec<i64> = issues.iter().filter_map(|i| i["row"].as_i64()).collect();
    assert_eq!(rows, [2, 3, 4], "{report:#}");
    let text = issues
        .iter()
        .filter_map(|i| i["reason"].as_str())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(text.contains("inget datum"), "{text}");
    assert!(text.contains("utanför"), "{text}");
}

#[cfg(unix)]
fn not_utf8(prefix: &str) -> std::ffi::OsString {
    use std::os::unix::ffi::OsStringExt;
    let mut bytes = prefix.as_bytes().to_vec();
    bytes.extend_from_slice(b"\xff\xfe-\xe5");
    std::ffi::OsString::from_vec(bytes)
}

#[cfg(unix)]
#[test]
fn paths_that_are_not_utf8_work_and_text_that_is_not_is_refused() {
    let base = Fixture::new();
    let dir = base.dir.path().join(not_utf8("mapp"));
    std::fs::create_dir(&dir).expect("a folder with a Latin-1 name");
    let f = Fixture {
        db: dir.join("register.sqlite3"),
        dir: base.dir,
    };
    let db = f.db.clone();
    let run = |args: &[&std::ffi::OsStr]| f.cli().args(args).output().expect("run samverkan");
    let os = |s: &str| std::ffi::OsString::from(s);
    let out = run(&[&os("init")]);
    assert!(out.status.success(), "{out:?}");
    assert!(db.exists());
    let calendar = dir.join(not_utf8("kalender"));
    let out = run(&[&os("calendar"), &os("--out"), calendar.as_os_str()]);
    assert!(out.status.success(), "{out:?}");
    assert!(calendar.exists());

    let before = std::fs::read(&db).expect("read");
    for args in [
        vec![os("org"), os("add"), not_utf8("Förening ")],
        vec![os("person"), os("list"), os("--search"), not_utf8("An")],
        vec![
            os("--lang"),
            os("en"),
            os("org"),
            os("show"),
            not_utf8("Falu"),
        ],
    ] {
        let refs: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
        let out = run(&refs);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        let err = String::from_utf8(out.stderr).expect("a UTF-8 message");
        assert!(!err.contains("panicked"), "{err}");
        assert!(
            err.contains("inte UTF-8") || err.contains("not UTF-8"),
            "{args:?}: {err}"
        );
        assert_eq!(std::fs::read(&db).expect("read"), before, "{args:?}");
    }
    let out = run(&[
        &os("--lang"),
        &os("en"),
        &os("org"),
        &os("add"),
        &not_utf8("x"),
    ]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not readable text"));
}

#[cfg(unix)]
#[test]
fn samverkan_db_that_is_not_utf8_is_the_register_used() {
    let f = Fixture::new();
    let db = f.dir.path().join(not_utf8("register"));
    let samverkan = |args: &[&str]| {
        let mut c = assert_cmd::Command::cargo_bin("samverkan").expect("binary");
        c.env_remove("LANG")
            .env("HOME", f.dir.path())
            .env("SAMVERKAN_DB", &db)
            .args(args)
            .output()
            .expect("run")
    };
    assert!(samverkan(&["init"]).status.success());
    assert!(db.exists(), "the register is where SAMVERKAN_DB says");
    let out = samverkan(&["--json", "info"]);
    assert!(out.status.success(), "{out:?}");
    assert!(
        !f.dir.path().join(".local").exists(),
        "no register in the home folder"
    );
}

#[test]
fn files_the_user_can_fix_are_refused_with_exit_2_in_the_users_language() {
    let f = Fixture::dalarna();
    let dir = f.dir.path();
    let nowhere = dir.join("finns-inte");
    let p = |p: std::path::PathBuf| p.display().to_string();
    let csv = dir.join("people.csv");
    std::fs::write(
        &csv,
        "Organisation;Förnamn;Efternamn\nFalu kommun;Anna;Berg\n",
    )
    .expect("write");
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![
                "calendar".into(),
                "--out".into(),
                p(nowhere.join("möten.ics")),
            ],
            "mappen",
        ),
        (
            vec!["calendar".into(), "--out".into(), p(dir.to_owned())],
            "är en mapp",
        ),
        (
            vec![
                "backup".into(),
                "--out".into(),
                p(nowhere.join("kopia.sqlite3")),
            ],
            "mappen",
        ),
        (
            vec!["log".into(), "--out".into(), p(nowhere.join("logg.csv"))],
            "mappen",
        ),
        (
            vec!["restore".into(), p(dir.join("saknas.sqlite3"))],
            "finns inte",
        ),
        (
            vec![
                "import".into(),
                p(csv.clone()),
                "--mapping".into(),
                p(dir.join("saknas.json")),
            ],
            "finns inte",
        ),
    ];
    for (args, expected) in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let err = f.refused(&args);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(
            !err.contains("os error") && !err.contains("Databasfel"),
            "{err}"
        );
        let en = f.refused(&[&["--lang", "en"][..], &args].concat());
        assert!(!en.contains(expected) && !en.contains("os error"), "{en}");
    }
    assert!(!nowhere.exists(), "no folder was created");
}

#[cfg(unix)]
#[test]
fn out_writes_only_a_regular_file_or_a_new_path() {
    let f = Fixture::dalarna();
    let dir = f.dir.path();
    let fifo = dir.join("rör");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let elsewhere = dir.join("annan.txt");
    std::fs::write(&elsewhere, "orörd").expect("write");
    let link = dir.join("länk.ics");
    std::os::unix::fs::symlink(&elsewhere, &link).expect("symlink");
    use std::os::unix::fs::FileTypeExt;
    for (target, args) in [
        (&fifo, vec!["calendar", "--out"]),
        (&fifo, vec!["log", "--out"]),
        (&fifo, vec!["backup", "--out"]),
        (&link, vec!["calendar", "--out"]),
        (
            &link,
            vec![
                "roster",
                "--group",
                "Länsgruppen",
                "--format",
                "csv",
                "--out",
            ],
        ),
    ] {
        let t = target.display().to_string();
        let mut all = args.clone();
        all.push(&t);
        let err = f.refused(&all);
        assert!(
            err.contains("ingen vanlig fil") || err.contains("finns redan"),
            "{all:?}: {err}"
        );
        let en = f.refused(&[&["--lang", "en"][..], &all].concat());
        assert!(!en.contains("ingen vanlig fil"), "{en}");
    }
    let kind = std::fs::symlink_metadata(&fifo)
        .expect("still there")
        .file_type();
    assert!(kind.is_fifo(), "the pipe was not replaced");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&elsewhere).expect("read"), "orörd");
    assert!(!dir.join("rör.part").exists());
    // A regular file is replaced, a new path written.
    let ics = dir.join("möten.ics");
    std::fs::write(&ics, "gammalt").expect("write");
    f.ok(&["calendar", "--out", &ics.display().to_string()]);
    assert!(
        std::fs::read_to_string(&ics)
            .expect("read")
            .starts_with("BEGIN:VCALENDAR")
    );
}

#[test]
fn a_failed_daily_backup_warns_keeps_the_change_and_is_tried_again() {
    let f = Fixture::dalarna();
    let backups = f.dir.path().join("backups");
    // The register's creation made no daily backup; the first command would. A file where
    // the backup folder should be makes every backup fail, as a full disk does.
    if backups.exists() {
        std::fs::remove_dir_all(&backups).expect("clear");
    }
    std::fs::write(&backups, "").expect("block the backup folder");
    let out = f
        .cli()
        .args(["org", "add", "Ny förening"])
        .output()
        .expect("run");
    assert!(out.status.success(), "the change is not refused: {out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Varning: den dagliga säkerhetskopian"),
        "{err}"
    );
    assert!(
        f.ok(&["org", "list"]).contains("Ny förening"),
        "the change was kept"
    );
    let listed = f.json(&["backups"]);
    assert_eq!(listed, serde_json::json!([]), "nothing failed is listed");
    // Space is back: the next start makes the daily backup.
    std::fs::remove_file(&backups).expect("unblock");
    let out = f.cli().args(["org", "list"]).output().expect("run");
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("Varning"));
    let listed = f.json(&["backups"]);
    let listed = listed.as_array().expect("a list");
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert_eq!(listed[0]["reason"], "daily");
    assert!(listed[0]["sha256"].is_string());
}

#[test]
fn a_mistyped_db_creates_nothing_and_only_init_creates_a_register() {
    let f = Fixture::new();
    let typo = f.dir.path().join("regsiter").join("register.sqlite3");
    for args in [
        vec!["org", "list"],
        vec!["info"],
        vec!["backups"],
        vec!["log"],
    ] {
        let mut c = assert_cmd::Command::cargo_bin("samverkan").expect("binary");
        let out = c
            .env_remove("LANG")
            .env_remove("SAMVERKAN_DB")
            .env("HOME", f.dir.path())
            .arg("--db")
            .arg(&typo)
            .args(&args)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("Det finns inget register i"), "{err}");
        assert!(
            !f.dir.path().join("regsiter").exists(),
            "{args:?} made a folder"
        );
    }
    assert!(!f.db.exists());
    f.ok(&["init"]);
    assert!(f.db.exists());
}

#[test]
fn an_unknown_log_entity_or_language_is_refused_as_such() {
    let f = Fixture::dalarna();
    let err = f.refused(&["log", "--entity", "garbage"]);
    assert!(
        err.contains("slag av post i loggen") && err.contains("garbage"),
        "{err}"
    );
    assert!(!err.contains("organisation"), "{err}");
    let err = f.refused(&["--lang", "en", "log", "--entity", "garbage"]);
    assert!(err.contains("kind of log entry"), "{err}");
    let err = f.refused(&["--lang", "xx", "org", "list"]);
    assert!(err.contains("språk") && err.contains("xx"), "{err}");
    f.ok(&["--lang", "EN", "org", "list"]);
    f.ok(&["--lang", "sv-SE", "org", "list"]);
}
