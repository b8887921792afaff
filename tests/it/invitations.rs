//! Invitations: the e-mail draft read back by mail-parser and its meeting request by the
//! icalendar crate (method, UID, SEQUENCE, organiser, one attendee per invited person with an
//! address, protected people only when included, Swedish text intact), updates and a
//! cancellation under one UID, the printed invitation, hostile values that never start a
//! header, the CLI, and the mandate form's contact box from the coordinator's details.

use std::path::{Path, PathBuf};

use mail_parser::{MessageParser, MimeHeaders};
use samverkan::export::invitation::{Change, InvitationKind};
use samverkan::mail::Recipients;
use samverkan::model::{AgendaItemDraft, AgendaKind, AgendaOf, MeetingDraft, Role};
use samverkan::register::{ExportKind, InvitationRequest, OrganiserInfo};
use samverkan::{ErrorCode, Lang, Register};

use crate::support::{
    Fixture, add_meeting, add_person, addresses, appoint, now, pdf_text, set_coordinator,
};

/// A Dalarna register with a coordinator, Falun's representative and substitute, Borlänge's
/// protected representative, Mora's representative without an e-mail address, and a
/// meeting of the county group with a place and an agenda.
struct Seeded {
    f: Fixture,
    reg: Register,
    meeting: i64,
    hidden: i64,
}

fn seeded() -> Seeded {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    set_coordinator(&mut reg);
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
    let nomail = add_person(&mut reg, "Pelle Utan", "Mora", None, false);
    appoint(&mut reg, anna, "Länsgruppen", Role::Representative);
    appoint(&mut reg, erik, "Länsgruppen", Role::Substitute);
    appoint(&mut reg, hidden, "Länsgruppen", Role::Representative);
    appoint(&mut reg, nomail, "Länsgruppen", Role::Representative);
    let meeting = add_meeting(&mut reg, "Länsgruppen", "2027-03-10");
    let mut d = MeetingDraft::from(&reg.meeting(meeting).expect("meeting"));
    d.place = Some("Länsstyrelsen, sal Åsgården".into());
    d.online_link = Some("https://teams.example.se/l/möte?id=1".into());
    reg.edit_meeting(meeting, &d, now()).expect("place");
    reg.add_agenda_item(
        AgendaOf::Meeting(meeting),
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
    Seeded {
        f,
        reg,
        meeting,
        hidden,
    }
}

/// To look at them: SAMVERKAN_TEST_PDFS=/some/folder cargo test --test it invitations
fn keep_for_looking(what: &str, bytes: &[u8]) {
    if let Some(dir) = std::env::var_os("SAMVERKAN_TEST_PDFS") {
        std::fs::write(Path::new(&dir).join(format!("{what}.pdf")), bytes).expect("write");
    }
}

fn write(s: &mut Seeded, name: &str, req: &InvitationRequest) -> (PathBuf, PathBuf) {
    let eml = s.f.dir.path().join(format!("{name}.eml"));
    let pdf = s.f.dir.path().join(format!("{name}.pdf"));
    s.reg
        .write_invitation(s.meeting, Some(&eml), Some(&pdf), req, Lang::Sv, now())
        .expect("invitation");
    (eml, pdf)
}

/// What an outside parser reads of a draft.
struct Read {
    subject: String,
    headers: Vec<(String, String)>,
    to: Vec<String>,
    bcc: Vec<String>,
    from: (Option<String>, String),
    body: String,
    /// The HTML alternative, as mail-parser decodes it.
    html: String,
    /// The content types of the `multipart/alternative` parts, in order.
    alternatives: Vec<String>,
    calendar: String,
    calendar_method: Option<String>,
    attachment: (String, Vec<u8>),
}

fn read(path: &Path) -> Read {
    let bytes = std::fs::read(path).expect("eml");
    let m = MessageParser::default()
        .parse(&bytes)
        .expect("mail-parser reads the draft");
    let from = m.from().and_then(|a| a.first()).expect("from");
    let cal = m
        .parts
        .iter()
        .find(|p| {
            p.content_type()
                .is_some_and(|c| c.ctype() == "text" && c.subtype() == Some("calendar"))
        })
        .expect("a text/calendar part");
    let kind = |p: &mail_parser::MessagePart<'_>| {
        p.content_type().map_or(String::new(), |c| {
            format!("{}/{}", c.ctype(), c.subtype().unwrap_or(""))
        })
    };
    let alternatives = m
        .parts
        .iter()
        .find_map(|p| match &p.body {
            mail_parser::PartType::Multipart(ids) if kind(p) == "multipart/alternative" => {
                Some(ids.iter().map(|&i| kind(&m.parts[i as usize])).collect())
            }
            _ => None,
        })
        .expect("a multipart/alternative");
    let att = m
        .attachments()
        .find(|p| p.is_content_type("application", "pdf"))
        .expect("the PDF attached");
    Read {
        subject: m.subject().expect("subject").to_owned(),
        headers: m
            .headers_raw()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect(),
        to: addresses(m.to()),
        bcc: addresses(m.bcc()),
        from: (
            from.name().map(str::to_owned),
            from.address().unwrap_or("").to_owned(),
        ),
        // Lines end with CRLF in the message (RFC 5322); compared here as lines.
        body: m.body_text(0).expect("a text body").replace("\r\n", "\n"),
        // Spaces as the reader shows them (indentation is written as no-break spaces).
        html: m
            .body_html(0)
            .expect("an HTML body")
            .replace("\r\n", "\n")
            .replace("&nbsp;", " "),
        alternatives,
        calendar: cal.text_contents().expect("calendar text").to_owned(),
        calendar_method: cal
            .content_type()
            .and_then(|c| c.attribute("method"))
            .map(str::to_owned),
        attachment: (
            att.attachment_name().unwrap_or("").to_owned(),
            att.contents().to_vec(),
        ),
    }
}

