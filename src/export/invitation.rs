//! A meeting's invitation (kallelse) as data in, documents out: who is invited, what kind of
//! message it is (the first invitation, an update after a change, a cancellation), the agenda
//! as text for the e-mail and the calendar, and the printed invitation (PDF layout on the
//! drawing list). Pure: no register, no clock, no PDF library.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::roster_pdf::when;
use crate::error::Error;
use crate::lang::Lang;
use crate::model::{AgendaItem, Id, Meeting, Role};
use crate::pdf::{
    Column, DocInfo, Document, Flow, Fonts, PageSetup, Style, Table, TitleBlock, page_label,
};

/// What an invitation written now would be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum InvitationKind {
    /// The first invitation (or the same one again, nothing having changed).
    Invitation,
    /// The meeting changed after its invitation went out.
    Update,
    /// The meeting is cancelled after its invitation went out.
    Cancellation,
}

/// What changed since the last invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Change {
    Date,
    Time,
    Place,
    OnlineLink,
    /// A cancelled meeting planned again.
    Reinstated,
}

impl Change {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Change::Date => lang.pick("nytt datum", "new date"),
            Change::Time => lang.pick("ny tid", "new time"),
            Change::Place => lang.pick("ny plats", "new place"),
            Change::OnlineLink => lang.pick("ny möteslänk", "new online link"),
            Change::Reinstated => lang.pick("blir av igen", "on again"),
        }
    }
}

/// The changes in words: "nytt datum, ny plats".
pub fn changes_text(changes: &[Change], lang: Lang) -> String {
    changes
        .iter()
        .map(|c| c.label(lang))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One invited person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Invitee {
    pub person_id: Id,
    pub name: String,
    pub organisation: String,
    pub role: Role,
    pub email: Option<String>,
    pub protected: bool,
}

impl Invitee {
    /// A meeting request asks a substitute to come only when needed.
    pub fn required(&self) -> bool {
        self.role != Role::Substitute
    }
}

/// Everything the printed invitation shows.
#[derive(Debug, Clone)]
pub struct InvitationDoc<'a> {
    pub kind: InvitationKind,
    pub meeting: &'a Meeting,
    pub network: Option<&'a str>,
    pub agenda: &'a [AgendaItem],
    pub invited: &'a [Invitee],
    pub changes: &'a [Change],
    /// The coordinator's lines (name, title, e-mail, phone), those known.
    pub coordinator: &'a [String],
    pub lang: Lang,
}

/// The agenda as plain text for an e-mail or a calendar entry: one item a line, "13.00–13.15
/// 1. Title (Presenter)", its note indented under it.
pub fn agenda_text(items: &[AgendaItem], lang: Lang) -> String {
    let mut out = String::new();
    for i in items {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!(
            "{}–{}  {}. {}",
            lang.clock(&i.start),
            lang.clock(&i.end),
            i.position,
            i.title
        ));
        if let Some(p) = i.presenter_name.as_deref().filter(|p| !p.is_empty()) {
            out.push_str(&format!(" ({p})"));
        }
        if let Some(note) = i.note.as_deref().filter(|n| !n.trim().is_empty()) {
            for line in note.lines() {
                out.push_str("\n      ");
                out.push_str(line);
            }
        }
    }
    out
}

fn kicker(kind: InvitationKind, lang: Lang) -> &'static str {
    match kind {
        InvitationKind::Invitation => lang.pick("KALLELSE", "INVITATION"),
        InvitationKind::Update => lang.pick("ÄNDRAD KALLELSE", "CHANGED INVITATION"),
        InvitationKind::Cancellation => lang.pick("INSTÄLLT MÖTE", "CANCELLED MEETING"),
    }
}

/// Every text the printed invitation holds, with where it is, for the font check.
fn texts<'a>(d: &'a InvitationDoc<'a>) -> Vec<(String, &'a str)> {
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
        (
            lang.pick("Möteslänk", "Online link").to_owned(),
            d.meeting.online_link.as_deref().unwrap_or(""),
        ),
    ];
    for i in d.agenda {
        let at = format!("{} {}", lang.pick("punkt", "item"), i.position);
        out.push((at.clone(), &i.title));
        out.push((at.clone(), i.presenter_name.as_deref().unwrap_or("")));
        out.push((at, i.note.as_deref().unwrap_or("")));
    }
    for p in d.invited {
        out.push((p.name.clone(), &p.name));
        out.push((p.name.clone(), &p.organisation));
    }
    for c in d.coordinator {
        out.push((lang.pick("Samordnare", "Coordinator").to_owned(), c));
    }
    out
}

/// Refuses, naming the character and where it is, an invitation the font cannot draw.
pub fn check_printable(d: &InvitationDoc<'_>, fonts: &Fonts) -> Result<(), Error> {
    for (field, value) in texts(d) {
        if let Err(m) = fonts.check(value) {
            return Err(Error::Unprintable { ch: m.0, field });
        }
    }
    Ok(())
}

