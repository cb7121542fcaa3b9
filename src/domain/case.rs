//! One case (penanganan pelanggaran) and one change of its status.
//! Plain data with the rules that need no database; the store reads and writes it.

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::{
    FollowUpStep, Forwarding, PartyCategory, Source, Status, TypeGroup, ViolationType,
};

/// A case as recorded at the handling office. Field names follow the Indonesian data model and are
/// the column names of the database, of exports and of imports.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Case {
    /// Intake number: unique, required (e.g. `001/LP/PL/Kota/23.05/I/2024`).
    pub nomor: String,
    /// Registration number, once registered.
    pub nomor_registrasi: Option<String>,
    pub sumber: Source,
    /// Handling office: a Kemendagri region code (`64.71`).
    pub kode_wilayah: String,
    pub kecamatan: Option<String>,
    /// Election stage code (`KAMPANYE`); recorded, never derived from a date.
    pub kode_tahapan: String,
    pub tanggal_kejadian: Option<NaiveDate>,
    pub tanggal_diketahui: Option<NaiveDate>,
    /// Received (laporan) or set as temuan: the date that counts for "as of".
    pub tanggal_diterima: NaiveDate,
    pub tanggal_registrasi: Option<NaiveDate>,
    /// Current status.
    pub status: Status,
    /// Whether the examination was extended to 14 working days after registration in total.
    pub diperpanjang: bool,
    pub jenis_dugaan: Option<ViolationType>,
    pub jenis_pelanggaran: Option<ViolationType>,
    pub pasal: Option<String>,
    pub uraian: String,
    pub terlapor: Option<String>,
    pub kategori_terlapor: Option<PartyCategory>,
    pub pelapor: Option<String>,
    pub diteruskan_ke: Option<Forwarding>,
    pub nomor_surat_penerusan: Option<String>,
    pub tanggal_penerusan: Option<NaiveDate>,
    /// The election the case belongs to (`PEMILU2024`, `PILKADA2024`): its stages, limits and
    /// campaign are that election's. Required: no writer may leave it to a default. Stored in
    /// the column `election`, written `pemilihan` in exports and imports like the other
    /// Indonesian column names. The fields come in the order of the import's columns, since an
    /// exported CSV row is this struct serialised field by field.
    #[serde(rename = "pemilihan")]
    pub election: String,
    /// The race the case concerns, where known: a contest code of its election (`GUBERNUR`,
    /// `BUPATI_PASER`, `PRESIDEN`).
    pub kontestasi: Option<String>,
    /// Where it happened, when known: the kecamatan's Kemendagri code (`64.72.03`). `kecamatan`
    /// then holds its name as the region tree spells it; a `kecamatan` without this code is a
    /// name the tree does not know (kept as written, and listed by `pantau doctor`).
    pub kode_kecamatan: Option<String>,
    /// The kelurahan/desa's code (`64.72.03.1001`), within the kecamatan.
    pub kode_desa: Option<String>,
    /// The polling station's number within the kelurahan/desa (TPS 5 is `5`).
    pub tps: Option<u16>,
}

impl Case {
    /// A new case with the required fields and everything else empty.
    pub fn new(
        election: &str,
        nomor: &str,
        sumber: Source,
        kode_wilayah: &str,
        kode_tahapan: &str,
        diterima: NaiveDate,
    ) -> Case {
        Case {
            election: election.to_string(),
            nomor: nomor.to_string(),
            nomor_registrasi: None,
            sumber,
            kode_wilayah: kode_wilayah.to_string(),
            kecamatan: None,
            kode_tahapan: kode_tahapan.to_string(),
            tanggal_kejadian: None,
            tanggal_diketahui: None,
            tanggal_diterima: diterima,
            tanggal_registrasi: None,
            status: match sumber {
                Source::Temuan => Status::Penelusuran,
                Source::Laporan => Status::Diterima,
            },
            diperpanjang: false,
            jenis_dugaan: None,
            jenis_pelanggaran: None,
            pasal: None,
            uraian: String::new(),
            terlapor: None,
            kategori_terlapor: None,
            pelapor: None,
            diteruskan_ke: None,
            nomor_surat_penerusan: None,
            tanggal_penerusan: None,
            kontestasi: None,
            kode_kecamatan: None,
            kode_desa: None,
            tps: None,
        }
    }

