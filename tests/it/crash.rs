//! Crash safety: the CLI writing to the register is killed with SIGKILL at random moments, 200
//! times. Every write it acknowledged (exit 0) must be there afterwards, and the register must
//! pass `integrity_check` and `foreign_key_check` after every kill.

use std::collections::BTreeSet;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;
use samverkan::Register;

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
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
    let mut acknowledged = BTreeSet::from(["Mätning Ett".to_owned()]);
    let mut killed = 0;
    for i in 0..200 {
        let name = format!("Person {i:03}");
        let mut child = add_person(&f, &name).spawn().expect("spawn");
        std::thread::sleep(Duration::from_micros(rng.below(typical * 12 / 10)));
        match child.try_wait().expect("wait") {
            Some(status) => {
                assert!(status.success(), "{name}: {status:?}");
                acknowledged.insert(name);
            }
            None => {
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
        "crash harness: 200 runs, {killed} killed mid-run, {} acknowledged, {} present, typical run {typical} µs",
        acknowledged.len(),
        people.len()
    );
    assert!(killed >= 50, "too few kills landed mid-run: {killed}");
}
