//! A meeting's minutes (minnesanteckningar): per agenda item the notes and decisions, who took
//! the notes and who checked them, the attendance as recorded, and the PDF and an e-mail draft
//! with it attached to everyone invited. The minutes say whether they are drafted, checked or
//! sent, and when (`minutes`, migration 0012). An edit after checking asks for a new check.

use std::path::Path;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Register;
use super::exports::ExportRecord;
use super::invitations::InvitationRequest;
use crate::error::{Error, Field};
use crate::export::minutes::{self, MinutesAttendee, MinutesDoc, MinutesItem, MinutesStatus};
use crate::export::{logged_path, write_file};
use crate::lang::Lang;
use crate::mail::wording::{fill_mail, fill_subject};
use crate::mail::{self, Address, Draft, MailAttachment};
use crate::model::log::ExportKind;
use crate::model::{AgendaOf, Id, MeetingStatus, optional_text};
use crate::pdf;
use crate::store;
use crate::store::minutes::{ItemRecord, MinutesRow};

/// A person named in the minutes (who took the notes, who checked them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MinutesPerson {
    pub person_id: Id,
    pub name: String,
}

/// A meeting's minutes as they stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Minutes {
    pub meeting_id: Id,
    pub status: MinutesStatus,
    /// UTC, RFC 3339.
    pub drafted_at: Option<String>,
    pub checked_at: Option<String>,
    pub sent_at: Option<String>,
    pub taker: Option<MinutesPerson>,
    pub checker: Option<MinutesPerson>,
    pub items: Vec<MinutesItem>,
    /// The attendance as recorded, protected people only when included.
    pub attendance: Vec<MinutesAttendee>,
    /// People with protected personal data left out of the attendance.
    pub protected_left_out: usize,
}

/// A change of one item's minutes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MinutesItemDraft {
    #[serde(default)]
    pub notes: Option<String>,
    #[serde(default)]
    pub decisions: Option<String>,
}

/// Who took the notes and who checked them (either may be empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MinutesPeople {
    #[serde(default)]
    pub taker_id: Option<Id>,
    #[serde(default)]
    pub checker_id: Option<Id>,
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MinutesOutcome {
    pub pdf: Option<String>,
    pub eml: Option<String>,
    pub recipients: usize,
    pub status: MinutesStatus,
}

fn status_of(row: &MinutesRow) -> MinutesStatus {
    if row.sent_at.is_some() {
        MinutesStatus::Sent
    } else if row.checked_at.is_some() {
        MinutesStatus::Checked
    } else if row.drafted_at.is_some() {
        MinutesStatus::Drafted
    } else {
        MinutesStatus::NotStarted
    }
}

impl Register {
    fn held_or_planned(&self, meeting_id: Id) -> Result<crate::model::Meeting, Error> {
        let m = self.meeting(meeting_id)?;
        if m.status == MeetingStatus::Cancelled {
            return Err(Error::MeetingNotHeld {
                group: m.group_name,
                date: m.date,
            });
        }
        Ok(m)
    }

    fn minutes_person(&self, id: Option<Id>) -> Result<Option<MinutesPerson>, Error> {
        id.map(|id| {
            self.person(id).map(|p| MinutesPerson {
                person_id: p.id,
                name: p.name.to_string(),
            })
        })
        .transpose()
    }

    /// A meeting's minutes: its items with their notes and decisions, the attendance as
    /// recorded (protected people only when in `include`), and where they stand.
    pub fn minutes(&self, meeting_id: Id, include: &[Id]) -> Result<Minutes, Error> {
        self.meeting(meeting_id)?;
        let agenda = self.agenda(AgendaOf::Meeting(meeting_id))?;
        let records = store::minutes::items(&self.conn, meeting_id, agenda.items.len())?;
        let items = agenda
            .items
            .into_iter()
            .zip(records)
            .map(|(i, r)| MinutesItem {
                position: i.position,
                title: i.title,
                kind: i.kind,
                start: i.start,
                end: i.end,
                presenter_name: i.presenter_name,
                notes: r.notes,
                decisions: r.decisions,
            })
            .collect();
        let mut left_out = 0;
        let attendance = self
            .attendance(meeting_id)?
            .rows
            .into_iter()
            .filter(|r| {
                let keep = !r.person_protected || include.contains(&r.person_id);
                left_out += usize::from(!keep);
                keep
            })
            .map(|r| MinutesAttendee {
                person_id: r.person_id,
                name: r.person_name,
                organisation: r.organisation_name,
                role: r.role,
                status: r.status,
                for_name: r.substitute_for_name,
                protected: r.person_protected,
            })
            .collect();
        let row = store::minutes::get(&self.conn, meeting_id)?.unwrap_or_default();
        Ok(Minutes {
            meeting_id,
            status: status_of(&row),
            taker: self.minutes_person(row.taker_id)?,
            checker: self.minutes_person(row.checker_id)?,
            drafted_at: row.drafted_at,
            checked_at: row.checked_at,
            sent_at: row.sent_at,
            items,
            attendance,
            protected_left_out: left_out,
        })
    }

