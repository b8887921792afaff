//! Importing spreadsheets: dry run reports by row and column, nothing written; matching
//! updates and never duplicates; CSV in both separators and encodings; XLSX; and no panic on
//! any bytes.

use std::path::Path;

use chrono::Utc;
use proptest::prelude::*;
use samverkan::error::{Limit, Unreadable};
use samverkan::import::read::{
    MAX_CELL_BYTES, MAX_COLUMNS, MAX_ODS_CELLS, MAX_PART_BYTES, MAX_ROWS, read_csv,
};
use samverkan::import::{
    ColumnNote, ImportChoices, ImportField, ImportReport, OrgAlias, OrgDecision,
};
use samverkan::model::Role;
use samverkan::register::{Columns, read_sheet};
use samverkan::safety::backup::sha256_file;
use samverkan::{Error, ErrorCode, Lang, Register};

use crate::support::{Fixture, today};

fn people_count(reg: &Register) -> usize {
    reg.people(&Default::default()).expect("people").len()
}

/// Imports with the file's new organisations created (the CLI's `--create-all-orgs`).
fn import(reg: &mut Register, path: &Path, dry_run: bool) -> ImportReport {
    let choices = ImportChoices {
        dry_run,
        create_all_orgs: true,
        ..ImportChoices::default()
    };
    import_with(reg, path, &choices)
}

fn import_with(reg: &mut Register, path: &Path, choices: &ImportChoices) -> ImportReport {
    reg.import_file(path, None, choices, Lang::Sv, today(), Utc::now())
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
    let e = read_sheet(&bad).expect_err("not a workbook");
    assert_eq!(e.code(), ErrorCode::Invalid);
    let empty = f.dir.path().join("empty.csv");
    std::fs::write(&empty, b"").expect("write");
    let e = read_sheet(&empty).expect_err("empty");
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
        let choices = ImportChoices { dry_run: true, create_all_orgs: true, ..ImportChoices::default() };
        let r = reg.import_sheet(&sheet, &cols, &choices, Lang::Sv, today(), Utc::now());
        prop_assert!(r.is_ok(), "{:?}", r.err());
        prop_assert_eq!(people_count(&reg), before);
    }
}

// Hostile files, built here by code: a workbook is a zip of XML parts.

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;

/// Writes a zip of `parts` (name, bytes), deflated.
fn write_zip(path: &Path, parts: &[(&str, &[u8])]) {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).expect("create"));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        z.start_file(*name, options).expect("part");
        z.write_all(bytes).expect("write part");
    }
    z.finish().expect("finish zip");
}

/// An xlsx whose sheet is `sheet_data` (the rows inside `<sheetData>`), after `dimension`.
fn write_xlsx(path: &Path, dimension: &str, sheet_data: &str, extra: &[(&str, &[u8])]) {
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{dimension}<sheetData>{sheet_data}</sheetData></worksheet>"#
    );
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("xl/workbook.xml", WORKBOOK.as_bytes()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ];
    parts.extend_from_slice(extra);
    write_zip(path, &parts);
}

