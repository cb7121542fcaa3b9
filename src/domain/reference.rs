//! Reference data: the regions (Kemendagri codes), the elections (each with its stages, campaign
//! methods, contests and limits) and the holidays, read from the files in assets/ (embedded in the
//! binary, or a folder the user corrected).

use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use crate::domain::election::{CampaignMethod, Stage};
use crate::domain::election::{Election, FIRST_ELECTION, parse_csv, parse_methods};
use crate::domain::fold;
pub use crate::error::ReferenceError;
use crate::i18n::election::ElectionMsg;
use crate::i18n::{Lang, core::Core};

/// The stage the dashboard and the stage screen always show, even at zero; its dates are the
/// campaign's, from which its pekan are counted.
pub const CAMPAIGN: &str = "KAMPANYE";

/// The embedded copies of assets/, so a bare host needs nothing beside the binary.
pub const REGIONS_CSV: &str = include_str!("../../assets/regions.csv");
/// Pemilu 2024's stages (see [`REGIONS_CSV`]).
pub const STAGES_CSV: &str = include_str!("../../assets/elections/PEMILU2024/stages.csv");
/// See [`REGIONS_CSV`].
pub const HOLIDAYS_CSV: &str = include_str!("../../assets/holidays.csv");
/// Pemilu 2024's campaign methods (see [`REGIONS_CSV`]).
pub const METHODS_CSV: &str =
    include_str!("../../assets/elections/PEMILU2024/campaign_methods.csv");

pub use crate::domain::wilayah::Region;

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
    /// The handling offices above the kecamatan, in display order: a province's own office
    /// first and its kabupaten/kota (a province's database); Bawaslu RI, then each province
    /// followed by its kabupaten/kota (a national database).
    pub regions: Vec<Region>,
    /// The kecamatan of the kabupaten/kota of `regions`, by code (kind `kecamatan`; each is
    /// also a possible handling office, a Panwaslu Kecamatan).
    pub kecamatan: Vec<Region>,
    /// The kelurahan/desa of those kecamatan, by code.
    pub desa: Vec<crate::domain::wilayah::Desa>,
    /// Pemilu 2024's stages (the stages of [`Reference::primary`]), as every screen and command
    /// read them before elections were data.
    pub stages: Vec<Stage>,
    pub holidays: Vec<Holiday>,
    /// The campaign methods of [`Reference::primary`], in display order.
    pub methods: Vec<CampaignMethod>,
    /// Every election, by voting day.
    pub elections: Vec<Election>,
}

impl Reference {
    /// The reference data embedded in the binary.
    pub fn embedded() -> Reference {
        static EMBEDDED: std::sync::OnceLock<Reference> = std::sync::OnceLock::new();
        EMBEDDED
            .get_or_init(|| {
                // The embedded files are checked by the tests below, so this cannot fail at run
                // time.
                Reference::parse(REGIONS_CSV, STAGES_CSV, HOLIDAYS_CSV)
                    .expect("embedded reference data is valid")
            })
            .clone()
    }

    /// Reads `regions.csv` and `holidays.csv` from a folder, and every election of its folder
    /// `elections/` (`elections/CODE/election.toml`, `stages.csv`, `campaign_methods.csv`,
    /// `contests.csv`). A folder laid out as before elections were data (`stages.csv`, and
    /// perhaps `campaign_methods.csv`, beside `regions.csv`) corrects Pemilu 2024's stages and
    /// methods; the other shipped elections come from the binary.
    pub fn from_dir(dir: &Path) -> Result<Reference, ReferenceError> {
        let regions = read_file(&dir.join("regions.csv"))?;
        let holidays = read_file(&dir.join("holidays.csv"))?;
        let folder = dir.join("elections");
        if folder.is_dir() {
            if dir.join("stages.csv").exists() {
                return Err(election_error(
                    &dir.join("stages.csv").display().to_string(),
                    ElectionMsg::StagesBesideElections,
                ));
            }
            let mut elections = Vec::new();
            let mut subs: Vec<std::path::PathBuf> = std::fs::read_dir(&folder)
                .map_err(|e| unreadable(&folder, &e.to_string()))?
                .filter_map(|d| d.ok().map(|d| d.path()))
                .filter(|p| p.join(crate::domain::election::FILES[0]).is_file())
                .collect();
            subs.sort();
            for sub in subs {
                elections.push(Election::from_dir(&sub)?);
            }
            return Reference::assemble(
                parse_regions(&regions)?,
                parse_holidays(&holidays)?,
                elections,
            );
        }
        let stages = read_file(&dir.join("stages.csv"))?;
        let mut r = Reference::parse(&regions, &stages, &holidays)?;
        if dir.join("campaign_methods.csv").exists() {
            let methods = parse_methods(
                "campaign_methods.csv",
                &read_file(&dir.join("campaign_methods.csv"))?,
            )?;
            if let Some(e) = r.elections.iter_mut().find(|e| e.code == FIRST_ELECTION) {
                e.methods = methods;
            }
            r = Reference::assemble(r.regions, r.holidays, r.elections)?;
        }
        Ok(r)
    }

