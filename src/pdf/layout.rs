//! Flowing content down A4 pages: wrapped paragraphs, headings kept with what follows,
//! blocks kept together, tables with a header repeated on every page, and a footer with
//! "Sida n av N" added once the number of pages is known.

use super::draw::{Item, Page, PageSetup, Style, TextRun};
use super::font::Fonts;
use crate::lang::Lang;

/// Line height as a multiple of the font size.
pub const LEADING: f32 = 1.32;
/// Padding inside table cells, in points.
const CELL_PAD: f32 = 4.0;

/// The smallest size a table cell's or a box's text is shrunk to so that its longest word
/// fits its column; only a word too long even at this size is broken.
pub const MIN_SIZE: f32 = 5.0;

/// The width of the widest word of `text` (words are separated by spaces, tabs and line
/// breaks), in points.
pub fn widest_word(fonts: &Fonts, style: Style, size: f32, text: &str) -> f32 {
    text.split([' ', '\t', '\n'])
        .map(|w| fonts.width(style, size, w))
        .fold(0.0, f32::max)
}

/// Where a word wider than a whole line may be broken: after a dot, hyphen, underscore or
/// slash and before an at sign (an e-mail address breaks between its parts), else nowhere.
fn pieces(word: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in word.char_indices() {
        let end = i + c.len_utf8();
        if c == '@' && i > start {
            out.push(&word[start..i]);
            start = i;
        } else if matches!(c, '.' | '-' | '_' | '/') && end < word.len() {
            out.push(&word[start..end]);
            start = end;
        }
    }
    if start < word.len() {
        out.push(&word[start..]);
    }
    out
}

/// Splits `text` into lines no wider than `width` points, at spaces; explicit line breaks
/// are kept. A word is never cut unless it alone is wider than the whole line; such a word
/// is broken where [`pieces`] allows (an address at its dots and at sign), and a piece still
/// too wide between characters. Never returns an empty list: an empty text is one empty
/// line.
pub fn wrap(fonts: &Fonts, style: Style, size: f32, width: f32, text: &str) -> Vec<String> {
    let fits = |s: &str| fonts.width(style, size, s) <= width;
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.replace('\t', " ").split(' ').filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if fits(&candidate) {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if fits(word) {
                line = word.to_owned();
                continue;
            }
            for piece in pieces(word) {
                let next = format!("{line}{piece}");
                if fits(&next) {
                    line = next;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if fits(piece) {
                    line = piece.to_owned();
                    continue;
                }
                for c in piece.chars() {
                    let mut next = line.clone();
                    next.push(c);
                    if !line.is_empty() && !fits(&next) {
                        lines.push(std::mem::take(&mut line));
                        line.push(c);
                    } else {
                        line = next;
                    }
                }
            }
        }
        lines.push(line);
    }
    lines
}

/// `text` wrapped to `width` at `size`, or, when its longest word is wider than `width`, at
/// the size that word fits in: the size used and the lines. A word that would not fit even
/// at [`MIN_SIZE`] is broken anyway, so it keeps `size` (more legible) and is broken as
/// [`wrap`] does.
pub fn wrap_shrinking(
    fonts: &Fonts,
    style: Style,
    size: f32,
    width: f32,
    text: &str,
) -> (f32, Vec<String>) {
    let widest = widest_word(fonts, style, size, text);
    // A hair under the exact ratio, so that rounding cannot tip the word over.
    let fitting = size * width / widest.max(0.001) * 0.999;
    let size = if widest <= width || fitting < MIN_SIZE.min(size) {
        size
    } else {
        fitting
    };
    (size, wrap(fonts, style, size, width, text))
}

/// The text cut to fit `width` on one line, ending in "…" when cut.
pub fn fit(fonts: &Fonts, size: f32, width: f32, text: &str) -> String {
    if fonts.width(Style::Regular, size, text) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if fonts.width(Style::Regular, size, &format!("{out}…")) > width {
            out.pop();
            break;
        }
    }
    format!("{}…", out.trim_end())
}

/// The size (8 points, or less for a head that needs it) and the one or two lines of a
/// running head: the first of `heads` that fits on two lines at 8 points, else the last set
/// small enough to fit on two.
fn running_head(fonts: &Fonts, width: f32, heads: &[&str]) -> (f32, Vec<String>) {
    const SIZE: f32 = 8.0;
    for head in heads {
        let lines = wrap(fonts, Style::Regular, SIZE, width, head);
        if lines.len() <= 2 {
            return (SIZE, lines);
        }
    }
    let last = heads.last().copied().unwrap_or("");
    let mut size = SIZE;
    loop {
        size -= 0.25;
        let lines = wrap(fonts, Style::Regular, size, width, last);
        if lines.len() <= 2 || size <= 4.0 {
            return (size, lines);
        }
    }
}

