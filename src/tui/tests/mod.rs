//! Behaviour tests: the shipped keymap, and key sequences pressed through it into `update`.

mod claims;
mod compare;
mod conflicts;
mod drawing;
mod durable;
mod export;
mod feeds;
mod jumps;
mod listing;
mod long;
mod names;
mod resume;
mod search;
mod search_corpus;
mod search_view;
mod select;

use std::collections::VecDeque;
use std::sync::{Arc, LazyLock};

use ratatui::layout::Rect;

use super::*;
use crate::keymap::{Bindable, Chord, Context};
use gloss_core::annotations::Vocabulary;
use gloss_core::corpus::{Article, Origin, SEEDS};
use gloss_core::entities::{Recognizer, UserGazetteer};

/// The built-in recogniser, built once for all tests.
static BUILT_IN: LazyLock<Arc<Recognizer>> = LazyLock::new(|| Arc::new(Recognizer::built_in().unwrap()));

/// An app over the five seeds on a 100×30 screen, as the user's terminal would give it.
pub fn app() -> AppState {
    app_with(SEEDS.iter().map(|&(name, text)| Article::from_text(Origin::Embedded(name), text)).collect())
}

pub fn app_with(articles: Vec<Article>) -> AppState {
    let keymap = load_keymap(None).unwrap();
    let mut state = AppState::new(keymap, Theme::plain(), Rect::new(0, 0, 100, 30), Vocabulary::built_in().unwrap());
    for effect in startup(&state) {
        run(&mut state, effect);
    }
    let expected = articles.len();
    deliver(&mut state, Msg::Loaded { articles, problems: Vec::new(), expected });
    deliver(&mut state, Msg::LoadFinished);
    state
}

/// Applies `msg` and carries out every effect in place, as the event loop would on its threads;
/// then waits for the store's keeper to have dealt with every edit and delivers what it said.
/// Returns whether the app asked to quit.
pub fn deliver(state: &mut AppState, msg: Msg) -> bool {
    let mut queue = VecDeque::from([msg]);
    let mut quit = false;
    loop {
        while let Some(msg) = queue.pop_front() {
            for effect in update(state, msg) {
                quit |= run_with(effect, &mut |m| queue.push_back(m));
            }
        }
        if let Some(keeper) = &state.notes.keeper {
            // A stopped keeper has nothing more to say; the edits sent to it were reported failed.
            let _stopped = keeper.flush(std::time::Duration::from_secs(10));
        }
        queue.extend(REPORTS.with(|reports| std::mem::take(&mut *reports.lock().unwrap())).into_iter().map(Msg::Store));
        if queue.is_empty() {
            return quit;
        }
    }
}

thread_local! {
    /// What the keepers started by this test's thread said, for `deliver` to hand on.
    static REPORTS: Arc<std::sync::Mutex<Vec<gloss_core::annotations::durable::Report>>> = Arc::default();
}

/// A keeper for `durable` whose reports `deliver` hands to the app.
pub fn keeper(durable: gloss_core::annotations::durable::Durable) -> gloss_core::annotations::durable::Keeper {
    let reports = REPORTS.with(Arc::clone);
    gloss_core::annotations::durable::Keeper::start(durable, move |report| reports.lock().unwrap().push(report))
}

/// Quits as gloss does: the store file brought up to date and the lock let go.
pub fn finish(state: AppState) {
    if let Some(keeper) = state.notes.keeper {
        keeper.finish(std::time::Duration::from_secs(10)).unwrap();
    }
}

fn run(state: &mut AppState, effect: Effect) {
    let mut produced = Vec::new();
    run_with(effect, &mut |m| produced.push(m));
    for msg in produced {
        deliver(state, msg);
    }
}

/// Runs an effect; the built-in recogniser is shared rather than built again.
fn run_with(effect: Effect, send: &mut dyn FnMut(Msg)) -> bool {
    match effect {
        Effect::BuildRecognizer { user, generation } if user == UserGazetteer::default() => {
            send(Msg::RecognizerReady { recognizer: BUILT_IN.clone(), generation });
            false
        }
        other => run_now(other, send),
    }
}

/// Presses space-separated keys, as keymap files write them, through the live keymap; returns
/// whether one of them quit.
pub fn press(state: &mut AppState, keys: &str) -> bool {
    let mut quit = false;
    for key in keys.split_whitespace() {
        quit |= deliver(state, Msg::Key(key.parse::<Chord>().unwrap()));
    }
    quit
}

