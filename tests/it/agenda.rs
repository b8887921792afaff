//! Agendas: a new meeting starts from its group's default (the template's until the group saves
//! its own), items are added, edited, moved and removed by position with their times following
//! from the start, a presenter is a person or free text, and hostile values round-trip exactly
//! through the CLI while refused ones change nothing.

use samverkan::model::{
    AgendaItemDraft, AgendaKind, AgendaOf, MAX_AGENDA_ITEMS, MAX_ITEM_TITLE_CHARS, MeetingDraft,
    PersonDraft,
};
use samverkan::{ErrorCode, Register, Template};

use crate::support::{Fixture, add_meeting, now};

fn meeting(reg: &mut Register, group: &str, date: &str) -> i64 {
    add_meeting(reg, group, date)
}

fn item(title: &str, kind: AgendaKind, minutes: u32) -> AgendaItemDraft {
    AgendaItemDraft {
        title: title.into(),
        kind: Some(kind),
        minutes: Some(minutes),
        ..AgendaItemDraft::default()
    }
}

fn titles(reg: &Register, of: AgendaOf) -> Vec<String> {
    reg.agenda(of)
        .expect("agenda")
        .items
        .into_iter()
        .map(|i| i.title)
        .collect()
}

#[test]
fn a_new_meeting_starts_from_the_templates_default_agenda_with_times_from_its_start() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let m = meeting(&mut reg, "Länsgruppen", "2027-03-10");
    let a = reg.agenda(AgendaOf::Meeting(m)).expect("agenda");
    let template = Template::dalarna();
    assert_eq!(a.items.len(), template.default_agenda.len());
    assert_eq!(a.items[0].title, template.default_agenda[0].title);
    assert_eq!(a.items[0].start, "13:00");
    for pair in a.items.windows(2) {
        assert_eq!(
            pair[0].end, pair[1].start,
            "each item starts when the last ends"
        );
    }
    assert_eq!(
        a.total_minutes,
        a.items.iter().map(|i| i.minutes).sum::<u32>()
    );
    let g = reg.find_group("Länsgruppen").expect("group");
    assert!(
        reg.agenda(AgendaOf::Group(g))
            .expect("default")
            .from_template
    );
}

#[test]
fn an_empty_template_gives_an_empty_agenda() {
    let f = Fixture::new();
    let mut reg = Register::create(&f.db, &Template::empty()).expect("create");
    let g = reg
        .add_group(&samverkan::model::GroupDraft {
            name: "Arbetsgrupp".into(),
            kind: samverkan::model::GroupKind::Working,
            meetings_per_year: 0,
            description: None,
            one_per_org: false,
            free_membership: true,
        })
        .expect("group")
        .id;
    let m = reg
        .add_meeting(
            &MeetingDraft {
                group_id: g,
                date: "2027-03-10".into(),
                ..MeetingDraft::default()
            },
            now(),
        )
        .expect("meeting")
        .id;
    assert!(
        reg.agenda(AgendaOf::Meeting(m))
            .expect("agenda")
            .items
            .is_empty()
    );
}

#[test]
fn a_groups_saved_default_is_what_its_next_meeting_starts_from_and_earlier_ones_keep_theirs() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let g = reg.find_group("Styrgrupp").expect("group");
    let before = meeting(&mut reg, "Styrgrupp", "2027-02-10");
    let of = AgendaOf::Group(g);
    let n = reg.agenda(of).expect("default").items.len() as u32;
    let d = reg
        .add_agenda_item(of, &item("Budget", AgendaKind::Decision, 30), Some(2))
        .expect("added");
    assert!(!d.from_template);
    assert_eq!(d.items.len() as u32, n + 1);
    assert_eq!(d.items[1].title, "Budget");
    let after = meeting(&mut reg, "Styrgrupp", "2027-09-15");
    assert_eq!(titles(&reg, AgendaOf::Meeting(after))[1], "Budget");
    assert!(!titles(&reg, AgendaOf::Meeting(before)).contains(&"Budget".to_owned()));
    // Emptied, the saved default stays the group's own (an empty one).
    for _ in 0..=n {
        reg.remove_agenda_item(of, 1).expect("removed");
    }
    let empty = reg.agenda(of).expect("default");
    assert!(empty.items.is_empty() && !empty.from_template);
    // A meeting's agenda can be set back to the group's default.
    assert!(reg.reset_agenda(before).expect("reset").items.is_empty());
}

