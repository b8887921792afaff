//! What every printed document declares for a screen reader and an archive, read back with
//! lopdf (#12.2, #12.3, #12.6): the language, the title shown instead of the file name, a
//! structure tree of headings, paragraphs and tables with header cells in reading order with
//! every page's content marked, PDF/A-2b without a false PDF/X claim, and one bookmark per
//! organisation in the combined forms file. Each kind of document: a form, the combined forms
//! file, the roster, the attendance list, the register extract, the yearly report, and the
//! meeting cycle's invitation, minutes and reminder letter.

use chrono::{DateTime, Utc};
use samverkan::export::roster::RosterFormat;
use samverkan::model::{
    AgendaItemDraft, AgendaKind, AgendaOf, AppointRequest, MeetingDraft, PersonDraft, Role,
};
use samverkan::register::{
    ExtractFormat, FormOptions, InvitationRequest, MinutesItemDraft, ReminderRequest,
};
use samverkan::report::ReportFormat;
use samverkan::{Lang, Register};

use crate::support::{
    Fixture, assert_archival_pdf, day, pdf_structure, pdf_text, set_coordinator, today,
};

fn now() -> DateTime<Utc> {
    "2026-11-22T10:00:00Z".parse().expect("time")
}

fn opts(lang: Lang) -> FormOptions {
    FormOptions {
        lang,
        today: today(),
        now: now(),
        on: None,
    }
}

fn appoint(reg: &mut Register, org: &str, name: &str, role: Role) -> i64 {
    let group = reg.find_group("Länsgruppen").expect("group");
    let org = reg.find_org(org).expect("org");
    let p = reg
        .add_person(&PersonDraft {
            name: name.into(),
            title: Some("Verksamhetsutvecklare".into()),
            organisation_id: org,
            email: Some("a.b@example.se".into()),
            ..PersonDraft::default()
        })
        .expect("person");
    reg.appoint(&AppointRequest {
        person_id: p.id,
        group_id: group,
        role,
        seat_id: None,
        organisation_id: None,
        from: day("2026-01-01"),
        to: None,
        replace: false,
    })
    .expect("appoint");
    p.id
}

/// The structure types in reading order, and where the first of a kind stands.
fn kinds(bytes: &[u8]) -> (Vec<String>, impl Fn(&str) -> Option<usize>) {
    let s = pdf_structure(bytes);
    let at = {
        let s = s.clone();
        move |kind: &str| s.iter().position(|k| k == kind)
    };
    (s, at)
}

#[test]
fn a_form_is_tagged_declares_its_language_and_title_and_is_pdf_a_2b() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    appoint(&mut reg, "Falu kommun", "Anna Berg", Role::Representative);
    let org = reg.find_org("Falu kommun").expect("org");
    let group = reg.find_group("Länsgruppen").expect("group");
    for (lang, tag) in [(Lang::Sv, "sv-SE"), (Lang::En, "en-GB")] {
        let out = f.dir.path().join(format!("falun-{tag}.pdf"));
        reg.print_form(org, group, &out, opts(lang)).expect("print");
        let bytes = std::fs::read(&out).expect("file");
        assert_archival_pdf(&bytes, tag);
        let (s, at) = kinds(&bytes);
        assert_eq!(s.first().map(String::as_str), Some("Document"), "{s:?}");
        for kind in ["H1", "H2", "P", "Table", "TR", "TH", "TD"] {
            assert!(at(kind).is_some(), "{kind} in {s:?}");
        }
        // Reading order: the title first, a heading before the first table, header cells
        // before data cells.
        assert!(at("H1") < at("H2") && at("H2") < at("Table"), "{s:?}");
        assert!(at("TH") < at("TD"), "{s:?}");
    }
}

