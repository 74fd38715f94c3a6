//! Configuration that is not about screens: where gloss keeps its files.

pub mod paths;

pub use paths::Paths;
