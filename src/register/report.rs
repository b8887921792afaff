//! The yearly report over the register: reads what each group's year needs and counts it
//! (`crate::report`).

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};

use super::{ExportKind, ExportRecord, FormState, Register};
use crate::error::Error;
use crate::export::{self, write_file};
use crate::lang::Lang;
use crate::model::Id;
use crate::model::optional_text;
use crate::report::{
    self, FormCounts, GroupFigures, GroupInput, GroupReport, ReportFormat, ReportSection,
    ReportText, YearReport,
};
use crate::store;

impl Register {
    /// The report of `year` for one group (or every group), with `compare`'s figures beside
    /// it. The period of a year that runs ends on `today`.
    pub fn year_report(
        &self,
        year: i32,
        group_id: Option<Id>,
        compare: Option<i32>,
        today: NaiveDate,
        lang: Lang,
    ) -> Result<YearReport, Error> {
        super::meetings::year_bounds(year)?;
        if let Some(c) = compare {
            super::meetings::year_bounds(c)?;
        }
        let groups = match group_id {
            Some(g) => vec![self.group(g)?],
            None => store::groups::list(&self.conn)?,
        };
        let orgs = store::report::organisations(&self.conn)?;
        let mut out = Vec::new();
        for g in groups {
            let current = self.group_year(&g, year, today, &orgs, lang)?;
            let previous = compare
                .map(|c| self.group_year(&g, c, today, &orgs, lang))
                .transpose()?;
            let figures = report::figures(&current, previous.as_ref(), lang);
            out.push(GroupReport {
                group_id: g.id,
                group_name: g.name.as_str().to_owned(),
                current,
                previous,
                figures,
            });
        }
        Ok(YearReport {
            year,
            compare_year: compare,
            network_name: store::settings::get(&self.conn, "network_name")?,
            texts: self.report_texts(year, lang)?,
            groups: out,
        })
    }

    fn group_year(
        &self,
        g: &crate::model::Group,
        year: i32,
        today: NaiveDate,
        orgs: &[store::report::OrgRow],
        lang: Lang,
    ) -> Result<GroupFigures, Error> {
        let (from, to) = super::meetings::year_bounds(year)?;
        let until = report::compute::until(year, today);
        let meetings = store::meetings::list(&self.conn, Some(g.id), Some(from), Some(to))?;
        let appointments = store::appointments::for_group(&self.conn, g.id)?;
        let attendance = store::report::attendance(&self.conn, g.id, from, to)?;
        let seats: Vec<_> = store::seats::for_group(&self.conn, g.id, true)?
            .into_iter()
            .map(|s| {
                let d = s.describe(lang);
                (s, d)
            })
            .collect();
        let mut forms = FormCounts::default();
        if until >= from {
            for row in self.form_status_as_of(Some(g.id), until, true)? {
                forms.organisations += 1;
                match row.state {
                    FormState::NotPrinted => forms.not_printed += 1,
                    FormState::Printed => forms.printed_not_returned += 1,
                    FormState::Signed => forms.signed += 1,
                    FormState::NeedsNewSignature => forms.needs_new_signature += 1,
                }
            }
        }
        Ok(report::compute(&GroupInput {
            year,
            until,
            cadence: g.meetings_per_year,
            meetings: &meetings,
            appointments: &appointments,
            attendance: &attendance,
            seats: &seats,
            orgs,
            forms,
        }))
    }
}

/// A report written to a file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SavedReport {
    pub file: String,
    pub format: ReportFormat,
    pub bytes: usize,
    pub export_id: Id,
}

impl Register {
    /// Writes the report to `out` as `format` and records it in the export log. The report is
    /// about organisations and numbers: it names no person.
    pub fn save_year_report(
        &mut self,
        report: &YearReport,
        format: ReportFormat,
        out: &Path,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> Result<SavedReport, Error> {
        let (bytes, kind) = match format {
            ReportFormat::Xlsx => (
                report::xlsx::workbook(report, lang)?,
                ExportKind::ReportXlsx,
            ),
            ReportFormat::Csv => (report::xlsx::raw_csv(report, lang), ExportKind::ReportCsv),
            ReportFormat::Pdf => (
                report::pdf::document(report, lang, now)?,
                ExportKind::ReportPdf,
            ),
        };
        write_file(out, &bytes)?;
        let path = export::logged_path(out);
        let groups: Vec<&str> = report
            .groups
            .iter()
            .map(|g| g.group_name.as_str())
            .collect();
        let description = format!(
            "{} {}: {}",
            lang.pick("Årsrapport", "Yearly report"),
            report.year,
            groups.join(", ")
        );
        let group_id = match report.groups.as_slice() {
            [one] => Some(one.group_id),
            _ => None,
        };
        let export_id = self.record_export(
            &ExportRecord {
                kind,
                description,
                group_id,
                people: &[],
                protected_included: false,
                file: Some(&path),
            },
            now,
        )?;
        Ok(SavedReport {
            file: path.display().to_string(),
            format,
            bytes: bytes.len(),
            export_id,
        })
    }
}

impl Register {
    /// Counts the year's report ([`Register::year_report`]) and saves it
    /// ([`Register::save_year_report`]): what the app's save button does.
    #[allow(clippy::too_many_arguments)]
    pub fn export_year_report(
        &mut self,
        year: i32,
        group_id: Option<Id>,
        compare: Option<i32>,
        format: ReportFormat,
        out: &Path,
        today: NaiveDate,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> Result<SavedReport, Error> {
        let report = self.year_report(year, group_id, compare, today, lang)?;
        self.save_year_report(&report, format, out, lang, now)
    }
}

impl Register {
    /// The text sections of `year`'s report, in order, each with its heading (an empty text
    /// where nothing is written). Kept in the `setting` table, one key per year and section.
    pub fn report_texts(&self, year: i32, lang: Lang) -> Result<Vec<ReportText>, Error> {
        super::meetings::year_bounds(year)?;
        ReportSection::ALL
            .into_iter()
            .map(|section| {
                Ok(ReportText {
                    section,
                    heading: section.heading(lang).to_owned(),
                    text: store::settings::get(&self.conn, &section.key(year))?.unwrap_or_default(),
                })
            })
            .collect()
    }

    /// Writes (or, with an empty text, clears) one text section of `year`'s report.
    pub fn set_report_text(
        &mut self,
        year: i32,
        section: ReportSection,
        text: &str,
        lang: Lang,
    ) -> Result<Vec<ReportText>, Error> {
        super::meetings::year_bounds(year)?;
        let text = optional_text(crate::error::Field::Description, Some(text))?;
        self.write(|tx| {
            store::settings::set(tx, &section.key(year), text.as_deref().unwrap_or(""))
        })?;
        self.report_texts(year, lang)
    }
}
