//! The one error type of the core, its stable codes, and its messages in Swedish and English.
//!
//! Every error the user can cause is a domain case with the data needed to explain it; the
//! message is rendered in the user's language at the edge. The UI and scripts act on
//! [`ErrorCode`], never on the text.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::lang::Lang;
use crate::model::Role;

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
            Format => lang.pick("format", "format"),
        }
    }
}

/// Why a value was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    Empty,
    TooLong { max: usize },
    ControlCharacter,
    LineBreak,
    Email,
    Phone,
    OrgNumberFormat,
    OrgNumberChecksum,
    OrgNumberLooksPersonal,
    Date(String),
    UnknownValue(String),
    OutOfRange { min: i64, max: i64 },
    ToBeforeFrom,
    Time(String),
    Link,
    EndBeforeStart,
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
        }
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
}

/// An error of the core.
#[derive(Debug)]
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
    /// The one-per-organisation rule cannot be switched on: the history breaks it.
    RuleBroken {
        group: String,
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
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    Database(rusqlite::Error),
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
    /// A backup (or a copy being written) fails the integrity checks.
    BackupFailed {
        path: PathBuf,
        report: crate::store::safety::CheckReport,
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
    /// A file to import cannot be read at all (not a spreadsheet, no header row…).
    ImportUnreadable {
        path: PathBuf,
        reason: String,
    },
    /// The import has rows that cannot be applied; nothing was written.
    ImportRejected {
        rows: usize,
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
            Error::RuleBroken { .. } => ErrorCode::Conflict,
            Error::RegisterExists { .. } => ErrorCode::Exists,
            Error::NewerVersion { .. } => ErrorCode::NewerVersion,
            Error::NotARegister { .. } => ErrorCode::NotARegister,
            Error::Io { .. } | Error::Database(_) => ErrorCode::Internal,
            Error::Unprintable { .. } => ErrorCode::Invalid,
            Error::NotSeated { .. } | Error::FormOutdated { .. } => ErrorCode::Conflict,
            Error::FormNotPrinted { .. } => ErrorCode::NotFound,
            Error::ForbiddenDay { .. }
            | Error::SharedMemberClash { .. }
            | Error::NotInvited { .. }
            | Error::CannotStandIn { .. }
            | Error::MeetingCancelled { .. }
            | Error::ProtectedPerson { .. } => ErrorCode::Conflict,
            Error::RegisterDamaged { .. } => ErrorCode::NotARegister,
            Error::BackupFailed { .. } | Error::BackupDamaged { .. } => ErrorCode::Damaged,
            Error::Locked { .. } => ErrorCode::Locked,
            Error::AlreadyErased { .. } => ErrorCode::Conflict,
            Error::ImportUnreadable { .. } | Error::ImportRejected { .. } => ErrorCode::Invalid,
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

    /// The message in the user's language: one line, saying what is wrong and, where it helps,
    /// what to do.
    pub fn message(&self, lang: Lang) -> String {
        let sv = lang == Lang::Sv;
        match self {
            Error::Invalid { field, reason } => {
                let f = field.label(lang);
                let why = reason_text(reason, lang);
                if sv {
                    format!("Ogiltigt värde för {f}: {why}.")
                } else {
                    format!("Invalid {f}: {why}.")
                }
            }
            Error::NotFound { what, query } => {
                let w = what.label(lang);
                if sv {
                    format!("Hittar ingen {w} som heter ”{query}”.")
                } else {
                    format!("No {w} matches \u{201c}{query}\u{201d}.")
                }
            }
            Error::Ambiguous {
                what,
                query,
                candidates,
            } => {
                let w = what.label(lang);
                let list = candidates.join(", ");
                if sv {
                    format!(
                        "”{query}” passar flera ({w}): {list}. Skriv mer av namnet eller ange id."
                    )
                } else {
                    format!(
                        "\u{201c}{query}\u{201d} matches more than one {w}: {list}. Type more of the name or give the id."
                    )
                }
            }
            Error::ReplaceTooEarly {
                role,
                group,
                organisation,
                holder,
                since,
            } => {
                let r = role.label(lang).to_lowercase();
                let earliest = since
                    .checked_add_days(chrono::Days::new(1))
                    .unwrap_or(*since);
                if sv {
                    format!(
                        "{holder} är {r} för {organisation} i {group} från {since}, så ingen kan ersätta \
                         hen före eller samma dag. En efterträdare kan börja tidigast {earliest}."
                    )
                } else {
                    format!(
                        "{holder} is {r} for {organisation} in {group} from {since}, so nobody can replace \
                         them on or before that day. A successor can start on {earliest} at the earliest."
                    )
                }
            }
            Error::SeatTaken {
                role,
                group,
                organisation,
                holder,
                since,
            } => {
                let r = role.label(lang).to_lowercase();
                if sv {
                    format!(
                        "{organisation} har redan en {r} i {group}: {holder} (sedan {since}). \
                         Välj ”ersätt” för att avsluta det uppdraget, eller avsluta det först."
                    )
                } else {
                    format!(
                        "{organisation} already has a {r} in {group}: {holder} (since {since}). \
                         Choose \u{201c}replace\u{201d} to end that appointment, or end it first."
                    )
                }
            }
            Error::AlreadyServing {
                person,
                role,
                group,
            } => {
                let r = role.label(lang).to_lowercase();
                if sv {
                    format!(
                        "{person} har redan ett uppdrag i {group} som inte går ihop med att bli {r} där."
                    )
                } else {
                    format!(
                        "{person} already holds an appointment in {group} that cannot be combined with being its {r}."
                    )
                }
            }
            Error::Duplicate { what, value, .. } => {
                let w = what.label(lang);
                if sv {
                    format!("Det finns redan en {w} med ”{value}”.")
                } else {
                    format!(
                        "A{} {w} with \u{201c}{value}\u{201d} already exists.",
                        if w.starts_with(['a', 'e', 'i', 'o', 'u']) {
                            "n"
                        } else {
                            ""
                        }
                    )
                }
            }
            Error::InUse {
                what,
                name,
                appointments,
            } => {
                let w = what.label(lang);
                if sv {
                    format!(
                        "{name} kan inte tas bort: {w}en har {appointments} uppdrag i registret. \
                         Avsluta uppdragen i stället; historiken sparas."
                    )
                } else {
                    format!(
                        "{name} cannot be removed: the {w} has {appointments} appointment(s) in the register. \
                         End the appointments instead; the history is kept."
                    )
                }
            }
            Error::HasPeople { name, people } => {
                if sv {
                    let who = if *people == 1 {
                        "1 person hör".to_owned()
                    } else {
                        format!("{people} personer hör")
                    };
                    format!(
                        "{name} kan inte tas bort: {who} till organisationen. Flytta eller ta bort dem först."
                    )
                } else {
                    let who = if *people == 1 {
                        "1 person belongs".to_owned()
                    } else {
                        format!("{people} people belong")
                    };
                    format!(
                        "{name} cannot be removed: {who} to the organisation. Move or remove them first."
                    )
                }
            }
            Error::RuleBroken { group } => {
                if sv {
                    format!(
                        "Regeln en representant och en ersättare per organisation kan inte slås på för {group}: historiken har två samtidigt för samma organisation."
                    )
                } else {
                    format!(
                        "The one-representative-one-substitute rule cannot be switched on for {group}: its history has two at the same time for one organisation."
                    )
                }
            }
            Error::EndsBeforeStart { person, from } => {
                if sv {
                    format!("{person}s uppdrag börjar {from}; det kan inte sluta före den dagen.")
                } else {
                    format!(
                        "{person}'s appointment starts on {from}; it cannot end before that day."
                    )
                }
            }
            Error::NotServing { person, group } => {
                if sv {
                    format!("{person} har inget pågående uppdrag i {group} det datumet.")
                } else {
                    format!("{person} holds no appointment in {group} on that date.")
                }
            }
            Error::RegisterExists { path } => {
                let p = path.display();
                if sv {
                    format!("Det finns redan ett register i {p}; det skrivs inte över.")
                } else {
                    format!("A register already exists at {p}; it is not overwritten.")
                }
            }
            Error::NewerVersion { found, supported } => {
                if sv {
                    format!(
                        "Registret är skapat av en nyare version av Samverkan (databasversion {found}, \
                         denna version klarar {supported}). Uppdatera Samverkan; filen har inte ändrats."
                    )
                } else {
                    format!(
                        "The register was written by a newer version of Samverkan (database version {found}, \
                         this version reads up to {supported}). Update Samverkan; the file was not changed."
                    )
                }
            }
            Error::NotARegister { path } => {
                let p = path.display();
                if sv {
                    format!(
                        "{p} är inte ett Samverkan-register (eller är skadad). Filen har inte ändrats."
                    )
                } else {
                    format!(
                        "{p} is not a Samverkan register (or it is damaged). The file was not changed."
                    )
                }
            }
            Error::Io { path, source } => {
                let p = path.display();
                if sv {
                    format!("Kunde inte använda {p}: {source}.")
                } else {
                    format!("Could not use {p}: {source}.")
                }
            }
            Error::Database(e) => {
                if sv {
                    format!("Databasfel: {e}.")
                } else {
                    format!("Database error: {e}.")
                }
            }
            Error::Unprintable { ch, field } => {
                let code = u32::from(*ch);
                if sv {
                    format!(
                        "Tecknet ”{ch}” (U+{code:04X}) i {field} finns inte i blankettens typsnitt och kan inte skrivas ut. Ändra texten och skriv ut igen."
                    )
                } else {
                    format!(
                        "The character \u{201c}{ch}\u{201d} (U+{code:04X}) in {field} is not in the form's font and cannot be printed. Change the text and print again."
                    )
                }
            }
            Error::NotSeated {
                organisation,
                group,
            } => {
                if sv {
                    format!(
                        "{organisation} har ingen plats i {group}; ge organisationen en plats först."
                    )
                } else {
                    format!("{organisation} has no seat in {group}; give it a seat first.")
                }
            }
            Error::FormNotPrinted {
                organisation,
                group,
            } => {
                if sv {
                    format!("Ingen uppdragsblankett är utskriven för {organisation} i {group}.")
                } else {
                    format!("No mandate form has been printed for {organisation} in {group}.")
                }
            }
            Error::FormOutdated {
                organisation,
                group,
            } => {
                if sv {
                    format!(
                        "Den senast utskrivna uppdragsblanketten för {organisation} i {group} gäller inte längre: representant, ersättare eller uppdragsgivare har bytts. Skriv ut en ny blankett."
                    )
                } else {
                    format!(
                        "The last mandate form printed for {organisation} in {group} is no longer current: the representative, substitute or principal has changed. Print a new form."
                    )
                }
            }
            Error::ForbiddenDay {
                group,
                date,
                reason,
            } => {
                let why = reason.describe(lang);
                if sv {
                    format!("{group} kan inte planeras {date}: {why}. Välj en annan dag.")
                } else {
                    format!("{group} cannot be planned on {date}: {why}. Choose another day.")
                }
            }
            Error::SharedMemberClash { group, other, date } => {
                if sv {
                    format!(
                        "{group} och {other} har gemensamma ledamöter och kan inte mötas samma dag ({date})."
                    )
                } else {
                    format!(
                        "{group} and {other} share members and cannot meet on the same day ({date})."
                    )
                }
            }
            Error::NotInvited {
                person,
                group,
                date,
            } => {
                if sv {
                    format!(
                        "{person} har inget uppdrag i {group} den {date} och är inte kallad till mötet."
                    )
                } else {
                    format!(
                        "{person} holds no appointment in {group} on {date} and is not invited to the meeting."
                    )
                }
            }
            Error::CannotStandIn { person, for_person } => {
                if sv {
                    format!(
                        "{person} kan inte ersätta {for_person}: det går bara för en kallad person från samma organisation."
                    )
                } else {
                    format!(
                        "{person} cannot attend in place of {for_person}: only for an invited person of the same organisation."
                    )
                }
            }
            Error::MeetingCancelled { group, date } => {
                if sv {
                    format!("Mötet i {group} den {date} är inställt; närvaro kan inte registreras.")
                } else {
                    format!(
                        "The meeting of {group} on {date} is cancelled; attendance cannot be taken."
                    )
                }
            }
            Error::ProtectedPerson { person } => {
                if sv {
                    format!(
                        "{person} har skyddade personuppgifter. Ta med personen uttryckligen för just denna export om det behövs."
                    )
                } else {
                    format!(
                        "{person} has protected personal data. Include the person explicitly for this one export if needed."
                    )
                }
            }
            Error::RegisterDamaged { path, backup } => {
                let p = path.display();
                match (backup, sv) {
                    (Some(b), true) => format!(
                        "{p} är inte ett Samverkan-register (eller är skadad). \
                         Filen har inte ändrats. Den senaste fungerande säkerhetskopian är {}; återställ den \
                         med ”samverkan restore {}”.",
                        b.display(),
                        b.display()
                    ),
                    (Some(b), false) => format!(
                        "{p} is not a Samverkan register (or it is damaged). \
                         The file was not changed. The newest good backup is {}; restore it with \
                         \u{201c}samverkan restore {}\u{201d}.",
                        b.display(),
                        b.display()
                    ),
                    (None, true) => format!(
                        "{p} är inte ett Samverkan-register (eller är skadad). \
                         Filen har inte ändrats, och det finns ingen säkerhetskopia att återställa."
                    ),
                    (None, false) => format!(
                        "{p} is not a Samverkan register (or it is damaged). \
                         The file was not changed, and there is no backup to restore."
                    ),
                }
            }
            Error::BackupFailed { path, report } => {
                let p = path.display();
                let first = report
                    .integrity_problems
                    .iter()
                    .chain(&report.foreign_key_problems)
                    .next()
                    .cloned()
                    .unwrap_or_default();
                if sv {
                    format!("{p} klarar inte integritetskontrollen ({first}); den används inte.")
                } else {
                    format!("{p} fails the integrity check ({first}); it is not used.")
                }
            }
            Error::BackupDamaged { path } => {
                let p = path.display();
                if sv {
                    format!(
                        "{p} har ändrats sedan säkerhetskopian gjordes (kontrollsumman stämmer inte); den används inte."
                    )
                } else {
                    format!(
                        "{p} has changed since the backup was made (its checksum does not match); it is not used."
                    )
                }
            }
            Error::Locked { holder } => match (holder, sv) {
                (Some(h), true) => format!(
                    "Registret är öppet för ändringar hos {} på {} sedan {}. Du kan läsa men inte ändra; \
                     stäng Samverkan där först.",
                    h.user, h.host, h.since
                ),
                (Some(h), false) => format!(
                    "The register is open for changes by {} on {} since {}. You can read but not change it; \
                     close Samverkan there first.",
                    h.user, h.host, h.since
                ),
                (None, true) => "Registret är öppet för ändringar i ett annat program. Du kan läsa men inte ändra.".into(),
                (None, false) => "The register is open for changes in another program. You can read but not change it.".into(),
            },
            Error::AlreadyErased { name } => {
                if sv {
                    format!("{name} är redan borttagen (anonymiserad).")
                } else {
                    format!("{name} has already been erased (anonymised).")
                }
            }
            Error::ImportUnreadable { path, reason } => {
                let p = path.display();
                if sv {
                    format!("{p} kan inte läsas in: {reason}. Inget har ändrats.")
                } else {
                    format!("{p} cannot be imported: {reason}. Nothing was changed.")
                }
            }
            Error::ImportRejected { rows } => {
                if sv {
                    format!(
                        "{rows} rader kan inte läsas in (se rapporten). Inget har ändrats; rätta filen eller kolumnvalen och försök igen."
                    )
                } else {
                    format!(
                        "{rows} rows cannot be imported (see the report). Nothing was changed; correct the file or the column mapping and try again."
                    )
                }
            }
        }
    }
}

fn reason_text(reason: &Invalid, lang: Lang) -> String {
    let sv = lang == Lang::Sv;
    match reason {
        Invalid::Empty => lang.pick("får inte vara tomt", "must not be empty").into(),
        Invalid::TooLong { max } => {
            if sv {
                format!("högst {max} tecken")
            } else {
                format!("at most {max} characters")
            }
        }
        Invalid::ControlCharacter => lang
            .pick("innehåller styrtecken", "contains control characters")
            .into(),
        Invalid::LineBreak => lang
            .pick(
                "får inte innehålla radbrytningar",
                "must not contain line breaks",
            )
            .into(),
        Invalid::Email => lang
            .pick(
                "ser inte ut som en e-postadress (namn@exempel.se)",
                "does not look like an e-mail address (name@example.org)",
            )
            .into(),
        Invalid::Phone => lang
            .pick(
                "ser inte ut som ett telefonnummer (siffror, t.ex. 023-123 45)",
                "does not look like a phone number (digits, e.g. +46 23 123 45)",
            )
            .into(),
        Invalid::OrgNumberFormat => lang
            .pick(
                "skriv tio siffror som NNNNNN-NNNN",
                "write ten digits as NNNNNN-NNNN",
            )
            .into(),
        Invalid::OrgNumberChecksum => lang
            .pick(
                "kontrollsiffran stämmer inte; kontrollera numret",
                "the check digit does not match; check the number",
            )
            .into(),
        Invalid::OrgNumberLooksPersonal => lang
            .pick(
                "ser ut som ett personnummer, som inte hör hemma här",
                "looks like a personal identity number, which does not belong here",
            )
            .into(),
        Invalid::Date(s) => {
            if sv {
                format!("”{s}” är inget datum (ÅÅÅÅ-MM-DD)")
            } else {
                format!("\u{201c}{s}\u{201d} is not a date (YYYY-MM-DD)")
            }
        }
        Invalid::UnknownValue(s) => {
            if sv {
                format!("okänt värde ”{s}”")
            } else {
                format!("unknown value \u{201c}{s}\u{201d}")
            }
        }
        Invalid::OutOfRange { min, max } => {
            if sv {
                format!("ange ett tal från {min} till {max}")
            } else {
                format!("give a number from {min} to {max}")
            }
        }
        Invalid::ToBeforeFrom => lang
            .pick(
                "slutdatumet ligger före startdatumet",
                "the end date is before the start date",
            )
            .into(),
        Invalid::Time(s) => {
            if sv {
                format!("”{s}” är inget klockslag (TT:MM)")
            } else {
                format!("\u{201c}{s}\u{201d} is not a time of day (HH:MM)")
            }
        }
        Invalid::Link => lang
            .pick(
                "skriv en webbadress som börjar med https://",
                "write a web address starting with https://",
            )
            .into(),
        Invalid::EndBeforeStart => lang
            .pick(
                "mötet måste sluta efter att det börjar",
                "the meeting must end after it starts",
            )
            .into(),
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::Sv))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            Error::Database(e) => Some(e),
            _ => None,
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Error {
        Error::Database(e)
    }
}

/// Parses a date written `YYYY-MM-DD`.
pub fn parse_date(field: Field, s: &str) -> Result<NaiveDate, Error> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| Error::invalid(field, Invalid::Date(s.to_owned())))
}

#[cfg(test)]
mod tests {
    use super::*;

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
