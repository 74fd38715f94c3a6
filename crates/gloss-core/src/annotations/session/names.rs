//! The analyst's corrections to the names gloss highlights — a missing name added, another
//! name for a known entity, a highlight marked wrong — each one step of undo beside the
//! annotations. They live in their own file, so a read-only store does not stop them.

use super::Session;
use super::history::{Change, Step};
use super::intent::{Outcome, Refused};
use crate::entities::{Kind, UserGazetteer};

impl Session {
    pub(super) fn add_name(&mut self, text: &str, kind: Kind) -> Result<Outcome, Refused> {
        let status = format!("“{text}” is now highlighted as {kind} everywhere");
        self.correct_names(format!("added “{text}” as {kind}"), status, |names| names.add_entity(text, kind))
    }

    pub(super) fn add_alias(&mut self, text: &str, of: &str, kind: Kind) -> Result<Outcome, Refused> {
        let status = format!("“{text}” is now another name of {of}");
        self.correct_names(format!("“{text}” as another name of {of}"), status, |names| {
            names.add_alias(text, of, kind);
        })
    }

    pub(super) fn reject_name(&mut self, text: &str) -> Result<Outcome, Refused> {
        let status = format!("“{text}” will not be highlighted again");
        self.correct_names(format!("“{text}” marked not a name"), status, |names| names.reject(text))
    }

    fn correct_names(
        &mut self,
        what: String,
        status: String,
        change: impl FnOnce(&mut UserGazetteer),
    ) -> Result<Outcome, Refused> {
        if self.note.is_some() {
            return Err(Refused::NoteOpen);
        }
        let before = self.names.clone();
        change(&mut self.names);
        if before == self.names {
            return Ok(Outcome::status(status));
        }
        self.history.record(Step { change: Change::Names { before, after: self.names.clone() }, what });
        Ok(Outcome { names_changed: true, ..Outcome::status(status) })
    }
}
