//! Mandate forms: the PDF carries every pre-filled value exactly (text extracted with lopdf),
//! fonts are embedded and subset, the layout matches its snapshot, an unprintable character
//! is refused by name, protected people stay out of combined files, and tracking follows a
//! change of representative. Also the CLI's `form`, `forms`, `form-status`, `form-signed`.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use proptest::prelude::*;
use samverkan::forms::{FormData, FormPerson, FormSeat, Wording, layout};
use samverkan::model::{
    AppointRequest, ContactDraft, LocalGroupDraft, OrgDraft, OrgKind, PersonDraft, PrincipalDraft,
    Role,
};
use samverkan::pdf::{DocInfo, Document, Fonts, Page, Style, TextRun, render};
use samverkan::register::{ExportKind, FormOptions, FormState, OrgQuery};
use samverkan::{Error, ErrorCode, Lang, Register};

use crate::support::{Fixture, day, pdf_text, today};

const MARTA: &str = "Märta Ödegård-Ibáñez";

fn long_name() -> String {
    let s = "Samordningsförbundet för välfärd, trygghet och jämställdhet i Södra Dalarnas och \
             Västra Bergslagens kommuner i samverkan";
    assert_eq!(s.chars().count(), 120);
    s.to_owned()
}

fn now() -> DateTime<Utc> {
    "2026-11-22T10:00:00Z".parse().expect("time")
}

fn opts() -> FormOptions {
    FormOptions {
        lang: Lang::Sv,
        today: today(),
        now: now(),
        on: None,
    }
}

/// Text without any white space: lopdf joins wrapped lines without a space, so a value that
/// wraps is compared character for character, ignoring where the lines break.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

struct Seat {
    org: i64,
    group: i64,
}

/// Falu kommun in the county group with a full set of data, Märta as representative.
fn falun(reg: &mut Register) -> Seat {
    let org = reg.find_org("Falu kommun").expect("Falun");
    let group = reg.find_group("Länsgruppen").expect("county group");
    let mut d = OrgDraft::from(&reg.org(org).expect("org"));
    d.org_number = Some("212000-2163".into());
    reg.edit_org(org, &d).expect("number");
    let rep = reg
        .add_person(&PersonDraft {
            name: MARTA.into(),
            title: Some("Enhetschef, individ- och familjeomsorgen".into()),
            organisation_id: org,
            email: Some("marta.odegard@falun.se".into()),
            phone: Some("023-83 000".into()),
            ..PersonDraft::default()
        })
        .expect("Märta");
    let sub = reg
        .add_person(&PersonDraft {
            name: "Karl Berg".into(),
            title: Some("Socialsekreterare".into()),
            organisation_id: org,
            email: Some("karl.berg@falun.se".into()),
            ..PersonDraft::default()
        })
        .expect("Karl");
    for (p, role) in [(rep.id, Role::Representative), (sub.id, Role::Substitute)] {
        reg.appoint(&AppointRequest {
            person_id: p,
            group_id: group,
            role,
            seat_id: None,
            organisation_id: None,
            from: day("2026-01-01"),
            to: Some(day("2027-12-31")),
            replace: false,
        })
        .expect("appoint");
    }
    reg.set_principal(
        org,
        &PrincipalDraft {
            name: "Eva Lind".into(),
            title: Some("Socialchef".into()),
            email: Some("eva.lind@falun.se".into()),
            phone: None,
        },
    )
    .expect("principal");
    reg.add_contact(
        org,
        &ContactDraft {
            function: "Individ- och familjeomsorg".into(),
            name: "Anna Ek".into(),
            email: Some("anna.ek@falun.se".into()),
            phone: None,
            protected: false,
        },
    )
    .expect("contact");
    reg.set_local_group(
        org,
        &LocalGroupDraft {
            name: "Trygg i Falun".into(),
            contact: Some("Lina Nord".into()),
        },
    )
    .expect("local group");
    Seat { org, group }
}

fn add_person(reg: &mut Register, org: i64, name: &str, protected: bool) -> i64 {
    reg.add_person(&PersonDraft {
        name: name.into(),
        organisation_id: org,
        protected,
        ..PersonDraft::default()
    })
    .expect("person")
    .id
}

