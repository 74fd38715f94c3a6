//! The annotation session: the store and everything needed to change it safely — the undo
//! history, which record is whose, who is writing and when, the vocabulary, the analyst's own
//! names, and whether changes may be made at all. A front end sends it [`Intent`]s and shows
//! the [`Outcome`]s; every domain rule (how a claim is made, what one step of undo is, how an
//! article's claims follow its text) lives here, once.

mod adopt;
mod attach;
mod clock;
mod edit;
mod history;
mod intent;
mod names;
mod note;
mod outside;
mod target;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

pub use attach::{Attachment, PlaceJob, Placed};
pub use clock::Clock;
pub use history::{Change, DEPTH, History, Step};
pub use intent::{Intent, NoteOn, Outcome, Refused, Target};
pub use note::{NoteEdit, NoteTarget};
pub use outside::Waiting;
pub use target::Pointer;

use super::edit::{Stamp, author_from_environment};
use super::identity::{Resolver, new_article_id};
use super::store::{ArticleRecord, Store};
use super::vocabulary::Vocabulary;
use crate::corpus::Article;
use crate::entities::UserGazetteer;

/// An analyst's annotations, open for changes.
#[derive(Debug)]
pub struct Session {
    store: Store,
    history: History,
    resolver: Resolver,
    /// The articles given to [`Session::attach`], in order: intents name them by index.
    articles: Vec<Arc<Article>>,
    /// The store id of each article, once it has one.
    ids: Vec<Option<String>>,
    /// How many times each record changed in this session, so work done on an older version
    /// (placing claims in the background) is not applied over a newer one.
    revisions: HashMap<String, u64>,
    /// Records whose claims are being placed in the background.
    placing: HashSet<String>,
    author: String,
    clock: Clock,
    /// Makes each new claim id different from the last.
    salt: u64,
    vocabulary: Vocabulary,
    read_only: Option<String>,
    names: UserGazetteer,
    note: Option<NoteEdit>,
}

impl Session {
    /// A session on `store`, by the analyst the environment names, on the system's clock.
    pub fn new(store: Store, vocabulary: Vocabulary) -> Self {
        Self {
            resolver: Resolver::new(&store),
            store,
            history: History::default(),
            articles: Vec::new(),
            ids: Vec::new(),
            revisions: HashMap::new(),
            placing: HashSet::new(),
            author: author_from_environment(),
            clock: Clock::system(),
            salt: 0,
            vocabulary,
            read_only: None,
            names: UserGazetteer::default(),
            note: None,
        }
    }

    pub fn set_author(&mut self, author: impl Into<String>) {
        self.author = author.into();
    }

    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// Refuses every change to the store from now on, saying `why`; `None` allows them again.
    pub fn set_read_only(&mut self, why: Option<String>) {
        self.read_only = why;
    }

    /// The analyst's own names, to correct and undo along with the annotations.
    pub fn set_names(&mut self, names: UserGazetteer) {
        self.names = names;
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// Why changes may not be made, when they may not.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    pub fn names(&self) -> &UserGazetteer {
        &self.names
    }

    pub fn author(&self) -> &str {
        &self.author
    }

    /// The store id of article `index`, once it has one.
    pub fn id(&self, index: usize) -> Option<&str> {
        self.ids.get(index)?.as_deref()
    }

    /// The record of article `index`, if it has one.
    pub fn record(&self, index: usize) -> Option<&ArticleRecord> {
        self.store.articles.get(self.id(index)?)
    }

