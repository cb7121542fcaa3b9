//! Steps after forwarding through the real binary: imported with the cases (one step per line of
//! the follow-up cells, or a JSON array), each recorded once, a step that does not fit refused
//! naming its cell in both languages, counted by `lanjut:` as of a date, written by `export` so
//! that a file round-trips, and shown in the case detail's timeline.

use crate::import_support;
use crate::tui_support;

use std::path::Path;

use import_support::*;
use pantau::i18n::Lang;
use pantau::store::{Mode, Store};
use predicates::prelude::*;
use ratatui::crossterm::event::KeyCode;

/// The header of a file with the columns a forwarded case needs and the follow-up ones.
const HEAD: &str = "nomor,sumber,kode_wilayah,kode_tahapan,tanggal_diterima,status,jenis_pelanggaran,\
diteruskan_ke,tanggal_penerusan,lanjut_tahap,lanjut_tanggal,lanjut_nomor,lanjut_catatan";

/// A Balikpapan money-politics crime that reached its verdict (three steps, one per line; the
/// verdict after 2 Feb 2024), an ethics case ruled by KPU, and a case with no step yet.
fn office_file() -> String {
    format!(
        "{HEAD}\n\
         001/LP/PL/Kota/23.05/I/2024,laporan,Balikpapan,KAMPANYE,2024-01-05,PELANGGARAN,PIDANA,GAKKUMDU,2024-01-12,\
         \"PENYIDIKAN\nPersidangan\nPutusan pengadilan\",\"2024-01-13\n2024-01-30\n2024-02-20\",\
         \"SP.Sidik/1/I/2024\n12/Pid.Sus/2024/PN Bpp\n12/Pid.Sus/2024/PN Bpp\",\"\n\nPidana percobaan 6 bulan\"\n\
         002/TM/PL/Kab/23.09/I/2024,temuan,PPU,LAINNYA,2024-01-08,PELANGGARAN,KODE_ETIK,KPU,2024-01-15,\
         KEPUTUSAN_KPU,2024-01-25,45/PP.04.2-Kpt/I/2024,\n\
         003/TM/PL/Kota/23.06/I/2024,temuan,Samarinda,KAMPANYE,2024-01-09,PELANGGARAN,PIDANA,GAKKUMDU,2024-01-16,,,,\n"
    )
}

