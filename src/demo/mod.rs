//! Demo data: the Kaltim story of Pemilu 2024 that reproduces the published figures, and synthetic
//! cases at scale. Builds cases in memory and writes them through the store's write functions.

mod activity;
mod assemble;
mod followups;
mod history;
mod places;
mod story;
pub mod synthetic;
mod texts;
mod topics;

use chrono::NaiveDateTime;
use fastrand::Rng;

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
}

/// The Kaltim demo data set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Demo {
    /// The seed it was made from.
    pub seed: u64,
    /// The cases in order of receipt.
    pub cases: Vec<DemoCase>,
    /// The campaign activities supervised, per office, pekan, method and contestant kind.
    pub activity: Vec<ActivityRow>,
}

/// The story of Pemilu 2024 in Kalimantan Timur told by plausible cases. Pure and deterministic:
/// the same seed gives the same data; any seed gives the published figures (47 cases as of
/// 2 Feb 2024, 22 in the campaign stage, the year-end 2023 recap, the activities of every pekan's
/// release and 7,120 in all).
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
    let mut cases = assemble::finish(drafts);
    // Nothing happens after the demo's last day.
    let until = cases
        .iter()
        .flat_map(|c| c.history.iter().map(|h| h.at.date()))
        .max()
        .unwrap_or_else(crate::domain::first_day);
    for c in &mut cases {
        c.follow_ups = followups::steps(&c.case, until);
    }
    let activity = activity::campaign(&mut rng);
    Demo {
        seed,
        cases,
        activity,
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
    }
    activity::write(&tx, &demo.activity, batch_id, now)?;
    let n = demo.cases.len() as i64;
    tx.finish_batch(batch_id, [n, n, 0, 0, 0])?;
    tx.commit()?;
    Ok(demo.cases.len())
}

#[cfg(test)]
mod tests;
