//! Every string a user reads, in Bahasa Indonesia and English.
//! Owns the language choice and the message table; knows nothing of the database or the terminal.

use serde::Serialize;

/// The language of everything pantau prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, clap::ValueEnum)]
pub enum Lang {
    /// Bahasa Indonesia.
    Id,
    /// English.
    En,
}

impl Lang {
    /// The language from `LANG`/`LC_ALL`/`LC_MESSAGES`: Indonesian when it starts with `id`, else English.
    pub fn from_env() -> Lang {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var)
                && !v.is_empty()
            {
                return if v.to_ascii_lowercase().starts_with("id") {
                    Lang::Id
                } else {
                    Lang::En
                };
            }
        }
        Lang::En
    }

    /// Picks the Indonesian or the English text.
    pub fn pick<'a>(self, id: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }

    /// The other language (the `L` key in the TUI).
    pub fn toggled(self) -> Lang {
        match self {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        }
    }
}

/// A message key of the fixed user-facing texts (headings, labels, notices).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    Total,
    Count,
    Cases,
    AsOf,
    View,
    AllCases,
    Registered,
    Violations,
    NotViolation,
    InProcess,
    Overdue,
    Temuan,
    Laporan,
    DemoWritten,
    InitDone,
    Region,
    Stage,
    Type,
    Status,
    Source,
    Week,
    NoView,
    // The interactive screen (src/tui).
    TuiDashboard,
    TuiCases,
    TuiStages,
    TuiDetail,
    TuiHelp,
    TuiLive,
    TuiFrozen,
    TuiChangesWaiting,
    TuiWaiting,
    TuiLoading,
    TuiBusy,
    TuiOf,
    TuiTooSmall,
    TuiHave,
    TuiColCases,
    TuiColTemuan,
    TuiColLaporan,
    TuiColRegistered,
    TuiColViolations,
    TuiColInProcess,
    TuiColOverdue,
    TuiColNumber,
    TuiColReceived,
    TuiColReceivedShort,
    TuiColDue,
    TuiColDescription,
    TuiColDates,
    TuiLate,
    TuiDayUnit,
    TuiUntil,
    TuiStageLegend,
    TuiNow,
    TuiMore,
    TuiNoCases,
    TuiEmptyDb,
    TuiCaseNotFound,
    TuiWorkerGone,
    TuiQueryFailed,
    TuiEditPrompt,
    TuiEditHint,
    TuiSortedBy,
    TuiNoDeadline,
    TuiHistory,
    TuiForwarding,
    TuiDeadline,
    TuiBy,
    TuiAfterAsOf,
    TuiNotForwarded,
    TuiYes,
    TuiNo,
    TuiFieldNomor,
    TuiFieldRegistration,
    TuiFieldSource,
    TuiFieldRegion,
    TuiFieldKecamatan,
    TuiFieldStage,
    TuiFieldEvent,
    TuiFieldKnown,
    TuiFieldReceived,
    TuiFieldRegistered,
    TuiFieldStatus,
    TuiFieldStatusNow,
    TuiFieldExtended,
    TuiFieldSuspected,
    TuiFieldProven,
    TuiFieldArticle,
    TuiFieldDescription,
    TuiFieldReported,
    TuiFieldReportedKind,
    TuiFieldReporter,
    TuiFieldForwardedTo,
    TuiFieldLetter,
    TuiFieldForwardedOn,
    TuiHelpGlobal,
    TuiHelpTyping,
    TuiHelpClose,
    TuiNeedsTerminal,
}

