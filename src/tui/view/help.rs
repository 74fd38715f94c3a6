//! Help: every binding of the live keymap, by context, with what it does.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::super::app::AppState;
use super::super::geometry::inner;
use super::pane;
use crate::keymap::{Context, Keymap};
use crate::tui::action::Action;
use gloss_core::annotations::Vocabulary;
use gloss_core::entities::Kind;

/// Headings for the contexts, in the order help lists them.
pub(super) const SECTIONS: &[(Context, &str)] = &[
    (Context::Global, "Everywhere"),
    (Context::List, "Article list"),
    (Context::Reader, "Reader"),
    (Context::Entities, "Entity panel"),
    (Context::Claims, "Claims panel"),
    (Context::Editor, "Note editor (other keys type; arrows, ctrl-left/right words, ctrl-a/e line ends, paste)"),
    (Context::Picker, "Choosing from a list"),
    (Context::Dialog, "Choosing from a list you can type into"),
    (Context::Export, "Export dialog (other keys edit the file name)"),
    (Context::Search, "Search line (other keys type the query; ctrl-w erases a word)"),
    (Context::CorpusSearch, "Search every article (other keys type the query; ctrl-w erases a word)"),
    (Context::Compare, "Disagreement view (D in the reader, with other analysts' stores: --compare)"),
    (Context::Help, "This help"),
];

pub fn draw(state: &AppState, scroll: usize, frame: &mut Frame) {
    let vocabulary = state.notes.session.vocabulary();
    let screen = frame.area();
    let width = screen.width.saturating_sub(4).clamp(screen.width.min(40), 100);
    let height = screen.height.saturating_sub(4).max(screen.height.min(6));
    let area = super::panels::centered(screen, width, height);
    let lines = help_lines(&state.keymap, state.theme, vocabulary);
    let shown = usize::from(inner(area).height);
    let scroll = scroll.min(lines.len().saturating_sub(shown));
    frame.render_widget(Clear, area);
    frame.render_widget(pane(Line::from(" Help — esc to close "), true, state.theme), area);
    frame.render_widget(Paragraph::new(lines).scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)), inner(area));
}

/// Every binding in the keymap, a heading per context.
pub fn help_lines(
    keymap: &Keymap<Action>,
    theme: crate::tui::theme::Theme,
    vocabulary: &Vocabulary,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for &(context, heading) in SECTIONS {
        let bindings: Vec<(Action, String)> = keymap
            .bindings(context)
            .filter(|(_, chords)| !chords.is_empty())
            .map(|(action, chords)| (action, chords.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")))
            .collect();
        if bindings.is_empty() {
            continue;
        }
        let key_width = bindings.iter().map(|(_, keys)| keys.chars().count()).max().unwrap_or(0).max(16);
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(heading, theme.accent().patch(theme.title())));
        for (action, keys) in bindings {
            // Tag keys say which tag they toggle, from the vocabulary in use.
            let about = match action.tag_slot() {
                Some(slot) => vocabulary.slot(slot).map_or_else(
                    || format!("Tag {slot}: none in this vocabulary"),
                    |tag| format!("Toggle tag {}: {}", tag.name, tag.description),
                ),
                None => action.about(context).to_owned(),
            };
            lines
                .push(Line::from(vec![Span::styled(format!("  {keys:<key_width$}  "), theme.key()), Span::raw(about)]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled("Entity colours", theme.accent().patch(theme.title())));
    for &kind in Kind::ALL {
        let sample = if theme.color { kind.name().to_owned() } else { format!("Name[{}]", kind.name()) };
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(format!("{sample:<14}"), theme.entity(kind, true)),
            Span::raw(format!("  {}", kind.about())),
        ]));
    }
    lines.push(Line::styled(
        "  Bold: a name from the gazetteer or yours. Plain or italic: a name gloss guessed.",
        theme.dim(),
    ));
    lines
}
