//! Rosters as CSV the way Swedish Excel opens them: UTF-8 with a byte-order mark, `;` between
//! fields, CRLF line ends, and every value that a spreadsheet would take for a formula (one
//! beginning with `=`, `+`, `-`, `@`, tab or carriage return) neutralised with a leading
//! apostrophe (OWASP, CSV injection).

use super::roster::Roster;
use crate::lang::Lang;

/// Makes a value safe to open in a spreadsheet: a leading formula character gets a `'`.
pub fn neutralise(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

/// A value as it was before [`neutralise`]: the apostrophe before a formula character taken
/// away (so that a roster exported as CSV imports back unchanged).
pub fn unneutralise(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => value,
    }
}

/// One field, neutralised and quoted when it holds `;`, `"` or a line break.
pub fn field(value: &str) -> String {
    let v = neutralise(value);
    if v.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

/// Rows of text as a CSV document (with BOM).
pub fn document<I, R>(header: &[&str], rows: I) -> Vec<u8>
where
    I: IntoIterator<Item = R>,
    R: AsRef<[String]>,
{
    let mut out = String::from("\u{feff}");
    let line = |cells: &mut dyn Iterator<Item = &str>, out: &mut String| {
        let joined: Vec<String> = cells.map(field).collect();
        out.push_str(&joined.join(";"));
        out.push_str("\r\n");
    };
    line(&mut header.iter().copied(), &mut out);
    for r in rows {
        line(&mut r.as_ref().iter().map(String::as_str), &mut out);
    }
    out.into_bytes()
}

/// A roster as CSV.
pub fn roster(roster: &Roster, lang: Lang) -> Vec<u8> {
    document(
        &Roster::headers(lang),
        roster.cells(lang).map(|mut cells| {
            cells[PHONE] = phone(&cells[PHONE]);
            cells
        }),
    )
}

/// The phone column of [`Roster::cells`].
const PHONE: usize = 5;

/// A phone number as a CSV value. Swedish numbers are kept in the national form
/// (`070-101 11 21`), which no spreadsheet takes for a formula or a number. A foreign number's
/// `+` would be, and the guard's apostrophe would then show in LibreOffice: it is written with
/// the international prefix dialled from Sweden instead (`0047 22 00 00 00`), which reads
/// back as the same number.
fn phone(value: &str) -> String {
    match value.strip_prefix('+') {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => format!("00{rest}"),
        _ => value.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised_and_separators_quoted() {
        for (raw, safe) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+46 23 123 45", "'+46 23 123 45"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("Falu kommun", "Falu kommun"),
            ("a=b", "a=b"),
        ] {
            assert_eq!(neutralise(raw), safe, "{raw:?}");
            assert_eq!(unneutralise(safe), raw, "{safe:?}");
        }
        assert_eq!(field("a;b"), "\"a;b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn phone_numbers_are_written_as_data_not_formulas() {
        for (kept, written) in [
            ("070-101 11 21", "070-101 11 21"),
            ("+47 22 00 00 00", "0047 22 00 00 00"),
            ("12345", "12345"),
        ] {
            assert_eq!(phone(kept), written);
            assert_eq!(field(&phone(kept)), written, "no guard needed");
        }
    }

    #[test]
    fn a_document_starts_with_a_bom_and_ends_lines_with_crlf() {
        let doc = document(&["A", "B"], [vec!["1".to_owned(), "=2".to_owned()]]);
        let text = String::from_utf8(doc).expect("utf-8");
        assert_eq!(text, "\u{feff}A;B\r\n1;'=2\r\n");
    }
}
