//! The terminal front end: the only module that knows about ratatui and crossterm.
//!
//! The Elm architecture: [`AppState`] holds everything, [`update`] changes it for a [`Msg`] and
//! returns an [`Effect`] for the loop to carry out, [`view`] draws it.

mod action;
mod app;
mod compare;
mod effects;
mod fold;
mod geometry;
mod input;
mod layout;
pub mod loader;
mod memory;
mod popup;
mod reader;
mod search;
mod signals;
mod terminal;
mod theme;
mod update;
mod view;

use std::path::Path;

pub use action::Action;
pub use app::{Annotations, AppState, Focus, SaveState};
pub use compare::Compare;
pub use effects::run_now;
pub use memory::Memory;
pub use popup::Popup;
pub use signals::die;
pub use terminal::{Keeping, Outcome, restore, run};
pub use theme::{Background, Theme};
pub use update::{Effect, Mouse, MouseKind, Msg, TookOver, remember, startup, update};
pub use view::view;

use gloss_core::config::ron_file::{self, LoadError};

use crate::keymap::Keymap;

/// The built-in keymap, `keymap.ron` at the root of the repository.
pub const DEFAULT_KEYMAP: &str = include_str!("../../keymap.ron");

/// The keymap in effect: the built-in one, with the user's file (if any) over it.
pub fn load_keymap(user_file: Option<&Path>) -> Result<Keymap<Action>, LoadError> {
    let defaults = Keymap::parse(DEFAULT_KEYMAP, "built-in keymap.ron")?;
    let Some(path) = user_file else { return Ok(defaults) };
    let source = ron_file::read(path)?;
    Ok(defaults.with_overrides(&source, &path.display().to_string())?)
}

#[cfg(test)]
mod tests;
