//! The region tree: Indonesia's provinces, kabupaten/kota, kecamatan and kelurahan/desa with their
//! Kemendagri codes (`64`, `64.72`, `64.72.01`, `64.72.01.1001`), from the open dataset embedded
//! from `assets/wilayah/` (its source, version and licence are named in `assets/wilayah/SUMBER.md`).
//! Never BPS codes: the statistics office numbers some of these differently.

use std::io::Read;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::i18n::core::Core;

/// One handling office: Bawaslu RI, a province's Bawaslu, a kabupaten/kota's, or a Panwaslu
/// Kecamatan (kind `nasional`, `provinsi`, `kabupaten`, `kota`, `kecamatan`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    pub code: String,
    pub name: String,
    pub short_name: String,
    pub kind: String,
    pub parent_code: Option<String>,
    pub kecamatan_count: i64,
    pub position: i64,
}

impl Region {
    /// The name shown in tables: the full name without "Kabupaten"/"Kota", and "Provinsi (Kaltim)"
    /// for the provincial office. Where the short name had to be made unique ("Kota Bandung"
    /// beside Kabupaten Bandung, a name another province also uses), the short name, so that two
    /// rows of one table never read the same.
    pub fn display_name(&self, lang: Lang) -> String {
        if self.kind == "nasional" || self.kind == "kecamatan" {
            return self.short_name.clone();
        }
        if self.kind == "provinsi" {
            return Core::Province {
                short: &self.short_name,
            }
            .text(lang);
        }
        let plain = self
            .name
            .trim_start_matches("Kabupaten ")
            .trim_start_matches("Kota ");
        if self.short_name != plain && fold(&self.short_name).contains(&fold(plain)) {
            return self.short_name.clone();
        }
        plain.to_string()
    }
}

/// Folds text for matching: lower case, without spaces, dashes and underscores (as
/// `crate::domain::fold`, which this leaf of the domain cannot import).
fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '\t'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The embedded dataset (see `assets/wilayah/SUMBER.md`).
const PROVINCES_CSV: &str = include_str!("../../assets/wilayah/provinces.csv");
const REGENCIES_CSV: &str = include_str!("../../assets/wilayah/regencies.csv");
const DISTRICTS_CSV: &str = include_str!("../../assets/wilayah/districts.csv");
const VILLAGES_GZ: &[u8] = include_bytes!("../../assets/wilayah/villages.csv.gz");
/// The short names officers use for provinces ("Kaltim", "Jabar"): pantau's, not the dataset's.
const PROVINCE_SHORT_CSV: &str = include_str!("../../assets/wilayah/singkatan-provinsi.csv");

/// Where the region tree comes from, as `pantau doctor` and the README name it.
pub const SOURCE: &str = "idn-area-data 4.0.1 (Kepmendagri 2025), ODbL 1.0";

/// The code of Bawaslu RI's office: the root of a national database. Kemendagri gives the
/// country no code; this one cannot be taken for any of its codes.
pub const RI: &str = "RI";

/// Kalimantan Timur's province code, the province pantau was first made for.
pub const KALTIM: &str = "64";

/// A kelurahan or desa: never a handling office, only where something happened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Desa {
    /// `64.72.01.1001`.
    pub code: String,
    pub name: String,
    /// `kelurahan` (code `…1xxx`) or `desa` (`…2xxx`).
    pub kind: String,
    /// The kecamatan's code.
    pub kecamatan: String,
}

/// Why a province cannot be set up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownProvince {
    pub given: String,
    /// `code name` of the province nearest to what was given, if any is near.
    pub nearest: Option<(String, String)>,
}

#[derive(Clone, Deserialize)]
struct Row {
    code: String,
    #[serde(
        default,
        alias = "province_code",
        alias = "regency_code",
        alias = "district_code"
    )]
    parent: Option<String>,
    name: String,
}

fn rows(text: &str) -> Vec<Row> {
    // The embedded files are checked by the tests below, so a row that does not parse is a
    // build defect: it is skipped rather than taking the program down.
    csv::Reader::from_reader(text.as_bytes())
        .deserialize::<Row>()
        .filter_map(Result::ok)
        .collect()
}

/// The embedded files of the dataset (and pantau's short names).
#[derive(Clone, Copy)]
enum File {
    Provinces,
    Regencies,
    Districts,
    ProvinceShort,
}

