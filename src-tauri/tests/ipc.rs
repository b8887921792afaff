//! The shell's commands called through Tauri's IPC on the mock runtime: the same builder,
//! config and capabilities as the shipped app, with no window system.

use samverkan_app::{AppState, MAIN_WINDOW, app_builder};
use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

/// The app on a new register (Dalarna template) in a temporary folder, opened on a thread of
/// its own as the shipped app does.
struct TestApp {
    _dir: tempfile::TempDir,
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
}

fn app_on_new_register() -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = AppState::open_in_background(&dir.path().join("register.sqlite3"));
    let app = app_builder(mock_builder())
        .manage(state)
        .build(tauri::generate_context!())
        .expect("the app builds on the mock runtime");
    let window = WebviewWindowBuilder::new(&app, MAIN_WINDOW, Default::default())
        .build()
        .expect("the main window opens on the mock runtime");
    TestApp {
        _dir: dir,
        _app: app,
        window,
    }
}

fn app_with_main_window() -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let app = app_builder(mock_builder())
        .build(tauri::generate_context!())
        .expect("the app builds on the mock runtime");
    let window = WebviewWindowBuilder::new(&app, MAIN_WINDOW, Default::default())
        .build()
        .expect("the main window opens on the mock runtime");
    (app, window)
}

fn call(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().expect("static URL parses"),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request).map(|body| {
        body.deserialize::<Value>()
            .expect("the response body is JSON")
    })
}

#[test]
fn app_info_reports_product_name_and_crate_version() {
    let (_app, window) = app_with_main_window();
    let response = call(&window, "app_info", json!({}));
    assert_eq!(
        response,
        Ok(json!({ "name": "Samverkan", "version": env!("CARGO_PKG_VERSION") }))
    );
}

#[test]
fn unknown_command_is_an_error_not_a_panic() {
    let (_app, window) = app_with_main_window();
    let response = call(&window, "no_such_command", json!({}));
    assert!(response.is_err(), "got {response:?}");
}

#[test]
fn capability_does_not_grant_opening_urls() {
    // The window has no opener permission at all: neither URLs nor paths.
    let (_app, window) = app_with_main_window();
    let response = call(
        &window,
        "plugin:opener|open_url",
        json!({ "url": "https://example.org" }),
    );
    let err = response.expect_err("open_url must be refused by the capability");
    assert!(
        err.to_string().contains("not allowed"),
        "refused for another reason than the capability: {err}"
    );
}

#[test]
fn the_window_opens_no_path_itself_and_only_files_the_register_exported() {
    let (_app, window) = app_with_main_window();
    let response = call(
        &window,
        "plugin:opener|open_path",
        json!({ "path": "/etc/passwd" }),
    );
    let err = response.expect_err("a system file must not be opened from the UI");
    assert!(
        err.to_string().to_lowercase().contains("not allowed"),
        "refused for another reason than the capability: {err}"
    );
    let t = app_on_new_register();
    let err = call(&t.window, "open_exported", json!({ "path": "/etc/passwd" }))
        .expect_err("not exported");
    assert_eq!(err["code"], "file", "{err}");
    let message = err["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("inte en fil som Samverkan har sparat"),
        "{err}"
    );
    let err = call(
        &t.window,
        "open_exported",
        json!({ "path": "/no/such/file.pdf" }),
    )
    .expect_err("missing");
    assert_eq!(err["code"], "file", "{err}");
    assert!(
        err["message"]
            .as_str()
            .is_some_and(|m| m.contains("finns inte")),
        "{err}"
    );
}

fn id_of(list: &Value, key: &str, name: &str) -> i64 {
    list.as_array()
        .and_then(|l| l.iter().find(|x| x[key] == name))
        .and_then(|x| x["id"].as_i64())
        .unwrap_or_else(|| panic!("{name} not in {list}"))
}

#[test]
fn the_app_lists_the_default_registers_organisations() {
    let t = app_on_new_register();
    let orgs = call(&t.window, "list_orgs", json!({ "query": {} })).expect("list_orgs");
    let names: Vec<&str> = orgs
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|o| o["name"].as_str())
        .collect();
    assert!(
        names.contains(&"Falu kommun") && names.contains(&"Region Dalarna"),
        "{names:?}"
    );
    let info = call(&t.window, "register_info", json!({})).expect("register_info");
    assert_eq!(info["organisations"], 30);
}

