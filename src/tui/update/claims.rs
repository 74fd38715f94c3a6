//! Claims and notes: tagging, flags, verdicts, deleting, undo and redo; every change recorded
//! for undo and sent to be saved at once.

use super::super::action::Action;
use super::super::app::{AppState, SaveState};
use super::super::popup::{Choice, ChoiceItem, ChoiceValue, ClaimTarget, ClaimsPanel, Popup, Purpose};
use super::super::reader::Reader;
use super::Effect;
use gloss_core::annotations::{ArticleRecord, Claim, Edit, Stamp, Verdict, claim_id, new_article_id};
use gloss_core::corpus::Article;
use gloss_core::text::Span;

pub fn act(state: &mut AppState, action: Action) -> Vec<Effect> {
    if let Some(slot) = action.tag_slot() {
        return toggle_tag(state, slot);
    }
    match action {
        Action::ToggleCheckWorthy => flag(state),
        Action::SetVerdict => {
            ask_verdict(state);
            Vec::new()
        }
        Action::NextClaim => {
            jump(state, 1);
            Vec::new()
        }
        Action::PrevClaim => {
            jump(state, -1);
            Vec::new()
        }
        Action::ClaimsPanel => {
            open_panel(state);
            Vec::new()
        }
        Action::DeleteClaim => delete(state),
        Action::Undo => undo_redo(state, true),
        Action::Redo => undo_redo(state, false),
        _ => Vec::new(),
    }
}

/// The claim the keys act on: the one on the selection, else the one holding the focused word,
/// else the one on the cursor's sentence; or, when there is none, the span to make it on.
pub fn target(state: &AppState) -> Option<(usize, ClaimTarget)> {
    let reader = state.reader.as_ref()?;
    let article = state.current_article()?;
    let record = state.notes.record(reader.article);
    let existing = |index: usize| record.map(|r| ClaimTarget::Existing(r.claims[index].id.clone()));
    if let Some(selection) = reader.selection {
        let span = trimmed(article.text(), selection.span());
        return Some((
            reader.article,
            record.and_then(|r| r.claim_on(&span)).and_then(existing).unwrap_or(ClaimTarget::New(span)),
        ));
    }
    if let Some(held) = reader.focus.as_ref().and_then(|f| record?.claim_holding(f)) {
        return Some((reader.article, existing(held)?));
    }
    let sentence = article.sentences().get(reader.place.cursor)?.clone();
    let found = record.and_then(|r| r.claim_on(&sentence)).and_then(existing);
    Some((reader.article, found.unwrap_or(ClaimTarget::New(sentence))))
}

/// `span` without the whitespace at its ends.
fn trimmed(text: &str, span: Span) -> Span {
    let piece = &text[span.clone()];
    let start = span.start + (piece.len() - piece.trim_start().len());
    start..start + piece.trim().len()
}

/// A change to one article's annotations, in progress.
pub struct Change<'a> {
    pub record: &'a mut ArticleRecord,
    pub article: &'a Article,
    pub article_id: &'a str,
    pub stamp: Stamp,
    salt: &'a mut u64,
}

impl Change<'_> {
    /// The targeted claim, made on its span first if it does not exist.
    pub fn claim(&mut self, target: &ClaimTarget) -> Option<&mut Claim> {
        let id = match target {
            ClaimTarget::Existing(id) => id.clone(),
            ClaimTarget::New(span) => {
                *self.salt += 1;
                let id = claim_id(self.article_id, span, &self.stamp, *self.salt);
                self.record.add_claim(self.article.text(), span, &id, &self.stamp);
                id
            }
        };
        let claim = self.record.claims.iter_mut().find(|c| c.id == id)?;
        claim.touch(&self.stamp);
        Some(claim)
    }
}

/// Applies `apply` to article `article`'s record, as one step of undo, and saves. `apply`
/// returns the status message, or `None` when nothing changed.
pub fn edit(state: &mut AppState, article: usize, apply: impl FnOnce(&mut Change) -> Option<String>) -> Vec<Effect> {
    if let Some(why) = &state.notes.read_only {
        state.set_error(format!("read-only: {why}"));
        return Vec::new();
    }
    let Some(text) = state.articles.get(article).cloned() else { return Vec::new() };
    let id = ensure_id(state, article, &text);
    let notes = &mut state.notes;
    let before = notes.store.articles.get(&id).cloned();
    let record = notes.store.articles.entry(id.clone()).or_insert_with(|| ArticleRecord::for_article(&text));
    let stamp = Stamp { author: notes.author.clone(), time: (notes.clock)() };
    let mut change = Change { record, article: &text, article_id: &id, stamp, salt: &mut notes.salt };
    let Some(what) = apply(&mut change) else { return Vec::new() };
    change.record.claims.retain(|c| !c.is_empty());
    let after = Some(change.record.clone());
    notes.history.record(Edit { article: id, before, after, what: what.clone() });
    state.set_status(what);
    save(state)
}

