//! Helpers of the import tests: the binary with a fixed environment, databases seeded through the
//! library, checksums of everything a case is, and generated input files.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::{NaiveDate, NaiveDateTime};
use pantau::domain::{
    Case, Forwarding, PartyCategory, Source, Status, StatusChange, ViolationType,
};
use pantau::store::write::{NewBatch, insert_batch, insert_case};
use pantau::store::{Mode, Store};
use sha2::{Digest, Sha256};

/// "Today" for every test: after all fixture dates.
pub const TODAY: &str = "2024-03-01";

/// `--election PEMILU2024`: the election of rows whose numbers carry no PL or PB and that have no
/// `pemilihan` column, since a database made by `pantau init` holds Pemilu 2024 and Pilkada 2024
/// (such a row is refused without it).
pub const PEMILU: [&str; 2] = ["--election", "PEMILU2024"];

/// The binary on `db`, sealed (a scratch home, English), a fixed user and day.
pub fn pantau(db: &Path) -> Command {
    pantau_in(&crate::sealed::scratch_home(), db)
}

/// [`pantau`] with `home` as its home.
pub fn pantau_in(home: &Path, db: &Path) -> Command {
    let mut c = crate::sealed::pantau(home);
    c.env("USER", "tester")
        .env("PANTAU_TODAY", TODAY)
        .arg("--db")
        .arg(db);
    c
}

/// A new database with the reference data.
pub fn init_db(dir: &Path, name: &str) -> PathBuf {
    let db = dir.join(name);
    pantau(&db).arg("init").assert().success();
    db
}

/// The kecamatan of an office's area as the region tree spells them (code, name), and each one's
/// kelurahan/desa codes: the places of generated cases.
pub fn places(office: &str) -> &'static [(String, String, Vec<String>)] {
    type Places = std::collections::HashMap<String, Vec<(String, String, Vec<String>)>>;
    static TREE: std::sync::OnceLock<Places> = std::sync::OnceLock::new();
    let all = TREE.get_or_init(|| {
        let r = pantau::domain::Reference::embedded();
        r.regions
            .iter()
            .map(|o| {
                let places = r
                    .kecamatan_in(&o.code)
                    .iter()
                    .map(|k| {
                        let desa = r.desa_in(&k.code).iter().map(|d| d.code.clone()).collect();
                        (k.code.clone(), k.name.clone(), desa)
                    })
                    .collect();
                (o.code.clone(), places)
            })
            .collect()
    });
    all.get(office).map_or(&[], Vec::as_slice)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// `n` cases with every field used in turn, text with quotes, separators, newlines and
