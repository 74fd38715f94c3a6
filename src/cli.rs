//! The command line: `gloss [PATH...]` opens the reader; `gloss list` and friends print.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::tui;
use gloss_core::annotations::{ArticleRecord, Resolver, Store, StoreLock, Verdict, Vocabulary};
use gloss_core::config::Paths;
use gloss_core::corpus::{self, Article, Decoding, Problem};
use gloss_core::entities::{Recognizer, UserGazetteer};
use gloss_core::export;
use gloss_core::text::{CharOffsets, sanitize_inline};

/// A keyboard-first terminal reader and annotator for news analysts.
#[derive(Debug, Parser)]
#[command(name = "gloss", version, about, long_about = None, subcommand_precedence_over_arg = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Article files and folders to read (default: ./seeds, else the built-in samples).
    pub paths: Vec<PathBuf>,

    /// A keymap file to use over the built-in keys, instead of keymap.ron in the config folder.
    #[arg(long, global = true, value_name = "FILE")]
    pub keymap: Option<PathBuf>,

    /// The annotation store to use (default: annotations.ron in the data folder).
    #[arg(long, global = true, value_name = "FILE")]
    pub store: Option<PathBuf>,

    /// Open the store without changing it (also works when the store cannot be read).
    #[arg(long, global = true)]
    pub read_only: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print one line per article: id, title, source, date and words.
    List {
        /// Article files and folders (default: ./seeds, else the built-in samples).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print the named entities of each article: people, places, organisations, groups, events.
    Entities {
        /// Article files and folders (default: ./seeds, else the built-in samples).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Export claims and notes: a Markdown briefing (default), JSON, CSV or W3C Web Annotation.
    Export(ExportArgs),
}

/// What to export, how, and where.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Article files and folders (default: ./seeds, else the built-in samples).
    pub paths: Vec<PathBuf>,
    /// md (a briefing), json (everything), csv (a row per claim) or w3c (Web Annotation JSON-LD).
    #[arg(long, default_value = "md", value_parser = parse_export_format)]
    pub format: export::Format,
    /// Write here (atomically) instead of to standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Only this article: its id (or the start of it), file name or file stem. Repeatable.
    #[arg(long = "article", value_name = "ID")]
    pub articles: Vec<String>,
    /// Only claims with this tag. Repeatable: claims with any of them.
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Only check-worthy claims.
    #[arg(long)]
    pub check_worthy: bool,
    #[arg(long, value_parser = parse_verdict, help = "Only claims with this verdict (undetermined, \
        in_progress, verified, false, misleading, unverifiable, not_applicable)")]
    pub verdict: Option<Verdict>,
    /// Also list articles without annotations.
    #[arg(long)]
    pub all_articles: bool,
    /// Leave out the export date, so the same annotations always give the same bytes
    /// (GLOSS_EXPORT_DATE=YYYY-MM-DD fixes it instead).
    #[arg(long)]
    pub no_date: bool,
}

fn parse_export_format(text: &str) -> Result<export::Format, String> {
    text.parse()
}

fn parse_verdict(text: &str) -> Result<Verdict, String> {
    text.parse()
}

/// How commands print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tab-separated text for people and `cut`.
    Text,
    /// One JSON object per line.
    Json,
}

/// A command's failure, and the exit code it means.
#[derive(Debug)]
pub enum Failure {
    /// Bad usage or configuration: exit code 2.
    Usage(String),
    /// Anything else: exit code 1.
    Failed(String),
}

/// Runs gloss with the process's arguments and returns its exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("gloss: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Failed(message)) => {
            eprintln!("gloss: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    let paths = Paths::from_environment();
    let store_path = cli.store.clone().or_else(|| paths.as_ref().map(Paths::store));
    match cli.command {
        Some(Command::List { paths: articles, format }) => list(&articles, format, store_path.as_deref()),
        Some(Command::Entities { paths: articles, format }) => entities(&articles, format, paths.as_ref()),
        Some(Command::Export(args)) => export_command(&args, paths.as_ref(), store_path.as_deref()),
        None => open(&cli, paths.as_ref(), store_path),
    }
}

