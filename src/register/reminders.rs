//! Reminders before terms end (påminnelser): every seat of an organisation that stands empty,
//! or whose term ends within the reminder period (a register setting, 60 days unless set) or
//! has ended with nobody decided to follow, can get a letter to the organisation's principal
//! (uppdragsgivare): one letter per organisation and group, about all its due seats, as an
//! e-mail draft (.eml, to the principal, with the letter and the organisation's pre-filled
//! mandate form attached) and as a printed letter. Each seat reminded is recorded
//! (`reminder_sent`) with the export-log entries of its files, in one transaction per letter;
//! a seat reminded within the period is not reminded again unless the coordinator asks.
//!
//! A seat whose successor is already decided is not due; an empty open seat belongs to no
//! organisation and has nobody to write to (it is counted, not written). People with protected
//! personal data are never named in a letter or its form unless included for this one batch.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::exports::ExportRecord;
use super::{Page, PageRequest, Register, Vacancy, VacancyKind};
use crate::error::{Error, Field, Invalid};
use crate::export::reminder::{
    self, ReminderDoc, ReminderKind, ReminderSeat, asked_text, seats_text,
};
use crate::export::roster::LeftOut;
use crate::export::{logged_path, write_file};
use crate::lang::Lang;
use crate::mail::wording::{fill_mail, fill_subject};
use crate::mail::{self, Address, Draft, MailAttachment, Recipients};
use crate::model::log::ExportKind;
use crate::model::{Id, sort_key};
use crate::store;

/// The reminder period when the register has none set, in days.
pub const DEFAULT_REMINDER_DAYS: u32 = 60;
/// The longest reminder period, in days (two years).
pub const MAX_REMINDER_DAYS: u32 = 730;
const SETTING: &str = "reminder_within_days";

/// One letter: an organisation's due seats in one group, and where it goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Reminder {
    pub group_id: Id,
    pub group_name: String,
    pub organisation_id: Id,
    pub organisation_name: String,
    /// The principal's name, when the organisation has one.
    pub principal: Option<String>,
    /// Where the e-mail goes: the principal's address, else the organisation's own.
    pub email: Option<String>,
    /// The seats, in the group's order.
    pub seats: Vec<ReminderSeat>,
    /// A seat of it is not reminded within the period: the letter is written.
    pub due: bool,
    /// The day one of its seats was last reminded.
    pub last_sent: Option<NaiveDate>,
}

/// The reminders on a day: the letters (a page of them), how many are due, and what has
/// nobody to write to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Reminders {
    pub within_days: u32,
    pub letters: Page<Reminder>,
    /// Letters due now (a seat not reminded within the period).
    pub due: u32,
    /// Letters all of whose seats were reminded within the period.
    pub recent: u32,
    /// Empty open seats: they belong to no organisation, so no principal to write to.
    pub open_seats: u32,
    /// Letters with no address to send to (print the letter for them).
    pub without_email: u32,
    /// People with protected personal data left out of the letters.
    pub left_out: Vec<LeftOut>,
}

/// How to write the reminders.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReminderRequest {
    /// The period; the register's setting when not given.
    #[serde(default)]
    pub within_days: Option<u32>,
    /// Write the seats reminded within the period too.
    #[serde(default)]
    pub again: bool,
    /// People with protected personal data to name in this one batch.
    #[serde(default)]
    pub include: Vec<Id>,
}

/// One letter written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct WrittenReminder {
    pub organisation_name: String,
    pub group_name: String,
    pub seats: usize,
    /// The e-mail draft (none when there is no address).
    pub eml: Option<String>,
    pub pdf: String,
    pub to: Option<String>,
}

/// What writing the reminders did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ReminderOutcome {
    pub within_days: u32,
    pub written: Vec<WrittenReminder>,
    /// Letters left out: all their seats reminded within the period.
    pub skipped: usize,
    pub protected_left_out: usize,
}

/// Whether a reminder on `sent` still counts on `today` for a period of `days`.
fn within_period(sent: NaiveDate, today: NaiveDate, days: u32) -> bool {
    (today - sent).num_days() < i64::from(days)
}

