//! W3C Web Annotation export (JSON-LD): an `AnnotationCollection` whose first page holds one
//! `Annotation` per claim, targeting the article with a quote and a position selector.

use serde_json::{Value, json};

use super::model::{ArticleOut, ClaimOut, Export, Place};

/// The JSON-LD context of the Web Annotation model.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The collection for `export`.
pub fn w3c(export: &Export) -> serde_json::Result<String> {
    let items: Vec<Value> = export.claims().filter_map(|(a, c)| c.place.map(|place| annotation(a, c, place))).collect();
    let id = format!("urn:gloss:export:{}", super::slug(&export.corpus).to_lowercase());
    let label = match &export.date {
        Some(date) => format!("gloss claims: {}, exported {date}", export.corpus),
        None => format!("gloss claims: {}", export.corpus),
    };
    let collection = json!({
        "@context": CONTEXT,
        "id": id,
        "type": "AnnotationCollection",
        "label": label,
        "total": items.len(),
        "first": {
            "id": format!("{id}:page:1"),
            "type": "AnnotationPage",
            "partOf": id,
            "startIndex": 0,
            "items": items,
        },
    });
    let mut text = crate::text::inert::json::to_string_pretty(&collection)?;
    text.push('\n');
    Ok(text)
}

/// One claim as an annotation: its claim types classify it, check-worthiness is a tag, the
/// verdict assesses it and the note comments on it.
fn annotation(article: &ArticleOut, claim: &ClaimOut, place: Place) -> Value {
    let c = &claim.claim;
    let text_body = |purpose: &str, value: &str| json!({ "type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain" });
    let mut body: Vec<Value> = c.tags.iter().map(|tag| text_body("classifying", tag)).collect();
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
    let mut quote = json!({ "type": "TextQuoteSelector", "exact": c.anchor.quote });
    for (key, value) in [("prefix", &c.anchor.prefix), ("suffix", &c.anchor.suffix)] {
        if let (false, Some(quote)) = (value.is_empty(), quote.as_object_mut()) {
            quote.insert(key.into(), json!(value));
        }
    }
    json!({
        "id": format!("urn:gloss:claim:{}", c.id),
        "type": "Annotation",
        "motivation": motivation,
        "created": c.created,
        "modified": c.modified,
        "creator": { "type": "Person", "name": c.author },
        "body": body,
        "target": {
            "source": source(article),
            "selector": [quote, { "type": "TextPositionSelector", "start": place.start, "end": place.end }],
        },
    })
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
