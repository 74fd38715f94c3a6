//! Annotations: claims with tags, flags, verdicts and notes; the RON store and its safe saving;
//! the session that changes them (with undo and redo); finding articles' records and keeping
//! claims on their text.

pub mod anchoring;
pub mod claim;
pub mod conflict;
pub mod durable;
pub mod edit;
pub mod follow;
pub mod identity;
pub mod labels;
pub mod lock;
pub mod lookup;
pub mod merge;
pub mod open;
pub mod session;
pub mod store;
pub mod summary;
pub mod vocabulary;

pub use claim::{Anchor, CONTEXT_CHARS, Claim, Verdict};
pub use edit::{Stamp, author_from_environment, claim_id};
pub use follow::{Attached, Followed, article_id, attach};
pub use identity::{Identity, Resolver, new_article_id};
pub use labels::Labels;
pub use lock::{LockError, StoreLock, lock_path};
pub use lookup::{LookupError, article_ids};
pub use open::{OpenedStore, RescueError, open_store, read_store, rescue, take_over};
pub use session::{Clock, Intent, NoteOn, Outcome, Pointer, Refused, Session, Target};
pub use store::{ArticleRecord, STORE_VERSION, Store, StoreError, backup_path};
pub use summary::ArticleSummary;
pub use vocabulary::{Colour, NamedColour, Tag, Vocabulary};
