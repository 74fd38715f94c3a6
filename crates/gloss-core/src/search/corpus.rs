//! Searching the whole corpus: every hit in corpus order to a sink; or, for a screen that must
//! stay responsive, the same hits in batches as they are found, stopped by a newer query.

use std::borrow::Borrow;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::article::search_article;
use super::hit::Hit;
use super::notes::Notes;
use super::query::Query;
use super::scope::Scope;
use crate::corpus::Article;

/// Hands every hit of `query` in `articles` (with their `notes`) to `sink`, article by
/// article in corpus order; returns `Break` as soon as `sink` does.
pub fn search_corpus<A: Borrow<Article>>(
    articles: &[A],
    notes: &Notes,
    query: &Query,
    scope: &Scope,
    sink: &mut dyn FnMut(Hit) -> ControlFlow<()>,
) -> ControlFlow<()> {
    for (index, article) in articles.iter().enumerate() {
        search_article(index, article.borrow(), notes.get(index), query, scope, sink)?;
    }
    ControlFlow::Continue(())
}

/// Hits found since the last batch, and how far the search has got.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Batch {
    pub hits: Vec<Hit>,
    /// Articles searched so far.
    pub searched: usize,
    /// The search is over: every article searched, or the limit reached.
    pub done: bool,
    /// The search stopped at the limit; there are more hits.
    pub truncated: bool,
}

/// A corpus search that hands its hits on in batches: the first hit at once, then whatever
/// was found every `interval`, so a screen shows results while the search goes on.
#[derive(Debug, Clone)]
pub struct Streamer<A> {
    pub query: Query,
    pub articles: Vec<A>,
    pub notes: Notes,
    pub scope: Scope,
    /// At most this many hits: a list on screen has no use for more.
    pub limit: usize,
    pub interval: Duration,
}

impl<A: Borrow<Article>> Streamer<A> {
    /// Runs the search, handing batches to `deliver`, until every article is searched, the
    /// limit is reached, `cancel` is set (a newer query wants the thread) or `deliver` breaks.
    /// A cancelled search sends nothing more: its hits are for a query nobody wants now.
    pub fn run(&self, cancel: &AtomicBool, deliver: &mut dyn FnMut(Batch) -> ControlFlow<()>) {
        let mut pending = Batch::default();
        let mut found = 0;
        let mut sent_any = false;
        let mut last = Instant::now();
        for (index, article) in self.articles.iter().enumerate() {
            let mut sink = |hit: Hit| {
                if cancel.load(Ordering::Relaxed) || found >= self.limit {
                    return ControlFlow::Break(());
                }
                found += 1;
                pending.hits.push(hit);
                ControlFlow::Continue(())
            };
            let stopped =
                search_article(index, article.borrow(), self.notes.get(index), &self.query, &self.scope, &mut sink);
            if cancel.load(Ordering::Relaxed) {
                return;
            }
            pending.searched = index + 1;
            if stopped.is_break() {
                pending.truncated = true;
                break;
            }
            let first = !sent_any && !pending.hits.is_empty();
            if first || last.elapsed() >= self.interval {
                sent_any |= !pending.hits.is_empty();
                let searched = pending.searched;
                if deliver(std::mem::replace(&mut pending, Batch { searched, ..Batch::default() })).is_break() {
                    return;
                }
                last = Instant::now();
            }
        }
        pending.done = true;
        // A deliverer that broke off has nobody to tell.
        let _ = deliver(pending);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Origin;
    use crate::search::Mode;

    fn articles(n: usize) -> Vec<Article> {
        (0..n)
            .map(|i| {
                Article::from_text(Origin::Embedded("a.txt"), &format!("Title {i}\n\nKishida spoke. Kishida left {i}."))
            })
            .collect()
    }

    fn streamer(n: usize, limit: usize) -> Streamer<Article> {
        Streamer {
            query: Query::new("kishida", Mode::Plain).unwrap(),
            articles: articles(n),
            notes: Notes::default(),
            scope: Scope::default(),
            limit,
            interval: Duration::ZERO,
        }
    }

    fn batches(streamer: &Streamer<Article>, cancel: &AtomicBool) -> Vec<Batch> {
        let mut got = Vec::new();
        streamer.run(cancel, &mut |batch| {
            got.push(batch);
            ControlFlow::Continue(())
        });
        got
    }

    #[test]
    fn batches_carry_every_hit_in_corpus_order_then_say_done() {
        let got = batches(&streamer(50, usize::MAX), &AtomicBool::new(false));
        assert!(got.len() > 1, "hits come in batches as they are found");
        let hits: Vec<&Hit> = got.iter().flat_map(|b| &b.hits).collect();
        assert_eq!(hits.len(), 100);
        assert!(hits.windows(2).all(|w| (w[0].article, w[0].span.start) < (w[1].article, w[1].span.start)));
        let last = got.last().unwrap();
        assert!(last.done && !last.truncated && last.searched == 50);
        assert!(got[..got.len() - 1].iter().all(|b| !b.done));
    }

    #[test]
    fn the_limit_truncates() {
        let got = batches(&streamer(50, 7), &AtomicBool::new(false));
        assert_eq!(got.iter().map(|b| b.hits.len()).sum::<usize>(), 7);
        let last = got.last().unwrap();
        assert!(last.done && last.truncated);
    }

    #[test]
    fn a_cancelled_search_sends_nothing_more() {
        let cancel = AtomicBool::new(false);
        let streamer = streamer(50, usize::MAX);
        let mut got = 0;
        streamer.run(&cancel, &mut |batch| {
            got += batch.hits.len();
            cancel.store(true, Ordering::Relaxed);
            ControlFlow::Continue(())
        });
        assert_eq!(got, 2, "the first article's hits, then nothing");
    }

    #[test]
    fn search_corpus_gives_every_hit() {
        let articles = articles(3);
        let query = Query::new("Kishida", Mode::Plain).unwrap();
        let mut hits = Vec::new();
        let flow = search_corpus(&articles, &Notes::default(), &query, &Scope::default(), &mut |hit| {
            hits.push((hit.article, hit.line));
            ControlFlow::Continue(())
        });
        assert!(flow.is_continue());
        assert_eq!(hits, [(0, 3), (0, 3), (1, 3), (1, 3), (2, 3), (2, 3)]);
    }
}
