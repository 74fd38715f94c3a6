//! The one place where byte offsets become Unicode code-point offsets (for JSON, W3C and gold).

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

    /// The code-point offset of `byte`; cheapest when called with ascending offsets.
    pub fn of(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        let step = self.text.get(self.byte..byte).map_or(0, |s| s.chars().count());
        self.byte = byte;
        self.chars += step;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_code_points_not_bytes() {
        let text = "Japan’s “big” day";
        let byte = text.find("day").unwrap();
        assert_eq!(char_offset(text, byte), 14);
        assert_eq!(char_offset(text, text.len() + 5), text.chars().count());
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
