//! Seats for every group: the Dalarna template's steering group and working groups, seats open
//! to a kind of organisation, forms for any seat and for a coming successor, withdrawing an
//! appointment made in error, the migration of a register made before seats, and a property
//! test of the one-holder-per-seat rule.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use samverkan::model::{AppointRequest, OrgKind, PersonDraft, Role, SeatDraft};
use samverkan::register::{FormOptions, FormState, VacancyKind};
use samverkan::{ErrorCode, Lang, Register};

use crate::support::{Fixture, day, pdf_text, today};

fn person(reg: &mut Register, name: &str, org: &str) -> i64 {
    let organisation_id = reg.find_org(org).expect("org");
    reg.add_person(&PersonDraft {
        name: name.into(),
        organisation_id,
        ..PersonDraft::default()
    })
    .expect("person")
    .id
}

fn request(person_id: i64, group_id: i64, role: Role, from: &str) -> AppointRequest {
    AppointRequest {
        person_id,
        group_id,
        role,
        seat_id: None,
        organisation_id: None,
        from: day(from),
        to: None,
        replace: false,
    }
}

fn opts(on: Option<NaiveDate>) -> FormOptions {
    FormOptions {
        lang: Lang::Sv,
        today: today(),
        now: "2026-11-22T10:00:00Z".parse().expect("time"),
        on,
    }
}

#[test]
fn the_steering_group_of_the_template_has_its_eight_seats_and_shows_them_empty() {
    let f = Fixture::dalarna();
    let reg = f.open();
    let steering = reg.find_group("Styrgrupp").expect("steering group");
    let v = reg
        .vacancies(today(), 60, Some(steering))
        .expect("vacancies");
    assert_eq!(v.len(), 8, "{v:#?}");
    assert!(v.iter().all(|x| x.kind == VacancyKind::EmptySeat));
    let open: Vec<_> = v.iter().filter(|x| x.organisation_id.is_none()).collect();
    assert_eq!(
        open.len(),
        3,
        "two heads of social services and school/student health"
    );
    // Every group's gaps, the county group first.
    let all = reg.vacancies(today(), 60, None).expect("vacancies");
    let county = reg.find_group("Länsgruppen").expect("county group");
    assert_eq!(all.first().map(|x| x.group_id), Some(county));
    assert!(all.iter().any(|x| x.group_name == "RC Heder"));
    assert!(all.iter().any(|x| x.group_name == "RÖK"));
    // The CLI lists the same eight.
    let out = f.json(&["vacancies", "--group", "Styrgrupp"]);
    assert_eq!(out.as_array().map(Vec::len), Some(8));
}

#[test]
fn a_steering_group_member_fills_the_police_seat_and_gets_a_form_naming_them() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let steering = reg.find_group("Styrgrupp").expect("steering group");
    let per = person(&mut reg, "Per Polisson", "Polisen");
    let out = reg
        .appoint(&request(per, steering, Role::Member, "2026-01-01"))
        .expect("member");
    assert!(out.appointment.seat_id.is_some());
    let v = reg
        .vacancies(today(), 60, Some(steering))
        .expect("vacancies");
    assert_eq!(v.len(), 7);
    let police = reg.find_org("Polisen").expect("police");
    let file = f.dir.path().join("polis.pdf");
    let printed = reg
        .print_form(police, steering, &file, opts(None))
        .expect("form");
    assert_eq!(printed.people, 1);
    let text = pdf_text(&std::fs::read(&file).expect("pdf"));
    assert!(text.contains("Per Polisson"), "{text}");
    assert!(
        text.contains("LedamotPer Polisson"),
        "the member's row: {text}"
    );
    assert!(
        !text.contains("Representant och ersättare"),
        "a member seat has no substitute's row"
    );
    let status = reg.form_status(Some(steering), today()).expect("status");
    let row = status
        .iter()
        .find(|r| r.organisation_id == police)
        .expect("row");
    assert_eq!(row.state, FormState::Printed);
    // A second member for the police's one seat is refused, naming the holder.
    let other = person(&mut reg, "Olle Polisson", "Polisen");
    let e = reg
        .appoint(&request(other, steering, Role::Member, "2026-06-01"))
        .expect_err("seat taken");
    assert_eq!(e.code(), ErrorCode::Conflict);
    assert!(e.message(Lang::Sv).contains("Per Polisson"));
}

