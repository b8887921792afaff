//! The exports built on meetings: rosters (CSV, XLSX, PDF), the attendance list to sign (PDF),
//! mailing lists and calendars (.ics) with their organiser; each recorded in the export log,
//! with people with protected personal data left out unless included for that one export.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Register;
use super::exports::ExportRecord;
use super::meetings::{not_found, year_bounds};
use crate::error::{Entity, Error, Field};
use crate::export::ics::Organiser;
use crate::export::roster::{LeftOut, MailingList, Roster, RosterFormat, RosterRow};
use crate::export::{self, roster_pdf, write_file};
use crate::lang::Lang;
use crate::model::log::ExportKind;
use crate::model::{Id, Meeting};
use crate::pdf;
use crate::store;

/// Which meetings a calendar file holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CalendarQuery {
    #[serde(default)]
    pub group_id: Option<Id>,
    #[serde(default)]
    pub year: Option<i32>,
    /// Only the meetings this person is invited to.
    #[serde(default)]
    pub person_id: Option<Id>,
    /// The person has protected personal data and the coordinator includes them anyway.
    #[serde(default)]
    pub include_protected: bool,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ExportOutcome {
    pub file: String,
    /// Rows (roster) or meetings (calendar) written.
    pub items: usize,
    pub people: usize,
    pub protected_left_out: usize,
    pub export_id: Id,
}

/// The coordinator, who organises the meetings: kept once in the register's settings and
/// named as the organiser in calendars. Title and phone may be left out by older callers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrganiserInfo {
    pub name: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

impl Register {
    /// The roster of a group on a meeting's day (or on `today`), protected people left out
    /// unless named in `include`.
    pub fn roster(
        &self,
        group_id: Id,
        meeting_id: Option<Id>,
        today: NaiveDate,
        include: &[Id],
    ) -> Result<Roster, Error> {
        let group = self.group(group_id)?;
        let day = match meeting_id {
            Some(id) => {
                let m = self.meeting(id)?;
                if m.group_id != group_id {
                    return Err(not_found(Entity::Meeting, id));
                }
                m.date
            }
            None => today,
        };
        let entries = store::meetings::roster(&self.conn, group_id, day)?;
        let mut left_out: Vec<LeftOut> = Vec::new();
        let mut rows = Vec::with_capacity(entries.len());
        for e in entries {
            if e.protected && !include.contains(&e.person_id) {
                if !left_out.iter().any(|l| l.person_id == e.person_id) {
                    left_out.push(LeftOut {
                        person_id: e.person_id,
                        name: e.name,
                    });
                }
                continue;
            }
            rows.push(RosterRow {
                person_id: e.person_id,
                organisation: e.organisation,
                role: e.role,
                name: e.name,
                title: e.title,
                email: e.email,
                // Kept in the form every export shows (see `Phone`): formatting 20,000 numbers
                // here would cost more than a roster may.
                phone: e.phone,
                protected: e.protected,
            });
        }
        Ok(Roster {
            group_id,
            group_name: group.name.to_string(),
            day,
            meeting_id,
            rows,
            protected_left_out: left_out.len(),
            left_out,
        })
    }

