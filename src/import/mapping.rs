//! Which column holds what: guessed from Swedish and English headers, corrected by the
//! coordinator (a mapping file for the CLI: a JSON object from header to field code, `null` or
//! `"ignore"` to skip a column).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ImportField {
    Organisation,
    OrgNumber,
    OrgKind,
    Name,
    FirstName,
    LastName,
    Title,
    Email,
    Phone,
    Protected,
    Notes,
    Group,
    Role,
    From,
    To,
}

impl ImportField {
    pub const ALL: [ImportField; 15] = [
        ImportField::Organisation,
        ImportField::OrgNumber,
        ImportField::OrgKind,
        ImportField::Name,
        ImportField::FirstName,
        ImportField::LastName,
        ImportField::Title,
        ImportField::Email,
        ImportField::Phone,
        ImportField::Protected,
        ImportField::Notes,
        ImportField::Group,
        ImportField::Role,
        ImportField::From,
        ImportField::To,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ImportField::Organisation => "organisation",
            ImportField::OrgNumber => "org_number",
            ImportField::OrgKind => "org_kind",
            ImportField::Name => "name",
            ImportField::FirstName => "first_name",
            ImportField::LastName => "last_name",
            ImportField::Title => "title",
            ImportField::Email => "email",
            ImportField::Phone => "phone",
            ImportField::Protected => "protected",
            ImportField::Notes => "notes",
            ImportField::Group => "group",
            ImportField::Role => "role",
            ImportField::From => "from",
            ImportField::To => "to",
        }
    }

    pub fn from_code(s: &str) -> Option<ImportField> {
        ImportField::ALL.into_iter().find(|f| f.code() == s.trim())
    }

    /// Header words (normalised: lower case, letters and digits only) that name the field.
    fn words(self) -> &'static [&'static str] {
        match self {
            ImportField::Organisation => &[
                "organisation",
                "organisationsnamn",
                "organization",
                "org",
                "myndighet",
                "huvudman",
                "arbetsgivare",
                "employer",
                "company",
                "foretag",
                "företag",
            ],
            ImportField::OrgNumber => &[
                "organisationsnummer",
                "orgnr",
                "orgnummer",
                "organisationsnr",
                "organisationnumber",
                "orgnumber",
                "organizationnumber",
                "orgno",
            ],
            ImportField::OrgKind => &[
                "typ",
                "organisationstyp",
                "typavorganisation",
                "kind",
                "type",
                "orgtype",
                "organisationtype",
            ],
            ImportField::Name => &[
                "namn",
                "name",
                "person",
                "fullständigtnamn",
                "fullname",
                "kontaktperson",
                "representantnamn",
            ],
            ImportField::FirstName => &[
                "förnamn",
                "fornamn",
                "firstname",
                "givenname",
                "tilltalsnamn",
            ],
            ImportField::LastName => &["efternamn", "lastname", "surname", "familyname"],
            ImportField::Title => &[
                "titel",
                "befattning",
                "title",
                "jobtitle",
                "yrkestitel",
                "position",
            ],
            ImportField::Email => &[
                "epost",
                "epostadress",
                "email",
                "emailaddress",
                "mejl",
                "mail",
                "mailadress",
            ],
            ImportField::Phone => &[
                "telefon",
                "telefonnummer",
                "tel",
                "mobil",
                "mobilnummer",
                "phone",
                "mobile",
                "phonenumber",
            ],
            ImportField::Protected => &[
                "skyddad",
                "skyddadepersonuppgifter",
                "skyddadidentitet",
                "protected",
                "protecteddata",
            ],
            ImportField::Notes => &[
                "anteckningar",
                "anteckning",
                "kommentar",
                "övrigt",
                "notes",
                "note",
                "comment",
            ],
            ImportField::Group => &["grupp", "group", "nätverk", "network", "forum"],
            ImportField::Role => &["roll", "uppdrag", "role", "funktion"],
            ImportField::From => &[
                "från",
                "fran",
                "fromom",
                "frånochmed",
                "start",
                "startdatum",
                "from",
                "startdate",
                "fr",
                "sedan",
            ],
            ImportField::To => &[
                "till",
                "tom",
                "tillochmed",
                "slut",
                "slutdatum",
                "to",
                "enddate",
                "end",
            ],
        }
    }
}

