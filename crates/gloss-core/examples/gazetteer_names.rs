//! Prints every name in the built-in gazetteer, one per line (for `scripts/bench-vs-grep`).

fn main() {
    let gazetteer = gloss_core::entities::Gazetteer::built_in().expect("built-in gazetteer");
    for entry in &gazetteer.entries {
        for name in entry.names() {
            println!("{name}");
        }
    }
}
