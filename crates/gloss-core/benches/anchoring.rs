//! Placing claims again on long edited articles (1 MB and 10 MB): edits far from the claims,
//! edits inside them, their sentences deleted, and the worst single claim we could think of.
//! Figures go in BENCHMARKS.md under "Anchoring".

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use gloss_core::annotations::anchoring::{Placement, place};
use gloss_core::annotations::claim::Anchor;
use gloss_core::corpus::SEEDS;
use gloss_core::text::{Span, paragraphs, sentences};

/// Claims placed per article.
const CLAIMS: usize = 100;

/// News-like text of about `bytes`: sentences of seed words in a random order, so that no
/// sentence repeats (a repeated text would make every quote ambiguous).
fn article(bytes: usize) -> String {
    let words: Vec<&str> = SEEDS.iter().flat_map(|(_, text)| text.split_whitespace()).collect();
    let mut state = 0x2545_F491_4F6C_DD1D_u64;
    let mut next = |below: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % below as u64).expect("below fits")
    };
    let mut text = String::with_capacity(bytes + 1024);
    while text.len() < bytes {
        for _ in 0..3 + next(4) {
            let length = 12 + next(20);
            let sentence: Vec<&str> = (0..length).map(|_| words[next(words.len())]).collect();
            let sentence = sentence.join(" ").replace(['.', '?', '!'], "");
            text.push_str(&sentence);
            text.push_str(". ");
        }
        text.push_str("\n\n");
    }
    text
}

/// Anchors of `CLAIMS` sentences spread evenly over `text`.
fn claims(text: &str, spans: &[Span]) -> Vec<Anchor> {
    let step = (spans.len() / CLAIMS).max(1);
    spans.iter().step_by(step).take(CLAIMS).map(|span| Anchor::of(text, span)).collect()
}

/// `text` with `edit` applied to every claim's quote, from the last one back.
fn edit_claims(text: &str, anchors: &[Anchor], edit: impl Fn(&str) -> String) -> String {
    let mut edited = text.to_owned();
    for anchor in anchors.iter().rev() {
        edited.replace_range(anchor.span(), &edit(&anchor.quote));
    }
    edited
}

/// Changes the quote's third word, as a correction of a figure or a name would.
fn change_a_word(quote: &str) -> String {
    let mut words: Vec<&str> = quote.split(' ').collect();
    if let Some(word) = words.get_mut(2) {
        *word = "(corrected)";
    }
    words.join(" ")
}

fn scenarios(c: &mut Criterion) {
    let mut group = c.benchmark_group("anchoring: place 100 claims");
    group.sample_size(10);
    for (label, bytes) in [("1 MB", 1 << 20), ("10 MB", 10 << 20)] {
        let text = article(bytes);
        let anchors = claims(&text, &sentences(&text, &paragraphs(&text)));
        let inserted = format!("An editor's note was added at the top of the article.\n\n{text}");
        let edited = edit_claims(&text, &anchors, change_a_word);
        let deleted = edit_claims(&text, &anchors, |_| String::new());
        // Claims placed (not orphaned) in each scenario: the bench measures what it says.
        for (scenario, new_text, expected) in [
            ("unchanged", &text, CLAIMS..=CLAIMS),
            ("paragraph inserted at the top", &inserted, CLAIMS..=CLAIMS),
            ("a word changed in each claim", &edited, CLAIMS * 9 / 10..=CLAIMS),
            ("each claim's sentence deleted", &deleted, 0..=0),
        ] {
            let spans = sentences(new_text, &paragraphs(new_text));
            let placed =
                || anchors.iter().filter(|anchor| place(new_text, &spans, anchor) != Placement::Orphaned).count();
            assert!(expected.contains(&placed()), "{scenario}: {} placed", placed());
            group.bench_function(BenchmarkId::new(scenario, label), |b| b.iter(|| black_box(placed())));
        }
    }
    group.finish();
}

/// One claim at its worst: a 10 MB article whose every sentence ends like the quote's
/// surroundings, with a long quote (about 8,000 characters) edited at both ends or a short one
/// deleted; and a quote beside 10 MB of blank space.
fn worst_single_claim(c: &mut Criterion) {
    let mut group = c.benchmark_group("anchoring: one claim, 10 MB");
    group.sample_size(10);
    let filler = "Officials said the figures would be revised, the ministry said. ";
    let mut text = filler.repeat((10 << 20) / filler.len() / 2);
    let middle = text.len() / 2;
    let quote: String = article(8_000).replace("\n\n", " ").trim().to_owned();
    text.insert_str(middle, &quote);
    text.push_str(&filler.repeat((10 << 20) / filler.len() / 2));
    let anchor = Anchor::of(&text, &(middle..middle + quote.len()));
    let inner = &quote[boundary(&quote, 10)..boundary(&quote, quote.len() - 10)];
    let edited_quote = format!("Update: {inner}, officials said.");
    let edited = text.replacen(&quote, &edited_quote, 1);
    let spans = sentences(&edited, &paragraphs(&edited));
    group.bench_function("long quote edited at both ends, look-alike surroundings", |b| {
        b.iter(|| place(black_box(&edited), &spans, &anchor));
    });
    let short = Anchor::of(&text, &(middle..boundary(&text, middle + 200)));
    let short_edited = text.replacen(&short.quote, "A different sentence entirely.", 1);
    let spans = sentences(&short_edited, &paragraphs(&short_edited));
    group.bench_function("quote deleted, look-alike surroundings", |b| {
        b.iter(|| place(black_box(&short_edited), &spans, &short));
    });
    let sentence = "North Korea fired a short-range ballistic missile into the sea off its east coast on Tuesday.";
    let blank = format!("Seoul, April 1 — {sentence}{}The military said.", " ".repeat(10 << 20));
    let start = blank.find(sentence).expect("the sentence is in the text");
    let anchor = Anchor::of(&blank, &(start..start + sentence.len()));
    let edited = blank.replacen("short-range", "medium-range", 1);
    // Sentences by hand: UAX #29 (unicode-segmentation) takes quadratic time over a long run of
    // spaces, which would measure the splitter, not placement.
    let said = edited.len() - "The military said.".len();
    let spans = [19..edited.find("Tuesday.").expect("the sentence") + 8, said..edited.len()];
    assert!(matches!(place(&edited, &spans, &anchor), Placement::Fuzzy { .. }));
    group.bench_function("quote edited, 10 MB of blank space after it", |b| {
        b.iter(|| place(black_box(&edited), &spans, &anchor));
    });
    group.finish();
}

/// The first character boundary of `text` at or after `at`.
fn boundary(text: &str, at: usize) -> usize {
    (at..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len())
}

criterion_group!(benches, scenarios, worst_single_claim);
criterion_main!(benches);
