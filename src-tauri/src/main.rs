//! Entry point of the desktop app: wires the shared builder to the real runtime, nothing else.

// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    #[cfg(target_os = "linux")]
    paint_on_the_cpu();
    // The single-instance plugin goes first, so a second launch stops before anything else.
    let builder = tauri::Builder::default()
        .plugin(samverkan_app::single_instance_plugin())
        .manage(samverkan_app::AppState::open_in_background(
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

/// WebKitGTK (2.46 and later) paints web content with Skia on the GPU whenever it finds OpenGL.
/// Without a GPU (a virtual machine, a remote desktop, Mesa's software renderer) that GPU is
/// the CPU emulating one, and it holds about 50 MiB of textures and caches for this UI, a
/// third of the app's memory. Painting on the CPU, as WebKitGTK always did up to 2.44, makes
/// no visible difference to a UI of forms and tables. A value already in the environment wins.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
fn paint_on_the_cpu() {
    const CPU_PAINTING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";
    if std::env::var_os(CPU_PAINTING).is_none() {
        // SAFETY: the first statement of `main`, before any thread is started, so nothing
        // reads or writes the environment at the same time.
        unsafe { std::env::set_var(CPU_PAINTING, "1") };
    }
}
