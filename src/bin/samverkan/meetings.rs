//! The meeting commands: year plan, meetings, blocked periods, attendance, calendar, rosters
//! and mailing lists. Arguments are raw here; the core checks them.

use std::io::Write;
use std::path::PathBuf;

use chrono::{NaiveDate, Utc};
use clap::{Args, Subcommand};
use comfy_table::{Table, presets};
use samverkan::error::{Field, Invalid};
use samverkan::export::roster::RosterFormat;
use samverkan::model::date::parse_date;
use samverkan::model::{
    AttendanceStatus, BlackoutDraft, Id, Meeting, MeetingDraft, MeetingStatus, parse_weekdays,
};
use samverkan::register::{
    CalendarQuery, ExportOutcome, MeetingAttendance, OrganiserInfo, PlanProposal, PlannedMeeting,
};
use samverkan::{Error, Lang, Register};

use crate::print::Out;

#[derive(Debug, Args)]
pub struct PlanArgs {
    #[arg(long)]
    pub year: i32,
    /// Only this group (default: every group with a cadence).
    #[arg(long)]
    pub group: Option<String>,
    /// Move a proposed date before applying: OLD=NEW (repeatable).
    #[arg(long = "move", value_name = "OLD=NEW")]
    pub moves: Vec<String>,
    /// Create the proposed meetings.
    #[arg(long)]
    pub apply: bool,
}

#[derive(Debug, Args, Default)]
pub struct MeetingFieldArgs {
    #[arg(long)]
    pub date: Option<String>,
    /// HH:MM, Europe/Stockholm.
    #[arg(long)]
    pub start: Option<String>,
    #[arg(long)]
    pub end: Option<String>,
    #[arg(long)]
    pub place: Option<String>,
    #[arg(long)]
    pub link: Option<String>,
    #[arg(long)]
    pub agenda: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum MeetingCmd {
    /// Add a meeting (an extra one with --extra).
    Add {
        #[arg(long)]
        group: String,
        #[command(flatten)]
        fields: MeetingFieldArgs,
        /// Beside the cadence.
        #[arg(long)]
        extra: bool,
    },
    /// List meetings.
    List {
        #[arg(long)]
        group: Option<String>,
        #[arg(long)]
        year: Option<i32>,
    },
    /// Show a meeting with its attendance.
    Show { id: Id },
    /// Change a meeting (an empty value clears place, link or agenda).
    Edit {
        id: Id,
        #[command(flatten)]
        fields: MeetingFieldArgs,
        /// planned or held.
        #[arg(long)]
        status: Option<String>,
    },
    /// Cancel a meeting (it stays in the history and in calendars as cancelled).
    Cancel { id: Id },
    /// Show or set a group's plan settings.
    Settings {
        #[arg(long)]
        group: String,
        /// Preferred weekdays: "tis,ons,tor" or "2,3,4".
        #[arg(long)]
        weekdays: Option<String>,
        #[arg(long)]
        start: Option<String>,
        #[arg(long)]
        end: Option<String>,
        #[arg(long)]
        place: Option<String>,
        #[arg(long)]
        link: Option<String>,
    },
    /// Show or set the organiser named in calendars.
    Organiser {
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        email: Option<String>,
    },
    /// The days of a year on which no meeting is planned, with the reason.
    Holidays {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        group: Option<String>,
    },
}

/// The coordinator's details, kept once in the register's settings.
#[derive(Debug, Args, Default)]
pub struct CoordinatorArgs {
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
}

/// Shows the coordinator's details, after changing those given (an empty value clears one).
pub fn coordinator(reg: &mut Register, a: CoordinatorArgs, out: &Out) -> Result<(), Error> {
    let lang = out.lang;
    let mut o = reg.organiser()?;
    if a.name.is_some() || a.title.is_some() || a.email.is_some() || a.phone.is_some() {
        o = reg.set_organiser(&OrganiserInfo {
            name: merge(o.name.take(), a.name),
            title: merge(o.title.take(), a.title),
            email: merge(o.email.take(), a.email),
            phone: merge(o.phone.take(), a.phone),
        })?;
    }
    let shown = |v: &Option<String>| v.clone().unwrap_or_else(|| "–".into());
    let text = format!(
        "{}: {}\n{}: {}\n{}: {}\n{}: {}",
        lang.pick("Sammankallande", "Organiser"),
        shown(&o.name),
        lang.pick("Titel", "Title"),
        shown(&o.title),
        lang.pick("E-post", "E-mail"),
        shown(&o.email),
        lang.pick("Telefon", "Phone"),
        shown(&o.phone),
    );
    out.done(&o, &text)
}

#[derive(Debug, Subcommand)]
pub enum BlackoutCmd {
    /// Block a period for planning (all groups, or one with --group).
    Add {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long)]
        label: String,
        #[arg(long)]
        group: Option<String>,
    },
    List,
    Remove {
        id: Id,
    },
}

