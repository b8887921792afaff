//! Dates as people write them: exactly `YYYY-MM-DD` (four-digit year, two-digit month and day),
//! within [`DATES`]. The one parser for dates from the CLI, the UI and imported files, and the
//! serde helpers that hold request types to the same rule.

use std::ops::RangeInclusive;

use chrono::NaiveDate;

use crate::error::{Error, Field, Invalid};

pub use crate::vocab::DATES;

/// Parses a date written exactly `YYYY-MM-DD` (white space around it is ignored) within
/// [`DATES`].
pub fn parse_date(field: Field, s: &str) -> Result<NaiveDate, Error> {
    let date =
        strict(s.trim()).ok_or_else(|| Error::invalid(field, Invalid::Date(s.to_owned())))?;
    in_range(field, date, s)
}

/// `date` if it lies within [`DATES`]; `raw` is what the user wrote, for the message.
pub fn in_range(field: Field, date: NaiveDate, raw: &str) -> Result<NaiveDate, Error> {
    if DATES.contains(&date) {
        Ok(date)
    } else {
        Err(Error::invalid(
            field,
            Invalid::DateOutOfRange(raw.trim().to_owned()),
        ))
    }
}

fn strict(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let digits = |r: RangeInclusive<usize>| r.into_iter().all(|i| b[i].is_ascii_digit());
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    if !(digits(0..=3) && digits(5..=6) && digits(8..=9)) {
        return None;
    }
    let year = s[0..4].parse().ok()?;
    let month = s[5..7].parse().ok()?;
    let day = s[8..10].parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Serde for a date field of a request: written as `YYYY-MM-DD`, read with the rule of
/// [`parse_date`]. `#[serde(with = "crate::model::date::strict")] #[ts(type = "string")]`.
pub mod strict {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(date)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        super::checked(&String::deserialize(d)?)
    }
}

/// Like [`strict`], for an optional date (`null` or, with `#[serde(default)]`, absent).
pub mod strict_option {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<String>::deserialize(d)?
            .as_deref()
            .map(super::checked)
            .transpose()
    }
}

fn checked<E: serde::de::Error>(s: &str) -> Result<NaiveDate, E> {
    parse_date(Field::Date, s).map_err(|_| {
        E::custom(format_args!(
            "“{s}” is not a date YYYY-MM-DD from {} to {}",
            DATES.start(),
            DATES.end()
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> Option<NaiveDate> {
        parse_date(Field::From, s).ok()
    }

    #[test]
    fn only_four_digit_years_and_two_digit_months_and_days_are_dates() {
        assert_eq!(ok("2026-02-28"), NaiveDate::from_ymd_opt(2026, 2, 28));
        assert_eq!(ok(" 2026-02-28 "), NaiveDate::from_ymd_opt(2026, 2, 28));
        for bad in [
            "27-01-05",
            "1-1-1",
            "2027-1-5",
            "2027-01-5",
            "+0002027-01-01",
            "+2027-01-01",
            "2027-01-01T00:00",
            "2026-02-30",
            "2026/02/28",
            "２０２６-02-28",
            "",
        ] {
            assert_eq!(ok(bad), None, "{bad:?}");
            assert!(matches!(
                parse_date(Field::From, bad),
                Err(Error::Invalid {
                    field: Field::From,
                    reason: Invalid::Date(_)
                })
            ));
        }
    }

    #[test]
    fn dates_outside_the_range_are_refused_as_such() {
        assert_eq!(ok("1900-01-01"), Some(*DATES.start()));
        assert_eq!(ok("2199-12-31"), Some(*DATES.end()));
        for far in [
            "0000-01-01",
            "0027-01-05",
            "1899-12-31",
            "2200-01-01",
            "9999-12-31",
        ] {
            assert!(
                matches!(
                    parse_date(Field::Date, far),
                    Err(Error::Invalid {
                        reason: Invalid::DateOutOfRange(_),
                        ..
                    })
                ),
                "{far}"
            );
        }
    }

    #[derive(Debug, serde::Serialize, serde::Deserialize)]
    struct Req {
        #[serde(with = "strict")]
        from: NaiveDate,
        #[serde(default, with = "strict_option")]
        to: Option<NaiveDate>,
    }

    #[test]
    fn requests_from_the_ui_are_held_to_the_same_rule() {
        let r: Req = serde_json::from_str(r#"{"from":"2026-01-01"}"#).expect("a request");
        assert_eq!(r.to, None);
        assert_eq!(Some(r.from), NaiveDate::from_ymd_opt(2026, 1, 1));
        let r: Req = serde_json::from_str(r#"{"from":"2026-01-01","to":null}"#).expect("a request");
        assert_eq!(r.to, None);
        assert_eq!(
            serde_json::to_string(&r).expect("serialises"),
            r#"{"from":"2026-01-01","to":null}"#
        );
        for bad in [
            r#"{"from":"+002026-01-01"}"#,
            r#"{"from":"0000-01-01"}"#,
            r#"{"from":"2026-01-01","to":"2026-1-1"}"#,
        ] {
            let e = serde_json::from_str::<Req>(bad).expect_err(bad);
            assert!(e.to_string().contains("YYYY-MM-DD"), "{e}");
        }
    }

    #[test]
    fn dates_must_be_iso() {
        assert!(parse_date(Field::From, "2026-02-30").is_err());
        assert!(parse_date(Field::From, "1/2/2026").is_err());
        assert_eq!(
            parse_date(Field::From, "2026-02-28").ok(),
            NaiveDate::from_ymd_opt(2026, 2, 28)
        );
    }
}