fn appoint(reg: &mut Register, person: i64, group: i64, role: Role, from: &str, replace: bool) {
    reg.appoint(&AppointRequest {
        person_id: person,
        group_id: group,
        role,
        seat_id: None,
        organisation_id: None,
        from: day(from),
        to: None,
        replace,
    })
    .expect("appoint");
}

fn assert_carries_every_value(reg: &Register, seat: &Seat, text: &str) {
    let data = reg
        .form_data(seat.org, seat.group, Lang::Sv, today())
        .expect("form data");
    let squashed = squash(text);
    for (label, value) in data.values() {
        assert!(
            squashed.contains(&squash(&value)),
            "{label}: {value:?} missing from the PDF text:\n{text}"
        );
    }
}

#[test]
fn the_pdf_carries_every_prefilled_value_exactly() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let seat = falun(&mut reg);
    let out = f.dir.path().join("falun.pdf");
    let printed = reg
        .print_form(seat.org, seat.group, &out, opts())
        .expect("print");
    let bytes = std::fs::read(&out).expect("file");
    assert_eq!(printed.bytes, bytes.len());
    assert_eq!(
        printed.pages, 2,
        "a normal organisation's form is two pages"
    );
    let text = pdf_text(&bytes);
    assert!(text.contains(MARTA), "{text}");
    assert_carries_every_value(&reg, &seat, &text);
    for fixed in [
        "2026-01-01",
        "2027-12-31",
        "212000-2163",
        "Sida 1 av 2",
        "Sida 2 av 2",
        "ungefär fyra gånger om året",
    ] {
        assert!(text.contains(fixed), "{fixed} missing");
    }
    assert!(!text.contains("null") && !text.contains("None"), "{text}");
}

#[test]
fn an_unedited_earlier_default_wording_gives_way_to_the_current_one() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let seat = falun(&mut reg);
    let first: Wording =
        serde_json::from_str(include_str!("../../assets/forms/earlier/wording-sv-1.json"))
            .expect("the first default");
    // A register that printed with the first default (saved as its version 1), the
    // coordinator's contact filled in.
    let mut saved = first.clone();
    saved.coordinator.name = "Anna Samordnare".into();
    reg.save_form_wording(Lang::Sv, &saved, now())
        .expect("save");
    let v1 = 1;
    let current = reg.form_wording(Lang::Sv).expect("wording");
    assert_eq!(current.version, None, "the new default is not saved yet");
    assert_eq!(
        current.wording.before,
        Wording::default_for(Lang::Sv).before
    );
    assert_eq!(current.wording.coordinator.name, "Anna Samordnare");

    let out = f.dir.path().join("falun.pdf");
    reg.print_form(seat.org, seat.group, &out, opts())
        .expect("print");
    let text = pdf_text(&std::fs::read(&out).expect("file"));
    assert!(
        squash(&text).contains(&squash("nå ut i alla delar av varje organisation")),
        "{text}"
    );
    assert!(!squash(&text).contains("helavarje"), "{text}");
    let printed_with = reg.form_wording(Lang::Sv).expect("wording");
    let v2 = printed_with.version.expect("saved at the print");
    assert!(v2 > v1);
    assert!(text.contains(&format!("textversion {v2}")), "{text}");

    // A wording the coordinator edited is hers: it stays in use.
    let mut edited = first;
    edited.title = "Vårt uppdrag i {group}".into();
    let v3 = reg
        .save_form_wording(Lang::Sv, &edited, now())
        .expect("save");
    let in_use = reg.form_wording(Lang::Sv).expect("wording");
    assert_eq!(in_use.version, v3.version);
    assert_eq!(in_use.wording, edited);
}

