//! Undo and redo: each change is an article's record before and after, many levels deep.

use super::store::{ArticleRecord, Store};

/// One change to one article's annotations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub article: String,
    pub before: Option<ArticleRecord>,
    pub after: Option<ArticleRecord>,
    /// What it was, for the status line (`tagged fact`, `deleted claim`).
    pub what: String,
}

/// Changes that can be undone, and undone ones that can be redone.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

/// How many changes can be undone.
pub const DEPTH: usize = 1000;

impl History {
    /// Remembers a change; a new change forgets what was undone.
    pub fn record(&mut self, edit: Edit) {
        if edit.before == edit.after {
            return;
        }
        self.redo.clear();
        self.undo.push(edit);
        if self.undo.len() > DEPTH {
            self.undo.remove(0);
        }
    }

    /// Undoes the last change in `store`; returns it.
    pub fn undo(&mut self, store: &mut Store) -> Option<&Edit> {
        let edit = self.undo.pop()?;
        put(store, &edit.article, edit.before.clone());
        self.redo.push(edit);
        self.redo.last()
    }

    /// Redoes the last undone change in `store`; returns it.
    pub fn redo(&mut self, store: &mut Store) -> Option<&Edit> {
        let edit = self.redo.pop()?;
        put(store, &edit.article, edit.after.clone());
        self.undo.push(edit);
        self.undo.last()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
}

fn put(store: &mut Store, article: &str, record: Option<ArticleRecord>) {
    match record {
        Some(record) => store.articles.insert(article.to_owned(), record),
        None => store.articles.remove(article),
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(note: &str) -> ArticleRecord {
        ArticleRecord { note: note.into(), ..ArticleRecord::default() }
    }

    #[test]
    fn undo_and_redo_many_levels() {
        let mut store = Store::default();
        let mut history = History::default();
        let mut previous = None;
        for n in 1..=5 {
            let next = Some(record(&n.to_string()));
            history.record(Edit {
                article: "a".into(),
                before: previous.clone(),
                after: next.clone(),
                what: format!("note {n}"),
            });
            store.articles.insert("a".into(), record(&n.to_string()));
            previous = next;
        }
        for n in (1..5).rev() {
            history.undo(&mut store);
            assert_eq!(store.articles["a"].note, n.to_string());
        }
        assert_eq!(history.undo(&mut store).unwrap().what, "note 1");
        assert!(!store.articles.contains_key("a"));
        assert!(history.undo(&mut store).is_none());
        history.redo(&mut store);
        history.redo(&mut store);
        assert_eq!(store.articles["a"].note, "2");
    }

    #[test]
    fn a_new_change_forgets_the_redo_stack_and_no_op_changes_are_ignored() {
        let mut store = Store::default();
        let mut history = History::default();
        history.record(Edit { article: "a".into(), before: None, after: Some(record("x")), what: String::new() });
        history.undo(&mut store);
        history.record(Edit { article: "a".into(), before: None, after: Some(record("y")), what: String::new() });
        assert!(history.redo(&mut store).is_none());
        history.record(Edit {
            article: "a".into(),
            before: Some(record("y")),
            after: Some(record("y")),
            what: String::new(),
        });
        history.undo(&mut store);
        assert!(!history.can_undo());
    }
}
