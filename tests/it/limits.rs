//! Every field's length limit: a value one character over it is refused with a message that
//! says the limit and changes nothing; a value at it is saved, and every printed document
//! carries every character of it, inside the paper's printable area and over no other text:
//! the mandate form, the roster, the attendance list, the register extract, and the meeting
//! cycle's invitation, minutes and reminder letter.

use chrono::{TimeZone, Utc};
use samverkan::Lang;
use samverkan::error::Field;
use samverkan::export::invitation::InvitationDoc;
use samverkan::export::minutes::MinutesDoc;
use samverkan::export::reminder::{self, ReminderDoc};
use samverkan::export::{extract_pdf, invitation, minutes, roster_pdf};
use samverkan::model::{AgendaItemDraft, AgendaKind, AgendaOf, max_chars};
use samverkan::pdf::{Document, Fonts, overruns, to_pdf};
use samverkan::register::{
    InvitationRequest, MinutesItemDraft, OrganiserInfo, PageRequest, ReminderRequest,
};

use crate::support::{Fixture, day, pdf_text};

/// Realistic text: words of Swedish names, exactly `n` characters, not ending in a space.
fn words(n: usize) -> String {
    let base = "Ödegårds stiftelse för samverkan mot mäns våld mot kvinnor i Dalarnas län ";
    let mut s: String = base.chars().cycle().take(n).collect();
    if s.ends_with(' ') {
        s.pop();
        s.push('x');
    }
    s
}

/// One unbroken word of `n` characters: the worst case for a line breaker.
fn unbroken(n: usize) -> String {
    "Åbergsköldström".chars().cycle().take(n).collect()
}

/// The longest e-mail address the register takes: a 64-character local part and a domain
/// of 63-character labels, 254 characters in all.
fn longest_email() -> String {
    let e = format!(
        "{}@{}.{}.{}.se",
        "a".repeat(64),
        "b".repeat(63),
        "c".repeat(63),
        "d".repeat(58)
    );
    assert_eq!(e.chars().count(), max_chars(Field::Email));
    e
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether `text` carries all of `value`: whole, or, where the value is split over pages,
/// in order with at most a page's head and footer (and a table's repeated header) between
/// any two parts (a note of 4,000 characters in a table's narrow column runs over several
/// pages).
fn printed_whole(text: &str, value: &str) -> bool {
    let (text, value) = (squash(text), squash(value));
    if text.contains(&value) {
        return true;
    }
    let value: Vec<char> = value.chars().collect();
    let head: String = value.iter().take(30).collect();
    // From each place the value could start, its characters in order within its length and
    // 300 more for each page's footer ("Sida 2 av 7", "Page 2 of 7") it runs past.
    text.match_indices(&head).any(|(start, _)| {
        let rest = &text[start..];
        let mut want = value.iter().peekable();
        let mut budget = value.len() + 300;
        for (n, (at, c)) in rest.char_indices().enumerate() {
            if want.peek().is_none() || n > budget {
                break;
            }
            if rest[at..].starts_with("Sida") || rest[at..].starts_with("Page") {
                budget += 300;
            }
            if Some(&&c) == want.peek() {
                want.next();
            }
        }
        want.peek().is_none()
    })
}

fn fonts() -> &'static Fonts {
    samverkan::pdf::fonts().expect("fonts")
}

/// The document is sound and its PDF carries every value whole.
fn prints_whole(what: &str, doc: &Document, values: &[&str]) {
    let problems = overruns(doc, fonts());
    assert!(problems.is_empty(), "{what}: {problems:#?}");
    let bytes = to_pdf(doc).expect("PDF");
    // To look at them: SAMVERKAN_TEST_PDFS=/some/folder cargo test --test it limits
    if let Some(dir) = std::env::var_os("SAMVERKAN_TEST_PDFS") {
        let file: String = what
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        std::fs::write(std::path::Path::new(&dir).join(file + ".pdf"), &bytes).expect("write");
    }
    let text = pdf_text(&bytes);
    for v in values {
        assert!(
            printed_whole(&text, v),
            "{what}: {} characters of a value at its limit are not all printed",
            v.chars().count()
        );
    }
}

