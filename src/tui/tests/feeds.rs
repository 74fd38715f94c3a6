//! `R` fetches the followed feeds from a server on 127.0.0.1: new items join the list unread,
//! a second fetch brings nothing, a changed item is replaced with its claim still on it.

use super::*;
use gloss_core::library::Library;
use gloss_core::library::subscriptions::{Subscription, Subscriptions};
use gloss_core::library::test_server::{Reply, TestServer};

const WORLD: &str = include_str!("../../../crates/gloss-core/tests/fixtures/feeds/world.rss");

/// The seeds app, following one feed served here, with its library in `dir`.
fn following(server: &TestServer, dir: &std::path::Path) -> AppState {
    let subscriptions = dir.join("feeds.ron");
    let followed = Subscriptions { feeds: vec![Subscription { url: server.url("/world.rss"), title: None }] };
    followed.save(&subscriptions).unwrap();
    let mut state = app();
    state.feeds.subscriptions = Some(subscriptions);
    state.feeds.library = Some(Library::new(dir.join("library")));
    state
}

fn titles_from(state: &AppState, first: usize) -> Vec<String> {
    state.articles[first..].iter().map(|a| a.title().to_owned()).collect()
}

#[test]
fn r_brings_new_items_into_the_list_unread_then_nothing_new() {
    let server = TestServer::start().unwrap();
    server.set("/world.rss", Reply::ok("application/rss+xml", WORLD));
    let dir = tempfile::tempdir().unwrap();
    let mut state = following(&server, dir.path());
    press(&mut state, "R");
    assert_eq!(titles_from(&state, 5), ["NATO leaders meet in Vilnius & agree on Sweden", "Grain deal lapses"]);
    assert!(state.notes.record(5).is_none_or(|r| !r.read), "new articles are unread");
    assert!(!state.feeds.running);
    assert_eq!(state.status.as_ref().map(|s| s.text.as_str()), Some("feeds: 2 new, 0 updated"));

    press(&mut state, "R");
    assert_eq!(state.articles.len(), 7, "nothing new the second time");
    assert_eq!(state.status.as_ref().map(|s| s.text.as_str()), Some("feeds: 0 new, 0 updated"));
}

#[test]
fn a_changed_item_is_replaced_and_its_claim_follows_its_sentence() {
    let server = TestServer::start().unwrap();
    server.set("/world.rss", Reply::ok("application/rss+xml", WORLD));
    let dir = tempfile::tempdir().unwrap();
    let mut state = following(&server, dir.path());
    let store = dir.path().join("annotations.ron");
    let opened = gloss_core::annotations::open_store(Some(&store), false).unwrap();
    state.notes.keeper = opened.durable.map(super::keeper);
    press(&mut state, "R");
    // Open the NATO item and tag its second sentence as a fact.
    press(&mut state, "G k enter j 1");
    let article = state.reader.as_ref().unwrap().article;
    assert_eq!(state.articles[article].title(), "NATO leaders meet in Vilnius & agree on Sweden");
    let claim = &state.notes.record(article).unwrap().claims[0];
    assert!(claim.anchor.quote.starts_with("Turkey dropped"), "{}", claim.anchor.quote);

    let changed = WORLD.replace("on Tuesday.</p>", "on Tuesday.</p>\n<p>The summit ran for two days.</p>");
    server.set("/world.rss", Reply::ok("application/rss+xml", changed));
    press(&mut state, "R");
    assert_eq!((state.feeds.new, state.feeds.updated), (0, 1));
    // The claim is placed again in the background; the status says so when it is.
    let status = state.status.as_ref().map(|s| s.text.clone()).unwrap_or_default();
    assert!(
        status.ends_with("nato-leaders-meet-in-vilnius-agree-on-sweden.md: 1 claims placed again, 0 orphaned"),
        "{status}"
    );
    assert_eq!(state.articles.len(), 7);
    let text = state.articles[article].text();
    assert!(text.contains("The summit ran for two days."));
    let claim = &state.notes.record(article).unwrap().claims[0];
    assert!(!claim.orphaned);
    assert_eq!(&text[claim.span()], claim.anchor.quote);
    assert!(claim.anchor.quote.starts_with("Turkey dropped"));
    assert_eq!(state.reader.as_ref().map(|r| r.article), Some(article), "the reader stays on the article");
}

#[test]
fn r_without_feeds_says_how_to_add_one_and_the_status_bar_shows_progress() {
    let dir = tempfile::tempdir().unwrap();
    let mut state = app();
    state.feeds.subscriptions = Some(dir.path().join("feeds.ron"));
    state.feeds.library = Some(Library::new(dir.path().join("library")));
    press(&mut state, "R");
    let status = state.status.clone().unwrap();
    assert!(
        status.is_error && status.text.starts_with("no feeds to fetch: add some with `gloss feeds add URL`"),
        "{status:?}"
    );
    assert!(!dir.path().join("library").exists(), "nothing written");

    // While a fetch runs (its effect not yet carried out), the status bar says so.
    let effects = update(&mut state, Msg::Key("R".parse().unwrap()));
    assert!(matches!(effects.as_slice(), [Effect::FetchFeeds { .. }]));
    update(&mut state, Msg::FeedDone { done: 1, total: 3 });
    assert!(state.feeds.running);
}
