//! Export tests: golden files for the four formats on a small fixed store, reading the CSV and
//! JSON back, the W3C structure field by field, filters, and determinism.

use std::sync::LazyLock;

use super::*;
use crate::annotations::{ArticleRecord, Claim, Store, Verdict, claim::Anchor};
use crate::corpus::{Article, Origin, SEEDS};
use crate::entities::Recognizer;

static RECOGNIZER: LazyLock<Recognizer> = LazyLock::new(|| Recognizer::built_in().unwrap());

fn corpus() -> Vec<Article> {
    SEEDS[..3].iter().map(|&(name, text)| Article::from_text(Origin::Embedded(name), text)).collect()
}

fn claim(article: &Article, sentence: usize, id: &str, tags: &[&str], note: &str) -> Claim {
    let span = article.sentences()[sentence].clone();
    Claim {
        id: id.into(),
        anchor: Anchor::of(article.text(), &span),
        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        check_worthy: false,
        verdict: Verdict::Undetermined,
        note: note.into(),
        created: "2026-11-20T10:00:00Z".into(),
        modified: "2026-11-20T11:30:00Z".into(),
        author: "analyst".into(),
        orphaned: false,
        unknown: crate::annotations::store::Unknown::new(),
    }
}

/// Two annotated seeds (001 and 002), one read but unannotated (000), and an orphan.
fn store(corpus: &[Article]) -> Store {
    let mut store = Store::default();
    let mut first = ArticleRecord::for_article(&corpus[1]);
    first.note = "Source is a state-aligned outlet; treat claims with care.".into();
    let mut interview = claim(
        &corpus[1],
        2,
        "c0000000001",
        &["fact", "quote"],
        "Check the date of the interview.\nKCNA should have the transcript, \"verbatim\", with times.",
    );
    interview.check_worthy = true;
    interview.verdict = Verdict::InProgress;
    let mut ratings = claim(&corpus[1], 14, "c0000000002", &["quantity", "causal"], "");
    ratings.verdict = Verdict::Verified;
    let mut orphan = claim(&corpus[1], 5, "c0000000003", &["opinion"], "");
    orphan.orphaned = true;
    orphan.anchor.quote = "A sentence that was later deleted.".into();
    first.claims = vec![interview, ratings, orphan];
    store.articles.insert("a4fe56e616a3".into(), first);
    let mut second = ArticleRecord::for_article(&corpus[2]);
    let mut putin = claim(&corpus[2], 6, "c0000000004", &["quote", "prediction"], "Financial Times, June 2024.");
    putin.check_worthy = true;
    second.claims = vec![putin];
    store.articles.insert("acb96b68d56a".into(), second);
    let mut read = ArticleRecord::for_article(&corpus[0]);
    read.read = true;
    store.articles.insert("5f1864e34f1e".into(), read);
    store
}

fn export(filter: &Filter) -> Export {
    let corpus = corpus();
    let store = store(&corpus);
    Export {
        corpus: "seeds".into(),
        date: Some("2026-11-21".into()),
        articles: gather(&corpus, &store, Some(&RECOGNIZER), filter),
        links_from: None,
    }
}

/// Compares with `golden/NAME`; `UPDATE_GOLDEN=1` writes it instead.
fn golden(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/export/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {}; run with UPDATE_GOLDEN=1", path.display()));
    assert_eq!(
        actual, expected,
        "{name} differs from its golden file; if the change is right, run with UPDATE_GOLDEN=1"
    );
}

#[test]
fn golden_files_for_every_format() {
    let export = export(&Filter::default());
    let vocabulary = Vocabulary::built_in().unwrap();
    golden("briefing.md", &Format::Markdown.write(&export, &vocabulary).unwrap());
    golden("export.json", &Format::Json.write(&export, &vocabulary).unwrap());
    golden("claims.csv", &Format::Csv.write(&export, &vocabulary).unwrap());
    golden("annotations.jsonld", &Format::W3c.write(&export, &vocabulary).unwrap());
}

#[test]
fn the_same_store_and_corpus_give_the_same_bytes() {
    let vocabulary = Vocabulary::built_in().unwrap();
    for format in Format::ALL {
        assert_eq!(
            format.write(&export(&Filter::default()), &vocabulary).unwrap(),
            format.write(&export(&Filter::default()), &vocabulary).unwrap()
        );
    }
}