fn inline(cell: &str, text: &str) -> String {
    format!(r#"<c r="{cell}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

fn unreadable(path: &Path) -> Unreadable {
    match read_sheet(path) {
        Err(Error::ImportUnreadable { reason, .. }) => reason,
        other => panic!(
            "{} should be refused as unreadable: {other:?}",
            path.display()
        ),
    }
}

#[test]
fn a_cell_at_the_last_row_and_column_of_a_sheet_is_refused_before_anything_is_built() {
    let f = Fixture::dalarna();
    // The attack: one cell at XFD1048576 made calamine allocate 512 GB.
    let far = f.dir.path().join("far.xlsx");
    let rows = format!(
        r#"<row r="1">{}</row><row r="1048576">{}</row>"#,
        inline("A1", "Organisation"),
        inline("XFD1048576", "x")
    );
    write_xlsx(&far, "", &rows, &[]);
    assert_eq!(
        unreadable(&far),
        Unreadable::TooLarge(Limit::Rows {
            row: 1_048_576,
            max: MAX_ROWS as u64
        })
    );
    // XFD3000: within the rows, past the columns (2.7 GB before).
    let wide = f.dir.path().join("wide.xlsx");
    let rows = format!(
        r#"<row r="1">{}</row><row r="3000">{}</row>"#,
        inline("A1", "Organisation"),
        inline("XFD3000", "x")
    );
    write_xlsx(&wide, "", &rows, &[]);
    assert_eq!(
        unreadable(&wide),
        Unreadable::TooLarge(Limit::Columns {
            column: 16_384,
            max: MAX_COLUMNS as u64
        })
    );
    // The declared dimension alone is refused, before a cell is read.
    let declared = f.dir.path().join("declared.xlsx");
    let rows = format!(r#"<row r="1">{}</row>"#, inline("A1", "Organisation"));
    write_xlsx(&declared, r#"<dimension ref="A1:B900000"/>"#, &rows, &[]);
    assert_eq!(
        unreadable(&declared),
        Unreadable::TooLarge(Limit::Rows {
            row: 900_000,
            max: MAX_ROWS as u64
        })
    );
    // Through the CLI: exit 2, the message says what, how large and the limit, in Swedish or
    // English.
    let far_s = far.to_str().expect("utf-8");
    let sv = f.refused(&["import", far_s, "--dry-run"]);
    assert!(
        sv.contains("rad 1048576") && sv.contains(&format!("högst {MAX_ROWS} rader")),
        "{sv}"
    );
    let out = f
        .cli()
        .args(["--lang", "en", "import", far_s, "--dry-run"])
        .output()
        .expect("run");
    let en = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{en}");
    assert!(
        en.contains("row 1048576") && en.contains(&format!("at most {MAX_ROWS} rows")),
        "{en}"
    );
}

#[test]
fn a_part_that_inflates_past_its_limit_is_refused_by_its_size_not_read() {
    let f = Fixture::dalarna();
    // Shared strings are read whole by calamine: their inflated size is checked first.
    let strings = vec![b'a'; usize::try_from(MAX_PART_BYTES).expect("fits") + 1];
    let path = f.dir.path().join("strings.xlsx");
    let rows = format!(r#"<row r="1">{}</row>"#, inline("A1", "Organisation"));
    write_xlsx(&path, "", &rows, &[("xl/sharedStrings.xml", &strings)]);
    assert_eq!(
        unreadable(&path),
        Unreadable::TooLarge(Limit::Part {
            name: "xl/sharedStrings.xml".into(),
            bytes: MAX_PART_BYTES + 1,
            max: MAX_PART_BYTES
        })
    );
    // The sheet is streamed, but one cell that inflates to a megabyte (the attack: a 1 MB
    // file whose cell inflated to 1 GB) is refused before quick-xml holds it.
    let path = f.dir.path().join("bigcell.xlsx");
    let rows = format!(
        r#"<row r="1">{}</row><row r="2">{}</row>"#,
        inline("A1", "Organisation"),
        inline("A2", &"a".repeat(1 << 20))
    );
    write_xlsx(&path, "", &rows, &[]);
    assert!(
        matches!(
            unreadable(&path),
            Unreadable::TooLarge(Limit::XmlRun { .. })
        ),
        "{:?}",
        unreadable(&path)
    );
    // A cell longer than a cell may be (but short enough for the XML) names its place.
    let path = f.dir.path().join("longcell.xlsx");
    let rows = format!(
        r#"<row r="1">{}</row><row r="2">{}</row>"#,
        inline("A1", "Organisation"),
        inline("C2", &"a".repeat(MAX_CELL_BYTES + 1))
    );
    write_xlsx(&path, "", &rows, &[]);
    assert_eq!(
        unreadable(&path),
        Unreadable::TooLarge(Limit::CellSize {
            row: 2,
            column: 3,
            bytes: MAX_CELL_BYTES as u64 + 1,
            max: MAX_CELL_BYTES as u64
        })
    );
}

#[test]
fn an_ods_cell_repeated_across_every_column_is_refused_before_calamine_expands_it() {
    let f = Fixture::dalarna();
    let content = r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Blad1"><table:table-row><table:table-cell office:value-type="string"><text:p>Organisation</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1000"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let path = f.dir.path().join("repeat.ods");
    write_zip(
        &path,
        &[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet",
            ),
            ("content.xml", content.as_bytes()),
        ],
    );
    assert_eq!(
        unreadable(&path),
        Unreadable::TooLarge(Limit::Columns {
            column: 16_384,
            max: MAX_COLUMNS as u64
        })
    );
    // Rows repeated a million times with a value in each: refused by rows.
    let rows = content.replace("1000", "1000000").replace("16384", "2");
    std::fs::write(&path, b"").expect("truncate");
    write_zip(
        &path,
        &[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet",
            ),
            ("content.xml", rows.as_bytes()),
        ],
    );
    assert!(
        matches!(
            unreadable(&path),
            Unreadable::TooLarge(Limit::Rows { row: 1_000_001, .. })
        ),
        "{:?}",
        unreadable(&path)
    );
    // Within the rows and columns, but calamine would hold a million cells three times over.
    let cells = content.replace("1000", "100000").replace("16384", "10");
    std::fs::write(&path, b"").expect("truncate");
    write_zip(
        &path,
        &[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet",
            ),
            ("content.xml", cells.as_bytes()),
        ],
    );
    assert_eq!(
        unreadable(&path),
        Unreadable::TooLarge(Limit::Cells {
            cells: 1_000_010,
            max: MAX_ODS_CELLS as u64
        })
    );
}

#[test]
fn an_old_excel_file_is_refused_with_advice() {
    let f = Fixture::dalarna();
    let path = f.dir.path().join("old.xls");
    std::fs::write(&path, b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1").expect("write");
    assert_eq!(unreadable(&path), Unreadable::OldExcel);
    let err = f.refused(&["import", path.to_str().expect("utf-8"), "--dry-run"]);
    assert!(err.contains(".xlsx"), "{err}");
}

#[test]
fn a_csv_mixing_utf8_with_a_windows_1252_line_is_refused_naming_the_line() {
    let f = Fixture::dalarna();
    let path = f.dir.path().join("mixed.csv");
    let mut bytes = "Organisation;Namn\nFalu kommun;Åsa Öberg\n"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"Mora kommun;\xc5ke \xc4rlig\n");
    bytes.extend_from_slice("Leksands kommun;Örjan Ödmark\n".as_bytes());
    std::fs::write(&path, &bytes).expect("write");
    assert_eq!(
        unreadable(&path),
        Unreadable::MixedEncoding {
            line: 3,
            rest_utf8: true
        }
    );
    let err = f.refused(&["import", path.to_str().expect("utf-8"), "--dry-run"]);
    assert!(err.contains("rad 3"), "{err}");
    // Mostly Windows-1252 with one UTF-8 line: the UTF-8 line is named.
    let mut bytes = b"Organisation;Namn\nFalu kommun;\xc5sa\nMora kommun;\xc5ke\n".to_vec();
    bytes.extend_from_slice("Leksands kommun;Örjan\n".as_bytes());
    std::fs::write(&path, &bytes).expect("write");
    assert_eq!(
        unreadable(&path),
        Unreadable::MixedEncoding {
            line: 4,
            rest_utf8: false
        }
    );
}

#[test]
fn excels_unicode_text_utf16_with_tabs_is_read() {
    let f = Fixture::dalarna();
    let text = "Organisation\tNamn\tE-post\r\nSäters kommun\tPär Öberg\tpar@sater.se\r\n";
    for (name, bom, units) in [
        (
            "le.txt",
            [0xFF, 0xFE],
            text.encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<_>>(),
        ),
        (
            "be.txt",
            [0xFE, 0xFF],
            text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        ),
    ] {
        let path = f.dir.path().join(name);
        let mut bytes = bom.to_vec();
        bytes.extend_from_slice(&units);
        std::fs::write(&path, &bytes).expect("write");
        let sheet = read_sheet(&path).expect("UTF-16 is read");
        assert_eq!(sheet.header, vec!["Organisation", "Namn", "E-post"]);
        assert_eq!(
            sheet.rows,
            vec![(
                2,
                vec![
                    "Säters kommun".into(),
                    "Pär Öberg".into(),
                    "par@sater.se".into()
                ]
            )]
        );
    }
}

#[test]
fn a_row_without_a_name_is_reported_as_skipped_and_one_with_data_but_no_name_as_a_problem() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let path = f.dir.path().join("names.csv");
    std::fs::write(
        &path,
        "Organisation;Namn;E-post\nFalu kommun;Anna Berg;\nMora kommun;;\n",
    )
    .expect("write");
    for dry_run in [true, false] {
        let r = import(&mut reg, &path, dry_run);
        assert_eq!(r.written, !dry_run, "{r:?}");
        assert_eq!(r.rows_skipped, 1);
        assert_eq!(r.skipped.len(), 1);
        assert_eq!(r.skipped[0].row, 3);
        assert_eq!(r.skipped[0].column.as_deref(), Some("Namn"));
        assert!(
            r.skipped[0].reason.contains("inget namn"),
            "{:?}",
            r.skipped
        );
        assert!(r.issues.is_empty(), "{:?}", r.issues);
    }
    // The CLI's report says so too.
    let out = f.ok(&["import", path.to_str().expect("utf-8"), "--dry-run"]);
    assert!(
        out.contains("hoppades över") && out.contains("inget namn"),
        "{out}"
    );
    // An e-mail without a name would be lost: a problem of the row, nothing written.
    std::fs::write(&path, "Organisation;Namn;E-post\nMora kommun;;bo@mora.se\n").expect("write");
    let r = import(&mut reg, &path, false);
    assert!(!r.written);
    assert_eq!((r.rows_rejected, r.issues[0].row), (1, 2));
    assert_eq!(r.issues[0].column.as_deref(), Some("Namn"));
}

/// `rows` rows over 10 organisations, so that each holds many people.
fn rows_in_ten_orgs(rows: usize) -> String {
    let mut s = String::from("Organisation;Förnamn;Efternamn;E-post\n");
    for i in 0..rows {
        s.push_str(&format!(
            "Förening {};Person;Nummer {i};person{i}@example.se\n",
            i % 10
        ));
    }
    s
}

#[test]
fn the_cost_of_an_import_grows_with_its_rows_not_their_square() {
    // Each row looked its person up by a scan of the organisation's people (no index on
    // e-mail): four times the rows took sixteen times as long. Now matching is a hash: four
    // times the rows take about four times as long. The bound (8) leaves room for a busy
    // machine; the square of it would be 16.
    let time = |rows: usize| {
        let f = Fixture::dalarna();
        let csv = f.dir.path().join("rows.csv");
        std::fs::write(&csv, rows_in_ten_orgs(rows)).expect("write");
        let mut reg = f.open();
        let start = std::time::Instant::now();
        let r = import(&mut reg, &csv, true);
        assert_eq!(r.people_created, rows);
        start.elapsed()
    };
    let small = time(4_000).min(time(4_000));
    let large = time(16_000);
    let ratio = large.as_secs_f64() / small.as_secs_f64();
    assert!(
        ratio < 8.0,
        "4,000 rows took {small:?}, 16,000 took {large:?} ({ratio:.1} times)"
    );
}

// Issue #11, point 1: roles without a group, new organisations, the columns explained, the
// template, and the roster export read back.

fn write(f: &Fixture, name: &str, text: &str) -> std::path::PathBuf {
    let p = f.dir.path().join(name);
    std::fs::write(&p, text).expect("write");
    p
}

fn dry() -> ImportChoices {
    ImportChoices {
        dry_run: true,
        ..ImportChoices::default()
    }
}

/// The appointments of a person: (group, organisation, role).
fn held(reg: &Register, name: &str) -> Vec<(String, String, Role)> {
    let id = reg.find_person(name).expect(name);
    reg.person_detail(id)
        .expect("detail")
        .appointments
        .into_iter()
        .map(|a| (a.group_name, a.organisation_name, a.role))
        .collect()
}

const ROLES_WITHOUT_GROUP: &str = "Organisation;Namn;E-post;Roll\n\
    Falu kommun;Anna Berg;anna@falun.se;Representant\n\
    Mora kommun;Bo Ek;bo@mora.se;Ersättare\n\
    Okänd förening;Cia Holm;cia@example.se;Representant\n";

#[test]
fn roles_without_a_group_go_into_the_county_group_and_the_report_says_so() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let csv = write(&f, "roles.csv", ROLES_WITHOUT_GROUP);
    let r = import_with(&mut reg, &csv, &dry());
    assert_eq!(r.appointments_created, 2, "{r:?}");
    assert_eq!(r.rows_in_default_group, 2);
    assert_eq!(
        r.group.as_ref().map(|g| g.name.as_str()),
        Some("Länsgruppen MVK")
    );
    let role = r.columns.iter().find(|c| c.header == "Roll").expect("Roll");
    assert_eq!(
        role.note,
        ColumnNote::RolesInto {
            group: "Länsgruppen MVK".into()
        }
    );
    // The organisation the register does not know is named, not created, its row skipped.
    assert_eq!(r.new_orgs.len(), 1);
    assert_eq!(r.new_orgs[0].name, "Okänd förening");
    assert_eq!(r.new_orgs[0].decision, OrgDecision::Skip);
    assert_eq!((r.orgs_created, r.rows_skipped), (0, 1));
    assert_eq!(r.skipped[0].row, 4);
    assert!(r.issues.is_empty(), "{:?}", r.issues);

    let r = import_with(&mut reg, &csv, &ImportChoices::default());
    assert!(r.written);
    assert_eq!(
        held(&reg, "Anna Berg"),
        vec![(
            "Länsgruppen MVK".into(),
            "Falu kommun".into(),
            Role::Representative
        )]
    );
    assert_eq!(
        held(&reg, "Bo Ek")[0].2,
        Role::Substitute,
        "the substitute's seat"
    );
    assert!(reg.find_org("Okänd förening").is_err(), "not created");
    assert!(reg.find_person("Cia Holm").is_err(), "her row was skipped");
    // Read again: the appointments are there already.
    let again = import_with(&mut reg, &csv, &dry());
    assert_eq!(
        (again.appointments_created, again.appointments_existing),
        (0, 2)
    );
}

