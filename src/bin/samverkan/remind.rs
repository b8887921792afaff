//! The reminders command: `remind` lists the letters due to organisations' principals (seats
//! empty, or terms ending within the period) and when each was last written; `--out DIR`
//! writes them (an e-mail draft and a printed letter each); `--set-within DAYS` sets the
//! register's reminder period.

use std::path::PathBuf;

use chrono::{NaiveDate, Utc};
use clap::Args;
use samverkan::export::reminder::seat_line;
use samverkan::register::{PageRequest, ReminderRequest, Reminders};
use samverkan::{Error, Lang, Register};

use crate::print::Out;

#[derive(Debug, Args)]
pub struct RemindArgs {
    /// How far ahead to look for terms ending, in days (default: the register's setting, 60
    /// unless set).
    #[arg(long, value_name = "DAYS", conflicts_with = "set_within")]
    pub within: Option<u32>,
    /// Write the letters into this folder (created if missing): an e-mail draft (.eml) to each
    /// principal with an address, and the printed letter (PDF).
    #[arg(long, value_name = "DIR", conflicts_with = "set_within")]
    pub out: Option<PathBuf>,
    /// Write the seats reminded within the period too.
    #[arg(long, requires = "out")]
    pub again: bool,
    /// Name this person with protected data in this one batch (repeatable).
    #[arg(long = "include-protected", value_name = "PERSON")]
    pub include_protected: Vec<String>,
    /// Set the register's reminder period, in days.
    #[arg(long, value_name = "DAYS")]
    pub set_within: Option<u32>,
}

fn list_text(r: &Reminders, lang: Lang) -> String {
    let mut out = format!(
        "{} {} {}. {}: {}, {}: {}",
        lang.pick("Påminnelseperiod", "Reminder period"),
        r.within_days,
        lang.pick("dagar", "days"),
        lang.pick("Att skicka", "Due"),
        r.due,
        lang.pick("nyss skickade", "recently sent"),
        r.recent
    );
    for l in &r.letters.rows {
        let last = match l.last_sent {
            Some(d) => format!("{} {d}", lang.pick("senast skickad", "last sent")),
            None => lang.pick("aldrig skickad", "never sent").to_owned(),
        };
        let to = match (&l.principal, &l.email) {
            (Some(p), Some(e)) => format!("{p} <{e}>"),
            (None, Some(e)) => e.clone(),
            (Some(p), None) => format!("{p} ({})", lang.pick("ingen e-post", "no e-mail")),
            (None, None) => lang.pick("ingen e-post", "no e-mail").to_owned(),
        };
        out.push_str(&format!(
            "\n\n{}{}, {} – {to} ({last})",
            if l.due { "" } else { "· " },
            l.organisation_name,
            l.group_name
        ));
        for s in &l.seats {
            out.push_str(&format!("\n  {}", seat_line(s, lang)));
        }
    }
    if r.letters.total as usize > r.letters.rows.len() {
        out.push_str(&format!(
            "\n\n… {} {}",
            r.letters.total as usize - r.letters.rows.len(),
            lang.pick("till", "more")
        ));
    }
    if r.open_seats > 0 {
        out.push_str(&format!(
            "\n\n{}: {}",
            lang.pick(
                "Tomma öppna platser (ingen uppdragsgivare att skriva till)",
                "Empty open seats (no principal to write to)"
            ),
            r.open_seats
        ));
    }
    if !r.left_out.is_empty() {
        out.push_str(&format!(
            "\n{}: {}",
            lang.pick(
                "Utelämnade (skyddade personuppgifter)",
                "Left out (protected personal data)"
            ),
            r.left_out.len()
        ));
    }
    out
}

pub fn remind(reg: &mut Register, a: RemindArgs, out: &Out, today: NaiveDate) -> Result<(), Error> {
    let lang = out.lang;
    if let Some(days) = a.set_within {
        let days = reg.set_reminder_days(days)?;
        #[derive(serde::Serialize)]
        struct Set {
            within_days: u32,
        }
        return out.done(
            &Set { within_days: days },
            &format!(
                "{} {days} {}.",
                lang.pick("Påminnelseperioden är nu", "The reminder period is now"),
                lang.pick("dagar", "days")
            ),
        );
    }
    let include = a
        .include_protected
        .iter()
        .map(|n| reg.find_person(n))
        .collect::<Result<Vec<_>, _>>()?;
    let Some(dir) = a.out else {
        let r = reg.reminders(
            today,
            a.within,
            &include,
            PageRequest::first(samverkan::register::MAX_PAGE_ROWS),
        )?;
        return out.done(&r, &list_text(&r, lang));
    };
    let req = ReminderRequest {
        within_days: a.within,
        again: a.again,
        include,
    };
    let r = reg.write_reminders(&dir, &req, today, lang, Utc::now())?;
    let mut text = format!(
        "{} {} {}.",
        lang.pick("Skrev", "Wrote"),
        r.written.len(),
        lang.pick("påminnelser", "reminders")
    );
    for w in &r.written {
        text.push_str(&format!(
            "\n{}, {}: {}",
            w.organisation_name, w.group_name, w.pdf
        ));
        match (&w.eml, &w.to) {
            (Some(eml), Some(to)) => text.push_str(&format!("\n  {to}: {eml}")),
            _ => text.push_str(lang.pick(
                "\n  ingen e-post: skriv ut brevet",
                "\n  no e-mail: print the letter",
            )),
        }
    }
    if r.skipped > 0 {
        text.push_str(&format!(
            "\n{} {} ({} --again {})",
            r.skipped,
            lang.pick(
                "redan påminda inom perioden",
                "already reminded within the period"
            ),
            lang.pick("skriv", "write"),
            lang.pick("för att skicka ändå", "to send them anyway")
        ));
    }
    out.done(&r, &text)
}