#[test]
fn articles_without_annotations_are_left_out_unless_asked() {
    let ids: Vec<String> = export(&Filter::default()).articles.into_iter().map(|a| a.id).collect();
    assert_eq!(ids, ["a4fe56e616a3", "acb96b68d56a"], "the read-only article 000 is not annotated");
    let all = export(&Filter { all_articles: true, ..Filter::default() });
    assert_eq!(all.articles.len(), 3);
}

#[test]
fn filters_by_tag_flag_verdict_and_article() {
    let claims =
        |filter: Filter| -> Vec<String> { export(&filter).claims().map(|(_, c)| c.claim.id.clone()).collect() };
    assert_eq!(claims(Filter { tags: vec!["quote".into()], ..Filter::default() }), ["c0000000001", "c0000000004"]);
    assert_eq!(claims(Filter { check_worthy: true, ..Filter::default() }), ["c0000000001", "c0000000004"]);
    assert_eq!(claims(Filter { verdict: Some(Verdict::Verified), ..Filter::default() }), ["c0000000002"]);
    assert_eq!(claims(Filter { articles: vec!["acb96b68d56a".into()], ..Filter::default() }), ["c0000000004"]);
    assert!(claims(Filter { articles: vec!["acb9".into()], ..Filter::default() }).is_empty(), "ids match whole");
    assert!(claims(Filter { articles: vec![String::new()], ..Filter::default() }).is_empty());
    assert_eq!(claims(Filter { articles: vec!["002_acb96b68d56a8566".into()], ..Filter::default() }), ["c0000000004"]);
    assert_eq!(
        claims(Filter { articles: vec!["002_acb96b68d56a8566.txt".into()], ..Filter::default() }),
        ["c0000000004"]
    );
}

#[test]
fn claims_carry_their_names_and_code_point_offsets() {
    let export = export(&Filter::default());
    let (article, interview) = export.claims().next().unwrap();
    let names: Vec<&str> = interview.entities.iter().map(|e| &*e.canonical).collect();
    assert!(names.contains(&"Fumio Kishida") && names.contains(&"North Korea"), "{names:?}");
    let text = SEEDS[1].1;
    let place = interview.place.unwrap();
    let quoted: String = text.chars().skip(place.start).take(place.end - place.start).collect();
    assert_eq!(quoted, interview.claim.anchor.quote);
    assert_eq!(text[place.start_byte..place.end_byte], interview.claim.anchor.quote);
    assert_eq!(article.file, SEEDS[1].0);
    assert_eq!(place.line, 2);
    let orphan = export.claims().find(|(_, c)| c.claim.orphaned).unwrap().1;
    assert_eq!(orphan.place, None);
}

#[test]
fn csv_reads_back_with_notes_intact() {
    let text = Format::Csv.write(&export(&Filter::default()), &Vocabulary::built_in().unwrap()).unwrap();
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), COLUMNS);
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(&rows[0][5], "fact;quote");
    assert_eq!(
        &rows[0][8],
        "Check the date of the interview.\nKCNA should have the transcript, \"verbatim\", with times."
    );
    assert_eq!((&rows[0][6], &rows[0][7]), ("true", "in_progress"));
    assert!(text.contains("\r\n"), "RFC 4180 line ends");
}

#[test]
fn json_reads_back_with_everything() {
    let text = Format::Json.write(&export(&Filter::default()), &Vocabulary::built_in().unwrap()).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["version"], 1);
    assert_eq!(value["exported"], "2026-11-21");
    let article = &value["articles"][0];
    for key in ["id", "file", "path", "title", "source", "date", "fingerprint", "note", "claims"] {
        assert!(article.get(key).is_some(), "article has {key}");
    }
    let claim = &article["claims"][0];
    for key in [
        "id",
        "quote",
        "prefix",
        "suffix",
        "start",
        "end",
        "tags",
        "check_worthy",
        "verdict",
        "note",
        "created",
        "modified",
        "author",
        "entities",
    ] {
        assert!(claim.get(key).is_some(), "claim has {key}");
    }
    assert_eq!(article["claims"][2]["orphaned"], true);
}

