//! The one error type of the core, its stable codes, and its messages in Swedish and English.
//!
//! Every error the user can cause is a domain case with the data needed to explain it; the
//! message is rendered in the user's language at the edge. The UI and scripts act on
//! [`ErrorCode`], never on the text.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod messages;
pub use messages::import_text;
pub use messages::{avoided_day_warning, log_words};

use crate::lang::Lang;
use crate::vocab::{Role, SeatName};

/// The fields a user fills in, named in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Field {
    Name,
    ShortName,
    Kind,
    OrgNumber,
    PostalAddress,
    Email,
    Phone,
    Notes,
    Title,
    PrincipalName,
    Function,
    LocalGroup,
    Contact,
    GroupKind,
    MeetingsPerYear,
    Description,
    Role,
    Organisation,
    From,
    To,
    Date,
    Days,
    Template,
    Wording,
    Status,
    Start,
    End,
    Place,
    OnlineLink,
    Agenda,
    Weekdays,
    Label,
    Year,
    Format,
    Months,
    Position,
    Seat,
    Reason,
    /// The kind of entry in the audit log (`log --entity`).
    Entity,
    Language,
    /// An agenda item's title.
    ItemTitle,
    /// An agenda item's kind (information, discussion, decision).
    ItemKind,
    /// Who presents an agenda item.
    Presenter,
    /// The minutes an agenda item is given.
    Minutes,
    /// A heading of the yearly report's text sections.
    Heading,
    /// One of the yearly report's text sections.
    Section,
    /// Who checks a meeting's minutes (justerare).
    Checker,
}

impl Field {
    pub fn label(self, lang: Lang) -> &'static str {
        use Field::*;
        match self {
            Name => lang.pick("namn", "name"),
            ShortName => lang.pick("kortnamn", "short name"),
            Kind => lang.pick("typ av organisation", "kind of organisation"),
            OrgNumber => lang.pick("organisationsnummer", "organisation number"),
            PostalAddress => lang.pick("postadress", "postal address"),
            Email => lang.pick("e-post", "e-mail"),
            Phone => lang.pick("telefon", "phone"),
            Notes => lang.pick("anteckningar", "notes"),
            Title => lang.pick("titel", "title"),
            PrincipalName => lang.pick("uppdragsgivarens namn", "principal's name"),
            Function => lang.pick("funktion", "function"),
            LocalGroup => lang.pick("lokal samverkansgrupp", "local group"),
            Contact => lang.pick("kontakt", "contact"),
            GroupKind => lang.pick("typ av grupp", "kind of group"),
            MeetingsPerYear => lang.pick("möten per år", "meetings per year"),
            Description => lang.pick("beskrivning", "description"),
            Role => lang.pick("roll", "role"),
            Organisation => lang.pick("organisation", "organisation"),
            From => lang.pick("från och med", "from"),
            To => lang.pick("till och med", "to"),
            Date => lang.pick("datum", "date"),
            Days => lang.pick("antal dagar", "number of days"),
            Template => lang.pick("mall", "template"),
            Wording => lang.pick("blankettens text", "the form's wording"),
            Status => lang.pick("status", "status"),
            Start => lang.pick("starttid", "start time"),
            End => lang.pick("sluttid", "end time"),
            Place => lang.pick("plats", "place"),
            OnlineLink => lang.pick("möteslänk", "online link"),
            Agenda => lang.pick("dagordning", "agenda"),
            Weekdays => lang.pick("veckodagar", "weekdays"),
            Label => lang.pick("benämning", "label"),
            Year => lang.pick("år", "year"),
            Months => lang.pick("antal månader", "number of months"),
            Format => lang.pick("format", "format"),
            Position => lang.pick("plats i ordningen", "position"),
            Seat => lang.pick("plats", "seat"),
            Reason => lang.pick("skäl", "reason"),
            Entity => lang.pick("slag av post i loggen", "kind of log entry"),
            Language => lang.pick("språk", "language"),
            ItemTitle => lang.pick("punktens rubrik", "item title"),
            ItemKind => lang.pick("typ av punkt", "kind of item"),
            Presenter => lang.pick("föredragande", "presenter"),
            Minutes => lang.pick("antal minuter", "minutes"),
            Heading => lang.pick("rubrik", "heading"),
            Section => lang.pick("avsnitt", "section"),
            Checker => lang.pick("justerare", "minutes checker"),
        }
    }
}

