//! The paragraph and sentence splitters and wrapping: every span inside the text, on character
//! boundaries, in order.
#![no_main]

use gloss_core::text::{WrappedLine, paragraphs, sentences, sentences_in, words_in, wrap};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, u8)| {
    let (text, width) = input;
    let found = paragraphs(text);
    let mut last = 0;
    for span in &found.spans {
        assert!(last <= span.start && span.start <= span.end && text.get(span.clone()).is_some());
        last = span.end;
    }
    let all = sentences(text, &found);
    let mut last = 0;
    for span in &all {
        assert!(last <= span.start && span.start < span.end && text.get(span.clone()).is_some(), "{span:?}");
        last = span.end;
    }
    for span in sentences_in(text, 0..text.len(), true) {
        assert!(text.get(span).is_some());
    }
    for span in words_in(text, 0..text.len()) {
        assert!(text.get(span).is_some());
    }
    let wrapped = wrap(text, &found.spans, usize::from(width), &[]);
    for line in &wrapped.lines {
        if let WrappedLine::Text(span) = line {
            assert!(text.get(span.clone()).is_some());
        }
    }
});
