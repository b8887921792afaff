//! Meetings: the Swedish calendar against the statutory rules for 2000–2100 (and the eves), the year plan's
//! properties, attendance, and every export (CSV, XLSX, PDF, attendance list, .ics, mailing
//! list) read back, with protected people left out unless included.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use proptest::prelude::*;
use samverkan::export::roster::RosterFormat;
use samverkan::model::{
    AppointRequest, AttendanceStatus, BlackoutDraft, MeetingDraft, MeetingStatus, PersonDraft,
    PlanSettings, Role,
};
use samverkan::register::{CalendarQuery, ExportKind, OrganiserInfo, PlannedMeeting};
use samverkan::schedule::plan::{BlockedPeriod, PlanInput, PlanRules};
use samverkan::schedule::{DayKind, SwedishCalendar, easter_sunday, forbidden_reason, propose};
use samverkan::{ErrorCode, Lang, Register};

use crate::support::{Fixture, day, pdf_text, today};

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-22T09:00:00Z")
        .expect("time")
        .with_timezone(&Utc)
}

/// Easter by Gauss's method with Lichtenberg's corrections: a second, independent algorithm.
fn easter_gauss(year: i32) -> NaiveDate {
    let k = year / 100;
    let m = 15 + (3 * k + 3) / 4 - (8 * k + 13) / 25;
    let s = 2 - (3 * k + 3) / 4;
    let a = year % 19;
    let d = (19 * a + m) % 30;
    let r = (d + a / 11) / 29;
    let og = 21 + d - r;
    let sz = 7 - (year + year / 4 + s) % 7;
    let oe = 7 - (og - sz) % 7;
    let os = og + oe; // days after 1 March minus one: 22 = 22 March
    NaiveDate::from_ymd_opt(year, 3, 1).expect("1 March") + Duration::days(i64::from(os - 1))
}

/// The public holidays of Lag (1989:253) om allmänna helgdagar that can fall on a weekday,
/// from the text of the law (as amended in force 2005).
fn statutory_weekday_holidays(year: i32) -> BTreeSet<NaiveDate> {
    let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d).expect("date");
    let easter = easter_gauss(year);
    let mut days = vec![
        ymd(1, 1),
        ymd(1, 6),
        easter - Duration::days(2),
        easter + Duration::days(1),
        ymd(5, 1),
        easter + Duration::days(39),
        ymd(12, 25),
        ymd(12, 26),
    ];
    if year >= 2005 {
        days.push(ymd(6, 6));
    } else {
        days.push(easter + Duration::days(50));
    }
    days.into_iter()
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .collect()
}

#[test]
fn the_swedish_calendar_follows_the_law_for_every_year_2000_to_2100() {
    for year in 2000..=2100 {
        let cal = SwedishCalendar::new(year).expect("calendar");
        let easter = easter_sunday(year).expect("easter");
        assert_eq!(easter, easter_gauss(year), "Easter {year}");
        assert_eq!(easter.weekday(), Weekday::Sun);
        assert!(
            (NaiveDate::from_ymd_opt(year, 3, 22).expect("d")
                ..=NaiveDate::from_ymd_opt(year, 4, 25).expect("d"))
                .contains(&easter)
        );
        // Midsommardagen: the Saturday 20–26 June; alla helgons dag: the Saturday 31 Oct–6 Nov.
        let named: Vec<(NaiveDate, _)> = cal.named_days().collect();
        let find = |h| named.iter().find(|(_, x)| *x == h).map(|(d, _)| *d);
        let midsummer = find(samverkan::schedule::Holiday::Midsommardagen).expect("midsummer");
        assert_eq!(midsummer.weekday(), Weekday::Sat);
        assert_eq!(midsummer.month(), 6);
        assert!((20..=26).contains(&midsummer.day()), "{midsummer}");
        let eve = find(samverkan::schedule::Holiday::Midsommarafton).expect("eve");
        assert_eq!(eve + Duration::days(1), midsummer);
        let saints = find(samverkan::schedule::Holiday::AllaHelgonsDag).expect("all saints");
        assert_eq!(saints.weekday(), Weekday::Sat);
        let first = NaiveDate::from_ymd_opt(year, 10, 31).expect("d");
        assert!((0..7).contains(&(saints - first).num_days()), "{saints}");
        assert!(cal.is_public_holiday(midsummer) && cal.is_public_holiday(saints));
        assert!(
            cal.is_public_holiday(easter + Duration::days(49)),
            "pingst {year}"
        );

        // Every weekday is a public holiday exactly when the law names it.
        let law = statutory_weekday_holidays(year);
        let mut de_facto = BTreeSet::new();
        de_facto.insert(eve);
        for (m, d) in [(12, 24), (12, 31)] {
            de_facto.insert(NaiveDate::from_ymd_opt(year, m, d).expect("d"));
        }
        // The eves kept as short days: skärtorsdagen (the Thursday before Easter),
        // valborgsmässoafton (30 April), allhelgonaafton (the Friday before alla helgons dag).
        // They are avoided but are no days off, so they make no bridge day.
        let short = [
            easter_gauss(year) - Duration::days(3),
            NaiveDate::from_ymd_opt(year, 4, 30).expect("d"),
            saints - Duration::days(1),
        ];
        assert_eq!(short[0].weekday(), Weekday::Thu);
        assert_eq!(short[2].weekday(), Weekday::Fri);
        de_facto.extend(short);
        let mut d = NaiveDate::from_ymd_opt(year, 1, 1).expect("d");
        while d.year() == year {
            let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
            let kind = cal.day_kind(d);
            if weekend {
                assert_eq!(kind, DayKind::Weekend, "{d}");
            } else if law.contains(&d) {
                assert!(matches!(kind, DayKind::PublicHoliday(_)), "{d}: {kind:?}");
            } else if de_facto.contains(&d) {
                assert!(matches!(kind, DayKind::DeFactoHoliday(_)), "{d}: {kind:?}");
            } else {
                // A bridge day is a lone working day between two days off.
                let off = |x: NaiveDate| {
                    matches!(x.weekday(), Weekday::Sat | Weekday::Sun)
                        || statutory_weekday_holidays(x.year()).contains(&x)
                        || (x.month() == 12 && matches!(x.day(), 24 | 31))
                        || SwedishCalendar::new(x.year())
                            .and_then(|c| c.holiday(x))
                            .is_some_and(|h| h == samverkan::schedule::Holiday::Midsommarafton)
                };
                let bridge = off(d - Duration::days(1)) && off(d + Duration::days(1));
                let expected = if bridge {
                    DayKind::BridgeDay
                } else {
                    DayKind::WorkingDay
                };
                assert_eq!(kind, expected, "{d}");
            }
            d += Duration::days(1);
        }
    }
}

