//! The one keymap table: each row binds keys in a mode to a command, with its footer hint and help
//! text in both languages. Dispatch, the footer and the `?` help all read it; nothing else binds keys.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Msg;
use crate::tui::action::{Command, Screen};

/// Where a binding applies. `Global` bindings apply in every mode except `Filter`, unless the mode
/// binds the same key itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    Global,
    /// A screen's own keys.
    Screen(Screen),
    Detail,
    Help,
    /// The view editor: unbound characters are typed into it.
    Filter,
    /// Presenter mode: navigation only; no global binding applies.
    Present,
    /// The list of saved views (`v`).
    Views,
    /// The prompt for a saved view's name (`s`): unbound characters are typed into it.
    Save,
    /// A yes/no question (before a saved view is deleted, before the baseline is cleared or
    /// replaced): any key but yes answers no.
    Confirm,
    /// The question of the format a screen's report is written in (`W`).
    Report,
}

impl Mode {
    /// Modes in the order the help lists them: the global keys, each screen's, then the rest.
    pub const ALL: [Mode; 1 + Screen::ALL.len() + Mode::REST.len()] = {
        let mut all = [Mode::Global; 1 + Screen::ALL.len() + Mode::REST.len()];
        let mut i = 0;
        while i < Screen::ALL.len() {
            all[1 + i] = Mode::Screen(Screen::ALL[i]);
            i += 1;
        }
        let mut j = 0;
        while j < Mode::REST.len() {
            all[1 + Screen::ALL.len() + j] = Mode::REST[j];
            j += 1;
        }
        all
    };

    /// The modes that are not a screen's nor the global one, in the order the help lists them.
    const REST: [Mode; 8] = [
        Mode::Detail,
        Mode::Filter,
        Mode::Views,
        Mode::Save,
        Mode::Report,
        Mode::Confirm,
        Mode::Help,
        Mode::Present,
    ];

    /// The mode of a screen (its own keys).
    pub fn of(screen: Screen) -> Mode {
        Mode::Screen(screen)
    }

    /// The mode's name in the configuration (`[keys.cases]`).
    pub fn name(self) -> &'static str {
        match self {
            Mode::Global => "global",
            Mode::Screen(screen) => screen.name(),
            Mode::Detail => "detail",
            Mode::Help => "help",
            Mode::Filter => "filter",
            Mode::Present => "present",
            Mode::Views => "views",
            Mode::Save => "save",
            Mode::Confirm => "confirm",
            Mode::Report => "report",
        }
    }

    /// Whether unbound characters are typed (the view editor, the name prompt).
    pub fn types(self) -> bool {
        matches!(self, Mode::Filter | Mode::Save)
    }

    /// Whether the global bindings apply in this mode (where it does not bind the key itself).
    pub fn falls_back(self) -> bool {
        !matches!(
            self,
            Mode::Filter | Mode::Save | Mode::Confirm | Mode::Report | Mode::Present | Mode::Global
        )
    }

    /// The heading of this mode in the help.
    pub fn title(self) -> Msg {
        match self {
            Mode::Global => Msg::TuiHelpGlobal,
            Mode::Screen(screen) => screen.title(),
            Mode::Present => Msg::TuiHelpPresent,
            Mode::Detail => Msg::TuiDetail,
            Mode::Help => Msg::TuiHelp,
            Mode::Filter => Msg::TuiHelpFilter,
            Mode::Views => Msg::TuiHelpViews,
            Mode::Save => Msg::TuiHelpSave,
            Mode::Confirm => Msg::TuiConfirmTitle,
            Mode::Report => Msg::TuiHelpReport,
        }
    }
}

/// A key with the modifiers that matter (Ctrl, Alt; Shift is part of the character).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    /// A plain key.
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    /// A character key.
    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    /// Ctrl and a character.
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }

    /// The key of a terminal event, with Shift folded into the character.
    pub fn from_event(ev: &KeyEvent) -> Key {
        let mods = ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match ev.code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        Key { code, mods }
    }

    /// How the key is written in the footer and the help.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "␣".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "⏎".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "⇧Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Backspace => "⌫".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        match (
            self.mods.contains(KeyModifiers::CONTROL),
            self.mods.contains(KeyModifiers::ALT),
        ) {
            (true, _) => format!("Ctrl-{}", base.to_uppercase()),
            (false, true) => format!("Alt-{base}"),
            _ => base,
        }
    }
}

