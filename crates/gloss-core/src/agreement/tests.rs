//! Agreement over whole articles, figures checked by hand; the per-article disagreements.

use super::coding::Coder;
use super::disagreement::{Choice, disagreements};
use super::report::{Coded, Report, report, report_on, shown};
use crate::annotations::{ArticleRecord, Claim, Stamp, Store, Verdict};
use crate::corpus::{Article, Origin};
use crate::text::Span;

pub const TEXT: &str = "Rates rose in May. Banks said so. Markets fell. Nobody knew why.";

/// A claim on `span` of `text` with these labels.
pub fn claim(text: &str, span: Span, tags: &[&str], check_worthy: bool, verdict: Verdict) -> Claim {
    let mut record = ArticleRecord::default();
    let stamp = Stamp { author: "kim".into(), time: "2026-11-21T09:00:00Z".into() };
    let index = record.add_claim(text, &span, &format!("c{}-{}", span.start, span.end), &stamp);
    let mut claim = record.claims.remove(index);
    claim.tags = tags.iter().map(|t| (*t).to_owned()).collect();
    claim.check_worthy = check_worthy;
    claim.verdict = verdict;
    claim
}

// The sentences of [`TEXT`]: "Rates rose in May." "Banks said so." "Markets fell." "Nobody knew why."
const S: [Span; 4] = [0..18, 19..33, 34..47, 48..64];

fn article() -> Article {
    let article = Article::from_text(Origin::Embedded("a.txt"), TEXT);
    assert_eq!(article.sentences(), S);
    article
}

// kim: S0 fact, check-worthy, verified; S1 quote; S2 fact.
fn kim() -> Vec<Claim> {
    vec![
        claim(TEXT, S[0].clone(), &["fact"], true, Verdict::Verified),
        claim(TEXT, S[1].clone(), &["quote"], false, Verdict::Undetermined),
        claim(TEXT, S[2].clone(), &["fact"], false, Verdict::Undetermined),
    ]
}

// lee: S0 fact, false; S1 quote and opinion; "Nobody knew" in S3, prediction.
fn lee() -> Vec<Claim> {
    vec![
        claim(TEXT, S[0].clone(), &["fact"], false, Verdict::False),
        claim(TEXT, S[1].clone(), &["quote", "opinion"], false, Verdict::Undetermined),
        claim(TEXT, 48..59, &["prediction"], false, Verdict::Undetermined),
    ]
}

fn tags() -> Vec<String> {
    ["fact", "quantity", "causal", "prediction", "policy", "quote", "opinion", "other"].map(String::from).to_vec()
}

fn figures<'a>(report: &'a Report, question: &str) -> &'a super::report::Figures {
    report.questions.iter().find(|f| f.question == question).unwrap()
}

fn close(figure: Option<f64>, expected: f64) -> bool {
    figure.is_some_and(|f| (f - expected).abs() < 1e-9)
}

#[test]
fn two_analysts_by_hand() {
    let article = article();
    let coded: Vec<Coded> = vec![(&article, vec![Some(kim()), Some(lee())])];
    let report = report_on(vec!["kim".into(), "lee".into()], &coded, &tags());
    assert_eq!((report.articles, report.shared, report.sentences, report.annotated.clone()), (1, 1, 4, vec![1, 1]));

    // fact: kim 1 0 1 0, lee 1 0 0 0. p_o = 3/4; kim says yes 2/4, lee 1/4;
    // p_e = 0.5·0.25 + 0.5·0.75 = 0.5; κ = (0.75 − 0.5) / 0.5 = 0.5.
    // α: n = 8 values, n_1 = 3, n_0 = 5; one unit disagrees, Σ o_{c≠k} = 2;
    // α = 1 − 7·2 / (2·3·5) = 1 − 14/30 = 0.5333.
    let fact = figures(&report, "fact");
    assert_eq!((fact.units, fact.agreed, fact.marked.clone()), (4, 3, vec![2, 1]));
    assert!(close(fact.cohen_kappa, 0.5) && close(fact.alpha, 1.0 - 14.0 / 30.0), "{fact:?}");
    assert_eq!(fact.fleiss_kappa, None, "Fleiss is for three analysts or more");

    // any claim: kim 1 1 1 0, lee 1 1 0 1 (lee's "Nobody knew" covers 11 of S3's 16 bytes).
    // p_o = 2/4; both say yes 3/4; p_e = 0.75² + 0.25² = 0.625; κ = (0.5 − 0.625)/0.375 = −1/3.
    assert!(close(figures(&report, "any claim").cohen_kappa, -1.0 / 3.0));
    // quote: both 0 1 0 0: κ = 1. opinion: kim never, lee S1: p_o = 3/4 = p_e: κ = 0.
    assert!(close(figures(&report, "quote").cohen_kappa, 1.0));
    assert!(close(figures(&report, "opinion").cohen_kappa, 0.0));
    // check-worthy: kim S0 only, lee never: κ = 0, as for opinion.
    assert!(close(figures(&report, "check-worthy").cohen_kappa, 0.0));
    // causal: nobody, anywhere: p_e = 1, κ undefined.
    let causal = figures(&report, "causal");
    assert_eq!((causal.cohen_kappa, causal.alpha, shown(causal.cohen_kappa)), (None, None, "n/a".to_owned()));

    // verdict: over the sentences both put a claim on, S0 and S1: (verified, false) and
    // (undetermined, undetermined). p_o = 1/2; p_e = 0.5·0.5 (undetermined) = 0.25;
    // κ = (0.5 − 0.25) / 0.75 = 1/3.
    let verdict = figures(&report, "verdict");
    assert_eq!((verdict.units, verdict.marked.clone()), (2, vec![1, 1]));
    assert!(close(verdict.cohen_kappa, 1.0 / 3.0));
}

