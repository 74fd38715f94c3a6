//! Values gloss keeps for showing later (a title, a source) made safe once, when they are read:
//! controls become pictures and bidirectional controls `�`, so no copy of them can steer a
//! terminal. What else a particular output needs is its policy's business ([`super::inert`]).

use std::borrow::Cow;

use super::inert::{Class, PLACEHOLDER, class, control_picture};

/// `text` made one line: line breaks, tabs and line separators become spaces, controls their
/// pictures, C1 and bidirectional controls `�`; a byte-order mark is dropped. Other characters,
/// emoji sequences and joiners among them, are kept for the outputs that can show them.
pub fn sanitize_inline(text: &str) -> Cow<'_, str> {
    let changes = |c: char| {
        c == '\u{feff}'
            || !matches!(
                class(c),
                Class::Plain | Class::Invisible | Class::Joiner | Class::Variation | Class::Tag | Class::SoftHyphen
            )
    };
    if !text.chars().any(changes) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|&c| c != '\u{feff}') {
        match class(c) {
            Class::LineBreak | Class::Tab | Class::Separator => out.push(' '),
            Class::Control => out.push(control_picture(c)),
            Class::C1 | Class::BidiOverride | Class::BidiMark => out.push(PLACEHOLDER),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_never_survive() {
        let safe = sanitize_inline("Title\u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}31m\u{202e}evil");
        assert_eq!(safe, "Title␛[2J␛]0;pwned␇�31m�evil");
    }

    #[test]
    fn plain_text_and_emoji_are_kept() {
        assert!(matches!(sanitize_inline("Kim Jong-un’s visit 👨\u{200d}👩"), Cow::Borrowed(_)));
    }

    #[test]
    fn line_breaks_become_spaces() {
        assert_eq!(sanitize_inline("a\r\nb\tc\u{2028}d"), "a  b c d");
    }

    #[test]
    fn byte_order_mark_is_invisible() {
        assert_eq!(sanitize_inline("\u{feff}Hello"), "Hello");
    }
}
