//! A generated corpus for benchmarks and trials: N news-like articles written into a folder,
//! the same bytes for the same seed (and the same gazetteer and word lists).
//!
//! Articles have 300 to 3,000 words; a few are 1 MB and one is 10 MB; about 15% carry
//! Korean, Chinese, Cyrillic or Arabic text. Every word is drawn from gloss's own word lists
//! and gazetteer or made up from syllables: there is no real news text in it.

mod article;
mod scripts;
mod vocabulary;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};

use article::Shape;
use vocabulary::Vocabulary;

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub articles: usize,
    pub seed: u64,
    /// Articles of about 1 MB.
    pub large: usize,
    /// Articles of about 10 MB.
    pub huge: usize,
    /// Spaces in one run inside one article (0: none), to try gloss on a blank stretch.
    pub blank_stretch: usize,
}

impl Spec {
    /// `articles` articles with five of 1 MB and one of 10 MB when there are enough of them.
    pub fn new(articles: usize, seed: u64) -> Self {
        let big = articles >= 100;
        Self { articles, seed, large: if big { 5 } else { 0 }, huge: usize::from(big), blank_stretch: 0 }
    }
}

/// What was written.
#[derive(Debug, Clone, Default)]
pub struct Written {
    pub files: Vec<PathBuf>,
    pub bytes: u64,
}

/// The file an article is written to.
pub fn file_name(index: usize) -> String {
    format!("{index:05}.txt")
}

/// Which articles are big, chosen by the seed: the 10 MB ones first, then the 1 MB ones.
fn big_articles(spec: &Spec) -> Vec<usize> {
    let mut rng = ChaCha8Rng::seed_from_u64(spec.seed);
    rng.set_stream(u64::MAX);
    let count = (spec.huge + spec.large).min(spec.articles);
    rand::seq::index::sample(&mut rng, spec.articles, count).into_vec()
}

/// The shape of article `index`, from its own random stream, so any article can be written
/// alone (and on any thread) and come out the same.
fn shape(spec: &Spec, index: usize, big: &[usize], rng: &mut ChaCha8Rng) -> Shape {
    let foreign = rng.random_bool(0.15).then(|| scripts::ALL[rng.random_range(0..scripts::ALL.len())]);
    let hard_wrapped = rng.random_bool(0.1);
    let words = rng.random_range(300..=3000);
    let blank_stretch = if index == spec.articles / 2 { spec.blank_stretch } else { 0 };
    let normal = Shape { words, bytes: usize::MAX, foreign, hard_wrapped, blank_stretch };
    match big.iter().position(|&b| b == index) {
        Some(rank) if rank < spec.huge => Shape { words: usize::MAX, bytes: 10_000_000, hard_wrapped: false, ..normal },
        Some(_) => Shape { words: usize::MAX, bytes: 1_000_000, hard_wrapped: false, ..normal },
        None => normal,
    }
}

/// The text of article `index`.
fn text(spec: &Spec, index: usize, big: &[usize], vocabulary: &Vocabulary) -> String {
    let mut rng = ChaCha8Rng::seed_from_u64(spec.seed);
    rng.set_stream(index as u64);
    let shape = shape(spec, index, big, &mut rng);
    article::write(&mut rng, vocabulary, shape)
}

/// Writes the corpus into `folder` (created if need be), on every core.
pub fn write(spec: &Spec, folder: &Path) -> io::Result<Written> {
    fs::create_dir_all(folder)?;
    let gazetteer = gloss_core::entities::Gazetteer::built_in().map_err(|e| io::Error::other(e.to_string()))?;
    let vocabulary = Vocabulary::new(&gazetteer);
    let big = big_articles(spec);
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let results: Vec<io::Result<Written>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|worker| {
                let (vocabulary, big) = (&vocabulary, &big);
                scope.spawn(move || {
                    let mut written = Written::default();
                    for index in (worker..spec.articles).step_by(threads) {
                        let path = folder.join(file_name(index));
                        let text = text(spec, index, big, vocabulary);
                        fs::write(&path, &text)?;
                        written.bytes += text.len() as u64;
                        written.files.push(path);
                    }
                    Ok(written)
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap_or_else(|_| Err(io::Error::other("a writer panicked")))).collect()
    });
    let mut all = Written::default();
    for result in results {
        let written = result?;
        all.bytes += written.bytes;
        all.files.extend(written.files);
    }
    all.files.sort();
    Ok(all)
}

/// The corpus for `spec` in `folder`, written unless a finished one is there already (its
/// marker file names the spec).
pub fn ensure(spec: &Spec, folder: &Path) -> io::Result<()> {
    let marker = folder.join(".generated");
    let wanted = format!("{spec:?}\n");
    if fs::read_to_string(&marker).is_ok_and(|found| found == wanted) {
        return Ok(());
    }
    if folder.exists() {
        fs::remove_dir_all(folder)?;
    }
    write(spec, folder)?;
    fs::write(marker, wanted)
}
