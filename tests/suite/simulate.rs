//! `pantau simulate` through the real binary: events at the asked rate, each one consistent,
//! in the order of handling, stopped cleanly by time or by Ctrl-C.

use crate::import_support;
use crate::sealed;

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, Stdio};

use import_support::*;
use pantau::domain::Status;

/// The transitions of domain.md §4 (status → the statuses it may move to).
fn allowed(from: Status, to: Status) -> bool {
    use Status::*;
    match from {
        InformasiAwal => to == Penelusuran,
        Penelusuran => matches!(to, Diregistrasi | Dihentikan),
        Diterima => to == KajianAwal,
        KajianAwal => matches!(
            to,
            PerbaikanSyarat | Diregistrasi | TidakDiregistrasi | Dicabut
        ),
        PerbaikanSyarat => matches!(to, Diregistrasi | TidakDiregistrasi),
        Diregistrasi => to == Klarifikasi,
        Klarifikasi => to == Kajian,
        Kajian => matches!(
            to,
            PembahasanGakkumdu | Pelanggaran | BukanPelanggaran | Dihentikan
        ),
        PembahasanGakkumdu => matches!(to, Pelanggaran | BukanPelanggaran | Dihentikan),
        TidakDiregistrasi | Dicabut | Pelanggaran | BukanPelanggaran | Dihentikan => false,
    }
}