#[test]
fn a_group_chosen_for_the_file_takes_the_roles_without_a_group() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let csv = write(
        &f,
        "heder.csv",
        "Organisation;Namn;Roll\nFalu kommun;Anna Berg;Ledamot\n",
    );
    let group_id = reg.find_group("RC Heder").expect("RC Heder");
    let r = import_with(
        &mut reg,
        &csv,
        &ImportChoices {
            group_id: Some(group_id),
            ..ImportChoices::default()
        },
    );
    assert!(r.written, "{:?}", r.issues);
    assert_eq!(
        held(&reg, "Anna Berg"),
        vec![("RC Heder".into(), "Falu kommun".into(), Role::Member)]
    );
}

#[test]
fn a_new_organisation_is_created_only_when_chosen_and_a_similar_name_is_offered() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let csv = write(
        &f,
        "new.csv",
        "Organisation;Namn\n\
         Brottsofferjouren Dalarna;Dan Ström\n\
         Okänd förening;Cia Holm\n\
         okänd  FÖRENING;Eva Lund\n",
    );
    let r = import_with(&mut reg, &csv, &dry());
    let names: Vec<(&str, usize, Option<&str>)> = r
        .new_orgs
        .iter()
        .map(|o| {
            (
                o.name.as_str(),
                o.rows,
                o.similar.as_ref().map(|s| s.name.as_str()),
            )
        })
        .collect();
    assert_eq!(
        names,
        vec![
            ("Brottsofferjouren Dalarna", 1, Some("Brottsofferjouren")),
            ("Okänd förening", 2, None),
        ]
    );
    assert_eq!((r.people_created, r.rows_skipped), (0, 3));

    let existing = r.new_orgs[0].similar.as_ref().expect("similar").id;
    let choices = ImportChoices {
        create_orgs: vec!["OKÄND FÖRENING".into()],
        use_existing: vec![OrgAlias {
            name: "Brottsofferjouren Dalarna".into(),
            org_id: existing,
        }],
        ..ImportChoices::default()
    };
    let r = import_with(&mut reg, &csv, &choices);
    assert!(r.written, "{:?}", r.issues);
    assert_eq!(
        (r.orgs_created, r.people_created, r.rows_skipped),
        (1, 3, 0)
    );
    let decisions: Vec<OrgDecision> = r.new_orgs.iter().map(|o| o.decision).collect();
    assert_eq!(
        decisions,
        vec![OrgDecision::UseExisting, OrgDecision::Create]
    );
    let dan = reg.find_person("Dan Ström").expect("Dan");
    assert_eq!(reg.person(dan).expect("Dan").organisation_id, existing);
    assert!(reg.find_org("Brottsofferjouren Dalarna").is_err());
    let okand = reg.find_org("Okänd förening").expect("created once");
    let people = reg
        .people(&samverkan::register::PersonQuery {
            organisation_id: Some(okand),
            ..Default::default()
        })
        .expect("people");
    assert_eq!(people.len(), 2);
}

