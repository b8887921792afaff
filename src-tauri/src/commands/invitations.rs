//! Commands over a meeting's invitation and the e-mails' wording. Each is an adapter over one
//! core function; the files to write are chosen in the UI (save dialog) and passed in.

use std::path::PathBuf;

use chrono::Utc;
use samverkan::mail::wording::{MailWording, MailWordingVersion};
use samverkan::model::Id;
use samverkan::register::{InvitationOutcome, InvitationRequest, InvitationState};
use tauri::State;

use super::Reply;
use crate::state::AppState;

#[tauri::command(async)]
pub fn invitation(
    state: State<'_, AppState>,
    meeting_id: Id,
    include: Vec<Id>,
) -> Reply<InvitationState> {
    let lang = state.lang();
    state.read(|r| r.invitation(meeting_id, &include, lang))
}

#[tauri::command(async)]
pub fn write_invitation(
    state: State<'_, AppState>,
    meeting_id: Id,
    eml: Option<PathBuf>,
    pdf: Option<PathBuf>,
    request: InvitationRequest,
) -> Reply<InvitationOutcome> {
    let lang = state.lang();
    state.write(|r| {
        r.write_invitation(
            meeting_id,
            eml.as_deref(),
            pdf.as_deref(),
            &request,
            lang,
            Utc::now(),
        )
    })
}

#[tauri::command(async)]
pub fn mail_wording(state: State<'_, AppState>) -> Reply<MailWordingVersion> {
    let lang = state.lang();
    state.read(|r| r.mail_wording(lang))
}

#[tauri::command(async)]
pub fn save_mail_wording(
    state: State<'_, AppState>,
    wording: MailWording,
) -> Reply<MailWordingVersion> {
    let lang = state.lang();
    state.write(|r| r.save_mail_wording(lang, &wording, Utc::now()))
}
