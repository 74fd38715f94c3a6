//! The article decoder and parser: any bytes give an article or a reason; an article's header,
//! sentences and words lie inside its text.
#![no_main]

use std::path::PathBuf;

use gloss_core::corpus::{Article, Origin, decode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok((text, decoding)) = decode(bytes) else { return };
    let article = Article::new(Origin::File(PathBuf::from("fuzz.txt")), bytes, text, decoding);
    let text = article.text();
    let header = article.header();
    for span in [&header.title_span, &header.source_span, &header.dateline_span].into_iter().flatten() {
        assert!(text.get(span.clone()).is_some(), "{span:?}");
    }
    for span in article.sentences() {
        assert!(text.get(span.clone()).is_some(), "{span:?}");
    }
    for gap in &article.structure().gaps {
        assert!(text.get(gap.span.clone()).is_some());
    }
    let lone_cr = text.match_indices('\r').any(|(at, _)| text.as_bytes().get(at + 1) != Some(&b'\n'));
    assert!(!lone_cr, "a lone CR is a line end");
});
