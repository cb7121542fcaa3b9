//! `pantau init --election DIR`: a later cycle written as files (the README's worked example,
//! Pemilu 2029) is loaded into a database that holds the shipped elections, corrected by loading
//! it again, never loses a stage, contest or method that cases use, and stays when the shipped
//! reference data is loaded again.

use std::path::{Path, PathBuf};

use pantau::domain::Reference;
use pantau::domain::{Case, Source};
use pantau::store::{Mode, Store};

use crate::import_support::{pantau, texts};
use crate::sealed;

/// The example folder `docs/examples/elections/NAME`, copied into `dir` as the README says.
fn example(dir: &Path, name: &str) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/examples/elections")
        .join(name);
    let to = dir.join(name);
    std::fs::create_dir(&to).unwrap();
    for f in pantau::domain::election::FILES {
        std::fs::copy(from.join(f), to.join(f)).unwrap();
    }
    to
}

/// `pantau --db DB ARGS…` in English: success, standard output, standard error.
fn run(db: &Path, args: &[&str]) -> (bool, String, String) {
    let out = pantau(db).args(args).output().unwrap();
    let (stdout, stderr) = texts(&out);
    (out.status.success(), stdout, stderr)
}

/// The same in Indonesian: exit code and standard error.
fn run_id(db: &Path, args: &[&str]) -> (Option<i32>, String) {
    let mut c = sealed::pantau(&sealed::scratch_home());
    sealed::locale(&mut c, "id_ID.UTF-8");
    let out = c.arg("--db").arg(db).args(args).output().unwrap();
    (out.status.code(), texts(&out).1)
}

fn stored(db: &Path) -> Reference {
    Store::open(db, Mode::ReadOnly)
        .unwrap()
        .reference()
        .unwrap()
        .as_ref()
        .clone()
}

fn codes(r: &Reference) -> Vec<&str> {
    r.elections.iter().map(|e| e.code.as_str()).collect()
}

fn edit(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{from}");
    std::fs::write(file, text.replace(from, to)).unwrap();
}

#[test]
fn the_worked_example_adds_pemilu_2029_and_loading_the_shipped_reference_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pantau.db");
    let folder = example(dir.path(), "PEMILU2029");
    assert!(run(&db, &["init"]).0);

    // As a shell completes it, with a slash at the end.
    let arg = format!("{}/", folder.display());
    let (ok, out, err) = run(&db, &["init", "--election", &arg]);
    assert!(ok, "{err}");
    let added = "2029 General Election (PEMILU2029) added: 13 stages, 4 campaign methods, \
                 3 contests; voting day 2029-02-14";
    assert!(out.contains(added), "{out}");
    assert!(out.contains("(11 regions, 3 elections, "), "{out}");
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    assert!(readme.contains(added), "the README shows what init says");

    let r = stored(&db);
    assert_eq!(codes(&r), ["PEMILU2024", "PILKADA2024", "PEMILU2029"]);
    let e = r.election("PEMILU2029").unwrap();
    assert_eq!(
        e,
        &pantau::domain::election::Election::from_dir(&folder).unwrap()
    );
    let campaign = e.campaign_period().unwrap();
    assert_eq!(campaign.starts.to_string(), "2028-11-28");
    assert_eq!(e.contests.len(), 3);

    // Again: nothing changes; the shipped reference loaded again keeps it, and changes nothing.
    let (ok, out, _) = run(&db, &["init", "--election", &arg]);
    assert!(ok);
    assert!(
        out.contains("(PEMILU2029): nothing changed") && out.ends_with("— nothing changed\n"),
        "{out}"
    );
    let (ok, out, _) = run(&db, &["init"]);
    assert!(ok);
    assert!(
        out.contains("3 elections") && out.contains("nothing changed"),
        "{out}"
    );
    assert_eq!(stored(&db), r);
}

#[test]
fn both_example_folders_load_at_once_into_a_new_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("baru.db");
    let pemilu = example(dir.path(), "PEMILU2029");
    let pilkada = example(dir.path(), "PILKADA2029");
    let (ok, out, err) = run(
        &db,
        &[
            "init",
            "--election",
            &pemilu.display().to_string(),
            "--election",
            &pilkada.display().to_string(),
        ],
    );
    assert!(ok, "{err}");
    assert!(out.contains("(PILKADA2029) added: 12 stages"), "{out}");
    // A new database gets the shipped reference data too.
    let r = stored(&db);
    assert_eq!(
        codes(&r),
        ["PEMILU2024", "PILKADA2024", "PEMILU2029", "PILKADA2029"]
    );
    assert_eq!(r.regions.len(), 11);
    let pilkada = r.election("PILKADA2029").unwrap();
    assert_eq!(pilkada.contests.len(), 11);
    assert_eq!(pilkada.case_segment, "PB");
}

