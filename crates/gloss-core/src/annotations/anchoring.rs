//! Finding a claim's quote again after its article was edited: exactly, by context, then fuzzily.
//!
//! The order matters. The exact quote at its old offset is certain; the exact quote elsewhere is
//! nearly so (several copies are told apart by the text around them); a fuzzy match needs two
//! pieces of evidence, text close to the quote *and* some of its old surroundings still beside it,
//! because a deleted sentence often leaves behind others built on the same template ("North Korea
//! fired …, the military said"). When in doubt the claim is orphaned: an orphan is shown to the
//! analyst, a claim on the wrong sentence is not.

use std::cmp::Reverse;

use rustc_hash::FxHashSet;
use strsim::levenshtein;

use crate::annotations::claim::{Anchor, CONTEXT_CHARS};
use crate::text::Span;

/// Where an anchor's quote is in a text.
#[derive(Debug, Clone, PartialEq)]
pub enum Placement {
    /// The quote is still at `anchor.start..anchor.end`.
    Unchanged,
    /// The exact quote, found elsewhere (the best of several by context, then by distance).
    Moved(Span),
    /// Text close to the quote; `similarity` in 0..=1.
    Fuzzy { span: Span, similarity: f64 },
    /// Nothing good enough: the claim must be kept as an orphan.
    Orphaned,
}

/// Lowest similarity (0..=1) accepted for a fuzzy placement.
///
/// Similarity is normalized Levenshtein, `1 - edits / longer length`, so 0.8 lets a 120-character
/// sentence take ~24 character edits: a changed figure and date, or an inserted phrase, which is
/// what updates and corrections do (one changed number scores ~0.98, three edited phrases ~0.8).
/// Lower, and rewritten sentences that make a different claim pass: "The central bank raised its
/// benchmark rate to 3.75%" against "… kept its benchmark rate unchanged at 3.5%" is 0.73.
/// Similarity alone cannot separate edits from look-alike sentences (two launches reported on
/// the same template score 0.84), which is why a fuzzy placement also needs its context.
pub const MIN_SIMILARITY: f64 = 0.8;

/// Characters of old context that must still agree on one side of a fuzzy candidate.
const CONTEXT_AGREEMENT: usize = 10;
/// Characters of the text that followed (or preceded) the quote that mark a candidate as that
/// neighbour, sitting in the quote's old place after the quote was deleted.
const NEIGHBOUR_CHARS: usize = 12;
/// Tie-break added to the rank for nearness to the old place: too small to prefer a candidate
/// one edit worse.
const NEARNESS_WEIGHT: f64 = 0.001;
/// Most consecutive sentences in one candidate.
const MAX_RUN: usize = 3;
/// Words at each end of a quote that are looked up in the text, and most places used for each.
const END_WORDS: usize = 3;
const MAX_END_PLACES: usize = 16;
/// Lowest share (Dice) of the quote's character pairs worth an edit distance: an edit breaks at
/// most two pairs, so text at [`MIN_SIMILARITY`] still shares over half of them.
const MIN_CHEAP: f64 = 0.5;
/// Edit distances computed per placement: at most `MAX_SCORED` candidates, and at most
/// `CELL_BUDGET` dynamic-programming cells (1–1.5 ns each) in all, so a placement stays under
/// ~3 ms whatever the quote. Only the differing middles are compared, so this binds only for
/// quotes of well over a thousand characters edited near both ends.
const MAX_SCORED: usize = 16;
const CELL_BUDGET: usize = 2_000_000;
/// Boundary nudges tried on the best candidate.
const MAX_REFINE_STEPS: usize = 6;

/// Finds `anchor`'s quote in `text`, whose sentences are `sentences` (ascending, trimmed byte ranges).
///
/// The exact quote elsewhere is `Moved`, unless an edited version of it elsewhere has more of its
/// old surroundings (a statement quoted twice, the claimed copy edited): then that is `Fuzzy`.
///
/// Never panics: offsets past the end or inside a character, and sentence spans that do not fit
/// `text`, are treated as not matching. A quote that is empty or only whitespace is orphaned.
pub fn place(text: &str, sentences: &[Span], anchor: &Anchor) -> Placement {
    if anchor.quote.trim().is_empty() {
        return Placement::Orphaned;
    }
    if text.get(anchor.start..anchor.end) == Some(anchor.quote.as_str()) {
        return Placement::Unchanged;
    }
    match best_occurrence(text, anchor) {
        Some(exact) => moved(text, sentences, anchor, exact),
        None => fuzzy(text, sentences, anchor),
    }
}

/// `Moved` to the exact quote at `exact`, unless that copy has less of the quote's old
/// surroundings than an edited version of the quote elsewhere: a statement quoted twice, the
/// claimed copy edited, must not jump to the other copy.
fn moved(text: &str, sentences: &[Span], anchor: &Anchor, exact: Span) -> Placement {
    let agreement = |span: &Span| {
        let (before, after) = context_agreement(text, span, anchor);
        before + after
    };
    let all_context = anchor.prefix.trim_end().chars().count() + anchor.suffix.trim_start().chars().count();
    if agreement(&exact) >= all_context {
        return Placement::Moved(exact);
    }
    match fuzzy(text, sentences, anchor) {
        Placement::Fuzzy { span, similarity }
            if (span.end <= exact.start || exact.end <= span.start) && agreement(&span) > agreement(&exact) =>
        {
            Placement::Fuzzy { span, similarity }
        }
        _ => Placement::Moved(exact),
    }
}

