//! `pantau rekap --pekan N`: the weekly release, through the real binary. Its figures are checked
//! against the store's own (activities) and `report` (cases); its digest against a database whose
//! handling is known, built by two imports; its text snapshotted from the demo.

use std::path::Path;

use chrono::{Duration, NaiveDate};
use serde_json::Value;

use pantau::store::{Mode, Store};

use crate::demo_support::{demo_db, int as n, pantau_at as pantau, stdout_at as stdout};

/// "Today" for these releases: after Pemilu 2024's campaign, in its period and before Pilkada
/// 2024's, so that the election in view is Pemilu 2024, whose weekly releases these are (on the
/// demo's later days it is the latest election, Pilkada 2024).
const LATER: &str = "2024-03-20";

fn json(db: &Path, today: &str, args: &[&str]) -> Value {
    serde_json::from_str(&stdout(db, today, args)).expect("exactly one JSON object")
}

fn rekap_json(db: &Path, today: &str, pekan: u32, more: &[&str]) -> Value {
    let n = pekan.to_string();
    let mut args = vec!["rekap", "--pekan", &n, "--format", "json"];
    args.extend(more);
    json(db, today, &args)
}

#[test]
fn the_demo_release_of_pekan_6_reads_like_the_offices_own() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 7);
    let id = stdout(&db, LATER, &["--lang", "id", "rekap", "--pekan", "6"]);
    // The title names the election, in the release's language.
    assert!(id.starts_with("Rekap pengawasan kampanye Pemilu 2024, Pekan ke-6 (2–8 Jan 2024)\n"));
    assert!(id.contains("sejak 28 November 2023"));
    insta::assert_snapshot!("rekap_demo_pekan_6_id", id);
    let en = stdout(&db, LATER, &["--lang", "en", "rekap", "--pekan", "6"]);
    assert!(
        en.starts_with(
            "Campaign supervision recap, 2024 General Election, Week 6 (2–8 Jan 2024)\n"
        )
    );
    insta::assert_snapshot!("rekap_demo_pekan_6_en", en);
    // Markdown for a report: the same figures, as headings and pipe tables.
    let md = stdout(&db, LATER, &["rekap", "--pekan", "6", "--format", "md"]);
    assert!(md.starts_with(
        "## Campaign supervision recap, 2024 General Election, Week 6 (2–8 Jan 2024)\n"
    ));
    assert!(md.contains("| --- | ---: | ---: |"));
    // Under LANG=C the terminal gets plain ASCII, as every other report.
    let out = pantau(&db, LATER)
        .env("LANG", "C")
        .env("LC_ALL", "C")
        .env("LC_MESSAGES", "C")
        .args(["rekap", "--pekan", "6"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        out.stdout.is_ascii(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn the_figures_are_the_stores_and_reports_own() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 7);
    let store = Store::open(&db, Mode::ReadOnly).unwrap();
    let sum = |range| -> i64 {
        store
            .activity_rows("PEMILU2024", range)
            .unwrap()
            .iter()
            .map(|r| r.count)
            .sum()
    };
    for pekan in [1u32, 6, 10] {
        let doc = rekap_json(&db, LATER, pekan, &[]);
        assert_eq!(n(&doc["pekan"]), i64::from(pekan));
        let (from, to) = (doc["from"].as_str().unwrap(), doc["to"].as_str().unwrap());
        assert_eq!(n(&doc["activities"]), sum(pekan..=pekan), "pekan {pekan}");
        assert_eq!(n(&doc["activities_cumulative"]), sum(1..=pekan));
        let by_region: i64 = doc["activities_by_region"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| n(&s["pekan"]))
            .sum();
        assert_eq!(by_region, n(&doc["activities"]));
        // Cases: what `report` counts for the campaign stage and the pekan's dates.
        let report = |view: String| {
            json(
                &db,
                LATER,
                &[
                    "report", "--format", "json", "--by", "region", "--as-of", to, "--view", &view,
                ],
            )
        };
        let week = report(format!("tahapan:KAMPANYE dari:{from} sampai:{to}"));
        let all = report(format!("tahapan:KAMPANYE dari:2023-11-28 sampai:{to}"));
        assert_eq!(n(&doc["cases"]), n(&week["total"]), "pekan {pekan}");
        assert_eq!(n(&doc["cases_cumulative"]), n(&all["total"]));
        for key in ["temuan", "laporan"] {
            assert_eq!(n(&doc["cases_headline"][key]), n(&week["headline"][key]));
            assert_eq!(
                n(&doc["cases_cumulative_headline"][key]),
                n(&all["headline"][key])
            );
        }
        for g in week["groups"].as_array().unwrap() {
            let row = doc["cases_by_region"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["key"] == g["key"])
                .unwrap();
            assert_eq!(n(&row["pekan"]["total"]), n(&g["count"]));
        }
    }
    // On 9 Feb 2024 the press counted 22 campaign cases and 7,120 activities: pekan 10 so far.
    let doc = rekap_json(&db, LATER, 10, &["--as-of", "2024-02-09"]);
    assert_eq!(n(&doc["cases_cumulative"]), 22);
    assert_eq!(n(&doc["activities_cumulative"]), 7120);
    assert_eq!(doc["counted_to"], "2024-02-09");
}

#[test]
fn a_view_narrows_the_whole_release() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 7);
    let doc = rekap_json(&db, LATER, 9, &["wilayah:balikpapan"]);
    let store = Store::open(&db, Mode::ReadOnly).unwrap();
    let balikpapan: i64 = store
        .activity_rows("PEMILU2024", 9..=9)
        .unwrap()
        .iter()
        .filter(|r| r.region == "64.71")
        .map(|r| r.count)
        .sum();
    assert_eq!(n(&doc["activities"]), balikpapan);
    let keys = |field: &str, key: &str| -> Vec<String> {
        doc[field]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r[key].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(keys("activities_by_region", "key"), ["64.71"]);
    assert_eq!(keys("cases_by_region", "key"), ["64.71"]);
    assert!(keys("digest", "office").iter().all(|o| o == "64.71"));
    assert_eq!(doc["view"], "region:balikpapan");
}