fn open(cli: &Cli, paths: Option<&Paths>, store_path: Option<PathBuf>) -> Result<(), Failure> {
    let user_keymap = cli.keymap.clone().or_else(|| paths.map(Paths::keymap).filter(|p| p.exists()));
    let keymap = tui::load_keymap(user_keymap.as_deref()).map_err(|e| Failure::Usage(e.to_string()))?;
    let user_path = paths.map(Paths::user_gazetteer);
    let user = user_gazetteer(user_path.as_deref())?;
    let vocabulary = vocabulary(paths)?;
    let opened = open_store(store_path.as_deref(), cli.read_only)?;
    // Configuration and the store are checked first, so their errors show even without a terminal.
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(Failure::Failed(
            "the reader needs a terminal; to print articles instead, use `gloss list`".to_owned(),
        ));
    }
    let mut state = tui::AppState::new(keymap, tui::Theme::from_environment(), ratatui::layout::Rect::default());
    state.names.user = user;
    state.names.user_path = user_path;
    state.notes = tui::Annotations::new(opened.store, store_path.clone(), vocabulary);
    state.notes.read_only.clone_from(&opened.read_only);
    state.exports.corpus = corpus_name(&cli.paths);
    state.exports.dir = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    state.exports.home = directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf());
    if let Some(why) = opened.read_only {
        state.set_error(format!("read-only: {why}"));
    }
    let outcome = tui::run(state, cli.paths.clone()).map_err(|e| Failure::Failed(format!("terminal error: {e}")))?;
    drop(opened.lock);
    warn(&outcome.problems);
    match (outcome.unsaved, store_path) {
        (Some((store, error)), Some(path)) => Err(Failure::Failed(rescue(&store, &path, &error))),
        _ => Ok(()),
    }
}

/// The store gloss works on, and whether it may write it.
struct OpenedStore {
    store: Store,
    read_only: Option<String>,
    lock: Option<StoreLock>,
}

/// Reads the store and takes its lock. A store that does not parse stops gloss (exit 2) and
/// is never written; with `--read-only` gloss starts anyway, without its annotations.
fn open_store(path: Option<&Path>, read_only: bool) -> Result<OpenedStore, Failure> {
    let Some(path) = path else {
        let why = "no data folder (is HOME set?): use --store FILE to keep annotations".to_owned();
        return Ok(OpenedStore { store: Store::default(), read_only: Some(why), lock: None });
    };
    let store = match Store::load(path) {
        Ok(store) => store,
        Err(error) if read_only => {
            return Ok(OpenedStore { store: Store::default(), read_only: Some(error.to_string()), lock: None });
        }
        Err(error) => return Err(Failure::Usage(error.to_string())),
    };
    if read_only {
        return Ok(OpenedStore { store, read_only: Some("started with --read-only".into()), lock: None });
    }
    match StoreLock::acquire(path) {
        Ok(lock) => Ok(OpenedStore { store, read_only: None, lock: Some(lock) }),
        Err(error) => Ok(OpenedStore { store, read_only: Some(error.to_string()), lock: None }),
    }
}

/// The last changes could not be written to the store: write them beside it, or failing that
/// to the temporary folder, and say where.
fn rescue(store: &Store, path: &Path, error: &str) -> String {
    let stamp = jiff::Timestamp::now().as_second();
    let name = format!("annotations-unsaved-{stamp}.ron");
    let beside = path.with_file_name(&name);
    let elsewhere = std::env::temp_dir().join(&name);
    for place in [beside, elsewhere] {
        if gloss_core::files::write_atomically(
            &place,
            store.to_ron().as_bytes(),
            None,
            gloss_core::files::NewFile::Private,
        )
        .is_ok()
        {
            return format!(
                "{} could not be saved ({error}); your annotations were written to {}",
                path.display(),
                place.display()
            );
        }
    }
    format!("{} could not be saved ({error}), nor a copy of it; the last changes are lost", path.display())
}

/// The analyst's own names; a file that does not parse stops gloss (it is never overwritten).
fn user_gazetteer(path: Option<&Path>) -> Result<UserGazetteer, Failure> {
    path.map_or_else(
        || Ok(UserGazetteer::default()),
        |p| UserGazetteer::load(p).map_err(|e| Failure::Usage(e.to_string())),
    )
}

/// The claim types: the user's `tags.ron` when there is one, else the built-in ones.
fn vocabulary(config: Option<&Paths>) -> Result<Vocabulary, Failure> {
    config.map_or_else(
        || Ok(Vocabulary::built_in()),
        |paths| Vocabulary::load(&paths.tags()).map_err(|e| Failure::Usage(e.to_string())),
    )
}

/// The store, to read only; none (no data folder) is an empty one.
fn read_store(path: Option<&Path>) -> Result<Store, Failure> {
    path.map_or_else(|| Ok(Store::default()), |p| Store::load(p).map_err(|e| Failure::Usage(e.to_string())))
}

