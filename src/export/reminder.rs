//! A reminder to an organisation's principal (uppdragsgivare) about its seats in a group that
//! stand empty or whose terms end soon: the seats in words for the e-mail and the letter, what
//! is asked, and the printed letter (PDF layout on the drawing list). Pure: no register, no
//! clock, no PDF library.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Error;
use crate::lang::Lang;
use crate::model::{Id, Role};
use crate::pdf::{DocInfo, Document, Flow, Fonts, PageSetup, Style, TitleBlock, page_label};

/// Why a seat is due for a reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReminderKind {
    /// Nobody holds the seat.
    Vacant,
    /// The holder's term ends within the reminder period.
    TermEnding,
    /// The holder's term has ended and nobody is decided to follow.
    TermExpired,
}

impl ReminderKind {
    /// The code stored in `reminder_sent.kind`.
    pub fn code(self) -> &'static str {
        match self {
            ReminderKind::Vacant => "vacant",
            ReminderKind::TermEnding => "term_ending",
            ReminderKind::TermExpired => "term_expired",
        }
    }
}

/// One seat a reminder is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ReminderSeat {
    /// The seat (`None` for a term in a group with free membership).
    pub seat_id: Option<Id>,
    /// The appointment whose term ends (`None` for an empty seat).
    pub appointment_id: Option<Id>,
    pub kind: ReminderKind,
    pub role: Role,
    /// What the seat is for, in the coordinator's words.
    pub label: Option<String>,
    /// Who holds it; `None` when empty, or when the holder has protected personal data and
    /// was not included for this one reminder (`withheld`).
    pub holder: Option<String>,
    pub holder_id: Option<Id>,
    /// The holder has protected personal data (named only when included).
    pub protected: bool,
    pub withheld: bool,
    /// The last day of the holder's term.
    pub until: Option<NaiveDate>,
    /// The day this seat (and term) was last reminded.
    pub last_sent: Option<NaiveDate>,
    /// Reminded within the reminder period: not written again unless asked.
    pub recent: bool,
}

/// A date in running text without its weekday: "15 januari 2027".
fn day_text(d: NaiveDate, lang: Lang) -> String {
    let long = lang.long_date(d);
    long.split_once(' ')
        .map_or(long.clone(), |(_, rest)| rest.to_owned())
}

/// The role (and label) of a seat as a heading: "Representant (Socialchef)".
fn role_text(s: &ReminderSeat, lang: Lang) -> String {
    match s.label.as_deref().filter(|l| !l.trim().is_empty()) {
        Some(l) => format!("{} ({l})", s.role.label(lang)),
        None => s.role.label(lang).to_owned(),
    }
}

/// One seat in words, one line: what the seat is, who holds it until when, what is asked.
pub fn seat_line(s: &ReminderSeat, lang: Lang) -> String {
    let role = role_text(s, lang);
    let who = s.holder.clone().unwrap_or_else(|| {
        lang.pick("nuvarande innehavare", "the current holder")
            .to_owned()
    });
    let until = s.until.map(|d| day_text(d, lang)).unwrap_or_default();
    match s.kind {
        ReminderKind::Vacant => match lang {
            Lang::Sv => format!("• {role}: platsen står tom. Utse någon till den."),
            Lang::En => format!("• {role}: the seat stands empty. Please name someone to it."),
        },
        ReminderKind::TermEnding => match lang {
            Lang::Sv => format!(
                "• {role}: {who}, mandatperioden slutar {until}. Bekräfta att uppdraget fortsätter, eller utse någon ny."
            ),
            Lang::En => format!(
                "• {role}: {who}, the term ends on {until}. Please confirm that the mandate continues, or name someone new."
            ),
        },
        ReminderKind::TermExpired => match lang {
            Lang::Sv => format!(
                "• {role}: {who}, mandatperioden slutade {until}. Bekräfta att uppdraget fortsätter, eller utse någon ny."
            ),
            Lang::En => format!(
                "• {role}: {who}, the term ended on {until}. Please confirm that the mandate continues, or name someone new."
            ),
        },
    }
}

/// The seats in words, one line each.
pub fn seats_text(seats: &[ReminderSeat], lang: Lang) -> String {
    seats
        .iter()
        .map(|s| seat_line(s, lang))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What the reminder asks of the principal, from the seats it is about.
pub fn asked_text(seats: &[ReminderSeat], lang: Lang) -> String {
    let empty = seats
        .iter()
        .filter(|s| s.kind == ReminderKind::Vacant)
        .count();
    let terms = seats.len() - empty;
    match (empty, terms, lang) {
        (0, _, Lang::Sv) => "Meddela mig om uppdraget fortsätter eller vem som tar över, gärna innan mandatperioden slutar.".into(),
        (0, _, Lang::En) => "Please let me know whether the mandate continues or who takes over, preferably before the term ends.".into(),
        (_, 0, Lang::Sv) => "Meddela mig vem organisationen utser, så att platsen inte står tom vid nästa möte.".into(),
        (_, 0, Lang::En) => "Please let me know whom the organisation names, so that the seat is not empty at the next meeting.".into(),
        (_, _, Lang::Sv) => "Meddela mig vem organisationen utser till de tomma platserna, och om uppdragen som slutar fortsätter eller vem som tar över.".into(),
        (_, _, Lang::En) => "Please let me know whom the organisation names to the empty seats, and whether the mandates that end continue or who takes over.".into(),
    }
}

/// Everything the printed letter shows.
#[derive(Debug, Clone)]
pub struct ReminderDoc<'a> {
    pub network: Option<&'a str>,
    pub group: &'a str,
    pub organisation: &'a str,
    /// The principal's name and title, those known.
    pub to: &'a [String],
    /// The letter's text: the reminder's wording filled (the same as the e-mail's body).
    pub body: &'a str,
    pub written_on: NaiveDate,
    pub lang: Lang,
}

