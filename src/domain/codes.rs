//! The fixed code lists of the domain (source, status, violation type, party category, forwarding),
//! each code with its label in the catalogue (`i18n::codes`). The one place these codes are
//! spelled out.

use crate::i18n::Lang;
use crate::i18n::codes::CodeLabel;

/// Defines a code enum with its stored code and its label.
macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal, $label:ident $(| $former:literal)*;)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The code stored in the database and printed in exports and JSON.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            /// The label a person reads.
            pub fn label(self, lang: Lang) -> &'static str {
                match self { $($name::$variant => CodeLabel::$label,)+ }.text(lang)
            }

            /// The value whose code is exactly `code`.
            pub fn from_code(code: &str) -> Option<$name> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }

            /// Labels pantau once printed, still read back (files exported before they changed),
            /// and other words taken for the value (`vonis` for the court's verdict).
            pub fn former_labels(self) -> &'static [&'static str] {
                match self { $($name::$variant => &[$($former),*],)+ }
            }

            /// The value whose code or label (either language, or a former label) matches
            /// `text`, ignoring case, spaces, dashes and underscores.
            pub fn lookup(text: &str) -> Option<$name> {
                let want = crate::domain::fold(text);
                $name::ALL.iter().copied().find(|v| {
                    crate::domain::fold(v.code()) == want
                        || crate::domain::fold(v.label(Lang::Id)) == want
                        || crate::domain::fold(v.label(Lang::En)) == want
                        || v.former_labels().iter().any(|f| crate::domain::fold(f) == want)
                })
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }
    };
}

code_enum! {
    /// Where a case came from (sumber).
    Source {
        /// A finding of the supervisors' own monitoring.
        Temuan = "temuan", Temuan;
        /// A report by a voter, a contestant or a registered monitor.
        Laporan = "laporan", Laporan;
    }
}

code_enum! {
    /// The handling status of a case (Perbawaslu 7/2022 and 8/2022).
    Status {
        InformasiAwal = "INFORMASI_AWAL", InformasiAwal;
        Penelusuran = "PENELUSURAN", Penelusuran | "Tracing";
        Diterima = "DITERIMA", Diterima;
        KajianAwal = "KAJIAN_AWAL", KajianAwal;
        PerbaikanSyarat = "PERBAIKAN_SYARAT", PerbaikanSyarat
            | "Perbaikan syarat" | "Completing requirements";
        Diregistrasi = "DIREGISTRASI", Diregistrasi;
        TidakDiregistrasi = "TIDAK_DIREGISTRASI", TidakDiregistrasi;
        Dicabut = "DICABUT", Dicabut;
        Klarifikasi = "KLARIFIKASI", Klarifikasi;
        Kajian = "KAJIAN", Kajian | "Examination";
        PembahasanGakkumdu = "PEMBAHASAN_GAKKUMDU", PembahasanGakkumdu;
        Pelanggaran = "PELANGGARAN", Pelanggaran
            | "Pelanggaran (diteruskan)" | "Violation (forwarded)";
        BukanPelanggaran = "BUKAN_PELANGGARAN", BukanPelanggaran;
        Dihentikan = "DIHENTIKAN", Dihentikan;
    }
}

/// Which deadline clock a status runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// A lead being traced: a temuan must be set within 7 days of being known.
    Lead,
    /// A laporan received: initial review within 2 days.
    Intake,
    /// The reporter completing the report after the kajian awal ("melengkapi syarat"): a period
    /// of its own (see `DeadlineRules::deadline`).
    Completion,
    /// Registered and under examination: decision within 7 days (14 working days if extended).
    Examination,
    /// Handling has ended: no deadline.
    Closed,
}

impl Status {
    /// The deadline phase of this status.
    pub fn phase(self) -> Phase {
        use Status::*;
        match self {
            InformasiAwal | Penelusuran => Phase::Lead,
            Diterima | KajianAwal => Phase::Intake,
            PerbaikanSyarat => Phase::Completion,
            Diregistrasi | Klarifikasi | Kajian | PembahasanGakkumdu => Phase::Examination,
            TidakDiregistrasi | Dicabut | Pelanggaran | BukanPelanggaran | Dihentikan => {
                Phase::Closed
            }
        }
    }

