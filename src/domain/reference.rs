//! Reference data: the regions (Kemendagri codes), the stages of Pemilu 2024 and the holidays,
//! read from the CSV files in assets/ (embedded in the binary, or a folder the user corrected).

use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::fold;
pub use crate::error::ReferenceError;
use crate::i18n::{Lang, core::Core};

/// The stage the dashboard and the stage screen always show, even at zero; its dates are the
/// campaign's, from which its pekan are counted.
pub const CAMPAIGN: &str = "KAMPANYE";

/// The embedded copies of assets/, so a bare host needs nothing beside the binary.
pub const REGIONS_CSV: &str = include_str!("../../assets/regions.csv");
/// See [`REGIONS_CSV`].
pub const STAGES_CSV: &str = include_str!("../../assets/stages.csv");
/// See [`REGIONS_CSV`].
pub const HOLIDAYS_CSV: &str = include_str!("../../assets/holidays.csv");
/// See [`REGIONS_CSV`].
pub const METHODS_CSV: &str = include_str!("../../assets/campaign_methods.csv");

/// One handling office: the provincial office or a kabupaten/kota.
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
    /// for the provincial office.
    pub fn display_name(&self, lang: Lang) -> String {
        if self.kind == "provinsi" {
            return Core::Province {
                short: &self.short_name,
            }
            .text(lang);
        }
        self.name
            .trim_start_matches("Kabupaten ")
            .trim_start_matches("Kota ")
            .to_string()
    }
}

/// One stage (tahapan) of the election calendar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    pub code: String,
    pub name_id: String,
    pub name_en: String,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub position: i64,
    /// The short label in Indonesian (`Kampanye`), for narrow columns and panels; empty: the name.
    #[serde(default)]
    pub short_id: String,
    /// The short label in English (`Campaign`); empty: the name.
    #[serde(default)]
    pub short_en: String,
}

impl Stage {
    /// The stage's name in `lang`: the column of stages.csv for that language (data the
    /// reference file gives, not a message of pantau's).
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.name_id,
            Lang::En => &self.name_en,
        }
    }

    /// The stage's short label in `lang` (`Kampanye`, `Voting day`): what a case list or a panel
    /// shows, never the code; the name when the reference data gives no short label.
    pub fn short(&self, lang: Lang) -> &str {
        let short = match lang {
            Lang::Id => &self.short_id,
            Lang::En => &self.short_en,
        };
        if short.trim().is_empty() {
            self.name(lang)
        } else {
            short
        }
    }
}

/// One way of campaigning the office counts activities by (tatap muka, pertemuan terbatas, ...):
/// reference data, since each election has its own list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignMethod {
    pub code: String,
    pub name_id: String,
    pub name_en: String,
    pub position: i64,
}

impl CampaignMethod {
    /// The method's name in `lang` (data the reference file gives).
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.name_id,
            Lang::En => &self.name_en,
        }
    }
}

/// One national holiday or collective leave day (cuti bersama).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: String,
    pub kind: String,
}

/// All reference data, in display order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    pub regions: Vec<Region>,
    pub stages: Vec<Stage>,
    pub holidays: Vec<Holiday>,
    /// The campaign methods activities are counted by, in display order.
    pub methods: Vec<CampaignMethod>,
}

/// Parses and checks `campaign_methods.csv`: codes unique, at least one method.
fn parse_methods(text: &str) -> Result<Vec<CampaignMethod>, ReferenceError> {
    let mut methods: Vec<CampaignMethod> = parse_csv("campaign_methods.csv", text)?;
    methods.sort_by_key(|m| m.position);
    for (i, m) in methods.iter().enumerate() {
        if methods[..i].iter().any(|o| fold(&o.code) == fold(&m.code)) {
            return Err(ReferenceError::new(
                "campaign_methods.csv",
                0,
                &Core::MethodTwice { code: &m.code },
            ));
        }
    }
    if methods.is_empty() {
        return Err(ReferenceError::new(
            "campaign_methods.csv",
            0,
            &Core::NoMethods,
        ));
    }
    Ok(methods)
}

fn parse_csv<T: for<'de> Deserialize<'de>>(
    file: &str,
    text: &str,
) -> Result<Vec<T>, ReferenceError> {
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let mut out = Vec::new();
    for rec in rdr.deserialize() {
        let row: T = rec.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            let why = e.to_string();
            ReferenceError::new(file, line, &Core::ReferenceUnreadable { why: &why })
        })?;
        out.push(row);
    }
    Ok(out)
}

impl Reference {
    /// The reference data embedded in the binary.
    pub fn embedded() -> Reference {
        // The embedded files are checked by the tests below, so this cannot fail at run time.
        Reference::parse(REGIONS_CSV, STAGES_CSV, HOLIDAYS_CSV)
            .expect("embedded reference data is valid")
    }

