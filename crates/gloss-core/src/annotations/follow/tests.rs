//! Resolve-then-follow tests: moved files, edited texts, anchors that do not fit, orphans that
//! come back; and that nothing is cloned when nothing changed.

use std::borrow::Cow;

use proptest::prelude::*;

use super::*;
use crate::annotations::claim::Verdict;
use crate::corpus::Origin;

const TEXT: &str =
    "Talks resume\n\nThe envoy arrived on Monday. Officials said the talks would resume. Nobody knew when.";

fn article(path: &'static str, text: &str) -> Article {
    Article::from_text(Origin::Embedded(path), text)
}

fn claim(text: &str, quote: &str) -> Claim {
    let start = text.find(quote).unwrap();
    Claim {
        id: format!("c-{start}"),
        anchor: Anchor::of(text, &(start..start + quote.len())),
        tags: vec!["fact".into()],
        check_worthy: false,
        verdict: Verdict::Undetermined,
        note: String::new(),
        created: String::new(),
        modified: String::new(),
        author: String::new(),
        orphaned: false,
        unknown: crate::annotations::store::Unknown::new(),
    }
}

/// A store with one record for `TEXT` read as `a.txt`, with a claim on its second sentence.
fn store() -> (Store, Article) {
    let original = article("a.txt", TEXT);
    let mut record = ArticleRecord::for_article(&original);
    record.claims.push(claim(TEXT, "Officials said the talks would resume."));
    let mut store = Store::default();
    store.articles.insert("rec".into(), record);
    (store, original)
}

#[test]
fn an_unchanged_article_borrows_its_record() {
    let (store, original) = store();
    let attached = attach(&Resolver::new(&store), &store, &original);
    assert_eq!((attached.id.as_str(), &attached.identity), ("rec", &Identity::Same("rec".into())));
    assert!(matches!(attached.record, Some(Cow::Borrowed(_))));
    assert!(!attached.followed.changed());
}

#[test]
fn a_moved_file_is_followed_without_touching_the_store() {
    let (store, _) = store();
    let moved = article("renamed.txt", TEXT);
    let attached = attach(&Resolver::new(&store), &store, &moved);
    assert_eq!(attached.identity, Identity::Moved("rec".into()));
    let record = attached.record.unwrap();
    assert_eq!((record.file.as_str(), record.path.as_str()), ("renamed.txt", "seeds:renamed.txt"));
    assert!(attached.followed.moved);
    assert_eq!(store.articles["rec"].file, "a.txt");
}

#[test]
fn an_edited_article_has_its_claims_placed_again_or_orphaned() {
    let (mut store, _) = store();
    let record = store.articles.get_mut("rec").unwrap();
    record.claims.push(claim(TEXT, "Nobody knew when."));
    let edited = TEXT.replace("The envoy arrived on Monday. ", "").replace("Nobody knew when.", "Then it rained.");
    let attached = attach(&Resolver::new(&store), &store, &article("a.txt", &edited));
    assert_eq!(attached.identity, Identity::Edited("rec".into()));
    let record = attached.record.unwrap();
    let placed = record.claims.iter().find(|c| !c.orphaned).unwrap();
    assert_eq!(&edited[placed.span()], "Officials said the talks would resume.");
    assert!(record.claims.iter().any(|c| c.orphaned && c.anchor.quote == "Nobody knew when."));
    assert_eq!(attached.followed, Followed { moved: false, replaced: 1, orphaned: 1 });
    assert_eq!(attached.followed.report("a.txt").unwrap(), "a.txt: 1 claims placed again, 1 orphaned");
    assert_eq!(record.fingerprint, article("a.txt", &edited).fingerprint().to_hex());
}

#[test]
fn anchors_that_do_not_fit_the_text_are_orphans_not_panics() {
    let text = "Seoul – the café said «non». ".repeat(3);
    let (mut store, _) = store();
    let record = store.articles.get_mut("rec").unwrap();
    let dash = text.find('–').unwrap();
    let mut inside_a_character = claim(&text, "Seoul");
    inside_a_character.anchor =
        Anchor { start: dash + 1, end: dash + 2, quote: "x".into(), ..inside_a_character.anchor };
    let mut past_the_end = claim(&text, "café");
    past_the_end.anchor =
        Anchor { start: 500, end: 520, quote: "not in the text at all".into(), ..past_the_end.anchor };
    record.claims = vec![inside_a_character, past_the_end];
    let article = article("a.txt", &text);
    let attached = attach(&Resolver::new(&store), &store, &article);
    assert!(attached.record.unwrap().claims.iter().all(|c| c.orphaned));
    let mut record = store.articles["rec"].clone();
    assert!(orphan_misfits(&mut record, &text));
    assert!(record.claims.iter().all(|c| c.orphaned));
}

#[test]
fn an_orphan_whose_text_comes_back_is_placed_again() {
    let (mut store, original) = store();
    let record = store.articles.get_mut("rec").unwrap();
    record.claims[0].orphaned = true;
    let attached = attach(&Resolver::new(&store), &store, &original);
    let claim = &attached.record.unwrap().claims[0];
    assert!(!claim.orphaned);
    assert_eq!(&TEXT[claim.span()], claim.anchor.quote);
}

#[test]
fn articles_without_a_record_get_the_id_they_would_have() {
    let (store, _) = store();
    let other = article("b.txt", "Something else entirely.");
    let attached = attach(&Resolver::new(&store), &store, &other);
    assert_eq!((attached.identity, attached.record), (Identity::New, None));
    assert_eq!(attached.id, crate::annotations::new_article_id(&other.fingerprint().to_hex(), &store));
}

proptest! {
    /// Whatever the anchors say, following never panics, and every claim left placed is on
    /// character boundaries with its quote exactly there.
    #[test]
    fn every_placed_claim_fits_its_text(start in 0usize..120, len in 0usize..40, quote in ".{0,12}", cut in 0usize..90) {
        let (mut store, _) = store();
        let record = store.articles.get_mut("rec").unwrap();
        let mut wild = claim(TEXT, "Nobody knew when.");
        wild.anchor = Anchor { start, end: start + len, quote, ..wild.anchor };
        record.claims.push(wild);
        let edited: String = TEXT.chars().take(cut).chain("Ünïcode — added.".chars()).collect();
        let mut record = store.articles["rec"].clone();
        follow(&mut record, &article("a.txt", &edited));
        for claim in record.claims.iter().filter(|c| !c.orphaned) {
            prop_assert!(fits(claim, &edited), "{claim:?} in {edited:?}");
        }
    }
}
