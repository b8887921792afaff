//! The register extract for one person (personal-data rights, GDPR article 15) as a printed
//! document: everything the register holds about them, in sections (the person's data,
//! appointments, attendance, exports that carried their data, logged changes), written for the
//! person it is about: fields named in their language, organisations and groups by name, the
//! logged changes as the Logg screen shows them, times on Swedish clocks. Pure: a
//! [`PersonExtract`] and its [`Readable`] parts in, a drawing list out.

use chrono::{DateTime, Utc};

use crate::error::Error;
use crate::lang::Lang;
use crate::model::log::{LogLine, PersonExtract, erased_name};
use crate::pdf::{
    Column, DocInfo, Document, Flow, Fonts, PageSetup, Style, Table, TitleBlock, page_label,
};
use crate::stamp::local_time;
use crate::zone::Zone;

const BODY: f32 = 9.5;
const HEADING: f32 = 11.5;
const CELL: f32 = 8.0;

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// The parts of an extract that are rendered from the register for people to read.
#[derive(Debug, Clone)]
pub struct Readable {
    /// The logged changes, as the Logg screen shows them (fields in the reader's language,
    /// ids as names), in the order of `PersonExtract::changes`.
    pub changes: Vec<LogLine>,
    /// The clocks times are shown on.
    pub zone: Zone,
}

