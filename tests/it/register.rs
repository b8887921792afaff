//! The register through the library: opening, migrations, and the schema's own guards.

use samverkan::model::{
    AppointRequest, GroupDraft, GroupKind, OrgDraft, OrgKind, PersonDraft, Role,
};
use samverkan::register::{ExportKind, ExportRecord};
use samverkan::store;
use samverkan::{ErrorCode, Register, Template};

use crate::support::{Fixture, day, snapshot, today};

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

#[test]
fn a_new_register_is_at_the_latest_schema_version_and_marked_as_ours() {
    let f = Fixture::dalarna();
    let conn = rusqlite::Connection::open(&f.db).expect("open");
    let v: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("version");
    let app: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .expect("app id");
    assert_eq!(v, store::latest_version());
    assert_eq!(app, store::APPLICATION_ID);
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .expect("mode");
    assert_eq!(mode, "wal");
}

#[test]
fn opening_sets_foreign_keys_and_full_sync() {
    let f = Fixture::dalarna();
    let reg = f.open();
    let fk: i64 = reg
        .connection()
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .expect("fk");
    let sync: i64 = reg
        .connection()
        .pragma_query_value(None, "synchronous", |r| r.get(0))
        .expect("sync");
    assert_eq!((fk, sync), (1, 2));
}

#[test]
fn a_failed_creation_leaves_no_file_behind() {
    let f = Fixture::new();
    let mut broken = Template::dalarna();
    broken.groups[0].organisations.push("Finns inte".into());
    let e = Register::create(&f.db, &broken).expect_err("template names a missing organisation");
    assert_eq!(e.code(), ErrorCode::NotFound);
    assert!(!f.db.exists());
    let leftovers: Vec<_> = std::fs::read_dir(f.dir.path())
        .expect("dir")
        .flatten()
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_directory_is_not_a_register() {
    let f = Fixture::new();
    std::fs::create_dir(&f.db).expect("mkdir");
    let e = Register::open_or_create(&f.db, &Template::dalarna()).expect_err("a directory");
    assert_eq!(e.code(), ErrorCode::NotARegister);
}

#[test]
fn another_programs_sqlite_file_is_not_a_register() {
    let f = Fixture::new();
    {
        let conn = rusqlite::Connection::open(&f.db).expect("open");
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .expect("sql");
    }
    let before = snapshot(&f.db);
    let e = Register::open(&f.db).expect_err("not ours");
    assert_eq!(e.code(), ErrorCode::NotARegister);
    assert_eq!(snapshot(&f.db), before);
}

#[test]
fn the_schema_itself_refuses_a_second_representative() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let a = person(&mut reg, "A", "Mora");
    let b = person(&mut reg, "B", "Mora");
    let group_id = reg.find_group("Länsgruppen").expect("group");
    let org = reg.find_org("Mora").expect("org");
    reg.appoint(&AppointRequest {
        person_id: a,
        group_id,
        role: Role::Representative,
        seat_id: None,
        organisation_id: None,
        from: day("2026-01-01"),
        to: None,
        replace: false,
    })
    .expect("first");
    // Going around the core straight to SQL is still refused, into the seat or beside it.
    let seat = reg
        .seat_holder(group_id, org, Role::Representative, day("2026-05-01"))
        .expect("holder")
        .holder
        .and_then(|a| a.seat_id);
    for seat_id in [seat, None] {
        let place = store::appointments::Place {
            group_id,
            org_id: org,
            role: Role::Representative,
            seat_id,
        };
        let e = store::appointments::insert(reg.connection(), b, place, day("2026-05-01"), None)
            .expect_err("the trigger refuses");
        assert!(e.to_string().contains("seat"), "{e}");
    }
}

