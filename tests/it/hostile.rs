//! The hostile-value corpus through every text field of the CLI and the safety commands: no panic,
//! values that are accepted round-trip exactly (in the register, the audit log and the
//! extract), refused ones get a message and change nothing, and a protected person never
//! reaches the exported log.

use crate::support::Fixture;

/// Values that have broken other programs: formula prefixes, right-to-left text and bidi
/// controls, decomposed Unicode, SQL and shell metacharacters, quotes, very long text.
pub fn corpus() -> Vec<String> {
    vec![
        "=HYPERLINK(\"http://x\",\"klicka\")".into(),
        "+46 SUM(A1:A9)".into(),
        "-2+3".into(),
        "@SUM(1)".into(),
        "\u{202E}nosreP enilA".into(),
        "Anna \u{2067}בת\u{2069} Berg".into(),
        "עדי כהן".into(),
        "A\u{030A}sa O\u{0308}berg".into(),
        "Robert'); DROP TABLE person;--".into(),
        "\"; DELETE FROM change_log; --".into(),
        "$(rm -rf ~) `id` %s %n {0}".into(),
        "Zoë \u{200D}\u{FEFF} Ångström".into(),
        "x".repeat(samverkan::model::MAX_NAME_CHARS),
        "🙂👩‍👩‍👧 Family".into(),
    ]
}

#[test]
fn hostile_values_round_trip_or_are_refused_and_never_panic() {
    let f = Fixture::dalarna();
    for (i, v) in corpus().into_iter().enumerate() {
        let out = f
            .cli()
            .args([
                "--json",
                "person",
                "add",
                &v,
                "--org",
                "Falu kommun",
                "--title",
                &v,
                "--notes",
                &v,
            ])
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{i}: {stderr}");
        match out.status.code() {
            Some(0) => {
                let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
                let person = &json["person"];
                assert_eq!(
                    person["name"].as_str(),
                    Some(v.as_str()),
                    "{i}: name changed"
                );
                assert_eq!(
                    person["title"].as_str(),
                    Some(v.as_str()),
                    "{i}: title changed"
                );
                assert_eq!(
                    person["notes"].as_str(),
                    Some(v.as_str()),
                    "{i}: notes changed"
                );
                let id = person["id"].as_i64().expect("id");
                let log = f.json(&["log", "--entity", "person", "--id", &id.to_string()]);
                let new: serde_json::Value =
                    serde_json::from_str(log[0]["new"].as_str().expect("new")).expect("json");
                assert_eq!(
                    new["name"].as_str(),
                    Some(v.as_str()),
                    "{i}: the log changed it"
                );
                let file = f.dir.path().join(format!("x{i}.json"));
                f.ok(&[
                    "extract",
                    &id.to_string(),
                    "--out",
                    file.to_str().expect("utf-8"),
                ]);
                let x: serde_json::Value =
                    serde_json::from_str(&std::fs::read_to_string(&file).expect("read"))
                        .expect("json");
                assert_eq!(
                    x["person"]["name"].as_str(),
                    Some(v.as_str()),
                    "{i}: the extract changed it"
                );
            }
            Some(2) => assert!(!stderr.trim().is_empty(), "{i}: refused without a message"),
            other => panic!("{i}: exit {other:?}: {stderr}"),
        }
    }
    // One character over the limit is refused, not cut.
    let too_long = "y".repeat(samverkan::model::MAX_NAME_CHARS + 1);
    let err = f.refused(&["person", "add", &too_long, "--org", "Falu kommun"]);
    assert!(err.contains("120 tecken"), "{err}");
    let notes = "n".repeat(samverkan::model::max_chars(samverkan::error::Field::Notes) + 1);
    let err = f.refused(&[
        "person",
        "add",
        "Anna Berg",
        "--org",
        "Falu kommun",
        &format!("--notes={notes}"),
    ]);
    assert!(err.contains("4000 tecken"), "{err}");
    assert!(
        f.json(&["person", "list"])
            .as_array()
            .is_some_and(|a| a.iter().all(|p| p["name"] != "Anna Berg"))
    );
}

