//! Reading a spreadsheet into rows of text: XLSX, XLSM and XLSB by their first sheet, streamed
//! cell by cell; ODS by its first sheet after a scan of its size; CSV separated by `;`, `,` or
//! tab, in UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252 (a file mixing
//! UTF-8 and another encoding is refused, naming the line). Whatever the bytes, the result is
//! rows or an error; never a panic, and never more memory than the limits below allow.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use calamine::{Data, DataRef, Reader};

use crate::error::{Limit, Unreadable};

/// At most this many rows are read (counted in the file, the header and blank rows included).
pub const MAX_ROWS: usize = 200_000;
/// At most this many columns are read.
pub const MAX_COLUMNS: usize = 64;
/// At most this many cells (each row's cells up to its last non-empty one, summed).
pub const MAX_CELLS: usize = 2_000_000;
/// One cell's text, in bytes (three times the longest value a field accepts,
/// `model::MAX_TEXT_CHARS`, in the widest Swedish letters).
pub const MAX_CELL_BYTES: usize = 32 * 1024;
/// All cells' text together, in bytes.
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;
/// An ODS sheet is held three times over (calamine's copy of every sheet with its formulas, the
/// copy it returns, our rows): at most this many cells (a quarter of [`MAX_CELLS`]).
pub const MAX_ODS_CELLS: usize = MAX_CELLS / 4;
/// And at most this much text in an ODS workbook, counting formulas and string values in
/// attributes (copied for every repeat): a quarter of [`MAX_TEXT_BYTES`].
pub const MAX_ODS_TEXT_BYTES: usize = MAX_TEXT_BYTES / 4;
/// A CSV file is read whole: at most this many bytes.
pub const MAX_CSV_BYTES: u64 = 64 * 1024 * 1024;
/// A workbook's parts (zip entries) together, inflated, by the sizes in its central directory
/// (which the zip reader holds each entry to).
pub const MAX_INFLATED_BYTES: u64 = 512 * 1024 * 1024;
/// One part of a workbook that calamine reads whole into memory (shared strings, styles,
/// the workbook, relationships; everything but the sheets, which are streamed), inflated.
pub const MAX_PART_BYTES: u64 = 24 * 1024 * 1024;

/// A sheet: the header row and the data rows, each a list of cells as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheet {
    pub header: Vec<String>,
    /// The data rows with their row number in the file (the header is row 1).
    pub rows: Vec<(usize, Vec<String>)>,
}

fn too_large(limit: Limit) -> Unreadable {
    Unreadable::TooLarge(limit)
}

fn io(e: &std::io::Error) -> Unreadable {
    Unreadable::Io(e.kind())
}

/// Reads the file at `path` by its extension: xlsx, xlsm, xlsb, ods as a workbook (xls is
/// refused); anything else as CSV.
pub fn read_path(path: &Path) -> Result<Sheet, Unreadable> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "xls" => Err(Unreadable::OldExcel),
        "xlsx" | "xlsm" | "xlsb" | "ods" => read_workbook(path, &ext),
        _ => {
            let file = File::open(path).map_err(|e| io(&e))?;
            let len = file.metadata().map_err(|e| io(&e))?.len();
            if len > MAX_CSV_BYTES {
                return Err(too_large(Limit::FileSize {
                    bytes: len,
                    max: MAX_CSV_BYTES,
                }));
            }
            let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
            // Held to the limit even if the file grows while it is read.
            file.take(MAX_CSV_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| io(&e))?;
            if bytes.len() as u64 > MAX_CSV_BYTES {
                return Err(too_large(Limit::FileSize {
                    bytes: bytes.len() as u64,
                    max: MAX_CSV_BYTES,
                }));
            }
            read_csv_vec(bytes)
        }
    }
}

/// Rows being read, held to the limits as each cell arrives. Empty cells are not stored: a
/// row holds its cells up to its last non-empty one.
#[derive(Default)]
struct Grid {
    rows: Vec<Vec<String>>,
    cells: usize,
    text: usize,
}