#[test]
fn a_correction_changes_what_it_lists_and_never_removes_what_cases_use() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pantau.db");
    let folder = example(dir.path(), "PEMILU2029");
    let arg = folder.display().to_string();
    assert!(run(&db, &["init", "--election", &arg]).0);

    // KPU decrees the campaign a week earlier; the DPRD Provinsi race stays in 2029.
    let stages = folder.join("stages.csv");
    let contests = folder.join("contests.csv");
    edit(
        &stages,
        "KAMPANYE,Masa kampanye,Campaign period,2028-11-28",
        "KAMPANYE,Masa kampanye,Campaign period,2028-11-21",
    );
    let mut text = std::fs::read_to_string(&contests).unwrap();
    text.push_str(
        "DPRD_PROVINSI,Pemilihan anggota DPRD Provinsi,Provincial council (DPRD Provinsi),64,,false,4\n",
    );
    std::fs::write(&contests, text).unwrap();
    let (ok, out, err) = run(&db, &["init", "--election", &arg]);
    assert!(ok, "{err}");
    assert!(
        out.contains(
            "(PEMILU2029) corrected: stages changed: KAMPANYE; contests added: DPRD_PROVINSI"
        ),
        "{out}"
    );

    // A case filed in the campaign of Pemilu 2029.
    {
        let mut store = Store::open(&db, Mode::Write).unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2028, 12, 4).unwrap();
        let case = Case::new(
            "PEMILU2029",
            "001/TM/PL/Kota/23.05/XII/2028",
            Source::Temuan,
            "64.71",
            "KAMPANYE",
            day,
        );
        let w = store.begin().unwrap();
        w.insert_case(&case, &[], None, day.and_hms_opt(10, 0, 0).unwrap())
            .unwrap();
        w.commit().unwrap();
    }

    // A correction without the campaign stage (and with another voting day) is refused whole,
    // naming the stage and how many cases use it, in both languages.
    let before = stored(&db);
    let kept = std::fs::read_to_string(&stages).unwrap();
    let without: String = kept
        .lines()
        .filter(|l| !l.starts_with("KAMPANYE,") && !l.starts_with("MASA_TENANG,"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&stages, without).unwrap();
    let toml = folder.join("election.toml");
    edit(
        &toml,
        "campaign_stage = \"KAMPANYE\"",
        "campaign_stage = \"PENCALONAN\"",
    );
    edit(&toml, "2029-02-14", "2029-02-21");
    let (ok, out, err) = run(&db, &["init", "--election", &arg]);
    assert!(!ok, "{out}");
    assert!(
        err.contains("its files no longer list what stored data still uses: stage KAMPANYE (stages.csv), cases using it: 1. Nothing was loaded."),
        "{err}"
    );
    assert!(err.contains(&arg), "the folder is named: {err}");
    assert!(!err.contains("MASA_TENANG"), "unused: {err}");
    let (code, err) = run_id(&db, &["init", "--election", &arg]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("tahapan KAMPANYE (stages.csv), dipakai 1 kasus. Tidak ada yang dimuat."),
        "{err}"
    );
    assert_eq!(stored(&db), before, "nothing was written");

    // The campaign listed again: the unused quiet period goes, the voting day moves.
    std::fs::write(
        &stages,
        kept.lines()
            .filter(|l| !l.starts_with("MASA_TENANG,"))
            .map(|l| format!("{l}\n"))
            .collect::<String>(),
    )
    .unwrap();
    edit(
        &toml,
        "campaign_stage = \"PENCALONAN\"",
        "campaign_stage = \"KAMPANYE\"",
    );
    let (ok, out, err) = run(&db, &["init", "--election", &arg]);
    assert!(ok, "{err}");
    assert!(
        out.contains(
            "(PEMILU2029) corrected: election.toml (voting_day); stages removed: MASA_TENANG"
        ),
        "{out}"
    );
    let e = stored(&db).election("PEMILU2029").unwrap().clone();
    assert_eq!(e.voting_day.to_string(), "2029-02-21");
    assert!(e.stage("MASA_TENANG").is_none() && e.stage("KAMPANYE").is_some());
}