/// The properties of the calendar and of its one VEVENT, as the icalendar crate parses
/// them: (name, value, parameters).
type Props = Vec<(String, String, Vec<(String, String)>)>;

fn calendar(text: &str) -> (Props, Props) {
    let unfolded = icalendar::parser::unfold(text);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("icalendar reads it");
    let props = |ps: &[icalendar::parser::Property<'_>]| -> Props {
        ps.iter()
            .map(|p| {
                (
                    p.name.as_str().to_owned(),
                    p.val.as_str().to_owned(),
                    p.params
                        .iter()
                        .map(|x| {
                            (
                                x.key.as_str().to_owned(),
                                x.val
                                    .as_ref()
                                    .map(|v| v.as_str().to_owned())
                                    .unwrap_or_default(),
                            )
                        })
                        .collect(),
                )
            })
            .collect()
    };
    let events: Vec<_> = cal
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT")
        .collect();
    assert_eq!(events.len(), 1, "one event");
    (props(&cal.properties), props(&events[0].properties))
}

fn value<'a>(props: &'a Props, name: &str) -> Option<&'a str> {
    props.iter().find(|p| p.0 == name).map(|p| p.1.as_str())
}

fn param<'a>(p: &'a (String, String, Vec<(String, String)>), key: &str) -> Option<&'a str> {
    p.2.iter().find(|x| x.0 == key).map(|x| x.1.as_str())
}

