//! Fetching from a local server on 127.0.0.1: feeds and pages saved, conditional GET, and every
//! kind of failure reported per URL while the others go on.

use std::fs;
use std::time::Duration;

use super::super::http::{Client, Limits};
use super::super::test_server::{Reply, TestServer};
use super::super::{Library, add_urls, fetch_feeds, subscriptions::Subscription};
use super::*;

const WORLD: &[u8] = include_bytes!("../../../tests/fixtures/feeds/world.rss");
const ANALYSIS: &[u8] = include_bytes!("../../../tests/fixtures/feeds/analysis.atom");
const NEWS: &[u8] = include_bytes!("../../../tests/fixtures/pages/news.html");

fn feed(server: &TestServer, path: &str) -> Subscription {
    Subscription { url: server.url(path), title: None }
}

/// A client with a small size cap and redirect limit, and a timeout no answer from this
/// machine comes near, however loaded.
fn client() -> Client {
    Client::new(Limits { timeout: Duration::from_secs(60), max_bytes: 64 * 1024, max_redirects: 3 })
}

fn counts(report: &Report) -> (usize, usize, usize, usize) {
    match &report.outcome {
        Outcome::Fetched { new, updated, unchanged, duplicates, .. } => (*new, *updated, *unchanged, *duplicates),
        other => panic!("{}: {other:?}", report.url),
    }
}

#[test]
fn feeds_are_fetched_then_asked_for_conditionally() {
    let server = TestServer::start().unwrap();
    server.set("/world.rss", Reply::with_etag("application/rss+xml", WORLD, "\"w1\""));
    server.set("/analysis.atom", Reply::ok("application/atom+xml", ANALYSIS));
    let dir = tempfile::tempdir().unwrap();
    let library = Library::new(dir.path());
    let feeds = [feed(&server, "/world.rss"), feed(&server, "/analysis.atom")];
    let mut saved = Vec::new();
    let reports = fetch_feeds(&feeds, &library, &client(), 2, &mut |event| {
        if let Event::Saved { path, change, .. } = event {
            saved.push((path.to_path_buf(), change));
        }
    })
    .unwrap();
    assert_eq!(counts(&reports[0]), (2, 0, 0, 0));
    assert_eq!(counts(&reports[1]), (2, 0, 0, 0));
    assert_eq!(reports[0].title.as_deref(), Some("Mondo International – World"));
    assert_eq!(saved.len(), 4);
    let snapshot = fs::read_to_string(
        dir.path().join("mondo-international-world/2023-07-11-nato-leaders-meet-in-vilnius-agree-on-sweden.md"),
    )
    .unwrap();
    assert!(snapshot.contains("guid: \"mondo-2023-0711-nato\"\n"), "{snapshot}");
    assert!(snapshot.contains(&format!("feed: \"{}\"\n", server.url("/world.rss"))), "{snapshot}");

    let again = fetch_feeds(&feeds, &library, &client(), 2, &mut |_| {}).unwrap();
    assert_eq!(again[0].outcome, Outcome::NotModified, "the ETag was sent back");
    assert_eq!(again[0].title.as_deref(), Some("Mondo International – World"), "named from last time");
    assert_eq!(counts(&again[1]), (0, 0, 2, 0), "no validators: fetched again, nothing new");
    let conditional = server.seen().into_iter().filter(|s| s.path == "/world.rss").nth(1).unwrap();
    assert_eq!(conditional.headers.get("if-none-match").map(String::as_str), Some("\"w1\""));
    assert!(conditional.headers.get("user-agent").is_some_and(|ua| ua.starts_with("gloss/")));
}

#[test]
fn a_failing_feed_keeps_its_earlier_items_and_others_go_on() {
    let server = TestServer::start().unwrap();
    server.set("/world.rss", Reply::ok("application/rss+xml", WORLD));
    let dir = tempfile::tempdir().unwrap();
    let library = Library::new(dir.path());
    let world = [feed(&server, "/world.rss")];
    fetch_feeds(&world, &library, &client(), 1, &mut |_| {}).unwrap();
    server.set("/world.rss", Reply::Status(500));
    server.set("/analysis.atom", Reply::ok("application/atom+xml", ANALYSIS));
    let both = [feed(&server, "/world.rss"), feed(&server, "/analysis.atom")];
    let reports = fetch_feeds(&both, &library, &client(), 2, &mut |_| {}).unwrap();
    assert_eq!(
        reports[0].outcome,
        Outcome::Failed(format!("{}: the server answered HTTP 500", server.url("/world.rss")))
    );
    assert_eq!(counts(&reports[1]), (2, 0, 0, 0));
    assert_eq!(Index::read(&library).unwrap().len(), 4, "the two earlier items are still there");
}