impl Register {
    /// The reminder period in days: the register's setting, else [`DEFAULT_REMINDER_DAYS`].
    pub fn reminder_days(&self) -> Result<u32, Error> {
        Ok(store::settings::get(&self.conn, SETTING)?
            .and_then(|v| v.parse().ok())
            .filter(|d| (1..=MAX_REMINDER_DAYS).contains(d))
            .unwrap_or(DEFAULT_REMINDER_DAYS))
    }

    /// Sets the reminder period (1 to [`MAX_REMINDER_DAYS`] days).
    pub fn set_reminder_days(&mut self, days: u32) -> Result<u32, Error> {
        if !(1..=MAX_REMINDER_DAYS).contains(&days) {
            return Err(Error::invalid(
                Field::Days,
                Invalid::OutOfRange {
                    min: 1,
                    max: i64::from(MAX_REMINDER_DAYS),
                },
            ));
        }
        self.write(|tx| store::settings::set(tx, SETTING, &days.to_string()))?;
        self.reminder_days()
    }

    /// Every letter due or recently written on `today`, in the order of the vacancy report's
    /// groups, then by organisation.
    fn gather_reminders(
        &self,
        today: NaiveDate,
        within: u32,
        include: &[Id],
    ) -> Result<(Vec<Reminder>, u32, Vec<LeftOut>), Error> {
        let items = self.vacancies(today, within, None)?;
        self.reminders_of(items, today, within, include)
    }

    /// [`Register::gather_reminders`] from the vacancy report on `today` for `within` days.
    fn reminders_of(
        &self,
        items: Vec<Vacancy>,
        today: NaiveDate,
        within: u32,
        include: &[Id],
    ) -> Result<(Vec<Reminder>, u32, Vec<LeftOut>), Error> {
        let last = store::reminders::last_sent(&self.conn)?;
        let mut orgs: HashMap<Id, crate::model::Organisation> = HashMap::new();
        let mut letters: Vec<Reminder> = Vec::new();
        let mut index: HashMap<(Id, Id), usize> = HashMap::new();
        let mut group_order: HashMap<Id, usize> = HashMap::new();
        let mut left_out: Vec<LeftOut> = Vec::new();
        let mut positions: HashMap<(Id, Id, usize), i64> = HashMap::new();
        let mut open_seats = 0u32;
        for v in items {
            if v.successor.is_some() {
                continue;
            }
            let Some(org_id) = v.organisation_id else {
                open_seats += 1;
                continue;
            };
            let kind = match v.kind {
                VacancyKind::TermEnding => ReminderKind::TermEnding,
                VacancyKind::TermExpired => ReminderKind::TermExpired,
                _ => ReminderKind::Vacant,
            };
            let seat_id = v.seat.as_ref().map(|s| s.id);
            let a = v.appointment.as_ref();
            let key = (seat_id, a.map(|a| a.id));
            let last_sent = last.get(&key).copied();
            let withheld = a.is_some_and(|a| a.person_protected && !include.contains(&a.person_id));
            if let Some(a) = a.filter(|_| withheld)
                && !left_out.iter().any(|l| l.person_id == a.person_id)
            {
                left_out.push(LeftOut {
                    person_id: a.person_id,
                    name: a.person_name.clone(),
                });
            }
            let seat = ReminderSeat {
                seat_id,
                appointment_id: a.map(|a| a.id),
                kind,
                role: v.seat.as_ref().map_or_else(
                    || a.map_or(crate::model::Role::Member, |a| a.role),
                    |s| s.role,
                ),
                label: v.seat.as_ref().and_then(|s| s.label.clone()),
                holder: a.filter(|_| !withheld).map(|a| a.person_name.clone()),
                holder_id: a.filter(|_| !withheld).map(|a| a.person_id),
                protected: a.is_some_and(|a| a.person_protected),
                withheld,
                until: a.and_then(|a| a.to),
                last_sent,
                recent: last_sent.is_some_and(|d| within_period(d, today, within)),
            };
            let n = group_order.len();
            group_order.entry(v.group_id).or_insert(n);
            let i = match index.get(&(v.group_id, org_id)) {
                Some(i) => *i,
                None => {
                    if orgs.is_empty() {
                        orgs = store::organisations::list(&self.conn, &Default::default())?
                            .into_iter()
                            .map(|o| (o.id, o))
                            .collect();
                    }
                    let org = match orgs.get(&org_id) {
                        Some(o) => o.clone(),
                        None => self.org(org_id)?,
                    };
                    letters.push(Reminder {
                        group_id: v.group_id,
                        group_name: v.group_name.clone(),
                        organisation_id: org_id,
                        organisation_name: org.name.as_str().to_owned(),
                        principal: org.principal.as_ref().map(|p| p.name.as_str().to_owned()),
                        email: org
                            .principal
                            .as_ref()
                            .and_then(|p| p.email.as_ref())
                            .or(org.email.as_ref())
                            .map(|e| e.as_str().to_owned()),
                        seats: Vec::new(),
                        due: false,
                        last_sent: None,
                    });
                    index.insert((v.group_id, org_id), letters.len() - 1);
                    letters.len() - 1
                }
            };
            let position = v.seat.as_ref().map_or(i64::MAX, |s| s.position);
            positions.insert((v.group_id, org_id, letters[i].seats.len()), position);
            letters[i].seats.push(seat);
        }
        for l in &mut letters {
            let mut order: Vec<(i64, ReminderSeat)> = std::mem::take(&mut l.seats)
                .into_iter()
                .enumerate()
                .map(|(k, s)| {
                    let p = positions
                        .get(&(l.group_id, l.organisation_id, k))
                        .copied()
                        .unwrap_or(i64::MAX);
                    (p, s)
                })
                .collect();
            order.sort_by_key(|(p, s)| (*p, s.kind));
            l.seats = order.into_iter().map(|(_, s)| s).collect();
            l.due = l.seats.iter().any(|s| !s.recent);
            l.last_sent = l.seats.iter().filter_map(|s| s.last_sent).max();
        }
        letters.sort_by_cached_key(|l| {
            (
                group_order.get(&l.group_id).copied().unwrap_or(usize::MAX),
                sort_key(&l.organisation_name),
                l.organisation_id,
            )
        });
        Ok((letters, open_seats, left_out))
    }

