//! What the front end asks of a session ([`Intent`]), and what it gets back: what changed
//! ([`Outcome`]) or why nothing did ([`Refused`]).

use crate::annotations::claim::Verdict;
use crate::annotations::labels::Labels;
use crate::entities::Kind;
use crate::text::Span;

/// The claim an intent acts on: one that exists, or one to make on a span of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The claim with this id.
    Claim(String),
    /// A new claim on this byte range of the article's text.
    New(Span),
}

/// What a note is written on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteOn {
    Article,
    Claim(Target),
}

/// Something the analyst wants done. Articles are named by their index in the order they
/// were given to [`super::Session::attach`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    /// Adds the tag to the claim (made first if new), or takes it off.
    ToggleTag {
        article: usize,
        target: Target,
        tag: String,
    },
    ToggleCheckWorthy {
        article: usize,
        target: Target,
    },
    SetVerdict {
        article: usize,
        target: Target,
        verdict: Verdict,
    },
    DeleteClaim {
        article: usize,
        claim: String,
    },
    /// Makes another analyst's annotation the analyst's own: their claim `mine` (or, without
    /// one, a new claim) takes `theirs` — its span and labels — or, when `theirs` is `None`
    /// (the other analyst tagged nothing there), loses its labels. One step of undo; `from`
    /// names the other analyst for the status line.
    Adopt {
        article: usize,
        mine: Option<String>,
        theirs: Option<(Span, Labels)>,
        from: String,
    },
    /// The article was opened. Not a step of undo; ignored when the store is read-only.
    MarkRead {
        article: usize,
    },
    /// The analyst wants to see the article as unread again. Not a step of undo; refused when
    /// the store is read-only, since it was asked for.
    MarkUnread {
        article: usize,
    },
    /// Opens a note for editing (making the claim first if new). Everything until
    /// [`Intent::CommitNote`] or [`Intent::DiscardNote`] is one step of undo.
    BeginNote {
        article: usize,
        on: NoteOn,
    },
    /// The note's whole text now; it reaches the store at once.
    UpdateNote {
        text: String,
    },
    CommitNote,
    /// Puts the article's annotations back as they were when the note was opened.
    DiscardNote,
    /// `text` is a name of this kind, everywhere.
    AddName {
        text: String,
        kind: Kind,
    },
    /// `text` is another name of the entity `of`.
    AddAlias {
        text: String,
        of: String,
        kind: Kind,
    },
    /// `text` is never a name.
    RejectName {
        text: String,
    },
    /// Settles conflict `conflict` (its place in the article's record): `choice` is one of
    /// its other values to put in the field, or `None` to keep the field as it is.
    SettleConflict {
        article: usize,
        conflict: usize,
        choice: Option<usize>,
    },
    Undo,
    Redo,
}

/// What an intent changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// What happened, for the status line (`tagged fact`, `undid: claim note`).
    pub status: Option<String>,
    /// The store ids of the article records that changed, each once; look them up in
    /// [`super::Session::store`] to write them.
    pub changed: Vec<String>,
    /// The analyst's own names changed: the recogniser must be rebuilt and the names saved.
    pub names_changed: bool,
}

impl Outcome {
    /// Whether the store must be written.
    pub fn must_save(&self) -> bool {
        !self.changed.is_empty()
    }

    pub(super) fn record(id: String, status: impl Into<Option<String>>) -> Self {
        Self { status: status.into(), changed: vec![id], names_changed: false }
    }

    pub(super) fn status(status: impl Into<String>) -> Self {
        Self { status: Some(status.into()), ..Self::default() }
    }
}

/// Why an intent changed nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("read-only: {0}")]
    ReadOnly(String),
    #[error("there is no tag {0} in the vocabulary")]
    UnknownTag(String),
    #[error("no article {0} has been loaded")]
    NoArticle(usize),
    #[error("no claim {0} in this article")]
    NoClaim(String),
    #[error("a claim needs some text: {0:?} is empty or not in the article")]
    BadSpan(Span),
    #[error("a note is open: close it first")]
    NoteOpen,
    #[error("no note is open")]
    NoNote,
    #[error("no conflict {0} in this article")]
    NoConflict(usize),
    #[error("that value cannot go back in the field {0}; keep the field as it is, or edit it")]
    UnusableValue(String),
}