/// The least margin any text keeps from the paper's edge, in points (10 mm: what office
/// printers leave unprinted).
pub const PAPER_MARGIN: f32 = 28.0;

/// What is wrong with a document's layout: each text run that reaches into the paper's
/// unprintable edge ([`PAPER_MARGIN`]) or is drawn over another text run, named by its page
/// and text. Empty for a sound document; the tests print values at every field's limit and
/// require this to be empty.
pub fn overruns(doc: &super::draw::Document, fonts: &Fonts) -> Vec<String> {
    let mut found = Vec::new();
    for (n, page) in doc.pages.iter().enumerate() {
        let boxes: Vec<(&TextRun, [f32; 4])> = page
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text(t) if !t.text.trim().is_empty() => {
                    let w = fonts.width(t.style, t.size, &t.text);
                    Some((t, [t.x, t.y - t.size * 0.75, t.x + w, t.y + t.size * 0.2]))
                }
                _ => None,
            })
            .collect();
        let short = |t: &TextRun| t.text.chars().take(40).collect::<String>();
        for (i, (t, [x0, y0, x1, y1])) in boxes.iter().enumerate() {
            if *x0 < PAPER_MARGIN
                || *y0 < PAPER_MARGIN
                || *x1 > doc.width - PAPER_MARGIN
                || *y1 > doc.height - PAPER_MARGIN
            {
                found.push(format!("page {}: off the page: {:?}", n + 1, short(t)));
            }
            for (u, [a0, b0, a1, b1]) in &boxes[i + 1..] {
                let tol = 0.5;
                if x0 < &(a1 - tol) && a0 < &(x1 - tol) && y0 < &(b1 - tol) && b0 < &(y1 - tol) {
                    found.push(format!(
                        "page {}: {:?} drawn over {:?}",
                        n + 1,
                        short(t),
                        short(u)
                    ));
                }
            }
        }
    }
    found
}

/// A table column: its header and its share of the table's width (shares are normalised).
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    pub share: f32,
}

impl Column {
    pub fn new(header: &str, share: f32) -> Column {
        Column {
            header: header.to_owned(),
            share,
        }
    }
}

/// The head of a document's first page: a small kicker at the left ("UPPDRAGSBLANKETT") and
/// a note at the right ("Utskriven 2026-11-23"), the network's name, the title in large
/// type, the lines under it, and a rule.
#[derive(Debug, Clone, Copy)]
pub struct TitleBlock<'a> {
    pub kicker: &'a str,
    pub corner: &'a str,
    pub network: Option<&'a str>,
    pub title: &'a str,
    pub under: &'a [String],
    /// Font size of the lines under the title.
    pub under_size: f32,
}

/// The page label of the footer in the user's language: "Sida 1 av 2" or "Page 1 of 2".
pub fn page_label(lang: Lang) -> impl Fn(usize, usize) -> String {
    move |n, total| match lang {
        Lang::Sv => format!("Sida {n} av {total}"),
        Lang::En => format!("Page {n} of {total}"),
    }
}

/// A ruled table: a shaded header row repeated at the top of every page it runs onto, and
/// rows that are never split across pages. An empty cell stays an empty ruled box, a place
/// to write by hand.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    /// Font size of the cells.
    pub size: f32,
    /// The least height of a body row, in points: room to write by hand (a signature).
    pub min_row: f32,
}

/// One cell of a laid-out table row: its font size and lines.
#[derive(Debug, Clone, PartialEq)]
struct Cell {
    size: f32,
    lines: Vec<String>,
}

/// A labelled box of a form row: see [`Flow::boxes`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelledBox<'a> {
    pub label: &'a str,
    pub value: &'a str,
    /// Share of the row's width (shares are normalised).
    pub share: f32,
}

/// Writes content down the pages of a document, breaking pages as needed.
#[derive(Debug)]
pub struct Flow<'f> {
    fonts: &'f Fonts,
    setup: PageSetup,
    pages: Vec<Page>,
    /// The top of the next content on the current page.
    y: f32,
}

impl<'f> Flow<'f> {
    pub fn new(fonts: &'f Fonts, setup: PageSetup) -> Flow<'f> {
        Flow {
            fonts,
            setup,
            pages: vec![Page::default()],
            y: setup.top,
        }
    }

    pub fn fonts(&self) -> &'f Fonts {
        self.fonts
    }

    pub fn setup(&self) -> PageSetup {
        self.setup
    }

