//! Running the real binary in a private tmux server: send keys, read the screen.

use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// One program in a detached tmux session on a private server, killed on drop.
pub struct Tmux {
    socket: String,
}

static NEXT: AtomicUsize = AtomicUsize::new(0);

impl Tmux {
    /// Starts `program args…` in `cwd` with `env`, in a `cols`×`rows` window.
    pub fn start(cols: u16, rows: u16, cwd: &Path, env: &[(&str, &Path)], program: &Path, args: &[&str]) -> Self {
        let socket = format!("gloss-test-{}-{}", std::process::id(), NEXT.fetch_add(1, Ordering::SeqCst));
        let tmux = Self { socket };
        let mut command = vec!["env".to_owned(), "-u".to_owned(), "NO_COLOR".to_owned()];
        command.extend(env.iter().map(|(k, v)| format!("{k}={}", v.display())));
        command.push(program.display().to_string());
        command.extend(args.iter().map(|a| (*a).to_owned()));
        let (cols, rows) = (cols.to_string(), rows.to_string());
        let mut new_session = vec!["new-session", "-d", "-s", "t", "-x", &cols, "-y", &rows, "-c"];
        let cwd = cwd.display().to_string();
        new_session.push(&cwd);
        new_session.push("--");
        new_session.extend(command.iter().map(String::as_str));
        tmux.run(&new_session);
        tmux.run(&["set-option", "-t", "t", "remain-on-exit", "on"]);
        tmux
    }

    fn run(&self, args: &[&str]) -> String {
        let output = Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs (install it: apt-get install tmux)");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Sends tmux key names (`j`, `Enter`, `Escape`, `C-c`).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend(keys);
        self.run(&args);
    }

    /// Types literal text.
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "t", "-l", "--", text]);
    }

    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "t"])
    }

    pub fn resize(&self, cols: u16, rows: u16) {
        self.run(&["resize-window", "-t", "t", "-x", &cols.to_string(), "-y", &rows.to_string()]);
    }

    /// Waits until the screen contains `needle`; panics with the screen after 10 s.
    pub fn wait_for(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(Instant::now() < deadline, "waited for {needle:?}; the screen shows:\n{screen}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits for the program to exit and returns its exit status, when tmux learns it (tmux
    /// 3.3 now and then marks a pane dead without ever reaping the process, so it may not).
    pub fn wait_exit(&self) -> Option<i32> {
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut dead_since = None;
        loop {
            let state = self.run(&["display-message", "-p", "-t", "t", "#{pane_dead} #{pane_dead_status}"]);
            match state.split_whitespace().collect::<Vec<_>>()[..] {
                ["1", status] => return status.parse().ok(),
                ["1"] if dead_since.get_or_insert_with(Instant::now).elapsed() > Duration::from_secs(2) => return None,
                _ => {}
            }
            assert!(Instant::now() < deadline, "gloss did not exit; the screen shows:\n{}", self.screen());
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Whether the pane is in the alternate screen (a full-screen program has it).
    pub fn alternate_screen(&self) -> bool {
        self.run(&["display-message", "-p", "-t", "t", "#{alternate_on}"]).trim() == "1"
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}