/// The store id of article `index`, giving it one (and a record) if it has none.
pub fn ensure_id(state: &mut AppState, index: usize, article: &Article) -> String {
    let notes = &mut state.notes;
    if notes.ids.len() <= index {
        notes.ids.resize(index + 1, None);
    }
    if let Some(id) = &notes.ids[index] {
        return id.clone();
    }
    let fingerprint = article.fingerprint().to_hex();
    let id = new_article_id(&fingerprint, &notes.store);
    notes.resolver.learn(&id, &fingerprint, &article.origin().display_path());
    notes.ids[index] = Some(id.clone());
    id
}

/// Sends the store to be written.
pub fn save(state: &mut AppState) -> Vec<Effect> {
    let notes = &mut state.notes;
    match (&notes.path, &notes.read_only) {
        (Some(path), None) => {
            notes.save = SaveState::Pending;
            vec![Effect::SaveStore { store: Box::new(notes.store.clone()), path: path.clone() }]
        }
        _ => Vec::new(),
    }
}

fn toggle_tag(state: &mut AppState, slot: usize) -> Vec<Effect> {
    let Some(tag) = state.notes.vocabulary.slot(slot).map(|t| t.name.clone()) else {
        state.set_error(format!("there is no tag {slot} in the vocabulary"));
        return Vec::new();
    };
    let Some((article, target)) = target(state) else { return Vec::new() };
    let vocabulary = state.notes.vocabulary.clone();
    let effects = edit(state, article, |change| {
        let stamp = change.stamp.clone();
        let claim = change.claim(&target)?;
        let had = claim.tags.contains(&tag);
        claim.toggle_tag(&tag, &vocabulary, &stamp);
        Some(if had { format!("untagged {tag}") } else { format!("tagged {tag}") })
    });
    drop_selection(state);
    effects
}

fn flag(state: &mut AppState) -> Vec<Effect> {
    let Some((article, target)) = target(state) else { return Vec::new() };
    let effects = edit(state, article, |change| {
        let claim = change.claim(&target)?;
        claim.check_worthy = !claim.check_worthy;
        Some(if claim.check_worthy { "check-worthy".to_owned() } else { "not check-worthy".to_owned() })
    });
    drop_selection(state);
    effects
}

fn ask_verdict(state: &mut AppState) {
    let Some((article, target)) = target(state) else { return };
    let current = match &target {
        ClaimTarget::Existing(id) => {
            state.notes.record(article).and_then(|r| r.claims.iter().find(|c| &c.id == id)).map(|c| c.verdict)
        }
        ClaimTarget::New(_) => None,
    };
    let items = Verdict::ALL.iter().map(|&v| ChoiceItem { label: v.label(), value: ChoiceValue::Verdict(v) }).collect();
    let selected = current.and_then(|v| Verdict::ALL.iter().position(|&x| x == v)).unwrap_or(0);
    state.popup = Some(Popup::Choice(Choice {
        title: "Verdict".to_owned(),
        items,
        filter: None,
        selected,
        purpose: Purpose::SetVerdict { article, target },
    }));
}

/// Sets the verdict chosen in the picker.
pub fn set_verdict(state: &mut AppState, article: usize, target: &ClaimTarget, verdict: Verdict) -> Vec<Effect> {
    let effects = edit(state, article, |change| {
        change.claim(target)?.verdict = verdict;
        Some(format!("verdict: {verdict}"))
    });
    drop_selection(state);
    effects
}

fn delete(state: &mut AppState) -> Vec<Effect> {
    let chosen = match &state.popup {
        Some(Popup::Claims(panel)) => panel_claim(state, panel.selected).map(|c| c.id.clone()),
        _ => match target(state) {
            Some((_, ClaimTarget::Existing(id))) => Some(id),
            _ => None,
        },
    };
    let Some(id) = chosen else {
        state.set_status("no claim here to delete");
        return Vec::new();
    };
    let Some(article) = state.reader.as_ref().map(|r| r.article) else { return Vec::new() };
    edit(state, article, |change| {
        let before = change.record.claims.len();
        change.record.claims.retain(|c| c.id != id);
        (change.record.claims.len() < before).then(|| "deleted the claim (u undoes)".to_owned())
    })
}

