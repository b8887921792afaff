//! The yearly report over the register: reads what each group's year needs and counts it
//! (`crate::report`).

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};

use super::forms::{FormIndex, GroupHistory};
use super::{ExportKind, ExportRecord, FormState, Register};
use crate::error::Error;
use crate::export::{self, write_file};
use crate::lang::Lang;
use crate::model::GroupKind;
use crate::model::Id;
use crate::model::optional_text;
use crate::report::{
    self, FormCounts, GroupFigures, GroupInput, GroupReport, ReportFormat, ReportSection,
    ReportText, ReportWording, WorkingGroupInput, WorkingGroupsReport, YearReport,
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
        let working: Vec<&crate::model::Group> = groups
            .iter()
            .filter(|g| g.kind == GroupKind::Working)
            .collect();
        let working_groups = if working.is_empty() {
            None
        } else {
            let current = self.working_year(&working, year, today)?;
            let previous = compare
                .map(|c| self.working_year(&working, c, today))
                .transpose()?;
            let figures = report::working_figures(&current, previous.as_ref(), lang);
            Some(WorkingGroupsReport {
                current,
                previous,
                figures,
            })
        };
        let mut out = Vec::new();
        for g in groups {
            // Read once for both years.
            let seated = self.seated_orgs(g.id)?;
            let h = GroupHistory::read(self, g)?;
            let seats: Vec<_> = h
                .seats
                .iter()
                .map(|s| (s.clone(), s.describe(lang)))
                .collect();
            let index = FormIndex::new(&h);
            let read = GroupRead {
                history: &h,
                index: &index,
                seated: &seated,
                seats: &seats,
                orgs: &orgs,
            };
            // The register is read on this thread, one year after the other; each year is
            // counted on a thread of its own as soon as it is read (the reads of the year
            // compared overlap the counting of the first).
            let read = &read;
            let (current, previous) = std::thread::scope(|s| {
                let input = self.group_year(read, year, today)?;
                let counting = s.spawn(move || input.compute(read));
                let previous = compare
                    .map(|c| self.group_year(read, c, today))
                    .transpose()?
                    .map(|input| input.compute(read));
                // A panic while counting is a defect: it goes on as if counted here.
                let current = counting
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e));
                Ok::<_, Error>((current, previous))
            })?;
            let g = h.group;
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
            working_groups,
        })
    }

    /// The working groups' figures of `year`.
    fn working_year(
        &self,
        groups: &[&crate::model::Group],
        year: i32,
        today: NaiveDate,
    ) -> Result<report::WorkingGroupFigures, Error> {
        let (from, to) = super::meetings::year_bounds(year)?;
        let until = report::compute::until(year, today);
        let first = store::report::first_meetings(&self.conn)?;
        let mut read = Vec::with_capacity(groups.len());
        for g in groups {
            let meetings = store::meetings::list(&self.conn, Some(g.id), Some(from), Some(to))?;
            let appointments = store::appointments::for_group(&self.conn, g.id)?;
            read.push((g, meetings, appointments));
        }
        let inputs: Vec<WorkingGroupInput<'_>> = read
            .iter()
            .map(|(g, meetings, appointments)| WorkingGroupInput {
                group_id: g.id,
                name: g.name.as_str(),
                cadence: g.meetings_per_year,
                meetings,
                first_meeting: first.get(&g.id).copied(),
                appointments,
            })
            .collect();
        Ok(report::working_groups(year, until, &inputs))
    }

    /// What the register holds of one group's year, read for counting.
    fn group_year(
        &self,
        read: &GroupRead<'_>,
        year: i32,
        today: NaiveDate,
    ) -> Result<YearRead, Error> {
        let h = read.history;
        let g = &h.group;
        let (from, to) = super::meetings::year_bounds(year)?;
        let until = report::compute::until(year, today);
        let meetings = store::meetings::list(&self.conn, Some(g.id), Some(from), Some(to))?;
        let attendance = store::report::attendance(&self.conn, g.id, from, to)?;
        let mut forms = FormCounts::default();
        if until >= from {
            for row in self.form_status_of(h, read.index, read.seated, until, true)? {
                forms.organisations += 1;
                match row.state {
                    FormState::NotPrinted => forms.not_printed += 1,
                    FormState::Printed => forms.printed_not_returned += 1,
                    FormState::Signed => forms.signed += 1,
                    FormState::NeedsNewSignature => forms.needs_new_signature += 1,
                }
            }
        }
        Ok(YearRead {
            year,
            until,
            meetings,
            attendance,
            forms,
        })
    }
}