    /// Writes one item's notes and decisions (an empty value clears one). The minutes are
    /// drafted now; a check made before is undone.
    pub fn set_minutes_item(
        &mut self,
        meeting_id: Id,
        position: u32,
        draft: &MinutesItemDraft,
        now: DateTime<Utc>,
    ) -> Result<Minutes, Error> {
        self.held_or_planned(meeting_id)?;
        let record = ItemRecord {
            notes: optional_text(Field::Notes, draft.notes.as_deref())?,
            decisions: optional_text(Field::Notes, draft.decisions.as_deref())?,
        };
        let count = store::agenda::items(&self.conn, AgendaOf::Meeting(meeting_id))?.len();
        if position == 0 || position as usize > count {
            return Err(Error::invalid(
                Field::Position,
                crate::error::Invalid::OutOfRange {
                    min: 1,
                    max: count.max(1) as i64,
                },
            ));
        }
        let mut row = store::minutes::get(&self.conn, meeting_id)?.unwrap_or_default();
        row.drafted_at = Some(super::log_time(now));
        row.checked_at = None;
        self.write(|tx| {
            store::minutes::set_item(tx, meeting_id, position, &record)?;
            store::minutes::put(tx, meeting_id, &row)
        })?;
        self.minutes(meeting_id, &[])
    }

    /// Names who took the notes and who checks them.
    pub fn set_minutes_people(
        &mut self,
        meeting_id: Id,
        people: &MinutesPeople,
        now: DateTime<Utc>,
    ) -> Result<Minutes, Error> {
        self.held_or_planned(meeting_id)?;
        for id in [people.taker_id, people.checker_id].into_iter().flatten() {
            self.person(id)?;
        }
        let mut row = store::minutes::get(&self.conn, meeting_id)?.unwrap_or_default();
        if row.checker_id != people.checker_id {
            row.checked_at = None;
        }
        row.taker_id = people.taker_id;
        row.checker_id = people.checker_id;
        row.drafted_at.get_or_insert_with(|| super::log_time(now));
        self.write(|tx| store::minutes::put(tx, meeting_id, &row))?;
        self.minutes(meeting_id, &[])
    }

    /// Records that the checker has checked the minutes (now). Needs a checker.
    pub fn check_minutes(&mut self, meeting_id: Id, now: DateTime<Utc>) -> Result<Minutes, Error> {
        self.held_or_planned(meeting_id)?;
        let mut row = store::minutes::get(&self.conn, meeting_id)?.unwrap_or_default();
        if row.checker_id.is_none() {
            return Err(Error::invalid(Field::Checker, crate::error::Invalid::Empty));
        }
        row.drafted_at.get_or_insert_with(|| super::log_time(now));
        row.checked_at = Some(super::log_time(now));
        self.write(|tx| store::minutes::put(tx, meeting_id, &row))?;
        self.minutes(meeting_id, &[])
    }

