//! The disagreement view: across the bottom of the screen, the place shown (its text), each
//! analyst's choice there side by side, and the article's agreement figures; the reader above
//! shows the place.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::super::app::AppState;
use super::super::compare::ComparePanel;
use super::super::geometry::inner;
use super::list::fit;
use super::pane;
use super::styled::safe;
use gloss_core::agreement::{Choice, Report, shown, table};
use gloss_core::annotations::{Labels, Verdict};
use unicode_width::UnicodeWidthStr;

pub fn draw(state: &AppState, panel: &ComparePanel, frame: &mut Frame) {
    if panel.figures_shown {
        draw_figures(state, panel, frame);
        return;
    }
    let theme = state.theme;
    let screen = frame.area();
    let rows = u16::try_from(panel.names.len()).unwrap_or(u16::MAX);
    let height = (rows + 6).min(screen.height.saturating_sub(1) / 2).max(5).min(screen.height.saturating_sub(1));
    let area = Rect { y: screen.y + screen.height.saturating_sub(1 + height), height, ..screen };
    let width = usize::from(inner(area).width);
    let title = match panel.items.len() {
        0 => " Disagreements: none ".to_owned(),
        n => format!(" Disagreement {} of {n} ", panel.selected + 1),
    };
    let mut lines = Vec::new();
    match panel.item() {
        Some(item) => {
            let text = state.articles.get(panel.article).and_then(|a| a.text().get(item.span.clone())).unwrap_or("");
            lines.push(Line::styled(fit(&format!("“{}”", one_line(text)), width), theme.dim()));
            // One's own name carries " (you)"; two spaces after the longest.
            let name_width = panel.names.iter().map(|n| safe(n).width()).max().unwrap_or(0) + " (you)".len() + 2;
            for (row, (name, choice)) in panel.names.iter().zip(&item.choices).enumerate() {
                lines.push(choice_line(state, panel, row, name, choice, name_width, width));
            }
        }
        None => lines.push(Line::raw("No disagreements in this article: every analyst who annotated it chose alike.")),
    }
    lines.push(Line::default());
    lines.push(Line::styled(figures_line(&panel.figures), theme.dim()));
    frame.render_widget(Clear, area);
    frame.render_widget(pane(Line::from(title), true, theme), area);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner(area));
}

/// The article's figures in full, as `gloss agreement` prints them for this one article, over
/// the reader (as much of the table as the screen holds).
fn draw_figures(state: &AppState, panel: &ComparePanel, frame: &mut Frame) {
    let screen = frame.area();
    let text = if panel.figures.analysts.len() < 2 {
        "This article's figures need two analysts who annotated it (a claim or an article note).".to_owned()
    } else {
        table(&answered(&panel.figures)) + "(questions nobody answered yes to are left out)"
    };
    let rows = u16::try_from(text.lines().count()).unwrap_or(u16::MAX);
    let height = (rows + 2).min(screen.height.saturating_sub(1));
    let area = Rect { y: screen.y + screen.height.saturating_sub(1 + height), height, ..screen };
    let width = usize::from(inner(area).width);
    let lines: Vec<Line> = text.lines().map(|line| Line::raw(fit(line, width))).collect();
    frame.render_widget(Clear, area);
    frame.render_widget(pane(Line::from(" Agreement on this article "), true, state.theme), area);
    frame.render_widget(Paragraph::new(lines), inner(area));
}

/// `report` without the questions nobody answered yes to (every figure of them n/a), so the
/// table fits the screen; "any claim" always stays.
fn answered(report: &Report) -> Report {
    let mut report = report.clone();
    report.questions.retain(|f| f.question == "any claim" || f.marked.iter().any(|&m| m > 0));
    for pair in &mut report.pairs {
        pair.spans.retain(|s| s.question == "any claim" || s.first + s.second > 0);
    }
    report
}

