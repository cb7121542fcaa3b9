//! A table of the printed report set on its pages: the font size and orientation at which its
//! columns fit, numbers right-aligned, the header repeated on every page it runs onto, the total
//! row bold under a rule. Plans marks; draws nothing.

use super::Table;
use super::pdf_font::Fonts;
use super::pdf_layout::{Flow, GAP, Ink, Mark, lh, shorten, text_height, text_width, wrap};
use crate::i18n::pdf::Pdf;
use crate::i18n::{Lang, number};

/// The font sizes tried, largest first, on a portrait page and then on a landscape one.
const SIZES: [f32; 6] = [9.0, 8.5, 8.0, 7.5, 7.0, 6.5];
/// A cell's horizontal padding, both sides together, in ems.
const PAD: f32 = 0.9;
/// A cell's vertical padding, above and below each, in ems.
const VPAD: f32 = 0.3;
/// A line of a cell, in ems.
const LINE: f32 = 1.25;
/// The widest share of the page one text column takes before its cells wrap.
const TEXT_SHARE: f32 = 0.4;
/// How wide a number column grows, in ems, when the page has room to spare.
const NUMBER_EMS: f32 = 6.5;
/// The size of a table's title.
const TITLE: f32 = 11.0;

/// A table's cells as printed: numbers as the language writes them, every row as wide as the
/// widest.
struct Cells {
    cols: usize,
    text_cols: usize,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    total: Option<Vec<String>>,
}

impl Cells {
    fn of(lang: Lang, table: &Table) -> Cells {
        let cols = table
            .rows
            .iter()
            .map(Vec::len)
            .chain([table.header.len(), table.total.len()])
            .max()
            .unwrap_or(0);
        let text_cols = table.text_cols.min(cols);
        let shown = |row: &[String]| -> Vec<String> {
            (0..cols)
                .map(|i| {
                    let cell = row.get(i).map_or("", String::as_str);
                    match cell.trim().parse::<i64>() {
                        Ok(n) if i >= text_cols => number(lang, n),
                        _ => cell.to_string(),
                    }
                })
                .collect()
        };
        Cells {
            cols,
            text_cols,
            header: (0..cols)
                .map(|i| table.header.get(i).cloned().unwrap_or_default())
                .collect(),
            rows: table.rows.iter().map(|r| shown(r)).collect(),
            total: (!table.total.is_empty()).then(|| shown(&table.total)),
        }
    }

    fn number(&self, col: usize) -> bool {
        col >= self.text_cols
    }
}

/// What each column needs at size 1: its widest body cell, the longest word among them, its
/// header whole and the header's longest word.
struct Needs {
    body: Vec<f32>,
    body_word: Vec<f32>,
    head: Vec<f32>,
    head_word: Vec<f32>,
}

impl Needs {
    fn of(fonts: &Fonts, c: &Cells) -> Needs {
        let word = |s: &str, bold: bool| {
            s.split_whitespace()
                .map(|w| fonts.width(w, bold, 1.0))
                .fold(0.0, f32::max)
        };
        let mut n = Needs {
            body: vec![0.0; c.cols],
            body_word: vec![0.0; c.cols],
            head: c.header.iter().map(|h| fonts.width(h, true, 1.0)).collect(),
            head_word: c.header.iter().map(|h| word(h, true)).collect(),
        };
        let rows = c.rows.iter().map(|r| (r, false));
        for (row, bold) in rows.chain(c.total.iter().map(|t| (t, true))) {
            for (i, cell) in row.iter().enumerate() {
                let whole = fonts.width(cell, bold, 1.0);
                n.body[i] = n.body[i].max(whole);
                let least = if c.number(i) { whole } else { word(cell, bold) };
                n.body_word[i] = n.body_word[i].max(least);
            }
        }
        n
    }
}

/// How a table is set: its font size, the page's orientation, each column's width in points.
struct Set {
    size: f32,
    landscape: bool,
    widths: Vec<f32>,
}

