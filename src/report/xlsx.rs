//! The yearly report as a workbook: one sheet per table and the raw rows behind them, real
//! numbers and dates, a bold header row that stays in view and repeats on every printed page,
//! landscape A4 fitted to the width, and native charts of attendance per kind and per meeting
//! and of the seats held over the year (a line). The coordinator's texts have a sheet of their
//! own, and so have the working groups. Also the raw rows as CSV.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{Chart, ChartType, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::{OrgPresence, YearReport};
use crate::error::Error;
use crate::lang::Lang;
use crate::model::Id;

fn xlsx_error(e: XlsxError) -> Error {
    Error::internal(crate::error::Internal::Workbook, e)
}

/// One cell of a table.
#[derive(Debug, Clone)]
enum Cell {
    Text(String),
    Number(f64),
    /// A share, 0 to 1, shown as per cent.
    Share(Option<f64>),
    Date(NaiveDate),
    /// Text of paragraphs, wrapped in its cell.
    Long(String),
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn num(v: impl Into<f64>) -> Cell {
    Cell::Number(v.into())
}

struct Formats {
    bold: Format,
    share: Format,
    date: Format,
    text: Format,
    long: Format,
}

fn sheet(
    wb: &mut Workbook,
    f: &Formats,
    name: &str,
    header: &[&str],
    rows: &[Vec<Cell>],
) -> Result<(), Error> {
    let ws: &mut Worksheet = wb.add_worksheet();
    ws.set_name(name).map_err(xlsx_error)?;
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(0, col(c)?, *h, &f.bold)
            .map_err(xlsx_error)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = u32::try_from(i + 1)
            .map_err(|_| xlsx_error(XlsxError::ParameterError("rows".into())))?;
        for (c, v) in r.iter().enumerate() {
            let cc = col(c)?;
            let w = match v {
                Cell::Text(s) => {
                    ws.write_string_with_format(row, cc, s, &f.text)
                        .map_err(xlsx_error)?;
                    s.chars().count()
                }
                Cell::Number(n) => {
                    ws.write_number(row, cc, *n).map_err(xlsx_error)?;
                    8
                }
                Cell::Share(Some(n)) => {
                    ws.write_number_with_format(row, cc, *n, &f.share)
                        .map_err(xlsx_error)?;
                    8
                }
                Cell::Share(None) => 2,
                Cell::Date(d) => {
                    let dt = excel_date(*d)?;
                    ws.write_datetime_with_format(row, cc, &dt, &f.date)
                        .map_err(xlsx_error)?;
                    10
                }
                Cell::Long(s) => {
                    ws.write_string_with_format(row, cc, s, &f.long)
                        .map_err(xlsx_error)?;
                    s.chars().count()
                }
            };
            if let Some(x) = widths.get_mut(c) {
                *x = (*x).max(w);
            }
        }
    }
    let last_row = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    let last_col = col(header.len().saturating_sub(1))?;
    ws.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    ws.autofilter(0, 0, last_row, last_col)
        .map_err(xlsx_error)?;
    ws.set_repeat_rows(0, 0).map_err(xlsx_error)?;
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
    ws.set_footer("&C&P / &N");
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(col(c)?, (*w as f64 + 2.0).clamp(8.0, 70.0))
            .map_err(xlsx_error)?;
    }
    Ok(())
}

fn col(c: usize) -> Result<u16, Error> {
    u16::try_from(c).map_err(|_| xlsx_error(XlsxError::ParameterError("columns".into())))
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, Error> {
    let y = u16::try_from(d.year())
        .map_err(|_| xlsx_error(XlsxError::ParameterError("year".into())))?;
    ExcelDateTime::from_ymd(y, d.month() as u8, d.day() as u8).map_err(xlsx_error)
}

/// The names of the workbook's sheets, in order: summary, texts, meetings, organisations,
/// kinds, seats, seats over the year, working groups, raw rows.
pub fn sheet_names(lang: Lang) -> [&'static str; 9] {
    [
        lang.pick("Sammanfattning", "Summary"),
        lang.pick("Texter", "Texts"),
        lang.pick("Möten", "Meetings"),
        lang.pick("Organisationer", "Organisations"),
        lang.pick("Organisationstyper", "Kinds"),
        lang.pick("Platser", "Seats"),
        lang.pick("Platser över året", "Seats over the year"),
        lang.pick("Arbetsgrupper", "Working groups"),
        lang.pick("Rådata", "Raw rows"),
    ]
}

/// The raw rows: one per group, held meeting and organisation invited, with its attendance.
fn raw_rows(r: &YearReport, lang: Lang) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for g in &r.groups {
        let names: std::collections::HashMap<Id, (&str, &str)> = g
            .current
            .organisations
            .iter()
            .map(|o| (o.organisation_id, (o.name.as_str(), o.kind.label(lang))))
            .collect();
        for c in &g.current.cells {
            let (name, kind) = names.get(&c.organisation_id).copied().unwrap_or(("", ""));
            rows.push(vec![
                text(g.group_name.clone()),
                Cell::Date(c.date),
                text(name),
                text(kind),
                text(c.presence.label(lang)),
                num(u32::from(c.presence.present())),
            ]);
        }
    }
    rows
}

