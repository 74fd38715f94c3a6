//! Working as a team from the command line: `gloss whoami` and `gloss agreement`, with figures
//! checked against textbook examples worked by hand (not against gloss's own output).

// Helpers here fail the test that calls them; that is what their unwraps are for.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{gloss, stderr, stdout};
use gloss_core::annotations::{ArticleRecord, Stamp, Store};
use gloss_core::corpus::{Article, Decoding, Origin};

/// `gloss` with no name in the environment but `USER=account`.
fn anonymous(home: &Path, cwd: &Path) -> Command {
    let mut command = gloss(home, cwd);
    command.env_remove("GLOSS_AUTHOR").env_remove("USERNAME").env_remove("LOGNAME").env("USER", "account");
    command
}

#[test]
fn whoami_says_the_name_and_where_it_comes_from_in_order() {
    let home = tempfile::tempdir().unwrap();
    let output = anonymous(home.path(), home.path()).arg("whoami").output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "account\tthe USER variable\n");

    // A git repository (the team's) names the analyst before the account does.
    let repo = home.path().join("team");
    fs::create_dir(&repo).unwrap();
    let git = |args: &[&str]| assert!(Command::new("git").current_dir(&repo).args(args).status().unwrap().success());
    git(&["init", "-q"]);
    git(&["config", "user.name", "Kim Lee"]);
    let store = repo.join("kim.ron");
    let output = anonymous(home.path(), home.path()).arg("--store").arg(&store).arg("whoami").output().unwrap();
    assert_eq!(stdout(&output), format!("Kim Lee\tgit config user.name (in {})\n", repo.display()));

    // config.ron before git; GLOSS_AUTHOR before everything.
    let config = home.path().join("config/gloss/config.ron");
    fs::create_dir_all(config.parent().unwrap()).unwrap();
    fs::write(&config, "(author: \"Ana Ruiz\")\n").unwrap();
    let output = anonymous(home.path(), home.path()).arg("--store").arg(&store).arg("whoami").output().unwrap();
    assert_eq!(stdout(&output), format!("Ana Ruiz\tauthor in {}\n", config.display()));
    let output = anonymous(home.path(), home.path())
        .env("GLOSS_AUTHOR", "desk-3")
        .args(["whoami", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"author": "desk-3", "source": "GLOSS_AUTHOR", "from": "the GLOSS_AUTHOR variable"})
    );
}

#[test]
fn a_config_file_with_a_mistake_is_a_usage_error_naming_its_place() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config/gloss/config.ron");
    fs::create_dir_all(config.parent().unwrap()).unwrap();
    fs::write(&config, "(autor: \"Ana\")\n").unwrap();
    let output = anonymous(home.path(), home.path()).arg("whoami").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(errors.contains(&format!("{}:1:2", config.display())) && errors.contains("autor"), "{errors}");
    assert_eq!(fs::read_to_string(&config).unwrap(), "(autor: \"Ana\")\n", "never rewritten");
}

/// A corpus of one article of 50 sentences, in `dir/corpus`.
fn fifty_sentences(dir: &Path) -> (PathBuf, Article) {
    let corpus = dir.join("corpus");
    fs::create_dir(&corpus).unwrap();
    let text: Vec<String> = (1..=50).map(|n| format!("The index rose in week {n} of the year.")).collect();
    let path = corpus.join("index.txt");
    fs::write(&path, text.join(" ") + "\n").unwrap();
    let bytes = fs::read(&path).unwrap();
    let article = Article::new(Origin::File(path), &bytes, String::from_utf8(bytes.clone()).unwrap(), Decoding::Utf8);
    assert_eq!(article.sentences().len(), 50, "one unit per sentence");
    (corpus, article)
}

