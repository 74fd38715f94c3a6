//! Popups with lists: the entity panel and choice lists.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::super::app::AppState;
use super::super::geometry::inner;
use super::super::popup::{Choice, EntityPanel};
use super::list::fit;
use super::pane;
use super::styled::safe;
use gloss_core::entities::Kind;

/// The entity panel: over the article list when it is shown, else in the middle.
pub fn draw_entities(state: &AppState, panel: &EntityPanel, list: Option<Rect>, frame: &mut Frame) {
    let theme = state.theme;
    let area = list.unwrap_or_else(|| centered(frame.area(), 60, 24));
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    let mut kind: Option<Kind> = None;
    let width = usize::from(inner(area).width);
    for (index, entity) in panel.entities.iter().enumerate() {
        if kind != Some(entity.kind) {
            kind = Some(entity.kind);
            let count = panel.entities.iter().filter(|e| e.kind == entity.kind).count();
            if !lines.is_empty() {
                lines.push(Line::default());
            }
            // The kind and its count always show; what it covers only when it fits.
            let short = format!("{} ({count})", entity.kind.name());
            let long = format!("{short} · {}", entity.kind.about());
            let heading = if long.chars().count() <= width { long } else { fit(&short, width) };
            lines.push(Line::styled(heading, theme.entity(entity.kind, true)));
        }
        let chosen = index == panel.selected;
        let label = format!("{}{}  ×{}", marker(chosen), safe(&entity.canonical), entity.mentions.len());
        if chosen {
            selected_line = lines.len();
        }
        lines.push(Line::styled(fit(&label, width), if chosen { theme.selected() } else { Style::new() }));
    }
    let height = usize::from(inner(area).height);
    let scroll = selected_line.saturating_sub(height.saturating_sub(2));
    frame.render_widget(Clear, area);
    frame.render_widget(pane(Line::from(" Entities "), true, theme), area);
    frame.render_widget(Paragraph::new(lines).scroll((to_u16(scroll), 0)), inner(area));
}

/// A choice list in the middle of the screen, with what has been typed to narrow it.
pub fn draw_choice(state: &AppState, choice: &Choice, frame: &mut Frame) {
    let theme = state.theme;
    let rows = choice.items.len() + usize::from(choice.filter.is_some());
    let area = centered(frame.area(), 64, to_u16(rows + 2).min(18));
    let width = usize::from(inner(area).width);
    let mut lines: Vec<Line> = Vec::new();
    if let Some(filter) = &choice.filter {
        lines.push(Line::from(vec![
            Span::styled("› ", theme.key()),
            Span::raw(safe(filter).into_owned()),
            Span::styled("▏", theme.dim()),
        ]));
    }
    let shown = choice.shown();
    let height = usize::from(inner(area).height).saturating_sub(lines.len());
    let first = choice.selected.saturating_sub(height.saturating_sub(1));
    for (index, item) in shown.iter().enumerate().skip(first).take(height) {
        let chosen = index == choice.selected;
        let label = format!("{}{}", marker(chosen), safe(&item.label));
        lines.push(Line::styled(fit(&label, width), if chosen { theme.selected() } else { Style::new() }));
    }
    if shown.is_empty() {
        lines.push(Line::styled("nothing matches", theme.dim()));
    }
    frame.render_widget(Clear, area);
    frame.render_widget(pane(Line::from(format!(" {} ", safe(&choice.title))), true, theme), area);
    frame.render_widget(Paragraph::new(lines), inner(area));
}

/// The mark before the selected row, so it shows without colour or reverse video too.
fn marker(selected: bool) -> &'static str {
    if selected { "› " } else { "  " }
}

/// A `width`×`height` box in the middle of `screen`, shrunk to fit.
pub fn centered(screen: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(screen.width);
    let height = height.min(screen.height);
    Rect { x: screen.x + (screen.width - width) / 2, y: screen.y + (screen.height - height) / 2, width, height }
}

fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}
