//! The drawing list: what a document looks like, independent of the PDF library. Positions
//! are in points (1/72 inch) from the page's top-left corner; a text run's `y` is its
//! baseline. [`Document::outline`] prints the list one item a line, for snapshot tests.

use std::fmt::Write;

use chrono::{DateTime, Utc};

use crate::lang::Lang;

/// Page size and margins, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSetup {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

impl PageSetup {
    /// A4 portrait with margins of about 22 mm at the sides and room for a footer.
    pub fn a4() -> PageSetup {
        PageSetup {
            width: 595.28,
            height: 841.89,
            left: 62.0,
            right: 62.0,
            top: 56.0,
            bottom: 72.0,
        }
    }

    /// A4 landscape, for wide tables, with the same margins.
    pub fn a4_landscape() -> PageSetup {
        let p = PageSetup::a4();
        PageSetup {
            width: p.height,
            height: p.width,
            left: 48.0,
            right: 48.0,
            ..p
        }
    }
}

/// A face of the document font.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    Regular,
    Bold,
}

/// A run of text on one line.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub x: f32,
    /// The baseline, from the top of the page.
    pub y: f32,
    pub size: f32,
    pub style: Style,
    /// 0.0 black … 1.0 white.
    pub gray: f32,
    pub text: String,
}

/// One thing drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(TextRun),
    /// A straight line `width` points thick.
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        gray: f32,
    },
    /// A rectangle from its top-left corner, filled with `fill` (a gray) when given, and
    /// outlined `stroke` points thick when given.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<f32>,
        stroke: Option<f32>,
    },
}

/// One page's drawing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
}

impl Page {
    /// The page's text, line by line in drawing order (for tests and previews).
    pub fn text(&self) -> Vec<&str> {
        self.items
            .iter()
            .filter_map(|i| match i {
                Item::Text(t) => Some(t.text.as_str()),
                _ => None,
            })
            .collect()
    }
}

/// What the PDF says about itself (its document information).
#[derive(Debug, Clone, PartialEq)]
pub struct DocInfo {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub created: DateTime<Utc>,
    /// The language the document is written in (the PDF's `/Lang`).
    pub lang: Lang,
}

/// A bookmark: an entry of the PDF's outline, opening `page` (counted from 0).
#[derive(Debug, Clone, PartialEq)]
pub struct Bookmark {
    pub title: String,
    pub page: usize,
}

/// A whole document: page size in points, the pages and the bookmarks.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub info: DocInfo,
    pub width: f32,
    pub height: f32,
    /// Where the body of a page starts and ends, from the top of the page: text above `top`
    /// (a running head) or below `bottom` (the footer) repeats on every page, and is tagged
    /// as a pagination artifact rather than as content.
    pub top: f32,
    pub bottom: f32,
    pub pages: Vec<Page>,
    /// The outline (bookmarks) shown beside the pages, in order; empty for most documents.
    pub bookmarks: Vec<Bookmark>,
}

impl Document {
    /// A document of `pages` laid out on `setup`'s page size.
    pub fn new(setup: PageSetup, info: DocInfo, pages: Vec<Page>) -> Document {
        Document {
            info,
            width: setup.width,
            height: setup.height,
            top: setup.top,
            bottom: setup.height - setup.bottom,
            pages,
            bookmarks: Vec::new(),
        }
    }

    /// Adds a bookmark to the outline, opening `page` (counted from 0).
    pub fn bookmark(&mut self, title: &str, page: usize) {
        self.bookmarks.push(Bookmark {
            title: title.to_owned(),
            page,
        });
    }

    /// Appends another document's pages (for a combined file). Page sizes must agree; the
    /// other's information is dropped; its bookmarks follow, moved to where its pages now are.
    pub fn append(&mut self, other: Document) {
        let start = self.pages.len();
        self.pages.extend(other.pages);
        self.bookmarks
            .extend(other.bookmarks.into_iter().map(|b| Bookmark {
                title: b.title,
                page: b.page + start,
            }));
    }

    /// Every item, one a line, positions rounded to a tenth of a point: the layout's
    /// snapshot.
    pub fn outline(&self) -> String {
        let mut s = String::new();
        for (n, page) in self.pages.iter().enumerate() {
            let _ = writeln!(s, "page {}", n + 1);
            for item in &page.items {
                let _ = match item {
                    Item::Text(t) => writeln!(
                        s,
                        "  text {:.1},{:.1} {}{:.1} {:?}",
                        t.x,
                        t.y,
                        if t.style == Style::Bold { "bold " } else { "" },
                        t.size,
                        t.text
                    ),
                    Item::Line {
                        x1,
                        y1,
                        x2,
                        y2,
                        width,
                        ..
                    } => writeln!(s, "  line {x1:.1},{y1:.1} {x2:.1},{y2:.1} w{width:.1}"),
                    Item::Rect {
                        x, y, w, h, fill, ..
                    } => writeln!(
                        s,
                        "  rect {x:.1},{y:.1} {w:.1}x{h:.1}{}",
                        if fill.is_some() { " filled" } else { "" }
                    ),
                };
            }
        }
        s
    }
}