/// One embedded file's rows, parsed once per process: setting a national database up asks for
/// the kecamatan of every province, and a name lookup for every province's short name.
fn embedded(file: File) -> &'static [Row] {
    use std::sync::OnceLock;
    static CELLS: [OnceLock<Vec<Row>>; 4] = [const { OnceLock::new() }; 4];
    let text = match file {
        File::Provinces => PROVINCES_CSV,
        File::Regencies => REGENCIES_CSV,
        File::Districts => DISTRICTS_CSV,
        File::ProvinceShort => PROVINCE_SHORT_CSV,
    };
    CELLS[file as usize].get_or_init(|| rows(text))
}

/// Every province of the dataset: `(code, name)`, by code.
pub fn provinces() -> Vec<(String, String)> {
    embedded(File::Provinces)
        .iter()
        .map(|r| (r.code.clone(), r.name.clone()))
        .collect()
}

/// The province of `text`: its code (`32`, `64`), its name (`Jawa Barat`, either case, spaces
/// forgiven) or its short name (`jabar`).
pub fn find_province(text: &str) -> Result<(String, String), UnknownProvince> {
    let want = fold(
        text.trim()
            .trim_start_matches("Provinsi ")
            .trim_start_matches("provinsi "),
    );
    let all = provinces();
    if let Some(p) = all.iter().find(|(code, name)| {
        fold(code) == want || fold(name) == want || fold(&province_short(code, name)) == want
    }) {
        return Ok(p.clone());
    }
    let nearest = all
        .iter()
        .map(|(code, name)| {
            let d = strsim::levenshtein(&fold(name), &want).min(strsim::levenshtein(
                &fold(&province_short(code, name)),
                &want,
            ));
            (d, code, name)
        })
        .filter(|(d, _, _)| *d <= (want.chars().count() / 3).max(1))
        .min_by_key(|(d, _, _)| *d)
        .map(|(_, c, n)| (c.clone(), n.clone()));
    Err(UnknownProvince {
        given: text.to_string(),
        nearest,
    })
}

/// The short name of a province: "Kaltim" for `64`; the name itself when pantau knows none.
pub fn province_short(code: &str, name: &str) -> String {
    embedded(File::ProvinceShort)
        .iter()
        .find(|r| r.code == code)
        .map_or_else(|| name.to_string(), |r| r.name.clone())
}

/// The handling offices of a province above the kecamatan: the province's own and each
/// kabupaten/kota's, by code, with short names unique among them ("Bandung" and "Kota Bandung").
/// The provincial office comes first (position 0). `None` for a code the dataset lacks.
pub fn province_regions(code: &str) -> Option<Vec<Region>> {
    let (code, name) = provinces().into_iter().find(|(c, _)| c == code)?;
    let districts = embedded(File::Districts);
    let count = |parent: &str| {
        districts
            .iter()
            .filter(|d| d.parent.as_deref() == Some(parent))
            .count() as i64
    };
    let regencies: Vec<&Row> = embedded(File::Regencies)
        .iter()
        .filter(|r| r.parent.as_deref() == Some(code.as_str()))
        .collect();
    let mut out = vec![Region {
        code: code.clone(),
        name: format!("Provinsi {name}"),
        short_name: province_short(&code, &name),
        kind: "provinsi".into(),
        parent_code: None,
        kecamatan_count: districts
            .iter()
            .filter(|d| d.code.starts_with(&format!("{code}.")))
            .count() as i64,
        position: 0,
    }];
    for (i, r) in regencies.iter().enumerate() {
        let kind = if r.name.starts_with("Kota ") {
            "kota"
        } else {
            "kabupaten"
        };
        out.push(Region {
            code: r.code.clone(),
            name: r.name.clone(),
            short_name: bare(&r.name).to_string(),
            kind: kind.into(),
            parent_code: Some(code.clone()),
            kecamatan_count: count(&r.code),
            position: i as i64 + 1,
        });
    }
    unique_short_names(&mut out);
    Some(out)
}

