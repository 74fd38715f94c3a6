//! Popups over the main screen: help, the entity panel, and choice lists.

use std::sync::Arc;

use crate::config::Context;
use crate::entities::{EntitySummary, Kind};

/// A window over everything else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    Help { scroll: usize },
    Entities(EntityPanel),
    Choice(Choice),
}

impl Popup {
    /// The keymap context while this popup is open.
    pub fn context(&self) -> Context {
        match self {
            Self::Help { .. } => Context::Help,
            Self::Entities(_) => Context::Entities,
            Self::Choice(choice) if choice.filter.is_some() => Context::Dialog,
            Self::Choice(_) => Context::Picker,
        }
    }
}

/// The article's entities by kind, with mention counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityPanel {
    pub entities: Vec<EntitySummary>,
    pub selected: usize,
    /// Which of the selected entity's mentions `open` jumps to next.
    pub next_mention: usize,
}

/// A list to choose one item from, optionally narrowed by typing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub title: String,
    pub items: Vec<ChoiceItem>,
    /// What has been typed to narrow the list; `None` when the list takes no typing.
    pub filter: Option<String>,
    /// Index into the items the filter keeps.
    pub selected: usize,
    pub purpose: Purpose,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceItem {
    pub label: String,
    pub value: ChoiceValue,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChoiceValue {
    Kind(Kind),
    Entity(Kind, Arc<str>),
}

/// What choosing does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// Add `text` as a new entity of the chosen kind.
    AddEntity { text: String },
    /// Add `text` as another name of the chosen entity.
    AddAlias { text: String },
}

impl Choice {
    /// The items the filter keeps, in order.
    pub fn shown(&self) -> Vec<&ChoiceItem> {
        let needle = self.filter.as_deref().unwrap_or("").to_lowercase();
        self.items.iter().filter(|item| item.label.to_lowercase().contains(&needle)).collect()
    }

    pub fn chosen(&self) -> Option<&ChoiceItem> {
        self.shown().get(self.selected).copied()
    }
}
