//! Recogniser tests: the built-in gazetteer and detector together on short texts.

use std::sync::LazyLock;

use super::*;
use crate::entities::gazetteer::Entry;
use crate::text::{paragraphs, sentences};

static BUILT_IN: LazyLock<Recognizer> = LazyLock::new(|| Recognizer::built_in().unwrap());

fn recognize_with(recognizer: &Recognizer, text: &str) -> Vec<(String, Kind, String)> {
    let sentences = sentences(text, &paragraphs(text));
    recognizer
        .recognize_text(text, &sentences, None)
        .into_iter()
        .map(|m| (text[m.span].to_owned(), m.kind, m.canonical.to_string()))
        .collect()
}

fn recognize(text: &str) -> Vec<(String, Kind)> {
    recognize_with(&BUILT_IN, text).into_iter().map(|(t, k, _)| (t, k)).collect()
}

fn texts(text: &str) -> Vec<String> {
    recognize(text).into_iter().map(|(t, _)| t).collect()
}

#[test]
fn word_boundaries_and_affixes() {
    assert_eq!(texts("Japan’s anti-China stance and Seoul-based firms"), ["Japan", "China", "Seoul"]);
    assert_eq!(recognize("the Russia-Ukraine conflict"), [("Russia".into(), Kind::Gpe), ("Ukraine".into(), Kind::Gpe)]);
    assert_eq!(recognize("Japanese officials"), [("Japanese".into(), Kind::Norp)]);
    assert_eq!(texts("inter-Korean talks"), ["Korean"]);
}

#[test]
fn us_the_country_and_us_the_pronoun() {
    assert_eq!(texts("Let us see what the US and the U.S. Army do."), ["US", "U.S. Army"]);
}

#[test]
fn longest_name_wins() {
    assert_eq!(recognize("the Sea of Japan"), [("Sea of Japan".into(), Kind::Loc)]);
    assert_eq!(texts("South Korean and North Korean troops"), ["South Korean", "North Korean"]);
    assert_eq!(recognize("the Korean Peninsula"), [("Korean Peninsula".into(), Kind::Loc)]);
}

#[test]
fn headlines_in_capitals_and_lower_case() {
    assert_eq!(texts("JAPAN AND SOUTH KOREA WARN PYONGYANG"), ["JAPAN", "SOUTH KOREA", "PYONGYANG"]);
    assert_eq!(texts("n. korea fires missile toward japan"), ["n. korea", "japan"]);
}

#[test]
fn people_from_titles_and_linked_surnames() {
    let found = recognize_with(
        &BUILT_IN,
        "Russian Deputy Foreign Minister Pavel Sorokin met Justin Trudeau. Later Sorokin and Trudeau spoke.",
    );
    let people: Vec<(&str, &str)> =
        found.iter().filter(|(_, k, _)| *k == Kind::Person).map(|(t, _, c)| (t.as_str(), c.as_str())).collect();
    assert_eq!(
        people,
        [
            ("Pavel Sorokin", "Pavel Sorokin"),
            ("Justin Trudeau", "Justin Trudeau"),
            ("Sorokin", "Pavel Sorokin"),
            ("Trudeau", "Justin Trudeau")
        ]
    );
}

#[test]
fn a_title_is_never_part_of_a_known_name() {
    let found = recognize("US Secretary of Defense Lloyd Austin said so.");
    assert_eq!(found, [("US".into(), Kind::Gpe), ("Lloyd Austin".into(), Kind::Person)]);
}

#[test]
fn acronyms_on_a_lower_case_line_are_not_ordinary_words() {
    assert_eq!(texts("who knows what the who and nato will say about japan"), ["nato", "japan"]);
}

#[test]
fn a_facility_hides_the_place_in_its_name() {
    assert_eq!(texts("Traffic stopped on Kingston Road in Jamaica."), ["Jamaica"]);
}

#[test]
fn a_truncated_name_takes_the_full_name_of_the_article() {
    let found = recognize_with(&BUILT_IN, "Kim Yo, vice minister, spoke. Later Kim Yo-jong warned Seoul.");
    let people: Vec<(&str, &str)> =
        found.iter().filter(|(_, k, _)| *k == Kind::Person).map(|(t, _, c)| (t.as_str(), c.as_str())).collect();
    assert_eq!(people, [("Kim Yo", "Kim Yo Jong"), ("Kim Yo-jong", "Kim Yo Jong")]);
}

