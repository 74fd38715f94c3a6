//! The reader's state: the article shown, its wrapped lines, its mentions, the sentence
//! cursor, a focused word or name, and a selection.
//!
//! A long article is never segmented, recognised or wrapped whole on the UI thread: its
//! first part is laid out at once (a preview) and the rest is asked of the background, which
//! answers with the whole layout; until then the keys move through what is shown.

use std::sync::Arc;

use gloss_core::corpus::{Article, Structure};
use gloss_core::entities::{Mention, Recognizer};
use gloss_core::text::{Gap, Paragraphs, Span, Wrapped, WrappedLine, word_before, words_in, wrap};

/// Articles up to this many bytes are prepared on the UI thread, in a few milliseconds;
/// longer ones in the background.
pub const SYNC_LIMIT: usize = 64 * 1024;

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
pub struct LayoutKey {
    pub width: usize,
    /// Whether kind tags are laid out after names (no colour), and for which mentions.
    pub tags: Option<u64>,
}

/// Names for the reader: the recogniser wanted now, and mentions already found for the
/// article (by the indexer), if any.
#[derive(Debug, Clone, Copy)]
pub struct NamesNow<'a> {
    pub recognizer: Option<&'a Arc<Recognizer>>,
    pub generation: u64,
    pub found: Option<&'a Arc<[Mention]>>,
}

/// Work on a long article for the background: its structure, names and layout.
#[derive(Debug, Clone)]
pub struct Preparation {
    pub index: usize,
    pub article: Arc<Article>,
    pub width: usize,
    pub tags: bool,
    /// Recognise with this recogniser (for its generation), or lay out with `mentions`.
    pub recognize: Option<(Arc<Recognizer>, u64)>,
    pub mentions: (u64, Arc<[Mention]>),
}

/// What the background made of a [`Preparation`].
#[derive(Debug)]
pub struct Prepared {
    pub index: usize,
    pub key: LayoutKey,
    pub wrapped: Wrapped,
    pub mentions: (u64, Arc<[Mention]>),
}

impl Preparation {
    /// Does the work: slow on a long article, so run it off the UI thread.
    pub fn run(self) -> Prepared {
        let mentions = match &self.recognize {
            Some((recognizer, generation)) => (*generation, recognizer.recognize(&self.article).into()),
            None => self.mentions.clone(),
        };
        let tags = self.tags.then_some(mentions.0);
        let wrapped = layout(&self.article, self.article.structure(), &mentions.1, self.width, tags.is_some());
        Prepared { index: self.index, key: LayoutKey { width: self.width, tags }, wrapped, mentions }
    }
}

/// The sentences of the article in the reader (see [`Reader::sentence_list`]).
#[derive(Debug, Clone)]
pub enum Sentences {
    Whole(Arc<Article>),
    Preview(Arc<Structure>),
}

impl std::ops::Deref for Sentences {
    type Target = [Span];

