//! The two ways articles come in from the network: `gloss add URL...` and `gloss fetch`.

use super::fetch::{Event, Outcome, Report, Target, fetch_all};
use super::http::Client;
use super::state::FeedState;
use super::subscriptions::Subscription;
use super::{Library, LibraryError};

/// Fetches every subscribed feed into the library, conditionally (`ETag`, `Last-Modified`), and
/// remembers what each server said for next time.
pub fn fetch_feeds(
    feeds: &[Subscription],
    library: &Library,
    client: &Client,
    parallel: usize,
    on_event: &mut dyn FnMut(Event<'_>),
) -> Result<Vec<Report>, LibraryError> {
    let state_path = library.state_path();
    let mut state = FeedState::load(&state_path)?;
    let targets: Vec<Target> = feeds
        .iter()
        .map(|feed| Target {
            url: feed.url.clone(),
            title: feed.title.clone().or_else(|| state.titles.get(&feed.url).cloned()),
            validators: state.feeds.get(&feed.url).cloned(),
        })
        .collect();
    let reports = fetch_all(&targets, library, client, parallel, on_event)?;
    for report in &reports {
        if let Outcome::Fetched { validators, .. } = &report.outcome {
            state.feeds.insert(report.url.clone(), validators.clone());
            if let Some(title) = &report.title {
                state.titles.insert(report.url.clone(), title.clone());
            }
        }
    }
    state.save(&state_path)?;
    Ok(reports)
}

/// Fetches pages (or feeds) by URL into the library, unconditionally.
pub fn add_urls(
    urls: &[String],
    library: &Library,
    client: &Client,
    parallel: usize,
    on_event: &mut dyn FnMut(Event<'_>),
) -> Result<Vec<Report>, LibraryError> {
    let targets: Vec<Target> =
        urls.iter().map(|url| Target { url: url.clone(), title: None, validators: None }).collect();
    fetch_all(&targets, library, client, parallel, on_event)
}
