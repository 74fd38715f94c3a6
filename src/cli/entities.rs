//! `gloss entities`: the named entities of each article, as text or one JSON object a line.
//!
//! The corpus's articles support one another (a name found with evidence in one is found bare
//! in the others), so the files are read twice (`Recognizer::learn_sources`, then
//! `recognize_learned`): memory holds the articles' mentions, not the corpus, and lines are
//! printed as the second pass goes.

use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

use super::{Failure, Format, stopped_printing, user_gazetteer, warn};
use gloss_core::config::Paths;
use gloss_core::corpus::{self, Article};
use gloss_core::entities::{Kind, Learned, Mention, MentionSource, Recognizer};
use gloss_core::text::CharOffsets;
use gloss_core::text::inert::{json, terminal};

pub fn run(paths: &[PathBuf], format: Format, config: Option<&Paths>) -> Result<(), Failure> {
    let user = user_gazetteer(config.map(Paths::user_gazetteer).as_deref())?;
    let (discovery, recognizer) = std::thread::scope(|scope| {
        let building = scope.spawn(|| Recognizer::with_user(&user));
        let discovery = corpus::discover(paths);
        let built = building.join().map_err(|_| Failure::Failed("the gazetteer could not be read".into()));
        (discovery, built)
    });
    let recognizer = recognizer?.map_err(|e| Failure::Failed(format!("gazetteer: {e}")))?;
    let learned = recognizer.learn_sources(&discovery.sources);
    warn(&discovery.problems);
    warn(&learned.problems().cloned().collect::<Vec<_>>());
    if learned.articles() == 0 {
        return Err(Failure::Failed("no articles found".to_owned()));
    }
    print(&recognizer, learned, format, io::BufWriter::new(io::stdout().lock()))
}

/// The second pass, each article's entities written to `out` as they come; fails when none
/// is left to print (every file went away or changed into none between the passes), as it does
/// when there was none to begin with.
fn print(recognizer: &Recognizer, learned: Learned<'_>, format: Format, mut out: impl Write) -> Result<(), Failure> {
    let mut articles = 0_usize;
    let printed = recognizer.recognize_learned(
        learned,
        |article, mentions| render(article, mentions, format),
        |bytes| match bytes {
            Ok(bytes) => {
                articles += 1;
                out.write_all(&bytes).map_err(Stop::Printing)
            }
            Err(error) => Err(Stop::Rendering(error)),
        },
    );
    match printed {
        Ok(problems) => warn(&problems),
        Err(Stop::Printing(error)) => return stopped_printing("the entities", &error),
        Err(Stop::Rendering(error)) => return Err(Failure::Failed(format!("cannot write the entities: {error}"))),
    }
    out.flush().or_else(|error| stopped_printing("the entities", &error))?;
    if articles == 0 {
        return Err(Failure::Failed("no articles found".to_owned()));
    }
    Ok(())
}

/// Why printing stopped: an article's lines could not be made, or standard output took no more.
enum Stop {
    Rendering(io::Error),
    Printing(io::Error),
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

#[cfg(test)]
mod tests {
    use super::*;
    use gloss_core::corpus::Source;

    #[test]
    fn a_corpus_gone_before_the_second_pass_is_no_articles_found_not_silence() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("a.txt");
        std::fs::write(&path, "Report\n\nA Morning Light spokesman denied it.").unwrap();
        let sources = [Source::File { path: path.clone(), format: corpus::Format::PlainText }];
        let recognizer = Recognizer::built_in().unwrap();
        let learned = recognizer.learn_sources(&sources);
        assert_eq!(learned.articles(), 1);
        std::fs::remove_file(&path).unwrap();
        let mut out = Vec::new();
        let outcome = print(&recognizer, learned, Format::Text, &mut out);
        assert!(matches!(&outcome, Err(Failure::Failed(message)) if message == "no articles found"), "{outcome:?}");
        assert!(out.is_empty());
        // Still there: printed, and no failure.
        std::fs::write(&path, "Report\n\nA Morning Light spokesman denied it.").unwrap();
        let learned = recognizer.learn_sources(&sources);
        assert!(print(&recognizer, learned, Format::Json, &mut out).is_ok());
        assert!(String::from_utf8(out).unwrap().contains("Morning Light"));
    }
}
