//! Cases of two elections through the real binary: a row's election from its `pemilihan` column,
//! from `--election`, or from its case number (PL or PB and the year); its stage and contest read
//! as that election's; a row that cannot tell its election refused in both languages with nothing
//! written; and an export imported into an empty database giving the same cases, election and
//! contest included. The database is made by `pantau init`, which loads Pemilu 2024 and Pilkada
//! 2024.

use crate::import_support;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use import_support::{assert_intact, cases, full_checksum, init_db, texts};
use pantau::store::{Mode, Store};
use rust_xlsxwriter::Workbook;

/// A day after every date of these cases (Pilkada 2024 voted on 27 November 2024).
const TODAY: &str = "2025-01-31";

/// The binary on `db`, sealed, on [`TODAY`].
fn pantau(db: &Path) -> Command {
    let mut c = import_support::pantau(db);
    c.env("PANTAU_TODAY", TODAY);
    c
}

/// A database as `pantau init` makes it: both shipped elections.
fn new_db(dir: &Path, name: &str) -> PathBuf {
    init_db(dir, name)
}

/// Imports `name` (written with `content`) with `args`: exit code, standard output and error.
fn import(db: &Path, name: &str, content: &[u8], args: &[&str]) -> (Option<i32>, String, String) {
    let dir = db.parent().unwrap();
    std::fs::write(dir.join(name), content).unwrap();
    let out = pantau(db)
        .current_dir(dir)
        .arg("import")
        .args(args)
        .arg(name)
        .output()
        .unwrap();
    let (stdout, stderr) = texts(&out);
    (out.status.code(), stdout, stderr)
}

fn accepted(db: &Path, name: &str, content: &str, args: &[&str]) -> String {
    let (code, stdout, stderr) = import(db, name, content.as_bytes(), args);
    assert_eq!(code, Some(0), "{stdout}\n{stderr}");
    stdout
}

/// Refused with every one of `expected` in standard error, and the database as it was.
fn refused(db: &Path, name: &str, content: &str, args: &[&str], expected: &[&str]) -> String {
    let before = full_checksum(db);
    let (code, _, stderr) = import(db, name, content.as_bytes(), args);
    assert_eq!(code, Some(1), "{stderr}");
    for e in expected {
        assert!(stderr.contains(e), "expected {e:?} in:\n{stderr}");
    }
    assert_eq!(full_checksum(db), before, "the database is unchanged");
    stderr
}

/// The election and contest of the stored case `nomor`.
fn election_of(db: &Path, nomor: &str) -> (String, Option<String>) {
    let c = cases(db)
        .into_iter()
        .find(|c| c.nomor == nomor)
        .unwrap_or_else(|| panic!("{nomor} is stored"));
    (c.election, c.kontestasi)
}

const HEAD: &str =
    "nomor,sumber,kode_wilayah,kode_tahapan,tanggal_diterima,status,pemilihan,kontestasi";

/// A row of [`HEAD`].
fn row(nomor: &str, stage: &str, date: &str, election: &str, contest: &str) -> String {
    format!("{nomor},laporan,64.71,{stage},{date},DITERIMA,{election},{contest}\n")
}

/// A row without the election columns (`nomor,sumber,kode_wilayah,kode_tahapan,tanggal_diterima,status`).
const SHORT_HEAD: &str = "nomor,sumber,kode_wilayah,kode_tahapan,tanggal_diterima,status";

fn short(nomor: &str, stage: &str, date: &str) -> String {
    format!("{nomor},laporan,64.71,{stage},{date},DITERIMA\n")
}

#[test]
fn a_fresh_database_holds_both_shipped_elections() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path(), "p.db");
    let store = Store::open(&db, Mode::ReadOnly).unwrap();
    let mut stmt = store
        .conn()
        .prepare("SELECT code FROM elections ORDER BY code")
        .unwrap();
    let codes: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(codes, ["PEMILU2024", "PILKADA2024"]);
}

