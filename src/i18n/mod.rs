//! Every string a user reads, in Bahasa Indonesia and English.
//! Owns the language choice and the message table; knows nothing of the database or the terminal.

use serde::Serialize;

pub mod area;
pub mod cache;
pub mod chart;
pub mod codes;
pub mod commands;
pub mod core;
pub mod doctor;
pub mod election;
pub mod failure;
pub mod kegiatan;
pub mod national;
pub mod offices;
pub mod os;
pub mod pdf;
pub mod peta;
pub mod rekap;
pub mod screen_report;
pub mod short;
pub mod usage;
pub mod view;
pub mod wilayah;
pub mod xlsx;

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

    /// The language's code, as the configuration file and `--lang` write it: `id` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
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
    Election,
    Contest,
    NoContest,
    Type,
    TypeAllCases,
    TypeSuspected,
    TypeAmongViolations,
    ConventionKaltim,
    ConventionRi,
    Status,
    Source,
    Week,
    /// The heading of the campaign's pekan.
    PekanHeading,
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
    TuiTooSmallWayOut,
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
    TuiFollowUp,
    TuiNoStepYet,
    NoStepYet,
    TuiHistoryWithSteps,
    TuiDecidedByBawaslu,
    TuiYes,
    TuiNo,
    TuiFieldNomor,
    TuiFieldRegistration,
    TuiFieldSource,
    TuiFieldElection,
    TuiFieldContest,
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
    TuiFieldFiling,
    TuiExtendedYes,
    TuiFiledLate,
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
    // The meeting screens: stages and campaign, map, baseline, presenter (src/tui).
    TuiMap,
    TuiPresent,
    TuiCampaign,
    TuiCampaignCases,
    TuiFuture,
    TuiFutureNotice,
    TuiHelpFilter,
    TuiHelpSave,
    TuiHelpReport,
    TuiHelpViews,
    TuiHelpPresent,
    TuiTimelineShort,
    TuiAllElections,
    TuiAllElectionsShort,
    TuiTimelineLegend,
    TuiMonths,
    TuiWeeks,
    TuiWeekOutside,
    TuiCampaignRegions,
    TuiColActivities,
    TuiColRate,
    TuiPerThousand,
    TuiActivityKinds,
    TuiActivities,
    TuiMapTitle,
    TuiMapLegend,
    TuiMapNone,
    TuiMapByKecamatan,
    TuiNoKecamatan,
    TuiColKecamatan,
    TuiColProvince,
    TuiProvinceTile,
    TuiBaselineWord,
    TuiBaselineSet,
    TuiBaselineHint,
    TuiBaselineCleared,
    TuiBaselineRewound,
    TuiBaselineTouched,
    TuiBaselineFailed,
    TuiBaselineNoFolder,
    TuiConfirmTitle,
    TuiNextPage,
    TuiSeconds,
    TuiPartsHint,
    // Checks, copies and the session log (src/commands/check.rs, backup.rs, tui.rs).
    CheckIntegrity,
    CheckForeignKeys,
    CheckIdentity,
    CheckSchema,
    CheckFullText,
    CheckHistory,
    CheckFollowUps,
    CheckIndexCache,
    CheckSavedIndex,
    CheckAllWell,
    BackupWritten,
    BackupCancelled,
    LogWritten,
    // Saved views, copying, the configuration and `pantau doctor` (src/tui/personal.rs, src/config).
    TuiViewsTitle,
    TuiNoViews,
    TuiSavePrompt,
    TuiSaveHint,
    TuiSaveBadName,
    TuiViewSaved,
    TuiCopied,
    TuiNoCaseToCopy,
    TuiNewSinceBaseline,
    TuiRenamePrompt,
    TuiRenameHint,
    TuiNameTaken,
    TuiFirstCase,
    TuiLastCase,
    TuiCaseWord,
    TuiLinesWord,
    ConfigEffective,
    DoctorDatabase,
    DoctorTerminal,
    DoctorConfig,
    DoctorLocale,
    DoctorFiles,
    DoctorFix,
    DoctorAllWell,
    DoctorProblems,
    DoctorKeysIntro,
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
    (Msg::Overdue, "Melewati batas waktu", "Overdue"),
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
    (Msg::Election, "Pemilihan", "Election"),
    (Msg::Contest, "Kontestasi", "Contest"),
    (Msg::NoContest, "Tanpa kontestasi", "No contest"),
    (Msg::Type, "Jenis", "Type"),
    (
        Msg::TypeAllCases,
        "Jenis dugaan semua kasus",
        "Suspected type of all cases",
    ),
    (Msg::TypeSuspected, "Jenis dugaan", "Suspected type"),
    (
        Msg::TypeAmongViolations,
        "Jenis di antara pelanggaran",
        "Type among violations",
    ),
    (
        Msg::ConventionKaltim,
        "seperti rilis akhir tahun Bawaslu Kaltim",
        "as Bawaslu Kaltim's year-end release",
    ),
    (
        Msg::ConventionRi,
        "seperti rekap Bawaslu RI",
        "as Bawaslu RI's recap",
    ),
    (Msg::Status, "Status", "Status"),
    (Msg::Source, "Sumber", "Source"),
    (Msg::Week, "Pekan kalender", "Calendar week"),
    (Msg::PekanHeading, "Pekan kampanye", "Campaign week (pekan)"),
    (Msg::NoView, "(semua)", "(all)"),
    // The interactive screen (src/tui).
    (Msg::TuiDashboard, "Ringkasan", "Dashboard"),
    (Msg::TuiCases, "Kasus", "Cases"),
    (Msg::TuiStages, "Tahapan", "Stages"),
    (Msg::TuiDetail, "Rincian kasus", "Case detail"),
    (Msg::TuiHelp, "Bantuan", "Help"),
    (Msg::TuiLive, "terkini", "live"),
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
    (
        Msg::TuiTooSmallWayOut,
        "Perbesar jendela terminal (tombol lain diabaikan sampai cukup), atau tekan",
        "Make the terminal larger (other keys are ignored until it is), or press",
    ),
    (Msg::TuiColCases, "Kasus", "Cases"),
    (Msg::TuiColTemuan, "Temuan", "Temuan"),
    (Msg::TuiColLaporan, "Laporan", "Laporan"),
    (Msg::TuiColRegistered, "Reg", "Reg"),
    (Msg::TuiColViolations, "Terbukti", "Proven"),
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
        "pemilihan: kontestasi: wilayah: tahapan: jenis: status: sumber: lanjut: dari: sampai: pekan: per: is: @tersimpan · -kunci: kecuali",
        "election: contest: region: stage: type: status: source: followup: from: to: pekan: asof: is: @saved · -key: excludes",
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
    (Msg::TuiFollowUp, "Tindak lanjut", "Follow-up"),
    (Msg::TuiNoStepYet, "belum ada tahap", "no step yet"),
    (Msg::NoStepYet, "Belum ada tahap", "No step yet"),
    (
        Msg::TuiHistoryWithSteps,
        "Riwayat status dan tindak lanjut",
        "Status history and follow-up",
    ),
    (
        Msg::TuiDecidedByBawaslu,
        "Diputus Bawaslu; perbaikan oleh",
        "Decided by Bawaslu; corrected by",
    ),
    (Msg::TuiYes, "ya", "yes"),
    (Msg::TuiNo, "tidak", "no"),
    (Msg::TuiFieldNomor, "Nomor", "Number"),
    (
        Msg::TuiFieldRegistration,
        "Nomor registrasi",
        "Registration no.",
    ),
    (Msg::TuiFieldSource, "Sumber", "Source"),
    (Msg::TuiFieldElection, "Pemilihan", "Election"),
    (Msg::TuiFieldContest, "Kontestasi", "Contest"),
    (Msg::TuiFieldRegion, "Wilayah", "Region"),
    (Msg::TuiFieldKecamatan, "Lokasi", "Place"),
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
    (Msg::TuiFieldExtended, "Diperpanjang", "Extended"),
    (Msg::TuiExtendedYes, "ya", "yes"),
    (Msg::TuiFieldFiling, "Batas pelaporan", "Filing limit"),
    (Msg::TuiFiledLate, "terlambat", "late"),
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
        "Esc, ? atau F1 menutup bantuan",
        "Esc, ? or F1 closes this help",
    ),
    (
        Msg::TuiNeedsTerminal,
        "tampilan interaktif pantau memerlukan terminal; untuk tabel tercetak pakai `pantau report`",
        "pantau's interactive screen needs a terminal; for a printed table use `pantau report`",
    ),
    (Msg::TuiMap, "Peta", "Map"),
    (Msg::TuiPresent, "Mode presentasi", "Presenter mode"),
    (Msg::TuiCampaign, "Masa kampanye", "Campaign period"),
    (Msg::TuiCampaignCases, "Kasus kampanye", "Campaign cases"),
    (Msg::TuiFuture, "belum tiba", "future"),
    (
        Msg::TuiFutureNotice,
        "Tanggal tampilan melewati hari ini: angka per tanggal itu belum lengkap",
        "The as-of date is past today: figures at that date are not complete yet",
    ),
    (
        Msg::TuiHelpFilter,
        "Penyunting tampilan (/)",
        "View editor (/)",
    ),
    (
        Msg::TuiHelpSave,
        "Menyimpan tampilan (s)",
        "Saving a view (s)",
    ),
    (
        Msg::TuiHelpReport,
        "Menulis rekap layar ini (W)",
        "Writing this screen's report (W)",
    ),
    (
        Msg::TuiHelpViews,
        "Tampilan tersimpan (v)",
        "Saved views (v)",
    ),
    (
        Msg::TuiHelpPresent,
        "Mode presentasi (p)",
        "Presenter mode (p)",
    ),
    (Msg::TuiTimelineShort, "Jadwal tahapan", "Stage timeline"),
    (Msg::TuiAllElections, "Semua pemilihan", "All elections"),
    (Msg::TuiAllElectionsShort, "Semua", "All"),
    (
        Msg::TuiTimelineLegend,
        "◆ masa kampanye · ┃ tanggal tampilan · ⏎ kasus tahapan",
        "◆ campaign period · ┃ the view's date · ⏎ the stage's cases",
    ),
    (
        Msg::TuiMonths,
        "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des",
        "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    ),
    (
        Msg::TuiWeeks,
        "Kasus kampanye per pekan",
        "Campaign cases per pekan",
    ),
    (
        Msg::TuiWeekOutside,
        "* di luar masa kampanye",
        "* outside the campaign period",
    ),
    (
        Msg::TuiCampaignRegions,
        "Per wilayah: kasus per 1.000 kegiatan",
        "By region: cases per 1,000 activities",
    ),
    (Msg::TuiColActivities, "Kegiatan", "Activities"),
    (Msg::TuiColRate, "/1.000", "/1,000"),
    (
        Msg::TuiPerThousand,
        "per 1.000 kegiatan",
        "per 1,000 activities",
    ),
    (
        Msg::TuiActivityKinds,
        "pertemuan terbatas|tatap muka|rapat umum|lainnya",
        "limited meetings|face-to-face meetings|rallies|other",
    ),
    (
        Msg::TuiActivities,
        "kegiatan diawasi",
        "activities supervised",
    ),
    (
        Msg::TuiMapTitle,
        "kasus menurut wilayah penanganan",
        "cases by handling office",
    ),
    (Msg::TuiMapLegend, "Kasus", "Cases"),
    (Msg::TuiMapNone, "tidak ada", "none"),
    (
        Msg::TuiMapByKecamatan,
        "kasus menurut kecamatan",
        "cases by kecamatan",
    ),
    (Msg::TuiNoKecamatan, "(tanpa kecamatan)", "(no kecamatan)"),
    (Msg::TuiColKecamatan, "Kecamatan", "Kecamatan"),
    (Msg::TuiColProvince, "Provinsi", "Province"),
    (Msg::TuiProvinceTile, "Provinsi", "Province"),
    (Msg::TuiBaselineWord, "acuan", "baseline"),
    (Msg::TuiBaselineSet, "Acuan ditetapkan", "Baseline set"),
    (Msg::TuiBaselineHint, "B menghapus", "B clears it"),
    (Msg::TuiBaselineCleared, "Acuan dihapus", "Baseline cleared"),
    (
        Msg::TuiBaselineRewound,
        "Acuan disusun dari catatan waktu database:",
        "Baseline rebuilt from the times the database records:",
    ),
    (
        Msg::TuiBaselineTouched,
        "kasus diubah sesudahnya (statusnya dikembalikan; kolom lain dihitung seperti sekarang)",
        "cases were changed after it (their status is put back; other fields count as they are now)",
    ),
    (
        Msg::TuiBaselineFailed,
        "Acuan tidak dapat ditetapkan",
        "The baseline could not be set",
    ),
    (
        Msg::TuiBaselineNoFolder,
        "tidak ada folder untuk menyimpan acuan (atur HOME atau XDG_STATE_HOME)",
        "no folder to keep the baseline in (set HOME or XDG_STATE_HOME)",
    ),
    (
        Msg::TuiConfirmTitle,
        "Pertanyaan ya/tidak (hapus tampilan, acuan)",
        "Yes/no questions (deleting a view, the baseline)",
    ),
    (Msg::TuiNextPage, "halaman berikutnya dalam", "next page in"),
    (Msg::TuiSeconds, "detik", "s"),
    (Msg::TuiPartsHint, "←→ bagian lain", "←→ other parts"),
    (Msg::CheckIntegrity, "integritas berkas", "file integrity"),
    (Msg::CheckForeignKeys, "kunci asing", "foreign keys"),
    (Msg::CheckIdentity, "identitas", "identity"),
    (Msg::CheckSchema, "skema", "schema"),
    (Msg::CheckFullText, "indeks teks", "full-text index"),
    (Msg::CheckHistory, "riwayat status", "status history"),
    (
        Msg::CheckFollowUps,
        "tindak lanjut",
        "steps after forwarding",
    ),
    (Msg::CheckIndexCache, "cache indeks", "index cache"),
    (Msg::CheckSavedIndex, "indeks tersimpan", "saved index"),
    (
        Msg::CheckAllWell,
        "Tidak ada masalah ditemukan.",
        "No problems found.",
    ),
    (Msg::BackupWritten, "Salinan ditulis", "Backup written"),
    (
        Msg::BackupCancelled,
        "dibatalkan; salinan tidak ditulis",
        "cancelled; no copy was written",
    ),
    (
        Msg::LogWritten,
        "pesan kesalahan dan peringatan sesi ini ada di",
        "errors and warnings of this session are in",
    ),
    (Msg::TuiViewsTitle, "Tampilan tersimpan", "Saved views"),
    (
        Msg::TuiNoViews,
        "Belum ada tampilan tersimpan; simpan tampilan ini dengan tombol",
        "No saved views yet; save this one with the key",
    ),
    (Msg::TuiSavePrompt, "simpan sebagai›", "save as›"),
    (
        Msg::TuiSaveHint,
        "⏎ simpan ke berkas pengaturan · Esc batal · huruf, angka, - dan _",
        "⏎ save to the config file · Esc cancel · letters, digits, - and _",
    ),
    (
        Msg::TuiSaveBadName,
        "nama hanya dari huruf, angka, - dan _ (paling panjang 40)",
        "a name is letters, digits, - and _ only (at most 40)",
    ),
    (Msg::TuiViewSaved, "Tampilan disimpan", "View saved"),
    (
        Msg::TuiCopied,
        "Disalin ke papan klip (OSC 52)",
        "Copied to the clipboard (OSC 52)",
    ),
    (
        Msg::TuiNoCaseToCopy,
        "Tidak ada kasus di kursor: buka layar Kasus atau rincian kasus dulu",
        "No case under the cursor: open the Cases screen or a case first",
    ),
    (
        Msg::TuiNewSinceBaseline,
        "baru sejak acuan",
        "new since the baseline",
    ),
    (Msg::TuiRenamePrompt, "nama baru›", "new name›"),
    (
        Msg::TuiRenameHint,
        "⏎ ganti nama di berkas pengaturan · Esc batal · huruf, angka, - dan _",
        "⏎ rename in the config file · Esc cancel · letters, digits, - and _",
    ),
    (
        Msg::TuiNameTaken,
        "nama itu sudah dipakai tampilan lain",
        "another view has that name already",
    ),
    (
        Msg::TuiFirstCase,
        "Ini kasus pertama daftar",
        "This is the first case of the list",
    ),
    (
        Msg::TuiLastCase,
        "Ini kasus terakhir daftar",
        "This is the last case of the list",
    ),
    (Msg::TuiCaseWord, "kasus", "case"),
    (Msg::TuiLinesWord, "baris", "lines"),
    (
        Msg::ConfigEffective,
        "pengaturan yang berlaku; di belakang tiap nilai: asalnya",
        "the configuration in force; after each value, where it came from",
    ),
    (Msg::DoctorDatabase, "Database", "Database"),
    (Msg::DoctorTerminal, "Terminal", "Terminal"),
    (Msg::DoctorConfig, "Pengaturan", "Configuration"),
    (Msg::DoctorLocale, "Bahasa dan lokal", "Language and locale"),
    (
        Msg::DoctorFiles,
        "Berkas pantau (salinan data kasus)",
        "pantau's files (copies of case data)",
    ),
    (Msg::DoctorFix, "perbaikan", "fix"),
    (
        Msg::DoctorAllWell,
        "Semua pemeriksaan lulus.",
        "Every check passed.",
    ),
    (
        Msg::DoctorProblems,
        "pemeriksaan yang gagal",
        "failed checks",
    ),
    (
        Msg::DoctorKeysIntro,
        "Tekan tombol apa saja untuk melihat apa yang diterima pantau; q untuk selesai.",
        "Press any key to see what pantau receives; q to finish.",
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

/// A whole number as `lang` writes it: `7.120` in Indonesian, `7,120` in English.
pub fn number(lang: Lang, n: i64) -> String {
    let sep = lang.pick(".", ",");
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// A count of cases as `lang` says it: `1 case`, `1,234 cases`, `1.234 kasus`.
pub fn cases(lang: Lang, n: i64) -> String {
    let noun = match (lang, n) {
        (Lang::Id, _) => "kasus",
        (Lang::En, 1) => "case",
        (Lang::En, _) => "cases",
    };
    format!("{} {noun}", number(lang, n))
}

/// A number with one decimal as `lang` writes it: `3,1` in Indonesian, `3.1` in English.
pub fn decimal(lang: Lang, x: f64) -> String {
    let tenths = (x * 10.0).round() as i64;
    let point = lang.pick(",", ".");
    format!(
        "{}{point}{}",
        number(lang, tenths / 10),
        (tenths % 10).abs()
    )
}

/// The figure a press release gives for the campaign: `22 kasus pada tahapan kampanye, dari 7.120
/// kegiatan kampanye yang diawasi`; `cases` and `activities` come written out already.
pub fn campaign_sentence(lang: Lang, cases: &str, activities: Option<&str>) -> String {
    let Some(activities) = activities else {
        // None recorded: "out of 0 activities supervised" would read as none supervised.
        return match lang {
            Lang::Id => {
                format!("{cases} kasus pada tahapan kampanye; kegiatan yang diawasi belum dicatat")
            }
            Lang::En => {
                format!("{cases} cases in the campaign stage; no supervised activity recorded yet")
            }
        };
    };
    match lang {
        Lang::Id => format!(
            "{cases} kasus pada tahapan kampanye, dari {activities} kegiatan kampanye yang diawasi"
        ),
        Lang::En => format!(
            "{cases} cases in the campaign stage, out of {activities} campaign activities supervised"
        ),
    }
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
    fn numbers_are_written_the_way_each_language_writes_them() {
        assert_eq!(number(Lang::Id, 7120), "7.120");
        assert_eq!(number(Lang::En, 7120), "7,120");
        assert_eq!(number(Lang::En, 1_000_000), "1,000,000");
        assert_eq!(number(Lang::Id, 22), "22");
        assert_eq!(decimal(Lang::Id, 3.0898), "3,1");
        assert_eq!(decimal(Lang::En, 7.19), "7.2");
        assert!(
            campaign_sentence(Lang::En, "22", Some("7,120"))
                .starts_with("22 cases in the campaign stage")
        );
        assert!(
            campaign_sentence(Lang::Id, "2.014", None).contains("belum dicatat"),
            "no activity recorded is not 'out of 0 supervised'"
        );
    }

    #[test]
    fn domain_terms_stay_indonesian_in_english() {
        assert_eq!(tr(Lang::En, Msg::Temuan), "Temuan");
        assert_eq!(tr(Lang::En, Msg::Laporan), "Laporan");
    }
}
