//! Reminders before terms end: which seats are due (empty, a term ending within the period,
//! not beyond, not when a successor is decided), not twice within the period unless asked,
//! the e-mail draft read back by mail-parser (to the principal, Swedish text intact, the letter
//! and the mandate form attached), protected people left out unless included, hostile names
//! that never start a header, the export log, and the CLI.

use std::path::{Path, PathBuf};

use chrono::Days;
use mail_parser::{MessageParser, MimeHeaders};
use samverkan::export::reminder::ReminderKind;
use samverkan::model::{
    AppointRequest, GroupDraft, GroupKind, OrgDraft, OrgKind, PersonDraft, PrincipalDraft, Role,
};
use samverkan::register::{ExportKind, PageRequest, ReminderRequest};
use samverkan::{ErrorCode, Lang, Register, Template};

use crate::support::{Fixture, addresses, day, now, pdf_text, set_coordinator, today};

/// A register with one county group of four organisations, on 2026-11-22 (60 days: up to
/// 2027-01-21):
/// - Falu kommun: principal with an address; representative Anna Öberg until 2027-01-15
///   (due), substitute Erik Lund until 2028 (not due);
/// - Borlänge kommun: principal; representative Hanna Skydd (protected) until 2026-12-31
///   (due), substitute seat empty (due);
/// - Mora kommun: a principal without an address, the organisation without one either; both
///   seats empty (due);
/// - Avesta kommun: representative until 2027-06-30 (beyond the period), substitute until
///   2026-12-15 with a successor decided (not due).
struct Seeded {
    f: Fixture,
    reg: Register,
    hidden: i64,
}

fn org(reg: &mut Register, name: &str, group: i64, email: Option<&str>) -> i64 {
    reg.add_org(
        &OrgDraft {
            name: name.into(),
            kind: OrgKind::Municipality,
            email: email.map(str::to_owned),
            active: true,
            ..OrgDraft::default()
        },
        &[group],
    )
    .expect("org")
    .id
}

fn principal(reg: &mut Register, org: i64, name: &str, email: Option<&str>) {
    reg.set_principal(
        org,
        &PrincipalDraft {
            name: name.into(),
            title: Some("Socialchef".into()),
            email: email.map(str::to_owned),
            phone: None,
        },
    )
    .expect("principal");
}

fn person(reg: &mut Register, name: &str, org: i64, protected: bool) -> i64 {
    reg.add_person(&PersonDraft {
        name: name.into(),
        organisation_id: org,
        protected,
        ..PersonDraft::default()
    })
    .expect("person")
    .id
}

fn appoint(reg: &mut Register, person: i64, group: i64, role: Role, from: &str, to: &str) {
    reg.appoint(&AppointRequest {
        person_id: person,
        group_id: group,
        role,
        seat_id: None,
        organisation_id: None,
        from: day(from),
        to: Some(day(to)),
        replace: false,
    })
    .expect("appoint");
}