impl Set {
    /// The largest size, on a portrait page if one is wide enough, at which the columns fit;
    /// else a landscape page with the font as small as the columns need.
    fn of(fonts: &Fonts, c: &Cells) -> Set {
        let needs = Needs::of(fonts, c);
        for landscape in [false, true] {
            let room = text_width(landscape);
            for size in SIZES {
                if let Some(widths) = fit(&needs, c, size, room) {
                    return Set::grown(c, size, landscape, widths, room);
                }
            }
        }
        let room = text_width(true);
        let units: Vec<f32> = (0..c.cols)
            .map(|i| needs.body_word[i].max(needs.head_word[i]) + PAD)
            .collect();
        let size = (room / units.iter().sum::<f32>()).min(SIZES[SIZES.len() - 1]);
        let widths = units.iter().map(|u| u * size).collect();
        Set::grown(c, size, true, widths, room)
    }

    /// The widths given the room left over: number columns up to `NUMBER_EMS`, the rest to
    /// the text columns (or to all when there are none).
    fn grown(c: &Cells, size: f32, landscape: bool, mut widths: Vec<f32>, room: f32) -> Set {
        let extra = room - widths.iter().sum::<f32>();
        if extra > 0.0 {
            let target = NUMBER_EMS * size;
            let want: f32 = (c.text_cols..c.cols)
                .map(|i| (target - widths[i]).max(0.0))
                .sum();
            let give = extra.min(want);
            if want > 0.0 {
                for w in &mut widths[c.text_cols..] {
                    *w += (target - *w).max(0.0) * give / want;
                }
            }
            let rest = extra - give;
            let takers = if c.text_cols > 0 { c.text_cols } else { c.cols };
            for w in &mut widths[..takers] {
                *w += rest / takers as f32;
            }
        }
        Set {
            size,
            landscape,
            widths,
        }
    }
}

/// Column widths at `size` that fit `room`: text columns wrap beyond their share of the page;
/// headers are whole, or else wrap between words. `None` when even that is too wide.
fn fit(needs: &Needs, c: &Cells, size: f32, room: f32) -> Option<Vec<f32>> {
    let share = TEXT_SHARE * room / size - PAD;
    for heads in [&needs.head, &needs.head_word] {
        let widths: Vec<f32> = (0..c.cols)
            .map(|i| {
                let body = if c.number(i) {
                    needs.body[i]
                } else {
                    needs.body[i].min(share.max(needs.body_word[i]))
                };
                (body.max(heads[i]) + PAD) * size
            })
            .collect();
        if widths.iter().sum::<f32>() <= room {
            return Some(widths);
        }
    }
    None
}

/// A row's cells as lines.
type Lines = Vec<Vec<String>>;

/// Which row of a table.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Row {
    /// Bold, wrapped in every column, set on the row's bottom.
    Head,
    Body,
    /// Bold.
    Total,
}

impl Row {
    fn bold(self) -> bool {
        self != Row::Body
    }
}