#[test]
fn a_second_representative_is_refused_with_a_code_and_a_swedish_message() {
    let t = app_on_new_register();
    let w = &t.window;
    let orgs = call(w, "list_orgs", json!({ "query": { "text": "falu" } })).expect("orgs");
    let falun = id_of(&orgs, "name", "Falu kommun");
    let groups = call(w, "list_groups", json!({})).expect("groups");
    let county = groups
        .as_array()
        .expect("list")
        .iter()
        .find(|g| g["group"]["kind"] == "county")
        .expect("county")["group"]["id"]
        .clone();
    let mut people = Vec::new();
    for name in ["Anna Berg", "Sara Ek"] {
        let p = call(
            w,
            "add_person",
            json!({ "draft": { "name": name, "organisation_id": falun } }),
        )
        .expect("add_person");
        people.push(p["id"].clone());
    }
    let appoint = |person: &Value| {
        call(
            w,
            "appoint",
            json!({ "request": {
                "person_id": person, "group_id": county, "role": "representative", "from": "2026-01-01"
            }}),
        )
    };
    appoint(&people[0]).expect("the first representative");
    let err = appoint(&people[1]).expect_err("a second representative");
    assert_eq!(err["code"], "conflict");
    let message = err["message"].as_str().expect("a message");
    assert!(
        message.contains("Anna Berg") && message.contains("redan en representant"),
        "{message}"
    );

    call(w, "set_language", json!({ "lang": "en" })).expect("set_language");
    let err = appoint(&people[1]).expect_err("still refused");
    assert!(
        err["message"]
            .as_str()
            .is_some_and(|m| m.contains("already has a representative")),
        "{err}"
    );
}

#[test]
fn loose_or_far_dates_from_the_ui_are_refused() {
    let t = app_on_new_register();
    let w = &t.window;
    let orgs = call(w, "list_orgs", json!({ "query": { "text": "falu" } })).expect("orgs");
    let falun = id_of(&orgs, "name", "Falu kommun");
    let person = call(
        w,
        "add_person",
        json!({ "draft": { "name": "Anna Berg", "organisation_id": falun } }),
    )
    .expect("add_person")["id"]
        .clone();
    let groups = call(w, "list_groups", json!({})).expect("groups");
    let county = groups.as_array().expect("list")[0]["group"]["id"].clone();
    for from in ["0000-01-01", "+002026-01-01", "2026-1-1"] {
        let err = call(
            w,
            "appoint",
            json!({ "request": {
                "person_id": person, "group_id": county, "role": "representative", "from": from
            }}),
        )
        .expect_err(from);
        // Refused by the core, with its field and a message in the user's language: not the
        // framework's English "invalid args".
        assert_eq!(err["code"], "invalid", "{from}: {err}");
        assert_eq!(err["field"], "from", "{from}: {err}");
        let message = err["message"].as_str().unwrap_or_default();
        assert!(message.contains("från och med"), "{from}: {err}");
        assert!(!message.contains("invalid args"), "{from}: {err}");
    }
    let err = call(
        w,
        "appoint",
        json!({ "request": {
            "person_id": person, "group_id": county, "role": "representative",
            "from": "2026-01-01", "to": "2026-02-30"
        }}),
    )
    .expect_err("no such day");
    assert_eq!(err["field"], "to", "{err}");
    let err = call(
        w,
        "seat_holder",
        json!({ "groupId": county, "orgId": falun, "role": "representative", "day": "0027-01-05" }),
    )
    .expect_err("a far date");
    assert_eq!(err["code"], "invalid");
    assert!(
        err["message"]
            .as_str()
            .is_some_and(|m| m.contains("utanför")),
        "{err}"
    );
    let meeting = call(
        w,
        "add_meeting",
        json!({ "draft": { "group_id": county, "date": "0000-01-01" } }),
    )
    .expect_err("a far date");
    assert_eq!(meeting["field"], "date");
}

#[test]
fn form_errors_name_their_field() {
    let t = app_on_new_register();
    let err = call(
        &t.window,
        "add_org",
        json!({ "draft": { "name": "Ny", "kind": "other", "email": "nej" }, "groups": [] }),
    )
    .expect_err("a bad e-mail address");
    assert_eq!(err["code"], "invalid");
    assert_eq!(err["field"], "email");
}

#[test]
fn a_file_that_is_not_a_register_is_reported_on_every_call() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("register.sqlite3");
    std::fs::write(&path, b"not a database at all").expect("write");
    let app = app_builder(mock_builder())
        .manage(AppState::open_in_background(&path))
        .build(tauri::generate_context!())
        .expect("builds");
    let window = WebviewWindowBuilder::new(&app, MAIN_WINDOW, Default::default())
        .build()
        .expect("window");
    let err = call(&window, "register_info", json!({})).expect_err("not a register");
    assert_eq!(err["code"], "not_a_register");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        b"not a database at all"
    );
}

