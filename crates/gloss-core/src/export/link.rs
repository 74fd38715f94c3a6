//! Article paths as link targets: percent-encoded for Markdown links and `file:` URLs.

use std::path::Path;

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};

/// Bytes that may not stand for themselves in a URL path (RFC 3986), and the parentheses that
/// would end a Markdown link early.
const PATH: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b']')
    .add(b'\\')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}')
    .add(b'(')
    .add(b')');

/// `path` with everything a link target cannot hold percent-encoded; `/` is kept.
pub fn encode_path(path: &str) -> String {
    utf8_percent_encode(path, PATH).to_string()
}

/// A file on disk as a `file:` URL, made absolute against the current folder.
pub fn file_url(path: &Path) -> Option<String> {
    let absolute = std::path::absolute(path).ok()?;
    Some(format!("file://{}", encode_path(&absolute.to_string_lossy())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_link_targets() {
        assert_eq!(encode_path("news/my file (1).txt"), "news/my%20file%20%281%29.txt");
        assert_eq!(encode_path("a#b?c%d[e]"), "a%23b%3Fc%25d%5Be%5D");
        assert_eq!(encode_path("Ünïcode/新聞.txt"), "%C3%9Cn%C3%AFcode/%E6%96%B0%E8%81%9E.txt");
    }

    #[test]
    fn files_become_absolute_file_urls() {
        assert_eq!(file_url(Path::new("/data/a b.txt")).unwrap(), "file:///data/a%20b.txt");
        let relative = file_url(Path::new("seeds/x.txt")).unwrap();
        assert!(relative.starts_with("file:///") && relative.ends_with("/seeds/x.txt"), "{relative}");
    }
}
