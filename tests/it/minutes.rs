//! Minutes: per agenda item the notes and decisions (moving with their item), the attendance
//! as recorded, who took and checked them and when, the PDF and the e-mail draft read back by
//! mail-parser, hostile values kept exactly, and the CLI.

use mail_parser::{MessageParser, MimeHeaders};
use samverkan::export::minutes::MinutesStatus;
use samverkan::model::{AgendaOf, AttendanceStatus, Role};
use samverkan::register::{InvitationRequest, MinutesItemDraft, MinutesPeople, OrganiserInfo};
use samverkan::{ErrorCode, Lang};

use crate::support::{Fixture, add_meeting, add_person, appoint, now, pdf_text};

struct Seeded {
    f: Fixture,
    reg: samverkan::Register,
    meeting: i64,
    anna: i64,
    erik: i64,
    hidden: i64,
}

fn seeded() -> Seeded {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    reg.set_organiser(&OrganiserInfo {
        name: Some("Åsa Strateg".into()),
        email: Some("asa.strateg@lansstyrelsen.se".into()),
        ..OrganiserInfo::default()
    })
    .expect("coordinator");
    let anna = add_person(
        &mut reg,
        "Anna Öberg",
        "Falun",
        Some("anna.oberg@falun.se"),
        false,
    );
    let erik = add_person(
        &mut reg,
        "Erik Lund",
        "Falun",
        Some("erik.lund@falun.se"),
        false,
    );
    let hidden = add_person(
        &mut reg,
        "Hanna Skydd",
        "Borlänge",
        Some("hanna@borlange.se"),
        true,
    );
    appoint(&mut reg, anna, "Länsgruppen", Role::Representative);
    appoint(&mut reg, erik, "Länsgruppen", Role::Substitute);
    appoint(&mut reg, hidden, "Länsgruppen", Role::Representative);
    let meeting = add_meeting(&mut reg, "Länsgruppen", "2027-03-10");
    Seeded {
        f,
        reg,
        meeting,
        anna,
        erik,
        hidden,
    }
}

fn draft(notes: &str, decisions: Option<&str>) -> MinutesItemDraft {
    MinutesItemDraft {
        notes: Some(notes.into()),
        decisions: decisions.map(str::to_owned),
    }
}

#[test]
fn notes_and_decisions_follow_their_item_and_the_status_says_drafted_checked_sent() {
    let mut s = seeded();
    let m = s.meeting;
    assert_eq!(
        s.reg.minutes(m, &[]).expect("m").status,
        MinutesStatus::NotStarted
    );
    s.reg
        .set_minutes_item(
            m,
            3,
            &draft(
                "Förra mötets anteckningar godkändes.",
                Some("Lades till handlingarna."),
            ),
            now(),
        )
        .expect("item");
    let title = s.reg.minutes(m, &[]).expect("m").items[2].title.clone();
    // Moved to the top, the item keeps its minutes; the others keep none.
    s.reg
        .move_agenda_item(AgendaOf::Meeting(m), 3, 1)
        .expect("move");
    let after = s.reg.minutes(m, &[]).expect("m");
    assert_eq!(after.items[0].title, title);
    assert_eq!(
        after.items[0].decisions.as_deref(),
        Some("Lades till handlingarna.")
    );
    assert!(
        after.items[1..]
            .iter()
            .all(|i| i.notes.is_none() && i.decisions.is_none())
    );
    assert_eq!(after.status, MinutesStatus::Drafted);
    assert!(after.drafted_at.is_some());

    let e = s.reg.check_minutes(m, now()).expect_err("no checker yet");
    assert_eq!(e.code(), ErrorCode::Invalid);
    s.reg
        .set_minutes_people(
            m,
            &MinutesPeople {
                taker_id: Some(s.erik),
                checker_id: Some(s.anna),
            },
            now(),
        )
        .expect("people");
    let checked = s.reg.check_minutes(m, now()).expect("checked");
    assert_eq!(checked.status, MinutesStatus::Checked);
    assert_eq!(
        checked.checker.as_ref().map(|p| p.name.as_str()),
        Some("Anna Öberg")
    );
    // An edit after the check asks for a new one.
    let edited = s
        .reg
        .set_minutes_item(m, 1, &draft("Rättat.", None), now())
        .expect("edit");
    assert_eq!(edited.status, MinutesStatus::Drafted);
    assert!(edited.checked_at.is_none());
    s.reg.check_minutes(m, now()).expect("checked again");

    s.reg
        .set_attendance(m, s.anna, AttendanceStatus::Excused, None)
        .expect("excused");
    s.reg
        .set_attendance(m, s.erik, AttendanceStatus::Present, Some(s.anna))
        .expect("stand-in");
    let pdf = s.f.dir.path().join("minnesanteckningar.pdf");
    let eml = s.f.dir.path().join("minnesanteckningar.eml");
    let out = s
        .reg
        .write_minutes(
            m,
            Some(&pdf),
            Some(&eml),
            &InvitationRequest::default(),
            Lang::Sv,
            now(),
        )
        .expect("written");
    assert_eq!(out.status, MinutesStatus::Sent);
    assert_eq!(out.recipients, 2);
    let bytes = std::fs::read(&pdf).expect("pdf");
    if let Some(dir) = std::env::var_os("SAMVERKAN_TEST_PDFS") {
        std::fs::write(std::path::Path::new(&dir).join("minutes.pdf"), &bytes).expect("keep");
    }
    let text = pdf_text(&bytes);
    for want in [
        "MINNESANTECKNINGAR",
        "Rättat.",
        "Anmält förhinder",
        "Närvarande (i stället för",
        "Antecknat av: Erik Lund",
        "Justerat av: Anna Öberg, 2026-11-22",
    ] {
        assert!(text.contains(want), "{want:?} in {text}");
    }
    assert!(!text.contains("Hanna"), "no protected person: {text}");
    let raw = std::fs::read(&eml).expect("eml");
    let msg = MessageParser::default()
        .parse(&raw)
        .expect("mail-parser reads it");
    assert_eq!(
        msg.subject(),
        Some("Minnesanteckningar: Länsgruppen MVK onsdag 10 mars 2027")
    );
    assert!(String::from_utf8_lossy(&raw).contains("\r\nX-Unsent: 1\r\n"));
    let bcc: Vec<_> = msg
        .bcc()
        .expect("bcc")
        .iter()
        .filter_map(|a| a.address())
        .collect();
    assert_eq!(bcc, ["anna.oberg@falun.se", "erik.lund@falun.se"]);
    let att = msg
        .attachments()
        .find(|p| p.is_content_type("application", "pdf"))
        .expect("pdf attached");
    assert_eq!(
        att.attachment_name(),
        Some("Minnesanteckningar Länsgruppen MVK 2027-03-10.pdf")
    );
    assert_eq!(att.contents(), bytes.as_slice());
    let state = s.reg.minutes(m, &[]).expect("m");
    assert_eq!(state.status, MinutesStatus::Sent);
    assert!(state.sent_at.is_some());
    let log = s.reg.exports(None).expect("log");
    for kind in [
        samverkan::register::ExportKind::MinutesPdf,
        samverkan::register::ExportKind::MinutesEmail,
    ] {
        assert!(
            log.iter().any(|e| e.kind == kind && !e.protected_included),
            "{kind:?} logged"
        );
    }
    let with = s.reg.minutes(m, &[s.hidden]).expect("m");
    assert!(with.attendance.iter().any(|a| a.name == "Hanna Skydd"));
}

