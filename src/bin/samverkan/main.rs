//! The `samverkan` command line: argument parsing and printing only; every operation is a core
//! function. Exit 0 on success, 2 for anything the user can fix, 1 for internal errors.

#![forbid(unsafe_code)]

mod agenda;
mod args;
mod forms;
mod invite;
mod meetings;
mod minutes;
mod print;
mod remind;
mod report;
mod safety;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Parser;
use samverkan::error::{Field, Internal, Invalid};
use samverkan::model::date::parse_date;
use samverkan::model::{
    AppointRequest, ContactDraft, GroupDraft, LocalGroupDraft, OrgDraft, PersonDraft,
    PrincipalDraft, Role, SeatDraft,
};
use samverkan::register::{OrgQuery, PersonQuery};
use samverkan::{Error, ErrorBody, ErrorCode, Lang, Register, Template};

use args::{Cli, Command, ContactCmd, GroupCmd, OrgCmd, OrgFieldsArgs, PersonCmd, SeatCmd};
use print::Out;

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        eprintln!("samverkan: internt fel: {info}");
    }));
    // Arguments as the OS gives them: a path need not be UTF-8 (`--db`, `--out`); text values
    // that are not are refused by clap below, never a panic.
    let raw: Vec<OsString> = std::env::args_os().collect();
    let text: Vec<String> = raw
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let json = text.iter().any(|a| a == "--json");
    let lang = lang_from(&text);
    let cli = match Cli::try_parse_from(&raw) {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::{ContextKind, ErrorKind};
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            if e.kind() == ErrorKind::InvalidUtf8 {
                let argument = e
                    .get(ContextKind::InvalidArg)
                    .map(|a| a.to_string())
                    .unwrap_or_else(|| not_text(&raw));
                report(&Error::NotText { argument }.body(lang), json, None);
                return ExitCode::from(2);
            }
            let message = e.render().to_string();
            let first = message
                .lines()
                .next()
                .unwrap_or("")
                .trim_start_matches("error: ")
                .to_owned();
            report(
                &ErrorBody {
                    code: ErrorCode::Invalid,
                    message: first,
                    field: None,
                },
                json,
                Some(&message),
            );
            return ExitCode::from(2);
        }
    };
    match run(cli, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            report(&e.body(lang), json, None);
            ExitCode::from(if e.is_user_error() { 2 } else { 1 })
        }
    }
}

/// The first argument that is not UTF-8, as people can read it (with the option it follows).
fn not_text(raw: &[OsString]) -> String {
    let Some(i) = raw.iter().position(|a| a.to_str().is_none()) else {
        return String::new();
    };
    let shown = format!("”{}”", raw[i].to_string_lossy());
    match i.checked_sub(1).and_then(|p| raw[p].to_str()) {
        Some(flag) if flag.starts_with("--") => format!("{flag} {shown}"),
        _ => shown,
    }
}

/// `--lang` wins (when it names a language; `run` refuses one that does not); otherwise `LANG` (English when it starts with "en"); otherwise Swedish.
fn lang_from(raw: &[String]) -> Lang {
    let flag = raw
        .iter()
        .position(|a| a == "--lang")
        .and_then(|i| raw.get(i + 1))
        .cloned()
        .or_else(|| {
            raw.iter()
                .find_map(|a| a.strip_prefix("--lang=").map(str::to_owned))
        });
    match flag.and_then(|tag| Lang::parse_tag(&tag)) {
        Some(lang) => lang,
        None => std::env::var("LANG")
            .map(|l| Lang::from_tag(&l))
            .unwrap_or_default(),
    }
}

fn report(body: &ErrorBody, json: bool, detail: Option<&str>) {
    if json {
        let line = serde_json::to_string(body).unwrap_or_default();
        let _ = writeln!(std::io::stdout(), "{line}");
    }
    let _ = writeln!(std::io::stderr(), "samverkan: {}", body.message);
    if let Some(d) = detail.filter(|_| !json) {
        let rest: Vec<&str> = d.lines().skip(1).filter(|l| !l.trim().is_empty()).collect();
        if !rest.is_empty() {
            let _ = writeln!(std::io::stderr(), "{}", rest.join("\n"));
        }
    }
}