#[derive(Debug, Args)]
pub struct AttendArgs {
    pub meeting: Id,
    pub person: String,
    /// present, absent or excused.
    #[arg(long)]
    pub status: String,
    /// Attended in this person's place (a substitute for the representative).
    #[arg(long = "for", value_name = "PERSON")]
    pub for_person: Option<String>,
}

#[derive(Debug, Args)]
pub struct CalendarArgs {
    #[arg(long)]
    pub out: PathBuf,
    #[arg(long)]
    pub group: Option<String>,
    #[arg(long)]
    pub year: Option<i32>,
    /// Only this person's meetings.
    #[arg(long)]
    pub person: Option<String>,
    /// Include the person although their data is protected (this one export).
    #[arg(long)]
    pub include_protected: bool,
}

#[derive(Debug, Args)]
pub struct RosterArgs {
    #[arg(long)]
    pub group: String,
    /// The roster on this meeting's day (default: today).
    #[arg(long)]
    pub meeting: Option<Id>,
    /// csv, xlsx or pdf.
    #[arg(long)]
    pub format: String,
    #[arg(long)]
    pub out: PathBuf,
    /// Include this person with protected data in this one export (repeatable).
    #[arg(long = "include-protected", value_name = "PERSON")]
    pub include_protected: Vec<String>,
}

#[derive(Debug, Args)]
pub struct AttendanceListArgs {
    /// The meeting's id (see `meeting list`).
    pub meeting: Id,
    #[arg(long)]
    pub out: PathBuf,
    /// Include this person with protected data in this one list (repeatable).
    #[arg(long = "include-protected", value_name = "PERSON")]
    pub include_protected: Vec<String>,
}

#[derive(Debug, Args)]
pub struct MailingListArgs {
    #[arg(long)]
    pub group: String,
    #[arg(long)]
    pub meeting: Option<Id>,
    #[arg(long = "include-protected", value_name = "PERSON")]
    pub include_protected: Vec<String>,
}

fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING)
        .set_header(header.iter().map(|h| h.to_string()));
    t
}

fn meetings_text(ms: &[Meeting], lang: Lang) -> String {
    if ms.is_empty() {
        return lang.pick("Inga möten.", "No meetings.").to_owned();
    }
    let mut t = table(&[
        "Id",
        lang.pick("Grupp", "Group"),
        lang.pick("Datum", "Date"),
        lang.pick("Tid", "Time"),
        lang.pick("Plats", "Place"),
        lang.pick("Status", "Status"),
    ]);
    for m in ms {
        let status = if m.extra {
            format!("{} ({})", m.status.label(lang), lang.pick("extra", "extra"))
        } else {
            m.status.label(lang).to_owned()
        };
        t.add_row(vec![
            m.id.to_string(),
            m.group_name.clone(),
            format!("{} {}", m.date, weekday_sv(m.date, lang)),
            format!("{}–{}", m.start, m.end),
            m.place
                .clone()
                .or_else(|| m.online_link.clone())
                .unwrap_or_else(|| "–".into()),
            status,
        ]);
    }
    t.to_string()
}

