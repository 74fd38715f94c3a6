//! The claims panel and the note editor.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::super::app::AppState;
use super::super::fold::fold;
use super::super::geometry::inner;
use super::super::popup::{ClaimsPanel, NoteEditor};
use super::super::update::{PanelRow, claim_conflicts, panel_rows};
use super::conflicts;
use super::list::fit;
use super::pane;
use super::panels::centered;
use super::styled::safe;
use gloss_core::annotations::session::{NoteEdit, NoteTarget};
use gloss_core::annotations::{Claim, Verdict};
use gloss_core::text::counted;

/// The claims of the article, over the list when it is shown; conflicts a merge left are
/// shown first (the article's own) or under their claim.
pub fn draw_claims(state: &AppState, panel: &ClaimsPanel, list: Option<Rect>, frame: &mut Frame) {
    let theme = state.theme;
    let area = list.unwrap_or_else(|| centered(frame.area(), 70, 24));
    let width = usize::from(inner(area).width);
    let record = state.reader.as_ref().and_then(|r| state.notes.record(r.article));
    let rows = panel_rows(state);
    let mut lines: Vec<Line> = article_note(state, width);
    let mut selected_line = 0;
    for (index, row) in rows.iter().enumerate() {
        let chosen = index == panel.selected;
        if chosen {
            selected_line = lines.len();
        }
        let style = if chosen { theme.selected() } else { Style::new() };
        match (row, record) {
            (PanelRow::Conflict(_, conflict), Some(record)) => {
                lines.extend(conflicts::lines(record, conflict, (marker(chosen), style), width, theme));
            }
            (PanelRow::Conflict(..), None) => {}
            (PanelRow::Claim(claim), _) => claim_lines(state, claim, chosen, width, &mut lines),
        }
    }
    let claims = rows.iter().filter(|r| matches!(r, PanelRow::Claim(_))).count();
    let waiting = record.map_or(0, |r| r.conflicts.len());
    let title = match waiting {
        0 => format!(" Claims ({claims}) "),
        n => format!(" Claims ({claims}) · {} to settle ", counted(n, "conflict", "conflicts")),
    };
    let height = usize::from(inner(area).height);
    let scroll = selected_line.saturating_sub(height.saturating_sub(3));
    frame.render_widget(Clear, area);
    frame.render_widget(pane(Line::from(title), true, theme), area);
    frame.render_widget(Paragraph::new(lines).scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)), inner(area));
}

/// A claim's rows: its summary, its quote, its note, and a line per conflict on it.
fn claim_lines(state: &AppState, claim: &Claim, chosen: bool, width: usize, lines: &mut Vec<Line<'static>>) {
    let theme = state.theme;
    let row = if chosen { theme.selected() } else { Style::new() };
    let waiting = claim_conflicts(state, &claim.id);
    lines.push(summary(state, claim, chosen, !waiting.is_empty(), width).style(row));
    let quote = format!("    “{}”", safe(&claim.anchor.quote).split_whitespace().collect::<Vec<_>>().join(" "));
    lines.push(Line::styled(fit(&quote, width), theme.dim()));
    if !claim.note.trim().is_empty() {
        let note = format!("    ✎ {}", safe(&claim.note).split_whitespace().collect::<Vec<_>>().join(" "));
        lines.push(Line::raw(fit(&note, width)));
    }
    let Some(record) = state.reader.as_ref().and_then(|r| state.notes.record(r.article)) else { return };
    for (_, conflict) in waiting {
        lines.extend(conflicts::lines(record, conflict, ("    ", Style::new()), width, theme));
    }
}

fn marker(chosen: bool) -> &'static str {
    if chosen { "› " } else { "  " }
}

/// The article's note, first in the panel (up to six lines; `A` edits it).
fn article_note(state: &AppState, width: usize) -> Vec<Line<'static>> {
    let record = state.reader.as_ref().and_then(|r| state.notes.record(r.article));
    let Some(note) = record.map(|r| r.note.trim()).filter(|n| !n.is_empty()) else { return Vec::new() };
    let mut lines: Vec<Line> = fold(&format!("✎ Article: {note}"), width, 6)
        .into_iter()
        .map(|l| Line::styled(l, state.theme.note()))
        .collect();
    lines.push(Line::default());
    lines
}

/// A claim's first line: the conflict mark, its tags in their colours, the flag and the verdict.
fn summary<'a>(state: &AppState, claim: &Claim, chosen: bool, conflicted: bool, width: usize) -> Line<'a> {
    let theme = state.theme;
    let mut spans = vec![Span::raw(marker(chosen))];
    if conflicted {
        spans.push(Span::styled(format!("{} ", conflicts::MARK), theme.error()));
    }
    if claim.orphaned {
        spans.push(Span::styled("⚠ orphaned ", theme.error()));
    }
    for (i, tag) in claim.tags.iter().enumerate() {
        let style = state.notes.session.vocabulary().get(tag).map_or(theme.dim(), |t| theme.tag(t.colour));
        spans.push(Span::styled(format!("{}{tag}", if i > 0 { ", " } else { "" }), style));
    }
    if claim.tags.is_empty() {
        spans.push(Span::styled("untagged", theme.dim()));
    }
    if claim.check_worthy {
        spans.push(Span::styled(" !", theme.key()));
    }
    if claim.verdict != Verdict::Undetermined {
        spans.push(Span::raw(format!(" [{}]", claim.verdict)));
    }
    let used: usize = spans.iter().map(|s| s.content.chars().count()).sum();
    if used > width {
        return Line::raw(fit(&spans.iter().map(|s| s.content.as_ref()).collect::<String>(), width));
    }
    Line::from(spans)
}

/// The note editor in the middle of the screen.
pub fn draw_editor(state: &AppState, editor: &NoteEditor, frame: &mut Frame) {
    let theme = state.theme;
    let screen = frame.area();
    let area =
        centered(screen, screen.width.saturating_sub(8).clamp(30, 90), screen.height.saturating_sub(6).clamp(6, 16));
    let session = &state.notes.session;
    let title = match session.note_edit() {
        Some(NoteEdit { id: article, on: NoteTarget::Claim(id), .. }) => {
            let quote = session
                .store()
                .articles
                .get(article)
                .and_then(|r| r.claims.iter().find(|c| &c.id == id))
                .map(|c| safe(&c.anchor.quote).split_whitespace().collect::<Vec<_>>().join(" "))
                .unwrap_or_default();
            format!(" Note on “{}” ", fit(&quote, usize::from(area.width).saturating_sub(14)))
        }
        _ => " Note on this article ".to_owned(),
    };
    frame.render_widget(Clear, area);
    frame.render_widget(pane(Line::from(title), true, theme), area);
    let inside = inner(area);
    let text = Rect { height: inside.height.saturating_sub(1), ..inside };
    let hint_area = Rect { y: inside.y + inside.height.saturating_sub(1), height: 1, ..inside };
    frame.render_widget(&editor.textarea, text);
    let hint = if editor.confirm_discard {
        Line::styled("Throw away the changes to this note? enter: throw away · esc: keep editing", theme.error())
    } else {
        Line::styled("esc keeps the note · ctrl-x throws changes away · saved as you type", theme.dim())
    };
    frame.render_widget(Paragraph::new(hint), hint_area);
}
