//! Untrusted text on a real terminal: after ratatui's updates, a terminal that lays text out
//! code point by code point (as xterm and tmux do) shows exactly what ratatui meant, for wide
//! characters, emoji sequences, flags, skin tones, combining marks, line separators and tabs,
//! in the list, the reader and popups, frame after frame; no stale cell is left behind.

use std::io;

use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Size};
use unicode_width::UnicodeWidthChar;

use super::{app_with, press};
use crate::tui::{AppState, view};
use gloss_core::corpus::{Article, Origin};

/// A terminal's screen as it draws what ratatui's crossterm backend sends: the cursor moves
/// only when the next cell is not right after the last one, and each code point takes the
/// cells `wcwidth` gives it (a zero-width one joins the cell before).
struct Glass {
    size: Size,
    cells: Vec<String>,
    cursor: (u16, u16),
}

impl Glass {
    fn new(width: u16, height: u16) -> Self {
        Self {
            size: Size::new(width, height),
            cells: vec![" ".to_owned(); usize::from(width * height)],
            cursor: (0, 0),
        }
    }

    fn print(&mut self, symbol: &str) {
        for c in symbol.chars() {
            let (x, y) = self.cursor;
            let at = usize::from(y * self.size.width + x);
            let width = u16::try_from(c.width().unwrap_or(0)).unwrap();
            if width == 0 {
                if x > 0 {
                    self.cells[at - 1].push(c);
                }
                continue;
            }
            if x + width > self.size.width {
                continue;
            }
            // Writing over either half of a wide character blanks the other half.
            for cell in [at, at + usize::from(width) - 1] {
                if self.cells[cell].is_empty() && cell > 0 {
                    self.cells[cell - 1] = " ".to_owned();
                }
                if self.cells.get(cell + 1).is_some_and(String::is_empty) {
                    self.cells[cell + 1] = " ".to_owned();
                }
            }
            self.cells[at] = c.to_string();
            if width == 2 {
                self.cells[at + 1] = String::new();
            }
            self.cursor.0 += width;
        }
    }

    /// Each row as a person reads it.
    fn rows(&self) -> Vec<String> {
        self.cells.chunks(usize::from(self.size.width)).map(<[String]>::concat).collect()
    }
}

impl Backend for Glass {
    type Error = io::Error;

    fn draw<'a, I: Iterator<Item = (u16, u16, &'a Cell)>>(&mut self, content: I) -> io::Result<()> {
        let mut last: Option<(u16, u16)> = None;
        for (x, y, cell) in content {
            if !matches!(last, Some((lx, ly)) if x == lx + 1 && y == ly) {
                self.cursor = (x, y);
            }
            last = Some((x, y));
            self.print(cell.symbol());
        }
        Ok(())
    }
    fn hide_cursor(&mut self) -> io::Result<()> {
        Ok(())
    }
    fn show_cursor(&mut self) -> io::Result<()> {
        Ok(())
    }
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(Position::new(self.cursor.0, self.cursor.1))
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let position = position.into();
        self.cursor = (position.x, position.y);
        Ok(())
    }
    fn clear(&mut self) -> io::Result<()> {
        self.cells.fill(" ".to_owned());
        Ok(())
    }
    fn clear_region(&mut self, _: ClearType) -> io::Result<()> {
        self.clear()
    }
    fn size(&self) -> io::Result<Size> {
        Ok(self.size)
    }
    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize { columns_rows: self.size, pixels: Size::default() })
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The rows ratatui means, as a person would read them: a wide symbol hides the cells it covers.
fn meant(state: &AppState) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(state.screen.width, state.screen.height)).unwrap();
    terminal.draw(|frame| view(state, frame)).unwrap();
    rows_of(terminal.backend().buffer())
}

fn rows_of(buffer: &Buffer) -> Vec<String> {
    let width = usize::from(buffer.area.width);
    buffer
        .content
        .chunks(width)
        .map(|row| {
            let mut text = String::new();
            let mut hidden = 0;
            for cell in row {
                if hidden > 0 {
                    hidden -= 1;
                    continue;
                }
                text.push_str(cell.symbol());
                hidden = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
            }
            text
        })
        .collect()
}

