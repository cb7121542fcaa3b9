//! `pantau report --format png|svg|pdf`: the chart a person would draw from a report and the
//! printed report, made by the real binary from the demo database: pictures decode to their size
//! and are not blank, differ by language, say what they count and where it came from; the PDF has
//! the letterhead, the figures of `report --format json` and page numbers, and renders.

use std::path::Path;

use crate::demo_support::{demo_db, int, pantau, report_json};
use crate::pdf_support::{pdftoppm_pages, pdftotext};

/// Runs `pantau --lang LANG report ARGS -o FILE`, which must succeed quietly on standard output.
fn write(db: &Path, lang: &str, args: &[&str], file: &Path) {
    let out = pantau(db)
        .args(["--lang", lang, "report"])
        .args(args)
        .arg("-o")
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "nothing on standard output with -o");
    let mode =
        std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(file).unwrap().permissions());
    assert_eq!(
        mode & 0o777,
        0o600,
        "{}: a copy of case figures is private",
        file.display()
    );
}

/// A PNG's width, height and how many distinct colours it has.
fn decode(file: &Path) -> (u32, u32, usize) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(file).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let step = info.color_type.samples();
    let colours: std::collections::HashSet<&[u8]> =
        buf[..info.buffer_size()].chunks(step).collect();
    (info.width, info.height, colours.len())
}

#[test]
fn a_chart_by_region_is_a_picture_for_a_phone_in_the_reader_s_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 2024);
    let mut pictures = Vec::new();
    for lang in ["id", "en"] {
        let file = dir.path().join(format!("wilayah-{lang}.png"));
        write(&db, lang, &["--by", "region", "--format", "png"], &file);
        let (w, h, colours) = decode(&file);
        assert_eq!(w, 1080, "{lang}: as wide as a phone's screen");
        assert!((500..=4000).contains(&h), "{lang}: {h} high");
        assert!(colours > 20, "{lang}: {colours} colours: not blank");
        pictures.push(std::fs::read(&file).unwrap());
    }
    assert_ne!(pictures[0], pictures[1], "the words differ by language");
}

#[test]
fn an_svg_says_what_it_counts_of_which_regions_and_where_it_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 2024);
    let doc = report_json(&db, &["--by", "region"]);
    for (lang, title) in [("id", "kasus per wilayah"), ("en", "cases by region")] {
        let out = pantau(&db)
            .args([
                "--lang", lang, "report", "--by", "region", "--format", "svg",
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let svg = String::from_utf8(out.stdout).unwrap();
        assert!(
            svg.starts_with("<svg") || svg.starts_with("<?xml"),
            "{lang}: an SVG"
        );
        assert!(svg.to_lowercase().contains(title), "{lang}: the title");
        assert!(
            svg.contains("pantau · Bawaslu Provinsi Kalimantan Timur"),
            "{lang}: the source line"
        );
        for g in doc["groups"].as_array().unwrap() {
            let count = int(&g["count"]).to_string();
            assert!(svg.contains(&count), "{lang}: the count {count}");
        }
        for short in ["Samarinda", "Balikpapan", "Bontang", "Mahulu", "PPU"] {
            assert!(svg.contains(short), "{lang}: {short}");
        }
    }
}

#[test]
fn kaltim_s_map_the_campaign_s_pekan_and_the_recap_are_pictures_too() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 2024);
    let bars = dir.path().join("bars.png");
    write(&db, "id", &["--format", "png"], &bars);
    for (name, args) in [
        (
            "map",
            &["--by", "region", "--chart", "map", "--format", "png"][..],
        ),
        ("pekan", &["--by", "pekan", "--format", "png"][..]),
        ("recap", &["--recap", "--format", "png"][..]),
        ("cross", &["--by", "region,type", "--format", "png"][..]),
    ] {
        let file = dir.path().join(format!("{name}.png"));
        write(&db, "id", args, &file);
        let (w, _, colours) = decode(&file);
        assert_eq!(w, 1080, "{name}");
        assert!(colours > 20, "{name}: {colours} colours");
        assert_ne!(
            std::fs::read(&file).unwrap(),
            std::fs::read(&bars).unwrap(),
            "{name}"
        );
    }
    // A map draws kab/kota: asked of stages, it says what it draws rather than guessing.
    let out = pantau(&db)
        .args([
            "--lang", "en", "report", "--by", "stage", "--chart", "map", "--format", "png",
        ])
        .arg("-o")
        .arg(dir.path().join("no.png"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--by region"), "{err}");
    assert!(!dir.path().join("no.png").exists(), "nothing written");
}

/// A configuration naming the office's letterhead, with a logo drawn here.
fn letterhead(dir: &Path, logo: &Path) -> std::path::PathBuf {
    let mut png = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut png, 64, 64);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc.write_header().unwrap();
        let pixels: Vec<u8> = (0..64 * 64)
            .flat_map(|i| [(i % 256) as u8, 40, 120])
            .collect();
        w.write_image_data(&pixels).unwrap();
    }
    std::fs::write(logo, png).unwrap();
    let config = dir.join("config.toml");
    std::fs::write(
        &config,
        format!(
            "[letterhead]\nname = \"BAWASLU UJI COBA\\nPROVINSI KALIMANTAN TIMUR\"\n\
             address = \"Jl. Contoh No. 1, Samarinda\"\nlogo = \"{}\"\n",
            logo.display()
        ),
    )
    .unwrap();
    config
}