    /// Parses and checks regions, Pemilu 2024's stages and the holidays; the elections are the
    /// shipped ones, Pemilu 2024's stages those given.
    pub fn parse(regions: &str, stages: &str, holidays: &str) -> Result<Reference, ReferenceError> {
        let regions = parse_regions(regions)?;
        let holidays = parse_holidays(holidays)?;
        let mut elections = Vec::new();
        for (folder, files) in crate::domain::election::EMBEDDED {
            let mut files = *files;
            if *folder == FIRST_ELECTION {
                files[1] = stages;
            }
            elections.push(Election::parse(folder, files)?);
        }
        Reference::assemble(regions, holidays, elections)
    }

    /// The reference data of these parts, checked together: election codes unique, every
    /// contest's region known. The elections are put in order of voting day.
    pub fn assemble(
        regions: Vec<Region>,
        holidays: Vec<Holiday>,
        mut elections: Vec<Election>,
    ) -> Result<Reference, ReferenceError> {
        elections.sort_by(|a, b| (a.voting_day, &a.code).cmp(&(b.voting_day, &b.code)));
        for (i, e) in elections.iter().enumerate() {
            if elections[..i].iter().any(|o| o.code == e.code) {
                return Err(election_error(
                    &e.code,
                    ElectionMsg::ElectionTwice { code: &e.code },
                ));
            }
            for c in &e.contests {
                if let Some(region) = &c.region
                    && !regions.iter().any(|r| &r.code == region)
                {
                    return Err(election_error(
                        &format!("{}/contests.csv", e.code),
                        ElectionMsg::ContestRegion {
                            code: &c.code,
                            region,
                        },
                    ));
                }
            }
        }
        let Some(primary) = elections
            .iter()
            .find(|e| e.code == FIRST_ELECTION)
            .or_else(|| elections.first())
        else {
            return Err(election_error("elections", ElectionMsg::NoElections));
        };
        let (kecamatan, desa) = tree_below(&regions);
        Ok(Reference {
            stages: primary.stages.clone(),
            methods: primary.methods.clone(),
            regions,
            kecamatan,
            desa,
            holidays,
            elections,
        })
    }

    /// The reference data of a province's database: its office and kabupaten/kota from the
    /// region tree (Kalimantan Timur's with its hand-made short names and order), the shipped
    /// elections and holidays. `None` for a code the tree lacks.
    pub fn for_province(code: &str) -> Option<Reference> {
        let base = Reference::embedded();
        if base.regions.first().is_some_and(|r| r.code == code) {
            return Some(base);
        }
        let regions = crate::domain::wilayah::province_regions(code)?;
        // The shipped elections' contests of another province's regions (Pilkada 2024's are
        // Kaltim's races) are not this database's: its cases of those elections have none.
        let elections = base
            .elections
            .into_iter()
            .map(|mut e| {
                e.contests.retain(|c| {
                    c.region
                        .as_ref()
                        .is_none_or(|r| regions.iter().any(|x| &x.code == r))
                });
                e
            })
            .collect();
        Reference::assemble(regions, base.holidays, elections).ok()
    }

    /// The reference data of a national database: Bawaslu RI, the 38 provinces and 514
    /// kabupaten/kota with their kecamatan and kelurahan/desa.
    pub fn national() -> Reference {
        let base = Reference::embedded();
        let regions = crate::domain::wilayah::national_regions();
        // The shipped elections' contests name Kaltim's regions, which the national tree holds.
        Reference::assemble(regions, base.holidays.clone(), base.elections.clone()).unwrap_or(base)
    }

