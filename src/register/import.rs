//! Importing a sheet into the register: organisations matched by number or name, people by
//! e-mail or name within their organisation (updated, never duplicated), appointments added
//! unless the person already holds them. All rows run in one transaction, each row inside a
//! savepoint so that a bad row is reported (row, column, reason) and the others still checked;
//! a dry run, or an import with any problem, rolls everything back.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};

use super::Register;
use crate::error::{Error, Field, Invalid, Unreadable};
use crate::import::mapping::{self, ImportField};
use crate::import::{
    ColumnNote, ColumnUse, GroupRef, ImportChoices, ImportPreview, ImportReport, NewOrg,
    OrgDecision, RowIssue, RowProblem, Sheet, SimilarOrg, read,
};
use crate::lang::Lang;
use crate::model::date::parse_date;
use crate::model::{
    GroupKind, Id, OrgDraft, OrgFields, OrgKind, PersonDraft, PersonFields, Role, name_key,
};
use crate::safety::BackupReason;
use crate::safety::backup;
use crate::store;

/// How to read the columns of a sheet.
#[derive(Debug, Clone)]
pub struct Columns {
    header: Vec<String>,
    fields: Vec<Option<ImportField>>,
}

impl Columns {
    /// The guess from the headers.
    pub fn guess(sheet: &Sheet) -> Columns {
        Columns {
            header: sheet.header.clone(),
            fields: mapping::guess(&sheet.header),
        }
    }

    /// The guess corrected by a mapping (JSON object: header → field code or null).
    pub fn with_mapping(sheet: &Sheet, json: &str, path: &Path) -> Result<Columns, Error> {
        let mut c = Columns::guess(sheet);
        mapping::apply_mapping_file(&c.header, &mut c.fields, json).map_err(|what| {
            Error::ImportUnreadable {
                path: path.to_owned(),
                reason: Unreadable::Mapping(what),
            }
        })?;
        Ok(c)
    }

    /// Explicit fields, one per column (from the app's wizard).
    pub fn explicit(sheet: &Sheet, fields: Vec<Option<ImportField>>) -> Columns {
        let mut fields = fields;
        fields.resize(sheet.header.len(), None);
        Columns {
            header: sheet.header.clone(),
            fields,
        }
    }

    /// Each column with the field it fills, or why it is ignored. `roles` is the note of the
    /// role column (where rows without a group go).
    fn uses(&self, roles: &ColumnNote) -> Vec<ColumnUse> {
        self.header
            .iter()
            .zip(&self.fields)
            .map(|(h, f)| {
                let note = match (f, mapping::named(h)) {
                    (Some(ImportField::Role), _) => roles.clone(),
                    (Some(_), _) => ColumnNote::Fills,
                    (None, None) => ColumnNote::NotRecognised,
                    (None, Some(named)) => match self.header_of(named) {
                        Some(column) => ColumnNote::SameFieldAs { column },
                        None => ColumnNote::NotChosen { field: named },
                    },
                };
                ColumnUse {
                    header: h.clone(),
                    field: *f,
                    note,
                }
            })
            .collect()
    }

    fn index(&self, f: ImportField) -> Option<usize> {
        self.fields.iter().position(|x| *x == Some(f))
    }

    fn header_of(&self, f: ImportField) -> Option<String> {
        self.index(f).and_then(|i| self.header.get(i).cloned())
    }
}

/// Reads a file for import, with a message (not a panic) for anything unreadable or over the
/// limits of `import::read`.
pub fn read_sheet(path: &Path) -> Result<Sheet, Error> {
    read::read_path(path).map_err(|reason| Error::ImportUnreadable {
        path: path.to_owned(),
        reason,
    })
}

/// The wizard's first look at a file: columns, guessed fields, the first rows.
pub fn preview_file(path: &Path) -> Result<ImportPreview, Error> {
    let sheet = read_sheet(path)?;
    Ok(ImportPreview {
        fields: mapping::guess(&sheet.header),
        sample: sheet.rows.iter().take(5).map(|(_, r)| r.clone()).collect(),
        rows: sheet.rows.len(),
        header: sheet.header,
    })
}

