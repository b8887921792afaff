//! Printed documents as a reader copies them out: in a realistic county group every name,
//! title and e-mail address of the roster, the forms and the attendance list comes out of the
//! PDF whole (text extracted with lopdf), never cut inside a word (#12.1).

use chrono::{DateTime, Utc};
use samverkan::export::roster_pdf;
use samverkan::forms::layout;
use samverkan::model::{AppointRequest, PersonDraft, Role};
use samverkan::pdf::{Document, fonts, overruns, to_pdf};
use samverkan::register::OrgQuery;
use samverkan::{Lang, Register};

use crate::support::{Fixture, day, pdf_text, today};

fn now() -> DateTime<Utc> {
    "2026-11-22T10:00:00Z".parse().expect("time")
}

const FIRST: [&str; 14] = [
    "Ann-Charlotte",
    "Karl-Johan",
    "Märta",
    "Åsa",
    "Per-Olof",
    "Ingrid",
    "Björn",
    "Marie-Louise",
    "Göran",
    "Elisabeth",
    "Jan-Erik",
    "Birgitta",
    "Lars-Åke",
    "Ulrika",
];
const LAST: [&str; 14] = [
    "Wahlström-Håkansson",
    "Håkansson",
    "Ödegård-Lindqvist",
    "Östlund",
    "Fredriksson-Sjöberg",
    "Järvenpää",
    "Gustafsson",
    "Skoglund-Nyström",
    "Björklund",
    "Hedström",
    "Lindqvist-Söderberg",
    "Mattsson",
    "Åkerlund",
    "Karlsson",
];
const TITLES: [&str; 7] = [
    "Verksamhetssamordnare",
    "Enhetschef individ- och familjeomsorgen",
    "Utvecklingsstrateg socialtjänsten",
    "Socialsekreterare",
    "Samordnare våld i nära relationer",
    "Folkhälsostrateg",
    "Förvaltningschef socialförvaltningen",
];

/// A domain for the organisation: "borlange.se" for Borlänge kommun.
fn domain(org: &str) -> String {
    let stem = org
        .split(' ')
        .next()
        .unwrap_or(org)
        .trim_end_matches('s')
        .to_lowercase();
    let ascii: String = stem
        .chars()
        .map(|c| match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            c => c,
        })
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    format!("{ascii}.se")
}

/// The county group of the Dalarna template with a representative and a substitute for
/// each of its first 28 organisations: 56 people, names, titles and long municipal
/// addresses as they are written.
fn county_group(reg: &mut Register) -> (i64, Vec<(String, String, String)>) {
    let group = reg.find_group("Länsgruppen").expect("county group");
    let orgs = reg
        .orgs(&OrgQuery {
            group_id: Some(group),
            ..OrgQuery::default()
        })
        .expect("orgs");
    assert!(orgs.len() >= 28, "{} organisations", orgs.len());
    let mut people = Vec::new();
    for (i, org) in orgs.iter().take(28).enumerate() {
        for (k, role) in [Role::Representative, Role::Substitute]
            .into_iter()
            .enumerate()
        {
            let n = 2 * i + k;
            let name = format!("{} {}", FIRST[n % 14], LAST[(n / 2 + n) % 14]);
            let title = TITLES[n % 7].to_owned();
            let d = domain(org.name.as_str());
            let email = match (k, i % 3) {
                (0, _) => format!("forvaltningschef.socialtjansten@{d}"),
                (_, 0) => format!(
                    "{}.{}@{d}",
                    FIRST[n % 14].to_lowercase().replace(['å', 'ä'], "a"),
                    "wahlstrom-hakansson"
                ),
                (_, 1) => format!("individ.och.familjeomsorgen.samordning@{d}"),
                _ => format!("valdinararelationer.kontaktperson{n}@{d}"),
            };
            let p = reg
                .add_person(&PersonDraft {
                    name: name.clone(),
                    title: Some(title.clone()),
                    organisation_id: org.id,
                    email: Some(email.clone()),
                    phone: Some("070-101 11 21".into()),
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
                to: None,
                replace: false,
            })
            .expect("appoint");
            people.push((name, title, email));
        }
    }
    (group, people)
}

/// Whether `value` is drawn whole: as one run of text, or as consecutive runs (the lines of
/// one cell) that give it back joined by spaces, that is wrapped at its spaces only. A value
/// cut inside a word ("Håkansso" / "n") is not.
fn drawn_whole(runs: &[&str], value: &str) -> bool {
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    (0..runs.len()).any(|i| {
        let mut joined = String::new();
        for run in &runs[i..] {
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(&run.split_whitespace().collect::<Vec<_>>().join(" "));
            if joined == value {
                return true;
            }
            if !value.starts_with(&joined) {
                return false;
            }
        }
        false
    })
}

/// To look at them: SAMVERKAN_TEST_PDFS=/some/folder cargo test --test it printing
fn keep_for_looking(what: &str, bytes: &[u8]) {
    if let Some(dir) = std::env::var_os("SAMVERKAN_TEST_PDFS") {
        let file: String = what
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        std::fs::write(std::path::Path::new(&dir).join(file + ".pdf"), bytes).expect("write");
    }
}

