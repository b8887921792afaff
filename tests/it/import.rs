//! Importing spreadsheets: dry run reports by row and column, nothing written; matching
//! updates and never duplicates; CSV in both separators and encodings; XLSX; and no panic on
//! any bytes.

use std::path::Path;

use chrono::Utc;
use proptest::prelude::*;
use samverkan::import::read::read_csv;
use samverkan::register::{Columns, read_sheet};
use samverkan::safety::backup::sha256_file;
use samverkan::{ErrorCode, Lang, Register};

use crate::support::{Fixture, today};

fn people_count(reg: &Register) -> usize {
    reg.people(&Default::default()).expect("people").len()
}

fn import(reg: &mut Register, path: &Path, dry_run: bool) -> samverkan::import::ImportReport {
    reg.import_file(path, None, dry_run, Lang::Sv, today(), Utc::now())
        .expect("import")
}

/// 10,000 rows over 100 new organisations; every 100th row (1 %) has a malformed e-mail.
fn big_csv(malformed: bool) -> String {
    let mut s = String::from("Organisation;Förnamn;Efternamn;E-post;Telefon\n");
    for i in 0..10_000 {
        let email = if malformed && i % 100 == 37 {
            format!("person{i}.example.se")
        } else {
            format!("person{i}@example.se")
        };
        s.push_str(&format!(
            "Förening {};Person;Nummer {i};{email};023-{:06}\n",
            i % 100,
            i
        ));
    }
    s
}

#[test]
fn a_dry_run_of_ten_thousand_rows_reports_exactly_the_malformed_ones_and_writes_nothing() {
    let f = Fixture::dalarna();
    let csv = f.dir.path().join("big.csv");
    std::fs::write(&csv, big_csv(true)).expect("write");
    let mut reg = f.open();
    reg.connection()
        .pragma_update(None, "wal_checkpoint", "TRUNCATE")
        .expect("checkpoint");
    let before = (sha256_file(&f.db).expect("hash"), people_count(&reg));
    let r = import(&mut reg, &csv, true);
    assert!(!r.written);
    assert_eq!(r.rows, 10_000);
    let rows: Vec<usize> = r.issues.iter().map(|i| i.row).collect();
    // Data row i is file row i + 2 (the header is row 1).
    let expected: Vec<usize> = (0..10_000)
        .filter(|i| i % 100 == 37)
        .map(|i| i + 2)
        .collect();
    assert_eq!(rows, expected);
    assert!(
        r.issues
            .iter()
            .all(|i| i.column.as_deref() == Some("E-post"))
    );
    assert!(
        r.issues[0].reason.contains("e-post"),
        "{}",
        r.issues[0].reason
    );
    assert_eq!(r.people_created, 9_900);
    assert_eq!(people_count(&reg), before.1);
    reg.connection()
        .pragma_update(None, "wal_checkpoint", "TRUNCATE")
        .expect("checkpoint");
    assert_eq!(
        sha256_file(&f.db).expect("hash"),
        before.0,
        "dry run changed the file"
    );
    // A real import of the same file writes nothing either.
    let r = import(&mut reg, &csv, false);
    assert!(!r.written);
    assert_eq!(people_count(&reg), before.1);
}

#[test]
fn ten_thousand_good_rows_import_in_one_go_and_a_second_import_matches_them_all() {
    let f = Fixture::dalarna();
    let csv = f.dir.path().join("big.csv");
    std::fs::write(&csv, big_csv(false)).expect("write");
    let mut reg = f.open();
    let before = people_count(&reg);
    let r = import(&mut reg, &csv, false);
    assert!(r.written, "{:?}", r.issues.first());
    assert_eq!((r.orgs_created, r.people_created), (100, 10_000));
    assert_eq!(people_count(&reg), before + 10_000);
    assert!(r.backup.is_some());
    let again = import(&mut reg, &csv, false);
    assert_eq!((again.orgs_created, again.orgs_matched), (0, 100));
    assert_eq!((again.people_created, again.people_matched), (0, 10_000));
    assert_eq!(people_count(&reg), before + 10_000, "no duplicates");
}

#[test]
fn people_are_matched_by_email_or_name_within_their_organisation_and_updated() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let first = f.dir.path().join("a.csv");
    std::fs::write(
        &first,
        "Organisation,Namn,E-post,Titel\nFalu kommun,Anna Berg,anna@falun.se,\nMora kommun,Anna Berg,,\n",
    )
    .expect("write");
    let r = import(&mut reg, &first, false);
    assert_eq!(
        r.people_created, 2,
        "same name in two organisations: two people"
    );
    let second = f.dir.path().join("b.csv");
    std::fs::write(
        &second,
        "Organisation,Namn,E-post,Titel\nFalu kommun,Anna Berg-Lind,ANNA@falun.se,Strateg\nMora kommun,anna berg,,Kurator\n",
    )
    .expect("write");
    let r = import(&mut reg, &second, false);
    assert_eq!((r.people_created, r.people_updated), (0, 2));
    let falun = reg
        .find_person("Anna Berg-Lind")
        .expect("renamed by e-mail match");
    assert_eq!(
        reg.person(falun).expect("p").title.as_deref(),
        Some("Strateg")
    );
}

