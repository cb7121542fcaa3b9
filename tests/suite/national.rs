//! Every province and the national roll-up: the region tree loaded whole for Kaltim and for Jawa
//! Barat, `init --province` and `--nasional` with their refusals and suggestions in both
//! languages, the demo of another province placed in its tree, and two provinces' exports
//! imported twice into a national database: each case once, each batch's origin recorded, a case
//! that would change province refused.

use std::path::{Path, PathBuf};

use pantau::domain::Reference;
use pantau::domain::wilayah;
use pantau::store::{Mode, Store};

use crate::sealed;

/// A day after every synthetic case, so that an import takes them all.
const TODAY: &str = "2025-06-01";

/// `pantau --db DB ARGS…` in `locale`: exit code, standard output, standard error.
fn run_in(locale: &str, db: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let mut c = sealed::pantau(&sealed::scratch_home());
    sealed::locale(&mut c, locale);
    let out = c
        .env("PANTAU_TODAY", TODAY)
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The same in English, which must succeed; standard output.
fn ok(db: &Path, args: &[&str]) -> String {
    let (code, out, err) = run_in("C.UTF-8", db, args);
    assert_eq!(code, Some(0), "pantau {args:?}\n{out}\n{err}");
    out
}

fn stored(db: &Path) -> Reference {
    Store::open(db, Mode::ReadOnly)
        .unwrap()
        .reference()
        .unwrap()
        .as_ref()
        .clone()
}

fn count(db: &Path, sql: &str) -> i64 {
    Store::open(db, Mode::ReadOnly)
        .unwrap()
        .conn()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

fn regencies(r: &Reference) -> usize {
    r.regions
        .iter()
        .filter(|x| x.kind == "kabupaten" || x.kind == "kota")
        .count()
}

#[test]
fn the_region_tree_is_loaded_whole_for_kaltim_and_for_jawa_barat() {
    let dir = tempfile::tempdir().unwrap();
    let kaltim = dir.path().join("kaltim.db");
    ok(&kaltim, &["init"]);
    let r = stored(&kaltim);
    assert_eq!(r.root().unwrap().code, "64");
    assert_eq!(regencies(&r), 10);
    assert_eq!(r.kecamatan.len(), 105);
    assert_eq!(r.desa.len(), 1038);
    assert_eq!(r.kecamatan_in("64.72").len(), 10, "Samarinda's kecamatan");

    // Jawa Barat's counts are the dataset's: every kabupaten/kota, kecamatan and kelurahan/desa.
    let jabar = dir.path().join("jabar.db");
    let out = ok(&jabar, &["init", "--province", "32"]);
    let tree = wilayah::province_regions("32").unwrap();
    let codes: Vec<&str> = tree[1..].iter().map(|x| x.code.as_str()).collect();
    let kec = wilayah::kecamatan_of(&codes);
    let kc: Vec<&str> = kec.iter().map(|k| k.code.as_str()).collect();
    let desa = wilayah::desa_of(&kc);
    let r = stored(&jabar);
    assert_eq!(r.root().unwrap().code, "32");
    assert_eq!(regencies(&r), tree.len() - 1);
    assert_eq!(regencies(&r), 27);
    assert_eq!(r.kecamatan.len(), kec.len());
    assert_eq!(r.kecamatan.len() as i64, tree[0].kecamatan_count);
    assert_eq!(r.desa.len(), desa.len());
    assert!(r.desa.iter().all(|d| d.code.starts_with("32.")));
    assert!(
        out.contains(&format!(
            "Provinsi Jawa Barat (32): 27 kabupaten/kota, {} kecamatan, {} kelurahan/desa",
            kec.len(),
            desa.len()
        )),
        "{out}"
    );
    // Kota Bandung and Kabupaten Bandung stay apart.
    assert_eq!(r.region("32.73").unwrap().short_name, "Kota Bandung");
    assert_eq!(r.region("32.04").unwrap().short_name, "Bandung");

    let national = dir.path().join("ri.db");
    ok(&national, &["init", "--national"]);
    let r = stored(&national);
    assert!(r.is_national());
    assert_eq!(
        r.regions.iter().filter(|x| x.kind == "provinsi").count(),
        38
    );
    assert_eq!(regencies(&r), 514);
    assert_eq!(r.kecamatan.len(), 7285);
    assert_eq!(r.desa.len(), 83_762);
}

#[test]
fn init_province_suggests_near_names_and_refuses_to_mix_two_roots_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    // A near miss names the province meant; nothing is created.
    let (code, _, err) = run_in("C.UTF-8", &db, &["init", "--province", "Jawa Barta"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("did you mean 32 (Jawa Barat)?"), "{err}");
    let (code, _, err) = run_in("id_ID.UTF-8", &db, &["init", "--province", "Jawa Barta"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("maksud Anda 32 (Jawa Barat)?"), "{err}");
    let (code, _, err) = run_in("C.UTF-8", &db, &["init", "--province", "Atlantis"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("pantau init --province list"), "{err}");
    assert!(!db.exists(), "a refused init creates nothing");

    // The list: 38 provinces with their codes and counts.
    let list = ok(&db, &["init", "--province", "list"]);
    let rows: Vec<&str> = list
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .collect();
    assert_eq!(rows.len(), 38, "{list}");
    assert!(
        rows.iter().any(|l| l.starts_with("64 ")
            && l.contains("Kalimantan Timur")
            && l.contains("Kaltim")),
        "{list}"
    );
    assert!(!db.exists(), "listing creates no database");

    // By short name; again is a no-op; plain init keeps the database's province.
    ok(&db, &["init", "--province", "jabar"]);
    let again = ok(&db, &["init", "--province", "Jawa Barat"]);
    assert!(again.contains("nothing changed"), "{again}");
    let plain = ok(&db, &["init"]);
    assert!(plain.contains("nothing changed"), "{plain}");
    assert_eq!(stored(&db).root().unwrap().code, "32");

    // Another province, or the whole country, is refused, naming both.
    let (code, _, err) = run_in("C.UTF-8", &db, &["init", "--province", "kaltim"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(
            "this database is set up for Provinsi Jawa Barat (32), not Provinsi Kalimantan Timur (64)"
        ),
        "{err}"
    );
    let (code, _, err) = run_in("id_ID.UTF-8", &db, &["init", "--nasional"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(
            "database ini sudah disiapkan untuk Provinsi Jawa Barat (32), bukan seluruh Indonesia (Bawaslu RI)"
        ),
        "{err}"
    );
    let r = stored(&db);
    assert_eq!(r.root().unwrap().code, "32");
    assert!(r.region("64").is_none(), "nothing of Kaltim was mixed in");

    // doctor names the province and where the tree comes from.
    let (_, out, _) = run_in("C.UTF-8", &db, &["doctor"]);
    assert!(
        out.contains("region tree: Provinsi Jawa Barat (32); source: idn-area-data 4.0.1"),
        "{out}"
    );
    let (_, out, _) = run_in("id_ID.UTF-8", &db, &["doctor"]);
    assert!(
        out.contains("pohon wilayah: Provinsi Jawa Barat (32); sumber: idn-area-data"),
        "{out}"
    );
}

#[test]
fn the_demo_of_another_province_places_every_case_in_its_tree() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jabar.db");
    let (code, _, err) = run_in(
        "C.UTF-8",
        &db,
        &["demo", "--records", "1500", "--province", "32"],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("written without a contest"), "{err}");
    assert_eq!(stored(&db).root().unwrap().code, "32");
    let n = |sql: &str| count(&db, sql);
    assert_eq!(n("SELECT count(*) FROM cases"), 1500);
    // Every case has a kecamatan and a desa of the tree, in its office's area.
    assert_eq!(
        n(
            "SELECT count(*) FROM cases c JOIN regions k ON k.code = c.kode_kecamatan \
           JOIN desa d ON d.code = c.kode_desa AND d.kecamatan = k.code \
           WHERE k.kind = 'kecamatan' AND k.name = c.kecamatan \
           AND (c.kode_wilayah = '32' OR k.parent_code = c.kode_wilayah)"
        ),
        1500
    );
    assert!(n("SELECT count(DISTINCT kode_wilayah) FROM cases") > 20);
    // A TPS only on voting day, and then mostly.
    assert_eq!(
        n("SELECT count(*) FROM cases WHERE tps IS NOT NULL AND kode_tahapan <> 'PUNGUT_HITUNG'"),
        0
    );
    assert!(n("SELECT count(*) FROM cases WHERE tps IS NOT NULL") > 100);
    // Pilkada 2024's contests are Kaltim's races: none here; each number carries its office.
    assert!(n("SELECT count(*) FROM cases WHERE election = 'PILKADA2024'") > 100);
    assert_eq!(
        n("SELECT count(*) FROM cases WHERE election = 'PILKADA2024' AND kontestasi IS NOT NULL"),
        0
    );
    assert_eq!(
        n("SELECT count(*) FROM cases WHERE instr(nomor, '/' || kode_wilayah || '/') = 0"),
        0
    );
    // Kaltim's synthetic cases are placed too, and their numbers differ from Jawa Barat's.
    let kaltim = dir.path().join("kaltim.db");
    ok(&kaltim, &["demo", "--records", "1500"]);
    assert_eq!(
        count(
            &kaltim,
            "SELECT count(*) FROM cases WHERE kode_kecamatan IS NOT NULL AND kode_desa IS NOT NULL"
        ),
        1500
    );
    let first = |db: &Path| -> String {
        Store::open(db, Mode::ReadOnly)
            .unwrap()
            .conn()
            .query_row("SELECT nomor FROM cases WHERE id = 1", [], |r| r.get(0))
            .unwrap()
    };
    assert_ne!(first(&db), first(&kaltim));
}

/// A province's demo database of `n` cases and its export as JSON Lines.
fn province(dir: &Path, name: &str, province: &str, n: &str) -> (PathBuf, PathBuf) {
    let db = dir.join(format!("{name}.db"));
    let mut args = vec!["demo", "--records", n];
    if province != "64" {
        args.extend(["--province", province]);
    }
    let (code, _, err) = run_in("C.UTF-8", &db, &args);
    assert_eq!(code, Some(0), "{err}");
    let file = dir.join(format!("{name}.jsonl"));
    ok(
        &db,
        &["export", "--format", "jsonl", "-o", file.to_str().unwrap()],
    );
    (db, file)
}

/// Cases per province, as `province → count`.
fn per_province(db: &Path) -> Vec<(String, i64)> {
    let store = Store::open(db, Mode::ReadOnly).unwrap();
    let mut s = store
        .conn()
        .prepare(
            "SELECT substr(kode_wilayah, 1, 2) AS p, count(*) FROM cases GROUP BY p ORDER BY p",
        )
        .unwrap();
    s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn two_provinces_rolled_up_twice_hold_each_case_once_with_each_batch_origin() {
    let dir = tempfile::tempdir().unwrap();
    let (kaltim_db, kaltim) = province(dir.path(), "kaltim", "64", "3000");
    let (jabar_db, jabar) = province(dir.path(), "jabar", "32", "3000");
    let national = dir.path().join("ri.db");
    ok(&national, &["init", "--nasional"]);
    let files = [kaltim.to_str().unwrap(), jabar.to_str().unwrap()];

    let first = ok(&national, &["import", files[0], files[1]]);
    assert!(
        first.contains("3,000 new, 0 changed, 0 unchanged"),
        "{first}"
    );
    assert!(
        first.contains("origin: 64") && first.contains("origin: 32"),
        "{first}"
    );
    // The next day's run: the same files again, nothing new, nothing doubled.
    let second = ok(&national, &["import", files[0], files[1]]);
    assert!(
        second.contains("0 new, 0 changed, 3,000 unchanged"),
        "{second}"
    );
    assert!(
        second.contains("Total: 0 new, 0 changed, 6,000 unchanged"),
        "{second}"
    );

    assert_eq!(count(&national, "SELECT count(*) FROM cases"), 6000);
    assert_eq!(
        count(&national, "SELECT count(DISTINCT nomor) FROM cases"),
        6000
    );
    let mut expected = per_province(&kaltim_db);
    expected.extend(per_province(&jabar_db));
    expected.sort();
    assert_eq!(per_province(&national), expected);
    // Everything a case needs came along: its kecamatan, desa and TPS.
    let places =
        "SELECT count(*) FROM cases WHERE kode_kecamatan IS NOT NULL AND kode_desa IS NOT NULL";
    assert_eq!(count(&national, places), 6000);
    let tps = "SELECT count(tps) FROM cases";
    assert_eq!(
        count(&national, tps),
        count(&kaltim_db, tps) + count(&jabar_db, tps)
    );

    // Each batch's origin, in text and JSON, in both languages.
    let text = ok(&national, &["batches"]);
    assert_eq!(text.matches("origin: 64").count(), 2, "{text}");
    assert_eq!(text.matches("origin: 32").count(), 2, "{text}");
    let (_, id, _) = run_in("id_ID.UTF-8", &national, &["batches"]);
    assert_eq!(id.matches("asal: 32").count(), 2, "{id}");
    let json: serde_json::Value =
        serde_json::from_str(&ok(&national, &["batches", "--format", "json"])).unwrap();
    let origins: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["origin"].as_str().unwrap())
        .collect();
    assert_eq!(origins, ["32", "64", "32", "64"]);

    // --origin is checked against the rows: Kaltim's file said to be Jawa Barat's is refused.
    let (code, _, err) = run_in(
        "C.UTF-8",
        &national,
        &["import", "--origin", "jabar", files[0]],
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("said to come from province 32"), "{err}");

    // A Jawa Barat row that takes a Kaltim case's number: refused, nothing overwritten.
    let text = std::fs::read_to_string(&kaltim).unwrap();
    let line = text.lines().next().unwrap();
    let row: serde_json::Value = serde_json::from_str(line).unwrap();
    let nomor = row["nomor"].as_str().unwrap().to_string();
    let office = row["kode_wilayah"].as_str().unwrap().to_string();
    let mut clash: serde_json::Value = serde_json::from_str(
        std::fs::read_to_string(&jabar)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    clash["nomor"] = serde_json::Value::String(nomor.clone());
    let clash_file = dir.path().join("jabar-clash.jsonl");
    std::fs::write(&clash_file, format!("{clash}\n")).unwrap();
    let (code, _, err) = run_in(
        "C.UTF-8",
        &national,
        &["import", clash_file.to_str().unwrap()],
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains(&nomor) && err.contains("→ 32."), "{err}");
    let (_, _, err_id) = run_in(
        "id_ID.UTF-8",
        &national,
        &["import", clash_file.to_str().unwrap()],
    );
    assert!(err_id.contains("provinsi lain"), "{err_id}");
    let kept: String = Store::open(&national, Mode::ReadOnly)
        .unwrap()
        .conn()
        .query_row(
            "SELECT kode_wilayah FROM cases WHERE nomor = ?1",
            [&nomor],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(kept, office);
    assert_eq!(count(&national, "SELECT count(*) FROM import_batches"), 4);
}

/// A Samarinda case of `db` and the day it was received, the earliest: one to transfer.
fn samarinda_case(db: &Path) -> (String, chrono::NaiveDate) {
    Store::open(db, Mode::ReadOnly)
        .unwrap()
        .conn()
        .query_row(
            "SELECT nomor, tanggal_diterima FROM cases WHERE kode_wilayah = '64.72' \
             ORDER BY tanggal_diterima, id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

/// Every case's handling history in `db`, one line per entry, by intake number.
fn chains(db: &Path) -> Vec<String> {
    let store = Store::open(db, Mode::ReadOnly).unwrap();
    let mut s = store
        .conn()
        .prepare(
            "SELECT c.nomor, h.on_date, h.from_office, h.to_office, h.kind, h.letter, h.note, \
             h.changed_by, h.changed_at FROM handling_history h JOIN cases c ON c.id = h.case_id \
             ORDER BY c.nomor, h.on_date, h.id",
        )
        .unwrap();
    s.query_map([], |r| {
        let v: Vec<Option<String>> = (0..9).map(|i| r.get(i)).collect::<Result<_, _>>()?;
        Ok(format!("{v:?}"))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

/// Kaltim's rows of `report --by region` as of `day`, sorted: the province and its offices.
fn kaltim_counts(db: &Path, day: chrono::NaiveDate) -> Vec<String> {
    let day = day.to_string();
    let out = ok(
        db,
        &[
            "report", "--by", "region", "--as-of", &day, "--format", "csv",
        ],
    );
    let mut rows: Vec<String> = out
        .lines()
        .filter(|l| l.starts_with("64,") || l.starts_with("64."))
        .map(str::to_string)
        .collect();
    rows.sort();
    rows
}

#[test]
fn a_transfer_travels_with_the_export_and_counts_nationally_where_the_province_counts_it() {
    let dir = tempfile::tempdir().unwrap();
    let (kaltim_db, _) = province(dir.path(), "kaltim", "64", "600");
    let (_, jabar) = province(dir.path(), "jabar", "32", "300");
    // Samarinda hands a case to the province, which hands it to Balikpapan.
    let (nomor, received) = samarinda_case(&kaltim_db);
    let (d1, d2) = (
        received + chrono::Days::new(10),
        received + chrono::Days::new(40),
    );
    let (t1, t2) = (d1.to_string(), d2.to_string());
    ok(
        &kaltim_db,
        &[
            "limpah",
            &nomor,
            "--ke",
            "64",
            "--tanggal",
            &t1,
            "--surat",
            "031/PP.01.02/K.KI/2024",
        ],
    );
    ok(
        &kaltim_db,
        &["limpah", &nomor, "--ke", "64.71", "--tanggal", &t2],
    );
    let kaltim = dir.path().join("kaltim.jsonl");
    ok(
        &kaltim_db,
        &[
            "export",
            "--format",
            "jsonl",
            "-o",
            kaltim.to_str().unwrap(),
        ],
    );
    let national = dir.path().join("ri.db");
    ok(&national, &["init", "--nasional"]);
    let files = [kaltim.to_str().unwrap(), jabar.to_str().unwrap()];
    let first = ok(&national, &["import", files[0], files[1]]);
    assert!(
        first.contains("Total: 900 new, 0 changed, 0 unchanged"),
        "{first}"
    );
    let second = ok(&national, &["import", files[0], files[1]]);
    assert!(
        second.contains("Total: 0 new, 0 changed, 900 unchanged"),
        "{second}"
    );
    // The chain came along once, as the province recorded it.
    assert_eq!(chains(&national), chains(&kaltim_db));
    assert_eq!(chains(&national).len(), 2);
    // Before, on and after each transfer, the national database counts Kaltim's offices as
    // Kaltim's own database does.
    let one = chrono::Days::new(1);
    for day in [received, d1 - one, d1, d2 - one, d2, d2 + one] {
        assert_eq!(
            kaltim_counts(&national, day),
            kaltim_counts(&kaltim_db, day),
            "as of {day}"
        );
    }
}

#[test]
fn the_chain_comes_back_from_every_format_once_and_a_broken_one_is_a_row_problem() {
    let dir = tempfile::tempdir().unwrap();
    let (kaltim_db, _) = province(dir.path(), "kaltim", "64", "200");
    let (nomor, received) = samarinda_case(&kaltim_db);
    let (d1, d2) = (
        (received + chrono::Days::new(3)).to_string(),
        (received + chrono::Days::new(9)).to_string(),
    );
    ok(
        &kaltim_db,
        &[
            "limpah",
            &nomor,
            "--ke",
            "64",
            "--tanggal",
            &d1,
            "--surat",
            "031/PP \"A\"",
        ],
    );
    let copy_of = |format: &str| {
        let file = dir.path().join(format!("kasus.{format}"));
        ok(
            &kaltim_db,
            &["export", "--format", format, "-o", file.to_str().unwrap()],
        );
        let db = dir.path().join(format!("{format}.db"));
        if !db.exists() {
            ok(&db, &["init"]);
        }
        let out = ok(&db, &["import", file.to_str().unwrap()]);
        (db, file, out)
    };
    for format in ["csv", "json", "jsonl"] {
        let (db, _, out) = copy_of(format);
        assert!(out.contains("200 new"), "{format}: {out}");
        assert_eq!(chains(&db), chains(&kaltim_db), "{format}");
        // The next day's file, the same: nothing added.
        let (db, _, out) = copy_of(format);
        assert!(
            out.contains("0 new, 0 changed, 200 unchanged"),
            "{format}: {out}"
        );
        assert_eq!(chains(&db), chains(&kaltim_db), "{format}");
    }
    // A transfer recorded since: the row whose chain grew is changed, and the entry added once.
    ok(
        &kaltim_db,
        &["limpah", &nomor, "--ke", "64.71", "--tanggal", &d2],
    );
    let (db, file, out) = copy_of("jsonl");
    assert!(out.contains("0 new, 1 changed, 199 unchanged"), "{out}");
    assert_eq!(chains(&db), chains(&kaltim_db));
    assert_eq!(chains(&db).len(), 2);
    let (_, _, out) = copy_of("jsonl");
    assert!(out.contains("0 new, 0 changed, 200 unchanged"), "{out}");

    // A chain that does not hold together: a row problem naming its line and column, in both
    // languages; --skip-invalid imports the others.
    let text = std::fs::read_to_string(&file).unwrap();
    let (at, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("\"pelimpahan\""))
        .unwrap();
    let mut row: serde_json::Value = serde_json::from_str(line).unwrap();
    row["pelimpahan"][1]["from_office"] = "64.72".into();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[at] = row.to_string();
    let broken = dir.path().join("broken.jsonl");
    std::fs::write(&broken, lines.join("\n") + "\n").unwrap();
    let fresh = dir.path().join("fresh.db");
    ok(&fresh, &["init"]);
    let b = broken.to_str().unwrap();
    let (code, _, err) = run_in("C.UTF-8", &fresh, &["import", b]);
    assert_eq!(code, Some(1), "{err}");
    let n = at + 1;
    assert!(
        err.contains(&format!(
            "broken.jsonl:{n}: object #{n}: column \"pelimpahan\": transfer 2: starts from \
             64.72, but the transfer above it ends at 64"
        )),
        "{err}"
    );
    let (code, _, err) = run_in("id_ID.UTF-8", &fresh, &["import", b]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("kolom \"pelimpahan\": pelimpahan ke-2: berangkat dari 64.72"),
        "{err}"
    );
    assert_eq!(count(&fresh, "SELECT count(*) FROM cases"), 0);
    ok(&fresh, &["import", "--skip-invalid", b]);
    assert_eq!(count(&fresh, "SELECT count(*) FROM cases"), 199);
    assert_eq!(count(&fresh, "SELECT count(*) FROM handling_history"), 0);
}

#[test]
fn simulate_on_another_provinces_database_says_why_it_cannot_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("jabar.db");
    ok(&db, &["init", "--province", "32"]);
    let args = [
        "simulate",
        "--rate",
        "600",
        "--duration",
        "3s",
        "--seed",
        "1",
    ];
    let (code, _, err) = run_in("C.UTF-8", &db, &args);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("writes cases of Kaltim's offices only")
            && err.contains("Provinsi Jawa Barat")
            && err.contains("pantau demo --records N --province 32"),
        "{err}"
    );
    assert!(!err.to_lowercase().contains("foreign key"), "{err}");
    let (code, _, err) = run_in("id_ID.UTF-8", &db, &args);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("hanya menulis kasus kantor-kantor Kaltim"),
        "{err}"
    );
    assert_eq!(count(&db, "SELECT count(*) FROM cases"), 0);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM import_batches WHERE kind = 'simulate'"
        ),
        0
    );
}