/// The exact quote where its old context agrees best, then nearest its old place.
fn best_occurrence(text: &str, anchor: &Anchor) -> Option<Span> {
    occurrences(text, &anchor.quote).map(|start| start..start + anchor.quote.len()).max_by_key(|span| {
        let (before, after) = context_agreement(text, span, anchor);
        (before + after, Reverse(span.start.abs_diff(anchor.start)))
    })
}

/// Start of every occurrence of `needle` in `text`, overlapping ones included.
fn occurrences<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let found = from + text.get(from..)?.find(needle)?;
        from = found + text.get(found..)?.chars().next().map_or(1, char::len_utf8);
        Some(found)
    })
}

/// Characters of the anchor's prefix that still end the text before `span`, and of its suffix
/// that still start the text after it; whitespace next to the span is ignored.
fn context_agreement(text: &str, span: &Span, anchor: &Anchor) -> (usize, usize) {
    let before = text.get(..span.start).unwrap_or("").trim_end();
    let after = text.get(span.end..).unwrap_or("").trim_start();
    let before = before.chars().rev().zip(anchor.prefix.trim_end().chars().rev()).take_while(|(a, b)| a == b).count();
    let after = after.chars().zip(anchor.suffix.trim_start().chars()).take_while(|(a, b)| a == b).count();
    (before, after)
}

/// Whether at least one side of `span` still has the anchor's old surroundings. An empty side
/// (the quote began or ended the text) agrees only with an empty side.
fn context_supports(text: &str, span: &Span, anchor: &Anchor) -> bool {
    let (before, after) = context_agreement(text, span, anchor);
    let text_before = text.get(..span.start).unwrap_or("").trim_end();
    let text_after = text.get(span.end..).unwrap_or("").trim_start();
    side_agrees(before, text_before.is_empty(), anchor.prefix.trim_end())
        || side_agrees(after, text_after.is_empty(), anchor.suffix.trim_start())
}

fn side_agrees(agreeing: usize, text_side_empty: bool, context: &str) -> bool {
    if context.is_empty() { text_side_empty } else { agreeing >= CONTEXT_AGREEMENT.min(context.chars().count()) }
}

/// Whether `candidate` is the text that used to follow (or precede) the quote: after a deletion
/// it sits where the quote was, with half the old context, and may resemble the quote.
fn is_neighbour(candidate: &str, quote: &str, anchor: &Anchor) -> bool {
    let length = NEIGHBOUR_CHARS.min(quote.chars().count());
    let follows = first_chars(anchor.suffix.trim_start(), length);
    let precedes = last_chars(anchor.prefix.trim_end(), length);
    let enough = |context: &str| length > 0 && context.chars().count() == length;
    (enough(follows) && candidate.starts_with(follows) && !quote.starts_with(follows))
        || (enough(precedes) && candidate.ends_with(precedes) && !quote.ends_with(precedes))
}

fn first_chars(text: &str, count: usize) -> &str {
    text.char_indices().nth(count).map_or(text, |(i, _)| &text[..i])
}

fn last_chars(text: &str, count: usize) -> &str {
    match count.checked_sub(1) {
        Some(n) => text.char_indices().rev().nth(n).map_or(text, |(i, _)| &text[i..]),
        None => "",
    }
}

/// `a / b`; the counts here are far below 2^52, so the conversion is exact.
#[allow(clippy::cast_precision_loss)]
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The fuzzy stage: candidates by cheap score, the best few by edit distance, the best one nudged.
fn fuzzy(text: &str, sentences: &[Span], anchor: &Anchor) -> Placement {
    let quote = Quote::new(&anchor.quote);
    let index = Index::new(text, &quote);
    let mut budget = Budget::default();
    let best = index
        .candidates(sentences, &quote, anchor)
        .into_iter()
        .take(MAX_SCORED)
        .filter_map(|span| index.score(span, &quote, anchor, &mut budget))
        .max_by(|a, b| a.rank.total_cmp(&b.rank));
    // The threshold applies to the best-aligned span only: a runner-up that clears it by
    // leaving out part of the edited text is not a better answer.
    match best.map(|best| index.refine(best, &quote, anchor, &mut budget)) {
        Some(best) if best.similarity >= MIN_SIMILARITY => {
            Placement::Fuzzy { span: best.span, similarity: best.similarity }
        }
        _ => Placement::Orphaned,
    }
}

/// The quote, trimmed, and what the fuzzy stage needs to know about it.
struct Quote<'a> {
    text: &'a str,
    chars: usize,
    pairs: Pairs,
}

impl<'a> Quote<'a> {
    fn new(quote: &'a str) -> Self {
        let text = quote.trim();
        Self { text, chars: text.chars().count(), pairs: Pairs::of(text) }
    }

    /// Whether a candidate of `chars` characters could reach [`MIN_SIMILARITY`]: the length
    /// difference alone costs that many edits, so `shorter / longer` bounds the similarity.
    /// (This is tighter than any fixed 0.6x–1.6x window and loses nothing.)
    fn too_short(&self, chars: usize) -> bool {
        chars < self.chars && ratio(chars, self.chars) < MIN_SIMILARITY
    }

