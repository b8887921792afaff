//! Builds a register of a given size through the core, for `scripts/measure-ui.sh` and the
//! e2e test at scale: the Dalarna template (30 organisations), then organisations up to the
//! number asked, each seated in the county group with `people` people (default 2) and its
//! representative appointed; its substitute too, except in one organisation in three, so
//! Översikt has empty seats to list. One transaction.
//!
//! With `all` after the number of people, the template's own organisations are staffed the same
//! way (so that a register of 30 has people and appointments too).
//!
//! `cargo run --example scale_register -- PATH ORGANISATIONS [PEOPLE_PER_ORGANISATION [all]]`

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use samverkan::model::{GroupKind, OrgDraft, OrgFields, OrgKind, PersonDraft, PersonFields, Role};
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

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(Ok(orgs))) = (args.first(), args.get(1).map(|n| n.parse::<usize>()))
    else {
        eprintln!("usage: scale_register PATH ORGANISATIONS [PEOPLE_PER_ORGANISATION [all]]");
        return ExitCode::from(2);
    };
    let people = args
        .get(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(2usize)
        .max(1);
    let all = args.get(3).is_some_and(|a| a == "all");
    match build(&PathBuf::from(path), orgs, people, all) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("scale_register: {e}");
            ExitCode::FAILURE
        }
    }
}

fn build(
    path: &std::path::Path,
    orgs: usize,
    people: usize,
    all: bool,
) -> Result<(), samverkan::Error> {
    let reg = Register::create(path, &Template::dalarna())?;
    let conn = reg.connection();
    let county = store::groups::list(conn)?
        .into_iter()
        .find(|g| g.kind == GroupKind::County && g.one_per_org)
        .map(|g| g.id)
        .ok_or_else(|| samverkan::Error::NotFound {
            what: samverkan::error::Entity::Group,
            query: "county group".into(),
        })?;
    let from = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    let have = reg.info()?.organisations;
    conn.execute_batch("BEGIN")?;
    // The template's organisations (already seated in the county group), when asked for.
    let mut template: Vec<i64> = Vec::new();
    if all {
        for o in store::report::organisations(conn)? {
            if store::seats::own(conn, county, o.id, Role::Representative)?.is_some() {
                template.push(o.id);
            }
        }
    }
    let first = have - template.len();
    for i in first..orgs.max(have) {
        let org = if let Some(&id) = template.get(i - first) {
            id
        } else {
            let d = OrgDraft {
                name: format!("{} organisation {i}", LAST[i % LAST.len()]),
                kind: OrgKind::ALL[i % OrgKind::ALL.len()],
                active: true,
                ..OrgDraft::default()
            };
            let org = store::organisations::insert(conn, &OrgFields::try_from(&d)?)?;
            store::organisations::add_seat(conn, county, org)?;
            org
        };
        let ids: Vec<i64> = (0..people)
            .map(|k| {
                let n = i * people + k;
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
                store::people::insert(conn, &PersonFields::try_from(&d)?)
            })
            .collect::<Result<_, _>>()?;
        let roles: &[Role] = if i % 3 == 0 {
            &[Role::Representative]
        } else {
            &[Role::Representative, Role::Substitute]
        };
        for (role, person) in roles.iter().zip(ids.iter().cycle()) {
            let seat = store::seats::own(conn, county, org, *role)?.map(|s| s.id);
            let place = store::appointments::Place {
                group_id: county,
                org_id: org,
                role: *role,
                seat_id: seat,
            };
            store::appointments::insert(conn, *person, place, from, None)?;
        }
    }
    conn.execute_batch("COMMIT")?;
    let info = reg.info()?;
    println!(
        "{}: {} organisations, {} people, {} appointments",
        path.display(),
        info.organisations,
        info.people,
        info.appointments
    );
    Ok(())
}