#[test]
fn an_invitation_draft_is_an_unsent_meeting_request_an_outside_parser_reads() {
    let mut s = seeded();
    let uid = s.reg.meeting(s.meeting).expect("m").uid;
    let (eml, pdf) = write(&mut s, "kallelse", &InvitationRequest::default());
    let raw = std::fs::read_to_string(&eml).expect("eml is text");
    assert!(raw.contains("\r\nX-Unsent: 1\r\n"), "{raw}");
    let subject_line = raw
        .lines()
        .find(|l| l.starts_with("Subject:"))
        .expect("subject");
    assert!(
        subject_line.contains("=?utf-8?b?TMOkbnNncnVwcGVu?="),
        "the subject's Swedish word is encoded per RFC 2047: {subject_line}"
    );
    let r = read(&eml);
    assert_eq!(r.subject, "Kallelse: Länsgruppen MVK onsdag 10 mars 2027");
    assert_eq!(
        r.from,
        (
            Some("Åsa Strateg".to_owned()),
            "asa.strateg@lansstyrelsen.se".to_owned()
        )
    );
    assert_eq!(
        r.to,
        ["asa.strateg@lansstyrelsen.se"],
        "Bcc: the coordinator in To"
    );
    assert_eq!(r.bcc, ["anna.oberg@falun.se", "erik.lund@falun.se"]);
    assert!(
        r.body
            .contains("Välkommen till möte i Länsgruppen MVK onsdag 10 mars 2027 kl. 13.00–15.00."),
        "{}",
        r.body
    );
    assert!(r.body.contains("Plats: Länsstyrelsen, sal Åsgården"));
    assert!(
        r.body
            .contains("13.00–13.30  1. Läget i länet: våld i nära relationer (Länsstyrelsen)"),
        "{}",
        r.body
    );
    assert!(
        r.body.contains("Åsa Strateg\nStrateg MVK, Länsstyrelsen"),
        "{:?}",
        r.body
    );
    assert!(!r.body.contains("Hanna"), "no protected person in the body");
    // Text, HTML, request: the order Exchange writes, and the one Thunderbird opens as a
    // draft with its body (text and request alone opened empty).
    assert_eq!(
        r.alternatives,
        ["text/plain", "text/html", "text/calendar"],
        "the alternatives"
    );
    assert!(
        r.html
            .contains("<p>Välkommen till möte i Länsgruppen MVK onsdag 10 mars 2027"),
        "{}",
        r.html
    );
    assert!(
        r.html
            .contains("Åsa Strateg<br>\nStrateg MVK, Länsstyrelsen"),
        "{}",
        r.html
    );
    assert!(
        r.body.contains(")\n      Underlag skickas före mötet.\n")
            && r.html
                .contains(")<br>\n      Underlag skickas före mötet.<br>\n"),
        "an item's note indented under it, in the text and in the HTML: {}",
        r.html
    );
    assert!(!r.html.contains("Hanna"), "no protected person in the HTML");

    assert_eq!(r.calendar_method.as_deref(), Some("REQUEST"));
    let (cal, ev) = calendar(&r.calendar);
    assert_eq!(value(&cal, "METHOD"), Some("REQUEST"));
    assert_eq!(value(&ev, "UID"), Some(uid.as_str()));
    assert_eq!(value(&ev, "SEQUENCE"), Some("0"));
    assert_eq!(value(&ev, "STATUS"), Some("CONFIRMED"));
    assert_eq!(value(&ev, "SUMMARY"), Some("Länsgruppen MVK"));
    let org = ev.iter().find(|p| p.0 == "ORGANIZER").expect("organizer");
    assert_eq!(org.1, "mailto:asa.strateg@lansstyrelsen.se");
    assert_eq!(param(org, "CN"), Some("Åsa Strateg"));
    let attendees: Vec<_> = ev.iter().filter(|p| p.0 == "ATTENDEE").collect();
    let who: Vec<(&str, Option<&str>, Option<&str>)> = attendees
        .iter()
        .map(|a| (a.1.as_str(), param(a, "ROLE"), param(a, "RSVP")))
        .collect();
    assert_eq!(
        who,
        [
            (
                "mailto:anna.oberg@falun.se",
                Some("REQ-PARTICIPANT"),
                Some("TRUE")
            ),
            (
                "mailto:erik.lund@falun.se",
                Some("OPT-PARTICIPANT"),
                Some("TRUE")
            ),
        ]
    );
    assert!(
        r.calendar
            .contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm")
    );
    assert!(
        r.calendar
            .contains("DTSTART;TZID=Europe/Stockholm:20270310T130000")
    );

    let (name, bytes) = &r.attachment;
    assert_eq!(name, "Kallelse Länsgruppen MVK 2027-03-10.pdf");
    assert_eq!(
        bytes,
        &std::fs::read(&pdf).expect("pdf"),
        "the PDF attached is the one printed"
    );
    keep_for_looking("kallelse", bytes);
    let text = pdf_text(bytes);
    for want in [
        "KALLELSE",
        "Länsgruppen MVK",
        "onsdag 10 mars 2027 kl. 13.00–15.00",
        "Länsstyrelsen, sal Åsgården",
        "https://teams.example.se/l/möte?id=1",
        "Läget i länet: våld i nära relationer",
        "Anna Öberg",
        "Pelle Utan",
        "Åsa Strateg",
    ] {
        assert!(text.contains(want), "{want:?} in {text}");
    }
    assert!(!text.contains("Hanna"), "{text}");

    let state = s.reg.invitation(s.meeting, &[], Lang::Sv).expect("state");
    assert_eq!(state.last.as_ref().map(|l| l.sequence), Some(0));
    assert!(!state.differs);
    let names: Vec<&str> = state
        .without_email
        .iter()
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(names, ["Pelle Utan"]);
    let log = s.reg.exports(None).expect("log");
    for kind in [ExportKind::InvitationEmail, ExportKind::InvitationPdf] {
        let e = log.iter().find(|e| e.kind == kind).expect("logged");
        assert_eq!(e.people, 3, "everyone invited but the protected person");
        assert!(!e.protected_included);
    }
}