#[test]
fn a_truncated_name_is_completed_when_the_one_person_is_named_more_than_once() {
    let text = "Kim Yo, vice minister, spoke. Later Kim Yo-jong warned Seoul. Kim Yo-jong left.";
    let found = recognize_with(&BUILT_IN, text);
    let people: Vec<(&str, &str)> =
        found.iter().filter(|(_, k, _)| *k == Kind::Person).map(|(t, _, c)| (t.as_str(), c.as_str())).collect();
    assert_eq!(people, [("Kim Yo", "Kim Yo Jong"), ("Kim Yo-jong", "Kim Yo Jong"), ("Kim Yo-jong", "Kim Yo Jong")]);
    let two = recognize_with(&BUILT_IN, "Kim Yo spoke. Later Kim Yo-jong warned Seoul, and Kim Yo-dal agreed.");
    let kim_yo = two.iter().find(|(t, ..)| t == "Kim Yo").map(|(_, _, c)| c.as_str());
    assert_eq!(kim_yo, Some("Kim Yo"), "two people it may be: left as it is");
}

#[test]
fn short_forms_and_repetitions_carry_the_name() {
    let text = "R.T. Fenwick Corp. and the Lagos Times agreed. Fenwick said so, the Times wrote, and \
                Zoltar Quimby told reporters. Later Quimby left the Halden news agency; Halden confirmed it.";
    let found = recognize_with(&BUILT_IN, text);
    let want = [
        ("R.T. Fenwick Corp", Kind::Org, "R.T. Fenwick Corp"),
        ("Lagos Times", Kind::Org, "Lagos Times"),
        ("Fenwick", Kind::Org, "R.T. Fenwick Corp"),
        ("Times", Kind::Org, "Lagos Times"),
        ("Zoltar Quimby", Kind::Person, "Zoltar Quimby"),
        ("Quimby", Kind::Person, "Zoltar Quimby"),
        ("Halden", Kind::Org, "Halden"),
        ("Halden", Kind::Org, "Halden"),
    ];
    let want: Vec<(String, Kind, String)> = want.iter().map(|(t, k, c)| ((*t).into(), *k, (*c).into())).collect();
    assert_eq!(found, want);
}

#[test]
fn an_acronym_defined_in_brackets_is_its_name_throughout() {
    let text = "The Institute for Science and International Security (ISIS) and the Office of Quiet Seas (OQS) \
                disagreed. ISIS said OQS was wrong.";
    let found = recognize_with(&BUILT_IN, text);
    let isis = "Institute for Science and International Security";
    let orgs: Vec<(&str, &str)> =
        found.iter().filter(|(_, k, _)| *k == Kind::Org).map(|(t, _, c)| (t.as_str(), c.as_str())).collect();
    assert_eq!(
        orgs,
        [
            (isis, isis),
            ("ISIS", isis),
            ("Office of Quiet Seas", "Office of Quiet Seas"),
            ("OQS", "Office of Quiet Seas"),
            ("ISIS", isis),
            ("OQS", "Office of Quiet Seas")
        ]
    );
}

#[test]
fn a_body_named_after_a_region_is_one_name_and_its_acronym_links() {
    let text = "Traders told the Sahel Grain Agency (SGA) that the SGA would meet.";
    let found = recognize_with(&BUILT_IN, text);
    let agency = "Sahel Grain Agency";
    assert_eq!(
        found,
        [
            (agency.into(), Kind::Org, agency.into()),
            ("SGA".into(), Kind::Org, agency.into()),
            ("SGA".into(), Kind::Org, agency.into())
        ]
    );
}

#[test]
fn links_and_e_mail_addresses_are_no_names() {
    assert!(
        texts("See [the map](https://example.com/Japan) or www.example.org, or write to desk@example.net.").is_empty()
    );
    assert_eq!(recognize("Image by mapcorner.com."), [("mapcorner.com".into(), Kind::Org)]);
}

#[test]
fn korean_surnames_link_to_full_names() {
    let found = recognize_with(&BUILT_IN, "Kim Jong-un met Vladimir Putin. The Putin-Kim pact followed.");
    assert!(found.contains(&("Kim".into(), Kind::Person, "Kim Jong Un".into())), "{found:?}");
}

#[test]
fn a_country_word_before_a_generic_body_is_its_own_mention() {
    assert_eq!(
        recognize("South Korea's Foreign Ministry and the US Supreme Court"),
        [
            ("South Korea".into(), Kind::Gpe),
            ("Foreign Ministry".into(), Kind::Org),
            ("US".into(), Kind::Gpe),
            ("Supreme Court".into(), Kind::Org),
        ]
    );
}

