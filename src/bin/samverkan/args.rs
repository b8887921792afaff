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
    /// Appoint a person to a seat of a group: the seat numbered with --seat (see `group seats`),
    /// or the one --group, --role and --for name.
    Appoint {
        person: String,
        /// The group (required unless --seat is given).
        #[arg(long, required_unless_present = "seat")]
        group: Option<String>,
        /// representative, substitute, member (ledamot), chair, convener (default with --seat:
        /// the seat's role).
        #[arg(long, required_unless_present = "seat")]
        role: Option<String>,
        /// The seat's number, as `group seats` lists it.
        #[arg(long, value_name = "N")]
        seat: Option<i64>,
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
        /// PERSON is a new person: add them (to the organisation represented: --for, or the
        /// seat's) and appoint them in one step; neither is saved if either is refused.
        #[arg(long)]
        new: bool,
        /// The new person's title (with --new).
        #[arg(long, requires = "new")]
        title: Option<String>,
        /// The new person's e-mail address (with --new).
        #[arg(long, requires = "new")]
        email: Option<String>,
        /// The new person's phone number (with --new).
        #[arg(long, requires = "new")]
        phone: Option<String>,
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
    /// Withdraw an appointment entered in error (only on the day it was made): it leaves every
    /// view and count; the change log keeps it, with who and why.
    Withdraw {
        /// The appointment's number (as `org show` or `person show` lists it).
        appointment: i64,
        #[arg(long)]
        reason: String,
    },
    /// A group's seats: add or remove one.
    #[command(subcommand)]
    Seat(SeatCmd),
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
    /// The yearly report: meetings, attendance, coverage, turnover and mandate forms of a year.
    Report(crate::report::ReportArgs),
    /// The yearly report's text sections: show them, or write one with --section and --text.
    ReportText(crate::report::ReportTextArgs),
    /// The headings and order of the report's text sections in the language of --lang: show
    /// them, change them (--order, --heading SECTION=HEADING) or go back to the default (--reset).
    ReportWording(crate::report::ReportWordingArgs),
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
    /// The coordinator's name, title, e-mail and phone, kept once and named as the organiser
    /// of every meeting: show, or set those given (an empty value clears one).
    Coordinator(crate::meetings::CoordinatorArgs),
    /// Meetings, their plan settings and the organiser.
    #[command(subcommand)]
    Meeting(crate::meetings::MeetingCmd),
    /// Periods blocked for planning (e.g. the sports-holiday week).
    #[command(subcommand)]
    Blackout(crate::meetings::BlackoutCmd),
    /// A meeting's agenda (dagordning), or a group's default with --group: show, or add, edit,
    /// move or remove an item.
    Agenda(crate::agenda::AgendaArgs),
    /// A meeting's invitation (kallelse): show where it stands, or write the e-mail draft
    /// (--out FILE.eml, with the meeting request and the PDF attached) and the PDF (--pdf).
    /// An update or a cancellation follows from the meeting's state.
    Invite(crate::invite::InviteArgs),
    /// The e-mails' wording (invitation, update, cancellation, minutes): show, or save a new
    /// version with --file.
    MailWording(crate::invite::MailWordingArgs),
    /// A meeting's minutes (minnesanteckningar): show; write an item's notes and decisions
    /// (--item N --notes --decisions), name --taker and --checker, record --checked; write the
    /// PDF (--out) and an e-mail draft with it to everyone invited (--eml).
    Minutes(crate::minutes::MinutesArgs),
    /// Reminders to organisations' principals about seats that stand empty or whose terms end
    /// within the period: list them (and when each was last written), write them (--out DIR:
    /// an e-mail draft and a printed letter each, the mandate form attached; a seat reminded
    /// within the period only with --again), or set the period (--set-within DAYS).
    Remind(crate::remind::RemindArgs),
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
        /// Name the holders of this day (a successor's form before she starts); default today.
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
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
        /// Protected personal data (skyddade personuppgifter).
        #[arg(long)]
        protected: bool,
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
pub enum SeatCmd {
    /// Add a seat to a group: one organisation's (--org), open to a kind of organisation
    /// (--kind), or open to any organisation (neither).
    Add {
        group: String,
        /// representative, substitute, member (ledamot), chair, convener.
        #[arg(long)]
        role: String,
        #[arg(long, conflicts_with = "kind")]
        org: Option<String>,
        /// municipality (kommun), region, agency, university, non_profit, other.
        #[arg(long)]
        kind: Option<String>,
        /// What the seat is for ("Socialchef", "Skola/elevhälsa").
        #[arg(long)]
        label: Option<String>,
        /// Place in the group's order (default: last).
        #[arg(long)]
        position: Option<i64>,
    },
    /// Remove a seat (refused while it has a holder or a coming one; a seat that was held is
    /// kept in the history as retired).
    Remove { seat: i64 },
}

#[derive(Debug, Subcommand)]
pub enum GroupCmd {
    /// List groups.
    List,
    /// Show a group's member table.
    Show { group: String },
    /// A group's seats in order, with holders, coming successors and gaps.
    Seats {
        group: String,
        /// The day to show (default: today).
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
    /// Add a group.
    Add {
        name: String,
        #[arg(long)]
        kind: String,
        #[arg(long = "per-year")]
        per_year: i64,
        /// Each organisation seated gets a representative's and a substitute's seat.
        #[arg(long)]
        one_per_org: bool,
        /// Free membership: no seats, anyone may be appointed, no vacancies.
        #[arg(long, conflicts_with = "one_per_org")]
        free: bool,
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
        free: Option<bool>,
        #[arg(long)]
        description: Option<String>,
    },
    /// Remove a group (refused while it has appointments).
    Remove { group: String },
}
