//! The two languages of the user interface and how a language is chosen from a tag.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A language the product speaks. Swedish is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Lang {
    #[default]
    Sv,
    En,
}

impl Lang {
    /// Reads a language tag such as `sv`, `en`, `en_GB.UTF-8` or `sv-SE`; anything that is not
    /// English falls back to Swedish, the product's default.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Sv
        }
    }

    /// Picks the Swedish or the English text.
    pub fn pick<'a>(self, sv: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_tags_choose_english_and_everything_else_swedish() {
        assert_eq!(Lang::from_tag("en_GB.UTF-8"), Lang::En);
        assert_eq!(Lang::from_tag("EN"), Lang::En);
        assert_eq!(Lang::from_tag("sv_SE.UTF-8"), Lang::Sv);
        assert_eq!(Lang::from_tag("C"), Lang::Sv);
        assert_eq!(Lang::from_tag(""), Lang::Sv);
    }
}
