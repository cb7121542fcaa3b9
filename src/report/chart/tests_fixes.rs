//! The chart pictures checked where they once went wrong: long lists keep their largest bars,
//! long lines wrap whole, and every series colour shows on white.

use super::super::*;
use super::{LONG_VIEW, decode, kaltim, kecamatan, texts_of};
use crate::i18n::Lang;

#[test]
fn of_many_bars_the_largest_are_kept_in_the_order_given() {
    // Weeks in time order, the counts rising: the recent weeks are the ones to keep.
    let n = 60;
    let mut chart = kecamatan(Lang::En, n);
    chart.categories = (1..=n)
        .map(|w| Category {
            code: w.to_string(),
            label: format!("Week {w:02}"),
        })
        .collect();
    chart.series[0].values = (1..=n as i64).collect();
    // One early week stands out and stays; the week it displaces is the smallest kept before.
    chart.series[0].values[2] = 500;
    let texts = texts_of(&chart);
    let weeks: Vec<&String> = texts.iter().filter(|t| t.starts_with("Week ")).collect();
    let mut want = vec!["Week 03".to_string()];
    want.extend((22..=n).map(|w| format!("Week {w:02}")));
    assert_eq!(weeks, want.iter().collect::<Vec<_>>(), "largest, in order");
    // Each kept bar carries its own count, not its neighbour's.
    let at = texts.iter().position(|t| t == "Week 03").unwrap();
    assert_eq!(texts[at + 1], "500", "{texts:?}");
    let at = texts.iter().position(|t| t == "Week 60").unwrap();
    assert_eq!(texts[at + 1], "60", "{texts:?}");
    // The twenty left out: weeks 1, 2 and 4 to 21.
    let rest: i64 = (1..=21).filter(|&w| w != 3).sum();
    let more = format!("+20 more (total {rest})");
    assert!(texts.contains(&more), "{more} in {texts:?}");
}

#[test]
fn a_long_subtitle_wraps_whole_and_the_picture_grows() {
    let mut chart = kaltim(Lang::Id);
    let short = decode(&png(&chart, WIDTH).unwrap()).1;
    chart.subtitle[1] = LONG_VIEW.into();
    chart.source = "pantau · Bawaslu Provinsi Kalimantan Timur · dibuat 03/12/2026 09.14 · \
        basis data pemilu-2024-kaltim, salinan untuk rapat pleno"
        .into();
    let texts = texts_of(&chart);
    let pen = pen::Pen::new(WIDTH, pen::Target::Svg);
    let room = 1080.0 - 2.0 * MARGIN;
    let lines_of = [
        (LONG_VIEW, "Tampilan:", pen::SUBTITLE),
        (chart.source.as_str(), "pantau", pen::SOURCE),
    ];
    for (whole, first, face) in lines_of {
        let start = texts.iter().position(|t| t.starts_with(first));
        let start = start.unwrap_or_else(|| panic!("{first} in {texts:?}"));
        let joined: String = texts[start..].concat().split_whitespace().collect();
        let want: String = whole.split_whitespace().collect();
        assert!(joined.starts_with(&want), "{want}\nin {texts:?}");
        let lines = texts[start..]
            .iter()
            .take_while(|t| want.contains(&t.split_whitespace().collect::<String>()))
            .count();
        assert!(lines >= 2, "wrapped: {texts:?}");
        assert!(
            !texts.iter().any(|t| t.contains('…')),
            "nothing cut: {texts:?}"
        );
        for t in &texts[start..start + lines] {
            assert!(pen.width(t, face) <= room, "{t} runs off");
        }
    }
    for term in [
        "jenis:politik-uang",
        "status:diterima,",
        "kutai-timur,paser",
    ] {
        assert!(
            texts.iter().any(|t| t.contains(term)),
            "{term} in {texts:?}"
        );
    }
    let long = decode(&png(&chart, WIDTH).unwrap()).1;
    assert!(
        long > short + 60,
        "{short} px, then {long} px with the long lines"
    );
}

/// The contrast of a colour on white, as WCAG reckons it (1 for white, 21 for black).
fn on_white(RGBColor(r, g, b): RGBColor) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    1.05 / (l + 0.05)
}

#[test]
fn every_series_colour_shows_on_white() {
    // Okabe and Ito's yellow is 1.3 here: a segment in it all but vanished.
    for (i, colour) in pen::PALETTE.iter().enumerate() {
        let c = on_white(*colour);
        assert!(c >= 2.0, "series {i}, {colour:?}: contrast {c:.2} on white");
    }
    // The count written on each stays legible: bold and large, WCAG asks 3 to 1 of it.
    for colour in pen::PALETTE {
        let ink = pen::ink_on(colour);
        let (a, b) = (on_white(colour), on_white(ink));
        let c = if a > b { a / b } else { b / a };
        assert!(c >= 3.0, "{ink:?} on {colour:?}: {c:.2}");
    }
}
