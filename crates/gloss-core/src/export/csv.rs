//! CSV export: one row per claim, quoted as RFC 4180 says, so notes with commas, quotes and
//! line breaks survive a spreadsheet; every cell through the CSV policy ([`cell`]), so no
//! formula runs and no control character is written. Written a row at a time.

use std::io;

use super::model::Export;
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
pub fn csv(export: &Export, out: &mut dyn io::Write) -> Result<(), ::csv::Error> {
    let mut writer = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(out);
    writer.write_record(COLUMNS)?;
    for (article, claim) in export.claims() {
        let c = &claim.claim;
        let row = [
            article.id.clone(),
            article.file.clone(),
            article.title.clone(),
            c.id.clone(),
            c.anchor.quote.clone(),
            c.tags.join(";"),
            c.check_worthy.to_string(),
            c.verdict.name().to_owned(),
            c.note.clone(),
            claim.place.map(|p| p.start.to_string()).unwrap_or_default(),
            claim.place.map(|p| p.end.to_string()).unwrap_or_default(),
            c.created.clone(),
            c.modified.clone(),
            c.author.clone(),
        ];
        writer.write_record(row.iter().map(|field| cell(field).into_owned()))?;
    }
    writer.flush()?;
    Ok(())
}
