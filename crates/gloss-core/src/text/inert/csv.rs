//! CSV cells that keep untrusted text exact where CSV can hold it: controls (CSV has no escape
//! for them) and bidirectional overrides become pictures, and a cell a spreadsheet would run
//! as a formula is made text with a leading `'` (OWASP's rule for CSV injection).

use std::borrow::Cow;

use super::{Class, PLACEHOLDER, ascii_run, class, control_picture};

/// What a spreadsheet reads as the start of a formula (or of a DDE call, through tab and CR).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `text` as a CSV cell's content (the CSV writer adds the quoting).
pub fn cell(text: &str) -> Cow<'_, str> {
    let formula = text.starts_with(FORMULA_STARTS) || text.trim_start().starts_with(FORMULA_STARTS);
    if !formula && all_inert(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 1);
    if formula {
        out.push('\'');
    }
    for c in text.chars() {
        match class(c) {
            Class::Control => out.push(control_picture(c)),
            Class::C1 | Class::BidiOverride => out.push(PLACEHOLDER),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether a cell keeps `c` as it is.
const fn inert(c: char) -> bool {
    !matches!(class(c), Class::Control | Class::C1 | Class::BidiOverride)
}

/// Whether `byte` is ASCII a cell keeps: the test [`ascii_run`] makes a chunk at a time.
#[expect(clippy::needless_bitwise_bool, reason = "`||` would branch per byte and stop the chunk check vectorising")]
const fn inert_ascii(byte: u8) -> bool {
    // Without branches (`|`, not `||`), so that a chunk is checked in vector instructions.
    (byte.wrapping_sub(b' ') <= b'~' - b' ') | (byte == b'\t') | (byte == b'\n') | (byte == b'\r')
}

// The chunk test and the policy agree on every ASCII character, or this does not compile.
const _: () = {
    let mut byte = 0;
    while byte < 0x80 {
        assert!(inert_ascii(byte) == inert(byte as char));
        byte += 1;
    }
};

/// Whether every character of `text` is [`inert`]: stretches of ASCII a chunk at a time, the
/// other characters one by one.
fn all_inert(text: &str) -> bool {
    let mut at = 0;
    loop {
        at += ascii_run(&text.as_bytes()[at..], inert_ascii);
        match text[at..].chars().next() {
            None => return true,
            Some(c) if inert(c) => at += c.len_utf8(),
            Some(_) => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn the_chunked_check_agrees_with_checking_every_character(
            pieces in prop::collection::vec(prop_oneof![
                "[ -~\t\r\n]{0,40}",
                "[\\u{0}-\\u{1f}\\u{7f}-\\u{a0}\\u{2029}-\\u{202f}\\u{2065}-\\u{206a}]",
                "[é日👨\\u{200f}]{1,3}",
                any::<char>().prop_map(String::from),
            ], 0..12)
        ) {
            let text = pieces.concat();
            prop_assert_eq!(all_inert(&text), text.chars().all(inert));
        }
    }

    #[test]
    fn formulas_become_text() {
        for formula in ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "  =1"] {
            assert_eq!(cell(formula), format!("'{formula}"), "{formula:?}");
        }
        assert_eq!(cell("Seoul said = no"), "Seoul said = no");
    }

    #[test]
    fn controls_and_overrides_become_pictures_and_the_rest_stays_exact() {
        assert_eq!(cell("a\u{1b}]0;x\u{7}\u{9b}\u{202e}b"), "a␛]0;x␇��b");
        let exact = "line one\r\nline two, \"quoted\"\t👨\u{200d}👩 \u{200f}";
        assert!(matches!(cell(exact), Cow::Borrowed(_)));
    }
}
