//! A meeting's minutes (minnesanteckningar) as data in, a printed document out: the attendance
//! as recorded (present, who stood in for whom, excused, absent), per agenda item its notes
//! and decisions, and who took the notes and who checked them. Pure: no register, no clock.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::roster_pdf::when;
use crate::error::Error;
use crate::lang::Lang;
use crate::model::{AgendaKind, AttendanceStatus, Id, Meeting, Role};
use crate::pdf::{
    Column, DocInfo, Document, Flow, Fonts, PageSetup, Style, Table, TitleBlock, page_label,
};

/// Where a meeting's minutes stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MinutesStatus {
    /// Nothing written yet.
    NotStarted,
    Drafted,
    Checked,
    Sent,
}

/// One agenda item with its notes and decisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MinutesItem {
    pub position: u32,
    pub title: String,
    pub kind: AgendaKind,
    pub start: String,
    pub end: String,
    pub presenter_name: Option<String>,
    pub notes: Option<String>,
    pub decisions: Option<String>,
}

/// One person of the attendance, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MinutesAttendee {
    pub person_id: Id,
    pub name: String,
    pub organisation: String,
    pub role: Option<Role>,
    /// `None`: not recorded.
    pub status: Option<AttendanceStatus>,
    /// Stood in for this person.
    pub for_name: Option<String>,
    pub protected: bool,
}

/// Everything the printed minutes show.
#[derive(Debug, Clone)]
pub struct MinutesDoc<'a> {
    pub meeting: &'a Meeting,
    pub network: Option<&'a str>,
    pub items: &'a [MinutesItem],
    pub attendance: &'a [MinutesAttendee],
    pub taker: Option<&'a str>,
    pub checker: Option<&'a str>,
    /// The day they were checked.
    pub checked_on: Option<&'a str>,
    pub lang: Lang,
}

fn texts<'a>(d: &'a MinutesDoc<'a>) -> Vec<(String, &'a str)> {
    let lang = d.lang;
    let mut out: Vec<(String, &str)> = vec![
        (
            lang.pick("Grupp", "Group").to_owned(),
            &d.meeting.group_name,
        ),
        (
            lang.pick("Nätverkets namn", "Network name").to_owned(),
            d.network.unwrap_or(""),
        ),
        (
            lang.pick("Plats", "Place").to_owned(),
            d.meeting.place.as_deref().unwrap_or(""),
        ),
    ];
    for i in d.items {
        let at = format!("{} {}", lang.pick("punkt", "item"), i.position);
        out.push((at.clone(), &i.title));
        out.push((at.clone(), i.presenter_name.as_deref().unwrap_or("")));
        out.push((at.clone(), i.notes.as_deref().unwrap_or("")));
        out.push((at, i.decisions.as_deref().unwrap_or("")));
    }
    for a in d.attendance {
        out.push((a.name.clone(), &a.name));
        out.push((a.name.clone(), &a.organisation));
        out.push((a.name.clone(), a.for_name.as_deref().unwrap_or("")));
    }
    for v in [d.taker, d.checker].into_iter().flatten() {
        out.push((lang.pick("Antecknat av", "Notes by").to_owned(), v));
    }
    out
}

/// Refuses, naming the character and where it is, minutes the font cannot draw.
pub fn check_printable(d: &MinutesDoc<'_>, fonts: &Fonts) -> Result<(), Error> {
    for (field, value) in texts(d) {
        if let Err(m) = fonts.check(value) {
            return Err(Error::Unprintable { ch: m.0, field });
        }
    }
    Ok(())
}

fn status_label(a: &MinutesAttendee, lang: Lang) -> String {
    match (a.status, &a.for_name) {
        (Some(AttendanceStatus::Present), Some(f)) => format!(
            "{} ({} {f})",
            AttendanceStatus::Present.label(lang),
            lang.pick("i stället för", "in the place of")
        ),
        (Some(s), _) => s.label(lang).to_owned(),
        (None, _) => lang.pick("Inte registrerad", "Not recorded").to_owned(),
    }
}

