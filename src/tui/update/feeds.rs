//! `R`: fetching feeds in the background; new articles join the list as they land (unread),
//! changed ones are replaced and their claims placed again.

use std::sync::Arc;

use super::super::app::AppState;
use super::{Effect, attach, names};
use gloss_core::corpus::Article;

/// Starts a fetch, unless one is running or there is nowhere to fetch to.
pub fn start(state: &mut AppState) -> Vec<Effect> {
    let feeds = &mut state.feeds;
    if feeds.running {
        state.set_status("already fetching feeds");
        return Vec::new();
    }
    let (Some(subscriptions), Some(library)) = (feeds.subscriptions.clone(), feeds.library.clone()) else {
        state.set_error("no config or data folder (is HOME set?): feeds cannot be fetched");
        return Vec::new();
    };
    *feeds = super::super::app::Feeds {
        running: true,
        subscriptions: Some(subscriptions.clone()),
        library: Some(library.clone()),
        ..Default::default()
    };
    state.status = None;
    vec![Effect::FetchFeeds { subscriptions, library }]
}

pub fn on_progress(state: &mut AppState, done: usize, total: usize) {
    state.feeds.done = done;
    state.feeds.total = total;
}

/// A new article goes to the end of the list; an updated one replaces the article read from
/// the same file, whose claims are then placed again on its new text.
pub fn on_article(state: &mut AppState, article: Article, updated: bool) -> Vec<Effect> {
    let path = article.origin().display_path();
    let existing = state.articles.iter().position(|a| a.origin().display_path() == path);
    match existing {
        Some(index) if updated => {
            state.feeds.updated += 1;
            let article = Arc::new(article);
            state.articles[index] = article.clone();
            state.names.found.remove(&index);
            // Its title and date may have changed: the list is made again.
            state.listing.stale = true;
            let effects = attach::replace(state, index, article);
            // The open article is read again from its new text, at the same place.
            if let Some(old) = state.reader.take_if(|r| r.article == index) {
                state.places.insert(old.article, old.place);
                state.show_article(index);
            }
            effects
        }
        // Updated before it was ever listed (or listed twice): nothing new to show.
        Some(_) => Vec::new(),
        None => {
            if updated {
                state.feeds.updated += 1;
            } else {
                state.feeds.new += 1;
            }
            let first_new = state.articles.len();
            let article = Arc::new(article);
            state.articles.push(article.clone());
            state.listing.stale = true;
            if state.reader.is_none() {
                state.show_article(first_new);
            }
            let mut effects = attach::attach(state, &[article]);
            effects.extend(names::index_from(state, first_new));
            effects
        }
    }
}

/// Says how the fetch went: counts, and the first failure in full.
pub fn on_finished(state: &mut AppState, result: Result<Vec<String>, String>) {
    state.feeds.running = false;
    let (new, updated) = (state.feeds.new, state.feeds.updated);
    match result {
        Err(why) => state.set_error(why),
        Ok(failed) => {
            let counts = format!("feeds: {new} new, {updated} updated");
            match failed.as_slice() {
                [] => state.set_status(counts),
                [only] => state.set_error(format!("{counts}; {only}")),
                [first, rest @ ..] => state.set_error(format!("{counts}; {first} (and {} more failed)", rest.len())),
            }
        }
    }
}