fn texts<'a>(d: &'a ReminderDoc<'a>) -> Vec<(String, &'a str)> {
    let lang = d.lang;
    let mut out: Vec<(String, &str)> = vec![
        (lang.pick("Grupp", "Group").to_owned(), d.group),
        (
            lang.pick("Organisation", "Organisation").to_owned(),
            d.organisation,
        ),
        (
            lang.pick("Nätverkets namn", "Network name").to_owned(),
            d.network.unwrap_or(""),
        ),
        (
            lang.pick("Brevets text", "The letter's text").to_owned(),
            d.body,
        ),
    ];
    for t in d.to {
        out.push((lang.pick("Uppdragsgivare", "Principal").to_owned(), t));
    }
    out
}

/// Refuses, naming the character and where it is, a letter the font cannot draw.
pub fn check_printable(d: &ReminderDoc<'_>, fonts: &Fonts) -> Result<(), Error> {
    for (field, value) in texts(d) {
        if let Err(m) = fonts.check(value) {
            return Err(Error::Unprintable { ch: m.0, field });
        }
    }
    Ok(())
}

/// The document's title: "Påminnelse".
pub fn title(lang: Lang) -> &'static str {
    lang.pick("Påminnelse", "Reminder")
}

/// The printed letter: to the principal, about the organisation's seats in the group, its
/// text as the e-mail's (a line starting with "• " as a bulleted item).
pub fn layout(d: &ReminderDoc<'_>, fonts: &Fonts, created: DateTime<Utc>) -> Document {
    let lang = d.lang;
    let setup = PageSetup::a4();
    let mut flow = Flow::new(fonts, setup);
    let mut under = vec![d.group.to_owned()];
    if !d.to.is_empty() {
        under.push(format!("{}: {}", lang.pick("Till", "To"), d.to.join(", ")));
    }
    let corner = format!(
        "{} {}",
        lang.pick("Skriven", "Written"),
        d.written_on.format("%Y-%m-%d")
    );
    flow.title_block(&TitleBlock {
        kicker: lang.pick("PÅMINNELSE", "REMINDER"),
        corner: &corner,
        network: d.network,
        title: d.organisation,
        under: &under,
        under_size: 11.0,
    });
    flow.space(8.0);
    for line in d.body.lines() {
        if line.trim().is_empty() {
            flow.space(6.0);
        } else if let Some(item) = line.strip_prefix("• ") {
            flow.bullet(10.5, item);
        } else {
            flow.paragraph(Style::Regular, 10.5, 0.0, line);
        }
    }
    let head = format!("{} · {} · {}", title(lang), d.organisation, d.group);
    let footer = format!("{} · {} · {}", title(lang), d.group, d.written_on);
    let pages = flow.finish_with_heads(&[head.as_str(), title(lang)], &footer, page_label(lang));
    let info = DocInfo {
        title: format!("{} – {}, {}", title(lang), d.organisation, d.group),
        author: d.network.unwrap_or("").to_owned(),
        subject: lang
            .pick(
                "Platser att fylla eller bekräfta",
                "Seats to fill or confirm",
            )
            .to_owned(),
        created,
        lang,
    };
    Document::new(setup, info, pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seat(kind: ReminderKind, holder: Option<&str>) -> ReminderSeat {
        ReminderSeat {
            seat_id: Some(1),
            appointment_id: None,
            kind,
            role: Role::Representative,
            label: None,
            holder: holder.map(str::to_owned),
            holder_id: None,
            protected: false,
            withheld: false,
            until: NaiveDate::from_ymd_opt(2027, 1, 15),
            last_sent: None,
            recent: false,
        }
    }

    #[test]
    fn a_seat_says_what_it_is_who_holds_it_until_when_and_what_is_asked() {
        assert_eq!(
            seat_line(
                &seat(ReminderKind::TermEnding, Some("Anna Öberg")),
                Lang::Sv
            ),
            "• Representant: Anna Öberg, mandatperioden slutar 15 januari 2027. Bekräfta att uppdraget fortsätter, eller utse någon ny."
        );
        assert!(
            seat_line(&seat(ReminderKind::TermEnding, None), Lang::Sv)
                .contains("nuvarande innehavare")
        );
        assert_eq!(
            seat_line(&seat(ReminderKind::Vacant, None), Lang::En),
            "• Representative: the seat stands empty. Please name someone to it."
        );
    }
}
