//! The reader at scale, in process: time to the first frame and to the whole list for 10 and
//! 10,000 generated articles (read by the reader's own loader, each batch taken by `update`);
//! opening a 10 MB article (`update` and the frame drawn into a test backend, before and after
//! the indexer has segmented it); and frame times (a key through `update`, then a draw) moving
//! and scrolling through it and `h` near its end, with the median and 99th percentile of
//! 2,000 frames printed.

#![allow(clippy::print_stderr, clippy::unwrap_used, clippy::expect_used)]

use std::collections::VecDeque;
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::keymap::Chord;
use gloss::tui::{AppState, Effect, Msg, Theme, load_keymap, loader, run_now, startup, update, view};
use gloss_core::annotations::Vocabulary;
use gloss_core::corpus::{Article, Origin, SEEDS};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

#[allow(dead_code)]
#[path = "../crates/gloss-core/examples/corpus/mod.rs"]
mod generated;

const SCREEN: Rect = Rect { x: 0, y: 0, width: 160, height: 50 };

fn fresh() -> AppState {
    AppState::new(load_keymap(None).unwrap(), Theme::plain(), SCREEN, Vocabulary::built_in().unwrap())
}

/// Applies `msg` and runs every effect in place, as the loop's threads would; the indexer's
/// too when `index` (else a long article is opened before anything has segmented it).
fn deliver(state: &mut AppState, msg: Msg, index: bool) {
    let mut queue = VecDeque::from([msg]);
    while let Some(msg) = queue.pop_front() {
        for effect in update(state, msg) {
            if index || !matches!(effect, Effect::Index { .. }) {
                run_now(effect, &mut |m| queue.push_back(m));
            }
        }
    }
}

fn app(articles: Vec<Article>, index: bool) -> AppState {
    let mut state = fresh();
    let mut started = Vec::new();
    for effect in startup(&state) {
        run_now(effect, &mut |m| started.push(m));
    }
    for msg in started {
        deliver(&mut state, msg, index);
    }
    let expected = articles.len();
    deliver(&mut state, Msg::Loaded { articles, problems: Vec::new(), expected }, index);
    deliver(&mut state, Msg::LoadFinished, index);
    state
}

/// About 10 MB of news text: the seeds over and over, each copy numbered.
fn long_article() -> Article {
    let mut text = String::from("A long dossier\n\nMondo International Updated on 2024-02-04\n\n");
    let mut round = 0;
    while text.len() < 10_000_000 {
        for (_, seed) in SEEDS {
            let body = seed.split_once("\n\n").map_or(seed, |(_, body)| body);
            write!(text, "Part {round}.\n\n{body}\n\n").unwrap();
        }
        round += 1;
    }
    Article::from_text(Origin::Embedded("dossier.txt"), &text)
}

fn key(state: &mut AppState, chord: &str) -> Vec<Effect> {
    update(state, Msg::Key(chord.parse::<Chord>().unwrap()))
}

fn draw(terminal: &mut Terminal<TestBackend>, state: &AppState) {
    terminal.draw(|frame| view(state, frame)).unwrap();
}

/// The generated corpus of `articles` articles (seed 42), written under `target/` once.
fn corpus_folder(articles: usize) -> PathBuf {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-corpora/{articles}"));
    generated::ensure(&generated::Spec::new(articles, 42), &folder).unwrap();
    folder
}

/// Reads `folder` with the reader's loader; the time to the first frame with rows, and to the
/// whole list drawn.
fn load(folder: &Path, terminal: &mut Terminal<TestBackend>) -> (Duration, Duration) {
    let mut state = fresh();
    let start = Instant::now();
    let mut first = None;
    let mut whole = Duration::ZERO;
    loader::load(&[folder.to_path_buf()], &mut |msg| {
        let finished = matches!(msg, Msg::LoadFinished);
        // Only what the UI thread does: recognition and indexing run on their own threads.
        let _effects_for_other_threads = update(&mut state, msg);
        draw(terminal, &state);
        first.get_or_insert_with(|| start.elapsed());
        if finished {
            whole = start.elapsed();
        }
        true
    });
    (first.unwrap_or_default(), whole)
}

