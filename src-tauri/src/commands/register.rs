//! Commands over the register: organisations, people, groups, appointments and the overview.
//! Each is an adapter: it takes the state, calls one core function, and lets the state map the
//! error to `{code, message}`.

use chrono::NaiveDate;
use samverkan::error::Field;
use samverkan::model::date::parse_date;
use samverkan::model::{
    AppointInput, AppointOutcome, Appointment, ContactDraft, Group, GroupDraft, Id,
    InternalContact, LocalGroupDraft, OrgDraft, Organisation, Person, PersonDraft, PrincipalDraft,
    Role,
};
use samverkan::register::{
    Coverage, FirstSteps, GapRow, GroupDetail, GroupSummary, OrgDetail, OrgQuery, OrgSort,
    Overview, Page, PageRequest, PersonDetail, PersonQuery, PersonSort, SeatHolder, Vacancy,
};
use samverkan::{Lang, RegisterInfo};
use tauri::State;

use super::Reply;
use crate::state::AppState;

#[tauri::command]
pub fn set_language(state: State<'_, AppState>, lang: Lang) {
    state.set_lang(lang);
}

#[tauri::command(async)]
pub fn register_info(state: State<'_, AppState>) -> Reply<RegisterInfo> {
    state.read(|r| r.info())
}

#[tauri::command(async)]
pub fn list_orgs(state: State<'_, AppState>, query: OrgQuery) -> Reply<Vec<Organisation>> {
    state.read(|r| r.orgs(&query))
}

/// One page of the organisation list, sorted and filtered in the core.
#[tauri::command(async)]
pub fn org_page(
    state: State<'_, AppState>,
    query: OrgQuery,
    sort: OrgSort,
    descending: bool,
    page: PageRequest,
) -> Reply<Page<Organisation>> {
    state.read(|r| r.orgs_page(&query, sort, descending, page, state.lang()))
}

#[tauri::command(async)]
pub fn org_detail(state: State<'_, AppState>, id: Id) -> Reply<OrgDetail> {
    state.read(|r| r.org_detail(id, state.today()))
}

#[tauri::command(async)]
pub fn add_org(
    state: State<'_, AppState>,
    draft: OrgDraft,
    groups: Vec<Id>,
) -> Reply<Organisation> {
    state.write(|r| r.add_org(&draft, &groups))
}

#[tauri::command(async)]
pub fn edit_org(state: State<'_, AppState>, id: Id, draft: OrgDraft) -> Reply<Organisation> {
    state.write(|r| r.edit_org(id, &draft))
}

#[tauri::command(async)]
pub fn remove_org(state: State<'_, AppState>, id: Id) -> Reply<()> {
    state.write(|r| r.remove_org(id))
}

#[tauri::command(async)]
pub fn set_principal(
    state: State<'_, AppState>,
    id: Id,
    draft: PrincipalDraft,
) -> Reply<Organisation> {
    state.write(|r| r.set_principal(id, &draft))
}

#[tauri::command(async)]
pub fn set_local_group(
    state: State<'_, AppState>,
    id: Id,
    draft: LocalGroupDraft,
) -> Reply<Organisation> {
    state.write(|r| r.set_local_group(id, &draft))
}

#[tauri::command(async)]
pub fn add_contact(
    state: State<'_, AppState>,
    org_id: Id,
    draft: ContactDraft,
) -> Reply<InternalContact> {
    state.write(|r| r.add_contact(org_id, &draft))
}

#[tauri::command(async)]
pub fn remove_contact(state: State<'_, AppState>, id: Id) -> Reply<InternalContact> {
    state.write(|r| r.remove_contact(id))
}

#[tauri::command(async)]
pub fn seat_org(state: State<'_, AppState>, group_id: Id, org_id: Id) -> Reply<bool> {
    state.write(|r| r.seat_org(group_id, org_id))
}

#[tauri::command(async)]
pub fn unseat_org(state: State<'_, AppState>, group_id: Id, org_id: Id) -> Reply<bool> {
    state.write(|r| r.unseat_org(group_id, org_id, state.today()))
}

#[tauri::command(async)]
pub fn list_people(state: State<'_, AppState>, query: PersonQuery) -> Reply<Vec<Person>> {
    state.read(|r| r.people(&query))
}

/// One page of the list of people, sorted and filtered in the core.
#[tauri::command(async)]
pub fn people_page(
    state: State<'_, AppState>,
    query: PersonQuery,
    sort: PersonSort,
    descending: bool,
    page: PageRequest,
) -> Reply<Page<Person>> {
    state.read(|r| r.people_page(&query, sort, descending, page))
}

