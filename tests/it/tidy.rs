//! Checks of the project's shape: the core knows nothing of Tauri, SQL lives in the store, and
//! imports run one way (the lower layers do not name the register or what builds on them).

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

/// The module a source file is, as path segments from the crate root: `src/store/mod.rs` is
/// `store`, `src/pdf/draw.rs` is `pdf::draw`.
fn module_of(path: &Path) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let rel = path.strip_prefix(&root).expect("a file under src/");
    let mut segs: Vec<String> = rel
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if segs.last().is_some_and(|s| s == "mod" || s == "lib") {
        segs.pop();
    }
    segs
}

fn ident_at(chars: &[char], mut i: usize) -> (String, usize) {
    let start = i;
    while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
        i += 1;
    }
    (chars[start..i].iter().collect(), i)
}

fn skip_space(chars: &[char], mut i: usize) -> usize {
    while i < chars.len() && chars[i].is_whitespace() {
        i += 1;
    }
    i
}

/// Reads the rest of a path after `base::` from `i`: `a::b`, `a::{b, c::{d}}`, `*`; pushes
/// every full path it names to `out`. Returns where the path ends.
fn read_tail(chars: &[char], i: usize, base: &[String], out: &mut Vec<Vec<String>>) -> usize {
    let mut i = skip_space(chars, i);
    if chars.get(i) == Some(&'{') {
        i += 1;
        loop {
            i = skip_space(chars, i);
            match chars.get(i) {
                None => return i,
                Some('}') => return i + 1,
                Some(',') => i += 1,
                Some(_) => {
                    let next = read_tail(chars, i, base, out);
                    // `a as b`, or anything unexpected: go on to the next item.
                    i = next.max(i + 1);
                    while i < chars.len() && chars[i] != ',' && chars[i] != '}' {
                        i += 1;
                    }
                }
            }
        }
    }
    let (ident, end) = ident_at(chars, i);
    if ident.is_empty() {
        out.push(base.to_vec());
        return end.max(i + 1);
    }
    let mut path = base.to_vec();
    if ident != "self" {
        path.push(ident);
    }
    let after = skip_space(chars, end);
    if chars.get(after) == Some(&':') && chars.get(after + 1) == Some(&':') {
        read_tail(chars, after + 2, &path, out)
    } else {
        out.push(path);
        end
    }
}

/// Every path from the crate root that a source file names, through `crate::…` or
/// `super::…` (also `use crate::{a, b::{c}}`), as segments: `["register", "os_user"]`.
fn crate_paths(path: &Path, text: &str) -> Vec<Vec<String>> {
    let module = module_of(path);
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let boundary = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if !boundary || !(chars[i] == 'c' || chars[i] == 's') {
            i += 1;
            continue;
        }
        let (first, mut end) = ident_at(&chars, i);
        let mut base = match first.as_str() {
            "crate" => Some(Vec::new()),
            "super" => module.split_last().map(|(_, up)| up.to_vec()),
            _ => None,
        };
        while let Some(b) = base.as_mut() {
            if !(chars.get(end) == Some(&':') && chars.get(end + 1) == Some(&':')) {
                base = None;
                break;
            }
            let (next, next_end) = ident_at(&chars, end + 2);
            if next == "super" && first == "super" {
                if b.pop().is_none() {
                    base = None;
                }
                end = next_end;
            } else {
                end += 2;
                break;
            }
        }
        match base {
            Some(b) => i = read_tail(&chars, end, &b, &mut out).max(i + 1),
            None => i = end.max(i + 1),
        }
    }
    out
}

/// The names `lib.rs` re-exports from `module` (`pub use register::{Register, …}`), so that
/// `crate::Register` counts as naming the register too.
fn reexported_from(module: &str) -> Vec<String> {
    let lib = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs");
    let text = std::fs::read_to_string(&lib).expect("lib.rs");
    let mut names = Vec::new();
    for stmt in text.split(';') {
        let Some(rest) = stmt.trim().strip_prefix("pub use ") else {
            continue;
        };
        let chars: Vec<char> = rest.chars().collect();
        let mut paths = Vec::new();
        read_tail(&chars, 0, &[], &mut paths);
        for p in paths {
            if p.first().is_some_and(|s| s == module) {
                names.extend(p.last().cloned());
            }
        }
    }
    names
}

/// The files under `src/<dir>` for each of `dirs`, with their text.
fn sources_under(dirs: &[&str]) -> Vec<(std::path::PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    core_sources()
        .into_iter()
        .filter(|(p, _)| {
            dirs.iter()
                .any(|d| p.strip_prefix(&root).is_ok_and(|r| r.starts_with(d)))
        })
        .collect()
}

#[test]
fn the_path_reader_sees_every_form_of_naming_a_module() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/exports.rs");
    let text = "use crate::register::{ExportEntry, ExportKind};\n\
                use crate::{error::Error, register};\n\
                let u = crate::register::os_user();\n\
                use super::{safety, Register};\n\
                use super::super::model::Id;\n\
                use super::super::register::LogLine;";
    let paths = crate_paths(&file, text);
    let has = |p: &[&str]| paths.iter().any(|q| q == p);
    assert!(has(&["register", "ExportEntry"]), "{paths:?}");
    assert!(has(&["register", "ExportKind"]), "{paths:?}");
    assert!(has(&["error", "Error"]), "{paths:?}");
    assert!(has(&["register"]), "{paths:?}");
    assert!(has(&["register", "os_user"]), "{paths:?}");
    assert!(has(&["store", "safety"]), "{paths:?}");
    assert!(has(&["model", "Id"]), "{paths:?}");
    assert!(has(&["register", "LogLine"]), "{paths:?}");
    assert!(reexported_from("register").contains(&"Register".to_owned()));
}

#[test]
fn the_lower_layers_do_not_name_the_register() {
    let roots = reexported_from("register");
    let mut found = Vec::new();
    for (path, text) in sources_under(&["store", "export", "pdf", "safety", "model", "schedule"]) {
        for p in crate_paths(&path, &text) {
            let upward = p
                .first()
                .is_some_and(|s| s == "register" || roots.contains(s));
            if upward {
                found.push(format!("{}: crate::{}", path.display(), p.join("::")));
            }
        }
    }
    assert!(
        found.is_empty(),
        "the register sits above these modules; move what they need down \
         (to model/, safety/ or stamp.rs):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_error_type_and_the_drawing_list_stay_below_what_builds_on_them() {
    let mut found = Vec::new();
    for (path, text) in sources_under(&["error"]) {
        for p in crate_paths(&path, &text) {
            if p.first().is_some_and(|s| s == "model")
                || p.starts_with(&["store".into(), "safety".into()])
            {
                found.push(format!("{}: crate::{}", path.display(), p.join("::")));
            }
        }
    }
    for (path, text) in sources_under(&["pdf/draw.rs"]) {
        for p in crate_paths(&path, &text) {
            if p.starts_with(&["pdf".into(), "layout".into()]) {
                found.push(format!("{}: crate::{}", path.display(), p.join("::")));
            }
        }
    }
    assert!(
        found.is_empty(),
        "model/ and store::safety build on error/, and pdf/layout.rs on pdf/draw.rs; \
         what the lower one needs belongs below it (vocab.rs, safety/report.rs, pdf/draw.rs):\n{}",
        found.join("\n")
    );
}
