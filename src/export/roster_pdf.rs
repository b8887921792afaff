//! Rosters and attendance lists as printed documents: a [`Roster`] (and the meeting) in, a
//! drawing list out. Pure: no register, no clock, no PDF library (see `pdf/`).
//!
//! - The member roster: organisation, role, name, title, e-mail, phone, on A4 landscape.
//! - The attendance list to sign at a meeting: organisation, name, role and an empty signature
//!   column wide and tall enough to sign in, with blank rows for those who are not on the
//!   list; the group, date, time and place head the first page and run at the top of the
//!   others.
//!
//! Both repeat the table header on every page and number the pages "Sida n av N".

use chrono::{DateTime, Utc};

use super::roster::Roster;
use crate::error::Error;
use crate::lang::Lang;
use crate::model::Meeting;
use crate::pdf::{
    Column, DocInfo, Document, Flow, Fonts, PageSetup, Style, Table, TitleBlock, page_label,
};

/// Blank rows at the end of an attendance list, for stand-ins and guests.
pub const BLANK_ROWS: usize = 4;
/// The height of a row to sign in, in points (about 11 mm).
const SIGN_ROW: f32 = 31.0;

fn printed_on(lang: Lang, created: DateTime<Utc>) -> String {
    format!(
        "{} {}",
        lang.pick("Utskriven", "Printed"),
        created.format("%Y-%m-%d")
    )
}

/// A roster's title, the same in every format: "Deltagarlista – Länsgruppen 2027-03-01".
pub fn title(roster: &Roster, lang: Lang) -> String {
    format!(
        "{} – {} {}",
        lang.pick("Deltagarlista", "Roster"),
        roster.group_name,
        roster.day
    )
}

/// The member roster of a group on a day.
pub fn roster(
    roster: &Roster,
    network: Option<&str>,
    lang: Lang,
    fonts: &Fonts,
    created: DateTime<Utc>,
) -> Document {
    let t = |sv: &'static str, en: &'static str| lang.pick(sv, en);
    let setup = PageSetup::a4_landscape();
    let mut flow = Flow::new(fonts, setup);
    let day = lang.long_date(roster.day);
    let people = roster.people().len();
    let count = match (lang, people) {
        (Lang::Sv, 1) => "1 person".to_owned(),
        (Lang::Sv, n) => format!("{n} personer"),
        (Lang::En, 1) => "1 person".to_owned(),
        (Lang::En, n) => format!("{n} people"),
    };
    flow.title_block(&TitleBlock {
        kicker: t("DELTAGARLISTA", "ROSTER"),
        corner: &printed_on(lang, created),
        network,
        title: &roster.group_name,
        under: &[format!(
            "{} {day} · {count}",
            t("Ledamöter och ersättare den", "Members and substitutes on")
        )],
        under_size: 11.0,
    });
    flow.space(6.0);
    let [org, role, name, title, email, phone] = Roster::headers(lang);
    let table = Table {
        columns: vec![
            Column::new(org, 2.0),
            Column::new(role, 1.1),
            Column::new(name, 1.6),
            Column::new(title, 1.8),
            Column::new(email, 2.1),
            Column::new(phone, 1.2),
        ],
        rows: roster.cells(lang).map(Vec::from).collect(),
        size: 8.0,
        min_row: 0.0,
    };
    if table.rows.is_empty() {
        flow.paragraph(
            Style::Regular,
            10.0,
            0.0,
            t(
                "Gruppen har inga ledamöter den dagen.",
                "The group has no members on that day.",
            ),
        );
    } else {
        flow.table(&table);
    }
    let footer = format!(
        "{} · {} · {}",
        t("Deltagarlista", "Roster"),
        roster.group_name,
        roster.day
    );
    let head = footer.clone();
    let pages = flow.finish_with_head(&head, &footer, page_label(lang));
    let info = DocInfo {
        title: self::title(roster, lang),
        author: network.unwrap_or("").to_owned(),
        subject: format!(
            "{} {} {day}",
            t("Ledamöter i", "Members of"),
            roster.group_name
        ),
        created,
        lang,
    };
    Document::new(setup, info, pages)
}

