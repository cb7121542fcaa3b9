//! Counting at every level of the region tree: the tables a region drills into (a province's
//! database and a national one), the office that handled a transferred case on a date, and the
//! view terms that name a kecamatan, a desa, a TPS or a province. SQL and the column index give
//! the same answers.

use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};
use pantau::domain::{Case, DayCount, DeadlineRules, Reference, Source, Status, StatusChange};
use pantau::engine::index::CaseIndex;
use pantau::engine::{Dim, Engine, Level, NO_KECAMATAN, PageRequest, RegionRow};
use pantau::i18n::Lang;
use pantau::store::Store;
use pantau::view::{View, parse};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn today() -> NaiveDate {
    d("2024-03-01")
}

/// A case of Pemilu 2024 received on `received` by `office`, where it happened.
fn case(
    nomor: &str,
    office: &str,
    received: &str,
    kecamatan: Option<&str>,
    desa: Option<&str>,
    tps: Option<u16>,
) -> Case {
    let mut c = Case::new(
        "PEMILU2024",
        nomor,
        Source::Temuan,
        office,
        "KAMPANYE",
        d(received),
    );
    c.kode_kecamatan = kecamatan.map(str::to_string);
    c.kode_desa = desa.map(str::to_string);
    c.tps = tps;
    c
}

fn insert(store: &mut Store, cases: &[Case]) -> Vec<i64> {
    let tx = store.conn_mut().transaction().unwrap();
    let mut ids = Vec::new();
    for c in cases {
        let at = NaiveDateTime::new(c.tanggal_diterima, chrono::NaiveTime::MIN);
        let history = vec![StatusChange {
            from: None,
            to: Status::Diterima,
            at,
            by: "t".into(),
            note: None,
        }];
        ids.push(pantau::store::write::insert_case(&tx, c, &history, None, at).unwrap());
    }
    tx.commit().unwrap();
    ids
}

/// Records that case `id` went from one office to another on `on`.
fn transfer(store: &Store, id: i64, on: &str, from: &str, to: &str, kind: &str) {
    store
        .conn()
        .execute(
            "INSERT INTO handling_history (case_id, on_date, from_office, to_office, kind, \
             changed_at, changed_by) VALUES (?1, ?2, ?3, ?4, ?5, '2024-02-20 10:00:00', 't')",
            rusqlite::params![id, on, from, to, kind],
        )
        .unwrap();
    store
        .conn()
        .execute(
            "UPDATE cases SET kode_wilayah = ?2 WHERE id = ?1",
            rusqlite::params![id, to],
        )
        .unwrap();
}

/// Kota Samarinda's cases in a Kaltim database:
/// A: Bawaslu Kota Samarinda's, in Samarinda Ulu (64.72.03), desa 64.72.03.1001, TPS 4;
/// B: Panwaslu Kecamatan Palaran's (64.72.01), in Palaran;
/// C: Bawaslu Kota Samarinda's, naming no kecamatan;
/// D: Bawaslu Kota Samarinda's, in Balikpapan Kota (64.71.06): outside its area;
/// E: received by Bawaslu Kota Balikpapan on 10 January, transferred to Samarinda on 1 February;
/// F: Bawaslu Kota Balikpapan's, naming no kecamatan.
fn kaltim() -> (Store, Vec<i64>) {
    let mut store = Store::memory().unwrap();
    let ids = insert(
        &mut store,
        &[
            case(
                "A",
                "64.72",
                "2024-01-05",
                Some("64.72.03"),
                Some("64.72.03.1001"),
                Some(4),
            ),
            case("B", "64.72.01", "2024-01-06", Some("64.72.01"), None, None),
            case("C", "64.72", "2024-01-07", None, None, None),
            case("D", "64.72", "2024-01-08", Some("64.71.06"), None, Some(2)),
            case("E", "64.71", "2024-01-10", Some("64.72.09"), None, None),
            case("F", "64.71", "2024-01-11", None, None, None),
        ],
    );
    transfer(
        &store,
        ids[4],
        "2024-02-01",
        "64.71",
        "64.72",
        "dilimpahkan",
    );
    (store, ids)
}

