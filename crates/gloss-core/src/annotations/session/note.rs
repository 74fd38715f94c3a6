//! Editing a note: on a claim (made first if new) or on the article. Every change reaches the
//! store at once; the whole editing session is one step of undo, or is thrown away.

use super::Session;
use super::edit::new_claim;
use super::history::{Change, Step};
use super::intent::{NoteOn, Outcome, Refused, Target};
use crate::annotations::store::ArticleRecord;

/// What an open note is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteTarget {
    Article,
    Claim(String),
}

impl NoteTarget {
    /// What the note is, for the status line and the history.
    pub fn what(&self) -> &'static str {
        match self {
            Self::Article => "article note",
            Self::Claim(_) => "claim note",
        }
    }
}

/// A note being edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteEdit {
    /// The article, by index.
    pub article: usize,
    /// The article's store id.
    pub id: String,
    pub on: NoteTarget,
    /// The article's record before the note was opened.
    before: Option<ArticleRecord>,
}

impl Session {
    /// The text of the open note, as the store has it now.
    pub fn note_text(&self) -> Option<&str> {
        let edit = self.note.as_ref()?;
        let record = self.store.articles.get(&edit.id)?;
        match &edit.on {
            NoteTarget::Article => Some(&record.note),
            NoteTarget::Claim(id) => record.claims.iter().find(|c| &c.id == id).map(|c| c.note.as_str()),
        }
    }

    pub(super) fn begin_note(&mut self, index: usize, on: NoteOn) -> Result<Outcome, Refused> {
        self.writable()?;
        let article = self.article(index)?;
        let id = self.id_for(index)?;
        let before = self.store.articles.get(&id).cloned();
        let (on, made) = match on {
            NoteOn::Article => (NoteTarget::Article, false),
            NoteOn::Claim(Target::Claim(claim)) => {
                if !before.as_ref().is_some_and(|r| r.claims.iter().any(|c| c.id == claim)) {
                    return Err(Refused::NoClaim(claim));
                }
                (NoteTarget::Claim(claim), false)
            }
            NoteOn::Claim(Target::New(span)) => {
                let stamp = self.stamp();
                let record =
                    self.store.articles.entry(id.clone()).or_insert_with(|| ArticleRecord::for_article(&article));
                match new_claim(record, &article, &id, &span, &stamp, &mut self.salt) {
                    Ok(claim) => (NoteTarget::Claim(claim), true),
                    Err(refused) => {
                        self.put(&id, before);
                        return Err(refused);
                    }
                }
            }
        };
        self.note = Some(NoteEdit { article: index, id: id.clone(), on, before });
        if made {
            self.bump(&id);
            return Ok(Outcome::record(id, None));
        }
        Ok(Outcome::default())
    }

    pub(super) fn update_note(&mut self, text: String) -> Result<Outcome, Refused> {
        let Some(edit) = &self.note else { return Err(Refused::NoNote) };
        let id = edit.id.clone();
        let time = self.clock.now();
        let article = self.article(edit.article)?;
        let record = self.store.articles.entry(id.clone()).or_insert_with(|| ArticleRecord::for_article(&article));
        match &edit.on {
            NoteTarget::Article => record.note = text,
            NoteTarget::Claim(claim) => {
                let claim = record.claims.iter_mut().find(|c| &c.id == claim).ok_or(Refused::NoClaim(claim.clone()))?;
                claim.note = text;
                claim.modified = time;
            }
        }
        self.bump(&id);
        Ok(Outcome::record(id, None))
    }

    pub(super) fn commit_note(&mut self) -> Result<Outcome, Refused> {
        let edit = self.note.take().ok_or(Refused::NoNote)?;
        self.tidy(&edit.id);
        let after = self.store.articles.get(&edit.id).cloned();
        let what = edit.on.what();
        let status = (after != edit.before).then(|| format!("{what} saved"));
        self.history.record(Step {
            change: Change::Record { article: edit.id.clone(), before: edit.before, after },
            what: what.to_owned(),
        });
        self.bump(&edit.id);
        Ok(Outcome::record(edit.id, status))
    }

    pub(super) fn discard_note(&mut self) -> Result<Outcome, Refused> {
        let edit = self.note.take().ok_or(Refused::NoNote)?;
        self.put(&edit.id, edit.before);
        self.bump(&edit.id);
        Ok(Outcome::record(edit.id, "changes to the note thrown away".to_owned()))
    }
}
