//! The election in view on the screen: a third election (Pemilu 2029) loaded with `pantau init
//! --election` from the files of tests/fixtures/elections/PEMILU2029 beside the shipped two, its
//! cases shown on every screen; the title bar and the presenter's caption name the election; `e`
//! and `E` switch it through the view's election term; the stage screen shows its calendar.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use pantau::domain::{Case, Election, Reference, Source, Status, StatusChange, ViolationType};
use pantau::i18n::Lang;
use pantau::store::{Mode, Store};
use pantau::view::View;
use ratatui::crossterm::event::KeyCode;

use crate::tui_support::{self, Harness};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A day of Pemilu 2029's campaign: its period holds it, so it is the default election.
fn jan15_2029() -> NaiveDate {
    day(2029, 1, 15)
}

/// The folder of the third election, written as a later cycle would be.
fn pemilu2029_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/elections/PEMILU2029")
}

/// The shipped reference data with Pemilu 2029 read from its folder.
fn three_elections() -> Reference {
    let shipped = Reference::embedded();
    let mut elections = shipped.elections.clone();
    elections.push(Election::from_dir(&pemilu2029_dir()).unwrap());
    Reference::assemble(shipped.regions.clone(), shipped.holidays.clone(), elections).unwrap()
}

/// One Pemilu 2029 case.
struct Made {
    nomor: &'static str,
    source: Source,
    region: &'static str,
    stage: &'static str,
    received: NaiveDate,
    status: Status,
    suspected: Option<ViolationType>,
    contest: Option<&'static str>,
    /// The day it was registered, if it was.
    registered: Option<NaiveDate>,
    uraian: &'static str,
}

/// The Pemilu 2029 cases of the tests: a few of each kind the screens show.
fn cases_2029() -> Vec<Made> {
    use Source::{Laporan, Temuan};
    vec![
        Made {
            nomor: "001/TM/PL/Prov/64.00/XII/2028",
            source: Temuan,
            region: "64",
            stage: "KAMPANYE",
            received: day(2028, 12, 4),
            status: Status::Pelanggaran,
            suspected: Some(ViolationType::Administrasi),
            contest: Some("DPRD_PROVINSI"),
            registered: Some(day(2028, 12, 5)),
            uraian: "Alat peraga kampanye caleg DPRD Provinsi dipasang di pohon perindang jalan",
        },
        Made {
            nomor: "002/LP/PL/Kota/23.06/XII/2028",
            source: Laporan,
            region: "64.72",
            stage: "KAMPANYE",
            received: day(2028, 12, 20),
            status: Status::Klarifikasi,
            suspected: Some(ViolationType::Pidana),
            contest: Some("DPR"),
            registered: Some(day(2028, 12, 23)),
            uraian: "Pembagian uang kepada warga saat pertemuan terbatas calon anggota DPR",
        },
        Made {
            nomor: "003/TM/PL/Kota/23.01/I/2029",
            source: Temuan,
            region: "64.71",
            stage: "KAMPANYE",
            received: day(2029, 1, 9),
            status: Status::Penelusuran,
            suspected: Some(ViolationType::HukumLainnya),
            contest: None,
            registered: None,
            uraian: "Kepala kelurahan hadir berseragam dalam kampanye tatap muka",
        },
        Made {
            nomor: "004/LP/PL/Kab/23.04/X/2028",
            source: Laporan,
            region: "64.02",
            stage: "PENCALONAN",
            received: day(2028, 10, 3),
            status: Status::BukanPelanggaran,
            suspected: Some(ViolationType::Administrasi),
            contest: Some("DPRD_KABKOTA"),
            registered: Some(day(2028, 10, 5)),
            uraian: "Dugaan ijazah palsu bakal calon anggota DPRD Kutai Kartanegara",
        },
        Made {
            nomor: "005/TM/PL/Kab/23.05/VI/2028",
            source: Temuan,
            region: "64.03",
            stage: "DATA_PEMILIH",
            received: day(2028, 6, 5),
            status: Status::Pelanggaran,
            suspected: Some(ViolationType::Administrasi),
            contest: None,
            registered: Some(day(2028, 6, 6)),
            uraian: "Pemilih meninggal dunia masih tercantum dalam daftar pemilih sementara",
        },
    ]
}

