//! The yearly report as a PDF: A4, a title page with the contents, then for each group its
//! figures (with the compared year), meetings, attendance per organisation, an attendance
//! grid (organisations × meetings, each cell shaded and lettered, so that it reads in black
//! and white), bars of attendance per kind of organisation, and the seats. Laid out on the
//! project's drawing list; names no person.

use chrono::{DateTime, Datelike, Utc};

use super::{Figure, FigureUnit, GroupReport, OrgPresence, YearReport};
use crate::error::Error;
use crate::lang::Lang;
use crate::pdf::{
    Column, DocInfo, Document, Flow, Fonts, Item, PageSetup, Style, Table, TitleBlock, page_label,
    wrap,
};

/// How a presence is drawn in the grid: the cell's gray (0 black … 1 white, `None`: no
/// fill) and the gray of its letter.
fn shade(p: OrgPresence) -> (Option<f32>, f32) {
    match p {
        OrgPresence::Representative => (Some(0.25), 1.0),
        OrgPresence::Substitute => (Some(0.6), 0.0),
        OrgPresence::Excused => (Some(0.88), 0.0),
        OrgPresence::Absent => (Some(1.0), 0.0),
        OrgPresence::NotRecorded => (None, 0.35),
    }
}

fn show(f: &Figure, v: Option<f64>) -> String {
    match v {
        None => "–".to_owned(),
        Some(v) => match f.unit {
            FigureUnit::Share => format!("{:.0} %", v * 100.0),
            _ if v.fract() != 0.0 => format!("{v:.1}"),
            _ => format!("{v}"),
        },
    }
}

fn share(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_owned(), |v| format!("{:.0} %", v * 100.0))
}

/// Every text the report prints that comes from the register, with what it is.
fn check_printable(r: &YearReport, lang: Lang, fonts: &Fonts) -> Result<(), Error> {
    let mut fields: Vec<(String, &str)> = vec![(
        lang.pick("Nätverkets namn", "Network name").to_owned(),
        r.network_name.as_deref().unwrap_or(""),
    )];
    for x in &r.texts {
        fields.push((x.heading.clone(), &x.text));
    }
    for g in &r.groups {
        fields.push((lang.pick("Grupp", "Group").to_owned(), &g.group_name));
        for o in &g.current.organisations {
            fields.push((
                lang.pick("Organisation", "Organisation").to_owned(),
                &o.name,
            ));
        }
        for s in &g.current.coverage.seats {
            fields.push((lang.pick("Plats", "Seat").to_owned(), &s.description));
        }
    }
    for (field, value) in fields {
        if let Err(m) = fonts.check(value) {
            return Err(Error::Unprintable { ch: m.0, field });
        }
    }
    Ok(())
}

