//! Turning a file's bytes into text: UTF-8 (lenient), UTF-16 with a byte-order mark, or a reason to skip.

use std::fmt;

/// How the text of an article was obtained from its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decoding {
    Utf8,
    /// Not valid UTF-8: invalid bytes were replaced by U+FFFD. Offsets refer to the decoded text.
    Lossy {
        replaced: usize,
    },
    /// UTF-16 with a byte-order mark, converted to UTF-8.
    Utf16,
    /// A web page in the legacy encoding it declared (`<meta charset>`), converted to UTF-8.
    Declared {
        charset: &'static str,
    },
}

/// Why a file is not an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    Empty,
    Binary,
    TooLarge { bytes: u64 },
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(f, "empty file"),
            Self::Binary => write!(f, "binary file, not text"),
            Self::TooLarge { bytes } => write!(
                f,
                "too large for an article ({} MiB; gloss reads up to {} MiB)",
                bytes / (1024 * 1024),
                MAX_ARTICLE_BYTES / (1024 * 1024)
            ),
        }
    }
}

/// Largest article gloss reads.
pub const MAX_ARTICLE_BYTES: u64 = 16 * 1024 * 1024;

/// Decodes article bytes, leniently, or says why they are not text.
pub fn decode(bytes: &[u8]) -> Result<(String, Decoding), Unreadable> {
    if let Some(text) = decode_utf16(bytes) {
        return non_empty(text, Decoding::Utf16);
    }
    if looks_binary(bytes) {
        return Err(Unreadable::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return non_empty(text.to_owned(), Decoding::Utf8);
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    let replaced = text.matches('\u{fffd}').count() - bytes.windows(3).filter(|w| w == b"\xef\xbf\xbd").count();
    non_empty(text, Decoding::Lossy { replaced })
}

fn non_empty(text: String, decoding: Decoding) -> Result<(String, Decoding), Unreadable> {
    if text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}').is_empty() {
        Err(Unreadable::Empty)
    } else {
        Ok((text, decoding))
    }
}

/// Text files have no NUL bytes and few control characters.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b)).count();
    controls * 10 > head.len()
}

fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let (body, little_endian) = match bytes {
        [0xff, 0xfe, rest @ ..] => (rest, true),
        [0xfe, 0xff, rest @ ..] => (rest, false),
        _ => return None,
    };
    let units = body.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little_endian { u16::from_le_bytes(pair) } else { u16::from_be_bytes(pair) }
    });
    Some(char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_kept_as_read() {
        assert_eq!(decode("Japan’s\r\n".as_bytes()), Ok(("Japan’s\r\n".to_owned(), Decoding::Utf8)));
    }

    #[test]
    fn invalid_utf8_is_replaced_and_flagged() {
        let (text, decoding) = decode(b"caf\xe9 au lait\n").unwrap();
        assert_eq!(text, "caf\u{fffd} au lait\n");
        assert_eq!(decoding, Decoding::Lossy { replaced: 1 });
    }

    #[test]
    fn empty_and_blank_files_are_skipped() {
        assert_eq!(decode(b""), Err(Unreadable::Empty));
        assert_eq!(decode(b" \n\t\n"), Err(Unreadable::Empty));
    }

    #[test]
    fn binary_files_are_skipped() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Err(Unreadable::Binary));
        assert_eq!(decode(&[1, 2, 3, 4, 5, 6, 7, 8, b'a']), Err(Unreadable::Binary));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let bytes: Vec<u8> =
            [0xff, 0xfe].into_iter().chain("Seoul".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&bytes), Ok(("Seoul".to_owned(), Decoding::Utf16)));
    }

    #[test]
    fn an_escape_sequence_alone_does_not_make_binary() {
        assert!(decode(b"Title \x1b[31mred\x1b[0m and more text here\n").is_ok());
    }
}
