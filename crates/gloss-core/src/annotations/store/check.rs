//! What the store reader sets right rather than lose, and what it refuses: an article given
//! twice is merged into one record, a claim id given twice in a record is made unique (both
//! are kept, and said), and a file with git conflict markers is not read at all.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use super::serde_impls::ReadStore;
use super::{ArticleRecord, Store};
use crate::annotations::merge::{apply, diff};
use crate::config::ron_file::position_of;

/// Something in the store that was set right when it was read, and will be written so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    /// `file:line:column: what was found and what was done`.
    pub message: String,
}

impl fmt::Display for Repair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Line and column of the first git conflict marker (`<<<<<<< `) at the start of a line.
pub fn conflict_marker(source: &str) -> Option<(usize, usize)> {
    let mut at = 0;
    for line in source.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        if bare == "<<<<<<<" || bare.starts_with("<<<<<<< ") {
            return Some(position_of(source, at));
        }
        at += line.len();
    }
    None
}

/// Where the `nth` (from 1) appearance of `"quoted"` is in `source`.
fn place(source: &str, file: &str, quoted: &str, nth: usize) -> String {
    let needle = format!("\"{quoted}\"");
    let (line, column) =
        source.match_indices(&needle).nth(nth.saturating_sub(1)).map_or((1, 1), |(at, _)| position_of(source, at));
    format!("{file}:{line}:{column}")
}

/// The store from what was read: duplicates merged or made unique, each said.
pub fn assemble(read: ReadStore, source: &str, file: &str) -> (Store, Vec<Repair>) {
    let mut repairs = Vec::new();
    let mut articles: BTreeMap<String, ArticleRecord> = BTreeMap::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (id, record) in read.articles {
        let count = seen.entry(id.clone()).or_default();
        *count += 1;
        let record = match articles.remove(&id) {
            None => record,
            Some(first) => {
                let message = format!(
                    "{}: article {id} is given more than once; its records are merged into one \
                     (where they differ, both values are kept as a conflict)",
                    place(source, file, &id, *count)
                );
                repairs.push(Repair { message });
                let second = diff(&id, None, Some(&record));
                second.map_or(Some(first.clone()), |patch| apply(&patch, Some(first.clone()), None)).unwrap_or(first)
            }
        };
        articles.insert(id, record);
    }
    // Where a claim id appears is found only for a duplicate: scanning the text for every
    // claim would take time in the square of the store's size.
    let mut claim_counts: HashMap<String, usize> = HashMap::new();
    for (article, record) in &mut articles {
        unique_claims(article, record, |id, nth| place(source, file, id, nth), &mut claim_counts, &mut repairs);
    }
    (Store { version: super::STORE_VERSION, articles, unknown: read.unknown }, repairs)
}

/// Gives the second and later claims with the same id in `record` ids of their own; `place`
/// says where the `nth` appearance of an id is, `counts` how often each id appeared so far.
fn unique_claims(
    article: &str,
    record: &mut ArticleRecord,
    place: impl Fn(&str, usize) -> String,
    counts: &mut HashMap<String, usize>,
    repairs: &mut Vec<Repair>,
) {
    let mut taken: HashSet<String> = HashSet::new();
    // Enough numbers for every claim to have its own.
    let record_len = record.claims.len() + 1;
    let all: HashSet<String> = record.claims.iter().map(|c| c.id.clone()).collect();
    for claim in &mut record.claims {
        let count = counts.entry(claim.id.clone()).or_default();
        *count += 1;
        let nth = *count;
        if taken.insert(claim.id.clone()) {
            continue;
        }
        let at = place(&claim.id, nth);
        let fresh =
            (2..=record_len).map(|n| format!("{}-{n}", claim.id)).find(|id| !all.contains(id) && !taken.contains(id));
        let Some(fresh) = fresh else { continue };
        repairs.push(Repair {
            message: format!(
                "{at}: claim {} is given twice in article {article}; both are kept, the second as {fresh}",
                claim.id
            ),
        });
        claim.id.clone_from(&fresh);
        taken.insert(fresh);
    }
}