/// The report laid out: `contents` gives each section's page (from a first pass).
fn layout(
    r: &YearReport,
    lang: Lang,
    fonts: &Fonts,
    created: DateTime<Utc>,
    contents: &[usize],
) -> (Vec<crate::pdf::Page>, Vec<usize>) {
    let t = |sv: &'static str, en: &'static str| lang.pick(sv, en);
    let setup = PageSetup::a4();
    let mut flow = Flow::new(fonts, setup);
    let title = format!("{} {}", t("Årsrapport", "Yearly report"), r.year);
    let mut under = vec![format!(
        "{} {}-01-01 – {}-12-31",
        t("Året", "The year"),
        r.year,
        r.year
    )];
    if let Some(c) = r.compare_year {
        under.push(format!("{} {c}", t("Jämfört med", "Compared with")));
    }
    let corner = format!(
        "{} {}",
        t("Utskriven", "Printed"),
        created.format("%Y-%m-%d")
    );
    flow.title_block(&TitleBlock {
        kicker: t("ÅRSRAPPORT", "YEARLY REPORT"),
        corner: &corner,
        network: r.network_name.as_deref(),
        title: &title,
        under: &under,
        under_size: 11.0,
    });
    flow.space(10.0);
    flow.heading(12.0, 20.0, t("Innehåll", "Contents"));
    let written: Vec<&super::ReportText> = r
        .texts
        .iter()
        .filter(|x| !x.text.trim().is_empty())
        .collect();
    let groups: Vec<String> = r.groups.iter().map(|g| g.group_name.clone()).collect();
    let sections: Vec<String> = written
        .iter()
        .map(|x| x.heading.clone())
        .chain(groups.iter().cloned())
        .collect();
    for (i, s) in sections.iter().enumerate() {
        let page = contents.get(i).map_or_else(String::new, |p| p.to_string());
        let (x, w) = (flow.left(), flow.width());
        let lines = wrap(fonts, Style::Regular, 10.0, w - 40.0, s);
        flow.ensure(lines.len() as f32 * 13.0 + 2.0);
        let y = flow.y() + 11.0;
        for (n, line) in lines.iter().enumerate() {
            flow.text_at(x, y + n as f32 * 13.0, Style::Regular, 10.0, line);
        }
        let pw = fonts.width(Style::Regular, 10.0, &page);
        flow.text_at(x + w - pw, y, Style::Regular, 10.0, &page);
        flow.advance(lines.len() as f32 * 13.0 + 2.0);
    }
    flow.space(10.0);
    flow.paragraph(
        Style::Regular,
        9.0,
        0.0,
        t(
            "Siffrorna räknas ur registrets historik dag för dag: ett uppdrag räknas de dagar det gällde, en organisation är kallad till ett möte när någon av dess ledamöter eller ersättare hade uppdraget den dagen. Rapporten handlar om organisationer och antal; den namnger ingen person.",
            "The figures are counted from the register's history day by day: an appointment counts on the days it served, an organisation is invited to a meeting when one of its members or substitutes served on that day. The report is about organisations and numbers; it names no person.",
        ),
    );
    let mut found = Vec::new();
    for (i, x) in written.iter().enumerate() {
        if i == 0 {
            flow.page_break();
        } else {
            flow.space(10.0);
        }
        found.push(flow.page_count());
        flow.heading(14.0, 30.0, &x.heading);
        for para in x.text.split("\n\n") {
            flow.paragraph(Style::Regular, 10.0, 0.0, para.trim());
            flow.space(5.0);
        }
    }
    for g in &r.groups {
        flow.page_break();
        found.push(flow.page_count());
        group(&mut flow, r, g, lang);
    }
    let footer = format!("{title} · {}", groups.join(", "));
    (
        flow.finish_with_head(&title, &footer, page_label(lang)),
        found,
    )
}

