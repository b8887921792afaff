//! The yearly report against a register of known history: three years of meetings and
//! attendance, appointments starting and ending mid-year, a seat empty for exactly 45 days, a
//! substitute attending in the representative's place, and a representative replaced on the
//! day of a meeting. Every figure is asserted exactly.

use chrono::{DateTime, Utc};
use samverkan::model::{
    AppointRequest, AttendanceStatus, GroupDraft, GroupKind, MeetingDraft, MeetingStatus, OrgDraft,
    OrgKind, PersonDraft, Role,
};
use samverkan::register::{ExportKind, FormOptions};
use samverkan::report::{GroupFigures, OrgPresence, ReportFormat, ReportSection, YearReport};
use samverkan::{Lang, Register, Template};

use crate::support::{Fixture, day, pdf_text};

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2027-12-01T09:00:00Z")
        .expect("time")
        .with_timezone(&Utc)
}

/// The register and the ids the assertions name.
pub struct History {
    pub f: Fixture,
    pub reg: Register,
    pub group: i64,
    pub heder: i64,
    pub rok: i64,
    pub falun: i64,
    pub borlange: i64,
    pub region: i64,
    pub jouren: i64,
}

struct Builder<'a> {
    reg: &'a mut Register,
    group: i64,
}

impl Builder<'_> {
    fn org(&mut self, name: &str, kind: OrgKind) -> i64 {
        self.reg
            .add_org(
                &OrgDraft {
                    name: name.into(),
                    kind,
                    ..OrgDraft::default()
                },
                &[self.group],
            )
            .expect("organisation")
            .id
    }

    fn person(&mut self, name: &str, org: i64) -> i64 {
        self.reg
            .add_person(&PersonDraft {
                name: name.into(),
                organisation_id: org,
                ..PersonDraft::default()
            })
            .expect("person")
            .id
    }

    fn appoint(&mut self, person: i64, role: Role, from: &str, replace: bool) {
        let group = self.group;
        self.appoint_in(group, person, role, from, replace);
    }

    fn appoint_in(&mut self, group: i64, person: i64, role: Role, from: &str, replace: bool) {
        self.reg
            .appoint(&AppointRequest {
                person_id: person,
                group_id: group,
                role,
                seat_id: None,
                organisation_id: None,
                from: day(from),
                to: None,
                replace,
            })
            .expect("appoint");
    }

    fn end(&mut self, person: i64, last_day: &str) {
        let group = self.group;
        self.end_in(group, person, last_day);
    }

    fn end_in(&mut self, group: i64, person: i64, last_day: &str) {
        self.reg
            .unappoint(person, group, None, day(last_day))
            .expect("unappoint");
    }

    fn meeting(&mut self, date: &str, status: MeetingStatus, extra: bool) -> i64 {
        let group = self.group;
        self.meeting_in(group, date, status, extra)
    }

    fn meeting_in(&mut self, group: i64, date: &str, status: MeetingStatus, extra: bool) -> i64 {
        self.reg
            .add_meeting(
                &MeetingDraft {
                    group_id: group,
                    date: date.into(),
                    extra,
                    status: Some(status),
                    ..MeetingDraft::default()
                },
                now(),
            )
            .expect("meeting")
            .id
    }

    fn attend(&mut self, meeting: i64, person: i64, status: AttendanceStatus, for_: Option<i64>) {
        self.reg
            .set_attendance(meeting, person, status, for_)
            .expect("attendance");
    }
}

/// A new register with one group of `kind` named `name`, and the group's id.
fn register_with_group(name: &str, kind: GroupKind) -> (Fixture, Register, i64) {
    let f = Fixture::new();
    Register::create(&f.db, &Template::empty()).expect("create register");
    let mut reg = f.open();
    let group = add_group(&mut reg, name, kind);
    (f, reg, group)
}

/// A group with four meetings a year: a county group has a representative's and a
/// substitute's seat per organisation; a working group has free membership.
fn add_group(reg: &mut Register, name: &str, kind: GroupKind) -> i64 {
    let working = kind == GroupKind::Working;
    reg.add_group(&GroupDraft {
        name: name.into(),
        kind,
        meetings_per_year: 4,
        description: None,
        one_per_org: !working,
        free_membership: working,
    })
    .expect("group")
    .id
}

/// Saves the report as `format` beside the register; the file's path.
fn save(h: &mut History, r: &YearReport, format: ReportFormat, name: &str) -> std::path::PathBuf {
    let path = h.f.dir.path().join(name);
    let saved = h
        .reg
        .save_year_report(r, format, &path, Lang::Sv, now())
        .expect("saved");
    assert_eq!(
        saved.bytes,
        std::fs::metadata(&path).expect("file").len() as usize
    );
    path
}

/// The report laid out has no text over other text or outside the page.
fn assert_no_overruns(r: &YearReport) {
    let fonts = samverkan::pdf::fonts().expect("fonts");
    let doc = samverkan::report::pdf::layout_document(r, Lang::Sv, fonts, now()).expect("layout");
    assert_eq!(samverkan::pdf::overruns(&doc, fonts), Vec::<String>::new());
}