impl Grid {
    /// Puts a non-empty cell at (row, column), both from 0.
    fn put(&mut self, row: usize, col: usize, text: String) -> Result<(), Unreadable> {
        if text.is_empty() {
            return Ok(());
        }
        check_position(row, col)?;
        if text.len() > MAX_CELL_BYTES {
            return Err(too_large(Limit::CellSize {
                row: row as u64 + 1,
                column: col as u64 + 1,
                bytes: text.len() as u64,
                max: MAX_CELL_BYTES as u64,
            }));
        }
        self.text += text.len();
        if self.text > MAX_TEXT_BYTES {
            return Err(too_large(Limit::Text {
                bytes: self.text as u64,
                max: MAX_TEXT_BYTES as u64,
            }));
        }
        if self.rows.len() <= row {
            self.rows.resize_with(row + 1, Vec::new);
        }
        let cells = &mut self.rows[row];
        if cells.len() <= col {
            self.cells += col + 1 - cells.len();
            if self.cells > MAX_CELLS {
                return Err(too_large(Limit::Cells {
                    cells: self.cells as u64,
                    max: MAX_CELLS as u64,
                }));
            }
            cells.resize(col + 1, String::new());
        }
        self.text -= cells[col].len();
        cells[col] = text;
        Ok(())
    }
}

fn check_position(row: usize, col: usize) -> Result<(), Unreadable> {
    if row >= MAX_ROWS {
        return Err(too_large(Limit::Rows {
            row: row as u64 + 1,
            max: MAX_ROWS as u64,
        }));
    }
    if col >= MAX_COLUMNS {
        return Err(too_large(Limit::Columns {
            column: col as u64 + 1,
            max: MAX_COLUMNS as u64,
        }));
    }
    Ok(())
}

/// The sheet's declared size (`<dimension ref="A1:XFD1048576"/>`), checked before any cell is
/// read.
fn check_dimensions(d: calamine::Dimensions) -> Result<(), Unreadable> {
    check_position(d.end.0 as usize, d.end.1 as usize)
}

/// A cell as the import reads it: text as it is, whole numbers without a decimal point,
/// dates as `YYYY-MM-DD`, booleans as "ja"/"nej", errors as empty.
fn cell_text(c: Data) -> String {
    match c {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DurationIso(s) => s,
        Data::Float(f) => float_text(f),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => bool_text(b),
        Data::DateTime(d) => d
            .as_datetime()
            .map(|dt| dt.date().format("%Y-%m-%d").to_string())
            .unwrap_or_else(|| d.to_string()),
        Data::DateTimeIso(mut s) => {
            if s.is_char_boundary(10) {
                s.truncate(10);
            }
            s
        }
    }
}

/// [`cell_text`] of a streamed cell; a shared string longer than a cell may be is refused
/// (with its length) before it is copied.
fn cell_ref_text(c: DataRef<'_>) -> Result<String, usize> {
    match c {
        DataRef::SharedString(s) if s.len() > MAX_CELL_BYTES => Err(s.len()),
        c => Ok(cell_text(Data::from(c))),
    }
}

fn float_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

fn bool_text(b: bool) -> String {
    if b { "ja" } else { "nej" }.to_owned()
}

fn put_ref(grid: &mut Grid, (row, col): (u32, u32), value: DataRef<'_>) -> Result<(), Unreadable> {
    let (row, col) = (row as usize, col as usize);
    let text = cell_ref_text(value).map_err(|bytes| {
        too_large(Limit::CellSize {
            row: row as u64 + 1,
            column: col as u64 + 1,
            bytes: bytes as u64,
            max: MAX_CELL_BYTES as u64,
        })
    })?;
    grid.put(row, col, text)
}

