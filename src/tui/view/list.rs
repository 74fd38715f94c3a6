//! The article list: title, then source, date, words, claims, notes and read, for the rows on screen only.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::{AppState, Focus};
use super::super::fold::fold;
use super::super::geometry::{TITLE_LINES, inner};
use super::pane;
use super::styled::safe;
use gloss_core::annotations::ArticleRecord;
use gloss_core::corpus::{Article, Decoding};
use gloss_core::listing::Sort;
use gloss_core::text::{counted, group_thousands};

pub fn draw(state: &AppState, frame: &mut Frame, area: Rect) {
    let theme = state.theme;
    let focused = state.focus == Focus::List && state.popup.is_none();
    let mut block = pane(Line::from(title(state)), focused, theme);
    if state.listing.sort != Sort::FileOrder {
        // The order goes in the bottom border, so the filters have the whole top one.
        block = block.title_bottom(Line::from(format!(" {} ", state.listing.sort.short())).right_aligned());
    }
    frame.render_widget(block, area);
    let inside = inner(area);
    let width = usize::from(inside.width);
    let mut y = inside.y;
    for (row, &index) in state.shown_articles().iter().enumerate().skip(state.list.offset) {
        let bottom = inside.y + inside.height;
        if y >= bottom {
            break;
        }
        let lines = row_lines(state, index, row == state.list.selected, focused, width);
        let height = u16::try_from(lines.len()).unwrap_or(u16::MAX).min(bottom - y);
        frame.render_widget(Paragraph::new(lines.clone()), Rect { y, height, ..inside });
        y += height;
    }
}

/// An article's lines in the list: its title on one or two lines, then its details; the
/// selected one marked, reversed when the list has the keys.
fn row_lines(state: &AppState, index: usize, selected: bool, focused: bool, width: usize) -> Vec<Line<'static>> {
    let theme = state.theme;
    let article = &state.articles[index];
    let record = state.notes.record(index);
    let row_style = match (selected, focused) {
        (true, true) => theme.selected(),
        (true, false) => theme.selected_unfocused(),
        _ => Style::new(),
    };
    let marker = if selected { "▌" } else { " " };
    // Unread articles stand out; the ones already opened do not.
    let read = record.is_some_and(|r| r.read);
    let title_style = match (article.header().title_derived, read) {
        (true, _) => theme.derived_title(),
        (false, false) => theme.title(),
        (false, true) => Style::new(),
    };
    let mut lines: Vec<Line> = fold(article.title(), width.saturating_sub(1), TITLE_LINES)
        .into_iter()
        .map(|text| Line::from(vec![Span::raw(marker), Span::styled(text, title_style)]))
        .collect();
    let details = fit(&details(article, record), width.saturating_sub(1));
    lines.push(Line::from(vec![Span::raw(marker), Span::styled(details, theme.dim())]));
    lines.into_iter().map(|line| line.style(row_style)).collect()
}

/// The list's title: how many articles and the filters in words: ` Articles 2/5 · Russia ·
/// check-worthy `.
fn title(state: &AppState) -> String {
    let all = state.articles.len();
    let mut parts = vec![match (state.listing.filters.is_empty(), state.loading.finished) {
        (true, true) => format!("Articles ({all})"),
        // The count of files is not known before the walk of the folders ends.
        (true, false) if state.loading.expected > all => format!("Articles ({all}/{}…)", state.loading.expected),
        (true, false) => format!("Articles ({all}…)"),
        (false, _) => format!("Articles {}/{all}", state.shown_articles().len()),
    }];
    parts.extend(super::super::update::describe_filters(&state.listing.filters).iter().map(|p| safe(p).into_owned()));
    format!(" {} ", parts.join(" · "))
}

/// Date, source and size of an article, for the line under its title: the date first, so a
/// narrow list never cuts it.
fn details(article: &Article, record: Option<&ArticleRecord>) -> String {
    let header = article.header();
    let mut parts: Vec<String> = Vec::new();
    // Conflicts first: they wait for the analyst, and a narrow list must not cut them.
    match record.map_or(0, |r| r.conflicts.len()) {
        0 => {}
        n => parts.push(format!("{} {}", super::conflicts::MARK, counted(n, "conflict", "conflicts"))),
    }
    parts.extend(header.date.clone());
    parts.extend(header.source.as_deref().map(|s| safe(s).into_owned()));
    parts.push(format!("{} words", group_thousands(article.words())));
    if let Some(record) = record {
        let count = |n: usize, one: &str, many: &str| (n > 0).then(|| counted(n, one, many));
        let notes = record.claims.iter().filter(|c| !c.note.trim().is_empty()).count()
            + usize::from(!record.note.trim().is_empty());
        parts.extend(count(record.claims.len(), "claim", "claims"));
        parts.extend(count(notes, "note", "notes"));
        if record.read {
            parts.push("read".to_owned());
        }
    }
    if matches!(article.decoding(), Decoding::Lossy { .. }) {
        parts.push("⚠ bad bytes".to_owned());
    }
    parts.join(" · ")
}

/// Untrusted `text` cut to `width` columns between grapheme clusters, with an ellipsis when it
/// does not fit.
pub fn fit(text: &str, width: usize) -> String {
    gloss_core::text::inert::terminal::fit(text, width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting() {
        assert_eq!(fit("Japan and Korea", 8), "Japan a…");
        assert_eq!(fit("Japan", 8), "Japan");
    }
}