#[test]
fn span_f1_by_hand() {
    let article = article();
    let coded: Vec<Coded> = vec![(&article, vec![Some(kim()), Some(lee())])];
    let report = report_on(vec!["kim".into(), "lee".into()], &coded, &tags());
    let pair = &report.pairs[0];
    assert_eq!((pair.first.as_str(), pair.second.as_str(), pair.articles), ("kim", "lee", 1));
    let spans = |q: &str| pair.spans.iter().find(|s| s.question == q).unwrap();
    // Any claim: 3 and 3 claims; S0 and S1 are the very same; lee's "Nobody knew" meets
    // nothing of kim's. F1 = 2·2 / (3 + 3) = 0.667, exact and overlapping alike.
    let any = spans("any claim");
    assert_eq!((any.first, any.second, any.exact, any.overlap), (3, 3, 2, 2));
    assert!(close(any.exact_f1, 4.0 / 6.0) && close(any.overlap_f1, 4.0 / 6.0));
    // fact: kim S0 and S2, lee S0: F1 = 2·1 / 3.
    assert!(close(spans("fact").exact_f1, 2.0 / 3.0));
    // causal: no claim on either side: undefined, not 0 and not NaN.
    assert_eq!(spans("causal").exact_f1, None);
    assert!(pair.spans.iter().all(|s| s.question != "verdict"), "verdicts have no spans of their own");
}

#[test]
fn overlapping_spans_match_only_under_the_overlap_rule() {
    let article = article();
    let sun = vec![claim(TEXT, 0..10, &["fact"], false, Verdict::Undetermined)];
    let coded: Vec<Coded> = vec![(&article, vec![Some(kim()), Some(sun)])];
    let report = report_on(vec!["kim".into(), "sun".into()], &coded, &tags());
    let fact = report.pairs[0].spans.iter().find(|s| s.question == "fact").unwrap();
    // "Rates rose" (10 bytes) lies inside kim's S0: no exact match, an overlap match.
    assert_eq!((fact.exact, fact.overlap), (0, 1));
    assert!(close(fact.exact_f1, 0.0) && close(fact.overlap_f1, 2.0 / 3.0));
}

// Three analysts on the first three sentences, fact: (1,1,1) (1,1,0) (0,0,0), and nobody
// tags S3. Over the four units: P_i = 1, 1/3, 1, 1; P̄ = (10/3)/4 = 5/6. Yes-answers 5 of 12:
// P̄_e = (5/12)² + (7/12)² = (25 + 49)/144 = 74/144. κ = (120/144 − 74/144)/(70/144) = 46/70.
#[test]
fn three_analysts_get_fleiss_kappa() {
    let article = article();
    let fact = |spans: &[Span]| -> Vec<Claim> {
        spans.iter().map(|s| claim(TEXT, s.clone(), &["fact"], false, Verdict::Undetermined)).collect()
    };
    let coded: Vec<Coded> = vec![(&article, vec![Some(fact(&S[..2])), Some(fact(&S[..2])), Some(fact(&S[..1]))])];
    let report = report_on(vec!["kim".into(), "lee".into(), "sun".into()], &coded, &tags());
    let figures = figures(&report, "fact");
    assert_eq!(figures.cohen_kappa, None);
    assert!(close(figures.fleiss_kappa, 46.0 / 70.0), "{figures:?}");
    assert_eq!(report.pairs.len(), 3, "kim–lee, kim–sun, lee–sun");
}