fn rules() -> DeadlineRules {
    let r = Reference::embedded();
    DeadlineRules::new(DayCount::Working, r.holidays.iter().map(|h| h.date))
}

/// An engine over SQL and one over the column index, of `store`.
fn engines(store: &Store) -> (Engine<'_>, Engine<'_>) {
    let sql = Engine::new(store, today(), rules()).unwrap();
    let mut indexed = Engine::new(store, today(), rules()).unwrap();
    let reference = store.reference().unwrap();
    let ix = CaseIndex::build(store, &reference).expect("the index holds every office");
    indexed.set_index(Some(Arc::new(ix)));
    (sql, indexed)
}

fn view(spec: &str, r: &Reference) -> View {
    parse(spec, r).unwrap_or_else(|e| panic!("{spec}: {}", e.message(Lang::En)))
}

fn total(rows: &[RegionRow], code: &str) -> i64 {
    rows.iter()
        .find(|r| r.code == code)
        .unwrap_or_else(|| panic!("no row {code}"))
        .figures
        .total
}

#[test]
fn a_kabupaten_kota_drills_to_every_kecamatan_of_its_area_then_others_then_none() {
    let (store, _) = kaltim();
    let r = store.reference().unwrap();
    for engine in [engines(&store).0, engines(&store).1] {
        let root = engine
            .area_table(&View::default(), &Level::Root, Lang::Id)
            .unwrap();
        assert_eq!(
            root,
            engine.region_table(&View::default(), Lang::Id).unwrap()
        );
        // Samarinda's row counts its own office's cases and its Panwaslu Kecamatan's.
        assert_eq!(total(&root, "64.72"), 5);
        assert_eq!(total(&root, "64.71"), 1);
        let samarinda = root.iter().find(|r| r.code == "64.72").unwrap();
        let drill = samarinda.drill.clone().unwrap();
        assert_eq!(drill.term, "wilayah:64.72");
        assert_eq!(drill.next, Some(Level::Kecamatan("64.72".into())));

        let rows = engine
            .area_table(
                &View::default(),
                &Level::Kecamatan("64.72".into()),
                Lang::Id,
            )
            .unwrap();
        let codes: Vec<&str> = rows.iter().map(|r| r.code.as_str()).collect();
        let own: Vec<&str> = r
            .kecamatan_in("64.72")
            .iter()
            .map(|k| k.code.as_str())
            .collect();
        assert_eq!(own.len(), 10, "Kota Samarinda has ten kecamatan");
        assert_eq!(
            &codes[..10],
            own.as_slice(),
            "every kecamatan of Samarinda, zeros included"
        );
        assert_eq!(&codes[10..], ["64.71.06", NO_KECAMATAN]);
        assert_eq!(rows[10].name, "Balikpapan Kota (Balikpapan)");
        assert_eq!(rows[11].name, "(tanpa kecamatan)");
        assert_eq!(total(&rows, "64.72.03"), 1);
        assert_eq!(total(&rows, "64.72.01"), 1);
        assert_eq!(total(&rows, "64.72.09"), 1);
        assert_eq!(total(&rows, "64.72.05"), 0);
        assert_eq!(total(&rows, NO_KECAMATAN), 1);
        assert_eq!(
            rows.iter().map(|r| r.figures.total).sum::<i64>(),
            5,
            "adds up"
        );
        // Each row's term, added to its parent's, narrows to the row.
        for row in &rows {
            let d = row.drill.clone().unwrap();
            assert_eq!(d.next, None);
            let v = view(&format!("wilayah:64.72 {}", d.term), &r);
            assert_eq!(engine.headline(&v).unwrap(), row.figures, "{}", d.term);
        }
        let english = engine
            .area_table(
                &View::default(),
                &Level::Kecamatan("64.72".into()),
                Lang::En,
            )
            .unwrap();
        assert_eq!(english.last().unwrap().name, "(no kecamatan)");

        // The provincial office's table lists every kecamatan of the province.
        let province = engine
            .area_table(&View::default(), &Level::Kecamatan("64".into()), Lang::En)
            .unwrap();
        assert_eq!(province.len(), 105 + 1);
    }
}

