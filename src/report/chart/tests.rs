//! The chart pictures checked as a reader would: decoded, measured, their words found.

use super::*;
use crate::i18n::Lang;

#[path = "tests_fixes.rs"]
mod fixes;

fn kaltim(lang: Lang) -> Chart {
    let regions = crate::report::KALTIM_DEMO;
    Chart {
        kind: Kind::Bars,
        lang,
        title: match lang {
            Lang::Id => "Kasus menurut kab/kota".into(),
            Lang::En => "Cases by kab/kota".into(),
        },
        subtitle: vec![
            match lang {
                Lang::Id => "Pemilu 2024 · per 14/02/2024".into(),
                Lang::En => "Pemilu 2024 · as of 14 Feb 2024".into(),
            },
            match lang {
                Lang::Id => "Tampilan: semua temuan dan laporan".into(),
                Lang::En => "View: all temuan and laporan".into(),
            },
        ],
        source: "pantau · Bawaslu Provinsi Kalimantan Timur".into(),
        categories: crate::report::test_categories(&regions),
        series: crate::report::test_series(&regions, "Kasus".into()),
    }
}

fn pekan(lang: Lang) -> Chart {
    let types = [
        "Administrasi",
        "Pidana",
        "Kode etik",
        "Hukum lainnya",
        "Bukan pelanggaran",
    ];
    let counts: [[i64; 11]; 5] = [
        [1, 2, 0, 3, 2, 4, 1, 0, 2, 3, 5],
        [0, 1, 1, 0, 2, 1, 0, 1, 3, 1, 2],
        [0, 0, 1, 1, 0, 0, 2, 0, 0, 1, 0],
        [1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1],
        [2, 1, 3, 1, 0, 2, 1, 2, 1, 0, 4],
    ];
    Chart {
        kind: Kind::Stacked,
        title: match lang {
            Lang::Id => "Kasus tahapan kampanye per pekan menurut jenis".into(),
            Lang::En => "Campaign-stage cases per pekan by type".into(),
        },
        categories: (1..=11)
            .map(|p| Category {
                code: p.to_string(),
                label: format!("Pekan {p}"),
            })
            .collect(),
        series: types
            .iter()
            .zip(counts)
            .map(|(name, values)| Series {
                name: (*name).into(),
                values: values.to_vec(),
            })
            .collect(),
        ..kaltim(lang)
    }
}

/// The picture decoded: width, height and RGB pixels.
fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = ::png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    assert_eq!(info.color_type, ::png::ColorType::Rgb);
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

/// Writes the picture beside the test's other files when `PANTAU_CHART_DIR` is set, to look at.
fn keep(name: &str, bytes: &[u8]) {
    if let Some(dir) = std::env::var_os("PANTAU_CHART_DIR") {
        std::fs::write(std::path::Path::new(&dir).join(name), bytes).expect("written");
    }
}

fn stages(lang: Lang) -> Chart {
    let rows = [
        (
            "pemutakhiran",
            "Pemutakhiran data dan penyusunan daftar pemilih",
            9,
        ),
        ("pencalonan", "Pencalonan", 6),
        ("kampanye", "Kampanye", 22),
        ("masa-tenang", "Masa tenang", 3),
        ("pungut-hitung", "Pemungutan dan penghitungan suara", 14),
        ("rekap", "Rekapitulasi hasil penghitungan suara", 0),
    ];
    Chart {
        title: match lang {
            Lang::Id => "Kasus menurut tahapan".into(),
            Lang::En => "Cases by tahapan".into(),
        },
        categories: crate::report::test_categories(&rows),
        series: crate::report::test_series(&rows, "Kasus".into()),
        ..kaltim(lang)
    }
}

fn kecamatan(lang: Lang, n: usize) -> Chart {
    Chart {
        title: match lang {
            Lang::Id => "Kasus menurut kecamatan".into(),
            Lang::En => "Cases by kecamatan".into(),
        },
        categories: (0..n)
            .map(|i| Category {
                code: format!("64.02.{i:02}"),
                label: format!("Kecamatan Nomor {}", i + 1),
            })
            .collect(),
        series: vec![Series {
            name: "Kasus".into(),
            values: (0..n).map(|i| (n - i) as i64 / 3).collect(),
        }],
        ..kaltim(lang)
    }
}

