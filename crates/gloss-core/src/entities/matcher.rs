//! Gazetteer matching: one Aho-Corasick automaton over every name, kept to whole words and to
//! the capitalisation the name needs.

use rustc_hash::FxHashMap;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

use super::case::{CaseMap, LineCase};
use super::gazetteer::{EntryOrigin, Gazetteer};
use crate::text::Span;

/// A gazetteer name found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub span: Span,
    /// Index of the entry in the gazetteer.
    pub entry: usize,
    /// Found in lower case on a lower-case line, where the gazetteer writes it with capitals
    /// (`who` for `WHO`, `let` for `LeT`): as likely an ordinary word.
    pub caseless: bool,
}

/// One spelling of a name as the gazetteer writes it.
#[derive(Debug, Clone)]
struct Form {
    text: String,
    /// All capitals (`US`, `DPRK`, `U.S.`): the text must be in capitals too.
    acronym: bool,
}

/// Everything that shares one case-folded key.
#[derive(Debug, Clone)]
struct Name {
    key: String,
    forms: Vec<Form>,
    entry: usize,
    user: bool,
}

/// Finds gazetteer names in text.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// One automaton over every name, case-folded; pattern `i` is `names[i]`. Searched anchored
    /// at the word starts where a name can begin.
    automaton: AhoCorasick,
    names: Vec<Name>,
    /// The first two bytes (folded) of the few names that start in lower case (`al-Shabaab`,
    /// `dpa`), as a bit set: only words starting so, or with a capital or digit, start a name.
    lower_starts: Box<[u64; 1024]>,
}

