//! Commands about the app itself: name and version for the About line and the title bar.

use serde::Serialize;

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
