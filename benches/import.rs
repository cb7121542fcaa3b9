//! Import speed, in rows per second, of a CSV file whose rows fill every column: checking alone,
//! checking and writing into a fresh database file (commit and checkpoint included), and
//! importing the same file again into the database that holds it (nothing changes), at 10k and
//! 100k rows. `cargo bench --bench import`; the figures are in README.md ("Measured so far").

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use pantau::domain::Reference;
use pantau::i18n::Lang;
use pantau::import::{self, Counts, Format, Input, Options};
use pantau::store::{Mode, Store};

/// The allocator of the pantau binary, so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
        election: None,
    }
}

/// A database file removed when dropped (after the measured part of an iteration).
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        for end in ["", "-wal", "-shm"] {
            let mut name = self.0.clone().into_os_string();
            name.push(end);
            let _ = std::fs::remove_file(name);
        }
    }
}

/// A new database file with the reference data.
fn fresh(path: &Path) -> PathBuf {
    let mut store = Store::open(path, Mode::Create).expect("create");
    store
        .load_reference(&Reference::embedded())
        .expect("reference");
    path.to_path_buf()
}

/// A copy of the database `from` (checkpointed, so the file holds all of it) at `to`.
fn copy(from: &Path, to: &Path) -> PathBuf {
    std::fs::copy(from, to).expect("copy");
    to.to_path_buf()
}

/// Checks and writes `bytes` into the database at `path` as `pantau import` does, commits, and
/// closes the database (which checkpoints it).
fn import_into(path: &Path, bytes: Vec<u8>) -> Counts {
    let store = Store::open(path, Mode::Write).expect("open");
    let reference = store.reference().expect("reference");
    store
        .prepare_bulk_write(import::CACHE_MIB)
        .expect("pragmas");
    let cancel = AtomicBool::new(false);
    let tx = store
        .begin_write(Duration::from_secs(5), &cancel, &mut || {})
        .expect("lock")
        .expect("not cancelled");
    let input = Input::from_bytes("bench.csv", Format::Csv, bytes);
    let now = chrono::Local::now().naive_local();
    let (_, written) = import::check_and_write(
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
    written.counts
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let reference = Reference::embedded();
    for n in [10_000usize, 100_000] {
        let rows = n as u64;
        let bytes = csv(n);
        // The database an import of this file gives, for importing it again.
        let holding = fresh(&dir.path().join(format!("holding-{n}.db")));
        assert_eq!(import_into(&holding, bytes.clone()).new, rows);
        let mut group = c.benchmark_group(format!("import_csv_{n}"));
        group.throughput(Throughput::Elements(rows));
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
        let mut next = |what: &str| {
            round += 1;
            dir.path().join(format!("{what}-{round}.db"))
        };
        group.bench_function("check_and_write_new", |b| {
            b.iter_batched(
                || (fresh(&next("new")), bytes.clone()),
                |(path, bytes)| {
                    assert_eq!(import_into(&path, bytes).new, rows);
                    Scratch(path)
                },
                BatchSize::PerIteration,
            );
        });
        group.bench_function("check_and_write_unchanged", |b| {
            b.iter_batched(
                || (copy(&holding, &next("again")), bytes.clone()),
                |(path, bytes)| {
                    assert_eq!(import_into(&path, bytes).unchanged, rows);
                    Scratch(path)
                },
                BatchSize::PerIteration,
            );
        });
        group.finish();
        drop(Scratch(holding));
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
