//! CSV export: one row per claim, quoted as RFC 4180 says, so notes with commas, quotes and
//! line breaks survive a spreadsheet; every cell through the CSV policy ([`cell`]), so no
//! formula runs and no control character is written. Written a row at a time.

use super::Gathered;
use super::model::{Export, Place};
use crate::text::inert::csv::cell;

/// The columns, in order.
pub const COLUMNS: [&str; 14] = [
    "article_id",
    "file",
    "title",
    "claim_id",
    "quote",
    "tags",
    "check_worthy",
    "verdict",
    "note",
    "start",
    "end",
    "created",
    "modified",
    "author",
];

/// Writes the CSV for `export` to `out`: a header row, then a row per claim. `start` and `end`
/// are code-point offsets into the article's text, empty for an orphan.
pub fn csv(export: &Export, out: &mut Gathered<'_>) -> Result<(), ::csv::Error> {
    let mut writer = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(out);
    writer.write_record(COLUMNS)?;
    for article in &export.articles {
        // The same on every row of the article: made once.
        let (id, file, title) = (cell(&article.id), cell(&article.file), cell(&article.title));
        for claim in &article.claims {
            let c = &claim.claim;
            let tags = c.tags.join(";");
            let offset = |of: fn(Place) -> usize| claim.place.map(|p| of(p).to_string());
            let (start, end) = (offset(|p| p.start), offset(|p| p.end));
            let row = [
                id.as_ref(),
                file.as_ref(),
                title.as_ref(),
                &cell(&c.id),
                &cell(&c.anchor.quote),
                &cell(&tags),
                &cell(if c.check_worthy { "true" } else { "false" }),
                &cell(c.verdict.name()),
                &cell(&c.note),
                &cell(start.as_deref().unwrap_or("")),
                &cell(end.as_deref().unwrap_or("")),
                &cell(&c.created),
                &cell(&c.modified),
                &cell(&c.author),
            ];
            writer.write_record(row)?;
        }
    }
    writer.flush()?;
    Ok(())
}
