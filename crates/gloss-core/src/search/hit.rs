//! One match found across the corpus, with where it is in every unit a reader of it needs:
//! bytes (gloss's own), code points (JSON, web annotations), line and column (editors), the
//! sentence, and the sentence's text around it.

use std::ops::Range;

use crate::text::Span;

/// Which text of an article a hit is in.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Field {
    /// The article's text; `headline` when the match is in the headline line.
    Text { headline: bool },
    /// A title that is not part of the text (a page's or a feed item's own title).
    Title,
    /// The analyst's note on the article.
    ArticleNote,
    /// The note on claim `claim` (its id).
    ClaimNote { claim: String },
}

impl Field {
    /// Its name in JSON: `text`, `title`, `note`, `claim_note`.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Text { headline: false, .. } => "text",
            Self::Text { headline: true, .. } | Self::Title => "title",
            Self::ArticleNote => "note",
            Self::ClaimNote { .. } => "claim_note",
        }
    }

    pub fn is_note(&self) -> bool {
        matches!(self, Self::ArticleNote | Self::ClaimNote { .. })
    }
}

/// Characters of context kept on each side of a match: sentences can run long, and a line of
/// output or a row of results has room for a few dozen words at most.
pub const CONTEXT_CHARS: usize = 160;

/// The text around a match (its sentence, or its line of a note), cut to [`CONTEXT_CHARS`] on
/// either side with `…` where it was cut, and where the match is in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    pub text: String,
    /// The match, as bytes into `text`.
    pub hit: Span,
}

/// A match in an article's text, title or notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The article's index in the corpus searched.
    pub article: usize,
    pub field: Field,
    /// The match, as bytes into the field's text (for [`Field::Text`], the article's text).
    pub span: Span,
    /// The match, as code points into the field's text, end exclusive.
    pub chars: Range<usize>,
    /// The line the match starts on, from 1, and its column in code points, from 1.
    pub line: usize,
    pub column: usize,
    /// For a hit in the text, its sentence (cut to [`CONTEXT_CHARS`] a side); in a note, its
    /// line.
    pub context: Context,
    /// Where to open the article for this hit: a byte offset into its text (the match, the
    /// claim of a claim note, or the start for an article note).
    pub at: usize,
}

/// The context of match `hit` inside `around` (its sentence or line) of `text`.
pub fn context(text: &str, around: &Span, hit: &Span) -> Context {
    let start = around.start.min(hit.start);
    let end = around.end.max(hit.end);
    let before = &text[start..hit.start];
    let after = &text[hit.end..end];
    let cut_start = before.char_indices().rev().nth(CONTEXT_CHARS - 1).map_or(0, |(i, _)| i);
    let cut_end = after.char_indices().nth(CONTEXT_CHARS).map_or(after.len(), |(i, _)| i);
    let mut out = String::new();
    if cut_start > 0 {
        out.push('…');
    }
    out.push_str(before[cut_start..].trim_start());
    let hit_start = out.len();
    out.push_str(&text[hit.clone()]);
    let hit_end = out.len();
    out.push_str(after[..cut_end].trim_end());
    if cut_end < after.len() {
        out.push('…');
    }
    Context { text: out, hit: hit_start..hit_end }
}

/// The line of `text` that holds byte `offset`, without its line break.
pub fn line_around(text: &str, offset: usize) -> Span {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_is_the_sentence_cut_around_the_match() {
        let text = "  Kim said so.  ";
        let context = context(text, &(0..text.len()), &(2..5));
        assert_eq!(context.text, "Kim said so.");
        assert_eq!(&context.text[context.hit.clone()], "Kim");

        let long = format!("{} Kishida {}", "a".repeat(400), "é".repeat(400));
        let start = long.find("Kishida").unwrap();
        let cut = super::context(&long, &(0..long.len()), &(start..start + 7));
        assert!(cut.text.starts_with('…') && cut.text.ends_with('…'), "{}", cut.text);
        assert_eq!(&cut.text[cut.hit.clone()], "Kishida");
        assert_eq!(cut.text.chars().count(), 2 * CONTEXT_CHARS + 7 + 2, "two ellipses");
    }

    #[test]
    fn lines_of_a_note() {
        let note = "first\nsecond line\nthird";
        assert_eq!(&note[line_around(note, 8)], "second line");
        assert_eq!(&note[line_around(note, 0)], "first");
        assert_eq!(&note[line_around(note, note.len())], "third");
    }
}