fn list(c: &mut Criterion) {
    let mut group = c.benchmark_group("reader list");
    group.sample_size(10);
    let mut terminal = Terminal::new(TestBackend::new(SCREEN.width, SCREEN.height)).unwrap();
    for articles in [10, 10_000] {
        let folder = corpus_folder(articles);
        group.bench_function(format!("first frame, {articles} articles"), |b| {
            b.iter_custom(|n| (0..n).map(|_| load(&folder, &mut terminal).0).sum());
        });
        group.bench_function(format!("whole list, {articles} articles"), |b| {
            b.iter_custom(|n| (0..n).map(|_| load(&folder, &mut terminal).1).sum());
        });
    }
    group.finish();
}

fn open(c: &mut Criterion) {
    let mut terminal = Terminal::new(TestBackend::new(SCREEN.width, SCREEN.height)).unwrap();
    let mut group = c.benchmark_group("open the 10 MB article (UI thread)");
    group.sample_size(10);
    for index in [false, true] {
        let short = Article::from_text(Origin::Embedded("short.txt"), "Short\n\nOne sentence. Two sentences.");
        let mut state = app(vec![short, long_article()], index);
        let name = if index { "indexed" } else { "not yet segmented" };
        group.bench_function(name, |b| {
            b.iter_custom(|n| {
                let mut spent = Duration::ZERO;
                for _ in 0..n {
                    // Fresh each time, as a newly read article is.
                    if !index {
                        state.articles[1] = Arc::new(long_article());
                        state.names.found.clear();
                    }
                    let start = Instant::now();
                    let asked = key(&mut state, "j");
                    draw(&mut terminal, &state);
                    spent += start.elapsed();
                    assert!(asked.iter().any(|e| matches!(e, Effect::Prepare(_))) || index);
                    let _back_to_the_short_one = key(&mut state, "k");
                }
                spent
            });
        });
    }
    group.finish();
}

/// The long article open and prepared, the reader holding the keys, the cursor at `at` of
/// its sentences.
fn reading(at: f64) -> AppState {
    let short = Article::from_text(Origin::Embedded("short.txt"), "Short\n\nOne sentence. Two sentences.");
    let mut state = app(vec![short, long_article()], true);
    deliver(&mut state, Msg::Key("j".parse().unwrap()), true);
    deliver(&mut state, Msg::Key("enter".parse().unwrap()), true);
    let sentences = state.articles[1].sentences().len();
    let reader = state.reader.as_mut().unwrap();
    #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let cursor = (sentences as f64 * at) as usize;
    reader.place.cursor = cursor.min(sentences - 1);
    deliver(&mut state, Msg::Resize(SCREEN), true);
    state
}

fn frames(c: &mut Criterion) {
    let mut terminal = Terminal::new(TestBackend::new(SCREEN.width, SCREEN.height)).unwrap();
    let mut group = c.benchmark_group("frame in the 10 MB article (key + draw)");
    for (name, at, keys) in [
        ("j and k, sentence by sentence", 0.5, ["j", "k"]),
        ("ctrl-d and ctrl-u, a page", 0.5, ["ctrl-d", "ctrl-u"]),
        ("h and l near the end, word by word", 0.999, ["h", "l"]),
    ] {
        let mut state = reading(at);
        let mut times = Vec::with_capacity(2_000);
        for i in 0..2_000 {
            let start = Instant::now();
            let _none_for_a_prepared_article = key(&mut state, keys[i % 2]);
            draw(&mut terminal, &state);
            times.push(start.elapsed());
        }
        times.sort();
        eprintln!("{name}: median {:?}, p99 {:?}, max {:?}", times[1_000], times[1_980], times[1_999]);
        let mut i = 0;
        group.bench_function(name, |b| {
            b.iter(|| {
                i += 1;
                let _none = key(&mut state, keys[i % 2]);
                draw(&mut terminal, &state);
            });
        });
    }
    group.finish();
}

criterion_group!(benches, list, open, frames);
criterion_main!(benches);
