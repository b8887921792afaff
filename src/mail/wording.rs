//! The e-mails' wording: subject and body of the invitation, the updated invitation, the
//! cancellation, the minutes and the reminder to a principal, with placeholders. The coordinator edits it; every saved
//! version is kept (`mail_wording`, like the mandate form's `form_wording`). The defaults
//! (Swedish and English) are `assets/mail/wording-*.json`.
//!
//! When filled, a line whose placeholders are all empty is left out ("Plats: {place}" for a
//! meeting held online only), so no e-mail shows a label without a value.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Field, Invalid};
use crate::lang::Lang;

const DEFAULT_SV: &str = include_str!("../../assets/mail/wording-sv.json");
const DEFAULT_EN: &str = include_str!("../../assets/mail/wording-en.json");

/// The placeholders an e-mail's wording may use.
pub const MAIL_PLACEHOLDERS: &[&str] = &[
    "network",
    "group",
    "date",
    "start",
    "end",
    "place",
    "online_link",
    "agenda",
    "changes",
    "previous",
    "coordinator",
    "coordinator_title",
    "coordinator_email",
    "coordinator_phone",
    "organisation",
    "principal",
    "seats",
    "asked",
];

/// The most characters a subject may have (a long one is cut by mail clients anyway).
pub const MAX_SUBJECT_CHARS: usize = 200;

/// One e-mail's subject and body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MailText {
    pub subject: String,
    pub body: String,
}

/// The editable wording of every e-mail the meetings send.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MailWording {
    pub invitation: MailText,
    /// An invitation sent again after the meeting's date, time, place or link changed.
    pub update: MailText,
    pub cancellation: MailText,
    pub minutes: MailText,
    /// The reminder to an organisation's principal about seats that stand empty or whose
    /// terms end soon. Versions saved before reminders existed have none: the default then.
    #[serde(default)]
    pub reminder: MailText,
}

/// A saved version of the e-mails' wording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MailWordingVersion {
    /// `None` for the built-in default, not yet saved.
    pub version: Option<i64>,
    pub lang: Lang,
    pub saved_at: Option<String>,
    pub wording: MailWording,
}

impl MailWording {
    /// The built-in default in a language.
    pub fn default_for(lang: Lang) -> MailWording {
        let src = match lang {
            Lang::Sv => DEFAULT_SV,
            Lang::En => DEFAULT_EN,
        };
        // Part of the build and parsed in a test; a broken edit gives empty texts, not a panic.
        serde_json::from_str(src).unwrap_or_default()
    }

    /// A saved wording with the texts it lacks (a version saved before they existed) taken
    /// from the default.
    pub fn completed(mut self, lang: Lang) -> MailWording {
        if self.reminder.subject.trim().is_empty() {
            self.reminder = MailWording::default_for(lang).reminder;
        }
        self
    }

    fn texts(&self) -> [&MailText; 5] {
        [
            &self.invitation,
            &self.update,
            &self.cancellation,
            &self.minutes,
            &self.reminder,
        ]
    }

    /// Checks a wording before it is saved: every subject one line, not empty and within its
    /// limit, every body within the text limit, no unknown placeholder or unclosed brace.
    pub fn check(&self) -> Result<(), Error> {
        let invalid = |reason| Err(Error::invalid(Field::Wording, reason));
        for t in self.texts() {
            if t.subject.trim().is_empty() {
                return invalid(Invalid::Empty);
            }
            if t.subject.contains(['\n', '\r']) {
                return invalid(Invalid::LineBreak);
            }
            if t.subject.chars().count() > MAX_SUBJECT_CHARS {
                return invalid(Invalid::TooLong {
                    max: MAX_SUBJECT_CHARS,
                });
            }
            if t.body.chars().count() > crate::model::MAX_TEXT_CHARS {
                return invalid(Invalid::TooLong {
                    max: crate::model::MAX_TEXT_CHARS,
                });
            }
            for text in [&t.subject, &t.body] {
                if let Some(bad) = unknown_placeholder(text) {
                    return invalid(Invalid::UnknownValue(bad));
                }
            }
        }
        Ok(())
    }
}

