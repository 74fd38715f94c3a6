//! A stretch of the text prepared for one quote: running counts by byte offset, so that the
//! length and cheap score of any span in it take O(1), and the boundaries spans may start and
//! end at. Only the stretches beside the old surroundings are prepared, never the whole text.

use std::ops::RangeInclusive;

use super::quote::{Quote, ratio};
use crate::text::Span;

/// Lowest share (Dice) of the quote's character pairs worth an edit distance: an edit breaks at
/// most two pairs, so text at [`super::MIN_SIMILARITY`] still shares over half of them.
const MIN_CHEAP: f64 = 0.5;

/// One prepared stretch of the text.
pub(super) struct Island {
    pub range: Span,
    /// Characters from `range.start` to each byte offset of the range (`len + 1` entries).
    chars: Vec<usize>,
    /// The same, counting only characters whose pair with the next character is in the quote.
    hits: Vec<usize>,
    /// Where spans may start and end, ascending: word boundaries and the extra ones given.
    pub starts: Vec<usize>,
    pub ends: Vec<usize>,
}

impl Island {
    /// Prepares `range` of `text` (on character boundaries) for `quote`; `extra_starts` and
    /// `extra_ends` are further boundaries (sentences, where the quote's own words are).
    pub fn new(text: &str, range: Span, quote: &Quote, extra_starts: &[usize], extra_ends: &[usize]) -> Self {
        let (chars, hits) = running_counts(text, &range, quote);
        let (mut starts, mut ends) = boundaries(text, &range);
        let inside = |at: &&usize| range.contains(at) || **at == range.end;
        starts.extend(extra_starts.iter().filter(inside));
        ends.extend(extra_ends.iter().filter(inside));
        for list in [&mut starts, &mut ends] {
            list.sort_unstable();
            list.dedup();
        }
        Self { range, chars, hits, starts, ends }
    }

    fn at(counts: &[usize], range: &Span, offset: usize) -> Option<usize> {
        counts.get(offset.checked_sub(range.start)?).copied()
    }

    /// Characters in `span`; `None` if it is not inside the island.
    pub fn chars_in(&self, span: &Span) -> Option<usize> {
        Self::at(&self.chars, &self.range, span.end)?.checked_sub(Self::at(&self.chars, &self.range, span.start)?)
    }

    /// A cheap estimate of the span's similarity to the quote, for ranking: its share of the
    /// quote's character pairs (generous), times shorter over longer length (a bound on the
    /// similarity). `None` when the share is below [`MIN_CHEAP`] or the span is not inside.
    pub fn estimate(&self, span: &Span, quote: &Quote) -> Option<f64> {
        let chars = self.chars_in(span)?;
        let shared =
            Self::at(&self.hits, &self.range, span.end)?.checked_sub(Self::at(&self.hits, &self.range, span.start)?)?;
        // Dice coefficient, counting a pair of the span as shared when the quote has it anywhere.
        let pairs = chars.saturating_sub(1) + quote.chars.saturating_sub(1);
        let dice = ratio(2 * shared, pairs).min(1.0);
        (dice >= MIN_CHEAP).then(|| dice * ratio(chars.min(quote.chars), chars.max(quote.chars)))
    }

    /// Whether `span` is non-empty, inside the island, and of a length that could match the quote.
    pub fn fits(&self, span: &Span, quote: &Quote) -> bool {
        span.start < span.end && self.chars_in(span).is_some_and(|chars| quote.could_match(chars))
    }

    /// Boundaries in `ends` after `start` that make a span of `lengths` characters.
    pub fn ends_from<'s>(
        &'s self,
        start: usize,
        lengths: &'s RangeInclusive<usize>,
    ) -> impl Iterator<Item = usize> + 's {
        let first = self.ends.partition_point(|&end| end <= start);
        let ends = self.ends.get(first..).unwrap_or(&[]).iter().copied();
        let ends = ends.map(move |end| (end, self.chars_in(&(start..end))));
        ends.take_while(|(_, chars)| chars.is_some_and(|chars| chars <= *lengths.end()))
            .filter(|(_, chars)| chars.is_some_and(|chars| lengths.contains(&chars)))
            .map(|(end, _)| end)
    }

    /// Boundaries in `starts` before `end` that make a span of `lengths` characters.
    pub fn starts_to<'s>(&'s self, end: usize, lengths: &'s RangeInclusive<usize>) -> impl Iterator<Item = usize> + 's {
        let last = self.starts.partition_point(|&start| start < end);
        let starts = self.starts.get(..last).unwrap_or(&[]).iter().rev().copied();
        let starts = starts.map(move |start| (start, self.chars_in(&(start..end))));
        starts
            .take_while(|(_, chars)| chars.is_some_and(|chars| chars <= *lengths.end()))
            .filter(|(_, chars)| chars.is_some_and(|chars| lengths.contains(&chars)))
            .map(|(start, _)| start)
    }

    /// `span` with its start or its end moved to the previous or next boundary.
    pub fn nudges(&self, span: &Span) -> Vec<Span> {
        let around = |list: &[usize], at: usize| {
            let before = list.partition_point(|&b| b < at).checked_sub(1).and_then(|i| list.get(i).copied());
            let after = list.get(list.partition_point(|&b| b <= at)).copied();
            [before, after]
        };
        let starts = around(&self.starts, span.start).into_iter().flatten().map(|start| start..span.end);
        let ends = around(&self.ends, span.end).into_iter().flatten().map(|end| span.start..end);
        starts.chain(ends).collect()
    }
}

