//! The terminal's size as `update` knows it, and what input may do when the terminal is too
//! small to show anything.

use super::super::action::Action;
use super::super::app::AppState;
use super::Msg;

/// Whether `msg` is input that must not act: a terminal too small to draw in shows nothing of
/// the state, so a key there would change what the user cannot see. Quitting and help still
/// work, so the user is never stuck.
pub fn hidden_input(state: &AppState, msg: &Msg) -> bool {
    if state.areas().is_some() {
        return false;
    }
    match msg {
        Msg::Key(chord) => !matches!(state.keymap.action(state.context(), *chord), Some(Action::Quit | Action::Help)),
        Msg::Paste(_) | Msg::Mouse(_) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;

    use crate::tui::tests::{app, deliver, press};
    use crate::tui::{Focus, Mouse, MouseKind, Msg, Popup};

    fn claims(state: &crate::tui::AppState) -> usize {
        state.notes.session.store().articles.values().map(|record| record.claims.len()).sum()
    }

    fn too_small() -> Msg {
        Msg::Resize(Rect::new(0, 0, 30, 8))
    }

    #[test]
    fn keys_do_nothing_while_the_terminal_is_too_small() {
        let mut state = app();
        press(&mut state, "enter");
        deliver(&mut state, too_small());
        press(&mut state, "1 ! j esc");
        deliver(&mut state, Msg::Paste("pasted".into()));
        deliver(&mut state, Msg::Mouse(Mouse { kind: MouseKind::ScrollDown, column: 5, row: 5 }));
        assert_eq!(claims(&state), 0, "no claim made unseen");
        assert_eq!(state.reader.as_ref().unwrap().place.cursor, 0);
        assert_eq!(state.focus, Focus::Reader);

        deliver(&mut state, Msg::Resize(Rect::new(0, 0, 100, 30)));
        press(&mut state, "1");
        assert_eq!(claims(&state), 1, "keys act again once the terminal is big enough");
    }

    #[test]
    fn quit_and_help_still_work_while_the_terminal_is_too_small() {
        let mut state = app();
        deliver(&mut state, too_small());
        press(&mut state, "?");
        assert!(matches!(state.popup, Some(Popup::Help { .. })));
        assert!(press(&mut state, "q"));
    }
}