fn seeded() -> Seeded {
    let f = Fixture::new();
    Register::create(&f.db, &Template::empty()).expect("create register");
    let mut reg = f.open();
    set_coordinator(&mut reg);
    let g = reg
        .add_group(&GroupDraft {
            name: "Länsgruppen MVK".into(),
            kind: GroupKind::County,
            meetings_per_year: 4,
            description: None,
            one_per_org: true,
            free_membership: false,
        })
        .expect("group")
        .id;
    let falun = org(&mut reg, "Falu kommun", g, Some("kommun@falun.se"));
    principal(&mut reg, falun, "Maria Chef", Some("maria.chef@falun.se"));
    let anna = person(&mut reg, "Anna Öberg", falun, false);
    let erik = person(&mut reg, "Erik Lund", falun, false);
    appoint(
        &mut reg,
        anna,
        g,
        Role::Representative,
        "2025-01-16",
        "2027-01-15",
    );
    appoint(
        &mut reg,
        erik,
        g,
        Role::Substitute,
        "2025-01-16",
        "2028-01-15",
    );
    let borlange = org(&mut reg, "Borlänge kommun", g, None);
    principal(
        &mut reg,
        borlange,
        "Björn Åström",
        Some("bjorn@borlange.se"),
    );
    let hidden = person(&mut reg, "Hanna Skydd", borlange, true);
    appoint(
        &mut reg,
        hidden,
        g,
        Role::Representative,
        "2025-01-01",
        "2026-12-31",
    );
    let mora = org(&mut reg, "Mora kommun", g, None);
    principal(&mut reg, mora, "Mats Utan", None);
    let avesta = org(&mut reg, "Avesta kommun", g, Some("kommun@avesta.se"));
    let per = person(&mut reg, "Per Länge", avesta, false);
    let sub = person(&mut reg, "Sara Slutar", avesta, false);
    let next = person(&mut reg, "Nils Nästa", avesta, false);
    appoint(
        &mut reg,
        per,
        g,
        Role::Representative,
        "2025-07-01",
        "2027-06-30",
    );
    appoint(
        &mut reg,
        sub,
        g,
        Role::Substitute,
        "2025-01-01",
        "2026-12-15",
    );
    reg.appoint(&AppointRequest {
        person_id: next,
        group_id: g,
        role: Role::Substitute,
        seat_id: None,
        organisation_id: None,
        from: day("2026-12-16"),
        to: Some(day("2028-12-15")),
        replace: true,
    })
    .expect("successor");
    Seeded { f, reg, hidden }
}

fn all() -> PageRequest {
    PageRequest::first(100)
}

/// To look at them: SAMVERKAN_TEST_PDFS=/some/folder cargo test --test it reminders
fn keep_for_looking(what: &str, bytes: &[u8]) {
    if let Some(dir) = std::env::var_os("SAMVERKAN_TEST_PDFS") {
        std::fs::write(Path::new(&dir).join(format!("{what}.pdf")), bytes).expect("write");
    }
}

fn write(s: &mut Seeded, dir: &str, req: &ReminderRequest) -> samverkan::register::ReminderOutcome {
    let out = s.f.dir.path().join(dir);
    s.reg
        .write_reminders(&out, req, today(), Lang::Sv, now())
        .expect("reminders")
}

/// What an outside parser reads of a draft.
struct Read {
    subject: String,
    headers: Vec<(String, String)>,
    to: Vec<String>,
    bcc: Vec<String>,
    body: String,
    pdfs: Vec<(String, Vec<u8>)>,
}

fn read(path: &Path) -> Read {
    let bytes = std::fs::read(path).expect("eml");
    let m = MessageParser::default()
        .parse(&bytes)
        .expect("mail-parser reads the draft");
    Read {
        subject: m.subject().expect("subject").to_owned(),
        headers: m
            .headers_raw()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect(),
        to: addresses(m.to()),
        bcc: addresses(m.bcc()),
        body: m.body_text(0).expect("a text body").replace("\r\n", "\n"),
        pdfs: m
            .attachments()
            .filter(|p| p.is_content_type("application", "pdf"))
            .map(|p| {
                (
                    p.attachment_name().unwrap_or("").to_owned(),
                    p.contents().to_vec(),
                )
            })
            .collect(),
    }
}

fn eml_of(out: &samverkan::register::ReminderOutcome, org: &str) -> PathBuf {
    PathBuf::from(
        out.written
            .iter()
            .find(|w| w.organisation_name == org)
            .and_then(|w| w.eml.clone())
            .unwrap_or_else(|| panic!("an e-mail draft for {org}: {out:#?}")),
    )
}

