//! The terminal's life: raw mode and the alternate screen in, always out again (also on a
//! panic); the event loop that feeds `update` and draws with `view`.

use std::io::{self, Stdout, stdout};
use std::path::PathBuf;
use std::sync::OnceLock;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

use crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode,
    enable_raw_mode,
};
use crossterm::{execute, queue};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;

use super::app::{AppState, SaveState};
use super::effects::Executor;
use super::input;
use super::signals;
use super::update::TookOver;
use super::update::{Msg, startup, update};
use super::view::view;
use gloss_core::annotations::Store;
use gloss_core::annotations::durable::{Durable, Keeper, Report};
use gloss_core::annotations::open::take_over;
use gloss_core::corpus::Problem;

/// How long quitting waits for the store file to be brought up to date.
const FINISH_ON_QUIT: Duration = Duration::from_secs(30);

/// What a session leaves for the command line to report once the terminal is normal again.
#[derive(Debug)]
pub struct Outcome {
    /// Files that could not be read.
    pub problems: Vec<Problem>,
    /// The store, and why, when its last changes could not be written even to the journal.
    pub unsaved: Option<(Store, String)>,
    /// Why the store file could not be brought up to date (the edits wait in its journal).
    pub unfolded: Option<String>,
    /// Why where the user left off could not be remembered, when it could not.
    pub forgot: Option<String>,
    /// The signal that ended the session, for gloss to end by once it has reported the rest.
    pub signal: Option<i32>,
}

/// The store on disk, for the reader to keep: ready to write, or held by another gloss.
#[derive(Debug, Default)]
pub enum Keeping {
    /// Changes stay in memory (read-only, or no store).
    #[default]
    Nothing,
    /// This gloss writes the store.
    Write(Box<Durable>),
    /// Another gloss holds the store file's lock: take over when it quits.
    WaitFor(PathBuf),
}

/// Runs the reader until the user quits; on the way out the store file is brought up to date.
pub fn run(mut state: AppState, paths: Vec<PathBuf>, keeping: Keeping) -> io::Result<Outcome> {
    install_panic_hook();
    let _restore = Restore;
    let mut terminal = enter()?;

    let (sender, receiver) = mpsc::channel();
    let signals = signals::watch(sender.clone());
    if let Err(error) = &signals {
        state.set_error(format!("gloss cannot watch for signals ({error}): quit with q to keep the terminal sane"));
    }
    spawn_input(sender.clone());
    super::loader::spawn(paths, sender.clone());
    match keeping {
        Keeping::Nothing => {}
        Keeping::Write(durable) => state.notes.keeper = Some(start_keeper(*durable, &sender)),
        Keeping::WaitFor(real) => spawn_take_over(real, sender.clone()),
    }
    let mut executor = Executor::new(sender);
    for effect in startup(&state) {
        executor.run(effect);
    }
    let result = event_loop(&mut terminal, &mut state, &mut executor, &receiver);
    // The terminal first: bringing a big store file up to date can take a moment, and gloss
    // may have been asked to end by a signal, or its terminal closed.
    restore();
    let unfolded = state.notes.keeper.as_ref().and_then(|keeper| keeper.finish(FINISH_ON_QUIT).err());
    let unsaved = match &state.notes.save {
        SaveState::Failed(error) => Some((state.notes.session.store().clone(), error.clone())),
        _ => None,
    };
    let forgot = remember_on_the_way_out(&state);
    let signal = signals.ok().and_then(signals::Watch::stop);
    result?;
    Ok(Outcome { problems: std::mem::take(&mut state.problems), unsaved, unfolded, forgot, signal })
}

/// Starts the keeper of `durable`, its reports going to the event loop.
fn start_keeper(durable: Durable, sender: &Sender<Msg>) -> Keeper {
    let sender = sender.clone();
    let keeper = Keeper::start(durable, move |report| {
        // The loop is gone only when gloss is quitting; nobody is left to tell.
        let _gone = sender.send(Msg::Store(report));
    });
    remember_keeper(&keeper);
    keeper
}

/// Waits on a thread of its own for the other gloss to let go of the store, then opens it.
fn spawn_take_over(real: PathBuf, sender: Sender<Msg>) {
    thread::spawn(move || {
        let msg = match take_over(&real) {
            Ok(opened) => match opened.durable {
                Some(durable) => {
                    let keeper = start_keeper(durable, &sender);
                    Msg::TookOver(Box::new(TookOver { store: opened.store, keeper, notices: opened.notices }))
                }
                None => return,
            },
            Err(error) => Msg::Store(Report::Blocked(error.to_string())),
        };
        // The loop is gone only when gloss is quitting.
        let _gone = sender.send(msg);
    });
}

