//! Meetings of a group, their status, attendance, each group's plan settings (weekdays, time,
//! place) and the periods the coordinator blocks for planning.

use chrono::{NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Id;
use super::text::optional_text;
use crate::error::{Error, Field, Invalid};
use crate::lang::Lang;
use crate::model::date::parse_date;

macro_rules! meeting_vocabulary {
    ($(#[$doc:meta])* $ty:ident, $field:expr, { $($variant:ident = $code:literal, $sv:literal, $en:literal, [$($alias:literal),*];)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
        #[serde(rename_all = "snake_case")]
        #[ts(export)]
        pub enum $ty { $($variant),+ }

        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];
            pub fn code(self) -> &'static str {
                match self { $($ty::$variant => $code),+ }
            }
            pub fn label(self, lang: Lang) -> &'static str {
                match self { $($ty::$variant => lang.pick($sv, $en)),+ }
            }
            pub fn from_code(code: &str) -> Option<$ty> {
                match code { $($code => Some($ty::$variant),)+ _ => None }
            }
        }

        impl std::str::FromStr for $ty {
            type Err = Error;
            fn from_str(s: &str) -> Result<$ty, Error> {
                let key = crate::model::name_key(s);
                $(
                    if key == $code || key == crate::model::name_key($sv) || key == crate::model::name_key($en) $(|| key == $alias)* {
                        return Ok($ty::$variant);
                    }
                )+
                Err(Error::invalid($field, Invalid::UnknownValue(s.to_owned())))
            }
        }
    };
}

meeting_vocabulary!(
    /// Where a meeting stands. A cancelled meeting stays in the history.
    MeetingStatus, Field::Status, {
        Planned = "planned", "Planerat", "Planned", ["planerad"];
        Held = "held", "Genomfört", "Held", ["genomförd", "hållet"];
        Cancelled = "cancelled", "Inställt", "Cancelled", ["inställd", "canceled"];
    }
);

meeting_vocabulary!(
    /// How an invited person attended.
    AttendanceStatus, Field::Status, {
        Present = "present", "Närvarande", "Present", ["närvaro", "deltog"];
        Absent = "absent", "Frånvarande", "Absent", ["frånvaro"];
        Excused = "excused", "Anmält förhinder", "Excused", ["förhinder", "ursäktad"];
    }
);

meeting_vocabulary!(
    /// What an agenda item is for.
    AgendaKind, Field::ItemKind, {
        Information = "information", "Information", "Information", ["info", "informationspunkt"];
        Discussion = "discussion", "Diskussion", "Discussion", ["diskussionspunkt", "samtal"];
        Decision = "decision", "Beslut", "Decision", ["beslutspunkt"];
    }
);

/// The longest meeting text fields (agenda note) may be.
pub const MAX_AGENDA_CHARS: usize = 4000;

/// A meeting as read from the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Meeting {
    pub id: Id,
    pub group_id: Id,
    pub group_name: String,
    pub date: NaiveDate,
    /// Local time in Europe/Stockholm, "HH:MM".
    pub start: String,
    pub end: String,
    pub place: Option<String>,
    pub online_link: Option<String>,
    pub agenda: Option<String>,
    pub status: MeetingStatus,
    /// Held beside the cadence (not counted by the year plan).
    pub extra: bool,
    /// The calendar identity: never changes.
    pub uid: String,
    /// Increases with every change, so calendars replace the old entry.
    pub sequence: i64,
    /// UTC, RFC 3339.
    pub updated_at: String,
}

/// A meeting's fields as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeetingDraft {
    pub group_id: Id,
    /// YYYY-MM-DD.
    pub date: String,
    /// HH:MM; the group's plan setting when empty.
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub end: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub online_link: Option<String>,
    #[serde(default)]
    pub agenda: Option<String>,
    #[serde(default)]
    pub extra: bool,
    /// Planned when absent.
    #[serde(default)]
    pub status: Option<MeetingStatus>,
}

/// Checked meeting fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingFields {
    pub group_id: Id,
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub place: Option<String>,
    pub online_link: Option<String>,
    pub agenda: Option<String>,
    pub extra: bool,
    pub status: MeetingStatus,
}

/// Parses a clock time written `HH:MM` (or `H:MM`, `HH.MM`).
pub fn parse_time(field: Field, s: &str) -> Result<NaiveTime, Error> {
    let t = s.trim().replace('.', ":");
    NaiveTime::parse_from_str(&t, "%H:%M")
        .map_err(|_| Error::invalid(field, Invalid::Time(s.to_owned())))
}

