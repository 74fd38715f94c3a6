//! Signals that end gloss from outside: SIGTERM, SIGHUP (the terminal closed) and SIGINT
//! (`kill -INT`; ctrl-c itself is a key in raw mode). The first asks the event loop to end as
//! quitting does, without asking anything: the terminal is put back, then every pending edit
//! goes to disk and the store file is brought up to date. A second one while that runs ends
//! gloss at once, the terminal put back first: every edit it acknowledged is in the journal
//! already, and every file it writes is replaced atomically, so nothing is left half written.
//!
//! Through `signal-hook` (the crate crossterm itself uses for SIGWINCH): its handler only
//! writes to a pipe, and a thread of ours turns each signal into a message.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::mpsc::Sender;
use std::thread;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::{Handle, Signals};

use super::update::Msg;

/// Watching for the signals that end gloss.
pub struct Watch {
    handle: Handle,
    /// The first signal that came, 0 while none has.
    first: Arc<AtomicI32>,
}

/// Starts watching: the first signal is sent as [`Msg::Signal`], a second ends gloss at once.
pub fn watch(sender: Sender<Msg>) -> io::Result<Watch> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let handle = signals.handle();
    let first = Arc::new(AtomicI32::new(0));
    let seen = Arc::clone(&first);
    thread::spawn(move || {
        for signal in signals.forever() {
            if seen.compare_exchange(0, signal, Ordering::SeqCst, Ordering::SeqCst).is_ok() {
                // The loop is gone only when gloss is ending anyway; `stop` still reports it.
                let _gone = sender.send(Msg::Signal(signal));
            } else {
                super::terminal::restore();
                die(signal);
            }
        }
    });
    Ok(Watch { handle, first })
}

impl Watch {
    /// Stops watching (the signals get their usual effect again); returns the signal that
    /// asked gloss to end, if one did.
    pub fn stop(self) -> Option<i32> {
        self.handle.close();
        Some(self.first.load(Ordering::SeqCst)).filter(|&signal| signal != 0)
    }
}

/// Ends the process by `signal`, as if it had not been caught, so whatever started gloss (a
/// shell, a service manager) sees how it ended; where that cannot be done, exits with status
/// 128 + the signal's number, as shells report it.
pub fn die(signal: i32) -> ! {
    if let Err(error) = signal_hook::low_level::emulate_default_handler(signal) {
        eprintln!("gloss: ended by signal {signal} ({error})");
    }
    std::process::exit(128 + signal)
}
