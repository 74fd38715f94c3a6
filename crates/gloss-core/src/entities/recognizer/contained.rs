//! Which of many phrases of several words a text contains, by their first word: for the corpus's
//! names, hundreds of thousands, where an automaton over them all took longer to build than
//! to search every article with.

use rustc_hash::FxHashMap;

/// Phrases grouped by their first word, to find the ones a text contains.
#[derive(Debug)]
pub struct Phrases<'p> {
    by_first_word: FxHashMap<&'p str, Group<'p>>,
    /// The first two bytes of each phrase, as a set: most positions of a text start none.
    openings: Box<[u64; 1024]>,
    /// The length in bytes of the longest first word: a longer run of the text starts none.
    longest_first_word: usize,
}

impl<'p> Phrases<'p> {
    /// Indexes `phrases`. Each must hold a space, hyphen or other white space (a name of
    /// several words does); one that holds none is found only where a first word is the whole
    /// phrase, that is where it is followed by a separator.
    pub fn new(phrases: impl IntoIterator<Item = &'p str>) -> Self {
        let mut index =
            Self { by_first_word: FxHashMap::default(), openings: Box::new([0; 1024]), longest_first_word: 0 };
        for phrase in phrases {
            let word = phrase.find(is_separator).map_or(phrase, |end| &phrase[..end]);
            index.longest_first_word = index.longest_first_word.max(word.len());
            match *phrase.as_bytes() {
                [first, second, ..] => index.open(first, second),
                // One byte: whatever follows it.
                [first] => (0..=u8::MAX).for_each(|second| index.open(first, second)),
                [] => {}
            }
            index.by_first_word.entry(word).or_default().phrases.push(phrase);
        }
        for (word, group) in &mut index.by_first_word {
            group.link(word.len());
        }
        index
    }

    fn open(&mut self, first: u8, second: u8) {
        let pair = usize::from(u16::from_be_bytes([first, second]));
        self.openings[pair / 64] |= 1 << (pair % 64);
    }

    fn opens(&self, first: u8, second: u8) -> bool {
        let pair = usize::from(u16::from_be_bytes([first, second]));
        self.openings[pair / 64] & (1 << (pair % 64)) != 0
    }

    /// Every occurrence of the phrases in `text`, where `text.contains(phrase)` would find
    /// one, as its byte offset and the phrase, in text order.
    pub fn occurrences(&self, text: &str) -> Vec<(usize, &'p str)> {
        let mut found = Vec::new();
        if self.by_first_word.is_empty() {
            return found;
        }
        // A phrase that the text at some position starts with has the same first word as the
        // text there: both end at the first separator, and the phrase holds one.
        let mut separator = text.find(is_separator);
        let bytes = text.as_bytes();
        for (at, pair) in bytes.windows(2).enumerate() {
            if !self.opens(pair[0], pair[1]) || !text.is_char_boundary(at) {
                continue;
            }
            // The first separator from here: found again only once passed, so the text is
            // scanned about once.
            if separator.is_some_and(|end| end < at) {
                separator = text[at..].find(is_separator).map(|end| at + end);
            }
            let Some(end) = separator else { break };
            if end - at > self.longest_first_word {
                continue;
            }
            if let Some(group) = self.by_first_word.get(&text[at..end]) {
                group.prefixes_of(&bytes[at..], |phrase| found.push((at, phrase)));
            }
        }
        found
    }
}

/// What ends a word for [`Phrases`]: a space, a hyphen or other white space.
fn is_separator(c: char) -> bool {
    c == '-' || c.is_whitespace()
}

/// Phrases with the same first word, sorted, each linked to the longest other that it starts
/// with, so that the ones a text starts with take one binary search: hundreds of names can
/// share a first word (`Port`).
#[derive(Debug, Default)]
struct Group<'p> {
    phrases: Vec<&'p str>,
    /// For each phrase, the eight bytes after the first word, as [`window`] reads them: in
    /// the phrases' order, so that a search compares numbers in one array, not strings
    /// scattered over the heap (one cache miss each).
    windows: Vec<u64>,
    /// For each phrase, the index of the longest other phrase it starts with.
    within: Vec<Option<usize>>,
    /// The length in bytes of the first word.
    word: usize,
}