impl Matcher {
    /// Builds the automaton for every name in `gazetteer`. The user's entries win over built-in
    /// ones with the same name; otherwise the first entry that names it does.
    ///
    /// # Panics
    ///
    /// Only if the names outgrow the automaton's state space (billions of states).
    pub fn new(gazetteer: &Gazetteer) -> Self {
        let mut keys: FxHashMap<String, usize> = FxHashMap::default();
        let mut names: Vec<Name> = Vec::new();
        for (index, entry) in gazetteer.entries.iter().enumerate() {
            let user = entry.origin == EntryOrigin::User;
            for name in entry.names() {
                for variant in variants(name) {
                    let form = Form { acronym: is_acronym(&variant), text: variant };
                    let key = form.text.to_ascii_lowercase();
                    if let Some(&at) = keys.get(&key) {
                        let known = &mut names[at];
                        if user && !known.user {
                            *known = Name { key, forms: vec![form], entry: index, user };
                        } else if known.entry == index && !known.forms.iter().any(|f| f.text == form.text) {
                            known.forms.push(form);
                        }
                        continue;
                    }
                    keys.insert(key.clone(), names.len());
                    names.push(Name { key, forms: vec![form], entry: index, user });
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(names.iter().map(|n| &n.key))
            .expect("gazetteer names build an automaton");
        let mut lower_starts = Box::new([0u64; 1024]);
        let lower_forms = names.iter().flat_map(|n| &n.forms).filter(|f| f.text.starts_with(char::is_lowercase));
        for two in lower_forms.filter_map(|f| first_two(f.text.as_bytes())) {
            let bit = usize::from(u16::from_be_bytes(two));
            lower_starts[bit / 64] |= 1 << (bit % 64);
        }
        Self { automaton, names, lower_starts }
    }

    /// Every gazetteer name in `text` on word boundaries and properly capitalised: the longest
    /// from each word start, so names may overlap (`South Korea`, `Korea`); choosing among
    /// them is the recogniser's job.
    pub fn find_all(&self, text: &str, cases: &CaseMap) -> Vec<Found> {
        self.find_at(text, cases, word_starts(text))
    }

    /// As [`Matcher::find_all`], trying only the given word starts (ascending byte offsets).
    pub fn find_at(&self, text: &str, cases: &CaseMap, starts: impl IntoIterator<Item = usize>) -> Vec<Found> {
        // Line breaks and tabs inside a name are spaces; same length, so offsets hold.
        let mut haystack = text.as_bytes().to_vec();
        for byte in &mut haystack {
            if matches!(*byte, b'\n' | b'\r' | b'\t') {
                *byte = b' ';
            }
        }
        let mut found = Vec::new();
        self.scan(text, &haystack, cases, starts, &mut found);
        found.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
        found
    }
}

impl Matcher {
    /// The entry that has `name` (ignoring ASCII case) as its name or one of its aliases.
    pub fn entry_named(&self, name: &str) -> Option<usize> {
        let hit = self.automaton.find(Input::new(name).anchored(Anchored::Yes))?;
        (hit.end() == name.len()).then(|| self.names[hit.pattern().as_usize()].entry)
    }

    /// Finds, at every word start, the longest name that ends on a word edge and is capitalised
    /// as it should be; a shorter name from the same start when the longest one is not
    /// (`Korea Strait` in `Korea Straits` gives way to `Korea`).
    fn scan(
        &self,
        text: &str,
        haystack: &[u8],
        cases: &CaseMap,
        starts: impl IntoIterator<Item = usize>,
        found: &mut Vec<Found>,
    ) {
        for start in starts {
            let first = text[start..].chars().next().unwrap_or(' ');
            let lower_start = || {
                first_two(&haystack[start..]).is_some_and(|two| {
                    let bit = usize::from(u16::from_be_bytes(two));
                    self.lower_starts[bit / 64] & (1 << (bit % 64)) != 0
                })
            };
            let may_start =
                first.is_uppercase() || first.is_numeric() || lower_start() || cases.at(start) == LineCase::Lowercase;
            if !may_start {
                continue;
            }
            let mut end = haystack.len();
            while let Some(hit) = self.automaton.find(Input::new(haystack).span(start..end).anchored(Anchored::Yes)) {
                let span = hit.start()..hit.end();
                let name = &self.names[hit.pattern().as_usize()];
                let matched = &text[span.clone()];
                let case = cases.at(start);
                if ends_word(text, &span) && name.forms.iter().any(|f| capitalised_as(f, matched, case)) {
                    let lower = |t: &str| !t.chars().any(char::is_uppercase);
                    let caseless = lower(matched) && !name.forms.iter().any(|f| lower(&f.text));
                    found.push(Found { span, entry: name.entry, caseless });
                    break;
                }
                // `Korea Strait` in `Korea Straits`: look for a shorter name from here.
                end = span.end - 1;
            }
        }
    }
}

/// The first two bytes of `bytes`, ASCII-folded.
fn first_two(bytes: &[u8]) -> Option<[u8; 2]> {
    match bytes {
        [a, b, ..] => Some([a.to_ascii_lowercase(), b.to_ascii_lowercase()]),
        _ => None,
    }
}

/// Byte offsets where words start: a letter or digit with none right before it.
fn word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut previous_alphanumeric = false;
    text.char_indices().filter_map(move |(at, c)| {
        let alphanumeric = c.is_alphanumeric();
        let starts = alphanumeric && !previous_alphanumeric;
        previous_alphanumeric = alphanumeric;
        starts.then_some(at)
    })
}

/// Whether `span` ends on a word edge (no letter or digit on both sides of its end).
fn ends_word(text: &str, span: &Span) -> bool {
    let last = text[span.clone()].chars().next_back();
    let after = text[span.end..].chars().next();
    !(last.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric))
}

/// The spellings to look for: as written, with a typographic apostrophe, and in capitals when
/// the name has letters beyond ASCII (which the automaton does not fold).
fn variants(name: &str) -> Vec<String> {
    let mut out = vec![name.to_owned()];
    if name.contains('\'') {
        out.push(name.replace('\'', "’"));
    }
    if !name.is_ascii() {
        let upper = name.to_uppercase();
        if upper != name {
            out.push(upper);
        }
    }
    out
}

fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 6 && letters.iter().all(|c| c.is_uppercase()) && !name.contains(' ')
}

