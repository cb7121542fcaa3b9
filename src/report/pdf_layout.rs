//! The printed report's plan: every page as marks (text, rules, bands, pictures) at their places,
//! all pages decided before any is drawn, so the footer can count them. Measures; draws nothing.

use unicode_segmentation::UnicodeSegmentation;

use super::pdf_content::{Figure, Letterhead, Printed};
use super::pdf_font::Fonts;
use crate::i18n::pdf::Pdf;
use crate::i18n::{Lang, number};

/// Points in a millimetre.
const MM: f32 = 72.0 / 25.4;
const A4_SHORT: f32 = 210.0 * MM;
const A4_LONG: f32 = 297.0 * MM;
/// The left and right margins.
pub(super) const SIDE: f32 = 20.0 * MM;
/// Where the content starts.
const TOP: f32 = 18.0 * MM;
/// How far from the bottom edge the content ends; the footer is drawn below that.
const BOTTOM: f32 = 22.0 * MM;
/// Space between blocks.
pub(super) const GAP: f32 = 14.0;

/// The colours of the printed report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ink {
    Black,
    /// Labels and the footer.
    Grey,
    /// Thin rules.
    Rule,
    /// A table's header band.
    Band,
    /// Every other body row.
    Zebra,
    /// A headline figure's box.
    Box,
}

/// Which picture an image mark draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Picture {
    Logo,
    /// The chart at this index of `Printed::pictures`.
    Chart(usize),
}

/// One thing drawn on a page, in points from the top left corner.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Mark {
    /// One line of text; `y` is its baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        ink: Ink,
        text: String,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        ink: Ink,
    },
    /// A filled rectangle, with a frame of an ink and width if given.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        ink: Ink,
        frame: Option<(Ink, f32)>,
    },
    Image {
        which: Picture,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
}

/// A page: its size in points and what is drawn on it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Page {
    pub width: f32,
    pub height: f32,
    pub marks: Vec<Mark>,
}

impl Page {
    fn new(landscape: bool) -> Page {
        let (width, height) = if landscape {
            (A4_LONG, A4_SHORT)
        } else {
            (A4_SHORT, A4_LONG)
        };
        Page {
            width,
            height,
            marks: Vec::new(),
        }
    }

    pub(super) fn landscape(&self) -> bool {
        self.width > self.height
    }
}

/// The width between the margins of a page of this orientation.
pub(super) fn text_width(landscape: bool) -> f32 {
    Page::new(landscape).width - 2.0 * SIDE
}

/// The height from the top of the content to its bottom on a page of this orientation.
pub(super) fn text_height(landscape: bool) -> f32 {
    Page::new(landscape).height - TOP - BOTTOM
}

/// The pixel sizes of the pictures the report holds.
pub(super) struct Sizes {
    pub logo: Option<(u32, u32)>,
    pub pictures: Vec<(u32, u32)>,
}

/// Every page of the report `p`, footers included.
pub(super) fn plan(p: &Printed, fonts: &Fonts, sizes: &Sizes) -> Vec<Page> {
    let mut f = Flow {
        fonts,
        done: Vec::new(),
        page: Page::new(false),
        y: TOP,
    };
    f.letterhead(&p.letterhead, sizes.logo);
    f.heading(&p.title, &p.about);
    f.figures(p.lang, &p.figures);
    for (title, table) in &p.tables {
        f.table(p.lang, title, table);
    }
    for (i, size) in sizes.pictures.iter().enumerate() {
        f.picture(i, *size);
    }
    let mut pages = f.done;
    if !f.page.marks.is_empty() || pages.is_empty() {
        pages.push(f.page);
    }
    footers(&mut pages, p, fonts);
    pages
}

/// The height of a line of text of `size`.
pub(super) fn lh(size: f32) -> f32 {
    size * 1.3
}

/// The baseline of a line of `size` whose line box (of height `lh(size)`) starts at `top`.
pub(super) fn baseline(top: f32, size: f32) -> f32 {
    top + size * 1.02
}

/// Lays out the report page by page: the current page, the pages done, where the next block goes.
pub(super) struct Flow<'a> {
    pub(super) fonts: &'a Fonts,
    done: Vec<Page>,
    pub(super) page: Page,
    /// Where the next block starts on the current page.
    pub(super) y: f32,
}

