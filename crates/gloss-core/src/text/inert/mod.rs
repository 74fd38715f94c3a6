//! Untrusted text made inert, one policy per kind of output: what each character may become.
//!
//! Article text, file names and notes come from the web and from other people. Every output
//! gloss writes passes them through exactly one of these policies (the README lists them):
//!
//! | output | module | what happens |
//! |---|---|---|
//! | a terminal (the reader, `gloss list`, `gloss entities`, every message) | [`terminal`] | controls shown as pictures (`␛`), C1 controls, bidirectional controls and invisible characters as `�`, emoji sequences and flags drawn in a form every terminal gives the same width |
//! | JSON (`--format json`, the JSON and W3C exports) | [`json`] | exact; C0 as JSON requires, and DEL, C1, bidi, line separators, zero-width and other invisible characters as `\uXXXX` |
//! | CSV | [`csv`] | exact, except controls (no CSV escape exists for them) and bidi overrides as pictures; a cell that a spreadsheet would run as a formula starts with `'` |
//! | Markdown | [`markdown`] | markup escaped so the text shows as written; controls, bidi and invisible characters as pictures and `�` |

pub mod csv;
pub mod json;
pub mod markdown;
pub mod terminal;

/// What kind of character, for the outputs that must treat it specially.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Shown as itself everywhere.
    Plain,
    /// `\n` and `\r`.
    LineBreak,
    Tab,
    /// The other C0 controls (ESC, BEL, NUL, …) and DEL.
    Control,
    /// U+0080–U+009F: C1 controls (U+009B is a CSI on some terminals).
    C1,
    /// Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder text.
    BidiOverride,
    /// Directional marks (LRM, RLM, ALM): invisible, they nudge neutral characters.
    BidiMark,
    /// U+2028 and U+2029.
    Separator,
    /// Zero-width joiner and non-joiner: real work in Persian, Indic scripts and emoji.
    Joiner,
    /// Variation selectors: a presentation choice for the character before.
    Variation,
    /// Tag characters U+E0000–U+E007F: real work only in emoji tag sequences (subdivision flags).
    Tag,
    /// The soft hyphen: invisible unless a line breaks there.
    SoftHyphen,
    /// Characters that show as nothing: zero-width space, word joiner, invisible operators,
    /// deprecated format controls, a byte-order mark inside text, Hangul fillers, …
    Invisible,
}

/// The class of `c` (`const`, so that fast paths can check at compile time that they agree).
pub const fn class(c: char) -> Class {
    match c {
        '\n' | '\r' => Class::LineBreak,
        '\t' => Class::Tab,
        '\u{0}'..='\u{1f}' | '\u{7f}' => Class::Control,
        '\u{80}'..='\u{9f}' => Class::C1,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Class::BidiOverride,
        '\u{200e}' | '\u{200f}' | '\u{061c}' => Class::BidiMark,
        '\u{2028}' | '\u{2029}' => Class::Separator,
        '\u{200c}' | '\u{200d}' => Class::Joiner,
        '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}' | '\u{180b}'..='\u{180d}' | '\u{180f}' => Class::Variation,
        '\u{e0000}'..='\u{e007f}' => Class::Tag,
        '\u{ad}' => Class::SoftHyphen,
        '\u{200b}'
        | '\u{2060}'..='\u{2065}'
        | '\u{206a}'..='\u{206f}'
        | '\u{feff}'
        | '\u{034f}'
        | '\u{115f}'
        | '\u{1160}'
        | '\u{17b4}'
        | '\u{17b5}'
        | '\u{180e}'
        | '\u{3164}'
        | '\u{ffa0}'
        | '\u{fff9}'..='\u{fffb}'
        | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}' => Class::Invisible,
        _ => Class::Plain,
    }
}

/// The visible picture of a C0 control or DEL (`␛` for ESC, `␇` for BEL, `␡` for DEL).
pub fn control_picture(c: char) -> char {
    match c {
        '\u{7f}' => '\u{2421}',
        c if c < ' ' => char::from_u32(0x2400 + c as u32).unwrap_or(PLACEHOLDER),
        _ => PLACEHOLDER,
    }
}

/// What stands for a character that must not be written as itself and has no picture.
pub const PLACEHOLDER: char = '\u{fffd}';

