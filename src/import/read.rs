//! Reading a spreadsheet into rows of text: XLSX (and the other formats calamine reads) by its
//! first sheet, CSV separated by `;` or `,`, in UTF-8 (with or without BOM) or Windows-1252.
//! Whatever the bytes, the result is rows or an error; never a panic.

use std::path::Path;

use calamine::{Data, Reader};

/// A sheet: the header row and the data rows, each a list of cells as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheet {
    pub header: Vec<String>,
    /// The data rows with their row number in the file (the header is row 1).
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Why a file could not be read (for the user, in Swedish and English).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub sv: String,
    pub en: String,
}

fn unreadable(sv: &str, en: &str) -> Unreadable {
    Unreadable {
        sv: sv.to_owned(),
        en: en.to_owned(),
    }
}

/// Reads the file at `path` by its extension: xlsx, xlsm, xlsb, xls, ods as a workbook;
/// anything else as CSV.
pub fn read_path(path: &Path) -> Result<Sheet, Unreadable> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if matches!(ext.as_str(), "xlsx" | "xlsm" | "xlsb" | "xls" | "ods") {
        read_workbook(path)
    } else {
        let bytes = std::fs::read(path).map_err(|e| Unreadable {
            sv: format!("filen kan inte läsas ({e})"),
            en: format!("the file cannot be read ({e})"),
        })?;
        read_csv(&bytes)
    }
}

fn cell_text(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "ja" } else { "nej" }.to_owned(),
        Data::DateTime(d) => d
            .as_datetime()
            .map(|dt| dt.date().format("%Y-%m-%d").to_string())
            .unwrap_or_else(|| d.to_string()),
        Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_owned(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(_) => String::new(),
    }
}

fn read_workbook(path: &Path) -> Result<Sheet, Unreadable> {
    let mut wb = calamine::open_workbook_auto(path).map_err(|e| Unreadable {
        sv: format!("det är inget kalkylark som kan läsas ({e})"),
        en: format!("it is not a readable spreadsheet ({e})"),
    })?;
    let range = wb
        .worksheet_range_at(0)
        .ok_or_else(|| unreadable("arbetsboken har inga blad", "the workbook has no sheets"))?
        .map_err(|e| Unreadable {
            sv: format!("det första bladet kan inte läsas ({e})"),
            en: format!("the first sheet cannot be read ({e})"),
        })?;
    let start_row = range.start().map_or(0, |(r, _)| r as usize);
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(cell_text).collect())
        .collect();
    into_sheet(rows, start_row)
}

/// Decodes CSV bytes: UTF-8 when valid (BOM dropped), otherwise Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// Parses CSV (quotes doubled inside quoted fields, line breaks allowed inside quotes), with
/// `;` or `,` as the separator, whichever the first line has more of outside quotes.
pub fn read_csv(bytes: &[u8]) -> Result<Sheet, Unreadable> {
    if bytes.contains(&0) {
        return Err(unreadable(
            "filen innehåller binära data; spara den som CSV eller XLSX",
            "the file holds binary data; save it as CSV or XLSX",
        ));
    }
    let text = decode(bytes);
    let sep = separator(&text);
    let rows = parse_csv(&text, sep);
    into_sheet(rows, 0)
}

fn separator(text: &str) -> char {
    let (mut semi, mut comma, mut quoted) = (0, 0, false);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => semi += 1,
            ',' if !quoted => comma += 1,
            '\n' if !quoted => break,
            _ => {}
        }
    }
    if comma > semi { ',' } else { ';' }
}

fn parse_csv(text: &str, sep: char) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            c if c == sep => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            c => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// The first non-empty row is the header; empty rows are dropped; numbers count from 1.
fn into_sheet(rows: Vec<Vec<String>>, first_row: usize) -> Result<Sheet, Unreadable> {
    let mut numbered = rows
        .into_iter()
        .enumerate()
        .map(|(i, r)| (first_row + i + 1, r))
        .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()));
    let (_, header) = numbered.next().ok_or_else(|| {
        unreadable(
            "filen är tom (ingen rubrikrad)",
            "the file is empty (no header row)",
        )
    })?;
    let header: Vec<String> = header.into_iter().map(|h| h.trim().to_owned()).collect();
    Ok(Sheet {
        header,
        rows: numbered.collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semicolons_and_commas_are_told_apart() {
        let s = read_csv(b"Namn;Organisation\nAnna Berg;Falu kommun\n").expect("csv");
        assert_eq!(s.header, vec!["Namn", "Organisation"]);
        assert_eq!(
            s.rows,
            vec![(2, vec!["Anna Berg".into(), "Falu kommun".into()])]
        );
        let s = read_csv(b"Name,Organisation\r\n\"Berg, Anna\",Falu kommun\r\n").expect("csv");
        assert_eq!(s.rows[0].1, vec!["Berg, Anna", "Falu kommun"]);
    }

    #[test]
    fn quotes_line_breaks_and_empty_rows() {
        let s =
            read_csv("a;b\n\"x \"\"y\"\"\";\"two\nlines\"\n;\n\nlast;1".as_bytes()).expect("csv");
        assert_eq!(s.rows.len(), 2);
        assert_eq!(s.rows[0].1, vec!["x \"y\"", "two\nlines"]);
        // Rows count records, as a spreadsheet does: the two-line cell is one row.
        assert_eq!(s.rows[1], (5, vec!["last".into(), "1".into()]));
    }

    #[test]
    fn windows_1252_and_a_utf8_bom_are_decoded() {
        let latin = b"Namn;Ort\nP\xe4r \xd6berg;G\xe4vle\n";
        let s = read_csv(latin).expect("csv");
        assert_eq!(s.rows[0].1, vec!["Pär Öberg", "Gävle"]);
        let bom = "\u{feff}Namn;Ort\nÅsa;Mora\n".as_bytes();
        let s = read_csv(bom).expect("csv");
        assert_eq!(s.header[0], "Namn");
    }

    #[test]
    fn an_empty_or_binary_file_is_unreadable() {
        assert!(read_csv(b"").is_err());
        assert!(read_csv(b"\n\n;;\n").is_err());
        assert!(read_csv(b"PK\x03\x04\x00\x00").is_err());
    }
}
