//! Corpus tests: the five seeds parsed, folders scanned, bad files skipped with their reasons.

use super::*;

fn seed(index: usize) -> Article {
    let (name, text) = SEEDS[index];
    Article::from_text(Origin::Embedded(name), text)
}

#[test]
fn seeds_folder_matches_the_built_in_seeds_byte_for_byte() {
    for (name, text) in SEEDS {
        let on_disk = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds").join(name)).unwrap();
        assert_eq!(on_disk, text, "{name}");
    }
}

#[test]
fn seed_titles() {
    let titles: Vec<(String, bool)> =
        (0..5).map(|i| (seed(i).title().to_owned(), seed(i).header().title_derived)).collect();
    assert_eq!(
        titles,
        [
            (
                "Frequent anomalies on the peninsula Fumio Kishida thanked the DPRK and the Russian deputy foreign mi"
                    .to_owned(),
                false
            ),
            ("Recently, the Korean Peninsula has once again been in the global spotlight, and…".to_owned(), true),
            (
                "While Russia Deepens Ties With North Korea, Historic Tensions Are Boiling Up Between Japan and Russia"
                    .to_owned(),
                false
            ),
            (
                "Japan ROK diplomacy has evolved from pro US and anti China to pro US and friendly China , and has"
                    .to_owned(),
                false
            ),
            ("Japan and South Korea Sound Alarm over Putin-Kim".to_owned(), false),
        ]
    );
}

#[test]
fn seed_sources_and_dates() {
    let found: Vec<(Option<String>, Option<String>)> =
        (0..5).map(|i| (seed(i).header().source.clone(), seed(i).header().date.clone())).collect();
    let mondo = |date: &str| (Some("Mondo International".to_owned()), Some(date.to_owned()));
    assert_eq!(found, [mondo("2024-02-04"), (None, None), (None, None), mondo("2024-01-28"), (None, None)]);
}

#[test]
fn seed_paragraphs_sentences_and_words() {
    let counts: Vec<(usize, usize)> = (0..5)
        .map(|i| {
            let article = seed(i);
            (article.structure().paragraphs.spans.len(), article.sentences().len())
        })
        .collect();
    assert_eq!(counts, [(16, 44), (8, 20), (15, 25), (12, 36), (63, 87)]);
    for i in 0..5 {
        let article = seed(i);
        assert!(article.words() > 400, "seed {i} has {} words", article.words());
        assert!(!article.structure().paragraphs.soft_wrapped, "seed {i}");
        for sentence in article.sentences() {
            let text = &article.text()[sentence.clone()];
            assert_eq!(text, text.trim(), "seed {i}");
            assert!(!text.contains('\n'), "seed {i}: sentence crosses a line: {text:?}");
        }
    }
}

#[test]
fn seed_sentence_edges() {
    let article = seed(2);
    let texts: Vec<&str> = article.sentences().iter().map(|s| &article.text()[s.clone()]).collect();
    assert!(
        texts.contains(&"Officials in South Korea and Japan — North Korea’s avowed enemies — were especially alarmed.")
    );
    assert!(texts.iter().any(|t| t.starts_with("Both countries had already") && t.contains("Mr. Kim’s rhetoric")));
    assert!(texts.contains(&"According to the Financial Times, “Putin said Moscow might supply high-precision weapons to North Korea in response to advanced western military support for Ukraine.”"));
    let article = seed(0);
    let texts: Vec<&str> = article.sentences().iter().map(|s| &article.text()[s.clone()]).collect();
    assert!(texts.contains(&"Russian Deputy Foreign Minister Rudenko."));
    assert!(texts.contains(&"Mondo International Updated on 2024-02-04"));
    assert!(texts.contains(&"In Japan, U.S. media reported that Kishida is trying to find ways to contact Trump."));
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn folders_are_scanned_recursively_in_order_with_problems_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.txt", b"Second headline\n\nBody text here.");
    write(dir.path(), "a.txt", b"First headline\n\nBody.");
    write(dir.path(), "nested/c.TXT", b"Nested headline\n\nBody.");
    write(dir.path(), "image.png", b"\x89PNG\r\n");
    write(dir.path(), ".hidden/d.txt", b"Hidden\n\nBody.");
    write(dir.path(), "empty.txt", b"\n\n");
    write(dir.path(), "binary.txt", b"\0\0\0\x01binary");
    write(dir.path(), "latin1.txt", b"Caf\xe9 politics\n\nBody.");
    let missing = dir.path().join("missing.txt");

    let discovery = discover(&[dir.path().to_path_buf(), missing.clone(), dir.path().join("a.txt")]);
    let (articles, problems) = load_all(discovery);
    let names: Vec<String> = articles.iter().map(|a| a.origin().file_name()).collect();
    assert_eq!(names, ["a.txt", "b.txt", "latin1.txt", "c.TXT"]);
    assert_eq!(articles[2].decoding(), Decoding::Converted { encoding: "windows-1252" });
    assert_eq!(articles[2].title(), "Café politics");

    let reasons: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(reasons.len(), 3, "{reasons:#?}");
    assert!(reasons[0].ends_with("missing.txt: no such file or folder"));
    assert!(reasons.iter().any(|r| r.ends_with("binary.txt: skipped: binary file, not text (it holds NUL bytes)")));
    assert!(reasons.iter().any(|r| r.ends_with("empty.txt: skipped: empty file")));
}

#[test]
fn no_paths_means_the_seeds() {
    let discovery = discover(&[]);
    assert_eq!(discovery.sources.len(), 5);
}