fn undo_redo(state: &mut AppState, undo: bool) -> Vec<Effect> {
    if state.notes.read_only.is_some() {
        return Vec::new();
    }
    let notes = &mut state.notes;
    let edit = if undo { notes.history.undo(&mut notes.store) } else { notes.history.redo(&mut notes.store) };
    let Some(what) = edit.map(|e| e.what.clone()) else {
        state.set_status(if undo { "nothing to undo" } else { "nothing to redo" });
        return Vec::new();
    };
    state.set_status(format!("{} {what}", if undo { "undid:" } else { "redid:" }));
    save(state)
}

fn drop_selection(state: &mut AppState) {
    if let Some(reader) = state.reader.as_mut() {
        reader.selection = None;
    }
}

/// The claims of the current article as the panel lists them: placed ones in text order,
/// then orphans.
pub fn panel_claims(state: &AppState) -> Vec<&Claim> {
    let Some(record) = state.reader.as_ref().and_then(|r| state.notes.record(r.article)) else { return Vec::new() };
    let placed = record.claims.iter().filter(|c| !c.orphaned);
    placed.chain(record.claims.iter().filter(|c| c.orphaned)).collect()
}

fn panel_claim(state: &AppState, index: usize) -> Option<&Claim> {
    panel_claims(state).get(index).copied()
}

fn open_panel(state: &mut AppState) {
    if panel_claims(state).is_empty() {
        state.set_status("no claims in this article yet: tag a sentence with 1-8");
        return;
    }
    state.popup = Some(Popup::Claims(ClaimsPanel { selected: 0 }));
}

/// `enter` in the claims panel: to the claim.
pub fn jump_to_panel_claim(state: &mut AppState) {
    let Some(Popup::Claims(panel)) = &state.popup else { return };
    let Some(claim) = panel_claim(state, panel.selected).cloned() else { return };
    if claim.orphaned {
        state.set_status("this claim's text is no longer in the article (orphaned); its quote is kept");
        return;
    }
    state.popup = None;
    focus_claim(state, &claim);
}

fn focus_claim(state: &mut AppState, claim: &Claim) {
    let Some(article) = state.current_article().cloned() else { return };
    let Some(reader) = state.reader.as_mut() else { return };
    reader.selection = None;
    reader.place.cursor = Reader::sentence_of(&article, claim.anchor.start);
    reader.focus = Some(claim.span());
    state.focus = super::super::app::Focus::Reader;
}

/// `]` and `[`: the next or previous placed claim from the cursor.
fn jump(state: &mut AppState, direction: isize) {
    let Some(reader) = state.reader.as_ref() else { return };
    let Some(article) = state.current_article() else { return };
    let from = reader
        .focus
        .as_ref()
        .map_or_else(|| article.sentences().get(reader.place.cursor).map_or(0, |s| s.start), |f| f.start);
    let claims: Vec<&Claim> = state
        .notes
        .record(reader.article)
        .map(|r| r.claims.iter().filter(|c| !c.orphaned).collect())
        .unwrap_or_default();
    let found = if direction > 0 {
        claims.iter().find(|c| c.anchor.start > from)
    } else {
        claims.iter().rev().find(|c| c.anchor.start < from)
    };
    match found.map(|c| (*c).clone()) {
        Some(claim) => focus_claim(state, &claim),
        None if claims.is_empty() => state.set_status("no claims in this article yet"),
        None => state.set_status(if direction > 0 { "no more claims below" } else { "no more claims above" }),
    }
}

/// Marks article `index` read, when it is opened.
pub fn mark_read(state: &mut AppState, index: usize) -> Vec<Effect> {
    if state.notes.read_only.is_some() || state.notes.record(index).is_some_and(|r| r.read) {
        return Vec::new();
    }
    let Some(article) = state.articles.get(index).cloned() else { return Vec::new() };
    let id = ensure_id(state, index, &article);
    state.notes.store.articles.entry(id).or_insert_with(|| ArticleRecord::for_article(&article)).read = true;
    save(state)
}
