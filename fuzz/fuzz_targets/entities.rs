//! Entity recognition over any text: mentions inside the text, on character boundaries.
#![no_main]

use std::sync::LazyLock;

use gloss_core::corpus::{Article, Origin};
use gloss_core::entities::Recognizer;
use libfuzzer_sys::fuzz_target;

static RECOGNIZER: LazyLock<Option<Recognizer>> = LazyLock::new(|| Recognizer::built_in().ok());

fuzz_target!(|text: &str| {
    let Some(recognizer) = RECOGNIZER.as_ref() else { panic!("the built-in gazetteer does not load") };
    let article = Article::from_text(Origin::Embedded("fuzz.txt"), text);
    for mention in recognizer.recognize(&article) {
        assert!(text.get(mention.span.clone()).is_some(), "{mention:?}");
        assert!(mention.span.start < mention.span.end);
    }
});