#[test]
fn a_new_person_is_added_and_appointed_in_one_step_or_not_at_all() {
    let f = Fixture::dalarna();
    // From the CLI: the police's member seat of the steering group, the person new.
    let out = f.json(&[
        "appoint",
        "--new",
        "--group=Styrgrupp MVK",
        "--role=member",
        "--for=Polisen",
        "--from=2026-01-01",
        "--title=Lokalpolisområdeschef",
        "--email=per.polisson@polisen.se",
        "Per Polisson",
    ]);
    assert_eq!(out["appointment"]["person_name"], "Per Polisson");
    let people = f.json(&["person", "list", "--search", "Polisson"]);
    assert_eq!(people.as_array().map(Vec::len), Some(1));
    assert_eq!(people[0]["title"], "Lokalpolisområdeschef");
    assert_eq!(people[0]["organisation_name"], "Polismyndigheten");
    // The seat is taken now: the second new person is refused and not added either.
    let before = crate::support::snapshot(&f.db);
    let err = f.refused(&[
        "appoint",
        "--new",
        "--group=Styrgrupp MVK",
        "--role=member",
        "--for=Polisen",
        "--from=2026-06-01",
        "Olle Polisson",
    ]);
    assert!(err.contains("Per Polisson"), "{err}");
    assert_eq!(crate::support::snapshot(&f.db), before, "nothing was saved");
    // Through the library, an invalid person is refused before the appointment is tried.
    let mut reg = f.open();
    let steering = reg.find_group("Styrgrupp").expect("steering group");
    let region = reg.find_org("Region Dalarna").expect("region");
    let draft = PersonDraft {
        name: "   ".into(),
        organisation_id: region,
        ..PersonDraft::default()
    };
    let e = reg
        .appoint_new_person(&draft, &request(0, steering, Role::Member, "2026-01-01"))
        .expect_err("no name");
    assert_eq!(e.code(), ErrorCode::Invalid);
}

#[test]
fn a_head_of_social_services_from_any_municipality_takes_an_open_seat() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let steering = reg.find_group("Styrgrupp").expect("steering group");
    let seats = reg.group_seats(steering, today()).expect("seats");
    let social: Vec<_> = seats
        .iter()
        .filter(|s| s.seat.org_kind == Some(OrgKind::Municipality))
        .map(|s| s.seat.id)
        .collect();
    assert_eq!(social.len(), 2);
    let mora = person(&mut reg, "Maja Mora", "Mora");
    let falun = person(&mut reg, "Frida Falun", "Falun");
    let agency = person(&mut reg, "Amir Åklagare", "Åklagarkammaren");
    for (p, seat) in [(mora, social[0]), (falun, social[1])] {
        let mut req = request(p, steering, Role::Member, "2026-01-01");
        req.seat_id = Some(seat);
        reg.appoint(&req).expect("a municipality fits");
    }
    let mut req = request(agency, steering, Role::Member, "2026-01-01");
    req.seat_id = Some(social[0]);
    let e = reg.appoint(&req).expect_err("an agency does not fit");
    assert_eq!(e.code(), ErrorCode::Conflict);
    let seats = reg.group_seats(steering, today()).expect("seats");
    let held: Vec<_> = seats
        .iter()
        .filter(|s| social.contains(&s.seat.id))
        .filter_map(|s| s.holder.as_ref().map(|a| a.organisation_name.clone()))
        .collect();
    assert_eq!(held, ["Mora kommun", "Falu kommun"]);
    // The holder's organisation gets a form for the open seat.
    let mora_org = reg.find_org("Mora").expect("Mora");
    let data = reg
        .form_data(mora_org, steering, Lang::Sv, today())
        .expect("form data");
    assert_eq!(data.seats.len(), 1);
    assert_eq!(data.seats[0].label.as_deref(), Some("Socialchef"));
    drop(reg);
    // Without naming the seat, a municipality takes a social head's seat, not the school
    // seat: both are held, so the CLI refuses, naming the holder.
    let refusal = f.refused(&[
        "appoint",
        "Frida Falun",
        "--group",
        "Styrgrupp",
        "--role",
        "ledamot",
        "--from",
        "2027-01-01",
    ]);
    assert!(refusal.contains("Maja Mora"), "{refusal}");
}

