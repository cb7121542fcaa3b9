//! The printed report (`pantau::report::pdf::document`) read back as a person would: its text
//! through pdftotext (the letterhead, title, every headline figure, the tables' cells and totals,
//! `Halaman 1 dari N` / `Page 1 of N`), its pages through pdftoppm (each drawn, a wide table on a
//! landscape page), a long table over several pages with its header on each; and the refusals of a
//! logo that is no picture.

use std::path::{Path, PathBuf};

use chrono::TimeZone;
use pantau::i18n::Lang;
use pantau::report::Table;
use pantau::report::pdf::{Figure, Letterhead, Picture, Printed, document};

use crate::pdf_support::{pages, pdftoppm_pages, pdftotext, pixels};

pub const REGIONS: [&str; 10] = [
    "Kabupaten Paser",
    "Kabupaten Kutai Barat",
    "Kabupaten Kutai Kartanegara",
    "Kabupaten Kutai Timur",
    "Kabupaten Berau",
    "Kabupaten Penajam Paser Utara",
    "Kabupaten Mahakam Ulu",
    "Kota Balikpapan",
    "Kota Samarinda",
    "Kota Bontang",
];

/// A PNG of `w`×`h` pixels drawn by `paint(x, y) -> [r, g, b, a]`.
pub fn png_of(w: u32, h: u32, paint: impl Fn(u32, u32) -> [u8; 4]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, w, h);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().unwrap();
        let mut data = Vec::with_capacity(w as usize * h as usize * 4);
        for y in 0..h {
            for x in 0..w {
                data.extend(paint(x, y));
            }
        }
        writer.write_image_data(&data).unwrap();
    }
    out
}

/// An emblem: a gold shield with a dark red star-like centre on a transparent ground.
pub fn logo() -> Vec<u8> {
    png_of(200, 240, |x, y| {
        let (cx, fx, fy) = (100.0, x as f32, y as f32);
        let half = if fy < 150.0 {
            90.0
        } else {
            90.0 * (240.0 - fy) / 90.0
        };
        if (fx - cx).abs() > half || fy < 10.0 {
            return [0, 0, 0, 0];
        }
        let d = ((fx - cx).powi(2) + (fy - 110.0).powi(2)).sqrt();
        if d < 45.0 {
            [150, 20, 30, 255]
        } else if (fx - cx).abs() > half - 8.0 || fy < 18.0 {
            [120, 80, 0, 255]
        } else {
            [230, 180, 40, 255]
        }
    })
}

/// A bar chart of `values`, 1200×700, as a chart renderer would give it.
pub fn chart(values: &[i64]) -> Vec<u8> {
    let most = values.iter().copied().max().unwrap_or(1).max(1) as f32;
    let n = values.len().max(1) as u32;
    png_of(1200, 700, |x, y| {
        let slot = 1100 / n;
        let i = (x.saturating_sub(60) / slot) as usize;
        let inside = x >= 60 && (x - 60) % slot > slot / 5 && i < values.len();
        let top = 650.0 - 600.0 * values.get(i).copied().unwrap_or(0) as f32 / most;
        if y == 650 || x == 60 {
            [40, 40, 40, 255]
        } else if inside && (y as f32) > top && y < 650 {
            [31, 119, 180, 255]
        } else {
            [255, 255, 255, 255]
        }
    })
}

/// The recap by kab/kota: temuan, laporan and their sum, with a total.
pub fn by_region(lang: Lang) -> Table {
    let rows: Vec<Vec<String>> = REGIONS
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let (t, l) = (i as i64 * 7 + 3, i as i64 * 130 + 12);
            vec![
                r.to_string(),
                t.to_string(),
                l.to_string(),
                (t + l).to_string(),
            ]
        })
        .collect();
    let sum = |c: usize| -> i64 { rows.iter().map(|r| r[c].parse::<i64>().unwrap()).sum() };
    Table {
        text_cols: 1,
        header: [
            lang_pick(lang, "Kab/Kota", "Regency/City"),
            "Temuan",
            "Laporan",
            "Jumlah",
        ]
        .map(String::from)
        .to_vec(),
        total: vec![
            lang_pick(lang, "Jumlah", "Total").into(),
            sum(1).to_string(),
            sum(2).to_string(),
            sum(3).to_string(),
        ],
        rows,
    }
}

