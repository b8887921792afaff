//! The UI's command map cannot drift from the shell's commands.
//!
//! The argument and result types cross by ts-rs (`ui/src/lib/bindings`); the command
//! signatures are written once more in TypeScript (`interface Commands` in `ui/src/lib/api.ts`,
//! `interface MeetingCommands` in `ui/src/lib/meetings-api.ts`), because Tauri has no typed
//! handler list of its own. This test reads both sides and holds them together: every command
//! in `generate_handler!` is in the TypeScript map and nothing else is, and each takes the
//! same arguments under the same names (Tauri passes them in camelCase). A command added,
//! removed, renamed or given another argument on one side only fails here, not in the
//! coordinator's window.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `snake_case` → `camelCase`, as Tauri names a command's arguments.
fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.trim_start_matches('_').chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The text between the bracket at `open` and the one that closes it.
fn balanced(text: &str, open: usize) -> &str {
    let bytes = text.as_bytes();
    let (o, c) = match bytes[open] {
        b'(' => (b'(', b')'),
        b'{' => (b'{', b'}'),
        b'[' => (b'[', b']'),
        b'<' => (b'<', b'>'),
        other => panic!("no bracket at {open}: {:?}", other as char),
    };
    let mut depth = 0usize;
    for (i, &b) in bytes.iter().enumerate().skip(open) {
        if b == o {
            depth += 1;
        } else if b == c {
            depth -= 1;
            if depth == 0 {
                return &text[open + 1..i];
            }
        }
    }
    panic!("unclosed bracket at {open}");
}

/// Splits at commas that are not inside brackets.
fn top_level_split(text: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0usize);
    for (i, c) in text.char_indices() {
        match c {
            '(' | '{' | '[' | '<' => depth += 1,
            ')' | '}' | ']' | '>' => depth -= 1,
            _ if c == sep && depth == 0 => {
                parts.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// The commands registered in `generate_handler!`, each with the argument names the UI passes.
fn rust_commands() -> BTreeMap<String, BTreeSet<String>> {
    let lib = read(&repo().join("src-tauri/src/lib.rs"));
    let at = lib
        .find("generate_handler![")
        .expect("lib.rs has generate_handler!");
    let list = balanced(&lib, at + "generate_handler!".len());
    let mut commands = BTreeMap::new();
    for entry in top_level_split(list, ',') {
        let path: Vec<&str> = entry.split("::").map(str::trim).collect();
        let [.., module, name] = path.as_slice() else {
            panic!("unexpected handler entry {entry:?}");
        };
        let file = repo().join(format!("src-tauri/src/commands/{module}.rs"));
        let source = read(&file);
        let head = [format!("pub fn {name}"), format!("pub async fn {name}")]
            .into_iter()
            .find_map(|h| {
                source
                    .match_indices(&h)
                    .map(|(i, _)| i + h.len())
                    .find(|&end| matches!(source.as_bytes().get(end), Some(b'(') | Some(b'<')))
            })
            .unwrap_or_else(|| panic!("{}: no pub fn {name}", file.display()));
        let mut open = head;
        if source.as_bytes()[open] == b'<' {
            open += balanced(&source, open).len() + 2;
        }
        let params = balanced(&source, open);
        let args = top_level_split(params, ',')
            .into_iter()
            .filter_map(|p| {
                let (name, ty) = p.split_once(':')?;
                let ty = ty.replace(' ', "");
                // What Tauri supplies itself, not the UI.
                let injected = ["State<", "AppHandle", "Window", "Webview"];
                (!injected.iter().any(|k| ty.contains(k))).then(|| camel(name.trim()))
            })
            .collect();
        assert!(
            commands.insert(name.to_string(), args).is_none(),
            "{name} is registered twice"
        );
    }
    commands
}

/// The commands of one `export interface NAME { … }` in a TypeScript file.
fn ts_commands(file: &str, interface: &str) -> BTreeMap<String, BTreeSet<String>> {
    let path = repo().join(file);
    let source = read(&path);
    let head = format!("export interface {interface} {{");
    let at = source
        .find(&head)
        .unwrap_or_else(|| panic!("{file}: no {head}"));
    let body = balanced(&source, at + head.len() - 1);
    let mut commands = BTreeMap::new();
    for entry in top_level_split(body, ';') {
        let entry = strip_comments(entry);
        let Some((name, shape)) = entry.split_once(':') else {
            continue;
        };
        let name = name.trim().to_string();
        let shape = shape.trim();
        assert!(
            shape.starts_with('{'),
            "{file}: {name} is not {{ args; result }}"
        );
        let fields = fields(balanced(shape, 0));
        let args = fields
            .get("args")
            .unwrap_or_else(|| panic!("{file}: {name} has no args"));
        let keys = if args.trim() == "undefined" {
            BTreeSet::new()
        } else {
            let args = args.trim();
            assert!(args.starts_with('{'), "{file}: {name}'s args are {args:?}");
            fields_of(balanced(args, 0)).into_keys().collect()
        };
        assert!(
            fields.contains_key("result"),
            "{file}: {name} has no result"
        );
        assert!(
            commands.insert(name.clone(), keys).is_none(),
            "{file}: {name} twice"
        );
    }
    commands
}

fn strip_comments(text: &str) -> String {
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// `args: …; result: …` → {args: …, result: …}.
fn fields(body: &str) -> BTreeMap<String, String> {
    fields_of(body)
        .into_iter()
        .map(|(k, v)| (k, v.to_string()))
        .collect()
}

fn fields_of(body: &str) -> BTreeMap<String, &str> {
    top_level_split(body, ';')
        .into_iter()
        .flat_map(|f| top_level_split(f, ','))
        .filter_map(|f| {
            let (k, v) = f.split_once(':')?;
            Some((k.trim().trim_end_matches('?').to_string(), v.trim()))
        })
        .collect()
}

#[test]
fn the_typescript_command_map_matches_generate_handler() {
    let rust = rust_commands();
    let mut ts = ts_commands("ui/src/lib/api.ts", "Commands");
    for (name, args) in ts_commands("ui/src/lib/meetings-api.ts", "MeetingCommands") {
        assert!(
            ts.insert(name.clone(), args).is_none(),
            "{name} in both maps"
        );
    }
    assert!(
        rust.len() > 50,
        "read only {} commands from lib.rs",
        rust.len()
    );

    let only_rust: Vec<_> = rust.keys().filter(|k| !ts.contains_key(*k)).collect();
    let only_ts: Vec<_> = ts.keys().filter(|k| !rust.contains_key(*k)).collect();
    assert!(
        only_rust.is_empty() && only_ts.is_empty(),
        "commands registered but not in the TypeScript map: {only_rust:?}; \
         in the TypeScript map but not registered: {only_ts:?}"
    );
    let differ: Vec<String> = rust
        .iter()
        .filter(|(name, args)| ts[*name] != **args)
        .map(|(name, args)| format!("{name}: Rust {args:?}, TypeScript {:?}", ts[name]))
        .collect();
    assert!(
        differ.is_empty(),
        "arguments differ:\n{}",
        differ.join("\n")
    );
}

#[test]
fn the_parsers_see_what_they_should() {
    assert_eq!(camel("group_id"), "groupId");
    assert_eq!(camel("within_days"), "withinDays");
    assert_eq!(
        fields_of("a: { b: number; c: string }; d?: number | null")
            .into_keys()
            .collect::<Vec<_>>(),
        ["a", "d"]
    );
    assert_eq!(
        top_level_split("a: Vec<(u8, u8)>, b: u8", ','),
        ["a: Vec<(u8, u8)>", "b: u8"]
    );
}