/// A clock time as stored and shown: `HH:MM`.
pub fn format_time(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// A link must be a web address (https or http), one line.
pub fn optional_link(s: Option<&str>) -> Result<Option<String>, Error> {
    let Some(link) = optional_text(Field::OnlineLink, s)? else {
        return Ok(None);
    };
    let lower = link.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://"))
        || link.chars().any(char::is_whitespace)
    {
        return Err(Error::invalid(Field::OnlineLink, Invalid::Link));
    }
    Ok(Some(link))
}

fn one_line(field: Field, s: Option<&str>) -> Result<Option<String>, Error> {
    let v = optional_text(field, s)?;
    if v.as_deref().is_some_and(|v| v.contains(['\n', '\r'])) {
        return Err(Error::invalid(field, Invalid::LineBreak));
    }
    Ok(v)
}

impl MeetingFields {
    /// Checks a draft; `defaults` supplies the times when the draft leaves them out.
    pub fn check(d: &MeetingDraft, defaults: &PlanSettings) -> Result<MeetingFields, Error> {
        let date = parse_date(Field::Date, &d.date)?;
        let time = |field, s: Option<&str>, default: &str| match s.filter(|s| !s.trim().is_empty())
        {
            Some(s) => parse_time(field, s),
            None => parse_time(field, default),
        };
        let start = time(Field::Start, d.start.as_deref(), &defaults.start)?;
        let end = time(Field::End, d.end.as_deref(), &defaults.end)?;
        if end <= start {
            return Err(Error::invalid(Field::End, Invalid::EndBeforeStart));
        }
        let agenda = optional_text(Field::Agenda, d.agenda.as_deref())?;
        if agenda
            .as_deref()
            .is_some_and(|a| a.chars().count() > MAX_AGENDA_CHARS)
        {
            return Err(Error::invalid(
                Field::Agenda,
                Invalid::TooLong {
                    max: MAX_AGENDA_CHARS,
                },
            ));
        }
        Ok(MeetingFields {
            group_id: d.group_id,
            date,
            start,
            end,
            place: one_line(Field::Place, d.place.as_deref())?,
            online_link: optional_link(d.online_link.as_deref())?,
            agenda,
            extra: d.extra,
            status: d.status.unwrap_or(MeetingStatus::Planned),
        })
    }
}

impl From<&Meeting> for MeetingDraft {
    fn from(m: &Meeting) -> MeetingDraft {
        MeetingDraft {
            group_id: m.group_id,
            date: m.date.to_string(),
            start: Some(m.start.clone()),
            end: Some(m.end.clone()),
            place: m.place.clone(),
            online_link: m.online_link.clone(),
            agenda: m.agenda.clone(),
            extra: m.extra,
            status: Some(m.status),
        }
    }
}

/// A group's planning preferences. Weekdays are ISO numbers (1 = Monday … 5 = Friday).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanSettings {
    pub group_id: Id,
    pub weekdays: Vec<u8>,
    /// "HH:MM".
    pub start: String,
    pub end: String,
    pub place: Option<String>,
    pub online_link: Option<String>,
}

impl PlanSettings {
    /// What a group plans with until the coordinator says otherwise: Tuesday to Thursday,
    /// 09:00–12:00.
    pub fn default_for(group_id: Id) -> PlanSettings {
        PlanSettings {
            group_id,
            weekdays: vec![2, 3, 4],
            start: "09:00".into(),
            end: "12:00".into(),
            place: None,
            online_link: None,
        }
    }

    /// Checks the settings as typed: at least one weekday from Monday to Friday, a start before
    /// the end, a one-line place, a web link.
    pub fn checked(&self) -> Result<PlanSettings, Error> {
        let mut weekdays = self.weekdays.clone();
        weekdays.sort_unstable();
        weekdays.dedup();
        if weekdays.is_empty() {
            return Err(Error::invalid(Field::Weekdays, Invalid::Empty));
        }
        if weekdays.iter().any(|d| !(1..=5).contains(d)) {
            return Err(Error::invalid(
                Field::Weekdays,
                Invalid::OutOfRange { min: 1, max: 5 },
            ));
        }
        let start = parse_time(Field::Start, &self.start)?;
        let end = parse_time(Field::End, &self.end)?;
        if end <= start {
            return Err(Error::invalid(Field::End, Invalid::EndBeforeStart));
        }
        Ok(PlanSettings {
            group_id: self.group_id,
            weekdays,
            start: format_time(start),
            end: format_time(end),
            place: one_line(Field::Place, self.place.as_deref())?,
            online_link: optional_link(self.online_link.as_deref())?,
        })
    }

