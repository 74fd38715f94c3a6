//! JSON export: everything in the store for the chosen articles plus what gloss knows of each,
//! in one document with a `version`. The schema is in docs/export.md. Written as it is made,
//! an article at a time.

use std::io::Write as _;

use serde::{Serialize, Serializer};

use super::Gathered;
use super::model::{ArticleOut, Export};
use crate::annotations::Verdict;
use crate::entities::Kind;

/// The version of the JSON export format.
pub const JSON_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    generator: &'static str,
    corpus: &'a str,
    exported: Option<&'a str>,
    articles: Articles<'a>,
}

/// The export's articles, each made as it is written.
struct Articles<'a>(&'a [ArticleOut]);

impl Serialize for Articles<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(Article::of))
    }
}

#[derive(Serialize)]
struct Article<'a> {
    id: &'a str,
    file: &'a str,
    path: &'a str,
    title: &'a str,
    source: Option<&'a str>,
    date: Option<&'a str>,
    fingerprint: &'a str,
    read: bool,
    note: &'a str,
    claims: Vec<Claim<'a>>,
}

#[derive(Serialize)]
struct Claim<'a> {
    id: &'a str,
    quote: &'a str,
    prefix: &'a str,
    suffix: &'a str,
    start: Option<usize>,
    end: Option<usize>,
    start_byte: Option<usize>,
    end_byte: Option<usize>,
    tags: &'a [String],
    check_worthy: bool,
    verdict: Verdict,
    note: &'a str,
    created: &'a str,
    modified: &'a str,
    author: &'a str,
    orphaned: bool,
    entities: Vec<Entity<'a>>,
}

#[derive(Serialize)]
struct Entity<'a> {
    text: &'a str,
    kind: Kind,
    canonical: &'a str,
}

/// Writes the JSON document for `export` to `out`.
pub fn json(export: &Export, out: &mut Gathered<'_>) -> serde_json::Result<()> {
    let document = Document {
        version: JSON_VERSION,
        generator: concat!("gloss ", env!("CARGO_PKG_VERSION")),
        corpus: &export.corpus,
        exported: export.date.as_deref(),
        articles: Articles(&export.articles),
    };
    crate::text::inert::json::to_writer_pretty(&mut *out, &document)?;
    out.write_all(b"\n").map_err(serde_json::Error::io)
}

impl<'a> Article<'a> {
    fn of(a: &'a ArticleOut) -> Self {
        Article {
            id: &a.id,
            file: &a.file,
            path: &a.path,
            title: &a.title,
            source: a.source.as_deref(),
            date: a.date.as_deref(),
            fingerprint: &a.fingerprint,
            read: a.read,
            note: &a.note,
            claims: a
                .claims
                .iter()
                .map(|c| Claim {
                    id: &c.claim.id,
                    quote: &c.claim.anchor.quote,
                    prefix: &c.claim.anchor.prefix,
                    suffix: &c.claim.anchor.suffix,
                    start: c.place.map(|p| p.start),
                    end: c.place.map(|p| p.end),
                    start_byte: c.place.map(|p| p.start_byte),
                    end_byte: c.place.map(|p| p.end_byte),
                    tags: &c.claim.tags,
                    check_worthy: c.claim.check_worthy,
                    verdict: c.claim.verdict,
                    note: &c.claim.note,
                    created: &c.claim.created,
                    modified: &c.claim.modified,
                    author: &c.claim.author,
                    orphaned: c.claim.orphaned,
                    entities: c
                        .entities
                        .iter()
                        .map(|e| Entity { text: &e.text, kind: e.kind, canonical: &e.canonical })
                        .collect(),
                })
                .collect(),
        }
    }
}