/// The offices of a national database above the kecamatan: Bawaslu RI first, then each province
/// followed by its kabupaten/kota, positions in that order.
pub fn national_regions() -> Vec<Region> {
    let mut out = vec![Region {
        code: RI.into(),
        name: "Bawaslu Republik Indonesia".into(),
        short_name: "Bawaslu RI".into(),
        kind: "nasional".into(),
        parent_code: None,
        kecamatan_count: embedded(File::Districts).len() as i64,
        position: 0,
    }];
    for (code, _) in provinces() {
        for mut r in province_regions(&code).unwrap_or_default() {
            if r.kind == "provinsi" {
                r.parent_code = Some(RI.into());
            }
            r.position = out.len() as i64;
            out.push(r);
        }
    }
    unique_short_names(&mut out);
    out
}

/// Names without "Kabupaten "/"Kota "/"Provinsi ".
fn bare(name: &str) -> &str {
    name.trim_start_matches("Kabupaten ")
        .trim_start_matches("Kota ")
        .trim_start_matches("Provinsi ")
}

/// Makes short names unique by folding: a kota sharing its bare name with a kabupaten becomes
/// "Kota X", and a name still shared (across provinces) gets its province's short name.
fn unique_short_names(regions: &mut [Region]) {
    let shared = |regions: &[Region], i: usize| {
        let f = fold(&regions[i].short_name);
        regions
            .iter()
            .enumerate()
            .any(|(j, r)| j != i && fold(&r.short_name) == f)
    };
    for i in 0..regions.len() {
        if regions[i].kind == "kota" && shared(regions, i) {
            regions[i].short_name = regions[i].name.clone();
        }
    }
    let provinces: Vec<(String, String)> = regions
        .iter()
        .filter(|r| r.kind == "provinsi")
        .map(|r| (r.code.clone(), r.short_name.clone()))
        .collect();
    for i in 0..regions.len() {
        if shared(regions, i) && regions[i].kind != "provinsi" {
            let province = regions[i].code.split('.').next().unwrap_or_default();
            if let Some((_, short)) = provinces.iter().find(|(c, _)| c == province) {
                regions[i].short_name = format!("{} ({short})", regions[i].short_name);
            }
        }
    }
}

/// A TPS number, as imports and views read it: `5`, `005`, `TPS 005`, `tps 5` all mean 5; 1 to 9999.
pub fn parse_tps(t: &str) -> Option<u16> {
    let t = t.trim();
    let digits = match t.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("tps") => t[3..].trim_start_matches([' ', '.', '-']),
        _ => t,
    };
    if digits.is_empty() || digits.len() > 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits
        .parse::<u16>()
        .ok()
        .filter(|n| (1..=9999).contains(n))
}

/// The kecamatan of these kabupaten/kota, by code, as [`Region`]s of kind `kecamatan` (each
/// its own possible handling office: a Panwaslu Kecamatan).
pub fn kecamatan_of(regencies: &[&str]) -> Vec<Region> {
    let wanted: std::collections::HashSet<&str> = regencies.iter().copied().collect();
    let mut out: Vec<Region> = embedded(File::Districts)
        .iter()
        .filter(|d| d.parent.as_deref().is_some_and(|p| wanted.contains(p)))
        .cloned()
        .map(|d| Region {
            short_name: d.name.clone(),
            name: d.name,
            kind: "kecamatan".into(),
            parent_code: d.parent,
            kecamatan_count: 0,
            position: 0,
            code: d.code,
        })
        .collect();
    out.sort_by(|a, b| a.code.cmp(&b.code));
    for (i, k) in out.iter_mut().enumerate() {
        k.position = i as i64;
    }
    out
}

/// Every kelurahan/desa of the country, by code: unpacked once per process.
fn all_desa() -> &'static [Desa] {
    static ALL: std::sync::OnceLock<Vec<Desa>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        let mut text = String::new();
        // The embedded file is checked by the tests below.
        if flate2::read::GzDecoder::new(VILLAGES_GZ)
            .read_to_string(&mut text)
            .is_err()
        {
            return Vec::new();
        }
        let mut out: Vec<Desa> = rows(&text)
            .into_iter()
            .filter_map(|v| {
                let parent = v.parent?;
                let kind = if v
                    .code
                    .rsplit('.')
                    .next()
                    .is_some_and(|s| s.starts_with('1'))
                {
                    "kelurahan"
                } else {
                    "desa"
                };
                Some(Desa {
                    code: v.code,
                    name: v.name,
                    kind: kind.into(),
                    kecamatan: parent,
                })
            })
            .collect();
        out.sort_by(|a, b| a.code.cmp(&b.code));
        out
    })
}

