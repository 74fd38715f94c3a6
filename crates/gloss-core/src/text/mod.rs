//! Text structure over an article's raw text: paragraphs, sentences, words, gaps; all byte
//! ranges; and [`inert`], how untrusted text is written to each kind of output.

mod bounds;
mod collapsed;
mod counts;
mod gaps;
pub mod inert;
mod offsets;
mod paragraphs;
mod sanitize;
mod sentences;
mod words;
mod wrap;

pub use counts::{counted, group_thousands};
pub use gaps::{Gap, gaps};
pub use offsets::{CharOffsets, Location, Locator, char_offset};
pub use paragraphs::{Paragraphs, paragraphs};
pub use sanitize::sanitize_inline;
pub use sentences::{sentences, sentences_in};
pub use words::{word_before, word_count, words_in};
pub use wrap::{Wrapped, WrappedLine, wrap};

/// A half-open byte range into an article's raw text.
pub type Span = std::ops::Range<usize>;
