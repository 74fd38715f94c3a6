//! `update`: the one place state changes, message by message; it returns what the loop must do.

mod attach;
mod claims;
mod compare;
mod conflicts;
mod export;
mod feeds;
mod filter_menu;
mod intents;
pub mod jumps;
mod keys;
mod listing;
mod messages;
mod names;
mod navigate;
mod notes;
mod panes;
mod resume;
mod screen;
mod search;
mod search_corpus;
mod select;
mod store;

use std::sync::Arc;

use super::action::Action;
use super::app::{AppState, Focus};
use super::popup::Popup;
use crate::keymap::Context;
use gloss_core::corpus::{Article, Problem};

pub use conflicts::{PanelRow, claim_conflicts, panel_rows};
pub use jumps::JumpList;
pub use listing::describe as describe_filters;
pub use messages::{Effect, ExportJob, Exported, Msg};
pub use navigate::{Mouse, MouseKind};
pub use resume::{remember, snapshot};
pub use store::TookOver;

/// What to do first, before any message: build the recogniser.
pub fn startup(state: &AppState) -> Vec<Effect> {
    vec![Effect::BuildRecognizer { user: state.notes.session.names().clone(), generation: state.names.generation }]
}

/// Applies `msg` to `state` and says what should happen next.
pub fn update(state: &mut AppState, msg: Msg) -> Vec<Effect> {
    if screen::hidden_input(state, &msg) {
        return Vec::new();
    }
    let effects = match msg {
        Msg::Key(chord) => keys::on_key(state, chord),
        Msg::Paste(text) if state.context() == Context::Editor => notes::paste(state, &text),
        Msg::Paste(text) if state.context() == Context::Export => export::paste(state, &text),
        Msg::Paste(text) if matches!(state.context(), Context::Search | Context::CorpusSearch) => {
            search::paste(state, &text)
        }
        Msg::Paste(text) => {
            keys::type_into_dialog(state, &text);
            Vec::new()
        }
        Msg::Mouse(mouse) => {
            navigate::on_mouse(state, mouse);
            Vec::new()
        }
        Msg::Resize(screen) => {
            state.screen = screen;
            Vec::new()
        }
        Msg::Loaded { articles, problems, expected } => on_loaded(state, articles, problems, expected),
        Msg::LoadFinished => {
            state.loading.finished = true;
            let mut effects: Vec<Effect> = resume::on_loaded(state).into_iter().collect();
            report_load(state);
            effects.extend(names::index_all(state));
            effects
        }
        Msg::RecognizerReady { recognizer, generation } => names::on_recognizer(state, recognizer, generation),
        Msg::RecognizerFailed(error) => {
            state.set_error(format!("entity recognition is off: {error}"));
            Vec::new()
        }
        Msg::Indexed { generation, entries, long } => {
            names::on_indexed(state, generation, &entries, long);
            Vec::new()
        }
        Msg::Prepared(prepared) => {
            names::on_prepared(state, *prepared);
            Vec::new()
        }
        Msg::UserGazetteerSaved(result) => {
            if let Err(error) = result {
                state.set_error(format!("{error} (your names are kept for this session)"));
            }
            Vec::new()
        }
        Msg::Store(report) => store::on_report(state, report),
        Msg::TookOver(took) => store::took_over(state, *took),
        Msg::ClaimsPlaced(placed) => attach::on_placed(state, placed),
        Msg::Exported(result) => {
            export::on_exported(state, result);
            Vec::new()
        }
        Msg::ExportCounted { asked, tally } => {
            export::on_counted(state, asked, tally);
            Vec::new()
        }
        Msg::ExportTargetFound { asked, on_disk } => {
            export::on_looked(state, asked, on_disk);
            Vec::new()
        }
        Msg::FeedDone { done, total } => {
            feeds::on_progress(state, done, total);
            Vec::new()
        }
        Msg::Fetched { article, updated } => feeds::on_article(state, *article, updated),
        Msg::FeedsFetched(result) => {
            feeds::on_finished(state, result);
            Vec::new()
        }
        Msg::SearchHits { generation, batch } => {
            search_corpus::on_batch(state, generation, batch);
            Vec::new()
        }
        // The event loop ends on a signal before `update` sees it; were it to come here, it
        // still ends gloss, without asking as `q` may.
        Msg::Signal(_) => vec![Effect::Quit],
    };
    let mut effects = effects;
    listing::refresh_if_stale(state);
    search::settle(state);
    compare::refresh(state);
    effects.extend(state.sync_layout().map(|p| Effect::Prepare(Box::new(p))));
    jumps::note_reading(state);
    effects
}