fn yes_no(s: &str) -> Option<bool> {
    match name_key(s).as_str() {
        "ja" | "j" | "yes" | "y" | "x" | "1" | "true" | "sant" | "skyddad" => Some(true),
        "nej" | "n" | "no" | "0" | "false" | "falskt" | "" => Some(false),
        _ => None,
    }
}

/// Excel sometimes gives dates as `2026-01-01 00:00:00` or `2026-01-01T00:00:00`, or (a cell
/// not formatted as a date) as its serial number of days since 1899-12-30.
fn date(field: Field, s: &str) -> Result<NaiveDate, Error> {
    let t = s.trim();
    if let Ok(serial) = t.parse::<u32>()
        && (20_000..=120_000).contains(&serial)
        && let Some(d) = NaiveDate::from_ymd_opt(1899, 12, 30)
            .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(serial))))
    {
        return crate::model::date::in_range(field, d, t);
    }
    let head = t
        .get(..10)
        .filter(|_| t.len() > 10 && matches!(t.as_bytes()[10], b' ' | b'T'));
    parse_date(field, head.unwrap_or(t))
}

/// At most this many problems are listed in a report (each costs memory); the others are
/// counted in `issues_not_listed`, and every rejected row in `rows_rejected`.
pub const MAX_LISTED_ISSUES: usize = 10_000;

/// The column a missing name is reported in: the name, else the first name.
fn name_field(cols: &Columns) -> ImportField {
    if cols.index(ImportField::Name).is_some() || cols.index(ImportField::FirstName).is_none() {
        ImportField::Name
    } else {
        ImportField::FirstName
    }
}

/// The people of the register as the importer matches them, kept in memory for the length of
/// one import: by organisation and e-mail (ASCII lower case), and by organisation and name key,
/// the lowest id first, as `store::import::find_person` would answer. Looking a person up in
/// SQL cost a scan of the organisation's people (there is no index on e-mail), so importing
/// grew with the square of the rows; here each look-up is a hash.
/// (`store::import::find_org` stays in SQL: organisations are few and their keys indexed.)
#[derive(Default)]
struct People {
    // Sorted ids (nearly always one; a set would cost a node of its own per key).
    by_email: HashMap<(Id, String), Vec<Id>>,
    by_name: HashMap<(Id, String), Vec<Id>>,
}

/// How a person is matched: organisation, e-mail (lower case), name key.
type PersonKey = (Id, Option<String>, String);

fn person_key(org: Id, email: Option<&str>, name_key: String) -> PersonKey {
    (org, email.map(str::to_ascii_lowercase), name_key)
}

impl People {
    fn load(conn: &rusqlite::Connection) -> Result<People, Error> {
        let mut people = People::default();
        for (id, org, email, name) in store::import::person_keys(conn)? {
            people.add(id, (org, email, name));
        }
        Ok(people)
    }

    fn add(&mut self, id: Id, (org, email, name): PersonKey) {
        let insert = |ids: &mut Vec<Id>| {
            if let Err(at) = ids.binary_search(&id) {
                ids.insert(at, id);
            }
        };
        if let Some(e) = email {
            insert(self.by_email.entry((org, e)).or_default());
        }
        insert(self.by_name.entry((org, name)).or_default());
    }

    fn remove(&mut self, id: Id, (org, email, name): PersonKey) {
        for (map, key) in [
            (&mut self.by_email, email.map(|e| (org, e))),
            (&mut self.by_name, Some((org, name))),
        ] {
            if let Some(key) = key
                && let Some(ids) = map.get_mut(&key)
            {
                ids.retain(|x| *x != id);
                if ids.is_empty() {
                    map.remove(&key);
                }
            }
        }
    }

    /// The person of the organisation with this e-mail, else with this name key.
    fn find(&self, (org, email, name): PersonKey) -> Option<Id> {
        let first = |ids: Option<&Vec<Id>>| ids.and_then(|s| s.first().copied());
        email
            .and_then(|e| first(self.by_email.get(&(org, e))))
            .or_else(|| first(self.by_name.get(&(org, name))))
    }
}

struct Ctx<'a> {
    cols: &'a Columns,
    groups: &'a [(Id, String)],
    /// Where a role goes when its row names no group.
    default_group: Option<Id>,
    /// Names of the file (name keys) read as existing organisations.
    aliases: &'a HashMap<String, Id>,
    /// Organisations of the file (name keys) not in the register and not to be created.
    not_created: &'a HashSet<String>,
    lang: Lang,
    today: NaiveDate,
}

