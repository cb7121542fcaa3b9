use super::*;
use crate::i18n::Lang;
use crate::report::Table;
use crate::report::pdf_font::Fonts;
use crate::report::pdf_layout::{Mark, Page, Picture as Drawn, SIDE, Sizes, plan, text_height};
use chrono::Local;

fn printed(lang: Lang, tables: Vec<(String, Table)>) -> Printed {
    Printed {
        lang,
        letterhead: Letterhead {
            name: vec![
                "BADAN PENGAWAS PEMILIHAN UMUM".into(),
                "PROVINSI KALIMANTAN TIMUR".into(),
            ],
            address: vec!["Jalan Contoh No. 1, Samarinda".into()],
            logo: None,
        },
        title: "Rekapitulasi kasus menurut kecamatan".into(),
        about: vec![("Pemilihan".into(), "Pemilu 2024".into())],
        made: chrono::DateTime::UNIX_EPOCH.with_timezone(&Local),
        source: "pantau · Bawaslu Provinsi Kalimantan Timur".into(),
        figures: vec![
            Figure {
                label: "Jumlah kasus".into(),
                value: 1234,
            },
            Figure {
                label: "Temuan".into(),
                value: 56,
            },
        ],
        tables,
        pictures: Vec::new(),
    }
}

/// A table of `rows` kecamatan and `cols` number columns, with a total.
fn table(rows: usize, cols: usize) -> Table {
    Table {
        text_cols: 1,
        header: std::iter::once("Kecamatan".to_string())
            .chain((0..cols).map(|c| format!("Kolom {c}")))
            .collect(),
        rows: (0..rows)
            .map(|r| {
                std::iter::once(format!("Kecamatan {r:04}"))
                    .chain((0..cols).map(|c| ((r * 7 + c) % 1500).to_string()))
                    .collect()
            })
            .collect(),
        total: std::iter::once("Jumlah".to_string())
            .chain((0..cols).map(|c| (123_456 + c).to_string()))
            .collect(),
    }
}

fn pages_of(p: &Printed) -> Vec<Page> {
    let fonts = Fonts::new().unwrap();
    let sizes = Sizes {
        logo: p.letterhead.logo.as_ref().map(|_| (200, 240)),
        pictures: p.pictures.iter().map(|_| (1200, 700)).collect(),
    };
    plan(p, &fonts, &sizes)
}

/// Every text of a page with its left edge, baseline, width and boldness.
fn texts(page: &Page, fonts: &Fonts) -> Vec<(f32, f32, f32, bool, String)> {
    page.marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text {
                x,
                y,
                size,
                bold,
                text,
                ..
            } => Some((*x, *y, fonts.width(text, *bold, *size), *bold, text.clone())),
            _ => None,
        })
        .collect()
}

/// How many pages a PDF's page tree holds (`/Type/Page` objects, not `/Type/Pages`).
fn page_count(pdf: &[u8]) -> usize {
    let key = b"/Type/Page";
    pdf.windows(key.len() + 1)
        .filter(|w| w.starts_with(key) && w[key.len()] != b's')
        .count()
}

#[test]
fn a_pdf_whose_pages_grow_with_its_table() {
    let counts: Vec<usize> = [10, 200, 2000]
        .iter()
        .map(|&rows| {
            let pdf = document(&printed(
                Lang::Id,
                vec![("Per kecamatan".into(), table(rows, 3))],
            ))
            .unwrap();
            assert!(pdf.starts_with(b"%PDF-"), "a PDF header");
            assert!(pdf.trim_ascii_end().ends_with(b"%%EOF"));
            page_count(&pdf)
        })
        .collect();
    assert_eq!(counts[0], 1, "{counts:?}");
    assert!(counts[0] < counts[1] && counts[1] < counts[2], "{counts:?}");
    // 2,000 rows of about 13 points: some 40 pages.
    assert!((30..80).contains(&counts[2]), "{counts:?}");
}