/// One analyst's choice: a marker on the chosen one, the name (`(you)` on one's own), then
/// their tags in their colours, the flag, the verdict, and their span when it is not the one
/// shown.
fn choice_line<'a>(
    state: &AppState,
    panel: &ComparePanel,
    row: usize,
    name: &str,
    choice: &Choice,
    name_width: usize,
    width: usize,
) -> Line<'a> {
    let theme = state.theme;
    let chosen = row == panel.analyst;
    let who = if row == 0 { format!("{} (you)", safe(name)) } else { safe(name).into_owned() };
    let padding = " ".repeat(name_width.saturating_sub(who.width()));
    let mut spans = vec![Span::raw(if chosen { "› " } else { "  " }), Span::raw(format!("{who}{padding}"))];
    match choice {
        Choice::NotAnnotated => spans.push(Span::styled("has not annotated this article", theme.dim())),
        Choice::NotTagged => spans.push(Span::styled("not tagged", theme.dim())),
        Choice::Claim { labels, span, .. } => {
            spans.extend(label_spans(state, labels));
            let item = panel.item().map(|i| i.span.clone());
            if item.as_ref() != Some(span) {
                let text = state.articles.get(panel.article).and_then(|a| a.text().get(span.clone())).unwrap_or("");
                spans.push(Span::styled(format!("  on “{}”", one_line(text)), theme.dim()));
            }
        }
    }
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let line = if used > width {
        Line::raw(fit(&spans.iter().map(|s| s.content.as_ref()).collect::<String>(), width))
    } else {
        Line::from(spans)
    };
    if chosen { line.style(theme.selected()) } else { line }
}

/// Tags in their colours (`untagged` without), `check-worthy` when flagged, the verdict when set.
fn label_spans<'a>(state: &AppState, labels: &Labels) -> Vec<Span<'a>> {
    let theme = state.theme;
    let mut spans = Vec::new();
    for (i, tag) in labels.tags.iter().enumerate() {
        let style = state.notes.session.vocabulary().get(tag).map_or(theme.dim(), |t| theme.tag(t.colour));
        spans.push(Span::styled(format!("{}{}", if i > 0 { ", " } else { "" }, safe(tag)), style));
    }
    if labels.tags.is_empty() {
        spans.push(Span::styled("untagged", theme.dim()));
    }
    if labels.check_worthy {
        spans.push(Span::styled(", check-worthy", theme.key()));
    }
    if labels.verdict != Verdict::Undetermined {
        spans.push(Span::styled(format!(" [{}]", labels.verdict), Style::new()));
    }
    spans
}

/// The article's figures: kappa for each question someone answered yes, span F1 for two.
fn figures_line(report: &Report) -> String {
    if report.analysts.len() < 2 {
        return "This article's figures need two analysts who annotated it (a claim or an article note).".to_owned();
    }
    let who: Vec<String> = report.analysts.iter().map(|n| safe(n).into_owned()).collect();
    let kappa = if report.analysts.len() == 2 { "Cohen's κ" } else { "Fleiss' κ" };
    let answered: Vec<String> = report
        .questions
        .iter()
        .filter(|f| f.units > 0 && (f.question == "any claim" || f.marked.iter().any(|&m| m > 0)))
        .map(|f| format!("{} {}", safe(&f.question), shown(f.cohen_kappa.or(f.fleiss_kappa))))
        .collect();
    let spans = report.pairs.first().filter(|_| report.pairs.len() == 1).and_then(|pair| {
        let any = pair.spans.iter().find(|s| s.question == "any claim")?;
        Some(format!(" · span F1 {} exact, {} overlapping", shown(any.exact_f1), shown(any.overlap_f1)))
    });
    format!("This article, {}: {kappa} {}{}", who.join(" & "), answered.join(" · "), spans.unwrap_or_default())
}

/// `text` made safe, its whitespace (line breaks too) as single spaces.
fn one_line(text: &str) -> String {
    safe(text).split_whitespace().collect::<Vec<_>>().join(" ")
}