/// Why a row was read but not imported.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Skip {
    /// It names no person: only its organisation is read.
    NoName,
    /// Its organisation is not in the register and the coordinator did not choose to create it.
    OrgNotCreated,
}

/// What one row did.
#[derive(Default)]
struct RowOutcome {
    org: Option<(Id, bool)>,
    person: Option<(Id, PersonChange)>,
    appointment: Option<bool>,
    /// The appointment's group is the file's, the row naming none.
    in_default_group: bool,
    /// Why the row was not imported, or (no name) only its organisation was.
    skipped: Option<Skip>,
    /// A person added (no old key) or whose e-mail or name changed: the matcher follows once
    /// the row is kept.
    keys: Option<(Id, Option<PersonKey>, PersonKey)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum PersonChange {
    Created,
    Updated,
    Same,
}

impl Ctx<'_> {
    fn issue(&self, row: usize, field: Option<ImportField>, e: &Error) -> RowIssue {
        let column = field.and_then(|f| self.cols.header_of(f));
        RowIssue::new(row, column, RowProblem::Refused(e), self.lang)
    }

    fn missing(&self, row: usize, field: ImportField) -> RowIssue {
        let column = self.cols.header_of(field);
        RowIssue::new(row, column, RowProblem::Missing, self.lang)
    }

