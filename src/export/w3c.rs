//! W3C Web Annotation export (JSON-LD): an `AnnotationCollection` whose first page holds one
//! `Annotation` per claim, targeting the article with a quote and a position selector.

use serde_json::{Value, json};

use super::model::{ArticleOut, ClaimOut, Export};

/// The JSON-LD context of the Web Annotation model.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The collection for `export`.
pub fn w3c(export: &Export) -> String {
    let items: Vec<Value> = export.claims().filter(|(_, c)| !c.claim.orphaned).map(|(a, c)| annotation(a, c)).collect();
    let mut collection = json!({
        "@context": CONTEXT,
        "id": format!("urn:gloss:export:{}", slug(&export.corpus)),
        "type": "AnnotationCollection",
        "label": format!("gloss claims: {}", export.corpus),
        "total": items.len(),
        "first": {
            "id": format!("urn:gloss:export:{}:page:1", slug(&export.corpus)),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    });
    if let (Some(date), Some(object)) = (&export.date, collection.as_object_mut()) {
        object.insert("generated".into(), json!(date));
    }
    let mut text = serde_json::to_string_pretty(&collection).unwrap_or_default();
    text.push('\n');
    text
}

/// One claim as an annotation: its claim types classify it, check-worthiness is a tag, the
/// verdict assesses it and the note comments on it.
fn annotation(article: &ArticleOut, claim: &ClaimOut) -> Value {
    let c = &claim.claim;
    let text_body = |purpose: &str, value: &str| json!({ "type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain" });
    let mut body: Vec<Value> = c.tags.iter().map(|tag| text_body("classifying", tag)).collect();
    if c.check_worthy {
        body.push(text_body("tagging", "check-worthy"));
    }
    body.push(text_body("assessing", c.verdict.name()));
    if !c.note.trim().is_empty() {
        body.push(text_body("commenting", &c.note));
    }
    json!({
        "id": format!("urn:gloss:claim:{}", c.id),
        "type": "Annotation",
        "motivation": "classifying",
        "created": c.created,
        "modified": c.modified,
        "creator": { "type": "Person", "name": c.author },
        "body": body,
        "target": {
            "source": source(article),
            "selector": [
                { "type": "TextQuoteSelector", "exact": c.anchor.quote, "prefix": c.anchor.prefix, "suffix": c.anchor.suffix },
                { "type": "TextPositionSelector", "start": claim.start, "end": claim.end },
            ],
        },
    })
}

/// The article as a target: its file as a `file:` URL, else (a built-in seed, or an article
/// no longer in the corpus) a gloss URN by article id.
fn source(article: &ArticleOut) -> String {
    article
        .location
        .as_deref()
        .and_then(super::link::file_url)
        .unwrap_or_else(|| format!("urn:gloss:article:{}", article.id))
}

fn slug(text: &str) -> String {
    text.chars().map(|c| if c.is_alphanumeric() || c == '-' { c.to_ascii_lowercase() } else { '-' }).collect()
}
