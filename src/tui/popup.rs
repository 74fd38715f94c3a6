//! Popups over the main screen: help, the entity and claim panels, choice lists, the note
//! editor, the export dialog, the search line, the corpus search and the disagreement view.

use std::sync::Arc;

use ratatui_textarea::TextArea;

use super::compare::ComparePanel;
use super::search::{CorpusPanel, SearchLine};
use crate::keymap::Context;
use gloss_core::annotations::{Target, Verdict};
use gloss_core::entities::{EntitySummary, Kind};
use gloss_core::export::{Filter, Format, Tally};
use gloss_core::listing::{Fuzzy, Sort};

/// A window over everything else.
#[derive(Debug, Clone)]
pub enum Popup {
    Help {
        scroll: usize,
    },
    Entities(EntityPanel),
    Claims(ClaimsPanel),
    Choice(Choice),
    Editor(Box<NoteEditor>),
    Export(Box<ExportDialog>),
    Search(Box<SearchLine>),
    Corpus(Box<CorpusPanel>),
    /// The line where a title query is typed; the list narrows as it is typed.
    TitleQuery(String),
    /// The disagreement view.
    Compare(Box<ComparePanel>),
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
            Self::Export(_) => Context::Export,
            Self::Search(_) => Context::Search,
            Self::Corpus(_) => Context::CorpusSearch,
            Self::TitleQuery(_) => Context::Dialog,
            Self::Compare(_) => Context::Compare,
        }
    }
}

/// The article's claims in text order, orphans last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimsPanel {
    pub selected: usize,
}

/// A note being written: the text as edited. What it is on, and what to go back to, the
/// annotation session keeps; every keystroke goes to it (and to disk) at once.
#[derive(Debug, Clone)]
pub struct NoteEditor {
    pub textarea: TextArea<'static>,
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

/// A list to choose one item from, optionally narrowed by typing (fuzzy, best matches first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub title: String,
    pub items: Vec<ChoiceItem>,
    /// What has been typed to narrow the list; `None` when the list takes no typing.
    pub filter: Option<String>,
    /// Index into the items the filter keeps.
    pub selected: usize,
    pub purpose: Purpose,
    /// The items the filter keeps, best first: matched once per keystroke, not per frame.
    kept: Vec<usize>,
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
    Tag(String),
    Sort(Sort),
    Filter(FilterOption),
    /// Takes a filter off: the first item of the entity, tag and verdict lists.
    Any,
}

/// The filter menu's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterOption {
    Title,
    Entity,
    Tag,
    CheckWorthy,
    Verdict,
    HasNotes,
    Unread,
    Read,
    ClearAll,
}

/// What choosing does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// Add `text` as a new entity of the chosen kind.
    AddEntity {
        text: String,
    },
    /// Add `text` as another name of the chosen entity.
    AddAlias {
        text: String,
    },
    /// Set the verdict of a claim of article `article`.
    SetVerdict {
        article: usize,
        target: Target,
    },
    /// The filter menu, and the lists it opens.
    Filters,
    FilterEntity,
    FilterTag,
    FilterVerdict,
    Sort,
}

impl Purpose {
    /// The filter and sort menus and the lists they open.
    pub fn is_list_menu(&self) -> bool {
        matches!(self, Self::Filters | Self::FilterEntity | Self::FilterTag | Self::FilterVerdict | Self::Sort)
    }
}

impl Choice {
    /// A list of `items`, to be narrowed by typing when `typed` is `Some`.
    pub fn new(title: impl Into<String>, items: Vec<ChoiceItem>, typed: Option<String>, purpose: Purpose) -> Self {
        let kept = (0..items.len()).collect();
        let mut choice = Self { title: title.into(), items, filter: typed, selected: 0, purpose, kept };
        choice.refilter();
        choice
    }

    /// Starts on item `index` (of all the items), when the filter keeps it.
    #[must_use]
    pub fn selecting(mut self, index: usize) -> Self {
        self.selected = self.kept.iter().position(|&i| i == index).unwrap_or(0);
        self
    }