/// A field of the changes table: each changed field on its own line.
fn change_text(c: &LogLine) -> String {
    if c.redacted || c.changes.is_empty() {
        c.details.clone()
    } else {
        c.changes
            .iter()
            .map(|f| f.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// A section: a heading kept with its first rows, then the table, or a line saying there is
/// nothing.
fn section(flow: &mut Flow<'_>, heading: &str, none: &str, table: Table) {
    flow.space(14.0);
    let keep = if table.rows.is_empty() {
        BODY * 2.0
    } else {
        flow.table_start_height(&table)
    };
    flow.heading(HEADING, keep, heading);
    if table.rows.is_empty() {
        flow.paragraph(Style::Regular, BODY, 0.0, none);
    } else {
        flow.table(&table);
    }
}

/// Every text the extract prints, with the label of where it comes from.
fn texts(x: &PersonExtract, r: &Readable, lang: Lang) -> Vec<(String, String)> {
    let t = |sv: &str, en: &str| lang.pick(sv, en).to_owned();
    let p = &x.person;
    let mut v = vec![
        (t("Namn", "Name"), p.name.as_str().to_owned()),
        (t("Titel", "Title"), p.title.clone().unwrap_or_default()),
        (
            t("Organisation", "Organisation"),
            p.organisation_name.clone(),
        ),
        (
            t("Anteckningar", "Notes"),
            p.notes.clone().unwrap_or_default(),
        ),
    ];
    for a in &x.appointments {
        v.push((t("Grupp", "Group"), a.group_name.clone()));
        v.push((
            t("Organisation", "Organisation"),
            a.organisation_name.clone(),
        ));
    }
    for a in &x.attendance {
        v.push((t("Möte", "Meeting"), a.group_name.clone()));
    }
    for e in &x.exports {
        v.push((t("Utlämnande", "Export"), e.description.clone()));
        v.push((t("Fil", "File"), e.file.clone().unwrap_or_default()));
        v.push((t("Användare", "User"), e.os_user.clone()));
    }
    for c in &r.changes {
        v.push((t("Ändring", "Change"), c.name.clone()));
        v.push((t("Ändring", "Change"), change_text(c)));
        v.push((t("Användare", "User"), c.os_user.clone()));
    }
    v
}

/// Refuses, naming the character and where it is, an extract the font cannot draw. (The
/// JSON extract has no such limit: it is offered when this refuses.)
pub fn check_printable(
    x: &PersonExtract,
    r: &Readable,
    lang: Lang,
    fonts: &Fonts,
) -> Result<(), Error> {
    for (field, value) in texts(x, r, lang) {
        if let Err(m) = fonts.check(&value) {
            return Err(Error::Unprintable { ch: m.0, field });
        }
    }
    Ok(())
}

/// The extract as a document.
pub fn extract(
    x: &PersonExtract,
    r: &Readable,
    network: Option<&str>,
    lang: Lang,
    fonts: &Fonts,
    created: DateTime<Utc>,
) -> Document {
    let t = |sv: &'static str, en: &'static str| lang.pick(sv, en);
    let yes = t("Ja", "Yes");
    let setup = PageSetup::a4();
    let mut flow = Flow::new(fonts, setup);
    let p = &x.person;
    let when = |at: &str| local_time(at, r.zone, false);

    flow.title_block(&TitleBlock {
        kicker: t("REGISTERUTDRAG", "REGISTER EXTRACT"),
        corner: &format!("{} {}", t("Gjort", "Made"), when(&x.made_at)),
        network,
        title: p.name.as_str(),
        under: &[t(
            "Det här är allt som registret innehåller om dig: dina uppgifter, dina uppdrag, din närvaro vid möten, när dina uppgifter har lämnats ut och vilka ändringar som har gjorts. Utdraget lämnas enligt artikel 15 i dataskyddsförordningen (GDPR).",
            "This is everything the register holds about you: your details, your appointments, your attendance at meetings, when your details were handed out and which changes were made. The extract is given under article 15 of the General Data Protection Regulation (GDPR).",
        )
        .to_owned()],
        under_size: BODY,
    });

    if let Some(e) = &x.erased {
        flow.space(8.0);
        flow.paragraph(
            Style::Bold,
            BODY,
            0.0,
            &format!(
                "{} {} ({}).",
                t(
                    "Personens uppgifter är raderade och ersatta med",
                    "The person's details were erased and replaced with",
                ),
                erased_name(e.number),
                when(&e.at)
            ),
        );
    }

    let field_rows: Vec<Vec<String>> = [
        (t("Namn", "Name"), p.name.as_str().to_owned()),
        (t("Titel", "Title"), p.title.clone().unwrap_or_default()),
        (
            t("Organisation", "Organisation"),
            p.organisation_name.clone(),
        ),
        (
            t("E-post", "E-mail"),
            p.email
                .as_ref()
                .map(|e| e.as_str().to_owned())
                .unwrap_or_default(),
        ),
        (
            t("Telefon", "Phone"),
            p.phone.as_ref().map(|p| p.display()).unwrap_or_default(),
        ),
        (
            t("Skyddade personuppgifter", "Protected personal data"),
            if p.protected { yes } else { t("Nej", "No") }.to_owned(),
        ),
        (
            t("Anteckningar", "Notes"),
            p.notes.clone().unwrap_or_default(),
        ),
    ]
    .into_iter()
    .map(|(k, v)| vec![k.to_owned(), v])
    .collect();
    section(
        &mut flow,
        t("Dina uppgifter", "Your details"),
        "",
        Table {
            columns: vec![
                Column::new(t("Uppgift", "Field"), 1.2),
                Column::new(t("Värde", "Value"), 3.0),
            ],
            rows: field_rows,
            size: BODY - 0.5,
            min_row: 0.0,
        },
    );

    section(
        &mut flow,
        t("Uppdrag", "Appointments"),
        t("Inga uppdrag.", "No appointments."),
        Table {
            columns: vec![
                Column::new(t("Grupp", "Group"), 1.6),
                Column::new(t("Organisation", "Organisation"), 1.6),
                Column::new(t("Roll", "Role"), 1.1),
                Column::new(t("Från", "From"), 0.9),
                Column::new(t("Till", "To"), 0.9),
                Column::new(t("Avslutat", "Ended"), 0.9),
            ],
            rows: x
                .appointments
                .iter()
                .map(|a| {
                    vec![
                        a.group_name.clone(),
                        a.organisation_name.clone(),
                        a.role.label(lang).to_owned(),
                        a.from.to_string(),
                        date(a.to),
                        date(a.ended_on),
                    ]
                })
                .collect(),
            size: CELL,
            min_row: 0.0,
        },
    );

    section(
        &mut flow,
        t("Närvaro vid möten", "Attendance at meetings"),
        t("Ingen närvaro registrerad.", "No attendance recorded."),
        Table {
            columns: vec![
                Column::new(t("Datum", "Date"), 1.0),
                Column::new(t("Grupp", "Group"), 2.2),
                Column::new(t("Närvaro", "Attendance"), 1.2),
                Column::new(t("Ersatte någon", "Stood in"), 1.0),
            ],
            rows: x
                .attendance
                .iter()
                .map(|a| {
                    let status = match a.status.as_str() {
                        "present" => t("Närvarande", "Present"),
                        "absent" => t("Frånvarande", "Absent"),
                        "excused" => t("Anmält förhinder", "Excused"),
                        other => other,
                    };
                    vec![
                        a.date.clone(),
                        a.group_name.clone(),
                        status.to_owned(),
                        if a.substitute_for.is_some() { yes } else { "" }.to_owned(),
                    ]
                })
                .collect(),
            size: CELL,
            min_row: 0.0,
        },
    );

    section(
        &mut flow,
        t(
            "När dina uppgifter lämnades ut",
            "When your details were handed out",
        ),
        t(
            "Dina uppgifter har inte lämnats ut.",
            "Your details have not been handed out.",
        ),
        Table {
            columns: vec![
                Column::new(t("Tid", "Time"), 1.2),
                Column::new(t("Vad", "What"), 2.4),
                Column::new(t("Fil", "File"), 2.2),
                Column::new(t("Användare", "User"), 0.9),
            ],
            rows: x
                .exports
                .iter()
                .map(|e| {
                    vec![
                        when(&e.at),
                        e.description.clone(),
                        e.file.clone().unwrap_or_default(),
                        e.os_user.clone(),
                    ]
                })
                .collect(),
            size: CELL,
            min_row: 0.0,
        },
    );

    section(
        &mut flow,
        t("Ändringar", "Changes"),
        t("Inga ändringar loggade.", "No changes logged."),
        Table {
            columns: vec![
                Column::new(t("Tid", "Time"), 1.1),
                Column::new(t("Vad", "What"), 1.9),
                Column::new(t("Ändring", "Change"), 3.2),
                Column::new(t("Användare", "User"), 0.9),
            ],
            rows: r
                .changes
                .iter()
                .map(|c| {
                    vec![
                        c.at.clone(),
                        format!("{} {}: {}", c.kind, c.name, c.event.to_lowercase()),
                        change_text(c),
                        c.os_user.clone(),
                    ]
                })
                .collect(),
            size: 7.5,
            min_row: 0.0,
        },
    );

    let footer = format!(
        "{} · {}",
        t("Registerutdrag", "Register extract"),
        p.name.as_str()
    );
    let pages = flow.finish_with_head(&footer, &footer, page_label(lang));
    let info = DocInfo {
        title: format!(
            "{} – {}",
            t("Registerutdrag", "Register extract"),
            p.name.as_str()
        ),
        author: network.unwrap_or("").to_owned(),
        subject: t(
            "Registerutdrag enligt artikel 15 i dataskyddsförordningen",
            "Register extract under article 15 of the GDPR",
        )
        .to_owned(),
        created,
        lang,
    };
    Document::new(setup, info, pages)
}