/// Checks every simulated case and history entry against the rules; returns (new, changes).
fn check_consistent(db: &Path) -> (i64, i64) {
    assert_intact(db);
    let store = pantau::store::Store::open(db, pantau::store::Mode::ReadOnly).unwrap();
    let c = store.conn();
    let batch: (i64, i64, i64, i64, String) = c
        .query_row(
            "SELECT id, rows_total, rows_new, rows_changed, kind FROM import_batches WHERE kind = 'simulate' ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    let (id, total, new, changed, _) = batch;
    assert_eq!(total, new + changed);
    let entries: i64 = c
        .query_row(
            "SELECT count(*) FROM status_history WHERE batch_id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(entries, new + changed, "one history entry per event");
    let created: i64 = c
        .query_row(
            "SELECT count(*) FROM status_history WHERE batch_id = ?1 AND from_status IS NULL",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(created, new);
    let mut stmt = c.prepare("SELECT id FROM cases").unwrap();
    let ids: Vec<i64> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut batches = c
        .prepare("SELECT batch_id FROM status_history WHERE case_id = ?1 ORDER BY changed_at, id")
        .unwrap();
    for case_id in ids {
        let (case, history) = store.case_with_history(case_id).unwrap().unwrap();
        let of: Vec<Option<i64>> = batches
            .query_map([case_id], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(
            history.last().unwrap().to,
            case.status,
            "{}: the status is the last history entry",
            case.nomor
        );
        for (i, pair) in history.windows(2).enumerate() {
            assert_eq!(pair[1].from, Some(pair[0].to), "{}", case.nomor);
            if of[i + 1] == Some(id) {
                assert!(
                    allowed(pair[0].to, pair[1].to),
                    "{}: {:?} → {:?}",
                    case.nomor,
                    pair[0].to,
                    pair[1].to
                );
            }
        }
        if of[0] == Some(id) {
            let registered = history.iter().any(|h| h.to == Status::Diregistrasi);
            assert_eq!(
                case.tanggal_registrasi.is_some(),
                registered,
                "{}",
                case.nomor
            );
            assert!(case.tanggal_diterima.to_string().as_str() <= TODAY);
        }
        if case.status == Status::Pelanggaran {
            assert!(
                case.jenis_pelanggaran.is_some() && case.diteruskan_ke.is_some(),
                "{}",
                case.nomor
            );
            // Routed as the law has it: ethics of ad-hoc bodies never to DKPP, and so on.
            assert_eq!(
                case.diteruskan_ke,
                case.jenis_pelanggaran
                    .and_then(|t| t.forwarding(case.kategori_terlapor)),
                "{}",
                case.nomor
            );
        }
    }
    (new, changed)
}

fn event_lines(stdout: &str) -> Vec<String> {
    // Without the time of day: "new 001/LP/... ..." or "status 001/... A → B".
    stdout
        .lines()
        .map(|l| l.split_once("  ").map_or(l, |(_, rest)| rest).to_string())
        .collect()
}

#[test]
fn events_arrive_at_the_rate_and_each_is_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    let out = pantau(&db)
        .args([
            "simulate",
            "--rate",
            "600",
            "--duration",
            "3s",
            "--seed",
            "7",
        ])
        .output()
        .unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    let events = event_lines(&stdout);
    assert!(
        (10..=60).contains(&events.len()),
        "about 30 events in 3 s at 600 a minute: {}",
        events.len()
    );
    let (new, changed) = check_consistent(&db);
    assert_eq!((new + changed) as usize, events.len());
    assert_eq!(
        events.iter().filter(|l| l.starts_with("new")).count() as i64,
        new
    );
    assert!(new > 0 && changed > 0, "{stdout}");
    assert!(
        stderr.contains(&format!(
            "Simulation stopped: {new} new {}, {changed} status {} (batch #1)",
            if new == 1 { "case" } else { "cases" },
            if changed == 1 { "change" } else { "changes" }
        )),
        "{stderr}"
    );
    let store = pantau::store::Store::open(&db, pantau::store::Mode::ReadOnly).unwrap();
    let b = &store.batches().unwrap()[0];
    assert_eq!(
        (b.kind.as_str(), b.imported_by.as_str()),
        (
            "simulate",
            nix::unistd::User::from_uid(nix::unistd::getuid())
                .unwrap()
                .unwrap()
                .name
                .as_str()
        )
    );
}

#[test]
fn the_same_seed_makes_the_same_events() {
    let dir = tempfile::tempdir().unwrap();
    let runs: Vec<Vec<String>> = (0..2)
        .map(|i| {
            let db = init_db(dir.path(), &format!("p{i}.db"));
            let out = pantau(&db)
                .args([
                    "simulate",
                    "--rate",
                    "1200",
                    "--duration",
                    "1s",
                    "--seed",
                    "42",
                ])
                .output()
                .unwrap();
            event_lines(&texts(&out).0)
        })
        .collect();
    let n = runs[0].len().min(runs[1].len());
    assert!(n > 3);
    assert_eq!(runs[0][..n], runs[1][..n]);
}

#[test]
fn a_database_with_imported_cases_is_refused_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    pantau(&db)
        .arg("import")
        .arg(asset("contoh-import.csv"))
        .assert()
        .success();
    let before = full_checksum(&db);
    let out = pantau(&db)
        .args(["simulate", "--duration", "1s"])
        .output()
        .unwrap();
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("holds imported cases (batch #1 from") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(full_checksum(&db), before);
    let out = pantau(&db)
        .args([
            "--lang",
            "id",
            "simulate",
            "--force",
            "--rate",
            "600",
            "--duration",
            "2s",
            "--seed",
            "3",
        ])
        .output()
        .unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("Simulasi selesai:"), "{stderr}");
    assert!(
        stdout
            .lines()
            .all(|l| l.contains("  baru ") || l.contains("  status ")),
        "{stdout}"
    );
    check_consistent(&db);
}

/// Runs `pantau simulate --rate 600 --seed 5 EXTRA` on `db`, calls `then` once the first case
/// is written, and returns what the run printed when it ends.
fn simulate_past_the_first_case(
    dir: &Path,
    db: &Path,
    extra: &[&str],
    then: impl FnOnce(&std::process::Child),
) -> std::process::Output {
    let mut child = sealed::pantau_std(&dir.join("home"))
        .env("USER", "tester")
        .env("PANTAU_TODAY", TODAY)
        .arg("--db")
        .arg(db)
        .args(["simulate", "--rate", "600", "--seed", "5"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap());
    let mut written = String::new();
    assert!(
        lines.read_line(&mut written).unwrap() > 0,
        "it wrote nothing"
    );
    then(&child);
    lines.read_to_string(&mut written).unwrap();
    let mut out = child.wait_with_output().unwrap();
    out.stdout = written.into_bytes();
    out
}

#[test]
fn ctrl_c_stops_the_simulation_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    // Ctrl-C once it has written its first case.
    let out = simulate_past_the_first_case(dir.path(), &db, &[], |child| {
        assert!(
            Command::new("kill")
                .args(["-INT", &child.id().to_string()])
                .status()
                .unwrap()
                .success()
        );
    });
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("Simulation stopped:"), "{stderr}");
    let (new, changed) = check_consistent(&db);
    assert_eq!((new + changed) as usize, stdout.lines().count());
}

#[test]
fn a_simulation_that_waits_too_long_for_another_writer_sums_up_what_it_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    // Another writer takes the database once the first case is written, and keeps it.
    let holder = rusqlite::Connection::open(&db).unwrap();
    let out = simulate_past_the_first_case(dir.path(), &db, &["--wait", "1"], |_| {
        holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    });
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("is locked by another writer"), "{stderr}");
    let summary = stderr.find("Simulation stopped:");
    let reason = stderr.find("is locked");
    assert!(
        summary.is_some() && summary < reason,
        "summary, then why: {stderr}"
    );
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    let (new, changed) = check_consistent(&db);
    assert_eq!((new + changed) as usize, stdout.lines().count());
}