#[test]
fn w3c_follows_the_web_annotation_model() {
    let text = Format::W3c.write(&export(&Filter::default()), &Vocabulary::built_in().unwrap()).unwrap();
    let collection: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(collection["@context"], CONTEXT);
    assert_eq!(collection["type"], "AnnotationCollection");
    assert!(collection["id"].as_str().unwrap().starts_with("urn:gloss:export:"));
    let page = &collection["first"];
    assert_eq!(page["type"], "AnnotationPage");
    assert_eq!(page["partOf"], collection["id"]);
    assert!(page["id"].is_string());
    let items = page["items"].as_array().unwrap();
    assert_eq!(collection["total"], items.len());
    assert_eq!(items.len(), 3, "orphans have no place to point at");
    let motivations = [
        "assessing",
        "bookmarking",
        "classifying",
        "commenting",
        "describing",
        "editing",
        "highlighting",
        "identifying",
        "linking",
        "moderating",
        "questioning",
        "replying",
        "tagging",
    ];
    for item in items {
        assert_eq!(item["type"], "Annotation");
        assert!(motivations.contains(&item["motivation"].as_str().unwrap()));
        assert!(item["created"].is_string() && item["creator"]["name"].is_string());
        assert!(item["id"].as_str().unwrap().starts_with("urn:gloss:claim:c"));
        for body in item["body"].as_array().unwrap() {
            assert_eq!(body["type"], "TextualBody");
            assert!(motivations.contains(&body["purpose"].as_str().unwrap()));
            assert!(body["value"].is_string());
        }
        let target = &item["target"];
        assert!(target["source"].as_str().unwrap().starts_with("urn:gloss:article:"));
        let selectors = target["selector"].as_array().unwrap();
        assert_eq!(selectors[0]["type"], "TextQuoteSelector");
        assert_eq!(selectors[1]["type"], "TextPositionSelector");
        let (start, end) = (selectors[1]["start"].as_u64().unwrap(), selectors[1]["end"].as_u64().unwrap());
        assert!(start < end);
        assert!(selectors[0]["exact"].as_str().unwrap().chars().count() == usize::try_from(end - start).unwrap());
    }
    let first = &items[0]["body"];
    let purposes: Vec<&str> = first.as_array().unwrap().iter().map(|b| b["purpose"].as_str().unwrap()).collect();
    assert_eq!(purposes, ["classifying", "classifying", "tagging", "assessing", "commenting"]);
    assert_eq!(first[3]["value"], "in_progress");
}

#[test]
fn markdown_is_a_briefing() {
    let text = Format::Markdown.write(&export(&Filter::default()), &Vocabulary::built_in().unwrap()).unwrap();
    assert!(text.starts_with("# Briefing: seeds\n\nExported 2026-11-21.\n"));
    assert!(
        text.contains("| Claims by tag | fact 1, quantity 1, causal 1, prediction 1, quote 2, opinion 1 |"),
        "{text}"
    );
    assert!(text.contains("| Check-worthy | 2 |"));
    assert!(text.contains("**Article note.** Source is a state-aligned outlet"));
    assert!(text.contains("### Claim `c0000000001` · fact, quote · check-worthy · verdict: in progress"));
    assert!(text.contains("> In an interview, Kim Yo, vice minister of the DPRK Labor Commission"));
    assert!(text.contains("- Note: Check the date of the interview.  \n  KCNA should"));
    assert!(text.contains("⚠ Orphaned"));
}

#[test]
fn an_export_of_nothing_writes_empty_lists_on_one_line() {
    let nothing = Export::new("news", None, Vec::new());
    let vocabulary = Vocabulary::built_in().unwrap();
    let w3c = Format::W3c.write(&nothing, &vocabulary).unwrap();
    assert!(w3c.contains("\"total\": 0,") && w3c.contains("    \"items\": []\n  }\n}\n"), "{w3c}");
    let json = Format::Json.write(&nothing, &vocabulary).unwrap();
    assert!(json.ends_with("  \"articles\": []\n}\n"), "{json}");
}

#[test]
fn without_a_date_the_output_is_reproducible() {
    let mut export = export(&Filter::default());
    export.date = None;
    let text = Format::Markdown.write(&export, &Vocabulary::built_in().unwrap()).unwrap();
    assert!(!text.contains("Exported"));
}

#[test]
fn file_names_are_safe_and_say_what_they_hold() {
    assert_eq!(file_name(&["seeds"], "2026-11-21", Format::Markdown), "gloss-seeds-2026-11-21.md");
    assert_eq!(
        file_name(&["my corpus/…", "check-worthy"], "2026-11-21", Format::W3c),
        "gloss-my-corpus-check-worthy-2026-11-21.jsonld"
    );
    assert_eq!(file_name(&["../..", "a:b*c"], "", Format::Csv), "gloss-a-b-c.csv");
}