/// Writes what to remember of this session (the order, the list's width, the place); a small
/// file, written once, as gloss quits.
fn remember_on_the_way_out(state: &AppState) -> Option<String> {
    let memory = state.memory.as_ref()?;
    let remembered = super::update::snapshot(state)?;
    memory.save(&remembered).err().map(|error| error.to_string())
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    state: &mut AppState,
    executor: &mut Executor,
    receiver: &Receiver<Msg>,
) -> io::Result<()> {
    loop {
        if follow_size(terminal, state, executor)? {
            return Ok(());
        }
        draw(terminal, state)?;
        let Ok(first) = receiver.recv() else { return Ok(()) };
        // Apply everything already waiting before drawing again.
        for msg in std::iter::once(first).chain(receiver.try_iter()) {
            if matches!(msg, Msg::Signal(_)) {
                return Ok(());
            }
            // Debug builds can be told to panic on f12, so tests can see the panic path.
            let test_panic = cfg!(debug_assertions) && std::env::var_os("GLOSS_TEST_PANIC").is_some();
            let f12 = matches!(&msg, Msg::Key(chord) if chord.key == crate::keymap::Key::F(12));
            assert!(!(test_panic && f12), "GLOSS_TEST_PANIC is set");
            // A key acts on the screen it was pressed on, even if the resize event is still queued.
            if matches!(msg, Msg::Key(_) | Msg::Paste(_) | Msg::Mouse(_)) && follow_size(terminal, state, executor)? {
                return Ok(());
            }
            if apply(state, executor, msg) {
                return Ok(());
            }
        }
    }
}

/// Tells `update` the terminal's real size when it is not the size `update` last heard of, so
/// paging and scrolling agree with what is drawn; returns whether the app should quit.
fn follow_size(
    terminal: &Terminal<CrosstermBackend<Stdout>>,
    state: &mut AppState,
    executor: &mut Executor,
) -> io::Result<bool> {
    let size = terminal.size()?;
    let screen = Rect::new(0, 0, size.width, size.height);
    Ok(screen != state.screen && apply(state, executor, Msg::Resize(screen)))
}

/// Runs `msg` through `update` and carries out its effects; returns whether the app should quit.
fn apply(state: &mut AppState, executor: &mut Executor, msg: Msg) -> bool {
    let mut quit = false;
    for effect in update(state, msg) {
        quit |= executor.run(effect);
    }
    quit
}

/// Draws one frame as a synchronized update, so a terminal that supports it (and the
/// end-to-end tests) shows whole frames only, never one half drawn; others ignore the markers.
fn draw(terminal: &mut Terminal<CrosstermBackend<Stdout>>, state: &AppState) -> io::Result<()> {
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| view(state, frame))?;
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)
}

fn spawn_input(sender: Sender<Msg>) {
    thread::spawn(move || {
        while let Ok(event) = crossterm::event::read() {
            if let Some(msg) = input::message(event)
                && sender.send(msg).is_err()
            {
                return;
            }
        }
    });
}

fn enter() -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture, EnableBracketedPaste)?;
    Terminal::new(CrosstermBackend::new(stdout()))
}

/// Puts the terminal back as it was. Safe to call more than once.
///
/// Best effort: it runs on the way out, from a panic hook too, when the terminal it would
/// report to is the very thing failing; each step is tried even if the one before failed.
pub fn restore() {
    let _ =
        execute!(stdout(), DisableBracketedPaste, DisableMouseCapture, LeaveAlternateScreen, crossterm::cursor::Show);
    let _ = disable_raw_mode();
}

/// Restores the terminal when dropped, on every way out of `run`.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        restore();
    }
}

/// The keeper, for the panic hook to flush.
static KEEPER: OnceLock<Keeper> = OnceLock::new();

/// Lets a panic bring the store file up to date before the process ends.
fn remember_keeper(keeper: &Keeper) {
    // One keeper per run (a taken-over one comes only when none was started), so `set`
    // cannot fail; were that to change, the hook would still finish the first one.
    let _first = KEEPER.set(keeper.clone());
}

/// On a panic: the terminal first, so the panic message is readable; then the changes waiting
/// to be saved; then the usual report.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        if let Some(keeper) = KEEPER.get()
            && let Err(error) = keeper.finish(Duration::from_secs(5))
        {
            eprintln!("gloss: the store file could not be brought up to date ({error}); every edit is in its journal");
        }
        previous(info);
    }));
}