/// Every value is drawn whole (never cut inside a word) and the PDF's text, as copied out,
/// holds each e-mail address whole.
fn assert_whole(what: &str, doc: &Document, emails: &[&str], words: &[&str]) {
    let runs: Vec<&str> = doc.pages.iter().flat_map(|p| p.text()).collect();
    let cut: Vec<&&str> = emails
        .iter()
        .chain(words)
        .filter(|v| !drawn_whole(&runs, v))
        .collect();
    assert!(
        cut.is_empty(),
        "{what}: {} of {} values are cut inside a word: {cut:?}",
        cut.len(),
        emails.len() + words.len()
    );
    assert!(overruns(doc, fonts().expect("fonts")).is_empty(), "{what}");
    let bytes = to_pdf(doc).expect("pdf");
    keep_for_looking(what, &bytes);
    let text = pdf_text(&bytes);
    let lost: Vec<&&str> = emails.iter().filter(|e| !text.contains(**e)).collect();
    assert!(
        lost.is_empty(),
        "{what}: not whole in the PDF's text: {lost:?}"
    );
}

#[test]
fn the_county_groups_roster_gives_every_name_title_and_address_whole() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let (group, people) = county_group(&mut reg);
    let emails: Vec<&str> = people.iter().map(|p| p.2.as_str()).collect();
    assert_eq!(emails.len(), 56);
    assert!(emails.contains(&"forvaltningschef.socialtjansten@borlange.se"));
    let mut words: Vec<&str> = people.iter().map(|p| p.0.as_str()).collect();
    words.extend(TITLES);
    let roster = reg.roster(group, None, today(), &[]).expect("roster");
    assert_eq!(roster.rows.len(), 56);
    for lang in [Lang::Sv, Lang::En] {
        let doc = roster_pdf::roster(&roster, None, lang, fonts().expect("fonts"), now());
        assert_whole(&format!("roster {lang:?}"), &doc, &emails, &words);
    }
}

#[test]
fn every_form_of_the_county_group_gives_names_titles_and_addresses_whole() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let (group, people) = county_group(&mut reg);
    let orgs = reg
        .orgs(&OrgQuery {
            group_id: Some(group),
            ..OrgQuery::default()
        })
        .expect("orgs");
    let wording = reg.form_wording(Lang::Sv).expect("wording").wording;
    let mut runs = Vec::new();
    for org in orgs.iter().take(28) {
        let data = reg
            .form_data(org.id, group, Lang::Sv, today())
            .expect("form data");
        let doc = layout(&data, &wording, fonts().expect("fonts"), now());
        assert!(overruns(&doc, fonts().expect("fonts")).is_empty());
        keep_for_looking(
            &format!("form {}", org.name.as_str()),
            &to_pdf(&doc).expect("pdf"),
        );
        runs.extend(doc.pages.iter().flat_map(|p| p.text()).map(str::to_owned));
    }
    let runs: Vec<&str> = runs.iter().map(String::as_str).collect();
    for (name, title, email) in &people {
        for v in [name, title, email] {
            assert!(drawn_whole(&runs, v), "forms: {v:?} is cut inside a word");
        }
    }
}

#[test]
fn the_attendance_list_gives_every_name_whole() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let (group, people) = county_group(&mut reg);
    drop(reg);
    let meeting = f.json(&[
        "meeting",
        "add",
        "--group=Länsgruppen",
        "--date=2027-03-10",
        "--place=Länsstyrelsen Dalarna, sammanträdesrum Dalälven, Åsgatan 38, Falun",
        "--link=https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ2ZTY4OGYtYjM5Mi00@thread.v2/0?context=%7b%22Tid%22%3a%22e9f2%22%7d",
    ]);
    let reg = f.open();
    let m = reg
        .meeting(meeting["id"].as_i64().expect("id"))
        .expect("meeting");
    let roster = reg.roster(group, Some(m.id), m.date, &[]).expect("roster");
    let doc =
        roster_pdf::attendance_list(&m, &roster, None, Lang::Sv, fonts().expect("fonts"), now());
    let names: Vec<&str> = people.iter().map(|p| p.0.as_str()).collect();
    assert_whole("attendance list", &doc, &[], &names);
    let text = pdf_text(&to_pdf(&doc).expect("pdf"));

    // #12.4: a paper sheet says where the link is, not the link.
    assert!(!text.contains("meetup-join"), "{text}");
    assert!(
        text.contains("Möteslänk finns i kallelsen (teams.microsoft.com)"),
        "{text}"
    );
    // The running head of every later page is whole, on two lines, never cut with "…".
    assert!(doc.pages.len() >= 3, "{} pages", doc.pages.len());
    assert!(!text.contains('…'), "{text}");
    let place = "Åsgatan 38, Falun";
    assert_eq!(
        text.matches(place).count(),
        doc.pages.len(),
        "the place under the title and in each running head: {text}"
    );
    assert!(overruns(&doc, fonts().expect("fonts")).is_empty());
}
