//! Terminal events (crossterm) turned into gloss's own messages.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};
use ratatui::layout::Rect;

use super::update::{Mouse, MouseKind, Msg};
use crate::keymap::{Chord, Key};

/// The message for a terminal event, if gloss cares about it.
#[allow(clippy::needless_pass_by_value)] // Events are small and consumed by value everywhere else.
pub fn message(event: Event) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => chord(key).map(Msg::Key),
        Event::Mouse(mouse) => {
            let kind = match mouse.kind {
                MouseEventKind::Down(crossterm::event::MouseButton::Left) => MouseKind::Click,
                MouseEventKind::ScrollUp => MouseKind::ScrollUp,
                MouseEventKind::ScrollDown => MouseKind::ScrollDown,
                _ => return None,
            };
            Some(Msg::Mouse(Mouse { kind, column: mouse.column, row: mouse.row }))
        }
        Event::Resize(width, height) => Some(Msg::Resize(Rect::new(0, 0, width, height))),
        Event::Paste(text) => Some(Msg::Paste(text)),
        // Key releases, and focus changes (not asked for).
        Event::Key(_) | Event::FocusGained | Event::FocusLost => None,
    }
}

/// The chord of a key event, as keymap files write it.
pub fn chord(key: KeyEvent) -> Option<Chord> {
    let code = match key.code {
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        KeyCode::Insert => Key::Insert,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::F(n) => Key::F(n),
        _ => return None,
    };
    let chord = Chord {
        key: code,
        ctrl: key.modifiers.contains(KeyModifiers::CONTROL),
        alt: key.modifiers.contains(KeyModifiers::ALT),
        shift: key.modifiers.contains(KeyModifiers::SHIFT),
    };
    Some(chord.normalized())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Chord {
        chord(KeyEvent::new(code, modifiers)).unwrap()
    }

    #[test]
    fn terminal_keys_match_keymap_chords() {
        assert_eq!(key(KeyCode::Char('G'), KeyModifiers::SHIFT), "G".parse().unwrap());
        assert_eq!(key(KeyCode::Char('?'), KeyModifiers::SHIFT), "?".parse().unwrap());
        assert_eq!(key(KeyCode::Char('c'), KeyModifiers::CONTROL), "ctrl-c".parse().unwrap());
        assert_eq!(key(KeyCode::BackTab, KeyModifiers::SHIFT), "shift-tab".parse().unwrap());
        assert_eq!(key(KeyCode::PageDown, KeyModifiers::NONE), "pagedown".parse().unwrap());
    }

    #[test]
    fn a_bracketed_paste_is_one_paste_not_keys() {
        let pasted = message(Event::Paste("line one\rq".into()));
        assert!(matches!(&pasted, Some(Msg::Paste(text)) if text == "line one\rq"), "{pasted:?}");
    }
}
