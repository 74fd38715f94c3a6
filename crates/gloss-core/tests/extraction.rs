//! Extraction quality on five of Mozilla readability's test pages (tests/fixtures/readability):
//! bag-of-words F1 of the rendition against the expected article, and the title, scored as
//! the shared `score_extract.py` does. Floors sit just under what gloss reaches.

// Helpers here fail the test that calls them; that is what their unwraps are for.
#![allow(clippy::unwrap_used)]

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use gloss_core::corpus::html::read_page;
use regex::Regex;

fn words(text: &str) -> HashMap<String, usize> {
    let word = Regex::new(r"\w+").unwrap();
    let mut counts = HashMap::new();
    for found in word.find_iter(text) {
        *counts.entry(found.as_str().to_lowercase()).or_insert(0) += 1;
    }
    counts
}

#[allow(clippy::cast_precision_loss, reason = "word counts of one page are far below 2^52")]
fn f1(gold: &HashMap<String, usize>, got: &HashMap<String, usize>) -> f64 {
    let common: usize = gold.iter().map(|(w, n)| (*n).min(got.get(w).copied().unwrap_or(0))).sum();
    let (gold_total, got_total) = (gold.values().sum::<usize>(), got.values().sum::<usize>());
    if common == 0 {
        return 0.0;
    }
    let (precision, recall) = (common as f64 / got_total as f64, common as f64 / gold_total as f64);
    2.0 * precision * recall / (precision + recall)
}

fn expected_text(html: &str) -> String {
    let dom = dom_query::Document::fragment(html);
    dom.select("script, style").remove();
    dom.root().text().to_string()
}

#[test]
fn readability_pages_score_above_their_floors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/readability");
    // (page, F1 floor): gloss reaches 0.998 or more on each today.
    let floors = [
        ("ars-1", 0.99),
        ("heise", 0.99),
        ("005-unescape-html-entities", 0.99),
        ("hidden-nodes", 0.99),
        ("rtl-1", 0.99),
    ];
    let mut titles_right = 0;
    for (page, floor) in floors {
        let dir = root.join(page);
        let source = fs::read_to_string(dir.join("source.html")).unwrap();
        let expected = fs::read_to_string(dir.join("expected.html")).unwrap();
        let metadata: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(dir.join("expected-metadata.json")).unwrap()).unwrap();
        let document = read_page(&source, Some("http://fakehost/test/page.html")).unwrap();
        let score = f1(&words(&expected_text(&expected)), &words(&document.render().text));
        assert!(score >= floor, "{page}: F1 {score:.3} under {floor}");
        let want = metadata["title"].as_str().unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ");
        titles_right += usize::from(document.title().unwrap_or("") == want);
    }
    assert_eq!(titles_right, floors.len(), "every title right");
}
