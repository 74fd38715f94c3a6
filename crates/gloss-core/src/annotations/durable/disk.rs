//! The store file as gloss last saw it: its identity on disk (to notice at once that it
//! changed) and the digest of its bytes (to know whether it really did).

use std::fs;
use std::io::{self, Write};
use std::path::Path;
use std::time::SystemTime;

/// Who a file is on disk: enough to see, without reading it, that it was replaced or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    inode: (u64, u64),
}

impl Stamp {
    /// The stamp of the file at `path`; `None` when there is none.
    pub fn of(path: &Path) -> io::Result<Option<Self>> {
        match fs::metadata(path) {
            Ok(meta) => Ok(Some(Self::from_meta(&meta))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Whether the file was changed so recently that a change made just after could have
    /// left the same stamp (file times are coarse, and inode numbers are reused): then only
    /// its bytes can tell. The same rule as git's "racily clean" files.
    pub fn is_racy(&self) -> bool {
        self.modified
            .is_none_or(|at| SystemTime::now().duration_since(at).is_ok_and(|age| age < RACY) || at > SystemTime::now())
    }

    fn from_meta(meta: &fs::Metadata) -> Self {
        #[cfg(unix)]
        let inode = {
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino())
        };
        Self {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            inode,
        }
    }
}

/// How recent a change leaves a file's stamp in doubt.
const RACY: std::time::Duration = std::time::Duration::from_secs(2);

/// The digest of a file's bytes.
pub fn digest(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// A writer that hashes what goes through it.
pub struct Hashing<'a> {
    pub inner: &'a mut dyn Write,
    pub hasher: blake3::Hasher,
}

impl Write for Hashing<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let written = self.inner.write(bytes)?;
        self.hasher.update(&bytes[..written]);
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}