#[test]
fn native_script_in_brackets() {
    let found = recognize("President Moon Jae-in (문재인) spoke.");
    assert_eq!(found, [("Moon Jae-in".into(), Kind::Person), ("문재인".into(), Kind::Person)]);
}

#[test]
fn events_and_descriptive_phrases() {
    assert_eq!(texts("During the Cold War and the cold war of words, the six-party talks stalled."), ["Cold War"]);
    assert_eq!(recognize("the G20 summit"), [("G20".into(), Kind::Org)]);
}

#[test]
fn source_line_names_an_organisation() {
    let text = "Headline\n\nHarbor Wire Updated on 2024-01-01\n\nHarbor Wire reported it first.";
    let header = crate::corpus::parse_header(text);
    let sentences = sentences(text, &paragraphs(text));
    let found = BUILT_IN.recognize_text(text, &sentences, header.source_span);
    let orgs: Vec<&str> = found.iter().filter(|m| m.kind == Kind::Org).map(|m| &text[m.span.clone()]).collect();
    assert_eq!(orgs, ["Harbor Wire", "Harbor Wire"]);
}

#[test]
fn user_entries_win_and_rejections_hold() {
    let mut gazetteer = Gazetteer::built_in().unwrap();
    gazetteer.push(Entry {
        canonical: "Karvel Reef".into(),
        kind: Kind::Loc,
        aliases: vec!["Karvel".into()],
        origin: EntryOrigin::User,
    });
    gazetteer.push(Entry { canonical: "Japan".into(), kind: Kind::Org, aliases: vec![], origin: EntryOrigin::User });
    let rejected = HashSet::from(["Seoul".to_owned()]);
    let recognizer = Recognizer::new(gazetteer, rejected).unwrap();
    let found = recognize_with(&recognizer, "Karvel lies off Japan, far from Seoul.");
    assert_eq!(
        found,
        [("Karvel".into(), Kind::Loc, "Karvel Reef".into()), ("Japan".into(), Kind::Org, "Japan".into()),]
    );
    let sentences = sentences("Karvel", &paragraphs("Karvel"));
    assert_eq!(recognizer.recognize_text("Karvel", &sentences, None)[0].source, MentionSource::User);
}

#[test]
fn companies_extend_one_word_names() {
    assert_eq!(recognize("Hyundai Rotem said orders slowed."), [("Hyundai Rotem".into(), Kind::Org)]);
}

mod never_fails {
    use proptest::prelude::*;

    use super::*;

    /// Pieces that exercise every path of the detector and matcher.
    const PIECES: &[&str] = &[
        "Kim",
        "Jong-un",
        "Putin",
        "-",
        "Mr.",
        "M.",
        "K.",
        "the",
        "The",
        "of",
        "and",
        "for",
        "in",
        "al",
        "van",
        "Bank",
        "Ministry",
        "Sea",
        "Mount",
        "Operation",
        "Korea",
        "South",
        "North",
        "West",
        "US",
        "us",
        "U.S.",
        "’s",
        "'s",
        "Seoul-based",
        "**",
        ".",
        ",",
        "\"",
        "“",
        "”",
        "(",
        ")",
        "이재명",
        "é",
        "Élysée",
        "\n",
        "\n\n",
        " ",
        "  ",
        "said",
        "Deputy Foreign Minister",
        "JAPAN",
        "japan",
        "Hyundai",
        "mapcorner.com",
        "Bill",
        "Uh",
        "I",
        "&",
        "Road",
        "newspaper",
        "tanker",
        "Secretary of State",
        "Northwest",
        "Tim",
        "\u{1b}[2J",
        "\t",
        "Co-operation",
        "2024",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        #[test]
        fn any_text_gives_ordered_non_overlapping_spans(picks in proptest::collection::vec(0..PIECES.len(), 0..60), spaces in proptest::collection::vec(any::<bool>(), 60)) {
            let mut text = String::new();
            for (i, pick) in picks.iter().enumerate() {
                text.push_str(PIECES[*pick]);
                if spaces[i] {
                    text.push(' ');
                }
            }
            let sentences = sentences(&text, &paragraphs(&text));
            let mentions = BUILT_IN.recognize_text(&text, &sentences, None);
            let mut end = 0;
            for mention in &mentions {
                prop_assert!(mention.span.start >= end, "overlap in {text:?}: {mentions:?}");
                prop_assert!(mention.span.start < mention.span.end);
                prop_assert!(text.get(mention.span.clone()).is_some(), "not on char boundaries");
                end = mention.span.end;
            }
        }
    }
}
