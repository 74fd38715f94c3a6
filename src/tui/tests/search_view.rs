//! What the screen shows of a search: the search line, the counter, the hits listed; and
//! matches landing on the right cells after accents, CJK and emoji.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

use super::search::{japan, render, screen};
use super::{app, press, type_text};
use crate::tui::{Background, Theme};

#[test]
fn search_line_snapshot() {
    let mut state = app();
    press(&mut state, "enter j j /");
    type_text(&mut state, "Japan");
    insta::assert_snapshot!(screen(&state));
}

#[test]
fn kept_search_counter_snapshot() {
    let mut state = app();
    press(&mut state, "enter /");
    type_text(&mut state, "Kishida");
    press(&mut state, "enter n");
    insta::assert_snapshot!(screen(&state));
}

#[test]
fn bad_regex_line_snapshot() {
    let mut state = japan();
    press(&mut state, "enter / ctrl-r");
    type_text(&mut state, "Kim (Jong");
    let shown = screen(&state);
    let status_row = shown.lines().last().unwrap();
    insta::assert_snapshot!(status_row);
}

/// The column of each character of `line` on screen, counting wide characters as two.
fn columns(line: &str) -> Vec<(char, u16)> {
    let mut at = 0;
    line.chars()
        .map(|c| {
            let column = at;
            at += u16::try_from(c.to_string().width()).unwrap();
            (c, column)
        })
        .collect()
}

/// The screen row where the reader shows `start` (the start of a text line), and its column.
fn locate(buffer: &Buffer, start: &str) -> (u16, u16) {
    for y in 0..buffer.area.height {
        let row: String = (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect();
        if let Some(byte) = row.find(start) {
            return (u16::try_from(row[..byte].width()).unwrap(), y);
        }
    }
    panic!("{start:?} not on screen");
}

/// The characters of `line` (shown from `start` on screen) drawn as matches, after checking
/// that each character is on the cell its width puts it on.
fn lit(buffer: &Buffer, line: &str) -> String {
    let (x, y) = locate(buffer, &line[..line.find(' ').unwrap()]);
    columns(line)
        .into_iter()
        .filter(|&(c, column)| {
            let cell = &buffer[(x + column, y)];
            assert_eq!(cell.symbol(), c.to_string(), "{c} at column {column}");
            matches!(cell.bg, Color::Indexed(220 | 208))
        })
        .map(|(c, _)| c)
        .collect()
}

/// Matches after accents, CJK (two columns a character) and an emoji land on their cells.
#[test]
fn highlights_land_on_the_right_cells_after_wide_characters() {
    let mut state = japan();
    state.theme = Theme { color: true, background: Background::Dark };
    let line = "Café Tōkyō: 東京で会談 😀 Japan again.";
    for (query, expected) in [("東京", "東京"), ("japan", "Japan"), ("tōkyō", "Tōkyō"), ("😀 j", "😀 J")] {
        press(&mut state, "enter / ctrl-u");
        type_text(&mut state, query);
        press(&mut state, "enter");
        assert_eq!(lit(&render(&state), line), expected, "{query}");
        press(&mut state, "esc esc esc");
    }
}

#[test]
fn the_current_match_is_drawn_apart_with_and_without_colour() {
    for color in [false, true] {
        let mut state = japan();
        state.theme = Theme { color, background: Background::Dark };
        press(&mut state, "enter j /");
        type_text(&mut state, "japan");
        press(&mut state, "enter");
        let buffer = render(&state);
        let (x, y) = locate(&buffer, "met Korea");
        let current = &buffer[(x - if color { 6 } else { 11 }, y)];
        assert_eq!(current.symbol(), "J");
        let (x, y) = locate(&buffer, "japan ");
        let other = &buffer[(x, y)];
        if color {
            assert_eq!((current.bg, current.fg), (Color::Indexed(208), Color::Black));
            assert!(!current.modifier.contains(Modifier::REVERSED), "not undone by the focus's reverse");
            assert_eq!((other.bg, other.fg), (Color::Indexed(220), Color::Black));
        } else {
            assert!(current.modifier.contains(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED));
            assert!(other.modifier.contains(Modifier::REVERSED) && !other.modifier.contains(Modifier::BOLD));
        }
    }
}
