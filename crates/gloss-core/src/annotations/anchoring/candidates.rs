//! Spans that could be the edited quote. A fuzzy placement must start right after what is left of
//! the quote's old prefix or end right before what is left of its suffix, so candidates grow from
//! those footholds to a boundary (of a word or sentence, or where the quote's first or last words
//! are) within the lengths that could match; only the text they can reach is prepared.

use std::cmp::Reverse;

use super::context::{context_agreement, footholds, placeable};
use super::exact::occurrences_in;
use super::index::Island;
use super::quote::Quote;
use crate::annotations::claim::Anchor;
use crate::text::Span;

/// Words at each end of a quote that mark where its first and last words are.
const END_WORDS: usize = 3;
/// Characters prepared beyond the reach of a foothold, so that the best span can be nudged.
const MARGIN_CHARS: usize = 40;

/// The prepared stretches of one text for one quote, ascending and apart.
pub(super) struct Islands {
    islands: Vec<Island>,
}

impl Islands {
    /// The island holding all of `span`.
    pub fn of(&self, span: &Span) -> Option<&Island> {
        let i = self.islands.partition_point(|island| island.range.end < span.end);
        self.islands.get(i).filter(|island| island.range.start <= span.start)
    }
}

/// The islands around the anchor's footholds in `text`, and the placeable spans in them that
/// could match: best estimate first, then most context agreeing, then nearest the old place.
pub(super) fn candidates(text: &str, sentences: &[Span], quote: &Quote, anchor: &Anchor) -> (Islands, Vec<Span>) {
    let (after_prefix, before_suffix) = footholds(text, anchor);
    let reach = quote.longest_match();
    let mut ranges: Vec<Span> = after_prefix
        .iter()
        .map(|&start| back(text, start, MARGIN_CHARS)..ahead(text, start, reach + MARGIN_CHARS))
        .chain(before_suffix.iter().map(|&end| back(text, end, reach + MARGIN_CHARS)..ahead(text, end, MARGIN_CHARS)))
        .collect();
    ranges.sort_unstable_by_key(|range| range.start);
    let islands =
        Islands { islands: merge(ranges).into_iter().map(|range| prepare(text, sentences, quote, range)).collect() };
    let lengths = quote.shortest_match()..=reach;
    let mut spans = Vec::new();
    for island in &islands.islands {
        let inside = |at: &&usize| island.range.contains(at) || **at == island.range.end;
        for &start in after_prefix.iter().filter(inside) {
            spans.extend(island.ends_from(start, &lengths).map(|end| start..end));
        }
        for &end in before_suffix.iter().filter(inside) {
            spans.extend(island.starts_to(end, &lengths).map(|start| start..end));
        }
    }
    spans.sort_unstable_by_key(|span| (span.start, span.end));
    spans.dedup();
    let spans = rank(text, &islands, spans, quote, anchor);
    (islands, spans)
}

/// The spans that fit, have a good enough estimate and are placeable, best first.
fn rank(text: &str, islands: &Islands, spans: Vec<Span>, quote: &Quote, anchor: &Anchor) -> Vec<Span> {
    let mut ranked: Vec<(f64, usize, Reverse<usize>, Span)> = spans
        .into_iter()
        .filter_map(|span| {
            let island = islands.of(&span).filter(|island| island.fits(&span, quote))?;
            Some((island.estimate(&span, quote)?, span))
        })
        .filter(|(_, span)| placeable(text, span, quote.text, anchor))
        .map(|(estimate, span)| {
            let (before, after) = context_agreement(text, &span, anchor);
            (estimate, before + after, Reverse(span.start.abs_diff(anchor.start)), span)
        })
        .collect();
    ranked.sort_by(|a, b| {
        let order = b.0.total_cmp(&a.0).then_with(|| (b.1, b.2).cmp(&(a.1, a.2)));
        order.then_with(|| (a.3.start, a.3.end).cmp(&(b.3.start, b.3.end)))
    });
    ranked.into_iter().map(|(.., span)| span).collect()
}

