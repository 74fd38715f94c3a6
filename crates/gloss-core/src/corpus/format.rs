//! Article file formats: which files a folder scan picks up, and how their text is read.
//!
//! Plain text is the only format today. Markdown, HTML and feeds plug in here: a new variant,
//! its extensions, and a reader that turns the file's decoded text into one or more articles.

use std::path::Path;

/// A kind of article file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    PlainText,
}

impl Format {
    /// The format a folder scan recognises from `path`'s extension; other files are left out.
    pub fn from_extension(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "txt" | "text" => Some(Self::PlainText),
            _ => None,
        }
    }

    /// The format of a file named explicitly: its extension's, else plain text.
    pub fn for_named_file(path: &Path) -> Self {
        Self::from_extension(path).unwrap_or(Self::PlainText)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_scans_take_text_files_only() {
        assert_eq!(Format::from_extension(Path::new("a/b.TXT")), Some(Format::PlainText));
        assert_eq!(Format::from_extension(Path::new("a/b.png")), None);
        assert_eq!(Format::from_extension(Path::new("README")), None);
        assert_eq!(Format::for_named_file(Path::new("notes.log")), Format::PlainText);
    }
}
