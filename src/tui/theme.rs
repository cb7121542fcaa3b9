//! Styles with meanings (selected, overdue, changed, campaign…): the only file that names colours.
//! Each style has a colour for a dark and for a light background, in the 256-colour palette (chosen
//! for contrast on black or white whatever the terminal's own palette) and in the eight ANSI
//! colours (for a terminal that declares no more). Without colour (NO_COLOR, a vt100) every style
//! keeps its reverse video or bold, and meaning also has a text marker.

use std::borrow::Cow;

use ratatui::style::{Color, Modifier, Style};

pub use crate::config::ThemeName;
use crate::tui::terminal::{Depth, Glyphs};

/// The styles of the TUI, and the characters it draws with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    depth: Depth,
    /// The presenter's high-contrast variant: no grey, bold text, strong colours.
    contrast: bool,
    /// Colours chosen for a light background.
    light: bool,
    glyphs: Glyphs,
}

/// What a colour says; each theme gives it a colour for its background and depth.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// Titles and keys.
    Accent,
    /// Secondary text.
    Dim,
    /// Went up, the campaign, frozen.
    Warm,
    /// Went down.
    Down,
    /// Overdue, an error.
    Alarm,
    /// Live, a notice.
    Good,
    /// Bars and timeline bands.
    Bar,
}

impl Theme {
    /// A theme with colours (the 256-colour palette), or without; drawn with Unicode.
    pub fn new(colour: bool) -> Theme {
        Theme {
            depth: if colour {
                Depth::Palette256
            } else {
                Depth::NoColour
            },
            contrast: false,
            light: false,
            glyphs: Glyphs::Unicode,
        }
    }

    /// The theme of a name.
    pub fn named(name: ThemeName) -> Theme {
        match name {
            ThemeName::Dark => Theme::new(true),
            ThemeName::Light => Theme {
                light: true,
                ..Theme::new(true)
            },
            ThemeName::HighContrast => Theme::new(true).high_contrast(),
            ThemeName::Mono => Theme::new(false),
        }
    }

    /// The same theme for a terminal of `depth` (`Mono`: no colour at all).
    pub fn with_depth(self, depth: Depth) -> Theme {
        Theme { depth, ..self }
    }

    /// The same theme drawn with `glyphs`.
    pub fn with_glyphs(self, glyphs: Glyphs) -> Theme {
        Theme { glyphs, ..self }
    }

    /// The colours the terminal is sent.
    pub fn depth(&self) -> Depth {
        self.depth
    }

    /// The characters drawn with.
    pub fn glyphs(&self) -> Glyphs {
        self.glyphs
    }

    /// The name of this theme.
    pub fn name(&self) -> ThemeName {
        match (self.has_colour(), self.contrast, self.light) {
            (false, _, _) => ThemeName::Mono,
            (true, true, _) => ThemeName::HighContrast,
            (true, false, true) => ThemeName::Light,
            (true, false, false) => ThemeName::Dark,
        }
    }

    /// Whether the colours are for a light background.
    pub fn is_light(&self) -> bool {
        self.light
    }

    /// The same theme in high contrast, for a projector (presenter mode), on the same background.
    pub fn high_contrast(self) -> Theme {
        Theme {
            contrast: true,
            ..self
        }
    }

    /// Whether this is the high-contrast variant.
    pub fn is_high_contrast(&self) -> bool {
        self.contrast
    }

    /// Colours unless `NO_COLOR` is set to anything non-empty (https://no-color.org).
    pub fn from_env() -> Theme {
        Theme::new(!no_color())
    }

    /// Whether this theme uses colour.
    pub fn has_colour(&self) -> bool {
        self.depth != Depth::NoColour
    }

    /// Whether the 256-colour palette can be used (else only the eight ANSI colours).
    fn rich(&self) -> bool {
        self.depth >= Depth::Palette256
    }