fn raw_header(lang: Lang) -> [&'static str; 6] {
    [
        lang.pick("Grupp", "Group"),
        lang.pick("Datum", "Date"),
        lang.pick("Organisation", "Organisation"),
        lang.pick("Typ", "Kind"),
        lang.pick("Närvaro", "Attendance"),
        lang.pick("Närvarande (1/0)", "Present (1/0)"),
    ]
}

fn presence_header(lang: Lang) -> Vec<&'static str> {
    OrgPresence::ALL.iter().map(|p| p.label(lang)).collect()
}

fn presence_cells(c: &super::PresenceCounts) -> Vec<Cell> {
    OrgPresence::ALL.iter().map(|p| num(c.get(*p))).collect()
}

/// The workbook of the report.
pub fn workbook(r: &YearReport, lang: Lang) -> Result<Vec<u8>, Error> {
    let mut wb = Workbook::new();
    let f = Formats {
        bold: Format::new().set_bold(),
        share: Format::new().set_num_format("0%"),
        date: Format::new().set_num_format("yyyy-mm-dd"),
        text: Format::new().set_num_format("@"),
        long: Format::new()
            .set_num_format("@")
            .set_text_wrap()
            .set_align(rust_xlsxwriter::FormatAlign::Top),
    };
    let names = sheet_names(lang);
    let year = r.year.to_string();
    let compare = r.compare_year.map(|c| c.to_string());

    // Summary.
    let mut header = vec![
        lang.pick("Grupp", "Group"),
        lang.pick("Uppgift", "Figure"),
        &year,
    ];
    if let Some(c) = &compare {
        header.push(c);
        header.push(lang.pick("Förändring", "Change"));
    }
    header.push(lang.pick("Så räknas det", "How it is counted"));
    let mut rows = Vec::new();
    for g in &r.groups {
        for fig in &g.figures {
            let share = fig.unit == super::FigureUnit::Share;
            let v = |x: Option<f64>| match (share, x) {
                (true, x) => Cell::Share(x),
                (false, Some(x)) => num(x),
                (false, None) => text(""),
            };
            let mut row = vec![
                text(g.group_name.clone()),
                text(fig.label.clone()),
                v(Some(fig.value)),
            ];
            if compare.is_some() {
                row.push(v(fig.previous));
                row.push(v(fig.change));
            }
            row.push(text(fig.explanation.clone()));
            rows.push(row);
        }
    }
    if let Some(w) = &r.working_groups {
        let name = lang.pick("Arbetsgrupper", "Working groups");
        for fig in &w.figures {
            let mut row = vec![text(name), text(fig.label.clone()), num(fig.value)];
            if compare.is_some() {
                row.push(fig.previous.map_or_else(|| text(""), num));
                row.push(fig.change.map_or_else(|| text(""), num));
            }
            row.push(text(fig.explanation.clone()));
            rows.push(row);
        }
    }
    sheet(&mut wb, &f, names[0], &header, &rows)?;

    // The coordinator's texts, under their headings, in the wording's order.
    let rows: Vec<Vec<Cell>> = r
        .texts
        .iter()
        .map(|x| vec![text(x.heading.clone()), Cell::Long(x.text.clone())])
        .collect();
    sheet(
        &mut wb,
        &f,
        names[1],
        &[lang.pick("Rubrik", "Heading"), lang.pick("Text", "Text")],
        &rows,
    )?;

    // Meetings.
    let mut header = vec![
        lang.pick("Grupp", "Group"),
        lang.pick("Datum", "Date"),
        lang.pick("Extra", "Extra"),
        lang.pick("Kallade organisationer", "Organisations invited"),
    ];
    header.extend(presence_header(lang));
    header.push(lang.pick("Andel närvarande", "Share present"));
    let mut rows = Vec::new();
    for g in &r.groups {
        for m in &g.current.meeting_rows {
            let mut row = vec![
                text(g.group_name.clone()),
                Cell::Date(m.date),
                text(if m.extra { lang.pick("ja", "yes") } else { "" }),
                num(m.invited),
            ];
            row.extend(presence_cells(&m.counts));
            row.push(Cell::Share(m.counts.share()));
            rows.push(row);
        }
    }
    let meeting_rows = rows.len();
    sheet(&mut wb, &f, names[2], &header, &rows)?;

    // Organisations.
    let mut header = vec![
        lang.pick("Grupp", "Group"),
        lang.pick("Organisation", "Organisation"),
        lang.pick("Typ", "Kind"),
        lang.pick("Kallad till möten", "Meetings invited to"),
    ];
    header.extend(presence_header(lang));
    header.push(lang.pick("Andel närvarande", "Share present"));
    let mut rows = Vec::new();
    for g in &r.groups {
        for o in &g.current.organisations {
            let mut row = vec![
                text(g.group_name.clone()),
                text(o.name.clone()),
                text(o.kind.label(lang)),
                num(o.invited),
            ];
            row.extend(presence_cells(&o.counts));
            row.push(Cell::Share(o.share_present));
            rows.push(row);
        }
    }
    sheet(&mut wb, &f, names[3], &header, &rows)?;

    // Kinds.
    let header = [
        lang.pick("Grupp", "Group"),
        lang.pick("Typ", "Kind"),
        lang.pick("Organisationer", "Organisations"),
        lang.pick("Kallelser", "Invitations"),
        lang.pick("Närvarande", "Present"),
        lang.pick("Andel närvarande", "Share present"),
    ];
    let mut rows = Vec::new();
    for g in &r.groups {
        for k in &g.current.kinds {
            rows.push(vec![
                text(g.group_name.clone()),
                text(k.kind.label(lang)),
                num(k.organisations),
                num(k.invited),
                num(k.counts.present()),
                Cell::Share(k.share_present),
            ]);
        }
    }
    let kind_rows = rows.len();
    sheet(&mut wb, &f, names[4], &header, &rows)?;

    // Seats.
    let header = [
        lang.pick("Grupp", "Group"),
        lang.pick("Plats", "Seat"),
        lang.pick("För", "For"),
        lang.pick("Roll", "Role"),
        lang.pick("Dagar tom", "Days empty"),
        lang.pick("Tom vid periodens slut", "Empty at the end"),
    ];
    let mut rows = Vec::new();
    for g in &r.groups {
        for s in &g.current.coverage.seats {
            rows.push(vec![
                text(g.group_name.clone()),
                num(s.position as f64),
                text(s.description.clone()),
                text(s.role.label(lang)),
                num(s.days_empty),
                text(if s.empty_at_end {
                    lang.pick("ja", "yes")
                } else {
                    lang.pick("nej", "no")
                }),
            ]);
        }
    }
    sheet(&mut wb, &f, names[5], &header, &rows)?;

    // Seats held on each day, the compared year's same day beside it.
    let mut header = vec![
        lang.pick("Grupp", "Group"),
        lang.pick("Datum", "Date"),
        lang.pick("Besatta platser", "Seats held"),
    ];
    let prev_header = compare
        .as_ref()
        .map(|c| format!("{} {c}", lang.pick("Besatta platser", "Seats held")));
    if let Some(h) = &prev_header {
        header.push(h);
    }
    let mut rows = Vec::new();
    let mut spans = Vec::new(); // (group, first row, last row)
    for g in &r.groups {
        let c = &g.current.coverage;
        if c.seats.is_empty() {
            continue;
        }
        let first = rows.len() + 1;
        for (i, n) in c.filled_by_day.iter().enumerate() {
            let mut row = vec![
                text(g.group_name.clone()),
                Cell::Date(g.current.from + chrono::Duration::days(i as i64)),
                num(*n),
            ];
            if prev_header.is_some() {
                let p = g
                    .previous
                    .as_ref()
                    .and_then(|p| p.coverage.filled_by_day.get(i));
                row.push(p.map_or_else(|| text(""), |p| num(*p)));
            }
            rows.push(row);
        }
        if rows.len() >= first {
            spans.push((g.group_name.as_str(), first, rows.len()));
        }
    }
    sheet(&mut wb, &f, names[6], &header, &rows)?;
    for (i, (group, first, last)) in spans.iter().enumerate() {
        let (first, last) = (
            u32::try_from(*first).unwrap_or(u32::MAX),
            u32::try_from(*last).unwrap_or(u32::MAX),
        );
        let mut chart = Chart::new(ChartType::Line);
        chart
            .add_series()
            .set_categories((names[6], first, 1, last, 1))
            .set_values((names[6], first, 2, last, 2))
            .set_name(r.year.to_string().as_str());
        if let Some(c) = r.compare_year {
            chart
                .add_series()
                .set_categories((names[6], first, 1, last, 1))
                .set_values((names[6], first, 3, last, 3))
                .set_name(c.to_string().as_str())
                .set_format(
                    rust_xlsxwriter::ChartFormat::new().set_line(
                        rust_xlsxwriter::ChartLine::new()
                            .set_dash_type(rust_xlsxwriter::ChartLineDashType::Dash),
                    ),
                );
        }
        chart.title().set_name(&format!(
            "{} – {group}",
            lang.pick("Besatta platser över året", "Seats held over the year")
        ));
        chart.x_axis().set_num_format("mmm");
        chart.y_axis().set_min(0);
        let ws = wb.worksheet_from_name(names[6]).map_err(xlsx_error)?;
        let at = u32::try_from(i * 18 + 1).unwrap_or(u32::MAX);
        ws.insert_chart(at, col(header.len() + 1)?, &chart)
            .map_err(xlsx_error)?;
    }

    // Working groups.
    let header = [
        lang.pick("Arbetsgrupp", "Working group"),
        lang.pick("Första dag", "First day"),
        lang.pick("Ny under året", "Formed in the year"),
        lang.pick("Ledamöter", "Members"),
        lang.pick("Ledamöter vid periodens slut", "Members at the end"),
        lang.pick("Organisationer", "Organisations"),
        lang.pick("Möten genomförda", "Meetings held"),
        lang.pick("Möten planerade", "Meetings planned"),
        lang.pick("Möten inställda", "Meetings cancelled"),
    ];
    let rows: Vec<Vec<Cell>> = r
        .working_groups
        .iter()
        .flat_map(|w| &w.current.groups)
        .map(|g| {
            vec![
                text(g.name.clone()),
                g.formed_on.map_or_else(|| text(""), Cell::Date),
                text(if g.formed_in_year {
                    lang.pick("ja", "yes")
                } else {
                    lang.pick("nej", "no")
                }),
                num(g.members),
                num(g.members_at_end),
                num(g.organisations),
                num(g.meetings.held),
                num(g.meetings.planned),
                num(g.meetings.cancelled),
            ]
        })
        .collect();
    sheet(&mut wb, &f, names[7], &header, &rows)?;

    // Raw rows.
    sheet(&mut wb, &f, names[8], &raw_header(lang), &raw_rows(r, lang))?;

    // Charts beside their tables.
    if kind_rows > 0 {
        let mut chart = Chart::new(ChartType::Bar);
        let last = u32::try_from(kind_rows).unwrap_or(u32::MAX);
        chart
            .add_series()
            .set_categories((names[4], 1, 1, last, 1))
            .set_values((names[4], 1, 5, last, 5))
            .set_name(lang.pick("Andel närvarande", "Share present"));
        chart
            .title()
            .set_name(lang.pick("Närvaro per organisationstyp", "Attendance per kind"));
        chart.x_axis().set_num_format("0%").set_min(0).set_max(1);
        chart.legend().set_hidden();
        let ws = wb.worksheet_from_name(names[4]).map_err(xlsx_error)?;
        ws.insert_chart(last + 2, 0, &chart).map_err(xlsx_error)?;
    }
    if meeting_rows > 0 {
        let mut chart = Chart::new(ChartType::ColumnStacked);
        let last = u32::try_from(meeting_rows).unwrap_or(u32::MAX);
        for (i, p) in OrgPresence::ALL.iter().enumerate() {
            let c = col(4 + i)?;
            chart
                .add_series()
                .set_categories((names[2], 1, 1, last, 1))
                .set_values((names[2], 1, c, last, c))
                .set_name(p.label(lang));
        }
        chart
            .title()
            .set_name(lang.pick("Närvaro per möte", "Attendance per meeting"));
        let ws = wb.worksheet_from_name(names[2]).map_err(xlsx_error)?;
        ws.insert_chart(last + 2, 0, &chart).map_err(xlsx_error)?;
    }
    wb.save_to_buffer().map_err(xlsx_error)
}

/// The raw rows as CSV (UTF-8 with BOM, `;`), for other tools.
pub fn raw_csv(r: &YearReport, lang: Lang) -> Vec<u8> {
    let rows: Vec<Vec<String>> = raw_rows(r, lang)
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|c| match c {
                    Cell::Text(s) | Cell::Long(s) => s,
                    Cell::Number(n) => format!("{n}"),
                    Cell::Share(Some(n)) => format!("{n}"),
                    Cell::Share(None) => String::new(),
                    Cell::Date(d) => d.to_string(),
                })
                .collect()
        })
        .collect();
    crate::export::csv::document(&raw_header(lang), rows)
}
