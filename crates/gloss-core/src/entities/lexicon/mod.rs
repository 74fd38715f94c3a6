//! Word lists the name detector reasons with: given names, family names, common words, titles,
//! verbs of saying and the head words of organisation, place and event names.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::Kind;

/// The built-in word lists, one entry per line, `#` comments.
const GIVEN_NAMES: &str = include_str!("../../../../../data/lexicon/given_names.txt");
const FAMILY_FIRST_SURNAMES: &str = include_str!("../../../../../data/lexicon/family_first_surnames.txt");
const COMMON_WORDS: &str = include_str!("../../../../../data/lexicon/common_words.txt");
const TITLES: &str = include_str!("../../../../../data/lexicon/titles.txt");
const SPEECH_VERBS: &str = include_str!("../../../../../data/lexicon/speech_verbs.txt");
const ORG_HEADS: &str = include_str!("../../../../../data/lexicon/org_heads.txt");
const LOC_HEADS: &str = include_str!("../../../../../data/lexicon/loc_heads.txt");
const EVENT_HEADS: &str = include_str!("../../../../../data/lexicon/event_heads.txt");
const DESCRIPTIVE_EVENT_HEADS: &str = include_str!("../../../../../data/lexicon/descriptive_event_heads.txt");
const ROLES: &str = include_str!("../../../../../data/lexicon/roles.txt");
const COMPANY_HEADS: &str = include_str!("../../../../../data/lexicon/company_heads.txt");
const GENERIC_BODIES: &str = include_str!("../../../../../data/lexicon/generic_bodies.txt");
const REGIONAL_PEOPLES: &str = include_str!("../../../../../data/lexicon/regional_peoples.txt");
const PREFIX_HEADS: &str = include_str!("../../../../../data/lexicon/prefix_heads.txt");
const GIVEN_NAMES_ALSO_WORDS: &str = include_str!("../../../../../data/lexicon/given_names_also_words.txt");
const DESCRIPTORS: &str = include_str!("../../../../../data/lexicon/descriptors.txt");
const FACILITY_HEADS: &str = include_str!("../../../../../data/lexicon/facility_heads.txt");
const NAMEPLATES: &str = include_str!("../../../../../data/lexicon/nameplates.txt");

/// Lower-case words that may sit inside a name: `Bank of Canada`, `Ludwig van Beethoven`.
pub const CONNECTORS: &[&str] = &["of", "for", "and", "the", "on", "in", "&"];
/// Particles of personal names.
pub const PARTICLES: &[&str] = &[
    "de", "du", "des", "da", "di", "del", "della", "la", "le", "van", "von", "der", "den", "ter", "al", "el", "bin",
    "ibn", "bint",
];

/// What a descriptor noun says of the name next to it (`newspaper`, `tanker`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Described {
    /// An entity of this kind: `the newspaper Al-Ahram`.
    Entity(Kind),
    /// Something the six kinds leave out (a vessel, a work): `the tanker Sea Falcon`.
    NotAnEntity,
}

/// The detector's vocabulary.
#[derive(Debug, Clone)]
pub struct Lexicon {
    given_names: HashSet<&'static str>,
    /// Given names that are also ordinary words (`Bill`): names only before a surname.
    given_names_also_words: HashSet<&'static str>,
    surnames: HashSet<&'static str>,
    common: HashSet<&'static str>,
    /// Titles before names, by their first word, longest first; as written.
    titles: Phrases,
    /// Titles by their last word, for looking back from a name.
    titles_by_last: Phrases,
    /// Verbs of saying, lower case, by their first word, longest first.
    speech: Phrases,
    /// Head words of names, with the kind of name they end.
    heads: HashMap<&'static str, Kind>,
    roles: HashSet<&'static str>,
    company_heads: HashSet<&'static str>,
    generic_bodies: HashSet<&'static str>,
    regional_peoples: HashSet<&'static str>,
    descriptive_event_heads: HashSet<&'static str>,
    facility_heads: HashSet<&'static str>,
    nameplates: HashSet<&'static str>,
    prefix_heads: HashMap<&'static str, Kind>,
    /// Nouns that say what a name next to them names; `None` for things that are no entity.
    descriptors: HashMap<&'static str, Described>,
    /// The descriptors of two words, by their words, to look up without joining them.
    descriptor_pairs: HashMap<(&'static str, &'static str), Described>,
}

fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Phrases looked up by one of their words, so a lookup compares a handful, not hundreds.
#[derive(Debug, Clone, Default)]
struct Phrases(HashMap<&'static str, Vec<&'static str>>);

impl Phrases {
    /// Indexes `phrases` by the word `key` picks; each bucket longest first.
    fn new(phrases: impl Iterator<Item = &'static str>, key: fn(&'static str) -> &'static str) -> Self {
        let mut index: HashMap<&str, Vec<&str>> = HashMap::default();
        for phrase in phrases {
            index.entry(key(phrase)).or_default().push(phrase);
        }
        for bucket in index.values_mut() {
            bucket.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        Self(index)
    }

    fn with(&self, word: &str) -> &[&'static str] {
        self.0.get(word).map_or(&[], Vec::as_slice)
    }
}

/// A list of `words`, a tab, then a value: the entries whose value `parse` reads.
fn tabbed<T>(list: &'static str, parse: fn(&str) -> Option<T>) -> HashMap<&'static str, T> {
    entries(list)
        .filter_map(|line| {
            let (words, value) = line.split_once('\t')?;
            Some((words, parse(value.trim())?))
        })
        .collect()
}

fn first_word(phrase: &str) -> &str {
    phrase.split(' ').next().unwrap_or(phrase)
}

fn last_word(phrase: &str) -> &str {
    phrase.rsplit(' ').next().unwrap_or(phrase)
}

impl Lexicon {
    pub fn built_in() -> Self {
        let descriptors: HashMap<&'static str, Described> = tabbed(DESCRIPTORS, |kind| match kind {
            "NONE" => Some(Described::NotAnEntity),
            kind => kind.parse().ok().map(Described::Entity),
        });
        let descriptor_pairs = descriptors.iter().filter_map(|(noun, d)| Some((noun.split_once(' ')?, *d))).collect();
        Self {
            given_names: entries(GIVEN_NAMES).collect(),
            given_names_also_words: entries(GIVEN_NAMES_ALSO_WORDS).collect(),
            surnames: entries(FAMILY_FIRST_SURNAMES).collect(),
            common: entries(COMMON_WORDS).collect(),
            // A lone capital and a period (`M.` for Monsieur) reads as an initial, not a title.
            titles: Phrases::new(entries(TITLES).filter(|t| !is_initial_like(t)), first_word),
            titles_by_last: Phrases::new(entries(TITLES).filter(|t| !is_initial_like(t)), last_word),
            speech: Phrases::new(entries(SPEECH_VERBS), first_word),
            // Later lists lose a word they share with an earlier one (`Congress` is an ORG).
            heads: [
                (EVENT_HEADS, Kind::Event),
                (DESCRIPTIVE_EVENT_HEADS, Kind::Event),
                (LOC_HEADS, Kind::Loc),
                (COMPANY_HEADS, Kind::Org),
                (ORG_HEADS, Kind::Org),
            ]
            .into_iter()
            .flat_map(|(list, kind)| entries(list).map(move |word| (word, kind)))
            .collect(),
            roles: entries(ROLES).collect(),
            company_heads: entries(COMPANY_HEADS).collect(),
            generic_bodies: entries(GENERIC_BODIES).collect(),
            regional_peoples: entries(REGIONAL_PEOPLES).collect(),
            descriptive_event_heads: entries(DESCRIPTIVE_EVENT_HEADS).collect(),
            facility_heads: entries(FACILITY_HEADS).collect(),
            nameplates: entries(NAMEPLATES).collect(),
            prefix_heads: tabbed(PREFIX_HEADS, |kind| kind.parse().ok()),
            descriptors,
            descriptor_pairs,
        }
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word)
    }

    /// A given name that is also an ordinary word (`Bill`, `Sandy`).
    pub fn is_given_name_also_word(&self, word: &str) -> bool {
        self.given_names_also_words.contains(word)
    }

    /// What a name described by the two words `first second` (`news agency`) is, if they say.
    pub fn descriptor_pair(&self, first: &str, second: &str) -> Option<Described> {
        self.descriptor_pairs.get(&(first, second)).copied()
    }

    /// What a name described by `noun` (one or two lower-case words) is, if the noun says.
    pub fn descriptor(&self, noun: &str) -> Option<Described> {
        self.descriptors.get(noun).copied()
    }

    /// A family name written first (`Kim`, `Wang`, `Nguyen`).
    pub fn is_family_first_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }

    /// An ordinary English word (checked in lower case).
    pub fn is_common(&self, word: &str) -> bool {
        if self.common.contains(word) {
            return true;
        }
        // Most words are short ASCII: fold them on the stack.
        let mut buffer = [0u8; 32];
        if word.is_ascii() && word.len() <= buffer.len() {
            let folded = &mut buffer[..word.len()];
            folded.copy_from_slice(word.as_bytes());
            folded.make_ascii_lowercase();
            return std::str::from_utf8(folded).is_ok_and(|w| self.common.contains(w));
        }
        self.common.contains(word.to_lowercase().as_str())
    }

    /// The longest title that `text` starts with, if it ends at a word edge.
    pub fn title_at<'t>(&self, text: &'t str) -> Option<&'t str> {
        let title = self.titles.with(first_word(leading_word(text))).iter().find(|title| starts_word(text, title))?;
        Some(&text[..title.len()])
    }

    /// The longest title that `text` ends with, starting at a word edge.
    pub fn title_before<'t>(&self, text: &'t str) -> Option<&'t str> {
        let last = text.rsplit(|c: char| c.is_whitespace()).next().unwrap_or(text);
        let title = self.titles_by_last.with(last).iter().find(|title| {
            text.ends_with(*title)
                && !text[..text.len() - title.len()].chars().next_back().is_some_and(char::is_alphanumeric)
        })?;
        Some(&text[text.len() - title.len()..])
    }

    /// Whether a name ending in `word` is a company's (`Airlines`, `Industries`): it does not run
    /// on through `of`.
    pub fn is_company_head(&self, word: &str) -> bool {
        self.company_heads.contains(word)
    }

    /// Whether `word` ends the name of a generic public body (`Ministry`, `Court`, `Senate`),
    /// which a country word before it is not part of.
    pub fn is_generic_body(&self, word: &str) -> bool {
        self.generic_bodies.contains(word)
    }

    /// Whether `name` is a region's people, not a state's (`Arab`, `Nordic`): a generic body
    /// after it is named by it.
    pub fn is_regional_people(&self, name: &str) -> bool {
        self.regional_peoples.contains(name)
    }

    /// Whether `word` ends an event's name only after a distinctive word (`Brenner Crisis`, not
    /// `Ukraine Crisis`).
    pub fn is_descriptive_event_head(&self, word: &str) -> bool {
        self.descriptive_event_heads.contains(word)
    }

    /// Whether `word` ends the name of a facility (`Towers`, `Road`), which is no entity.
    pub fn is_facility_head(&self, word: &str) -> bool {
        self.facility_heads.contains(word)
    }

    /// Whether `word` ends a newspaper's name and stands for it alone (`Times`).
    pub fn is_nameplate(&self, word: &str) -> bool {
        self.nameplates.contains(word)
    }

    /// The kind of name that `word` starts (`Mount` → LOC, `Operation` → EVENT).
    pub fn prefix_kind(&self, word: &str) -> Option<Kind> {
        self.prefix_heads.get(word).copied()
    }

    /// Whether `text` describes a person after a comma: a role, maybe after an article and one
    /// adjective (`a professor at`, `the former ambassador`, `vice minister of`) or a title.
    pub fn starts_with_role(&self, text: &str) -> bool {
        if self.title_at(text).is_some() {
            return true;
        }
        let mut words = text.split_whitespace().map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric())).peekable();
        if words.peek().is_some_and(|w| matches!(*w, "a" | "an" | "the")) {
            words.next();
        }
        words.take(2).any(|w| self.roles.contains(w))
    }

    /// Whether `text` starts with a verb of saying (`said`, `told reporters`).
    pub fn starts_with_speech(&self, text: &str) -> bool {
        self.speech.with(leading_word(text)).iter().any(|verb| starts_word(text, verb))
    }

    /// The kind a name ending in `word` has: `Ministry` → ORG, `Strait` → LOC, `Summit` → EVENT.
    pub fn head_kind(&self, word: &str) -> Option<Kind> {
        self.heads.get(word).copied()
    }
}

fn is_initial_like(title: &str) -> bool {
    let mut chars = title.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// The first word of `text`, up to a space or punctuation other than `.` and `-`.
fn leading_word(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-' || c == '\'' || c == '’'))
        .unwrap_or(text.len());
    &text[..end]
}

/// Whether `text` starts with `prefix` followed by something that is not a letter or digit.
fn starts_word(text: &str, prefix: &str) -> bool {
    text.starts_with(prefix) && !text[prefix.len()..].chars().next().is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests;
