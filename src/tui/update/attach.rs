//! Articles joining the annotation session as they load: records found and moved files
//! followed at once; claims on edited text placed in the background, and applied when placed.

use std::sync::Arc;

use super::super::app::AppState;
use super::Effect;
use super::intents::save;
use gloss_core::annotations::session::{Attachment, Placed};
use gloss_core::corpus::Article;

/// Attaches newly loaded `articles` to the session.
pub fn attach(state: &mut AppState, articles: &[Arc<Article>]) -> Vec<Effect> {
    let attachment = state.notes.session.attach(articles.iter().cloned());
    carry_out(state, attachment)
}

/// Puts a newer version of article `index` in its place and follows its record there.
pub fn replace(state: &mut AppState, index: usize, article: Arc<Article>) -> Vec<Effect> {
    let attachment = state.notes.session.replace(index, article);
    carry_out(state, attachment)
}

/// Applies claims placed in the background.
pub fn on_placed(state: &mut AppState, placed: Vec<Placed>) -> Vec<Effect> {
    let attachment = state.notes.session.apply_placed(placed);
    carry_out(state, attachment)
}

fn carry_out(state: &mut AppState, attachment: Attachment) -> Vec<Effect> {
    if let Some(status) = attachment.status {
        state.set_status(status);
    }
    state.listing.stale |= !attachment.changed.is_empty();
    let mut effects = save(state, attachment.changed);
    if !attachment.jobs.is_empty() {
        effects.push(Effect::PlaceClaims(attachment.jobs));
    }
    effects
}
