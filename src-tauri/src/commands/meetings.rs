//! Commands over meetings: the year plan, meetings, plan settings, blocked periods, attendance
//! and the exports (roster files, mailing list, calendar). Each is an adapter over one core
//! function; the file to write is chosen in the UI (save dialog) and passed in.

use std::path::PathBuf;

use chrono::Utc;
use samverkan::error::Field;
use samverkan::export::roster::{MailingList, Roster, RosterFormat};
use samverkan::model::date::parse_date;
use samverkan::model::{
    AttendanceStatus, Blackout, BlackoutDraft, Id, Meeting, MeetingDraft, PlanSettings,
};
use samverkan::register::{
    CalendarQuery, DayWarning, ExportOutcome, ForbiddenDay, MeetingAttendance, OrganiserInfo,
    PlanProposal, PlannedMeeting,
};
use tauri::State;

use super::Reply;
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_meetings(
    state: State<'_, AppState>,
    group_id: Option<Id>,
    year: Option<i32>,
) -> Reply<Vec<Meeting>> {
    state.read(|r| r.meetings(group_id, year))
}

#[tauri::command(async)]
pub fn add_meeting(state: State<'_, AppState>, draft: MeetingDraft) -> Reply<Meeting> {
    state.write(|r| r.add_meeting(&draft, Utc::now()))
}

#[tauri::command(async)]
pub fn edit_meeting(state: State<'_, AppState>, id: Id, draft: MeetingDraft) -> Reply<Meeting> {
    state.write(|r| r.edit_meeting(id, &draft, Utc::now()))
}

#[tauri::command(async)]
pub fn cancel_meeting(state: State<'_, AppState>, id: Id) -> Reply<Meeting> {
    state.write(|r| r.cancel_meeting(id, Utc::now()))
}

#[tauri::command(async)]
pub fn plan_settings(state: State<'_, AppState>, group_id: Id) -> Reply<PlanSettings> {
    state.read(|r| r.plan_settings(group_id))
}

#[tauri::command(async)]
pub fn set_plan_settings(
    state: State<'_, AppState>,
    settings: PlanSettings,
) -> Reply<PlanSettings> {
    state.write(|r| r.set_plan_settings(&settings))
}

#[tauri::command(async)]
pub fn list_blackouts(state: State<'_, AppState>) -> Reply<Vec<Blackout>> {
    state.read(|r| r.blackouts())
}

#[tauri::command(async)]
pub fn add_blackout(state: State<'_, AppState>, draft: BlackoutDraft) -> Reply<Blackout> {
    state.write(|r| r.add_blackout(&draft))
}

#[tauri::command(async)]
pub fn remove_blackout(state: State<'_, AppState>, id: Id) -> Reply<Blackout> {
    state.write(|r| r.remove_blackout(id))
}

#[tauri::command(async)]
pub fn forbidden_days(
    state: State<'_, AppState>,
    year: i32,
    group_id: Option<Id>,
) -> Reply<Vec<ForbiddenDay>> {
    let lang = state.lang();
    state.read(|r| r.forbidden_days(year, group_id, lang))
}

/// Whether a day chosen for a meeting of the group is one the planner avoids (the dialog warns
/// and lets the coordinator save anyway).
#[tauri::command(async)]
pub fn meeting_day_warning(
    state: State<'_, AppState>,
    group_id: Id,
    date: String,
) -> Reply<Option<DayWarning>> {
    let lang = state.lang();
    state.read(|r| {
        let date = parse_date(Field::Date, &date)?;
        r.meeting_day_warning(group_id, date, lang)
    })
}

#[tauri::command(async)]
pub fn propose_plan(
    state: State<'_, AppState>,
    year: i32,
    group_id: Option<Id>,
) -> Reply<PlanProposal> {
    state.read(|r| r.propose_plan(year, group_id))
}

#[tauri::command(async)]
pub fn apply_plan(
    state: State<'_, AppState>,
    year: i32,
    meetings: Vec<PlannedMeeting>,
) -> Reply<Vec<Meeting>> {
    state.write(|r| r.apply_plan(year, &meetings, Utc::now()))
}

#[tauri::command(async)]
pub fn meeting_attendance(state: State<'_, AppState>, id: Id) -> Reply<MeetingAttendance> {
    state.read(|r| r.attendance(id))
}

#[tauri::command(async)]
pub fn set_attendance(
    state: State<'_, AppState>,
    meeting_id: Id,
    person_id: Id,
    status: AttendanceStatus,
    substitute_for: Option<Id>,
) -> Reply<MeetingAttendance> {
    state.write(|r| r.set_attendance(meeting_id, person_id, status, substitute_for))
}

#[tauri::command(async)]
pub fn roster_preview(
    state: State<'_, AppState>,
    group_id: Id,
    meeting_id: Option<Id>,
    include: Vec<Id>,
) -> Reply<Roster> {
    state.read(|r| r.roster(group_id, meeting_id, state.today(), &include))
}

#[tauri::command(async)]
pub fn export_roster(
    state: State<'_, AppState>,
    group_id: Id,
    meeting_id: Option<Id>,
    format: RosterFormat,
    path: PathBuf,
    include: Vec<Id>,
) -> Reply<ExportOutcome> {
    let (today, lang) = (state.today(), state.lang());
    state.write(|r| {
        r.export_roster(
            group_id,
            meeting_id,
            format,
            &path,
            &include,
            today,
            lang,
            Utc::now(),
        )
    })
}

#[tauri::command(async)]
pub fn export_attendance_list(
    state: State<'_, AppState>,
    meeting_id: Id,
    path: PathBuf,
    include: Vec<Id>,
) -> Reply<ExportOutcome> {
    let lang = state.lang();
    state.write(|r| r.export_attendance_list(meeting_id, &path, &include, lang, Utc::now()))
}

#[tauri::command(async)]
pub fn mailing_list(
    state: State<'_, AppState>,
    group_id: Id,
    meeting_id: Option<Id>,
    include: Vec<Id>,
) -> Reply<MailingList> {
    let (today, lang) = (state.today(), state.lang());
    state.write(|r| r.mailing_list(group_id, meeting_id, &include, today, lang, Utc::now()))
}

#[tauri::command(async)]
pub fn export_calendar(
    state: State<'_, AppState>,
    query: CalendarQuery,
    path: PathBuf,
) -> Reply<ExportOutcome> {
    let lang = state.lang();
    state.write(|r| r.export_calendar(&query, &path, lang, Utc::now()))
}

#[tauri::command(async)]
pub fn organiser(state: State<'_, AppState>) -> Reply<OrganiserInfo> {
    state.read(|r| r.organiser())
}

#[tauri::command(async)]
pub fn set_organiser(state: State<'_, AppState>, info: OrganiserInfo) -> Reply<OrganiserInfo> {
    state.write(|r| r.set_organiser(&info))
}
