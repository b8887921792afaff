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

/// The object itself, following a reference.
fn resolved<'a>(doc: &'a lopdf::Document, o: &'a lopdf::Object) -> &'a lopdf::Object {
    doc.dereference(o).map(|(_, o)| o).expect("object")
}

fn dict<'a>(
    doc: &'a lopdf::Document,
    d: &'a lopdf::Dictionary,
    key: &[u8],
) -> &'a lopdf::Dictionary {
    let o = d
        .get(key)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(key)));
    resolved(doc, o).as_dict().expect("dictionary")
}

/// The structure types of the tagged PDF's structure tree, depth first in reading order.
pub fn pdf_structure(bytes: &[u8]) -> Vec<String> {
    fn walk(doc: &lopdf::Document, o: &lopdf::Object, out: &mut Vec<String>) {
        let o = resolved(doc, o);
        match o {
            lopdf::Object::Array(a) => a.iter().for_each(|k| walk(doc, k, out)),
            lopdf::Object::Dictionary(d) => {
                if let Ok(s) = d.get(b"S").and_then(lopdf::Object::as_name) {
                    out.push(String::from_utf8_lossy(s).into_owned());
                }
                if d.get(b"S").is_ok()
                    && let Ok(k) = d.get(b"K")
                {
                    walk(doc, k, out);
                }
            }
            _ => {}
        }
    }
    let doc = lopdf::Document::load_mem(bytes).expect("a readable PDF");
    let catalog = doc.catalog().expect("catalog");
    let root = dict(&doc, catalog, b"StructTreeRoot");
    let mut out = Vec::new();
    walk(&doc, root.get(b"K").expect("/K"), &mut out);
    out
}

/// Checks that everything a page draws is marked content, and that the marked-content ids of
/// the page are exactly those its entry of the parent tree lists, each pointing at a
/// structure element whose kids name that id.
fn assert_page_marked(doc: &lopdf::Document, page: lopdf::ObjectId, parents: &[lopdf::Object]) {
    let content = doc.get_and_decode_page_content(page).expect("content");
    let mut depth = 0usize;
    let mut mcids = Vec::new();
    let mut artifacts = 0;
    for op in &content.operations {
        match op.operator.as_str() {
            "BDC" | "BMC" => {
                depth += 1;
                let tag = op.operands[0].as_name().expect("tag");
                if tag == b"Artifact" {
                    artifacts += 1;
                } else if let Some(props) = op.operands.get(1) {
                    let props = props.as_dict().expect("inline properties");
                    mcids.push(
                        props
                            .get(b"MCID")
                            .and_then(lopdf::Object::as_i64)
                            .expect("MCID"),
                    );
                }
            }
            "EMC" => depth = depth.checked_sub(1).expect("EMC without BDC"),
            "Tj" | "TJ" | "'" | "\"" | "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                assert!(depth > 0, "{} outside marked content", op.operator)
            }
            _ => {}
        }
    }
    assert_eq!(depth, 0, "marked content left open");
    assert!(artifacts > 0, "the page number is an artifact");
    let expected: Vec<i64> = (0..parents.len() as i64).collect();
    assert_eq!(
        mcids, expected,
        "marked-content ids in order, one per parent-tree entry"
    );
    for (mcid, parent) in parents.iter().enumerate() {
        let elem = resolved(doc, parent).as_dict().expect("structure element");
        let kids = resolved(doc, elem.get(b"K").expect("/K"));
        let names = |k: &lopdf::Object| match k {
            lopdf::Object::Integer(n) => *n == mcid as i64,
            lopdf::Object::Dictionary(d) => {
                d.get(b"MCID").and_then(lopdf::Object::as_i64).ok() == Some(mcid as i64)
                    && d.get(b"Pg").and_then(lopdf::Object::as_reference).ok() == Some(page)
            }
            _ => false,
        };
        let ok = match kids {
            lopdf::Object::Array(a) => a.iter().any(names),
            k => names(k),
        };
        assert!(ok, "element of MCID {mcid} names it");
    }
}

