//! Web addresses: a bare domain credited as a source is the outlet (`mapcorner.com`); a link
//! (`https://example.com/page`, `www.example.com`, `example.com/page`) or an e-mail address is no
//! entity, and no name inside it is one either.

use super::Guess;
use crate::entities::Kind;
use crate::entities::tokens::Token;
use crate::text::Span;

/// Top-level domains of web addresses credited as sources (`yandex.com`, `Booking.com`).
const DOMAINS: &[&str] = &[
    "com", "org", "net", "gov", "edu", "int", "io", "co", "news", "info", "tv", "kr", "jp", "cn", "ru", "uk", "de",
    "fr", "tw", "hk",
];

/// Web addresses: words joined by dots, ending in a known top-level domain, on word edges.
pub(super) fn web_addresses(text: &str, tokens: &[Token]) -> Vec<Guess> {
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate().skip(1) {
        let word = &text[token.span.clone()];
        let after = text[token.span.end..].chars().next();
        let dotted = |a: &Token, b: &Token| a.span.end + 1 == b.span.start && text[a.span.end..].starts_with('.');
        let after_dot = text[..token.span.start].ends_with('.');
        let tld = after_dot && DOMAINS.iter().any(|d| d.eq_ignore_ascii_case(word));
        let ends = !after.is_some_and(|c| {
            c.is_alphanumeric() || c == '.' && text[token.span.end + 1..].starts_with(char::is_alphanumeric)
        });
        if !tld || !ends {
            continue;
        }
        let mut first = i;
        while first > 0 && dotted(&tokens[first - 1], &tokens[first]) {
            first -= 1;
        }
        let before = text[..tokens[first].span.start].chars().next_back();
        let in_link = before == Some('/') || after == Some('/');
        if first < i && !in_link && !before.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '@') {
            out.push(Guess { span: tokens[first].span.start..token.span.end, kind: Kind::Org });
        }
    }
    out
}

/// Where links and e-mail addresses are: from `http://`, `https://` or `www.` to the next space
/// or closing bracket or quote, a domain followed by a path, and `name@domain`.
pub(super) fn links(text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let starts = ["http://", "https://", "www."]
        .iter()
        .flat_map(|scheme| text.match_indices(scheme).map(|(i, _)| i))
        .filter(|&i| !text[..i].ends_with(|c: char| c.is_alphanumeric() || c == '/' || c == '.'));
    for start in starts {
        out.push(start..link_end(text, start));
    }
    for (at, _) in text.match_indices('@') {
        let start = text[..at]
            .rfind(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')))
            .map_or(0, |i| i + 1);
        let end = at
            + 1
            + text[at + 1..]
                .find(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '-')))
                .unwrap_or(text.len() - at - 1);
        if start < at && text[at + 1..end].contains('.') {
            out.push(start..end.min(text.len()));
        }
    }
    out.sort_by_key(|s| s.start);
    out
}

/// Where a link that starts at `start` ends: before white space, a closing bracket or quote,
/// and any final punctuation.
fn link_end(text: &str, start: usize) -> usize {
    let rest = &text[start..];
    let len = rest
        .find(|c: char| c.is_whitespace() || matches!(c, ')' | ']' | '>' | '"' | '\'' | '”' | '’'))
        .unwrap_or(rest.len());
    start + rest[..len].trim_end_matches(['.', ',', ';', ':', '!', '?']).len()
}