#[test]
fn windows_1252_with_commas_and_a_mapping_file_through_the_cli() {
    let f = Fixture::dalarna();
    f.ok(&["info"]);
    let csv = f.dir.path().join("latin.csv");
    std::fs::write(
        &csv,
        b"Kommun,Kontakt,Mejl\r\nS\xe4ters kommun,P\xe4r \xd6berg,par@sater.se\r\n".as_slice(),
    )
    .expect("write");
    let map = f.dir.path().join("map.json");
    std::fs::write(&map, r#"{"Kommun": "organisation", "Kontakt": "name"}"#).expect("write");
    let csv_s = csv.to_str().expect("utf-8");
    let map_s = map.to_str().expect("utf-8");
    let dry = f.json(&["import", csv_s, "--mapping", map_s, "--dry-run"]);
    assert_eq!(dry["written"], false);
    assert_eq!(dry["people_created"], 1);
    f.json(&["import", csv_s, "--mapping", map_s]);
    let people = f.ok(&["person", "list", "--org", "Säters kommun"]);
    assert!(people.contains("Pär Öberg"), "{people}");
    // Without the mapping no column is the organisation: a message, nothing changed.
    let err = f.refused(&["import", csv_s]);
    assert!(err.contains("organisation"), "{err}");
}

#[test]
fn an_xlsx_sheet_is_imported_with_its_dates_and_appointments() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import.xlsx");
    let r = import(&mut reg, &path, false);
    assert!(r.written, "{:?}", r.issues);
    assert_eq!((r.people_created, r.appointments_created), (3, 2));
    let eva = reg.find_person("Eva Lund").expect("Eva");
    let d = reg.person_detail(eva).expect("detail");
    let json = serde_json::to_value(&d).expect("json");
    assert!(json.to_string().contains("2026-01-01"), "{json}");
}

#[test]
fn a_damaged_or_foreign_file_gets_a_message_not_a_crash() {
    let f = Fixture::dalarna();
    let bad = f.dir.path().join("bad.xlsx");
    std::fs::write(&bad, b"PK\x03\x04 this is not a workbook").expect("write");
    let e = read_sheet(&bad, Lang::Sv).expect_err("not a workbook");
    assert_eq!(e.code(), ErrorCode::Invalid);
    let empty = f.dir.path().join("empty.csv");
    std::fs::write(&empty, b"").expect("write");
    let e = read_sheet(&empty, Lang::En).expect_err("empty");
    assert!(
        e.message(Lang::En).contains("empty"),
        "{}",
        e.message(Lang::En)
    );
}

#[test]
fn a_taken_seat_is_reported_on_its_row() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let csv = f.dir.path().join("seat.csv");
    std::fs::write(
        &csv,
        "Organisation;Namn;Grupp;Roll;Från\nFalu kommun;Anna Berg;Länsgruppen;representant;2026-01-01\nFalu kommun;Bo Ek;Länsgruppen;representant;2026-02-01\n",
    )
    .expect("write");
    let r = import(&mut reg, &csv, true);
    assert_eq!(r.issues.len(), 1, "{:?}", r.issues);
    assert_eq!(r.issues[0].row, 3);
    assert!(
        r.issues[0].reason.contains("Anna Berg"),
        "{}",
        r.issues[0].reason
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn reading_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = read_csv(&bytes);
    }

    #[test]
    fn reading_csv_like_text_never_panics(text in "[;,\"\r\na-zåäö0-9@. -]{0,300}") {
        let _ = read_csv(text.as_bytes());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn importing_arbitrary_cells_never_panics_and_a_dry_run_writes_nothing(
        cells in proptest::collection::vec(proptest::collection::vec(any::<String>(), 0..9), 1..12)
    ) {
        let f = Fixture::dalarna();
        let mut reg = f.open();
        let header = "Organisation;Org.nr;Namn;E-post;Telefon;Grupp;Roll;Från;Till".to_owned();
        let mut text = header;
        for row in &cells {
            text.push('\n');
            let line: Vec<String> = row.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect();
            text.push_str(&line.join(";"));
        }
        let sheet = read_csv(text.as_bytes()).expect("a header");
        let before = people_count(&reg);
        let cols = Columns::guess(&sheet);
        let r = reg.import_sheet(&sheet, &cols, true, Lang::Sv, today(), Utc::now());
        prop_assert!(r.is_ok(), "{:?}", r.err());
        prop_assert_eq!(people_count(&reg), before);
    }
}