    /// The left edge of the text column.
    pub fn left(&self) -> f32 {
        self.setup.left
    }

    /// The width of the text column.
    pub fn width(&self) -> f32 {
        self.setup.width - self.setup.left - self.setup.right
    }

    /// Where the next content starts, from the top of the page.
    pub fn y(&self) -> f32 {
        self.y
    }

    /// Room left on the current page, in points.
    pub fn remaining(&self) -> f32 {
        self.setup.height - self.setup.bottom - self.y
    }

    fn at_top(&self) -> bool {
        self.y <= self.setup.top + 0.01
    }

    /// The height of a whole page's text column.
    fn page_room(&self) -> f32 {
        self.setup.height - self.setup.bottom - self.setup.top
    }

    /// Starts a new page.
    pub fn page_break(&mut self) {
        self.pages.push(Page::default());
        self.y = self.setup.top;
    }

    /// Makes sure `height` points fit on the current page, starting a new page when they do
    /// not (unless the page is still empty: what does not fit on an empty page is drawn
    /// anyway and runs past the margin rather than looping).
    pub fn ensure(&mut self, height: f32) {
        if height > self.remaining() && !self.at_top() {
            self.page_break();
        }
    }

    /// Vertical space; swallowed at the top of a page.
    pub fn space(&mut self, height: f32) {
        if !self.at_top() {
            self.y += height;
        }
    }

    /// Moves the cursor down by `height` (after drawing something of that height).
    pub fn advance(&mut self, height: f32) {
        self.y += height;
    }