fn weekdays_from(mask: u8) -> Vec<Weekday> {
    [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ]
    .into_iter()
    .enumerate()
    .filter(|(i, _)| mask & (1 << i) != 0)
    .map(|(_, w)| w)
    .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_plan_has_the_cadence_on_allowed_days_spread_over_the_year(
        year in 2000i32..=2100,
        count in 1u16..=12,
        mask in 1u8..32,
        blocks in proptest::collection::vec((0i64..360, 0i64..14), 0..3),
    ) {
        let weekdays = weekdays_from(mask);
        let jan1 = NaiveDate::from_ymd_opt(year, 1, 1).expect("d");
        let rules = PlanRules {
            calendar: SwedishCalendar::new(year).expect("cal"),
            blocked: blocks
                .iter()
                .map(|(start, len)| BlockedPeriod {
                    group_id: None,
                    from: jan1 + Duration::days(*start),
                    to: jan1 + Duration::days(start + len),
                    label: "spärr".into(),
                })
                .collect(),
        };
        let usable: Vec<NaiveDate> = jan1
            .iter_days()
            .take_while(|d| d.year() == year)
            .filter(|d| weekdays.contains(&d.weekday()) && forbidden_reason(&rules, 1, *d).is_none())
            .collect();
        let input = PlanInput { group_id: 1, count, weekdays: weekdays.clone(), existing: vec![] };
        let slots = propose(year, &rules, &[input], &HashMap::new(), &HashSet::new());
        let dates: Vec<NaiveDate> = slots.iter().filter_map(|s| s.date).collect();
        prop_assert_eq!(dates.len(), usize::from(count).min(usable.len()));
        for s in &slots {
            let d = s.date.expect("a free day in every stretch");
            prop_assert!(s.from <= d && d <= s.to);
            prop_assert!(weekdays.contains(&d.weekday()));
            prop_assert_eq!(forbidden_reason(&rules, 1, d), None);
            prop_assert!(d.month() != 7);
        }
        // Spread: consecutive meetings are about a share of the usable days apart.
        let share = usable.len() / usize::from(count).max(1);
        let idx: Vec<usize> = dates
            .iter()
            .map(|d| usable.iter().position(|u| u == d).expect("usable"))
            .collect();
        for w in idx.windows(2) {
            prop_assert!(w[1] > w[0]);
            prop_assert!(w[1] - w[0] + 1 >= share, "{:?} share {}", idx, share);
        }
    }

    #[test]
    fn groups_sharing_members_get_different_days(year in 2000i32..=2100, a in 1u16..=6, b in 1u16..=6, mask in 1u8..32) {
        let weekdays = weekdays_from(mask);
        let rules = PlanRules { calendar: SwedishCalendar::new(year).expect("cal"), blocked: vec![] };
        let inputs = [
            PlanInput { group_id: 1, count: a, weekdays: weekdays.clone(), existing: vec![] },
            PlanInput { group_id: 2, count: b, weekdays, existing: vec![] },
        ];
        let slots = propose(year, &rules, &inputs, &HashMap::new(), &HashSet::from([(1, 2)]));
        let one: BTreeSet<_> = slots.iter().filter(|s| s.group_id == 1).filter_map(|s| s.date).collect();
        let two: BTreeSet<_> = slots.iter().filter(|s| s.group_id == 2).filter_map(|s| s.date).collect();
        prop_assert_eq!(one.len(), usize::from(a));
        prop_assert_eq!(two.len(), usize::from(b));
        prop_assert!(one.is_disjoint(&two));
    }
}

fn person(reg: &mut Register, name: &str, org: &str, email: Option<&str>, protected: bool) -> i64 {
    let organisation_id = reg.find_org(org).expect("org");
    reg.add_person(&PersonDraft {
        name: name.into(),
        organisation_id,
        email: email.map(str::to_owned),
        protected,
        ..PersonDraft::default()
    })
    .expect("person")
    .id
}

fn appoint(reg: &mut Register, person_id: i64, group: &str, role: Role) {
    let group_id = reg.find_group(group).expect("group");
    reg.appoint(&AppointRequest {
        person_id,
        group_id,
        role,
        seat_id: None,
        organisation_id: None,
        from: day("2026-01-01"),
        to: None,
        replace: false,
    })
    .expect("appoint");
}

/// A Dalarna register with Falun's representative and substitute, Borlänge's protected
/// representative, and a person in both the steering and the county group.
struct Seeded {
    f: Fixture,
    reg: Register,
    anna: i64,
    erik: i64,
    hidden: i64,
    both: i64,
}

fn seeded() -> Seeded {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let anna = person(
        &mut reg,
        "Anna Berg",
        "Falun",
        Some("anna.berg@falun.se"),
        false,
    );
    let erik = person(
        &mut reg,
        "Erik Lund",
        "Falun",
        Some("erik.lund@falun.se"),
        false,
    );
    let hidden = person(
        &mut reg,
        "Hanna Skydd",
        "Borlänge",
        Some("hanna@borlange.se"),
        true,
    );
    let both = person(
        &mut reg,
        "Lisa Stark",
        "Region Dalarna",
        Some("lisa@regiondalarna.se"),
        false,
    );
    appoint(&mut reg, anna, "Länsgruppen", Role::Representative);
    appoint(&mut reg, erik, "Länsgruppen", Role::Substitute);
    appoint(&mut reg, hidden, "Länsgruppen", Role::Representative);
    appoint(&mut reg, both, "Länsgruppen", Role::Representative);
    appoint(&mut reg, both, "Styrgrupp", Role::Member);
    Seeded {
        f,
        reg,
        anna,
        erik,
        hidden,
        both,
    }
}