    /// Whether handling is still going on.
    pub fn is_open(self) -> bool {
        self.phase() != Phase::Closed
    }

    /// Codes of the statuses for which handling has ended (used to build SQL lists).
    pub fn closed_codes() -> Vec<&'static str> {
        Status::ALL
            .iter()
            .filter(|s| !s.is_open())
            .map(|s| s.code())
            .collect()
    }
}

code_enum! {
    /// The type of a violation (jenis pelanggaran), suspected or proven.
    ViolationType {
        Administrasi = "ADMINISTRASI", Administrasi;
        Pidana = "PIDANA", Pidana;
        KodeEtik = "KODE_ETIK", KodeEtik;
        HukumLainnya = "HUKUM_LAINNYA", HukumLainnya;
        Tsm = "TSM", Tsm;
        BukanPelanggaran = "BUKAN_PELANGGARAN", BukanPelanggaran;
    }
}

code_enum! {
    /// The type dimension of a report, "suspected types of all cases" (the convention of Bawaslu
    /// Kaltim's year-end release): the proven type once decided, else the suspected type; an open
    /// case without one is not yet determined, and a case closed without a decision (not
    /// registered, withdrawn, stopped) is counted apart, never as in process. Bawaslu RI counts
    /// types among violations only: that is `Dim::Violation`.
    TypeGroup {
        Administrasi = "ADMINISTRASI", Administrasi;
        Pidana = "PIDANA", Pidana;
        KodeEtik = "KODE_ETIK", KodeEtik;
        HukumLainnya = "HUKUM_LAINNYA", HukumLainnya;
        Tsm = "TSM", Tsm;
        BukanPelanggaran = "BUKAN_PELANGGARAN", BukanPelanggaran;
        BelumDitentukan = "BELUM_DITENTUKAN", BelumDitentukan | "Dalam proses" | "In process";
        /// Closed without a decision on the facts: not registered, withdrawn or stopped.
        TidakDitindaklanjuti = "TIDAK_DITINDAKLANJUTI", TidakDitindaklanjuti;
    }
}

code_enum! {
    /// Who the reported party is (kategori terlapor).
    PartyCategory {
        Peserta = "PESERTA", Peserta | "Peserta pemilu (partai)" | "Contestant (party)";
        Calon = "CALON", Calon;
        TimKampanye = "TIM_KAMPANYE", TimKampanye;
        /// A member of KPU or Bawaslu (RI, provinsi, kabupaten/kota): ethics go to DKPP. Data
        /// recorded before the ad-hoc bodies had a category of their own may mean any organiser.
        Penyelenggara = "PENYELENGGARA", Penyelenggara | "KPU/PPK/PPS/KPPS";
        /// An ad-hoc body of KPU (PPK, PPS, KPPS): ethics go to KPU.
        PenyelenggaraAdhoc = "PENYELENGGARA_ADHOC", PenyelenggaraAdhoc;
        /// An ad-hoc supervisor (Panwascam, PKD, PTPS): ethics are Bawaslu's own.
        PengawasAdhoc = "PENGAWAS_ADHOC", PengawasAdhoc;
        Asn = "ASN", Asn;
        KepalaDesa = "KEPALA_DESA", KepalaDesa;
        TniPolri = "TNI_POLRI", TniPolri;
        Pejabat = "PEJABAT", Pejabat;
        Lainnya = "LAINNYA", Lainnya;
    }
}

code_enum! {
    /// Whose campaign activities a figure counts (jenis peserta): the releases split Pemilu 2024's
    /// by parties, DPD candidates and presidential pairs, a Pilkada's by race.
    ContestantKind {
        Partai = "PARTAI", PesertaPartai | "partai" | "parties";
        Dpd = "DPD", PesertaDpd;
        Presiden = "PRESIDEN", PesertaPresiden | "capres" | "paslon presiden";
        Gubernur = "GUBERNUR", PesertaGubernur | "cagub";
        BupatiWalikota = "BUPATI_WALIKOTA", PesertaBupatiWalikota | "bupati" | "wali kota";
        TidakDirinci = "TIDAK_DIRINCI", PesertaTidakDirinci | "semua" | "all";
    }
}

