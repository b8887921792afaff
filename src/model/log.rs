//! What the logs hold, as the core hands it out: the export log's entries and kinds, the audit
//! log's changes (raw and as people read them), erasures, recorded attendance, and the
//! register extract for one person that gathers them. Plain data, read by the store and
//! rendered by `export/`; the register fills it in.

use serde::Serialize;
use ts_rs::TS;

use super::{Appointment, Id, Person};

/// What was exported. Codes are stored; append new kinds, never rename a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExportKind {
    /// A mandate form (uppdragsblankett) for one organisation.
    MandateForm,
    /// Several organisations' mandate forms in one combined file.
    MandateFormsCombined,
    RosterCsv,
    RosterXlsx,
    RosterPdf,
    AttendanceList,
    MailingList,
    Calendar,
    /// A register extract for one person (personal-data rights).
    PersonExtract,
    /// The audit log or the export log itself.
    LogExport,
    /// A backup copy of the whole register written to a chosen file.
    Backup,
    /// The yearly report: PDF, workbook, or its raw attendance rows as CSV.
    ReportPdf,
    ReportXlsx,
    ReportCsv,
    /// A meeting's invitation, update or cancellation as an e-mail draft (.eml), and printed.
    InvitationEmail,
    InvitationPdf,
    /// A meeting's minutes, printed and as an e-mail draft.
    MinutesPdf,
    MinutesEmail,
    /// A reminder to an organisation's principal about seats that stand empty or whose terms
    /// end soon, as an e-mail draft and as a printed letter.
    ReminderEmail,
    ReminderLetter,
    /// A code this build does not know (written by a newer version).
    Other,
}

impl ExportKind {
    pub const ALL: [ExportKind; 21] = [
        ExportKind::MandateForm,
        ExportKind::MandateFormsCombined,
        ExportKind::RosterCsv,
        ExportKind::RosterXlsx,
        ExportKind::RosterPdf,
        ExportKind::AttendanceList,
        ExportKind::MailingList,
        ExportKind::Calendar,
        ExportKind::PersonExtract,
        ExportKind::LogExport,
        ExportKind::Backup,
        ExportKind::ReportPdf,
        ExportKind::ReportXlsx,
        ExportKind::ReportCsv,
        ExportKind::InvitationEmail,
        ExportKind::InvitationPdf,
        ExportKind::MinutesPdf,
        ExportKind::MinutesEmail,
        ExportKind::ReminderEmail,
        ExportKind::ReminderLetter,
        ExportKind::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ExportKind::MandateForm => "mandate_form",
            ExportKind::MandateFormsCombined => "mandate_forms_combined",
            ExportKind::RosterCsv => "roster_csv",
            ExportKind::RosterXlsx => "roster_xlsx",
            ExportKind::RosterPdf => "roster_pdf",
            ExportKind::AttendanceList => "attendance_list",
            ExportKind::MailingList => "mailing_list",
            ExportKind::Calendar => "calendar",
            ExportKind::PersonExtract => "person_extract",
            ExportKind::LogExport => "log_export",
            ExportKind::Backup => "backup",
            ExportKind::ReportPdf => "report_pdf",
            ExportKind::ReportXlsx => "report_xlsx",
            ExportKind::ReportCsv => "report_csv",
            ExportKind::InvitationEmail => "invitation_email",
            ExportKind::InvitationPdf => "invitation_pdf",
            ExportKind::MinutesPdf => "minutes_pdf",
            ExportKind::MinutesEmail => "minutes_email",
            ExportKind::ReminderEmail => "reminder_email",
            ExportKind::ReminderLetter => "reminder_letter",
            ExportKind::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<ExportKind> {
        ExportKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One entry of the export log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ExportEntry {
    pub id: Id,
    /// UTC, RFC 3339.
    pub at: String,
    pub os_user: String,
    pub kind: ExportKind,
    pub description: String,
    pub group_id: Option<Id>,
    pub people: i64,
    pub protected_included: bool,
    pub file: Option<String>,
}

/// One change to the register: which row, what it held before and after (JSON objects).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ChangeEntry {
    pub id: Id,
    /// UTC, RFC 3339.
    pub at: String,
    pub os_user: String,
    /// organisation, contact, person, group, seat, appointment, setting (and the tables later
    /// migrations audit).
    pub entity: String,
    pub entity_id: Option<Id>,
    /// insert, update or delete.
    pub action: String,
    pub old: Option<String>,
    pub new: Option<String>,
    /// The values were removed when the person they describe was erased.
    pub redacted: bool,
}

/// One recorded erasure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Erasure {
    pub person_id: Id,
    /// N in "Borttagen person N".
    pub number: i64,
    pub at: String,
    pub os_user: String,
}

/// One meeting a person's attendance was recorded for (for the register extract).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AttendanceRecord {
    pub meeting_id: Id,
    /// YYYY-MM-DD.
    pub date: String,
    pub group_name: String,
    /// present, absent or excused.
    pub status: String,
    /// The person they stood in for, if any.
    pub substitute_for: Option<Id>,
}

/// One field of a row that a log entry changed, set or removed, as the screens show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LogChange {
    /// The field's name: "Skyddade personuppgifter", "Grupp".
    pub field: String,
    /// The value before (an update or a removal); `None` when empty.
    pub before: Option<String>,
    /// The value after (an update or an addition); `None` when empty.
    pub after: Option<String>,
    /// The change in words: "E-post: a@x.se → b@x.se" (an update), "E-post: a@x.se".
    pub text: String,
}

/// One line of the audit log, rendered for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LogLine {
    /// Local time in the view's zone: "2026-11-22 09:15".
    pub at: String,
    /// As stored: UTC, RFC 3339.
    pub at_utc: String,
    pub os_user: String,
    /// The kind of row by its code: "person", "meeting", "export".
    pub entity: String,
    pub entity_id: Option<Id>,
    /// The kind of row in words: "Person", "Möte".
    pub kind: String,
    /// The row by what it is: "Anna Berg", "Länsgruppen MVK 2027-03-10".
    pub name: String,
    /// "insert", "update", "delete", or the export's kind code.
    pub action: String,
    /// What happened, in words: "Tillagd", "Ändrad", "Borttagen", "Export".
    pub event: String,
    /// The fields that changed (an update) or were set (an addition, a removal).
    pub changes: Vec<LogChange>,
    /// The change on one line: "E-post: a@x.se → b@x.se; Skyddade personuppgifter: nej → ja";
    /// for an export, how many people went to which file; for an erased person's row, that
    /// the data was erased.
    pub details: String,
    pub redacted: bool,
    /// For an export: how many people and which file.
    pub people: Option<i64>,
    pub file: Option<String>,
    /// The people the line names (for the export record and the protected-people rule).
    #[serde(skip)]
    #[ts(skip)]
    pub named_people: Vec<Id>,
}

/// Everything the register holds about one person.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PersonExtract {
    /// When the extract was made, UTC, RFC 3339.
    pub made_at: String,
    pub person: Person,
    pub appointments: Vec<Appointment>,
    /// The meetings their attendance was recorded for.
    pub attendance: Vec<AttendanceRecord>,
    /// Every export that carried the person's data.
    pub exports: Vec<ExportEntry>,
    /// Every change of the person's row and appointments.
    pub changes: Vec<ChangeEntry>,
    pub erased: Option<Erasure>,
}

/// The name an erased person gets.
pub fn erased_name(number: i64) -> String {
    format!("Borttagen person {number}")
}