#[test]
fn a_transferred_case_counts_under_the_office_that_handled_it_on_the_date() {
    let (store, _) = kaltim();
    let r = store.reference().unwrap();
    let (sql, indexed) = engines(&store);
    for engine in [&sql, &indexed] {
        for (day, samarinda, balikpapan, transferred) in [
            ("2024-01-20", 4, 2, 0),
            ("2024-01-31", 4, 2, 0),
            ("2024-02-01", 5, 1, 1),
            ("2024-02-15", 5, 1, 1),
        ] {
            let asof = view(&format!("per:{day}"), &r);
            let rows = engine.area_table(&asof, &Level::Root, Lang::Id).unwrap();
            assert_eq!(total(&rows, "64.72"), samarinda, "Samarinda on {day}");
            assert_eq!(total(&rows, "64.71"), balikpapan, "Balikpapan on {day}");
            let w = view(&format!("wilayah:balikpapan per:{day}"), &r);
            assert_eq!(engine.headline(&w).unwrap().total, balikpapan, "{day}");
            let by = engine.group(&asof, Dim::Region, Lang::En).unwrap();
            let n = by.iter().find(|g| g.key == "64.71").unwrap().count;
            assert_eq!(n, balikpapan, "by region on {day}");
            let moved = view(&format!("is:dilimpahkan per:{day}"), &r);
            assert_eq!(engine.headline(&moved).unwrap().total, transferred, "{day}");
            let kept = view(&format!("-is:transferred per:{day}"), &r);
            assert_eq!(engine.headline(&kept).unwrap().total, 6 - transferred);
        }
        // Without an as-of date: the office handling it now.
        let rows = engine
            .area_table(&View::default(), &Level::Root, Lang::Id)
            .unwrap();
        assert_eq!(total(&rows, "64.71"), 1);
    }
    // The case list of a region is the cases its row counts.
    let page = sql.page(
        &view("wilayah:samarinda per:2024-01-20", &r),
        &PageRequest::first(10),
    );
    assert_eq!(page.unwrap().rows.len(), 4);
}

#[test]
fn place_terms_match_where_the_case_happened_in_sql_and_the_index() {
    let (store, _) = kaltim();
    let r = store.reference().unwrap();
    let (sql, indexed) = engines(&store);
    for (spec, want) in [
        ("kecamatan:64.72.03", 1),
        ("kecamatan:\"samarinda ulu\"", 1),
        ("district:\"Kec. Samarinda Ulu\"", 1),
        ("kecamatan:palaran,64.71.06", 2),
        ("kecamatan:tanpa", 2),
        ("-kecamatan:tanpa", 4),
        ("-kecamatan:64.72.03", 5),
        ("desa:64.72.03.1001", 1),
        ("village:none", 5),
        ("tps:4", 1),
        ("tps:2,4", 2),
        // As an import reads a TPS cell, so a number copied from a file is taken as it stands.
        ("tps:004", 1),
        ("tps:\"TPS 04\"", 1),
        ("tps:\"tps 2\",TPS4", 2),
        ("-tps:none", 2),
        ("provinsi:64", 6),
        ("province:kaltim", 6),
        ("provinsi:32", 0),
        ("wilayah:samarinda kecamatan:tanpa", 1),
    ] {
        let v = view(spec, &r);
        assert_eq!(sql.headline(&v).unwrap().total, want, "SQL: {spec}");
        assert_eq!(indexed.headline(&v).unwrap().total, want, "index: {spec}");
        // Printed and read back, the view is the same.
        let printed = v.print_in(&r, Lang::En);
        assert_eq!(view(&printed, &r), v, "{spec} → {printed}");
        let printed = v.print_in(&r, Lang::Id);
        assert_eq!(view(&printed, &r), v, "{spec} → {printed}");
    }
}

