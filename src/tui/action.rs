//! The actions keys can be bound to: one table with each action's name, contexts and descriptions.

use crate::config::{Bindable, Context};

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
                Entities: "Next entity", Picker: "Next choice", Dialog: "Next choice"),
            Self::MoveUp => info!("move_up",
                List: "Select the previous article", Reader: "Previous sentence", Help: "Scroll up",
                Entities: "Previous entity", Picker: "Previous choice", Dialog: "Previous choice"),
            Self::MoveTop => info!("move_top",
                List: "Select the first article", Reader: "First sentence", Help: "Scroll to the top",
                Entities: "First entity", Picker: "First choice"),
            Self::MoveBottom => info!("move_bottom",
                List: "Select the last article", Reader: "Last sentence", Help: "Scroll to the bottom",
                Entities: "Last entity", Picker: "Last choice"),
            Self::PageDown => info!("page_down",
                List: "Page down the list", Reader: "Page down", Help: "Page down", Entities: "Page down"),
            Self::PageUp => info!("page_up",
                List: "Page up the list", Reader: "Page up", Help: "Page up", Entities: "Page up"),
            Self::Open => info!("open",
                List: "Open the selected article in the reader",
                Entities: "Jump to the entity's next mention"),
            Self::Confirm => info!("confirm", Picker: "Choose", Dialog: "Choose"),
            Self::Cancel => info!("cancel", Dialog: "Cancel"),
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
        }
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
