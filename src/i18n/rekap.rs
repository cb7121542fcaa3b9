//! The words of `pantau rekap`, the office's weekly release of the campaign: its headings, the
//! sentences that carry its figures, and the handling digest, each in Bahasa Indonesia and
//! English. A message without both texts does not compile.

use serde::Serialize;

use super::Lang;

/// What happened to a case in a week's handling, as the digest counts it per office. The order is
/// the order a release tells them in: cases in, decisions, then where they went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Handled {
    /// A temuan set (received) that week.
    NewTemuan,
    /// A laporan received that week.
    NewLaporan,
    /// Registered.
    Registered,
    /// A laporan the reporter was asked to complete (melengkapi syarat).
    Completing,
    /// A temuan not registered.
    TemuanNotRegistered,
    /// A laporan not registered.
    LaporanNotRegistered,
    /// Withdrawn by the reporter.
    Withdrawn,
    /// Deliberated in Sentra Gakkumdu.
    Gakkumdu,
    /// Decided as a violation.
    Violation,
    /// Decided as not a violation.
    NotViolation,
    /// Handling stopped.
    Stopped,
    /// A crime forwarded to the police investigator after the Gakkumdu deliberation.
    ToPolice,
    /// Ethics of KPU or Bawaslu members, forwarded to DKPP.
    ToDkpp,
    /// An administrative (or TSM) violation decided by Bawaslu itself: only its follow-up, the
    /// correction, goes to KPU (domain.md §4), so it is not said to be forwarded.
    AdministrativeDecided,
    /// Forwarded to KPU: ethics of its ad-hoc bodies (PPK, PPS, KPPS).
    ToKpu,
    /// Forwarded to KASN (later BKN): civil servants' neutrality.
    ToKasn,
    /// Handled by Bawaslu itself (ethics of its ad-hoc supervisors).
    ToBawaslu,
    /// Forwarded to another agency.
    ToAgency,
    /// A forwarded crime under police investigation (penyidikan).
    Investigation,
    /// A police investigation stopped (SP3).
    Sp3,
    /// A crime reaching prosecution (penuntutan).
    Prosecution,
    /// A crime tried in court (persidangan).
    Trial,
    /// A crime reaching the court's verdict (putusan pengadilan).
    Verdict,
    /// DKPP's ruling on a KPU or Bawaslu member.
    DkppRuling,
    /// KPU's decision on members of its ad-hoc bodies.
    KpuDecision,
    /// Bawaslu's own decision on an ad-hoc supervisor.
    BawasluRuling,
    /// The recommendation of BKN (formerly KASN) or another agency.
    AgencyRecommendation,
    /// KPU's correction of the procedure.
    KpuCorrection,
}

