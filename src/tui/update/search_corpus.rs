//! Searching every article (`ctrl-f`): each change to the query starts a search in the
//! background and stops the one before; hits arrive in batches and are listed as they come;
//! `enter` jumps to the hit's sentence.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use super::super::action::Action;
use super::super::app::AppState;
use super::super::popup::Popup;
use super::super::search::{Cancel, CorpusPanel, Progress, QueryInput};
use super::navigate::Step;
use super::{Effect, Msg, jumps};
use gloss_core::corpus::Article;
use gloss_core::search::{Batch, Field, Notes, Scope, Streamer};

/// The most hits listed: enough to scroll through, few enough to hold.
pub const HIT_LIMIT: usize = 5_000;

/// How often a running search hands over what it found.
const BATCH_INTERVAL: Duration = Duration::from_millis(30);

/// Rows one page of hits moves.
const PAGE: isize = 10;

/// A corpus search to run off the UI thread, and how to stop it.
#[derive(Debug)]
pub struct CorpusJob {
    pub generation: u64,
    pub streamer: Streamer<Arc<Article>>,
    pub cancel: Arc<AtomicBool>,
}

impl CorpusJob {
    /// Runs the search, sending each batch as it comes.
    pub fn run(&self, send: &mut dyn FnMut(Msg)) {
        self.streamer.run(&self.cancel, &mut |batch| {
            send(Msg::SearchHits { generation: self.generation, batch });
            std::ops::ControlFlow::Continue(())
        });
    }
}

/// `ctrl-f`: the corpus search, with what was typed last time searched again.
pub fn open(state: &mut AppState) -> Vec<Effect> {
    let input = QueryInput::new(state.search.corpus_text.clone(), state.search.mode);
    state.popup = Some(Popup::Corpus(Box::new(CorpusPanel::new(input))));
    restart(state)
}

/// An action while the corpus search has the keys.
pub fn act(state: &mut AppState, action: Action) -> Vec<Effect> {
    match action {
        Action::MoveDown => select(state, Step::By(1)),
        Action::MoveUp => select(state, Step::By(-1)),
        Action::PageDown => select(state, Step::By(PAGE)),
        Action::PageUp => select(state, Step::By(-PAGE)),
        Action::Confirm => return open_hit(state),
        Action::Cancel => state.popup = None,
        Action::ToggleRegex => return edit(state, |input| input.mode = input.mode.toggled()),
        Action::ClearField => return edit(state, |input| input.text.clear()),
        _ => {}
    }
    Vec::new()
}

/// Changes the query and searches again.
pub fn edit(state: &mut AppState, change: impl FnOnce(&mut QueryInput)) -> Vec<Effect> {
    let Some(Popup::Corpus(panel)) = state.popup.as_mut() else { return Vec::new() };
    change(&mut panel.input);
    state.search.mode = panel.input.mode;
    state.search.corpus_text.clone_from(&panel.input.text);
    restart(state)
}

/// Stops the running search and starts one for the query as it is now, if it can be searched.
fn restart(state: &mut AppState) -> Vec<Effect> {
    state.search.running = None;
    state.search.generation += 1;
    let Some(Popup::Corpus(panel)) = state.popup.as_mut() else { return Vec::new() };
    panel.hits.clear();
    panel.articles = 0;
    panel.selected = 0;
    panel.progress = None;
    let Ok(Some(query)) = panel.input.compile() else { return Vec::new() };
    panel.progress = Some(Progress { total: state.articles.len(), ..Progress::default() });
    let notes: Notes = (0..state.articles.len()).filter_map(|i| Some((i, state.notes.record(i)?))).collect();
    let (guard, cancel) = Cancel::new();
    state.search.running = Some(guard);
    let streamer = Streamer {
        query,
        articles: state.articles.clone(),
        notes,
        scope: Scope::default(),
        limit: HIT_LIMIT,
        interval: BATCH_INTERVAL,
    };
    vec![Effect::SearchCorpus(Box::new(CorpusJob { generation: state.search.generation, streamer, cancel }))]
}

/// Hits from the background search: listed when they are from the newest search.
pub fn on_batch(state: &mut AppState, generation: u64, batch: Batch) {
    let Some(Popup::Corpus(panel)) = state.popup.as_mut() else { return };
    if generation != state.search.generation {
        return;
    }
    let Some(progress) = panel.progress.as_mut() else { return };
    let mut last = panel.hits.last().map(|hit| hit.article);
    for hit in &batch.hits {
        if last != Some(hit.article) {
            panel.articles += 1;
            last = Some(hit.article);
        }
    }
    panel.hits.extend(batch.hits);
    progress.searched = batch.searched;
    progress.done = batch.done;
    progress.truncated = batch.truncated;
    if batch.done {
        state.search.running = None;
    }
}

fn select(state: &mut AppState, step: Step) {
    if let Some(Popup::Corpus(panel)) = state.popup.as_mut() {
        panel.selected = step.apply(panel.selected, panel.hits.len());
    }
}

/// `enter`: the article of the selected hit, the cursor on its sentence and the match focused;
/// a jump, so the way back is remembered.
fn open_hit(state: &mut AppState) -> Vec<Effect> {
    let Some(Popup::Corpus(panel)) = state.popup.as_ref() else { return Vec::new() };
    let Some(hit) = panel.hits.get(panel.selected).cloned() else { return Vec::new() };
    state.popup = None;
    let effects = jumps::jump_to(state, hit.article, hit.at);
    match &hit.field {
        Field::Text { .. } => {
            if let Some(reader) = state.reader.as_mut() {
                reader.focus = Some(hit.span.clone());
            }
        }
        Field::Title => state.set_status("the hit is in the article's title"),
        Field::ArticleNote => state.set_status("the hit is in the article's note"),
        Field::ClaimNote { .. } => state.set_status("the hit is in the note on this claim"),
    }
    effects
}
