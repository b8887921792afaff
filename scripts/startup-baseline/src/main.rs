//! An empty Tauri window that prints the same start-up probe line as the app.

use tauri::webview::PageLoadEvent;

fn main() {
    let result = tauri::Builder::default()
        .on_page_load(|_webview, payload| {
            if payload.event() == PageLoadEvent::Finished {
                eprintln!("samverkan-startup: page-load-finished");
            }
        })
        .run(tauri::generate_context!());
    if let Err(err) = result {
        eprintln!("startup-baseline: {err}");
        std::process::exit(1);
    }
}
