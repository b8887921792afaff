//! Commands of the yearly report: its figures, and saving it as PDF, workbook or CSV. Each is
//! an adapter over one core function.

use std::path::PathBuf;

use chrono::Utc;
use samverkan::model::Id;
use samverkan::register::SavedReport;
use samverkan::report::{ReportFormat, ReportSection, ReportText, ReportWording, YearReport};
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// The figures of `year` for one group (or every group), with `compare`'s beside them.
#[tauri::command(async)]
pub fn year_report(
    state: State<'_, AppState>,
    year: i32,
    group_id: Option<Id>,
    compare: Option<i32>,
) -> Reply<YearReport> {
    let (today, lang) = (state.today(), state.lang());
    state.read(|r| r.year_report(year, group_id, compare, today, lang))
}

/// Saves the report to `path` as `format`, recorded in the export log.
#[tauri::command(async)]
pub fn save_year_report(
    state: State<'_, AppState>,
    year: i32,
    group_id: Option<Id>,
    compare: Option<i32>,
    format: ReportFormat,
    path: PathBuf,
) -> Reply<SavedReport> {
    let (today, lang) = (state.today(), state.lang());
    state.write(|r| {
        r.export_year_report(
            year,
            group_id,
            compare,
            format,
            &path,
            today,
            lang,
            Utc::now(),
        )
    })
}

/// Writes (or, empty, clears) one text section of `year`'s report; returns every section.
#[tauri::command(async)]
pub fn set_report_text(
    state: State<'_, AppState>,
    year: i32,
    section: ReportSection,
    text: String,
) -> Reply<Vec<ReportText>> {
    let lang = state.lang();
    state.write(|r| r.set_report_text(year, section, &text, lang))
}

/// The headings and order of the text sections in the app's language.
#[tauri::command(async)]
pub fn report_wording(state: State<'_, AppState>) -> Reply<ReportWording> {
    let lang = state.lang();
    state.read(|r| r.report_wording(lang))
}

/// Saves the headings and order of the text sections in the app's language, or with none
/// goes back to the default; returns the wording now in use.
#[tauri::command(async)]
pub fn set_report_wording(
    state: State<'_, AppState>,
    wording: Option<ReportWording>,
) -> Reply<ReportWording> {
    let lang = state.lang();
    state.write(|r| r.set_report_wording(lang, wording.as_ref()))
}
