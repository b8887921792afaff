//! A meeting's invitation (kallelse): who is invited, which version a draft written now is
//! (the first invitation, an update after the date, time, place or link changed, or a
//! cancellation), the e-mail draft (.eml with the meeting request and the printed invitation
//! attached) and the PDF; each written file in the export log and the version recorded
//! (`invitation_sent`), all in one transaction. Also the e-mails' wording and its versions.

use std::path::Path;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Register;
use super::exports::ExportRecord;
use crate::error::{Error, Internal};
use crate::export::ics::{self, Attendee, ItipMethod, Organiser};
use crate::export::invitation::{
    self, Change, InvitationDoc, InvitationKind, Invitee, agenda_text, changes_text,
};
use crate::export::roster::LeftOut;
use crate::export::{logged_path, write_file};
use crate::lang::Lang;
use crate::mail::wording::{MailText, MailWording, MailWordingVersion, fill_mail, fill_subject};
use crate::mail::{self, Address, Draft, MailAttachment, Recipients};
use crate::model::log::ExportKind;
use crate::model::{AgendaOf, Id, Meeting, MeetingStatus};
use crate::pdf;
use crate::store;
use crate::store::invitations::SentRow;

/// An invitation that was written: its version and what it announced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SentInvitation {
    pub sequence: i64,
    pub kind: InvitationKind,
    /// UTC, RFC 3339.
    pub sent_at: String,
    pub date: String,
    pub start: String,
    pub end: String,
    pub place: Option<String>,
    pub online_link: Option<String>,
    pub recipients: i64,
}

/// Where a meeting's invitation stands, and what a draft written now would be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct InvitationState {
    pub meeting_id: Id,
    pub kind: InvitationKind,
    /// The iTIP SEQUENCE a draft written now carries.
    pub sequence: i64,
    /// What changed since the last invitation (for an update).
    pub changes: Vec<Change>,
    pub last: Option<SentInvitation>,
    /// The meeting now differs from the last invitation written (an update or a cancellation
    /// is due).
    pub differs: bool,
    /// A cancelled meeting whose invitation was never written: nothing to send.
    pub nothing_to_send: bool,
    /// Everyone invited in the draft (protected people only when included).
    pub invited: Vec<Invitee>,
    /// Those of them without an e-mail address: print the PDF for them.
    pub without_email: Vec<Invitee>,
    /// People with protected personal data left out (to include for this one draft).
    pub left_out: Vec<LeftOut>,
    /// The e-mail as it will read.
    pub subject: String,
    pub body: String,
    /// The coordinator's e-mail is set (the meeting request's organiser).
    pub has_organiser: bool,
}

/// How to write an invitation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InvitationRequest {
    /// People with protected personal data to include in this one invitation.
    #[serde(default)]
    pub include: Vec<Id>,
    #[serde(default)]
    pub recipients: Recipients,
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct InvitationOutcome {
    pub eml: Option<String>,
    pub pdf: Option<String>,
    pub kind: InvitationKind,
    pub sequence: i64,
    /// Addresses the e-mail goes to.
    pub recipients: usize,
    /// Invited people without an address (names), to print the PDF for.
    pub without_email: Vec<String>,
    pub protected_left_out: usize,
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "sv",
        Lang::En => "en",
    }
}

fn sent_kind(row: &SentRow) -> InvitationKind {
    match (row.method.as_str(), row.sequence) {
        ("cancel", _) => InvitationKind::Cancellation,
        (_, 0) => InvitationKind::Invitation,
        _ => InvitationKind::Update,
    }
}

/// What changed between the last invitation and the meeting now.
fn changes(last: &SentRow, m: &Meeting) -> Vec<Change> {
    let mut out = Vec::new();
    if last.method == "cancel" && m.status != MeetingStatus::Cancelled {
        out.push(Change::Reinstated);
    }
    if last.date != m.date.to_string() {
        out.push(Change::Date);
    }
    if last.start != m.start || last.end != m.end {
        out.push(Change::Time);
    }
    if last.place != m.place {
        out.push(Change::Place);
    }
    if last.online_link != m.online_link {
        out.push(Change::OnlineLink);
    }
    out
}

