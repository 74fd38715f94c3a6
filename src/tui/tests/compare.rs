//! Key-sequence tests of the disagreement view: two analysts annotate the first seed
//! differently, one opens the other's store beside their own, steps through the differences,
//! adopts the other's choices and undoes; then a snapshot of the view.

use std::path::{Path, PathBuf};

use super::claims::{app_with_store_at, on_disk};
use super::search::screen;
use super::{app, deliver, press};
use crate::tui::compare::ComparePanel;
use crate::tui::{AppState, Compare, Msg, Popup};
use gloss_core::agreement::{Choice, Coder};
use gloss_core::annotations::{Claim, Store};
use gloss_core::corpus::{Article, Origin, SEEDS};

/// lee, on the first seed: sentence 3 a fact (not check-worthy), sentence 5 a prediction.
fn lees_store() -> Store {
    let mut lee = app();
    lee.notes.session.set_author("lee");
    press(&mut lee, "enter j j 1 j j 4");
    lee.notes.session.store().clone()
}

/// kim, with a store on disk, comparing with lee: sentence 3 a fact and check-worthy,
/// sentence 4 causal.
fn kim(lee: Store) -> (AppState, PathBuf) {
    let path = tempfile::tempdir().unwrap().keep().join("kim.ron");
    let articles: Vec<Article> =
        SEEDS.iter().map(|&(name, text)| Article::from_text(Origin::Embedded(name), text)).collect();
    let mut state = app_with_store_at(&path, articles);
    state.notes.session.set_author("kim");
    state.compare = Compare::new(vec![Coder::new("lee", lee)]);
    press(&mut state, "enter j j 1 ! j 3 g");
    (state, path)
}

fn panel(state: &AppState) -> &ComparePanel {
    match &state.popup {
        Some(Popup::Compare(panel)) => panel,
        other => panic!("no disagreement view: {other:?}"),
    }
}

fn cursor(state: &AppState) -> usize {
    state.reader.as_ref().unwrap().place.cursor
}

/// kim's claims on the first seed, as saved.
fn saved(path: &Path) -> Vec<Claim> {
    let store = on_disk(path);
    store.articles.values().find(|r| r.file == SEEDS[0].0).map(|r| r.claims.clone()).unwrap_or_default()
}

#[test]
fn stepping_through_the_disagreements_moves_the_reader() {
    let (mut state, _) = kim(lees_store());
    press(&mut state, "D");
    let sentences = state.current_article().unwrap().sentences().to_vec();
    let spans: Vec<_> = panel(&state).items.iter().map(|i| i.span.clone()).collect();
    // Sentence 3: the flag differs; 4: kim's causal, lee nothing; 5: lee's prediction.
    assert_eq!(spans, [sentences[2].clone(), sentences[3].clone(), sentences[4].clone()]);
    assert_eq!(cursor(&state), 2, "the reader goes to the first");
    assert_eq!(panel(&state).items[1].choices[1], Choice::NotTagged);
    press(&mut state, "] ]");
    assert_eq!((panel(&state).selected, cursor(&state)), (2, 4));
    press(&mut state, "]");
    assert_eq!(state.status.as_ref().unwrap().text, "no more disagreements below");
    press(&mut state, "[ g");
    assert_eq!((panel(&state).selected, cursor(&state)), (0, 2));
    press(&mut state, "G");
    assert_eq!(panel(&state).selected, 2);
    assert_eq!(state.reader.as_ref().unwrap().focus, Some(sentences[4].clone()));
    press(&mut state, "esc");
    assert!(state.popup.is_none());
}

#[test]
fn adopting_their_claim_saves_it_as_ones_own_and_u_undoes_it() {
    let (mut state, path) = kim(lees_store());
    press(&mut state, "D G y");
    let claims = saved(&path);
    let adopted = claims.iter().find(|c| c.tags == ["prediction"]).expect("lee's prediction adopted");
    assert_eq!(
        (adopted.author.as_str(), adopted.span()),
        ("kim", state.current_article().unwrap().sentences()[4].clone())
    );
    assert_eq!(panel(&state).items.len(), 2, "that disagreement is settled");
    assert_eq!(state.status.as_ref().unwrap().text, "adopted lee's claim: prediction");
    press(&mut state, "u");
    assert!(saved(&path).iter().all(|c| c.tags != ["prediction"]), "undone on disk");
    assert_eq!(panel(&state).items.len(), 3, "and back in the view");
}

#[test]
fn adopting_not_tagged_takes_ones_claim_away_and_the_flag_follows_theirs() {
    let (mut state, path) = kim(lees_store());
    press(&mut state, "D ] y");
    assert!(saved(&path).iter().all(|c| c.tags != ["causal"]), "lee tagged nothing there");
    assert_eq!(panel(&state).items.len(), 2);
    press(&mut state, "g y");
    let fact = saved(&path).into_iter().find(|c| c.tags == ["fact"]).unwrap();
    assert!(!fact.check_worthy, "lee's fact is not check-worthy");
    assert_eq!(panel(&state).items.len(), 1);
    press(&mut state, "u u");
    assert_eq!(saved(&path).len(), 2);
    assert!(saved(&path).iter().any(|c| c.check_worthy));
}

#[test]
fn without_other_stores_or_disagreements_the_view_says_so() {
    let mut alone = app();
    press(&mut alone, "enter D");
    assert!(alone.popup.is_none());
    assert!(alone.status.as_ref().unwrap().text.contains("--compare"));

    let (mut state, _) = kim(lees_store());
    // The second seed: lee never annotated it, kim tags it; lee takes no part.
    press(&mut state, "esc j enter 1 D");
    assert!(panel(&state).items.is_empty());
    assert_eq!(state.status.as_ref().unwrap().text, "no disagreements in this article");
    press(&mut state, "y");
    assert!(state.status.as_ref().unwrap().text.contains("no disagreements"));
}