#[test]
fn a_successors_form_is_printed_before_she_starts_and_the_status_knows_it() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let county = reg.find_group("Länsgruppen").expect("county");
    let anna = person(&mut reg, "Anna Berg", "Falun");
    let sara = person(&mut reg, "Sara Lind", "Falun");
    let mut first = request(anna, county, Role::Representative, "2025-01-01");
    first.to = Some(day("2026-12-31"));
    reg.appoint(&first).expect("Anna");
    let mut next = request(sara, county, Role::Representative, "2027-01-01");
    next.replace = true;
    let out = reg.appoint(&next).expect("successor");
    assert_eq!(
        out.replaced.and_then(|a| a.ended_on),
        Some(day("2026-12-31"))
    );
    let falun = reg.find_org("Falun").expect("Falun");
    // The seat, the organisation page and Översikt show the coming successor.
    let detail = reg.org_detail(falun, today()).expect("detail");
    let seat = detail
        .groups
        .iter()
        .find(|g| g.group_id == county)
        .and_then(|g| g.seats.iter().find(|s| s.seat.role == Role::Representative))
        .expect("seat");
    assert_eq!(
        seat.successor.as_ref().map(|a| a.person_name.as_str()),
        Some("Sara Lind")
    );
    let v = reg.vacancies(today(), 60, Some(county)).expect("vacancies");
    let ending = v
        .iter()
        .find(|x| x.kind == VacancyKind::TermEnding && x.organisation_id == Some(falun))
        .expect("term ending");
    assert_eq!(
        ending.successor.as_ref().map(|a| a.from),
        Some(day("2027-01-01"))
    );
    // The form for the coming day names the successor, not the leaver.
    let file = f.dir.path().join("falun-2027.pdf");
    reg.print_form(falun, county, &file, opts(Some(day("2027-01-01"))))
        .expect("successor's form");
    let text = pdf_text(&std::fs::read(&file).expect("pdf"));
    assert!(
        text.contains("Sara Lind") && !text.contains("Anna Berg"),
        "{text}"
    );
    let status = reg.form_status(Some(county), today()).expect("status");
    let row = status
        .iter()
        .find(|r| r.organisation_id == falun)
        .expect("row");
    assert_eq!(
        row.state,
        FormState::NotPrinted,
        "Anna's form was never printed"
    );
    let coming = row.coming.as_ref().expect("coming form");
    assert_eq!(coming.from, day("2027-01-01"));
    assert_eq!(coming.state, FormState::Printed);
    assert_eq!(coming.names, ["Sara Lind"]);
    // Its signed copy can come back before she starts.
    reg.form_signed(falun, county, today(), None, today())
        .expect("signed before she starts");
    let status = reg.form_status(Some(county), today()).expect("status");
    let row = status
        .iter()
        .find(|r| r.organisation_id == falun)
        .expect("row");
    assert_eq!(
        row.coming.as_ref().map(|c| c.state),
        Some(FormState::Signed)
    );
    // The CLI prints it for a date too.
    drop(reg);
    let cli_file = f.dir.path().join("cli.pdf");
    f.ok(&[
        "form",
        "Falun",
        "--on",
        "2027-01-01",
        "--out",
        cli_file.to_str().expect("path"),
    ]);
    assert!(pdf_text(&std::fs::read(&cli_file).expect("pdf")).contains("Sara Lind"));
}