/// Why a value was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    Empty,
    TooLong {
        max: usize,
    },
    ControlCharacter,
    LineBreak,
    /// A tab in a one-line value (a name): mostly pasted from a spreadsheet cell.
    Tab,
    Email,
    Phone,
    OrgNumberFormat,
    OrgNumberChecksum,
    OrgNumberLooksPersonal,
    Date(String),
    /// A well-formed date outside [`crate::vocab::DATES`].
    DateOutOfRange(String),
    UnknownValue(String),
    OutOfRange {
        min: i64,
        max: i64,
    },
    ToBeforeFrom,
    Time(String),
    Link,
    EndBeforeStart,
    /// A seat is either one organisation's or open to a kind, not both.
    SeatBothOrgAndKind,
    /// A list that must name each of a set exactly once names this one twice or not at all.
    NotExactlyOnce(String),
}

/// Why a file to import cannot be read; rendered in the user's language with the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// The file cannot be opened or read (the kind of failure the system gives).
    Io(std::io::ErrorKind),
    /// Not a workbook calamine can open (its reason).
    NotASpreadsheet(String),
    NoSheets,
    /// The first sheet cannot be read (calamine's reason).
    SheetUnreadable(String),
    /// No header row.
    Empty,
    /// Bytes that are not text (NUL bytes, outside a UTF-16 file).
    Binary,
    /// An Excel 97–2003 workbook (`.xls`): not read (see `docs/ARCHITECTURE.md`, Import).
    OldExcel,
    /// Lines of UTF-8 and lines of another encoding in one file. `line` is the first line
    /// (in the file, from 1) that differs from the majority; `rest_utf8` says whether the
    /// majority is UTF-8.
    MixedEncoding {
        line: usize,
        rest_utf8: bool,
    },
    /// A UTF-16 file (by its byte-order mark) with bytes that are not UTF-16.
    BadUtf16,
    /// Over one of the limits in `import::read` (what, how large, the limit).
    TooLarge(Limit),
    /// The mapping file names a column or field that is not there (quoted), or is not JSON.
    Mapping(crate::import::mapping::MappingProblem),
}

/// Which limit a file to import is over, with the size found and the limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Limit {
    /// The file's size in bytes (CSV is read whole).
    FileSize { bytes: u64, max: u64 },
    /// The workbook's parts together, inflated (uncompressed), in bytes.
    Inflated { bytes: u64, max: u64 },
    /// One part of a workbook that is read whole (shared strings, styles…), inflated.
    Part { name: String, bytes: u64, max: u64 },
    /// A text or tag in a streamed part of a workbook (a sheet) longer than `max` bytes.
    XmlRun { part: String, max: u64 },
    /// A cell (or the sheet's declared dimension) in row `row` (from 1).
    Rows { row: u64, max: u64 },
    /// A cell (or the sheet's declared dimension) in column `column` (from 1).
    Columns { column: u64, max: u64 },
    /// The rows times their columns.
    Cells { cells: u64, max: u64 },
    /// One cell's text, in bytes.
    CellSize {
        row: u64,
        column: u64,
        bytes: u64,
        max: u64,
    },
    /// All cells' text together, in bytes.
    Text { bytes: u64, max: u64 },
}

/// The things the register holds, named in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Entity {
    Organisation,
    Person,
    Group,
    Appointment,
    Contact,
    Meeting,
    Blackout,
    Seat,
}

impl Entity {
    fn label(self, lang: Lang) -> &'static str {
        match self {
            Entity::Organisation => lang.pick("organisation", "organisation"),
            Entity::Person => lang.pick("person", "person"),
            Entity::Group => lang.pick("grupp", "group"),
            Entity::Appointment => lang.pick("uppdrag", "appointment"),
            Entity::Contact => lang.pick("kontakt", "contact"),
            Entity::Meeting => lang.pick("möte", "meeting"),
            Entity::Blackout => lang.pick("spärrperiod", "blocked period"),
            Entity::Seat => lang.pick("plats", "seat"),
        }
    }

    /// Whether the Swedish noun is neuter ("inget möte", not "ingen möte").
    fn is_neuter(self) -> bool {
        matches!(self, Entity::Appointment | Entity::Meeting)
    }
}

