//! JSON that keeps untrusted text exact and inert: `serde_json` escapes what JSON requires (C0
//! controls, quotes, backslashes); this also escapes as `\uXXXX` everything a reader would not
//! see or that a terminal would obey: DEL, C1 controls, bidirectional controls, U+2028/U+2029,
//! joiners, selectors, tags, the soft hyphen and every other invisible character.

use std::io;

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter};

use super::{Class, ascii_run, class};

mod pretty;

use pretty::Pretty;

/// `value` as one line of JSON.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    write(value, Inert(CompactFormatter))
}

/// `value` as one line of JSON, written to `writer` as it is made (for output too big to hold).
pub fn to_writer<W: io::Write, T: Serialize + ?Sized>(writer: W, value: &T) -> serde_json::Result<()> {
    value.serialize(&mut serde_json::Serializer::with_formatter(writer, Inert(CompactFormatter)))
}

/// `value` as indented JSON, written to `writer` as it is made.
pub fn to_writer_pretty<W: io::Write, T: Serialize + ?Sized>(writer: W, value: &T) -> serde_json::Result<()> {
    value.serialize(&mut serde_json::Serializer::with_formatter(writer, Inert(Pretty::default())))
}

/// `value` as indented JSON.
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    write(value, Inert(Pretty::default()))
}

fn write<T: Serialize + ?Sized, F: Formatter>(value: &T, formatter: Inert<F>) -> serde_json::Result<String> {
    let mut bytes = Vec::new();
    value.serialize(&mut serde_json::Serializer::with_formatter(&mut bytes, formatter))?;
    // The serializer writes only UTF-8 (strings as given, escapes in ASCII).
    String::from_utf8(bytes).map_err(|e| serde::ser::Error::custom(e.to_string()))
}

/// Whether JSON output writes `c` as an escape rather than as itself.
pub fn escaped(c: char) -> bool {
    !matches!(class(c), Class::Plain)
}

/// Whether `byte` is an ASCII character written as itself: the test the bulk scan makes a
/// chunk at a time ([`ascii_run`]) instead of asking [`class`] character by character.
const fn plain_ascii(byte: u8) -> bool {
    // ' ' to '~' in one comparison, without branches, so that a chunk is checked in vector
    // instructions.
    byte.wrapping_sub(b' ') <= b'~' - b' '
}

// The bulk scan and the policy agree on every ASCII character, or this does not compile.
const _: () = {
    let mut byte = 0;
    while byte < 0x80 {
        assert!(plain_ascii(byte) == matches!(class(byte as char), Class::Plain));
        byte += 1;
    }
};

/// Writes `c` as `\uXXXX`, or as two of them (a surrogate pair) beyond the first plane.
fn write_escape<W: ?Sized + io::Write>(writer: &mut W, c: char) -> io::Result<()> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut units = [0; 2];
    for &unit in c.encode_utf16(&mut units).iter() {
        let digit = |shift: u16| HEX[usize::from((unit >> shift) & 0xf)];
        writer.write_all(&[b'\\', b'u', digit(12), digit(8), digit(4), digit(0)])?;
    }
    Ok(())
}

/// A formatter that lays out as `F` does and escapes every character [`escaped`] names.
struct Inert<F>(F);