#[test]
fn one_analyst_and_no_shared_articles_give_counts_and_no_figures() {
    let first = article();
    let second = Article::from_text(Origin::Embedded("b.txt"), "Another story. With two sentences.");
    let alone = report_on(vec!["kim".into()], &[(&first, vec![Some(kim())])], &tags());
    assert_eq!((alone.shared, alone.sentences, alone.pairs.len()), (1, 4, 0));
    assert!(alone.questions.iter().all(|f| f.cohen_kappa.is_none() && f.fleiss_kappa.is_none() && f.alpha.is_none()));
    assert_eq!(figures(&alone, "fact").marked, [2]);

    let coded: Vec<Coded> = vec![(&first, vec![Some(kim()), None]), (&second, vec![None, Some(Vec::new())])];
    let apart = report_on(vec!["kim".into(), "lee".into()], &coded, &tags());
    assert_eq!((apart.annotated.clone(), apart.shared, apart.sentences), (vec![1, 1], 0, 0));
    assert!(apart.questions.iter().all(|f| f.units == 0 && f.cohen_kappa.is_none() && f.alpha.is_none()));
    assert_eq!((apart.pairs[0].articles, apart.pairs[0].spans[0].exact_f1), (0, None));
    let json = serde_json::to_string(&apart).unwrap();
    assert!(json.contains("\"cohen_kappa\":null") && !json.contains("NaN"), "{json}");
}

#[test]
fn stores_are_followed_to_the_articles_and_tags_outside_the_vocabulary_still_count() {
    let article = article();
    let store_of = |claims: Vec<Claim>| {
        let mut store = Store::default();
        let record = ArticleRecord { claims, ..ArticleRecord::for_article(&article) };
        store.articles.insert("a1".into(), record);
        store
    };
    let mut odd = kim();
    odd[2].tags = vec!["rumour".into()];
    let coders =
        [Coder::new("kim", store_of(odd)), Coder::new("lee", store_of(lee())), Coder::new("nobody", Store::default())];
    let report = report(&[&article], &coders, &tags());
    assert_eq!(report.annotated, [1, 1, 0]);
    assert_eq!(report.shared, 0, "nobody annotated nothing");
    assert_eq!(report.questions.last().unwrap().question, "verdict");
    let rumour = figures(&report, "rumour");
    // Over the sentences kim and lee both coded: alpha needs only two analysts per unit.
    assert_eq!((rumour.units, rumour.alpha_units), (0, 4));
}

#[test]
fn disagreements_in_one_article() {
    let (kim, lee) = (kim(), lee());
    let items = disagreements(&[Some(&kim), Some(&lee), None]);
    // S0: fact both, but check-worthy and verdict differ. S1: quote vs quote + opinion. S2:
    // kim's fact, lee nothing. S3: lee's prediction, kim nothing. The third analyst takes no part.
    assert_eq!(
        items.iter().map(|i| i.span.clone()).collect::<Vec<_>>(),
        [S[0].clone(), S[1].clone(), S[2].clone(), 48..59]
    );
    assert_eq!(items[2].choices[1], Choice::NotTagged);
    assert!(items.iter().all(|i| i.choices[2] == Choice::NotAnnotated));
    let Choice::Claim { labels, .. } = &items[3].choices[1] else { panic!("{:?}", items[3]) };
    assert_eq!(labels.tags, ["prediction"]);
    let same = disagreements(&[Some(&kim), Some(&kim.clone())]);
    assert!(same.is_empty());
    assert!(disagreements(&[Some(&kim), None]).is_empty(), "one analyst cannot disagree");
}

mod properties {
    use proptest::prelude::*;

    use super::{S, TEXT, claim, disagreements};
    use crate::annotations::{Claim, Verdict};

    /// An analyst's claims: for each sentence of [`TEXT`], maybe a claim with some of three tags
    /// and maybe the flag.
    fn analyst() -> impl Strategy<Value = Vec<Claim>> {
        prop::collection::vec(prop::option::of((0u8..8, any::<bool>())), 4).prop_map(|sentences| {
            sentences
                .into_iter()
                .enumerate()
                .filter_map(|(i, chosen)| {
                    let (tags, flag) = chosen?;
                    let tags: Vec<&str> = ["fact", "quote", "opinion"]
                        .into_iter()
                        .enumerate()
                        .filter(|(b, _)| tags & (1 << b) != 0)
                        .map(|(_, t)| t)
                        .collect();
                    Some(claim(TEXT, S[i].clone(), &tags, flag, Verdict::Undetermined))
                })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn disagreements_are_symmetric_and_nobody_disagrees_with_themselves(a in analyst(), b in analyst()) {
            prop_assert!(disagreements(&[Some(&a), Some(&a.clone())]).is_empty());
            let spans = |items: Vec<super::super::Item>| items.into_iter().map(|i| i.span).collect::<Vec<_>>();
            let ab = spans(disagreements(&[Some(&a), Some(&b)]));
            prop_assert_eq!(&ab, &spans(disagreements(&[Some(&b), Some(&a)])));
            // Every disagreement is at a claim of one of them.
            prop_assert!(ab.iter().all(|s| a.iter().chain(&b).any(|c| c.span() == *s)));
            // One who takes no part changes nothing.
            prop_assert_eq!(&ab, &spans(disagreements(&[Some(&a), None, Some(&b)])));
        }
    }
}