/// The demo database (Pemilu 2024's and Pilkada 2024's cases) with Pemilu 2029 loaded from its
/// files as a later cycle is, with `pantau init --election DIR`, and five cases of it.
fn db_with_2029(dir: &Path) -> PathBuf {
    let path = tui_support::demo_db(dir);
    let out = crate::import_support::pantau(&path)
        .arg("init")
        .arg("--election")
        .arg(pemilu2029_dir())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "init --election: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut store = Store::open(&path, Mode::Write).unwrap();
    assert_eq!(*store.reference().unwrap(), three_elections());
    let tx = store.conn_mut().transaction().unwrap();
    for m in cases_2029() {
        let mut case = Case::new(
            "PEMILU2029",
            m.nomor,
            m.source,
            m.region,
            m.stage,
            m.received,
        );
        case.kontestasi = m.contest.map(str::to_string);
        case.jenis_dugaan = m.suspected;
        case.uraian = m.uraian.to_string();
        case.status = m.status;
        if let Some(reg) = m.registered {
            case.tanggal_registrasi = Some(reg);
            case.nomor_registrasi = Some(
                m.nomor
                    .replacen("/TM/", "/Reg/TM/", 1)
                    .replacen("/LP/", "/Reg/LP/", 1),
            );
        }
        if m.status == Status::Pelanggaran {
            case.jenis_pelanggaran = m.suspected;
        }
        let at = m.received.and_hms_opt(9, 0, 0).unwrap();
        let mut history = vec![StatusChange {
            from: None,
            to: Case::new(
                "PEMILU2029",
                m.nomor,
                m.source,
                m.region,
                m.stage,
                m.received,
            )
            .status,
            at,
            by: "uji".into(),
            note: None,
        }];
        if history[0].to != m.status {
            history.push(StatusChange {
                from: Some(history[0].to),
                to: m.status,
                at: at + chrono::Duration::days(2),
                by: "uji".into(),
                note: None,
            });
        }
        pantau::store::write::insert_case(&tx, &case, &history, None, at).unwrap();
    }
    tx.commit().unwrap();
    path
}

/// The app on `db` as of `as_of`, at `size`, in `lang`.
fn app_on(db: &Path, size: (u16, u16), lang: Lang, as_of: NaiveDate) -> Harness {
    Harness::with(db, size, lang, View::default(), |o| {
        o.as_of = Some(as_of);
        o.today = as_of;
        o.now = as_of.and_hms_opt(14, 32, 5).unwrap();
    })
}

#[test]
fn the_third_election_s_files_are_read_whole() {
    let e = Election::from_dir(&pemilu2029_dir()).unwrap();
    assert_eq!(e.code, "PEMILU2029");
    assert_eq!(e.voting_day, day(2029, 2, 14));
    let campaign = e.campaign_period().unwrap();
    assert_eq!(
        (campaign.starts, campaign.ends),
        (day(2028, 11, 28), day(2029, 2, 10))
    );
    let r = three_elections();
    let codes: Vec<&str> = r.elections.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["PEMILU2024", "PILKADA2024", "PEMILU2029"]);
    assert_eq!(
        r.default_election(jan15_2029(), &[])
            .map(|e| e.code.as_str()),
        Some("PEMILU2029")
    );
}

/// The rows of a screen, without the quotes the test backend puts around them.
fn rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .map(|l| l.trim_matches('"').to_string())
        .collect()
}