#[test]
fn a_pilkada_row_and_a_pemilu_row_land_in_their_elections_from_csv_json_and_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    // The same two cases in each format: the election by code or by name in either language,
    // the contest by code or by name.
    let csv = format!(
        "{HEAD}\n{}{}",
        row(
            "PK-1",
            "Masa kampanye",
            "2024-10-10",
            "pilkada 2024",
            "Mayor of Balikpapan"
        ),
        row(
            "PM-1",
            "PENCALONAN",
            "2023-10-02",
            "PEMILU2024",
            "DPRD_KABKOTA"
        ),
    );
    let json = r#"[
      {"nomor": "PK-1", "sumber": "laporan", "kode_wilayah": "64.71", "kode_tahapan": "KAMPANYE",
       "tanggal_diterima": "2024-10-10", "status": "DITERIMA", "election": "2024 Regional Head Elections",
       "contest": "WALIKOTA_BALIKPAPAN"},
      {"nomor": "PM-1", "sumber": "laporan", "kode_wilayah": "64.71", "kode_tahapan": "PENCALONAN",
       "tanggal_diterima": "2023-10-02", "status": "DITERIMA", "pemilihan": "Pemilu 2024",
       "kontestasi": "Pemilihan anggota DPRD Kabupaten/Kota"}
    ]"#;
    let xlsx = {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        let rows = [
            [
                "nomor",
                "sumber",
                "kode_wilayah",
                "kode_tahapan",
                "tanggal_diterima",
                "status",
                "Kode Pemilihan",
                "Contest",
            ],
            [
                "PK-1",
                "laporan",
                "64.71",
                "KAMPANYE",
                "2024-10-10",
                "DITERIMA",
                "PILKADA2024",
                "walikota_balikpapan",
            ],
            [
                "PM-1",
                "laporan",
                "64.71",
                "PENCALONAN",
                "2023-10-02",
                "DITERIMA",
                "PEMILU2024",
                "DPRD_KABKOTA",
            ],
        ];
        for (r, cells) in rows.iter().enumerate() {
            for (c, v) in cells.iter().enumerate() {
                sheet.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
        book.save_to_buffer().unwrap()
    };
    for (name, bytes) in [
        ("kiriman.csv", csv.into_bytes()),
        ("kiriman.json", json.as_bytes().to_vec()),
        ("kiriman.xlsx", xlsx),
    ] {
        let db = new_db(dir.path(), &format!("{name}.db"));
        let (code, stdout, stderr) = import(&db, name, &bytes, &[]);
        assert_eq!(code, Some(0), "{name}: {stdout}\n{stderr}");
        assert!(stdout.contains("2 new"), "{name}: {stdout}");
        assert_eq!(
            election_of(&db, "PK-1"),
            ("PILKADA2024".into(), Some("WALIKOTA_BALIKPAPAN".into())),
            "{name}"
        );
        assert_eq!(
            election_of(&db, "PM-1"),
            ("PEMILU2024".into(), Some("DPRD_KABKOTA".into())),
            "{name}"
        );
        // The Pilkada case is under Pilkada's own campaign stage (the foreign key holds).
        assert_intact(&db);
    }
}

#[test]
fn a_row_whose_election_cannot_be_told_is_refused_in_both_languages_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path(), "p.db");
    // A good row of Pemilu 2024 beside it: all or nothing, so it is not written either.
    let text = format!(
        "{SHORT_HEAD}\n{}{}",
        short("041/TM/PL/Kota/23.05/XII/2023", "KAMPANYE", "2023-12-04"),
        short("X-1", "KAMPANYE", "2024-10-10"),
    );
    let en = refused(
        &db,
        "kiriman.csv",
        &text,
        &[],
        &[
            "kiriman.csv:3: column \"pemilihan\": this row does not say its election: \
             name it in a column \"pemilihan\" (PEMILU2024, PILKADA2024), with --election CODE for \
             the rows that do not name it, or in the number, with PL or PB and its year",
            "nothing was written",
        ],
    );
    assert!(
        !en.contains("kiriman.csv:2:"),
        "the Pemilu row is fine: {en}"
    );
    refused(
        &db,
        "kiriman.csv",
        &text,
        &["--lang", "id"],
        &[
            "kiriman.csv:3: kolom \"pemilihan\": baris ini tidak menyebut pemilihannya: \
             sebutkan di kolom \"pemilihan\" (PEMILU2024, PILKADA2024), dengan --election KODE \
             untuk baris yang tidak menyebutnya, atau dalam nomor dengan PL atau PB dan tahunnya",
        ],
    );
    assert!(cases(&db).is_empty());
    // A dry run says why too.
    refused(
        &db,
        "kiriman.csv",
        &text,
        &["--dry-run"],
        &["kiriman.csv:3: column \"pemilihan\": this row does not say its election"],
    );
    // With --skip-invalid the good row is written and the file of rejected rows gives the reason.
    let out = accepted(&db, "kiriman.csv", &text, &["--skip-invalid"]);
    assert!(out.contains("1 new") && out.contains("1 rejected"), "{out}");
    let rejected = std::fs::read_to_string(dir.path().join("kiriman.csv.rejected.csv")).unwrap();
    assert!(
        rejected.contains("X-1") && rejected.contains("this row does not say its election"),
        "{rejected}"
    );
    assert_eq!(
        election_of(&db, "041/TM/PL/Kota/23.05/XII/2023").0,
        "PEMILU2024"
    );
}