#[test]
fn a_120_character_organisation_name_is_printed_whole() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let group = reg.find_group("Länsgruppen").expect("group");
    let name = long_name();
    let org = reg
        .add_org(
            &OrgDraft {
                name: name.clone(),
                kind: OrgKind::Other,
                active: true,
                ..OrgDraft::default()
            },
            &[group],
        )
        .expect("org")
        .id;
    let rep = add_person(&mut reg, org, MARTA, false);
    appoint(
        &mut reg,
        rep,
        group,
        Role::Representative,
        "2026-01-01",
        false,
    );
    for i in 0..25 {
        reg.add_contact(
            org,
            &ContactDraft {
                function: format!("Verksamhet nummer {i} med ett ganska långt namn"),
                name: format!("Kontakt {i} Öberg-Åström"),
                email: None,
                phone: None,
                protected: false,
            },
        )
        .expect("contact");
    }
    let out = f.dir.path().join("long.pdf");
    let printed = reg.print_form(org, group, &out, opts()).expect("print");
    assert!(printed.pages >= 3, "many contacts flow onto more pages");
    let text = pdf_text(&std::fs::read(&out).expect("file"));
    assert_carries_every_value(&reg, &Seat { org, group }, &text);
    assert!(squash(&text).contains(&squash(&name)));
    let n = printed.pages;
    assert!(text.contains(&format!("Sida {n} av {n}")));
    // The contacts table's header is repeated on the page it continues onto.
    assert!(
        squash(&text).matches("FunktionNamnE-postTelefon").count() >= 2,
        "{text}"
    );
}

#[test]
fn the_pdf_embeds_subset_fonts_sets_its_information_and_stays_small() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let seat = falun(&mut reg);
    let out = f.dir.path().join("falun.pdf");
    reg.print_form(seat.org, seat.group, &out, opts())
        .expect("print");
    let bytes = std::fs::read(&out).expect("file");
    assert!(bytes.len() <= 60 * 1024, "{} bytes", bytes.len());
    let doc = lopdf::Document::load_mem(&bytes).expect("PDF");
    let mut fonts = 0;
    for obj in doc.objects.values() {
        if let Ok(dict) = obj.as_dict()
            && dict.get(b"Type").and_then(|t| t.as_name()).ok()
                == Some(b"FontDescriptor".as_slice())
        {
            {
                fonts += 1;
                let name = dict
                    .get(b"FontName")
                    .and_then(|n| n.as_name())
                    .expect("name");
                assert_eq!(
                    name.get(6),
                    Some(&b'+'),
                    "subset prefix in {:?}",
                    String::from_utf8_lossy(name)
                );
                assert!(dict.get(b"FontFile2").is_ok(), "embedded");
            }
        }
    }
    assert_eq!(fonts, 2, "regular and bold, each embedded once");
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|i| i.as_reference())
        .expect("Info");
    let info = doc.get_dictionary(info).expect("Info dict");
    let s = |k: &[u8]| {
        let o = info.get(k).expect("key");
        lopdf::decode_text_string(o).expect("text")
    };
    assert_eq!(s(b"Title"), "Uppdragsblankett – Falu kommun");
    assert_eq!(s(b"Author"), "Nätverket mäns våld mot kvinnor i Dalarna");
    assert!(s(b"Subject").contains("Länsgruppen MVK"));
    assert!(
        s(b"CreationDate").starts_with("D:20261122"),
        "{}",
        s(b"CreationDate")
    );
}

#[test]
fn a_character_the_font_cannot_draw_is_refused_naming_it_and_the_field() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let seat = falun(&mut reg);
    let odd = add_person(&mut reg, seat.org, "Li 漢", false);
    appoint(
        &mut reg,
        odd,
        seat.group,
        Role::Substitute,
        "2026-06-01",
        true,
    );
    let out = f.dir.path().join("x.pdf");
    let exports_before = reg.exports(None).expect("log").len();
    let e = reg
        .print_form(seat.org, seat.group, &out, opts())
        .expect_err("refused");
    assert_eq!(e.code(), ErrorCode::Invalid);
    let m = e.message(Lang::Sv);
    assert!(
        m.contains('漢') && m.contains("U+6F22") && m.contains("ersättarens namn"),
        "{m}"
    );
    assert!(matches!(e, Error::Unprintable { ch: '漢', .. }));
    assert!(!out.exists(), "nothing written");
    assert_eq!(reg.exports(None).expect("log").len(), exports_before);
    let status = reg.form_status(Some(seat.group), today()).expect("status");
    let row = status
        .iter()
        .find(|r| r.organisation_id == seat.org)
        .expect("row");
    assert_eq!(row.state, FormState::NotPrinted);
}