fn db_path(cli: &Cli) -> Result<PathBuf, Error> {
    if let Some(p) = &cli.db {
        return Ok(p.clone());
    }
    let env = std::env::var_os("SAMVERKAN_DB");
    samverkan::default_path(env.as_deref()).ok_or_else(|| {
        Error::internal(
            Internal::NoDataFolder,
            "dirs::data_dir names no folder (is HOME set?)",
        )
    })
}

fn date_or(s: Option<&str>, field: Field, default: NaiveDate) -> Result<NaiveDate, Error> {
    s.map_or(Ok(default), |s| parse_date(field, s))
}

/// An option that may clear a field: an empty string means "clear".
fn merge(current: Option<String>, given: Option<String>) -> Option<String> {
    match given {
        None => current,
        Some(s) if s.trim().is_empty() => None,
        Some(s) => Some(s),
    }
}

fn apply_org_fields(d: &mut OrgDraft, f: OrgFieldsArgs) -> Result<(), Error> {
    if let Some(k) = f.kind {
        d.kind = k.parse()?;
    }
    d.short_name = merge(d.short_name.take(), f.short_name);
    d.org_number = merge(d.org_number.take(), f.number);
    d.email = merge(d.email.take(), f.email);
    d.phone = merge(d.phone.take(), f.phone);
    d.postal_address = merge(d.postal_address.take(), f.address);
    d.notes = merge(d.notes.take(), f.notes);
    Ok(())
}