    /// The row's problems, or what it did (inside the caller's savepoint).
    fn row(
        &self,
        tx: &rusqlite::Connection,
        people: &People,
        n: usize,
        cells: &[String],
    ) -> Result<Result<RowOutcome, Vec<RowIssue>>, Error> {
        let get = |f: ImportField| {
            self.cols
                .index(f)
                .and_then(|i| cells.get(i))
                .map(|s| crate::export::csv::unneutralise(s.trim()))
                .filter(|s| !s.is_empty())
        };
        let mut issues = Vec::new();
        let person_name = match (
            get(ImportField::Name),
            get(ImportField::FirstName),
            get(ImportField::LastName),
        ) {
            (Some(n), _, _) => Some(n.to_owned()),
            (None, Some(f), Some(l)) => Some(format!("{f} {l}")),
            (None, Some(f), None) => Some(f.to_owned()),
            (None, None, Some(l)) => Some(l.to_owned()),
            (None, None, None) => None,
        };
        let name_field = if get(ImportField::Name).is_some() {
            ImportField::Name
        } else {
            name_field(self.cols)
        };
        let Some(org_name) = get(ImportField::Organisation) else {
            return Ok(Err(vec![self.missing(n, ImportField::Organisation)]));
        };
        // The organisation.
        let kind = match get(ImportField::OrgKind) {
            Some(k) => match k.parse::<OrgKind>() {
                Ok(k) => k,
                Err(e) => {
                    issues.push(self.issue(n, Some(ImportField::OrgKind), &e));
                    OrgKind::Other
                }
            },
            None if name_key(org_name).ends_with("kommun") => OrgKind::Municipality,
            None if name_key(org_name).starts_with("region") => OrgKind::Region,
            None => OrgKind::Other,
        };
        let org_draft = OrgDraft {
            name: org_name.to_owned(),
            kind,
            org_number: get(ImportField::OrgNumber).map(str::to_owned),
            active: true,
            ..OrgDraft::default()
        };
        let org_fields = match OrgFields::try_from(&org_draft) {
            Ok(f) => Some(f),
            Err(e) => {
                let col = match e.field() {
                    Some(Field::OrgNumber) => ImportField::OrgNumber,
                    _ => ImportField::Organisation,
                };
                issues.push(self.issue(n, Some(col), &e));
                None
            }
        };
        // The person's fields, checked before anything is written.
        let protected = match get(ImportField::Protected).map(yes_no) {
            Some(None) => {
                issues.push(self.issue(
                    n,
                    Some(ImportField::Protected),
                    &Error::invalid(
                        Field::Name,
                        Invalid::UnknownValue(get(ImportField::Protected).unwrap_or("").to_owned()),
                    ),
                ));
                false
            }
            Some(Some(b)) => b,
            None => false,
        };
        let mut person_draft = person_name.as_ref().map(|name| PersonDraft {
            name: name.clone(),
            title: get(ImportField::Title).map(str::to_owned),
            organisation_id: 0,
            email: get(ImportField::Email).map(str::to_owned),
            phone: get(ImportField::Phone).map(str::to_owned),
            protected,
            notes: get(ImportField::Notes).map(str::to_owned),
        });
        if let Some(d) = &person_draft
            && let Err(e) = PersonFields::try_from(d)
        {
            let col = match e.field() {
                Some(Field::Email) => ImportField::Email,
                Some(Field::Phone) => ImportField::Phone,
                Some(Field::Title) => ImportField::Title,
                Some(Field::Notes) => ImportField::Notes,
                _ => name_field,
            };
            issues.push(self.issue(n, Some(col), &e));
        }
        // The appointment's fields.
        let mut in_default_group = false;
        let group = match get(ImportField::Group) {
            None if get(ImportField::Role).is_some() => match self.default_group {
                Some(id) => {
                    in_default_group = true;
                    Some(id)
                }
                None => {
                    issues.push(RowIssue::new(
                        n,
                        self.cols.header_of(ImportField::Role),
                        RowProblem::RoleWithoutGroup,
                        self.lang,
                    ));
                    None
                }
            },
            None => None,
            Some(g) => {
                let key = name_key(g);
                let exact = self.groups.iter().find(|(_, k)| *k == key);
                let prefixed: Vec<_> = self
                    .groups
                    .iter()
                    .filter(|(_, k)| k.starts_with(&key))
                    .collect();
                match (exact, prefixed.as_slice()) {
                    (Some((id, _)), _) | (None, [(id, _)]) => Some(*id),
                    _ => {
                        issues.push(self.issue(
                            n,
                            Some(ImportField::Group),
                            &Error::NotFound {
                                what: crate::error::Entity::Group,
                                query: g.to_owned(),
                            },
                        ));
                        None
                    }
                }
            }
        };
        let role = match get(ImportField::Role).map(str::parse::<Role>) {
            None => Role::Member,
            Some(Ok(r)) => r,
            Some(Err(e)) => {
                issues.push(self.issue(n, Some(ImportField::Role), &e));
                Role::Member
            }
        };
        let from = match get(ImportField::From).map(|s| date(Field::From, s)) {
            None => self.today,
            Some(Ok(d)) => d,
            Some(Err(e)) => {
                issues.push(self.issue(n, Some(ImportField::From), &e));
                self.today
            }
        };
        let to = match get(ImportField::To).map(|s| date(Field::To, s)) {
            None => None,
            Some(Ok(d)) if d < from => {
                issues.push(self.issue(
                    n,
                    Some(ImportField::To),
                    &Error::invalid(Field::To, Invalid::ToBeforeFrom),
                ));
                None
            }
            Some(Ok(d)) => Some(d),
            Some(Err(e)) => {
                issues.push(self.issue(n, Some(ImportField::To), &e));
                None
            }
        };
        // A row without a name: with anything else about a person, a problem (it would be
        // lost); with nothing but its organisation, skipped and said so.
        let has_name_column = [
            ImportField::Name,
            ImportField::FirstName,
            ImportField::LastName,
        ]
        .into_iter()
        .any(|f| self.cols.index(f).is_some());
        let person_data = [
            ImportField::Title,
            ImportField::Email,
            ImportField::Phone,
            ImportField::Notes,
            ImportField::Protected,
            ImportField::Group,
            ImportField::Role,
            ImportField::From,
            ImportField::To,
        ]
        .into_iter()
        .any(|f| get(f).is_some());
        if person_draft.is_none() && (group.is_some() || person_data) {
            issues.push(self.missing(n, name_field));
        }
        let skipped = (person_draft.is_none() && has_name_column).then_some(Skip::NoName);
        let Some(org_fields) = org_fields.filter(|_| issues.is_empty()) else {
            return Ok(Err(issues));
        };

        // Writing, inside the row's savepoint.
        let mut out = RowOutcome {
            skipped,
            in_default_group: in_default_group && person_draft.is_some(),
            ..RowOutcome::default()
        };
        let key = org_fields.name.key();
        let found = match self.aliases.get(&key) {
            Some(id) => Some(*id),
            None => store::import::find_org(
                tx,
                org_fields.org_number.as_ref().map(|o| o.as_str()),
                &key,
            )?,
        };
        let org_id = match found {
            Some(id) => {
                out.org = Some((id, false));
                id
            }
            None if self.not_created.contains(&key) => {
                out.skipped = Some(Skip::OrgNotCreated);
                out.in_default_group = false;
                return Ok(Ok(out));
            }
            None => {
                let id = store::organisations::insert(tx, &org_fields)?;
                out.org = Some((id, true));
                id
            }
        };
        let Some(draft) = person_draft.as_mut() else {
            return Ok(Ok(out));
        };
        draft.organisation_id = org_id;
        let fields = PersonFields::try_from(&*draft)?;
        let existing = people.find(person_key(
            org_id,
            fields.email.as_ref().map(|e| e.as_str()),
            fields.name.key(),
        ));
        let person_id = match existing.and_then(|id| store::people::get(tx, id).transpose()) {
            Some(current) => {
                let current = current?;
                let mut merged = PersonDraft::from(&current);
                merged.name = draft.name.clone();
                for (slot, new) in [
                    (&mut merged.title, &draft.title),
                    (&mut merged.email, &draft.email),
                    (&mut merged.phone, &draft.phone),
                    (&mut merged.notes, &draft.notes),
                ] {
                    if new.is_some() {
                        slot.clone_from(new);
                    }
                }
                merged.protected = current.protected || draft.protected;
                let merged_fields = PersonFields::try_from(&merged)?;
                // Compared as checked fields, so that a value written another way (a phone
                // number typed without the national form's separators) is the same value.
                if PersonFields::try_from(&PersonDraft::from(&current)).ok()
                    == Some(merged_fields.clone())
                {
                    out.person = Some((current.id, PersonChange::Same));
                } else {
                    if store::people::clash(tx, &merged_fields, Some(current.id))?.is_some() {
                        return Ok(Err(vec![self.issue(
                            n,
                            Some(name_field),
                            &Error::Duplicate {
                                what: crate::error::Entity::Person,
                                field: Field::Name,
                                value: merged.name.clone(),
                            },
                        )]));
                    }
                    store::people::update(tx, current.id, &merged_fields)?;
                    out.person = Some((current.id, PersonChange::Updated));
                    out.keys = Some((
                        current.id,
                        Some(person_key(
                            current.organisation_id,
                            current.email.as_ref().map(|e| e.as_str()),
                            current.name.key(),
                        )),
                        person_key(
                            org_id,
                            merged_fields.email.as_ref().map(|e| e.as_str()),
                            merged_fields.name.key(),
                        ),
                    ));
                }
                current.id
            }
            None => {
                let id = store::people::insert(tx, &fields)?;
                out.person = Some((id, PersonChange::Created));
                out.keys = Some((
                    id,
                    None,
                    person_key(
                        org_id,
                        fields.email.as_ref().map(|e| e.as_str()),
                        fields.name.key(),
                    ),
                ));
                id
            }
        };
        let Some(group_id) = group else {
            return Ok(Ok(out));
        };
        let held = store::appointments::person_in_group(tx, person_id, group_id, from, to)?
            .into_iter()
            .any(|a| a.role == role);
        if held {
            out.appointment = Some(false);
            return Ok(Ok(out));
        }
        let (Some(group_row), Some(org_row)) = (
            store::groups::get(tx, group_id)?,
            store::organisations::get(tx, org_id)?,
        ) else {
            return Ok(Ok(out));
        };
        let seat = match super::seats::resolve(tx, &group_row, &org_row, role, None, from) {
            Ok(seat) => seat,
            Err(e) if e.is_user_error() => {
                return Ok(Err(vec![self.issue(n, Some(ImportField::Role), &e)]));
            }
            Err(e) => return Err(e),
        };
        let place = store::appointments::Place {
            group_id,
            org_id,
            role,
            seat_id: seat.map(|s| s.id),
        };
        match store::appointments::insert(tx, person_id, place, from, to) {
            Ok(_) => out.appointment = Some(true),
            Err(Error::Database(e)) if store::is_constraint(&e) => {
                let holder = match place.seat_id {
                    Some(seat) => store::appointments::in_seat(tx, seat, from, to)?,
                    None => store::appointments::overlapping(tx, group_id, org_id, role, from, to)?,
                }
                .first()
                .map(|a| a.person_name.clone())
                .unwrap_or_default();
                return Ok(Err(vec![RowIssue::new(
                    n,
                    self.cols.header_of(ImportField::Role),
                    RowProblem::SeatHeld { holder },
                    self.lang,
                )]));
            }
            Err(e) => return Err(e),
        }
        Ok(Ok(out))
    }
}