#[test]
fn tracking_follows_a_change_of_representative() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let seat = falun(&mut reg);
    let state = |reg: &Register| {
        reg.form_status(Some(seat.group), today())
            .expect("status")
            .into_iter()
            .find(|r| r.organisation_id == seat.org)
            .expect("row")
    };
    assert_eq!(state(&reg).state, FormState::NotPrinted);
    let e = reg
        .form_signed(seat.org, seat.group, today(), None, today())
        .expect_err("nothing printed");
    assert_eq!(e.code(), ErrorCode::NotFound);

    let out = f.dir.path().join("a.pdf");
    reg.print_form(seat.org, seat.group, &out, opts())
        .expect("print");
    let row = state(&reg);
    assert_eq!(row.state, FormState::Printed);
    assert_eq!(row.wording_version, Some(1));
    reg.form_signed(
        seat.org,
        seat.group,
        day("2026-11-20"),
        Some("Inkom per post"),
        today(),
    )
    .expect("signed");
    let row = state(&reg);
    assert_eq!(
        (row.state, row.signed_on),
        (FormState::Signed, Some(day("2026-11-20")))
    );
    assert_eq!(row.note.as_deref(), Some("Inkom per post"));

    // A new representative from today: the signed form no longer names the holder.
    let new = add_person(&mut reg, seat.org, "Sara Holm", false);
    appoint(
        &mut reg,
        new,
        seat.group,
        Role::Representative,
        "2026-11-22",
        true,
    );
    assert_eq!(state(&reg).state, FormState::NeedsNewSignature);
    let e = reg
        .form_signed(seat.org, seat.group, today(), None, today())
        .expect_err("outdated");
    assert_eq!(e.code(), ErrorCode::Conflict);

    reg.print_form(seat.org, seat.group, &out, opts())
        .expect("reprint");
    assert_eq!(state(&reg).state, FormState::Printed);
    assert!(pdf_text(&std::fs::read(&out).expect("file")).contains("Sara Holm"));

    // A new principal needs a new signature too.
    reg.form_signed(seat.org, seat.group, today(), None, today())
        .expect("signed");
    reg.set_principal(
        seat.org,
        &PrincipalDraft {
            name: "Olle Ny".into(),
            ..PrincipalDraft::default()
        },
    )
    .expect("principal");
    assert_eq!(state(&reg).state, FormState::NeedsNewSignature);
}

#[test]
fn protected_people_are_only_in_their_own_form_unless_included() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let group = reg.find_group("Länsgruppen").expect("group");
    let mora = reg.find_org("Mora kommun").expect("Mora");
    let orsa = reg.find_org("Orsa kommun").expect("Orsa");
    let hidden = add_person(&mut reg, mora, "Hemlig Person", true);
    appoint(
        &mut reg,
        hidden,
        group,
        Role::Representative,
        "2026-01-01",
        false,
    );
    let open = add_person(&mut reg, orsa, "Öppen Person", false);
    appoint(
        &mut reg,
        open,
        group,
        Role::Representative,
        "2026-01-01",
        false,
    );

    let dir = f.dir.path().join("forms");
    let combined = f.dir.path().join("alla.pdf");
    let mut seen = Vec::new();
    let outcome = reg
        .print_forms(
            group,
            &dir,
            Some(&combined),
            false,
            opts(),
            &mut |done, total, _| {
                seen.push((done, total));
                true
            },
        )
        .expect("batch");
    let total = reg
        .orgs(&OrgQuery {
            group_id: Some(group),
            ..OrgQuery::default()
        })
        .expect("orgs")
        .len();
    assert_eq!(
        (outcome.total, outcome.forms.len(), outcome.cancelled),
        (total, total, false)
    );
    assert_eq!(seen.last(), Some(&(total, total)));
    let mora_file = dir.join("Uppdragsblankett Mora kommun.pdf");
    assert!(pdf_text(&std::fs::read(&mora_file).expect("Mora's form")).contains("Hemlig Person"));
    let all = pdf_text(&std::fs::read(&combined).expect("combined"));
    assert!(
        !all.contains("Hemlig Person"),
        "protected person in the combined file"
    );
    assert!(all.contains("Öppen Person"), "{all}");
    assert!(squash(&all).contains("Skyddadepersonuppgifter"), "{all}");

    let log = reg.exports(None).expect("log");
    let comb = log
        .iter()
        .find(|e| e.kind == ExportKind::MandateFormsCombined)
        .expect("logged");
    assert_eq!((comb.people, comb.protected_included), (1, false));
    assert_eq!(
        log.iter()
            .filter(|e| e.kind == ExportKind::MandateForm)
            .count(),
        total
    );
    let hidden_exports = reg.exports_of_person(hidden).expect("extract");
    assert_eq!(
        hidden_exports.len(),
        1,
        "only Mora's own form carried the protected person"
    );

    let with = f.dir.path().join("alla-med.pdf");
    reg.print_forms(group, &dir, Some(&with), true, opts(), &mut |_, _, _| true)
        .expect("batch");
    assert!(pdf_text(&std::fs::read(&with).expect("combined")).contains("Hemlig Person"));
    let log = reg.exports(None).expect("log");
    assert!(log[0].protected_included && log[0].kind == ExportKind::MandateFormsCombined);
}