    /// The region at the top of the database's tree: the province of a province's database,
    /// Bawaslu RI of a national one.
    pub fn root(&self) -> Option<&Region> {
        self.regions.iter().find(|r| r.parent_code.is_none())
    }

    /// Whether this is a national database (its root is Bawaslu RI).
    pub fn is_national(&self) -> bool {
        self.root().is_some_and(|r| r.kind == "nasional")
    }

    /// The kecamatan with exactly this code.
    pub fn kecamatan(&self, code: &str) -> Option<&Region> {
        self.kecamatan
            .binary_search_by(|k| k.code.as_str().cmp(code))
            .ok()
            .map(|i| &self.kecamatan[i])
    }

    /// The kecamatan under a region (a kabupaten/kota's own; every kecamatan of a province for
    /// the provincial office; all of them for Bawaslu RI), by code.
    pub fn kecamatan_in(&self, region: &str) -> &[Region] {
        if region == crate::domain::wilayah::RI {
            return &self.kecamatan;
        }
        let prefix = format!("{region}.");
        let start = self
            .kecamatan
            .partition_point(|k| k.code.as_str() < prefix.as_str());
        let len = self.kecamatan[start..]
            .iter()
            .take_while(|k| k.code.starts_with(&prefix))
            .count();
        &self.kecamatan[start..start + len]
    }

    /// The kelurahan/desa with exactly this code.
    pub fn desa(&self, code: &str) -> Option<&crate::domain::wilayah::Desa> {
        self.desa
            .binary_search_by(|d| d.code.as_str().cmp(code))
            .ok()
            .map(|i| &self.desa[i])
    }

    /// The kelurahan/desa under a region or kecamatan, by code.
    pub fn desa_in(&self, code: &str) -> &[crate::domain::wilayah::Desa] {
        if code == crate::domain::wilayah::RI {
            return &self.desa;
        }
        let prefix = format!("{code}.");
        let start = self
            .desa
            .partition_point(|d| d.code.as_str() < prefix.as_str());
        let len = self.desa[start..]
            .iter()
            .take_while(|d| d.code.starts_with(&prefix))
            .count();
        &self.desa[start..start + len]
    }

    /// The handling office of this code: a region of `regions` or a kecamatan (a Panwaslu
    /// Kecamatan).
    pub fn office(&self, code: &str) -> Option<&Region> {
        self.region(code).or_else(|| self.kecamatan(code))
    }

    /// The region of the dashboard's table an office's cases are counted under: a Panwaslu
    /// Kecamatan's under its kabupaten/kota, any other office under itself.
    pub fn handling_region<'a>(&'a self, office: &'a str) -> &'a str {
        match self.kecamatan(office) {
            Some(k) => k.parent_code.as_deref().unwrap_or(office),
            None => office,
        }
    }

    /// The province of an office or place code (`64` of `64.72.01`); `None` for Bawaslu RI.
    pub fn province_of(code: &str) -> Option<&str> {
        (code != crate::domain::wilayah::RI).then(|| code.split('.').next().unwrap_or(code))
    }

    /// The election whose stages and methods [`Reference::stages`] and [`Reference::methods`]
    /// hold: Pemilu 2024 where it is known, else the earliest (`None` only for reference data
    /// built by hand without elections).
    pub fn primary(&self) -> Option<&Election> {
        self.election(FIRST_ELECTION)
            .or_else(|| self.elections.first())
    }

    /// The election a view without an election term is of, on `as_of`, among the elections
    /// `held` names (the codes of the elections the database holds cases of; when it names none
    /// this reference knows, among every election): the one whose period ([`Election::period`])
    /// holds the date (when several do, the one voting soonest on or after it, else the one that
    /// voted last), else the latest by voting day. An office whose database holds Pemilu 2024's
    /// cases alone thus never opens on an empty Pilkada. `None` only without elections. Callers
    /// ask [`crate::view::elections_in_view`], which applies this rule to a view.
    pub fn default_election(&self, as_of: NaiveDate, held: &[String]) -> Option<&Election> {
        let candidates: Vec<&Election> = if self.elections.iter().any(|e| held.contains(&e.code)) {
            self.elections
                .iter()
                .filter(|e| held.contains(&e.code))
                .collect()
        } else {
            self.elections.iter().collect()
        };
        let holding: Vec<&Election> = candidates
            .iter()
            .copied()
            .filter(|e| e.period().is_some_and(|(a, b)| a <= as_of && as_of <= b))
            .collect();
        holding
            .iter()
            .filter(|e| e.voting_day >= as_of)
            .min_by_key(|e| e.voting_day)
            .or_else(|| holding.iter().max_by_key(|e| e.voting_day))
            .copied()
            .or_else(|| candidates.iter().copied().max_by_key(|e| e.voting_day))
    }