#[test]
fn the_election_flag_gives_the_rows_that_do_not_name_theirs() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path(), "p.db");
    let text = format!(
        "{HEAD}\n{}{}",
        row("F-1", "KAMPANYE", "2024-10-10", "", "GUBERNUR"),
        row("F-2", "PENCALONAN", "2023-10-02", "PEMILU2024", ""),
    );
    accepted(&db, "kiriman.csv", &text, &["--election", "Pilkada 2024"]);
    assert_eq!(
        election_of(&db, "F-1"),
        ("PILKADA2024".into(), Some("GUBERNUR".into()))
    );
    assert_eq!(election_of(&db, "F-2"), ("PEMILU2024".into(), None));
    // A misspelt flag is a usage mistake with a suggestion; a name nothing is near lists them.
    let out = pantau(&db)
        .args(["import", "--election", "pilkda2024", "kiriman.csv"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let (_, stderr) = texts(&out);
    assert!(
        stderr.contains("--election: unknown election \"pilkda2024\" — did you mean PILKADA2024?"),
        "{stderr}"
    );
    // Without its year too, as the office says it ("pilkada"), in import and kegiatan import.
    for command in [&["import"][..], &["kegiatan", "import"]] {
        let out = pantau(&db)
            .args(command)
            .args(["--election", "pilkda", "kiriman.csv"])
            .current_dir(dir.path())
            .output()
            .unwrap();
        let (_, stderr) = texts(&out);
        assert!(
            stderr.contains("unknown election \"pilkda\" — did you mean PILKADA2024?"),
            "{command:?}: {stderr}"
        );
    }
    let out = pantau(&db)
        .args(["--lang", "id", "import", "--election", "pemilu 1999"])
        .arg(dir.path().join("kiriman.csv"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let (_, stderr) = texts(&out);
    assert!(
        stderr.contains(
            "--election: pemilihan tidak dikenal \"pemilu 1999\" (yang ada: PEMILU2024 (Pemilu 2024), PILKADA2024 (Pilkada 2024))"
        ),
        "{stderr}"
    );
}

#[test]
fn the_case_number_tells_the_election_by_its_segment_and_year() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path(), "p.db");
    // PB of 2024 is Pilkada 2024's; PL of 2023 and of 2024 is Pemilu 2024's (voted in 2024).
    let text = format!(
        "{SHORT_HEAD}\n{}{}{}",
        short("001/LP/PB/Kota/23.05/X/2024", "KAMPANYE", "2024-10-10"),
        short("041/TM/PL/Kota/23.05/XII/2023", "KAMPANYE", "2023-12-04"),
        short("002/LP/PL/64.71/I/2024", "KAMPANYE", "2024-01-08"),
    );
    accepted(&db, "nomor.csv", &text, &[]);
    assert_eq!(
        election_of(&db, "001/LP/PB/Kota/23.05/X/2024").0,
        "PILKADA2024"
    );
    assert_eq!(
        election_of(&db, "041/TM/PL/Kota/23.05/XII/2023").0,
        "PEMILU2024"
    );
    assert_eq!(election_of(&db, "002/LP/PL/64.71/I/2024").0, "PEMILU2024");
    // PL of 2025 fits no election held: the number does not tell it.
    refused(
        &db,
        "nomor.csv",
        &format!(
            "{SHORT_HEAD}\n{}",
            short("003/LP/PL/64.71/I/2025", "KAMPANYE", "2025-01-08")
        ),
        &[],
        &["nomor.csv:2: column \"pemilihan\": this row does not say its election"],
    );
    // A column that the number contradicts is refused naming both.
    refused(
        &db,
        "nomor.csv",
        &format!(
            "{HEAD}\n{}",
            row(
                "004/LP/PL/64.71/I/2024",
                "KAMPANYE",
                "2024-01-08",
                "PILKADA2024",
                ""
            )
        ),
        &[],
        &[
            "nomor.csv:2: column \"pemilihan\": the row names the election PILKADA2024, but its \
             number \"004/LP/PL/64.71/I/2024\" is one of PEMILU2024; correct one of them",
        ],
    );
    // The flag is the rows' default: a number with PL of 2024 under --election PILKADA2024 is
    // Pilkada's, as the user said.
    accepted(
        &db,
        "flag.csv",
        &format!(
            "{SHORT_HEAD}\n{}",
            short("005/LP/PL/64.71/X/2024", "KAMPANYE", "2024-10-08")
        ),
        &["--election", "PILKADA2024"],
    );
    assert_eq!(election_of(&db, "005/LP/PL/64.71/X/2024").0, "PILKADA2024");
}

#[test]
fn a_stage_and_a_contest_are_read_as_those_of_the_rows_election() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path(), "p.db");
    // PENCALONAN is a stage of Pemilu 2024 only.
    refused(
        &db,
        "tahapan.csv",
        &format!(
            "{HEAD}\n{}",
            row("S-1", "PENCALONAN", "2024-10-10", "PILKADA2024", "")
        ),
        &[],
        &[
            "tahapan.csv:2: column \"kode_tahapan\": \"PENCALONAN\" is not a stage of PILKADA2024; \
             its stages: DUKUNGAN_PERSEORANGAN, DATA_PEMILIH,",
        ],
    );
    // PRESIDEN is a contest of Pemilu 2024, not of Pilkada 2024.
    let stderr = refused(
        &db,
        "kontestasi.csv",
        &format!(
            "{HEAD}\n{}",
            row("S-2", "KAMPANYE", "2024-10-10", "PILKADA2024", "PRESIDEN")
        ),
        &["--lang", "id"],
        &[
            "kontestasi.csv:2: kolom \"kontestasi\": \"PRESIDEN\" bukan kontestasi PILKADA2024; \
             kontestasinya: GUBERNUR, BUPATI_PASER,",
        ],
    );
    assert!(stderr.contains("WALIKOTA_BONTANG"), "{stderr}");
    // A near miss is answered with the nearest contest of the row's election.
    refused(
        &db,
        "kontestasi.csv",
        &format!(
            "{HEAD}\n{}",
            row("S-3", "KAMPANYE", "2024-10-10", "PILKADA2024", "GUBENUR")
        ),
        &[],
        &[
            "column \"kontestasi\": \"GUBENUR\" is not a contest of PILKADA2024 — did you mean GUBERNUR?",
        ],
    );
    // And a misspelt election likewise.
    refused(
        &db,
        "pemilihan.csv",
        &format!(
            "{HEAD}\n{}",
            row("S-4", "KAMPANYE", "2024-10-10", "PILKADA2042", "")
        ),
        &[],
        &["column \"pemilihan\": unknown election \"PILKADA2042\" — did you mean PILKADA2024?"],
    );
    // The Pilkada row's `kampanye` is Pilkada's campaign.
    accepted(
        &db,
        "tahapan.csv",
        &format!(
            "{HEAD}\n{}",
            row("S-5", "kampanye", "2024-10-10", "PILKADA2024", "")
        ),
        &[],
    );
    let c = cases(&db).into_iter().find(|c| c.nomor == "S-5").unwrap();
    assert_eq!(
        (c.election.as_str(), c.kode_tahapan.as_str()),
        ("PILKADA2024", "KAMPANYE")
    );
}