    /// Matches the items again after the typed text changed, and selects the best.
    pub fn refilter(&mut self) {
        let mut query = Fuzzy::new(self.filter.as_deref().unwrap_or(""));
        self.kept = query.rank(self.items.iter().map(|item| item.label.as_str()));
        self.selected = 0;
    }

    /// The items the filter keeps, best first (all, in order, before anything is typed).
    pub fn shown(&self) -> Vec<&ChoiceItem> {
        self.kept.iter().map(|&i| &self.items[i]).collect()
    }

    pub fn chosen(&self) -> Option<&ChoiceItem> {
        self.shown().get(self.selected).copied()
    }
}

/// The export dialog: a format, a scope and a file, one field focused at a time. What the
/// export holds and what is at the file are found in the background; until they come back the
/// dialog says it is counting.
#[derive(Debug, Clone)]
pub struct ExportDialog {
    pub field: ExportField,
    pub format: Format,
    pub scopes: Vec<ExportScope>,
    pub scope: usize,
    /// The file to write, as typed: relative to the folder gloss started in, `~` for home.
    pub path: TextArea<'static>,
    /// Whether the user has typed in `path`; until then it follows the format and scope.
    pub path_edited: bool,
    /// What the chosen format and scope hold; `None` while it is being counted.
    pub tally: Option<Tally>,
    /// Where the export goes: the file name made absolute; `None` while it is empty.
    pub target: Option<std::path::PathBuf>,
    /// What is at `target` now; `None` while it is being looked at.
    pub on_disk: Option<OnDisk>,
    /// The format the file name's extension belongs to, when it is not the chosen one.
    pub other_format: Option<Format>,
    /// The requests whose answers the dialog waits for (numbers from `Exports::next_request`);
    /// an answer to any other request is stale and ignored.
    pub counting: u64,
    pub looking: u64,
}

/// What is at an export's file before it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OnDisk {
    Nothing,
    /// A file the export will replace.
    File,
    /// A folder: the export cannot go there.
    Folder,
    /// The place cannot be looked at, and why.
    Unreachable(String),
}

impl ExportDialog {
    pub fn scope(&self) -> &ExportScope {
        &self.scopes[self.scope.min(self.scopes.len() - 1)]
    }

    pub fn path_text(&self) -> &str {
        self.path.lines().first().map_or("", String::as_str)
    }
}

/// The dialog's fields, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportField {
    Format,
    Scope,
    Path,
}

/// What an export from the dialog covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportScope {
    /// The article in the reader: its store id (`None` until it has annotations), its title
    /// and its file name without the extension.
    Article {
        id: Option<String>,
        title: String,
        stem: String,
    },
    All,
    CheckWorthy,
    Tag {
        name: String,
        description: String,
    },
}

impl ExportScope {
    pub fn label(&self) -> String {
        match self {
            Self::Article { title, .. } => format!("This article: {title}"),
            Self::All => "All articles".to_owned(),
            Self::CheckWorthy => "Check-worthy claims, all articles".to_owned(),
            Self::Tag { name, description } => format!("Tag {name} ({description}), all articles"),
        }
    }

    /// The same kind of scope, whichever article it is on.
    pub fn same_kind(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Article { .. }, Self::Article { .. }) => true,
            _ => self == other,
        }
    }

    /// Which claims and articles go out.
    pub fn filter(&self) -> Filter {
        match self {
            // An article with no record yet has nothing to export; no article is called "".
            Self::Article { id, .. } => Filter { articles: vec![id.clone().unwrap_or_default()], ..Filter::default() },
            Self::All => Filter::default(),
            Self::CheckWorthy => Filter { check_worthy: true, ..Filter::default() },
            Self::Tag { name, .. } => Filter { tags: vec![name.clone()], ..Filter::default() },
        }
    }
}
