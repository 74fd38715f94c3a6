//! The quote as the fuzzy stage sees it: trimmed, its length in characters, and its character
//! pairs for a cheap first score.

use super::fuzzy::MIN_SIMILARITY;

/// The quote, trimmed, and what the fuzzy stage needs to know about it.
pub(super) struct Quote<'a> {
    pub text: &'a str,
    pub chars: usize,
    pub pairs: Pairs,
}

impl<'a> Quote<'a> {
    pub fn new(quote: &'a str) -> Self {
        let text = quote.trim();
        Self { text, chars: text.chars().count(), pairs: Pairs::of(text) }
    }

    /// Whether a candidate of `chars` characters could reach [`MIN_SIMILARITY`]: the length
    /// difference alone costs that many edits, so `shorter / longer` bounds the similarity.
    /// (This is tighter than any fixed 0.6x–1.6x window and loses nothing.)
    pub fn could_match(&self, chars: usize) -> bool {
        ratio(chars.min(self.chars), chars.max(self.chars)) >= MIN_SIMILARITY
    }

    /// The fewest characters a candidate that [could match](Self::could_match) has.
    pub fn shortest_match(&self) -> usize {
        let mut shortest = self.chars * 4 / 5;
        while shortest < self.chars && !self.could_match(shortest) {
            shortest += 1;
        }
        shortest
    }

    /// The most characters a candidate that [could match](Self::could_match) has.
    pub fn longest_match(&self) -> usize {
        let mut longest = self.chars + self.chars / 4 + 1;
        while longest > self.chars && !self.could_match(longest) {
            longest -= 1;
        }
        longest
    }
}

/// `a / b`; the counts here are far below 2^52, so the conversion is exact.
#[allow(clippy::cast_precision_loss)]
pub(super) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The character pairs of a quote, as a set of 2^16 hash bits: a pair of the text is looked up
/// for every character, and a rare false positive only makes the cheap score more generous.
pub(super) struct Pairs(Vec<u64>);

impl Pairs {
    fn of(quote: &str) -> Self {
        let mut bits = vec![0_u64; (1 << 16) / 64];
        for (a, b) in quote.chars().zip(quote.chars().skip(1)) {
            let slot = Self::slot(a, b);
            if let Some(word) = bits.get_mut(slot / 64) {
                *word |= 1 << (slot % 64);
            }
        }
        Self(bits)
    }

    pub fn contains(&self, a: char, b: char) -> bool {
        let slot = Self::slot(a, b);
        self.0.get(slot / 64).is_some_and(|word| word & (1 << (slot % 64)) != 0)
    }

    /// A 16-bit multiplicative hash of the pair.
    fn slot(a: char, b: char) -> usize {
        let mixed = (u32::from(a).wrapping_mul(0x9E37_79B9) ^ u32::from(b)).wrapping_mul(0x85EB_CA6B);
        (mixed >> 16) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_that_could_match_are_within_the_similarity_floor() {
        let quote = Quote::new("  0123456789  ");
        assert_eq!((quote.text, quote.chars), ("0123456789", 10));
        assert!(!quote.could_match(7) && quote.could_match(8) && quote.could_match(12));
        assert!(!quote.could_match(13));
        assert_eq!((quote.shortest_match(), quote.longest_match()), (8, 12));
        assert_eq!(Quote::new("북한은 화요일 오전").longest_match(), 12);
        assert_eq!(Quote::new("").longest_match(), 0);
    }

    #[test]
    fn pairs_are_found_in_any_script() {
        let quote = Quote::new("북한은 fired");
        assert!(quote.pairs.contains('북', '한') && quote.pairs.contains('r', 'e'));
        assert!(!quote.pairs.contains('한', '북') && !quote.pairs.contains('d', 'f'));
    }
}