#[test]
fn the_combined_forms_file_has_one_bookmark_per_organisation_opening_its_form() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    appoint(&mut reg, "Falu kommun", "Anna Berg", Role::Representative);
    appoint(&mut reg, "Mora kommun", "Erik Lund", Role::Substitute);
    let group = reg.find_group("Länsgruppen").expect("group");
    let combined = f.dir.path().join("alla.pdf");
    let outcome = reg
        .print_forms(
            group,
            &f.dir.path().join("forms"),
            Some(&combined),
            false,
            opts(Lang::Sv),
            &mut |_, _, _| true,
        )
        .expect("batch");
    assert!(outcome.forms.len() > 2, "every organisation of the group");
    let bytes = std::fs::read(&combined).expect("combined");
    assert_archival_pdf(&bytes, "sv-SE");
    let doc = lopdf::Document::load_mem(&bytes).expect("PDF");
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().values().copied().collect();
    let catalog = doc.catalog().expect("catalog");
    assert_eq!(
        catalog
            .get(b"PageMode")
            .and_then(lopdf::Object::as_name)
            .ok(),
        Some(b"UseOutlines".as_slice()),
        "the bookmarks are shown when the file opens"
    );
    let outlines = catalog
        .get(b"Outlines")
        .and_then(lopdf::Object::as_reference)
        .and_then(|r| doc.get_dictionary(r))
        .expect("an outline");
    let mut item = outlines
        .get(b"First")
        .and_then(lopdf::Object::as_reference)
        .ok();
    let mut seen = Vec::new();
    while let Some(id) = item {
        let d = doc.get_dictionary(id).expect("item");
        let title = lopdf::decode_text_string(d.get(b"Title").expect("title")).expect("text");
        let dest = d
            .get(b"Dest")
            .and_then(lopdf::Object::as_array)
            .expect("dest");
        let page = dest[0].as_reference().expect("page");
        let n = pages
            .iter()
            .position(|p| *p == page)
            .expect("a page of the file");
        seen.push((title, n));
        item = d.get(b"Next").and_then(lopdf::Object::as_reference).ok();
    }
    let mut start = 0;
    let expected: Vec<(String, usize)> = outcome
        .forms
        .iter()
        .map(|form| {
            let at = start;
            start += form.pages;
            (form.organisation_name.clone(), at)
        })
        .collect();
    assert_eq!(seen, expected);
    assert_eq!(
        outlines.get(b"Count").and_then(lopdf::Object::as_i64).ok(),
        Some(expected.len() as i64)
    );
    // Each bookmark's page is the first page of that organisation's form: its text names
    // the organisation, and the page before it belongs to the form before.
    for (title, n) in &seen {
        let text = pdf_text_of_page(&doc, (*n + 1) as u32);
        assert!(
            text.contains(title.as_str()),
            "{title} on page {}: {text}",
            n + 1
        );
    }
    assert!(pdf_text(&bytes).contains("Anna Berg"));
    // A single form has no outline.
    let single = std::fs::read(&outcome.forms[0].file).expect("one form");
    let one = lopdf::Document::load_mem(&single).expect("PDF");
    assert!(one.catalog().expect("catalog").get(b"Outlines").is_err());
}

fn pdf_text_of_page(doc: &lopdf::Document, page: u32) -> String {
    let text = doc.extract_text(&[page]).expect("text");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_roster_the_attendance_list_and_the_extract_are_tagged_pdf_a_2b() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let anna = appoint(&mut reg, "Falu kommun", "Anna Berg", Role::Representative);
    appoint(&mut reg, "Mora kommun", "Erik Lund", Role::Substitute);
    let group = reg.find_group("Länsgruppen").expect("group");

    let roster = f.dir.path().join("roster.pdf");
    reg.export_roster(
        group,
        None,
        RosterFormat::Pdf,
        &roster,
        &[],
        today(),
        Lang::Sv,
        now(),
    )
    .expect("roster");
    let bytes = std::fs::read(&roster).expect("pdf");
    assert_archival_pdf(&bytes, "sv-SE");
    let (s, at) = kinds(&bytes);
    assert!(at("Table").is_some() && at("TH") < at("TD"), "{s:?}");

    let m = reg
        .add_meeting(
            &MeetingDraft {
                group_id: group,
                date: "2027-03-09".into(),
                start: Some("13:00".into()),
                end: Some("16:00".into()),
                place: Some("Länsstyrelsen, Falun".into()),
                ..MeetingDraft::default()
            },
            now(),
        )
        .expect("meeting");
    let list = f.dir.path().join("närvaro.pdf");
    reg.export_attendance_list(m.id, &list, &[], Lang::En, now())
        .expect("list");
    let bytes = std::fs::read(&list).expect("pdf");
    assert_archival_pdf(&bytes, "en-GB");
    let (s, at) = kinds(&bytes);
    assert!(at("H1").is_some() && at("H1") < at("Table"), "{s:?}");
    assert!(at("TH") < at("TD"), "{s:?}");

    let extract = f.dir.path().join("anna.pdf");
    reg.extract_person(anna, &extract, ExtractFormat::Pdf, Lang::Sv, now())
        .expect("extract");
    let bytes = std::fs::read(&extract).expect("pdf");
    assert_archival_pdf(&bytes, "sv-SE");
    let (s, at) = kinds(&bytes);
    assert!(at("H1").is_some() && at("P").is_some(), "{s:?}");
}

