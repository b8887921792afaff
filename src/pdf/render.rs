//! The drawing list rendered to PDF. This is the only module that calls printpdf (pinned
//! `=0.12.8`, with its `text_layout` feature, which is what makes it subset fonts): the rest
//! of the layout code does not depend on it.

use std::sync::OnceLock;

use chrono::{Datelike, Timelike};
use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Op, PaintMode, ParsedFont, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem, TextMatrix,
};

use super::draw::{DocInfo, Document, Item, Style};
use super::font::{BOLD_TTF, REGULAR_TTF};

static PARSED: OnceLock<Option<(ParsedFont, ParsedFont)>> = OnceLock::new();

fn parsed() -> Option<&'static (ParsedFont, ParsedFont)> {
    PARSED
        .get_or_init(|| {
            let mut warnings = Vec::new();
            Some((
                ParsedFont::from_bytes(REGULAR_TTF, 0, &mut warnings)?,
                ParsedFont::from_bytes(BOLD_TTF, 0, &mut warnings)?,
            ))
        })
        .as_ref()
}

/// Why a document could not be rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenderError {
    /// The embedded font could not be read (a damaged build).
    Font,
}

fn pdf_date(at: chrono::DateTime<chrono::Utc>) -> printpdf::DateTime {
    let n = |v: u32| u8::try_from(v).unwrap_or(0);
    printpdf::DateTime {
        date: printpdf::Date {
            year: at.year(),
            month: n(at.month()),
            day: n(at.day()),
        },
        time: printpdf::Time {
            hour: n(at.hour()),
            minute: n(at.minute()),
            second: n(at.second()),
            millisecond: 0,
        },
        offset: printpdf::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    }
}

fn gray(g: f32) -> Color {
    Color::Greyscale(Greyscale {
        percent: g.clamp(0.0, 1.0),
        icc_profile: None,
    })
}

fn set_info(pdf: &mut PdfDocument, info: &DocInfo) {
    let i = &mut pdf.metadata.info;
    i.document_title = info.title.clone();
    i.author = info.author.clone();
    i.subject = info.subject.clone();
    i.creator = "Samverkan".to_owned();
    i.producer = "Samverkan".to_owned();
    i.creation_date = pdf_date(info.created);
    i.modification_date = pdf_date(info.created);
    i.metadata_date = pdf_date(info.created);
}

fn page_ops(page: &super::draw::Page, height: f32, regular: &FontId, bold: &FontId) -> Vec<Op> {
    let mut ops = Vec::with_capacity(page.items.len() * 4);
    let mut in_text = false;
    let mut current: Option<(Style, u32)> = None;
    let mut fill: Option<u32> = None;
    for item in &page.items {
        match item {
            Item::Text(t) => {
                if !in_text {
                    ops.push(Op::StartTextSection);
                    in_text = true;
                    current = None;
                }
                let key = (t.style, t.size.to_bits());
                if current != Some(key) {
                    let font = match t.style {
                        Style::Regular => regular.clone(),
                        Style::Bold => bold.clone(),
                    };
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(font),
                        size: Pt(t.size),
                    });
                    current = Some(key);
                }
                if fill != Some(t.gray.to_bits()) {
                    ops.push(Op::SetFillColor { col: gray(t.gray) });
                    fill = Some(t.gray.to_bits());
                }
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(t.x), Pt(height - t.y)),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(t.text.clone())],
                });
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                gray: g,
            } => {
                if in_text {
                    ops.push(Op::EndTextSection);
                    in_text = false;
                }
                ops.push(Op::SetOutlineColor { col: gray(*g) });
                ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                let point = |x: f32, y: f32| LinePoint {
                    p: Point {
                        x: Pt(x),
                        y: Pt(height - y),
                    },
                    bezier: false,
                };
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![point(*x1, *y1), point(*x2, *y2)],
                        is_closed: false,
                    },
                });
            }
            Item::Rect {
                x,
                y,
                w,
                h,
                fill: f,
                stroke,
            } => {
                if in_text {
                    ops.push(Op::EndTextSection);
                    in_text = false;
                }
                let mode = match (f, stroke) {
                    (Some(_), Some(_)) => PaintMode::FillStroke,
                    (Some(_), None) => PaintMode::Fill,
                    (None, Some(_)) => PaintMode::Stroke,
                    (None, None) => continue,
                };
                if let Some(g) = f {
                    ops.push(Op::SetFillColor { col: gray(*g) });
                    fill = Some(g.to_bits());
                }
                if let Some(s) = stroke {
                    ops.push(Op::SetOutlineColor { col: gray(0.0) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(*s) });
                }
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(*x),
                        y: Pt(height - y - h),
                        width: Pt(*w),
                        height: Pt(*h),
                        mode: Some(mode),
                        winding_order: None,
                    },
                });
            }
        }
    }
    if in_text {
        ops.push(Op::EndTextSection);
    }
    ops
}

/// Renders the document: each font embedded once and subset to the glyphs used, the
/// document information set, streams compressed.
pub fn render(doc: &Document) -> Result<Vec<u8>, RenderError> {
    let (regular_font, bold_font) = parsed().ok_or(RenderError::Font)?;
    let mut pdf = PdfDocument::new(&doc.info.title);
    set_info(&mut pdf, &doc.info);
    let regular = pdf.add_font(regular_font);
    let bold = pdf.add_font(bold_font);
    let (w, h) = (Pt(doc.width), Pt(doc.height));
    let pages = doc
        .pages
        .iter()
        .map(|p| PdfPage::new(w.into(), h.into(), page_ops(p, doc.height, &regular, &bold)))
        .collect();
    pdf.with_pages(pages);
    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    Ok(pdf.save(&opts, &mut Vec::new()))
}