#[test]
fn a_known_case_moves_to_the_election_its_row_names_only_when_its_stage_and_contest_fit() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path(), "p.db");
    accepted(
        &db,
        "awal.csv",
        &format!(
            "{HEAD}\n{}{}",
            row("K-1", "PENCALONAN", "2024-10-10", "PEMILU2024", ""),
            row("K-2", "KAMPANYE", "2024-10-10", "PEMILU2024", "DPR"),
        ),
        &[],
    );
    // Named Pilkada with a stage Pilkada does not have: refused, the case stays Pemilu's.
    refused(
        &db,
        "koreksi.csv",
        &format!(
            "{HEAD}\n{}",
            row("K-1", "PENCALONAN", "2024-10-10", "PILKADA2024", "")
        ),
        &[],
        &["\"PENCALONAN\" is not a stage of PILKADA2024"],
    );
    // Named Pilkada without a contest column while the stored contest is Pemilu's: refused,
    // naming the stored contest and how to fix it, not a column the file does not have.
    let moved = format!(
        "{SHORT_HEAD},pemilihan\n{}",
        "K-2,laporan,64.71,KAMPANYE,2024-10-10,DITERIMA,PILKADA2024\n"
    );
    let err = refused(
        &db,
        "koreksi.csv",
        &moved,
        &[],
        &[
            "koreksi.csv:2: the case's stored contest DPR is not a contest of PILKADA2024, the \
             election this row moves it to; give its contest in a column \"kontestasi\" \
             (GUBERNUR,",
            "or leave that cell empty to clear it",
        ],
    );
    assert!(!err.contains("column \"kontestasi\":"), "{err}");
    refused(
        &db,
        "koreksi.csv",
        &moved,
        &["--lang", "id"],
        &["kontestasi kasus ini yang tersimpan, DPR, bukan kontestasi PILKADA2024"],
    );
    assert_eq!(election_of(&db, "K-1").0, "PEMILU2024");
    assert_eq!(
        election_of(&db, "K-2"),
        ("PEMILU2024".into(), Some("DPR".into()))
    );
    // With a stage Pilkada has: a correction of the case's election, like any changed field.
    let out = accepted(
        &db,
        "koreksi.csv",
        &format!(
            "{HEAD}\n{}{}",
            row("K-1", "KAMPANYE", "2024-10-10", "PILKADA2024", ""),
            row(
                "K-2",
                "KAMPANYE",
                "2024-10-10",
                "PILKADA2024",
                "WALIKOTA_BALIKPAPAN"
            ),
        ),
        &[],
    );
    assert!(out.contains("0 new, 2 changed"), "{out}");
    assert_eq!(election_of(&db, "K-1"), ("PILKADA2024".into(), None));
    assert_eq!(
        election_of(&db, "K-2"),
        ("PILKADA2024".into(), Some("WALIKOTA_BALIKPAPAN".into()))
    );
    let store = Store::open(&db, Mode::ReadOnly).unwrap();
    let batch: i64 = store
        .conn()
        .query_row("SELECT batch_id FROM cases WHERE nomor = 'K-1'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(batch, 2, "the correcting batch is the case's last");
    drop(store);
    assert_intact(&db);
}

