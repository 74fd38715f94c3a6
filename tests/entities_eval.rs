//! Measured entity recognition: `gloss entities --format json` scored against gold annotations
//! (strict: same start, end and kind), with precision, recall and F1 per kind printed, and
//! floors set just under what gloss reaches, so that a regression fails.
//!
//! `seeds_gold.jsonl` annotates the bundled seeds; `unseen/` and `blind/` hold articles written
//! for these tests, by other hands, with names the seeds lack, so that recognition is checked
//! beyond the seeds. `blind/` was scored before anyone looked at its errors (F1 0.934 then).
//!
//! The development sets from public gold corpora (`OntoNotes` broadcast conversation, CoNLL-2003
//! dev) may not be shipped with gloss: their licences keep them to research use. Their tests run
//! in every `cargo test` on a machine that has them: in the folder `GLOSS_DEV_EVAL` names (which
//! must then hold them), else in `shared/eval/dev` beside the checkout or one of its parents, as
//! on the team's machine. Where neither is found they say so and score nothing. To see the
//! figures: `cargo test --test entities_eval -- --nocapture`.

// Test helpers: a failed unwrap is a failed test; counts are far below 2^52.
#![allow(clippy::unwrap_used, clippy::cast_precision_loss)]

mod common;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use common::{gloss, stderr};

type Key = (u64, u64, String);

/// How a corpus writes its spans and kinds, to compare gloss with it on equal terms.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Convention {
    /// gloss's own guideline: spans and kinds as they are.
    Gloss,
    /// `OntoNotes` keeps a leading `the` and a trailing possessive inside names: both sides drop
    /// them before comparing (as `../shared/eval/dev/score_ext.py` does).
    OntoNotes,
    /// As `OntoNotes`, and kinds mapped to `CoNLL`'s four: PERSON → PER, GPE and LOC → LOC,
    /// NORP and EVENT → MISC.
    Conll,
}

impl Convention {
    fn kind(self, kind: &str) -> String {
        match (self, kind) {
            (Self::Conll, "PERSON") => "PER".into(),
            (Self::Conll, "GPE") => "LOC".into(),
            (Self::Conll, "NORP" | "EVENT") => "MISC".into(),
            _ => kind.into(),
        }
    }

    /// The span of an entity `text` at `start..end` (code points), as compared.
    fn span(self, text: &str, start: u64, end: u64) -> (u64, u64) {
        if self == Self::Gloss {
            return (start, end);
        }
        let mut text = text;
        let mut span = (start, end);
        if let Some(rest) = text.strip_prefix("the ").or_else(|| text.strip_prefix("The ")) {
            span.0 += 4;
            text = rest;
        }
        for possessive in ["'s", "'S", "'"] {
            if text.len() > possessive.len() && text.ends_with(possessive) {
                span.1 -= possessive.chars().count() as u64;
                break;
            }
        }
        span
    }
}

