//! Named entities: the gazetteer, the matcher, the name detector, and the corpus-wide index.

mod case;
mod consistency;
mod detector;
mod gazetteer;
mod index;
mod kind;
mod lexicon;
mod matcher;
mod recognizer;
mod teams;
mod tokens;
mod user;

pub use case::{CaseMap, LineCase};
pub use gazetteer::{BUILT_IN, Entry, EntryOrigin, Gazetteer, parse};
pub use index::{EntityIndex, EntityKey, EntitySummary, entities_of, summarize};
pub use kind::Kind;
pub use lexicon::Lexicon;
pub use matcher::{Found, Matcher};
pub use recognizer::{CorpusFinder, CorpusNames, Learned, Mention, MentionSource, Recognizer};
pub use user::{UserAlias, UserEntity, UserGazetteer, UserGazetteerError};
