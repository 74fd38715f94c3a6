//! Gazetteer matching: one Aho-Corasick automaton over every name, kept to whole words and to
//! the capitalisation the name needs.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use super::case::{CaseMap, LineCase};
use super::gazetteer::{EntryOrigin, Gazetteer};
use crate::text::Span;

/// A gazetteer name found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub span: Span,
    /// Index of the entry in the gazetteer.
    pub entry: usize,
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
    forms: Vec<Form>,
    entry: usize,
    user: bool,
}

/// Finds gazetteer names in text.
#[derive(Debug, Clone)]
pub struct Matcher {
    automaton: AhoCorasick,
    names: Vec<Name>,
}

impl Matcher {
    /// Builds the automaton for every name in `gazetteer`. The user's entries win over built-in
    /// ones with the same name; otherwise the first entry that names it does.
    ///
    /// # Panics
    ///
    /// Only if the names outgrow the automaton's state space (billions of states).
    pub fn new(gazetteer: &Gazetteer) -> Self {
        let mut keys: HashMap<String, usize> = HashMap::new();
        let mut names: Vec<Name> = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        for (index, entry) in gazetteer.entries.iter().enumerate() {
            let user = entry.origin == EntryOrigin::User;
            for name in entry.names() {
                for variant in variants(name) {
                    let key = variant.to_ascii_lowercase();
                    let form = Form { acronym: is_acronym(&variant), text: variant };
                    if let Some(&at) = keys.get(&key) {
                        let known = &mut names[at];
                        if user && !known.user {
                            *known = Name { forms: vec![form], entry: index, user };
                        } else if known.entry == index && !known.forms.iter().any(|f| f.text == form.text) {
                            known.forms.push(form);
                        }
                        continue;
                    }
                    keys.insert(key.clone(), names.len());
                    names.push(Name { forms: vec![form], entry: index, user });
                    patterns.push(key);
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("gazetteer names build an automaton");
        Self { automaton, names }
    }

    /// Every gazetteer name in `text` on word boundaries and properly capitalised, overlapping
    /// ones included (choosing among them is the recogniser's job).
    pub fn find_all(&self, text: &str, cases: &CaseMap) -> Vec<Found> {
        // Line breaks and tabs inside a name are spaces; same length, so offsets hold.
        let haystack: std::borrow::Cow<'_, [u8]> = if text.bytes().any(|b| matches!(b, b'\n' | b'\r' | b'\t')) {
            text.bytes().map(|b| if matches!(b, b'\n' | b'\r' | b'\t') { b' ' } else { b }).collect::<Vec<u8>>().into()
        } else {
            text.as_bytes().into()
        };
        let mut found = Vec::new();
        for hit in self.automaton.find_overlapping_iter(&*haystack) {
            let span = hit.start()..hit.end();
            if !on_word_boundaries(text, &span) {
                continue;
            }
            let name = &self.names[hit.pattern().as_usize()];
            let matched = &text[span.clone()];
            if name.forms.iter().any(|form| capitalised_as(form, matched, cases.at(span.start))) {
                found.push(Found { span, entry: name.entry });
            }
        }
        found.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
        found
    }
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

/// Whether `span` starts and ends at word edges: no letter or digit right outside it.
/// Hyphens count as edges (`anti-China`, `Seoul-based`, `Russia-Ukraine`).
fn on_word_boundaries(text: &str, span: &Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let first = text[span.clone()].chars().next();
    let last = text[span.clone()].chars().next_back();
    let joins = |outside: Option<char>, inside: Option<char>| matches!((outside, inside), (Some(o), Some(i)) if o.is_alphanumeric() && i.is_alphanumeric());
    !joins(before, first) && !joins(after, last)
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
    if upper || case != LineCase::Normal {
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