#[test]
fn a_choice_the_file_does_not_bear_out_is_refused_and_changes_nothing() {
    let f = Fixture::dalarna();
    let csv = write(&f, "roles.csv", ROLES_WITHOUT_GROUP);
    let mut reg = f.open();
    reg.connection()
        .pragma_update(None, "wal_checkpoint", "TRUNCATE")
        .expect("checkpoint");
    let before = sha256_file(&f.db).expect("hash");
    for (choices, expected) in [
        (
            ImportChoices {
                create_orgs: vec!["Falu kommun".into()],
                ..ImportChoices::default()
            },
            ErrorCode::Invalid,
        ),
        (
            ImportChoices {
                create_orgs: vec!["Okänd föreningen".into()],
                ..ImportChoices::default()
            },
            ErrorCode::Invalid,
        ),
        (
            ImportChoices {
                group_id: Some(9_999),
                ..ImportChoices::default()
            },
            ErrorCode::NotFound,
        ),
        (
            ImportChoices {
                use_existing: vec![OrgAlias {
                    name: "Okänd förening".into(),
                    org_id: 9_999,
                }],
                ..ImportChoices::default()
            },
            ErrorCode::NotFound,
        ),
    ] {
        let e = reg
            .import_file(&csv, None, &choices, Lang::Sv, today(), Utc::now())
            .expect_err("refused");
        assert_eq!(e.code(), expected, "{choices:?}: {}", e.message(Lang::Sv));
    }
    reg.connection()
        .pragma_update(None, "wal_checkpoint", "TRUNCATE")
        .expect("checkpoint");
    assert_eq!(sha256_file(&f.db).expect("hash"), before, "nothing changed");
    drop(reg);
    let err = f.refused(&[
        "import",
        csv.to_str().expect("utf-8"),
        "--create-org",
        "Okänd föreningen",
    ]);
    assert!(err.contains("Okänd föreningen"), "{err}");
    let mut reg = f.open();
    // No group for roles: the register has no county group and none is chosen.
    let g = reg.find_group("Länsgruppen MVK").expect("county");
    reg.remove_group(g).expect("remove the county group");
    let r = import_with(&mut reg, &csv, &dry());
    assert_eq!(r.rows_rejected, 3, "{:?}", r.issues);
    assert!(
        r.issues[0].reason.contains("grupp"),
        "{}",
        r.issues[0].reason
    );
    assert_eq!(r.columns[3].note, ColumnNote::RolesWithoutGroup);
}

