//! The agreement figures as a table for people: the text `gloss agreement` prints and the
//! disagreement view shows for one article.

use unicode_width::UnicodeWidthStr;

use super::report::{Pair, Report, shown};
use crate::text::{counted, sanitize_inline};

/// The figures as a table for people; every name made safe for the terminal.
pub fn table(report: &Report) -> String {
    let names: Vec<String> = report.analysts.iter().map(|n| sanitize_inline(n).into_owned()).collect();
    let annotated: Vec<String> = names.iter().zip(&report.annotated).map(|(n, a)| format!("{n} {a}")).collect();
    let mut lines = vec![
        format!("analysts: {}", names.join(", ")),
        format!(
            "articles: {}; annotated: {}; by all: {} ({})",
            report.articles,
            annotated.join(", "),
            report.shared,
            counted(report.sentences, "sentence", "sentences")
        ),
        String::new(),
    ];
    let width = report.questions.iter().map(|f| f.question.width()).max().unwrap_or(0).max(12);
    lines.extend(question_rows(report, &names, width));
    for pair in &report.pairs {
        lines.extend(pair_rows(pair, width));
    }
    let kappa = match report.analysts.len() {
        2 => "kappa is Cohen's",
        n if n > 2 => "kappa is Fleiss'",
        _ => "kappa needs two analysts",
    };
    lines.push(String::new());
    lines.push(format!("{kappa}; alpha is Krippendorff's (nominal); n/a: not defined here (see docs/agreement.md)"));
    lines.join("\n") + "\n"
}

/// A header, then a row per question: units, agreed, each analyst's yes-answers, kappa, alpha.
fn question_rows(report: &Report, names: &[String], width: usize) -> Vec<String> {
    let columns: Vec<usize> = names.iter().map(|n| n.width().max(5)).collect();
    let heads: Vec<String> =
        names.iter().zip(&columns).map(|(name, column)| format!("  {}", right(name, *column))).collect();
    let heads = heads.concat();
    let mut rows =
        vec![format!("{:width$}  {:>9}  {:>6}{heads}  {:>6}  {:>6}", "", "sentences", "agreed", "kappa", "alpha")];
    for figures in &report.questions {
        let kappa = figures.cohen_kappa.or(figures.fleiss_kappa);
        let marked: Vec<String> =
            figures.marked.iter().zip(&columns).map(|(marked, column)| format!("  {marked:>column$}")).collect();
        let marked = marked.concat();
        rows.push(format!(
            "{}  {:>9}  {:>6}{marked}  {:>6}  {:>6}",
            left(&sanitize_inline(&figures.question), width),
            figures.units,
            figures.agreed,
            shown(kappa),
            shown(figures.alpha)
        ));
    }
    rows
}

/// Span F1 between two analysts, a row per question.
fn pair_rows(pair: &Pair, width: usize) -> Vec<String> {
    let (first, second) = (sanitize_inline(&pair.first), sanitize_inline(&pair.second));
    let mut rows = vec![
        String::new(),
        format!("span F1, {first} – {second} ({} both annotated)", counted(pair.articles, "article", "articles")),
        format!("{:width$}  {:>13}  {:>6}  {:>7}", "", "claims", "exact", "overlap"),
    ];
    for spans in &pair.spans {
        let claims = format!("{} / {}", spans.first, spans.second);
        let question = left(&sanitize_inline(&spans.question), width);
        rows.push(format!("{question}  {claims:>13}  {:>6}  {:>7}", shown(spans.exact_f1), shown(spans.overlap_f1)));
    }
    rows
}

fn left(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

fn right(text: &str, width: usize) -> String {
    format!("{}{text}", " ".repeat(width.saturating_sub(text.width())))
}