#[test]
fn hostile_notes_round_trip_exactly_and_a_cancelled_meeting_has_no_minutes() {
    let mut s = seeded();
    let m = s.meeting;
    for v in crate::hostile::corpus() {
        let notes = format!("{v}\nBcc: evil@example.com\n{v}");
        let got = s
            .reg
            .set_minutes_item(m, 1, &draft(&notes, Some(&v)), now())
            .expect("kept");
        assert_eq!(got.items[0].notes.as_deref(), Some(notes.as_str()), "{v:?}");
        assert_eq!(got.items[0].decisions.as_deref(), Some(v.as_str()), "{v:?}");
    }
    let e = s
        .reg
        .set_minutes_item(m, 99, &draft("x", None), now())
        .expect_err("no such item");
    assert_eq!(e.code(), ErrorCode::Invalid);
    s.reg.cancel_meeting(m, now()).expect("cancel");
    let e = s
        .reg
        .set_minutes_item(m, 1, &draft("x", None), now())
        .expect_err("cancelled");
    assert_eq!(e.code(), ErrorCode::Conflict);
}

#[test]
fn the_cli_writes_and_shows_minutes() {
    let Seeded {
        f, reg, meeting, ..
    } = seeded();
    drop(reg);
    let m = meeting.to_string();
    f.ok(&[
        "minutes",
        &m,
        "--item",
        "1",
        "--notes",
        "Mötet öppnades.",
        "--decisions",
        "Dagordningen godkändes.",
    ]);
    f.ok(&[
        "minutes",
        &m,
        "--taker",
        "Erik Lund",
        "--checker",
        "Anna Öberg",
        "--checked",
    ]);
    let j = f.json(&["minutes", &m]);
    assert_eq!(j["status"], "checked");
    assert_eq!(j["items"][0]["decisions"], "Dagordningen godkändes.");
    assert_eq!(j["taker"]["name"], "Erik Lund");
    let pdf = f.dir.path().join("m.pdf");
    let eml = f.dir.path().join("m.eml");
    let out = f.json(&[
        "minutes",
        &m,
        "--out",
        pdf.to_str().expect("p"),
        "--eml",
        eml.to_str().expect("p"),
    ]);
    assert_eq!(out["status"], "sent");
    assert!(pdf.is_file() && eml.is_file());
    f.refused(&["minutes", &m, "--item", "99", "--notes", "x"]);
}
