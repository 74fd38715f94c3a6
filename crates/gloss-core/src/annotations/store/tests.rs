//! Store tests: round trips (property-based), determinism, bad files left alone.

use proptest::prelude::*;

use super::*;
use crate::annotations::claim::{Anchor, Verdict};

fn text() -> impl Strategy<Value = String> {
    // Quotes, backslashes, newlines, RON syntax and non-ASCII: what notes and quotes hold.
    proptest::string::string_regex("[a-zA-Z0-9 ,.\"'\\\\\n()\\[\\]{}:#/*’“”é한-]{0,40}").unwrap()
}

fn claim() -> impl Strategy<Value = Claim> {
    let tags = proptest::sample::subsequence(vec!["fact", "quantity", "causal", "quote"], 0..=3);
    (
        text(),
        text(),
        text(),
        0usize..5000,
        0usize..300,
        tags,
        any::<bool>(),
        0..Verdict::ALL.len(),
        text(),
        any::<bool>(),
    )
        .prop_map(|(quote, prefix, suffix, start, len, tags, check_worthy, verdict, note, orphaned)| Claim {
            id: format!("c{start:06}{len:03}"),
            anchor: Anchor { start, end: start + len, quote, prefix, suffix },
            tags: tags.into_iter().map(str::to_owned).collect(),
            check_worthy,
            verdict: Verdict::ALL[verdict],
            note,
            created: "2026-11-21T07:00:00Z".into(),
            modified: "2026-11-21T08:30:00Z".into(),
            author: "analyst".into(),
            orphaned,
            unknown: Unknown::new(),
        })
}

fn record() -> impl Strategy<Value = ArticleRecord> {
    (text(), any::<bool>(), text(), proptest::collection::vec(claim(), 0..4)).prop_map(|(title, read, note, claims)| {
        let mut record = ArticleRecord {
            file: "a.txt".into(),
            path: "/news/a.txt".into(),
            fingerprint: "ab".repeat(32),
            title,
            read,
            note,
            claims,
            ..ArticleRecord::default()
        };
        record.sort_claims();
        record.claims.dedup_by(|a, b| a.id == b.id);
        record
    })
}

fn store() -> impl Strategy<Value = Store> {
    proptest::collection::btree_map("[0-9a-f]{12}", record(), 0..4).prop_map(|articles| Store {
        articles: articles.into_iter().filter(|(_, r)| !r.is_empty()).collect(),
        ..Store::default()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_store_round_trips(store in store()) {
        let text = store.to_ron().unwrap();
        let back = Store::parse(&text, Path::new("annotations.ron")).unwrap();
        prop_assert_eq!(&back, &store);
        prop_assert_eq!(back.to_ron().unwrap(), text);
    }
}

fn sample() -> Store {
    let claim = |id: &str, start: usize| Claim {
        id: id.into(),
        anchor: Anchor { start, end: start + 5, quote: "Japan".into(), prefix: String::new(), suffix: String::new() },
        tags: vec!["fact".into()],
        check_worthy: true,
        verdict: Verdict::InProgress,
        note: "line one\nline two, with \"quotes\"".into(),
        created: "2026-11-21T07:00:00Z".into(),
        modified: "2026-11-21T07:00:00Z".into(),
        author: "kim".into(),
        orphaned: false,
        unknown: Unknown::new(),
    };
    let mut store = Store::default();
    store.articles.insert(
        "5f1864e34f1e".into(),
        ArticleRecord {
            file: "000.txt".into(),
            path: "seeds/000.txt".into(),
            fingerprint: "5f18".into(),
            title: "Title".into(),
            read: true,
            note: String::new(),
            claims: vec![claim("c2", 90), claim("c1", 10)],
            ..ArticleRecord::default()
        },
    );
    store.articles.insert("empty".into(), ArticleRecord::default());
    store
}

#[test]
fn the_same_content_gives_the_same_bytes() {
    let store = sample();
    let first = store.to_ron().unwrap();
    let mut reordered = store.clone();
    reordered.articles.get_mut("5f1864e34f1e").unwrap().claims.reverse();
    assert_eq!(reordered.to_ron().unwrap(), first);
    assert!(!first.contains("empty"), "empty records are left out");
    let claims_at: Vec<usize> = first.match_indices("id: \"c").map(|(i, _)| i).collect();
    assert!(claims_at.len() == 2 && first[claims_at[0]..].starts_with("id: \"c1"), "claims in text order");
}

#[test]
fn saving_twice_writes_the_same_bytes_and_keeps_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.ron");
    sample().save(&path).unwrap();
    let first = std::fs::read(&path).unwrap();
    sample().save(&path).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), first);
    assert_eq!(std::fs::read(backup_path(&path)).unwrap(), first);
    assert_eq!(Store::load(&path).unwrap(), {
        let mut s = sample();
        s.articles.remove("empty");
        for r in s.articles.values_mut() {
            r.sort_claims();
        }
        s
    });
}

