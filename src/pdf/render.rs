//! The drawing list rendered to PDF: the only module that calls printpdf (pinned `=0.12.8`,
//! without its `text_layout` feature) and lopdf (`=0.44.0`, the version printpdf itself builds
//! on). The rest of the layout code depends on neither.
//!
//! Three steps:
//! 1. **Fonts.** Each face is subset by `subsetter` (typst's font subsetter) to the glyphs the
//!    document draws plus a fixed set of common letters ([`ALWAYS`]), and handed to printpdf as
//!    an already-subset font: a [`ParsedFont`] whose program *is* the subset, with the
//!    subset's character map and advance widths. Most documents need exactly the same subset,
//!    so a process makes and compresses each one once: the 30 forms of a batch share two.
//! 2. **printpdf** writes the document: the page tree, the fonts with their widths, the
//!    bookmarks ([`printpdf::to_lopdf_doc`] hands it over as a `lopdf::Document`). The pages'
//!    content streams are written here ([`ContentWriter`]), on every core, each text run
//!    wrapped in marked content: `/P <</MCID n>> BDC … EMC` for content (of the element
//!    [`super::tags`] reads from the drawing list), `/Artifact <</Type /Pagination>>` for
//!    running heads, page numbers and repeated table headers, `/Artifact` for rules, frames
//!    and shading. (Through printpdf's operations and lopdf's encoder, the content of a
//!    10,000-organisation report took 1.4 s of its 1.5 s; written here, about 0.1 s.)
//! 3. **lopdf** post-processes that document before it is saved: the structure tree
//!    (`StructTreeRoot` with a `ParentTree`, each page's `StructParents`), `/Lang`, `MarkInfo`,
//!    `DisplayDocTitle`, and PDF/A-2b: PDF 1.7, XMP metadata (`pdfaid` part 2, conformance B)
//!    matching a rewritten document information (without printpdf's empty
//!    `GTS_PDFXVersion`), an sRGB output intent (a CC0 profile, `assets/icc/`), a document ID
//!    derived from the content; then the precompressed font programs put in, the other
//!    streams compressed.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use chrono::{DateTime, Datelike, Timelike, Utc};
use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};
use printpdf::{
    FontMetrics, FontType, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfFontMetricsStub, PdfPage,
    PdfSaveOptions, Pt, TextItem,
};
use sha2::{Digest, Sha256};

use super::draw::{DocInfo, Document, Item, Style};
use super::font::{BOLD_TTF, Fonts, REGULAR_TTF};
use super::tags::{Kid, Kind, Mark, structure};
use crate::lang::Lang;

/// The sRGB profile of the output intent: "sRGB-v2-micro" of Compact ICC Profiles by Clinton
/// Ingram, dedicated to the public domain (CC0 1.0, `assets/icc/`).
const SRGB_ICC: &[u8] = include_bytes!("../../assets/icc/sRGB-v2-micro.icc");

/// Why a document could not be rendered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenderError {
    /// The embedded font could not be read or subset (a damaged build).
    #[error("the embedded font could not be read or subset")]
    Font,
}

/// The language tag written as the document's `/Lang` and the XMP `dc:language`.
pub fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "sv-SE",
        Lang::En => "en-GB",
    }
}

/// Characters every subset carries whether a document draws them or not (letters, digits,
/// the Swedish letters and the punctuation of the forms): most documents then need exactly
/// the same subset, which a process makes and compresses once.
const ALWAYS: &str =
    " ,.-:;()/@–•·0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÅÄÖåäöé";

/// A face subset for printpdf: the parsed font whose program is the subset, and that program
/// compressed (put in place of the uncompressed copy printpdf writes).
#[derive(Debug)]
struct Subset {
    font: ParsedFont,
    compressed: Vec<u8>,
    /// The `CIDSet` of the subset: a bit for every glyph it holds (all of them, 0 first).
    cid_set: Vec<u8>,
    /// The `ToUnicode` map of every glyph of the subset, compressed.
    to_unicode: Vec<u8>,
}

type SubsetCache = HashMap<(Style, Vec<u16>), Arc<Subset>>;

static SUBSETS: OnceLock<Mutex<SubsetCache>> = OnceLock::new();

/// The characters `style` draws in `doc`, with [`ALWAYS`].
fn chars_of(doc: &Document, style: Style) -> BTreeSet<char> {
    let mut chars: BTreeSet<char> = ALWAYS.chars().collect();
    for page in &doc.pages {
        for item in &page.items {
            if let Item::Text(t) = item
                && t.style == style
            {
                chars.extend(t.text.chars());
            }
        }
    }
    chars
}

/// Whether `doc` draws any text in `style`.
fn draws(doc: &Document, style: Style) -> bool {
    doc.pages.iter().any(|p| {
        p.items
            .iter()
            .any(|i| matches!(i, Item::Text(t) if t.style == style))
    })
}