/// Whether `matched` is capitalised well enough to be `form`: in ordinary prose every letter
/// the gazetteer capitalises must be a capital (so `cold war` is not `Cold War`, `Let` is not
/// `LeT`), and an acronym must be in capitals (so `us` is not `US`). All-capitals and
/// all-lower-case lines prove nothing either way, except that a two-letter acronym stays
/// ambiguous in lower case.
fn capitalised_as(form: &Form, matched: &str, case: LineCase) -> bool {
    if form.text == matched {
        return true;
    }
    let upper = matched.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    if form.acronym {
        let letters = form.text.chars().filter(|c| c.is_alphabetic()).count();
        return upper || (case == LineCase::Lowercase && letters >= 3);
    }
    if upper || case.is_uniform() {
        return true;
    }
    // Same length in characters: the automaton matched them letter for letter.
    form.text.chars().zip(matched.chars()).all(|(f, m)| !f.is_uppercase() || m.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Kind;
    use crate::entities::gazetteer::Entry;

    fn gazetteer(entries: &[(&str, Kind, &[&str])]) -> Gazetteer {
        Gazetteer {
            entries: entries
                .iter()
                .map(|(name, kind, aliases)| Entry {
                    canonical: (*name).into(),
                    kind: *kind,
                    aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
                    origin: EntryOrigin::BuiltIn,
                })
                .collect(),
        }
    }

    fn found(matcher: &Matcher, text: &str) -> Vec<String> {
        matcher.find_all(text, &CaseMap::new(text)).into_iter().map(|f| text[f.span].to_owned()).collect()
    }

    fn sample() -> Matcher {
        Matcher::new(&gazetteer(&[
            ("Japan", Kind::Gpe, &[]),
            ("Japanese", Kind::Norp, &[]),
            ("United States", Kind::Gpe, &["US", "U.S.", "America"]),
            ("North Korea", Kind::Gpe, &["N. Korea", "DPRK"]),
            ("Cold War", Kind::Event, &[]),
            ("Russo-Japanese War", Kind::Event, &["Russo-Japanese war"]),
            ("Russia", Kind::Gpe, &[]),
            ("Ukraine", Kind::Gpe, &[]),
            ("China", Kind::Gpe, &[]),
            ("Seoul", Kind::Gpe, &[]),
            ("Côte d'Ivoire", Kind::Gpe, &[]),
        ]))
    }

    #[test]
    fn whole_words_only() {
        let m = sample();
        assert_eq!(found(&m, "Japanese officials in Japan"), ["Japanese", "Japan"]);
        assert_eq!(found(&m, "Japan's and Japan’s"), ["Japan", "Japan"]);
        assert_eq!(found(&m, "the anti-China bloc and Seoul-based firms"), ["China", "Seoul"]);
        assert_eq!(found(&m, "the Russia-Ukraine conflict"), ["Russia", "Ukraine"]);
        assert_eq!(found(&m, "Russian and Ukrainians"), Vec::<String>::new());
    }

    #[test]
    fn capitalisation_is_respected() {
        let m = sample();
        assert_eq!(found(&m, "let us go to the US"), ["US"]);
        assert_eq!(found(&m, "a cold war, the Cold War"), ["Cold War"]);
        assert_eq!(found(&m, "the Russo-Japanese war"), ["Russo-Japanese war", "Japanese"]);
        assert_eq!(found(&m, "japan, china"), ["japan", "china"], "a lower-case line");
        assert_eq!(found(&m, "a japan lacquer from China"), ["China"]);
    }

    #[test]
    fn headings_in_capitals_and_lower_case() {
        let m = sample();
        assert_eq!(found(&m, "US AND JAPAN WARN DPRK"), ["US", "JAPAN", "DPRK"]);
        assert_eq!(found(&m, "n. korea and the dprk fire missiles, says us"), ["n. korea", "dprk"]);
    }

    #[test]
    fn dotted_forms_and_line_breaks() {
        let m = sample();
        assert_eq!(found(&m, "U.S. officials"), ["U.S.", "US"].map(String::from)[..1]);
        assert_eq!(found(&m, "North\nKorea"), ["North\nKorea"]);
    }

    #[test]
    fn apostrophes_and_accents() {
        let m = sample();
        assert_eq!(found(&m, "Côte d’Ivoire and CÔTE D'IVOIRE"), ["Côte d’Ivoire", "CÔTE D'IVOIRE"]);
    }
}