#[test]
fn counts_by_kecamatan_list_the_regions_kecamatan_with_zeros_then_others_then_none() {
    let (store, _) = kaltim();
    let r = store.reference().unwrap();
    let (sql, indexed) = engines(&store);
    for engine in [&sql, &indexed] {
        let groups = engine
            .group(&view("wilayah:samarinda", &r), Dim::Kecamatan, Lang::En)
            .unwrap();
        let keys: Vec<&str> = groups.iter().map(|g| g.key.as_str()).collect();
        assert_eq!(keys.len(), 12);
        assert_eq!(keys[0], "64.72.01");
        assert_eq!(&keys[10..], ["64.71.06", "NONE"]);
        assert_eq!(groups[2].label, "Samarinda Ulu");
        assert_eq!(groups[10].label, "Balikpapan Kota (Balikpapan)");
        assert_eq!(groups.iter().map(|g| g.count).sum::<i64>(), 5);
        // No region in view: every kecamatan of the database.
        let all = engine
            .group(&View::default(), Dim::Kecamatan, Lang::En)
            .unwrap();
        assert_eq!(all.len(), 105 + 1);
        assert_eq!(all.iter().map(|g| g.count).sum::<i64>(), 6);
        let desa = engine
            .group(&view("kecamatan:64.72.03", &r), Dim::Desa, Lang::En)
            .unwrap();
        assert_eq!(desa.len(), r.desa_in("64.72.03").len() + 1);
        assert_eq!(
            desa.iter()
                .find(|g| g.key == "64.72.03.1001")
                .unwrap()
                .count,
            1
        );
        let provinces = engine
            .group(&View::default(), Dim::Province, Lang::En)
            .unwrap();
        assert_eq!(provinces.len(), 1);
        assert_eq!(provinces[0].count, 6);
    }
}

#[test]
fn place_names_are_looked_for_within_the_views_regions() {
    let r = Reference::embedded();
    let err = parse("wilayah:balikpapan kecamatan:\"samarinda ulu\"", &r).unwrap_err();
    assert!(
        err.message(Lang::En).contains("kecamatan"),
        "{}",
        err.message(Lang::En)
    );
    let err = parse("kecamatan:\"samarinda ulo\"", &r).unwrap_err();
    assert_eq!(
        err.suggestion_in(Lang::En),
        Some("Samarinda Ulu (64.72.03, Samarinda)")
    );
    let err = parse("tps:0", &r).unwrap_err();
    assert!(
        err.message(Lang::Id).contains("TPS"),
        "{}",
        err.message(Lang::Id)
    );
    // Beyond the numbers an import takes: refused with the range, as an import refuses it.
    let err = parse("tps:10000", &r).unwrap_err();
    assert!(
        err.message(Lang::En).contains("1–9999"),
        "{}",
        err.message(Lang::En)
    );
    let err = parse("provinsi:kaltimm", &r).unwrap_err();
    assert!(
        err.message(Lang::En).contains("province"),
        "{}",
        err.message(Lang::En)
    );

    // A name two kabupaten/kota share is refused naming both with their codes.
    let national = Reference::national();
    let err = parse("kecamatan:\"air hitam\"", &national).unwrap_err();
    let msg = err.message(Lang::En);
    assert!(msg.contains("several places"), "{msg}");
    let codes = national
        .kecamatan
        .iter()
        .filter(|k| k.name == "Air Hitam")
        .count();
    assert!(codes >= 2);
    assert_eq!(msg.matches("Air Hitam (").count(), codes, "{msg}");
    // Within one of them it is one place.
    let one = national
        .kecamatan
        .iter()
        .find(|k| k.name == "Air Hitam")
        .unwrap();
    let region = one.parent_code.clone().unwrap();
    let v = parse(
        &format!("wilayah:{region} kecamatan:\"air hitam\""),
        &national,
    )
    .unwrap();
    assert!(v.print_in(&national, Lang::En).contains(&one.code));
}