fn weekday_sv(d: NaiveDate, lang: Lang) -> &'static str {
    use chrono::Datelike;
    let i = d.weekday().num_days_from_monday() as usize;
    let sv = ["mån", "tis", "ons", "tor", "fre", "lör", "sön"];
    let en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    lang.pick(sv[i], en[i])
}

fn proposal_text(p: &PlanProposal, lang: Lang, applied: Option<&[Meeting]>) -> String {
    let mut out = String::new();
    for g in &p.groups {
        out.push_str(&format!(
            "{} ({} {}):\n",
            g.group_name,
            g.cadence,
            lang.pick("möten per år", "meetings a year")
        ));
        for m in g.existing.iter() {
            out.push_str(&format!(
                "  {} {}  {}\n",
                m.date,
                weekday_sv(m.date, lang),
                lang.pick("redan planerat", "already planned")
            ));
        }
        for s in &g.slots {
            match s.date {
                Some(d) => out.push_str(&format!(
                    "  {} {}  {}–{}\n",
                    d,
                    weekday_sv(d, lang),
                    g.settings.start,
                    g.settings.end
                )),
                None => out.push_str(&format!(
                    "  {} {} – {}\n",
                    lang.pick("ingen ledig dag mellan", "no free day between"),
                    s.from,
                    s.to
                )),
            }
        }
    }
    if out.is_empty() {
        out.push_str(lang.pick("Inget att planera.", "Nothing to plan."));
    }
    if let Some(ms) = applied {
        out.push_str(&format!(
            "\n{} {}",
            ms.len(),
            lang.pick("möten skapade.", "meetings created.")
        ));
    } else {
        out.push_str(lang.pick(
            "\nFörslag: inget är sparat. Lägg till --apply för att skapa mötena.",
            "\nProposal: nothing is saved. Add --apply to create the meetings.",
        ));
    }
    out
}

fn attendance_text(a: &MeetingAttendance, lang: Lang) -> String {
    let m = &a.meeting;
    let mut out = format!(
        "{} {} {}–{}  {}  [{}]\n",
        m.group_name,
        m.date,
        m.start,
        m.end,
        m.place
            .clone()
            .or_else(|| m.online_link.clone())
            .unwrap_or_default(),
        m.status.label(lang)
    );
    let mut t = table(&[
        "Id",
        lang.pick("Organisation", "Organisation"),
        lang.pick("Namn", "Name"),
        lang.pick("Roll", "Role"),
        lang.pick("Närvaro", "Attendance"),
    ]);
    for r in &a.rows {
        let mut status = r
            .status
            .map(|s| s.label(lang).to_owned())
            .unwrap_or_else(|| "–".into());
        if let Some(n) = &r.substitute_for_name {
            status = format!("{status} ({} {n})", lang.pick("för", "for"));
        }
        let protected = if r.person_protected {
            lang.pick(" [skyddad]", " [protected]")
        } else {
            ""
        };
        t.add_row(vec![
            r.person_id.to_string(),
            r.organisation_name.clone(),
            format!("{}{protected}", r.person_name),
            r.role
                .map(|x| x.label(lang).to_owned())
                .unwrap_or_else(|| "–".into()),
            status,
        ]);
    }
    out.push_str(&t.to_string());
    out
}

fn merge(current: Option<String>, given: Option<String>) -> Option<String> {
    match given {
        None => current,
        Some(s) if s.trim().is_empty() => None,
        Some(s) => Some(s),
    }
}

fn people(reg: &Register, names: &[String]) -> Result<Vec<Id>, Error> {
    names.iter().map(|n| reg.find_person(n)).collect()
}

