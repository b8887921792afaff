//! The mandate form's layout: [`FormData`] and a [`Wording`] in, a drawing list out. Pure:
//! no register, no clock, no PDF library; the snapshot test pins it.

use chrono::{DateTime, Utc};

use crate::lang::Lang;
use crate::model::Role;
use crate::pdf::{
    Column, DocInfo, Document, Flow, Fonts, LabelledBox, PageSetup, Style, Table, TitleBlock,
    page_label,
};

use super::content::{FormData, FormPerson};
use super::wording::{Section, Wording, fill};

const BODY: f32 = 9.5;
const HEADING: f32 = 11.0;

fn lb<'a>(label: &'a str, value: &'a str, share: f32) -> LabelledBox<'a> {
    LabelledBox {
        label,
        value,
        share,
    }
}

fn opt(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("")
}

/// The height of the first two lines of a paragraph (or all of it, when shorter): what its
/// heading is kept with.
fn first_lines(flow: &Flow<'_>, text: &str) -> f32 {
    flow.measure(Style::Regular, BODY, flow.width(), text)
        .min(2.0 * BODY * crate::pdf::layout::LEADING)
}

/// Writes a wording section: its heading kept with the first lines, paragraphs separated by
/// blank lines, "- " lines as bullets.
fn section(flow: &mut Flow<'_>, data: &FormData, s: &Section) {
    let heading = fill(&s.heading, |k| data.placeholder(k));
    let text = fill(&s.text, |k| data.placeholder(k));
    flow.space(10.0);
    let first = text
        .split("\n\n")
        .next()
        .and_then(|p| p.lines().find(|l| !l.trim().is_empty()))
        .map(|l| l.trim_start().trim_start_matches("- "))
        .unwrap_or("");
    let keep = first_lines(flow, first);
    flow.heading(HEADING, keep, &heading);
    let mut first = true;
    for para in text.split("\n\n") {
        if !first {
            flow.space(BODY * 0.5);
        }
        first = false;
        let mut prose = Vec::new();
        for line in para.lines() {
            if let Some(item) = line.trim_start().strip_prefix("- ") {
                if !prose.is_empty() {
                    flow.paragraph(Style::Regular, BODY, 0.0, &prose.join(" "));
                    prose.clear();
                }
                flow.bullet(BODY, item);
            } else if !line.trim().is_empty() {
                prose.push(line.trim());
            }
        }
        if !prose.is_empty() {
            flow.paragraph(Style::Regular, BODY, 0.0, &prose.join(" "));
        }
    }
}

/// A heading for a block of boxes or a table, kept with `keep_with` points of what follows:
/// its first row or lines, measured, not the whole block (a block that does not fit whole
/// continues on the next page rather than leaving the bottom of this one empty).
fn block_heading(flow: &mut Flow<'_>, text: &str, keep_with: f32) {
    flow.space(12.0);
    flow.heading(HEADING, keep_with, text);
}

/// A seat's row: role, name, title, and the e-mail address with the phone number under it
/// (one column for both leaves the address room to print whole on a portrait page).
fn person_row(role: &str, p: &Option<FormPerson>, lang: Lang) -> Vec<String> {
    match p {
        None => vec![role.to_owned(), String::new(), String::new(), String::new()],
        Some(p) if p.withheld => vec![
            role.to_owned(),
            lang.pick(
                "Skyddade personuppgifter: se organisationens egen blankett",
                "Protected personal data: see the organisation's own form",
            )
            .to_owned(),
            String::new(),
            String::new(),
        ],
        Some(p) => vec![
            role.to_owned(),
            p.name.clone(),
            opt(&p.title).to_owned(),
            [opt(&p.email), opt(&p.phone)]
                .into_iter()
                .filter(|v| !v.is_empty())
                .collect::<Vec<_>>()
                .join("\n"),
        ],
    }
}

/// The heading over the seats: "Representant och ersättare", "Ledamot", "Sammankallande"…,
/// from the roles of the organisation's seats in the group.
fn seats_heading(data: &FormData, lang: Lang) -> String {
    let mut roles: Vec<Role> = Vec::new();
    for s in &data.seats {
        if !roles.contains(&s.role) {
            roles.push(s.role);
        }
    }
    if roles.is_empty() {
        roles.push(Role::Member);
    }
    let words: Vec<String> = roles
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let w = r.label(lang);
            if i == 0 {
                w.to_owned()
            } else {
                w.to_lowercase()
            }
        })
        .collect();
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{} {} {last}", rest.join(", "), lang.pick("och", "and"))
        }
        _ => words.concat(),
    }
}

