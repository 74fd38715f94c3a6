//! Session tests: every intent, undo and redo, notes, names, and articles joining — all without
//! a terminal.

mod attach;
mod edits;
mod notes;
mod outside;
mod undo_all;

use std::sync::Arc;

use super::*;
use crate::corpus::Origin;
use crate::text::Span;

pub const FIRST: &str =
    "Talks resume\n\nThe envoy arrived on Monday. Officials said the talks would resume. Nobody knew when.";
pub const SECOND: &str = "Rates rise\n\nThe bank raised rates. Markets fell.";

pub fn article(name: &'static str, text: &str) -> Arc<Article> {
    Arc::new(Article::from_text(Origin::Embedded(name), text))
}

/// A session over `store` by `tester` at a fixed time, with two articles attached.
pub fn session_with(store: Store) -> Session {
    let mut session = Session::new(store, Vocabulary::built_in().unwrap());
    session.set_author("tester");
    session.set_clock(Clock::fixed("2026-11-21T09:00:00Z"));
    let attachment = session.attach([article("first.txt", FIRST), article("second.txt", SECOND)]);
    assert!(attachment.jobs.is_empty());
    session
}

pub fn session() -> Session {
    session_with(Store::default())
}

/// The byte range of `quote` in article `index`'s text.
pub fn span_of(session: &Session, index: usize, quote: &str) -> Span {
    let text = session.articles[index].text();
    let start = text.find(quote).unwrap();
    start..start + quote.len()
}

/// A new claim on `quote` in article 0.
pub fn new_on(session: &Session, quote: &str) -> Target {
    Target::New(span_of(session, 0, quote))
}

pub fn tag(session: &mut Session, target: Target, tag: &str) -> Result<Outcome, Refused> {
    session.apply(Intent::ToggleTag { article: 0, target, tag: tag.into() })
}

/// The claims of article 0.
pub fn claims(session: &Session) -> Vec<Claim> {
    session.record(0).map(|r| r.claims.clone()).unwrap_or_default()
}

use crate::annotations::claim::Claim;

/// Tags a new claim on `quote` in article 0.
pub fn tag_on(session: &mut Session, quote: &str, name: &str) -> Result<Outcome, Refused> {
    let target = new_on(session, quote);
    tag(session, target, name)
}
