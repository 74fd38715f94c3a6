//! Keymaps: key chords bound to actions per context, read from RON, merged and checked.
//!
//! The format is `( context: { action: ["chord", ...], ... }, ... )`. The default keymap is
//! complete; a user keymap names only the actions it changes, and each one it names replaces
//! that action's keys in that context. Every mistake is an error with file, line and column:
//! an unknown context or action, an action bound where it means nothing, an unreadable chord,
//! and one key bound to two actions in one context (global bindings count in every context
//! that is not text input).

pub mod chord;
mod parse;

use std::collections::BTreeMap;
use std::fmt;
use std::hash::Hash;

pub use chord::{Chord, ChordError, Key};
use gloss_core::config::LocatedError;

/// Where a binding applies. Text-input contexts send unbound keys to the text, so global
/// bindings do not apply there. Names in keymap files are `snake_case`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::Display,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
    strum::VariantNames,
)]
#[strum(serialize_all = "snake_case")]
pub enum Context {
    Global,
    List,
    Reader,
    Entities,
    Claims,
    Picker,
    Help,
    Editor,
    Dialog,
    Export,
    /// The search line over the reader (`/`).
    Search,
    /// The corpus search popup (`ctrl-f`).
    CorpusSearch,
    /// The disagreement view: other analysts' choices beside one's own.
    Compare,
}

impl Context {
    /// Every context, in the order help lists them.
    pub const ALL: &[Self] = <Self as strum::VariantArray>::VARIANTS;

    pub fn name(self) -> &'static str {
        self.into()
    }

    pub fn from_name(name: &str) -> Option<Self> {
        name.parse().ok()
    }

    /// Contexts where typed characters are text, so only the context's own bindings apply.
    pub fn is_text_input(self) -> bool {
        matches!(self, Self::Editor | Self::Dialog | Self::Export | Self::Search | Self::CorpusSearch)
    }

    /// Whether global bindings also apply in this context.
    fn inherits_global(self) -> bool {
        self != Self::Global && !self.is_text_input()
    }
}

/// An action that keys can be bound to: a `snake_case` name and the contexts it works in.
pub trait Bindable: Copy + Eq + Ord + Hash + fmt::Debug + 'static {
    fn from_name(name: &str) -> Option<Self>;
    fn name(self) -> &'static str;
    /// The contexts where a binding of this action means something.
    fn contexts(self) -> Vec<Context>;
}

/// The keys of one context.
#[derive(Debug, Clone)]
struct Bindings<A> {
    by_action: BTreeMap<A, Vec<Chord>>,
}

impl<A> Default for Bindings<A> {
    fn default() -> Self {
        Self { by_action: BTreeMap::new() }
    }
}

/// The live keymap: what each chord does in each context.
#[derive(Debug, Clone)]
pub struct Keymap<A> {
    contexts: BTreeMap<Context, Bindings<A>>,
}

impl<A: Bindable> Keymap<A> {
    /// Reads a complete keymap (the built-in default) from RON `source` named `file`.
    pub fn parse(source: &str, file: &str) -> Result<Self, LocatedError> {
        Self { contexts: BTreeMap::new() }.with_overrides(source, file)
    }

    /// This keymap with the actions named in RON `source` (a user file named `file`) rebound.
    pub fn with_overrides(&self, source: &str, file: &str) -> Result<Self, LocatedError> {
        let entries = parse::collect::<A>(source, file)?;
        let mut merged = self.clone();
        for (context, action, chords) in &entries {
            merged.contexts.entry(*context).or_default().by_action.insert(*action, chords.clone());
        }
        let conflicts = merged.conflicts();
        if conflicts.is_empty() {
            return Ok(merged);
        }
        // Point at the first binding in this file that takes part in a conflict.
        let blame: BTreeMap<(Context, A, Chord), String> = conflicts
            .into_iter()
            .flat_map(|c| {
                let message = c.message(&entries);
                c.parties().map(move |party| (party, message.clone()))
            })
            .collect();
        Err(parse::locate(source, file, &blame))
    }

    /// The action `chord` triggers in `context`: the context's own binding, else a global one
    /// unless the context takes text.
    pub fn action(&self, context: Context, chord: Chord) -> Option<A> {
        let find = |ctx: Context| {
            self.contexts.get(&ctx)?.by_action.iter().find(|(_, chords)| chords.contains(&chord)).map(|(a, _)| *a)
        };
        find(context).or_else(|| if context.inherits_global() { find(Context::Global) } else { None })
    }

    /// The chords bound to `action` in `context` (not counting global ones), in file order.
    pub fn chords(&self, context: Context, action: A) -> &[Chord] {
        self.contexts.get(&context).and_then(|b| b.by_action.get(&action)).map_or(&[], Vec::as_slice)
    }

    /// Every action bound in `context` with its chords, in action order.
    pub fn bindings(&self, context: Context) -> impl Iterator<Item = (A, &[Chord])> {
        self.contexts.get(&context).into_iter().flat_map(|b| b.by_action.iter().map(|(a, c)| (*a, c.as_slice())))
    }

    /// Every pair of actions that share a chord where both would apply.
    fn conflicts(&self) -> Vec<Conflict<A>> {
        let mut found = Vec::new();
        for (&context, bindings) in &self.contexts {
            let mut owners: BTreeMap<Chord, (Context, A)> = BTreeMap::new();
            let global = self.contexts.get(&Context::Global).filter(|_| context.inherits_global());
            let inherited = global.into_iter().flat_map(|g| g.by_action.iter().map(|(a, c)| (Context::Global, a, c)));
            let own = bindings.by_action.iter().map(|(a, c)| (context, a, c));
            for (ctx, &action, chords) in inherited.chain(own) {
                for &chord in chords {
                    if let Some(&(first_ctx, first)) = owners.get(&chord) {
                        if first != action || first_ctx != ctx {
                            found.push(Conflict { chord, first: (first_ctx, first), second: (ctx, action), context });
                        }
                    } else {
                        owners.insert(chord, (ctx, action));
                    }
                }
            }
        }
        found
    }
}

/// One chord bound to two actions that would both apply in `context`.
#[derive(Debug)]
struct Conflict<A> {
    chord: Chord,
    first: (Context, A),
    second: (Context, A),
    context: Context,
}

impl<A: Bindable> Conflict<A> {
    fn parties(&self) -> impl Iterator<Item = (Context, A, Chord)> + use<A> {
        [(self.first.0, self.first.1, self.chord), (self.second.0, self.second.1, self.chord)].into_iter()
    }

    fn message(&self, in_file: &[(Context, A, Vec<Chord>)]) -> String {
        let describe = |(ctx, action): (Context, A)| {
            let origin =
                if in_file.iter().any(|(c, a, _)| *c == ctx && *a == action) { "" } else { " by the default keymap" };
            format!("`{}` (bound in {ctx}{origin})", action.name())
        };
        format!(
            "\"{}\" is bound to both {} and {} in {}; give one of them another key, or an empty list [] to unbind it",
            self.chord,
            describe(self.first),
            describe(self.second),
            self.context
        )
    }
}

#[cfg(test)]
mod tests;
