//! Measured entity recognition: `gloss entities --format json` scored against gold annotations
//! (strict: same start, end and kind), with precision, recall and F1 per kind printed.
//!
//! `seeds_gold.jsonl` annotates the bundled seeds; `unseen/` and `blind/` hold articles written
//! for these tests, by other hands, with names the seeds lack, so that recognition is checked
//! beyond the seeds. `blind/` was scored before anyone looked at its errors (F1 0.934 then).

// Test helpers: a failed unwrap is a failed test; counts are far below 2^52.
#![allow(clippy::unwrap_used, clippy::cast_precision_loss)]

mod common;

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use common::{gloss, stderr};

type Key = (u64, u64, String);

/// Gold or predicted mentions per file name.
fn read(jsonl: &str) -> BTreeMap<String, HashSet<Key>> {
    jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            let file = value["file"].as_str().unwrap().to_owned();
            let keys = value["entities"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap(), e["kind"].as_str().unwrap().to_owned())
                })
                .collect();
            (file, keys)
        })
        .collect()
}

#[derive(Default)]
struct Counts {
    hits: usize,
    false_alarms: usize,
    misses: usize,
}

impl Counts {
    fn scores(&self) -> (f64, f64, f64) {
        let ratio = |a: usize, b: usize| if a + b == 0 { 0.0 } else { a as f64 / (a + b) as f64 };
        let precision = ratio(self.hits, self.false_alarms);
        let recall = ratio(self.hits, self.misses);
        let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
        (precision, recall, f1)
    }
}

/// Scores `gloss entities` on the articles in `folder` against `gold`; prints a table and
/// returns the overall F1.
fn score(name: &str, folder: &Path, gold: &str) -> f64 {
    let home = tempfile::tempdir().unwrap();
    let output = gloss(home.path(), home.path()).args(["entities", "--format", "json"]).arg(folder).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let predicted = read(&String::from_utf8(output.stdout).unwrap());
    let gold = read(gold);
    let mut by_kind: BTreeMap<String, Counts> = BTreeMap::new();
    let mut all = Counts::default();
    for (file, expected) in &gold {
        let found = predicted.get(file).unwrap_or_else(|| panic!("no output for {file}"));
        for key in expected.union(found) {
            let counts = by_kind.entry(key.2.clone()).or_default();
            let (hit, alarm, miss) =
                (expected.contains(key) && found.contains(key), !expected.contains(key), !found.contains(key));
            for c in [&mut *counts, &mut all] {
                c.hits += usize::from(hit);
                c.false_alarms += usize::from(alarm);
                c.misses += usize::from(miss);
            }
        }
    }
    println!("{name}: strict precision / recall / F1 per kind");
    for (kind, counts) in by_kind.iter().chain([(&"ALL".to_owned(), &all)]) {
        let (p, r, f) = counts.scores();
        println!(
            "  {kind:<7} P {p:.3}  R {r:.3}  F1 {f:.3}   ({} hits, {} false, {} missed)",
            counts.hits, counts.false_alarms, counts.misses
        );
    }
    all.scores().2
}

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

#[test]
fn seeds_score_at_least_095_strict_f1() {
    let gold = std::fs::read_to_string(fixtures().join("eval/seeds_gold.jsonl")).unwrap();
    let f1 = score("seeds", &common::seeds(), &gold);
    assert!(f1 >= 0.95, "strict F1 on the seeds is {f1:.3}, below 0.95");
}

#[test]
fn articles_written_for_testing_score_at_least_095_strict_f1() {
    let folder = fixtures().join("unseen");
    let gold = std::fs::read_to_string(folder.join("gold.jsonl")).unwrap();
    let f1 = score("unseen", &folder, &gold);
    assert!(f1 >= 0.95, "strict F1 on unseen articles is {f1:.3}, below 0.95");
}

#[test]
fn a_blind_set_from_around_the_world_scores_at_least_093_strict_f1() {
    let folder = fixtures().join("blind");
    let gold = std::fs::read_to_string(folder.join("gold.jsonl")).unwrap();
    let f1 = score("blind", &folder, &gold);
    assert!(f1 >= 0.93, "strict F1 on the blind set is {f1:.3}, below 0.93");
}
