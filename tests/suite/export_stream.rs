//! Export of many cases, streamed as they are read: the file, standard output and the provenance
//! agree, and every case is there once, with the day of its last status change.

use crate::import_support::{TODAY, pantau};

use sha2::{Digest, Sha256};

/// The cases of a synthetic demo database received by the tests' today (those an export of the
/// default view writes): the day of each one's last status change, no later than today, by
/// intake number.
fn stored(db: &std::path::Path) -> std::collections::BTreeMap<String, String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT c.nomor, min(substr(max(h.changed_at), 1, 10), ?1) FROM cases c \
             JOIN status_history h ON h.case_id = c.id WHERE c.tanggal_diterima <= ?1 \
             GROUP BY c.id",
        )
        .unwrap();
    stmt.query_map([TODAY], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn an_export_of_thousands_of_cases_is_every_case_once_on_file_and_on_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("many.db");
    pantau(&db)
        .args(["demo", "--records", "6000"])
        .assert()
        .success();
    let expected = stored(&db);
    assert!(expected.len() > 2000, "{}", expected.len());

    let file = dir.path().join("cases.csv");
    pantau(&db)
        .args(["export", "--format", "csv", "-o"])
        .arg(&file)
        .assert()
        .success();
    let bytes = std::fs::read(&file).unwrap();
    let piped = pantau(&db)
        .args(["export", "--format", "csv", "-o", "-"])
        .output()
        .unwrap();
    assert!(piped.status.success());
    assert_eq!(
        piped.stdout, bytes,
        "standard output is the file, byte for byte"
    );

    let prov: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.path().join("cases.csv.provenance.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(prov["rows"], expected.len());
    assert_eq!(
        prov["sha256"].as_str().unwrap(),
        format!("{:x}", Sha256::digest(&bytes)),
        "the provenance hashes the file written"
    );

    let mut read = csv::Reader::from_reader(bytes.as_slice());
    let headers = read.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (nomor, status_day) = (col("nomor"), col("tanggal_status"));
    let mut found = std::collections::BTreeMap::new();
    for row in read.records() {
        let row = row.unwrap();
        let before = found.insert(row[nomor].to_string(), row[status_day].to_string());
        assert!(before.is_none(), "{} twice", &row[nomor]);
    }
    assert_eq!(
        found, expected,
        "every case once, dated by its last status change"
    );

    // JSON Lines: one line per case, in the same order as the CSV.
    let lines = pantau(&db)
        .args(["export", "--format", "jsonl"])
        .output()
        .unwrap();
    assert!(lines.status.success());
    let nomors: Vec<String> = String::from_utf8(lines.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["nomor"].as_str().unwrap().to_string()
        })
        .collect();
    let csv_order: Vec<String> = csv::Reader::from_reader(bytes.as_slice())
        .records()
        .map(|r| r.unwrap()[nomor].to_string())
        .collect();
    assert_eq!(nomors, csv_order);
}

#[test]
fn ctrl_c_in_the_middle_of_an_export_leaves_no_file_and_says_so() {
    an_export_stopped_by("-INT");
}

/// An SSH connection dropped in the middle: the export stops as on Ctrl-C, its temporary file of
/// case data removed.
#[test]
fn a_hang_up_in_the_middle_of_an_export_leaves_no_file() {
    an_export_stopped_by("-HUP");
}

/// An export of 30,000 cases to a file, stopped by `sig` once its temporary file has cases in it.
fn an_export_stopped_by(sig: &str) {
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("many.db");
    pantau(&db)
        .args(["demo", "--records", "30000"])
        .assert()
        .success();
    let out_dir = dir.path().join("keluar");
    std::fs::create_dir(&out_dir).unwrap();
    let file = out_dir.join("kasus.json");
    // The command as a plain process, so that it can be stopped and signalled.
    let mut child = crate::sealed::pantau_std(&crate::sealed::scratch_home())
        .env("PANTAU_TODAY", crate::import_support::TODAY)
        .arg("--db")
        .arg(&db)
        .args(["export", "--format", "json", "-o"])
        .arg(&file)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Stopped once its temporary file has cases in it, then sent Ctrl-C and let go on.
    let deadline = Instant::now() + Duration::from_secs(120);
    let temp = loop {
        let found = std::fs::read_dir(&out_dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| std::fs::metadata(p).is_ok_and(|m| m.len() > 100_000));
        if let Some(t) = found {
            break t;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the export ended first; use more cases"
        );
        assert!(
            Instant::now() < deadline,
            "the export never started writing"
        );
        std::thread::sleep(Duration::from_millis(2));
    };
    let pid = child.id().to_string();
    let kill = |sig: &str| {
        assert!(
            std::process::Command::new("kill")
                .args([sig, &pid])
                .status()
                .unwrap()
                .success()
        );
    };
    kill("-STOP");
    assert!(
        child.try_wait().unwrap().is_none(),
        "the export ended before it could be stopped; use more cases"
    );
    kill(sig);
    kill("-CONT");
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("cancelled; no file was written"),
        "{stderr}"
    );
    assert!(!file.exists(), "a cut-short export was put in place");
    assert!(
        !temp.exists(),
        "the temporary file {} was left",
        temp.display()
    );
    assert_eq!(
        std::fs::read_dir(&out_dir).unwrap().count(),
        0,
        "something was left in the folder"
    );
}