/// The printed invitation: the group, when and where (the online link whole: whoever gets it
/// on paper types it), the agenda with times, who is invited, and the coordinator.
pub fn layout(d: &InvitationDoc<'_>, fonts: &Fonts, created: DateTime<Utc>) -> Document {
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
    if let Some(l) = m.online_link.as_deref().filter(|l| !l.is_empty()) {
        lines.push(format!("{}: {l}", t("Möteslänk", "Online link")));
    }
    let corner = format!("{} {}", t("Skriven", "Written"), created.format("%Y-%m-%d"));
    flow.title_block(&TitleBlock {
        kicker: kicker(d.kind, lang),
        corner: &corner,
        network: d.network,
        title: &m.group_name,
        under: &lines,
        under_size: 11.0,
    });
    flow.space(6.0);
    match d.kind {
        InvitationKind::Cancellation => {
            flow.paragraph(
                Style::Bold,
                12.0,
                0.0,
                t("Mötet är inställt.", "The meeting is cancelled."),
            );
            flow.space(8.0);
        }
        InvitationKind::Update if !d.changes.is_empty() => {
            flow.paragraph(
                Style::Bold,
                11.0,
                0.0,
                &format!(
                    "{}: {}.",
                    t(
                        "Ändrat sedan förra kallelsen",
                        "Changed since the last invitation"
                    ),
                    changes_text(d.changes, lang)
                ),
            );
            flow.space(8.0);
        }
        _ => {}
    }
    if d.kind != InvitationKind::Cancellation {
        let rows: Vec<Vec<String>> = d
            .agenda
            .iter()
            .map(|i| {
                let mut item = format!("{}. {}", i.position, i.title);
                if let Some(n) = i.note.as_deref().filter(|n| !n.trim().is_empty()) {
                    item.push('\n');
                    item.push_str(n);
                }
                vec![
                    format!("{}–{}", lang.clock(&i.start), lang.clock(&i.end)),
                    item,
                    i.kind.label(lang).to_owned(),
                    i.presenter_name.clone().unwrap_or_default(),
                ]
            })
            .collect();
        let table = Table {
            columns: vec![
                Column::new(t("Tid", "Time"), 0.9),
                Column::new(t("Punkt", "Item"), 3.2),
                Column::new(t("Typ", "Kind"), 1.0),
                Column::new(t("Föredragande", "Presenter"), 1.6),
            ],
            rows,
            size: 9.5,
            min_row: 0.0,
        };
        flow.table_section(
            13.0,
            t("Dagordning", "Agenda"),
            &table,
            t("Dagordningen kommer senare.", "The agenda follows."),
        );
        flow.space(10.0);
    }
    let rows: Vec<Vec<String>> = d
        .invited
        .iter()
        .map(|p| {
            vec![
                p.organisation.clone(),
                p.name.clone(),
                p.role.label(lang).to_owned(),
            ]
        })
        .collect();
    let table = Table {
        columns: vec![
            Column::new(t("Organisation", "Organisation"), 2.0),
            Column::new(t("Namn", "Name"), 1.8),
            Column::new(t("Roll", "Role"), 1.0),
        ],
        rows,
        size: 9.0,
        min_row: 0.0,
    };
    flow.table_section(
        13.0,
        t("Kallade", "Invited"),
        &table,
        t(
            "Gruppen har inga ledamöter den dagen.",
            "The group has no members on that day.",
        ),
    );
    if !d.coordinator.is_empty() {
        flow.space(10.0);
        let text = d.coordinator.join("\n");
        let h = flow.measure(Style::Regular, 10.0, flow.width(), &text);
        flow.heading(11.0, h, t("Samordnare", "Coordinator"));
        flow.paragraph(Style::Regular, 10.0, 0.0, &text);
    }
    let head = format!("{} · {} · {when}", kicker_title(d.kind, lang), m.group_name);
    let footer = format!(
        "{} · {} · {}",
        kicker_title(d.kind, lang),
        m.group_name,
        m.date
    );
    let short = format!("{} · {}", kicker_title(d.kind, lang), m.date);
    let pages = flow.finish_with_heads(&[&head, &short], &footer, page_label(lang));
    let info = DocInfo {
        title: format!(
            "{} – {} {}",
            kicker_title(d.kind, lang),
            m.group_name,
            m.date
        ),
        author: d.network.unwrap_or("").to_owned(),
        subject: format!("{} {when}", t("Möte", "Meeting")),
        created,
        lang,
    };
    Document::new(setup, info, pages)
}

/// The kind of document as a title: "Kallelse", "Ändrad kallelse", "Inställt möte".
pub fn kicker_title(kind: InvitationKind, lang: Lang) -> &'static str {
    match kind {
        InvitationKind::Invitation => lang.pick("Kallelse", "Invitation"),
        InvitationKind::Update => lang.pick("Ändrad kallelse", "Changed invitation"),
        InvitationKind::Cancellation => lang.pick("Inställt möte", "Cancelled meeting"),
    }
}
