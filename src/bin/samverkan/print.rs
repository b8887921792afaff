//! Printing results: JSON for scripts, readable tables in the user's language for people.

use std::io::Write;

use chrono::NaiveDate;
use comfy_table::{Table, presets};
use samverkan::error::Internal;
use samverkan::model::{
    AppointOutcome, Appointment, AppointmentStatus, Group, InternalContact, Organisation, Person,
};
use samverkan::register::{
    Coverage, ExportEntry, FirstSteps, GroupDetail, GroupSummary, OrgDetail, PersonDetail,
    SeatView, Vacancy, VacancyKind,
};
use samverkan::{Error, Lang, RegisterInfo};
use serde::Serialize;

#[derive(Debug)]
pub struct Out {
    pub json: bool,
    pub lang: Lang,
}

pub(crate) fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING)
        .set_header(header.iter().map(|h| h.to_string()));
    t
}

fn opt(s: Option<&str>) -> String {
    s.unwrap_or("–").to_owned()
}

fn write(text: &str) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth reporting.
    let _ = writeln!(out, "{text}");
    Ok(())
}

impl Out {
    pub(crate) fn t<'a>(&self, sv: &'a str, en: &'a str) -> &'a str {
        self.lang.pick(sv, en)
    }

    pub(crate) fn emit<T: Serialize + ?Sized>(
        &self,
        value: &T,
        text: impl FnOnce() -> String,
    ) -> Result<(), Error> {
        if self.json {
            let s = serde_json::to_string_pretty(value)
                .map_err(|e| Error::internal(Internal::Json, e))?;
            write(&s)
        } else {
            write(text().trim_end())
        }
    }