    fn too_long(&self, chars: usize) -> bool {
        chars > self.chars && ratio(self.chars, chars) < MIN_SIMILARITY
    }
}

/// Levenshtein distance between `a` and `b` in characters, computed on what is left between
/// their common start and end: the same distance, but an edit or two in a long quote costs no
/// more than in a short one. `None` if `budget` does not allow the rest.
fn edit_distance(a: &str, b: &str, budget: Option<&mut Budget>) -> Option<usize> {
    let same_start: usize = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).map(|(x, _)| x.len_utf8()).sum();
    let (a, b) = (a.get(same_start..).unwrap_or(""), b.get(same_start..).unwrap_or(""));
    let same_end: usize =
        a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).map(|(x, _)| x.len_utf8()).sum();
    let a = a.get(..a.len() - same_end).unwrap_or("");
    let b = b.get(..b.len() - same_end).unwrap_or("");
    if let Some(budget) = budget
        && !budget.allows(a.chars().count(), b.chars().count())
    {
        return None;
    }
    Some(levenshtein(a, b))
}

/// Caps the edit distances computed for one placement.
#[derive(Default)]
struct Budget {
    cells: usize,
}

impl Budget {
    fn allows(&mut self, a_chars: usize, b_chars: usize) -> bool {
        let cells = self.cells.saturating_add(a_chars.saturating_mul(b_chars));
        let allowed = cells <= CELL_BUDGET;
        if allowed {
            self.cells = cells;
        }
        allowed
    }
}

/// A candidate span, its similarity to the quote, and its rank among candidates (see
/// [`Index::score`]).
#[derive(Debug)]
struct Scored {
    span: Span,
    similarity: f64,
    rank: f64,
}

/// The text prepared for one quote: running counts by byte offset, so that the length and cheap
/// score of any span take O(1), and the word boundaries candidates may start and end at.
struct Index<'a> {
    text: &'a str,
    /// Characters before each byte offset (`len + 1` entries).
    chars: Vec<usize>,
    /// Characters before each byte offset whose pair with the next character is in the quote.
    hits: Vec<usize>,
    /// Where words start and end, ascending.
    starts: Vec<usize>,
    ends: Vec<usize>,
    quote_pairs: usize,
}

impl<'a> Index<'a> {
    fn new(text: &'a str, quote: &Quote) -> Self {
        let (chars, hits) = running_counts(text, &quote.pairs);
        let (starts, ends) = boundaries(text);
        Self { text, chars, hits, starts, ends, quote_pairs: quote.chars.saturating_sub(1) }
    }

    fn chars_at(&self, offset: usize) -> usize {
        self.chars.get(offset).or(self.chars.last()).copied().unwrap_or(0)
    }

    fn chars_in(&self, span: &Span) -> usize {
        self.chars_at(span.end).saturating_sub(self.chars_at(span.start))
    }

    fn slice(&self, span: &Span) -> &'a str {
        self.text.get(span.clone()).unwrap_or("")
    }

    /// A cheap estimate of the span's similarity to the quote, for ranking: its share of the
    /// quote's character pairs (generous), times shorter over longer length (a bound on the
    /// similarity). `None` when the share is below [`MIN_CHEAP`].
    fn estimate(&self, span: &Span, quote: &Quote) -> Option<f64> {
        let dice = self.dice(span);
        let chars = self.chars_in(span);
        (dice >= MIN_CHEAP).then(|| dice * ratio(chars.min(quote.chars), chars.max(quote.chars)))
    }

    /// Whether `span` is non-empty and of a length that could match the quote.
    fn fits(&self, span: &Span, quote: &Quote) -> bool {
        let chars = self.chars_in(span);
        span.start < span.end && !quote.too_short(chars) && !quote.too_long(chars)
    }

    /// Dice coefficient of the span's and the quote's character pairs, counting a pair of the
    /// span as shared when the quote has it anywhere.
    fn dice(&self, span: &Span) -> f64 {
        let pairs = self.chars_in(span).saturating_sub(1) + self.quote_pairs;
        ratio(2 * self.shared_in(span), pairs).min(1.0)
    }

    /// Characters of `span` that start a pair the quote has (the last one's pair crosses the end).
    fn shared_in(&self, span: &Span) -> usize {
        let at = |offset: usize| self.hits.get(offset).or(self.hits.last()).copied().unwrap_or(0);
        at(span.end).saturating_sub(at(span.start))
    }
}

/// The character pairs of a quote, as a set of 2^16 hash bits: a pair of the text is looked up
/// for every character, and a rare false positive only makes the cheap score more generous.
struct Pairs(Vec<u64>);

impl Pairs {
    fn of(quote: &str) -> Self {
        let mut bits = vec![0_u64; (1 << 16) / 64];
        for (a, b) in quote.chars().zip(quote.chars().skip(1)) {
            let slot = Self::slot(a, b);
            if let Some(word) = bits.get_mut(slot / 64) {
                *word |= 1 << (slot % 64);
            }
        }
        Self(bits)
    }

    fn contains(&self, a: char, b: char) -> bool {
        let slot = Self::slot(a, b);
        self.0.get(slot / 64).is_some_and(|word| word & (1 << (slot % 64)) != 0)
    }

    /// A 16-bit multiplicative hash of the pair.
    fn slot(a: char, b: char) -> usize {
        let mixed = (u32::from(a).wrapping_mul(0x9E37_79B9) ^ u32::from(b)).wrapping_mul(0x85EB_CA6B);
        (mixed >> 16) as usize
    }
}

