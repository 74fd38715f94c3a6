//! The export dialog: format, scope and file, what the export will hold, and where it goes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::super::app::AppState;
use super::super::geometry::inner;
use super::super::popup::{ExportDialog, ExportField, OnDisk};
use super::list::fit;
use super::pane;
use super::panels::centered;
use super::styled::safe;

/// Width of the field labels, `Format` and the like, with their margin.
const LABEL: u16 = 10;

pub fn draw(state: &AppState, dialog: &ExportDialog, frame: &mut Frame) {
    let theme = state.theme;
    let screen = frame.area();
    let area = centered(screen, screen.width.saturating_sub(4).clamp(40, 84), 8);
    let inside = inner(area);
    let width = usize::from(inside.width.saturating_sub(LABEL));
    frame.render_widget(Clear, area);
    frame.render_widget(pane(Line::from(" Export "), true, theme), area);

    let label = |field: ExportField, name: &str| {
        let focused = dialog.field == field;
        let text = format!("{}{name:<8}", if focused { "› " } else { "  " });
        Span::styled(text, if focused { theme.selected() } else { theme.key() })
    };
    let choice = |field: ExportField, text: String| {
        let text = fit(&format!("‹ {text} ›"), width);
        Span::styled(text, if dialog.field == field { theme.accent() } else { Style::new() })
    };
    // Rows past the bottom of a short dialog are not drawn.
    let row = |at: u16| Rect { y: inside.y + at, height: u16::from(at < inside.height), ..inside };
    let lines = [
        Line::from(vec![
            label(ExportField::Format, "Format"),
            choice(ExportField::Format, dialog.format.label().into()),
        ]),
        Line::from(vec![
            label(ExportField::Scope, "Scope"),
            choice(ExportField::Scope, safe(&dialog.scope().label()).into()),
        ]),
        Line::from(label(ExportField::Path, "File")),
    ];
    for (at, line) in (0..).zip(lines) {
        frame.render_widget(Paragraph::new(line), row(at));
    }
    let path = row(2);
    frame.render_widget(&dialog.path, Rect { x: path.x + LABEL, width: path.width.saturating_sub(LABEL), ..path });

    let mut note = Vec::new();
    if let Some(target) = &dialog.target {
        let shown = keep_end(&safe(&target.display().to_string()), width.saturating_sub(2));
        note.push(Span::styled(format!("→ {shown}"), theme.dim()));
    }
    let warnings = match &dialog.on_disk {
        Some(OnDisk::File) => vec!["replaces the file there".to_owned()],
        Some(OnDisk::Folder) => vec!["is a folder: give a file name".to_owned()],
        Some(OnDisk::Unreachable(why)) => vec![safe(why).into_owned()],
        Some(OnDisk::Nothing) | None => Vec::new(),
    };
    let other = dialog
        .other_format
        .map(|other| format!(".{} is for {}, not {}", other.extension(), other.name(), dialog.format.name()));
    for warning in warnings.into_iter().chain(other) {
        let gap = if note.is_empty() { "" } else { " · " };
        note.push(Span::styled(format!("{gap}{warning}"), theme.error()));
    }
    let note_row = row(3);
    let note_area = Rect { x: note_row.x + LABEL, width: note_row.width.saturating_sub(LABEL), ..note_row };
    frame.render_widget(Paragraph::new(Line::from(note)), note_area);

    let summary = match dialog.tally {
        None => Line::styled("  Counting…", theme.dim()),
        Some(tally) if tally.articles == 0 => {
            Line::styled("  Nothing to export: no claims or notes in this scope.", theme.error())
        }
        Some(tally) => Line::raw(format!("  Exports {tally}.")),
    };
    frame.render_widget(Paragraph::new(summary), row(5));
}

/// `text` cut to `width` columns from the front, so a long path still shows its file name.
fn keep_end(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return text.to_owned();
    }
    let mut kept = Vec::new();
    let mut used = 1;
    for c in text.chars().rev() {
        used += c.width().unwrap_or(0);
        if used > width {
            break;
        }
        kept.push(c);
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_paths_keep_their_file_name() {
        assert_eq!(super::keep_end("/a/b/brief.md", 20), "/a/b/brief.md");
        assert_eq!(super::keep_end("/very/long/folder/brief.md", 10), "…/brief.md");
    }
}