    /// The note being edited, if one is open.
    pub fn note_edit(&self) -> Option<&NoteEdit> {
        self.note.as_ref()
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// How many times record `id` changed in this session.
    pub fn revision(&self, id: &str) -> u64 {
        self.revisions.get(id).copied().unwrap_or(0)
    }

    /// Carries out `intent`.
    pub fn apply(&mut self, intent: Intent) -> Result<Outcome, Refused> {
        match intent {
            Intent::ToggleTag { article, target, tag } => self.toggle_tag(article, &target, &tag),
            Intent::ToggleCheckWorthy { article, target } => self.toggle_check_worthy(article, &target),
            Intent::SetVerdict { article, target, verdict } => self.set_verdict(article, &target, verdict),
            Intent::DeleteClaim { article, claim } => self.delete_claim(article, &claim),
            Intent::Adopt { article, mine, theirs, from } => self.adopt(article, mine, theirs, &from),
            Intent::MarkRead { article } => self.mark_read(article),
            Intent::MarkUnread { article } => self.mark_unread(article),
            Intent::BeginNote { article, on } => self.begin_note(article, on),
            Intent::UpdateNote { text } => self.update_note(text),
            Intent::CommitNote => self.commit_note(),
            Intent::DiscardNote => self.discard_note(),
            Intent::AddName { text, kind } => self.add_name(&text, kind),
            Intent::AddAlias { text, of, kind } => self.add_alias(&text, &of, kind),
            Intent::RejectName { text } => self.reject_name(&text),
            Intent::SettleConflict { article, conflict, choice } => self.settle(article, conflict, choice),
            Intent::Undo => self.undo_or_redo(true),
            Intent::Redo => self.undo_or_redo(false),
        }
    }

    /// Who is changing things, now.
    fn stamp(&self) -> Stamp {
        Stamp { author: self.author.clone(), time: self.clock.now() }
    }

    /// Changes to the store may be made: not read-only, no note open.
    fn writable(&self) -> Result<(), Refused> {
        if let Some(why) = &self.read_only {
            return Err(Refused::ReadOnly(why.clone()));
        }
        if self.note.is_some() {
            return Err(Refused::NoteOpen);
        }
        Ok(())
    }

    fn article(&self, index: usize) -> Result<Arc<Article>, Refused> {
        self.articles.get(index).cloned().ok_or(Refused::NoArticle(index))
    }

    /// The store id of article `index`, giving it one if it has none: the id of a copy of it
    /// when there is one, else a new one.
    fn id_for(&mut self, index: usize) -> Result<String, Refused> {
        let article = self.article(index)?;
        if let Some(id) = self.id(index) {
            return Ok(id.to_owned());
        }
        let fingerprint = article.fingerprint().to_hex();
        let id = match self.resolver.identify(&article).id() {
            Some(id) => id.to_owned(),
            None => new_article_id(&fingerprint, &self.store),
        };
        self.resolver.learn(&id, &fingerprint, &article.origin().display_path());
        self.ids[index] = Some(id.clone());
        Ok(id)
    }

    /// Notes that record `id` changed.
    fn bump(&mut self, id: &str) {
        *self.revisions.entry(id.to_owned()).or_default() += 1;
    }

    /// Puts `record` in the store as `id`'s (`None` takes it out).
    fn put(&mut self, id: &str, record: Option<ArticleRecord>) {
        match record {
            Some(record) => self.store.articles.insert(id.to_owned(), record),
            None => self.store.articles.remove(id),
        };
    }

    /// Drops the claims with nothing on them, and the record when nothing is left on it.
    fn tidy(&mut self, id: &str) {
        let Some(record) = self.store.articles.get_mut(id) else { return };
        record.claims.retain(|c| !c.is_empty());
        if record.is_empty() {
            self.store.articles.remove(id);
        }
    }

    fn undo_or_redo(&mut self, undo: bool) -> Result<Outcome, Refused> {
        if self.note.is_some() {
            return Err(Refused::NoteOpen);
        }
        let next = if undo { self.history.next_undo() } else { self.history.next_redo() };
        let Some(next) = next else {
            return Ok(Outcome::status(if undo { "nothing to undo" } else { "nothing to redo" }));
        };
        if let (Change::Record { .. }, Some(why)) = (&next.change, &self.read_only) {
            return Err(Refused::ReadOnly(why.clone()));
        }
        let (store, names) = (&mut self.store, &mut self.names);
        let step = if undo { self.history.undo(store, names) } else { self.history.redo(store, names) };
        let Some(step) = step else { return Ok(Outcome::default()) };
        let status = format!("{} {}", if undo { "undid:" } else { "redid:" }, step.what);
        let article = match &step.change {
            Change::Record { article, .. } => Some(article.clone()),
            Change::Names { .. } => None,
        };
        Ok(match article {
            Some(article) => {
                self.bump(&article);
                Outcome::record(article, status)
            }
            None => Outcome { names_changed: true, ..Outcome::status(status) },
        })
    }
}

#[cfg(test)]
mod tests;