#[test]
fn items_move_edit_and_remove_by_position_and_the_times_follow() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let m = meeting(&mut reg, "Länsgruppen", "2027-03-10");
    let of = AgendaOf::Meeting(m);
    reg.reset_agenda(m).expect("reset");
    let n = reg.agenda(of).expect("agenda").items.len();
    for _ in 0..n {
        reg.remove_agenda_item(of, 1).expect("removed");
    }
    reg.add_agenda_item(of, &item("A", AgendaKind::Information, 10), None)
        .expect("a");
    reg.add_agenda_item(of, &item("B", AgendaKind::Discussion, 20), None)
        .expect("b");
    reg.add_agenda_item(of, &item("C", AgendaKind::Decision, 30), Some(1))
        .expect("c");
    assert_eq!(titles(&reg, of), ["C", "A", "B"]);
    let a = reg.move_agenda_item(of, 1, 3).expect("moved");
    assert_eq!(
        a.items
            .iter()
            .map(|i| (i.title.as_str(), i.start.as_str(), i.end.as_str()))
            .collect::<Vec<_>>(),
        [
            ("A", "13:00", "13:10"),
            ("B", "13:10", "13:30"),
            ("C", "13:30", "14:00")
        ]
    );
    let a = reg
        .edit_agenda_item(of, 2, &item("B2", AgendaKind::Decision, 100))
        .expect("edited");
    assert_eq!(a.items[1].title, "B2");
    assert_eq!(a.items[1].kind, AgendaKind::Decision);
    assert_eq!(a.items[2].start, "14:50");
    assert_eq!(a.overrun_minutes, 20, "140 minutes of a 120-minute meeting");
    let a = reg.remove_agenda_item(of, 1).expect("removed");
    assert_eq!(titles(&reg, of), ["B2", "C"]);
    assert_eq!(a.items[0].start, "13:00");
    for refused in [
        reg.move_agenda_item(of, 3, 1),
        reg.move_agenda_item(of, 0, 1),
        reg.remove_agenda_item(of, 5),
        reg.edit_agenda_item(of, 9, &item("X", AgendaKind::Information, 1)),
        reg.add_agenda_item(of, &item("X", AgendaKind::Information, 1), Some(4)),
        reg.add_agenda_item(of, &item("X", AgendaKind::Information, 481), None),
        reg.add_agenda_item(of, &item("  ", AgendaKind::Information, 1), None),
        reg.add_agenda_item(of, &item("A\nB", AgendaKind::Information, 1), None),
        reg.add_agenda_item(
            of,
            &item(
                &"x".repeat(MAX_ITEM_TITLE_CHARS + 1),
                AgendaKind::Information,
                1,
            ),
            None,
        ),
    ] {
        let e = refused.expect_err("refused");
        assert_eq!(e.code(), ErrorCode::Invalid, "{e:?}");
    }
    assert_eq!(
        titles(&reg, of),
        ["B2", "C"],
        "nothing changed by a refusal"
    );
    assert!(reg.agenda(AgendaOf::Meeting(9999)).is_err());
}

#[test]
fn an_agenda_holds_a_limited_number_of_items() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let m = meeting(&mut reg, "Länsgruppen", "2027-03-10");
    let of = AgendaOf::Meeting(m);
    while reg.agenda(of).expect("agenda").items.len() < MAX_AGENDA_ITEMS {
        reg.add_agenda_item(of, &item("Punkt", AgendaKind::Information, 0), None)
            .expect("added");
    }
    assert!(
        reg.add_agenda_item(of, &item("En för mycket", AgendaKind::Information, 0), None)
            .is_err()
    );
}

