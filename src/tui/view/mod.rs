//! `view`: draws the state; computes nothing that could have been computed once in `update`.

mod export;
mod help;
mod hints;
mod list;
mod notes;
mod panels;
mod reader;
mod status;
mod styled;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Wrap};

use super::app::AppState;
use super::geometry::{MIN_HEIGHT, MIN_WIDTH};
use super::popup::Popup;
use super::theme::Theme;

pub use hints::hints;

/// Draws the whole screen for `state`.
pub fn view(state: &AppState, frame: &mut Frame) {
    let Some(areas) = state.areas() else {
        too_small(frame);
        return;
    };
    if let Some(area) = areas.list {
        list::draw(state, frame, area);
    }
    if let Some(area) = areas.reader {
        reader::draw(state, frame, area);
    }
    status::draw(state, frame, areas.status);
    match &state.popup {
        Some(Popup::Help { scroll }) => help::draw(state, *scroll, frame),
        Some(Popup::Entities(panel)) => panels::draw_entities(state, panel, frame),
        Some(Popup::Choice(choice)) => panels::draw_choice(state, choice, frame),
        Some(Popup::Claims(panel)) => notes::draw_claims(state, panel, frame),
        Some(Popup::Editor(editor)) => notes::draw_editor(state, editor, frame),
        Some(Popup::Export(dialog)) => export::draw(state, dialog, frame),
        None => {}
    }
}

/// A bordered pane, its border bold and coloured when it has focus.
fn pane(title: Line<'_>, focused: bool, theme: Theme) -> Block<'_> {
    let (style, border) = if focused {
        (theme.focused_border(), BorderType::Thick)
    } else {
        (theme.unfocused_border(), BorderType::Plain)
    };
    Block::new().borders(Borders::ALL).border_type(border).border_style(style).title(title.style(style))
}

fn too_small(frame: &mut Frame) {
    let area = frame.area();
    let text = format!("Terminal too small: {}×{}. gloss needs {MIN_WIDTH}×{MIN_HEIGHT}.", area.width, area.height);
    let top = area.height.saturating_sub(2) / 2;
    let note = Rect { y: area.y + top, height: area.height - top, ..area };
    frame.render_widget(Paragraph::new(text).alignment(Alignment::Center).wrap(Wrap { trim: true }), note);
}

#[cfg(test)]
mod tests;
