//! The orders the article list can be sorted in.

use std::cmp::{Ordering, Reverse};

use serde::{Deserialize, Serialize};

use super::Item;

/// How the list is ordered. Its name in files is `snake_case` (`last_annotated`).
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::VariantArray,
    strum::EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Sort {
    /// As the files were found: folders and names in order.
    #[default]
    FileOrder,
    /// Newest first; undated articles last.
    Date,
    /// A to Z, ignoring case.
    Title,
    /// Most claims first.
    Claims,
    /// The article whose claims were changed last, first; articles without claims last.
    LastAnnotated,
}

impl Sort {
    /// Every order, as the sort menu offers them.
    pub const ALL: &[Self] = <Self as strum::VariantArray>::VARIANTS;

    /// What people read: `by date (newest first)`.
    pub fn label(self) -> &'static str {
        match self {
            Self::FileOrder => "file order",
            Self::Date => "date, newest first",
            Self::Title => "title, A to Z",
            Self::Claims => "claims, most first",
            Self::LastAnnotated => "last annotated first",
        }
    }

    /// A word or two for the list's title.
    pub fn short(self) -> &'static str {
        match self {
            Self::FileOrder => "file order",
            Self::Date => "by date",
            Self::Title => "by title",
            Self::Claims => "by claims",
            Self::LastAnnotated => "last annotated",
        }
    }

    /// Orders article `a` before `b` (by position in `items`), ties in file order.
    pub fn compare(self, items: &[Item<'_>], keys: &[SortKey], a: usize, b: usize) -> Ordering {
        let by = match self {
            Self::FileOrder => Ordering::Equal,
            // `None` is the smallest date, so reversed, undated articles come last.
            Self::Date => Reverse(items[a].date()).cmp(&Reverse(items[b].date())),
            Self::Title | Self::LastAnnotated => keys[a].cmp(&keys[b]),
            Self::Claims => Reverse(items[a].claims()).cmp(&Reverse(items[b].claims())),
        };
        by.then(a.cmp(&b))
    }

    /// What this order compares that is costly to compute in each comparison, once per item.
    pub fn keys(self, items: &[Item<'_>]) -> Vec<SortKey> {
        match self {
            Self::Title => items.iter().map(|i| SortKey::Text(i.article.title().to_lowercase())).collect(),
            Self::LastAnnotated => {
                items.iter().map(|i| SortKey::Latest(Reverse(i.last_annotated().map(str::to_owned)))).collect()
            }
            Self::FileOrder | Self::Date | Self::Claims => Vec::new(),
        }
    }
}

/// A precomputed sort key (see [`Sort::keys`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum SortKey {
    Text(String),
    /// The newest claim change, as an RFC 3339 time (which sorts as text); newest first.
    Latest(Reverse<Option<String>>),
}