/// Four organisations of a county group, each with a representative's and a substitute's seat:
///
/// - Falun: Anna represents from 2025 until Bo replaces her on 2027-06-09, a meeting's day;
///   Cecilia is the substitute throughout.
/// - Borlänge: David represents until 2027-03-31; the seat stands empty 1 April – 15 May
///   (45 days) until Eva starts. Frida is the substitute from 2026-07-01.
/// - Region Dalarna: Gustav represents; the substitute's seat is never filled.
/// - Kvinnojouren: Helena represents until 2027-10-31, nobody follows; Ida is the substitute.
///
/// And two working groups: RÖK, with David from 2026-05-01 to 2026-12-31 and one meeting held
/// in 2026; RC Heder, formed 2027-02-01 with Anna (until 2027-08-31) and Gustav, Ida joining
/// 2027-09-01, two meetings held and one cancelled in 2027.
pub fn history() -> History {
    let (f, mut reg, group) = register_with_group("Länsgruppen", GroupKind::County);
    let rok = add_group(&mut reg, "RÖK", GroupKind::Working);
    let heder = add_group(&mut reg, "RC Heder", GroupKind::Working);
    let mut b = Builder {
        reg: &mut reg,
        group,
    };
    let falun = b.org("Falun", OrgKind::Municipality);
    let borlange = b.org("Borlänge", OrgKind::Municipality);
    let region = b.org("Region Dalarna", OrgKind::Region);
    let jouren = b.org("Kvinnojouren", OrgKind::NonProfit);
    let anna = b.person("Anna Berg", falun);
    let bo = b.person("Bo Ek", falun);
    let cecilia = b.person("Cecilia Holm", falun);
    let david = b.person("David Lind", borlange);
    let eva = b.person("Eva Sund", borlange);
    let frida = b.person("Frida Ås", borlange);
    let gustav = b.person("Gustav Berg", region);
    let helena = b.person("Helena Myr", jouren);
    let ida = b.person("Ida Strand", jouren);

    b.appoint(anna, Role::Representative, "2025-01-01", false);
    b.appoint(cecilia, Role::Substitute, "2025-01-01", false);
    b.appoint(david, Role::Representative, "2025-01-01", false);
    b.appoint(gustav, Role::Representative, "2025-01-01", false);
    b.appoint(helena, Role::Representative, "2025-01-01", false);
    b.appoint(ida, Role::Substitute, "2025-01-01", false);
    b.appoint(frida, Role::Substitute, "2026-07-01", false);
    b.end(david, "2027-03-31");
    b.appoint(eva, Role::Representative, "2027-05-16", false);
    b.appoint(bo, Role::Representative, "2027-06-09", true);
    b.end(helena, "2027-10-31");

    // 2025: two meetings held, nothing recorded.
    b.meeting("2025-03-12", MeetingStatus::Held, false);
    b.meeting("2025-10-08", MeetingStatus::Held, false);
    // 2026: four held; everyone's representative present at the first, nothing recorded after.
    let m = b.meeting("2026-03-11", MeetingStatus::Held, false);
    for p in [anna, david, gustav, helena] {
        b.attend(m, p, AttendanceStatus::Present, None);
    }
    for d in ["2026-06-10", "2026-09-16", "2026-11-18"] {
        b.meeting(d, MeetingStatus::Held, false);
    }
    // 2027.
    let m1 = b.meeting("2027-03-10", MeetingStatus::Held, false);
    b.attend(m1, anna, AttendanceStatus::Present, None);
    b.attend(m1, david, AttendanceStatus::Excused, None);
    b.attend(m1, frida, AttendanceStatus::Present, Some(david));
    b.attend(m1, gustav, AttendanceStatus::Absent, None);
    let m2 = b.meeting("2027-06-09", MeetingStatus::Held, false);
    b.attend(m2, bo, AttendanceStatus::Present, None);
    b.attend(m2, eva, AttendanceStatus::Present, None);
    b.attend(m2, gustav, AttendanceStatus::Present, None);
    b.attend(m2, helena, AttendanceStatus::Excused, None);
    b.attend(m2, ida, AttendanceStatus::Excused, None);
    b.meeting("2027-09-15", MeetingStatus::Cancelled, false);
    let m5 = b.meeting("2027-10-06", MeetingStatus::Held, true);
    b.attend(m5, cecilia, AttendanceStatus::Present, None);
    b.attend(m5, eva, AttendanceStatus::Absent, None);
    b.attend(m5, frida, AttendanceStatus::Absent, None);
    b.attend(m5, gustav, AttendanceStatus::Present, None);
    b.attend(m5, ida, AttendanceStatus::Present, Some(helena));
    // Planned, not held: what is recorded for it does not count.
    let m4 = b.meeting("2027-11-17", MeetingStatus::Planned, false);
    b.attend(m4, gustav, AttendanceStatus::Present, None);

    // The working groups.
    b.appoint_in(rok, david, Role::Member, "2026-05-01", false);
    b.end_in(rok, david, "2026-12-31");
    b.meeting_in(rok, "2026-06-01", MeetingStatus::Held, false);
    b.appoint_in(heder, anna, Role::Member, "2027-02-01", false);
    b.appoint_in(heder, gustav, Role::Member, "2027-02-01", false);
    b.end_in(heder, anna, "2027-08-31");
    b.appoint_in(heder, ida, Role::Member, "2027-09-01", false);
    b.meeting_in(heder, "2027-03-15", MeetingStatus::Held, false);
    b.meeting_in(heder, "2027-05-10", MeetingStatus::Held, false);
    b.meeting_in(heder, "2027-12-01", MeetingStatus::Cancelled, false);

    // Anna no longer serves on the day she was replaced.
    assert!(
        reg.set_attendance(m2, anna, AttendanceStatus::Present, None)
            .is_err()
    );

    // Forms: Falun's printed for Anna and Cecilia and signed (outdated once Bo came);
    // Borlänge's printed for Eva and Frida, not returned.
    let opts = |today: &str| FormOptions {
        lang: Lang::Sv,
        today: day(today),
        now: DateTime::parse_from_rfc3339(&format!("{today}T09:00:00Z"))
            .expect("time")
            .with_timezone(&Utc),
        on: None,
    };
    reg.print_form(
        falun,
        group,
        &f.dir.path().join("falun.pdf"),
        opts("2027-01-15"),
    )
    .expect("falun's form");
    reg.form_signed(falun, group, day("2027-02-01"), None, day("2027-02-01"))
        .expect("signed");
    reg.print_form(
        borlange,
        group,
        &f.dir.path().join("borlange.pdf"),
        opts("2027-06-01"),
    )
    .expect("borlänge's form");

    History {
        f,
        reg,
        group,
        heder,
        rok,
        falun,
        borlange,
        region,
        jouren,
    }
}

