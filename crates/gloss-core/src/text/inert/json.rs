//! JSON that keeps untrusted text exact and inert: `serde_json` escapes what JSON requires (C0
//! controls, quotes, backslashes); this also escapes as `\uXXXX` everything a reader would not
//! see or that a terminal would obey: DEL, C1 controls, bidirectional controls, U+2028/U+2029,
//! joiners, selectors, tags, the soft hyphen and every other invisible character.

use std::io;

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

use super::{Class, class};

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
    value.serialize(&mut serde_json::Serializer::with_formatter(writer, Inert(PrettyFormatter::new())))
}

/// `value` as indented JSON.
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    write(value, Inert(PrettyFormatter::new()))
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

/// A formatter that lays out as `F` does and escapes every character [`escaped`] names.
struct Inert<F>(F);

impl<F: Formatter> Formatter for Inert<F> {
    fn write_string_fragment<W: ?Sized + io::Write>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()> {
        let mut start = 0;
        for (at, c) in fragment.char_indices().filter(|&(_, c)| escaped(c)) {
            writer.write_all(&fragment.as_bytes()[start..at])?;
            let mut units = [0; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(writer, "\\u{unit:04x}")?;
            }
            start = at + c.len_utf8();
        }
        writer.write_all(&fragment.as_bytes()[start..])
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
    use super::*;

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
