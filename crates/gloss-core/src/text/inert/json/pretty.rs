//! Indented JSON laid out exactly as `serde_json`'s `PrettyFormatter` lays it out (two spaces a
//! level), with each line's break and indent written in one piece rather than two bytes a level.

use std::io;

use serde_json::ser::Formatter;

/// A line break and enough indent for most documents (an export nests six levels deep).
const LINE: &[u8] = b"\n                                                                ";

/// Layout state: how deep the writer is and whether the open array or object has a value yet.
#[derive(Debug, Default)]
pub struct Pretty {
    depth: usize,
    has_value: bool,
}

/// Writes a line break and the indent for `depth` levels.
fn new_line<W: ?Sized + io::Write>(writer: &mut W, depth: usize) -> io::Result<()> {
    let mut wanted = 1 + 2 * depth;
    let mut line = LINE;
    while wanted > line.len() {
        writer.write_all(line)?;
        wanted -= line.len();
        line = &LINE[1..];
    }
    writer.write_all(&line[..wanted])
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.next_value(writer, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.next_value(writer, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

impl Pretty {
    fn open<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            new_line(writer, self.depth)?;
        }
        writer.write_all(bracket)
    }

    fn next_value<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        if !first {
            writer.write_all(b",")?;
        }
        new_line(writer, self.depth)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde::Serialize;
    use serde_json::Value;

    use super::*;

    fn pretty(value: &Value) -> String {
        let mut out = Vec::new();
        value.serialize(&mut serde_json::Serializer::with_formatter(&mut out, Pretty::default())).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// Any JSON value, nested deeper than the indent kept ready.
    fn value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            "[a-z \"\\\\\n]{0,6}".prop_map(Value::String),
        ];
        leaf.prop_recursive(40, 120, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map("[a-c]{0,2}", inner, 0..4)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn lays_out_as_serde_json_does(value in value()) {
            prop_assert_eq!(pretty(&value), serde_json::to_string_pretty(&value).unwrap());
        }
    }

    #[test]
    fn indents_past_the_ready_indent() {
        let mut deep = serde_json::json!([1, {}]);
        for _ in 0..70 {
            deep = serde_json::json!({ "a": [deep] });
        }
        assert_eq!(pretty(&deep), serde_json::to_string_pretty(&deep).unwrap());
    }
}
