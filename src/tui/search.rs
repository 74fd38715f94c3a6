//! Search state: a query being typed, the matches kept in the reader's article, the search line
//! (`/`) and the corpus search popup (`ctrl-f`) with the search running behind it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::reader::Place;
use gloss_core::search::{Hit, Mode, Query, QueryError};
use gloss_core::text::Span;

/// A query as typed, in a mode, with what is wrong with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryInput {
    pub text: String,
    pub mode: Mode,
    /// Why the text cannot be searched for (a bad regular expression), for the line to show.
    pub error: Option<String>,
}

impl QueryInput {
    pub fn new(text: String, mode: Mode) -> Self {
        Self { text, mode, error: None }
    }

    /// The query to search for: `None` when nothing is typed; an error is kept for the line.
    pub fn compile(&mut self) -> Result<Option<Query>, QueryError> {
        self.error = None;
        if self.text.is_empty() {
            return Ok(None);
        }
        Query::new(&self.text, self.mode).map(Some).inspect_err(|error| self.error = Some(error.problem()))
    }

    /// Removes the last word typed and the spaces after it, as ctrl-w does in a shell.
    pub fn erase_word(&mut self) {
        let trimmed = self.text.trim_end().len();
        let start = self.text[..trimmed].rfind(char::is_whitespace).map_or(0, |i| i + 1);
        self.text.truncate(start);
    }
}

/// The matches of a kept query in one article: the reader's, recomputed when it changes.
#[derive(Debug, Clone)]
pub struct Matches {
    pub query: Query,
    pub article: usize,
    /// Byte ranges into the article's text, in order.
    pub spans: Vec<Span>,
}

impl Matches {
    /// Which match is `focus` (the reader's focused span), if it is one.
    pub fn current(&self, focus: Option<&Span>) -> Option<usize> {
        let focus = focus?;
        self.spans.binary_search_by(|s| (s.start, s.end).cmp(&(focus.start, focus.end))).ok()
    }

    /// `3/14`, `14 matches`, `no match`: what the status bar says of them.
    pub fn counter(&self, focus: Option<&Span>) -> String {
        match (self.current(focus), self.spans.len()) {
            (_, 0) => "no match".to_owned(),
            (Some(at), total) => format!("{}/{total}", at + 1),
            (None, 1) => "1 match".to_owned(),
            (None, total) => format!("{total} matches"),
        }
    }
}

/// The search line: a query being typed over the reader, and where the reader was when it
/// opened, to go back to when the search is cleared.
#[derive(Debug, Clone)]
pub struct SearchLine {
    pub input: QueryInput,
    pub origin: Place,
    pub origin_focus: Option<Span>,
}

/// How far a corpus search has got.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub searched: usize,
    pub total: usize,
    pub done: bool,
    /// Stopped at the most hits a list shows.
    pub truncated: bool,
}

/// The corpus search popup: the query, the hits found so far, the selected one.
#[derive(Debug, Clone)]
pub struct CorpusPanel {
    pub input: QueryInput,
    pub hits: Vec<Hit>,
    /// How many articles the hits are in.
    pub articles: usize,
    pub selected: usize,
    /// `None` until a search starts (nothing typed, or a bad pattern).
    pub progress: Option<Progress>,
}

impl CorpusPanel {
    pub fn new(input: QueryInput) -> Self {
        Self { input, hits: Vec::new(), articles: 0, selected: 0, progress: None }
    }
}

/// Stops a corpus search when dropped: replacing it with a newer one, or closing the popup,
/// is enough to free the thread.
#[derive(Debug)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    /// A new search's flag, and the guard that sets it.
    pub fn new() -> (Self, Arc<AtomicBool>) {
        let flag = Arc::new(AtomicBool::new(false));
        (Self(Arc::clone(&flag)), flag)
    }
}

impl Drop for Cancel {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// Everything about searching that outlives the search line and the popup.
#[derive(Debug, Default)]
pub struct Search {
    /// The query whose matches light up in the reader, and n and N move between.
    pub matches: Option<Matches>,
    /// The mode a new search starts in: the one used last.
    pub mode: Mode,
    /// What was last typed into the corpus search, offered again when it opens.
    pub corpus_text: String,
    /// The number of the newest corpus search; hits from any other are stale.
    pub generation: u64,
    /// The corpus search running in the background, if any.
    pub running: Option<Cancel>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ctrl_w_erases_the_last_word() {
        let mut input = QueryInput::new("Fumio Kishida  ".into(), Mode::Plain);
        input.erase_word();
        assert_eq!(input.text, "Fumio ");
        input.erase_word();
        assert_eq!(input.text, "");
    }

    #[test]
    fn a_bad_pattern_is_kept_as_the_lines_error() {
        let mut input = QueryInput::new("Kim (".into(), Mode::Regex);
        assert!(input.compile().is_err());
        assert_eq!(input.error.as_deref(), Some("unclosed group (at character 5)"));
        input.mode = Mode::Plain;
        assert!(input.compile().unwrap().is_some());
        assert_eq!(input.error, None);
    }

    #[test]
    fn dropping_the_guard_cancels() {
        let (guard, flag) = Cancel::new();
        assert!(!flag.load(Ordering::Relaxed));
        drop(guard);
        assert!(flag.load(Ordering::Relaxed));
    }

    #[test]
    fn the_counter_says_which_match() {
        let matches = Matches { query: Query::new("a", Mode::Plain).unwrap(), article: 0, spans: vec![1..2, 5..6] };
        assert_eq!(matches.counter(Some(&(5..6))), "2/2");
        assert_eq!(matches.counter(None), "2 matches");
        assert_eq!(matches.counter(Some(&(0..1))), "2 matches");
    }
}
