//! The mandate form (uppdragsblankett): its wording ([`wording`]), what it says about one
//! organisation ([`content`]) and its layout ([`layout`]). The register operations that
//! print, batch-print and track forms are in `register/forms.rs`; PDF drawing is `pdf/`.

pub mod content;
pub mod layout;
pub mod wording;

pub use content::{FormData, FormPerson, FormSeat};
pub use layout::layout;
pub use wording::{Coordinator, PLACEHOLDERS, Section, Wording, WordingVersion};

/// A file name for an organisation's form, safe on Windows, macOS and Linux: letters (with
/// å, ä, ö and other accents kept), digits, spaces, hyphens and dots; everything else becomes
/// a hyphen; reserved device names (CON, NUL, COM1…) get a suffix; at most 80 characters.
pub fn file_name(organisation: &str) -> String {
    format!("Uppdragsblankett {}.pdf", safe_stem(organisation))
}

/// A file name's stem (no extension) safe on Windows, macOS and Linux, as [`file_name`] makes
/// it; for every document the register writes under a name it proposes.
pub fn safe_stem(name: &str) -> String {
    let mut s: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, ' ' | '-' | '.' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect();
    s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut s: String = s.trim_matches(['.', ' ', '-']).chars().take(80).collect();
    s = s.trim_end_matches(['.', ' ']).to_owned();
    if s.is_empty() {
        s = "organisation".to_owned();
    }
    let stem = s.split('.').next().unwrap_or("").to_ascii_uppercase();
    let reserved = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit());
    if reserved {
        s.push_str("-org");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn file_names_are_safe_everywhere() {
        assert_eq!(file_name("Falu kommun"), "Uppdragsblankett Falu kommun.pdf");
        assert_eq!(
            file_name("Malung-Sälens kommun"),
            "Uppdragsblankett Malung-Sälens kommun.pdf"
        );
        assert_eq!(file_name("A/B: C*D?"), "Uppdragsblankett A-B- C-D.pdf");
        assert_eq!(file_name("con"), "Uppdragsblankett con-org.pdf");
        assert_eq!(file_name("..."), "Uppdragsblankett organisation.pdf");
        assert!(file_name(&"x".repeat(300)).chars().count() < 110);
    }
}
