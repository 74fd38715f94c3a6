//! Turning a file's bytes into text: UTF-8 as it is, UTF-16 with or without a byte-order mark,
//! and other encodings (Windows-1252, EUC-KR, Shift-JIS, GB18030, …) guessed by `chardetng`
//! and decoded by `encoding_rs`; or the reason the bytes are not text. A lone carriage return
//! (old Mac line ends) becomes a line feed, byte for byte, so offsets stay where they were.

use std::fmt;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};

/// How the text of an article was obtained from its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decoding {
    /// UTF-8, exactly as in the file.
    Utf8,
    /// Converted from another encoding (UTF-16 or a legacy one), nothing lost.
    Converted { encoding: &'static str },
    /// Bytes that the encoding does not allow were replaced by U+FFFD (an odd byte at the end
    /// of UTF-16, stray bytes in UTF-8). Offsets refer to the decoded text.
    Lossy { encoding: &'static str, replaced: usize },
    /// A web page in the legacy encoding it declared (`<meta charset>`), converted to UTF-8.
    Declared { charset: &'static str },
}

impl Decoding {
    /// The encoding's name as `encoding_rs` gives it (`UTF-8`, `UTF-16LE`, `EUC-KR`, …).
    pub fn encoding(self) -> &'static str {
        match self {
            Self::Utf8 => UTF_8.name(),
            Self::Converted { encoding } | Self::Lossy { encoding, .. } | Self::Declared { charset: encoding } => {
                encoding
            }
        }
    }

    /// How many bytes (or byte sequences) were replaced.
    pub fn replaced(self) -> usize {
        match self {
            Self::Lossy { replaced, .. } => replaced,
            _ => 0,
        }
    }
}

/// Why a file is not an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    Empty,
    /// Binary data, and what gave it away.
    Binary(&'static str),
    TooLarge {
        bytes: u64,
    },
    /// A FIFO, a device or a socket: reading it could wait forever or never end.
    NotAFile(&'static str),
}

impl Unreadable {
    /// Why `kind` of file system entry is no article, when it is neither a file nor a folder.
    pub fn special(kind: &std::fs::FileType) -> Option<Self> {
        if kind.is_file() || kind.is_dir() {
            return None;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            let name = if kind.is_fifo() {
                "a named pipe (FIFO)"
            } else if kind.is_char_device() || kind.is_block_device() {
                "a device"
            } else if kind.is_socket() {
                "a socket"
            } else {
                "a special file"
            };
            Some(Self::NotAFile(name))
        }
        #[cfg(not(unix))]
        Some(Self::NotAFile("a special file"))
    }
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(f, "empty file"),
            Self::Binary(why) => write!(f, "binary file, not text ({why})"),
            Self::TooLarge { bytes } => {
                let tenths = bytes * 10 / (1024 * 1024);
                let most = MAX_ARTICLE_BYTES / (1024 * 1024);
                write!(
                    f,
                    "too large for an article ({}.{} MiB; gloss reads up to {most} MiB)",
                    tenths / 10,
                    tenths % 10
                )
            }
            Self::NotAFile(kind) => write!(f, "{kind}, not a file: gloss reads files and folders only"),
        }
    }
}

/// Largest article gloss reads.
pub const MAX_ARTICLE_BYTES: u64 = 16 * 1024 * 1024;

/// How much of a file the checks for binary data look at.
const SAMPLE: usize = 8192;

/// Decodes article bytes, leniently, or says why they are not text.
pub fn decode(bytes: &[u8]) -> Result<(String, Decoding), Unreadable> {
    let (text, decoding) = match utf16(bytes) {
        Some(encoding) => decode_utf16(bytes, encoding)?,
        None => decode_bytes(bytes)?,
    };
    let text = lone_carriage_returns_as_line_feeds(text);
    if text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}').is_empty() {
        return Err(Unreadable::Empty);
    }
    Ok((text, decoding))
}

