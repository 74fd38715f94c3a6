//! Page reading on fixtures of real-world shape.

use super::*;

#[test]
fn a_page_too_short_to_score_still_gives_its_text_and_title() {
    let html =
        "<html><head><title>Short &middot; page</title></head><body><nav>Home</nav><p>One line.</p></body></html>";
    let document = read_page(html, None).unwrap();
    assert_eq!(document.metadata.title.as_deref(), Some("Short · page"));
    assert_eq!(document.render().text, "One line.\n");
}

#[test]
fn an_empty_page_says_so() {
    assert_eq!(read_page("<html><body><script>x()</script></body></html>", None), Err(HtmlError::NoText));
}