fn apply_all(reg: &mut Register, year: i32) -> Vec<samverkan::model::Meeting> {
    let p = reg.propose_plan(year, None).expect("proposal");
    let planned: Vec<PlannedMeeting> = p
        .groups
        .iter()
        .flat_map(|g| g.slots.iter())
        .filter_map(|s| {
            s.date.map(|d| PlannedMeeting {
                group_id: s.group_id,
                date: d.to_string(),
            })
        })
        .collect();
    reg.apply_plan(year, &planned, now()).expect("apply")
}

#[test]
fn planning_2027_gives_the_steering_group_two_and_the_county_group_four_meetings() {
    let mut s = seeded();
    let created = apply_all(&mut s.reg, 2027);
    let steering = s.reg.find_group("Styrgrupp").expect("g");
    let county = s.reg.find_group("Länsgruppen").expect("g");
    let count = |g| created.iter().filter(|m| m.group_id == g).count();
    assert_eq!((count(steering), count(county)), (2, 4));
    let rules = PlanRules {
        calendar: SwedishCalendar::new(2027).expect("cal"),
        blocked: vec![],
    };
    for m in &created {
        assert_eq!(forbidden_reason(&rules, m.group_id, m.date), None, "{m:?}");
        assert_eq!(m.status, MeetingStatus::Planned);
        assert_eq!((m.start.as_str(), m.end.as_str()), ("09:00", "12:00"));
    }
    // The two groups share Lisa Stark: never the same day.
    let days: BTreeSet<_> = created.iter().map(|m| m.date).collect();
    assert_eq!(days.len(), created.len());
    // Planning again proposes nothing new: every stretch holds a meeting.
    let again = s.reg.propose_plan(2027, None).expect("again");
    assert!(again.groups.iter().all(|g| g.slots.is_empty()), "{again:?}");
}

#[test]
fn a_moved_date_on_a_forbidden_day_or_a_shared_members_day_is_refused_and_nothing_is_saved() {
    let mut s = seeded();
    let county = s.reg.find_group("Länsgruppen").expect("g");
    let steering = s.reg.find_group("Styrgrupp").expect("g");
    let e = s
        .reg
        .apply_plan(
            2027,
            &[
                PlannedMeeting {
                    group_id: county,
                    date: "2027-03-10".into(),
                },
                PlannedMeeting {
                    group_id: county,
                    date: "2027-06-25".into(),
                },
            ],
            now(),
        )
        .expect_err("midsommarafton");
    assert_eq!(e.code(), ErrorCode::Conflict);
    assert!(
        e.message(Lang::Sv).contains("midsommarafton"),
        "{}",
        e.message(Lang::Sv)
    );
    let e = s
        .reg
        .apply_plan(
            2027,
            &[
                PlannedMeeting {
                    group_id: county,
                    date: "2027-03-10".into(),
                },
                PlannedMeeting {
                    group_id: steering,
                    date: "2027-03-10".into(),
                },
            ],
            now(),
        )
        .expect_err("shared members");
    assert!(
        e.message(Lang::En).contains("share members"),
        "{}",
        e.message(Lang::En)
    );
    assert!(
        s.reg.meetings(None, None).expect("list").is_empty(),
        "nothing saved"
    );
}

#[test]
fn blackouts_and_plan_settings_steer_the_proposal() {
    let mut s = seeded();
    let county = s.reg.find_group("Länsgruppen").expect("g");
    let mut settings = s.reg.plan_settings(county).expect("settings");
    settings.weekdays = vec![3];
    settings.start = "13:00".into();
    settings.end = "15:30".into();
    settings.place = Some("Länsstyrelsen, Falun".into());
    s.reg.set_plan_settings(&settings).expect("saved");
    s.reg
        .add_blackout(&BlackoutDraft {
            group_id: None,
            from: "2027-02-01".into(),
            to: "2027-03-31".into(),
            label: "Sportlov".into(),
        })
        .expect("blackout");
    let p = s.reg.propose_plan(2027, Some(county)).expect("proposal");
    let slots = &p.groups[0].slots;
    assert_eq!(slots.len(), 4);
    for sl in slots {
        let d = sl.date.expect("a day");
        assert_eq!(d.weekday(), Weekday::Wed);
        assert!(!(d.month() == 2 || d.month() == 3), "{d}");
    }
    let created = apply_all(&mut s.reg, 2027);
    let m = created
        .iter()
        .find(|m| m.group_id == county)
        .expect("county meeting");
    assert_eq!((m.start.as_str(), m.end.as_str()), ("13:00", "15:30"));
    assert_eq!(m.place.as_deref(), Some("Länsstyrelsen, Falun"));
    let bad = PlanSettings {
        weekdays: vec![],
        ..settings
    };
    assert_eq!(
        s.reg
            .set_plan_settings(&bad)
            .expect_err("no weekday")
            .code(),
        ErrorCode::Invalid
    );
}

