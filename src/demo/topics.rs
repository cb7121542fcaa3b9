//! The kinds of case the demo tells (money politics, ASN neutrality, voter-list errors, re-votes …):
//! for each its stage, suspected type, reported party and an Indonesian case summary.

use chrono::NaiveDate;
use fastrand::Rng;

use crate::demo::places::{Office, Place, pick_place, pick_village};
use crate::demo::texts::{
    Reporter, asn_post, candidate, evidence, initials, one, opening, party, road, rupiah, tps,
};
use crate::domain::{PartyCategory, ViolationType};

/// An ad-hoc body (recruitment and neutrality cases).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Body {
    Ppk,
    Pps,
    Kpps,
    Ptps,
}

/// What was handed out in a money-politics case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gift {
    MinyakGoreng,
    Sembako,
    Amplop,
    Transfer,
}

/// Where campaign props were put that they must not be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Spot {
    Sekolah,
    Ibadah,
    Fasilitas,
}

/// One kind of case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Topic {
    CatutNama,
    VerifikasiFaktual,
    DukunganDpd,
    BerkasTerlambat,
    SyaratCalon,
    CalonPegawai,
    KadesNyaleg,
    DokumenPalsu,
    Coklit,
    CoklitJoki,
    DpsTidakDiumumkan,
    PemilihTms,
    SaranDiabaikan,
    Rekrutmen(Body),
    /// The selection of an ad-hoc member (a PPK replacement) who had not left a party.
    SeleksiKpu,
    NetralitasAdhoc,
    SosialisasiSembako,
    AsnDeklarasi,
    PolitikUang(Gift),
    Apk(Spot),
    AsnMedsos,
    Asn11Kukar,
    KadesBerpihak,
    PerusakanApk,
    AdhocKampanye,
    KampanyeIbadah,
    FasilitasPemerintah,
    UangMasaTenang,
    ApkMasaTenang,
    IklanMasaTenang,
    Psu,
    KppsProsedur,
    PemilihGanda,
    HitungUlang,
    UangHariH,
    PtpsEtik,
    RekapSelisih,
    Penggelembungan,
    RekapEtik,
    Sirekap,
    PenetapanHasil,
    Logistik,
    EtikPasca,
    SumpahJanji,
}

/// A rendered case: the text fields a case needs.
pub(crate) struct Rendered {
    pub uraian: String,
    pub terlapor: String,
    pub kategori: PartyCategory,
    pub pasal: String,
    pub reporter: Reporter,
    /// The reporter written out, when the kind of case names them itself (else drawn from
    /// `reporter`).
    pub pelapor: Option<String>,
    pub place: Place,
}

use Topic::*;