fn one(r: &YearReport) -> (&GroupFigures, Option<&GroupFigures>) {
    assert_eq!(r.groups.len(), 1);
    (&r.groups[0].current, r.groups[0].previous.as_ref())
}

pub fn report_2027(h: &History) -> YearReport {
    h.reg
        .year_report(2027, Some(h.group), Some(2026), day("2028-01-15"), Lang::Sv)
        .expect("report")
}

#[test]
fn the_meetings_of_the_year_are_counted_by_status() {
    let h = history();
    let r = report_2027(&h);
    let (y, prev) = one(&r);
    let m = y.meetings;
    assert_eq!(
        (m.total, m.held, m.planned, m.cancelled, m.extra, m.cadence),
        (5, 3, 1, 1, 1, 4)
    );
    let p = prev.expect("2026").meetings;
    assert_eq!(
        (p.total, p.held, p.planned, p.cancelled, p.extra),
        (4, 4, 0, 0, 0)
    );
    let r25 = h
        .reg
        .year_report(2025, None, None, day("2028-01-15"), Lang::Sv)
        .expect("2025");
    let county = r25.groups.iter().find(|g| g.group_id == h.group);
    assert_eq!(county.expect("the county group").current.meetings.held, 2);
}

#[test]
fn attendance_is_counted_per_organisation_meeting_and_kind() {
    let h = history();
    let r = report_2027(&h);
    let (y, prev) = one(&r);
    use OrgPresence::*;
    let cell = |date: &str, org: i64| {
        y.cells
            .iter()
            .find(|c| c.date == day(date) && c.organisation_id == org)
            .map(|c| c.presence)
    };
    assert_eq!(
        y.cells.len(),
        12,
        "three held meetings × four organisations"
    );
    assert_eq!(cell("2027-03-10", h.falun), Some(Representative));
    assert_eq!(
        cell("2027-03-10", h.borlange),
        Some(Substitute),
        "Frida in David's place"
    );
    assert_eq!(cell("2027-03-10", h.region), Some(Absent));
    assert_eq!(cell("2027-03-10", h.jouren), Some(NotRecorded));
    assert_eq!(
        cell("2027-06-09", h.falun),
        Some(Representative),
        "Bo, on his first day"
    );
    assert_eq!(cell("2027-06-09", h.borlange), Some(Representative));
    assert_eq!(cell("2027-06-09", h.region), Some(Representative));
    assert_eq!(cell("2027-06-09", h.jouren), Some(Excused));
    assert_eq!(cell("2027-10-06", h.falun), Some(Substitute));
    assert_eq!(cell("2027-10-06", h.borlange), Some(Absent));
    assert_eq!(cell("2027-10-06", h.region), Some(Representative));
    assert_eq!(cell("2027-10-06", h.jouren), Some(Substitute));
    assert_eq!(cell("2027-11-17", h.region), None, "a planned meeting");

    let total = samverkan::report::total_counts(y);
    assert_eq!(
        (
            total.representative,
            total.substitute,
            total.excused,
            total.absent,
            total.not_recorded
        ),
        (5, 3, 1, 2, 1)
    );
    let names: Vec<(&str, u32, Option<f64>)> = y
        .organisations
        .iter()
        .map(|o| (o.name.as_str(), o.invited, o.share_present))
        .collect();
    assert_eq!(
        names,
        vec![
            ("Borlänge", 3, Some(2.0 / 3.0)),
            ("Falun", 3, Some(1.0)),
            ("Kvinnojouren", 3, Some(1.0 / 3.0)),
            ("Region Dalarna", 3, Some(2.0 / 3.0)),
        ]
    );
    let kinds: Vec<(OrgKind, u32, u32, Option<f64>)> = y
        .kinds
        .iter()
        .map(|k| (k.kind, k.organisations, k.counts.present(), k.share_present))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (OrgKind::Municipality, 2, 5, Some(5.0 / 6.0)),
            (OrgKind::Region, 1, 2, Some(2.0 / 3.0)),
            (OrgKind::NonProfit, 1, 1, Some(1.0 / 3.0)),
        ]
    );
    let rows: Vec<(String, u32, u32, u32)> = y
        .meeting_rows
        .iter()
        .map(|m| {
            (
                m.date.to_string(),
                m.invited,
                m.counts.present(),
                m.counts.not_recorded,
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            ("2027-03-10".into(), 4, 2, 1),
            ("2027-06-09".into(), 4, 3, 0),
            ("2027-10-06".into(), 4, 3, 0),
        ]
    );
    let p = samverkan::report::total_counts(prev.expect("2026"));
    assert_eq!((p.representative, p.not_recorded, p.total()), (4, 12, 16));
}