const TRICKY: &str = "Family 👨\u{200d}👩\u{200d}👧 done and 🇵🇳 flags\n\n\
    Thumbs 👍🏽 and ❤\u{fe0f} and keycap 1\u{fe0f}\u{20e3}; Line\u{2028}sep and Para\u{2029}sep.\n\n\
    Tabs\tbetween\twords, combining e\u{301}\u{301}\u{302} marks, 한국어 文章 and ｶﾞｷﾞ kana.\n\n\
    Rainbow 🏳\u{fe0f}\u{200d}🌈 and a coder 👩🏽\u{200d}💻 at the end 🇰🇷🇯🇵.\n";

fn tricky_app() -> AppState {
    app_with(vec![
        Article::from_text(Origin::Embedded("family 👨\u{200d}👩\u{200d}👧.txt"), TRICKY),
        Article::from_text(Origin::Embedded("plain.txt"), "Plain title\n\nNothing special here at all, only words.\n"),
    ])
}

fn assert_same(glass: &Terminal<Glass>, state: &AppState, when: &str) {
    let shown = glass.backend().rows();
    let wanted = meant(state);
    for (row, (shown, wanted)) in shown.iter().zip(&wanted).enumerate() {
        assert_eq!(shown, wanted, "{when}: row {row} differs from what ratatui drew");
    }
}

#[test]
fn emoji_flags_marks_and_separators_leave_no_stale_cells() {
    let mut state = tricky_app();
    let mut glass = Terminal::new(Glass::new(state.screen.width, state.screen.height)).unwrap();
    let mut draw = |state: &AppState, when: &str| {
        glass.draw(|frame| view(state, frame)).unwrap();
        assert_same(&glass, state, when);
    };
    draw(&state, "list with the tricky article selected");
    press(&mut state, "enter");
    draw(&state, "tricky article in the reader");
    press(&mut state, "j j j");
    draw(&state, "cursor down the tricky article");
    press(&mut state, "esc j");
    draw(&state, "the next article after the tricky one");
    press(&mut state, "k enter p");
    draw(&state, "the entity panel over the tricky article");
    press(&mut state, "esc esc j enter");
    draw(&state, "the plain article in the reader");
}

#[test]
fn sequences_are_shown_in_their_agreed_form() {
    let mut state = tricky_app();
    press(&mut state, "enter");
    let screen = meant(&state).join("\n");
    for shown in [
        "Family 👨👩👧 done",
        "PN flags",
        "Thumbs 👍 and ❤ and keycap 1;",
        "Line sep",
        "Tabs between words",
        "한국어",
        "KRJP",
    ] {
        assert!(screen.contains(shown), "{shown:?} not on screen:\n{screen}");
    }
}

#[test]
fn hostile_names_titles_and_text_reach_no_cell_raw() {
    let name = "evil\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{202e}txt.txt";
    let text =
        "Title \u{1b}]0;x\u{7}\u{202e}desrever\u{202c}\u{200b}\n\nThe minister \u{9b}31m said \u{2066}so\u{2069}.\n";
    let mut state = app_with(vec![Article::from_text(Origin::Embedded(name), text)]);
    press(&mut state, "enter");
    let screen = meant(&state).join("\n");
    let raw = |c: char| {
        c.is_control()
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}' | '\u{200e}' | '\u{200f}')
    };
    assert!(!screen.chars().any(|c| c != '\n' && raw(c)), "{screen}");
    for shown in ["evil␛]0;PWNED␇␛[2J�txt.txt", "Title ␛]0;x␇�desrever��", "The minister �31m said �so�."]
    {
        assert!(screen.contains(shown), "{shown:?} not on screen:\n{screen}");
    }
}

#[test]
fn the_reader_says_the_encoding_an_article_was_read_in() {
    let korean =
        "북한, 일본과 대화 제안\n\n북한은 최근 일본에 대화를 제안했으며, 한국 정부는 이에 대해 신중한 입장을 보였다.\n";
    let (bytes, _, _) = encoding_rs::EUC_KR.encode(korean);
    let (text, decoding) = gloss_core::corpus::decode(&bytes).unwrap();
    let article = Article::new(Origin::Embedded("korea.txt"), &bytes, text, decoding);
    let mut state = app_with(vec![article]);
    press(&mut state, "enter");
    let screen = meant(&state).join("\n");
    assert!(screen.contains("북한, 일본과 대화 제안"), "{screen}");
    assert!(screen.contains("from EUC-KR"), "{screen}");
}
