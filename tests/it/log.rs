//! The audit log as people read it (`Register::log_lines`): rows named by what they are, field
//! names and values as the screens show them, local times in the zone passed in; the same in
//! the CLI's `log` and the CSV of `log --out`, with protected people hidden in the file and
//! erased people redacted.

use chrono::{DateTime, Utc};
use samverkan::model::{AppointRequest, MeetingDraft, PersonDraft, Role};
use samverkan::register::{LogFilter, LogLine, LogView, local_time};
use samverkan::{Lang, Register, Zone};

use crate::support::{Fixture, day};

const SV: LogView = LogView {
    lang: Lang::Sv,
    zone: Zone::Stockholm,
};
const EN: LogView = LogView {
    lang: Lang::En,
    zone: Zone::Stockholm,
};

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("time")
        .with_timezone(&Utc)
}

/// Anna Berg (Falu kommun) appointed representative in the county group, a meeting there on
/// 2027-03-10 later held, and Anna then given protected personal data.
struct Seeded {
    f: Fixture,
    reg: Register,
    anna: i64,
    meeting: i64,
}

fn seeded() -> Seeded {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let falun = reg.find_org("Falu kommun").expect("org");
    let county = reg.find_group("Länsgruppen").expect("group");
    let draft = PersonDraft {
        name: "Anna Berg".into(),
        organisation_id: falun,
        email: Some("anna@falun.se".into()),
        ..PersonDraft::default()
    };
    let anna = reg.add_person(&draft).expect("person").id;
    reg.appoint(&AppointRequest {
        person_id: anna,
        group_id: county,
        role: Role::Representative,
        seat_id: None,
        organisation_id: None,
        from: day("2026-11-01"),
        to: None,
        replace: false,
    })
    .expect("appoint");
    let m = reg
        .add_meeting(
            &MeetingDraft {
                group_id: county,
                date: "2027-03-10".into(),
                start: Some("09:00".into()),
                end: Some("12:00".into()),
                ..MeetingDraft::default()
            },
            at("2026-11-22T09:00:00Z"),
        )
        .expect("meeting");
    let mut held = MeetingDraft::from(&m);
    held.status = Some(samverkan::model::MeetingStatus::Held);
    reg.edit_meeting(m.id, &held, at("2026-11-22T10:00:00Z"))
        .expect("held");
    reg.edit_person(
        anna,
        &PersonDraft {
            protected: true,
            ..draft
        },
    )
    .expect("protected");
    Seeded {
        f,
        reg,
        anna,
        meeting: m.id,
    }
}

fn find<'a>(lines: &'a [LogLine], entity: &str, action: &str) -> &'a LogLine {
    lines
        .iter()
        .find(|l| l.entity == entity && l.action == action)
        .unwrap_or_else(|| panic!("no {entity} {action} in {lines:#?}"))
}

#[test]
fn the_log_names_rows_and_fields_as_the_screens_do() {
    let s = seeded();
    let lines = s.reg.log_lines(&LogFilter::default(), SV).expect("log");

    let protected = find(&lines, "person", "update");
    assert_eq!(
        (protected.kind.as_str(), protected.name.as_str()),
        ("Person", "Anna Berg")
    );
    assert_eq!(protected.event, "Ändrad");
    assert_eq!(protected.details, "Skyddade personuppgifter: nej → ja");
    assert_eq!(protected.entity_id, Some(s.anna));

    let added = find(&lines, "person", "insert");
    assert_eq!(
        added.details,
        "Namn: Anna Berg; Organisation: Falu kommun; E-post: anna@falun.se; Skyddade personuppgifter: nej"
    );

    let appointed = find(&lines, "appointment", "insert");
    assert_eq!(appointed.kind, "Uppdrag");
    assert_eq!(appointed.name, "Anna Berg, Länsgruppen MVK (representant)");
    for part in [
        "Person: Anna Berg",
        "Grupp: Länsgruppen MVK",
        "Organisation: Falu kommun",
        "Roll: Representant",
        "Från och med: 2026-11-01",
        "Plats: Länsgruppen MVK: Falu kommun, representant",
    ] {
        assert!(
            appointed.details.contains(part),
            "{part}: {}",
            appointed.details
        );
    }

    let planned = find(&lines, "meeting", "insert");
    assert_eq!(
        (planned.kind.as_str(), planned.name.as_str()),
        ("Möte", "Länsgruppen MVK 2027-03-10")
    );
    assert!(
        planned.details.starts_with(
            "Grupp: Länsgruppen MVK; Datum: 2027-03-10; Starttid: 09:00; Sluttid: 12:00"
        ),
        "{}",
        planned.details
    );
    assert!(
        planned.details.contains("Status: Planerat"),
        "{}",
        planned.details
    );
    let held = find(&lines, "meeting", "update");
    assert_eq!(held.entity_id, Some(s.meeting));
    assert_eq!(held.details, "Status: Planerat → Genomfört");

    // Nothing of the database shows: no column names, no ids, no 0/1, no UTC.
    for l in &lines {
        let text = format!("{} {} {}", l.name, l.event, l.details);
        for raw in [
            "group_id",
            "person_id",
            "start_time",
            "protected",
            "sequence",
            "planned",
            "Person ",
            "Möte ",
            " 0 ",
            "→ 1",
        ] {
            assert!(!text.contains(raw), "{raw:?} in {text}");
        }
        assert_eq!(l.at, local_time(&l.at_utc, Zone::Stockholm, false));
        assert!(!l.at.contains('T') && !l.at.ends_with('Z'), "{}", l.at);
    }

    let en = s.reg.log_lines(&LogFilter::default(), EN).expect("log");
    let protected = find(&en, "person", "update");
    assert_eq!(protected.event, "Changed");
    assert_eq!(protected.details, "Protected personal data: no → yes");
    assert_eq!(
        find(&en, "meeting", "update").details,
        "Status: Planned → Held"
    );
    assert_eq!(
        find(&en, "appointment", "insert").name,
        "Anna Berg, Länsgruppen MVK (representative)"
    );
}

