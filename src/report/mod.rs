//! The yearly report: the figures of a group's year (meetings, attendance, coverage of the
//! seats, turnover, mandate forms) computed from the register's history as of each day, with a
//! one-line explanation of each. Pure functions of what the register reads out; the register
//! gathers the input (`Register::year_report`), the exports draw it.

pub mod compute;
pub mod pdf;
pub mod texts;
pub mod xlsx;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::lang::Lang;
use crate::model::{Id, MeetingStatus, OrgKind, Role};

pub use compute::{GroupInput, WorkingGroupInput, compute, working_groups};
pub use texts::{ReportSection, ReportText, ReportWording, SectionHeading};

/// The files the report is saved as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReportFormat {
    Pdf,
    Xlsx,
    /// The raw attendance rows only.
    Csv,
}

impl ReportFormat {
    /// The format a file name asks for by its extension.
    pub fn from_path(path: &std::path::Path) -> Result<ReportFormat, crate::Error> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        match ext.as_str() {
            "pdf" => Ok(ReportFormat::Pdf),
            "xlsx" => Ok(ReportFormat::Xlsx),
            "csv" => Ok(ReportFormat::Csv),
            _ => Err(crate::Error::invalid(
                crate::error::Field::Format,
                crate::error::Invalid::UnknownValue(ext),
            )),
        }
    }
}

/// The report of a year: every group asked for, each with the previous year beside it when
/// one is compared.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct YearReport {
    pub year: i32,
    pub compare_year: Option<i32>,
    /// The network's name, when the register has one.
    pub network_name: Option<String>,
    /// The text sections the coordinator wrote for the year, in order (every section, an
    /// empty text where nothing is written).
    pub texts: Vec<ReportText>,
    pub groups: Vec<GroupReport>,
    /// The working groups among the groups asked for (every working group when the report is
    /// of every group); `None` when there is none.
    pub working_groups: Option<WorkingGroupsReport>,
}

/// The working groups' year, the compared year's, and the headline figures of both.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct WorkingGroupsReport {
    pub current: WorkingGroupFigures,
    pub previous: Option<WorkingGroupFigures>,
    pub figures: Vec<Figure>,
}

/// The working groups in one year: which were active, which formed, their members and
/// meetings.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct WorkingGroupFigures {
    pub year: i32,
    pub from: NaiveDate,
    pub until: NaiveDate,
    /// Each working group active in the year, in name order.
    pub groups: Vec<WorkingGroupRow>,
    /// Working groups with someone serving in the period or a meeting dated in the year.
    pub active: u32,
    /// Of those, the ones formed in the year.
    pub formed: u32,
    /// People serving in any working group on some day of the period, each counted once.
    pub members: u32,
    /// Meetings of the working groups in the year marked held.
    pub meetings_held: u32,
}

/// One working group's year.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct WorkingGroupRow {
    pub group_id: Id,
    pub name: String,
    /// The group's first day: the first day of its first appointment or its first meeting,
    /// whichever is earlier.
    pub formed_on: Option<NaiveDate>,
    pub formed_in_year: bool,
    /// People serving in it on some day of the period.
    pub members: u32,
    /// People serving in it on the period's last day.
    pub members_at_end: u32,
    /// Organisations those members served for.
    pub organisations: u32,
    /// Its meetings in the year by status.
    pub meetings: MeetingCounts,
}

/// One group's year, and the compared year's.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct GroupReport {
    pub group_id: Id,
    pub group_name: String,
    pub current: GroupFigures,
    pub previous: Option<GroupFigures>,
    /// The headline figures, each with the compared year's value and a line saying how it is
    /// counted, in the language asked for.
    pub figures: Vec<Figure>,
}

