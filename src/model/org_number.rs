//! The Swedish organisation number (organisationsnummer): ten digits, the last a Luhn check digit.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Field, Invalid};

/// An organisation number, always held in the canonical form `NNNNNN-NNNN`.
///
/// Accepted as `NNNNNN-NNNN`, `NNNNNNNNNN`, or either with the century prefix `16` that the
/// Swedish Tax Agency uses for legal persons. A number whose third digit is below 2 has the shape
/// of a personal identity number (a month), which is personal data: it is refused.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export, type = "string")]
pub struct OrgNumber(String);

impl OrgNumber {
    pub fn parse(s: &str) -> Result<OrgNumber, Error> {
        let bad = |why| Error::invalid(Field::OrgNumber, why);
        let s = s.trim();
        let compact: String = s.chars().filter(|c| *c != '-').collect();
        let hyphens = s.chars().filter(|c| *c == '-').count();
        let ten = match compact.len() {
            10 => compact.as_str(),
            12 if compact.starts_with("16") => &compact[2..],
            _ => return Err(bad(Invalid::OrgNumberFormat)),
        };
        if !ten.bytes().all(|b| b.is_ascii_digit()) || hyphens > 1 {
            return Err(bad(Invalid::OrgNumberFormat));
        }
        if hyphens == 1 && !s.ends_with(&format!("-{}", &ten[6..])) {
            return Err(bad(Invalid::OrgNumberFormat));
        }
        let digits: Vec<u32> = ten.bytes().map(|b| u32::from(b - b'0')).collect();
        if digits[2] < 2 {
            return Err(bad(Invalid::OrgNumberLooksPersonal));
        }
        if !luhn_valid(&digits) {
            return Err(bad(Invalid::OrgNumberChecksum));
        }
        Ok(OrgNumber(format!("{}-{}", &ten[..6], &ten[6..])))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub(crate) fn from_store(s: String) -> OrgNumber {
        OrgNumber(s)
    }
}

/// The Luhn (mod 10) check over all digits, the last being the check digit.
fn luhn_valid(digits: &[u32]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_accepted_form_becomes_the_canonical_one() {
        // Falu kommun's published organisation number.
        for input in [
            "212000-2262",
            "2120002262",
            "16212000-2262",
            "162120002262",
            " 212000-2262 ",
        ] {
            let n = OrgNumber::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(n.as_str(), "212000-2262", "from {input}");
        }
    }

    #[test]
    fn a_wrong_check_digit_is_refused() {
        let e = OrgNumber::parse("212000-2263").expect_err("bad check digit");
        assert!(matches!(
            e,
            Error::Invalid {
                reason: Invalid::OrgNumberChecksum,
                ..
            }
        ));
    }

    #[test]
    fn malformed_numbers_are_refused() {
        for input in [
            "",
            "21200-02262",
            "212000-226",
            "2120002262x",
            "17-2120002262",
            "212-000-2262",
        ] {
            assert!(
                OrgNumber::parse(input).is_err(),
                "{input} should be refused"
            );
        }
    }

    #[test]
    fn a_personal_identity_number_is_refused_as_personal_data() {
        // 811218-9876 is a valid-checksum test personal number (month 12).
        let e = OrgNumber::parse("811218-9876").expect_err("looks personal");
        assert!(matches!(
            e,
            Error::Invalid {
                reason: Invalid::OrgNumberLooksPersonal,
                ..
            }
        ));
    }
}
