//! Reading the closed vocabularies (defined in [`crate::vocab`]) from what a coordinator
//! types: the code, or the Swedish or English word, in any case and spacing, or a common
//! alias. Here rather than beside the kinds because a failed parse is an [`Error`].

use std::str::FromStr;

pub use crate::vocab::{GroupKind, OrgKind, Role};

use crate::error::{Error, Field, Invalid};
use crate::lang::Lang;
use crate::model::name_key;

/// The first of `all` whose code, Swedish or English label, or alias `s` is.
fn parse<T: Copy>(
    s: &str,
    field: Field,
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T, Lang) -> &'static str,
    aliases: fn(T) -> &'static [&'static str],
) -> Result<T, Error> {
    let key = name_key(s);
    all.iter()
        .copied()
        .find(|&v| {
            key == code(v)
                || key == name_key(label(v, Lang::Sv))
                || key == name_key(label(v, Lang::En))
                || aliases(v).contains(&key.as_str())
        })
        .ok_or_else(|| Error::invalid(field, Invalid::UnknownValue(s.to_owned())))
}

macro_rules! parses {
    ($ty:ident, $field:expr) => {
        impl FromStr for $ty {
            type Err = Error;
            fn from_str(s: &str) -> Result<$ty, Error> {
                parse(s, $field, $ty::ALL, $ty::code, $ty::label, $ty::aliases)
            }
        }
    };
}

parses!(OrgKind, Field::Kind);
parses!(GroupKind, Field::GroupKind);
parses!(Role, Field::Role);

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
