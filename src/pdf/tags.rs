//! The logical structure of a drawing list, for a tagged PDF: which text runs are headings,
//! paragraphs, list items or table cells (and which table header cells), in reading order,
//! and which are pagination artifacts (the running head, the footer) or decoration (rules,
//! frames). It is read from the drawing list's own shapes, so that layout code need not say
//! it: a bold run of 14 points or more is a first-level heading, of 11 points or more a
//! second-level one; lines that follow each other at the same left edge, size and face are
//! one paragraph; a "•" run opens a list item; a filled, framed rectangle is a table's header
//! row, framed rectangles joined below it are its rows, the vertical rules in a row are its
//! column edges, and a header repeated at the top of the next page continues the table (the
//! repeated header is then an artifact).

use super::draw::{Document, Item, Style, TextRun};

/// A structure element's type (the standard structure types of PDF 1.7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Document,
    H1,
    H2,
    P,
    L,
    LI,
    Lbl,
    LBody,
    Table,
    TR,
    TH,
    TD,
}

impl Kind {
    /// The type's name, also used as the marked-content tag of its content.
    pub fn name(self) -> &'static [u8] {
        match self {
            Kind::Document => b"Document",
            Kind::H1 => b"H1",
            Kind::H2 => b"H2",
            Kind::P => b"P",
            Kind::L => b"L",
            Kind::LI => b"LI",
            Kind::Lbl => b"Lbl",
            Kind::LBody => b"LBody",
            Kind::Table => b"Table",
            Kind::TR => b"TR",
            Kind::TH => b"TH",
            Kind::TD => b"TD",
        }
    }
}

/// A child of a structure element: another element, or a marked run of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kid {
    Elem(usize),
    Content { page: usize, mcid: i32 },
}

/// A structure element; element 0 is the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Elem {
    pub kind: Kind,
    pub parent: Option<usize>,
    pub kids: Vec<Kid>,
}

/// How one item of a page is marked in its content stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Repeated on every page (running head, footer, a repeated table header).
    Pagination,
    /// Decoration: rules, frames, shading.
    Layout,
    /// Content of element `elem`, marked with `mcid`.
    Content { elem: usize, mcid: i32 },
}

/// The structure tree and how every item of every page is marked.
#[derive(Debug, Clone, PartialEq)]
pub struct Structure {
    pub elems: Vec<Elem>,
    /// Per page, one mark per item of the page.
    pub marks: Vec<Vec<Mark>>,
    /// Per page, the element of each marked-content id (the PDF's parent tree).
    pub parents: Vec<Vec<usize>>,
}

/// The paragraph (or heading, or list body) the next line may continue.
#[derive(Debug, Clone, Copy)]
struct Open {
    elem: usize,
    kind: Kind,
    x: f32,
    y: f32,
    size: f32,
    style: Style,
    gray: f32,
}

/// A table being read.
#[derive(Debug, Clone)]
struct TableState {
    elem: usize,
    x: f32,
    w: f32,
    /// The bottom of the last row.
    bottom: f32,
    row: Option<Row>,
}

#[derive(Debug, Clone)]
struct Row {
    elem: usize,
    y: f32,
    h: f32,
    header: bool,
    /// A header repeated on a following page: its text is an artifact.
    repeated: bool,
    edges: Vec<f32>,
    cells: Vec<usize>,
}

const EPS: f32 = 0.5;

fn near(a: f32, b: f32) -> bool {
    (a - b).abs() < EPS
}

struct Builder {
    elems: Vec<Elem>,
}

impl Builder {
    fn add(&mut self, kind: Kind, parent: usize) -> usize {
        let id = self.elems.len();
        self.elems.push(Elem {
            kind,
            parent: Some(parent),
            kids: Vec::new(),
        });
        self.elems[parent].kids.push(Kid::Elem(id));
        id
    }
}

fn kind_of(t: &TextRun) -> Kind {
    match t.style {
        Style::Bold if t.size >= 14.0 => Kind::H1,
        Style::Bold if t.size >= 11.0 => Kind::H2,
        _ => Kind::P,
    }
}