#[test]
fn log_times_are_local_and_the_since_day_is_a_local_day() {
    let s = seeded();
    let mut reg = s.reg;
    // An export at 23:30 UTC on 21 November is 00:30 on 22 November in Sweden.
    let csv = s.f.dir.path().join("logg.csv");
    reg.export_log(
        &LogFilter::default(),
        &csv,
        false,
        SV,
        at("2026-11-21T23:30:00Z"),
    )
    .expect("export");
    let since = LogFilter {
        since: Some(day("2026-11-22")),
        entity: Some("export".into()),
        ..LogFilter::default()
    };
    let lines = reg.log_lines(&since, SV).expect("log");
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert_eq!(lines[0].at, "2026-11-22 00:30");
    assert_eq!(lines[0].at_utc, "2026-11-21T23:30:00Z");
    assert_eq!(lines[0].event, "Export");
    assert!(lines[0].name.starts_with("Logg: "), "{}", lines[0].name);
    assert!(
        lines[0]
            .details
            .ends_with(&format!("till {}", csv.display())),
        "{}",
        lines[0].details
    );
    // The day before in UTC; and in a zone of UTC, the export is on 21 November.
    let utc = LogView {
        lang: Lang::Sv,
        zone: Zone::Fixed(chrono::FixedOffset::east_opt(0).expect("UTC")),
    };
    assert!(reg.log_lines(&since, utc).expect("log").is_empty());
    assert_eq!(
        reg.log_lines(
            &LogFilter {
                entity: Some("export".into()),
                ..LogFilter::default()
            },
            utc
        )
        .expect("log")[0]
            .at,
        "2026-11-21 23:30"
    );
    // Summer time: 07:00 UTC in June is 09:00.
    assert_eq!(
        local_time("2027-06-10T07:00:00Z", Zone::Stockholm, false),
        "2027-06-10 09:00"
    );
}

#[test]
fn the_exported_log_reads_as_the_screen_and_hides_protected_people() {
    let s = seeded();
    let mut reg = s.reg;
    let falun = reg.find_org("Falu kommun").expect("org");
    reg.add_person(&PersonDraft {
        name: "Erik Lund".into(),
        organisation_id: falun,
        ..PersonDraft::default()
    })
    .expect("erik");
    let csv = s.f.dir.path().join("logg.csv");
    reg.export_log(
        &LogFilter::default(),
        &csv,
        false,
        SV,
        at("2026-11-22T12:00:00Z"),
    )
    .expect("export");
    let text = std::fs::read_to_string(&csv).expect("csv");
    assert!(
        text.starts_with(
            "\u{feff}tid (Europe/Stockholm);användare;vad;namn;händelse;ändring;personer;fil\r\n"
        ),
        "{text}"
    );
    assert!(!text.contains("Anna"), "{text}");
    assert!(
        text.contains(";Person;(skyddad);Ändrad;(skyddad);"),
        "{text}"
    );
    assert!(
        text.contains(
            ";Uppdrag;(skyddad), Länsgruppen MVK (representant);Tillagd;\"Person: (skyddad);"
        ),
        "{text}"
    );
    assert!(
        text.contains(";Person;Erik Lund;Tillagd;\"Namn: Erik Lund; Organisation: Falu kommun"),
        "{text}"
    );
    assert!(
        text.contains(";Möte;Länsgruppen MVK 2027-03-10;Ändrad;Status: Planerat → Genomfört;"),
        "{text}"
    );
    assert!(
        !text.contains("group_id") && !text.contains("T09:"),
        "{text}"
    );
    let record = &reg.exports(None).expect("exports")[0];
    assert!(!record.protected_included);
    assert_eq!(record.people, 1, "Erik only");

    let en = s.f.dir.path().join("log-en.csv");
    reg.export_log(
        &LogFilter::default(),
        &en,
        true,
        EN,
        at("2026-11-22T12:00:00Z"),
    )
    .expect("export");
    let text = std::fs::read_to_string(&en).expect("csv");
    assert!(text.starts_with("\u{feff}time (Europe/Stockholm);user;what;name;event;change;"));
    assert!(text.contains("Protected personal data: no → yes"), "{text}");
    assert!(
        text.contains("Anna Berg, Länsgruppen MVK (representative)"),
        "{text}"
    );
    let record = &reg.exports(None).expect("exports")[0];
    assert!(record.protected_included);
    assert_eq!(record.people, 2);
}

