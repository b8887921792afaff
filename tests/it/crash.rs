//! Crash safety: the CLI writing to the register is killed with SIGKILL at random moments, 200
//! times. Every write it acknowledged (exit 0) must be there afterwards, and the register must
//! pass `integrity_check` and `foreign_key_check` after every kill.

use std::collections::BTreeSet;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;
use samverkan::Register;
use samverkan::model::PersonDraft;

use crate::support::Fixture;

/// A small deterministic generator: the kill moments are random but the same on every run.
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

fn add_person(f: &Fixture, name: &str) -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("samverkan"));
    c.env_remove("LANG")
        .env_remove("SAMVERKAN_DB")
        .arg("--db")
        .arg(&f.db)
        .args(["person", "add", name, "--org", "Falu kommun"])
        .arg("--email")
        .arg(format!(
            "{}@falun.se",
            name.to_lowercase().replace(' ', ".")
        ))
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

#[test]
fn killed_writers_lose_no_acknowledged_write_and_never_damage_the_register() {
    let f = Fixture::dalarna();
    // How long one write takes here, to spread the kills over its whole run.
    let t0 = Instant::now();
    let ok = add_person(&f, "Mätning Ett").status().expect("run");
    assert!(ok.success());
    let typical = t0.elapsed().as_micros().max(1000) as u64;
    // The kill window adapts to this machine's speed now (a busy machine, a first write that
    // also made the daily backup): shorter after a write finished before the kill, longer after
    // a kill, so about half the runs are killed mid-write whatever the load.
    let mut window = typical;
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
    let mut acknowledged = BTreeSet::from(["Mätning Ett".to_owned()]);
    let mut killed = 0;
    for i in 0..200 {
        let name = format!("Person {i:03}");
        let mut child = add_person(&f, &name).spawn().expect("spawn");
        std::thread::sleep(Duration::from_micros(rng.below(window * 12 / 10)));
        match child.try_wait().expect("wait") {
            Some(status) => {
                assert!(status.success(), "{name}: {status:?}");
                acknowledged.insert(name);
                window = (window * 9 / 10).max(200);
            }
            None => {
                window = window * 21 / 20;
                child.kill().expect("SIGKILL");
                let status = child.wait().expect("wait");
                if status.success() {
                    acknowledged.insert(name);
                } else {
                    killed += 1;
                }
            }
        }
        let reg = Register::open(&f.db).expect("the register opens after a kill");
        let report = reg.check(Utc::now());
        assert!(report.ok(), "after run {i}: {report:?}");
    }
    let reg = Register::open(&f.db).expect("open");
    let people: BTreeSet<String> = reg
        .people(&Default::default())
        .expect("people")
        .into_iter()
        .map(|p| {
            // A write that was not acknowledged is there whole or not at all.
            let expected = format!(
                "{}@falun.se",
                p.name.as_str().to_lowercase().replace(' ', ".")
            );
            assert_eq!(
                p.email.as_ref().map(|e| e.as_str().to_owned()),
                Some(expected)
            );
            p.name.as_str().to_owned()
        })
        .collect();
    let missing: Vec<_> = acknowledged.difference(&people).collect();
    assert!(missing.is_empty(), "acknowledged but lost: {missing:?}");
    eprintln!(
        "crash harness: 200 runs, {killed} killed mid-run, {} acknowledged, {} present, first run {typical} µs, last window {window} µs",
        acknowledged.len(),
        people.len()
    );
    assert!(killed >= 50, "too few kills landed mid-run: {killed}");
}

/// The page data of the last frame for page 1 in a write-ahead log (SQLite's WAL format: a
/// 32-byte header, then frames of a 24-byte header and one page).
fn last_page_one(wal: &[u8]) -> Vec<u8> {
    let page_size = u32::from_be_bytes(wal[8..12].try_into().expect("4 bytes")) as usize;
    let mut last = None;
    for frame in wal[32..].chunks_exact(24 + page_size) {
        if frame[..4] == [0, 0, 0, 1] {
            last = Some(frame[24..].to_vec());
        }
    }
    last.expect("the log holds page 1")
}

/// A kill in the middle of a checkpoint leaves page 1 copied back into the file (recording the
/// larger size) before the pages that extend it; the log still holds them all, and SQLite
/// recovers from it. Such a file is a register that opens, not one cut off by a failed copy.
#[test]
fn a_kill_in_the_middle_of_a_checkpoint_is_recovered_from_the_log() {
    let f = Fixture::dalarna();
    let crashed = tempfile::tempdir().expect("temp dir");
    let copy = crashed.path().join("register.sqlite3");
    {
        let mut reg = f.open();
        reg.connection()
            .pragma_update(None, "wal_autocheckpoint", 0)
            .expect("no automatic checkpoint");
        let org = reg.find_org("Falu kommun").expect("Falun");
        for i in 0..300 {
            reg.add_person(&PersonDraft {
                name: format!("Person {i:03}"),
                organisation_id: org,
                notes: Some("Anteckning ".repeat(20)),
                ..PersonDraft::default()
            })
            .expect("person");
        }
        // The state a kill leaves while the register is open: the file and its log.
        std::fs::copy(&f.db, &copy).expect("copy the file");
        std::fs::copy(
            f.db.with_extension("sqlite3-wal"),
            copy.with_extension("sqlite3-wal"),
        )
        .expect("copy the log");
    }
    let wal = std::fs::read(copy.with_extension("sqlite3-wal")).expect("log");
    let page = last_page_one(&wal);
    let len = std::fs::metadata(&copy).expect("file").len();
    let pages = u64::from(u32::from_be_bytes(
        page[28..32].try_into().expect("4 bytes"),
    ));
    assert!(pages * page.len() as u64 > len, "the log grows the file");
    {
        use std::io::{Seek, SeekFrom, Write};
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .open(&copy)
            .expect("open the copy");
        file.seek(SeekFrom::Start(0)).expect("seek");
        file.write_all(&page)
            .expect("page 1 checkpointed, the rest not yet");
    }
    let reg = Register::open(&copy).expect("the register opens from its log");
    let checked = reg.open_report().checked.as_ref();
    assert!(
        checked.is_some_and(|r| r.ok()),
        "checked on opening: {checked:?}"
    );
    let people = reg.people(&Default::default()).expect("people");
    assert!(people.iter().any(|p| p.name.as_str() == "Person 299"));
}
