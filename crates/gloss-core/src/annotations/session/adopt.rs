//! Adopting another analyst's annotation as one's own: the claim takes their span, tags, flag
//! and verdict (or loses its labels when they tagged nothing there), as one step of undo. The
//! claim stays the analyst's: their name, their note.

use super::Session;
use super::intent::{Outcome, Refused, Target};
use crate::annotations::claim::{Anchor, Verdict};
use crate::annotations::labels::Labels;
use crate::text::Span;

impl Session {
    pub(super) fn adopt(
        &mut self,
        index: usize,
        mine: Option<String>,
        theirs: Option<(Span, Labels)>,
        from: &str,
    ) -> Result<Outcome, Refused> {
        if let Some(unknown) = theirs.iter().flat_map(|(_, l)| &l.tags).find(|t| self.vocabulary.get(t).is_none()) {
            return Err(Refused::UnknownTag(unknown.clone()));
        }
        let target = match (mine, &theirs) {
            (Some(id), _) => Target::Claim(id),
            // A claim of one's own already on that very span is the one to change; in a shared
            // store another analyst's claim there stays theirs (see agreement::authors).
            (None, Some((span, _))) => self
                .record(index)
                .and_then(|r| r.claims.iter().find(|c| !c.orphaned && c.span() == *span && c.author == self.author))
                .map_or_else(|| Target::New(span.clone()), |claim| Target::Claim(claim.id.clone())),
            (None, None) => return Ok(Outcome::status(format!("nothing to adopt: neither you nor {from} tagged it"))),
        };
        self.edit(index, |draft| {
            let (text, vocabulary) = (draft.article.text(), draft.vocabulary);
            let claim = draft.claim(&target)?;
            let what = if let Some((span, labels)) = theirs {
                if text.get(span.clone()).is_none_or(|quote| quote.trim().is_empty()) {
                    return Err(Refused::BadSpan(span));
                }
                if claim.span() != span || claim.orphaned {
                    claim.anchor = Anchor::of(text, &span);
                    claim.orphaned = false;
                }
                claim.tags = labels.tags;
                claim.tags.sort_by_key(|t| vocabulary.order(t));
                claim.check_worthy = labels.check_worthy;
                claim.verdict = labels.verdict;
                let tags = if claim.tags.is_empty() { "untagged".to_owned() } else { claim.tags.join(", ") };
                format!("adopted {from}'s claim: {tags}")
            } else {
                claim.tags.clear();
                claim.check_worthy = false;
                claim.verdict = Verdict::Undetermined;
                format!("adopted {from}'s choice: not tagged")
            };
            draft.record.sort_claims();
            Ok(what)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{session, span_of};
    use super::*;
    use crate::annotations::Intent;

    fn labels(tags: &[&str], check_worthy: bool, verdict: Verdict) -> Labels {
        Labels { tags: tags.iter().map(|t| (*t).to_owned()).collect(), check_worthy, verdict }
    }

    fn adopt(session: &mut Session, mine: Option<String>, theirs: Option<(Span, Labels)>) -> Outcome {
        session.apply(Intent::Adopt { article: 0, mine, theirs, from: "lee".into() }).unwrap()
    }

    #[test]
    fn adopting_makes_a_new_claim_of_ones_own_and_undo_takes_it_back() {
        let mut session = session();
        let span = span_of(&session, 0, "Officials said the talks would resume.");
        let outcome = adopt(&mut session, None, Some((span.clone(), labels(&["quote", "fact"], true, Verdict::False))));
        assert_eq!(outcome.status.as_deref(), Some("adopted lee's claim: fact, quote"));
        let claim = &session.record(0).unwrap().claims[0];
        assert_eq!((claim.span(), claim.tags.clone()), (span, vec!["fact".to_owned(), "quote".to_owned()]));
        assert_eq!((claim.check_worthy, claim.verdict, claim.author.as_str()), (true, Verdict::False, "tester"));
        session.apply(Intent::Undo).unwrap();
        assert!(session.record(0).is_none(), "one step of undo");
    }

    #[test]
    fn adopting_moves_ones_claim_to_their_span_keeping_its_note_and_not_tagged_clears_it() {
        let mut session = session();
        let sentence = span_of(&session, 0, "Officials said the talks would resume.");
        let target = Target::New(sentence.clone());
        session.apply(Intent::ToggleTag { article: 0, target, tag: "opinion".into() }).unwrap();
        let id = session.record(0).unwrap().claims[0].id.clone();
        session
            .apply(Intent::BeginNote { article: 0, on: crate::annotations::NoteOn::Claim(Target::Claim(id.clone())) })
            .unwrap();
        session.apply(Intent::UpdateNote { text: "mine".into() }).unwrap();
        session.apply(Intent::CommitNote).unwrap();
        let part = span_of(&session, 0, "the talks would resume");
        adopt(
            &mut session,
            Some(id.clone()),
            Some((part.clone(), labels(&["prediction"], false, Verdict::Undetermined))),
        );
        let claim = &session.record(0).unwrap().claims[0];
        assert_eq!((claim.id.as_str(), claim.span(), claim.note.as_str()), (id.as_str(), part, "mine"));
        assert_eq!(claim.anchor.quote, "the talks would resume");
        assert_eq!(claim.tags, ["prediction"]);
        let outcome = adopt(&mut session, Some(id.clone()), None);
        assert_eq!(outcome.status.as_deref(), Some("adopted lee's choice: not tagged"));
        let claim = &session.record(0).unwrap().claims[0];
        assert!(claim.tags.is_empty() && claim.note == "mine", "the note keeps the claim");
        session.apply(Intent::Undo).unwrap();
        assert_eq!(session.record(0).unwrap().claims[0].tags, ["prediction"]);
        session.apply(Intent::Undo).unwrap();
        assert_eq!(session.record(0).unwrap().claims[0].span(), sentence);
    }

    #[test]
    fn in_a_shared_store_adopting_leaves_the_other_analysts_claim_on_that_span_theirs() {
        let mut session = session();
        let span = span_of(&session, 0, "Officials said the talks would resume.");
        session.set_author("lee");
        session
            .apply(Intent::ToggleTag { article: 0, target: Target::New(span.clone()), tag: "quote".into() })
            .unwrap();
        session.set_author("tester");
        adopt(&mut session, None, Some((span.clone(), labels(&["quote"], false, Verdict::Undetermined))));
        let claims = &session.record(0).unwrap().claims;
        let owners: Vec<(&str, &[String])> = claims.iter().map(|c| (c.author.as_str(), c.tags.as_slice())).collect();
        assert_eq!(claims.len(), 2, "{owners:?}");
        assert!(claims.iter().all(|c| c.span() == span && c.tags == ["quote"]));
        assert!(owners.iter().any(|(a, _)| *a == "tester") && owners.iter().any(|(a, _)| *a == "lee"));
    }

    #[test]
    fn what_cannot_be_adopted_is_refused_and_changes_nothing() {
        let mut session = session();
        let span = span_of(&session, 0, "Nobody knew when.");
        let refused = session.apply(Intent::Adopt {
            article: 0,
            mine: None,
            theirs: Some((span.clone(), labels(&["rumour"], false, Verdict::Undetermined))),
            from: "lee".into(),
        });
        assert_eq!(refused, Err(Refused::UnknownTag("rumour".into())));
        let outside = session.apply(Intent::Adopt {
            article: 0,
            mine: None,
            theirs: Some((10_000..10_005, labels(&["fact"], false, Verdict::Undetermined))),
            from: "lee".into(),
        });
        assert_eq!(outside, Err(Refused::BadSpan(10_000..10_005)));
        let nothing = adopt(&mut session, None, None);
        assert!(nothing.changed.is_empty() && nothing.status.unwrap().contains("nothing to adopt"));
        assert!(session.record(0).is_none() && !session.can_undo());
    }

    mod properties {
        use proptest::prelude::*;

        use super::super::super::tests::session;
        use super::*;
        use crate::agreement::coding::annotated;
        use crate::agreement::{Choice, disagreements};
        use crate::annotations::{Claim, Intent, Labels};

        /// Per sentence of the first article (three), maybe a claim: some of three tags, a flag.
        fn choices() -> impl Strategy<Value = Vec<Option<(u8, bool)>>> {
            prop::collection::vec(prop::option::of((1u8..8, any::<bool>())), 3)
        }

        fn tags_of(bits: u8) -> Vec<String> {
            ["fact", "quote", "opinion"]
                .iter()
                .enumerate()
                .filter(|(b, _)| bits & (1 << b) != 0)
                .map(|(_, t)| (*t).to_owned())
                .collect()
        }

        /// Lee's claims: the sentences of article 0 chosen, with their labels.
        fn lees(session: &Session, chosen: &[Option<(u8, bool)>]) -> Vec<Claim> {
            let article = &session.articles[0];
            let sentences = article.sentences();
            let mut record = crate::annotations::ArticleRecord::default();
            let stamp = crate::annotations::Stamp { author: "lee".into(), time: "t".into() };
            for (i, (bits, flag)) in chosen.iter().enumerate().filter_map(|(i, c)| Some((i, (*c)?))) {
                let at = record.add_claim(article.text(), &sentences[i + 1], &format!("l{i}"), &stamp);
                record.claims[at].tags = tags_of(bits);
                record.claims[at].check_worthy = flag;
            }
            record.claims
        }

        proptest! {
            /// Adopting lee's choice at every disagreement, one after another, leaves none, each
            /// adoption settling one; undoing as many times gives back one's own claims exactly.
            #[test]
            fn adopting_every_disagreement_settles_them_all_and_undo_restores_mine(mine in choices(), theirs in choices()) {
                let mut session = session();
                let sentences = session.articles[0].sentences().to_vec();
                for (i, (bits, flag)) in mine.iter().enumerate().filter_map(|(i, c)| Some((i, (*c)?))) {
                    for tag in tags_of(bits) {
                        let target = Target::New(sentences[i + 1].clone());
                        session.apply(Intent::ToggleTag { article: 0, target, tag }).unwrap();
                    }
                    if flag {
                        let target = Target::New(sentences[i + 1].clone());
                        session.apply(Intent::ToggleCheckWorthy { article: 0, target }).unwrap();
                    }
                }
                let lee = lees(&session, &theirs);
                let before = annotated(session.record(0));
                prop_assume!(before.is_some(), "one who has not annotated the article takes no part");
                // Each adoption settles one place (Target::New above may make several claims on one
                // sentence: each is a place of its own).
                let places = disagreements(&[before.as_deref(), Some(&lee)]).len();
                let mut adopted = 0;
                for _ in 0..places {
                    let now = annotated(session.record(0)).unwrap_or_default();
                    let Some(item) = disagreements(&[Some(&now), Some(&lee)]).into_iter().next() else { break };
                    let mine = match &item.choices[0] { Choice::Claim { id, .. } => Some(id.clone()), _ => None };
                    let theirs = match &item.choices[1] {
                        Choice::Claim { span, labels, .. } => Some((span.clone(), labels.clone())),
                        _ => None,
                    };
                    session.apply(Intent::Adopt { article: 0, mine, theirs, from: "lee".into() }).unwrap();
                    adopted += 1;
                }
                let now = annotated(session.record(0)).unwrap_or_default();
                prop_assert!(disagreements(&[Some(&now), Some(&lee)]).is_empty());
                for _ in 0..adopted {
                    session.apply(Intent::Undo).unwrap();
                }
                let labels = |claims: Option<Vec<Claim>>| claims.unwrap_or_default().iter().map(|c| (c.span(), Labels::of(c))).collect::<Vec<_>>();
                prop_assert_eq!(labels(annotated(session.record(0))), labels(before));
            }
        }
    }
}
