//! The article list: title, then source, date, words, claims, notes and read, for the rows on screen only.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::{AppState, Focus};
use super::super::geometry::{LIST_ROW_HEIGHT, inner, list_rows};
use super::pane;
use super::styled::safe;
use gloss_core::annotations::ArticleRecord;
use gloss_core::corpus::{Article, Decoding};
use gloss_core::listing::Sort;

pub fn draw(state: &AppState, frame: &mut Frame, area: Rect) {
    let theme = state.theme;
    let focused = state.focus == Focus::List && state.popup.is_none();
    let title = Line::from(title(state));
    frame.render_widget(pane(title, focused, theme), area);

    let inside = inner(area);
    let width = usize::from(inside.width);
    let rows = list_rows(area);
    let shown = state.shown_articles();
    let visible = (state.list.offset..shown.len()).take(rows).map(|row| (row, shown[row], &state.articles[shown[row]]));
    for (screen_row, (row, index, article)) in visible.enumerate() {
        let record = state.notes.record(index);
        let y = inside.y + u16::try_from(screen_row).unwrap_or(u16::MAX) * LIST_ROW_HEIGHT;
        let selected = row == state.list.selected;
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
        let title = Line::from(vec![
            Span::raw(marker),
            Span::styled(fit(&safe(article.title()), width.saturating_sub(1)), title_style),
        ]);
        let details = Line::from(vec![
            Span::raw(marker),
            Span::styled(fit(&details(article, record), width.saturating_sub(1)), theme.dim()),
        ]);
        let area = Rect { y, height: LIST_ROW_HEIGHT.min(inside.y + inside.height - y), ..inside };
        frame.render_widget(Paragraph::new(vec![title, details]).style(row_style), area);
    }
}

/// The list's title: how many articles, the filters in words, the order when not file order:
/// ` Articles 2/5 · Russia · check-worthy · by date `.
fn title(state: &AppState) -> String {
    let all = state.articles.len();
    let mut parts = vec![match (state.listing.filters.is_empty(), state.loading.finished) {
        (true, true) => format!("Articles ({all})"),
        (true, false) => format!("Articles ({all}/{}…)", state.loading.expected.max(all)),
        (false, _) => format!("Articles {}/{all}", state.shown_articles().len()),
    }];
    parts.extend(super::super::update::describe_filters(&state.listing.filters).iter().map(|p| safe(p).into_owned()));
    if state.listing.sort != Sort::FileOrder {
        parts.push(state.listing.sort.short().to_owned());
    }
    format!(" {} ", parts.join(" · "))
}

/// Source, date and size of an article, for its second row.
fn details(article: &Article, record: Option<&ArticleRecord>) -> String {
    let header = article.header();
    let mut parts: Vec<String> = Vec::new();
    parts.extend(header.source.as_deref().map(|s| safe(s).into_owned()));
    parts.extend(header.date.clone());
    parts.push(format!("{} words", group_thousands(article.words())));
    if let Some(record) = record {
        let count = |n: usize, one: &str| match n {
            0 => None,
            1 => Some(format!("1 {one}")),
            n => Some(format!("{n} {one}s")),
        };
        let notes = record.claims.iter().filter(|c| !c.note.trim().is_empty()).count()
            + usize::from(!record.note.trim().is_empty());
        parts.extend(count(record.claims.len(), "claim"));
        parts.extend(count(notes, "note"));
        if record.read {
            parts.push("read".to_owned());
        }
    }
    if matches!(article.decoding(), Decoding::Lossy { .. }) {
        parts.push("⚠ not UTF-8".to_owned());
    }
    parts.join(" · ")
}

/// `12345` as `12,345`.
pub fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `text` cut to `width` columns with an ellipsis when it does not fit.
pub fn fit(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_and_fitting() {
        assert_eq!(group_thousands(1_234_567), "1,234,567");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(fit("Japan and Korea", 8), "Japan a…");
        assert_eq!(fit("Japan", 8), "Japan");
    }
}