#[test]
fn a_third_election_loaded_from_files_shows_on_every_screen() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_2029(dir.path());
    // At 80 columns the title bar and the caption take the short form of `2029 General
    // Election`: the widest name of an election (`2024 Regional Head Elections`) does not fit
    // there, and every election is named the same way at one width.
    for (lang, name, caption, code) in [
        (Lang::Id, "Pemilu 2029", "Pemilu 2029", "id"),
        (Lang::En, "Pemilu 2029", "Pemilu 2029", "en"),
    ] {
        let mut h = app_on(&db, (80, 24), lang, jan15_2029());
        let screen = h.screen();
        let title = rows(&screen)[0].clone();
        assert!(
            title.contains(name),
            "{lang:?}: the title bar names it\n{screen}"
        );
        insta::assert_snapshot!(format!("pemilu2029_dashboard_80x24_{code}"), screen);
        h.press(KeyCode::Char('2'));
        let screen = h.screen();
        assert!(screen.contains("002/LP/23.06/XII"), "{screen}");
        insta::assert_snapshot!(format!("pemilu2029_cases_80x24_{code}"), screen);
        // The case of the DPR race under clarification, its deadline counted.
        for _ in 0..3 {
            h.press(KeyCode::Char('j'));
        }
        h.press(KeyCode::Enter);
        let screen = h.screen();
        let (election, contest) = match lang {
            Lang::Id => (
                "Pemilihan            Pemilu 2029",
                "Kontestasi           Pemilihan anggota DPR",
            ),
            Lang::En => (
                "Election             2029 General Election",
                "Contest              House of Representatives (DPR)",
            ),
        };
        assert!(
            screen.contains(election) && screen.contains(contest),
            "{screen}"
        );
        insta::assert_snapshot!(format!("pemilu2029_detail_80x24_{code}"), screen);
        h.press(KeyCode::Esc);
        h.press(KeyCode::Char('3'));
        let screen = h.screen();
        let calendar = match lang {
            Lang::Id => "Jadwal tahapan Pemilu 2029",
            Lang::En => "2029 General Election stages (tahapan)",
        };
        assert!(screen.contains(calendar), "{screen}");
        assert!(
            screen.contains("2028") && !screen.contains("2022"),
            "{screen}"
        );
        insta::assert_snapshot!(format!("pemilu2029_stages_80x24_{code}"), screen);
        h.press(KeyCode::Right);
        let screen = h.screen();
        let campaign = match lang {
            Lang::Id => "Kampanye 28/11/2028–10/02/2029",
            Lang::En => "Campaign 28/11/2028–10/02/2029",
        };
        assert!(screen.contains(campaign), "{screen}");
        insta::assert_snapshot!(format!("pemilu2029_campaign_80x24_{code}"), screen);
        h.press(KeyCode::Left);
        h.press(KeyCode::Char('4'));
        insta::assert_snapshot!(format!("pemilu2029_map_80x24_{code}"), h.screen());
        h.press(KeyCode::Char('1'));
        h.press(KeyCode::Char('p'));
        let screen = h.screen();
        assert!(
            rows(&screen)[0].contains(caption),
            "the caption names it\n{screen}"
        );
        insta::assert_snapshot!(format!("pemilu2029_present_80x24_{code}"), screen);
    }
}

#[test]
fn every_election_is_named_the_same_way_at_one_width_on_the_title_and_every_caption() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_2029(dir.path());
    // (width, language, whether the names are in full)
    for (w, lang, full) in [
        (80, Lang::En, false),
        (80, Lang::Id, true),
        (200, Lang::En, true),
        (200, Lang::Id, true),
    ] {
        let mut h = app_on(&db, (w, 24), lang, jan15_2029());
        let r = three_elections();
        // Every election, then all of them together.
        for _ in 0..=r.elections.len() {
            h.press(KeyCode::Char('e'));
            let code = h.app.view_spec();
            let e = r
                .elections
                .iter()
                .find(|e| code.ends_with(&e.code.to_lowercase()));
            let (long, short) = match (e, lang) {
                (Some(e), _) => (
                    e.name(lang).to_string(),
                    pantau::tui::elections::short_name(&e.code),
                ),
                (None, Lang::Id) => ("Semua pemilihan".into(), "Semua".into()),
                (None, Lang::En) => ("All elections".into(), "All".into()),
            };
            let name = if full { &long } else { &short };
            let title = rows(&h.screen())[0].clone();
            assert!(
                title.contains(&format!(" {name} · ")),
                "{w} {lang:?} {code}: {title}"
            );
            // The presenter's pages, each named the same way.
            h.press(KeyCode::Char('p'));
            for _ in 0..4 {
                let caption = rows(&h.screen())[0].clone();
                assert!(
                    caption.contains(&format!(" · {name} · ")),
                    "{w} {lang:?} {code}: {caption}"
                );
                h.press(KeyCode::Tab);
            }
            h.press(KeyCode::Char('p'));
        }
    }
}

/// The total the tab bar gives (`173 cases`, `5 kasus`), once the figures arrived.
fn total(h: &Harness) -> Option<i64> {
    h.app.counts().map(|c| c.headline.total)
}