/// non-ASCII letters: the hard cases of a round trip.
pub fn varied_cases(n: usize) -> Vec<Case> {
    let regions = [
        "64", "64.01", "64.02", "64.03", "64.07", "64.08", "64.09", "64.11", "64.71", "64.72",
        "64.74",
    ];
    let stages = [
        "KAMPANYE",
        "PENCALONAN",
        "DATA_PEMILIH",
        "LAINNYA",
        "MASA_TENANG",
    ];
    let texts = [
        "Pembagian minyak goreng oleh tim kampanye",
        "Kutipan \"pilih nomor 3\", lalu; titik koma, dan koma",
        "Baris satu\nbaris dua\r\nbaris tiga",
        "ASN — netralitas; Kecamatan Sungai Kunjang 'Ulu' é ñ",
        "   spasi di depan dan di belakang   ",
        "",
    ];
    (0..n)
        .map(|i| {
            let source = if i % 3 == 0 {
                Source::Laporan
            } else {
                Source::Temuan
            };
            let received = day(2023, 11, 1) + chrono::Duration::days((i % 90) as i64);
            let mut c = Case::new(
                "PEMILU2024",
                &format!(
                    "{i:04}/{}/PL/{}/2024",
                    if i % 3 == 0 { "LP" } else { "TM" },
                    regions[i % 11]
                ),
                source,
                regions[i % 11],
                stages[i % 5],
                received,
            );
            c.status = Status::ALL[i % Status::ALL.len()];
            c.uraian = texts[i % texts.len()].to_string();
            if i % 2 == 0 {
                c.nomor_registrasi = Some(format!("{i:04}/Reg/2024"));
                c.tanggal_registrasi = Some(received + chrono::Duration::days(2));
                // A kecamatan of the office's area, every fourth with its desa and a TPS.
                let places = places(regions[i % 11]);
                let (code, name, desa) = &places[(i / 11) % places.len()];
                c.kecamatan = Some(name.clone());
                c.kode_kecamatan = Some(code.clone());
                if i % 4 == 0 {
                    c.kode_desa = desa.get(i % desa.len().max(1)).cloned();
                    c.tps = Some((i % 40 + 1) as u16);
                }
                c.tanggal_kejadian = Some(received - chrono::Duration::days(3));
                c.tanggal_diketahui = Some(received - chrono::Duration::days(1));
            }
            if i % 4 == 1 {
                c.diperpanjang = true;
                c.jenis_dugaan = Some(ViolationType::ALL[i % ViolationType::ALL.len()]);
                c.jenis_pelanggaran = Some(ViolationType::ALL[(i + 1) % ViolationType::ALL.len()]);
                c.pasal = Some("Pasal 523 ayat (1) UU 7/2017".into());
                c.terlapor = Some(format!("Sdr. {} (\"tim\"; 1,2)", i % 13));
                c.kategori_terlapor = Some(PartyCategory::ALL[i % PartyCategory::ALL.len()]);
                c.diteruskan_ke = Some(Forwarding::ALL[i % Forwarding::ALL.len()]);
                c.nomor_surat_penerusan = Some(format!("{i:03}/PP.01.02/K.KI-10/I/2024"));
                c.tanggal_penerusan = Some(received + chrono::Duration::days(9));
            }
            if source == Source::Laporan {
                c.pelapor = Some(format!("Sdr. {} (pemilih)", i % 17));
            }
            c
        })
        .collect()
}

/// Writes `cases` through the library (as an earlier batch would), each with one history entry.
pub fn seed(db: &Path, cases: &[Case]) {
    let mut store = Store::open(db, Mode::Write).unwrap();
    let now = NaiveDateTime::parse_from_str("2024-02-20 10:00:00", "%Y-%m-%d %H:%M:%S").unwrap();
    let tx = store.conn_mut().transaction().unwrap();
    let batch = NewBatch {
        kind: "manual",
        imported_by: "seed".into(),
        imported_at: now,
        source_name: "seed".into(),
        sha256: None,
    };
    let id = insert_batch(&tx, &batch).unwrap();
    for c in cases {
        let h = StatusChange {
            from: None,
            to: c.status,
            at: c.tanggal_diterima.and_hms_opt(0, 0, 0).unwrap(),
            by: "seed".into(),
            note: None,
        };
        insert_case(&tx, c, &[h], Some(id), now).unwrap();
    }
    tx.commit().unwrap();
}

