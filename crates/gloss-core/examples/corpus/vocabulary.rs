//! The words the generator writes with: English word lists from the lexicon, gazetteer names,
//! and names it makes up that no list knows.

use gloss_core::entities::{Gazetteer, Kind};
use rand::RngExt;
use rand::rngs::ChaCha8Rng;
use rand::seq::IndexedRandom;

const COMMON_WORDS: &str = include_str!("../../../../data/lexicon/common_words.txt");
const GIVEN_NAMES: &str = include_str!("../../../../data/lexicon/given_names.txt");
const ORG_HEADS: &str = include_str!("../../../../data/lexicon/org_heads.txt");
const LOC_HEADS: &str = include_str!("../../../../data/lexicon/loc_heads.txt");
const ROLES: &str = include_str!("../../../../data/lexicon/roles.txt");

/// Syllables for surnames, towns and firms no gazetteer holds.
const SYLLABLES: &[&str] = &[
    "var", "nek", "ol", "drus", "ka", "mir", "tel", "bren", "ost", "ul", "vik", "sand", "or", "ra", "lem", "dor",
    "ast", "quen", "bel", "tor", "mak", "sil", "gar", "ven", "hal", "rin", "zo", "pek", "ul", "esh",
];

/// Words that glue a sentence together.
pub const GLUE: &[&str] = &[
    "the", "the", "the", "a", "of", "of", "in", "in", "to", "and", "and", "for", "on", "with", "by", "from", "as",
    "at", "that", "which", "after", "before", "over", "while",
];

pub const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
pub const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
pub const SPEECH: &[&str] =
    &["said", "told reporters", "said in a statement", "wrote", "added", "warned", "stated", "noted"];
pub const TITLES: &[&str] =
    &["President", "Prime Minister", "Foreign Minister", "Defence Minister", "Gen.", "Mr.", "Ms.", "Dr.", "Sen."];

/// Everything the generator draws words from.
pub struct Vocabulary {
    pub nouns: Vec<&'static str>,
    pub verbs: Vec<&'static str>,
    pub adjectives: Vec<&'static str>,
    pub adverbs: Vec<&'static str>,
    given: Vec<&'static str>,
    org_heads: Vec<&'static str>,
    loc_heads: Vec<&'static str>,
    pub roles: Vec<&'static str>,
    /// Gazetteer names by kind: people, places (countries, cities, regions), organisations, other.
    people: Vec<String>,
    places: Vec<String>,
    organisations: Vec<String>,
    others: Vec<String>,
    pub media: Vec<String>,
}

fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The common-word list's section whose `# heading` contains `marker` (its sections are the
/// parts of speech).
fn section(marker: &str) -> Vec<&'static str> {
    let mut inside = false;
    let mut words = Vec::new();
    for line in COMMON_WORDS.lines() {
        if let Some(heading) = line.strip_prefix('#') {
            inside = heading.contains(marker);
        } else if inside && !line.trim().is_empty() && !line.contains('\'') {
            words.push(line.trim());
        }
    }
    words
}

impl Vocabulary {
    pub fn new(gazetteer: &Gazetteer) -> Self {
        let all: Vec<&str> = entries(COMMON_WORDS).filter(|w| !w.contains('\'')).collect();
        let or_all = |words: Vec<&'static str>| if words.len() < 50 { all.clone() } else { words };
        let mut vocabulary = Self {
            nouns: or_all(section("nouns, singular")),
            verbs: or_all(section("verbs: base")),
            adjectives: or_all(section("adjectives")),
            adverbs: or_all(section("adverbs")),
            given: entries(GIVEN_NAMES).filter(|n| n.is_ascii()).collect(),
            org_heads: entries(ORG_HEADS).collect(),
            loc_heads: entries(LOC_HEADS).collect(),
            roles: entries(ROLES).collect(),
            people: Vec::new(),
            places: Vec::new(),
            organisations: Vec::new(),
            others: Vec::new(),
            media: Vec::new(),
        };
        for entry in &gazetteer.entries {
            let names = entry.names().map(str::to_owned);
            match entry.kind {
                Kind::Person => vocabulary.people.extend(names),
                Kind::Gpe | Kind::Loc => vocabulary.places.extend(names),
                Kind::Org => vocabulary.organisations.extend(names),
                _ => vocabulary.others.extend(names),
            }
        }
        vocabulary.media = vocabulary.organisations.iter().filter(|n| n.len() > 4 && n.is_ascii()).cloned().collect();
        vocabulary
    }

    /// A name of the given sort: from the gazetteer three times in four, else made up.
    pub fn name(&self, rng: &mut ChaCha8Rng, sort: Sort) -> String {
        let known = rng.random_bool(0.75);
        let list = match sort {
            Sort::Person => &self.people,
            Sort::Place => &self.places,
            Sort::Organisation => &self.organisations,
            Sort::Other => &self.others,
        };
        match (known, list.choose(rng)) {
            (true, Some(name)) => name.clone(),
            _ => self.made_up(rng, sort),
        }
    }

    /// A name no list holds: `Ilse Varnektor`, `Port Brenmir`, `Ostdor Shipping Authority`.
    pub fn made_up(&self, rng: &mut ChaCha8Rng, sort: Sort) -> String {
        let word = invented_word(rng);
        match sort {
            Sort::Person => format!("{} {word}", self.given.choose(rng).unwrap_or(&"Anna")),
            Sort::Place => match self.loc_heads.choose(rng) {
                Some(head) if rng.random_bool(0.5) => format!("{word} {head}"),
                _ => format!("Port {word}"),
            },
            Sort::Organisation | Sort::Other => {
                format!("{word} {}", self.org_heads.choose(rng).unwrap_or(&"Institute"))
            }
        }
    }

    pub fn word(&self, rng: &mut ChaCha8Rng) -> &'static str {
        let list = match rng.random_range(0..10) {
            0..=3 => &self.nouns,
            4..=5 => &self.verbs,
            6..=7 => &self.adjectives,
            8 => &self.adverbs,
            _ => return GLUE.choose(rng).copied().unwrap_or("the"),
        };
        list.choose(rng).copied().unwrap_or("news")
    }
}

/// Which list a name comes from.
#[derive(Debug, Clone, Copy)]
pub enum Sort {
    Person,
    Place,
    Organisation,
    Other,
}

/// A capitalised word of two or three syllables.
pub fn invented_word(rng: &mut ChaCha8Rng) -> String {
    let count = rng.random_range(2..=3);
    let mut word = String::new();
    for _ in 0..count {
        word.push_str(SYLLABLES.choose(rng).unwrap_or(&"ka"));
    }
    capitalise(&word)
}

pub fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
