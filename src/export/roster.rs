//! A roster: who serves in a group on a day (organisation, role, name, title, e-mail, phone),
//! with people with protected personal data left out unless included for this one export;
//! and the mailing list built from it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::lang::Lang;
use crate::model::{Id, Role};

/// The format of a roster file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RosterFormat {
    Csv,
    Xlsx,
    Pdf,
}

impl std::str::FromStr for RosterFormat {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<RosterFormat, crate::Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "csv" => Ok(RosterFormat::Csv),
            "xlsx" | "excel" => Ok(RosterFormat::Xlsx),
            "pdf" => Ok(RosterFormat::Pdf),
            _ => Err(crate::Error::invalid(
                crate::error::Field::Format,
                crate::error::Invalid::UnknownValue(s.to_owned()),
            )),
        }
    }
}

/// One line of a roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RosterRow {
    pub person_id: Id,
    pub organisation: String,
    pub role: Role,
    pub name: String,
    pub title: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub protected: bool,
}

/// A group's roster on a day (a meeting's day, or today).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Roster {
    pub group_id: Id,
    pub group_name: String,
    pub day: NaiveDate,
    pub meeting_id: Option<Id>,
    pub rows: Vec<RosterRow>,
    /// People with protected personal data who serve but are left out of this roster.
    pub protected_left_out: usize,
    /// Who they are (id and name), so that the coordinator can choose to include one of them
    /// for one export. Never written to a file.
    pub left_out: Vec<LeftOut>,
}

/// A person with protected personal data left out of a roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LeftOut {
    pub person_id: Id,
    pub name: String,
}

impl Roster {
    /// The column headings, in the user's language.
    pub fn headers(lang: Lang) -> [&'static str; 6] {
        [
            lang.pick("Organisation", "Organisation"),
            lang.pick("Roll", "Role"),
            lang.pick("Namn", "Name"),
            lang.pick("Titel", "Title"),
            lang.pick("E-post", "E-mail"),
            lang.pick("Telefon", "Phone"),
        ]
    }

    /// Each row as six text cells.
    pub fn cells(&self, lang: Lang) -> impl Iterator<Item = [String; 6]> + '_ {
        self.rows.iter().map(move |r| {
            [
                r.organisation.clone(),
                r.role.label(lang).to_owned(),
                r.name.clone(),
                r.title.clone().unwrap_or_default(),
                r.email.clone().unwrap_or_default(),
                r.phone.clone().unwrap_or_default(),
            ]
        })
    }

    pub fn people(&self) -> Vec<Id> {
        let mut ids: Vec<Id> = self.rows.iter().map(|r| r.person_id).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

/// A mailing list: addresses for Outlook's BCC field and a `mailto:` link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MailingList {
    pub group_name: String,
    pub addresses: Vec<String>,
    /// The addresses joined by "; ", ready to paste into BCC.
    pub bcc: String,
    /// `mailto:?bcc=…` with the addresses: the first of `mailto_batches`.
    pub mailto: String,
    /// The addresses as `mailto:` links each shorter than [`MAX_MAILTO_CHARS`] (Outlook and
    /// Windows cut a longer link off around 2,000 characters): one link when all fit, else
    /// numbered batches in roster order that together hold every address.
    pub mailto_batches: Vec<String>,
    /// People in the roster without an e-mail address.
    pub without_email: Vec<String>,
    pub protected_left_out: usize,
    pub people: Vec<Id>,
}

/// A `mailto:` link is kept shorter than this many characters.
pub const MAX_MAILTO_CHARS: usize = 2000;

/// The `mailto:?bcc=` links of the addresses, each shorter than [`MAX_MAILTO_CHARS`]. An
/// address is at most 254 characters, 762 encoded, so each fits in a link of its own.
fn mailto_batches(addresses: &[String]) -> Vec<String> {
    const HEAD: &str = "mailto:?bcc=";
    let mut batches = Vec::new();
    let mut current = String::from(HEAD);
    for a in addresses {
        let encoded = mailto_encode(a);
        let extra = encoded.len() + usize::from(current.len() > HEAD.len());
        if current.len() > HEAD.len() && current.len() + extra >= MAX_MAILTO_CHARS {
            batches.push(std::mem::replace(&mut current, String::from(HEAD)));
        }
        if current.len() > HEAD.len() {
            current.push(',');
        }
        current.push_str(&encoded);
    }
    batches.push(current);
    batches
}

/// Percent-encodes what an address may hold that a `mailto:` query value may not.
fn mailto_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"@.-_~!$'()*+:".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl MailingList {
    /// The mailing list of a roster: each address once (compared without case), in roster
    /// order, only people who have one.
    pub fn from_roster(roster: &Roster) -> MailingList {
        let mut addresses: Vec<String> = Vec::new();
        let mut people = Vec::new();
        let mut without_email = Vec::new();
        for r in &roster.rows {
            match r.email.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
                Some(e) => {
                    people.push(r.person_id);
                    if !addresses.iter().any(|a| a.eq_ignore_ascii_case(e)) {
                        addresses.push(e.to_owned());
                    }
                }
                None => without_email.push(r.name.clone()),
            }
        }
        people.sort_unstable();
        people.dedup();
        let bcc = addresses.join("; ");
        let mailto_batches = mailto_batches(&addresses);
        MailingList {
            group_name: roster.group_name.clone(),
            mailto: mailto_batches.first().cloned().unwrap_or_default(),
            mailto_batches,
            addresses,
            bcc,
            without_email,
            protected_left_out: roster.protected_left_out,
            people,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(links: &[String]) -> Vec<String> {
        links
            .iter()
            .flat_map(|l| {
                l.strip_prefix("mailto:?bcc=")
                    .unwrap_or_default()
                    .split(',')
                    .map(|a| a.replace("%2B", "+").replace("%26", "&"))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn a_short_list_is_one_link() {
        let a = vec!["anna@falun.se".to_owned(), "erik@falun.se".to_owned()];
        assert_eq!(
            mailto_batches(&a),
            vec!["mailto:?bcc=anna@falun.se,erik@falun.se".to_owned()]
        );
    }

    #[test]
    fn a_long_list_is_split_into_links_under_the_limit_that_hold_every_address_in_order() {
        // The county group: 60 people with long public-sector addresses, some needing encoding.
        let addresses: Vec<String> = (0..60)
            .map(|i| {
                format!("forvaltningens.representant+nr{i}&mvk@socialforvaltningen.kommun{i}.se")
            })
            .collect();
        let links = mailto_batches(&addresses);
        assert!(links.len() > 1, "{} characters in one", links[0].len());
        for l in &links {
            assert!(l.len() < MAX_MAILTO_CHARS, "{} characters", l.len());
            assert!(l.starts_with("mailto:?bcc=") && !l.ends_with(','));
        }
        assert_eq!(decoded(&links), addresses);
        // The longest address the register takes, 254 characters, fits a link of its own.
        let long = vec![format!("{}@{}.se", "a".repeat(64), "b".repeat(186)); 3];
        let links = mailto_batches(&long);
        assert!(links.iter().all(|l| l.len() < MAX_MAILTO_CHARS));
        assert_eq!(decoded(&links), long);
    }
}
