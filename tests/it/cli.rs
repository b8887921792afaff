//! The CLI contract: what the app, scripts and the README rely on.

use crate::support::{Fixture, snapshot};

const MUNICIPALITIES: [&str; 15] = [
    "Avesta",
    "Borlänge",
    "Falu",
    "Gagnef",
    "Hedemora",
    "Leksand",
    "Ludvika",
    "Malung-Sälen",
    "Mora",
    "Orsa",
    "Rättvik",
    "Smedjebacken",
    "Säter",
    "Vansbro",
    "Älvdalen",
];

/// Falun's representative and substitute in the county group, from 2026-01-01.
fn with_falun_seats(f: &Fixture) {
    f.ok(&[
        "person",
        "add",
        "Anna Berg",
        "--org",
        "Falun",
        "--email",
        "anna.berg@falun.se",
    ]);
    f.ok(&["person", "add", "Erik Lund", "--org", "Falun"]);
    f.ok(&["person", "add", "Sara Ek", "--org", "Falun"]);
    f.ok(&[
        "appoint",
        "Anna Berg",
        "--group",
        "Länsgruppen",
        "--role",
        "representant",
        "--from",
        "2026-01-01",
    ]);
    f.ok(&[
        "appoint",
        "Erik Lund",
        "--group",
        "Länsgruppen",
        "--role",
        "ersättare",
        "--from",
        "2026-01-01",
    ]);
}

#[test]
fn init_creates_the_dalarna_register() {
    let f = Fixture::new();
    f.ok(&["init"]);
    let out = f.ok(&["org", "list"]);
    for m in MUNICIPALITIES {
        assert!(out.contains(m), "{m} missing from:\n{out}");
    }
    for org in [
        "Region Dalarna",
        "Högskolan Dalarna",
        "Polismyndigheten",
        "Kvinnojouren Kullan",
        "Brottsofferjouren",
    ] {
        assert!(out.contains(org), "{org} missing");
    }
    let groups = f.json(&["group", "list"]);
    let groups = groups.as_array().expect("a list");
    let county = groups
        .iter()
        .find(|g| g["group"]["kind"] == "county")
        .expect("county group");
    assert_eq!(county["group"]["meetings_per_year"], 4);
    assert_eq!(county["group"]["one_per_org"], true);
    assert_eq!(county["seats"], 29);
    let steering = groups
        .iter()
        .find(|g| g["group"]["kind"] == "steering")
        .expect("steering group");
    assert_eq!(steering["group"]["meetings_per_year"], 2);
    let people = f.json(&["person", "list"]);
    assert_eq!(
        people.as_array().map(Vec::len),
        Some(0),
        "the template holds no personal data"
    );
}

#[test]
fn organisations_list_in_swedish_alphabetical_order() {
    let f = Fixture::dalarna();
    let orgs = f.json(&["org", "list"]);
    let names: Vec<&str> = orgs
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|o| o["name"].as_str())
        .collect();
    let last_three = &names[names.len() - 2..];
    assert_eq!(last_three, ["Åklagarkammaren i Falun", "Älvdalens kommun"]);
}

#[test]
fn init_refuses_to_overwrite_a_register() {
    let f = Fixture::dalarna();
    let err = f.refused(&["init"]);
    assert!(err.contains("skrivs inte över"), "{err}");
}

#[test]
fn the_empty_template_starts_with_nothing() {
    let f = Fixture::new();
    f.ok(&["init", "--template", "empty"]);
    assert_eq!(f.json(&["org", "list"]), serde_json::json!([]));
    assert_eq!(f.json(&["group", "list"]), serde_json::json!([]));
}

