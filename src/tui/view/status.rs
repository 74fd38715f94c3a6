//! The status bar: a message when there is one, else the focused pane's key hints; at its
//! right, the search's counter while matches are kept and the indexing of names while it runs,
//! and at its right end, once the analyst has changed something, whether it is on disk yet.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use unicode_width::UnicodeWidthStr;

use super::super::app::{AppState, SaveState};
use super::super::popup::Popup;
use super::hints;
use super::styled::safe;
use gloss_core::text::group_thousands;

/// What the disk has of the analyst's edits, and how to show it; `None` before any edit.
pub fn disk_state(state: &AppState) -> Option<(&'static str, Style)> {
    let (notes, theme) = (&state.notes, state.theme);
    notes.keeper.as_ref()?;
    match (&notes.save, &notes.blocked) {
        (SaveState::Failed(_), _) => Some(("not saved", theme.error())),
        (SaveState::Pending, _) => Some(("not yet on disk", theme.key())),
        (SaveState::Saved, Some(_)) => Some(("saved in the journal", theme.error())),
        (SaveState::Saved, None) if notes.sent > 0 => Some(("saved", theme.dim())),
        (SaveState::Saved, None) => None,
    }
}

pub fn draw(state: &AppState, frame: &mut Frame, area: Rect) {
    let area = match disk_state(state) {
        Some((label, style)) => {
            let width = u16::try_from(label.width() + 2).unwrap_or(u16::MAX);
            let [rest, right] = Layout::horizontal([Constraint::Min(0), Constraint::Length(width)]).areas(area);
            frame.render_widget(Paragraph::new(Line::styled(format!(" {label} "), style)), right);
            rest
        }
        None => area,
    };
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
    let line = match (&state.popup, &state.status) {
        (Some(Popup::TitleQuery(query)), _) => title_query(state, query),
        (_, status) => match status {
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
        },
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

/// The title query being typed, and what it keeps.
fn title_query<'a>(state: &AppState, query: &str) -> Line<'a> {
    let theme = state.theme;
    Line::from(vec![
        Span::styled("Title: ", theme.key()),
        Span::raw(safe(query).into_owned()),
        Span::styled("▏", theme.dim()),
        Span::styled(
            format!("  {} of {} · enter keeps · esc clears", state.shown_articles().len(), state.articles.len()),
            theme.dim(),
        ),
    ])
}