/// A six-letter subset tag ("ABCDEF+") derived from the glyphs a subset keeps, so that two
/// different subsets never share a name.
fn subset_tag(style: Style, glyphs: &[u16]) -> String {
    let mut h = Sha256::new();
    h.update([style as u8]);
    for g in glyphs {
        h.update(g.to_be_bytes());
    }
    h.finalize()
        .iter()
        .take(6)
        .map(|b| char::from(b'A' + b % 26))
        .collect()
}

fn deflate(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = e.write_all(data);
    e.finish().unwrap_or_default()
}

/// A page's content compressed at zlib's fastest level (a form 1.5 KB larger than at the
/// best, in a tenth of the time), with compressors kept for reuse: a batch compresses
/// hundreds of small streams.
fn deflate_fast(data: &[u8]) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress, Status};
    static POOL: Mutex<Vec<Compress>> = Mutex::new(Vec::new());
    let mut c = POOL
        .lock()
        .ok()
        .and_then(|mut p| p.pop())
        .unwrap_or_else(|| Compress::new(Compression::fast(), true));
    c.reset();
    let mut out = Vec::with_capacity(data.len() / 3 + 64);
    loop {
        let done = usize::try_from(c.total_in()).unwrap_or(data.len());
        match c.compress_vec(
            &data[done.min(data.len())..],
            &mut out,
            FlushCompress::Finish,
        ) {
            Ok(Status::StreamEnd) => break,
            Ok(_) => out.reserve(out.capacity().max(64)),
            Err(_) => return deflate(data),
        }
    }
    if let Ok(mut p) = POOL.lock() {
        p.push(c);
    }
    out
}

/// The `ToUnicode` CMap of a subset: each glyph (numbered in the subset) to the first
/// character that draws it.
fn to_unicode_cmap(
    by_glyph: &BTreeMap<u16, Vec<char>>,
    remapper: &subsetter::GlyphRemapper,
) -> String {
    use std::fmt::Write;
    let pairs: Vec<(u16, char)> = by_glyph
        .iter()
        .filter_map(|(old, cs)| Some((remapper.get(*old)?, *cs.first()?)))
        .collect();
    let mut m = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for chunk in pairs.chunks(100) {
        let _ = writeln!(m, "{} beginbfchar", chunk.len());
        for (g, c) in chunk {
            let _ = write!(m, "<{g:04X}> <");
            for u in c.encode_utf16(&mut [0; 2]) {
                let _ = write!(m, "{u:04X}");
            }
            m.push_str(">\n");
        }
        m.push_str("endbfchar\n");
    }
    m.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    m
}

/// The subset of `style`'s face that draws `chars`, made and compressed once per process for
/// each set of glyphs.
fn subset_of(
    fonts: &Fonts,
    style: Style,
    chars: &BTreeSet<char>,
) -> Result<Arc<Subset>, RenderError> {
    let mut by_glyph: BTreeMap<u16, Vec<char>> = BTreeMap::new();
    for c in chars {
        let g = fonts.glyph_id(style, *c);
        if g != 0 {
            by_glyph.entry(g).or_default().push(*c);
        }
    }
    let key = (style, by_glyph.keys().copied().collect::<Vec<u16>>());
    let cache = SUBSETS.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(hit) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return Ok(hit);
    }
    let face = fonts.face_of(style);
    let remapper = subsetter::GlyphRemapper::new_from_glyphs(&key.1);
    let data = match style {
        Style::Regular => REGULAR_TTF,
        Style::Bold => BOLD_TTF,
    };
    let program = subsetter::subset(data, 0, &remapper).map_err(|_| RenderError::Font)?;
    let advance = |g: u16| face.glyph_hor_advance(ttf_parser::GlyphId(g)).unwrap_or(0);
    let mut codepoint_to_glyph = BTreeMap::new();
    let mut glyph_widths = BTreeMap::from([(0, advance(0))]);
    for (old, cs) in &by_glyph {
        let new = remapper.get(*old).ok_or(RenderError::Font)?;
        for c in cs {
            codepoint_to_glyph.insert(u32::from(*c), new);
        }
        glyph_widths.insert(new, advance(*old));
    }
    let base = match style {
        Style::Regular => "DejaVuSans",
        Style::Bold => "DejaVuSans-Bold",
    };
    let bbox = face.global_bounding_box();
    let upm = face.units_per_em();
    let compressed = deflate(&program);
    let to_unicode = to_unicode_cmap(&by_glyph, &remapper);
    let count = key.1.len() + 1;
    let mut cid_set = vec![0u8; count.div_ceil(8)];
    for g in 0..count {
        cid_set[g / 8] |= 0x80 >> (g % 8);
    }
    let made = Arc::new(Subset {
        font: ParsedFont {
            original_bytes: program,
            font_index: 0,
            font_name: Some(format!("{}+{base}", subset_tag(style, &key.1))),
            codepoint_to_glyph,
            glyph_widths,
            units_per_em: upm,
            font_metrics: FontMetrics {
                ascent: face.ascender(),
                descent: face.descender(),
            },
            font_type: FontType::TrueType,
            pdf_font_metrics: PdfFontMetricsStub {
                units_per_em: upm,
                x_min: bbox.x_min,
                y_min: bbox.y_min,
                x_max: bbox.x_max,
                y_max: bbox.y_max,
                caret_slope_rise: 1,
                caret_slope_run: 0,
                us_weight_class: face.weight().to_number(),
            },
        },
        compressed,
        cid_set,
        to_unicode: deflate(to_unicode.as_bytes()),
    });
    if let Ok(mut c) = cache.lock() {
        // A long-running app prints many documents: keep the cache small.
        if c.len() >= 64 {
            c.clear();
        }
        c.insert(key, made.clone());
    }
    Ok(made)
}

