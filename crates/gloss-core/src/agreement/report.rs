//! The agreement figures between analysts over a set of articles: for each question (each claim
//! type, any claim, check-worthy, verdict) the kappas, alpha and counts over sentences, and for
//! each pair of analysts the span-level F1 of their claims.

use serde::Serialize;

use super::alpha::krippendorff_alpha;
use super::coding::{Coder, SentenceCode, sentence_codes};
use super::kappa::{category_counts, cohen_kappa, fleiss_kappa};
use super::matching::{Rule, matched};
use crate::annotations::{Claim, Verdict};
use crate::corpus::Article;
use crate::text::Span;

/// Something each analyst answers about each sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// Is a claim on it tagged with this claim type? (yes / no)
    Tag(String),
    /// Is any claim on it? (yes / no)
    AnyClaim,
    /// Is a claim on it check-worthy? (yes / no)
    CheckWorthy,
    /// The verdict of its claim; only for sentences the analyst put a claim on.
    Verdict,
}

impl Question {
    /// Every claim type of `tags`, then any claim, check-worthy, verdict.
    pub fn all(tags: &[String]) -> Vec<Self> {
        let mut questions: Vec<Self> = tags.iter().cloned().map(Self::Tag).collect();
        questions.extend([Self::AnyClaim, Self::CheckWorthy, Self::Verdict]);
        questions
    }

    pub fn label(&self) -> &str {
        match self {
            Self::Tag(tag) => tag,
            Self::AnyClaim => "any claim",
            Self::CheckWorthy => "check-worthy",
            Self::Verdict => "verdict",
        }
    }

    /// An analyst's answer for a sentence they coded: 1 yes, 0 no; for the verdict, its place
    /// in [`Verdict::ALL`], or `None` without a claim on the sentence.
    fn answer(&self, code: &SentenceCode) -> Option<u32> {
        match self {
            Self::Tag(tag) => Some(u32::from(code.tags.contains(tag))),
            Self::AnyClaim => Some(u32::from(code.claimed())),
            Self::CheckWorthy => Some(u32::from(code.check_worthy)),
            Self::Verdict => {
                let verdict = code.verdict?;
                Verdict::ALL.iter().position(|&v| v == verdict).and_then(|i| u32::try_from(i).ok())
            }
        }
    }

    /// Whether the spans of claims are compared for this question: not for the verdict.
    fn compares_spans(&self) -> bool {
        !matches!(self, Self::Verdict)
    }

    /// Whether `claim`'s span counts for this question.
    fn keeps(&self, claim: &Claim) -> bool {
        match self {
            Self::Tag(tag) => claim.tags.contains(tag),
            Self::AnyClaim => true,
            Self::CheckWorthy => claim.check_worthy,
            Self::Verdict => false,
        }
    }
}

/// Agreement on one question, over sentences.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    pub question: String,
    /// Sentences every analyst answered (of the articles all of them annotated; for the
    /// verdict, those every analyst put a claim on): the units of the kappas.
    pub units: usize,
    /// Of those, the sentences where every analyst gave the same answer.
    pub agreed: usize,
    /// For each analyst, in order: of `units`, the sentences they answered yes (for the
    /// verdict: gave a verdict other than undetermined).
    pub marked: Vec<usize>,
    /// Two analysts only.
    pub cohen_kappa: Option<f64>,
    /// Three analysts or more.
    pub fleiss_kappa: Option<f64>,
    /// Nominal, over every sentence at least two analysts answered.
    pub alpha: Option<f64>,
    pub alpha_units: usize,
}

/// How the spans of two analysts' claims match, for one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpanAgreement {
    pub question: String,
    /// Claims of each analyst on the articles both annotated.
    pub first: usize,
    pub second: usize,
    /// Claims matched one to one: the very same span; the same span or overlapping by half.
    pub exact: usize,
    pub overlap: usize,
    /// 2·matched / (first + second); `None` when neither has a claim.
    pub exact_f1: Option<f64>,
    pub overlap_f1: Option<f64>,
}

/// Span agreement between two analysts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    pub first: String,
    pub second: String,
    /// Articles both annotated.
    pub articles: usize,
    pub spans: Vec<SpanAgreement>,
}

/// Every figure, for `analysts` over some articles.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    pub analysts: Vec<String>,
    /// Articles looked at.
    pub articles: usize,
    /// For each analyst, the articles they annotated.
    pub annotated: Vec<usize>,
    /// Articles every analyst annotated, and their sentences.
    pub shared: usize,
    pub sentences: usize,
    pub questions: Vec<Figures>,
    pub pairs: Vec<Pair>,
}

/// An article and each analyst's placed claims on it (`None`: not annotated by them).
pub type Coded<'a> = (&'a Article, Vec<Option<Vec<Claim>>>);

/// The figures for `coders` over `articles`; `tags` are the claim types in the order to show
/// them (types found in the stores but not in `tags` follow, sorted).
pub fn report(articles: &[&Article], coders: &[Coder], tags: &[String]) -> Report {
    let coded: Vec<Coded> =
        articles.iter().map(|&article| (article, coders.iter().map(|c| c.claims_on(article)).collect())).collect();
    let names: Vec<String> = coders.iter().map(|c| c.name.clone()).collect();
    report_on(names, &coded, tags)
}

