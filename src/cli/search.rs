//! `gloss search QUERY [PATH...]`: every hit in the articles' text, titles and notes, a line
//! (or a JSON object) per hit, as the reader's corpus search finds them.

use std::collections::HashSet;
use std::io::{self, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use super::{Failure, Format, load, parse_verdict, read_only_store, stopped_printing, user_gazetteer, vocabulary};
use gloss_core::annotations::{Resolver, Verdict, attach};
use gloss_core::config::Paths;
use gloss_core::corpus::Article;
use gloss_core::entities::Recognizer;
use gloss_core::export::Filter;
use gloss_core::search::{Field, Hit, Mode, Notes, Query, Scope, mentions_entity, search_corpus};
use gloss_core::text::inert::{json as inert_json, terminal};

/// What to search for, where, and how to print it.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// Text to find (in lowercase it ignores case; with a capital letter it matches exactly),
    /// or a regular expression with --regex.
    pub query: String,
    /// Article files and folders (default: ./seeds, else the built-in samples).
    pub paths: Vec<PathBuf>,
    /// Read QUERY as a regular expression (Rust regex syntax).
    #[arg(long)]
    pub regex: bool,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Only inside claims with this tag, and in their notes. Repeatable: any of them.
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Only in articles that mention this entity (its name, or as written in the text).
    #[arg(long, value_name = "NAME")]
    pub entity: Option<String>,
    /// Only inside check-worthy claims, and in their notes.
    #[arg(long)]
    pub check_worthy: bool,
    #[arg(long, value_parser = parse_verdict, help = "Only inside claims with this verdict, and in their \
        notes (undetermined, in_progress, verified, false, misleading, unverifiable, not_applicable)")]
    pub verdict: Option<Verdict>,
}

/// Runs `gloss search`: hits to standard output in corpus order; none is exit code 1, as
/// grep has it, so scripts can tell.
pub fn search(args: &SearchArgs, config: Option<&Paths>, store_path: Option<&Path>) -> Result<(), Failure> {
    let mode = if args.regex { Mode::Regex } else { Mode::Plain };
    let query = Query::new(&args.query, mode).map_err(|e| Failure::Usage(e.to_string()))?;
    if query.is_empty() {
        return Err(Failure::Usage("give something to search for".to_owned()));
    }
    let claims = claim_filter(args, config)?;
    let store = read_only_store(store_path)?;
    let articles = load(&args.paths)?;
    let resolver = Resolver::new(&store);
    let attached: Vec<_> = articles.iter().map(|article| attach(&resolver, &store, article)).collect();
    let notes: Notes = attached.iter().enumerate().filter_map(|(i, a)| Some((i, a.record.as_deref()?))).collect();
    let scope = Scope { claims, articles: entity_articles(args.entity.as_deref(), &articles, config)? };
    let found = print_hits(&articles, &notes, &query, &scope, args.format)?;
    if found == 0 {
        return Err(Failure::Failed(format!("no hits for `{}`", terminal::inline(query.text()))));
    }
    Ok(())
}

/// The claim filter the flags ask for; an unknown tag is a usage error that lists the tags.
fn claim_filter(args: &SearchArgs, config: Option<&Paths>) -> Result<Filter, Failure> {
    if !args.tags.is_empty() {
        let vocabulary = vocabulary(config)?;
        if let Some(unknown) = args.tags.iter().find(|t| vocabulary.get(t).is_none()) {
            let known: Vec<&str> = vocabulary.tags.iter().map(|t| t.name.as_str()).collect();
            return Err(Failure::Usage(format!("unknown tag `{unknown}`; tags are {}", known.join(", "))));
        }
    }
    Ok(Filter { tags: args.tags.clone(), check_worthy: args.check_worthy, verdict: args.verdict, ..Filter::default() })
}

/// The articles that mention `entity`, when one is asked for.
fn entity_articles(
    entity: Option<&str>,
    articles: &[Article],
    config: Option<&Paths>,
) -> Result<Option<HashSet<usize>>, Failure> {
    let Some(name) = entity else { return Ok(None) };
    let user = user_gazetteer(config.map(Paths::user_gazetteer).as_deref())?;
    let recognizer = Recognizer::with_user(&user).map_err(|e| Failure::Failed(format!("gazetteer: {e}")))?;
    let kept = articles.iter().enumerate().filter(|(_, a)| mentions_entity(&recognizer, a, name)).map(|(i, _)| i);
    Ok(Some(kept.collect()))
}

/// Prints every hit as it is found; returns how many there were.
fn print_hits(
    articles: &[Article],
    notes: &Notes,
    query: &Query,
    scope: &Scope,
    format: Format,
) -> Result<usize, Failure> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut found = 0;
    let mut failed = None;
    // The flow is in `failed`: a write that failed is the only thing that stops the search.
    let _ = search_corpus(articles, notes, query, scope, &mut |hit| {
        found += 1;
        let article = &articles[hit.article];
        // JSON through the inert formatter: hits quote article text and notes.
        let line = match format {
            Format::Text => Ok(text_line(article, &hit)),
            Format::Json => inert_json::to_string(&json_line(article, &hit)).map_err(io::Error::other),
        };
        line.and_then(|line| writeln!(out, "{line}")).map_or_else(
            |error| {
                failed = Some(error);
                ControlFlow::Break(())
            },
            |()| ControlFlow::Continue(()),
        )
    });
    failed.map_or_else(|| out.flush(), Err).or_else(|error| stopped_printing("the hits", &error))?;
    Ok(found)
}

/// `path  line:column  start-end  where  sentence`, tab-separated, made safe to print. For a
/// hit in a note, line, column and offsets are in the note, and the line of the note is shown.
fn text_line(article: &Article, hit: &Hit) -> String {
    [
        terminal::inline(&article.origin().display_path()).into_owned(),
        format!("{}:{}", hit.line, hit.column),
        format!("{}-{}", hit.chars.start, hit.chars.end),
        place(hit),
        terminal::inline(&hit.context.text).into_owned(),
    ]
    .join("\t")
}

/// Where a hit is: `text`, `title`, `note`, `claim c4f671aed37`.
fn place(hit: &Hit) -> String {
    match &hit.field {
        Field::Text { headline: true } | Field::Title => "title".to_owned(),
        Field::Text { headline: false } => "text".to_owned(),
        Field::ArticleNote => "note".to_owned(),
        Field::ClaimNote { claim } => format!("claim {}", terminal::inline(claim)),
    }
}

/// One JSON object per hit; `start`/`end` in code points (end exclusive), `line` and `column`
/// from 1.
fn json_line(article: &Article, hit: &Hit) -> serde_json::Value {
    serde_json::json!({
        "file": article.origin().file_name(),
        "path": article.origin().display_path(),
        "title": article.title(),
        "field": hit.field.name(),
        "claim": match &hit.field { Field::ClaimNote { claim } => Some(claim.as_str()), _ => None },
        "line": hit.line,
        "column": hit.column,
        "start": hit.chars.start,
        "end": hit.chars.end,
        "start_byte": hit.span.start,
        "end_byte": hit.span.end,
        "text": &hit.context.text[hit.context.hit.clone()],
        "context": hit.context.text,
    })
}