/// One group's year as read from the register, before it is counted.
struct YearRead {
    year: i32,
    until: NaiveDate,
    meetings: Vec<crate::model::Meeting>,
    attendance: Vec<store::report::AttendanceRow>,
    forms: FormCounts,
}

impl YearRead {
    fn compute(&self, read: &GroupRead<'_>) -> GroupFigures {
        let h = read.history;
        report::compute(&GroupInput {
            year: self.year,
            until: self.until,
            cadence: h.group.meetings_per_year,
            meetings: &self.meetings,
            appointments: &h.appointments,
            attendance: &self.attendance,
            seats: read.seats,
            orgs: read.orgs,
            forms: self.forms,
        })
    }
}

/// What a group's report reads once for both years.
struct GroupRead<'a> {
    history: &'a GroupHistory,
    index: &'a FormIndex<'a>,
    /// The organisations with seats of their own in the group.
    seated: &'a [crate::model::Organisation],
    /// The group's seats, each with its description.
    seats: &'a [(crate::model::Seat, String)],
    /// Every organisation, in Swedish order.
    orgs: &'a [store::report::OrgRow],
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
    /// The text sections of `year`'s report in the wording's order, each under its heading
    /// (an empty text where nothing is written). Kept in the `setting` table, one key per year
    /// and section.
    pub fn report_texts(&self, year: i32, lang: Lang) -> Result<Vec<ReportText>, Error> {
        super::meetings::year_bounds(year)?;
        self.report_wording(lang)?
            .sections
            .into_iter()
            .map(|h| {
                Ok(ReportText {
                    section: h.section,
                    heading: h.heading,
                    text: store::settings::get(&self.conn, &h.section.key(year))?
                        .unwrap_or_default(),
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

    /// The headings and order of the text sections in `lang`: the coordinator's, else the
    /// built-in default (also when the saved one is empty, after a reset, or no longer reads).
    pub fn report_wording(&self, lang: Lang) -> Result<ReportWording, Error> {
        let saved = store::settings::get(&self.conn, &ReportWording::key(lang))?;
        Ok(saved
            .and_then(|json| serde_json::from_str::<ReportWording>(&json).ok())
            .and_then(|w| w.checked().ok())
            .unwrap_or_else(|| ReportWording::default_for(lang)))
    }

    /// Saves the headings and order of the text sections in `lang` (checked: every section
    /// once, each heading one line within its limit and printable), or with `None` goes back
    /// to the default. Texts already written are kept under their sections.
    pub fn set_report_wording(
        &mut self,
        lang: Lang,
        wording: Option<&ReportWording>,
    ) -> Result<ReportWording, Error> {
        let body = match wording {
            None => String::new(),
            Some(w) => {
                let w = w.checked()?;
                let fonts = crate::pdf::fonts()?;
                for h in &w.sections {
                    if let Err(m) = fonts.check(&h.heading) {
                        return Err(Error::Unprintable {
                            ch: m.0,
                            field: crate::error::Field::Heading.label(lang).to_owned(),
                        });
                    }
                }
                serde_json::to_string(&w)
                    .map_err(|e| Error::internal(crate::error::Internal::Json, e))?
            }
        };
        let key = ReportWording::key(lang);
        self.write(|tx| store::settings::set(tx, &key, &body))?;
        self.report_wording(lang)
    }
}
