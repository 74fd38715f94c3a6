//! Undo and redo: each step is one article's record, or the analyst's own names, before and
//! after; many levels deep.

use std::collections::VecDeque;

use crate::annotations::merge::{apply, diff};
use crate::annotations::store::{ArticleRecord, Store};
use crate::entities::UserGazetteer;

/// What one step changed.
#[expect(clippy::large_enum_variant, reason = "steps are made one per keystroke at most; boxing gains nothing")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// One article's record (`None`: it had none).
    Record { article: String, before: Option<ArticleRecord>, after: Option<ArticleRecord> },
    /// The analyst's corrections to the gazetteer.
    Names { before: UserGazetteer, after: UserGazetteer },
}

impl Change {
    fn is_nothing(&self) -> bool {
        match self {
            Self::Record { before, after, .. } => before == after,
            Self::Names { before, after } => before == after,
        }
    }

    /// The same change the other way round.
    fn reversed(&self) -> Self {
        match self.clone() {
            Self::Record { article, before, after } => Self::Record { article, before: after, after: before },
            Self::Names { before, after } => Self::Names { before: after, after: before },
        }
    }
}

/// One step of undo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub change: Change,
    /// What it was, for the status line (`tagged fact`, `deleted claim`).
    pub what: String,
}

/// Steps that can be undone, and undone ones that can be redone.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: VecDeque<Step>,
    redo: Vec<Step>,
}

/// How many steps can be undone.
pub const DEPTH: usize = 1000;

impl History {
    /// Remembers a step; a new step forgets what was undone. A step that changed nothing is
    /// not remembered.
    pub fn record(&mut self, step: Step) {
        if step.change.is_nothing() {
            return;
        }
        self.redo.clear();
        self.undo.push_back(step);
        if self.undo.len() > DEPTH {
            self.undo.pop_front();
        }
    }

    /// The step `undo` would take back.
    pub fn next_undo(&self) -> Option<&Step> {
        self.undo.back()
    }

    /// The step `redo` would make again.
    pub fn next_redo(&self) -> Option<&Step> {
        self.redo.last()
    }

    /// Takes the last step back in `store` and `names`; returns it.
    pub fn undo(&mut self, store: &mut Store, names: &mut UserGazetteer) -> Option<&Step> {
        let step = self.undo.pop_back()?;
        put(store, names, &step.change.reversed());
        self.redo.push(step);
        self.redo.last()
    }

    /// Makes the last undone step again in `store` and `names`; returns it.
    pub fn redo(&mut self, store: &mut Store, names: &mut UserGazetteer) -> Option<&Step> {
        let step = self.redo.pop()?;
        put(store, names, &step.change);
        self.undo.push_back(step);
        self.undo.back()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
}

/// Makes `change` in `store` and `names`. A record is changed by what the step changed, field
/// by field, so changes made since to other fields (merged from outside) stay.
fn put(store: &mut Store, names: &mut UserGazetteer, change: &Change) {
    match change {
        Change::Record { article, before, after } => {
            let Some(patch) = diff(article, before.as_ref(), after.as_ref()) else { return };
            match apply(&patch, store.articles.remove(article), None) {
                Some(record) => store.articles.insert(article.clone(), record),
                None => None,
            };
        }
        Change::Names { after, .. } => after.clone_into(names),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(note: &str) -> ArticleRecord {
        ArticleRecord { note: note.into(), ..ArticleRecord::default() }
    }

    fn note_step(before: Option<ArticleRecord>, after: Option<ArticleRecord>, what: &str) -> Step {
        Step { change: Change::Record { article: "a".into(), before, after }, what: what.into() }
    }

    #[test]
    fn undo_and_redo_many_levels() {
        let (mut store, mut names) = (Store::default(), UserGazetteer::default());
        let mut history = History::default();
        let mut previous = None;
        for n in 1..=5 {
            let next = Some(record(&n.to_string()));
            history.record(note_step(previous.clone(), next.clone(), &format!("note {n}")));
            store.articles.insert("a".into(), record(&n.to_string()));
            previous = next;
        }
        for n in (1..5).rev() {
            history.undo(&mut store, &mut names);
            assert_eq!(store.articles["a"].note, n.to_string());
        }
        assert_eq!(history.undo(&mut store, &mut names).unwrap().what, "note 1");
        assert!(!store.articles.contains_key("a"));
        assert!(history.undo(&mut store, &mut names).is_none());
        history.redo(&mut store, &mut names);
        history.redo(&mut store, &mut names);
        assert_eq!(store.articles["a"].note, "2");
    }

    #[test]
    fn a_new_step_forgets_the_redo_stack_and_empty_steps_are_ignored() {
        let (mut store, mut names) = (Store::default(), UserGazetteer::default());
        let mut history = History::default();
        history.record(note_step(None, Some(record("x")), ""));
        history.undo(&mut store, &mut names);
        history.record(note_step(None, Some(record("y")), ""));
        assert!(history.redo(&mut store, &mut names).is_none());
        history.record(note_step(Some(record("y")), Some(record("y")), ""));
        history.undo(&mut store, &mut names);
        assert!(!history.can_undo());
    }

    #[test]
    fn names_are_undone_like_records_and_depth_is_bounded() {
        let (mut store, mut names) = (Store::default(), UserGazetteer::default());
        let mut history = History::default();
        let mut rejected = UserGazetteer::default();
        rejected.reject("Seoul");
        history.record(Step {
            change: Change::Names { before: UserGazetteer::default(), after: rejected.clone() },
            what: "rejected".into(),
        });
        names.clone_from(&rejected);
        history.undo(&mut store, &mut names);
        assert_eq!(names, UserGazetteer::default());
        history.redo(&mut store, &mut names);
        assert_eq!(names, rejected);
        for n in 0..DEPTH + 5 {
            history.record(note_step(None, Some(record(&n.to_string())), ""));
        }
        let mut undone = 0;
        while history.undo(&mut store, &mut names).is_some() {
            undone += 1;
        }
        assert_eq!(undone, DEPTH);
    }
}
