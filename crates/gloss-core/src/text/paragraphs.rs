//! Paragraphs of plain text: blank-line blocks or single lines, with hard-wrapped text detected.

use super::Span;

/// The paragraphs of a text and whether single newlines inside them are soft (hard-wrapped text).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Paragraphs {
    pub spans: Vec<Span>,
    /// True when the text is hard-wrapped: paragraphs are blank-line blocks and a newline inside
    /// one is just a space. False when every line is its own paragraph (news exports, the seeds).
    pub soft_wrapped: bool,
}

/// A line of the text without its line break, and with surrounding whitespace trimmed.
#[derive(Debug, Clone)]
struct Line {
    span: Span,
    chars: usize,
}

/// Splits `text` into paragraphs.
///
/// News exports put one paragraph per line, separated by blank lines or by nothing at all;
/// e-mailed or plain-text articles are hard-wrapped at ~72 columns with blank lines between
/// paragraphs. Both read correctly: the second is detected from line lengths and endings.
pub fn paragraphs(text: &str) -> Paragraphs {
    let blocks = blocks(text);
    let soft_wrapped = looks_hard_wrapped(text, &blocks);
    let spans = if soft_wrapped {
        blocks.iter().filter_map(|b| Some(b.first()?.span.start..b.last()?.span.end)).collect()
    } else {
        blocks.iter().flatten().map(|line| line.span.clone()).collect()
    };
    Paragraphs { spans, soft_wrapped }
}

/// Runs of non-blank lines.
fn blocks(text: &str) -> Vec<Vec<Line>> {
    let mut blocks: Vec<Vec<Line>> = vec![Vec::new()];
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let end = start + piece.len();
        let content = piece.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        if trimmed.is_empty() {
            if blocks.last().is_some_and(|b| !b.is_empty()) {
                blocks.push(Vec::new());
            }
        } else {
            let lead = content.len() - content.trim_start().len();
            let span = start + lead..start + lead + trimmed.len();
            let chars = trimmed.chars().count();
            if let Some(block) = blocks.last_mut() {
                block.push(Line { span, chars });
            }
        }
        start = end;
    }
    blocks.retain(|b| !b.is_empty());
    blocks
}

fn looks_hard_wrapped(text: &str, blocks: &[Vec<Line>]) -> bool {
    const MAX_WRAP_WIDTH: usize = 100;
    let lines = || blocks.iter().flatten();
    if blocks.len() < 2 || lines().any(|l| l.chars > MAX_WRAP_WIDTH) {
        return false;
    }
    // Lines that continue onto a next line of their block: in wrapped prose these are long and
    // mostly end mid-sentence; in tables and lists of headings they are short or end cleanly.
    let continued: Vec<&Line> = blocks.iter().filter(|b| b.len() >= 2).flat_map(|b| &b[..b.len() - 1]).collect();
    if continued.len() < 2 || !blocks.iter().any(|b| b.len() >= 3) {
        return false;
    }
    let mean = continued.iter().map(|l| l.chars).sum::<usize>() / continued.len();
    let ends_sentence =
        continued.iter().filter(|l| text[l.span.clone()].ends_with(['.', '?', '!', ':', '"', '”'])).count();
    mean >= 45 && ends_sentence * 2 < continued.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, p: &Paragraphs) -> Vec<&'a str> {
        p.spans.iter().map(|s| &text[s.clone()]).collect()
    }

    #[test]
    fn blank_line_separated_single_lines() {
        let text = "Title\n\nSource Updated on 2024-01-01\n\nFirst para.\n\n\nSecond para.\n";
        let p = paragraphs(text);
        assert!(!p.soft_wrapped);
        assert_eq!(texts(text, &p), ["Title", "Source Updated on 2024-01-01", "First para.", "Second para."]);
    }

    #[test]
    fn newline_separated_lines_are_paragraphs() {
        let text = "One paragraph here.\nAnother one.\r\n  Indented third.  ";
        let p = paragraphs(text);
        assert_eq!(texts(text, &p), ["One paragraph here.", "Another one.", "Indented third."]);
    }

    #[test]
    fn hard_wrapped_prose_joins_lines() {
        let text = "A headline\n\n\
            The minister said on Tuesday that the talks would continue next week in\n\
            Seoul, despite objections from several members of the ruling party who\n\
            had argued for a pause until the budget is passed.\n\n\
            Officials in Tokyo declined to comment on the matter when asked about it\n\
            by reporters on Wednesday morning, citing the sensitivity of the issue\n\
            and the ongoing negotiations.\n";
        let p = paragraphs(text);
        assert!(p.soft_wrapped);
        assert_eq!(p.spans.len(), 3);
        assert!(texts(text, &p)[1].ends_with("budget is passed."));
    }

    #[test]
    fn short_table_rows_are_not_wrapped_prose() {
        let text = "Table\n\nAspect Japan Korea\nMilitary Drills Defense\nEconomy Sanctions Trade\n\nEnd.";
        assert!(!paragraphs(text).soft_wrapped);
    }

    #[test]
    fn empty_and_blank_text() {
        assert!(paragraphs("").spans.is_empty());
        assert!(paragraphs(" \n\n\t\n").spans.is_empty());
    }
}
