//! Conflicts as the claims panel shows them: the field, the value it holds (kept) and the
//! other value(s) a merge brought, one under the other.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::super::fold::fold;
use super::super::theme::Theme;
use super::list::fit;
use super::styled::safe;
use gloss_core::annotations::ArticleRecord;
use gloss_core::annotations::conflict::{CLAIM_FIELD, Conflict, Value};
use gloss_core::annotations::merge::fields::{claim_get, record_get};

/// The mark of a conflict, in the panel and before a claim that has one.
pub const MARK: &str = "≠";

/// One conflict: a line naming the field, then the value it holds (kept) and each other
/// value a merge brought, one under the other so they read side by side in a narrow panel.
/// `lead` goes first (the selection mark, or an indent under a claim); `style` is the first
/// line's.
pub fn lines(
    record: &ArticleRecord,
    conflict: &Conflict,
    (lead, style): (&str, Style),
    width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let what = match (&conflict.claim, record_has(record, conflict)) {
        (None, _) => format!("article {}", field_name(&conflict.field)),
        (Some(_), true) => field_name(&conflict.field),
        (Some(id), false) => format!("claim {id} (gone here): {}", field_name(&conflict.field)),
    };
    let indent = " ".repeat(lead.chars().count() + 2);
    let heading = fit(&format!("{lead}{MARK} {what} differs"), width);
    // The mark in the error colour, so conflicts stand out without reading them.
    let mut out = vec![match heading.split_once(MARK) {
        Some((before, after)) => Line::from(vec![
            Span::raw(before.to_owned()),
            Span::styled(MARK, theme.error()),
            Span::raw(after.to_owned()),
        ])
        .style(style),
        None => Line::styled(heading, style),
    }];
    let kept = current(record, conflict).map_or_else(|| "nothing".to_owned(), |v| describe(&v));
    out.extend(value_lines(&indent, "kept  ", &kept, width).into_iter().map(Line::raw));
    for other in &conflict.other_values {
        let lines = value_lines(&indent, "other ", &describe(other), width);
        out.extend(lines.into_iter().map(|l| Line::styled(l, theme.key())));
    }
    out
}

/// A value under its label, wrapped to at most [`VALUE_LINES`] lines, so a long note reads
/// whole in a narrow panel.
fn value_lines(indent: &str, label: &str, value: &str, width: usize) -> Vec<String> {
    let lead = indent.chars().count() + label.chars().count();
    let pad = " ".repeat(lead);
    fold(value, width.saturating_sub(lead).max(8), VALUE_LINES)
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            fit(&format!("{}{line}", if i == 0 { format!("{indent}{label}") } else { pad.clone() }), width)
        })
        .collect()
}

/// How many lines a value may take before it is cut.
const VALUE_LINES: usize = 3;

fn record_has(record: &ArticleRecord, conflict: &Conflict) -> bool {
    conflict.claim.as_ref().is_some_and(|id| record.claims.iter().any(|c| &c.id == id))
}

fn field_name(field: &str) -> String {
    if field == CLAIM_FIELD { "the claim itself".to_owned() } else { field.replace('_', " ") }
}

/// The value the field holds now.
fn current(record: &ArticleRecord, conflict: &Conflict) -> Option<Value> {
    match &conflict.claim {
        None => record_get(record, &conflict.field),
        Some(id) => {
            let claim = record.claims.iter().find(|c| &c.id == id)?;
            if conflict.field == CLAIM_FIELD {
                return Some(Value::Text("the claim".to_owned()));
            }
            claim_get(claim, &conflict.field)
        }
    }
}

/// A value as the analyst reads it: text quoted on one line, flags as yes or no.
pub fn describe(value: &Value) -> String {
    match value {
        Value::Text(text) if text.trim().is_empty() => "(empty)".to_owned(),
        Value::Text(text) => format!("“{}”", one_line(text)),
        Value::Flag(flag) => (if *flag { "yes" } else { "no" }).to_owned(),
        Value::Tags(tags) if tags.is_empty() => "no tags".to_owned(),
        Value::Tags(tags) => tags.join(", "),
        Value::Verdict(verdict) => verdict.label(),
        Value::Anchor(anchor) => format!("“{}” at {}", one_line(&anchor.quote), anchor.start),
        Value::Conflicts(conflicts) => format!("{} conflict(s)", conflicts.len()),
        Value::Raw(raw) => one_line(raw.get_ron()),
        Value::Digest(_) => "(a long value, no longer kept)".to_owned(),
        Value::Deleted => "deleted".to_owned(),
    }
}

fn one_line(text: &str) -> String {
    safe(text).split_whitespace().collect::<Vec<_>>().join(" ")
}