#[test]
fn one_character_over_any_limit_is_refused_with_the_limit_and_nothing_changes() {
    let f = Fixture::dalarna();
    let before = f.ok(&["org", "list"]);
    let cases: [(&[&str], Field); 6] = [
        (&["org", "add", "--"], Field::Name),
        (&["org", "add", "Ny förening", "--short"], Field::ShortName),
        (
            &["org", "add", "Ny förening", "--address"],
            Field::PostalAddress,
        ),
        (&["org", "add", "Ny förening", "--notes"], Field::Notes),
        (
            &[
                "group",
                "add",
                "Ny grupp",
                "--kind=working",
                "--per-year=4",
                "--description",
            ],
            Field::Description,
        ),
        (
            &["group", "add", "--kind=working", "--per-year=4", "--"],
            Field::Name,
        ),
    ];
    for (args, field) in cases {
        let max = max_chars(field);
        let value = words(max + 1);
        let mut all: Vec<&str> = args.to_vec();
        all.push(&value);
        let err = f.refused(&all);
        assert!(
            err.contains(&format!("högst {max} tecken")),
            "{args:?}: {err}"
        );
        // At the limit the same value is taken.
        let ok = words(max);
        let mut all: Vec<&str> = args.to_vec();
        all.push(&ok);
        if field == Field::Name {
            f.ok(&all);
        }
    }
    let after = f.ok(&["org", "list"]);
    assert!(after.contains(&words(max_chars(Field::Name))));
    assert_eq!(
        after.lines().count(),
        before.lines().count() + 1,
        "only the value at its limit was saved"
    );
    let err = f.refused(&[
        "person",
        "add",
        &unbroken(max_chars(Field::Name) + 1),
        "--org",
        "Falu kommun",
    ]);
    assert!(err.contains("högst 120 tecken"), "{err}");
    let err = f.refused(&[
        "person",
        "add",
        "Anna Berg",
        "--org",
        "Falu kommun",
        "--email",
        &format!("x{}", longest_email()),
    ]);
    assert!(err.contains("högst 254 tecken"), "{err}");
}