#[test]
fn the_replace_proposal_is_never_a_day_the_core_refuses() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let county = reg.find_group("Länsgruppen").expect("county");
    let a = person(&mut reg, "A", "Orsa");
    reg.appoint(&request(a, county, Role::Substitute, "2026-02-01"))
        .expect("A");
    let orsa = reg.find_org("Orsa").expect("Orsa");
    let same_day = reg
        .seat_holder(county, orsa, Role::Substitute, day("2026-02-01"))
        .expect("holder");
    assert_eq!(same_day.last_day_if_replaced, None);
    assert_eq!(same_day.earliest_replacement, Some(day("2026-02-02")));
    let later = reg
        .seat_holder(county, orsa, Role::Substitute, day("2026-03-01"))
        .expect("holder");
    assert_eq!(later.last_day_if_replaced, Some(day("2026-02-28")));
    let b = person(&mut reg, "B", "Orsa");
    let mut req = request(b, county, Role::Substitute, "2026-03-01");
    req.replace = true;
    let out = reg.appoint(&req).expect("the proposed day is accepted");
    assert_eq!(
        out.replaced.and_then(|r| r.ended_on),
        later.last_day_if_replaced
    );
}

#[test]
fn an_appointment_made_in_error_is_withdrawn_that_day_and_kept_in_the_log() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let county = reg.find_group("Länsgruppen").expect("county");
    let wrong = person(&mut reg, "Fel Person", "Leksand");
    let a = reg
        .appoint(&request(wrong, county, Role::Representative, "2026-01-01"))
        .expect("appointed in error")
        .appointment;
    let made = reg.log(&Default::default()).expect("log");
    assert!(!made.is_empty());
    // Too late: a later day.
    let tomorrow = chrono::Utc::now() + chrono::Duration::days(1);
    let e = reg
        .withdraw_appointment(a.id, "fel person", "tester", tomorrow)
        .expect_err("only on the day");
    assert_eq!(e.code(), ErrorCode::Conflict);
    let e = reg
        .withdraw_appointment(a.id, "  ", "tester", chrono::Utc::now())
        .expect_err("a reason is required");
    assert_eq!(e.code(), ErrorCode::Invalid);
    reg.withdraw_appointment(a.id, "fel person", "tester", chrono::Utc::now())
        .expect("withdrawn");
    // Gone from the views and the counts: the seat is empty again, and can be filled.
    let leksand = reg.find_org("Leksand").expect("Leksand");
    assert!(
        reg.org_detail(leksand, today())
            .expect("detail")
            .groups
            .iter()
            .all(|g| g.history.is_empty())
    );
    let v = reg.vacancies(today(), 60, Some(county)).expect("vacancies");
    assert!(v.iter().any(
        |x| x.organisation_id == Some(leksand) && x.kind == VacancyKind::MissingRepresentative
    ));
    let right = person(&mut reg, "Rätt Person", "Leksand");
    reg.appoint(&request(right, county, Role::Representative, "2026-01-01"))
        .expect("the seat is free");
    // Kept in the change log, with who and why.
    let log = serde_json::to_string(&reg.log(&Default::default()).expect("log")).expect("json");
    assert!(
        log.contains("fel person") && log.contains("tester"),
        "{log}"
    );
    // The CLI refuses withdrawing an appointment it does not know, with a message.
    drop(reg);
    let refusal = f.refused(&["withdraw", "999", "--reason", "x"]);
    assert!(refusal.contains("999"), "{refusal}");
}

