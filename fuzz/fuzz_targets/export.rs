//! Every export writer over any article, file name, note and claims (anchors that fit the text
//! or not): no panic, nothing a terminal obeys, and JSON, W3C and CSV read back to the text.
#![no_main]

use std::path::PathBuf;

use arbitrary::Arbitrary;
use gloss_core::annotations::{Anchor, ArticleRecord, Claim, Store, Verdict, Vocabulary};
use gloss_core::corpus::{Article, Origin};
use gloss_core::export::{self, Export, Filter, Format};
use gloss_core::text::inert::{Class, class, csv::cell};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    text: String,
    file: String,
    note: String,
    claims: Vec<ClaimIn>,
}

#[derive(Arbitrary, Debug)]
struct ClaimIn {
    start: u16,
    end: u16,
    quote: Option<String>,
    note: String,
    tags: Vec<String>,
    author: String,
    id: String,
    check_worthy: bool,
    verdict: u8,
}

fn claim(text: &str, input: ClaimIn) -> Claim {
    let (start, end) = (usize::from(input.start), usize::from(input.end));
    let quote = input.quote.or_else(|| text.get(start..end).map(str::to_owned)).unwrap_or_default();
    Claim {
        id: input.id,
        anchor: Anchor { start, end, quote, prefix: String::new(), suffix: String::new() },
        tags: input.tags,
        check_worthy: input.check_worthy,
        verdict: Verdict::ALL[usize::from(input.verdict) % Verdict::ALL.len()],
        note: input.note,
        created: "2026-01-01T00:00:00Z".into(),
        modified: "2026-01-01T00:00:00Z".into(),
        author: input.author,
        orphaned: false,
    }
}

fn never_obeyed(output: &str, format: Format) {
    let allowed = |c: char| match class(c) {
        Class::Control => false,
        Class::C1 | Class::BidiOverride => false,
        Class::BidiMark | Class::Invisible => format == Format::Csv,
        // Kept in Markdown inside an emoji tag sequence (a subdivision flag) only.
        Class::Tag => matches!(format, Format::Csv | Format::Markdown),
        _ => true,
    };
    assert!(output.chars().all(|c| c == '\n' || c == '\r' || c == '\t' || allowed(c)), "{format}: {output:?}");
}

fuzz_target!(|input: Input| {
    let name = if input.file.is_empty() || input.file.contains(['/', '\0']) { "a.txt".to_owned() } else { input.file };
    let article = Article::from_text(Origin::File(PathBuf::from("/news").join(&name)), &input.text);
    let id = article.fingerprint().to_hex()[..12].to_owned();
    let claims: Vec<Claim> = input.claims.into_iter().map(|c| claim(&input.text, c)).collect();
    let record = ArticleRecord {
        file: name,
        path: article.origin().display_path(),
        fingerprint: article.fingerprint().to_hex(),
        title: article.title().to_owned(),
        read: true,
        note: input.note,
        claims: claims.clone(),
    };
    let mut store = Store::default();
    store.articles.insert(id, record);
    let filter = Filter { all_articles: true, ..Filter::default() };
    let gathered = export::gather(&[article], &store, None, &filter);
    let export = Export::new("fuzz", None, gathered);
    let vocabulary = Vocabulary::built_in().expect("built-in tags");
    for &format in Format::ALL {
        let output = format.write(&export, &vocabulary).expect("every export can be written");
        never_obeyed(&output, format);
        match format {
            Format::Json => {
                let value: serde_json::Value = serde_json::from_str(&output).expect("JSON reads back");
                let notes: Vec<&str> = value["articles"][0]["claims"].as_array().map_or_else(Vec::new, |cs| cs.iter().filter_map(|c| c["note"].as_str()).collect());
                let wanted: Vec<&str> = export.claims().map(|(_, c)| c.claim.note.as_str()).collect();
                assert_eq!(notes, wanted, "notes read back exactly");
            }
            Format::W3c => {
                serde_json::from_str::<serde_json::Value>(&output).expect("W3C reads back");
            }
            Format::Csv => {
                let mut reader = csv::Reader::from_reader(output.as_bytes());
                let notes: Vec<String> = reader.records().map(|r| r.expect("CSV reads back")[8].to_owned()).collect();
                let wanted: Vec<String> = export.claims().map(|(_, c)| cell(&c.claim.note).into_owned()).collect();
                assert_eq!(notes, wanted, "notes read back as the CSV policy wrote them");
            }
            Format::Markdown => {}
        }
    }
});