/// A reference whose campaign stage runs from two days before `today`, written to `dir`.
fn campaign_around(dir: &Path, today: NaiveDate) {
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let pemilu = assets.join("elections/PEMILU2024");
    for f in ["regions.csv", "holidays.csv"] {
        std::fs::copy(assets.join(f), dir.join(f)).unwrap();
    }
    std::fs::copy(
        pemilu.join("campaign_methods.csv"),
        dir.join("campaign_methods.csv"),
    )
    .unwrap();
    let stages = std::fs::read_to_string(pemilu.join("stages.csv")).unwrap();
    let (starts, ends) = (today - Duration::days(2), today + Duration::days(60));
    let stages: Vec<String> = stages
        .lines()
        .map(|l| {
            if l.starts_with("KAMPANYE,") {
                l.replace("2023-11-28", &starts.to_string())
                    .replace("2024-02-10", &ends.to_string())
            } else {
                l.to_string()
            }
        })
        .collect();
    std::fs::write(dir.join("stages.csv"), stages.join("\n") + "\n").unwrap();
}

#[test]
fn the_digest_tells_what_each_office_handled_from_the_status_history() {
    // Imports date status changes when they are made: the campaign here runs around today.
    let today = chrono::Local::now().date_naive();
    let t = today.to_string();
    let dir = tempfile::tempdir().unwrap();
    let reference = dir.path().join("reference");
    std::fs::create_dir(&reference).unwrap();
    campaign_around(&reference, today);
    let db = dir.path().join("office.db");
    pantau(&db, &t)
        .args(["init", "--reference"])
        .arg(&reference)
        .assert()
        .success();
    let header = "nomor,sumber,kode_wilayah,kode_tahapan,tanggal_diketahui,tanggal_diterima,\
                  tanggal_registrasi,status,jenis_dugaan,jenis_pelanggaran,uraian,diteruskan_ke,\
                  tanggal_penerusan";
    let first = format!(
        "{header}\n\
         001/TM/PL/Kota/23.05/XII/2023,temuan,64.71,KAMPANYE,{t},{t},,PENELUSURAN,PIDANA,,Minyak goreng,,\n\
         002/TM/PL/Kota/23.05/XII/2023,temuan,64.71,KAMPANYE,{t},{t},,PENELUSURAN,,,Uang elektronik,,\n\
         003/LP/PL/Kota/23.05/XII/2023,laporan,64.71,KAMPANYE,{t},{t},,DITERIMA,,,Alat peraga,,\n\
         004/LP/PL/Kota/23.06/XII/2023,laporan,64.72,PENCALONAN,{t},{t},,DITERIMA,,,Berkas calon,,\n"
    );
    let second = format!(
        "{header}\n\
         001/TM/PL/Kota/23.05/XII/2023,temuan,64.71,KAMPANYE,{t},{t},{t},PELANGGARAN,PIDANA,PIDANA,Minyak goreng,GAKKUMDU,{t}\n\
         003/LP/PL/Kota/23.05/XII/2023,laporan,64.71,KAMPANYE,{t},{t},,TIDAK_DIREGISTRASI,,,Alat peraga,,\n\
         002/TM/PL/Kota/23.05/XII/2023,temuan,64.71,KAMPANYE,{t},{t},{t},PELANGGARAN,ADMINISTRASI,ADMINISTRASI,Uang elektronik,KPU,{t}\n"
    );
    // The police take the crime up the same day: a step after forwarding, counted by its date.
    let third = format!(
        "nomor,sumber,kode_wilayah,kode_tahapan,tanggal_diterima,status,lanjut_tahap,lanjut_tanggal\n\
         001/TM/PL/Kota/23.05/XII/2023,temuan,64.71,KAMPANYE,{t},PELANGGARAN,PENYIDIKAN,{t}\n"
    );
    for (name, text) in [
        ("first.csv", &first),
        ("second.csv", &second),
        ("third.csv", &third),
    ] {
        let file = dir.path().join(name);
        std::fs::write(&file, text).unwrap();
        pantau(&db, &t).arg("import").arg(&file).assert().success();
    }
    let doc = rekap_json(&db, &t, 1, &["--lang", "id"]);
    let digest = doc["digest"].as_array().unwrap();
    assert_eq!(digest.len(), 1, "{doc:#}");
    assert_eq!(digest[0]["office"], "64.71");
    let events: Vec<(String, i64)> = digest[0]["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["kind"].as_str().unwrap().to_string(), n(&e["count"])))
        .collect();
    let want = [
        ("new_temuan", 2),
        ("new_laporan", 1),
        ("laporan_not_registered", 1),
        ("violation", 2),
        ("to_police", 1),
        // Decided by Bawaslu itself, not forwarded: only the correction is KPU's.
        ("administrative_decided", 1),
        ("investigation", 1),
    ];
    assert_eq!(
        events,
        want.map(|(k, c)| (k.to_string(), c)).to_vec(),
        "the non-campaign laporan at Samarinda is not the release's"
    );
    assert_eq!(doc["quiet_offices"].as_array().unwrap().len(), 10);
    // No activity is loaded: the cases are still counted, and the release says so.
    assert_eq!(doc["activities_loaded"], false);
    assert!(doc["activities"].is_null());
    assert_eq!(n(&doc["cases"]), 3);
    // (Long lines wrap on the terminal; the words are what is read.)
    let words = |s: String| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = words(stdout(&db, &t, &["--lang", "id", "rekap", "--pekan", "1"]));
    assert!(
        text.contains("Belum ada data kegiatan kampanye yang dimuat"),
        "{text}"
    );
    assert!(
        text.contains(
            "Bawaslu Kota Balikpapan: 2 temuan baru; 1 laporan baru; 1 laporan tidak diregistrasi; \
         2 dinyatakan pelanggaran; 1 diteruskan ke Penyidik Polri melalui Sentra Gakkumdu; \
         1 pelanggaran administrasi diputus (perbaikan oleh KPU); 1 perkara masuk penyidikan Polri"
        ),
        "{text}"
    );
    assert!(!text.contains("diteruskan ke KPU"), "{text}");
    // The provincial office's region goes by the name every report gives it.
    assert!(text.contains("Tanpa kegiatan penanganan pekan ini: Provinsi (Kaltim), Samarinda,"));
    let en = words(stdout(&db, &t, &["--lang", "en", "rekap", "--pekan", "1"]));
    assert!(
        en.contains(
            "1 forwarded to the police (via Gakkumdu); 1 administrative violation decided \
             (KPU to correct); 1 case under police investigation"
        ),
        "{en}"
    );
    assert!(!en.contains("forwarded to KPU"), "{en}");
    assert!(en.contains("Nothing handled this week: Province (Kaltim), Samarinda,"));
    assert!(en.contains("No campaign activities are loaded"));
}

#[test]
fn a_pekan_outside_the_campaign_names_the_range() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 7);
    for (lang, pekan, said) in [
        (
            "en",
            "11",
            "the campaign (28 Nov 2023 – 10 Feb 2024) has weeks 1 to 10",
        ),
        ("en", "0", "has weeks 1 to 10"),
        ("id", "11", "terdiri atas pekan ke-1 sampai pekan ke-10"),
    ] {
        let out = pantau(&db, LATER)
            .args(["--lang", lang, "rekap", "--pekan", pekan])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(said), "{err}");
        assert!(out.stdout.is_empty());
    }
    // Counted before the pekan began: nothing to release yet.
    let out = pantau(&db, LATER)
        .args(["rekap", "--pekan", "6", "--as-of", "2024-01-01"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Week 6 (2–8 Jan 2024) had not begun"));
    // Today before the pekan's end: it is counted so far, and said to be running.
    let text = stdout(&db, "2024-01-04", &["rekap", "--pekan", "6"]);
    assert!(text.contains("This week is still running: counted up to 4 January 2024."));
}

#[test]
fn parties_are_broken_down_when_the_figures_have_them_and_a_pekan_without_figures_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.db");
    pantau(&db, LATER).arg("init").assert().success();
    let row = |region: &str, pekan, method: &str, party: &str, count| {
        pantau::store::activities::ActivityRow {
            region: region.into(),
            pekan,
            method: method.into(),
            contestant: "PARTAI".into(),
            party: party.into(),
            count,
        }
    };
    {
        let store = Store::open(&db, Mode::Write).unwrap();
        let cancel = std::sync::atomic::AtomicBool::new(false);
        let w = store
            .begin_write(std::time::Duration::from_secs(60), &cancel, &mut || {})
            .unwrap()
            .unwrap();
        let now = NaiveDate::from_ymd_opt(2024, 1, 9)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let berau = [
            row("64.03", 6, "TATAP_MUKA", "Partai A", 30),
            row("64.03", 6, "PERTEMUAN_TERBATAS", "Partai B", 12),
        ];
        let samarinda = [row("64.72", 6, "PERTEMUAN_TERBATAS", "Partai A", 3)];
        let kukar = [row("64.02", 5, "RAPAT_UMUM", "", 2)];
        w.write_pekan("PEMILU2024", "64.03", 6, &berau, None, now)
            .unwrap();
        w.write_pekan("PEMILU2024", "64.72", 6, &samarinda, None, now)
            .unwrap();
        w.write_pekan("PEMILU2024", "64.02", 5, &kukar, None, now)
            .unwrap();
        w.commit().unwrap();
    }
    let doc = rekap_json(&db, LATER, 6, &[]);
    assert_eq!(n(&doc["activities"]), 45);
    assert_eq!(n(&doc["activities_cumulative"]), 47);
    let parties: Vec<(String, i64, i64)> = doc["activities_by_party"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["key"].as_str().unwrap().into(),
                n(&s["pekan"]),
                n(&s["cumulative"]),
            )
        })
        .collect();
    let want = [("Partai A", 33, 33), ("Partai B", 12, 12), ("", 0, 2)];
    assert_eq!(
        parties,
        want.map(|(k, p, c)| (k.to_string(), p, c)).to_vec()
    );
    assert_eq!(
        doc["activities_by_region"][0]["key"], "64.03",
        "busiest first"
    );
    let text = stdout(&db, LATER, &["--lang", "id", "rekap", "--pekan", "6"]);
    assert!(
        text.contains("Paling sedikit pekan ini: Samarinda (3 kegiatan)."),
        "{text}"
    );
    assert!(text.contains("(tidak dirinci per partai)"));
    // Pekan 7 has no figure loaded: said, and null in JSON, while the cumulative stands.
    let doc = rekap_json(&db, LATER, 7, &[]);
    assert!(doc["activities"].is_null());
    assert_eq!(n(&doc["activities_cumulative"]), 47);
    let text = stdout(&db, LATER, &["rekap", "--pekan", "7"]);
    assert!(
        text.contains("No activity figures are loaded for Week 7 (9–15 Jan 2024)."),
        "{text}"
    );
}