/// A store at `dir/NAME.ron` whose analyst tagged the sentences `facts` (by index) `fact`.
fn store(dir: &Path, name: &str, article: &Article, facts: &[usize]) -> PathBuf {
    let stamp = Stamp { author: name.into(), time: "2026-11-21T09:00:00Z".into() };
    let mut record = ArticleRecord::for_article(article);
    for &i in facts {
        let claim = record.add_claim(article.text(), &article.sentences()[i], &format!("c{i}"), &stamp);
        record.claims[claim].tags = vec!["fact".into()];
    }
    let mut store = Store::default();
    store.articles.insert("index".into(), record);
    let path = dir.join(format!("{name}.ron"));
    store.save(&path).unwrap();
    path
}

// Wikipedia's worked example for Cohen's kappa ("Cohen's kappa", 50 grant proposals), as
// 50 sentences: both tagged `fact` on 20, kim alone on 5, lee alone on 10, neither on 15.
// p_o = (20 + 15) / 50 = 0.7; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = (0.7 − 0.5) / 0.5 = 0.4.
// Krippendorff's alpha on the same: 100 values, 55 "yes" and 45 "no"; the 15 disagreements
// give D_o = 30 / 100 = 0.3 and D_e = 2·55·45 / (100·99) = 0.5, α = 1 − 0.3 / 0.5 = 0.4.
// Span F1: 25 and 30 claims, 20 on the same sentence: 2·20 / 55 = 0.7273.
fn grant_proposals(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let (corpus, article) = fifty_sentences(dir);
    let kim: Vec<usize> = (0..25).collect();
    let lee: Vec<usize> = (0..20).chain(25..35).collect();
    (store(dir, "kim", &article, &kim), store(dir, "lee", &article, &lee), corpus)
}

fn agreement(dir: &Path, args: &[&Path], format: &str) -> std::process::Output {
    gloss(dir, dir).arg("agreement").args(args).args(["--format", format]).output().unwrap()
}

#[test]
fn agreement_of_two_analysts_is_cohens_kappa_by_the_textbook() {
    let dir = tempfile::tempdir().unwrap();
    let (kim, lee, corpus) = grant_proposals(dir.path());
    let output = agreement(dir.path(), &[&kim, &lee, &corpus], "json");
    assert!(output.status.success(), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["analysts"], serde_json::json!(["kim", "lee"]));
    assert_eq!((report["articles"].as_u64(), report["sentences"].as_u64()), (Some(1), Some(50)));
    let fact = report["questions"].as_array().unwrap().iter().find(|q| q["question"] == "fact").unwrap();
    assert_eq!((fact["units"].as_u64(), fact["agreed"].as_u64()), (Some(50), Some(35)));
    assert_eq!(fact["marked"], serde_json::json!([25, 30]));
    assert!((fact["cohen_kappa"].as_f64().unwrap() - 0.4).abs() < 1e-9, "{fact}");
    assert!((fact["alpha"].as_f64().unwrap() - 0.4).abs() < 1e-9, "{fact}");
    assert!(fact["fleiss_kappa"].is_null(), "Fleiss is for three or more");
    let spans = report["pairs"][0]["spans"].as_array().unwrap().iter().find(|s| s["question"] == "fact").unwrap();
    assert_eq!(
        (spans["first"].as_u64(), spans["second"].as_u64(), spans["exact"].as_u64()),
        (Some(25), Some(30), Some(20))
    );
    assert!((spans["exact_f1"].as_f64().unwrap() - 40.0 / 55.0).abs() < 1e-9);

    let output = agreement(dir.path(), &[&kim, &lee, &corpus], "text");
    let text = stdout(&output);
    assert!(
        text.starts_with("analysts: kim, lee\narticles: 1; annotated: kim 1, lee 1; by all: 1 (50 sentences)\n"),
        "{text}"
    );
    let row: Vec<&str> = text.lines().find(|l| l.starts_with("fact ")).unwrap().split_whitespace().collect();
    assert_eq!(row, ["fact", "50", "35", "25", "30", "0.40", "0.40"]);
    assert!(text.contains("span F1, kim – lee (1 article both annotated)"), "{text}");
    let spans: Vec<&str> = text.lines().rfind(|l| l.starts_with("fact ")).unwrap().split_whitespace().collect();
    assert_eq!(spans, ["fact", "25", "/", "30", "0.73", "0.73"]);
    assert!(text.ends_with(
        "kappa is Cohen's; alpha is Krippendorff's (nominal); n/a: not defined here (see docs/agreement.md)\n"
    ));
}