/// The kind, sequence and changes of a draft written now, from the last one written.
fn next_version(last: Option<&SentRow>, m: &Meeting) -> (InvitationKind, i64, Vec<Change>, bool) {
    let cancelled = m.status == MeetingStatus::Cancelled;
    match last {
        None => (
            if cancelled {
                InvitationKind::Cancellation
            } else {
                InvitationKind::Invitation
            },
            0,
            Vec::new(),
            false,
        ),
        Some(l) if cancelled => {
            if l.method == "cancel" {
                (InvitationKind::Cancellation, l.sequence, Vec::new(), false)
            } else {
                (
                    InvitationKind::Cancellation,
                    l.sequence + 1,
                    Vec::new(),
                    true,
                )
            }
        }
        Some(l) => {
            let c = changes(l, m);
            if c.is_empty() {
                (sent_kind(l), l.sequence, c, false)
            } else {
                (InvitationKind::Update, l.sequence + 1, c, true)
            }
        }
    }
}

/// What one draft is made of, gathered once for the preview and the files.
struct Gathered {
    meeting: Meeting,
    state: InvitationState,
    agenda: Vec<crate::model::AgendaItem>,
    network: Option<String>,
    organiser: super::OrganiserInfo,
    coordinator_lines: Vec<String>,
}

impl Register {
    /// The e-mails' wording in a language: the newest saved version, else the default.
    pub fn mail_wording(&self, lang: Lang) -> Result<MailWordingVersion, Error> {
        match store::invitations::latest_wording(&self.conn, lang_code(lang))? {
            Some(row) => Ok(MailWordingVersion {
                version: Some(row.id),
                lang,
                saved_at: Some(row.created_at),
                wording: serde_json::from_str::<MailWording>(&row.body)
                    .map(|w| w.completed(lang))
                    .unwrap_or_else(|_| MailWording::default_for(lang)),
            }),
            None => Ok(MailWordingVersion {
                version: None,
                lang,
                saved_at: None,
                wording: MailWording::default_for(lang),
            }),
        }
    }

    /// Saves a new version of the e-mails' wording (checked first); earlier ones are kept.
    pub fn save_mail_wording(
        &mut self,
        lang: Lang,
        wording: &MailWording,
        now: DateTime<Utc>,
    ) -> Result<MailWordingVersion, Error> {
        wording.check()?;
        let body =
            serde_json::to_string(wording).map_err(|e| Error::internal(Internal::Json, e))?;
        let at = super::log_time(now);
        self.write(|tx| store::invitations::insert_wording(tx, lang_code(lang), &at, &body))?;
        self.mail_wording(lang)
    }

    /// The coordinator's lines as printed and signed: name, title, e-mail, phone (those set).
    pub(crate) fn coordinator_lines(&self) -> Result<Vec<String>, Error> {
        let o = self.organiser()?;
        Ok([o.name, o.title, o.email, o.phone]
            .into_iter()
            .flatten()
            .collect())
    }

    /// The values of the e-mail placeholders for a meeting.
    pub(crate) fn mail_values(
        &self,
        m: &Meeting,
        agenda: &str,
        changes: &[Change],
        previous: Option<&SentRow>,
        lang: Lang,
    ) -> Result<impl Fn(&str) -> Option<String> + use<>, Error> {
        let network = self.info()?.network_name;
        let o = self.organiser()?;
        let previous = previous.map(|p| {
            let mut s = match chrono::NaiveDate::parse_from_str(&p.date, "%Y-%m-%d") {
                Ok(d) => lang.long_date(d),
                Err(_) => p.date.clone(),
            };
            s.push_str(&format!(
                " {} {}–{}",
                lang.pick("kl.", "at"),
                lang.clock(&p.start),
                lang.clock(&p.end)
            ));
            if let Some(place) = &p.place {
                s.push_str(&format!(", {place}"));
            }
            s
        });
        let m = m.clone();
        let agenda = agenda.to_owned();
        let changes = changes_text(changes, lang);
        Ok(move |k: &str| -> Option<String> {
            match k {
                "network" => network.clone(),
                "group" => Some(m.group_name.clone()),
                "date" => Some(lang.long_date(m.date)),
                "start" => Some(lang.clock(&m.start)),
                "end" => Some(lang.clock(&m.end)),
                "place" => m.place.clone(),
                "online_link" => m.online_link.clone(),
                "agenda" => Some(agenda.clone()),
                "changes" => Some(changes.clone()),
                "previous" => previous.clone(),
                "coordinator" => o.name.clone(),
                "coordinator_title" => o.title.clone(),
                "coordinator_email" => o.email.clone(),
                "coordinator_phone" => o.phone.clone(),
                _ => None,
            }
        })
    }

