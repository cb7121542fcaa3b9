//! The region tree in the database: the kecamatan and kelurahan/desa of the provinces it holds,
//! filled when the schema reaches version 7, and free-text kecamatan resolved against them.

use crate::domain::wilayah::match_place;
use crate::domain::{Reference, Region};

/// The one kecamatan of an office's area (a kabupaten/kota's own, a province's all) that `text`
/// names by code or name, if exactly one.
pub fn resolve_kecamatan<'r>(
    reference: &'r Reference,
    office: &str,
    text: &str,
) -> Option<&'r Region> {
    let area = reference.handling_region(office);
    match_place(text, reference.kecamatan_in(area), |k| &k.code, |k| &k.name).ok()
}

/// Cases whose kecamatan is text the tree does not know: `(nomor, office, text)`, by nomor.
pub fn unresolved_kecamatan(
    conn: &rusqlite::Connection,
) -> rusqlite::Result<Vec<(String, String, String)>> {
    conn.prepare(
        "SELECT nomor, kode_wilayah, kecamatan FROM cases \
         WHERE kecamatan IS NOT NULL AND kode_kecamatan IS NULL ORDER BY nomor",
    )?
    .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
    .collect()
}

/// A case whose kecamatan is text the region tree does not know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unresolved {
    pub nomor: String,
    /// The handling office's code.
    pub office: String,
    /// The kecamatan as it was written.
    pub kecamatan: String,
}
