//! Key hints for the status bar, made from the live keymap so they always tell the truth.

use super::super::action::Action;
use crate::keymap::{Context, Keymap};

/// What the status bar offers in each context: groups of actions shown as one hint, most
/// useful first (a narrow terminal shows the first ones). The first and last tag keys read as
/// a range (`1–8 tag`).
fn hint_groups(context: Context) -> &'static [(&'static [Action], &'static str)] {
    use Action::{
        Adopt, Back, Cancel, ClaimsPanel, CloseEditor, Confirm, DeleteClaim, DiscardNote, EditArticleNote,
        EditClaimNote, EntityPanel, Export, Figures, FilterByEntity, FilterByTitle, FilterMenu, FocusNext, Help,
        KeepValue, MoveDown, MoveUp, NextClaim, NextDisagreement, NextEntity, NextOption, Open, PrevClaim,
        PrevDisagreement, PrevEntity, PrevOption, Quit, Search, SearchCorpus, Select, SortMenu, Tag1, Tag8,
        TakeOtherValue, ToggleCheckWorthy, ToggleRegex, Undo,
    };
    match context {
        Context::List => &[
            (&[MoveDown, MoveUp], "move"),
            (&[Open], "open"),
            (&[SearchCorpus], "search"),
            (&[FilterByTitle], "title"),
            (&[FilterMenu], "filter"),
            (&[SortMenu], "sort"),
            (&[FocusNext], "pane"),
            (&[Undo], "undo"),
            (&[Export], "export"),
            (&[Help], "help"),
            (&[Quit], "quit"),
        ],
        Context::Reader => &[
            (&[MoveDown, MoveUp], "sentence"),
            (&[Tag1, Tag8], "tag"),
            (&[ToggleCheckWorthy], "check"),
            (&[EditClaimNote], "note"),
            (&[NextClaim, PrevClaim], "claim"),
            (&[ClaimsPanel], "claims"),
            (&[NextEntity, PrevEntity], "name"),
            (&[EntityPanel], "names"),
            (&[Help], "help"),
            (&[Search], "search"),
            (&[Export], "export"),
            (&[Select], "select"),
        ],
        Context::Entities => {
            &[(&[MoveDown, MoveUp], "move"), (&[Open], "jump"), (&[FilterByEntity], "filter list"), (&[Back], "close")]
        }
        Context::Claims => &[
            (&[MoveDown, MoveUp], "move"),
            (&[Open], "jump"),
            (&[KeepValue, TakeOtherValue], "settle"),
            (&[DeleteClaim], "delete"),
            (&[EditArticleNote], "article note"),
            (&[Back], "close"),
        ],
        Context::Picker => &[(&[MoveDown, MoveUp], "move"), (&[Confirm], "choose"), (&[Back], "cancel")],
        Context::Dialog => &[(&[MoveDown, MoveUp], "move"), (&[Confirm], "choose"), (&[Cancel], "cancel")],
        Context::Export => &[
            (&[MoveDown, MoveUp], "field"),
            (&[NextOption, PrevOption], "change"),
            (&[Confirm], "export"),
            (&[Cancel], "cancel"),
        ],
        Context::Editor => &[(&[CloseEditor], "done"), (&[DiscardNote], "throw away")],
        Context::Help => &[(&[MoveDown, MoveUp], "scroll"), (&[Back, Help], "close")],
        Context::Global => &[(&[Back], "back"), (&[Help], "help")],
        Context::Search => &[(&[Confirm], "keep"), (&[ToggleRegex], "regex"), (&[Cancel], "clear")],
        Context::CorpusSearch => {
            &[(&[MoveDown, MoveUp], "move"), (&[Confirm], "open"), (&[ToggleRegex], "regex"), (&[Cancel], "close")]
        }
        Context::Compare => &[
            (&[NextDisagreement, PrevDisagreement], "disagreement"),
            (&[MoveDown, MoveUp], "analyst"),
            (&[Adopt], "adopt theirs"),
            (&[Figures], "figures"),
            (&[Undo], "undo"),
            (&[Back], "close"),
        ],
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
            let range = actions.first().and_then(|a| a.tag_slot()).is_some() && keys.len() == 2;
            (!keys.is_empty()).then(|| (keys.join(if range { "–" } else { "/" }), *label))
        })
        .collect()
}
