//! Key chords as written in keymap files (`ctrl-c`, `shift-tab`, `G`, `pagedown`), parsed and printed.

use std::fmt;
use std::str::FromStr;

/// A key without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

/// A key with modifiers. Letters carry their case instead of a shift modifier (`G`, not
/// `shift-g`), so a chord is written one way only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chord {
    pub key: Key,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

impl Chord {
    pub const fn plain(key: Key) -> Self {
        Self { key, ctrl: false, alt: false, shift: false }
    }

    /// A chord with shift folded into the key where it belongs: `shift-g` is `G`, `shift-tab`
    /// is the back-tab key; shift with other characters (`?`, `!`) is already in the character.
    #[must_use]
    pub fn normalized(mut self) -> Self {
        match self.key {
            Key::Char(c) if self.shift => {
                self.key = Key::Char(c.to_uppercase().next().unwrap_or(c));
                self.shift = false;
            }
            Key::Tab if self.shift => {
                self.key = Key::BackTab;
                self.shift = false;
            }
            Key::BackTab => self.shift = false,
            _ => {}
        }
        // Terminals report ctrl-G and ctrl-g alike; so does gloss.
        if let (Key::Char(c), true) = (self.key, self.ctrl) {
            self.key = Key::Char(c.to_ascii_lowercase());
        }
        self
    }
}

/// Why a chord could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChordError(String);

impl fmt::Display for ChordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ChordError {}

const NAMED: &[(&str, Key)] = &[
    ("enter", Key::Enter),
    ("return", Key::Enter),
    ("esc", Key::Esc),
    ("escape", Key::Esc),
    ("tab", Key::Tab),
    ("backtab", Key::BackTab),
    ("backspace", Key::Backspace),
    ("delete", Key::Delete),
    ("del", Key::Delete),
    ("insert", Key::Insert),
    ("up", Key::Up),
    ("down", Key::Down),
    ("left", Key::Left),
    ("right", Key::Right),
    ("home", Key::Home),
    ("end", Key::End),
    ("pageup", Key::PageUp),
    ("pgup", Key::PageUp),
    ("pagedown", Key::PageDown),
    ("pgdn", Key::PageDown),
    ("space", Key::Char(' ')),
    ("minus", Key::Char('-')),
];

impl FromStr for Chord {
    type Err = ChordError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text.is_empty() {
            return Err(ChordError("an empty key; write a key such as \"j\", \"ctrl-d\" or \"enter\"".into()));
        }
        // A lone `-` is the minus key; otherwise `-` separates modifiers from the key.
        let (modifiers, key) = match text.rsplit_once('-') {
            Some((mods, "")) if !mods.is_empty() => (mods.strip_suffix('-').unwrap_or(mods), "-"),
            Some((mods, key)) if !mods.is_empty() => (mods, key),
            _ => ("", text),
        };
        let mut chord = Self::plain(parse_key(key, text)?);
        for modifier in modifiers.split('-').filter(|m| !m.is_empty()) {
            match modifier.to_ascii_lowercase().as_str() {
                "ctrl" | "control" | "c" => chord.ctrl = true,
                "alt" | "meta" | "m" | "a" => chord.alt = true,
                "shift" | "s" => chord.shift = true,
                other => {
                    return Err(ChordError(format!(
                        "unknown modifier `{other}` in \"{text}\"; use ctrl, alt or shift, as in \"ctrl-d\""
                    )));
                }
            }
        }
        Ok(chord.normalized())
    }
}

fn parse_key(key: &str, whole: &str) -> Result<Key, ChordError> {
    let mut chars = key.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Ok(Key::Char(c));
    }
    let lower = key.to_ascii_lowercase();
    if let Some((_, named)) = NAMED.iter().find(|(name, _)| *name == lower) {
        return Ok(*named);
    }
    if let Some(number) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()).filter(|n| (1..=24).contains(n)) {
        return Ok(Key::F(number));
    }
    Err(ChordError(format!(
        "unknown key `{key}` in \"{whole}\"; use one character (\"j\", \"G\", \"?\") or a key name such as enter, esc, tab, up, pagedown, home, f1"
    )))
}

impl fmt::Display for Chord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        if self.shift {
            f.write_str("shift-")?;
        }
        match self.key {
            Key::Char(' ') => f.write_str("space"),
            Key::Char(c) => write!(f, "{c}"),
            Key::BackTab => f.write_str("shift-tab"),
            Key::F(n) => write!(f, "f{n}"),
            named => {
                let name = NAMED.iter().find(|(_, k)| *k == named).map_or("?", |(name, _)| name);
                f.write_str(name)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chord(text: &str) -> Chord {
        text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn parses_and_prints_back() {
        for text in [
            "q",
            "G",
            "?",
            "!",
            "ctrl-c",
            "ctrl-r",
            "shift-tab",
            "enter",
            "esc",
            "pagedown",
            "pageup",
            "home",
            "end",
            "f5",
            "alt-x",
            "space",
            "-",
            "ctrl--",
            "[",
            "]",
            "1",
        ] {
            let parsed = chord(text);
            let printed = parsed.to_string();
            assert_eq!(chord(&printed), parsed, "{text} printed as {printed}");
        }
        assert_eq!(chord("ctrl-c").to_string(), "ctrl-c");
        assert_eq!(chord("shift-tab").to_string(), "shift-tab");
    }

    #[test]
    fn shift_folds_into_the_key() {
        assert_eq!(chord("shift-g"), chord("G"));
        assert_eq!(chord("shift-tab"), chord("backtab"));
        assert_eq!(chord("ctrl-G"), chord("ctrl-g"));
        assert_eq!(chord("PageDown"), chord("pgdn"));
    }

    #[test]
    fn bad_chords_say_what_to_write() {
        assert!(Chord::from_str("").unwrap_err().to_string().contains("empty key"));
        assert!(Chord::from_str("hyper-x").unwrap_err().to_string().contains("unknown modifier `hyper`"));
        assert!(Chord::from_str("ctrl-pagedwn").unwrap_err().to_string().contains("unknown key `pagedwn`"));
        assert!(Chord::from_str("f99").is_err());
    }
}