/// The figures for analysts `names` over articles already coded.
pub fn report_on(names: Vec<String>, coded: &[Coded], tags: &[String]) -> Report {
    let analysts = names.len();
    let sheets: Vec<Sheet> = coded
        .iter()
        .filter(|(_, claims)| claims.iter().flatten().count() > 0)
        .map(|(article, claims)| Sheet::new(article, claims))
        .collect();
    let questions = Question::all(&all_tags(tags, coded));
    let shared: Vec<&Sheet> = sheets.iter().filter(|s| s.codes.iter().all(Option::is_some)).collect();
    Report {
        articles: coded.len(),
        annotated: (0..analysts).map(|a| coded.iter().filter(|(_, c)| c[a].is_some()).count()).collect(),
        shared: shared.len(),
        sentences: shared.iter().map(|s| s.sentences.len()).sum(),
        questions: questions.iter().map(|q| figures(q, &sheets, analysts)).collect(),
        pairs: pairs(&names, coded, &questions),
        analysts: names,
    }
}

/// `tags`, then the tags of any claim that are not among them, sorted.
fn all_tags(tags: &[String], coded: &[Coded]) -> Vec<String> {
    let mut extra: Vec<String> = coded
        .iter()
        .flat_map(|(_, claims)| claims.iter().flatten().flatten())
        .flat_map(|c| c.tags.iter())
        .filter(|t| !tags.contains(t))
        .cloned()
        .collect();
    extra.sort();
    extra.dedup();
    tags.iter().cloned().chain(extra).collect()
}

/// One article's sentences and what each analyst said about each (`None`: not annotated).
struct Sheet<'a> {
    sentences: &'a [Span],
    codes: Vec<Option<Vec<SentenceCode>>>,
}

impl<'a> Sheet<'a> {
    fn new(article: &'a Article, claims: &[Option<Vec<Claim>>]) -> Self {
        let sentences = article.sentences();
        Self { sentences, codes: claims.iter().map(|c| c.as_deref().map(|c| sentence_codes(sentences, c))).collect() }
    }
}

fn figures(question: &Question, sheets: &[Sheet], analysts: usize) -> Figures {
    let mut full: Vec<Vec<u32>> = Vec::new();
    let mut pairable: Vec<Vec<u32>> = Vec::new();
    for sheet in sheets {
        for sentence in 0..sheet.sentences.len() {
            let answers: Vec<Option<u32>> =
                sheet.codes.iter().map(|codes| question.answer(&codes.as_ref()?[sentence])).collect();
            let given: Vec<u32> = answers.iter().flatten().copied().collect();
            if given.len() == analysts {
                full.push(given.clone());
            }
            if given.len() >= 2 {
                pairable.push(given);
            }
        }
    }
    let pairs: Vec<(u32, u32)> = full.iter().filter_map(|u| Some((*u.first()?, *u.get(1)?))).collect();
    Figures {
        question: question.label().to_owned(),
        units: full.len(),
        agreed: full.iter().filter(|u| u.iter().all(|v| *v == u[0])).count(),
        marked: (0..analysts).map(|a| full.iter().filter(|u| u[a] != 0).count()).collect(),
        cohen_kappa: if analysts == 2 { cohen_kappa(&pairs) } else { None },
        fleiss_kappa: if analysts >= 3 { fleiss_kappa(&category_counts(&full)) } else { None },
        alpha: krippendorff_alpha(&pairable),
        alpha_units: pairable.len(),
    }
}

/// Span agreement for every pair of analysts, in order.
fn pairs(names: &[String], coded: &[Coded], questions: &[Question]) -> Vec<Pair> {
    let mut pairs = Vec::new();
    for first in 0..names.len() {
        for second in first + 1..names.len() {
            let both: Vec<(&Vec<Claim>, &Vec<Claim>)> =
                coded.iter().filter_map(|(_, c)| Some((c[first].as_ref()?, c[second].as_ref()?))).collect();
            let spans = questions.iter().filter_map(|q| span_agreement(q, &both)).collect();
            pairs.push(Pair {
                first: names[first].clone(),
                second: names[second].clone(),
                articles: both.len(),
                spans,
            });
        }
    }
    pairs
}

fn span_agreement(question: &Question, both: &[(&Vec<Claim>, &Vec<Claim>)]) -> Option<SpanAgreement> {
    if !question.compares_spans() {
        return None;
    }
    let spans =
        |claims: &[Claim]| -> Vec<Span> { claims.iter().filter(|c| question.keeps(c)).map(Claim::span).collect() };
    let (mut first, mut second, mut exact, mut overlap) = (0, 0, 0, 0);
    for (a, b) in both {
        let (a, b) = (spans(a), spans(b));
        first += a.len();
        second += b.len();
        exact += matched(&a, &b, Rule::Exact);
        overlap += matched(&a, &b, Rule::Overlap);
    }
    let f1 = |matched: usize| {
        (first + second > 0).then(|| 2.0 * super::kappa::real(matched) / super::kappa::real(first + second))
    };
    Some(SpanAgreement {
        question: question.label().to_owned(),
        first,
        second,
        exact,
        overlap,
        exact_f1: f1(exact),
        overlap_f1: f1(overlap),
    })
}

/// A figure for people: two decimals, or `n/a` when it is undefined.
pub fn shown(figure: Option<f64>) -> String {
    figure.map_or_else(|| "n/a".to_owned(), |value| format!("{value:.2}"))
}