/// A content stream written straight into bytes: operands, then the operator, one operation
/// a line (ISO 32000-1, 7.8.2). lopdf's own encoder builds an `Operation` of owned objects
/// for each of the ~2 million operations of a 10,000-organisation report, about 20
/// allocations a text run; this writes the same syntax without them. Its output is read back
/// by lopdf's content parser in the tests.
#[derive(Debug, Default)]
struct ContentWriter {
    buf: Vec<u8>,
}

impl ContentWriter {
    /// A number, to a thousandth of a point (no exponent, which PDF does not allow).
    fn real(&mut self, v: f32) -> &mut Self {
        let milli = if v.is_finite() {
            (f64::from(v) * 1000.0).round() as i64
        } else {
            0
        };
        if milli < 0 {
            self.buf.push(b'-');
        }
        let m = milli.unsigned_abs();
        let mut ints = itoa::Buffer::new();
        self.buf.extend_from_slice(ints.format(m / 1000).as_bytes());
        let frac = m % 1000;
        if frac != 0 {
            let digits = [
                b'0' + (frac / 100) as u8,
                b'0' + (frac / 10 % 10) as u8,
                b'0' + (frac % 10) as u8,
            ];
            let keep = if digits[2] != b'0' {
                3
            } else if digits[1] != b'0' {
                2
            } else {
                1
            };
            self.buf.push(b'.');
            self.buf.extend_from_slice(&digits[..keep]);
        }
        self.buf.push(b' ');
        self
    }

    fn int(&mut self, v: i64) -> &mut Self {
        let mut ints = itoa::Buffer::new();
        self.buf.extend_from_slice(ints.format(v).as_bytes());
        self.buf.push(b' ');
        self
    }

    /// A name; a byte outside the regular characters is written `#XX` (7.3.5).
    fn name(&mut self, n: &[u8]) -> &mut Self {
        self.buf.push(b'/');
        for &b in n {
            let delimiter = b"()<>[]{}/%#".contains(&b);
            if (b'!'..=b'~').contains(&b) && !delimiter {
                self.buf.push(b);
            } else {
                self.buf.push(b'#');
                self.hex_byte(b);
            }
        }
        self.buf.push(b' ');
        self
    }

    fn hex_byte(&mut self, b: u8) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        self.buf.push(HEX[usize::from(b >> 4)]);
        self.buf.push(HEX[usize::from(b & 15)]);
    }

    /// A text run as an Identity-H string: each character's glyph in the subset, big-endian,
    /// in hexadecimal (a character the subset lacks draws glyph 0, as printpdf does).
    fn glyphs(&mut self, subset: &Subset, text: &str) -> &mut Self {
        self.buf.push(b'<');
        for c in text.chars() {
            let g = subset
                .font
                .codepoint_to_glyph
                .get(&u32::from(c))
                .copied()
                .unwrap_or(0);
            for b in g.to_be_bytes() {
                self.hex_byte(b);
            }
        }
        self.buf.extend_from_slice(b"> ");
        self
    }

    /// A property list of one entry whose value is written by `value`.
    fn props(&mut self, key: &[u8], value: impl FnOnce(&mut Self)) -> &mut Self {
        self.buf.extend_from_slice(b"<<");
        self.name(key);
        value(self);
        self.buf.extend_from_slice(b">> ");
        self
    }

    /// Ends an operation with its operator.
    fn op(&mut self, operator: &str) {
        self.buf.extend_from_slice(operator.as_bytes());
        self.buf.push(b'\n');
    }
}

/// What a page's content needs of the two faces: their resource names and glyph maps.
struct Faces<'a> {
    regular: (&'a [u8], &'a Subset),
    bold: (&'a [u8], &'a Subset),
}

impl Faces<'_> {
    fn of(&self, style: Style) -> (&[u8], &Subset) {
        match style {
            Style::Regular => self.regular,
            Style::Bold => self.bold,
        }
    }
}

