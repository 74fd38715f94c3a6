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
    detect(&cx, &mut tokens).guesses.into_iter().map(|g| (text[g.span].to_owned(), g.kind)).collect()
}

fn names(found: &[(String, Kind)]) -> Vec<&str> {
    found.iter().map(|(n, _)| n.as_str()).collect()
}

#[test]
fn titles_mark_people() {
    let found =
        guesses("Russian Deputy Foreign Minister Pavel Sorokin arrived. Mr. Tanaka left.", &[("Russian", Kind::Norp)]);
    assert_eq!(found, [("Pavel Sorokin".to_owned(), Kind::Person), ("Tanaka".to_owned(), Kind::Person)]);
    let found = guesses("The visit by chief cabinet secretary Tomoe Hanada was brief.", &[]);
    assert_eq!(names(&found), ["Tomoe Hanada"]);
}

#[test]
fn a_title_that_begins_before_a_name_is_no_part_of_it() {
    let found = guesses("US Secretary of State Marco Vidal said so.", &[("US", Kind::Gpe)]);
    assert_eq!(names(&found), ["Marco Vidal"]);
    let found = guesses("The Secretary of Defense Anselm Pray left.", &[]);
    assert_eq!(names(&found), ["Anselm Pray"]);
}

#[test]
fn given_names_family_names_and_initials() {
    let found = guesses("Analysts such as Nikolay Brovkin and Park Jin-seo disagreed, as did S. Ramaswamy.", &[]);
    assert_eq!(names(&found), ["Nikolay Brovkin", "Park Jin-seo", "S. Ramaswamy"]);
    let found = guesses("Officials were less upbeat. T. K. Varma, a retired admiral, said so.", &[]);
    assert_eq!(names(&found), ["T. K. Varma"]);
    let found = guesses("He Wenbo said the talks would go on.", &[]);
    assert_eq!(names(&found), ["He Wenbo"]);
}

#[test]
fn a_family_name_joined_by_a_hyphen_is_no_person() {
    assert!(guesses("Snow fell over the Zhou-Han plain.", &[]).is_empty());
}

#[test]
fn verbs_of_saying_and_appositions_mark_people() {
    let found =
        guesses("Later, Tomasz Wierzba added that the deal was done. Choi Min, vice minister of labour, agreed.", &[]);
    assert_eq!(names(&found), ["Tomasz Wierzba", "Choi Min"]);
}

#[test]
fn a_given_name_alone_a_name_shape_and_two_people_side_by_side() {
    assert_eq!(names(&guesses("Thanks, Renata. We met Zoltar Quimby at noon.", &[])), ["Renata", "Zoltar Quimby"]);
    assert_eq!(names(&guesses("Panel guests Maria Lopes Jorge Bastos argued.", &[])), ["Maria Lopes", "Jorge Bastos"]);
    assert_eq!(names(&guesses("We heard Peter Bell and Bill Tennant.", &[])), ["Peter Bell", "Bill Tennant"]);
    let found = guesses("Silver went to Carla Lisbon of Portugal.", &[("Lisbon", Kind::Gpe), ("Portugal", Kind::Gpe)]);
    assert_eq!(names(&found), ["Carla Lisbon"]);
}

#[test]
fn words_of_the_grammar_are_no_part_of_a_name() {
    let found = guesses("we spoke to Robert Amsel And former envoys Uh Ivana Petrak I think Don't go", &[]);
    assert_eq!(names(&found), ["Robert Amsel", "Ivana Petrak"]);
}

#[test]
fn sentence_openers_are_not_names() {
    assert!(guesses("However, the talks stalled. Analysts said nothing. Historical Context", &[]).is_empty());
    assert!(guesses("Economic Policies Stricter sanctions Balanced dialogue", &[]).is_empty());
}

#[test]
fn nouns_next_to_a_name_say_what_it_is() {
    let found = guesses("The Halden news agency and Tamsin magazine cited the newspaper Al-Qarin.", &[]);
    assert_eq!(
        found,
        [("Halden".to_owned(), Kind::Org), ("Tamsin".to_owned(), Kind::Org), ("Al-Qarin".to_owned(), Kind::Org),]
    );
    assert!(
        guesses("They boarded the tanker Sea Falcon near Renata Point.", &[]).iter().all(|(_, k)| *k != Kind::Person)
    );
}

#[test]
fn an_ampersand_joins_a_firm_s_name() {
    let found = guesses(
        "Lawyers at Harlow & Finch and the Bosnia & Herzegovina team, not R&D.",
        &[("Bosnia", Kind::Gpe), ("Herzegovina", Kind::Gpe)],
    );
    assert_eq!(found, [("Harlow & Finch".to_owned(), Kind::Org)]);
}

#[test]
fn head_words_mark_organisations_places_and_events() {
    let found = guesses(
        "The Dalsan Center for Maritime Studies and the Karvel Peninsula, then the Yellowtail Summit in June.",
        &[],
    );
    assert_eq!(
        found,
        [
            ("Dalsan Center for Maritime Studies".to_owned(), Kind::Org),
            ("Karvel Peninsula".to_owned(), Kind::Loc),
            ("Yellowtail Summit".to_owned(), Kind::Event),
        ]
    );
}