/// The parts of a zip whose sizes are checked, and which of them are streamed (not read whole).
fn check_zip(path: &Path, streamed: impl Fn(&str) -> bool) -> Result<(), Unreadable> {
    let file = File::open(path).map_err(|e| io(&e))?;
    let zip = zip::ZipArchive::new(BufReader::new(file))
        .map_err(|e| Unreadable::NotASpreadsheet(e.to_string()))?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip
            .by_index_data(i)
            .map_err(|e| Unreadable::NotASpreadsheet(e.to_string()))?;
        let size = entry.size();
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        total = total.saturating_add(size);
        if total > MAX_INFLATED_BYTES {
            return Err(too_large(Limit::Inflated {
                bytes: total,
                max: MAX_INFLATED_BYTES,
            }));
        }
        if size > MAX_PART_BYTES && !streamed(&name.to_lowercase()) {
            return Err(too_large(Limit::Part {
                name,
                bytes: size,
                max: MAX_PART_BYTES,
            }));
        }
    }
    Ok(())
}

/// A streamed part is parsed by quick-xml, which holds one text node or one tag in memory at a
/// time: none may be longer than this (a cell's longest text, escaped).
const MAX_XML_RUN: usize = 8 * MAX_CELL_BYTES;

/// Checks, reading each streamed part inflated as a stream, that no text or tag in it is
/// longer than [`MAX_XML_RUN`] bytes.
fn check_xml_runs(path: &Path, streamed: impl Fn(&str) -> bool) -> Result<(), Unreadable> {
    let file = File::open(path).map_err(|e| io(&e))?;
    let mut zip = zip::ZipArchive::new(BufReader::new(file)).map_err(not_a_spreadsheet)?;
    let mut buf = vec![0u8; 64 * 1024];
    for i in 0..zip.len() {
        let name = zip
            .by_index_data(i)
            .map_err(not_a_spreadsheet)?
            .name()
            .map(|n| n.into_owned())
            .unwrap_or_default();
        if !streamed(&name.to_lowercase()) {
            continue;
        }
        let mut entry = zip.by_index(i).map_err(not_a_spreadsheet)?;
        let mut run = 0usize;
        loop {
            let n = entry.read(&mut buf).map_err(not_a_spreadsheet)?;
            if n == 0 {
                break;
            }
            for b in &buf[..n] {
                if matches!(b, b'<' | b'>') {
                    run = 0;
                } else {
                    run += 1;
                    if run > MAX_XML_RUN {
                        return Err(too_large(Limit::XmlRun {
                            part: name,
                            max: MAX_XML_RUN as u64,
                        }));
                    }
                }
            }
        }
    }
    Ok(())
}

fn read_workbook(path: &Path, ext: &str) -> Result<Sheet, Unreadable> {
    let grid = match ext {
        "ods" => {
            let streamed = |name: &str| name == "content.xml";
            check_zip(path, streamed)?;
            check_xml_runs(path, streamed)?;
            check_ods(path)?;
            read_ods(path)?
        }
        "xlsb" => {
            check_zip(path, |_| false)?;
            read_xlsb(path)?
        }
        _ => {
            let streamed = |name: &str| name.starts_with("xl/worksheets/");
            check_zip(path, streamed)?;
            check_xml_runs(path, streamed)?;
            read_xlsx(path)?
        }
    };
    into_sheet(grid.rows, 0)
}

fn not_a_spreadsheet(e: impl std::fmt::Display) -> Unreadable {
    Unreadable::NotASpreadsheet(e.to_string())
}

fn sheet_unreadable(e: impl std::fmt::Display) -> Unreadable {
    Unreadable::SheetUnreadable(e.to_string())
}

fn read_xlsx(path: &Path) -> Result<Grid, Unreadable> {
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(path).map_err(not_a_spreadsheet)?;
    let name = wb
        .sheet_names()
        .first()
        .cloned()
        .ok_or(Unreadable::NoSheets)?;
    let mut cells = wb.worksheet_cells_reader(&name).map_err(sheet_unreadable)?;
    check_dimensions(cells.dimensions())?;
    let mut grid = Grid::default();
    while let Some(cell) = cells.next_cell().map_err(sheet_unreadable)? {
        let pos = cell.get_position();
        put_ref(&mut grid, pos, cell.get_value().clone())?;
    }
    Ok(grid)
}

