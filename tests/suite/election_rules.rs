//! Each election's own rules: a Pilkada case is due 3 calendar days after receipt (5 when
//! extended), a Pemilu case 7 working days after registration across the holidays; lateness under
//! each election's filing limit; a year without a holiday list said where it counts; and the
//! Pilkada campaign's pekan, activities and methods through `report --by pekan`, `rekap` and
//! `kegiatan`. Deadlines are asked of SQL and of the column index, which must agree.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::{Value, json};

use pantau::domain::{Case, DayCount, DeadlineRules, Reference, Source, Status, StatusChange};
use pantau::engine::index::CaseIndex;
use pantau::engine::{Engine, PageRequest};
use pantau::i18n::Lang;
use pantau::store::{Mode, Store};
use pantau::view::View;

use crate::sealed;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

/// A case of `election` in the campaign stage at Balikpapan, received on `received`, with its
/// status since then.
fn case(election: &str, nomor: &str, source: Source, received: &str, status: Status) -> Case {
    let mut c = Case::new(election, nomor, source, "64.71", "KAMPANYE", d(received));
    c.status = status;
    c
}

/// Writes `cases` into the store, each with one history entry: its status from its receipt.
fn write(store: &mut Store, cases: &[Case]) {
    let tx = store.conn_mut().transaction().unwrap();
    for c in cases {
        let h = [StatusChange {
            from: None,
            to: c.status,
            at: c.tanggal_diterima.and_hms_opt(9, 0, 0).unwrap(),
            by: "Bawaslu Kota Balikpapan".into(),
            note: None,
        }];
        pantau::store::write::insert_case(&tx, c, &h, None, at("2025-01-31 00:00")).unwrap();
    }
    tx.commit().unwrap();
}

/// The cases every test here reads:
/// - PB1: a Pilkada laporan received Fri 29 Nov 2024, under clarification: due Mon 2 Dec;
/// - PB2: the same, extended: due Wed 4 Dec (5 days in all, never "3 + 2");
/// - PL1: a Pemilu case registered Fri 22 Dec 2023, under review: 7 working days skip Christmas,
///   its cuti bersama and New Year's Day, due Fri 5 Jan 2024 (calendar days would say 29 Dec);
/// - PB3 and PL2: a laporan of each election known Tue 2 Jan 2024, received Thu 11 Jan: 9
///   calendar days (late under Pilkada's 7) but 7 working days (in time under Pemilu's 7).
fn cases() -> Vec<Case> {
    let mut pb1 = case(
        "PILKADA2024",
        "PB1",
        Source::Laporan,
        "2024-11-29",
        Status::Klarifikasi,
    );
    pb1.tanggal_registrasi = Some(d("2024-11-30"));
    let mut pb2 = pb1.clone();
    pb2.nomor = "PB2".into();
    pb2.diperpanjang = true;
    let mut pl1 = case(
        "PEMILU2024",
        "PL1",
        Source::Temuan,
        "2023-12-21",
        Status::Kajian,
    );
    pl1.tanggal_registrasi = Some(d("2023-12-22"));
    let mut pb3 = case(
        "PILKADA2024",
        "PB3",
        Source::Laporan,
        "2024-01-11",
        Status::BukanPelanggaran,
    );
    pb3.tanggal_diketahui = Some(d("2024-01-02"));
    let mut pl2 = pb3.clone();
    pl2.election = "PEMILU2024".into();
    pl2.nomor = "PL2".into();
    vec![pb1, pb2, pl1, pb3, pl2]
}

fn rules() -> DeadlineRules {
    let r = Reference::embedded();
    DeadlineRules::new(DayCount::Calendar, r.holidays.iter().map(|h| h.date))
}

fn view(spec: &str) -> View {
    pantau::view::parse(spec, &Reference::embedded()).unwrap()
}

/// The nomor of the cases of `spec`, in the order of receipt.
fn numbers(engine: &Engine<'_>, spec: &str) -> Vec<String> {
    let mut rows = engine
        .page(&view(spec), &PageRequest::first(50))
        .unwrap()
        .rows;
    rows.sort_by(|a, b| a.nomor.cmp(&b.nomor));
    rows.into_iter().map(|r| r.nomor).collect()
}

/// The engine over `store`, answering from SQL or from a column index built from it.
fn engines(store: &Store) -> [Engine<'_>; 2] {
    let today = d("2025-01-31");
    let sql = Engine::new(store, today, rules()).unwrap();
    let mut fast = Engine::new(store, today, rules()).unwrap();
    let ix = CaseIndex::build(store, fast.reference()).unwrap();
    fast.set_index(Some(Arc::new(ix)));
    [sql, fast]
}