#[test]
fn each_column_says_what_it_fills_or_why_it_is_ignored() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let csv = write(
        &f,
        "cols.csv",
        "Organisation;Namn;E-post;Mail;Skostorlek\nFalu kommun;Anna Berg;anna@falun.se;a@b.se;38\n",
    );
    let r = import_with(&mut reg, &csv, &dry());
    let notes: Vec<(&str, ColumnNote)> = r
        .columns
        .iter()
        .map(|c| (c.header.as_str(), c.note.clone()))
        .collect();
    assert_eq!(
        notes,
        vec![
            ("Organisation", ColumnNote::Fills),
            ("Namn", ColumnNote::Fills),
            ("E-post", ColumnNote::Fills),
            (
                "Mail",
                ColumnNote::SameFieldAs {
                    column: "E-post".into()
                }
            ),
            ("Skostorlek", ColumnNote::NotRecognised),
        ]
    );
    // The app's wizard: the coordinator turned the e-mail column off.
    let sheet = read_sheet(&csv).expect("sheet");
    let cols = Columns::explicit(
        &sheet,
        vec![
            Some(ImportField::Organisation),
            Some(ImportField::Name),
            None,
            None,
            None,
        ],
    );
    let r = reg
        .import_sheet(&sheet, &cols, &dry(), Lang::En, today(), Utc::now())
        .expect("dry run");
    assert_eq!(
        r.columns[2].note,
        ColumnNote::NotChosen {
            field: ImportField::Email
        }
    );
    assert_eq!(
        r.columns[3].note,
        ColumnNote::NotChosen {
            field: ImportField::Email
        }
    );
    // The CLI prints the reasons.
    drop(reg);
    let out = f.ok(&["import", csv.to_str().expect("utf-8"), "--dry-run"]);
    assert!(
        out.contains("Mail → (används inte) (används inte: fältet läses redan från ”E-post”)"),
        "{out}"
    );
    assert!(
        out.contains("Skostorlek → (används inte) (används inte: rubriken motsvarar inget fält)"),
        "{out}"
    );
}