    /// Reads `regions.csv`, `stages.csv` and `holidays.csv` from a folder, and
    /// `campaign_methods.csv` if the folder has one (else the embedded list).
    pub fn from_dir(dir: &Path) -> Result<Reference, ReferenceError> {
        let read = |name: &str| {
            let p = dir.join(name);
            crate::fsread::read_to_string(&p, crate::fsread::REFERENCE).map_err(|e| {
                ReferenceError {
                    file: p.display().to_string(),
                    line: 0,
                    message: e.reason(Lang::En),
                    message_id: e.reason(Lang::Id),
                }
            })
        };
        let mut r = Reference::parse(
            &read("regions.csv")?,
            &read("stages.csv")?,
            &read("holidays.csv")?,
        )?;
        if dir.join("campaign_methods.csv").exists() {
            r.methods = parse_methods(&read("campaign_methods.csv")?)?;
        }
        Ok(r)
    }

    /// Parses and checks the three files.
    pub fn parse(regions: &str, stages: &str, holidays: &str) -> Result<Reference, ReferenceError> {
        let mut regions: Vec<Region> = parse_csv("regions.csv", regions)?;
        let mut stages: Vec<Stage> = parse_csv("stages.csv", stages)?;
        let mut holidays: Vec<Holiday> = parse_csv("holidays.csv", holidays)?;
        regions.sort_by_key(|r| r.position);
        stages.sort_by_key(|s| s.position);
        holidays.sort_by_key(|h| h.date);
        let fail = |file: &str, m: Core<'_>| ReferenceError::new(file, 0, &m);
        for (i, r) in regions.iter().enumerate() {
            if regions[..i]
                .iter()
                .any(|o| o.code == r.code || fold(&o.short_name) == fold(&r.short_name))
            {
                return Err(fail(
                    "regions.csv",
                    Core::RegionTwice {
                        code: &r.code,
                        short: &r.short_name,
                    },
                ));
            }
            if !["provinsi", "kabupaten", "kota"].contains(&r.kind.as_str()) {
                return Err(fail("regions.csv", Core::RegionKind { code: &r.code }));
            }
        }
        for (i, s) in stages.iter().enumerate() {
            if stages[..i].iter().any(|o| o.code == s.code) {
                return Err(fail("stages.csv", Core::StageTwice { code: &s.code }));
            }
        }
        Ok(Reference {
            regions,
            stages,
            holidays,
            methods: parse_methods(METHODS_CSV)?,
        })
    }

    /// The campaign method with exactly this code.
    pub fn method(&self, code: &str) -> Option<&CampaignMethod> {
        self.methods.iter().find(|m| m.code == code)
    }

    /// The campaign method whose code or name (in either language) matches `text`, as
    /// [`fold`] compares them.
    pub fn find_method(&self, text: &str) -> Option<&CampaignMethod> {
        let want = fold(text);
        self.methods
            .iter()
            .find(|m| fold(&m.code) == want || fold(&m.name_id) == want || fold(&m.name_en) == want)
    }

    /// The region with exactly this code.
    pub fn region(&self, code: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.code == code)
    }

    /// The campaign: the campaign stage's first and last day, if it has both. Its pekan are
    /// counted from its first day.
    pub fn campaign_period(&self) -> Option<crate::domain::pekan::CampaignPeriod> {
        let stage = self.stage(CAMPAIGN)?;
        crate::domain::pekan::CampaignPeriod::new(stage.starts_on?, stage.ends_on?)
    }

    /// The stage with exactly this code.
    pub fn stage(&self, code: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.code == code)
    }

    /// The region whose code, short name or name (with or without "Kabupaten"/"Kota") matches `text`,
    /// ignoring case: `kukar`, `64.02`, `Kutai Kartanegara`.
    pub fn find_region(&self, text: &str) -> Option<&Region> {
        let want = fold(text);
        self.regions.iter().find(|r| region_keys(r).contains(&want))
    }

    /// The stage whose code or name in either language matches `text`, ignoring case.
    pub fn find_stage(&self, text: &str) -> Option<&Stage> {
        let want = fold(text);
        self.stages
            .iter()
            .find(|s| fold(&s.code) == want || fold(&s.name_id) == want || fold(&s.name_en) == want)
    }

    /// The region nearest to a misspelt `text`, for "did you mean" messages.
    pub fn suggest_region(&self, text: &str) -> Option<&Region> {
        let want = fold(text);
        self.regions
            .iter()
            .map(|r| {
                (
                    region_keys(r)
                        .iter()
                        .map(|k| strsim::levenshtein(k, &want))
                        .min()
                        .unwrap_or(usize::MAX),
                    r,
                )
            })
            .filter(|(d, _)| *d <= (want.len() / 3).max(1) && *d < want.len())
            .min_by_key(|(d, _)| *d)
            .map(|(_, r)| r)
    }

    /// The stage nearest to a misspelt `text`.
    pub fn suggest_stage(&self, text: &str) -> Option<&Stage> {
        let want = fold(text);
        self.stages
            .iter()
            .map(|s| {
                (
                    strsim::levenshtein(&fold(&s.code), &want)
                        .min(strsim::levenshtein(&fold(&s.name_id), &want)),
                    s,
                )
            })
            .filter(|(d, _)| *d <= (want.len() / 3).max(1) && *d < want.len())
            .min_by_key(|(d, _)| *d)
            .map(|(_, s)| s)
    }

    /// Whether `day` is a national holiday or collective leave day.
    pub fn is_holiday(&self, day: NaiveDate) -> bool {
        self.holidays.binary_search_by_key(&day, |h| h.date).is_ok()
    }
}

