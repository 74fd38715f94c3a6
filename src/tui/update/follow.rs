//! Matching newly loaded articles to their records: following moved files, placing claims again
//! in edited ones, and saying what happened.

use super::super::app::AppState;
use super::Effect;
use super::claims::save;
use gloss_core::annotations::follow::follow;

/// Finds the records of the articles from `first` on; saves when any record had to change.
pub fn follow_new(state: &mut AppState, first: usize) -> Vec<Effect> {
    follow_range(state, first..state.articles.len())
}

/// Finds the record of the article at `index`, which was just replaced by a newer version.
pub fn follow_one(state: &mut AppState, index: usize) -> Vec<Effect> {
    follow_range(state, index..index + 1)
}

fn follow_range(state: &mut AppState, indices: std::ops::Range<usize>) -> Vec<Effect> {
    let notes = &mut state.notes;
    notes.ids.resize(state.articles.len(), None);
    let mut changed = false;
    let mut report = Vec::new();
    for (index, article) in state.articles.iter().enumerate().skip(indices.start).take(indices.len()) {
        let path = article.origin().display_path();
        let identity = notes.resolver.resolve(&article.fingerprint().to_hex(), &path);
        let Some(id) = identity.id().map(str::to_owned) else { continue };
        notes.ids[index] = Some(id.clone());
        let Some(record) = notes.store.articles.get_mut(&id) else { continue };
        let followed = follow(record, article, &identity);
        if followed.changed() {
            changed = true;
            notes.resolver.learn(&id, &record.fingerprint, &record.path);
        }
        if followed.replaced > 0 || followed.orphaned > 0 {
            report.push(format!(
                "{}: {} claims placed again, {} orphaned",
                article.origin().file_name(),
                followed.replaced,
                followed.orphaned
            ));
        }
    }
    if !report.is_empty() {
        state.set_status(format!("articles changed since annotated — {}", report.join("; ")));
    }
    if changed { save(state) } else { Vec::new() }
}