/// The printed minutes.
pub fn layout(d: &MinutesDoc<'_>, fonts: &Fonts, created: DateTime<Utc>) -> Document {
    let lang = d.lang;
    let t = |sv: &'static str, en: &'static str| lang.pick(sv, en);
    let setup = PageSetup::a4();
    let mut flow = Flow::new(fonts, setup);
    let m = d.meeting;
    let when = when(m, lang);
    let mut lines = vec![when.clone()];
    if let Some(p) = m.place.as_deref().filter(|p| !p.is_empty()) {
        lines.push(format!("{}: {p}", t("Plats", "Place")));
    }
    let corner = format!("{} {}", t("Skriven", "Written"), created.format("%Y-%m-%d"));
    flow.title_block(&TitleBlock {
        kicker: t("MINNESANTECKNINGAR", "MINUTES"),
        corner: &corner,
        network: d.network,
        title: &m.group_name,
        under: &lines,
        under_size: 11.0,
    });
    flow.space(6.0);
    let rows: Vec<Vec<String>> = d
        .attendance
        .iter()
        .map(|a| {
            vec![
                a.organisation.clone(),
                a.name.clone(),
                a.role.map(|r| r.label(lang).to_owned()).unwrap_or_default(),
                status_label(a, lang),
            ]
        })
        .collect();
    let table = Table {
        columns: vec![
            Column::new(t("Organisation", "Organisation"), 1.8),
            Column::new(t("Namn", "Name"), 1.6),
            Column::new(t("Roll", "Role"), 1.0),
            Column::new(t("Närvaro", "Attendance"), 1.8),
        ],
        rows,
        size: 9.0,
        min_row: 0.0,
    };
    flow.table_section(
        13.0,
        t("Närvaro", "Attendance"),
        &table,
        t(
            "Ingen närvaro är registrerad.",
            "No attendance is recorded.",
        ),
    );
    flow.space(10.0);
    for i in d.items {
        let title = format!("{}. {}", i.position, i.title);
        let mut keep = 0.0;
        let mut body: Vec<(Style, String)> = Vec::new();
        let meta = match &i.presenter_name {
            Some(p) => format!(
                "{}–{} · {} · {p}",
                lang.clock(&i.start),
                lang.clock(&i.end),
                i.kind.label(lang)
            ),
            None => format!(
                "{}–{} · {}",
                lang.clock(&i.start),
                lang.clock(&i.end),
                i.kind.label(lang)
            ),
        };
        body.push((Style::Regular, meta));
        if let Some(n) = i.notes.as_deref().filter(|n| !n.trim().is_empty()) {
            body.push((Style::Regular, n.to_owned()));
        }
        if let Some(dec) = i.decisions.as_deref().filter(|n| !n.trim().is_empty()) {
            body.push((Style::Bold, format!("{}: {dec}", t("Beslut", "Decision"))));
        }
        if let Some((s, first)) = body.first() {
            keep = flow.measure(*s, 10.0, flow.width(), first);
        }
        flow.heading(11.5, keep, &title);
        for (s, text) in &body {
            flow.paragraph(*s, 10.0, 0.0, text);
            flow.space(3.0);
        }
        flow.space(6.0);
    }
    let mut sign = Vec::new();
    if let Some(tk) = d.taker {
        sign.push(format!("{}: {tk}", t("Antecknat av", "Notes taken by")));
    }
    if let Some(c) = d.checker {
        match d.checked_on {
            Some(day) => sign.push(format!("{}: {c}, {day}", t("Justerat av", "Checked by"))),
            None => sign.push(format!(
                "{}: {c} ({})",
                t("Justeras av", "To be checked by"),
                t("ännu inte justerat", "not yet checked")
            )),
        }
    }
    if !sign.is_empty() {
        flow.space(6.0);
        flow.paragraph(Style::Regular, 10.0, 0.0, &sign.join("\n"));
    }
    let title = t("Minnesanteckningar", "Minutes");
    let head = format!("{title} · {} · {when}", m.group_name);
    let short = format!("{title} · {}", m.date);
    let footer = format!("{title} · {} · {}", m.group_name, m.date);
    let pages = flow.finish_with_heads(&[&head, &short], &footer, page_label(lang));
    let info = DocInfo {
        title: format!("{title} – {} {}", m.group_name, m.date),
        author: d.network.unwrap_or("").to_owned(),
        subject: format!("{} {when}", t("Möte", "Meeting")),
        created,
        lang,
    };
    Document::new(setup, info, pages)
}
