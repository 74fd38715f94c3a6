//! The property of undo: whatever the analyst does, undoing everything gives back the store and
//! the names as they were, and redoing everything gives back where the history ends.

use proptest::prelude::*;

use super::*;
use crate::annotations::claim::Verdict;
use crate::entities::Kind;

/// A claim to act on: a new one on some span, or the n-th existing one of the article.
#[derive(Debug, Clone)]
enum Aim {
    New { start: usize, len: usize },
    Sentence(usize),
    Existing(usize),
}

#[derive(Debug, Clone)]
enum Op {
    Tag { article: usize, aim: Aim, tag: usize },
    Flag { article: usize, aim: Aim },
    Verdict { article: usize, aim: Aim, verdict: usize },
    Delete { article: usize, nth: usize },
    Note { article: usize, aim: Option<Aim>, texts: Vec<String>, commit: bool },
    AddName(String),
    Reject(String),
    Undo,
    Redo,
}

fn aim() -> impl Strategy<Value = Aim> {
    prop_oneof![
        (0usize..120, 0usize..30).prop_map(|(start, len)| Aim::New { start, len }),
        (0usize..5).prop_map(Aim::Sentence),
        (0usize..4).prop_map(Aim::Existing),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let article = 0usize..2;
    prop_oneof![
        4 => (article.clone(), aim(), 0usize..10).prop_map(|(article, aim, tag)| Op::Tag { article, aim, tag }),
        2 => (article.clone(), aim()).prop_map(|(article, aim)| Op::Flag { article, aim }),
        2 => (article.clone(), aim(), 0..Verdict::ALL.len()).prop_map(|(article, aim, verdict)| Op::Verdict { article, aim, verdict }),
        1 => (article.clone(), 0usize..4).prop_map(|(article, nth)| Op::Delete { article, nth }),
        2 => (article, proptest::option::of(aim()), proptest::collection::vec("[a-z é\n]{0,8}", 0..4), any::<bool>())
            .prop_map(|(article, aim, texts, commit)| Op::Note { article, aim, texts, commit }),
        1 => "[A-Z][a-z]{1,6}".prop_map(Op::AddName),
        1 => "[A-Z][a-z]{1,6}".prop_map(Op::Reject),
        2 => Just(Op::Undo),
        1 => Just(Op::Redo),
    ]
}

fn target(session: &Session, article: usize, aim: &Aim) -> Target {
    let text = session.articles[article].text();
    match *aim {
        Aim::New { start, len } => Target::New(start.min(text.len())..(start + len).min(text.len())),
        Aim::Sentence(n) => {
            let sentences = session.articles[article].sentences();
            Target::New(sentences[n % sentences.len()].clone())
        }
        Aim::Existing(n) => {
            let claims = session.record(article).map(|r| r.claims.clone()).unwrap_or_default();
            claims.get(n).map_or(Target::Claim("c-none".into()), |c| Target::Claim(c.id.clone()))
        }
    }
}

/// The intents `op` stands for.
fn intents(session: &Session, op: &Op) -> Vec<Intent> {
    let tags = ["fact", "quantity", "causal", "prediction", "policy", "quote", "opinion", "other", "rumour", ""];
    match op {
        Op::Tag { article, aim, tag } => {
            vec![Intent::ToggleTag {
                article: *article,
                target: target(session, *article, aim),
                tag: tags[*tag].into(),
            }]
        }
        Op::Flag { article, aim } => {
            vec![Intent::ToggleCheckWorthy { article: *article, target: target(session, *article, aim) }]
        }
        Op::Verdict { article, aim, verdict } => vec![Intent::SetVerdict {
            article: *article,
            target: target(session, *article, aim),
            verdict: Verdict::ALL[*verdict],
        }],
        Op::Delete { article, nth } => match target(session, *article, &Aim::Existing(*nth)) {
            Target::Claim(claim) => vec![Intent::DeleteClaim { article: *article, claim }],
            Target::New(_) => Vec::new(),
        },
        Op::Note { article, aim, texts, commit } => {
            let on = aim.as_ref().map_or(NoteOn::Article, |aim| NoteOn::Claim(target(session, *article, aim)));
            let mut intents = vec![Intent::BeginNote { article: *article, on }];
            intents.extend(texts.iter().map(|text| Intent::UpdateNote { text: text.clone() }));
            intents.push(if *commit { Intent::CommitNote } else { Intent::DiscardNote });
            intents
        }
        Op::AddName(text) => vec![Intent::AddName { text: text.clone(), kind: Kind::Gpe }],
        Op::Reject(text) => vec![Intent::RejectName { text: text.clone() }],
        Op::Undo => vec![Intent::Undo],
        Op::Redo => vec![Intent::Redo],
    }
}

/// Carries out `op`; refusals are part of the game (they must change nothing).
fn run(session: &mut Session, op: &Op) {
    for intent in intents(session, op) {
        let before = (session.store().clone(), session.names().clone());
        if session.apply(intent.clone()).is_err()
            && !matches!(intent, Intent::UpdateNote { .. } | Intent::CommitNote | Intent::DiscardNote)
        {
            assert_eq!(
                (session.store(), session.names()),
                (&before.0, &before.1),
                "{intent:?} was refused but changed things"
            );
        }
    }
}

/// Applies undo (or redo) until there is nothing left to take.
fn exhaust(session: &mut Session, intent: &Intent) {
    for _ in 0..=DEPTH {
        let outcome = session.apply(intent.clone()).unwrap();
        if outcome.changed.is_empty() && !outcome.names_changed {
            return;
        }
    }
    panic!("{intent:?} never ran out");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn undo_all_restores_the_start_and_redo_all_the_end(ops in proptest::collection::vec(op(), 1..30)) {
        let mut start = session();
        tag_on(&mut start, "Officials said the talks would resume.", "fact").unwrap();
        let mut session = session_with(start.store().clone());
        let (first_store, first_names) = (session.store().clone(), session.names().clone());
        for op in &ops {
            run(&mut session, op);
        }
        prop_assert!(session.note_edit().is_none());
        // Where the history ends: the last state, or past it when the analyst last undid.
        exhaust(&mut session, &Intent::Redo);
        let (last_store, last_names) = (session.store().clone(), session.names().clone());
        exhaust(&mut session, &Intent::Undo);
        prop_assert_eq!(session.store(), &first_store);
        prop_assert_eq!(session.names(), &first_names);
        exhaust(&mut session, &Intent::Redo);
        prop_assert_eq!(session.store(), &last_store);
        prop_assert_eq!(session.names(), &last_names);
    }
}
