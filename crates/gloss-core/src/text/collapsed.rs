//! Long runs of spaces shortened for segmenting, with the way back to raw byte offsets.
//!
//! `unicode-segmentation`'s sentence splitter takes time quadratic in the length of a run of
//! spaces after a sentence's end (8 KB: a second; 64 KB: a minute). UAX #29 treats a run of
//! spaces (`Sp*`) the same whatever its length and never breaks inside one, so segmenting the
//! text with each long run cut to its first character gives the same boundaries.

use std::borrow::Cow;

/// Runs of spaces longer than this are shortened; shorter ones are left as they are, so
/// ordinary text is segmented as written.
pub const LONGEST_RUN: usize = 16;

/// A text with its long runs of spaces cut to one character each.
#[derive(Debug)]
pub struct Collapsed<'a> {
    pub text: Cow<'a, str>,
    /// `(offset in the shortened text, bytes removed up to there)`, ascending: where each
    /// shortened run ends, and how far the raw text is ahead from there on.
    shifts: Vec<(usize, usize)>,
}

/// A space to UAX #29 sentence rules (`Sp`): white space that is no line or paragraph break.
pub fn is_sentence_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

impl<'a> Collapsed<'a> {
    /// `text` with every run of more than `longest` spaces cut to its first character.
    pub fn new(text: &'a str, longest: usize) -> Self {
        if !has_long_run(text, longest) {
            return Self { text: Cow::Borrowed(text), shifts: Vec::new() };
        }
        let mut out = String::with_capacity(text.len());
        let mut shifts = Vec::new();
        let mut removed = 0;
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            out.push(c);
            if !is_sentence_space(c) {
                continue;
            }
            let mut end = at + c.len_utf8();
            let mut run = 1;
            while let Some(&(next_at, next)) = chars.peek().filter(|&&(_, n)| is_sentence_space(n)) {
                end = next_at + next.len_utf8();
                run += 1;
                chars.next();
            }
            if run > longest {
                removed += end - (at + c.len_utf8());
                shifts.push((out.len(), removed));
            } else {
                out.push_str(&text[at + c.len_utf8()..end]);
            }
        }
        Self { text: Cow::Owned(out), shifts }
    }

    /// The raw offset of `offset` in the shortened text; the end of a shortened run maps to
    /// the end of the whole run.
    pub fn raw(&self, offset: usize) -> usize {
        let after = self.shifts.partition_point(|&(at, _)| at <= offset);
        offset + after.checked_sub(1).map_or(0, |i| self.shifts[i].1)
    }
}

/// Whether `text` has a run of more than `longest` spaces; ASCII a byte at a time.
fn has_long_run(text: &str, longest: usize) -> bool {
    let bytes = text.as_bytes();
    let mut run = 0;
    let mut at = 0;
    while at < bytes.len() {
        let (space, width) = if bytes[at].is_ascii() {
            (matches!(bytes[at], b' ' | b'\t' | 0x0b | 0x0c), 1)
        } else {
            text[at..].chars().next().map_or((false, 1), |c| (is_sentence_space(c), c.len_utf8()))
        };
        run = if space { run + 1 } else { 0 };
        if run > longest {
            return true;
        }
        at += width;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_runs_are_cut_and_offsets_map_back() {
        let text = "One.     Two.\u{a0}\t \u{a0}Three.";
        let collapsed = Collapsed::new(text, 2);
        assert_eq!(collapsed.text, "One. Two.\u{a0}Three.");
        let two = collapsed.text.find("Two").unwrap();
        assert_eq!(&text[collapsed.raw(two)..], "Two.\u{a0}\t \u{a0}Three.");
        let three = collapsed.text.find("Three").unwrap();
        assert_eq!(&text[collapsed.raw(three)..], "Three.");
        assert_eq!(collapsed.raw(0), 0);
        assert_eq!(collapsed.raw(collapsed.text.len()), text.len());
    }

    #[test]
    fn short_runs_and_line_breaks_stay() {
        let text = "One.  Two.\n\n\n\nThree.";
        let collapsed = Collapsed::new(text, 2);
        assert!(matches!(collapsed.text, Cow::Borrowed(_)));
        assert_eq!(collapsed.raw(7), 7);
    }
}
