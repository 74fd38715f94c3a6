//! Feed reading on fixtures of real-world shape: CDATA, relative links, enclosures, missing
//! dates, duplicate GUIDs, escaped HTML, RSS 0.91, Atom and JSON Feed.

use super::*;

const WORLD: &[u8] = include_bytes!("../../tests/fixtures/feeds/world.rss");
const ANALYSIS: &[u8] = include_bytes!("../../tests/fixtures/feeds/analysis.atom");
const BRIEFS: &[u8] = include_bytes!("../../tests/fixtures/feeds/briefs.json");
const LEGACY: &[u8] = include_bytes!("../../tests/fixtures/feeds/legacy.rss");
const BROKEN: &[u8] = include_bytes!("../../tests/fixtures/feeds/broken.rss");

#[test]
fn rss_items_take_cdata_html_relative_links_and_keep_the_first_of_a_duplicate_guid() {
    let feed = parse_feed(WORLD, Some("https://mondo.example/world/feed.rss")).unwrap();
    assert_eq!(feed.title.as_deref(), Some("Mondo International – World"));
    assert_eq!(feed.items.len(), 2, "the repeated GUID is one item");
    let nato = &feed.items[0];
    assert_eq!(nato.guid, "mondo-2023-0711-nato");
    let metadata = &nato.document.metadata;
    assert_eq!(metadata.title.as_deref(), Some("NATO leaders meet in Vilnius & agree on Sweden"));
    assert_eq!(metadata.url.as_deref(), Some("https://mondo.example/world/2023/07/11/nato-vilnius"));
    assert_eq!(metadata.date.as_deref(), Some("2023-07-11"));
    assert_eq!(metadata.byline.as_deref(), Some("Anna Lindqvist"));
    assert_eq!(metadata.source.as_deref(), Some("Mondo International – World"));
    assert_eq!(
        nato.document.render().text,
        "Leaders of the alliance met in Vilnius on Tuesday.\n\nTurkey dropped its objection to Sweden’s bid, \
         officials said.\n\nThe leaders at the summit.\n"
    );
    let grain = &feed.items[1];
    assert_eq!(grain.document.metadata.title.as_deref(), Some("Grain deal lapses"));
    assert_eq!(grain.document.metadata.date, None);
    assert_eq!(
        grain.document.render().text,
        "Russia let the Black Sea grain deal lapse on Monday.\n\nPrices rose in Chicago.\n"
    );
}

#[test]
fn atom_entries_read_escaped_html_titles_and_resolve_links_against_xml_base() {
    let feed = parse_feed(ANALYSIS, None).unwrap();
    assert_eq!(feed.title.as_deref(), Some("Analysis Desk"));
    let first = &feed.items[0].document;
    assert_eq!(first.metadata.title.as_deref(), Some("Japan & Korea sound alarm"));
    assert_eq!(first.metadata.url.as_deref(), Some("https://analysis.example/posts/japan-korea.html"));
    assert_eq!(first.metadata.date.as_deref(), Some("2024-02-05"), "feed dates are read in UTC");
    assert_eq!(first.metadata.byline.as_deref(), Some("Kenji Sato"));
    assert_eq!(
        first.render().text,
        "Background\n\nTokyo and Seoul warned about the Putin–Kim meeting.\n\n• Missiles\n\n• Sanctions\n"
    );
    let undated = &feed.items[1].document;
    assert_eq!(undated.metadata.date, None);
    assert_eq!(undated.render().text, "Summaries are plain text here.\n");
}

#[test]
fn json_feed_and_rss_091_items_are_articles() {
    let briefs = parse_feed(BRIEFS, None).unwrap();
    let texts: Vec<String> = briefs.items.iter().map(|i| i.document.render().text).collect();
    assert_eq!(texts, ["Elections in Iran today.\n\nMarkets calm.\n", "Plain text content.\n\nSecond paragraph.\n"]);
    assert_eq!(briefs.items[0].document.metadata.date.as_deref(), Some("2024-03-01"));
    let legacy = parse_feed(LEGACY, None).unwrap();
    assert_eq!(legacy.items[0].document.metadata.title.as_deref(), Some("Ceasefire talks resume"));
    assert_eq!(legacy.items[0].document.metadata.source.as_deref(), Some("Old Wire"));
}

#[test]
fn malformed_xml_says_what_is_wrong() {
    let error = parse_feed(BROKEN, None).unwrap_err();
    assert!(error.to_string().starts_with("not a readable RSS, Atom or JSON feed: "), "{error}");
    assert!(parse_feed(b"<html><body>hi</body></html>", None).is_err());
}
