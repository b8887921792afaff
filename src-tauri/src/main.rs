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
    match samverkan_app::app_builder(builder).build(tauri::generate_context!()) {
        // On exit the register is closed, so its writer's lock is released and marked clean
        // (the event loop ends the process without dropping the state).
        Ok(app) => app.run(|handle, event| {
            if let tauri::RunEvent::Exit = event {
                use tauri::Manager;
                handle.state::<samverkan_app::AppState>().close();
            }
        }),
        Err(err) => {
            eprintln!("samverkan-app: {err}");
            std::process::exit(1);
        }
    }
}
