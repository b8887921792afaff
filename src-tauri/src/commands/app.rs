//! Commands about the app itself: name and version for the About line and the title bar, and
//! opening a file the register wrote in the system's viewer.

use std::path::PathBuf;

use samverkan::ErrorBody;
use samverkan::error::{Error, FileProblem};
use serde::Serialize;
use tauri::State;
use tauri_plugin_opener::OpenerExt;

use crate::state::AppState;

/// What the UI shows about the running app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub name: String,
    pub version: String,
}

/// Name and version of the running app, from its package configuration.
#[tauri::command]
pub fn app_info<R: tauri::Runtime>(app: tauri::AppHandle<R>) -> AppInfo {
    let info = app.package_info();
    AppInfo {
        name: info.name.clone(),
        version: info.version.to_string(),
    }
}

/// The UI calls this once its first screen shows the register's data. With the start-up probe
/// on (`SAMVERKAN_STARTUP_PROBE`), it prints [`crate::READY_PROBE_LINE`] so that
/// `scripts/measure-startup.sh` can time launch-to-interactive; otherwise it does nothing.
#[tauri::command]
pub fn ui_ready() {
    if std::env::var_os(crate::STARTUP_PROBE_ENV).is_some() {
        eprintln!("{}", crate::READY_PROBE_LINE);
    }
}

/// Opens a file the register wrote (a form, a roster, an extract) in the system's viewer,
/// wherever the user chose to save it. Only a file the export log records is opened: the
/// window cannot open anything else, and needs no opener permission of its own.
#[tauri::command(async)]
pub fn open_exported<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    path: PathBuf,
) -> Result<(), ErrorBody> {
    let file = state.read(|r| r.exported_file(&path))?;
    app.opener()
        .open_path(file.display().to_string(), None::<&str>)
        .map_err(|_| {
            Error::File {
                path: Some(file),
                problem: FileProblem::NoViewer,
            }
            .body(state.lang())
        })
}
