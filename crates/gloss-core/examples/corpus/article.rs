//! One generated article: a headline, a source and date line in a form gloss's header reader
//! knows, and paragraphs of news-like sentences dense with names.

use rand::RngExt;
use rand::rngs::ChaCha8Rng;
use rand::seq::IndexedRandom;

use super::scripts::{self, Script};
use super::vocabulary::{GLUE, MONTHS, SPEECH, Sort, TITLES, Vocabulary, WEEKDAYS, capitalise};

/// What kind of article to write.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Stop adding paragraphs once the body has this many words…
    pub words: usize,
    /// …or this many bytes, whichever comes first.
    pub bytes: usize,
    /// Paragraphs in Korean, Chinese, Cyrillic or Arabic now and then.
    pub foreign: Option<Script>,
    /// Lines wrapped at 72 columns with blank lines between paragraphs, as e-mailed text is.
    pub hard_wrapped: bool,
    /// A stretch of this many spaces in the middle of a paragraph (a page-layout accident).
    pub blank_stretch: usize,
}

/// The whole text of an article.
pub fn write(rng: &mut ChaCha8Rng, vocabulary: &Vocabulary, shape: Shape) -> String {
    let mut text = headline(rng, vocabulary);
    text.push_str("\n\n");
    text.push_str(&dateline(rng, vocabulary));
    text.push_str("\n\n");
    let mut words = 0;
    let mut paragraphs = 0;
    while words < shape.words && text.len() < shape.bytes {
        let mut paragraph = match shape.foreign {
            Some(script) if paragraphs % 6 == 3 => scripts::paragraph(rng, script),
            _ => english_paragraph(rng, vocabulary, shape.foreign),
        };
        if shape.blank_stretch > 0 && paragraphs == 2 {
            let middle = paragraph.find(". ").map_or(paragraph.len(), |i| i + 1);
            paragraph.insert_str(middle, &" ".repeat(shape.blank_stretch));
        }
        words += paragraph.split_whitespace().count();
        paragraphs += 1;
        if shape.hard_wrapped {
            text.push_str(&hard_wrap(&paragraph, 72));
        } else {
            text.push_str(&paragraph);
        }
        text.push_str("\n\n");
    }
    text.truncate(text.trim_end().len());
    text.push('\n');
    text
}

fn headline(rng: &mut ChaCha8Rng, vocabulary: &Vocabulary) -> String {
    let mut words: Vec<String> = (0..rng.random_range(4..=9)).map(|_| capitalise(vocabulary.word(rng))).collect();
    let at = rng.random_range(0..=words.len());
    words.insert(at, vocabulary.name(rng, Sort::Place));
    words.join(" ")
}

/// A source and date in one of the forms news sites print.
fn dateline(rng: &mut ChaCha8Rng, vocabulary: &Vocabulary) -> String {
    let source = vocabulary.media.choose(rng).cloned().unwrap_or_else(|| "Mondo International".to_owned());
    let (year, month, day) = (rng.random_range(2015..=2025), rng.random_range(1..=12usize), rng.random_range(1..=28));
    let month_name = MONTHS[month - 1];
    match rng.random_range(0..5) {
        0 => format!("{source} Updated on {year}-{month:02}-{day:02}"),
        1 => format!("{source} | {month_name} {day}, {year}"),
        2 => format!("{source} — {day} {} {year}", &month_name[..3]),
        3 => format!("Published on {}. {day}, {year} 10:{:02} KST", &month_name[..3], rng.random_range(0..60)),
        _ => format!("{source} Published {year}/{month:02}/{day:02}"),
    }
}

fn english_paragraph(rng: &mut ChaCha8Rng, vocabulary: &Vocabulary, foreign: Option<Script>) -> String {
    let count = rng.random_range(2..=7);
    let sentences: Vec<String> = (0..count).map(|_| sentence(rng, vocabulary, foreign)).collect();
    sentences.join(" ")
}

/// A few ordinary words, lower case.
fn clause(rng: &mut ChaCha8Rng, vocabulary: &Vocabulary, words: std::ops::RangeInclusive<usize>) -> String {
    let count = rng.random_range(words);
    let mut out: Vec<String> = Vec::with_capacity(count + 2);
    for _ in 0..count {
        if rng.random_bool(0.08) {
            let sort = [Sort::Place, Sort::Organisation, Sort::Person, Sort::Other].choose(rng).copied();
            out.push(vocabulary.name(rng, sort.unwrap_or(Sort::Place)));
        } else {
            out.push(vocabulary.word(rng).to_owned());
        }
    }
    out.join(" ")
}

/// A person's name, now and then followed by the name in its own script.
fn person(rng: &mut ChaCha8Rng, vocabulary: &Vocabulary, foreign: Option<Script>) -> String {
    let name = vocabulary.name(rng, Sort::Person);
    match foreign {
        Some(script) if rng.random_bool(0.2) => format!("{name} ({})", scripts::word(rng, script)),
        _ => name,
    }
}

fn sentence(rng: &mut ChaCha8Rng, vocabulary: &Vocabulary, foreign: Option<Script>) -> String {
    let v = vocabulary;
    match rng.random_range(0..10) {
        0 => format!(
            "{}, {} of the {}, {} on {} that {}.",
            person(rng, v, foreign),
            v.roles.choose(rng).unwrap_or(&"spokesman"),
            v.name(rng, Sort::Organisation),
            SPEECH.choose(rng).unwrap_or(&"said"),
            WEEKDAYS.choose(rng).unwrap_or(&"Monday"),
            clause(rng, v, 6..=16)
        ),
        1 => format!(
            "“{},” {} {}.",
            capitalise(&clause(rng, v, 5..=14)),
            person(rng, v, foreign),
            SPEECH.choose(rng).unwrap_or(&"said")
        ),
        2 => format!("According to {}, {}.", v.name(rng, Sort::Organisation), clause(rng, v, 8..=20)),
        3 => format!(
            "{} {} met {} in {} on {} {}.",
            TITLES.choose(rng).unwrap_or(&"President"),
            person(rng, v, foreign),
            person(rng, v, foreign),
            v.name(rng, Sort::Place),
            MONTHS.choose(rng).unwrap_or(&"May"),
            rng.random_range(1..=28)
        ),
        4 => format!(
            "The {} {} rose {}.{}% in {}, the {} said, up from {} in the U.S. and {}.",
            v.adjectives.choose(rng).unwrap_or(&"new"),
            v.nouns.choose(rng).unwrap_or(&"index"),
            rng.random_range(1..40),
            rng.random_range(0..10),
            rng.random_range(1990..2026),
            v.name(rng, Sort::Organisation),
            rng.random_range(100..9000),
            v.name(rng, Sort::Place)
        ),
        5 => format!(
            "{} and {} {} {}.",
            v.name(rng, Sort::Place),
            v.name(rng, Sort::Place),
            GLUE[0],
            clause(rng, v, 6..=14)
        ),
        6 => format!(
            "{} {} on {}** {}.",
            capitalise(&clause(rng, v, 3..=8)),
            v.name(rng, Sort::Other),
            MONTHS[3],
            clause(rng, v, 3..=8)
        ),
        _ => format!("{}.", capitalise(&clause(rng, v, 8..=24))),
    }
}

/// `text` broken into lines of at most `width` characters at spaces.
fn hard_wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width);
    let mut line = 0;
    for word in text.split(' ') {
        let length = word.chars().count();
        if line > 0 && line + 1 + length > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += length;
    }
    out
}
