//! What one mandate form says: everything the register knows about the organisation's seat
//! in the group, gathered before layout so that layout is a pure function of it.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::lang::Lang;
use crate::model::{Id, InternalContact, LocalGroup, Principal, Role};
use crate::pdf::Fonts;

use super::wording::{Wording, count_words};

/// A representative or substitute as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FormPerson {
    pub person_id: Id,
    pub appointment_id: Id,
    pub name: String,
    pub title: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub protected: bool,
    /// Left out of this document: the person has protected personal data and the document
    /// is not their own organisation's form, nor did the coordinator include them.
    pub withheld: bool,
}

/// One seat as printed: its role (and label), and its holder, or an empty line to fill in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FormSeat {
    pub role: Role,
    pub label: Option<String>,
    pub person: Option<FormPerson>,
}

/// Everything printed on one organisation's form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormData {
    pub lang: Lang,
    pub network: Option<String>,
    pub group_id: Id,
    pub group_name: String,
    pub group_description: Option<String>,
    pub meetings_per_year: u16,
    pub organisation_id: Id,
    pub organisation: String,
    pub org_number: Option<String>,
    /// The organisation's seats in the group, in the group's order, with their holders on the
    /// day the form is for.
    pub seats: Vec<FormSeat>,
    /// The first holder's term (the representative's, or the member's).
    pub term_from: Option<NaiveDate>,
    pub term_to: Option<NaiveDate>,
    pub principal: Option<Principal>,
    pub contacts: Vec<InternalContact>,
    pub local_group: Option<LocalGroup>,
    pub printed_on: NaiveDate,
    /// The wording's version number, printed in the footer.
    pub wording_version: Option<i64>,
}

impl FormData {
    fn holders(&self) -> impl Iterator<Item = &FormPerson> {
        self.seats.iter().filter_map(|s| s.person.as_ref())
    }

    /// The holder of the first seat of `role`, if any.
    pub fn holder(&self, role: Role) -> Option<&FormPerson> {
        self.seats
            .iter()
            .find(|s| s.role == role)
            .and_then(|s| s.person.as_ref())
    }

    /// The person the form is first of all for: the representative, else the first holder.
    pub fn principal_holder(&self) -> Option<&FormPerson> {
        self.holder(Role::Representative)
            .or_else(|| self.holders().find(|p| !p.withheld))
    }

    /// The people whose personal data the form carries (for the export log).
    pub fn people(&self) -> Vec<Id> {
        self.holders()
            .filter(|p| !p.withheld)
            .map(|p| p.person_id)
            .collect()
    }

    /// Whether a person with protected personal data is printed.
    pub fn carries_protected(&self) -> bool {
        self.holders().any(|p| p.protected && !p.withheld)
    }

    /// Leaves protected people out (for a combined file without the coordinator's consent).
    pub fn withhold_protected(&mut self) {
        for p in self.seats.iter_mut().filter_map(|s| s.person.as_mut()) {
            if p.protected {
                p.withheld = true;
            }
        }
    }

    /// The value of a wording placeholder.
    pub fn placeholder(&self, name: &str) -> Option<String> {
        let person =
            |p: &Option<FormPerson>| p.as_ref().filter(|p| !p.withheld).map(|p| p.name.clone());
        match name {
            "network" => self.network.clone(),
            "group" => Some(self.group_name.clone()),
            "group_description" => self.group_description.clone(),
            "organisation" => Some(self.organisation.clone()),
            "meetings_per_year" => Some(self.meetings_per_year.to_string()),
            "meetings_words" => Some(count_words(self.meetings_per_year, self.lang)),
            "representative" => person(&self.principal_holder().cloned()),
            "substitute" => person(&self.holder(Role::Substitute).cloned()),
            "principal" => self.principal.as_ref().map(|p| p.name.as_str().to_owned()),
            _ => None,
        }
    }