/// A page's content stream, each item marked as [`structure`] says.
fn page_content(
    page: &super::draw::Page,
    marks: &[Mark],
    elems: &[super::tags::Elem],
    height: f32,
    faces: &Faces<'_>,
) -> Vec<u8> {
    let mut w = ContentWriter {
        buf: Vec::with_capacity(page.items.len() * 90),
    };
    let mut in_text = false;
    let mut current: Option<(Style, u32)> = None;
    let mut fill: Option<u32> = None;
    let end_text = |w: &mut ContentWriter, in_text: &mut bool| {
        if *in_text {
            w.op("ET");
            *in_text = false;
        }
    };
    for (item, mark) in page.items.iter().zip(marks) {
        match item {
            Item::Text(t) => {
                if !in_text {
                    w.op("BT");
                    in_text = true;
                    current = None;
                }
                match mark {
                    Mark::Content { elem, mcid } => w
                        .name(elems[*elem].kind.name())
                        .props(b"MCID", |w| {
                            w.int(i64::from(*mcid));
                        })
                        .op("BDC"),
                    Mark::Pagination | Mark::Layout => w
                        .name(b"Artifact")
                        .props(b"Type", |w| {
                            w.name(b"Pagination");
                        })
                        .op("BDC"),
                }
                let (font, subset) = faces.of(t.style);
                let key = (t.style, t.size.to_bits());
                if current != Some(key) {
                    w.name(font).real(t.size).op("Tf");
                    current = Some(key);
                }
                if fill != Some(t.gray.to_bits()) {
                    w.real(t.gray.clamp(0.0, 1.0)).op("g");
                    fill = Some(t.gray.to_bits());
                }
                w.int(1)
                    .int(0)
                    .int(0)
                    .int(1)
                    .real(t.x)
                    .real(height - t.y)
                    .op("Tm");
                w.glyphs(subset, &t.text).op("Tj");
                w.op("EMC");
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                gray: g,
            } => {
                end_text(&mut w, &mut in_text);
                w.name(b"Artifact").op("BMC");
                w.real(g.clamp(0.0, 1.0)).op("G");
                w.real(*width).op("w");
                w.real(*x1).real(height - y1).op("m");
                w.real(*x2).real(height - y2).op("l");
                w.op("S");
                w.op("EMC");
            }
            Item::Rect {
                x,
                y,
                w: width,
                h,
                fill: f,
                stroke,
            } => {
                let paint = match (f, stroke) {
                    (Some(_), Some(_)) => "B",
                    (Some(_), None) => "f",
                    (None, Some(_)) => "S",
                    (None, None) => continue,
                };
                end_text(&mut w, &mut in_text);
                w.name(b"Artifact").op("BMC");
                if let Some(g) = f {
                    w.real(g.clamp(0.0, 1.0)).op("g");
                    fill = Some(g.to_bits());
                }
                if let Some(s) = stroke {
                    w.int(0).op("G");
                    w.real(*s).op("w");
                }
                w.real(*x)
                    .real(height - y - h)
                    .real(*width)
                    .real(*h)
                    .op("re");
                w.op(paint);
                w.op("EMC");
            }
        }
    }
    end_text(&mut w, &mut in_text);
    w.buf
}

/// The cores to render on, asked once a process (each asking reads the cgroup files).
pub fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get))
}