/// The kelurahan/desa of these kecamatan, by code.
pub fn desa_of(kecamatan: &[&str]) -> Vec<Desa> {
    let wanted: std::collections::HashSet<&str> = kecamatan.iter().copied().collect();
    all_desa()
        .iter()
        .filter(|d| wanted.contains(d.kecamatan.as_str()))
        .cloned()
        .collect()
}

/// Folds a kecamatan or desa name for matching: case, spaces and a leading "Kecamatan"/"Kec."/
/// "Kelurahan"/"Kel."/"Desa"/"Kampung" forgiven.
pub fn fold_place(text: &str) -> String {
    let t = text.trim();
    let lower = t.to_lowercase();
    let mut rest = t;
    for prefix in [
        "kecamatan ",
        "kec. ",
        "kec ",
        "kelurahan ",
        "kel. ",
        "kel ",
        "desa ",
        "ds. ",
        "kampung ",
    ] {
        if lower.starts_with(prefix) {
            rest = &t[prefix.len()..];
            break;
        }
    }
    fold(rest).replace('.', "")
}

/// The place among `candidates` whose code or name is `text`; else the nearest names for a
/// "did you mean" (at most three, nearest first).
pub fn match_place<'a, T>(
    text: &str,
    candidates: &'a [T],
    code: impl Fn(&T) -> &str,
    name: impl Fn(&T) -> &str,
) -> Result<&'a T, Vec<&'a T>> {
    let t = text.trim();
    if let Some(found) = candidates.iter().find(|c| code(c) == t) {
        return Ok(found);
    }
    let want = fold_place(t);
    let hits: Vec<&T> = candidates
        .iter()
        .filter(|c| fold_place(name(c)) == want)
        .collect();
    if hits.len() == 1 {
        return Ok(hits[0]);
    }
    if hits.len() > 1 {
        return Err(hits);
    }
    let mut near: Vec<(usize, &T)> = candidates
        .iter()
        .map(|c| (strsim::levenshtein(&fold_place(name(c)), &want), c))
        .filter(|(d, _)| *d <= (want.chars().count() / 3).max(1))
        .collect();
    near.sort_by_key(|(d, _)| *d);
    Err(near.into_iter().take(3).map(|(_, c)| c).collect())
}

