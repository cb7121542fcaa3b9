//! The fixed code lists of the domain (source, status, violation type, party category, forwarding),
//! each code with its Indonesian and English label. The one place these codes are spelled out.

use crate::i18n::Lang;

/// Defines a code enum with its stored code and its labels in both languages.
macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal, $id:literal, $en:literal;)+ }) => {
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
                match self { $($name::$variant => lang.pick($id, $en),)+ }
            }

            /// The value whose code is exactly `code`.
            pub fn from_code(code: &str) -> Option<$name> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }

            /// The value whose code or label (either language) matches `text`, ignoring case,
            /// spaces, dashes and underscores.
            pub fn lookup(text: &str) -> Option<$name> {
                let want = crate::domain::fold(text);
                $name::ALL.iter().copied().find(|v| {
                    crate::domain::fold(v.code()) == want
                        || crate::domain::fold(v.label(Lang::Id)) == want
                        || crate::domain::fold(v.label(Lang::En)) == want
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
        Temuan = "temuan", "Temuan", "Temuan";
        /// A report by a voter, a contestant or a registered monitor.
        Laporan = "laporan", "Laporan", "Laporan";
    }
}

code_enum! {
    /// The handling status of a case (Perbawaslu 7/2022 and 8/2022).
    Status {
        InformasiAwal = "INFORMASI_AWAL", "Informasi awal", "Initial information";
        Penelusuran = "PENELUSURAN", "Penelusuran", "Tracing";
        Diterima = "DITERIMA", "Diterima", "Received";
        KajianAwal = "KAJIAN_AWAL", "Kajian awal", "Initial review";
        PerbaikanSyarat = "PERBAIKAN_SYARAT", "Perbaikan syarat", "Completing requirements";
        Diregistrasi = "DIREGISTRASI", "Diregistrasi", "Registered";
        TidakDiregistrasi = "TIDAK_DIREGISTRASI", "Tidak diregistrasi", "Not registered";
        Dicabut = "DICABUT", "Dicabut", "Withdrawn";
        Klarifikasi = "KLARIFIKASI", "Klarifikasi", "Clarification";
        Kajian = "KAJIAN", "Kajian", "Examination";
        PembahasanGakkumdu = "PEMBAHASAN_GAKKUMDU", "Pembahasan Gakkumdu", "Gakkumdu discussion";
        Pelanggaran = "PELANGGARAN", "Pelanggaran (diteruskan)", "Violation (forwarded)";
        BukanPelanggaran = "BUKAN_PELANGGARAN", "Bukan pelanggaran", "Not a violation";
        Dihentikan = "DIHENTIKAN", "Dihentikan", "Stopped";
    }
}

/// Which deadline clock a status runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// A lead being traced: a temuan must be set within 7 days of being known.
    Lead,
    /// A laporan received: initial review within 2 days.
    Intake,
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
            Diterima | KajianAwal | PerbaikanSyarat => Phase::Intake,
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
        Administrasi = "ADMINISTRASI", "Administrasi", "Administrative";
        Pidana = "PIDANA", "Pidana", "Election crime";
        KodeEtik = "KODE_ETIK", "Kode etik", "Ethics";
        HukumLainnya = "HUKUM_LAINNYA", "Hukum lainnya", "Other laws";
        Tsm = "TSM", "Administrasi TSM", "TSM administrative";
        BukanPelanggaran = "BUKAN_PELANGGARAN", "Bukan pelanggaran", "Not a violation";
    }
}

code_enum! {
    /// The type dimension of a report: the proven type once decided, else the suspected type,
    /// else not yet determined.
    TypeGroup {
        Administrasi = "ADMINISTRASI", "Administrasi", "Administrative";
        Pidana = "PIDANA", "Pidana", "Election crime";
        KodeEtik = "KODE_ETIK", "Kode etik", "Ethics";
        HukumLainnya = "HUKUM_LAINNYA", "Hukum lainnya", "Other laws";
        Tsm = "TSM", "Administrasi TSM", "TSM administrative";
        BukanPelanggaran = "BUKAN_PELANGGARAN", "Bukan pelanggaran", "Not a violation";
        BelumDitentukan = "BELUM_DITENTUKAN", "Dalam proses", "In process";
    }
}

code_enum! {
    /// Who the reported party is (kategori terlapor).
    PartyCategory {
        Peserta = "PESERTA", "Peserta pemilu (partai)", "Contestant (party)";
        Calon = "CALON", "Calon", "Candidate";
        TimKampanye = "TIM_KAMPANYE", "Tim kampanye", "Campaign team";
        Penyelenggara = "PENYELENGGARA", "KPU/PPK/PPS/KPPS", "KPU/PPK/PPS/KPPS";
        PengawasAdhoc = "PENGAWAS_ADHOC", "Pengawas ad hoc", "Ad-hoc supervisor";
        Asn = "ASN", "ASN", "Civil servant (ASN)";
        KepalaDesa = "KEPALA_DESA", "Kepala/perangkat desa", "Village head/official";
        TniPolri = "TNI_POLRI", "TNI/Polri", "TNI/Polri";
        Pejabat = "PEJABAT", "Pejabat negara/daerah", "State/regional official";
        Lainnya = "LAINNYA", "Lainnya", "Other";
    }
}

code_enum! {
    /// Where a case was forwarded (tindak lanjut).
    Forwarding {
        Kpu = "KPU", "KPU", "KPU";
        Gakkumdu = "GAKKUMDU", "Sentra Gakkumdu", "Sentra Gakkumdu";
        Dkpp = "DKPP", "DKPP", "DKPP";
        Kasn = "KASN", "KASN/BKN", "KASN/BKN";
        Bawaslu = "BAWASLU", "Bawaslu (pengawas ad hoc)", "Bawaslu (ad-hoc supervisors)";
        InstansiLain = "INSTANSI_LAIN", "Instansi lain", "Other agency";
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
    /// Where a proven violation of this type goes (domain.md §4).
    pub fn default_forwarding(self) -> Option<Forwarding> {
        match self {
            ViolationType::Administrasi | ViolationType::Tsm => Some(Forwarding::Kpu),
            ViolationType::Pidana => Some(Forwarding::Gakkumdu),
            ViolationType::KodeEtik => Some(Forwarding::Dkpp),
            ViolationType::HukumLainnya => Some(Forwarding::Kasn),
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
    fn closed_statuses_have_no_deadline() {
        assert!(!Status::Pelanggaran.is_open());
        assert!(Status::Kajian.is_open());
        assert_eq!(Status::KajianAwal.phase(), Phase::Intake);
    }
}
