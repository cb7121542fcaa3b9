//! Demo data: the Kaltim story of Pemilu 2024 and of Pilkada 2024 that reproduces the published
//! figures, and synthetic cases at scale. Builds cases in memory and writes them through the
//! store's write functions.

mod activity;
mod assemble;
mod followups;
mod history;
mod pilkada;
mod places;
mod story;
pub mod synthetic;
mod texts;
mod topics;
mod transfers;

use chrono::NaiveDateTime;
use fastrand::Rng;

use crate::domain::election::FIRST_ELECTION;
use crate::domain::{Case, FollowUp, Reference, StatusChange};
use crate::error::Result;
use crate::store::Store;
use crate::store::activities::ActivityRow;
use crate::store::write::NewBatch;

pub use synthetic::synthetic;

/// One demo case with its status history, oldest entry first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoCase {
    pub case: Case,
    pub history: Vec<StatusChange>,
    /// The steps after forwarding, by date.
    pub follow_ups: Vec<FollowUp>,
    /// Its transfers between offices (pelimpahan), oldest first.
    pub transfers: Vec<crate::store::offices::Transfer>,
}

/// The Kaltim demo data set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Demo {
    /// The seed it was made from.
    pub seed: u64,
    /// Pemilu 2024's cases in order of receipt, then Pilkada 2024's.
    pub cases: Vec<DemoCase>,
    /// The campaign activities supervised per election (its code), then per office, pekan,
    /// method, contestant kind and party (for a Pilkada: the pair).
    pub activity: Vec<(String, Vec<ActivityRow>)>,
}

impl Demo {
    /// The campaign activities of `election` (its code).
    pub fn activity_of(&self, election: &str) -> &[ActivityRow] {
        self.activity
            .iter()
            .find(|(e, _)| e == election)
            .map_or(&[], |(_, rows)| rows.as_slice())
    }
}

/// A second stream of the seed, for Pilkada 2024: drawing its cases from the first would change
/// every Pemilu 2024 case drawn after them.
const PILKADA_STREAM: u64 = 0x5049_4c4b_4144_4132;

/// The story of Pemilu 2024 and Pilkada 2024 in Kalimantan Timur told by plausible cases. Pure and
/// deterministic: the same seed gives the same data; any seed gives the published figures (for
/// Pemilu 2024: 47 cases as of 2 Feb 2024, 22 in the campaign stage, the year-end 2023 recap, the
/// activities of every pekan's release and 7,120 in all; for Pilkada 2024 those of domain.md §7
/// and §8, see `pilkada`).
pub fn kaltim(seed: u64) -> Demo {
    let mut rng = Rng::with_seed(seed);
    let cal = history::Calendar::embedded();
    let reference = Reference::embedded();
    let mut specs = story::core();
    specs.extend(story::later(&mut rng));
    let drafts = specs
        .iter()
        .map(|s| assemble::draft(s, &mut rng, &cal, &reference))
        .collect();
    let mut registers = assemble::Registers::default();
    let segment = reference
        .election(FIRST_ELECTION)
        .map_or("PL", |e| e.case_segment.as_str());
    let mut cases: Vec<DemoCase> = assemble::finish(drafts, segment, &mut registers)
        .into_iter()
        .map(|(c, _)| c)
        .collect();
    // Nothing happens after the election's last day in the demo.
    let until = cases
        .iter()
        .flat_map(|c| c.history.iter().map(|h| h.at.date()))
        .max()
        .unwrap_or_else(crate::domain::first_day);
    for c in &mut cases {
        c.follow_ups = followups::steps(&c.case, until);
    }
    let activity = activity::campaign(&mut rng);

    let mut rng = Rng::with_seed(seed ^ PILKADA_STREAM);
    cases.extend(pilkada::cases(&mut rng, &reference, &mut registers));
    transfers::apply(&mut cases, &reference);
    let pilkada_activity = pilkada::campaign(&mut rng, &reference);
    Demo {
        seed,
        cases,
        activity: vec![
            (FIRST_ELECTION.to_string(), activity),
            (pilkada::ELECTION.to_string(), pilkada_activity),
        ],
    }
}

/// Writes the demo into `store` in one transaction, as a batch of kind "demo". Returns the number
/// of cases written.
pub fn write(store: &mut Store, demo: &Demo, now: NaiveDateTime) -> Result<usize> {
    let tx = store.begin()?;
    let batch = NewBatch {
        kind: "demo",
        imported_by: "pantau demo".into(),
        imported_at: now,
        source_name: format!("demo seed {}", demo.seed),
        sha256: None,
    };
    let batch_id = tx.insert_batch(&batch)?;
    for c in &demo.cases {
        let id = tx.insert_case(&c.case, &c.history, Some(batch_id), now)?;
        for f in &c.follow_ups {
            tx.write_follow_up(id, f, Some(batch_id), "pantau demo", now)?;
        }
        for t in &c.transfers {
            tx.insert_transfer(id, t, Some(batch_id))?;
        }
    }
    for (election, rows) in &demo.activity {
        activity::write_of(&tx, election, rows, batch_id, now)?;
    }
    let n = demo.cases.len() as i64;
    tx.finish_batch(batch_id, [n, n, 0, 0, 0])?;
    tx.commit()?;
    Ok(demo.cases.len())
}

#[cfg(test)]
mod tests;
