//! Benchmarks of keeping the register safe: a verified backup (VACUUM INTO, integrity check,
//! SHA-256) and the integrity check of a register with 10,000 people, and a dry run and a
//! real import of 10,000 CSV rows, and a dry run of 100,000 (1,000 people per organisation:
//! where a per-row scan of an organisation's people showed).

use std::hint::black_box;

use chrono::Utc;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use samverkan::import::ImportChoices;
use samverkan::register::{Columns, read_sheet};
use samverkan::{Lang, Register, Template};

/// `rows` rows over 100 organisations: name, e-mail and phone each.
fn csv(rows: usize) -> String {
    let mut s = String::from("Organisation;Förnamn;Efternamn;E-post;Telefon\n");
    for i in 0..rows {
        s.push_str(&format!(
            "Förening {};Person;Nummer {i};person{i}@example.se;023-{:06}\n",
            i % 100,
            i
        ));
    }
    s
}

/// An import that creates the file's new organisations.
fn create_all(dry_run: bool) -> ImportChoices {
    ImportChoices {
        dry_run,
        create_all_orgs: true,
        ..ImportChoices::default()
    }
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("rows.csv");
    std::fs::write(&file, csv(10_000)).expect("write");
    let today = "2026-11-22".parse().expect("date");

    // A register holding the 10,000 imported people, for backup and check.
    let db = dir.path().join("big.sqlite3");
    let mut big = Register::create(&db, &Template::dalarna()).expect("create");
    let sheet = read_sheet(&file).expect("sheet");
    let cols = Columns::guess(&sheet);
    let r = big
        .import_sheet(
            &sheet,
            &cols,
            &create_all(false),
            Lang::Sv,
            today,
            Utc::now(),
        )
        .expect("import");
    assert!(r.written);

    c.bench_function("backup_verified_10k_people", |b| {
        let mut n = 0;
        b.iter(|| {
            n += 1;
            let out = dir.path().join(format!("copy-{n}.sqlite3"));
            black_box(big.backup(Some(&out), Utc::now()).expect("backup"));
            std::fs::remove_file(&out).expect("remove");
        });
    });
    c.bench_function("integrity_check_10k_people", |b| {
        b.iter(|| black_box(big.check(Utc::now())));
    });
    c.bench_function("import_dry_run_10k_rows", |b| {
        b.iter_batched(
            || {
                let d = tempfile::tempdir().expect("dir");
                let p = d.path().join("r.sqlite3");
                let reg = Register::create(&p, &Template::dalarna()).expect("create");
                (d, reg)
            },
            |(d, mut reg)| {
                black_box(
                    reg.import_file(&file, None, &create_all(true), Lang::Sv, today, Utc::now())
                        .expect("dry run"),
                );
                drop(reg);
                drop(d);
            },
            BatchSize::PerIteration,
        );
    });
    let file_100k = dir.path().join("rows-100k.csv");
    std::fs::write(&file_100k, csv(100_000)).expect("write");
    c.bench_function("import_dry_run_100k_rows", |b| {
        b.iter_batched(
            || {
                let d = tempfile::tempdir().expect("dir");
                let p = d.path().join("r.sqlite3");
                let reg = Register::create(&p, &Template::dalarna()).expect("create");
                (d, reg)
            },
            |(d, mut reg)| {
                let r = reg
                    .import_file(
                        &file_100k,
                        None,
                        &create_all(true),
                        Lang::Sv,
                        today,
                        Utc::now(),
                    )
                    .expect("dry run");
                assert_eq!(r.people_created, 100_000);
                drop(reg);
                drop(d);
            },
            BatchSize::PerIteration,
        );
    });
    c.bench_function("import_10k_rows", |b| {
        b.iter_batched(
            || {
                let d = tempfile::tempdir().expect("dir");
                let p = d.path().join("r.sqlite3");
                let reg = Register::create(&p, &Template::dalarna()).expect("create");
                (d, reg)
            },
            |(d, mut reg)| {
                let r = reg
                    .import_file(&file, None, &create_all(false), Lang::Sv, today, Utc::now())
                    .expect("import");
                assert!(r.written);
                drop(reg);
                drop(d);
            },
            BatchSize::PerIteration,
        );
    });
}

criterion_group! {
    name = safety;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(5));
    targets = benches
}
criterion_main!(safety);
