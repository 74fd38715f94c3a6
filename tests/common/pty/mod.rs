//! Running a program in a pseudo-terminal: keys in as a terminal sends them, the screen out as
//! a terminal shows it, waits on what the screen shows, the real exit status.
//!
//! Every wait is for a condition on the screen (or for the program's end) and wakes as soon as
//! output arrives; none sleeps. Timeouts only decide how long a failing test takes to say so:
//! `GLOSS_TEST_TIMEOUT_SCALE` (e.g. `3`) stretches them on a slow machine.

mod frames;
mod keys;

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{ChildKiller, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub use frames::{Frames, Screen};
pub use rustix::process::Signal;

/// How long a wait lasts before the test fails, unscaled.
const TIMEOUT: Duration = Duration::from_secs(20);
/// How long the screen must stay the same to count as stable, unscaled.
const QUIET: Duration = Duration::from_millis(300);

/// How a program ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exit {
    Code(u32),
    /// Killed by a signal, as the C library names it (`Killed`, `Terminated`).
    Signal(String),
}

/// A program to start in a pseudo-terminal: what, where, with which environment and size.
pub struct Spawn {
    command: CommandBuilder,
    cols: u16,
    rows: u16,
}

impl Spawn {
    /// `program` in the current folder, in an 80×24 xterm, with this process's environment.
    pub fn new(program: &Path) -> Self {
        let mut command = CommandBuilder::new(program);
        command.cwd(std::env::current_dir().expect("the test has a current folder"));
        command.env("TERM", "xterm-256color");
        Self { command, cols: 80, rows: 24 }
    }

    pub fn arg(mut self, arg: impl Into<OsString>) -> Self {
        self.command.arg(arg.into());
        self
    }

    pub fn cwd(mut self, dir: &Path) -> Self {
        self.command.cwd(dir);
        self
    }

    pub fn env(mut self, key: &str, value: impl Into<OsString>) -> Self {
        self.command.env(key, value.into());
        self
    }

    pub fn env_remove(mut self, key: &str) -> Self {
        self.command.env_remove(key);
        self
    }

    pub fn size(mut self, cols: u16, rows: u16) -> Self {
        (self.cols, self.rows) = (cols, rows);
        self
    }

    /// Starts the program; it is killed when the returned `Pty` is dropped.
    pub fn start(self) -> Pty {
        let size = PtySize { cols: self.cols, rows: self.rows, pixel_width: 0, pixel_height: 0 };
        let pair = native_pty_system().openpty(size).expect("a pseudo-terminal opens");
        let child = pair.slave.spawn_command(self.command).expect("the program starts");
        // Only the child holds the terminal's other side now, so its end is the output's end.
        drop(pair.slave);
        let pid = child.process_id().expect("a started child has a process id");
        let killer = child.clone_killer();
        let (exit_sender, exit) = mpsc::channel();
        let mut child = child;
        thread::spawn(move || exit_sender.send(child.wait().map(Exit::from)));

        let screen = Arc::new((Mutex::new(Frames::new(self.cols, self.rows)), Condvar::new()));
        let reader = pair.master.try_clone_reader().expect("the terminal can be read");
        spawn_reader(reader, Arc::clone(&screen));
        let writer = pair.master.take_writer().expect("the terminal can be written");
        Pty { master: pair.master, writer, screen, pid, killer, exit, exited: None, unseen_esc: false }
    }
}

impl From<portable_pty::ExitStatus> for Exit {
    fn from(status: portable_pty::ExitStatus) -> Self {
        match status.signal() {
            Some(signal) => Self::Signal(signal.to_owned()),
            None => Self::Code(status.exit_code()),
        }
    }
}

/// Reads the program's output until its end, parsing it and waking every wait at each chunk.
fn spawn_reader(mut reader: Box<dyn Read + Send>, screen: Arc<(Mutex<Frames>, Condvar)>) {
    thread::spawn(move || {
        let mut buffer = [0; 8192];
        loop {
            // Linux reports the end of a pseudo-terminal's output as an error (EIO).
            let read = reader.read(&mut buffer).unwrap_or(0);
            let (frames, changed) = &*screen;
            let mut frames = frames.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            if read == 0 {
                frames.closed = true;
                changed.notify_all();
                return;
            }
            frames.feed(&buffer[..read]);
            changed.notify_all();
        }
    });
}

/// A program running in a pseudo-terminal.
pub struct Pty {
    master: Box<dyn MasterPty + Send>,
    /// The keyboard. Dropping it types `\n` and ctrl-d, so it goes only after the program.
    writer: Box<dyn Write + Send>,
    screen: Arc<(Mutex<Frames>, Condvar)>,
    pid: u32,
    killer: Box<dyn ChildKiller + Send + Sync>,
    exit: Receiver<std::io::Result<Exit>>,
    exited: Option<Exit>,
    /// `esc` was sent and no wait has seen its effect yet.
    unseen_esc: bool,
}

/// How long waits last: `base` times `GLOSS_TEST_TIMEOUT_SCALE` (default 1).
pub fn scaled(base: Duration) -> Duration {
    let Some(scale) = std::env::var_os("GLOSS_TEST_TIMEOUT_SCALE") else { return base };
    let scale = scale.to_str().and_then(|s| s.parse::<f64>().ok()).filter(|s| *s > 0.0);
    base.mul_f64(scale.expect("GLOSS_TEST_TIMEOUT_SCALE is a positive number, such as 3"))
}