/// Whether a joiner between `before` and `after` does the work it exists for: shaping letters
/// of a script that needs it, or joining emoji. Between ASCII, spaces or nothing it only hides.
pub fn joiner_in_context(before: Option<char>, after: Option<char>) -> bool {
    // A presentation selector may sit between an emoji and the joiner (🏳️‍🌈).
    let joinable = |c: Option<char>| {
        c.is_some_and(|c| !c.is_ascii() && matches!(class(c), Class::Plain | Class::Variation) && !c.is_whitespace())
    };
    joinable(before) && joinable(after)
}

/// What is around a character, for the characters whose meaning depends on it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Around {
    pub before: Option<char>,
    pub after: Option<char>,
    /// After a black flag and tag characters only: a subdivision flag (🏴 + tags).
    pub in_tag_sequence: bool,
}

/// Calls `each` with every character of `text[span]` and what is around it in `text`.
pub fn walk(text: &str, span: &std::ops::Range<usize>, mut each: impl FnMut(char, Around)) {
    walk_stretches(
        text,
        span,
        |_, _| false,
        |step| {
            if let Step::Char(c, around) = step {
                each(c, around);
            }
        },
    );
}

/// What [`walk_stretches`] hands on: a stretch to write as it is, or one character.
#[derive(Debug, Clone, Copy)]
pub enum Step<'t> {
    AsIs(&'t str),
    Char(char, Around),
}