/// Reads the structure of `doc` (see the module's description).
pub fn structure(doc: &Document) -> Structure {
    let mut b = Builder {
        elems: vec![Elem {
            kind: Kind::Document,
            parent: None,
            kids: Vec::new(),
        }],
    };
    let mut marks = Vec::with_capacity(doc.pages.len());
    let mut parents = Vec::with_capacity(doc.pages.len());
    // A table open at the end of the previous page, which a repeated header continues.
    let mut carried: Option<TableState> = None;
    for (page_no, page) in doc.pages.iter().enumerate() {
        let mut page_marks = Vec::with_capacity(page.items.len());
        let mut page_parents: Vec<usize> = Vec::new();
        let mut open: Option<Open> = None;
        let mut list: Option<usize> = None;
        let mut bullet_body: Option<(usize, f32)> = None;
        let mut table: Option<TableState> = None;
        let content = |elem: usize, page_parents: &mut Vec<usize>, b: &mut Builder| {
            let mcid = page_parents.len() as i32;
            page_parents.push(elem);
            b.elems[elem].kids.push(Kid::Content {
                page: page_no,
                mcid,
            });
            Mark::Content { elem, mcid }
        };
        for item in &page.items {
            let mark = match item {
                Item::Line { x1, x2, .. } => {
                    if near(*x1, *x2)
                        && let Some(row) = table.as_mut().and_then(|t| t.row.as_mut())
                        && row.cells.is_empty()
                    {
                        row.edges.push(*x1);
                    }
                    Mark::Layout
                }
                Item::Rect {
                    x,
                    y,
                    w,
                    h,
                    fill,
                    stroke,
                } => {
                    if stroke.is_some() {
                        let same = |t: &TableState| near(t.x, *x) && near(t.w, *w);
                        if fill.is_some() {
                            // A header row: a new table, or the table of the previous page
                            // continued under its repeated header.
                            let (state, repeated) = match carried.take() {
                                Some(t) if same(&t) && table.is_none() => (t, true),
                                _ => match table.take() {
                                    Some(t) if same(&t) && near(t.bottom, *y) => (t, true),
                                    _ => {
                                        let elem = b.add(Kind::Table, 0);
                                        (
                                            TableState {
                                                elem,
                                                x: *x,
                                                w: *w,
                                                bottom: *y,
                                                row: None,
                                            },
                                            false,
                                        )
                                    }
                                },
                            };
                            table = Some(new_row(&mut b, state, *y, *h, true, repeated));
                        } else {
                            carried = None;
                            table = match table.take() {
                                Some(t) if same(&t) && near(t.bottom, *y) => {
                                    Some(new_row(&mut b, t, *y, *h, false, false))
                                }
                                _ => None,
                            };
                        }
                        open = None;
                        list = None;
                    }
                    Mark::Layout
                }
                Item::Text(t) => {
                    if t.y < doc.top - 1.0 || t.y > doc.bottom + 1.0 {
                        Mark::Pagination
                    } else if let Some(row) = table.as_mut().and_then(|s| s.row.as_mut())
                        && t.y > row.y
                        && t.y < row.y + row.h
                    {
                        if row.repeated {
                            Mark::Pagination
                        } else {
                            if row.cells.is_empty() {
                                let cell = if row.header { Kind::TH } else { Kind::TD };
                                let n = row.edges.len() + 1;
                                row.cells = (0..n).map(|_| b.add(cell, row.elem)).collect();
                            }
                            let col = row.edges.iter().filter(|e| **e <= t.x).count();
                            let elem = row.cells[col.min(row.cells.len() - 1)];
                            content(elem, &mut page_parents, &mut b)
                        }
                    } else {
                        table = None;
                        carried = None;
                        let kind = kind_of(t);
                        if t.text.trim() == "•" {
                            let l = match list {
                                Some(l) => l,
                                None => b.add(Kind::L, 0),
                            };
                            list = Some(l);
                            let li = b.add(Kind::LI, l);
                            let lbl = b.add(Kind::Lbl, li);
                            let body = b.add(Kind::LBody, li);
                            bullet_body = Some((body, t.y));
                            open = None;
                            content(lbl, &mut page_parents, &mut b)
                        } else if let Some((body, y)) = bullet_body.take()
                            && near(y, t.y)
                        {
                            open = Some(Open {
                                elem: body,
                                kind: Kind::LBody,
                                x: t.x,
                                y: t.y,
                                size: t.size,
                                style: t.style,
                                gray: t.gray,
                            });
                            content(body, &mut page_parents, &mut b)
                        } else {
                            let continues = open.filter(|o| {
                                (o.kind == kind || o.kind == Kind::LBody && kind == Kind::P)
                                    && near(o.x, t.x)
                                    && o.size == t.size
                                    && o.style == t.style
                                    && o.gray == t.gray
                                    && t.y > o.y
                                    && t.y - o.y <= t.size * 1.7
                            });
                            let elem = match continues {
                                Some(o) => o.elem,
                                None => {
                                    if open.is_none_or(|o| o.kind != Kind::LBody) {
                                        list = None;
                                    }
                                    b.add(kind, 0)
                                }
                            };
                            open = Some(Open {
                                elem,
                                kind: continues.map_or(kind, |o| o.kind),
                                x: t.x,
                                y: t.y,
                                size: t.size,
                                style: t.style,
                                gray: t.gray,
                            });
                            content(elem, &mut page_parents, &mut b)
                        }
                    }
                }
            };
            page_marks.push(mark);
        }
        carried = table.take().or(carried);
        marks.push(page_marks);
        parents.push(page_parents);
    }
    Structure {
        elems: b.elems,
        marks,
        parents,
    }
}

