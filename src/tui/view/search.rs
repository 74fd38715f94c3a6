//! The search in the reader: the search line in the status bar's place, the counter the status
//! bar keeps while matches are kept, and the matches' highlights in the text.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::super::action::Action;
use super::super::app::AppState;
use super::super::reader::Reader;
use super::super::search::{QueryInput, SearchLine};
use super::super::theme::Theme;
use super::styled::{Layer, safe};
use crate::keymap::Context;
use gloss_core::search::Mode;
use gloss_core::text::Span;

/// The search line: the query with its mode, then how many matches or what is wrong, then
/// the keys that keep, switch mode and clear.
pub fn draw_line(state: &AppState, line: &SearchLine, frame: &mut Frame, area: Rect) {
    let theme = state.theme;
    let mut right: Vec<TextSpan> = Vec::new();
    match (&line.input.error, &state.search.matches) {
        (Some(error), _) => right.push(TextSpan::styled(safe(error).into_owned(), theme.error())),
        (None, Some(matches)) => {
            let focus = state.reader.as_ref().and_then(|r| r.focus.as_ref());
            right.push(TextSpan::raw(matches.counter(focus)));
        }
        (None, None) => {}
    }
    let other_mode = match line.input.mode {
        Mode::Plain => "regex",
        Mode::Regex => "plain",
    };
    let keys = [(Action::Confirm, "keep"), (Action::ToggleRegex, other_mode), (Action::Cancel, "clear")];
    for (action, label) in keys {
        if let Some(chord) = state.keymap.chords(Context::Search, action).first() {
            let gap = if right.is_empty() { "" } else { " · " };
            right.extend([TextSpan::styled(gap, theme.dim()), TextSpan::styled(chord.to_string(), theme.key())]);
            right.push(TextSpan::raw(format!(" {label}")));
        }
    }
    let right = Line::from(right);
    let room = usize::from(area.width).saturating_sub(right.width() + 1);
    frame.render_widget(Paragraph::new(query_line(&line.input, room, theme)), area);
    let width = u16::try_from(right.width()).unwrap_or(u16::MAX).min(area.width);
    let at = Rect { x: area.x + area.width - width, width, ..area };
    frame.render_widget(Paragraph::new(right), at);
}

/// `/query▏` or `regex /query▏`, its end kept in view within `width` columns.
pub fn query_line(input: &QueryInput, width: usize, theme: Theme) -> Line<'static> {
    let prefix = match input.mode {
        Mode::Plain => "/",
        Mode::Regex => "regex /",
    };
    let text = safe(&input.text).into_owned();
    let room = width.saturating_sub(prefix.width() + 1);
    // A query longer than the line shows its end, where the typing is.
    let mut shown = text.as_str();
    while shown.width() > room {
        let mut chars = shown.chars();
        chars.next();
        shown = chars.as_str();
    }
    let style = if input.error.is_some() { theme.error() } else { ratatui::style::Style::new() };
    Line::from(vec![
        TextSpan::styled(prefix, theme.key()),
        TextSpan::styled(shown.to_owned(), style),
        TextSpan::styled("▏", theme.dim()),
    ])
}

/// What the status bar keeps at its right while matches are kept: `/Japan 3/14`.
pub fn counter(state: &AppState) -> Option<String> {
    let matches = state.search.matches.as_ref()?;
    let reader = state.reader.as_ref()?;
    (matches.article == reader.article)
        .then(|| format!("{} {}", safe(&matches.query.to_string()), matches.counter(reader.focus.as_ref())))
}

/// The matches over the text in `range`, the one the cursor is on drawn apart.
pub fn match_layers(state: &AppState, reader: &Reader, range: &Span) -> Vec<Layer> {
    let Some(matches) = state.search.matches.as_ref().filter(|m| m.article == reader.article) else {
        return Vec::new();
    };
    let first = matches.spans.partition_point(|s| s.end <= range.start);
    matches.spans[first..]
        .iter()
        .take_while(|s| s.start < range.end)
        .map(|s| {
            let current = reader.focus.as_ref() == Some(s);
            (s.clone(), if current { state.theme.current_match() } else { state.theme.search_match() })
        })
        .collect()
}
