//! An article's sentences and mentions kept between two passes over a corpus in a fraction of
//! the room: byte offsets as `u32` (an article is at most 16 MB), canonical names by index, and
//! a canonical name that is the mention's own text not at all.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::{Mention, MentionSource};
use crate::entities::Kind;
use crate::text::Span;

/// One mention in 16 bytes rather than 40, with no allocation of its own.
#[derive(Debug, Clone, Copy)]
struct PackedMention {
    start: u32,
    end: u32,
    /// Index into the article's canonical names; [`OWN_TEXT`] for the mention's own text.
    canonical: u32,
    kind: Kind,
    source: MentionSource,
}

const OWN_TEXT: u32 = u32::MAX;

/// An article's sentences and mentions, packed.
#[derive(Debug, Default)]
pub(super) struct Packed {
    sentences: Vec<(u32, u32)>,
    mentions: Vec<PackedMention>,
    canonicals: Vec<Arc<str>>,
}

impl Packed {
    /// Packs the `sentences` and `mentions` of `text`; `None` if an offset does not fit.
    pub(super) fn pack(text: &str, sentences: &[Span], mentions: &[Mention]) -> Option<Self> {
        let offsets = |span: &Span| Some((u32::try_from(span.start).ok()?, u32::try_from(span.end).ok()?));
        let mut packed = Self {
            sentences: sentences.iter().map(offsets).collect::<Option<_>>()?,
            mentions: Vec::with_capacity(mentions.len()),
            canonicals: Vec::new(),
        };
        let mut indices: FxHashMap<&str, u32> = FxHashMap::default();
        for mention in mentions {
            let (start, end) = offsets(&mention.span)?;
            let canonical = if *mention.canonical == text[mention.span.clone()] {
                OWN_TEXT
            } else if let Some(&at) = indices.get(&*mention.canonical) {
                at
            } else {
                let at = u32::try_from(packed.canonicals.len()).ok().filter(|&at| at != OWN_TEXT)?;
                packed.canonicals.push(mention.canonical.clone());
                indices.insert(&mention.canonical, at);
                at
            };
            packed.mentions.push(PackedMention { start, end, canonical, kind: mention.kind, source: mention.source });
        }
        Some(packed)
    }

    /// The sentences and mentions as they were packed from `text`.
    pub(super) fn unpack(self, text: &str) -> (Vec<Span>, Vec<Mention>) {
        let span = |start: u32, end: u32| start as usize..end as usize;
        let sentences = self.sentences.iter().map(|&(start, end)| span(start, end)).collect();
        let mentions = self
            .mentions
            .iter()
            .map(|m| {
                let span = span(m.start, m.end);
                let canonical = match self.canonicals.get(m.canonical as usize) {
                    Some(canonical) => canonical.clone(),
                    None => Arc::from(&text[span.clone()]),
                };
                Mention { span, kind: m.kind, canonical, source: m.source }
            })
            .collect();
        (sentences, mentions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unpacks_what_was_packed() {
        let text = "Kim Yo met the Secretary-General in Pyongyang.";
        let mention =
            |span: Span, kind, canonical: &str, source| Mention { span, kind, canonical: canonical.into(), source };
        let mentions = vec![
            mention(0..6, Kind::Person, "Kim Yo Jong", MentionSource::Guess),
            mention(15..32, Kind::Person, "Secretary-General", MentionSource::Guess),
            mention(36..45, Kind::Gpe, "Pyongyang", MentionSource::Gazetteer),
            mention(0..3, Kind::Person, "Kim Yo Jong", MentionSource::Guess),
        ];
        let sentences = vec![0..20, 20..46];
        let packed = Packed::pack(text, &sentences, &mentions).unwrap();
        assert_eq!(packed.canonicals.len(), 1, "own texts are not kept, a shared name once");
        assert_eq!(packed.unpack(text), (sentences, mentions));
    }
}
