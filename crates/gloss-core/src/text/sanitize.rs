//! Article text is untrusted: map every character that could steer a terminal to a visible stand-in.

use std::borrow::Cow;

/// How one character of article text is shown on a terminal.
///
/// Returns `None` for characters that are shown as nothing at all (a byte-order mark), and a
/// visible stand-in for control characters, so that no escape sequence, bell, carriage return or
/// bidirectional override from an article ever reaches the terminal. Every other character is
/// returned unchanged. Newlines are the caller's business: layout handles them before this.
pub fn display_char(c: char) -> Option<char> {
    match c {
        '\u{feff}' => None,
        '\t' => Some(' '),
        // C0 controls and DEL have their own visible pictures (␛, ␍, ␇, …).
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        // C1 controls, bidirectional embeddings, overrides and isolates, and other format
        // characters that can reorder or hide text.
        '\u{80}'..='\u{9f}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{206a}'..='\u{206f}' => Some('\u{fffd}'),
        _ => Some(c),
    }
}

/// Article text made safe for one line of terminal output (`gloss list`, titles, hints): line
/// breaks and tabs become spaces, controls their visible stand-ins.
pub fn sanitize_inline(text: &str) -> Cow<'_, str> {
    let clean = |c: char| matches!(display_char(c), Some(d) if d == c) && c != '\n' && c != '\r';
    if text.chars().all(clean) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.extend(display_char(c)),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_never_survive() {
        let hostile = "Title\u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}31m\u{202e}evil";
        let safe = sanitize_inline(hostile);
        assert!(!safe.chars().any(char::is_control), "{safe:?}");
        assert!(!safe.contains('\u{202e}'));
        assert!(safe.starts_with("Title\u{241b}[2J"));
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(sanitize_inline("Kim Jong-un’s visit"), Cow::Borrowed(_)));
    }

    #[test]
    fn line_breaks_become_spaces() {
        assert_eq!(sanitize_inline("a\r\nb\tc"), "a  b c");
    }

    #[test]
    fn byte_order_mark_is_invisible() {
        assert_eq!(display_char('\u{feff}'), None);
        assert_eq!(sanitize_inline("\u{feff}Hello"), "Hello");
    }
}
