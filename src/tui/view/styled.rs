//! Turning a byte range of article text plus style layers into a terminal line, made safe.

use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};

use gloss_core::text::{Span, display_char};

/// A style over a byte range; later layers are patched over earlier ones.
pub type Layer = (Span, Style);

/// Text drawn right after a byte of the article that is not in it (a kind tag).
pub type Insert = (usize, String, Style);

/// The text of `span` with every layer's style applied where it overlaps and every insert
/// placed after its byte, controls made visible and newlines shown as spaces.
pub fn styled_line<'a>(text: &'a str, span: &Span, layers: &[Layer], inserts: &[Insert]) -> Line<'a> {
    let inside = |at: &usize| span.start < *at && *at <= span.end;
    let mut cuts: Vec<usize> = vec![span.start, span.end];
    for (layer, _) in layers {
        cuts.extend([layer.start, layer.end].into_iter().filter(|c| span.contains(c)));
    }
    cuts.extend(inserts.iter().map(|(at, _, _)| *at).filter(inside));
    cuts.sort_unstable();
    cuts.dedup();
    let mut pieces: Vec<TextSpan<'a>> = Vec::new();
    for w in cuts.windows(2) {
        let (start, end) = (w[0], w[1]);
        let style = layers
            .iter()
            .filter(|(l, _)| l.start <= start && end <= l.end)
            .fold(Style::new(), |acc, (_, s)| acc.patch(*s));
        if let Some(piece) = text.get(start..end) {
            pieces.push(TextSpan::styled(safe(piece), style));
        }
        for (_, insert, style) in inserts.iter().filter(|(at, _, _)| *at == end) {
            pieces.push(TextSpan::styled(insert.clone(), *style));
        }
    }
    Line::from(pieces)
}

/// `text` with newlines as spaces and controls as their visible stand-ins.
pub fn safe(text: &str) -> std::borrow::Cow<'_, str> {
    let clean = |c: char| c != '\n' && c != '\r' && display_char(c) == Some(c);
    if text.chars().all(clean) {
        return text.into();
    }
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' => Some(' '),
            other => display_char(other),
        })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use ratatui::style::Modifier;

    use super::*;

    #[test]
    fn layers_split_and_combine() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let dim = Style::new().add_modifier(Modifier::DIM);
        let line = styled_line("Kim Jong-un said", &(0..16), &[(0..11, bold), (4..8, dim)], &[]);
        let pieces: Vec<(&str, Style)> = line.spans.iter().map(|s| (s.content.as_ref(), s.style)).collect();
        assert_eq!(pieces, [("Kim ", bold), ("Jong", bold.patch(dim)), ("-un", bold), (" said", Style::new())]);
    }

    #[test]
    fn inserts_follow_their_byte() {
        let tag = Style::new().add_modifier(Modifier::DIM);
        let line =
            styled_line("Japan and Korea", &(0..15), &[], &[(5, "[GPE]".into(), tag), (15, "[GPE]".into(), tag)]);
        let shown: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(shown, "Japan[GPE] and Korea[GPE]");
    }

    #[test]
    fn controls_never_reach_the_terminal() {
        let line = styled_line("a\u{1b}[2Jb\nc", &(0..8), &[], &[]);
        let shown: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(shown, "a\u{241b}[2Jb c");
    }
}