fn group(flow: &mut Flow<'_>, r: &YearReport, g: &GroupReport, lang: Lang) {
    let t = |sv: &'static str, en: &'static str| lang.pick(sv, en);
    let y = &g.current;
    flow.heading(16.0, 40.0, &format!("{} {}", g.group_name, r.year));

    // Figures.
    let year = r.year.to_string();
    let mut columns = vec![
        Column::new(t("Uppgift", "Figure"), 2.6),
        Column::new(&year, 0.8),
    ];
    if let Some(c) = r.compare_year {
        columns.push(Column::new(&c.to_string(), 0.8));
        columns.push(Column::new(t("Förändring", "Change"), 1.1));
    }
    columns.push(Column::new(t("Så räknas det", "How it is counted"), 4.2));
    let rows = g
        .figures
        .iter()
        .map(|f| {
            let mut row = vec![f.label.clone(), show(f, Some(f.value))];
            if r.compare_year.is_some() {
                row.push(show(f, f.previous));
                row.push(match (f.change, f.unit) {
                    (Some(c), FigureUnit::Share) => {
                        format!("{:+.0} {}", c * 100.0, t("procentenheter", "points"))
                    }
                    (Some(c), _) if c.fract() != 0.0 => format!("{c:+.1}"),
                    (Some(c), _) => format!("{c:+}"),
                    (None, _) => "–".to_owned(),
                });
            }
            row.push(f.explanation.clone());
            row
        })
        .collect();
    let table = Table {
        columns,
        rows,
        size: 8.0,
        min_row: 0.0,
    };
    flow.heading(
        12.0,
        flow.table_start_height(&table),
        t("Nyckeltal", "Key figures"),
    );
    flow.table(&table);
    flow.space(12.0);

    let letters: Vec<String> = OrgPresence::ALL
        .iter()
        .map(|p| p.letter(lang).to_owned())
        .collect();
    // Meetings.
    if !y.meeting_rows.is_empty() {
        let mut columns = vec![
            Column::new(t("Datum", "Date"), 1.4),
            Column::new(t("Kallade", "Invited"), 1.0),
        ];
        columns.extend(letters.iter().map(|l| Column::new(l, 0.6)));
        columns.push(Column::new(t("Närvaro", "Present"), 1.0));
        let rows = y
            .meeting_rows
            .iter()
            .map(|m| {
                let mut row = vec![
                    if m.extra {
                        format!("{} ({})", m.date, t("extra", "extra"))
                    } else {
                        m.date.to_string()
                    },
                    m.invited.to_string(),
                ];
                row.extend(
                    OrgPresence::ALL
                        .iter()
                        .map(|p| m.counts.get(*p).to_string()),
                );
                row.push(share(m.counts.share()));
                row
            })
            .collect();
        let table = Table {
            columns,
            rows,
            size: 8.5,
            min_row: 0.0,
        };
        flow.heading(
            12.0,
            flow.table_start_height(&table),
            t("Genomförda möten", "Meetings held"),
        );
        flow.table(&table);
        legend_line(flow, lang);
        flow.space(12.0);
    }

    // Organisations.
    if !y.organisations.is_empty() {
        let mut columns = vec![
            Column::new(t("Organisation", "Organisation"), 3.0),
            Column::new(t("Typ", "Kind"), 1.6),
            Column::new(t("Kallad", "Invited"), 0.9),
        ];
        columns.extend(letters.iter().map(|l| Column::new(l, 0.5)));
        columns.push(Column::new(t("Närvaro", "Present"), 0.9));
        let rows = y
            .organisations
            .iter()
            .map(|o| {
                let mut row = vec![
                    o.name.clone(),
                    o.kind.label(lang).to_owned(),
                    o.invited.to_string(),
                ];
                row.extend(
                    OrgPresence::ALL
                        .iter()
                        .map(|p| o.counts.get(*p).to_string()),
                );
                row.push(share(o.share_present));
                row
            })
            .collect();
        let table = Table {
            columns,
            rows,
            size: 8.5,
            min_row: 0.0,
        };
        flow.heading(
            12.0,
            flow.table_start_height(&table),
            t("Närvaro per organisation", "Attendance per organisation"),
        );
        flow.table(&table);
        flow.space(12.0);
        grid(flow, g, lang);
        bars(flow, g, lang);
    }

    // Seats.
    if !y.coverage.seats.is_empty() {
        let rows = y
            .coverage
            .seats
            .iter()
            .map(|s| {
                vec![
                    s.position.to_string(),
                    s.description.clone(),
                    s.role.label(lang).to_owned(),
                    s.days_empty.to_string(),
                    if s.empty_at_end {
                        t("tom", "empty")
                    } else {
                        ""
                    }
                    .to_owned(),
                ]
            })
            .collect();
        let table = Table {
            columns: vec![
                Column::new(t("Plats", "Seat"), 0.6),
                Column::new(t("För", "For"), 3.4),
                Column::new(t("Roll", "Role"), 1.4),
                Column::new(t("Dagar tom", "Days empty"), 1.0),
                Column::new(&format!("{} {}", t("Den", "On"), y.until), 1.2),
            ],
            rows,
            size: 8.5,
            min_row: 0.0,
        };
        flow.heading(
            12.0,
            flow.table_start_height(&table),
            &format!(
                "{} ({} {})",
                t("Platserna", "The seats"),
                y.coverage.days,
                t("dagar räknade", "days counted")
            ),
        );
        flow.table(&table);
    }
}

/// The letters of the tables and the grid, explained.
fn legend_line(flow: &mut Flow<'_>, lang: Lang) {
    let text = OrgPresence::ALL
        .iter()
        .map(|p| format!("{} = {}", p.letter(lang), p.label(lang).to_lowercase()))
        .collect::<Vec<_>>()
        .join(" · ");
    flow.space(3.0);
    flow.paragraph(Style::Regular, 7.5, 0.0, &text);
}

