//! The kinds of case a Pilkada brings in Kalimantan Timur (an independent's support verified
//! without meeting the supporters, candidates' papers accepted late or passed unchecked, civil
//! servants and village heads taking sides, money politics, campaign props, a campaign obstructed,
//! organisers not neutral, re-votes at a polling station): for each its stage, suspected type, reported party and an
//! Indonesian case summary naming the race and the pair. Laws cited are UU 1/2015 as amended to
//! UU 10/2016 (the Pilkada law) and the KPU rules of 2024.

use chrono::NaiveDate;
use fastrand::Rng;

use crate::demo::places::{Office, Place, office, pick_place, pick_village};
use crate::demo::texts::{
    Reporter, asn_post, evidence, hari_tgl, initials, one, opening, road, rupiah,
};
use crate::demo::topics::{Gift, Rendered, Spot};
use crate::domain::election::Contest;
use crate::domain::{PartyCategory, ViolationType};

/// The election's code.
pub(crate) const ELECTION: &str = "PILKADA2024";

/// A polling station where a re-vote (pemungutan suara ulang) was recommended after voting day
/// (domain.md §7), and what KPU did with the recommendation.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Tps {
    pub region: &'static str,
    /// "TPS 15".
    pub tps: &'static str,
    pub kel: &'static str,
    pub kec: &'static str,
    pub fate: Fate,
}

/// What KPU did with a re-vote recommendation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fate {
    /// Held on 2 or 3 Dec 2024.
    Held,
    /// KPU declined to hold it.
    Declined,
    /// Not published.
    Unknown,
}

/// One kind of Pilkada case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Coklit done without meeting the voters (pemutakhiran data pemilih, June–July 2024).
    Coklit,
    /// Soldiers, police officers and minors on the provisional voter list.
    DpsTms,
    /// An ad-hoc member recruited while a party member.
    RekrutmenAdhoc,
    /// A PPS member passing an independent pair's supporters in the factual verification without
    /// meeting them (dukungan calon perseorangan, May–August 2024).
    DukunganTanpaVerifikasi,
    /// KPU accepting a pair's registration papers outside the registration hours (27–29 Aug 2024).
    PendaftaranLewatWaktu,
    /// KPU passing a candidate whose papers lack a required document (penelitian persyaratan,
    /// 27 Aug – 21 Sep 2024).
    SyaratCalon,
    /// A civil servant supporting a pair on social media.
    AsnMedsos,
    /// A civil servant at a pair's campaign meeting.
    AsnKampanye,
    /// A village head taking sides.
    KadesBerpihak,
    PolitikUang(Gift),
    Apk(Spot),
    /// A campaign meeting held without notifying the police or outside its schedule.
    KampanyeLuarJadwal,
    /// A pair's campaign meeting obstructed (Balikpapan: the case that reached court).
    HalangiKampanye,
    /// Defamation and hoaxes about a pair.
    KampanyeHitam,
    /// Government buildings or cars used for a campaign.
    FasilitasPemerintah,
    /// A PPK or PPS member taking sides.
    AdhocTidakNetral,
    /// A village supervisor (PKD) or Panwaslu Kecamatan member taking sides.
    PengawasTidakNetral,
    /// A KPU member taking sides.
    KpuTidakNetral,
    UangMasaTenang,
    ApkMasaTenang,
    /// Money handed out on voting day, reported after it.
    UangHariH,
    Psu(&'static Tps),
    KppsProsedur,
    RekapSelisih,
}

use Kind::*;

