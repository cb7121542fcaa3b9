use super::*;

fn parse(text: &str) -> Result<Config, Vec<ConfigError>> {
    let mut c = Config::defaults();
    c.file = Some(PathBuf::from("config.toml"));
    c.apply(text, Path::new("config.toml"), false).map(|_| c)
}

#[test]
fn the_embedded_defaults_parse_and_remap_nothing() {
    let mut c = Config::defaults();
    assert!(
        c.apply(DEFAULTS, Path::new("assets/config.toml"), true)
            .is_ok()
    );
    assert_eq!(c.theme.value, ThemeName::Dark);
    assert_eq!(c.refresh_ms.value, 250);
    assert_eq!(c.deadline_days.value, DayCount::Calendar);
    assert_eq!(c.language.value, None);
    assert_eq!(c.database.value, None);
    assert!(!c.ascii.value);
    assert_eq!(c.reports_dir.value, None);
    assert_eq!(c.letterhead, Letterhead::default());
    assert_eq!(
        c.letterhead.name_lines(),
        ["BADAN PENGAWAS PEMILIHAN UMUM", "PROVINSI KALIMANTAN TIMUR"]
    );
    assert!(c.letterhead.address_lines().is_empty());
    assert!(c.keys.is_empty());
    assert!(c.views.iter().any(|(v, _)| v.name == "overdue-kampanye"));
    assert!(c.views.iter().all(|(_, s)| *s == Source::Default));
    assert_eq!(c.keymap().unwrap(), Keymap::default());
}

#[test]
fn values_carry_their_line() {
    let c = parse("# x\ntheme = \"light\"\n\n[views]\nrapat = \"region:samarinda\"\n").unwrap();
    assert_eq!(c.theme.value, ThemeName::Light);
    assert_eq!(
        c.theme.source,
        Source::File {
            path: "config.toml".into(),
            line: 2
        }
    );
    let (rapat, at) = c.views.iter().find(|(v, _)| v.name == "rapat").unwrap();
    assert_eq!(rapat.spec, "region:samarinda");
    assert_eq!(
        *at,
        Source::File {
            path: "config.toml".into(),
            line: 5
        }
    );
}

#[test]
fn mistakes_name_line_column_and_key() {
    let e = parse("theme = \"dark\"\nrefresh_ms = 2000\n").unwrap_err();
    assert_eq!(
        (e[0].line, e[0].column, e[0].key.as_str()),
        (2, 14, "refresh_ms")
    );
    let m = e[0].message(Lang::En);
    assert!(
        m.starts_with(
            "config.toml:2:14: refresh_ms: expected a whole number of milliseconds from 50 to 500"
        ),
        "{m}"
    );
    assert!(
        m.contains("found 2000") && m.ends_with("pantau --ignore-config"),
        "{m}"
    );

    let e = parse("\n\nthem = \"dark\"\n").unwrap_err();
    assert_eq!((e[0].line, e[0].key.as_str()), (3, "them"));
    assert!(
        e[0].message(Lang::Id).contains("maksudnya \"theme\"?"),
        "{}",
        e[0].message(Lang::Id)
    );

    let e = parse("theme = \n").unwrap_err();
    assert!(matches!(e[0].problem, Problem::Syntax(_)), "{e:?}");
    assert_eq!(e[0].line, 1);

    let e = parse("[keys.cases]\nsort-nxt = \"x\"\n").unwrap_err();
    assert_eq!((e[0].line, e[0].key.as_str()), (2, "keys.cases.sort-nxt"));
    assert!(
        e[0].message(Lang::En)
            .contains("did you mean \"sort-next\"")
    );

    let e = parse("[keys.cases]\nsort-next = \"hyper-x\"\n").unwrap_err();
    assert_eq!((e[0].line, e[0].column), (2, 13));
}

#[test]
fn a_key_bound_twice_names_both_bindings() {
    let c = parse("[keys.cases]\nsort-next = \"Enter\"\n").unwrap();
    let e = c.keymap().unwrap_err();
    let m = e[0].message(Lang::En);
    assert!(
        m.contains("config.toml:2:1: keys.cases.sort-next: key Enter is bound to both open in [keys.cases] (default) and sort-next in [keys.cases] (line 2)")
            || m.contains("key Enter is bound to both sort-next in [keys.cases] (line 2) and open in [keys.cases] (default)"),
        "{m}"
    );
    let c = parse("[keys.map]\nsort-next = \"x\"\n").unwrap();
    let m = c.keymap().unwrap_err()[0].message(Lang::En);
    assert!(
        m.contains("expected a command of mode map, found sort-next (keys.cases.*)"),
        "{m}"
    );
}