const CELL: f32 = 17.0;

/// The attendance grid: a row per organisation, a column per held meeting (in blocks that
/// fit the page's width), each cell shaded and lettered; the legend below.
fn grid(flow: &mut Flow<'_>, g: &GroupReport, lang: Lang) {
    let t = |sv: &'static str, en: &'static str| lang.pick(sv, en);
    let y = &g.current;
    let fonts = flow.fonts();
    let label_w = 150.0;
    let per_block = (((flow.width() - label_w) / CELL).floor() as usize).max(1);
    let meetings: Vec<_> = y.meeting_rows.iter().collect();
    let blocks: Vec<_> = meetings.chunks(per_block).collect();
    let presence: std::collections::HashMap<(i64, i64), OrgPresence> = y
        .cells
        .iter()
        .map(|c| ((c.meeting_id, c.organisation_id), c.presence))
        .collect();
    let head_h = 24.0;
    let first_row = y
        .organisations
        .first()
        .map_or(CELL, |o| row_height(fonts, label_w, &o.name));
    flow.heading(
        12.0,
        head_h + first_row,
        t("Närvaro möte för möte", "Attendance meeting by meeting"),
    );
    for block in blocks {
        let header = |flow: &mut Flow<'_>| {
            let (x0, top) = (flow.left() + label_w, flow.y());
            for (i, m) in block.iter().enumerate() {
                let x = x0 + i as f32 * CELL;
                let day = format!("{}/{}", m.date.day(), m.date.month());
                let w = fonts.width(Style::Regular, 6.5, &day);
                flow.text_at(x + (CELL - w) / 2.0, top + 18.0, Style::Regular, 6.5, &day);
            }
            flow.advance(head_h);
        };
        flow.ensure(head_h + first_row);
        header(flow);
        for o in &y.organisations {
            let h = row_height(fonts, label_w, &o.name);
            if h > flow.remaining() {
                flow.page_break();
                header(flow);
            }
            let (x, top) = (flow.left(), flow.y());
            let lines = wrap(fonts, Style::Regular, 7.5, label_w - 6.0, &o.name);
            for (i, line) in lines.iter().enumerate() {
                flow.text_at(x, top + 10.5 + i as f32 * 9.5, Style::Regular, 7.5, line);
            }
            for (i, m) in block.iter().enumerate() {
                let cx = x + label_w + i as f32 * CELL;
                match presence.get(&(m.meeting_id, o.organisation_id)).copied() {
                    None => {
                        // Not invited to this meeting: an empty, unruled cell.
                    }
                    Some(p) => {
                        let (fill, ink) = shade(p);
                        flow.push(Item::Rect {
                            x: cx + 1.0,
                            y: top + 1.0,
                            w: CELL - 2.0,
                            h: CELL - 2.0,
                            fill,
                            stroke: Some(0.5),
                        });
                        let letter = p.letter(lang);
                        let w = fonts.width(Style::Bold, 8.0, letter);
                        flow.gray_text_at(
                            cx + (CELL - w) / 2.0,
                            top + 11.5,
                            Style::Bold,
                            8.0,
                            ink,
                            letter,
                        );
                    }
                }
            }
            flow.advance(h);
        }
        flow.space(6.0);
    }
    // The legend: a sample cell of each presence with its meaning.
    flow.ensure(CELL * 3.0);
    let mut x = flow.left();
    let top = flow.y();
    for p in OrgPresence::ALL {
        let label = p.label(lang);
        let w = fonts.width(Style::Regular, 7.5, label);
        if x + CELL + 4.0 + w > flow.left() + flow.width() {
            flow.advance(CELL + 2.0);
            x = flow.left();
        }
        let top = flow.y().max(top);
        let (fill, ink) = shade(p);
        flow.push(Item::Rect {
            x,
            y: top + 1.0,
            w: CELL - 2.0,
            h: CELL - 2.0,
            fill,
            stroke: Some(0.5),
        });
        let letter = p.letter(lang);
        let lw = fonts.width(Style::Bold, 8.0, letter);
        flow.gray_text_at(
            x + (CELL - 2.0 - lw) / 2.0,
            top + 11.5,
            Style::Bold,
            8.0,
            ink,
            letter,
        );
        flow.text_at(x + CELL + 2.0, top + 11.0, Style::Regular, 7.5, label);
        x += CELL + 2.0 + w + 12.0;
    }
    flow.advance(CELL + 2.0);
    flow.paragraph(
        Style::Regular,
        7.5,
        0.0,
        t(
            "En tom ruta: organisationen var inte kallad till mötet (ingen hade uppdraget den dagen).",
            "An empty square: the organisation was not invited to the meeting (nobody served on that day).",
        ),
    );
    flow.space(12.0);
}

