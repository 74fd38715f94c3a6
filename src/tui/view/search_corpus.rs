//! The corpus search popup: the query, how far the search has got, and the hits — each the
//! article's title, where the hit is, and its sentence with the match lit up.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::super::app::AppState;
use super::super::geometry::inner;
use super::super::search::CorpusPanel;
use super::super::theme::Theme;
use super::list::fit;
use super::pane;
use super::panels::centered;
use super::search::query_line;
use super::styled::safe;
use gloss_core::search::{Context as HitContext, Field, Hit};
use gloss_core::text::{counted, group_thousands};

pub fn draw(state: &AppState, panel: &CorpusPanel, frame: &mut Frame) {
    let theme = state.theme;
    let screen = frame.area();
    let width = screen.width.saturating_sub(4).clamp(screen.width.min(40), 120);
    let area = centered(screen, width, screen.height.saturating_sub(2).max(screen.height.min(8)));
    let inside = inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(pane(Line::from(" Search every article "), true, theme), area);

    let summary = summary(panel, theme);
    let room = usize::from(inside.width).saturating_sub(summary.width() + 1);
    let top = Rect { height: 1.min(inside.height), ..inside };
    frame.render_widget(Paragraph::new(query_line(&panel.input, room, theme)), top);
    frame.render_widget(Paragraph::new(summary.right_aligned()), top);

    let list = Rect { y: inside.y + 2, height: inside.height.saturating_sub(2), ..inside };
    let (lines, selected_line) = hit_lines(state, panel, usize::from(list.width));
    let height = usize::from(list.height);
    // The selected hit in view, with its article's title above it when there is room.
    let scroll = (selected_line + 1).saturating_sub(height);
    frame.render_widget(Paragraph::new(lines).scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)), list);
}

/// How many hits, in how many articles, or how far the search has got; or what is wrong.
fn summary(panel: &CorpusPanel, theme: Theme) -> Line<'static> {
    let hits = panel.hits.len();
    let text = match (&panel.input.error, panel.progress) {
        (Some(error), _) => return Line::styled(safe(error).into_owned(), theme.error()),
        (None, None) => return Line::styled("text, titles and notes", theme.dim()),
        (None, Some(p)) if !p.done => {
            format!(
                "searching… {} of {} articles · {}",
                group_thousands(p.searched),
                group_thousands(p.total),
                counted(hits, "hit", "hits")
            )
        }
        (None, Some(_)) if hits == 0 => "no hits".to_owned(),
        (None, Some(p)) if p.truncated => {
            format!("the first {} in {}", counted(hits, "hit", "hits"), counted(panel.articles, "article", "articles"))
        }
        (None, Some(_)) => {
            format!("{} in {}", counted(hits, "hit", "hits"), counted(panel.articles, "article", "articles"))
        }
    };
    Line::styled(text, theme.dim())
}

/// The hits grouped under their articles' titles: a line per hit with where it is and its
/// sentence; and which line is the selected hit's.
fn hit_lines(state: &AppState, panel: &CorpusPanel, width: usize) -> (Vec<Line<'static>>, usize) {
    let theme = state.theme;
    let mut lines = Vec::new();
    let mut selected_line = 0;
    let mut article = None;
    for (index, hit) in panel.hits.iter().enumerate() {
        if article != Some(hit.article) {
            article = Some(hit.article);
            let title = state.articles.get(hit.article).map_or_else(String::new, |a| safe(a.title()).into_owned());
            lines.push(Line::styled(fit(&title, width), theme.title().patch(theme.accent())));
        }
        let selected = index == panel.selected;
        if selected {
            selected_line = lines.len();
        }
        let marker = TextSpan::styled(if selected { "› " } else { "  " }, theme.key());
        let place = TextSpan::styled(
            format!("{:<PLACE_WIDTH$}", place(hit)),
            if selected { theme.selected() } else { theme.dim() },
        );
        let mut line = snippet(&hit.context, width.saturating_sub(2 + PLACE_WIDTH), theme);
        line.spans.splice(0..0, [marker, place]);
        lines.push(line);
    }
    (lines, selected_line)
}

/// Columns for where a hit is: `claim note`, `line 12345`, and a space.
const PLACE_WIDTH: usize = 11;

/// Where a hit is, for people: `line 12`, `title`, `note`, `claim note`.
pub fn place(hit: &Hit) -> String {
    match &hit.field {
        Field::Text { headline: true } | Field::Title => "title".to_owned(),
        Field::Text { headline: false } => format!("line {}", hit.line),
        Field::ArticleNote => "note".to_owned(),
        Field::ClaimNote { .. } => "claim note".to_owned(),
    }
}

/// The sentence around a hit in `width` columns, cut at the front when needed so the match
/// shows, with the match lit up.
pub fn snippet(context: &HitContext, width: usize, theme: Theme) -> Line<'static> {
    let before = safe(&context.text[..context.hit.start]).into_owned();
    let hit = safe(&context.text[context.hit.clone()]).into_owned();
    let after = safe(&context.text[context.hit.end..]).into_owned();
    let keep = if before.width() + hit.width() <= width { before.width() } else { width / 3 };
    let mut shown = before.as_str();
    while shown.width() > keep {
        let mut chars = shown.chars();
        chars.next();
        shown = chars.as_str();
    }
    let cut = if shown.len() < before.len() { "…" } else { "" };
    let shown =
        if cut.is_empty() { shown } else { shown.get(shown.chars().next().map_or(0, char::len_utf8)..).unwrap_or("") };
    Line::from(vec![
        TextSpan::styled(cut, theme.dim()),
        TextSpan::raw(shown.to_owned()),
        TextSpan::styled(hit, theme.hit()),
        TextSpan::styled(after, Style::new()),
    ])
}
