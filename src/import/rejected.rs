//! The file of rejected rows beside an input (`--skip-invalid`): each row as it was, plus its line
//! (`baris`) and its reasons (`alasan`). Written to a private temporary file, renamed only after commit.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::i18n::{Lang, core::Core};
use crate::import::problem::Problem;
use crate::import::read::{Format, Input, Raw};

/// A file of rejected rows being written.
#[derive(Debug)]
pub struct RejectedFile {
    /// Where the file goes once the import is committed.
    pub path: PathBuf,
    out: Out,
    /// The file under its temporary name; removed unless committed.
    temp: crate::fs_safe::Temp,
}

enum Out {
    Csv {
        writer: Box<csv::Writer<File>>,
        header_done: bool,
        delimiter: u8,
    },
    Jsonl(BufWriter<File>),
}

impl std::fmt::Debug for Out {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Out::Csv { .. } => "Csv",
            Out::Jsonl(_) => "Jsonl",
        })
    }
}

/// Where the rejected rows of `input` go: `kiriman.csv` → `kiriman.csv.rejected.csv`
/// (`.rejected.jsonl` for JSON); standard input's go to the current folder.
pub fn path_for(input: &Input) -> PathBuf {
    let ext = match input.format {
        Format::Json | Format::Jsonl => "jsonl",
        Format::Csv | Format::Xlsx => "csv",
    };
    let base = input.path.clone().unwrap_or_else(|| PathBuf::from("stdin"));
    let mut s = base.into_os_string();
    s.push(format!(".rejected.{ext}"));
    PathBuf::from(s)
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

impl RejectedFile {
    /// Starts the file for `input` (under a temporary name).
    pub fn create(input: &Input) -> Result<RejectedFile> {
        let path = path_for(input);
        // Refused before anything is imported, not after: a link where the file goes.
        crate::fs_safe::check_writable(&path, crate::fs_safe::Replace::Yes)?;
        let mut temp = crate::fs_safe::Temp::beside(&path, crate::fs_safe::PRIVATE)?;
        let file = temp.file().try_clone().map_err(io(&path))?;
        let out = match input.format {
            Format::Json | Format::Jsonl => Out::Jsonl(BufWriter::new(file)),
            Format::Csv | Format::Xlsx => {
                let delimiter = match input.format {
                    Format::Csv => {
                        crate::import::from_csv::layout(
                            input.table,
                            &crate::import::read::text_of(&input.bytes).unwrap_or_default(),
                        )
                        .delimiter
                    }
                    _ => b',',
                };
                Out::Csv {
                    writer: Box::new(
                        csv::WriterBuilder::new()
                            .delimiter(delimiter)
                            .flexible(true)
                            .from_writer(file),
                    ),
                    header_done: false,
                    delimiter,
                }
            }
        };
        Ok(RejectedFile { path, out, temp })
    }

    /// Adds one rejected row: as it was, with its line and its reasons.
    pub fn write(
        &mut self,
        raw: &Raw<'_>,
        line: u64,
        reasons: &[Problem],
        lang: Lang,
    ) -> Result<()> {
        let why = reasons
            .iter()
            .map(|p| p.reason(lang))
            .collect::<Vec<_>>()
            .join("; ");
        // A failure (a full disk) names the file of rejected rows as it will be called, with the
        // writer's own error, so that it is said in the user's language.
        let target = self.path.clone();
        let csv_err = |e: csv::Error| Error::Io {
            path: target.clone(),
            source: match e.into_kind() {
                csv::ErrorKind::Io(source) => source,
                other => std::io::Error::other(format!("{other:?}")),
            },
        };
        match (&mut self.out, raw) {
            (
                Out::Csv {
                    writer,
                    header_done,
                    ..
                },
                Raw::Csv { header, record, .. },
            ) => {
                if !*header_done {
                    let mut h = (*header).clone();
                    h.push_field(b"baris");
                    h.push_field(b"alasan");
                    writer.write_byte_record(&h).map_err(csv_err)?;
                    *header_done = true;
                }
                let mut r = (*record).clone();
                // A short row is padded, so its line and reasons stay under their headers.
                while r.len() < header.len() {
                    r.push_field(b"");
                }
                r.push_field(line.to_string().as_bytes());
                r.push_field(why.as_bytes());
                writer.write_byte_record(&r).map_err(csv_err)?;
            }
            (
                Out::Csv {
                    writer,
                    header_done,
                    ..
                },
                Raw::Sheet { header, cells },
            ) => {
                if !*header_done {
                    writer
                        .write_record(header.iter().map(String::as_str).chain(["baris", "alasan"]))
                        .map_err(csv_err)?;
                    *header_done = true;
                }
                let line = line.to_string();
                writer
                    .write_record(
                        cells
                            .iter()
                            .map(String::as_str)
                            .chain([line.as_str(), why.as_str()]),
                    )
                    .map_err(csv_err)?;
            }
            (Out::Jsonl(w), Raw::Json(text)) => {
                let mut obj =
                    serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(text).ok();
                let json = match obj.as_mut() {
                    Some(members) => {
                        // Re-read in file order: serde_json's map sorts keys, so keep the original text.
                        let body = String::from_utf8_lossy(text);
                        let body = body.trim();
                        let body = body.strip_suffix('}').unwrap_or(body).trim_end();
                        let sep = if members.is_empty() { "" } else { "," };
                        let one_line = body.replace(['\n', '\r'], " ");
                        format!(
                            "{one_line}{sep}\"baris\":{line},\"alasan\":{}}}",
                            serde_json::Value::String(why)
                        )
                    }
                    None => serde_json::json!({
                        "baris": line,
                        "alasan": why,
                        "asli": String::from_utf8_lossy(text),
                    })
                    .to_string(),
                };
                w.write_all(json.as_bytes())
                    .and_then(|()| w.write_all(b"\n"))
                    .map_err(io(&self.path))?;
            }
            _ => {
                return Err({
                    let m = Core::RejectedMixed;
                    Error::failed(m.text(Lang::Id), m.text(Lang::En))
                });
            }
        }
        Ok(())
    }

    /// Writes out what is buffered.
    pub fn flush(&mut self) -> Result<()> {
        match &mut self.out {
            Out::Csv { writer, .. } => writer.flush(),
            Out::Jsonl(w) => w.flush(),
        }
        .map_err(io(&self.path))
    }

    /// Gives the file its name and `mode` (after the import is committed); never through a link.
    /// When that name cannot be had (another process took it meanwhile), the rows are kept under
    /// a new name beside it: `Err` gives that name (if it could be made) and the reason.
    pub fn commit(mut self, mode: u32) -> std::result::Result<PathBuf, (Option<PathBuf>, Error)> {
        self.flush().map_err(|e| (None, e))?;
        let RejectedFile {
            path, out, temp, ..
        } = self;
        drop(out);
        match temp.try_commit(&path, Some(mode), crate::fs_safe::Replace::Yes) {
            Ok(()) => Ok(path),
            Err((temp, e)) => Err((crate::fs_safe::keep_aside(temp, &path).ok(), e)),
        }
    }

    /// The delimiter of a CSV file of rejected rows.
    pub fn delimiter(&self) -> Option<u8> {
        match &self.out {
            Out::Csv { delimiter, .. } => Some(*delimiter),
            Out::Jsonl(_) => None,
        }
    }
}
