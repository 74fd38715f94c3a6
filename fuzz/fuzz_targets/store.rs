//! The store loader: any bytes give a store or an error; a store read is written and read back
//! the same.
#![no_main]

use std::path::Path;

use gloss_core::annotations::Store;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|source: &str| {
    if let Ok(store) = Store::parse(source, Path::new("fuzz.ron")) {
        let written = store.to_ron().expect("a store read can be written");
        let again = Store::parse(&written, Path::new("fuzz.ron")).expect("what gloss writes, it reads");
        assert_eq!(again.to_ron().expect("written twice"), written);
    }
});
