//! A user's keymap file: any bytes give a keymap or a located error, and the error is shown
//! inert.
#![no_main]

use gloss::keymap::Keymap;
use gloss::tui::{Action, DEFAULT_KEYMAP};
use gloss_core::text::inert::{Class, class, terminal};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|source: &str| {
    let Ok(defaults) = Keymap::<Action>::parse(DEFAULT_KEYMAP, "built-in keymap.ron") else {
        panic!("the built-in keymap does not parse")
    };
    if let Err(error) = defaults.with_overrides(source, "fuzz.ron") {
        let message = error.to_string();
        assert!(terminal::lines(&message).chars().all(|c| c == '\n' || class(c) == Class::Plain));
    }
});