#[test]
fn a_meeting_set_by_hand_on_an_avoided_day_is_saved_with_a_warning() {
    let f = Fixture::dalarna();
    let mut reg = f.open();
    let steering = reg.find_group("Styrgrupp").expect("g");
    // Skärtorsdagen 2027, the day the planner once proposed; then a holiday and a bridge day.
    let w = reg
        .meeting_day_warning(steering, day("2027-03-25"), Lang::Sv)
        .expect("check")
        .expect("a warning");
    assert_eq!(w.text, "Planeraren undviker 2027-03-25: skärtorsdagen.");
    let w = reg
        .meeting_day_warning(steering, day("2027-11-05"), Lang::En)
        .expect("check")
        .expect("a warning");
    assert_eq!(w.text, "The planner avoids 2027-11-05: All Saints' Eve.");
    for (date, text) in [
        ("2027-04-30", "valborgsmässoafton"),
        ("2027-05-06", "Kristi himmelsfärdsdag"),
        ("2027-05-07", "en klämdag"),
    ] {
        let w = reg
            .meeting_day_warning(steering, day(date), Lang::Sv)
            .expect("check")
            .expect(date);
        assert_eq!(w.text, format!("Planeraren undviker {date}: {text}."));
    }
    assert_eq!(
        reg.meeting_day_warning(steering, day("2027-03-24"), Lang::Sv)
            .expect("check"),
        None,
        "an ordinary Wednesday"
    );
    // A warning, not a refusal: the meeting is saved.
    let m = reg
        .add_meeting(
            &MeetingDraft {
                group_id: steering,
                date: "2027-03-25".into(),
                ..MeetingDraft::default()
            },
            now(),
        )
        .expect("saved on skärtorsdagen");
    assert_eq!(m.date, day("2027-03-25"));
    drop(reg);

    // The CLI says so on standard error and saves; an edit that keeps the day says nothing.
    let out = f
        .cli()
        .args([
            "meeting",
            "add",
            "--group",
            "Länsgruppen",
            "--date",
            "2027-04-30",
        ])
        .output()
        .expect("run");
    assert!(out.status.success(), "{out:?}");
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert_eq!(
        err.trim(),
        "samverkan: Varning: Planeraren undviker 2027-04-30: valborgsmässoafton."
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("2027-04-30"));
    let id = m.id.to_string();
    let out = f
        .cli()
        .args(["meeting", "edit", &id, "--place", "Falun"])
        .output()
        .expect("run");
    assert!(out.status.success() && out.stderr.is_empty(), "{out:?}");
    let out = f
        .cli()
        .args([
            "--json",
            "--lang",
            "en",
            "meeting",
            "edit",
            &id,
            "--date",
            "2027-12-24",
        ])
        .output()
        .expect("run");
    assert!(out.status.success(), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("Warning: The planner avoids 2027-12-24: Christmas Eve."),
        "{out:?}"
    );
    let saved: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON value");
    assert_eq!(saved["date"], "2027-12-24");
    let dates: Vec<NaiveDate> = f
        .open()
        .meetings(None, Some(2027))
        .expect("list")
        .iter()
        .map(|m| m.date)
        .collect();
    assert_eq!(dates, vec![day("2027-04-30"), day("2027-12-24")]);
}

#[test]
fn attendance_takes_present_absent_excused_and_a_substitute_in_the_representatives_place() {
    let mut s = seeded();
    let county = s.reg.find_group("Länsgruppen").expect("g");
    let m = s
        .reg
        .add_meeting(
            &MeetingDraft {
                group_id: county,
                date: "2027-03-10".into(),
                ..MeetingDraft::default()
            },
            now(),
        )
        .expect("meeting");
    let a = s.reg.attendance(m.id).expect("attendance");
    assert_eq!(
        a.rows.len(),
        4,
        "everyone serving, the protected person too"
    );
    assert!(a.rows.iter().all(|r| r.status.is_none()));
    s.reg
        .set_attendance(m.id, s.erik, AttendanceStatus::Present, Some(s.anna))
        .expect("substitute");
    s.reg
        .set_attendance(m.id, s.anna, AttendanceStatus::Excused, None)
        .expect("excused");
    let a = s
        .reg
        .set_attendance(m.id, s.hidden, AttendanceStatus::Absent, None)
        .expect("absent");
    let erik = a.rows.iter().find(|r| r.person_id == s.erik).expect("erik");
    assert_eq!(erik.substitute_for_name.as_deref(), Some("Anna Berg"));
    // Lisa (Region Dalarna) cannot stand in for Anna (Falun).
    let e = s
        .reg
        .set_attendance(m.id, s.both, AttendanceStatus::Present, Some(s.anna))
        .expect_err("other organisation");
    assert_eq!(e.code(), ErrorCode::Conflict);
    // Someone not in the group is not invited.
    let outsider = person(&mut s.reg, "Olle Ute", "Mora", None, false);
    let e = s
        .reg
        .set_attendance(m.id, outsider, AttendanceStatus::Present, None)
        .expect_err("not invited");
    assert!(e.message(Lang::Sv).contains("inte kallad"));
    // A cancelled meeting takes no attendance; it stays in the list.
    s.reg.cancel_meeting(m.id, now()).expect("cancel");
    let e = s
        .reg
        .set_attendance(m.id, s.anna, AttendanceStatus::Present, None)
        .expect_err("cancelled");
    assert_eq!(e.code(), ErrorCode::Conflict);
    let all = s.reg.meetings(Some(county), Some(2027)).expect("list");
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].status, MeetingStatus::Cancelled);
}

fn unfold(ics: &str) -> String {
    ics.replace("\r\n ", "")
}

