//! The reader: title and metadata, the wrapped text with the sentence cursor, a scrollbar.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::super::action::Action;
use super::super::app::{AppState, Focus};
use super::super::popup::Popup;
use super::super::reader::Reader;
use super::conflicts;
use super::list::fit;
use super::pane;
use super::styled::{Insert, Layer, safe, styled_line};
use crate::keymap::Context;
use gloss_core::annotations::Claim;
use gloss_core::corpus::{Article, Decoding};
use gloss_core::entities::MentionSource;
use gloss_core::text::{Span, WrappedLine};
use gloss_core::text::{counted, group_thousands};

pub fn draw(state: &AppState, frame: &mut Frame, area: Rect) {
    let theme = state.theme;
    // The search line leaves the keys with the text it searches, as far as the eye can tell.
    let focused = state.focus == Focus::Reader && matches!(state.popup, None | Some(Popup::Search(_)));
    let (Some(reader), Some(article)) = (&state.reader, state.current_article()) else {
        let message = if state.loading.finished { " No article " } else { " Loading… " };
        frame.render_widget(pane(Line::from(message), focused, theme), area);
        return;
    };
    let parts = state.reader_parts(area);
    let height = usize::from(parts.text.height);
    let total = reader.wrapped.lines.len();
    let mut block = pane(Line::from(format!(" {} ", safe(&article.origin().file_name()))), focused, theme)
        .title_bottom(Line::from(format!(" {} ", position(reader.place.scroll, total, height))).right_aligned());
    if state.notes.session.read_only().is_some() {
        // Said at every moment, not only at start: keys that change annotations are refused.
        block = block.title_bottom(Line::styled(" read-only ", theme.error()).left_aligned());
    }
    if let Some(waiting) = conflicts_waiting(state, reader.article) {
        block = block.title_bottom(Line::styled(waiting, theme.error()).left_aligned());
    }
    frame.render_widget(block, area);

    let width = usize::from(parts.header.width);
    let title_style = if article.header().title_derived { theme.derived_title() } else { theme.title() };
    let mut header = vec![
        Line::styled(fit(&safe(article.title()), width), title_style.patch(theme.accent())),
        Line::styled(fit(&metadata(article, reader), width), theme.dim()),
    ];
    header.extend(state.note_lines(width).into_iter().map(|line| Line::styled(line, theme.note())));
    frame.render_widget(Paragraph::new(header), parts.header);

    let lines = visible_lines(state, reader, article, height);
    frame.render_widget(Paragraph::new(lines), parts.text);
    frame.render_widget(Paragraph::new(gutter(state, reader, height)), parts.gutter);

    if total > height {
        let mut scroll =
            ScrollbarState::new(total - height).position(reader.place.scroll).viewport_content_length(height);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight).begin_symbol(None).end_symbol(None);
        frame.render_stateful_widget(bar, parts.scrollbar, &mut scroll);
    }
}

/// The text lines on screen, styled.
fn visible_lines<'a>(state: &AppState, reader: &Reader, article: &'a Article, height: usize) -> Vec<Line<'a>> {
    let shown = reader.wrapped.lines.iter().skip(reader.place.scroll).take(height);
    let spans: Vec<&Span> =
        shown.clone().filter_map(|l| if let WrappedLine::Text(s) = l { Some(s) } else { None }).collect();
    let (Some(first), Some(last)) = (spans.first(), spans.last()) else {
        return Vec::new();
    };
    let range = first.start..last.end;
    let layers = layers(state, reader, article, &range);
    let inserts = tags(state, reader, &range);
    shown
        .map(|line| match line {
            WrappedLine::Text(span) => styled_line(article.text(), span, &layers, &inserts),
            WrappedLine::Blank => Line::default(),
        })
        .collect()
}

