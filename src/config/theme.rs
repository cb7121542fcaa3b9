//! The names of the themes a user can choose; the styles themselves are the TUI's.

/// The themes a user can choose (`theme = "…"` in the configuration, `--theme`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum ThemeName {
    /// Colours for a dark terminal background (the default).
    Dark,
    /// Colours for a light background: no yellow or cyan text.
    Light,
    /// For projectors: no grey, bold text, bright colours.
    HighContrast,
    /// No colour at all: reverse video, bold and text markers only (what `NO_COLOR` selects).
    Mono,
}

impl ThemeName {
    pub const ALL: [ThemeName; 4] = [
        ThemeName::Dark,
        ThemeName::Light,
        ThemeName::HighContrast,
        ThemeName::Mono,
    ];

    /// The name in the configuration.
    pub fn name(self) -> &'static str {
        match self {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::HighContrast => "high-contrast",
            ThemeName::Mono => "mono",
        }
    }

    /// The theme of a name in the configuration.
    pub fn from_name(name: &str) -> Option<ThemeName> {
        ThemeName::ALL.into_iter().find(|t| t.name() == name)
    }
}
