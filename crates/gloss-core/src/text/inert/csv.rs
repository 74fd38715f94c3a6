//! CSV cells that keep untrusted text exact where CSV can hold it: controls (CSV has no escape
//! for them) and bidirectional overrides become pictures, and a cell a spreadsheet would run
//! as a formula is made text with a leading `'` (OWASP's rule for CSV injection).

use std::borrow::Cow;

use super::{Class, PLACEHOLDER, class, control_picture};

/// What a spreadsheet reads as the start of a formula (or of a DDE call, through tab and CR).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `text` as a CSV cell's content (the CSV writer adds the quoting).
pub fn cell(text: &str) -> Cow<'_, str> {
    let inert = |c: char| !matches!(class(c), Class::Control | Class::C1 | Class::BidiOverride);
    let formula = text.starts_with(FORMULA_STARTS) || text.trim_start().starts_with(FORMULA_STARTS);
    if !formula && text.chars().all(inert) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