#[test]
fn fingerprints_follow_content_not_names() {
    let a = Article::from_text(Origin::Embedded("a.txt"), "Same text");
    let b = Article::from_text(Origin::Embedded("b.txt"), "Same text");
    let c = Article::from_text(Origin::Embedded("a.txt"), "Other text");
    assert_eq!(a.fingerprint(), b.fingerprint());
    assert_ne!(a.fingerprint(), c.fingerprint());
    assert_eq!(a.fingerprint().to_hex().len(), 64);
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_are_refused_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    // No writer ever opens the FIFO: reading it would wait forever.
    for (path, kind) in [(fifo.as_path(), "a named pipe (FIFO)"), (Path::new("/dev/zero"), "a device")] {
        let discovery = discover(&[path.to_path_buf()]);
        assert!(discovery.sources.is_empty());
        let reasons: Vec<String> = discovery.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            reasons,
            [format!("{}: skipped: {kind}, not a file: gloss reads files and folders only", path.display())]
        );
        let source = Source::File { path: path.to_path_buf(), format: Format::PlainText };
        let problem = load(&source).unwrap_err();
        assert_eq!(problem.reason, ProblemReason::Skipped(Unreadable::NotAFile(kind)));
    }
}

#[test]
fn folders_take_markdown_html_and_feeds_with_their_titles() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for (from, to) in [
        ("markdown/vilnius.md", "a/vilnius.md"),
        ("pages/news.html", "b/news.html"),
        ("feeds/world.rss", "c/world.rss"),
        ("feeds/broken.rss", "d/broken.rss"),
    ] {
        write(dir.path(), to, &fs::read(fixtures.join(from)).unwrap());
    }
    let (articles, problems) = load_all(discover(&[dir.path().to_path_buf()]));
    let found: Vec<(String, &str, Option<&str>)> =
        articles.iter().map(|a| (a.origin().file_name(), a.title(), a.header().date.as_deref())).collect();
    assert_eq!(
        found,
        [
            ("vilnius.md".to_owned(), "NATO summit opens in Vilnius", Some("2023-07-11")),
            ("news.html".to_owned(), "Japan and South Korea Sound Alarm over Putin-Kim", Some("2024-02-04")),
            (
                "world.rss#mondo-2023-0711-nato".to_owned(),
                "NATO leaders meet in Vilnius & agree on Sweden",
                Some("2023-07-11")
            ),
            ("world.rss#https://mondo.example/world/2023/07/17/grain".to_owned(), "Grain deal lapses", None),
        ]
    );
    assert_eq!(articles[0].header().title_span, Some(0..28), "the Markdown headline is styled as one");
    assert_eq!(articles[1].header().source.as_deref(), Some("Mondo International"));
    assert_eq!(articles[1].metadata().byline.as_deref(), Some("Kenji Sato"));
    assert_ne!(articles[2].fingerprint(), articles[3].fingerprint(), "items of one feed are distinct articles");
    let reasons: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(reasons.len(), 1, "{reasons:?}");
    assert!(reasons[0].contains("broken.rss: not a readable RSS, Atom or JSON feed"), "{reasons:?}");
}

#[test]
fn a_news_page_keeps_the_story_and_drops_everything_around_it() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages/news.html");
    let article = load(&Source::File { path, format: Format::Html }).unwrap().remove(0);
    let text = article.text();
    assert!(text.starts_with("Officials in South Korea and Japan — North Korea’s avowed enemies"), "{text}");
    assert!(text.contains("A new axis?\n\nSome scholars"), "{text}");
    assert!(text.trim_end().ends_with("at the Security Council next week."), "{text}");
    for junk in [
        "cookies",
        "Accept",
        "Advertisement",
        "renderAd",
        "Share on",
        "Related stories",
        "troll99",
        "First!",
        "rights reserved",
        "Business",
        "Search",
        "trackPageView",
        "·",
    ] {
        assert!(!text.contains(junk), "{junk:?} in {text}");
    }
    assert!(article.structure().gaps.is_empty());
}

#[test]
fn with_no_paths_a_library_with_articles_is_read_when_there_are_no_seeds_here() {
    // The tests run in the crate's folder, where there is no ./seeds.
    assert!(!Path::new(DEFAULT_FOLDER).exists());
    let dir = tempfile::tempdir().unwrap();
    let library = crate::library::Library::new(dir.path().join("library"));
    assert_eq!(default_paths(&[], Some(&library)), Vec::<PathBuf>::new(), "an empty library: the built-in seeds");
    write(library.root(), "mondo/2024-01-01-a.md", b"# A\n\nText.\n");
    assert_eq!(default_paths(&[], Some(&library)), [library.root().to_path_buf()]);
    let given = [PathBuf::from("x.txt")];
    assert_eq!(default_paths(&given, Some(&library)), given);
}

#[cfg(unix)]
#[test]
fn a_file_reached_twice_is_read_once_however_it_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("news");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("a.txt"), "A\n\nText.").unwrap();
    std::fs::write(folder.join("b.txt"), "B\n\nText.").unwrap();
    std::os::unix::fs::symlink(folder.join("a.txt"), folder.join("c.txt")).unwrap();
    let paths = [folder.clone(), folder.join("a.txt"), folder.join("../news/b.txt")];
    let found = discover(&paths);
    let names: Vec<String> = found
        .sources
        .iter()
        .map(|s| match s {
            Source::File { path, .. } => path.file_name().unwrap().to_string_lossy().into_owned(),
            Source::Embedded { name, .. } => (*name).to_owned(),
        })
        .collect();
    assert_eq!(names, ["a.txt", "b.txt"], "{:?}", found.problems);
}