#[test]
fn a_nul_in_an_imported_file_is_refused_and_never_stored() {
    let f = Fixture::dalarna();
    let csv = f.dir.path().join("nul.csv");
    std::fs::write(&csv, "Organisation;Namn\nFalu kommun;Anna\u{0}Berg\n").expect("write");
    let err = f.refused(&["import", csv.to_str().expect("utf-8")]);
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_protected_person_with_a_hostile_name_stays_out_of_the_exported_log() {
    let f = Fixture::dalarna();
    let name = "=Hemlig\u{202E} Person";
    f.ok(&["person", "add", name, "--org", "Falu kommun", "--protected"]);
    let out = f.dir.path().join("log.csv");
    f.ok(&["log", "--out", out.to_str().expect("utf-8")]);
    let text = std::fs::read_to_string(&out).expect("read");
    assert!(!text.contains("Hemlig"), "{text}");
    let exports = f.json(&["exports"]);
    assert_eq!(exports[0]["kind"], "log_export");
    assert_eq!(exports[0]["protected_included"], false);
}

/// Every string anywhere in a JSON value.
fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

/// Runs a CLI command with `--json`: `Some(reply)` when it succeeded, `None` when it was
/// refused with a message and left the register as it was. Never a panic or another exit.
fn attempt(f: &Fixture, what: &str, args: &[String]) -> Option<serde_json::Value> {
    let before = crate::support::snapshot(&f.db);
    let out = f
        .cli()
        .arg("--json")
        .args(args)
        .output()
        .expect("run samverkan");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    match out.status.code() {
        Some(0) => Some(serde_json::from_slice(&out.stdout).expect("JSON on stdout")),
        Some(2) => {
            assert!(
                !stderr.trim().is_empty(),
                "{what}: refused without a message"
            );
            assert_eq!(
                crate::support::snapshot(&f.db),
                before,
                "{what}: a refusal changed the register"
            );
            None
        }
        other => panic!("{what}: exit {other:?}: {stderr}"),
    }
}

/// Asserts that an accepted value came back exactly, at least `fields` times in the reply.
fn round_trips(what: &str, reply: &serde_json::Value, v: &str, fields: usize) {
    let mut all = Vec::new();
    strings(reply, &mut all);
    let found = all.iter().filter(|s| s.as_str() == v).count();
    assert!(
        found >= fields,
        "{what}: the value came back {found} of {fields} times, changed"
    );
}

#[test]
fn hostile_values_through_every_other_text_field_of_the_cli() {
    let f = Fixture::dalarna();
    let mut accepted = std::collections::BTreeMap::<String, usize>::new();
    let mut count = |what: &str| *accepted.entry(what.to_owned()).or_default() += 1;
    for (i, v) in corpus().into_iter().enumerate() {
        let o = |flag: &str| format!("--{flag}={v}");
        let s = |x: &str| x.to_owned();
        let what = |c: &str| format!("value {i} through {c}");
        // An organisation whose name, short name, address and notes are the value. Options are
        // given as --flag=VALUE and positional values after `--`, so that a value starting
        // with "-" is a value and not an option.
        let org = attempt(
            &f,
            &what("org add"),
            &[
                s("org"),
                s("add"),
                o("short"),
                o("address"),
                o("notes"),
                s("--group=Länsgruppen"),
                s("--"),
                v.clone(),
            ],
        );
        let org_ref = match &org {
            Some(reply) => {
                round_trips(&what("org add"), reply, &v, 4);
                count("org add");
                reply["organisation"]["id"]
                    .as_i64()
                    .expect("id")
                    .to_string()
            }
            None => "Falu kommun".to_owned(),
        };
        let org_args = |cmd: &[&str], flags: &[&str]| -> Vec<String> {
            let mut a: Vec<String> = cmd.iter().map(|x| s(x)).collect();
            a.extend(flags.iter().map(|flag| o(flag)));
            a.push(s("--"));
            a.push(org_ref.clone());
            a
        };
        for (cmd, flags) in [
            (&["contact", "add"][..], &["function", "name"][..]),
            (&["principal"][..], &["name", "title"][..]),
            (&["local-group"][..], &["name", "contact"][..]),
        ] {
            let c = cmd.join(" ");
            if let Some(reply) = attempt(&f, &what(&c), &org_args(cmd, flags)) {
                round_trips(&what(&c), &reply, &v, flags.len());
                count(&c);
            }
        }
        if let Some(reply) = attempt(
            &f,
            &what("group add"),
            &[
                s("group"),
                s("add"),
                s("--kind=working"),
                s("--per-year=2"),
                o("description"),
                s("--"),
                v.clone(),
            ],
        ) {
            round_trips(&what("group add"), &reply, &v, 2);
            count("group add");
        }
        let date = format!("2027-03-{:02}", 8 + i % 20);
        if let Some(reply) = attempt(
            &f,
            &what("meeting add"),
            &[
                s("meeting"),
                s("add"),
                s("--group=Länsgruppen"),
                format!("--date={date}"),
                o("place"),
                o("agenda"),
            ],
        ) {
            round_trips(&what("meeting add"), &reply, &v, 2);
            count("meeting add");
        }
        if let Some(reply) = attempt(
            &f,
            &what("blackout add"),
            &[
                s("blackout"),
                s("add"),
                s("--from=2027-08-01"),
                s("--to=2027-08-07"),
                o("label"),
            ],
        ) {
            round_trips(&what("blackout add"), &reply, &v, 1);
            count("blackout add");
        }
        if let Some(reply) = attempt(
            &f,
            &what("meeting organiser"),
            &[s("meeting"), s("organiser"), o("name")],
        ) {
            round_trips(&what("meeting organiser"), &reply, &v, 1);
            count("meeting organiser");
        }
    }
    // Hostile is not invalid: every field takes nearly every value (a value may still be
    // refused where the field has a rule of its own).
    let total = corpus().len();
    for (what, n) in &accepted {
        eprintln!("{what}: {n} of {total} values accepted");
    }
    assert_eq!(
        accepted.len(),
        8,
        "every command accepted some values: {accepted:?}"
    );
    assert!(accepted.values().all(|n| *n >= total - 3), "{accepted:?}");
    // The register is still whole after all of it.
    let check = f.json(&["check"]);
    assert_eq!(check["integrity_ok"], true, "{check}");
}

#[test]
fn a_protected_person_with_a_hostile_name_is_in_no_roster_list_or_calendar() {
    let f = Fixture::dalarna();
    let name = "=Hemlig\u{202E} Person";
    f.ok(&[
        "person",
        "add",
        name,
        "--org",
        "Falu kommun",
        "--protected",
        "--email",
        "hemlig@falun.se",
    ]);
    f.ok(&[
        "appoint",
        name,
        "--group",
        "Länsgruppen",
        "--role",
        "representative",
        "--from",
        "2026-01-01",
    ]);
    let meeting = f.json(&[
        "meeting",
        "add",
        "--group",
        "Länsgruppen",
        "--date",
        "2027-03-09",
    ]);
    let id = meeting["id"].as_i64().expect("id").to_string();
    let dir = f.dir.path();
    let path = |n: &str| dir.join(n).to_str().expect("utf-8").to_owned();
    for format in ["csv", "xlsx", "pdf"] {
        let file = path(&format!("roster.{format}"));
        f.ok(&[
            "roster",
            "--group",
            "Länsgruppen",
            "--format",
            format,
            "--out",
            &file,
        ]);
        let bytes = std::fs::read(&file).expect("roster");
        let text = match format {
            "pdf" => crate::support::pdf_text(&bytes),
            "xlsx" => {
                use calamine::{Reader, Xlsx};
                let mut book: Xlsx<_> =
                    Xlsx::new(std::io::Cursor::new(bytes)).expect("an XLSX file");
                let sheet = book.sheet_names()[0].clone();
                let range = book.worksheet_range(&sheet).expect("sheet");
                range
                    .rows()
                    .flat_map(|r| r.iter().map(|c| c.to_string()))
                    .collect::<Vec<_>>()
                    .join(" ")
            }
            _ => String::from_utf8_lossy(&bytes).into_owned(),
        };
        assert!(!text.contains("Hemlig"), "{format}: {text}");
    }
    let list = path("narvaro.pdf");
    f.ok(&["attendance-list", &id, "--out", &list]);
    let text = crate::support::pdf_text(&std::fs::read(&list).expect("list"));
    assert!(!text.contains("Hemlig"), "attendance list: {text}");
    let mail = f.ok(&["mailing-list", "--group", "Länsgruppen"]);
    assert!(!mail.contains("hemlig@falun.se"), "{mail}");
    let ics = path("m.ics");
    let refused = f.refused(&["calendar", "--person", name, "--out", &ics]);
    assert!(refused.contains("skyddade"), "{refused}");
    assert!(!std::path::Path::new(&ics).exists());
}