#[allow(clippy::too_many_lines, reason = "the dispatcher: one short arm per action, each handing on to its module")]
fn act(state: &mut AppState, action: Action) -> Vec<Effect> {
    use navigate::Step;
    if matches!(state.popup, Some(Popup::Export(_))) {
        return export::act(state, action);
    }
    if let Some(effects) = search::act_in_search(state, action).or_else(|| compare::act(state, action)) {
        return effects;
    }
    match action {
        Action::Quit => return quit(state),
        Action::Help => {
            state.popup = match state.popup {
                Some(Popup::Help { .. }) => None,
                _ => Some(Popup::Help { scroll: 0 }),
            };
        }
        Action::FocusNext | Action::FocusPrev => {
            if state.popup.is_none() {
                state.focus = match state.focus {
                    Focus::List if state.reader.is_some() => Focus::Reader,
                    _ => Focus::List,
                };
            }
        }
        Action::Confirm | Action::Back if matches!(&state.popup, Some(Popup::Editor(e)) if e.confirm_discard) => {
            return notes::act(state, action);
        }
        Action::Confirm | Action::Cancel if matches!(state.popup, Some(Popup::TitleQuery(_))) => {
            listing::close_title_query(state, action == Action::Confirm);
        }
        Action::Back => back(state),
        Action::Cancel => state.popup = None,
        Action::Open if state.context() == Context::List => {
            if let Some(article) = state.reader.as_ref().map(|r| r.article) {
                jumps::opened(state, article);
                state.focus = Focus::Reader;
                return claims::mark_read(state, article);
            }
        }
        Action::Open if state.context() == Context::Claims => claims::jump_to_panel_claim(state),
        Action::CloseEditor | Action::DiscardNote => return notes::act(state, action),
        Action::Export => return export::open(state),
        Action::FetchFeeds => return feeds::start(state),
        // Taken above: only the export dialog and the disagreement view have these.
        Action::NextOption
        | Action::PrevOption
        | Action::ClearField
        | Action::Disagreements
        | Action::NextDisagreement
        | Action::PrevDisagreement
        | Action::Adopt
        | Action::Figures => {}
        Action::Search | Action::SearchCorpus | Action::NextMatch | Action::PrevMatch | Action::ToggleRegex => {
            return search::act(state, action);
        }
        Action::FilterByTitle | Action::FilterMenu | Action::SortMenu | Action::MarkUnread => {
            return listing::act(state, action);
        }
        Action::NextArticle | Action::PrevArticle | Action::JumpBack | Action::JumpForward => {
            return jumps::act(state, action);
        }
        Action::WiderList | Action::NarrowerList => panes::resize_list(state, action == Action::WiderList),
        Action::EditClaimNote => return notes::open(state, false),
        Action::EditArticleNote => return notes::open(state, true),
        Action::MoveDown => navigate::step(state, Step::By(1)),
        Action::MoveUp => navigate::step(state, Step::By(-1)),
        Action::MoveTop => navigate::step(state, Step::First),
        Action::MoveBottom => navigate::step(state, Step::Last),
        Action::PageDown => navigate::page(state, 1),
        Action::PageUp => navigate::page(state, -1),
        Action::Select => select::toggle(state),
        Action::SwapSelectionEnds => select::swap_ends(state),
        Action::NextWord => navigate::word(state, 1),
        Action::PrevWord => navigate::word(state, -1),
        Action::NextEntity => navigate::entity(state, 1),
        Action::PrevEntity => navigate::entity(state, -1),
        Action::Tag1
        | Action::Tag2
        | Action::Tag3
        | Action::Tag4
        | Action::Tag5
        | Action::Tag6
        | Action::Tag7
        | Action::Tag8
        | Action::Tag9
        | Action::ToggleCheckWorthy
        | Action::SetVerdict
        | Action::NextClaim
        | Action::PrevClaim
        | Action::ClaimsPanel
        | Action::DeleteClaim
        | Action::Undo
        | Action::Redo => return claims::act(state, action),
        Action::KeepValue | Action::TakeOtherValue => return conflicts::settle(state, action),
        Action::Open
        | Action::Confirm
        | Action::ToggleHighlights
        | Action::EntityPanel
        | Action::FilterByEntity
        | Action::AddEntity
        | Action::AddAlias
        | Action::RejectEntity => return names::act(state, action),
    }
    Vec::new()
}

/// `esc`: undo the innermost thing — a popup, a selection, a focused word, the search's
/// matches, the reader's focus, the list's filter. The note editor is never closed from here: it has its own key,
/// which keeps the note.
fn back(state: &mut AppState) {
    if matches!(state.popup, Some(Popup::Editor(_))) {
        return;
    }
    if state.popup.take().is_some() {
        return;
    }
    if state.focus == Focus::Reader
        && let Some(reader) = state.reader.as_mut()
    {
        if reader.selection.take().is_none() && reader.focus.take().is_none() && !search::clear(state) {
            state.focus = Focus::List;
        }
        return;
    }
    if !state.listing.filters.is_empty() {
        listing::clear_filters(state);
    }
}

fn on_loaded(state: &mut AppState, articles: Vec<Article>, problems: Vec<Problem>, expected: usize) -> Vec<Effect> {
    state.loading.expected = expected;
    let first_new = state.articles.len();
    state.articles.extend(articles.into_iter().map(Arc::new));
    state.problems.extend(problems);
    let new = state.articles[first_new..].to_vec();
    let mut effects = attach::attach(state, &new);
    // After attaching: filters and sorts look at the new articles' records.
    listing::refresh(state, true);
    if state.reader.is_none()
        && let Some(article) = state.selected_article()
    {
        state.show_article(article);
    }
    effects.extend(resume::on_loaded(state));
    effects.extend(names::index_from(state, first_new));
    effects
}

/// `q`: quit, unless changes failed to save or an export is being written, which it says
/// first; a second `q` quits anyway.
fn quit(state: &mut AppState) -> Vec<Effect> {
    if state.exports.running && !state.notes.quit_warned {
        state.set_error("an export is still being written; press q again to quit without it");
        state.notes.quit_warned = true;
        return Vec::new();
    }
    if let super::app::SaveState::Failed(error) = &state.notes.save
        && !state.notes.quit_warned
    {
        state.set_error(format!("your changes are not saved ({error}); press q again to quit anyway"));
        state.notes.quit_warned = true;
        return Vec::new();
    }
    vec![Effect::Quit]
}

/// Tells the user about files that could not be read, once loading is done.
fn report_load(state: &mut AppState) {
    match state.problems.as_slice() {
        [] if state.articles.is_empty() => {
            state
                .set_error("no articles to read: give gloss a folder or article files (.txt, .md, .html, .rss, .atom)");
        }
        [] => {}
        [only] => state.set_error(only.to_string()),
        [first, rest @ ..] => state.set_error(format!("{first} (and {} more: see gloss list)", rest.len())),
    }
}
