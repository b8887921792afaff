//! The text sections the coordinator writes for a year's report (results and effects,
//! analysis, regional and local needs, next year's priorities), and the report's wording: the
//! sections' headings and order in each language, the coordinator's to edit, with defaults in
//! `assets/report/wording-{sv,en}.json`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Field, Invalid};
use crate::lang::Lang;

/// One of the report's text sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReportSection {
    Results,
    Analysis,
    Needs,
    Priorities,
}

impl ReportSection {
    pub const ALL: [ReportSection; 4] = [
        ReportSection::Results,
        ReportSection::Analysis,
        ReportSection::Needs,
        ReportSection::Priorities,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ReportSection::Results => "results",
            ReportSection::Analysis => "analysis",
            ReportSection::Needs => "needs",
            ReportSection::Priorities => "priorities",
        }
    }

    /// The section's heading in the default wording.
    pub fn heading(self, lang: Lang) -> String {
        ReportWording::default_for(lang)
            .heading(self)
            .unwrap_or(self.code())
            .to_owned()
    }

    /// Where the section's text of `year` is kept in the `setting` table.
    pub fn key(self, year: i32) -> String {
        format!("report.text.{year}.{}", self.code())
    }
}

impl std::str::FromStr for ReportSection {
    type Err = Error;
    fn from_str(s: &str) -> Result<ReportSection, Error> {
        let key = crate::model::name_key(s);
        ReportSection::ALL
            .into_iter()
            .find(|x| {
                x.code() == key
                    || [Lang::Sv, Lang::En]
                        .into_iter()
                        .any(|l| crate::model::name_key(&x.heading(l)) == key)
            })
            .ok_or_else(|| Error::invalid(Field::Section, Invalid::UnknownValue(s.to_owned())))
    }
}

/// A section's text for a year, under its heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ReportText {
    pub section: ReportSection,
    pub heading: String,
    /// Empty when nothing is written.
    pub text: String,
}

/// One section's heading in a wording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SectionHeading {
    pub section: ReportSection,
    pub heading: String,
}

/// The headings of the report's text sections in one language, in the order the report prints
/// them. Every section is listed exactly once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReportWording {
    pub sections: Vec<SectionHeading>,
}

impl ReportWording {
    /// The built-in wording of a language.
    pub fn default_for(lang: Lang) -> ReportWording {
        let json = match lang {
            Lang::Sv => include_str!("../../assets/report/wording-sv.json"),
            Lang::En => include_str!("../../assets/report/wording-en.json"),
        };
        // The defaults are checked by a test; a broken one would fail it, not the user.
        serde_json::from_str(json).unwrap_or(ReportWording {
            sections: ReportSection::ALL
                .into_iter()
                .map(|section| SectionHeading {
                    section,
                    heading: section.code().to_owned(),
                })
                .collect(),
        })
    }

    /// Where a language's wording is kept in the `setting` table.
    pub fn key(lang: Lang) -> String {
        format!("report.wording.{}", lang.pick("sv", "en"))
    }

    pub fn heading(&self, section: ReportSection) -> Option<&str> {
        self.sections
            .iter()
            .find(|h| h.section == section)
            .map(|h| h.heading.as_str())
    }

    /// Every section exactly once, each heading one line of at most
    /// `max_chars(Field::Heading)` characters, not empty. Headings are trimmed.
    pub fn checked(&self) -> Result<ReportWording, Error> {
        for section in ReportSection::ALL {
            let n = self
                .sections
                .iter()
                .filter(|h| h.section == section)
                .count();
            if n != 1 {
                return Err(Error::invalid(
                    Field::Section,
                    Invalid::NotExactlyOnce(section.code().to_owned()),
                ));
            }
        }
        let sections = self
            .sections
            .iter()
            .map(|h| {
                let heading = crate::model::Name::parse(Field::Heading, h.heading.trim())?;
                Ok(SectionHeading {
                    section: h.section,
                    heading: heading.as_str().to_owned(),
                })
            })
            .collect::<Result<_, Error>>()?;
        Ok(ReportWording { sections })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_wordings_name_every_section_once_in_order() {
        for lang in [Lang::Sv, Lang::En] {
            let w = ReportWording::default_for(lang);
            assert_eq!(w.checked().expect("a good default"), w);
            let order: Vec<ReportSection> = w.sections.iter().map(|h| h.section).collect();
            assert_eq!(order, ReportSection::ALL.to_vec());
        }
        assert_eq!(
            ReportSection::Needs.heading(Lang::Sv),
            "Regionala och lokala behov"
        );
        assert_eq!(
            ReportSection::Needs.heading(Lang::En),
            "Regional and local needs"
        );
    }

    #[test]
    fn a_wording_missing_or_repeating_a_section_is_refused() {
        let mut w = ReportWording::default_for(Lang::Sv);
        w.sections.pop();
        assert!(w.checked().is_err());
        let mut w = ReportWording::default_for(Lang::Sv);
        w.sections[3].section = ReportSection::Results;
        assert!(w.checked().is_err());
        let mut w = ReportWording::default_for(Lang::Sv);
        w.sections[0].heading = "  ".into();
        assert!(w.checked().is_err());
        w.sections[0].heading = "Två\nrader".into();
        assert!(w.checked().is_err());
        w.sections[0].heading = "x".repeat(121);
        assert!(w.checked().is_err());
    }
}
