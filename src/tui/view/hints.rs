//! Key hints for the status bar, made from the live keymap so they always tell the truth.

use super::super::action::Action;
use crate::config::{Context, Keymap};

/// What the status bar offers in each context: groups of actions shown as one hint.
fn hint_groups(context: Context) -> &'static [(&'static [Action], &'static str)] {
    use Action::{
        Back, Cancel, Confirm, EntityPanel, FilterByEntity, FocusNext, Help, MoveDown, MoveUp, NextEntity, NextWord,
        Open, PageDown, PrevEntity, PrevWord, Quit, Select,
    };
    match context {
        Context::List => &[
            (&[MoveDown, MoveUp], "move"),
            (&[Open], "open"),
            (&[FocusNext], "pane"),
            (&[Help], "help"),
            (&[Quit], "quit"),
        ],
        Context::Reader => &[
            (&[MoveDown, MoveUp], "sentence"),
            (&[NextWord, PrevWord], "word"),
            (&[NextEntity, PrevEntity], "name"),
            (&[EntityPanel], "names"),
            (&[Select], "select"),
            (&[PageDown], "page"),
            (&[Help], "help"),
            (&[Quit], "quit"),
        ],
        Context::Entities => {
            &[(&[MoveDown, MoveUp], "move"), (&[Open], "jump"), (&[FilterByEntity], "filter list"), (&[Back], "close")]
        }
        Context::Picker => &[(&[MoveDown, MoveUp], "move"), (&[Confirm], "choose"), (&[Back], "cancel")],
        Context::Dialog => &[(&[MoveDown, MoveUp], "move"), (&[Confirm], "choose"), (&[Cancel], "cancel")],
        Context::Help => &[(&[MoveDown, MoveUp], "scroll"), (&[Back, Help], "close")],
        _ => &[(&[Back], "back"), (&[Help], "help")],
    }
}

/// `(keys, label)` pairs for `context`, each with the first key of each action in the group;
/// actions with no key in the live keymap are left out.
pub fn hints(keymap: &Keymap<Action>, context: Context) -> Vec<(String, &'static str)> {
    hint_groups(context)
        .iter()
        .filter_map(|(actions, label)| {
            let keys: Vec<String> = actions
                .iter()
                .filter_map(|&action| {
                    let own = keymap.chords(context, action);
                    let chords = if own.is_empty() { keymap.chords(Context::Global, action) } else { own };
                    chords.first().map(ToString::to_string)
                })
                .collect();
            (!keys.is_empty()).then(|| (keys.join("/"), *label))
        })
        .collect()
}