#[test]
fn a_protected_person_is_invited_only_when_included_and_to_can_address_openly() {
    let mut s = seeded();
    let req = InvitationRequest {
        include: vec![s.hidden],
        recipients: Recipients::To,
    };
    let (eml, pdf) = write(&mut s, "med", &req);
    let r = read(&eml);
    assert!(r.bcc.is_empty());
    let mut to = r.to.clone();
    to.sort();
    assert_eq!(
        to,
        [
            "anna.oberg@falun.se",
            "erik.lund@falun.se",
            "hanna@borlange.se"
        ]
    );
    let (_, ev) = calendar(&r.calendar);
    assert_eq!(ev.iter().filter(|p| p.0 == "ATTENDEE").count(), 3);
    assert!(r.calendar.contains("mailto:hanna@borlange.se"));
    assert!(pdf_text(&std::fs::read(pdf).expect("pdf")).contains("Hanna Skydd"));
    let log = s.reg.exports(None).expect("log");
    assert!(
        log.iter()
            .any(|e| e.kind == ExportKind::InvitationEmail && e.protected_included)
    );
    // The choice held for that draft only.
    let state = s.reg.invitation(s.meeting, &[], Lang::Sv).expect("state");
    assert_eq!(state.left_out.len(), 1);
    assert!(state.invited.iter().all(|i| !i.protected));
}

