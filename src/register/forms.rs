//! Mandate forms in the register: the wording's versions, printing one organisation's form
//! or a whole group's (one file each plus a combined file), and tracking which signed copies
//! came back. Every file written is recorded in the export log.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::{ExportKind, ExportRecord, OrgQuery, Register, log_time};
use crate::error::{Entity, Error, Internal, Stopped};
use crate::export::write_file;
use crate::forms::{FormData, FormPerson, FormSeat, Wording, WordingVersion, file_name, layout};
use crate::lang::Lang;
use crate::model::{Appointment, GroupKind, Id, Role, Seat};
use crate::pdf::{Document, fonts, to_pdf};
use crate::store;

/// Where a form stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FormState {
    /// No form printed yet.
    NotPrinted,
    /// Printed; the signed copy has not come back.
    Printed,
    /// The signed copy came back and still names who holds the seats.
    Signed,
    /// The representative, the substitute or the principal changed since the last form.
    NeedsNewSignature,
}

/// The form status of one organisation in one group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FormStatusRow {
    pub group_id: Id,
    pub group_name: String,
    pub organisation_id: Id,
    pub organisation_name: String,
    pub state: FormState,
    /// When the last form was printed (UTC, RFC 3339).
    pub printed_at: Option<String>,
    pub wording_version: Option<i64>,
    pub signed_on: Option<NaiveDate>,
    pub note: Option<String>,
    /// The form of the holders already decided to follow (a successor who starts later).
    pub coming: Option<ComingForm>,
}

/// The form of a coming holder: from when, and whether it was printed and signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ComingForm {
    pub from: NaiveDate,
    /// The people who hold the seats from then.
    pub names: Vec<String>,
    /// `not_printed`, `printed` or `signed`.
    pub state: FormState,
    pub printed_at: Option<String>,
    pub signed_on: Option<NaiveDate>,
}

/// Language, the day printed on the form and the moment recorded; `on`, the day whose holders
/// the form names when not today (a successor's form is printed before she starts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormOptions {
    pub lang: Lang,
    pub today: NaiveDate,
    pub now: DateTime<Utc>,
    pub on: Option<NaiveDate>,
}

impl FormOptions {
    /// The day whose holders the form names.
    pub fn day(&self) -> NaiveDate {
        self.on.unwrap_or(self.today)
    }
}

/// One form written to a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PrintedForm {
    pub organisation_id: Id,
    pub organisation_name: String,
    pub file: String,
    pub pages: usize,
    pub bytes: usize,
    pub people: usize,
    pub wording_version: i64,
}

/// One organisation's form laid out and rendered, with what its print record needs.
struct RenderedForm {
    org_id: Id,
    version: i64,
    data: FormData,
    doc: Document,
    bytes: Vec<u8>,
    holders: Holders,
}

impl RenderedForm {
    fn printed(&self, file: String) -> PrintedForm {
        PrintedForm {
            organisation_id: self.org_id,
            organisation_name: self.data.organisation.clone(),
            file,
            pages: self.doc.pages.len(),
            bytes: self.bytes.len(),
            people: self.data.people().len(),
            wording_version: self.version,
        }
    }
}

/// Checks, lays out and renders a form: pure, so that a batch runs it on several threads.
pub(super) fn typeset(
    data: &FormData,
    wording: &Wording,
    now: DateTime<Utc>,
) -> Result<(Document, Vec<u8>), Error> {
    let fonts = fonts()?;
    data.check_printable(wording, fonts)?;
    let doc = layout(data, wording, fonts, now);
    let bytes = to_pdf(&doc)?;
    Ok((doc, bytes))
}

/// Typesets forms, one thread each, and returns the results in order.
fn typeset_all(
    forms: &[&FormData],
    wording: &Wording,
    now: DateTime<Utc>,
) -> Vec<Result<(Document, Vec<u8>), Error>> {
    if forms.len() < 2 {
        return forms.iter().map(|d| typeset(d, wording, now)).collect();
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = forms
            .iter()
            .map(|d| s.spawn(move || typeset(d, wording, now)))
            .collect();
        handles
            .into_iter()
            .zip(forms)
            .map(|(h, d)| {
                h.join().unwrap_or_else(|panic| {
                    Err(Error::internal(
                        Internal::FormLayout {
                            organisation: d.organisation.clone(),
                        },
                        Stopped::from_panic(panic),
                    ))
                })
            })
            .collect()
    })
}

/// What a batch print did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BatchOutcome {
    pub forms: Vec<PrintedForm>,
    /// The combined file, when asked for and the batch was not cancelled.
    pub combined: Option<String>,
    pub cancelled: bool,
    /// How many organisations the group has.
    pub total: usize,
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "sv",
        Lang::En => "en",
    }
}