fn crosstab(lang: Lang) -> Chart {
    let base = kaltim(lang);
    let types = [
        "Administrasi",
        "Pidana",
        "Kode etik",
        "Hukum lainnya",
        "Bukan pelanggaran",
    ];
    let totals = base.series[0].values.clone();
    Chart {
        kind: Kind::Stacked,
        title: match lang {
            Lang::Id => "Kasus menurut kab/kota dan jenis".into(),
            Lang::En => "Cases by kab/kota and type".into(),
        },
        series: types
            .iter()
            .enumerate()
            .map(|(t, name)| Series {
                name: (*name).into(),
                values: totals
                    .iter()
                    .map(|&v| (v + t as i64) / 5 + i64::from(t == 0 && v > 4) * 2)
                    .collect(),
            })
            .collect(),
        ..base
    }
}

fn empty(lang: Lang) -> Chart {
    Chart {
        series: vec![Series {
            name: "Kasus".into(),
            values: vec![0; 10],
        }],
        ..kaltim(lang)
    }
}

/// How many pixels of `rows` are dark (text), in a picture `width` wide.
fn dark_in(width: u32, pixels: &[u8], rows: std::ops::Range<u32>) -> usize {
    let w = width as usize * 3;
    pixels[rows.start as usize * w..rows.end as usize * w]
        .chunks(3)
        .filter(|p| p.iter().all(|&c| c < 90))
        .count()
}

fn colours(pixels: &[u8]) -> usize {
    pixels
        .chunks(3)
        .map(|p| (p[0], p[1], p[2]))
        .collect::<std::collections::HashSet<_>>()
        .len()
}

#[test]
fn a_phone_picture_is_1080_wide_follows_its_bars_and_is_drawn() {
    let (w, h, pixels) = decode(&png(&kaltim(Lang::Id), WIDTH).unwrap());
    assert_eq!(w, 1080);
    assert!(
        (900..1300).contains(&h),
        "ten bars, a title and a source line: {h} px tall"
    );
    assert!(
        colours(&pixels) > 40,
        "bars, grid and smoothed text: many colours"
    );
    // The title's letters, bold and dark, in the band under the top margin.
    assert!(dark_in(w, &pixels, 40..100) > 3000, "the title is written");
    // The source line near the foot.
    let foot = dark_in(w, &pixels, h - 90..h);
    let grey = pixels[(h as usize - 90) * w as usize * 3..]
        .chunks(3)
        .filter(|p| p[0] < 120 && p[0] == p[1] && p[1] == p[2])
        .count();
    assert!(foot + grey > 500, "the source line is written");
    // The bars are the palette's blue.
    let blue = pixels
        .chunks(3)
        .filter(|p| p == &[0x00, 0x72, 0xb2])
        .count();
    assert!(blue > 20_000, "the bars are drawn: {blue} blue pixels");
}

#[test]
fn a_print_picture_is_the_same_picture_twice_as_sharp() {
    let (w1, h1, _) = decode(&png(&pekan(Lang::Id), WIDTH).unwrap());
    let (w2, h2, pixels) = decode(&png(&pekan(Lang::Id), 2 * WIDTH).unwrap());
    assert_eq!((w1, w2), (1080, 2160));
    assert!(h2.abs_diff(2 * h1) <= 4, "{h1} px at 1080, {h2} px at 2160");
    assert!(
        dark_in(w2, &pixels, 80..200) > 12_000,
        "the title scales with the picture"
    );
}

#[test]
fn widths_outside_phone_to_print_are_refused_with_the_range() {
    for width in [0, 100, 10_000] {
        let e = png(&kaltim(Lang::En), width).unwrap_err().to_string();
        assert!(e.contains("540") && e.contains("3240"), "{e}");
    }
}

#[test]
fn the_words_are_the_readers_language() {
    let id = png(&kaltim(Lang::Id), WIDTH).unwrap();
    let en = png(&kaltim(Lang::En), WIDTH).unwrap();
    let (w, _, id) = decode(&id);
    let (_, _, en) = decode(&en);
    let row = w as usize * 3;
    let title = 40 * row..100 * row;
    assert_ne!(id[title.clone()], en[title], "the title differs");
    // The total's line under the subtitles: Jumlah / Total.
    let svg_id = svg(&kaltim(Lang::Id)).unwrap();
    let svg_en = svg(&kaltim(Lang::En)).unwrap();
    assert!(svg_id.contains("Jumlah: 47") && !svg_id.contains("Total: 47"));
    assert!(svg_en.contains("Total: 47") && !svg_en.contains("Jumlah: 47"));
    // The bars themselves are the same.
    let bars = 400 * row..800 * row;
    assert_eq!(id[bars.clone()], en[bars]);
}