#[test]
fn due_seats_are_the_empty_ones_and_the_terms_ending_within_the_period() {
    let s = seeded();
    let r = s
        .reg
        .reminders(today(), None, &[], all())
        .expect("reminders");
    assert_eq!(r.within_days, 60, "the default period");
    let names: Vec<&str> = r
        .letters
        .rows
        .iter()
        .map(|l| l.organisation_name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Borlänge kommun", "Falu kommun", "Mora kommun"],
        "Avesta's term ends beyond the period, its other one has a successor"
    );
    let kinds = |org: &str| -> Vec<(Role, ReminderKind)> {
        r.letters
            .rows
            .iter()
            .find(|l| l.organisation_name == org)
            .expect("letter")
            .seats
            .iter()
            .map(|s| (s.role, s.kind))
            .collect()
    };
    assert_eq!(
        kinds("Falu kommun"),
        [(Role::Representative, ReminderKind::TermEnding)]
    );
    assert_eq!(
        kinds("Borlänge kommun"),
        [
            (Role::Representative, ReminderKind::TermEnding),
            (Role::Substitute, ReminderKind::Vacant)
        ]
    );
    assert_eq!(
        kinds("Mora kommun"),
        [
            (Role::Representative, ReminderKind::Vacant),
            (Role::Substitute, ReminderKind::Vacant)
        ]
    );
    let falun = &r.letters.rows[1];
    assert_eq!(falun.principal.as_deref(), Some("Maria Chef"));
    assert_eq!(falun.email.as_deref(), Some("maria.chef@falun.se"));
    assert_eq!(falun.seats[0].holder.as_deref(), Some("Anna Öberg"));
    assert_eq!(falun.seats[0].until, Some(day("2027-01-15")));
    assert!(falun.due && falun.last_sent.is_none());
    assert_eq!((r.due, r.recent, r.without_email), (3, 0, 1));
    assert_eq!(r.left_out.len(), 1, "Hanna Skydd is left out");
    assert!(r.letters.rows[0].seats[0].holder.is_none());
    assert!(r.letters.rows[0].seats[0].withheld);

    // A longer period takes Avesta's representative in.
    let longer = s
        .reg
        .reminders(today(), Some(250), &[], all())
        .expect("reminders");
    assert!(
        longer
            .letters
            .rows
            .iter()
            .any(|l| l.organisation_name == "Avesta kommun")
    );
}

#[test]
fn the_period_is_a_register_setting() {
    let mut s = seeded();
    assert_eq!(s.reg.reminder_days().expect("days"), 60);
    assert_eq!(s.reg.set_reminder_days(250).expect("set"), 250);
    let r = s
        .reg
        .reminders(today(), None, &[], all())
        .expect("reminders");
    assert_eq!(r.within_days, 250);
    assert_eq!(r.letters.total, 4);
    for bad in [0, 10_000] {
        let e = s.reg.set_reminder_days(bad).expect_err("out of range");
        assert_eq!(e.code(), ErrorCode::Invalid);
    }
    assert_eq!(s.reg.reminder_days().expect("days"), 250);
}

#[test]
fn a_seat_is_not_reminded_twice_within_the_period_unless_asked() {
    let mut s = seeded();
    let first = write(&mut s, "första", &ReminderRequest::default());
    assert_eq!(first.written.len(), 3);
    assert_eq!(first.skipped, 0);
    let r = s
        .reg
        .reminders(today(), None, &[], all())
        .expect("reminders");
    assert_eq!((r.due, r.recent), (0, 3));
    assert!(
        r.letters
            .rows
            .iter()
            .all(|l| l.last_sent == Some(today()) && !l.due)
    );
    let exports = s.reg.exports(None).expect("log").len();

    let second = write(&mut s, "andra", &ReminderRequest::default());
    assert!(second.written.is_empty(), "{second:#?}");
    assert_eq!(second.skipped, 3);
    assert_eq!(s.reg.exports(None).expect("log").len(), exports);
    assert!(
        !s.f.dir.path().join("andra").exists(),
        "no folder for nothing"
    );

    let again = write(
        &mut s,
        "igen",
        &ReminderRequest {
            again: true,
            ..ReminderRequest::default()
        },
    );
    assert_eq!(again.written.len(), 3, "--again writes them anyway");

    // After the period the seats are due again.
    let later = today().checked_add_days(Days::new(60)).expect("day");
    let r = s.reg.reminders(later, None, &[], all()).expect("reminders");
    assert!(r.due >= 1, "{r:#?}");
    let day_before = today().checked_add_days(Days::new(59)).expect("day");
    let r = s
        .reg
        .reminders(day_before, None, &[], all())
        .expect("reminders");
    assert_eq!(r.due, 0, "still within the period the day before");
}

