//! Rosters as XLSX (rust_xlsxwriter): every cell a text cell (no formulas, no numbers that
//! Excel could reformat), a bold header row that stays in view, an autofilter, column widths
//! that fit the content, a print set-up (A4 landscape, one page wide, the header row on every
//! page, the title at the top and page numbers at the foot), and a title and author in the
//! file's properties.

use chrono::{DateTime, Utc};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::roster::Roster;
use crate::error::{Error, Internal};
use crate::lang::Lang;

fn xlsx_error(e: XlsxError) -> Error {
    Error::internal(Internal::Workbook, e)
}

/// Characters Excel's sheet names may not hold.
fn sheet_name(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    let trimmed = cleaned.trim_matches('\'').trim().to_owned();
    if trimmed.is_empty() {
        "Roster".to_owned()
    } else {
        trimmed
    }
}

/// What a workbook says about itself: the file's properties and the printed page's head.
#[derive(Debug, Clone)]
pub struct Described<'a> {
    /// The title, in the file's properties and at the top of every printed page.
    pub title: &'a str,
    pub subject: &'a str,
    /// Who made it (the network, as in the PDFs), in the file's properties.
    pub author: &'a str,
    pub created: DateTime<Utc>,
    pub lang: Lang,
}

impl Described<'_> {
    fn properties(&self) -> Result<DocProperties, Error> {
        let created =
            ExcelDateTime::from_timestamp(self.created.timestamp()).map_err(xlsx_error)?;
        Ok(DocProperties::new()
            .set_title(self.title)
            .set_subject(self.subject)
            .set_author(self.author)
            .set_comment(self.lang.pick("Skapad i Samverkan", "Made with Samverkan"))
            .set_creation_datetime(&created))
    }

    /// A4 landscape, one page wide (as many pages long as it takes), the first row repeated on
    /// every page, the title at the top and "Sida n av N" at the foot.
    fn print_setup(&self, ws: &mut Worksheet) -> Result<(), Error> {
        ws.set_landscape();
        ws.set_paper_size(9); // A4
        ws.set_print_fit_to_pages(1, 0);
        ws.set_repeat_rows(0, 0).map_err(xlsx_error)?;
        // `&` starts a code in Excel's header language: written `&&`.
        ws.set_header(format!("&L{}", self.title.replace('&', "&&")));
        ws.set_footer(self.lang.pick("&CSida &P av &N", "&CPage &P of &N"));
        Ok(())
    }
}

/// Rows of text as a workbook with one sheet.
pub fn document<I, R>(
    sheet: &str,
    header: &[&str],
    rows: I,
    described: &Described,
) -> Result<Vec<u8>, Error>
where
    I: IntoIterator<Item = R>,
    R: AsRef<[String]>,
{
    let mut wb = Workbook::new();
    wb.set_properties(&described.properties()?);
    // The fastest deflate level: a roster of 20,000 rows saves in half the time, a few
    // per cent larger.
    wb.set_zip_compression_level(1);
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(sheet)).map_err(xlsx_error)?;
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for (c, h) in header.iter().enumerate() {
        let col = u16::try_from(c)
            .map_err(|_| xlsx_error(XlsxError::ParameterError("columns".into())))?;
        ws.write_string_with_format(0, col, *h, &bold)
            .map_err(xlsx_error)?;
    }
    let mut last_row = 0u32;
    for (i, r) in rows.into_iter().enumerate() {
        let row = u32::try_from(i + 1)
            .map_err(|_| xlsx_error(XlsxError::ParameterError("rows".into())))?;
        for (c, v) in r.as_ref().iter().enumerate() {
            let col = u16::try_from(c)
                .map_err(|_| xlsx_error(XlsxError::ParameterError("columns".into())))?;
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(v.chars().count());
            }
            ws.write_string(row, col, v).map_err(xlsx_error)?;
        }
        last_row = row;
    }
    let last_col = u16::try_from(header.len().saturating_sub(1)).unwrap_or(0);
    ws.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    ws.autofilter(0, 0, last_row, last_col)
        .map_err(xlsx_error)?;
    described.print_setup(ws)?;
    for (c, w) in widths.iter().enumerate() {
        let col = u16::try_from(c).unwrap_or(0);
        // Character count plus a margin, within what stays readable.
        let width = (*w as f64 + 2.0).clamp(8.0, 60.0);
        ws.set_column_width(col, width).map_err(xlsx_error)?;
        // Text format for the column, so that what is typed later stays text too.
        ws.set_column_format(col, &text).map_err(xlsx_error)?;
    }
    wb.save_to_buffer().map_err(xlsx_error)
}

/// The import template: a sheet with the header row (text columns, bold, in view) and a
/// second sheet explaining each column.
pub fn template(
    sheet: &str,
    header: &[&str],
    explained_sheet: &str,
    explained_header: &[&str],
    explained: &[[String; 2]],
) -> Result<Vec<u8>, Error> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    let wrap = Format::new().set_text_wrap();
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(sheet)).map_err(xlsx_error)?;
    for (c, h) in header.iter().enumerate() {
        let col = u16::try_from(c)
            .map_err(|_| xlsx_error(XlsxError::ParameterError("columns".into())))?;
        ws.write_string_with_format(0, col, *h, &bold)
            .map_err(xlsx_error)?;
        let width = (h.chars().count() as f64 + 4.0).clamp(12.0, 40.0);
        ws.set_column_width(col, width).map_err(xlsx_error)?;
        ws.set_column_format(col, &text).map_err(xlsx_error)?;
    }
    ws.set_freeze_panes(1, 0).map_err(xlsx_error)?;
    let ex = wb.add_worksheet();
    ex.set_name(sheet_name(explained_sheet))
        .map_err(xlsx_error)?;
    for (c, h) in explained_header.iter().enumerate() {
        let col = u16::try_from(c)
            .map_err(|_| xlsx_error(XlsxError::ParameterError("columns".into())))?;
        ex.write_string_with_format(0, col, *h, &bold)
            .map_err(xlsx_error)?;
    }
    for (i, [name, what]) in explained.iter().enumerate() {
        let row = u32::try_from(i + 1)
            .map_err(|_| xlsx_error(XlsxError::ParameterError("rows".into())))?;
        ex.write_string(row, 0, name).map_err(xlsx_error)?;
        ex.write_string_with_format(row, 1, what, &wrap)
            .map_err(xlsx_error)?;
    }
    ex.set_column_width(0, 26.0).map_err(xlsx_error)?;
    ex.set_column_width(1, 90.0).map_err(xlsx_error)?;
    wb.save_to_buffer().map_err(xlsx_error)
}

/// A roster as XLSX.
pub fn roster(
    roster: &Roster,
    network: Option<&str>,
    lang: Lang,
    created: DateTime<Utc>,
) -> Result<Vec<u8>, Error> {
    let title = super::roster_pdf::title(roster, lang);
    let subject = format!(
        "{} {} {}",
        lang.pick("Ledamöter i", "Members of"),
        roster.group_name,
        lang.long_date(roster.day)
    );
    document(
        &roster.group_name,
        &Roster::headers(lang),
        roster.cells(lang),
        &Described {
            title: &title,
            subject: &subject,
            author: network.unwrap_or("Samverkan"),
            created,
            lang,
        },
    )
}
