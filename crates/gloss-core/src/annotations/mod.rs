//! Annotations: claims with tags, flags, verdicts and notes; the RON store and its safe saving;
//! finding claims again when articles change; undo and redo.

pub mod anchoring;
pub mod claim;
pub mod edit;
pub mod follow;
pub mod history;
pub mod identity;
pub mod lock;
pub mod saver;
pub mod store;
pub mod vocabulary;

pub use claim::{Anchor, CONTEXT_CHARS, Claim, Verdict};
pub use edit::{Stamp, author_from_environment, claim_id};
pub use history::{Edit, History};
pub use identity::{Identity, Resolver, new_article_id};
pub use lock::{LockError, StoreLock, lock_path};
pub use saver::{SaveReport, Saver, SaverStopped};
pub use store::{ArticleRecord, STORE_VERSION, Store, StoreError, backup_path};
pub use vocabulary::{Colour, NamedColour, Tag, Vocabulary};