/// As [`walk`], but hands each longest stretch of ASCII bytes that `as_is(offset, byte)`
/// accepts on whole instead of a character at a time: for outputs that write most text as it
/// is. `as_is` must accept only characters whose output needs nothing around them; ASCII is
/// never a tag nor a black flag, so a stretch of it ends any tag sequence.
pub fn walk_stretches(
    text: &str,
    span: &std::ops::Range<usize>,
    as_is: impl Fn(usize, u8) -> bool,
    mut each: impl FnMut(Step<'_>),
) {
    let Some(slice) = text.get(span.clone()) else { return };
    let head = &text[..span.start];
    let mut before = head.chars().next_back();
    let mut in_tag_sequence = head.trim_end_matches(|c| class(c) == Class::Tag).ends_with(BLACK_FLAG);
    let bytes = slice.as_bytes();
    let mut at = 0;
    while let Some(c) = slice[at..].chars().next() {
        let stretch = bytes[at..]
            .iter()
            .zip(span.start + at..)
            .take_while(|&(&b, offset)| b.is_ascii() && as_is(offset, b))
            .count();
        if stretch > 0 {
            each(Step::AsIs(&slice[at..at + stretch]));
            at += stretch;
            before = Some(char::from(bytes[at - 1]));
            in_tag_sequence = false;
            continue;
        }
        let next = at + c.len_utf8();
        let after = slice[next..].chars().next().or_else(|| text[span.end..].chars().next());
        each(Step::Char(c, Around { before, after, in_tag_sequence }));
        in_tag_sequence = c == BLACK_FLAG || (in_tag_sequence && class(c) == Class::Tag);
        before = Some(c);
        at = next;
    }
}

/// How many bytes at the start of `bytes` `accept` takes, for a policy's test of the ASCII it
/// writes as it is. Most text is such ASCII, so it is checked sixteen bytes at a time: with a
/// test made of comparisons, the compiler checks a chunk in a few vector instructions.
pub fn ascii_run(bytes: &[u8], accept: impl Fn(u8) -> bool) -> usize {
    const CHUNK: usize = 16;
    let mut run = 0;
    for chunk in bytes.chunks_exact(CHUNK) {
        if !chunk.iter().fold(true, |all, &byte| all & accept(byte)) {
            break;
        }
        run += CHUNK;
    }
    run + bytes[run..].iter().position(|&byte| !accept(byte)).unwrap_or(bytes.len() - run)
}

/// 🏴, which tag characters after it make a subdivision flag.
const BLACK_FLAG: char = '\u{1f3f4}';

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// What a walk reports: a stretch whole, or a character with what is around it.
    #[derive(Debug, PartialEq)]
    enum Seen {
        Run(String),
        Char(char, Option<char>, Option<char>, bool),
    }

    /// `walk` as it was before stretches, a character at a time: the reference.
    fn walk_per_character(text: &str, span: &std::ops::Range<usize>) -> Vec<Seen> {
        let mut steps = Vec::new();
        let Some(slice) = text.get(span.clone()) else { return steps };
        let head = &text[..span.start];
        let mut before = head.chars().next_back();
        let mut in_tag_sequence = head.trim_end_matches(|c| class(c) == Class::Tag).ends_with(BLACK_FLAG);
        let mut chars = slice.chars().peekable();
        while let Some(c) = chars.next() {
            let after = chars.peek().copied().or_else(|| text[span.end..].chars().next());
            steps.push(Seen::Char(c, before, after, in_tag_sequence));
            in_tag_sequence = c == BLACK_FLAG || (in_tag_sequence && class(c) == Class::Tag);
            before = Some(c);
        }
        steps
    }

    fn steps(text: &str, span: &std::ops::Range<usize>, as_is: impl Fn(usize, u8) -> bool) -> Vec<Seen> {
        let mut steps = Vec::new();
        walk_stretches(text, span, as_is, |step| {
            steps.push(match step {
                Step::AsIs(run) => Seen::Run(run.to_owned()),
                Step::Char(c, a) => Seen::Char(c, a.before, a.after, a.in_tag_sequence),
            });
        });
        steps
    }

    /// The characters walked, each with what was around it unless it came in a stretch.
    fn flattened(walked: Vec<Seen>) -> Vec<(char, Option<Seen>)> {
        walked
            .into_iter()
            .flat_map(|step| match step {
                Seen::Run(run) => run.chars().map(|c| (c, None)).collect::<Vec<_>>(),
                Seen::Char(c, ..) => vec![(c, Some(step))],
            })
            .collect()
    }

    fn tricky_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "[ -~]{0,12}",
            "[\\u{1f3f4}\\u{e0041}-\\u{e0043}\\u{e007f}\\u{200d}\\u{fe0f}👨é日\\u{202e}\\u{1b}]{1,4}"
        ];
        prop::collection::vec(piece, 0..8).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn stretches_walk_as_characters_do(text in tricky_text(), from in 0usize..40, to in 0usize..40) {
            let (from, to) = (from.min(to).min(text.len()), from.max(to).min(text.len()));
            prop_assume!(text.is_char_boundary(from) && text.is_char_boundary(to));
            let span = from..to;
            let reference = walk_per_character(&text, &span);
            prop_assert_eq!(&steps(&text, &span, |_, _| false), &reference);
            let letters = |_, b: u8| b.is_ascii_alphanumeric();
            let walked = flattened(steps(&text, &span, letters));
            prop_assert_eq!(walked.len(), reference.len());
            for ((c, step), expected) in walked.into_iter().zip(reference) {
                match step {
                    None => prop_assert!(c.is_ascii_alphanumeric() && matches!(expected, Seen::Char(e, ..) if e == c)),
                    Some(step) => prop_assert!(!c.is_ascii_alphanumeric() && step == expected),
                }
            }
        }
    }

    #[test]
    fn every_dangerous_character_has_a_class() {
        for c in ['\u{1b}', '\u{7}', '\u{0}', '\u{7f}'] {
            assert_eq!(class(c), Class::Control, "{c:?}");
        }
        assert_eq!(class('\u{9b}'), Class::C1);
        for c in
            ['\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}']
        {
            assert_eq!(class(c), Class::BidiOverride, "{c:?}");
        }
        for c in ['\u{200e}', '\u{200f}', '\u{61c}'] {
            assert_eq!(class(c), Class::BidiMark, "{c:?}");
        }
        for c in ['\u{200b}', '\u{2060}', '\u{feff}', '\u{3164}'] {
            assert_eq!(class(c), Class::Invisible, "{c:?}");
        }
        assert_eq!(class('\u{e0041}'), Class::Tag);
        assert_eq!(class('é'), Class::Plain);
    }

    #[test]
    fn pictures_for_controls() {
        assert_eq!(control_picture('\u{1b}'), '␛');
        assert_eq!(control_picture('\u{7}'), '␇');
        assert_eq!(control_picture('\u{7f}'), '␡');
    }

    #[test]
    fn joiners_work_between_letters_of_other_scripts_and_emoji_only() {
        assert!(joiner_in_context(Some('ی'), Some('ه')));
        assert!(joiner_in_context(Some('👨'), Some('👩')));
        assert!(!joiner_in_context(Some('a'), Some('b')));
        assert!(!joiner_in_context(None, Some('👩')));
        assert!(!joiner_in_context(Some('👨'), Some(' ')));
    }
}