#[test]
fn a_cancelled_batch_keeps_what_was_written_and_writes_no_combined_file() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let group = reg.find_group("Länsgruppen").expect("group");
    let dir = f.dir.path().join("forms");
    let combined = f.dir.path().join("alla.pdf");
    let outcome = reg
        .print_forms(
            group,
            &dir,
            Some(&combined),
            false,
            opts(),
            &mut |done, _, _| done < 2,
        )
        .expect("batch");
    assert!(outcome.cancelled);
    assert_eq!(outcome.forms.len(), 2);
    assert!(outcome.combined.is_none() && !combined.exists());
    assert_eq!(std::fs::read_dir(&dir).expect("dir").count(), 2);
    // The two forms written are recorded, as prints and in the export log.
    let log = reg.exports(None).expect("log");
    assert_eq!(log.len(), 2);
    assert!(log.iter().all(|e| e.kind == ExportKind::MandateForm));
}

#[test]
fn a_file_that_cannot_be_written_stops_the_batch_and_what_was_written_is_recorded() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let group = reg.find_group("Länsgruppen").expect("group");
    let dir = f.dir.path().join("forms");
    std::fs::create_dir_all(&dir).expect("dir");
    // A folder where the third organisation's file should go: its file cannot be written.
    let orgs = reg
        .orgs(&OrgQuery {
            group_id: Some(group),
            ..OrgQuery::default()
        })
        .expect("orgs");
    let third = samverkan::forms::file_name(orgs[2].name.as_str());
    std::fs::create_dir_all(dir.join(&third)).expect("blocking folder");
    let err = reg
        .print_forms(group, &dir, None, false, opts(), &mut |_, _, _| true)
        .expect_err("the third file cannot be written");
    assert_eq!(err.code(), ErrorCode::File, "{err:?}");
    let log = reg.exports(None).expect("log");
    assert_eq!(log.len(), 2, "the two forms written are recorded");
    let status = reg.form_status(Some(group), today()).expect("status");
    let printed = status
        .iter()
        .filter(|r| r.state != FormState::NotPrinted)
        .count();
    assert_eq!(printed, 2);
}

fn fixed_form() -> FormData {
    FormData {
        lang: Lang::Sv,
        network: Some("Nätverket mäns våld mot kvinnor i Dalarna".into()),
        group_id: 2,
        group_name: "Länsgruppen MVK".into(),
        group_description: Some("Stärker det långsiktiga lokala och regionala arbetet.".into()),
        meetings_per_year: 4,
        organisation_id: 11,
        organisation: "Falu kommun".into(),
        org_number: Some("212000-2163".into()),
        seats: vec![
            FormSeat {
                role: Role::Representative,
                label: None,
                person: Some(FormPerson {
                    person_id: 1,
                    appointment_id: 1,
                    name: MARTA.into(),
                    title: Some("Enhetschef".into()),
                    email: Some("marta.odegard@falun.se".into()),
                    phone: Some("023-83 000".into()),
                    protected: false,
                    withheld: false,
                }),
            },
            FormSeat {
                role: Role::Substitute,
                label: None,
                person: None,
            },
        ],
        term_from: NaiveDate::from_ymd_opt(2026, 1, 1),
        term_to: None,
        principal: None,
        contacts: Vec::new(),
        local_group: None,
        printed_on: day("2026-11-22"),
        wording_version: Some(1),
    }
}