#[test]
fn numbers_are_written_as_the_reader_writes_them() {
    let mut chart = kaltim(Lang::Id);
    chart.series[0].values[0] = 1342;
    assert!(svg(&chart).unwrap().contains("\n1.342\n</text>"));
    chart.lang = Lang::En;
    assert!(svg(&chart).unwrap().contains("\n1,342\n</text>"));
}

/// The texts of an SVG, in the order drawn.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = &t[t.find('>')? + 1..t.find("</text>")?];
            Some(body.trim().to_string())
        })
        .collect()
}

#[test]
fn an_svg_holds_the_title_every_label_and_the_source() {
    let chart = kaltim(Lang::En);
    let svg = svg(&chart).unwrap();
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
    assert_eq!(svg.matches("<svg").count(), 1);
    assert!(svg.contains("font-family=\"DejaVu Sans, sans-serif\""));
    let texts = texts(&svg);
    for want in [
        "Cases by kab/kota",
        "Pemilu 2024 · as of 14 Feb 2024",
        "pantau · Bawaslu Provinsi Kalimantan Timur",
    ] {
        assert!(texts.iter().any(|t| t == want), "{want} in {texts:?}");
    }
    for c in &chart.categories {
        assert!(texts.contains(&c.label), "{} in {texts:?}", c.label);
    }
}

#[test]
fn a_label_with_markup_characters_stays_text() {
    let mut chart = kaltim(Lang::Id);
    chart.categories[0].label = "Samarinda <Kota> & Co".into();
    let svg = svg(&chart).unwrap();
    assert!(svg.contains("Samarinda &lt;Kota&gt; &amp; Co"), "{svg}");
}

#[test]
fn a_zero_count_is_written_as_0() {
    let svg = svg(&stages(Lang::Id)).unwrap();
    let texts = texts(&svg);
    let rekap = texts.iter().position(|t| t == "Rekapitulasi hasil");
    let rekap = rekap.expect("the last stage's label, wrapped");
    assert_eq!(texts[rekap + 1], "penghitungan suara", "{texts:?}");
    assert_eq!(texts[rekap + 2], "0", "its count after it: {texts:?}");
}

#[test]
fn long_labels_wrap_rather_than_run_off() {
    let svg = svg(&stages(Lang::En)).unwrap();
    let texts = texts(&svg);
    assert!(texts.contains(&"Pemungutan dan".to_string()), "{texts:?}");
    assert!(
        texts.contains(&"penghitungan suara".to_string()),
        "{texts:?}"
    );
}

#[test]
fn a_title_too_long_for_three_lines_ends_in_an_ellipsis() {
    let mut chart = kaltim(Lang::Id);
    chart.title = "Kasus menurut kabupaten dan kota ".repeat(8);
    let texts = texts(&svg(&chart).unwrap());
    let title: Vec<&String> = texts
        .iter()
        .filter(|t| t.contains("Kasus") || t.contains("kota"))
        .collect();
    assert_eq!(title.len(), 3, "{title:?}");
    assert!(title[2].ends_with('…'), "{title:?}");
    let pen = pen::Pen::new(WIDTH, pen::Target::Svg);
    for line in title {
        assert!(
            pen.width(line, pen::TITLE) <= 1080.0 - 2.0 * MARGIN,
            "{line}"
        );
    }
}

#[test]
fn many_categories_show_forty_bars_and_say_how_many_more() {
    let chart = kecamatan(Lang::Id, 150);
    let texts = texts(&svg(&chart).unwrap());
    assert!(texts.contains(&"Kecamatan Nomor 40".to_string()));
    assert!(!texts.contains(&"Kecamatan Nomor 41".to_string()));
    let rest: i64 = chart.series[0].values[40..].iter().sum();
    let more = format!(
        "+110 lainnya (jumlah {})",
        crate::i18n::number(Lang::Id, rest)
    );
    assert!(texts.contains(&more), "{more} in {texts:?}");
    let en = texts_of(&kecamatan(Lang::En, 150));
    let more = format!("+110 more (total {})", crate::i18n::number(Lang::En, rest));
    assert!(en.contains(&more), "{more} in {en:?}");
    // Forty bars or a hundred and fifty: the same height.
    let h = |n| decode(&png(&kecamatan(Lang::Id, n), WIDTH).unwrap()).1;
    assert_eq!(h(41), h(150));
    assert!(h(20) < h(40));
}

