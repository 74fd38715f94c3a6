//! A search query: plain text or a regular expression, smart case, compiled once.
//!
//! Both kinds become one `regex::Regex` (plain text escaped), so every search in gloss — in the
//! reader, across the corpus, on the command line — finds the same matches for the same query.

use std::fmt;

use regex::{Regex, RegexBuilder};
use regex_syntax::ast::{self, Ast, ClassSetItem, Visitor};

use crate::text::Span;

/// How the query's text is read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The text itself, character for character.
    #[default]
    Plain,
    /// A regular expression, as the `regex` crate reads it.
    Regex,
}

impl Mode {
    /// The other mode.
    #[must_use]
    pub fn toggled(self) -> Self {
        match self {
            Self::Plain => Self::Regex,
            Self::Regex => Self::Plain,
        }
    }
}

/// A query that cannot be searched for, and why, in words a user can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("bad regular expression `{pattern}`: {problem} (at character {column})")]
    Syntax { pattern: String, problem: String, column: usize },
    #[error("regular expression `{pattern}` is too big to search with; make it simpler")]
    TooBig { pattern: String },
}

impl QueryError {
    /// What is wrong, without repeating the pattern: for a line that already shows it.
    pub fn problem(&self) -> String {
        match self {
            Self::Syntax { problem, column, .. } => format!("{problem} (at character {column})"),
            Self::TooBig { .. } => "too big to search with; make it simpler".to_owned(),
        }
    }
}

/// Compiled regular expressions larger than this are refused (the `regex` default is 10 MB;
/// a query typed in a search line has no business near it).
const SIZE_LIMIT: usize = 4 << 20;

/// What to search for: text or a regular expression, case-insensitive unless it has a capital
/// letter (smart case, as vim and ripgrep do it).
#[derive(Debug, Clone)]
pub struct Query {
    text: String,
    mode: Mode,
    case_sensitive: bool,
    regex: Regex,
}

impl Query {
    /// Compiles `text` read as `mode`; an empty `text` is a query that matches nothing.
    pub fn new(text: &str, mode: Mode) -> Result<Self, QueryError> {
        let pattern = match mode {
            Mode::Plain => regex::escape(text),
            Mode::Regex => text.to_owned(),
        };
        let case_sensitive = match mode {
            Mode::Plain => text.chars().any(char::is_uppercase),
            Mode::Regex => has_capital_literal(text)?,
        };
        // regex-syntax first: its errors say what is wrong and where in a line, where the
        // `regex` crate's are a multi-line drawing.
        regex_syntax::ParserBuilder::new()
            .case_insensitive(!case_sensitive)
            .build()
            .parse(&pattern)
            .map_err(|error| syntax_error(text, &error))?;
        let regex = RegexBuilder::new(&pattern)
            .case_insensitive(!case_sensitive)
            .size_limit(SIZE_LIMIT)
            .build()
            .map_err(|_| QueryError::TooBig { pattern: text.to_owned() })?;
        Ok(Self { text: text.to_owned(), mode, case_sensitive, regex })
    }

    /// The query as typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    pub fn is_case_sensitive(&self) -> bool {
        self.case_sensitive
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The matches in `text`, in order, as byte ranges; empty matches (`x*` between letters)
    /// are left out, as there is nothing to show or jump to.
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Span> + 't {
        let empty = self.text.is_empty();
        self.regex.find_iter(text).filter(move |m| !empty && !m.is_empty()).map(|m| m.range())
    }

    /// Every match in `text`.
    pub fn find_all(&self, text: &str) -> Vec<Span> {
        self.find_iter(text).collect()
    }

    /// Whether `text` has a match.
    pub fn matches(&self, text: &str) -> bool {
        self.find_iter(text).next().is_some()
    }
}

impl PartialEq for Query {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text && self.mode == other.mode
    }
}

impl Eq for Query {}

impl fmt::Display for Query {
    /// `/Japan` for text, `regex /Jap.n` for a regular expression.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.mode {
            Mode::Plain => write!(f, "/{}", self.text),
            Mode::Regex => write!(f, "regex /{}", self.text),
        }
    }
}

fn syntax_error(text: &str, error: &regex_syntax::Error) -> QueryError {
    let (problem, column) = match error {
        regex_syntax::Error::Parse(e) => return ast_error(text, e),
        regex_syntax::Error::Translate(e) => (e.kind().to_string(), e.span().start.column),
        other => (other.to_string(), 1),
    };
    QueryError::Syntax { pattern: text.to_owned(), problem, column }
}

fn ast_error(text: &str, error: &ast::Error) -> QueryError {
    QueryError::Syntax {
        pattern: text.to_owned(),
        problem: error.kind().to_string(),
        column: error.span().start.column,
    }
}

