//! `view`: draws the state; computes nothing that could have been computed once in `update`.

mod compare;
mod conflicts;
mod export;
mod help;
mod hints;
mod list;
mod notes;
mod panels;
mod reader;
mod search;
mod search_corpus;
mod status;
mod styled;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Wrap};

use super::action::Action;
use super::app::AppState;
use super::geometry::{MIN_HEIGHT, MIN_WIDTH};
use super::popup::Popup;
use super::theme::Theme;
use crate::keymap::Context;

pub use hints::hints;
pub use list::fit;
pub use styled::safe;

/// Draws the whole screen for `state`, laid out for the frame's real size: the size `update`
/// last heard of (`state.screen`) may be a resize behind.
pub fn view(state: &AppState, frame: &mut Frame) {
    let Some(areas) = state.areas_for(frame.area(), state.focus) else {
        too_small(state, frame);
        return;
    };
    if let Some(area) = areas.list {
        list::draw(state, frame, area);
    }
    if let Some(area) = areas.reader {
        reader::draw(state, frame, area);
    }
    match &state.popup {
        Some(Popup::Search(line)) => search::draw_line(state, line, frame, areas.status),
        _ => status::draw(state, frame, areas.status),
    }
    match &state.popup {
        Some(Popup::Help { scroll }) => help::draw(state, *scroll, frame),
        Some(Popup::Entities(panel)) => panels::draw_entities(state, panel, areas.list, frame),
        Some(Popup::Choice(choice)) => panels::draw_choice(state, choice, frame),
        Some(Popup::Claims(panel)) => notes::draw_claims(state, panel, areas.list, frame),
        Some(Popup::Editor(editor)) => notes::draw_editor(state, editor, frame),
        Some(Popup::Export(dialog)) => export::draw(state, dialog, frame),
        Some(Popup::Corpus(panel)) => search_corpus::draw(state, panel, frame),
        Some(Popup::Compare(panel)) => compare::draw(state, panel, frame),
        // Typed in the status bar.
        Some(Popup::Search(_) | Popup::TitleQuery(_)) | None => {}
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

/// The note shown instead of a screen too small to draw in; only quitting and help work then,
/// so it says how to quit.
fn too_small(state: &AppState, frame: &mut Frame) {
    let area = frame.area();
    let context = state.context();
    let quit = [context, Context::Global]
        .into_iter()
        .flat_map(|bound_in| state.keymap.chords(bound_in, Action::Quit))
        .find(|&&chord| state.keymap.action(context, chord) == Some(Action::Quit))
        .map(|chord| format!(" {chord} quits."));
    let text = format!(
        "Terminal too small: {}×{}. gloss needs {MIN_WIDTH}×{MIN_HEIGHT}.{}",
        area.width,
        area.height,
        quit.unwrap_or_default()
    );
    let top = area.height.saturating_sub(3) / 2;
    let note = Rect { y: area.y + top, height: area.height - top, ..area };
    frame.render_widget(Paragraph::new(text).alignment(Alignment::Center).wrap(Wrap { trim: true }), note);
}

#[cfg(test)]
mod tests;
