//! Commands over mandate forms: status, printing one form or a group's (with progress and
//! cancel), recording signed copies, and the wording. Adapters over `samverkan::register`'s
//! form functions; files are written by the core, paths come from the dialog plugin.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::Utc;
use samverkan::Lang;
use samverkan::error::Field;
use samverkan::forms::{Wording, WordingVersion};
use samverkan::model::Id;
use samverkan::model::date::parse_date;
use samverkan::register::{BatchOutcome, FormOptions, FormStatusRow, PrintedForm};
use serde::Serialize;
use tauri::State;
use tauri::ipc::Channel;

use super::Reply;
use crate::state::AppState;

/// Set to stop a running batch print after the form in hand.
#[derive(Debug, Default)]
pub struct BatchCancel(AtomicBool);

/// Sent after each form of a batch.
#[derive(Debug, Clone, Serialize)]
pub struct BatchProgress {
    pub done: usize,
    pub total: usize,
    pub organisation: String,
}

fn options(state: &AppState) -> FormOptions {
    FormOptions {
        lang: state.lang(),
        today: state.today(),
        now: Utc::now(),
        on: None,
    }
}

#[tauri::command(async)]
pub fn default_form_group(state: State<'_, AppState>) -> Reply<Id> {
    state.read(|r| r.default_form_group())
}

#[tauri::command(async)]
pub fn form_status(state: State<'_, AppState>, group_id: Option<Id>) -> Reply<Vec<FormStatusRow>> {
    state.read(|r| r.form_status(group_id, state.today()))
}

#[tauri::command(async)]
pub fn print_form(
    state: State<'_, AppState>,
    org_id: Id,
    group_id: Id,
    path: PathBuf,
    on: Option<String>,
) -> Reply<PrintedForm> {
    state.write(|r| {
        let opts = FormOptions {
            on: on
                .as_deref()
                .map(|d| parse_date(Field::Date, d))
                .transpose()?,
            ..options(&state)
        };
        r.print_form(org_id, group_id, &path, opts)
    })
}

#[tauri::command(async)]
pub fn print_forms(
    state: State<'_, AppState>,
    cancel: State<'_, BatchCancel>,
    group_id: Id,
    dir: PathBuf,
    combined: Option<PathBuf>,
    include_protected: bool,
    on_progress: Channel<BatchProgress>,
) -> Reply<BatchOutcome> {
    cancel.0.store(false, Ordering::SeqCst);
    let opts = options(&state);
    state.write(|r| {
        r.print_forms(
            group_id,
            &dir,
            combined.as_deref(),
            include_protected,
            opts,
            &mut |done, total, organisation| {
                let _ = on_progress.send(BatchProgress {
                    done,
                    total,
                    organisation: organisation.to_owned(),
                });
                !cancel.0.load(Ordering::SeqCst)
            },
        )
    })
}

#[tauri::command]
pub fn cancel_print_forms(cancel: State<'_, BatchCancel>) {
    cancel.0.store(true, Ordering::SeqCst);
}

#[tauri::command(async)]
pub fn form_signed(
    state: State<'_, AppState>,
    org_id: Id,
    group_id: Id,
    on: String,
    note: Option<String>,
) -> Reply<FormStatusRow> {
    state.write(|r| {
        let on = parse_date(Field::Date, &on)?;
        r.form_signed(org_id, group_id, on, note.as_deref(), state.today())
    })
}

#[tauri::command(async)]
pub fn form_wording(state: State<'_, AppState>, lang: Lang) -> Reply<WordingVersion> {
    state.read(|r| r.form_wording(lang))
}

#[tauri::command(async)]
pub fn default_form_wording(lang: Lang) -> Wording {
    Wording::default_for(lang)
}

#[tauri::command(async)]
pub fn save_form_wording(
    state: State<'_, AppState>,
    lang: Lang,
    wording: Wording,
) -> Reply<WordingVersion> {
    state.write(|r| r.save_form_wording(lang, &wording, Utc::now()))
}

#[tauri::command(async)]
pub fn form_placeholders(
    state: State<'_, AppState>,
    org_id: Id,
    group_id: Id,
    lang: Lang,
) -> Reply<Vec<(String, String)>> {
    state.read(|r| r.form_placeholders(org_id, group_id, lang, state.today()))
}