fn region_keys(r: &Region) -> Vec<String> {
    let short = r
        .name
        .trim_start_matches("Kabupaten ")
        .trim_start_matches("Kota ")
        .trim_start_matches("Provinsi ");
    vec![
        fold(&r.code),
        fold(&r.short_name),
        fold(&r.name),
        fold(short),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_reference_is_complete() {
        let r = Reference::embedded();
        assert_eq!(r.regions.len(), 11);
        assert_eq!(r.stages.len(), 13);
        assert_eq!(r.regions[0].code, "64");
        assert_eq!(r.regions.iter().filter(|r| r.kind == "kota").count(), 3);
        let kampanye = r.stage("KAMPANYE").unwrap();
        assert_eq!(kampanye.starts_on, NaiveDate::from_ymd_opt(2023, 11, 28));
        assert_eq!(kampanye.ends_on, NaiveDate::from_ymd_opt(2024, 2, 10));
        assert!(r.holidays.len() > 50);
        assert!(r.is_holiday(NaiveDate::from_ymd_opt(2024, 2, 14).unwrap()));
    }

    #[test]
    fn every_stage_has_a_short_label_that_is_not_its_code() {
        let r = Reference::embedded();
        for s in &r.stages {
            for lang in [Lang::Id, Lang::En] {
                let short = s.short(lang);
                assert!(!short.is_empty() && short != s.code, "{}", s.code);
                assert!(crate::text::width(short) <= 12, "{short}");
            }
        }
        assert_eq!(
            r.stage("PUNGUT_HITUNG").unwrap().short(Lang::En),
            "Voting day"
        );
        // A corrected file without the short labels still loads; the names stand in.
        let old: String = STAGES_CSV
            .lines()
            .map(|l| {
                let mut fields: Vec<&str> = l.rsplitn(3, ',').collect();
                fields.drain(..2);
                fields.concat() + "\n"
            })
            .collect();
        let r = Reference::parse(REGIONS_CSV, &old, HOLIDAYS_CSV).unwrap();
        let kampanye = r.stage("KAMPANYE").unwrap();
        assert_eq!(kampanye.short(Lang::Id), "Masa kampanye");
    }

    #[test]
    fn regions_are_found_by_code_short_name_and_name() {
        let r = Reference::embedded();
        assert_eq!(r.find_region("kukar").unwrap().code, "64.02");
        assert_eq!(r.find_region("64.02").unwrap().code, "64.02");
        assert_eq!(r.find_region("Kutai Kartanegara").unwrap().code, "64.02");
        assert_eq!(
            r.find_region("kabupaten kutai kartanegara").unwrap().code,
            "64.02"
        );
        assert_eq!(r.find_region("SAMARINDA").unwrap().code, "64.72");
        assert!(r.find_region("jakarta").is_none());
        assert_eq!(r.suggest_region("samarindah").unwrap().code, "64.72");
        assert_eq!(r.find_stage("kampanye").unwrap().code, "KAMPANYE");
        assert_eq!(r.find_stage("Masa kampanye").unwrap().code, "KAMPANYE");
        assert_eq!(r.suggest_stage("kampanya").unwrap().code, "KAMPANYE");
    }

    #[test]
    fn a_duplicate_region_is_refused_naming_the_file() {
        let regions = format!("{REGIONS_CSV}64.99,Kota Lain,Kukar,kota,64,1,12\n");
        let err = Reference::parse(&regions, STAGES_CSV, HOLIDAYS_CSV).unwrap_err();
        assert!(err.to_string().contains("regions.csv"), "{err}");
    }
}