/// One row of the keymap.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    pub mode: Mode,
    pub keys: &'static [Key],
    pub command: Command,
    /// The short word the footer shows (Indonesian, English), if the footer shows this binding.
    pub hint: Option<(&'static str, &'static str)>,
    /// What the help says (Indonesian, English).
    pub help: (&'static str, &'static str),
}

const fn b(
    mode: Mode,
    keys: &'static [Key],
    command: Command,
    hint: Option<(&'static str, &'static str)>,
    help: (&'static str, &'static str),
) -> Binding {
    Binding {
        mode,
        keys,
        command,
        hint,
        help,
    }
}

use KeyCode as K;
use Mode as M;

/// Moving the cursor, shared by the list modes.
#[rustfmt::skip]
macro_rules! moves {
    ($mode:expr) => {
        [
            b($mode, &[Key::ch('k'), Key::plain(K::Up)], Command::Up, None, ("naik satu baris", "up one row")),
            b($mode, &[Key::ch('j'), Key::plain(K::Down)], Command::Down, None, ("turun satu baris", "down one row")),
            b($mode, &[Key::ch('g'), Key::plain(K::Home)], Command::Top, None, ("ke baris pertama", "to the first row")),
            b($mode, &[Key::ch('G'), Key::plain(K::End)], Command::Bottom, None, ("ke baris terakhir", "to the last row")),
            b($mode, &[Key::plain(K::PageUp)], Command::PageUp, None, ("naik satu layar", "up one screen")),
            b($mode, &[Key::plain(K::PageDown), Key::ch(' ')], Command::PageDown, None, ("turun satu layar", "down one screen")),
        ]
    };
}

const DASHBOARD_MOVES: [Binding; 6] = moves!(M::Screen(Screen::Dashboard));
const CASES_MOVES: [Binding; 6] = moves!(M::Screen(Screen::Cases));
const STAGES_MOVES: [Binding; 6] = moves!(M::Screen(Screen::Stages));
const DETAIL_MOVES: [Binding; 6] = moves!(M::Detail);
const HELP_MOVES: [Binding; 6] = moves!(M::Help);