fn warn(problems: &[Problem]) {
    for problem in problems {
        eprintln!("gloss: warning: {}", sanitize_inline(&problem.to_string()));
    }
}

/// Reads the corpus for a printing command, warning about unreadable paths; fails when there
/// is nothing to read at all.
fn load(paths: &[PathBuf]) -> Result<Vec<Article>, Failure> {
    let (articles, problems) = corpus::load_all(corpus::discover(paths));
    warn(&problems);
    if articles.is_empty() {
        return Err(Failure::Failed("no articles found".to_owned()));
    }
    Ok(articles)
}

fn list(paths: &[PathBuf], format: Format, store_path: Option<&Path>) -> Result<(), Failure> {
    let articles = load(paths)?;
    let store = read_store(store_path)?;
    let resolver = Resolver::new(&store);
    let mut out = io::BufWriter::new(io::stdout().lock());
    for article in &articles {
        let identity = resolver.resolve(&article.fingerprint().to_hex(), &article.origin().display_path());
        let record = identity.id().and_then(|id| Some((id, store.articles.get(id)?)));
        let line = match format {
            Format::Text => list_line(article, record.map(|(id, _)| id)),
            Format::Json => list_json(article, record).to_string(),
        };
        if writeln!(out, "{line}").is_err() {
            // The reader of our output went away (`| head`): stop quietly.
            return Ok(());
        }
    }
    let _ = out.flush();
    Ok(())
}

/// An article's id: its record's in the store, else the start of its content fingerprint.
pub fn article_id(article: &Article, in_store: Option<&str>) -> String {
    in_store.map_or_else(|| article.fingerprint().to_hex()[..12].to_owned(), str::to_owned)
}

fn list_line(article: &Article, in_store: Option<&str>) -> String {
    let header = article.header();
    let or_dash = |value: Option<&str>| value.map_or_else(|| "-".to_owned(), |v| sanitize_inline(v).into_owned());
    [
        article_id(article, in_store),
        sanitize_inline(article.title()).into_owned(),
        or_dash(header.source.as_deref()),
        or_dash(header.date.as_deref()),
        article.words().to_string(),
    ]
    .join("\t")
}

fn list_json(article: &Article, record: Option<(&str, &ArticleRecord)>) -> serde_json::Value {
    let header = article.header();
    let structure = article.structure();
    let (claims, notes, read) = record.map_or((0, 0, false), |(_, r)| {
        let notes =
            r.claims.iter().filter(|c| !c.note.trim().is_empty()).count() + usize::from(!r.note.trim().is_empty());
        (r.claims.len(), notes, r.read)
    });
    serde_json::json!({
        "id": article_id(article, record.map(|(id, _)| id)),
        "file": article.origin().file_name(),
        "path": article.origin().display_path(),
        "title": header.title,
        "title_derived": header.title_derived,
        "source": header.source,
        "date": header.date,
        "words": article.words(),
        "sentences": structure.sentences.len(),
        "paragraphs": structure.paragraphs.spans.len(),
        "fingerprint": article.fingerprint().to_hex(),
        "utf8": article.decoding() == Decoding::Utf8 || article.decoding() == Decoding::Utf16,
        "claims": claims,
        "notes": notes,
        "read": read,
    })
}

fn entities(paths: &[PathBuf], format: Format, config: Option<&Paths>) -> Result<(), Failure> {
    let user = user_gazetteer(config.map(Paths::user_gazetteer).as_deref())?;
    let articles = load(paths)?;
    let recognizer = Recognizer::with_user(&user).map_err(|e| Failure::Failed(format!("gazetteer: {e}")))?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    // The corpus's articles support one another: a name found with evidence in one is found bare
    // in the others.
    let found = recognizer.recognize_corpus(&articles);
    for (article, mentions) in articles.iter().zip(found) {
        let written = match format {
            Format::Json => writeln!(out, "{}", entities_json(article, &mentions)),
            Format::Text => write_entities_text(&mut out, article, &mentions),
        };
        if written.is_err() {
            return Ok(());
        }
    }
    let _ = out.flush();
    Ok(())
}

/// One JSON object per article; offsets are code points into the text, end exclusive.
fn entities_json(article: &Article, mentions: &[gloss_core::entities::Mention]) -> serde_json::Value {
    let text = article.text();
    let mut offsets = CharOffsets::new(text);
    let entities: Vec<serde_json::Value> = mentions
        .iter()
        .map(|m| {
            serde_json::json!({
                "start": offsets.of(m.span.start),
                "end": offsets.of(m.span.end),
                "text": &text[m.span.clone()],
                "kind": m.kind,
                "canonical": &*m.canonical,
                "source": m.source,
            })
        })
        .collect();
    serde_json::json!({ "file": article.origin().file_name(), "title": article.title(), "entities": entities })
}