/// Characters, and characters starting a pair found in `pairs`, before each byte offset.
fn running_counts(text: &str, pairs: &Pairs) -> (Vec<usize>, Vec<usize>) {
    let mut chars = vec![0; text.len() + 1];
    let mut hits = vec![0; text.len() + 1];
    let (mut seen, mut shared) = (0, 0);
    let mut iter = text.char_indices().peekable();
    while let Some((offset, c)) = iter.next() {
        // Every byte of a character gets the counts before it, so any offset can be looked up.
        for byte in offset..offset + c.len_utf8() {
            chars[byte] = seen;
            hits[byte] = shared;
        }
        seen += 1;
        if iter.peek().is_some_and(|&(_, next)| pairs.contains(c, next)) {
            shared += 1;
        }
    }
    chars[text.len()] = seen;
    hits[text.len()] = shared;
    (chars, hits)
}

/// Where words start and end: at whitespace, and between letters or digits and punctuation,
/// so `(Kim`, `said,` and `U.S.` can be taken with or without their punctuation.
fn boundaries(text: &str) -> (Vec<usize>, Vec<usize>) {
    let (mut starts, mut ends) = (Vec::new(), Vec::new());
    let mut previous = Class::Space;
    for (offset, c) in text.char_indices().map(|(i, c)| (i, Some(c))).chain([(text.len(), None)]) {
        let current = Class::of(c);
        let word_after_mark = previous == Class::Mark && current == Class::Word;
        let mark_after_word = previous == Class::Word && current == Class::Mark;
        if current != Class::Space && (previous == Class::Space || word_after_mark) {
            starts.push(offset);
        }
        if previous != Class::Space && (current == Class::Space || mark_after_word) {
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

/// Candidates.
impl Index<'_> {
    /// Placeable spans that could match the quote, each once: best estimate first, then most
    /// context agreeing, then nearest the old place.
    fn candidates(&self, sentences: &[Span], quote: &Quote, anchor: &Anchor) -> Vec<Span> {
        let sentences: Vec<Span> = sentences.iter().filter_map(|span| trim_span(self.text, span)).collect();
        let mut spans = sentence_runs(&sentences);
        spans.extend(self.end_spans(quote, anchor));
        spans.extend(self.windows(&sentences, anchor));
        let mut seen = FxHashSet::default();
        spans.retain(|span| seen.insert(span.clone()));
        let mut ranked: Vec<(f64, usize, Reverse<usize>, Span)> = spans
            .into_iter()
            .filter(|span| self.fits(span, quote))
            .filter_map(|span| Some((self.estimate(&span, quote)?, span)))
            .filter(|(_, span)| self.placeable(span, quote, anchor))
            .map(|(estimate, span)| {
                let (before, after) = context_agreement(self.text, &span, anchor);
                (estimate, before + after, Reverse(span.start.abs_diff(anchor.start)), span)
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| (b.1, b.2).cmp(&(a.1, a.2))));
        ranked.into_iter().map(|(.., span)| span).collect()
    }

    /// Spans from where the quote's first words are to where its last words are, and spans of
    /// the quote's length from either: these survive edits anywhere but at both ends, and are
    /// the only candidates that cross sentence boundaries in mid-sentence.
    fn end_spans(&self, quote: &Quote, anchor: &Anchor) -> Vec<Span> {
        let Some((head, tail)) = head_and_tail(quote.text) else {
            return Vec::new();
        };
        let heads = nearest_occurrences(self.text, head, anchor.start);
        let tails: Vec<usize> =
            nearest_occurrences(self.text, tail, anchor.end).into_iter().map(|start| start + tail.len()).collect();
        let mut spans: Vec<Span> = heads.iter().flat_map(|&start| tails.iter().map(move |&end| start..end)).collect();
        for &start in &heads {
            let end = self.nearest(&self.ends, self.chars_at(start) + quote.chars, |end| end > start);
            spans.extend(end.map(|end| start..end));
        }
        for &end in &tails {
            let start = self.nearest(&self.starts, self.chars_at(end).saturating_sub(quote.chars), |start| start < end);
            spans.extend(start.map(|start| start..end));
        }
        spans
    }

    /// The boundary in `list` (ascending) nearest `target` characters into the text, among those `keep` allows.
    fn nearest(&self, list: &[usize], target: usize, keep: impl Fn(usize) -> bool) -> Option<usize> {
        let i = list.partition_point(|&boundary| self.chars_at(boundary) < target);
        [i.checked_sub(1), Some(i)]
            .into_iter()
            .flatten()
            .filter_map(|k| list.get(k).copied())
            .filter(|&boundary| keep(boundary))
            .min_by_key(|&boundary| self.chars_at(boundary).abs_diff(target))
    }

    /// Windows inside sentences that start where the old prefix still ends or end where the old
    /// suffix still starts, for quotes that are part of a sentence; no other window could be
    /// placed, and these are few.
    fn windows(&self, sentences: &[Span], anchor: &Anchor) -> Vec<Span> {
        let (after_prefix, before_suffix) = footholds(self.text, anchor);
        let mut windows = Vec::new();
        for sentence in sentences {
            let inside = |&at: &usize| sentence.start <= at && at <= sentence.end;
            for &start in after_prefix.iter().filter(|at| inside(at)) {
                windows.extend(within(&self.ends, sentence).iter().map(|&end| start..end));
            }
            for &end in before_suffix.iter().filter(|at| inside(at)) {
                windows.extend(within(&self.starts, sentence).iter().map(|&start| start..end));
            }
        }
        windows
    }
}

/// The part of `sorted` (ascending offsets) inside `span`, ends included.
fn within<'l>(sorted: &'l [usize], span: &Span) -> &'l [usize] {
    let range = sorted.partition_point(|&at| at < span.start)..sorted.partition_point(|&at| at <= span.end);
    sorted.get(range).unwrap_or(&[])
}