    fn deref(&self) -> &[Span] {
        match self {
            Self::Whole(article) => article.sentences(),
            Self::Preview(structure) => &structure.sentences,
        }
    }
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
    /// What `wrapped` was made for; `None` while it is a preview.
    layout: Option<LayoutKey>,
    /// The first part of a long article, with its own structure, until the whole is ready.
    preview: Option<Arc<Structure>>,
    /// What has been asked of the background and not answered yet.
    asked: Option<LayoutKey>,
    /// Where the cursor was sent beyond the first part of a long article being prepared: it
    /// goes there once the whole is ready.
    wanted_at: Option<usize>,
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
            layout: None,
            preview: None,
            asked: None,
            wanted_at: None,
        }
    }

    /// The reader on article `index`: a long article not yet segmented shows its first part
    /// at once, laid out for `width`, so nothing before the next refresh segments it whole.
    pub fn open(index: usize, place: Place, article: &Article, width: usize) -> Self {
        let mut reader = Self::new(index, place);
        if article.text().len() > SYNC_LIMIT && article.structure_if_ready().is_none() {
            reader.show_preview(article, width);
        }
        reader
    }

    /// Puts the cursor on the sentence holding byte `offset`; in the first part of a long
    /// article being prepared, as near as it goes now and there once the whole is ready.
    pub fn put_cursor_at(&mut self, article: &Article, offset: usize) {
        self.place.cursor = self.sentence_of(article, offset);
        let beyond = self.preview.as_ref().is_some_and(|p| p.sentences.last().is_none_or(|s| s.end <= offset));
        self.wanted_at = beyond.then_some(offset);
    }

    /// The cursor was moved by the keys: a place asked for earlier is forgotten.
    pub fn moved(&mut self) {
        self.wanted_at = None;
    }

    /// The sentences the keys move through: the article's, or its first part's while a long
    /// article is prepared.
    pub fn sentences<'a>(&'a self, article: &'a Article) -> &'a [Span] {
        match &self.preview {
            Some(preview) => &preview.sentences,
            None => article.sentences(),
        }
    }

    /// The same sentences, held apart from the reader, so it can change while they are read.
    pub fn sentence_list(&self, article: &Arc<Article>) -> Sentences {
        match &self.preview {
            Some(preview) => Sentences::Preview(preview.clone()),
            None => Sentences::Whole(article.clone()),
        }
    }

    pub fn gaps<'a>(&'a self, article: &'a Article) -> &'a [Gap] {
        match &self.preview {
            Some(preview) => &preview.gaps,
            None => &article.structure().gaps,
        }
    }

    /// Whether a long article is still being prepared (only its first part is shown).
    pub fn preparing(&self) -> bool {
        self.preview.is_some()
    }

    /// Brings names and layout up to date: at once for a short article; for a long one, a
    /// preview now (when nothing is shown yet) and a [`Preparation`] for the background.
    pub fn refresh(
        &mut self,
        article: &Arc<Article>,
        names: NamesNow,
        width: usize,
        tags: bool,
    ) -> Option<Preparation> {
        if self.mentions_generation != names.generation {
            match (names.found, names.recognizer) {
                (Some(found), _) => self.take_mentions(article, names.generation, found.clone()),
                (None, None) => self.take_mentions(article, names.generation, Arc::from([])),
                (None, Some(recognizer)) if article.text().len() <= SYNC_LIMIT => {
                    self.take_mentions(article, names.generation, recognizer.recognize(article).into());
                }
                (None, Some(_)) => {}
            }
        }
        let key = LayoutKey { width, tags: tags.then_some(names.generation) };
        if article.text().len() <= SYNC_LIMIT {
            if self.layout != Some(key) {
                self.wrapped = layout(article, article.structure(), &self.mentions, width, tags);
                self.layout = Some(key);
            }
            return None;
        }
        let names_done = self.mentions_generation == names.generation;
        if self.layout == Some(key) && names_done || self.asked == Some(key) {
            return None;
        }
        if self.wrapped.lines.is_empty() {
            self.show_preview(article, width);
        }
        self.asked = Some(key);
        Some(Preparation {
            index: self.article,
            article: article.clone(),
            width,
            tags,
            recognize: names.recognizer.filter(|_| !names_done).map(|r| (r.clone(), names.generation)),
            mentions: (self.mentions_generation, self.mentions.clone()),
        })
    }

    fn take_mentions(&mut self, article: &Article, generation: u64, mentions: Arc<[Mention]>) {
        self.mentions = mentions;
        self.mentions_generation = generation;
        self.focus = self.focus.take().filter(|f| f.end <= article.text().len());
    }

    /// Shows the first part of a long article: laid out from the article's structure when
    /// that is ready, else from its own; the keys move through it until the whole is ready.
    fn show_preview(&mut self, article: &Article, width: usize) {
        let head = &article.text()[..head_end(article.text())];
        let structure = match article.structure_if_ready() {
            Some(whole) => Structure {
                paragraphs: Paragraphs {
                    spans: whole.paragraphs.spans.iter().take_while(|s| s.end <= head.len()).cloned().collect(),
                    soft_wrapped: whole.paragraphs.soft_wrapped,
                },
                sentences: whole.sentences.iter().take_while(|s| s.end <= head.len()).cloned().collect(),
                gaps: whole.gaps.iter().take_while(|g| g.span.end <= head.len()).cloned().collect(),
            },
            None => article.structure_of_head(head.len()),
        };
        self.wrapped = wrap(article.text(), &structure.paragraphs.spans, width, &[]);
        self.preview = Some(Arc::new(structure));
        self.layout = None;
    }

    /// Takes the background's layout of a long article when it is the one asked for last,
    /// keeping the cursor on its sentence and the top line on its text; returns whether it did.
    pub fn take_prepared(&mut self, article: &Article, prepared: Prepared) -> bool {
        if self.article != prepared.index || self.asked != Some(prepared.key) {
            return false;
        }
        let cursor_at =
            self.wanted_at.take().or_else(|| self.sentences(article).get(self.place.cursor).map(|s| s.start));
        let top_at = self.wrapped.lines.iter().skip(self.place.scroll).find_map(|line| match line {
            WrappedLine::Text(span) => Some(span.start),
            WrappedLine::Blank => None,
        });
        let (generation, mentions) = prepared.mentions;
        self.take_mentions(article, generation, mentions);
        self.asked = None;
        self.preview = None;
        self.wrapped = prepared.wrapped;
        self.layout = Some(prepared.key);
        if let Some(at) = cursor_at {
            self.place.cursor = Self::sentence_at(article.sentences(), at);
        }
        if let Some(at) = top_at {
            self.place.scroll = self.wrapped.line_of(at);
        }
        true
    }

    /// The next word after byte `after` (or the first word of the cursor's sentence).
    pub fn next_word(article: &Article, after: Option<usize>, sentence: &Span) -> Option<Span> {
        match after {
            Some(end) => words_in(article.text(), end..article.text().len()).next(),
            None => words_in(article.text(), sentence.clone()).next(),
        }
    }

    /// The word before byte `before` (or the last word of the cursor's sentence).
    pub fn previous_word(article: &Article, before: Option<usize>, sentence: &Span) -> Option<Span> {
        match before {
            Some(start) => word_before(article.text(), start),
            None => words_in(article.text(), sentence.clone()).last(),
        }
    }

    /// The sentence holding byte `offset`.
    pub fn sentence_of(&self, article: &Article, offset: usize) -> usize {
        Self::sentence_at(self.sentences(article), offset)
    }

    /// The sentence of `sentences` holding byte `offset`.
    pub fn sentence_at(sentences: &[Span], offset: usize) -> usize {
        sentences.partition_point(|s| s.end <= offset).min(sentences.len().saturating_sub(1))
    }

    /// The mention covering the focus, if the focus is on a name.
    pub fn focused_mention(&self) -> Option<&Mention> {
        let focus = self.focus.as_ref()?;
        self.mentions.iter().find(|m| m.span.start <= focus.start && focus.end <= m.span.end)
    }
}

