//! Claims: a span of an article tagged with claim types, a check-worthy flag, a verdict and a
//! note, anchored so it can be found again when the article changes.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::text::Span;

/// Where a claim is: its byte range when last placed, and the text that locates it again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    pub start: usize,
    pub end: usize,
    /// The exact text of the claim.
    pub quote: String,
    /// Up to [`CONTEXT_CHARS`] characters before it.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters after it.
    pub suffix: String,
}

/// Characters of context kept on each side of a quote.
pub const CONTEXT_CHARS: usize = 32;

impl Anchor {
    /// The anchor of `span` in `text`.
    pub fn of(text: &str, span: &Span) -> Self {
        let before = &text[..span.start];
        let prefix_start = before.char_indices().rev().nth(CONTEXT_CHARS - 1).map_or(0, |(i, _)| i);
        let after = &text[span.end..];
        let suffix_end = after.char_indices().nth(CONTEXT_CHARS).map_or(after.len(), |(i, _)| i);
        Self {
            start: span.start,
            end: span.end,
            quote: text[span.clone()].to_owned(),
            prefix: before[prefix_start..].to_owned(),
            suffix: after[..suffix_end].to_owned(),
        }
    }

    pub fn span(&self) -> Span {
        self.start..self.end
    }
}

/// How far a claim has been checked. Its name in files and exports is `snake_case`
/// (`in_progress`), for serde and strum alike; people see it with spaces (`in progress`).
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Verdict {
    #[default]
    Undetermined,
    InProgress,
    Verified,
    False,
    Misleading,
    Unverifiable,
    NotApplicable,
}

impl Verdict {
    /// Every verdict, in the order pickers offer them.
    pub const ALL: &[Self] = <Self as strum::VariantArray>::VARIANTS;

    /// The name used in files and exports.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The name for people: the file name with spaces.
    pub fn label(self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, word) in self.name().split('_').enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            f.write_str(word)?;
        }
        Ok(())
    }
}

impl std::str::FromStr for Verdict {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let wanted = text.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        Self::ALL.iter().copied().find(|v| v.name() == wanted).ok_or_else(|| {
            let names: Vec<&str> = Self::ALL.iter().map(|v| v.name()).collect();
            format!("unknown verdict `{text}`; verdicts are {}", names.join(", "))
        })
    }
}

/// A tagged span of an article. Written and read field by field (see `store`), so fields
/// this gloss does not know are kept. The default is an empty claim: no id, no place, no tag;
/// for building one field by field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Claim {
    /// Stable for the claim's life, unique in the store.
    pub id: String,
    pub anchor: Anchor,
    /// Tag names, in vocabulary order.
    pub tags: Vec<String>,
    pub check_worthy: bool,
    pub verdict: Verdict,
    pub note: String,
    /// RFC 3339.
    pub created: String,
    /// RFC 3339.
    pub modified: String,
    pub author: String,
    /// True when the article changed and the quote could not be found again: the claim is
    /// kept, with its quote, but not placed on any text.
    pub orphaned: bool,
    /// Fields this gloss does not know, kept as they were written.
    pub unknown: super::store::Unknown,
}

impl Claim {
    pub fn span(&self) -> Span {
        self.anchor.span()
    }

    /// A claim with nothing on it may go: no tags, flag, verdict or note.
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
            && !self.check_worthy
            && self.verdict == Verdict::Undetermined
            && self.note.trim().is_empty()
            && self.unknown.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_keep_context_on_both_sides() {
        let text = "A".repeat(40) + "the quote" + &"B".repeat(40);
        let anchor = Anchor::of(&text, &(40..49));
        assert_eq!(anchor.quote, "the quote");
        assert_eq!(anchor.prefix, "A".repeat(CONTEXT_CHARS));
        assert_eq!(anchor.suffix, "B".repeat(CONTEXT_CHARS));
        let short = Anchor::of("Hi – there", &(0..2));
        assert_eq!((short.prefix.as_str(), short.suffix.as_str()), ("", " – there"));
    }

    #[test]
    fn verdicts_by_name() {
        let names: Vec<&str> = Verdict::ALL.iter().map(|v| v.name()).collect();
        let expected =
            ["undetermined", "in_progress", "verified", "false", "misleading", "unverifiable", "not_applicable"];
        assert_eq!(names, expected, "names in stores and exports never change");
        assert_eq!(Verdict::NotApplicable.label(), "not applicable");
        for &verdict in Verdict::ALL {
            assert_eq!(serde_json::to_value(verdict).unwrap(), verdict.name(), "serde and strum agree");
            assert_eq!(verdict.name().parse::<Verdict>(), Ok(verdict));
            assert_eq!(verdict.label().parse::<Verdict>(), Ok(verdict));
        }
        assert!("maybe".parse::<Verdict>().is_err());
    }
}
