//! Web addresses credited as sources (`yandex.com`).

use super::Guess;
use crate::entities::Kind;
use crate::entities::tokens::Token;

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
        if first < i && !before.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '@') {
            out.push(Guess { span: tokens[first].span.start..token.span.end, kind: Kind::Org });
        }
    }
    out
}