fn write_entities_text(
    out: &mut impl Write,
    article: &Article,
    mentions: &[gloss_core::entities::Mention],
) -> io::Result<()> {
    writeln!(out, "{}\t{}", article.origin().file_name(), sanitize_inline(article.title()))?;
    for mention in mentions {
        let text = sanitize_inline(&article.text()[mention.span.clone()]);
        let canonical = if *mention.canonical == *text {
            String::new()
        } else {
            format!(" → {}", sanitize_inline(&mention.canonical))
        };
        writeln!(out, "  {}\t{}{canonical}\t{:?}", mention.kind, text, mention.source)?;
    }
    Ok(())
}

fn export_command(args: &ExportArgs, config: Option<&Paths>, store_path: Option<&Path>) -> Result<(), Failure> {
    let vocabulary = vocabulary(config)?;
    if let Some(unknown) = args.tags.iter().find(|t| vocabulary.get(t).is_none()) {
        let known: Vec<&str> = vocabulary.tags.iter().map(|t| t.name.as_str()).collect();
        return Err(Failure::Usage(format!("unknown tag `{unknown}`; tags are {}", known.join(", "))));
    }
    let store = read_store(store_path)?;
    let articles = load(&args.paths)?;
    let filter = export::Filter {
        articles: article_ids(&args.articles, &articles, &store)?,
        tags: args.tags.clone(),
        check_worthy: args.check_worthy,
        verdict: args.verdict,
        all_articles: args.all_articles,
    };
    let user = user_gazetteer(config.map(Paths::user_gazetteer).as_deref())?;
    let recognizer = Recognizer::with_user(&user).map_err(|e| Failure::Failed(format!("gazetteer: {e}")))?;
    let gathered = export::gather(&articles, &store, Some(&recognizer), &filter);
    let mut export = export::Export::new(corpus_name(&args.paths), (!args.no_date).then(export::today), gathered);
    if let Some(path) = &args.out {
        let tally = export.write_to(path, args.format, &vocabulary).map_err(|e| Failure::Failed(e.to_string()))?;
        eprintln!("gloss: wrote {tally} to {}", path.display());
        return Ok(());
    }
    // Links to articles are relative to here, where the output is likely to be saved.
    export.links_from = std::env::current_dir().ok();
    match io::stdout().lock().write_all(args.format.write(&export, &vocabulary).as_bytes()) {
        // The reader of our output went away (`| head`): that is theirs to decide.
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            Err(Failure::Failed(format!("cannot write the export to standard output: {error}")))
        }
        _ => Ok(()),
    }
}

/// The store ids of the articles `--article` names: exactly by id, file name or file stem, or
/// by the start of one id.
fn article_ids(wanted: &[String], articles: &[Article], store: &Store) -> Result<Vec<String>, Failure> {
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let known = export::gather(articles, store, None, &export::Filter { all_articles: true, ..Default::default() });
    let mut ids = Vec::new();
    for name in wanted {
        let exact: Vec<&str> = known
            .iter()
            .filter(|a| a.id == *name || a.file == *name || export::stem(&a.file) == name)
            .map(|a| a.id.as_str())
            .collect();
        let by_start: Vec<&str> = known
            .iter()
            .filter(|a| !name.is_empty() && a.id.starts_with(name.as_str()))
            .map(|a| a.id.as_str())
            .collect();
        match (exact.as_slice(), by_start.as_slice()) {
            ([], []) => {
                return Err(Failure::Usage(format!(
                    "no article matches --article {name}; give its id, file name or file stem (see gloss list)"
                )));
            }
            ([], [one]) => ids.push((*one).to_owned()),
            ([], many) => {
                return Err(Failure::Usage(format!(
                    "--article {name} is the start of {} ids ({}); give more of it",
                    many.len(),
                    many.join(", ")
                )));
            }
            (exact, _) => ids.extend(exact.iter().map(|id| (*id).to_owned())),
        }
    }
    Ok(ids)
}

/// What to call the corpus in an export: its folder, or its files.
pub fn corpus_name(paths: &[PathBuf]) -> String {
    let name = |p: &PathBuf| {
        let absolute = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
        absolute.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned())
    };
    match paths {
        [] => corpus::DEFAULT_FOLDER.to_owned(),
        [one] => name(one),
        many => many.iter().map(name).collect::<Vec<_>>().join(", "),
    }
}