#[test]
fn tally_counts_what_each_format_holds() {
    let export = export(&Filter::default());
    assert_eq!(export.tally(Format::Markdown), Tally { articles: 2, claims: 4 });
    assert_eq!(export.tally(Format::W3c), Tally { articles: 2, claims: 3 }, "W3C leaves the orphan out");
    assert_eq!(Tally { articles: 1, claims: 1 }.to_string(), "1 claim from 1 article");
}

#[test]
fn an_article_edited_since_it_was_annotated_has_its_claims_placed_again() {
    let mut corpus = corpus();
    let edited = format!("Editor's note: this article was updated.\n\n{}", SEEDS[1].1);
    let store = store(&corpus);
    corpus[1] = Article::from_text(Origin::Embedded(SEEDS[1].0), &edited);
    let export = Export::new("seeds", None, gather(&corpus, &store, None, &Filter::default()));
    let (article, interview) = export.claims().next().unwrap();
    assert_eq!(article.id, "a4fe56e616a3", "found by its path");
    let place = interview.place.unwrap();
    let text = corpus[1].text();
    assert_eq!(text[place.start_byte..place.end_byte], interview.claim.anchor.quote);
    assert_eq!(place.line, 4);
    assert!(export.claims().filter(|(_, c)| c.place.is_some()).all(|(_, c)| !c.claim.orphaned));
}

#[test]
fn copies_are_exported_once_and_other_corpora_not_at_all() {
    let full = corpus();
    let store = store(&full);
    // This corpus is the second seed twice; the store also annotates the third.
    let copy = || Article::from_text(Origin::Embedded(SEEDS[1].0), SEEDS[1].1);
    let copies = vec![copy(), copy()];
    let gathered = gather(&copies, &store, None, &Filter::default());
    let ids: Vec<&str> = gathered.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a4fe56e616a3"]);
}

#[test]
fn formats_keep_their_names_extensions_and_labels() {
    let described: Vec<(&str, &str, &str)> = Format::ALL.iter().map(|f| (f.name(), f.extension(), f.label())).collect();
    assert_eq!(
        described,
        [
            ("md", "md", "Markdown briefing"),
            ("json", "json", "JSON (everything)"),
            ("csv", "csv", "CSV (a row per claim)"),
            ("w3c", "jsonld", "W3C Web Annotation (JSON-LD)"),
        ]
    );
    for (text, format) in [("MD", Format::Markdown), ("markdown", Format::Markdown), ("Json", Format::Json)] {
        assert_eq!(text.parse(), Ok(format));
    }
    for text in ["csv", "w3c", "jsonld", "JSON-LD"] {
        assert!(text.parse::<Format>().is_ok(), "{text}");
    }
    assert_eq!("pdf".parse::<Format>(), Err("unknown export format `pdf`; formats are md, json, csv, w3c".to_owned()));
}

#[test]
fn a_failed_write_names_the_file_and_leaves_no_export() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "").unwrap();
    let path = blocker.join("brief.md");
    let error = export(&Filter::default()).write_to(&path, Format::Markdown, &Vocabulary::built_in().unwrap());
    let error = error.unwrap_err();
    assert!(matches!(error, ExportError::Write(_)), "{error}");
    assert!(error.to_string().starts_with(&format!("cannot write {}", path.display())), "{error}");
}

#[test]
fn a_render_error_names_the_format_and_asks_for_a_report() {
    let source = RenderError::Json(serde_json::from_str::<u8>("x").unwrap_err());
    let error = ExportError::Render { format: Format::Csv, source };
    assert_eq!(
        error.to_string(),
        "cannot make the csv export (expected value at line 1 column 1); this is a bug in gloss, please report it"
    );
}

/// A sink that takes `room` bytes, then fails as a full disk does.
struct Full {
    room: usize,
}

impl std::io::Write for Full {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if self.room < bytes.len() {
            return Err(std::io::Error::from(std::io::ErrorKind::StorageFull));
        }
        self.room -= bytes.len();
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn an_output_that_stops_is_said_to_be_the_outputs_fault_in_every_format() {
    let vocabulary = Vocabulary::built_in().unwrap();
    for &format in Format::ALL {
        let error = format.write_into(&export(&Filter::default()), &vocabulary, &mut Full { room: 100 }).unwrap_err();
        assert!(
            matches!(&error, ExportError::Output(e) if e.kind() == std::io::ErrorKind::StorageFull),
            "{format}: {error}"
        );
    }
}