#[test]
fn the_year_plan_is_proposed_applied_and_a_roster_exported_through_ipc() {
    let t = app_on_new_register();
    let w = &t.window;
    let proposal = call(w, "propose_plan", json!({ "year": 2027, "groupId": null })).expect("plan");
    let meetings: Vec<Value> = proposal["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .flat_map(|g| g["slots"].as_array().cloned().unwrap_or_default())
        .map(|s| json!({ "group_id": s["group_id"], "date": s["date"] }))
        .collect();
    assert_eq!(meetings.len(), 6, "2 steering + 4 county meetings");
    let created = call(
        w,
        "apply_plan",
        json!({ "year": 2027, "meetings": meetings }),
    )
    .expect("apply");
    assert_eq!(created.as_array().map(Vec::len), Some(6));
    let err = call(
        w,
        "apply_plan",
        json!({ "year": 2027, "meetings": [{ "group_id": created[0]["group_id"], "date": "2027-06-25" }] }),
    )
    .expect_err("midsommarafton");
    assert_eq!(err["code"], "conflict");
    let county = created
        .as_array()
        .and_then(|ms| ms.iter().find(|m| m["group_name"] == "Länsgruppen MVK"))
        .expect("a county meeting");
    let path = t._dir.path().join("roster.csv");
    let out = call(
        w,
        "export_roster",
        json!({ "groupId": county["group_id"], "meetingId": county["id"], "format": "csv",
                "path": path, "include": [] }),
    )
    .expect("export");
    assert_eq!(out["items"], 0);
    assert!(path.exists());
    let list = t._dir.path().join("närvaro.pdf");
    let out = call(
        w,
        "export_attendance_list",
        json!({ "meetingId": county["id"], "path": list, "include": [] }),
    )
    .expect("attendance list");
    assert_eq!(out["items"], 0);
    assert!(std::fs::read(&list).is_ok_and(|b| b.starts_with(b"%PDF")));
    let err = call(
        w,
        "export_attendance_list",
        json!({ "meetingId": 999_999, "path": list, "include": [] }),
    )
    .expect_err("no such meeting");
    assert_eq!(err["code"], "not_found");
}

#[test]
fn backups_are_made_listed_and_restored_and_changes_are_logged() {
    let t = app_on_new_register();
    let b = call(&t.window, "make_backup", json!({})).expect("make_backup");
    let path = b["path"].as_str().expect("path").to_owned();
    let list = call(&t.window, "list_backups", json!({})).expect("list_backups");
    assert!(
        list.as_array()
            .is_some_and(|l| l.iter().any(|x| x["path"] == path.as_str()))
    );
    // To a file elsewhere (a USB stick), verified, and never over an existing file.
    let usb = tempfile::tempdir().expect("dir");
    let out = usb.path().join("samverkan-usb.sqlite3");
    let b = call(&t.window, "make_backup", json!({ "out": out })).expect("to a file");
    assert_eq!(b["path"], out.display().to_string().as_str());
    assert!(out.is_file());
    let err = call(&t.window, "make_backup", json!({ "out": out })).expect_err("exists");
    assert_ne!(err["code"], "internal", "{err}");
    let orgs = call(&t.window, "list_orgs", json!({ "query": {} })).expect("orgs");
    let falun = id_of(&orgs, "name", "Falu kommun");
    call(
        &t.window,
        "add_person",
        json!({ "draft": { "name": "Anna Berg", "organisation_id": falun } }),
    )
    .expect("add_person");
    let log = call(&t.window, "audit_log", json!({ "entity": "person" })).expect("log");
    assert_eq!(log[0]["action"], "insert");
    assert_eq!(log[0]["event"], "Tillagd");
    assert_eq!(log[0]["name"], "Anna Berg");
    assert!(
        log[0]["details"]
            .as_str()
            .is_some_and(|n| n.starts_with("Namn: Anna Berg; Organisation: Falu kommun"))
    );
    let check = call(&t.window, "check_register", json!({})).expect("check");
    assert_eq!(check["integrity_ok"], true);
    let r = call(&t.window, "restore_backup", json!({ "path": path })).expect("restore");
    assert!(r["previous_kept_as"].as_str().is_some());
    let people = call(&t.window, "list_people", json!({ "query": {} })).expect("people");
    assert!(people.as_array().is_some_and(|p| p.is_empty()), "{people}");
}

#[test]
fn a_register_that_cannot_be_opened_is_rescued_from_its_newest_good_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("register.sqlite3");
    drop(AppState::open(&db));
    {
        let reg = samverkan::Register::open(&db).expect("open");
        reg.backup(None, chrono::Utc::now()).expect("backup");
    }
    std::fs::write(&db, b"not a register at all").expect("damage");
    let app = app_builder(mock_builder())
        .manage(AppState::open_in_background(&db))
        .build(tauri::generate_context!())
        .expect("app");
    let window = WebviewWindowBuilder::new(&app, MAIN_WINDOW, Default::default())
        .build()
        .expect("window");
    let err = call(&window, "list_orgs", json!({ "query": {} })).expect_err("damaged");
    assert_eq!(err["code"], "not_a_register");
    let good = call(&window, "newest_good_backup", json!({})).expect("newest");
    let path = good["path"]
        .as_str()
        .expect("a backup is offered")
        .to_owned();
    let r = call(&window, "rescue_register", json!({ "path": path })).expect("rescue");
    assert!(
        r["previous_kept_as"]
            .as_str()
            .is_some_and(|p| p.contains("damaged"))
    );
    let orgs = call(&window, "list_orgs", json!({ "query": {} })).expect("orgs after rescue");
    assert!(orgs.as_array().is_some_and(|o| o.len() == 30));
}