impl Kind {
    /// The stage of Pilkada 2024 the case belongs to.
    pub fn stage(self) -> &'static str {
        match self {
            Coklit | DpsTms => "DATA_PEMILIH",
            RekrutmenAdhoc => "LAINNYA",
            DukunganTanpaVerifikasi => "DUKUNGAN_PERSEORANGAN",
            PendaftaranLewatWaktu => "PENDAFTARAN_PASLON",
            SyaratCalon => "PENELITIAN_PERSYARATAN",
            AsnMedsos | AsnKampanye | KadesBerpihak | PolitikUang(_) | Apk(_)
            | KampanyeLuarJadwal | HalangiKampanye | KampanyeHitam | FasilitasPemerintah
            | AdhocTidakNetral | PengawasTidakNetral | KpuTidakNetral => "KAMPANYE",
            UangMasaTenang | ApkMasaTenang => "MASA_TENANG",
            UangHariH | Psu(_) | KppsProsedur => "PUNGUT_HITUNG",
            RekapSelisih => "REKAPITULASI",
        }
    }

    /// The type suspected when the case is opened.
    pub fn dugaan(self) -> ViolationType {
        use ViolationType::*;
        match self {
            PolitikUang(_) | HalangiKampanye | KampanyeHitam | FasilitasPemerintah
            | UangMasaTenang | UangHariH => Pidana,
            RekrutmenAdhoc
            | DukunganTanpaVerifikasi
            | PendaftaranLewatWaktu
            | AdhocTidakNetral
            | PengawasTidakNetral
            | KpuTidakNetral
            | KppsProsedur => KodeEtik,
            AsnMedsos | AsnKampanye | KadesBerpihak => HukumLainnya,
            Coklit | DpsTms | SyaratCalon | Apk(_) | KampanyeLuarJadwal | ApkMasaTenang
            | Psu(_) | RekapSelisih => Administrasi,
        }
    }

    /// Whether the case is about a pair's candidacy, before the pairs were designated: a race's
    /// own office supervises its KPU's verification, registration and vetting.
    pub fn candidacy(self) -> bool {
        matches!(
            self,
            DukunganTanpaVerifikasi | PendaftaranLewatWaktu | SyaratCalon
        )
    }

    /// Whether the case concerns one race (and a pair in it).
    pub fn about_a_race(self) -> bool {
        !matches!(
            self,
            Coklit | DpsTms | RekrutmenAdhoc | Psu(_) | KppsProsedur | RekapSelisih
        )
    }

    /// Where the case happens: the re-vote's own polling station, a village for a village head.
    fn place(self, handling: &'static Office, rng: &mut Rng) -> Place {
        match self {
            Psu(t) => {
                let area = office(t.region);
                Place {
                    kec: t.kec,
                    kel: t.kel,
                    area,
                }
            }
            KadesBerpihak => pick_village(handling, rng),
            _ => pick_place(handling, rng),
        }
    }
}

/// A race as its pairs are named: "Bupati Kutai Timur", "Gubernur dan Wakil Gubernur Kalimantan
/// Timur", from the contest's name.
fn race_name(contest: Option<&Contest>) -> String {
    let Some(c) = contest else {
        return "kepala daerah".into();
    };
    if c.region.as_deref() == Some("64") {
        return "Gubernur dan Wakil Gubernur Kalimantan Timur".into();
    }
    let name = c.name_id.split(" (").next().unwrap_or(&c.name_id);
    name.trim_start_matches("Pemilihan ").to_string()
}

/// A pair of the race, by number: "Pasangan Calon Bupati Paser Nomor Urut 2", and its number.
fn pair(rng: &mut Rng, contest: Option<&Contest>) -> (String, u32) {
    let pairs = contest.and_then(|c| c.pairs).unwrap_or(2).max(1);
    let n = rng.u32(1..=pairs);
    (
        format!("Pasangan Calon {} Nomor Urut {n}", race_name(contest)),
        n,
    )
}

/// Who reports a case about pair `n`: a rival pair's team, or where the race has one pair (Samarinda
/// against the empty box), a volunteer of the empty box or a voter.
fn reporter(rng: &mut Rng, contest: Option<&Contest>, n: u32, place: &Place) -> String {
    let who = initials(rng);
    let pairs = contest.and_then(|c| c.pairs).unwrap_or(2).max(1);
    if pairs == 1 {
        return if rng.bool() {
            format!("{who} (relawan kolom kosong)")
        } else {
            format!("{who} (warga {})", place.kel)
        };
    }
    let mut rival = rng.u32(1..=pairs);
    if rival == n {
        rival = rival % pairs + 1;
    }
    match rng.u8(..4) {
        0 => format!("{who} (warga {})", place.kel),
        1 => format!("{who} (pemantau pemilihan terdaftar)"),
        _ => format!(
            "{who} (tim pemenangan Pasangan Calon {} Nomor Urut {rival})",
            race_name(contest)
        ),
    }
}