    /// Every stage code of every election, each once: the elections by voting day, each's stages
    /// in display order. A stage term (`tahapan:kampanye`) names the stage of that code in each
    /// election in view, so its codes are checked against these.
    pub fn stage_codes(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for s in self.elections.iter().flat_map(|e| &e.stages) {
            if !out.contains(&s.code.as_str()) {
                out.push(&s.code);
            }
        }
        // Reference data built by hand without elections still has its stages.
        for s in &self.stages {
            if !out.contains(&s.code.as_str()) {
                out.push(&s.code);
            }
        }
        out
    }

    /// Every stage of every election (Pemilu 2024's first where the same code is in several).
    fn every_stage(&self) -> impl Iterator<Item = &Stage> {
        self.stages
            .iter()
            .chain(self.elections.iter().flat_map(|e| &e.stages))
    }

    /// The stage of any election whose code or name in either language matches `text`, ignoring
    /// case (see [`Reference::stage_codes`]).
    pub fn find_any_stage(&self, text: &str) -> Option<&Stage> {
        let want = fold(text);
        self.every_stage()
            .find(|s| fold(&s.code) == want || fold(&s.name_id) == want || fold(&s.name_en) == want)
    }

    /// The stage of any election nearest to a misspelt `text`.
    pub fn suggest_any_stage(&self, text: &str) -> Option<&Stage> {
        nearest_of(self.every_stage(), text, |s| [&s.code, &s.name_id])
    }

    /// Every contest code of every election, each once: the elections by voting day, each's
    /// contests in display order. A contest term names the race of that code in each election in
    /// view.
    pub fn contest_codes(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for c in self.elections.iter().flat_map(|e| &e.contests) {
            if !out.contains(&c.code.as_str()) {
                out.push(&c.code);
            }
        }
        out
    }

    /// The contest of any election whose code or name in either language matches `text`,
    /// ignoring case and spacing: `gubernur`, `"Mayor of Samarinda (a single pair against the
    /// empty box)"`.
    pub fn find_contest(&self, text: &str) -> Option<&crate::domain::election::Contest> {
        let want = fold(text);
        self.elections
            .iter()
            .flat_map(|e| &e.contests)
            .find(|c| fold(&c.code) == want || fold(&c.name_id) == want || fold(&c.name_en) == want)
    }

    /// The contest of any election nearest to a misspelt `text`.
    pub fn suggest_contest(&self, text: &str) -> Option<&crate::domain::election::Contest> {
        nearest_of(self.elections.iter().flat_map(|e| &e.contests), text, |c| {
            [&c.code, &c.name_en]
        })
    }

    /// The election with exactly this code.
    pub fn election(&self, code: &str) -> Option<&Election> {
        self.elections.iter().find(|e| e.code == code)
    }

    /// The election whose code or name in either language matches `text`, ignoring case:
    /// `pilkada2024`, `Pilkada 2024`.
    pub fn find_election(&self, text: &str) -> Option<&Election> {
        let want = fold(text);
        self.elections
            .iter()
            .find(|e| fold(&e.code) == want || fold(&e.name_id) == want || fold(&e.name_en) == want)
    }

