//! The register's fixed vocabulary: the closed kinds (of organisation, of group, roles), each
//! with a stable code (stored, and used in JSON) and a label in both languages; how a seat is
//! named; and the dates the register accepts. Plain words that depend on nothing but the
//! language, below the error type so that its messages can use them. The parsers, which fail
//! with an [`Error`](crate::error::Error), are in `model::kinds`.

use std::ops::RangeInclusive;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::lang::Lang;

macro_rules! vocabulary {
    ($(#[$doc:meta])* $ty:ident, { $($variant:ident = $code:literal, $sv:literal, $en:literal, [$($alias:literal),*];)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        #[serde(rename_all = "snake_case")]
        #[ts(export)]
        pub enum $ty { $($variant),+ }

        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];
            /// The stable code, as stored and as written in JSON.
            pub fn code(self) -> &'static str {
                match self { $($ty::$variant => $code),+ }
            }
            pub fn label(self, lang: Lang) -> &'static str {
                match self { $($ty::$variant => lang.pick($sv, $en)),+ }
            }
            pub(crate) fn from_code(code: &str) -> Option<$ty> {
                match code { $($code => Some($ty::$variant),)+ _ => None }
            }
            /// Other words a coordinator would type for it, beside the code and the labels.
            pub(crate) fn aliases(self) -> &'static [&'static str] {
                match self { $($ty::$variant => &[$($alias),*]),+ }
            }
        }
    };
}

vocabulary!(
    /// What kind of body an organisation is.
    OrgKind, {
        Municipality = "municipality", "Kommun", "Municipality", [];
        Region = "region", "Region", "Region", [];
        Agency = "agency", "Myndighet", "Government agency", ["government agency", "statlig myndighet"];
        University = "university", "Lärosäte", "University", ["högskola", "universitet"];
        NonProfit = "non_profit", "Ideell organisation", "Non-profit", ["ideell", "nonprofit", "non-profit", "förening"];
        Other = "other", "Övrig", "Other", ["annan", "övrigt"];
    }
);

vocabulary!(
    /// What kind of group: how it works in the network.
    GroupKind, {
        Steering = "steering", "Styrgrupp", "Steering group", ["steering group"];
        County = "county", "Länsgrupp", "County group", ["county group"];
        Working = "working", "Arbetsgrupp", "Working group", ["working group"];
        Local = "local", "Lokal samverkansgrupp", "Local group", ["lokal", "local group"];
    }
);

vocabulary!(
    /// The role a person holds in a group.
    Role, {
        Representative = "representative", "Representant", "Representative", ["ordinarie", "ordinarie ledamot", "rep"];
        Substitute = "substitute", "Ersättare", "Substitute", ["sub"];
        Member = "member", "Ledamot", "Member", ["medlem"];
        Chair = "chair", "Ordförande", "Chair", [];
        Convener = "convener", "Sammankallande", "Convener", [];
    }
);

impl Role {
    /// Whether the role is a seat of the one-representative-plus-one-substitute rule.
    pub fn is_seat(self) -> bool {
        matches!(self, Role::Representative | Role::Substitute)
    }
}

/// How a seat is named in messages: its number, and whom it is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatName {
    pub id: i64,
    pub organisation_name: Option<String>,
    pub org_kind: Option<OrgKind>,
    pub label: Option<String>,
}

impl SeatName {
    /// Who the seat is for, in words: the organisation, or "any municipality" and the label.
    pub fn describe(&self, lang: Lang) -> String {
        let whom = match (&self.organisation_name, self.org_kind) {
            (Some(name), _) => name.clone(),
            (None, Some(kind)) => lang
                .pick(
                    match kind {
                        OrgKind::Municipality => "valfri kommun",
                        OrgKind::Region => "valfri region",
                        OrgKind::Agency => "valfri myndighet",
                        OrgKind::University => "valfritt lärosäte",
                        OrgKind::NonProfit => "valfri ideell organisation",
                        OrgKind::Other => "valfri övrig organisation",
                    },
                    match kind {
                        OrgKind::Municipality => "any municipality",
                        OrgKind::Region => "any region",
                        OrgKind::Agency => "any government agency",
                        OrgKind::University => "any university",
                        OrgKind::NonProfit => "any non-profit",
                        OrgKind::Other => "any other organisation",
                    },
                )
                .to_owned(),
            (None, None) => lang
                .pick("valfri organisation", "any organisation")
                .to_owned(),
        };
        match &self.label {
            Some(label) => format!("{label} ({whom})"),
            None => whom,
        }
    }
}

/// The dates the register accepts: older or later ones are typing errors (`27-01-05` read as
/// year 27), and calendars and spreadsheets reject years outside four digits.
pub const DATES: RangeInclusive<NaiveDate> = RangeInclusive::new(
    NaiveDate::from_ymd_opt(1900, 1, 1).expect("a valid date"),
    NaiveDate::from_ymd_opt(2199, 12, 31).expect("a valid date"),
);
