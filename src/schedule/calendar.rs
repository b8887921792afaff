//! The Swedish calendar, computed rather than listed: the public holidays of Lag (1989:253) om
//! allmänna helgdagar (with the change in force from 2005: nationaldagen became a holiday,
//! annandag pingst ceased to be one), the de facto holidays (påskafton, midsommarafton,
//! julafton, nyårsafton), the eves that Swedish workplaces keep as short days (skärtorsdagen,
//! valborgsmässoafton, allhelgonaafton) and bridge days (klämdagar).

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A named day that is not an ordinary working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Holiday {
    Nyarsdagen,
    TrettondedagJul,
    /// The Thursday before Easter: a short working day (an eve).
    Skartorsdagen,
    Langfredagen,
    Paskafton,
    Paskdagen,
    AnnandagPask,
    /// 30 April: a short working day (an eve).
    Valborgsmassoafton,
    ForstaMaj,
    KristiHimmelsfardsdag,
    Pingstdagen,
    /// A public holiday until 2004.
    AnnandagPingst,
    /// A public holiday from 2005.
    Nationaldagen,
    Midsommarafton,
    Midsommardagen,
    /// The Friday before alla helgons dag: a short working day (an eve).
    Allhelgonaafton,
    AllaHelgonsDag,
    Julafton,
    Juldagen,
    AnnandagJul,
    Nyarsafton,
}

impl Holiday {
    /// Whether the law names the day (as opposed to a de facto holiday, an "afton").
    pub fn is_public(self) -> bool {
        !matches!(
            self,
            Holiday::Paskafton
                | Holiday::Midsommarafton
                | Holiday::Julafton
                | Holiday::Nyarsafton
                | Holiday::Skartorsdagen
                | Holiday::Valborgsmassoafton
                | Holiday::Allhelgonaafton
        )
    }

    /// Whether the day is an eve kept as a short working day rather than a day off
    /// (skärtorsdagen, valborgsmässoafton, allhelgonaafton): the planner avoids it, but it does
    /// not make the day before or after it a bridge day.
    pub fn is_short_day(self) -> bool {
        matches!(
            self,
            Holiday::Skartorsdagen | Holiday::Valborgsmassoafton | Holiday::Allhelgonaafton
        )
    }

    pub fn name_sv(self) -> &'static str {
        match self {
            Holiday::Nyarsdagen => "nyårsdagen",
            Holiday::TrettondedagJul => "trettondedag jul",
            Holiday::Skartorsdagen => "skärtorsdagen",
            Holiday::Langfredagen => "långfredagen",
            Holiday::Paskafton => "påskafton",
            Holiday::Paskdagen => "påskdagen",
            Holiday::AnnandagPask => "annandag påsk",
            Holiday::Valborgsmassoafton => "valborgsmässoafton",
            Holiday::ForstaMaj => "första maj",
            Holiday::KristiHimmelsfardsdag => "Kristi himmelsfärdsdag",
            Holiday::Pingstdagen => "pingstdagen",
            Holiday::AnnandagPingst => "annandag pingst",
            Holiday::Nationaldagen => "Sveriges nationaldag",
            Holiday::Midsommarafton => "midsommarafton",
            Holiday::Midsommardagen => "midsommardagen",
            Holiday::Allhelgonaafton => "allhelgonaafton",
            Holiday::AllaHelgonsDag => "alla helgons dag",
            Holiday::Julafton => "julafton",
            Holiday::Juldagen => "juldagen",
            Holiday::AnnandagJul => "annandag jul",
            Holiday::Nyarsafton => "nyårsafton",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Holiday::Nyarsdagen => "New Year's Day",
            Holiday::TrettondedagJul => "Epiphany",
            Holiday::Skartorsdagen => "Maundy Thursday",
            Holiday::Langfredagen => "Good Friday",
            Holiday::Paskafton => "Easter Eve",
            Holiday::Paskdagen => "Easter Sunday",
            Holiday::AnnandagPask => "Easter Monday",
            Holiday::Valborgsmassoafton => "Walpurgis Eve",
            Holiday::ForstaMaj => "May Day",
            Holiday::KristiHimmelsfardsdag => "Ascension Day",
            Holiday::Pingstdagen => "Whit Sunday",
            Holiday::AnnandagPingst => "Whit Monday",
            Holiday::Nationaldagen => "National Day of Sweden",
            Holiday::Midsommarafton => "Midsummer Eve",
            Holiday::Midsommardagen => "Midsummer Day",
            Holiday::Allhelgonaafton => "All Saints' Eve",
            Holiday::AllaHelgonsDag => "All Saints' Day",
            Holiday::Julafton => "Christmas Eve",
            Holiday::Juldagen => "Christmas Day",
            Holiday::AnnandagJul => "Boxing Day",
            Holiday::Nyarsafton => "New Year's Eve",
        }
    }
}

