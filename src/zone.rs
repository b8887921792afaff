//! Local time for people: the register stores every moment in UTC; what people read (the log
//! on screen, in the CLI and in its CSV file) is shown in a time zone passed in explicitly,
//! Europe/Stockholm in the app and the CLI, so that tests never depend on the machine's zone.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, Offset, Utc};

/// A time zone to show moments in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// Swedish time: CET (UTC+1), and CEST (UTC+2) from 01:00 UTC on the last Sunday of March
    /// to 01:00 UTC on the last Sunday of October (the EU rule, Sweden's since 1996).
    Stockholm,
    /// A fixed offset from UTC (no summer time).
    Fixed(FixedOffset),
}

/// The last Sunday of `month` in `year`.
fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    let last = first_of_next - Duration::days(1);
    let back = i64::from(last.weekday().num_days_from_sunday());
    Some(last - Duration::days(back))
}

impl Zone {
    /// The zone's offset from UTC at `at`.
    pub fn offset(self, at: DateTime<Utc>) -> FixedOffset {
        const HOUR: i32 = 3600;
        match self {
            Zone::Fixed(o) => o,
            Zone::Stockholm => {
                let year = at.year();
                let change = |month| {
                    last_sunday(year, month)
                        .and_then(|d| d.and_hms_opt(1, 0, 0))
                        .map(|t| t.and_utc())
                };
                let summer = match (change(3), change(10)) {
                    (Some(start), Some(end)) => start <= at && at < end,
                    _ => false,
                };
                let hours = if summer { 2 } else { 1 };
                FixedOffset::east_opt(hours * HOUR).unwrap_or(Utc.fix())
            }
        }
    }

    /// `at` as a date and time on the zone's clocks.
    pub fn local(self, at: DateTime<Utc>) -> NaiveDateTime {
        at.with_timezone(&self.offset(at)).naive_local()
    }

    /// The moment the zone's `day` begins (local midnight), in UTC.
    pub fn day_start(self, day: NaiveDate) -> DateTime<Utc> {
        let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
        // Summer time never changes at midnight here; the offset just before is the one.
        let guess = midnight.and_utc() - Duration::hours(1);
        let offset = Duration::seconds(i64::from(self.offset(guess).local_minus_utc()));
        (midnight - offset).and_utc()
    }

    /// The zone's name, for column headers: "Europe/Stockholm", "UTC+01:00".
    pub fn name(self) -> String {
        match self {
            Zone::Stockholm => "Europe/Stockholm".into(),
            Zone::Fixed(o) if o.local_minus_utc() == 0 => "UTC".into(),
            Zone::Fixed(o) => format!("UTC{o}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .expect("time")
            .with_timezone(&Utc)
    }

    #[test]
    fn stockholm_is_utc_plus_one_in_winter_and_two_in_summer() {
        let z = Zone::Stockholm;
        assert_eq!(
            z.local(utc("2026-11-22T08:15:00Z")).to_string(),
            "2026-11-22 09:15:00"
        );
        assert_eq!(
            z.local(utc("2027-06-10T07:00:00Z")).to_string(),
            "2027-06-10 09:00:00"
        );
        assert_eq!(
            z.local(utc("2026-12-31T23:30:00Z")).to_string(),
            "2027-01-01 00:30:00"
        );
    }

    #[test]
    fn the_clocks_change_at_one_utc_on_the_last_sundays_of_march_and_october() {
        let z = Zone::Stockholm;
        // 2027: 28 March and 31 October.
        assert_eq!(
            last_sunday(2027, 3).map(|d| d.weekday()),
            Some(chrono::Weekday::Sun)
        );
        assert_eq!(
            z.local(utc("2027-03-28T00:59:59Z")).to_string(),
            "2027-03-28 01:59:59"
        );
        assert_eq!(
            z.local(utc("2027-03-28T01:00:00Z")).to_string(),
            "2027-03-28 03:00:00"
        );
        assert_eq!(
            z.local(utc("2027-10-31T00:59:59Z")).to_string(),
            "2027-10-31 02:59:59"
        );
        assert_eq!(
            z.local(utc("2027-10-31T01:00:00Z")).to_string(),
            "2027-10-31 02:00:00"
        );
        // 2026: 29 March and 25 October.
        assert_eq!(
            z.local(utc("2026-10-25T00:30:00Z")).to_string(),
            "2026-10-25 02:30:00"
        );
        assert_eq!(
            z.local(utc("2026-10-25T01:30:00Z")).to_string(),
            "2026-10-25 02:30:00"
        );
        assert_eq!(
            z.local(utc("2026-03-29T01:30:00Z")).to_string(),
            "2026-03-29 03:30:00"
        );
    }

    #[test]
    fn a_local_day_begins_at_its_midnight() {
        let day = |s: &str| s.parse::<NaiveDate>().expect("day");
        assert_eq!(
            Zone::Stockholm.day_start(day("2026-11-22")),
            utc("2026-11-21T23:00:00Z")
        );
        assert_eq!(
            Zone::Stockholm.day_start(day("2027-06-10")),
            utc("2027-06-09T22:00:00Z")
        );
        let utc0 = Zone::Fixed(FixedOffset::east_opt(0).expect("UTC"));
        assert_eq!(
            utc0.day_start(day("2027-06-10")),
            utc("2027-06-10T00:00:00Z")
        );
        assert_eq!(utc0.name(), "UTC");
        assert_eq!(
            Zone::Fixed(FixedOffset::east_opt(3600).expect("+1")).name(),
            "UTC+01:00"
        );
    }
}
