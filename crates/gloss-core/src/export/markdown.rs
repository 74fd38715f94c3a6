//! The Markdown briefing: totals, then each article with its note and its claims in text order,
//! readable as plain text and rendered alike (GitHub, Obsidian, pandoc). Written an article
//! at a time.

use std::fmt::{self, Write};
use std::io;
use std::path::PathBuf;

use super::RenderError;
use super::model::{ArticleOut, ClaimOut, Export};
use crate::annotations::{Verdict, Vocabulary};
use crate::text::inert::markdown::escape;

/// Writes the briefing for `export` to `out`, tags in `vocabulary` order.
pub fn markdown(export: &Export, vocabulary: &Vocabulary, out: &mut dyn io::Write) -> Result<(), RenderError> {
    let mut text = Text { out, error: None };
    let written = briefing(&mut text, export, vocabulary);
    match (written, text.error) {
        (_, Some(error)) => Err(RenderError::Io(error)),
        (Err(error), None) => Err(RenderError::Text(error)),
        (Ok(()), None) => Ok(()),
    }
}

fn briefing(out: &mut dyn Write, export: &Export, vocabulary: &Vocabulary) -> fmt::Result {
    writeln!(out, "# Briefing: {}\n", escape(&export.corpus))?;
    if let Some(date) = &export.date {
        writeln!(out, "Exported {date}.\n")?;
    }
    totals(out, export, vocabulary)?;
    for article in &export.articles {
        write_article(out, export, article)?;
    }
    Ok(())
}

/// Text written through `fmt::Write` into a byte sink, keeping the sink's error (which
/// `fmt::Error` cannot carry).
struct Text<'a> {
    out: &'a mut dyn io::Write,
    error: Option<io::Error>,
}

impl Write for Text<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.out.write_all(text.as_bytes()).map_err(|error| {
            self.error = Some(error);
            fmt::Error
        })
    }
}