    /// The reminders as Översikt shows them: the first letters, from the vacancy report it
    /// already has when that was made for the reminder period.
    pub(super) fn reminders_for_overview(
        &self,
        items: &[Vacancy],
        today: NaiveDate,
        items_within: u32,
    ) -> Result<Reminders, Error> {
        let within = self.reminder_days()?;
        let items = if within == items_within {
            items.to_vec()
        } else {
            self.vacancies(today, within, None)?
        };
        let (letters, open_seats, left_out) = self.reminders_of(items, today, within, &[])?;
        Ok(summary(
            within,
            letters,
            open_seats,
            left_out,
            PageRequest::first(super::OVERVIEW_TERMS_SHOWN),
        ))
    }

    /// The reminders on `today` for a period of `within_days` (the register's setting when
    /// `None`): a page of the letters, due ones and recently written ones, and the counts.
    pub fn reminders(
        &self,
        today: NaiveDate,
        within_days: Option<u32>,
        include: &[Id],
        page: PageRequest,
    ) -> Result<Reminders, Error> {
        let within = match within_days {
            Some(d) => d,
            None => self.reminder_days()?,
        };
        let (letters, open_seats, left_out) = self.gather_reminders(today, within, include)?;
        Ok(summary(within, letters, open_seats, left_out, page))
    }