fn new_row(
    b: &mut Builder,
    mut t: TableState,
    y: f32,
    h: f32,
    header: bool,
    repeated: bool,
) -> TableState {
    let elem = if repeated {
        // The repeated header's text is an artifact; its row element is never made.
        usize::MAX
    } else {
        b.add(Kind::TR, t.elem)
    };
    t.bottom = y + h;
    t.row = Some(Row {
        elem,
        y,
        h,
        header,
        repeated,
        edges: Vec::new(),
        cells: Vec::new(),
    });
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::{Flow, Fonts, PageSetup, Table};

    #[test]
    fn headings_paragraphs_and_a_table_continued_on_the_next_page_are_read_in_order() {
        let fonts = Fonts::get().expect("fonts");
        let mut flow = Flow::new(fonts, PageSetup::a4());
        flow.heading(11.0, 20.0, "Rubrik");
        flow.paragraph(Style::Regular, 9.5, 0.0, &"ord ".repeat(60));
        let rows = (0..80)
            .map(|i| vec![format!("namn {i}"), format!("e{i}@example.se")])
            .collect();
        flow.table(&Table {
            columns: vec![
                crate::pdf::Column::new("Namn", 1.0),
                crate::pdf::Column::new("E-post", 1.0),
            ],
            rows,
            size: 9.0,
            min_row: 0.0,
        });
        let pages = flow.finish("fot", |n, t| format!("{n}/{t}"));
        assert!(pages.len() >= 2);
        let doc = Document::new(
            PageSetup::a4(),
            crate::pdf::DocInfo {
                title: "t".into(),
                author: String::new(),
                subject: String::new(),
                created: chrono::Utc::now(),
                lang: crate::Lang::Sv,
            },
            pages,
        );
        let s = structure(&doc);
        let top: Vec<Kind> = s.elems[0]
            .kids
            .iter()
            .filter_map(|k| match k {
                Kid::Elem(e) => Some(s.elems[*e].kind),
                Kid::Content { .. } => None,
            })
            .collect();
        assert_eq!(
            top,
            [Kind::H2, Kind::P, Kind::Table],
            "one table over both pages"
        );
        let rows = s.elems.iter().filter(|e| e.kind == Kind::TR).count();
        assert_eq!(
            rows, 81,
            "one header row and 80 rows; the repeated header is an artifact"
        );
        let th = s.elems.iter().filter(|e| e.kind == Kind::TH).count();
        assert_eq!(th, 2);
        // Every page's footer is a pagination artifact, and every mark has its parent.
        for (page, marks) in s.marks.iter().enumerate() {
            assert!(marks.contains(&Mark::Pagination), "page {page}");
            let contents = marks
                .iter()
                .filter(|m| matches!(m, Mark::Content { .. }))
                .count();
            assert_eq!(contents, s.parents[page].len());
        }
    }
}
