//! Commands over a meeting's minutes: read, write an item's notes and decisions, name the
//! note-taker and checker, record the check, and write the PDF and the e-mail draft. Each is
//! an adapter over one core function; the files come from the save dialog.

use std::path::PathBuf;

use chrono::Utc;
use samverkan::model::Id;
use samverkan::register::{
    InvitationRequest, Minutes, MinutesItemDraft, MinutesOutcome, MinutesPeople,
};
use tauri::State;

use super::Reply;
use crate::state::AppState;

#[tauri::command(async)]
pub fn minutes(state: State<'_, AppState>, meeting_id: Id, include: Vec<Id>) -> Reply<Minutes> {
    state.read(|r| r.minutes(meeting_id, &include))
}

#[tauri::command(async)]
pub fn set_minutes_item(
    state: State<'_, AppState>,
    meeting_id: Id,
    position: u32,
    draft: MinutesItemDraft,
) -> Reply<Minutes> {
    state.write(|r| r.set_minutes_item(meeting_id, position, &draft, Utc::now()))
}

#[tauri::command(async)]
pub fn set_minutes_people(
    state: State<'_, AppState>,
    meeting_id: Id,
    people: MinutesPeople,
) -> Reply<Minutes> {
    state.write(|r| r.set_minutes_people(meeting_id, &people, Utc::now()))
}

#[tauri::command(async)]
pub fn check_minutes(state: State<'_, AppState>, meeting_id: Id) -> Reply<Minutes> {
    state.write(|r| r.check_minutes(meeting_id, Utc::now()))
}

#[tauri::command(async)]
pub fn write_minutes(
    state: State<'_, AppState>,
    meeting_id: Id,
    pdf: Option<PathBuf>,
    eml: Option<PathBuf>,
    request: InvitationRequest,
) -> Reply<MinutesOutcome> {
    let lang = state.lang();
    state.write(|r| {
        r.write_minutes(
            meeting_id,
            pdf.as_deref(),
            eml.as_deref(),
            &request,
            lang,
            Utc::now(),
        )
    })
}