/// The stable code of an error: what the UI and scripts act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    /// A value the user gave is not acceptable.
    Invalid,
    /// Nothing matches what the user named.
    NotFound,
    /// More than one thing matches what the user named.
    Ambiguous,
    /// The change breaks a rule of the register (a seat is taken, a name is used…).
    Conflict,
    /// The thing cannot be removed while other records refer to it.
    InUse,
    /// A register already exists where one was to be created.
    Exists,
    /// The register was written by a newer version of Samverkan.
    NewerVersion,
    /// The file is not a Samverkan register.
    NotARegister,
    /// Something went wrong that the user did not cause.
    Internal,
    /// The register or a backup is damaged (it fails the integrity checks).
    Damaged,
    /// Another process has the register open for writing: this one may only read.
    Locked,
    /// A file or folder cannot be used as asked (missing, a folder, not a regular file, a full
    /// disk, read-only, no permission): the user can fix it.
    File,
}

/// What is wrong with a file or folder the user named, or with the disk it is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProblem {
    /// The file to read is not there.
    Missing,
    /// The folder to write into is not there.
    NoFolder,
    /// A folder is where a file should be.
    IsFolder,
    /// A device, pipe or socket is where a regular file should be: it is never replaced.
    NotAFile,
    DiskFull,
    ReadOnly,
    NoPermission,
    /// The window asked to open a file that the register did not write (the export log does
    /// not know it): it is not opened.
    NotExported,
    /// The file was written, but the system has no program that opens it (or refused to).
    NoViewer,
}

/// What the program was doing when something failed that the user did not cause. It is named
/// in the message, in the user's language; the failure itself is the error's source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Internal {
    /// Writing a workbook (XLSX): rust_xlsxwriter refused it.
    Workbook,
    /// The fonts compiled into the program cannot be read or drawn (a damaged build).
    Fonts,
    /// Laying out the mandate form of `organisation` (its thread stopped).
    FormLayout { organisation: String },
    /// Writing data as JSON (a wording, a person's extract, `--json` output).
    Json,
    /// Building an e-mail draft: the mail builder refused a value the program had checked.
    MailDraft,
    /// Opening the register on a thread of its own: the thread stopped.
    Opening,
    /// The system names no data folder for this user, where the register lives by default.
    NoDataFolder,
}

/// A thread that stopped before it was done (it panicked), with what it said: the source of
/// an [`Error::Internal`].
#[derive(Debug, thiserror::Error)]
#[error("the thread stopped: {0}")]
pub struct Stopped(String);

impl Stopped {
    /// The panic's message from `JoinHandle::join`'s error, when it is text.
    pub fn from_panic(payload: Box<dyn std::any::Any + Send>) -> Stopped {
        let text = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_owned());
        Stopped(text)
    }
}

