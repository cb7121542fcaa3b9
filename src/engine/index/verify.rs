//! Holds a column index read from a copy (the user's cache file, the one saved in the database)
//! against the cases themselves, a few at a time: a copy is trusted no further than that.
//! Reads only; never repairs the copy (the caller builds the index again).

use std::ops::ControlFlow;

use super::{CaseIndex, Codes, DELETED, IndexError, Row, history_entry};
use crate::domain::Reference;
use crate::engine::sql::index::{self as sql, Read};
use crate::store::Store;

/// How many cases a copy is checked on as it is read.
pub const SPOT_CHECKS: usize = 32;

impl CaseIndex {
    /// Whether up to `n` cases spread through the index (from a random offset), and the largest
    /// case id, read now from `store` as the index holds them. `None` when the database has moved
    /// on since the index's revision, so that the two cannot be compared at one state.
    pub fn agrees_with(
        &self,
        store: &Store,
        reference: &Reference,
        n: usize,
    ) -> Result<Option<bool>, IndexError> {
        sql::in_one_read(store, || {
            let (database_id, max, _) = sql::database_state(store)?;
            if max != self.revision || database_id != self.database_id {
                return Ok(None);
            }
            let largest = self
                .ids
                .iter()
                .zip(&self.region)
                .rev()
                .find(|(_, r)| **r != DELETED)
                .map_or(0, |(id, _)| i64::from(*id));
            if store.largest_case_id()? != largest {
                return Ok(Some(false));
            }
            let ids = self.sample(n);
            if ids.is_empty() {
                return Ok(Some(true));
            }
            let codes = Codes::of(reference)?;
            let transfers = sql::transfers(store, Some(&ids))?;
            let with_history = !self.without_history;
            let mut history = Vec::new();
            let mut agree = true;
            sql::each_of_cases(store, &ids, with_history, |read| {
                match read {
                    Read::History { case, at, to } => history.push(history_entry(at, to, case)?),
                    Read::Gone(id) => {
                        agree &= self
                            .position_of(id)
                            .is_some_and(|pos| self.region[pos] == DELETED);
                    }
                    Read::Case(c) => {
                        let moves = transfers.get(&c.id).map_or(&[][..], Vec::as_slice);
                        let row = codes.row(&c, moves)?;
                        agree &= self
                            .position_of(c.id)
                            .is_some_and(|pos| self.holds(pos, &row, &history));
                        history.clear();
                    }
                }
                Ok::<_, IndexError>(if agree {
                    ControlFlow::Continue(())
                } else {
                    ControlFlow::Break(())
                })
            })?;
            Ok(Some(agree))
        })
    }

    /// The ids of up to `n` cases spread evenly through the index, from a random offset.
    fn sample(&self, n: usize) -> Vec<i64> {
        let len = self.ids.len();
        if len == 0 || n == 0 {
            return Vec::new();
        }
        let step = len.div_ceil(n).max(1);
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos() as usize);
        (seed % step..len)
            .step_by(step)
            .map(|p| self.id(p))
            .collect()
    }

    /// Whether the case at `pos` is `row`, with `history` (when the index holds histories).
    fn holds(&self, pos: usize, row: &Row, history: &[u32]) -> bool {
        let moves: Vec<_> = self
            .moves_of(pos)
            .iter()
            .map(|m| (m.day, m.from, m.to))
            .collect();
        self.id(pos) == row.id
            && self.region[pos] == row.region
            && self.kecamatan_of(pos) == row.kecamatan
            && self.desa_of(pos) == row.desa
            && self.tps_of(pos) == row.tps
            && moves == row.moves
            && self.stage[pos] == row.stage
            && self.contest[pos] == row.contest
            && self.flags[pos] == row.flags
            && self.status[pos] == row.status
            && self.suspected[pos] == row.suspected
            && self.proven[pos] == row.proven
            && self.received[pos] == row.received
            && self.known[pos] == row.known
            && self.registered[pos] == row.registered
            && (self.without_history || self.history_of(pos) == history)
    }
}
