//! The feeds an analyst follows: a RON file in the config folder, added to by URL or imported
//! from an OPML file or newsboat's `urls` file.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::config::ron_file;
use crate::files::NewFile;

/// One feed followed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    pub url: String,
    /// A name given by the analyst or the import; the feed's own title is used otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// All feeds followed, in the order they were added.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscriptions {
    pub feeds: Vec<Subscription>,
}

/// A subscriptions or import file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum SubscriptionsError {
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{0} (fix the file, or move it away to start again)")]
    Load(#[from] ron_file::LoadError),
    #[error("{path}: not an OPML file: {message}")]
    Opml { path: PathBuf, message: String },
    #[error(transparent)]
    Save(#[from] ron_file::SaveError),
}

impl Subscriptions {
    /// Reads the subscriptions file; none when it does not exist yet.
    pub fn load(path: &Path) -> Result<Self, SubscriptionsError> {
        Ok(ron_file::load(path)?.unwrap_or_default())
    }

    /// Writes the file atomically.
    pub fn save(&self, path: &Path) -> Result<(), SubscriptionsError> {
        let header = "// Feeds gloss fetches; edit freely, or use `gloss feeds add URL`.\n";
        Ok(ron_file::save(path, header, self, None, NewFile::Private)?)
    }

    /// Adds `feed` unless its URL is already followed; true when it was added.
    pub fn add(&mut self, feed: Subscription) -> bool {
        if self.feeds.iter().any(|f| f.url == feed.url) {
            return false;
        }
        self.feeds.push(feed);
        true
    }
}

/// The feeds of an import file: OPML when it looks like XML, else newsboat's `urls` format.
pub fn import(path: &Path) -> Result<Vec<Subscription>, SubscriptionsError> {
    let text =
        fs::read_to_string(path).map_err(|source| SubscriptionsError::Read { path: path.to_path_buf(), source })?;
    if text.trim_start().starts_with('<') {
        from_opml(&text).map_err(|message| SubscriptionsError::Opml { path: path.to_path_buf(), message })
    } else {
        Ok(from_newsboat(&text))
    }
}

/// The feeds of an OPML document, folders flattened, in document order.
pub fn from_opml(text: &str) -> Result<Vec<Subscription>, String> {
    let document = opml::OPML::from_str(text).map_err(|e| e.to_string())?;
    let mut feeds = Vec::new();
    let mut stack: Vec<&opml::Outline> = document.body.outlines.iter().rev().collect();
    while let Some(outline) = stack.pop() {
        if let Some(url) = outline.xml_url.as_deref().filter(|u| !u.trim().is_empty()) {
            let title = outline.title.clone().or_else(|| Some(outline.text.clone())).filter(|t| !t.trim().is_empty());
            feeds.push(Subscription { url: url.trim().to_owned(), title });
        }
        stack.extend(outline.outlines.iter().rev());
    }
    Ok(feeds)
}

/// The feeds of a newsboat `urls` file: `URL tag "~Title" …` per line; comments, queries and
/// command feeds (`query:`, `exec:`, `filter:`) left out.
pub fn from_newsboat(text: &str) -> Vec<Subscription> {
    text.lines()
        .filter_map(|line| {
            let words = split_quoted(line.trim());
            let url = words.first()?;
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                return None;
            }
            let title = words.iter().skip(1).find_map(|w| w.strip_prefix('~')).map(str::to_owned);
            Some(Subscription { url: url.clone(), title })
        })
        .collect()
}

/// Words split on spaces, double quotes grouping.
fn split_quoted(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opml_folders_are_flattened_in_order() {
        let opml = r#"<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
            <outline text="News"><outline text="World" type="rss" xmlUrl="https://a.example/world.rss"/>
            <outline text="Asia" title="Asia desk" type="rss" xmlUrl="https://a.example/asia.atom"/></outline>
            <outline text="Blog" type="rss" xmlUrl="https://b.example/feed"/><outline text="No feed"/></body></opml>"#;
        let feeds = from_opml(opml).unwrap();
        let got: Vec<(&str, Option<&str>)> = feeds.iter().map(|f| (f.url.as_str(), f.title.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("https://a.example/world.rss", Some("World")),
                ("https://a.example/asia.atom", Some("Asia desk")),
                ("https://b.example/feed", Some("Blog"))
            ]
        );
        assert!(from_opml("<opml><body>").is_err());
    }

    #[test]
    fn newsboat_urls_keep_feeds_and_their_titles() {
        let urls = "# my feeds\nhttps://a.example/rss news \"~World desk\"\n\n\"query:Unread:unread = \\\"yes\\\"\"\n\
                    exec:~/bin/feed.sh\nhttp://b.example/atom.xml\n";
        let feeds = from_newsboat(urls);
        assert_eq!(
            feeds,
            [
                Subscription { url: "https://a.example/rss".into(), title: Some("World desk".into()) },
                Subscription { url: "http://b.example/atom.xml".into(), title: None },
            ]
        );
    }

    #[test]
    fn the_file_round_trips_and_a_broken_one_says_where() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("feeds.ron");
        assert_eq!(Subscriptions::load(&path).unwrap(), Subscriptions::default());
        let mut subscriptions = Subscriptions::default();
        assert!(subscriptions.add(Subscription { url: "https://a.example/rss".into(), title: None }));
        assert!(!subscriptions.add(Subscription { url: "https://a.example/rss".into(), title: Some("x".into()) }));
        subscriptions.save(&path).unwrap();
        assert_eq!(Subscriptions::load(&path).unwrap(), subscriptions);
        fs::write(&path, "(feeds: [(url: \"x\",, )])").unwrap();
        let error = Subscriptions::load(&path).unwrap_err().to_string();
        assert!(error.contains("feeds.ron:1:"), "{error}");
    }
}