pub fn plan(reg: &mut Register, a: PlanArgs, out: &Out) -> Result<(), Error> {
    let group = a.group.map(|g| reg.find_group(&g)).transpose()?;
    let mut proposal = reg.propose_plan(a.year, group)?;
    for mv in &a.moves {
        let (old, new) = mv
            .split_once('=')
            .ok_or_else(|| Error::invalid(Field::Date, Invalid::Date(mv.clone())))?;
        let (old, new) = (parse_date(Field::Date, old)?, parse_date(Field::Date, new)?);
        let mut moved = false;
        for s in proposal.groups.iter_mut().flat_map(|g| g.slots.iter_mut()) {
            if s.date == Some(old) {
                s.date = Some(new);
                moved = true;
            }
        }
        if !moved {
            return Err(Error::NotFound {
                what: samverkan::error::Entity::Meeting,
                query: old.to_string(),
            });
        }
    }
    if !a.apply {
        return out.done(&proposal, &proposal_text(&proposal, out.lang, None));
    }
    let planned: Vec<PlannedMeeting> = proposal
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
    let created = reg.apply_plan(a.year, &planned, Utc::now())?;
    out.done(
        &created,
        &proposal_text(&proposal, out.lang, Some(&created)),
    )
}

pub fn meeting(reg: &mut Register, cmd: MeetingCmd, out: &Out) -> Result<(), Error> {
    let lang = out.lang;
    match cmd {
        MeetingCmd::Add {
            group,
            fields,
            extra,
        } => {
            let group_id = reg.find_group(&group)?;
            let draft = MeetingDraft {
                group_id,
                date: fields
                    .date
                    .ok_or_else(|| Error::invalid(Field::Date, Invalid::Empty))?,
                start: fields.start,
                end: fields.end,
                place: fields.place,
                online_link: fields.link,
                agenda: fields.agenda,
                extra,
                status: None,
            };
            let m = reg.add_meeting(&draft, Utc::now())?;
            warn_day(reg, &m, lang)?;
            out.done(&m, &meetings_text(std::slice::from_ref(&m), lang))
        }
        MeetingCmd::List { group, year } => {
            let group = group.map(|g| reg.find_group(&g)).transpose()?;
            let ms = reg.meetings(group, year)?;
            out.done(&ms, &meetings_text(&ms, lang))
        }
        MeetingCmd::Show { id } => {
            let a = reg.attendance(id)?;
            out.done(&a, &attendance_text(&a, lang))
        }
        MeetingCmd::Edit { id, fields, status } => {
            let old = reg.meeting(id)?;
            let mut d = MeetingDraft::from(&old);
            if let Some(x) = fields.date {
                d.date = x;
            }
            if let Some(x) = fields.start {
                d.start = Some(x);
            }
            if let Some(x) = fields.end {
                d.end = Some(x);
            }
            d.place = merge(d.place.take(), fields.place);
            d.online_link = merge(d.online_link.take(), fields.link);
            d.agenda = merge(d.agenda.take(), fields.agenda);
            if let Some(s) = status {
                let s: MeetingStatus = s.parse()?;
                if s == MeetingStatus::Cancelled {
                    let m = reg.cancel_meeting(id, Utc::now())?;
                    return out.done(&m, &meetings_text(std::slice::from_ref(&m), lang));
                }
                d.status = Some(s);
            }
            let m = reg.edit_meeting(id, &d, Utc::now())?;
            if m.date != old.date {
                warn_day(reg, &m, lang)?;
            }
            out.done(&m, &meetings_text(std::slice::from_ref(&m), lang))
        }
        MeetingCmd::Cancel { id } => {
            let m = reg.cancel_meeting(id, Utc::now())?;
            out.done(&m, &meetings_text(std::slice::from_ref(&m), lang))
        }
        MeetingCmd::Settings {
            group,
            weekdays,
            start,
            end,
            place,
            link,
        } => {
            let group_id = reg.find_group(&group)?;
            let mut s = reg.plan_settings(group_id)?;
            let changed = weekdays.is_some()
                || start.is_some()
                || end.is_some()
                || place.is_some()
                || link.is_some();
            if let Some(w) = weekdays {
                s.weekdays = parse_weekdays(&w)?;
            }
            if let Some(x) = start {
                s.start = x;
            }
            if let Some(x) = end {
                s.end = x;
            }
            s.place = merge(s.place.take(), place);
            s.online_link = merge(s.online_link.take(), link);
            if changed {
                s = reg.set_plan_settings(&s)?;
            }
            let days: Vec<String> = s.weekdays.iter().map(u8::to_string).collect();
            let text = format!(
                "{}: {}\n{}: {}–{}\n{}: {}\n{}: {}",
                lang.pick("Veckodagar (1 = måndag)", "Weekdays (1 = Monday)"),
                days.join(","),
                lang.pick("Tid", "Time"),
                s.start,
                s.end,
                lang.pick("Plats", "Place"),
                s.place.clone().unwrap_or_else(|| "–".into()),
                lang.pick("Möteslänk", "Online link"),
                s.online_link.clone().unwrap_or_else(|| "–".into()),
            );
            out.done(&s, &text)
        }
        MeetingCmd::Organiser { name, email } => coordinator(
            reg,
            CoordinatorArgs {
                name,
                email,
                ..CoordinatorArgs::default()
            },
            out,
        ),
        MeetingCmd::Holidays { year, group } => {
            let group = group.map(|g| reg.find_group(&g)).transpose()?;
            let days = reg.forbidden_days(year, group, lang)?;
            let text: Vec<String> = days
                .iter()
                .filter(|d| {
                    !matches!(
                        d.reason,
                        samverkan::schedule::plan::Forbidden::July
                            | samverkan::schedule::plan::Forbidden::ChristmasBreak
                    )
                })
                .map(|d| format!("{} {}  {}", d.date, weekday_sv(d.date, lang), d.text))
                .collect();
            let mut text = text.join("\n");
            text.push_str(lang.pick(
                "\nDessutom hela juli och 20 december–6 januari.",
                "\nBesides, all of July and 20 December–6 January.",
            ));
            out.done(&days, &text)
        }
    }
}