#[test]
fn a_missing_store_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(Store::load(&dir.path().join("none.ron")).unwrap(), Store::default());
}

#[test]
fn a_corrupt_store_is_an_error_with_its_place_and_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.ron");
    let mut text = sample().to_ron().unwrap();
    text.insert_str(text.find("claims:").unwrap(), "}}} ");
    std::fs::write(&path, &text).unwrap();
    let error = Store::load(&path).unwrap_err().to_string();
    assert!(error.starts_with(&format!("{}:", path.display())), "{error}");
    assert!(error.contains("left untouched"), "{error}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_newer_store_is_refused() {
    let text = sample().to_ron().unwrap().replace("version: 1", "version: 9");
    let error = Store::parse(&text, Path::new("a.ron")).unwrap_err().to_string();
    assert!(error.contains("version 9, written by a newer gloss"), "{error}");
}

#[test]
fn the_file_reads_as_a_person_would_hope() {
    let text = sample().to_ron().unwrap();
    assert!(text.starts_with("// gloss annotations"));
    assert!(text.contains("verdict: in_progress"), "{text}");
    assert!(text.contains("check_worthy: true"));
    assert!(text.contains("tags: [\n"), "{text}");
}

#[test]
fn a_store_error_says_line_and_column() {
    let text = "// comment\n(\n    version: 1,\n    articles: {\n        \"a\": (file: 3),\n    },\n)\n";
    let error = Store::parse(text, Path::new("annotations.ron")).unwrap_err();
    let StoreError::Unreadable(LoadError::Parse(located)) = &error else { panic!("{error}") };
    assert_eq!((located.file.as_str(), located.line, located.column), ("annotations.ron", 5, 20));
    assert!(error.to_string().starts_with("annotations.ron:5:20: "), "{error}");
}

#[test]
fn a_store_starting_with_a_byte_order_mark_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.ron");
    let text = sample().to_ron().unwrap();
    std::fs::write(&path, format!("\u{feff}{text}")).unwrap();
    let loaded = Store::load(&path).unwrap();
    assert_eq!(loaded.articles["5f1864e34f1e"].claims.len(), 2);
    // Written back without the mark.
    loaded.save(&path).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn an_unreadable_store_names_the_file_and_the_way_out() {
    let dir = tempfile::tempdir().unwrap();
    let error = Store::load(dir.path()).unwrap_err().to_string();
    assert!(error.starts_with(&format!("cannot read {}: ", dir.path().display())), "{error}");
    assert!(error.ends_with("(the store was left untouched; fix it, or start with --read-only)"), "{error}");
}