/// UTF-16 by its byte-order mark, or without one by its zero bytes: text in UTF-16 has a zero
/// in one half of most of its code units (Latin text) or none at all in either (CJK text,
/// which then has no zeros in the other half either, and is told by the mark alone).
fn utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return (encoding != UTF_8).then_some(encoding);
    }
    let sample = &bytes[..bytes.len().min(SAMPLE) & !1];
    let units = sample.len() / 2;
    if units < 2 {
        return None;
    }
    let zeros = |half: usize| sample.iter().skip(half).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zeros(0), zeros(1));
    // Spaces, digits and Latin letters have a zero high byte: one unit in five or more in any
    // text, always in the same half; binary data has zeros in both.
    let one_sided = |high: usize, low: usize| high * 5 >= units && low * 3 <= high;
    if one_sided(odd, even) {
        Some(UTF_16LE)
    } else if one_sided(even, odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn decode_utf16(bytes: &[u8], encoding: &'static Encoding) -> Result<(String, Decoding), Unreadable> {
    let (text, replaced) = decode_counting(bytes, encoding);
    if let Some(why) = not_text(&text) {
        return Err(Unreadable::Binary(why));
    }
    let decoding = match replaced {
        0 => Decoding::Converted { encoding: encoding.name() },
        n => Decoding::Lossy { encoding: encoding.name(), replaced: n },
    };
    Ok((text, decoding))
}

/// Bytes that are neither UTF-16 nor binary: UTF-8 when they are (or mostly are), else the
/// encoding `chardetng` guesses.
fn decode_bytes(bytes: &[u8]) -> Result<(String, Decoding), Unreadable> {
    if let Some(why) = looks_binary(bytes) {
        return Err(Unreadable::Binary(why));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_owned(), Decoding::Utf8));
    }
    let encoding = if mostly_utf8(bytes) { UTF_8 } else { guess(bytes) };
    let (text, replaced) = decode_counting(bytes, encoding);
    let decoding = match replaced {
        0 => Decoding::Converted { encoding: encoding.name() },
        n => Decoding::Lossy { encoding: encoding.name(), replaced: n },
    };
    Ok((text, decoding))
}

/// UTF-8 with a few stray bytes (a file pasted together) rather than another encoding: more
/// valid multi-byte characters than invalid sequences.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    valid > invalid
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    // GBK decodes as GB18030 does (the WHATWG Encoding Standard makes them one decoder); the
    // larger name is the true one.
    match detector.guess(None, Utf8Detection::Allow) {
        encoding if encoding == GBK => GB18030,
        encoding => encoding,
    }
}

/// `bytes` decoded (after any byte-order mark of `encoding`), and how many malformed
/// sequences became U+FFFD.
fn decode_counting(bytes: &[u8], encoding: &'static Encoding) -> (String, usize) {
    let body = match Encoding::for_bom(bytes) {
        Some((found, length)) if found == encoding && encoding != UTF_8 => &bytes[length..],
        _ => bytes,
    };
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(decoder.max_utf8_buffer_length(body.len()).unwrap_or(body.len()));
    let mut replaced = 0;
    let mut rest = body;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut text, true);
        rest = &rest[read..];
        match result {
            encoding_rs::DecoderResult::InputEmpty => return (text, replaced),
            encoding_rs::DecoderResult::Malformed(..) => {
                text.push('\u{fffd}');
                replaced += 1;
            }
            encoding_rs::DecoderResult::OutputFull => text.reserve(rest.len() * 3 + 16),
        }
    }
}

/// Text files have no NUL bytes and few control characters.
fn looks_binary(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(SAMPLE)];
    if head.contains(&0) {
        return Some("it holds NUL bytes");
    }
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b)).count();
    (controls * 10 > head.len()).then_some("it holds many control bytes")
}

/// Why decoded UTF-16 is binary after all: text has no NUL, and few characters that are
/// private, malformed or controls (random bytes read as UTF-16 have more than one in ten).
fn not_text(text: &str) -> Option<&'static str> {
    let sample: Vec<char> = text.chars().take(SAMPLE / 2).collect();
    if sample.contains(&'\0') {
        return Some("read as UTF-16 it holds NUL characters");
    }
    let odd = |c: &&char| {
        matches!(**c, '\u{e000}'..='\u{f8ff}' | '\u{fffd}' | '\u{fff0}'..='\u{ffff}')
            || (c.is_control() && !c.is_whitespace() && **c != '\u{1b}')
    };
    let odd = sample.iter().filter(odd).count();
    (odd > 2 && odd * 50 > sample.len()).then_some("read as UTF-16 it is not words")
}

/// A `\r` not followed by `\n` ends a line, as on old Macs: it becomes `\n` (one byte for
/// one, so every offset stays valid); `\r\n` is left as it is.
fn lone_carriage_returns_as_line_feeds(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(if c == '\r' && chars.peek() != Some(&'\n') { '\n' } else { c });
    }
    out
}

#[cfg(test)]
#[path = "decode_tests.rs"]
mod tests;