#[test]
fn bad_rates_and_durations_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    pantau(&db)
        .args(["simulate", "--rate", "0"])
        .assert()
        .code(2);
    pantau(&db)
        .args(["simulate", "--duration", "10x"])
        .assert()
        .code(2);
}

/// A case as a simulation wrote it: election, intake number, stage, contest.
type Written = (String, String, String, Option<String>);

/// Every case a simulation batch wrote, and the elections of the cases its status changes moved.
fn written_by(db: &Path, batch: i64) -> (Vec<Written>, Vec<String>) {
    let c = rusqlite::Connection::open(db).unwrap();
    let cases = c
        .prepare("SELECT election, nomor, kode_tahapan, kontestasi FROM cases WHERE batch_id = ?1")
        .unwrap()
        .query_map([batch], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap();
    let moved = c
        .prepare(
            "SELECT DISTINCT c.election FROM status_history h JOIN cases c ON c.id = h.case_id \
             WHERE h.batch_id = ?1",
        )
        .unwrap()
        .query_map([batch], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap();
    (cases, moved)
}

#[test]
fn simulate_writes_cases_of_the_election_in_view_or_of_the_one_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = init_db(dir.path(), "p.db");
    let simulate = |today: &str, extra: &[&str]| {
        let out = pantau(&db)
            .env("PANTAU_TODAY", today)
            .args([
                "simulate",
                "--rate",
                "1200",
                "--duration",
                "1s",
                "--seed",
                "9",
            ])
            .args(extra)
            .output()
            .unwrap();
        let (stdout, stderr) = texts(&out);
        assert!(out.status.success(), "{stderr}");
        assert!(stdout.lines().count() > 0, "{stderr}");
        stderr
    };
    // 1 Mar 2024 lies in Pemilu 2024's period alone: its cases, numbered PL.
    let said = simulate(TODAY, &[]);
    assert!(
        said.contains("Simulating cases of 2024 General Election"),
        "{said}"
    );
    let (cases, moved) = written_by(&db, 1);
    assert!(!cases.is_empty());
    for (election, nomor, _, _) in &cases {
        assert_eq!(election, "PEMILU2024");
        assert!(nomor.contains("/PL/"), "{nomor}");
    }
    assert_eq!(moved, ["PEMILU2024"]);

    // On 10 Oct 2024 both periods hold and Pilkada 2024 votes first, but a database holding
    // Pemilu 2024's cases alone stays on Pemilu 2024 (it never opens on an election it has no
    // case of).
    let said = simulate("2024-10-10", &[]);
    assert!(
        said.contains("Simulating cases of 2024 General Election"),
        "{said}"
    );
    let (cases, _) = written_by(&db, 2);
    assert!(cases.iter().all(|c| c.0 == "PEMILU2024"));

    // Named, Pilkada 2024: its cases carry PB, its campaign stage and a race their office handles;
    // only its own open cases move on.
    let said = simulate("2024-10-10", &["--election", "PILKADA2024"]);
    assert!(said.contains("2024 Regional Head Elections"), "{said}");
    let reference = pantau::domain::Reference::embedded();
    let pilkada = reference.election("PILKADA2024").unwrap();
    let (cases, moved) = written_by(&db, 3);
    assert!(!cases.is_empty());
    for (election, nomor, stage, contest) in &cases {
        assert_eq!(election, "PILKADA2024");
        assert!(nomor.contains("/PB/"), "{nomor}");
        assert_eq!(stage, "KAMPANYE");
        assert!(pilkada.contest(contest.as_deref().unwrap()).is_some());
    }
    assert_eq!(moved, ["PILKADA2024"]);

    // Now that it holds cases of both, 10 Oct 2024 is Pilkada 2024's; --election names another,
    // by code or name in any case.
    let said = simulate("2024-10-10", &[]);
    assert!(said.contains("2024 Regional Head Elections"), "{said}");
    let said = simulate("2024-10-10", &["--election", "pemilu 2024"]);
    assert!(said.contains("2024 General Election"), "{said}");
    let (cases, _) = written_by(&db, 5);
    assert!(cases.iter().all(|c| c.0 == "PEMILU2024"));

    let out = pantau(&db)
        .args(["simulate", "--election", "pilkada2042", "--duration", "1s"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let (_, stderr) = texts(&out);
    assert!(
        stderr.contains(
            "--election pilkada2042: this database holds no such election; did you mean PILKADA2024"
        ),
        "{stderr}"
    );
}
