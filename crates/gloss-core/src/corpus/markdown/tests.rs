//! Markdown reading: front matter, headings, emphasis, links, lists, quotes and code as text.

use super::*;

const ARTICLE: &str = "---\ntitle: \"Summit in Vilnius\"\ndate: 2023-07-11\nsource: Mondo International\n\
url: https://example.org/vilnius\n---\n\n# NATO summit *opens*\n\nLeaders **met** in [Vilnius](https://x.org) \
on `Tuesday`.\nThey talked.  \nLate.\n\n![a photo](p.jpg)\n\n- Ukraine\n- Sweden's *bid*\n\n3. three\n4. four\n\n\
> A quote\n> goes on.\n\n```\nfn main() {}\n```\n\n<div>raw html</div>\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";

#[test]
fn reads_front_matter_and_renders_inline_markup_as_text() {
    let (front, document) = parse(ARTICLE);
    assert_eq!(front.get(&["source"]), Some("Mondo International"));
    assert_eq!(document.metadata.title.as_deref(), Some("Summit in Vilnius"));
    assert_eq!(document.metadata.date.as_deref(), Some("2023-07-11"));
    assert_eq!(document.metadata.url.as_deref(), Some("https://example.org/vilnius"));
    assert_eq!(
        document.render().text,
        "NATO summit opens\n\nLeaders met in Vilnius on Tuesday. They talked.\nLate.\n\n• Ukraine\n\n\
         • Sweden's bid\n\n3. three\n\n4. four\n\nA quote goes on.\n\nfn main() {}\n\na · b\n\n1 · 2\n"
    );
}

#[test]
fn the_first_heading_is_the_title_without_front_matter() {
    let (_, document) = parse("Intro line\n\n## Second level\n\n# First\n");
    assert_eq!(document.title(), Some("Second level"));
    assert_eq!(document.render().title_span, None);
    let (_, document) = parse("# Top\n\nBody.\n");
    assert_eq!(document.render().title_span, Some(0..3));
}

#[test]
fn loose_list_items_keep_one_marker_each() {
    let (_, document) = parse("- first para\n\n  second para\n- next\n");
    assert_eq!(document.render().text, "• first para\n\nsecond para\n\n• next\n");
}