/// The first placeholder of `text` that is not one of [`MAIL_PLACEHOLDERS`] (or an unclosed
/// brace), as written.
fn unknown_placeholder(text: &str) -> Option<String> {
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            return Some("{".to_owned());
        };
        let name = &rest[start + 1..start + len];
        if !MAIL_PLACEHOLDERS.contains(&name) {
            return Some(format!("{{{name}}}"));
        }
        rest = &rest[start + len + 1..];
    }
    None
}

/// Fills one line; `None` when it holds placeholders and every one of them is empty.
fn fill_line(line: &str, value: &impl Fn(&str) -> Option<String>) -> Option<String> {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    let (mut seen, mut filled) = (0, 0);
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        match rest[start..].find('}') {
            Some(len) => {
                let name = &rest[start + 1..start + len];
                seen += 1;
                if let Some(v) = value(name).filter(|v| !v.trim().is_empty()) {
                    filled += 1;
                    out.push_str(&v);
                }
                rest = &rest[start + len + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    (seen == 0 || filled > 0).then(|| out.trim_end().to_owned())
}

/// Replaces the placeholders of `text` with `value(name)`, leaving out a line whose
/// placeholders are all empty. Values may hold line breaks (the agenda).
pub fn fill_mail(text: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let lines: Vec<String> = text.lines().filter_map(|l| fill_line(l, &value)).collect();
    lines.join("\n").trim_end().to_owned()
}

/// A subject filled and made one line: a line break or other control character in a value
/// becomes a space, so that no value can start a header of its own.
pub fn fill_subject(text: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let filled = fill_line(text, &value).unwrap_or_default();
    let one_line: String = filled
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    one_line.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_parse_and_pass_their_own_check() {
        for lang in [Lang::Sv, Lang::En] {
            let w = MailWording::default_for(lang);
            assert!(!w.invitation.body.is_empty() && !w.minutes.subject.is_empty());
            assert!(w.reminder.body.contains("{seats}"));
            w.check().expect("default wording is valid");
        }
    }

    #[test]
    fn a_line_whose_values_are_all_empty_is_left_out() {
        let out = fill_mail(
            "Hej\nPlats: {place}\nLänk: {online_link}\n{agenda}",
            |k| match k {
                "online_link" => Some("https://x.se".into()),
                "agenda" => Some("1. A\n2. B".into()),
                _ => None,
            },
        );
        assert_eq!(out, "Hej\nLänk: https://x.se\n1. A\n2. B");
    }

    #[test]
    fn a_version_saved_before_reminders_gets_the_default_reminder() {
        let old = r#"{"invitation":{"subject":"K","body":""},"update":{"subject":"U","body":""},
            "cancellation":{"subject":"C","body":""},"minutes":{"subject":"M","body":""}}"#;
        let w: MailWording = serde_json::from_str(old).expect("an old version still reads");
        let w = w.completed(Lang::Sv);
        assert_eq!(w.reminder, MailWording::default_for(Lang::Sv).reminder);
        assert_eq!(w.invitation.subject, "K");
        w.check().expect("valid");
    }

    #[test]
    fn a_subject_stays_one_line_whatever_its_values_hold() {
        let s = fill_subject("Kallelse: {group}", |_| {
            Some("Grupp\r\nBcc: evil@example.com".into())
        });
        assert_eq!(s, "Kallelse: Grupp Bcc: evil@example.com");
    }

    #[test]
    fn unknown_placeholders_and_line_breaks_in_a_subject_are_refused() {
        let mut w = MailWording::default_for(Lang::Sv);
        w.invitation.subject = "Kallelse {grupp}".into();
        assert!(w.check().is_err());
        w.invitation.subject = "Kallelse\n{group}".into();
        assert!(w.check().is_err());
    }
}
