//! Commands over the reminders to organisations' principals (seats empty or terms ending):
//! list them, write them into a folder chosen in the UI, and the register's reminder period.
//! Each is an adapter over one core function.

use std::path::PathBuf;

use chrono::Utc;
use samverkan::model::Id;
use samverkan::register::{PageRequest, ReminderOutcome, ReminderRequest, Reminders};
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// A page of the letters due (and recently written) for the period, the register's when none.
#[tauri::command(async)]
pub fn reminders(
    state: State<'_, AppState>,
    within_days: Option<u32>,
    include: Vec<Id>,
    page: PageRequest,
) -> Reply<Reminders> {
    state.read(|r| r.reminders(state.today(), within_days, &include, page))
}

/// Writes every letter due into `dir`: an e-mail draft and a printed letter each.
#[tauri::command(async)]
pub fn write_reminders(
    state: State<'_, AppState>,
    dir: PathBuf,
    request: ReminderRequest,
) -> Reply<ReminderOutcome> {
    let lang = state.lang();
    state.write(|r| r.write_reminders(&dir, &request, state.today(), lang, Utc::now()))
}

/// Sets the register's reminder period, in days.
#[tauri::command(async)]
pub fn set_reminder_days(state: State<'_, AppState>, days: u32) -> Reply<u32> {
    state.write(|r| r.set_reminder_days(days))
}
