//! Front matter: the `key: value` lines between `---` fences at the top of a Markdown file.
//!
//! gloss reads the flat subset that notes and static-site tools write (`title: "…"`,
//! `date: 2024-02-04`) and writes values as double-quoted strings, which YAML reads the same way.

use super::super::document::{Metadata, normalize_date};

/// The fields of a front-matter block, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub fields: Vec<(String, String)>,
}

impl FrontMatter {
    /// Reads the lines of a front-matter block (without its fences). Lines that are not
    /// `key: value` (lists, comments) are left out.
    pub fn parse(block: &str) -> Self {
        let fields = block
            .lines()
            .filter(|line| !line.starts_with([' ', '\t', '#', '-']))
            .filter_map(|line| line.split_once(':'))
            .map(|(key, value)| (key.trim().to_ascii_lowercase(), unquote(value.trim())))
            .filter(|(key, value)| !key.is_empty() && !value.is_empty())
            .collect();
        Self { fields }
    }

    /// The first value of any of `keys`.
    pub fn get(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|key| self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str()))
    }

    /// The article metadata these fields give.
    pub fn metadata(&self) -> Metadata {
        let owned = |keys: &[&str]| self.get(keys).map(str::to_owned);
        Metadata {
            title: owned(&["title"]),
            source: owned(&["source", "site", "publisher"]),
            date: self.get(&["date", "published"]).and_then(normalize_date),
            byline: owned(&["byline", "author"]),
            url: owned(&["url", "link"]),
        }
    }

    /// The block with its fences, values double-quoted; empty when there are no fields.
    pub fn to_text(&self) -> String {
        if self.fields.is_empty() {
            return String::new();
        }
        let lines = self.fields.iter().map(|(key, value)| format!("{key}: {}\n", quote(value)));
        format!("---\n{}---\n", lines.collect::<String>())
    }
}

/// A plain, single-quoted or double-quoted YAML scalar's value.
fn unquote(value: &str) -> String {
    if value.len() >= 2 && value.starts_with('"') && value.ends_with('"') {
        // JSON string syntax is the part of YAML's double-quoted style that gloss writes.
        if let Ok(text) = serde_json::from_str::<String>(value) {
            return text;
        }
    }
    if value.len() >= 2 && value.starts_with('\'') && value.ends_with('\'') {
        return value[1..value.len() - 1].replace("''", "'");
    }
    value.to_owned()
}

/// `value` as a double-quoted scalar on one line.
fn quote(value: &str) -> String {
    let one_line = value.split_whitespace().collect::<Vec<_>>().join(" ");
    serde_json::Value::String(one_line).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_plain_and_quoted_values_and_names_the_metadata() {
        let block = "title: \"NATO: a \\\"summit\\\"\"\nDate: 2024-02-04T09:00:00Z\nsource: 'Mondo''s'\n\
                     tags:\n  - a\nauthor: Ann Lee\nlink: https://example.org/a\n# comment";
        let front = FrontMatter::parse(block);
        let metadata = front.metadata();
        assert_eq!(metadata.title.as_deref(), Some("NATO: a \"summit\""));
        assert_eq!(metadata.date.as_deref(), Some("2024-02-04"));
        assert_eq!(metadata.source.as_deref(), Some("Mondo's"));
        assert_eq!(metadata.byline.as_deref(), Some("Ann Lee"));
        assert_eq!(metadata.url.as_deref(), Some("https://example.org/a"));
    }

    #[test]
    fn written_front_matter_reads_back() {
        let front = FrontMatter {
            fields: vec![("title".into(), "A: \"b\" \\ c\u{1b}".into()), ("url".into(), "https://x.org/?a=1#b".into())],
        };
        let text = front.to_text();
        let inner = text.trim_start_matches("---\n").trim_end_matches("---\n");
        assert_eq!(FrontMatter::parse(inner), front);
    }
}