#[test]
fn a_long_table_repeats_its_header_on_every_page_and_loses_no_row() {
    let p = printed(Lang::Id, vec![("Per kecamatan".into(), table(500, 3))]);
    let pages = pages_of(&p);
    let fonts = Fonts::new().unwrap();
    assert!(pages.len() > 3, "{} pages", pages.len());
    let mut seen = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let t = texts(page, &fonts);
        let header = t
            .iter()
            .filter(|(.., bold, s)| *bold && s == "Kecamatan")
            .count();
        assert_eq!(header, 1, "page {}: the header once", i + 1);
        let continued = t
            .iter()
            .any(|(.., s)| s.contains("Per kecamatan (lanjutan)"));
        assert_eq!(continued, i > 0, "page {}: the title continued", i + 1);
        let footer = format!("Halaman {} dari {}", i + 1, pages.len());
        assert!(
            t.iter().any(|(.., s)| *s == footer),
            "page {}: {footer}",
            i + 1
        );
        seen.extend(
            t.into_iter()
                .filter(|(.., s)| s.starts_with("Kecamatan "))
                .map(|t| t.4),
        );
    }
    let expected: Vec<String> = (0..500).map(|r| format!("Kecamatan {r:04}")).collect();
    assert_eq!(seen, expected, "every row once, in order");
    let last = texts(&pages[pages.len() - 1], &fonts);
    assert!(
        last.iter().any(|(.., bold, s)| *bold && s == "123.456"),
        "the total, bold"
    );
}

#[test]
fn no_text_runs_off_the_page_or_over_other_text() {
    let mut long = table(30, 3);
    long.rows[3][0] = "Kecamatan dengan nama yang sangat panjang sekali ".repeat(40);
    let mut tall = table(3, 2);
    tall.rows[1][0] = "kata ".repeat(5000);
    long.rows[4][0] = "Satu_kata_tanpa_spasi_yang_terlalu_panjang_untuk_kolomnya".repeat(5);
    let mut p = printed(
        Lang::En,
        vec![
            ("Lebar".into(), table(12, 16)),
            ("Sangat lebar".into(), table(12, 45)),
            ("Panjang".into(), long),
            ("Tinggi".into(), tall),
        ],
    );
    p.title = "Rekapitulasi ".repeat(30);
    p.source = "pantau ".repeat(30);
    p.about
        .push(("Tampilan".into(), "stage:kampanye ".repeat(40)));
    p.letterhead.name.push(
        "BADAN PENGAWAS PEMILIHAN UMUM KABUPATEN PENAJAM PASER UTARA PROVINSI KALIMANTAN TIMUR"
            .into(),
    );
    p.letterhead.logo = Some(Vec::new());
    p.figures = (0..11)
        .map(|i| Figure {
            label: format!("Angka yang cukup panjang labelnya nomor {i}"),
            value: 10_i64.pow(i),
        })
        .collect();
    let fonts = Fonts::new().unwrap();
    let pages = pages_of(&p);
    for (n, page) in pages.iter().enumerate() {
        let t = texts(page, &fonts);
        let (left, right) = (SIDE - 0.01, page.width - SIDE + 0.01);
        for (x, y, w, _, s) in &t {
            assert!(
                *x >= left && x + w <= right,
                "page {}: {s:?} at {x}+{w} of {}",
                n + 1,
                page.width
            );
            assert!(
                *y > 0.0 && *y < page.height,
                "page {}: {s:?} at y {y}",
                n + 1
            );
        }
        // Only the footer's two texts are below the content's bottom (22 mm from the edge).
        let low = t
            .iter()
            .filter(|(_, y, ..)| *y > page.height - 22.0 * 72.0 / 25.4)
            .count();
        assert_eq!(low, 2, "page {}: {t:?}", n + 1);
        // Texts on one baseline do not cross.
        let mut by_line = t.clone();
        by_line.sort_by(|a, b| (a.1, a.0).partial_cmp(&(b.1, b.0)).unwrap());
        for pair in by_line.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if (a.1 - b.1).abs() < 0.01 {
                assert!(
                    a.0 + a.2 <= b.0 + 0.01,
                    "page {}: {:?} runs into {:?}",
                    n + 1,
                    a.4,
                    b.4
                );
            }
        }
        assert!(
            t.iter()
                .any(|(.., s)| s.starts_with("pantau pantau") && s.contains("… · Made ")),
            "page {}: the time made, after the source cut short",
            n + 1
        );
        // Pictures inside the page.
        for m in &page.marks {
            if let Mark::Image { y, h, .. } = m {
                assert!(
                    y + h <= page.height - 20.0,
                    "page {}: a picture off the page",
                    n + 1
                );
            }
        }
    }
    let cut = pages
        .iter()
        .flat_map(|page| texts(page, &fonts))
        .filter(|(.., s)| s.starts_with("kata"))
        .collect::<Vec<_>>();
    assert!(
        cut.last().is_some_and(|(.., s)| s.ends_with('…')),
        "a row taller than a page is cut: {:?} of {}",
        cut.last(),
        cut.len()
    );
    let wide = pages.iter().filter(|p| p.width > p.height).count();
    assert!(wide >= 1, "the 46-column table is on a landscape page");
}