#[test]
fn the_calendar_round_trips_through_a_parser_with_stable_uids_and_rising_sequence() {
    let mut s = seeded();
    s.reg
        .set_organiser(&OrganiserInfo {
            name: Some("Strateg, MVK; Länsstyrelsen".into()),
            email: Some("strateg@lansstyrelsen.se".into()),
            ..OrganiserInfo::default()
        })
        .expect("organiser");
    let created = apply_all(&mut s.reg, 2027);
    let county = s.reg.find_group("Länsgruppen").expect("g");
    let first = created.iter().find(|m| m.group_id == county).expect("m");
    let mut edit = MeetingDraft::from(first);
    edit.agenda = Some("Dagordning: 1. Läget i länet; 2. Övrigt, med en lång rad som måste radbrytas enligt RFC 5545 eftersom den är längre än 75 oktetter.".into());
    edit.online_link = Some("https://meet.example.se/mvk?id=1,2".into());
    edit.place = Some("Falun, sal 2".into());
    let edited = s.reg.edit_meeting(first.id, &edit, now()).expect("edit");
    assert_eq!(edited.sequence, 1);
    let cancelled = created
        .iter()
        .filter(|m| m.group_id == county)
        .nth(1)
        .expect("m");
    s.reg.cancel_meeting(cancelled.id, now()).expect("cancel");

    let path = s.f.dir.path().join("mvk 2027.ics");
    let q = CalendarQuery {
        year: Some(2027),
        ..CalendarQuery::default()
    };
    let out = s
        .reg
        .export_calendar(&q, &path, Lang::Sv, now())
        .expect("export");
    assert_eq!(out.items, 6);
    let text = std::fs::read_to_string(&path).expect("ics");
    for line in text.split_inclusive('\n') {
        assert!(line.ends_with("\r\n"), "{line:?}");
        assert!(line.len() <= 77, "{} octets: {line}", line.len());
    }
    let unfolded = icalendar::parser::unfold(&text);
    let parsed = icalendar::parser::read_calendar(&unfolded).expect("a parser accepts it");
    let cal: icalendar::Calendar = parsed.into();
    use icalendar::{CalendarDateTime, Component, DatePerhapsTime, EventStatus};
    let events: Vec<_> = cal.events().collect();
    assert_eq!(events.len(), 6);
    let uids: BTreeSet<_> = events.iter().filter_map(|e| e.get_uid()).collect();
    assert_eq!(uids.len(), 6);
    let ev = events
        .iter()
        .find(|e| e.get_uid() == Some(first.uid.as_str()))
        .expect("edited event");
    assert_eq!(ev.get_sequence(), Some(1));
    match ev.get_start() {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid })) => {
            assert_eq!(tzid, "Europe/Stockholm");
            assert_eq!(date_time.date(), first.date);
            assert_eq!(date_time.format("%H:%M").to_string(), "09:00");
        }
        other => panic!("start {other:?}"),
    }
    assert!(unfold(&text).contains("LOCATION:Falun\\, sal 2"));
    assert!(
        unfold(&text).contains(
            "ORGANIZER;CN=\"Strateg, MVK; Länsstyrelsen\":mailto:strateg@lansstyrelsen.se"
        )
    );
    let gone = events
        .iter()
        .find(|e| e.get_uid() == Some(cancelled.uid.as_str()))
        .expect("cancelled event");
    assert_eq!(gone.get_status(), Some(EventStatus::Cancelled));
    assert_eq!(gone.get_sequence(), Some(1));
    assert_eq!(
        gone.get_summary(),
        Some("Inställt: Länsgruppen MVK"),
        "a cancelled meeting says so in its title"
    );
    assert_eq!(
        gone.property_value("TRANSP"),
        Some("TRANSPARENT"),
        "and leaves the time free"
    );
    assert_eq!(ev.get_summary(), Some("Länsgruppen MVK"));
    assert_eq!(ev.property_value("TRANSP"), Some("OPAQUE"));
    assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm"));

    // Exporting again keeps every UID; the log has both exports, with no people in them.
    let again = s.f.dir.path().join("again.ics");
    s.reg
        .export_calendar(&q, &again, Lang::Sv, now())
        .expect("export");
    let text2 = std::fs::read_to_string(&again).expect("ics");
    for uid in &uids {
        assert!(text2.contains(&format!("UID:{uid}")));
    }
    let log = s.reg.exports(None).expect("log");
    assert_eq!(
        log.iter()
            .filter(|e| e.kind == ExportKind::Calendar)
            .count(),
        2
    );
}

#[test]
fn a_protected_persons_calendar_needs_the_coordinators_choice() {
    let mut s = seeded();
    apply_all(&mut s.reg, 2027);
    let path = s.f.dir.path().join("p.ics");
    let q = CalendarQuery {
        person_id: Some(s.hidden),
        ..CalendarQuery::default()
    };
    let e = s
        .reg
        .export_calendar(&q, &path, Lang::Sv, now())
        .expect_err("protected");
    assert_eq!(e.code(), ErrorCode::Conflict);
    assert!(!path.exists());
    let q = CalendarQuery {
        include_protected: true,
        ..q
    };
    let out = s
        .reg
        .export_calendar(&q, &path, Lang::Sv, now())
        .expect("included");
    assert_eq!(out.items, 4, "only the county group's meetings");
    let log = s.reg.exports_of_person(s.hidden).expect("log");
    assert_eq!(log.len(), 1);
    assert!(log[0].protected_included);
}

fn read_xlsx(path: &std::path::Path) -> (Vec<Vec<String>>, usize) {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let mut wb: Xlsx<_> = open_workbook(path).expect("an xlsx workbook");
    let name = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&name).expect("sheet");
    let rows = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    other => panic!("a cell that is not text: {other:?}"),
                })
                .collect()
        })
        .collect();
    let formulas = wb.worksheet_formula(&name).expect("formulas");
    let formula_cells = formulas
        .used_cells()
        .filter(|(_, _, f)| !f.is_empty())
        .count();
    (rows, formula_cells)
}

/// Phone numbers are data: every export writes a number the same way, in a form no spreadsheet
/// evaluates and without the formula guard's apostrophe (issue 12, point 7).
#[test]
fn phone_numbers_read_the_same_in_every_export_and_carry_no_formula_guard() {
    let mut s = seeded();
    let county = s.reg.find_group("Länsgruppen").expect("g");
    for (who, typed) in [(s.anna, "+46 70 101 11 21"), (s.erik, "+47 22 00 00 00")] {
        let mut d = PersonDraft::from(&s.reg.person(who).expect("person"));
        d.phone = Some(typed.into());
        s.reg.edit_person(who, &d).expect("edit");
    }
    let export = |s: &mut Seeded, format: RosterFormat, name: &str| {
        let path = s.f.dir.path().join(name);
        s.reg
            .export_roster(county, None, format, &path, &[], today(), Lang::Sv, now())
            .expect("export");
        std::fs::read(&path).expect("read")
    };
    let csv = String::from_utf8(export(&mut s, RosterFormat::Csv, "r.csv")).expect("utf-8");
    assert!(csv.contains(";070-101 11 21\r\n"), "{csv}");
    assert!(csv.contains(";0047 22 00 00 00\r\n"), "{csv}");
    assert!(!csv.contains("'+") && !csv.contains(";+"), "{csv}");

    export(&mut s, RosterFormat::Xlsx, "r.xlsx");
    let (rows, _) = read_xlsx(&s.f.dir.path().join("r.xlsx"));
    let phones: Vec<&str> = rows.iter().map(|r| r[5].as_str()).collect();
    assert!(phones.contains(&"070-101 11 21") && phones.contains(&"+47 22 00 00 00"));

    let pdf = pdf_text(&export(&mut s, RosterFormat::Pdf, "r.pdf"));
    assert!(
        pdf.contains("070-101 11 21") && pdf.contains("+47 22 00 00 00"),
        "{pdf}"
    );
    assert!(!pdf.contains("+46"), "{pdf}");

    // The person's own screen and the register extract say the same.
    assert_eq!(
        s.reg
            .person(s.anna)
            .expect("anna")
            .phone
            .expect("phone")
            .as_str(),
        "070-101 11 21"
    );
}

/// A part of an XLSX file, as XML text.
fn xlsx_part(path: &std::path::Path, part: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).expect("open")).expect("zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(part).expect(part), &mut xml).expect("read");
    xml
}