fn read_xlsb(path: &Path) -> Result<Grid, Unreadable> {
    let mut wb: calamine::Xlsb<_> = calamine::open_workbook(path).map_err(not_a_spreadsheet)?;
    let name = wb
        .sheet_names()
        .first()
        .cloned()
        .ok_or(Unreadable::NoSheets)?;
    let mut cells = wb.worksheet_cells_reader(&name).map_err(sheet_unreadable)?;
    check_dimensions(cells.dimensions())?;
    let mut grid = Grid::default();
    while let Some(cell) = cells.next_cell().map_err(sheet_unreadable)? {
        let pos = cell.get_position();
        put_ref(&mut grid, pos, cell.get_value().clone())?;
    }
    Ok(grid)
}

/// calamine reads an ODS workbook whole, every sheet expanded to the box around its cells, and
/// a cell or row may say it repeats up to a million times. This scan adds up, without
/// expanding anything, what that would hold, and refuses a workbook over the limits.
fn check_ods(path: &Path) -> Result<(), Unreadable> {
    use quick_xml::events::Event;
    let file = File::open(path).map_err(|e| io(&e))?;
    let mut zip = zip::ZipArchive::new(BufReader::new(file)).map_err(not_a_spreadsheet)?;
    let entry = zip.by_name("content.xml").map_err(not_a_spreadsheet)?;
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(entry));
    let mut buf = Vec::new();
    let repeat = |e: &quick_xml::events::BytesStart<'_>, attr: &str| -> usize {
        e.try_get_attribute(attr)
            .ok()
            .flatten()
            .and_then(|a| a.value.trim().parse().ok())
            .unwrap_or(1)
    };
    // The sheet being scanned: its row, the rows and columns of its box, and the cells and
    // text of all sheets so far.
    let (mut row, mut rows, mut cols) = (0usize, 0usize, 0usize);
    let (mut cells, mut text) = (0usize, 0usize);
    // The row being scanned: its repeat count, its column, its last non-empty column, its text.
    let (mut row_repeat, mut col, mut row_width, mut row_text) = (1usize, 0usize, 0usize, 0usize);
    // The cell being scanned (inside a non-empty `table:table-cell`): its repeat count.
    let mut cell_repeat: Option<usize> = None;
    loop {
        buf.clear();
        let event = xml.read_event_into(&mut buf).map_err(not_a_spreadsheet)?;
        let open = matches!(event, Event::Start(_));
        match event {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "table:table" => {
                cells = cells.saturating_add(rows.saturating_mul(cols));
                (row, rows, cols) = (0, 0, 0);
            }
            Event::Start(e) if e.name().as_ref() == "table:table-row" => {
                row_repeat = repeat(&e, "table:number-rows-repeated");
                (col, row_width, row_text) = (0, 0, 0);
            }
            Event::Empty(e) if e.name().as_ref() == "table:table-row" => {
                row = row.saturating_add(repeat(&e, "table:number-rows-repeated"));
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                if row_width > 0 {
                    rows = row.saturating_add(row_repeat);
                    cols = cols.max(row_width);
                    text = text.saturating_add(row_text.saturating_mul(row_repeat));
                    if rows > MAX_ROWS {
                        return Err(too_large(Limit::Rows {
                            row: rows as u64,
                            max: MAX_ROWS as u64,
                        }));
                    }
                    if cols > MAX_COLUMNS {
                        return Err(too_large(Limit::Columns {
                            column: cols as u64,
                            max: MAX_COLUMNS as u64,
                        }));
                    }
                    let all = cells.saturating_add(rows.saturating_mul(cols));
                    if all > MAX_ODS_CELLS {
                        return Err(too_large(Limit::Cells {
                            cells: all as u64,
                            max: MAX_ODS_CELLS as u64,
                        }));
                    }
                    if text > MAX_ODS_TEXT_BYTES {
                        return Err(too_large(Limit::Text {
                            bytes: text as u64,
                            max: MAX_ODS_TEXT_BYTES as u64,
                        }));
                    }
                }
                row = row.saturating_add(row_repeat);
                row_repeat = 1;
            }
            Event::Start(e) | Event::Empty(e)
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                let n = repeat(&e, "table:number-columns-repeated");
                let valued = e
                    .try_get_attribute("office:value-type")
                    .ok()
                    .flatten()
                    .is_some();
                col = col.saturating_add(n);
                // A formula or a string value in the tag is copied for every repeat.
                let copied: usize = e
                    .attributes()
                    .flatten()
                    .filter(|a| matches!(a.key.as_ref(), "table:formula" | "office:string-value"))
                    .map(|a| a.value.len())
                    .sum();
                row_text = row_text.saturating_add(copied.saturating_mul(n));
                if valued || open {
                    // Counted as non-empty when it might be: a value type, or any content.
                    row_width = col;
                }
                cell_repeat = open.then_some(n);
            }
            Event::End(e)
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                cell_repeat = None;
            }
            Event::Text(t) => {
                if let Some(n) = cell_repeat {
                    row_text = row_text.saturating_add(t.len().saturating_mul(n));
                }
            }
            Event::CData(t) => {
                if let Some(n) = cell_repeat {
                    row_text = row_text.saturating_add(t.len().saturating_mul(n));
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

fn read_ods(path: &Path) -> Result<Grid, Unreadable> {
    let mut wb: calamine::Ods<_> = calamine::open_workbook(path).map_err(not_a_spreadsheet)?;
    let range = wb
        .worksheet_range_at(0)
        .ok_or(Unreadable::NoSheets)?
        .map_err(sheet_unreadable)?;
    drop(wb);
    let (top, left) = range
        .start()
        .map_or((0, 0), |(r, c)| (r as usize, c as usize));
    let mut grid = Grid::default();
    for (r, c, value) in range.used_cells() {
        grid.put(top + r, left + c, cell_text(value.clone()))?;
    }
    Ok(grid)
}

/// Decodes CSV bytes: UTF-16 by its byte-order mark; UTF-8 when valid (BOM dropped); a file
/// whose lines are partly UTF-8 and partly not is refused, naming the first line that differs
/// from the majority; otherwise Windows-1252.
pub fn decode(bytes: &[u8]) -> Result<String, Unreadable> {
    decode_vec(bytes.to_vec())
}

/// [`decode`] of bytes it may keep: valid UTF-8 becomes the text without a copy.
fn decode_vec(mut bytes: Vec<u8>) -> Result<String, Unreadable> {
    let utf16 = if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        Some(encoding_rs::UTF_16LE.decode_without_bom_handling_and_without_replacement(rest))
    } else {
        bytes.strip_prefix(b"\xFE\xFF").map(|rest| {
            encoding_rs::UTF_16BE.decode_without_bom_handling_and_without_replacement(rest)
        })
    };
    if let Some(text) = utf16 {
        let text = text.ok_or(Unreadable::BadUtf16)?;
        if text.contains('\0') {
            return Err(Unreadable::Binary);
        }
        return Ok(text.into_owned());
    }
    if bytes.contains(&0) {
        return Err(Unreadable::Binary);
    }
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    if bom {
        bytes.drain(..3);
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(s) => return Ok(s),
        Err(e) => e.into_bytes(),
    };
    // Not all UTF-8: which lines are, and which are not?
    let (mut utf8, mut other) = (0usize, 0usize);
    let (mut first_utf8, mut first_other) = (None, None);
    for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
        if line.is_ascii() {
            continue;
        }
        if std::str::from_utf8(line).is_ok() {
            utf8 += 1;
            first_utf8.get_or_insert(i + 1);
        } else {
            other += 1;
            first_other.get_or_insert(i + 1);
        }
    }
    // A BOM says the file is UTF-8: then every other line is the odd one.
    match (first_utf8, first_other) {
        (Some(_), Some(o)) if bom || utf8 >= other => Err(Unreadable::MixedEncoding {
            line: o,
            rest_utf8: true,
        }),
        (Some(u), Some(_)) => Err(Unreadable::MixedEncoding {
            line: u,
            rest_utf8: false,
        }),
        (None, Some(o)) if bom => Err(Unreadable::MixedEncoding {
            line: o,
            rest_utf8: true,
        }),
        _ => Ok(encoding_rs::WINDOWS_1252.decode(&bytes).0.into_owned()),
    }
}

