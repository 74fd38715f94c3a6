//! Web pages in legacy encodings: the charset a page declares in its `<meta>` tags, used when
//! its bytes are not UTF-8.

use std::sync::LazyLock;

use regex::bytes::Regex;

use super::super::decode::Decoding;

/// `<meta charset="…">` or `<meta http-equiv="Content-Type" content="text/html; charset=…">`.
static META_CHARSET: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r#"(?i)<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"#).ok());

/// The page's text in the encoding it declares, when its bytes are not UTF-8 and it declares
/// one that `encoding_rs` knows (the WHATWG encodings browsers support).
pub fn decode_declared(bytes: &[u8]) -> Option<(String, Decoding)> {
    if std::str::from_utf8(bytes).is_ok() {
        return None;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let label = META_CHARSET.as_ref()?.captures(head)?.get(1)?.as_bytes();
    let encoding = encoding_rs::Encoding::for_label(label)?;
    if encoding == encoding_rs::UTF_8 {
        return None;
    }
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Some((text.into_owned(), Decoding::Declared { charset: encoding.name() }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_latin_1_page_is_read_in_the_charset_it_declares() {
        let page = b"<html><head><meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'></head>\
                     <body><p>Caf\xe9 in M\xfcnchen</p></body></html>";
        let (text, decoding) = decode_declared(page).unwrap();
        assert!(text.contains("Café in München"));
        assert_eq!(decoding, Decoding::Declared { charset: "windows-1252" });
        assert_eq!(decode_declared(b"<meta charset=utf-8><p>plain</p>"), None, "UTF-8 needs nothing");
        assert_eq!(decode_declared(b"<p>Caf\xe9</p>"), None, "nothing declared: read leniently elsewhere");
    }
}
