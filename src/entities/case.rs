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
    let (mut upper, mut lower) = (0, 0);
    for c in line.chars().filter(|c| c.is_alphabetic()) {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    if lower == 0 && upper >= 4 {
        LineCase::AllCaps
    } else if upper == 0 && lower >= 8 {
        LineCase::Lowercase
    } else {
        LineCase::Normal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_classified() {
        let text = "US TROOPS LEAVE SEOUL\nn. korea fires missile\nJapan and Korea met.\nOK\n";
        let map = CaseMap::new(text);
        assert_eq!(map.at(0), LineCase::AllCaps);
        assert_eq!(map.at(text.find("korea").unwrap()), LineCase::Lowercase);
        assert_eq!(map.at(text.find("Japan").unwrap()), LineCase::Normal);
        assert_eq!(map.at(text.find("OK").unwrap()), LineCase::Normal);
    }
}