/// The attributes of the first element called `name` in a part of an XLSX file.
fn xlsx_part_attributes(path: &std::path::Path, part: &str, name: &str) -> HashMap<String, String> {
    use quick_xml::events::Event;
    let xml = xlsx_part(path, part);
    let mut reader = quick_xml::Reader::from_str(&xml);
    loop {
        match reader.read_event().expect("xml") {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == name => {
                return e
                    .attributes()
                    .map(|a| {
                        let a = a.expect("attribute");
                        let value = a
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .expect("value");
                        (a.key.as_ref().to_owned(), value.into_owned())
                    })
                    .collect();
            }
            Event::Eof => panic!("no {name} in {part}"),
            _ => {}
        }
    }
}

/// The text of the first element called `name` in a part of an XLSX file, unescaped.
fn xlsx_part_text(path: &std::path::Path, part: &str, name: &str) -> String {
    use quick_xml::events::Event;
    let xml = xlsx_part(path, part);
    let mut reader = quick_xml::Reader::from_str(&xml);
    loop {
        match reader.read_event().expect("xml") {
            Event::Start(e) if e.name().as_ref() == name => {
                let raw = reader.read_text(e.name()).expect("text");
                return quick_xml::escape::unescape(&raw)
                    .expect("unescape")
                    .into_owned();
            }
            Event::Eof => panic!("no {name} in {part}"),
            _ => {}
        }
    }
}

/// A roster printed from Excel fits the paper: landscape A4, one page wide, the header row on
/// every page, page numbers; and the file says what it is (issue 12, point 5).
#[test]
fn xlsx_rosters_print_one_page_wide_with_the_header_on_every_page_and_say_what_they_are() {
    use calamine::{Reader, Xlsx, open_workbook};
    let mut s = seeded();
    let county = s.reg.find_group("Länsgruppen").expect("g");
    let path = s.f.dir.path().join("roster.xlsx");
    s.reg
        .export_roster(
            county,
            None,
            RosterFormat::Xlsx,
            &path,
            &[],
            today(),
            Lang::Sv,
            now(),
        )
        .expect("xlsx");

    let wb: Xlsx<_> = open_workbook(&path).expect("an xlsx workbook");
    let sheet = wb.sheet_names()[0].clone();
    let titles: Vec<&(String, String)> = wb
        .defined_names()
        .iter()
        .filter(|(n, _)| n == "_xlnm.Print_Titles")
        .collect();
    assert_eq!(titles.len(), 1, "{:?}", wb.defined_names());
    assert!(
        titles[0].1.ends_with("!$1:$1"),
        "the first row on every page: {titles:?}"
    );
    assert!(titles[0].1.contains(&sheet), "{titles:?}");

    let setup = xlsx_part_attributes(&path, "xl/worksheets/sheet1.xml", "pageSetup");
    assert_eq!(
        setup.get("orientation").map(String::as_str),
        Some("landscape")
    );
    assert_eq!(setup.get("paperSize").map(String::as_str), Some("9"), "A4");
    assert_eq!(
        setup.get("fitToHeight").map(String::as_str),
        Some("0"),
        "as long as it takes"
    );
    assert_ne!(
        setup.get("fitToWidth").map(String::as_str),
        Some("0"),
        "one page wide"
    );
    let fit = xlsx_part_attributes(&path, "xl/worksheets/sheet1.xml", "pageSetUpPr");
    assert_eq!(fit.get("fitToPage").map(String::as_str), Some("1"));
    let footer = xlsx_part_text(&path, "xl/worksheets/sheet1.xml", "oddFooter");
    assert_eq!(footer, "&CSida &P av &N");
    let header = xlsx_part_text(&path, "xl/worksheets/sheet1.xml", "oddHeader");
    assert!(
        header.starts_with("&LDeltagarlista – Länsgruppen"),
        "{header}"
    );

    let title = xlsx_part_text(&path, "docProps/core.xml", "dc:title");
    assert_eq!(
        title,
        format!("Deltagarlista – Länsgruppen MVK {}", today())
    );
    let creator = xlsx_part_text(&path, "docProps/core.xml", "dc:creator");
    assert!(
        !creator.is_empty() && creator != "Microsoft Excel",
        "{creator}"
    );
    let created = xlsx_part_text(&path, "docProps/core.xml", "dcterms:created");
    assert_eq!(
        created, "2026-11-22T09:00:00Z",
        "the export's time, not the clock's"
    );
}

#[test]
fn rosters_leave_protected_people_out_neutralise_formulas_and_read_back() {
    let mut s = seeded();
    let county = s.reg.find_group("Länsgruppen").expect("g");
    // A title that a spreadsheet would run as a formula.
    let mut d = PersonDraft::from(&s.reg.person(s.anna).expect("anna"));
    d.title = Some("=HYPERLINK(\"http://evil\";\"klicka\")".into());
    d.phone = Some("+46 23 123 45".into());
    s.reg.edit_person(s.anna, &d).expect("edit");

    let csv_path = s.f.dir.path().join("roster.csv");
    let out = s
        .reg
        .export_roster(
            county,
            None,
            RosterFormat::Csv,
            &csv_path,
            &[],
            today(),
            Lang::Sv,
            now(),
        )
        .expect("csv");
    assert_eq!((out.items, out.protected_left_out), (3, 1));
    let bytes = std::fs::read(&csv_path).expect("csv");
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM");
    let text = String::from_utf8(bytes).expect("utf-8");
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(lines[0], "Organisation;Roll;Namn;Titel;E-post;Telefon");
    assert!(
        lines.contains(&"Falu kommun;Representant;Anna Berg;\"'=HYPERLINK(\"\"http://evil\"\";\"\"klicka\"\")\";anna.berg@falun.se;023-123 45"),
        "{text}"
    );
    assert!(!text.contains("Hanna"), "protected person in the CSV");

    let xlsx_path = s.f.dir.path().join("roster.xlsx");
    s.reg
        .export_roster(
            county,
            None,
            RosterFormat::Xlsx,
            &xlsx_path,
            &[],
            today(),
            Lang::En,
            now(),
        )
        .expect("xlsx");
    let (rows, formulas) = read_xlsx(&xlsx_path);
    assert_eq!(formulas, 0);
    assert_eq!(
        rows[0],
        ["Organisation", "Role", "Name", "Title", "E-mail", "Phone"]
    );
    assert_eq!(rows.len(), 4);
    assert!(
        rows.iter()
            .any(|r| r[3] == "=HYPERLINK(\"http://evil\";\"klicka\")")
    );
    assert!(rows.iter().all(|r| r[2] != "Hanna Skydd"));

    // Included for one export: there, and recorded as such.
    let with = s.f.dir.path().join("with.xlsx");
    let out = s
        .reg
        .export_roster(
            county,
            None,
            RosterFormat::Xlsx,
            &with,
            &[s.hidden],
            today(),
            Lang::Sv,
            now(),
        )
        .expect("xlsx");
    assert_eq!((out.items, out.protected_left_out), (4, 0));
    let (rows, _) = read_xlsx(&with);
    assert!(rows.iter().any(|r| r[2] == "Hanna Skydd"));

    let log = s.reg.exports(None).expect("log");
    assert_eq!(log.len(), 3);
    assert!(log[0].protected_included && !log[1].protected_included);
    assert_eq!((log[2].kind, log[2].people), (ExportKind::RosterCsv, 3));
    assert!(
        log[2]
            .file
            .as_deref()
            .is_some_and(|f| f.ends_with("roster.csv"))
    );
    assert_eq!(s.reg.exports_of_person(s.hidden).expect("log").len(), 1);
}

