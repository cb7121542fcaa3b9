//! The one list of screens. Everything that is the same for every screen is made from it: the
//! `Screen` ids with their numbers, titles and names (`action`), the screens' state and the one
//! `match` that sends a command or a draw to the screen shown (`screens`), and each screen's key
//! mode (`keymap::Mode::Screen`).
//!
//! A new screen is a module in `screens/` implementing `screens::ScreenState`, a line here, its
//! keys in the key table (`keymap`) and its title in the message catalogue (`i18n`).

/// Hands the list to macro `$then`, one entry per screen in tab order:
/// doc, `Variant(module::State)`, the number typed to reach it, its title in the catalogue
/// (`Msg`), and its name in the configuration (`[keys.NAME]`, command `show-NAME`).
macro_rules! screen_list {
    ($then:ident) => {
        $then! {
            /// Ringkasan: the region table with the stage, type and status panels.
            Dashboard(dashboard::Dashboard) 1 TuiDashboard "dashboard";
            /// Kasus: the cases of the view, page by page.
            Cases(cases::Cases) 2 TuiCases "cases";
            /// Tahapan: the election calendar as a timeline, and the campaign's weeks and regions.
            Stages(stages::Stages) 3 TuiStages "stages";
            /// Peta: a tile per region, roughly where it lies, shaded by its count.
            Map(map::Map) 4 TuiMap "map";
        }
    };
}

pub(crate) use screen_list;
