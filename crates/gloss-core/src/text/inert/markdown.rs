//! Untrusted text in a Markdown document: shown as written, never as markup, and with nothing
//! a renderer or a terminal `cat`ing the file would obey or hide.

use super::{Around, Class, PLACEHOLDER, Step, class, control_picture, joiner_in_context, walk_stretches};

/// Characters that are markup somewhere in a line (`CommonMark`, GitHub's tables, strikethrough
/// and math): a backslash makes each one itself.
const MARKUP: [char; 12] = ['\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '$'];

/// `text` for one line of a Markdown document: markup escaped (also what would start a list,
/// a heading underline or an HTML entity), line breaks as spaces, controls as pictures and
/// bidirectional controls and invisible characters as `�`.
pub fn escape(text: &str) -> String {
    let text = text.trim_start_matches([' ', '\t']);
    let mut out = String::with_capacity(text.len() + 8);
    let marker = line_start_marker(text);
    let mut at = 0;
    // Most of a line is letters, digits and spaces: written as they are, a stretch at a time.
    let as_is = |offset, byte: u8| AS_IS[usize::from(byte)] && Some(offset) != marker;
    walk_stretches(text, &(0..text.len()), as_is, |step| match step {
        Step::AsIs(stretch) => {
            out.push_str(stretch);
            at += stretch.len();
        }
        Step::Char(c, around) => {
            if MARKUP.contains(&c) || Some(at) == marker || (c == '&' && starts_entity(&text[at..])) {
                out.push('\\');
            }
            push_char(c, around, &mut out);
            at += c.len_utf8();
        }
    });
    out
}

/// The ASCII bytes written as themselves whatever is around them (outside the line-start
/// marker): plain characters that are neither markup nor the start of an entity.
const AS_IS: [bool; 256] = {
    let mut as_is = [false; 256];
    let mut byte: u8 = 0;
    while byte < 0x80 {
        let c = byte as char;
        let mut markup = c == '&';
        let mut i = 0;
        while i < MARKUP.len() {
            markup |= MARKUP[i] == c;
            i += 1;
        }
        as_is[byte as usize] = !markup && matches!(class(c), Class::Plain);
        byte += 1;
    }
    as_is
};

/// Where a character sits that, first on a line, would start a list item or turn the line
/// above into a heading: `-`, `+`, `=`, or the `.` or `)` after a number.
fn line_start_marker(text: &str) -> Option<usize> {
    if text.starts_with(['-', '+', '=']) {
        return Some(0);
    }
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (digits > 0 && text[digits..].starts_with(['.', ')'])).then_some(digits)
}

/// `&name;` or `&#123;`, which a renderer would show as the character it names.
fn starts_entity(text: &str) -> bool {
    let name = text[1..].split(';').next().unwrap_or("");
    text[1..].contains(';')
        && !name.is_empty()
        && name.len() <= 32
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '#')
}

fn push_char(c: char, around: Around, out: &mut String) {
    let Around { before, after, in_tag_sequence } = around;
    match class(c) {
        Class::Plain | Class::SoftHyphen => out.push(c),
        Class::LineBreak | Class::Tab | Class::Separator => out.push(' '),
        Class::Control => out.push(control_picture(c)),
        Class::Joiner if joiner_in_context(before, after) => out.push(c),
        Class::Variation if before.is_some_and(|b| class(b) == Class::Plain) => out.push(c),
        Class::Tag if in_tag_sequence => out.push(c),
        Class::Invisible if c == '\u{feff}' && before.is_none() => {}
        Class::C1
        | Class::BidiOverride
        | Class::BidiMark
        | Class::Joiner
        | Class::Variation
        | Class::Tag
        | Class::Invisible => out.push(PLACEHOLDER),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::text::inert::walk;

    /// `escape` as it was before stretches, a character at a time: the reference.
    fn escape_per_character(text: &str) -> String {
        let text = text.trim_start_matches([' ', '\t']);
        let mut out = String::with_capacity(text.len() + 8);
        let marker = line_start_marker(text);
        let mut at = 0;
        walk(text, &(0..text.len()), |c, around| {
            if MARKUP.contains(&c) || Some(at) == marker || (c == '&' && starts_entity(&text[at..])) {
                out.push('\\');
            }
            push_char(c, around, &mut out);
            at += c.len_utf8();
        });
        out
    }

    /// Lines with markup, line starts that mean something, entities, controls, joiners,
    /// selectors, tag sequences and other scripts.
    fn markdown_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "[ -~]{0,24}",
            "[ \t]{0,3}([0-9]{1,3}[.)]|[-+=]|&[a-z#0-9]{1,4};)",
            "[\\u{0}-\\u{1f}\\u{7f}-\\u{9f}\\u{ad}\\u{200b}-\\u{200f}\\u{2028}\\u{202e}\\u{2067}\\u{fe0f}\\u{feff}\\u{1f3f4}\\u{e0041}\\u{e007f}]{1,3}",
            "[é日👨یه]{1,3}",
            any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..10).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn stretches_escape_as_characters_do(text in markdown_text()) {
            prop_assert_eq!(escape(&text), escape_per_character(&text));
        }
    }

    #[test]
    fn markup_in_article_text_is_escaped() {
        assert_eq!(
            escape("on February 4**, a [link](x) #tag <b> ~~s~~ $x$"),
            "on February 4\\*\\*, a \\[link\\](x) \\#tag \\<b\\> \\~\\~s\\~\\~ \\$x\\$"
        );
    }

    #[test]
    fn line_starts_that_would_change_the_document_are_escaped() {
        assert_eq!(escape("- not a list"), "\\- not a list");
        assert_eq!(escape("==="), "\\===");
        assert_eq!(escape("+ x"), "\\+ x");
        assert_eq!(escape("2024. A year"), "2024\\. A year");
        assert_eq!(escape("    code"), "code");
        assert_eq!(escape("a - b = 3. c"), "a - b = 3. c");
        assert_eq!(escape("AT&T &amp; &#27;"), "AT&T \\&amp; \\&\\#27;");
    }

    #[test]
    fn controls_bidi_and_invisible_characters_show() {
        assert_eq!(escape("a\u{1b}[2J\u{7}"), "a␛\\[2J␇");
        assert_eq!(escape("x\u{202e}y\u{202c}\u{2067}z\u{2069}\u{200b}\u{9b}"), "x�y��z���");
        assert_eq!(escape("line\nbreak\u{2028}"), "line break ");
    }

    #[test]
    fn emoji_and_scripts_that_need_joiners_keep_them() {
        assert_eq!(escape("👨\u{200d}👩\u{200d}👧 ❤\u{fe0f}"), "👨\u{200d}👩\u{200d}👧 ❤\u{fe0f}");
        assert_eq!(escape("می\u{200c}خواهم"), "می\u{200c}خواهم");
        assert_eq!(escape("Ja\u{200d}pan"), "Ja�pan");
    }
}
