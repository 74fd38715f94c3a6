//! What an analyst said about a span: its claim types, whether it is check-worthy, and its
//! verdict — what two analysts can agree or disagree on, and what one can adopt from another.

use std::collections::BTreeSet;

use serde::Serialize;

use super::claim::{Claim, Verdict};

/// A claim's claim types, check-worthy flag and verdict.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Labels {
    /// Tag names, in the order the claim has them.
    pub tags: Vec<String>,
    pub check_worthy: bool,
    pub verdict: Verdict,
}

impl Labels {
    pub fn of(claim: &Claim) -> Self {
        Self { tags: claim.tags.clone(), check_worthy: claim.check_worthy, verdict: claim.verdict }
    }

    /// No tag, no flag, no verdict: the same as not tagging the text at all.
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty() && !self.check_worthy && self.verdict == Verdict::Undetermined
    }

    /// The same tags (in any order), flag and verdict.
    pub fn agrees(&self, other: &Self) -> bool {
        let set = |labels: &Self| labels.tags.iter().cloned().collect::<BTreeSet<String>>();
        set(self) == set(other) && self.check_worthy == other.check_worthy && self.verdict == other.verdict
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_agree_in_any_order() {
        let labels = |tags: &[&str], check_worthy, verdict| Labels {
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
            check_worthy,
            verdict,
        };
        let first = labels(&["fact", "quote"], true, Verdict::False);
        assert!(first.agrees(&labels(&["quote", "fact"], true, Verdict::False)));
        assert!(!first.agrees(&labels(&["fact"], true, Verdict::False)));
        assert!(!first.agrees(&labels(&["fact", "quote"], false, Verdict::False)));
        assert!(!first.agrees(&labels(&["fact", "quote"], true, Verdict::Verified)));
        assert!(Labels::default().is_empty() && !first.is_empty());
    }
}