    /// Writes the minutes: the PDF to `pdf_path`, and an e-mail draft to `eml` with the PDF
    /// attached to everyone invited with an address (protected people only when included).
    /// Each file is in the export log; a draft marks the minutes sent.
    pub fn write_minutes(
        &mut self,
        meeting_id: Id,
        pdf_path: Option<&Path>,
        eml: Option<&Path>,
        req: &InvitationRequest,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> Result<MinutesOutcome, Error> {
        let meeting = self.held_or_planned(meeting_id)?;
        let m = self.minutes(meeting_id, &req.include)?;
        let network = self.info()?.network_name;
        let checked_on = m.checked_at.as_deref().map(|c| c[..10].to_owned());
        let doc = MinutesDoc {
            meeting: &meeting,
            network: network.as_deref(),
            items: &m.items,
            attendance: &m.attendance,
            taker: m.taker.as_ref().map(|p| p.name.as_str()),
            checker: m.checker.as_ref().map(|p| p.name.as_str()),
            checked_on: checked_on.as_deref(),
            lang,
        };
        let fonts = pdf::fonts()?;
        minutes::check_printable(&doc, fonts)?;
        let pdf_bytes = pdf::to_pdf(&minutes::layout(&doc, fonts, now))?;
        let state = self.invitation(meeting_id, &req.include, lang)?;
        let with_email: Vec<_> = state.invited.iter().filter(|i| i.email.is_some()).collect();
        let eml_bytes = match eml {
            None => None,
            Some(_) => {
                let o = self.organiser()?;
                let from = Address {
                    name: o.name.clone().unwrap_or_default(),
                    email: o.email.clone().ok_or(Error::NoCoordinatorEmail)?,
                };
                let wording = self.mail_wording(lang)?.wording.minutes;
                let values = self.mail_values(&meeting, "", &[], None, lang)?;
                let stem = crate::forms::safe_stem(&format!(
                    "{} {} {}",
                    lang.pick("Minnesanteckningar", "Minutes"),
                    meeting.group_name,
                    meeting.date
                ));
                Some(mail::eml(&Draft {
                    from,
                    recipients: with_email
                        .iter()
                        .map(|i| Address {
                            name: i.name.clone(),
                            email: i.email.clone().unwrap_or_default(),
                        })
                        .collect(),
                    mode: req.recipients,
                    subject: fill_subject(&wording.subject, &values),
                    body: fill_mail(&wording.body, &values),
                    calendar: None,
                    attachments: vec![MailAttachment {
                        file_name: format!("{stem}.pdf"),
                        content_type: "application/pdf",
                        bytes: pdf_bytes.clone(),
                    }],
                    date: now,
                })?)
            }
        };
        if let Some(p) = pdf_path {
            write_file(p, &pdf_bytes)?;
        }
        if let (Some(p), Some(b)) = (eml, &eml_bytes) {
            write_file(p, b)?;
        }
        let mut people: Vec<Id> = m.attendance.iter().map(|a| a.person_id).collect();
        for i in &state.invited {
            if !people.contains(&i.person_id) {
                people.push(i.person_id);
            }
        }
        let protected_included =
            m.attendance.iter().any(|a| a.protected) || state.invited.iter().any(|i| i.protected);
        let what = format!(
            "{}: {}, {}",
            lang.pick("Minnesanteckningar", "Minutes"),
            meeting.group_name,
            meeting.date
        );
        let pdf_logged = pdf_path.map(logged_path);
        let eml_logged = eml.map(logged_path);
        let mut recs = Vec::new();
        if let Some(p) = &pdf_logged {
            recs.push(ExportRecord {
                kind: ExportKind::MinutesPdf,
                description: format!("{what} (PDF)"),
                group_id: Some(meeting.group_id),
                people: &people,
                protected_included,
                file: Some(p),
            });
        }
        if let Some(p) = &eml_logged {
            recs.push(ExportRecord {
                kind: ExportKind::MinutesEmail,
                description: format!("{what} (e-post)"),
                group_id: Some(meeting.group_id),
                people: &people,
                protected_included,
                file: Some(p),
            });
        }
        let mut row = store::minutes::get(&self.conn, meeting_id)?.unwrap_or_default();
        if eml.is_some() {
            row.drafted_at.get_or_insert_with(|| super::log_time(now));
            row.sent_at = Some(super::log_time(now));
        }
        let sent = eml.is_some();
        self.record_exports_with(&recs, now, |tx, _| {
            if sent {
                store::minutes::put(tx, meeting_id, &row)?;
            }
            Ok(())
        })?;
        Ok(MinutesOutcome {
            pdf: pdf_logged.map(|p| p.display().to_string()),
            eml: eml_logged.map(|p| p.display().to_string()),
            recipients: with_email.len(),
            status: status_of(&row),
        })
    }
}