fn count(db: &Path, view: &str, as_of: &str) -> i64 {
    let out = pantau(db)
        .args([
            "report", "--by", "type", "--format", "json", "--as-of", as_of, "--view", view,
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["total"].as_i64().unwrap()
}

/// A recorded step: intake number, step, date, reference, note, who recorded it.
type Step = (
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
);

fn steps(db: &Path) -> Vec<Step> {
    let store = Store::open(db, Mode::ReadOnly).unwrap();
    let mut stmt = store
        .conn()
        .prepare(
            "SELECT c.nomor, f.step, f.happened_on, f.reference, f.note, f.recorded_by \
             FROM follow_ups f JOIN cases c ON c.id = f.case_id ORDER BY c.nomor, f.happened_on",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
        ))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

#[test]
fn steps_import_once_and_lanjut_counts_them_as_of_a_date() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    let file = dir.path().join("lanjut.csv");
    std::fs::write(&file, office_file()).unwrap();
    pantau(&db)
        .arg("import")
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("3 new, 0 changed, 0 unchanged"));
    let recorded = steps(&db);
    assert_eq!(recorded.len(), 4, "{recorded:?}");
    assert_eq!(
        recorded[2],
        (
            "001/LP/PL/Kota/23.05/I/2024".to_string(),
            "PUTUSAN".to_string(),
            "2024-02-20".to_string(),
            Some("12/Pid.Sus/2024/PN Bpp".to_string()),
            Some("Pidana percobaan 6 bulan".to_string()),
            recorded[2].5.clone(),
        )
    );
    // Each step records who imported it, in which batch.
    let store = Store::open(&db, Mode::ReadOnly).unwrap();
    let unrecorded: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM follow_ups f JOIN import_batches b ON b.id = f.batch_id \
             WHERE f.recorded_by <> b.imported_by OR b.id <> 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(unrecorded, 0);
    drop(store);

    // How many forwarded crimes reached a verdict: none on 2 Feb 2024, one by 1 March.
    assert_eq!(count(&db, "jenis:pidana lanjut:putusan", "2024-02-02"), 0);
    assert_eq!(count(&db, "jenis:pidana lanjut:putusan", "2024-03-01"), 1);
    assert_eq!(count(&db, "type:pidana followup:verdict", "2024-03-01"), 1);
    assert_eq!(
        count(&db, "jenis:pidana lanjut:persidangan", "2024-02-02"),
        1
    );
    assert_eq!(
        count(&db, "jenis:pidana -lanjut:penyidikan", "2024-03-01"),
        1
    );
    assert_eq!(count(&db, "lanjut:keputusan_kpu", "2024-03-01"), 1);

    // The same file again adds nothing; a new step of a known case changes it.
    pantau(&db)
        .arg("import")
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("0 new, 0 changed, 3 unchanged"));
    assert_eq!(steps(&db), recorded);
    let more = dir.path().join("sp3.csv");
    std::fs::write(
        &more,
        format!(
            "{HEAD}\n003/TM/PL/Kota/23.06/I/2024,temuan,Samarinda,KAMPANYE,2024-01-09,PELANGGARAN,PIDANA,\
             GAKKUMDU,2024-01-16,SP3,2024-02-10,SP3/7/II/2024/Reskrim,Tidak cukup bukti\n"
        ),
    )
    .unwrap();
    pantau(&db)
        .arg("import")
        .arg(&more)
        .assert()
        .success()
        .stdout(predicate::str::contains("0 new, 1 changed, 0 unchanged"));
    assert_eq!(steps(&db).len(), 5);
    assert_eq!(count(&db, "lanjut:sp3", "2024-03-01"), 1);
}

#[test]
fn a_step_that_does_not_fit_is_refused_naming_its_cell_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    let before = full_checksum(&db);
    let refused = [
        // A verdict does not follow an ethics case.
        (
            "KODE_ETIK,DKPP,2024-01-15,PUTUSAN,2024-02-01,,",
            "column \"lanjut_tahap\": follow-up step PUTUSAN (Court verdict) does not fit a KODE_ETIK violation; it follows PIDANA",
            "kolom \"lanjut_tahap\": tahap tindak lanjut PUTUSAN (Putusan pengadilan) tidak cocok untuk pelanggaran KODE_ETIK",
        ),
        // Before the case was forwarded.
        (
            "PIDANA,GAKKUMDU,2024-01-15,PENYIDIKAN,2024-01-10,,",
            "column \"lanjut_tanggal\": follow-up step dated 2024-01-10, before the case was forwarded (2024-01-15)",
            "kolom \"lanjut_tanggal\": tahap tindak lanjut bertanggal 2024-01-10, sebelum perkara diteruskan (2024-01-15)",
        ),
        // Never forwarded, and before the case was received.
        (
            "PIDANA,,,PENYIDIKAN,2024-01-01,,",
            "column \"lanjut_tanggal\": date 2024-01-01 is before tanggal_diterima 2024-01-05",
            "kolom \"lanjut_tanggal\": tanggal 2024-01-01 lebih awal dari tanggal_diterima 2024-01-05",
        ),
        // In the future.
        (
            "PIDANA,GAKKUMDU,2024-01-15,PENYIDIKAN,2024-04-10,,",
            "column \"lanjut_tanggal\": date 2024-04-10 is in the future",
            "kolom \"lanjut_tanggal\": tanggal 2024-04-10 belum terjadi",
        ),
        // A step without a date; a step no one knows.
        (
            "PIDANA,GAKKUMDU,2024-01-15,PENYIDIKAN,,,",
            "column \"lanjut_tanggal\": ",
            "kolom \"lanjut_tanggal\": ",
        ),
        (
            "PIDANA,GAKKUMDU,2024-01-15,PUTUSN,2024-02-01,,",
            "column \"lanjut_tahap\": ",
            "kolom \"lanjut_tahap\": ",
        ),
    ];
    for (i, (cells, en, id)) in refused.iter().enumerate() {
        let file = dir.path().join(format!("salah{i}.csv"));
        std::fs::write(
            &file,
            format!(
                "{HEAD}\n001/TM/PL/Kota/23.05/I/2024,temuan,Balikpapan,KAMPANYE,2024-01-05,PELANGGARAN,{cells}\n"
            ),
        )
        .unwrap();
        pantau(&db)
            .arg("import")
            .arg(&file)
            .assert()
            .failure()
            .stderr(predicate::str::contains(format!("salah{i}.csv:2: {en}")));
        pantau(&db)
            .args(["--lang", "id", "import"])
            .arg(&file)
            .assert()
            .failure()
            .stderr(predicate::str::contains(format!("salah{i}.csv:2: {id}")));
    }
    assert_eq!(full_checksum(&db), before, "nothing written");

    // A row that names no type is checked against the case as stored.
    let file = dir.path().join("lanjut.csv");
    std::fs::write(&file, office_file()).unwrap();
    pantau(&db).arg("import").arg(&file).assert().success();
    let file = dir.path().join("dkpp.csv");
    std::fs::write(
        &file,
        "nomor,sumber,kode_wilayah,kode_tahapan,tanggal_diterima,status,lanjut_tahap,lanjut_tanggal\n\
         001/LP/PL/Kota/23.05/I/2024,laporan,Balikpapan,KAMPANYE,2024-01-05,PELANGGARAN,PUTUSAN_DKPP,2024-02-25\n",
    )
    .unwrap();
    let stored = steps(&db);
    pantau(&db)
        .arg("import")
        .arg(&file)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "dkpp.csv:2: column \"lanjut_tahap\": follow-up step PUTUSAN_DKPP (DKPP ruling) does not fit a PIDANA violation",
        ));
    assert_eq!(steps(&db), stored);
}

