//! The yearly report command: the figures of a year (and the compared year) as tables or JSON.

use std::path::PathBuf;

use chrono::{NaiveDate, Utc};
use clap::Args;
use samverkan::report::{Figure, FigureUnit, ReportFormat, YearReport};
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
