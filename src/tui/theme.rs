//! Styles with meanings (selected, overdue, changed, campaign…): the only file that names colours.
//! Without colour (NO_COLOR) every style keeps its reverse video or bold; meaning also has a text marker.

use ratatui::style::{Color, Modifier, Style};

pub use crate::config::ThemeName;

/// The styles of the TUI.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    colour: bool,
    /// The presenter's high-contrast variant: no grey, bold text, bright colours.
    contrast: bool,
    /// Colours chosen for a light background.
    light: bool,
}

impl Theme {
    /// A theme with colours, or without.
    pub fn new(colour: bool) -> Theme {
        Theme {
            colour,
            contrast: false,
            light: false,
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

    /// The name of this theme.
    pub fn name(&self) -> ThemeName {
        match (self.colour, self.contrast, self.light) {
            (false, _, _) => ThemeName::Mono,
            (true, true, _) => ThemeName::HighContrast,
            (true, false, true) => ThemeName::Light,
            (true, false, false) => ThemeName::Dark,
        }
    }

    /// `dark` on a dark background, `light` on a light one.
    fn pick(&self, dark: Color, light: Color) -> Style {
        self.fg(if self.light && !self.contrast {
            light
        } else {
            dark
        })
    }

    /// The same theme in high contrast, for a projector (presenter mode).
    pub fn high_contrast(self) -> Theme {
        Theme {
            contrast: true,
            light: false,
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
        self.colour
    }

    fn fg(&self, c: Color) -> Style {
        if self.colour {
            Style::new().fg(c)
        } else {
            Style::new()
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
        if self.colour && !self.contrast {
            Style::new().fg(if self.light {
                Color::Gray
            } else {
                Color::DarkGray
            })
        } else {
            Style::new()
        }
    }

    /// The title bar.
    pub fn title(&self) -> Style {
        self.pick(Color::Cyan, Color::Blue)
            .add_modifier(Modifier::BOLD)
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
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    /// A count that went up lately (also marked ▲ in text).
    pub fn increased(&self) -> Style {
        self.pick(Color::Yellow, Color::Indexed(130))
            .add_modifier(Modifier::BOLD)
    }

    /// A count that went down lately (also marked ▼ in text).
    pub fn decreased(&self) -> Style {
        self.fg(Color::Magenta).add_modifier(Modifier::BOLD)
    }

    /// The campaign stage (also marked ◆ in text).
    pub fn campaign(&self) -> Style {
        self.pick(Color::Yellow, Color::Indexed(130))
            .add_modifier(Modifier::BOLD)
    }

    /// Bars of the tables.
    pub fn bar(&self) -> Style {
        if self.contrast {
            self.fg(Color::LightCyan)
        } else {
            self.fg(Color::Blue)
        }
    }

    /// The cell of a type group in the weekly chart (in the order of `TypeGroup::ALL`): a coloured
    /// block, or without colour the group's letter, so the split reads either way.
    pub fn type_cell(&self, index: usize) -> (char, Style) {
        const LETTERS: [char; 7] = ['A', 'P', 'K', 'H', 'T', 'B', '·'];
        const COLOURS: [Color; 7] = [
            Color::Blue,
            Color::Red,
            Color::Magenta,
            Color::Yellow,
            Color::LightRed,
            Color::Green,
            Color::Gray,
        ];
        let letter = LETTERS.get(index).copied().unwrap_or('?');
        match COLOURS.get(index) {
            Some(c) if self.colour => ('█', Style::new().fg(*c)),
            _ => (letter, Style::new().add_modifier(Modifier::BOLD)),
        }
    }

    /// The fill of a map tile whose count is in band `level` (0 for none, up to 4): a denser
    /// pattern for a higher band, tinted when there is colour.
    pub fn shade(&self, level: usize) -> (char, Style) {
        const FILLS: [char; 5] = [' ', '░', '▒', '▓', '█'];
        const COLOURS: [Color; 5] = [
            Color::Reset,
            Color::LightYellow,
            Color::Yellow,
            Color::LightRed,
            Color::Red,
        ];
        const LIGHT: [Color; 5] = [
            Color::Reset,
            Color::Indexed(180),
            Color::Indexed(173),
            Color::Indexed(167),
            Color::Red,
        ];
        let i = level.min(4);
        (FILLS[i], self.pick(COLOURS[i], LIGHT[i]))
    }

    /// The live marker.
    pub fn live(&self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }

    /// The frozen marker.
    pub fn frozen(&self) -> Style {
        self.pick(Color::Yellow, Color::Indexed(130))
            .add_modifier(Modifier::BOLD)
    }

    /// An error in the status line or the view editor.
    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    /// A notice in the status line.
    pub fn notice(&self) -> Style {
        self.fg(Color::Green)
    }

    /// Keys in the footer and the help.
    pub fn key(&self) -> Style {
        self.pick(Color::Cyan, Color::Blue)
            .add_modifier(Modifier::BOLD)
    }

    /// The editing cursor of the view editor (a reversed cell).
    pub fn edit_cursor(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// Panels that do not have the focus.
    pub fn unfocused(&self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED)
    }
}

/// Whether `NO_COLOR` is set to anything non-empty (https://no-color.org).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}