#[test]
fn a_meeting_moved_twice_gives_sequence_0_1_2_under_one_uid_and_a_cancellation_follows() {
    let mut s = seeded();
    let uid = s.reg.meeting(s.meeting).expect("m").uid;
    let seq = |path: &Path| {
        let r = read(path);
        let (cal, ev) = calendar(&r.calendar);
        (
            value(&cal, "METHOD").map(str::to_owned),
            value(&ev, "UID").map(str::to_owned),
            value(&ev, "SEQUENCE").map(str::to_owned),
            value(&ev, "STATUS").map(str::to_owned),
            r.subject,
        )
    };
    let (first, _) = write(&mut s, "v0", &InvitationRequest::default());
    let (m0, u0, s0, _, _) = seq(&first);
    assert_eq!((m0.as_deref(), s0.as_deref()), (Some("REQUEST"), Some("0")));

    let mut d = MeetingDraft::from(&s.reg.meeting(s.meeting).expect("m"));
    d.date = "2027-03-17".into();
    s.reg.edit_meeting(s.meeting, &d, now()).expect("moved");
    let state = s.reg.invitation(s.meeting, &[], Lang::Sv).expect("state");
    assert!(state.differs);
    assert_eq!(state.kind, InvitationKind::Update);
    assert_eq!(state.changes, [Change::Date]);
    assert_eq!(
        (state.sequence, state.last.as_ref().map(|l| l.sequence)),
        (1, Some(0))
    );
    let (second, _) = write(&mut s, "v1", &InvitationRequest::default());
    let (_, u1, s1, _, subject1) = seq(&second);
    assert_eq!(s1.as_deref(), Some("1"));
    assert_eq!(
        subject1,
        "Ändrad kallelse (nytt datum): Länsgruppen MVK onsdag 17 mars 2027"
    );
    assert!(
        read(&second)
            .body
            .contains("Tidigare: onsdag 10 mars 2027 kl. 13.00–15.00, Länsstyrelsen, sal Åsgården")
    );

    d.date = "2027-03-18".into();
    d.start = Some("09:00".into());
    d.end = Some("12:00".into());
    d.place = Some("Borlänge, Kupolen".into());
    s.reg
        .edit_meeting(s.meeting, &d, now())
        .expect("moved again");
    let (third, _) = write(&mut s, "v2", &InvitationRequest::default());
    let (_, u2, s2, _, subject2) = seq(&third);
    assert_eq!(s2.as_deref(), Some("2"));
    assert!(
        subject2.starts_with("Ändrad kallelse (nytt datum, ny tid, ny plats):"),
        "{subject2}"
    );

    // Written again with nothing changed: the same version.
    let (again, _) = write(&mut s, "v2-igen", &InvitationRequest::default());
    assert_eq!(seq(&again).2.as_deref(), Some("2"));

    s.reg.cancel_meeting(s.meeting, now()).expect("cancel");
    let state = s.reg.invitation(s.meeting, &[], Lang::Sv).expect("state");
    assert_eq!(
        (state.kind, state.sequence, state.differs),
        (InvitationKind::Cancellation, 3, true)
    );
    let (cancel, pdf) = write(&mut s, "inställt", &InvitationRequest::default());
    let (m3, u3, s3, st3, subject3) = seq(&cancel);
    assert_eq!(read(&cancel).calendar_method.as_deref(), Some("CANCEL"));
    assert_eq!(
        (m3.as_deref(), s3.as_deref(), st3.as_deref()),
        (Some("CANCEL"), Some("3"), Some("CANCELLED"))
    );
    assert_eq!(subject3, "Inställt: Länsgruppen MVK torsdag 18 mars 2027");
    let bytes = std::fs::read(pdf).expect("pdf");
    keep_for_looking("installt", &bytes);
    assert!(pdf_text(&bytes).contains("INSTÄLLT MÖTE"));
    for u in [u0, u1, u2, u3] {
        assert_eq!(u.as_deref(), Some(uid.as_str()), "one UID throughout");
    }
}

#[test]
fn a_cancelled_meeting_never_invited_and_a_coordinator_without_an_address_are_refused() {
    let mut s = seeded();
    let eml = s.f.dir.path().join("x.eml");
    s.reg
        .set_organiser(&OrganiserInfo {
            name: Some("Åsa Strateg".into()),
            ..OrganiserInfo::default()
        })
        .expect("no address");
    let e = s
        .reg
        .write_invitation(
            s.meeting,
            Some(&eml),
            None,
            &InvitationRequest::default(),
            Lang::Sv,
            now(),
        )
        .expect_err("no organiser address");
    assert_eq!(e.code(), ErrorCode::Invalid);
    assert!(
        e.message(Lang::Sv).contains("Samordnarens uppgifter"),
        "{}",
        e.message(Lang::Sv)
    );
    assert!(!eml.exists());
    s.reg.cancel_meeting(s.meeting, now()).expect("cancel");
    let e = s
        .reg
        .write_invitation(
            s.meeting,
            Some(&eml),
            None,
            &InvitationRequest::default(),
            Lang::Sv,
            now(),
        )
        .expect_err("nothing to cancel");
    assert_eq!(e.code(), ErrorCode::Conflict);
    assert!(!eml.exists());
    assert!(s.reg.exports(None).expect("log").is_empty());
}