    /// Writes a roster file and records the export.
    #[allow(clippy::too_many_arguments)]
    pub fn export_roster(
        &mut self,
        group_id: Id,
        meeting_id: Option<Id>,
        format: RosterFormat,
        path: &Path,
        include: &[Id],
        today: NaiveDate,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> Result<ExportOutcome, Error> {
        let roster = self.roster(group_id, meeting_id, today, include)?;
        let (bytes, kind, label) = match format {
            RosterFormat::Csv => (
                export::csv::roster(&roster, lang),
                ExportKind::RosterCsv,
                "CSV",
            ),
            RosterFormat::Xlsx => (
                export::xlsx::roster(&roster, self.info()?.network_name.as_deref(), lang, now)?,
                ExportKind::RosterXlsx,
                "XLSX",
            ),
            RosterFormat::Pdf => {
                let network = self.info()?.network_name;
                let fonts = pdf::fonts()?;
                roster_pdf::check_printable(&roster, None, network.as_deref(), lang, fonts)?;
                let doc = roster_pdf::roster(&roster, network.as_deref(), lang, fonts, now);
                (pdf::to_pdf(&doc)?, ExportKind::RosterPdf, "PDF")
            }
        };
        write_file(path, &bytes)?;
        let description = format!(
            "{} ({label}): {}, {}",
            lang.pick("Deltagarlista", "Roster"),
            roster.group_name,
            roster.day
        );
        self.record_roster_file(kind, description, &roster, path, now)
    }

    /// Records a file written from a roster (who is in it, whether a protected person was
    /// included) and says what was written.
    fn record_roster_file(
        &mut self,
        kind: ExportKind,
        description: String,
        roster: &Roster,
        path: &Path,
        now: DateTime<Utc>,
    ) -> Result<ExportOutcome, Error> {
        let path = &export::logged_path(path);
        let people = roster.people();
        let export_id = self.record_export(
            &ExportRecord {
                kind,
                description,
                group_id: Some(roster.group_id),
                people: &people,
                protected_included: roster.rows.iter().any(|r| r.protected),
                file: Some(path),
            },
            now,
        )?;
        Ok(ExportOutcome {
            file: path.display().to_string(),
            items: roster.rows.len(),
            people: people.len(),
            protected_left_out: roster.protected_left_out,
            export_id,
        })
    }

    /// Writes the attendance list of a meeting, to sign (PDF): the people invited (the
    /// group's members on the meeting's day, protected people left out unless in `include`),
    /// and blank rows for the others. Recorded as an export.
    pub fn export_attendance_list(
        &mut self,
        meeting_id: Id,
        path: &Path,
        include: &[Id],
        lang: Lang,
        now: DateTime<Utc>,
    ) -> Result<ExportOutcome, Error> {
        let meeting = self.meeting(meeting_id)?;
        let roster = self.roster(meeting.group_id, Some(meeting_id), meeting.date, include)?;
        let network = self.info()?.network_name;
        let fonts = pdf::fonts()?;
        roster_pdf::check_printable(&roster, Some(&meeting), network.as_deref(), lang, fonts)?;
        let doc =
            roster_pdf::attendance_list(&meeting, &roster, network.as_deref(), lang, fonts, now);
        write_file(path, &pdf::to_pdf(&doc)?)?;
        let description = format!(
            "{} (PDF): {}, {}",
            lang.pick("Närvarolista", "Attendance list"),
            meeting.group_name,
            meeting.date
        );
        self.record_roster_file(ExportKind::AttendanceList, description, &roster, path, now)
    }

    /// The mailing list of a group (on a meeting's day or `today`); recorded as an export
    /// (to the clipboard or the screen).
    pub fn mailing_list(
        &mut self,
        group_id: Id,
        meeting_id: Option<Id>,
        include: &[Id],
        today: NaiveDate,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> Result<MailingList, Error> {
        let roster = self.roster(group_id, meeting_id, today, include)?;
        let list = MailingList::from_roster(&roster);
        self.record_export(
            &ExportRecord {
                kind: ExportKind::MailingList,
                description: format!(
                    "{}: {}, {}",
                    lang.pick("Sändlista", "Mailing list"),
                    roster.group_name,
                    roster.day
                ),
                group_id: Some(group_id),
                people: &list.people,
                protected_included: roster
                    .rows
                    .iter()
                    .any(|r| r.protected && list.people.contains(&r.person_id)),
                file: None,
            },
            now,
        )?;
        Ok(list)
    }

    pub fn organiser(&self) -> Result<OrganiserInfo, Error> {
        let get = |key| -> Result<Option<String>, Error> {
            Ok(store::settings::get(&self.conn, key)?.filter(|v| !v.is_empty()))
        };
        Ok(OrganiserInfo {
            name: get("organiser_name")?,
            title: get("organiser_title")?,
            email: get("organiser_email")?,
            phone: get("organiser_phone")?,
        })
    }

    /// Sets the coordinator's details (named in calendars as the organiser). Empty values are
    /// kept out; name and title are one line each.
    pub fn set_organiser(&mut self, info: &OrganiserInfo) -> Result<OrganiserInfo, Error> {
        let one_line = |field, v: Option<&str>| -> Result<Option<String>, Error> {
            let v = crate::model::optional_text(field, v)?;
            if v.as_deref().is_some_and(|v| v.contains(['\n', '\r'])) {
                return Err(Error::invalid(field, crate::error::Invalid::LineBreak));
            }
            Ok(v)
        };
        let name = one_line(Field::Name, info.name.as_deref())?;
        let title = one_line(Field::Title, info.title.as_deref())?;
        let email = info
            .email
            .as_deref()
            .filter(|e| !e.trim().is_empty())
            .map(|e| crate::model::Email::parse(Field::Email, e))
            .transpose()?;
        let phone = info
            .phone
            .as_deref()
            .filter(|p| !p.trim().is_empty())
            .map(|p| crate::model::Phone::parse(Field::Phone, p))
            .transpose()?;
        self.write(|tx| {
            store::settings::set(tx, "organiser_name", name.as_deref().unwrap_or(""))?;
            store::settings::set(tx, "organiser_title", title.as_deref().unwrap_or(""))?;
            store::settings::set(
                tx,
                "organiser_email",
                email.as_ref().map_or("", |e| e.as_str()),
            )?;
            store::settings::set(
                tx,
                "organiser_phone",
                phone.as_ref().map_or("", |p| p.as_str()),
            )
        })?;
        self.organiser()
    }

    /// The meetings a calendar file would hold, and its name.
    pub fn calendar_meetings(&self, q: &CalendarQuery) -> Result<(String, Vec<Meeting>), Error> {
        let (from, to) = match q.year {
            Some(y) => {
                let (a, b) = year_bounds(y)?;
                (Some(a), Some(b))
            }
            None => (None, None),
        };
        let mut name = self
            .info()?
            .network_name
            .unwrap_or_else(|| "Samverkan".to_owned());
        let mut meetings = match q.person_id {
            Some(p) => {
                let person = self.person(p)?;
                if person.protected && !q.include_protected {
                    return Err(Error::ProtectedPerson {
                        person: person.name.to_string(),
                    });
                }
                name = format!("{name}: {}", person.name);
                store::meetings::for_person(&self.conn, p, from, to)?
            }
            None => store::meetings::list(&self.conn, None, from, to)?,
        };
        if let Some(g) = q.group_id {
            let group = self.group(g)?;
            name = format!("{name}: {}", group.name);
            meetings.retain(|m| m.group_id == g);
        }
        Ok((name, meetings))
    }

    /// Writes an .ics file of meetings and records the export (with the person, for a
    /// person's calendar).
    pub fn export_calendar(
        &mut self,
        q: &CalendarQuery,
        path: &Path,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> Result<ExportOutcome, Error> {
        let (name, meetings) = self.calendar_meetings(q)?;
        let org = self.organiser()?;
        let text = export::ics::calendar(
            &name,
            &meetings,
            &Organiser {
                name: org.name.filter(|s| !s.is_empty()),
                email: org.email.filter(|s| !s.is_empty()),
            },
            now,
        );
        write_file(path, text.as_bytes())?;
        let path = &export::logged_path(path);
        let people: Vec<Id> = q.person_id.into_iter().collect();
        let protected_included = match q.person_id {
            Some(p) => self.person(p)?.protected,
            None => false,
        };
        let export_id = self.record_export(
            &ExportRecord {
                kind: ExportKind::Calendar,
                description: match q.person_id {
                    // The person by reference: rendered with their name when shown.
                    Some(p) => format!(
                        "{} (.ics): {}",
                        lang.pick("Kalender", "Calendar"),
                        super::exports::person_ref(p)
                    ),
                    None => format!("{} (.ics): {name}", lang.pick("Kalender", "Calendar")),
                },
                group_id: q.group_id,
                people: &people,
                protected_included,
                file: Some(path),
            },
            now,
        )?;
        Ok(ExportOutcome {
            file: path.display().to_string(),
            items: meetings.len(),
            people: people.len(),
            protected_left_out: 0,
            export_id,
        })
    }
}
