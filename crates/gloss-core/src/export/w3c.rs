//! W3C Web Annotation export (JSON-LD): an `AnnotationCollection` whose first page holds one
//! `Annotation` per claim, targeting the article with a quote and a position selector. Written
//! as it is made, an annotation at a time, from borrowed structs: a hundred thousand claims are
//! never held as a JSON tree.

use std::io::Write as _;

use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};

use super::Gathered;
use super::model::{ArticleOut, ClaimOut, Export, Place};

/// The JSON-LD context of the Web Annotation model.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// Writes the collection for `export` to `out`.
pub fn w3c(export: &Export, out: &mut Gathered<'_>) -> serde_json::Result<()> {
    let id = format!("urn:gloss:export:{}", super::slug(&export.corpus).to_lowercase());
    let label = match &export.date {
        Some(date) => format!("gloss claims: {}, exported {date}", export.corpus),
        None => format!("gloss claims: {}", export.corpus),
    };
    let collection = Collection {
        context: CONTEXT,
        id: &id,
        kind: "AnnotationCollection",
        label,
        total: export.claims().filter(|(_, c)| c.place.is_some()).count(),
        first: Page {
            id: format!("{id}:page:1"),
            kind: "AnnotationPage",
            part_of: &id,
            start_index: 0,
            items: Items(export),
        },
    };
    crate::text::inert::json::to_writer_pretty(&mut *out, &collection)?;
    out.write_all(b"\n").map_err(serde_json::Error::io)
}

// The fields in the order the format has always written them (the goldens hold it).
#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    label: String,
    total: usize,
    first: Page<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Page<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    part_of: &'a str,
    start_index: usize,
    items: Items<'a>,
}

/// Every placed claim of the export, as annotations, made one at a time as they are written.
struct Items<'a>(&'a Export);

impl Serialize for Items<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut items = serializer.serialize_seq(None)?;
        for article in &self.0.articles {
            // The same for every claim of the article: made once.
            let source = source(article);
            for claim in &article.claims {
                if let Some(place) = claim.place {
                    items.serialize_element(&annotation(&source, claim, place))?;
                }
            }
        }
        items.end()
    }
}

#[derive(Serialize)]
struct Annotation<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    created: &'a str,
    modified: &'a str,
    creator: Creator<'a>,
    body: Vec<Body<'a>>,
    target: Target<'a>,
}

#[derive(Serialize)]
struct Creator<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: &'a str,
    format: &'static str,
}

#[derive(Serialize)]
struct Target<'a> {
    source: &'a str,
    selector: (Quote<'a>, Position),
}

#[derive(Serialize)]
struct Quote<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    exact: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    prefix: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    suffix: &'a str,
}

#[derive(Serialize)]
struct Position {
    #[serde(rename = "type")]
    kind: &'static str,
    start: usize,
    end: usize,
}

/// One claim as an annotation: its claim types classify it, check-worthiness is a tag, the
/// verdict assesses it and the note comments on it.
fn annotation<'a>(source: &'a str, claim: &'a ClaimOut, place: Place) -> Annotation<'a> {
    let c = &claim.claim;
    let text_body =
        |purpose: &'static str, value: &'a str| Body { kind: "TextualBody", purpose, value, format: "text/plain" };
    let mut body: Vec<Body> = c.tags.iter().map(|tag| text_body("classifying", tag)).collect();
    if c.check_worthy {
        body.push(text_body("tagging", "check-worthy"));
    }
    body.push(text_body("assessing", c.verdict.name()));
    let noted = !c.note.trim().is_empty();
    if noted {
        body.push(text_body("commenting", &c.note));
    }
    // Why the claim was annotated: to classify it when it has a type, else to comment on it or
    // to assess it.
    let motivation = match (c.tags.is_empty(), noted) {
        (false, _) => "classifying",
        (true, true) => "commenting",
        (true, false) => "assessing",
    };
    let quote =
        Quote { kind: "TextQuoteSelector", exact: &c.anchor.quote, prefix: &c.anchor.prefix, suffix: &c.anchor.suffix };
    Annotation {
        id: format!("urn:gloss:claim:{}", c.id),
        kind: "Annotation",
        motivation,
        created: &c.created,
        modified: &c.modified,
        creator: Creator { kind: "Person", name: &c.author },
        body,
        target: Target {
            source,
            selector: (quote, Position { kind: "TextPositionSelector", start: place.start, end: place.end }),
        },
    }
}

/// The article as a target: its file as a `file:` URL, else (a built-in sample) a gloss URN
/// by article id.
fn source(article: &ArticleOut) -> String {
    article
        .location
        .as_deref()
        .and_then(super::link::file_url)
        .unwrap_or_else(|| format!("urn:gloss:article:{}", article.id))
}