/// Scoring.
impl Index<'_> {
    /// The span's similarity to the quote, and its rank: the similarity of the quote *with its
    /// old context* to the span with the text around it. Similarity alone favours a window cut
    /// short of an insertion (dropping "North Korea fired" beats keeping "what appeared to be"),
    /// the context puts the ends back where they were.
    /// `None` when the budget is spent.
    fn score(&self, span: Span, quote: &Quote, anchor: &Anchor, budget: &mut Budget) -> Option<Scored> {
        let edits = edit_distance(quote.text, self.slice(&span), Some(budget))?;
        let longer = quote.chars.max(self.chars_in(&span));
        // `strsim::normalized_levenshtein`, from the distance we already have.
        let similarity = 1.0 - ratio(edits, longer);
        let (context_edits, context_chars) = self.context_edits(&span, anchor);
        let with_context = 1.0 - ratio(edits + context_edits, longer + context_chars);
        let nearness = 1.0 - ratio(span.start.abs_diff(anchor.start), self.text.len()).min(1.0);
        Some(Scored { rank: with_context + NEARNESS_WEIGHT * nearness, similarity, span })
    }

    /// Edits between the anchor's prefix and suffix and the same length of text around `span`,
    /// and the length of the prefix and suffix.
    fn context_edits(&self, span: &Span, anchor: &Anchor) -> (usize, usize) {
        let (prefix, suffix) = (anchor.prefix.trim_end(), anchor.suffix.trim_start());
        // A short prefix reached back to the start of the text: then all the text now before
        // the span is compared, so that leaving words out of the span costs; so for a suffix.
        let wanted = |context: &str, stored: &str| {
            if stored.chars().count() < CONTEXT_CHARS { CONTEXT_CHARS } else { context.chars().count() }
        };
        let before = last_chars(self.text.get(..span.start).unwrap_or("").trim_end(), wanted(prefix, &anchor.prefix));
        let after = first_chars(self.text.get(span.end..).unwrap_or("").trim_start(), wanted(suffix, &anchor.suffix));
        let edits = |a, b| edit_distance(a, b, None).unwrap_or(0);
        let longer = |a: &str, b: &str| a.chars().count().max(b.chars().count());
        (edits(prefix, before) + edits(suffix, after), longer(prefix, before) + longer(suffix, after))
    }

    /// Whether a fuzzy placement at `span` would have the evidence besides similarity: some of
    /// the old surroundings, and not being the old neighbour left in a deleted quote's place.
    /// Checked before edit distance, which it saves on everywhere else in the text.
    fn placeable(&self, span: &Span, quote: &Quote, anchor: &Anchor) -> bool {
        context_supports(self.text, span, anchor) && !is_neighbour(self.slice(span), quote.text, anchor)
    }

    /// Moves `best`'s ends one word boundary at a time while that ranks better: candidates come
    /// from a cheap score, which is generous about where a span stops.
    fn refine(&self, mut best: Scored, quote: &Quote, anchor: &Anchor, budget: &mut Budget) -> Scored {
        for _ in 0..MAX_REFINE_STEPS {
            let better = self
                .nudges(&best.span)
                .into_iter()
                .filter(|span| self.fits(span, quote) && self.placeable(span, quote, anchor))
                .filter_map(|span| self.score(span, quote, anchor, budget))
                .filter(|scored| scored.rank > best.rank)
                .max_by(|a, b| a.rank.total_cmp(&b.rank));
            match better {
                Some(scored) => best = scored,
                None => break,
            }
        }
        best
    }

    /// `span` with its start or its end moved to the previous or next word boundary.
    fn nudges(&self, span: &Span) -> Vec<Span> {
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

/// Whole sentences and runs of up to [`MAX_RUN`] consecutive ones: a quote that was one or more
/// whole sentences usually still is.
fn sentence_runs(sentences: &[Span]) -> Vec<Span> {
    let mut runs = Vec::new();
    for (i, first) in sentences.iter().enumerate() {
        let lasts = sentences.iter().skip(i).take(MAX_RUN);
        runs.extend(lasts.filter(|last| last.end > first.start).map(|last| first.start..last.end));
    }
    runs
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
    let tokens = token_spans(quote);
    if tokens.len() <= END_WORDS {
        return None;
    }
    let head = quote.get(..tokens.get(END_WORDS - 1)?.end)?;
    let tail = quote.get(tokens.get(tokens.len() - END_WORDS)?.start..)?;
    Some((head, tail))
}

fn token_spans(text: &str) -> Vec<Span> {
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

/// Where a placeable span may start, right after what is left of the anchor's prefix, and
/// where it may end, right before what is left of its suffix (see [`context_supports`]), the
/// [`MAX_END_PLACES`] nearest the old place of each.
fn footholds(text: &str, anchor: &Anchor) -> (Vec<usize>, Vec<usize>) {
    let (prefix, suffix) = (anchor.prefix.trim_end(), anchor.suffix.trim_start());
    let after_prefix = if prefix.is_empty() {
        vec![text.len() - text.trim_start().len()]
    } else {
        let tail = last_chars(prefix, CONTEXT_AGREEMENT);
        let ends = nearest_occurrences(text, tail, anchor.start).into_iter().map(|at| at + tail.len());
        ends.map(|end| end + text.get(end..).map_or(0, |rest| rest.len() - rest.trim_start().len())).collect()
    };
    let before_suffix = if suffix.is_empty() {
        vec![text.trim_end().len()]
    } else {
        let head = first_chars(suffix, CONTEXT_AGREEMENT);
        let starts = nearest_occurrences(text, head, anchor.end);
        starts.into_iter().map(|start| text.get(..start).map_or(start, |before| before.trim_end().len())).collect()
    };
    (after_prefix, before_suffix)
}

/// Where `needle` occurs in `text`, the [`MAX_END_PLACES`] nearest `near`.
fn nearest_occurrences(text: &str, needle: &str, near: usize) -> Vec<usize> {
    let mut found: Vec<usize> = occurrences(text, needle).collect();
    found.sort_by_key(|start| start.abs_diff(near));
    found.truncate(MAX_END_PLACES);
    found
}

#[cfg(test)]
mod tests {
    use strsim::normalized_levenshtein;

    use super::*;
    use crate::text::{paragraphs, sentences};

    const ARTICLE: &str = "North Korea fires ballistic missile toward East Sea\n\n\
        SEOUL — North Korea fired a short-range ballistic missile into the sea off its east coast on Tuesday, \
        South Korea's Joint Chiefs of Staff said. The missile flew about 600 kilometres before splashing down \
        outside Japan's exclusive economic zone, according to the Japanese defence ministry.\n\n\
        It was the third launch this month. Analysts said the timing suggested a response to joint drills by \
        the United States and South Korea, which began on Monday and involve about 12,000 troops.\n\n\
        \"We strongly condemn this reckless act,\" a spokesperson for the presidential office said. Officials \
        in Tokyo said they had lodged a protest through diplomatic channels in Beijing.\n\n\
        The launch came two days after North Korea fired two cruise missiles into the sea off its west coast \
        on Sunday, the South Korean military said.\n";

    const LAUNCH: &str = "North Korea fired a short-range ballistic missile into the sea off its east coast on \
        Tuesday, South Korea's Joint Chiefs of Staff said.";
    const DISTANCE: &str = "The missile flew about 600 kilometres before splashing down outside Japan's exclusive \
        economic zone, according to the Japanese defence ministry.";
    const ANALYSTS: &str = "Analysts said the timing suggested a response to joint drills by the United States \
        and South Korea, which began on Monday and involve about 12,000 troops.";

    fn anchor(text: &str, quote: &str) -> Anchor {
        let start = text.find(quote).expect("the quote is in the text");
        Anchor::of(text, &(start..start + quote.len()))
    }

    fn place_in(text: &str, anchor: &Anchor) -> Placement {
        place(text, &sentences(text, &paragraphs(text)), anchor)
    }

    /// The text a placement points at.
    fn placed<'a>(text: &'a str, placement: &Placement) -> &'a str {
        match placement {
            Placement::Moved(span) | Placement::Fuzzy { span, .. } => &text[span.clone()],
            other => panic!("expected a new place, got {other:?}"),
        }
    }

    fn similarity(placement: &Placement) -> f64 {
        match placement {
            Placement::Fuzzy { similarity, .. } => *similarity,
            other => panic!("expected a fuzzy placement, got {other:?}"),
        }
    }

    #[test]
    fn unchanged_text_leaves_every_sentence_in_place() {
        for sentence in sentences(ARTICLE, &paragraphs(ARTICLE)) {
            let anchor = Anchor::of(ARTICLE, &sentence);
            assert_eq!(place_in(ARTICLE, &anchor), Placement::Unchanged, "{}", anchor.quote);
        }
    }

    #[test]
    fn a_paragraph_inserted_above_moves_the_quote() {
        let anchor = anchor(ARTICLE, ANALYSTS);
        let edited = ARTICLE.replacen(
            "\n\nIt was the third",
            "\n\nThe launch was detected at 7:42 a.m. local time from the Tongchang-ri area.\n\nIt was the third",
            1,
        );
        let start = edited.find(ANALYSTS).unwrap();
        assert_eq!(place_in(&edited, &anchor), Placement::Moved(start..start + ANALYSTS.len()));
    }

    #[test]
    fn text_deleted_above_moves_the_quote() {
        let anchor = anchor(ARTICLE, ANALYSTS);
        let edited = ARTICLE.replacen(&format!("{LAUNCH} "), "", 1);
        let start = edited.find(ANALYSTS).unwrap();
        assert_eq!(place_in(&edited, &anchor), Placement::Moved(start..start + ANALYSTS.len()));
    }

    #[test]
    fn a_repeated_sentence_is_told_apart_by_its_context() {
        let repeated = "The ministry declined to comment.";
        let text = format!(
            "Exports rose 5.1% in March, customs data showed. {repeated} Shipments of chips led the gains.\n\n\
             Imports fell for a second month as energy prices eased. {repeated} Economists expect a rebound.\n"
        );
        let second = text.rfind(repeated).unwrap();
        let first_anchor = anchor(&text, repeated);
        let second_anchor = Anchor::of(&text, &(second..second + repeated.len()));
        // The insertion is longer than half the gap, so the first copy is now nearer the second's
        // old place: only the context can tell them apart.
        let insertion = "Seoul, April 1 (Newswire) — South Korea's trade figures beat forecasts for March.\n\n";
        let edited = format!("{insertion}{text}");
        let (one, two) = (edited.find(repeated).unwrap(), edited.rfind(repeated).unwrap());
        assert!(one.abs_diff(second_anchor.start) < two.abs_diff(second_anchor.start));
        assert_eq!(place_in(&edited, &second_anchor), Placement::Moved(two..two + repeated.len()));
        assert_eq!(place_in(&edited, &first_anchor), Placement::Moved(one..one + repeated.len()));
    }

    #[test]
    fn an_edited_quote_is_not_moved_to_an_identical_copy_elsewhere() {
        let statement = "“We will not tolerate any provocation,” the defence minister told parliament.";
        let text = format!(
            "{LAUNCH} {statement} Markets in Seoul were calm.\n\n\
             Later in the day the ministry repeated the warning. {statement}\n"
        );
        let first = text.find(statement).unwrap();
        let anchor = Anchor::of(&text, &(first..first + statement.len()));
        let edited = text.replacen("defence minister told", "defence minister told a committee of", 1);
        let placement = place_in(&edited, &anchor);
        assert_eq!(placed(&edited, &placement), statement.replace("told", "told a committee of"));
        assert!(matches!(placement, Placement::Fuzzy { span, .. } if span.start == first));

        // With its own place gone, the copy is the only place the claim can be.
        let deleted = text.replacen(&format!("{statement} "), "", 1);
        let copy = deleted.find(statement).unwrap();
        assert_eq!(place_in(&deleted, &anchor), Placement::Moved(copy..copy + statement.len()));
    }

    #[test]
    fn a_changed_number_is_found_fuzzily() {
        let anchor = anchor(ARTICLE, DISTANCE);
        let edited = ARTICLE.replacen("about 600 kilometres", "about 650 kilometres", 1);
        let placement = place_in(&edited, &anchor);
        let found = placed(&edited, &placement);
        assert_eq!(found, DISTANCE.replacen("600", "650", 1));
        assert!((similarity(&placement) - normalized_levenshtein(DISTANCE, found)).abs() < 1e-12);
        assert!(similarity(&placement) > 0.95);
    }

    #[test]
    fn an_inserted_word_is_found_fuzzily() {
        let anchor = anchor(ARTICLE, LAUNCH);
        let edited = ARTICLE.replacen("fired a short-range", "fired what appeared to be a new short-range", 1);
        let placement = place_in(&edited, &anchor);
        assert_eq!(
            placed(&edited, &placement),
            LAUNCH.replacen("a short-range", "what appeared to be a new short-range", 1)
        );
        assert!((MIN_SIMILARITY..0.95).contains(&similarity(&placement)));
    }

    #[test]
    fn edits_right_next_to_the_quote_do_not_lose_it() {
        let anchor = anchor(ARTICLE, DISTANCE);
        let edited = ARTICLE
            .replacen("Joint Chiefs of Staff said.", "military said in a text message to reporters.", 1)
            .replacen("\n\nIt was the third launch", "\n\nIt was the fourth launch", 1);
        let start = edited.find(DISTANCE).unwrap();
        assert_eq!(place_in(&edited, &anchor), Placement::Moved(start..start + DISTANCE.len()));

        // The quote edited too: one side of its context is enough.
        let edited = edited.replacen("about 600", "roughly 600", 1);
        let placement = place_in(&edited, &anchor);
        assert_eq!(placed(&edited, &placement), DISTANCE.replacen("about", "roughly", 1));
    }

    #[test]
    fn part_of_a_sentence_survives_edits_elsewhere_in_it() {
        let part = "a response to joint drills by the United States and South Korea";
        let anchor = anchor(ARTICLE, part);
        let edited = ARTICLE.replacen("Analysts said the timing", "Several analysts in Seoul said the timing", 1);
        let start = edited.find(part).unwrap();
        assert_eq!(place_in(&edited, &anchor), Placement::Moved(start..start + part.len()));

        let edited = edited.replacen("to joint drills", "to annual joint drills", 1);
        let placement = place_in(&edited, &anchor);
        assert_eq!(
            placed(&edited, &placement),
            "a response to annual joint drills by the United States and South Korea"
        );
    }

    #[test]
    fn a_multi_sentence_quote_with_one_sentence_edited() {
        let quote = format!("It was the third launch this month. {ANALYSTS}");
        let anchor = anchor(ARTICLE, &quote);
        let edited = ARTICLE.replacen("12,000 troops", "15,000 troops from both countries", 1);
        let placement = place_in(&edited, &anchor);
        assert_eq!(
            placed(&edited, &placement),
            quote.replacen("12,000 troops", "15,000 troops from both countries", 1)
        );
    }

    #[test]
    fn a_deleted_sentence_is_orphaned_despite_look_alikes() {
        // A look-alike in another paragraph, on the same template: 0.8+ similar to the quote.
        let text = ARTICLE.replacen(
            "on Sunday, the South Korean military said.",
            "on Sunday, the South Korean military said. North Korea fired a short-range ballistic \
             missile into the sea off its west coast on Sunday, South Korea's military said.",
            1,
        );
        let look_alike = "North Korea fired a short-range ballistic missile into the sea off its west coast on \
            Sunday, South Korea's military said.";
        assert!(text.contains(look_alike) && normalized_levenshtein(LAUNCH, look_alike) > MIN_SIMILARITY);
        let anchor = anchor(&text, LAUNCH);
        let edited = text.replacen(&format!("{LAUNCH} "), "", 1);
        assert_eq!(place_in(&edited, &anchor), Placement::Orphaned);
    }

    #[test]
    fn the_neighbour_left_in_a_deleted_sentences_place_is_not_taken_for_it() {
        let text = "Seoul, April 1 — Exports rose 5.1% in March from a year earlier, the ministry said. Imports \
            rose 4.8% in March from a year earlier, the ministry said. The trade surplus widened.\n";
        let quote = "Exports rose 5.1% in March from a year earlier, the ministry said.";
        let anchor = anchor(text, quote);
        let edited = text.replacen(&format!("{quote} "), "", 1);
        let sentence = "Imports rose 4.8% in March from a year earlier, the ministry said.";
        assert!(normalized_levenshtein(quote, sentence) > 0.9);
        assert_eq!(place_in(&edited, &anchor), Placement::Orphaned);
    }

    #[test]
    fn a_rewritten_sentence_is_orphaned_in_its_own_place() {
        let anchor = anchor(ARTICLE, DISTANCE);
        let rewritten = "The missile flew about 1,000 kilometres and landed inside Japan's exclusive economic \
            zone for the first time, the Japanese defence ministry said.";
        assert!((0.65..MIN_SIMILARITY).contains(&normalized_levenshtein(DISTANCE, rewritten)));
        let edited = ARTICLE.replacen(DISTANCE, rewritten, 1);
        assert_eq!(place_in(&edited, &anchor), Placement::Orphaned);
    }

    #[test]
    fn empty_text_and_empty_quotes() {
        let anchor = anchor(ARTICLE, LAUNCH);
        assert_eq!(place("", &[], &anchor), Placement::Orphaned);
        assert_eq!(place("", &[0..0, 3..9], &anchor), Placement::Orphaned);
        let empty = Anchor { start: 0, end: 0, quote: String::new(), prefix: String::new(), suffix: String::new() };
        assert_eq!(place_in(ARTICLE, &empty), Placement::Orphaned);
        assert_eq!(place("", &[], &empty), Placement::Orphaned);
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_character_do_not_panic() {
        let text = "“Nobody won,” said Kim Min-jun. 북한은 화요일 탄도미사일을 발사했다.";
        let quote = "said Kim Min-jun.";
        let start = text.find(quote).unwrap();
        let moved = |start: usize, end: usize| Anchor { start, end, ..anchor(text, quote) };
        let expected = Placement::Moved(start..start + quote.len());
        assert_eq!(place_in(text, &moved(1, 1 + quote.len())), expected); // inside “
        assert_eq!(place_in(text, &moved(500, 600)), expected);
        assert_eq!(place_in(text, &moved(usize::MAX - 1, usize::MAX)), expected);
        assert_eq!(place_in(text, &moved(30, 2)), expected);
        // Every offset pair, and sentence spans that do not fit the text.
        let bad_sentences = [0..1, 1..2, 40..400, Span { start: 9, end: 3 }];
        for start in 0..=text.len() + 1 {
            for end in [start, start + 1, start + 7, text.len() + 3] {
                let anchor =
                    Anchor { start, end, quote: "Kim Min-jun sad".into(), prefix: "x".into(), suffix: "y".into() };
                place(text, &bad_sentences, &anchor);
                place_in(text, &anchor);
            }
        }
    }

    #[test]
    fn curly_quotes_and_korean() {
        let text = "“We will respond sternly,” the ministry said on Tuesday.\n\n\
            북한은 화요일 오전 동해상으로 단거리 탄도미사일 1발을 발사했다고 합동참모본부가 밝혔다. \
            군은 추가 발사에 대비해 감시를 강화하고 있다.\n";
        let korean = "북한은 화요일 오전 동해상으로 단거리 탄도미사일 1발을 발사했다고 합동참모본부가 밝혔다.";
        let anchor_ko = anchor(text, korean);
        let quoted = "“We will respond sternly,” the ministry said on Tuesday.";
        let anchor_quoted = anchor(text, quoted);

        let edited = format!("속보\n\n{text}");
        let start = edited.find(korean).unwrap();
        assert_eq!(place_in(&edited, &anchor_ko), Placement::Moved(start..start + korean.len()));

        let edited = text.replacen("1발을", "2발을", 1).replacen("“We will", "“We shall", 1);
        assert_eq!(placed(&edited, &place_in(&edited, &anchor_ko)), korean.replacen("1발을", "2발을", 1));
        assert_eq!(placed(&edited, &place_in(&edited, &anchor_quoted)), quoted.replacen("will", "shall", 1));

        let edited = text.replacen(&format!("{korean} "), "", 1);
        assert_eq!(place_in(&edited, &anchor_ko), Placement::Orphaned);
    }
}