#[test]
fn the_layout_matches_its_snapshot() {
    let fonts = Fonts::get().expect("fonts");
    let doc = layout(&fixed_form(), &Wording::default_for(Lang::Sv), fonts, now());
    let outline = doc.outline();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/snapshots/form_layout.txt");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &outline).expect("write snapshot");
    }
    let expected = std::fs::read_to_string(&path).expect("snapshot (UPDATE_SNAPSHOTS=1 writes it)");
    assert_eq!(
        outline, expected,
        "layout changed; look at the PDF, then UPDATE_SNAPSHOTS=1"
    );
}

/// Letters DejaVu Sans draws: Latin-1 and Latin Extended-A letters, a few punctuation marks.
fn repertoire() -> Vec<char> {
    let fonts = Fonts::get().expect("fonts");
    ('\u{20}'..='\u{17F}')
        .filter(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '.'))
        .filter(|c| fonts.can_draw(*c))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn names_from_the_fonts_repertoire_come_back_exactly(
        words in prop::collection::vec(prop::collection::vec(prop::sample::select(repertoire()), 1..14), 1..4)
    ) {
        let name: String = words.iter().map(|w| w.iter().collect::<String>()).collect::<Vec<_>>().join(" ");
        let doc = Document {
            info: DocInfo { title: "t".into(), author: String::new(), subject: String::new(), created: now(), lang: Lang::Sv },
            width: 595.0,
            height: 842.0,
            top: 60.0,
            bottom: 780.0,
            bookmarks: Vec::new(),
            pages: vec![Page { items: vec![samverkan::pdf::Item::Text(TextRun {
                x: 50.0, y: 100.0, size: 10.0, style: Style::Regular, gray: 0.0, text: name.clone(),
            })] }],
        };
        let bytes = render(&doc).expect("render");
        prop_assert_eq!(pdf_text(&bytes), name);
    }
}

#[test]
fn the_cli_prints_one_form_all_forms_and_tracks_signatures() {
    let f = Fixture::dalarna();
    {
        let mut reg = f.open();
        falun(&mut reg);
    }
    let out = f.dir.path().join("falun.pdf");
    let o = f.ok(&["form", "Falu kommun", "--out", out.to_str().expect("path")]);
    assert!(o.contains("Falu kommun") && o.contains("2 sidor"), "{o}");
    assert!(pdf_text(&std::fs::read(&out).expect("pdf")).contains(MARTA));

    let status = f.json(&["form-status", "--group", "Länsgruppen"]);
    let rows = status.as_array().expect("rows");
    let falun = rows
        .iter()
        .find(|r| r["organisation_name"] == "Falu kommun")
        .expect("Falun");
    assert_eq!(falun["state"], "printed");
    assert!(rows.iter().filter(|r| r["state"] == "not_printed").count() > 20);

    let o = f.ok(&["form-signed", "Falu kommun", "--on", "2026-11-21"]);
    assert!(
        o.contains("underskriven") && o.contains("2026-11-21"),
        "{o}"
    );
    let err = f.refused(&["form-signed", "Mora kommun", "--on", "2026-11-21"]);
    assert!(err.contains("Ingen uppdragsblankett"), "{err}");
    let err = f.refused(&["form-signed", "Falu kommun", "--on", "21/11"]);
    assert!(err.contains("datum"), "{err}");

    let dir = f.dir.path().join("alla");
    let combined = f.dir.path().join("samlad.pdf");
    let v = f.json(&[
        "forms",
        "--group",
        "Länsgruppen",
        "--out",
        dir.to_str().expect("dir"),
        "--combined",
        combined.to_str().expect("path"),
    ]);
    assert_eq!(
        v["forms"].as_array().map(Vec::len),
        v["total"].as_u64().map(|n| n as usize)
    );
    assert!(combined.exists());
    let exports = f.ok(&["exports"]);
    assert!(
        exports.contains("Uppdragsblanketter: Länsgruppen MVK"),
        "{exports}"
    );
}