    pub fn chrono_weekdays(&self) -> Vec<Weekday> {
        self.weekdays
            .iter()
            .filter_map(|d| Weekday::try_from(d.saturating_sub(1)).ok())
            .collect()
    }
}

/// Parses weekdays written as Swedish or English names or abbreviations, or ISO numbers,
/// separated by commas: "tis,ons", "tue, wed", "2,3".
pub fn parse_weekdays(s: &str) -> Result<Vec<u8>, Error> {
    let names: [(&[&str], u8); 5] = [
        (&["1", "mån", "måndag", "mon", "monday"], 1),
        (&["2", "tis", "tisdag", "tue", "tuesday"], 2),
        (&["3", "ons", "onsdag", "wed", "wednesday"], 3),
        (&["4", "tor", "tors", "torsdag", "thu", "thursday"], 4),
        (&["5", "fre", "fredag", "fri", "friday"], 5),
    ];
    s.split(',')
        .map(|w| w.trim().to_lowercase())
        .filter(|w| !w.is_empty())
        .map(|w| {
            names
                .iter()
                .find(|(ns, _)| ns.contains(&w.as_str()))
                .map(|(_, n)| *n)
                .ok_or_else(|| Error::invalid(Field::Weekdays, Invalid::UnknownValue(w.clone())))
        })
        .collect()
}

/// A period in which no meeting is planned (for every group, or for one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Blackout {
    pub id: Id,
    pub group_id: Option<Id>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub label: String,
}

/// A blocked period as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BlackoutDraft {
    #[serde(default)]
    pub group_id: Option<Id>,
    pub from: String,
    pub to: String,
    pub label: String,
}

/// Checked blackout fields: from ≤ to, at most a year long, a label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlackoutFields {
    pub group_id: Option<Id>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub label: String,
}

impl TryFrom<&BlackoutDraft> for BlackoutFields {
    type Error = Error;
    fn try_from(d: &BlackoutDraft) -> Result<BlackoutFields, Error> {
        let from = parse_date(Field::From, &d.from)?;
        let to = parse_date(Field::To, &d.to)?;
        if to < from {
            return Err(Error::invalid(Field::To, Invalid::ToBeforeFrom));
        }
        if (to - from).num_days() > 366 {
            return Err(Error::invalid(
                Field::To,
                Invalid::OutOfRange { min: 1, max: 366 },
            ));
        }
        let label = one_line(Field::Label, Some(&d.label))?
            .ok_or_else(|| Error::invalid(Field::Label, Invalid::Empty))?;
        Ok(BlackoutFields {
            group_id: d.group_id,
            from,
            to,
            label,
        })
    }
}

/// One invited person's attendance at a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AttendanceRow {
    pub person_id: Id,
    pub person_name: String,
    pub person_protected: bool,
    pub organisation_id: Id,
    pub organisation_name: String,
    /// The role in the group on the meeting's day; `None` for someone who came in another's
    /// place without an appointment.
    pub role: Option<super::Role>,
    /// Not yet taken when `None`.
    pub status: Option<AttendanceStatus>,
    /// Attended in this person's place (a substitute for the representative).
    pub substitute_for: Option<Id>,
    pub substitute_for_name: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_weekdays_parse_in_both_languages() {
        assert_eq!(
            parse_time(Field::Start, "9.30").ok(),
            NaiveTime::from_hms_opt(9, 30, 0)
        );
        assert!(parse_time(Field::Start, "25:00").is_err());
        assert_eq!(parse_weekdays("tis, Onsdag,thu").ok(), Some(vec![2, 3, 4]));
        assert!(parse_weekdays("lördag").is_err());
        assert_eq!(
            "inställt".parse::<MeetingStatus>().ok(),
            Some(MeetingStatus::Cancelled)
        );
        assert_eq!(
            "förhinder".parse::<AttendanceStatus>().ok(),
            Some(AttendanceStatus::Excused)
        );
    }

    #[test]
    fn a_meeting_ending_before_it_starts_is_refused() {
        let d = MeetingDraft {
            group_id: 1,
            date: "2027-03-10".into(),
            start: Some("13:00".into()),
            end: Some("12:00".into()),
            ..MeetingDraft::default()
        };
        let e = MeetingFields::check(&d, &PlanSettings::default_for(1)).expect_err("refused");
        assert_eq!(e.field(), Some(Field::End));
    }

    #[test]
    fn settings_refuse_weekends_and_links_must_be_web_addresses() {
        let mut s = PlanSettings::default_for(1);
        s.weekdays = vec![6];
        assert!(s.checked().is_err());
        assert!(optional_link(Some("javascript:alert(1)")).is_err());
        assert!(optional_link(Some("https://meet.example.se/abc")).is_ok());
    }
}
