//! Benchmarks of the mandate forms at the sizes the issue names: one form (from the register
//! to PDF bytes on disk, recorded), and the 30 forms of the Dalarna county group in one
//! process (one file each plus the combined file). Also prints the size of a single form.

use chrono::{NaiveDate, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use samverkan::model::{AppointRequest, ContactDraft, PersonDraft, PrincipalDraft, Role};
use samverkan::register::{FormOptions, OrgQuery};
use samverkan::{Lang, Register, Template};

fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

/// The Dalarna template with every county-group organisation given a representative, a
/// substitute, a principal and three internal contacts.
fn dalarna(dir: &std::path::Path) -> (Register, i64) {
    let mut reg = Register::create(&dir.join("r.sqlite3"), &Template::dalarna()).expect("create");
    let group = reg.find_group("Länsgruppen").expect("group");
    // The template seats 29; the coordinator's own authority makes the thirtieth.
    let lst = reg
        .find_org("Länsstyrelsen Dalarna")
        .expect("Länsstyrelsen");
    reg.seat_org(group, lst).expect("seat");
    let orgs = reg
        .orgs(&OrgQuery {
            group_id: Some(group),
            ..OrgQuery::default()
        })
        .expect("orgs");
    for (i, o) in orgs.iter().enumerate() {
        for (n, role) in [(0, Role::Representative), (1, Role::Substitute)] {
            let p = reg
                .add_person(&PersonDraft {
                    name: format!("Märta Ödegård-Ibáñez {i}-{n}"),
                    title: Some("Enhetschef".into()),
                    organisation_id: o.id,
                    email: Some(format!("person{i}.{n}@example.se")),
                    phone: Some("023-83 000".into()),
                    ..PersonDraft::default()
                })
                .expect("person");
            reg.appoint(&AppointRequest {
                person_id: p.id,
                group_id: group,
                role,
                seat_id: None,
                organisation_id: None,
                from: day("2026-01-01"),
                to: Some(day("2027-12-31")),
                replace: false,
            })
            .expect("appoint");
        }
        reg.set_principal(
            o.id,
            &PrincipalDraft {
                name: format!("Chef {i}"),
                title: Some("Förvaltningschef".into()),
                ..PrincipalDraft::default()
            },
        )
        .expect("principal");
        for c in ["Individ- och familjeomsorg", "Äldreomsorg", "Skola"] {
            reg.add_contact(
                o.id,
                &ContactDraft {
                    function: c.into(),
                    name: format!("Kontakt {i}"),
                    email: Some(format!("kontakt{i}@example.se")),
                    phone: None,
                    protected: false,
                },
            )
            .expect("contact");
        }
    }
    (reg, group)
}

fn forms(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut reg, group) = dalarna(dir.path());
    let falun = reg.find_org("Falu kommun").expect("Falun");
    let opts = FormOptions {
        lang: Lang::Sv,
        today: day("2026-11-22"),
        now: Utc::now(),
        on: None,
    };
    let out = dir.path().join("falun.pdf");
    let one = reg.print_form(falun, group, &out, opts).expect("print");
    eprintln!("single form: {} bytes, {} pages", one.bytes, one.pages);

    c.bench_function("forms/one form to a file", |b| {
        b.iter(|| reg.print_form(falun, group, &out, opts).expect("print"))
    });
    // Where the time of one form goes: reading the register, laying out, rendering the PDF.
    let wording = reg.form_wording(Lang::Sv).expect("wording").wording;
    let fonts = samverkan::pdf::fonts().expect("fonts");
    c.bench_function("forms/one form: data from the register", |b| {
        b.iter(|| {
            reg.form_data(falun, group, Lang::Sv, opts.today)
                .expect("data")
        })
    });
    let data = reg
        .form_data(falun, group, Lang::Sv, opts.today)
        .expect("data");
    c.bench_function("forms/one form: layout", |b| {
        b.iter(|| samverkan::forms::layout(&data, &wording, fonts, opts.now))
    });
    let doc = samverkan::forms::layout(&data, &wording, fonts, opts.now);
    c.bench_function("forms/one form: PDF rendering", |b| {
        b.iter(|| samverkan::pdf::to_pdf(&doc).expect("pdf"))
    });
    let mut g = c.benchmark_group("forms");
    g.sample_size(10);
    g.bench_function("30 county-group forms plus the combined file", |b| {
        b.iter(|| {
            let outcome = reg
                .print_forms(
                    group,
                    &dir.path().join("all"),
                    Some(&dir.path().join("all.pdf")),
                    false,
                    opts,
                    &mut |_, _, _| true,
                )
                .expect("batch");
            assert_eq!((outcome.forms.len(), outcome.total), (30, 30));
        })
    });
    g.finish();
}

criterion_group!(benches, forms);
criterion_main!(benches);
