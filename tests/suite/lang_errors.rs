//! Mistakes on the command line and the system's reasons a file failed, in the user's language:
//! clap's errors worded by the catalogue (the language from `--lang` even when parsing failed,
//! else the locale), and "No such file or directory" and the like in Indonesian too.

use std::path::Path;
use std::process::Output;

use crate::sealed;

fn run(home: &Path, args: &[&str]) -> Output {
    sealed::pantau(home).args(args).output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Each mistake, with a part of its Indonesian and of its English message.
const MISTAKES: &[(&[&str], &str, &str)] = &[
    (
        &["rekap", "--pekan", "abc"],
        "nilai 'abc' tidak sah untuk '--pekan <N>': bukan bilangan bulat",
        "invalid value 'abc' for '--pekan <N>': not a whole number",
    ),
    (
        &["rekap", "--pekan", "-1"],
        "nilai '-1' tidak sah untuk '--pekan <N>': tidak boleh negatif",
        "invalid value '-1' for '--pekan <N>': must not be negative",
    ),
    (
        &["rekap", "--pekan", "99999999999"],
        "harus bilangan dari 0 sampai 4294967295",
        "expected a number from 0 to 4294967295",
    ),
    (
        &["rekap", "--pekn", "3"],
        "argumen '--pekn' tidak dikenal di sini\n\n  saran: maksud Anda '--pekan'?",
        "unexpected argument '--pekn'\n\n  tip: did you mean '--pekan'?",
    ),
    (
        &["reprt"],
        "tidak ada subperintah 'reprt'",
        "unknown subcommand 'reprt'",
    ),
    (&["reprt"], "atau 'report'?", "or 'report'?"),
    (
        &["report", "--format"],
        "'--format <FORMAT>' perlu diberi nilai",
        "'--format <FORMAT>' needs a value, but none was given",
    ),
    (
        &["report", "--format", "xml"],
        "nilai 'xml' tidak sah untuk '--format <FORMAT>'\n  nilai yang diterima: 'table', 'csv', 'json', 'md'",
        "invalid value 'xml' for '--format <FORMAT>'\n  possible values: 'table', 'csv', 'json', 'md'",
    ),
    (
        &["rekap"],
        "argumen wajib belum diberikan: '--pekan <N>'\n\nPenggunaan: pantau rekap --pekan <N>",
        "required arguments not given: '--pekan <N>'\n\nUsage: pantau rekap --pekan <N>",
    ),
    (
        &["report", "--recap", "--by", "stage"],
        "'--recap' tidak dapat dipakai bersama '--by <BY>...'",
        "'--recap' cannot be used with '--by <BY>...'",
    ),
    (
        &["rekap", "--pekan", "3", "--pekan", "4"],
        "'--pekan <N>' hanya boleh diberikan sekali",
        "'--pekan <N>' may be given only once",
    ),
    (
        &["rekap", "--pekan", "1", "-x"],
        "saran: untuk memberikan '-x' sebagai nilai, tulis '-- -x'",
        "tip: to pass '-x' as a value, write '-- -x'",
    ),
    (
        &["import", "--wait", "99999999", "x.csv"],
        "harus jumlah detik dari 0 sampai 86400 (satu hari)",
        "expected seconds from 0 to 86400 (one day)",
    ),
    (
        &["simulate", "--duration", "10x"],
        "harus lama waktu seperti 30s, 10m, 1h atau 1h30m",
        "expected a duration such as 30s, 10m, 1h or 1h30m",
    ),
    (
        &["backup", "--mode", "666", "x.db"],
        "membuat berkas dapat ditulis setiap pengguna",
        "makes the file writable by every user",
    ),
    (
        &["report", "--force=yes"],
        "argumen '--force' tidak dikenal di sini",
        "unexpected argument '--force'",
    ),
];

#[test]
fn every_command_line_mistake_reads_in_either_language_with_exit_status_2() {
    let home = sealed::scratch_home();
    for (args, id, en) in MISTAKES {
        for (lang, want, help) in [
            (
                "id",
                id,
                "Untuk keterangan lebih lanjut, jalankan '--help'.",
            ),
            ("en", en, "For more information, try '--help'."),
        ] {
            let out = run(&home, &[&["--lang", lang], *args].concat());
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(2), "{lang} {args:?}: {err}");
            assert!(err.starts_with("pantau: "), "{lang} {args:?}: {err}");
            assert!(err.contains(want), "{lang} {args:?}: {err}");
            assert!(err.contains(help), "{lang} {args:?}: {err}");
            if lang == "id" {
                for english in [
                    "error:", "invalid", "tip:", "Usage:", "For more", "os error",
                ] {
                    assert!(!err.contains(english), "{english} in {args:?}: {err}");
                }
            }
        }
    }
}

