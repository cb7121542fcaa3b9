//! The words of writing a screen's report from the interactive screen (`w`): the question of the
//! format, what became of the file, and why a reports folder is refused, in both languages.
//! A message without both texts does not compile.

use super::Lang;

/// A text of writing a screen's report.
#[derive(Clone, Copy)]
pub enum ScreenReport<'a> {
    /// The question of the format, before the choices: what the screen's report counts by
    /// (`per wilayah`).
    Ask { by: &'a str },
    /// Said while the worker writes it.
    Writing { format: &'a str },
    /// Said after quitting while a file is still being written: the screen waits for it.
    Waiting,
    /// The file was written here (the path as the user reads it, `~` for the home folder).
    Written { path: &'a str },
    /// The file was not written; `why` is the error in full.
    NotWritten { why: &'a str },
    /// The reports folder is a symbolic link (the folders as the user reads them, `~` for home).
    FolderIsLink { dir: &'a str, to: &'a str },
    /// The reports folder is something else than a folder.
    FolderNotFolder { dir: &'a str },
    /// The reports folder could not be made.
    FolderNotMade { dir: &'a str, why: &'a str },
    /// No reports folder was given to the screen (a session without a configuration).
    NoFolder,
    /// Every name tried in the folder is taken.
    NamesTaken { dir: &'a str, name: &'a str },
    /// A report request reached the engine's answers instead of the worker's writer: a bug.
    Elsewhere,
}

impl ScreenReport<'_> {
    /// The text in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Id};
        match (self, lang) {
            (Self::Ask { by }, Id) => format!("Rekap {by}"),
            (Self::Ask { by }, En) => format!("Recap {by}"),
            (Self::Writing { format }, Id) => format!("Menulis rekap {format}…"),
            (Self::Writing { format }, En) => format!("Writing the {format} recap…"),
            (Self::Waiting, Id) => {
                "Menunggu berkas selesai ditulis… (q sekali lagi: keluar tanpa menunggu)".into()
            }
            (Self::Waiting, En) => {
                "Waiting for the file to be written… (q again: quit without waiting)".into()
            }
            (Self::Written { path }, Id) => format!("Berkas ditulis ke {path}"),
            (Self::Written { path }, En) => format!("File written to {path}"),
            (Self::NotWritten { why }, Id) => format!("Berkas tidak ditulis: {why}"),
            (Self::NotWritten { why }, En) => format!("File not written: {why}"),
            (Self::FolderIsLink { dir, to }, Id) => format!(
                "folder rekap {dir} adalah tautan simbolik ke {to}, dan pantau tidak menulis \
                 salinan data kasus lewat tautan: isi reports_dir di berkas pengaturan dengan \
                 folder yang sebenarnya"
            ),
            (Self::FolderIsLink { dir, to }, En) => format!(
                "the reports folder {dir} is a symbolic link to {to}, and pantau writes no copy of \
                 case data through a link: set reports_dir in the configuration file to the real \
                 folder"
            ),
            (Self::FolderNotFolder { dir }, Id) => format!(
                "folder rekap {dir} ada tetapi bukan folder: pindahkan berkas itu, atau isi \
                 reports_dir di berkas pengaturan dengan folder lain"
            ),
            (Self::FolderNotFolder { dir }, En) => format!(
                "the reports folder {dir} exists but is not a folder: move that file away, or set \
                 reports_dir in the configuration file to another folder"
            ),
            (Self::FolderNotMade { dir, why }, Id) => format!(
                "folder rekap {dir} tidak dapat dibuat ({why}): periksa izin folder di atasnya, \
                 atau isi reports_dir di berkas pengaturan dengan folder lain"
            ),
            (Self::FolderNotMade { dir, why }, En) => format!(
                "the reports folder {dir} could not be made ({why}): check the permissions of the \
                 folder above it, or set reports_dir in the configuration file to another folder"
            ),
            (Self::NoFolder, Id) => {
                "tidak ada folder rekap: isi reports_dir di berkas pengaturan".into()
            }
            (Self::NoFolder, En) => {
                "there is no reports folder: set reports_dir in the configuration file".into()
            }
            (Self::NamesTaken { dir, name }, Id) => format!(
                "semua nama {name} di {dir} sudah terpakai: pindahkan berkas lama dari folder itu"
            ),
            (Self::NamesTaken { dir, name }, En) => {
                format!("every name {name} in {dir} is taken: move old reports out of that folder")
            }
            (Self::Elsewhere, Id) => "internal: permintaan rekap sampai ke mesin penghitung \
                 (kesalahan pantau); laporkan ke pengembang"
                .into(),
            (Self::Elsewhere, En) => "internal: a report request reached the counting engine \
                 (a pantau bug); please report it"
                .into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_message_says_its_values_in_both_languages() {
        let link = ScreenReport::FolderIsLink {
            dir: "/srv/laporan",
            to: "/elsewhere",
        };
        for lang in [Lang::Id, Lang::En] {
            let text = link.text(lang);
            assert!(text.contains("/srv/laporan") && text.contains("/elsewhere"));
            assert!(text.contains("reports_dir"), "the way out: {text}");
        }
        assert_eq!(
            ScreenReport::Written { path: "~/a.xlsx" }.text(Lang::Id),
            "Berkas ditulis ke ~/a.xlsx"
        );
        assert_eq!(
            ScreenReport::Written { path: "~/a.xlsx" }.text(Lang::En),
            "File written to ~/a.xlsx"
        );
    }
}