#[test]
fn the_cli_names_new_organisations_and_creates_only_those_it_is_told_to() {
    let f = Fixture::dalarna();
    let csv = write(
        &f,
        "new.csv",
        "Organisation;Namn;Roll\nBrottsofferjouren Dalarna;Dan Ström;Representant\nOkänd förening;Cia Holm;Representant\n",
    );
    let csv = csv.to_str().expect("utf-8");
    let out = f.ok(&["import", csv, "--dry-run"]);
    assert!(
        out.contains("Brottsofferjouren Dalarna (1 rader): skapas inte, raderna hoppas över; liknar ”Brottsofferjouren”"),
        "{out}"
    );
    assert!(out.contains("Okänd förening (1 rader)"), "{out}");
    assert!(out.contains("Länsgruppen MVK"), "{out}");
    let r = f.json(&[
        "import",
        csv,
        "--create-org",
        "Okänd förening",
        "--org-as",
        "Brottsofferjouren Dalarna=Brottsofferjouren",
    ]);
    assert_eq!(r["written"], true);
    assert_eq!(r["orgs_created"], 1);
    assert_eq!(r["appointments_created"], 2);
    let people = f.ok(&["person", "list", "--org", "Brottsofferjouren"]);
    assert!(people.contains("Dan Ström"), "{people}");
}