/// Characters, and characters starting a pair the quote has, before each byte offset of `range`.
fn running_counts(text: &str, range: &Span, quote: &Quote) -> (Vec<usize>, Vec<usize>) {
    let length = range.len();
    let (mut chars, mut hits) = (vec![0; length + 1], vec![0; length + 1]);
    let (mut seen, mut shared) = (0, 0);
    // The last character's pair crosses the end of the range: read on one character.
    let mut iter = text.get(range.start..).unwrap_or("").char_indices().peekable();
    while let Some((offset, c)) = iter.next().filter(|&(offset, _)| offset < length) {
        // Every byte of a character gets the counts before it, so any offset can be looked up.
        for byte in offset..offset + c.len_utf8() {
            if let (Some(seen_at), Some(shared_at)) = (chars.get_mut(byte), hits.get_mut(byte)) {
                (*seen_at, *shared_at) = (seen, shared);
            }
        }
        seen += 1;
        if iter.peek().is_some_and(|&(_, next)| quote.pairs.contains(c, next)) {
            shared += 1;
        }
    }
    (chars[length], hits[length]) = (seen, shared);
    (chars, hits)
}

/// Where words start and end in `range`: at whitespace, and between letters or digits and
/// punctuation, so `(Kim`, `said,` and `U.S.` can be taken with or without their punctuation.
fn boundaries(text: &str, range: &Span) -> (Vec<usize>, Vec<usize>) {
    let (mut starts, mut ends) = (Vec::new(), Vec::new());
    let mut previous = Class::of(text.get(..range.start).and_then(|before| before.chars().next_back()));
    let rest = text.get(range.start..).unwrap_or("").char_indices().map(|(i, c)| (range.start + i, Some(c)));
    // The character at `range.end` decides whether a word ends there.
    let through_end = rest.chain([(text.len(), None)]).take_while(|&(offset, _)| offset <= range.end);
    for (offset, c) in through_end {
        let current = Class::of(c);
        let word_after_mark = previous == Class::Mark && current == Class::Word;
        let mark_after_word = previous == Class::Word && current == Class::Mark;
        if current != Class::Space && (previous == Class::Space || word_after_mark) && offset < range.end {
            starts.push(offset);
        }
        if previous != Class::Space && (current == Class::Space || mark_after_word) && offset > range.start {
            ends.push(offset);
        }
        previous = current;
    }
    (starts, ends)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Whitespace, and the ends of the text.
    Space,
    /// Letters and digits.
    Word,
    /// Anything else: punctuation and symbols.
    Mark,
}

impl Class {
    fn of(c: Option<char>) -> Self {
        match c {
            Some(c) if c.is_alphanumeric() => Self::Word,
            Some(c) if !c.is_whitespace() => Self::Mark,
            _ => Self::Space,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Kim (Min-jun) said: 북한은 fired. Done";

    #[test]
    fn boundaries_inside_a_range_know_the_text_around_it() {
        let whole = Island::new(TEXT, 0..TEXT.len(), &Quote::new("x"), &[], &[]);
        assert_eq!(whole.starts, [0, 4, 5, 9, 14, 20, 30, 37]);
        assert_eq!(whole.ends, [3, 8, 12, 13, 18, 19, 29, 35, 36, 41]);
        // Cut inside "Min" and inside "fired": no boundary at the cuts, the ones inside stay.
        let part = Island::new(TEXT, 6..33, &Quote::new("x"), &[7], &[33]);
        assert_eq!(part.starts, [7, 9, 14, 20, 30]);
        assert_eq!(part.ends, [8, 12, 13, 18, 19, 29, 33]);
    }

    #[test]
    fn counts_are_in_characters_and_only_inside() {
        let quote = Quote::new("북한은 fired");
        let island = Island::new(TEXT, 20..35, &quote, &[], &[]);
        assert_eq!(island.chars_in(&(20..29)), Some(3));
        assert_eq!(island.chars_in(&(20..35)), Some(9));
        assert_eq!(island.chars_in(&(19..29)), None);
        assert_eq!(island.chars_in(&(20..36)), None);
        assert_eq!(island.estimate(&(20..35), &quote), Some(1.0));
        assert!(island.fits(&(20..35), &quote) && !island.fits(&(20..29), &quote) && !island.fits(&(25..25), &quote));
    }

    #[test]
    fn nudges_move_one_end_to_the_next_boundary() {
        let island = Island::new(TEXT, 0..TEXT.len(), &Quote::new("x"), &[], &[]);
        assert_eq!(island.nudges(&(5..12)), [4..12, 9..12, 5..8, 5..13]);
    }
}