/// A view a reader filters closely: every term of it must reach the picture.
const LONG_VIEW: &str = "Tampilan: wilayah:balikpapan,kutai-kartanegara,samarinda,bontang,\
    kutai-timur,paser tahapan:kampanye,masa-tenang,pemungutan-penghitungan \
    status:diterima,diregistrasi,ditindaklanjuti jenis:politik-uang";

fn texts_of(chart: &Chart) -> Vec<String> {
    texts(&svg(chart).unwrap())
}

#[test]
fn an_empty_view_says_so() {
    for (lang, words) in [
        (Lang::Id, "Tidak ada kasus pada tampilan ini"),
        (Lang::En, "No cases in this view"),
    ] {
        let zero = empty(lang);
        let none = Chart {
            categories: Vec::new(),
            series: Vec::new(),
            ..kaltim(lang)
        };
        for chart in [zero, none] {
            assert!(texts_of(&chart).contains(&words.to_string()));
            let (w, h, pixels) = decode(&png(&chart, WIDTH).unwrap());
            assert!(h >= 560, "{h}");
            let mid = h / 2;
            assert!(
                dark_in(w, &pixels, mid - 80..mid + 80) + grey_in(w, &pixels, mid - 80..mid + 80)
                    > 1000
            );
        }
    }
}

/// How many pixels of `rows` are a mid grey (the empty picture's words).
fn grey_in(width: u32, pixels: &[u8], rows: std::ops::Range<u32>) -> usize {
    let w = width as usize * 3;
    pixels[rows.start as usize * w..rows.end as usize * w]
        .chunks(3)
        .filter(|p| p[0] < 140 && p[0] == p[1] && p[1] == p[2])
        .count()
}

#[test]
fn pekan_stand_as_columns_with_the_legend_in_stack_order() {
    let chart = pekan(Lang::En);
    let texts = texts_of(&chart);
    // The legend first, in the series' order (bottom of the stack first).
    let names: Vec<&str> = chart.series.iter().map(|s| s.name.as_str()).collect();
    let found: Vec<&str> = texts
        .iter()
        .filter(|t| names.contains(&t.as_str()))
        .map(String::as_str)
        .collect();
    assert_eq!(found, names);
    // "Pekan" once under the columns, each column its number and its total.
    assert_eq!(
        texts.iter().filter(|t| t.contains("Pekan")).count(),
        1,
        "{texts:?}"
    );
    for p in 1..=11 {
        assert!(texts.contains(&p.to_string()), "pekan {p}");
    }
    assert!(texts.contains(&"12".to_string()), "pekan 11's total");
    assert!(texts.contains(&"Total: 61".to_string()));
}

#[test]
fn regions_by_type_lie_as_bars_with_their_names_whole() {
    let chart = crosstab(Lang::Id);
    let texts = texts_of(&chart);
    for c in &chart.categories {
        assert!(texts.contains(&c.label), "{} in {texts:?}", c.label);
    }
    let legend: Vec<&String> = texts
        .iter()
        .filter(|t| t.as_str() == "Bukan pelanggaran")
        .collect();
    assert_eq!(legend.len(), 1);
    let (_, _, pixels) = decode(&png(&chart, WIDTH).unwrap());
    for colour in &pen::PALETTE[..5] {
        let RGBColor(r, g, b) = *colour;
        let n = pixels.chunks(3).filter(|p| p == &[r, g, b]).count();
        assert!(n > 1000, "series colour {colour:?}: {n} pixels");
    }
}

#[test]
fn a_map_has_its_title_block_and_source() {
    let chart = Chart {
        kind: Kind::Map,
        ..kaltim(Lang::Id)
    };
    let texts = texts_of(&chart);
    assert!(texts.contains(&"Kasus menurut kab/kota".to_string()));
    assert!(texts.contains(&"Jumlah: 47".to_string()));
    assert!(texts.contains(&chart.source));
    let (w, h, _) = decode(&png(&chart, WIDTH).unwrap());
    assert_eq!(w, 1080);
    assert!(h > 1000, "room for the map: {h}");
}

