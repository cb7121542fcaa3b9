//! Tests of the shaded map: shades by count, white outside Kaltim, labels placed apart, dark on
//! light and light on dark, SVG as well as PNG; and pictures to look at (ignored by default).

use super::*;
use crate::report::chart::Kind;

use crate::report::KALTIM_DEMO as DEMO;

fn chart(lang: Lang, rows: &[(&str, &str, i64)]) -> Chart {
    Chart {
        kind: Kind::Map,
        lang,
        title: String::new(),
        subtitle: vec![],
        source: String::new(),
        categories: crate::report::test_categories(rows),
        series: crate::report::test_series(rows, String::new()),
    }
}

const SIDE: u32 = 1080;

fn render(chart: &Chart) -> Vec<u8> {
    render_at(chart, SIDE, SIDE)
}

fn render_at(chart: &Chart, w: u32, h: u32) -> Vec<u8> {
    let mut buf = vec![0u8; (w * h * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (w, h)).into_drawing_area();
        root.fill(&WHITE).unwrap();
        draw(&root, chart).unwrap();
        root.present().unwrap();
    }
    buf
}

fn pixel(buf: &[u8], (x, y): (i32, i32)) -> RGBColor {
    let i = (y as usize * SIDE as usize + x as usize) * 3;
    RGBColor(buf[i], buf[i + 1], buf[i + 2])
}

/// The colour most pixels of the square around `at` have: a region's fill, whatever label
/// is written over part of it.
fn fill_around(buf: &[u8], at: (i32, i32)) -> RGBColor {
    let mut seen: HashMap<(u8, u8, u8), usize> = HashMap::new();
    for dy in -14..=14 {
        for dx in -14..=14 {
            let RGBColor(r, g, b) = pixel(buf, (at.0 + dx, at.1 + dy));
            *seen.entry((r, g, b)).or_default() += 1;
        }
    }
    let ((r, g, b), _) = seen.into_iter().max_by_key(|e| e.1).unwrap();
    RGBColor(r, g, b)
}

fn layout(chart: &Chart) -> Layout<'static> {
    Layout::new(peta::kaltim(), chart, SIDE, SIDE)
}

fn at(map: &Layout<'_>, code: &str) -> (i32, i32) {
    let r = map.regions.iter().find(|r| r.outline.code == code).unwrap();
    map.px(r.label_point)
}

#[test]
fn the_most_counted_is_darkest_and_a_region_not_named_is_lightest() {
    // Berau left out of the figures: it counts 0.
    let rows: Vec<_> = DEMO.iter().copied().filter(|r| r.0 != "64.03").collect();
    let c = chart(Lang::Id, &rows);
    let buf = render(&c);
    let map = layout(&c);
    assert_eq!(
        fill_around(&buf, at(&map, "64.72")),
        RAMP[4],
        "Samarinda, 12"
    );
    assert_eq!(
        fill_around(&buf, at(&map, "64.03")),
        RAMP[0],
        "Berau, not named"
    );
    assert_eq!(
        fill_around(&buf, at(&map, "64.02")),
        RAMP[3],
        "Kukar, 9 of 10-12"
    );
    assert_eq!(
        fill_around(&buf, at(&map, "64.11")),
        RAMP[1],
        "Mahulu, 1 of 1-3"
    );
}

#[test]
fn outside_kaltim_stays_white() {
    let c = chart(Lang::En, &DEMO);
    let buf = render(&c);
    let map = layout(&c);
    // The sea off Paser, and Malaysia to the north-west.
    for p in [(118.8, -2.3), (114.0, 2.4)] {
        assert_eq!(pixel(&buf, map.px(p)), WHITE, "{p:?}");
    }
}

#[test]
fn another_provinces_codes_are_ignored() {
    let mut rows = DEMO.to_vec();
    rows.push(("65.71", "Tarakan", 500));
    let with = render(&chart(Lang::Id, &rows));
    let without = render(&chart(Lang::Id, &DEMO));
    assert!(with == without, "a count outside Kaltim changed the map");
}

#[test]
fn small_cities_label_in_the_sea_and_labels_do_not_meet() {
    let c = chart(Lang::Id, &DEMO);
    let map = layout(&c);
    for &(code, lon, lat) in &CALLOUTS {
        for o in peta::kaltim() {
            assert!(
                !o.polygons.iter().any(|r| peta::contains(r, (lon, lat))),
                "{code}'s label stands on {}",
                o.code
            );
        }
    }
    // Every label's box, as drawn at this size, apart from every other.
    let boxes: Vec<(String, (i32, i32, i32, i32))> = map
        .regions
        .iter()
        .map(|r| {
            let (w, h) = r.size;
            let left = if r.callout.is_some() {
                r.at.0
            } else {
                r.at.0 - w / 2
            };
            (
                r.words.clone(),
                (left, r.at.1 - h / 2, left + w, r.at.1 + h / 2),
            )
        })
        .collect();
    for (i, (a, ab)) in boxes.iter().enumerate() {
        for (b, bb) in &boxes[i + 1..] {
            let apart = ab.2 < bb.0 || bb.2 < ab.0 || ab.3 < bb.1 || bb.3 < ab.1;
            assert!(apart, "{a} {ab:?} meets {b} {bb:?}");
        }
        assert!(
            ab.0 >= 0 && ab.2 <= SIDE as i32,
            "{a} {ab:?} leaves the picture"
        );
    }
}