#[test]
fn a_presenter_is_a_person_of_the_register_or_free_text_and_a_person_wins() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let org = reg.find_org("Falun").expect("org");
    let anna = reg
        .add_person(&PersonDraft {
            name: "Anna Åström".into(),
            organisation_id: org,
            ..PersonDraft::default()
        })
        .expect("person")
        .id;
    let m = meeting(&mut reg, "Länsgruppen", "2027-03-10");
    let of = AgendaOf::Meeting(m);
    let a = reg
        .add_agenda_item(
            of,
            &AgendaItemDraft {
                title: "Rapport".into(),
                presenter_id: Some(anna),
                presenter: Some("ignored".into()),
                ..AgendaItemDraft::default()
            },
            Some(1),
        )
        .expect("added");
    assert_eq!(a.items[0].presenter_id, Some(anna));
    assert_eq!(a.items[0].presenter, None);
    assert_eq!(a.items[0].presenter_name.as_deref(), Some("Anna Åström"));
    let e = reg
        .add_agenda_item(
            of,
            &AgendaItemDraft {
                title: "X".into(),
                presenter_id: Some(123_456),
                ..AgendaItemDraft::default()
            },
            None,
        )
        .expect_err("no such person");
    assert_eq!(e.code(), ErrorCode::NotFound);
    let a = reg
        .edit_agenda_item(
            of,
            1,
            &AgendaItemDraft {
                title: "Rapport".into(),
                presenter: Some("Polisen".into()),
                ..AgendaItemDraft::default()
            },
        )
        .expect("edited");
    assert_eq!(a.items[0].presenter_name.as_deref(), Some("Polisen"));
}

#[test]
fn the_cli_shows_and_changes_an_agenda_and_refusals_leave_the_file_unchanged() {
    let f = Fixture::dalarna();
    let m = f.json(&[
        "meeting",
        "add",
        "--group",
        "Länsgruppen",
        "--date",
        "2027-03-10",
        "--start",
        "09:00",
        "--end",
        "11:00",
    ])["id"]
        .as_i64()
        .expect("id")
        .to_string();
    let shown = f.ok(&["agenda", &m]);
    assert!(shown.contains("09:00–09:05"), "{shown}");
    let a = f.json(&[
        "agenda",
        &m,
        "add",
        "Rapport från Polisen",
        "--kind",
        "beslut",
        "--minutes",
        "20",
        "--at",
        "2",
        "--presenter",
        "Polisen",
    ]);
    assert_eq!(a["items"][1]["title"], "Rapport från Polisen");
    assert_eq!(a["items"][1]["kind"], "decision");
    assert_eq!(a["items"][1]["start"], "09:05");
    let a = f.json(&[
        "agenda",
        &m,
        "edit",
        "2",
        "--minutes",
        "15",
        "--note",
        "Kort",
    ]);
    assert_eq!(
        a["items"][1]["title"], "Rapport från Polisen",
        "the title stays"
    );
    assert_eq!(a["items"][1]["presenter"], "Polisen");
    assert_eq!(a["items"][1]["minutes"], 15);
    assert_eq!(a["items"][1]["note"], "Kort");
    let a = f.json(&["agenda", &m, "move", "2", "--to", "1"]);
    assert_eq!(a["items"][0]["title"], "Rapport från Polisen");
    assert_eq!(a["items"][0]["start"], "09:00");
    let a = f.json(&["agenda", &m, "remove", "1"]);
    assert_ne!(a["items"][0]["title"], "Rapport från Polisen");
    let err = f.refused(&["agenda", &m, "remove", "99"]);
    assert!(err.contains("plats i ordningen"), "{err}");
    f.refused(&["agenda", &m, "add", "X", "--kind", "omröstning"]);
    f.refused(&["agenda", &m, "add", "X", "--presenter-person", "Ingen Alls"]);
    f.refused(&["agenda", "999", "add", "X"]);
    let g = f.json(&[
        "agenda",
        "--group",
        "Styrgrupp",
        "add",
        "Budget",
        "--at",
        "1",
    ]);
    assert_eq!(g["items"][0]["title"], "Budget");
    assert_eq!(g["from_template"], false);
}

