//! The one place where byte offsets become Unicode code-point offsets (for JSON, W3C and gold),
//! and lines and columns (for editors, search results and the Markdown briefing's links).

use super::Span;

/// The code-point offset of byte offset `byte` in `text`.
///
/// `byte` must lie on a character boundary; offsets past the end count the whole text.
pub fn char_offset(text: &str, byte: usize) -> usize {
    let end = byte.min(text.len());
    text.get(..end).map_or_else(|| text.chars().count(), |head| head.chars().count())
}

/// Converts many ascending byte offsets of one text without rescanning from the start.
#[derive(Debug)]
pub struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    pub fn new(text: &'a str) -> Self {
        Self { text, byte: 0, chars: 0 }
    }

    /// The code-point offset of `byte`; cheapest when called with offsets close to the last.
    pub fn of(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if byte < self.byte {
            // Back from the last offset (the start of a claim that overlaps the one before):
            // what lies between is uncounted rather than the text counted again from the top.
            if let Some(between) = self.text.get(byte..self.byte) {
                self.chars -= between.chars().count();
                self.byte = byte;
            } else {
                (self.byte, self.chars) = (0, 0);
            }
        }
        let step = self.text.get(self.byte..byte).map_or(0, |s| s.chars().count());
        self.byte = byte;
        self.chars += step;
        self.chars
    }
}

/// Finds lines, columns and code points of offsets in one text, scanning each part of it once
/// when they ascend, and only what lies between when one goes back.
#[derive(Debug)]
pub struct Locator<'t> {
    text: &'t str,
    offsets: CharOffsets<'t>,
    /// Lines counted up to this byte.
    counted: usize,
    line: usize,
}

/// Where a match is: code points, line, column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub chars: std::ops::Range<usize>,
    pub line: usize,
    pub column: usize,
}

impl<'t> Locator<'t> {
    pub fn new(text: &'t str) -> Self {
        Self { text, offsets: CharOffsets::new(text), counted: 0, line: 1 }
    }

    /// Where `span` is; cheapest when called for ascending spans.
    pub fn locate(&mut self, span: &Span) -> Location {
        let bytes = self.text.as_bytes();
        if span.start < self.counted {
            self.line -= count_newlines(&bytes[span.start..self.counted]);
        } else {
            self.line += count_newlines(&bytes[self.counted..span.start]);
        }
        self.counted = span.start;
        let line_start = self.text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let column = self.text[line_start..span.start].chars().count() + 1;
        let start = self.offsets.of(span.start);
        let chars = start..self.offsets.of(span.end);
        Location { chars, line: self.line, column }
    }
}

fn count_newlines(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn counts_code_points_not_bytes() {
        let text = "Japan’s “big” day";
        let byte = text.find("day").unwrap();
        assert_eq!(char_offset(text, byte), 14);
        assert_eq!(char_offset(text, text.len() + 5), text.chars().count());
    }

    #[test]
    fn lines_columns_and_code_points() {
        let text = "Tōkyō\nKishida met 岸田 in Tōkyō\n";
        let mut locator = Locator::new(text);
        let first = text.find("Kishida").unwrap();
        assert_eq!(locator.locate(&(first..first + 7)), Location { chars: 6..13, line: 2, column: 1 });
        let last = text.rfind("Tōkyō").unwrap();
        let located = locator.locate(&(last..last + "Tōkyō".len()));
        assert_eq!(located, Location { chars: 24..29, line: 2, column: 19 });
        // Going back finds the first line again.
        assert_eq!(locator.locate(&(0..2)).line, 1);
    }

    /// Offsets into `text` on character boundaries, in any order.
    fn text_and_offsets() -> impl Strategy<Value = (String, Vec<usize>)> {
        "[a-zé日\n👨 ]{0,40}".prop_flat_map(|text| {
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let offsets = prop::collection::vec(prop::sample::select(bounds), 0..12);
            (Just(text), offsets)
        })
    }

    proptest! {
        #[test]
        fn offsets_in_any_order_match_counting_from_the_start((text, offsets) in text_and_offsets()) {
            let mut incremental = CharOffsets::new(&text);
            for byte in offsets {
                prop_assert_eq!(incremental.of(byte), char_offset(&text, byte));
            }
        }

        #[test]
        fn spans_in_any_order_are_located_as_from_the_start((text, offsets) in text_and_offsets()) {
            let mut locator = Locator::new(&text);
            for pair in offsets.chunks_exact(2) {
                let span = pair[0].min(pair[1])..pair[0].max(pair[1]);
                let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
                let expected = Location {
                    chars: char_offset(&text, span.start)..char_offset(&text, span.end),
                    line: text[..span.start].matches('\n').count() + 1,
                    column: text[line_start..span.start].chars().count() + 1,
                };
                prop_assert_eq!(locator.locate(&span), expected);
            }
        }
    }

    #[test]
    fn incremental_matches_direct() {
        let text = "é, ü — ok “x” y";
        let mut offsets = CharOffsets::new(text);
        for (byte, _) in text.char_indices() {
            assert_eq!(offsets.of(byte), char_offset(text, byte));
        }
        assert_eq!(offsets.of(0), 0);
    }
}
