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