impl Flow<'_> {
    /// `table` under `title`, continued on as many pages as it needs.
    pub(super) fn table(&mut self, lang: Lang, title: &str, table: &Table) {
        let c = Cells::of(lang, table);
        if c.cols == 0 {
            return;
        }
        let set = Set::of(self.fonts, &c);
        let line = LINE * set.size;
        let height = |row: &Lines| {
            row.iter().map(Vec::len).max().unwrap_or(1) as f32 * line + 2.0 * VPAD * set.size
        };
        let page = text_width(set.landscape);
        let titles = [
            wrap(self.fonts, title, true, TITLE, page),
            wrap(
                self.fonts,
                &format!("{title} {}", Pdf::Continued.text(lang)),
                true,
                TITLE,
                page,
            ),
        ];
        let title_h = titles.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh(TITLE) + 4.0;
        let header = self.cells(&c.header, Row::Head, &set, &c, usize::MAX);
        let header_h = height(&header);
        // A row taller than a page is cut, its last line ending in `…`.
        let most = ((text_height(set.landscape) - title_h - header_h - 2.0 * VPAD * set.size)
            / line)
            .floor()
            .max(1.0) as usize;
        let rows: Vec<Lines> = c
            .rows
            .iter()
            .map(|r| self.cells(r, Row::Body, &set, &c, most))
            .collect();
        let total = c
            .total
            .as_ref()
            .map(|t| self.cells(t, Row::Total, &set, &c, most));
        let first = rows.first().or(total.as_ref()).map_or(0.0, &height);
        self.room(title_h + header_h + first, set.landscape);
        self.table_top(&titles[0], &header, header_h, &set, &c);
        for (k, row) in rows.iter().enumerate() {
            let h = height(row);
            if self.y + h > self.bottom() {
                self.new_page(set.landscape);
                self.table_top(&titles[1], &header, header_h, &set, &c);
            }
            if k % 2 == 1 {
                self.band(h, &set, Ink::Zebra);
            }
            self.row(row, Row::Body, h, &set, &c);
        }
        let (left, right) = (self.left(), self.left() + set.widths.iter().sum::<f32>());
        if let Some(total) = &total {
            let h = height(total);
            if self.y + h > self.bottom() {
                self.new_page(set.landscape);
                self.table_top(&titles[1], &header, header_h, &set, &c);
            }
            let y = self.y;
            self.rule(y, left, right, 0.8, Ink::Black);
            self.row(total, Row::Total, h, &set, &c);
        }
        let y = self.y;
        self.rule(y, left, right, 0.8, Ink::Black);
        self.y += GAP + 4.0;
    }

    /// The cells of a row as lines: text wrapped to its column (numbers are never wrapped), at
    /// most `most` lines each.
    fn cells(&self, row: &[String], kind: Row, set: &Set, c: &Cells, most: usize) -> Lines {
        let bold = kind.bold();
        row.iter()
            .enumerate()
            .map(|(i, cell)| {
                let room = set.widths[i] - PAD * set.size;
                let mut lines = if c.number(i) && kind != Row::Head {
                    vec![cell.clone()]
                } else {
                    wrap(self.fonts, cell, bold, set.size, room)
                };
                if lines.len() > most {
                    lines.truncate(most);
                    if let Some(last) = lines.last_mut() {
                        let cut = format!("{last}…");
                        *last = shorten(self.fonts, &cut, bold, set.size, room);
                    }
                }
                lines
            })
            .collect()
    }

    /// The table's title and its header row on a grey band.
    fn table_top(&mut self, title: &[String], header: &Lines, h: f32, set: &Set, c: &Cells) {
        for line in title {
            let (x, y) = (self.left(), self.y);
            self.text(x, y, TITLE, true, Ink::Black, line);
            self.y += lh(TITLE);
        }
        self.y += 4.0;
        self.band(h, set, Ink::Band);
        let (left, y) = (self.left(), self.y);
        let right = left + set.widths.iter().sum::<f32>();
        self.rule(y, left, right, 0.8, Ink::Black);
        self.row(header, Row::Head, h, set, c);
        let y = self.y;
        self.rule(y, left, right, 0.5, Ink::Rule);
    }

    /// A band of `ink` as wide as the table, `h` high, at the cursor.
    fn band(&mut self, h: f32, set: &Set, ink: Ink) {
        let (x, y) = (self.left(), self.y);
        self.mark(Mark::Rect {
            x,
            y,
            w: set.widths.iter().sum(),
            h,
            ink,
            frame: None,
        });
    }

    /// One row of `h` points at the cursor: text to the left, numbers to the right; the header's
    /// cells sit on the row's bottom.
    fn row(&mut self, row: &Lines, kind: Row, h: f32, set: &Set, c: &Cells) {
        let (size, line, bold) = (set.size, LINE * set.size, kind.bold());
        let head = kind == Row::Head;
        let lines = row.iter().map(Vec::len).max().unwrap_or(1);
        let mut x = self.left();
        for (i, cell) in row.iter().enumerate() {
            let w = set.widths[i];
            let offset = if head {
                (lines - cell.len()) as f32 * line
            } else {
                0.0
            };
            for (k, text) in cell.iter().enumerate() {
                let top = self.y + VPAD * size + offset + k as f32 * line;
                let tx = if c.number(i) {
                    x + w - PAD * size / 2.0 - self.fonts.width(text, bold, size)
                } else {
                    x + PAD * size / 2.0
                };
                if !text.is_empty() {
                    self.mark(Mark::Text {
                        x: tx,
                        y: top + 0.97 * size,
                        size,
                        bold,
                        ink: Ink::Black,
                        text: text.clone(),
                    });
                }
            }
            x += w;
        }
        self.y += h;
    }
}