code_enum! {
    /// Where a case was forwarded (tindak lanjut).
    Forwarding {
        Kpu = "KPU", Kpu;
        /// The police investigator, after the Gakkumdu deliberation.
        Gakkumdu = "GAKKUMDU", Gakkumdu | "Sentra Gakkumdu";
        Dkpp = "DKPP", Dkpp;
        Kasn = "KASN", Kasn;
        Bawaslu = "BAWASLU", Bawaslu;
        InstansiLain = "INSTANSI_LAIN", InstansiLain;
    }
}

code_enum! {
    /// A step of what happens after a case is forwarded (tindak lanjut): which steps fit which
    /// violation type is [`FollowUpStep::fits`].
    FollowUpStep {
        /// Police investigation (penyidikan).
        Penyidikan = "PENYIDIKAN", LanjutPenyidikan | "investigation";
        /// The investigation stopped (surat perintah penghentian penyidikan).
        Sp3 = "SP3", LanjutSp3;
        /// Prosecution (penuntutan).
        Penuntutan = "PENUNTUTAN", LanjutPenuntutan | "prosecution";
        /// Trial (persidangan).
        Persidangan = "PERSIDANGAN", LanjutPersidangan | "trial" | "sidang";
        /// The court's verdict, with its case number (`12/Pid.Sus/2024/PN Bpp`).
        Putusan = "PUTUSAN", LanjutPutusan | "verdict" | "vonis" | "putusan pengadilan";
        /// DKPP's ruling on a KPU or Bawaslu member.
        PutusanDkpp = "PUTUSAN_DKPP", LanjutPutusanDkpp | "dkpp";
        /// KPU's decision on PPK, PPS or KPPS members.
        KeputusanKpu = "KEPUTUSAN_KPU", LanjutKeputusanKpu;
        /// Bawaslu's own decision on an ad-hoc supervisor.
        PutusanBawaslu = "PUTUSAN_BAWASLU", LanjutPutusanBawaslu;
        /// The recommendation or decision of BKN (formerly KASN) or another agency.
        RekomendasiInstansi = "REKOMENDASI_INSTANSI", LanjutRekomendasiInstansi
            | "bkn" | "kasn" | "rekomendasi";
        /// KPU's correction of the procedure, following Bawaslu's decision.
        PerbaikanKpu = "PERBAIKAN_KPU", LanjutPerbaikanKpu | "perbaikan" | "correction";
    }
}

impl FollowUpStep {
    /// Whether this step can follow a violation of type `t` (domain.md §4): the police, the
    /// prosecutor and the court for crimes; DKPP, KPU or Bawaslu for ethics; an agency for other
    /// laws; KPU's correction for administrative violations.
    pub fn fits(self, t: ViolationType) -> bool {
        use FollowUpStep::*;
        match t {
            ViolationType::Pidana => {
                matches!(self, Penyidikan | Sp3 | Penuntutan | Persidangan | Putusan)
            }
            ViolationType::KodeEtik => matches!(self, PutusanDkpp | KeputusanKpu | PutusanBawaslu),
            ViolationType::HukumLainnya => self == RekomendasiInstansi,
            ViolationType::Administrasi | ViolationType::Tsm => self == PerbaikanKpu,
            ViolationType::BukanPelanggaran => false,
        }
    }

    /// The violation types this step can follow, for a message.
    pub fn types(self) -> Vec<ViolationType> {
        ViolationType::ALL
            .iter()
            .copied()
            .filter(|t| self.fits(*t))
            .collect()
    }
}

impl Status {
    /// The short form a narrow column shows (`Kajian awal`, `First review`), from the catalogue.
    pub fn short(self, lang: Lang) -> &'static str {
        crate::i18n::short::status(self.code(), lang).unwrap_or(self.label(lang))
    }
}

impl TypeGroup {
    /// The short form a narrow column shows (`Hukum lain`, `Other laws`), from the catalogue.
    pub fn short(self, lang: Lang) -> &'static str {
        crate::i18n::short::type_group(self.code(), lang).unwrap_or(self.label(lang))
    }
}