#[test]
fn the_import_wizard_previews_checks_and_imports_a_file() {
    let t = app_on_new_register();
    let csv = t._dir.path().join("in.csv");
    std::fs::write(
        &csv,
        "Kommun;Namn;E-post\nFalu kommun;Anna Berg;anna@falun.se\nMora kommun;Bo Ek;bo.mora.se\n",
    )
    .expect("write");
    let path = csv.display().to_string();
    let p = call(&t.window, "import_preview", json!({ "path": path })).expect("preview");
    assert_eq!(p["fields"], json!([null, "name", "email"]));
    assert_eq!(p["rows"], 2);
    let fields = json!(["organisation", "name", "email"]);
    let dry = call(
        &t.window,
        "import_run",
        json!({ "path": path, "fields": fields, "choices": { "dry_run": true } }),
    )
    .expect("dry run");
    assert_eq!(dry["issues"][0]["row"], 3);
    assert_eq!(dry["issues"][0]["column"], "E-post");
    assert_eq!(dry["written"], false);
    std::fs::write(
        &csv,
        "Kommun;Namn;E-post\nFalu kommun;Anna Berg;anna@falun.se\n",
    )
    .expect("write");
    let done = call(
        &t.window,
        "import_run",
        json!({ "path": path, "fields": fields, "choices": { "dry_run": false } }),
    )
    .expect("import");
    assert_eq!(done["written"], true);
    let people = call(&t.window, "list_people", json!({ "query": {} })).expect("people");
    assert_eq!(people.as_array().map(Vec::len), Some(1));
}

