//! Turning a byte range of article text plus style layers into a terminal line, made safe.

use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};

use gloss_core::text::Span;
use gloss_core::text::inert::terminal;

/// A style over a byte range; later layers are patched over earlier ones.
pub type Layer = (Span, Style);

/// Text drawn right after a byte of the article that is not in it (a kind tag).
pub type Insert = (usize, String, Style);

/// The text of `span` with every layer's style applied where it overlaps and every insert
/// placed after its byte, shown as the terminal policy says ([`terminal::show`]).
///
/// Layers are cut at grapheme clusters: a layer from a bad anchor (inside a character, past
/// the end) styles a little more or less, but never hides text or splits a cluster.
pub fn styled_line<'a>(text: &'a str, span: &Span, layers: &[Layer], inserts: &[Insert]) -> Line<'a> {
    let inside = |at: &usize| span.start < *at && *at <= span.end;
    let mut cuts: Vec<usize> = vec![span.start, span.end];
    for (layer, _) in layers {
        let edges = [layer.start, layer.end].map(|at| terminal::cluster_start(text, at));
        cuts.extend(edges.into_iter().filter(|c| span.contains(c)));
    }
    cuts.extend(inserts.iter().map(|(at, _, _)| *at).filter(inside));
    cuts.sort_unstable();
    cuts.dedup();
    let mut pieces: Vec<TextSpan<'a>> = Vec::new();
    for w in cuts.windows(2) {
        let (start, end) = (w[0], w[1]);
        let style = layers
            .iter()
            .filter(|(l, _)| {
                terminal::cluster_start(text, l.start) <= start && end <= terminal::cluster_start(text, l.end)
            })
            .fold(Style::new(), |acc, (_, s)| acc.patch(*s));
        if start < end {
            pieces.push(TextSpan::styled(terminal::show(text, &(start..end)), style));
        }
        for (_, insert, style) in inserts.iter().filter(|(at, _, _)| *at == end) {
            pieces.push(TextSpan::styled(insert.clone(), *style));
        }
    }
    Line::from(pieces)
}

/// Untrusted text for one line of the screen, as the terminal policy shows it.
pub fn safe(text: &str) -> std::borrow::Cow<'_, str> {
    terminal::inline(text)
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
    fn a_layer_from_a_bad_anchor_hides_no_text() {
        let text = "북한은 일본에 손을 내밀었다. 다음 문장.";
        let claim = Style::new().add_modifier(Modifier::REVERSED);
        let whole = 0..text.len();
        // Inside a character at both ends, and past the end of the text.
        for layer in [1..8, 4..text.len() + 40, text.len() + 3..text.len() + 9, Span { start: 8, end: 2 }] {
            let line = styled_line(text, &whole, &[(layer.clone(), claim)], &[]);
            let shown: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            assert_eq!(shown, text, "{layer:?}");
        }
        let line = styled_line(text, &whole, &[(1..8, claim)], &[]);
        assert_eq!(line.spans[0].content, "북한", "the layer starts at the character it is in");
        assert_eq!(line.spans[0].style, claim);
    }

    #[test]
    fn controls_never_reach_the_terminal() {
        let line = styled_line("a\u{1b}[2Jb\nc", &(0..8), &[], &[]);
        let shown: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(shown, "a\u{241b}[2Jb c");
    }
}