fn lang_pick(lang: Lang, id: &'static str, en: &'static str) -> &'static str {
    lang.pick(id, en)
}

/// Bawaslu RI's recap: 17 columns per kab/kota.
pub fn recap() -> Table {
    let header: Vec<String> = [
        "No",
        "Kab/Kota",
        "Temuan",
        "Laporan",
        "Jumlah",
        "Diregistrasi",
        "Tidak diregistrasi",
        "Pelanggaran",
        "Bukan pelanggaran",
        "Administrasi",
        "Pidana",
        "Kode etik",
        "Hukum lainnya",
        "TSM administrasi",
        "Dalam proses",
        "Lewat batas waktu",
        "Dihentikan",
    ]
    .map(String::from)
    .to_vec();
    let rows: Vec<Vec<String>> = REGIONS
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut row = vec![(i + 1).to_string(), r.to_string()];
            row.extend((0..15).map(|c| ((i * 37 + c * 11) % 1900).to_string()));
            row
        })
        .collect();
    let mut total = vec![String::new(), "Jumlah".to_string()];
    total.extend((0..15).map(|c| {
        rows.iter()
            .map(|r| r[c + 2].parse::<i64>().unwrap())
            .sum::<i64>()
            .to_string()
    }));
    Table {
        text_cols: 2,
        header,
        rows,
        total,
    }
}

pub const FIGURES: [(&str, &str, i64); 8] = [
    ("Jumlah kasus", "Cases", 1342),
    ("Temuan", "Temuan", 215),
    ("Laporan", "Laporan", 1127),
    ("Diregistrasi", "Registered", 1018),
    ("Pelanggaran", "Violation", 611),
    ("Bukan pelanggaran", "Not a violation", 305),
    ("Dalam proses", "In progress", 102),
    ("Lewat batas waktu", "Overdue", 9),
];

/// The meeting's recap as the printed report gets it.
pub fn sample(lang: Lang) -> Printed {
    Printed {
        lang,
        letterhead: Letterhead {
            name: vec![
                "BADAN PENGAWAS PEMILIHAN UMUM".into(),
                "PROVINSI KALIMANTAN TIMUR".into(),
            ],
            address: vec![
                "Jalan Contoh No. 1, Samarinda 75000".into(),
                "Telepon (0541) 000000 · kaltim@example.org".into(),
            ],
            logo: Some(logo()),
        },
        title: lang
            .pick(
                "Rekapitulasi kasus menurut kab/kota",
                "Recap of cases by regency/city",
            )
            .into(),
        about: vec![
            (
                lang.pick("Pemilihan", "Election").into(),
                "Pemilu 2024".into(),
            ),
            (
                lang.pick("Tampilan", "View").into(),
                "stage:kampanye region:kaltim".into(),
            ),
            (
                lang.pick("Per tanggal", "As of").into(),
                "02/02/2024".into(),
            ),
        ],
        made: chrono::Local
            .with_ymd_and_hms(2026, 12, 3, 9, 14, 0)
            .unwrap(),
        source: "pantau · Bawaslu Provinsi Kalimantan Timur".into(),
        figures: FIGURES
            .iter()
            .map(|(id, en, v)| Figure {
                label: lang.pick(id, en).into(),
                value: *v,
            })
            .collect(),
        tables: vec![
            (
                lang.pick("Kasus menurut kab/kota", "Cases by regency/city")
                    .into(),
                by_region(lang),
            ),
            (
                lang.pick("Rekap Bawaslu RI", "Bawaslu RI's recap").into(),
                recap(),
            ),
        ],
        pictures: vec![Picture {
            png: chart(&[120, 40, 310, 95, 60, 33, 8, 220, 401, 54]),
        }],
    }
}

/// Writes the document of `p` into `dir` as `name`.
pub fn written(dir: &Path, name: &str, p: &Printed) -> PathBuf {
    let bytes = document(p).unwrap_or_else(|e| panic!("{}", e.message(Lang::En)));
    let file = dir.join(name);
    std::fs::write(&file, bytes).unwrap();
    file
}

/// The line of `page` holding `label`, as its words.
fn row<'a>(page: &'a str, label: &str) -> Vec<&'a str> {
    page.lines()
        .find(|l| l.contains(label))
        .unwrap_or_else(|| panic!("no line with {label:?} in:\n{page}"))
        .split_whitespace()
        .collect()
}