/// At most this many of a file's new organisations are listed in a report, each with a similar
/// existing name (comparing costs a look at every organisation of the register); the rest are
/// counted in `new_orgs_not_listed`, and what is chosen for them (`create_all_orgs`, or a name)
/// applies all the same.
pub const MAX_LISTED_NEW_ORGS: usize = 1_000;

/// How alike two name keys are for the import to offer one for the other (Jaro-Winkler, 0–1).
const SIMILAR_NAMES: f64 = 0.88;

/// The existing organisation most like a new name (by name or short name), if any is alike.
fn similar_org(key: &str, orgs: &[store::import::OrgName]) -> Option<SimilarOrg> {
    let words: Vec<&str> = key.split(' ').collect();
    let score = |other: &str| {
        if other.is_empty() {
            return 0.0;
        }
        // "Brottsofferjouren Dalarna" beside "Brottsofferjouren": one is the other's first words.
        let other_words: Vec<&str> = other.split(' ').collect();
        let n = words.len().min(other_words.len());
        if words[..n] == other_words[..n] {
            return 1.0;
        }
        strsim::jaro_winkler(key, other)
    };
    orgs.iter()
        .map(|o| {
            let best = score(&o.name_key).max(o.short_key.as_deref().map_or(0.0, score));
            (best, o)
        })
        .filter(|(s, _)| *s >= SIMILAR_NAMES)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, o)| SimilarOrg {
            id: o.id,
            name: o.name.clone(),
        })
}

