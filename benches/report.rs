//! The yearly report at the size the issue names: 10,000 organisations in a county group
//! (representative and substitute seats, 50,000 people, a representative replaced every
//! year in a tenth of them) and 20 years of four meetings, each with attendance recorded for
//! every organisation. Measures a year's figures (with the year before) and its PDF.

use std::hint::black_box;

use chrono::{DateTime, NaiveDate, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use samverkan::model::{
    AttendanceStatus, GroupDraft, GroupFields, GroupKind, MeetingFields, MeetingStatus, OrgDraft,
    OrgFields, OrgKind, PersonDraft, PersonFields, Role,
};
use samverkan::{Lang, Register, Template, store};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn generate(reg: &Register) {
    let conn = reg.connection();
    conn.execute_batch("BEGIN").expect("begin");
    let d = GroupDraft {
        name: "Länsgruppen".into(),
        kind: GroupKind::County,
        meetings_per_year: 4,
        description: None,
        one_per_org: true,
        free_membership: false,
    };
    let county = store::groups::insert(conn, &GroupFields::try_from(&d).expect("group"))
        .expect("insert group");
    let mut reps: Vec<(i64, i64)> = Vec::new(); // (org, the person representing in 2027)
    for i in 0..10_000usize {
        let d = OrgDraft {
            name: format!("Organisation {i}"),
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
        let people: Vec<i64> = (0..5)
            .map(|k| {
                let d = PersonDraft {
                    name: format!("Person {i} {k}"),
                    organisation_id: org,
                    ..PersonDraft::default()
                };
                store::people::insert(conn, &PersonFields::try_from(&d).expect("person"))
                    .expect("insert person")
            })
            .collect();
        let appoint = |p: i64, role, from: NaiveDate, ended: Option<NaiveDate>| {
            let place = store::appointments::Place {
                group_id: county,
                org_id: org,
                role,
                seat_id: seat_of(role),
            };
            let id = store::appointments::insert(conn, p, place, from, None).expect("appoint");
            if let Some(e) = ended {
                store::appointments::end(conn, id, e).expect("end");
            }
        };
        // One organisation in ten changes representative on 1 July 2027.
        if i % 10 == 0 {
            appoint(
                people[0],
                Role::Representative,
                day(2008, 1, 1),
                Some(day(2027, 6, 30)),
            );
            appoint(people[1], Role::Representative, day(2027, 7, 1), None);
            reps.push((org, people[1]));
        } else {
            appoint(people[0], Role::Representative, day(2008, 1, 1), None);
            reps.push((org, people[0]));
        }
        if i % 20 != 0 {
            appoint(people[2], Role::Substitute, day(2008, 1, 1), None);
        }
    }
    let now = "2027-12-31T12:00:00Z";
    for year in 2008..=2027 {
        for (q, month) in [2u32, 5, 9, 11].into_iter().enumerate() {
            let f = MeetingFields {
                group_id: county,
                date: day(year, month, 12),
                start: "13:00".parse().expect("time"),
                end: "15:00".parse().expect("time"),
                place: None,
                online_link: None,
                agenda: None,
                status: MeetingStatus::Held,
                extra: false,
            };
            let uid = format!("{year}-{q}-0000000000000000@bench");
            let m = store::meetings::insert(conn, &f, &uid, now).expect("meeting");
            for (n, (_, person)) in reps.iter().enumerate() {
                let status = match n % 4 {
                    0 | 1 => AttendanceStatus::Present,
                    2 => AttendanceStatus::Excused,
                    _ => AttendanceStatus::Absent,
                };
                store::meetings::set_attendance(conn, m, *person, status, None).expect("attend");
            }
        }
    }
    conn.execute_batch("COMMIT").expect("commit");
}

/// Bumped whenever `generate` changes, so a cached register of another shape is not used.
const GENERATION: u32 = 1;

/// The big register, built once and kept in the temporary folder under a name keyed by the
/// generator's version and the schema's, then copied for each run (opening backs it up and
/// locks it beside itself). Building it takes minutes; it is no part of what is measured.
fn register(dir: &std::path::Path) -> (Register, i64) {
    let cached = std::env::temp_dir().join(format!(
        "samverkan-bench-report-g{GENERATION}-s{}.sqlite3",
        store::latest_version()
    ));
    if !cached.exists() {
        let building = dir.join("building.sqlite3");
        let reg = Register::create(&building, &Template::empty()).expect("create");
        generate(&reg);
        reg.connection()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .expect("checkpoint");
        drop(reg);
        let part = cached.with_extension("part");
        std::fs::copy(&building, &part).expect("cache the register");
        std::fs::rename(&part, &cached).expect("cache the register");
    }
    let path = dir.join("register.sqlite3");
    std::fs::copy(&cached, &path).expect("copy the cached register");
    let reg = Register::open(&path).expect("open");
    let county = store::groups::list(reg.connection())
        .expect("groups")
        .into_iter()
        .find(|g| g.name.as_str() == "Länsgruppen")
        .expect("the county group")
        .id;
    (reg, county)
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (reg, county) = register(dir.path());
    let today = day(2028, 1, 15);
    let mut g = c.benchmark_group("report");
    g.sample_size(10);
    g.bench_function("figures_2027_with_2026_10k_orgs_20_years", |b| {
        b.iter(|| {
            black_box(
                reg.year_report(2027, Some(county), Some(2026), today, Lang::Sv)
                    .expect("report"),
            )
        })
    });
    let report = reg
        .year_report(2027, Some(county), Some(2026), today, Lang::Sv)
        .expect("report");
    let created: DateTime<Utc> = "2028-01-15T09:00:00Z".parse().expect("time");
    let fonts = samverkan::pdf::fonts().expect("fonts");
    g.bench_function("pdf_layout_2027_10k_orgs", |b| {
        b.iter(|| {
            black_box(
                samverkan::report::pdf::layout_document(&report, Lang::Sv, fonts, created)
                    .expect("layout"),
            )
        })
    });
    g.bench_function("pdf_2027_10k_orgs", |b| {
        b.iter(|| {
            black_box(samverkan::report::pdf::document(&report, Lang::Sv, created).expect("pdf"))
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
