//! Benchmarks of the meetings feature at the sizes the issue names: planning a year for all
//! groups of the Dalarna register (≤ 10 ms), the county group's roster as CSV, XLSX and PDF
//! and its attendance list as PDF (≤ 50 ms each), the county group's invitation (e-mail draft
//! with the meeting request and the PDF, and the PDF: ≤ 30 ms), and a full roster in XLSX at 10,000
//! organisations (≤ 1 s).

use std::hint::black_box;

use chrono::{DateTime, NaiveDate, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use samverkan::export::roster::RosterFormat;
use samverkan::model::{
    GroupDraft, GroupFields, GroupKind, OrgDraft, OrgFields, OrgKind, PersonDraft, PersonFields,
    Role,
};
use samverkan::{Lang, Register, Template, export, store};

fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-22T09:00:00Z")
        .expect("time")
        .with_timezone(&Utc)
}

/// The Dalarna register with a representative and a substitute (with e-mail, title and phone)
/// for each of the county group's organisations, and the steering group's members.
fn dalarna(dir: &std::path::Path) -> Register {
    let reg = Register::create(&dir.join("dalarna.sqlite3"), &Template::dalarna()).expect("create");
    let conn = reg.connection();
    conn.execute_batch("BEGIN").expect("begin");
    for (group, roles) in [
        (
            "Länsgruppen MVK",
            &[Role::Representative, Role::Substitute][..],
        ),
        ("Styrgrupp MVK", &[Role::Member][..]),
    ] {
        let gid = reg.find_group(group).expect("group");
        let orgs = store::groups::seat_orgs(conn, gid).expect("seats");
        for (i, org) in orgs.iter().enumerate() {
            for (k, role) in roles.iter().enumerate() {
                // Only the organisations' own seats (the steering group's seats open to a kind
                // are left empty): an appointment must fill a seat since 0007.
                let Some(seat) = store::seats::own(conn, gid, *org, *role).expect("seat") else {
                    continue;
                };
                let d = PersonDraft {
                    name: format!("Person {gid}-{i}-{k}"),
                    organisation_id: *org,
                    title: Some("Utvecklingsledare".into()),
                    email: Some(format!("p{gid}x{i}x{k}@example.se")),
                    phone: Some("023-123 45".into()),
                    ..PersonDraft::default()
                };
                let p = store::people::insert(conn, &PersonFields::try_from(&d).expect("person"))
                    .expect("insert");
                let place = store::appointments::Place {
                    group_id: gid,
                    org_id: *org,
                    role: *role,
                    seat_id: Some(seat.id),
                };
                store::appointments::insert(conn, p, place, day("2026-01-01"), None)
                    .expect("appoint");
            }
        }
    }
    conn.execute_batch("COMMIT").expect("commit");
    reg
}