#[test]
fn a_wide_table_turns_the_page_and_a_narrow_one_does_not() {
    let pages = pages_of(&printed(Lang::Id, vec![("Sempit".into(), table(5, 3))]));
    assert!(pages.iter().all(|p| p.width < p.height));
    let pages = pages_of(&printed(Lang::Id, vec![("Lebar".into(), table(5, 20))]));
    assert_eq!(pages.len(), 2, "the letterhead's page, then the table's");
    assert!(pages[0].width < pages[0].height && pages[1].width > pages[1].height);
}

#[test]
fn numbers_are_the_languages_and_right_aligned() {
    let fonts = Fonts::new().unwrap();
    for (lang, total) in [(Lang::Id, "123.457"), (Lang::En, "123,457")] {
        let pages = pages_of(&printed(lang, vec![("T".into(), table(3, 2))]));
        let t = texts(&pages[0], &fonts);
        let right_edge = |s: &str| {
            t.iter()
                .find(|(.., text)| text == s)
                .map(|(x, _, w, ..)| x + w)
                .unwrap_or_else(|| panic!("{s} in {t:?}"))
        };
        // Column "Kolom 1": 1, 8, 15 in the rows, 123,457 in the total, the header above.
        let edges = [right_edge("Kolom 1"), right_edge("8"), right_edge(total)];
        assert!(
            edges.iter().all(|e| (e - edges[0]).abs() < 0.01),
            "{edges:?}"
        );
        let figure = match lang {
            Lang::Id => "1.234",
            Lang::En => "1,234",
        };
        right_edge(figure);
    }
}

#[test]
fn a_picture_is_whole_on_one_page() {
    let mut p = printed(Lang::Id, vec![("T".into(), table(20, 2))]);
    p.pictures = vec![Picture { png: Vec::new() }; 3];
    let fonts = Fonts::new().unwrap();
    let sizes = Sizes {
        logo: None,
        pictures: vec![(1200, 700), (400, 2000), (1200, 700)],
    };
    let pages = plan(&p, &fonts, &sizes);
    let images: Vec<(usize, f32, f32, f32)> = pages
        .iter()
        .enumerate()
        .flat_map(|(i, page)| {
            page.marks.iter().filter_map(move |m| match m {
                Mark::Image {
                    which: Drawn::Chart(_),
                    y,
                    w,
                    h,
                    ..
                } => Some((i, *y, *w, *h)),
                _ => None,
            })
        })
        .collect();
    assert_eq!(images.len(), 3);
    // The tall one is scaled to the page's height, keeping its shape.
    let (_, _, w, h) = images[1];
    assert!((h - text_height(false)).abs() < 0.5, "{h}");
    assert!((w / h - 0.2).abs() < 0.001, "{w}×{h}");
    for (page, y, _, h) in &images {
        assert!(y + h <= pages[*page].height - 50.0, "inside the margins");
    }
    assert!(
        images[0].0 < images[1].0 && images[1].0 < images[2].0,
        "{images:?}"
    );
}

#[test]
fn a_logo_or_chart_that_is_not_a_picture_is_refused() {
    assert!(picture_kind(b"GIF89a....").is_err());
    assert_eq!(picture_kind(&[0xff, 0xd8, 0xff, 0xe0, 0, 0]), Ok(false));
    let mut png = Vec::new();
    {
        let mut e = png::Encoder::new(&mut png, 4, 4);
        e.set_color(png::ColorType::Rgb);
        e.write_header()
            .unwrap()
            .write_image_data(&[200; 48])
            .unwrap();
    }
    assert_eq!(picture_kind(&png), Ok(true));
    let (id, en) = picture_kind(&png[..png.len() - 20]).unwrap_err();
    assert!(
        id.contains("PNG rusak") && en.contains("broken PNG"),
        "{en}"
    );

    let mut p = printed(Lang::Id, Vec::new());
    p.letterhead.logo = Some(b"not a picture".to_vec());
    let e = document(&p).unwrap_err();
    assert!(
        e.message(Lang::Id)
            .contains("letterhead.logo di konfigurasi"),
        "{}",
        e.message(Lang::Id)
    );
    assert!(
        e.message(Lang::En).contains("is not a PNG or JPEG picture"),
        "{}",
        e.message(Lang::En)
    );

    p.letterhead.logo = Some(png.clone());
    p.pictures = vec![Picture { png: png.clone() }, Picture { png: b"x".to_vec() }];
    let e = document(&p).unwrap_err();
    assert!(
        e.message(Lang::En).contains("chart 2 is not a PNG"),
        "{}",
        e.message(Lang::En)
    );
    p.pictures.pop();
    assert!(document(&p).is_ok());
}
