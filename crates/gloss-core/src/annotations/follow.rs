//! Keeping annotations with their article: a record follows a moved file, and when the text
//! changed each claim is placed again (or kept as an orphan, never dropped).

use super::anchoring::{Placement, place};
use super::claim::Anchor;
use super::identity::Identity;
use super::store::ArticleRecord;
use crate::corpus::Article;

/// What following an article did to its record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Followed {
    /// The record now names the article's new file or path.
    pub moved: bool,
    /// Claims placed again on changed text.
    pub replaced: usize,
    /// Claims whose text could not be found again.
    pub orphaned: usize,
}

impl Followed {
    pub fn changed(&self) -> bool {
        self.moved || self.replaced > 0 || self.orphaned > 0
    }
}

/// Brings `record` up to date with `article`, as `identity` found it.
pub fn follow(record: &mut ArticleRecord, article: &Article, identity: &Identity) -> Followed {
    let mut followed = Followed::default();
    let path = article.origin().display_path();
    if record.path != path {
        record.path = path;
        record.file = article.origin().file_name();
        followed.moved = true;
    }
    if matches!(identity, Identity::Edited(_)) {
        let text = article.text();
        let sentences = article.sentences();
        for claim in &mut record.claims {
            let was_orphan = claim.orphaned;
            match place(text, sentences, &claim.anchor) {
                Placement::Unchanged => claim.orphaned = false,
                Placement::Moved(span) | Placement::Fuzzy { span, .. } => {
                    claim.anchor = Anchor::of(text, &span);
                    claim.orphaned = false;
                    followed.replaced += 1;
                }
                Placement::Orphaned => {
                    claim.orphaned = true;
                    followed.orphaned += usize::from(!was_orphan);
                }
            }
        }
        record.fingerprint = article.fingerprint().to_hex();
        article.title().clone_into(&mut record.title);
        record.sort_claims();
    }
    followed
}
