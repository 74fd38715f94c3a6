//! The built-in word lists load and answer as the detector expects.

use super::*;

#[test]
fn lists_load_and_answer() {
    let lexicon = Lexicon::built_in();
    assert!(lexicon.is_given_name("Nikolay"));
    assert!(lexicon.is_family_first_surname("Kim"));
    assert!(lexicon.is_common("However") && lexicon.is_common("analysts"));
    assert!(!lexicon.is_common("Trudeau"));
    assert_eq!(lexicon.title_at("Deputy Foreign Minister Sorokin"), Some("Deputy Foreign Minister"));
    assert_eq!(lexicon.title_at("Presidential palace"), None);
    assert_eq!(lexicon.title_before("the chief cabinet secretary"), Some("chief cabinet secretary"));
    assert!(lexicon.starts_with_speech("stated:"));
    assert!(lexicon.starts_with_role("a senior analyst at the institute"));
    assert!(lexicon.starts_with_role("vice minister of the DPRK"));
    assert!(!lexicon.starts_with_role("a country of the region"));
    assert_eq!(lexicon.title_at("T. K. Varma"), None);
    assert!(lexicon.starts_with_speech("told reporters"));
    assert!(!lexicon.starts_with_speech("saidx"));
    assert_eq!(lexicon.head_kind("Ministry"), Some(Kind::Org));
    assert_eq!(lexicon.head_kind("Peninsula"), Some(Kind::Loc));
    assert_eq!(lexicon.head_kind("Summit"), Some(Kind::Event));
    assert_eq!(lexicon.head_kind("Posts"), None);
    assert_eq!(lexicon.head_kind("Airlines"), Some(Kind::Org));
    assert!(lexicon.is_company_head("Industries") && !lexicon.is_company_head("Bank"));
    assert!(lexicon.is_generic_body("Court") && !lexicon.is_generic_body("Institute"));
    assert_eq!(lexicon.prefix_kind("Mount"), Some(Kind::Loc));
    assert_eq!(lexicon.prefix_kind("Operation"), Some(Kind::Event));
    assert!(lexicon.is_given_name_also_word("Bill") && !lexicon.is_given_name("Bill"));
    assert_eq!(lexicon.descriptor("news agency"), Some(Described::Entity(Kind::Org)));
    assert_eq!(lexicon.descriptor("tanker"), Some(Described::NotAnEntity));
    assert_eq!(lexicon.descriptor("minister"), None);
    assert!(lexicon.is_facility_head("Towers") && !lexicon.is_facility_head("Tower Hamlets"));
    assert!(lexicon.is_nameplate("Times") && !lexicon.is_nameplate("Minutes"));
}

#[test]
fn lists_have_no_stray_entries() {
    for list in [
        GIVEN_NAMES,
        FAMILY_FIRST_SURNAMES,
        COMMON_WORDS,
        TITLES,
        SPEECH_VERBS,
        ORG_HEADS,
        LOC_HEADS,
        EVENT_HEADS,
        ROLES,
        GIVEN_NAMES_ALSO_WORDS,
        FACILITY_HEADS,
        NAMEPLATES,
    ] {
        for entry in entries(list) {
            assert!(!entry.contains('\t'), "{entry:?}");
        }
    }
}

#[test]
fn every_line_of_the_tabbed_lists_is_read() {
    let lexicon = Lexicon::built_in();
    assert_eq!(lexicon.prefix_heads.len(), entries(PREFIX_HEADS).count());
    assert_eq!(lexicon.descriptors.len(), entries(DESCRIPTORS).count());
}