#[test]
fn the_draft_goes_to_the_principal_with_the_letter_and_the_form_attached() {
    let mut s = seeded();
    let out = write(&mut s, "brev", &ReminderRequest::default());
    let eml = eml_of(&out, "Falu kommun");
    let raw = std::fs::read_to_string(&eml).expect("eml is text");
    assert!(raw.contains("\r\nX-Unsent: 1\r\n"), "{raw}");
    let r = read(&eml);
    assert_eq!(r.to, ["maria.chef@falun.se"]);
    assert!(r.bcc.is_empty());
    assert_eq!(
        r.subject,
        "Påminnelse: plats i Länsgruppen MVK för Falu kommun"
    );
    assert!(r.body.starts_with("Hej Maria Chef!"), "{}", r.body);
    assert!(
        r.body.contains(
            "• Representant: Anna Öberg, mandatperioden slutar 15 januari 2027. Bekräfta att uppdraget fortsätter, eller utse någon ny."
        ),
        "{}",
        r.body
    );
    assert!(r.body.contains("Åsa Strateg\nStrateg MVK, Länsstyrelsen"));
    assert!(!r.body.contains("Erik Lund"), "a seat not due is not named");
    assert_eq!(r.pdfs.len(), 2, "the letter and the mandate form");
    assert_eq!(r.pdfs[0].0, "Påminnelse Falu kommun Länsgruppen MVK.pdf");
    assert_eq!(r.pdfs[1].0, "Uppdragsblankett Falu kommun.pdf");
    let letter = pdf_text(&r.pdfs[0].1);
    assert!(letter.contains("PÅMINNELSE"), "{letter}");
    assert!(letter.contains("Till: Maria Chef, Socialchef"), "{letter}");
    assert!(letter.contains("Anna Öberg, mandatperioden slutar 15 januari 2027"));
    let form = pdf_text(&r.pdfs[1].1);
    assert!(
        form.contains("Anna Öberg") && form.contains("Erik Lund"),
        "{form}"
    );
    keep_for_looking("reminder-letter", &r.pdfs[0].1);
    keep_for_looking("reminder-form", &r.pdfs[1].1);
    crate::support::assert_archival_pdf(&r.pdfs[0].1, "sv-SE");

    // The letter on its own is the same as the one attached.
    let falun = out
        .written
        .iter()
        .find(|w| w.organisation_name == "Falu kommun")
        .expect("falun");
    assert_eq!(std::fs::read(&falun.pdf).expect("pdf"), r.pdfs[0].1);

    // Without an address, only the letter to print.
    let mora = out
        .written
        .iter()
        .find(|w| w.organisation_name == "Mora kommun")
        .expect("mora");
    assert!(mora.eml.is_none() && mora.to.is_none());
    let text = pdf_text(&std::fs::read(&mora.pdf).expect("pdf"));
    assert!(text.contains("platsen står tom"), "{text}");

    // Every file in the export log.
    let log = s.reg.exports(None).expect("log");
    assert_eq!(log.len(), 5, "three letters, two drafts");
    for w in &out.written {
        let files: Vec<&str> = [Some(w.pdf.as_str()), w.eml.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        for file in files {
            let e = log
                .iter()
                .find(|e| e.file.as_deref() == Some(file))
                .unwrap_or_else(|| panic!("{file} in the log"));
            let kind = if file.ends_with(".eml") {
                ExportKind::ReminderEmail
            } else {
                ExportKind::ReminderLetter
            };
            assert_eq!(e.kind, kind);
            assert!(e.description.contains(&w.organisation_name));
        }
    }
    let falun_log = log
        .iter()
        .find(|e| e.file.as_deref() == falun.eml.as_deref())
        .expect("draft logged");
    assert_eq!(falun_log.people, 2, "Anna (the letter) and Erik (the form)");
}

#[test]
fn the_english_wording_reads_in_english() {
    let mut s = seeded();
    let dir = s.f.dir.path().join("en");
    let out = s
        .reg
        .write_reminders(&dir, &ReminderRequest::default(), today(), Lang::En, now())
        .expect("reminders");
    let r = read(&eml_of(&out, "Falu kommun"));
    assert_eq!(
        r.subject,
        "Reminder: the seat of Falu kommun in Länsgruppen MVK"
    );
    assert!(
        r.body
            .contains("• Representative: Anna Öberg, the term ends on 15 January 2027."),
        "{}",
        r.body
    );
}

#[test]
fn protected_people_are_named_only_when_included() {
    let mut s = seeded();
    let out = write(&mut s, "skyddad", &ReminderRequest::default());
    assert_eq!(out.protected_left_out, 1);
    let r = read(&eml_of(&out, "Borlänge kommun"));
    assert!(!r.body.contains("Hanna"), "{}", r.body);
    assert!(
        r.body.contains(
            "• Representant: nuvarande innehavare, mandatperioden slutar 31 december 2026."
        ),
        "{}",
        r.body
    );
    assert!(r.body.contains("• Ersättare: platsen står tom."));
    for (name, pdf) in &r.pdfs {
        let text = pdf_text(pdf);
        assert!(!text.contains("Hanna"), "{name}: {text}");
    }
    let log = s.reg.exports(None).expect("log");
    assert!(log.iter().all(|e| !e.protected_included));
    assert!(log.iter().all(|e| !e.description.contains("Hanna")));
    assert!(
        s.reg
            .exports_of_person(s.hidden)
            .expect("exports of Hanna")
            .is_empty()
    );

    let hidden = s.hidden;
    let out = write(
        &mut s,
        "med",
        &ReminderRequest {
            again: true,
            include: vec![hidden],
            ..ReminderRequest::default()
        },
    );
    let r = read(&eml_of(&out, "Borlänge kommun"));
    assert!(
        r.body
            .contains("• Representant: Hanna Skydd, mandatperioden slutar")
    );
    assert!(pdf_text(&r.pdfs[1].1).contains("Hanna Skydd"));
    let theirs = s.reg.exports_of_person(s.hidden).expect("exports");
    assert_eq!(theirs.len(), 2, "the letter and the draft name her");
    assert!(theirs.iter().all(|e| e.protected_included));
}

#[test]
fn hostile_names_never_start_a_header_and_round_trip_exactly() {
    let mut s = seeded();
    let fonts = samverkan::pdf::Fonts::get().expect("fonts");
    let falun = s.reg.find_org("Falu kommun").expect("falun");
    let mut w = s.reg.mail_wording(Lang::Sv).expect("wording").wording;
    w.reminder.subject = "Påminnelse {principal} {organisation}".into();
    s.reg.save_mail_wording(Lang::Sv, &w, now()).expect("saved");
    let mut tried = 0;
    for (i, v) in crate::hostile::corpus().into_iter().enumerate() {
        if !v.chars().all(|c| c.is_control() || fonts.can_draw(c)) {
            continue;
        }
        let name = format!("{v}\r\nBcc: evil{i}@example.com");
        // A line break in a name is refused where it is entered; the value itself is kept.
        assert!(
            s.reg
                .set_principal(
                    falun,
                    &PrincipalDraft {
                        name: name.clone(),
                        ..PrincipalDraft::default()
                    }
                )
                .is_err()
        );
        let Ok(_) = s.reg.set_principal(
            falun,
            &PrincipalDraft {
                name: v.clone(),
                title: None,
                email: Some("maria.chef@falun.se".into()),
                phone: None,
            },
        ) else {
            continue;
        };
        let org = s.reg.org(falun).expect("org");
        let mut d = OrgDraft::from(&org);
        d.name = format!("Falu {v}");
        if s.reg.edit_org(falun, &d).is_err() {
            continue;
        }
        tried += 1;
        let dir = s.f.dir.path().join(format!("fientlig-{i}"));
        let out = s
            .reg
            .write_reminders(
                &dir,
                &ReminderRequest {
                    again: true,
                    ..ReminderRequest::default()
                },
                today(),
                Lang::Sv,
                now(),
            )
            .expect("written");
        let written = out
            .written
            .iter()
            .find(|w| w.organisation_name == format!("Falu {v}"))
            .expect("falun's letter");
        let r = read(Path::new(written.eml.as_deref().expect("draft")));
        let names: Vec<&str> = r.headers.iter().map(|h| h.0.as_str()).collect();
        assert!(
            !names.iter().any(|n| n.eq_ignore_ascii_case("bcc")),
            "{v:?}: {names:?}"
        );
        assert_eq!(
            names
                .iter()
                .filter(|n| n.eq_ignore_ascii_case("to"))
                .count(),
            1
        );
        assert_eq!(r.to, ["maria.chef@falun.se"], "{v:?}");
        let expected = format!("Påminnelse {v} Falu {v}");
        let one_line: String = expected.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(r.subject, one_line, "{v:?}");
        assert!(r.body.contains(&format!("Hej {v}!")), "{v:?}: {}", r.body);
    }
    assert!(tried > 3, "hostile names were accepted");
}

#[test]
fn the_cli_lists_sets_the_period_and_writes_the_reminders() {
    let s = seeded();
    let Seeded { f, reg, .. } = s;
    drop(reg);
    let list = f.json(&["remind"]);
    assert_eq!(list["within_days"], 60);
    assert_eq!(list["due"], 3);
    assert_eq!(
        list["letters"]["rows"][0]["organisation_name"],
        "Borlänge kommun"
    );
    let text = f.ok(&["remind"]);
    assert!(text.contains("Falu kommun"), "{text}");
    assert!(text.contains("Anna Öberg"), "{text}");
    assert!(!text.contains("Hanna Skydd"), "{text}");
    let set = f.json(&["remind", "--set-within", "250"]);
    assert_eq!(set["within_days"], 250);
    assert_eq!(f.json(&["remind"])["letters"]["total"], 4);
    f.refused(&["remind", "--set-within", "0"]);

    let dir = f.dir.path().join("påminnelser");
    let d = dir.to_str().expect("path");
    let out = f.json(&["remind", "--within", "60", "--out", d]);
    assert_eq!(out["written"].as_array().map(Vec::len), Some(3));
    assert!(
        dir.join("Påminnelse Falu kommun Länsgruppen MVK.eml")
            .exists()
    );
    let again = f.json(&["remind", "--within", "60", "--out", d]);
    assert_eq!(again["written"].as_array().map(Vec::len), Some(0));
    assert_eq!(again["skipped"], 3);
    let text = f.ok(&[
        "remind",
        "--within",
        "60",
        "--out",
        d,
        "--again",
        "--include-protected",
        "Hanna Skydd",
    ]);
    assert!(text.contains("Falu kommun"), "{text}");
    let r = read(&dir.join("Påminnelse Borlänge kommun Länsgruppen MVK.eml"));
    assert!(r.body.contains("Hanna Skydd"));
    // --today is honoured: in 60 days the seats are due again.
    let later = assert_cmd::Command::cargo_bin("samverkan")
        .expect("the samverkan binary")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("SAMVERKAN_DB")
        .env("HOME", f.dir.path())
        .arg("--db")
        .arg(&f.db)
        .args([
            "--today",
            "2027-01-21",
            "--json",
            "remind",
            "--within",
            "60",
        ])
        .output()
        .expect("run");
    assert!(later.status.success(), "{later:?}");
    let later: serde_json::Value = serde_json::from_slice(&later.stdout).expect("json");
    assert!(later["due"].as_u64().expect("due") >= 1, "{later}");
}
