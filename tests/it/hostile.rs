//! The hostile-value corpus through the CLI's text fields and the safety commands: no panic,
//! values that are accepted round-trip exactly (in the register, the audit log and the
//! extract), refused ones get a message and change nothing, and a protected person never
//! reaches the exported log.

use crate::support::Fixture;

/// Values that have broken other programs: formula prefixes, right-to-left text and bidi
/// controls, decomposed Unicode, SQL and shell metacharacters, quotes, very long text.
fn corpus() -> Vec<String> {
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
        "x".repeat(10_000),
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
    let too_long = "y".repeat(10_001);
    let err = f.refused(&["person", "add", &too_long, "--org", "Falu kommun"]);
    assert!(err.contains("10000"), "{err}");
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
