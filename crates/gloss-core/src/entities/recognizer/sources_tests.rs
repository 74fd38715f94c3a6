//! The two passes over files against the corpus in memory, and files that change between them.

use std::path::Path;
use std::sync::LazyLock;

use super::*;
use crate::corpus::{Format, SEEDS};

static BUILT_IN: LazyLock<Recognizer> = LazyLock::new(|| Recognizer::built_in().unwrap());

fn source(path: &Path) -> Source {
    Source::File { path: path.to_owned(), format: Format::for_named_file(path) }
}

/// Each article's file name and mentions (text, kind, canonical name).
type Named = Vec<(String, Vec<(String, Kind, String)>)>;

fn named(article: &Article, mentions: &[Mention]) -> (String, Vec<(String, Kind, String)>) {
    let text = article.text();
    let mentions = mentions.iter().map(|m| (text[m.span.clone()].to_owned(), m.kind, m.canonical.to_string()));
    (article.origin().file_name(), mentions.collect())
}

fn two_passes(recognizer: &Recognizer, sources: &[Source]) -> (Named, Vec<Problem>) {
    let mut out = Vec::new();
    let problems = recognizer
        .recognize_learned(recognizer.learn_sources(sources), named, |n| {
            out.push(n);
            Ok::<(), ()>(())
        })
        .unwrap();
    (out, problems)
}

#[test]
fn two_passes_over_files_give_what_the_corpus_in_memory_gives() {
    let folder = tempfile::tempdir().unwrap();
    let mut texts: Vec<(String, &str)> = SEEDS.iter().map(|(name, text)| ((*name).to_owned(), *text)).collect();
    texts.push(("x1.txt".into(), "Report\n\nA Morning Light spokesman denied it."));
    texts.push(("x2.txt".into(), "Review\n\nMorning Light aired the interview with Varn Halsted."));
    let sources: Vec<Source> = texts
        .iter()
        .map(|(name, text)| {
            let path = folder.path().join(name);
            std::fs::write(&path, text).unwrap();
            source(&path)
        })
        .collect();
    let recognizer = Recognizer::built_in().unwrap();
    let articles: Vec<Article> = sources.iter().flat_map(|s| load(s).unwrap()).collect();
    let in_memory: Named =
        articles.iter().zip(recognizer.recognize_corpus(&articles)).map(|(a, m)| named(a, &m)).collect();
    let (streamed, problems) = two_passes(&recognizer, &sources);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(streamed, in_memory);
    let carried = &streamed.last().unwrap().1;
    assert!(carried.iter().any(|(text, kind, _)| text == "Morning Light" && *kind == Kind::Org), "{carried:?}");
}

#[test]
fn a_file_changed_between_the_passes_is_read_as_it_is_now() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("a.txt");
    std::fs::write(&path, "Report\n\nOfficials in Japan met.").unwrap();
    let gone = folder.path().join("b.txt");
    std::fs::write(&gone, "Note\n\nNothing here.").unwrap();
    let sources = [source(&path), source(&gone)];
    let recognizer = Recognizer::built_in().unwrap();
    let learned = recognizer.learn_sources(&sources);
    // Longer before the name, so the offsets kept from the first pass would be wrong.
    std::fs::write(&path, "Report\n\nYesterday, officials in Canberra and in Japan met.").unwrap();
    std::fs::remove_file(&gone).unwrap();
    let mut out = Vec::new();
    let problems = recognizer
        .recognize_learned(learned, named, |n| {
            out.push(n);
            Ok::<(), ()>(())
        })
        .unwrap();
    let names: Vec<&str> = out[0].1.iter().map(|(text, _, _)| text.as_str()).collect();
    assert_eq!(names, ["Canberra", "Japan"]);
    assert_eq!(out.len(), 1);
    assert_eq!(problems.len(), 1, "the file removed in between is reported: {problems:?}");
    assert!(problems[0].path.ends_with("b.txt"));
}

