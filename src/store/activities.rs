//! Campaign activities supervised, as the office reports them: per region, pekan, method,
//! contestant kind and party. A region's pekan is written whole; a correction keeps what it replaced.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use chrono::NaiveDateTime;
use rusqlite::params;

use crate::error::Result;
use crate::store::Store;
use crate::store::write::Write;

/// Campaign activities supervised, by method (codes of the reference's campaign methods).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Activities {
    pub by_method: BTreeMap<String, i64>,
}

impl Activities {
    /// All activities, whatever their method.
    pub fn total(&self) -> i64 {
        self.by_method.values().sum()
    }

    /// The activities of one method.
    pub fn of(&self, method: &str) -> i64 {
        self.by_method.get(method).copied().unwrap_or(0)
    }

    /// Adds `n` activities of `method`.
    pub fn add(&mut self, method: &str, n: i64) {
        *self.by_method.entry(method.to_string()).or_default() += n;
    }
}

impl std::ops::AddAssign<&Activities> for Activities {
    fn add_assign(&mut self, o: &Activities) {
        for (m, n) in &o.by_method {
            self.add(m, *n);
        }
    }
}

/// One figure as loaded: activities of one method and contestant kind (and party, or none) in one
/// region and pekan.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct ActivityRow {
    pub region: String,
    pub pekan: u32,
    pub method: String,
    pub contestant: String,
    /// The party, or empty when the figure is not split by party.
    pub party: String,
    pub count: i64,
}

/// A figure replaced by a correction, with the batches that loaded and replaced it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ReplacedRow {
    pub row: ActivityRow,
    pub batch_id: Option<i64>,
    pub replaced_by: Option<i64>,
    pub replaced_at: String,
}

/// What writing one region's pekan did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PekanWrite {
    /// The region's pekan had no figures before.
    New,
    /// The same figures were there already: nothing was written.
    Unchanged,
    /// Other figures were there: they went to the history, these replaced them.
    Corrected,
}

const ROW_COLUMNS: &str = "kode_wilayah, pekan, method, contestant, party, count";

fn read_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ActivityRow> {
    Ok(ActivityRow {
        region: r.get(0)?,
        pekan: r.get(1)?,
        method: r.get(2)?,
        contestant: r.get(3)?,
        party: r.get(4)?,
        count: r.get(5)?,
    })
}

impl Store {
    /// The activities of `election` (its code) supervised per region (by code) in the pekan
    /// `pekan` of its campaign.
    pub fn campaign_activity(
        &self,
        election: &str,
        pekan: RangeInclusive<u32>,
    ) -> Result<Vec<(String, Activities)>> {
        let mut out: BTreeMap<String, Activities> = BTreeMap::new();
        for r in self.activity_rows(election, pekan)? {
            out.entry(r.region).or_default().add(&r.method, r.count);
        }
        Ok(out.into_iter().collect())
    }