#[test]
fn text_is_cut_or_wrapped_to_its_room() {
    fonts();
    let pen = pen::Pen::new(WIDTH, pen::Target::Bitmap);
    let fit = pen.fit("Pemungutan dan penghitungan suara", pen::LABEL, 200.0);
    assert!(
        fit.ends_with('…') && pen.width(&fit, pen::LABEL) <= 200.0,
        "{fit}"
    );
    assert_eq!(pen.fit("Berau", pen::LABEL, 200.0), "Berau");
    let lines = pen.wrap(
        "Pemutakhiran data dan penyusunan daftar pemilih",
        pen::LABEL,
        300.0,
        2,
    );
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[1].ends_with('…'), "{lines:?}");
    assert!(lines.iter().all(|l| pen.width(l, pen::LABEL) <= 300.0));
    // Wrapped whole: every letter kept, each line in its room, a long term broken at a comma.
    let term = "wilayah:balikpapan,kutai-kartanegara,samarinda";
    let all = pen.wrap_all(
        &format!("Tampilan: {term} jenis:politik-uang"),
        pen::LABEL,
        300.0,
    );
    assert!(all.len() >= 3, "{all:?}");
    assert!(
        all.iter().all(|l| pen.width(l, pen::LABEL) <= 300.0),
        "{all:?}"
    );
    assert_eq!(
        all.concat().replace(' ', ""),
        format!("Tampilan:{term}jenis:politik-uang")
    );
    assert!(all[0].ends_with(',') || all[0].ends_with(':'), "{all:?}");
    let letters = pen.wrap_all("Pemutakhirandatadanpenyusunan", pen::LABEL, 120.0);
    assert!(letters.len() > 1 && letters.concat() == "Pemutakhirandatadanpenyusunan");
    let word = pen.wrap("Pemutakhirandatadanpenyusunan", pen::LABEL, 120.0, 2);
    assert_eq!(word.len(), 1);
    assert!(word[0].ends_with('…') && pen.width(&word[0], pen::LABEL) <= 120.0);
}

#[test]
fn examples_are_drawn_to_look_at() {
    for lang in [Lang::Id, Lang::En] {
        let code = lang.code();
        keep(
            &format!("bars-{code}.png"),
            &png(&kaltim(lang), WIDTH).unwrap(),
        );
        keep(
            &format!("pekan-{code}.png"),
            &png(&pekan(lang), WIDTH).unwrap(),
        );
        let mut map = kaltim(lang);
        map.kind = Kind::Map;
        keep(&format!("map-{code}.png"), &png(&map, WIDTH).unwrap());
        keep(
            &format!("bars-{code}.svg"),
            svg(&kaltim(lang)).unwrap().as_bytes(),
        );
        keep(
            &format!("stages-{code}.png"),
            &png(&stages(lang), WIDTH).unwrap(),
        );
        keep(
            &format!("kec-{code}.png"),
            &png(&kecamatan(lang, 150), WIDTH).unwrap(),
        );
        keep(
            &format!("cross-{code}.png"),
            &png(&crosstab(lang), WIDTH).unwrap(),
        );
        keep(
            &format!("empty-{code}.png"),
            &png(&empty(lang), WIDTH).unwrap(),
        );
        // Every colour of the palette but the black, the seventh a pale one once.
        let mut seven = pekan(lang);
        for name in ["Lainnya", "Belum ditentukan"] {
            seven.series.push(Series {
                name: name.into(),
                values: (0..11).map(|p| (p % 3) + 1).collect(),
            });
        }
        keep(&format!("seven-{code}.png"), &png(&seven, WIDTH).unwrap());
        let mut view = crosstab(lang);
        view.subtitle[1] = LONG_VIEW.into();
        view.source = format!("{} · dibuat 03/12/2026 09.14", view.source);
        keep(&format!("view-{code}.png"), &png(&view, WIDTH).unwrap());
        keep(
            &format!("print-{code}.png"),
            &png(&pekan(lang), 2 * WIDTH).unwrap(),
        );
        keep(
            &format!("pekan-{code}.svg"),
            svg(&pekan(lang)).unwrap().as_bytes(),
        );
    }
}
