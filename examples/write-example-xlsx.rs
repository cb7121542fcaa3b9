//! Writes assets/contoh-import.xlsx from assets/contoh-import.csv: the headers as a person writes
//! them, names instead of codes, dates as date cells. Run after changing the CSV:
//! `cargo run --features dev-tools --example write-example-xlsx`.

use std::error::Error;
use std::path::{Path, PathBuf};

use chrono::Datelike;
use pantau::domain::{Reference, Status};
use pantau::i18n::Lang;

fn asset(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join(name)
}

fn main() -> Result<(), Box<dyn Error>> {
    let reference = Reference::embedded();
    let mut rdr = csv::Reader::from_path(asset("contoh-import.csv"))?;
    let headers: Vec<String> = rdr.headers()?.iter().map(String::from).collect();
    let mut book = rust_xlsxwriter::Workbook::new();
    let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    let ws = book.add_worksheet();
    ws.set_name("Penanganan")?;
    for (c, h) in headers.iter().enumerate() {
        let title: String = h
            .split('_')
            .map(|w| w[..1].to_uppercase() + &w[1..])
            .collect::<Vec<_>>()
            .join(" ");
        ws.write_string(0, u16::try_from(c)?, title)?;
    }
    for (r, rec) in rdr.records().enumerate() {
        let rec = rec?;
        for (c, (h, v)) in headers.iter().zip(rec.iter()).enumerate() {
            let (row, col) = (u32::try_from(r)? + 1, u16::try_from(c)?);
            if v.is_empty() {
                continue;
            }
            let unknown = |what: &str| format!("row {row}: unknown {what} {v:?}");
            if h.starts_with("tanggal_") {
                let d = chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")?;
                let dt = rust_xlsxwriter::ExcelDateTime::from_ymd(
                    u16::try_from(d.year())?,
                    u8::try_from(d.month())?,
                    u8::try_from(d.day())?,
                )?;
                ws.write_datetime_with_format(row, col, &dt, &date)?;
            } else if h == "kode_wilayah" {
                let region = reference.region(v).ok_or_else(|| unknown("region"))?;
                ws.write_string(row, col, &region.short_name)?;
            } else if h == "kode_tahapan" {
                let stage = reference.stage(v).ok_or_else(|| unknown("stage"))?;
                ws.write_string(row, col, &stage.name_id)?;
            } else if h == "status" {
                let status = Status::from_code(v).ok_or_else(|| unknown("status"))?;
                ws.write_string(row, col, status.label(Lang::Id))?;
            } else if h == "diperpanjang" {
                ws.write_string(row, col, if v == "true" { "ya" } else { "tidak" })?;
            } else {
                ws.write_string(row, col, v)?;
            }
        }
    }
    book.save(asset("contoh-import.xlsx"))?;
    Ok(())
}
