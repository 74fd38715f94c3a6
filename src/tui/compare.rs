//! Other analysts' stores, opened read-only beside the analyst's own, and the state of the
//! disagreement view: where, in the article in the reader, analysts tagged differently (the
//! others being those stores and the other authors of claims in one's own).

use gloss_core::agreement::{Coder, Item, Report};
use gloss_core::annotations::Claim;

/// The stores compared with: read once at startup, never written.
#[derive(Debug, Default)]
pub struct Compare {
    pub coders: Vec<Coder>,
}

impl Compare {
    pub fn new(coders: Vec<Coder>) -> Self {
        Self { coders }
    }
}

/// The disagreement view of one article. Row 0 of every item is the analyst's own choice,
/// then those of the other authors of claims in the analyst's own store (a team's shared
/// store, split by author), then those of the stores compared with, in the order given.
#[derive(Debug, Clone)]
pub struct ComparePanel {
    pub article: usize,
    /// The analyst's name, then the others'.
    pub names: Vec<String>,
    /// The compared stores' placed claims on the article (`None`: not annotated), found when
    /// the view opened: those stores do not change.
    pub theirs: Vec<Option<Vec<Claim>>>,
    /// The places the analysts disagree, in text order; made again after every change.
    pub items: Vec<Item>,
    /// The figures of this article, among the analysts who annotated it.
    pub figures: Report,
    /// The disagreement shown.
    pub selected: usize,
    /// The analyst whose choice `adopt` takes (1 and up: never one's own row).
    pub analyst: usize,
    /// The article's figures in full, as `gloss agreement` prints them, instead of the choices.
    pub figures_shown: bool,
}

impl ComparePanel {
    /// The view of article `article`, to be filled.
    pub fn new(article: usize) -> Self {
        Self {
            article,
            names: Vec::new(),
            theirs: Vec::new(),
            items: Vec::new(),
            figures: Report::default(),
            selected: 0,
            analyst: 1,
            figures_shown: false,
        }
    }

    pub fn item(&self) -> Option<&Item> {
        self.items.get(self.selected)
    }
}
