//! Every hit in one article: its text (title included), a title of its own, its note and its
//! claims' notes, in that order, within a scope.

use std::ops::ControlFlow;

use super::hit::{Field, Hit, context, line_around};
use super::notes::ArticleNotes;
use super::query::Query;
use super::scope::Scope;
use super::sentence::SentenceFinder;
use crate::annotations::Claim;
use crate::corpus::Article;
use crate::text::{Locator, Span};

/// Hands every hit of `query` in article `index` to `sink`, in order: the text, then a title
/// that is not in the text, the article's note, and the notes of its claims. Returns
/// `Break` as soon as `sink` does.
pub fn search_article(
    index: usize,
    article: &Article,
    notes: Option<&ArticleNotes>,
    query: &Query,
    scope: &Scope,
    sink: &mut dyn FnMut(Hit) -> ControlFlow<()>,
) -> ControlFlow<()> {
    if !scope.keeps_article(index) {
        return ControlFlow::Continue(());
    }
    let filtered = scope.claims.filters_claims();
    let claims: Vec<&Claim> =
        notes.map(|n| n.claims.iter().filter(|c| scope.claims.keeps_claim(c)).collect()).unwrap_or_default();
    let inside_kept_claim =
        |span: &Span| claims.iter().any(|c| !c.orphaned && c.anchor.start <= span.start && span.end <= c.anchor.end);
    search_text(index, article, query, &mut |hit| {
        if filtered && !inside_kept_claim(&hit.span) { ControlFlow::Continue(()) } else { sink(hit) }
    })?;
    let header = article.header();
    if !filtered && header.title_span.is_none() && !header.title_derived {
        search_note(index, article.title(), &Field::Title, 0, query, sink)?;
    }
    let Some(notes) = notes else { return ControlFlow::Continue(()) };
    if !filtered {
        search_note(index, &notes.note, &Field::ArticleNote, 0, query, sink)?;
    }
    for claim in claims {
        let at = if claim.orphaned { 0 } else { claim.anchor.start };
        search_note(index, &claim.note, &Field::ClaimNote { claim: claim.id.clone() }, at, query, sink)?;
    }
    ControlFlow::Continue(())
}

/// Hits in the article's text, each with its sentence around it.
fn search_text(
    index: usize,
    article: &Article,
    query: &Query,
    sink: &mut dyn FnMut(Hit) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let text = article.text();
    let headline = article.header().title_span.clone();
    let mut locator = Locator::new(text);
    let mut sentences = SentenceFinder::new(article);
    for span in query.find_iter(text) {
        let around = sentences.around(span.start).unwrap_or_else(|| line_around(text, span.start));
        let location = locator.locate(&span);
        sink(Hit {
            article: index,
            field: Field::Text {
                headline: headline.as_ref().is_some_and(|h| h.start <= span.start && span.start < h.end),
            },
            context: context(text, &around, &span),
            at: span.start,
            span,
            chars: location.chars,
            line: location.line,
            column: location.column,
        })?;
    }
    ControlFlow::Continue(())
}

/// Hits in a note (or a title of its own): each with its line of the note around it.
fn search_note(
    index: usize,
    note: &str,
    field: &Field,
    at: usize,
    query: &Query,
    sink: &mut dyn FnMut(Hit) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut locator = Locator::new(note);
    for span in query.find_iter(note) {
        let location = locator.locate(&span);
        sink(Hit {
            article: index,
            field: field.clone(),
            context: context(note, &line_around(note, span.start), &span),
            at,
            span,
            chars: location.chars,
            line: location.line,
            column: location.column,
        })?;
    }
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::Anchor;
    use crate::corpus::Origin;
    use crate::export::Filter;
    use crate::search::Mode;

    const TEXT: &str = "Kishida in Seoul\n\nPrime Minister Kishida arrived. He met Yoon. Kishida left.\n";

    fn claim(id: &str, text: &str, quote: &str, note: &str, check_worthy: bool) -> Claim {
        let start = text.find(quote).unwrap();
        Claim {
            id: id.into(),
            anchor: Anchor::of(text, &(start..start + quote.len())),
            tags: vec!["fact".into()],
            check_worthy,
            note: note.into(),
            ..Claim::default()
        }
    }

    fn hits(notes: Option<&ArticleNotes>, query: &str, scope: &Scope) -> Vec<Hit> {
        let article = Article::from_text(Origin::Embedded("a.txt"), TEXT);
        let query = Query::new(query, Mode::Plain).unwrap();
        let mut found = Vec::new();
        let flow = search_article(3, &article, notes, &query, scope, &mut |hit| {
            found.push(hit);
            ControlFlow::Continue(())
        });
        assert!(flow.is_continue());
        found
    }

    fn notes() -> ArticleNotes {
        ArticleNotes {
            note: "Ask about Kishida.\nAnd Yoon.".into(),
            claims: vec![
                claim("c1", TEXT, "Prime Minister Kishida arrived.", "Kishida's plane landed at 9.", true),
                claim("c2", TEXT, "Kishida left.", "", false),
            ],
        }
    }

    #[test]
    fn text_then_notes_each_with_its_place() {
        let notes = notes();
        let found = hits(Some(&notes), "kishida", &Scope::default());
        let fields: Vec<&str> = found.iter().map(|h| h.field.name()).collect();
        assert_eq!(fields, ["title", "text", "text", "note", "claim_note"]);
        assert_eq!(found[1].field, Field::Text { headline: false });
        assert_eq!((found[1].line, found[1].column), (3, 16));
        assert_eq!(found[1].context.text, "Prime Minister Kishida arrived.");
        assert_eq!(found[2].context.text, "Kishida left.");
        assert_eq!(found[3].context.text, "Ask about Kishida.");
        assert_eq!((found[3].line, found[3].at), (1, 0));
        assert_eq!(found[4].field, Field::ClaimNote { claim: "c1".into() });
        assert_eq!(found[4].at, TEXT.find("Prime").unwrap(), "a claim note opens at its claim");
        assert!(found.iter().all(|h| h.article == 3));
    }

    #[test]
    fn a_claim_filter_keeps_only_its_claims_text_and_notes() {
        let notes = notes();
        let scope = Scope { claims: Filter { check_worthy: true, ..Filter::default() }, ..Scope::default() };
        let found = hits(Some(&notes), "kishida", &scope);
        let fields: Vec<&str> = found.iter().map(|h| h.field.name()).collect();
        assert_eq!(fields, ["text", "claim_note"]);
        assert_eq!(found[0].context.text, "Prime Minister Kishida arrived.");
        assert!(hits(None, "kishida", &scope).is_empty(), "no claims, nothing kept");
    }

    #[test]
    fn articles_out_of_scope_are_not_searched() {
        let scope = Scope { articles: Some([1, 2].into()), ..Scope::default() };
        assert!(hits(None, "kishida", &scope).is_empty());
    }

    #[test]
    fn the_sink_stops_the_search() {
        let article = Article::from_text(Origin::Embedded("a.txt"), TEXT);
        let query = Query::new("kishida", Mode::Plain).unwrap();
        let mut seen = 0;
        let flow = search_article(0, &article, None, &query, &Scope::default(), &mut |_| {
            seen += 1;
            ControlFlow::Break(())
        });
        assert_eq!((flow, seen), (ControlFlow::Break(()), 1));
    }
}
