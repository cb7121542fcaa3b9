//! The geometry of the screen, shared by the app (how many rows a page has) and the drawing:
//! the smallest usable size and where the parts go. No state.

use ratatui::layout::Rect;

/// The smallest size pantau is designed for.
pub const MIN_WIDTH: u16 = 80;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 24;

/// Rows above the body (title bar, tab bar) and below it (footer).
const HEADER: u16 = 2;
const FOOTER: u16 = 1;
/// The preview of the selected case under the case list, and the view editor's place.
pub const PREVIEW: u16 = 3;

/// Whether the terminal is below the smallest usable size.
pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// The parts of the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Areas {
    pub title: Rect,
    pub tabs: Rect,
    pub body: Rect,
    pub footer: Rect,
}

/// Splits the screen into its parts.
pub fn areas(area: Rect) -> Areas {
    let row = |y: u16, h: u16| Rect {
        x: area.x,
        y: area.y + y,
        width: area.width,
        height: h,
    };
    let body_h = area.height.saturating_sub(HEADER + FOOTER);
    Areas {
        title: row(0, 1),
        tabs: row(1, 1),
        body: row(HEADER, body_h),
        footer: row(area.height.saturating_sub(FOOTER), FOOTER),
    }
}

/// The bottom rows of the body where the view editor opens (over the preview or the panels).
pub fn editor_area(body: Rect) -> Rect {
    let h = PREVIEW.min(body.height);
    Rect {
        y: body.y + body.height - h,
        height: h,
        ..body
    }
}

/// How many cases the list shows at this terminal size.
pub fn case_rows(width: u16, height: u16) -> usize {
    let _ = width;
    // Body minus the column heading and the preview.
    usize::from(height.saturating_sub(HEADER + FOOTER + 1 + PREVIEW)).max(1)
}

/// How many rows the stage table or a scrolling text (detail, help) shows at this size.
pub fn text_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(HEADER + FOOTER + 1)).max(1)
}
