//! How claims, records and the store are written and read: the known fields in a fixed order,
//! then the unknown ones as they were; claims in text order; empty records left out.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::de::{self, MapAccess};
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::fields::{self, Draft, Unknown, put, required, serialize_unknown};
use super::{ArticleRecord, STORE_VERSION};
use crate::annotations::claim::{Anchor, Claim, Verdict};
use crate::annotations::conflict::Conflict;

impl Serialize for Claim {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Claim", 9 + usize::from(self.orphaned) + self.unknown.len())?;
        out.serialize_field("id", &self.id)?;
        out.serialize_field("anchor", &self.anchor)?;
        out.serialize_field("tags", &self.tags)?;
        out.serialize_field("check_worthy", &self.check_worthy)?;
        out.serialize_field("verdict", &self.verdict)?;
        out.serialize_field("note", &self.note)?;
        out.serialize_field("created", &self.created)?;
        out.serialize_field("modified", &self.modified)?;
        out.serialize_field("author", &self.author)?;
        if self.orphaned {
            out.serialize_field("orphaned", &self.orphaned)?;
        }
        serialize_unknown(&mut out, &self.unknown)?;
        out.end()
    }
}

#[derive(Default)]
struct ClaimDraft {
    id: Option<String>,
    anchor: Option<Anchor>,
    tags: Option<Vec<String>>,
    check_worthy: Option<bool>,
    verdict: Option<Verdict>,
    note: Option<String>,
    created: Option<String>,
    modified: Option<String>,
    author: Option<String>,
    orphaned: Option<bool>,
}

impl Draft for ClaimDraft {
    type Output = Claim;
    const NAME: &'static str = "Claim";
    const KNOWN: &'static [&'static str] =
        &["id", "anchor", "tags", "check_worthy", "verdict", "note", "created", "modified", "author", "orphaned"];

    fn read<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "id" => put(&mut self.id, key, map),
            "anchor" => put(&mut self.anchor, key, map),
            "tags" => put(&mut self.tags, key, map),
            "check_worthy" => put(&mut self.check_worthy, key, map),
            "verdict" => put(&mut self.verdict, key, map),
            "note" => put(&mut self.note, key, map),
            "created" => put(&mut self.created, key, map),
            "modified" => put(&mut self.modified, key, map),
            "author" => put(&mut self.author, key, map),
            "orphaned" => put(&mut self.orphaned, key, map),
            _ => Ok(false),
        }
    }

    fn finish<E: de::Error>(self, unknown: Unknown) -> Result<Claim, E> {
        Ok(Claim {
            id: required(self.id, "id")?,
            anchor: required(self.anchor, "anchor")?,
            tags: required(self.tags, "tags")?,
            check_worthy: required(self.check_worthy, "check_worthy")?,
            verdict: required(self.verdict, "verdict")?,
            note: required(self.note, "note")?,
            created: required(self.created, "created")?,
            modified: required(self.modified, "modified")?,
            author: required(self.author, "author")?,
            orphaned: self.orphaned.unwrap_or(false),
            unknown,
        })
    }
}

impl<'de> Deserialize<'de> for Claim {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        fields::deserialize::<D, ClaimDraft>(deserializer)
    }
}

/// The claims of a record in the order they are written: text order, then id.
struct InTextOrder<'a>(&'a [Claim]);

impl Serialize for InTextOrder<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let key = |c: &Claim| (c.anchor.start, c.anchor.end, c.id.clone());
        if self.0.is_sorted_by_key(key) {
            return serializer.collect_seq(self.0);
        }
        let mut sorted: Vec<&Claim> = self.0.iter().collect();
        sorted.sort_by_key(|c| key(c));
        serializer.collect_seq(sorted)
    }
}

impl Serialize for ArticleRecord {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let conflicts = usize::from(!self.conflicts.is_empty());
        let mut out = serializer.serialize_struct("ArticleRecord", 7 + conflicts + self.unknown.len())?;
        out.serialize_field("file", &self.file)?;
        out.serialize_field("path", &self.path)?;
        out.serialize_field("fingerprint", &self.fingerprint)?;
        out.serialize_field("title", &self.title)?;
        out.serialize_field("read", &self.read)?;
        out.serialize_field("note", &self.note)?;
        out.serialize_field("claims", &InTextOrder(&self.claims))?;
        if !self.conflicts.is_empty() {
            out.serialize_field("conflicts", &self.conflicts)?;
        }
        serialize_unknown(&mut out, &self.unknown)?;
        out.end()
    }
}