#[test]
fn the_pdf_roster_and_the_attendance_list_name_everyone_invited_but_protected_people() {
    let mut s = seeded();
    let county = s.reg.find_group("Länsgruppen").expect("g");
    let roster = s.f.dir.path().join("roster.pdf");
    let out = s
        .reg
        .export_roster(
            county,
            None,
            RosterFormat::Pdf,
            &roster,
            &[],
            today(),
            Lang::Sv,
            now(),
        )
        .expect("pdf");
    assert_eq!((out.items, out.protected_left_out), (3, 1));
    let text = pdf_text(&std::fs::read(&roster).expect("pdf"));
    for name in [
        "Anna Berg",
        "Erik Lund",
        "Lisa Stark",
        "anna.berg@falun.se",
        "Länsgruppen MVK",
    ] {
        assert!(text.contains(name), "{name} in: {text}");
    }
    assert!(
        !text.contains("Hanna"),
        "protected person in the PDF roster"
    );

    let m = s
        .reg
        .add_meeting(
            &MeetingDraft {
                group_id: county,
                date: "2027-03-09".into(),
                start: Some("13:00".into()),
                end: Some("16:00".into()),
                place: Some("Länsstyrelsen, Falun".into()),
                ..MeetingDraft::default()
            },
            now(),
        )
        .expect("meeting");
    let list = s.f.dir.path().join("närvaro.pdf");
    let out = s
        .reg
        .export_attendance_list(m.id, &list, &[], Lang::Sv, now())
        .expect("list");
    assert_eq!((out.items, out.protected_left_out), (3, 1));
    let text = pdf_text(&std::fs::read(&list).expect("pdf"));
    for s in [
        "NÄRVAROLISTA",
        "Länsgruppen MVK",
        "tisdag 9 mars 2027 kl. 13.00–16.00",
        "Plats: Länsstyrelsen, Falun",
        "Underskrift",
        "Anna Berg",
        "Erik Lund",
        "Ersättare",
        "Sida 1 av 1",
    ] {
        assert!(text.contains(s), "{s} in: {text}");
    }
    assert!(!text.contains("Hanna"), "protected person on the list");

    // Included for this one list: there, and the export says so.
    let with = s.f.dir.path().join("med.pdf");
    let out = s
        .reg
        .export_attendance_list(m.id, &with, &[s.hidden], Lang::En, now())
        .expect("list");
    assert_eq!((out.items, out.protected_left_out), (4, 0));
    let text = pdf_text(&std::fs::read(&with).expect("pdf"));
    assert!(
        text.contains("Hanna Skydd") && text.contains("Signature"),
        "{text}"
    );
    let log = s.reg.exports(None).expect("log");
    assert_eq!(log[0].kind, ExportKind::AttendanceList);
    assert!(log[0].protected_included && !log[1].protected_included);
    assert_eq!(log[2].kind, ExportKind::RosterPdf);
    assert_eq!(log[1].people, 3);

    // A character the font cannot draw is refused by name; no file is written.
    let mut d = PersonDraft::from(&s.reg.person(s.anna).expect("anna"));
    d.title = Some("Samordnare \u{1F984}".into());
    s.reg.edit_person(s.anna, &d).expect("edit");
    let refused = s.f.dir.path().join("refused.pdf");
    let err = s
        .reg
        .export_attendance_list(m.id, &refused, &[], Lang::Sv, now())
        .expect_err("unprintable");
    assert_eq!(err.code(), ErrorCode::Invalid);
    assert!(
        err.message(Lang::Sv).contains("Anna Berg"),
        "{}",
        err.message(Lang::Sv)
    );
    assert!(!refused.exists());
    assert_eq!(
        s.reg.exports(None).expect("log").len(),
        3,
        "nothing recorded"
    );

    let missing = s
        .reg
        .export_attendance_list(999_999, &refused, &[], Lang::Sv, now());
    assert_eq!(missing.expect_err("none").code(), ErrorCode::NotFound);
}

#[test]
fn the_mailing_list_joins_addresses_for_bcc_without_protected_people() {
    let mut s = seeded();
    let county = s.reg.find_group("Länsgruppen").expect("g");
    let l = s
        .reg
        .mailing_list(county, None, &[], today(), Lang::Sv, now())
        .expect("list");
    assert_eq!(
        l.bcc,
        "anna.berg@falun.se; erik.lund@falun.se; lisa@regiondalarna.se"
    );
    assert_eq!(
        l.mailto,
        "mailto:?bcc=anna.berg@falun.se,erik.lund@falun.se,lisa@regiondalarna.se"
    );
    assert_eq!(l.protected_left_out, 1);
    let with = s
        .reg
        .mailing_list(county, None, &[s.hidden], today(), Lang::Sv, now())
        .expect("list");
    assert!(with.bcc.contains("hanna@borlange.se"));
    let log = s.reg.exports(None).expect("log");
    assert_eq!(log.len(), 2);
    assert!(
        log.iter()
            .all(|e| e.kind == ExportKind::MailingList && e.file.is_none())
    );
    assert_eq!((log[0].people, log[1].people), (4, 3));
    assert!(log[0].protected_included && !log[1].protected_included);
}