#[test]
fn a_mistake_in_an_election_folder_names_the_file_and_line_and_loads_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pantau.db");
    assert!(run(&db, &["init"]).0);
    let pemilu = example(dir.path(), "PEMILU2029");
    let pilkada = example(dir.path(), "PILKADA2029");
    let toml = pilkada.join("election.toml");
    edit(&toml, "kind = \"pemilihan\"", "kind = \"pilkada\"");
    let line = std::fs::read_to_string(&toml)
        .unwrap()
        .lines()
        .position(|l| l.starts_with("kind"))
        .unwrap()
        + 1;
    let args = [
        "init",
        "--election",
        &pemilu.display().to_string(),
        "--election",
        &pilkada.display().to_string(),
    ];
    let (ok, _, err) = run(&db, &args);
    assert!(!ok);
    let at = format!("{}/election.toml:{line}: ", pilkada.display());
    assert!(
        err.contains(&format!("{at}`kind` must be \"pemilu\" | \"pemilihan\"")),
        "{err}"
    );
    let (_, err) = run_id(&db, &args);
    assert!(err.contains(&format!("{at}`kind` harus")), "{err}");
    assert_eq!(codes(&stored(&db)), ["PEMILU2024", "PILKADA2024"]);

    // A contest in a region the database does not know.
    edit(&toml, "kind = \"pilkada\"", "kind = \"pemilihan\"");
    edit(&pilkada.join("contests.csv"), ",64.74,", ",64.99,");
    let (ok, _, err) = run(&db, &args);
    assert!(!ok);
    assert!(err.contains("region 64.99 is not in regions.csv"), "{err}");

    // One election from two folders.
    let (ok, _, err) = run(
        &db,
        &[
            "init",
            "--election",
            &pemilu.display().to_string(),
            "--election",
            &format!("{}/", pemilu.display()),
        ],
    );
    assert!(!ok);
    assert!(err.contains("election PEMILU2029 is given twice"), "{err}");
    assert_eq!(codes(&stored(&db)), ["PEMILU2024", "PILKADA2024"]);
}

#[test]
fn a_date_written_day_first_a_missing_file_and_the_parent_folder_are_told_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pantau.db");
    assert!(run(&db, &["init"]).0);
    let pemilu = example(dir.path(), "PEMILU2029");
    example(dir.path(), "PILKADA2029");
    let stages = pemilu.join("stages.csv");
    let text = std::fs::read_to_string(&stages).unwrap();
    let third = text.lines().nth(2).unwrap();
    let date = third.split(',').nth(3).unwrap();
    let (y, md) = date.split_at(4);
    let day_first = format!("{}-{}-{y}", &md[4..6], &md[1..3]);
    edit(&stages, &format!(",{date},"), &format!(",{day_first},"));
    let args = ["init", "--election", &pemilu.display().to_string()];
    let (ok, _, err) = run(&db, &args);
    assert!(!ok);
    let at = format!(
        "{}/stages.csv:3: column 4 (`starts_on`): ",
        pemilu.display()
    );
    assert!(
        err.contains(&format!(
            "{at}\"{day_first}\" is not a date; write it YYYY-MM-DD"
        )),
        "{err}"
    );
    assert!(!err.contains("deserialize"), "{err}");
    let (_, err) = run_id(&db, &args);
    assert!(
        err.contains("kolom 4 (`starts_on`)")
            && err.contains("bukan tanggal; tulis dalam bentuk YYYY-MM-DD"),
        "{err}"
    );

    // An error of a whole file has no line to name.
    std::fs::remove_file(pemilu.join("contests.csv")).unwrap();
    let (ok, _, err) = run(&db, &args);
    assert!(!ok);
    assert!(err.contains("contests.csv: "), "{err}");
    assert!(!err.contains("contests.csv:0:"), "{err}");

    // The folder holding the elections' folders says which they are and how to name them.
    let parent = dir.path().display().to_string();
    let (ok, _, err) = run(&db, &["init", "--election", &parent]);
    assert!(!ok);
    assert!(
        err.contains("the folders in it are elections: PEMILU2029, PILKADA2029")
            && err.contains(&format!("--election {parent}/PILKADA2029")),
        "{err}"
    );
    let (_, err) = run_id(&db, &["init", "--election", &parent]);
    assert!(err.contains("folder di dalamnya adalah pemilihan"), "{err}");
    assert_eq!(codes(&stored(&db)), ["PEMILU2024", "PILKADA2024"]);
}