/// What a day is, for planning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case", tag = "kind", content = "holiday")]
#[ts(export)]
pub enum DayKind {
    WorkingDay,
    /// Saturday or Sunday (every Sunday is also a public holiday by law).
    Weekend,
    /// A named public holiday falling on a weekday.
    PublicHoliday(Holiday),
    /// A de facto holiday or an eve kept as a short day (an afton) falling on a weekday.
    DeFactoHoliday(Holiday),
    /// A single working day between two days off (klämdag).
    BridgeDay,
}

/// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The first `weekday` on or after `from`.
fn first_on_or_after(from: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + i64::from(weekday.num_days_from_monday())
        - i64::from(from.weekday().num_days_from_monday()))
        % 7;
    from + Duration::days(ahead)
}

/// One year's named days.
#[derive(Debug, Clone)]
pub struct SwedishCalendar {
    year: i32,
    named: BTreeMap<NaiveDate, Holiday>,
}

impl SwedishCalendar {
    /// The calendar of `year`; `None` outside the years chrono can represent.
    pub fn new(year: i32) -> Option<SwedishCalendar> {
        let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d);
        let easter = easter_sunday(year)?;
        let mut named = BTreeMap::new();
        let mut put = |d: NaiveDate, h: Holiday| {
            named.insert(d, h);
        };
        put(ymd(1, 1)?, Holiday::Nyarsdagen);
        put(ymd(1, 6)?, Holiday::TrettondedagJul);
        put(easter - Duration::days(3), Holiday::Skartorsdagen);
        put(easter - Duration::days(2), Holiday::Langfredagen);
        put(easter - Duration::days(1), Holiday::Paskafton);
        put(easter, Holiday::Paskdagen);
        put(easter + Duration::days(1), Holiday::AnnandagPask);
        put(ymd(4, 30)?, Holiday::Valborgsmassoafton);
        put(ymd(5, 1)?, Holiday::ForstaMaj);
        put(easter + Duration::days(39), Holiday::KristiHimmelsfardsdag);
        put(easter + Duration::days(49), Holiday::Pingstdagen);
        if year <= 2004 {
            put(easter + Duration::days(50), Holiday::AnnandagPingst);
        } else {
            put(ymd(6, 6)?, Holiday::Nationaldagen);
        }
        let midsummer = first_on_or_after(ymd(6, 20)?, Weekday::Sat);
        put(midsummer - Duration::days(1), Holiday::Midsommarafton);
        put(midsummer, Holiday::Midsommardagen);
        let all_saints = first_on_or_after(ymd(10, 31)?, Weekday::Sat);
        put(all_saints - Duration::days(1), Holiday::Allhelgonaafton);
        put(all_saints, Holiday::AllaHelgonsDag);
        put(ymd(12, 24)?, Holiday::Julafton);
        put(ymd(12, 25)?, Holiday::Juldagen);
        put(ymd(12, 26)?, Holiday::AnnandagJul);
        put(ymd(12, 31)?, Holiday::Nyarsafton);
        Some(SwedishCalendar { year, named })
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    /// Every named day of the year (public and de facto holidays), in date order.
    pub fn named_days(&self) -> impl Iterator<Item = (NaiveDate, Holiday)> + '_ {
        self.named.iter().map(|(d, h)| (*d, *h))
    }

    /// The named day on `date`, if any (only for dates in this calendar's year).
    pub fn holiday(&self, date: NaiveDate) -> Option<Holiday> {
        self.named.get(&date).copied()
    }

    /// Whether `date` is a public holiday by law (every Sunday is one).
    pub fn is_public_holiday(&self, date: NaiveDate) -> bool {
        date.weekday() == Weekday::Sun || self.holiday(date).is_some_and(Holiday::is_public)
    }

    /// A day off: weekend, public holiday or de facto holiday (not an eve kept as a short
    /// day). Dates outside the year are judged by the calendar of their own year.
    fn is_day_off(&self, date: NaiveDate) -> bool {
        if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            return true;
        }
        let off = |h: Option<Holiday>| h.is_some_and(|h| !h.is_short_day());
        if date.year() == self.year {
            off(self.holiday(date))
        } else {
            SwedishCalendar::new(date.year()).is_some_and(|c| off(c.holiday(date)))
        }
    }

    /// What `date` is. A bridge day is a weekday, itself no holiday or eve, with a day off on
    /// both sides (a weekend, a public or a de facto holiday; an eve kept as a short day is not
    /// a day off).
    pub fn day_kind(&self, date: NaiveDate) -> DayKind {
        if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            return DayKind::Weekend;
        }
        if let Some(h) = self.holiday(date) {
            return if h.is_public() {
                DayKind::PublicHoliday(h)
            } else {
                DayKind::DeFactoHoliday(h)
            };
        }
        let (prev, next) = (date - Duration::days(1), date + Duration::days(1));
        if self.is_day_off(prev) && self.is_day_off(next) {
            return DayKind::BridgeDay;
        }
        DayKind::WorkingDay
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn known_easter_sundays() {
        for (y, e) in [
            (2000, "2000-04-23"),
            (2008, "2008-03-23"),
            (2011, "2011-04-24"),
            (2019, "2019-04-21"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2027, "2027-03-28"),
            (2038, "2038-04-25"),
            (2100, "2100-03-28"),
        ] {
            assert_eq!(easter_sunday(y), Some(d(e)), "{y}");
        }
    }

    #[test]
    fn the_friday_after_ascension_is_a_bridge_day() {
        let c = SwedishCalendar::new(2027).expect("2027");
        assert_eq!(
            c.day_kind(d("2027-05-06")),
            DayKind::PublicHoliday(Holiday::KristiHimmelsfardsdag)
        );
        assert_eq!(c.day_kind(d("2027-05-07")), DayKind::BridgeDay);
        assert_eq!(c.day_kind(d("2027-05-05")), DayKind::WorkingDay);
    }

    #[test]
    fn a_monday_before_a_tuesday_holiday_is_a_bridge_day() {
        // 2026-01-06 (trettondedag jul) is a Tuesday.
        let c = SwedishCalendar::new(2026).expect("2026");
        assert_eq!(c.day_kind(d("2026-01-05")), DayKind::BridgeDay);
    }

    #[test]
    fn midsummer_eve_is_a_de_facto_holiday_and_national_day_came_in_2005() {
        let c = SwedishCalendar::new(2027).expect("2027");
        assert_eq!(
            c.day_kind(d("2027-06-25")),
            DayKind::DeFactoHoliday(Holiday::Midsommarafton)
        );
        let c2004 = SwedishCalendar::new(2004).expect("2004");
        assert_eq!(c2004.holiday(d("2004-06-06")), None);
        assert_eq!(
            c2004.holiday(d("2004-05-31")),
            Some(Holiday::AnnandagPingst)
        );
        let c2005 = SwedishCalendar::new(2005).expect("2005");
        assert_eq!(c2005.holiday(d("2005-06-06")), Some(Holiday::Nationaldagen));
        assert_eq!(c2005.holiday(d("2005-05-16")), None);
    }

    #[test]
    fn the_eves_kept_as_short_days_fall_on_their_known_dates() {
        // From printed Swedish calendars: skärtorsdagen, valborgsmässoafton, allhelgonaafton.
        for (year, thursday, all_saints_eve) in [
            (2000, "2000-04-20", "2000-11-03"),
            (2019, "2019-04-18", "2019-11-01"),
            (2024, "2024-03-28", "2024-11-01"),
            (2025, "2025-04-17", "2025-10-31"),
            (2026, "2026-04-02", "2026-10-30"),
            (2027, "2027-03-25", "2027-11-05"),
            (2028, "2028-04-13", "2028-11-03"),
            (2038, "2038-04-22", "2038-11-05"),
        ] {
            let c = SwedishCalendar::new(year).expect("calendar");
            assert_eq!(
                c.day_kind(d(thursday)),
                DayKind::DeFactoHoliday(Holiday::Skartorsdagen),
                "{year}"
            );
            assert_eq!(
                c.holiday(d(all_saints_eve)),
                Some(Holiday::Allhelgonaafton),
                "{year}"
            );
            assert_eq!(d(all_saints_eve).weekday(), Weekday::Fri, "{year}");
            let walpurgis = NaiveDate::from_ymd_opt(year, 4, 30).expect("30 April");
            assert_eq!(
                c.holiday(walpurgis),
                Some(Holiday::Valborgsmassoafton),
                "{year}"
            );
            for h in [
                Holiday::Skartorsdagen,
                Holiday::Valborgsmassoafton,
                Holiday::Allhelgonaafton,
            ] {
                assert!(!h.is_public() && h.is_short_day(), "{h:?}");
            }
        }
    }

    #[test]
    fn the_steering_groups_skartorsdag_2027_is_a_day_the_planner_avoids() {
        let c = SwedishCalendar::new(2027).expect("2027");
        let rules = crate::schedule::PlanRules {
            calendar: c,
            blocked: vec![],
        };
        assert_eq!(
            crate::schedule::forbidden_reason(&rules, 1, d("2027-03-25")),
            Some(crate::schedule::plan::Forbidden::DeFactoHoliday {
                holiday: Holiday::Skartorsdagen
            })
        );
        assert_eq!(
            crate::schedule::forbidden_reason(&rules, 1, d("2027-03-24")),
            None
        );
    }

    #[test]
    fn a_short_eve_makes_no_bridge_day() {
        // 2024-04-30 (valborgsmässoafton) is a Tuesday: the Monday before is a working day.
        let c = SwedishCalendar::new(2024).expect("2024");
        assert_eq!(
            c.day_kind(d("2024-04-30")),
            DayKind::DeFactoHoliday(Holiday::Valborgsmassoafton)
        );
        assert_eq!(c.day_kind(d("2024-04-29")), DayKind::WorkingDay);
        // 2025-10-31 (allhelgonaafton) is a Friday; the Thursday before is a working day.
        let c = SwedishCalendar::new(2025).expect("2025");
        assert_eq!(c.day_kind(d("2025-10-30")), DayKind::WorkingDay);
    }
}
