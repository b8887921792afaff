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
//! 2. **printpdf** turns the pages into operations, each text run wrapped in marked content:
//!    `/P <</MCID n>> BDC … EMC` for content (of the element [`super::tags`] reads from the
//!    drawing list), `/Artifact <</Type /Pagination>>` for running heads, page numbers and
//!    repeated table headers, `/Artifact` for rules, frames and shading. The bookmarks are
//!    printpdf's. [`printpdf::to_lopdf_doc`] hands the document over as a `lopdf::Document`.
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
    Color, DictItem, FontId, FontMetrics, FontType, Greyscale, Line, LinePoint, Op, PaintMode,
    ParsedFont, PdfDocument, PdfFontHandle, PdfFontMetricsStub, PdfPage, PdfSaveOptions, Point, Pt,
    Rect, TextItem, TextMatrix,
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenderError {
    /// The embedded font could not be read or subset (a damaged build).
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

fn gray(g: f32) -> Color {
    Color::Greyscale(Greyscale {
        percent: g.clamp(0.0, 1.0),
        icc_profile: None,
    })
}

/// `BDC` with a property list of one integer or name entry.
fn begin_marked(tag: &str, key: &str, value: DictItem) -> Op {
    Op::BeginMarkedContentWithProperties {
        tag: tag.to_owned(),
        properties: DictItem::Dict {
            map: BTreeMap::from([(key.to_owned(), value)]),
        },
    }
}

fn tag_name(kind: Kind) -> &'static str {
    std::str::from_utf8(kind.name()).unwrap_or("P")
}

/// A page's operations, each item marked as [`structure`] says.
fn page_ops(
    page: &super::draw::Page,
    marks: &[Mark],
    elems: &[super::tags::Elem],
    height: f32,
    regular: &FontId,
    bold: &FontId,
) -> Vec<Op> {
    let mut ops = Vec::with_capacity(page.items.len() * 6);
    let mut in_text = false;
    let mut current: Option<(Style, u32)> = None;
    let mut fill: Option<u32> = None;
    let end_text = |ops: &mut Vec<Op>, in_text: &mut bool| {
        if *in_text {
            ops.push(Op::EndTextSection);
            *in_text = false;
        }
    };
    for (item, mark) in page.items.iter().zip(marks) {
        match item {
            Item::Text(t) => {
                if !in_text {
                    ops.push(Op::StartTextSection);
                    in_text = true;
                    current = None;
                }
                ops.push(match mark {
                    Mark::Content { elem, mcid } => begin_marked(
                        tag_name(elems[*elem].kind),
                        "MCID",
                        DictItem::Int(i64::from(*mcid)),
                    ),
                    Mark::Pagination | Mark::Layout => {
                        begin_marked("Artifact", "Type", DictItem::Name(b"Pagination".to_vec()))
                    }
                });
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
                ops.push(Op::EndMarkedContent);
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                gray: g,
            } => {
                end_text(&mut ops, &mut in_text);
                ops.push(Op::BeginMarkedContent {
                    tag: "Artifact".to_owned(),
                });
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
                ops.push(Op::EndMarkedContent);
            }
            Item::Rect {
                x,
                y,
                w,
                h,
                fill: f,
                stroke,
            } => {
                let mode = match (f, stroke) {
                    (Some(_), Some(_)) => PaintMode::FillStroke,
                    (Some(_), None) => PaintMode::Fill,
                    (None, Some(_)) => PaintMode::Stroke,
                    (None, None) => continue,
                };
                end_text(&mut ops, &mut in_text);
                ops.push(Op::BeginMarkedContent {
                    tag: "Artifact".to_owned(),
                });
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
                ops.push(Op::EndMarkedContent);
            }
        }
    }
    end_text(&mut ops, &mut in_text);
    ops
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
    for (i, e) in tags.elems.iter().enumerate() {
        let on: Vec<usize> = e
            .kids
            .iter()
            .filter_map(|k| match k {
                Kid::Content { page, .. } => Some(*page),
                Kid::Elem(_) => None,
            })
            .collect();
        let one_page = on.first().copied().filter(|p| on.iter().all(|q| q == p));
        let kids: Vec<Object> = e
            .kids
            .iter()
            .map(|k| match k {
                Kid::Elem(c) => Object::Reference(elem_ids[*c]),
                Kid::Content { page, mcid } if one_page.is_some() => {
                    let _ = page;
                    Object::Integer(i64::from(*mcid))
                }
                Kid::Content { page, mcid } => Object::Dictionary(Dictionary::from_iter([
                    ("Type", name("MCR")),
                    ("Pg", Object::Reference(pages[*page])),
                    ("MCID", Object::Integer(i64::from(*mcid))),
                ])),
            })
            .collect();
        let mut d = Dictionary::from_iter([
            ("Type", name("StructElem")),
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
        pdf.objects.insert(elem_ids[i], Object::Dictionary(d));
    }
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

    let mut pdf = PdfDocument::new(&doc.info.title);
    let regular = pdf.add_font(&regular_subset.font);
    let bold = pdf.add_font(&bold_subset.font);
    let (w, h) = (Pt(doc.width), Pt(doc.height));
    let pages = doc
        .pages
        .iter()
        .zip(&tags.marks)
        .map(|(p, marks)| {
            let ops = page_ops(p, marks, &tags.elems, doc.height, &regular, &bold);
            PdfPage::new(w.into(), h.into(), ops)
        })
        .collect();
    pdf.with_pages(pages);
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

    // The pages' content, compressed; the document ID, a digest of what the document says
    // and draws.
    let mut id_hash = Sha256::new();
    id_hash.update(doc.info.title.as_bytes());
    id_hash.update(doc.info.created.to_rfc3339().as_bytes());
    for page in &page_ids {
        let content = out
            .get_dictionary(*page)
            .and_then(|d| d.get(b"Contents"))
            .and_then(Object::as_reference);
        if let Ok(c) = content
            && let Some(Object::Stream(s)) = out.objects.get_mut(&c)
        {
            id_hash.update(&s.content);
            s.dict.set("Filter", name("FlateDecode"));
            let packed = deflate_fast(&s.content);
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
    let mut bytes = Vec::new();
    out.save_to(&mut bytes).map_err(|_| RenderError::Font)?;
    Ok(bytes)
}
