//! The day of a case's last status change, looked up one case at a time by its index, so that
//! an export of a million cases holds none of them. Reads only; writes nothing.

use chrono::NaiveDate;
use rusqlite::CachedStatement;

use crate::error::Result;
use crate::store::Store;

/// Looks up the day of each case's last status change, by a statement prepared once.
pub struct LastStatusDay<'s> {
    store: &'s Store,
    stmt: CachedStatement<'s>,
}

impl std::fmt::Debug for LastStatusDay<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LastStatusDay").finish_non_exhaustive()
    }
}

impl Store {
    /// A reader of the day of each case's last status change (as [`Store::last_status_dates`]
    /// gives them all at once).
    pub fn last_status_day(&self) -> Result<LastStatusDay<'_>> {
        let stmt = self
            .conn()
            .prepare_cached(
                "SELECT substr(max(changed_at), 1, 10) FROM status_history WHERE case_id = ?1",
            )
            .map_err(|e| self.err(e))?;
        Ok(LastStatusDay { store: self, stmt })
    }
}

impl LastStatusDay<'_> {
    /// The day of case `id`'s last status change; `None` without history.
    pub fn of(&mut self, id: i64) -> Result<Option<NaiveDate>> {
        self.stmt
            .query_row([id], |r| r.get(0))
            .map_err(|e| self.store.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::election::FIRST_ELECTION;
    use crate::domain::{Case, Source, Status, StatusChange};
    use crate::store::write::insert_case;

    #[test]
    fn each_case_s_day_is_the_one_all_of_them_give() {
        let mut store = Store::memory().unwrap();
        let day = |d: u32| NaiveDate::from_ymd_opt(2024, 1, d).unwrap();
        let at = |d: u32| day(d).and_hms_opt(10, 0, 0).unwrap();
        {
            let w = store.begin().unwrap();
            let tx = w.transaction();
            for i in 1..=5u32 {
                let case = Case::new(
                    FIRST_ELECTION,
                    &format!("L-{i}"),
                    Source::Laporan,
                    "64.71",
                    "KAMPANYE",
                    day(i),
                );
                // Case i changes status on days i, i + 3, … (i entries; the last on 4i - 3).
                let history: Vec<StatusChange> = (0..i)
                    .map(|k| StatusChange {
                        from: None,
                        to: Status::Diterima,
                        at: at(i + 3 * k),
                        by: "tester".into(),
                        note: None,
                    })
                    .collect();
                insert_case(tx, &case, &history, None, at(28)).unwrap();
            }
            w.commit().unwrap();
        }
        let all = store.last_status_dates().unwrap();
        assert_eq!(all.len(), 5);
        let mut one = store.last_status_day().unwrap();
        for (id, d) in &all {
            assert_eq!(one.of(*id).unwrap(), Some(*d), "case {id}");
        }
        assert_eq!(one.of(99).unwrap(), None, "no case, no day");
    }
}