#[test]
fn the_import_template_names_every_field_and_explains_it() {
    let f = Fixture::dalarna();
    for (file, lang) in [("mall.xlsx", "sv"), ("template.csv", "en")] {
        let path = f.dir.path().join(file);
        let p = path.to_str().expect("utf-8");
        f.cli()
            .args(["--lang", lang, "import-template", "--out", p])
            .assert()
            .success();
        let sheet = read_sheet(&path).expect("the template reads");
        use ImportField::*;
        let fields = samverkan::import::mapping::guess(&sheet.header);
        let expected = [
            Organisation,
            OrgNumber,
            OrgKind,
            Name,
            Title,
            Email,
            Phone,
            Protected,
            Group,
            Role,
            From,
            To,
            Notes,
        ];
        assert_eq!(
            fields,
            expected.map(Some).to_vec(),
            "{file}: {:?}",
            sheet.header
        );
        assert_eq!(sheet.rows.len(), 0);
    }
    // A folder, or a format the template does not have, is refused and nothing is written.
    let dir = f.dir.path().to_str().expect("utf-8");
    let err = f.refused(&["import-template", "--out", dir]);
    assert!(!err.contains("panicked"), "{err}");
    let pdf = f.dir.path().join("mall.pdf");
    let err = f.refused(&[
        "import-template",
        "--out",
        pdf.to_str().expect("utf-8"),
        "--format",
        "pdf",
    ]);
    assert!(err.contains("pdf"), "{err}");
    assert!(!pdf.exists());
    // The workbook's second sheet explains each column (read by calamine, not by us).
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> =
        calamine::open_workbook(f.dir.path().join("mall.xlsx")).expect("workbook");
    let names = wb.sheet_names();
    assert_eq!(names, vec!["Import".to_owned(), "Kolumner".to_owned()]);
    let explained = wb.worksheet_range("Kolumner").expect("Kolumner");
    let rows: Vec<Vec<String>> = explained
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(rows.len(), 14, "a header and thirteen columns");
    let role = rows.iter().find(|r| r[0] == "Roll").expect("Roll");
    assert!(role[1].contains("Ersättare"), "{role:?}");
    let group = rows.iter().find(|r| r[0] == "Grupp").expect("Grupp");
    assert!(group[1].contains("länsgruppen"), "{group:?}");
}

/// A roster's lines as they read: organisation, role, name, title, e-mail, phone.
fn roster_lines(reg: &Register, group: &str) -> Vec<[String; 6]> {
    let g = reg.find_group(group).expect(group);
    let mut lines: Vec<[String; 6]> = reg
        .roster(g, None, today(), &[])
        .expect("roster")
        .cells(Lang::Sv)
        .collect();
    lines.sort();
    lines
}