#[test]
fn a_national_database_counts_by_province_then_kabupaten_kota_then_kecamatan() {
    let mut store = Store::memory().unwrap();
    store.load_reference(&Reference::national()).unwrap();
    insert(
        &mut store,
        &[
            case("A", "64.72", "2024-01-05", Some("64.72.03"), None, None),
            case("B", "64.72.01", "2024-01-06", None, None, None),
            case("C", "64", "2024-01-07", None, None, None),
            case("D", "32.73", "2024-01-08", None, None, None),
            case("E", "RI", "2024-01-09", None, None, None),
        ],
    );
    let r = store.reference().unwrap();
    assert!(r.is_national());
    let (sql, indexed) = engines(&store);
    for engine in [&sql, &indexed] {
        let root = engine
            .area_table(&View::default(), &Level::Root, Lang::En)
            .unwrap();
        assert_eq!(root.len(), 1 + 38);
        assert_eq!(root[0].code, "RI");
        assert_eq!(total(&root, "RI"), 1);
        assert_eq!(total(&root, "64"), 3);
        assert_eq!(total(&root, "32"), 1);
        let kaltim = root.iter().find(|r| r.code == "64").unwrap();
        let drill = kaltim.drill.clone().unwrap();
        assert_eq!(drill.term, "provinsi:64");
        assert_eq!(drill.next, Some(Level::Province("64".into())));
        assert_eq!(engine.headline(&view(&drill.term, &r)).unwrap().total, 3);

        let rows = engine
            .area_table(&View::default(), &Level::Province("64".into()), Lang::En)
            .unwrap();
        assert_eq!(rows.len(), 11);
        assert_eq!(rows[0].code, "64");
        assert_eq!(total(&rows, "64"), 1);
        assert_eq!(total(&rows, "64.72"), 2);
        assert_eq!(rows.iter().map(|r| r.figures.total).sum::<i64>(), 3);
        let k = engine
            .area_table(
                &View::default(),
                &Level::Kecamatan("64.72".into()),
                Lang::En,
            )
            .unwrap();
        assert_eq!(k.len(), 11);
        assert_eq!(total(&k, "64.72.03"), 1);
        assert_eq!(total(&k, NO_KECAMATAN), 1);
    }
}

#[test]
fn transfers_and_places_reach_the_index_by_refresh_and_survive_its_cache() {
    let (mut store, ids) = kaltim();
    let r = store.reference().unwrap();
    let mut ix = CaseIndex::build(&store, &r).unwrap();
    // E goes back to Balikpapan on 10 February; A is moved to Palaran's kelurahan.
    transfer(
        &store,
        ids[4],
        "2024-02-10",
        "64.72",
        "64.71",
        "diambil_alih",
    );
    store
        .conn_mut()
        .execute(
            "UPDATE cases SET kode_kecamatan = '64.72.01', kode_desa = NULL, tps = 7 WHERE id = ?1",
            [ids[0]],
        )
        .unwrap();
    ix.refresh(&store, &r).unwrap();
    let built = CaseIndex::build(&store, &r).unwrap();
    for pos in 0..built.ids.len() {
        assert_eq!(ix.region[pos], built.region[pos]);
        assert_eq!(ix.kecamatan_of(pos), built.kecamatan_of(pos));
        assert_eq!(ix.desa_of(pos), built.desa_of(pos));
        assert_eq!(ix.tps_of(pos), built.tps_of(pos));
        assert_eq!(ix.moves_of(pos), built.moves_of(pos), "refreshed as built");
    }
    let mut engine = Engine::new(&store, today(), rules()).unwrap();
    engine.set_index(Some(Arc::new(ix.clone())));
    for (day, balikpapan) in [("2024-01-31", 2), ("2024-02-05", 1), ("2024-02-10", 2)] {
        let v = view(&format!("wilayah:balikpapan per:{day}"), &r);
        assert_eq!(engine.headline(&v).unwrap().total, balikpapan, "{day}");
    }
    assert_eq!(
        engine
            .headline(&view("tps:7 kecamatan:palaran", &r))
            .unwrap()
            .total,
        1
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index");
    pantau::engine::cache::write(&path, &ix).unwrap();
    assert_eq!(pantau::engine::cache::read(&path).unwrap(), ix);
}