    /// Adds an item to the current page as it is.
    pub fn push(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.items.push(item);
        }
    }

    /// A run of text with its baseline at `baseline`.
    pub fn text_at(&mut self, x: f32, baseline: f32, style: Style, size: f32, text: &str) {
        self.gray_text_at(x, baseline, style, size, 0.0, text);
    }

    /// A run of text in gray (0 black … 1 white).
    pub fn gray_text_at(
        &mut self,
        x: f32,
        baseline: f32,
        style: Style,
        size: f32,
        gray: f32,
        text: &str,
    ) {
        if text.is_empty() {
            return;
        }
        self.push(Item::Text(TextRun {
            x,
            y: baseline,
            size,
            style,
            gray,
            text: text.to_owned(),
        }));
    }

    /// A horizontal line across `width` from `x` at `y`.
    pub fn hline(&mut self, x: f32, y: f32, width: f32, thickness: f32, gray: f32) {
        self.push(Item::Line {
            x1: x,
            y1: y,
            x2: x + width,
            y2: y,
            width: thickness,
            gray,
        });
    }

    /// The height of `text` wrapped to `width`.
    pub fn measure(&self, style: Style, size: f32, width: f32, text: &str) -> f32 {
        wrap(self.fonts, style, size, width, text).len() as f32 * size * LEADING
    }

    /// A wrapped paragraph, indented by `indent`; pages break between its lines.
    pub fn paragraph(&mut self, style: Style, size: f32, indent: f32, text: &str) {
        let width = self.width() - indent;
        let lh = size * LEADING;
        for line in wrap(self.fonts, style, size, width, text) {
            self.ensure(lh);
            let baseline = self.y + size;
            let x = self.left() + indent;
            self.text_at(x, baseline, style, size, &line);
            self.y += lh;
        }
    }

    /// A bulleted item: the bullet hangs, wrapped lines align with the text.
    pub fn bullet(&mut self, size: f32, text: &str) {
        let indent = size * 1.4;
        let lh = size * LEADING;
        let lines = wrap(
            self.fonts,
            Style::Regular,
            size,
            self.width() - indent,
            text,
        );
        for (i, line) in lines.iter().enumerate() {
            self.ensure(lh);
            let baseline = self.y + size;
            if i == 0 {
                let x = self.left() + size * 0.3;
                self.text_at(x, baseline, Style::Regular, size, "•");
            }
            let x = self.left() + indent;
            self.text_at(x, baseline, Style::Regular, size, line);
            self.y += lh;
        }
    }

    /// The title block at the top of the first page (see [`TitleBlock`]).
    pub fn title_block(&mut self, b: &TitleBlock<'_>) {
        let (x, y, w) = (self.left(), self.y(), self.width());
        self.gray_text_at(x, y + 8.0, Style::Bold, 8.0, 0.35, b.kicker);
        let cw = self.fonts.width(Style::Regular, 8.0, b.corner);
        self.gray_text_at(x + w - cw, y + 8.0, Style::Regular, 8.0, 0.35, b.corner);
        self.advance(14.0);
        if let Some(n) = b.network.filter(|n| !n.is_empty()) {
            self.paragraph(Style::Regular, 10.0, 0.0, n);
        }
        self.space(4.0);
        self.paragraph(Style::Bold, 16.0, 0.0, b.title);
        self.space(2.0);
        for line in b.under {
            self.paragraph(Style::Regular, b.under_size, 0.0, line);
        }
        self.space(6.0);
        let (x, y, w) = (self.left(), self.y(), self.width());
        self.hline(x, y, w, 1.2, 0.0);
        self.advance(4.0);
    }

    /// A heading kept on the same page as the next `keep_with` points of content.
    pub fn heading(&mut self, size: f32, keep_with: f32, text: &str) {
        let h = self.measure(Style::Bold, size, self.width(), text);
        self.ensure(h + keep_with);
        self.paragraph(Style::Bold, size, 0.0, text);
        self.y += size * 0.3;
    }

    /// The columns' edges: each column gets its share of the width, but at least the width
    /// of its longest word (header or cell) where the shares allow, the others giving up
    /// width in proportion to their shares. When the longest words of all columns together
    /// are wider than the table, the widest columns are held to the same cap (so that every
    /// column keeps room for its words at least as wide as the cap), and a cell whose word is
    /// still too wide is set smaller ([`wrap_shrinking`]).
    fn column_edges(&self, table: &Table) -> Vec<f32> {
        let total = self.width();
        let n = table.columns.len();
        let share_sum: f32 = table.columns.iter().map(|c| c.share.max(0.0)).sum();
        let shares: Vec<f32> = table
            .columns
            .iter()
            .map(|c| {
                if share_sum > 0.0 {
                    c.share.max(0.0) / share_sum
                } else {
                    1.0 / n.max(1) as f32
                }
            })
            .collect();
        let pad = 2.0 * CELL_PAD + 0.5;
        let widest = |i: usize, measure: &dyn Fn(Style, &str) -> f32| {
            let cells = table
                .rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|t| measure(Style::Regular, t))
                .fold(0.0, f32::max);
            let head = measure(Style::Bold, &table.columns[i].header);
            cells.max(head) + pad
        };
        // The least width of each column: its longest word; and, for a column whose every
        // cell fits on one line in its share (a phone number, a role), that line, so that it
        // is not wrapped to make room for another column's long word, unless all of them
        // cannot be had together.
        let words: Vec<f32> = (0..n)
            .map(|i| widest(i, &|style, t| widest_word(self.fonts, style, table.size, t)))
            .collect();
        let lines: Vec<f32> = (0..n)
            .map(|i| {
                widest(i, &|style, t| {
                    t.split('\n')
                        .map(|l| self.fonts.width(style, table.size, l))
                        .fold(0.0, f32::max)
                })
            })
            .collect();
        let mut mins = words.clone();
        // Columns whose lines fit their share keep them unwrapped, the cheapest first, as
        // long as all the least widths fit together.
        let mut whole: Vec<usize> = (0..n).filter(|i| lines[*i] <= total * shares[*i]).collect();
        whole.sort_by(|a, b| (lines[*a] - words[*a]).total_cmp(&(lines[*b] - words[*b])));
        for i in whole {
            let extra = (lines[i] - mins[i]).max(0.0);
            if mins.iter().sum::<f32>() + extra <= total {
                mins[i] += extra;
            }
        }
        // Too wide together: cap the widest so that they fit (water-filling from the top).
        if mins.iter().sum::<f32>() > total {
            let mut sorted = mins.clone();
            sorted.sort_by(|a, b| a.total_cmp(b));
            let mut below = 0.0;
            let mut cap = total / n.max(1) as f32;
            for (k, m) in sorted.iter().enumerate() {
                let rest = (n - k) as f32;
                let c = (total - below) / rest;
                if *m >= c {
                    cap = c;
                    break;
                }
                below += m;
            }
            for m in &mut mins {
                *m = m.min(cap);
            }
        }
        // Shares, with every column raised to its least width; those not raised share what
        // is left in proportion to their shares.
        let mut fixed = vec![false; n];
        let mut widths = vec![0.0; n];
        loop {
            let taken: f32 = (0..n).filter(|i| fixed[*i]).map(|i| mins[i]).sum();
            let free_share: f32 = (0..n).filter(|i| !fixed[*i]).map(|i| shares[i]).sum();
            let left = (total - taken).max(0.0);
            let mut changed = false;
            for i in 0..n {
                widths[i] = if fixed[i] {
                    mins[i]
                } else if free_share > 0.0 {
                    left * shares[i] / free_share
                } else {
                    0.0
                };
            }
            for i in 0..n {
                if !fixed[i] && widths[i] < mins[i] {
                    fixed[i] = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        let mut x = self.left();
        let mut edges = vec![x];
        for w in widths {
            x += w;
            edges.push(x);
        }
        edges
    }

    fn row_cells(&self, edges: &[f32], style: Style, size: f32, cells: &[String]) -> Vec<Cell> {
        edges
            .windows(2)
            .enumerate()
            .map(|(i, w)| {
                let text = cells.get(i).map(String::as_str).unwrap_or("");
                let (size, lines) =
                    wrap_shrinking(self.fonts, style, size, w[1] - w[0] - 2.0 * CELL_PAD, text);
                Cell { size, lines }
            })
            .collect()
    }

    /// The height a row needs where it starts: all of it, or, for a row that will not fit
    /// on a page of its own under the header (a long note) and is split anyway, its first
    /// few lines. What a heading or a page break keeps with the row is this height, so a
    /// row too tall for any page starts right under its heading and header.
    fn start_height(&self, cells: &[Cell], min: f32, head_h: f32) -> f32 {
        let h = Self::row_height(cells, min);
        if h <= self.page_room() - head_h {
            return h;
        }
        let first_lines = cells
            .iter()
            .map(|c| c.lines.len().min(3) as f32 * c.size * LEADING)
            .fold(0.0, f32::max);
        (first_lines + 2.0 * CELL_PAD).max(min).min(h)
    }

    fn row_height(cells: &[Cell], min: f32) -> f32 {
        let h = cells
            .iter()
            .map(|c| c.lines.len().max(1) as f32 * c.size * LEADING)
            .fold(0.0, f32::max);
        (h + 2.0 * CELL_PAD).max(min)
    }

    fn draw_row(
        &mut self,
        edges: &[f32],
        cells: &[Cell],
        style: Style,
        shade: Option<f32>,
        min: f32,
    ) {
        let h = Self::row_height(cells, min);
        let (x0, x1) = (edges[0], edges[edges.len() - 1]);
        self.push(Item::Rect {
            x: x0,
            y: self.y,
            w: x1 - x0,
            h,
            fill: shade,
            stroke: Some(0.5),
        });
        for w in edges.windows(2).skip(1) {
            self.push(Item::Line {
                x1: w[0],
                y1: self.y,
                x2: w[0],
                y2: self.y + h,
                width: 0.5,
                gray: 0.0,
            });
        }
        for (i, cell) in cells.iter().enumerate() {
            let size = cell.size;
            for (j, line) in cell.lines.iter().enumerate() {
                let baseline = self.y + CELL_PAD + size + j as f32 * size * LEADING - size * 0.12;
                self.text_at(edges[i] + CELL_PAD, baseline, style, size, line);
            }
        }
        self.y += h;
    }

    /// The header row and the body rows of a table, laid out in their columns.
    fn table_cells(&self, table: &Table) -> (Vec<f32>, Vec<Cell>, Vec<Vec<Cell>>) {
        let edges = self.column_edges(table);
        let headers: Vec<String> = table.columns.iter().map(|c| c.header.clone()).collect();
        let head = self.row_cells(&edges, Style::Bold, table.size, &headers);
        let rows = table
            .rows
            .iter()
            .map(|r| self.row_cells(&edges, Style::Regular, table.size, r))
            .collect();
        (edges, head, rows)
    }

    /// A table under its heading, the heading kept with the table's header and first row; a
    /// table without rows is the heading and the line `none` (regular, 10 pt).
    pub fn table_section(&mut self, heading_size: f32, heading: &str, table: &Table, none: &str) {
        self.heading(heading_size, self.table_start_height(table), heading);
        if table.rows.is_empty() {
            self.paragraph(Style::Regular, 10.0, 0.0, none);
        } else {
            self.table(table);
        }
    }

    /// The height of a table's header row and first row: what a heading above the table
    /// must be kept with.
    pub fn table_start_height(&self, table: &Table) -> f32 {
        let (_, head, rows) = self.table_cells(table);
        let head_h = Self::row_height(&head, 0.0);
        head_h
            + rows
                .first()
                .map_or(0.0, |r| self.start_height(r, table.min_row, head_h))
    }

    /// A table; its header is repeated on each page it continues onto.
    pub fn table(&mut self, table: &Table) {
        self.table_keeping_tail(table, 0);
    }

    /// A table whose last `tail` rows are kept on one page with the row before them (the
    /// blank rows of an attendance list with the last name), so that no page holds only the
    /// header and a blank row.
    pub fn table_keeping_tail(&mut self, table: &Table, tail: usize) {
        let (edges, head, rows) = self.table_cells(table);
        let min = table.min_row;
        let head_h = Self::row_height(&head, 0.0);
        let first_h = rows
            .first()
            .map_or(0.0, |r| self.start_height(r, min, head_h));
        self.ensure(head_h + first_h);
        self.draw_row(&edges, &head, Style::Bold, Some(0.9), 0.0);
        // Where the kept tail starts: the row before the tail rows, if any.
        let keep_from = if tail > 0 && rows.len() > tail {
            rows.len() - tail - 1
        } else {
            usize::MAX
        };
        for (k, row) in rows.iter().enumerate() {
            let mut h = self.start_height(row, min, head_h);
            if k == keep_from {
                let block: f32 = rows[k..].iter().map(|r| Self::row_height(r, min)).sum();
                // Kept together only when the block fits on a page of its own.
                if block <= self.page_room() - head_h {
                    h = block;
                }
            }
            if h > self.remaining() && !self.at_top() {
                self.page_break();
                self.draw_row(&edges, &head, Style::Bold, Some(0.9), 0.0);
            }
            // A row taller than a whole page (a long note) continues on the next page, its
            // lines split between the pages, with the header repeated above the rest.
            let mut rest: Vec<Cell> = row.clone();
            loop {
                let room = |c: &Cell| {
                    ((self.remaining() - 2.0 * CELL_PAD) / (c.size * LEADING))
                        .floor()
                        .max(1.0) as usize
                };
                if rest.iter().all(|c| c.lines.len() <= room(c)) {
                    self.draw_row(&edges, &rest, Style::Regular, None, min);
                    break;
                }
                let split: Vec<(Cell, Cell)> = rest
                    .iter()
                    .map(|c| {
                        let at = room(c).min(c.lines.len());
                        (
                            Cell {
                                size: c.size,
                                lines: c.lines[..at].to_vec(),
                            },
                            Cell {
                                size: c.size,
                                lines: c.lines[at..].to_vec(),
                            },
                        )
                    })
                    .collect();
                let (part, next): (Vec<Cell>, Vec<Cell>) = split.into_iter().unzip();
                self.draw_row(&edges, &part, Style::Regular, None, 0.0);
                rest = next;
                self.page_break();
                self.draw_row(&edges, &head, Style::Bold, Some(0.9), 0.0);
            }
        }
    }

    /// A row of labelled boxes, as on a paper form: each box has a small label at the top
    /// and its value below, wrapped; all boxes of the row are as tall as the tallest, and at
    /// least `min_height`. An empty value leaves the box empty, to be filled in by hand.
    pub fn boxes(&mut self, boxes: &[LabelledBox<'_>], min_height: f32) {
        const LABEL: f32 = 7.0;
        const VALUE: f32 = 10.0;
        const PAD: f32 = 3.5;
        let total: f32 = boxes
            .iter()
            .map(|b| b.share.max(0.0))
            .sum::<f32>()
            .max(0.001);
        let mut edges = vec![self.left()];
        for b in boxes {
            let last = edges.last().copied().unwrap_or(0.0);
            edges.push(last + self.width() * b.share.max(0.0) / total);
        }
        let inner = |i: usize| edges[i + 1] - edges[i] - 2.0 * PAD;
        // A label and a value are never cut inside a word: a word wider than its box is set
        // smaller until it fits (see `wrap_shrinking`).
        let cells: Vec<(Vec<String>, f32, Vec<String>)> = boxes
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let label = wrap(self.fonts, Style::Regular, LABEL, inner(i), b.label);
                let (size, value) = if b.value.is_empty() {
                    (VALUE, Vec::new())
                } else {
                    wrap_shrinking(self.fonts, Style::Regular, VALUE, inner(i), b.value)
                };
                (label, size, value)
            })
            .collect();
        let height = cells
            .iter()
            .map(|(l, size, v)| {
                2.0 * PAD
                    + l.len() as f32 * LABEL * 1.2
                    + 2.0
                    + (v.len().max(1) as f32 * size * LEADING).max(VALUE * LEADING)
            })
            .fold(min_height, f32::max);
        self.ensure(height);
        let top = self.y;
        let (x0, x1) = (edges[0], edges[edges.len() - 1]);
        self.push(Item::Rect {
            x: x0,
            y: top,
            w: x1 - x0,
            h: height,
            fill: None,
            stroke: Some(0.5),
        });
        for x in &edges[1..edges.len() - 1] {
            self.push(Item::Line {
                x1: *x,
                y1: top,
                x2: *x,
                y2: top + height,
                width: 0.5,
                gray: 0.0,
            });
        }
        for (i, (label, size, value)) in cells.iter().enumerate() {
            let x = edges[i] + PAD;
            let mut y = top + PAD + LABEL;
            for l in label {
                self.gray_text_at(x, y, Style::Regular, LABEL, 0.35, l);
                y += LABEL * 1.2;
            }
            let mut y = top + PAD + label.len() as f32 * LABEL * 1.2 + 2.0 + size;
            for v in value {
                self.text_at(x, y, Style::Regular, *size, v);
                y += size * LEADING;
            }
        }
        self.y = top + height;
    }

    /// The height [`Flow::boxes`] would take for these boxes (to keep blocks together).
    pub fn boxes_height(&self, boxes: &[LabelledBox<'_>], min_height: f32) -> f32 {
        let mut probe = Flow::new(self.fonts, self.setup);
        probe.boxes(boxes, min_height);
        probe.y - self.setup.top
    }

    /// The pages so far.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Ends the flow like [`Flow::finish`], and also writes `head` at the top of every page
    /// after the first (whose own title says it): a running head, so that a loose page still
    /// says what it belongs to. See [`Flow::finish_with_heads`].
    pub fn finish_with_head(
        self,
        head: &str,
        left: &str,
        right: impl Fn(usize, usize) -> String,
    ) -> Vec<Page> {
        self.finish_with_heads(&[head], left, right)
    }

    /// Like [`Flow::finish_with_head`], with running heads from the fullest to the shortest:
    /// the first that fits on two lines is used; when none does, the last is set smaller until
    /// it fits on two lines. A head is never cut short.
    pub fn finish_with_heads(
        self,
        heads: &[&str],
        left: &str,
        right: impl Fn(usize, usize) -> String,
    ) -> Vec<Page> {
        let (fonts, setup) = (self.fonts, self.setup);
        let mut pages = self.finish(left, right);
        let width = setup.width - setup.left - setup.right;
        let (size, lines) = running_head(fonts, width, heads);
        // One line sits 5 points above a rule 10 points above the text column; two lines
        // rise from there, the rule moving down to stay clear of the second line.
        let (first, rule_y) = match lines.len() {
            1 => (setup.top - 15.0, setup.top - 10.0),
            _ => (setup.top - 21.0, setup.top - 7.0),
        };
        for page in pages.iter_mut().skip(1) {
            for (i, line) in lines.iter().enumerate() {
                page.items.push(Item::Text(TextRun {
                    x: setup.left,
                    y: first + i as f32 * size * 1.2,
                    size,
                    style: Style::Regular,
                    gray: 0.3,
                    text: line.clone(),
                }));
            }
            page.items.push(Item::Line {
                x1: setup.left,
                y1: rule_y,
                x2: setup.left + width,
                y2: rule_y,
                width: 0.4,
                gray: 0.5,
            });
        }
        pages
    }

    /// Ends the flow: writes the footer on every page (a thin rule, `left` text at the left,
    /// `right(n, total)` at the right, e.g. "Sida 1 av 2") and returns the pages.
    pub fn finish(self, left: &str, right: impl Fn(usize, usize) -> String) -> Vec<Page> {
        let Flow {
            fonts,
            setup,
            mut pages,
            ..
        } = self;
        let total = pages.len();
        let size = 8.0;
        let rule_y = setup.height - setup.bottom + 22.0;
        let baseline = rule_y + 12.0;
        let width = setup.width - setup.left - setup.right;
        for (i, page) in pages.iter_mut().enumerate() {
            page.items.push(Item::Line {
                x1: setup.left,
                y1: rule_y,
                x2: setup.left + width,
                y2: rule_y,
                width: 0.4,
                gray: 0.5,
            });
            let label = right(i + 1, total);
            let label_w = fonts.width(Style::Regular, size, &label);
            let room = width - label_w - 12.0;
            let left_text = fit(fonts, size, room.max(10.0), left);
            for (x, text) in [
                (setup.left, left_text),
                (setup.left + width - label_w, label),
            ] {
                if !text.is_empty() {
                    page.items.push(Item::Text(TextRun {
                        x,
                        y: baseline,
                        size,
                        style: Style::Regular,
                        gray: 0.3,
                        text,
                    }));
                }
            }
        }
        pages
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> &'static Fonts {
        Fonts::get().expect("fonts")
    }

    #[test]
    fn wrapping_keeps_every_word_and_respects_the_width() {
        let text =
            "Representanten företräder hela organisationen i länsgruppen och för frågor tillbaka";
        let lines = wrap(fonts(), Style::Regular, 10.0, 120.0, text);
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(fonts().width(Style::Regular, 10.0, l) <= 120.0, "{l}");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn a_word_longer_than_the_line_is_cut_between_characters() {
        let word = "Donaudampfschifffahrtsgesellschaftskapitän";
        let lines = wrap(fonts(), Style::Regular, 10.0, 60.0, word);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), word);
    }

    #[test]
    fn an_address_too_long_for_the_line_breaks_at_its_dots_and_at_sign_only() {
        let address = "forvaltningschef.socialtjansten@borlange.se";
        let lines = wrap(fonts(), Style::Regular, 10.0, 120.0, address);
        assert_eq!(
            lines,
            ["forvaltningschef.", "socialtjansten", "@borlange.se"]
        );
        // A word that fits is never cut, whatever follows it.
        let lines = wrap(
            fonts(),
            Style::Regular,
            10.0,
            120.0,
            "Ann-Charlotte Wahlström-Håkansson",
        );
        assert_eq!(lines, ["Ann-Charlotte", "Wahlström-Håkansson"]);
        // Shrinking: the word fits at a smaller size rather than being cut.
        let (size, lines) = wrap_shrinking(fonts(), Style::Regular, 10.0, 120.0, address);
        assert!((MIN_SIZE..10.0).contains(&size), "{size}");
        assert_eq!(lines, [address]);
    }

    #[test]
    fn explicit_breaks_and_empty_text_are_kept() {
        assert_eq!(
            wrap(fonts(), Style::Regular, 10.0, 400.0, ""),
            vec![String::new()]
        );
        assert_eq!(
            wrap(fonts(), Style::Regular, 10.0, 400.0, "a\nb"),
            vec!["a", "b"]
        );
    }

    #[test]
    fn a_long_table_repeats_its_header_and_the_footer_counts_pages() {
        let mut flow = Flow::new(fonts(), PageSetup::a4());
        let table = Table {
            columns: vec![
                Column {
                    header: "Funktion".into(),
                    share: 1.0,
                },
                Column {
                    header: "Namn".into(),
                    share: 1.0,
                },
            ],
            rows: (0..80)
                .map(|i| vec![format!("Funktion {i}"), format!("Namn {i}")])
                .collect(),
            size: 9.0,
            min_row: 0.0,
        };
        flow.table(&table);
        let pages = flow.finish("Uppdragsblankett", |n, t| format!("Sida {n} av {t}"));
        assert!(pages.len() >= 2);
        for (i, p) in pages.iter().enumerate() {
            let text = p.text();
            assert_eq!(
                text.iter().filter(|t| **t == "Funktion").count(),
                1,
                "page {i}"
            );
            assert!(text.contains(&format!("Sida {} av {}", i + 1, pages.len()).as_str()));
        }
        let rows: usize = pages
            .iter()
            .map(|p| p.text().iter().filter(|t| t.starts_with("Namn ")).count())
            .sum();
        assert_eq!(rows, 80);
    }

    #[test]
    fn a_first_row_taller_than_a_page_starts_under_its_heading_and_header() {
        let mut flow = Flow::new(fonts(), PageSetup::a4());
        flow.paragraph(Style::Regular, 10.0, 0.0, "Kallelse");
        let note = "Anteckning ".repeat(900);
        let table = Table {
            columns: vec![Column::new("Punkt", 1.0), Column::new("Anteckning", 3.0)],
            rows: vec![vec!["1".into(), note], vec!["2".into(), "Kort".into()]],
            size: 9.0,
            min_row: 0.0,
        };
        flow.table_section(12.0, "Dagordning", &table, "Inga punkter");
        let pages = flow.finish("Kallelse", |n, t| format!("Sida {n} av {t}"));
        let first = pages[0].text();
        for expected in ["Kallelse", "Dagordning", "Punkt", "1"] {
            assert!(
                first.contains(&expected),
                "page 1 holds {expected:?}: {first:?}"
            );
        }
        // Every page the note runs over carries some of it: none holds only a heading or a
        // header.
        for (i, p) in pages[..pages.len() - 1].iter().enumerate() {
            assert!(
                p.text()
                    .iter()
                    .any(|t| t.starts_with("Anteckning Anteckning")),
                "page {i}: {:?}",
                p.text()
            );
        }
    }

    #[test]
    fn ensure_breaks_only_when_the_block_does_not_fit() {
        let mut flow = Flow::new(fonts(), PageSetup::a4());
        flow.ensure(100.0);
        assert_eq!(flow.page_count(), 1);
        flow.advance(650.0);
        flow.ensure(100.0);
        assert_eq!(flow.page_count(), 2);
        assert!((flow.y() - PageSetup::a4().top).abs() < 0.01);
    }
}