/// Prepares `range`, with the sentences' trimmed ends and where the quote's first and last words
/// are among its boundaries: a quote cut mid-word still is after an edit elsewhere in it.
fn prepare(text: &str, sentences: &[Span], quote: &Quote, range: Span) -> Island {
    let first = sentences.partition_point(|sentence| sentence.end < range.start);
    let trimmed = sentences.get(first..).unwrap_or(&[]).iter().take_while(|sentence| sentence.start <= range.end);
    let trimmed: Vec<Span> = trimmed.filter_map(|sentence| trim_span(text, sentence)).collect();
    let mut starts: Vec<usize> = trimmed.iter().map(|sentence| sentence.start).collect();
    let mut ends: Vec<usize> = trimmed.iter().map(|sentence| sentence.end).collect();
    if let Some((head, tail)) = head_and_tail(quote.text) {
        starts.extend(occurrences_in(text, head, &range));
        ends.extend(occurrences_in(text, tail, &range).into_iter().map(|start| start + tail.len()));
    }
    Island::new(text, range, quote, &starts, &ends)
}

/// Overlapping or touching ranges (sorted by start) joined.
fn merge(ranges: Vec<Span>) -> Vec<Span> {
    let mut merged: Vec<Span> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// The offset `count` characters after `at` (or the end of the text).
fn ahead(text: &str, at: usize, count: usize) -> usize {
    let rest = text.get(at..).unwrap_or("");
    at + rest.char_indices().nth(count).map_or(rest.len(), |(i, _)| i)
}

/// The offset `count` characters before `at` (or the start of the text).
fn back(text: &str, at: usize, count: usize) -> usize {
    let before = text.get(..at).unwrap_or("");
    match count.checked_sub(1) {
        Some(n) => before.char_indices().rev().nth(n).map_or(0, |(i, _)| i),
        None => at,
    }
}

/// `span` of `text` without surrounding whitespace; `None` if it does not fit `text` or is blank.
fn trim_span(text: &str, span: &Span) -> Option<Span> {
    let piece = text.get(span.clone())?;
    let start = span.start + (piece.len() - piece.trim_start().len());
    let trimmed = piece.trim();
    (!trimmed.is_empty()).then(|| start..start + trimmed.len())
}

/// The quote's first [`END_WORDS`] whitespace-separated words and its last, if it has more.
fn head_and_tail(quote: &str) -> Option<(&str, &str)> {
    let words = word_spans(quote);
    if words.len() <= END_WORDS {
        return None;
    }
    let head = quote.get(..words.get(END_WORDS - 1)?.end)?;
    let tail = quote.get(words.get(words.len() - END_WORDS)?.start..)?;
    Some((head, tail))
}

/// Where the whitespace-separated words of `text` are.
fn word_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = None;
    for (offset, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (start, c.is_whitespace()) {
            (None, false) => start = Some(offset),
            (Some(begun), true) => {
                spans.push(begun..offset);
                start = None;
            }
            _ => {}
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_and_tails_are_three_words() {
        assert_eq!(head_and_tail("a  b c\td e"), Some(("a  b c", "c\td e")));
        assert_eq!(head_and_tail("a b c"), None);
    }

    #[test]
    fn ranges_merge_when_they_touch() {
        assert_eq!(merge(vec![0..4, 2..6, 6..8, 9..10]), [0..8, 9..10]);
    }

    #[test]
    fn reach_is_counted_in_characters_and_stops_at_the_ends() {
        let text = "ab북한cd";
        assert_eq!((ahead(text, 1, 2), ahead(text, 1, 99), back(text, 8, 2), back(text, 8, 99)), (5, 10, 2, 0));
        assert_eq!((back(text, 8, 0), trim_span(" a ", &(0..3)), trim_span(" ", &(0..1))), (8, Some(1..2), None));
    }

    #[test]
    fn candidates_start_after_the_old_prefix_or_end_before_the_old_suffix() {
        let text = "Seoul said on Monday. Exports rose 6.1% in March. Imports fell.";
        let anchor = Anchor {
            start: 22,
            end: 49,
            quote: "Exports rose 5.1% in March.".into(),
            prefix: "Seoul said on Monday. ".into(),
            suffix: " Imports fell.".into(),
        };
        let quote = Quote::new(&anchor.quote);
        let (islands, spans) = candidates(text, &[0..21, 22..49, 50..63], &quote, &anchor);
        assert_eq!(spans.first(), Some(&(22..49)));
        assert!(spans.iter().all(|span| span.start == 22 || span.end == 49), "{spans:?}");
        assert!(spans.iter().all(|span| islands.of(span).is_some()));
    }
}
