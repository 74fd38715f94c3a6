//! Short text folded onto a few lines, cut with an ellipsis: titles in the list, the article's
//! note at the top of the reader.

use gloss_core::text::{WrappedLine, wrap};
use unicode_width::UnicodeWidthStr;

use super::view::fit;

/// `text` (made safe: controls visible, newlines as spaces) on at most `max_lines` lines of
/// `width` columns, broken between words; the last line ends in `…` when the text goes on.
pub fn fold(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let text = super::view::safe(text);
    let text = text.trim();
    if text.width() <= width || max_lines <= 1 {
        return vec![fit(text, width)];
    }
    // The whole text is one paragraph.
    let wrapped = wrap(text, std::slice::from_ref(&(0..text.len())), width, &[]);
    let spans: Vec<_> = wrapped
        .lines
        .iter()
        .filter_map(|line| if let WrappedLine::Text(s) = line { Some(s.clone()) } else { None })
        .collect();
    let mut lines: Vec<String> = spans.iter().take(max_lines).map(|s| text[s.clone()].trim().to_owned()).collect();
    if spans.len() > max_lines
        && let Some(last) = lines.last_mut()
    {
        *last = if last.width() < width { format!("{last}…") } else { fit(&format!("{last}…"), width) };
    }
    lines
}

/// How many lines `text` takes folded as [`fold`] folds it, without making them.
pub fn lines(text: &str, width: usize, max_lines: usize) -> usize {
    if text.width() <= width { 1 } else { fold(text, width, max_lines).len() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_between_words_and_cuts_the_last_line() {
        assert_eq!(fold("Japan and Korea", 20, 2), ["Japan and Korea"]);
        assert_eq!(fold("Japan and South Korea sound the alarm", 20, 2), ["Japan and South", "Korea sound the…"]);
        let long = "While Russia Deepens Ties With North Korea, Historic Tensions Are Boiling Up";
        let folded = fold(long, 24, 2);
        assert_eq!(folded.len(), 2);
        assert!(folded[1].ends_with('…') && folded.iter().all(|l| l.width() <= 24), "{folded:?}");
        assert_eq!(fold("a\nnote", 20, 3), ["a note"]);
        assert_eq!(lines(long, 24, 2), 2);
        assert_eq!(lines("short", 24, 2), 1);
    }
}
