//! The mandate form's wording: the title, the sections before and after the filled-in
//! blocks, the note above the signatures and the coordinator's contact. The coordinator edits
//! it; every saved version is kept and every printed form records the version it used. The
//! defaults (Swedish and English) are `assets/forms/wording-*.json`.
//!
//! Texts may hold placeholders in braces, replaced when printing (see [`PLACEHOLDERS`]). In a
//! section's text a blank line separates paragraphs and a line starting with "- " is a bullet.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Field, Invalid};
use crate::lang::Lang;

const DEFAULT_SV: &str = include_str!("../../assets/forms/wording-sv.json");
const DEFAULT_EN: &str = include_str!("../../assets/forms/wording-en.json");

/// Earlier built-in defaults, oldest first (`assets/forms/earlier/`). A register whose newest
/// saved wording is one of them, unedited, prints the current default instead (saved as a
/// new version at the next print); the saved versions themselves are never changed.
const EARLIER_SV: &[&str] = &[include_str!("../../assets/forms/earlier/wording-sv-1.json")];
const EARLIER_EN: &[&str] = &[include_str!("../../assets/forms/earlier/wording-en-1.json")];

/// The placeholders a wording may use.
pub const PLACEHOLDERS: &[&str] = &[
    "network",
    "group",
    "group_description",
    "organisation",
    "meetings_per_year",
    "meetings_words",
    "representative",
    "substitute",
    "principal",
];

/// A heading and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Section {
    pub heading: String,
    pub text: String,
}

/// Who the representatives contact about the group: printed on every form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Coordinator {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
}

/// The editable text of the mandate form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Wording {
    pub title: String,
    /// Sections printed before the filled-in blocks (background, the group's mission).
    pub before: Vec<Section>,
    /// Sections printed after them (commitments).
    pub after: Vec<Section>,
    /// The text above the signatures.
    pub signature_note: String,
    #[serde(default)]
    pub coordinator: Coordinator,
}

/// A saved version of the wording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct WordingVersion {
    /// The version number; `None` for the built-in default, not yet used or saved.
    pub version: Option<i64>,
    pub lang: Lang,
    /// When it was saved (UTC, RFC 3339).
    pub saved_at: Option<String>,
    pub wording: Wording,
}

impl Wording {
    /// The built-in default in a language.
    pub fn default_for(lang: Lang) -> Wording {
        let src = match lang {
            Lang::Sv => DEFAULT_SV,
            Lang::En => DEFAULT_EN,
        };
        // The files are part of the build and parsed in a test; a broken edit gives a bare
        // wording rather than a panic.
        serde_json::from_str(src).unwrap_or_else(|_| Wording {
            title: String::new(),
            before: Vec::new(),
            after: Vec::new(),
            signature_note: String::new(),
            coordinator: Coordinator::default(),
        })
    }

    /// Whether this is an earlier built-in default of `lang` as it was shipped: the same
    /// title, sections and signature note (the coordinator's contact details are not part
    /// of the default and may have been filled in).
    pub fn is_earlier_default(&self, lang: Lang) -> bool {
        let earlier = match lang {
            Lang::Sv => EARLIER_SV,
            Lang::En => EARLIER_EN,
        };
        earlier.iter().any(|src| {
            serde_json::from_str::<Wording>(src).is_ok_and(|w| {
                w.title == self.title
                    && w.before == self.before
                    && w.after == self.after
                    && w.signature_note == self.signature_note
            })
        })
    }

    /// Every text of the wording with a label naming where it is, for checks and messages.
    pub fn texts(&self, lang: Lang) -> Vec<(String, &str)> {
        let mut out = vec![(
            lang.pick("rubriken", "the title").to_owned(),
            self.title.as_str(),
        )];
        for s in self.before.iter().chain(&self.after) {
            let h = s.heading.as_str();
            out.push((lang.pick("en rubrik", "a heading").to_owned(), h));
            out.push((
                format!("{} ”{h}”", lang.pick("avsnittet", "the section")),
                s.text.as_str(),
            ));
        }
        out.push((
            lang.pick(
                "texten före underskrifterna",
                "the text above the signatures",
            )
            .to_owned(),
            self.signature_note.as_str(),
        ));
        let c = &self.coordinator;
        for (label, v) in [
            (
                lang.pick("samordnarens namn", "the coordinator's name"),
                &c.name,
            ),
            (
                lang.pick("samordnarens titel", "the coordinator's title"),
                &c.title,
            ),
            (
                lang.pick("samordnarens e-post", "the coordinator's e-mail"),
                &c.email,
            ),
            (
                lang.pick("samordnarens telefon", "the coordinator's phone"),
                &c.phone,
            ),
        ] {
            out.push((label.to_owned(), v.as_str()));
        }
        out
    }