#[test]
fn a_pilkada_case_is_due_three_calendar_days_after_receipt_weekend_included() {
    let mut store = Store::memory().unwrap();
    write(&mut store, &cases());
    for engine in engines(&store) {
        let from = if engine.index().is_some() {
            "index"
        } else {
            "SQL"
        };
        // The deadline column of the case list: every election's cases, each under its own rules.
        let rows = engine
            .page(
                &view("pemilihan:semua per:2024-12-02"),
                &PageRequest::first(50),
            )
            .unwrap()
            .rows;
        let due = |n: &str| rows.iter().find(|r| r.nomor == n).and_then(|r| r.due);
        assert_eq!(due("PB1"), Some(d("2024-12-02")), "{from}");
        assert_eq!(due("PB2"), Some(d("2024-12-04")), "{from}: 5 days in all");
        assert_eq!(due("PL1"), Some(d("2024-01-05")), "{from}: working days");
        // Overdue the day after the deadline, not on it.
        assert_eq!(
            numbers(&engine, "pemilihan:semua is:lewat per:2024-12-02"),
            ["PL1"],
            "{from}"
        );
        assert_eq!(
            numbers(&engine, "pemilihan:semua is:lewat per:2024-12-03"),
            ["PB1", "PL1"],
            "{from}"
        );
        assert_eq!(
            numbers(&engine, "pemilihan:semua is:lewat per:2024-12-05"),
            ["PB1", "PB2", "PL1"],
            "{from}"
        );
        assert_eq!(
            engine
                .headline(&view("pemilihan:semua per:2024-12-03"))
                .unwrap()
                .overdue,
            2,
            "{from}"
        );
        // A Pemilu case registered before Christmas 2023 is overdue only after 5 Jan 2024.
        assert!(
            numbers(&engine, "pemilihan:semua is:lewat per:2024-01-05").is_empty(),
            "{from}"
        );
        assert_eq!(
            numbers(&engine, "pemilihan:semua is:lewat per:2024-01-06"),
            ["PL1"],
            "{from}"
        );
        // Lateness under each election's filing limit.
        assert_eq!(
            numbers(&engine, "pemilihan:semua is:terlambat"),
            ["PB3"],
            "{from}"
        );
    }
}

#[test]
fn the_detail_explains_each_deadline_in_its_elections_words() {
    let mut store = Store::memory().unwrap();
    write(&mut store, &cases());
    let [engine, _] = engines(&store);
    let rules = rules();
    let explain = |nomor: &str, spec: &str| {
        let id = engine
            .page(&view(spec), &PageRequest::first(50))
            .unwrap()
            .rows
            .into_iter()
            .find(|r| r.nomor == nomor)
            .unwrap()
            .id;
        engine.detail(&view(spec), id, &rules).unwrap().unwrap()
    };
    let pb1 = explain("PB1", "pemilihan:semua per:2024-12-03");
    assert_eq!(
        pb1.deadline.unwrap().explain(Lang::Id),
        "3 hari kalender sejak diterima 29/11/2024 → 02/12/2024"
    );
    assert_eq!(
        pb1.deadline.unwrap().explain(Lang::En),
        "3 calendar days since received 29/11/2024 → 02/12/2024"
    );
    let pb2 = explain("PB2", "pemilihan:semua per:2024-12-03");
    assert_eq!(
        pb2.deadline.unwrap().explain(Lang::Id),
        "Diperpanjang (5 hari kalender) sejak diterima 29/11/2024 → 04/12/2024"
    );
    assert_eq!(
        pb2.deadline.unwrap().explain(Lang::En),
        "Extended (5 calendar days) since received 29/11/2024 → 04/12/2024"
    );
    let pl1 = explain("PL1", "pemilihan:semua per:2024-01-02");
    assert_eq!(
        pl1.deadline.unwrap().explain(Lang::Id),
        "7 hari kerja sejak registrasi 22/12/2023 → 05/01/2024"
    );
    let late = explain("PB3", "pemilihan:semua").filing.unwrap();
    assert!(late.late);
    assert_eq!(
        late.explain(Lang::Id),
        "diterima 9 hari kalender setelah diketahui 02/01/2024; batas 7 hari kalender → 09/01/2024"
    );
    let in_time = explain("PL2", "pemilihan:semua").filing.unwrap();
    assert!(!in_time.late);
    assert_eq!(
        in_time.explain(Lang::En),
        "received 7 working days after known 02/01/2024; limit 7 working days → 11/01/2024"
    );
}