#[derive(Default)]
struct RecordDraft {
    file: Option<String>,
    path: Option<String>,
    fingerprint: Option<String>,
    title: Option<String>,
    read: Option<bool>,
    note: Option<String>,
    claims: Option<Vec<Claim>>,
    conflicts: Option<Vec<Conflict>>,
}

impl Draft for RecordDraft {
    type Output = ArticleRecord;
    const NAME: &'static str = "ArticleRecord";
    const KNOWN: &'static [&'static str] =
        &["file", "path", "fingerprint", "title", "read", "note", "claims", "conflicts"];

    fn read<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "file" => put(&mut self.file, key, map),
            "path" => put(&mut self.path, key, map),
            "fingerprint" => put(&mut self.fingerprint, key, map),
            "title" => put(&mut self.title, key, map),
            "read" => put(&mut self.read, key, map),
            "note" => put(&mut self.note, key, map),
            "claims" => put(&mut self.claims, key, map),
            "conflicts" => put(&mut self.conflicts, key, map),
            _ => Ok(false),
        }
    }

    fn finish<E: de::Error>(self, unknown: Unknown) -> Result<ArticleRecord, E> {
        Ok(ArticleRecord {
            file: required(self.file, "file")?,
            path: required(self.path, "path")?,
            fingerprint: required(self.fingerprint, "fingerprint")?,
            title: required(self.title, "title")?,
            read: self.read.unwrap_or(false),
            note: self.note.unwrap_or_default(),
            claims: self.claims.unwrap_or_default(),
            conflicts: self.conflicts.unwrap_or_default(),
            unknown,
        })
    }
}

impl<'de> Deserialize<'de> for ArticleRecord {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        fields::deserialize::<D, RecordDraft>(deserializer)
    }
}

/// Anything that holds records by article id: the store, or a snapshot of shared records.
pub trait Records {
    fn records(&self) -> impl Iterator<Item = (&str, &ArticleRecord)>;
}

impl Records for BTreeMap<String, ArticleRecord> {
    fn records(&self) -> impl Iterator<Item = (&str, &ArticleRecord)> {
        self.iter().map(|(id, record)| (id.as_str(), record))
    }
}

impl Records for BTreeMap<String, Arc<ArticleRecord>> {
    fn records(&self) -> impl Iterator<Item = (&str, &ArticleRecord)> {
        self.iter().map(|(id, record)| (id.as_str(), &**record))
    }
}

/// The store as it is written, from any [`Records`]: the current version, the records that
/// are not empty, then the store's unknown fields.
pub struct StoreFile<'a, R> {
    pub records: &'a R,
    pub unknown: &'a Unknown,
}

struct NonEmpty<'a, R>(&'a R);

impl<R: Records> Serialize for NonEmpty<'_, R> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let kept = || self.0.records().filter(|(_, record)| !record.is_empty());
        let mut out = serializer.serialize_map(Some(kept().count()))?;
        for (id, record) in kept() {
            out.serialize_entry(id, record)?;
        }
        out.end()
    }
}

impl<R: Records> Serialize for StoreFile<'_, R> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Store", 2 + self.unknown.len())?;
        out.serialize_field("version", &STORE_VERSION)?;
        out.serialize_field("articles", &NonEmpty(self.records))?;
        serialize_unknown(&mut out, self.unknown)?;
        out.end()
    }
}

/// The store as read: records in the order written, duplicates and all, for the store to
/// check.
pub struct ReadStore {
    pub version: u32,
    pub articles: Vec<(String, ArticleRecord)>,
    pub unknown: Unknown,
}

#[derive(Default)]
struct StoreDraft {
    version: Option<u32>,
    articles: Option<InOrder>,
}

/// A map read as a list of entries, so that a key given twice is seen.
struct InOrder(Vec<(String, ArticleRecord)>);

impl<'de> Deserialize<'de> for InOrder {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> de::Visitor<'de> for Entries {
            type Value = InOrder;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map of article ids to records")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<InOrder, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(InOrder(entries))
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

impl Draft for StoreDraft {
    type Output = ReadStore;
    const NAME: &'static str = "Store";
    const KNOWN: &'static [&'static str] = &["version", "articles"];

    fn read<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "version" => put(&mut self.version, key, map),
            "articles" => put(&mut self.articles, key, map),
            _ => Ok(false),
        }
    }

    fn finish<E: de::Error>(self, unknown: Unknown) -> Result<ReadStore, E> {
        Ok(ReadStore {
            version: required(self.version, "version")?,
            articles: required(self.articles, "articles")?.0,
            unknown,
        })
    }
}

impl<'de> Deserialize<'de> for ReadStore {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        fields::deserialize::<D, StoreDraft>(deserializer)
    }
}