#[test]
fn every_kind_of_bad_answer_is_reported_with_its_url() {
    let server = TestServer::start().unwrap();
    // Far slower than the impatient client below waits for.
    server.set("/slow", Reply::Slow(Duration::from_secs(120), Box::new(Reply::ok("text/html", NEWS))));
    server.set("/loop", Reply::Redirect("/loop".into()));
    server.set("/big", Reply::ok("text/html", vec![b'a'; 200 * 1024]));
    server.set("/image", Reply::ok("image/png", b"\x89PNG\r\n".to_vec()));
    server.set("/broken", Reply::ok("application/rss+xml", b"<rss><channel><item><title>cut".to_vec()));
    server.set("/moved", Reply::Redirect("/news".into()));
    server.set("/news", Reply::ok("text/html; charset=utf-8", NEWS));
    let paths = ["/missing", "/slow", "/loop", "/big", "/image", "/broken", "/moved"];
    let mut urls: Vec<String> = paths.iter().map(|p| server.url(p)).collect();
    urls.push(server.url("/news").replace("http://", "https://"));
    urls.push("ftp://example.invalid/file".into());
    let dir = tempfile::tempdir().unwrap();
    let library = Library::new(dir.path());
    let slow = urls.remove(1);
    let mut reports = add_urls(&urls, &library, &client(), 4, &mut |_| {}).unwrap();
    let impatient = Client::new(Limits { timeout: Duration::from_secs(1), ..client().limits() });
    reports.insert(1, add_urls(&[slow], &library, &impatient, 1, &mut |_| {}).unwrap().remove(0));
    let why: Vec<String> = reports
        .iter()
        .map(|r| match &r.outcome {
            Outcome::Failed(why) => why.clone(),
            other => format!("{other:?}"),
        })
        .collect();
    let url = |p: &str| server.url(p);
    assert_eq!(why[0], format!("{}: the server answered HTTP 404", url("/missing")));
    assert_eq!(why[1], format!("{}: no answer within 1 s", url("/slow")));
    assert_eq!(why[2], format!("{}: more than 3 redirects (a redirect loop?)", url("/loop")));
    assert!(why[3].starts_with(&format!("{}: larger than 64 KiB", url("/big"))), "{}", why[3]);
    assert_eq!(why[4], format!("{}: the server sent image/png, which is not a web page or a feed", url("/image")));
    assert!(why[5].starts_with(&format!("{}: not a readable RSS, Atom or JSON feed", url("/broken"))), "{}", why[5]);
    assert_eq!(counts(&reports[6]), (1, 0, 0, 0), "a redirect to a page is followed: {}", why[6]);
    assert!(why[7].starts_with(&format!("{}: secure connection failed: ", urls[6])), "{}", why[7]);
    assert_eq!(why[8], "ftp://example.invalid/file: not a web address gloss can fetch (http:// or https://)");
    assert_eq!(Index::read(&library).unwrap().len(), 1, "only the page that worked is saved");
    let saved = fs::read_to_string(
        dir.path().join("mondo-international/2024-02-04-japan-and-south-korea-sound-alarm-over-putin-kim.md"),
    )
    .unwrap();
    assert!(saved.contains("url: \"https://mondo.example/asia/japan-korea-alarm\"\n"), "{saved}");
}

#[test]
fn a_page_that_changes_is_updated_in_place() {
    let server = TestServer::start().unwrap();
    server.set("/page.html", Reply::ok("text/html", NEWS));
    let dir = tempfile::tempdir().unwrap();
    let library = Library::new(dir.path());
    let urls = [server.url("/page.html")];
    let first = add_urls(&urls, &library, &client(), 1, &mut |_| {}).unwrap();
    assert_eq!(counts(&first[0]), (1, 0, 0, 0));
    let changed = String::from_utf8_lossy(NEWS)
        .replace("Both countries had already been on edge.", "Both countries were on edge.");
    server.set("/page.html", Reply::ok("text/html", changed));
    let second = add_urls(&urls, &library, &client(), 1, &mut |_| {}).unwrap();
    assert_eq!(counts(&second[0]), (0, 1, 0, 0));
    assert_eq!(Index::read(&library).unwrap().len(), 1);
}
