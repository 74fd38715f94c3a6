use super::*;

fn encoded(text: &str, encoding: &'static Encoding) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{text} in {}", encoding.name());
    bytes.into_owned()
}

fn utf16le(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

#[test]
fn utf8_is_kept_as_read() {
    assert_eq!(decode("Japan’s\r\n".as_bytes()), Ok(("Japan’s\r\n".to_owned(), Decoding::Utf8)));
    let with_bom = decode("\u{feff}Seoul".as_bytes()).unwrap();
    assert_eq!(with_bom, ("\u{feff}Seoul".to_owned(), Decoding::Utf8), "the mark stays, offsets with it");
}

#[test]
fn utf8_with_a_stray_byte_is_replaced_and_flagged() {
    let bytes: Vec<u8> = "Café – Seoul ’s, and a bad byte: ".bytes().chain([0xff]).collect();
    let (text, decoding) = decode(&bytes).unwrap();
    assert!(text.starts_with("Café – Seoul ’s"), "{text}");
    assert!(text.ends_with('\u{fffd}'));
    assert_eq!(decoding, Decoding::Lossy { encoding: "UTF-8", replaced: 1 });
}

#[test]
fn legacy_encodings_are_guessed_and_decoded() {
    let cases: [(&str, &'static Encoding); 5] = [
        (
            "Le président a déclaré à Séoul que l’économie «résistera» – c’était prévu, où qu’on soit.",
            encoding_rs::WINDOWS_1252,
        ),
        (
            "북한은 최근 일본에 대화를 제안했으며, 한국 정부는 이에 대해 신중한 입장을 보였다. 전문가들은 이번 움직임이 외교적 고립을 벗어나려는 시도라고 분석했다.",
            encoding_rs::EUC_KR,
        ),
        (
            "北朝鮮は日本との首脳会談を提案したと報じられた。岸田首相は前向きな姿勢を示しているが、拉致問題の解決が前提だと述べた。",
            encoding_rs::SHIFT_JIS,
        ),
        (
            "朝鲜近日表示愿意与日本举行首脑会谈，日本首相岸田文雄对此表示欢迎，但强调必须首先解决绑架问题。分析人士认为此举意在打破外交孤立。",
            encoding_rs::GB18030,
        ),
        (
            "Ο πρόεδρος δήλωσε ότι οι συνομιλίες θα συνεχιστούν την επόμενη εβδομάδα στη Σεούλ, παρά τις αντιρρήσεις.",
            encoding_rs::WINDOWS_1253,
        ),
    ];
    for (text, encoding) in cases {
        let (decoded, decoding) = decode(&encoded(text, encoding)).unwrap();
        assert_eq!(decoded, text, "{}", encoding.name());
        assert_eq!(decoding, Decoding::Converted { encoding: encoding.name() });
    }
}

#[test]
fn latin1_text_is_windows_1252() {
    let (text, decoding) = decode(b"Caf\xe9 au lait \xe0 la fran\xe7aise, s'il vous pla\xeet.\n").unwrap();
    assert_eq!(text, "Café au lait à la française, s'il vous plaît.\n");
    assert_eq!(decoding.encoding(), "windows-1252");
}

#[test]
fn utf16_with_or_without_a_mark_is_decoded() {
    let bom: Vec<u8> = [0xff, 0xfe].into_iter().chain(utf16le("Seoul")).collect();
    assert_eq!(decode(&bom), Ok(("Seoul".to_owned(), Decoding::Converted { encoding: "UTF-16LE" })));
    let text = "North Korea proposed talks with Japan.\r\n";
    assert_eq!(decode(&utf16le(text)), Ok((text.to_owned(), Decoding::Converted { encoding: "UTF-16LE" })));
    let big_endian: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    assert_eq!(decode(&big_endian).unwrap().1, Decoding::Converted { encoding: "UTF-16BE" });
    let korean = "북한은 최근 일본에 대화를 제안했다 그리고 한국은 신중했다";
    assert_eq!(decode(&utf16le(korean)).unwrap().0, korean, "spaces give Hangul away");
}

#[test]
fn odd_length_utf16_keeps_its_last_byte_as_a_replacement() {
    let mut bytes: Vec<u8> = [0xff, 0xfe].into_iter().chain(utf16le("Seoul")).collect();
    bytes.push(b'x');
    assert_eq!(decode(&bytes), Ok(("Seoul\u{fffd}".to_owned(), Decoding::Lossy { encoding: "UTF-16LE", replaced: 1 })));
}

#[test]
fn binary_that_starts_like_utf16_is_refused() {
    // Bytes that look random, as compressed data and images do, after a UTF-16 mark.
    let mut state: u32 = 0x1234_5678;
    let noise: Vec<u8> = (0..4096)
        .map(|_| {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            state.to_be_bytes()[0]
        })
        .collect();
    let bytes: Vec<u8> = [0xff, 0xfe].into_iter().chain(noise).collect();
    assert!(matches!(decode(&bytes), Err(Unreadable::Binary(why)) if why.contains("UTF-16")));
    let padded: Vec<u8> = [0xff, 0xfe, b'a', 0].into_iter().chain([0; 64]).collect();
    assert!(matches!(decode(&padded), Err(Unreadable::Binary(_))));
}

#[test]
fn lone_carriage_returns_end_lines() {
    let (text, _) = decode(b"Title\r\rFirst paragraph.\rSecond one.\r\nThird.").unwrap();
    assert_eq!(text, "Title\n\nFirst paragraph.\nSecond one.\r\nThird.");
}

#[test]
fn empty_and_blank_files_are_skipped() {
    assert_eq!(decode(b""), Err(Unreadable::Empty));
    assert_eq!(decode(b" \n\t\n"), Err(Unreadable::Empty));
    assert_eq!(decode(&[0xff, 0xfe]), Err(Unreadable::Empty));
}

#[test]
fn binary_files_are_skipped_with_their_reason() {
    assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Err(Unreadable::Binary("it holds NUL bytes")));
    assert_eq!(decode(&[1, 2, 3, 4, 5, 6, 7, 8, b'a']), Err(Unreadable::Binary("it holds many control bytes")));
}

#[test]
fn an_escape_sequence_alone_does_not_make_binary() {
    assert!(decode(b"Title \x1b[31mred\x1b[0m and more text here\n").is_ok());
}

#[test]
fn sizes_are_said_in_mebibytes() {
    let too_large = Unreadable::TooLarge { bytes: 17 * 1024 * 1024 + 512 * 1024 };
    assert_eq!(too_large.to_string(), "too large for an article (17.5 MiB; gloss reads up to 16 MiB)");
}
