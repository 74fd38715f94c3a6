//! Changing claims: tags, the check-worthy flag, verdicts, deleting; each change one step of
//! undo, and the one place claims are made.

use super::history::{Change, Step};
use super::intent::{Outcome, Refused, Target};
use super::{Session, Vocabulary};
use crate::annotations::claim::{Claim, Verdict};
use crate::annotations::edit::{Stamp, claim_id};
use crate::annotations::store::ArticleRecord;
use crate::corpus::Article;
use crate::text::Span;

/// One article's record while an intent changes it.
pub(super) struct Draft<'a> {
    pub record: &'a mut ArticleRecord,
    pub article: &'a Article,
    pub id: &'a str,
    pub stamp: &'a Stamp,
    pub salt: &'a mut u64,
    pub vocabulary: &'a Vocabulary,
}

impl Draft<'_> {
    /// The targeted claim, made on its span first if new, stamped as changed now.
    pub(super) fn claim(&mut self, target: &Target) -> Result<&mut Claim, Refused> {
        let id = match target {
            Target::Claim(id) => id.clone(),
            Target::New(span) => new_claim(self.record, self.article, self.id, span, self.stamp, self.salt)?,
        };
        let claim = self.record.claims.iter_mut().find(|c| c.id == id).ok_or(Refused::NoClaim(id))?;
        claim.touch(self.stamp);
        Ok(claim)
    }
}

/// Makes an untagged claim on `span` of `article` (whose store id is `article_id`) in `record`;
/// returns its id. The one place claims are made.
pub(super) fn new_claim(
    record: &mut ArticleRecord,
    article: &Article,
    article_id: &str,
    span: &Span,
    stamp: &Stamp,
    salt: &mut u64,
) -> Result<String, Refused> {
    if span.is_empty() || article.text().get(span.clone()).is_none_or(|quote| quote.trim().is_empty()) {
        return Err(Refused::BadSpan(span.clone()));
    }
    *salt += 1;
    let id = claim_id(article_id, span, stamp, *salt);
    record.add_claim(article.text(), span, &id, stamp);
    Ok(id)
}

impl Session {
    /// Changes article `index`'s record with `change` as one step of undo; `change` says what
    /// it did, for the status line and the history. A refused change leaves nothing behind.
    pub(super) fn edit(
        &mut self,
        index: usize,
        change: impl FnOnce(&mut Draft) -> Result<String, Refused>,
    ) -> Result<Outcome, Refused> {
        self.writable()?;
        let article = self.article(index)?;
        let id = self.id_for(index)?;
        let before = self.store.articles.get(&id).cloned();
        let stamp = self.stamp();
        let record = self.store.articles.entry(id.clone()).or_insert_with(|| ArticleRecord::for_article(&article));
        let mut draft = Draft {
            record,
            article: &article,
            id: &id,
            stamp: &stamp,
            salt: &mut self.salt,
            vocabulary: &self.vocabulary,
        };
        let what = match change(&mut draft) {
            Ok(what) => what,
            Err(refused) => {
                self.put(&id, before);
                return Err(refused);
            }
        };
        self.tidy(&id);
        let after = self.store.articles.get(&id).cloned();
        self.history.record(Step { change: Change::Record { article: id.clone(), before, after }, what: what.clone() });
        self.bump(&id);
        Ok(Outcome::record(id, what))
    }

    pub(super) fn toggle_tag(&mut self, index: usize, target: &Target, tag: &str) -> Result<Outcome, Refused> {
        if self.vocabulary.get(tag).is_none() {
            return Err(Refused::UnknownTag(tag.to_owned()));
        }
        self.edit(index, |draft| {
            let vocabulary = draft.vocabulary;
            let stamp = draft.stamp;
            let claim = draft.claim(target)?;
            let had = claim.tags.iter().any(|t| t == tag);
            claim.toggle_tag(tag, vocabulary, stamp);
            Ok(if had { format!("untagged {tag}") } else { format!("tagged {tag}") })
        })
    }

    pub(super) fn toggle_check_worthy(&mut self, index: usize, target: &Target) -> Result<Outcome, Refused> {
        self.edit(index, |draft| {
            let claim = draft.claim(target)?;
            claim.check_worthy = !claim.check_worthy;
            Ok(if claim.check_worthy { "check-worthy" } else { "not check-worthy" }.to_owned())
        })
    }

    pub(super) fn set_verdict(&mut self, index: usize, target: &Target, verdict: Verdict) -> Result<Outcome, Refused> {
        self.edit(index, |draft| {
            draft.claim(target)?.verdict = verdict;
            Ok(format!("verdict: {verdict}"))
        })
    }

    pub(super) fn delete_claim(&mut self, index: usize, claim: &str) -> Result<Outcome, Refused> {
        self.edit(index, |draft| {
            let before = draft.record.claims.len();
            draft.record.claims.retain(|c| c.id != claim);
            if draft.record.claims.len() == before {
                return Err(Refused::NoClaim(claim.to_owned()));
            }
            Ok("deleted the claim (u undoes)".to_owned())
        })
    }

    /// Marks article `index` read: not a step of undo, and not kept when the store is
    /// read-only (reading is not the analyst's work to protect).
    pub(super) fn mark_read(&mut self, index: usize) -> Result<Outcome, Refused> {
        let article = self.article(index)?;
        if self.read_only.is_some() || self.record(index).is_some_and(|r| r.read) {
            return Ok(Outcome::default());
        }
        let id = self.id_for(index)?;
        self.store.articles.entry(id.clone()).or_insert_with(|| ArticleRecord::for_article(&article)).read = true;
        self.bump(&id);
        Ok(Outcome::record(id, None))
    }

    /// Marks article `index` unread again: not a step of undo, like reading it.
    pub(super) fn mark_unread(&mut self, index: usize) -> Result<Outcome, Refused> {
        self.article(index)?;
        if let Some(why) = &self.read_only {
            return Err(Refused::ReadOnly(why.clone()));
        }
        let Some(id) = self.id(index).map(str::to_owned) else { return Ok(Outcome::status("not read yet")) };
        let Some(record) = self.store.articles.get_mut(&id).filter(|r| r.read) else {
            return Ok(Outcome::status("not read yet"));
        };
        record.read = false;
        self.tidy(&id);
        self.bump(&id);
        Ok(Outcome::record(id, "marked unread".to_owned()))
    }
}