/// The organisations of a sheet that the register does not know, by name key, in the order of
/// the file: the first spelling, its checked fields, and the rows naming it. Rows whose
/// organisation does not pass its checks are left to the row pass, which reports them.
fn unknown_orgs(
    conn: &rusqlite::Connection,
    sheet: &Sheet,
    cols: &Columns,
) -> Result<Vec<(String, OrgFields, usize)>, Error> {
    let Some(org_col) = cols.index(ImportField::Organisation) else {
        return Ok(Vec::new());
    };
    let cell = |cells: &[String], f: ImportField| {
        cols.index(f)
            .and_then(|i| cells.get(i))
            .map(|s| crate::export::csv::unneutralise(s.trim()).to_owned())
            .filter(|s| !s.is_empty())
    };
    let mut found: Vec<(String, OrgFields, usize)> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    let mut known: HashSet<String> = HashSet::new();
    for (_, cells) in &sheet.rows {
        let Some(name) = cells
            .get(org_col)
            .map(|s| crate::export::csv::unneutralise(s.trim()))
            .filter(|s| !s.is_empty())
        else {
            continue;
        };
        let key = name_key(name);
        if known.contains(&key) {
            continue;
        }
        if let Some(i) = at.get(&key) {
            found[*i].2 += 1;
            continue;
        }
        let kind = cell(cells, ImportField::OrgKind)
            .and_then(|k| k.parse::<OrgKind>().ok())
            .unwrap_or(if key.ends_with("kommun") {
                OrgKind::Municipality
            } else if key.starts_with("region") {
                OrgKind::Region
            } else {
                OrgKind::Other
            });
        let draft = OrgDraft {
            name: name.to_owned(),
            kind,
            org_number: cell(cells, ImportField::OrgNumber),
            active: true,
            ..OrgDraft::default()
        };
        let Ok(fields) = OrgFields::try_from(&draft) else {
            continue;
        };
        let number = fields.org_number.as_ref().map(|o| o.as_str().to_owned());
        if store::import::find_org(conn, number.as_deref(), &key)?.is_some() {
            // Known by name; one known only by its number is matched row by row.
            if number.is_none() {
                known.insert(key);
            }
            continue;
        }
        at.insert(key.clone(), found.len());
        found.push((key, fields, 1));
    }
    Ok(found)
}

