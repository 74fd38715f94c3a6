//! Turning a byte range of article text plus style layers into a terminal line, made safe.

use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};

use crate::text::{Span, display_char};

/// A style over a byte range; later layers are patched over earlier ones.
pub type Layer = (Span, Style);

/// The text of `span` with every layer's style applied where it overlaps, controls made
/// visible and newlines shown as spaces.
pub fn styled_line<'a>(text: &'a str, span: &Span, layers: &[Layer]) -> Line<'a> {
    let mut cuts: Vec<usize> = vec![span.start, span.end];
    for (layer, _) in layers {
        cuts.extend([layer.start, layer.end].into_iter().filter(|c| span.contains(c)));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let pieces = cuts.windows(2).filter_map(|w| {
        let (start, end) = (w[0], w[1]);
        let style = layers
            .iter()
            .filter(|(l, _)| l.start <= start && end <= l.end)
            .fold(Style::new(), |acc, (_, s)| acc.patch(*s));
        let piece = text.get(start..end)?;
        Some(TextSpan::styled(safe(piece), style))
    });
    Line::from(pieces.collect::<Vec<_>>())
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
        let line = styled_line("Kim Jong-un said", &(0..16), &[(0..11, bold), (4..8, dim)]);
        let pieces: Vec<(&str, Style)> = line.spans.iter().map(|s| (s.content.as_ref(), s.style)).collect();
        assert_eq!(pieces, [("Kim ", bold), ("Jong", bold.patch(dim)), ("-un", bold), (" said", Style::new())]);
    }

    #[test]
    fn controls_never_reach_the_terminal() {
        let line = styled_line("a\u{1b}[2Jb\nc", &(0..8), &[]);
        let shown: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(shown, "a\u{241b}[2Jb c");
    }
}
