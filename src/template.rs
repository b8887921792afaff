//! Register templates: what a new register starts with. "Dalarna MVK" (the default) is data in
//! `assets/templates/dalarna.json`, not code; `empty` starts with nothing.

use serde::Deserialize;

use crate::error::{Error, Field, Invalid};
use crate::model::{
    AgendaItemDraft, AgendaKind, GroupDraft, GroupFields, GroupKind, OrgDraft, OrgFields, OrgKind,
    Role, SeatDraft, SeatFields, name_key,
};
use crate::store;

/// A template: the network's name, its organisations and its groups.
#[derive(Debug, Clone, Deserialize)]
pub struct Template {
    pub id: String,
    pub name: String,
    pub network: String,
    #[serde(default)]
    pub organisations: Vec<TemplateOrg>,
    #[serde(default)]
    pub groups: Vec<TemplateGroup>,
    /// The agenda every group of the register starts from until the coordinator saves the
    /// group's own.
    #[serde(default)]
    pub default_agenda: Vec<TemplateAgendaItem>,
}

/// An item of a template's default agenda.
#[derive(Debug, Clone, Deserialize)]
pub struct TemplateAgendaItem {
    pub title: String,
    #[serde(default)]
    pub kind: Option<AgendaKind>,
    #[serde(default)]
    pub presenter: Option<String>,
    #[serde(default)]
    pub minutes: Option<u32>,
    #[serde(default)]
    pub note: Option<String>,
}

impl TemplateAgendaItem {
    pub fn draft(&self) -> AgendaItemDraft {
        AgendaItemDraft {
            title: self.title.clone(),
            kind: self.kind,
            presenter_id: None,
            presenter: self.presenter.clone(),
            minutes: self.minutes,
            note: self.note.clone(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct TemplateOrg {
    pub name: String,
    pub kind: OrgKind,
    #[serde(default)]
    pub short_name: Option<String>,
    #[serde(default)]
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct TemplateGroup {
    pub name: String,
    pub kind: GroupKind,
    pub meetings_per_year: i64,
    #[serde(default)]
    pub one_per_org: bool,
    #[serde(default)]
    pub free_membership: bool,
    #[serde(default)]
    pub description: Option<String>,
    /// Names of the template's organisations that hold seats in the group (a representative's
    /// and a substitute's each with `one_per_org`, else a member's).
    #[serde(default)]
    pub organisations: Vec<String>,
    /// Further seats, after those of `organisations`.
    #[serde(default)]
    pub seats: Vec<TemplateSeat>,
}

/// A seat of a template group: one organisation's, or open to a kind (or to any).
#[derive(Debug, Clone, Deserialize)]
pub struct TemplateSeat {
    pub role: Role,
    #[serde(default)]
    pub organisation: Option<String>,
    #[serde(default)]
    pub kind: Option<OrgKind>,
    #[serde(default)]
    pub label: Option<String>,
    /// How many such seats (default one).
    #[serde(default)]
    pub count: Option<u8>,
}

const DALARNA: &str = include_str!("../assets/templates/dalarna.json");

/// The names `init --template` accepts.
pub const NAMES: &[&str] = &["dalarna", "empty"];

impl Template {
    /// The default template, the network against men's violence against women in Dalarna.
    pub fn dalarna() -> Template {
        // The file is part of the build and covered by a test; it cannot fail to parse in a
        // released binary, but a broken edit still gives an empty template, not a panic.
        serde_json::from_str(DALARNA).unwrap_or_else(|_| Template::empty())
    }

    pub fn empty() -> Template {
        Template {
            id: "empty".into(),
            name: "Tomt register".into(),
            network: String::new(),
            organisations: vec![],
            groups: vec![],
            default_agenda: vec![],
        }
    }

    pub fn by_name(name: &str) -> Result<Template, Error> {
        match name_key(name).as_str() {
            "dalarna" | "dalarna mvk" => Ok(Template::dalarna()),
            "empty" | "tom" | "tomt" => Ok(Template::empty()),
            _ => Err(Error::invalid(
                Field::Template,
                Invalid::UnknownValue(name.to_owned()),
            )),
        }
    }

    /// Writes the template into a new register, inside the creating transaction.
    pub(crate) fn apply(&self, conn: &rusqlite::Connection) -> Result<(), Error> {
        store::settings::set(conn, "template", &self.id)?;
        if !self.network.is_empty() {
            store::settings::set(conn, "network_name", &self.network)?;
        }
        let mut ids = std::collections::HashMap::new();
        for o in &self.organisations {
            let draft = OrgDraft {
                name: o.name.clone(),
                short_name: o.short_name.clone(),
                kind: o.kind,
                notes: o.notes.clone(),
                active: true,
                ..OrgDraft::default()
            };
            let fields = OrgFields::try_from(&draft)?;
            ids.insert(
                fields.name.key(),
                store::organisations::insert(conn, &fields)?,
            );
        }
        for g in &self.groups {
            let draft = GroupDraft {
                name: g.name.clone(),
                kind: g.kind,
                meetings_per_year: g.meetings_per_year,
                description: g.description.clone(),
                one_per_org: g.one_per_org,
                free_membership: g.free_membership,
            };
            let group_id = store::groups::insert(conn, &GroupFields::try_from(&draft)?)?;
            for org in &g.organisations {
                let org_id = ids.get(&name_key(org)).ok_or_else(|| Error::NotFound {
                    what: crate::error::Entity::Organisation,
                    query: org.clone(),
                })?;
                store::organisations::add_seat(conn, group_id, *org_id)?;
            }
            for seat in &g.seats {
                let organisation_id = match &seat.organisation {
                    None => None,
                    Some(org) => Some(*ids.get(&name_key(org)).ok_or_else(|| Error::NotFound {
                        what: crate::error::Entity::Organisation,
                        query: org.clone(),
                    })?),
                };
                let draft = SeatDraft {
                    role: seat.role,
                    organisation_id,
                    org_kind: seat.kind,
                    label: seat.label.clone(),
                    position: None,
                };
                let fields = SeatFields::try_from(&draft)?;
                for _ in 0..seat.count.unwrap_or(1) {
                    store::seats::insert(conn, group_id, &fields)?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dalarna_template_parses_and_names_the_fifteen_municipalities() {
        let t: Template = serde_json::from_str(DALARNA).expect("dalarna.json parses");
        let municipalities = t
            .organisations
            .iter()
            .filter(|o| o.kind == OrgKind::Municipality)
            .count();
        assert_eq!(municipalities, 15);
        let county = t
            .groups
            .iter()
            .find(|g| g.kind == GroupKind::County)
            .expect("a county group");
        assert_eq!(county.meetings_per_year, 4);
        assert!(county.one_per_org);
        let steering = t
            .groups
            .iter()
            .find(|g| g.kind == GroupKind::Steering)
            .expect("a steering group");
        assert_eq!(steering.meetings_per_year, 2);
        assert!(t.default_agenda.len() >= 6, "the default agenda");
        for item in &t.default_agenda {
            crate::model::AgendaItemFields::try_from(&item.draft()).expect("a valid item");
        }
    }
}