/// Every page's content stream, compressed, with a digest of the uncompressed stream: the
/// pages are split among the cores (a 500-page report is most of its rendering time here).
fn page_contents(
    doc: &Document,
    tags: &super::tags::Structure,
    faces: &Faces<'_>,
) -> Vec<(Vec<u8>, [u8; 32])> {
    let one = |(page, marks): (&super::draw::Page, &Vec<Mark>)| {
        let content = page_content(page, marks, &tags.elems, doc.height, faces);
        let digest: [u8; 32] = Sha256::digest(&content).into();
        (deflate_fast(&content), digest)
    };
    let threads = cores();
    let items: usize = doc.pages.iter().map(|p| p.items.len()).sum();
    // Below a few thousand items a thread costs more than it saves.
    if threads < 2 || items < 4_000 {
        return doc.pages.iter().zip(&tags.marks).map(one).collect();
    }
    let per = doc.pages.len().div_ceil(threads).max(1);
    let pages: Vec<_> = doc.pages.iter().zip(&tags.marks).collect();
    std::thread::scope(|s| {
        let handles: Vec<_> = pages
            .chunks(per)
            .map(|chunk| s.spawn(move || chunk.iter().copied().map(one).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .zip(pages.chunks(per))
            .flat_map(|(h, chunk)| {
                // A thread only panics on a bug; its pages are then made here.
                h.join()
                    .unwrap_or_else(|_| chunk.iter().copied().map(one).collect())
            })
            .collect()
    })
}

fn pdf_date(at: DateTime<Utc>) -> String {
    format!(
        "D:{:04}{:02}{:02}{:02}{:02}{:02}Z",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

fn xmp_date(at: DateTime<Utc>) -> xmp_writer::DateTime {
    let n = |v: u32| u8::try_from(v).ok();
    xmp_writer::DateTime {
        year: u16::try_from(at.year()).unwrap_or(1970),
        month: n(at.month()),
        day: n(at.day()),
        hour: n(at.hour()),
        minute: n(at.minute()),
        second: n(at.second()),
        timezone: Some(xmp_writer::Timezone::Utc),
    }
}

/// The XMP metadata: what the document information says, and the PDF/A-2b identification.
fn xmp(info: &DocInfo, document_id: &str) -> String {
    let mut x = xmp_writer::XmpWriter::new();
    let lang = lang_tag(info.lang);
    x.title([(None, info.title.as_str())]);
    if !info.author.is_empty() {
        x.creator([info.author.as_str()]);
    }
    if !info.subject.is_empty() {
        x.description([(None, info.subject.as_str())]);
    }
    x.language([xmp_writer::LangId(lang)]);
    x.format("application/pdf");
    x.creator_tool("Samverkan");
    x.producer("Samverkan");
    x.create_date(xmp_date(info.created));
    x.modify_date(xmp_date(info.created));
    x.metadata_date(xmp_date(info.created));
    x.document_id(document_id);
    x.instance_id(document_id);
    x.pdfa_part(2);
    x.pdfa_conformance("B");
    x.finish(None)
}

/// A text string as PDF writes one: plain where it is ASCII, else UTF-16BE with a byte-order
/// mark.
fn text(s: &str) -> Object {
    if s.is_ascii() {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut b = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            b.extend_from_slice(&u.to_be_bytes());
        }
        Object::String(b, StringFormat::Hexadecimal)
    }
}

fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

/// Adds the structure tree: one structure element per element of `tags`, the parent tree,
/// and each page's `StructParents`. Returns the tree's root.
fn add_structure(
    pdf: &mut lopdf::Document,
    tags: &super::tags::Structure,
    pages: &[ObjectId],
) -> ObjectId {
    let root = pdf.new_object_id();
    let elem_ids: Vec<ObjectId> = tags.elems.iter().map(|_| pdf.new_object_id()).collect();
    let element = |e: &super::tags::Elem| -> Object {
        // The page of an element whose content is all on one page.
        let mut pages_of = e.kids.iter().filter_map(|k| match k {
            Kid::Content { page, .. } => Some(*page),
            Kid::Elem(_) => None,
        });
        let one_page = pages_of.next().filter(|p| pages_of.all(|q| q == *p));
        let kids: Vec<Object> = e
            .kids
            .iter()
            .map(|k| match k {
                Kid::Elem(c) => Object::Reference(elem_ids[*c]),
                Kid::Content { mcid, .. } if one_page.is_some() => {
                    Object::Integer(i64::from(*mcid))
                }
                Kid::Content { page, mcid } => Object::Dictionary(Dictionary::from_iter([
                    ("Type", name("MCR")),
                    ("Pg", Object::Reference(pages[*page])),
                    ("MCID", Object::Integer(i64::from(*mcid))),
                ])),
            })
            .collect();
        // `/Type /StructElem` is optional (ISO 32000-1, table 323) and left out: a report
        // of 10,000 organisations has 160,000 elements.
        let mut d = Dictionary::from_iter([
            ("S", Object::Name(e.kind.name().to_vec())),
            (
                "P",
                Object::Reference(e.parent.map_or(root, |p| elem_ids[p])),
            ),
            ("K", Object::Array(kids)),
        ]);
        if let Some(p) = one_page {
            d.set("Pg", Object::Reference(pages[p]));
        }
        if e.kind == Kind::TH {
            d.set(
                "A",
                Dictionary::from_iter([("O", name("Table")), ("Scope", name("Column"))]),
            );
        }
        Object::Dictionary(d)
    };
    // A large document's elements are made on every core (a report of 10,000 organisations
    // has 160,000), then put in the document in order.
    let threads = cores();
    let objects: Vec<Object> = if threads < 2 || tags.elems.len() < 4_000 {
        tags.elems.iter().map(element).collect()
    } else {
        let per = tags.elems.len().div_ceil(threads);
        std::thread::scope(|s| {
            let handles: Vec<_> = tags
                .elems
                .chunks(per)
                .map(|chunk| s.spawn(|| chunk.iter().map(element).collect::<Vec<_>>()))
                .collect();
            handles
                .into_iter()
                .zip(tags.elems.chunks(per))
                .flat_map(|(h, chunk)| {
                    // A thread only panics on a bug; its elements are then made here.
                    h.join()
                        .unwrap_or_else(|_| chunk.iter().map(element).collect())
                })
                .collect()
        })
    };
    pdf.objects.extend(elem_ids.iter().copied().zip(objects));
    let mut nums = Vec::with_capacity(tags.parents.len() * 2);
    for (i, parents) in tags.parents.iter().enumerate() {
        nums.push(Object::Integer(i as i64));
        nums.push(Object::Array(
            parents
                .iter()
                .map(|e| Object::Reference(elem_ids[*e]))
                .collect(),
        ));
    }
    let parent_tree = pdf.add_object(Dictionary::from_iter([("Nums", Object::Array(nums))]));
    pdf.objects.insert(
        root,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", name("StructTreeRoot")),
            ("K", Object::Reference(elem_ids[0])),
            ("ParentTree", Object::Reference(parent_tree)),
            ("ParentTreeNextKey", Object::Integer(pages.len() as i64)),
        ])),
    );
    for (i, page) in pages.iter().enumerate() {
        if let Some(Object::Dictionary(d)) = pdf.objects.get_mut(page) {
            d.set("StructParents", Object::Integer(i as i64));
            d.set("Tabs", name("S"));
            // printpdf writes an empty annotation array on every page.
            if d.get(b"Annots")
                .and_then(Object::as_array)
                .is_ok_and(Vec::is_empty)
            {
                d.remove(b"Annots");
            }
        }
    }
    root
}

