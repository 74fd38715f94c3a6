//! Web addresses: a bare domain credited as a source is the outlet (`Image by mapcorner.com`,
//! `mapcorner.com reported`), a domain anywhere else is no name (`read more at example.com`); a link
//! (`https://example.com/page`, `www.example.com`, `example.com/page`) or an e-mail address is no
//! entity, and no name inside it is one either.

use super::Guess;
use crate::entities::Kind;
use crate::entities::lexicon::Lexicon;
use crate::entities::tokens::Token;
use crate::text::Span;

/// Top-level domains of web addresses credited as sources (`yandex.com`, `Booking.com`).
const DOMAINS: &[&str] = &[
    "com", "org", "net", "gov", "edu", "int", "io", "co", "news", "info", "tv", "kr", "jp", "cn", "ru", "uk", "de",
    "fr", "tw", "hk",
];

/// A web address credited as a source ending at word `i`, which follows a dot: words joined by
/// dots, ending in a known top-level domain, on word edges.
pub(super) fn web_address_at(text: &str, lexicon: &Lexicon, tokens: &[Token], i: usize) -> Option<Guess> {
    let token = &tokens[i];
    let word = &text[token.span.clone()];
    let after = text[token.span.end..].chars().next();
    let dotted = |a: &Token, b: &Token| a.span.end + 1 == b.span.start && text[a.span.end..].starts_with('.');
    let tld = DOMAINS.iter().any(|d| d.eq_ignore_ascii_case(word));
    let ends = !after.is_some_and(|c| {
        c.is_alphanumeric() || c == '.' && text[token.span.end + 1..].starts_with(char::is_alphanumeric)
    });
    if !tld || !ends {
        return None;
    }
    let mut first = i;
    while first > 0 && dotted(&tokens[first - 1], &tokens[first]) {
        first -= 1;
    }
    let before = text[..tokens[first].span.start].chars().next_back();
    let in_link = before == Some('/') || after == Some('/');
    let bare = first < i && !in_link && !before.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '@');
    let span = tokens[first].span.start..token.span.end;
    (bare && credited(text, lexicon, &span)).then_some(Guess { span, kind: Kind::Org })
}

/// Whether the domain at `span` is credited as a source: after `by`, `via`, `Source:`, `according
/// to` or an opening bracket, on a line of its own, or before a verb of saying.
fn credited(text: &str, lexicon: &Lexicon, span: &Span) -> bool {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let before = text[line_start..span.start].trim_end().to_lowercase();
    let after = &text[span.end..];
    let alone = before.is_empty() && after.split('\n').next().is_some_and(|rest| rest.trim().is_empty());
    let credit_before =
        ["by", "via", "from", "source:", "sources:", "credit:", "image:", "photo:", "©", "according to", "("]
            .iter()
            .any(|cue| before.ends_with(cue) && !before[..before.len() - cue.len()].ends_with(char::is_alphanumeric));
    let speaks = after.strip_prefix(' ').is_some_and(|rest| lexicon.starts_with_speech(rest));
    alone || credit_before || speaks
}

/// The link or e-mail address that starts at `token`, followed by `:`, `.` or `@`: from
/// `http://`, `https://` or `www.` to the next space or closing bracket or quote, or `name@domain`.
pub(super) fn link_at(text: &str, token: &Token) -> Option<Span> {
    let after = &text[token.span.end..];
    let word = &text[token.span.clone()];
    let scheme = matches!(word, "http" | "https" | "HTTP" | "HTTPS") && after.starts_with("://");
    let www =
        word.eq_ignore_ascii_case("www") && after.starts_with('.') && !text[..token.span.start].ends_with(['/', '.']);
    if scheme || www {
        Some(token.span.start..link_end(text, token.span.start))
    } else if after.starts_with('@') {
        address_at(text, token.span.end)
    } else {
        None
    }
}

/// The e-mail address around the `@` at `at`, if it is one (`desk@example.net`).
fn address_at(text: &str, at: usize) -> Option<Span> {
    let local = |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-');
    let start =
        text[..at].rfind(|c: char| !local(c)).map_or(0, |i| i + text[i..].chars().next().map_or(1, char::len_utf8));
    let domain = &text[at + 1..];
    let end = at + 1 + domain.find(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '-'))).unwrap_or(domain.len());
    let host = text[at + 1..end].trim_end_matches('.');
    (start < at && host.contains('.')).then(|| start..at + 1 + host.len())
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
