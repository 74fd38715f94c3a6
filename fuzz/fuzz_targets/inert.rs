//! The output policies: whatever the text, nothing dangerous comes out, widths add up, and
//! cuts land on cluster starts.
#![no_main]

use gloss_core::text::inert::{Class, class, csv, markdown, terminal};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, u16, u16, u8)| {
    let (text, start, end, columns) = input;
    let shown = terminal::inline(text);
    assert!(shown.chars().all(|c| class(c) == Class::Plain), "terminal: {shown:?}");
    let lines = terminal::lines(text);
    assert!(lines.chars().all(|c| c == '\n' || class(c) == Class::Plain), "lines: {lines:?}");
    let fitted = terminal::fit(text, usize::from(columns));
    assert!(terminal::width(&fitted) <= usize::from(columns).max(1), "fit {columns}: {fitted:?}");
    for at in [usize::from(start), usize::from(end)] {
        let cut = terminal::cluster_start(text, at);
        assert!(cut <= at.min(text.len()) && text.is_char_boundary(cut));
    }
    let (a, b) = (terminal::cluster_start(text, start.into()), terminal::cluster_start(text, end.into()));
    let span = a.min(b)..a.max(b);
    assert!(terminal::show(text, &span).chars().all(|c| class(c) == Class::Plain));
    assert_eq!(terminal::span_width(text, &span), terminal::width(&terminal::show(text, &span)));
    let escaped = markdown::escape(text);
    assert!(escaped.chars().all(|c| !matches!(class(c), Class::Control | Class::C1 | Class::BidiOverride | Class::BidiMark | Class::LineBreak)));
    let cell = csv::cell(text);
    assert!(cell.chars().all(|c| !matches!(class(c), Class::Control | Class::C1 | Class::BidiOverride)));
    assert!(!cell.trim_start().starts_with(['=', '+', '-', '@']));
    let json = gloss_core::text::inert::json::to_string(text).unwrap();
    assert!(json.chars().all(|c| class(c) == Class::Plain), "json: {json:?}");
    assert_eq!(serde_json::from_str::<String>(&json).unwrap(), text);
});