#[test]
fn the_text_has_the_letterhead_title_figures_cells_totals_and_page_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let file = written(dir.path(), "rekap.pdf", &sample(Lang::Id));
    let Some(text) = pdftotext(&file) else { return };
    let pages = pages(&text);
    let n = pages.len();
    assert_eq!(
        n, 3,
        "the first page, the landscape recap, the chart:\n{text}"
    );
    let first = pages[0];
    for expected in [
        "BADAN PENGAWAS PEMILIHAN UMUM",
        "PROVINSI KALIMANTAN TIMUR",
        "Jalan Contoh No. 1, Samarinda 75000",
        "Rekapitulasi kasus menurut kab/kota",
        "Pemilu 2024",
        "stage:kampanye region:kaltim",
        "02/02/2024",
        "Kasus menurut kab/kota",
        "Dibuat 03/12/2026 09.14",
        "pantau · Bawaslu Provinsi Kalimantan Timur",
    ] {
        assert!(first.contains(expected), "{expected:?} in:\n{first}");
    }
    for (label, _, value) in FIGURES {
        assert!(first.contains(label), "{label:?} in:\n{first}");
        let value = pantau::i18n::number(Lang::Id, value);
        assert!(
            first.split_whitespace().any(|w| w == value),
            "{value} in:\n{first}"
        );
    }
    for region in REGIONS {
        assert!(first.contains(region), "{region}");
    }
    assert!(row(first, "Kota Samarinda").ends_with(&["59", "1.052", "1.111"]));
    assert!(
        row(first, "Jumlah  ").ends_with(&["Jumlah", "345", "5.970", "6.315"])
            || row(first, "Jumlah  ").ends_with(&["345", "5.970", "6.315"])
    );
    let recap = pages[1];
    for word in [
        "Diregistrasi",
        "Pelanggaran",
        "Administrasi",
        "Dihentikan",
        "Rekap Bawaslu RI",
    ] {
        assert!(recap.contains(word), "{word} in:\n{recap}");
    }
    assert!(
        row(recap, "Kota Bontang").ends_with(&["465", "476", "487"]),
        "{recap}"
    );
    assert!(
        row(recap, "3.205").starts_with(&["Jumlah", "1.665"]),
        "{recap}"
    );
    for (i, page) in pages.iter().enumerate() {
        let footer = format!("Halaman {} dari {n}", i + 1);
        assert!(
            page.contains(&footer),
            "{footer} on page {}:\n{page}",
            i + 1
        );
    }
}

#[test]
fn in_english_the_footer_and_the_numbers_are_english() {
    let dir = tempfile::tempdir().unwrap();
    let file = written(dir.path(), "recap.pdf", &sample(Lang::En));
    let Some(text) = pdftotext(&file) else { return };
    let pages = pages(&text);
    assert!(pages[0].contains("Page 1 of 3"), "{}", pages[0]);
    assert!(pages[2].contains("Page 3 of 3"), "{}", pages[2]);
    assert!(pages[0].contains("Made 03/12/2026 09:14"), "{}", pages[0]);
    assert!(pages[0].contains("Recap of cases by regency/city"));
    assert!(pages[0].split_whitespace().any(|w| w == "1,342"));
    assert!(row(pages[0], "Total").ends_with(&["345", "5,970", "6,315"]));
    assert!(!text.contains("Halaman"), "no Indonesian footer");
}

#[test]
fn every_page_renders_with_its_logo_and_the_wide_recap_turned() {
    let dir = tempfile::tempdir().unwrap();
    let file = written(dir.path(), "rekap.pdf", &sample(Lang::Id));
    let Some(files) = pdftoppm_pages(&file) else {
        return;
    };
    assert_eq!(files.len(), 3, "{files:?}");
    let mut shapes = Vec::new();
    for f in &files {
        let (w, h, px) = pixels(f);
        let ink = px.iter().filter(|p| p.iter().any(|&v| v < 200)).count();
        assert!(ink > 500, "{}: {ink} dark pixels", f.display());
        shapes.push((w > h, px));
    }
    assert_eq!(
        shapes.iter().map(|(wide, _)| *wide).collect::<Vec<_>>(),
        [false, true, false],
        "portrait, the recap's landscape page, portrait"
    );
    // The logo's gold on the first page only; the chart's blue on the last.
    let gold = |px: &Vec<[u8; 3]>| {
        px.iter()
            .filter(|p| p[0] > 200 && (150..210).contains(&p[1]) && p[2] < 90)
            .count()
    };
    let blue = |px: &Vec<[u8; 3]>| {
        px.iter()
            .filter(|p| p[0] < 60 && (100..140).contains(&p[1]) && p[2] > 160)
            .count()
    };
    assert!(gold(&shapes[0].1) > 100 && gold(&shapes[2].1) == 0);
    assert!(blue(&shapes[2].1) > 1000 && blue(&shapes[0].1) == 0);
}

