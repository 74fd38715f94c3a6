//! gloss-core: everything gloss knows that is not about terminals.
//!
//! - [`text`]: paragraphs, sentences, words and gaps of raw article text, as byte ranges;
//! - [`corpus`]: finding, decoding and describing articles (title, source, date, fingerprint);
//! - [`entities`]: the gazetteer, the name detector, recognition and the corpus-wide index;
//! - [`annotations`]: claims, notes, the store, the annotation session (intents, undo),
//!   keeping claims on their text, the journal that makes every edit durable, and the
//!   three-way merge of stores (live outside changes and git's merge driver alike);
//! - [`agreement`]: analysts compared (separate stores, or one shared store split by claim
//!   author): kappas, alpha, span F1, the disagreements of an article;
//! - [`library`]: fetched pages and feed items kept as snapshots, and the feeds followed;
//! - [`search`]: one query for the reader's search, the corpus search and `gloss search`;
//! - [`export`]: the Markdown briefing, JSON, CSV and W3C Web Annotation;
//! - [`config`]: where gloss keeps its files, and [`config::ron_file`], the one way to read and
//!   write them (located errors, byte-order marks, no failure turned into an empty file);
//! - [`files`]: atomic writes, so no file is ever left half-written;
//! - [`parallel`]: work on every core taken in order, for printing a corpus as it is processed;
//! - [`listing`]: which articles the article list shows and in what order (filters, sorts,
//!   fuzzy matching).
//!
//! The raw text of an article is the single source of truth: everything gloss computes about it
//! is a byte range into that text, converted to code points only in [`text::char_offset`].

pub mod agreement;
pub mod annotations;
pub mod config;
pub mod corpus;
pub mod entities;
pub mod export;
pub mod files;
pub mod library;
pub mod listing;
pub mod parallel;
pub mod search;
pub mod text;
