//! Screen snapshots at fixed sizes, and style checks on cells (text snapshots carry no colour).

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

use crate::keymap::Context;
use crate::tui::tests::{app, press};
use crate::tui::{AppState, Background, Msg, Theme, update, view};

fn render(state: &AppState) -> Buffer {
    render_at(state, state.screen.width, state.screen.height)
}

/// Draws `state` in a terminal of `width`×`height`, whatever size the state last heard of.
fn render_at(state: &AppState, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view(state, frame)).unwrap();
    terminal.backend().buffer().clone()
}

/// The screen as text, one line per row, trailing spaces kept so widths show.
fn screen(state: &AppState) -> String {
    text(&render(state))
}

fn text(buffer: &Buffer) -> String {
    let width = usize::from(buffer.area.width);
    buffer
        .content
        .chunks(width)
        .map(|row| row.iter().map(ratatui::buffer::Cell::symbol).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn list_and_first_article() {
    insta::assert_snapshot!(screen(&app()));
}

#[test]
fn reader_with_cursor_down_the_text() {
    let mut state = app();
    press(&mut state, "j enter j j j j j");
    insta::assert_snapshot!(screen(&state));
}

#[test]
fn help_lists_every_binding() {
    let mut state = app();
    press(&mut state, "?");
    insta::assert_snapshot!(screen(&state));
}

#[test]
fn help_has_a_section_for_every_context() {
    let sections: Vec<Context> = super::help::SECTIONS.iter().map(|&(context, _)| context).collect();
    for context in Context::ALL {
        assert!(sections.contains(context), "help has no section for {context}");
    }
}

#[test]
fn narrow_terminal_shows_the_focused_pane() {
    let mut state = app();
    update(&mut state, Msg::Resize(Rect::new(0, 0, 60, 16)));
    press(&mut state, "enter");
    insta::assert_snapshot!(screen(&state));
}

#[test]
fn too_small_terminal_says_so() {
    let mut state = app();
    update(&mut state, Msg::Resize(Rect::new(0, 0, 30, 8)));
    insta::assert_snapshot!(screen(&state));
}

/// The frame a resize has not yet been reported for: the layout is the frame's, not the one
/// the state remembers (a 100×30 layout drawn into 30×8 was once seen in a real terminal).
#[test]
fn the_layout_follows_the_frame_not_the_remembered_size() {
    let mut state = app();
    press(&mut state, "enter");
    assert_eq!(state.screen, Rect::new(0, 0, 100, 30));
    let small = text(&render_at(&state, 30, 8));
    assert!(small.contains("Terminal too small: 30×8."), "{small}");
    assert!(!small.contains('│') && !small.contains('┃'), "no pane borders in a too-small frame:\n{small}");
    insta::assert_snapshot!("remembered_100x30_drawn_in_60x16", text(&render_at(&state, 60, 16)));

    update(&mut state, Msg::Resize(Rect::new(0, 0, 30, 8)));
    let wide = text(&render_at(&state, 100, 30));
    assert!(wide.contains("Articles (5)") && wide.contains("000_a7678b54e883ccb6.txt"), "{wide}");
}

/// The cells of the screen row showing `needle`, and the column it starts at.
fn find(buffer: &Buffer, needle: &str) -> (u16, u16) {
    let width = buffer.area.width;
    for y in 0..buffer.area.height {
        let row: String = (0..width).map(|x| buffer[(x, y)].symbol()).collect();
        if let Some(byte) = row.find(needle) {
            let column = row[..byte].chars().count();
            return (u16::try_from(column).unwrap(), y);
        }
    }
    panic!("{needle:?} not on screen");
}

#[test]
fn cursor_sentence_is_marked_with_and_without_colour() {
    let mut state = app();
    press(&mut state, "enter j j j");
    let plain = render(&state);
    let (x, y) = find(&plain, "are the calculations");
    assert!(plain[(x, y)].modifier.contains(Modifier::UNDERLINED), "NO_COLOR underlines the cursor sentence");
    let (x2, y2) = find(&plain, "At a time when");
    assert!(!plain[(x2, y2)].modifier.contains(Modifier::UNDERLINED));

    state.theme = Theme { color: true, background: Background::Dark };
    let coloured = render(&state);
    assert_eq!(coloured[(x, y)].bg, Color::Indexed(238));
    assert_eq!(coloured[(x2, y2)].bg, Color::Reset);
}

#[test]
fn gaps_are_dim_and_the_focused_pane_is_bold() {
    let mut state = app();
    press(&mut state, "enter");
    let buffer = render(&state);
    let (x, y) = find(&buffer, "4**,");
    assert!(buffer[(x + 1, y)].modifier.contains(Modifier::DIM), "the ** gap is dim");
    assert!(!buffer[(x, y)].modifier.contains(Modifier::DIM));
    let (x, y) = find(&buffer, "000_a7678b54e883ccb6.txt");
    assert!(buffer[(x, y)].modifier.contains(Modifier::BOLD), "focused reader title is bold");
    let (x, y) = find(&buffer, "Articles");
    assert!(!buffer[(x, y)].modifier.contains(Modifier::BOLD));
}

#[test]
fn hostile_text_is_drawn_harmless() {
    let mut state = app();
    let article = gloss_core::corpus::Article::from_text(
        gloss_core::corpus::Origin::Embedded("evil.txt"),
        "Evil\u{1b}]0;owned\u{7} title\n\nBody \u{1b}[2J cleared\u{9b}? text.\n",
    );
    update(&mut state, Msg::Loaded { articles: vec![article], problems: Vec::new(), expected: 6 });
    press(&mut state, "G enter");
    let buffer = render(&state);
    for cell in &buffer.content {
        assert!(!cell.symbol().chars().any(char::is_control), "control character in {:?}", cell.symbol());
    }
    find(&buffer, "Body ␛[2J cleared");
}

#[test]
fn entity_panel() {
    let mut state = app();
    press(&mut state, "enter p j");
    insta::assert_snapshot!(screen(&state));
}

#[test]
fn kind_picker() {
    let mut state = app();
    press(&mut state, "enter j j l +");
    insta::assert_snapshot!(screen(&state));
}

#[test]
fn names_are_coloured_by_kind_and_guesses_are_softer() {
    let mut state = app();
    state.theme = Theme { color: true, background: Background::Dark };
    press(&mut state, "enter j j j j j j j");
    let buffer = render(&state);
    let (x, y) = find(&buffer, "Russian Deputy Foreign Minister Rudenko made");
    let russian = &buffer[(x, y)];
    assert_eq!(russian.fg, Color::LightRed, "NORP colour");
    assert!(russian.modifier.contains(Modifier::BOLD), "a gazetteer name is bold");
    let rudenko = &buffer[(x + 32, y)];
    assert_eq!(rudenko.symbol(), "R");
    assert_eq!(rudenko.fg, Color::LightMagenta, "PERSON colour");
    assert!(
        !rudenko.modifier.contains(Modifier::BOLD) && rudenko.modifier.contains(Modifier::ITALIC),
        "a guess is softer"
    );
    let (cx, cy) = find(&buffer, "CCTV News");
    assert_eq!(buffer[(cx, cy)].fg, Color::LightYellow, "ORG colour");

    press(&mut state, "H");
    let plain = render(&state);
    assert_eq!(plain[(x, y)].fg, Color::Reset, "highlighting off");
}

#[test]
fn without_colour_names_carry_their_kind() {
    let mut state = app();
    press(&mut state, "enter");
    let buffer = render(&state);
    let (x, y) = find(&buffer, "Kishida[PERSON]");
    assert!(buffer[(x, y)].modifier.contains(Modifier::UNDERLINED));
    assert!(buffer[(x + 8, y)].modifier.contains(Modifier::DIM), "the tag is dim");
    find(&buffer, "Russian[NORP]");
}

#[test]
fn the_focused_name_is_reversed() {
    let mut state = app();
    press(&mut state, "enter e");
    let buffer = render(&state);
    let (x, y) = find(&buffer, "Kishida[PERSON]");
    assert!(buffer[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn export_dialog() {
    let mut state = app();
    state.exports.dir = "/home/analyst/briefs".into();
    state.exports.today = || "2026-11-21".to_owned();
    press(&mut state, "j enter j j 1 ! x down");
    insta::assert_snapshot!(screen(&state));
}

#[test]
fn the_export_dialog_says_it_is_counting_until_the_count_comes() {
    let mut state = app();
    press(&mut state, "j enter j j 1");
    let effects = update(&mut state, Msg::Key("x".parse().unwrap()));
    let waiting = screen(&state);
    assert!(waiting.contains("Counting…") && !waiting.contains("Exports"), "{waiting}");
    for effect in effects {
        let mut answers = Vec::new();
        crate::tui::run_now(effect, &mut |msg| answers.push(msg));
        for msg in answers {
            update(&mut state, msg);
        }
    }
    let counted = screen(&state);
    assert!(counted.contains("Exports 1 claim from 1 article.") && !counted.contains("Counting…"), "{counted}");
}

/// The cells' looks that tell claim, cursor and selection apart: background and modifiers.
fn look(buffer: &Buffer, (x, y): (u16, u16)) -> (Color, Modifier) {
    (buffer[(x, y)].bg, buffer[(x, y)].modifier)
}

#[test]
fn claims_the_cursor_and_the_selection_differ_on_dark_light_and_without_colour() {
    let themes = [
        Theme { color: true, background: Background::Dark },
        Theme { color: true, background: Background::Light },
        Theme::plain(),
    ];
    for theme in themes {
        // Claims on sentences 3 and 5, the cursor on 5; then the cursor on 6; then 6 selected.
        let mut state = app();
        state.theme = theme;
        press(&mut state, "enter j j j 1 j j 2");
        let buffer = render(&state);
        let plain = look(&buffer, find(&buffer, "At a time when"));
        let claim = look(&buffer, find(&buffer, "are the calculations"));
        let claim_at_cursor = look(&buffer, find(&buffer, "After Yoon"));
        press(&mut state, "j");
        let buffer = render(&state);
        let cursor = look(&buffer, find(&buffer, "Just as the situation"));
        press(&mut state, "v");
        let buffer = render(&state);
        let selection = look(&buffer, find(&buffer, "Just as the situation"));
        let looks = [plain, claim, claim_at_cursor, cursor, selection];
        for (i, a) in looks.iter().enumerate() {
            for b in &looks[i + 1..] {
                assert_ne!(a, b, "{theme:?}: {looks:?}");
            }
        }
    }
}

#[test]
fn every_claim_on_a_line_shows_in_the_gutter() {
    let mut state = app();
    // Sentences 2 and 3 share a line; tagging both gives two bars there, the second flagged.
    press(&mut state, "enter j j 1 j 5 !");
    let buffer = render(&state);
    let (x, y) = find(&buffer, "minister makes a surprise");
    let gutter: String = (x - 3..x).map(|gx| buffer[(gx, y)].symbol()).collect();
    assert_eq!(gutter, "▌▌!", "{}", text(&buffer));
}

#[test]
fn filtered_and_sorted_list_says_so_in_its_title() {
    let mut state = app();
    press(&mut state, "enter e p f s j enter f j j j j j j enter");
    insta::assert_snapshot!(screen(&state));
}

#[test]
fn wide_terminal_shows_whole_titles() {
    let mut state = app();
    update(&mut state, Msg::Resize(Rect::new(0, 0, 200, 24)));
    let shown = screen(&state);
    for &index in state.shown_articles() {
        let title = state.articles[index].title();
        let words: Vec<&str> = title.split_whitespace().collect();
        let last = words.last().unwrap();
        assert!(shown.contains(last), "{title:?} ends with {last:?}, not on screen:\n{shown}");
    }
    insta::assert_snapshot!(shown);
}

#[test]
fn the_article_note_shows_at_the_top_and_in_the_claims_panel() {
    let mut state = app();
    press(&mut state, "enter A");
    crate::tui::tests::type_text(&mut state, "Ask KCNA for the transcript.");
    press(&mut state, "esc");
    let shown = screen(&state);
    assert!(shown.contains("✎ Ask KCNA for the transcript."), "{shown}");
    let at_top = shown.lines().position(|l| l.contains("✎ Ask KCNA")).unwrap();
    assert_eq!(at_top, 3, "under the title and the metadata:\n{shown}");
    press(&mut state, "c");
    let panel = screen(&state);
    assert!(panel.contains("✎ Article: Ask KCNA"), "{panel}");
    press(&mut state, "A");
    assert!(matches!(state.popup, Some(crate::tui::Popup::Editor(_))), "A edits it from the panel");
}

#[test]
fn the_status_bar_shows_a_fetch_that_is_running() {
    let mut state = app();
    state.feeds.running = true;
    let drawn = screen(&state);
    assert!(drawn.lines().last().unwrap().starts_with("fetching feeds… · "), "{drawn}");
    state.feeds.done = 1;
    state.feeds.total = 3;
    let drawn = screen(&state);
    assert!(drawn.lines().last().unwrap().starts_with("fetching feeds 1/3 · "), "{drawn}");
}
