//! Meetings as an iCalendar file (RFC 5545): one VEVENT per meeting with its stable UID and a
//! SEQUENCE that increases with every change, so that Outlook and Thunderbird update the entry
//! on re-import instead of adding a second one; cancelled meetings as `STATUS:CANCELLED`;
//! local times with `TZID=Europe/Stockholm` and its VTIMEZONE. Text is escaped, lines are
//! folded at 75 octets and end with CRLF. [`itip`] writes one meeting as a meeting request or
//! cancellation (RFC 5546) for an invitation's e-mail.

use chrono::{DateTime, NaiveDate, Utc};

use crate::model::{Meeting, MeetingStatus};

/// Who sends the invitations (the coordinator).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Organiser {
    pub name: Option<String>,
    pub email: Option<String>,
}

/// The time zone of every meeting: Central European Time with the EU's summer-time rule
/// (last Sunday of March 02:00 to last Sunday of October 03:00), in force since 1996.
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Stockholm",
    "X-LIC-LOCATION:Europe/Stockholm",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value (like CN): quoted, without the characters a quoted value may not hold.
fn param_value(s: &str) -> String {
    let clean: String = s.chars().filter(|c| *c != '"' && !c.is_control()).collect();
    format!("\"{clean}\"")
}

/// Folds a content line at 75 octets (never inside a UTF-8 character) and ends it with CRLF.
pub fn fold(line: &str, out: &mut String) {
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

fn local(date: NaiveDate, hhmm: &str) -> String {
    format!("{}T{}00", date.format("%Y%m%d"), hhmm.replace(':', ""))
}

fn utc(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// The calendar of `meetings`, named `name`, stamped at `stamp`.
pub fn calendar(
    name: &str,
    meetings: &[Meeting],
    organiser: &Organiser,
    stamp: DateTime<Utc>,
) -> String {
    let mut out = String::new();
    let mut put = |line: String| fold(&line, &mut out);
    put("BEGIN:VCALENDAR".into());
    put("VERSION:2.0".into());
    put(format!(
        "PRODID:-//Samverkan//Samverkan {}//SV",
        env!("CARGO_PKG_VERSION")
    ));
    put("CALSCALE:GREGORIAN".into());
    put("METHOD:PUBLISH".into());
    put(format!("X-WR-CALNAME:{}", escape_text(name)));
    put("X-WR-TIMEZONE:Europe/Stockholm".into());
    for l in VTIMEZONE {
        put((*l).into());
    }
    for m in meetings {
        put("BEGIN:VEVENT".into());
        put(format!("UID:{}", m.uid));
        put(format!("DTSTAMP:{}", utc(stamp)));
        if let Ok(modified) = DateTime::parse_from_rfc3339(&m.updated_at) {
            put(format!(
                "LAST-MODIFIED:{}",
                utc(modified.with_timezone(&Utc))
            ));
        }
        put(format!("SEQUENCE:{}", m.sequence));
        put(format!(
            "DTSTART;TZID=Europe/Stockholm:{}",
            local(m.date, &m.start)
        ));
        put(format!(
            "DTEND;TZID=Europe/Stockholm:{}",
            local(m.date, &m.end)
        ));
        let cancelled = m.status == MeetingStatus::Cancelled;
        // A cancelled meeting stays in a published calendar, marked in its title and free.
        let summary = if cancelled {
            format!("Inställt: {}", m.group_name)
        } else {
            m.group_name.clone()
        };
        put(format!("SUMMARY:{}", escape_text(&summary)));
        if let Some(place) = &m.place {
            put(format!("LOCATION:{}", escape_text(place)));
        } else if let Some(link) = &m.online_link {
            put(format!("LOCATION:{}", escape_text(link)));
        }
        let mut description = Vec::new();
        if let Some(a) = &m.agenda {
            description.push(a.clone());
        }
        if let Some(link) = &m.online_link {
            put(format!("URL:{link}"));
            description.push(format!("Möteslänk / online link: {link}"));
        }
        if !description.is_empty() {
            put(format!(
                "DESCRIPTION:{}",
                escape_text(&description.join("\n\n"))
            ));
        }
        if let Some(email) = &organiser.email {
            let cn = organiser
                .name
                .as_deref()
                .map(|n| format!(";CN={}", param_value(n)))
                .unwrap_or_default();
            put(format!("ORGANIZER{cn}:mailto:{email}"));
        }
        put(format!(
            "STATUS:{}",
            if cancelled { "CANCELLED" } else { "CONFIRMED" }
        ));
        put(format!(
            "TRANSP:{}",
            if cancelled { "TRANSPARENT" } else { "OPAQUE" }
        ));
        put("END:VEVENT".into());
    }
    put("END:VCALENDAR".into());
    out
}

/// What an iTIP message asks (RFC 5546): attend the meeting, or take it out of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItipMethod {
    Request,
    Cancel,
}

impl ItipMethod {
    pub fn code(self) -> &'static str {
        match self {
            ItipMethod::Request => "REQUEST",
            ItipMethod::Cancel => "CANCEL",
        }
    }
}