#[test]
fn each_form_of_a_batch_is_in_the_export_log_as_soon_as_its_file_is_written() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let group = reg.find_group("Länsgruppen").expect("group");
    let dir = f.dir.path().join("forms");
    let db = f.db.clone();
    let mut seen = Vec::new();
    reg.print_forms(group, &dir, None, false, opts(), &mut |done, _, _| {
        // Another connection, as a process that finds the files would: the log already holds
        // every form written so far (a kill now would leave none unlogged).
        let conn = rusqlite::Connection::open(&db).expect("open");
        let logged: i64 = conn
            .query_row("SELECT count(*) FROM export_log", [], |r| r.get(0))
            .expect("count");
        let logged = usize::try_from(logged).expect("count");
        let files = std::fs::read_dir(&dir)
            .expect("dir")
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "pdf"))
            })
            .count();
        seen.push((done, logged, files));
        done < 5
    })
    .expect("batch");
    assert_eq!(seen.len(), 5, "{seen:?}");
    for (done, logged, files) in seen {
        assert_eq!((logged, files), (done, done), "after {done} forms");
    }
}

#[test]
fn a_form_saved_anywhere_is_one_the_app_may_open_and_nothing_else_is() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let seat = falun(&mut reg);
    // A folder far from Documents, Downloads and Desktop, as the save dialog may choose.
    let elsewhere = f.dir.path().join("Projekt").join("MVK 2027");
    std::fs::create_dir_all(&elsewhere).expect("folder");
    let out = elsewhere.join("Falu kommun.pdf");
    let printed = reg
        .print_form(seat.org, seat.group, &out, opts())
        .expect("print");
    let canonical = std::fs::canonicalize(&out).expect("written");
    assert_eq!(reg.exported_file(&out).expect("exported"), canonical);
    // The log names the file by its absolute path, however it was given.
    assert!(Path::new(&printed.file).is_absolute(), "{}", printed.file);
    let other = elsewhere.join("not ours.pdf");
    std::fs::write(&other, b"%PDF-1.7").expect("write");
    let e = reg.exported_file(&other).expect_err("not exported");
    assert_eq!(e.code(), samverkan::ErrorCode::File);
    assert!(
        e.message(samverkan::Lang::Sv)
            .contains("inte en fil som Samverkan har sparat")
    );
    let e = reg
        .exported_file(&elsewhere.join("gone.pdf"))
        .expect_err("missing");
    assert!(e.message(samverkan::Lang::Sv).contains("finns inte"), "{e}");
}

/// How far above the bottom of the text column each page's content ends, with what the
/// next page starts with.
fn page_gaps(doc: &Document) -> Vec<(f32, String)> {
    let setup = samverkan::pdf::PageSetup::a4();
    let limit = setup.height - setup.bottom;
    doc.pages
        .windows(2)
        .map(|w| {
            let bottom = w[0]
                .items
                .iter()
                .map(|i| match i {
                    samverkan::pdf::Item::Text(t) => t.y + t.size * 0.2,
                    samverkan::pdf::Item::Line { y1, y2, .. } => y1.max(*y2),
                    samverkan::pdf::Item::Rect { y, h, .. } => y + h,
                })
                .filter(|y| *y <= limit)
                .fold(0.0, f32::max);
            let next = w[1]
                .text()
                .first()
                .map(|s| (*s).to_owned())
                .unwrap_or_default();
            (limit - bottom, next)
        })
        .collect()
}

#[test]
fn a_page_is_filled_before_a_heading_moves_to_the_next_with_its_first_lines() {
    // #12.9: a block that does not fit whole starts on this page (its heading with the
    // first lines or row) instead of leaving the bottom of the page empty. Descriptions of
    // every length move every block across the page break in turn. Only the signatures,
    // which belong together, move as a whole.
    let fonts = Fonts::get().expect("fonts");
    let wording = Wording::default_for(Lang::Sv);
    let sentence = "Gruppen stärker det långsiktiga lokala och regionala arbetet mot våld. ";
    for n in 0..40 {
        let mut data = fixed_form();
        data.group_description = Some(sentence.repeat(n));
        let doc = layout(&data, &wording, fonts, now());
        for (page, (gap, next)) in page_gaps(&doc).into_iter().enumerate() {
            if next == "Underskrifter" {
                continue;
            }
            assert!(
                gap < 80.0,
                "description of {n} sentences: page {} ends {gap:.0} pt above the bottom, \
                 the next starts with {next:?}",
                page + 1
            );
        }
    }
}