#[test]
fn the_view_closes_when_the_reader_changes_article() {
    let (mut state, _) = kim(lees_store());
    press(&mut state, "D");
    let other = state.articles.len() - 1;
    state.show_article(other);
    let screen = state.screen;
    deliver(&mut state, Msg::Resize(screen));
    assert!(state.popup.is_none());
}

#[test]
fn the_disagreement_view_snapshot() {
    let (mut state, _) = kim(lees_store());
    press(&mut state, "D j");
    insta::assert_snapshot!(screen(&state));
}

/// max, on the first seed: sentence 4 a quantity, check-worthy.
fn maxs_store() -> Store {
    let mut max = app();
    max.notes.session.set_author("max");
    press(&mut max, "enter j j j 2 !");
    max.notes.session.store().clone()
}

#[test]
fn with_three_analysts_j_and_k_choose_whose_choice_to_adopt() {
    let (mut state, path) = kim(lees_store());
    state.compare = Compare::new(vec![Coder::new("lee", lees_store()), Coder::new("max", maxs_store())]);
    press(&mut state, "D ]");
    let sentence = state.current_article().unwrap().sentences()[3].clone();
    assert_eq!(panel(&state).item().unwrap().span, sentence, "sentence 4: kim causal, lee nothing, max quantity");
    assert_eq!(panel(&state).analyst, 1, "lee first");
    press(&mut state, "j");
    assert_eq!(panel(&state).analyst, 2);
    press(&mut state, "j");
    assert_eq!(panel(&state).analyst, 1, "round the end");
    press(&mut state, "k");
    assert_eq!(panel(&state).analyst, 2, "and back");
    insta::assert_snapshot!("three_analysts", screen(&state));
    press(&mut state, "y");
    let adopted = saved(&path).into_iter().find(|c| c.span() == sentence).unwrap();
    assert_eq!(
        (adopted.tags, adopted.check_worthy, adopted.author.as_str()),
        (vec!["quantity".to_owned()], true, "kim")
    );
    press(&mut state, "u");
    let undone = saved(&path).into_iter().find(|c| c.span() == sentence).unwrap();
    assert_eq!((undone.tags, undone.check_worthy), (vec!["causal".to_owned()], false));
}

#[test]
fn f_shows_the_articles_figures_in_full_and_again_the_disagreements() {
    let (mut state, _) = kim(lees_store());
    press(&mut state, "D f");
    assert!(panel(&state).figures_shown);
    insta::assert_snapshot!("figures", screen(&state));
    press(&mut state, "f");
    assert!(!panel(&state).figures_shown);
}

/// kim's and lee's claims in one store, as the merge driver leaves a team's shared store:
/// kim's choices of [`kim`], lee's of [`lees_store`]; kim opens it as their own, with no
/// store to compare with.
fn shared_store() -> (AppState, PathBuf) {
    let mut kim = app();
    kim.notes.session.set_author("kim");
    press(&mut kim, "enter j j 1 ! j 3");
    let mut shared = lees_store();
    for (id, record) in &kim.notes.session.store().articles {
        let merged = shared.articles.entry(id.clone()).or_insert_with(|| record.clone());
        if merged.claims != record.claims {
            merged.claims.extend(record.claims.iter().cloned().map(|mut c| {
                c.id = format!("kim-{}", c.id);
                c
            }));
            merged.sort_claims();
        }
    }
    let path = tempfile::tempdir().unwrap().keep().join("annotations.ron");
    shared.save(&path).unwrap();
    let articles: Vec<Article> =
        SEEDS.iter().map(|&(name, text)| Article::from_text(Origin::Embedded(name), text)).collect();
    let mut state = app_with_store_at(&path, articles);
    state.notes.session.set_author("kim");
    press(&mut state, "enter");
    (state, path)
}

#[test]
fn in_a_shared_store_the_other_authors_are_the_other_analysts() {
    let (mut state, path) = shared_store();
    press(&mut state, "D");
    assert_eq!(panel(&state).names, ["kim", "lee"]);
    let sentences = state.current_article().unwrap().sentences().to_vec();
    let spans: Vec<_> = panel(&state).items.iter().map(|i| i.span.clone()).collect();
    // As with separate stores: sentence 3 the flag differs, 4 kim's causal, 5 lee's prediction.
    assert_eq!(spans, [sentences[2].clone(), sentences[3].clone(), sentences[4].clone()]);
    press(&mut state, "G y");
    assert_eq!(state.status.as_ref().unwrap().text, "adopted lee's claim: prediction");
    let mut on_fifth: Vec<(String, Vec<String>)> =
        saved(&path).into_iter().filter(|c| c.span() == sentences[4]).map(|c| (c.author, c.tags)).collect();
    on_fifth.sort();
    let prediction = vec!["prediction".to_owned()];
    assert_eq!(on_fifth, [("kim".to_owned(), prediction.clone()), ("lee".to_owned(), prediction)]);
    assert_eq!(panel(&state).items.len(), 2, "settled: lee's claim stays lee's, kim has one of their own");
    press(&mut state, "u");
    let authors: Vec<String> =
        saved(&path).into_iter().filter(|c| c.span() == sentences[4]).map(|c| c.author).collect();
    assert_eq!(authors, ["lee"], "undone: only lee's");
    assert_eq!(panel(&state).items.len(), 3);
    press(&mut state, "g");
    insta::assert_snapshot!("shared_store", screen(&state));
}