/// Says on standard error (so `--json` output stays one value) when a meeting was saved on a
/// day the planner avoids: a warning, the meeting is saved.
fn warn_day(reg: &Register, m: &Meeting, lang: Lang) -> Result<(), Error> {
    if let Some(w) = reg.meeting_day_warning(m.group_id, m.date, lang)? {
        let _ = writeln!(
            std::io::stderr(),
            "samverkan: {} {}",
            lang.pick("Varning:", "Warning:"),
            w.text
        );
    }
    Ok(())
}

pub fn blackout(reg: &mut Register, cmd: BlackoutCmd, out: &Out) -> Result<(), Error> {
    let lang = out.lang;
    let list_text = |bs: &[samverkan::model::Blackout]| {
        if bs.is_empty() {
            return lang
                .pick("Inga spärrade perioder.", "No blocked periods.")
                .to_owned();
        }
        let mut t = table(&[
            "Id",
            lang.pick("Från", "From"),
            lang.pick("Till", "To"),
            lang.pick("Benämning", "Label"),
            lang.pick("Grupp", "Group"),
        ]);
        for b in bs {
            t.add_row(vec![
                b.id.to_string(),
                b.from.to_string(),
                b.to.to_string(),
                b.label.clone(),
                b.group_id
                    .map(|g| g.to_string())
                    .unwrap_or_else(|| lang.pick("alla", "all").into()),
            ]);
        }
        t.to_string()
    };
    match cmd {
        BlackoutCmd::Add {
            from,
            to,
            label,
            group,
        } => {
            let group_id = group.map(|g| reg.find_group(&g)).transpose()?;
            let b = reg.add_blackout(&BlackoutDraft {
                group_id,
                from,
                to,
                label,
            })?;
            out.done(&b, &list_text(std::slice::from_ref(&b)))
        }
        BlackoutCmd::List => {
            let bs = reg.blackouts()?;
            out.done(&bs, &list_text(&bs))
        }
        BlackoutCmd::Remove { id } => {
            let b = reg.remove_blackout(id)?;
            out.done(
                &b,
                lang.pick("Perioden är borttagen.", "The period was removed."),
            )
        }
    }
}