    fn protected_mark(&self, protected: bool) -> &'static str {
        if protected {
            self.lang.pick(" [skyddad]", " [protected]")
        } else {
            ""
        }
    }

    fn period(&self, a: &Appointment) -> String {
        let end = a
            .ended_on
            .or(a.to)
            .map(|d| d.to_string())
            .unwrap_or_default();
        format!("{} – {}", a.from, end)
    }

    fn status(&self, a: &Appointment, today: NaiveDate) -> &'static str {
        match a.status(today) {
            AppointmentStatus::Upcoming => self.lang.pick("kommande", "upcoming"),
            AppointmentStatus::Active => self.lang.pick("pågår", "active"),
            AppointmentStatus::TermExpired => {
                self.lang.pick("mandattiden har gått ut", "term expired")
            }
            AppointmentStatus::Ended => self.lang.pick("avslutat", "ended"),
        }
    }

    pub fn done<T: Serialize>(&self, value: &T, message: &str) -> Result<(), Error> {
        self.emit(value, || message.to_owned())
    }

    pub fn info(&self, i: &RegisterInfo, steps: &FirstSteps) -> Result<(), Error> {
        #[derive(serde::Serialize)]
        struct Info<'a> {
            #[serde(flatten)]
            info: &'a RegisterInfo,
            first_steps: &'a FirstSteps,
        }
        let value = Info {
            info: i,
            first_steps: steps,
        };
        self.emit(&value, || {
            let mut text = format!(
                "{}: {}\n{}: {}\n{}: {}  {}: {}  {}: {}  {}: {}",
                self.t("Register", "Register"),
                i.path,
                self.t("Nätverk", "Network"),
                opt(i.network_name.as_deref()),
                self.t("Organisationer", "Organisations"),
                i.organisations,
                self.t("Personer", "People"),
                i.people,
                self.t("Grupper", "Groups"),
                i.groups,
                self.t("Uppdrag", "Appointments"),
                i.appointments
            );
            if steps.done() < 4 {
                let mark = |done: bool| if done { "[x]" } else { "[ ]" };
                text.push_str(&format!(
                    "\n{} ({} {} 4):\n  {} {}\n  {} {}\n  {} {}\n  {} {}",
                    self.t("Kom igång", "Getting started"),
                    steps.done(),
                    self.t("av", "of"),
                    mark(steps.own_details),
                    self.t(
                        "Dina egna uppgifter (coordinator --name --email)",
                        "Your own details (coordinator --name --email)"
                    ),
                    mark(steps.people),
                    self.t(
                        "Representanterna (import, person add, appoint)",
                        "The representatives (import, person add, appoint)"
                    ),
                    mark(steps.forms_printed),
                    self.t("Uppdragsblanketterna (forms)", "The mandate forms (forms)"),
                    mark(steps.meetings_planned),
                    self.t(
                        "Årets möten (plan --apply)",
                        "The year's meetings (plan --apply)"
                    ),
                ));
            }
            text
        })
    }

    pub fn orgs(&self, orgs: &[Organisation]) -> Result<(), Error> {
        self.emit(orgs, || {
            let mut t = table(&[
                "Id",
                self.t("Namn", "Name"),
                self.t("Typ", "Kind"),
                self.t("Org.nr", "Org. no."),
                self.t("Aktiv", "Active"),
            ]);
            for o in orgs {
                t.add_row(vec![
                    o.id.to_string(),
                    o.name.to_string(),
                    o.kind.label(self.lang).to_owned(),
                    opt(o.org_number.as_ref().map(|n| n.as_str())),
                    if o.active {
                        self.t("ja", "yes")
                    } else {
                        self.t("nej", "no")
                    }
                    .to_owned(),
                ]);
            }
            format!(
                "{t}\n{} {}",
                orgs.len(),
                self.t("organisationer", "organisations")
            )
        })
    }

    pub fn org_detail(&self, d: &OrgDetail) -> Result<(), Error> {
        self.emit(d, || {
            let o = &d.organisation;
            let mut s = format!("{} [{}] – {}\n", o.name, o.id, o.kind.label(self.lang));
            let line = |s: &mut String, label: &str, v: Option<String>| {
                if let Some(v) = v {
                    s.push_str(&format!("  {label}: {v}\n"));
                }
            };
            line(
                &mut s,
                self.t("Kortnamn", "Short name"),
                o.short_name.clone(),
            );
            line(
                &mut s,
                self.t("Organisationsnummer", "Organisation number"),
                o.org_number.as_ref().map(|n| n.as_str().into()),
            );
            line(
                &mut s,
                self.t("Postadress", "Postal address"),
                o.postal_address.clone(),
            );
            line(
                &mut s,
                self.t("E-post", "E-mail"),
                o.email.as_ref().map(|e| e.as_str().into()),
            );
            line(
                &mut s,
                self.t("Telefon", "Phone"),
                o.phone.as_ref().map(|p| p.display()),
            );
            line(&mut s, self.t("Anteckningar", "Notes"), o.notes.clone());
            if !o.active {
                s.push_str(&format!("  {}\n", self.t("Inaktiv", "Inactive")));
            }
            if let Some(p) = &o.principal {
                let extra = [
                    p.title.clone(),
                    p.email.as_ref().map(|e| e.as_str().to_owned()),
                    p.phone.as_ref().map(|x| x.display()),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
                line(
                    &mut s,
                    self.t("Uppdragsgivare", "Principal"),
                    Some(format!(
                        "{} {}",
                        p.name,
                        if extra.is_empty() {
                            String::new()
                        } else {
                            format!("({extra})")
                        }
                    )),
                );
            }
            if let Some(g) = &o.local_group {
                let contact = g
                    .contact
                    .as_ref()
                    .map(|c| format!(" ({c})"))
                    .unwrap_or_default();
                line(
                    &mut s,
                    self.t("Lokal samverkansgrupp", "Local group"),
                    Some(format!("{}{contact}", g.name)),
                );
            }
            for c in &d.contacts {
                let email = c
                    .email
                    .as_ref()
                    .map(|e| format!(", {}", e.as_str()))
                    .unwrap_or_default();
                line(
                    &mut s,
                    self.t("Intern kontakt", "Internal contact"),
                    Some(format!("{}: {}{email} [{}]", c.function, c.name, c.id)),
                );
            }
            for g in &d.groups {
                s.push_str(&format!("\n{}\n", g.group_name));
                let who = |a: &Option<Appointment>| match a {
                    Some(a) => format!(
                        "{}{} ({})",
                        a.person_name,
                        self.protected_mark(a.person_protected),
                        self.period(a)
                    ),
                    None => self.t("saknas", "missing").to_owned(),
                };
                s.push_str(&format!(
                    "  {}: {}\n",
                    self.t("Representant", "Representative"),
                    who(&g.representative)
                ));
                s.push_str(&format!(
                    "  {}: {}\n",
                    self.t("Ersättare", "Substitute"),
                    who(&g.substitute)
                ));
                for a in &g.others {
                    s.push_str(&format!(
                        "  {}: {}{}\n",
                        a.role.label(self.lang),
                        a.person_name,
                        self.protected_mark(a.person_protected)
                    ));
                }
                let past: Vec<&Appointment> =
                    g.history.iter().filter(|a| a.ended_on.is_some()).collect();
                if !past.is_empty() {
                    s.push_str(&format!("  {}:\n", self.t("Tidigare", "Earlier")));
                    for a in past {
                        s.push_str(&format!(
                            "    {} {}, {}\n",
                            a.role.label(self.lang),
                            a.person_name,
                            self.period(a)
                        ));
                    }
                }
            }
            s
        })
    }

    pub fn contacts(&self, cs: &[InternalContact]) -> Result<(), Error> {
        self.emit(cs, || {
            let mut t = table(&[
                "Id",
                self.t("Funktion", "Function"),
                self.t("Namn", "Name"),
                self.t("E-post", "E-mail"),
                self.t("Telefon", "Phone"),
                self.t("Skyddad", "Protected"),
            ]);
            for c in cs {
                t.add_row(vec![
                    c.id.to_string(),
                    c.function.to_string(),
                    c.name.to_string(),
                    opt(c.email.as_ref().map(|e| e.as_str())),
                    c.phone
                        .as_ref()
                        .map(|p| p.display())
                        .unwrap_or_else(|| "–".into()),
                    if c.protected {
                        self.t("ja", "yes")
                    } else {
                        self.t("nej", "no")
                    }
                    .to_owned(),
                ]);
            }
            t.to_string()
        })
    }

    pub fn people(&self, ps: &[Person]) -> Result<(), Error> {
        self.emit(ps, || {
            let mut t = table(&[
                "Id",
                self.t("Namn", "Name"),
                self.t("Titel", "Title"),
                self.t("Organisation", "Organisation"),
                self.t("E-post", "E-mail"),
            ]);
            for p in ps {
                t.add_row(vec![
                    p.id.to_string(),
                    format!("{}{}", p.name, self.protected_mark(p.protected)),
                    opt(p.title.as_deref()),
                    p.organisation_name.clone(),
                    opt(p.email.as_ref().map(|e| e.as_str())),
                ]);
            }
            format!("{t}\n{} {}", ps.len(), self.t("personer", "people"))
        })
    }

    pub fn person_detail(&self, d: &PersonDetail) -> Result<(), Error> {
        self.emit(d, || {
            let p = &d.person;
            let mut s = format!(
                "{}{} [{}]\n",
                p.name,
                self.protected_mark(p.protected),
                p.id
            );
            s.push_str(&format!(
                "  {}: {}\n",
                self.t("Organisation", "Organisation"),
                p.organisation_name
            ));
            for (label, v) in [
                (self.t("Titel", "Title"), p.title.clone()),
                (
                    self.t("E-post", "E-mail"),
                    p.email.as_ref().map(|e| e.as_str().to_owned()),
                ),
                (
                    self.t("Telefon", "Phone"),
                    p.phone.as_ref().map(|x| x.display()),
                ),
                (self.t("Anteckningar", "Notes"), p.notes.clone()),
            ] {
                if let Some(v) = v {
                    s.push_str(&format!("  {label}: {v}\n"));
                }
            }
            if !d.appointments.is_empty() {
                s.push_str(&format!("{}:\n", self.t("Uppdrag", "Appointments")));
                for a in &d.appointments {
                    s.push_str(&format!(
                        "  {} – {}, {} ({})\n",
                        a.group_name,
                        a.role.label(self.lang),
                        a.organisation_name,
                        self.period(a)
                    ));
                }
            }
            s
        })
    }

    pub fn groups(&self, gs: &[GroupSummary]) -> Result<(), Error> {
        self.emit(gs, || {
            let mut t = table(&[
                "Id",
                self.t("Namn", "Name"),
                self.t("Typ", "Kind"),
                self.t("Möten/år", "Meetings/yr"),
                self.t("Regel", "Rule"),
                self.t("Organisationer", "Organisations"),
                self.t("I tjänst", "Serving"),
            ]);
            for g in gs {
                t.add_row(vec![
                    g.group.id.to_string(),
                    g.group.name.to_string(),
                    g.group.kind.label(self.lang).to_owned(),
                    g.group.meetings_per_year.to_string(),
                    if g.group.one_per_org {
                        self.t("1 rep. + 1 ers.", "1 rep. + 1 sub.")
                    } else {
                        "–"
                    }
                    .to_owned(),
                    g.seats.to_string(),
                    g.serving.to_string(),
                ]);
            }
            t.to_string()
        })
    }

    pub fn group_detail(&self, d: &GroupDetail, today: NaiveDate) -> Result<(), Error> {
        self.emit(d, || {
            let g = &d.group;
            let mut s = format!(
                "{} [{}] – {}, {} {}{}\n",
                g.name,
                g.id,
                g.kind.label(self.lang),
                g.meetings_per_year,
                self.t("möten per år", "meetings a year"),
                if g.one_per_org {
                    self.t(
                        ", en representant och en ersättare per organisation",
                        ", one representative and one substitute per organisation",
                    )
                } else {
                    ""
                }
            );
            if let Some(desc) = &g.description {
                s.push_str(&format!("{desc}\n"));
            }
            if g.free_membership {
                s.push_str(self.t(
                    "Fritt medlemskap: inga platser.\n",
                    "Free membership: no seats.\n",
                ));
                let serving: Vec<Appointment> = d
                    .history
                    .iter()
                    .filter(|a| a.serves_on(today) || a.from > today)
                    .cloned()
                    .collect();
                s.push_str(&self.appointments_text(&serving, today));
            } else {
                s.push_str(&self.seats_text(&d.seats, today));
            }
            s
        })
    }

    /// A group's seats on `day`: `group seats`.
    pub fn seats(&self, g: &Group, seats: &[SeatView], day: NaiveDate) -> Result<(), Error> {
        self.emit(seats, || {
            format!("{} [{}]\n{}", g.name, g.id, self.seats_text(seats, day))
        })
    }

    fn seats_text(&self, seats: &[SeatView], day: NaiveDate) -> String {
        let mut t = table(&[
            self.t("Plats", "Seat"),
            self.t("Roll", "Role"),
            self.t("För", "For"),
            self.t("Innehavare", "Holder"),
            self.t("Status", "Status"),
            self.t("Efterträdare", "Successor"),
        ]);
        let mut empty = 0;
        for v in seats {
            let holder = match &v.holder {
                Some(a) => format!(
                    "{}{}{}",
                    a.person_name,
                    self.protected_mark(a.person_protected),
                    if v.seat.is_open() {
                        format!(" ({})", a.organisation_name)
                    } else {
                        String::new()
                    }
                ),
                None => {
                    empty += 1;
                    self.t("– tom –", "– empty –").to_owned()
                }
            };
            t.add_row(vec![
                v.seat.id.to_string(),
                v.seat.role.label(self.lang).to_owned(),
                v.seat.describe(self.lang),
                holder,
                v.holder
                    .as_ref()
                    .map(|a| self.status(a, day).to_owned())
                    .unwrap_or_default(),
                v.successor
                    .as_ref()
                    .map(|a| format!("{} {}: {}", self.t("från", "from"), a.from, a.person_name))
                    .unwrap_or_default(),
            ]);
        }
        format!(
            "{t}\n{} {}, {} {}",
            seats.len(),
            self.t("platser", "seats"),
            empty,
            self.t("tomma", "empty")
        )
    }

    pub fn appointed(&self, o: &AppointOutcome) -> Result<(), Error> {
        self.emit(o, || {
            let a = &o.appointment;
            let mut s = format!(
                "{}: {} – {} {} {}, {}.",
                self.t("Utsedd", "Appointed"),
                a.person_name,
                a.role.label(self.lang),
                self.t("för", "for"),
                a.organisation_name,
                a.group_name
            );
            s.push_str(&format!(" {} {}.", self.t("Från", "From"), a.from));
            if let Some(r) = &o.replaced {
                let last = r.ended_on.map(|d| d.to_string()).unwrap_or_default();
                s.push_str(&format!(
                    "\n{}: {} ({} {last}).",
                    self.t("Ersätter", "Replaces"),
                    r.person_name,
                    self.t("sista dag", "last day")
                ));
            }
            s
        })
    }

    pub fn appointments(&self, list: &[Appointment], today: NaiveDate) -> Result<(), Error> {
        self.emit(list, || self.appointments_text(list, today))
    }

    fn appointments_text(&self, list: &[Appointment], today: NaiveDate) -> String {
        {
            let mut t = table(&[
                "Id",
                self.t("Person", "Person"),
                self.t("Grupp", "Group"),
                self.t("Roll", "Role"),
                self.t("Organisation", "Organisation"),
                self.t("Period", "Period"),
                self.t("Status", "Status"),
            ]);
            for a in list {
                t.add_row(vec![
                    a.id.to_string(),
                    format!(
                        "{}{}",
                        a.person_name,
                        self.protected_mark(a.person_protected)
                    ),
                    a.group_name.clone(),
                    a.role.label(self.lang).to_owned(),
                    a.organisation_name.clone(),
                    self.period(a),
                    self.status(a, today).to_owned(),
                ]);
            }
            t.to_string()
        }
    }

    pub fn exports(&self, items: &[ExportEntry]) -> Result<(), Error> {
        self.emit(items, || {
            if items.is_empty() {
                return self
                    .t("Inga exporter är registrerade.", "No exports are recorded.")
                    .to_owned();
            }
            let mut t = table(&[
                self.t("Tid (UTC)", "Time (UTC)"),
                self.t("Användare", "User"),
                self.t("Vad", "What"),
                self.t("Personer", "People"),
                self.t("Skyddade med", "Protected incl."),
                self.t("Fil", "File"),
            ]);
            for e in items {
                t.add_row(vec![
                    e.at.clone(),
                    e.os_user.clone(),
                    e.description.clone(),
                    e.people.to_string(),
                    if e.protected_included {
                        self.t("ja", "yes")
                    } else {
                        ""
                    }
                    .to_owned(),
                    e.file
                        .clone()
                        .unwrap_or_else(|| self.t("(urklipp)", "(clipboard)").to_owned()),
                ]);
            }
            t.to_string()
        })
    }

    pub fn vacancies(&self, items: &[Vacancy], today: NaiveDate) -> Result<(), Error> {
        self.emit(items, || {
            if items.is_empty() {
                return self
                    .t(
                        "Inga vakanser och inga mandattider som går ut.",
                        "No vacancies and no terms ending.",
                    )
                    .to_owned();
            }
            let mut t = table(&[
                self.t("Grupp", "Group"),
                self.t("Organisation", "Organisation"),
                self.t("Vad", "What"),
                self.t("Person", "Person"),
                self.t("Datum", "Date"),
            ]);
            for v in items {
                let what = match v.kind {
                    VacancyKind::MissingRepresentative => {
                        self.t("saknar representant", "no representative")
                    }
                    VacancyKind::MissingSubstitute => self.t("saknar ersättare", "no substitute"),
                    VacancyKind::EmptySeat => self.t("tom plats", "empty seat"),
                    VacancyKind::TermExpired => self.t("mandattiden har gått ut", "term expired"),
                    VacancyKind::TermEnding => self.t("mandattiden går ut", "term ending"),
                };
                let (mut person, date) = match &v.appointment {
                    Some(a) => (
                        format!("{} ({})", a.person_name, a.role.label(self.lang)),
                        a.to.map(|d| d.to_string()).unwrap_or_default(),
                    ),
                    None => (
                        v.seat
                            .as_ref()
                            .map(|s| s.role.label(self.lang).to_owned())
                            .unwrap_or_default(),
                        String::new(),
                    ),
                };
                if let Some(next) = &v.successor {
                    person.push_str(&format!(
                        "; {} {}: {}",
                        self.t("från", "from"),
                        next.from,
                        next.person_name
                    ));
                }
                let whom = match (&v.organisation_name, &v.seat) {
                    (Some(o), _) => o.clone(),
                    (None, Some(seat)) => seat.describe(self.lang),
                    (None, None) => String::new(),
                };
                t.add_row(vec![
                    v.group_name.clone(),
                    whom,
                    what.to_owned(),
                    person,
                    date,
                ]);
            }
            let _ = today;
            format!(
                "{t}\n{} {}",
                items.len(),
                self.t("att åtgärda", "to act on")
            )
        })
    }

    pub fn coverage(&self, c: &Coverage) -> Result<(), Error> {
        self.emit(c, || {
            let mut header = vec![self.t("Organisation", "Organisation").to_owned()];
            header.extend(c.groups.iter().map(|g| g.name.to_string()));
            let mut t = Table::new();
            t.load_preset(presets::NOTHING).set_header(header);
            for r in &c.rows {
                let mut row = vec![r.organisation_name.clone()];
                for (cell, g) in r.cells.iter().zip(&c.groups) {
                    let mark = |x: &Option<String>| if x.is_some() { "✓" } else { "·" };
                    row.push(
                        if !cell.seated
                            && cell.representative.is_none()
                            && cell.substitute.is_none()
                            && cell.others == 0
                        {
                            String::new()
                        } else if g.one_per_org
                            || cell.representative.is_some()
                            || cell.substitute.is_some()
                        {
                            format!(
                                "R{} E{}",
                                mark(&cell.representative),
                                mark(&cell.substitute)
                            )
                        } else if cell.vacant > 0 {
                            "·".to_owned()
                        } else {
                            "✓".to_owned()
                        },
                    );
                }
                t.add_row(row);
            }
            format!(
                "{t}\n{}",
                self.t(
                    "R = representant, E = ersättare, ✓ = finns, · = saknas (övriga grupper: organisationens platser)",
                    "R = representative, E = substitute, ✓ = present, · = missing (other groups: the organisation's seats)"
                )
            )
        })
    }
}