impl Register {
    /// The register's main group: the first county group (the group forms are printed for
    /// and an import's roles go to unless another is chosen).
    pub fn main_group(&self) -> Result<Option<Id>, Error> {
        Ok(store::groups::list(&self.conn)?
            .into_iter()
            .find(|g| g.kind == GroupKind::County)
            .map(|g| g.id))
    }

    /// Imports (or with `choices.dry_run` only checks) a sheet read with `cols`. Returns the
    /// report in every case; it says whether anything was written. Rows with problems mean
    /// nothing is written. Before a real import a backup is made. Organisations the register
    /// does not know are created only when `choices` names them (their rows are skipped
    /// otherwise); rows naming a role but no group go to `choices.group_id`, else the main
    /// group.
    pub fn import_sheet(
        &mut self,
        sheet: &Sheet,
        cols: &Columns,
        choices: &ImportChoices,
        lang: Lang,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<ImportReport, Error> {
        let dry_run = choices.dry_run;
        if !dry_run {
            self.ensure_writable()?;
        }
        if cols.index(ImportField::Organisation).is_none() {
            return Err(Error::ImportNoOrganisation);
        }
        let all_groups = store::groups::list(&self.conn)?;
        let default_group = match choices.group_id {
            Some(id) => {
                Some(
                    all_groups
                        .iter()
                        .find(|g| g.id == id)
                        .ok_or_else(|| Error::NotFound {
                            what: crate::error::Entity::Group,
                            query: id.to_string(),
                        })?,
                )
            }
            None => all_groups.iter().find(|g| g.kind == GroupKind::County),
        };
        let mut aliases: HashMap<String, Id> = HashMap::new();
        for a in &choices.use_existing {
            if store::organisations::get(&self.conn, a.org_id)?.is_none() {
                return Err(Error::NotFound {
                    what: crate::error::Entity::Organisation,
                    query: a.org_id.to_string(),
                });
            }
            aliases.insert(name_key(&a.name), a.org_id);
        }
        let unknown = unknown_orgs(&self.conn, sheet, cols)?;
        // Every name the coordinator chose must be one of the file's unknown organisations:
        // a misspelt choice would otherwise be lost without a word.
        for name in choices
            .create_orgs
            .iter()
            .chain(choices.use_existing.iter().map(|a| &a.name))
        {
            let key = name_key(name);
            if !unknown.iter().any(|(k, _, _)| *k == key) {
                return Err(Error::ImportNotANewOrg { name: name.clone() });
            }
        }
        let create: HashSet<String> = choices.create_orgs.iter().map(|n| name_key(n)).collect();
        let existing = store::import::org_names(&self.conn)?;
        let mut not_created = HashSet::new();
        let mut to_create = Vec::new();
        let mut new_orgs = Vec::new();
        let mut new_orgs_not_listed = 0;
        for (key, fields, rows) in unknown {
            let decision = if aliases.contains_key(&key) {
                OrgDecision::UseExisting
            } else if choices.create_all_orgs || create.contains(&key) {
                to_create.push(fields.clone());
                OrgDecision::Create
            } else {
                not_created.insert(key.clone());
                OrgDecision::Skip
            };
            if new_orgs.len() == MAX_LISTED_NEW_ORGS {
                new_orgs_not_listed += 1;
                continue;
            }
            new_orgs.push(NewOrg {
                name: fields.name.to_string(),
                rows,
                decision,
                similar: similar_org(&key, &existing),
            });
        }
        let roles = match (cols.index(ImportField::Role), default_group) {
            (Some(_), Some(g)) => ColumnNote::RolesInto {
                group: g.name.to_string(),
            },
            (Some(_), None) => ColumnNote::RolesWithoutGroup,
            (None, _) => ColumnNote::Fills,
        };
        let mut report = ImportReport {
            dry_run,
            rows: sheet.rows.len(),
            columns: cols.uses(&roles),
            group: default_group
                .filter(|_| cols.index(ImportField::Role).is_some())
                .map(|g| GroupRef {
                    id: g.id,
                    name: g.name.to_string(),
                }),
            new_orgs,
            new_orgs_not_listed,
            ..ImportReport::default()
        };
        if !dry_run {
            report.backup = Some(
                backup::backup_to_folder(&self.conn, &self.path, BackupReason::BeforeImport, now)?
                    .path,
            );
        }
        let groups: Vec<(Id, String)> = all_groups.iter().map(|g| (g.id, g.name.key())).collect();
        let ctx = Ctx {
            cols,
            groups: &groups,
            default_group: default_group.map(|g| g.id),
            aliases: &aliases,
            not_created: &not_created,
            lang,
            today,
        };
        let mut orgs_created = HashSet::new();
        let mut orgs_matched = HashSet::new();
        let mut people: HashMap<Id, PersonChange> = HashMap::new();
        let mut matcher = People::load(&self.conn)?;
        let mut tx = self.conn.transaction()?;
        // The chosen new organisations first, inside the import's transaction.
        for fields in &to_create {
            orgs_created.insert(store::organisations::insert(&tx, fields)?);
        }
        for (n, cells) in &sheet.rows {
            let sp = tx.savepoint()?;
            match ctx.row(&sp, &matcher, *n, cells)? {
                Ok(mut out) => {
                    if let Some((id, old, new)) = out.keys.take() {
                        if let Some(old) = old {
                            matcher.remove(id, old);
                        }
                        matcher.add(id, new);
                    }
                    if let Some(skip) = out.skipped {
                        report.rows_skipped += 1;
                        if report.skipped.len() < MAX_LISTED_ISSUES {
                            let (column, problem) = match skip {
                                Skip::NoName => (name_field(cols), RowProblem::NoName),
                                Skip::OrgNotCreated => {
                                    (ImportField::Organisation, RowProblem::OrgNotCreated)
                                }
                            };
                            let column = cols.header_of(column);
                            report
                                .skipped
                                .push(RowIssue::new(*n, column, problem, lang));
                        }
                    }
                    if out.in_default_group {
                        report.rows_in_default_group += 1;
                    }
                    if let Some((id, created)) = out.org {
                        if created {
                            orgs_created.insert(id);
                        } else if !orgs_created.contains(&id) {
                            orgs_matched.insert(id);
                        }
                    }
                    if let Some((id, change)) = out.person {
                        let e = people.entry(id).or_insert(change);
                        if change == PersonChange::Updated && *e == PersonChange::Same {
                            *e = change;
                        }
                    }
                    match out.appointment {
                        Some(true) => report.appointments_created += 1,
                        Some(false) => report.appointments_existing += 1,
                        None => {}
                    }
                    sp.commit()?;
                }
                Err(issues) => {
                    report.rows_rejected += 1;
                    let room = MAX_LISTED_ISSUES.saturating_sub(report.issues.len());
                    report.issues_not_listed += issues.len().saturating_sub(room);
                    report.issues.extend(issues.into_iter().take(room));
                    drop(sp);
                }
            }
        }
        report.orgs_created = orgs_created.len();
        report.orgs_matched = orgs_matched.len();
        for c in people.values() {
            match c {
                PersonChange::Created => report.people_created += 1,
                PersonChange::Updated => report.people_updated += 1,
                PersonChange::Same => report.people_matched += 1,
            }
        }
        if dry_run || report.rows_rejected > 0 {
            tx.rollback()?;
        } else {
            tx.commit()?;
            report.written = true;
        }
        Ok(report)
    }

    /// Reads `path` and imports it with the fields the coordinator chose, one per column.
    pub fn import_file_as(
        &mut self,
        path: &Path,
        fields: Vec<Option<ImportField>>,
        choices: &ImportChoices,
        lang: Lang,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<ImportReport, Error> {
        let sheet = read_sheet(path)?;
        let cols = Columns::explicit(&sheet, fields);
        self.import_sheet(&sheet, &cols, choices, lang, today, now)
    }

    /// Reads `path` and imports it, the columns guessed and corrected by `mapping_json`.
    pub fn import_file(
        &mut self,
        path: &Path,
        mapping_json: Option<&str>,
        choices: &ImportChoices,
        lang: Lang,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<ImportReport, Error> {
        let sheet = read_sheet(path)?;
        let cols = match mapping_json {
            Some(json) => Columns::with_mapping(&sheet, json, path)?,
            None => Columns::guess(&sheet),
        };
        self.import_sheet(&sheet, &cols, choices, lang, today, now)
    }
}