/// The corpus of `tests/it/hostile.rs` (and a title at its limit): each value as an item's
/// title, presenter and note comes back exactly.
#[test]
fn hostile_values_round_trip_exactly_through_an_agenda_item() {
    let f = Fixture::dalarna();
    let m = f.json(&[
        "meeting",
        "add",
        "--group",
        "Länsgruppen",
        "--date",
        "2027-03-10",
    ])["id"]
        .as_i64()
        .expect("id")
        .to_string();
    let mut values = crate::hostile::corpus();
    values.push("å".repeat(samverkan::model::MAX_NAME_CHARS));
    for v in values {
        let presenter = format!("--presenter={v}");
        let note = format!("--note={v}\n{v}");
        let a = f.json(&[
            "agenda", &m, "add", &presenter, &note, "--at", "1", "--", &v,
        ]);
        let first = &a["items"][0];
        assert_eq!(first["title"].as_str(), Some(v.as_str()), "title {v:?}");
        assert_eq!(
            first["presenter"].as_str(),
            Some(v.as_str()),
            "presenter {v:?}"
        );
        assert_eq!(
            first["note"].as_str(),
            Some(format!("{v}\n{v}").as_str()),
            "note {v:?}"
        );
        let again = f.json(&["agenda", &m]);
        assert_eq!(again["items"][0], *first, "read back unchanged: {v:?}");
    }
    let long = "ö".repeat(MAX_ITEM_TITLE_CHARS);
    let a = f.json(&["agenda", &m, "add", "--at", "1", "--", &long]);
    assert_eq!(a["items"][0]["title"].as_str(), Some(long.as_str()));
    f.refused(&["agenda", &m, "add", "--", &format!("{long}ö")]);
    f.refused(&["agenda", &m, "add", "--", "Rad ett\nRad två"]);
    f.refused(&["agenda", &m, "add", "--presenter=a\u{1b}b", "--", "X"]);
}

/// The coordinator's details are kept once: `coordinator` and `meeting organiser` read and
/// write the same settings, which the calendar names as the organiser.
#[test]
fn the_coordinator_is_set_once_and_each_detail_is_checked() {
    let f = Fixture::dalarna();
    let c = f.json(&[
        "coordinator",
        "--name",
        "Åsa Öberg",
        "--title",
        "Strateg mäns våld mot kvinnor",
        "--email",
        "asa.oberg@lansstyrelsen.se",
        "--phone",
        "010-225 00 00",
    ]);
    assert_eq!(c["name"], "Åsa Öberg");
    assert_eq!(c["title"], "Strateg mäns våld mot kvinnor");
    assert_eq!(c["email"], "asa.oberg@lansstyrelsen.se");
    assert_eq!(c["phone"], "010-225 00 00");
    let c = f.json(&["coordinator", "--title", ""]);
    assert_eq!(
        c["title"],
        serde_json::Value::Null,
        "an empty value clears one"
    );
    assert_eq!(c["name"], "Åsa Öberg", "the others stay");
    let o = f.json(&["meeting", "organiser"]);
    assert_eq!(o["email"], "asa.oberg@lansstyrelsen.se");
    assert_eq!(o["phone"], "010-225 00 00");
    for bad in [
        &["coordinator", "--email", "asa.oberg"][..],
        &["coordinator", "--phone", "ring mig"][..],
        &["coordinator", "--name", "Åsa\nÖberg"][..],
        &["coordinator", "--title", "Strateg\r\nBcc: alla@example.se"][..],
    ] {
        f.refused(bad);
    }
    let shown = f.ok(&["coordinator"]);
    assert!(shown.contains("Telefon: 010-225 00 00"), "{shown}");
    let reg = f.open();
    let info = reg.organiser().expect("organiser");
    assert_eq!(info.name.as_deref(), Some("Åsa Öberg"));
    assert_eq!(info.title, None);
}
