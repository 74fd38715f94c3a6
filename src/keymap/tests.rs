//! Keymap parsing, merging and error positions, with a small action set of its own.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Act {
    Quit,
    Help,
    Down,
    Up,
    Open,
    Save,
}

impl Bindable for Act {
    fn from_name(name: &str) -> Option<Self> {
        [Self::Quit, Self::Help, Self::Down, Self::Up, Self::Open, Self::Save].into_iter().find(|a| a.name() == name)
    }

    fn name(self) -> &'static str {
        match self {
            Self::Quit => "quit",
            Self::Help => "help",
            Self::Down => "move_down",
            Self::Up => "move_up",
            Self::Open => "open",
            Self::Save => "save",
        }
    }

    fn contexts(self) -> Vec<Context> {
        match self {
            Self::Quit | Self::Help => vec![Context::Global],
            Self::Down | Self::Up => vec![Context::List, Context::Reader],
            Self::Open => vec![Context::List],
            Self::Save => vec![Context::Editor],
        }
    }
}

const DEFAULTS: &str = r#"// test defaults
(
    global: { quit: ["q", "ctrl-c"], help: ["?"] },
    list: { move_down: ["j", "down"], move_up: ["k", "up"], open: ["enter"] },
    reader: { move_down: ["j"], move_up: ["k"] },
    editor: { save: ["ctrl-s"] },
)
"#;

fn defaults() -> Keymap<Act> {
    Keymap::parse(DEFAULTS, "keymap.ron").unwrap()
}

fn chord(text: &str) -> Chord {
    text.parse().unwrap()
}

fn err(source: &str) -> LocatedError {
    defaults().with_overrides(source, "user.ron").unwrap_err()
}

#[test]
fn lookups_use_context_then_global() {
    let keymap = defaults();
    assert_eq!(keymap.action(Context::List, chord("j")), Some(Act::Down));
    assert_eq!(keymap.action(Context::List, chord("q")), Some(Act::Quit));
    assert_eq!(keymap.action(Context::Reader, chord("enter")), None);
    // Text input sees only its own bindings: `q` is a letter there.
    assert_eq!(keymap.action(Context::Editor, chord("q")), None);
    assert_eq!(keymap.action(Context::Editor, chord("ctrl-s")), Some(Act::Save));
    assert_eq!(keymap.chords(Context::List, Act::Down), [chord("j"), chord("down")]);
}

#[test]
fn overrides_replace_only_the_actions_they_name() {
    let keymap = defaults().with_overrides("(list: { move_down: [\"n\"] })", "user.ron").unwrap();
    assert_eq!(keymap.action(Context::List, chord("n")), Some(Act::Down));
    assert_eq!(keymap.action(Context::List, chord("j")), None);
    assert_eq!(keymap.action(Context::List, chord("k")), Some(Act::Up));
    assert_eq!(keymap.action(Context::Reader, chord("j")), Some(Act::Down));
}

#[test]
fn an_empty_list_unbinds_and_frees_the_key() {
    let keymap = defaults().with_overrides("(list: { move_down: [], open: [\"j\"] })", "user.ron").unwrap();
    assert_eq!(keymap.action(Context::List, chord("j")), Some(Act::Open));
}

#[test]
fn unknown_action_is_located() {
    let e = err("(\n  list: {\n    move_dwn: [\"n\"],\n  },\n)");
    assert_eq!((e.line, e.column), (3, 5), "{e}");
    assert_eq!(e.to_string(), "user.ron:3:5: unknown action `move_dwn` in list");
}

#[test]
fn unknown_context_is_located() {
    let e = err("(\n  lst: { move_down: [\"n\"] },\n)");
    assert_eq!((e.line, e.column), (2, 3), "{e}");
    assert!(e.message.starts_with("unknown context `lst`; contexts are global, list"), "{e}");
}

#[test]
fn bad_chord_is_located() {
    let e = err("(list: {\n  move_down: [\"j\", \"ctrl-pgdwn\"],\n})");
    assert_eq!((e.line, e.column), (2, 32), "{e}");
    assert!(e.message.contains("unknown key `pgdwn`"), "{e}");
}

#[test]
fn action_in_the_wrong_context_is_an_error() {
    let e = err("(reader: { open: [\"o\"] })");
    assert!(e.message.contains("`open` does nothing in reader; it can be bound in list"), "{e}");
}

#[test]
fn two_actions_on_one_key_in_the_file() {
    let e = err("(list: {\n  move_down: [\"n\"],\n  move_up: [\"n\"],\n})");
    assert_eq!(e.line, 3, "{e}");
    assert!(e.message.contains("\"n\" is bound to both `move_down` and `move_up` in list"), "{e}");
}

#[test]
fn conflict_with_a_default_binding_points_at_the_users_line() {
    let e = err("(\n  list: {\n    open: [\"k\"],\n  },\n)");
    assert_eq!((e.line, e.column), (3, 15), "{e}");
    assert!(e.message.contains("`move_up` (bound in list by the default keymap)"), "{e}");
    assert!(e.message.contains("`open` (bound in list)"), "{e}");
}

#[test]
fn conflict_with_global_counts() {
    let e = err("(\n  global: { help: [\"j\"] },\n)");
    assert_eq!(e.line, 2, "{e}");
    assert!(e.message.contains("`help` (bound in global)"), "{e}");
}

#[test]
fn global_keys_are_free_in_text_input() {
    let keymap = defaults().with_overrides("(editor: { save: [\"q\"] })", "user.ron").unwrap();
    assert_eq!(keymap.action(Context::Editor, chord("q")), Some(Act::Save));
}

#[test]
fn syntax_errors_are_located() {
    let e = err("(list: { move_down: [\"n\" }");
    assert_eq!(e.line, 1);
    assert!(e.column > 20, "{e}");
    let e = err("(list: { move_down: [\"n\"] }) trailing");
    assert!(e.to_string().starts_with("user.ron:1:"), "{e}");
}

#[test]
fn repeated_context_and_action_are_errors() {
    assert!(err("(list: {}, list: {})").message.contains("context `list` appears twice"));
    assert!(err("(list: { open: [\"o\"], open: [\"p\"] })").message.contains("`open` is bound twice in list"));
    assert!(err("(list: { open: [\"o\", \"o\"] })").message.contains("\"o\" is listed twice"));
}

#[test]
fn context_names_are_the_ones_keymap_files_use() {
    let names: Vec<&str> = Context::ALL.iter().map(|c| c.name()).collect();
    let expected = [
        "global",
        "list",
        "reader",
        "entities",
        "claims",
        "picker",
        "help",
        "editor",
        "dialog",
        "export",
        "search",
        "corpus_search",
        "compare",
    ];
    assert_eq!(names, expected, "names in keymap files never change");
    assert_eq!(<Context as strum::VariantNames>::VARIANTS, expected, "the reader knows every context");
    for &context in Context::ALL {
        assert_eq!(Context::from_name(context.name()), Some(context));
        assert_eq!(context.to_string(), context.name());
    }
    assert!(
        err("(lst: {})")
            .message
            .ends_with("contexts are global, list, reader, entities, claims, picker, help, editor, dialog, export, search, corpus_search, compare")
    );
}

#[test]
fn a_byte_order_mark_is_skipped_and_not_counted() {
    let keymap = defaults().with_overrides("\u{feff}(list: { move_down: [], open: [\"j\"] })", "user.ron").unwrap();
    assert_eq!(keymap.action(Context::List, chord("j")), Some(Act::Open));
    let e = err("\u{feff}(lst: {})");
    assert_eq!((e.line, e.column), (1, 2), "{e}");
}
