//! The yearly report as a PDF: A4, a title page with the contents, then for each group its
//! figures (with the compared year), meetings, attendance per organisation, an attendance
//! grid (organisations × meetings, each cell shaded and lettered, so that it reads in black
//! and white), bars of attendance per kind of organisation, the seats held over the year as a
//! line, and the seats that stood empty; the working groups before the groups. Laid out on the project's
//! drawing list; names no person.

use chrono::{DateTime, Datelike, Utc};

use super::{
    Figure, FigureUnit, GroupReport, OrgPresence, PresenceCounts, WorkingGroupsReport, YearReport,
};
use crate::error::Error;
use crate::lang::Lang;
use crate::pdf::{
    Column, DocInfo, Document, Flow, Fonts, Item, PageSetup, Style, Table, TextRun, TitleBlock,
    page_label, wrap,
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
    for w in r.working_groups.iter().flat_map(|w| &w.current.groups) {
        fields.push((lang.pick("Grupp", "Group").to_owned(), &w.name));
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

/// The report laid out in one pass: the contents' page numbers are written in afterwards, at
/// the places kept for them (a number does not change the height of its line).
fn layout(
    r: &YearReport,
    lang: Lang,
    fonts: &Fonts,
    created: DateTime<Utc>,
) -> Vec<crate::pdf::Page> {
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
        .chain(
            r.working_groups
                .as_ref()
                .map(|_| t("Arbetsgrupper", "Working groups").to_owned()),
        )
        .chain(groups.iter().cloned())
        .collect();
    // Where each entry's page number goes: (page index, right edge, baseline).
    let mut numbers: Vec<(usize, f32, f32)> = Vec::with_capacity(sections.len());
    for s in &sections {
        let (x, w) = (flow.left(), flow.width());
        let lines = wrap(fonts, Style::Regular, 10.0, w - 40.0, s);
        flow.ensure(lines.len() as f32 * 13.0 + 2.0);
        let y = flow.y() + 11.0;
        for (n, line) in lines.iter().enumerate() {
            flow.text_at(x, y + n as f32 * 13.0, Style::Regular, 10.0, line);
        }
        numbers.push((flow.page_count() - 1, x + w, y));
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
    if let Some(w) = &r.working_groups {
        flow.page_break();
        found.push(flow.page_count());
        working_groups(&mut flow, r, w, lang);
    }
    for g in &r.groups {
        flow.page_break();
        found.push(flow.page_count());
        group(&mut flow, r, g, lang);
    }
    let footer = format!("{title} · {}", groups.join(", "));
    let mut pages = flow.finish_with_head(&title, &footer, page_label(lang));
    for ((page, right, y), on) in numbers.into_iter().zip(found) {
        let text = on.to_string();
        let x = right - fonts.width(Style::Regular, 10.0, &text);
        if let Some(p) = pages.get_mut(page) {
            p.items.push(Item::Text(TextRun {
                x,
                y,
                size: 10.0,
                style: Style::Regular,
                gray: 0.0,
                text,
            }));
        }
    }
    pages
}

fn group(flow: &mut Flow<'_>, r: &YearReport, g: &GroupReport, lang: Lang) {
    let t = |sv: &'static str, en: &'static str| lang.pick(sv, en);
    let y = &g.current;
    flow.heading(16.0, 40.0, &format!("{} {}", g.group_name, r.year));

    figures_table(flow, r, &g.figures, t("Nyckeltal", "Key figures"), lang);
    flow.space(12.0);

    // Meetings.
    if !y.meeting_rows.is_empty() {
        let rows = y.meeting_rows.iter().map(|m| {
            let date = if m.extra {
                format!("{} ({})", m.date, t("extra", "extra"))
            } else {
                m.date.to_string()
            };
            (vec![date, m.invited.to_string()], &m.counts)
        });
        presence_table(
            flow,
            t("Genomförda möten", "Meetings held"),
            &[(t("Datum", "Date"), 1.4), (t("Kallade", "Invited"), 1.0)],
            (0.6, 1.0),
            rows,
            lang,
        );
        legend_line(flow, lang);
        flow.space(12.0);
    }

    // Organisations.
    if !y.organisations.is_empty() {
        let rows = y.organisations.iter().map(|o| {
            let lead = vec![
                o.name.clone(),
                o.kind.label(lang).to_owned(),
                o.invited.to_string(),
            ];
            (lead, &o.counts)
        });
        presence_table(
            flow,
            t("Närvaro per organisation", "Attendance per organisation"),
            &[
                (t("Organisation", "Organisation"), 3.0),
                (t("Typ", "Kind"), 1.6),
                (t("Kallad", "Invited"), 0.9),
            ],
            (0.5, 0.9),
            rows,
            lang,
        );
        flow.space(12.0);
        grid(flow, g, lang);
        bars(flow, g, lang);
    }

    // Seats held over the year.
    seats_line(flow, r, g, lang);

    // The seats that stood empty on some day; the workbook lists every seat.
    if !y.coverage.seats.is_empty() {
        let empty: Vec<_> = y
            .coverage
            .seats
            .iter()
            .filter(|s| s.days_empty > 0)
            .collect();
        let heading = format!(
            "{} ({} {})",
            t("Platser som stått tomma", "Seats that stood empty"),
            y.coverage.days,
            t("dagar räknade", "days counted")
        );
        let held = y.coverage.seats.len() - empty.len();
        let note = format!(
            "{} {held} {} {}.",
            t("De övriga", "The other"),
            t(
                "platserna hade en innehavare varje dag; arbetsboken listar alla",
                "seats had a holder on every day; the workbook lists all",
            ),
            y.coverage.seats.len()
        );
        if empty.is_empty() {
            flow.heading(12.0, 20.0, &heading);
            flow.paragraph(Style::Regular, 9.0, 0.0, &note);
            return;
        }
        let rows = empty
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
        flow.heading(12.0, flow.table_start_height(&table), &heading);
        flow.table(&table);
        if held > 0 {
            flow.space(3.0);
            flow.paragraph(Style::Regular, 7.5, 0.0, &note);
        }
    }
}

/// A table of headline figures: each with its value, the compared year's and the change when
/// a year is compared, and the line saying how it is counted.
fn figures_table(
    flow: &mut Flow<'_>,
    r: &YearReport,
    figures: &[Figure],
    heading: &str,
    lang: Lang,
) {
    let t = |sv: &'static str, en: &'static str| lang.pick(sv, en);
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
    let rows = figures
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
    flow.heading(12.0, flow.table_start_height(&table), heading);
    flow.table(&table);
}

/// A table of attendance counts: the leading columns given (header, share), then a column per
/// presence (headed by its letter) and the share present. `widths` are the shares of a
/// letter's column and of the share's.
fn presence_table<'a>(
    flow: &mut Flow<'_>,
    heading: &str,
    lead: &[(&str, f32)],
    widths: (f32, f32),
    rows: impl Iterator<Item = (Vec<String>, &'a PresenceCounts)>,
    lang: Lang,
) {
    let mut columns: Vec<Column> = lead.iter().map(|(h, w)| Column::new(h, *w)).collect();
    columns.extend(
        OrgPresence::ALL
            .iter()
            .map(|p| Column::new(p.letter(lang), widths.0)),
    );
    columns.push(Column::new(lang.pick("Närvaro", "Present"), widths.1));
    let rows = rows
        .map(|(mut row, counts)| {
            row.extend(OrgPresence::ALL.iter().map(|p| counts.get(*p).to_string()));
            row.push(share(counts.share()));
            row
        })
        .collect();
    let table = Table {
        columns,
        rows,
        size: 8.5,
        min_row: 0.0,
    };
    flow.heading(12.0, flow.table_start_height(&table), heading);
    flow.table(&table);
}

/// The working groups: their headline figures, then a row per group active in the year.
fn working_groups(flow: &mut Flow<'_>, r: &YearReport, w: &WorkingGroupsReport, lang: Lang) {
    let t = |sv: &'static str, en: &'static str| lang.pick(sv, en);
    flow.heading(
        16.0,
        40.0,
        &format!("{} {}", t("Arbetsgrupper", "Working groups"), r.year),
    );
    figures_table(flow, r, &w.figures, t("Nyckeltal", "Key figures"), lang);
    flow.space(12.0);
    if w.current.groups.is_empty() {
        flow.paragraph(
            Style::Regular,
            9.0,
            0.0,
            t(
                "Ingen arbetsgrupp var verksam under året.",
                "No working group was active in the year.",
            ),
        );
        return;
    }
    let rows = w
        .current
        .groups
        .iter()
        .map(|g| {
            vec![
                g.name.clone(),
                g.formed_on
                    .map_or_else(|| "–".to_owned(), |d| d.to_string())
                    + if g.formed_in_year {
                        t(" (ny)", " (new)")
                    } else {
                        ""
                    },
                g.members.to_string(),
                g.members_at_end.to_string(),
                g.organisations.to_string(),
                g.meetings.held.to_string(),
                g.meetings.planned.to_string(),
                g.meetings.cancelled.to_string(),
            ]
        })
        .collect();
    let table = Table {
        columns: vec![
            Column::new(t("Arbetsgrupp", "Working group"), 2.4),
            Column::new(t("Första dag", "First day"), 1.6),
            Column::new(t("Ledamöter", "Members"), 1.0),
            Column::new(&format!("{} {}", t("Den", "On"), w.current.until), 1.2),
            Column::new(t("Organisationer", "Organisations"), 1.9),
            Column::new(t("Möten genomförda", "Meetings held"), 1.1),
            Column::new(t("Planerade", "Planned"), 1.0),
            Column::new(t("Inställda", "Cancelled"), 1.0),
        ],
        rows,
        size: 8.5,
        min_row: 0.0,
    };
    flow.heading(
        12.0,
        flow.table_start_height(&table),
        t(
            "Arbetsgrupperna under året",
            "The working groups in the year",
        ),
    );
    flow.table(&table);
    flow.space(3.0);
    flow.paragraph(
        Style::Regular,
        7.5,
        0.0,
        t(
            "Ledamöter: personer med uppdrag i gruppen någon dag i perioden; kolumnen med datum: de som hade uppdrag periodens sista dag. Organisationer: de organisationer ledamöterna hade uppdraget för.",
            "Members: people serving in the group on a day of the period; the dated column: those serving on the period's last day. Organisations: those the members served for.",
        ),
    );
}

/// Held seats day by day as a line (the compared year's as a thinner, lighter one), with the
/// count on the axis and the months below; each line is named at its end, so the chart
/// reads in grey as in colour.
fn seats_line(flow: &mut Flow<'_>, r: &YearReport, g: &GroupReport, lang: Lang) {
    let t = |sv: &'static str, en: &'static str| lang.pick(sv, en);
    let cur = &g.current.coverage;
    if cur.seats.is_empty() || cur.filled_by_day.is_empty() {
        return;
    }
    let prev = g.previous.as_ref().map(|p| &p.coverage.filled_by_day);
    let fonts = flow.fonts();
    let (chart_h, axis_w, foot) = (120.0, 28.0, 30.0);
    flow.heading(
        12.0,
        chart_h + foot,
        t("Besatta platser över året", "Seats held over the year"),
    );
    flow.ensure(chart_h + foot);
    let x0 = flow.left() + axis_w;
    let w = flow.width() - axis_w - 40.0;
    let top = flow.y() + 6.0;
    let bottom = top + chart_h;
    let max = cur
        .filled_by_day
        .iter()
        .chain(prev.into_iter().flatten())
        .copied()
        .max()
        .unwrap_or(0)
        .max(u32::try_from(cur.seats.len()).unwrap_or(u32::MAX))
        .max(1);
    let y_of = |n: u32| bottom - chart_h * (n as f32 / max as f32);
    // A day's x: the year's 365 or 366 days across the width.
    let year_days = if chrono::NaiveDate::from_ymd_opt(r.year, 2, 29).is_some() {
        366.0
    } else {
        365.0
    };
    let x_of = |day: usize| x0 + w * (day as f32 / year_days);
    // Scale: zero, half and the most seats, with light rules.
    for n in [0, max / 2, max] {
        let y = y_of(n);
        flow.push(Item::Line {
            x1: x0,
            y1: y,
            x2: x0 + w,
            y2: y,
            width: 0.4,
            gray: if n == 0 { 0.0 } else { 0.8 },
        });
        let label = n.to_string();
        let lw = fonts.width(Style::Regular, 7.0, &label);
        flow.text_at(x0 - 4.0 - lw, y + 2.5, Style::Regular, 7.0, &label);
    }
    // Months: a tick on each first, the month's number under it.
    for month in 1..=12u32 {
        let Some(first) = chrono::NaiveDate::from_ymd_opt(r.year, month, 1) else {
            continue;
        };
        let day = first.ordinal0() as usize;
        let x = x_of(day);
        flow.push(Item::Line {
            x1: x,
            y1: bottom,
            x2: x,
            y2: bottom + 3.0,
            width: 0.4,
            gray: 0.0,
        });
        let label = month.to_string();
        flow.text_at(x + 2.0, bottom + 11.0, Style::Regular, 7.0, &label);
    }
    // Draws the series as a step line; where its end is, for its name.
    let mut line = |series: &[u32], width: f32, gray: f32| -> Option<(f32, f32)> {
        let first = series.first()?;
        let mut from = 0usize;
        let mut level = *first;
        for (i, n) in series.iter().enumerate().skip(1) {
            if *n != level {
                // Flat to the day of the change, then up or down.
                flow.push(Item::Line {
                    x1: x_of(from),
                    y1: y_of(level),
                    x2: x_of(i),
                    y2: y_of(level),
                    width,
                    gray,
                });
                flow.push(Item::Line {
                    x1: x_of(i),
                    y1: y_of(level),
                    x2: x_of(i),
                    y2: y_of(*n),
                    width,
                    gray,
                });
                from = i;
                level = *n;
            }
        }
        let end = series.len();
        flow.push(Item::Line {
            x1: x_of(from),
            y1: y_of(level),
            x2: x_of(end),
            y2: y_of(level),
            width,
            gray,
        });
        Some((x_of(end) + 3.0, y_of(level) + 2.5))
    };
    let previous = match (prev, r.compare_year) {
        (Some(p), Some(c)) => line(p, 0.8, 0.6).map(|at| (at, c)),
        _ => None,
    };
    // Each line named at its end; the compared year's name moved below when the two meet.
    if let Some((x, y)) = line(&cur.filled_by_day, 1.6, 0.0) {
        flow.text_at(x, y, Style::Bold, 7.0, &r.year.to_string());
        if let Some(((px, py), c)) = previous {
            let py = if (py - y).abs() < 8.0 { y + 8.0 } else { py };
            flow.text_at(px, py, Style::Regular, 7.0, &c.to_string());
        }
    }
    flow.advance(chart_h + foot - 8.0);
    let mut note = format!(
        "{} {} {} {}",
        t(
            "Platser med innehavare dag för dag,",
            "Seats with a holder day by day,"
        ),
        g.current.from,
        t("till", "to"),
        g.current.until,
    );
    note.push_str(&format!(
        "; {} {} {} {}.",
        t("i snitt", "on average"),
        cur.filled_average
            .map_or_else(|| "–".to_owned(), |a| format!("{a:.1}")),
        t("av", "of"),
        cur.seats.len()
    ));
    if let Some(c) = r.compare_year {
        note.push_str(&format!(
            " {} {c}.",
            t(
                "Den tunnare, ljusare linjen är",
                "The thinner, lighter line is"
            )
        ));
    }
    flow.paragraph(Style::Regular, 7.5, 0.0, &note);
    flow.space(12.0);
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
    // Drawn as a table is (a shaded, framed header row, a framed row per organisation, a
    // rule between columns), so that the tagged PDF reads it as one: a header cell per
    // meeting, then a row per organisation with its name and a cell per meeting.
    for block in blocks {
        let width = label_w + block.len() as f32 * CELL;
        let rules = |flow: &mut Flow<'_>, top: f32, h: f32| {
            let x0 = flow.left() + label_w;
            for i in 0..block.len() {
                let x = x0 + i as f32 * CELL;
                flow.push(Item::Line {
                    x1: x,
                    y1: top,
                    x2: x,
                    y2: top + h,
                    width: 0.5,
                    gray: 0.0,
                });
            }
        };
        let header = |flow: &mut Flow<'_>| {
            let (x0, top) = (flow.left(), flow.y());
            flow.push(Item::Rect {
                x: x0,
                y: top,
                w: width,
                h: head_h,
                fill: Some(0.9),
                stroke: Some(0.5),
            });
            rules(flow, top, head_h);
            flow.text_at(
                x0 + 3.0,
                top + 15.0,
                Style::Bold,
                7.5,
                t("Organisation", "Organisation"),
            );
            for (i, m) in block.iter().enumerate() {
                let x = x0 + label_w + i as f32 * CELL;
                let day = format!("{}/{}", m.date.day(), m.date.month());
                // "12/11" is wider than a cell at 6.5 pt: such a date shrinks to fit.
                let size = (6.5 * (CELL - 3.0) / fonts.width(Style::Regular, 6.5, &day)).min(6.5);
                let w = fonts.width(Style::Regular, size, &day);
                flow.text_at(x + (CELL - w) / 2.0, top + 15.0, Style::Regular, size, &day);
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
            flow.push(Item::Rect {
                x,
                y: top,
                w: width,
                h,
                fill: None,
                stroke: Some(0.5),
            });
            rules(flow, top, h);
            let lines = wrap(fonts, Style::Regular, 7.5, label_w - 6.0, &o.name);
            for (i, line) in lines.iter().enumerate() {
                flow.text_at(
                    x + 3.0,
                    top + 10.5 + i as f32 * 9.5,
                    Style::Regular,
                    7.5,
                    line,
                );
            }
            for (i, m) in block.iter().enumerate() {
                let cx = x + label_w + i as f32 * CELL;
                match presence.get(&(m.meeting_id, o.organisation_id)).copied() {
                    None => {
                        // Not invited to this meeting: an empty cell.
                    }
                    Some(p) => {
                        let (fill, ink) = shade(p);
                        if fill.is_some() {
                            flow.push(Item::Rect {
                                x: cx + 1.0,
                                y: top + 1.0,
                                w: CELL - 2.0,
                                h: CELL - 2.0,
                                fill,
                                stroke: None,
                            });
                        }
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
        // The sample's frame is four rules, not a framed rectangle, which the tagged PDF
        // would read as a table.
        let (x1, y1, side) = (x, top + 1.0, CELL - 2.0);
        if fill.is_some() {
            flow.push(Item::Rect {
                x: x1,
                y: y1,
                w: side,
                h: side,
                fill,
                stroke: None,
            });
        }
        for (ax, ay, bx, by) in [
            (x1, y1, x1 + side, y1),
            (x1 + side, y1, x1 + side, y1 + side),
            (x1 + side, y1 + side, x1, y1 + side),
            (x1, y1 + side, x1, y1),
        ] {
            flow.push(Item::Line {
                x1: ax,
                y1: ay,
                x2: bx,
                y2: by,
                width: 0.5,
                gray: 0.0,
            });
        }
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
    let pages = layout(r, lang, fonts, created);
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
