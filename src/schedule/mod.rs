//! Meeting planning: the Swedish calendar (public holidays, de facto holidays, bridge days)
//! computed from the statutory rules, and the year plan proposed from each group's cadence.

pub mod calendar;
pub mod plan;

pub use calendar::{DayKind, Holiday, SwedishCalendar, easter_sunday};
pub use plan::{PlanInput, PlanRules, Slot, forbidden_reason, propose};
