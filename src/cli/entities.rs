//! `gloss entities`: the named entities of each article, as text or one JSON object a line.
//!
//! The corpus's articles support one another (a name found with evidence in one is found bare
//! in the others: `Recognizer::recognize_corpus`), so the whole corpus is read first, on every
//! core, while the recogniser is built on a thread of its own; articles are recognised and
//! their lines made on every core, then printed in corpus order.

use std::io::{self, Write};
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

use super::{Failure, Format, load, stopped_printing, user_gazetteer};
use gloss_core::config::Paths;
use gloss_core::corpus::Article;
use gloss_core::entities::{Kind, Mention, MentionSource, Recognizer};
use gloss_core::text::CharOffsets;
use gloss_core::text::inert::{json, terminal};

pub fn run(paths: &[PathBuf], format: Format, config: Option<&Paths>) -> Result<(), Failure> {
    let user = user_gazetteer(config.map(Paths::user_gazetteer).as_deref())?;
    let (articles, recognizer) = std::thread::scope(|scope| {
        let building = scope.spawn(|| Recognizer::with_user(&user));
        let articles = load(paths);
        let built = building.join().map_err(|_| Failure::Failed("the gazetteer could not be read".into()));
        (articles, built)
    });
    let articles = articles?;
    let recognizer = recognizer?.map_err(|e| Failure::Failed(format!("gazetteer: {e}")))?;
    let found = recognizer.recognize_corpus(&articles);
    let mut out = io::BufWriter::new(io::stdout().lock());
    // A chunk of articles rendered at a time, not the whole output (as large as the corpus).
    for (articles, found) in articles.chunks(RENDER_CHUNK).zip(found.chunks(RENDER_CHUNK)) {
        let rendered: Vec<io::Result<Vec<u8>>> =
            articles.par_iter().zip(found).map(|(article, mentions)| render(article, mentions, format)).collect();
        for bytes in rendered {
            let bytes = bytes.map_err(|e| Failure::Failed(format!("cannot write the entities: {e}")))?;
            if let Err(error) = out.write_all(&bytes) {
                return stopped_printing("the entities", &error);
            }
        }
    }
    out.flush().or_else(|error| stopped_printing("the entities", &error))
}

/// Articles rendered on every core before their lines are written.
const RENDER_CHUNK: usize = 256;

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
