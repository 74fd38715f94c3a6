//! Keys as the bytes a terminal sends for them (xterm's, in normal cursor mode), named as
//! keymap files name them: `j`, `G`, `enter`, `esc`, `shift-tab`, `ctrl-u`, `f12`.

/// The bytes for a key name; panics on a name it does not know.
pub fn bytes(name: &str) -> Vec<u8> {
    let named: &[u8] = match name {
        "enter" => b"\r",
        "esc" => b"\x1b",
        "tab" => b"\t",
        "shift-tab" => b"\x1b[Z",
        "backspace" => b"\x7f",
        "space" => b" ",
        "up" => b"\x1b[A",
        "down" => b"\x1b[B",
        "right" => b"\x1b[C",
        "left" => b"\x1b[D",
        "home" => b"\x1b[H",
        "end" => b"\x1b[F",
        "insert" => b"\x1b[2~",
        "delete" => b"\x1b[3~",
        "pageup" => b"\x1b[5~",
        "pagedown" => b"\x1b[6~",
        _ => return composed(name),
    };
    named.to_vec()
}

/// Function keys, control chords and plain characters.
fn composed(name: &str) -> Vec<u8> {
    if let Some(n) = name.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
        return function_key(n);
    }
    if let Some(key) = name.strip_prefix("ctrl-") {
        let mut chars = key.chars();
        if let (Some(c @ ('a'..='z' | '[' | '\\' | ']')), None) = (chars.next(), chars.next()) {
            return vec![(c as u8) & 0x1f];
        }
    }
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.to_string().into_bytes(),
        _ => panic!("no terminal key named {name:?}"),
    }
}

fn function_key(n: u8) -> Vec<u8> {
    let code = match n {
        1..=4 => return format!("\x1bO{}", char::from(b'P' + n - 1)).into_bytes(),
        5 => 15,
        6..=10 => n + 11,
        11..=12 => n + 12,
        _ => panic!("no function key f{n} in this harness"),
    };
    format!("\x1b[{code}~").into_bytes()
}

/// What a terminal sends when `text` is pasted into a program that asked for bracketed paste:
/// the text between markers, its line breaks sent as carriage returns.
pub fn pasted(text: &str) -> Vec<u8> {
    let text = text.replace("\r\n", "\r").replace('\n', "\r");
    [b"\x1b[200~", text.as_bytes(), b"\x1b[201~"].concat()
}