impl ViolationType {
    /// Where a proven violation of this type against a party of category `kategori` goes
    /// (domain.md §4). An administrative violation is decided by Bawaslu itself: only its
    /// follow-up (the correction) goes to KPU. A crime goes to the police investigator after the
    /// Gakkumdu deliberation. Ethics go to DKPP for KPU and Bawaslu members only: PPK/PPS/KPPS to
    /// KPU, Panwascam/PKD/PTPS to Bawaslu itself. Other laws: a civil servant to KASN (later BKN),
    /// anyone else to the agency over them.
    pub fn forwarding(self, kategori: Option<PartyCategory>) -> Option<Forwarding> {
        use PartyCategory as K;
        match self {
            ViolationType::Administrasi | ViolationType::Tsm => Some(Forwarding::Kpu),
            ViolationType::Pidana => Some(Forwarding::Gakkumdu),
            ViolationType::KodeEtik => Some(match kategori {
                Some(K::PenyelenggaraAdhoc) => Forwarding::Kpu,
                Some(K::PengawasAdhoc) => Forwarding::Bawaslu,
                _ => Forwarding::Dkpp,
            }),
            ViolationType::HukumLainnya => Some(match kategori {
                None | Some(K::Asn) => Forwarding::Kasn,
                Some(_) => Forwarding::InstansiLain,
            }),
            ViolationType::BukanPelanggaran => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        for s in Status::ALL {
            assert_eq!(Status::from_code(s.code()), Some(*s));
        }
        let mut codes: Vec<_> = Status::ALL.iter().map(|s| s.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), Status::ALL.len());
    }

    #[test]
    fn lookup_accepts_codes_and_labels_in_both_languages() {
        assert_eq!(ViolationType::lookup("pidana"), Some(ViolationType::Pidana));
        assert_eq!(
            ViolationType::lookup("Kode Etik"),
            Some(ViolationType::KodeEtik)
        );
        assert_eq!(
            ViolationType::lookup("other laws"),
            Some(ViolationType::HukumLainnya)
        );
        assert_eq!(Source::lookup("TEMUAN"), Some(Source::Temuan));
        assert_eq!(
            Status::lookup("tidak-diregistrasi"),
            Some(Status::TidakDiregistrasi)
        );
        assert_eq!(Status::lookup("nonsense"), None);
    }

    #[test]
    fn labels_pantau_printed_before_still_read_back() {
        assert_eq!(
            Status::lookup("Pelanggaran (diteruskan)"),
            Some(Status::Pelanggaran)
        );
        assert_eq!(Status::lookup("Tracing"), Some(Status::Penelusuran));
        assert_eq!(Status::lookup("examination"), Some(Status::Kajian));
        assert_eq!(
            Status::lookup("Perbaikan syarat"),
            Some(Status::PerbaikanSyarat)
        );
        // No label, current or former, names two statuses.
        for a in Status::ALL {
            for b in Status::ALL.iter().filter(|b| *b != a) {
                for l in [a.label(Lang::Id), a.label(Lang::En)]
                    .iter()
                    .chain(a.former_labels())
                {
                    assert_ne!(Status::lookup(l), Some(*b), "{l}");
                }
            }
        }
    }

    #[test]
    fn every_status_and_type_has_a_short_form_in_both_languages() {
        for lang in [Lang::Id, Lang::En] {
            for s in Status::ALL {
                assert!(
                    crate::i18n::short::status(s.code(), lang).is_some(),
                    "{s:?}"
                );
                assert!(crate::text::width(s.short(lang)) <= 12, "{s:?}");
            }
            for t in TypeGroup::ALL {
                assert!(
                    crate::i18n::short::type_group(t.code(), lang).is_some(),
                    "{t:?}"
                );
                assert!(crate::text::width(t.short(lang)) <= 12, "{t:?}");
            }
        }
    }