/// The message of an unknown province, in `lang`.
pub fn unknown_province_text(e: &UnknownProvince, lang: Lang) -> String {
    match (lang, &e.nearest) {
        (Lang::Id, Some((c, n))) => format!(
            "provinsi \"{}\" tidak dikenal; maksud Anda {c} ({n})? Daftar: pantau init --province list",
            e.given
        ),
        (Lang::Id, None) => format!(
            "provinsi \"{}\" tidak dikenal; tulis kode Kemendagri (32) atau nama (Jawa Barat). Daftar: pantau init --province list",
            e.given
        ),
        (Lang::En, Some((c, n))) => format!(
            "unknown province \"{}\"; did you mean {c} ({n})? List: pantau init --province list",
            e.given
        ),
        (Lang::En, None) => format!(
            "unknown province \"{}\"; give its Kemendagri code (32) or name (Jawa Barat). List: pantau init --province list",
            e.given
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_country_has_38_provinces_514_kabupaten_kota_and_7285_kecamatan() {
        assert_eq!(provinces().len(), 38);
        let national = national_regions();
        assert_eq!(national.iter().filter(|r| r.kind == "provinsi").count(), 38);
        assert_eq!(
            national
                .iter()
                .filter(|r| r.kind == "kabupaten" || r.kind == "kota")
                .count(),
            514
        );
        assert_eq!(rows(DISTRICTS_CSV).len(), 7285);
        let mut shorts: Vec<String> = national.iter().map(|r| fold(&r.short_name)).collect();
        shorts.sort();
        let n = shorts.len();
        shorts.dedup();
        assert_eq!(shorts.len(), n, "short names are unique");
    }

    #[test]
    fn kaltim_has_105_kecamatan_and_1038_kelurahan_desa() {
        let regions = province_regions("64").unwrap();
        assert_eq!(regions.len(), 11);
        assert_eq!(regions[0].short_name, "Kaltim");
        let codes: Vec<&str> = regions[1..].iter().map(|r| r.code.as_str()).collect();
        let kec = kecamatan_of(&codes);
        assert_eq!(kec.len(), 105);
        assert_eq!(regions[0].kecamatan_count, 105);
        let samarinda: Vec<&str> = kec
            .iter()
            .filter(|k| k.parent_code.as_deref() == Some("64.72"))
            .map(|k| k.name.as_str())
            .collect();
        assert_eq!(samarinda.len(), 10);
        assert!(samarinda.contains(&"Samarinda Ulu"));
        let kc: Vec<&str> = kec.iter().map(|k| k.code.as_str()).collect();
        let desa = desa_of(&kc);
        assert_eq!(desa.len(), 1038);
        assert!(desa.iter().all(|d| d.code.starts_with("64.")));
        assert!(
            desa.iter().any(|d| d.kind == "kelurahan") && desa.iter().any(|d| d.kind == "desa")
        );
    }

    #[test]
    fn every_village_of_the_dataset_parses() {
        let mut text = String::new();
        flate2::read::GzDecoder::new(VILLAGES_GZ)
            .read_to_string(&mut text)
            .unwrap();
        let all = csv::Reader::from_reader(text.as_bytes())
            .deserialize::<Row>()
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        assert_eq!(all.len(), 83_762);
    }

    #[test]
    fn tables_tell_a_kota_from_the_kabupaten_of_the_same_name() {
        let jabar = province_regions("32").unwrap();
        let shown = |code: &str| {
            jabar
                .iter()
                .find(|r| r.code == code)
                .unwrap()
                .display_name(Lang::En)
        };
        assert_eq!(shown("32.04"), "Bandung");
        assert_eq!(shown("32.73"), "Kota Bandung");
        assert_eq!(shown("32.01"), "Bogor");
        assert_eq!(shown("32.71"), "Kota Bogor");
        let mut names: Vec<String> = jabar.iter().map(|r| r.display_name(Lang::En)).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), jabar.len());
        // Kaltim's officers' short names do not replace the names its tables show.
        let kaltim = province_regions("64").unwrap();
        let kukar = kaltim.iter().find(|r| r.code == "64.02").unwrap();
        assert_eq!(kukar.display_name(Lang::En), "Kutai Kartanegara");
        let national = national_regions();
        for province in national.iter().filter(|r| r.kind == "provinsi") {
            let mut names: Vec<String> = national
                .iter()
                .filter(|r| r.parent_code.as_deref() == Some(province.code.as_str()))
                .map(|r| r.display_name(Lang::Id))
                .collect();
            let n = names.len();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), n, "{}", province.name);
        }
    }

    #[test]
    fn jawa_barat_tells_kabupaten_bandung_from_kota_bandung() {
        let jabar = province_regions("32").unwrap();
        assert_eq!(jabar[0].short_name, "Jabar");
        let short = |code: &str| {
            jabar
                .iter()
                .find(|r| r.code == code)
                .unwrap()
                .short_name
                .clone()
        };
        assert_eq!(short("32.04"), "Bandung");
        assert_eq!(short("32.73"), "Kota Bandung");
    }

    #[test]
    fn provinces_are_found_by_code_name_and_short_name_with_near_misses_suggested() {
        assert_eq!(find_province("32").unwrap().0, "32");
        assert_eq!(find_province("jawa barat").unwrap().0, "32");
        assert_eq!(find_province("KALTIM").unwrap().0, "64");
        let e = find_province("Jawa Barta").unwrap_err();
        assert_eq!(e.nearest.unwrap().0, "32");
        assert!(find_province("99").unwrap_err().nearest.is_none());
    }

    #[test]
    fn places_match_by_code_or_name_forgiving_case_spacing_and_prefix() {
        let kec = kecamatan_of(&["64.72"]);
        let m = |t: &str| match_place(t, &kec, |k| &k.code, |k| &k.name);
        assert_eq!(m("64.72.03").unwrap().name, "Samarinda Ulu");
        assert_eq!(m("  samarinda   ulu ").unwrap().code, "64.72.03");
        assert_eq!(m("Kec. Samarinda Ulu").unwrap().code, "64.72.03");
        assert_eq!(m("SAMARINDAULU").unwrap().code, "64.72.03");
        let near = m("Samarinda Uluu").unwrap_err();
        assert_eq!(near[0].code, "64.72.03");
        assert!(m("Jakarta").unwrap_err().is_empty());
    }
}
