//! Reading a printed report back as a person would see it, with poppler-utils: its text
//! (`pdftotext`, pages split by form feeds) and its pages as PNG pictures (`pdftoppm`). Where a tool
//! is missing, the test says so on standard error and skips that part (CI installs them).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs `tool` with `args`; `None`, with a visible line, when the tool is not installed.
fn run(tool: &str, args: &[&std::ffi::OsStr]) -> Option<std::process::Output> {
    match Command::new(tool).args(args).output() {
        Ok(out) => {
            assert!(
                out.status.success(),
                "{tool} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            Some(out)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!("SKIPPED: {tool} not installed (apt-get install poppler-utils)");
            None
        }
        Err(e) => panic!("{tool}: {e}"),
    }
}

/// The text of `pdf` in its layout (a table's row on one line), pages split by form feeds.
pub fn pdftotext(pdf: &Path) -> Option<String> {
    let out = run(
        "pdftotext",
        &[
            "-layout".as_ref(),
            "-enc".as_ref(),
            "UTF-8".as_ref(),
            pdf.as_os_str(),
            "-".as_ref(),
        ],
    )?;
    Some(String::from_utf8(out.stdout).expect("pdftotext writes UTF-8"))
}

/// The pages of a text from [`pdftotext`] (the form feed after the last page ends it).
pub fn pages(text: &str) -> Vec<&str> {
    let mut pages: Vec<&str> = text.split('\x0c').collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// Every page of `pdf` as a PNG at 60 dpi, in a folder beside it, in page order.
pub fn pdftoppm_pages(pdf: &Path) -> Option<Vec<PathBuf>> {
    pdftoppm_at(pdf, 60)
}

/// Every page of `pdf` as a PNG at `dpi`, in a folder beside it, in page order.
pub fn pdftoppm_at(pdf: &Path, dpi: u32) -> Option<Vec<PathBuf>> {
    let dir = pdf.with_extension("pages");
    std::fs::create_dir_all(&dir).unwrap();
    let prefix = dir.join("page");
    let dpi = dpi.to_string();
    run(
        "pdftoppm",
        &[
            "-r".as_ref(),
            dpi.as_ref(),
            "-png".as_ref(),
            pdf.as_os_str(),
            prefix.as_os_str(),
        ],
    )?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    // pdftoppm numbers page-01.png … page-12.png with as many digits as the last needs.
    files.sort();
    Some(files)
}

/// The width and height of a PNG file and its pixels' colours.
pub fn pixels(png_file: &Path) -> (u32, u32, Vec<[u8; 3]>) {
    let file = std::io::BufReader::new(std::fs::File::open(png_file).unwrap());
    let mut reader = png::Decoder::new(file).read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    assert!(channels >= 3, "pdftoppm writes colour pictures");
    let colours = buf[..info.buffer_size()]
        .chunks(channels)
        .map(|px| [px[0], px[1], px[2]])
        .collect();
    (info.width, info.height, colours)
}