#[test]
fn unknown_fields_survive_a_save_where_they_were() {
    let mut text = sample().to_ron().unwrap();
    text = text.replacen("    version: 1,\n", "    version: 1,\n    team: \"desk\",\n", 1);
    text = text.replacen("            read: true,\n", "            read: true,\n            priority: High(3),\n", 1);
    text = text.replacen(
        "                    author: \"kim\",\n",
        "                    author: \"kim\",\n                    sources: [\"a\", \"b\"],\n",
        1,
    );
    let store = Store::parse(&text, Path::new("annotations.ron")).unwrap();
    assert_eq!(store.unknown["team"].get_ron(), "\"desk\"");
    let record = &store.articles["5f1864e34f1e"];
    assert_eq!(record.unknown["priority"].get_ron(), "High(3)");
    assert_eq!(record.claims[0].unknown["sources"].get_ron(), "[\"a\", \"b\"]");
    let written = store.to_ron().unwrap();
    assert!(written.contains("    team: \"desk\",\n") && written.contains("priority: High(3),"), "{written}");
    assert!(written.contains("sources: [\"a\", \"b\"],"), "{written}");
    assert_eq!(Store::parse(&written, Path::new("a.ron")).unwrap(), store, "read back the same");
    assert!(!record.is_empty(), "a record with only unknown fields is still kept");
}

#[test]
fn an_article_given_twice_is_merged_and_said_with_its_place() {
    let one = sample().to_ron().unwrap();
    let body = one.split("\"5f1864e34f1e\": ").nth(1).unwrap();
    let record_text = &body[..body.find("\n        ),\n").unwrap() + 10];
    let second = record_text.replace("read: true", "read: false").replace("note: \"\"", "note: \"from the copy\"");
    let text = one.replacen("    },\n)", &format!("        \"5f1864e34f1e\": {second},\n    }},\n)"), 1);
    let (store, repairs) = Store::parse_reporting(&text, Path::new("annotations.ron")).unwrap();
    let record = &store.articles["5f1864e34f1e"];
    assert_eq!((record.read, record.note.as_str(), record.claims.len()), (true, "from the copy", 2));
    assert_eq!(repairs.len(), 1, "{repairs:?}");
    let line = text[..text.rfind("\"5f1864e34f1e\"").unwrap()].matches('\n').count() + 1;
    assert!(repairs[0].message.starts_with(&format!("annotations.ron:{line}:9: article 5f1864e34f1e")), "{repairs:?}");
}

#[test]
fn a_claim_id_given_twice_keeps_both_and_says_so() {
    let text = sample().to_ron().unwrap().replace("id: \"c2\"", "id: \"c1\"");
    let (store, repairs) = Store::parse_reporting(&text, Path::new("annotations.ron")).unwrap();
    let ids: Vec<&str> = store.articles["5f1864e34f1e"].claims.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["c1", "c1-2"]);
    assert!(
        repairs[0].message.contains("claim c1 is given twice") && repairs[0].message.contains("c1-2"),
        "{repairs:?}"
    );
}

#[test]
fn a_file_with_git_conflict_markers_is_refused_with_its_place() {
    let text = sample().to_ron().unwrap().replacen(
        "            read: true,\n",
        "<<<<<<< HEAD\n            read: true,\n=======\n            read: false,\n>>>>>>> theirs\n",
        1,
    );
    let error = Store::parse(&text, Path::new("annotations.ron")).unwrap_err().to_string();
    let line = text[..text.find("<<<<<<<").unwrap()].matches('\n').count() + 1;
    assert!(error.starts_with(&format!("annotations.ron:{line}:1: a git merge left conflict markers")), "{error}");
}

#[test]
fn conflicts_are_written_and_read_back() {
    use crate::annotations::conflict::{Conflict, Value};
    let mut store = sample();
    store.articles.get_mut("5f1864e34f1e").unwrap().conflicts = vec![Conflict {
        claim: Some("c1".into()),
        field: "verdict".into(),
        other_values: vec![Value::Verdict(Verdict::Misleading), Value::Text("x".into())],
    }];
    let text = store.to_ron().unwrap();
    assert!(text.contains("field: \"verdict\",\n") && text.contains("Verdict(misleading),"), "{text}");
    let back = Store::parse(&text, Path::new("a.ron")).unwrap();
    assert_eq!(back.articles["5f1864e34f1e"].conflicts, store.articles["5f1864e34f1e"].conflicts);
}
