//! The minutes commands: `minutes MEETING` shows a meeting's minutes (items with notes and
//! decisions, the attendance as recorded, who took and checked them, where they stand); with
//! `--item N --notes T --decisions T` one item's minutes are written, `--taker`/`--checker`
//! name the people, `--checked` records the check, and `--out FILE.pdf [--eml FILE.eml]`
//! writes the PDF and the e-mail draft to everyone invited.

use std::path::PathBuf;

use chrono::Utc;
use clap::Args;
use samverkan::export::minutes::MinutesStatus;
use samverkan::mail::Recipients;
use samverkan::model::Id;
use samverkan::register::{InvitationRequest, Minutes, MinutesItemDraft, MinutesPeople};
use samverkan::{Error, Lang, Register};

use crate::print::Out;

#[derive(Debug, Args)]
pub struct MinutesArgs {
    /// The meeting's id (see `meeting list`).
    pub meeting: Id,
    /// The agenda item (its position, 1 for the first) whose notes or decisions to write.
    #[arg(long, value_name = "N")]
    pub item: Option<u32>,
    /// The item's notes (an empty value clears them).
    #[arg(long, requires = "item")]
    pub notes: Option<String>,
    /// The item's decisions (an empty value clears them).
    #[arg(long, requires = "item")]
    pub decisions: Option<String>,
    /// Who took the notes (a person of the register; an empty value clears it).
    #[arg(long, value_name = "PERSON")]
    pub taker: Option<String>,
    /// Who checks the minutes (justerare; an empty value clears it).
    #[arg(long, value_name = "PERSON")]
    pub checker: Option<String>,
    /// Record that the checker has checked the minutes.
    #[arg(long)]
    pub checked: bool,
    /// Write the minutes as PDF here.
    #[arg(long, value_name = "FILE.pdf")]
    pub out: Option<PathBuf>,
    /// Write an e-mail draft with the PDF attached to everyone invited here.
    #[arg(long, value_name = "FILE.eml", requires = "out")]
    pub eml: Option<PathBuf>,
    /// Include this person with protected data in these minutes (repeatable).
    #[arg(long = "include-protected", value_name = "PERSON")]
    pub include_protected: Vec<String>,
    /// Address the invited openly in To (default: Bcc).
    #[arg(long)]
    pub to: bool,
}

fn status(s: MinutesStatus, lang: Lang) -> &'static str {
    match s {
        MinutesStatus::NotStarted => lang.pick("inte påbörjade", "not started"),
        MinutesStatus::Drafted => lang.pick("utkast", "drafted"),
        MinutesStatus::Checked => lang.pick("justerade", "checked"),
        MinutesStatus::Sent => lang.pick("skickade", "sent"),
    }
}

fn text(m: &Minutes, lang: Lang) -> String {
    let mut out = format!(
        "{}: {}",
        lang.pick("Minnesanteckningar", "Minutes"),
        status(m.status, lang)
    );
    for (label, at) in [
        (lang.pick("skrivna", "drafted"), &m.drafted_at),
        (lang.pick("justerade", "checked"), &m.checked_at),
        (lang.pick("skickade", "sent"), &m.sent_at),
    ] {
        if let Some(at) = at {
            out.push_str(&format!(" · {label} {at}"));
        }
    }
    let who = |p: &Option<samverkan::register::MinutesPerson>| {
        p.as_ref().map_or("–".to_owned(), |p| p.name.clone())
    };
    out.push_str(&format!(
        "\n{}: {} · {}: {}",
        lang.pick("Antecknat av", "Notes by"),
        who(&m.taker),
        lang.pick("Justerare", "Checker"),
        who(&m.checker)
    ));
    for i in &m.items {
        out.push_str(&format!(
            "\n\n{}. {} ({}–{})",
            i.position, i.title, i.start, i.end
        ));
        if let Some(n) = &i.notes {
            out.push_str(&format!("\n{n}"));
        }
        if let Some(d) = &i.decisions {
            out.push_str(&format!("\n{}: {d}", lang.pick("Beslut", "Decision")));
        }
    }
    out
}

pub fn minutes(reg: &mut Register, a: MinutesArgs, out: &Out) -> Result<(), Error> {
    let now = Utc::now();
    let include = a
        .include_protected
        .iter()
        .map(|n| reg.find_person(n))
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(position) = a.item {
        let current = reg.minutes(a.meeting, &[])?;
        let old = current.items.iter().find(|i| i.position == position);
        let draft = MinutesItemDraft {
            notes: a.notes.or_else(|| old.and_then(|o| o.notes.clone())),
            decisions: a
                .decisions
                .or_else(|| old.and_then(|o| o.decisions.clone())),
        };
        reg.set_minutes_item(a.meeting, position, &draft, now)?;
    }
    if a.taker.is_some() || a.checker.is_some() {
        let current = reg.minutes(a.meeting, &[])?;
        let pick = |reg: &Register, given: Option<String>, old: Option<Id>| match given {
            None => Ok(old),
            Some(s) if s.trim().is_empty() => Ok(None),
            Some(s) => reg.find_person(&s).map(Some),
        };
        let people = MinutesPeople {
            taker_id: pick(reg, a.taker, current.taker.map(|p| p.person_id))?,
            checker_id: pick(reg, a.checker, current.checker.map(|p| p.person_id))?,
        };
        reg.set_minutes_people(a.meeting, &people, now)?;
    }
    if a.checked {
        reg.check_minutes(a.meeting, now)?;
    }
    if let Some(pdf) = &a.out {
        let req = InvitationRequest {
            include: include.clone(),
            recipients: if a.to {
                Recipients::To
            } else {
                Recipients::Bcc
            },
        };
        let r = reg.write_minutes(a.meeting, Some(pdf), a.eml.as_deref(), &req, out.lang, now)?;
        let mut t = format!("PDF: {}", r.pdf.clone().unwrap_or_default());
        if let Some(e) = &r.eml {
            t.push_str(&format!(
                "\n{} {e} ({} {})",
                out.t("E-postutkast:", "E-mail draft:"),
                r.recipients,
                out.t("adresser", "addresses")
            ));
        }
        return out.done(&r, &t);
    }
    let m = reg.minutes(a.meeting, &include)?;
    out.done(&m, &text(&m, out.lang))
}