#[test]
fn facilities_are_no_entities_but_a_radio_station_is_an_organisation() {
    let text = "Police closed Kingston Road near the Halden Towers, said Capital Radio Station.";
    let found = guesses(text, &[("Kingston", Kind::Gpe)]);
    assert_eq!(found, [("Capital Radio Station".to_owned(), Kind::Org)]);
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
    let known = [("US", Kind::Gpe), ("Chile", Kind::Gpe), ("Japan", Kind::Gpe)];
    let found =
        guesses("The US Supreme Court, the Chile Labor Commission and the Japan Pearl Traders Organization.", &known);
    assert_eq!(names(&found), ["Supreme Court", "Labor Commission", "Japan Pearl Traders Organization"]);
}

#[test]
fn a_body_named_after_a_region_or_river_keeps_it() {
    let known = [
        ("Varsel", Kind::Loc),
        ("Ombra", Kind::Loc),
        ("Nordic", Kind::Norp),
        ("Tarvonia", Kind::Gpe),
        ("Tarvonian", Kind::Norp),
    ];
    let text = "The Varsel Relief Agency, the Ombra Water Council, the Nordic Kelp Council, the Tarvonia Water \
                Council and the Tarvonian Labor Commission met.";
    let found = guesses(text, &known);
    assert_eq!(
        names(&found),
        ["Varsel Relief Agency", "Ombra Water Council", "Nordic Kelp Council", "Water Council", "Labor Commission"]
    );
    assert!(found.iter().all(|(_, kind)| *kind == Kind::Org));
}

#[test]
fn a_crisis_is_an_event_only_after_a_distinctive_word() {
    let known = [("Tarvonia", Kind::Gpe)];
    let text = "The Marrow Crisis deepened. The Tarvonia Crisis and the Debt Crisis did too. Crisis loomed.";
    assert_eq!(guesses(text, &known), [("Marrow Crisis".to_owned(), Kind::Event)]);
}

#[test]
fn two_names_joined_by_and_stay_two() {
    let found =
        guesses("Ships crossed the Halvard Sea and the Mirren Sea, near the Kolo Islands and the Tassa Islands.", &[]);
    assert_eq!(names(&found), ["Halvard Sea", "Mirren Sea", "Kolo Islands", "Tassa Islands"]);
    let found = guesses("The Asia-Pacific Fisheries and Trade Organization met.", &[("Asia-Pacific", Kind::Loc)]);
    assert_eq!(names(&found), ["Asia-Pacific Fisheries and Trade Organization"]);
}

#[test]
fn hyphenated_names_split_at_known_names_only() {
    let found = guesses("The Putin-Kim pact worried Luisa Ferreira-Costa, a senator.", &[("Putin", Kind::Person)]);
    assert_eq!(names(&found), ["Luisa Ferreira-Costa"]);
}

#[test]
fn adjectives_from_names_are_not_names() {
    let found =
        guesses("Amina Otieno of the Nairobi-based Institute for Great Rift Studies said.", &[("Nairobi", Kind::Gpe)]);
    assert!(names(&found).contains(&"Institute for Great Rift Studies"), "{found:?}");
}

#[test]
fn a_headed_name_that_is_a_known_name_with_ordinary_words_before_is_left_to_the_gazetteer() {
    let found = guesses("Route Via Red Sea Closed", &[("Red Sea", Kind::Loc)]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn web_addresses_and_compass_regions() {
    let found = guesses("Image by mapcorner.com. Provocations from the North worry the West, not western firms.", &[]);
    assert_eq!(
        found,
        [("mapcorner.com".to_owned(), Kind::Org), ("North".to_owned(), Kind::Gpe), ("West".to_owned(), Kind::Loc)]
    );
    let found = guesses("Read more at [mapcorner.com](https://mapcorner.com) or at mapcorner.net today.", &[]);
    assert_eq!(names(&found), [] as [&str; 0]);
    let found = guesses("Prices rose, mapcorner.com reported (data: tideline.org)\nharbourwatch.net\n", &[]);
    assert_eq!(names(&found), ["mapcorner.com", "harbourwatch.net"]);
    let found = guesses("Snow fell in Northwest Chile.", &[("Chile", Kind::Gpe)]);
    assert_eq!(found, [("Northwest Chile".to_owned(), Kind::Loc)]);
}

#[test]
fn headings_in_capitals_give_no_person_guesses() {
    assert!(guesses("MINISTER OKONJO SAID NO", &[]).is_empty());
}

#[test]
fn a_title_after_a_name_opens_the_next_name_but_ends_none() {
    let found = guesses("When Carla spoke to Mister Orlov Mister Orlov agreed.", &[]);
    assert_eq!(names(&found), ["Carla", "Orlov", "Orlov"]);
    let found = guesses("The envoy was Robert Ventimiglia Dean of the Law Faculty then.", &[]);
    assert_eq!(names(&found), ["Robert Ventimiglia", "Law Faculty"]);
    let found = guesses("Vice Foreign Minister Anton Brel Mister Orlov left.", &[]);
    assert_eq!(names(&found), ["Anton Brel", "Orlov"]);
}

#[test]
fn an_ordinary_hyphenated_adjective_with_a_capital_opens_an_organisation_but_no_person() {
    let found = guesses("He leads the Left-behind Children Task Force here.", &[]);
    assert_eq!(found, [("Left-behind Children Task Force".to_owned(), Kind::Org)]);
    let found = guesses("We met the Left-behind Children there.", &[]);
    assert_eq!(names(&found), [] as [&str; 0]);
    let found = guesses("The Nairobi-based Kenya Human Rights Commission said so.", &[("Nairobi", Kind::Gpe)]);
    assert_eq!(names(&found), ["Kenya Human Rights Commission"]);
}