fn row_height(fonts: &Fonts, label_w: f32, name: &str) -> f32 {
    let lines = wrap(fonts, Style::Regular, 7.5, label_w - 6.0, name).len();
    (lines as f32 * 9.5 + 4.0).max(CELL)
}

/// Attendance per kind of organisation as horizontal bars, each with its share written out.
fn bars(flow: &mut Flow<'_>, g: &GroupReport, lang: Lang) {
    let t = |sv: &'static str, en: &'static str| lang.pick(sv, en);
    let kinds = &g.current.kinds;
    if kinds.is_empty() {
        return;
    }
    let fonts = flow.fonts();
    let label_w = 130.0;
    let bar_w = flow.width() - label_w - 60.0;
    let row = 16.0;
    flow.heading(
        12.0,
        row * kinds.len() as f32 + 10.0,
        t(
            "Närvaro per organisationstyp",
            "Attendance per kind of organisation",
        ),
    );
    for k in kinds {
        flow.ensure(row);
        let (x, top) = (flow.left(), flow.y());
        let label = format!("{} ({})", k.kind.label(lang), k.organisations);
        for (i, line) in wrap(fonts, Style::Regular, 8.0, label_w - 6.0, &label)
            .iter()
            .enumerate()
        {
            flow.text_at(x, top + 10.5 + i as f32 * 9.5, Style::Regular, 8.0, line);
        }
        let s = k.share_present.unwrap_or(0.0) as f32;
        flow.push(Item::Rect {
            x: x + label_w,
            y: top + 3.0,
            w: bar_w,
            h: row - 6.0,
            fill: None,
            stroke: Some(0.5),
        });
        if s > 0.0 {
            flow.push(Item::Rect {
                x: x + label_w,
                y: top + 3.0,
                w: bar_w * s,
                h: row - 6.0,
                fill: Some(0.35),
                stroke: None,
            });
        }
        let pct = format!(
            "{} ({}/{})",
            share(k.share_present),
            k.counts.present(),
            k.invited
        );
        flow.text_at(
            x + label_w + bar_w + 6.0,
            top + 10.5,
            Style::Regular,
            8.0,
            &pct,
        );
        let lines = wrap(fonts, Style::Regular, 8.0, label_w - 6.0, &label).len();
        flow.advance((lines as f32 * 9.5 + 4.0).max(row));
    }
    flow.space(12.0);
}

/// The report as a drawing list.
pub fn layout_document(
    r: &YearReport,
    lang: Lang,
    fonts: &Fonts,
    created: DateTime<Utc>,
) -> Result<Document, Error> {
    check_printable(r, lang, fonts)?;
    let (_, pages_of) = layout(r, lang, fonts, created, &[]);
    let (pages, _) = layout(r, lang, fonts, created, &pages_of);
    let info = DocInfo {
        title: format!("{} {}", lang.pick("Årsrapport", "Yearly report"), r.year),
        author: r.network_name.clone().unwrap_or_default(),
        subject: r
            .groups
            .iter()
            .map(|g| g.group_name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        created,
        lang,
    };
    Ok(Document::new(PageSetup::a4(), info, pages))
}

/// The report as PDF bytes.
pub fn document(r: &YearReport, lang: Lang, created: DateTime<Utc>) -> Result<Vec<u8>, Error> {
    let fonts = crate::pdf::fonts()?;
    crate::pdf::to_pdf(&layout_document(r, lang, fonts, created)?)
}
