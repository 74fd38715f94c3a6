//! A program's terminal output parsed into screens, one whole frame at a time.
//!
//! A program that draws each frame as a synchronized update (between `CSI ? 2026 h` and
//! `CSI ? 2026 l`, as gloss does) is shown as a real terminal that supports them shows it: the
//! previous frame stays on screen until the next one is complete. A test therefore never reads
//! half a frame, whatever chunks the output arrives in.

use std::fmt;
use std::num::NonZeroU16;

const BEGIN_FRAME: &[u8] = b"\x1b[?2026h";
const END_FRAME: &[u8] = b"\x1b[?2026l";

/// The parsed output of a program, and what it shows now.
pub struct Frames {
    parser: vt100::Parser,
    /// The screen as it was when the frame being drawn began; `None` between frames.
    before_frame: Option<vt100::Screen>,
    /// Output held back because it may be the start of a frame marker cut by a read.
    held: Vec<u8>,
    /// Counts the chunks of output read, so a wait can tell that something arrived.
    pub chunks: u64,
    /// The program's side of the terminal is closed: no more output will come.
    pub closed: bool,
}

impl Frames {
    pub fn new(cols: u16, rows: u16) -> Self {
        Self {
            parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
            before_frame: None,
            held: Vec::new(),
            chunks: 0,
            closed: false,
        }
    }

    /// Parses a chunk of output, noting where frames begin and end.
    pub fn feed(&mut self, bytes: &[u8]) {
        let mut data = std::mem::take(&mut self.held);
        data.extend_from_slice(bytes);
        let mut rest = &data[..];
        while let Some((at, begins)) = next_marker(rest) {
            let (through_marker, after) = rest.split_at(at + BEGIN_FRAME.len());
            self.parser.process(through_marker);
            if begins {
                if self.before_frame.is_none() {
                    self.before_frame = Some(self.parser.screen().clone());
                }
            } else {
                self.before_frame = None;
            }
            rest = after;
        }
        let (now, later) = rest.split_at(rest.len() - partial_marker(rest));
        self.parser.process(now);
        self.held = later.to_vec();
        self.chunks += 1;
    }

    /// What the terminal shows: the last whole frame while the next is being drawn.
    pub fn shown(&self) -> Screen {
        Screen(self.before_frame.clone().unwrap_or_else(|| self.parser.screen().clone()))
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.parser.screen_mut().set_size(nonzero(rows), nonzero(cols));
    }
}

/// Where the next frame marker starts in `bytes`, and whether it begins a frame.
fn next_marker(bytes: &[u8]) -> Option<(usize, bool)> {
    bytes.windows(BEGIN_FRAME.len()).enumerate().find_map(|(at, window)| match window {
        w if w == BEGIN_FRAME => Some((at, true)),
        w if w == END_FRAME => Some((at, false)),
        _ => None,
    })
}

/// How many bytes at the end of `bytes` could be the start of a frame marker.
fn partial_marker(bytes: &[u8]) -> usize {
    (1..BEGIN_FRAME.len()).rev().find(|&len| bytes.ends_with(&BEGIN_FRAME[..len])).unwrap_or(0)
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN)
}

/// One screen as the terminal shows it.
#[derive(Clone)]
pub struct Screen(vt100::Screen);

impl Screen {
    /// The text, one line per row, trailing spaces trimmed.
    pub fn text(&self) -> String {
        self.0.contents()
    }

    pub fn contains(&self, needle: &str) -> bool {
        self.text().contains(needle)
    }

    /// Whether the program has the alternate screen, as full-screen programs do.
    pub fn alternate(&self) -> bool {
        self.0.alternate_screen()
    }

    /// `(columns, rows)`.
    pub fn size(&self) -> (u16, u16) {
        let (rows, cols) = self.0.size();
        (cols.get(), rows.get())
    }

    /// Everything the parser knows: cells, colours, modes.
    pub fn terminal(&self) -> &vt100::Screen {
        &self.0
    }
}

impl fmt::Display for Screen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (cols, rows) = self.size();
        writeln!(f, "┌── {cols}×{rows} ──")?;
        for line in self.text().lines() {
            writeln!(f, "│{line}")?;
        }
        write!(f, "└──")
    }
}