#[tauri::command(async)]
pub fn person_detail(state: State<'_, AppState>, id: Id) -> Reply<PersonDetail> {
    state.read(|r| r.person_detail(id))
}

#[tauri::command(async)]
pub fn add_person(state: State<'_, AppState>, draft: PersonDraft) -> Reply<Person> {
    state.write(|r| r.add_person(&draft))
}

#[tauri::command(async)]
pub fn edit_person(state: State<'_, AppState>, id: Id, draft: PersonDraft) -> Reply<Person> {
    state.write(|r| r.edit_person(id, &draft))
}

#[tauri::command(async)]
pub fn remove_person(state: State<'_, AppState>, id: Id) -> Reply<()> {
    state.write(|r| r.remove_person(id))
}

#[tauri::command(async)]
pub fn list_groups(state: State<'_, AppState>) -> Reply<Vec<GroupSummary>> {
    state.read(|r| r.groups(state.today()))
}

#[tauri::command(async)]
pub fn group_detail(state: State<'_, AppState>, id: Id) -> Reply<GroupDetail> {
    state.read(|r| r.group_detail(id, state.today()))
}

#[tauri::command(async)]
pub fn add_group(state: State<'_, AppState>, draft: GroupDraft) -> Reply<Group> {
    state.write(|r| r.add_group(&draft))
}

#[tauri::command(async)]
pub fn edit_group(state: State<'_, AppState>, id: Id, draft: GroupDraft) -> Reply<Group> {
    state.write(|r| r.edit_group(id, &draft))
}

#[tauri::command(async)]
pub fn remove_group(state: State<'_, AppState>, id: Id) -> Reply<()> {
    state.write(|r| r.remove_group(id))
}

#[tauri::command(async)]
pub fn seat_holder(
    state: State<'_, AppState>,
    group_id: Id,
    org_id: Id,
    role: Role,
    day: String,
) -> Reply<SeatHolder> {
    state.read(|r| r.seat_holder(group_id, org_id, role, parse_date(Field::Date, &day)?))
}

#[tauri::command(async)]
pub fn appoint(state: State<'_, AppState>, request: AppointInput) -> Reply<AppointOutcome> {
    state.write(|r| r.appoint(&request.check()?))
}

/// Adds a new person and appoints them in one step (the appoint dialog's new person);
/// `request.person_id` is not used.
#[tauri::command(async)]
pub fn appoint_new_person(
    state: State<'_, AppState>,
    person: PersonDraft,
    request: AppointInput,
) -> Reply<AppointOutcome> {
    state.write(|r| r.appoint_new_person(&person, &request.check()?))
}

#[tauri::command(async)]
pub fn end_appointment(state: State<'_, AppState>, id: Id, last_day: String) -> Reply<Appointment> {
    state.write(|r| r.end_appointment(id, parse_date(Field::To, &last_day)?))
}

#[tauri::command(async)]
pub fn vacancies(
    state: State<'_, AppState>,
    within_days: u32,
    group_id: Option<Id>,
) -> Reply<Vec<Vacancy>> {
    state.read(|r| r.vacancies(state.today(), within_days, group_id))
}

/// Everything Översikt shows, in one answer.
#[tauri::command(async)]
pub fn overview(state: State<'_, AppState>, within_days: u32) -> Reply<Overview> {
    state.read(|r| r.overview(state.today(), within_days))
}

/// A page of one group's empty seats on Översikt.
#[tauri::command(async)]
pub fn overview_gaps(
    state: State<'_, AppState>,
    group_id: Id,
    within_days: u32,
    page: PageRequest,
) -> Reply<Page<GapRow>> {
    state.read(|r| r.overview_gaps(group_id, state.today(), within_days, page))
}

#[tauri::command(async)]
pub fn coverage(state: State<'_, AppState>) -> Reply<Coverage> {
    state.read(|r| r.coverage(state.today()))
}

/// Today's date on this computer, so that the UI's date fields start from the same day as the
/// core does.
#[tauri::command(async)]
pub fn today(state: State<'_, AppState>) -> NaiveDate {
    state.today()
}

/// Which first steps of a new register are done (Översikt's checklist).
#[tauri::command(async)]
pub fn first_steps(state: State<'_, AppState>) -> Reply<FirstSteps> {
    state.read(|r| r.first_steps(state.today()))
}
