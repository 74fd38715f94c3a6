//! The actions keys can be bound to: one table with each action's name, contexts and descriptions.

use crate::config::{Bindable, Context};

/// Something the user can ask for with a key. Names are `snake_case` in keymap files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
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
}

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

/// Contexts where a list of things can be walked with the movement keys.
macro_rules! movement {
    ($name:literal, $list:literal, $reader:literal, $other:literal) => {
        ActionInfo { name: $name, uses: &[on!(List, $list), on!(Reader, $reader), on!(Help, $other)] }
    };
}

impl Action {
    pub const ALL: [Self; 12] = [
        Self::Quit,
        Self::Help,
        Self::FocusNext,
        Self::FocusPrev,
        Self::Back,
        Self::MoveDown,
        Self::MoveUp,
        Self::MoveTop,
        Self::MoveBottom,
        Self::PageDown,
        Self::PageUp,
        Self::Open,
    ];

    pub fn info(self) -> ActionInfo {
        match self {
            Self::Quit => ActionInfo { name: "quit", uses: &[on!(Global, "Quit gloss")] },
            Self::Help => ActionInfo { name: "help", uses: &[on!(Global, "Show or hide this help")] },
            Self::FocusNext => ActionInfo { name: "focus_next", uses: &[on!(Global, "Focus the next pane")] },
            Self::FocusPrev => ActionInfo { name: "focus_prev", uses: &[on!(Global, "Focus the previous pane")] },
            Self::Back => {
                ActionInfo { name: "back", uses: &[on!(Global, "Close the popup; from the reader, back to the list")] }
            }
            Self::MoveDown => movement!("move_down", "Select the next article", "Next sentence", "Scroll down"),
            Self::MoveUp => movement!("move_up", "Select the previous article", "Previous sentence", "Scroll up"),
            Self::MoveTop => movement!("move_top", "Select the first article", "First sentence", "Scroll to the top"),
            Self::MoveBottom => {
                movement!("move_bottom", "Select the last article", "Last sentence", "Scroll to the bottom")
            }
            Self::PageDown => movement!("page_down", "Page down the list", "Page down", "Page down"),
            Self::PageUp => movement!("page_up", "Page up the list", "Page up", "Page up"),
            Self::Open => ActionInfo { name: "open", uses: &[on!(List, "Open the selected article in the reader")] },
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
        Self::ALL.into_iter().find(|a| a.info().name == name)
    }

    fn name(self) -> &'static str {
        self.info().name
    }

    fn contexts(self) -> Vec<Context> {
        self.info().uses.iter().map(|u| u.context).collect()
    }
}