impl<'p> Group<'p> {
    fn link(&mut self, word: usize) {
        self.word = word;
        self.phrases.sort_unstable();
        self.phrases.dedup();
        self.windows = self.phrases.iter().map(|p| window(p.as_bytes(), word)).collect();
        // In sorted order a phrase comes after those it starts with, and the chain of them is
        // a stack: what the next phrase does not start with, no later phrase starts with.
        let mut chain: Vec<usize> = Vec::new();
        self.within = Vec::with_capacity(self.phrases.len());
        for (at, phrase) in self.phrases.iter().enumerate() {
            while chain.last().is_some_and(|&outer| !phrase.starts_with(self.phrases[outer])) {
                chain.pop();
            }
            self.within.push(chain.last().copied());
            chain.push(at);
        }
    }

    /// Hands each phrase that `text` starts with to `found`.
    fn prefixes_of(&self, text: &[u8], mut found: impl FnMut(&'p str)) {
        // The greatest phrase not after `text`; any phrase `text` starts with is either it or
        // one it starts with, no longer than the part it shares with `text`.
        // A phrase whose window is less than the text's is before it, greater after it; only
        // those with the same window need their bytes compared.
        let key = window(text, self.word);
        let less = self.windows.partition_point(|&w| w < key);
        let same = self.windows[less..].partition_point(|&w| w == key);
        let before = less + self.phrases[less..less + same].partition_point(|p| p.as_bytes() <= text);
        let Some(greatest) = before.checked_sub(1) else { return };
        // How much of the text it shares, from the windows where they differ: its bytes are
        // elsewhere on the heap, and most phrases reached here are no prefix.
        let alike = usize::try_from((self.windows[greatest] ^ key).leading_zeros() / 8).unwrap_or(8);
        let shared = if alike < 8 {
            (self.word + alike).min(text.len())
        } else {
            self.phrases[greatest].bytes().zip(text).take_while(|(a, b)| a == *b).count()
        };
        let mut next = Some(greatest);
        while let Some(at) = next {
            let phrase = self.phrases[at];
            if phrase.len() <= shared {
                found(phrase);
            }
            next = self.within[at];
        }
    }
}

/// The eight bytes of `bytes` after the first `skip`, as a big-endian number, zeros past the
/// end: ordered as the byte strings are, but for ties.
fn window(bytes: &[u8], skip: usize) -> u64 {
    let rest = bytes.get(skip..).unwrap_or(&[]);
    let mut eight = [0; 8];
    let length = rest.len().min(8);
    eight[..length].copy_from_slice(&rest[..length]);
    u64::from_be_bytes(eight)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn contained<'p>(phrases: &[&'p str], text: &str) -> Vec<&'p str> {
        let found = Phrases::new(phrases.iter().copied()).occurrences(text);
        let mut found: Vec<&str> = found.into_iter().map(|(_, phrase)| phrase).collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    #[test]
    fn each_occurrence_is_found_where_it_is() {
        let phrases = Phrases::new(["Port Aster", "Port Aster Vale", "Aster Vale"]);
        let found = phrases.occurrences("Port Aster Vale and Port Aster.");
        assert_eq!(found.len(), 4);
        for (at, phrase) in [(0, "Port Aster"), (0, "Port Aster Vale"), (5, "Aster Vale"), (20, "Port Aster")] {
            assert!(found.contains(&(at, phrase)), "{at} {phrase}: {found:?}");
        }
    }

    #[test]
    fn finds_phrases_anywhere_as_contains_does() {
        let phrases = ["Morning Light", "Morning Light Radio", "Port Aster", "Port Aster-Vale", "Ras al-Khor"];
        let text = "Morning Lighthouse met Port Aster-Vale officials near Ras al-Khor.";
        assert_eq!(contained(&phrases, text), ["Morning Light", "Port Aster", "Port Aster-Vale", "Ras al-Khor"]);
    }

    #[test]
    fn phrases_alike_in_their_first_bytes_are_told_apart() {
        // The same eight bytes after `Port`: the search falls back on the whole phrases.
        let phrases =
            ["Port Aster Vale", "Port Aster Valerie", "Port Aster Vale North", "Port Aster Vald", "Port Aster"];
        let text = "Port Aster Vale Northern";
        assert_eq!(contained(&phrases, text), ["Port Aster", "Port Aster Vale", "Port Aster Vale North"]);
        assert!(contained(&phrases, "Port Aster Val").contains(&"Port Aster"));
        assert_eq!(contained(&phrases, "Port Aster Vald."), ["Port Aster", "Port Aster Vald"]);
    }

    #[test]
    fn a_phrase_overlapping_another_is_found_too() {
        // An automaton's leftmost-longest matches would give `Alpha Beta` alone.
        assert_eq!(contained(&["Alpha Beta", "Beta Gamma"], "Alpha Beta Gamma"), ["Alpha Beta", "Beta Gamma"]);
    }

    #[test]
    fn other_white_space_separates_words_too() {
        assert_eq!(
            contained(&["Sea\u{a0}Road", "Sea\nWall"], "on Sea\u{a0}Road and Sea\nWall"),
            ["Sea\nWall", "Sea\u{a0}Road"]
        );
    }

    #[test]
    fn no_phrases_find_nothing() {
        assert!(contained(&[], "Morning Light").is_empty());
    }

    proptest! {
        #[test]
        fn agrees_with_contains(
            phrases in proptest::collection::vec("[AaBé][a-c é\u{a0}-]{0,14}", 0..12),
            text in "[AaBé][a-c é\u{a0}-]{0,60}",
        ) {
            let several: Vec<&str> = phrases.iter().map(String::as_str).filter(|p| p.contains(['-', ' ', '\u{a0}'])).collect();
            let mut expected: Vec<&str> = several.iter().copied().filter(|p| text.contains(p)).collect();
            expected.sort_unstable();
            expected.dedup();
            prop_assert_eq!(contained(&several, &text), expected);
        }

        #[test]
        fn finds_each_place_the_text_starts_with_a_phrase(
            phrases in proptest::collection::vec(prop_oneof![
                // Names of two words or more, with NUL, CJK, NBSP, ideographic space, tab, newline.
                "[Aé東\0][Aaé東\0-]{0,9}[ \t\n\u{a0}\u{3000}]-?[Aé東\0][Aaé東\0 \t\n\u{a0}\u{3000}-]{0,9}",
                // Many sharing a first word, starting one another, alike past eight bytes.
                "Po? [ab][ab \0]{0,14}",
            ], 0..20),
            picks in proptest::collection::vec((0..20_usize, "[a \0é東\u{3000}-]{0,2}"), 0..10),
        ) {
            // The text is the phrases run together, so that they occur, overlap and nearly occur.
            let mut text = String::new();
            for (at, glue) in &picks {
                text.push_str(phrases.get(*at).map_or("", String::as_str));
                text.push_str(glue);
            }
            let mut expected: Vec<(usize, &str)> = phrases
                .iter()
                .flat_map(|p| text.char_indices().filter(|(at, _)| text[*at..].starts_with(p.as_str())).map(|(at, _)| (at, p.as_str())))
                .collect();
            expected.sort_unstable();
            expected.dedup();
            let mut found = Phrases::new(phrases.iter().map(String::as_str)).occurrences(&text);
            found.sort_unstable();
            found.dedup();
            prop_assert_eq!(found, expected, "in {:?}", text);
        }
    }
}