#[test]
fn the_language_of_a_mistake_comes_from_lang_wherever_it_is_given_else_the_locale() {
    let home = sealed::scratch_home();
    let id = "nilai 'abc' tidak sah untuk '--pekan <N>'";
    let en = "invalid value 'abc' for '--pekan <N>'";
    let err = stderr(&run(&home, &["rekap", "--lang=id", "--pekan", "abc"]));
    assert!(err.contains(id), "{err}");
    let mut c = sealed::pantau(&home);
    sealed::locale(&mut c, "id_ID.UTF-8");
    let err = stderr(&c.args(["rekap", "--pekan", "abc"]).output().unwrap());
    assert!(err.contains(id), "{err}");
    let mut c = sealed::pantau(&home);
    sealed::locale(&mut c, "id_ID.UTF-8");
    let err = stderr(
        &c.args(["--lang", "en", "rekap", "--pekan", "abc"])
            .output()
            .unwrap(),
    );
    assert!(err.contains(en), "{err}");
    // A `--lang` that is not a language is itself the mistake, in the locale's language.
    let mut c = sealed::pantau(&home);
    sealed::locale(&mut c, "id_ID.UTF-8");
    let out = c.args(["--lang", "jv", "report"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(
            "nilai 'jv' tidak sah untuk '--lang <LANG>'\n  nilai yang diterima: 'id', 'en'"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn help_and_version_stay_as_clap_prints_them() {
    let home = sealed::scratch_home();
    let out = run(&home, &["--lang", "id", "rekap", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Usage: pantau rekap"));
    let out = run(&home, &["--lang", "id", "--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("pantau "));
}

#[test]
fn the_systems_reasons_read_in_either_language() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("d.db");
    let db = db.to_str().unwrap();
    assert!(run(home, &["--db", db, "init"]).status.success());
    let file = home.join("f");
    std::fs::write(&file, "").unwrap();
    let under_file = file.join("x.csv");
    let under_file = under_file.to_str().unwrap();
    let missing = home.join("tidak-ada.csv");
    let missing = missing.to_str().unwrap();
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["import", missing],
            "tidak-ada.csv: berkas atau folder itu tidak ada",
            "tidak-ada.csv: no such file or folder",
        ),
        (
            &["export", "--output", under_file],
            "x.csv: salah satu bagian path-nya bukan folder",
            "x.csv: a part of the path is not a folder",
        ),
        (
            &["--config", missing, "report"],
            "berkas atau folder itu tidak ada",
            "no such file or folder",
        ),
    ];
    for (args, id, en) in cases {
        for (lang, want) in [("id", id), ("en", en)] {
            let out = run(home, &[&["--lang", lang, "--db", db], *args].concat());
            let err = stderr(&out);
            assert!(!out.status.success(), "{args:?}");
            assert!(err.contains(want), "{lang} {args:?}: {err}");
            assert!(!err.contains("os error"), "{lang} {args:?}: {err}");
        }
    }
    // A full disk, as /dev/full answers every write.
    for (lang, want) in [
        ("id", "disk penuh, tidak ada ruang tersisa"),
        ("en", "no space left on the disk"),
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = sealed::pantau_std(home)
            .args(["--lang", lang, "--db", db, "export"])
            .stdout(full)
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains(want), "{lang}: {err}");
    }
}