/// Every case as stored (all fields), by intake number.
pub fn cases(db: &Path) -> Vec<Case> {
    let store = Store::open(db, Mode::ReadOnly).unwrap();
    let mut stmt = store
        .conn()
        .prepare("SELECT * FROM cases ORDER BY nomor")
        .unwrap();
    stmt.query_map([], pantau::store::read::case_from_row)
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn dump(store: &Store, sql: &str, hasher: &mut Sha256) {
    let mut stmt = store.conn().prepare(sql).unwrap();
    let n = stmt.column_count();
    let mut rows = stmt.query([]).unwrap();
    while let Some(r) = rows.next().unwrap() {
        for i in 0..n {
            hasher.update(format!("{:?}\u{1f}", r.get_ref(i).unwrap()));
        }
        hasher.update("\u{1e}");
    }
}

/// A checksum of every case row and every history row, in order.
pub fn case_checksum(db: &Path) -> String {
    let store = Store::open(db, Mode::ReadOnly).unwrap();
    let mut h = Sha256::new();
    dump(&store, "SELECT * FROM cases ORDER BY id", &mut h);
    dump(&store, "SELECT * FROM status_history ORDER BY id", &mut h);
    format!("{:x}", h.finalize())
}

/// [`case_checksum`] plus the batches, the full-text index and the schema: the whole database.
pub fn full_checksum(db: &Path) -> String {
    let store = Store::open(db, Mode::ReadOnly).unwrap();
    let mut h = Sha256::new();
    h.update(case_checksum(db));
    dump(&store, "SELECT * FROM import_batches ORDER BY id", &mut h);
    dump(
        &store,
        "SELECT rowid, * FROM cases_fts ORDER BY rowid",
        &mut h,
    );
    dump(
        &store,
        "SELECT type, name, sql FROM sqlite_schema ORDER BY name",
        &mut h,
    );
    format!("{:x}", h.finalize())
}

/// `PRAGMA integrity_check` and the FTS5 integrity check both pass.
pub fn assert_intact(db: &Path) {
    let store = Store::open(db, Mode::ReadOnly).unwrap();
    let ok: String = store
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        ok, "ok",
        "integrity_check (with NOT NULL and CHECK constraints)"
    );
    let orphans: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(orphans, 0, "every foreign key names an existing row");
    drop(store);
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute(
        "INSERT INTO cases_fts(cases_fts) VALUES('integrity-check')",
        [],
    )
    .unwrap();
}

/// The header of a file with every column.
pub const HEADER: &str = "nomor,nomor_registrasi,sumber,kode_wilayah,kecamatan,kode_tahapan,tanggal_kejadian,\
tanggal_diketahui,tanggal_diterima,tanggal_registrasi,status,diperpanjang,jenis_dugaan,jenis_pelanggaran,pasal,\
uraian,terlapor,kategori_terlapor,pelapor,diteruskan_ke,nomor_surat_penerusan,tanggal_penerusan";

/// One valid CSV row with every column, numbered `i`.
pub fn csv_row(i: usize) -> String {
    let regions = [
        "64.71", "64.72", "64.74", "64.02", "64.08", "64.01", "64.09", "64.03", "64.07", "64.11",
        "64",
    ];
    let stages = ["KAMPANYE", "PENCALONAN", "DATA_PEMILIH", "LAINNYA"];
    let statuses = [
        "DITERIMA",
        "KAJIAN_AWAL",
        "DIREGISTRASI",
        "KLARIFIKASI",
        "PELANGGARAN",
        "BUKAN_PELANGGARAN",
    ];
    let r = regions[i % regions.len()];
    format!(
        "{i:07}/LP/PL/{r}/I/2024,,laporan,{r},{k},{s},2024-01-10,2024-01-11,2024-01-12,,{st},false,PIDANA,,\
         Pasal 523 ayat (1) UU 7/2017,Pembagian minyak goreng kepada warga oleh tim kampanye calon nomor {i},\
         Sdr. AR (tim kampanye),TIM_KAMPANYE,Sdr. HS (pemilih),,,",
        k = {
            let places = places(r);
            &places[i % places.len()].1
        },
        s = stages[i % stages.len()],
        st = statuses[i % statuses.len()],
    )
}

/// A CSV file of rows `from..to`.
pub fn csv_file(from: usize, to: usize) -> String {
    let mut s = String::with_capacity((to - from) * 260 + 400);
    s.push_str(HEADER);
    s.push('\n');
    for i in from..to {
        s.push_str(&csv_row(i));
        s.push('\n');
    }
    s
}

/// The example files in assets/.
pub fn asset(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join(name)
}

/// stdout and stderr of an output, as text.
pub fn texts(out: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
