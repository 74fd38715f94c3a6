//! The command line: `gloss [PATH...]` opens the reader; `gloss list` and friends print.

mod agreement;
mod entities;
mod git;
mod network;
mod search;
mod show;
mod teams;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use crate::tui;
use gloss_core::annotations::lookup::LookupError;
use gloss_core::annotations::{
    ArticleSummary, Resolver, Session, Store, Verdict, Vocabulary, article_ids, attach, open_store, read_store, rescue,
};
use gloss_core::config::Paths;
use gloss_core::corpus::{self, Article, Problem, corpus_name};
use gloss_core::entities::{Recognizer, UserGazetteer};
use gloss_core::export;
use gloss_core::library::Library;
use gloss_core::text::inert::{json, terminal};

/// A keyboard-first terminal reader and annotator for news analysts.
#[derive(Debug, Parser)]
#[command(name = "gloss", version, about, long_about = None, subcommand_precedence_over_arg = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Article files and folders to read (default: ./seeds, else the library when it has
    /// articles, else the built-in samples).
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

    /// The library of fetched pages and feed items (default: library in the data folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub library: Option<PathBuf>,

    /// Another analyst's store (or a folder of them) to show beside yours, read-only; repeatable.
    #[arg(long, value_name = "STORE")]
    pub compare: Vec<PathBuf>,
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
    /// Print what the reader would show of a file or a web page: title, source, date, byline,
    /// URL and the clean text.
    Show {
        /// A file (.txt, .md, .html, a feed) or an http(s):// URL.
        target: String,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Fetch web pages (or feeds) and keep each article in the library as a Markdown snapshot.
    Add {
        #[arg(required = true, value_name = "URL")]
        urls: Vec<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Fetch new items of every followed feed into the library.
    Fetch {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Follow feeds: add one, import OPML or newsboat's urls file, list them.
    #[command(subcommand)]
    Feeds(network::FeedsCommand),
    /// Search the articles' text, titles and notes: a line per hit with file, line, column,
    /// code-point offsets and the sentence.
    Search(search::SearchArgs),
    /// Print the name written on your claims, notes and verdicts, and where it comes from.
    Whoami {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print how far analysts agree: per claim type kappa and alpha over sentences, span F1.
    Agreement(agreement::AgreementArgs),
    /// git's merge driver for annotation stores: merges %O %A %B into %A by article, claim and
    /// field; exit 1 when conflicts are kept in the store for gloss to settle.
    MergeDriver(git::MergeDriverArgs),
    /// Sets up a git repository to merge annotation stores with gloss (.gitattributes and
    /// git config merge.gloss.driver); safe to run again.
    GitSetup(git::GitSetupArgs),
}

/// What to export, how, and where.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Article files and folders (default: ./seeds, else the built-in samples).
    pub paths: Vec<PathBuf>,
    /// md (a briefing), json (everything), csv (a row per claim) or w3c (Web Annotation JSON-LD).
    #[arg(long, default_value = "md", value_parser = parse_export_format)]
    pub format: export::Format,
    /// Write here (atomically) instead of to standard output (`-` is standard output).
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
    if let Some(error) = mistyped_command(&cli) {
        error.exit();
    }
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // Messages quote file names and file content (a keymap line, a store value): shown inert.
        Err(Failure::Usage(message)) => {
            eprintln!("gloss: {}", terminal::lines(&message));
            ExitCode::from(2)
        }
        Err(Failure::Failed(message)) => {
            eprintln!("gloss: {}", terminal::lines(&message));
            ExitCode::FAILURE
        }
    }
}

/// `gloss serch x` is a mistyped command, not the reader on a file called `serch`: clap takes
/// any word for a path, so a first path that does not exist, looks like no path and is close to
/// a command's name is a usage error that suggests the command (as clap would, if paths were
/// not allowed there).
fn mistyped_command(cli: &Cli) -> Option<clap::Error> {
    let word = cli.paths.first().filter(|_| cli.command.is_none())?;
    let word = word.to_str().filter(|w| !w.contains(['/', '\\', '.']) && !Path::new(w).exists())?;
    let mut command = Cli::command();
    let (closeness, name) = command
        .get_subcommands()
        .map(|s| (strsim::jaro(word, s.get_name()), s.get_name().to_owned()))
        .max_by(|a, b| a.0.total_cmp(&b.0))?;
    // clap's own threshold for suggestions.
    if closeness <= 0.7 {
        return None;
    }
    let usage = command.render_usage();
    let mut error = clap::Error::new(ErrorKind::InvalidSubcommand).with_cmd(&command);
    error.insert(ContextKind::InvalidSubcommand, ContextValue::String(word.to_owned()));
    error.insert(ContextKind::SuggestedSubcommand, ContextValue::String(name));
    let file = format!("to read a file called '{word}', give its path: ./{word}");
    error.insert(ContextKind::Suggested, ContextValue::StyledStrs(vec![file.into()]));
    error.insert(ContextKind::Usage, ContextValue::StyledStr(usage));
    Some(error)
}

fn run(mut cli: Cli) -> Result<(), Failure> {
    let paths = Paths::from_environment();
    let store_path = cli.store.clone().or_else(|| paths.as_ref().map(Paths::store));
    let library = cli.library.clone().or_else(|| paths.as_ref().map(Paths::library)).map(Library::new);
    let articles = |given: &[PathBuf]| corpus::default_paths(given, library.as_ref());
    match cli.command.take() {
        Some(Command::List { paths: given, format }) => list(&articles(&given), format, store_path.as_deref()),
        Some(Command::Entities { paths: given, format }) => entities::run(&articles(&given), format, paths.as_ref()),
        Some(Command::Export(mut args)) => {
            args.paths = articles(&args.paths);
            export_command(&args, paths.as_ref(), store_path.as_deref())
        }
        Some(Command::Search(mut args)) => {
            args.paths = articles(&args.paths);
            search::search(&args, paths.as_ref(), store_path.as_deref())
        }
        Some(Command::Show { target, format }) => show::show(&target, format),
        Some(Command::Whoami { format }) => teams::whoami(paths.as_ref(), store_path.as_deref(), format),
        Some(Command::Agreement(args)) => agreement::agreement(&args, paths.as_ref(), store_path.as_deref(), articles),
        Some(Command::MergeDriver(args)) => git::merge_driver(&args),
        Some(Command::GitSetup(args)) => git::git_setup(&args),
        Some(Command::Add { urls, format }) => network::add(&urls, &needs(library.as_ref())?, format),
        Some(Command::Fetch { format }) => {
            network::fetch(&feeds_file(paths.as_ref())?, &needs(library.as_ref())?, format)
        }
        Some(Command::Feeds(command)) => {
            let file = feeds_file(paths.as_ref())?;
            match command {
                network::FeedsCommand::Add { url, title } => network::feeds_add(&file, &url, title),
                network::FeedsCommand::Import { file: import } => network::feeds_import(&file, &import),
                network::FeedsCommand::List { format } => network::feeds_list(&file, format),
            }
        }
        None => {
            cli.paths = articles(&cli.paths);
            open(&cli, paths.as_ref(), store_path, library)
        }
    }
}

/// The library, or why there is none.
fn needs(library: Option<&Library>) -> Result<Library, Failure> {
    library.cloned().ok_or_else(|| Failure::Usage("no data folder (is HOME set?): use --library DIR".to_owned()))
}

/// The subscriptions file in the config folder.
fn feeds_file(paths: Option<&Paths>) -> Result<PathBuf, Failure> {
    paths.map(Paths::feeds).ok_or_else(|| Failure::Usage("no config folder (is HOME set?) to keep feeds in".to_owned()))
}

fn open(
    cli: &Cli,
    paths: Option<&Paths>,
    store_path: Option<PathBuf>,
    library: Option<Library>,
) -> Result<(), Failure> {
    let user_keymap = cli.keymap.clone().or_else(|| paths.map(Paths::keymap).filter(|p| p.exists()));
    let keymap = tui::load_keymap(user_keymap.as_deref()).map_err(|e| Failure::Usage(e.to_string()))?;
    let user_path = paths.map(Paths::user_gazetteer);
    let user = user_gazetteer(user_path.as_deref())?;
    let vocabulary = vocabulary(paths)?;
    let opened = open_store(store_path.as_deref(), cli.read_only).map_err(|e| Failure::Usage(e.to_string()))?;
    // Configuration and the store are checked first, so their errors show even without a terminal.
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(Failure::Failed(
            "the reader needs a terminal; to print articles instead, use `gloss list`".to_owned(),
        ));
    }
    let theme = tui::Theme::from_environment();
    let mut state = tui::AppState::new(keymap, theme, ratatui::layout::Rect::default(), vocabulary.clone());
    let settings = teams::settings(paths)?;
    let mut session = Session::new(opened.store, vocabulary);
    session.set_author(teams::author(paths, &settings, store_path.as_deref()).name);
    session.set_names(user);
    session.set_read_only(opened.read_only.clone());
    state.names.user_path = user_path;
    state.notes = tui::Annotations::new(session, None);
    state.exports.corpus = corpus_name(&cli.paths);
    state.feeds.subscriptions = paths.map(Paths::feeds);
    state.feeds.library = library;
    state.exports.dir = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    state.exports.home = directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf());
    if let Some(paths) = paths {
        let (memory, problem) = tui::Memory::open(&paths.data_dir, &cli.paths);
        tui::remember(&mut state, memory);
        if let Some(problem) = problem {
            state.set_error(problem);
        }
    }
    if let Some(why) = &opened.read_only {
        state.set_error(format!("read-only: {why}"));
    } else if !opened.notices.is_empty() {
        state.set_status(opened.notices.join("; "));
    }
    let keeping = match (opened.durable, opened.wait_for) {
        (Some(durable), _) => tui::Keeping::Write(Box::new(durable)),
        (None, Some(real)) => tui::Keeping::WaitFor(real),
        (None, None) => tui::Keeping::Nothing,
    };
    teams::open_compared(&mut state, &cli.compare, &settings, store_path.as_deref());
    let outcome =
        tui::run(state, cli.paths.clone(), keeping).map_err(|e| Failure::Failed(format!("terminal error: {e}")))?;
    warn(&outcome.problems);
    if let Some(why) = &outcome.unfolded {
        eprintln!("gloss: warning: {}", terminal::inline(why));
    }
    if let Some(why) = &outcome.forgot {
        eprintln!("gloss: warning: where you left off is not remembered: {}", terminal::inline(why));
    }
    let result = match (outcome.unsaved, store_path) {
        (Some((store, error)), Some(path)) => Err(Failure::Failed(rescued(&store, &path, &error))),
        _ => Ok(()),
    };
    if let Some(signal) = outcome.signal {
        // Ended from outside: said what there is to say, gloss ends as the signal asked.
        if let Err(Failure::Failed(message) | Failure::Usage(message)) = &result {
            eprintln!("gloss: {}", terminal::lines(message));
        }
        tui::die(signal);
    }
    result
}