/// The figures of one group in one year.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct GroupFigures {
    pub year: i32,
    /// The first and last day counted: the year, cut at today while it runs.
    pub from: NaiveDate,
    pub until: NaiveDate,
    pub meetings: MeetingCounts,
    /// Held meetings in date order, each with its organisations' attendance counted.
    pub meeting_rows: Vec<MeetingRow>,
    /// Each organisation invited to a held meeting, in Swedish order.
    pub organisations: Vec<OrgAttendance>,
    /// Attendance summed per kind of organisation (kinds with no invited organisation left
    /// out).
    pub kinds: Vec<KindAttendance>,
    /// One row per organisation and held meeting it was invited to.
    pub cells: Vec<AttendanceCell>,
    pub coverage: CoverageFigures,
    pub turnover: TurnoverFigures,
    pub forms: FormCounts,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MeetingCounts {
    /// Every meeting dated in the year, whatever its status.
    pub total: u32,
    /// Still planned: neither marked held nor cancelled.
    pub planned: u32,
    pub held: u32,
    pub cancelled: u32,
    /// Held beside the cadence (`extra`), not cancelled.
    pub extra: u32,
    /// The group's cadence: meetings a year.
    pub cadence: u32,
}

/// How one organisation attended one held meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum OrgPresence {
    /// Its representative (or member, chair, convener) was present.
    Representative,
    /// Its representative was not, someone else of the organisation was: the substitute, or
    /// a person present in the representative's place.
    Substitute,
    Excused,
    Absent,
    /// Nothing was recorded for anyone of the organisation.
    NotRecorded,
}

impl OrgPresence {
    pub const ALL: [OrgPresence; 5] = [
        OrgPresence::Representative,
        OrgPresence::Substitute,
        OrgPresence::Excused,
        OrgPresence::Absent,
        OrgPresence::NotRecorded,
    ];

    pub fn present(self) -> bool {
        matches!(self, OrgPresence::Representative | OrgPresence::Substitute)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            OrgPresence::Representative => {
                lang.pick("Representant närvarande", "Representative present")
            }
            OrgPresence::Substitute => lang.pick(
                "Ersättare i representantens ställe",
                "Substitute in the representative's place",
            ),
            OrgPresence::Excused => lang.pick("Anmält förhinder", "Excused"),
            OrgPresence::Absent => lang.pick("Frånvarande", "Absent"),
            OrgPresence::NotRecorded => lang.pick("Ej registrerat", "Not recorded"),
        }
    }

    /// One letter for the cell of a grid, readable without colour.
    pub fn letter(self, lang: Lang) -> &'static str {
        match self {
            OrgPresence::Representative => "R",
            OrgPresence::Substitute => "E",
            OrgPresence::Excused => lang.pick("F", "X"),
            OrgPresence::Absent => "–",
            OrgPresence::NotRecorded => "?",
        }
    }
}

/// Counts of organisations (in a meeting) or of meetings (for an organisation) by presence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PresenceCounts {
    pub representative: u32,
    pub substitute: u32,
    pub excused: u32,
    pub absent: u32,
    pub not_recorded: u32,
}

impl PresenceCounts {
    pub fn add(&mut self, p: OrgPresence) {
        *self.get_mut(p) += 1;
    }

    /// Adds another's counts to these.
    pub fn merge(&mut self, other: &PresenceCounts) {
        for p in OrgPresence::ALL {
            *self.get_mut(p) += other.get(p);
        }
    }

    fn get_mut(&mut self, p: OrgPresence) -> &mut u32 {
        match p {
            OrgPresence::Representative => &mut self.representative,
            OrgPresence::Substitute => &mut self.substitute,
            OrgPresence::Excused => &mut self.excused,
            OrgPresence::Absent => &mut self.absent,
            OrgPresence::NotRecorded => &mut self.not_recorded,
        }
    }

    pub fn get(&self, p: OrgPresence) -> u32 {
        match p {
            OrgPresence::Representative => self.representative,
            OrgPresence::Substitute => self.substitute,
            OrgPresence::Excused => self.excused,
            OrgPresence::Absent => self.absent,
            OrgPresence::NotRecorded => self.not_recorded,
        }
    }