/// The digest's events of `office` in pekan `pekan`: (kind, count).
fn events(db: &Path, today: &str, pekan: u32, office: &str) -> Vec<(String, i64)> {
    let doc = rekap_json(db, today, pekan, &[]);
    doc["digest"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["office"] == office)
        .flat_map(|d| d["events"].as_array().unwrap().clone())
        .map(|e| (e["kind"].as_str().unwrap().to_string(), n(&e["count"])))
        .collect()
}

#[test]
fn a_status_dated_by_tanggal_status_counts_in_its_pekan_not_the_import_day() {
    // Imported long after the campaign: without tanggal_status the changes would fall outside it.
    let today = "2024-03-01";
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.db");
    pantau(&db, today).arg("init").assert().success();
    let import = |name: &str, text: &str| {
        let file = dir.path().join(name);
        std::fs::write(&file, text).unwrap();
        pantau(&db, today)
            .arg("import")
            .arg(&file)
            .output()
            .unwrap()
    };
    let header = "nomor,sumber,kode_wilayah,kode_tahapan,tanggal_diterima,tanggal_registrasi,status,tanggal_status";
    let a = "001/TM/PL/Kota/23.05/XII/2023";
    let b = "002/LP/PL/Kota/23.05/I/2024";
    // A temuan set in pekan 2; a laporan received in pekan 6 and not registered in pekan 7.
    let first = format!(
        "{header}\n{a},temuan,64.71,KAMPANYE,2023-12-06,,PENELUSURAN,\n\
         {b},laporan,64.71,KAMPANYE,2024-01-03,,TIDAK_DIREGISTRASI,2024-01-10\n"
    );
    assert!(import("first.csv", &first).status.success());
    // The temuan registered in pekan 4 (19–25 Dec), imported in March.
    let second = format!(
        "{header}\n{a},temuan,64.71,KAMPANYE,2023-12-06,2023-12-20,DIREGISTRASI,2023-12-20\n"
    );
    assert!(import("second.csv", &second).status.success());

    let kinds = |p: u32| events(&db, today, p, "64.71");
    assert_eq!(kinds(2), [("new_temuan".to_string(), 1)]);
    assert_eq!(kinds(4), [("registered".to_string(), 1)]);
    assert_eq!(kinds(6), [("new_laporan".to_string(), 1)]);
    assert_eq!(kinds(7), [("laporan_not_registered".to_string(), 1)]);

    // A status date before the last change, before receipt, or after today is refused, named.
    let back = format!(
        "{header}\n{a},temuan,64.71,KAMPANYE,2023-12-06,2023-12-20,PELANGGARAN,2023-12-10\n"
    );
    let out = import("back.csv", &back);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains(
            "back.csv:2: column \"tanggal_status\": status date 2023-12-10 is before the case's \
             last status change (2023-12-20)"
        ),
        "{err}"
    );
    let bad = format!(
        "{header}\n003/LP/PL/Kota/23.05/I/2024,laporan,64.71,KAMPANYE,2024-01-03,,DITERIMA,2024-01-02\n\
         004/LP/PL/Kota/23.05/I/2024,laporan,64.71,KAMPANYE,2024-01-03,,DITERIMA,2024-03-02\n"
    );
    let out = import("bad.csv", &bad);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.csv:2: column \"tanggal_status\""),
        "{err}"
    );
    assert!(
        err.contains("bad.csv:3: column \"tanggal_status\""),
        "{err}"
    );
    assert_eq!(
        kinds(4),
        [("registered".to_string(), 1)],
        "nothing was written"
    );

    // Export writes the day of the last change; imported elsewhere, the release is the same.
    let export = |db: &Path| stdout(db, today, &["export", "--format", "csv"]);
    let csv = export(&db);
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with(",tanggal_status,pelimpahan"),
        "{csv}"
    );
    // The status date, then an empty handling history (the case was never transferred).
    assert!(
        csv.lines()
            .any(|l| l.starts_with(a) && l.ends_with(",2023-12-20,")),
        "{csv}"
    );
    let copy = dir.path().join("copy.db");
    pantau(&copy, today).arg("init").assert().success();
    let file = dir.path().join("export.csv");
    std::fs::write(&file, &csv).unwrap();
    pantau(&copy, today)
        .arg("import")
        .arg(&file)
        .assert()
        .success();
    assert_eq!(export(&copy), csv);
    assert_eq!(events(&copy, today, 7, "64.71"), kinds(7));
    assert_eq!(events(&copy, today, 4, "64.71"), kinds(4));
    // JSON carries it as `tanggal_status` too, and reads it back.
    let json = stdout(&db, today, &["export", "--format", "json"]);
    assert!(json.contains("\"tanggal_status\":\"2023-12-20\""), "{json}");
    let other = dir.path().join("json.db");
    pantau(&other, today).arg("init").assert().success();
    let file = dir.path().join("export.json");
    std::fs::write(&file, &json).unwrap();
    pantau(&other, today)
        .arg("import")
        .arg(&file)
        .assert()
        .success();
    assert_eq!(events(&other, today, 4, "64.71"), kinds(4));
    assert_eq!(events(&other, today, 7, "64.71"), kinds(7));
}