#[test]
fn the_import_wizard_creates_only_the_ticked_organisations_and_saves_the_template() {
    let t = app_on_new_register();
    let csv = t._dir.path().join("new.csv");
    std::fs::write(
        &csv,
        "Organisation;Namn;Roll\nOkänd förening;Cia Holm;Representant\nAnnan förening;Dan Ek;Representant\n",
    )
    .expect("write");
    let path = csv.display().to_string();
    let fields = json!(["organisation", "name", "role"]);
    let dry = call(
        &t.window,
        "import_run",
        json!({ "path": path, "fields": fields, "choices": { "dry_run": true } }),
    )
    .expect("dry run");
    assert_eq!(dry["new_orgs"][0]["name"], "Okänd förening");
    assert_eq!(dry["new_orgs"][0]["decision"], "skip");
    assert_eq!(dry["group"]["name"], "Länsgruppen MVK");
    assert_eq!(dry["columns"][2]["note"]["kind"], "roles_into");
    let done = call(
        &t.window,
        "import_run",
        json!({ "path": path, "fields": fields,
                "choices": { "dry_run": false, "create_orgs": ["Okänd förening"] } }),
    )
    .expect("import");
    assert_eq!(done["written"], true);
    assert_eq!(
        (done["orgs_created"].as_u64(), done["rows_skipped"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(done["appointments_created"], 1);
    let err = call(
        &t.window,
        "import_run",
        json!({ "path": path, "fields": fields,
                "choices": { "dry_run": true, "create_orgs": ["Okänd"] } }),
    )
    .expect_err("not a new organisation of the file");
    assert_eq!(err["code"], "invalid");
    let template = t._dir.path().join("mall.xlsx");
    call(
        &t.window,
        "import_template",
        json!({ "path": template, "format": "xlsx" }),
    )
    .expect("template");
    assert!(std::fs::metadata(&template).is_ok_and(|m| m.len() > 0));
}

/// Adds a person to Falu kommun; returns their id.
fn add_falun_person(w: &WebviewWindow<MockRuntime>, name: &str, email: &str) -> Value {
    let orgs = call(w, "list_orgs", json!({ "query": { "text": "falu" } })).expect("orgs");
    let falun = id_of(&orgs, "name", "Falu kommun");
    let p = call(
        w,
        "add_person",
        json!({ "draft": { "name": name, "organisation_id": falun, "email": email } }),
    )
    .expect("add_person");
    p["id"].clone()
}

#[test]
fn a_register_extract_is_written_as_pdf_and_json_and_a_person_is_erased_once() {
    let t = app_on_new_register();
    let w = &t.window;
    let anna = add_falun_person(w, "Anna Berg", "anna@falun.se");
    let pdf = t._dir.path().join("utdrag.pdf");
    let x = call(
        w,
        "extract_person",
        json!({ "personId": anna, "path": pdf, "format": "pdf" }),
    )
    .expect("extract as PDF");
    assert_eq!(x["person"]["name"], "Anna Berg");
    assert!(std::fs::read(&pdf).is_ok_and(|b| b.starts_with(b"%PDF")));
    let file = t._dir.path().join("utdrag.json");
    call(
        w,
        "extract_person",
        json!({ "personId": anna, "path": file, "format": "json" }),
    )
    .expect("extract as JSON");
    let written: Value =
        serde_json::from_slice(&std::fs::read(&file).expect("the JSON file")).expect("JSON");
    assert_eq!(written["person"]["name"], "Anna Berg");
    assert_eq!(written["person"]["email"], "anna@falun.se");
    let err = call(
        w,
        "extract_person",
        json!({ "personId": anna, "path": file, "format": "xml" }),
    )
    .expect_err("an unknown format");
    assert!(err.to_string().contains("xml"), "{err}");

    let e = call(w, "erase_person", json!({ "personId": anna })).expect("erase");
    assert_eq!(e["number"], 1);
    let detail = call(w, "person_detail", json!({ "id": anna })).expect("detail");
    assert_eq!(detail["person"]["name"], "Borttagen person 1");
    assert_eq!(detail["person"]["email"], Value::Null);
    let err = call(w, "erase_person", json!({ "personId": anna })).expect_err("erased twice");
    assert_eq!(err["code"], "conflict");
    assert!(
        err["message"]
            .as_str()
            .is_some_and(|m| m.contains("redan borttagen")),
        "{err}"
    );
    let err = call(w, "erase_person", json!({ "personId": 999_999 })).expect_err("no one");
    assert_eq!(err["code"], "not_found");
}

#[test]
fn retention_lists_people_whose_last_appointment_ended_long_ago_and_erases_them() {
    let t = app_on_new_register();
    let w = &t.window;
    let old = add_falun_person(w, "Gamla Greta", "greta@falun.se");
    let serving = add_falun_person(w, "Nya Nora", "nora@falun.se");
    let groups = call(w, "list_groups", json!({})).expect("groups");
    let county = groups
        .as_array()
        .and_then(|l| l.iter().find(|g| g["group"]["kind"] == "county"))
        .expect("county")["group"]["id"]
        .clone();
    let appoint = |person: &Value, role: &str, from: &str| {
        call(
            w,
            "appoint",
            json!({ "request": {
                "person_id": person, "group_id": county, "role": role, "from": from
            }}),
        )
        .expect("appoint")
    };
    let a = appoint(&old, "representative", "2010-01-01");
    let id = a["appointment"]["id"].clone();
    call(
        w,
        "end_appointment",
        json!({ "id": id, "lastDay": "2012-06-30" }),
    )
    .expect("end");
    appoint(&serving, "substitute", "2020-01-01");

    let list = call(w, "retention_list", json!({ "months": 24 })).expect("retention");
    let found: Vec<&Value> = list.as_array().expect("a list").iter().collect();
    assert_eq!(found.len(), 1, "{list}");
    assert_eq!(found[0]["person_id"], old);
    assert_eq!(found[0]["name"], "Gamla Greta");
    assert_eq!(found[0]["organisation_name"], "Falu kommun");
    assert_eq!(found[0]["last_served"], "2012-06-30");

    let done = call(w, "erase_people", json!({ "personIds": [old] })).expect("erase");
    assert_eq!(done.as_array().map(Vec::len), Some(1));
    let list = call(w, "retention_list", json!({ "months": 24 })).expect("retention");
    assert_eq!(list, json!([]));
    let nora = call(w, "person_detail", json!({ "id": serving })).expect("detail");
    assert_eq!(nora["person"]["name"], "Nya Nora");

    // The retention period is the register's setting: 24 months until changed.
    assert_eq!(call(w, "retention_months", json!({})).expect("months"), 24);
    assert_eq!(
        call(w, "set_retention_months", json!({ "months": 36 })).expect("set"),
        36
    );
    assert_eq!(call(w, "retention_months", json!({})).expect("months"), 36);
    let err = call(w, "set_retention_months", json!({ "months": 5000 })).expect_err("too long");
    assert_eq!(err["code"], "invalid");
    assert_eq!(call(w, "retention_months", json!({})).expect("months"), 36);
}

/// The id of the first group of a kind in `list_groups`.
fn group_of_kind(w: &WebviewWindow<MockRuntime>, kind: &str) -> Value {
    let groups = call(w, "list_groups", json!({})).expect("groups");
    groups
        .as_array()
        .and_then(|l| l.iter().find(|g| g["group"]["kind"] == kind))
        .unwrap_or_else(|| panic!("no {kind} group in {groups}"))["group"]["id"]
        .clone()
}

#[test]
fn the_steering_groups_seats_are_listed_filled_and_held_seats_kept() {
    let t = app_on_new_register();
    let w = &t.window;
    let steering = group_of_kind(w, "steering");
    let seats = call(w, "group_seats", json!({ "groupId": steering })).expect("group_seats");
    let seats = seats.as_array().expect("a list").clone();
    assert_eq!(seats.len(), 8, "{seats:?}");
    assert!(
        seats.iter().all(|s| s["holder"].is_null()),
        "a new register has no holders"
    );
    let social = seats
        .iter()
        .find(|s| s["seat"]["label"] == "Socialchef" && s["seat"]["org_kind"] == "municipality")
        .expect("an open Socialchef seat")["seat"]["id"]
        .clone();

    let anna = add_falun_person(w, "Anna Berg", "anna@falun.se");
    let out = call(
        w,
        "appoint",
        json!({ "request": {
            "person_id": anna, "group_id": steering, "role": "member", "seat_id": social,
            "from": "2026-01-01"
        }}),
    )
    .expect("appoint to the Socialchef seat");
    assert_eq!(out["appointment"]["seat_id"], social);
    let holder = call(
        w,
        "seat_holder_of",
        json!({ "seatId": social, "day": "2026-06-01" }),
    )
    .expect("seat_holder_of");
    assert_eq!(holder["holder"]["person_name"], "Anna Berg");
    assert_eq!(holder["last_day_if_replaced"], "2026-05-31");
    assert_eq!(holder["earliest_replacement"], "2026-01-02");

    let err = call(w, "remove_seat", json!({ "seatId": social })).expect_err("a held seat");
    assert_eq!(err["code"], "in_use");
    assert!(
        err["message"]
            .as_str()
            .is_some_and(|m| m.contains("Anna Berg")),
        "{err}"
    );

    let added = call(
        w,
        "add_seat",
        json!({ "groupId": steering, "draft": { "role": "member", "label": "Brottsofferjour" } }),
    )
    .expect("add_seat");
    assert_eq!(added["position"], 9);
    let seats = call(w, "group_seats", json!({ "groupId": steering })).expect("group_seats");
    assert_eq!(seats.as_array().map(Vec::len), Some(9));
    call(w, "remove_seat", json!({ "seatId": added["id"] })).expect("remove an empty seat");
    let seats = call(w, "group_seats", json!({ "groupId": steering })).expect("group_seats");
    assert_eq!(seats.as_array().map(Vec::len), Some(8));
}

#[test]
fn an_appointment_made_today_is_withdrawn_with_a_reason() {
    let t = app_on_new_register();
    let w = &t.window;
    let county = group_of_kind(w, "county");
    let anna = add_falun_person(w, "Anna Berg", "anna@falun.se");
    let out = call(
        w,
        "appoint",
        json!({ "request": {
            "person_id": anna, "group_id": county, "role": "representative", "from": "2026-01-01"
        }}),
    )
    .expect("appoint");
    let id = out["appointment"]["id"].clone();
    let err = call(
        w,
        "withdraw_appointment",
        json!({ "id": id, "reason": "  " }),
    )
    .expect_err("a reason is required");
    assert_eq!(err["code"], "invalid");
    assert_eq!(err["field"], "reason");
    let gone = call(
        w,
        "withdraw_appointment",
        json!({ "id": id, "reason": "Fel person" }),
    )
    .expect("withdraw");
    assert_eq!(gone["person_name"], "Anna Berg");
    let detail = call(w, "group_detail", json!({ "id": county })).expect("detail");
    assert!(
        detail["history"]
            .as_array()
            .is_some_and(|h| h.iter().all(|a| a["id"] != id)),
        "a withdrawn appointment leaves the history: {detail}"
    );
    let err = call(
        w,
        "withdraw_appointment",
        json!({ "id": 999_999, "reason": "Fel" }),
    )
    .expect_err("no such appointment");
    assert_eq!(err["code"], "not_found");
}

#[test]
fn an_agenda_is_read_and_changed_through_its_commands_with_camel_case_arguments() {
    let t = app_on_new_register();
    let w = &t.window;
    let groups = call(w, "list_groups", json!({})).expect("groups");
    let county = groups
        .as_array()
        .and_then(|l| l.iter().find(|g| g["group"]["name"] == "Länsgruppen MVK"))
        .and_then(|g| g["group"]["id"].as_i64())
        .expect("the county group");
    let m = call(
        w,
        "add_meeting",
        json!({ "draft": { "group_id": county, "date": "2027-03-10", "start": "09:00", "end": "12:00" } }),
    )
    .expect("meeting");
    let of = json!({ "of": "meeting", "id": m["id"] });
    let a = call(w, "agenda", json!({ "of": of })).expect("agenda");
    let n = a["items"].as_array().expect("items").len();
    assert!(
        n > 0,
        "a new meeting starts from the template's default: {a}"
    );
    let draft = json!({ "title": "Åtgärdsplan", "kind": "decision", "presenter_id": null,
                        "presenter": "Länsstyrelsen", "minutes": 30, "note": null });
    let a = call(
        w,
        "add_agenda_item",
        json!({ "of": of, "draft": draft, "at": 1 }),
    )
    .expect("add");
    assert_eq!(a["items"][0]["title"], "Åtgärdsplan");
    assert_eq!(a["items"][1]["start"], "09:30");
    let a = call(
        w,
        "move_agenda_item",
        json!({ "of": of, "position": 1, "to": 2 }),
    )
    .expect("move");
    assert_eq!(a["items"][1]["title"], "Åtgärdsplan");
    let a = call(
        w,
        "edit_agenda_item",
        json!({ "of": of, "position": 2, "draft": draft }),
    )
    .expect("edit");
    assert_eq!(a["items"].as_array().map(Vec::len), Some(n + 1));
    let err = call(w, "remove_agenda_item", json!({ "of": of, "position": 99 }))
        .expect_err("no such position");
    assert_eq!(err["code"], "invalid", "{err}");
    let a = call(w, "remove_agenda_item", json!({ "of": of, "position": 2 })).expect("remove");
    assert_eq!(a["items"].as_array().map(Vec::len), Some(n));
    let a = call(w, "reset_agenda", json!({ "meetingId": m["id"] })).expect("reset");
    assert_eq!(a["items"].as_array().map(Vec::len), Some(n));
    let g = call(
        w,
        "agenda",
        json!({ "of": { "of": "group", "id": county } }),
    )
    .expect("group");
    assert_eq!(g["from_template"], true);
}

#[test]
fn an_invitation_is_previewed_and_written_and_the_mail_wording_saved_through_its_commands() {
    let t = app_on_new_register();
    let w = &t.window;
    let groups = call(w, "list_groups", json!({})).expect("groups");
    let county = groups
        .as_array()
        .and_then(|l| l.iter().find(|g| g["group"]["name"] == "Länsgruppen MVK"))
        .and_then(|g| g["group"]["id"].as_i64())
        .expect("the county group");
    let m = call(
        w,
        "add_meeting",
        json!({ "draft": { "group_id": county, "date": "2027-03-10", "start": "09:00", "end": "12:00" } }),
    )
    .expect("meeting");
    let s = call(
        w,
        "invitation",
        json!({ "meetingId": m["id"], "include": [] }),
    )
    .expect("state");
    assert_eq!(s["kind"], "invitation");
    assert_eq!(s["has_organiser"], false);
    let eml = t._dir.path().join("kallelse.eml");
    let request = json!({ "include": [], "recipients": "bcc" });
    let err = call(
        w,
        "write_invitation",
        json!({ "meetingId": m["id"], "eml": eml, "pdf": null, "request": request }),
    )
    .expect_err("no coordinator address");
    assert_eq!(err["code"], "invalid", "{err}");
    call(
        w,
        "set_organiser",
        json!({ "info": { "name": "Åsa", "email": "asa@lansstyrelsen.se", "title": null, "phone": null } }),
    )
    .expect("coordinator");
    let out = call(
        w,
        "write_invitation",
        json!({ "meetingId": m["id"], "eml": eml, "pdf": null, "request": request }),
    )
    .expect("written");
    assert_eq!(out["sequence"], 0);
    assert!(eml.is_file());
    let v = call(w, "mail_wording", json!({})).expect("wording");
    let mut wording = v["wording"].clone();
    wording["invitation"]["subject"] = json!("Välkommen: {group}");
    let saved = call(w, "save_mail_wording", json!({ "wording": wording })).expect("saved");
    assert!(saved["version"].as_i64().is_some());
    let s = call(
        w,
        "invitation",
        json!({ "meetingId": m["id"], "include": [] }),
    )
    .expect("state");
    assert_eq!(s["subject"], "Välkommen: Länsgruppen MVK");
}

/// The county group's id and a meeting of it on 2027-03-10.
fn county_meeting(w: &WebviewWindow<MockRuntime>) -> Value {
    let groups = call(w, "list_groups", json!({})).expect("groups");
    let county = groups
        .as_array()
        .and_then(|l| l.iter().find(|g| g["group"]["name"] == "Länsgruppen MVK"))
        .and_then(|g| g["group"]["id"].as_i64())
        .expect("the county group");
    call(
        w,
        "add_meeting",
        json!({ "draft": { "group_id": county, "date": "2027-03-10", "start": "09:00", "end": "12:00" } }),
    )
    .expect("meeting")
}

#[test]
fn minutes_are_written_checked_and_sent_through_their_commands() {
    let t = app_on_new_register();
    let w = &t.window;
    let m = county_meeting(w);
    let id = m["id"].clone();
    let taker = add_falun_person(w, "Erik Lund", "erik.lund@falun.se");
    let checker = add_falun_person(w, "Anna Öberg", "anna.oberg@falun.se");
    let mins = call(w, "minutes", json!({ "meetingId": id, "include": [] })).expect("minutes");
    assert_eq!(mins["status"], "not_started", "{mins}");
    let n = mins["items"].as_array().expect("items").len();
    assert!(n > 0, "the template's items: {mins}");

    let mins = call(
        w,
        "set_minutes_item",
        json!({ "meetingId": id, "position": 1,
                "draft": { "notes": "Mötet öppnades.", "decisions": "Dagordningen godkändes." } }),
    )
    .expect("item");
    assert_eq!(mins["status"], "drafted");
    assert_eq!(mins["items"][0]["notes"], "Mötet öppnades.");
    assert_eq!(mins["items"][0]["decisions"], "Dagordningen godkändes.");
    let err = call(
        w,
        "set_minutes_item",
        json!({ "meetingId": id, "position": n + 1, "draft": { "notes": "x" } }),
    )
    .expect_err("no such item");
    assert_eq!(err["code"], "invalid", "{err}");

    let err = call(w, "check_minutes", json!({ "meetingId": id })).expect_err("no checker");
    assert_eq!(err["code"], "invalid", "{err}");
    let mins = call(
        w,
        "set_minutes_people",
        json!({ "meetingId": id, "people": { "taker_id": taker, "checker_id": checker } }),
    )
    .expect("people");
    assert_eq!(mins["taker"]["name"], "Erik Lund");
    assert_eq!(mins["checker"]["name"], "Anna Öberg");
    let mins = call(w, "check_minutes", json!({ "meetingId": id })).expect("checked");
    assert_eq!(mins["status"], "checked");
    assert!(mins["checked_at"].is_string(), "{mins}");

    let pdf = t._dir.path().join("minnesanteckningar.pdf");
    let eml = t._dir.path().join("minnesanteckningar.eml");
    let request = json!({ "include": [], "recipients": "bcc" });
    let err = call(
        w,
        "write_minutes",
        json!({ "meetingId": id, "pdf": pdf, "eml": eml, "request": request }),
    )
    .expect_err("no coordinator address for the draft");
    assert_eq!(err["code"], "invalid", "{err}");
    assert!(
        !pdf.exists() && !eml.exists(),
        "nothing written when refused"
    );
    let out = call(
        w,
        "write_minutes",
        json!({ "meetingId": id, "pdf": pdf, "eml": null, "request": request }),
    )
    .expect("the PDF alone needs no coordinator");
    assert!(pdf.is_file());
    assert_eq!(out["status"], "checked", "a PDF alone sends nothing: {out}");
    call(
        w,
        "set_organiser",
        json!({ "info": { "name": "Åsa", "email": "asa@lansstyrelsen.se", "title": null, "phone": null } }),
    )
    .expect("coordinator");
    let out = call(
        w,
        "write_minutes",
        json!({ "meetingId": id, "pdf": null, "eml": eml, "request": request }),
    )
    .expect("the draft");
    assert!(eml.is_file());
    assert_eq!(out["status"], "sent", "{out}");
    let mins = call(w, "minutes", json!({ "meetingId": id, "include": [] })).expect("minutes");
    assert_eq!(mins["status"], "sent");
    assert!(mins["sent_at"].is_string(), "{mins}");
}

#[test]
fn reminders_are_listed_written_into_a_folder_and_their_period_set_through_their_commands() {
    let t = app_on_new_register();
    let w = &t.window;
    let page = json!({ "offset": 0, "limit": 5 });
    let r = call(
        w,
        "reminders",
        json!({ "withinDays": null, "include": [], "page": page }),
    )
    .expect("reminders");
    assert_eq!(r["within_days"], 60, "the default period: {r}");
    let due = r["due"].as_u64().expect("due");
    assert!(due > 0, "a new register's seats are empty: {r}");
    let rows = r["letters"]["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 5, "a page of the letters");
    assert_eq!(r["letters"]["total"].as_u64(), Some(due));
    assert!(
        rows.iter()
            .all(|l| l["due"] == true && l["last_sent"].is_null())
    );

    let err = call(w, "set_reminder_days", json!({ "days": 0 })).expect_err("no period");
    assert_eq!(err["code"], "invalid", "{err}");
    let days = call(w, "set_reminder_days", json!({ "days": 90 })).expect("period");
    assert_eq!(days, 90);
    let r = call(
        w,
        "reminders",
        json!({ "withinDays": null, "include": [], "page": page }),
    )
    .expect("reminders");
    assert_eq!(r["within_days"], 90);

    let dir = t._dir.path().join("påminnelser");
    let out = call(
        w,
        "write_reminders",
        json!({ "dir": dir, "request": { "within_days": null, "again": false, "include": [] } }),
    )
    .expect("written");
    let written = out["written"].as_array().expect("written");
    assert_eq!(
        written.len() as u64,
        due,
        "one letter for every due one: {out}"
    );
    for l in written {
        let pdf = l["pdf"].as_str().expect("a letter");
        assert!(std::path::Path::new(pdf).is_file(), "{pdf}");
        assert!(pdf.starts_with(dir.to_str().expect("path")), "{pdf}");
    }
    // Written once, not due again within the period unless asked.
    let r = call(
        w,
        "reminders",
        json!({ "withinDays": null, "include": [], "page": page }),
    )
    .expect("reminders");
    assert_eq!(r["due"], 0, "{r}");
    assert_eq!(r["recent"].as_u64(), Some(due));
    let again = call(
        w,
        "write_reminders",
        json!({ "dir": dir, "request": { "within_days": null, "again": false, "include": [] } }),
    )
    .expect("nothing due");
    assert_eq!(again["written"].as_array().map(Vec::len), Some(0));
    assert_eq!(again["skipped"].as_u64(), Some(due));
}
