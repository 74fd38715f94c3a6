//! Writes an export of many generated claims to a file, for measuring peak memory per format
//! with `/usr/bin/time -v`:
//!
//! ```sh
//! cargo run --release -p gloss-core --example export_claims -- FORMAT OUT [CLAIMS=100000]
//! ```
//!
//! FORMAT `none` only makes the export in memory: the baseline the writers add to.

#![allow(clippy::print_stderr)]

mod claims;

use std::path::PathBuf;
use std::process::ExitCode;

use gloss_core::annotations::Vocabulary;
use gloss_core::export::Format;

const USAGE: &str = "usage: export_claims md|json|csv|w3c|none OUT [CLAIMS=100000]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(format), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let Ok(claims) = args.get(2).map_or(Ok(100_000), |n| n.parse::<usize>()) else {
        eprintln!("CLAIMS must be a number\n{USAGE}");
        return ExitCode::from(2);
    };
    let mut export = claims::export(claims);
    if format == "none" {
        eprintln!("{} articles made", export.articles.len());
        return ExitCode::SUCCESS;
    }
    let format = match format.parse::<Format>() {
        Ok(format) => format,
        Err(error) => {
            eprintln!("{error}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let vocabulary = match Vocabulary::built_in() {
        Ok(vocabulary) => vocabulary,
        Err(error) => {
            eprintln!("the built-in vocabulary: {error}");
            return ExitCode::FAILURE;
        }
    };
    match export.write_to(&PathBuf::from(out), format, &vocabulary) {
        Ok(tally) => {
            eprintln!("wrote {tally} to {out}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}
