//! Writes a generated news corpus into a folder, for benchmarks and for trying gloss at scale:
//!
//! ```sh
//! cargo run --release -p gloss-core --example generate_corpus -- OUT [ARTICLES] [SEED] [--blank-stretch BYTES]
//! ```
//!
//! The same seed gives the same bytes (with the same gazetteer and word lists). With 100
//! articles or more, five are about 1 MB and one about 10 MB.

#![allow(clippy::print_stdout, clippy::print_stderr)]

#[allow(dead_code)]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: generate_corpus OUT [ARTICLES=10000] [SEED=42] [--blank-stretch BYTES]";

fn main() -> ExitCode {
    let mut positional = Vec::new();
    let mut blank_stretch = 0;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--blank-stretch" {
            let Some(bytes) = args.next().and_then(|b| b.parse().ok()) else {
                eprintln!("--blank-stretch needs a number of bytes\n{USAGE}");
                return ExitCode::from(2);
            };
            blank_stretch = bytes;
        } else {
            positional.push(arg);
        }
    }
    let Some(out) = positional.first().map(PathBuf::from) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let number = |at: usize, default: u64| positional.get(at).map_or(Some(default), |n| n.parse().ok());
    let (Some(articles), Some(seed)) = (number(1, 10_000), number(2, 42)) else {
        eprintln!("ARTICLES and SEED are numbers\n{USAGE}");
        return ExitCode::from(2);
    };
    let articles = usize::try_from(articles).unwrap_or(usize::MAX);
    let spec = corpus::Spec { blank_stretch, ..corpus::Spec::new(articles, seed) };
    match corpus::write(&spec, &out) {
        Ok(written) => {
            println!("{} articles, {} bytes in {}", written.files.len(), written.bytes, out.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("cannot write the corpus to {}: {error}", out.display());
            ExitCode::FAILURE
        }
    }
}