// Three analysts on three sentences, `fact` on (yes, yes, yes), (yes, yes, no), (no, no, no).
// Fleiss: P_i = 1, 1/3, 1 so P̄ = 7/9; p_yes = 5/9, p_no = 4/9, P̄_e = 41/81;
// κ = (63/81 − 41/81) / (40/81) = 22/40 = 0.55. Alpha: 9 values, 5 yes and 4 no; the second
// sentence gives 4 ordered disagreeing pairs over m − 1 = 2, so D_o = 2/9, D_e = 2·5·4/(9·8) =
// 40/72 and α = 1 − (16/72)/(40/72) = 0.6.
#[test]
fn agreement_of_three_analysts_is_fleiss_kappa_and_alpha_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    let path = corpus.join("three.txt");
    fs::write(&path, "Rates rose in May. Banks said so. Markets fell.\n").unwrap();
    let bytes = fs::read(&path).unwrap();
    let article = Article::new(Origin::File(path), &bytes, String::from_utf8(bytes.clone()).unwrap(), Decoding::Utf8);
    assert_eq!(article.sentences().len(), 3);
    let stores = [
        store(dir.path(), "ana", &article, &[0, 1]),
        store(dir.path(), "bo", &article, &[0, 1]),
        store(dir.path(), "cy", &article, &[0]),
    ];
    let mut args: Vec<&Path> = stores.iter().map(PathBuf::as_path).collect();
    args.push(&corpus);
    let output = agreement(dir.path(), &args, "json");
    assert!(output.status.success(), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let fact = report["questions"].as_array().unwrap().iter().find(|q| q["question"] == "fact").unwrap();
    assert!((fact["fleiss_kappa"].as_f64().unwrap() - 0.55).abs() < 1e-9, "{fact}");
    assert!((fact["alpha"].as_f64().unwrap() - 0.6).abs() < 1e-9, "{fact}");
    assert!(fact["cohen_kappa"].is_null());
    assert_eq!(report["pairs"].as_array().unwrap().len(), 3, "span F1 for each pair");
    let text = stdout(&agreement(dir.path(), &args, "text"));
    let row: Vec<&str> = text.lines().find(|l| l.starts_with("fact ")).unwrap().split_whitespace().collect();
    assert_eq!(row, ["fact", "3", "2", "2", "2", "1", "0.55", "0.60"]);
    assert!(text.contains("kappa is Fleiss'"), "{text}");
}

#[test]
fn a_store_that_cannot_be_read_is_named_and_the_others_still_compared() {
    let dir = tempfile::tempdir().unwrap();
    let (kim, lee, corpus) = grant_proposals(dir.path());
    let broken = dir.path().join("bo.ron");
    fs::write(&broken, "(articles: {").unwrap();
    let missing = dir.path().join("nobody.ron");
    let output = agreement(dir.path(), &[&kim, &lee, &broken, &missing, &corpus], "text");
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    assert!(errors.contains(&broken.display().to_string()), "{errors}");
    assert!(!errors.contains("--read-only"), "advice for one's own store only: {errors}");
    assert!(errors.contains(&format!("{}: no such store; check the path", missing.display())), "{errors}");
    assert!(stdout(&output).starts_with("analysts: kim, lee\n"));
    assert_eq!(fs::read_to_string(&broken).unwrap(), "(articles: {", "never rewritten");
}