impl Pty {
    /// Presses keys, space-separated as keymap files name them (`"j j enter"`), in one write
    /// as a fast typist's keys arrive. `esc` must come last, and the next key only after a
    /// wait has seen its effect: a terminal sends a lone `esc` byte, and whatever follows it
    /// in the same read makes another key (`esc` then `j` reads as `alt-j`).
    pub fn press(&mut self, keys: &str) {
        let names: Vec<&str> = keys.split_whitespace().collect();
        if let Some(at) = names.iter().position(|&name| name == "esc") {
            assert_eq!(at + 1, names.len(), "{keys:?}: esc must be the last key; wait for its effect, then go on");
        }
        let bytes: Vec<u8> = names.iter().flat_map(|name| keys::bytes(name)).collect();
        self.write(&bytes);
        self.unseen_esc = names.last() == Some(&"esc");
    }

    /// Types `text` as keys, character by character.
    pub fn type_text(&mut self, text: &str) {
        self.write(text.as_bytes());
    }

    /// Pastes `text` as a terminal does for a program that asked for bracketed paste.
    pub fn paste(&mut self, text: &str) {
        assert!(self.screen().terminal().bracketed_paste(), "the program has not asked for bracketed paste");
        self.write(&keys::pasted(text));
    }

    fn write(&mut self, bytes: &[u8]) {
        assert!(!std::mem::take(&mut self.unseen_esc), "wait for the effect of esc before the next key");
        assert!(self.exited.is_none(), "the program has ended");
        self.writer.write_all(bytes).and_then(|()| self.writer.flush()).expect("keys reach the terminal");
    }

    /// Resizes the terminal, as a window being resized does (the program gets SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.frames().resize(cols, rows);
        let size = PtySize { cols, rows, pixel_width: 0, pixel_height: 0 };
        self.master.resize(size).expect("the terminal resizes");
    }

    /// Sends `signal` to the program.
    pub fn signal(&self, signal: Signal) {
        let pid = i32::try_from(self.pid).ok().and_then(rustix::process::Pid::from_raw).expect("a valid process id");
        rustix::process::kill_process(pid, signal).expect("the signal is sent");
    }

    /// Whether the terminal edits lines and echoes keys, as a shell needs it; raw mode, which
    /// full-screen programs set, turns both off. Readable after the program ended.
    pub fn cooked(&self) -> bool {
        use nix::sys::termios::LocalFlags;
        let termios = self.master.get_termios().expect("the terminal's modes can be read");
        termios.local_flags.contains(LocalFlags::ICANON | LocalFlags::ECHO)
    }

    /// What the terminal shows now.
    pub fn screen(&self) -> Screen {
        self.frames().shown()
    }

    /// Waits until the screen shows `needle`; returns that screen.
    pub fn wait_for(&mut self, needle: &str) -> Screen {
        self.wait_until(&format!("{needle:?} on screen"), |screen| screen.contains(needle))
    }

    /// Waits until the screen no longer shows `needle`.
    pub fn wait_gone(&mut self, needle: &str) -> Screen {
        self.wait_until(&format!("{needle:?} gone"), |screen| !screen.contains(needle))
    }

    /// Waits until `done` holds for the screen; `what` says what is awaited when it never does.
    pub fn wait_until(&mut self, what: &str, done: impl Fn(&Screen) -> bool) -> Screen {
        let timeout = scaled(TIMEOUT);
        let deadline = Instant::now() + timeout;
        let mut frames = self.frames();
        loop {
            let shown = frames.shown();
            if done(&shown) {
                drop(frames);
                self.unseen_esc = false;
                return shown;
            }
            assert!(!frames.closed, "waited for {what}, but the program ended; the screen shows:\n{shown}");
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(!left.is_zero(), "waited {timeout:?} for {what}; the screen shows:\n{shown}");
            frames = self.screen.1.wait_timeout(frames, left).unwrap_or_else(std::sync::PoisonError::into_inner).0;
        }
    }

    /// Waits until the screen has stayed the same for a moment with no output at all; returns
    /// it. For checking that nothing more happens; to wait for something, use `wait_until`.
    pub fn wait_stable(&mut self) -> Screen {
        let (quiet, timeout) = (scaled(QUIET), scaled(TIMEOUT));
        let deadline = Instant::now() + timeout;
        let mut frames = self.frames();
        loop {
            let chunks = frames.chunks;
            let (after, waited) =
                self.screen.1.wait_timeout(frames, quiet).unwrap_or_else(std::sync::PoisonError::into_inner);
            frames = after;
            if waited.timed_out() && frames.chunks == chunks {
                return frames.shown();
            }
            assert!(Instant::now() < deadline, "the screen never stopped changing; it shows:\n{}", frames.shown());
        }
    }

    /// Waits for the program to end and for the last of its output; returns how it ended.
    pub fn wait_exit(&mut self) -> Exit {
        if let Some(exit) = &self.exited {
            return exit.clone();
        }
        let timeout = scaled(TIMEOUT);
        let exit = match self.exit.recv_timeout(timeout) {
            Ok(result) => result.expect("the program's exit status can be read"),
            Err(error) => {
                panic!("the program did not end within {timeout:?} ({error}); the screen shows:\n{}", self.screen())
            }
        };
        let (frames, changed) = &*self.screen;
        let frames = frames.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let closed = changed.wait_timeout_while(frames, timeout, |f| !f.closed).map(|(f, _)| f.closed);
        assert!(closed.unwrap_or(false), "the program ended but its output never did");
        self.exited = Some(exit.clone());
        exit
    }

    fn frames(&self) -> MutexGuard<'_, Frames> {
        self.screen.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Drop for Pty {
    /// Ends a program still running (a test that failed half way), before its keyboard closes.
    fn drop(&mut self) {
        if self.exited.is_none() && self.exit.try_recv().is_err() {
            // It may have ended between the check and the kill; either way it is gone.
            self.killer.kill().ok();
            self.exit.recv_timeout(Duration::from_secs(5)).ok();
        }
    }
}