#[test]
fn an_export_of_both_elections_imports_into_an_empty_database_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_db(dir.path(), "p.db");
    accepted(
        &db,
        "kiriman.csv",
        &format!(
            "{HEAD}\n{}{}{}{}",
            row(
                "E-1",
                "KAMPANYE",
                "2024-10-10",
                "PILKADA2024",
                "WALIKOTA_SAMARINDA"
            ),
            row("E-2", "PUNGUT_HITUNG", "2024-11-28", "PILKADA2024", ""),
            row("E-3", "PENCALONAN", "2023-10-02", "PEMILU2024", "DPD"),
            row("E-4", "KAMPANYE", "2024-01-10", "PEMILU2024", ""),
        ),
        &[],
    );
    let stored = cases(&db);
    assert_eq!(stored.len(), 4);
    for format in ["csv", "json", "jsonl"] {
        let out = pantau(&db)
            .args(["export", "--format", format])
            .output()
            .unwrap();
        assert!(out.status.success(), "{format}");
        let text = texts(&out).0;
        if format == "csv" {
            let header = text.lines().next().unwrap();
            assert!(
                header.contains(
                    ",tanggal_penerusan,pemilihan,kontestasi,kode_kecamatan,kode_desa,tps,desa,lanjut_tahap,"
                ),
                "{header}"
            );
        } else {
            assert!(
                text.contains(r#""pemilihan":"PILKADA2024","kontestasi":"WALIKOTA_SAMARINDA""#),
                "{text}"
            );
        }
        let copy = new_db(dir.path(), &format!("copy-{format}.db"));
        accepted(&copy, &format!("export.{format}"), &text, &[]);
        assert_eq!(cases(&copy), stored, "{format}");
    }
}