#[test]
fn the_schema_keeps_history_from_being_rewritten_or_deleted() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let a = person(&mut reg, "A", "Mora");
    let group_id = reg.find_group("Styrgrupp").expect("group");
    let out = reg
        .appoint(&AppointRequest {
            person_id: a,
            group_id,
            role: Role::Member,
            seat_id: None,
            organisation_id: None,
            from: day("2026-01-01"),
            to: None,
            replace: false,
        })
        .expect("appoint");
    let id = out.appointment.id;
    reg.end_appointment(id, day("2026-03-31")).expect("end");
    let conn = reg.connection();
    assert!(
        conn.execute(
            "UPDATE appointment SET from_date = '2025-01-01' WHERE id = ?1",
            [id]
        )
        .is_err()
    );
    assert!(
        conn.execute(
            "UPDATE appointment SET ended_on = '2026-04-30' WHERE id = ?1",
            [id]
        )
        .is_err()
    );
    assert!(
        conn.execute("DELETE FROM appointment WHERE id = ?1", [id])
            .is_err()
    );
    let e = reg
        .end_appointment(id, day("2026-05-31"))
        .expect_err("already ended");
    assert_eq!(e.code(), ErrorCode::Conflict);
}

#[test]
fn a_group_with_free_membership_keeps_it_once_people_were_appointed_freely() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let g = reg
        .add_group(&GroupDraft {
            name: "Arbetsgrupp RÖK".into(),
            kind: GroupKind::Working,
            meetings_per_year: 6,
            description: None,
            one_per_org: false,
            free_membership: true,
        })
        .expect("group");
    let a = person(&mut reg, "A", "Mora");
    let b = person(&mut reg, "B", "Mora");
    for p in [a, b] {
        reg.appoint(&AppointRequest {
            person_id: p,
            group_id: g.id,
            role: Role::Representative,
            seat_id: None,
            organisation_id: None,
            from: day("2026-01-01"),
            to: None,
            replace: false,
        })
        .expect("free membership: no seats to fill");
    }
    assert!(
        reg.vacancies(today(), 60, Some(g.id))
            .expect("vacancies")
            .is_empty()
    );
    let mut draft = GroupDraft::from(&g);
    draft.free_membership = false;
    let e = reg.edit_group(g.id, &draft).expect_err("appointed freely");
    assert_eq!(e.code(), ErrorCode::Conflict);
    assert!(reg.group(g.id).expect("group").free_membership);
}

#[test]
fn replacing_someone_who_starts_the_same_day_is_refused() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let a = person(&mut reg, "A", "Orsa");
    let b = person(&mut reg, "B", "Orsa");
    let group_id = reg.find_group("Läns").expect("group");
    let req = |p| AppointRequest {
        person_id: p,
        group_id,
        role: Role::Substitute,
        seat_id: None,
        organisation_id: None,
        from: day("2026-02-01"),
        to: None,
        replace: true,
    };
    reg.appoint(&req(a)).expect("first");
    let e = reg.appoint(&req(b)).expect_err("same start day");
    assert_eq!(e.code(), ErrorCode::Conflict);
    let message = e.message(samverkan::Lang::Sv);
    assert!(
        message.contains("A är ersättare") && message.contains("tidigast 2026-02-02"),
        "{message}"
    );
}

#[test]
fn a_person_can_represent_another_organisation_than_their_own() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let a = person(&mut reg, "Kim", "RSS Dalarna");
    let group_id = reg.find_group("Läns").expect("group");
    let org = reg.find_org("Barnahus").expect("org");
    let out = reg
        .appoint(&AppointRequest {
            person_id: a,
            group_id,
            role: Role::Representative,
            seat_id: None,
            organisation_id: Some(org),
            from: day("2026-01-01"),
            to: None,
            replace: false,
        })
        .expect("appoint");
    assert_eq!(out.appointment.organisation_name, "Barnahus Dalarna");
    let detail = reg.group_detail(group_id, today()).expect("detail");
    let row = detail
        .rows
        .iter()
        .find(|r| r.organisation_id == org)
        .expect("row");
    assert_eq!(
        row.representative.as_ref().map(|a| a.person_name.as_str()),
        Some("Kim")
    );
}

