//! Where each pane goes for a terminal size: shared by `update` (paging, wrapping) and `view`.

use ratatui::layout::Rect;

use super::app::Focus;

/// Smallest terminal gloss draws in; below it a note says so.
pub const MIN_WIDTH: u16 = 36;
pub const MIN_HEIGHT: u16 = 10;
/// Below this width only the focused pane is shown, full width.
const SIDE_BY_SIDE_WIDTH: u16 = 80;
/// Columns left of the text for claim marks.
pub const GUTTER: u16 = 2;
/// Lines of the reader's header: title and metadata.
const READER_HEADER: u16 = 2;
/// Lines per article in the list: title, then source, date and counts.
pub const LIST_ROW_HEIGHT: u16 = 2;

/// The panes of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    pub status: Rect,
}

/// The panes for a screen of `area`, or `None` when it is too small to draw in.
pub fn areas(area: Rect, focus: Focus) -> Option<Areas> {
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
    let list_width = (area.width * 3 / 10).clamp(28, 48);
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

pub fn reader_areas(reader: Rect) -> ReaderAreas {
    let inner = inner(reader);
    let header = Rect { height: READER_HEADER.min(inner.height), ..inner };
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

/// How many articles the list pane shows at once.
pub fn list_rows(list: Rect) -> usize {
    usize::from((inner(list).height / LIST_ROW_HEIGHT).max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_small_screens_draw_nothing() {
        assert_eq!(areas(Rect::new(0, 0, 30, 8), Focus::List), None);
        assert!(areas(Rect::new(0, 0, MIN_WIDTH, MIN_HEIGHT), Focus::List).is_some());
    }

    #[test]
    fn wide_screens_show_both_panes() {
        let a = areas(Rect::new(0, 0, 120, 40), Focus::List).unwrap();
        let (list, reader) = (a.list.unwrap(), a.reader.unwrap());
        assert_eq!(list.width + reader.width, 120);
        assert_eq!(a.status, Rect::new(0, 39, 120, 1));
    }

    #[test]
    fn narrow_screens_show_the_focused_pane() {
        let a = areas(Rect::new(0, 0, 60, 20), Focus::Reader).unwrap();
        assert_eq!(a.list, None);
        assert_eq!(a.reader, Some(Rect::new(0, 0, 60, 19)));
    }

    #[test]
    fn reader_text_leaves_room_for_gutter_and_scrollbar() {
        let r = reader_areas(Rect::new(0, 0, 50, 20));
        assert_eq!(r.text.x, 3);
        assert_eq!(r.text.width, 44);
        assert_eq!(r.scrollbar.x, 48);
        assert_eq!(r.text.y, 4);
    }
}
