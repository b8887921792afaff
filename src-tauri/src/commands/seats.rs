//! Commands over a group's seats: its composition with holders and coming successors, adding
//! and removing seats, who holds one seat, and withdrawing an appointment entered in error.
//! Each is an adapter over one core function.

use chrono::Utc;
use samverkan::error::Field;
use samverkan::model::date::parse_date;
use samverkan::model::{Appointment, Id, Seat, SeatDraft};
use samverkan::register::{SeatHolder, SeatView, os_user};
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// The group's seats in order on `day` (today when absent).
#[tauri::command(async)]
pub fn group_seats(
    state: State<'_, AppState>,
    group_id: Id,
    day: Option<String>,
) -> Reply<Vec<SeatView>> {
    state.read(|r| {
        let day = match day.as_deref() {
            Some(d) => parse_date(Field::Date, d)?,
            None => state.today(),
        };
        r.group_seats(group_id, day)
    })
}

#[tauri::command(async)]
pub fn add_seat(state: State<'_, AppState>, group_id: Id, draft: SeatDraft) -> Reply<Seat> {
    state.write(|r| r.add_seat(group_id, &draft))
}

#[tauri::command(async)]
pub fn remove_seat(state: State<'_, AppState>, seat_id: Id) -> Reply<()> {
    state.write(|r| r.remove_seat(seat_id, state.today()))
}

#[tauri::command(async)]
pub fn seat_holder_of(state: State<'_, AppState>, seat_id: Id, day: String) -> Reply<SeatHolder> {
    state.read(|r| r.seat_holder_of(seat_id, parse_date(Field::Date, &day)?))
}

#[tauri::command(async)]
pub fn withdraw_appointment(
    state: State<'_, AppState>,
    id: Id,
    reason: String,
) -> Reply<Appointment> {
    state.write(|r| r.withdraw_appointment(id, &reason, &os_user(), Utc::now()))
}