/// The rows specific to one mode, then the global ones, in footer order (help and quit last).
#[rustfmt::skip]
const OWN: &[Binding] = &[
    b(M::Screen(Screen::Dashboard), &[Key::plain(K::Enter)], Command::Open, Some(("rinci", "drill down")),
        ("buka baris ini: wilayah → tabel di bawahnya (Esc naik lagi), lainnya → kasusnya",
         "open this row: a region → the table below it (Esc climbs back), else its cases")),
    b(M::Screen(Screen::Dashboard), &[Key::ch('h'), Key::plain(K::Left)], Command::Left, None,
        ("panel sebelumnya (wilayah, tahapan, jenis, status)", "previous panel (region, stage, type, status)")),
    b(M::Screen(Screen::Dashboard), &[Key::ch('l'), Key::plain(K::Right)], Command::Right, None, ("panel berikutnya", "next panel")),
    b(M::Screen(Screen::Cases), &[Key::plain(K::Enter)], Command::Open, Some(("buka", "open")), ("buka rincian kasus", "open the case in full")),
    b(M::Screen(Screen::Cases), &[Key::plain(K::Esc)], Command::Back, Some(("kembali", "back")),
        ("batalkan rinci terakhir (layar dan tampilan sebelumnya)", "undo the last drill-down (the screen and view before it)")),
    b(M::Screen(Screen::Cases), &[Key::ch('o')], Command::SortNext, Some(("urut", "sort")), ("urutkan menurut kolom berikutnya", "sort by the next column")),
    b(M::Screen(Screen::Cases), &[Key::ch('O')], Command::SortFlip, None, ("balik arah urutan", "reverse the sort")),
    b(M::Screen(Screen::Stages), &[Key::plain(K::Enter)], Command::Open, Some(("rinci", "drill down")),
        ("buka kasus baris ini (tahapan, pekan kampanye, wilayah)", "open the cases of this row (stage, campaign pekan, region)")),
    b(M::Screen(Screen::Stages), &[Key::ch('h'), Key::plain(K::Left)], Command::Left, Some(("bagian", "part")),
        ("bagian sebelumnya (jadwal, kampanye per pekan, per wilayah)", "previous part (timeline, campaign by pekan, by region)")),
    b(M::Screen(Screen::Stages), &[Key::ch('l'), Key::plain(K::Right)], Command::Right, None, ("bagian berikutnya", "next part")),
    b(M::Screen(Screen::Map), &[Key::ch('k'), Key::plain(K::Up)], Command::Up, None, ("petak di atas (daftar: baris sebelumnya)", "the tile above (list: the row before)")),
    b(M::Screen(Screen::Map), &[Key::ch('j'), Key::plain(K::Down)], Command::Down, None, ("petak di bawah (daftar: baris berikutnya)", "the tile below (list: the next row)")),
    b(M::Screen(Screen::Map), &[Key::ch('h'), Key::plain(K::Left)], Command::Left, Some(("petak", "tile")), ("petak di kiri", "the tile to the left")),
    b(M::Screen(Screen::Map), &[Key::ch('l'), Key::plain(K::Right)], Command::Right, None, ("petak di kanan", "the tile to the right")),
    b(M::Screen(Screen::Map), &[Key::plain(K::Enter)], Command::Open, Some(("rinci", "drill down")),
        ("buka kecamatan wilayah ini (Esc naik lagi), atau kasus kecamatan ini", "open this region's kecamatan (Esc climbs back), or this kecamatan's cases")),
    b(M::Present, &[Key::plain(K::Tab)], Command::NextScreen, Some(("halaman", "page")),
        ("halaman berikutnya (ringkasan, kampanye, peta, tahapan)", "next page (dashboard, campaign, map, stages)")),
    b(M::Present, &[Key::plain(K::BackTab)], Command::PrevScreen, None, ("halaman sebelumnya", "previous page")),
    b(M::Present, &[Key::ch('k'), Key::plain(K::Up)], Command::Up, None, ("naik / petak di atas", "up / the tile above")),
    b(M::Present, &[Key::ch('j'), Key::plain(K::Down)], Command::Down, None, ("turun / petak di bawah", "down / the tile below")),
    b(M::Present, &[Key::ch('h'), Key::plain(K::Left)], Command::Left, None, ("ke kiri", "to the left")),
    b(M::Present, &[Key::ch('l'), Key::plain(K::Right)], Command::Right, None, ("ke kanan", "to the right")),
    b(M::Present, &[Key::ch('p'), Key::plain(K::Esc)], Command::TogglePresent, Some(("selesai", "leave")),
        ("keluar dari mode presentasi", "leave presenter mode")),
    b(M::Present, &[Key::ch('q'), Key::ctrl('c')], Command::Quit, Some(("keluar", "quit")), ("keluar", "quit")),
    b(M::Detail, &[Key::plain(K::Left), Key::ch('N')], Command::PrevCase, Some(("kasus", "case")),
        ("kasus sebelumnya dalam daftar", "the previous case of the list")),
    b(M::Detail, &[Key::plain(K::Right), Key::ch('n')], Command::NextCase, None, ("kasus berikutnya dalam daftar", "the next case of the list")),
    b(M::Detail, &[Key::plain(K::Esc)], Command::Back, Some(("tutup", "close")), ("tutup rincian", "close the detail")),
    b(M::Help, &[Key::plain(K::Esc), Key::ch('?')], Command::Back, Some(("tutup", "close")), ("tutup bantuan", "close the help")),
    b(M::Filter, &[Key::plain(K::Enter)], Command::Apply, Some(("terapkan", "apply")), ("terapkan tampilan", "apply the view")),
    b(M::Filter, &[Key::plain(K::Esc)], Command::Cancel, Some(("batal", "cancel")),
        ("batal, kembali ke tampilan sebelumnya", "cancel, keep the previous view")),
    b(M::Filter, &[Key::plain(K::Up)], Command::HistoryPrev, Some(("riwayat", "history")),
        ("tampilan sebelumnya dari riwayat", "previous view from the history")),
    b(M::Filter, &[Key::plain(K::Down)], Command::HistoryNext, None, ("tampilan berikutnya dari riwayat", "next view from the history")),
    b(M::Filter, &[Key::plain(K::Left)], Command::CursorLeft, None, ("kursor ke kiri", "cursor left")),
    b(M::Filter, &[Key::plain(K::Right)], Command::CursorRight, None, ("kursor ke kanan", "cursor right")),
    b(M::Filter, &[Key::plain(K::Home), Key::ctrl('a')], Command::CursorHome, None, ("ke awal baris", "to the start")),
    b(M::Filter, &[Key::plain(K::End), Key::ctrl('e')], Command::CursorEnd, None, ("ke akhir baris", "to the end")),
    b(M::Filter, &[Key::plain(K::Backspace)], Command::DeleteBack, None, ("hapus huruf sebelum kursor", "delete before the cursor")),
    b(M::Filter, &[Key::plain(K::Delete)], Command::DeleteForward, None, ("hapus huruf di kursor", "delete at the cursor")),
    b(M::Filter, &[Key::ctrl('u')], Command::ClearLine, None, ("hapus sampai awal baris", "delete to the start")),
    b(M::Filter, &[Key::plain(K::F(1))], Command::Help, None, ("bantuan tombol", "the key help")),
    b(M::Filter, &[Key::ctrl('c')], Command::Quit, None, ("keluar", "quit")),
    b(M::Views, &[Key::ch('k'), Key::plain(K::Up)], Command::Up, None, ("tampilan di atas", "the view above")),
    b(M::Views, &[Key::ch('j'), Key::plain(K::Down)], Command::Down, None, ("tampilan di bawah", "the view below")),
    b(M::Views, &[Key::ch('g'), Key::plain(K::Home)], Command::Top, None, ("tampilan pertama", "the first view")),
    b(M::Views, &[Key::ch('G'), Key::plain(K::End)], Command::Bottom, None, ("tampilan terakhir", "the last view")),
    b(M::Views, &[Key::plain(K::Enter)], Command::Open, Some(("pakai", "use")), ("pakai tampilan tersimpan ini", "use this saved view")),
    b(M::Views, &[Key::ch('r')], Command::RenameView, Some(("ganti nama", "rename")),
        ("ganti nama tampilan ini di berkas pengaturan", "rename this view in the config file")),
    b(M::Views, &[Key::ch('d'), Key::plain(K::Delete)], Command::DeleteView, Some(("hapus", "delete")),
        ("hapus tampilan ini dari berkas pengaturan (ditanya dulu)", "delete this view from the config file (asks first)")),
    b(M::Views, &[Key::plain(K::Esc), Key::ch('v')], Command::Back, Some(("tutup", "close")), ("tutup daftar", "close the list")),
    b(M::Save, &[Key::plain(K::Enter)], Command::Apply, Some(("simpan", "save")), ("simpan tampilan dengan nama ini", "save the view under this name")),
    b(M::Save, &[Key::plain(K::Esc)], Command::Cancel, Some(("batal", "cancel")), ("batal, tidak menyimpan", "cancel, save nothing")),
    b(M::Save, &[Key::plain(K::Left)], Command::CursorLeft, None, ("kursor ke kiri", "cursor left")),
    b(M::Save, &[Key::plain(K::Right)], Command::CursorRight, None, ("kursor ke kanan", "cursor right")),
    b(M::Save, &[Key::plain(K::Home), Key::ctrl('a')], Command::CursorHome, None, ("ke awal baris", "to the start")),
    b(M::Save, &[Key::plain(K::End), Key::ctrl('e')], Command::CursorEnd, None, ("ke akhir baris", "to the end")),
    b(M::Save, &[Key::plain(K::Backspace)], Command::DeleteBack, None, ("hapus huruf sebelum kursor", "delete before the cursor")),
    b(M::Save, &[Key::plain(K::Delete)], Command::DeleteForward, None, ("hapus huruf di kursor", "delete at the cursor")),
    b(M::Save, &[Key::ctrl('u')], Command::ClearLine, None, ("hapus sampai awal baris", "delete to the start")),
    b(M::Save, &[Key::plain(K::F(1))], Command::Help, None, ("bantuan tombol", "the key help")),
    b(M::Save, &[Key::ctrl('c')], Command::Quit, None, ("keluar", "quit")),
    b(M::Confirm, &[Key::ch('y')], Command::Apply, Some(("ya", "yes")), ("ya, lakukan", "yes, do it")),
    b(M::Confirm, &[Key::ch('n'), Key::plain(K::Esc)], Command::Cancel, Some(("tidak", "no")),
        ("tidak, biarkan seperti semula (tombol lain juga)", "no, leave it as it is (so does any other key)")),
    b(M::Confirm, &[Key::plain(K::F(1))], Command::Help, None, ("bantuan tombol", "the key help")),
    b(M::Confirm, &[Key::ctrl('c')], Command::Quit, None, ("keluar", "quit")),
    b(M::Report, &[Key::ch('x')], Command::ChooseXlsx, None, ("tulis sebagai buku kerja Excel (xlsx)", "write it as an Excel workbook (xlsx)")),
    b(M::Report, &[Key::ch('p')], Command::ChoosePng, None, ("tulis sebagai gambar grafik (png)", "write it as a chart picture (png)")),
    b(M::Report, &[Key::ch('d')], Command::ChoosePdf, None, ("tulis sebagai rekap cetak (pdf)", "write it as a printed report (pdf)")),
    b(M::Report, &[Key::plain(K::Left)], Command::Left, None, ("sorot format sebelumnya", "highlight the previous format")),
    b(M::Report, &[Key::plain(K::Right)], Command::Right, None, ("sorot format berikutnya", "highlight the next format")),
    b(M::Report, &[Key::plain(K::Enter)], Command::Apply, Some(("tulis", "write")),
        ("tulis dalam format yang disorot (yang terakhir dipilih)", "write it in the highlighted format (the last one chosen)")),
    b(M::Report, &[Key::plain(K::Esc)], Command::Cancel, Some(("batal", "cancel")), ("batal, tidak menulis apa pun", "cancel, write nothing")),
    b(M::Report, &[Key::plain(K::F(1))], Command::Help, None, ("bantuan tombol", "the key help")),
    b(M::Report, &[Key::ctrl('c')], Command::Quit, None, ("keluar", "quit")),
    b(M::Global, &[Key::ch('/')], Command::EditView, Some(("saring", "filter")), ("ubah tampilan (saringan)", "edit the view (filter)")),
    b(M::Global, &[Key::ch('f')], Command::ToggleFreeze, Some(("beku", "freeze")),
        ("bekukan / lanjutkan pembaruan langsung", "freeze / resume live updates")),
    b(M::Global, &[Key::ch('L')], Command::ToggleLang, Some(("English", "Indonesia")),
        ("ganti bahasa (Indonesia / English)", "switch language (Indonesian / English)")),
    b(M::Global, &[Key::plain(K::Tab)], Command::NextScreen, Some(("layar", "screen")), ("layar berikutnya", "next screen")),
    b(M::Global, &[Key::plain(K::BackTab)], Command::PrevScreen, None, ("layar sebelumnya", "previous screen")),
    b(M::Global, &[Key::ch('e')], Command::NextElection, Some(("pemilihan", "election")),
        ("pemilihan berikutnya, lalu semua (kecuali di layar Tahapan)", "the next election, then all elections (not on Stages)")),
    b(M::Global, &[Key::ch('E')], Command::PrevElection, None, ("pemilihan sebelumnya", "the previous election")),
    b(M::Global, &[Key::ch('1')], Command::Show(Screen::Dashboard), None, ("layar Ringkasan", "the Dashboard screen")),
    b(M::Global, &[Key::ch('2')], Command::Show(Screen::Cases), None, ("layar Kasus", "the Cases screen")),
    b(M::Global, &[Key::ch('3')], Command::Show(Screen::Stages), None, ("layar Tahapan", "the Stages screen")),
    b(M::Global, &[Key::ch('4')], Command::Show(Screen::Map), None, ("layar Peta", "the Map screen")),
    b(M::Global, &[Key::plain(K::Esc)], Command::Back, None,
        ("batalkan rinci terakhir (layar dan tampilan sebelumnya)", "undo the last drill-down (the screen and view before it)")),
    b(M::Global, &[Key::ch('[')], Command::DayBack, Some(("tanggal", "date")), ("tanggal tampilan mundur satu hari", "the as-of date one day back")),
    b(M::Global, &[Key::ch(']')], Command::DayForward, None, ("tanggal tampilan maju satu hari", "the as-of date one day forward")),
    b(M::Global, &[Key::ch('b')], Command::SetBaseline, Some(("acuan", "baseline")),
        ("acuan sekarang: tiap angka menunjukkan perubahan sejak itu", "mark the baseline now: every count shows its change since")),
    b(M::Global, &[Key::ch('B')], Command::ClearBaseline, None,
        ("hapus acuan (bertanya dulu; b juga bila mengganti)", "clear the baseline (asks first; so does b replacing one)")),
    b(M::Global, &[Key::ch('p')], Command::TogglePresent, Some(("presentasi", "present")),
        ("mode presentasi: layar penuh, angka besar, kontras tinggi", "presenter mode: no chrome, big figures, high contrast")),
    b(M::Global, &[Key::ch('v')], Command::ListViews, Some(("tersimpan", "saved")), ("daftar tampilan tersimpan", "the list of saved views")),
    b(M::Global, &[Key::ch('s')], Command::SaveView, None, ("simpan tampilan ini dengan nama", "save this view under a name")),
    b(M::Global, &[Key::ch('y')], Command::CopyView, None,
        ("salin tampilan ke papan klip (OSC 52, juga lewat SSH)", "copy the view to the clipboard (OSC 52, also over SSH)")),
    b(M::Global, &[Key::ch('Y')], Command::CopyCase, None,
        ("salin kasus di kursor (nomor dan ringkasan)", "copy the case under the cursor (number and summary)")),
    // A screen's report, after the global keys: the footer shows it where there is room.
    b(M::Screen(Screen::Dashboard), &[Key::ch('W')], Command::WriteReport, Some(("rekap", "recap")),
        ("tulis rekap tabel wilayah ini (xlsx, png atau pdf) ke folder rekap",
         "write this table's report (xlsx, png or pdf) into the reports folder")),
    b(M::Screen(Screen::Cases), &[Key::ch('W')], Command::WriteReport, Some(("rekap", "recap")),
        ("tulis rekap per status (xlsx, png atau pdf) ke folder rekap",
         "write the report by status (xlsx, png or pdf) into the reports folder")),
    b(M::Screen(Screen::Stages), &[Key::ch('W')], Command::WriteReport, Some(("rekap", "recap")),
        ("tulis rekap per pekan kampanye (xlsx, png atau pdf) ke folder rekap",
         "write the report by campaign pekan (xlsx, png or pdf) into the reports folder")),
    b(M::Screen(Screen::Map), &[Key::ch('W')], Command::WriteReport, Some(("rekap", "recap")),
        ("tulis rekap peta per wilayah (xlsx, png atau pdf) ke folder rekap",
         "write the map's report by region (xlsx, png or pdf) into the reports folder")),
    b(M::Global, &[Key::ch('?'), Key::plain(K::F(1))], Command::Help, Some(("bantuan", "help")), ("bantuan tombol ini", "this key help")),
    b(M::Global, &[Key::ch('q'), Key::ctrl('c')], Command::Quit, Some(("keluar", "quit")), ("keluar", "quit")),
];