    /// The election nearest to a misspelt `text`: by its code or either name, whole or without
    /// the year (`pilkda` is Pilkada 2024 when the database holds one Pilkada); none when two
    /// are equally near (`pilkada` with Pilkada 2024 and 2029: the list of choices says more).
    pub fn suggest_election(&self, text: &str) -> Option<&Election> {
        let want = fold(text);
        let yearless = |t: &str| {
            let f = fold(t);
            f.trim_end_matches(|c: char| c.is_ascii_digit()).to_string()
        };
        let near: Vec<(usize, &Election)> = self
            .elections
            .iter()
            .map(|e| {
                let d = [&e.code, &e.name_id, &e.name_en]
                    .into_iter()
                    .flat_map(|n| [fold(n), yearless(n)])
                    .filter(|k| !k.is_empty())
                    .map(|k| strsim::levenshtein(&k, &want))
                    .min()
                    .unwrap_or(usize::MAX);
                (d, e)
            })
            .filter(|(d, _)| *d <= (want.len() / 3).max(1) && *d < want.len())
            .collect();
        let best = near.iter().map(|(d, _)| *d).min()?;
        match near.iter().filter(|(d, _)| *d == best).collect::<Vec<_>>()[..] {
            [(_, e)] => Some(e),
            _ => None,
        }
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

/// The kecamatan and kelurahan/desa below the kabupaten/kota of `regions`, from the embedded
/// region tree.
pub fn tree_below(regions: &[Region]) -> (Vec<Region>, Vec<crate::domain::wilayah::Desa>) {
    let regencies: Vec<&str> = regions
        .iter()
        .filter(|r| r.kind == "kabupaten" || r.kind == "kota")
        .map(|r| r.code.as_str())
        .collect();
    let kecamatan = crate::domain::wilayah::kecamatan_of(&regencies);
    let codes: Vec<&str> = kecamatan.iter().map(|k| k.code.as_str()).collect();
    let desa = crate::domain::wilayah::desa_of(&codes);
    (kecamatan, desa)
}

/// Reads one reference file, bounded; an error names it.
pub(crate) fn read_file(p: &Path) -> Result<String, ReferenceError> {
    crate::fsread::read_to_string(p, crate::fsread::REFERENCE).map_err(|e| ReferenceError {
        file: p.display().to_string(),
        line: 0,
        message: e.reason(Lang::En),
        message_id: e.reason(Lang::Id),
    })
}

fn unreadable(p: &Path, why: &str) -> ReferenceError {
    ReferenceError::new(
        p.display().to_string(),
        0,
        &Core::ReferenceUnreadable { why },
    )
}

fn election_error(file: &str, m: ElectionMsg<'_>) -> ReferenceError {
    ReferenceError {
        file: file.to_string(),
        line: 0,
        message: m.text(Lang::En),
        message_id: m.text(Lang::Id),
    }
}

/// Parses and checks `regions.csv`: codes and short names unique, kinds known.
fn parse_regions(text: &str) -> Result<Vec<Region>, ReferenceError> {
    let mut regions: Vec<Region> = parse_csv(
        "regions.csv",
        text,
        &[
            "code",
            "name",
            "short_name",
            "kind",
            "kecamatan_count",
            "position",
        ],
    )?;
    regions.sort_by_key(|r| r.position);
    let fail = |m: Core<'_>| ReferenceError::new("regions.csv", 0, &m);
    for (i, r) in regions.iter().enumerate() {
        if regions[..i]
            .iter()
            .any(|o| o.code == r.code || fold(&o.short_name) == fold(&r.short_name))
        {
            return Err(fail(Core::RegionTwice {
                code: &r.code,
                short: &r.short_name,
            }));
        }
        if !["nasional", "provinsi", "kabupaten", "kota"].contains(&r.kind.as_str()) {
            return Err(fail(Core::RegionKind { code: &r.code }));
        }
    }
    Ok(regions)
}

/// Parses `holidays.csv`, by date.
fn parse_holidays(text: &str) -> Result<Vec<Holiday>, ReferenceError> {
    let mut holidays: Vec<Holiday> = parse_csv("holidays.csv", text, &["date", "name", "kind"])?;
    holidays.sort_by_key(|h| h.date);
    Ok(holidays)
}

impl Election {
    /// Reads an election from its folder (named by its code) of four files.
    pub fn from_dir(dir: &Path) -> Result<Election, ReferenceError> {
        let toml = crate::domain::election::FILES[0];
        if dir.is_dir() && !dir.join(toml).exists() {
            // The folder holding the elections' folders (`../ex` with PEMILU2029/ inside):
            // say which are elections and how to name them, not that election.toml is missing.
            let mut subs: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
                .map(|d| {
                    d.filter_map(|d| d.ok().map(|d| d.path()))
                        .filter(|p| p.join(toml).is_file())
                        .collect()
                })
                .unwrap_or_default();
            subs.sort();
            if !subs.is_empty() {
                let name = |p: &std::path::PathBuf| {
                    p.file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default()
                };
                let codes: Vec<String> = subs.iter().map(name).collect();
                let flags: Vec<String> = subs
                    .iter()
                    .map(|p| format!("--election {}", p.display()))
                    .collect();
                return Err(election_error(
                    &dir.display().to_string(),
                    ElectionMsg::FolderOfElections {
                        codes: &codes.join(", "),
                        flags: &flags.join(" "),
                    },
                ));
            }
        }
        let texts = crate::domain::election::FILES
            .iter()
            .map(|f| read_file(&dir.join(f)))
            .collect::<Result<Vec<_>, _>>()?;
        let folder = dir.display().to_string();
        Election::parse(&folder, [&texts[0], &texts[1], &texts[2], &texts[3]])
    }
}

/// The item nearest to a misspelt `text` by any of its `names` (folded, by edit distance: at most
/// one edit in three characters, and fewer edits than characters).
fn nearest_of<'a, T: 'a>(
    items: impl Iterator<Item = &'a T>,
    text: &str,
    names: impl Fn(&'a T) -> [&'a String; 2],
) -> Option<&'a T> {
    let want = fold(text);
    items
        .map(|x| {
            let d = names(x)
                .iter()
                .map(|n| strsim::levenshtein(&fold(n), &want))
                .min()
                .unwrap_or(usize::MAX);
            (d, x)
        })
        .filter(|(d, _)| *d <= (want.len() / 3).max(1) && *d < want.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, x)| x)
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
    #[test]
    fn an_election_misspelt_without_its_year_is_suggested_unless_two_are_as_near() {
        let r = Reference::embedded();
        let code = |t: &str| r.suggest_election(t).map(|e| e.code.as_str());
        assert_eq!(code("pilkda"), Some("PILKADA2024"));
        assert_eq!(code("pemlu"), Some("PEMILU2024"));
        assert_eq!(code("pilkada2042"), Some("PILKADA2024"));
        assert_eq!(code("dprd"), None);
        let mut later = r.election("PILKADA2024").unwrap().clone();
        later.code = "PILKADA2029".into();
        later.name_id = "Pilkada 2029".into();
        later.name_en = "2029 Regional Head Elections".into();
        let mut two = r.clone();
        two.elections.push(later);
        assert_eq!(
            two.suggest_election("pilkda").map(|e| e.code.as_str()),
            None
        );
        assert_eq!(
            two.suggest_election("pilkda2029").map(|e| e.code.as_str()),
            Some("PILKADA2029")
        );
    }