/// When and where a meeting is, in one line: "tisdag 9 mars 2027 kl. 13.00–16.00".
pub(crate) fn when(meeting: &Meeting, lang: Lang) -> String {
    format!(
        "{} {} {}–{}",
        lang.long_date(meeting.date),
        lang.pick("kl.", "at"),
        lang.clock(&meeting.start),
        lang.clock(&meeting.end)
    )
}

/// What a sign-in sheet says of a meeting's online link: a paper sheet cannot be clicked,
/// so only that the link is in the invitation, with the host it leads to when the link has
/// one ("Möteslänk finns i kallelsen (teams.microsoft.com)").
fn online_note(link: &str, lang: Lang) -> String {
    let note = lang.pick(
        "Möteslänk finns i kallelsen",
        "The meeting link is in the invitation",
    );
    match link_host(link) {
        Some(host) => format!("{note} ({host})"),
        None => note.to_owned(),
    }
}

/// The host of a web address ("https://teams.microsoft.com/l/…" gives
/// "teams.microsoft.com"), without user, port or "www."; `None` for what is not such an
/// address or has an implausible host.
fn link_host(link: &str) -> Option<String> {
    let rest = link.trim().split_once("://").map(|(_, r)| r)?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = host.split(':').next()?.trim_start_matches("www.");
    let plausible = !host.is_empty()
        && host.len() <= 60
        && host.contains('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'));
    plausible.then(|| host.to_lowercase())
}

/// The attendance list to sign at a meeting. `roster` is the group's roster on the
/// meeting's day (the people invited).
pub fn attendance_list(
    meeting: &Meeting,
    roster: &Roster,
    network: Option<&str>,
    lang: Lang,
    fonts: &Fonts,
    created: DateTime<Utc>,
) -> Document {
    let t = |sv: &'static str, en: &'static str| lang.pick(sv, en);
    let setup = PageSetup::a4();
    let mut flow = Flow::new(fonts, setup);
    let when = when(meeting, lang);
    let mut lines = vec![when.clone()];
    if let Some(p) = meeting.place.as_deref().filter(|p| !p.is_empty()) {
        lines.push(format!("{}: {p}", t("Plats", "Place")));
    }
    if let Some(l) = meeting.online_link.as_deref().filter(|l| !l.is_empty()) {
        lines.push(online_note(l, lang));
    }
    flow.title_block(&TitleBlock {
        kicker: t("NÄRVAROLISTA", "ATTENDANCE LIST"),
        corner: &printed_on(lang, created),
        network,
        title: &meeting.group_name,
        under: &lines,
        under_size: 11.0,
    });
    flow.space(6.0);
    flow.paragraph(
        Style::Regular,
        9.0,
        0.0,
        t(
            "Skriv under på din rad. Den som ersätter någon eller inte står med skriver sitt namn och sin organisation på en tom rad sist.",
            "Sign on your line. If you stand in for someone or are not listed, write your name and organisation on a blank line at the end.",
        ),
    );
    flow.space(8.0);
    let [org, role, name, ..] = Roster::headers(lang);
    let mut rows: Vec<Vec<String>> = roster
        .rows
        .iter()
        .map(|r| {
            vec![
                r.organisation.clone(),
                r.name.clone(),
                r.role.label(lang).to_owned(),
                String::new(),
            ]
        })
        .collect();
    rows.extend(std::iter::repeat_n(vec![String::new(); 4], BLANK_ROWS));
    // The blank rows stay on the page of the last name, so that no page holds only the
    // header and a blank row.
    flow.table_keeping_tail(
        &Table {
            columns: vec![
                Column::new(org, 1.5),
                Column::new(name, 1.5),
                Column::new(role, 1.1),
                Column::new(t("Underskrift", "Signature"), 2.2),
            ],
            rows,
            size: 9.0,
            min_row: SIGN_ROW,
        },
        BLANK_ROWS,
    );
    let place = meeting
        .place
        .as_deref()
        .filter(|p| !p.is_empty())
        .map(|p| format!(" · {p}"))
        .unwrap_or_default();
    // The running head says what a loose page belongs to; without the place when the
    // whole does not fit on two lines (the first page has it all).
    let short_head = format!(
        "{} · {} · {when}",
        t("Närvarolista", "Attendance list"),
        meeting.group_name
    );
    let head = format!("{short_head}{place}");
    let footer = format!(
        "{} · {} · {}",
        t("Närvarolista", "Attendance list"),
        meeting.group_name,
        meeting.date
    );
    let pages = flow.finish_with_heads(&[&head, &short_head], &footer, page_label(lang));
    let info = DocInfo {
        title: format!(
            "{} – {} {}",
            t("Närvarolista", "Attendance list"),
            meeting.group_name,
            meeting.date
        ),
        author: network.unwrap_or("").to_owned(),
        subject: format!("{} {when}", t("Möte", "Meeting")),
        created,
        lang,
    };
    Document::new(setup, info, pages)
}