#[test]
fn a_roster_exported_as_csv_or_xlsx_imports_back_unchanged() {
    use samverkan::export::roster::RosterFormat;
    use samverkan::model::{AppointRequest, PersonDraft};
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let county = reg.find_group("Länsgruppen MVK").expect("county");
    let people = [
        (
            "Falu kommun",
            "Anna Berg",
            Some("Socialsekreterare; barn och \"unga\""),
            Some("anna.berg@falun.se"),
            Some("+46 70 123 45 67"),
            Role::Representative,
        ),
        (
            "Falu kommun",
            "Åsa Öberg",
            Some("=Samordnare"),
            None,
            Some("023-123 45"),
            Role::Substitute,
        ),
        (
            "Mora kommun",
            "Bo Ek",
            None,
            Some("bo.ek@mora.se"),
            None,
            Role::Representative,
        ),
        (
            "Brottsofferjouren",
            "Cia Holm-Lind",
            Some("-Ordförande"),
            Some("cia@boj.se"),
            None,
            Role::Substitute,
        ),
    ];
    for (org, name, title, email, phone, role) in people {
        let org = reg.find_org(org).expect(org);
        let p = reg
            .add_person(&PersonDraft {
                name: name.into(),
                title: title.map(Into::into),
                organisation_id: org,
                email: email.map(Into::into),
                phone: phone.map(Into::into),
                ..PersonDraft::default()
            })
            .expect(name);
        reg.appoint(&AppointRequest {
            person_id: p.id,
            group_id: county,
            role,
            seat_id: None,
            organisation_id: None,
            from: crate::support::day("2026-01-01"),
            to: None,
            replace: false,
        })
        .expect("appoint");
    }
    let original = roster_lines(&reg, "Länsgruppen MVK");
    assert_eq!(original.len(), 4);
    for (format, lang, file) in [
        (RosterFormat::Csv, Lang::Sv, "lista.csv"),
        (RosterFormat::Xlsx, Lang::Sv, "lista.xlsx"),
        (RosterFormat::Csv, Lang::En, "roster.csv"),
        (RosterFormat::Xlsx, Lang::En, "roster.xlsx"),
    ] {
        let path = f.dir.path().join(file);
        reg.export_roster(county, None, format, &path, &[], today(), lang, Utc::now())
            .expect("export");
        let fresh = Fixture::dalarna();
        let mut other = fresh.open();
        let r = import_with(&mut other, &path, &ImportChoices::default());
        assert!(r.written, "{file}: {:?}", r.issues);
        assert!(
            r.new_orgs.is_empty() && r.skipped.is_empty(),
            "{file}: {r:?}"
        );
        assert_eq!(
            (
                r.people_created,
                r.appointments_created,
                r.rows_in_default_group
            ),
            (4, 4, 4),
            "{file}"
        );
        assert_eq!(roster_lines(&other, "Länsgruppen MVK"), original, "{file}");
        // And once more into the register it came from: everything is there already.
        let again = import_with(&mut reg, &path, &dry());
        assert_eq!(
            (
                again.people_matched,
                again.people_updated,
                again.appointments_existing
            ),
            (4, 0, 4),
            "{file}: {again:?}"
        );
    }
}

#[test]
fn a_file_of_twenty_thousand_new_organisations_lists_a_thousand_and_creates_all_only_when_told() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let mut text = String::from("Organisation;Namn\n");
    for i in 0..20_000 {
        text.push_str(&format!("Förening nummer {i};Person {i}\n"));
    }
    let csv = write(&f, "many.csv", &text);
    let started = std::time::Instant::now();
    let r = import_with(&mut reg, &csv, &dry());
    let took = started.elapsed();
    assert_eq!((r.new_orgs.len(), r.new_orgs_not_listed), (1_000, 19_000));
    assert_eq!((r.rows_skipped, r.people_created), (20_000, 0));
    assert!(took.as_secs() < 60, "took {took:?}");
    let r = import(&mut reg, &csv, true);
    assert_eq!((r.orgs_created, r.people_created), (20_000, 20_000));
    // One past the listed ones can still be named.
    let one = ImportChoices {
        dry_run: true,
        create_orgs: vec!["Förening nummer 19999".into()],
        ..ImportChoices::default()
    };
    let r = import_with(&mut reg, &csv, &one);
    assert_eq!((r.orgs_created, r.people_created), (1, 1));
}

#[test]
fn a_bad_mapping_file_is_refused_in_one_language_saying_what_is_wrong() {
    let f = Fixture::dalarna();
    let csv = f.dir.path().join("a.csv");
    std::fs::write(&csv, "Organisation;Namn\nFalu kommun;Anna Berg\n").expect("csv");
    let cases = [
        (
            "{bad json",
            "är inte ett giltigt JSON-objekt (fel på rad 1, tecken 2)",
        ),
        (
            r#"{"Skostorlek": "name"}"#,
            "nämner kolumnen ”Skostorlek”, som filen inte har",
        ),
        (
            r#"{"Namn": "skostorlek"}"#,
            "känner inte igen fältet ”skostorlek”",
        ),
    ];
    for (json, said) in cases {
        let map = f.dir.path().join("map.json");
        std::fs::write(&map, json).expect("map");
        let err = f.refused(&[
            "import",
            csv.to_str().expect("utf-8"),
            "--mapping",
            map.to_str().expect("utf-8"),
            "--dry-run",
        ]);
        assert!(err.contains(said), "{json}: {err}");
        // Nothing of serde's English reaches the Swedish message.
        assert!(
            !err.contains("key must be") && !err.contains("expected"),
            "{err}"
        );
    }
}