#[test]
fn coverage_counts_the_days_each_seat_stood_empty() {
    let h = history();
    let r = report_2027(&h);
    let (y, prev) = one(&r);
    let c = &y.coverage;
    assert_eq!(c.days, 365);
    let empty: Vec<(Option<i64>, Role, u32, bool)> = c
        .seats
        .iter()
        .map(|s| (s.organisation_id, s.role, s.days_empty, s.empty_at_end))
        .collect();
    assert_eq!(
        empty,
        vec![
            (Some(h.falun), Role::Representative, 0, false),
            (Some(h.falun), Role::Substitute, 0, false),
            (Some(h.borlange), Role::Representative, 45, false),
            (Some(h.borlange), Role::Substitute, 0, false),
            (Some(h.region), Role::Representative, 0, false),
            (Some(h.region), Role::Substitute, 365, true),
            (Some(h.jouren), Role::Representative, 61, true),
            (Some(h.jouren), Role::Substitute, 0, false),
        ]
    );
    assert_eq!(
        (
            c.organisations_with_seats,
            c.organisations_covered,
            c.seat_days_empty,
            c.seats_empty_at_end
        ),
        (4, 1, 471, 2)
    );
    assert_eq!(
        c.filled_by_month,
        vec![7, 7, 7, 6, 6, 7, 7, 7, 7, 7, 6, 6],
        "held seats on the first of each month"
    );
    let on = |d: &str| c.filled_by_day[(day(d) - day("2027-01-01")).num_days() as usize];
    assert_eq!(c.filled_by_day.len(), 365);
    assert_eq!(
        (
            on("2027-03-31"),
            on("2027-04-01"),
            on("2027-05-15"),
            on("2027-05-16")
        ),
        (7, 6, 6, 7),
        "Borlänge's representative's seat empty 1 April – 15 May"
    );
    assert_eq!(
        (on("2027-06-08"), on("2027-06-09")),
        (7, 7),
        "Anna replaced by Bo on a meeting's day: the seat is never empty"
    );
    assert_eq!(
        (on("2027-10-31"), on("2027-11-01"), on("2027-12-31")),
        (7, 6, 6)
    );
    let held: u32 = c.filled_by_day.iter().sum();
    assert_eq!(
        held,
        8 * 365 - 471,
        "seat-days held and empty make every seat's year"
    );
    assert_eq!(c.filled_average, Some(2449.0 / 365.0));
    let p = &prev.expect("2026").coverage;
    assert_eq!(
        (
            p.organisations_covered,
            p.seat_days_empty,
            p.seats_empty_at_end
        ),
        (2, 181 + 365, 1)
    );
}

#[test]
fn turnover_counts_appointments_started_ended_and_representatives_replaced() {
    let h = history();
    let r = report_2027(&h);
    let (y, prev) = one(&r);
    let t = y.turnover;
    assert_eq!(
        (
            t.started,
            t.ended,
            t.representatives_replaced,
            t.serving_at_end
        ),
        (2, 3, 2, 6)
    );
    // Anna 889 days, David 820, Helena 1,034.
    assert_eq!(t.average_days_in_seat, Some(2743.0 / 3.0));
    let p = prev.expect("2026").turnover;
    assert_eq!((p.started, p.ended, p.representatives_replaced), (1, 0, 0));
    assert_eq!(p.average_days_in_seat, None);
}

#[test]
fn mandate_forms_are_counted_at_the_years_end() {
    let h = history();
    let r = report_2027(&h);
    let (y, _) = one(&r);
    let f = y.forms;
    assert_eq!(
        (
            f.organisations,
            f.signed,
            f.printed_not_returned,
            f.needs_new_signature,
            f.not_printed
        ),
        (4, 0, 1, 1, 2)
    );
    let p = r.groups[0].previous.as_ref().expect("2026").forms;
    assert_eq!(
        (p.organisations, p.not_printed),
        (4, 4),
        "no form was printed in 2026"
    );
    // While 2027 ran: on 1 March Falun's form was signed and current, Borlänge's not printed.
    let early = h
        .reg
        .year_report(2027, Some(h.group), None, day("2027-03-01"), Lang::Sv)
        .expect("report");
    let f = early.groups[0].current.forms;
    assert_eq!((f.signed, f.printed_not_returned, f.not_printed), (1, 0, 3));
}

#[test]
fn every_headline_figure_has_the_previous_year_the_change_and_an_explanation() {
    let h = history();
    let r = report_2027(&h);
    let figures = &r.groups[0].figures;
    let get = |key: &str| {
        figures
            .iter()
            .find(|f| f.key == key)
            .unwrap_or_else(|| panic!("{key}"))
    };
    assert_eq!(get("meetings.held").value, 3.0);
    assert_eq!(get("meetings.held").previous, Some(4.0));
    assert_eq!(get("meetings.held").change, Some(-1.0));
    assert_eq!(get("attendance.share").value, 8.0 / 12.0);
    assert_eq!(get("attendance.share").previous, Some(0.25));
    assert_eq!(get("coverage.seat_days_empty").change, Some(471.0 - 546.0));
    assert_eq!(get("turnover.average_days_in_seat").previous, None);
    for f in figures {
        assert!(
            !f.explanation.is_empty() && !f.explanation.contains('\n'),
            "{f:?}"
        );
    }
}