#[test]
fn exported_steps_import_back_unchanged_in_every_format_and_a_json_array_reads() {
    let dir = tempfile::tempdir().unwrap();
    let source = init_db(dir.path(), "source.db");
    let file = dir.path().join("lanjut.csv");
    std::fs::write(&file, office_file()).unwrap();
    pantau(&source).arg("import").arg(&file).assert().success();
    let expected: Vec<_> = steps(&source)
        .into_iter()
        .map(|s| (s.0, s.1, s.2, s.3, s.4))
        .collect();
    for format in ["csv", "json", "jsonl"] {
        let out = dir.path().join(format!("cases.{format}"));
        pantau(&source)
            .args(["export", "--format", format, "-o"])
            .arg(&out)
            .assert()
            .success();
        let target = init_db(dir.path(), &format!("target-{format}.db"));
        pantau(&target)
            .arg("import")
            .arg(&out)
            .assert()
            .success()
            .stdout(predicate::str::contains("3 new, 0 changed, 0 unchanged"));
        let got: Vec<_> = steps(&target)
            .into_iter()
            .map(|s| (s.0, s.1, s.2, s.3, s.4))
            .collect();
        assert_eq!(got, expected, "{format}");
        assert_eq!(cases(&target), cases(&source), "{format}");
        let again = dir.path().join(format!("again.{format}"));
        pantau(&target)
            .args(["export", "--format", format, "-o"])
            .arg(&again)
            .assert()
            .success();
        assert_eq!(
            std::fs::read(&out).unwrap(),
            std::fs::read(&again).unwrap(),
            "{format}"
        );
    }

    // An office's own JSON: an array of steps with English keys.
    let db = init_db(dir.path(), "json.db");
    let json = dir.path().join("kiriman.json");
    std::fs::write(
        &json,
        r#"[{"number": "009/LP/PL/Kota/23.05/I/2024", "source": "laporan", "region": "Balikpapan",
  "stage": "KAMPANYE", "received_date": "2024-01-05", "status": "PELANGGARAN",
  "proven_type": "PIDANA", "forwarded_to": "The police (via Gakkumdu)", "forwarding_date": "2024-01-12",
  "follow_ups": [{"step": "investigation", "date": "2024-01-13"},
                 {"step": "verdict", "date": "2024-02-20", "reference": "12/Pid.Sus/2024/PN Bpp"}]}]"#,
    )
    .unwrap();
    pantau(&db).arg("import").arg(&json).assert().success();
    assert_eq!(count(&db, "followup:verdict", "2024-03-01"), 1);
    let got = steps(&db);
    assert_eq!(got.len(), 2);
    assert_eq!(got[1].3.as_deref(), Some("12/Pid.Sus/2024/PN Bpp"));
}