    #[test]
    fn the_default_election_is_the_one_whose_period_holds_the_date_else_the_latest() {
        let r = Reference::embedded();
        let on = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let both = ["PEMILU2024".to_string(), "PILKADA2024".to_string()];
        let code = |d| r.default_election(d, &both).map(|e| e.code.as_str());
        // Pemilu 2024's period alone holds the campaign of 2023-24.
        assert_eq!(code(on(2024, 2, 2)), Some("PEMILU2024"));
        assert_eq!(code(on(2023, 1, 10)), Some("PEMILU2024"));
        // From May 2024 both periods hold: the one voting next is Pilkada's.
        assert_eq!(code(on(2024, 6, 1)), Some("PILKADA2024"));
        assert_eq!(code(on(2024, 11, 27)), Some("PILKADA2024"));
        // After every period: the latest.
        assert_eq!(code(on(2025, 1, 21)), Some("PILKADA2024"));
        assert_eq!(code(on(2026, 12, 2)), Some("PILKADA2024"));
        // Before every period: the latest too.
        assert_eq!(code(on(2020, 1, 1)), Some("PILKADA2024"));
        // A database without cases chooses among every election, as one holding both does.
        for d in [on(2024, 2, 2), on(2024, 6, 1), on(2026, 12, 2)] {
            assert_eq!(r.default_election(d, &[]), r.default_election(d, &both));
        }
    }