    /// The style of a role: its colour for this background and depth.
    fn paint(&self, role: Role) -> Style {
        if !self.has_colour() {
            return Style::new();
        }
        let fg = |c: Color| Style::new().fg(c);
        let hc = self.contrast;
        match (self.rich(), self.light, role) {
            (_, _, Role::Dim) if hc => Style::new(),
            (true, false, Role::Accent) => fg(Color::Cyan),
            (true, false, Role::Dim) => fg(Color::Indexed(245)),
            (true, false, Role::Warm) => fg(Color::Yellow),
            (true, false, Role::Down) => fg(Color::Indexed(213)),
            (true, false, Role::Alarm) => fg(Color::Indexed(203)),
            (true, false, Role::Good) => fg(Color::Green),
            (true, false, Role::Bar) => fg(Color::Indexed(if hc { 87 } else { 75 })),
            (true, true, Role::Accent) => fg(Color::Blue),
            (true, true, Role::Dim) => fg(Color::Indexed(242)),
            (true, true, Role::Warm) => fg(Color::Indexed(130)),
            (true, true, Role::Down) => fg(Color::Indexed(127)),
            (true, true, Role::Alarm) => fg(Color::Indexed(160)),
            (true, true, Role::Good) => fg(Color::Indexed(28)),
            (true, true, Role::Bar) => fg(Color::Indexed(if hc { 18 } else { 25 })),
            // The eight ANSI colours: on black only green, yellow, cyan and grey read as text;
            // on white only red, blue and magenta. Secondary text stays plain.
            (false, _, Role::Dim) => Style::new(),
            (false, false, Role::Accent | Role::Bar) => fg(Color::Cyan),
            (false, false, Role::Warm) => fg(Color::Yellow),
            (false, false, Role::Down | Role::Good) => fg(Color::Green),
            (false, false, Role::Alarm) => Style::new().fg(Color::Gray).bg(Color::Red),
            (false, true, Role::Accent | Role::Bar | Role::Down | Role::Good) => fg(Color::Blue),
            (false, true, Role::Warm) => fg(Color::Magenta),
            (false, true, Role::Alarm) => fg(Color::Red),
        }
    }

    /// Ordinary text.
    pub fn normal(&self) -> Style {
        if self.contrast {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        }
    }

    /// Secondary text: headings of columns, dates, hints.
    pub fn dim(&self) -> Style {
        self.paint(Role::Dim)
    }

    /// The title bar.
    pub fn title(&self) -> Style {
        self.paint(Role::Accent).add_modifier(Modifier::BOLD)
    }

