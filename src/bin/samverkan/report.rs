//! The yearly report command: the figures of a year (and the compared year) as tables or JSON.

use std::path::PathBuf;

use chrono::{NaiveDate, Utc};
use clap::Args;
use samverkan::error::{Field, Invalid};
use samverkan::report::{
    Figure, FigureUnit, ReportFormat, ReportSection, SectionHeading, YearReport,
};
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
        let figures = |title: String, figures: &[Figure]| {
            let mut header = vec![out.t("Uppgift", "Figure").to_owned(), r.year.to_string()];
            if let Some(c) = r.compare_year {
                header.push(c.to_string());
                header.push(out.t("Förändring", "Change").to_owned());
            }
            header.push(out.t("Så räknas det", "How it is counted").to_owned());
            let refs: Vec<&str> = header.iter().map(String::as_str).collect();
            let mut t = table(&refs);
            for f in figures {
                let mut row = vec![f.label.clone(), value(f, Some(f.value))];
                if r.compare_year.is_some() {
                    row.push(value(f, f.previous));
                    row.push(value(f, f.change));
                }
                row.push(f.explanation.clone());
                t.add_row(row);
            }
            format!("{title}\n{t}\n\n")
        };
        let mut text = String::new();
        if let Some(w) = &r.working_groups {
            let title = format!("{} {}", out.t("Arbetsgrupper", "Working groups"), r.year);
            text.push_str(&figures(title, &w.figures));
        }
        for g in &r.groups {
            text.push_str(&figures(format!("{} {}", g.group_name, r.year), &g.figures));
        }
        text
    })
}

#[derive(Debug, Args)]
pub struct ReportWordingArgs {
    /// The sections in the order the report prints them, by code or heading, comma-separated
    /// (results, analysis, needs, priorities).
    #[arg(long, value_delimiter = ',')]
    pub order: Option<Vec<String>>,
    /// A section's new heading, as SECTION=HEADING; repeat for more.
    #[arg(long, value_name = "SECTION=HEADING")]
    pub heading: Vec<String>,
    /// Go back to the built-in headings and order.
    #[arg(long, conflicts_with_all = ["order", "heading"])]
    pub reset: bool,
}

/// Shows the headings and order of the text sections in the language asked for (`--lang`),
/// or changes them.
pub fn wording(reg: &mut Register, a: ReportWordingArgs, out: &Out) -> Result<(), Error> {
    let wording = if a.reset {
        reg.set_report_wording(out.lang, None)?
    } else if a.order.is_none() && a.heading.is_empty() {
        reg.report_wording(out.lang)?
    } else {
        let mut w = reg.report_wording(out.lang)?;
        if let Some(order) = &a.order {
            let mut sections = Vec::with_capacity(order.len());
            for name in order {
                let section: ReportSection = name.parse()?;
                let heading = w.heading(section).unwrap_or_default().to_owned();
                sections.push(SectionHeading { section, heading });
            }
            w.sections = sections;
        }
        for pair in &a.heading {
            let Some((name, heading)) = pair.split_once('=') else {
                return Err(Error::invalid(
                    Field::Heading,
                    Invalid::UnknownValue(pair.clone()),
                ));
            };
            let section: ReportSection = name.parse()?;
            match w.sections.iter_mut().find(|h| h.section == section) {
                Some(h) => heading.clone_into(&mut h.heading),
                None => w.sections.push(SectionHeading {
                    section,
                    heading: heading.to_owned(),
                }),
            }
        }
        reg.set_report_wording(out.lang, Some(&w))?
    };
    out.emit(&wording, || {
        wording
            .sections
            .iter()
            .enumerate()
            .map(|(i, h)| format!("{}. {} ({})", i + 1, h.heading, h.section.code()))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

#[derive(Debug, Args)]
pub struct ReportTextArgs {
    /// The year whose report the text belongs to.
    #[arg(long)]
    pub year: i32,
    /// results, analysis, needs or priorities, or its heading (with --text).
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