/// Types `text` key by key, as someone at the keyboard would.
pub fn type_text(state: &mut AppState, text: &str) {
    for c in text.chars() {
        let key = match c {
            '\n' => "enter".to_owned(),
            ' ' => "space".to_owned(),
            c => c.to_string(),
        };
        press(state, &key);
    }
}

fn cursor(state: &AppState) -> usize {
    state.reader.as_ref().unwrap().place.cursor
}

#[test]
fn shipped_keymap_parses_and_binds_every_action() {
    let keymap = load_keymap(None).unwrap();
    // keymap.ron names every action, so a derived name that changed would fail to parse.
    for &action in Action::ALL {
        let uses = action.uses();
        assert!(!uses.is_empty(), "{action:?} has no use");
        for used in uses {
            assert!(!used.about.is_empty(), "{action:?} has no description in {}", used.context);
            assert!(
                !keymap.chords(used.context, action).is_empty(),
                "{} has no default key in {}",
                action.name(),
                used.context
            );
        }
        assert_eq!(Action::from_name(action.name()), Some(action));
    }
}

#[test]
fn keymap_fixtures_give_their_errors() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/keymaps");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir.join("invalid")).unwrap() {
        let path = entry.unwrap().path();
        let source = std::fs::read_to_string(&path).unwrap();
        // Some fixtures start with a byte-order mark, as some editors write them.
        let first = source.trim_start_matches('\u{feff}').lines().next();
        let expected = first.and_then(|l| l.strip_prefix("// expect: ")).expect("first line says what to expect");
        let error = load_keymap(Some(&path)).unwrap_err().to_string();
        let located = format!("{}:{expected}", path.display());
        assert!(error.starts_with(&located), "{}:\n  got      {error}\n  expected {located}", path.display());
        checked += 1;
    }
    for entry in std::fs::read_dir(dir.join("valid")).unwrap() {
        let path = entry.unwrap().path();
        load_keymap(Some(&path)).unwrap_or_else(|e| panic!("{e}"));
        checked += 1;
    }
    assert!(checked >= 12);
}

#[test]
fn j_j_enter_opens_the_third_article_in_the_reader() {
    let mut state = app();
    assert_eq!(state.focus, Focus::List);
    press(&mut state, "j j enter");
    assert_eq!(state.list.selected, 2);
    assert_eq!(state.focus, Focus::Reader);
    assert_eq!(state.current_article().unwrap().origin().file_name(), SEEDS[2].0);
}

#[test]
fn vim_keys_and_arrows_move_alike() {
    let mut vim = app();
    let mut arrows = app();
    press(&mut vim, "j j k enter j j j k");
    press(&mut arrows, "down down up enter down down down up");
    assert_eq!(vim.list.selected, 1);
    assert_eq!(cursor(&vim), 2);
    assert_eq!((arrows.list.selected, cursor(&arrows)), (vim.list.selected, cursor(&vim)));
}

#[test]
fn ends_and_pages() {
    let mut state = app();
    press(&mut state, "G");
    assert_eq!(state.list.selected, 4);
    press(&mut state, "home enter G");
    let last = state.current_article().unwrap().sentences().len() - 1;
    assert_eq!(cursor(&state), last);
    press(&mut state, "g");
    assert_eq!(cursor(&state), 0);
    press(&mut state, "ctrl-d");
    let after_page = cursor(&state);
    assert!(after_page > 3, "a page moves several sentences, got {after_page}");
    let reader = state.reader.as_ref().unwrap();
    assert!(reader.place.scroll > 0);
    press(&mut state, "pageup");
    assert!(cursor(&state) < after_page);
}

#[test]
fn the_view_follows_the_cursor() {
    let mut state = app();
    press(&mut state, "enter");
    for _ in 0..30 {
        press(&mut state, "j");
        let reader = state.reader.as_ref().unwrap();
        let sentence = &state.current_article().unwrap().sentences()[reader.place.cursor];
        let lines = reader.wrapped.lines_of(sentence);
        let height = state.reader_height();
        assert!(reader.place.scroll <= *lines.start() && *lines.end() < reader.place.scroll + height);
    }
}

#[test]
fn esc_returns_to_the_list_and_tab_switches_panes() {
    let mut state = app();
    press(&mut state, "enter esc");
    assert_eq!(state.focus, Focus::List);
    press(&mut state, "tab");
    assert_eq!(state.focus, Focus::Reader);
    press(&mut state, "shift-tab");
    assert_eq!(state.focus, Focus::List);
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut state = app();
    press(&mut state, "?");
    assert!(matches!(state.popup, Some(Popup::Help { scroll: 0 })));
    assert_eq!(state.context(), Context::Help);
    press(&mut state, "j j");
    assert!(matches!(state.popup, Some(Popup::Help { scroll: 2 })));
    // Movement keys scroll help, not the list behind it.
    assert_eq!(state.list.selected, 0);
    press(&mut state, "esc");
    assert!(state.popup.is_none());
    press(&mut state, "? ?");
    assert!(state.popup.is_none());
}

