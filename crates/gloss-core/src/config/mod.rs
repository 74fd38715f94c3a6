//! Configuration that is not about screens: where gloss keeps its files, and how it reads and
//! writes the RON ones.

pub mod paths;
pub mod ron_file;

pub use paths::Paths;
pub use ron_file::LocatedError;