/// A folder of reference files as shipped, with a third election, Pemilu 2029: Pemilu 2024's
/// files five years on. holidays.csv lists no day of 2027 to 2029.
fn reference_with_pemilu_2029(dir: &Path) -> PathBuf {
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let refs = dir.join("referensi");
    for f in ["regions.csv", "holidays.csv"] {
        std::fs::create_dir_all(&refs).unwrap();
        std::fs::copy(assets.join(f), refs.join(f)).unwrap();
    }
    let files = [
        "election.toml",
        "stages.csv",
        "campaign_methods.csv",
        "contests.csv",
    ];
    for code in ["PEMILU2024", "PILKADA2024"] {
        std::fs::create_dir_all(refs.join("elections").join(code)).unwrap();
        for f in files {
            let from = assets.join("elections").join(code).join(f);
            std::fs::copy(from, refs.join("elections").join(code).join(f)).unwrap();
        }
    }
    let later = refs.join("elections/PEMILU2029");
    std::fs::create_dir_all(&later).unwrap();
    for f in files {
        let text = std::fs::read_to_string(assets.join("elections/PEMILU2024").join(f)).unwrap();
        let text = text
            .replace("PEMILU2024", "PEMILU2029")
            .replace("Pemilu 2024", "Pemilu 2029")
            .replace("2024 General Election", "2029 General Election")
            .replace("2024-", "2029-")
            .replace("2023-", "2028-")
            .replace("2022-", "2027-");
        std::fs::write(later.join(f), text).unwrap();
    }
    refs
}