fn run(cli: Cli, lang: Lang) -> Result<(), Error> {
    if let Some(tag) = cli.lang.as_deref().filter(|t| Lang::parse_tag(t).is_none()) {
        return Err(Error::invalid(
            Field::Language,
            samverkan::error::Invalid::UnknownValue(tag.to_owned()),
        ));
    }
    let path = db_path(&cli)?;
    let today = date_or(
        cli.today.as_deref(),
        Field::Date,
        chrono::Local::now().date_naive(),
    )?;
    let out = Out {
        json: cli.json,
        lang,
    };
    if let Command::Init { template } = &cli.command {
        let t = Template::by_name(template)?;
        let reg = Register::create(&path, &t)?;
        return out.info(&reg.info()?, &reg.first_steps(today)?);
    }
    if let Command::Safety(cmd) = &cli.command
        && let Some(result) = safety::before_open(&path, cmd, &out)
    {
        return result;
    }
    // Only `init` creates a register: a mistyped --db must not leave folders and a new register.
    if std::fs::symlink_metadata(&path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
        return Err(Error::NoRegister { path });
    }
    let mut reg = Register::open(&path)?;
    if let Some(e) = reg.backup_warning() {
        let _ = writeln!(
            std::io::stderr(),
            "samverkan: {} {}",
            lang.pick(
                "Varning: den dagliga säkerhetskopian kunde inte göras (nästa start försöker igen):",
                "Warning: the daily backup could not be made (the next start tries again):",
            ),
            e.message(lang)
        );
    }
    match cli.command {
        // Handled above, before a register is opened.
        Command::Init { .. } => out.info(&reg.info()?, &reg.first_steps(today)?),
        Command::Info => out.info(&reg.info()?, &reg.first_steps(today)?),
        Command::Org(cmd) => org(&mut reg, cmd, &out, today),
        Command::Principal {
            org,
            name,
            title,
            email,
            phone,
            clear,
        } => {
            let id = reg.find_org(&org)?;
            let draft = if clear {
                PrincipalDraft::default()
            } else {
                let name = name.ok_or(Error::invalid(
                    Field::PrincipalName,
                    samverkan::error::Invalid::Empty,
                ))?;
                PrincipalDraft {
                    name,
                    title,
                    email,
                    phone,
                }
            };
            let o = reg.set_principal(id, &draft)?;
            out.org_detail(&reg.org_detail(o.id, today)?)
        }
        Command::LocalGroup {
            org,
            name,
            contact,
            clear,
        } => {
            let id = reg.find_org(&org)?;
            let draft = if clear {
                LocalGroupDraft::default()
            } else {
                let name = name.ok_or(Error::invalid(
                    Field::LocalGroup,
                    samverkan::error::Invalid::Empty,
                ))?;
                LocalGroupDraft { name, contact }
            };
            let o = reg.set_local_group(id, &draft)?;
            out.org_detail(&reg.org_detail(o.id, today)?)
        }
        Command::Contact(cmd) => match cmd {
            ContactCmd::Add {
                org,
                function,
                name,
                email,
                phone,
                protected,
            } => {
                let id = reg.find_org(&org)?;
                let c = reg.add_contact(
                    id,
                    &ContactDraft {
                        function,
                        name,
                        email,
                        phone,
                        protected,
                    },
                )?;
                out.contacts(std::slice::from_ref(&c))
            }
            ContactCmd::List { org } => {
                let id = reg.find_org(&org)?;
                out.contacts(&reg.org_detail(id, today)?.contacts)
            }
            ContactCmd::Remove { id } => {
                let c = reg.remove_contact(id)?;
                out.done(
                    &c,
                    lang.pick("Kontakten är borttagen.", "The contact was removed."),
                )
            }
        },
        Command::Person(cmd) => person(&mut reg, cmd, &out),
        Command::Group(cmd) => group(&mut reg, cmd, &out, today),
        Command::Appoint {
            person,
            group,
            role,
            seat,
            for_org,
            from,
            to,
            replace,
            new,
            title,
            email,
            phone,
        } => {
            let seat = seat.map(|s| reg.seat(s)).transpose()?;
            let group_id = match (&group, &seat) {
                (Some(g), _) => reg.find_group(g)?,
                (None, Some(s)) => s.group_id,
                (None, None) => return Err(Error::invalid(Field::Seat, Invalid::Empty)),
            };
            let role: Role = match (&role, &seat) {
                (Some(r), _) => r.parse()?,
                (None, Some(s)) => s.role,
                (None, None) => return Err(Error::invalid(Field::Role, Invalid::Empty)),
            };
            let organisation_id = match (for_org, &seat) {
                (Some(o), _) => Some(reg.find_org(&o)?),
                (None, Some(s)) => s.organisation_id,
                (None, None) => None,
            };
            let mut req = AppointRequest {
                person_id: 0,
                group_id,
                role,
                seat_id: seat.map(|s| s.id),
                organisation_id,
                from: date_or(from.as_deref(), Field::From, today)?,
                to: to.map(|t| parse_date(Field::To, &t)).transpose()?,
                replace,
            };
            if new {
                let Some(org) = organisation_id else {
                    return Err(Error::invalid(Field::Organisation, Invalid::Empty));
                };
                let draft = PersonDraft {
                    name: person,
                    title,
                    organisation_id: org,
                    email,
                    phone,
                    ..PersonDraft::default()
                };
                out.appointed(&reg.appoint_new_person(&draft, &req)?)
            } else {
                req.person_id = reg.find_person(&person)?;
                out.appointed(&reg.appoint(&req)?)
            }
        }
        Command::Unappoint {
            person,
            group,
            role,
            on,
        } => {
            let person_id = reg.find_person(&person)?;
            let group_id = reg.find_group(&group)?;
            let role: Option<Role> = role.map(|r| r.parse()).transpose()?;
            let last_day = date_or(on.as_deref(), Field::Date, today)?;
            out.appointments(&reg.unappoint(person_id, group_id, role, last_day)?, today)
        }
        Command::Withdraw {
            appointment,
            reason,
        } => {
            let a = reg.withdraw_appointment(
                appointment,
                &reason,
                &samverkan::register::os_user(),
                chrono::Utc::now(),
            )?;
            out.done(
                &a,
                lang.pick(
                    "Uppdraget är tillbakadraget; det finns kvar i ändringsloggen.",
                    "The appointment was withdrawn; the change log keeps it.",
                ),
            )
        }
        Command::Seat(cmd) => seat(&mut reg, cmd, &out, today),
        Command::Vacancies { group, within } => {
            let group = group.map(|g| reg.find_group(&g)).transpose()?;
            out.vacancies(&reg.vacancies(today, within, group)?, today)
        }
        Command::Coverage => out.coverage(&reg.coverage(today)?),
        Command::Report(a) => report::run(&mut reg, a, &out, today),
        Command::ReportText(a) => report::texts(&mut reg, a, &out),
        Command::ReportWording(a) => report::wording(&mut reg, a, &out),
        Command::Exports { since } => {
            let since = since
                .map(|d| date_or(Some(&d), Field::Date, today))
                .transpose()?;
            out.exports(&reg.exports(since)?)
        }
        Command::Form(cmd) => forms::run(&mut reg, cmd, &out, today),
        Command::Plan(a) => meetings::plan(&mut reg, a, &out),
        Command::Coordinator(a) => meetings::coordinator(&mut reg, a, &out),
        Command::Meeting(cmd) => meetings::meeting(&mut reg, cmd, &out),
        Command::Blackout(cmd) => meetings::blackout(&mut reg, cmd, &out),
        Command::Agenda(a) => agenda::run(&mut reg, a, &out),
        Command::Invite(a) => invite::invite(&mut reg, a, &out),
        Command::MailWording(a) => invite::mail_wording(&mut reg, a, &out),
        Command::Minutes(a) => minutes::minutes(&mut reg, a, &out),
        Command::Remind(a) => remind::remind(&mut reg, a, &out, today),
        Command::Attend(a) => meetings::attend(&mut reg, a, &out),
        Command::Calendar(a) => meetings::calendar(&mut reg, a, &out),
        Command::Roster(a) => meetings::roster(&mut reg, a, &out, today),
        Command::AttendanceList(a) => meetings::attendance_list(&mut reg, a, &out),
        Command::MailingList(a) => meetings::mailing_list(&mut reg, a, &out, today),
        Command::Safety(cmd) => safety::run(&mut reg, cmd, &out, today),
    }
}

