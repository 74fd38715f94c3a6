//! The actions keys can be bound to: one table with each action's name, contexts and descriptions.

use crate::keymap::{Bindable, Context};

/// Declares the action enum and the list of all its variants from one list of names.
macro_rules! actions {
    ($($variant:ident),* $(,)?) => {
        /// Something the user can ask for with a key. Names are `snake_case` in keymap files.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action {
            $($variant),*
        }

        impl Action {
            pub const ALL: &[Self] = &[$(Self::$variant),*];
        }
    };
}

actions![
    Quit,
    Help,
    FocusNext,
    FocusPrev,
    Back,
    MoveDown,
    MoveUp,
    MoveTop,
    MoveBottom,
    PageDown,
    PageUp,
    Open,
    Confirm,
    Cancel,
    Select,
    NextWord,
    PrevWord,
    NextEntity,
    PrevEntity,
    ToggleHighlights,
    EntityPanel,
    FilterByEntity,
    AddEntity,
    AddAlias,
    RejectEntity,
    Tag1,
    Tag2,
    Tag3,
    Tag4,
    Tag5,
    Tag6,
    Tag7,
    Tag8,
    Tag9,
    ToggleCheckWorthy,
    SetVerdict,
    NextClaim,
    PrevClaim,
    ClaimsPanel,
    EditClaimNote,
    EditArticleNote,
    DeleteClaim,
    Undo,
    Redo,
    CloseEditor,
    DiscardNote,
    Export,
    NextOption,
    PrevOption,
    ClearField,
];

/// What an action does in one context.
#[derive(Debug, Clone, Copy)]
pub struct Use {
    pub context: Context,
    pub about: &'static str,
}

/// Everything gloss knows about an action, in one place.
#[derive(Debug, Clone, Copy)]
pub struct ActionInfo {
    pub name: &'static str,
    pub uses: &'static [Use],
}

/// `Use` literals, short enough for the table below.
macro_rules! on {
    ($context:ident, $about:literal) => {
        Use { context: Context::$context, about: $about }
    };
}

/// An action with its uses: `info!("name", Context: "what it does", ...)`.
macro_rules! info {
    ($name:literal, $($context:ident: $about:literal),+ $(,)?) => {
        ActionInfo { name: $name, uses: &[$(on!($context, $about)),+] }
    };
}

