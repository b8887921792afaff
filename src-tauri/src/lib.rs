//! The desktop shell: registers plugins and command adapters on a Tauri builder.
//!
//! Commands are adapters only: each takes its state, calls one core function, and the state
//! maps the core's error into `samverkan::ErrorBody`, the one error type that crosses to the UI
//! as `{code, message}` (with `field` for form errors).
//! `main.rs` and the tests share [`app_builder`], so the mock runtime tests the same wiring
//! that ships.

#![forbid(unsafe_code)]

pub mod commands;
pub mod state;

use std::path::PathBuf;

pub use state::AppState;

use tauri::webview::{PageLoadEvent, PageLoadPayload};
use tauri::{Builder, Manager, Runtime, Webview};

/// Label of the one main window, as declared in `tauri.conf.json`.
pub const MAIN_WINDOW: &str = "main";

/// When set, the app prints a line to stderr as soon as the UI has loaded, so
/// `scripts/measure-startup.sh` can time start-up without a WebDriver in between.
pub const STARTUP_PROBE_ENV: &str = "SAMVERKAN_STARTUP_PROBE";

/// The line the start-up probe prints when the page has loaded.
pub const STARTUP_PROBE_LINE: &str = "samverkan-startup: page-load-finished";

/// The line the start-up probe prints when the first screen shows the register's data.
pub const READY_PROBE_LINE: &str = "samverkan-startup: interactive";

/// Adds the plugins and commands that every build of the app has, on any runtime.
///
/// The single-instance plugin is not in here: it talks to the desktop session (D-Bus on
/// Linux), which the mock runtime of the tests does not have. `main.rs` adds it first.
pub fn app_builder<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(commands::forms::BatchCancel::default())
        .on_page_load(startup_probe)
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::app::ui_ready,
            commands::app::open_exported,
            commands::register::set_language,
            commands::register::register_info,
            commands::register::today,
            commands::register::first_steps,
            commands::register::list_orgs,
            commands::register::org_page,
            commands::register::org_detail,
            commands::register::add_org,
            commands::register::edit_org,
            commands::register::remove_org,
            commands::register::set_principal,
            commands::register::set_local_group,
            commands::register::add_contact,
            commands::register::remove_contact,
            commands::register::seat_org,
            commands::register::unseat_org,
            commands::register::list_people,
            commands::register::people_page,
            commands::register::person_detail,
            commands::register::add_person,
            commands::register::edit_person,
            commands::register::remove_person,
            commands::register::list_groups,
            commands::register::group_detail,
            commands::register::add_group,
            commands::register::edit_group,
            commands::register::remove_group,
            commands::register::seat_holder,
            commands::register::appoint,
            commands::register::appoint_new_person,
            commands::register::end_appointment,
            commands::register::vacancies,
            commands::register::overview,
            commands::register::overview_gaps,
            commands::register::coverage,
            commands::reminders::reminders,
            commands::reminders::write_reminders,
            commands::reminders::set_reminder_days,
            commands::seats::group_seats,
            commands::seats::add_seat,
            commands::seats::remove_seat,
            commands::seats::seat_holder_of,
            commands::seats::withdraw_appointment,
            commands::meetings::list_meetings,
            commands::meetings::add_meeting,
            commands::meetings::edit_meeting,
            commands::meetings::cancel_meeting,
            commands::meetings::plan_settings,
            commands::meetings::set_plan_settings,
            commands::meetings::list_blackouts,
            commands::meetings::add_blackout,
            commands::meetings::remove_blackout,
            commands::meetings::forbidden_days,
            commands::meetings::meeting_day_warning,
            commands::meetings::propose_plan,
            commands::meetings::apply_plan,
            commands::meetings::meeting_attendance,
            commands::meetings::set_attendance,
            commands::meetings::roster_preview,
            commands::meetings::export_roster,
            commands::meetings::export_attendance_list,
            commands::meetings::mailing_list,
            commands::meetings::export_calendar,
            commands::meetings::organiser,
            commands::meetings::set_organiser,
            commands::agenda::agenda,
            commands::agenda::add_agenda_item,
            commands::agenda::edit_agenda_item,
            commands::agenda::move_agenda_item,
            commands::agenda::remove_agenda_item,
            commands::agenda::reset_agenda,
            commands::invitations::invitation,
            commands::invitations::write_invitation,
            commands::invitations::mail_wording,
            commands::invitations::save_mail_wording,
            commands::minutes::minutes,
            commands::minutes::set_minutes_item,
            commands::minutes::set_minutes_people,
            commands::minutes::check_minutes,
            commands::minutes::write_minutes,
            commands::safety::list_backups,
            commands::safety::make_backup,
            commands::safety::restore_backup,
            commands::safety::check_register,
            commands::safety::newest_good_backup,
            commands::safety::rescue_register,
            commands::safety::audit_log,
            commands::safety::export_audit_log,
            commands::safety::import_preview,
            commands::safety::import_run,
            commands::safety::import_template,
            commands::safety::extract_person,
            commands::safety::erase_person,
            commands::safety::retention_list,
            commands::safety::retention_months,
            commands::safety::set_retention_months,
            commands::safety::erase_people,
            commands::forms::default_form_group,
            commands::forms::form_status,
            commands::forms::print_form,
            commands::forms::print_forms,
            commands::forms::cancel_print_forms,
            commands::forms::form_signed,
            commands::forms::form_wording,
            commands::forms::default_form_wording,
            commands::forms::save_form_wording,
            commands::forms::form_placeholders,
            commands::report::year_report,
            commands::report::save_year_report,
            commands::report::set_report_text,
            commands::report::report_wording,
            commands::report::set_report_wording,
        ])
}

/// The register the app opens: the same file as the CLI's default (`SAMVERKAN_DB`, else
/// `register.sqlite3` in the user's data folder).
pub fn register_path() -> PathBuf {
    let env = std::env::var_os("SAMVERKAN_DB");
    samverkan::default_path(env.as_deref()).unwrap_or_else(|| PathBuf::from("register.sqlite3"))
}

/// A second launch of the app brings the first one's window to the front instead of
/// opening a second register on the same database.
pub fn single_instance_plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_single_instance::init(|app, _args, _cwd| focus_main_window(app))
}

fn startup_probe<R: Runtime>(_webview: &Webview<R>, payload: &PageLoadPayload<'_>) {
    if payload.event() == PageLoadEvent::Finished && std::env::var_os(STARTUP_PROBE_ENV).is_some() {
        eprintln!("{STARTUP_PROBE_LINE}");
    }
}

fn focus_main_window<R: Runtime>(app: &tauri::AppHandle<R>) {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        // Each step is best effort: a window manager may refuse focus, and the window
        // should still come as far forward as it allows.
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}
