//! The closed vocabularies of the register: kinds of organisation, kinds of group, roles.
//! Each has a stable code (stored, and used in JSON), a label in both languages, and a parser
//! that accepts the code and the Swedish and English words a coordinator would type.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Field, Invalid};
use crate::lang::Lang;

macro_rules! vocabulary {
    ($(#[$doc:meta])* $ty:ident, $field:expr, { $($variant:ident = $code:literal, $sv:literal, $en:literal, [$($alias:literal),*];)+ }) => {
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

vocabulary!(
    /// What kind of body an organisation is.
    OrgKind, Field::Kind, {
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
    GroupKind, Field::GroupKind, {
        Steering = "steering", "Styrgrupp", "Steering group", ["steering group"];
        County = "county", "Länsgrupp", "County group", ["county group"];
        Working = "working", "Arbetsgrupp", "Working group", ["working group"];
        Local = "local", "Lokal samverkansgrupp", "Local group", ["lokal", "local group"];
    }
);

vocabulary!(
    /// The role a person holds in a group.
    Role, Field::Role, {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_and_english_words_parse_to_the_same_value() {
        assert_eq!(
            "kommun".parse::<OrgKind>().ok(),
            Some(OrgKind::Municipality)
        );
        assert_eq!(
            "Municipality".parse::<OrgKind>().ok(),
            Some(OrgKind::Municipality)
        );
        assert_eq!("ersättare".parse::<Role>().ok(), Some(Role::Substitute));
        assert_eq!("ERSÄTTARE".parse::<Role>().ok(), Some(Role::Substitute));
        assert_eq!(
            "länsgrupp".parse::<GroupKind>().ok(),
            Some(GroupKind::County)
        );
        assert!("kung".parse::<Role>().is_err());
    }

    #[test]
    fn codes_round_trip() {
        for k in OrgKind::ALL {
            assert_eq!(OrgKind::from_code(k.code()), Some(*k));
            assert_eq!(k.code().parse::<OrgKind>().ok(), Some(*k));
        }
        for r in Role::ALL {
            assert_eq!(Role::from_code(r.code()), Some(*r));
        }
        for g in GroupKind::ALL {
            assert_eq!(GroupKind::from_code(g.code()), Some(*g));
        }
    }
}
