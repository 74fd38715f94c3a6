//! The Markdown briefing: totals, then each article with its note and its claims in text order,
//! readable as plain text and rendered alike (GitHub, Obsidian, pandoc). Written an article
//! at a time.

use std::collections::HashMap;
use std::fmt::{self, Write};
use std::io::{self, Write as _};
use std::path::PathBuf;

use super::model::{ArticleOut, ClaimOut, Export};
use super::{Gathered, RenderError};
use crate::annotations::{Verdict, Vocabulary};
use crate::text::inert::markdown::escape;

/// Writes the briefing for `export` to `out`, tags in `vocabulary` order.
pub fn markdown(export: &Export, vocabulary: &Vocabulary, out: &mut Gathered<'_>) -> Result<(), RenderError> {
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
struct Text<'a, 'b> {
    out: &'a mut Gathered<'b>,
    error: Option<io::Error>,
}

impl Write for Text<'_, '_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.out.write_all(text.as_bytes()).map_err(|error| {
            self.error = Some(error);
            fmt::Error
        })
    }
}

fn totals(out: &mut dyn Write, export: &Export, vocabulary: &Vocabulary) -> fmt::Result {
    let counts = Counts::of(export);
    writeln!(out, "{}.\n", capitalised(&export.tally(super::Format::Markdown).to_string()))?;
    // Tags in vocabulary order, then any the vocabulary no longer has, by name.
    let mut names: Vec<&str> = vocabulary.tags.iter().map(|t| t.name.as_str()).collect();
    let mut others: Vec<&str> = counts.by_tag.keys().copied().filter(|t| !names.contains(t)).collect();
    others.sort_unstable();
    names.extend(others);
    let mut tags: Vec<String> =
        names.into_iter().filter_map(|name| counts.by_tag.get(name).map(|n| format!("{} {n}", escape(name)))).collect();
    if tags.is_empty() {
        tags.push("none".to_owned());
    }
    let verdicts: Vec<String> =
        Verdict::ALL.iter().zip(&counts.by_verdict).filter(|(_, n)| **n > 0).map(|(v, n)| format!("{v} {n}")).collect();
    writeln!(out, "| Totals | |\n|---|---|")?;
    writeln!(out, "| Claims by tag | {} |", tags.join(", "))?;
    writeln!(out, "| Check-worthy | {} |", counts.check_worthy)?;
    writeln!(out, "| Verdicts | {} |\n", if verdicts.is_empty() { "none".to_owned() } else { verdicts.join(", ") })
}

/// What the totals count, in one pass over the claims.
struct Counts<'a> {
    /// Claims with each tag (a claim that carries a tag twice counts once).
    by_tag: HashMap<&'a str, usize>,
    /// Claims with each verdict, in [`Verdict::ALL`] order.
    by_verdict: Vec<usize>,
    check_worthy: usize,
}

impl<'a> Counts<'a> {
    fn of(export: &'a Export) -> Self {
        let mut counts = Counts { by_tag: HashMap::new(), by_verdict: vec![0; Verdict::ALL.len()], check_worthy: 0 };
        for (_, claim) in export.claims() {
            let c = &claim.claim;
            for (i, tag) in c.tags.iter().enumerate() {
                if !c.tags[..i].contains(tag) {
                    *counts.by_tag.entry(tag.as_str()).or_default() += 1;
                }
            }
            if let Some(verdict) = Verdict::ALL.iter().position(|&v| v == c.verdict) {
                counts.by_verdict[verdict] += 1;
            }
            counts.check_worthy += usize::from(c.check_worthy);
        }
        counts
    }
}

fn write_article(out: &mut dyn Write, export: &Export, article: &ArticleOut) -> fmt::Result {
    writeln!(out, "## {}\n", escape(&article.title))?;
    let mut facts: Vec<String> = Vec::new();
    facts.extend(article.source.as_deref().map(escape));
    facts.extend(article.date.as_deref().map(escape));
    // The same for every claim of the article: made once.
    let file = Where { file: escape(&article.file), link: link(export, article, None) };
    facts.push(match &file.link {
        Some(target) => format!("[{}]({target})", file.file),
        None => format!("{} (built in)", file.file),
    });
    facts.push(format!("article {}", code(&article.id)));
    writeln!(out, "{}\n", facts.join(" · "))?;
    if !article.note.trim().is_empty() {
        writeln!(out, "**Article note.** {}\n", paragraphs(&article.note))?;
    }
    for claim in &article.claims {
        write_claim(out, &file, claim)?;
    }
    Ok(())
}

/// An article's file as its claims point at it: its name escaped, and the link to it.
struct Where {
    file: String,
    link: Option<String>,
}

fn write_claim(out: &mut dyn Write, file: &Where, claim: &ClaimOut) -> fmt::Result {
    let c = &claim.claim;
    write!(out, "### Claim {} · ", code(&c.id))?;
    if c.tags.is_empty() {
        out.write_str("untagged")?;
    } else {
        out.write_str(&escape(&c.tags.join(", ")))?;
    }
    if c.check_worthy {
        out.write_str(" · check-worthy")?;
    }
    writeln!(out, " · verdict: {}\n", c.verdict)?;
    for line in c.anchor.quote.lines() {
        writeln!(out, "> {}", escape(line.trim()))?;
    }
    out.write_char('\n')?;
    match claim.place {
        None => {
            writeln!(out, "- ⚠ Orphaned: this text is no longer in the article; the quote is as it was annotated.")?;
        }
        Some(place) => {
            let at = format_args!("{}, line {}, characters {}–{}", file.file, place.line, place.start, place.end);
            // What `link` makes for a line: the article's link and `#L` the line.
            match &file.link {
                Some(target) => writeln!(out, "- Where: [{at}]({target}#L{})", place.line),
                None => writeln!(out, "- Where: {at}"),
            }?;
        }
    }
    for (i, entity) in claim.entities.iter().enumerate() {
        let before = if i == 0 { "- Names: " } else { ", " };
        write!(out, "{before}{} ({})", escape(&entity.canonical), entity.kind)?;
    }
    if !claim.entities.is_empty() {
        out.write_char('\n')?;
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