/// An error of the core. `Display` is the Swedish message ([`Error::message`] gives either
/// language); `source` is the failure underneath, where there is one.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message(Lang::Sv))]
pub enum Error {
    Invalid {
        field: Field,
        reason: Invalid,
    },
    NotFound {
        what: Entity,
        query: String,
    },
    Ambiguous {
        what: Entity,
        query: String,
        candidates: Vec<String>,
    },
    /// The seat (representative or substitute) of an organisation in a group is held.
    SeatTaken {
        role: Role,
        group: String,
        organisation: String,
        holder: String,
        since: NaiveDate,
    },
    /// A replacement would start on or before the day the holder started: nothing to end.
    ReplaceTooEarly {
        role: Role,
        group: String,
        organisation: String,
        holder: String,
        since: NaiveDate,
    },
    /// The person already holds this role, or the other seat, in the group at that date.
    AlreadyServing {
        person: String,
        role: Role,
        group: String,
    },
    /// A name or number that must be unique is already used.
    Duplicate {
        what: Entity,
        /// The field whose value is taken (the name, the organisation number).
        field: Field,
        value: String,
    },
    /// An organisation, person or group still has appointments.
    InUse {
        what: Entity,
        name: String,
        appointments: usize,
    },
    /// An organisation that people still belong to.
    HasPeople {
        name: String,
        people: usize,
    },
    /// A group's membership cannot change: to free membership while it has seats, or back to
    /// seats once people were appointed freely (`to_free` says which).
    MembershipFixed {
        group: String,
        to_free: bool,
    },
    /// An end date before the appointment's start.
    EndsBeforeStart {
        person: String,
        from: NaiveDate,
    },
    /// Nothing to end: the person holds no such appointment on that date.
    NotServing {
        person: String,
        group: String,
    },
    RegisterExists {
        path: PathBuf,
    },
    NewerVersion {
        found: i64,
        supported: i64,
    },
    NotARegister {
        path: PathBuf,
    },
    /// An I/O failure on `path` that the user cannot fix (see [`Error::io`]).
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    Database(#[source] rusqlite::Error),
    /// Something failed that the user did not cause and that is not I/O: what the program was
    /// doing, and the failure.
    Internal {
        what: Internal,
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// A character the document font cannot draw; `field` says where it is.
    Unprintable {
        ch: char,
        field: String,
    },
    /// The organisation does not sit in the group (so has no mandate form there).
    NotSeated {
        organisation: String,
        group: String,
    },
    /// No mandate form has been printed for the organisation in the group.
    FormNotPrinted {
        organisation: String,
        group: String,
    },
    /// The last printed form names people who no longer hold the seats.
    FormOutdated {
        organisation: String,
        group: String,
    },
    /// A meeting may not be planned on that day.
    ForbiddenDay {
        group: String,
        date: NaiveDate,
        reason: crate::schedule::plan::Forbidden,
    },
    /// Two groups that share members would meet on the same day.
    SharedMemberClash {
        group: String,
        other: String,
        date: NaiveDate,
    },
    /// The person is not invited to the meeting (holds no appointment in the group that day).
    NotInvited {
        person: String,
        group: String,
        date: NaiveDate,
    },
    /// Someone can stand in only for an invited person of their own organisation.
    CannotStandIn {
        person: String,
        for_person: String,
    },
    /// Attendance cannot be taken for a cancelled meeting.
    MeetingCancelled {
        group: String,
        date: NaiveDate,
    },
    /// An invitation names the coordinator as its organiser: her e-mail address is needed.
    NoCoordinatorEmail,
    /// A cancelled meeting whose invitation was never written has nobody to tell.
    NothingToCancel {
        group: String,
        date: NaiveDate,
    },
    /// The minutes of a meeting that was not held, or is cancelled.
    MeetingNotHeld {
        group: String,
        date: NaiveDate,
    },
    /// A person with protected personal data was asked for without being included.
    ProtectedPerson {
        person: String,
    },
    /// The register file cannot be opened as a register; the newest good backup, if any, is
    /// offered. The file was not modified.
    RegisterDamaged {
        path: PathBuf,
        backup: Option<PathBuf>,
    },
    /// A migration's SQL failed on the file (its contents do not match its version): rolled
    /// back, the file left at its version. The database's own message is kept for the
    /// developer (`Debug`), never shown: it quotes the migration's SQL.
    MigrationFailed {
        version: i64,
        source: rusqlite::Error,
    },
    /// A backup (or a copy being written) fails the integrity checks.
    BackupFailed {
        path: PathBuf,
        report: crate::safety::CheckReport,
    },
    /// A backup's contents no longer match the SHA-256 recorded when it was written.
    BackupDamaged {
        path: PathBuf,
    },
    /// The register is open for writing elsewhere (who and since when, if known).
    Locked {
        holder: Option<crate::safety::LockHolder>,
    },
    /// The person was already erased (anonymised).
    AlreadyErased {
        name: String,
    },
    /// A file to import cannot be read at all (not a spreadsheet, no header row, too large…).
    ImportUnreadable {
        path: PathBuf,
        reason: Unreadable,
    },
    /// No column of the sheet to import is chosen as the organisation.
    ImportNoOrganisation,
    /// The import has rows that cannot be applied; nothing was written.
    ImportRejected {
        rows: usize,
    },
    /// An organisation chosen to be created (or read as an existing one) is not one of the
    /// file's organisations that the register lacks.
    ImportNotANewOrg {
        name: String,
    },
    /// No seat of the group fits the role for the organisation.
    NoSeat {
        group: String,
        role: Role,
        organisation: String,
    },
    /// The named seat is not one the appointment can fill (another group, role or
    /// organisation).
    SeatMismatch {
        seat: Box<SeatName>,
        group: String,
        role: Role,
        organisation: String,
    },
    /// A seat with a holder (now or coming) cannot be removed.
    SeatHeld {
        seat: Box<SeatName>,
        holder: String,
    },
    /// Several seats of the group fit and they are not interchangeable: name one.
    SeatAmbiguous {
        group: String,
        role: Role,
        seats: Vec<SeatName>,
    },
    /// The group has free membership: it has no seats to add or fill.
    FreeMembership {
        group: String,
    },
    /// An appointment can be withdrawn only on the day it was made, and only before it ended.
    WithdrawTooLate {
        person: String,
        made_on: Option<NaiveDate>,
    },
    /// An existing register cannot be given seats exactly: two appointments would hold one
    /// seat on one day. Nothing was changed.
    SeatsUnmappable {
        group: String,
        organisation: String,
        role: Role,
        first: String,
        second: String,
    },
    /// A file or folder the user can fix; `path` when known (SQLite does not say which file
    /// was full or read-only).
    File {
        path: Option<PathBuf>,
        problem: FileProblem,
    },
    /// The writer's lock file was removed or replaced while the register was open: another
    /// process may be writing it too, so nothing more is written.
    LockLost {
        path: PathBuf,
    },
    /// No register at the path, and this command does not create one (only `init` and the
    /// app's first start do): most likely a mistyped path.
    NoRegister {
        path: PathBuf,
    },
    /// A text value on the command line is not UTF-8 (a path may be; text may not).
    NotText {
        /// The argument, as the command line names it (`--name`, `<ORG>`).
        argument: String,
    },
}

/// What crosses to the UI and what `--json` prints: a stable code and a message in the user's
/// language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ErrorBody {
    pub code: ErrorCode,
    pub message: String,
    /// The input field the error is about, so that a form can show it beside that field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<Field>,
}

impl Error {
    pub fn invalid(field: Field, reason: Invalid) -> Error {
        Error::Invalid { field, reason }
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Invalid { .. } => ErrorCode::Invalid,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::Ambiguous { .. } => ErrorCode::Ambiguous,
            Error::SeatTaken { .. }
            | Error::ReplaceTooEarly { .. }
            | Error::AlreadyServing { .. }
            | Error::Duplicate { .. }
            | Error::EndsBeforeStart { .. }
            | Error::NotServing { .. } => ErrorCode::Conflict,
            Error::InUse { .. } | Error::HasPeople { .. } => ErrorCode::InUse,
            Error::MembershipFixed { .. } => ErrorCode::Conflict,
            Error::RegisterExists { .. } => ErrorCode::Exists,
            Error::NewerVersion { .. } => ErrorCode::NewerVersion,
            Error::NotARegister { .. } => ErrorCode::NotARegister,
            Error::Io { .. } | Error::Database(_) | Error::Internal { .. } => ErrorCode::Internal,
            Error::NoCoordinatorEmail => ErrorCode::Invalid,
            Error::Unprintable { .. } => ErrorCode::Invalid,
            Error::NotSeated { .. } | Error::FormOutdated { .. } => ErrorCode::Conflict,
            Error::FormNotPrinted { .. } => ErrorCode::NotFound,
            Error::ForbiddenDay { .. }
            | Error::SharedMemberClash { .. }
            | Error::NotInvited { .. }
            | Error::CannotStandIn { .. }
            | Error::MeetingCancelled { .. }
            | Error::NothingToCancel { .. }
            | Error::MeetingNotHeld { .. }
            | Error::ProtectedPerson { .. } => ErrorCode::Conflict,
            Error::RegisterDamaged { .. } => ErrorCode::NotARegister,
            Error::MigrationFailed { .. } => ErrorCode::Damaged,
            Error::BackupFailed { .. } | Error::BackupDamaged { .. } => ErrorCode::Damaged,
            Error::Locked { .. } => ErrorCode::Locked,
            Error::AlreadyErased { .. } => ErrorCode::Conflict,
            Error::ImportUnreadable { .. }
            | Error::ImportNoOrganisation
            | Error::ImportRejected { .. }
            | Error::ImportNotANewOrg { .. } => ErrorCode::Invalid,
            Error::NoSeat { .. }
            | Error::SeatMismatch { .. }
            | Error::FreeMembership { .. }
            | Error::WithdrawTooLate { .. }
            | Error::SeatsUnmappable { .. } => ErrorCode::Conflict,
            Error::SeatHeld { .. } => ErrorCode::InUse,
            Error::SeatAmbiguous { .. } => ErrorCode::Ambiguous,
            Error::NotText { .. } => ErrorCode::Invalid,
            Error::File { .. } => ErrorCode::File,
            Error::LockLost { .. } => ErrorCode::Locked,
            Error::NoRegister { .. } => ErrorCode::NotFound,
        }
    }