#[test]
fn hostile_values_never_start_a_header_and_round_trip_exactly() {
    let mut s = seeded();
    let fonts = samverkan::pdf::Fonts::get().expect("fonts");
    // What the printed invitation cannot draw is refused before anything is written, as in
    // every PDF; the others go through whole.
    let (values, unprintable): (Vec<String>, Vec<String>) = crate::hostile::corpus()
        .into_iter()
        .partition(|v| v.chars().all(|c| c.is_control() || fonts.can_draw(c)));
    for v in &unprintable {
        let item = s
            .reg
            .add_agenda_item(
                AgendaOf::Meeting(s.meeting),
                &AgendaItemDraft {
                    title: v.clone(),
                    ..AgendaItemDraft::default()
                },
                None,
            )
            .expect("kept in the register");
        let eml = s.f.dir.path().join("nej.eml");
        let e = s
            .reg
            .write_invitation(
                s.meeting,
                Some(&eml),
                None,
                &InvitationRequest::default(),
                Lang::Sv,
                now(),
            )
            .expect_err("unprintable");
        assert_eq!(e.code(), ErrorCode::Invalid, "{v:?}");
        assert!(!eml.exists());
        let last = item.items.len() as u32;
        s.reg
            .remove_agenda_item(AgendaOf::Meeting(s.meeting), last)
            .expect("removed");
    }
    assert!(!values.is_empty());
    for (i, v) in values.iter().enumerate() {
        if let Ok(p) = s.reg.add_person(&samverkan::model::PersonDraft {
            name: v.clone(),
            organisation_id: s.reg.find_org("Avesta").expect("org"),
            email: Some(format!("p{i}@avesta.se")),
            ..samverkan::model::PersonDraft::default()
        }) {
            let g = s.reg.find_group("Länsgruppen").expect("g");
            let _ = s.reg.appoint(&samverkan::model::AppointRequest {
                person_id: p.id,
                group_id: g,
                role: Role::Member,
                seat_id: None,
                organisation_id: None,
                from: crate::support::day("2026-01-01"),
                to: None,
                replace: false,
            });
        }
        s.reg
            .add_agenda_item(
                AgendaOf::Meeting(s.meeting),
                &AgendaItemDraft {
                    title: v.clone(),
                    note: Some(format!("{v}\nBcc: evil@example.com\n{v}")),
                    ..AgendaItemDraft::default()
                },
                None,
            )
            .expect("a hostile title is kept");
    }
    // A subject the coordinator wrote with a value that tries to start a header.
    let mut w = s.reg.mail_wording(Lang::Sv).expect("wording").wording;
    w.invitation.subject = "Kallelse {place}".into();
    s.reg.save_mail_wording(Lang::Sv, &w, now()).expect("saved");
    let mut d = MeetingDraft::from(&s.reg.meeting(s.meeting).expect("m"));
    d.place = Some("Sal 1\r\nBcc: evil@example.com".into());
    let with_break = s.reg.edit_meeting(s.meeting, &d, now()).is_ok();
    let (eml, _) = write(&mut s, "fientlig", &InvitationRequest::default());
    let r = read(&eml);
    let names: Vec<&str> = r.headers.iter().map(|h| h.0.as_str()).collect();
    let bcc_headers = names
        .iter()
        .filter(|n| n.eq_ignore_ascii_case("bcc"))
        .count();
    assert_eq!(bcc_headers, 1, "one Bcc header: {names:?}");
    assert!(!r.bcc.iter().any(|a| a.contains("evil")), "{:?}", r.bcc);
    assert!(!r.to.iter().any(|a| a.contains("evil")));
    if with_break {
        assert_eq!(r.subject, "Kallelse Sal 1 Bcc: evil@example.com");
    }
    let (_, ev) = calendar(&r.calendar);
    let description = value(&ev, "DESCRIPTION").expect("description");
    let state = s.reg.invitation(s.meeting, &[], Lang::Sv).expect("state");
    for v in &values {
        assert!(r.body.contains(v.as_str()), "{v:?} in the body");
        // In the HTML every character is text: escaped, never markup (a line at a time).
        for line in v.lines().filter(|l| !l.trim().is_empty()) {
            let escaped = quick_xml::escape::escape(line);
            assert!(r.html.contains(escaped.as_ref()), "{line:?} in the HTML");
        }
        // The calendar's text is escaped (RFC 5545); the parser gives it back as written.
        assert!(
            description.contains(&format!("{v}\n      Bcc: evil@example.com\n      {v}")),
            "{v:?} in the description {description:?}"
        );
        if let Some(p) = state.invited.iter().find(|i| &i.name == v) {
            let cn: String = p.name.chars().filter(|c| *c != '"').collect();
            let a = ev
                .iter()
                .find(|x| x.0 == "ATTENDEE" && x.1.ends_with(p.email.as_deref().unwrap_or("-")))
                .expect("attendee");
            assert_eq!(
                param(a, "CN"),
                Some(cn.as_str()),
                "CN of {v:?} (a parameter holds no quote)"
            );
        }
    }
    assert!(
        state.invited.iter().any(|i| values.contains(&i.name)),
        "hostile names were accepted"
    );
}

