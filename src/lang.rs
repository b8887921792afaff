//! The two languages of the user interface and how a language is chosen from a tag.

use chrono::{Datelike, NaiveDate};
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

const SV_DAYS: [&str; 7] = [
    "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
];
const EN_DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

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

    /// A language the user asked for by name (`--lang`): `sv` or `en`, in any case, optionally
    /// with a region (`sv-SE`, `en_GB`). Anything else is not a language this product speaks.
    pub fn parse_tag(tag: &str) -> Option<Lang> {
        let t = tag.trim().to_ascii_lowercase();
        let (base, region) = t.split_at(t.find(['-', '_']).unwrap_or(t.len()));
        if region.len() == 1 {
            return None;
        }
        match base {
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the Swedish or the English text.
    pub fn pick<'a>(self, sv: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }

    /// A weekday by its ISO number (1 = Monday … 7 = Sunday): "tisdag", "Tuesday".
    pub fn weekday(self, iso: u8) -> Option<&'static str> {
        let days = match self {
            Lang::Sv => SV_DAYS,
            Lang::En => EN_DAYS,
        };
        days.get(usize::from(iso).checked_sub(1)?).copied()
    }

    /// A date written out for a printed document: "tisdag 9 mars 2027" or
    /// "Tuesday 9 March 2027".
    pub fn long_date(self, d: NaiveDate) -> String {
        const SV_MONTHS: [&str; 12] = [
            "januari",
            "februari",
            "mars",
            "april",
            "maj",
            "juni",
            "juli",
            "augusti",
            "september",
            "oktober",
            "november",
            "december",
        ];
        const EN_MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let wd = d.weekday().num_days_from_monday() as usize;
        let m = d.month0() as usize;
        let (days, months) = match self {
            Lang::Sv => (SV_DAYS, SV_MONTHS),
            Lang::En => (EN_DAYS, EN_MONTHS),
        };
        format!("{} {} {} {}", days[wd], d.day(), months[m], d.year())
    }

    /// A time of day "HH:MM" as written in running text: "13.00" in Swedish, "13:00" in
    /// English.
    pub fn clock(self, hhmm: &str) -> String {
        match self {
            Lang::Sv => hhmm.replace(':', "."),
            Lang::En => hhmm.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_are_written_out_in_each_language() {
        let d = NaiveDate::from_ymd_opt(2027, 3, 9).expect("date");
        assert_eq!(Lang::Sv.long_date(d), "tisdag 9 mars 2027");
        assert_eq!(Lang::En.long_date(d), "Tuesday 9 March 2027");
        let d = NaiveDate::from_ymd_opt(2027, 12, 19).expect("date");
        assert_eq!(Lang::Sv.long_date(d), "söndag 19 december 2027");
        assert_eq!(Lang::Sv.clock("13:00"), "13.00");
        assert_eq!(Lang::En.clock("13:00"), "13:00");
    }

    #[test]
    fn english_tags_choose_english_and_everything_else_swedish() {
        assert_eq!(Lang::from_tag("en_GB.UTF-8"), Lang::En);
        assert_eq!(Lang::from_tag("EN"), Lang::En);
        assert_eq!(Lang::from_tag("sv_SE.UTF-8"), Lang::Sv);
        assert_eq!(Lang::from_tag("C"), Lang::Sv);
        assert_eq!(Lang::from_tag(""), Lang::Sv);
    }

    #[test]
    fn only_swedish_and_english_are_asked_for_by_name() {
        for (tag, lang) in [
            ("sv", Lang::Sv),
            ("EN", Lang::En),
            ("en-GB", Lang::En),
            ("sv_SE", Lang::Sv),
        ] {
            assert_eq!(Lang::parse_tag(tag), Some(lang), "{tag}");
        }
        for tag in ["xx", "", "english", "svenska", "en-", "de"] {
            assert_eq!(Lang::parse_tag(tag), None, "{tag}");
        }
    }
}