/// Parses CSV (quotes doubled inside quoted fields, line breaks allowed inside quotes; a row
/// ends at `\r\n`, `\n` or a lone `\r`), with `;`, `,` or tab as the separator, whichever the
/// first line has most of outside quotes.
pub fn read_csv(bytes: &[u8]) -> Result<Sheet, Unreadable> {
    read_csv_vec(bytes.to_vec())
}

/// [`read_csv`] of bytes it may keep (and drop once decoded).
fn read_csv_vec(bytes: Vec<u8>) -> Result<Sheet, Unreadable> {
    let text = decode_vec(bytes)?;
    let sep = separator(&text);
    let grid = parse_csv(&text, sep)?;
    drop(text);
    into_sheet(grid.rows, 0)
}

fn separator(text: &str) -> char {
    let (mut semi, mut comma, mut tab, mut quoted) = (0, 0, 0, false);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => semi += 1,
            ',' if !quoted => comma += 1,
            '\t' if !quoted => tab += 1,
            '\n' | '\r' if !quoted => break,
            _ => {}
        }
    }
    if tab > semi && tab > comma {
        '\t'
    } else if comma > semi {
        ','
    } else {
        ';'
    }
}

/// The line breaks in a run of `\r` and `\n`: `\r\n`, a lone `\r` and a lone `\n` each end a
/// line.
fn line_breaks(run: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < run.len() {
        i += if run[i] == b'\r' && run.get(i + 1) == Some(&b'\n') {
            2
        } else {
            1
        };
        n += 1;
    }
    n
}

