//! Import speed, in rows per second: checking alone, and checking and writing a CSV file into a
//! fresh database (commit and checkpoint included), at 10k and 100k rows.
//! `cargo bench --bench import`; the figures are in README.md ("Importing").

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use pantau::domain::Reference;
use pantau::i18n::Lang;
use pantau::import::{self, Format, Input, Options};
use pantau::store::{Mode, Store};

const HEADER: &str = "nomor,nomor_registrasi,sumber,kode_wilayah,kecamatan,kode_tahapan,tanggal_kejadian,\
tanggal_diketahui,tanggal_diterima,tanggal_registrasi,status,diperpanjang,jenis_dugaan,jenis_pelanggaran,pasal,\
uraian,terlapor,kategori_terlapor,pelapor,diteruskan_ke,nomor_surat_penerusan,tanggal_penerusan";

/// `n` rows as an office sends them: every column, ISO dates, a sentence of description.
fn csv(n: usize) -> Vec<u8> {
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
    let mut s = String::with_capacity(n * 260 + 400);
    s.push_str(HEADER);
    s.push('\n');
    for i in 0..n {
        let r = regions[i % regions.len()];
        s.push_str(&format!(
            "{i:07}/LP/PL/{r}/I/2024,,laporan,{r},Kecamatan {k},{st},2024-01-10,2024-01-11,2024-01-12,,{status},false,PIDANA,,\
             Pasal 523 ayat (1) UU 7/2017,Pembagian minyak goreng kepada warga oleh tim kampanye calon nomor {i},\
             Sdr. AR (tim kampanye),TIM_KAMPANYE,Sdr. HS (pemilih),,,\n",
            k = i % 17,
            st = stages[i % stages.len()],
            status = statuses[i % statuses.len()],
        ));
    }
    s.into_bytes()
}

fn options() -> Options {
    Options {
        ignore_unknown: false,
        skip_invalid: false,
        today: chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap_or_default(),
        lang: Lang::En,
    }
}

/// A new database file with the reference data.
fn fresh(dir: &Path, i: usize) -> std::path::PathBuf {
    let path = dir.join(format!("bench-{i}.db"));
    let mut store = Store::open(&path, Mode::Create).expect("create");
    store
        .load_reference(&Reference::embedded())
        .expect("reference");
    path
}

/// Checks and writes `bytes` into the database at `path`, as `pantau import` does.
fn import_into(path: &Path, bytes: Vec<u8>) -> u64 {
    let store = Store::open(path, Mode::Write).expect("open");
    let reference = store.reference().expect("reference");
    store.prepare_bulk_write(256).expect("pragmas");
    let cancel = AtomicBool::new(false);
    let tx = store
        .begin_write(Duration::from_secs(5), &cancel, &mut || {})
        .expect("lock")
        .expect("not cancelled");
    let input = Input::from_bytes("bench.csv", Format::Csv, bytes);
    let now = chrono::Local::now().naive_local();
    let (checked, written) = import::check_and_write(
        &tx,
        input,
        &reference,
        &options(),
        "bench",
        now,
        &cancel,
        &|_| {},
    )
    .expect("import")
    .expect("not cancelled");
    let written = written.expect("valid");
    tx.commit().expect("commit");
    assert_eq!(written.counts.new, checked.rows);
    checked.rows
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let reference = Reference::embedded();
    for n in [10_000usize, 100_000] {
        let bytes = csv(n);
        let mut group = c.benchmark_group(format!("import_csv_{n}"));
        group.throughput(Throughput::Elements(n as u64));
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(if n > 10_000 { 30 } else { 10 }));
        group.bench_function("check", |b| {
            b.iter_batched(
                || Input::from_bytes("bench.csv", Format::Csv, bytes.clone()),
                |input| {
                    let checked = import::check(
                        input,
                        &reference,
                        &options(),
                        &AtomicBool::new(false),
                        &|_| {},
                    )
                    .expect("checked")
                    .expect("not cancelled");
                    assert!(checked.problems.is_empty());
                },
                BatchSize::PerIteration,
            );
        });
        let mut round = 0;
        group.bench_function("check_and_write", |b| {
            b.iter_batched(
                || {
                    round += 1;
                    (fresh(dir.path(), round), bytes.clone())
                },
                |(path, bytes)| {
                    assert_eq!(import_into(&path, bytes), n as u64);
                    path
                },
                BatchSize::PerIteration,
            );
        });
        group.finish();
        for entry in std::fs::read_dir(dir.path()).expect("dir").flatten() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