/// A term: first day and, when decided, last day.
type Term = (NaiveDate, Option<NaiveDate>);

/// Who the form names, to see whether it is still current: the appointments (ascending) and
/// the principal.
#[derive(Debug, PartialEq, Eq)]
struct Holders {
    appointments: Vec<Id>,
    principal: Option<String>,
}

impl Holders {
    fn of_print(p: &store::forms::PrintRow) -> Holders {
        Holders {
            appointments: p.holders.clone(),
            principal: p.principal.clone(),
        }
    }
}

/// One seat of an organisation's form and its holder on the form's day.
type FormSlot = (Option<Seat>, Role, Option<Appointment>);

/// A group with its appointments (oldest first) and its seats (retired ones too, in the
/// group's order), read once for everything worked out from them.
#[derive(Debug)]
pub(crate) struct GroupHistory {
    pub group: crate::model::Group,
    pub appointments: Vec<Appointment>,
    pub seats: Vec<Seat>,
}

impl GroupHistory {
    pub(crate) fn read(reg: &Register, group: crate::model::Group) -> Result<GroupHistory, Error> {
        Ok(GroupHistory {
            appointments: store::appointments::for_group(&reg.conn, group.id)?,
            seats: store::seats::for_group(&reg.conn, group.id, true)?,
            group,
        })
    }
}

/// A group's active seats and appointment history indexed, so that the forms of every
/// organisation are worked out in one pass (the status of 10,000 organisations' forms reads
/// the group once, not once per organisation).
pub(super) struct FormIndex<'a> {
    group: &'a crate::model::Group,
    /// The group's appointments, oldest first.
    history: &'a [Appointment],
    /// The group's active seats, in its order.
    seats: Vec<&'a Seat>,
    /// Per seat (index into `seats`), its appointments (indices into `history`), oldest first.
    in_seat: Vec<Vec<usize>>,
    /// Per organisation, the indices of its own seats.
    own: HashMap<Id, Vec<usize>>,
    /// The indices of the open seats.
    open: Vec<usize>,
    /// Per organisation, its appointments (indices into `history`), oldest first.
    by_org: HashMap<Id, Vec<usize>>,
    /// Each active seat's index in `seats`, by its id.
    position: HashMap<Id, usize>,
}

