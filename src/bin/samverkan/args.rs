//! The command line's grammar (clap). Values stay raw strings here; the core checks them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "samverkan",
    version,
    about = "Samverkan: registret över nätverkets organisationer, personer, grupper och uppdrag.",
    long_about = None
)]
pub struct Cli {
    /// The register file (default: SAMVERKAN_DB, else the user's data folder).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Print machine-readable JSON on stdout.
    #[arg(long, global = true)]
    pub json: bool,
    /// Language of messages: sv (default) or en. Without it, LANG decides.
    #[arg(long, global = true, value_name = "sv|en")]
    pub lang: Option<String>,
    /// The date to treat as today (YYYY-MM-DD); default the computer's date.
    #[arg(long, global = true, value_name = "DATE")]
    pub today: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a register (refuses to overwrite one).
    Init {
        /// dalarna (default) or empty.
        #[arg(long, default_value = "dalarna")]
        template: String,
    },
    /// Where the register is and what it holds.
    Info,
    /// Organisations.
    #[command(subcommand)]
    Org(OrgCmd),
    /// Set (or with --clear remove) an organisation's principal (uppdragsgivare).
    Principal {
        org: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long, conflicts_with_all = ["name", "title", "email", "phone"])]
        clear: bool,
    },
    /// Set (or with --clear remove) an organisation's local collaboration group.
    LocalGroup {
        org: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        contact: Option<String>,
        #[arg(long, conflicts_with_all = ["name", "contact"])]
        clear: bool,
    },
    /// Internal contacts of an organisation.
    #[command(subcommand)]
    Contact(ContactCmd),
    /// People.
    #[command(subcommand)]
    Person(PersonCmd),
    /// Groups.
    #[command(subcommand)]
    Group(GroupCmd),
    /// Appoint a person to a role in a group.
    Appoint {
        person: String,
        #[arg(long)]
        group: String,
        #[arg(long)]
        role: String,
        /// The organisation represented (default: the person's own).
        #[arg(long = "for", value_name = "ORG")]
        for_org: Option<String>,
        /// First day (default: today).
        #[arg(long)]
        from: Option<String>,
        /// End of the term, if decided.
        #[arg(long)]
        to: Option<String>,
        /// End the current holder's appointment the day before.
        #[arg(long)]
        replace: bool,
    },
    /// End a person's appointment(s) in a group.
    Unappoint {
        person: String,
        #[arg(long)]
        group: String,
        #[arg(long)]
        role: Option<String>,
        /// Last day served (default: today).
        #[arg(long)]
        on: Option<String>,
    },
    /// Vacant seats, terms ending soon and expired terms.
    Vacancies {
        #[arg(long)]
        group: Option<String>,
        /// How far ahead to look for terms ending, in days.
        #[arg(long, default_value_t = 60)]
        within: u32,
    },
    /// Organisations by groups: representative, substitute or gap.
    Coverage,
    /// The export log: every file or print that carried people's data out, newest first.
    Exports {
        /// Only entries from this day on (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
    },
    #[command(flatten)]
    Form(FormCmd),
    /// Propose (and with --apply create) a year's meetings from each group's cadence.
    Plan(crate::meetings::PlanArgs),
    /// Meetings, their plan settings and the organiser.
    #[command(subcommand)]
    Meeting(crate::meetings::MeetingCmd),
    /// Periods blocked for planning (e.g. the sports-holiday week).
    #[command(subcommand)]
    Blackout(crate::meetings::BlackoutCmd),
    /// Record a person's attendance at a meeting.
    Attend(crate::meetings::AttendArgs),
    /// Write meetings to an .ics calendar file.
    Calendar(crate::meetings::CalendarArgs),
    /// Write a group's roster as CSV, XLSX or PDF.
    Roster(crate::meetings::RosterArgs),
    /// Write a meeting's attendance list to sign, as PDF.
    AttendanceList(crate::meetings::AttendanceListArgs),
    /// A group's e-mail addresses for BCC, and a mailto: link.
    MailingList(crate::meetings::MailingListArgs),
    /// Backups, integrity, the audit log, personal-data rights, import.
    #[command(flatten)]
    Safety(crate::safety::SafetyCmd),
}