const TABLE: &[(Msg, &str, &str)] = &[
    (Msg::Total, "Jumlah", "Total"),
    (Msg::Count, "Kasus", "Cases"),
    (Msg::Cases, "kasus", "cases"),
    (Msg::AsOf, "per", "as of"),
    (Msg::View, "tampilan", "view"),
    (Msg::AllCases, "Semua kasus", "All cases"),
    (Msg::Registered, "Teregistrasi", "Registered"),
    (Msg::Violations, "Terbukti pelanggaran", "Proven violations"),
    (Msg::NotViolation, "Bukan pelanggaran", "Not a violation"),
    (Msg::InProcess, "Dalam proses", "In process"),
    (Msg::Overdue, "Lewat tenggat", "Overdue"),
    (Msg::Temuan, "Temuan", "Temuan"),
    (Msg::Laporan, "Laporan", "Laporan"),
    (
        Msg::DemoWritten,
        "Database demo ditulis",
        "Demo database written",
    ),
    (Msg::InitDone, "Database siap", "Database ready"),
    (Msg::Region, "Wilayah", "Region"),
    (Msg::Stage, "Tahapan", "Stage"),
    (Msg::Type, "Jenis", "Type"),
    (Msg::Status, "Status", "Status"),
    (Msg::Source, "Sumber", "Source"),
    (Msg::Week, "Minggu", "Week"),
    (Msg::NoView, "(semua)", "(all)"),
    // The interactive screen (src/tui).
    (Msg::TuiDashboard, "Ringkasan", "Dashboard"),
    (Msg::TuiCases, "Kasus", "Cases"),
    (Msg::TuiStages, "Tahapan", "Stages"),
    (Msg::TuiDetail, "Rincian kasus", "Case detail"),
    (Msg::TuiHelp, "Bantuan", "Help"),
    (Msg::TuiLive, "langsung", "live"),
    (Msg::TuiFrozen, "dibekukan", "frozen"),
    (Msg::TuiChangesWaiting, "ada perubahan", "changes waiting"),
    (Msg::TuiWaiting, "menunggu data", "waiting for data"),
    (Msg::TuiLoading, "memuat…", "loading…"),
    (Msg::TuiBusy, "memuat", "loading"),
    (Msg::TuiOf, "dari", "of"),
    (
        Msg::TuiTooSmall,
        "Layar terlalu kecil: perlu",
        "Terminal too small: need",
    ),
    (Msg::TuiHave, "ada", "have"),
    (Msg::TuiColCases, "Kasus", "Cases"),
    (Msg::TuiColTemuan, "Temuan", "Temuan"),
    (Msg::TuiColLaporan, "Lapor", "Laporan"),
    (Msg::TuiColRegistered, "Reg", "Reg"),
    (Msg::TuiColViolations, "Langgar", "Proven"),
    (Msg::TuiColInProcess, "Proses", "Open"),
    (Msg::TuiColOverdue, "Lewat", "Overdue"),
    (Msg::TuiColNumber, "Nomor", "Number"),
    (Msg::TuiColReceived, "Diterima", "Received"),
    (Msg::TuiColReceivedShort, "Terima", "Recvd"),
    (Msg::TuiColDue, "Tenggat", "Due"),
    (Msg::TuiColDescription, "Uraian", "Description"),
    (Msg::TuiColDates, "Jadwal", "Dates"),
    (Msg::TuiLate, "lewat", "over"),
    (Msg::TuiDayUnit, "h", "d"),
    (Msg::TuiUntil, "s/d", "by"),
    (
        Msg::TuiStageLegend,
        "◆ masa kampanye   ◀ berjalan pada tanggal tampilan",
        "◆ campaign period   ◀ running on the as-of date",
    ),
    (Msg::TuiNow, "sekarang", "now"),
    (Msg::TuiMore, "lainnya", "more"),
    (
        Msg::TuiNoCases,
        "Tidak ada kasus dalam tampilan ini.",
        "No cases in this view.",
    ),
    (
        Msg::TuiEmptyDb,
        "Database belum berisi kasus: impor data, atau coba `pantau --demo`.",
        "The database has no cases yet: import data, or try `pantau --demo`.",
    ),
    (
        Msg::TuiCaseNotFound,
        "Kasus ini tidak ada lagi di database.",
        "This case is no longer in the database.",
    ),
    (
        Msg::TuiWorkerGone,
        "Pembaca database berhenti",
        "The database reader stopped",
    ),
    (Msg::TuiQueryFailed, "Kueri gagal", "Query failed"),
    (Msg::TuiEditPrompt, "tampilan›", "view›"),
    (
        Msg::TuiEditHint,
        "⏎ terapkan · Esc batal · ↑↓ riwayat",
        "⏎ apply · Esc cancel · ↑↓ history",
    ),
    (Msg::TuiSortedBy, "urut", "sort"),
    (
        Msg::TuiNoDeadline,
        "tidak ada (penanganan selesai)",
        "none (handling has ended)",
    ),
    (Msg::TuiHistory, "Riwayat status", "Status history"),
    (Msg::TuiForwarding, "Penerusan", "Forwarding"),
    (Msg::TuiDeadline, "Tenggat", "Deadline"),
    (Msg::TuiBy, "oleh", "by"),
    (
        Msg::TuiAfterAsOf,
        "sesudah tanggal tampilan",
        "after the view's date",
    ),
    (Msg::TuiNotForwarded, "belum diteruskan", "not forwarded"),
    (Msg::TuiYes, "ya", "yes"),
    (Msg::TuiNo, "tidak", "no"),
    (Msg::TuiFieldNomor, "Nomor", "Number"),
    (
        Msg::TuiFieldRegistration,
        "Nomor registrasi",
        "Registration no.",
    ),
    (Msg::TuiFieldSource, "Sumber", "Source"),
    (Msg::TuiFieldRegion, "Wilayah", "Region"),
    (Msg::TuiFieldKecamatan, "Kecamatan", "Kecamatan"),
    (Msg::TuiFieldStage, "Tahapan", "Stage"),
    (Msg::TuiFieldEvent, "Tanggal kejadian", "Event date"),
    (Msg::TuiFieldKnown, "Tanggal diketahui", "Known on"),
    (Msg::TuiFieldReceived, "Tanggal diterima", "Received on"),
    (
        Msg::TuiFieldRegistered,
        "Tanggal registrasi",
        "Registered on",
    ),
    (Msg::TuiFieldStatus, "Status", "Status"),
    (Msg::TuiFieldStatusNow, "Status saat ini", "Current status"),
    (
        Msg::TuiFieldExtended,
        "Diperpanjang (7+7)",
        "Extended (7+7)",
    ),
    (Msg::TuiFieldSuspected, "Dugaan jenis", "Suspected type"),
    (Msg::TuiFieldProven, "Jenis pelanggaran", "Proven type"),
    (Msg::TuiFieldArticle, "Pasal", "Article"),
    (Msg::TuiFieldDescription, "Uraian", "Description"),
    (Msg::TuiFieldReported, "Terlapor", "Reported party"),
    (
        Msg::TuiFieldReportedKind,
        "Kategori terlapor",
        "Party category",
    ),
    (Msg::TuiFieldReporter, "Pelapor", "Reporter"),
    (Msg::TuiFieldForwardedTo, "Diteruskan ke", "Forwarded to"),
    (Msg::TuiFieldLetter, "Nomor surat", "Letter number"),
    (
        Msg::TuiFieldForwardedOn,
        "Tanggal penerusan",
        "Forwarded on",
    ),
    (Msg::TuiHelpGlobal, "Di semua layar", "Everywhere"),
    (
        Msg::TuiHelpTyping,
        "huruf lain diketik ke tampilan",
        "other characters are typed into the view",
    ),
    (
        Msg::TuiHelpClose,
        "Esc atau ? menutup bantuan",
        "Esc or ? closes this help",
    ),
    (
        Msg::TuiNeedsTerminal,
        "tampilan interaktif pantau memerlukan terminal; untuk tabel tercetak pakai `pantau report`",
        "pantau's interactive screen needs a terminal; for a printed table use `pantau report`",
    ),
];

/// The text of `msg` in `lang`.
pub fn tr(lang: Lang, msg: Msg) -> &'static str {
    TABLE
        .iter()
        .find(|(m, _, _)| *m == msg)
        .map(|(_, id, en)| lang.pick(id, en))
        .unwrap_or("?")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages() {
        for (m, id, en) in TABLE {
            assert!(!id.is_empty() && !en.is_empty(), "{m:?}");
        }
        assert_eq!(tr(Lang::Id, Msg::Total), "Jumlah");
        assert_eq!(tr(Lang::En, Msg::Total), "Total");
    }

    #[test]
    fn domain_terms_stay_indonesian_in_english() {
        assert_eq!(tr(Lang::En, Msg::Temuan), "Temuan");
        assert_eq!(tr(Lang::En, Msg::Laporan), "Laporan");
    }
}