#[test]
fn the_detail_shows_where_a_case_went_its_latest_step_and_the_steps_in_its_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    let file = dir.path().join("lanjut.csv");
    std::fs::write(&file, office_file()).unwrap();
    pantau(&db).arg("import").arg(&file).assert().success();
    let reference = pantau::domain::Reference::embedded();
    for (lang, words) in [
        (
            Lang::En,
            [
                "The police (via Gakkumdu)",
                "Follow-up",
                "Trial · 12/Pid.Sus/2024/PN Bpp · 30/01/2024",
                "Status history and follow-up",
                "Court verdict  (after the view's date)",
            ],
        ),
        (
            Lang::Id,
            [
                "Penyidik Polri (melalui Sentra Gakkumdu)",
                "Tindak lanjut",
                "Persidangan · 12/Pid.Sus/2024/PN Bpp · 30/01/2024",
                "Riwayat status dan tindak lanjut",
                "Putusan pengadilan  (sesudah tanggal tampilan)",
            ],
        ),
    ] {
        let view = pantau::view::parse("lanjut:penyidikan", &reference).unwrap();
        let mut h = tui_support::Harness::on(&db, (160, 40), lang, view);
        h.press(KeyCode::Char('2'));
        h.press(KeyCode::Enter);
        let screen = h.screen();
        for w in words {
            assert!(screen.contains(w), "{lang:?}: {w}\n{screen}");
        }
        // Status changes and steps in date order: investigation (13 Jan) before trial (30 Jan).
        let at = |w: &str| screen.find(w).unwrap_or_else(|| panic!("{w}\n{screen}"));
        assert!(at("13/01/2024") < at("30/01/2024"), "{screen}");
    }
}

#[test]
fn report_by_followup_counts_the_latest_step_by_the_date_with_none_apart() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    let file = dir.path().join("lanjut.csv");
    std::fs::write(&file, office_file()).unwrap();
    pantau(&db).arg("import").arg(&file).assert().success();
    let groups = |as_of: &str| -> Vec<(String, i64)> {
        let out = pantau(&db)
            .args([
                "report", "--by", "followup", "--format", "json", "--as-of", as_of,
            ])
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json["groups"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|g| g["count"].as_i64() != Some(0))
            .map(|g| {
                (
                    g["key"].as_str().unwrap().to_string(),
                    g["count"].as_i64().unwrap(),
                )
            })
            .collect()
    };
    let pairs = |v: &[(&str, i64)]| -> Vec<(String, i64)> {
        v.iter().map(|(k, n)| (k.to_string(), *n)).collect()
    };
    assert_eq!(
        groups("2024-02-02"),
        pairs(&[("PERSIDANGAN", 1), ("KEPUTUSAN_KPU", 1), ("NONE", 1)])
    );
    assert_eq!(
        groups("2024-03-01"),
        pairs(&[("PUTUSAN", 1), ("KEPUTUSAN_KPU", 1), ("NONE", 1)])
    );
    for (lang, words) in [
        ("en", ["Cases by follow-up", "Court verdict", "No step yet"]),
        (
            "id",
            [
                "Kasus per tindak lanjut",
                "Putusan pengadilan",
                "Belum ada tahap",
            ],
        ),
    ] {
        let out = pantau(&db)
            .args([
                "--lang",
                lang,
                "report",
                "--by",
                "followup",
                "--as-of",
                "2024-03-01",
            ])
            .output()
            .unwrap();
        let text = texts(&out).0;
        for w in words {
            assert!(text.contains(w), "{lang}: {w}\n{text}");
        }
    }
}