#[test]
fn the_yearly_report_is_tagged_pdf_a_2b() {
    let mut h = crate::report::history();
    let r = crate::report::report_2027(&h);
    for (lang, tag) in [(Lang::Sv, "sv-SE"), (Lang::En, "en-GB")] {
        let path = h.f.dir.path().join(format!("rapport-{tag}.pdf"));
        h.reg
            .save_year_report(&r, ReportFormat::Pdf, &path, lang, now())
            .expect("pdf");
        let bytes = std::fs::read(&path).expect("pdf");
        assert_archival_pdf(&bytes, tag);
        let (s, at) = kinds(&bytes);
        assert!(at("H1").is_some() && at("P").is_some(), "{s:?}");
        // Every table, the attendance grid too, is read as one: a header row of several
        // cells, not a table for each shaded square.
        let tables: Vec<usize> = (0..s.len()).filter(|i| s[*i] == "Table").collect();
        assert!(!tables.is_empty(), "{s:?}");
        for (n, start) in tables.iter().enumerate() {
            let end = tables.get(n + 1).copied().unwrap_or(s.len());
            let headers = s[*start..end].iter().filter(|k| *k == "TH").count();
            let rows = s[*start..end].iter().filter(|k| *k == "TR").count();
            assert!(
                headers >= 2 && rows >= 2,
                "table {n}: {:?}",
                &s[*start..end]
            );
        }
    }
}

#[test]
fn the_invitation_the_minutes_and_the_reminder_letter_are_tagged_pdf_a_2b() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    set_coordinator(&mut reg);
    appoint(&mut reg, "Falu kommun", "Anna Berg", Role::Representative);
    appoint(&mut reg, "Mora kommun", "Erik Lund", Role::Substitute);
    let group = reg.find_group("Länsgruppen").expect("group");
    let m = reg
        .add_meeting(
            &MeetingDraft {
                group_id: group,
                date: "2027-03-09".into(),
                start: Some("13:00".into()),
                end: Some("16:00".into()),
                place: Some("Länsstyrelsen, Falun".into()),
                ..MeetingDraft::default()
            },
            now(),
        )
        .expect("meeting")
        .id;
    reg.add_agenda_item(
        AgendaOf::Meeting(m),
        &AgendaItemDraft {
            title: "Läget i länet: våld i nära relationer".into(),
            kind: Some(AgendaKind::Discussion),
            presenter: Some("Länsstyrelsen".into()),
            minutes: Some(30),
            note: Some("Underlag skickas före mötet.".into()),
            ..AgendaItemDraft::default()
        },
        Some(1),
    )
    .expect("item");
    reg.set_minutes_item(
        m,
        1,
        &MinutesItemDraft {
            notes: Some("Länsstyrelsen redogjorde för läget.".into()),
            decisions: Some("Ärendet lades till handlingarna.".into()),
        },
        now(),
    )
    .expect("minutes");

    for (lang, tag) in [(Lang::Sv, "sv-SE"), (Lang::En, "en-GB")] {
        let invitation = f.dir.path().join(format!("kallelse-{tag}.pdf"));
        reg.write_invitation(
            m,
            None,
            Some(&invitation),
            &InvitationRequest::default(),
            lang,
            now(),
        )
        .expect("invitation");
        let bytes = std::fs::read(&invitation).expect("pdf");
        assert_archival_pdf(&bytes, tag);
        let (s, at) = kinds(&bytes);
        // The title, then the agenda's and the invited's tables with header cells first.
        assert!(at("H1").is_some() && at("H1") < at("Table"), "{s:?}");
        assert!(at("TH").is_some() && at("TH") < at("TD"), "{s:?}");
        assert!(pdf_text(&bytes).contains("Anna Berg"));

        let minutes = f.dir.path().join(format!("minnesanteckningar-{tag}.pdf"));
        reg.write_minutes(
            m,
            Some(&minutes),
            None,
            &InvitationRequest::default(),
            lang,
            now(),
        )
        .expect("minutes");
        let bytes = std::fs::read(&minutes).expect("pdf");
        assert_archival_pdf(&bytes, tag);
        let (s, at) = kinds(&bytes);
        // The title, the attendance under its heading (header cells first), then each item
        // under its heading with its notes.
        assert!(at("H1").is_some() && at("H1") < at("H2"), "{s:?}");
        assert!(at("H2") < at("Table") && at("TH") < at("TD"), "{s:?}");
        let last_heading = s.iter().rposition(|k| k == "H2");
        assert!(last_heading > at("Table"), "{s:?}");
        assert_eq!(s.last().map(String::as_str), Some("P"), "{s:?}");

        let dir = f.dir.path().join(format!("påminnelser-{tag}"));
        let outcome = reg
            .write_reminders(
                &dir,
                &ReminderRequest {
                    again: true,
                    ..ReminderRequest::default()
                },
                today(),
                lang,
                now(),
            )
            .expect("reminders");
        let letter = outcome.written.first().expect("a letter due");
        let bytes = std::fs::read(&letter.pdf).expect("pdf");
        assert_archival_pdf(&bytes, tag);
        let (s, at) = kinds(&bytes);
        // The title, then the seats as a list: each item its bullet and its text.
        assert!(at("H1").is_some() && at("H1") < at("L"), "{s:?}");
        assert!(
            at("L") < at("LI") && at("LI") < at("Lbl") && at("Lbl") < at("LBody"),
            "{s:?}"
        );
        assert!(s.iter().rposition(|k| k == "P") > at("LBody"), "{s:?}");
    }
}
