//! Text for a terminal: nothing in it can steer the terminal, and every cluster it holds takes
//! the same number of cells in ratatui's count as on the screen, so nothing is left stale.
//!
//! Controls become pictures (`␛`, `␇`), C1 controls, bidirectional controls and invisible
//! characters become `�`, tabs and line separators spaces. Emoji sequences are drawn in the
//! form every terminal agrees on: joiners, presentation selectors and skin-tone modifiers are
//! left out (👨‍👩‍👧 shows as 👨👩👧, 👍🏽 as 👍, ❤️ as ❤) and a flag shows as its two letters
//! (🇰🇷 as KR). Terminals disagree about the width of those sequences; ratatui counts a whole
//! sequence as two cells, and where a terminal draws more, the cells after it go stale.

use std::borrow::Cow;

use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};
use unicode_width::UnicodeWidthStr;

use super::{Around, Class, PLACEHOLDER, class, control_picture, joiner_in_context, walk};
use crate::text::Span;

/// What to do with line breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Breaks {
    /// One line: every line break is a space.
    Spaces,
    /// Messages of several lines: `\n` and `\r\n` end a line; a lone `\r` is shown.
    Kept,
}

/// `text[span]` as drawn, one line of it (line breaks as spaces); the characters around the
/// span decide how joiners and selectors at its edges are shown.
pub fn show(text: &str, span: &Span) -> String {
    let mut out = String::with_capacity(span.len());
    push_range(text, span, Breaks::Spaces, &mut out);
    out
}

/// Untrusted text for one line of terminal output (a title, a name, a status message).
pub fn inline(text: &str) -> Cow<'_, str> {
    if is_plain(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    push_range(text, &(0..text.len()), Breaks::Spaces, &mut out);
    Cow::Owned(out)
}

