//! Selecting a span with `v`: the moving end grows or shrinks the selection by words (`l` `h`)
//! or sentences (`j` `k`) from either end, `o` swaps the ends; a selection shrunk past its
//! other end turns round and grows the other way, as in vim.

use super::super::app::AppState;
use super::super::reader::{Reader, Selection};
use super::navigate::Step;
use gloss_core::corpus::Article;
use gloss_core::text::{Span, words_in};

/// Starts a selection at the focused word, or else at the cursor's sentence; or drops it.
pub fn toggle(state: &mut AppState) {
    let Some(article) = state.current_article().cloned() else { return };
    let Some(reader) = state.reader.as_mut() else { return };
    if reader.selection.take().is_some() {
        return;
    }
    let span = reader.focus.clone().or_else(|| reader.sentences(&article).get(reader.place.cursor).cloned());
    if let Some(span) = span {
        reader.selection = Some(Selection { start: span.start, end: span.end, at_end: true });
        reader.focus = None;
    }
}

/// `o`: the other end moves from now on.
pub fn swap_ends(state: &mut AppState) {
    let Some(article) = state.current_article().cloned() else { return };
    let Some(reader) = state.reader.as_mut() else { return };
    let sentences = reader.sentence_list(&article);
    let Some(selection) = reader.selection.as_mut() else {
        state.set_status("o swaps the ends of a selection: start one with v");
        return;
    };
    selection.at_end = !selection.at_end;
    reader.place.cursor = head_sentence(&sentences, *selection);
}

/// The sentence of `sentences` (the reader's) the moving end is in.
fn head_sentence(sentences: &[Span], selection: Selection) -> usize {
    Reader::sentence_at(sentences, if selection.at_end { selection.end.saturating_sub(1) } else { selection.start })
}

/// Moves the selection's head by one word (`forward` or back); `false` when there is none.
pub fn by_word(state: &mut AppState, forward: bool) -> bool {
    let Some(article) = state.current_article().cloned() else { return false };
    let Some(reader) = state.reader.as_mut() else { return false };
    let sentences = reader.sentence_list(&article);
    let Some(selection) = reader.selection.as_mut() else { return false };
    let starts = words_around(&article, &sentences, selection, |s| s.start);
    let ends = words_around(&article, &sentences, selection, |s| s.end);
    Bounds { starts: &starts, ends: &ends }.step(selection, forward);
    reader.place.cursor = head_sentence(&sentences, *selection);
    true
}

/// Moves the selection's head by sentences; `false` when there is no selection.
pub fn by_sentence(state: &mut AppState, step: Step) -> bool {
    let Some(article) = state.current_article().cloned() else { return false };
    let Some(reader) = state.reader.as_mut() else { return false };
    let sentences = reader.sentence_list(&article);
    let Some(selection) = reader.selection.as_mut() else { return false };
    let starts: Vec<usize> = sentences.iter().map(|s| s.start).collect();
    let ends: Vec<usize> = sentences.iter().map(|s| s.end).collect();
    let bounds = Bounds { starts: &starts, ends: &ends };
    match step {
        Step::By(n) => (0..n.unsigned_abs()).for_each(|_| bounds.step(selection, n > 0)),
        Step::First => {
            selection.start = starts.first().copied().unwrap_or(0).min(selection.start);
            selection.at_end = false;
        }
        Step::Last => {
            selection.end = ends.last().copied().unwrap_or(selection.end).max(selection.end);
            selection.at_end = true;
        }
    }
    reader.place.cursor = head_sentence(&sentences, *selection);
    true
}

/// The starts or ends (`pick`) of the words of the sentences around the selection's ends, one
/// sentence beyond each, in order: all a word step can reach.
fn words_around(
    article: &Article,
    sentences: &[Span],
    selection: &Selection,
    pick: impl Fn(&Span) -> usize,
) -> Vec<usize> {
    let first = Reader::sentence_at(sentences, selection.start).saturating_sub(1);
    let last =
        (Reader::sentence_at(sentences, selection.end.saturating_sub(1)) + 1).min(sentences.len().saturating_sub(1));
    let (Some(from), Some(to)) = (sentences.get(first), sentences.get(last)) else { return Vec::new() };
    words_in(article.text(), from.start..to.end).map(|w| pick(&w)).collect()
}

/// Where the ends of a selection may stop: word or sentence starts and ends, ascending.
struct Bounds<'a> {
    starts: &'a [usize],
    ends: &'a [usize],
}

impl Bounds<'_> {
    /// One step of the head: away from the other end grows, towards it shrinks, and past it
    /// turns round (a selection never becomes empty).
    fn step(&self, selection: &mut Selection, forward: bool) {
        let after = |list: &[usize], at: usize| list.iter().copied().find(|&b| b > at);
        let before = |list: &[usize], at: usize| list.iter().rev().copied().find(|&b| b < at);
        match (selection.at_end, forward) {
            (true, true) => selection.end = after(self.ends, selection.end).unwrap_or(selection.end),
            (false, false) => selection.start = before(self.starts, selection.start).unwrap_or(selection.start),
            (true, false) => {
                if let Some(end) = before(self.ends, selection.end).filter(|&end| end > selection.start) {
                    selection.end = end;
                } else {
                    selection.at_end = false;
                    selection.start = before(self.starts, selection.start).unwrap_or(selection.start);
                }
            }
            (false, true) => {
                if let Some(start) = after(self.starts, selection.start).filter(|&start| start < selection.end) {
                    selection.start = start;
                } else {
                    selection.at_end = true;
                    selection.end = after(self.ends, selection.end).unwrap_or(selection.end);
                }
            }
        }
    }
}