#[test]
fn the_printed_report_has_the_letterhead_the_figures_of_json_and_page_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 2024);
    let config = letterhead(dir.path(), &dir.path().join("logo.png"));
    let doc = report_json(&db, &["--by", "region"]);
    for (lang, page) in [("id", "Halaman 1 dari"), ("en", "Page 1 of")] {
        let file = dir.path().join(format!("laporan-{lang}.pdf"));
        let config = config.to_str().unwrap();
        write(
            &db,
            lang,
            &["--config", config, "--by", "region", "--format", "pdf"],
            &file,
        );
        assert!(
            std::fs::read(&file).unwrap().starts_with(b"%PDF-"),
            "{lang}: a PDF"
        );
        let Some(text) = pdftotext(&file) else { return };
        for words in [
            "BAWASLU UJI COBA",
            "Jl. Contoh No. 1, Samarinda",
            page,
            "Samarinda",
            "Mahakam Ulu",
        ] {
            assert!(text.contains(words), "{lang}: {words:?} in\n{text}");
        }
        let total = int(&doc["total"]).to_string();
        assert!(text.contains(&total), "{lang}: the total {total}");
        for g in doc["groups"].as_array().unwrap() {
            let count = int(&g["count"]).to_string();
            assert!(text.contains(&count), "{lang}: the count {count}");
        }
        let Some(pages) = pdftoppm_pages(&file) else {
            return;
        };
        assert!(!pages.is_empty(), "{lang}: renders");
        assert!(
            text.contains(&format!("{page} {}", pages.len())),
            "{lang}: {} pages\n{text}",
            pages.len()
        );
    }
}

#[test]
fn a_logo_that_is_not_there_stops_the_printed_report_naming_the_file_and_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 2024);
    let config = letterhead(dir.path(), &dir.path().join("logo.png"));
    std::fs::remove_file(dir.path().join("logo.png")).unwrap();
    let file = dir.path().join("laporan.pdf");
    let out = pantau(&db)
        .args([
            "--lang",
            "en",
            "--config",
            config.to_str().unwrap(),
            "report",
            "--format",
            "pdf",
            "-o",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("logo.png") && err.contains("logo"), "{err}");
    assert!(!file.exists(), "no half-made report left behind");
}

#[test]
fn a_report_never_replaces_a_database_and_a_sheet_named_as_the_source_sheet_is_numbered() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir, 2024);
    let before = std::fs::read(&db).unwrap();
    for format in ["xlsx", "png", "pdf", "csv"] {
        let out = pantau(&db)
            .args(["--lang", "id", "report", "--format", format, "-o"])
            .arg(&db)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("basis data SQLite"), "{format}: {err}");
        assert_eq!(
            std::fs::read(&db).unwrap(),
            before,
            "{format}: the database is intact"
        );
    }
    // `sumber` is a dimension (the source of a case) and the name of the provenance sheet.
    let file = dir.path().join("sumber.xlsx");
    write(
        &db,
        "id",
        &["--by", "source,region", "--format", "xlsx"],
        &file,
    );
    let book: calamine::Xlsx<_> = calamine::open_workbook(&file).unwrap();
    let names = calamine::Reader::sheet_names(&book);
    assert!(names.iter().any(|n| n == "Sumber"), "{names:?}");
    assert!(names.iter().any(|n| n == "Sumber (2)"), "{names:?}");
    // A PDF holds every chart: `--chart map` picks a picture only.
    let out = pantau(&db)
        .args([
            "--lang", "en", "report", "--chart", "map", "--format", "pdf", "-o",
        ])
        .arg(dir.path().join("x.pdf"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--format png"));
}