#[test]
fn an_erased_persons_rows_stay_redacted_in_the_log() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let falun = reg.find_org("Falu kommun").expect("org");
    let bo = reg
        .add_person(&PersonDraft {
            name: "Bo Ek".into(),
            organisation_id: falun,
            email: Some("bo@falun.se".into()),
            ..PersonDraft::default()
        })
        .expect("bo")
        .id;
    reg.erase_person(bo, at("2026-11-22T12:00:00Z"))
        .expect("erase");
    let lines = reg.log_lines(&LogFilter::default(), SV).expect("log");
    let rows: Vec<&LogLine> = lines.iter().filter(|l| l.entity == "person").collect();
    assert!(!rows.is_empty());
    for l in &rows {
        assert!(l.name.starts_with("Borttagen person"), "{l:?}");
        assert!(l.redacted, "{l:?}");
        assert_eq!(l.details, "(uppgifterna är borttagna)");
        assert!(l.changes.is_empty());
    }
    let all = serde_json::to_string(&lines).expect("json");
    assert!(
        !all.contains("Bo Ek") && !all.contains("bo@falun.se"),
        "{all}"
    );
}

#[test]
fn the_cli_log_reads_as_the_screen_and_its_json_keeps_the_stored_entries() {
    let s = seeded();
    drop(s.reg);
    let text = s.f.ok(&["log", "--entity", "person"]);
    assert!(text.contains("Tid (Europe/Stockholm)"), "{text}");
    assert!(text.contains("Person: Anna Berg"), "{text}");
    assert!(
        text.contains("Skyddade personuppgifter: nej → ja"),
        "{text}"
    );
    assert!(
        !text.contains("protected") && !text.contains("Person 1 "),
        "{text}"
    );
    let text = s.f.ok(&["--lang", "en", "log", "--entity", "meeting"]);
    assert!(
        text.contains("Meeting: Länsgruppen MVK 2027-03-10"),
        "{text}"
    );
    assert!(text.contains("Status: Planned → Held"), "{text}");
    let json = s.f.json(&["log", "--entity", "person"]);
    assert_eq!(json[0]["action"], "update");
    assert!(
        json[0]["new"]
            .as_str()
            .is_some_and(|n| n.contains("\"protected\":1"))
    );
}

#[test]
fn plans_blocked_periods_attendance_and_settings_read_as_words() {
    let mut s = seeded();
    let county = s.reg.find_group("Länsgruppen").expect("group");
    s.reg
        .set_plan_settings(&samverkan::model::PlanSettings {
            group_id: county,
            weekdays: vec![2, 4],
            start: "13:00".into(),
            end: "16:00".into(),
            place: None,
            online_link: None,
        })
        .expect("plan");
    s.reg
        .add_blackout(&samverkan::model::BlackoutDraft {
            group_id: None,
            from: "2027-02-22".into(),
            to: "2027-02-26".into(),
            label: "Sportlov".into(),
        })
        .expect("blackout");
    s.reg
        .set_attendance(
            s.meeting,
            s.anna,
            samverkan::model::AttendanceStatus::Excused,
            None,
        )
        .expect("attendance");
    let lines = s.reg.log_lines(&LogFilter::default(), SV).expect("log");

    let plan = find(&lines, "group_plan", "insert");
    assert_eq!(
        (plan.kind.as_str(), plan.name.as_str()),
        ("Mötesplan", "Länsgruppen MVK")
    );
    assert_eq!(
        plan.details,
        "Veckodagar: tisdag, torsdag; Starttid: 13:00; Sluttid: 16:00"
    );
    let blocked = find(&lines, "blackout", "insert");
    assert_eq!(blocked.name, "Sportlov (2027-02-22–2027-02-26)");
    assert!(
        blocked
            .details
            .starts_with("Grupp: alla grupper; Från och med: 2027-02-22"),
        "{}",
        blocked.details
    );
    let attended = find(&lines, "attendance", "insert");
    assert_eq!(attended.name, "Anna Berg, Länsgruppen MVK 2027-03-10");
    assert_eq!(
        attended.details,
        "Möte: Länsgruppen MVK 2027-03-10; Person: Anna Berg; Närvaro: Anmält förhinder"
    );
    let setting = find(&lines, "setting", "insert");
    assert_eq!(setting.kind, "Inställning");
    assert!(
        ["Nätverkets namn", "Mall"].contains(&setting.name.as_str()),
        "{}",
        setting.name
    );
    assert!(
        setting.details.starts_with("Värde: "),
        "{}",
        setting.details
    );
}