/// Gold or predicted mentions per file name.
fn read(jsonl: &str, convention: Convention) -> BTreeMap<String, HashSet<Key>> {
    jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            let path = value["file"].as_str().unwrap();
            let file = Path::new(path).file_name().unwrap().to_string_lossy().into_owned();
            let keys = value["entities"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    let text = e["text"].as_str().unwrap_or("");
                    let (start, end) = convention.span(text, e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap());
                    (start, end, convention.kind(e["kind"].as_str().unwrap()))
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

/// Precision, recall and F1 per kind, and `ALL`.
type Scores = BTreeMap<String, (f64, f64, f64)>;

/// Scores `gloss entities` on the articles in `folder` against `gold`; prints a table.
fn score(name: &str, folder: &Path, gold: &str, convention: Convention) -> Scores {
    let home = tempfile::tempdir().unwrap();
    let output = gloss(home.path(), home.path()).args(["entities", "--format", "json"]).arg(folder).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let predicted = read(&String::from_utf8(output.stdout).unwrap(), convention);
    let gold = read(gold, convention);
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
    let mut scores = Scores::new();
    for (kind, counts) in by_kind.iter().chain([(&"ALL".to_owned(), &all)]) {
        let (p, r, f) = counts.scores();
        println!(
            "  {kind:<7} P {p:.3}  R {r:.3}  F1 {f:.3}   ({} hits, {} false, {} missed)",
            counts.hits, counts.false_alarms, counts.misses
        );
        scores.insert(kind.clone(), (p, r, f));
    }
    scores
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Fails when `what` is below `floor`.
fn at_least(set: &str, what: &str, value: f64, floor: f64) {
    assert!(value >= floor, "{what} on {set} is {value:.3}, below its floor {floor:.3}");
}

#[test]
fn seeds_score_1_000_strict_f1() {
    let gold = std::fs::read_to_string(fixtures().join("eval/seeds_gold.jsonl")).unwrap();
    let scores = score("seeds", &common::seeds(), &gold, Convention::Gloss);
    at_least("the seeds", "strict F1", scores["ALL"].2, 0.999);
}

#[test]
fn articles_written_for_testing_score_at_least_0_99_strict_f1() {
    let folder = fixtures().join("unseen");
    let gold = std::fs::read_to_string(folder.join("gold.jsonl")).unwrap();
    let scores = score("unseen", &folder, &gold, Convention::Gloss);
    at_least("unseen articles", "strict F1", scores["ALL"].2, 0.99);
}

#[test]
fn a_blind_set_from_around_the_world_scores_at_least_0_96_strict_f1() {
    let folder = fixtures().join("blind");
    let gold = std::fs::read_to_string(folder.join("gold.jsonl")).unwrap();
    let scores = score("blind", &folder, &gold, Convention::Gloss);
    at_least("the blind set", "strict F1", scores["ALL"].2, 0.96);
}

/// The folder of the development sets: `GLOSS_DEV_EVAL`, else `shared/eval/dev` beside the
/// checkout or one of its parents; `None` when this machine has none.
fn dev_sets() -> Option<PathBuf> {
    if let Some(folder) = std::env::var_os("GLOSS_DEV_EVAL") {
        let folder = PathBuf::from(folder);
        assert!(folder.join("onto_bc").is_dir(), "GLOSS_DEV_EVAL names {}, which holds no onto_bc/", folder.display());
        return Some(folder);
    }
    let found = Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|dir| dir.join("shared/eval/dev"))
        .find(|dev| dev.join("onto_bc").is_dir() && dev.join("conll03_dev").is_dir());
    if found.is_none() {
        eprintln!("the development sets are not on this machine (set GLOSS_DEV_EVAL): not scored");
    }
    found
}

#[test]
fn ontonotes_broadcast_conversation_scores_at_least_0_92_strict_f1() {
    let Some(dev) = dev_sets() else { return };
    let gold = std::fs::read_to_string(dev.join("onto_bc_gold.jsonl")).unwrap();
    let scores = score("OntoNotes bc", &dev.join("onto_bc"), &gold, Convention::OntoNotes);
    at_least("OntoNotes bc", "strict F1", scores["ALL"].2, 0.92);
    at_least("OntoNotes bc", "ORG recall", scores["ORG"].1, 0.85);
    at_least("OntoNotes bc", "PERSON recall", scores["PERSON"].1, 0.89);
    at_least("OntoNotes bc", "GPE recall", scores["GPE"].1, 0.95);
}

#[test]
fn conll_2003_dev_scores_at_least_0_825_strict_f1() {
    let Some(dev) = dev_sets() else { return };
    let gold = std::fs::read_to_string(dev.join("conll03_dev_gold.jsonl")).unwrap();
    let scores = score("CoNLL-2003 dev", &dev.join("conll03_dev"), &gold, Convention::Conll);
    at_least("CoNLL-2003 dev", "strict F1", scores["ALL"].2, 0.825);
    at_least("CoNLL-2003 dev", "PER recall", scores["PER"].1, 0.895);
    at_least("CoNLL-2003 dev", "ORG recall", scores["ORG"].1, 0.59);
    at_least("CoNLL-2003 dev", "LOC recall", scores["LOC"].1, 0.865);
}
