//! A small layout layer for printed documents (mandate forms, rosters, attendance lists,
//! register extracts): measure and wrap text with the embedded font's own metrics, flow it onto
//! A4 pages with page breaks, keep blocks together, draw tables whose header repeats on every
//! page, number the pages "Sida n av N", and render the result to PDF.
//!
//! The pieces, from the bottom up:
//! - [`font`]: the embedded fonts (DejaVu Sans, regular and bold) and their metrics; which
//!   characters they can draw ([`Fonts::check`]).
//! - [`draw`]: the drawing list, a plain description of pages (text runs, lines, rectangles)
//!   in points from the page's top-left corner. Layout code produces it; tests can snapshot it.
//! - [`layout`]: [`Flow`], which writes paragraphs, headings, tables and kept-together blocks
//!   down the page and breaks pages, and [`wrap`].
//! - [`tags`]: the logical structure read from the drawing list (headings, paragraphs, lists,
//!   tables with header cells, artifacts), for a tagged PDF.
//! - [`render`]: the only module that calls printpdf and lopdf: drawing list in, tagged
//!   PDF/A-2b bytes out (fonts embedded and subset, language, title, author, subject, dates,
//!   bookmarks).

pub mod draw;
pub mod font;
pub mod layout;
pub mod render;
pub mod tags;

pub use draw::{Bookmark, DocInfo, Document, Item, Page, PageSetup, Style, TextRun};
pub use font::{Fonts, MissingGlyph};
pub use layout::{
    Column, Flow, LabelledBox, PAPER_MARGIN, Table, TitleBlock, overruns, page_label, wrap,
};
pub use render::{RenderError, render};

use crate::error::{Error, Internal};

/// The embedded fonts, or an error saying the build's font data is damaged (it is compiled in,
/// so this happens only to a broken build).
pub fn fonts() -> Result<&'static Fonts, Error> {
    Fonts::get().ok_or_else(|| Error::internal(Internal::Fonts, RenderError::Font))
}

/// A laid-out document as PDF bytes.
pub fn to_pdf(doc: &Document) -> Result<Vec<u8>, Error> {
    render(doc).map_err(|e| Error::internal(Internal::Fonts, e))
}