#[test]
fn a_label_too_wide_for_its_region_gives_way_to_the_short_name() {
    let map = layout(&chart(Lang::Id, &DEMO));
    let words = |code: &str| {
        let r = map.regions.iter().find(|r| r.outline.code == code).unwrap();
        r.words.clone()
    };
    assert_eq!(words("64.09"), "PPU 2");
    assert_eq!(words("64.02"), "Kutai Kartanegara 9");
    assert_eq!(words("64.72"), "Samarinda 12");
    // A region the figures do not name is labelled by its short name, and counts 0.
    let map = layout(&chart(Lang::Id, &DEMO[..1]));
    let r = map
        .regions
        .iter()
        .find(|r| r.outline.code == "64.11")
        .unwrap();
    assert_eq!(r.words, "Mahulu 0");
}

#[test]
fn a_phones_map_writes_as_large_as_the_bars() {
    // The area a 1080-wide picture gives the map: 968 px wide, 890 tall.
    let c = chart(Lang::Id, &DEMO);
    let map = Layout::new(peta::kaltim(), &c, 968, 890);
    assert!((22..=24).contains(&map.text_size), "{}", map.text_size);
    assert!(map.text_size * 7 / 10 >= 15, "the credit line is read too");
    // Every label but the short names keeps most of that size.
    for r in &map.regions {
        assert!(
            r.text * 4 >= map.text_size * 3,
            "{} at {} px",
            r.words,
            r.text
        );
    }
    let kukar = map.regions.iter().find(|r| r.outline.code == "64.02");
    assert_eq!(kukar.map(|r| r.words.as_str()), Some("Kutai Kartanegara 9"));
}

#[test]
fn nothing_counted_is_all_the_lightest_shade() {
    let c = chart(Lang::En, &[]);
    let map = layout(&c);
    assert_eq!(map.classes, vec![(0, 0)]);
    let buf = render(&c);
    for code in ["64.02", "64.03", "64.11"] {
        assert_eq!(fill_around(&buf, at(&map, code)), RAMP[0], "{code}");
    }
}

#[test]
fn classes_cover_every_count_once() {
    assert_eq!(classes(0), vec![(0, 0)]);
    assert_eq!(classes(2), vec![(0, 0), (1, 1), (2, 2)]);
    assert_eq!(classes(12), vec![(0, 0), (1, 3), (4, 6), (7, 9), (10, 12)]);
    assert_eq!(
        classes(1342),
        vec![(0, 0), (1, 400), (401, 800), (801, 1200), (1201, 1342)]
    );
    for max in 0..200 {
        let c = classes(max);
        assert!(c.len() <= CLASSES);
        for n in 0..=max {
            assert_eq!(c.iter().filter(|r| (r.0..=r.1).contains(&n)).count(), 1);
        }
        // The darkest shade belongs to the top class, the lightest to none.
        assert_eq!(shade_of(c.len() - 1, c.len()), if max == 0 { 0 } else { 4 });
        assert_eq!(shade_of(0, c.len()), 0);
    }
}

#[test]
fn labels_are_dark_on_light_and_light_on_dark() {
    let c = chart(Lang::Id, &DEMO);
    let buf = render(&c);
    let map = layout(&c);
    // Kukar (9) is shaded dark: white letters over it. Mahulu (1) is light: dark letters.
    let count = |code: &str, colour: RGBColor| {
        let (x, y) = at(&map, code);
        let mut n = 0;
        for dy in -8..=8 {
            for dx in -60..=60 {
                n += usize::from(pixel(&buf, (x + dx, y + dy)) == colour);
            }
        }
        n
    };
    assert!(count("64.02", WHITE) > 40);
    assert_eq!(count("64.02", INK), 0);
    assert!(count("64.11", INK) > 40);
    assert_eq!(count("64.11", WHITE), 0);
}

#[test]
fn draws_as_svg_too() {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (SIDE, SIDE)).into_drawing_area();
        draw(&root, &chart(Lang::En, &DEMO)).unwrap();
        root.present().unwrap();
    }
    assert!(
        svg.contains("Samarinda 12"),
        "{}",
        &svg[..svg.len().min(400)]
    );
    assert!(svg.contains("None (0)"));
    assert!(svg.matches("<polygon").count() >= 10);
}

/// Writes the map in both languages, and in a wide and a small area, to the temporary
/// folder, to look at: `cargo test --lib report::map -- --ignored`.
#[test]
#[ignore]
fn write_pictures_to_look_at() {
    let sizes = [("id", Lang::Id, SIDE, SIDE), ("en", Lang::En, SIDE, SIDE)];
    let more = [
        ("wide", Lang::Id, 1080, 640),
        ("small", Lang::En, 540, 540),
        ("big", Lang::Id, SIDE, SIDE),
    ];
    // A whole election's counts, in the thousands, for the legend's widest ranges.
    let big: Vec<_> = DEMO.iter().map(|&(c, l, n)| (c, l, n * 137)).collect();
    for (name, lang, w, h) in sizes.into_iter().chain(more) {
        let rows = if name == "big" { &big[..] } else { &DEMO[..] };
        let buf = render_at(&chart(lang, rows), w, h);
        let path = std::env::temp_dir().join(format!("pantau-peta-{name}.png"));
        let file = std::fs::File::create(&path).unwrap();
        let mut enc = png::Encoder::new(std::io::BufWriter::new(file), w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        enc.write_header().unwrap().write_image_data(&buf).unwrap();
        eprintln!("{}", path.display());
    }
}
