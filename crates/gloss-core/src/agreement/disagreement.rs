//! Where analysts disagree in one article: their claims matched across analysts (see
//! [`super::matching::group`]), and for each matched claim what each analyst chose — their
//! claim's labels, nothing ("not tagged"), or no part at all when they have not annotated the
//! article.

use super::matching::{Rule, group};
use crate::annotations::{Claim, Labels};
use crate::text::Span;

/// What one analyst chose at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// They have not annotated the article: they take no part.
    NotAnnotated,
    /// They annotated the article but put no claim here.
    NotTagged,
    /// Their claim here.
    Claim { id: String, span: Span, labels: Labels },
}

impl Choice {
    /// The labels chosen; no claim is the same as a claim with none. `None` for an analyst who
    /// takes no part.
    pub fn labels(&self) -> Option<Labels> {
        match self {
            Self::NotAnnotated => None,
            Self::NotTagged => Some(Labels::default()),
            Self::Claim { labels, .. } => Some(labels.clone()),
        }
    }
}

/// One place in the article: a claim and the claims of other analysts matched with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Where it is: the earliest of its claims.
    pub span: Span,
    /// Each analyst's choice, in the order the analysts were given.
    pub choices: Vec<Choice>,
}

impl Item {
    /// At least two analysts take part and they chose different tags, flag or verdict (a
    /// different span alone is no disagreement: span agreement is measured by F1).
    pub fn disagrees(&self) -> bool {
        let chosen: Vec<Labels> = self.choices.iter().filter_map(Choice::labels).collect();
        chosen.len() >= 2 && chosen.iter().any(|labels| !labels.agrees(&chosen[0]))
    }
}

/// Every place any analyst put a claim in one article, in text order. `claims[a]` are analyst
/// `a`'s placed claims there, or `None` when they have not annotated it.
pub fn compare(claims: &[Option<&[Claim]>]) -> Vec<Item> {
    let spans: Vec<Vec<Span>> =
        claims.iter().map(|c| c.unwrap_or_default().iter().map(Claim::span).collect()).collect();
    let mut items: Vec<Item> = group(&spans, Rule::Overlap)
        .into_iter()
        .map(|members| {
            let choices: Vec<Choice> = members
                .iter()
                .zip(claims)
                .map(|(member, theirs)| match (member, theirs) {
                    (_, None) => Choice::NotAnnotated,
                    (None, Some(_)) => Choice::NotTagged,
                    (Some(i), Some(list)) => {
                        let claim = &list[*i];
                        Choice::Claim { id: claim.id.clone(), span: claim.span(), labels: Labels::of(claim) }
                    }
                })
                .collect();
            let span = members
                .iter()
                .enumerate()
                .filter_map(|(a, m)| Some(spans[a][(*m)?].clone()))
                .min_by_key(|s| (s.start, s.end))
                .unwrap_or_default();
            Item { span, choices }
        })
        .collect();
    items.sort_by_key(|item| (item.span.start, item.span.end));
    items
}

/// The places in one article where the analysts disagree, in text order.
pub fn disagreements(claims: &[Option<&[Claim]>]) -> Vec<Item> {
    compare(claims).into_iter().filter(Item::disagrees).collect()
}
