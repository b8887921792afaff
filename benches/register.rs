//! Benchmarks of the register at the sizes the issue names: opening and migrating a new
//! register, and listing, searching and reporting vacancies with 10,000 organisations,
//! 50,000 people and 100,000 appointments (made by the generator below).

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use samverkan::model::{
    GroupDraft, GroupFields, GroupKind, OrgDraft, OrgFields, OrgKind, PersonDraft, PersonFields,
    Role,
};
use samverkan::register::{OrgQuery, PersonQuery};
use samverkan::{Register, Template, store};

const FIRST: [&str; 12] = [
    "Anna", "Erik", "Sara", "Lars", "Maria", "Johan", "Karin", "Per", "Eva", "Nils", "Märta", "Åsa",
];
const LAST: [&str; 12] = [
    "Berg",
    "Lund",
    "Ek",
    "Holm",
    "Ström",
    "Sjöberg",
    "Åkesson",
    "Nilsson",
    "Ödegård",
    "Dahl",
    "Forsberg",
    "Lind",
];

fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

/// Fills an empty register: 10,000 organisations seated in a county group with the rule,
/// 5 people each, and 10 appointments each (representative and substitute now and before,
/// and memberships in working groups), one organisation in twenty lacking a substitute.
fn generate(reg: &Register) {
    let conn = reg.connection();
    conn.execute_batch("BEGIN").expect("begin");
    let group = |name: &str, kind, rule| {
        let d = GroupDraft {
            name: name.into(),
            kind,
            meetings_per_year: 4,
            description: None,
            one_per_org: rule,
            // Working groups with free membership: several of one organisation serve at once.
            free_membership: !rule,
        };
        store::groups::insert(conn, &GroupFields::try_from(&d).expect("group"))
            .expect("insert group")
    };
    let county = group("Länsgruppen", GroupKind::County, true);
    let working: Vec<i64> = (0..8)
        .map(|i| group(&format!("Arbetsgrupp {i}"), GroupKind::Working, false))
        .collect();
    for i in 0..10_000usize {
        let d = OrgDraft {
            name: format!("{} organisation {i}", LAST[i % LAST.len()]),
            kind: OrgKind::ALL[i % OrgKind::ALL.len()],
            active: true,
            ..OrgDraft::default()
        };
        let org = store::organisations::insert(conn, &OrgFields::try_from(&d).expect("org"))
            .expect("insert org");
        store::organisations::add_seat(conn, county, org).expect("seat");
        let seat_of = |role| {
            store::seats::own(conn, county, org, role)
                .expect("seat")
                .map(|s| s.id)
        };
        let (rep_seat, sub_seat) = (seat_of(Role::Representative), seat_of(Role::Substitute));
        let people: Vec<i64> = (0..5)
            .map(|k| {
                let n = i * 5 + k;
                let d = PersonDraft {
                    name: format!(
                        "{} {} {n}",
                        FIRST[n % FIRST.len()],
                        LAST[(n / 7) % LAST.len()]
                    ),
                    organisation_id: org,
                    email: Some(format!("person{n}@example.se")),
                    ..PersonDraft::default()
                };
                store::people::insert(conn, &PersonFields::try_from(&d).expect("person"))
                    .expect("insert person")
            })
            .collect();
        let appoint = |p: i64, g: i64, role, from: &str, ended: Option<&str>| {
            let seat_id = match role {
                _ if g != county => None,
                Role::Representative => rep_seat,
                _ => sub_seat,
            };
            let place = store::appointments::Place {
                group_id: g,
                org_id: org,
                role,
                seat_id,
            };
            let id = store::appointments::insert(conn, p, place, day(from), None).expect("appoint");
            if let Some(e) = ended {
                store::appointments::end(conn, id, day(e)).expect("end");
            }
        };
        appoint(
            people[0],
            county,
            Role::Representative,
            "2018-01-01",
            Some("2020-12-31"),
        );
        appoint(people[1], county, Role::Representative, "2021-01-01", None);
        appoint(
            people[2],
            county,
            Role::Substitute,
            "2018-01-01",
            Some("2020-12-31"),
        );
        if i % 20 != 0 {
            appoint(people[3], county, Role::Substitute, "2021-01-01", None);
        } else {
            appoint(people[3], working[0], Role::Member, "2021-01-01", None);
        }
        for k in 0..6 {
            let g = working[(i + k) % working.len()];
            let ended = if k % 2 == 0 { Some("2023-06-30") } else { None };
            appoint(
                people[4 - (k % 2)],
                g,
                if k == 0 { Role::Chair } else { Role::Member },
                "2022-01-01",
                ended,
            );
        }
    }
    conn.execute_batch("COMMIT").expect("commit");
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");

    let mut n = 0;
    c.bench_function(
        "create_and_migrate_new_register_from_dalarna_template",
        |b| {
            b.iter_batched(
                || {
                    n += 1;
                    dir.path().join(format!("new-{n}.sqlite3"))
                },
                |path| black_box(Register::create(&path, &Template::dalarna()).expect("create")),
                BatchSize::PerIteration,
            )
        },
    );

    let big = dir.path().join("big.sqlite3");
    let reg = Register::create(&big, &Template::empty()).expect("create");
    generate(&reg);
    let info = reg.info().expect("info");
    assert_eq!(
        (info.organisations, info.people, info.appointments),
        (10_000, 50_000, 100_000)
    );
    let today = day("2026-11-22");

    c.bench_function("open_existing_register_10k_orgs", |b| {
        b.iter(|| black_box(Register::open(&big).expect("open")))
    });
    c.bench_function("list_10k_organisations", |b| {
        b.iter(|| black_box(reg.orgs(&OrgQuery::default()).expect("list")))
    });
    c.bench_function("search_50k_people_by_name_part", |b| {
        b.iter(|| {
            black_box(
                reg.people(&PersonQuery {
                    organisation_id: None,
                    text: Some("ödegård 4999".into()),
                })
                .expect("search"),
            )
        })
    });
    c.bench_function("search_10k_organisations_by_name_part", |b| {
        b.iter(|| {
            black_box(
                reg.orgs(&OrgQuery {
                    text: Some("ström organisation 99".into()),
                    ..OrgQuery::default()
                })
                .expect("search"),
            )
        })
    });
    c.bench_function("find_person_by_unique_prefix", |b| {
        b.iter(|| black_box(reg.find_person("åsa lund 49991").expect("find")))
    });
    c.bench_function("vacancies_10k_orgs_100k_appointments", |b| {
        b.iter(|| black_box(reg.vacancies(today, 60, None).expect("vacancies")))
    });
}

criterion_group! {
    name = register;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = benches
}
criterion_main!(register);