    fn gather_invitation(
        &self,
        meeting_id: Id,
        include: &[Id],
        lang: Lang,
    ) -> Result<(Gathered, Option<SentRow>), Error> {
        let meeting = self.meeting(meeting_id)?;
        let roster = self.roster(meeting.group_id, Some(meeting_id), meeting.date, include)?;
        let last = store::invitations::latest(&self.conn, meeting_id)?;
        let (kind, sequence, changes, differs) = next_version(last.as_ref(), &meeting);
        let invited: Vec<Invitee> = roster
            .rows
            .iter()
            .map(|r| Invitee {
                person_id: r.person_id,
                name: r.name.clone(),
                organisation: r.organisation.clone(),
                role: r.role,
                email: r.email.clone(),
                protected: r.protected,
            })
            .collect();
        let without_email = invited
            .iter()
            .filter(|i| i.email.is_none())
            .cloned()
            .collect();
        let agenda = self.agenda(AgendaOf::Meeting(meeting_id))?.items;
        let wording = self.mail_wording(lang)?.wording;
        let text = match kind {
            InvitationKind::Invitation => &wording.invitation,
            InvitationKind::Update => &wording.update,
            InvitationKind::Cancellation => &wording.cancellation,
        };
        let values = self.mail_values(
            &meeting,
            &agenda_text(&agenda, lang),
            &changes,
            last.as_ref(),
            lang,
        )?;
        let MailText { subject, body } = text;
        let organiser = self.organiser()?;
        let state = InvitationState {
            meeting_id,
            kind,
            sequence,
            changes,
            last: last.as_ref().map(|l| SentInvitation {
                sequence: l.sequence,
                kind: sent_kind(l),
                sent_at: l.sent_at.clone(),
                date: l.date.clone(),
                start: l.start.clone(),
                end: l.end.clone(),
                place: l.place.clone(),
                online_link: l.online_link.clone(),
                recipients: l.recipients,
            }),
            differs,
            nothing_to_send: kind == InvitationKind::Cancellation && last.is_none(),
            invited,
            without_email,
            left_out: roster.left_out,
            subject: fill_subject(subject, &values),
            body: fill_mail(body, &values),
            has_organiser: organiser.email.is_some(),
        };
        Ok((
            Gathered {
                meeting,
                state,
                agenda,
                network: self.info()?.network_name,
                coordinator_lines: self.coordinator_lines()?,
                organiser,
            },
            last,
        ))
    }

    /// Where a meeting's invitation stands and what a draft written now would say.
    pub fn invitation(
        &self,
        meeting_id: Id,
        include: &[Id],
        lang: Lang,
    ) -> Result<InvitationState, Error> {
        Ok(self.gather_invitation(meeting_id, include, lang)?.0.state)
    }