/// A header as compared: lower case, letters and digits only (`E-post` → `epost`,
/// `fr.o.m.` → `fromom`... see [`ImportField::words`]).
pub fn normalise(header: &str) -> String {
    header
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The field a header names, whatever other columns name (`None`: none).
pub fn named(header: &str) -> Option<ImportField> {
    let n = normalise(header);
    ImportField::ALL
        .into_iter()
        .find(|f| f.words().contains(&n.as_str()))
}

/// The guessed field of each column (`None`: ignored). A field is given to one column only,
/// the first that names it.
pub fn guess(header: &[String]) -> Vec<Option<ImportField>> {
    let mut taken = Vec::new();
    header
        .iter()
        .map(|h| {
            let n = normalise(h);
            let n = match n.as_str() {
                "from" | "fr" => "from".to_owned(),
                _ => n,
            };
            let f = ImportField::ALL
                .into_iter()
                .find(|f| !taken.contains(f) && f.words().contains(&n.as_str()));
            if let Some(f) = f {
                taken.push(f);
            }
            f
        })
        .collect()
}

/// Applies a mapping file (JSON object: header → field code, or null/"ignore") over the
/// guess. A file that is not such an object, an unknown header or an unknown field code is
/// refused with what it is (rendered in the user's language by `error::messages`).
pub fn apply_mapping_file(
    header: &[String],
    guessed: &mut [Option<ImportField>],
    json: &str,
) -> Result<(), MappingProblem> {
    let map: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(json).map_err(|e| MappingProblem::NotJson {
            line: e.line(),
            column: e.column(),
        })?;
    for (h, v) in map {
        let Some(col) = header.iter().position(|x| x.trim() == h.trim()) else {
            return Err(MappingProblem::UnknownColumn(h));
        };
        let field = match &v {
            serde_json::Value::Null => None,
            serde_json::Value::String(s) if s == "ignore" || s.is_empty() => None,
            serde_json::Value::String(s) => Some(
                ImportField::from_code(s).ok_or_else(|| MappingProblem::UnknownField(s.clone()))?,
            ),
            _ => return Err(MappingProblem::UnknownField(v.to_string())),
        };
        if let Some(f) = field {
            for g in guessed.iter_mut() {
                if *g == Some(f) {
                    *g = None;
                }
            }
        }
        if let Some(slot) = guessed.get_mut(col) {
            *slot = field;
        }
    }
    Ok(())
}

/// What is wrong with a mapping file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MappingProblem {
    /// Not a JSON object; where the reader stopped.
    NotJson { line: usize, column: usize },
    /// A header the file does not have.
    UnknownColumn(String),
    /// A field code the import does not know.
    UnknownField(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn swedish_and_english_headers_are_recognised() {
        use ImportField::*;
        let g = guess(&h(&[
            "Organisation",
            "Org.nr",
            "Förnamn",
            "Efternamn",
            "E-post",
            "Mobil",
            "Grupp",
            "Roll",
            "Fr.o.m.",
            "T.o.m.",
            "Okänd kolumn",
        ]));
        assert_eq!(
            g,
            vec![
                Some(Organisation),
                Some(OrgNumber),
                Some(FirstName),
                Some(LastName),
                Some(Email),
                Some(Phone),
                Some(Group),
                Some(Role),
                Some(From),
                Some(To),
                None
            ]
        );
        let g = guess(&h(&[
            "Name",
            "Organization",
            "Email",
            "Phone",
            "Start date",
            "End date",
        ]));
        assert_eq!(
            g,
            vec![
                Some(Name),
                Some(Organisation),
                Some(Email),
                Some(Phone),
                Some(From),
                Some(To)
            ]
        );
    }

    #[test]
    fn a_field_goes_to_the_first_column_naming_it() {
        let g = guess(&h(&["E-post", "Mail"]));
        assert_eq!(g, vec![Some(ImportField::Email), None]);
    }

    #[test]
    fn a_mapping_file_corrects_the_guess() {
        let header = h(&["Namn", "Kommun", "Övrigt"]);
        let mut g = guess(&header);
        apply_mapping_file(
            &header,
            &mut g,
            r#"{"Kommun": "organisation", "Övrigt": null}"#,
        )
        .expect("mapping");
        assert_eq!(
            g,
            vec![
                Some(ImportField::Name),
                Some(ImportField::Organisation),
                None
            ]
        );
        assert!(apply_mapping_file(&header, &mut g, r#"{"Saknas": "name"}"#).is_err());
        assert!(apply_mapping_file(&header, &mut g, r#"{"Namn": "skostorlek"}"#).is_err());
        assert!(apply_mapping_file(&header, &mut g, "not json").is_err());
    }
}