/// Refuses, naming the character and where it is, a document the font cannot draw.
pub fn check_printable(
    roster: &Roster,
    meeting: Option<&Meeting>,
    network: Option<&str>,
    lang: Lang,
    fonts: &Fonts,
) -> Result<(), Error> {
    let [org, role, name, title, email, phone] = Roster::headers(lang);
    let mut fields: Vec<(String, &str)> = vec![
        (lang.pick("Grupp", "Group").to_owned(), &roster.group_name),
        (
            lang.pick("Nätverkets namn", "Network name").to_owned(),
            network.unwrap_or(""),
        ),
    ];
    if let Some(m) = meeting {
        for (label, v) in [
            (lang.pick("Plats", "Place"), &m.place),
            (lang.pick("Länk", "Link"), &m.online_link),
        ] {
            fields.push((label.to_owned(), v.as_deref().unwrap_or("")));
        }
    }
    for r in &roster.rows {
        let of = |label: &str| format!("{label} ({})", r.name);
        fields.push((of(org), &r.organisation));
        fields.push((of(role), r.role.label(lang)));
        fields.push((name.to_owned(), &r.name));
        for (label, v) in [(title, &r.title), (email, &r.email), (phone, &r.phone)] {
            fields.push((of(label), v.as_deref().unwrap_or("")));
        }
    }
    for (field, value) in fields {
        if let Err(m) = fonts.check(value) {
            return Err(Error::Unprintable { ch: m.0, field });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone};

    use super::*;
    use crate::export::roster::RosterRow;
    use crate::model::{MeetingStatus, Role};

    fn fonts() -> &'static Fonts {
        Fonts::get().expect("fonts")
    }

    fn created() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0)
            .single()
            .expect("time")
    }

    fn big_roster(n: usize) -> Roster {
        Roster {
            group_id: 1,
            group_name: "Länsgruppen MVK".into(),
            day: NaiveDate::from_ymd_opt(2027, 3, 9).expect("day"),
            meeting_id: Some(7),
            rows: (0..n)
                .map(|i| RosterRow {
                    person_id: i as i64 + 1,
                    organisation: format!("Organisation {i:03}"),
                    role: if i % 2 == 0 {
                        Role::Representative
                    } else {
                        Role::Substitute
                    },
                    name: format!("Person {i:03}"),
                    title: Some("Samordnare".into()),
                    email: Some(format!("p{i}@example.se")),
                    phone: None,
                    protected: false,
                })
                .collect(),
            protected_left_out: 0,
            left_out: vec![],
        }
    }

    fn meeting() -> Meeting {
        Meeting {
            id: 7,
            group_id: 1,
            group_name: "Länsgruppen MVK".into(),
            date: NaiveDate::from_ymd_opt(2027, 3, 9).expect("day"),
            start: "13:00".into(),
            end: "16:00".into(),
            place: Some("Länsstyrelsen, Falun".into()),
            online_link: None,
            agenda: None,
            status: MeetingStatus::Planned,
            extra: false,
            uid: "x@samverkan".into(),
            sequence: 0,
            updated_at: "2026-11-23T10:00:00Z".into(),
        }
    }

    fn count(doc: &Document, page: usize, s: &str) -> usize {
        doc.pages[page]
            .text()
            .iter()
            .filter(|t| t.contains(s))
            .count()
    }

    #[test]
    fn a_long_attendance_list_heads_every_page_with_the_meeting_and_the_columns() {
        let doc = attendance_list(
            &meeting(),
            &big_roster(70),
            None,
            Lang::Sv,
            fonts(),
            created(),
        );
        assert!(doc.pages.len() >= 3, "{} pages", doc.pages.len());
        let total = doc.pages.len();
        for p in 0..total {
            assert_eq!(
                count(&doc, p, "Underskrift"),
                1,
                "column header on page {}",
                p + 1
            );
            assert!(
                count(&doc, p, "tisdag 9 mars 2027 kl. 13.00–16.00") >= 1,
                "meeting on page {}",
                p + 1
            );
            assert!(
                count(&doc, p, "Länsstyrelsen, Falun") >= 1,
                "place on page {}",
                p + 1
            );
            assert_eq!(count(&doc, p, &format!("Sida {} av {total}", p + 1)), 1);
        }
        let people: usize = (0..total).map(|p| count(&doc, p, "Person ")).sum();
        assert_eq!(people, 70, "every invited person once");
    }

    #[test]
    fn signature_rows_are_tall_enough_to_sign_and_blank_rows_follow() {
        let doc = attendance_list(
            &meeting(),
            &big_roster(2),
            None,
            Lang::En,
            fonts(),
            created(),
        );
        assert_eq!(doc.pages.len(), 1);
        let rects: Vec<f32> = doc.pages[0]
            .items
            .iter()
            .filter_map(|i| match i {
                crate::pdf::Item::Rect { h, fill: None, .. } => Some(*h),
                _ => None,
            })
            .collect();
        // Two people and the blank rows, each at least 11 mm tall.
        assert_eq!(rects.len(), 2 + BLANK_ROWS);
        assert!(rects.iter().all(|h| *h >= SIGN_ROW - 0.01), "{rects:?}");
        assert_eq!(count(&doc, 0, "Signature"), 1);
        assert_eq!(count(&doc, 0, "Tuesday 9 March 2027 at 13:00–16:00"), 1);
    }

    fn people_on(doc: &Document, page: usize) -> usize {
        count(doc, page, "Person ")
    }

    #[test]
    fn no_page_of_an_attendance_list_holds_only_the_header_and_blank_rows() {
        // #12.4: for every length of list, the blank rows stay with the last names.
        for n in 1..=70 {
            let doc = attendance_list(
                &meeting(),
                &big_roster(n),
                None,
                Lang::Sv,
                fonts(),
                created(),
            );
            for p in 0..doc.pages.len() {
                assert!(
                    people_on(&doc, p) > 0,
                    "{n} people: page {} of {} has no name",
                    p + 1,
                    doc.pages.len()
                );
            }
            let blank = doc
                .pages
                .iter()
                .flat_map(|p| &p.items)
                .filter(|i| matches!(i, crate::pdf::Item::Rect { fill: None, .. }))
                .count();
            assert_eq!(blank, n + BLANK_ROWS, "{n} people: every row drawn");
        }
    }

    #[test]
    fn a_long_running_head_wraps_instead_of_being_cut() {
        let mut m = meeting();
        m.place = Some(
            "Länsstyrelsen Dalarna, sammanträdesrum Dalälven, plan 3, Åsgatan 38, Falun".into(),
        );
        m.group_name = "Länsgruppen för samverkan mot mäns våld mot kvinnor i Dalarna".into();
        let doc = attendance_list(&m, &big_roster(40), None, Lang::Sv, fonts(), created());
        assert!(doc.pages.len() >= 2);
        for page in &doc.pages[1..] {
            let text = page.text().join(" ");
            assert!(!text.contains('…'), "{text}");
            assert!(text.contains("Åsgatan 38, Falun"), "{text}");
        }
        assert!(crate::pdf::overruns(&doc, fonts()).is_empty());
        // A head too long for two lines drops the place (the first page has it all).
        m.place = Some("Lokal ".repeat(40).trim().to_owned());
        let doc = attendance_list(&m, &big_roster(40), None, Lang::Sv, fonts(), created());
        let text = doc.pages[1].text().join(" ");
        assert!(!text.contains('…') && !text.contains("Lokal"), "{text}");
        assert!(text.contains("tisdag 9 mars 2027"), "{text}");
        assert!(crate::pdf::overruns(&doc, fonts()).is_empty());
    }

    #[test]
    fn a_sign_in_sheet_names_the_links_host_not_the_link() {
        assert_eq!(
            link_host("https://teams.microsoft.com/l/meetup-join/19%3a@thread.v2/0?x=1").as_deref(),
            Some("teams.microsoft.com")
        );
        assert_eq!(
            link_host("https://user@www.Zoom.us:443/j/1").as_deref(),
            Some("zoom.us")
        );
        assert_eq!(link_host("Se kallelsen"), None);
        let mut m = meeting();
        m.online_link = Some("https://meet.example.se/mvk?id=1,2&pwd=hemligt".into());
        let doc = attendance_list(&m, &big_roster(3), None, Lang::Sv, fonts(), created());
        let text = doc.pages[0].text().join(" ");
        assert!(
            text.contains("Möteslänk finns i kallelsen (meet.example.se)"),
            "{text}"
        );
        assert!(!text.contains("hemligt"), "{text}");
    }

    #[test]
    fn the_roster_lists_everyone_on_landscape_pages_with_the_header_repeated() {
        let doc = roster(
            &big_roster(120),
            Some("Nätverket"),
            Lang::Sv,
            fonts(),
            created(),
        );
        assert!(doc.width > doc.height, "landscape");
        assert!(doc.pages.len() >= 3);
        for p in 0..doc.pages.len() {
            assert_eq!(count(&doc, p, "E-post"), 1, "header on page {}", p + 1);
        }
        let people: usize = (0..doc.pages.len())
            .map(|p| count(&doc, p, "Person "))
            .sum();
        assert_eq!(people, 120);
        assert_eq!(doc.info.author, "Nätverket");
        assert!(doc.info.title.contains("Länsgruppen MVK"));
    }

    #[test]
    fn an_empty_roster_says_so_instead_of_an_empty_table() {
        let doc = roster(&big_roster(0), None, Lang::Sv, fonts(), created());
        assert_eq!(doc.pages.len(), 1);
        assert_eq!(count(&doc, 0, "Gruppen har inga ledamöter den dagen."), 1);
        assert_eq!(count(&doc, 0, "E-post"), 0);
    }

    #[test]
    fn a_character_the_font_cannot_draw_is_named_with_its_field() {
        let mut r = big_roster(3);
        r.rows[1].title = Some("Samordnare 漢".into());
        let err =
            check_printable(&r, Some(&meeting()), None, Lang::Sv, fonts()).expect_err("refused");
        match err {
            Error::Unprintable { ch, field } => {
                assert_eq!(ch, '漢');
                assert_eq!(field, "Titel (Person 001)");
            }
            other => panic!("{other:?}"),
        }
        assert!(check_printable(&big_roster(3), None, None, Lang::Sv, fonts()).is_ok());
    }
}