    /// Column headings.
    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The row under the cursor: reverse video, with or without colour.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The current tab.
    pub fn tab_active(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// Totals.
    pub fn total(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// A case past its deadline (also marked ⚠ in text).
    pub fn overdue(&self) -> Style {
        self.paint(Role::Alarm).add_modifier(Modifier::BOLD)
    }

    /// A count that went up lately (also marked ▲ in text).
    pub fn increased(&self) -> Style {
        self.paint(Role::Warm).add_modifier(Modifier::BOLD)
    }

    /// A count that went down lately (also marked ▼ in text).
    pub fn decreased(&self) -> Style {
        self.paint(Role::Down).add_modifier(Modifier::BOLD)
    }

    /// The campaign stage (also marked ◆ in text).
    pub fn campaign(&self) -> Style {
        self.paint(Role::Warm).add_modifier(Modifier::BOLD)
    }

    /// Bars of the tables and bands of the timeline.
    pub fn bar(&self) -> Style {
        self.paint(Role::Bar)
    }

    /// The cell of a type group in the weekly chart (in the order of `TypeGroup::ALL`): the group's
    /// letter, cut out of a coloured block in the 256-colour palette (reverse video), bold where
    /// there is no colour; so the split never rests on colour alone (eight colours have too few
    /// that read on both backgrounds, and in ASCII every block is a `#`).
    pub fn type_cell(&self, index: usize) -> (char, Style) {
        const LETTERS: [char; 8] = ['A', 'P', 'K', 'H', 'T', 'B', '·', '-'];
        const DARK: [u8; 8] = [75, 203, 171, 220, 166, 77, 250, 244];
        const LIGHT: [u8; 8] = [25, 160, 91, 94, 130, 28, 241, 243];
        let letter = match LETTERS.get(index).copied().unwrap_or('?') {
            // In ASCII the chart and its legend show the same full stop (a `·` between spaces
            // would become a `|` there).
            '·' if self.glyphs == Glyphs::Ascii => '.',
            c => c,
        };
        let palette = if self.light { LIGHT } else { DARK };
        match palette.get(index) {
            Some(c) if self.rich() && self.glyphs != Glyphs::Ascii => (
                letter,
                Style::new()
                    .fg(Color::Indexed(*c))
                    .add_modifier(Modifier::REVERSED | Modifier::BOLD),
            ),
            _ => (letter, Style::new().add_modifier(Modifier::BOLD)),
        }
    }

    /// The fill of a map tile whose count is in band `level` (0 for none, up to 4): a denser
    /// pattern for a higher band, tinted when there is colour.
    pub fn shade(&self, level: usize) -> (char, Style) {
        const FILLS: [char; 5] = [' ', '░', '▒', '▓', '█'];
        const DARK: [Color; 5] = [
            Color::Reset,
            Color::LightYellow,
            Color::Yellow,
            Color::LightRed,
            Color::Red,
        ];
        const LIGHT: [Color; 5] = [
            Color::Reset,
            Color::Indexed(136),
            Color::Indexed(166),
            Color::Indexed(160),
            Color::Indexed(88),
        ];
        const BASIC_DARK: [Color; 5] = [
            Color::Reset,
            Color::Yellow,
            Color::Yellow,
            Color::Red,
            Color::Red,
        ];
        const BASIC_LIGHT: [Color; 5] = [
            Color::Reset,
            Color::Magenta,
            Color::Magenta,
            Color::Red,
            Color::Red,
        ];
        let i = level.min(4);
        let colours = match (self.rich(), self.light) {
            (true, false) => DARK,
            (true, true) => LIGHT,
            (false, false) => BASIC_DARK,
            (false, true) => BASIC_LIGHT,
        };
        let style = if self.has_colour() {
            Style::new().fg(colours[i])
        } else {
            Style::new()
        };
        (FILLS[i], style)
    }

    /// The live marker.
    pub fn live(&self) -> Style {
        self.paint(Role::Good).add_modifier(Modifier::BOLD)
    }

    /// The frozen marker.
    pub fn frozen(&self) -> Style {
        self.paint(Role::Warm).add_modifier(Modifier::BOLD)
    }

    /// An error in the status line or the view editor.
    pub fn error(&self) -> Style {
        self.paint(Role::Alarm).add_modifier(Modifier::BOLD)
    }

    /// A notice in the status line.
    pub fn notice(&self) -> Style {
        self.paint(Role::Good)
    }

    /// Keys in the footer and the help.
    pub fn key(&self) -> Style {
        self.paint(Role::Accent).add_modifier(Modifier::BOLD)
    }

    /// The editing cursor of the view editor (a reversed cell).
    pub fn edit_cursor(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// Panels that do not have the focus.
    pub fn unfocused(&self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED)
    }

    /// Key names and hints as this theme's characters write them: `⏎` is `Enter` where the font
    /// has no `⏎`, and arrows are words in ASCII.
    pub fn words<'a>(&self, text: &'a str) -> Cow<'a, str> {
        crate::tui::widgets::ascii::words(text, self.glyphs)
    }
}

/// Whether `NO_COLOR` is set to anything non-empty (https://no-color.org).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_ascii_the_undetermined_cell_is_a_full_stop_in_the_chart_and_its_legend_alike() {
        let ascii = Theme::new(false).with_glyphs(Glyphs::Ascii);
        assert_eq!(ascii.type_cell(6).0, '.');
        assert_eq!(Theme::new(false).type_cell(6).0, '·');
        assert_eq!(ascii.type_cell(0).0, 'A');
    }

    #[test]
    fn in_colour_each_type_is_its_letter_cut_out_of_its_colour() {
        let colour = Theme::new(true).with_glyphs(Glyphs::Unicode);
        assert!(colour.rich(), "a colour theme uses the 256-colour palette");
        for i in 0..6 {
            let (c, style) = colour.type_cell(i);
            assert!(c.is_ascii_uppercase(), "{i}: {c}");
            assert!(style.add_modifier.contains(Modifier::REVERSED), "{i}");
            assert!(matches!(style.fg, Some(Color::Indexed(_))), "{i}");
        }
    }
}
