//! Word wrapping of paragraphs to a column width, as byte ranges, so styling stays span-based.

use unicode_segmentation::UnicodeSegmentation;

use super::Span;
use super::inert::terminal;

/// One line of wrapped text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WrappedLine {
    /// A byte range of the text; whitespace inside it is shown, a newline as a space.
    Text(Span),
    /// The empty line between two paragraphs.
    Blank,
}

/// Paragraphs wrapped to a width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wrapped {
    pub width: usize,
    pub lines: Vec<WrappedLine>,
    /// `(start of text, line index)` for each text line, ascending, to find a byte's line.
    starts: Vec<(usize, usize)>,
}

impl Wrapped {
    /// The line showing byte `offset` (the last line starting at or before it).
    pub fn line_of(&self, offset: usize) -> usize {
        let after = self.starts.partition_point(|&(start, _)| start <= offset);
        after.checked_sub(1).map_or(0, |i| self.starts[i].1)
    }

    /// The lines a span covers, first to last inclusive.
    pub fn lines_of(&self, span: &Span) -> std::ops::RangeInclusive<usize> {
        self.line_of(span.start)..=self.line_of(span.end.saturating_sub(1).max(span.start))
    }
}

/// Wraps each paragraph of `text` to `width` columns, with a blank line between paragraphs.
///
/// Lines break at whitespace; a word wider than the line is broken between grapheme clusters.
/// Widths are those of the text as the terminal policy shows it ([`terminal::show`]).
/// `inserts` are `(byte offset, columns)` of extra marks drawn right after a byte (a kind tag
/// after an entity, when colour is off): wrapping leaves room for them.
pub fn wrap(text: &str, paragraphs: &[Span], width: usize, inserts: &[(usize, usize)]) -> Wrapped {
    let width = width.max(1);
    let mut out = Wrapped { width, ..Wrapped::default() };
    for (index, paragraph) in paragraphs.iter().enumerate() {
        if index > 0 {
            out.lines.push(WrappedLine::Blank);
        }
        wrap_paragraph(text, paragraph.clone(), width, inserts, &mut out);
    }
    out
}

fn wrap_paragraph(text: &str, paragraph: Span, width: usize, inserts: &[(usize, usize)], out: &mut Wrapped) {
    let mut line: Option<Span> = None;
    let mut used = 0;
    let mut space = 0;
    for token in tokens(text, paragraph) {
        if text[token.clone()].starts_with(char::is_whitespace) {
            space = terminal::span_width(text, &token);
            continue;
        }
        let token_width = terminal::span_width(text, &token) + inserted(inserts, &token);
        match line.as_mut() {
            Some(open) if used + space + token_width <= width => {
                open.end = token.end;
                used += space + token_width;
            }
            _ => {
                if let Some(done) = line.take() {
                    push(out, done);
                }
                let (rest, rest_width) = break_long(text, token, token_width, width, inserts, out);
                line = Some(rest);
                used = rest_width;
            }
        }
        space = 0;
    }
    if let Some(done) = line {
        push(out, done);
    }
}

fn push(out: &mut Wrapped, span: Span) {
    out.starts.push((span.start, out.lines.len()));
    out.lines.push(WrappedLine::Text(span));
}

/// Extra columns of inserts inside or right after `token`.
fn inserted(inserts: &[(usize, usize)], token: &Span) -> usize {
    let from = inserts.partition_point(|&(at, _)| at <= token.start);
    inserts[from..].iter().take_while(|&&(at, _)| at <= token.end).map(|&(_, w)| w).sum()
}

/// Emits full-width pieces of a token wider than a line; returns the last piece and its width.
fn break_long(
    text: &str,
    token: Span,
    token_width: usize,
    width: usize,
    inserts: &[(usize, usize)],
    out: &mut Wrapped,
) -> (Span, usize) {
    if token_width <= width {
        return (token, token_width);
    }
    let mut start = token.start;
    let mut used = 0;
    for (offset, cluster) in text[token.clone()].grapheme_indices(true) {
        let at = token.start + offset;
        let cluster = at..at + cluster.len();
        let w = terminal::span_width(text, &cluster) + inserted(inserts, &cluster).min(width);
        if used + w > width && at > start {
            push(out, start..at);
            start = at;
            used = 0;
        }
        used += w;
    }
    (start..token.end, used)
}

/// Alternating runs of whitespace and non-whitespace inside `span`.
fn tokens(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    let base = span.start;
    let slice = &text[span];
    let mut chars = slice.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, first) = chars.next()?;
        let blank = first.is_whitespace();
        let mut end = start + first.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            if c.is_whitespace() != blank {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        Some(base + start..base + end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str, wrapped: &Wrapped) -> Vec<String> {
        wrapped
            .lines
            .iter()
            .map(|l| match l {
                WrappedLine::Text(s) => text[s.clone()].replace('\n', " "),
                WrappedLine::Blank => String::new(),
            })
            .collect()
    }

    #[test]
    fn wraps_at_spaces_with_blank_lines_between_paragraphs() {
        let text = "The quick brown fox jumps over the lazy dog.\nSecond paragraph.";
        let wrapped = wrap(text, &[0..44, 45..62], 16, &[]);
        assert_eq!(
            show(text, &wrapped),
            ["The quick brown", "fox jumps over", "the lazy dog.", "", "Second", "paragraph."]
        );
    }

    #[test]
    fn long_words_break_between_characters() {
        let text = "see https://example.com/a/very/long/path now";
        let wrapped = wrap(text, std::slice::from_ref(&(0..text.len())), 10, &[]);
        assert_eq!(show(text, &wrapped), ["see", "https://ex", "ample.com/", "a/very/lon", "g/path now"]);
    }

    #[test]
    fn wide_characters_count_double() {
        let text = "日本と韓国の関係";
        let wrapped = wrap(text, std::slice::from_ref(&(0..text.len())), 6, &[]);
        assert_eq!(show(text, &wrapped), ["日本と", "韓国の", "関係"]);
    }

    #[test]
    fn inserts_take_room() {
        let text = "Japan and Korea";
        let wrapped = wrap(text, std::slice::from_ref(&(0..text.len())), 12, &[(5, 5)]);
        assert_eq!(show(text, &wrapped), ["Japan", "and Korea"]);
    }

    #[test]
    fn soft_newlines_are_spaces() {
        let text = "one two\nthree four";
        let wrapped = wrap(text, std::slice::from_ref(&(0..text.len())), 40, &[]);
        assert_eq!(wrapped.lines, [WrappedLine::Text(0..text.len())]);
    }

    #[test]
    fn finds_the_line_of_a_byte() {
        let text = "The quick brown fox jumps over the lazy dog.\nSecond paragraph.";
        let wrapped = wrap(text, &[0..44, 45..62], 16, &[]);
        assert_eq!(wrapped.line_of(0), 0);
        assert_eq!(wrapped.line_of(16), 1);
        assert_eq!(wrapped.line_of(50), 4);
        assert_eq!(wrapped.lines_of(&(10..50)), 0..=4);
    }
}
