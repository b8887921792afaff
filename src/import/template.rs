//! The import template: a file with the columns the import reads, under headers it
//! recognises, each explained (XLSX: on a second sheet; CSV: the header line only, since a
//! second line would be read as a row).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ImportField;
use crate::error::Error;
use crate::lang::Lang;
use crate::model::{OrgKind, Role};

/// The format of a template file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TemplateFormat {
    Csv,
    Xlsx,
}

impl TemplateFormat {
    /// The format a file name asks for: XLSX for `.xlsx`, else CSV.
    pub fn for_path(path: &std::path::Path) -> TemplateFormat {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("xlsx") => TemplateFormat::Xlsx,
            _ => TemplateFormat::Csv,
        }
    }
}

fn labels<T: Copy>(all: &[T], label: impl Fn(T) -> &'static str) -> String {
    all.iter().map(|v| label(*v)).collect::<Vec<_>>().join(", ")
}

/// The template's columns: the field, its header and what it holds, in the user's language.
pub fn columns(lang: Lang) -> Vec<(ImportField, &'static str, String)> {
    let kinds = labels(OrgKind::ALL, |k| k.label(lang));
    let roles = labels(Role::ALL, |r| r.label(lang));
    let p = |sv: &'static str, en: &'static str| lang.pick(sv, en);
    vec![
        (
            ImportField::Organisation,
            p("Organisation", "Organisation"),
            p(
                "Organisationens namn som i registret. Krävs på varje rad. En organisation som registret inte har skapas bara om du väljer det vid provläsningen.",
                "The organisation's name as in the register. Required on every row. An organisation the register lacks is created only if you choose so in the dry run.",
            )
            .into(),
        ),
        (
            ImportField::OrgNumber,
            p("Organisationsnummer", "Organisation number"),
            p(
                "Tio siffror (NNNNNN-NNNN). Hittar organisationen även om namnet stavas annorlunda.",
                "Ten digits (NNNNNN-NNNN). Finds the organisation even when its name is spelt differently.",
            )
            .into(),
        ),
        (
            ImportField::OrgKind,
            p("Typ av organisation", "Type"),
            format!(
                "{} {kinds}.",
                p(
                    "Används när en ny organisation skapas:",
                    "Used when a new organisation is created:"
                )
            ),
        ),
        (
            ImportField::Name,
            p("Namn", "Name"),
            p(
                "Personens för- och efternamn. En rad utan namn läser bara in organisationen.",
                "The person's full name. A row without a name reads only the organisation.",
            )
            .into(),
        ),
        (
            ImportField::Title,
            p("Titel", "Title"),
            p("Befattning, t.ex. Socialchef.", "Job title, e.g. Head of social services.").into(),
        ),
        (
            ImportField::Email,
            p("E-post", "E-mail"),
            p(
                "Känner igen personen även om namnet har ändrats.",
                "Recognises the person even when the name has changed.",
            )
            .into(),
        ),
        (
            ImportField::Phone,
            p("Telefon", "Phone"),
            p("Telefonnummer.", "Phone number.").into(),
        ),
        (
            ImportField::Protected,
            p("Skyddade personuppgifter", "Protected"),
            p(
                "Ja om personen har skyddade personuppgifter: hon hålls utanför listor och utskick.",
                "Yes if the person has protected personal data: they are kept out of rosters and mailings.",
            )
            .into(),
        ),
        (
            ImportField::Group,
            p("Grupp", "Group"),
            p(
                "Gruppen uppdraget gäller. Tom: den grupp som väljs för hela filen (i förval länsgruppen).",
                "The group of the appointment. Empty: the group chosen for the whole file (by default the county group).",
            )
            .into(),
        ),
        (
            ImportField::Role,
            p("Roll", "Role"),
            format!("{} {roles}.", p("En av:", "One of:")),
        ),
        (
            ImportField::From,
            p("Från och med", "From"),
            p(
                "Uppdragets första dag, ÅÅÅÅ-MM-DD. Tom: i dag.",
                "The appointment's first day, YYYY-MM-DD. Empty: today.",
            )
            .into(),
        ),
        (
            ImportField::To,
            p("Till och med", "To"),
            p(
                "Uppdragets sista dag, ÅÅÅÅ-MM-DD. Tom: tills vidare.",
                "The appointment's last day, YYYY-MM-DD. Empty: until further notice.",
            )
            .into(),
        ),
        (
            ImportField::Notes,
            p("Anteckningar", "Notes"),
            p("Fri text om personen.", "Free text about the person.").into(),
        ),
    ]
}

/// The template file's bytes.
pub fn file(format: TemplateFormat, lang: Lang) -> Result<Vec<u8>, Error> {
    let cols = columns(lang);
    let header: Vec<&str> = cols.iter().map(|(_, h, _)| *h).collect();
    match format {
        TemplateFormat::Csv => Ok(crate::export::csv::document(
            &header,
            std::iter::empty::<Vec<String>>(),
        )),
        TemplateFormat::Xlsx => {
            let explained: Vec<[String; 2]> = cols
                .iter()
                .map(|(_, h, what)| [(*h).to_owned(), what.clone()])
                .collect();
            crate::export::xlsx::template(
                lang.pick("Import", "Import"),
                &header,
                lang.pick("Kolumner", "Columns"),
                &[
                    lang.pick("Kolumn", "Column"),
                    lang.pick("Innehåll", "What it holds"),
                ],
                &explained,
            )
        }
    }
}

/// Writes the template file to `path` (a regular file or a new path).
pub fn write(path: &std::path::Path, format: TemplateFormat, lang: Lang) -> Result<(), Error> {
    crate::export::write_file(path, &file(format, lang)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_header_of_the_template_is_read_as_its_field() {
        for lang in [Lang::Sv, Lang::En] {
            let cols = columns(lang);
            let header: Vec<String> = cols.iter().map(|(_, h, _)| (*h).to_owned()).collect();
            let guessed = super::super::mapping::guess(&header);
            let fields: Vec<Option<ImportField>> = cols.iter().map(|(f, _, _)| Some(*f)).collect();
            assert_eq!(guessed, fields, "{lang:?}");
        }
    }
}