#[test]
fn a_year_that_runs_is_counted_up_to_today() {
    let h = history();
    let r = h
        .reg
        .year_report(2027, Some(h.group), None, day("2027-04-30"), Lang::Sv)
        .expect("report");
    let c = &r.groups[0].current.coverage;
    assert_eq!(c.days, 120);
    let borlange_rep = c
        .seats
        .iter()
        .find(|s| s.organisation_id == Some(h.borlange) && s.role == Role::Representative)
        .expect("seat");
    assert_eq!(
        (borlange_rep.days_empty, borlange_rep.empty_at_end),
        (30, true)
    );
}

/// The CLI on the history's register with today in 2028, so that 2027 has ended.
fn cli(f: &Fixture, args: &[&str]) -> std::process::Output {
    let mut c = assert_cmd::Command::cargo_bin("samverkan").expect("the samverkan binary");
    c.env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("SAMVERKAN_DB")
        .env("HOME", f.dir.path())
        .arg("--db")
        .arg(&f.db)
        .arg("--today")
        .arg("2028-01-15")
        .args(args);
    c.output().expect("run samverkan")
}

#[test]
fn the_cli_prints_the_figures_as_json() {
    let h = history();
    let out = cli(
        &h.f,
        &[
            "--json",
            "report",
            "--year",
            "2027",
            "--group",
            "Länsgruppen",
            "--compare",
            "2026",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let g = &json["groups"][0];
    assert_eq!(g["current"]["meetings"]["held"], 3);
    assert_eq!(g["previous"]["meetings"]["held"], 4);
    assert_eq!(g["current"]["coverage"]["seat_days_empty"], 471);
    assert_eq!(g["current"]["turnover"]["representatives_replaced"], 2);
    let out = cli(&h.f, &["report", "--year", "2027", "--compare", "2026"]);
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains("Genomförda möten"), "{text}");
    let out = cli(&h.f, &["report", "--year", "1999"]);
    assert_eq!(out.status.code(), Some(2), "a year out of range");
}

fn sheet(path: &std::path::Path, name: &str) -> Vec<Vec<calamine::Data>> {
    use calamine::{Reader, Xlsx, open_workbook};
    let mut wb: Xlsx<_> = open_workbook(path).expect("an xlsx workbook");
    let range = wb.worksheet_range(name).expect("sheet");
    range.rows().map(<[calamine::Data]>::to_vec).collect()
}

fn number(c: &calamine::Data) -> f64 {
    match c {
        calamine::Data::Float(f) => *f,
        calamine::Data::Int(i) => *i as f64,
        other => panic!("a number, not {other:?}"),
    }
}

/// The column of a sheet under `header`, rows below the header.
fn column(rows: &[Vec<calamine::Data>], header: &str) -> Vec<calamine::Data> {
    let i = rows[0]
        .iter()
        .position(|c| matches!(c, calamine::Data::String(s) if s == header))
        .unwrap_or_else(|| panic!("no column {header}"));
    rows[1..].iter().map(|r| r[i].clone()).collect()
}

#[test]
fn the_workbook_holds_numbers_and_dates_whose_totals_equal_the_figures() {
    let mut h = history();
    h.reg
        .set_report_text(2027, ReportSection::Analysis, "Närvaron steg.", Lang::Sv)
        .expect("text");
    let r = report_2027(&h);
    let path = save(&mut h, &r, ReportFormat::Xlsx, "rapport.xlsx");
    let y = &r.groups[0].current;
    let total = samverkan::report::total_counts(y);

    let names = samverkan::report::xlsx::sheet_names(Lang::Sv);
    {
        use calamine::{Reader, Xlsx, open_workbook};
        let wb: Xlsx<_> = open_workbook(&path).expect("workbook");
        assert_eq!(wb.sheet_names(), names.map(str::to_owned).to_vec());
    }
    let meetings = sheet(&path, names[2]);
    assert_eq!(meetings.len(), 4, "the header and three held meetings");
    assert!(
        matches!(meetings[1][1], calamine::Data::DateTime(_)),
        "a date cell: {:?}",
        meetings[1][1]
    );
    let sum = |rows: &[Vec<calamine::Data>], header: &str| -> f64 {
        column(rows, header).iter().map(number).sum()
    };
    assert_eq!(
        sum(&meetings, "Representant närvarande"),
        f64::from(total.representative)
    );
    assert_eq!(
        sum(&meetings, "Ersättare i representantens ställe"),
        f64::from(total.substitute)
    );
    assert_eq!(
        sum(&meetings, "Ej registrerat"),
        f64::from(total.not_recorded)
    );
    assert_eq!(sum(&meetings, "Kallade organisationer"), 12.0);

    let orgs = sheet(&path, names[3]);
    assert_eq!(sum(&orgs, "Anmält förhinder"), f64::from(total.excused));
    assert_eq!(sum(&orgs, "Frånvarande"), f64::from(total.absent));
    let shares: Vec<f64> = column(&orgs, "Andel närvarande")
        .iter()
        .map(number)
        .collect();
    assert_eq!(shares, vec![2.0 / 3.0, 1.0, 1.0 / 3.0, 2.0 / 3.0]);

    let kinds = sheet(&path, names[4]);
    assert_eq!(sum(&kinds, "Närvarande"), f64::from(total.present()));
    let seats = sheet(&path, names[5]);
    assert_eq!(sum(&seats, "Dagar tom"), 471.0);

    let line = sheet(&path, names[6]);
    assert_eq!(line.len(), 366, "the header and a row per day");
    assert!(matches!(line[1][1], calamine::Data::DateTime(_)));
    assert_eq!(sum(&line, "Besatta platser"), f64::from(8 * 365 - 471));
    assert_eq!(
        sum(&line, "Besatta platser 2026"),
        f64::from(
            r.groups[0]
                .previous
                .as_ref()
                .expect("2026")
                .coverage
                .filled_by_day
                .iter()
                .sum::<u32>()
        )
    );

    let texts = sheet(&path, names[1]);
    let headings: Vec<String> = column(&texts, "Rubrik")
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        headings,
        [
            "Resultat och effekter",
            "Analys",
            "Regionala och lokala behov",
            "Prioriteringar för nästa år"
        ]
    );
    assert_eq!(column(&texts, "Text")[1].to_string(), "Närvaron steg.");
    assert!(
        sheet(&path, names[7]).len() == 1,
        "a county group's report has no working groups: the sheet has only its header"
    );

    let raw = sheet(&path, names[8]);
    assert_eq!(raw.len(), 13, "one row per organisation and held meeting");
    assert_eq!(sum(&raw, "Närvarande (1/0)"), 8.0);

    let summary = sheet(&path, names[0]);
    let held = summary
        .iter()
        .find(|row| matches!(&row[1], calamine::Data::String(s) if s == "Genomförda möten"))
        .expect("meetings held");
    assert_eq!(
        (number(&held[2]), number(&held[3]), number(&held[4])),
        (3.0, 4.0, -1.0)
    );

    let log = h.reg.exports(None).expect("log");
    let entry = log
        .iter()
        .find(|e| e.kind == ExportKind::ReportXlsx)
        .expect("logged");
    assert_eq!(entry.people, 0, "the report names no person");
    assert!(entry.description.contains("2027"), "{}", entry.description);
}