impl<F: Formatter> Formatter for Inert<F> {
    fn write_string_fragment<W: ?Sized + io::Write>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()> {
        let bytes = fragment.as_bytes();
        // `clean` is where the run not yet written starts; `at` where the scan is.
        let (mut clean, mut at) = (0, 0);
        loop {
            at += ascii_run(&bytes[at..], plain_ascii);
            let Some(c) = fragment.get(at..).and_then(|rest| rest.chars().next()) else { break };
            if escaped(c) {
                writer.write_all(&bytes[clean..at])?;
                write_escape(writer, c)?;
                clean = at + c.len_utf8();
            }
            at += c.len_utf8();
        }
        writer.write_all(&bytes[clean..])
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn end_object_key<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_key(writer)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use proptest::prelude::*;

    use super::*;

    /// The policy a character at a time, as it was before the bulk scan: the reference.
    fn per_character(fragment: &str) -> Vec<u8> {
        let mut out = Vec::new();
        let mut start = 0;
        for (at, c) in fragment.char_indices().filter(|&(_, c)| escaped(c)) {
            out.extend_from_slice(&fragment.as_bytes()[start..at]);
            let mut units = [0; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(out, "\\u{unit:04x}").unwrap();
            }
            start = at + c.len_utf8();
        }
        out.extend_from_slice(&fragment.as_bytes()[start..]);
        out
    }

    fn fast(fragment: &str) -> Vec<u8> {
        let mut out = Vec::new();
        Inert(CompactFormatter).write_string_fragment(&mut out, fragment).unwrap();
        out
    }

    /// Text made of long ASCII runs (so that whole chunks are scanned), the characters the
    /// policy escapes, other scripts and emoji, and any character at all.
    fn mixed_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "[ -~]{0,40}",
            "[\u{0}-\u{1f}\u{7f}-\u{a0}\u{ad}\u{34f}\u{61c}\u{180b}-\u{180f}\u{200b}-\u{200f}\u{2028}-\u{202e}\u{2060}-\u{206f}\u{3164}\u{fe00}-\u{fe0f}\u{feff}\u{fff9}-\u{fffb}\u{e0000}-\u{e007f}\u{e0100}]",
            "[é日本語ÜКиевالعربية한국어👨🏴‍☠️’“”]{1,8}",
            any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..16).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn the_bulk_scan_writes_what_the_per_character_policy_writes(text in mixed_text()) {
            prop_assert_eq!(fast(&text), per_character(&text));
        }

        #[test]
        fn any_text_reads_back_exactly_from_inert_json(text in mixed_text()) {
            let json = to_string(&text).unwrap();
            prop_assert!(!json.chars().any(escaped), "{}", json);
            prop_assert_eq!(serde_json::from_str::<String>(&json).unwrap(), text);
        }
    }

    #[test]
    fn every_character_is_written_as_the_per_character_policy_writes_it() {
        let every: String = (0..=u32::from(char::MAX)).filter_map(char::from_u32).flat_map(|c| [c, 'a']).collect();
        assert_eq!(fast(&every), per_character(&every));
    }

    const HOSTILE: &str =
        "a\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{9b}31m\u{202e}\u{2066}\u{200b}\u{200d}\u{2028}\u{7f}\u{e0041}z";

    #[test]
    fn hostile_text_is_escaped_and_reads_back_exactly() {
        let json = to_string(&serde_json::json!({ "title": HOSTILE })).unwrap();
        assert_eq!(
            json,
            r#"{"title":"a\u001b]0;PWNED\u0007\u001b[2J\u009b31m\u202e\u2066\u200b\u200d\u2028\u007f\udb40\udc41z"}"#
        );
        assert!(json.chars().all(|c| c.is_ascii() && !c.is_ascii_control()), "{json}");
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["title"], HOSTILE);
    }

    #[test]
    fn ordinary_text_and_layout_are_as_serde_json_writes_them() {
        let value = serde_json::json!({ "a": ["Kim Jong-un’s 日本 👨", 1], "b": {} });
        assert_eq!(to_string(&value).unwrap(), serde_json::to_string(&value).unwrap());
        assert_eq!(to_string_pretty(&value).unwrap(), serde_json::to_string_pretty(&value).unwrap());
    }

    #[test]
    fn written_is_what_to_string_makes() {
        let value = serde_json::json!({ "title": HOSTILE, "n": [1, 2] });
        let mut written = Vec::new();
        to_writer(&mut written, &value).unwrap();
        assert_eq!(String::from_utf8(written).unwrap(), to_string(&value).unwrap());
        let mut written = Vec::new();
        to_writer_pretty(&mut written, &value).unwrap();
        assert_eq!(String::from_utf8(written).unwrap(), to_string_pretty(&value).unwrap());
    }

    #[test]
    fn keys_are_escaped_too() {
        let json = to_string(&serde_json::json!({ "\u{202e}key": 1 })).unwrap();
        assert_eq!(json, r#"{"\u202ekey":1}"#);
    }
}
