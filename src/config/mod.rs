//! Configuration: where gloss keeps its files, key chords and keymaps.

pub mod chord;
pub mod keymap;
pub mod paths;

pub use chord::{Chord, ChordError, Key};
pub use keymap::{Bindable, Context, Keymap, KeymapError};
pub use paths::Paths;