    /// Writes a letter for every organisation with seats due into `dir` (created if missing):
    /// the printed letter, and an e-mail draft to the principal with the letter and the
    /// organisation's pre-filled mandate form attached (when there is an address). With
    /// `again`, seats reminded within the period are written too. Every letter is checked
    /// before the first file is written; each is recorded (its files in the export log, each
    /// seat in `reminder_sent`) as soon as its files are complete.
    pub fn write_reminders(
        &mut self,
        dir: &Path,
        req: &ReminderRequest,
        today: NaiveDate,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> Result<ReminderOutcome, Error> {
        let within = match req.within_days {
            Some(d) => d,
            None => self.reminder_days()?,
        };
        let (letters, _, left_out) = self.gather_reminders(today, within, &req.include)?;
        let total = letters.len();
        let letters: Vec<Reminder> = letters
            .into_iter()
            .filter_map(|mut l| {
                if !req.again {
                    l.seats.retain(|s| !s.recent);
                }
                (!l.seats.is_empty()).then_some(l)
            })
            .collect();
        let skipped = total - letters.len();
        let organiser = self.organiser()?;
        let from = match (&organiser.email, letters.iter().any(|l| l.email.is_some())) {
            (Some(email), _) => Some(Address {
                name: organiser.name.clone().unwrap_or_default(),
                email: email.clone(),
            }),
            (None, true) => return Err(Error::NoCoordinatorEmail),
            (None, false) => None,
        };
        let wording = self.mail_wording(lang)?.wording.reminder;
        let network = self.info()?.network_name;
        let form_wording = self.with_coordinator(self.form_wording(lang)?.wording)?;
        // Everything is laid out and checked before the first file is written.
        let mut prepared = Vec::with_capacity(letters.len());
        for l in &letters {
            prepared.push(self.prepare_reminder(
                l,
                &wording,
                network.as_deref(),
                &form_wording,
                &req.include,
                (today, lang, now),
            )?);
        }
        if !letters.is_empty() && !dir.is_dir() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        let mut used: HashSet<String> = HashSet::new();
        let mut written = Vec::with_capacity(letters.len());
        let sent_at = super::log_time(now);
        for (l, p) in letters.iter().zip(prepared) {
            let mut stem = crate::forms::safe_stem(&format!(
                "{} {} {}",
                reminder::title(lang),
                l.organisation_name,
                l.group_name
            ));
            if !used.insert(stem.to_lowercase()) {
                stem = format!("{stem} ({})", l.organisation_id);
                used.insert(stem.to_lowercase());
            }
            let pdf_path = dir.join(format!("{stem}.pdf"));
            let eml_path = dir.join(format!("{stem}.eml"));
            let eml_bytes = match (&from, &l.email) {
                (Some(from), Some(to)) => {
                    let mut attachments = vec![MailAttachment {
                        file_name: format!("{stem}.pdf"),
                        content_type: "application/pdf",
                        bytes: p.letter.clone(),
                    }];
                    if let Some(form) = &p.form {
                        attachments.push(MailAttachment {
                            file_name: crate::forms::file_name(&l.organisation_name),
                            content_type: "application/pdf",
                            bytes: form.clone(),
                        });
                    }
                    Some(mail::eml(&Draft {
                        from: from.clone(),
                        recipients: vec![Address {
                            name: l.principal.clone().unwrap_or_default(),
                            email: to.clone(),
                        }],
                        mode: Recipients::To,
                        subject: p.subject.clone(),
                        body: p.body.clone(),
                        calendar: None,
                        attachments,
                        date: now,
                    })?)
                }
                _ => None,
            };
            write_file(&pdf_path, &p.letter)?;
            if let Some(bytes) = &eml_bytes {
                write_file(&eml_path, bytes)?;
            }
            let what = format!(
                "{}: {}, {}",
                reminder::title(lang),
                l.organisation_name,
                l.group_name
            );
            let pdf_logged = logged_path(&pdf_path);
            let eml_logged = eml_bytes.as_ref().map(|_| logged_path(&eml_path));
            let mut recs = vec![ExportRecord {
                kind: ExportKind::ReminderLetter,
                description: format!("{what} (PDF)"),
                group_id: Some(l.group_id),
                people: &p.people,
                protected_included: p.protected_included,
                file: Some(&pdf_logged),
            }];
            if let Some(path) = &eml_logged {
                recs.push(ExportRecord {
                    kind: ExportKind::ReminderEmail,
                    description: format!("{what} (e-post)"),
                    group_id: Some(l.group_id),
                    people: &p.people,
                    protected_included: p.protected_included,
                    file: Some(path),
                });
            }
            self.record_exports_with(&recs, now, |tx, ids| {
                for s in &l.seats {
                    store::reminders::insert(
                        tx,
                        &store::reminders::NewReminder {
                            group_id: l.group_id,
                            organisation_id: l.organisation_id,
                            seat_id: s.seat_id,
                            appointment_id: s.appointment_id,
                            kind: s.kind.code(),
                            term_to: s.until,
                            sent_on: today,
                            sent_at: &sent_at,
                            pdf_export_id: ids.first().copied(),
                            eml_export_id: ids.get(1).copied(),
                        },
                    )?;
                }
                Ok(())
            })?;
            written.push(WrittenReminder {
                organisation_name: l.organisation_name.clone(),
                group_name: l.group_name.clone(),
                seats: l.seats.len(),
                eml: eml_logged.map(|p| p.display().to_string()),
                pdf: pdf_logged.display().to_string(),
                to: eml_bytes.as_ref().and(l.email.clone()),
            });
        }
        Ok(ReminderOutcome {
            within_days: within,
            written,
            skipped,
            protected_left_out: left_out.len(),
        })
    }

    /// One letter's texts and documents, checked: the e-mail's subject and body, the printed
    /// letter, the organisation's form (protected holders withheld unless included) and who
    /// the files name.
    fn prepare_reminder(
        &self,
        l: &Reminder,
        wording: &crate::mail::wording::MailText,
        network: Option<&str>,
        form_wording: &crate::forms::Wording,
        include: &[Id],
        (today, lang, now): (NaiveDate, Lang, DateTime<Utc>),
    ) -> Result<PreparedReminder, Error> {
        let o = self.organiser()?;
        let org = self.org(l.organisation_id)?;
        let principal = org.principal.as_ref();
        let seats = seats_text(&l.seats, lang);
        let asked = asked_text(&l.seats, lang);
        let values = |k: &str| -> Option<String> {
            match k {
                "network" => network.map(str::to_owned),
                "group" => Some(l.group_name.clone()),
                "organisation" => Some(l.organisation_name.clone()),
                "principal" => Some(
                    l.principal
                        .clone()
                        .unwrap_or_else(|| l.organisation_name.clone()),
                ),
                "seats" => Some(seats.clone()),
                "asked" => Some(asked.clone()),
                "coordinator" => o.name.clone(),
                "coordinator_title" => o.title.clone(),
                "coordinator_email" => o.email.clone(),
                "coordinator_phone" => o.phone.clone(),
                _ => None,
            }
        };
        let subject = fill_subject(&wording.subject, values);
        let body = fill_mail(&wording.body, values);
        let to: Vec<String> = principal
            .map(|p| {
                [Some(p.name.as_str().to_owned()), p.title.clone()]
                    .into_iter()
                    .flatten()
                    .collect()
            })
            .unwrap_or_default();
        let doc = ReminderDoc {
            network,
            group: &l.group_name,
            organisation: &l.organisation_name,
            to: &to,
            body: &body,
            written_on: today,
            lang,
        };
        let fonts = crate::pdf::fonts()?;
        reminder::check_printable(&doc, fonts)?;
        let letter = crate::pdf::to_pdf(&reminder::layout(&doc, fonts, now))?;
        let mut people: Vec<Id> = l.seats.iter().filter_map(|s| s.holder_id).collect();
        let mut protected_included = false;
        let form = match self.form_data(l.organisation_id, l.group_id, lang, today) {
            Ok(mut data) => {
                for p in data.seats.iter_mut().filter_map(|s| s.person.as_mut()) {
                    if p.protected && !include.contains(&p.person_id) {
                        p.withheld = true;
                    }
                }
                data.wording_version = self.form_wording(lang)?.version;
                let (_, bytes) = super::forms::typeset(&data, form_wording, now)?;
                protected_included = data.carries_protected();
                people.extend(data.people());
                Some(bytes)
            }
            Err(Error::NotSeated { .. }) => None,
            Err(e) => return Err(e),
        };
        people.sort_unstable();
        people.dedup();
        protected_included |= l.seats.iter().any(|s| s.protected && !s.withheld);
        Ok(PreparedReminder {
            subject,
            body,
            letter,
            form,
            people,
            protected_included,
        })
    }
}

/// The letters counted and a page of them.
fn summary(
    within: u32,
    letters: Vec<Reminder>,
    open_seats: u32,
    left_out: Vec<LeftOut>,
    page: PageRequest,
) -> Reminders {
    let count = |f: &dyn Fn(&Reminder) -> bool| {
        u32::try_from(letters.iter().filter(|l| f(l)).count()).unwrap_or(u32::MAX)
    };
    Reminders {
        within_days: within,
        due: count(&|l| l.due),
        recent: count(&|l| !l.due),
        open_seats,
        without_email: count(&|l| l.email.is_none()),
        left_out,
        letters: page.cut(letters),
    }
}

/// One letter ready to write.
struct PreparedReminder {
    subject: String,
    body: String,
    letter: Vec<u8>,
    form: Option<Vec<u8>>,
    people: Vec<Id>,
    protected_included: bool,
}
