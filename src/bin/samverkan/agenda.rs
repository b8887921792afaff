//! The agenda commands: show a meeting's agenda (or a group's default) and add, edit, move or
//! remove one item. Items are named by their position (1 for the first).

use clap::{Args, Subcommand};
use samverkan::error::{Field, Invalid};
use samverkan::model::{Agenda, AgendaItemDraft, AgendaKind, AgendaOf, Id};
use samverkan::{Error, Lang, Register};

use crate::print::Out;

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = false)]
pub struct AgendaArgs {
    /// The meeting (its id); or --group for a group's default agenda.
    #[arg(required_unless_present = "group", conflicts_with = "group")]
    pub meeting: Option<Id>,
    /// A group's default agenda, that its new meetings start from.
    #[arg(long)]
    pub group: Option<String>,
    #[command(subcommand)]
    pub cmd: Option<AgendaCmd>,
}

#[derive(Debug, Args, Default)]
pub struct ItemArgs {
    /// information, discussion or decision (information, diskussion, beslut).
    #[arg(long)]
    pub kind: Option<String>,
    /// Who presents, as free text (an empty value clears it).
    #[arg(long)]
    pub presenter: Option<String>,
    /// Who presents: a person of the register (name or id).
    #[arg(long, value_name = "PERSON", conflicts_with = "presenter")]
    pub presenter_person: Option<String>,
    #[arg(long)]
    pub minutes: Option<u32>,
    /// A note (an empty value clears it).
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum AgendaCmd {
    /// Add an item (last, or at --at).
    Add {
        title: String,
        #[command(flatten)]
        item: ItemArgs,
        /// The position to put it at (1 = first).
        #[arg(long)]
        at: Option<u32>,
    },
    /// Change the item at a position (what is not given stays).
    Edit {
        position: u32,
        #[arg(long)]
        title: Option<String>,
        #[command(flatten)]
        item: ItemArgs,
    },
    /// Move the item at a position to another.
    Move {
        position: u32,
        #[arg(long)]
        to: u32,
    },
    /// Remove the item at a position.
    Remove { position: u32 },
    /// Replace a meeting's agenda with its group's default.
    Reset,
}

fn kind(s: Option<String>) -> Result<Option<AgendaKind>, Error> {
    s.map(|k| k.parse()).transpose()
}

pub fn run(reg: &mut Register, a: AgendaArgs, out: &Out) -> Result<(), Error> {
    let of = match (a.meeting, &a.group) {
        (Some(m), _) => AgendaOf::Meeting(m),
        (None, Some(g)) => AgendaOf::Group(reg.find_group(g)?),
        // clap requires one of them.
        (None, None) => return Err(Error::invalid(Field::Agenda, Invalid::Empty)),
    };
    let agenda = match a.cmd {
        None => reg.agenda(of)?,
        Some(AgendaCmd::Add { title, item, at }) => {
            let presenter_id = item
                .presenter_person
                .map(|p| reg.find_person(&p))
                .transpose()?;
            let draft = AgendaItemDraft {
                title,
                kind: kind(item.kind)?,
                presenter_id,
                presenter: item.presenter,
                minutes: item.minutes,
                note: item.note,
            };
            reg.add_agenda_item(of, &draft, at)?
        }
        Some(AgendaCmd::Edit {
            position,
            title,
            item,
        }) => {
            let current = reg.agenda(of)?;
            let old = current
                .items
                .iter()
                .find(|i| i.position == position)
                .cloned();
            // An unknown position is refused by the core with the range.
            let mut d = old
                .map(|o| AgendaItemDraft {
                    title: o.title,
                    kind: Some(o.kind),
                    presenter_id: o.presenter_id,
                    presenter: o.presenter,
                    minutes: Some(o.minutes),
                    note: o.note,
                })
                .unwrap_or_default();
            if let Some(t) = title {
                d.title = t;
            }
            if let Some(k) = kind(item.kind)? {
                d.kind = Some(k);
            }
            if let Some(p) = item.presenter_person {
                d.presenter_id = Some(reg.find_person(&p)?);
                d.presenter = None;
            } else if let Some(p) = item.presenter {
                d.presenter_id = None;
                d.presenter = Some(p);
            }
            if let Some(m) = item.minutes {
                d.minutes = Some(m);
            }
            if let Some(n) = item.note {
                d.note = Some(n);
            }
            reg.edit_agenda_item(of, position, &d)?
        }
        Some(AgendaCmd::Move { position, to }) => reg.move_agenda_item(of, position, to)?,
        Some(AgendaCmd::Remove { position }) => reg.remove_agenda_item(of, position)?,
        Some(AgendaCmd::Reset) => match of {
            AgendaOf::Meeting(m) => reg.reset_agenda(m)?,
            AgendaOf::Group(_) => reg.agenda(of)?,
        },
    };
    out.done(&agenda, &text(&agenda, out.lang))
}

fn text(a: &Agenda, lang: Lang) -> String {
    if a.items.is_empty() {
        return lang
            .pick("Dagordningen är tom.", "The agenda is empty.")
            .to_owned();
    }
    let mut t = comfy_table::Table::new();
    t.load_preset(comfy_table::presets::NOTHING)
        .set_header(vec![
            "#",
            lang.pick("Tid", "Time"),
            lang.pick("Punkt", "Item"),
            lang.pick("Typ", "Kind"),
            lang.pick("Föredragande", "Presenter"),
            lang.pick("Minuter", "Minutes"),
        ]);
    for i in &a.items {
        t.add_row(vec![
            i.position.to_string(),
            format!("{}–{}", i.start, i.end),
            i.title.clone(),
            i.kind.label(lang).to_owned(),
            i.presenter_name.clone().unwrap_or_default(),
            i.minutes.to_string(),
        ]);
    }
    let mut s = t.to_string();
    if a.overrun_minutes > 0 {
        s.push_str(&format!(
            "\n{} {} {}",
            lang.pick("Dagordningen går", "The agenda runs"),
            a.overrun_minutes,
            lang.pick(
                &format!("minuter över mötets sluttid {}.", a.end),
                &format!("minutes past the meeting's end at {}.", a.end)
            )
        ));
    }
    if a.from_template {
        s.push_str(lang.pick(
            "\n(Mallens standarddagordning: gruppen har inte sparat en egen.)",
            "\n(The template's default agenda: the group has not saved its own.)",
        ));
    }
    s
}
