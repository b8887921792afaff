//! The yearly report command: the figures of a year (and the compared year) as tables or JSON.

use std::path::PathBuf;

use chrono::{NaiveDate, Utc};
use clap::Args;
use samverkan::report::{Figure, FigureUnit, ReportFormat, ReportSection, YearReport};
use samverkan::{Error, Register};

use crate::print::{Out, table};

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The year reported.
    #[arg(long)]
    pub year: i32,
    /// Only this group (default: every group).
    #[arg(long)]
    pub group: Option<String>,
    /// The year shown beside it, with the change.
    #[arg(long)]
    pub compare: Option<i32>,
    /// Save the report to this file: .pdf, .xlsx (the workbook) or .csv (the raw attendance rows).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(reg: &mut Register, a: ReportArgs, out: &Out, today: NaiveDate) -> Result<(), Error> {
    let group = a.group.map(|g| reg.find_group(&g)).transpose()?;
    let report = reg.year_report(a.year, group, a.compare, today, out.lang)?;
    match a.out {
        None => print(out, &report),
        Some(path) => {
            let format = ReportFormat::from_path(&path)?;
            let saved = reg.save_year_report(&report, format, &path, out.lang, Utc::now())?;
            out.emit(&saved, || {
                format!(
                    "{} {} ({} {})",
                    out.t("Sparad:", "Saved:"),
                    saved.file,
                    saved.bytes,
                    out.t("byte", "bytes")
                )
            })
        }
    }
}

fn value(f: &Figure, v: Option<f64>) -> String {
    match v {
        None => "–".to_owned(),
        Some(v) => match f.unit {
            FigureUnit::Share => format!("{:.0} %", v * 100.0),
            FigureUnit::Days if v.fract() != 0.0 => format!("{v:.1}"),
            _ => format!("{v}"),
        },
    }
}

fn print(out: &Out, r: &YearReport) -> Result<(), Error> {
    out.emit(r, || {
        let mut text = String::new();
        for g in &r.groups {
            text.push_str(&format!("{} {}\n", g.group_name, r.year));
            let mut header = vec![out.t("Uppgift", "Figure").to_owned(), r.year.to_string()];
            if let Some(c) = r.compare_year {
                header.push(c.to_string());
                header.push(out.t("Förändring", "Change").to_owned());
            }
            header.push(out.t("Så räknas det", "How it is counted").to_owned());
            let refs: Vec<&str> = header.iter().map(String::as_str).collect();
            let mut t = table(&refs);
            for f in &g.figures {
                let mut row = vec![f.label.clone(), value(f, Some(f.value))];
                if r.compare_year.is_some() {
                    row.push(value(f, f.previous));
                    row.push(value(f, f.change));
                }
                row.push(f.explanation.clone());
                t.add_row(row);
            }
            text.push_str(&format!("{t}\n\n"));
        }
        text
    })
}

#[derive(Debug, Args)]
pub struct ReportTextArgs {
    /// The year whose report the text belongs to.
    #[arg(long)]
    pub year: i32,
    /// results, analysis, needs or priorities (with --text).
    #[arg(long, requires = "text")]
    pub section: Option<String>,
    /// The section's text; an empty text clears it.
    #[arg(long, requires = "section")]
    pub text: Option<String>,
}

/// Shows the year's text sections, or writes one.
pub fn texts(reg: &mut Register, a: ReportTextArgs, out: &Out) -> Result<(), Error> {
    let texts = match (a.section, a.text) {
        (Some(section), Some(text)) => {
            let section: ReportSection = section.parse()?;
            reg.set_report_text(a.year, section, &text, out.lang)?
        }
        _ => reg.report_texts(a.year, out.lang)?,
    };
    out.emit(&texts, || {
        texts
            .iter()
            .map(|x| {
                let text = if x.text.is_empty() {
                    "–"
                } else {
                    x.text.as_str()
                };
                format!("{}\n{text}\n", x.heading)
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}