#[test]
fn values_at_every_limit_print_whole_on_every_document() {
    for (label, text) in [
        ("words", words as fn(usize) -> String),
        ("unbroken", unbroken),
    ] {
        let f = Fixture::dalarna();
        let name = |field| text(max_chars(field));
        let org_name = name(Field::Name);
        let group_name = format!("G{}", &text(max_chars(Field::Name) - 1));
        let person = text(max_chars(Field::Name) - 1) + "P";
        let substitute = text(max_chars(Field::Name) - 1) + "S";
        let title = name(Field::Title);
        let email = longest_email();
        let address = name(Field::PostalAddress);
        let description = words(max_chars(Field::Description));
        let place = name(Field::Place);
        let link = format!(
            "https://{}",
            unbroken(max_chars(Field::OnlineLink) - "https://".len())
        );
        let principal = name(Field::PrincipalName);
        let function = name(Field::Function);
        let contact = text(max_chars(Field::Name) - 1) + "C";
        let local = name(Field::LocalGroup);
        let local_contact = name(Field::Contact);
        let notes = words(max_chars(Field::Notes));

        f.ok(&[
            "group",
            "add",
            "--kind=working",
            "--per-year=4",
            "--one-per-org",
            &format!("--description={description}"),
            "--",
            &group_name,
        ]);
        f.ok(&[
            "org",
            "add",
            &format!("--address={address}"),
            &format!("--group={group_name}"),
            "--",
            &org_name,
        ]);
        for p in [&person, &substitute] {
            f.ok(&[
                "person",
                "add",
                &format!("--org={org_name}"),
                &format!("--title={title}"),
                &format!("--email={email}"),
                "--phone=070-123 45 67",
                &format!("--notes={notes}"),
                "--",
                p,
            ]);
        }
        // The representative's term ends in the spring: a reminder is due in March.
        for (p, role, to) in [
            (&person, "representative", "--to=2027-04-30"),
            (&substitute, "substitute", "--to=2028-12-31"),
        ] {
            f.ok(&[
                "appoint",
                &format!("--group={group_name}"),
                &format!("--role={role}"),
                "--from=2026-01-01",
                to,
                "--",
                p,
            ]);
        }
        f.ok(&[
            "principal",
            &format!("--name={principal}"),
            &format!("--title={title}"),
            &format!("--email={email}"),
            "--",
            &org_name,
        ]);
        f.ok(&[
            "contact",
            "add",
            &format!("--function={function}"),
            &format!("--name={contact}"),
            &format!("--email={email}"),
            "--",
            &org_name,
        ]);
        f.ok(&[
            "local-group",
            &format!("--name={local}"),
            &format!("--contact={local_contact}"),
            "--",
            &org_name,
        ]);
        let meeting = f.json(&[
            "meeting",
            "add",
            &format!("--group={group_name}"),
            "--date=2027-03-10",
            &format!("--place={place}"),
            &format!("--link={link}"),
        ]);
        let meeting_id = meeting["id"].as_i64().expect("meeting id");
        let created = Utc
            .with_ymd_and_hms(2026, 11, 23, 10, 0, 0)
            .single()
            .expect("time");
        let coordinator = text(max_chars(Field::Name) - 1) + "K";
        let item_title = name(Field::ItemTitle);
        let presenter = text(max_chars(Field::Presenter) - 1) + "F";
        let item_note = words(max_chars(Field::Notes));
        let minutes_notes = words(max_chars(Field::Notes) - 1) + "N";
        let decisions = words(max_chars(Field::Notes) - 1) + "B";

        let mut reg = f.open();
        reg.set_organiser(&OrganiserInfo {
            name: Some(coordinator.clone()),
            title: Some(title.clone()),
            email: Some(email.clone()),
            phone: Some("010-225 00 00".into()),
        })
        .expect("coordinator");
        reg.add_agenda_item(
            AgendaOf::Meeting(meeting_id),
            &AgendaItemDraft {
                title: item_title.clone(),
                kind: Some(AgendaKind::Decision),
                presenter: Some(presenter.clone()),
                minutes: Some(30),
                note: Some(item_note.clone()),
                ..AgendaItemDraft::default()
            },
            Some(1),
        )
        .expect("agenda item at its limits");
        reg.set_minutes_item(
            meeting_id,
            1,
            &MinutesItemDraft {
                notes: Some(minutes_notes.clone()),
                decisions: Some(decisions.clone()),
            },
            created,
        )
        .expect("minutes at their limits");
        let march = day("2027-03-01");
        let org_id = reg.find_org(&org_name).expect("org");
        let group_id = reg
            .groups(day("2027-01-15"))
            .expect("groups")
            .into_iter()
            .find(|g| g.group.name.as_str() == group_name)
            .expect("group")
            .group
            .id;
        for lang in [Lang::Sv, Lang::En] {
            let what = |doc: &str| format!("{label}, {lang:?}: {doc}");
            let data = reg
                .form_data(org_id, group_id, lang, day("2027-01-15"))
                .expect("form data");
            let wording = reg.form_wording(lang).expect("wording").wording;
            let form = samverkan::forms::layout(&data, &wording, fonts(), created);
            prints_whole(
                &what("mandate form"),
                &form,
                &[
                    &org_name,
                    &group_name,
                    &person,
                    &substitute,
                    &title,
                    &email,
                    &principal,
                    &function,
                    &contact,
                    &local,
                    &local_contact,
                ],
            );

            let roster = reg
                .roster(group_id, None, day("2027-01-15"), &[])
                .expect("roster");
            let doc = roster_pdf::roster(&roster, None, lang, fonts(), created);
            prints_whole(
                &what("roster"),
                &doc,
                &[&group_name, &org_name, &person, &substitute, &title, &email],
            );

            let m = reg.meeting(meeting_id).expect("meeting");
            let roster = reg
                .roster(group_id, Some(meeting_id), m.date, &[])
                .expect("roster");
            let doc = roster_pdf::attendance_list(&m, &roster, None, lang, fonts(), created);
            prints_whole(
                &what("attendance list"),
                &doc,
                &[&group_name, &org_name, &person, &substitute, &place],
            );

            let person_id = reg
                .people(&Default::default())
                .expect("people")
                .into_iter()
                .find(|p| p.name.as_str() == person)
                .expect("person")
                .id;
            let x = reg.person_extract(person_id, created).expect("extract");
            let readable = reg.readable_extract(&x, lang).expect("readable");
            let doc = extract_pdf::extract(&x, &readable, None, lang, fonts(), created);
            prints_whole(
                &what("register extract"),
                &doc,
                &[&person, &title, &email, &notes, &org_name, &group_name],
            );

            let state = reg
                .invitation(meeting_id, &[], lang)
                .expect("invitation state");
            let agenda = reg
                .agenda(AgendaOf::Meeting(meeting_id))
                .expect("agenda")
                .items;
            let lines = [coordinator.clone(), title.clone(), email.clone()];
            let doc = InvitationDoc {
                kind: state.kind,
                meeting: &m,
                network: None,
                agenda: &agenda,
                invited: &state.invited,
                changes: &state.changes,
                coordinator: &lines,
                lang,
            };
            invitation::check_printable(&doc, fonts()).expect("printable");
            prints_whole(
                &what("invitation"),
                &invitation::layout(&doc, fonts(), created),
                &[
                    &group_name,
                    &place,
                    &link,
                    &item_title,
                    &presenter,
                    &item_note,
                    &person,
                    &substitute,
                    &org_name,
                    &coordinator,
                    &title,
                    &email,
                ],
            );

            let mins = reg.minutes(meeting_id, &[]).expect("minutes");
            let doc = MinutesDoc {
                meeting: &m,
                network: None,
                items: &mins.items,
                attendance: &mins.attendance,
                taker: Some(&coordinator),
                checker: Some(&person),
                checked_on: Some("2027-03-12"),
                lang,
            };
            minutes::check_printable(&doc, fonts()).expect("printable");
            prints_whole(
                &what("minutes"),
                &minutes::layout(&doc, fonts(), created),
                &[
                    &group_name,
                    &place,
                    &item_title,
                    &presenter,
                    &minutes_notes,
                    &decisions,
                    &person,
                    &substitute,
                    &org_name,
                    &coordinator,
                ],
            );

            let due = reg
                .reminders(march, Some(90), &[], PageRequest::first(100))
                .expect("reminders");
            let letter = due
                .letters
                .rows
                .iter()
                .find(|l| l.organisation_name == org_name)
                .unwrap_or_else(|| panic!("the organisation's letter is due: {due:#?}"));
            let body = format!(
                "{}\n\n{}",
                reminder::seats_text(&letter.seats, lang),
                reminder::asked_text(&letter.seats, lang)
            );
            let to = [principal.clone(), title.clone()];
            let doc = ReminderDoc {
                network: None,
                group: &letter.group_name,
                organisation: &letter.organisation_name,
                to: &to,
                body: &body,
                written_on: march,
                lang,
            };
            reminder::check_printable(&doc, fonts()).expect("printable");
            prints_whole(
                &what("reminder letter"),
                &reminder::layout(&doc, fonts(), created),
                &[&group_name, &org_name, &person, &principal, &title],
            );
        }

        // The letter as written, its wording filled: every value whole in the file.
        let dir = f.dir.path().join(format!("påminnelser-{label}"));
        let outcome = reg
            .write_reminders(
                &dir,
                &ReminderRequest {
                    within_days: Some(90),
                    ..ReminderRequest::default()
                },
                march,
                Lang::Sv,
                created,
            )
            .expect("reminders written");
        let written = outcome
            .written
            .iter()
            .find(|w| w.organisation_name == org_name)
            .expect("the organisation's letter");
        let text = pdf_text(&std::fs::read(&written.pdf).expect("letter"));
        for v in [&group_name, &org_name, &person, &principal, &coordinator] {
            assert!(
                printed_whole(&text, v),
                "{label}: the written letter cuts a value of {} characters",
                v.chars().count()
            );
        }
        // And the invitation and the minutes as written.
        let inv = f.dir.path().join(format!("kallelse-{label}.pdf"));
        let min = f.dir.path().join(format!("minnesanteckningar-{label}.pdf"));
        reg.write_invitation(
            meeting_id,
            None,
            Some(&inv),
            &InvitationRequest::default(),
            Lang::Sv,
            created,
        )
        .expect("invitation written");
        reg.write_minutes(
            meeting_id,
            Some(&min),
            None,
            &InvitationRequest::default(),
            Lang::Sv,
            created,
        )
        .expect("minutes written");
        for (what, path, values) in [
            (
                "invitation",
                &inv,
                vec![&item_title, &presenter, &person, &coordinator, &link],
            ),
            (
                "minutes",
                &min,
                vec![&item_title, &minutes_notes, &decisions, &person],
            ),
        ] {
            let text = pdf_text(&std::fs::read(path).expect("pdf"));
            for v in values {
                assert!(
                    printed_whole(&text, v),
                    "{label}: the written {what} cuts a value of {} characters",
                    v.chars().count()
                );
            }
        }
    }
}
