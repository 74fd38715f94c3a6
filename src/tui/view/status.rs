//! The status bar: a message when there is one, else the focused pane's key hints; at its
//! right, the search's counter while matches are kept and the indexing of names while it runs.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use unicode_width::UnicodeWidthStr;

use super::super::app::AppState;
use super::hints;
use super::list::group_thousands;
use super::styled::safe;

pub fn draw(state: &AppState, frame: &mut Frame, area: Rect) {
    let theme = state.theme;
    // On the right, the search counter and background work; the message or the hints in the rest.
    let mut right: Vec<Span> = Vec::new();
    right.extend(super::search::counter(state).map(|c| Span::styled(format!(" {c}"), theme.key())));
    right.extend(progress(state).map(|p| Span::styled(format!(" {p}"), theme.dim())));
    let right_width = right.iter().map(|span| span.content.width()).sum::<usize>();
    let area = match u16::try_from(right_width) {
        Ok(width) if !right.is_empty() && right_width < usize::from(area.width) => {
            let right_area = Rect { x: area.x + area.width - width, width, ..area };
            frame.render_widget(Paragraph::new(Line::from(right)), right_area);
            Rect { width: area.width - width, ..area }
        }
        _ => area,
    };
    let line = match &state.status {
        Some(status) if status.is_error => Line::styled(safe(&status.text).into_owned(), theme.error()),
        Some(status) => Line::raw(safe(&status.text).into_owned()),
        None => {
            // Whole hints only: the first ones that fit, never one cut in half.
            let mut spans = Vec::new();
            let mut used = 0;
            if state.feeds.running {
                let progress = match state.feeds.total {
                    0 => "fetching feeds… · ".to_owned(),
                    total => format!("fetching feeds {}/{total} · ", state.feeds.done),
                };
                used += progress.width();
                spans.push(Span::styled(progress, theme.key()));
            }
            for (i, (keys, label)) in hints(&state.keymap, state.context()).into_iter().enumerate() {
                let gap = if i > 0 { " · " } else { "" };
                let label = format!(" {label}");
                let width = gap.width() + keys.width() + label.width();
                if used + width > usize::from(area.width) {
                    break;
                }
                used += width;
                spans.extend([Span::styled(gap, theme.dim()), Span::styled(keys, theme.key()), Span::raw(label)]);
            }
            Line::from(spans)
        }
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// How far the names of the corpus are indexed, while they are being indexed.
fn progress(state: &AppState) -> Option<String> {
    let total = state.articles.len();
    let indexed = state.names.index.indexed();
    if !state.loading.finished || state.names.recognizer.is_none() || indexed >= total {
        return None;
    }
    Some(format!("indexing names {}/{}", group_thousands(indexed), group_thousands(total)))
}