    /// Whether the user caused the error (and can fix it), as opposed to a fault of the
    /// machine or the program.
    pub fn is_user_error(&self) -> bool {
        self.code() != ErrorCode::Internal
    }

    /// The field the error is about, for showing it beside the input.
    pub fn field(&self) -> Option<Field> {
        match self {
            Error::Invalid { field, .. } | Error::Duplicate { field, .. } => Some(*field),
            _ => None,
        }
    }

    pub fn body(&self, lang: Lang) -> ErrorBody {
        ErrorBody {
            code: self.code(),
            message: self.message(lang),
            field: self.field(),
        }
    }
}

impl Error {
    /// A failure the user did not cause that is not I/O: what the program was doing, and the
    /// failure (any error, or a text).
    pub fn internal(
        what: Internal,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Error {
        Error::Internal {
            what,
            source: source.into(),
        }
    }

    /// An I/O failure on `path`. What the user can fix (a missing file or folder, a folder
    /// where a file should be, a full disk, a read-only file system, no permission) becomes
    /// [`Error::File`]; anything else stays [`Error::Io`].
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        use std::io::ErrorKind as K;
        let path = path.into();
        let problem = match source.kind() {
            K::NotFound => {
                let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
                if folder.is_some_and(|f| !f.is_dir()) {
                    FileProblem::NoFolder
                } else {
                    FileProblem::Missing
                }
            }
            K::NotADirectory => FileProblem::NoFolder,
            K::IsADirectory => FileProblem::IsFolder,
            K::StorageFull | K::QuotaExceeded | K::FileTooLarge => FileProblem::DiskFull,
            K::ReadOnlyFilesystem => FileProblem::ReadOnly,
            K::PermissionDenied => FileProblem::NoPermission,
            _ => return Error::Io { path, source },
        };
        Error::File {
            path: Some(path),
            problem,
        }
    }