#[test]
fn seats_are_added_and_removed_and_a_held_seat_is_kept() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let rc = reg.find_group("RC Heder").expect("RC Heder");
    let before = reg.group_seats(rc, today()).expect("seats").len();
    let seat = reg
        .add_seat(
            rc,
            &SeatDraft {
                role: Role::Member,
                organisation_id: None,
                org_kind: Some(OrgKind::NonProfit),
                label: Some("Kvinno- och tjejjour".into()),
                position: Some(1),
            },
        )
        .expect("seat");
    let seats = reg.group_seats(rc, today()).expect("seats");
    assert_eq!(seats.len(), before + 1);
    assert_eq!(seats[0].seat.id, seat.id, "placed first");
    let p = person(&mut reg, "Kim Kullan", "Kvinnojouren Kullan");
    let mut req = request(p, rc, Role::Member, "2026-01-01");
    req.seat_id = Some(seat.id);
    let a = reg.appoint(&req).expect("member").appointment;
    let e = reg.remove_seat(seat.id, today()).expect_err("held");
    assert_eq!(e.code(), ErrorCode::InUse);
    reg.end_appointment(a.id, day("2026-06-30")).expect("ended");
    reg.remove_seat(seat.id, today()).expect("retired");
    assert_eq!(reg.group_seats(rc, today()).expect("seats").len(), before);
    // The history stays, on the person.
    assert_eq!(reg.person_detail(p).expect("person").appointments.len(), 1);
    // Through the CLI: add a seat open to any municipality, list, remove it.
    drop(reg);
    let out = f.ok(&[
        "seat", "add", "RÖK", "--role", "ledamot", "--kind", "kommun", "--label", "Skola",
    ]);
    assert!(out.contains("Skola (valfri kommun)"), "{out}");
    let seats = f.json(&["group", "seats", "RÖK"]);
    let id = seats
        .as_array()
        .and_then(|s| s.last())
        .and_then(|s| s["seat"]["id"].as_i64())
        .expect("id");
    f.ok(&["seat", "remove", &id.to_string()]);
}

#[test]
fn a_register_made_before_seats_keeps_every_appointment_and_form_status() {
    let f = Fixture::new();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/it/fixtures/register-v6.sqlite3"
        ),
        &f.db,
    )
    .expect("copy the fixture");
    let reg = f.open();
    let everyone: Vec<_> = (1..=9)
        .map(|id| reg.appointment(id).expect("every appointment is kept"))
        .collect();
    assert!(
        everyone.iter().all(|a| a.seat_id.is_some()),
        "{everyone:#?}"
    );
    let county = reg.find_group("Länsgruppen").expect("county");
    // The county group's seats: two per organisation, 29 organisations.
    let seats = reg.group_seats(county, today()).expect("seats");
    assert_eq!(seats.len(), 58);
    // Falun's signed form is still signed; the successor decided shows as coming.
    let falun = reg.find_org("Falun").expect("Falun");
    let status = reg.form_status(Some(county), today()).expect("status");
    let row = status
        .iter()
        .find(|r| r.organisation_id == falun)
        .expect("row");
    assert_eq!(row.state, FormState::Signed);
    assert_eq!(row.signed_on, Some(day("2025-02-01")));
    assert_eq!(row.coming.as_ref().map(|c| c.from), Some(day("2027-01-01")));
    // The steering group: member seats for its listed organisations; the chair's seat.
    let steering = reg.find_group("Styrgrupp").expect("steering");
    let seats = reg.group_seats(steering, today()).expect("seats");
    assert_eq!(seats.len(), 5, "{seats:#?}");
    assert!(
        seats
            .iter()
            .any(|s| s.seat.role == Role::Chair && s.holder.is_some())
    );
    // The working group made by hand keeps its member.
    let rc = reg
        .find_group("Arbetsgrupp RC Heder")
        .expect("working group");
    assert_eq!(reg.group_seats(rc, today()).expect("seats").len(), 1);
}

#[test]
fn a_register_that_cannot_be_given_seats_exactly_is_refused_untouched() {
    let f = Fixture::new();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/it/fixtures/register-v6.sqlite3"
        ),
        &f.db,
    )
    .expect("copy the fixture");
    {
        // Version 6 allowed two members of one organisation in a group without the rule.
        let conn = rusqlite::Connection::open(&f.db).expect("open");
        conn.create_scalar_function(
            "samverkan_user",
            0,
            rusqlite::functions::FunctionFlags::SQLITE_DETERMINISTIC,
            |_| Ok("test".to_owned()),
        )
        .expect("function");
        conn.execute_batch(
            "INSERT INTO appointment (person_id, group_id, organisation_id, role, from_date)
             VALUES (1, 3, 7, 'member', '2025-06-01');",
        )
        .expect("a second member");
    }
    let e = Register::open(&f.db).expect_err("refused");
    assert_eq!(e.code(), ErrorCode::Conflict);
    let m = e.message(Lang::Sv);
    assert!(m.contains("Per Lund") && m.contains("Anna Berg"), "{m}");
    // Nothing was changed: still version 6, every appointment as it was.
    let conn = rusqlite::Connection::open(&f.db).expect("open");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, 6);
    let appointments: i64 = conn
        .query_row("SELECT count(*) FROM appointment", [], |r| r.get(0))
        .expect("count");
    assert_eq!(appointments, 10);
}

