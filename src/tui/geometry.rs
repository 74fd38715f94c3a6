//! Where each pane goes for a terminal size: shared by `update` (paging, wrapping) and `view`.

use ratatui::layout::Rect;

use super::app::Focus;

/// Smallest terminal gloss draws in; below it a note says so.
pub const MIN_WIDTH: u16 = 36;
pub const MIN_HEIGHT: u16 = 10;
/// Below this width only the focused pane is shown, full width.
const SIDE_BY_SIDE_WIDTH: u16 = 80;
/// Columns left of the text for claim marks: two claims' bars and a flag.
pub const GUTTER: u16 = 3;
/// Lines of the reader's header: title and metadata (the article's note comes under them).
const READER_HEADER: u16 = 2;
/// Lines of an article's title in the list, at most; then a line of date, source and counts.
pub const TITLE_LINES: usize = 2;
/// The narrowest list pane a key can make, and the narrowest reader it leaves.
pub const MIN_LIST_WIDTH: u16 = 20;
const MIN_READER_WIDTH: u16 = 40;
/// What a key changes the list's width by.
pub const LIST_WIDTH_STEP: u16 = 4;

/// The panes of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    pub status: Rect,
}

/// The list pane's width when the user has not chosen one: two fifths of the screen, so that
/// on a wide terminal (200 columns: 64) titles of about 120 characters show whole on their two
/// lines, and at 80 columns the date still fits.
pub fn default_list_width(screen: u16) -> u16 {
    (screen * 2 / 5).clamp(30, 64)
}

/// The list's width on a screen `screen` wide: the one chosen (`None`: the default), kept so
/// that the reader keeps room to read.
pub fn list_width(screen: u16, chosen: Option<u16>) -> u16 {
    let widest = screen.saturating_sub(MIN_READER_WIDTH).max(MIN_LIST_WIDTH);
    chosen.unwrap_or_else(|| default_list_width(screen)).clamp(MIN_LIST_WIDTH, widest)
}

/// The panes for a screen of `area` with the list `chosen` columns wide (`None`: the default),
/// or `None` when it is too small to draw in.
pub fn areas(area: Rect, focus: Focus, chosen: Option<u16>) -> Option<Areas> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let main = Rect { height: area.height - 1, ..area };
    let status = Rect { y: area.y + area.height - 1, height: 1, ..area };
    if area.width < SIDE_BY_SIDE_WIDTH {
        return Some(match focus {
            Focus::List => Areas { list: Some(main), reader: None, status },
            Focus::Reader => Areas { list: None, reader: Some(main), status },
        });
    }
    let list_width = list_width(area.width, chosen);
    let list = Rect { width: list_width, ..main };
    let reader = Rect { x: main.x + list_width, width: main.width - list_width, ..main };
    Some(Areas { list: Some(list), reader: Some(reader), status })
}

/// The parts of the reader pane inside its border.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReaderAreas {
    pub header: Rect,
    pub gutter: Rect,
    pub text: Rect,
    pub scrollbar: Rect,
}

/// The reader's parts, with `note_lines` lines for the article's note under the title.
pub fn reader_areas(reader: Rect, note_lines: u16) -> ReaderAreas {
    let inner = inner(reader);
    let header = Rect { height: (READER_HEADER + note_lines).min(inner.height), ..inner };
    let body_y = inner.y + header.height + 1;
    let body_height = (inner.y + inner.height).saturating_sub(body_y);
    let gutter = Rect { y: body_y, height: body_height, width: GUTTER.min(inner.width), ..inner };
    let text_width = inner.width.saturating_sub(GUTTER + 2);
    let text = Rect { x: inner.x + GUTTER, y: body_y, width: text_width, height: body_height };
    let scrollbar = Rect { x: inner.x + inner.width.saturating_sub(1), y: body_y, width: 1, height: body_height };
    ReaderAreas { header, gutter, text, scrollbar }
}

/// Inside a bordered pane.
pub fn inner(pane: Rect) -> Rect {
    Rect { x: pane.x + 1, y: pane.y + 1, width: pane.width.saturating_sub(2), height: pane.height.saturating_sub(2) }
}

/// About how many articles the list pane shows at once (rows take two or three lines), for
/// paging.
pub fn list_rows(list: Rect) -> usize {
    usize::from((inner(list).height / 2).max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_small_screens_draw_nothing() {
        assert_eq!(areas(Rect::new(0, 0, 30, 8), Focus::List, None), None);
        assert!(areas(Rect::new(0, 0, MIN_WIDTH, MIN_HEIGHT), Focus::List, None).is_some());
    }

    #[test]
    fn wide_screens_show_both_panes() {
        let a = areas(Rect::new(0, 0, 120, 40), Focus::List, None).unwrap();
        let (list, reader) = (a.list.unwrap(), a.reader.unwrap());
        assert_eq!(list.width + reader.width, 120);
        assert_eq!(list.width, 48);
        assert_eq!(a.status, Rect::new(0, 39, 120, 1));
    }

    #[test]
    fn narrow_screens_show_the_focused_pane() {
        let a = areas(Rect::new(0, 0, 60, 20), Focus::Reader, None).unwrap();
        assert_eq!(a.list, None);
        assert_eq!(a.reader, Some(Rect::new(0, 0, 60, 19)));
    }

    #[test]
    fn reader_text_leaves_room_for_gutter_and_scrollbar() {
        let r = reader_areas(Rect::new(0, 0, 50, 20), 0);
        assert_eq!(r.text.x, 4);
        assert_eq!(r.text.width, 43);
        assert_eq!(r.scrollbar.x, 48);
        assert_eq!(r.text.y, 4);
        assert_eq!(reader_areas(Rect::new(0, 0, 50, 20), 2).text.y, 6, "the note's lines come first");
    }

    #[test]
    fn the_list_is_as_wide_as_chosen_leaving_the_reader_room() {
        let widths: Vec<u16> = [80, 120, 200].iter().map(|&w| list_width(w, None)).collect();
        assert_eq!(widths, [32, 48, 64]);
        assert_eq!(list_width(120, Some(70)), 70);
        assert_eq!(list_width(100, Some(90)), 60, "the reader keeps 40 columns");
        assert_eq!(list_width(100, Some(3)), MIN_LIST_WIDTH);
    }
}