/// The styles over the text in `range`, in the order they are applied.
fn layers(state: &AppState, reader: &Reader, article: &Article, range: &Span) -> Vec<Layer> {
    let theme = state.theme;
    let header = article.header();
    let overlaps = |span: &Span| span.start < range.end && range.start < span.end;
    let mut layers: Vec<Layer> = Vec::new();
    layers.extend(header.title_span.clone().filter(overlaps).map(|s| (s, theme.headline())));
    layers.extend(header.dateline_span.clone().filter(overlaps).map(|s| (s, theme.dateline())));
    let placed: Vec<Span> = state.notes.record(reader.article).map_or_else(Vec::new, |record| {
        record.claims.iter().filter(|c| !c.orphaned && overlaps(&c.span())).map(Claim::span).collect()
    });
    layers.extend(placed.iter().map(|span| (span.clone(), theme.claim())));
    if let Some(sentence) = reader.sentences(article).get(reader.place.cursor).filter(|s| overlaps(s)) {
        layers.push((sentence.clone(), theme.cursor_sentence()));
        let under = placed.iter().map(|c| c.start.max(sentence.start)..c.end.min(sentence.end));
        layers.extend(under.filter(|span| !span.is_empty()).map(|span| (span, theme.claim_at_cursor())));
    }
    if state.names.highlights {
        let mentions = &reader.mentions;
        let first = mentions.partition_point(|m| m.span.end <= range.start);
        let visible = mentions[first..].iter().take_while(|m| m.span.start < range.end);
        layers.extend(visible.map(|m| (m.span.clone(), theme.entity(m.kind, m.source != MentionSource::Guess))));
    }
    let gaps = reader.gaps(article);
    let first_gap = gaps.partition_point(|g| g.span.end <= range.start);
    layers.extend(
        gaps[first_gap..].iter().take_while(|g| g.span.start < range.end).map(|g| (g.span.clone(), theme.gap())),
    );
    layers.extend(reader.selection.map(|s| (s.span(), theme.selection())));
    layers.extend(reader.focus.clone().map(|f| (f, theme.focus())));
    layers.extend(super::search::match_layers(state, reader, range));
    layers
}

/// The claim marks left of the text: on each line, a bar in the colour of the first tag of each
/// claim on it (two bars, or a bar and a count when more than two); then, for a claim starting
/// on the line, `!` when check-worthy, else `✎` when it has a note (and `✎` on the next line
/// when it is both).
fn gutter(state: &AppState, reader: &Reader, height: usize) -> Vec<Line<'static>> {
    let Some(record) = state.notes.record(reader.article) else { return Vec::new() };
    let claims: Vec<&Claim> = record.claims.iter().filter(|c| !c.orphaned).collect();
    let shown = reader.wrapped.lines.iter().enumerate().skip(reader.place.scroll).take(height);
    shown
        .map(|(index, line)| {
            let WrappedLine::Text(span) = line else { return Line::default() };
            let on_line: Vec<&Claim> = claims
                .iter()
                .copied()
                .filter(|c| c.anchor.start < span.end.max(span.start + 1) && span.start < c.anchor.end)
                .collect();
            let line = gutter_line(state, reader, index, &on_line);
            mark_conflict(state, reader, (index, line), &on_line, record)
        })
        .collect()
}

/// One line of the gutter for the claims on line `index`.
fn gutter_line(state: &AppState, reader: &Reader, index: usize, claims: &[&Claim]) -> Line<'static> {
    let theme = state.theme;
    let vocabulary = state.notes.session.vocabulary();
    let bar = |claim: &Claim| {
        let style = claim.tags.first().and_then(|t| vocabulary.get(t)).map_or(theme.dim(), |t| theme.tag(t.colour));
        TextSpan::styled("▌", style)
    };
    let mut spans: Vec<TextSpan<'static>> = match claims {
        [] => return Line::default(),
        [one] => vec![bar(one), TextSpan::raw(" ")],
        [first, second] => vec![bar(first), bar(second)],
        [first, rest @ ..] => vec![bar(first), TextSpan::styled(format!("{}", (rest.len() + 1).min(9)), theme.key())],
    };
    let mark = claims.iter().find_map(|claim| {
        let first_line = reader.wrapped.line_of(claim.anchor.start);
        let noted = !claim.note.trim().is_empty();
        match (index.checked_sub(first_line)?, claim.check_worthy, noted) {
            (0, true, _) => Some("!"),
            (0, false, true) | (1, true, true) => Some("✎"),
            _ => None,
        }
    });
    spans.push(TextSpan::styled(mark.unwrap_or(" "), theme.key()));
    Line::from(spans)
}