    /// Writes a meeting's invitation: the e-mail draft to `eml` (when given) with the meeting
    /// request and the printed invitation attached, the printed invitation to `pdf` (when
    /// given). An update or a cancellation follows from the meeting's state. Each file is in
    /// the export log; a draft records the version sent.
    pub fn write_invitation(
        &mut self,
        meeting_id: Id,
        eml: Option<&Path>,
        pdf_path: Option<&Path>,
        req: &InvitationRequest,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> Result<InvitationOutcome, Error> {
        let (g, _) = self.gather_invitation(meeting_id, &req.include, lang)?;
        let s = &g.state;
        if s.nothing_to_send && eml.is_some() {
            return Err(Error::NothingToCancel {
                group: g.meeting.group_name.clone(),
                date: g.meeting.date,
            });
        }
        let fonts = pdf::fonts()?;
        let doc = InvitationDoc {
            kind: s.kind,
            meeting: &g.meeting,
            network: g.network.as_deref(),
            agenda: &g.agenda,
            invited: &s.invited,
            changes: &s.changes,
            coordinator: &g.coordinator_lines,
            lang,
        };
        invitation::check_printable(&doc, fonts)?;
        let pdf_bytes = pdf::to_pdf(&invitation::layout(&doc, fonts, now))?;
        let title = invitation::kicker_title(s.kind, lang);
        let file_stem = crate::forms::safe_stem(&format!(
            "{title} {} {}",
            g.meeting.group_name, g.meeting.date
        ));
        let with_email: Vec<&Invitee> = s.invited.iter().filter(|i| i.email.is_some()).collect();
        let eml_bytes = match eml {
            None => None,
            Some(_) => {
                let from_email = g.organiser.email.clone().ok_or(Error::NoCoordinatorEmail)?;
                let from = Address {
                    name: g.organiser.name.clone().unwrap_or_default(),
                    email: from_email.clone(),
                };
                let method = if s.kind == InvitationKind::Cancellation {
                    ItipMethod::Cancel
                } else {
                    ItipMethod::Request
                };
                let attendees: Vec<Attendee> = with_email
                    .iter()
                    .map(|i| Attendee {
                        name: i.name.clone(),
                        email: i.email.clone().unwrap_or_default(),
                        required: i.required(),
                    })
                    .collect();
                let mut description = agenda_text(&g.agenda, lang);
                if let Some(link) = &g.meeting.online_link {
                    description.push_str(&format!(
                        "\n\n{}: {link}",
                        lang.pick("Möteslänk", "Online link")
                    ));
                }
                let calendar = ics::itip(
                    method,
                    &g.meeting,
                    s.sequence,
                    &Organiser {
                        name: g.organiser.name.clone(),
                        email: Some(from_email),
                    },
                    &attendees,
                    description.trim(),
                    now,
                );
                let draft = Draft {
                    from,
                    recipients: with_email
                        .iter()
                        .map(|i| Address {
                            name: i.name.clone(),
                            email: i.email.clone().unwrap_or_default(),
                        })
                        .collect(),
                    mode: req.recipients,
                    subject: s.subject.clone(),
                    body: s.body.clone(),
                    calendar: Some((calendar, method.code())),
                    attachments: vec![MailAttachment {
                        file_name: format!("{file_stem}.pdf"),
                        content_type: "application/pdf",
                        bytes: pdf_bytes.clone(),
                    }],
                    date: now,
                };
                Some(mail::eml(&draft)?)
            }
        };
        if let (Some(path), Some(bytes)) = (eml, &eml_bytes) {
            write_file(path, bytes)?;
        }
        if let Some(path) = pdf_path {
            write_file(path, &pdf_bytes)?;
        }
        let everyone: Vec<Id> = s.invited.iter().map(|i| i.person_id).collect();
        let addressed: Vec<Id> = with_email.iter().map(|i| i.person_id).collect();
        let protected_included = s.invited.iter().any(|i| i.protected);
        let what = format!(
            "{title}: {}, {} ({} {})",
            g.meeting.group_name,
            g.meeting.date,
            lang.pick("version", "version"),
            s.sequence
        );
        let eml_logged = eml.map(logged_path);
        let pdf_logged = pdf_path.map(logged_path);
        let mut recs = Vec::new();
        if let Some(p) = &eml_logged {
            recs.push(ExportRecord {
                kind: ExportKind::InvitationEmail,
                description: format!("{what} (e-post)"),
                group_id: Some(g.meeting.group_id),
                people: &everyone,
                protected_included,
                file: Some(p),
            });
        }
        if let Some(p) = &pdf_logged {
            recs.push(ExportRecord {
                kind: ExportKind::InvitationPdf,
                description: format!("{what} (PDF)"),
                group_id: Some(g.meeting.group_id),
                people: &everyone,
                protected_included,
                file: Some(p),
            });
        }
        let sent = eml.map(|_| SentRow {
            sequence: s.sequence,
            method: if s.kind == InvitationKind::Cancellation {
                "cancel".into()
            } else {
                "request".into()
            },
            date: g.meeting.date.to_string(),
            start: g.meeting.start.clone(),
            end: g.meeting.end.clone(),
            place: g.meeting.place.clone(),
            online_link: g.meeting.online_link.clone(),
            recipients: addressed.len() as i64,
            sent_at: super::log_time(now),
        });
        self.record_exports_with(&recs, now, |tx, ids| match &sent {
            Some(row) => store::invitations::insert(tx, meeting_id, row, ids[0]),
            None => Ok(()),
        })?;
        Ok(InvitationOutcome {
            eml: eml_logged.map(|p| p.display().to_string()),
            pdf: pdf_logged.map(|p| p.display().to_string()),
            kind: s.kind,
            sequence: s.sequence,
            recipients: addressed.len(),
            without_email: s.without_email.iter().map(|i| i.name.clone()).collect(),
            protected_left_out: s.left_out.len(),
        })
    }
}