fn org(reg: &mut Register, cmd: OrgCmd, out: &Out, today: NaiveDate) -> Result<(), Error> {
    match cmd {
        OrgCmd::List {
            group,
            kind,
            search,
        } => {
            let q = OrgQuery {
                group_id: group.map(|g| reg.find_group(&g)).transpose()?,
                kind: kind.map(|k| k.parse()).transpose()?,
                text: search,
            };
            out.orgs(&reg.orgs(&q)?)
        }
        OrgCmd::Add {
            name,
            fields,
            group,
        } => {
            let mut draft = OrgDraft {
                name,
                active: true,
                ..OrgDraft::default()
            };
            apply_org_fields(&mut draft, fields)?;
            let groups = group
                .iter()
                .map(|g| reg.find_group(g))
                .collect::<Result<Vec<_>, _>>()?;
            let o = reg.add_org(&draft, &groups)?;
            out.org_detail(&reg.org_detail(o.id, today)?)
        }
        OrgCmd::Show { org } => {
            let id = reg.find_org(&org)?;
            out.org_detail(&reg.org_detail(id, today)?)
        }
        OrgCmd::Edit {
            org,
            name,
            fields,
            active,
        } => {
            let id = reg.find_org(&org)?;
            let mut draft = OrgDraft::from(&reg.org(id)?);
            if let Some(n) = name {
                draft.name = n;
            }
            apply_org_fields(&mut draft, fields)?;
            if let Some(a) = active {
                draft.active = a;
            }
            reg.edit_org(id, &draft)?;
            out.org_detail(&reg.org_detail(id, today)?)
        }
        OrgCmd::Remove { org } => {
            let id = reg.find_org(&org)?;
            let o = reg.org(id)?;
            reg.remove_org(id)?;
            out.done(
                &o,
                out.lang.pick(
                    "Organisationen är borttagen.",
                    "The organisation was removed.",
                ),
            )
        }
        OrgCmd::Seat { org, group } => {
            let (o, g) = (reg.find_org(&org)?, reg.find_group(&group)?);
            reg.seat_org(g, o)?;
            out.org_detail(&reg.org_detail(o, today)?)
        }
        OrgCmd::Unseat { org, group } => {
            let (o, g) = (reg.find_org(&org)?, reg.find_group(&group)?);
            reg.unseat_org(g, o, today)?;
            out.org_detail(&reg.org_detail(o, today)?)
        }
    }
}

