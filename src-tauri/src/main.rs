//! Entry point of the desktop app: wires the shared builder to the real runtime, nothing else.

// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // The single-instance plugin goes first, so a second launch stops before anything else.
    let builder = tauri::Builder::default()
        .plugin(samverkan_app::single_instance_plugin())
        .manage(samverkan_app::AppState::open(
            &samverkan_app::register_path(),
        ));
    if let Err(err) = samverkan_app::app_builder(builder).run(tauri::generate_context!()) {
        eprintln!("samverkan-app: {err}");
        std::process::exit(1);
    }
}
