//! An export of many claims made in memory (a thousand articles of a hundred claims each, with
//! quotes, notes, tags and names like real ones), for measuring the export writers at scale.

use std::path::PathBuf;
use std::sync::Arc;

use gloss_core::annotations::claim::{Anchor, Claim, Verdict};
use gloss_core::entities::Kind;
use gloss_core::export::{ArticleOut, ClaimEntity, ClaimOut, Export, Place};

/// Claims per article.
const PER_ARTICLE: usize = 100;

/// An export of `claims` claims (rounded down to a hundred).
pub fn export(claims: usize) -> Export {
    let articles = (0..claims / PER_ARTICLE).map(article).collect();
    Export::new("news", Some("2026-12-06".into()), articles)
}

fn article(a: usize) -> ArticleOut {
    ArticleOut {
        id: format!("{a:012x}"),
        file: format!("{a:05}.txt"),
        path: format!("news/{a:05}.txt"),
        title: format!("Talks on the border resume after a pause of several months, part {a}"),
        source: Some("Reuters".into()),
        date: Some("2026-11-21".into()),
        fingerprint: format!("{a:064x}"),
        location: Some(PathBuf::from(format!("/data/news/{a:05}.txt"))),
        read: true,
        note: "Source is a wire service; quotes checked against the recording.".into(),
        claims: (0..PER_ARTICLE).map(|c| claim(a, c)).collect(),
    }
}

fn claim(a: usize, c: usize) -> ClaimOut {
    let start = c * 200;
    let claim = Claim {
        id: format!("c{a:05}{c:05}"),
        anchor: Anchor {
            start,
            end: start + 170,
            quote: "Officials in Seoul said the talks with Pyongyang would resume next week after a pause of \
                    several months, according to two people briefed on the plans."
                .into(),
            prefix: "the envoy arrived on Monday and ".into(),
            suffix: " The ministry declined to comment".into(),
        },
        tags: vec!["fact".into(), "quote".into()],
        check_worthy: c.is_multiple_of(3),
        verdict: Verdict::InProgress,
        note: if c.is_multiple_of(2) {
            "Check against the ministry's statement, \"verbatim\".".into()
        } else {
            String::new()
        },
        created: "2026-11-21T07:00:00Z".into(),
        modified: "2026-11-21T07:30:00Z".into(),
        author: "analyst".into(),
        orphaned: c % 50 == 49,
        unknown: gloss_core::annotations::store::Unknown::new(),
    };
    let place = (!claim.orphaned).then_some(Place {
        start,
        end: start + 170,
        start_byte: start,
        end_byte: start + 170,
        line: c + 3,
    });
    let entities = vec![
        ClaimEntity { text: "Seoul".into(), kind: Kind::Gpe, canonical: Arc::from("Seoul") },
        ClaimEntity { text: "Pyongyang".into(), kind: Kind::Gpe, canonical: Arc::from("Pyongyang") },
    ];
    ClaimOut { claim, place, entities }
}
