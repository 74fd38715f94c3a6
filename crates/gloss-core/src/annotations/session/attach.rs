//! Articles joining the session: each matched to its record at once (a moved file followed
//! there and then), while placing claims on edited text — the slow part — is handed out as
//! [`PlaceJob`]s to run anywhere and bring back as [`Placed`].

use std::sync::Arc;

use super::Session;
use crate::annotations::follow::{Followed, needs_placing, orphan_misfits, place_claims, relocate};
use crate::annotations::store::ArticleRecord;
use crate::corpus::Article;

/// What attaching articles, or applying placed claims, did.
#[derive(Debug, Default)]
pub struct Attachment {
    /// The store ids of the records that changed (the store must be saved when any did).
    pub changed: Vec<String>,
    /// Claims to place on edited text, off the UI thread; bring the results to
    /// [`Session::apply_placed`].
    pub jobs: Vec<PlaceJob>,
    /// What happened to the claims of edited articles, for the status line.
    pub status: Option<String>,
}

/// Placing one record's claims on its article's edited text.
#[derive(Debug)]
pub struct PlaceJob {
    id: String,
    revision: u64,
    article: Arc<Article>,
    record: ArticleRecord,
}

/// A record with its claims placed, to apply to the session.
#[derive(Debug)]
pub struct Placed {
    id: String,
    /// The record's revision the work started from.
    revision: u64,
    article: Arc<Article>,
    record: ArticleRecord,
    followed: Followed,
}

impl PlaceJob {
    /// Places the claims: slow on long edited texts, so run it off the UI thread.
    pub fn run(mut self) -> Placed {
        let followed = place_claims(&mut self.record, &self.article);
        Placed { id: self.id, revision: self.revision, article: self.article, record: self.record, followed }
    }
}

impl Session {
    /// Adds `articles` to the session, after those it has, and finds their records: a record
    /// follows its moved file at once; claims that no longer fit are orphaned for now, and
    /// placed again by the jobs returned.
    pub fn attach(&mut self, articles: impl IntoIterator<Item = Arc<Article>>) -> Attachment {
        let mut attachment = Attachment::default();
        for article in articles {
            let index = self.articles.len();
            self.articles.push(article.clone());
            self.ids.push(None);
            let Some(id) = self.resolver.identify(&article).id().map(str::to_owned) else { continue };
            self.follow_at(index, id, article, &mut attachment);
        }
        attachment
    }

    /// Puts a newer version of article `index` in its place (a page or feed item fetched again)
    /// and follows its record to the new text as [`Session::attach`] does.
    pub fn replace(&mut self, index: usize, article: Arc<Article>) -> Attachment {
        let mut attachment = Attachment::default();
        let Some(slot) = self.articles.get_mut(index) else { return attachment };
        *slot = article.clone();
        let known = self.ids.get(index).cloned().flatten();
        let Some(id) = known.or_else(|| self.resolver.identify(&article).id().map(str::to_owned)) else {
            return attachment;
        };
        self.follow_at(index, id, article, &mut attachment);
        attachment
    }

    fn follow_at(&mut self, index: usize, id: String, article: Arc<Article>, attachment: &mut Attachment) {
        self.ids[index] = Some(id.clone());
        let (changed, job) = self.follow_now(&id, article);
        if changed {
            self.bump(&id);
            attachment.changed.push(id.clone());
        }
        attachment.jobs.extend(job.map(|record| self.job(id, record)));
    }

    /// Follows record `id` to `article` at once; returns whether it changed, and the record to
    /// place claims on (as it was before misfits were orphaned) when that is needed.
    fn follow_now(&mut self, id: &str, article: Arc<Article>) -> (bool, Option<(ArticleRecord, Arc<Article>)>) {
        let Some(record) = self.store.articles.get_mut(id) else { return (false, None) };
        let mut changed = relocate(record, &article);
        if changed {
            self.resolver.learn(id, &record.fingerprint, &record.path);
        }
        if !needs_placing(record, &article) || self.placing.contains(id) {
            return (changed, None);
        }
        let original = record.clone();
        changed |= orphan_misfits(record, article.text());
        self.placing.insert(id.to_owned());
        (changed, Some((original, article)))
    }

    fn job(&self, id: String, (record, article): (ArticleRecord, Arc<Article>)) -> PlaceJob {
        PlaceJob { revision: self.revision(&id), id, article, record }
    }

    /// Applies placed claims. A record that changed while its claims were being placed keeps
    /// its changes, and its claims are placed again from it.
    pub fn apply_placed(&mut self, results: impl IntoIterator<Item = Placed>) -> Attachment {
        let mut attachment = Attachment::default();
        let mut reports = Vec::new();
        for placed in results {
            self.placing.remove(&placed.id);
            if self.revision(&placed.id) != placed.revision {
                let (_, job) = self.follow_now(&placed.id, placed.article);
                attachment.jobs.extend(job.map(|record| self.job(placed.id, record)));
                continue;
            }
            reports.extend(placed.followed.report(&placed.article.origin().file_name()));
            let record = placed.record;
            if self.store.articles.get(&placed.id) != Some(&record) {
                self.resolver.learn(&placed.id, &record.fingerprint, &record.path);
                self.put(&placed.id, Some(record));
                self.bump(&placed.id);
                attachment.changed.push(placed.id);
            }
        }
        if !reports.is_empty() {
            attachment.status = Some(format!("articles changed since annotated — {}", reports.join("; ")));
        }
        attachment
    }
}
