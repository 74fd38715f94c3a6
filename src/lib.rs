//! gloss's front end: the command line and the terminal reader, over [`gloss_core`].
//!
//! - [`cli`]: the command line, and the commands that need no terminal;
//! - [`keymap`]: key chords and keymaps, per screen context, read from RON;
//! - [`tui`]: the only module that knows about terminals (ratatui + crossterm).
//!
//! Everything that knows no terminal — text, corpus, entities, annotations, export — is in
//! `gloss-core`; this crate turns keys into intents and draws what the core says.

pub mod cli;
pub mod keymap;
pub mod tui;