fn totals(out: &mut dyn Write, export: &Export, vocabulary: &Vocabulary) -> fmt::Result {
    let claims: Vec<&ClaimOut> = export.claims().map(|(_, c)| c).collect();
    writeln!(out, "{}.\n", capitalised(&export.tally(super::Format::Markdown).to_string()))?;
    // Tags in vocabulary order, then any the vocabulary no longer has, by name.
    let mut names: Vec<&str> = vocabulary.tags.iter().map(|t| t.name.as_str()).collect();
    let mut others: Vec<&str> =
        claims.iter().flat_map(|c| c.claim.tags.iter().map(String::as_str)).filter(|t| !names.contains(t)).collect();
    others.sort_unstable();
    others.dedup();
    names.extend(others);
    let mut tags: Vec<String> = names
        .into_iter()
        .map(|name| (name, claims.iter().filter(|c| c.claim.tags.iter().any(|t| t == name)).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(name, n)| format!("{} {n}", escape(name)))
        .collect();
    if tags.is_empty() {
        tags.push("none".to_owned());
    }
    let verdicts: Vec<String> = Verdict::ALL
        .iter()
        .map(|&v| (v, claims.iter().filter(|c| c.claim.verdict == v).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(v, n)| format!("{v} {n}"))
        .collect();
    writeln!(out, "| Totals | |\n|---|---|")?;
    writeln!(out, "| Claims by tag | {} |", tags.join(", "))?;
    writeln!(out, "| Check-worthy | {} |", claims.iter().filter(|c| c.claim.check_worthy).count())?;
    writeln!(out, "| Verdicts | {} |\n", if verdicts.is_empty() { "none".to_owned() } else { verdicts.join(", ") })
}

fn write_article(out: &mut dyn Write, export: &Export, article: &ArticleOut) -> fmt::Result {
    writeln!(out, "## {}\n", escape(&article.title))?;
    let mut facts: Vec<String> = Vec::new();
    facts.extend(article.source.as_deref().map(escape));
    facts.extend(article.date.as_deref().map(escape));
    facts.push(match link(export, article, None) {
        Some(target) => format!("[{}]({target})", escape(&article.file)),
        None => format!("{} (built in)", escape(&article.file)),
    });
    facts.push(format!("article {}", code(&article.id)));
    writeln!(out, "{}\n", facts.join(" · "))?;
    if !article.note.trim().is_empty() {
        writeln!(out, "**Article note.** {}\n", paragraphs(&article.note))?;
    }
    for claim in &article.claims {
        write_claim(out, export, article, claim)?;
    }
    Ok(())
}

fn write_claim(out: &mut dyn Write, export: &Export, article: &ArticleOut, claim: &ClaimOut) -> fmt::Result {
    let c = &claim.claim;
    let mut heading = vec![format!("Claim {}", code(&c.id))];
    heading.push(if c.tags.is_empty() { "untagged".to_owned() } else { escape(&c.tags.join(", ")) });
    if c.check_worthy {
        heading.push("check-worthy".to_owned());
    }
    heading.push(format!("verdict: {}", c.verdict));
    writeln!(out, "### {}\n", heading.join(" · "))?;
    for line in c.anchor.quote.lines() {
        writeln!(out, "> {}", escape(line.trim()))?;
    }
    out.write_char('\n')?;
    match claim.place {
        None => {
            writeln!(out, "- ⚠ Orphaned: this text is no longer in the article; the quote is as it was annotated.")?;
        }
        Some(place) => {
            let at =
                format!("{}, line {}, characters {}–{}", escape(&article.file), place.line, place.start, place.end);
            match link(export, article, Some(place.line)) {
                Some(target) => writeln!(out, "- Where: [{at}]({target})"),
                None => writeln!(out, "- Where: {at}"),
            }?;
        }
    }
    if !claim.entities.is_empty() {
        let names: Vec<String> =
            claim.entities.iter().map(|e| format!("{} ({})", escape(&e.canonical), e.kind)).collect();
        writeln!(out, "- Names: {}", names.join(", "))?;
    }
    if !c.note.trim().is_empty() {
        writeln!(out, "- Note: {}", c.note.trim().lines().map(escape).collect::<Vec<_>>().join("  \n  "))?;
    }
    writeln!(out, "- By {} · created {} · modified {}\n", escape(&c.author), escape(&c.created), escape(&c.modified))
}

/// An id as code, when it is one gloss made; anything else (a store edited by hand) as text.
fn code(id: &str) -> String {
    if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        format!("`{id}`")
    } else {
        escape(id)
    }
}

/// `text` with its first letter in capitals.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// A note's paragraphs, with line breaks kept.
fn paragraphs(note: &str) -> String {
    note.trim().lines().map(escape).collect::<Vec<_>>().join("  \n")
}

/// A link to the article's file, relative to where the export is read, at `line` when given
/// (`#L12`, as GitHub and editors read it); `None` for an article with no file.
fn link(export: &Export, article: &ArticleOut, line: Option<usize>) -> Option<String> {
    let location = article.location.as_deref()?;
    let target = match &export.links_from {
        Some(folder) => pathdiff::diff_paths(location, folder).unwrap_or_else(|| location.to_path_buf()),
        None => PathBuf::from(&article.path),
    };
    let encoded = super::link::encode_path(&target.to_string_lossy());
    Some(match line {
        Some(line) => format!("{encoded}#L{line}"),
        None => encoded,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on_disk(path: &str) -> ArticleOut {
        ArticleOut {
            id: "a1".into(),
            file: "my file (1).txt".into(),
            path: path.into(),
            title: "T".into(),
            source: None,
            date: None,
            fingerprint: String::new(),
            location: Some(PathBuf::from("/data/news/my file (1).txt")),
            read: false,
            note: String::new(),
            claims: Vec::new(),
        }
    }

    #[test]
    fn links_are_relative_to_where_the_export_is_and_survive_spaces_and_brackets() {
        let article = on_disk("news/my file (1).txt");
        let mut export = Export { corpus: "news".into(), date: None, articles: Vec::new(), links_from: None };
        assert_eq!(link(&export, &article, Some(3)).unwrap(), "news/my%20file%20%281%29.txt#L3");
        export.links_from = Some(PathBuf::from("/data/briefs"));
        assert_eq!(link(&export, &article, None).unwrap(), "../news/my%20file%20%281%29.txt");
        let built_in = ArticleOut { location: None, ..article };
        assert_eq!(link(&export, &built_in, None), None);
    }
}
