//! Checks of the project's shape: the core knows nothing of Tauri, and SQL lives in the store.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

fn core_sources() -> Vec<(std::path::PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files
        .into_iter()
        .map(|p| (p.clone(), std::fs::read_to_string(&p).expect("read source")))
        .collect()
}

#[test]
fn the_core_does_not_know_tauri() {
    for (path, text) in core_sources() {
        assert!(!text.contains("tauri"), "{} mentions tauri", path.display());
    }
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
            .expect("Cargo.toml");
    let deps = manifest
        .split("[dependencies]")
        .nth(1)
        .unwrap_or("")
        .split("\n[")
        .next()
        .unwrap_or("");
    assert!(!deps.contains("tauri"), "the core crate depends on tauri");
}

#[test]
fn sql_lives_only_in_the_store() {
    let keywords = [
        "SELECT ",
        "INSERT INTO",
        "UPDATE ",
        "DELETE FROM",
        "CREATE TABLE",
    ];
    for (path, text) in core_sources() {
        if path.components().any(|c| c.as_os_str() == "store") {
            continue;
        }
        for k in keywords {
            assert!(!text.contains(k), "{} contains SQL ({k})", path.display());
        }
    }
}

#[test]
fn every_core_module_says_what_it_is_for() {
    for (path, text) in core_sources() {
        assert!(
            text.trim_start().starts_with("//!"),
            "{} has no //! line",
            path.display()
        );
    }
}

#[test]
fn only_the_renderer_calls_printpdf_and_lopdf() {
    for (path, text) in core_sources() {
        if path.ends_with("pdf/render.rs") {
            continue;
        }
        for name in ["printpdf", "lopdf", "subsetter", "xmp_writer"] {
            assert!(
                !text.contains(&format!("{name}::")),
                "{} uses {name}: PDF is written only in src/pdf/render.rs",
                path.display()
            );
        }
    }
}