#[test]
fn the_csv_holds_the_raw_rows() {
    let mut h = history();
    let r = report_2027(&h);
    let path = save(&mut h, &r, ReportFormat::Csv, "rapport.csv");
    let text = std::fs::read_to_string(&path).expect("utf-8");
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 13);
    assert_eq!(
        lines[0],
        "Grupp;Datum;Organisation;Typ;Närvaro;Närvarande (1/0)"
    );
    assert!(
        lines.contains(
            &"Länsgruppen;2027-03-10;Borlänge;Kommun;Ersättare i representantens ställe;1"
        ),
        "{text}"
    );
    assert!(
        h.reg
            .exports(None)
            .expect("log")
            .iter()
            .any(|e| e.kind == ExportKind::ReportCsv)
    );
}

#[test]
fn the_pdf_holds_every_figure_as_text_and_nothing_overruns() {
    let mut h = history();
    let r = report_2027(&h);
    let path = save(&mut h, &r, ReportFormat::Pdf, "rapport.pdf");
    let bytes = std::fs::read(&path).expect("pdf");
    let text = pdf_text(&bytes);
    if let Some(dir) = std::env::var_os("SAMVERKAN_REPORT_PDF") {
        std::fs::copy(&path, std::path::Path::new(&dir).join("rapport.pdf")).expect("copy");
    }
    for needle in [
        "Årsrapport 2027",
        "Innehåll",
        "Jämfört med 2026",
        "Genomförda möten",
        "Närvaro möte för möte",
        "Närvaro per organisationstyp",
        "Kommun (2)",
        "83 % (5/6)",
        "67 %",
        "Borlänge",
        "Kvinnojouren",
        "471",
        "546",
        "914.3",
        "Besatta platser över året",
        "i snitt 6.7 av 8",
        "Sida 1 av",
    ] {
        assert!(text.contains(needle), "{needle:?} missing from {text}");
    }
    // A label wrapped in its cell comes out with the next cells' lines between its words.
    for f in &r.groups[0].figures {
        for word in f.label.split(' ') {
            assert!(text.contains(word), "{word} of {} missing", f.label);
        }
    }
    for person in [
        "Anna", "Bo Ek", "Cecilia", "David", "Frida", "Gustav", "Helena",
    ] {
        assert!(!text.contains(person), "{person} is named");
    }
    assert_no_overruns(&r);
    assert!(
        h.reg
            .exports(None)
            .expect("log")
            .iter()
            .any(|e| e.kind == ExportKind::ReportPdf && e.people == 0)
    );
}