/// Parses CSV with the csv crate's own parser (csv-core), one field at a time, so that every
/// cell is held to the limits as it arrives (a line of a million separators builds no record
/// of a million fields first). `\r\n`, `\n` and a lone `\r` end a row; quoted fields keep
/// their line breaks and quotes are doubled inside them. Rows are counted as a spreadsheet
/// counts them: a blank line is a row, a cell over two lines is one.
fn parse_csv(text: &str, sep: char) -> Result<Grid, Unreadable> {
    let bytes = text.as_bytes();
    let mut reader = csv_core::ReaderBuilder::new()
        .delimiter(u8::try_from(sep).unwrap_or(b';'))
        .build();
    let mut grid = Grid::default();
    let (mut row, mut col) = (0usize, 0usize);
    // The cell's bytes, kept up to one past the limit; `len` counts them all.
    let mut field: Vec<u8> = Vec::new();
    let mut len = 0usize;
    let mut buf = [0u8; 8 * 1024];
    let mut at = 0usize;
    // The next bytes begin a row; the last row ended at a `\r` (its `\n`, if any, comes next).
    let (mut row_start, mut after_cr) = (true, false);
    loop {
        // The text was decoded and its byte-order mark dropped: a second one is text, so the
        // first call is too short for the parser to take it for a mark.
        let end = if at == 0 && bytes.starts_with(b"\xEF\xBB\xBF") {
            1
        } else {
            bytes.len()
        };
        let (result, nin, nout) = reader.read_field(&bytes[at..end], &mut buf);
        if row_start && nin > 0 {
            // Before a row's first cell: the rest of the last row's end and the blank lines.
            let consumed = &bytes[at..at + nin];
            let run = consumed
                .iter()
                .position(|b| *b != b'\r' && *b != b'\n')
                .map_or(consumed, |i| &consumed[..i]);
            let run = match run {
                [b'\n', rest @ ..] if after_cr => rest,
                run => run,
            };
            row += line_breaks(run);
            row_start = false;
        }
        at += nin;
        if field.len() <= MAX_CELL_BYTES {
            let keep = nout.min(MAX_CELL_BYTES + 1 - field.len());
            field.extend_from_slice(&buf[..keep]);
        }
        len += nout;
        match result {
            csv_core::ReadFieldResult::InputEmpty | csv_core::ReadFieldResult::OutputFull => {}
            csv_core::ReadFieldResult::End => break,
            csv_core::ReadFieldResult::Field { record_end } => {
                if len > MAX_CELL_BYTES {
                    check_position(row, col)?;
                    return Err(too_large(Limit::CellSize {
                        row: row as u64 + 1,
                        column: col as u64 + 1,
                        bytes: len as u64,
                        max: MAX_CELL_BYTES as u64,
                    }));
                }
                let cell = String::from_utf8(std::mem::take(&mut field))
                    .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
                len = 0;
                grid.put(row, col, cell)?;
                if record_end {
                    (row, col) = (row + 1, 0);
                    row_start = true;
                    after_cr = at > 0 && bytes[at - 1] == b'\r';
                } else {
                    col += 1;
                }
            }
        }
    }
    Ok(grid)
}