impl Action {
    pub fn info(self) -> ActionInfo {
        match self {
            Self::Quit => info!("quit", Global: "Quit gloss"),
            Self::Help => info!("help", Global: "Show or hide this help"),
            Self::FocusNext => info!("focus_next", Global: "Focus the next pane"),
            Self::FocusPrev => info!("focus_prev", Global: "Focus the previous pane"),
            Self::Back => info!("back", Global: "Close the popup; clear the selection or filter; back to the list"),
            Self::MoveDown => info!("move_down",
                List: "Select the next article", Reader: "Next sentence", Help: "Scroll down",
                Entities: "Next entity", Claims: "Next claim", Picker: "Next choice", Dialog: "Next choice",
                Export: "Next field"),
            Self::MoveUp => info!("move_up",
                List: "Select the previous article", Reader: "Previous sentence", Help: "Scroll up",
                Entities: "Previous entity", Claims: "Previous claim", Picker: "Previous choice",
                Dialog: "Previous choice", Export: "Previous field"),
            Self::MoveTop => info!("move_top",
                List: "Select the first article", Reader: "First sentence", Help: "Scroll to the top",
                Entities: "First entity", Claims: "First claim", Picker: "First choice"),
            Self::MoveBottom => info!("move_bottom",
                List: "Select the last article", Reader: "Last sentence", Help: "Scroll to the bottom",
                Entities: "Last entity", Claims: "Last claim", Picker: "Last choice"),
            Self::PageDown => info!("page_down",
                List: "Page down the list", Reader: "Page down", Help: "Page down", Entities: "Page down"),
            Self::PageUp => info!("page_up",
                List: "Page up the list", Reader: "Page up", Help: "Page up", Entities: "Page up"),
            Self::Open => info!("open",
                List: "Open the selected article in the reader",
                Entities: "Jump to the entity's next mention",
                Claims: "Jump to the claim"),
            Self::Confirm => info!("confirm", Picker: "Choose", Dialog: "Choose", Export: "Write the export"),
            Self::Cancel => info!("cancel", Dialog: "Cancel", Export: "Close without exporting"),
            Self::Select => info!("select", Reader: "Start a selection here (or drop it); j/k and l/h extend it"),
            Self::NextWord => info!("next_word", Reader: "Next word (or extend the selection)"),
            Self::PrevWord => info!("prev_word", Reader: "Previous word (or shrink the selection)"),
            Self::NextEntity => info!("next_entity", Reader: "Next entity mention"),
            Self::PrevEntity => info!("prev_entity", Reader: "Previous entity mention"),
            Self::ToggleHighlights => info!("toggle_highlights", Reader: "Entity highlighting on or off"),
            Self::EntityPanel => info!("entity_panel", Reader: "The article's entities, by kind"),
            Self::FilterByEntity => info!("filter_by_entity", Entities: "Show only articles that mention it"),
            Self::AddEntity => info!("add_entity", Reader: "Add the word(s) under the cursor as an entity"),
            Self::AddAlias => info!("add_alias", Reader: "Add the word(s) as another name of a known entity"),
            Self::RejectEntity => info!("reject_entity", Reader: "Mark the highlighted name wrong, everywhere"),
            Self::Tag1 => info!("tag_1", Reader: "Toggle claim tag 1"),
            Self::Tag2 => info!("tag_2", Reader: "Toggle claim tag 2"),
            Self::Tag3 => info!("tag_3", Reader: "Toggle claim tag 3"),
            Self::Tag4 => info!("tag_4", Reader: "Toggle claim tag 4"),
            Self::Tag5 => info!("tag_5", Reader: "Toggle claim tag 5"),
            Self::Tag6 => info!("tag_6", Reader: "Toggle claim tag 6"),
            Self::Tag7 => info!("tag_7", Reader: "Toggle claim tag 7"),
            Self::Tag8 => info!("tag_8", Reader: "Toggle claim tag 8"),
            Self::Tag9 => info!("tag_9", Reader: "Toggle claim tag 9"),
            Self::ToggleCheckWorthy => info!("toggle_check_worthy", Reader: "Mark the claim check-worthy, or not"),
            Self::SetVerdict => info!("set_verdict", Reader: "Set the claim's verdict"),
            Self::NextClaim => info!("next_claim", Reader: "Next claim"),
            Self::PrevClaim => info!("prev_claim", Reader: "Previous claim"),
            Self::ClaimsPanel => info!("claims_panel", Reader: "The article's claims, in text order"),
            Self::EditClaimNote => info!("edit_claim_note", Reader: "Write a note on the claim (making one if needed)"),
            Self::EditArticleNote => info!("edit_article_note", Reader: "Write a note on the article"),
            Self::DeleteClaim => {
                info!("delete_claim", Reader: "Delete the claim (u undoes)", Claims: "Delete the claim (u undoes)")
            }
            Self::Undo => info!("undo", Global: "Undo the last change to claims, notes or names"),
            Self::Redo => info!("redo", Global: "Redo what was undone"),
            Self::CloseEditor => info!("close_editor", Editor: "Close the note, keeping what is written"),
            Self::DiscardNote => info!("discard_note", Editor: "Throw away the changes to this note (asks first)"),
            Self::Export => info!("export",
                List: "Export claims and notes: Markdown briefing, JSON, CSV or W3C",
                Reader: "Export claims and notes: Markdown briefing, JSON, CSV or W3C"),
            Self::NextOption => info!("next_option", Export: "Next format or scope (in the file name: cursor right)"),
            Self::PrevOption => {
                info!("prev_option", Export: "Previous format or scope (in the file name: cursor left)")
            }
            Self::ClearField => info!("clear_field", Export: "Clear the file name, to type another"),
        }
    }

    /// The claim-tag slot (1-9) of a `tag_N` action.
    pub fn tag_slot(self) -> Option<usize> {
        const SLOTS: [Action; 9] = [
            Action::Tag1,
            Action::Tag2,
            Action::Tag3,
            Action::Tag4,
            Action::Tag5,
            Action::Tag6,
            Action::Tag7,
            Action::Tag8,
            Action::Tag9,
        ];
        SLOTS.iter().position(|&a| a == self).map(|i| i + 1)
    }

    /// What this action does in `context`, for help.
    pub fn about(self, context: Context) -> &'static str {
        let info = self.info();
        info.uses.iter().find(|u| u.context == context).or(info.uses.first()).map_or("", |u| u.about)
    }
}

impl Bindable for Action {
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|a| a.info().name == name)
    }

    fn name(self) -> &'static str {
        self.info().name
    }

    fn contexts(self) -> Vec<Context> {
        self.info().uses.iter().map(|u| u.context).collect()
    }
}