#[test]
fn e_goes_round_the_elections_then_all_and_e_back_and_the_view_bar_shows_the_term() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_2029(dir.path());
    let mut h = app_on(&db, (80, 24), Lang::En, jan15_2029());
    let title = |h: &Harness| rows(&h.screen())[0].clone();
    let tabs = |h: &Harness| rows(&h.screen())[1].clone();
    assert!(title(&h).contains("Pemilu 2029"), "{}", h.screen());
    assert_eq!(total(&h), Some(5), "the default election's cases only");
    assert!(tabs(&h).contains("view: (all) · 5 cases"), "{}", tabs(&h));
    // After the last election by voting day: every election, on the dashboard.
    h.press(KeyCode::Char('e'));
    assert!(title(&h).contains(" All · as of"), "{}", h.screen());
    assert_eq!(h.app.view_spec(), "election:all");
    let all = total(&h).unwrap();
    assert!(all > 5 + 47, "{all}");
    assert!(tabs(&h).contains("election:all"), "{}", tabs(&h));
    // Then the first: Pemilu 2024, every one of its cases by 15 January 2029.
    h.press(KeyCode::Char('e'));
    assert_eq!(h.app.view_spec(), "election:pemilu2024");
    assert!(title(&h).contains("Pemilu 2024"), "{}", h.screen());
    let pemilu = total(&h).unwrap();
    assert!(pemilu > 47 && pemilu < all, "{pemilu} of {all}");
    // E goes back the same way.
    h.press(KeyCode::Char('E'));
    assert_eq!(h.app.view_spec(), "election:all");
    h.press(KeyCode::Char('E'));
    assert_eq!(h.app.view_spec(), "election:pemilu2029");
    assert_eq!(total(&h), Some(5));
    // A term of the view stays; the election term is replaced, not added.
    h.press(KeyCode::Char('/'));
    h.press_with(
        KeyCode::Char('u'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    );
    h.type_text("election:pemilu2029 stage:kampanye");
    h.press(KeyCode::Enter);
    assert_eq!(total(&h), Some(3));
    h.press(KeyCode::Char('E'));
    assert_eq!(h.app.view_spec(), "election:pilkada2024 stage:kampanye");
    // In Indonesian the term is written as Indonesian.
    h.press(KeyCode::Char('L'));
    assert_eq!(h.app.view_spec(), "pemilihan:pilkada2024 tahapan:kampanye");
}

#[test]
fn on_the_stage_screen_e_skips_all_elections_and_the_calendar_follows() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_2029(dir.path());
    let mut h = app_on(&db, (80, 24), Lang::Id, jan15_2029());
    h.press(KeyCode::Char('3'));
    assert!(
        h.screen().contains("Jadwal tahapan Pemilu 2029"),
        "{}",
        h.screen()
    );
    h.press(KeyCode::Char('e'));
    assert_eq!(
        h.app.view_spec(),
        "pemilihan:pemilu2024",
        "no 'all' on a calendar"
    );
    let screen = h.screen();
    assert!(screen.contains("Jadwal tahapan Pemilu 2024"), "{screen}");
    h.press(KeyCode::Char('e'));
    let screen = h.screen();
    assert!(screen.contains("Jadwal tahapan Pilkada 2024"), "{screen}");
    // Its campaign: 25 Sep – 23 Nov 2024, on the campaign part.
    h.press(KeyCode::Right);
    let screen = h.screen();
    assert!(
        screen.contains("Kampanye 25/09/2024–23/11/2024"),
        "{screen}"
    );
    // Its pekan, counted from its own first day.
    h.press(KeyCode::Down);
    h.press(KeyCode::Up);
    let screen = h.screen();
    assert!(
        screen.contains("Pekan ke-1 (25 Sep – 1 Okt 2024)"),
        "{screen}"
    );
    h.press(KeyCode::Char('E'));
    let screen = h.screen();
    assert!(
        screen.contains("Kampanye 28/11/2023–10/02/2024"),
        "{screen}"
    );
    // Pemilu 2024's campaign pekan, counted from its own first day.
    assert!(
        screen.contains("Pekan ke-1 (28 Nov – 4 Des 2023)"),
        "{screen}"
    );
}

#[test]
fn a_remapped_election_key_switches_like_the_others() {
    use pantau::config::{Config, Prefs};
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_2029(dir.path());
    let file = dir.path().join("config.toml");
    std::fs::write(
        &file,
        "[keys.global]\nnext-election = \"x\"\nprev-election = \"X\"\n",
    )
    .unwrap();
    let config = Config::load(&file, true).unwrap();
    let keymap = config.keymap().unwrap();
    let mut h = Harness::with(&db, (80, 24), Lang::En, View::default(), |o| {
        o.as_of = Some(jan15_2029());
        o.today = jan15_2029();
        o.prefs = Prefs {
            keymap,
            views: Vec::new(),
            ascii: false,
        };
    });
    h.press(KeyCode::Char('e'));
    assert_eq!(h.app.view_spec(), "", "e no longer switches");
    h.press(KeyCode::Char('X'));
    assert_eq!(h.app.view_spec(), "election:pilkada2024");
    h.press(KeyCode::Char('x'));
    assert_eq!(h.app.view_spec(), "election:pemilu2029");
    h.press(KeyCode::Char('?'));
    let help = h.screen();
    assert!(
        help.contains("   x               the next election"),
        "{help}"
    );
}