impl Flow<'_> {
    pub(super) fn left(&self) -> f32 {
        SIDE
    }

    pub(super) fn width(&self) -> f32 {
        self.page.width - 2.0 * SIDE
    }

    pub(super) fn bottom(&self) -> f32 {
        self.page.height - BOTTOM
    }

    pub(super) fn new_page(&mut self, landscape: bool) {
        let old = std::mem::replace(&mut self.page, Page::new(landscape));
        self.done.push(old);
        self.y = TOP;
    }

    /// Makes sure `h` points fit below the cursor on a page of this orientation: a new page
    /// unless the current one has both. An empty page only changes orientation.
    pub(super) fn room(&mut self, h: f32, landscape: bool) {
        if self.page.marks.is_empty() {
            if self.page.landscape() != landscape {
                self.page = Page::new(landscape);
            }
            self.y = TOP;
        } else if self.page.landscape() != landscape || self.y + h > self.bottom() {
            self.new_page(landscape);
        }
    }

    pub(super) fn mark(&mut self, mark: Mark) {
        self.page.marks.push(mark);
    }

    pub(super) fn text(&mut self, x: f32, top: f32, size: f32, bold: bool, ink: Ink, text: &str) {
        if text.is_empty() {
            return;
        }
        self.mark(Mark::Text {
            x,
            y: baseline(top, size),
            size,
            bold,
            ink,
            text: text.to_string(),
        });
    }

    pub(super) fn rule(&mut self, y: f32, x1: f32, x2: f32, width: f32, ink: Ink) {
        self.mark(Mark::Line {
            x1,
            y1: y,
            x2,
            y2: y,
            width,
            ink,
        });
    }

    /// The kop surat: the logo at the left, the name bold and centred with the address below,
    /// then a double rule across the page.
    fn letterhead(&mut self, head: &Letterhead, logo: Option<(u32, u32)>) {
        let logo = logo.filter(|(w, h)| *w > 0 && *h > 0).map(|(pw, ph)| {
            let (mut w, mut h) = (20.0 * MM * pw as f32 / ph as f32, 20.0 * MM);
            let widest = 40.0 * MM;
            if w > widest {
                h *= widest / w;
                w = widest;
            }
            (w, h)
        });
        if head.name.is_empty() && head.address.is_empty() && logo.is_none() {
            return;
        }
        let (left, width) = (self.left(), self.width());
        // The text is centred on the page, clear of the logo on both sides.
        let clear = logo.map_or(0.0, |(w, _)| w + 4.0 * MM);
        let room = width - 2.0 * clear;
        let (name_size, name) = fit(self.fonts, &head.name, true, 14.0, 9.0, room);
        let (address_size, address) = fit(self.fonts, &head.address, false, 9.5, 6.5, room);
        let mut block = name.len() as f32 * lh(name_size);
        if !address.is_empty() {
            block += 3.0 + address.len() as f32 * lh(address_size);
        }
        let (logo_h, top) = (logo.map_or(0.0, |(_, h)| h), self.y);
        let height = block.max(logo_h);
        if let Some((w, h)) = logo {
            self.mark(Mark::Image {
                which: Picture::Logo,
                x: left,
                y: top + (height - h) / 2.0,
                w,
                h,
            });
        }
        let centre = left + width / 2.0;
        let mut y = top + (height - block) / 2.0;
        for line in &name {
            let w = self.fonts.width(line, true, name_size);
            self.text(centre - w / 2.0, y, name_size, true, Ink::Black, line);
            y += lh(name_size);
        }
        y += 3.0;
        for line in &address {
            let w = self.fonts.width(line, false, address_size);
            self.text(centre - w / 2.0, y, address_size, false, Ink::Black, line);
            y += lh(address_size);
        }
        let rule = top + height + 6.0;
        self.rule(rule, left, left + width, 2.2, Ink::Black);
        self.rule(rule + 3.4, left, left + width, 0.7, Ink::Black);
        self.y = rule + 3.4 + GAP + 4.0;
    }

    /// The title, bold and centred, and the lines saying what the report counts.
    fn heading(&mut self, title: &str, about: &[(String, String)]) {
        let (left, width) = (self.left(), self.width());
        let size = 13.5;
        for line in wrap(self.fonts, title, true, size, width) {
            let w = self.fonts.width(&line, true, size);
            let top = self.y;
            self.text(left + (width - w) / 2.0, top, size, true, Ink::Black, &line);
            self.y += lh(size);
        }
        self.y += 6.0;
        let size = 9.0;
        let label = about
            .iter()
            .map(|(l, _)| self.fonts.width(l, false, size))
            .fold(0.0, f32::max);
        let value_x = left + (label + 10.0).min(width / 3.0);
        for (l, v) in about {
            let labels = wrap(self.fonts, l, false, size, value_x - left - 6.0);
            let values = wrap(self.fonts, v, false, size, left + width - value_x);
            let top = self.y;
            for (i, line) in labels.iter().enumerate() {
                let y = top + i as f32 * lh(size);
                self.text(left, y, size, false, Ink::Grey, line);
            }
            for (i, line) in values.iter().enumerate() {
                let y = top + i as f32 * lh(size);
                self.text(value_x, y, size, false, Ink::Black, line);
            }
            self.y += labels.len().max(values.len()) as f32 * lh(size);
        }
        self.y += GAP;
    }

    /// The headline figures as a grid of boxes: the value large, its label small below it.
    fn figures(&mut self, lang: Lang, figures: &[Figure]) {
        if figures.is_empty() {
            return;
        }
        let (left, width, gap) = (self.left(), self.width(), 8.0);
        let fitting = ((width + gap) / (100.0 + gap)).floor().max(1.0) as usize;
        let cols = figures.len().min(4).min(fitting);
        let box_w = (width - gap * (cols - 1) as f32) / cols as f32;
        let inner = box_w - 10.0;
        let labels: Vec<(f32, Vec<String>)> = figures
            .iter()
            .map(|f| {
                fit(
                    self.fonts,
                    std::slice::from_ref(&f.label),
                    false,
                    8.0,
                    6.0,
                    inner,
                )
            })
            .collect();
        let label_lines = labels.iter().map(|(_, l)| l.len()).max().unwrap_or(1);
        let value_size = figures
            .iter()
            .map(|f| fit_one(self.fonts, &number(lang, f.value), true, 17.0, 6.0, inner))
            .fold(17.0, f32::min);
        let box_h = 7.0 + lh(value_size) + 1.0 + label_lines as f32 * lh(8.0) + 6.0;
        for (row, chunk) in figures.chunks(cols).enumerate() {
            self.room(box_h, false);
            let top = self.y;
            for (col, figure) in chunk.iter().enumerate() {
                let x = left + col as f32 * (box_w + gap);
                self.mark(Mark::Rect {
                    x,
                    y: top,
                    w: box_w,
                    h: box_h,
                    ink: Ink::Box,
                    frame: Some((Ink::Rule, 0.6)),
                });
                let value = number(lang, figure.value);
                let w = self.fonts.width(&value, true, value_size);
                let centre = x + box_w / 2.0;
                self.text(
                    centre - w / 2.0,
                    top + 7.0,
                    value_size,
                    true,
                    Ink::Black,
                    &value,
                );
                let (size, lines) = &labels[row * cols + col];
                let mut y = top + 7.0 + lh(value_size) + 1.0;
                for line in lines {
                    let w = self.fonts.width(line, false, *size);
                    self.text(centre - w / 2.0, y, *size, false, Ink::Grey, line);
                    y += lh(8.0);
                }
            }
            self.y = top + box_h + gap;
        }
        self.y += GAP - gap;
    }

    /// A chart, as wide as the text and whole on one page.
    fn picture(&mut self, index: usize, (pw, ph): (u32, u32)) {
        if pw == 0 || ph == 0 {
            return;
        }
        let page = Page::new(false);
        let (width, most) = (page.width - 2.0 * SIDE, page.height - BOTTOM - TOP);
        let (mut w, mut h) = (width, width * ph as f32 / pw as f32);
        if h > most {
            w *= most / h;
            h = most;
        }
        self.room(h, false);
        let (x, y) = (self.left() + (width - w) / 2.0, self.y);
        self.mark(Mark::Image {
            which: Picture::Chart(index),
            x,
            y,
            w,
            h,
        });
        self.y += h + GAP;
    }
}