/// One message of `rekap`, with the values it shows.
#[derive(Clone, Copy)]
pub enum Rekap<'a> {
    /// The release's title, naming its election in the release's language: `Rekap pengawasan
    /// kampanye Pemilu 2024, Pekan ke-6 (2–8 Jan 2024)`.
    Title { election: &'a str, pekan: &'a str },
    /// A supervising office: `Bawaslu Kota Balikpapan`, `Bawaslu Provinsi Kalimantan Timur`.
    Office { name: &'a str },
    /// The line under the title: the office, the campaign and the date counted at.
    Subtitle {
        office: &'a str,
        stage: &'a str,
        days: &'a str,
        as_of: &'a str,
    },
    /// The pekan is still running at the date counted at.
    UnderWay { upto: &'a str },
    /// The activities part's heading.
    ActivitiesHeading,
    /// The activities of the pekan and since the campaign began.
    ActivitiesLine {
        pekan: &'a str,
        since: &'a str,
        cumulative: &'a str,
    },
    /// No activity figure is loaded at all.
    NoActivities,
    /// Figures are loaded, but none for this pekan.
    NoActivitiesThisPekan { pekan: &'a str },
    /// The region with the fewest activities in the pekan (or several, tied).
    Quietest { names: &'a str, count: &'a str },
    /// Regions without any activity figure up to this pekan.
    NoFigures { names: &'a str },
    /// Column: this pekan.
    ColPekan,
    /// Column: since the campaign began.
    ColCumulative,
    /// Column: the campaign method.
    ColMethod,
    /// Column: the kind of contestant, in the words of the election's kind: Peserta Pemilu, or
    /// Peserta Pemilihan for a pemilihan (Pilkada).
    ColContestant { pemilihan: bool },
    /// Column: the party.
    ColParty,
    /// A figure not broken down by party.
    NoParty,
    /// Column: a pemilihan's candidate pair.
    ColPair,
    /// A pemilihan's figure not broken down by candidate pair.
    NoPair,
    /// The cases part's heading.
    CasesHeading,
    /// The cases received in the pekan and since the campaign began, with the temuan/laporan split.
    CasesLine {
        pekan: &'a str,
        temuan: &'a str,
        laporan: &'a str,
        since: &'a str,
        cumulative: &'a str,
        cumulative_temuan: &'a str,
        cumulative_laporan: &'a str,
    },
    /// Which convention the types follow.
    TypeConvention,
    /// The digest's heading.
    DigestHeading,
    /// The offices with nothing handled in the pekan, on one line.
    Quiet { names: &'a str },
    /// No office handled anything in the pekan.
    NothingHandled,
    /// One line of the digest: `n` cases to which `what` happened.
    Event {
        what: Handled,
        n: i64,
        count: &'a str,
    },
    /// `--pekan` names a pekan the campaign does not have.
    PekanOutside {
        number: u32,
        count: u32,
        days: &'a str,
    },
    /// The date counted at comes before the pekan begins.
    PekanNotBegun { pekan: &'a str, as_of: &'a str },
    /// The reference data has no campaign stage with both its dates.
    NoCampaign,
    /// The JSON could not be written.
    Encode { error: &'a dyn std::fmt::Display },
}

impl Rekap<'_> {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Id};
        match (*self, lang) {
            (Self::Title { election, pekan }, Id) => {
                format!("Rekap pengawasan kampanye {election}, {pekan}")
            }
            (Self::Title { election, pekan }, En) => {
                format!("Campaign supervision recap, {election}, {pekan}")
            }
            (Self::Office { name }, Id | En) => format!("Bawaslu {name}"),
            (
                Self::Subtitle {
                    office,
                    stage,
                    days,
                    as_of,
                },
                Id,
            ) => format!("{office} · {stage} ({days}) · per {as_of}"),
            (
                Self::Subtitle {
                    office,
                    stage,
                    days,
                    as_of,
                },
                En,
            ) => format!("{office} · {stage} ({days}) · as of {as_of}"),
            (Self::UnderWay { upto }, Id) => {
                format!("Pekan ini masih berjalan: dihitung sampai {upto}.")
            }
            (Self::UnderWay { upto }, En) => {
                format!("This week is still running: counted up to {upto}.")
            }
            (Self::ActivitiesHeading, Id) => "Kegiatan kampanye yang diawasi".into(),
            (Self::ActivitiesHeading, En) => "Campaign activities supervised".into(),
            (
                Self::ActivitiesLine {
                    pekan,
                    since,
                    cumulative,
                },
                Id,
            ) => format!("Pekan ini: {pekan} kegiatan · {since}: {cumulative} kegiatan"),
            (
                Self::ActivitiesLine {
                    pekan,
                    since,
                    cumulative,
                },
                En,
            ) => format!("This week: {pekan} activities · {since}: {cumulative} activities"),
            (Self::NoActivities, Id) => {
                "Belum ada data kegiatan kampanye yang dimuat; kasus tetap dihitung di bawah."
                    .into()
            }
            (Self::NoActivities, En) => {
                "No campaign activities are loaded; the cases below are counted all the same."
                    .into()
            }
            (Self::NoActivitiesThisPekan { pekan }, Id) => {
                format!("Belum ada data kegiatan {pekan} yang dimuat.")
            }
            (Self::NoActivitiesThisPekan { pekan }, En) => {
                format!("No activity figures are loaded for {pekan}.")
            }
            (Self::Quietest { names, count }, Id) => {
                format!("Paling sedikit pekan ini: {names} ({count} kegiatan).")
            }
            (Self::Quietest { names, count }, En) => {
                format!("Fewest this week: {names} ({count} activities).")
            }
            (Self::NoFigures { names }, Id) => format!("Tanpa data kegiatan: {names}."),
            (Self::NoFigures { names }, En) => format!("No activity figures: {names}."),
            (Self::ColPekan, Id) => "Pekan ini".into(),
            (Self::ColPekan, En) => "This week".into(),
            (Self::ColCumulative, Id) => "Kumulatif".into(),
            (Self::ColCumulative, En) => "Cumulative".into(),
            (Self::ColMethod, Id) => "Metode".into(),
            (Self::ColMethod, En) => "Method".into(),
            (Self::ColContestant { pemilihan: false }, Id) => "Peserta Pemilu".into(),
            (Self::ColContestant { pemilihan: true }, Id) => "Peserta Pemilihan".into(),
            (Self::ColContestant { .. }, En) => "Contestant".into(),
            (Self::ColParty, Id) => "Partai".into(),
            (Self::ColParty, En) => "Party".into(),
            (Self::NoParty, Id) => "(tidak dirinci per partai)".into(),
            (Self::NoParty, En) => "(not broken down by party)".into(),
            (Self::ColPair, Id) => "Pasangan calon".into(),
            (Self::ColPair, En) => "Candidate pair".into(),
            (Self::NoPair, Id) => "(tidak dirinci per pasangan calon)".into(),
            (Self::NoPair, En) => "(not broken down by candidate pair)".into(),
            (Self::CasesHeading, Id) => "Dugaan pelanggaran pada tahapan kampanye".into(),
            (Self::CasesHeading, En) => "Suspected violations in the campaign stage".into(),
            (
                Self::CasesLine {
                    pekan,
                    temuan,
                    laporan,
                    since,
                    cumulative,
                    cumulative_temuan,
                    cumulative_laporan,
                },
                Id,
            ) => format!(
                "Diterima pekan ini: {pekan} ({temuan} temuan, {laporan} laporan) · {since}: \
                 {cumulative} ({cumulative_temuan} temuan, {cumulative_laporan} laporan)"
            ),
            (
                Self::CasesLine {
                    pekan,
                    temuan,
                    laporan,
                    since,
                    cumulative,
                    cumulative_temuan,
                    cumulative_laporan,
                },
                En,
            ) => format!(
                "Received this week: {pekan} ({temuan} temuan, {laporan} laporan) · {since}: \
                 {cumulative} ({cumulative_temuan} temuan, {cumulative_laporan} laporan)"
            ),
            (Self::TypeConvention, Id) => "Jenis: jenis terbukti bila sudah diputus, selain itu \
                 jenis dugaan, atas seluruh kasus (cara rilis akhir tahun Bawaslu Kaltim), bukan \
                 jenis di antara pelanggaran saja (cara rekap Bawaslu RI)."
                .into(),
            (Self::TypeConvention, En) => "Type: the proven type once decided, else the suspected \
                 type, over all cases (as Bawaslu Kaltim's year-end release counts), not types \
                 among violations only (as Bawaslu RI's recap counts)."
                .into(),
            (Self::DigestHeading, Id) => "Penanganan pekan ini, per kantor".into(),
            (Self::DigestHeading, En) => "Handling this week, by office".into(),
            (Self::Quiet { names }, Id) => {
                format!("Tanpa kegiatan penanganan pekan ini: {names}.")
            }
            (Self::Quiet { names }, En) => format!("Nothing handled this week: {names}."),
            (Self::NothingHandled, Id) => "Tidak ada kegiatan penanganan pada pekan ini.".into(),
            (Self::NothingHandled, En) => "Nothing was handled this week.".into(),
            (Self::Event { what, n: _, count }, Id) => format!("{count} {}", event_id(what)),
            (Self::Event { what, n, count }, En) => format!("{count} {}", event_en(what, n)),
            (
                Self::PekanOutside {
                    number,
                    count,
                    days,
                },
                Id,
            ) => format!(
                "--pekan {number}: masa kampanye ({days}) terdiri atas pekan ke-1 sampai \
                 pekan ke-{count}"
            ),
            (
                Self::PekanOutside {
                    number,
                    count,
                    days,
                },
                En,
            ) => format!("--pekan {number}: the campaign ({days}) has weeks 1 to {count}"),
            (Self::PekanNotBegun { pekan, as_of }, Id) => {
                format!("{pekan} belum dimulai pada {as_of}; pilih tanggal lain dengan --as-of")
            }
            (Self::PekanNotBegun { pekan, as_of }, En) => {
                format!("{pekan} had not begun by {as_of}; choose another date with --as-of")
            }
            (Self::NoCampaign, Id) => "data acuan tidak memuat tahapan KAMPANYE dengan tanggal \
                 mulai dan selesainya; perbaiki stages.csv lalu jalankan `pantau init --reference`"
                .into(),
            (Self::NoCampaign, En) => "the reference data has no KAMPANYE stage with both its \
                 dates; correct stages.csv and run `pantau init --reference`"
                .into(),
            (Self::Encode { error }, Id) => {
                format!("rekap tidak dapat ditulis sebagai JSON: {error}")
            }
            (Self::Encode { error }, En) => {
                format!("the recap could not be written as JSON: {error}")
            }
        }
    }
}

/// What happened, after its number, in Indonesian (which does not inflect).
fn event_id(what: Handled) -> &'static str {
    match what {
        Handled::NewTemuan => "temuan baru",
        Handled::NewLaporan => "laporan baru",
        Handled::Registered => "diregistrasi",
        Handled::Completing => "laporan diminta melengkapi syarat",
        Handled::TemuanNotRegistered => "temuan tidak diregistrasi",
        Handled::LaporanNotRegistered => "laporan tidak diregistrasi",
        Handled::Withdrawn => "laporan dicabut",
        Handled::Gakkumdu => "dibahas di Sentra Gakkumdu",
        Handled::Violation => "dinyatakan pelanggaran",
        Handled::NotViolation => "dinyatakan bukan pelanggaran",
        Handled::Stopped => "dihentikan",
        Handled::ToPolice => "diteruskan ke Penyidik Polri melalui Sentra Gakkumdu",
        Handled::ToDkpp => "diteruskan ke DKPP",
        Handled::AdministrativeDecided => "pelanggaran administrasi diputus (perbaikan oleh KPU)",
        Handled::ToKpu => "diteruskan ke KPU",
        Handled::ToKasn => "diteruskan ke KASN/BKN",
        Handled::ToBawaslu => "ditangani Bawaslu (pengawas ad hoc)",
        Handled::ToAgency => "diteruskan ke instansi terkait",
        Handled::Investigation => "perkara masuk penyidikan Polri",
        Handled::Sp3 => "SP3",
        Handled::Prosecution => "perkara sampai penuntutan",
        Handled::Trial => "perkara disidangkan",
        Handled::Verdict => "perkara sampai putusan pengadilan",
        Handled::DkppRuling => "putusan DKPP",
        Handled::KpuDecision => "keputusan KPU atas anggota badan ad hoc",
        Handled::BawasluRuling => "putusan Bawaslu atas pengawas ad hoc",
        Handled::AgencyRecommendation => "rekomendasi BKN/instansi",
        Handled::KpuCorrection => "perbaikan oleh KPU",
    }
}

/// What happened, after its number `n`, in English.
fn event_en(what: Handled, n: i64) -> &'static str {
    let one = n == 1;
    match what {
        Handled::NewTemuan => "new temuan",
        Handled::NewLaporan => "new laporan",
        Handled::Registered => "registered",
        Handled::Completing => "laporan sent back for completing the report",
        Handled::TemuanNotRegistered => "temuan not registered",
        Handled::LaporanNotRegistered => "laporan not registered",
        Handled::Withdrawn => "laporan withdrawn",
        Handled::Gakkumdu => "deliberated in Sentra Gakkumdu",
        Handled::Violation if one => "decided as a violation",
        Handled::Violation => "decided as violations",
        Handled::NotViolation if one => "decided as not a violation",
        Handled::NotViolation => "decided as not violations",
        Handled::Stopped => "stopped",
        Handled::ToPolice => "forwarded to the police (via Gakkumdu)",
        Handled::ToDkpp => "forwarded to DKPP",
        Handled::AdministrativeDecided if one => {
            "administrative violation decided (KPU to correct)"
        }
        Handled::AdministrativeDecided => "administrative violations decided (KPU to correct)",
        Handled::ToKpu => "forwarded to KPU",
        Handled::ToKasn => "forwarded to KASN/BKN",
        Handled::ToBawaslu => "handled by Bawaslu (ad-hoc supervisors)",
        Handled::ToAgency => "forwarded to the agency concerned",
        Handled::Investigation if one => "case under police investigation",
        Handled::Investigation => "cases under police investigation",
        Handled::Sp3 => "SP3 (investigation stopped)",
        Handled::Prosecution if one => "case reached prosecution",
        Handled::Prosecution => "cases reached prosecution",
        Handled::Trial if one => "case tried in court",
        Handled::Trial => "cases tried in court",
        Handled::Verdict if one => "case reached a court verdict",
        Handled::Verdict => "cases reached a court verdict",
        Handled::DkppRuling if one => "DKPP ruling",
        Handled::DkppRuling => "DKPP rulings",
        Handled::KpuDecision if one => "KPU decision on an ad-hoc body's member",
        Handled::KpuDecision => "KPU decisions on ad-hoc bodies' members",
        Handled::BawasluRuling if one => "Bawaslu ruling on an ad-hoc supervisor",
        Handled::BawasluRuling => "Bawaslu rulings on ad-hoc supervisors",
        Handled::AgencyRecommendation if one => "BKN/agency recommendation",
        Handled::AgencyRecommendation => "BKN/agency recommendations",
        Handled::KpuCorrection if one => "correction by KPU",
        Handled::KpuCorrection => "corrections by KPU",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_uses_the_offices_words() {
        let e = |what, n: i64, lang| {
            Rekap::Event {
                what,
                n,
                count: &n.to_string(),
            }
            .text(lang)
        };
        assert_eq!(
            e(Handled::ToPolice, 1, Lang::Id),
            "1 diteruskan ke Penyidik Polri melalui Sentra Gakkumdu"
        );
        assert_eq!(
            e(Handled::ToPolice, 1, Lang::En),
            "1 forwarded to the police (via Gakkumdu)"
        );
        assert_eq!(e(Handled::NewTemuan, 2, Lang::Id), "2 temuan baru");
        // Bawaslu decides an administrative violation itself; only the correction is KPU's.
        assert_eq!(
            e(Handled::AdministrativeDecided, 1, Lang::Id),
            "1 pelanggaran administrasi diputus (perbaikan oleh KPU)"
        );
        assert_eq!(
            e(Handled::AdministrativeDecided, 1, Lang::En),
            "1 administrative violation decided (KPU to correct)"
        );
        assert_eq!(
            e(Handled::AdministrativeDecided, 2, Lang::En),
            "2 administrative violations decided (KPU to correct)"
        );
        assert_eq!(
            e(Handled::Violation, 2, Lang::En),
            "2 decided as violations"
        );
        assert_eq!(
            e(Handled::LaporanNotRegistered, 1, Lang::Id),
            "1 laporan tidak diregistrasi"
        );
    }

    #[test]
    fn the_steps_after_forwarding_read_as_the_releases_say_them() {
        let e = |what, n: i64, lang| {
            Rekap::Event {
                what,
                n,
                count: &n.to_string(),
            }
            .text(lang)
        };
        assert_eq!(
            e(Handled::Verdict, 1, Lang::Id),
            "1 perkara sampai putusan pengadilan"
        );
        assert_eq!(e(Handled::Sp3, 1, Lang::Id), "1 SP3");
        assert_eq!(e(Handled::DkppRuling, 1, Lang::Id), "1 putusan DKPP");
        assert_eq!(
            e(Handled::Verdict, 2, Lang::En),
            "2 cases reached a court verdict"
        );
        assert_eq!(e(Handled::DkppRuling, 1, Lang::En), "1 DKPP ruling");
    }
}
