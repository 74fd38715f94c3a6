//! Recognises about 1 MB of news text (the seeds, 36 times over, as the recognition benchmark
//! does) the given number of times, for counting the work it takes where timings are too noisy:
//! `perf stat -e instructions:u target/release/examples/recognize_seeds 5`, minus a run with 0.

use gloss_core::corpus::{Article, Origin, SEEDS};
use gloss_core::entities::Recognizer;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rounds: usize = std::env::args().nth(1).map_or(Ok(1), |n| n.parse())?;
    let recognizer = Recognizer::built_in()?;
    let articles: Vec<Article> = (0..36)
        .flat_map(|round| {
            SEEDS
                .iter()
                .map(move |(name, text)| Article::from_text(Origin::Embedded(name), &format!("{text}\n\n{round}")))
        })
        .collect();
    for article in &articles {
        article.sentences();
    }
    let mut found = 0;
    for _ in 0..rounds {
        found += articles.iter().map(|a| recognizer.recognize(a).len()).sum::<usize>();
    }
    println!("{found} mentions");
    Ok(())
}
