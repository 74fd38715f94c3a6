//! One article: its raw text as read, what its header says, and its structure computed on demand.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::decode::Decoding;
use super::document::{Document, Metadata};
use super::header::{Header, parse_header};
use crate::text::{Gap, Paragraphs, Span, gaps, paragraphs, sanitize_inline, sentences, word_count};

/// Where an article's text came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Origin {
    File(PathBuf),
    /// One of the sample articles built into the binary, by file name.
    Embedded(&'static str),
    /// One item of a feed file, by the item's GUID.
    Entry {
        feed: PathBuf,
        guid: String,
    },
}

impl Origin {
    /// The file name, as the gold annotations and exports name articles.
    pub fn file_name(&self) -> String {
        match self {
            Self::File(path) => {
                path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
            }
            Self::Embedded(name) => (*name).to_owned(),
            Self::Entry { feed, guid } => format!("{}#{guid}", Self::File(feed.clone()).file_name()),
        }
    }

    /// The path as given on the command line or found in a folder; `seeds:NAME` for built-ins.
    pub fn display_path(&self) -> String {
        match self {
            Self::File(path) => path.display().to_string(),
            Self::Embedded(name) => format!("seeds:{name}"),
            Self::Entry { feed, guid } => format!("{}#{guid}", feed.display()),
        }
    }

    /// The file the article was read from.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Self::File(path) | Self::Entry { feed: path, .. } => Some(path),
            Self::Embedded(_) => None,
        }
    }
}

/// A content fingerprint: BLAKE3 of the bytes as read. Equal fingerprints mean equal articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint([u8; 32]);

impl Fingerprint {
    pub fn of(bytes: &[u8]) -> Self {
        Self(*blake3::hash(bytes).as_bytes())
    }

    /// The full fingerprint in hex.
    pub fn to_hex(&self) -> String {
        blake3::Hash::from_bytes(self.0).to_hex().to_string()
    }
}

/// Sentences and other structure of an article, computed the first time something needs them.
#[derive(Debug, Clone)]
pub struct Structure {
    pub paragraphs: Paragraphs,
    pub sentences: Vec<Span>,
    pub gaps: Vec<Gap>,
}

impl Structure {
    /// The structure of `text`; `**` gaps only in text as written (a page rendered from HTML
    /// shows asterisks as they were).
    fn of(text: &str, with_gaps: bool) -> Self {
        let paragraphs = paragraphs(text);
        let sentences = sentences(text, &paragraphs);
        let gaps = if with_gaps { gaps(text) } else { Vec::new() };
        Self { paragraphs, sentences, gaps }
    }
}

/// An article of the corpus.
#[derive(Debug)]
pub struct Article {
    origin: Origin,
    text: String,
    decoding: Decoding,
    header: Header,
    /// Byline and URL, for formats that say them (Markdown front matter, HTML, feeds).
    metadata: Metadata,
    /// True when the text is a rendition of a structured format rather than the file's text:
    /// then `**` is an author's asterisks, not a marker of removed words.
    rendered: bool,
    /// Counted on first use: reading for recognition needs none.
    words: OnceLock<usize>,
    fingerprint: Fingerprint,
    structure: OnceLock<Structure>,
}

impl Article {
    /// Builds an article from text decoded from `raw` bytes. Cheap enough for a list of ten
    /// thousand: the header and a word count now, sentences only when asked.
    pub fn new(origin: Origin, raw: &[u8], text: String, decoding: Decoding) -> Self {
        let header = parse_header(&text);
        let fingerprint = Fingerprint::of(raw);
        Self::assemble(origin, fingerprint, text, decoding, (header, Metadata::default()), false)
    }

    /// Builds an article from a structured document: its text is the rendition, its title,
    /// source and date come from the document's metadata (the title from the text when it has
    /// none). The fingerprint is the rendition's, so a page whose markup changed but whose text
    /// did not is the same article.
    pub fn from_document(origin: Origin, document: &Document, decoding: Decoding) -> Self {
        let rendition = document.render();
        let text = rendition.text;
        let clean = |value: &Option<String>| value.as_deref().map(|v| sanitize_inline(v).into_owned());
        let mut header = Header {
            source: clean(&document.metadata.source),
            date: clean(&document.metadata.date),
            ..Header::default()
        };
        if let Some(title) = document.title() {
            header.title = sanitize_inline(title).into_owned();
            header.title_span = rendition.title_span;
        } else {
            header.title = parse_header(&text).title;
            header.title_derived = true;
        }
        let metadata = Metadata {
            title: Some(header.title.clone()),
            source: header.source.clone(),
            date: header.date.clone(),
            byline: clean(&document.metadata.byline),
            url: clean(&document.metadata.url),
        };
        let fingerprint = Fingerprint::of(text.as_bytes());
        Self::assemble(origin, fingerprint, text, decoding, (header, metadata), true)
    }

    /// The article from its parts; words and sentences wait until asked for.
    fn assemble(
        origin: Origin,
        fingerprint: Fingerprint,
        text: String,
        decoding: Decoding,
        (header, metadata): (Header, Metadata),
        rendered: bool,
    ) -> Self {
        Self {
            origin,
            fingerprint,
            text,
            decoding,
            header,
            metadata,
            rendered,
            words: OnceLock::new(),
            structure: OnceLock::new(),
        }
    }

    /// Builds an article from UTF-8 text (tests, built-in seeds).
    pub fn from_text(origin: Origin, text: &str) -> Self {
        Self::new(origin, text.as_bytes(), text.to_owned(), Decoding::Utf8)
    }

    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// The raw text, as read: every span gloss computes is a byte range into it.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn decoding(&self) -> Decoding {
        self.decoding
    }

    pub fn header(&self) -> &Header {
        &self.header
    }

    /// Title, source, date, byline and URL as the source said them (byline and URL only for
    /// structured formats).
    pub fn metadata(&self) -> &Metadata {
        &self.metadata
    }

    pub fn title(&self) -> &str {
        &self.header.title
    }

    /// The number of words; counted on first use, from any thread.
    pub fn words(&self) -> usize {
        *self.words.get_or_init(|| word_count(&self.text))
    }

    pub fn fingerprint(&self) -> Fingerprint {
        self.fingerprint
    }

    /// Paragraphs, sentences and gaps; computed once, on first use, from any thread.
    pub fn structure(&self) -> &Structure {
        self.structure.get_or_init(|| Structure::of(&self.text, !self.rendered))
    }

    /// The structure if it has been computed already: to ask without waiting for it (a long
    /// article's takes a while).
    pub fn structure_if_ready(&self) -> Option<&Structure> {
        self.structure.get()
    }

    /// The structure of the first `end` bytes alone (which must end a line), computed now.
    pub fn structure_of_head(&self, end: usize) -> Structure {
        Structure::of(&self.text[..end], !self.rendered)
    }

    pub fn sentences(&self) -> &[Span] {
        &self.structure().sentences
    }

    /// The sentences, when something has already split the article; splitting is the slow
    /// part of reading an article, and search splits only the paragraphs it needs.
    pub fn sentences_if_split(&self) -> Option<&[Span]> {
        self.structure.get().map(|s| s.sentences.as_slice())
    }
}
