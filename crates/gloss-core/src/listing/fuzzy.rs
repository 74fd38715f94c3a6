//! Fuzzy matching as fzf, helix and television do it (`nucleo-matcher`): smart case, accents
//! folded, the best matches first.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

/// A query typed to narrow a list, ready to score texts against.
pub struct Fuzzy {
    pattern: Pattern,
    matcher: Matcher,
    /// Room for each text as code points, reused between texts.
    buffer: Vec<char>,
}

impl std::fmt::Debug for Fuzzy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fuzzy").field("atoms", &self.pattern.atoms.len()).finish_non_exhaustive()
    }
}

impl Fuzzy {
    /// The query `text`: words separated by spaces must all match; case matters only when the
    /// query has a capital; `é` matches `e`.
    pub fn new(text: &str) -> Self {
        Self {
            pattern: Pattern::parse(text, CaseMatching::Smart, Normalization::Smart),
            matcher: Matcher::new(Config::DEFAULT),
            buffer: Vec::new(),
        }
    }

    /// Whether the query is empty, so it keeps everything.
    pub fn is_empty(&self) -> bool {
        self.pattern.atoms.is_empty()
    }

    /// How well `text` matches, higher is better; `None` when it does not. An empty query
    /// matches everything equally.
    pub fn score(&mut self, text: &str) -> Option<u32> {
        if self.is_empty() {
            return Some(0);
        }
        self.pattern.score(Utf32Str::new(text, &mut self.buffer), &mut self.matcher)
    }

    /// The indices of the `texts` that match, best first; equal scores keep their order.
    pub fn rank<'t>(&mut self, texts: impl IntoIterator<Item = &'t str>) -> Vec<usize> {
        let mut scored: Vec<(usize, u32)> =
            texts.into_iter().enumerate().filter_map(|(i, text)| Some((i, self.score(text)?))).collect();
        scored.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        scored.into_iter().map(|(i, _)| i).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_in_order_match_best_first() {
        let titles = ["While Russia Deepens Ties", "Japan and South Korea", "Russian deputy minister", "Rules"];
        let mut query = Fuzzy::new("rus");
        assert_eq!(query.rank(titles), [0, 2, 3], "whole runs of the letters first, letters apart last");
        assert_eq!(Fuzzy::new("jsk").rank(titles), [1], "letters in order, across words");
        assert_eq!(Fuzzy::new("korea japan").rank(titles), [1], "each word must match");
    }

    #[test]
    fn smart_case_and_accents() {
        assert!(Fuzzy::new("russia").score("RUSSIA").is_some());
        assert!(Fuzzy::new("Russia").score("russia").is_none(), "a capital makes case matter");
        assert!(Fuzzy::new("sao paulo").score("São Paulo").is_some());
        assert_eq!(Fuzzy::new("  ").score("anything"), Some(0));
    }
}