/// Lines of `lines` (each may hold `\n`) at the largest size from `size` down to `least` at which
/// each fits `width`; at `least`, those still wider are wrapped.
fn fit(
    fonts: &Fonts,
    lines: &[String],
    bold: bool,
    size: f32,
    least: f32,
    width: f32,
) -> (f32, Vec<String>) {
    let lines: Vec<&str> = lines.iter().flat_map(|l| l.lines()).collect();
    let size = lines
        .iter()
        .map(|l| fit_one(fonts, l, bold, size, least, width))
        .fold(size, f32::min);
    let wrapped = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .flat_map(|l| wrap(fonts, l, bold, size, width))
        .collect();
    (size, wrapped)
}

/// The largest size from `size` down to `least`, by half points, at which `text` fits `width`.
pub(super) fn fit_one(
    fonts: &Fonts,
    text: &str,
    bold: bool,
    size: f32,
    least: f32,
    width: f32,
) -> f32 {
    let mut s = size;
    while s > least && fonts.width(text, bold, s) > width {
        s -= 0.5;
    }
    s.max(least)
}

/// `text` in lines no wider than `width`: broken between words, and a word wider than the line
/// between its characters. An empty text is one empty line.
pub(super) fn wrap(fonts: &Fonts, text: &str, bold: bool, size: f32, width: f32) -> Vec<String> {
    // A hair of room: a column made exactly as wide as its longest word must hold that word.
    let fits = |s: &str| fonts.width(s, bold, size) <= width + 0.01;
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let joined = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if fits(&joined) {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if fits(word) {
            line = word.to_string();
            continue;
        }
        for g in word.graphemes(true) {
            let longer = format!("{line}{g}");
            if !line.is_empty() && !fits(&longer) {
                lines.push(std::mem::replace(&mut line, g.to_string()));
            } else {
                line = longer;
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` cut with `…` to fit `width`.
pub(super) fn shorten(fonts: &Fonts, text: &str, bold: bool, size: f32, width: f32) -> String {
    if fonts.width(text, bold, size) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for g in text.graphemes(true) {
        let longer = format!("{out}{g}");
        if fonts.width(&format!("{longer}…"), bold, size) > width {
            break;
        }
        out = longer;
    }
    format!("{}…", out.trim_end())
}

/// Every page's footer: a thin rule, where the report came from and when it was made at the left,
/// `Halaman 2 dari 5` at the right.
fn footers(pages: &mut [Page], p: &Printed, fonts: &Fonts) {
    let when = p.made.format(&Pdf::TimeFormat.text(p.lang)).to_string();
    let made = Pdf::Made { when: &when }.text(p.lang);
    let source = p.source.trim();
    let count = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        let size = 7.5;
        let right_text = Pdf::PageOf {
            page: i + 1,
            pages: count,
        }
        .text(p.lang);
        let (left, right) = (SIDE, page.width - SIDE);
        let rule = page.height - BOTTOM + 6.0 * MM;
        let top = rule + 3.0;
        let right_w = fonts.width(&right_text, false, size);
        let room = right - left - right_w - 12.0;
        // A source too long for the line is cut short; the time made always shows.
        let whole = if source.is_empty() {
            made.clone()
        } else {
            format!("{source} · {made}")
        };
        let left_size = fit_one(fonts, &whole, false, size, 6.0, room);
        let shown = if source.is_empty() || fonts.width(&whole, false, left_size) <= room {
            whole
        } else {
            let tail = format!(" · {made}");
            let rest = room - fonts.width(&tail, false, left_size);
            format!("{}{tail}", shorten(fonts, source, false, left_size, rest))
        };
        page.marks.push(Mark::Line {
            x1: left,
            y1: rule,
            x2: right,
            y2: rule,
            width: 0.5,
            ink: Ink::Rule,
        });
        for (x, s, text) in [
            (left, left_size, shown),
            (right - right_w, size, right_text),
        ] {
            page.marks.push(Mark::Text {
                x,
                y: baseline(top, s),
                size: s,
                bold: false,
                ink: Ink::Grey,
                text,
            });
        }
    }
}