#[test]
fn sources_that_cannot_be_read_are_reported_by_the_first_pass() {
    let folder = tempfile::tempdir().unwrap();
    let missing = source(&folder.path().join("missing.txt"));
    let recognizer = Recognizer::built_in().unwrap();
    let learned = recognizer.learn_sources(std::slice::from_ref(&missing));
    assert_eq!(learned.articles(), 0);
    assert_eq!(learned.problems().count(), 1);
    let (out, problems) = two_passes(&recognizer, &[missing]);
    assert!(out.is_empty() && problems.is_empty(), "reported once, by the first pass");
}

#[test]
fn a_failed_write_stops_the_second_pass() {
    let sources: Vec<Source> = SEEDS.iter().map(|(name, text)| Source::Embedded { name, text }).collect();
    let recognizer = Recognizer::built_in().unwrap();
    let mut written = 0;
    let outcome = recognizer.recognize_learned(
        recognizer.learn_sources(&sources),
        |_, _| (),
        |()| {
            written += 1;
            if written == 2 { Err("closed") } else { Ok(()) }
        },
    );
    assert_eq!(outcome, Err("closed"));
    assert_eq!(written, 2);
}

/// A JSON feed of items, each a title and a text.
fn feed(items: &[(&str, &str)]) -> String {
    let items: Vec<String> = items
        .iter()
        .map(|(title, text)| format!(r#"{{"id":"{title}","title":"{title}","content_text":"{text}"}}"#))
        .collect();
    format!(r#"{{"version":"https://jsonfeed.org/version/1.1","title":"Briefs","items":[{}]}}"#, items.join(","))
}

#[cfg(unix)]
#[test]
fn files_replaced_between_the_passes_are_reported_or_read_afresh_never_a_crash_or_a_wait() {
    let folder = tempfile::tempdir().unwrap();
    let path = |name: &str| folder.path().join(name);
    let report = "Report\n\nA Morning Light spokesman denied it in Japan.";
    let briefs = [("One", "Officials in Japan met."), ("Two", "Morning Light aired it.")];
    std::fs::write(path("briefs.json"), feed(&briefs)).unwrap();
    for name in ["dir.txt", "fifo.txt", "link.txt", "emptied.txt", "other.txt"] {
        std::fs::write(path(name), report).unwrap();
    }
    let names = ["briefs.json", "dir.txt", "fifo.txt", "link.txt", "emptied.txt", "other.txt"];
    let sources: Vec<Source> = names.iter().map(|name| source(&path(name))).collect();
    let learned = BUILT_IN.learn_sources(&sources);
    assert_eq!(learned.articles(), 7);
    // An item comes first in the feed now; the others follow, each where the one before was.
    let briefs = [("Zero", "Officials in Canberra met."), briefs[0], briefs[1]];
    std::fs::write(path("briefs.json"), feed(&briefs)).unwrap();
    std::fs::remove_file(path("dir.txt")).unwrap();
    std::fs::create_dir(path("dir.txt")).unwrap();
    std::fs::remove_file(path("fifo.txt")).unwrap();
    assert!(std::process::Command::new("mkfifo").arg(path("fifo.txt")).status().unwrap().success());
    std::fs::remove_file(path("link.txt")).unwrap();
    std::os::unix::fs::symlink(path("briefs.json"), path("link.txt")).unwrap();
    std::fs::write(path("emptied.txt"), "").unwrap();
    let mut out = Vec::new();
    let problems = BUILT_IN
        .recognize_learned(learned, named, |n| {
            out.push(n);
            Ok::<(), ()>(())
        })
        .unwrap();
    let reported: Vec<&str> = problems.iter().map(|p| p.path.rsplit('/').next().unwrap()).collect();
    assert_eq!(reported, ["dir.txt", "fifo.txt", "emptied.txt"], "{problems:?}");
    let found: Vec<(&str, Vec<&str>)> =
        out.iter().map(|(file, mentions)| (file.as_str(), mentions.iter().map(|m| m.0.as_str()).collect())).collect();
    assert_eq!(
        found[..3],
        [
            ("briefs.json#Zero", vec!["Canberra"]),
            ("briefs.json#One", vec!["Japan"]),
            ("briefs.json#Two", vec!["Morning Light"]),
        ]
    );
    assert_eq!(found.len(), 5, "the link is read as the text it now names, as a plain file: {found:?}");
    assert_eq!(found[3].0, "link.txt");
    assert_eq!(found[4], ("other.txt", vec!["Morning Light", "Japan"]));
}

mod against_the_corpus_in_memory {
    use proptest::prelude::*;

    use super::*;

    /// Names of several words, some starting others or sharing a first word, some not ASCII,
    /// some in no gazetteer: so that a name guessed in one article is repeated in others.
    const NAMES: &[&str] = &[
        "Morning Light",
        "Morning Light Radio",
        "Varn Halsted",
        "Port Aster",
        "Port Aster Vale",
        "Port Orrin",
        "Ras al-Khor",
        "Élodie Marchetti",
        "Ōtsuki Haru",
        "Kestrel Bay Holdings",
        "Japan",
    ];

    /// Where a name is put: with evidence for a guess, or bare.
    const FRAMES: &[(&str, &str)] = &[
        ("A ", " spokesman denied it."),
        ("", " said on Tuesday that talks would resume."),
        ("Officials in ", " met."),
        ("", " aired the interview."),
        ("President ", " arrived."),
        ("the ", " Group reported losses."),
        ("We saw ", ""),
        ("", ""),
    ];

    /// Between sentences: spaces, paragraphs, and other white space.
    const GAPS: &[&str] = &[" ", "\n\n", "\u{a0}", "\t", "\n", " 東京の記者 "];

    /// An article: a title, then sentences each a frame around a name.
    fn article() -> impl Strategy<Value = String> {
        let sentence = (0..FRAMES.len(), 0..NAMES.len(), 0..GAPS.len());
        proptest::collection::vec(sentence, 0..8).prop_map(|sentences| {
            let mut text = String::from("Report\n\n");
            for (frame, name, gap) in sentences {
                let (before, after) = FRAMES[frame];
                for piece in [before, NAMES[name], after, GAPS[gap]] {
                    text.push_str(piece);
                }
            }
            text
        })
    }

    fn each(article: &Article, mentions: &[Mention]) -> (String, Vec<Mention>) {
        (article.origin().file_name(), mentions.to_vec())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn two_passes_give_what_the_corpus_in_memory_gives(texts in proptest::collection::vec(article(), 1..7)) {
            let folder = tempfile::tempdir().unwrap();
            let sources: Vec<Source> = texts
                .iter()
                .enumerate()
                .map(|(at, text)| {
                    let path = folder.path().join(format!("{at}.txt"));
                    std::fs::write(&path, text).unwrap();
                    source(&path)
                })
                .collect();
            let articles: Vec<Article> = sources.iter().filter_map(|s| load(s).ok()).flatten().collect();
            let in_memory: Vec<(String, Vec<Mention>)> =
                articles.iter().zip(BUILT_IN.recognize_corpus(&articles)).map(|(a, m)| each(a, &m)).collect();
            let mut streamed = Vec::new();
            let problems = BUILT_IN
                .recognize_learned(BUILT_IN.learn_sources(&sources), each, |n| {
                    streamed.push(n);
                    Ok::<(), ()>(())
                })
                .unwrap();
            prop_assert!(problems.is_empty(), "{:?}", problems);
            prop_assert_eq!(streamed, in_memory);
        }
    }
}

#[test]
fn a_panic_while_rendering_reaches_the_caller_rather_than_hanging() {
    // More sources than the window, so that the other workers run out of room behind the
    // article whose output never comes.
    let sources: Vec<Source> = (0..WRITING_WINDOW * 2 + 8)
        .map(|_| Source::Embedded { name: "a.txt", text: "Report\n\nA Morning Light spokesman denied it." })
        .collect();
    let learned = BUILT_IN.learn_sources(&sources);
    let rendered = std::sync::atomic::AtomicUsize::new(0);
    let render = |_: &Article, _: &[Mention]| {
        let at = rendered.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        assert_ne!(at, 3, "rendering failed");
    };
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        BUILT_IN.recognize_learned(learned, render, |()| Ok::<(), ()>(()))
    }));
    assert!(outcome.is_err());
}