    #[test]
    fn the_default_election_is_one_the_database_holds_cases_of() {
        let r = Reference::embedded();
        let on = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let pemilu = ["PEMILU2024".to_string()];
        let pilkada = ["PILKADA2024".to_string()];
        for d in [
            on(2020, 1, 1),
            on(2024, 2, 2),
            on(2024, 6, 1),
            on(2026, 12, 2),
        ] {
            let of = |held: &[String]| r.default_election(d, held).map(|e| e.code.clone());
            assert_eq!(of(&pemilu).as_deref(), Some("PEMILU2024"), "{d}");
            assert_eq!(of(&pilkada).as_deref(), Some("PILKADA2024"), "{d}");
        }
        // Codes this reference does not know are no choice: every election is.
        let unknown = ["PEMILU2099".to_string()];
        assert_eq!(
            r.default_election(on(2024, 2, 2), &unknown)
                .map(|e| e.code.as_str()),
            Some("PEMILU2024")
        );
    }

    #[test]
    fn stages_and_contests_are_found_in_every_election() {
        let r = Reference::embedded();
        // Pemilu 2024's stages first, then those only Pilkada 2024 has.
        let codes = r.stage_codes();
        assert_eq!(
            &codes[..13],
            &r.stages.iter().map(|s| s.code.as_str()).collect::<Vec<_>>()[..]
        );
        assert!(codes.contains(&"DUKUNGAN_PERSEORANGAN"));
        assert_eq!(codes.iter().filter(|c| **c == "KAMPANYE").count(), 1);
        assert_eq!(
            r.find_any_stage("dukungan perseorangan")
                .map(|s| s.code.as_str()),
            Some("DUKUNGAN_PERSEORANGAN"),
            "case and spacing forgiven"
        );
        assert_eq!(
            r.find_any_stage("dukungan_perseorangan")
                .map(|s| s.code.as_str()),
            Some("DUKUNGAN_PERSEORANGAN")
        );
        assert_eq!(
            r.suggest_any_stage("dukungan_perorangan")
                .map(|s| s.code.as_str()),
            Some("DUKUNGAN_PERSEORANGAN")
        );
        assert_eq!(
            r.find_contest("gubernur").map(|c| c.code.as_str()),
            Some("GUBERNUR")
        );
        assert_eq!(
            r.find_contest("Mayor of Bontang").map(|c| c.code.as_str()),
            Some("WALIKOTA_BONTANG")
        );
        assert_eq!(r.find_contest("DPR").map(|c| c.code.as_str()), Some("DPR"));
        assert_eq!(
            r.suggest_contest("gubernr").map(|c| c.code.as_str()),
            Some("GUBERNUR")
        );
        assert_eq!(r.contest_codes().len(), 16);
    }

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

    #[test]
    fn the_assets_folder_reads_as_the_embedded_copies_and_the_old_layout_still_loads() {
        let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
        assert_eq!(Reference::from_dir(&assets).unwrap(), Reference::embedded());

        let old = tempfile::tempdir().unwrap();
        std::fs::write(old.path().join("regions.csv"), REGIONS_CSV).unwrap();
        std::fs::write(old.path().join("holidays.csv"), HOLIDAYS_CSV).unwrap();
        let stages = STAGES_CSV.replace("Masa kampanye,", "Masa kampanye (dikoreksi),");
        std::fs::write(old.path().join("stages.csv"), &stages).unwrap();
        let r = Reference::from_dir(old.path()).unwrap();
        assert_eq!(
            r.stage("KAMPANYE").unwrap().name_id,
            "Masa kampanye (dikoreksi)"
        );
        assert_eq!(r.elections.len(), 2, "Pilkada 2024 comes from the binary");
        assert_eq!(r.primary().unwrap().stages, r.stages);

        // Both layouts at once: which stages hold is not clear, so it is refused.
        let both = tempfile::tempdir().unwrap();
        std::fs::write(both.path().join("regions.csv"), REGIONS_CSV).unwrap();
        std::fs::write(both.path().join("holidays.csv"), HOLIDAYS_CSV).unwrap();
        std::fs::write(both.path().join("stages.csv"), STAGES_CSV).unwrap();
        std::fs::create_dir(both.path().join("elections")).unwrap();
        let e = Reference::from_dir(both.path()).unwrap_err();
        assert!(e.message.contains("elections/CODE/stages.csv"), "{e}");
    }
}
