//! The status bar: a message when there is one, else the focused pane's key hints.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::AppState;
use super::hints;
use super::styled::safe;

pub fn draw(state: &AppState, frame: &mut Frame, area: Rect) {
    let theme = state.theme;
    let line = match &state.status {
        Some(status) if status.is_error => Line::styled(safe(&status.text).into_owned(), theme.error()),
        Some(status) => Line::raw(safe(&status.text).into_owned()),
        None => {
            let mut spans = Vec::new();
            for (i, (keys, label)) in hints(&state.keymap, state.context()).into_iter().enumerate() {
                if i > 0 {
                    spans.push(Span::styled(" · ", theme.dim()));
                }
                spans.push(Span::styled(keys, theme.key()));
                spans.push(Span::raw(format!(" {label}")));
            }
            Line::from(spans)
        }
    };
    frame.render_widget(Paragraph::new(line), area);
}
