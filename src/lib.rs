//! gloss: a keyboard-first terminal reader and annotator for news analysts.
//!
//! The crate is a pure library plus one terminal front end:
//!
//! - [`text`]: paragraphs, sentences, words and gaps of raw article text, as byte ranges;
//! - [`corpus`]: finding, decoding and describing articles (title, source, date, fingerprint);
//! - [`entities`]: the gazetteer, the name detector, recognition and the corpus-wide index;
//! - [`config`]: where files live, the keymap and its validation;
//! - [`files`]: atomic writes, so no file is ever left half-written;
//! - [`cli`]: the command line, and the commands that need no terminal;
//! - [`tui`]: the only module that knows about terminals (ratatui + crossterm).
//!
//! The raw text of an article is the single source of truth: everything gloss computes about it
//! is a byte range into that text, converted to code points only in [`text::char_offset`].

pub mod annotations;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod entities;
pub mod export;
pub mod files;
pub mod text;
pub mod tui;