/// One invited person of a meeting request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    pub name: String,
    pub email: String,
    /// `REQ-PARTICIPANT` (a representative, a member) or `OPT-PARTICIPANT` (a substitute).
    pub required: bool,
}

/// A meeting request or cancellation (iTIP, RFC 5546) of one meeting: its stable UID, the
/// `sequence` of this version, the coordinator as ORGANIZER (her address is required), one
/// ATTENDEE per invited person with an address (asked to answer), the agenda as DESCRIPTION,
/// and the same VTIMEZONE as the published calendar.
#[allow(clippy::too_many_arguments)]
pub fn itip(
    method: ItipMethod,
    meeting: &Meeting,
    sequence: i64,
    organiser: &Organiser,
    attendees: &[Attendee],
    description: &str,
    stamp: DateTime<Utc>,
) -> String {
    let mut out = String::with_capacity(2048 + attendees.len() * 120);
    let mut put = |line: String| fold(&line, &mut out);
    put("BEGIN:VCALENDAR".into());
    put("VERSION:2.0".into());
    put(format!(
        "PRODID:-//Samverkan//Samverkan {}//SV",
        env!("CARGO_PKG_VERSION")
    ));
    put("CALSCALE:GREGORIAN".into());
    put(format!("METHOD:{}", method.code()));
    for l in VTIMEZONE {
        put((*l).into());
    }
    put("BEGIN:VEVENT".into());
    put(format!("UID:{}", meeting.uid));
    put(format!("DTSTAMP:{}", utc(stamp)));
    put(format!("SEQUENCE:{sequence}"));
    put(format!(
        "DTSTART;TZID=Europe/Stockholm:{}",
        local(meeting.date, &meeting.start)
    ));
    put(format!(
        "DTEND;TZID=Europe/Stockholm:{}",
        local(meeting.date, &meeting.end)
    ));
    put(format!("SUMMARY:{}", escape_text(&meeting.group_name)));
    if let Some(place) = &meeting.place {
        put(format!("LOCATION:{}", escape_text(place)));
    } else if let Some(link) = &meeting.online_link {
        put(format!("LOCATION:{}", escape_text(link)));
    }
    if let Some(link) = &meeting.online_link {
        put(format!("URL:{link}"));
    }
    if !description.is_empty() {
        put(format!("DESCRIPTION:{}", escape_text(description)));
    }
    if let Some(email) = &organiser.email {
        let cn = organiser
            .name
            .as_deref()
            .map(|n| format!(";CN={}", param_value(n)))
            .unwrap_or_default();
        put(format!("ORGANIZER{cn}:mailto:{email}"));
    }
    for a in attendees {
        let role = if a.required {
            "REQ-PARTICIPANT"
        } else {
            "OPT-PARTICIPANT"
        };
        let answer = match method {
            ItipMethod::Request => ";PARTSTAT=NEEDS-ACTION;RSVP=TRUE",
            ItipMethod::Cancel => "",
        };
        put(format!(
            "ATTENDEE;CN={};CUTYPE=INDIVIDUAL;ROLE={role}{answer}:mailto:{}",
            param_value(&a.name),
            a.email
        ));
    }
    let cancelled = method == ItipMethod::Cancel;
    put(format!(
        "STATUS:{}",
        if cancelled { "CANCELLED" } else { "CONFIRMED" }
    ));
    put(format!(
        "TRANSP:{}",
        if cancelled { "TRANSPARENT" } else { "OPAQUE" }
    ));
    put("END:VEVENT".into());
    put("END:VCALENDAR".into());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text("a;b,c\\d\r\ne\nf"), "a\\;b\\,c\\\\d\\ne\\nf");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let line = format!("SUMMARY:{}", "ö".repeat(100));
        let mut out = String::new();
        fold(&line, &mut out);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end_matches("\r\n"), line);
    }
}