/// `line` of the gutter with `≠` for its mark when a claim starting on it (line `index`) has
/// a conflict to settle: that matters more than the flag or the note.
fn mark_conflict(
    state: &AppState,
    reader: &Reader,
    (index, mut line): (usize, Line<'static>),
    claims: &[&Claim],
    record: &gloss_core::annotations::ArticleRecord,
) -> Line<'static> {
    let waiting = |claim: &&&Claim| record.conflicts.iter().any(|c| c.claim.as_deref() == Some(claim.id.as_str()));
    if claims.iter().filter(waiting).any(|claim| reader.wrapped.line_of(claim.anchor.start) == index) {
        line.spans.pop();
        line.spans.push(TextSpan::styled(conflicts::MARK, state.theme.error()));
    }
    line
}

/// Kind tags after names, when colour is off and highlighting on.
fn tags(state: &AppState, reader: &Reader, range: &Span) -> Vec<Insert> {
    if state.theme.color || !state.names.highlights {
        return Vec::new();
    }
    let mentions = &reader.mentions;
    let first = mentions.partition_point(|m| m.span.end < range.start);
    mentions[first..]
        .iter()
        .take_while(|m| m.span.start < range.end)
        .map(|m| (m.span.end, format!("[{}]", m.kind.name()), state.theme.entity_tag()))
        .collect()
}

/// ` ≠ 2 conflicts: c settles ` when the article's record has conflicts (the key from the
/// live keymap).
fn conflicts_waiting(state: &AppState, article: usize) -> Option<String> {
    let count = state.notes.record(article).map_or(0, |r| r.conflicts.len());
    if count == 0 {
        return None;
    }
    let conflicts = counted(count, "conflict", "conflicts");
    let key = state.keymap.chords(Context::Reader, Action::ClaimsPanel).first().map(ToString::to_string);
    Some(match key {
        Some(key) => format!(" {} {conflicts}: {key} settles ", conflicts::MARK),
        None => format!(" {} {conflicts} ", conflicts::MARK),
    })
}

/// Source, date, words and decoding of an article, for the reader's header.
fn metadata(article: &Article, reader: &Reader) -> String {
    let header = article.header();
    let mut parts: Vec<String> = Vec::new();
    parts.extend(header.source.as_deref().map(|s| safe(s).into_owned()));
    parts.extend(header.date.clone());
    parts.push(format!("{} words", group_thousands(article.words())));
    if reader.preparing() {
        parts.push("preparing the rest…".to_owned());
    } else {
        parts.push(format!("{} sentences", group_thousands(reader.sentences(article).len())));
    }
    if header.title_derived {
        parts.push("title from first sentence".to_owned());
    }
    match article.decoding() {
        Decoding::Utf8 => {}
        Decoding::Converted { encoding } | Decoding::Declared { charset: encoding } => {
            parts.push(format!("from {encoding}"));
        }
        Decoding::Lossy { encoding, replaced } => {
            parts.push(format!("⚠ {encoding} with {} replaced", counted(replaced, "bad byte", "bad bytes")));
        }
    }
    parts.join(" · ")
}

/// Where the view is in the text, as vim says it: `All`, `Top`, `Bot` or a percentage.
fn position(scroll: usize, total: usize, height: usize) -> String {
    if total <= height {
        "All".to_owned()
    } else if scroll == 0 {
        "Top".to_owned()
    } else if scroll + height >= total {
        "Bot".to_owned()
    } else {
        format!("{}%", scroll * 100 / (total - height))
    }
}
