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

/// The two faces documents are set in, parsed once per process.
#[derive(Debug)]
pub struct Fonts {
    regular: Face<'static>,
    bold: Face<'static>,
}

static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();

impl Fonts {
    /// The embedded fonts; `None` only if the build carries a damaged font file.
    pub fn get() -> Option<&'static Fonts> {
        FONTS
            .get_or_init(|| {
                Some(Fonts {
                    regular: Face::parse(REGULAR_TTF, 0).ok()?,
                    bold: Face::parse(BOLD_TTF, 0).ok()?,
                })
            })
            .as_ref()
    }

    fn face(&self, style: Style) -> &Face<'static> {
        match style {
            Style::Regular => &self.regular,
            Style::Bold => &self.bold,
        }
    }

    /// Whether both faces can draw the character. Line breaks and tabs count as drawable:
    /// layout turns them into breaks and spaces.
    pub fn can_draw(&self, c: char) -> bool {
        matches!(c, '\n' | '\r' | '\t')
            || (self.regular.glyph_index(c).is_some() && self.bold.glyph_index(c).is_some())
    }

    /// The first character of `text` that the fonts cannot draw, if any.
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
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .map_or(0, u32::from)
            })
            .sum();
        units as f32 * size / f32::from(face.units_per_em())
    }

    /// How far the tallest letters rise above the baseline, in points at `size`.
    pub fn ascent(&self, style: Style, size: f32) -> f32 {
        let face = self.face(style);
        f32::from(face.ascender()) * size / f32::from(face.units_per_em())
    }
}

#[cfg(test)]
mod tests {
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
}