    /// A SQLite failure writing or opening `path` (a backup's target): a target the user can
    /// fix is named.
    pub fn sqlite_at(path: &std::path::Path, e: rusqlite::Error) -> Error {
        let code = match &e {
            rusqlite::Error::SqliteFailure(f, _) => Some(f.code),
            _ => None,
        };
        match (Error::from(e), code) {
            (Error::File { problem, .. }, _) => Error::File {
                path: Some(path.to_owned()),
                problem,
            },
            (_, Some(rusqlite::ErrorCode::CannotOpen)) => {
                let problem = if path.is_dir() {
                    FileProblem::IsFolder
                } else if path
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .is_some_and(|p| !p.is_dir())
                {
                    FileProblem::NoFolder
                } else {
                    FileProblem::NoPermission
                };
                Error::File {
                    path: Some(path.to_owned()),
                    problem,
                }
            }
            (other, _) => other,
        }
    }
}

impl From<rusqlite::Error> for Error {
    /// A full disk, a read-only file, and a register another writer holds are the user's to
    /// fix; every other SQLite failure is internal.
    fn from(e: rusqlite::Error) -> Error {
        use rusqlite::ErrorCode as C;
        let code = match &e {
            rusqlite::Error::SqliteFailure(f, _) => Some(f.code),
            _ => None,
        };
        let problem = match code {
            Some(C::DiskFull) => FileProblem::DiskFull,
            Some(C::ReadOnly) => FileProblem::ReadOnly,
            Some(C::PermissionDenied) => FileProblem::NoPermission,
            Some(C::DatabaseBusy | C::DatabaseLocked) => return Error::Locked { holder: None },
            _ => return Error::Database(e),
        };
        Error::File {
            path: None,
            problem,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_problems_the_user_can_fix_are_user_errors() {
        use std::io::{Error as IoError, ErrorKind as K};
        let dir = tempfile::tempdir().expect("temp dir");
        let missing_folder = dir.path().join("nej").join("fil.csv");
        let cases = [
            (missing_folder.clone(), K::NotFound, FileProblem::NoFolder),
            (
                dir.path().join("fil.csv"),
                K::NotFound,
                FileProblem::Missing,
            ),
            (
                dir.path().to_owned(),
                K::IsADirectory,
                FileProblem::IsFolder,
            ),
            (dir.path().join("f"), K::StorageFull, FileProblem::DiskFull),
            (
                dir.path().join("f"),
                K::ReadOnlyFilesystem,
                FileProblem::ReadOnly,
            ),
            (
                dir.path().join("f"),
                K::PermissionDenied,
                FileProblem::NoPermission,
            ),
        ];
        for (path, kind, expected) in cases {
            let e = Error::io(&path, IoError::from(kind));
            assert!(
                matches!(e, Error::File { problem, .. } if problem == expected),
                "{kind:?}: {e:?}"
            );
            assert!(e.is_user_error());
            assert_eq!(e.code(), ErrorCode::File);
            for lang in [Lang::Sv, Lang::En] {
                let m = e.message(lang);
                assert!(m.contains(&path.display().to_string()), "{m}");
                assert!(!m.contains("os error"), "{m}");
            }
        }
        assert!(!Error::io("f", IoError::other("boom")).is_user_error());
        let sqlite = |code| {
            Error::from(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(code),
                None,
            ))
        };
        let full = sqlite(rusqlite::ffi::SQLITE_FULL);
        assert!(matches!(
            full,
            Error::File {
                path: None,
                problem: FileProblem::DiskFull
            }
        ));
        assert!(
            full.message(Lang::Sv).contains("full"),
            "{}",
            full.message(Lang::Sv)
        );
        assert!(matches!(
            sqlite(rusqlite::ffi::SQLITE_READONLY),
            Error::File {
                problem: FileProblem::ReadOnly,
                ..
            }
        ));
        assert_eq!(sqlite(rusqlite::ffi::SQLITE_BUSY).code(), ErrorCode::Locked);
        assert!(!sqlite(rusqlite::ffi::SQLITE_CORRUPT).is_user_error());
        let at = Error::sqlite_at(
            &missing_folder,
            rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN),
                None,
            ),
        );
        assert!(matches!(
            at,
            Error::File {
                problem: FileProblem::NoFolder,
                ..
            }
        ));
    }

    #[test]
    fn an_internal_error_says_what_failed_in_either_language_and_keeps_its_source() {
        use std::error::Error as _;
        let e = Error::internal(Internal::Workbook, "bad sheet name");
        assert_eq!(e.code(), ErrorCode::Internal);
        assert!(!e.is_user_error());
        assert_eq!(
            e.message(Lang::Sv),
            "Internt fel i Samverkan: arbetsboken (XLSX) kunde inte skrivas (bad sheet name)."
        );
        assert_eq!(
            e.message(Lang::En),
            "Internal error in Samverkan: the workbook (XLSX) could not be written (bad sheet name)."
        );
        assert_eq!(e.to_string(), e.message(Lang::Sv));
        assert_eq!(
            e.source().map(ToString::to_string).as_deref(),
            Some("bad sheet name")
        );
        let json = serde_json::to_string(&e.body(Lang::En)).expect("serialises");
        assert!(
            json.starts_with(r#"{"code":"internal","message":"Internal error"#),
            "{json}"
        );

        let form = Error::internal(
            Internal::FormLayout {
                organisation: "Falu kommun".into(),
            },
            Stopped::from_panic(Box::new("index out of bounds")),
        );
        assert_eq!(
            form.message(Lang::Sv),
            "Internt fel i Samverkan: uppdragsblanketten för Falu kommun kunde inte sättas upp \
             (the thread stopped: index out of bounds)."
        );
        assert_eq!(
            form.message(Lang::En),
            "Internal error in Samverkan: the mandate form for Falu kommun could not be laid out \
             (the thread stopped: index out of bounds)."
        );
        let source = form.source().expect("a source");
        assert!(source.downcast_ref::<Stopped>().is_some(), "{source:?}");
        assert_eq!(
            Stopped::from_panic(Box::new(String::from("boom"))).to_string(),
            "the thread stopped: boom"
        );
        assert_eq!(
            Stopped::from_panic(Box::new(7_u8)).to_string(),
            "the thread stopped: no message"
        );
    }

    #[test]
    fn every_internal_what_is_worded_in_both_languages() {
        let all = [
            Internal::Workbook,
            Internal::Fonts,
            Internal::FormLayout {
                organisation: "Org".into(),
            },
            Internal::Json,
            Internal::MailDraft,
            Internal::Opening,
            Internal::NoDataFolder,
        ];
        for what in all {
            let e = Error::internal(what.clone(), "x");
            assert_eq!(e.code(), ErrorCode::Internal, "{what:?}");
            let (sv, en) = (e.message(Lang::Sv), e.message(Lang::En));
            assert!(sv.starts_with("Internt fel i Samverkan: "), "{sv}");
            assert!(en.starts_with("Internal error in Samverkan: "), "{en}");
            assert_ne!(sv, en, "{what:?}");
            // The clause is a sentence's continuation, with no invented path.
            for m in [&sv, &en] {
                assert!(m.ends_with(" (x)."), "{m}");
                assert!(!m.contains("assets/fonts") && !m.contains("stdout"), "{m}");
            }
        }
    }

    #[test]
    fn an_import_row_problem_is_worded_in_the_import_language() {
        use crate::import::{RowIssue, RowProblem};
        let held = |lang| {
            RowIssue::new(
                4,
                Some("Roll".into()),
                RowProblem::SeatHeld {
                    holder: "Anna Berg".into(),
                },
                lang,
            )
        };
        assert_eq!(
            held(Lang::Sv).reason,
            "platsen är redan tagen under perioden av Anna Berg"
        );
        assert_eq!(
            held(Lang::En).reason,
            "the seat is already held in that period by Anna Berg"
        );
        let e = Error::invalid(Field::Email, Invalid::Email);
        let refused = RowIssue::new(2, None, RowProblem::Refused(&e), Lang::En);
        assert_eq!(refused.reason, e.message(Lang::En));
    }

    #[test]
    fn the_sources_underneath_are_given() {
        use std::error::Error as _;
        let io = Error::Io {
            path: "f".into(),
            source: std::io::Error::other("boom"),
        };
        assert_eq!(
            io.source().map(ToString::to_string).as_deref(),
            Some("boom")
        );
        let db = Error::Database(rusqlite::Error::InvalidQuery);
        assert!(db.source().is_some());
        let not_found = Error::NotFound {
            what: Entity::Group,
            query: "x".into(),
        };
        assert!(not_found.source().is_none());
    }

    #[test]
    fn the_body_crossing_to_the_ui_has_exactly_code_and_message() {
        let e = Error::NotFound {
            what: Entity::Organisation,
            query: "Faluun".into(),
        };
        let json = serde_json::to_string(&e.body(Lang::Sv)).expect("serialises");
        assert_eq!(
            json,
            r#"{"code":"not_found","message":"Hittar ingen organisation som heter ”Faluun”."}"#
        );
        let json = serde_json::to_string(&e.body(Lang::En)).expect("serialises");
        assert_eq!(
            json,
            r#"{"code":"not_found","message":"No organisation matches “Faluun”."}"#
        );
    }

    #[test]
    fn a_thing_named_by_its_number_is_not_found_in_good_swedish() {
        let e = |what| Error::NotFound {
            what,
            query: "999".into(),
        };
        assert_eq!(
            e(Entity::Meeting).message(Lang::Sv),
            "Hittar inget möte med nummer 999."
        );
        assert_eq!(
            e(Entity::Blackout).message(Lang::Sv),
            "Hittar ingen spärrperiod med nummer 999."
        );
        assert_eq!(
            e(Entity::Meeting).message(Lang::En),
            "No meeting has the number 999."
        );
    }

    #[test]
    fn a_taken_seat_names_the_holder() {
        let e = Error::SeatTaken {
            role: Role::Representative,
            group: "Länsgruppen MVK".into(),
            organisation: "Falu kommun".into(),
            holder: "Anna Berg".into(),
            since: "2026-01-01".parse().expect("date"),
        };
        assert_eq!(e.code(), ErrorCode::Conflict);
        let m = e.message(Lang::Sv);
        assert!(m.contains("Anna Berg") && m.contains("representant"), "{m}");
    }
}
