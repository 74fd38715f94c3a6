//! Exports of 100,000 claims, every format, written as `gloss export` writes them (buffered,
//! to a sink that counts the bytes); peak memory per format is measured with
//! `examples/export_claims` under `/usr/bin/time -v` (see BENCHMARKS.md).

use std::io::{self, Write};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gloss_core::annotations::Vocabulary;
use gloss_core::export::Format;

#[allow(dead_code)]
#[path = "../examples/claims/mod.rs"]
mod claims;

/// Counts what is written and keeps none of it.
struct Counted(u64);

impl Write for Counted {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0 += bytes.len() as u64;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn written(format: Format, export: &gloss_core::export::Export, vocabulary: &Vocabulary) -> u64 {
    let mut counted = Counted(0);
    let mut out = io::BufWriter::new(&mut counted);
    format.write_into(export, vocabulary, &mut out).expect("the export is written");
    out.flush().expect("the export is flushed");
    drop(out);
    counted.0
}

fn exports(c: &mut Criterion) {
    let export = claims::export(100_000);
    let vocabulary = Vocabulary::built_in().expect("the built-in vocabulary");
    let mut group = c.benchmark_group("export 100,000 claims");
    group.sample_size(10);
    for &format in Format::ALL {
        let size = written(format, &export, &vocabulary);
        group.throughput(Throughput::Bytes(size));
        group.bench_function(format!("{format} ({} MB)", size / 1_000_000), |b| {
            b.iter(|| written(format, &export, &vocabulary));
        });
    }
    group.finish();
}

criterion_group!(benches, exports);
criterion_main!(benches);