#[test]
fn a_refused_file_and_a_value_of_the_wrong_kind_are_said_in_both_languages() {
    let refused = crate::fsread::ReadError {
        path: PathBuf::from("config.toml"),
        refusal: crate::fsread::Refusal::TooBig(crate::fsread::CONFIG),
    };
    let e = ConfigError {
        file: PathBuf::from("config.toml"),
        line: 0,
        column: 0,
        key: String::new(),
        problem: Problem::of_read(&refused),
    };
    let (id, en) = (e.message(Lang::Id), e.message(Lang::En));
    assert!(
        id.starts_with("config.toml: berisi lebih dari 1 MiB"),
        "{id}"
    );
    assert!(en.starts_with("config.toml: holds more than 1 MiB"), "{en}");

    let e = parse("ascii = 3\n").unwrap_err();
    let (id, en) = (e[0].message(Lang::Id), e[0].message(Lang::En));
    assert!(
        id.contains("ascii: diharapkan true, false atau \"auto\", bukan 3"),
        "{id}"
    );
    assert!(
        en.contains("ascii: expected true, false or \"auto\", found 3"),
        "{en}"
    );
}

#[test]
fn the_letterhead_and_the_reports_folder_carry_their_lines() {
    let c = parse(
        "reports_dir = \"/srv/rapat\"\n\n[letterhead]\nname = \"BAWASLU KOTA SAMARINDA\"\n\
         address = \"\"\"\nJalan Satu\n  Samarinda  \n\"\"\"\nlogo = \"logo.png\"\n",
    )
    .unwrap();
    assert_eq!(c.reports_folder(), PathBuf::from("/srv/rapat"));
    let at = |line| Source::File {
        path: "config.toml".into(),
        line,
    };
    assert_eq!(c.reports_dir.source, at(1));
    assert_eq!(c.letterhead.name_lines(), ["BAWASLU KOTA SAMARINDA"]);
    assert_eq!(c.letterhead.name.source, at(4));
    assert_eq!(c.letterhead.address_lines(), ["Jalan Satu", "Samarinda"]);
    assert_eq!(c.letterhead.address.source, at(5));
    assert_eq!(c.letterhead.logo.value, Some(PathBuf::from("logo.png")));
    assert_eq!(c.letterhead.logo.source, at(9));

    // A missing logo is no mistake when the file is read: printing reports it.
    assert!(parse("[letterhead]\nlogo = \"/nowhere/logo.png\"\n").is_ok());
}

#[test]
fn a_mistake_in_the_letterhead_names_its_line_and_key() {
    let e = parse("[letterhead]\nname = \"X\"\nlogoo = \"a.png\"\n").unwrap_err();
    assert_eq!((e[0].line, e[0].key.as_str()), (3, "letterhead.logoo"));
    let m = e[0].message(Lang::En);
    assert!(m.contains("did you mean \"logo\""), "{m}");

    let e = parse("[letterhead]\naddress = 3\n").unwrap_err();
    assert_eq!((e[0].line, e[0].key.as_str()), (2, "letterhead.address"));
    assert!(e[0].message(Lang::Id).contains("baris dipisah"), "{e:?}");

    let e = parse("letterhead = \"Bawaslu\"\n").unwrap_err();
    assert_eq!(e[0].key, "letterhead");
    assert!(e[0].message(Lang::En).contains("a table [letterhead]"));

    let e = parse("reports_dir = false\n").unwrap_err();
    assert_eq!((e[0].line, e[0].key.as_str()), (1, "reports_dir"));
}

#[test]
fn reports_go_to_the_documents_folder_else_the_data_folder() {
    let c = Config::defaults();
    let folder = c.reports_folder();
    let documents =
        directories::UserDirs::new().and_then(|u| u.document_dir().map(|d| d.join("pantau")));
    match documents {
        Some(d) => assert_eq!(folder, d),
        None => assert!(folder.ends_with("pantau/rekap"), "{}", folder.display()),
    }
}
