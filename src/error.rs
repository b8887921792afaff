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
}

impl Entity {
    fn label(self, lang: Lang) -> &'static str {
        match self {
            Entity::Organisation => lang.pick("organisation", "organisation"),
            Entity::Person => lang.pick("person", "person"),
            Entity::Group => lang.pick("grupp", "group"),
            Entity::Appointment => lang.pick("uppdrag", "appointment"),
            Entity::Contact => lang.pick("kontakt", "contact"),
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
    /// The person already holds this role, or the other seat, in the group at that date.
    AlreadyServing {
        person: String,
        role: Role,
        group: String,
    },
    /// A name or number that must be unique is already used.
    Duplicate {
        what: Entity,
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
            Error::Invalid { field, .. } => Some(*field),
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
            Error::Duplicate { what, value } => {
                let w = what.label(lang);
                if sv {
                    format!("Det finns redan en {w} med ”{value}”.")
                } else {
                    format!("There is already an {w} with \u{201c}{value}\u{201d}.")
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
                    format!(
                        "{name} kan inte tas bort: {people} personer hör till organisationen. Flytta eller ta bort dem först."
                    )
                } else {
                    format!(
                        "{name} cannot be removed: {people} people belong to the organisation. Move or remove them first."
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