#[derive(Debug, Clone)]
enum Op {
    Appoint {
        person: usize,
        seat: usize,
        day: u64,
        replace: bool,
    },
    End {
        person: usize,
        day: u64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..6usize, 0..8usize, 0..730u64, any::<bool>())
            .prop_map(|(person, seat, day, replace)| Op::Appoint { person, seat, day, replace }),
        1 => (0..6usize, 0..730u64).prop_map(|(person, day)| Op::End { person, day }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// Random appointments to the steering group's eight seats (own, open to a kind, open to
    /// any): no seat ever has two holders on a day, history is never lost, and the vacancies
    /// of a day are exactly the seats without a holder that day.
    #[test]
    fn random_seats_never_have_two_holders_and_vacancies_are_the_empty_seats(
        ops in proptest::collection::vec(op(), 1..30),
        probe in 0..800u64,
    ) {
        let f = Fixture::dalarna();
        let mut reg = f.open();
        let steering = reg.find_group("Styrgrupp").expect("steering");
        let seats: Vec<_> = reg.group_seats(steering, today()).expect("seats").into_iter().map(|s| s.seat).collect();
        let orgs = ["Polisen", "Mora", "Falun", "RSS Dalarna", "Region Dalarna", "Länsstyrelsen"];
        let people: Vec<i64> = (0..6).map(|i| person(&mut reg, &format!("P{i}"), orgs[i])).collect();
        let start = day("2026-01-01");
        let mut seen: HashMap<i64, samverkan::model::Appointment> = HashMap::new();
        for op in ops {
            match op {
                Op::Appoint { person, seat, day: d, replace } => {
                    let seat = &seats[seat];
                    let req = AppointRequest {
                        person_id: people[person],
                        group_id: steering,
                        role: seat.role,
                        seat_id: Some(seat.id),
                        organisation_id: None,
                        from: start.checked_add_days(Days::new(d)).expect("day"),
                        to: None,
                        replace,
                    };
                    let _ = reg.appoint(&req);
                }
                Op::End { person, day: d } => {
                    let _ = reg.unappoint(people[person], steering, None, start.checked_add_days(Days::new(d)).expect("day"));
                }
            }
            let history = reg.group_detail(steering, today()).expect("detail").history;
            for old in seen.values() {
                let now = history.iter().find(|a| a.id == old.id);
                prop_assert!(now.is_some(), "history lost");
                let now = now.expect("kept");
                prop_assert_eq!((now.person_id, now.seat_id, now.from), (old.person_id, old.seat_id, old.from));
                if old.ended_on.is_some() { prop_assert_eq!(now.ended_on, old.ended_on); }
            }
            for a in &history { seen.insert(a.id, a.clone()); }
            for (i, a) in history.iter().enumerate() {
                for b in &history[i + 1..] {
                    let end = |x: &samverkan::model::Appointment| x.ended_on.unwrap_or(NaiveDate::MAX);
                    prop_assert!(a.seat_id != b.seat_id || a.from > end(b) || b.from > end(a), "two holders of one seat: {a:?} {b:?}");
                }
            }
        }
        let probe_day = start.checked_add_days(Days::new(probe)).expect("day");
        let history = reg.group_detail(steering, today()).expect("detail").history;
        let mut empty: Vec<i64> = seats.iter().filter(|s| !history.iter().any(|a| a.seat_id == Some(s.id) && a.serves_on(probe_day))).map(|s| s.id).collect();
        let mut vacant: Vec<i64> = reg.vacancies(probe_day, 0, Some(steering)).expect("vacancies").into_iter().filter(|v| v.appointment.is_none()).filter_map(|v| v.seat.map(|s| s.id)).collect();
        empty.sort_unstable();
        vacant.sort_unstable();
        prop_assert_eq!(empty, vacant);
    }
}