impl<'a> FormIndex<'a> {
    pub(super) fn new(h: &'a GroupHistory) -> FormIndex<'a> {
        let seats: Vec<&Seat> = h.seats.iter().filter(|s| s.active).collect();
        let position: HashMap<Id, usize> =
            seats.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
        let mut in_seat = vec![Vec::new(); seats.len()];
        let mut by_org: HashMap<Id, Vec<usize>> = HashMap::new();
        for (i, a) in h.appointments.iter().enumerate() {
            if let Some(k) = a.seat_id.and_then(|s| position.get(&s)) {
                in_seat[*k].push(i);
            }
            by_org.entry(a.organisation_id).or_default().push(i);
        }
        let mut own: HashMap<Id, Vec<usize>> = HashMap::new();
        let mut open = Vec::new();
        for (i, s) in seats.iter().enumerate() {
            match s.organisation_id {
                Some(org) => own.entry(org).or_default().push(i),
                None => open.push(i),
            }
        }
        FormIndex {
            group: &h.group,
            history: &h.appointments,
            seats,
            in_seat,
            own,
            open,
            by_org,
            position,
        }
    }

    /// The holder of a seat on `day`: the latest of its appointments serving then.
    fn holder(&self, seat: usize, day: NaiveDate) -> Option<&Appointment> {
        self.in_seat[seat]
            .iter()
            .rev()
            .map(|i| &self.history[*i])
            .find(|a| a.serves_on(day))
    }

    fn of_org(&self, org_id: Id) -> impl Iterator<Item = &Appointment> {
        self.by_org
            .get(&org_id)
            .into_iter()
            .flatten()
            .map(|i| &self.history[*i])
    }

    /// The organisation's seats in the group with their holders on `day`: its own seats
    /// (held or not) and the open seats its people hold, in the group's order. In a group with
    /// free membership, the organisation's appointments serving that day.
    fn slots(&self, org_id: Id, day: NaiveDate) -> Vec<FormSlot> {
        if self.group.free_membership {
            return self
                .of_org(org_id)
                .filter(|a| a.serves_on(day))
                .map(|a| (None, a.role, Some(a.clone())))
                .collect();
        }
        let mut mine: Vec<(usize, Option<&Appointment>)> = self
            .own
            .get(&org_id)
            .into_iter()
            .flatten()
            .map(|s| (*s, self.holder(*s, day)))
            .collect();
        for s in &self.open {
            if let Some(a) = self.holder(*s, day).filter(|a| a.organisation_id == org_id) {
                mine.push((*s, Some(a)));
            }
        }
        mine.sort_by_key(|(s, _)| *s);
        mine.into_iter()
            .map(|(s, a)| {
                let seat = self.seats[s];
                (Some(seat.clone()), seat.role, a.cloned())
            })
            .collect()
    }

    fn holders(&self, org_id: Id, day: NaiveDate, principal: Option<String>) -> Holders {
        // What `slots` names, without copying the seats and appointments.
        let mut appointments: Vec<Id> = if self.group.free_membership {
            self.of_org(org_id)
                .filter(|a| a.serves_on(day))
                .map(|a| a.id)
                .collect()
        } else {
            let own = self.own.get(&org_id).into_iter().flatten();
            own.filter_map(|s| self.holder(*s, day))
                .chain(
                    self.open
                        .iter()
                        .filter_map(|s| self.holder(*s, day))
                        .filter(|a| a.organisation_id == org_id),
                )
                .map(|a| a.id)
                .collect()
        };
        appointments.sort_unstable();
        Holders {
            appointments,
            principal,
        }
    }

    /// The first day after `today` on which someone is decided to start in one of the
    /// organisation's seats (its own or an open one; with free membership, anywhere).
    fn coming(&self, org_id: Id, today: NaiveDate) -> Option<NaiveDate> {
        let own_or_open = |seat: Id| {
            self.position
                .get(&seat)
                .is_some_and(|i| self.seats[*i].organisation_id.is_none_or(|id| id == org_id))
        };
        self.of_org(org_id)
            .filter(|a| {
                a.from > today && (self.group.free_membership || a.seat_id.is_some_and(own_or_open))
            })
            .map(|a| a.from)
            .min()
    }
}

impl Register {
    /// The group forms are printed for when none is named: the first county group.
    pub fn default_form_group(&self) -> Result<Id, Error> {
        self.main_group()?.ok_or_else(|| Error::NotFound {
            what: Entity::Group,
            query: GroupKind::County.label(Lang::Sv).to_owned(),
        })
    }

    /// The wording in use for a language: the newest saved version, else the default. A
    /// saved version that is an earlier built-in default, unedited, gives way to the current
    /// default (with its coordinator's details kept), not yet saved: the next print saves it
    /// as a new version, and the saved one stays as it was for the forms printed with it.
    pub fn form_wording(&self, lang: Lang) -> Result<WordingVersion, Error> {
        let saved = store::forms::latest_wording(&self.conn, lang_code(lang))?;
        let saved = saved.map(|row| {
            let wording: Wording =
                serde_json::from_str(&row.body).unwrap_or_else(|_| Wording::default_for(lang));
            (row, wording)
        });
        match saved {
            Some((_, wording)) if wording.is_earlier_default(lang) => Ok(WordingVersion {
                version: None,
                lang,
                saved_at: None,
                wording: Wording {
                    coordinator: wording.coordinator,
                    ..Wording::default_for(lang)
                },
            }),
            Some((row, wording)) => Ok(WordingVersion {
                version: Some(row.id),
                lang,
                saved_at: Some(row.created_at),
                wording,
            }),
            None => Ok(WordingVersion {
                version: None,
                lang,
                saved_at: None,
                wording: Wording::default_for(lang),
            }),
        }
    }

    /// Saves a new version of the wording (checked first; the font must draw every
    /// character). Earlier versions are kept.
    pub fn save_form_wording(
        &mut self,
        lang: Lang,
        wording: &Wording,
        now: DateTime<Utc>,
    ) -> Result<WordingVersion, Error> {
        wording.check()?;
        let fonts = fonts()?;
        for (label, text) in wording.texts(lang) {
            if let Err(m) = fonts.check(text) {
                return Err(Error::Unprintable {
                    ch: m.0,
                    field: label,
                });
            }
        }
        let body =
            serde_json::to_string(wording).map_err(|e| Error::internal(Internal::Json, e))?;
        let at = log_time(now);
        self.write(|tx| store::forms::insert_wording(tx, lang_code(lang), &at, &body))?;
        self.form_wording(lang)
    }

    fn holders(&self, group_id: Id, org_id: Id, day: NaiveDate) -> Result<Holders, Error> {
        let h = GroupHistory::read(self, self.group(group_id)?)?;
        self.holders_in(&FormIndex::new(&h), org_id, day)
    }