#[test]
fn a_new_organisation_can_be_seated_and_shows_up_as_vacant() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let g = reg.find_group("Läns").expect("group");
    let o = reg
        .add_org(
            &OrgDraft {
                name: "Tjejjouren Ny".into(),
                kind: OrgKind::NonProfit,
                active: true,
                ..OrgDraft::default()
            },
            &[g],
        )
        .expect("org");
    let v = reg.vacancies(today(), 60, Some(g)).expect("vacancies");
    assert_eq!(
        v.iter().filter(|x| x.organisation_id == Some(o.id)).count(),
        2
    );
    // An inactive organisation is not reported.
    let mut d = OrgDraft::from(&o);
    d.active = false;
    reg.edit_org(o.id, &d).expect("edit");
    let v = reg.vacancies(today(), 60, Some(g)).expect("vacancies");
    assert_eq!(
        v.iter().filter(|x| x.organisation_id == Some(o.id)).count(),
        0
    );
}

#[test]
fn exports_are_recorded_append_only_and_found_by_person() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let anna = person(&mut reg, "Anna Berg", "Falu kommun");
    let bo = person(&mut reg, "Bo Ek", "Mora kommun");
    let at = |s: &str| {
        chrono::DateTime::parse_from_rfc3339(s)
            .expect("time")
            .with_timezone(&chrono::Utc)
    };
    let file = std::path::PathBuf::from("/tmp/Falu kommun.pdf");
    let first = reg
        .record_export(
            &ExportRecord {
                kind: ExportKind::MandateForm,
                description: "Uppdragsblankett: Falu kommun".into(),
                group_id: None,
                people: &[anna],
                protected_included: false,
                file: Some(&file),
            },
            at("2027-01-10T08:00:00Z"),
        )
        .expect("record");
    reg.record_export(
        &ExportRecord {
            kind: ExportKind::MailingList,
            description: "Sändlista".into(),
            group_id: None,
            people: &[anna, bo, anna],
            protected_included: true,
            file: None,
        },
        at("2027-02-01T12:00:00Z"),
    )
    .expect("record");

    let all = reg.exports(None).expect("list");
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].kind, ExportKind::MailingList, "newest first");
    assert_eq!(all[0].people, 3, "the count is of the people handed over");
    assert!(all[0].protected_included);
    assert_eq!(all[0].file, None);
    assert_eq!(all[1].at, "2027-01-10T08:00:00Z");
    assert_eq!(all[1].file.as_deref(), Some("/tmp/Falu kommun.pdf"));
    assert_eq!(
        reg.exports(Some(day("2027-01-11"))).expect("since").len(),
        1
    );
    assert_eq!(reg.exports_of_person(bo).expect("bo").len(), 1);
    assert_eq!(reg.exports_of_person(anna).expect("anna").len(), 2);

    let conn = reg.connection();
    for sql in [
        "UPDATE export_log SET file = NULL WHERE id = ?1",
        "DELETE FROM export_log WHERE id = ?1",
    ] {
        let err = conn.execute(sql, [first]).expect_err("append-only");
        assert!(err.to_string().contains("append-only"), "{err}");
    }
}

#[test]
fn the_export_log_is_listed_by_the_cli() {
    let f = Fixture::dalarna();
    assert!(f.ok(&["exports"]).contains("Inga exporter"));
    let mut reg = f.open();
    reg.record_export(
        &ExportRecord {
            kind: ExportKind::RosterCsv,
            description: "Medlemslista: Länsgruppen".into(),
            group_id: None,
            people: &[],
            protected_included: false,
            file: None,
        },
        chrono::Utc::now(),
    )
    .expect("record");
    drop(reg);
    let v = f.json(&["exports"]);
    assert_eq!(v[0]["kind"], "roster_csv");
    assert_eq!(v[0]["description"], "Medlemslista: Länsgruppen");
}
