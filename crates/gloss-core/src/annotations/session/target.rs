//! Which claim the keys act on, from where the analyst is in the article.

use super::Session;
use super::intent::Target;
use crate::annotations::store::ArticleRecord;
use crate::text::Span;

/// Where the analyst is in an article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pointer {
    /// The selected text, when there is a selection.
    pub selection: Option<Span>,
    /// The focused word, name or claim.
    pub focus: Option<Span>,
    /// The cursor's sentence.
    pub sentence: Option<Span>,
}

impl Session {
    /// The claim the keys act on in article `index`: the one on the selection (trimmed of
    /// whitespace), else the one holding the focused word, else the one on the cursor's
    /// sentence; or, when there is none, a new one on the selection or the sentence.
    pub fn target(&self, index: usize, pointer: &Pointer) -> Option<Target> {
        let text = self.articles.get(index)?.text();
        let record = self.record(index);
        let on = |span: Span| existing(record, record.and_then(|r| r.claim_on(&span))).unwrap_or(Target::New(span));
        if let Some(selection) = &pointer.selection {
            return trimmed(text, selection).map(on);
        }
        let held = pointer.focus.as_ref().and_then(|focus| record?.claim_holding(focus));
        if let Some(held) = existing(record, held) {
            return Some(held);
        }
        pointer.sentence.clone().map(on)
    }
}

fn existing(record: Option<&ArticleRecord>, index: Option<usize>) -> Option<Target> {
    Some(Target::Claim(record?.claims.get(index?)?.id.clone()))
}

/// `span` of `text` without the whitespace at its ends; `None` when nothing is left or the span
/// is not in the text.
fn trimmed(text: &str, span: &Span) -> Option<Span> {
    let piece = text.get(span.clone())?;
    let start = span.start + (piece.len() - piece.trim_start().len());
    let trimmed = start..start + piece.trim().len();
    (!trimmed.is_empty()).then_some(trimmed)
}