/// The first non-empty row is the header; empty rows are dropped; numbers count from 1.
fn into_sheet(rows: Vec<Vec<String>>, first_row: usize) -> Result<Sheet, Unreadable> {
    let mut numbered = rows
        .into_iter()
        .enumerate()
        .map(|(i, mut r)| {
            // The rows grew a cell at a time; their spare capacity would be a third more.
            r.shrink_to_fit();
            (first_row + i + 1, r)
        })
        .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()));
    let (_, header) = numbered.next().ok_or(Unreadable::Empty)?;
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

    #[test]
    fn a_lone_cr_ends_a_row_as_crlf_and_lf_do() {
        let rows = |bytes: &[u8]| read_csv(bytes).expect("csv").rows;
        let expected = vec![
            (2, vec!["Anna Berg".to_owned(), "Falu kommun".to_owned()]),
            (3, vec!["Per Öberg".to_owned(), "Gävle kommun".to_owned()]),
        ];
        for end in ["\r", "\n", "\r\n"] {
            let text = format!(
                "Namn;Organisation{end}Anna Berg;Falu kommun{end}Per Öberg;Gävle kommun{end}"
            );
            assert_eq!(rows(text.as_bytes()), expected, "rows ended by {end:?}");
        }
        // Blank lines count as rows in any of the three; a quoted line break stays in its cell.
        for end in ["\r", "\n", "\r\n"] {
            let text = format!("a;b{end}{end}\"one{end}cell\";x{end}{end}{end}last;1");
            let s = read_csv(text.as_bytes()).expect("csv");
            assert_eq!(
                s.rows,
                vec![
                    (3, vec![format!("one{end}cell"), "x".to_owned()]),
                    (6, vec!["last".to_owned(), "1".to_owned()]),
                ],
                "rows ended by {end:?}"
            );
        }
        // The separator is read from the first row, which a lone CR ends.
        let s = read_csv(b"a;b;c\rd,e;f\r").expect("csv");
        assert_eq!(s.header, vec!["a", "b", "c"]);
        assert_eq!(s.rows, vec![(2, vec!["d,e".to_owned(), "f".to_owned()])]);
    }

    #[test]
    fn a_second_byte_order_mark_is_text_and_a_long_cell_is_refused_with_its_size() {
        let s = read_csv("\u{feff}\u{feff}Namn;Ort\nÅsa;Mora\n".as_bytes()).expect("csv");
        assert_eq!(s.header[0], "\u{feff}Namn");
        let long = format!("a;b\nx;\"{}\"\n", "y".repeat(MAX_CELL_BYTES + 10));
        match read_csv(long.as_bytes()) {
            Err(Unreadable::TooLarge(Limit::CellSize {
                row, column, bytes, ..
            })) => assert_eq!((row, column, bytes), (2, 2, MAX_CELL_BYTES as u64 + 10)),
            other => panic!("{other:?}"),
        }
    }
}
