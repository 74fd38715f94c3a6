//! The reader's state: the article shown, its wrapped lines, its mentions, the sentence
//! cursor, a focused word or name, and a selection.

use std::sync::Arc;

use gloss_core::corpus::Article;
use gloss_core::entities::{Mention, Recognizer};
use gloss_core::text::{Span, Wrapped, words_in, wrap};

/// Where the reader is in an article, remembered when switching articles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Place {
    /// The sentence under the cursor.
    pub cursor: usize,
    /// The first line shown.
    pub scroll: usize,
}

/// A span being selected, whole words or sentences: one end stays, the other (the head) moves
/// with `l` `h` `j` `k`; `o` swaps them, as in vim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    pub start: usize,
    pub end: usize,
    /// Whether the end moves (else the start does).
    pub at_end: bool,
}

impl Selection {
    pub fn span(self) -> Span {
        self.start..self.end
    }

    /// Where the moving end is.
    pub fn head(self) -> usize {
        if self.at_end { self.end } else { self.start }
    }
}

/// What the wrapped lines were made for; when it changes they are made again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct LayoutKey {
    width: usize,
    /// Whether kind tags are laid out after names (no colour), and for which mentions.
    tags: Option<u64>,
}

/// The article in the reader.
#[derive(Debug, Clone)]
pub struct Reader {
    pub article: usize,
    pub place: Place,
    pub wrapped: Wrapped,
    /// The article's entity mentions, from the current recogniser.
    pub mentions: Arc<[Mention]>,
    /// Which recogniser the mentions came from.
    pub mentions_generation: u64,
    /// A word or name the cursor is on, inside the cursor's sentence.
    pub focus: Option<Span>,
    pub selection: Option<Selection>,
    layout: LayoutKey,
}

impl Reader {
    pub fn new(article: usize, place: Place) -> Self {
        Self {
            article,
            place,
            wrapped: Wrapped::default(),
            mentions: Arc::from([]),
            mentions_generation: u64::MAX,
            focus: None,
            selection: None,
            layout: LayoutKey::default(),
        }
    }

    /// Recognises the article's names again when the recogniser changed.
    pub fn refresh_mentions(&mut self, article: &Article, recognizer: Option<&Recognizer>, generation: u64) {
        if self.mentions_generation == generation {
            return;
        }
        self.mentions = recognizer.map_or_else(|| Arc::from([]), |r| r.recognize(article).into());
        self.mentions_generation = generation;
        self.focus = self.focus.take().filter(|f| f.end <= article.text().len());
    }

    /// Wraps the text for `width`, leaving room for kind tags after names when `tags` is on.
    pub fn relayout(&mut self, article: &Article, width: usize, tags: bool) {
        let key = LayoutKey { width, tags: tags.then_some(self.mentions_generation) };
        if key == self.layout && !self.wrapped.lines.is_empty() {
            return;
        }
        let inserts: Vec<(usize, usize)> =
            if tags { self.mentions.iter().map(|m| (m.span.end, tag_width(m))).collect() } else { Vec::new() };
        self.wrapped = wrap(article.text(), &article.structure().paragraphs.spans, width, &inserts);
        self.layout = key;
    }

    /// The words of the article, as byte ranges, from `from` on.
    fn words_after(article: &Article, from: usize) -> impl Iterator<Item = Span> + '_ {
        words_in(article.text(), from..article.text().len())
    }

    /// The next word after byte `after` (or the first word of the cursor's sentence).
    pub fn next_word(article: &Article, after: Option<usize>, sentence: &Span) -> Option<Span> {
        match after {
            Some(end) => Self::words_after(article, end).next(),
            None => words_in(article.text(), sentence.clone()).next(),
        }
    }

    /// The word before byte `before` (or the last word of the cursor's sentence).
    pub fn previous_word(article: &Article, before: Option<usize>, sentence: &Span) -> Option<Span> {
        match before {
            Some(start) => words_in(article.text(), 0..start).last(),
            None => words_in(article.text(), sentence.clone()).last(),
        }
    }

    /// The sentence holding byte `offset`.
    pub fn sentence_of(article: &Article, offset: usize) -> usize {
        let sentences = article.sentences();
        sentences.partition_point(|s| s.end <= offset).min(sentences.len().saturating_sub(1))
    }

    /// The mention covering the focus, if the focus is on a name.
    pub fn focused_mention(&self) -> Option<&Mention> {
        let focus = self.focus.as_ref()?;
        self.mentions.iter().find(|m| m.span.start <= focus.start && focus.end <= m.span.end)
    }
}

/// Columns a kind tag takes after a name when colour is off: `[GPE]`, `[PERSON]` (the names
/// used in files and output, so there is one name for each kind).
pub fn tag_width(mention: &Mention) -> usize {
    mention.kind.name().len() + 2
}
