//! How a line of text is capitalised: normal prose, an all-capitals heading, or a lower-case one.

use crate::text::Span;

/// The capitalisation of a line, which decides how strictly names must be capitalised in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineCase {
    Normal,
    /// `US TROOPS LEAVE SEOUL`: capitals say nothing about names.
    AllCaps,
    /// `n. korea fires missile`: neither do missing ones.
    Lowercase,
    /// `Japan and South Korea Sound Alarm`: a headline in title case, where a capital marks a
    /// word's place in the headline more than a name.
    Title,
}

impl LineCase {
    /// Whether capitals on this line say nothing about names (all capitals or none).
    pub fn is_uniform(self) -> bool {
        matches!(self, Self::AllCaps | Self::Lowercase)
    }
}

/// The capitalisation of each line of a text, to look up by byte offset.
#[derive(Debug, Clone)]
pub struct CaseMap {
    /// `(start of line, its case)`, ascending; only lines that are not `Normal`.
    lines: Vec<(Span, LineCase)>,
}

impl CaseMap {
    pub fn new(text: &str) -> Self {
        let mut lines = Vec::new();
        let mut start = 0;
        for piece in text.split_inclusive('\n') {
            let span = start..start + piece.len();
            let case = line_case(piece);
            if case != LineCase::Normal {
                lines.push((span, case));
            }
            start += piece.len();
        }
        Self { lines }
    }

    /// The case of the line holding byte `offset`.
    pub fn at(&self, offset: usize) -> LineCase {
        let after = self.lines.partition_point(|(span, _)| span.start <= offset);
        after
            .checked_sub(1)
            .map(|i| &self.lines[i])
            .filter(|(span, _)| span.contains(&offset))
            .map_or(LineCase::Normal, |(_, case)| *case)
    }
}

fn line_case(line: &str) -> LineCase {
    // Counted over bytes, which the compiler vectorises; only the characters beyond ASCII (a
    // curly quote puts one in most lines) are decoded.
    let bytes = line.as_bytes();
    let mut upper = bytes.iter().filter(|b| b.is_ascii_uppercase()).count();
    let mut lower = bytes.iter().filter(|b| b.is_ascii_lowercase()).count();
    if !line.is_ascii() {
        for (at, _) in bytes.iter().enumerate().filter(|(_, b)| **b >= 0xC0) {
            let c = line[at..].chars().next().unwrap_or(' ');
            upper += usize::from(c.is_uppercase());
            lower += usize::from(c.is_lowercase());
        }
    }
    if lower == 0 && upper >= 4 {
        LineCase::AllCaps
    } else if upper == 0 && lower >= 8 {
        LineCase::Lowercase
    } else if upper >= 3 && is_title_case(line) {
        LineCase::Title
    } else {
        LineCase::Normal
    }
}

/// A short line, not a sentence, whose longer words nearly all start with a capital.
fn is_title_case(line: &str) -> bool {
    const MAX_BYTES: usize = 200;
    let line = line.trim_end();
    // A line with figures is a row of a table (`1. Ana Lund (Norway) 2:08.14`), not a headline.
    if line.len() > MAX_BYTES || line.ends_with(['.', '?', '!']) || line.contains(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let (mut long, mut capitalised) = (0, 0);
    for word in line.split_whitespace() {
        let mut letters = word.chars().filter(|c| c.is_alphabetic());
        let first = letters.next();
        if letters.take(3).count() == 3 {
            long += 1;
            capitalised += usize::from(first.is_some_and(char::is_uppercase));
        }
    }
    long >= 3 && capitalised * 10 >= long * 8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_classified() {
        let text = "US TROOPS LEAVE SEOUL\nn. korea fires missile\nJapan and Korea met.\nOK\nJapan and South Korea Sound Alarm over Putin-Kim\n";
        let map = CaseMap::new(text);
        assert_eq!(map.at(0), LineCase::AllCaps);
        assert_eq!(map.at(text.find("korea").unwrap()), LineCase::Lowercase);
        assert_eq!(map.at(text.find("Japan").unwrap()), LineCase::Normal);
        assert_eq!(map.at(text.find("OK").unwrap()), LineCase::Normal);
        assert_eq!(map.at(text.find("Sound").unwrap()), LineCase::Title);
    }
}
