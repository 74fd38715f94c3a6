//! Articles from the network as a user gets them: `gloss show`, `gloss add`, `gloss feeds`,
//! `gloss fetch`, against a server on 127.0.0.1 started here; claims stay on their sentence
//! when a fetched page changes.

// Helpers here fail the test that calls them; that is what their unwraps are for.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

use common::{gloss, stderr, stdout};
use gloss_core::annotations::{ArticleRecord, Stamp, Store};
use gloss_core::corpus;
use gloss_core::library::test_server::{Reply, TestServer};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/crates/gloss-core/tests/fixtures");

fn fixture(name: &str) -> Vec<u8> {
    fs::read(Path::new(FIXTURES).join(name)).unwrap()
}

fn byte(value: &serde_json::Value) -> usize {
    usize::try_from(value.as_u64().unwrap()).unwrap()
}

fn run(home: &Path, args: &[&str]) -> Output {
    gloss(home, home).args(args).output().unwrap()
}

fn served() -> TestServer {
    let server = TestServer::start().unwrap();
    server.set("/news.html", Reply::ok("text/html; charset=utf-8", fixture("pages/news.html")));
    server.set("/world.rss", Reply::with_etag("application/rss+xml", fixture("feeds/world.rss"), "\"v1\""));
    server.set("/analysis.atom", Reply::ok("application/atom+xml", fixture("feeds/analysis.atom")));
    server
}

#[test]
fn show_prints_metadata_and_clean_text_of_files_and_urls() {
    let home = tempfile::tempdir().unwrap();
    let page = format!("{FIXTURES}/pages/news.html");
    let output = run(home.path(), &["show", &page]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("title: Japan and South Korea Sound Alarm over Putin-Kim\nsource: Mondo International\ndate: 2024-02-04\nbyline: Kenji Sato\nurl: https://mondo.example/asia/japan-korea-alarm\n\nOfficials in South Korea"), "{text}");
    assert!(!text.contains("cookies") && !text.contains("troll99"), "{text}");

    let server = served();
    let output = run(home.path(), &["show", "--format", "json", &server.url("/analysis.atom")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let items: Vec<serde_json::Value> = stdout(&output).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["title"], "Japan & Korea sound alarm");
    assert_eq!(items[0]["source"], "Analysis Desk");
    assert_eq!(items[0]["url"], "https://analysis.example/posts/japan-korea.html");
    for key in ["title", "source", "date", "byline", "url", "text"] {
        assert!(items[0].get(key).is_some(), "{key}");
    }

    let output = run(home.path(), &["show", &server.url("/gone")]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output), format!("gloss: {}: the server answered HTTP 404\n", server.url("/gone")));
}