#[test]
fn the_cli_shows_and_writes_an_invitation() {
    let s = seeded();
    let Seeded {
        f, reg, meeting, ..
    } = s;
    drop(reg);
    struct Cli {
        f: Fixture,
    }
    let s = Cli { f };
    let m = meeting.to_string();
    let state = s.f.json(&["invite", &m]);
    assert_eq!(state["kind"], "invitation");
    assert_eq!(state["sequence"], 0);
    assert_eq!(state["without_email"][0]["name"], "Pelle Utan");
    let eml = s.f.dir.path().join("k.eml");
    let pdf = s.f.dir.path().join("k.pdf");
    let out = s.f.json(&[
        "invite",
        &m,
        "--out",
        eml.to_str().expect("path"),
        "--pdf",
        pdf.to_str().expect("path"),
        "--include-protected",
        "Hanna Skydd",
        "--to",
    ]);
    assert_eq!(out["recipients"], 3);
    assert_eq!(out["sequence"], 0);
    assert!(read(&eml).to.contains(&"hanna@borlange.se".to_owned()));
    let text = s.f.ok(&["invite", &m]);
    assert!(text.contains("Senast skickad: Kallelse"), "{text}");
    assert!(
        text.contains("Saknar e-post (skriv ut kallelsen åt dem): Pelle Utan"),
        "{text}"
    );
    s.f.refused(&[
        "invite",
        &m,
        "--out",
        eml.to_str().expect("p"),
        "--to",
        "--bcc",
    ]);
    let w = s.f.json(&["mail-wording"]);
    assert!(
        w["wording"]["invitation"]["subject"]
            .as_str()
            .expect("s")
            .contains("{group}")
    );
}

#[test]
fn the_mandate_forms_contact_box_holds_the_coordinators_details() {
    let s = seeded();
    let mut reg = s.reg;
    let falun = reg.find_org("Falun").expect("org");
    let group = reg.find_group("Länsgruppen").expect("g");
    let out = s.f.dir.path().join("form.pdf");
    reg.print_form(
        falun,
        group,
        &out,
        samverkan::register::FormOptions {
            lang: Lang::Sv,
            today: crate::support::today(),
            now: now(),
            on: None,
        },
    )
    .expect("form");
    let text = pdf_text(&std::fs::read(&out).expect("pdf"));
    for want in [
        "Åsa Strateg, Strateg MVK,",
        "asa.strateg@lansstyrelsen.se",
        "010-225 00 00",
    ] {
        assert!(text.contains(want), "{want:?} in the contact box: {text}");
    }
}
