//! Domain types, checked at construction: a value of these types is valid by being there.
//! Raw input (`*Draft`, `*Request`) becomes a checked type through `TryFrom` at the boundary.

mod agenda;
mod appointment;
pub mod date;
mod group;
mod kinds;
pub mod log;
mod meeting;
mod org_number;
mod organisation;
mod person;
mod seat;
mod text;

pub use agenda::{
    Agenda, AgendaItem, AgendaItemDraft, AgendaItemFields, AgendaOf, MAX_AGENDA_ITEMS,
    MAX_ITEM_MINUTES, MAX_ITEM_TITLE_CHARS, clock_minutes, clock_text,
};
pub use appointment::{
    AppointInput, AppointOutcome, AppointRequest, Appointment, AppointmentStatus,
};
pub use group::{Group, GroupDraft, GroupFields, MAX_MEETINGS_PER_YEAR};
pub use kinds::{GroupKind, OrgKind, Role};
pub use meeting::{
    AgendaKind, AttendanceRow, AttendanceStatus, Blackout, BlackoutDraft, BlackoutFields, Meeting,
    MeetingDraft, MeetingFields, MeetingStatus, PlanSettings, format_time, parse_time,
    parse_weekdays,
};
pub use org_number::OrgNumber;
pub use organisation::{
    ContactDraft, ContactFields, InternalContact, LocalGroup, LocalGroupDraft, OrgDraft, OrgFields,
    Organisation, Principal, PrincipalDraft,
};
pub use person::{Person, PersonDraft, PersonFields};
pub use seat::{MAX_SEAT_LABEL_CHARS, Seat, SeatDraft, SeatFields};
pub use text::{
    Email, MAX_NAME_CHARS, MAX_TEXT_CHARS, Name, Phone, max_chars, name_key, optional_text,
    sort_key,
};

/// The row id of anything in the register.
pub type Id = i64;