/// The last changes could not be written to the store at `path`: writes them beside it (or in
/// the temporary folder) and says where, or that they are lost.
fn rescued(store: &Store, path: &Path, error: &str) -> String {
    match rescue(store, path) {
        Ok(place) => {
            format!(
                "{} could not be saved ({error}); your annotations were written to {}",
                path.display(),
                place.display()
            )
        }
        Err(also) => {
            format!(
                "{} could not be saved ({error}), nor a copy of it ({also}); the last changes are lost",
                path.display()
            )
        }
    }
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
        || Vocabulary::built_in().map_err(|e| Failure::Failed(e.to_string())),
        |paths| Vocabulary::load(&paths.tags()).map_err(|e| Failure::Usage(e.to_string())),
    )
}

/// The store, to read only; none (no data folder) is an empty one.
fn read_only_store(path: Option<&Path>) -> Result<Store, Failure> {
    read_store(path).map_err(|e| Failure::Usage(e.to_string()))
}

fn warn(problems: &[Problem]) {
    for problem in problems {
        eprintln!("gloss: warning: {}", terminal::inline(&problem.to_string()));
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
    let store = read_only_store(store_path)?;
    let resolver = Resolver::new(&store);
    let mut out = io::BufWriter::new(io::stdout().lock());
    for article in &articles {
        let attached = attach(&resolver, &store, article);
        let line = match format {
            Format::Text => list_line(article, &attached.id),
            // The summary counts sentences and paragraphs: only for JSON, as text is read faster.
            Format::Json => json::to_string(&ArticleSummary::of(article, &attached)).map_err(|e| {
                Failure::Failed(format!(
                    "cannot write {} as JSON: {e}",
                    terminal::inline(&article.origin().display_path())
                ))
            })?,
        };
        if let Err(error) = writeln!(out, "{line}") {
            return stopped_printing("the list", &error);
        }
    }
    out.flush().or_else(|error| stopped_printing("the list", &error))
}

/// Ends a printing command whose output could not be written: quietly when its reader went
/// away (`| head`), that being theirs to decide; with an error otherwise, so that a full disk
/// behind `>` does not pass for success.
fn stopped_printing(what: &str, error: &io::Error) -> Result<(), Failure> {
    if error.kind() == io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(Failure::Failed(format!("cannot write {what} to standard output: {error}")))
    }
}

