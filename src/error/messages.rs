//! The one-line messages of the core's errors, in Swedish and English: what is wrong and,
//! where it helps, what to do.

use super::{Error, FileProblem, Internal, Invalid, Limit, Unreadable};
use crate::lang::Lang;
use crate::vocab::DATES;

/// The warning given when a meeting is set by hand on a day the planner avoids: it is saved
/// anyway. "Planeraren undviker 2027-03-25: skärtorsdagen."
pub fn avoided_day_warning(
    date: chrono::NaiveDate,
    reason: &crate::schedule::plan::Forbidden,
    lang: Lang,
) -> String {
    let why = reason.describe(lang);
    if lang == Lang::Sv {
        format!("Planeraren undviker {date}: {why}.")
    } else {
        format!("The planner avoids {date}: {why}.")
    }
}

impl Error {
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
                // Meetings, periods, appointments and contacts are named by their number.
                let by_number = !query.is_empty() && query.bytes().all(|b| b.is_ascii_digit());
                let none = if what.is_neuter() { "inget" } else { "ingen" };
                match (sv, by_number) {
                    (true, true) => format!("Hittar {none} {w} med nummer {query}."),
                    (true, false) => format!("Hittar {none} {w} som heter ”{query}”."),
                    (false, true) => format!("No {w} has the number {query}."),
                    (false, false) => format!("No {w} matches \u{201c}{query}\u{201d}."),
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
            Error::MembershipFixed { group, to_free } => match (sv, to_free) {
                (true, true) => format!(
                    "{group} har platser och kan inte få fritt medlemskap; ta bort platserna först."
                ),
                (true, false) => format!(
                    "{group} har fritt medlemskap och uppdrag utan platser; gruppen kan inte få platser i efterhand."
                ),
                (false, true) => format!(
                    "{group} has seats and cannot have free membership; remove the seats first."
                ),
                (false, false) => format!(
                    "{group} has free membership and appointments without seats; it cannot be given seats afterwards."
                ),
            },
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
            Error::NoCoordinatorEmail => lang
                .pick(
                    "En kallelse behöver samordnarens e-postadress (mötesinbjudans organisatör). Fyll i den under Samordnarens uppgifter på Möten, eller med 'coordinator --email'.",
                    "An invitation needs the coordinator's e-mail address (the meeting request's organiser). Fill it in under Coordinator's details on Meetings, or with 'coordinator --email'.",
                )
                .to_owned(),
            Error::NothingToCancel { group, date } => {
                if sv {
                    format!(
                        "Mötet i {group} den {date} är inställt, men ingen kallelse har skickats: det finns ingen att meddela."
                    )
                } else {
                    format!(
                        "The meeting of {group} on {date} is cancelled, but no invitation was sent: there is nobody to tell."
                    )
                }
            }
            Error::MeetingNotHeld { group, date } => {
                if sv {
                    format!(
                        "Mötet i {group} den {date} är inställt; det har inga minnesanteckningar."
                    )
                } else {
                    format!("The meeting of {group} on {date} is cancelled; it has no minutes.")
                }
            }
            Error::Internal { what, source } => {
                let what = internal_text(what, lang);
                if sv {
                    format!("Internt fel i Samverkan: {what} ({source}).")
                } else {
                    format!("Internal error in Samverkan: {what} ({source}).")
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
            Error::MigrationFailed { version, .. } => {
                if sv {
                    format!(
                        "Registret kunde inte uppgraderas till den här versionen av Samverkan \
                         (steg {version}): dess innehåll stämmer inte med den version filen anger. \
                         Filen har inte ändrats, och en säkerhetskopia togs före försöket (i mappen \
                         backups bredvid registret). Kontakta den som sköter Samverkan hos er."
                    )
                } else {
                    format!(
                        "The register could not be upgraded to this version of Samverkan (step \
                         {version}): its contents do not match the version the file states. The \
                         file was not changed, and a backup was made before the attempt (in the \
                         backups folder beside the register). Contact whoever looks after \
                         Samverkan where you work."
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
                let reason = unreadable_text(reason, lang);
                if sv {
                    format!("{p} kan inte läsas in: {reason}. Inget har ändrats.")
                } else {
                    format!("{p} cannot be imported: {reason}. Nothing was changed.")
                }
            }
            Error::ImportNoOrganisation => lang
                .pick(
                    "Ingen kolumn är vald som organisation; välj en (eller ange den i kolumnvalet). Inget har ändrats.",
                    "No column is chosen as the organisation; choose one (or name it in the mapping). Nothing was changed.",
                )
                .into(),
            Error::ImportNotANewOrg { name } => {
                if sv {
                    format!(
                        "”{name}” är ingen av filens organisationer som saknas i registret; provläs filen och välj bland dem som rapporten nämner. Inget har ändrats."
                    )
                } else {
                    format!(
                        "”{name}” is not one of the file's organisations that the register lacks; check the file and choose among those the report names. Nothing was changed."
                    )
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
            Error::NoSeat {
                group,
                role,
                organisation,
            } => {
                let r = role.label(lang).to_lowercase();
                if sv {
                    format!(
                        "{group} har ingen plats som {r} som {organisation} kan fylla. Lägg till platsen under gruppens sammansättning först."
                    )
                } else {
                    format!(
                        "{group} has no {r}'s seat that {organisation} can fill. Add the seat to the group's composition first."
                    )
                }
            }
            Error::SeatMismatch {
                seat,
                group,
                role,
                organisation,
            } => {
                let r = role.label(lang).to_lowercase();
                let seat = seat.describe(lang);
                if sv {
                    format!(
                        "Platsen ”{seat}” kan inte fyllas av en {r} för {organisation} i {group}."
                    )
                } else {
                    format!(
                        "The seat \u{201c}{seat}\u{201d} cannot be filled by a {r} for {organisation} in {group}."
                    )
                }
            }
            Error::SeatHeld { seat, holder } => {
                let seat = seat.describe(lang);
                if sv {
                    format!(
                        "Platsen ”{seat}” har en innehavare ({holder}); avsluta uppdraget innan platsen tas bort."
                    )
                } else {
                    format!(
                        "The seat \u{201c}{seat}\u{201d} has a holder ({holder}); end the appointment before removing the seat."
                    )
                }
            }
            Error::SeatAmbiguous { group, role, seats } => {
                let r = role.label(lang).to_lowercase();
                let list = seats
                    .iter()
                    .map(|s| format!("{} ({})", s.describe(lang), s.id))
                    .collect::<Vec<_>>()
                    .join(", ");
                if sv {
                    format!("Flera platser som {r} i {group} passar: {list}. Ange platsens nummer.")
                } else {
                    format!("Several {r}'s seats in {group} fit: {list}. Give the seat's number.")
                }
            }
            Error::FreeMembership { group } => {
                if sv {
                    format!("{group} har fritt medlemskap och inga platser.")
                } else {
                    format!("{group} has free membership and no seats.")
                }
            }
            Error::WithdrawTooLate { person, made_on } => match (sv, made_on) {
                (true, Some(d)) => format!(
                    "Uppdraget för {person} gjordes {d} och kan bara dras tillbaka samma dag; avsluta det i stället."
                ),
                (true, None) => format!(
                    "Uppdraget för {person} kan inte dras tillbaka (det är avslutat eller gjordes före denna version); avsluta det i stället."
                ),
                (false, Some(d)) => format!(
                    "The appointment of {person} was made on {d} and can only be withdrawn that day; end it instead."
                ),
                (false, None) => format!(
                    "The appointment of {person} cannot be withdrawn (it has ended, or was made before this version); end it instead."
                ),
            },
            Error::SeatsUnmappable {
                group,
                organisation,
                role,
                first,
                second,
            } => {
                let r = role.label(lang).to_lowercase();
                if sv {
                    format!(
                        "Registret kan inte föras över till platser: {first} och {second} är båda {r} för {organisation} i {group} under samma tid. Öppna registret med den tidigare versionen och avsluta det ena uppdraget; inget har ändrats."
                    )
                } else {
                    format!(
                        "The register cannot be given seats: {first} and {second} are both {r} for {organisation} in {group} at the same time. Open it with the earlier version and end one of the appointments; nothing was changed."
                    )
                }
            }
            Error::File { path, problem } => file_text(path.as_deref(), *problem, lang),
            Error::LockLost { path } => {
                let p = path.display();
                if sv {
                    format!(
                        "Låsfilen {p} togs bort eller byttes ut medan registret var öppet; ett annat program kan skriva i det. Inget mer har skrivits. Stäng alla program som använder registret och försök igen."
                    )
                } else {
                    format!(
                        "The lock file {p} was removed or replaced while the register was open; another program may be writing to it. Nothing more was written. Close every program using the register and try again."
                    )
                }
            }
            Error::NoRegister { path } => {
                let p = path.display();
                if sv {
                    format!(
                        "Det finns inget register i {p}. Kontrollera sökvägen, eller skapa ett med ”samverkan init”. Inget har skapats."
                    )
                } else {
                    format!(
                        "There is no register at {p}. Check the path, or create one with \u{201c}samverkan init\u{201d}. Nothing was created."
                    )
                }
            }
            Error::NotText { argument } => {
                let a = if argument.is_empty() {
                    String::new()
                } else {
                    format!(" {argument}")
                };
                if sv {
                    format!(
                        "Argumentet{a} är inte läsbar text (inte UTF-8). Skriv värdet med vanliga tecken; inget har ändrats."
                    )
                } else {
                    format!(
                        "The argument{a} is not readable text (not UTF-8). Write the value in ordinary characters; nothing was changed."
                    )
                }
            }
        }
    }
}

fn file_text(path: Option<&std::path::Path>, problem: FileProblem, lang: Lang) -> String {
    let sv = lang == Lang::Sv;
    let p = path.map(|p| p.display().to_string());
    let folder = path
        .and_then(|p| p.parent())
        .filter(|f| !f.as_os_str().is_empty())
        .map(|f| f.display().to_string())
        .unwrap_or_else(|| ".".into());
    match (problem, p) {
        (FileProblem::Missing, Some(p)) => {
            if sv {
                format!("Filen {p} finns inte. Kontrollera namnet och mappen.")
            } else {
                format!("The file {p} does not exist. Check the name and the folder.")
            }
        }
        (FileProblem::NoFolder, Some(p)) => {
            if sv {
                format!(
                    "{p} kan inte skrivas: mappen {folder} finns inte (eller är en fil). Skapa mappen eller välj en annan."
                )
            } else {
                format!(
                    "{p} cannot be written: the folder {folder} does not exist (or is a file). Create the folder or choose another."
                )
            }
        }
        (FileProblem::IsFolder, Some(p)) => {
            if sv {
                format!("{p} är en mapp, inte en fil. Ange ett filnamn.")
            } else {
                format!("{p} is a folder, not a file. Give a file name.")
            }
        }
        (FileProblem::NotAFile, Some(p)) => {
            if sv {
                format!(
                    "{p} är ingen vanlig fil (en enhet, ett rör eller liknande) och skrivs inte över. Ange ett annat filnamn."
                )
            } else {
                format!(
                    "{p} is not a regular file (a device, a pipe or the like) and is not replaced. Give another file name."
                )
            }
        }
        (FileProblem::DiskFull, p) => {
            let on = p.map(|p| format!(" ({p})")).unwrap_or_default();
            if sv {
                format!("Disken är full{on}. Inget har ändrats; frigör utrymme och försök igen.")
            } else {
                format!("The disk is full{on}. Nothing was changed; free some space and try again.")
            }
        }
        (FileProblem::ReadOnly, p) => {
            let what = p.unwrap_or_else(|| lang.pick("registret", "the register").into());
            if sv {
                format!(
                    "{what} är skrivskyddat (eller ligger på en skrivskyddad disk). Inget har ändrats."
                )
            } else {
                format!("{what} is read-only (or on a read-only disk). Nothing was changed.")
            }
        }
        (FileProblem::NoPermission, p) => {
            let what = p.unwrap_or_else(|| lang.pick("registret", "the register").into());
            if sv {
                format!("Du har inte behörighet att använda {what}. Inget har ändrats.")
            } else {
                format!("You are not allowed to use {what}. Nothing was changed.")
            }
        }
        (FileProblem::NotExported, Some(p)) => {
            if sv {
                format!(
                    "{p} är inte en fil som Samverkan har sparat, och öppnas därför inte härifrån."
                )
            } else {
                format!("{p} is not a file Samverkan saved, so it is not opened from here.")
            }
        }
        (FileProblem::NoViewer, Some(p)) => {
            if sv {
                format!(
                    "Filen är sparad som {p}, men datorn har inget program som kunde öppna den. Öppna den från mappen."
                )
            } else {
                format!(
                    "The file is saved as {p}, but the computer has no program that could open it. Open it from its folder."
                )
            }
        }
        (
            FileProblem::Missing
            | FileProblem::NoFolder
            | FileProblem::IsFolder
            | FileProblem::NotAFile
            | FileProblem::NotExported
            | FileProblem::NoViewer,
            None,
        ) => lang
            .pick(
                "En fil eller mapp som behövs går inte att använda. Inget har ändrats.",
                "A file or folder that is needed cannot be used. Nothing was changed.",
            )
            .into(),
    }
}

/// What the program was doing when an internal error happened, as a clause.
fn internal_text(what: &Internal, lang: Lang) -> String {
    match what {
        Internal::Workbook => lang
            .pick(
                "arbetsboken (XLSX) kunde inte skrivas",
                "the workbook (XLSX) could not be written",
            )
            .into(),
        Internal::Fonts => lang
            .pick(
                "de inbyggda typsnitten är skadade; installera om Samverkan",
                "the built-in fonts are damaged; reinstall Samverkan",
            )
            .into(),
        Internal::FormLayout { organisation } => {
            if lang == Lang::Sv {
                format!("uppdragsblanketten för {organisation} kunde inte sättas upp")
            } else {
                format!("the mandate form for {organisation} could not be laid out")
            }
        }
        Internal::Json => lang
            .pick(
                "uppgifterna kunde inte skrivas som JSON",
                "the data could not be written as JSON",
            )
            .into(),
        Internal::MailDraft => lang
            .pick(
                "e-postutkastet kunde inte skapas",
                "the e-mail draft could not be made",
            )
            .into(),
        Internal::Opening => lang
            .pick(
                "öppnandet av registret avbröts oväntat",
                "opening the register stopped unexpectedly",
            )
            .into(),
        Internal::NoDataFolder => lang
            .pick(
                "systemet anger ingen datamapp för användaren; ange registrets sökväg med --db eller SAMVERKAN_DB",
                "the system names no data folder for this user; give the register's path with --db or SAMVERKAN_DB",
            )
            .into(),
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
        Invalid::Tab => lang
            .pick(
                "får inte innehålla tabbtecken (ofta med när text klistras in från ett kalkylark)",
                "must not contain tabs (often there when text is pasted from a spreadsheet)",
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
        Invalid::DateOutOfRange(s) => {
            let (first, last) = (DATES.start(), DATES.end());
            if sv {
                format!("”{s}” ligger utanför de datum registret tar emot ({first} till {last})")
            } else {
                format!(
                    "\u{201c}{s}\u{201d} is outside the dates the register accepts ({first} to {last})"
                )
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
        Invalid::SeatBothOrgAndKind => lang
            .pick(
                "en plats är antingen en organisations eller öppen för en typ av organisation, inte båda",
                "a seat is either one organisation's or open to a kind of organisation, not both",
            )
            .into(),
        Invalid::NotExactlyOnce(s) => {
            if sv {
                format!("”{s}” ska stå med exakt en gång")
            } else {
                format!("\u{201c}{s}\u{201d} must be listed exactly once")
            }
        }
    }
}

fn unreadable_text(u: &Unreadable, lang: Lang) -> String {
    let sv = lang == Lang::Sv;
    match u {
        Unreadable::Io(std::io::ErrorKind::NotFound) => lang
            .pick("filen finns inte", "the file does not exist")
            .into(),
        Unreadable::Io(std::io::ErrorKind::PermissionDenied) => lang
            .pick(
                "du har inte behörighet att läsa filen",
                "you are not allowed to read the file",
            )
            .into(),
        Unreadable::Io(std::io::ErrorKind::IsADirectory) => lang
            .pick("det är en mapp, inte en fil", "it is a folder, not a file")
            .into(),
        Unreadable::Io(kind) => {
            if sv {
                format!("filen kan inte läsas ({kind})")
            } else {
                format!("the file cannot be read ({kind})")
            }
        }
        Unreadable::NotASpreadsheet(e) => {
            if sv {
                format!("det är inget kalkylark som kan läsas ({e})")
            } else {
                format!("it is not a readable spreadsheet ({e})")
            }
        }
        Unreadable::NoSheets => lang
            .pick("arbetsboken har inga blad", "the workbook has no sheets")
            .into(),
        Unreadable::SheetUnreadable(e) => {
            if sv {
                format!("det första bladet kan inte läsas ({e})")
            } else {
                format!("the first sheet cannot be read ({e})")
            }
        }
        Unreadable::Empty => lang
            .pick(
                "filen är tom (ingen rubrikrad)",
                "the file is empty (no header row)",
            )
            .into(),
        Unreadable::Binary => lang
            .pick(
                "filen innehåller binära data; spara den som CSV eller XLSX",
                "the file holds binary data; save it as CSV or XLSX",
            )
            .into(),
        Unreadable::OldExcel => lang
            .pick(
                "filer i det gamla Excel-formatet (.xls) läses inte; spara filen som .xlsx eller CSV",
                "files in the old Excel format (.xls) are not read; save the file as .xlsx or CSV",
            )
            .into(),
        Unreadable::MixedEncoding { line, rest_utf8 } => match (sv, rest_utf8) {
            (true, true) => format!(
                "rad {line} i filen är inte UTF-8 som resten av filen (troligen Windows-1252); spara hela filen med en och samma teckenkodning"
            ),
            (true, false) => format!(
                "rad {line} i filen är UTF-8 men resten av filen är det inte (troligen Windows-1252); spara hela filen med en och samma teckenkodning"
            ),
            (false, true) => format!(
                "line {line} of the file is not UTF-8 like the rest of it (probably Windows-1252); save the whole file in one encoding"
            ),
            (false, false) => format!(
                "line {line} of the file is UTF-8 but the rest of it is not (probably Windows-1252); save the whole file in one encoding"
            ),
        },
        Unreadable::BadUtf16 => lang
            .pick(
                "filen börjar som UTF-16 men innehåller tecken som inte är UTF-16",
                "the file starts as UTF-16 but holds characters that are not UTF-16",
            )
            .into(),
        Unreadable::TooLarge(limit) => limit_text(limit, lang),
        Unreadable::Mapping(problem) => {
            use crate::import::mapping::MappingProblem;
            match (problem, sv) {
                (MappingProblem::NotJson { line, column }, true) => format!(
                    "kolumnvalet är inte ett giltigt JSON-objekt (fel på rad {line}, tecken {column})"
                ),
                (MappingProblem::NotJson { line, column }, false) => format!(
                    "the mapping is not a valid JSON object (an error on line {line}, character {column})"
                ),
                (MappingProblem::UnknownColumn(h), true) => {
                    format!("kolumnvalet nämner kolumnen ”{h}”, som filen inte har")
                }
                (MappingProblem::UnknownColumn(h), false) => {
                    format!("the mapping names the column \u{201c}{h}\u{201d}, which the file does not have")
                }
                (MappingProblem::UnknownField(f), true) => {
                    format!("kolumnvalet känner inte igen fältet ”{f}”")
                }
                (MappingProblem::UnknownField(f), false) => {
                    format!("the mapping does not know the field \u{201c}{f}\u{201d}")
                }
            }
        }
    }
}

fn limit_text(limit: &Limit, lang: Lang) -> String {
    let sv = lang == Lang::Sv;
    let size = |b: &u64| size_text(*b, lang);
    match limit {
        Limit::FileSize { bytes, max } => {
            if sv {
                format!(
                    "filen är för stor ({}, högst {} läses in)",
                    size(bytes),
                    size(max)
                )
            } else {
                format!(
                    "the file is too large ({}, at most {} is read)",
                    size(bytes),
                    size(max)
                )
            }
        }
        Limit::Inflated { bytes, max } => {
            if sv {
                format!(
                    "arbetsboken är för stor uppackad ({}, högst {} läses in)",
                    size(bytes),
                    size(max)
                )
            } else {
                format!(
                    "the workbook is too large unpacked ({}, at most {} is read)",
                    size(bytes),
                    size(max)
                )
            }
        }
        Limit::Part { name, bytes, max } => {
            if sv {
                format!(
                    "delen {name} i arbetsboken är för stor uppackad ({}, högst {})",
                    size(bytes),
                    size(max)
                )
            } else {
                format!(
                    "the part {name} of the workbook is too large unpacked ({}, at most {})",
                    size(bytes),
                    size(max)
                )
            }
        }
        Limit::XmlRun { part, max } => {
            if sv {
                format!(
                    "delen {part} i arbetsboken har en cell eller tagg som är längre än {}",
                    size(max)
                )
            } else {
                format!(
                    "the part {part} of the workbook has a cell or tag longer than {}",
                    size(max)
                )
            }
        }
        Limit::Rows { row, max } => {
            if sv {
                format!("bladet har celler på rad {row}; högst {max} rader läses in")
            } else {
                format!("the sheet has cells in row {row}; at most {max} rows are read")
            }
        }
        Limit::Columns { column, max } => {
            if sv {
                format!("bladet har celler i kolumn {column}; högst {max} kolumner läses in")
            } else {
                format!("the sheet has cells in column {column}; at most {max} columns are read")
            }
        }
        Limit::Cells { cells, max } => {
            if sv {
                format!("bladet har för många celler ({cells}, högst {max})")
            } else {
                format!("the sheet has too many cells ({cells}, at most {max})")
            }
        }
        Limit::CellSize {
            row,
            column,
            bytes,
            max,
        } => {
            if sv {
                format!(
                    "cellen på rad {row}, kolumn {column} är för lång ({}, högst {})",
                    size(bytes),
                    size(max)
                )
            } else {
                format!(
                    "the cell in row {row}, column {column} is too long ({}, at most {})",
                    size(bytes),
                    size(max)
                )
            }
        }
        Limit::Text { bytes, max } => {
            if sv {
                format!(
                    "bladet har för mycket text ({}, högst {})",
                    size(bytes),
                    size(max)
                )
            } else {
                format!(
                    "the sheet holds too much text ({}, at most {})",
                    size(bytes),
                    size(max)
                )
            }
        }
    }
}

/// A size in bytes for people: "512 byte", "32 kB", "1,5 MB" (Swedish decimal comma).
fn size_text(bytes: u64, lang: Lang) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    const GB: u64 = 1024 * 1024 * 1024;
    let (value, unit) = match bytes {
        b if b >= GB => (b as f64 / GB as f64, "GB"),
        b if b >= MB => (b as f64 / MB as f64, "MB"),
        b if b >= KB => (b as f64 / KB as f64, "kB"),
        b => return format!("{b} {}", lang.pick("byte", "bytes")),
    };
    let text = if value.fract() == 0.0 {
        format!("{value:.0} {unit}")
    } else {
        format!("{value:.1} {unit}")
    };
    if lang == Lang::Sv {
        text.replace('.', ",")
    } else {
        text
    }
}

/// The import report's wording that is not an error: notes on columns and rows.
pub mod import_text {
    use crate::import::{ColumnNote, NewOrg, OrgDecision, RowProblem};
    use crate::lang::Lang;

    /// Why a row cannot be imported, or is skipped.
    pub fn row_problem(problem: &RowProblem<'_>, lang: Lang) -> String {
        match problem {
            RowProblem::Missing => lang.pick("värde saknas", "value missing").into(),
            RowProblem::Refused(e) => e.message(lang),
            RowProblem::RoleWithoutGroup => lang
                .pick(
                    "rollen har ingen grupp och registret har ingen länsgrupp; välj en grupp för filen",
                    "the role has no group and the register has no county group; choose a group for the file",
                )
                .into(),
            RowProblem::SeatHeld { holder } => {
                if lang == Lang::Sv {
                    format!("platsen är redan tagen under perioden av {holder}")
                } else {
                    format!("the seat is already held in that period by {holder}")
                }
            }
            RowProblem::NoName => lang
                .pick(
                    "inget namn: ingen person läses in, bara organisationen",
                    "no name: no person is read, only the organisation",
                )
                .into(),
            RowProblem::OrgNotCreated => lang
                .pick(
                    "organisationen finns inte i registret och skapas inte (välj att skapa den)",
                    "the organisation is not in the register and is not created (choose to create it)",
                )
                .into(),
        }
    }

    /// What a column does, or why it is ignored.
    pub fn column_note(note: &ColumnNote, lang: Lang) -> String {
        let sv = lang == Lang::Sv;
        match note {
            ColumnNote::Fills => String::new(),
            ColumnNote::RolesInto { group } => {
                if sv {
                    format!("rader utan grupp läses in i {group}")
                } else {
                    format!("rows without a group are read into {group}")
                }
            }
            ColumnNote::RolesWithoutGroup => lang
                .pick(
                    "ingen grupp för rader utan grupp: välj en",
                    "no group for rows without one: choose one",
                )
                .into(),
            ColumnNote::NotRecognised => lang
                .pick(
                    "används inte: rubriken motsvarar inget fält",
                    "ignored: the header names no field",
                )
                .into(),
            ColumnNote::SameFieldAs { column } => {
                if sv {
                    format!("används inte: fältet läses redan från ”{column}”")
                } else {
                    format!("ignored: the field is already read from ”{column}”")
                }
            }
            ColumnNote::NotChosen { field } => {
                if sv {
                    format!(
                        "används inte: valt bort (rubriken motsvarar {})",
                        field.code()
                    )
                } else {
                    format!("ignored: chosen so (the header names {})", field.code())
                }
            }
        }
    }

    /// A new organisation of the file and what is done with it.
    pub fn new_org(o: &NewOrg, lang: Lang) -> String {
        let sv = lang == Lang::Sv;
        let what = match (o.decision, sv) {
            (OrgDecision::Create, true) => "skapas",
            (OrgDecision::Create, false) => "created",
            (OrgDecision::UseExisting, true) => "läses in som en befintlig",
            (OrgDecision::UseExisting, false) => "read as an existing one",
            (OrgDecision::Skip, true) => "skapas inte, raderna hoppas över",
            (OrgDecision::Skip, false) => "not created, its rows are skipped",
        };
        let rows = if sv {
            format!("{} rader", o.rows)
        } else {
            format!("{} rows", o.rows)
        };
        let similar = match (&o.similar, sv) {
            (Some(s), true) => format!("; liknar ”{}”", s.name),
            (Some(s), false) => format!("; like ”{}”", s.name),
            (None, _) => String::new(),
        };
        format!("{} ({rows}): {what}{similar}", o.name)
    }
}

/// The words of the audit log as people read it (`register::log_view`): the kinds of row,
/// the fields of each, the events and the small words between them, in both languages.
pub mod log_words {
    use crate::lang::Lang;

    /// A kind of row in the log: "Person", "Möte". `None` for a kind this build does not know.
    pub fn entity(entity: &str, lang: Lang) -> Option<&'static str> {
        let (sv, en) = match entity {
            "organisation" => ("Organisation", "Organisation"),
            "contact" => ("Kontakt", "Contact"),
            "person" => ("Person", "Person"),
            "group" => ("Grupp", "Group"),
            "seat" => ("Plats", "Seat"),
            "appointment" => ("Uppdrag", "Appointment"),
            "setting" => ("Inställning", "Setting"),
            "meeting" => ("Möte", "Meeting"),
            "attendance" => ("Närvaro", "Attendance"),
            "group_plan" => ("Mötesplan", "Meeting plan"),
            "blackout" => ("Spärrperiod", "Blackout period"),
            "form_print" => ("Uppdragsblankett", "Mandate form"),
            "form_wording" => ("Blankettext", "Form wording"),
            "export" => ("Export", "Export"),
            _ => return None,
        };
        Some(lang.pick(sv, en))
    }

    /// What happened: "Tillagd", "Ändrad", "Borttagen", "Export".
    pub fn action(action: &str, lang: Lang) -> Option<&'static str> {
        let (sv, en) = match action {
            "insert" => ("Tillagd", "Added"),
            "update" => ("Ändrad", "Changed"),
            "delete" => ("Borttagen", "Removed"),
            "export" => ("Export", "Export"),
            _ => return None,
        };
        Some(lang.pick(sv, en))
    }

    /// A field of a row, as the screens name it: "Skyddade personuppgifter", "Grupp".
    /// `None` for a field this build does not know (shown by its stored name).
    pub fn field(entity: &str, key: &str, lang: Lang) -> Option<&'static str> {
        let (sv, en) = match (entity, key) {
            ("person", "protected") => ("Skyddade personuppgifter", "Protected personal data"),
            ("organisation", "kind") => ("Typ av organisation", "Kind of organisation"),
            ("group", "kind") => ("Typ av grupp", "Kind of group"),
            ("attendance", "status") => ("Närvaro", "Attendance"),
            ("seat", "position") => ("Plats i ordningen", "Position"),
            ("seat", "org_kind") => ("Öppen för", "Open to"),
            ("setting", "value") => ("Värde", "Value"),
            ("form_print", "representative_id") => ("Representant", "Representative"),
            ("form_print", "substitute_id") => ("Ersättare", "Substitute"),
            ("form_print", "note") => ("Anteckning", "Note"),
            (_, "name") => ("Namn", "Name"),
            (_, "short_name") => ("Kortnamn", "Short name"),
            (_, "org_number") => ("Organisationsnummer", "Organisation number"),
            (_, "postal_address") => ("Postadress", "Postal address"),
            (_, "email") => ("E-post", "E-mail"),
            (_, "phone") => ("Telefon", "Phone"),
            (_, "notes") => ("Anteckningar", "Notes"),
            (_, "active") => ("Aktiv", "Active"),
            (_, "principal_name") => ("Uppdragsgivare", "Principal"),
            (_, "principal_title") => ("Uppdragsgivarens titel", "Principal's title"),
            (_, "principal_email") => ("Uppdragsgivarens e-post", "Principal's e-mail"),
            (_, "principal_phone") => ("Uppdragsgivarens telefon", "Principal's phone"),
            (_, "local_group_name") => ("Lokal samverkansgrupp", "Local group"),
            (_, "local_group_contact") => ("Kontakt i lokala gruppen", "Local group contact"),
            (_, "function") => ("Funktion", "Function"),
            (_, "title") => ("Titel", "Title"),
            (_, "organisation_id") => ("Organisation", "Organisation"),
            (_, "group_id") => ("Grupp", "Group"),
            (_, "person_id") => ("Person", "Person"),
            (_, "meetings_per_year") => ("Möten per år", "Meetings per year"),
            (_, "description") => ("Beskrivning", "Description"),
            (_, "one_per_org") => (
                "En representant och en ersättare per organisation",
                "One representative and one substitute per organisation",
            ),
            (_, "free_membership") => ("Fritt medlemskap", "Free membership"),
            (_, "role") => ("Roll", "Role"),
            (_, "label") => ("Benämning", "Label"),
            (_, "from_date") => ("Från och med", "From"),
            (_, "to_date") => ("Till och med", "To"),
            (_, "ended_on") => ("Sista dag", "Last day"),
            (_, "seat_id") => ("Plats", "Seat"),
            (_, "withdrawn_at") => ("Återkallat", "Withdrawn"),
            (_, "withdrawn_by") => ("Återkallat av", "Withdrawn by"),
            (_, "withdrawn_reason") => ("Skäl", "Reason"),
            (_, "date") => ("Datum", "Date"),
            (_, "start_time") => ("Starttid", "Start time"),
            (_, "end_time") => ("Sluttid", "End time"),
            (_, "place") => ("Plats", "Place"),
            (_, "online_link") => ("Möteslänk", "Online link"),
            (_, "agenda") => ("Dagordning", "Agenda"),
            (_, "status") => ("Status", "Status"),
            (_, "extra") => ("Extra möte", "Extra meeting"),
            (_, "meeting_id") => ("Möte", "Meeting"),
            (_, "substitute_for") => ("I stället för", "In the place of"),
            (_, "weekdays") => ("Veckodagar", "Weekdays"),
            (_, "printed_at") => ("Utskriven", "Printed"),
            (_, "wording_id") => ("Blankettext", "Form wording"),
            (_, "principal") => ("Uppdragsgivare", "Principal"),
            (_, "signed_on") => ("Underskriven", "Signed"),
            (_, "lang") => ("Språk", "Language"),
            (_, "created_at") => ("Skapad", "Created"),
            _ => return None,
        };
        Some(lang.pick(sv, en))
    }

    /// A setting by its key: "Nätverkets namn".
    pub fn setting(key: &str, lang: Lang) -> Option<&'static str> {
        let (sv, en) = match key {
            "network_name" => ("Nätverkets namn", "Network name"),
            "organiser_name" => ("Sammankallandes namn", "Organiser's name"),
            "organiser_email" => ("Sammankallandes e-post", "Organiser's e-mail"),
            "organiser_title" => ("Sammankallandes titel", "Organiser's title"),
            "organiser_phone" => ("Sammankallandes telefon", "Organiser's phone"),
            "template" => ("Mall", "Template"),
            "retention_months" => ("Gallringstid (månader)", "Retention (months)"),
            _ => return None,
        };
        Some(lang.pick(sv, en))
    }

    pub fn yes(lang: Lang) -> &'static str {
        lang.pick("ja", "yes")
    }

    pub fn no(lang: Lang) -> &'static str {
        lang.pick("nej", "no")
    }

    /// A blocked period with no group of its own.
    pub fn all_groups(lang: Lang) -> &'static str {
        lang.pick("alla grupper", "all groups")
    }