    /// Every figure of `election` loaded for the pekan `pekan`, by region, pekan, method,
    /// contestant, party.
    pub fn activity_rows(
        &self,
        election: &str,
        pekan: RangeInclusive<u32>,
    ) -> Result<Vec<ActivityRow>> {
        let mut stmt = self
            .conn()
            .prepare_cached(&format!(
                "SELECT {ROW_COLUMNS} FROM campaign_activities WHERE election = ?3 \
                 AND pekan BETWEEN ?1 AND ?2 ORDER BY kode_wilayah, pekan, method, contestant, party"
            ))
            .map_err(|e| self.err(e))?;
        stmt.query_map(params![pekan.start(), pekan.end(), election], read_row)
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))
    }

    /// The figures of `election` corrections replaced, oldest first.
    pub fn activity_history(&self, election: &str) -> Result<Vec<ReplacedRow>> {
        let mut stmt = self
            .conn()
            .prepare_cached(&format!(
                "SELECT {ROW_COLUMNS}, batch_id, replaced_by, replaced_at \
                 FROM campaign_activity_history WHERE election = ?1 ORDER BY id"
            ))
            .map_err(|e| self.err(e))?;
        stmt.query_map([election], |r| {
            Ok(ReplacedRow {
                row: read_row(r)?,
                batch_id: r.get(6)?,
                replaced_by: r.get(7)?,
                replaced_at: r.get(8)?,
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| self.err(e))
    }
}

impl Write<'_> {
    /// Marks batch `id` as one that loaded campaign activities (not cases).
    pub fn mark_activity_batch(&self, id: i64) -> Result<()> {
        self.transaction()
            .execute(
                "UPDATE import_batches SET content = 'activities' WHERE id = ?1",
                [id],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Writes the figures of one region's pekan of `election`'s campaign, whole: `rows` (all of
    /// that region and pekan) replace whatever was there. Identical figures write nothing; others are kept in the history
    /// with `batch_id` as the batch that replaced them.
    pub fn write_pekan(
        &self,
        election: &str,
        region: &str,
        pekan: u32,
        rows: &[ActivityRow],
        batch_id: Option<i64>,
        now: NaiveDateTime,
    ) -> Result<PekanWrite> {
        let tx = self.transaction();
        let before: Vec<ActivityRow> = tx
            .prepare_cached(&format!(
                "SELECT {ROW_COLUMNS} FROM campaign_activities WHERE election = ?3 \
                 AND kode_wilayah = ?1 AND pekan = ?2 ORDER BY method, contestant, party"
            ))
            .and_then(|mut s| {
                s.query_map(params![region, pekan, election], read_row)?
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(|e| self.err(e))?;
        let mut after: Vec<ActivityRow> = rows.to_vec();
        after.sort();
        let mut sorted_before = before.clone();
        sorted_before.sort();
        if sorted_before == after {
            return Ok(PekanWrite::Unchanged);
        }
        let outcome = if before.is_empty() {
            PekanWrite::New
        } else {
            tx.prepare_cached(
                "INSERT INTO campaign_activity_history \
                 (election, kode_wilayah, pekan, method, contestant, party, count, batch_id, replaced_by, replaced_at) \
                 SELECT election, kode_wilayah, pekan, method, contestant, party, count, batch_id, ?3, ?4 \
                 FROM campaign_activities WHERE election = ?5 AND kode_wilayah = ?1 AND pekan = ?2",
            )
            .and_then(|mut s| s.execute(params![region, pekan, batch_id, now, election]))
            .map_err(|e| self.err(e))?;
            tx.prepare_cached(
                "DELETE FROM campaign_activities WHERE election = ?3 AND kode_wilayah = ?1 AND pekan = ?2",
            )
            .and_then(|mut s| s.execute(params![region, pekan, election]))
            .map_err(|e| self.err(e))?;
            PekanWrite::Corrected
        };
        let mut insert = tx
            .prepare_cached(
                "INSERT INTO campaign_activities \
                 (election, kode_wilayah, pekan, method, contestant, party, count, batch_id) \
                 VALUES (?8, ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )
            .map_err(|e| self.err(e))?;
        for r in &after {
            insert
                .execute(params![
                    r.region,
                    r.pekan,
                    r.method,
                    r.contestant,
                    r.party,
                    r.count,
                    batch_id,
                    election
                ])
                .map_err(|e| self.err(e))?;
        }
        Ok(outcome)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(region: &str, pekan: u32, method: &str, count: i64) -> ActivityRow {
        ActivityRow {
            region: region.into(),
            pekan,
            method: method.into(),
            contestant: "PARTAI".into(),
            party: String::new(),
            count,
        }
    }

    #[test]
    fn a_pekan_is_written_whole_identical_figures_change_nothing_and_corrections_keep_the_old() {
        let mut store = Store::memory().unwrap();
        let now = chrono::NaiveDate::from_ymd_opt(2024, 1, 9)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let first = vec![
            row("64.71", 6, "TATAP_MUKA", 10),
            row("64.71", 6, "PERTEMUAN_TERBATAS", 4),
        ];
        let tx = store.begin().unwrap();
        assert_eq!(
            tx.write_pekan("PEMILU2024", "64.71", 6, &first, None, now)
                .unwrap(),
            PekanWrite::New
        );
        tx.commit().unwrap();
        let tx = store.begin().unwrap();
        let again: Vec<_> = first.iter().rev().cloned().collect();
        assert_eq!(
            tx.write_pekan("PEMILU2024", "64.71", 6, &again, None, now)
                .unwrap(),
            PekanWrite::Unchanged
        );
        let corrected = vec![row("64.71", 6, "TATAP_MUKA", 12)];
        assert_eq!(
            tx.write_pekan("PEMILU2024", "64.71", 6, &corrected, None, now)
                .unwrap(),
            PekanWrite::Corrected
        );
        tx.commit().unwrap();
        let a = store.campaign_activity("PEMILU2024", 1..=10).unwrap();
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].1.total(), 12);
        assert_eq!(a[0].1.of("PERTEMUAN_TERBATAS"), 0);
        let h = store.activity_history("PEMILU2024").unwrap();
        assert_eq!(h.len(), 2);
        assert_eq!(h.iter().map(|r| r.row.count).sum::<i64>(), 14);
        assert!(
            store
                .campaign_activity("PEMILU2024", 7..=10)
                .unwrap()
                .is_empty()
        );
    }
}