#[test]
fn quit_keys() {
    assert!(press(&mut app(), "q"));
    assert!(press(&mut app(), "ctrl-c"));
    assert!(!press(&mut app(), "j k"));
}

#[test]
fn the_reader_remembers_where_it_was_in_each_article() {
    let mut state = app();
    press(&mut state, "enter j j j esc j enter");
    assert_eq!(cursor(&state), 0);
    press(&mut state, "esc k");
    assert_eq!(cursor(&state), 3);
}

#[test]
fn resizing_rewraps_and_keeps_the_cursor_in_view() {
    let mut state = app();
    press(&mut state, "enter G");
    deliver(&mut state, Msg::Resize(Rect::new(0, 0, 30, 8)));
    assert!(state.areas().is_none(), "too small to draw");
    deliver(&mut state, Msg::Resize(Rect::new(0, 0, 60, 20)));
    let reader = state.reader.as_ref().unwrap();
    assert_eq!(reader.wrapped.width, usize::from(state.reader_areas().unwrap().text.width));
    let sentence = &state.current_article().unwrap().sentences()[reader.place.cursor];
    assert!(reader.wrapped.lines_of(sentence).contains(&(reader.place.scroll + 1)) || reader.place.scroll > 0);
}

#[test]
fn mouse_wheel_scrolls_and_clicks_select() {
    let mut state = app();
    let click = |row| Msg::Mouse(Mouse { kind: MouseKind::Click, column: 5, row });
    // Rows take three lines here (titles wrap), from line 1: line 7 is the third's title.
    deliver(&mut state, click(7));
    assert_eq!(state.list.selected, 2);
    deliver(&mut state, Msg::Mouse(Mouse { kind: MouseKind::ScrollDown, column: 5, row: 5 }));
    assert_eq!(state.list.selected, 3);
    deliver(&mut state, Msg::Mouse(Mouse { kind: MouseKind::ScrollDown, column: 60, row: 10 }));
    assert_eq!(state.reader.as_ref().unwrap().place.scroll, 3);
    deliver(&mut state, Msg::Mouse(Mouse { kind: MouseKind::Click, column: 60, row: 10 }));
    assert_eq!(state.focus, Focus::Reader);
}

#[test]
fn articles_arriving_later_keep_the_selection() {
    let mut state = app();
    press(&mut state, "j");
    let extra = Article::from_text(Origin::Embedded("late.txt"), "Late headline\n\nLate body.");
    deliver(&mut state, Msg::Loaded { articles: vec![extra], problems: Vec::new(), expected: 6 });
    assert_eq!(state.articles.len(), 6);
    assert_eq!(state.list.selected, 1);
    assert!(Arc::ptr_eq(state.current_article().unwrap(), &state.articles[1]));
}

#[test]
fn problems_show_in_the_status_bar() {
    let keymap = load_keymap(None).unwrap();
    let mut state = AppState::new(keymap, Theme::plain(), Rect::new(0, 0, 100, 30), Vocabulary::built_in().unwrap());
    let problem = gloss_core::corpus::Problem {
        path: "x/empty.txt".into(),
        reason: gloss_core::corpus::ProblemReason::Skipped(gloss_core::corpus::Unreadable::Empty),
    };
    deliver(&mut state, Msg::Loaded { articles: Vec::new(), problems: vec![problem], expected: 1 });
    deliver(&mut state, Msg::LoadFinished);
    let status = state.status.as_ref().unwrap();
    assert!(status.is_error);
    assert_eq!(status.text, "x/empty.txt: skipped: empty file");
}

#[test]
fn unbound_keys_and_a_read_only_store_say_so() {
    let mut state = app();
    press(&mut state, "z");
    assert_eq!(state.status.as_ref().unwrap().text, "z does nothing in the list (? lists the keys)");
    press(&mut state, "enter ctrl-z");
    assert_eq!(state.status.as_ref().unwrap().text, "ctrl-z does nothing in the reader (? lists the keys)");
    state.notes.session.set_read_only(Some("started with --read-only".into()));
    for key in ["1", "!", "U", "a"] {
        press(&mut state, key);
        let status = state.status.as_ref().unwrap();
        assert!(status.is_error && status.text == "read-only: started with --read-only", "{key}: {status:?}");
    }
    assert!(state.notes.session.store().articles.values().all(|r| r.claims.is_empty()));
}