#[test]
fn without_stores_agreement_compares_ones_own_with_the_config_s_folder_of_stores() {
    let dir = tempfile::tempdir().unwrap();
    let (kim, _, corpus) = grant_proposals(dir.path());
    let config = dir.path().join("config/gloss/config.ron");
    fs::create_dir_all(config.parent().unwrap()).unwrap();
    // A folder: every .ron store in it but one's own.
    fs::write(&config, "(author: \"Kim Park\", compare: [\".\"])\n").unwrap();
    let output = gloss(dir.path(), dir.path())
        .env_remove("GLOSS_AUTHOR")
        .arg("--store")
        .arg(&kim)
        .args(["agreement", "--format", "json"])
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    // One's own store under one's name; the other under the author of its claims.
    assert_eq!(report["analysts"], serde_json::json!(["Kim Park", "lee"]));
    let fact = report["questions"].as_array().unwrap().iter().find(|q| q["question"] == "fact").unwrap();
    assert!((fact["cohen_kappa"].as_f64().unwrap() - 0.4).abs() < 1e-9, "{fact}");

    // Two analysts under one name: the other store shows as its path.
    let output = gloss(dir.path(), dir.path())
        .env("GLOSS_AUTHOR", "lee")
        .arg("--store")
        .arg(&kim)
        .args(["agreement", "--format", "json"])
        .arg(&corpus)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let lee = dir.path().join("./lee.ron");
    assert_eq!(report["analysts"], serde_json::json!(["lee", lee.display().to_string()]));
}

// One store shared through git: ana tagged sentences 0-9 `fact`, bo 5-14, in the same file.
// 50 units: both yes on 5, ana alone 5, bo alone 5, neither 35. p_o = 40/50 = 0.8;
// p_e = 0.2·0.2 + 0.8·0.8 = 0.68; κ = (0.8 − 0.68) / 0.32 = 0.375. Alpha: 100 values, 20 yes
// and 80 no; 10 disagreeing units give D_o = 20/100 = 0.2, D_e = 2·20·80 / (100·99) = 32/99,
// α = 1 − 0.2·99/32 = 0.38125. The article note is nobody's answer.
#[test]
fn a_shared_store_is_one_analyst_per_claim_author() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, article) = fifty_sentences(dir.path());
    let ana = Store::load(&store(dir.path(), "ana", &article, &(0..10).collect::<Vec<_>>())).unwrap();
    let bo = Store::load(&store(dir.path(), "bo", &article, &(5..15).collect::<Vec<_>>())).unwrap();
    let mut shared = ana.clone();
    let record = shared.articles.get_mut("index").unwrap();
    record.note = "read by the desk".into();
    record.claims.extend(bo.articles["index"].claims.iter().cloned().map(|mut c| {
        c.id = format!("bo-{}", c.id);
        c
    }));
    record.sort_claims();
    let file = dir.path().join("annotations.ron");
    shared.save(&file).unwrap();

    let output = agreement(dir.path(), &[&file, &corpus], "text");
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let header = format!("analysts by claim author in {}: ana, bo\nanalysts: ana, bo\n", file.display());
    assert!(text.starts_with(&header), "{text}");
    let row: Vec<&str> = text.lines().find(|l| l.starts_with("fact ")).unwrap().split_whitespace().collect();
    assert_eq!(row[..5], ["fact", "50", "40", "10", "10"]);

    let output = agreement(dir.path(), &[&file, &corpus], "json");
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["analysts"], serde_json::json!(["ana", "bo"]));
    let fact = report["questions"].as_array().unwrap().iter().find(|q| q["question"] == "fact").unwrap();
    assert!((fact["cohen_kappa"].as_f64().unwrap() - 0.375).abs() < 1e-9, "{fact}");
    assert!((fact["alpha"].as_f64().unwrap() - 0.381_25).abs() < 1e-9, "{fact}");

    // Beside another analyst's own store: three analysts, the shared store's two by author.
    let cy = store(dir.path(), "cy", &article, &[0]);
    let output = agreement(dir.path(), &[&file, &cy, &corpus], "json");
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["analysts"], serde_json::json!(["ana", "bo", "cy"]));

    // Without stores named: one's own store, shared, is split the same way.
    let output = gloss(dir.path(), dir.path())
        .env("GLOSS_AUTHOR", "ana")
        .arg("--store")
        .arg(&file)
        .arg("agreement")
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).starts_with(&header), "{}", stdout(&output));
}
