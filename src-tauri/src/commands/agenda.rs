//! Commands over agendas: a meeting's, or a group's default. Each is an adapter over one core
//! function; an item is named by its position (1 for the first).

use samverkan::model::{Agenda, AgendaItemDraft, AgendaOf, Id};
use tauri::State;

use super::Reply;
use crate::state::AppState;

#[tauri::command(async)]
pub fn agenda(state: State<'_, AppState>, of: AgendaOf) -> Reply<Agenda> {
    state.read(|r| r.agenda(of))
}

#[tauri::command(async)]
pub fn add_agenda_item(
    state: State<'_, AppState>,
    of: AgendaOf,
    draft: AgendaItemDraft,
    at: Option<u32>,
) -> Reply<Agenda> {
    state.write(|r| r.add_agenda_item(of, &draft, at))
}

#[tauri::command(async)]
pub fn edit_agenda_item(
    state: State<'_, AppState>,
    of: AgendaOf,
    position: u32,
    draft: AgendaItemDraft,
) -> Reply<Agenda> {
    state.write(|r| r.edit_agenda_item(of, position, &draft))
}

#[tauri::command(async)]
pub fn move_agenda_item(
    state: State<'_, AppState>,
    of: AgendaOf,
    position: u32,
    to: u32,
) -> Reply<Agenda> {
    state.write(|r| r.move_agenda_item(of, position, to))
}

#[tauri::command(async)]
pub fn remove_agenda_item(
    state: State<'_, AppState>,
    of: AgendaOf,
    position: u32,
) -> Reply<Agenda> {
    state.write(|r| r.remove_agenda_item(of, position))
}

#[tauri::command(async)]
pub fn reset_agenda(state: State<'_, AppState>, meeting_id: Id) -> Reply<Agenda> {
    state.write(|r| r.reset_agenda(meeting_id))
}