/// Untrusted text for a message of several lines (an error quoting a file): like [`inline`],
/// but line ends are kept.
pub fn lines(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| c == '\n' || plain_char(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    push_range(text, &(0..text.len()), Breaks::Kept, &mut out);
    Cow::Owned(out)
}

/// The cells `shown` (text as [`show`] or [`inline`] give it) takes: what ratatui counts,
/// grapheme by grapheme, and what a terminal draws.
pub fn width(shown: &str) -> usize {
    if shown.is_ascii() {
        return shown.len();
    }
    shown.graphemes(true).map(cells).sum()
}

/// The cells of `text[span]` once shown.
pub fn span_width(text: &str, span: &Span) -> usize {
    match text.get(span.clone()) {
        Some(slice) if is_plain(slice) => width(slice),
        _ => width(&show(text, span)),
    }
}

/// Untrusted text in one line of at most `columns` cells, cut between clusters, with `…`
/// when it does not fit.
pub fn fit(text: &str, columns: usize) -> String {
    let shown = inline(text);
    if width(&shown) <= columns {
        return shown.into_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for grapheme in shown.graphemes(true) {
        let w = cells(grapheme);
        if used + w + 1 > columns {
            break;
        }
        out.push_str(grapheme);
        used += w;
    }
    if columns > 0 {
        out.push('…');
    }
    out
}

/// The start of the grapheme cluster holding byte `at` of `text` (`text.len()` past the end):
/// where a styled piece of text may begin so that no cluster is split between two pieces and
/// no offset that is not a character boundary (a store edited by hand) hides text.
pub fn cluster_start(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let mut cursor = GraphemeCursor::new(at, text.len(), true);
    match cursor.is_boundary(text, 0) {
        Ok(false) => cursor.prev_boundary(text, 0).ok().flatten().unwrap_or(at),
        _ => at,
    }
}

/// One grapheme's cells, as ratatui counts them. (Ratatui adds a cell for each halfwidth
/// sound mark, which unicode-width already counts; shown text has none, see [`push_plain`].)
fn cells(grapheme: &str) -> usize {
    if grapheme.len() == 1 { 1 } else { grapheme.width() }
}

fn is_plain(text: &str) -> bool {
    text.chars().all(plain_char)
}

/// A character that is shown as itself whatever surrounds it.
fn plain_char(c: char) -> bool {
    class(c) == Class::Plain && !is_redrawn(c)
}

/// Characters that [`push_plain`] may leave out or change.
fn is_redrawn(c: char) -> bool {
    matches!(c, '\u{1f1e6}'..='\u{1f1ff}' | '\u{1f3fb}'..='\u{1f3ff}' | '\u{20e3}' | '\u{ff9e}' | '\u{ff9f}')
}

fn push_range(text: &str, span: &Span, breaks: Breaks, out: &mut String) {
    walk(text, span, |c, around| push_char(c, around, breaks, out));
}

fn push_char(c: char, around: Around, breaks: Breaks, out: &mut String) {
    let Around { before, after, in_tag_sequence } = around;
    match class(c) {
        Class::Plain => push_plain(c, before, out),
        Class::LineBreak => match (breaks, c, after) {
            (Breaks::Spaces, ..) => out.push(' '),
            (Breaks::Kept, '\r', Some('\n')) => {}
            (Breaks::Kept, '\r', _) => out.push(control_picture(c)),
            (Breaks::Kept, ..) => out.push('\n'),
        },
        Class::Tab | Class::Separator => out.push(' '),
        Class::Control => out.push(control_picture(c)),
        Class::Joiner if joiner_in_context(before, after) => {}
        Class::Variation if before.is_some_and(|b| class(b) == Class::Plain) => {}
        Class::Tag if in_tag_sequence => {}
        Class::Invisible if c == '\u{feff}' && before.is_none() => {}
        Class::SoftHyphen => {}
        Class::C1
        | Class::BidiOverride
        | Class::BidiMark
        | Class::Joiner
        | Class::Variation
        | Class::Tag
        | Class::Invisible => out.push(PLACEHOLDER),
    }
}

/// A visible character, with emoji sequences drawn in a form of agreed width.
fn push_plain(c: char, before: Option<char>, out: &mut String) {
    match c {
        // A regional indicator, half of a flag: its letter.
        '\u{1f1e6}'..='\u{1f1ff}' => out.push(char::from_u32('A' as u32 + (c as u32 - 0x1f1e6)).unwrap_or(c)),
        '\u{1f3fb}'..='\u{1f3ff}' if before.is_some_and(is_emoji_base) => {}
        '\u{20e3}' => {}
        // Halfwidth (semi-)voiced sound marks: ratatui counts them twice; their combining
        // forms look the same on the katakana before them and are counted once.
        '\u{ff9e}' => out.push('\u{3099}'),
        '\u{ff9f}' => out.push('\u{309a}'),
        _ => out.push(c),
    }
}

/// What a skin-tone modifier can change: a pictograph (roughly; a swatch after anything else
/// is shown as the swatch it is).
fn is_emoji_base(c: char) -> bool {
    c as u32 >= 0x2600 && !matches!(c, '\u{1f3fb}'..='\u{1f3ff}') && class(c) == Class::Plain
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_pictures() {
        let shown = inline("Title\u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}31m\u{202e}evil");
        assert_eq!(shown, "Title␛[2J␛]0;pwned␇�31m�evil");
        assert!(!shown.chars().any(char::is_control));
    }

    #[test]
    fn bidi_and_invisible_characters_are_visible() {
        for c in
            ['\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{200e}', '\u{200f}', '\u{61c}', '\u{200b}', '\u{2060}']
        {
            assert_eq!(inline(&format!("a{c}b")), "a�b", "{c:?}");
        }
        assert_eq!(inline("\u{feff}Hello\u{feff}"), "Hello�");
        assert_eq!(inline("Ja\u{200d}pan"), "Ja�pan");
        assert_eq!(inline("tag\u{e0041}\u{e0042}"), "tag��");
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(inline("Kim Jong-un’s visit 日本"), Cow::Borrowed(_)));
    }

    #[test]
    fn line_breaks_tabs_and_separators_are_spaces_on_one_line() {
        assert_eq!(inline("a\r\nb\tc\u{2028}d\u{2029}e"), "a  b c d e");
    }

    #[test]
    fn messages_keep_their_lines_but_not_a_carriage_return_alone() {
        assert_eq!(lines("one\r\ntwo\nthree\rfake\u{1b}[2J"), "one\ntwo\nthree␍fake␛[2J");
    }

    #[test]
    fn emoji_sequences_are_drawn_in_a_width_terminals_agree_on() {
        assert_eq!(inline("👨\u{200d}👩\u{200d}👧 done"), "👨👩👧 done");
        assert_eq!(inline("🇵🇳 🇰🇷"), "PN KR");
        assert_eq!(inline("👍🏽 ❤\u{fe0f} 1\u{fe0f}\u{20e3}"), "👍 ❤ 1");
        assert_eq!(inline("🏳\u{fe0f}\u{200d}🌈"), "🏳🌈");
        assert_eq!(inline("🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}"), "🏴");
        // Smuggled data in selectors shows: only the first selector after a character is a choice.
        assert_eq!(inline("a\u{fe0f}\u{fe0e}\u{fe0f}"), "a��");
    }

    #[test]
    fn joiners_in_scripts_that_need_them_are_left_out_quietly() {
        assert_eq!(inline("می\u{200c}خواهم"), "میخواهم");
    }

    #[test]
    fn widths_are_what_ratatui_counts() {
        assert_eq!(width("日本"), 4);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width(&inline("👨\u{200d}👩\u{200d}👧")), 6);
        assert_eq!(show("🇵🇳x", &(0..8)), "PN");
        assert_eq!(span_width("🇵🇳x", &(0..8)), 2);
        assert_eq!(width(&inline("ｱﾞ")), 1);
    }

    #[test]
    fn fitting_cuts_between_clusters() {
        assert_eq!(fit("Japan and Korea", 8), "Japan a…");
        assert_eq!(fit("Japan", 8), "Japan");
        assert_eq!(fit("日本と韓国", 6), "日本…");
        assert_eq!(fit("e\u{301}e\u{301}e\u{301}xyz", 4), "e\u{301}e\u{301}e\u{301}…");
        assert_eq!(fit("👨\u{200d}👩\u{200d}👧👨\u{200d}👩\u{200d}👧", 7), "👨👩👧…");
    }

    #[test]
    fn clusters_start_on_boundaries_whatever_the_offset() {
        let text = "한국어 👨\u{200d}👩 e\u{301}";
        assert_eq!(cluster_start(text, 1), 0);
        assert_eq!(cluster_start(text, 3), 3);
        assert_eq!(cluster_start(text, 14), 10);
        assert_eq!(cluster_start(text, text.len() - 1), text.len() - 3);
        assert_eq!(cluster_start(text, 999), text.len());
    }

    #[test]
    fn edges_of_a_span_see_their_neighbours() {
        let text = "👨\u{200d}👩";
        let joiner = 4..7;
        assert_eq!(show(text, &joiner), "");
        assert_eq!(show("a\u{200d}b", &(1..4)), "�");
    }
}