#[test]
fn a_pilkadas_release_speaks_of_its_candidate_pairs_and_names_its_election() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.db");
    let day = "2024-10-01";
    pantau(&db, day).arg("init").assert().success();
    let file = dir.path().join("pairs.csv");
    std::fs::write(
        &file,
        "kode_wilayah,pekan,metode,peserta,partai,jumlah,pemilihan\n\
         64.71,1,TATAP_MUKA,BUPATI_WALIKOTA,WALIKOTA_BALIKPAPAN/03,42,PILKADA2024\n\
         64.71,1,TATAP_MUKA,GUBERNUR,GUBERNUR/01,16,PILKADA2024\n",
    )
    .unwrap();
    pantau(&db, day)
        .args(["kegiatan", "import"])
        .arg(&file)
        .assert()
        .success();
    let args = |lang: &'static str, format: &'static str| {
        ["--lang", lang, "rekap", "--pekan", "1", "--format", format]
    };
    let id = stdout(&db, day, &args("id", "text"));
    assert!(
        id.starts_with(
            "Rekap pengawasan kampanye Pilkada 2024, Pekan ke-1 (25 Sep – 1 Okt 2024)\n"
        ),
        "{id}"
    );
    assert!(
        id.contains("Peserta Pemilihan") && !id.contains("Peserta Pemilu"),
        "{id}"
    );
    assert!(
        id.contains("Pasangan calon ") && !id.contains("Partai"),
        "{id}"
    );
    assert!(
        id.contains("Pemilihan Wali Kota Balikpapan, nomor urut 03"),
        "{id}"
    );
    assert!(
        id.contains("Pemilihan Gubernur dan Wakil Gubernur Kalimantan Timur, nomor urut 01"),
        "{id}"
    );
    assert!(!id.contains("WALIKOTA_BALIKPAPAN/03"), "{id}");
    let en = stdout(&db, day, &args("en", "md"));
    assert!(
        en.starts_with(
            "## Campaign supervision recap, 2024 Regional Head Elections, Week 1 (25 Sep – 1 Oct 2024)\n"
        ),
        "{en}"
    );
    assert!(
        en.contains("| Candidate pair |") && !en.contains("Party"),
        "{en}"
    );
    assert!(en.contains("| Mayor of Balikpapan, pair no. 3 |"), "{en}");
    // JSON keeps the codes, and names the election by its code.
    let json = rekap_json(&db, day, 1, &[]);
    assert_eq!(json["elections"], serde_json::json!(["PILKADA2024"]));
    let keys: Vec<&str> = json["activities_by_party"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["WALIKOTA_BALIKPAPAN/03", "GUBERNUR/01"]);
}
