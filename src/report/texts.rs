//! The text sections the coordinator writes for a year's report (results and effects,
//! analysis, regional and local needs, next year's priorities), in the order the report
//! prints them, with their default headings.

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

    pub fn heading(self, lang: Lang) -> &'static str {
        match self {
            ReportSection::Results => lang.pick("Resultat och effekter", "Results and effects"),
            ReportSection::Analysis => lang.pick("Analys", "Analysis"),
            ReportSection::Needs => {
                lang.pick("Regionala och lokala behov", "Regional and local needs")
            }
            ReportSection::Priorities => {
                lang.pick("Prioriteringar för nästa år", "Priorities for next year")
            }
        }
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
            .find(|x| x.code() == key || crate::model::name_key(x.heading(Lang::Sv)) == key)
            .ok_or_else(|| Error::invalid(Field::Kind, Invalid::UnknownValue(s.to_owned())))
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