#[test]
fn the_text_sections_are_kept_per_year_and_printed_in_the_pdf() {
    let mut h = history();
    let texts = h
        .reg
        .set_report_text(
            2027,
            ReportSection::Needs,
            "Fler kommuner behöver en lokal samverkansgrupp.\n\nSärskilt i norra länet.",
            Lang::Sv,
        )
        .expect("text");
    assert_eq!(texts.len(), 4);
    assert_eq!(texts[2].heading, "Regionala och lokala behov");
    assert!(
        h.reg
            .report_texts(2026, Lang::Sv)
            .expect("2026")
            .iter()
            .all(|x| x.text.is_empty())
    );
    let too_long = "x".repeat(4001);
    assert!(
        h.reg
            .set_report_text(2027, ReportSection::Results, &too_long, Lang::Sv)
            .is_err()
    );

    let r = report_2027(&h);
    let path = save(&mut h, &r, ReportFormat::Pdf, "rapport.pdf");
    let text = pdf_text(&std::fs::read(&path).expect("pdf"));
    assert!(text.contains("Regionala och lokala behov"), "{text}");
    assert!(
        text.contains("Fler kommuner behöver en lokal samverkansgrupp."),
        "{text}"
    );
    assert!(text.contains("Särskilt i norra länet."), "{text}");
    assert!(!text.contains("Analys "), "an empty section is left out");
    assert_no_overruns(&r);

    // Through the CLI (the test's register closed): written, shown, cleared.
    let History { f, reg, .. } = h;
    drop(reg);
    let out = cli(
        &f,
        &[
            "report-text",
            "--year",
            "2027",
            "--section",
            "prioriteringar för nästa år",
            "--text",
            "Heder.",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = cli(&f, &["--json", "report-text", "--year", "2027"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json[3]["text"], "Heder.");
    let out = cli(
        &f,
        &[
            "report-text",
            "--year",
            "2027",
            "--section",
            "needs",
            "--text",
            "",
        ],
    );
    assert!(out.status.success());
    assert_eq!(
        f.open().report_texts(2027, Lang::Sv).expect("texts")[2].text,
        ""
    );
    let out = cli(
        &f,
        &[
            "report-text",
            "--year",
            "2027",
            "--section",
            "kung",
            "--text",
            "x",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn names_and_texts_at_their_limits_print_whole_inside_the_page() {
    use samverkan::error::Field;
    use samverkan::model::max_chars;
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    for unbroken in [false, true] {
        let text = |n: usize| -> String {
            let base = if unbroken {
                "Åbergsköldström"
            } else {
                "Ödegårds stiftelse för samverkan mot mäns våld mot kvinnor i Dalarnas län "
            };
            let s: String = base.chars().cycle().take(n).collect();
            s.trim_end().to_owned() + &"x".repeat(n - s.trim_end().chars().count())
        };
        let group_name = text(max_chars(Field::Name));
        let (_f, mut reg, group) = register_with_group(&group_name, GroupKind::County);
        let heading = text(max_chars(Field::Heading));
        let mut wording = reg.report_wording(Lang::Sv).expect("wording");
        wording.sections[1].heading = heading.clone();
        reg.set_report_wording(Lang::Sv, Some(&wording))
            .expect("a heading at its limit");
        let mut b = Builder {
            reg: &mut reg,
            group,
        };
        let org_name = text(max_chars(Field::Name));
        let org = b.org(&org_name, OrgKind::Municipality);
        let p = b.person("Anna Berg", org);
        b.appoint(p, Role::Representative, "2027-01-01", false);
        for d in ["2027-02-10", "2027-05-12", "2027-09-15", "2027-11-10"] {
            let m = b.meeting(d, MeetingStatus::Held, false);
            b.attend(m, p, AttendanceStatus::Present, None);
        }
        let section = text(max_chars(Field::Description));
        reg.set_report_text(2027, ReportSection::Analysis, &section, Lang::Sv)
            .expect("text at its limit");
        let r = reg
            .year_report(2027, None, Some(2026), day("2028-01-15"), Lang::Sv)
            .expect("report");
        assert_no_overruns(&r);
        let fonts = samverkan::pdf::fonts().expect("fonts");
        let doc =
            samverkan::report::pdf::layout_document(&r, Lang::Sv, fonts, now()).expect("layout");
        let printed = squash(&pdf_text(&samverkan::pdf::to_pdf(&doc).expect("pdf")));
        for v in [&org_name, &group_name, &heading] {
            assert!(printed.contains(&squash(v)), "{v} is not printed whole");
        }
        let section = squash(&section);
        let chars: Vec<char> = section.chars().collect();
        let head: String = chars[..300].iter().collect();
        let tail: String = chars[chars.len() - 300..].iter().collect();
        assert!(
            printed.contains(&head) && printed.contains(&tail),
            "the text section"
        );
    }
}

#[test]
fn working_groups_are_counted_with_their_members_and_meetings() {
    let mut h = history();
    let county_only = report_2027(&h);
    assert_eq!(
        county_only.working_groups, None,
        "a county group's report has no working groups"
    );
    let r = h
        .reg
        .year_report(2027, None, Some(2026), day("2028-01-15"), Lang::Sv)
        .expect("report");
    let w = r.working_groups.as_ref().expect("working groups");
    let rows: Vec<_> = w
        .current
        .groups
        .iter()
        .map(|g| {
            (
                g.group_id,
                g.formed_on.map(|d| d.to_string()),
                g.formed_in_year,
                g.members,
                g.members_at_end,
                g.organisations,
                (g.meetings.held, g.meetings.planned, g.meetings.cancelled),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![(h.heder, Some("2027-02-01".into()), true, 3, 2, 3, (2, 0, 1))],
        "RÖK had nobody serving and no meeting in 2027"
    );
    let c = &w.current;
    assert_eq!(
        (c.active, c.formed, c.members, c.meetings_held),
        (1, 1, 3, 2)
    );
    let p = w.previous.as_ref().expect("2026");
    assert_eq!(
        p.groups
            .iter()
            .map(|g| (g.group_id, g.formed_in_year, g.members, g.members_at_end))
            .collect::<Vec<_>>(),
        vec![(h.rok, true, 1, 1)],
        "David served in RÖK up to and on 2026-12-31"
    );
    assert_eq!(
        (p.active, p.formed, p.members, p.meetings_held),
        (1, 1, 1, 1)
    );
    let get = |key: &str| {
        w.figures
            .iter()
            .find(|f| f.key == key)
            .unwrap_or_else(|| panic!("{key}"))
    };
    assert_eq!(
        (get("working.members").value, get("working.members").change),
        (3.0, Some(2.0))
    );
    assert_eq!(get("working.meetings_held").previous, Some(1.0));
    for f in &w.figures {
        assert!(
            !f.explanation.is_empty() && !f.explanation.contains('\n'),
            "{f:?}"
        );
    }

    // The PDF and the workbook carry them.
    let path = save(&mut h, &r, ReportFormat::Pdf, "alla.pdf");
    if let Some(dir) = std::env::var_os("SAMVERKAN_REPORT_PDF") {
        std::fs::copy(&path, std::path::Path::new(&dir).join("alla.pdf")).expect("copy");
    }
    let text = pdf_text(&std::fs::read(&path).expect("pdf"));
    for needle in [
        "Arbetsgrupper 2027",
        "RC Heder",
        "2027-02-01",
        "(ny)",
        "Arbetsgrupperna under året",
    ] {
        assert!(text.contains(needle), "{needle:?} missing from {text}");
    }
    for f in &w.figures {
        for word in f.label.split(' ').chain(f.explanation.split(' ')) {
            assert!(text.contains(word), "{word} of {} missing", f.label);
        }
    }
    assert!(!text.contains("Anna"), "the report names no person");
    assert_no_overruns(&r);
    let path = save(&mut h, &r, ReportFormat::Xlsx, "alla.xlsx");
    let names = samverkan::report::xlsx::sheet_names(Lang::Sv);
    let sheet_w = sheet(&path, names[7]);
    assert_eq!(sheet_w.len(), 2, "the header and RC Heder");
    assert!(matches!(sheet_w[1][1], calamine::Data::DateTime(_)));
    let total = |header: &str| -> f64 { column(&sheet_w, header).iter().map(number).sum() };
    assert_eq!(total("Ledamöter"), 3.0);
    assert_eq!(total("Möten genomförda"), f64::from(c.meetings_held));
    let summary = sheet(&path, names[0]);
    let members = summary
        .iter()
        .find(
            |row| matches!(&row[1], calamine::Data::String(s) if s == "Ledamöter i arbetsgrupper"),
        )
        .expect("the working groups' members");
    assert_eq!(
        (
            number(&members[2]),
            number(&members[3]),
            number(&members[4])
        ),
        (3.0, 1.0, 2.0)
    );
}

#[test]
fn the_sections_headings_and_order_are_the_coordinators_in_each_language() {
    let mut h = history();
    h.reg
        .set_report_text(2027, ReportSection::Priorities, "Heder.", Lang::Sv)
        .expect("text");
    let mut w = h.reg.report_wording(Lang::Sv).expect("wording");
    w.sections.reverse();
    w.sections[0].heading = "Det viktigaste nästa år".into();
    h.reg.set_report_wording(Lang::Sv, Some(&w)).expect("saved");
    let texts = h.reg.report_texts(2027, Lang::Sv).expect("texts");
    assert_eq!(
        texts
            .iter()
            .map(|x| (x.section, x.heading.as_str(), x.text.as_str()))
            .collect::<Vec<_>>(),
        vec![
            (
                ReportSection::Priorities,
                "Det viktigaste nästa år",
                "Heder."
            ),
            (ReportSection::Needs, "Regionala och lokala behov", ""),
            (ReportSection::Analysis, "Analys", ""),
            (ReportSection::Results, "Resultat och effekter", ""),
        ]
    );
    assert_eq!(
        h.reg.report_texts(2027, Lang::En).expect("English")[0].heading,
        "Results and effects",
        "the English wording is its own"
    );
    let r = report_2027(&h);
    let text = pdf_text(&std::fs::read(save(&mut h, &r, ReportFormat::Pdf, "r.pdf")).expect("pdf"));
    assert!(text.contains("Det viktigaste nästa år"), "{text}");

    // Refused: a section twice, a heading of two lines, one the font cannot draw; nothing
    // changes.
    let before = h.reg.report_wording(Lang::Sv).expect("wording");
    let mut twice = before.clone();
    twice.sections[1].section = ReportSection::Priorities;
    let mut two_lines = before.clone();
    two_lines.sections[1].heading = "Behov\ni länet".into();
    let mut unprintable = before.clone();
    unprintable.sections[1].heading = "Behov 漢".into();
    for bad in [twice, two_lines, unprintable] {
        let e = h
            .reg
            .set_report_wording(Lang::Sv, Some(&bad))
            .expect_err("refused");
        assert_eq!(e.code(), samverkan::error::ErrorCode::Invalid, "{e:?}");
    }
    assert_eq!(h.reg.report_wording(Lang::Sv).expect("wording"), before);

    // Back to the default, through the CLI.
    let History { f, reg, .. } = h;
    drop(reg);
    let out = cli(
        &f,
        &[
            "report-wording",
            "--order",
            "needs,results,analysis,priorities",
            "--heading",
            "needs=Behov i länet",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = cli(&f, &["--json", "report-wording"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["sections"][0]["heading"], "Behov i länet");
    assert_eq!(json["sections"][0]["section"], "needs");
    let out = cli(&f, &["report-wording", "--order", "needs,results"]);
    assert_eq!(out.status.code(), Some(2), "every section must be listed");
    let out = cli(&f, &["report-wording", "--reset"]);
    assert!(out.status.success());
    assert_eq!(
        f.open().report_wording(Lang::Sv).expect("wording"),
        samverkan::report::ReportWording::default_for(Lang::Sv)
    );
}
