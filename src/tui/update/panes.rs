//! The list pane's width, changed by key and remembered.

use super::super::app::AppState;
use super::super::geometry::{LIST_WIDTH_STEP, list_width};

/// `>` and `<`: the list wider or narrower by a few columns (the reader keeps room to read).
pub fn resize_list(state: &mut AppState, wider: bool) {
    let Some(list) = state.areas().and_then(|a| a.list.zip(a.reader)).map(|(list, _)| list) else {
        state.set_status("the list and the reader are side by side from 80 columns up");
        return;
    };
    let width = if wider { list.width + LIST_WIDTH_STEP } else { list.width.saturating_sub(LIST_WIDTH_STEP) };
    let width = list_width(state.screen.width, Some(width));
    if width == list.width {
        state.set_status(if wider { "the list is as wide as it goes" } else { "the list is as narrow as it goes" });
        return;
    }
    state.list_width = Some(width);
    state.set_status(format!("the list is {width} columns wide (kept for this corpus)"));
}