pub fn attend(reg: &mut Register, a: AttendArgs, out: &Out) -> Result<(), Error> {
    let person = reg.find_person(&a.person)?;
    let status: AttendanceStatus = a.status.parse()?;
    let for_id = a.for_person.map(|p| reg.find_person(&p)).transpose()?;
    let r = reg.set_attendance(a.meeting, person, status, for_id)?;
    out.done(&r, &attendance_text(&r, out.lang))
}

pub fn calendar(reg: &mut Register, a: CalendarArgs, out: &Out) -> Result<(), Error> {
    let q = CalendarQuery {
        group_id: a.group.map(|g| reg.find_group(&g)).transpose()?,
        year: a.year,
        person_id: a.person.map(|p| reg.find_person(&p)).transpose()?,
        include_protected: a.include_protected,
    };
    let r = reg.export_calendar(&q, &a.out, out.lang, Utc::now())?;
    let text = format!(
        "{} {} {}",
        r.items,
        out.lang.pick("möten skrivna till", "meetings written to"),
        r.file
    );
    out.done(&r, &text)
}

pub fn roster(reg: &mut Register, a: RosterArgs, out: &Out, today: NaiveDate) -> Result<(), Error> {
    let group = reg.find_group(&a.group)?;
    let format: RosterFormat = a.format.parse()?;
    let include = people(reg, &a.include_protected)?;
    let r = reg.export_roster(
        group,
        a.meeting,
        format,
        &a.out,
        &include,
        today,
        out.lang,
        Utc::now(),
    )?;
    out.done(&r, &rows_written(&r, out.lang))
}

pub fn attendance_list(reg: &mut Register, a: AttendanceListArgs, out: &Out) -> Result<(), Error> {
    let include = people(reg, &a.include_protected)?;
    let r = reg.export_attendance_list(a.meeting, &a.out, &include, out.lang, Utc::now())?;
    out.done(&r, &rows_written(&r, out.lang))
}

/// "N rader skrivna till FILE", and how many protected people were left out.
fn rows_written(r: &ExportOutcome, lang: Lang) -> String {
    let mut text = format!(
        "{} {} {}",
        r.items,
        lang.pick("rader skrivna till", "rows written to"),
        r.file
    );
    text.push_str(&left_out_note(r.protected_left_out, lang));
    text
}

/// A line saying how many people with protected personal data were left out (or nothing).
fn left_out_note(n: usize, lang: Lang) -> String {
    if n == 0 {
        return String::new();
    }
    match (lang, n) {
        (Lang::Sv, 1) => "\n1 person med skyddade personuppgifter är utelämnad.".to_owned(),
        (Lang::Sv, n) => format!("\n{n} personer med skyddade personuppgifter är utelämnade."),
        (Lang::En, 1) => "\n1 person with protected personal data is left out.".to_owned(),
        (Lang::En, n) => format!("\n{n} people with protected personal data are left out."),
    }
}

pub fn mailing_list(
    reg: &mut Register,
    a: MailingListArgs,
    out: &Out,
    today: NaiveDate,
) -> Result<(), Error> {
    let group = reg.find_group(&a.group)?;
    let include = people(reg, &a.include_protected)?;
    let l = reg.mailing_list(group, a.meeting, &include, today, out.lang, Utc::now())?;
    let mut text = format!("{}\n{}", l.bcc, l.mailto_batches.join("\n"));
    if !l.without_email.is_empty() {
        text.push_str(&format!(
            "\n{}: {}",
            out.lang.pick("Saknar e-post", "No e-mail"),
            l.without_email.join(", ")
        ));
    }
    text.push_str(&left_out_note(l.protected_left_out, out.lang));
    out.done(&l, &text)
}
