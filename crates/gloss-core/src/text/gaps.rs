//! `**` in source text marks words the publisher removed: find those gaps so they are shown, not parsed.

use super::Span;

/// Where the source removed words: a run of two or more asterisks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub span: Span,
}

/// Every run of two or more `*` in `text`, in order.
pub fn gaps(text: &str) -> Vec<Gap> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'*') {
        let start = i + offset;
        let end = start + bytes[start..].iter().take_while(|&&b| b == b'*').count();
        if end - start >= 2 {
            found.push(Gap { span: start..end });
        }
        i = end;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_double_star_runs_only() {
        let text = "on February 4**, a *single* star, ** and ***";
        let spans: Vec<_> = gaps(text).into_iter().map(|g| &text[g.span]).collect();
        assert_eq!(spans, ["**", "**", "***"]);
    }
}
