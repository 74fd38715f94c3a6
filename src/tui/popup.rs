//! Popups over the main screen: help, the entity and claim panels, choice lists, the note editor.

use std::sync::Arc;

use ratatui_textarea::TextArea;

use crate::annotations::{ArticleRecord, Verdict};
use crate::config::Context;
use crate::entities::{EntitySummary, Kind};

/// A window over everything else.
#[derive(Debug, Clone)]
pub enum Popup {
    Help { scroll: usize },
    Entities(EntityPanel),
    Claims(ClaimsPanel),
    Choice(Choice),
    Editor(Box<NoteEditor>),
}

impl Popup {
    /// The keymap context while this popup is open.
    pub fn context(&self) -> Context {
        match self {
            Self::Help { .. } => Context::Help,
            Self::Entities(_) => Context::Entities,
            Self::Claims(_) => Context::Claims,
            Self::Choice(choice) if choice.filter.is_some() => Context::Dialog,
            Self::Choice(_) => Context::Picker,
            Self::Editor(editor) if editor.confirm_discard => Context::Picker,
            Self::Editor(_) => Context::Editor,
        }
    }
}

/// The article's claims in text order, orphans last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimsPanel {
    pub selected: usize,
}

/// What a note is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteTarget {
    Claim { id: String },
    Article,
}

/// A note being written. Every keystroke goes to the store (and to disk) at once; closing the
/// editor makes the whole session one step of undo.
#[derive(Debug, Clone)]
pub struct NoteEditor {
    pub article_id: String,
    pub article: usize,
    pub target: NoteTarget,
    pub textarea: TextArea<'static>,
    /// The article's record before the editor opened.
    pub before: Option<ArticleRecord>,
    /// Asking whether to throw the changes away.
    pub confirm_discard: bool,
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
    Verdict(Verdict),
}

/// What choosing does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// Add `text` as a new entity of the chosen kind.
    AddEntity { text: String },
    /// Add `text` as another name of the chosen entity.
    AddAlias { text: String },
    /// Set the verdict of a claim of article `article`.
    SetVerdict { article: usize, target: ClaimTarget },
}

/// The claim a key acts on: one that exists, or one to make on a span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClaimTarget {
    Existing(String),
    New(crate::text::Span),
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