/// Whether a regular expression has a capital letter of its own: in a literal or a class
/// (`Japan`, `[A-Z]`), not in an escape or a class name (`\W`, `\p{Lu}`), which say nothing
/// about the case the user wants.
fn has_capital_literal(pattern: &str) -> Result<bool, QueryError> {
    let parsed = ast::parse::Parser::new().parse(pattern).map_err(|e| ast_error(pattern, &e))?;
    let Ok(found) = ast::visit(&parsed, CapitalFinder::default());
    Ok(found)
}

/// Walks a regular expression's syntax tree looking for an uppercase literal character.
#[derive(Default)]
struct CapitalFinder {
    found: bool,
}

impl Visitor for CapitalFinder {
    type Output = bool;
    /// Never fails; the tree walk wants an error type.
    type Err = std::convert::Infallible;

    fn finish(self) -> Result<bool, Self::Err> {
        Ok(self.found)
    }

    fn visit_pre(&mut self, ast: &Ast) -> Result<(), Self::Err> {
        if let Ast::Literal(literal) = ast {
            self.found |= literal.c.is_uppercase();
        }
        Ok(())
    }

    fn visit_class_set_item_pre(&mut self, item: &ClassSetItem) -> Result<(), Self::Err> {
        match item {
            ClassSetItem::Literal(literal) => self.found |= literal.c.is_uppercase(),
            ClassSetItem::Range(range) => self.found |= range.start.c.is_uppercase() || range.end.c.is_uppercase(),
            _ => {}
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(query: &str, mode: Mode, text: &str) -> Vec<String> {
        let query = Query::new(query, mode).unwrap();
        query.find_iter(text).map(|span| text[span].to_owned()).collect()
    }

    #[test]
    fn lowercase_ignores_case_and_a_capital_does_not() {
        let text = "Japan, JAPAN and japan";
        assert_eq!(found("japan", Mode::Plain, text), ["Japan", "JAPAN", "japan"]);
        assert_eq!(found("Japan", Mode::Plain, text), ["Japan"]);
        assert!(Query::new("Japan", Mode::Plain).unwrap().is_case_sensitive());
    }

    #[test]
    fn case_folds_beyond_ascii() {
        assert_eq!(found("émigré", Mode::Plain, "ÉMIGRÉ and Émigré"), ["ÉMIGRÉ", "Émigré"]);
        assert_eq!(found("σ", Mode::Plain, "Σ"), ["Σ"]);
    }

    #[test]
    fn plain_text_is_not_a_pattern() {
        assert_eq!(found("U.S.", Mode::Plain, "USAS U.S. forces"), ["U.S."]);
        assert_eq!(found("(1)", Mode::Plain, "point (1) and 1"), ["(1)"]);
    }

    #[test]
    fn regex_mode_reads_a_pattern() {
        assert_eq!(found(r"jap\w+", Mode::Regex, "Japan's Japanese"), ["Japan", "Japanese"]);
        assert_eq!(found("[0-9]+ km", Mode::Regex, "12 km, 300 km"), ["12 km", "300 km"]);
    }

    #[test]
    fn escapes_and_class_names_are_not_capitals() {
        for lower in [r"\W+japan", r"\p{Lu}apan", r"\Bx", r"\S"] {
            assert!(!Query::new(lower, Mode::Regex).unwrap().is_case_sensitive(), "{lower}");
        }
        for upper in ["Japan", "[A-Z]apan", "[xY]"] {
            assert!(Query::new(upper, Mode::Regex).unwrap().is_case_sensitive(), "{upper}");
        }
    }

    #[test]
    fn a_bad_pattern_says_what_and_where() {
        let error = Query::new("Kim (Jong", Mode::Regex).unwrap_err();
        assert_eq!(error.to_string(), "bad regular expression `Kim (Jong`: unclosed group (at character 5)");
        assert_eq!(error.problem(), "unclosed group (at character 5)");
        assert!(matches!(Query::new("a{2,1}", Mode::Regex), Err(QueryError::Syntax { .. })));
        assert!(matches!(Query::new(r"\p{Klingon}", Mode::Regex), Err(QueryError::Syntax { .. })));
        assert!(Query::new("Kim (Jong", Mode::Plain).is_ok(), "plain text is never a bad pattern");
    }

    #[test]
    fn a_huge_pattern_is_refused() {
        let huge = r"\w{1000}\w{1000}\w{1000}";
        assert!(matches!(Query::new(huge, Mode::Regex), Err(QueryError::TooBig { .. })));
    }

    #[test]
    fn empty_queries_and_empty_matches_find_nothing() {
        assert!(found("", Mode::Plain, "anything").is_empty());
        assert_eq!(found("x*", Mode::Regex, "ab xx c"), ["xx"]);
    }

    #[test]
    fn matches_are_byte_ranges_on_character_boundaries() {
        let text = "東京で岸田首相が😀と言った";
        let query = Query::new("岸田", Mode::Plain).unwrap();
        let spans = query.find_all(text);
        assert_eq!(spans, vec![9..15]);
        assert!(text.is_char_boundary(spans[0].start) && text.is_char_boundary(spans[0].end));
    }
}