#[test]
fn a_year_without_a_holiday_list_is_said_by_doctor_and_by_the_deadline() {
    let dir = tempfile::tempdir().unwrap();
    let refs = reference_with_pemilu_2029(dir.path());
    let db = dir.path().join("kasus.db");
    let run = |args: &[&str]| {
        sealed::pantau(&sealed::scratch_home())
            .env("PANTAU_TODAY", "2029-01-31")
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["init", "--reference", refs.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // No case of Pemilu 2029 yet: nothing to warn about.
    let text = String::from_utf8(run(&["doctor"]).stdout).unwrap();
    assert!(
        text.contains("✓ holiday list: holidays.csv lists 2022–2026"),
        "{text}"
    );
    let mut store = Store::open(&db, Mode::Write).unwrap();
    let mut c = case(
        "PEMILU2029",
        "PL2029",
        Source::Temuan,
        "2029-01-02",
        Status::Kajian,
    );
    c.tanggal_registrasi = Some(d("2029-01-02"));
    write(&mut store, &[c]);
    let text = String::from_utf8(run(&["doctor"]).stdout).unwrap();
    assert!(
        text.contains(
            "! holiday list: cases of elections whose period reaches a year without a holiday list: \
             2029 General Election (2027, 2028, 2029); working days in that year skip Saturdays and \
             Sundays only"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "fix: add that year's holidays and cuti bersama (SKB 3 Menteri) to holidays.csv"
        ),
        "{text}"
    );
    let id = run(&["--lang", "id", "doctor"]);
    let id = String::from_utf8(id.stdout).unwrap();
    assert!(id.contains("Pemilu 2029 (2027, 2028, 2029)"), "{id}");
    // The deadline counted in 2029's working days says whose holidays it could not skip.
    let store = Store::open(&db, Mode::ReadOnly).unwrap();
    let engine = Engine::new(&store, d("2029-01-31"), rules()).unwrap();
    let row = engine
        .page(&View::default(), &PageRequest::first(5))
        .unwrap()
        .rows
        .remove(0);
    let detail = engine
        .detail(&View::default(), row.id, &rules())
        .unwrap()
        .unwrap();
    let deadline = detail.deadline.unwrap();
    assert_eq!(deadline.due, d("2029-01-11"), "weekends skipped only");
    assert_eq!(
        deadline.explain(Lang::Id),
        "7 hari kerja sejak registrasi 02/01/2029 → 11/01/2029 (tanpa daftar libur 2029)"
    );
    assert!(
        deadline
            .explain(Lang::En)
            .ends_with("(no holiday list for 2029)")
    );
}

/// A database made by `pantau init` (Pemilu 2024 and Pilkada 2024), with two Pilkada campaign
/// cases: one received in pekan 1 (Fri 27 Sep 2024), one in pekan 2 (Thu 3 Oct).
fn pilkada_db(dir: &Path) -> PathBuf {
    let db = dir.join("pilkada.db");
    let out = pantau(&db, "2024-10-01").arg("init").output().unwrap();
    assert!(out.status.success());
    let mut store = Store::open(&db, Mode::Write).unwrap();
    write(
        &mut store,
        &[
            case(
                "PILKADA2024",
                "PB-P1",
                Source::Temuan,
                "2024-09-27",
                Status::Penelusuran,
            ),
            case(
                "PILKADA2024",
                "PB-P2",
                Source::Laporan,
                "2024-10-03",
                Status::KajianAwal,
            ),
        ],
    );
    db
}

fn pantau(db: &Path, today: &str) -> assert_cmd::Command {
    let mut c = sealed::pantau(&sealed::scratch_home());
    c.env("PANTAU_TODAY", today).arg("--db").arg(db);
    c
}

fn json(db: &Path, today: &str, args: &[&str]) -> Value {
    let out = pantau(db, today).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Pilkada 2024's first pekan in its four busiest regions (domain.md §8: Bontang 74, Balikpapan
/// 73, Berau 57, Kukar 47), each row naming its election; Kukar's pekan given as a day of it.
const PEKAN_1: &str = "pemilihan,kode_wilayah,pekan,metode,peserta,jumlah\n\
    PILKADA2024,64.74,1,Pertemuan tatap muka dan dialog,BUPATI_WALIKOTA,74\n\
    PILKADA2024,64.71,1,TATAP_MUKA,BUPATI_WALIKOTA,73\n\
    PILKADA2024,64.03,1,Pertemuan terbatas,BUPATI_WALIKOTA,57\n\
    Pilkada 2024,64.02,2024-09-27,Pertemuan terbatas,GUBERNUR,47\n";

#[test]
fn pilkada_activities_load_with_pilkada_methods_and_a_pemilu_method_is_refused_with_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let db = pilkada_db(dir.path());
    // Dates stand for their pekan of the row's election; the method column is the row's.
    let file = dir.path().join("pekan1.csv");
    let text = "kode_wilayah,pekan,metode,peserta,jumlah\n\
        64.74,1,Pertemuan tatap muka dan dialog,BUPATI_WALIKOTA,74\n\
        64.71,2024-09-28,TATAP_MUKA,BUPATI_WALIKOTA,73\n\
        64.03,1,Debat publik,BUPATI_WALIKOTA,57\n";
    std::fs::write(&file, text).unwrap();
    let f = file.to_str().unwrap();
    // Two elections in the database, none named: refused, saying how to name it.
    let out = pantau(&db, "2024-10-01")
        .args(["kegiatan", "import", f])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "3 rows do not say their election: name it in a column \"pemilihan\" \
             (PEMILU2024, PILKADA2024), or give --election CODE"
        ),
        "{err}"
    );
    let ok = pantau(&db, "2024-10-01")
        .args(["kegiatan", "import", "--election", "pilkada 2024", f])
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let shown = json(
        &db,
        "2024-10-01",
        &["kegiatan", "--election", "PILKADA2024", "--format", "json"],
    );
    assert_eq!(shown["elections"], json!(["PILKADA2024"]));
    let figures = shown["figures"].as_array().unwrap();
    assert_eq!(figures.len(), 3);
    assert!(
        figures
            .iter()
            .all(|f| f["pekan"] == 1 && f["from"] == "2024-09-25")
    );
    let of = |region: &str| figures.iter().find(|f| f["region"] == region).unwrap();
    assert_eq!(of("64.71")["by_method"], json!({"TATAP_MUKA": 73}));
    assert_eq!(of("64.03")["by_method"], json!({"DEBAT_PUBLIK": 57}));
    // The same figures are not Pemilu 2024's.
    let pemilu = json(
        &db,
        "2024-10-01",
        &["kegiatan", "--election", "PEMILU2024", "--format", "json"],
    );
    assert_eq!(pemilu["figures"], json!([]));
    // A Pemilu method is not one of Pilkada's: refused with Pilkada's list.
    let bad = dir.path().join("rapat.csv");
    std::fs::write(
        &bad,
        "pemilihan,kode_wilayah,pekan,metode,peserta,jumlah\n\
         Pilkada 2024,64.71,1,Rapat umum,BUPATI_WALIKOTA,3\n\
         Pilkada 2042,64.71,1,TATAP_MUKA,BUPATI_WALIKOTA,3\n",
    )
    .unwrap();
    let out = pantau(&db, "2024-10-01")
        .args(["kegiatan", "import", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("rapat.csv:2: column \"metode\": unknown campaign method \"Rapat umum\""),
        "{err}"
    );
    assert!(
        err.contains("(choices of the 2024 Regional Head Elections: ")
            && err.contains("DEBAT_PUBLIK (Public debates)")
            && !err.contains("Debat publik"),
        "Pilkada's methods: {err}"
    );
    assert!(!err.contains("RAPAT_UMUM"), "not Pemilu's: {err}");
    assert!(
        err.contains(
            "rapat.csv:3: column \"pemilihan\": unknown election \"Pilkada 2042\" — did you mean PILKADA2024?"
        ),
        "{err}"
    );
    // An export names the election of every row and loads back unchanged.
    let out = pantau(&db, "2024-10-01")
        .args(["kegiatan", "export", "--election", "PILKADA2024"])
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.starts_with("kode_wilayah,pekan,metode,peserta,partai,jumlah,pemilihan\n"),
        "{csv}"
    );
    assert!(
        csv.lines().skip(1).all(|l| l.ends_with(",PILKADA2024")),
        "{csv}"
    );
    let back = dir.path().join("kembali.csv");
    std::fs::write(&back, &csv).unwrap();
    let again = pantau(&db, "2024-10-01")
        .args(["kegiatan", "import", back.to_str().unwrap()])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&again.stdout);
    assert!(said.contains("3 unchanged; nothing changed"), "{said}");
}