    /// An open seat with no kind of organisation named.
    pub fn any_organisation(lang: Lang) -> &'static str {
        lang.pick("valfri organisation", "any organisation")
    }

    /// The values of an erased person's rows, removed from the log.
    pub fn redacted(lang: Lang) -> &'static str {
        lang.pick("(uppgifterna är borttagna)", "(the data was erased)")
    }

    /// Where a protected person's name or values stand in an exported log.
    pub const PROTECTED: &str = "(skyddad)";

    /// A language of the form's wording.
    pub fn language(code: &str, lang: Lang) -> Option<&'static str> {
        match code {
            "sv" => Some(lang.pick("svenska", "Swedish")),
            "en" => Some(lang.pick("engelska", "English")),
            _ => None,
        }
    }

    /// A form wording by its number: "version 3".
    pub fn wording_version(id: i64, lang: Lang) -> String {
        format!("{} {id}", lang.pick("version", "version"))
    }

    /// What an export carried: "31 personer till /home/anna/lista.csv", "3 personer (urklipp)".
    pub fn exported(people: i64, file: Option<&str>, lang: Lang) -> String {
        match (file, lang) {
            (Some(f), Lang::Sv) => format!("{people} personer till {f}"),
            (Some(f), Lang::En) => format!("{people} people to {f}"),
            (None, Lang::Sv) => format!("{people} personer (urklipp)"),
            (None, Lang::En) => format!("{people} people (clipboard)"),
        }
    }

    /// The columns of the exported log (CSV), the time's with its zone.
    pub fn csv_header(zone: &str, lang: Lang) -> [String; 8] {
        let w = |sv: &str, en: &str| lang.pick(sv, en).to_owned();
        [
            format!("{} ({zone})", lang.pick("tid", "time")),
            w("användare", "user"),
            w("vad", "what"),
            w("namn", "name"),
            w("händelse", "event"),
            w("ändring", "change"),
            w("personer", "people"),
            w("fil", "file"),
        ]
    }
}