/// Checks what every PDF we write declares, read back with lopdf: the language, a title shown
/// instead of the file name, tagged (marked, a structure tree with a parent tree, every
/// page's drawing marked as content or artifact, header cells scoped), PDF/A-2b (PDF 1.7,
/// XMP metadata with the PDF/A identification and the title, an sRGB output intent with its
/// ICC profile, a document ID) and no PDF/X claim.
pub fn assert_archival_pdf(bytes: &[u8], lang: &str) {
    let doc = lopdf::Document::load_mem(bytes).expect("a readable PDF");
    assert_eq!(doc.version, "1.7");
    assert!(bytes.starts_with(b"%PDF-1.7\n%") && bytes[10..14].iter().all(|b| *b >= 128));
    let catalog = doc.catalog().expect("catalog");
    let text = |o: &lopdf::Object| lopdf::decode_text_string(resolved(&doc, o)).expect("text");
    assert_eq!(text(catalog.get(b"Lang").expect("/Lang")), lang);
    let mark = dict(&doc, catalog, b"MarkInfo");
    assert_eq!(
        mark.get(b"Marked").and_then(lopdf::Object::as_bool).ok(),
        Some(true)
    );
    let prefs = dict(&doc, catalog, b"ViewerPreferences");
    assert_eq!(
        prefs
            .get(b"DisplayDocTitle")
            .and_then(lopdf::Object::as_bool)
            .ok(),
        Some(true)
    );
    let root = dict(&doc, catalog, b"StructTreeRoot");
    let parents = dict(&doc, root, b"ParentTree");
    let nums = resolved(&doc, parents.get(b"Nums").expect("a parent tree"))
        .as_array()
        .expect("Nums");
    let pages = doc.get_pages();
    for (n, id) in pages.values().enumerate() {
        let page = doc.get_dictionary(*id).expect("page");
        let key = page
            .get(b"StructParents")
            .and_then(lopdf::Object::as_i64)
            .expect("each page in the parent tree");
        let at = nums
            .chunks(2)
            .find(|c| c[0].as_i64().ok() == Some(key))
            .unwrap_or_else(|| panic!("page {} in the parent tree", n + 1));
        let list = resolved(&doc, &at[1]).as_array().expect("parents");
        assert_page_marked(&doc, *id, list);
    }
    for o in doc.objects.values() {
        if let Ok(d) = o.as_dict()
            && d.get(b"S").and_then(lopdf::Object::as_name).ok() == Some(b"TH".as_slice())
        {
            let a = resolved(&doc, d.get(b"A").expect("a header cell's attributes"))
                .as_dict()
                .expect("attributes");
            assert_eq!(
                a.get(b"Scope").and_then(lopdf::Object::as_name).ok(),
                Some(b"Column".as_slice())
            );
        }
    }
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
        .and_then(|r| doc.get_dictionary(r))
        .expect("Info");
    let title = text(info.get(b"Title").expect("/Title"));
    assert!(!title.trim().is_empty(), "a real title");
    assert!(info.get(b"GTS_PDFXVersion").is_err(), "no PDF/X claim");
    assert!(catalog.get(b"GTS_PDFXVersion").is_err(), "no PDF/X claim");
    assert!(
        !bytes.windows(8).any(|w| w == b"GTS_PDFX"),
        "no PDF/X name anywhere"
    );
    let intents = resolved(&doc, catalog.get(b"OutputIntents").expect("OutputIntents"))
        .as_array()
        .expect("array");
    assert_eq!(intents.len(), 1);
    let intent = resolved(&doc, &intents[0]).as_dict().expect("intent");
    assert_eq!(
        intent.get(b"S").and_then(lopdf::Object::as_name).ok(),
        Some(b"GTS_PDFA1".as_slice())
    );
    let profile = resolved(&doc, intent.get(b"DestOutputProfile").expect("profile"))
        .as_stream()
        .expect("ICC stream");
    assert_eq!(
        profile.dict.get(b"N").and_then(lopdf::Object::as_i64).ok(),
        Some(3)
    );
    let icc = profile.decompressed_content().expect("ICC data");
    assert_eq!(&icc[36..40], b"acsp", "an ICC profile");
    assert_eq!(&icc[16..20], b"RGB ", "an RGB profile");
    let xmp = resolved(&doc, catalog.get(b"Metadata").expect("/Metadata"))
        .as_stream()
        .expect("metadata");
    assert!(
        xmp.dict.get(b"Filter").is_err(),
        "the metadata is not compressed"
    );
    let xmp = String::from_utf8(xmp.content.clone()).expect("XMP text");
    for s in [
        "<pdfaid:part>2</pdfaid:part>",
        "<pdfaid:conformance>B</pdfaid:conformance>",
        "xmpMM:DocumentID",
        "<dc:title>",
    ] {
        assert!(xmp.contains(s), "{s} in {xmp}");
    }
    let escaped = title.replace('&', "&amp;").replace('<', "&lt;");
    assert!(
        xmp.contains(&format!(">{escaped}</rdf:li>")),
        "the XMP title is the document's: {title} in {xmp}"
    );
    let ids = doc
        .trailer
        .get(b"ID")
        .and_then(lopdf::Object::as_array)
        .expect("/ID");
    assert_eq!(ids.len(), 2);
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

/// The coordinator the mail and document tests name as organiser and signer.
pub fn set_coordinator(reg: &mut Register) {
    reg.set_organiser(&samverkan::register::OrganiserInfo {
        name: Some("Åsa Strateg".into()),
        title: Some("Strateg MVK, Länsstyrelsen".into()),
        email: Some("asa.strateg@lansstyrelsen.se".into()),
        phone: Some("010-225 00 00".into()),
    })
    .expect("coordinator");
}

/// The e-mail addresses of a header's list as mail-parser reads them.
pub fn addresses(a: Option<&mail_parser::Address<'_>>) -> Vec<String> {
    a.map(|a| {
        a.iter()
            .filter_map(|x| x.address().map(str::to_owned))
            .collect()
    })
    .unwrap_or_default()
}
