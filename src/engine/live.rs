//! The column index of a long-lived reader (the TUI's worker): loaded through the cache at start,
//! brought up to date after each commit another process makes, saved back when the reader ends.
//! Owns no connection: the caller passes its own read-only store.

use std::path::PathBuf;
use std::sync::Arc;

use crate::domain::Reference;
use crate::engine::cache;
use crate::engine::index::{CaseIndex, IndexError, Refresh};
use crate::error::Result;
use crate::store::Store;

/// A column index kept current, or none when the data cannot be held in one (SQL answers then).
pub struct LiveIndex {
    index: Option<Arc<CaseIndex>>,
    reference: std::sync::Arc<Reference>,
    /// Where the index is cached, and the revision last written there.
    cache: Option<PathBuf>,
    saved: i64,
    /// Why counts come from SQL, when they do.
    pub why_sql: Option<String>,
}

impl LiveIndex {
    /// The index of the database `store` reads, from the cache when it is there and fits.
    pub fn open(store: &Store) -> Result<LiveIndex> {
        let reference = store.reference()?;
        let mut live = LiveIndex {
            index: None,
            reference,
            cache: cache::cache_path(store.path()),
            saved: -1,
            why_sql: None,
        };
        if crate::engine::index_disabled() {
            return Ok(live);
        }
        // A small database is indexed in a blink: no cache file for it.
        if store.largest_case_id()? < cache::WORTH_CACHING {
            live.cache = None;
        }
        match cache::load(store, &live.reference, true) {
            Ok(ix) => {
                live.saved = ix.revision;
                live.index = Some(Arc::new(ix));
            }
            Err(IndexError::Sql(e)) => return Err(e),
            Err(IndexError::Unsupported(u)) => live.why_sql = Some(u.0),
        }
        Ok(live)
    }

    /// The index to answer from, if any.
    pub fn get(&self) -> Option<Arc<CaseIndex>> {
        self.index.clone()
    }

    /// Brings the index up to date with what other processes committed. Call it with no other
    /// holder of the index left (drop the engine's first), or the whole index is copied.
    pub fn refresh(&mut self, store: &Store) -> Result<Refresh> {
        let Some(arc) = self.index.as_mut() else {
            return Ok(Refresh::Current);
        };
        let index = Arc::make_mut(arc);
        match index.refresh(store, &self.reference) {
            Ok(r) => Ok(r),
            Err(IndexError::Sql(e)) => Err(e),
            Err(IndexError::Unsupported(u)) => {
                self.why_sql = Some(u.0);
                self.index = None;
                Ok(Refresh::Rebuilt)
            }
        }
    }

    /// Writes the index to the cache if it changed since it was read or last written.
    pub fn save(&mut self) {
        if let (Some(ix), Some(path)) = (&self.index, &self.cache)
            && ix.revision != self.saved
            && cache::write(path, ix).is_ok()
        {
            self.saved = ix.revision;
        }
    }
}
