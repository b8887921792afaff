//! Checked text values: names, optional free text, e-mail addresses, phone numbers, and the
//! comparison key under which names are matched.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, Field, Invalid};

/// The longest free-text value the register accepts in any field, in characters: the form's
/// wording. Every other field has its own, shorter limit ([`max_chars`]).
pub const MAX_TEXT_CHARS: usize = 10_000;

/// The longest name: of a person, an organisation, a group, a function. The longest names in
/// Sweden's registers of authorities and associations are about 90 characters
/// ("Stiftelsen … för …"); 120 holds them with room and still fits a form's box on two lines.
pub const MAX_NAME_CHARS: usize = 120;

/// The longest value each field accepts, in characters. Names and one-line values are held
/// to what fits on the screens and in the printed documents; the longest allowed value of
/// every field prints whole on every document (tests print them).
pub fn max_chars(field: Field) -> usize {
    use Field::*;
    match field {
        Name | PrincipalName | Function | LocalGroup | Title | Presenter | Heading => {
            MAX_NAME_CHARS
        }
        ItemTitle => crate::model::MAX_ITEM_TITLE_CHARS,
        ShortName => 40,
        OrgNumber => 20,
        Email => 254,
        Phone => 40,
        PostalAddress | Contact | Place => 200,
        Label => crate::model::MAX_SEAT_LABEL_CHARS,
        OnlineLink => 1000,
        Reason => 500,
        Description | Notes => 4000,
        Agenda => crate::model::meeting::MAX_AGENDA_CHARS,
        Wording | Template => MAX_TEXT_CHARS,
        Kind | GroupKind | MeetingsPerYear | Role | Organisation | From | To | Date | Days
        | Status | Start | End | Weekdays | Year | Format | Months | Position | Seat | Entity
        | Language | ItemKind | Minutes | Section | Checker => 200,
    }
}