/// Lays out one organisation's mandate form.
pub fn layout(
    data: &FormData,
    wording: &Wording,
    fonts: &Fonts,
    created: DateTime<Utc>,
) -> Document {
    let lang = data.lang;
    let t = |sv: &'static str, en: &'static str| lang.pick(sv, en);
    let setup = PageSetup::a4();
    let mut flow = Flow::new(fonts, setup);
    let title = fill(&wording.title, |k| data.placeholder(k));

    // Header: who issues the form, what it is, for whom.
    let network = data.network.as_deref().unwrap_or("");
    let date = data.printed_on.format("%Y-%m-%d").to_string();
    flow.title_block(&TitleBlock {
        kicker: t("UPPDRAGSBLANKETT", "MANDATE FORM"),
        corner: &format!("{} {date}", t("Utskriven", "Printed")),
        network: Some(network),
        title: &title,
        under: std::slice::from_ref(&data.organisation),
        under_size: 11.0,
    });

    for s in &wording.before {
        section(&mut flow, data, s);
    }

    let number = data.org_number.as_deref().unwrap_or("");
    let org_row = [
        lb(t("Organisation", "Organisation"), &data.organisation, 3.0),
        lb(t("Organisationsnummer", "Organisation number"), number, 1.2),
    ];
    let keep = flow.boxes_height(&org_row, 0.0);
    block_heading(&mut flow, t("Organisation", "Organisation"), keep);
    flow.boxes(&org_row, 0.0);
    flow.boxes(&[lb(t("Grupp", "Group"), &data.group_name, 1.0)], 0.0);

    let col = Column::new;
    let seats = Table {
        columns: vec![
            col(t("Roll", "Role"), 1.0),
            col(t("Namn", "Name"), 1.6),
            col(t("Titel", "Title"), 1.5),
            col(t("E-post och telefon", "E-mail and phone"), 2.6),
        ],
        rows: data
            .seats
            .iter()
            .map(|s| {
                let role = match &s.label {
                    Some(label) => format!("{} ({label})", s.role.label(lang)),
                    None => s.role.label(lang).to_owned(),
                };
                person_row(&role, &s.person, lang)
            })
            .collect(),
        size: 8.5,
        min_row: 0.0,
    };
    let keep = flow.table_start_height(&seats);
    block_heading(&mut flow, &seats_heading(data, lang), keep);
    flow.table(&seats);
    let from = data
        .term_from
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    let to = data
        .term_to
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    flow.boxes(
        &[
            lb(t("Mandatperiod från och med", "Term from"), &from, 1.0),
            lb(t("Mandatperiod till och med", "Term until"), &to, 1.0),
        ],
        0.0,
    );

    let p = data.principal.as_ref();
    let p_name = p.map(|p| p.name.as_str().to_owned()).unwrap_or_default();
    let p_title = p.and_then(|p| p.title.clone()).unwrap_or_default();
    let p_email = p
        .and_then(|p| p.email.as_ref().map(|e| e.as_str().to_owned()))
        .unwrap_or_default();
    let p_phone = p
        .and_then(|p| p.phone.as_ref().map(|e| e.as_str().to_owned()))
        .unwrap_or_default();
    let principal_row = [
        lb(t("Namn", "Name"), &p_name, 1.0),
        lb(t("Titel", "Title"), &p_title, 1.0),
    ];
    let keep = flow.boxes_height(&principal_row, 0.0);
    block_heading(&mut flow, t("Uppdragsgivare", "Principal"), keep);
    flow.boxes(&principal_row, 0.0);
    flow.boxes(
        &[
            lb(t("E-post", "E-mail"), &p_email, 1.0),
            lb(t("Telefon", "Phone"), &p_phone, 1.0),
        ],
        0.0,
    );

    let contacts_intro = t(
        "Funktioner i organisationen genom vilka representanten samlar in och sprider information.",
        "Functions in the organisation through which the representative gathers and spreads information.",
    );
    let mut rows: Vec<Vec<String>> = data
        .contacts
        .iter()
        .map(|c| {
            vec![
                c.function.to_string(),
                c.name.as_str().to_owned(),
                c.email
                    .as_ref()
                    .map(|e| e.as_str().to_owned())
                    .unwrap_or_default(),
                c.phone
                    .as_ref()
                    .map(|e| e.as_str().to_owned())
                    .unwrap_or_default(),
            ]
        })
        .collect();
    if rows.is_empty() {
        rows = vec![vec![String::new(); 4]; 3];
    }
    let contacts = Table {
        columns: vec![
            col(t("Funktion", "Function"), 1.55),
            col(t("Namn", "Name"), 1.45),
            col(t("E-post", "E-mail"), 2.0),
            col(t("Telefon", "Phone"), 1.0),
        ],
        rows,
        size: 8.5,
        min_row: 0.0,
    };
    let keep = first_lines(&flow, contacts_intro) + 4.0 + flow.table_start_height(&contacts);
    block_heading(
        &mut flow,
        t(
            "Interna kontakter och lokal samverkan",
            "Internal contacts and local collaboration",
        ),
        keep,
    );
    flow.paragraph(Style::Regular, BODY, 0.0, contacts_intro);
    flow.space(4.0);
    flow.table(&contacts);
    let lg = data.local_group.as_ref();
    let lg_name = lg.map(|g| g.name.as_str().to_owned()).unwrap_or_default();
    let lg_contact = lg.and_then(|g| g.contact.clone()).unwrap_or_default();
    flow.space(6.0);
    flow.boxes(
        &[
            lb(
                t("Lokal samverkansgrupp", "Local collaboration group"),
                &lg_name,
                1.0,
            ),
            lb(
                t("Kontakt i den lokala gruppen", "Contact in the local group"),
                &lg_contact,
                1.0,
            ),
        ],
        0.0,
    );

    let resources_intro = t(
        "Den tid organisationen ger representanten och ersättaren för uppdraget.",
        "The time the organisation gives the representative and the substitute for the mandate.",
    );
    let resources = [
        lb(
            t(
                "Tid för gruppens möten (timmar per år)",
                "Time for the group's meetings (hours a year)",
            ),
            "",
            1.0,
        ),
        lb(
            t(
                "Tid för förberedelser och återkoppling (timmar per månad)",
                "Time for preparation and feedback (hours a month)",
            ),
            "",
            1.0,
        ),
    ];
    let keep = first_lines(&flow, resources_intro) + 4.0 + flow.boxes_height(&resources, 0.0);
    block_heading(&mut flow, t("Resurser", "Resources"), keep);
    flow.paragraph(Style::Regular, BODY, 0.0, resources_intro);
    flow.space(4.0);
    flow.boxes(&resources, 0.0);

    for s in &wording.after {
        section(&mut flow, data, s);
    }

    let c = &wording.coordinator;
    let who = match (c.name.trim(), c.title.trim()) {
        ("", _) => String::new(),
        (n, "") => n.to_owned(),
        (n, tt) => format!("{n}, {tt}"),
    };
    let coordinator = [
        lb(t("Namn och titel", "Name and title"), &who, 1.6),
        lb(t("E-post", "E-mail"), c.email.trim(), 1.4),
        lb(t("Telefon", "Phone"), c.phone.trim(), 1.0),
    ];
    let keep = flow.boxes_height(&coordinator, 0.0);
    block_heading(&mut flow, t("Samordnare", "Coordinator"), keep);
    flow.boxes(&coordinator, 0.0);

    // Signatures, kept together on one page.
    let note = fill(&wording.signature_note, |k| data.placeholder(k));
    let sig_rows: [[&str; 2]; 3] = [
        [
            t("Ort och datum", "Place and date"),
            t("Ort och datum", "Place and date"),
        ],
        [t("Underskrift", "Signature"), t("Underskrift", "Signature")],
        [
            t("Namnförtydligande", "Name in block letters"),
            t("Namnförtydligande", "Name in block letters"),
        ],
    ];
    let block = HEADING * 1.6
        + flow.measure(Style::Regular, BODY, flow.width(), &note)
        + 8.0
        + BODY * 1.6
        + 3.0 * flow.boxes_height(&[lb(sig_rows[0][0], "", 1.0)], 34.0)
        + 16.0;
    flow.space(14.0);
    flow.ensure(block);
    flow.heading(HEADING, 0.0, t("Underskrifter", "Signatures"));
    flow.paragraph(Style::Regular, BODY, 0.0, &note);
    flow.space(8.0);
    let (x, y, w) = (flow.left(), flow.y(), flow.width());
    flow.text_at(
        x,
        y + BODY,
        Style::Bold,
        BODY,
        t("Representant", "Representative"),
    );
    flow.text_at(
        x + w / 2.0,
        y + BODY,
        Style::Bold,
        BODY,
        t("Uppdragsgivare", "Principal"),
    );
    flow.advance(BODY * 1.6);
    for [a, b] in sig_rows {
        flow.boxes(&[lb(a, "", 1.0), lb(b, "", 1.0)], 34.0);
    }

    let version = data
        .wording_version
        .map(|v| format!(" · {} {v}", t("textversion", "wording version")))
        .unwrap_or_default();
    let footer = format!(
        "{} · {} · {}{version}",
        t("Uppdragsblankett", "Mandate form"),
        data.organisation,
        data.group_name
    );
    let pages = flow.finish(&footer, page_label(lang));
    let info = DocInfo {
        title: format!(
            "{} – {}",
            t("Uppdragsblankett", "Mandate form"),
            data.organisation
        ),
        author: network.to_owned(),
        subject: format!(
            "{} {} {} {}",
            t(
                "Uppdrag som representant i",
                "Mandate of the representative in"
            ),
            data.group_name,
            t("för", "for"),
            data.organisation
        ),
        created,
        lang,
    };
    Document::new(setup, info, pages)
}