/// Renders the case texts. `date` is the day of the event; `contest` the race the case concerns.
pub(crate) fn render(
    kind: Kind,
    rng: &mut Rng,
    office: &'static Office,
    laporan: bool,
    date: NaiveDate,
    contest: Option<&Contest>,
) -> Rendered {
    let place = kind.place(office, rng);
    let (kec, kel) = (place.kec, place.kel);
    let area = place.area;
    let kpu = if office.is_province() {
        office.kpu()
    } else {
        area.kpu()
    };
    let who = initials(rng);
    let (paslon, n) = pair(rng, contest);
    let t = format!("TPS {:03}", rng.u32(1..=60));
    let count = rng.u32(3..=40);
    let open = opening(rng, laporan, &place, date);
    let (what, more, bukti, terlapor, kategori, pasal): (String, String, &str, String, PartyCategory, &str) = match kind {
        Coklit => (
            format!("Pantarlih {t} di {kel}, Kecamatan {kec} menempelkan stiker coklit Pemilihan 2024 di {count} rumah tanpa menemui penghuninya dan tanpa mencocokkan data dengan KTP-el dan KK"),
            format!("Uji petik pengawas menemukan {} pemilih yang telah meninggal dunia masih tercatat.", count % 6 + 2),
            "formulir uji petik, foto stiker coklit, dan keterangan warga",
            format!("Pantarlih {t} {kel} (inisial {who})"),
            PartyCategory::PenyelenggaraAdhoc,
            "PKPU 7/2024 tentang Penyusunan Daftar Pemilih dalam Penyelenggaraan Pemilihan",
        ),
        DpsTms => (
            format!("{} anggota TNI/Polri aktif dan {} warga yang belum berusia 17 tahun tercantum dalam Daftar Pemilih Sementara Pemilihan 2024 di {kel}, Kecamatan {kec}", count % 4 + 1, count % 3 + 1),
            format!("Pengawas menyampaikan saran perbaikan kepada PPS {kel} dan {kpu}."),
            "salinan DPS, data kependudukan, dan surat saran perbaikan",
            format!("PPS {kel}"),
            PartyCategory::PenyelenggaraAdhoc,
            "PKPU 7/2024 tentang Penyusunan Daftar Pemilih dalam Penyelenggaraan Pemilihan",
        ),
        DukunganTanpaVerifikasi => (
            format!("anggota PPS {kel}, Kecamatan {kec} berinisial {who} menyatakan memenuhi syarat {} dukungan bakal pasangan calon perseorangan {} dalam verifikasi faktual tanpa mendatangi tempat tinggal para pendukung", count * 6, race_name(contest)),
            format!("Uji petik pengawas menemukan {} pendukung yang menyatakan tidak pernah memberikan dukungan dan KTP-elnya dicatut.", count % 7 + 3),
            "formulir uji petik, berita acara verifikasi faktual, dan keterangan pendukung",
            format!("Anggota PPS {kel} (inisial {who})"),
            PartyCategory::PenyelenggaraAdhoc,
            "Pasal 48 UU 10/2016; Peraturan DKPP 2/2017 tentang Kode Etik dan Pedoman Perilaku Penyelenggara Pemilu",
        ),
        PendaftaranLewatWaktu => (
            format!("{kpu} menerima berkas pendaftaran bakal pasangan calon {} di luar jam pendaftaran yang ditetapkan dan tanpa kehadiran pengawas", race_name(contest)),
            "Penerimaan berkas tersebut tidak dicatat dalam berita acara pendaftaran, tetapi terekam kamera pengawas ruang pendaftaran.".into(),
            "rekaman kamera pengawas, tanda terima berkas, dan berita acara pengawasan pendaftaran",
            format!("Ketua dan anggota {kpu}"),
            PartyCategory::Penyelenggara,
            "PKPU 8/2024 tentang Pencalonan Pemilihan; Peraturan DKPP 2/2017 tentang Kode Etik dan Pedoman Perilaku Penyelenggara Pemilu",
        ),
        SyaratCalon => {
            let paper = one(rng, &[
                "surat keterangan tidak pernah sebagai terpidana dari pengadilan negeri",
                "surat keterangan hasil pemeriksaan kesehatan jasmani, rohani, dan bebas narkotika",
                "ijazah yang telah dilegalisasi",
                "surat tanda terima penyerahan laporan harta kekayaan",
            ]);
            (
                format!("{kpu} menyatakan memenuhi syarat seorang bakal calon dari bakal pasangan calon {} berinisial {who} meskipun {paper} belum diserahkan hingga akhir masa perbaikan", race_name(contest)),
                format!("Pengawas menyampaikan saran perbaikan agar {kpu} meneliti ulang dokumen persyaratan tersebut sebelum penetapan pasangan calon."),
                "salinan dokumen persyaratan calon, berita acara hasil penelitian, dan surat saran perbaikan",
                kpu.clone(),
                PartyCategory::Penyelenggara,
                "Pasal 7 ayat (2) UU 10/2016; PKPU 8/2024 tentang Pencalonan Pemilihan",
            )
        }
        RekrutmenAdhoc => (
            format!("anggota PPS {kel}, Kecamatan {kec} berinisial {who} yang dilantik untuk Pemilihan 2024 masih tercatat sebagai pengurus partai politik di Sipol"),
            format!("Hal ini diketahui dari tanggapan masyarakat setelah pengumuman hasil seleksi oleh {}.", area.kpu()),
            "tangkapan layar Sipol, surat keputusan pengangkatan anggota PPS, dan keterangan pengurus partai",
            format!("Anggota PPS {kel} (inisial {who})"),
            PartyCategory::PenyelenggaraAdhoc,
            "PKPU 8/2022 tentang Pembentukan dan Tata Kerja Badan Ad Hoc; Peraturan DKPP 2/2017",
        ),
        AsnMedsos => {
            let post = asn_post(rng, &place);
            let app = one(rng, &["Facebook", "Instagram", "TikTok", "WhatsApp"]);
            (
                format!("seorang ASN ({post}) berinisial {who} mengunggah foto bersama {paslon} dengan pose jari menunjukkan nomor urut disertai ajakan memilih melalui akun {app} pribadinya"),
                "Perbuatan tersebut diduga melanggar ketentuan netralitas ASN dalam Pemilihan 2024.".into(),
                "tangkapan layar unggahan, tautan akun, dan data kepegawaian",
                format!("ASN {} (inisial {who})", area.pemda()),
                PartyCategory::Asn,
                "Pasal 70 ayat (1) huruf b dan Pasal 71 ayat (1) UU 10/2016; UU 20/2023 tentang Aparatur Sipil Negara; PP 94/2021",
            )
        }
        AsnKampanye => {
            let post = asn_post(rng, &place);
            (
                format!("seorang ASN ({post}) berinisial {who} hadir mengenakan atribut {paslon} dalam kampanye pertemuan terbatas di {kel}, Kecamatan {kec} pada jam kerja"),
                "Kehadiran tersebut terekam dalam video siaran langsung tim kampanye dan diduga melanggar ketentuan netralitas ASN.".into(),
                "rekaman video, foto, dan daftar hadir pegawai pada hari itu",
                format!("ASN {} (inisial {who})", area.pemda()),
                PartyCategory::Asn,
                "Pasal 70 ayat (1) huruf b UU 10/2016; UU 20/2023 tentang Aparatur Sipil Negara; PP 94/2021",
            )
        }
        KadesBerpihak => {
            let head = place.head();
            let village = place.is_village();
            (
                format!("{head} berinisial {who} menyampaikan ajakan memilih {paslon} dalam pertemuan warga di balai {}", if village { "desa" } else { "kelurahan" }),
                format!("Ajakan tersebut disampaikan di hadapan sekitar {} warga dan terekam dalam video.", count * 5),
                "video kegiatan, foto, dan keterangan dua orang saksi",
                format!("{head} (inisial {who})"),
                if village { PartyCategory::KepalaDesa } else { PartyCategory::Asn },
                if village {
                    "Pasal 70 ayat (1) huruf c dan Pasal 71 ayat (1) UU 10/2016; Pasal 29 huruf j UU 6/2014 tentang Desa"
                } else {
                    "Pasal 70 ayat (1) huruf b dan Pasal 71 ayat (1) UU 10/2016; UU 20/2023 tentang Aparatur Sipil Negara"
                },
            )
        }
        PolitikUang(gift) => {
            let what = match gift {
                Gift::MinyakGoreng => format!("{} liter minyak goreng", count * 4),
                Gift::Sembako => format!("{} paket sembako", count * 3),
                Gift::Amplop => format!("amplop berisi uang {} kepada {} warga", rupiah(u64::from(rng.u32(2..=6)) * 50_000), count * 2),
                Gift::Transfer => format!("uang elektronik {} kepada {} warga", rupiah(u64::from(rng.u32(1..=4)) * 50_000), count),
            };
            (
                format!("tim kampanye {paslon} membagikan {what} di {kel}, Kecamatan {kec} disertai ajakan memilih pasangan calon tersebut"),
                "Perbuatan tersebut diduga politik uang dan dibahas bersama Sentra Gakkumdu.".into(),
                "barang yang dibagikan, foto, video, dan keterangan saksi penerima",
                format!("Tim kampanye {paslon} (inisial {who})"),
                PartyCategory::TimKampanye,
                "Pasal 73 ayat (1) jo. Pasal 187A ayat (1) UU 10/2016",
            )
        }
        Apk(spot) => {
            let where_ = match spot {
                Spot::Sekolah => format!("di pagar dan halaman sebuah sekolah dasar negeri di {kel}"),
                Spot::Ibadah => format!("di pagar sebuah masjid di {kel}"),
                Spot::Fasilitas => format!("di tiang listrik, pohon pelindung, dan jembatan di sepanjang {}", road(rng)),
            };
            (
                format!("{} baliho dan spanduk {paslon} terpasang {where_}, Kecamatan {kec}, di luar lokasi yang ditetapkan {kpu}", count % 12 + 3),
                "Pengawas telah menyampaikan imbauan penurunan, namun alat peraga belum diturunkan.".into(),
                "foto alat peraga beserta titik koordinat dan surat imbauan",
                format!("Tim kampanye {paslon}"),
                PartyCategory::TimKampanye,
                "PKPU 13/2024 tentang Kampanye Pemilihan",
            )
        }
        KampanyeLuarJadwal => (
            format!("tim kampanye {paslon} menggelar kampanye pertemuan terbatas di {kel}, Kecamatan {kec} tanpa surat tanda terima pemberitahuan dari kepolisian dan di luar jadwal yang ditetapkan {kpu}"),
            format!("Kegiatan dihadiri sekitar {} orang dan berlangsung hingga malam hari.", count * 10),
            "foto dan video kegiatan serta jadwal kampanye yang ditetapkan KPU",
            format!("Tim kampanye {paslon}"),
            PartyCategory::TimKampanye,
            "PKPU 13/2024 tentang Kampanye Pemilihan",
        ),
        HalangiKampanye => (
            format!("sekelompok orang membubarkan dan merusak tenda kampanye pertemuan tatap muka {paslon} di {kel}, Kecamatan {kec}, sehingga kegiatan yang telah diberitahukan kepada kepolisian terhenti"),
            format!("Seorang warga berinisial {who} diduga menghasut massa dan menghalang-halangi jalannya kampanye."),
            "video kejadian, surat tanda terima pemberitahuan kampanye, dan keterangan panitia serta saksi",
            format!("Warga berinisial {who}"),
            PartyCategory::Lainnya,
            "Pasal 69 huruf g jo. Pasal 187 ayat (4) UU 10/2016",
        ),
        KampanyeHitam => {
            let app = one(rng, &["Facebook", "TikTok", "grup WhatsApp warga"]);
            (
                format!("akun {app} berinisial {who} menyebarkan video suntingan dan tuduhan bohong yang menghina {paslon}"),
                format!("Unggahan tersebut dibagikan lebih dari {} kali sebelum dihapus.", count * 25),
                "tangkapan layar, tautan unggahan, dan keterangan ahli bahasa",
                format!("Pemilik akun berinisial {who}"),
                PartyCategory::Lainnya,
                "Pasal 69 huruf b dan huruf c jo. Pasal 187 ayat (2) UU 10/2016",
            )
        }
        FasilitasPemerintah => (
            format!("{paslon} menggunakan gedung serbaguna dan kendaraan dinas milik {} untuk kampanye tatap muka di {kel}, Kecamatan {kec}", area.pemda()),
            "Pelapor menduga penggunaan fasilitas tersebut tanpa sewa sebagaimana berlaku umum.".into(),
            "foto kendaraan berpelat merah, foto kegiatan, dan spanduk acara",
            format!("Tim kampanye {paslon}"),
            PartyCategory::TimKampanye,
            "Pasal 69 huruf h jo. Pasal 187 ayat (3) UU 10/2016",
        ),
        AdhocTidakNetral => {
            let body = one(rng, &["PPK", "PPS"]);
            let unit = if body == "PPK" { format!("Kecamatan {kec}") } else { kel.to_string() };
            (
                format!("anggota {body} {unit} berinisial {who} mengunggah ajakan memilih {paslon} di media sosial dan hadir dalam kegiatan kampanyenya"),
                "Perbuatan tersebut diduga melanggar kewajiban penyelenggara untuk bersikap netral.".into(),
                "tangkapan layar unggahan, foto kegiatan, dan surat keputusan pengangkatan",
                format!("Anggota {body} {unit} (inisial {who})"),
                PartyCategory::PenyelenggaraAdhoc,
                "Peraturan DKPP 2/2017; PKPU 8/2022 tentang Pembentukan dan Tata Kerja Badan Ad Hoc",
            )
        }
        PengawasTidakNetral => (
            format!("PKD {kel}, Kecamatan {kec} berinisial {who} mengikuti rapat tim pemenangan {paslon} dan membagikan bahan kampanyenya"),
            "Perbuatan tersebut diduga melanggar kewajiban pengawas untuk bersikap netral.".into(),
            "foto kegiatan, keterangan saksi, dan surat keputusan pengangkatan PKD",
            format!("PKD {kel} (inisial {who})"),
            PartyCategory::PengawasAdhoc,
            "Peraturan DKPP 2/2017; Perbawaslu 4/2020 tentang Pengawas Pemilihan Ad Hoc",
        ),
        KpuTidakNetral => (
            format!("anggota {kpu} berinisial {who} menghadiri pertemuan tertutup dengan tim pemenangan {paslon} di sebuah rumah makan di {kel}, Kecamatan {kec}"),
            "Foto pertemuan tersebut beredar di media sosial dan diduga melanggar kewajiban penyelenggara untuk bersikap netral.".into(),
            "foto pertemuan, tangkapan layar unggahan, dan keterangan saksi",
            format!("Anggota {kpu} (inisial {who})"),
            PartyCategory::Penyelenggara,
            "Peraturan DKPP 2/2017 tentang Kode Etik dan Pedoman Perilaku Penyelenggara Pemilu",
        ),
        UangMasaTenang => (
            format!("saat masa tenang, tim kampanye {paslon} membagikan amplop berisi uang {} beserta kartu bergambar pasangan calon kepada warga {kel}, Kecamatan {kec}", rupiah(u64::from(rng.u32(2..=6)) * 50_000)),
            format!("Perbuatan tersebut diduga politik uang; {} amplop ditemukan di rumah salah satu anggota tim.", count + 10),
            "amplop berisi uang, kartu bergambar pasangan calon, dan keterangan saksi",
            format!("Tim kampanye {paslon} (inisial {who})"),
            PartyCategory::TimKampanye,
            "Pasal 73 ayat (1) jo. Pasal 187A ayat (1) UU 10/2016",
        ),
        ApkMasaTenang => (
            format!("hingga hari kedua masa tenang sebanyak {} alat peraga kampanye {paslon} di ruas {} belum diturunkan", count * 2, road(rng)),
            format!("Surat imbauan telah disampaikan kepada tim kampanye dan {}.", area.pemda()),
            "foto alat peraga beserta titik koordinat dan surat imbauan",
            format!("Tim kampanye {paslon}"),
            PartyCategory::TimKampanye,
            "PKPU 13/2024 tentang Kampanye Pemilihan",
        ),
        UangHariH => (
            format!("pada hari pemungutan suara seseorang berinisial {who} membagikan uang {} kepada pemilih yang akan menuju {t} {kel}, Kecamatan {kec} sambil meminta mereka memilih {paslon}", rupiah(u64::from(rng.u32(1..=4)) * 50_000)),
            "Perbuatan tersebut diduga politik uang dan baru dilaporkan setelah hari pemungutan suara.".into(),
            "foto, rekaman percakapan, dan keterangan saksi penerima",
            format!("Warga berinisial {who}"),
            PartyCategory::Lainnya,
            "Pasal 73 ayat (1) jo. Pasal 187A ayat (1) UU 10/2016",
        ),
        Psu(tps) => {
            let why = one(rng, &[
                "pemilih yang tidak terdaftar dalam DPT maupun DPTb dan tidak membawa KTP-el setempat diperbolehkan memberikan suara",
                "KPPS memberikan surat suara kepada pemilih yang menggunakan formulir model C Pemberitahuan milik orang lain",
                "terdapat pemilih yang memberikan suara lebih dari satu kali",
                "KPPS membuka kotak suara dan memeriksa surat suara tidak sesuai tata cara",
            ]);
            let fate = match tps.fate {
                Fate::Declined => format!(" Atas rekomendasi tersebut, {} memutuskan tidak melaksanakan pemungutan suara ulang.", area.kpu()),
                Fate::Held | Fate::Unknown => String::new(),
            };
            (
                format!("di {} {kel}, Kecamatan {kec}, {why} (sebanyak {} orang)", tps.tps, count % 6 + 2),
                format!("Panwaslu Kecamatan {kec} merekomendasikan pemungutan suara ulang di {} {kel} kepada {}.{fate}", tps.tps, area.kpu()),
                "formulir model C Hasil, daftar hadir pemilih, dan keterangan Pengawas TPS",
                format!("KPPS {} {kel}", tps.tps),
                PartyCategory::PenyelenggaraAdhoc,
                "Pasal 112 ayat (2) UU 1/2015 sebagaimana diubah dengan UU 10/2016; PKPU 17/2024",
            )
        }
        KppsProsedur => {
            let what = one(rng, &[
                "tidak memberikan salinan formulir model C Hasil kepada saksi pasangan calon dan Pengawas TPS",
                "membuka pemungutan suara terlambat dua jam",
                "mengarahkan pemilih lanjut usia untuk mencoblos pasangan calon tertentu",
            ]);
            (
                format!("KPPS {t} {kel}, Kecamatan {kec} {what}"),
                "Keberatan saksi telah dicatat dalam formulir kejadian khusus.".into(),
                "formulir kejadian khusus, foto, dan keterangan Pengawas TPS",
                format!("Ketua KPPS {t} {kel} (inisial {who})"),
                PartyCategory::PenyelenggaraAdhoc,
                "Peraturan DKPP 2/2017; PKPU 17/2024 tentang Pemungutan dan Penghitungan Suara Pemilihan",
            )
        }
        RekapSelisih => (
            format!("dalam rapat pleno rekapitulasi tingkat Kecamatan {kec}, PPK mencatat perolehan suara di {} TPS berbeda dengan salinan formulir model C Hasil", count % 9 + 2),
            "Pengawas menyampaikan keberatan dan meminta pencocokan dengan salinan milik saksi.".into(),
            "salinan formulir model C Hasil, formulir model D Hasil Kecamatan, dan foto plano",
            format!("PPK {kec}"),
            PartyCategory::PenyelenggaraAdhoc,
            "PKPU 18/2024 tentang Rekapitulasi Hasil Penghitungan Suara Pemilihan",
        ),
    };
    let pelapor = laporan.then(|| reporter(rng, contest, n, &place));
    let uraian = format!("{open}, {what}. {more} {}", evidence(laporan, bukti));
    Rendered {
        uraian,
        terlapor,
        kategori,
        pasal: pasal.to_string(),
        reporter: Reporter::Warga,
        pelapor,
        place,
    }
}

/// "Senin, 2 Desember 2024": the day a re-vote was held, for its follow-up.
pub(crate) fn held_on(day: NaiveDate) -> String {
    hari_tgl(day)
}
