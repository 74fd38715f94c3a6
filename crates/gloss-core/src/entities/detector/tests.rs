//! Detector tests on sentences with names no gazetteer is given here.

use super::*;
use crate::text::{paragraphs, sentences};

/// Guesses for `text`, with the gazetteer knowing only `known` (text, kind) pairs.
fn guesses(text: &str, known: &[(&str, Kind)]) -> Vec<(String, Kind)> {
    let lexicon = Lexicon::built_in();
    let cases = CaseMap::new(text);
    let sentences = sentences(text, &paragraphs(text));
    let mut spans: Vec<(Span, Kind)> = known
        .iter()
        .flat_map(|(name, kind)| text.match_indices(name).map(move |(i, _)| (i..i + name.len(), *kind)))
        .collect();
    spans.sort_by_key(|(s, _)| s.start);
    let cx = Context { text, cases: &cases, lexicon: &lexicon, known: &spans };
    let mut tokens = crate::entities::tokens::tokens(text, &sentences, &lexicon);
    detect(&cx, &mut tokens).into_iter().map(|g| (text[g.span].to_owned(), g.kind)).collect()
}

fn names(found: &[(String, Kind)]) -> Vec<&str> {
    found.iter().map(|(n, _)| n.as_str()).collect()
}

#[test]
fn titles_mark_people() {
    let found =
        guesses("Russian Deputy Foreign Minister Andrei Rudenko arrived. Mr. Kim left.", &[("Russian", Kind::Norp)]);
    assert_eq!(found, [("Andrei Rudenko".to_owned(), Kind::Person), ("Kim".to_owned(), Kind::Person)]);
    let found = guesses("The visit by chief cabinet secretary Tomoe Hanada was brief.", &[]);
    assert_eq!(names(&found), ["Tomoe Hanada"]);
}

#[test]
fn given_names_family_names_and_initials() {
    let found = guesses("Analysts such as Nikolay Brovkin and Park Jin-seo disagreed, as did S. Jaishankar.", &[]);
    assert_eq!(names(&found), ["Nikolay Brovkin", "Park Jin-seo", "S. Jaishankar"]);
    let found = guesses("Officials were less upbeat. M. K. Raghavan, a retired admiral, said so.", &[]);
    assert_eq!(names(&found), ["M. K. Raghavan"]);
    let found = guesses("He Yadong said the talks would go on.", &[]);
    assert_eq!(names(&found), ["He Yadong"]);
}

#[test]
fn verbs_of_saying_and_appositions_mark_people() {
    let found =
        guesses("Later, Tomasz Wierzba added that the deal was done. Kim Yo, vice minister of labour, agreed.", &[]);
    assert_eq!(names(&found), ["Tomasz Wierzba", "Kim Yo"]);
}

#[test]
fn sentence_openers_are_not_names() {
    assert!(guesses("However, the talks stalled. Analysts said nothing. Historical Context", &[]).is_empty());
}

#[test]
fn head_words_mark_organisations_places_and_events() {
    let found = guesses(
        "The Hanbit Center for Maritime Studies and the Inoden Peninsula, then the Yellowtail Summit in June.",
        &[],
    );
    assert_eq!(
        found,
        [
            ("Hanbit Center for Maritime Studies".to_owned(), Kind::Org),
            ("Inoden Peninsula".to_owned(), Kind::Loc),
            ("Yellowtail Summit".to_owned(), Kind::Event),
        ]
    );
}

#[test]
fn names_stop_at_in_on_and_dates() {
    let found = guesses(
        "It met at the Kessler Institute in Berlin on Monday and the Ravna Dialogue on Tuesday.",
        &[("Berlin", Kind::Gpe)],
    );
    assert_eq!(names(&found), ["Kessler Institute", "Ravna Dialogue"]);
}

#[test]
fn a_country_before_a_generic_body_is_split_off() {
    let known = [("US", Kind::Gpe), ("DPRK", Kind::Gpe), ("Japan", Kind::Gpe)];
    let found =
        guesses("The US Supreme Court, the DPRK Labor Commission and the Japan National Tourism Organization.", &known);
    assert_eq!(names(&found), ["Supreme Court", "Labor Commission", "Japan National Tourism Organization"]);
}

#[test]
fn two_names_joined_by_and_stay_two() {
    let found =
        guesses("Ships crossed the Halvard Sea and the Mirren Sea, near the Kolo Islands and the Tassa Islands.", &[]);
    assert_eq!(names(&found), ["Halvard Sea", "Mirren Sea", "Kolo Islands", "Tassa Islands"]);
    let found = guesses("The Asia-Pacific Economic and Trade Organization met.", &[("Asia-Pacific", Kind::Loc)]);
    assert_eq!(names(&found), ["Asia-Pacific Economic and Trade Organization"]);
}

#[test]
fn hyphenated_names_split_at_known_names_only() {
    let found = guesses("The Putin-Kim pact worried Celeste Abad-Santos, a senator.", &[("Putin", Kind::Person)]);
    assert_eq!(names(&found), ["Celeste Abad-Santos"]);
}

#[test]
fn adjectives_from_names_are_not_names() {
    let found = guesses(
        "Wanjiru Kamau of the Nairobi-based Institute for Horn of Africa Studies said.",
        &[("Nairobi", Kind::Gpe)],
    );
    assert!(names(&found).contains(&"Institute for Horn of Africa Studies"), "{found:?}");
}

#[test]
fn a_headed_name_that_is_a_known_name_with_ordinary_words_before_is_left_to_the_gazetteer() {
    let found = guesses("Route Via Red Sea Closed", &[("Red Sea", Kind::Loc)]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn web_addresses_and_compass_regions() {
    let found = guesses("Image by yandex.com. Provocations from the North worry the West, not western firms.", &[]);
    assert_eq!(
        found,
        [("yandex.com".to_owned(), Kind::Org), ("North".to_owned(), Kind::Gpe), ("West".to_owned(), Kind::Loc)]
    );
}

#[test]
fn headings_in_capitals_give_no_person_guesses() {
    assert!(guesses("MINISTER KALLAS SAID NO", &[]).is_empty());
}
