//! The vocabulary of the TUI: the commands a key can be bound to, apart from the internal events
//! (clock, terminal size, database, worker answers) that reach `App::update`. No state, no drawing.

use chrono::NaiveDateTime;

use crate::i18n::Msg;
use crate::tui::data::Reply;

/// Defines `Screen` from the list in `screen_list`.
macro_rules! screen_ids {
    ($($(#[$doc:meta])* $variant:ident($module:ident::$state:ident) $number:literal $title:ident $name:literal;)*) => {
        /// The screens reached with `Tab` or the number keys (detail and help are overlays on top
        /// of them).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Screen {
            $($(#[$doc])* $variant,)*
        }

        impl Screen {
            /// The screens in tab order.
            pub const ALL: [Screen; [$(Screen::$variant),*].len()] = [$(Screen::$variant),*];

            /// The number shown on the tab and typed to reach it.
            pub fn number(self) -> usize {
                match self {
                    $(Screen::$variant => $number,)*
                }
            }

            /// The tab's title.
            pub fn title(self) -> Msg {
                match self {
                    $(Screen::$variant => Msg::$title,)*
                }
            }

            /// The screen's name in the configuration (`[keys.NAME]`).
            pub fn name(self) -> &'static str {
                match self {
                    $(Screen::$variant => $name,)*
                }
            }

            /// The name of the command that shows it (`show-NAME`).
            fn show_command(self) -> &'static str {
                match self {
                    $(Screen::$variant => concat!("show-", $name),)*
                }
            }
        }
    };
}

crate::tui::screen_list::screen_list!(screen_ids);

impl Screen {
    /// The next screen in tab order (wrapping), or the previous one.
    pub fn cycle(self, forward: bool) -> Screen {
        let i = Screen::ALL.iter().position(|s| *s == self).unwrap_or(0);
        let n = Screen::ALL.len();
        Screen::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

/// What a key can do: the user-bindable commands of the keymap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    /// Leave pantau at once (it never writes, so nothing is lost).
    Quit,
    /// Close the overlay, or go back to the screen and view before the last drill-down.
    Back,
    /// Open (or close) the help generated from the keymap.
    Help,
    /// Open the view editor, prefilled with the current view.
    EditView,
    /// The next screen in tab order.
    NextScreen,
    /// The previous screen in tab order.
    PrevScreen,
    /// Go to one screen.
    Show(Screen),
    /// The view of the next election by voting day, then of every election (where the screen
    /// can show them together), then the first again.
    NextElection,
    /// The view of the previous election.
    PrevElection,
    /// Move the cursor up one row (or scroll up).
    Up,
    /// Move the cursor down one row (or scroll down).
    Down,
    /// Move the focus to the panel on the left.
    Left,
    /// Move the focus to the panel on the right.
    Right,
    /// Go to the first row.
    Top,
    /// Go to the last row.
    Bottom,
    /// Up one screenful.
    PageUp,
    /// Down one screenful.
    PageDown,
    /// Drill down into the row under the cursor, or open the case.
    Open,
    /// Stop (or resume) following changes to the database.
    ToggleFreeze,
    /// Switch between Indonesian and English.
    ToggleLang,
    /// Move the as-of date one day back.
    DayBack,
    /// Move the as-of date one day forward.
    DayForward,
    /// Sort the cases by the next column.
    SortNext,
    /// Reverse the sort direction.
    SortFlip,
    /// Mark the meeting baseline now: every count then shows its change since.
    SetBaseline,
    /// Clear the baseline.
    ClearBaseline,
    /// Enter (or leave) presenter mode: no chrome, big figures, high contrast, navigation only.
    TogglePresent,
    /// Apply the edited view.
    Apply,
    /// Close the editor and keep the previous view.
    Cancel,
    /// Move the editing cursor one character left.
    CursorLeft,
    /// Move the editing cursor one character right.
    CursorRight,
    /// Move the editing cursor to the start.
    CursorHome,
    /// Move the editing cursor to the end.
    CursorEnd,
    /// Delete the character before the editing cursor.
    DeleteBack,
    /// Delete the character under the editing cursor.
    DeleteForward,
    /// Delete everything before the editing cursor.
    ClearLine,
    /// Recall the previously applied view.
    HistoryPrev,
    /// Recall the next applied view.
    HistoryNext,
    /// List the saved views of the configuration; Enter applies one.
    ListViews,
    /// Save the current view in the configuration under a name typed at a prompt.
    SaveView,
    /// Copy the current view's canonical spec to the clipboard (OSC 52, works over SSH).
    CopyView,
    /// Copy the case under the cursor (number and summary) to the clipboard (OSC 52).
    CopyCase,
    /// In the detail: the next case of the list.
    NextCase,
    /// In the detail: the previous case of the list.
    PrevCase,
    /// In the saved views: delete the selected one from the configuration (after a question).
    DeleteView,
    /// In the saved views: give the selected one another name, typed at a prompt.
    RenameView,
    /// Write the screen's report into the reports folder, after one question: its format.
    WriteReport,
    /// At the question of the format: a workbook (xlsx).
    ChooseXlsx,
    /// At the question of the format: a chart picture (png).
    ChoosePng,
    /// At the question of the format: the printed report (pdf).
    ChoosePdf,
}

impl Command {
    /// The name a key remap in the configuration uses (`[keys.cases] sort-next = "o"`).
    pub fn name(self) -> &'static str {
        match self {
            Command::Quit => "quit",
            Command::Back => "back",
            Command::Help => "help",
            Command::EditView => "edit-view",
            Command::NextScreen => "next-screen",
            Command::PrevScreen => "prev-screen",
            Command::Show(screen) => screen.show_command(),
            Command::NextElection => "next-election",
            Command::PrevElection => "prev-election",
            Command::Up => "up",
            Command::Down => "down",
            Command::Left => "left",
            Command::Right => "right",
            Command::Top => "top",
            Command::Bottom => "bottom",
            Command::PageUp => "page-up",
            Command::PageDown => "page-down",
            Command::Open => "open",
            Command::ToggleFreeze => "toggle-freeze",
            Command::ToggleLang => "toggle-lang",
            Command::DayBack => "day-back",
            Command::DayForward => "day-forward",
            Command::SortNext => "sort-next",
            Command::SortFlip => "sort-flip",
            Command::SetBaseline => "set-baseline",
            Command::ClearBaseline => "clear-baseline",
            Command::TogglePresent => "toggle-present",
            Command::Apply => "apply",
            Command::Cancel => "cancel",
            Command::CursorLeft => "cursor-left",
            Command::CursorRight => "cursor-right",
            Command::CursorHome => "cursor-home",
            Command::CursorEnd => "cursor-end",
            Command::DeleteBack => "delete-back",
            Command::DeleteForward => "delete-forward",
            Command::ClearLine => "clear-line",
            Command::HistoryPrev => "history-prev",
            Command::HistoryNext => "history-next",
            Command::ListViews => "list-views",
            Command::SaveView => "save-view",
            Command::CopyView => "copy-view",
            Command::CopyCase => "copy-case",
            Command::NextCase => "next-case",
            Command::PrevCase => "prev-case",
            Command::DeleteView => "delete-view",
            Command::RenameView => "rename-view",
            Command::WriteReport => "write-report",
            Command::ChooseXlsx => "choose-xlsx",
            Command::ChoosePng => "choose-png",
            Command::ChoosePdf => "choose-pdf",
        }
    }
}

/// Everything that reaches `App::update`: commands from keys, and internal events.
#[derive(Debug)]
pub enum Action {
    /// A command from the keymap.
    Command(Command),
    /// A character typed into the view editor.
    Insert(char),
    /// The clock moved on: marks fade, the refresh time and "today" follow it.
    Tick(NaiveDateTime),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// Another connection committed to the database (the worker saw `data_version` change).
    DbChanged,
    /// The worker answered a request.
    Reply(Box<Reply>),
    /// The worker stopped; the message says why.
    WorkerGone(String),
    /// The event loop carried out something the app asked (saving a view, copying).
    Done(crate::tui::data::Outcome),
}

impl From<Command> for Action {
    fn from(c: Command) -> Action {
        Action::Command(c)
    }
}