#[test]
fn feeds_are_followed_fetched_and_fetched_again_with_nothing_new() {
    let home = tempfile::tempdir().unwrap();
    let server = served();
    let library = home.path().join("lib");
    let library = library.to_str().unwrap();
    for feed in ["/world.rss", "/analysis.atom"] {
        let output = run(home.path(), &["feeds", "add", &server.url(feed)]);
        assert!(output.status.success(), "{}", stderr(&output));
    }
    let output = run(home.path(), &["feeds", "add", &server.url("/world.rss")]);
    assert!(stdout(&output).starts_with("already following"), "{}", stdout(&output));
    let listed = stdout(&run(home.path(), &["feeds", "list"]));
    assert_eq!(listed, format!("{}\t-\n{}\t-\n", server.url("/world.rss"), server.url("/analysis.atom")));

    let output = run(home.path(), &["--library", library, "fetch"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = stdout(&output);
    assert!(
        report.contains(&format!("Mondo International – World ({}): 2 new\n", server.url("/world.rss"))),
        "{report}"
    );
    assert!(report.contains(&format!("Analysis Desk ({}): 2 new\n", server.url("/analysis.atom"))), "{report}");
    assert!(report.ends_with(&format!("4 new, 0 updated in {library}\n")), "{report}");

    let output = run(home.path(), &["--library", library, "fetch", "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["new"], 0);
    assert_eq!(json["urls"][0]["status"], "not_modified");
    assert_eq!(json["urls"][1]["status"], "fetched");
    assert_eq!(json["urls"][1]["unchanged"], 2);

    // With no path and no ./seeds here, gloss reads the library.
    let listed = stdout(&run(home.path(), &["--library", library, "list"]));
    let titles: Vec<&str> = listed.lines().map(|l| l.split('\t').nth(1).unwrap()).collect();
    assert_eq!(titles.len(), 4, "{listed}");
    assert!(titles.contains(&"NATO leaders meet in Vilnius & agree on Sweden"), "{titles:?}");
    assert!(titles.contains(&"Japan & Korea sound alarm"), "{titles:?}");
}

#[test]
fn imports_take_opml_and_newsboat_files() {
    let home = tempfile::tempdir().unwrap();
    let opml = home.path().join("feeds.opml");
    fs::write(&opml, r#"<opml version="2.0"><head/><body><outline text="News"><outline text="W" xmlUrl="https://w.example/rss"/></outline></body></opml>"#).unwrap();
    let urls = home.path().join("urls");
    fs::write(&urls, "https://w.example/rss\nhttps://n.example/atom \"~Night desk\"\n").unwrap();
    assert_eq!(
        stdout(&run(home.path(), &["feeds", "import", opml.to_str().unwrap()])),
        format!("1 feeds added, 0 already followed, from {}\n", opml.display())
    );
    assert_eq!(
        stdout(&run(home.path(), &["feeds", "import", urls.to_str().unwrap()])),
        format!("1 feeds added, 1 already followed, from {}\n", urls.display())
    );
    assert_eq!(
        stdout(&run(home.path(), &["feeds", "list"])),
        "https://w.example/rss\tW\nhttps://n.example/atom\tNight desk\n"
    );
    let output = run(home.path(), &["fetch"]);
    assert_ne!(output.status.code(), Some(0), "nothing reachable: {}", stdout(&output));
}

#[test]
fn a_claim_stays_on_its_sentence_when_the_added_page_changes() {
    let home = tempfile::tempdir().unwrap();
    let server = served();
    let library_dir = home.path().join("lib");
    let library = library_dir.to_str().unwrap();
    let output = run(home.path(), &["--library", library, "add", &server.url("/news.html"), &server.url("/nope")]);
    assert_eq!(output.status.code(), Some(1), "one URL failed");
    let report = stdout(&output);
    assert!(
        report.contains(": 1 new\n")
            && report.contains(&format!("{}: failed: the server answered HTTP 404\n", server.url("/nope"))),
        "{report}"
    );

    // Tag the sentence about the Financial Times, as the reader would.
    let (articles, _) = corpus::load_all(corpus::discover(std::slice::from_ref(&library_dir)));
    let article = &articles[0];
    let sentence = article
        .sentences()
        .iter()
        .find(|s| article.text()[(*s).clone()].starts_with("According to the Financial Times"))
        .unwrap()
        .clone();
    let mut store = Store::default();
    let mut record = ArticleRecord::for_article(article);
    let stamp = Stamp { author: "analyst".into(), time: "2026-11-20T10:00:00Z".into() };
    let claim = record.add_claim(article.text(), &sentence, "c1", &stamp);
    record.claims[claim].tags = vec!["fact".into()];
    store.articles.insert("page".into(), record);
    let store_path = home.path().join("annotations.ron");
    store.save(&store_path).unwrap();

    // The page gains a paragraph before the claim; fetching again rewrites the snapshot.
    let changed = String::from_utf8(fixture("pages/news.html")).unwrap().replace(
        "<p>According to the Financial Times",
        "<p>Officials in Washington said they were consulting with both allies on the matter.</p><p>According to the Financial Times",
    );
    server.set("/news.html", Reply::ok("text/html", changed));
    let output = run(home.path(), &["--library", library, "add", &server.url("/news.html")]);
    assert!(stdout(&output).contains(": 0 new, 1 updated\n"), "{}", stdout(&output));

    let output = run(
        home.path(),
        &["--library", library, "--store", store_path.to_str().unwrap(), "export", "--format", "json", "--no-date"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let export: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let claim = &export["articles"][0]["claims"][0];
    assert_eq!(claim["orphaned"], false, "{claim}");
    let (articles, _) = corpus::load_all(corpus::discover(&[library_dir]));
    let text = articles[0].text();
    assert!(text.contains("Officials in Washington said"), "the snapshot is the changed page");
    let (start, end) = (byte(&claim["start_byte"]), byte(&claim["end_byte"]));
    assert!(start > sentence.start, "the claim moved with its sentence");
    assert_eq!(&text[start..end], claim["quote"].as_str().unwrap());
    assert!(text[start..end].starts_with("According to the Financial Times"), "{claim}");
}
