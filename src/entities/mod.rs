//! Named entities: the gazetteer, the matcher, the name detector, and the corpus-wide index.

mod case;
mod detector;
mod gazetteer;
mod kind;
mod lexicon;
mod matcher;
mod recognizer;
mod tokens;

pub use case::{CaseMap, LineCase};
pub use gazetteer::{BUILT_IN, Entry, EntryOrigin, Gazetteer, GazetteerError, parse};
pub use kind::Kind;
pub use lexicon::Lexicon;
pub use matcher::{Found, Matcher};
pub use recognizer::{Mention, MentionSource, Recognizer};
