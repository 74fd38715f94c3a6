//! Noticing at once that the store file changed under gloss: a watcher on its folder (through
//! `notify`), which tells the keeper to look. The keeper also looks by itself every second, so
//! a system without file events loses nothing but a moment.

use std::path::Path;

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

/// Calls `changed` whenever something happens to the file `path`; `None` when the system
/// cannot watch it (the keeper's own looking is enough then).
pub fn watch(path: &Path, changed: impl Fn() + Send + 'static) -> Option<RecommendedWatcher> {
    let name = path.file_name()?.to_os_string();
    let folder = path.parent()?.to_path_buf();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok_and(|e| e.paths.iter().any(|p| p.file_name() == Some(name.as_os_str()))) {
            changed();
        }
    })
    .ok()?;
    watcher.watch(&folder, RecursiveMode::NonRecursive).ok()?;
    Some(watcher)
}
