//! The built-in data takes no name from the evaluation articles: the gazetteer shares with them
//! only names reviewed as general knowledge, and the word lists' comments cite none of them.
//! See data/README.md for where each file comes from.

// Test helpers: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use gloss_core::entities::{Entry, Gazetteer};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every annotated name in the evaluation articles, with its kinds.
fn gold_names() -> BTreeMap<String, BTreeSet<String>> {
    let mut names: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for gold in
        ["tests/fixtures/eval/seeds_gold.jsonl", "tests/fixtures/unseen/gold.jsonl", "tests/fixtures/blind/gold.jsonl"]
    {
        for line in std::fs::read_to_string(root().join(gold)).unwrap().lines().filter(|l| !l.trim().is_empty()) {
            let article: serde_json::Value = serde_json::from_str(line).unwrap();
            for entity in article["entities"].as_array().unwrap() {
                let text = entity["text"].as_str().unwrap().to_owned();
                names.entry(text).or_default().insert(entity["kind"].as_str().unwrap().to_owned());
            }
        }
    }
    names
}

/// The reviewed names, lower case.
fn reviewed() -> BTreeSet<String> {
    std::fs::read_to_string(root().join("tests/fixtures/eval/gazetteer_overlap.txt"))
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn the_gazetteer_shares_only_reviewed_names_with_the_evaluation_articles() {
    let gazetteer = Gazetteer::built_in().unwrap();
    let known: BTreeSet<String> = gazetteer.entries.iter().flat_map(Entry::names).map(str::to_lowercase).collect();
    let shared: BTreeSet<String> = gold_names()
        .into_iter()
        .filter(|(_, kinds)| kinds.iter().any(|k| k != "NORP"))
        .map(|(name, _)| name.to_lowercase())
        .filter(|name| known.contains(name))
        .collect();
    let reviewed = reviewed();
    let unreviewed: Vec<&String> = shared.difference(&reviewed).collect();
    assert!(
        unreviewed.is_empty(),
        "data/gazetteer holds names from the evaluation articles that nobody reviewed as general knowledge: \
         {unreviewed:?}; remove them from data/, or add them to tests/fixtures/eval/gazetteer_overlap.txt if \
         any world gazetteer would list them"
    );
    let stale: Vec<&String> = reviewed.difference(&shared).collect();
    assert!(stale.is_empty(), "no longer shared, remove from gazetteer_overlap.txt: {stale:?}");
}

/// The `#` comment lines of a word list.
fn comments(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path).unwrap().lines().filter(|l| l.starts_with('#')).map(str::to_owned).collect()
}

#[test]
fn word_list_comments_cite_no_name_from_the_evaluation_articles() {
    // Examples are cited in quotes; the name of a person, organisation or event of several
    // words is a citation wherever it stands. Places name sections (`Latin America`).
    let cited: Vec<(String, BTreeSet<String>)> = gold_names()
        .into_iter()
        .filter(|(name, kinds)| {
            name.contains(' ') && kinds.iter().any(|k| matches!(k.as_str(), "PERSON" | "ORG" | "EVENT"))
        })
        .collect();
    let gold = gold_names();
    let mut found = Vec::new();
    for entry in std::fs::read_dir(root().join("data/lexicon")).unwrap() {
        let path = entry.unwrap().path();
        for line in comments(&path) {
            let quoted = line.split('"').skip(1).step_by(2);
            for name in quoted.filter(|q| gold.contains_key(*q)) {
                found.push(format!("{}: {name:?}", path.display()));
            }
            for (name, _) in cited.iter().filter(|(name, _)| line.contains(name.as_str())) {
                found.push(format!("{}: {name:?}", path.display()));
            }
        }
    }
    assert!(found.is_empty(), "word-list comments cite names from the evaluation articles: {found:#?}");
}