impl Topic {
    /// The stage the case belongs to.
    pub fn stage(self) -> &'static str {
        match self {
            CatutNama | VerifikasiFaktual => "PENDAFTARAN_VERIFIKASI",
            DukunganDpd | BerkasTerlambat | SyaratCalon | CalonPegawai | KadesNyaleg
            | DokumenPalsu => "PENCALONAN",
            Coklit | CoklitJoki | DpsTidakDiumumkan | PemilihTms | SaranDiabaikan => "DATA_PEMILIH",
            Rekrutmen(_) | SeleksiKpu | NetralitasAdhoc | SosialisasiSembako | AsnDeklarasi
            | Logistik | EtikPasca => "LAINNYA",
            PolitikUang(_) | Apk(_) | AsnMedsos | Asn11Kukar | KadesBerpihak | PerusakanApk
            | AdhocKampanye | KampanyeIbadah | FasilitasPemerintah => "KAMPANYE",
            UangMasaTenang | ApkMasaTenang | IklanMasaTenang => "MASA_TENANG",
            Psu | KppsProsedur | PemilihGanda | HitungUlang | UangHariH | PtpsEtik => {
                "PUNGUT_HITUNG"
            }
            RekapSelisih | Penggelembungan | RekapEtik | Sirekap => "REKAPITULASI",
            PenetapanHasil => "PENETAPAN_HASIL",
            SumpahJanji => "SUMPAH_JANJI",
        }
    }

    /// The type suspected when the case is opened.
    pub fn dugaan(self) -> ViolationType {
        use ViolationType::*;
        match self {
            DokumenPalsu | SosialisasiSembako | PolitikUang(_) | PerusakanApk | KampanyeIbadah
            | FasilitasPemerintah | UangMasaTenang | IklanMasaTenang | PemilihGanda | UangHariH
            | Penggelembungan => Pidana,
            CoklitJoki | Rekrutmen(_) | SeleksiKpu | NetralitasAdhoc | AdhocKampanye | PtpsEtik
            | RekapEtik | EtikPasca | KppsProsedur => KodeEtik,
            KadesNyaleg | AsnDeklarasi | AsnMedsos | Asn11Kukar | KadesBerpihak | SumpahJanji => {
                HukumLainnya
            }
            _ => Administrasi,
        }
    }

    /// Who usually reports this kind of case when it comes as a laporan.
    fn reporter(self) -> Reporter {
        match self {
            CatutNama | DukunganDpd | PemilihTms | Coklit | DpsTidakDiumumkan => Reporter::Warga,
            RekapSelisih | Penggelembungan | RekapEtik | Sirekap | PenetapanHasil | HitungUlang
            | Psu => Reporter::Saksi,
            BerkasTerlambat | SyaratCalon | CalonPegawai | DokumenPalsu | PerusakanApk
            | SumpahJanji => Reporter::Peserta,
            AsnMedsos | KadesBerpihak | Rekrutmen(_) | NetralitasAdhoc => Reporter::Pemantau,
            _ => Reporter::Peserta,
        }
    }

    /// Renders the case texts. `date` is the day of the event.
    pub fn render(
        self,
        rng: &mut Rng,
        office: &'static Office,
        laporan: bool,
        date: NaiveDate,
    ) -> Rendered {
        let village_topic = matches!(self, KadesNyaleg | KadesBerpihak);
        let place = if village_topic {
            pick_village(office, rng)
        } else {
            pick_place(office, rng)
        };
        let open = opening(rng, laporan, &place, date);
        let (kec, kel) = (place.kec, place.kel);
        let area = place.area;
        // The provincial office's cases about KPU concern KPU Provinsi.
        let kpu = if office.is_province() {
            office.kpu()
        } else {
            area.kpu()
        };
        let who = initials(rng);
        let t = tps(rng);
        let n = rng.u32(3..=40);
        let (what, more, bukti, terlapor, kategori, pasal): (String, String, &str, String, PartyCategory, &str) = match self {
            CatutNama => {
                let p = party(rng);
                (
                    format!("pelapor mendapati namanya beserta {n} warga {kel}, Kecamatan {kec} tercatat sebagai anggota {p} dalam Sipol tanpa pernah mendaftar"),
                    "Pencatutan diketahui saat pelapor memeriksa data keanggotaan melalui laman infopemilu.kpu.go.id.".into(),
                    "tangkapan layar Sipol, fotokopi KTP-el, dan surat pernyataan bukan anggota partai",
                    format!("Pengurus {p} Provinsi Kalimantan Timur"),
                    PartyCategory::Peserta,
                    "PKPU 4/2022 tentang Pendaftaran, Verifikasi, dan Penetapan Partai Politik Peserta Pemilu",
                )
            }
            VerifikasiFaktual => {
                let p = party(rng);
                (
                    format!("tim verifikasi faktual {} tidak menemui langsung anggota {p} di {kel}, Kecamatan {kec}, melainkan hanya mengonfirmasi melalui panggilan telepon", area.kpu()),
                    format!("Dari {n} sampel anggota yang diverifikasi, {} dinyatakan memenuhi syarat tanpa pertemuan tatap muka sebagaimana diatur.", n.min(12)),
                    "formulir hasil pengawasan, foto kegiatan, dan salinan berita acara verifikasi faktual",
                    format!("Tim verifikasi faktual {}", area.kpu()),
                    PartyCategory::Penyelenggara,
                    "PKPU 4/2022 tentang Pendaftaran, Verifikasi, dan Penetapan Partai Politik Peserta Pemilu",
                )
            }
            DukunganDpd => (
                format!("nama dan NIK pelapor serta {} anggota keluarganya di {kel}, Kecamatan {kec} tercantum sebagai pendukung bakal calon anggota DPD berinisial {who} tanpa pernah memberikan dukungan", n.min(6)),
                "Pelapor meminta dukungan atas namanya dicoret dan verifikasi dukungan bakal calon tersebut diperiksa ulang.".into(),
                "tangkapan layar hasil pengecekan dukungan pada Silon dan surat pernyataan tidak pernah mendukung",
                format!("Bakal calon anggota DPD RI Dapil Kalimantan Timur (inisial {who})"),
                PartyCategory::Calon,
                "PKPU 10/2022 tentang Pencalonan Perseorangan Peserta Pemilu Anggota DPD",
            ),
            BerkasTerlambat => {
                let p = party(rng);
                (
                    format!("{kpu} menerima dokumen perbaikan persyaratan bakal calon anggota {} dari {p} pukul 23.{:02} WITA, melewati batas waktu penyerahan", if office.is_province() { office.dprd() } else { area.dprd() }, rng.u8(5..59)),
                    format!("Dokumen tersebut tetap diproses dan {} bakal calon dinyatakan memenuhi syarat.", n.min(9)),
                    "tanda terima dokumen pada Silon, rekaman CCTV ruang penerimaan berkas, dan keterangan pengawas yang hadir",
                    kpu.clone(),
                    PartyCategory::Penyelenggara,
                    "PKPU 10/2023 tentang Pencalonan Anggota DPR, DPRD Provinsi, dan DPRD Kabupaten/Kota",
                )
            }
            SyaratCalon => {
                let c = candidate(rng, office);
                let why = one(rng, &[
                    "merupakan mantan terpidana yang belum mengumumkan statusnya secara terbuka melalui media massa",
                    "masih menjabat direksi BUMD tanpa surat pengunduran diri yang sah",
                    "masih tercatat sebagai perangkat desa aktif",
                ]);
                (
                    format!("{kpu} menetapkan {} dalam Daftar Calon Tetap, padahal calon tersebut {why}", c.phrase),
                    "Hal ini ditemukan saat pencermatan dokumen persyaratan dan tanggapan masyarakat.".into(),
                    "salinan dokumen persyaratan calon, hasil penelusuran media massa, dan keterangan instansi terkait",
                    kpu.clone(),
                    PartyCategory::Penyelenggara,
                    "Pasal 240 ayat (1) UU 7/2017; PKPU 10/2023",
                )
            }
            CalonPegawai => {
                let c = candidate(rng, office);
                let inst = one(rng, &["PDAM", "RSUD", "sebuah BUMD"]);
                (
                    format!("{} masih tercatat sebagai pegawai {inst} saat didaftarkan sebagai bakal calon", c.phrase),
                    "Pelapor meminta Bawaslu memeriksa keabsahan surat pengunduran diri yang diserahkan kepada KPU.".into(),
                    "foto kartu pegawai dan tangkapan layar daftar pegawai pada laman resmi instansi",
                    c.terlapor,
                    PartyCategory::Calon,
                    "Pasal 240 ayat (1) huruf k UU 7/2017; PKPU 10/2023",
                )
            }
            KadesNyaleg => {
                let p = party(rng);
                (
                    format!("{} berinisial {who} terdaftar sebagai bakal calon anggota {} Dapil {} dari {p}, sementara yang bersangkutan masih menjalankan tugas dan belum diberhentikan", place.head(), area.dprd(), rng.u32(1..=area.dapil)),
                    "Surat pengunduran diri yang diserahkan kepada KPU belum disertai keputusan pemberhentian dari bupati.".into(),
                    "dokumen pencalonan, daftar hadir kegiatan desa, dan keterangan perangkat desa",
                    format!("{} (inisial {who})", place.head()),
                    PartyCategory::KepalaDesa,
                    "Pasal 240 ayat (1) huruf k UU 7/2017; Pasal 29 huruf g UU 6/2014 tentang Desa",
                )
            }
            DokumenPalsu => {
                let c = candidate(rng, office);
                let doc = one(rng, &[
                    "ijazah paket C yang tidak terdaftar pada PKBM penerbitnya",
                    "surat keterangan sehat jasmani dan rohani yang tidak pernah diterbitkan oleh RSUD",
                    "surat keterangan tidak pernah dipidana yang nomornya tidak tercatat di pengadilan negeri",
                ]);
                (
                    format!("{} menggunakan {doc} sebagai dokumen persyaratan pencalonan", c.phrase),
                    "Konfirmasi tertulis kepada instansi penerbit menyatakan dokumen tersebut tidak pernah dikeluarkan.".into(),
                    "salinan dokumen persyaratan pada Silon dan surat keterangan instansi penerbit",
                    c.terlapor,
                    PartyCategory::Calon,
                    "Pasal 520 UU 7/2017",
                )
            }
            Coklit => (
                format!("Pantarlih {t} di {kel}, Kecamatan {kec} menempelkan stiker coklit di {n} rumah tanpa menemui penghuni dan tanpa mencocokkan data dengan KTP-el dan KK"),
                format!("Uji petik pengawas menemukan {} pemilih yang telah meninggal dan {} pemilih pindah domisili masih tercatat.", n % 7 + 1, n % 5 + 2),
                "formulir uji petik, foto stiker coklit, dan keterangan warga",
                format!("Pantarlih {t} {kel} (inisial {who})"),
                PartyCategory::PenyelenggaraAdhoc,
                "PKPU 7/2022 tentang Penyusunan Daftar Pemilih",
            ),
            CoklitJoki => (
                format!("pencocokan dan penelitian data pemilih di {t} {kel}, Kecamatan {kec} dilakukan oleh orang lain yang bukan Pantarlih yang ditetapkan (joki coklit)"),
                "Pantarlih yang bersangkutan diketahui sedang bekerja di luar daerah selama masa coklit.".into(),
                "foto kegiatan coklit, surat keputusan Pantarlih, dan keterangan warga",
                format!("Pantarlih {t} {kel} (inisial {who})"),
                PartyCategory::PenyelenggaraAdhoc,
                "Peraturan DKPP 2/2017; PKPU 7/2022",
            ),
            DpsTidakDiumumkan => (
                format!("PPS {kel}, Kecamatan {kec} tidak mengumumkan Daftar Pemilih Sementara di kantor kelurahan maupun tempat strategis lain"),
                format!("Saran perbaikan lisan dari PKD tidak ditindaklanjuti hingga {} hari kemudian.", n % 4 + 2),
                "foto papan pengumuman, formulir hasil pengawasan, dan surat saran perbaikan",
                format!("PPS {kel}"),
                PartyCategory::PenyelenggaraAdhoc,
                "PKPU 7/2022 tentang Penyusunan Daftar Pemilih",
            ),
            PemilihTms => (
                if laporan {
                    format!("nama {} warga {kel}, Kecamatan {kec} yang telah meninggal dunia dan {} warga yang pindah domisili masih tercantum dalam {} {t}", n % 9 + 2, n % 6 + 1, voter_list(date))
                } else {
                    format!("{} anggota TNI/Polri aktif dan {} pemilih di bawah umur tercantum dalam DPSHP {t} {kel}, Kecamatan {kec}", n % 4 + 1, n % 3 + 1)
                },
                "Data tersebut belum dicoret meskipun PPS telah menerima informasi dari keluarga dan pengawas.".into(),
                "salinan daftar pemilih, surat keterangan kematian, dan formulir uji petik",
                format!("PPS {kel}"),
                PartyCategory::PenyelenggaraAdhoc,
                "PKPU 7/2022 tentang Penyusunan Daftar Pemilih",
            ),
            SaranDiabaikan => (
                format!("PPK {kec} tidak menindaklanjuti saran perbaikan Panwaslu Kecamatan atas {n} data pemilih ganda dan {} pemilih tidak memenuhi syarat dalam rekapitulasi DPSHP", n % 8 + 3),
                "Rekapitulasi tetap ditetapkan tanpa mencatat saran perbaikan dalam berita acara.".into(),
                "surat saran perbaikan, berita acara rekapitulasi tingkat kecamatan, dan daftar pemilih ganda",
                format!("PPK {kec}"),
                PartyCategory::PenyelenggaraAdhoc,
                "PKPU 7/2022 tentang Penyusunan Daftar Pemilih",
            ),
            Rekrutmen(body) => {
                let p = party(rng);
                let (who_is, kat) = match body {
                    Body::Ppk => (format!("anggota PPK {kec}"), PartyCategory::PenyelenggaraAdhoc),
                    Body::Pps => (format!("anggota PPS {kel}"), PartyCategory::PenyelenggaraAdhoc),
                    Body::Kpps => (format!("anggota KPPS {t} {kel}"), PartyCategory::PenyelenggaraAdhoc),
                    Body::Ptps => (format!("Pengawas {t} {kel}"), PartyCategory::PengawasAdhoc),
                };
                let why = one(rng, &[
                    "tercatat sebagai anggota partai politik dalam Sipol",
                    "pernah menjadi tim kampanye calon anggota legislatif",
                    "merupakan pengurus ranting partai politik",
                ]);
                (
                    format!("{who_is} yang baru dilantik berinisial {who} {why} ({p})"),
                    "Yang bersangkutan tidak mengungkapkan hal tersebut dalam surat pernyataan saat pendaftaran.".into(),
                    "tangkapan layar Sipol, foto kegiatan partai, dan surat pernyataan calon anggota badan ad hoc",
                    format!("{} (inisial {who})", capitalize(&who_is)),
                    kat,
                    "Pasal 72 UU 7/2017; PKPU 8/2022 tentang Pembentukan dan Tata Kerja Badan Ad Hoc",
                )
            }
            SeleksiKpu => (
                format!("anggota PPK {kec} pengganti antarwaktu pada {} berinisial {who} masih tercatat sebagai anggota {} pada Sipol ketika mengikuti seleksi", area.kpu(), party(rng)),
                "Yang bersangkutan tidak melampirkan surat pengunduran diri dari partai politik.".into(),
                "tangkapan layar Sipol dan dokumen pendaftaran seleksi",
                format!("Anggota PPK {kec} (inisial {who})"),
                PartyCategory::PenyelenggaraAdhoc,
                "Pasal 72 UU 7/2017; PKPU 8/2022 tentang Pembentukan dan Tata Kerja Badan Ad Hoc",
            ),
            NetralitasAdhoc => (
                format!("anggota PPS {kel} berinisial {who} mengunggah foto bersama bakal calon anggota {} dari {} disertai ajakan memilih di akun Facebook pribadinya", area.dprd(), party(rng)),
                "Unggahan tersebut telah dihapus setelah ramai diperbincangkan warga.".into(),
                "tangkapan layar unggahan dan tautan akun media sosial",
                format!("Anggota PPS {kel} (inisial {who})"),
                PartyCategory::PenyelenggaraAdhoc,
                "Peraturan DKPP 2/2017",
            ),
            SosialisasiSembako => {
                let c = candidate(rng, office);
                (
                    format!("{} membagikan paket sembako bergambar dirinya dan nomor urut partai kepada sekitar {} warga {kel}, Kecamatan {kec}, sebelum masa kampanye dimulai", c.phrase, n * 5),
                    "Kegiatan dikemas sebagai sosialisasi partai di rumah salah satu tokoh masyarakat.".into(),
                    "foto dan video kegiatan serta contoh paket sembako",
                    c.terlapor,
                    PartyCategory::Calon,
                    "Pasal 492 UU 7/2017",
                )
            }
            AsnDeklarasi => {
                let post = asn_post(rng, &place);
                (
                    format!("seorang ASN ({post}) berinisial {who} hadir dan memberikan sambutan dalam deklarasi dukungan kepada bakal calon anggota {} dari {} di {kel}, Kecamatan {kec}", area.dprd(), party(rng)),
                    "Kehadiran yang bersangkutan terekam dalam siaran langsung di media sosial.".into(),
                    "rekaman siaran langsung, foto kegiatan, dan data kepegawaian",
                    format!("ASN {} (inisial {who})", area.pemda()),
                    PartyCategory::Asn,
                    "Pasal 9 ayat (2) UU 5/2014 tentang ASN; PP 94/2021",
                )
            }
            PolitikUang(gift) => {
                let c = candidate(rng, office);
                let (act, bukti) = match gift {
                    Gift::MinyakGoreng => (
                        format!("membagikan {} liter minyak goreng kemasan yang ditempeli stiker nomor urut dan foto calon kepada warga yang hadir", n * 10),
                        "foto dan video kegiatan, kemasan minyak goreng berstiker calon, serta keterangan tiga orang saksi",
                    ),
                    Gift::Sembako => (
                        format!("membagikan paket sembako berisi beras, gula, dan minyak goreng kepada sekitar {} warga usai pertemuan", n * 4),
                        "foto paket sembako, video pembagian, dan keterangan dua orang saksi",
                    ),
                    Gift::Amplop => (
                        format!("membagikan amplop berisi uang {} beserta kartu nama calon kepada warga", rupiah(u64::from(rng.u32(1..=4)) * 50_000)),
                        "amplop berisi uang, kartu nama calon, dan keterangan penerima",
                    ),
                    Gift::Transfer => (
                        format!("mengirim saldo uang elektronik sebesar {} kepada warga yang mendaftarkan nomor telepon melalui kode QR pada kartu nama calon", rupiah(u64::from(rng.u32(2..=10)) * 25_000)),
                        "tangkapan layar bukti transfer saldo uang elektronik dan percakapan WhatsApp",
                    ),
                };
                (
                    format!("dalam kampanye pertemuan terbatas di {kel}, Kecamatan {kec}, tim kampanye {} {act}", c.phrase),
                    "Warga yang menerima diminta memilih calon tersebut pada 14 Februari 2024.".into(),
                    bukti,
                    c.terlapor,
                    if rng.bool() { PartyCategory::Calon } else { PartyCategory::TimKampanye },
                    "Pasal 280 ayat (1) huruf j jo. Pasal 523 ayat (1) UU 7/2017",
                )
            }
            Apk(spot) => {
                let c = candidate(rng, office);
                let at = match spot {
                    Spot::Sekolah => format!("di pagar SD Negeri {:03} {} di {kel}, Kecamatan {kec}", rng.u32(1..=60), area.bare()),
                    Spot::Ibadah => format!("di pagar dan halaman sebuah masjid di {kel}, Kecamatan {kec}"),
                    Spot::Fasilitas => format!("di area Puskesmas dan kantor kelurahan di {kel}, Kecamatan {kec}"),
                };
                (
                    format!("alat peraga kampanye berupa baliho dan spanduk {} terpasang {at}", c.phrase),
                    "Imbauan penurunan dari pengawas tidak ditindaklanjuti dalam batas waktu 1×24 jam.".into(),
                    "foto APK beserta titik koordinat, surat imbauan, dan formulir hasil pengawasan",
                    c.terlapor,
                    PartyCategory::Calon,
                    "Pasal 280 ayat (1) huruf h UU 7/2017; PKPU 15/2023 tentang Kampanye Pemilu",
                )
            }
            AsnMedsos => {
                let post = asn_post(rng, &place);
                let app = one(rng, &["Facebook", "Instagram", "TikTok"]);
                (
                    format!("seorang ASN ({post}) berinisial {who} mengunggah foto bersama {} dengan pose jari menunjukkan nomor urut disertai ajakan memilih melalui akun {app} pribadinya", candidate(rng, office).phrase),
                    "Unggahan tersebut dibagikan ulang oleh puluhan akun lain.".into(),
                    "tangkapan layar unggahan, tautan akun, dan data kepegawaian",
                    format!("ASN {} (inisial {who})", area.pemda()),
                    PartyCategory::Asn,
                    "Pasal 280 ayat (2) huruf f dan ayat (3) UU 7/2017; Pasal 9 ayat (2) UU 5/2014; PP 94/2021",
                )
            }
            Asn11Kukar => (
                "11 ASN di lingkungan Pemerintah Kabupaten Kutai Kartanegara, antara lain guru dan staf kecamatan di Tenggarong dan Loa Janan, menyukai, mengomentari, dan membagikan unggahan kampanye calon anggota legislatif serta pasangan calon presiden di media sosial".into(),
                "Klarifikasi terhadap kesebelas ASN membenarkan aktivitas tersebut; hasil kajian diteruskan kepada KASN pada 31 Januari 2024.".into(),
                "tangkapan layar unggahan, berita acara klarifikasi, dan data kepegawaian",
                "11 ASN Pemerintah Kabupaten Kutai Kartanegara (guru dan staf kecamatan)".into(),
                PartyCategory::Asn,
                "Pasal 280 ayat (2) huruf f dan ayat (3) UU 7/2017; Pasal 9 ayat (2) UU 5/2014; PP 94/2021",
            ),
            KadesBerpihak => {
                let c = candidate(rng, office);
                let lurah = !place.is_village();
                (
                    format!("{} berinisial {who} hadir dan menyampaikan ajakan memilih {} dalam kampanye pertemuan terbatas di {kel}, Kecamatan {kec}", place.head(), c.phrase),
                    "Ajakan tersebut disampaikan di hadapan sekitar seratus warga dan terekam dalam video.".into(),
                    "video kegiatan, foto, dan keterangan dua orang saksi",
                    format!("{} (inisial {who})", place.head()),
                    if lurah { PartyCategory::Asn } else { PartyCategory::KepalaDesa },
                    if lurah {
                        "Pasal 280 ayat (2) huruf f UU 7/2017; Pasal 9 ayat (2) UU 5/2014"
                    } else {
                        "Pasal 280 ayat (2) huruf h jo. Pasal 490 UU 7/2017; Pasal 29 huruf j UU 6/2014 tentang Desa"
                    },
                )
            }
            PerusakanApk => {
                let p = party(rng);
                (
                    format!("sejumlah baliho dan bendera {p} di sepanjang {}, {kel}, Kecamatan {kec} ditemukan robek dan roboh", road(rng)),
                    format!("Kerusakan terjadi pada {} titik dan pelapor menduga dilakukan dengan sengaja pada malam hari.", n % 9 + 3),
                    "foto APK yang rusak dan rekaman CCTV warga",
                    "Orang tidak dikenal".into(),
                    PartyCategory::Lainnya,
                    "Pasal 280 ayat (1) huruf g jo. Pasal 521 UU 7/2017",
                )
            }
            AdhocKampanye => (
                format!("anggota PPS {kel} berinisial {who} hadir dalam kampanye pertemuan terbatas {} dan terekam ikut meneriakkan yel-yel dukungan", candidate(rng, office).phrase),
                "Video kegiatan beredar di grup WhatsApp warga.".into(),
                "video kegiatan dan surat keputusan pengangkatan anggota PPS",
                format!("Anggota PPS {kel} (inisial {who})"),
                PartyCategory::PenyelenggaraAdhoc,
                "Peraturan DKPP 2/2017",
            ),
            KampanyeIbadah => {
                let c = candidate(rng, office);
                (
                    format!("{} menyampaikan visi, misi, dan ajakan memilih dalam kegiatan pengajian di sebuah masjid di {kel}, Kecamatan {kec}", c.phrase),
                    "Pelapor menilai kegiatan tersebut merupakan kampanye di tempat ibadah.".into(),
                    "video kegiatan dan undangan pengajian",
                    c.terlapor,
                    PartyCategory::Calon,
                    "Pasal 280 ayat (1) huruf h jo. Pasal 521 UU 7/2017",
                )
            }
            FasilitasPemerintah => {
                let c = candidate(rng, office);
                (
                    format!("{} menggunakan gedung serbaguna milik pemerintah daerah di {kel}, Kecamatan {kec} untuk kampanye tatap muka", c.phrase),
                    "Pelapor menduga penggunaan gedung dilakukan tanpa sewa sebagaimana berlaku umum.".into(),
                    "foto kegiatan dan spanduk acara",
                    c.terlapor,
                    PartyCategory::Calon,
                    "Pasal 280 ayat (1) huruf h jo. Pasal 521 UU 7/2017",
                )
            }
            UangMasaTenang => {
                let c = candidate(rng, office);
                (
                    format!("saat masa tenang, tim kampanye {} membagikan amplop berisi uang {} beserta contoh surat suara kepada warga {kel}, Kecamatan {kec}", c.phrase, rupiah(u64::from(rng.u32(1..=4)) * 50_000)),
                    format!("Pengawas mengamankan {} amplop dari rumah salah satu anggota tim.", n + 10),
                    "amplop berisi uang, contoh surat suara, dan keterangan saksi",
                    c.terlapor,
                    PartyCategory::TimKampanye,
                    "Pasal 278 ayat (2) jo. Pasal 523 ayat (2) UU 7/2017",
                )
            }
            ApkMasaTenang => {
                let p = party(rng);
                (
                    format!("hingga hari kedua masa tenang sebanyak {} APK {p} di ruas {} belum diturunkan", n * 3, road(rng)),
                    format!("Surat imbauan telah disampaikan kepada peserta pemilu dan {}.", area.pemda()),
                    "foto APK beserta titik koordinat dan surat imbauan",
                    p,
                    PartyCategory::Peserta,
                    "PKPU 15/2023 tentang Kampanye Pemilu",
                )
            }
            IklanMasaTenang => {
                let c = candidate(rng, office);
                (
                    format!("akun media sosial {} menayangkan iklan berbayar berisi ajakan memilih selama masa tenang", c.phrase),
                    "Iklan tersebut menjangkau warga di sejumlah kecamatan.".into(),
                    "tangkapan layar iklan dan data pustaka iklan platform",
                    c.terlapor,
                    PartyCategory::Calon,
                    "Pasal 276 ayat (2) jo. Pasal 492 UU 7/2017",
                )
            }
            Psu => {
                let why = one(rng, &[
                    "pemilih yang tidak terdaftar dalam DPT maupun DPTb dan tidak membawa KTP-el setempat diperbolehkan memberikan suara",
                    "KPPS membuka kotak suara dan berkas pemungutan suara tidak sesuai tata cara",
                    "pemilih menggunakan formulir C Pemberitahuan milik orang lain",
                ]);
                (
                    format!("di {t} {kel}, Kecamatan {kec}, {why} (sebanyak {} orang)", n % 6 + 2),
                    format!("Panwaslu Kecamatan {kec} merekomendasikan pemungutan suara ulang dan KPU menindaklanjutinya."),
                    "formulir model C Hasil, daftar hadir pemilih, dan keterangan Pengawas TPS",
                    format!("KPPS {t} {kel}"),
                    PartyCategory::PenyelenggaraAdhoc,
                    "Pasal 372 ayat (2) UU 7/2017",
                )
            }
            KppsProsedur => {
                let what = one(rng, &[
                    "tidak memberikan salinan formulir C Hasil kepada saksi dan Pengawas TPS",
                    "membuka pemungutan suara terlambat dua jam",
                    "tidak menandatangani surat suara sebelum diserahkan kepada pemilih",
                    "mengarahkan pemilih lanjut usia untuk mencoblos calon tertentu",
                ]);
                (
                    format!("KPPS {t} {kel}, Kecamatan {kec} {what}"),
                    "Keberatan saksi telah dicatat dalam formulir kejadian khusus.".into(),
                    "formulir kejadian khusus, foto, dan keterangan Pengawas TPS",
                    format!("Ketua KPPS {t} {kel} (inisial {who})"),
                    PartyCategory::PenyelenggaraAdhoc,
                    "Peraturan DKPP 2/2017; PKPU 25/2023 tentang Pemungutan dan Penghitungan Suara",
                )
            }
            PemilihGanda => (
                format!("seorang pemilih berinisial {who} memberikan suara di {t} dan {} {kel}, Kecamatan {kec} menggunakan formulir C Pemberitahuan milik anggota keluarganya", tps(rng)),
                "Perbuatan tersebut diketahui dari tinta pada jari yang bersangkutan.".into(),
                "daftar hadir pemilih, foto, dan keterangan KPPS",
                format!("Pemilih berinisial {who}"),
                PartyCategory::Lainnya,
                "Pasal 516 dan Pasal 533 UU 7/2017",
            ),
            HitungUlang => (
                format!("terdapat selisih {} suara antara jumlah surat suara terpakai dan jumlah pemilih yang hadir pada penghitungan suara DPRD di {t} {kel}, Kecamatan {kec}", n % 20 + 2),
                "Pengawas TPS merekomendasikan penghitungan suara ulang di TPS tersebut.".into(),
                "formulir C Hasil, foto plano, dan formulir kejadian khusus",
                format!("KPPS {t} {kel}"),
                PartyCategory::PenyelenggaraAdhoc,
                "Pasal 374 UU 7/2017",
            ),
            UangHariH => (
                format!("pada hari pemungutan suara seseorang berinisial {who} membagikan uang {} kepada pemilih yang antre di {t} {kel}, Kecamatan {kec}", rupiah(u64::from(rng.u32(1..=3)) * 50_000)),
                "Pengawas TPS menghentikan kegiatan tersebut dan mencatat identitas penerima.".into(),
                "uang yang diamankan, foto, dan keterangan saksi",
                format!("Tim kampanye {} (inisial {who})", party(rng)),
                PartyCategory::TimKampanye,
                "Pasal 523 ayat (3) UU 7/2017",
            ),
            PtpsEtik => (
                format!("Pengawas {t} {kel}, Kecamatan {kec} berinisial {who} meninggalkan TPS ketika penghitungan suara berlangsung"),
                "Yang bersangkutan juga tidak mengisi formulir hasil pengawasan.".into(),
                "keterangan saksi dan formulir kejadian khusus",
                format!("Pengawas {t} {kel} (inisial {who})"),
                PartyCategory::PengawasAdhoc,
                "Peraturan DKPP 2/2017",
            ),
            RekapSelisih => (
                format!("dalam rapat pleno rekapitulasi tingkat Kecamatan {kec}, PPK mencatat perolehan suara {} di {} TPS berbeda dengan salinan formulir C Hasil", party(rng), n % 9 + 2),
                "Pengawas menyampaikan keberatan dan meminta pencocokan dengan plano.".into(),
                "salinan formulir C Hasil, formulir D Hasil Kecamatan, dan foto plano",
                format!("PPK {kec}"),
                PartyCategory::PenyelenggaraAdhoc,
                "PKPU 5/2024 tentang Rekapitulasi Hasil Penghitungan Perolehan Suara",
            ),
            Penggelembungan => (
                format!("anggota PPK {kec} berinisial {who} diduga memindahkan {} suara dari {} kepada seorang caleg {} dalam formulir D Hasil Kecamatan", n * 7, party(rng), party(rng)),
                "Selisih ditemukan saat pencocokan data dengan salinan formulir C Hasil milik saksi.".into(),
                "formulir D Hasil, salinan C Hasil, dan keterangan saksi partai",
                format!("Anggota PPK {kec} (inisial {who})"),
                PartyCategory::PenyelenggaraAdhoc,
                "Pasal 532 dan Pasal 551 UU 7/2017",
            ),
            RekapEtik => (
                format!("Ketua PPK {kec} menolak mencatat keberatan saksi dalam formulir kejadian khusus pada rapat pleno rekapitulasi"),
                "Rapat pleno dilanjutkan tanpa menjawab keberatan tersebut.".into(),
                "rekaman rapat pleno dan keterangan saksi",
                format!("Ketua PPK {kec} (inisial {who})"),
                PartyCategory::PenyelenggaraAdhoc,
                "Peraturan DKPP 2/2017",
            ),
            Sirekap => (
                format!("data perolehan suara pada Sirekap untuk {t} {kel}, Kecamatan {kec} berbeda dengan formulir C Hasil dan tidak dikoreksi dalam pleno PPK"),
                format!("Selisih mencapai {} suara pada pemilihan DPRD.", n * 11),
                "tangkapan layar Sirekap, salinan formulir C Hasil, dan berita acara pleno",
                format!("PPK {kec}"),
                PartyCategory::PenyelenggaraAdhoc,
                "PKPU 5/2024 tentang Rekapitulasi Hasil Penghitungan Perolehan Suara",
            ),
            PenetapanHasil => (
                format!("{kpu} tidak memberikan salinan berita acara dan sertifikat hasil rekapitulasi kepada saksi {} dan pengawas dalam rapat pleno penetapan", party(rng)),
                "Salinan baru diberikan dua hari setelah pleno.".into(),
                "undangan pleno, daftar hadir, dan keterangan saksi",
                kpu.clone(),
                PartyCategory::Penyelenggara,
                "PKPU 5/2024",
            ),
            Logistik => (
                format!("{n} kotak suara untuk Kecamatan {kec} disimpan di gudang sementara tanpa pengamanan dan sebagian segelnya rusak"),
                format!("Pengawas menyampaikan saran perbaikan kepada PPK {kec}."),
                "foto gudang, berita acara penerimaan logistik, dan surat saran perbaikan",
                format!("PPK {kec}"),
                PartyCategory::PenyelenggaraAdhoc,
                "PKPU 14/2023 tentang Norma, Standar, Prosedur, Kebutuhan Pengadaan dan Pendistribusian Perlengkapan",
            ),
            EtikPasca => (
                format!("anggota {} berinisial {who} menghadiri syukuran kemenangan calon terpilih dari {} di {kel}, Kecamatan {kec}", area.kpu(), party(rng)),
                "Foto kehadiran yang bersangkutan beredar di media sosial.".into(),
                "foto kegiatan dan tangkapan layar unggahan",
                format!("Anggota {} (inisial {who})", area.kpu()),
                PartyCategory::Penyelenggara,
                "Peraturan DKPP 2/2017",
            ),
            SumpahJanji => {
                let c = candidate(rng, office);
                let post = one(rng, &["ASN", "kepala desa", "direksi BUMD"]);
                (
                    format!("calon terpilih {} belum mengundurkan diri sebagai {post} menjelang pengucapan sumpah/janji", c.phrase.replace("Caleg", "anggota")),
                    "Pengawas telah meminta klarifikasi kepada instansi tempat yang bersangkutan bekerja.".into(),
                    "surat keputusan penetapan calon terpilih dan keterangan instansi",
                    c.terlapor.replace("Caleg", "Calon terpilih"),
                    if post == "ASN" { PartyCategory::Asn } else { PartyCategory::Calon },
                    "Pasal 240 ayat (1) huruf k UU 7/2017",
                )
            }
        };
        let uraian = format!("{open}, {what}. {more} {}", evidence(laporan, bukti));
        Rendered {
            uraian,
            terlapor,
            kategori,
            pasal: pasal.to_string(),
            reporter: self.reporter(),
            pelapor: None,
            place,
        }
    }
}

/// The voter list a complaint about `date` names: the provisional list (DPS) before KPU set the
/// final one (DPT) on 21 Jun 2023, the DPT from then on.
fn voter_list(date: NaiveDate) -> &'static str {
    if date >= NaiveDate::from_ymd_opt(2023, 6, 21).unwrap_or(NaiveDate::MAX) {
        "DPT"
    } else {
        "DPS"
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