/// The key under which names are compared: Unicode NFC, case folded, surrounding white space
/// removed and inner runs of white space collapsed. "Falun", " FALUN " and "falun" share a key,
/// and so do "Ödegård" typed precomposed and "Ödegård" typed with combining marks.
pub fn name_key(s: &str) -> String {
    let folded: String = s.nfc().flat_map(char::to_lowercase).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The key under which names sort in Swedish order: a–z, then å, ä, ö (æ and ø with ä and ö,
/// ü with y); other accents do not change a letter's place (é sorts as e).
pub fn sort_key(s: &str) -> String {
    name_key(s)
        .chars()
        .flat_map(|c| {
            let mapped = match c {
                'å' => Some('{'),
                'ä' | 'æ' => Some('|'),
                'ö' | 'ø' => Some('}'),
                'ü' => Some('y'),
                _ => None,
            };
            match mapped {
                Some(m) => vec![m],
                None => c
                    .to_string()
                    .nfd()
                    .filter(|d| !unicode_normalization::char::is_combining_mark(*d))
                    .collect(),
            }
        })
        .collect()
}

fn check_text(field: Field, s: &str) -> Result<(), Error> {
    let max = max_chars(field);
    if s.chars().count() > max {
        return Err(Error::invalid(field, Invalid::TooLong { max }));
    }
    // Tabs and line breaks are allowed in free text; other control characters (NUL, escape…)
    // are never something a person meant to type, and they break exports.
    if s.chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        return Err(Error::invalid(field, Invalid::ControlCharacter));
    }
    Ok(())
}

/// A name that is not empty: stored exactly as entered, compared through [`name_key`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, type = "string")]
pub struct Name(String);

impl Name {
    pub fn parse(field: Field, s: &str) -> Result<Name, Error> {
        if s.trim().is_empty() {
            return Err(Error::invalid(field, Invalid::Empty));
        }
        check_text(field, s)?;
        if s.contains(['\n', '\r']) {
            return Err(Error::invalid(field, Invalid::LineBreak));
        }
        if s.contains('\t') {
            return Err(Error::invalid(field, Invalid::Tab));
        }
        Ok(Name(s.to_owned()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn key(&self) -> String {
        name_key(&self.0)
    }
    /// For values read back from the store, which were checked when written.
    pub(crate) fn from_store(s: String) -> Name {
        Name(s)
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Optional free text (a title, an address, notes): an empty or blank input means "not known".
pub fn optional_text(field: Field, s: Option<&str>) -> Result<Option<String>, Error> {
    match s {
        None => Ok(None),
        Some(s) if s.trim().is_empty() => Ok(None),
        Some(s) => {
            check_text(field, s)?;
            Ok(Some(s.to_owned()))
        }
    }
}

/// An e-mail address with a plausible shape: one `@`, a local part, a domain with a dot, no
/// white space. Stored without surrounding white space.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, type = "string")]
pub struct Email(String);

impl Email {
    pub fn parse(field: Field, s: &str) -> Result<Email, Error> {
        let s = s.trim();
        let bad = || Error::invalid(field, Invalid::Email);
        let max = max_chars(Field::Email);
        if s.chars().count() > max {
            return Err(Error::invalid(field, Invalid::TooLong { max }));
        }
        if s.len() > max || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(bad());
        }
        let (local, domain) = s.split_once('@').ok_or_else(bad)?;
        let domain_ok = domain.contains('.')
            && !domain.contains('@')
            && !domain.starts_with(['.', '-'])
            && !domain.ends_with(['.', '-'])
            && !domain.contains("..");
        if local.is_empty() || local.len() > 64 || !domain_ok || s.contains(['<', '>', ',', ';']) {
            return Err(bad());
        }
        Ok(Email(s.to_owned()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub(crate) fn from_store(s: String) -> Email {
        Email(s)
    }
}

/// A phone number, checked to be a number (digits with the usual separators, 5 to 15 digits, an
/// optional leading `+`) and kept the way it is written everywhere: Swedish numbers in the
/// national form (`070-123 45 67`), foreign ones in international form (`+47 22 00 00 00`),
/// a number the numbering plan does not know as entered. Written so once, when it is entered,
/// so that every export shows the same form without the cost of formatting thousands of
/// numbers at export time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, type = "string")]
pub struct Phone(String);

impl Phone {
    pub fn parse(field: Field, s: &str) -> Result<Phone, Error> {
        let s = s.trim();
        let max = max_chars(Field::Phone);
        if s.chars().count() > max {
            return Err(Error::invalid(field, Invalid::TooLong { max }));
        }
        let body = s.strip_prefix('+').unwrap_or(s);
        let allowed = body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '/' | '.'));
        let digits = body.chars().filter(char::is_ascii_digit).count();
        if !allowed || !(5..=15).contains(&digits) {
            return Err(Error::invalid(field, Invalid::Phone));
        }
        Ok(Phone(Phone(s.to_owned()).display()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub(crate) fn from_store(s: String) -> Phone {
        Phone(s)
    }

    /// The number written the Swedish way (`070-123 45 67`, `023-123 45`), or in international
    /// form for foreign numbers; as entered when it cannot be read as a real number. A number
    /// read from an older register may still be as entered; this writes it the same way.
    pub fn display(&self) -> String {
        use phonenumber::{Mode, country::Id};
        match phonenumber::parse(Some(Id::SE), &self.0) {
            Ok(n) if phonenumber::is_valid(&n) => {
                if n.code().value() == 46 {
                    n.format().mode(Mode::National).to_string()
                } else {
                    n.format().mode(Mode::International).to_string()
                }
            }
            _ => self.0.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The UI checks lengths as the user types, against the same limits: they are written for
    /// it to `ui/src/lib/bindings/limits.ts` (like the ts-rs bindings beside it).
    #[test]
    fn the_limits_are_exported_to_the_ui() {
        use Field::*;
        let fields = [
            ("name", Name),
            ("title", Title),
            ("principalName", PrincipalName),
            ("function", Function),
            ("localGroup", LocalGroup),
            ("shortName", ShortName),
            ("orgNumber", OrgNumber),
            ("email", Email),
            ("phone", Phone),
            ("postalAddress", PostalAddress),
            ("contact", Contact),
            ("place", Place),
            ("label", Label),
            ("onlineLink", OnlineLink),
            ("reason", Reason),
            ("description", Description),
            ("notes", Notes),
            ("agenda", Agenda),
            ("itemTitle", ItemTitle),
            ("presenter", Presenter),
            ("wording", Wording),
            ("heading", Heading),
        ];
        let mut ts = String::from(
            "// Generated by `cargo test -p samverkan --lib` from `model::max_chars`: do not edit.\n\n\
             /** The longest value each field takes, in characters (the core refuses longer). */\n\
             export const LIMITS = {\n",
        );
        for (key, field) in fields {
            ts.push_str(&format!("  {key}: {},\n", max_chars(field)));
        }
        ts.push_str("} as const;\n\nexport type LimitedField = keyof typeof LIMITS;\n");
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/src/lib/bindings/limits.ts");
        if std::fs::read_to_string(path).ok().as_deref() != Some(ts.as_str()) {
            std::fs::write(path, &ts).expect("write the UI's limits");
        }
        assert!(ts.contains(&format!("  name: {MAX_NAME_CHARS},")));
    }

    #[test]
    fn name_keys_ignore_case_composition_and_spacing() {
        let decomposed = "O\u{308}dega\u{30a}rd"; // Ö and å written with combining marks
        assert_eq!(name_key(decomposed), name_key("ÖDEGÅRD"));
        assert_eq!(name_key("  Falu   kommun "), "falu kommun");
    }

    #[test]
    fn names_sort_in_swedish_order() {
        let mut names = vec!["Örebro", "Åre", "Älvdalen", "Zeta", "Ekerö", "Émile"];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(
            names,
            vec!["Ekerö", "Émile", "Zeta", "Åre", "Älvdalen", "Örebro"]
        );
    }

    #[test]
    fn names_are_stored_exactly_as_entered() {
        let n = Name::parse(Field::Name, " Märta  Ödegård-Ibáñez").expect("valid");
        assert_eq!(n.as_str(), " Märta  Ödegård-Ibáñez");
    }

    #[test]
    fn a_tab_in_a_name_is_called_a_tab_and_a_line_break_a_line_break() {
        let e = Name::parse(Field::Name, "Anna\tBerg").expect_err("tab");
        assert!(
            matches!(
                e,
                Error::Invalid {
                    reason: Invalid::Tab,
                    ..
                }
            ),
            "{e:?}"
        );
        let e = Name::parse(Field::Name, "Anna\nBerg").expect_err("line break");
        assert!(
            matches!(
                e,
                Error::Invalid {
                    reason: Invalid::LineBreak,
                    ..
                }
            ),
            "{e:?}"
        );
    }

    #[test]
    fn blank_and_control_character_names_are_refused() {
        assert!(Name::parse(Field::Name, "   ").is_err());
        assert!(Name::parse(Field::Name, "a\u{0}b").is_err());
        assert!(Name::parse(Field::Name, "a\nb").is_err());
        assert!(Name::parse(Field::Name, &"x".repeat(MAX_NAME_CHARS + 1)).is_err());
        assert!(Name::parse(Field::Name, &"x".repeat(MAX_NAME_CHARS)).is_ok());
    }

    #[test]
    fn right_to_left_and_bidi_marks_are_allowed_in_names() {
        assert!(Name::parse(Field::Name, "\u{202B}مريم\u{202C}").is_ok());
    }

    #[test]
    fn emails_need_a_local_part_and_a_domain() {
        assert!(Email::parse(Field::Email, " anna@falun.se ").is_ok());
        for bad in [
            "anna",
            "@falun.se",
            "anna@falun",
            "anna@@falun.se",
            "an na@falun.se",
            "a@.se",
        ] {
            assert!(
                Email::parse(Field::Email, bad).is_err(),
                "{bad} should be refused"
            );
        }
    }

    #[test]
    fn swedish_phone_numbers_are_written_the_swedish_way() {
        let p = Phone::parse(Field::Phone, "+46701234567").expect("valid");
        assert_eq!(p.display(), "070-123 45 67");
        let p = Phone::parse(Field::Phone, "0701234567").expect("valid");
        assert_eq!(p.display(), "070-123 45 67");
        let p = Phone::parse(Field::Phone, "08 123 456 78").expect("valid");
        assert_eq!(p.display(), "08-123 456 78");
    }

    /// Numbers are kept in the form every export shows, whatever way they were typed: the
    /// national form for Swedish numbers, international for foreign ones, as entered for a
    /// number no numbering plan knows.
    #[test]
    fn phone_numbers_are_kept_in_the_form_they_are_shown() {
        for (typed, kept) in [
            ("+46 70 101 11 21", "070-101 11 21"),
            ("0046701011121", "070-101 11 21"),
            ("070-1011121", "070-101 11 21"),
            ("023-123 45", "023-123 45"),
            ("+47 22 00 00 00", "+47 22 00 00 00"),
            ("004722000000", "+47 22 00 00 00"),
            ("12345", "12345"),
        ] {
            let p = Phone::parse(Field::Phone, typed).expect("valid");
            assert_eq!(p.as_str(), kept, "{typed}");
            assert_eq!(
                Phone::parse(Field::Phone, kept).expect("again").as_str(),
                kept
            );
        }
    }

    #[test]
    fn phone_numbers_with_letters_are_refused() {
        assert!(Phone::parse(Field::Phone, "070-ABC").is_err());
        assert!(Phone::parse(Field::Phone, "12").is_err());
    }
}
