//! Configuration that is not about screens: where gloss keeps its files, how it reads and
//! writes the RON ones, the analyst's settings and who the analyst is.

pub mod author;
pub mod paths;
pub mod ron_file;
pub mod settings;

pub use author::{Author, AuthorSource};
pub use paths::Paths;
pub use ron_file::LocatedError;
pub use settings::Settings;
