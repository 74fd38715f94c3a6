//! `gloss show FILE|URL`: what the reader would show of a file or a page, for scripts and for
//! checking extraction.

use std::io::{self, Write};
use std::path::PathBuf;

use gloss_core::corpus::{self, Article, Origin, read_documents};
use gloss_core::library::http::{Client, Fetched, Limits};
use gloss_core::text::inert::{json as inert_json, terminal};

use super::{Failure, Format};

/// Prints the articles of `target` (a file, or an `http(s)://` URL): metadata, then text.
pub fn show(target: &str, format: Format) -> Result<(), Failure> {
    let articles = if target.starts_with("http://") || target.starts_with("https://") {
        from_url(target)?
    } else {
        from_file(target)?
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    for (index, article) in articles.iter().enumerate() {
        let written = match format {
            Format::Json => match inert_json::to_string(&json(article)) {
                Ok(line) => writeln!(out, "{line}"),
                Err(error) => return Err(Failure::Failed(format!("cannot write the article as JSON: {error}"))),
            },
            Format::Text if index > 0 => write!(out, "\n{}", text(article)),
            Format::Text => write!(out, "{}", text(article)),
        };
        if written.and_then(|()| out.flush()).is_err() {
            // The reader of our output went away (`| head`): stop quietly.
            return Ok(());
        }
    }
    Ok(())
}

fn from_file(path: &str) -> Result<Vec<Article>, Failure> {
    let discovery = corpus::discover(&[PathBuf::from(path)]);
    if let Some(problem) = discovery.problems.first() {
        return Err(Failure::Failed(terminal::inline(&problem.to_string()).into_owned()));
    }
    let (articles, problems) = corpus::load_all(discovery);
    match problems.first() {
        Some(problem) => Err(Failure::Failed(terminal::inline(&problem.to_string()).into_owned())),
        None => Ok(articles),
    }
}

fn from_url(url: &str) -> Result<Vec<Article>, Failure> {
    let failed = |why: String| Failure::Failed(terminal::inline(&why).into_owned());
    let Fetched::Body(download) = Client::new(Limits::default()).get(url, None).map_err(|e| failed(e.to_string()))?
    else {
        return Err(failed(format!("{url}: the server said not modified to a plain request")));
    };
    let format =
        corpus::Format::from_content_type(download.content_type.as_deref(), &download.body).ok_or_else(|| {
            let kind = download.content_type.as_deref().unwrap_or("no content type");
            failed(format!("{url}: the server sent {kind}, which is not a web page or a feed"))
        })?;
    let read =
        read_documents(&download.body, format, Some(&download.url)).map_err(|e| failed(format!("{url}: {e}")))?;
    Ok(read
        .into_iter()
        .map(|mut item| {
            item.document.metadata.url = item.document.metadata.url.take().or_else(|| Some(download.url.clone()));
            Article::from_document(Origin::File(PathBuf::from(url)), &item.document, item.decoding)
        })
        .collect())
}

/// The fields `--format json` gives, also the ones the text form prints.
fn json(article: &Article) -> serde_json::Value {
    let metadata = article.metadata();
    let header = article.header();
    serde_json::json!({
        "path": article.origin().display_path(),
        "title": article.title(),
        "source": header.source,
        "date": header.date,
        "byline": metadata.byline,
        "url": metadata.url,
        "words": article.words(),
        "text": article.text(),
    })
}

/// Metadata lines, a blank line, the text; every character shown as the terminal policy says.
fn text(article: &Article) -> String {
    let metadata = article.metadata();
    let header = article.header();
    let mut out = format!("title: {}\n", terminal::inline(article.title()));
    for (name, value) in
        [("source", &header.source), ("date", &header.date), ("byline", &metadata.byline), ("url", &metadata.url)]
    {
        if let Some(value) = value {
            out.extend([name, ": ", &terminal::inline(value), "\n"]);
        }
    }
    out.push('\n');
    for line in article.text().lines() {
        out.push_str(&terminal::inline(line));
        out.push('\n');
    }
    out
}