    /// Checks a wording before it is saved: a title, headings that are not empty, no unknown
    /// placeholder, no unclosed brace.
    pub fn check(&self) -> Result<(), Error> {
        let invalid = |reason| Err(Error::invalid(Field::Wording, reason));
        if self.title.trim().is_empty() {
            return invalid(Invalid::Empty);
        }
        if self
            .before
            .iter()
            .chain(&self.after)
            .any(|s| s.heading.trim().is_empty())
        {
            return invalid(Invalid::Empty);
        }
        for (_, text) in self.texts(Lang::Sv) {
            if text.chars().count() > crate::model::MAX_TEXT_CHARS {
                return invalid(Invalid::TooLong {
                    max: crate::model::MAX_TEXT_CHARS,
                });
            }
            for piece in placeholders(text) {
                match piece {
                    Ok(name) if PLACEHOLDERS.contains(&name) => {}
                    Ok(name) => return invalid(Invalid::UnknownValue(format!("{{{name}}}"))),
                    Err(()) => return invalid(Invalid::UnknownValue("{".to_owned())),
                }
            }
        }
        Ok(())
    }
}

/// The placeholders in a text, in order; `Err` for a brace that is never closed.
fn placeholders(text: &str) -> Vec<Result<&str, ()>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        match rest[start..].find('}') {
            Some(len) => {
                out.push(Ok(&rest[start + 1..start + len]));
                rest = &rest[start + len + 1..];
            }
            None => {
                out.push(Err(()));
                break;
            }
        }
    }
    out
}

/// Replaces the placeholders of `text` with `value(name)`; a placeholder without a value
/// becomes a line to fill in by hand.
pub fn fill(text: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        match rest[start..].find('}') {
            Some(len) => {
                let name = &rest[start + 1..start + len];
                match value(name).filter(|v| !v.trim().is_empty()) {
                    Some(v) => out.push_str(&v),
                    None => out.push_str(BLANK),
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
    out
}

/// What a missing value in running text becomes: a line to write on.
pub const BLANK: &str = "____________________";

/// A small count in words, for "about four times a year"; numerals from 13 on.
pub fn count_words(n: u16, lang: Lang) -> String {
    const SV: [&str; 13] = [
        "noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva",
        "tolv",
    ];
    const EN: [&str; 13] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    let words = match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    };
    words
        .get(usize::from(n))
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_parse_and_pass_their_own_check() {
        for lang in [Lang::Sv, Lang::En] {
            let w = Wording::default_for(lang);
            assert!(!w.title.is_empty() && !w.before.is_empty() && !w.after.is_empty());
            w.check().expect("default wording is valid");
        }
    }

    #[test]
    fn earlier_defaults_are_recognised_and_the_current_one_reads_well() {
        for lang in [Lang::Sv, Lang::En] {
            let current = Wording::default_for(lang);
            assert!(!current.is_earlier_default(lang), "{lang:?}");
            let mut first: Wording = serde_json::from_str(match lang {
                Lang::Sv => EARLIER_SV[0],
                Lang::En => EARLIER_EN[0],
            })
            .expect("earlier default");
            first.coordinator.name = "Anna Samordnare".into();
            assert!(first.is_earlier_default(lang), "{lang:?}");
            first.title.push('!');
            assert!(
                !first.is_earlier_default(lang),
                "an edited text is the coordinator's"
            );
        }
        let sv = serde_json::to_string(&Wording::default_for(Lang::Sv)).expect("json");
        assert!(
            !sv.contains("hela varje"),
            "#12.9: 'nå ut i hela varje organisation'"
        );
    }

    #[test]
    fn an_unknown_placeholder_is_refused() {
        let mut w = Wording::default_for(Lang::Sv);
        w.title = "Uppdrag för {kommun}".into();
        let e = w.check().expect_err("unknown placeholder");
        assert!(
            e.message(Lang::Sv).contains("{kommun}"),
            "{}",
            e.message(Lang::Sv)
        );
        w.title = "Uppdrag {group".into();
        assert!(w.check().is_err());
    }

    #[test]
    fn filling_replaces_known_values_and_leaves_a_line_for_unknown_ones() {
        let text = "{organisation} möts {meetings_words} gånger; kontakt {principal}.";
        let out = fill(text, |k| match k {
            "organisation" => Some("Falu kommun".into()),
            "meetings_words" => Some(count_words(4, Lang::Sv)),
            _ => None,
        });
        assert_eq!(
            out,
            format!("Falu kommun möts fyra gånger; kontakt {BLANK}.")
        );
        assert_eq!(count_words(24, Lang::En), "24");
    }
}