    fn holders_in(&self, view: &FormIndex, org_id: Id, day: NaiveDate) -> Result<Holders, Error> {
        let principal = self
            .org(org_id)?
            .principal
            .map(|p| p.name.as_str().to_owned());
        Ok(view.holders(org_id, day, principal))
    }

    /// The organisations that have a form in the group on `day`: those with seats of their
    /// own, and those whose people hold its open seats (or, with free membership, serve).
    fn form_orgs(
        &self,
        group_id: Id,
        day: NaiveDate,
    ) -> Result<Vec<crate::model::Organisation>, Error> {
        let h = GroupHistory::read(self, self.group(group_id)?)?;
        let seated = self.seated_orgs(group_id)?;
        Ok(self
            .form_orgs_of(&h, &seated, day)?
            .into_iter()
            .map(Cow::into_owned)
            .collect())
    }

    /// The organisations with seats of their own in the group, in Swedish order.
    pub(super) fn seated_orgs(
        &self,
        group_id: Id,
    ) -> Result<Vec<crate::model::Organisation>, Error> {
        self.orgs(&OrgQuery {
            group_id: Some(group_id),
            ..OrgQuery::default()
        })
    }

    /// [`Register::form_orgs`] from the group's history and its seated organisations.
    fn form_orgs_of<'o>(
        &self,
        h: &GroupHistory,
        seated_orgs: &'o [crate::model::Organisation],
        day: NaiveDate,
    ) -> Result<Vec<Cow<'o, crate::model::Organisation>>, Error> {
        let mut orgs: Vec<Cow<'o, crate::model::Organisation>> =
            seated_orgs.iter().map(Cow::Borrowed).collect();
        let open: std::collections::HashSet<Id> = h
            .seats
            .iter()
            .filter(|s| s.active && s.is_open())
            .map(|s| s.id)
            .collect();
        let mut extra: Vec<Id> = h
            .appointments
            .iter()
            .filter(|a| {
                (a.serves_on(day) || a.from > day)
                    && (h.group.free_membership || a.seat_id.is_some_and(|s| open.contains(&s)))
            })
            .map(|a| a.organisation_id)
            .collect();
        extra.sort_unstable();
        extra.dedup();
        let seated: std::collections::HashSet<Id> = orgs.iter().map(|o| o.id).collect();
        let before = orgs.len();
        for id in extra {
            if !seated.contains(&id) {
                orgs.push(Cow::Owned(self.org(id)?));
            }
        }
        // The seated ones come sorted from the store; only added ones need sorting in.
        if orgs.len() > before {
            orgs.sort_by_cached_key(|o| (crate::model::sort_key(o.name.as_str()), o.id));
        }
        Ok(orgs)
    }

    /// Everything one organisation's form prints, on `today`. The organisation must have a
    /// seat in the group. Protected people are included (it is their own organisation's form).
    pub fn form_data(
        &self,
        org_id: Id,
        group_id: Id,
        lang: Lang,
        today: NaiveDate,
    ) -> Result<FormData, Error> {
        let h = GroupHistory::read(self, self.group(group_id)?)?;
        self.form_data_in(&FormIndex::new(&h), org_id, lang, today)
    }

    fn form_data_in(
        &self,
        view: &FormIndex,
        org_id: Id,
        lang: Lang,
        today: NaiveDate,
    ) -> Result<FormData, Error> {
        let org = self.org(org_id)?;
        let group = view.group;
        let group_id = group.id;
        let slots = view.slots(org_id, today);
        if slots.is_empty() {
            return Err(Error::NotSeated {
                organisation: org.name.as_str().to_owned(),
                group: group.name.as_str().to_owned(),
            });
        }
        let mut seats = Vec::with_capacity(slots.len());
        let mut term: Option<Term> = None;
        for (seat, role, a) in slots {
            let person = match a {
                None => None,
                Some(a) => {
                    let p = self.person(a.person_id)?;
                    if term.is_none() || role == Role::Representative {
                        term = Some((a.from, a.to));
                    }
                    Some(FormPerson {
                        person_id: p.id,
                        appointment_id: a.id,
                        name: p.name.as_str().to_owned(),
                        title: p.title.clone(),
                        email: p.email.as_ref().map(|e| e.as_str().to_owned()),
                        phone: p.phone.as_ref().map(|e| e.as_str().to_owned()),
                        protected: p.protected,
                        withheld: false,
                    })
                }
            };
            seats.push(FormSeat {
                role,
                label: seat.and_then(|s| s.label),
                person,
            });
        }
        let version = store::forms::latest_wording(&self.conn, lang_code(lang))?.map(|w| w.id);
        Ok(FormData {
            lang,
            network: store::settings::get(&self.conn, "network_name")?,
            group_id,
            group_name: group.name.as_str().to_owned(),
            group_description: group.description.clone(),
            meetings_per_year: group.meetings_per_year,
            organisation_id: org_id,
            organisation: org.name.as_str().to_owned(),
            org_number: org.org_number.as_ref().map(|n| n.as_str().to_owned()),
            seats,
            term_from: term.map(|t| t.0),
            term_to: term.and_then(|t| t.1),
            principal: org.principal.clone(),
            contacts: store::contacts::for_org(&self.conn, org_id)?,
            local_group: org.local_group.clone(),
            printed_on: today,
            wording_version: version,
        })
    }

    /// The values the wording's placeholders take for one organisation (for the editor's
    /// preview).
    pub fn form_placeholders(
        &self,
        org_id: Id,
        group_id: Id,
        lang: Lang,
        today: NaiveDate,
    ) -> Result<Vec<(String, String)>, Error> {
        let data = self.form_data(org_id, group_id, lang, today)?;
        Ok(crate::forms::PLACEHOLDERS
            .iter()
            .filter_map(|k| data.placeholder(k).map(|v| ((*k).to_owned(), v)))
            .collect())
    }

    /// The wording version to print with, saving the default as the first version when none
    /// is saved, so that every printed form can say which text it used.
    fn wording_for_print(
        &mut self,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> Result<(i64, Wording), Error> {
        let current = self.form_wording(lang)?;
        let (version, wording) = match current.version {
            Some(v) => (v, current.wording),
            None => {
                let saved = self.save_form_wording(lang, &current.wording, now)?;
                (saved.version.unwrap_or(0), saved.wording)
            }
        };
        Ok((version, self.with_coordinator(wording)?))
    }

    /// The wording with the coordinator's details of the settings (`coordinator`, Möten's
    /// "Samordnarens uppgifter") in its contact box: each detail set there replaces the
    /// wording's, which stays only where the settings have none (a wording edited before the
    /// details were kept once).
    pub(super) fn with_coordinator(&self, mut wording: Wording) -> Result<Wording, Error> {
        let o = self.organiser()?;
        let c = &mut wording.coordinator;
        for (from, to) in [
            (o.name, &mut c.name),
            (o.title, &mut c.title),
            (o.email, &mut c.email),
            (o.phone, &mut c.phone),
        ] {
            if let Some(v) = from {
                *to = v;
            }
        }
        Ok(wording)
    }

    /// Lays out a form and checks that every character can be printed.
    fn form_document(
        &self,
        data: &FormData,
        wording: &Wording,
        now: DateTime<Utc>,
    ) -> Result<Document, Error> {
        let fonts = fonts()?;
        let wording = &self.with_coordinator(wording.clone())?;
        data.check_printable(wording, fonts)?;
        Ok(layout(data, wording, fonts, now))
    }

    /// The form of one organisation, checked before anything is saved (a refused print
    /// changes nothing): its data, and the wording version to print with.
    fn checked_form_data(
        &self,
        org_id: Id,
        group_id: Id,
        wording: &Wording,
        opts: FormOptions,
    ) -> Result<FormData, Error> {
        let h = GroupHistory::read(self, self.group(group_id)?)?;
        self.checked_form_data_in(&FormIndex::new(&h), org_id, wording, opts)
    }

    fn checked_form_data_in(
        &self,
        view: &FormIndex,
        org_id: Id,
        wording: &Wording,
        opts: FormOptions,
    ) -> Result<FormData, Error> {
        let mut data = self.form_data_in(view, org_id, opts.lang, opts.day())?;
        data.printed_on = opts.today;
        data.check_printable(wording, fonts()?)?;
        Ok(data)
    }

    /// Lays out and renders one organisation's form with a saved wording version.
    fn render_form(
        &self,
        mut data: FormData,
        group_id: Id,
        org_id: Id,
        (version, wording): (i64, &Wording),
        opts: FormOptions,
    ) -> Result<RenderedForm, Error> {
        data.wording_version = Some(version);
        let (doc, bytes) = typeset(&data, wording, opts.now)?;
        let holders = self.holders(group_id, org_id, opts.day())?;
        Ok(RenderedForm {
            org_id,
            version,
            data,
            doc,
            bytes,
            holders,
        })
    }

    /// Records printed forms (the print, for tracking, and its export-log entry) in one
    /// transaction.
    fn record_prints(
        &mut self,
        group_id: Id,
        written: &[(&RenderedForm, String)],
        opts: FormOptions,
    ) -> Result<(), Error> {
        let at = log_time(opts.now);
        let user = super::os_user();
        self.write(|tx| {
            for (r, file) in written {
                let description = format!(
                    "{}: {}, {}",
                    opts.lang.pick("Uppdragsblankett", "Mandate form"),
                    r.data.organisation,
                    r.data.group_name
                );
                store::forms::insert_print(
                    tx,
                    &store::forms::NewPrint {
                        group_id,
                        organisation_id: r.org_id,
                        printed_at: &at,
                        wording_id: r.version,
                        representative_id: r
                            .data
                            .holder(Role::Representative)
                            .map(|p| p.appointment_id),
                        substitute_id: r.data.holder(Role::Substitute).map(|p| p.appointment_id),
                        principal: r.holders.principal.as_deref(),
                        holders: &r.holders.appointments,
                        for_day: opts.on.filter(|d| *d != opts.today),
                    },
                )?;
                store::exports::insert(
                    tx,
                    &store::exports::NewEntry {
                        at: &at,
                        os_user: &user,
                        kind: ExportKind::MandateForm,
                        description: &description,
                        group_id: Some(group_id),
                        people: &r.data.people(),
                        protected_included: r.data.carries_protected(),
                        file: Some(file),
                    },
                )?;
            }
            Ok(())
        })
    }

    /// Prints one organisation's mandate form to `out`, records the print (which wording,
    /// who it names) and the export.
    pub fn print_form(
        &mut self,
        org_id: Id,
        group_id: Id,
        out: &Path,
        opts: FormOptions,
    ) -> Result<PrintedForm, Error> {
        let current = self.form_wording(opts.lang)?;
        let data = self.checked_form_data(
            org_id,
            group_id,
            &self.with_coordinator(current.wording.clone())?,
            opts,
        )?;
        let (version, wording) = self.wording_for_print(opts.lang, opts.now)?;
        let r = self.render_form(data, group_id, org_id, (version, &wording), opts)?;
        write_file(out, &r.bytes)?;
        let file = crate::paths::logged(out);
        self.record_prints(group_id, &[(&r, file.clone())], opts)?;
        Ok(r.printed(file))
    }

    /// Prints the forms of every organisation seated in the group into `dir` (one file each,
    /// named after the organisation), then, when `combined` is given, one file with all of
    /// them for printing. People with protected personal data are in their own
    /// organisation's file only, and in the combined file only when `include_protected`.
    /// `progress(done, total, organisation)` is called after each form; returning `false`
    /// cancels the batch (the forms written so far stay, and no combined file is written).
    ///
    /// Every form is checked before the first is written (one that cannot be printed refuses
    /// the whole batch), each is laid out once, and each is recorded (print and export log) as
    /// soon as its file is complete, so a cancelled, failed or killed batch leaves no form on
    /// disk that the log does not know.
    pub fn print_forms(
        &mut self,
        group_id: Id,
        dir: &Path,
        combined: Option<&Path>,
        include_protected: bool,
        opts: FormOptions,
        progress: &mut dyn FnMut(usize, usize, &str) -> bool,
    ) -> Result<BatchOutcome, Error> {
        let group = self.group(group_id)?;
        let orgs = self.form_orgs(group_id, opts.day())?;
        if !dir.is_dir() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let current = self.with_coordinator(self.form_wording(opts.lang)?.wording)?;
        let mut checked = Vec::with_capacity(orgs.len());
        let history = GroupHistory::read(self, group.clone())?;
        let view = FormIndex::new(&history);
        for o in &orgs {
            checked.push(self.checked_form_data_in(&view, o.id, &current, opts)?);
        }
        let (version, wording) = self.wording_for_print(opts.lang, opts.now)?;
        let total = orgs.len();
        let mut written: Vec<(RenderedForm, String)> = Vec::with_capacity(total);
        let mut cancelled = false;
        let mut failed = None;
        let mut used = std::collections::HashSet::new();
        // Forms are typeset a few at a time on every core; each is then written, recorded and
        // reported in order, so progress and cancelling work form by form.
        let threads = crate::pdf::render::cores();
        let mut queue = orgs.iter().zip(checked.into_iter().map(|mut d| {
            d.wording_version = Some(version);
            d
        }));
        'batch: loop {
            let chunk: Vec<_> = queue.by_ref().take(threads).collect();
            if chunk.is_empty() {
                break;
            }
            let datas: Vec<&FormData> = chunk.iter().map(|(_, d)| d).collect();
            let typeset = typeset_all(&datas, &wording, opts.now);
            for ((o, data), result) in chunk.into_iter().zip(typeset) {
                let mut name = file_name(o.name.as_str());
                if !used.insert(name.to_lowercase()) {
                    name = name.replace(".pdf", &format!(" ({}).pdf", o.id));
                }
                let path = dir.join(name);
                let r = result.and_then(|(doc, bytes)| {
                    let holders = self.holders_in(&view, o.id, opts.day())?;
                    write_file(&path, &bytes)?;
                    Ok(RenderedForm {
                        org_id: o.id,
                        version,
                        data,
                        doc,
                        bytes,
                        holders,
                    })
                });
                // Each form is recorded as soon as its file is complete, so a batch killed
                // halfway leaves no file on disk that the export log has not heard of.
                let r = r.and_then(|r| {
                    let file = crate::paths::logged(&path);
                    self.record_prints(group_id, &[(&r, file.clone())], opts)?;
                    Ok((r, file))
                });
                match r {
                    Ok(done) => written.push(done),
                    Err(e) => {
                        failed = Some(e);
                        break 'batch;
                    }
                }
                if !progress(written.len(), total, o.name.as_str()) {
                    cancelled = true;
                    break 'batch;
                }
            }
        }
        if let Some(e) = failed {
            return Err(e);
        }
        let forms: Vec<PrintedForm> = written
            .iter()
            .map(|(r, file)| r.printed(file.clone()))
            .collect();
        let mut combined_file = None;
        if let (Some(path), false, false) = (combined, cancelled, written.is_empty()) {
            let mut doc: Option<Document> = None;
            let mut people = Vec::new();
            let mut protected = false;
            for (r, _) in written {
                let RenderedForm {
                    mut data, doc: own, ..
                } = r;
                // The organisation's own form, unless it names someone to withhold here.
                let d = if !include_protected && data.carries_protected() {
                    data.withhold_protected();
                    self.form_document(&data, &wording, opts.now)?
                } else {
                    own
                };
                people.extend(data.people());
                protected |= data.carries_protected();
                // One bookmark per organisation, opening its form's first page.
                let start = doc.as_ref().map_or(0, |d| d.pages.len());
                match &mut doc {
                    None => doc = Some(d),
                    Some(doc) => doc.append(d),
                }
                if let Some(doc) = &mut doc {
                    doc.bookmark(&data.organisation, start);
                }
            }
            if let Some(mut doc) = doc {
                doc.info.title = format!(
                    "{} – {}",
                    opts.lang.pick("Uppdragsblanketter", "Mandate forms"),
                    group.name
                );
                let bytes = to_pdf(&doc)?;
                write_file(path, &bytes)?;
                self.record_export(
                    &ExportRecord {
                        kind: ExportKind::MandateFormsCombined,
                        description: format!(
                            "{}: {} ({} {})",
                            opts.lang.pick("Uppdragsblanketter", "Mandate forms"),
                            group.name,
                            total,
                            opts.lang.pick("organisationer", "organisations")
                        ),
                        group_id: Some(group_id),
                        people: &people,
                        protected_included: protected,
                        file: Some(path),
                    },
                    opts.now,
                )?;
                combined_file = Some(path.display().to_string());
            }
        }
        Ok(BatchOutcome {
            forms,
            combined: combined_file,
            cancelled,
            total,
        })
    }

    /// The form status of every organisation with a form in the group (or in every group),
    /// on `today`: the current holders' form, and the coming holders' when a successor is
    /// already decided.
    pub fn form_status(
        &self,
        group_id: Option<Id>,
        today: NaiveDate,
    ) -> Result<Vec<FormStatusRow>, Error> {
        self.form_status_as_of(group_id, today, false)
    }

    /// [`Register::form_status`] as it stood on a past `day` when `history`: only the forms
    /// printed by then count, and a signed copy only from the day it was recorded as
    /// returned (the yearly report).
    pub(super) fn form_status_as_of(
        &self,
        group_id: Option<Id>,
        today: NaiveDate,
        history: bool,
    ) -> Result<Vec<FormStatusRow>, Error> {
        let groups: Vec<_> = match group_id {
            Some(g) => vec![self.group(g)?],
            None => store::groups::list(&self.conn)?,
        };
        let mut rows = Vec::new();
        for g in groups {
            let seated = self.seated_orgs(g.id)?;
            let h = GroupHistory::read(self, g)?;
            let index = FormIndex::new(&h);
            rows.extend(self.form_status_of(&h, &index, &seated, today, history)?);
        }
        Ok(rows)
    }

    /// [`Register::form_status_as_of`] of one group whose history is read.
    pub(super) fn form_status_of(
        &self,
        h: &GroupHistory,
        index: &FormIndex<'_>,
        seated: &[crate::model::Organisation],
        today: NaiveDate,
        history: bool,
    ) -> Result<Vec<FormStatusRow>, Error> {
        let g = &h.group;
        let mut prints = store::forms::prints(&self.conn, Some(g.id))?;
        if history {
            let day = today.to_string();
            prints.retain(|p| p.printed_at.get(..10).is_some_and(|d| d <= day.as_str()));
            for p in &mut prints {
                if p.signed_on.is_some_and(|s| s > today) {
                    p.signed_on = None;
                }
            }
        }
        let mut by_org: HashMap<Id, Vec<&store::forms::PrintRow>> = HashMap::new();
        for p in &prints {
            by_org.entry(p.organisation_id).or_default().push(p);
        }
        let mut rows = Vec::new();
        for o in self.form_orgs_of(h, seated, today)? {
            let mine: &[&store::forms::PrintRow] = by_org.get(&o.id).map_or(&[], Vec::as_slice);
            let last = mine
                .iter()
                .rev()
                .find(|p| p.for_day.is_none_or(|d| d <= today))
                .copied();
            let principal = o.principal.as_ref().map(|p| p.name.as_str().to_owned());
            let now = index.holders(o.id, today, principal.clone());
            let state = match last {
                None => FormState::NotPrinted,
                Some(p) if Holders::of_print(p) != now => FormState::NeedsNewSignature,
                Some(p) if p.signed_on.is_some() => FormState::Signed,
                Some(_) => FormState::Printed,
            };
            let coming = coming_form(index, o.id, principal, mine, today);
            rows.push(FormStatusRow {
                group_id: g.id,
                group_name: g.name.as_str().to_owned(),
                organisation_id: o.id,
                organisation_name: o.name.as_str().to_owned(),
                state,
                printed_at: last.map(|p| p.printed_at.clone()),
                wording_version: last.map(|p| p.wording_id),
                signed_on: last.and_then(|p| p.signed_on),
                note: last.and_then(|p| p.note.clone()),
                coming,
            });
        }
        Ok(rows)
    }

    /// Records that the signed copy of the organisation's last printed form came back on
    /// `on`. Refused when no form was printed, or when the last one no longer names who
    /// holds the seats (a new form must be printed and signed).
    pub fn form_signed(
        &mut self,
        org_id: Id,
        group_id: Id,
        on: NaiveDate,
        note: Option<&str>,
        today: NaiveDate,
    ) -> Result<FormStatusRow, Error> {
        let org = self.org(org_id)?;
        let group = self.group(group_id)?;
        let last = store::forms::prints_for(&self.conn, group_id, org_id)?.pop();
        let Some(last) = last else {
            return Err(Error::FormNotPrinted {
                organisation: org.name.as_str().to_owned(),
                group: group.name.as_str().to_owned(),
            });
        };
        // A form printed for a coming day is current while it names that day's holders.
        let day = last.for_day.filter(|d| *d > today).unwrap_or(today);
        if self.holders(group_id, org_id, day)? != Holders::of_print(&last) {
            return Err(Error::FormOutdated {
                organisation: org.name.as_str().to_owned(),
                group: group.name.as_str().to_owned(),
            });
        }
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        self.write(|tx| store::forms::set_signed(tx, last.id, on, note))?;
        self.form_status(Some(group_id), today)?
            .into_iter()
            .find(|r| r.organisation_id == org_id)
            .ok_or_else(|| Error::NotSeated {
                organisation: org.name.as_str().to_owned(),
                group: group.name.as_str().to_owned(),
            })
    }
}

/// The form of the organisation's next holders in the group, when someone is decided to
/// start after `today` in one of its seats.
fn coming_form(
    index: &FormIndex<'_>,
    org_id: Id,
    principal: Option<String>,
    prints: &[&store::forms::PrintRow],
    today: NaiveDate,
) -> Option<ComingForm> {
    let from = index.coming(org_id, today)?;
    let then = index.holders(org_id, from, principal);
    let names = index
        .slots(org_id, from)
        .into_iter()
        .filter_map(|(_, _, a)| a.map(|a| a.person_name))
        .collect();
    let print = prints.iter().rev().find(|p| Holders::of_print(p) == then);
    Some(ComingForm {
        from,
        names,
        state: match print {
            None => FormState::NotPrinted,
            Some(p) if p.signed_on.is_some() => FormState::Signed,
            Some(_) => FormState::Printed,
        },
        printed_at: print.map(|p| p.printed_at.clone()),
        signed_on: print.and_then(|p| p.signed_on),
    })
}