#[test]
fn the_cli_plans_applies_takes_attendance_and_exports() {
    let f = Fixture::dalarna();
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
    f.ok(&[
        "person",
        "add",
        "Hanna Skydd",
        "--org",
        "Borlänge",
        "--protected",
        "--email",
        "h@b.se",
    ]);
    for (p, role) in [
        ("Anna Berg", "representant"),
        ("Erik Lund", "ersättare"),
        ("Hanna Skydd", "representant"),
    ] {
        f.ok(&[
            "appoint",
            p,
            "--group",
            "Länsgruppen",
            "--role",
            role,
            "--from",
            "2026-01-01",
        ]);
    }
    let proposal = f.json(&["plan", "--year", "2027"]);
    let groups = proposal["groups"].as_array().expect("groups");
    let slots: usize = groups
        .iter()
        .map(|g| g["slots"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(slots, 6);
    let first_county = groups
        .iter()
        .find(|g| g["group_name"] == "Länsgruppen MVK")
        .and_then(|g| g["slots"][0]["date"].as_str())
        .expect("a county date")
        .to_owned();
    // Moving onto a forbidden day is refused and changes nothing.
    let err = f.refused(&[
        "plan",
        "--year",
        "2027",
        "--move",
        &format!("{first_county}=2027-12-24"),
        "--apply",
    ]);
    assert!(err.contains("julafton"), "{err}");
    let created = f.json(&[
        "plan",
        "--year",
        "2027",
        "--move",
        &format!("{first_county}=2027-02-17"),
        "--apply",
    ]);
    let created = created.as_array().expect("meetings");
    assert_eq!(created.len(), 6);
    let moved = created
        .iter()
        .find(|m| m["date"] == "2027-02-17")
        .expect("moved meeting");
    let id = moved["id"].as_i64().expect("id").to_string();
    f.ok(&[
        "attend",
        &id,
        "Erik Lund",
        "--status",
        "närvarande",
        "--for",
        "Anna Berg",
    ]);
    let shown = f.json(&["meeting", "show", &id]);
    let erik = shown["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["person_name"] == "Erik Lund")
        .expect("erik")
        .clone();
    assert_eq!(erik["status"], "present");
    assert_eq!(erik["substitute_for_name"], "Anna Berg");
    f.refused(&["attend", &id, "Erik Lund", "--status", "sovande"]);

    let ics = f.dir.path().join("mvk.ics");
    f.ok(&[
        "calendar",
        "--out",
        ics.to_str().expect("path"),
        "--year",
        "2027",
        "--group",
        "Länsgruppen",
    ]);
    assert_eq!(
        std::fs::read_to_string(&ics)
            .expect("ics")
            .matches("BEGIN:VEVENT")
            .count(),
        4
    );
    f.refused(&[
        "calendar",
        "--out",
        ics.to_str().expect("path"),
        "--person",
        "Hanna Skydd",
    ]);

    let csv = f.dir.path().join("r.csv");
    let out = f.json(&[
        "roster",
        "--group",
        "Länsgruppen",
        "--meeting",
        &id,
        "--format",
        "csv",
        "--out",
        csv.to_str().expect("p"),
    ]);
    assert_eq!(out["items"], 2);
    assert_eq!(out["protected_left_out"], 1);
    let xlsx = f.dir.path().join("r.xlsx");
    let out = f.json(&[
        "roster",
        "--group",
        "Länsgruppen",
        "--format",
        "xlsx",
        "--out",
        xlsx.to_str().expect("p"),
        "--include-protected",
        "Hanna Skydd",
    ]);
    assert_eq!(out["items"], 3);
    f.refused(&[
        "roster",
        "--group",
        "Länsgruppen",
        "--format",
        "pdfx",
        "--out",
        "x",
    ]);
    let mail = f.ok(&["mailing-list", "--group", "Länsgruppen"]);
    assert!(
        mail.starts_with("anna.berg@falun.se\nmailto:?bcc=anna.berg@falun.se"),
        "{mail}"
    );
    assert!(mail.contains("Saknar e-post: Erik Lund"));
    let log = f.json(&["exports"]);
    assert_eq!(log.as_array().expect("log").len(), 4);
    let cancelled = f.json(&["meeting", "cancel", &id]);
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(cancelled["sequence"], 1);
    let listed = f.ok(&[
        "meeting",
        "list",
        "--group",
        "Länsgruppen",
        "--year",
        "2027",
    ]);
    assert!(listed.contains("Inställt"), "{listed}");
}

#[test]
fn meetings_and_attendance_are_in_the_audit_log() {
    use samverkan::register::LogFilter;
    let mut s = seeded();
    let county = s.reg.find_group("Länsgruppen").expect("g");
    let m = s
        .reg
        .add_meeting(
            &MeetingDraft {
                group_id: county,
                date: "2027-03-10".into(),
                ..MeetingDraft::default()
            },
            now(),
        )
        .expect("meeting");
    s.reg
        .set_attendance(m.id, s.anna, AttendanceStatus::Excused, None)
        .expect("excused");
    s.reg.cancel_meeting(m.id, now()).expect("cancel");
    let log = |entity: &str, id: i64| {
        s.reg
            .log(&LogFilter {
                entity: Some(entity.into()),
                entity_id: Some(id),
                ..LogFilter::default()
            })
            .expect("log")
    };
    let meeting = log("meeting", m.id);
    let actions: Vec<&str> = meeting.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["update", "insert"], "newest first");
    let new: serde_json::Value =
        serde_json::from_str(meeting[0].new.as_deref().expect("new")).expect("json");
    assert_eq!(new["status"], "cancelled");
    let attendance = log("attendance", s.anna);
    assert_eq!(attendance.len(), 1);
    let new: serde_json::Value =
        serde_json::from_str(attendance[0].new.as_deref().expect("new")).expect("json");
    assert_eq!(new["person_id"], s.anna);
    assert_eq!(new["status"], "excused");
}