    #[test]
    fn labels_come_from_the_catalogue_in_both_languages() {
        assert_eq!(Status::Pelanggaran.label(Lang::Id), "Pelanggaran");
        assert_eq!(Status::Kajian.label(Lang::En), "Review (kajian)");
        // A status and a violation type of the same code read the same.
        assert_eq!(
            Status::BukanPelanggaran.label(Lang::En),
            ViolationType::BukanPelanggaran.label(Lang::En)
        );
        assert_eq!(
            TypeGroup::BelumDitentukan.label(Lang::Id),
            "Belum ditentukan"
        );
        assert_eq!(
            TypeGroup::BelumDitentukan.label(Lang::En),
            "Not yet determined"
        );
        // The former label still reads back (files exported before it changed).
        assert_eq!(
            TypeGroup::lookup("Dalam proses"),
            Some(TypeGroup::BelumDitentukan)
        );
        assert_eq!(
            PartyCategory::lookup("Peserta pemilu (partai)"),
            Some(PartyCategory::Peserta)
        );
        // Domain terms stay Indonesian in English.
        assert_eq!(Source::Temuan.label(Lang::En), "Temuan");
        assert_eq!(
            Forwarding::Gakkumdu.label(Lang::En),
            "The police (via Gakkumdu)"
        );
        assert_eq!(
            Forwarding::Gakkumdu.label(Lang::Id),
            "Penyidik Polri (melalui Sentra Gakkumdu)"
        );
        // The label pantau printed before still reads back.
        assert_eq!(
            Forwarding::lookup("Sentra Gakkumdu"),
            Some(Forwarding::Gakkumdu)
        );
    }

    #[test]
    fn routing_follows_the_type_and_who_was_reported() {
        use PartyCategory as K;
        let etik = ViolationType::KodeEtik;
        assert_eq!(
            etik.forwarding(Some(K::Penyelenggara)),
            Some(Forwarding::Dkpp)
        );
        assert_eq!(
            etik.forwarding(Some(K::PenyelenggaraAdhoc)),
            Some(Forwarding::Kpu)
        );
        assert_eq!(
            etik.forwarding(Some(K::PengawasAdhoc)),
            Some(Forwarding::Bawaslu)
        );
        assert_eq!(
            ViolationType::Pidana.forwarding(Some(K::TimKampanye)),
            Some(Forwarding::Gakkumdu)
        );
        assert_eq!(
            ViolationType::HukumLainnya.forwarding(Some(K::Asn)),
            Some(Forwarding::Kasn)
        );
        assert_eq!(
            ViolationType::HukumLainnya.forwarding(Some(K::KepalaDesa)),
            Some(Forwarding::InstansiLain)
        );
        assert_eq!(
            ViolationType::Administrasi.forwarding(None),
            Some(Forwarding::Kpu)
        );
        assert_eq!(ViolationType::BukanPelanggaran.forwarding(None), None);
        // An old PENYELENGGARA still reads, by its old label too.
        assert_eq!(
            PartyCategory::lookup("KPU/PPK/PPS/KPPS"),
            Some(K::Penyelenggara)
        );
        assert_eq!(
            PartyCategory::lookup("ppk/pps/kpps"),
            Some(K::PenyelenggaraAdhoc)
        );
    }

    #[test]
    fn follow_up_steps_fit_their_types_only() {
        use FollowUpStep as F;
        assert!(F::Putusan.fits(ViolationType::Pidana));
        assert!(F::Sp3.fits(ViolationType::Pidana));
        assert!(!F::Putusan.fits(ViolationType::KodeEtik));
        assert!(F::PutusanDkpp.fits(ViolationType::KodeEtik));
        assert!(F::KeputusanKpu.fits(ViolationType::KodeEtik));
        assert!(F::RekomendasiInstansi.fits(ViolationType::HukumLainnya));
        assert!(F::PerbaikanKpu.fits(ViolationType::Administrasi));
        assert!(!F::PerbaikanKpu.fits(ViolationType::Pidana));
        for s in F::ALL {
            assert!(!s.fits(ViolationType::BukanPelanggaran));
            assert!(!s.types().is_empty(), "{s:?}");
        }
        // Typed in either language, or as officers say it.
        assert_eq!(F::lookup("verdict"), Some(F::Putusan));
        assert_eq!(F::lookup("putusan"), Some(F::Putusan));
        assert_eq!(F::lookup("sp3"), Some(F::Sp3));
        assert_eq!(F::lookup("Putusan DKPP"), Some(F::PutusanDkpp));
        // No label, current or former, names two steps.
        for a in F::ALL {
            for l in [a.label(Lang::Id), a.label(Lang::En)]
                .iter()
                .chain(a.former_labels())
            {
                assert_eq!(F::lookup(l), Some(*a), "{l}");
            }
        }
    }

    #[test]
    fn closed_statuses_have_no_deadline() {
        assert!(!Status::Pelanggaran.is_open());
        assert!(Status::Kajian.is_open());
        assert_eq!(Status::KajianAwal.phase(), Phase::Intake);
    }
}