    pub fn total(&self) -> u32 {
        OrgPresence::ALL.iter().map(|p| self.get(*p)).sum()
    }

    pub fn present(&self) -> u32 {
        self.representative + self.substitute
    }

    /// The share present, 0 to 1; `None` when nothing was counted.
    pub fn share(&self) -> Option<f64> {
        let t = self.total();
        (t > 0).then(|| f64::from(self.present()) / f64::from(t))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MeetingRow {
    pub meeting_id: Id,
    pub date: NaiveDate,
    pub extra: bool,
    /// Organisations invited: with someone serving in the group on the meeting's day.
    pub invited: u32,
    pub counts: PresenceCounts,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct OrgAttendance {
    pub organisation_id: Id,
    pub name: String,
    pub kind: OrgKind,
    /// Held meetings the organisation was invited to.
    pub invited: u32,
    pub counts: PresenceCounts,
    /// Present (representative or substitute) at this share of them, 0 to 1.
    pub share_present: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct KindAttendance {
    pub kind: OrgKind,
    pub organisations: u32,
    /// Organisation × meeting pairs counted.
    pub invited: u32,
    pub counts: PresenceCounts,
    pub share_present: Option<f64>,
}

/// One organisation at one held meeting: the raw row behind the tables.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AttendanceCell {
    pub meeting_id: Id,
    pub date: NaiveDate,
    pub organisation_id: Id,
    pub presence: OrgPresence,
}

/// One seat over the year.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SeatCoverage {
    pub seat_id: Id,
    pub position: i64,
    pub role: Role,
    /// The seat's organisation; `None` for a seat open to a kind or to any.
    pub organisation_id: Option<Id>,
    /// Who the seat is for, in words (the organisation, or "any municipality" and the label).
    pub description: String,
    pub days_empty: u32,
    pub empty_at_end: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CoverageFigures {
    /// Days counted (from `from` to `until`).
    pub days: u32,
    pub seats: Vec<SeatCoverage>,
    /// Organisations with seats of their own in the group.
    pub organisations_with_seats: u32,
    /// Of those, the organisations whose every own seat was held on every day counted.
    pub organisations_covered: u32,
    pub seat_days_empty: u32,
    pub seats_empty_at_end: u32,
    /// Held seats on the first of each month counted.
    pub filled_by_month: Vec<u32>,
    /// Held seats on each day counted, from `from` to `until` (the line of the year).
    pub filled_by_day: Vec<u32>,
    /// The average of `filled_by_day`; `None` when no day is counted.
    pub filled_average: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TurnoverFigures {
    /// Appointments whose first day lies in the period.
    pub started: u32,
    /// Appointments whose last day lies in the period.
    pub ended: u32,
    /// Representatives whose appointment ended in the period and whose seat another person
    /// took over within it (or on the next day).
    pub representatives_replaced: u32,
    /// Of the appointments ended in the period, the average service from first to last day.
    pub average_days_in_seat: Option<f64>,
    /// Appointments serving on the last day counted.
    pub serving_at_end: u32,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FormCounts {
    pub organisations: u32,
    pub signed: u32,
    pub printed_not_returned: u32,
    pub needs_new_signature: u32,
    pub not_printed: u32,
}

/// One headline figure, its compared value and how it is counted.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Figure {
    /// Stable code ("meetings.held").
    pub key: String,
    pub label: String,
    pub value: f64,
    pub previous: Option<f64>,
    /// `value - previous`.
    pub change: Option<f64>,
    /// Whether the value is a share (0 to 1, shown as per cent) or days.
    pub unit: FigureUnit,
    pub explanation: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FigureUnit {
    Count,
    Share,
    Days,
}

/// The headline figures of `f`, with `prev`'s beside them.
pub fn figures(f: &GroupFigures, prev: Option<&GroupFigures>, lang: Lang) -> Vec<Figure> {
    type Get = fn(&GroupFigures) -> Option<f64>;
    let rows: [(&str, FigureUnit, &str, &str, &str, &str, Get); 18] = [
        (
            "meetings.total",
            FigureUnit::Count,
            "Möten i året",
            "Meetings in the year",
            "Alla möten daterade under året, oavsett status.",
            "Every meeting dated in the year, whatever its status.",
            |f| Some(f64::from(f.meetings.total)),
        ),
        (
            "meetings.held",
            FigureUnit::Count,
            "Genomförda möten",
            "Meetings held",
            "Möten markerade som genomförda.",
            "Meetings marked as held.",
            |f| Some(f64::from(f.meetings.held)),
        ),
        (
            "meetings.planned",
            FigureUnit::Count,
            "Planerade (ej genomförda)",
            "Planned (not yet held)",
            "Möten som varken är markerade som genomförda eller inställda.",
            "Meetings marked neither held nor cancelled.",
            |f| Some(f64::from(f.meetings.planned)),
        ),
        (
            "meetings.cancelled",
            FigureUnit::Count,
            "Inställda möten",
            "Meetings cancelled",
            "Möten markerade som inställda; de finns kvar i historiken.",
            "Meetings marked as cancelled; they stay in the history.",
            |f| Some(f64::from(f.meetings.cancelled)),
        ),
        (
            "meetings.extra",
            FigureUnit::Count,
            "Extra möten",
            "Extra meetings",
            "Möten utöver gruppens plan (markerade extra), ej inställda.",
            "Meetings beside the group's plan (marked extra), not cancelled.",
            |f| Some(f64::from(f.meetings.extra)),
        ),
        (
            "attendance.share",
            FigureUnit::Share,
            "Närvaro",
            "Attendance",
            "Andel av organisationernas kallelser till genomförda möten där representant eller ersättare var närvarande.",
            "Share of the organisations' invitations to held meetings at which the representative or a substitute was present.",
            |f| total_counts(f).share(),
        ),
        (
            "attendance.representative",
            FigureUnit::Count,
            "Representant närvarande",
            "Representative present",
            "Organisation × möte där representanten (ledamoten) själv var närvarande.",
            "Organisation × meeting at which the representative (member) was present.",
            |f| Some(f64::from(total_counts(f).representative)),
        ),
        (
            "attendance.substitute",
            FigureUnit::Count,
            "Ersättare i representantens ställe",
            "Substitute in the representative's place",
            "Organisation × möte där representanten inte var där men någon annan från organisationen var det.",
            "Organisation × meeting at which the representative was not present but someone else of the organisation was.",
            |f| Some(f64::from(total_counts(f).substitute)),
        ),
        (
            "attendance.excused",
            FigureUnit::Count,
            "Anmält förhinder",
            "Excused",
            "Organisation × möte där ingen var närvarande och någon hade anmält förhinder.",
            "Organisation × meeting with nobody present and someone excused.",
            |f| Some(f64::from(total_counts(f).excused)),
        ),
        (
            "attendance.absent",
            FigureUnit::Count,
            "Frånvarande",
            "Absent",
            "Organisation × möte där ingen var närvarande eller anmälde förhinder, men frånvaro registrerades.",
            "Organisation × meeting with nobody present or excused, and an absence recorded.",
            |f| Some(f64::from(total_counts(f).absent)),
        ),
        (
            "attendance.not_recorded",
            FigureUnit::Count,
            "Ej registrerat",
            "Not recorded",
            "Organisation × möte där ingen närvaro alls registrerades för organisationens kallade.",
            "Organisation × meeting with nothing recorded for anyone of the organisation invited.",
            |f| Some(f64::from(total_counts(f).not_recorded)),
        ),
        (
            "coverage.organisations_covered",
            FigureUnit::Count,
            "Organisationer med alla platser besatta hela året",
            "Organisations with every seat held all year",
            "Organisationer med egna platser i gruppen vars alla platser hade en innehavare varje dag.",
            "Organisations with seats of their own in the group whose every seat had a holder on every day.",
            |f| Some(f64::from(f.coverage.organisations_covered)),
        ),
        (
            "coverage.seat_days_empty",
            FigureUnit::Days,
            "Tomma platsdagar",
            "Seat-days empty",
            "Dagar utan innehavare, summerat över gruppens platser.",
            "Days without a holder, summed over the group's seats.",
            |f| Some(f64::from(f.coverage.seat_days_empty)),
        ),
        (
            "coverage.seats_empty_at_end",
            FigureUnit::Count,
            "Tomma platser vid periodens slut",
            "Seats empty at the end",
            "Platser utan innehavare den sista räknade dagen.",
            "Seats without a holder on the last day counted.",
            |f| Some(f64::from(f.coverage.seats_empty_at_end)),
        ),
        (
            "coverage.filled_average",
            FigureUnit::Count,
            "Besatta platser per dag i snitt",
            "Seats held per day on average",
            "Platser med en innehavare, räknade varje dag i perioden och medelvärdet taget (linjen över året).",
            "Seats with a holder, counted on each day of the period and averaged (the line of the year).",
            |f| f.coverage.filled_average,
        ),
        (
            "turnover.started",
            FigureUnit::Count,
            "Påbörjade uppdrag",
            "Appointments started",
            "Uppdrag vars första dag ligger i perioden.",
            "Appointments whose first day lies in the period.",
            |f| Some(f64::from(f.turnover.started)),
        ),
        (
            "turnover.ended",
            FigureUnit::Count,
            "Avslutade uppdrag",
            "Appointments ended",
            "Uppdrag vars sista dag ligger i perioden.",
            "Appointments whose last day lies in the period.",
            |f| Some(f64::from(f.turnover.ended)),
        ),
        (
            "turnover.representatives_replaced",
            FigureUnit::Count,
            "Representanter som ersatts",
            "Representatives replaced",
            "Representantuppdrag som slutade i perioden och vars plats en annan person tog över.",
            "Representative appointments that ended in the period and whose seat another person took over.",
            |f| Some(f64::from(f.turnover.representatives_replaced)),
        ),
    ];
    let tail: [(&str, FigureUnit, &str, &str, &str, &str, Get); 5] = [
        (
            "turnover.average_days_in_seat",
            FigureUnit::Days,
            "Genomsnittlig tid på platsen",
            "Average time in a seat",
            "Medelvärdet, i dagar från första till sista dag, för uppdragen som slutade i perioden.",
            "The average, in days from first to last day, of the appointments that ended in the period.",
            |f| f.turnover.average_days_in_seat,
        ),
        (
            "forms.signed",
            FigureUnit::Count,
            "Uppdragsblanketter påskrivna och aktuella",
            "Mandate forms signed and current",
            "Organisationer vars senaste blankett namnger dagens innehavare och kommit tillbaka påskriven.",
            "Organisations whose last form names the holders of the last day and came back signed.",
            |f| Some(f64::from(f.forms.signed)),
        ),
        (
            "forms.printed_not_returned",
            FigureUnit::Count,
            "Utskrivna, ej återkomna",
            "Printed, not returned",
            "Organisationer vars aktuella blankett skrivits ut men inte kommit tillbaka påskriven.",
            "Organisations whose current form was printed but has not come back signed.",
            |f| Some(f64::from(f.forms.printed_not_returned)),
        ),
        (
            "forms.needs_new_signature",
            FigureUnit::Count,
            "Behöver ny påskrift",
            "Needing a new signature",
            "Organisationer vars senaste blankett namnger någon som inte längre har platsen.",
            "Organisations whose last form names someone no longer holding the seat.",
            |f| Some(f64::from(f.forms.needs_new_signature)),
        ),
        (
            "forms.not_printed",
            FigureUnit::Count,
            "Ingen blankett utskriven",
            "No form printed",
            "Organisationer i gruppen utan någon utskriven blankett.",
            "Organisations of the group with no form printed.",
            |f| Some(f64::from(f.forms.not_printed)),
        ),
    ];
    // A group without seats (free membership) has no coverage to count.
    let seated = !f.coverage.seats.is_empty();
    build(
        rows.iter()
            .chain(tail.iter())
            .filter(|row| seated || !row.0.starts_with("coverage.")),
        f,
        prev,
        lang,
    )
}

/// One figure's row: key, unit, label (Swedish, English), explanation (Swedish, English) and
/// how it is read from the figures.
type FigureRow<'a, T> = &'a (
    &'a str,
    FigureUnit,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    fn(&T) -> Option<f64>,
);

fn build<'a, T: 'a>(
    rows: impl Iterator<Item = FigureRow<'a, T>>,
    f: &T,
    prev: Option<&T>,
    lang: Lang,
) -> Vec<Figure> {
    rows.filter_map(|(key, unit, sv, en, xsv, xen, get)| {
        let value = get(f)?;
        let previous = prev.and_then(get);
        Some(Figure {
            key: (*key).to_owned(),
            label: lang.pick(sv, en).to_owned(),
            value,
            previous,
            change: previous.map(|p| value - p),
            unit: *unit,
            explanation: lang.pick(xsv, xen).to_owned(),
        })
    })
    .collect()
}

/// The headline figures of the working groups' year, with `prev`'s beside them.
pub fn working_figures(
    f: &WorkingGroupFigures,
    prev: Option<&WorkingGroupFigures>,
    lang: Lang,
) -> Vec<Figure> {
    type Get = fn(&WorkingGroupFigures) -> Option<f64>;
    let rows: [(&str, FigureUnit, &str, &str, &str, &str, Get); 4] = [
        (
            "working.active",
            FigureUnit::Count,
            "Verksamma arbetsgrupper",
            "Working groups active",
            "Arbetsgrupper där någon hade uppdrag en dag i perioden eller som hade ett möte under året.",
            "Working groups in which someone served on a day of the period, or with a meeting in the year.",
            |f| Some(f64::from(f.active)),
        ),
        (
            "working.formed",
            FigureUnit::Count,
            "Nya arbetsgrupper",
            "Working groups formed",
            "Verksamma arbetsgrupper vars första dag (första uppdrag eller möte) ligger i året.",
            "Active working groups whose first day (first appointment or meeting) lies in the year.",
            |f| Some(f64::from(f.formed)),
        ),
        (
            "working.members",
            FigureUnit::Count,
            "Ledamöter i arbetsgrupper",
            "Members of working groups",
            "Personer med uppdrag i någon arbetsgrupp en dag i perioden, var och en räknad en gång.",
            "People serving in any working group on a day of the period, each counted once.",
            |f| Some(f64::from(f.members)),
        ),
        (
            "working.meetings_held",
            FigureUnit::Count,
            "Arbetsgruppsmöten genomförda",
            "Working group meetings held",
            "Arbetsgruppernas möten under året markerade som genomförda.",
            "The working groups' meetings in the year marked as held.",
            |f| Some(f64::from(f.meetings_held)),
        ),
    ];
    build(rows.iter(), f, prev, lang)
}

/// Attendance summed over every organisation and held meeting.
pub fn total_counts(f: &GroupFigures) -> PresenceCounts {
    let mut c = PresenceCounts::default();
    for cell in &f.cells {
        c.add(cell.presence);
    }
    c
}

/// Whether a meeting counts in the attendance figures.
pub(crate) fn counts_attendance(status: MeetingStatus) -> bool {
    status == MeetingStatus::Held
}