/// The end of an article's first part: the first paragraph break (or line break) between
/// half of [`SYNC_LIMIT`] and all of it, so the part holds whole paragraphs; at worst, all of it.
fn head_end(text: &str) -> usize {
    let from = floor_char_boundary(text, SYNC_LIMIT / 2);
    let until = floor_char_boundary(text, SYNC_LIMIT);
    let window = &text.as_bytes()[from..until];
    let blank = window.windows(2).position(|pair| pair == b"\n\n");
    blank.or_else(|| window.iter().position(|&b| b == b'\n')).map_or(until, |at| from + at)
}

fn floor_char_boundary(text: &str, at: usize) -> usize {
    (0..=at.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0)
}

/// `article` wrapped for `width`, leaving room for kind tags after names when `tags` is on.
fn layout(article: &Article, structure: &Structure, mentions: &[Mention], width: usize, tags: bool) -> Wrapped {
    let inserts: Vec<(usize, usize)> =
        if tags { mentions.iter().map(|m| (m.span.end, tag_width(m))).collect() } else { Vec::new() };
    wrap(article.text(), &structure.paragraphs.spans, width, &inserts)
}

/// Columns a kind tag takes after a name when colour is off: `[GPE]`, `[PERSON]` (the names
/// used in files and output, so there is one name for each kind).
pub fn tag_width(mention: &Mention) -> usize {
    mention.kind.name().len() + 2
}