/// An empty register with one group of 10,000 organisations, each with a representative and
/// a substitute: 20,000 roster rows.
fn large(dir: &std::path::Path) -> (Register, i64) {
    let reg = Register::create(&dir.join("large.sqlite3"), &Template::empty()).expect("create");
    let conn = reg.connection();
    conn.execute_batch("BEGIN").expect("begin");
    let g = GroupDraft {
        name: "Länsgruppen".into(),
        kind: GroupKind::County,
        meetings_per_year: 4,
        description: None,
        one_per_org: true,
        free_membership: false,
    };
    let gid = store::groups::insert(conn, &GroupFields::try_from(&g).expect("group")).expect("g");
    for i in 0..10_000usize {
        let d = OrgDraft {
            name: format!("Organisation {i}"),
            kind: OrgKind::ALL[i % OrgKind::ALL.len()],
            active: true,
            ..OrgDraft::default()
        };
        let org = store::organisations::insert(conn, &OrgFields::try_from(&d).expect("org"))
            .expect("org");
        store::organisations::add_seat(conn, gid, org).expect("seat");
        for (k, role) in [Role::Representative, Role::Substitute]
            .into_iter()
            .enumerate()
        {
            let d = PersonDraft {
                name: format!("Person {i} {k}"),
                organisation_id: org,
                title: Some("Handläggare".into()),
                email: Some(format!("person{i}x{k}@example.se")),
                phone: Some(format!(
                    "070-{:03} {:02} {:02}",
                    i % 1000,
                    (i / 1000) % 100,
                    k
                )),
                ..PersonDraft::default()
            };
            let p = store::people::insert(conn, &PersonFields::try_from(&d).expect("person"))
                .expect("person");
            let place = store::appointments::Place {
                group_id: gid,
                org_id: org,
                role,
                seat_id: store::seats::own(conn, gid, org, role)
                    .expect("seat")
                    .map(|s| s.id),
            };
            store::appointments::insert(conn, p, place, day("2026-01-01"), None).expect("appoint");
        }
    }
    conn.execute_batch("COMMIT").expect("commit");
    (reg, gid)
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut reg = dalarna(dir.path());
    let county = reg.find_group("Länsgruppen").expect("county");
    let today = day("2026-11-22");

    c.bench_function("plan a year for all groups (Dalarna)", |b| {
        b.iter(|| black_box(reg.propose_plan(2027, None).expect("plan")))
    });
    c.bench_function("county group roster: CSV bytes", |b| {
        b.iter(|| {
            let r = reg.roster(county, None, today, &[]).expect("roster");
            black_box(export::csv::roster(&r, Lang::Sv))
        })
    });
    c.bench_function("county group roster: XLSX bytes", |b| {
        b.iter(|| {
            let r = reg.roster(county, None, today, &[]).expect("roster");
            black_box(export::xlsx::roster(&r, None, Lang::Sv, now()).expect("xlsx"))
        })
    });
    let fonts = samverkan::pdf::fonts().expect("fonts");
    c.bench_function("county group roster: PDF bytes", |b| {
        b.iter(|| {
            let r = reg.roster(county, None, today, &[]).expect("roster");
            let doc = export::roster_pdf::roster(&r, Some("Nätverket"), Lang::Sv, fonts, now());
            black_box(samverkan::pdf::to_pdf(&doc).expect("pdf"))
        })
    });
    let meeting = reg
        .add_meeting(
            &samverkan::model::MeetingDraft {
                group_id: county,
                date: "2027-03-09".into(),
                place: Some("Länsstyrelsen, Falun".into()),
                ..Default::default()
            },
            now(),
        )
        .expect("meeting");
    let list = dir.path().join("närvaro.pdf");
    c.bench_function(
        "county group attendance list: PDF file written and logged",
        |b| {
            b.iter(|| {
                black_box(
                    reg.export_attendance_list(meeting.id, &list, &[], Lang::Sv, now())
                        .expect("list"),
                )
            })
        },
    );
    // The size: 30 organisations, 60 people (the template's county group has 29).
    let extra = reg
        .add_org(
            &OrgDraft {
                name: "Brottsofferjouren Dalarna".into(),
                kind: OrgKind::NonProfit,
                ..OrgDraft::default()
            },
            &[county],
        )
        .expect("organisation");
    for (k, role) in [Role::Representative, Role::Substitute]
        .into_iter()
        .enumerate()
    {
        let p = reg
            .add_person(&PersonDraft {
                name: format!("Extra Person {k}"),
                organisation_id: extra.id,
                email: Some(format!("extra{k}@example.se")),
                ..PersonDraft::default()
            })
            .expect("person");
        reg.appoint(&samverkan::model::AppointRequest {
            person_id: p.id,
            group_id: county,
            role,
            seat_id: None,
            organisation_id: None,
            from: day("2026-01-01"),
            to: None,
            replace: false,
        })
        .expect("appoint");
    }
    reg.set_organiser(&samverkan::register::OrganiserInfo {
        name: Some("Åsa Strateg".into()),
        email: Some("asa.strateg@lansstyrelsen.se".into()),
        ..Default::default()
    })
    .expect("coordinator");
    let invited = reg
        .invitation(meeting.id, &[], Lang::Sv)
        .expect("invitation")
        .invited
        .len();
    assert_eq!(invited, 60, "the county group of 30 organisations");
    let eml = dir.path().join("kallelse.eml");
    let pdf = dir.path().join("kallelse.pdf");
    c.bench_function(
        "county group invitation: .eml with request and PDF, PDF, written and logged",
        |b| {
            b.iter(|| {
                black_box(
                    reg.write_invitation(
                        meeting.id,
                        Some(&eml),
                        Some(&pdf),
                        &samverkan::register::InvitationRequest::default(),
                        Lang::Sv,
                        now(),
                    )
                    .expect("invitation"),
                )
            })
        },
    );
    let csv = dir.path().join("roster.csv");
    let xlsx = dir.path().join("roster.xlsx");
    c.bench_function("county group roster: CSV file written and logged", |b| {
        b.iter(|| {
            black_box(
                reg.export_roster(
                    county,
                    None,
                    RosterFormat::Csv,
                    &csv,
                    &[],
                    today,
                    Lang::Sv,
                    now(),
                )
                .expect("export"),
            )
        })
    });
    c.bench_function("county group roster: XLSX file written and logged", |b| {
        b.iter(|| {
            black_box(
                reg.export_roster(
                    county,
                    None,
                    RosterFormat::Xlsx,
                    &xlsx,
                    &[],
                    today,
                    Lang::Sv,
                    now(),
                )
                .expect("export"),
            )
        })
    });

    let (mut big, gid) = large(dir.path());
    let big_xlsx = dir.path().join("large.xlsx");
    let mut group = c.benchmark_group("10,000 organisations");
    group.sample_size(10);
    group.bench_function("full roster: read (20,000 rows)", |b| {
        b.iter(|| black_box(big.roster(gid, None, today, &[]).expect("roster")))
    });
    let roster = big.roster(gid, None, today, &[]).expect("roster");
    group.bench_function("full roster: XLSX bytes", |b| {
        b.iter(|| black_box(export::xlsx::roster(&roster, None, Lang::Sv, now()).expect("xlsx")))
    });
    group.bench_function("full roster: XLSX file written and logged", |b| {
        b.iter(|| {
            black_box(
                big.export_roster(
                    gid,
                    None,
                    RosterFormat::Xlsx,
                    &big_xlsx,
                    &[],
                    today,
                    Lang::Sv,
                    now(),
                )
                .expect("export"),
            )
        })
    });
    group.finish();
}

criterion_group!(meetings, benches);
criterion_main!(meetings);