#[test]
fn e_in_the_real_binary_switches_the_title_the_counts_and_the_view_bar() {
    use crate::tui_support::pty::{HANG, Tui};
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_2029(dir.path()).display().to_string();
    let mut tui = Tui::start(
        &["--db", &db, "--lang", "id"],
        &[("PANTAU_TODAY", "2029-01-15")],
    );
    tui.wait_for("Pemilu 2029 · per 15/01/2029", HANG);
    tui.wait_for("tampilan: (semua) · 5 kasus", HANG);
    tui.send("E");
    tui.wait_for("Pilkada 2024 · per 15/01/2029", HANG);
    // The view bar gives the term (shortened beside the tabs, whole on `/`) and its count.
    tui.wait_for("pemilihan:pilkada20… · 113 kasus", HANG);
    tui.send("E");
    tui.wait_for("Pemilu 2024 · per 15/01/2029", HANG);
    tui.wait_for("pemilihan:pemilu2024 · 168 kasus", HANG);
    // Before the first election: every election.
    tui.send("E");
    tui.wait_for("Semua pemilihan · per 15/01/2029", HANG);
    tui.wait_for("pemilihan:semua · 286 kasus", HANG);
    tui.send("q");
    assert!(tui.wait_exit().success());
    tui.assert_restored();
}

#[test]
fn a_pekan_typed_in_the_filter_is_of_the_campaign_of_the_election_on_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let db = tui_support::demo_db(dir.path());
    // 30 Nov 2024: Pilkada 2024 on the screen, its campaign of eight pekan (25 Sep – 23 Nov).
    let mut h = app_on(&db, (80, 24), Lang::En, day(2024, 11, 30));
    assert!(
        rows(&h.screen())[0].contains("Pilkada 2024"),
        "{}",
        h.screen()
    );
    let filter = |h: &mut Harness, spec: &str| {
        h.apply_view(spec);
        h.app
            .filter()
            .and_then(|f| f.error.as_ref())
            .map(|e| e.message(Lang::En))
    };
    // Pemilu 2024 had ten pekan: the ninth is not Pilkada's and must not match nothing quietly.
    let refused = filter(&mut h, "pekan:9").expect("pekan 9 is refused");
    assert!(
        refused.contains("25 Sep – 23 Nov 2024") && refused.contains("pekan 1–8"),
        "{refused}"
    );
    h.press(KeyCode::Esc);
    assert_eq!(filter(&mut h, "pekan:8"), None, "{}", h.screen());
    assert_eq!(h.app.view_spec(), "pekan:8");
    // A view naming Pemilu 2024 counts in its campaign, as before.
    assert_eq!(filter(&mut h, "election:pemilu2024 pekan:10"), None);
    // A per: moving the date into Pemilu 2024's period reads the pekan there too.
    assert_eq!(
        filter(&mut h, "per:2024-02-02 pekan:10"),
        None,
        "{}",
        h.screen()
    );
}

#[test]
fn with_every_election_in_view_the_campaign_part_names_the_campaign_its_figures_are_of() {
    let dir = tempfile::tempdir().unwrap();
    let db = tui_support::demo_db(dir.path());
    let mut h = app_on(&db, (80, 24), Lang::En, day(2024, 11, 30));
    while h.app.view_spec() != "election:all" {
        h.press(KeyCode::Char('e'));
    }
    h.press(KeyCode::Char('3'));
    h.press(KeyCode::Char('l'));
    let screen = h.screen();
    assert!(
        screen.contains("◆ Campaign Pilkada 2024 25/09/2024–23/11/2024"),
        "{screen}"
    );
    // With one election in view the title bar names it; the line does not repeat it.
    h.press(KeyCode::Char('e'));
    assert!(!h.screen().contains("◆ Campaign Pemilu"), "{}", h.screen());
}