#[test]
fn a_table_of_two_thousand_rows_runs_over_pages_with_its_header_on_each() {
    let rows: Vec<Vec<String>> = (0..2000)
        .map(|i| {
            vec![
                format!("Desa {i:04}"),
                (i % 17).to_string(),
                (i * 3).to_string(),
            ]
        })
        .collect();
    let total: i64 = (0..2000).map(|i| i * 3).sum();
    let mut p = sample(Lang::Id);
    p.tables = vec![(
        "Kasus menurut desa".into(),
        Table {
            text_cols: 1,
            header: ["Desa/Kelurahan", "Temuan", "Laporan"]
                .map(String::from)
                .to_vec(),
            rows,
            total: vec!["Jumlah".into(), "16000".into(), total.to_string()],
        },
    )];
    p.pictures.clear();
    let dir = tempfile::tempdir().unwrap();
    let file = written(dir.path(), "desa.pdf", &p);
    let Some(text) = pdftotext(&file) else { return };
    let pages = pages(&text);
    assert!(pages.len() >= 30, "{} pages", pages.len());
    let mut seen = 0;
    for (i, page) in pages.iter().enumerate() {
        assert!(
            row(page, "Desa/Kelurahan").ends_with(&["Temuan", "Laporan"]),
            "page {}",
            i + 1
        );
        if i > 0 {
            assert!(
                page.contains("Kasus menurut desa (lanjutan)"),
                "page {}",
                i + 1
            );
        }
        assert!(page.contains(&format!("Halaman {} dari {}", i + 1, pages.len())));
        seen += page
            .lines()
            .filter(|l| l.trim_start().starts_with("Desa "))
            .count();
    }
    assert_eq!(seen, 2000, "every row once");
    let last = pages[pages.len() - 1];
    assert!(row(last, "Desa 1999").ends_with(&["10", "5.997"]), "{last}");
    assert!(
        row(last, "Jumlah").ends_with(&["16.000", "5.997.000"]),
        "{last}"
    );
}

#[test]
fn a_logo_that_is_missing_or_no_picture_is_named_with_its_key_when_printing() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let load = |logo: &Path| {
        std::fs::write(
            &config,
            format!("[letterhead]\nlogo = {:?}\n", logo.display().to_string()),
        )
        .unwrap();
        // Nothing is checked when the configuration is read.
        pantau::config::Config::load(&config, true).unwrap()
    };
    let missing = dir.path().join("kop/logo.png");
    let e = load(&missing).letterhead.logo_bytes().unwrap_err();
    let (id, en) = (e.message(Lang::Id), e.message(Lang::En));
    assert!(
        id.contains(&missing.display().to_string())
            && id.contains("letterhead.logo di konfigurasi"),
        "{id}"
    );
    assert!(
        en.contains("cannot be read") && en.contains("logo = \"\""),
        "{en}"
    );

    let text = dir.path().join("logo.png");
    std::fs::write(&text, "BAWASLU").unwrap();
    let e = load(&text).letterhead.logo_bytes().unwrap_err();
    let en = e.message(Lang::En);
    assert!(
        en.contains(&text.display().to_string()) && en.contains("is not a PNG or JPEG picture"),
        "{en}"
    );
    assert!(e.message(Lang::Id).contains("bukan gambar PNG atau JPEG"));

    let good = dir.path().join("lambang.png");
    std::fs::write(&good, logo()).unwrap();
    let bytes = load(&good).letterhead.logo_bytes().unwrap();
    assert_eq!(bytes, Some(logo()));
    let c = pantau::config::Config::defaults();
    assert_eq!(
        c.letterhead.logo_bytes().unwrap(),
        None,
        "no logo by default"
    );
}