fn person(reg: &mut Register, cmd: PersonCmd, out: &Out) -> Result<(), Error> {
    match cmd {
        PersonCmd::Add {
            name,
            org,
            title,
            email,
            phone,
            protected,
            notes,
        } => {
            let draft = PersonDraft {
                name,
                title,
                organisation_id: reg.find_org(&org)?,
                email,
                phone,
                protected,
                notes,
            };
            let p = reg.add_person(&draft)?;
            out.person_detail(&reg.person_detail(p.id)?)
        }
        PersonCmd::List { org, search } => {
            let q = PersonQuery {
                organisation_id: org.map(|o| reg.find_org(&o)).transpose()?,
                text: search,
            };
            out.people(&reg.people(&q)?)
        }
        PersonCmd::Show { person } => {
            let id = reg.find_person(&person)?;
            out.person_detail(&reg.person_detail(id)?)
        }
        PersonCmd::Edit {
            person,
            name,
            org,
            title,
            email,
            phone,
            protected,
            notes,
        } => {
            let id = reg.find_person(&person)?;
            let mut d = PersonDraft::from(&reg.person(id)?);
            if let Some(n) = name {
                d.name = n;
            }
            if let Some(o) = org {
                d.organisation_id = reg.find_org(&o)?;
            }
            d.title = merge(d.title.take(), title);
            d.email = merge(d.email.take(), email);
            d.phone = merge(d.phone.take(), phone);
            d.notes = merge(d.notes.take(), notes);
            if let Some(p) = protected {
                d.protected = p;
            }
            reg.edit_person(id, &d)?;
            out.person_detail(&reg.person_detail(id)?)
        }
        PersonCmd::Remove { person } => {
            let id = reg.find_person(&person)?;
            let p = reg.person(id)?;
            reg.remove_person(id)?;
            out.done(
                &p,
                out.lang
                    .pick("Personen är borttagen.", "The person was removed."),
            )
        }
    }
}

fn seat(reg: &mut Register, cmd: SeatCmd, out: &Out, today: NaiveDate) -> Result<(), Error> {
    match cmd {
        SeatCmd::Add {
            group,
            role,
            org,
            kind,
            label,
            position,
        } => {
            let group_id = reg.find_group(&group)?;
            let draft = SeatDraft {
                role: role.parse()?,
                organisation_id: org.map(|o| reg.find_org(&o)).transpose()?,
                org_kind: kind.map(|k| k.parse()).transpose()?,
                label,
                position,
            };
            let seat = reg.add_seat(group_id, &draft)?;
            let seats = reg.group_seats(group_id, today)?;
            out.seats(&reg.group(group_id)?, &seats, today)?;
            let _ = seat;
            Ok(())
        }
        SeatCmd::Remove { seat } => {
            let s = reg.seat(seat)?;
            reg.remove_seat(seat, today)?;
            out.done(
                &s,
                out.lang
                    .pick("Platsen är borttagen.", "The seat was removed."),
            )
        }
    }
}

fn group(reg: &mut Register, cmd: GroupCmd, out: &Out, today: NaiveDate) -> Result<(), Error> {
    match cmd {
        GroupCmd::List => out.groups(&reg.groups(today)?),
        GroupCmd::Show { group } => {
            let id = reg.find_group(&group)?;
            out.group_detail(&reg.group_detail(id, today)?, today)
        }
        GroupCmd::Seats { group, on } => {
            let id = reg.find_group(&group)?;
            let day = date_or(on.as_deref(), Field::Date, today)?;
            out.seats(&reg.group(id)?, &reg.group_seats(id, day)?, day)
        }
        GroupCmd::Add {
            name,
            kind,
            per_year,
            one_per_org,
            free,
            description,
        } => {
            let draft = GroupDraft {
                name,
                kind: kind.parse()?,
                meetings_per_year: per_year,
                description,
                one_per_org,
                free_membership: free,
            };
            let g = reg.add_group(&draft)?;
            out.group_detail(&reg.group_detail(g.id, today)?, today)
        }
        GroupCmd::Edit {
            group,
            name,
            kind,
            per_year,
            one_per_org,
            free,
            description,
        } => {
            let id = reg.find_group(&group)?;
            let mut d = GroupDraft::from(&reg.group(id)?);
            if let Some(n) = name {
                d.name = n;
            }
            if let Some(k) = kind {
                d.kind = k.parse()?;
            }
            if let Some(n) = per_year {
                d.meetings_per_year = n;
            }
            if let Some(r) = one_per_org {
                d.one_per_org = r;
            }
            if let Some(f) = free {
                d.free_membership = f;
            }
            d.description = merge(d.description.take(), description);
            reg.edit_group(id, &d)?;
            out.group_detail(&reg.group_detail(id, today)?, today)
        }
        GroupCmd::Remove { group } => {
            let id = reg.find_group(&group)?;
            let g = reg.group(id)?;
            reg.remove_group(id)?;
            out.done(
                &g,
                out.lang
                    .pick("Gruppen är borttagen.", "The group was removed."),
            )
        }
    }
}
