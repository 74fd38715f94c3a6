//! Carrying out `update`'s effects: the work itself, and running it off the UI thread.
//!
//! Each effect's work is a plain function from the effect to the messages it produces, so tests
//! run it in place and the event loop runs it on a thread.

use std::sync::mpsc::Sender;
use std::thread;

use super::update::{Effect, Msg};
use crate::entities::{Recognizer, entities_of};

/// Articles indexed between two reports to the screen.
const INDEX_BATCH: usize = 64;

/// Runs `effect` now, on this thread, passing each message it produces to `send`; returns
/// whether the app should quit.
pub fn run_now(effect: Effect, send: &mut dyn FnMut(Msg)) -> bool {
    match effect {
        Effect::Quit => return true,
        Effect::BuildRecognizer { user, generation } => send(match Recognizer::with_user(&user) {
            Ok(recognizer) => Msg::RecognizerReady { recognizer: recognizer.into(), generation },
            Err(error) => Msg::RecognizerFailed(error.to_string()),
        }),
        Effect::Index { recognizer, generation, articles } => {
            for batch in articles.chunks(INDEX_BATCH) {
                let entries =
                    batch.iter().map(|(i, article)| (*i, entities_of(&recognizer.recognize(article)))).collect();
                send(Msg::Indexed { generation, entries });
            }
        }
        Effect::SaveUserGazetteer { user, path } => {
            send(Msg::UserGazetteerSaved(user.save(&path).map(|()| path).map_err(|e| e.to_string())));
        }
    }
    false
}

/// Runs `effect` on a background thread, sending its messages to the event loop; returns
/// whether the app should quit.
pub fn spawn(effect: Effect, sender: &Sender<Msg>) -> bool {
    if matches!(effect, Effect::Quit) {
        return true;
    }
    let sender = sender.clone();
    thread::spawn(move || {
        run_now(effect, &mut |msg| {
            let _ = sender.send(msg);
        })
    });
    false
}