/// The document information, rewritten: what it says matches the XMP metadata, and nothing
/// claims a standard the file does not follow (printpdf writes an empty `GTS_PDFXVersion`).
fn info_dict(info: &DocInfo) -> Dictionary {
    let mut d = Dictionary::from_iter([("Title", text(&info.title))]);
    if !info.author.is_empty() {
        d.set("Author", text(&info.author));
    }
    if !info.subject.is_empty() {
        d.set("Subject", text(&info.subject));
    }
    d.set("Creator", text("Samverkan"));
    d.set("Producer", text("Samverkan"));
    let date = Object::String(pdf_date(info.created).into_bytes(), StringFormat::Literal);
    d.set("CreationDate", date.clone());
    d.set("ModDate", date);
    d
}

/// Renders the document as a tagged PDF/A-2b file (see the module's description).
pub fn render(doc: &Document) -> Result<Vec<u8>, RenderError> {
    let fonts = Fonts::get().ok_or(RenderError::Font)?;
    let tags = structure(doc);
    let regular_subset = subset_of(fonts, Style::Regular, &chars_of(doc, Style::Regular))?;
    let bold_subset = subset_of(fonts, Style::Bold, &chars_of(doc, Style::Bold))?;

    // printpdf writes the document: the page tree, the fonts (with their widths) and the
    // bookmarks. It embeds a face only when a page draws its glyphs, and gives it widths for
    // those glyphs only, so the first page it is handed shows every glyph of each subset
    // used; that stream, and every other page's, is then replaced by the content made here.
    let mut pdf = PdfDocument::new(&doc.info.title);
    let regular = pdf.add_font(&regular_subset.font);
    let bold = pdf.add_font(&bold_subset.font);
    let (w, h) = (Pt(doc.width), Pt(doc.height));
    let mut glyphs = vec![Op::StartTextSection];
    for (style, id, subset) in [
        (Style::Regular, &regular, &regular_subset),
        (Style::Bold, &bold, &bold_subset),
    ] {
        if draws(doc, style) {
            glyphs.push(Op::SetFont {
                font: PdfFontHandle::External(id.clone()),
                size: Pt(10.0),
            });
            let all: String = subset
                .font
                .codepoint_to_glyph
                .keys()
                .filter_map(|c| char::from_u32(*c))
                .collect();
            glyphs.push(Op::ShowText {
                items: vec![TextItem::Text(all)],
            });
        }
    }
    glyphs.push(Op::EndTextSection);
    let mut pages: Vec<PdfPage> = doc
        .pages
        .iter()
        .map(|_| PdfPage::new(w.into(), h.into(), Vec::new()))
        .collect();
    if let Some(first) = pages.first_mut() {
        first.ops = glyphs;
    }
    pdf.with_pages(pages);
    let faces = Faces {
        regular: (regular.0.as_bytes(), &regular_subset),
        bold: (bold.0.as_bytes(), &bold_subset),
    };
    let contents = page_contents(doc, &tags, &faces);
    for b in &doc.bookmarks {
        // printpdf counts bookmark pages from 1.
        pdf.add_bookmark(&b.title, b.page + 1);
    }
    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut out = printpdf::to_lopdf_doc(&pdf, &opts, &mut Vec::new());
    drop(pdf);
    out.version = "1.7".to_owned();

    // The font programs, their ToUnicode maps and CIDSets, made and compressed once per
    // process for each subset.
    let subsets = [&regular_subset, &bold_subset];
    let mut programs: HashMap<ObjectId, usize> = HashMap::new();
    for (id, stream) in out.objects.iter_mut() {
        if let Object::Stream(s) = stream
            && s.dict.has(b"Length1")
            && let Some(n) = subsets
                .iter()
                .position(|f| f.font.original_bytes == s.content)
        {
            s.dict.set("Filter", name("FlateDecode"));
            s.set_content(subsets[n].compressed.clone());
            programs.insert(*id, n);
        }
    }
    let mut descriptors = Vec::new();
    let mut maps = Vec::new();
    for (id, o) in &out.objects {
        let Ok(d) = o.as_dict() else { continue };
        if let Ok(file) = d.get(b"FontFile2").and_then(Object::as_reference)
            && let Some(n) = programs.get(&file)
        {
            descriptors.push((*id, *n));
        }
        if let Ok(map) = d.get(b"ToUnicode").and_then(Object::as_reference)
            && let Ok(base) = d.get(b"BaseFont").and_then(Object::as_name)
            && let Some(n) = subsets
                .iter()
                .position(|f| f.font.font_name.as_deref().map(str::as_bytes) == Some(base))
        {
            maps.push((map, n));
        }
    }
    for (id, n) in descriptors {
        let set = out.add_object(
            Stream::new(Dictionary::new(), subsets[n].cid_set.clone()).with_compression(false),
        );
        if let Some(Object::Dictionary(d)) = out.objects.get_mut(&id) {
            d.set("CIDSet", Object::Reference(set));
        }
    }
    for (id, n) in maps {
        if let Some(Object::Stream(s)) = out.objects.get_mut(&id) {
            s.dict.set("Filter", name("FlateDecode"));
            s.set_content(subsets[n].to_unicode.clone());
        }
    }

    let page_ids: Vec<ObjectId> = out.get_pages().values().copied().collect();
    let struct_root = add_structure(&mut out, &tags, &page_ids);

    // The pages' content; the document ID, a digest of what the document says and draws.
    let mut id_hash = Sha256::new();
    id_hash.update(doc.info.title.as_bytes());
    id_hash.update(doc.info.created.to_rfc3339().as_bytes());
    for (page, (packed, digest)) in page_ids.iter().zip(contents) {
        id_hash.update(digest);
        let content = out
            .get_dictionary(*page)
            .and_then(|d| d.get(b"Contents"))
            .and_then(Object::as_reference);
        if let Ok(c) = content
            && let Some(Object::Stream(s)) = out.objects.get_mut(&c)
        {
            s.dict.set("Filter", name("FlateDecode"));
            s.set_content(packed);
        }
    }
    let digest = id_hash.finalize();
    let id = digest[..16].to_vec();
    let hex: String = id.iter().map(|b| format!("{b:02x}")).collect();
    let uuid = format!(
        "uuid:{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    );

    let metadata = out.add_object(
        Stream::new(
            Dictionary::from_iter([("Type", name("Metadata")), ("Subtype", name("XML"))]),
            xmp(&doc.info, &uuid).into_bytes(),
        )
        // PDF/A: the metadata stays readable without decoding.
        .with_compression(false),
    );
    static ICC: OnceLock<Vec<u8>> = OnceLock::new();
    let icc = ICC.get_or_init(|| deflate(SRGB_ICC));
    let profile = out.add_object(Stream::new(
        Dictionary::from_iter([("N", Object::Integer(3)), ("Filter", name("FlateDecode"))]),
        icc.clone(),
    ));
    let intent = Dictionary::from_iter([
        ("Type", name("OutputIntent")),
        ("S", name("GTS_PDFA1")),
        ("OutputConditionIdentifier", text("sRGB IEC61966-2.1")),
        ("Info", text("sRGB IEC61966-2.1")),
        ("RegistryName", text("http://www.color.org")),
        ("DestOutputProfile", Object::Reference(profile)),
    ]);

    let info = out.add_object(info_dict(&doc.info));
    let catalog_id = out
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|_| RenderError::Font)?;
    if let Some(Object::Dictionary(cat)) = out.objects.get_mut(&catalog_id) {
        cat.set("Lang", text(lang_tag(doc.info.lang)));
        cat.set(
            "MarkInfo",
            Dictionary::from_iter([("Marked", Object::Boolean(true))]),
        );
        cat.set(
            "ViewerPreferences",
            Dictionary::from_iter([("DisplayDocTitle", Object::Boolean(true))]),
        );
        cat.set("StructTreeRoot", Object::Reference(struct_root));
        cat.set("Metadata", Object::Reference(metadata));
        cat.set(
            "OutputIntents",
            Object::Array(vec![Object::Dictionary(intent)]),
        );
        // printpdf writes the page mode as a string; it is a name.
        let mode = if doc.bookmarks.is_empty() {
            "UseNone"
        } else {
            "UseOutlines"
        };
        cat.set("PageMode", name(mode));
    }
    // printpdf's own information dictionary (with its PDF/X claim) goes.
    if let Ok(old) = out.trailer.get(b"Info").and_then(Object::as_reference) {
        out.objects.remove(&old);
    }
    out.trailer.set("Info", Object::Reference(info));
    let id = Object::String(id, StringFormat::Hexadecimal);
    out.trailer.set("ID", Object::Array(vec![id.clone(), id]));

    // Every stream is compressed already, or (the metadata, the CIDSets) stays plain.
    // Room for the whole file at once: a large report is 20 MB, which a growing buffer would
    // copy a dozen times.
    let streams: usize = out
        .objects
        .values()
        .map(|o| match o {
            Object::Stream(s) => s.content.len() + 100,
            _ => 80,
        })
        .sum();
    let mut bytes = Vec::with_capacity(streams + 4096);
    out.save_to(&mut bytes).map_err(|_| RenderError::Font)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::draw::{Page, TextRun};

    fn decoded(bytes: &[u8]) -> Vec<(String, Vec<Object>)> {
        lopdf::content::Content::decode(bytes)
            .expect("lopdf reads the stream")
            .operations
            .into_iter()
            .map(|o| (o.operator, o.operands))
            .collect()
    }

    #[test]
    fn numbers_are_written_to_a_thousandth_without_an_exponent() {
        let mut w = ContentWriter::default();
        for v in [
            0.0,
            1.0,
            -1.5,
            595.2756,
            0.0000001,
            -0.0004,
            12.3456,
            1e9,
            f32::NAN,
        ] {
            w.real(v);
        }
        w.op("x");
        assert_eq!(
            String::from_utf8(w.buf).expect("ascii"),
            "0 1 -1.5 595.276 0 0 12.346 1000000000 0 x\n"
        );
    }

    #[test]
    fn names_and_property_lists_are_escaped_and_read_back_by_lopdf() {
        let mut w = ContentWriter::default();
        w.name(b"A b#(c)")
            .props(b"MCID", |w| {
                w.int(7);
            })
            .op("BDC");
        let ops = decoded(&w.buf);
        assert_eq!(ops.len(), 1);
        assert_eq!(ops[0].0, "BDC");
        assert_eq!(ops[0].1[0].as_name().expect("name"), b"A b#(c)");
        let props = ops[0].1[1].as_dict().expect("properties");
        assert_eq!(props.get(b"MCID").and_then(Object::as_i64).ok(), Some(7));
    }

    #[test]
    fn a_page_reads_back_as_marked_text_rules_and_shapes_in_order() {
        let fonts = Fonts::get().expect("fonts");
        let chars: BTreeSet<char> = ALWAYS.chars().collect();
        let subset = subset_of(fonts, Style::Regular, &chars).expect("subset");
        let faces = Faces {
            regular: (b"F1", &subset),
            bold: (b"F2", &subset),
        };
        let page = Page {
            items: vec![
                Item::Text(TextRun {
                    x: 10.0,
                    y: 20.0,
                    style: Style::Regular,
                    size: 9.5,
                    gray: 0.0,
                    text: "Åsa".into(),
                }),
                Item::Line {
                    x1: 1.0,
                    y1: 2.0,
                    x2: 3.0,
                    y2: 2.0,
                    width: 0.5,
                    gray: 0.2,
                },
                Item::Rect {
                    x: 5.0,
                    y: 10.0,
                    w: 20.0,
                    h: 4.0,
                    fill: Some(0.9),
                    stroke: Some(0.5),
                },
            ],
        };
        let marks = [Mark::Pagination, Mark::Layout, Mark::Layout];
        let ops = decoded(&page_content(&page, &marks, &[], 100.0, &faces));
        let names: Vec<&str> = ops.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(
            names,
            [
                "BT", "BDC", "Tf", "g", "Tm", "Tj", "EMC", "ET", "BMC", "G", "w", "m", "l", "S",
                "EMC", "BMC", "g", "G", "w", "re", "B", "EMC"
            ]
        );
        let glyphs: Vec<u8> = "Åsa"
            .chars()
            .flat_map(|c| subset.font.codepoint_to_glyph[&u32::from(c)].to_be_bytes())
            .collect();
        assert_eq!(ops[5].1[0].as_str().expect("string"), glyphs.as_slice());
        let tm: Vec<f32> = ops[4]
            .1
            .iter()
            .map(|o| o.as_float().expect("number"))
            .collect();
        assert_eq!(tm, [1.0, 0.0, 0.0, 1.0, 10.0, 80.0]);
        let re: Vec<f32> = ops[19]
            .1
            .iter()
            .map(|o| o.as_float().expect("number"))
            .collect();
        assert_eq!(re, [5.0, 86.0, 20.0, 4.0]);
    }
}