    /// The type a report counts this case under, given its status at that time ("suspected
    /// types of all cases"): the proven type once decided, else the suspected type; a case closed
    /// without a decision (not registered, withdrawn, stopped) is "not pursued" whatever it was
    /// suspected of; an open case without a suspected type is "not yet determined".
    pub fn type_group(
        status: Status,
        dugaan: Option<ViolationType>,
        terbukti: Option<ViolationType>,
    ) -> TypeGroup {
        let t = match status {
            Status::BukanPelanggaran => Some(ViolationType::BukanPelanggaran),
            Status::Pelanggaran => terbukti.or(dugaan),
            // Suspected types of all cases (the Kaltim year-end convention) count a case closed
            // without a decision by its suspected type; one with none was not pursued, never "in
            // process".
            s if !s.is_open() && dugaan.is_none() => return TypeGroup::TidakDitindaklanjuti,
            _ => dugaan,
        };
        match t {
            Some(ViolationType::Administrasi) => TypeGroup::Administrasi,
            Some(ViolationType::Pidana) => TypeGroup::Pidana,
            Some(ViolationType::KodeEtik) => TypeGroup::KodeEtik,
            Some(ViolationType::HukumLainnya) => TypeGroup::HukumLainnya,
            Some(ViolationType::Tsm) => TypeGroup::Tsm,
            Some(ViolationType::BukanPelanggaran) => TypeGroup::BukanPelanggaran,
            None => TypeGroup::BelumDitentukan,
        }
    }
}

/// One entry of a case's status history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusChange {
    /// The previous status; `None` for the first entry.
    pub from: Option<Status>,
    pub to: Status,
    pub at: NaiveDateTime,
    /// Who made the change (a user name or the office).
    pub by: String,
    pub note: Option<String>,
}

/// One step of what happened after a case was forwarded (tindak lanjut): the police
/// investigation, a trial, a verdict with the court's case number, DKPP's ruling, ...
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FollowUp {
    #[serde(rename = "tahap")]
    pub step: FollowUpStep,
    #[serde(rename = "tanggal")]
    pub on: NaiveDate,
    /// The decision's or letter's number (`12/Pid.Sus/2024/PN Bpp`).
    #[serde(rename = "nomor")]
    pub reference: Option<String>,
    #[serde(rename = "catatan")]
    pub note: Option<String>,
}

/// Why a follow-up step cannot be recorded on a case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FollowUpMisfit {
    /// The step does not follow a violation of the case's type.
    Type {
        step: FollowUpStep,
        case_type: ViolationType,
    },
    /// The step is dated before the case was forwarded.
    Before { on: NaiveDate, forwarded: NaiveDate },
    /// The case has no forwarding date, and the step is dated before it was received.
    BeforeReceipt { on: NaiveDate, received: NaiveDate },
}

impl Case {
    /// The type a follow-up step must fit: the proven type, else the suspected one.
    pub fn follow_up_type(&self) -> Option<ViolationType> {
        self.jenis_pelanggaran.or(self.jenis_dugaan)
    }

    /// Whether `f` can be recorded on this case: a step that fits its type (when it has one), dated
    /// on or after its forwarding (or, before it is forwarded, its receipt).
    pub fn check_follow_up(&self, f: &FollowUp) -> Result<(), FollowUpMisfit> {
        if let Some(t) = self.follow_up_type()
            && !f.step.fits(t)
        {
            return Err(FollowUpMisfit::Type {
                step: f.step,
                case_type: t,
            });
        }
        match self.tanggal_penerusan {
            Some(forwarded) if f.on < forwarded => Err(FollowUpMisfit::Before {
                on: f.on,
                forwarded,
            }),
            None if f.on < self.tanggal_diterima => Err(FollowUpMisfit::BeforeReceipt {
                on: f.on,
                received: self.tanggal_diterima,
            }),
            _ => Ok(()),
        }
    }
}

/// The latest of `steps` reached on or before `as_of`: the last by date, a later step of the
/// list first on the same day.
pub fn latest_step(steps: &[FollowUp], as_of: NaiveDate) -> Option<&FollowUp> {
    steps
        .iter()
        .filter(|f| f.on <= as_of)
        .max_by_key(|f| (f.on, f.step))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_group_follows_the_status() {
        let d = Some(ViolationType::Pidana);
        assert_eq!(Case::type_group(Status::Kajian, d, None), TypeGroup::Pidana);
        assert_eq!(
            Case::type_group(Status::Pelanggaran, d, Some(ViolationType::KodeEtik)),
            TypeGroup::KodeEtik
        );
        assert_eq!(
            Case::type_group(Status::BukanPelanggaran, d, None),
            TypeGroup::BukanPelanggaran
        );
        assert_eq!(
            Case::type_group(Status::Penelusuran, None, None),
            TypeGroup::BelumDitentukan
        );
    }

    #[test]
    fn a_case_closed_without_a_decision_is_never_in_process() {
        let d = Some(ViolationType::Pidana);
        for closed in [
            Status::TidakDiregistrasi,
            Status::Dicabut,
            Status::Dihentikan,
        ] {
            // Suspected types of all cases: the suspected type, as the Kaltim year-end release.
            assert_eq!(Case::type_group(closed, d, None), TypeGroup::Pidana);
            assert_eq!(
                Case::type_group(closed, None, None),
                TypeGroup::TidakDitindaklanjuti
            );
        }
    }
}
