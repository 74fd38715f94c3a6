//! RON-file tests: located errors, byte-order marks, missing and unreadable files, round trips,
//! and serialisation failures that reach the caller with the file left alone.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};

use super::*;

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Sample {
    name: String,
    counts: BTreeMap<String, u32>,
}

fn sample() -> Sample {
    Sample { name: "é “quoted” \\ \n".into(), counts: [("a".into(), 1), ("b".into(), 2)].into() }
}

/// A value that refuses to be serialised, as a bug in a `Serialize` impl would.
struct Unserialisable;

impl Serialize for Unserialisable {
    fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom("no way to write this"))
    }
}

#[test]
fn a_parse_error_has_file_line_and_column() {
    let error = parse::<Sample>("(\n  name: \"x\",\n  counts: {\"a\": one},\n)", "mine.ron").unwrap_err();
    assert_eq!((error.file.as_str(), error.line, error.column), ("mine.ron", 3, 16));
    assert!(error.to_string().starts_with("mine.ron:3:16: "), "{error}");
}

#[test]
fn columns_count_characters_not_bytes() {
    let error = parse::<Sample>("(name: \"é😀\", counts: x)", "f.ron").unwrap_err();
    // In bytes it would be 25.
    assert_eq!((error.line, error.column), (1, 21), "{error}");
}

#[test]
fn a_byte_order_mark_is_skipped_and_not_counted() {
    let text = to_pretty("// header\n", &sample()).unwrap();
    assert_eq!(parse::<Sample>(&format!("\u{feff}{text}"), "f.ron").unwrap(), sample());
    let error = parse::<Sample>("\u{feff}(name: 1)", "f.ron").unwrap_err();
    assert_eq!((error.line, error.column), (1, 7), "{error}");
}

#[test]
fn reading_strips_the_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.ron");
    std::fs::write(&path, "\u{feff}(name: \"x\", counts: {})").unwrap();
    assert_eq!(read(&path).unwrap(), "(name: \"x\", counts: {})");
    let loaded: Sample = load(&path).unwrap().unwrap();
    assert_eq!(loaded.name, "x");
}

#[test]
fn a_missing_file_is_none_or_an_error_as_the_caller_asks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("none.ron");
    assert!(read_if_present(&path).unwrap().is_none());
    assert!(load::<Sample>(&path).unwrap().is_none());
    let error = read(&path).unwrap_err();
    assert!(matches!(error, LoadError::Read { .. }));
    assert!(error.to_string().starts_with(&format!("cannot read {}: ", path.display())), "{error}");
}

#[test]
fn a_file_that_is_not_utf8_says_so_where() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.ron");
    std::fs::write(&path, b"(\n  name: \"caf\xe9\",\n)").unwrap();
    let error = load::<Sample>(&path).unwrap_err().to_string();
    assert_eq!(error, format!("{}:2:13: this is not UTF-8 text; save the file as UTF-8", path.display()));
}

#[test]
fn a_parse_error_in_a_file_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "(name: \"x\",\n counts: {]").unwrap();
    let LoadError::Parse(error) = load::<Sample>(&path).unwrap_err() else { panic!("not a parse error") };
    assert_eq!((error.file, error.line), (path.display().to_string(), 2));
}

#[test]
fn values_round_trip_and_the_same_value_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.ron");
    save(&path, "// a sample\n", &sample(), None, NewFile::Private).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("// a sample\n(\n    name: "), "{text}");
    assert!(text.ends_with(")\n"), "{text}");
    assert_eq!(load::<Sample>(&path).unwrap(), Some(sample()));
    assert_eq!(to_pretty("// a sample\n", &load::<Sample>(&path).unwrap().unwrap()).unwrap(), text);
}

#[test]
fn a_value_that_cannot_be_serialised_is_an_error_and_the_file_is_left_alone() {
    let error = to_pretty("// header\n", &Unserialisable).unwrap_err();
    assert!(error.to_string().contains("no way to write this"), "{error}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kept.ron");
    std::fs::write(&path, "what was there").unwrap();
    let error = save(&path, "// header\n", &Unserialisable, None, NewFile::Private).unwrap_err();
    assert!(matches!(error, SaveError::Serialize { .. }));
    assert!(error.to_string().starts_with(&format!("cannot write {}: ", path.display())), "{error}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "what was there");
}

#[test]
fn errors_a_seed_raises_are_placed_where_the_parser_stood() {
    /// Accepts only even numbers, as the keymap's reader checks names while it reads.
    struct Even;
    impl<'de> DeserializeSeed<'de> for Even {
        type Value = Vec<u32>;
        fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
            let numbers = Vec::<u32>::deserialize(deserializer)?;
            match numbers.iter().find(|n| *n % 2 == 1) {
                Some(odd) => Err(serde::de::Error::custom(format!("{odd} is odd"))),
                None => Ok(numbers),
            }
        }
    }
    assert_eq!(parse_seed("[2, 4]", "n.ron", Even).unwrap(), [2, 4]);
    let error = parse_seed("[2,\n 3]", "n.ron", Even).unwrap_err();
    assert_eq!((error.line, error.message.as_str()), (2, "3 is odd"));
}

#[test]
fn positions_of_bytes_are_in_characters() {
    let source = "ab\nçd\"x\"";
    assert_eq!(position_of(source, 0), (1, 1));
    assert_eq!(position_of(source, source.find('"').unwrap()), (2, 3));
}