/// Mandate forms (uppdragsblanketter). The group defaults to the county group.
#[derive(Debug, Subcommand)]
pub enum FormCmd {
    /// Print one organisation's pre-filled mandate form (uppdragsblankett) as PDF.
    Form {
        org: String,
        #[arg(long)]
        group: Option<String>,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Print the mandate forms of every organisation in a group: one PDF each in a folder,
    /// and optionally one combined PDF.
    Forms {
        #[arg(long)]
        group: Option<String>,
        /// The folder for the forms (created if missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Also write all forms in one file, for printing.
        #[arg(long, value_name = "FILE.pdf")]
        combined: Option<PathBuf>,
        /// Include people with protected personal data in the combined file.
        #[arg(long)]
        include_protected: bool,
    },
    /// Which forms are printed, signed, or need a new signature.
    #[command(name = "form-status")]
    Status {
        #[arg(long)]
        group: Option<String>,
    },
    /// Record that an organisation's signed form came back.
    #[command(name = "form-signed")]
    Signed {
        org: String,
        #[arg(long)]
        group: Option<String>,
        /// The day the signed copy was received (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        on: String,
        #[arg(long)]
        note: Option<String>,
    },
}

#[derive(Debug, Args, Default)]
pub struct OrgFieldsArgs {
    #[arg(long)]
    pub kind: Option<String>,
    #[arg(long = "short")]
    pub short_name: Option<String>,
    #[arg(long)]
    pub number: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    #[arg(long)]
    pub address: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum OrgCmd {
    /// List organisations.
    List {
        #[arg(long)]
        group: Option<String>,
        #[arg(long)]
        kind: Option<String>,
        /// Part of the name.
        #[arg(long)]
        search: Option<String>,
    },
    /// Add an organisation.
    Add {
        name: String,
        #[command(flatten)]
        fields: OrgFieldsArgs,
        /// Give it a seat in this group (repeatable).
        #[arg(long)]
        group: Vec<String>,
    },
    /// Show an organisation with its seats and history.
    Show { org: String },
    /// Change an organisation's fields (an empty value clears one).
    Edit {
        org: String,
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        fields: OrgFieldsArgs,
        #[arg(long)]
        active: Option<bool>,
    },
    /// Remove an organisation (refused while it has appointments or people).
    Remove { org: String },
    /// Give an organisation a seat in a group.
    Seat {
        org: String,
        #[arg(long)]
        group: String,
    },
    /// Take an organisation's seat in a group away.
    Unseat {
        org: String,
        #[arg(long)]
        group: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ContactCmd {
    /// Add an internal contact.
    Add {
        org: String,
        #[arg(long)]
        function: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        phone: Option<String>,
    },
    /// List an organisation's internal contacts.
    List { org: String },
    /// Remove an internal contact by id.
    Remove { id: i64 },
}

#[derive(Debug, Subcommand)]
pub enum PersonCmd {
    /// Add a person.
    Add {
        name: String,
        #[arg(long)]
        org: String,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        /// Protected personal data (skyddade personuppgifter).
        #[arg(long)]
        protected: bool,
        #[arg(long)]
        notes: Option<String>,
    },
    /// List people.
    List {
        #[arg(long)]
        org: Option<String>,
        #[arg(long)]
        search: Option<String>,
    },
    /// Show a person and their appointments.
    Show { person: String },
    /// Change a person's fields (an empty value clears one).
    Edit {
        person: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        org: Option<String>,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        protected: Option<bool>,
        #[arg(long)]
        notes: Option<String>,
    },
    /// Remove a person (refused while they have appointments).
    Remove { person: String },
}

#[derive(Debug, Subcommand)]
pub enum GroupCmd {
    /// List groups.
    List,
    /// Show a group's member table.
    Show { group: String },
    /// Add a group.
    Add {
        name: String,
        #[arg(long)]
        kind: String,
        #[arg(long = "per-year")]
        per_year: i64,
        /// One representative and one substitute per organisation.
        #[arg(long)]
        one_per_org: bool,
        #[arg(long)]
        description: Option<String>,
    },
    /// Change a group.
    Edit {
        group: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        kind: Option<String>,
        #[arg(long = "per-year")]
        per_year: Option<i64>,
        #[arg(long)]
        one_per_org: Option<bool>,
        #[arg(long)]
        description: Option<String>,
    },
    /// Remove a group (refused while it has appointments).
    Remove { group: String },
}