#[test]
fn pilkada_pekan_1_is_25_september_to_1_october_in_reports_releases_and_views() {
    let dir = tempfile::tempdir().unwrap();
    let db = pilkada_db(dir.path());
    let file = dir.path().join("pekan1.csv");
    std::fs::write(&file, PEKAN_1).unwrap();
    let ok = pantau(&db, "2024-10-01")
        .args(["kegiatan", "import", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    // On 1 Oct 2024 the election in view is Pilkada 2024 (its period holds the day and it votes
    // next), and its campaign frames the pekan.
    let doc = json(
        &db,
        "2025-01-31",
        &[
            "report",
            "--by",
            "pekan",
            "--format",
            "json",
            "--as-of",
            "2024-10-01",
        ],
    );
    assert_eq!(doc["elections"], json!(["PILKADA2024"]));
    assert_eq!(
        (&doc["campaign_from"], &doc["campaign_to"]),
        (&json!("2024-09-25"), &json!("2024-11-23"))
    );
    let pekan = doc["pekan"].as_object().unwrap();
    assert_eq!(
        pekan.len(),
        8,
        "60 days: eight pekan, the last of eleven days"
    );
    let one = &pekan["1"];
    assert_eq!(
        (&one["from"], &one["to"]),
        (&json!("2024-09-25"), &json!("2024-10-01"))
    );
    assert_eq!(one["cases"], 1);
    assert_eq!(one["activities"], 251);
    assert_eq!(pekan["2"]["begun"], false);
    // The weekly release of pekan 1 is Pilkada's, with Pilkada's methods.
    let rekap = json(
        &db,
        "2024-10-01",
        &["rekap", "--pekan", "1", "--format", "json"],
    );
    assert_eq!(rekap["elections"], json!(["PILKADA2024"]));
    assert_eq!(
        (&rekap["from"], &rekap["to"]),
        (&json!("2024-09-25"), &json!("2024-10-01"))
    );
    assert_eq!(rekap["activities"], 251);
    assert_eq!(rekap["cases"], 1);
    let methods: Vec<&str> = rekap["activities_by_method"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        methods[..3],
        ["PERTEMUAN_TERBATAS", "TATAP_MUKA", "DEBAT_PUBLIK"]
    );
    // `pekan:` in a view names the pekan of the same campaign.
    let one = json(
        &db,
        "2025-01-31",
        &[
            "report",
            "--format",
            "json",
            "--view",
            "pekan:1",
            "--as-of",
            "2024-10-05",
        ],
    );
    assert_eq!(one["total"], 1);
    let out = pantau(&db, "2025-01-31")
        .args(["report", "--view", "pekan:9", "--as-of", "2024-10-05"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("the campaign (25 Sep – 23 Nov 2024) has pekan 1–8"),
        "{err}"
    );
}
