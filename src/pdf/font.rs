//! The embedded fonts and their metrics. DejaVu Sans (regular and bold) is built into the
//! binary (`assets/fonts/`, licence beside it); widths come from the font's own advance
//! widths, so wrapping matches what the PDF viewer draws.

use std::sync::OnceLock;

use ttf_parser::Face;

use super::draw::Style;

/// DejaVu Sans, the regular face.
pub const REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold.
pub const BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// A character that the fonts cannot draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MissingGlyph(pub char);

/// Characters below this have their advance widths and drawability looked up once, when
/// the fonts are loaded (Latin, Latin-1 and Latin Extended-A and -B: nearly every name).
const CACHED: usize = 0x250;

/// A face with the advances of the common characters at hand (the font's character map is
/// slow to search, and layout measures the same letters thousands of times).
#[derive(Debug)]
struct Measured {
    face: Face<'static>,
    /// Glyph id and advance width in font units, `None` where the face has no glyph.
    advances: Vec<Option<(u16, u16)>>,
}

impl Measured {
    fn new(face: Face<'static>) -> Measured {
        let advances = (0..CACHED)
            .map(|i| {
                char::from_u32(i as u32)
                    .and_then(|c| face.glyph_index(c))
                    .map(|g| (g.0, face.glyph_hor_advance(g).unwrap_or(0)))
            })
            .collect();
        Measured { face, advances }
    }

    /// The character's glyph id and advance width.
    fn lookup(&self, c: char) -> Option<(u16, u16)> {
        match self.advances.get(c as usize) {
            Some(cached) => *cached,
            None => self
                .face
                .glyph_index(c)
                .map(|g| (g.0, self.face.glyph_hor_advance(g).unwrap_or(0))),
        }
    }

    fn glyph(&self, c: char) -> Option<u16> {
        self.lookup(c).map(|(_, advance)| advance)
    }
}

/// The two faces documents are set in, parsed once per process.
#[derive(Debug)]
pub struct Fonts {
    regular: Measured,
    bold: Measured,
}

static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();

impl Fonts {
    /// The embedded fonts; `None` only if the build carries a damaged font file.
    pub fn get() -> Option<&'static Fonts> {
        FONTS
            .get_or_init(|| {
                Some(Fonts {
                    regular: Measured::new(Face::parse(REGULAR_TTF, 0).ok()?),
                    bold: Measured::new(Face::parse(BOLD_TTF, 0).ok()?),
                })
            })
            .as_ref()
    }

    fn face(&self, style: Style) -> &Measured {
        match style {
            Style::Regular => &self.regular,
            Style::Bold => &self.bold,
        }
    }

    /// The parsed face of `style` (for the PDF writer: metrics and glyph advances).
    pub fn face_of(&self, style: Style) -> &Face<'static> {
        &self.face(style).face
    }

    /// The glyph id of `c` in `style`'s face (0, the missing glyph, where it has none).
    pub fn glyph_id(&self, style: Style, c: char) -> u16 {
        self.face(style).lookup(c).map_or(0, |(g, _)| g)
    }

    /// Whether both faces can draw the character. Line breaks and tabs count as drawable:
    /// layout turns them into breaks and spaces.
    pub fn can_draw(&self, c: char) -> bool {
        matches!(c, '\n' | '\r' | '\t')
            || (!is_right_to_left(c)
                && self.regular.glyph(c).is_some()
                && self.bold.glyph(c).is_some())
    }

    /// The first character of `text` that the fonts cannot draw correctly, if any.
    pub fn check(&self, text: &str) -> Result<(), MissingGlyph> {
        match text.chars().find(|c| !self.can_draw(*c)) {
            Some(c) => Err(MissingGlyph(c)),
            None => Ok(()),
        }
    }

    /// The width of `text` set in `style` at `size` points, in points (no kerning: the PDF
    /// is written without it, so this is exactly what is drawn).
    pub fn width(&self, style: Style, size: f32, text: &str) -> f32 {
        let face = self.face(style);
        let units: u32 = text
            .chars()
            .map(|c| face.glyph(c).map_or(0, u32::from))
            .sum();
        units as f32 * size / f32::from(face.face.units_per_em())
    }

    /// How far the tallest letters rise above the baseline, in points at `size`.
    pub fn ascent(&self, style: Style, size: f32) -> f32 {
        let face = &self.face(style).face;
        f32::from(face.ascender()) * size / f32::from(face.units_per_em())
    }
}

/// Whether a character belongs to a script written right to left (Hebrew, Arabic, Syriac,
/// Thaana, N'Ko and their presentation forms). The layout sets text left to right without
/// shaping, so such text would print in typing order with Arabic letters unjoined: it is
/// refused like a character the font lacks, rather than printed wrong.
fn is_right_to_left(c: char) -> bool {
    matches!(u32::from(c),
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

#[cfg(test)]
mod tests {
    #[test]
    fn right_to_left_scripts_are_refused_not_printed_in_the_wrong_order() {
        let fonts = super::Fonts::get().expect("fonts");
        for text in ["שלום", "مرحبا"] {
            assert!(fonts.check(text).is_err(), "{text}");
        }
        assert!(fonts.check("Åsa Öberg-Ibáñez").is_ok());
    }

    use super::*;

    #[test]
    fn swedish_and_accented_letters_are_drawable_and_private_use_is_not() {
        let f = Fonts::get().expect("fonts");
        assert!(
            f.check("Märta Ödegård-Ibáñez, Åsa Ærø, Łódź, Ştefan")
                .is_ok()
        );
        assert_eq!(f.check("a\u{E000}b"), Err(MissingGlyph('\u{E000}')));
        assert!(f.check("漢").is_err(), "DejaVu Sans has no CJK ideographs");
    }

    #[test]
    fn widths_grow_with_text_and_size() {
        let f = Fonts::get().expect("fonts");
        let a = f.width(Style::Regular, 10.0, "Falun");
        assert!(a > 20.0 && a < 40.0, "{a}");
        assert!((f.width(Style::Regular, 20.0, "Falun") - 2.0 * a).abs() < 0.01);
        assert!(f.width(Style::Bold, 10.0, "Falun") > a);
    }

    #[test]
    fn cached_and_looked_up_widths_agree() {
        let f = Fonts::get().expect("fonts");
        for style in [Style::Regular, Style::Bold] {
            let m = f.face(style);
            // Across the cached range and beyond it (Greek, Cyrillic, arrows).
            for c in ('\u{20}'..='\u{2FF}')
                .chain('Α'..='ω')
                .chain('А'..='я')
                .chain(['→'])
            {
                let looked_up = m
                    .face
                    .glyph_index(c)
                    .map(|g| m.face.glyph_hor_advance(g).unwrap_or(0));
                assert_eq!(m.glyph(c), looked_up, "{c:?}");
            }
        }
    }
}
