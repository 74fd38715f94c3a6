//! `gloss entities`: the named entities of each article, as text or one JSON object a line.
//!
//! Ten thousand articles take a while to recognise, so the work is spread over every core a
//! batch of articles at a time and printed in corpus order as each batch is done: the output
//! starts at once, memory holds one batch, and the recogniser is built while the first batch
//! is read.

use std::io::{self, Write};
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

use super::{Failure, Format, stopped_printing, user_gazetteer, warn};
use gloss_core::config::Paths;
use gloss_core::corpus::{self, Article, Source};
use gloss_core::entities::{Kind, Mention, MentionSource, Recognizer};
use gloss_core::text::CharOffsets;
use gloss_core::text::inert::{json, terminal};

/// Files read and recognised between two writes: enough to keep every core busy, few enough
/// that their output is small.
const BATCH: usize = 128;

pub fn run(paths: &[PathBuf], format: Format, config: Option<&Paths>) -> Result<(), Failure> {
    let user = user_gazetteer(config.map(Paths::user_gazetteer).as_deref())?;
    let discovery = corpus::discover(paths);
    warn(&discovery.problems);
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut printed = 0;
    let written = std::thread::scope(|scope| {
        let mut building = Some(scope.spawn(|| Recognizer::with_user(&user)));
        let mut recognizer = None;
        for batch in discovery.sources.chunks(BATCH) {
            let articles = load(batch);
            if articles.is_empty() {
                continue;
            }
            if let Some(handle) = building.take() {
                let built = handle.join().map_err(|_| Failure::Failed("the gazetteer could not be read".into()))?;
                recognizer = Some(built.map_err(|e| Failure::Failed(format!("gazetteer: {e}")))?);
            }
            let Some(recognizer) = recognizer.as_ref() else { continue };
            let rendered: Vec<io::Result<Vec<u8>>> =
                articles.par_iter().map(|article| render(article, &recognizer.recognize(article), format)).collect();
            for bytes in rendered {
                let bytes = bytes.map_err(|e| Failure::Failed(format!("cannot write the entities: {e}")))?;
                if let Err(error) = out.write_all(&bytes) {
                    return Ok(Err(error));
                }
            }
            printed += articles.len();
        }
        Ok(Ok(()))
    })?;
    if printed == 0 {
        return Err(Failure::Failed("no articles found".to_owned()));
    }
    written.and_then(|()| out.flush()).or_else(|error| stopped_printing("the entities", &error))
}

/// Reads `sources` on every core, warning about those that cannot be read.
fn load(sources: &[Source]) -> Vec<Article> {
    let mut articles = Vec::with_capacity(sources.len());
    for loaded in corpus::load_many(sources) {
        match loaded {
            Ok(loaded) => articles.extend(loaded),
            Err(problem) => warn(&[problem]),
        }
    }
    articles
}

/// One article's entities, as `format` prints them.
fn render(article: &Article, mentions: &[Mention], format: Format) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(64 + mentions.len() * 96);
    match format {
        Format::Json => {
            json::to_writer(&mut bytes, &ArticleEntities::of(article, mentions))?;
            bytes.push(b'\n');
        }
        Format::Text => write_text(&mut bytes, article, mentions)?,
    }
    Ok(bytes)
}

/// One JSON object per article; offsets are code points into the text, end exclusive.
#[derive(Serialize)]
struct ArticleEntities<'a> {
    file: String,
    title: &'a str,
    entities: Vec<EntityOut<'a>>,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: Kind,
    canonical: &'a str,
    source: MentionSource,
}

impl<'a> ArticleEntities<'a> {
    fn of(article: &'a Article, mentions: &'a [Mention]) -> Self {
        let text = article.text();
        let mut offsets = CharOffsets::new(text);
        let entities = mentions
            .iter()
            .map(|m| EntityOut {
                start: offsets.of(m.span.start),
                end: offsets.of(m.span.end),
                text: &text[m.span.clone()],
                kind: m.kind,
                canonical: &m.canonical,
                source: m.source,
            })
            .collect();
        Self { file: article.origin().file_name(), title: article.title(), entities }
    }
}

fn write_text(out: &mut impl Write, article: &Article, mentions: &[Mention]) -> io::Result<()> {
    writeln!(out, "{}\t{}", terminal::inline(&article.origin().file_name()), terminal::inline(article.title()))?;
    for mention in mentions {
        let text = terminal::inline(&article.text()[mention.span.clone()]);
        let canonical = if *mention.canonical == *text {
            String::new()
        } else {
            format!(" → {}", terminal::inline(&mention.canonical))
        };
        writeln!(out, "  {}\t{}{canonical}\t{:?}", mention.kind, text, mention.source)?;
    }
    Ok(())
}