/// Every binding: the mode-specific rows first (moves, then the rest), the global ones last.
pub fn bindings() -> impl Iterator<Item = &'static Binding> {
    DASHBOARD_MOVES
        .iter()
        .chain(CASES_MOVES.iter())
        .chain(STAGES_MOVES.iter())
        .chain(DETAIL_MOVES.iter())
        .chain(HELP_MOVES.iter())
        .chain(OWN.iter())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::tui::action::Action;
    use crate::tui::bindings::{action_for, hints, lookup};
    use std::collections::HashMap;

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        let mut seen: HashMap<(Mode, Key), Command> = HashMap::new();
        for b in bindings() {
            for k in b.keys {
                if let Some(prev) = seen.insert((b.mode, *k), b.command) {
                    panic!(
                        "{:?} {} is bound to both {prev:?} and {:?}",
                        b.mode,
                        k.label(),
                        b.command
                    );
                }
            }
        }
    }

    #[test]
    fn every_binding_has_help_in_both_languages() {
        for b in bindings() {
            assert!(
                !b.help.0.is_empty() && !b.help.1.is_empty(),
                "{:?}",
                b.command
            );
            assert!(!b.keys.is_empty(), "{:?}", b.command);
        }
    }

    #[test]
    fn lookup_prefers_the_mode_and_falls_back_to_global() {
        assert_eq!(
            lookup(Mode::Screen(Screen::Dashboard), Key::ch('q')),
            Some(Command::Quit)
        );
        assert_eq!(
            lookup(Mode::Filter, Key::ch('q')),
            None,
            "q is typed in the editor"
        );
        assert_eq!(
            lookup(Mode::Help, Key::plain(KeyCode::Esc)),
            Some(Command::Back)
        );
        assert_eq!(
            lookup(Mode::Screen(Screen::Dashboard), Key::ch(']')),
            Some(Command::DayForward)
        );
        assert_eq!(
            lookup(Mode::Screen(Screen::Cases), Key::ch('4')),
            Some(Command::Show(Screen::Map))
        );
        assert_eq!(
            lookup(Mode::Present, Key::ch('/')),
            None,
            "the presenter only navigates"
        );
        assert_eq!(
            lookup(Mode::Present, Key::ch('b')),
            None,
            "the presenter only navigates"
        );
        assert_eq!(
            lookup(Mode::Filter, Key::ctrl('u')),
            Some(Command::ClearLine)
        );
    }

    #[test]
    fn shift_is_part_of_the_character() {
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(
            action_for(Mode::Screen(Screen::Cases), &ev).map(|a| format!("{a:?}")),
            Some("Command(Bottom)".into())
        );
        let ev = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
        assert!(matches!(
            action_for(Mode::Filter, &ev),
            Some(Action::Insert('x'))
        ));
        let ev = KeyEvent::new(
            KeyCode::Char('C'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
        assert!(matches!(
            action_for(Mode::Screen(Screen::Cases), &ev),
            Some(Action::Command(Command::Quit))
        ));
    }

    #[test]
    fn the_footer_shows_the_few_keys_of_the_mode() {
        let hints = hints(Mode::Screen(Screen::Cases), Lang::En);
        let words: Vec<&str> = hints.iter().map(|(_, w)| *w).collect();
        assert_eq!(words.first(), Some(&"open"));
        assert_eq!(
            &words[words.len() - 2..],
            &["help", "quit"],
            "help and quit come last, the footer always shows them"
        );
        assert!(words.contains(&"quit") && words.contains(&"sort") && words.contains(&"filter"));
        let detail: Vec<&str> = crate::tui::bindings::hints(Mode::Detail, Lang::Id)
            .iter()
            .map(|(_, w)| *w)
            .collect();
        assert_eq!(detail, vec!["kasus", "tutup", "keluar"]);
        let keys: Vec<String> = crate::tui::bindings::hints(Mode::Detail, Lang::En)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert_eq!(keys[0], "← →", "the previous and next case share a hint");
    }
}
