//! Search: in one article (the reader's `/`) and across the corpus — text, titles and notes —
//! (the reader's `ctrl-f`, `gloss search`), with filters on claims and entities.
//!
//! - [`Query`]: plain text or a regular expression, smart case; its matches are byte ranges
//!   into the text searched, like every other span in gloss;
//! - [`Hit`]: one match across the corpus, with where it is (line and column, code points, text
//!   or note) and the sentence around it;
//! - [`search_article`] and [`search_corpus`]: every hit, in corpus order, to a sink that can
//!   stop the search; [`Streamer`] runs a corpus search in batches that a new query cancels;
//! - [`Scope`]: which articles, and which claims' text and notes, a search looks in.

mod article;
mod corpus;
mod hit;
mod notes;
mod query;
mod scope;
mod sentence;

pub use article::search_article;
pub use corpus::{Batch, Streamer, search_corpus};
pub use hit::{CONTEXT_CHARS, Context, Field, Hit};
pub use notes::{ArticleNotes, Notes};
pub use query::{Mode, Query, QueryError};
pub use scope::{Scope, mentions_entity};