    /// Every value from the register printed on the form, with a label naming the field.
    pub fn values(&self) -> Vec<(String, String)> {
        let sv = self.lang == Lang::Sv;
        let l = |s: &str, e: &str| if sv { s.to_owned() } else { e.to_owned() };
        let mut out = vec![
            (
                l("gruppens namn", "the group's name"),
                self.group_name.clone(),
            ),
            (
                l("organisationens namn", "the organisation's name"),
                self.organisation.clone(),
            ),
        ];
        if let Some(n) = &self.network {
            out.push((l("nätverkets namn", "the network's name"), n.clone()));
        }
        if let Some(d) = &self.group_description {
            out.push((
                l("gruppens beskrivning", "the group's description"),
                d.clone(),
            ));
        }
        for seat in &self.seats {
            let Some(p) = seat.person.as_ref().filter(|p| !p.withheld) else {
                continue;
            };
            let role = match (self.lang, seat.role) {
                (Lang::Sv, Role::Representative) => "representantens".to_owned(),
                (Lang::Sv, Role::Substitute) => "ersättarens".to_owned(),
                (Lang::Sv, Role::Member) => "ledamotens".to_owned(),
                (Lang::Sv, Role::Chair) => "ordförandens".to_owned(),
                (Lang::Sv, Role::Convener) => "den sammankallandes".to_owned(),
                (Lang::En, r) => format!("the {}'s", r.label(Lang::En).to_lowercase()),
            };
            out.push((format!("{role} {}", l("namn", "name")), p.name.clone()));
            for (what, v) in [
                (l("titel", "title"), &p.title),
                (l("e-post", "e-mail"), &p.email),
                (l("telefon", "phone"), &p.phone),
            ] {
                if let Some(v) = v {
                    out.push((format!("{role} {what}"), v.clone()));
                }
            }
        }
        if let Some(p) = &self.principal {
            let role = l("uppdragsgivarens", "the principal's");
            out.push((
                format!("{role} {}", l("namn", "name")),
                p.name.as_str().to_owned(),
            ));
            if let Some(t) = &p.title {
                out.push((format!("{role} {}", l("titel", "title")), t.clone()));
            }
            if let Some(e) = &p.email {
                out.push((
                    format!("{role} {}", l("e-post", "e-mail")),
                    e.as_str().to_owned(),
                ));
            }
            if let Some(ph) = &p.phone {
                out.push((
                    format!("{role} {}", l("telefon", "phone")),
                    ph.as_str().to_owned(),
                ));
            }
        }
        for c in &self.contacts {
            let label = format!(
                "{} ”{}”",
                l("den interna kontakten", "the internal contact"),
                c.name
            );
            out.push((label.clone(), c.function.to_string()));
            out.push((label.clone(), c.name.as_str().to_owned()));
            if let Some(e) = &c.email {
                out.push((label.clone(), e.as_str().to_owned()));
            }
            if let Some(ph) = &c.phone {
                out.push((label, ph.as_str().to_owned()));
            }
        }
        if let Some(g) = &self.local_group {
            out.push((
                l(
                    "den lokala samverkansgruppen",
                    "the local collaboration group",
                ),
                g.name.as_str().to_owned(),
            ));
            if let Some(c) = &g.contact {
                out.push((
                    l(
                        "den lokala samverkansgruppens kontakt",
                        "the local group's contact",
                    ),
                    c.clone(),
                ));
            }
        }
        out
    }

    /// Refuses a form with a character the font cannot draw, naming the character and where
    /// it is (a register value or the wording).
    pub fn check_printable(&self, wording: &Wording, fonts: &Fonts) -> Result<(), crate::Error> {
        let values = self.values();
        let texts = wording.texts(self.lang);
        let all = values
            .iter()
            .map(|(l, v)| (l.as_str(), v.as_str()))
            .chain(texts.iter().map(|(l, v)| (l.as_str(), *v)));
        for (label, value) in all {
            if let Err(missing) = fonts.check(value) {
                return Err(crate::Error::Unprintable {
                    ch: missing.0,
                    field: label.to_owned(),
                });
            }
        }
        Ok(())
    }
}
