//! Builds the column index from every case: on two threads for a large database (each half of
//! the cases on a connection of its own, both reading one state), else on the caller's.
//! Reads only.

use std::path::Path;

use super::{CaseIndex, CodeLists, Codes, IndexError, Move, history_entry};
use crate::domain::Reference;
use crate::engine::sql::index::{self as sql, Read};
use crate::store::{Mode, Store};

/// From this many cases on, the index is built on two threads: below, opening a second
/// connection costs about what it saves.
pub const TWO_THREADS_FROM: i64 = 50_000;

impl CaseIndex {
    /// Builds the index from every case, all of it read at one state of the database (the
    /// change log's revision it records).
    pub fn build(store: &Store, reference: &Reference) -> Result<CaseIndex, IndexError> {
        let largest = store.largest_case_id()?;
        if largest >= TWO_THREADS_FROM
            && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1)
            && let Some(index) = build_in_two(store, reference, largest / 2 + 1)?
        {
            return Ok(index);
        }
        build_range(store, reference, (i64::MIN, i64::MAX), None)
    }

    /// [`CaseIndex::build`] on the caller's thread only (tests hold the two ways to each other).
    #[doc(hidden)]
    pub fn build_on_one_thread(
        store: &Store,
        reference: &Reference,
    ) -> Result<CaseIndex, IndexError> {
        build_range(store, reference, (i64::MIN, i64::MAX), None)
    }

    /// The index built on two threads, the second from case id `mid` on; `None` as
    /// [`CaseIndex::build`] would build it on one thread (tests).
    #[doc(hidden)]
    pub fn build_split_at(
        store: &Store,
        reference: &Reference,
        mid: i64,
    ) -> Result<Option<CaseIndex>, IndexError> {
        build_in_two(store, reference, mid)
    }

    /// Appends `upper`, the index of the cases after this one's, read at the same state.
    fn append(&mut self, mut upper: CaseIndex) -> Result<(), IndexError> {
        let n = self.ids.len();
        let m = upper.ids.len();
        let shift = u32::try_from(self.history.len())
            .map_err(|_| super::unsupported("more than 4 billion status changes".into()))?;
        let at = u32::try_from(n).map_err(|_| super::unsupported("too many cases".into()))?;
        join_sparse(
            &mut self.kecamatan,
            n,
            upper.kecamatan,
            m,
            super::NO_KECAMATAN,
        );
        join_sparse(&mut self.desa, n, upper.desa, m, super::NO_DESA);
        join_sparse(&mut self.tps, n, upper.tps, m, super::NO_TPS);
        self.moves.extend(upper.moves.iter().map(|mv| Move {
            pos: mv.pos + at,
            ..*mv
        }));
        self.ids.append(&mut upper.ids);
        self.region.append(&mut upper.region);
        self.stage.append(&mut upper.stage);
        self.contest.append(&mut upper.contest);
        self.flags.append(&mut upper.flags);
        self.status.append(&mut upper.status);
        self.suspected.append(&mut upper.suspected);
        self.proven.append(&mut upper.proven);
        self.received.append(&mut upper.received);
        self.known.append(&mut upper.known);
        self.registered.append(&mut upper.registered);
        self.hist_start
            .extend(upper.hist_start.iter().map(|s| s + shift));
        self.hist_len.append(&mut upper.hist_len);
        self.history.append(&mut upper.history);
        self.garbage += upper.garbage;
        Ok(())
    }
}

/// Joins two sparse columns (empty while every value is `none`) of `n` and `m` cases.
fn join_sparse<T: Copy>(col: &mut Vec<T>, n: usize, upper: Vec<T>, m: usize, none: T) {
    match (col.is_empty(), upper.is_empty()) {
        (true, true) => {}
        (false, true) => col.resize(n + m, none),
        (empty, false) => {
            if empty {
                col.resize(n, none);
            }
            col.extend(upper);
        }
    }
}

/// The index of the cases with ids in `ids`, in one read transaction of `store`.
/// Room is made for `room` cases, or for those of the range when `None`.
fn build_range(
    store: &Store,
    reference: &Reference,
    ids: (i64, i64),
    room: Option<usize>,
) -> Result<CaseIndex, IndexError> {
    sql::in_one_read(store, || {
        let (database_id, revision, _) = sql::database_state(store)?;
        let stamp = sql::stamp_at(store, revision)?.unwrap_or(0);
        let codes = Codes::of(reference)?;
        let mut index = CaseIndex {
            database_id,
            revision,
            stamp,
            ..CaseIndex::default()
        };
        index.set_lists(CodeLists::of(reference));
        let largest = store.largest_case_id()?;
        let expected = ids.1.min(largest.saturating_add(1)) - ids.0.max(0);
        index.reserve(room.unwrap_or(usize::try_from(expected).unwrap_or(0)));
        let transfers = sql::transfers(store, None)?;
        // Where the history of the next case starts.
        let mut start = 0;
        sql::each_case(store, ids, |read| {
            match read {
                Read::History { case, at, to } => {
                    index.history.push(history_entry(at, to, case)?);
                }
                Read::Case(c) => {
                    let moves = transfers.get(&c.id).map_or(&[][..], Vec::as_slice);
                    index.push(codes.row(&c, moves)?, start)?;
                    start = index.history.len();
                }
                Read::Gone(_) => {}
            }
            Ok::<(), IndexError>(())
        })?;
        Ok(index)
    })
}

/// The index built in two parts at once, the cases from id `mid` on by a second connection;
/// `None` when no
/// second connection could be opened or the two read different states (a writer committed
/// between their starts): the caller builds on one thread then.
fn build_in_two(
    store: &Store,
    reference: &Reference,
    mid: i64,
) -> Result<Option<CaseIndex>, IndexError> {
    let path: &Path = store.path();
    if path.as_os_str() == ":memory:" || path.as_os_str().is_empty() {
        return Ok(None);
    }
    let (lower, upper) = std::thread::scope(|s| {
        let upper = s.spawn(|| match Store::open(path, Mode::ReadOnly) {
            Ok(other) => build_range(&other, reference, (mid, i64::MAX), None).map(Some),
            Err(_) => Ok(None),
        });
        // The lower part holds the upper one in the end: room for both, so that joining them
        // does not copy the columns.
        let all = store
            .largest_case_id()
            .ok()
            .and_then(|n| usize::try_from(n).ok());
        let lower = build_range(store, reference, (i64::MIN, mid), all);
        (lower, upper.join())
    });
    let mut lower = lower?;
    let Ok(upper) = upper else {
        return Ok(None);
    };
    let Some(upper) = upper? else {
        return Ok(None);
    };
    if (&lower.database_id, lower.revision, lower.stamp)
        != (&upper.database_id, upper.revision, upper.stamp)
    {
        return Ok(None);
    }
    lower.append(upper)?;
    Ok(Some(lower))
}