/// id, title, source, date and words, tab-separated; text from articles made safe to print.
fn list_line(article: &Article, id: &str) -> String {
    let header = article.header();
    let or_dash = |value: Option<&str>| value.map_or_else(|| "-".to_owned(), |v| terminal::inline(v).into_owned());
    [
        terminal::inline(id).into_owned(),
        terminal::inline(article.title()).into_owned(),
        or_dash(header.source.as_deref()),
        or_dash(header.date.as_deref()),
        article.words().to_string(),
    ]
    .join("\t")
}

fn export_command(args: &ExportArgs, config: Option<&Paths>, store_path: Option<&Path>) -> Result<(), Failure> {
    let vocabulary = vocabulary(config)?;
    if let Some(unknown) = args.tags.iter().find(|t| vocabulary.get(t).is_none()) {
        let known: Vec<&str> = vocabulary.tags.iter().map(|t| t.name.as_str()).collect();
        return Err(Failure::Usage(format!("unknown tag `{unknown}`; tags are {}", known.join(", "))));
    }
    let store = read_only_store(store_path)?;
    let articles = load(&args.paths)?;
    let filter = export::Filter {
        articles: article_ids(&args.articles, &articles, &store).map_err(|error| {
            Failure::Usage(match error {
                LookupError::NoMatch(name) => {
                    format!("no article matches --article {name}; give its id, file name or file stem (see gloss list)")
                }
                ambiguous @ LookupError::Ambiguous { .. } => format!("--article {ambiguous}"),
            })
        })?,
        tags: args.tags.clone(),
        check_worthy: args.check_worthy,
        verdict: args.verdict,
        all_articles: args.all_articles,
    };
    let user = user_gazetteer(config.map(Paths::user_gazetteer).as_deref())?;
    let recognizer = Recognizer::with_user(&user).map_err(|e| Failure::Failed(format!("gazetteer: {e}")))?;
    let gathered = export::gather(&articles, &store, Some(&recognizer), &filter);
    let mut export = export::Export::new(corpus_name(&args.paths), (!args.no_date).then(export::today), gathered);
    if let Some(path) = args.out.as_ref().filter(|p| p.as_os_str() != "-") {
        let tally = export.write_to(path, args.format, &vocabulary).map_err(|e| Failure::Failed(e.to_string()))?;
        eprintln!("gloss: wrote {tally} to {}", terminal::inline(&path.display().to_string()));
        return Ok(());
    }
    // Links to articles are relative to here, where the output is likely to be saved; with no
    // current folder (it was removed), they stay absolute, which still work.
    export.links_from = std::env::current_dir().ok();
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.format.write_into(&export, &vocabulary, &mut out) {
        Ok(()) => out.flush().or_else(|error| stopped_printing("the export", &error)),
        Err(export::ExportError::Output(error)) => stopped_printing("the export", &error),
        Err(error) => Err(Failure::Failed(error.to_string())),
    }
}
