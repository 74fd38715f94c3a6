//! Helpers for tests that run the real `gloss` binary.

#![allow(dead_code)]

pub mod pty;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The `gloss` binary built for these tests.
pub fn gloss_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_gloss"))
}

/// A `gloss` command with its own config and data folders under `home`, run from `cwd`.
pub fn gloss(home: &Path, cwd: &Path) -> Command {
    let mut command = Command::new(gloss_bin());
    command
        .current_dir(cwd)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env_remove("NO_COLOR");
    command
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The repository's `seeds/` folder.
pub fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}
