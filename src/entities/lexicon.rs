//! Word lists the name detector reasons with: given names, family names, common words, titles,
//! verbs of saying and the head words of organisation, place and event names.

use std::collections::HashSet;

use super::Kind;

/// The built-in word lists, one entry per line, `#` comments.
const GIVEN_NAMES: &str = include_str!("../../data/lexicon/given_names.txt");
const FAMILY_FIRST_SURNAMES: &str = include_str!("../../data/lexicon/family_first_surnames.txt");
const COMMON_WORDS: &str = include_str!("../../data/lexicon/common_words.txt");
const TITLES: &str = include_str!("../../data/lexicon/titles.txt");
const SPEECH_VERBS: &str = include_str!("../../data/lexicon/speech_verbs.txt");
const ORG_HEADS: &str = include_str!("../../data/lexicon/org_heads.txt");
const LOC_HEADS: &str = include_str!("../../data/lexicon/loc_heads.txt");
const EVENT_HEADS: &str = include_str!("../../data/lexicon/event_heads.txt");
const ROLES: &str = include_str!("../../data/lexicon/roles.txt");

/// Lower-case words that may sit inside a name: `Bank of Korea`, `Ludwig van Beethoven`.
pub const CONNECTORS: &[&str] = &["of", "for", "and", "the", "on", "in", "&"];
/// Particles of personal names.
pub const PARTICLES: &[&str] = &[
    "de", "du", "des", "da", "di", "del", "della", "la", "le", "van", "von", "der", "den", "ter", "al", "el", "bin",
    "ibn", "bint",
];

/// The detector's vocabulary.
#[derive(Debug, Clone)]
pub struct Lexicon {
    given_names: HashSet<&'static str>,
    surnames: HashSet<&'static str>,
    common: HashSet<&'static str>,
    /// Titles before names, longest first; capitalised and lower-case forms as written.
    titles: Vec<&'static str>,
    /// Verbs of saying, lower case, longest first.
    speech: Vec<&'static str>,
    org_heads: HashSet<&'static str>,
    loc_heads: HashSet<&'static str>,
    event_heads: HashSet<&'static str>,
    roles: HashSet<&'static str>,
}

fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn longest_first(list: &'static str) -> Vec<&'static str> {
    let mut items: Vec<&str> = entries(list).collect();
    items.sort_by_key(|item| std::cmp::Reverse(item.len()));
    items
}

impl Lexicon {
    pub fn built_in() -> Self {
        Self {
            given_names: entries(GIVEN_NAMES).collect(),
            surnames: entries(FAMILY_FIRST_SURNAMES).collect(),
            common: entries(COMMON_WORDS).collect(),
            // A lone capital and a period (`M.` for Monsieur) reads as an initial, not a title.
            titles: longest_first(TITLES).into_iter().filter(|t| !is_initial_like(t)).collect(),
            speech: longest_first(SPEECH_VERBS),
            org_heads: entries(ORG_HEADS).collect(),
            loc_heads: entries(LOC_HEADS).collect(),
            event_heads: entries(EVENT_HEADS).collect(),
            roles: entries(ROLES).collect(),
        }
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word)
    }

    /// A family name written first (`Kim`, `Wang`, `Nguyen`).
    pub fn is_family_first_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }

    /// An ordinary English word (checked in lower case).
    pub fn is_common(&self, word: &str) -> bool {
        self.common.contains(word) || self.common.contains(word.to_lowercase().as_str())
    }

    /// The longest title that `text` starts with, if it ends at a word edge.
    pub fn title_at<'t>(&self, text: &'t str) -> Option<&'t str> {
        let title = self.titles.iter().find(|title| starts_word(text, title))?;
        Some(&text[..title.len()])
    }

    /// The longest title that `text` ends with, starting at a word edge.
    pub fn title_before<'t>(&self, text: &'t str) -> Option<&'t str> {
        let title = self.titles.iter().find(|title| {
            text.ends_with(*title)
                && !text[..text.len() - title.len()].chars().next_back().is_some_and(char::is_alphanumeric)
        })?;
        Some(&text[text.len() - title.len()..])
    }

    /// Whether `text` describes a person after a comma: a role, maybe after an article and one
    /// adjective (`a professor at`, `the former ambassador`, `vice minister of`) or a title.
    pub fn starts_with_role(&self, text: &str) -> bool {
        if self.title_at(text).is_some() {
            return true;
        }
        let words: Vec<&str> =
            text.split_whitespace().take(3).map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric())).collect();
        let skip = usize::from(words.first().is_some_and(|w| matches!(*w, "a" | "an" | "the")));
        words.iter().skip(skip).take(2).any(|w| self.roles.contains(w))
    }

    /// Whether `text` starts with a verb of saying (`said`, `told reporters`).
    pub fn starts_with_speech(&self, text: &str) -> bool {
        self.speech.iter().any(|verb| starts_word(text, verb))
    }

    /// The kind a name ending in `word` has: `Ministry` → ORG, `Strait` → LOC, `Summit` → EVENT.
    pub fn head_kind(&self, word: &str) -> Option<Kind> {
        if self.org_heads.contains(word) {
            Some(Kind::Org)
        } else if self.loc_heads.contains(word) {
            Some(Kind::Loc)
        } else if self.event_heads.contains(word) {
            Some(Kind::Event)
        } else {
            None
        }
    }
}

fn is_initial_like(title: &str) -> bool {
    let mut chars = title.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// Whether `text` starts with `prefix` followed by something that is not a letter or digit.
fn starts_word(text: &str, prefix: &str) -> bool {
    text.starts_with(prefix) && !text[prefix.len()..].chars().next().is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_answer() {
        let lexicon = Lexicon::built_in();
        assert!(lexicon.is_given_name("Nikolay"));
        assert!(lexicon.is_family_first_surname("Kim"));
        assert!(lexicon.is_common("However") && lexicon.is_common("analysts"));
        assert!(!lexicon.is_common("Kishida"));
        assert_eq!(lexicon.title_at("Deputy Foreign Minister Rudenko"), Some("Deputy Foreign Minister"));
        assert_eq!(lexicon.title_at("Presidential palace"), None);
        assert_eq!(lexicon.title_before("the chief cabinet secretary"), Some("chief cabinet secretary"));
        assert!(lexicon.starts_with_speech("stated:"));
        assert!(lexicon.starts_with_role("a senior analyst at the institute"));
        assert!(lexicon.starts_with_role("vice minister of the DPRK"));
        assert!(!lexicon.starts_with_role("a country of the region"));
        assert_eq!(lexicon.title_at("M. K. Raghavan"), None);
        assert!(lexicon.starts_with_speech("told reporters"));
        assert!(!lexicon.starts_with_speech("saidx"));
        assert_eq!(lexicon.head_kind("Ministry"), Some(Kind::Org));
        assert_eq!(lexicon.head_kind("Peninsula"), Some(Kind::Loc));
        assert_eq!(lexicon.head_kind("Summit"), Some(Kind::Event));
        assert_eq!(lexicon.head_kind("Posts"), None);
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
        ] {
            for entry in entries(list) {
                assert!(!entry.contains('\t'), "{entry:?}");
            }
        }
    }
}