#[test]
fn a_representative_and_a_substitute_fill_the_seats() {
    let f = Fixture::dalarna();
    with_falun_seats(&f);
    let d = f.json(&["org", "show", "Falun"]);
    let county = d["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .find(|g| g["group_name"] == "Länsgruppen MVK")
        .expect("county");
    assert_eq!(county["representative"]["person_name"], "Anna Berg");
    assert_eq!(county["substitute"]["person_name"], "Erik Lund");
}

#[test]
fn a_second_representative_is_refused_in_swedish_naming_the_holder() {
    let f = Fixture::dalarna();
    with_falun_seats(&f);
    let err = f.refused(&[
        "appoint",
        "Sara Ek",
        "--group",
        "Länsgruppen",
        "--role",
        "representative",
        "--from",
        "2026-06-01",
    ]);
    assert!(
        err.contains("Falu kommun har redan en representant"),
        "{err}"
    );
    assert!(err.contains("Anna Berg"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
}

#[test]
fn refusals_speak_english_when_asked() {
    let f = Fixture::dalarna();
    with_falun_seats(&f);
    let args = [
        "appoint",
        "Sara Ek",
        "--group",
        "Länsgruppen",
        "--role",
        "representative",
    ];
    let mut with_flag = vec!["--lang", "en"];
    with_flag.extend_from_slice(&args);
    assert!(
        f.refused(&with_flag)
            .contains("already has a representative")
    );
    let out = f
        .cli()
        .env("LANG", "en_GB.UTF-8")
        .args(args)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already has a representative"));
}

#[test]
fn json_errors_carry_a_code_and_a_message() {
    let f = Fixture::dalarna();
    with_falun_seats(&f);
    let before = snapshot(&f.db);
    let out = f
        .cli()
        .args([
            "--json",
            "appoint",
            "Sara Ek",
            "--group",
            "Länsgruppen",
            "--role",
            "representative",
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let body: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("JSON error on stdout");
    assert_eq!(body["code"], "conflict");
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.contains("Anna Berg"))
    );
    assert_eq!(snapshot(&f.db), before);
}

#[test]
fn replace_ends_the_holder_the_day_before_and_keeps_history() {
    let f = Fixture::dalarna();
    with_falun_seats(&f);
    let out = f.json(&[
        "appoint",
        "Sara Ek",
        "--group",
        "Länsgruppen",
        "--role",
        "representative",
        "--from",
        "2026-06-01",
        "--replace",
    ]);
    assert_eq!(out["replaced"]["person_name"], "Anna Berg");
    assert_eq!(out["replaced"]["ended_on"], "2026-05-31");
    let d = f.json(&["org", "show", "Falun"]);
    let county = d["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .find(|g| g["group_name"] == "Länsgruppen MVK")
        .expect("county");
    assert_eq!(county["representative"]["person_name"], "Sara Ek");
    let reps: Vec<_> = county["history"]
        .as_array()
        .expect("history")
        .iter()
        .filter(|a| a["role"] == "representative")
        .collect();
    assert_eq!(reps.len(), 2, "both representatives stay in the history");
    assert_eq!(reps[0]["person_name"], "Anna Berg");
    assert_eq!(reps[0]["from"], "2026-01-01");
    let anna = f.json(&["person", "show", "Anna Berg"]);
    assert_eq!(anna["appointments"][0]["ended_on"], "2026-05-31");
}

#[test]
fn vacancies_list_every_empty_seat_and_no_filled_one() {
    let f = Fixture::dalarna();
    let before = f.json(&["vacancies", "--group", "Länsgruppen"]);
    assert_eq!(
        before.as_array().map(Vec::len),
        Some(29 * 2),
        "29 organisations, two seats each"
    );
    let all = f.json(&["vacancies"]);
    assert_eq!(
        all.as_array().map(Vec::len),
        Some(29 * 2 + 8 + 4 + 4),
        "and the steering group's 8, RC Heder's 4 and RÖK's 4"
    );
    with_falun_seats(&f);
    let after = f.json(&["vacancies", "--group", "Länsgruppen"]);
    let items = after.as_array().expect("list");
    assert_eq!(items.len(), 28 * 2);
    assert!(
        items
            .iter()
            .all(|v| v["organisation_name"] != "Falu kommun")
    );
    assert!(
        items.iter().all(|v| v["group_name"] == "Länsgruppen MVK"),
        "the steering group has no rule"
    );
}

#[test]
fn vacancies_report_terms_ending_soon_and_expired_terms() {
    let f = Fixture::dalarna();
    f.ok(&["person", "add", "Ulla Ö", "--org", "Mora"]);
    f.ok(&["person", "add", "Per Å", "--org", "Mora"]);
    f.ok(&[
        "appoint",
        "Ulla",
        "--group",
        "Läns",
        "--role",
        "rep",
        "--from",
        "2024-01-01",
        "--to",
        "2026-06-30",
    ]);
    f.ok(&[
        "appoint",
        "Per",
        "--group",
        "Läns",
        "--role",
        "sub",
        "--from",
        "2024-01-01",
        "--to",
        "2026-12-31",
    ]);
    let items = f.json(&["vacancies", "--group", "Länsgruppen"]);
    let mora: Vec<_> = items
        .as_array()
        .expect("list")
        .iter()
        .filter(|v| v["organisation_name"] == "Mora kommun")
        .collect();
    let kinds: Vec<&str> = mora.iter().filter_map(|v| v["kind"].as_str()).collect();
    assert_eq!(kinds, ["term_expired", "term_ending"], "{mora:?}");
    // Within 20 days, the December term is not yet "ending".
    let items = f.json(&["vacancies", "--within", "20"]);
    let mora = items
        .as_array()
        .expect("list")
        .iter()
        .filter(|v| v["organisation_name"] == "Mora kommun")
        .count();
    assert_eq!(mora, 1);
    // The person whose term expired still serves until replaced: the seat is not vacant.
    assert!(
        !items
            .as_array()
            .expect("list")
            .iter()
            .any(|v| v["organisation_name"] == "Mora kommun"
                && v["kind"] == "missing_representative")
    );
}

#[test]
fn unappointing_opens_the_seat_again() {
    let f = Fixture::dalarna();
    with_falun_seats(&f);
    f.ok(&[
        "unappoint",
        "Erik Lund",
        "--group",
        "Länsgruppen",
        "--on",
        "2026-10-31",
    ]);
    let items = f.json(&["vacancies"]);
    assert!(
        items
            .as_array()
            .expect("list")
            .iter()
            .any(|v| v["organisation_name"] == "Falu kommun" && v["kind"] == "missing_substitute")
    );
    let err = f.refused(&["unappoint", "Erik Lund", "--group", "Länsgruppen"]);
    assert!(err.contains("inget pågående uppdrag"), "{err}");
}

#[test]
fn removing_what_has_appointments_is_refused() {
    let f = Fixture::dalarna();
    with_falun_seats(&f);
    let err = f.refused(&["org", "remove", "Falun"]);
    assert!(
        err.contains("kan inte tas bort") && err.contains("Avsluta uppdragen"),
        "{err}"
    );
    let err = f.refused(&["person", "remove", "Anna Berg"]);
    assert!(err.contains("kan inte tas bort"), "{err}");
    let err = f.refused(&["group", "remove", "Länsgruppen"]);
    assert!(err.contains("kan inte tas bort"), "{err}");
    // A person without appointments can go.
    f.ok(&["person", "remove", "Sara Ek"]);
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let f = Fixture::dalarna();
    with_falun_seats(&f);
    let cases: &[(&[&str], &str)] = &[
        (
            &["org", "add", "Ny organisation", "--number", "212000-2263"],
            "kontrollsiffran",
        ),
        (
            &["org", "add", "Ny organisation", "--number", "12345"],
            "NNNNNN-NNNN",
        ),
        (
            &["org", "add", "Ny organisation", "--number", "811218-9876"],
            "personnummer",
        ),
        (
            &["org", "add", "Ny organisation", "--email", "inte-en-adress"],
            "e-postadress",
        ),
        (
            &["org", "add", "Ny organisation", "--phone", "ring mig"],
            "telefonnummer",
        ),
        (
            &["org", "add", "Ny organisation", "--kind", "kungahus"],
            "okänt värde",
        ),
        (&["org", "add", "   "], "får inte vara tomt"),
        (&["org", "add", "falu KOMMUN"], "Det finns redan"),
        (
            &["org", "edit", "Mora", "--name", "Falu kommun"],
            "Det finns redan",
        ),
        (
            &["person", "add", "Ny Person", "--org", "Ingenstans"],
            "Hittar ingen organisation",
        ),
        (
            &["person", "add", "Ny Person", "--org", "Kvinnojouren"],
            "passar flera",
        ),
        (
            &["person", "add", "Anna Berg", "--org", "Falun"],
            "Det finns redan",
        ),
        (
            &[
                "appoint",
                "Sara Ek",
                "--group",
                "Länsgruppen",
                "--role",
                "kung",
            ],
            "okänt värde",
        ),
        (
            &[
                "appoint",
                "Sara Ek",
                "--group",
                "Länsgruppen",
                "--role",
                "rep",
                "--from",
                "2026-13-01",
            ],
            "inget datum",
        ),
        (
            &[
                "appoint",
                "Sara Ek",
                "--group",
                "Styr",
                "--role",
                "member",
                "--from",
                "2026-02-01",
                "--to",
                "2026-01-01",
            ],
            "före startdatumet",
        ),
        (
            &[
                "appoint",
                "Anna Berg",
                "--group",
                "Länsgruppen",
                "--role",
                "substitute",
                "--replace",
                "--from",
                "2026-03-01",
            ],
            "har redan ett uppdrag",
        ),
        (
            &[
                "appoint",
                "Sara Ek",
                "--group",
                "Ingen grupp",
                "--role",
                "rep",
            ],
            "Hittar ingen grupp",
        ),
        (
            &[
                "unappoint",
                "Anna Berg",
                "--group",
                "Länsgruppen",
                "--on",
                "2025-12-01",
            ],
            "börjar 2026-01-01",
        ),
        (
            &[
                "group",
                "add",
                "Ny grupp",
                "--kind",
                "working",
                "--per-year",
                "99",
            ],
            "från 0 till 52",
        ),
        (
            &[
                "group",
                "add",
                "Ny grupp",
                "--kind",
                "party",
                "--per-year",
                "2",
            ],
            "okänt värde",
        ),
        (&["vacancies", "--today", "igår"], "inget datum"),
        (
            &["org", "show", "Falun", "--no-such-flag"],
            "--no-such-flag",
        ),
    ];
    for (args, expected) in cases {
        let err = f.refused(args);
        assert!(
            err.contains(expected),
            "{args:?}: expected {expected:?} in {err:?}"
        );
    }
}

#[test]
fn a_file_that_is_not_a_register_is_refused_untouched() {
    let f = Fixture::new();
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&f.db, &bytes).expect("write");
    let err = f.refused(&["org", "list"]);
    assert!(err.contains("inte ett Samverkan-register"), "{err}");
    assert_eq!(std::fs::read(&f.db).expect("read"), bytes);
    std::fs::write(&f.db, b"").expect("write");
    let err = f.refused(&["org", "list"]);
    assert!(err.contains("inte ett Samverkan-register"), "{err}");
}

#[test]
fn a_register_from_a_newer_version_is_refused_untouched() {
    let f = Fixture::dalarna();
    {
        let conn = rusqlite::Connection::open(&f.db).expect("open");
        conn.pragma_update(None, "user_version", 99)
            .expect("set version");
    }
    let err = f.refused(&["org", "list"]);
    assert!(err.contains("nyare version"), "{err}");
}

#[test]
fn ids_names_and_unique_prefixes_all_find_things() {
    let f = Fixture::dalarna();
    let by_id = f.json(&["org", "show", "11"]);
    let by_prefix = f.json(&["org", "show", "falu k"]);
    let by_short = f.json(&["org", "show", "FALUN"]);
    assert_eq!(by_id["organisation"]["name"], "Falu kommun");
    assert_eq!(by_prefix["organisation"]["id"], by_id["organisation"]["id"]);
    assert_eq!(by_short["organisation"]["id"], by_id["organisation"]["id"]);
    let err = f.refused(&["org", "show", "Kvinnojouren"]);
    assert!(
        err.contains("Kvinnojouren Borlänge") && err.contains("Kvinnojouren Kullan"),
        "{err}"
    );
}

#[test]
fn principal_contacts_and_local_group_round_trip() {
    let f = Fixture::dalarna();
    f.ok(&[
        "principal",
        "Falun",
        "--name",
        "Karin Holm",
        "--title",
        "Socialchef",
        "--email",
        "karin.holm@falun.se",
        "--phone",
        "023-83000",
    ]);
    f.ok(&[
        "contact",
        "add",
        "Falun",
        "--function",
        "IFO",
        "--name",
        "Lena Ström",
        "--email",
        "lena@falun.se",
    ]);
    f.ok(&[
        "contact",
        "add",
        "Falun",
        "--function",
        "Skola",
        "--name",
        "Omar Said",
    ]);
    f.ok(&[
        "local-group",
        "Falun",
        "--name",
        "Trygg i Falun",
        "--contact",
        "Brottsförebyggande rådet",
    ]);
    let d = f.json(&["org", "show", "Falun"]);
    assert_eq!(d["organisation"]["principal"]["name"], "Karin Holm");
    assert_eq!(d["organisation"]["principal"]["title"], "Socialchef");
    assert_eq!(d["organisation"]["local_group"]["name"], "Trygg i Falun");
    let functions: Vec<&str> = d["contacts"]
        .as_array()
        .expect("contacts")
        .iter()
        .filter_map(|c| c["function"].as_str())
        .collect();
    assert_eq!(functions, ["IFO", "Skola"]);
    let text = f.ok(&["org", "show", "Falun"]);
    assert!(
        text.contains("Karin Holm") && text.contains("023-830 00"),
        "{text}"
    );
    f.ok(&["principal", "Falun", "--clear"]);
    assert!(f.json(&["org", "show", "Falun"])["organisation"]["principal"].is_null());
}

#[test]
fn hostile_values_round_trip_exactly_without_panic() {
    let f = Fixture::dalarna();
    let values = [
        "=HYPERLINK(\"http://x\")",
        "+46 lurad",
        "-1",
        "@SUM(A1)",
        "Robert'); DROP TABLE organisation;--",
        "\u{202E}evil\u{202C} name",
        "Märta Ödegård-Ibáñez",
        "Ma\u{308}rta decomposed",
        "%_\\ wildcard",
    ];
    for (i, v) in values.iter().enumerate() {
        let name = format!("{v} {i}");
        // Values that begin with '-' are passed as --flag=value and after "--", as in any CLI.
        f.ok(&[
            "person",
            "add",
            "--org",
            "Mora",
            &format!("--notes={v}"),
            "--",
            &name,
        ]);
        let p = f.json(&["person", "show", "--", &name]);
        assert_eq!(p["person"]["name"], name.as_str());
        assert_eq!(p["person"]["notes"], *v);
    }
    let long = "x".repeat(samverkan::model::MAX_NAME_CHARS);
    f.ok(&["org", "add", &long]);
    assert_eq!(
        f.json(&["org", "show", &long])["organisation"]["name"],
        long.as_str()
    );
    assert_eq!(
        f.json(&["org", "list", "--search", "drop table"])
            .as_array()
            .map(Vec::len),
        Some(0)
    );
}

#[test]
fn the_register_path_comes_from_samverkan_db_when_no_flag_is_given() {
    let f = Fixture::new();
    let mut init = assert_cmd::Command::cargo_bin("samverkan").expect("binary");
    let made = init
        .env_remove("LANG")
        .env("SAMVERKAN_DB", &f.db)
        .env("HOME", f.dir.path())
        .arg("init")
        .output()
        .expect("run");
    assert!(made.status.success(), "{made:?}");
    let mut c = assert_cmd::Command::cargo_bin("samverkan").expect("binary");
    c.env_remove("LANG")
        .env("SAMVERKAN_DB", &f.db)
        .env("HOME", f.dir.path());
    let out = c.args(["--json", "info"]).output().expect("run");
    assert!(out.status.success());
    let info: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(info["path"], f.db.display().to_string());
    assert_eq!(
        info["network_name"],
        "Nätverket mäns våld mot kvinnor i Dalarna"
    );
    assert!(f.db.exists());
}

#[test]
fn coverage_shows_gaps_and_holders() {
    let f = Fixture::dalarna();
    with_falun_seats(&f);
    let c = f.json(&["coverage"]);
    let falun = c["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["organisation_name"] == "Falu kommun")
        .expect("Falun");
    let county_id = c["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .find(|g| g["kind"] == "county")
        .expect("county")["id"]
        .clone();
    let cell = falun["cells"]
        .as_array()
        .expect("cells")
        .iter()
        .find(|c| c["group_id"] == county_id)
        .expect("cell");
    assert_eq!(cell["representative"], "Anna Berg");
    assert_eq!(cell["substitute"], "Erik Lund");
    let mora = c["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["organisation_name"] == "Mora kommun")
        .expect("Mora");
    let cell = mora["cells"]
        .as_array()
        .expect("cells")
        .iter()
        .find(|c| c["group_id"] == county_id)
        .expect("cell");
    assert!(cell["representative"].is_null() && cell["seated"] == true);
}

#[test]
fn info_lists_the_first_steps_and_ticks_each_as_it_is_done() {
    let f = Fixture::dalarna();
    let steps = |f: &Fixture| f.json(&["info"])["first_steps"].clone();
    let all = ["own_details", "people", "forms_printed", "meetings_planned"];
    assert!(all.iter().all(|k| steps(&f)[k] == false), "{}", steps(&f));
    assert!(f.ok(&["info"]).contains("Kom igång (0 av 4)"));
    f.ok(&[
        "meeting",
        "organiser",
        "--name=Karin Samordnare",
        "--email=karin@lansstyrelsen.se",
    ]);
    assert_eq!(steps(&f)["own_details"], true);
    f.ok(&["person", "add", "Anna Berg", "--org", "Falu kommun"]);
    f.ok(&[
        "appoint",
        "Anna Berg",
        "--group=Länsgruppen MVK",
        "--role=representative",
    ]);
    assert_eq!(steps(&f)["people"], true);
    let form = f.dir.path().join("falun.pdf");
    f.ok(&[
        "form",
        "Falu kommun",
        "--out",
        form.to_str().expect("utf-8"),
    ]);
    assert_eq!(steps(&f)["forms_printed"], true);
    let next = (crate::support::today()
        .format("%Y")
        .to_string()
        .parse::<i32>()
        .expect("year")
        + 1)
    .to_string();
    f.ok(&[
        "plan",
        "--year",
        &next,
        "--group=Länsgruppen MVK",
        "--apply",
    ]);
    assert_eq!(steps(&f)["meetings_planned"], true);
    assert!(
        !f.ok(&["info"]).contains("Kom igång"),
        "the list is gone when all is done"
    );
}
