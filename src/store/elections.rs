//! Loading elections from their files into a database that may already hold cases of them
//! (`pantau init --election DIR`): an election is added, or corrected — its names, dates, limits,
//! stages, campaign methods and contests changed or added; a stage, method or contest its files no
//! longer list is removed only while nothing stored refers to it. All in one transaction, with the
//! shipped reference data first when the command asks for it.

use rusqlite::{Connection, params};

use crate::domain::Reference;
use crate::domain::election::Election;
use crate::error::Result;
use crate::store::Store;
use crate::store::write::{holds, read_elections, read_reference, write_election, write_reference};

/// What loading changed among the stages, campaign methods or contests of one election, by code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listed {
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub removed: Vec<String>,
}

impl Listed {
    fn between<T: PartialEq>(stored: &[T], files: &[T], code: impl Fn(&T) -> &str) -> Listed {
        let find = |list: &[T], c: &str| list.iter().position(|x| code(x) == c);
        let mut out = Listed::default();
        for f in files {
            match find(stored, code(f)) {
                None => out.added.push(code(f).to_string()),
                Some(i) if stored[i] != *f => out.changed.push(code(f).to_string()),
                Some(_) => {}
            }
        }
        for s in stored {
            if find(files, code(s)).is_none() {
                out.removed.push(code(s).to_string());
            }
        }
        out
    }

    /// Whether nothing was added, changed or removed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }
}

/// What loading one election's files did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    pub code: String,
    /// The database did not hold it before.
    pub new: bool,
    /// The keys of election.toml whose value changed (`voting_day`, `limits`, …).
    pub keys: Vec<&'static str>,
    pub stages: Listed,
    pub methods: Listed,
    pub contests: Listed,
}

impl Loaded {
    /// Whether the files held nothing the database did not.
    pub fn unchanged(&self) -> bool {
        !self.new
            && self.keys.is_empty()
            && self.stages.is_empty()
            && self.methods.is_empty()
            && self.contests.is_empty()
    }
}

/// What the files of an election no longer list although stored data refers to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    /// A stage, used by cases.
    Stage,
    /// A contest, used by cases.
    Contest,
    /// A campaign method, used by campaign activities (or figures a correction replaced).
    Method,
}

/// One stage, contest or method a correction would remove while `rows` rows refer to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InUse {
    pub election: String,
    pub item: Item,
    pub code: String,
    pub rows: i64,
}

/// What [`Store::load_elections`] did: the reference data and the elections written, or nothing
/// at all because a correction would remove what is in use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Written: whether the reference data changed, and what each election's files did.
    Loaded {
        reference_changed: bool,
        elections: Vec<Loaded>,
    },
    /// Nothing written: these are still in use.
    Refused(Vec<InUse>),
}

impl Store {
    /// Loads, in one transaction, `reference` (when given: the shipped reference data, or a
    /// folder's) and then each election of `elections` as its files give it. An election the
    /// database does not hold is added; one it holds is corrected in place. A stage, campaign
    /// method or contest that a correction no longer lists is removed if nothing refers to it;
    /// if cases or activities do, nothing at all is written and the answer names them.
    pub fn load_elections(
        &mut self,
        reference: Option<&Reference>,
        elections: &[Election],
    ) -> Result<Outcome> {
        let w = self.begin()?;
        let tx = w.transaction();
        let err = |e| w.err(e);
        let mut reference_changed = false;
        if let Some(r) = reference
            && !holds(&read_reference(tx).map_err(err)?, r)
        {
            write_reference(tx, r).map_err(err)?;
            reference_changed = true;
        }
        let stored = read_elections(tx).map_err(err)?;
        let mut loaded = Vec::new();
        let mut in_use = Vec::new();
        for e in elections {
            let before = stored.iter().find(|s| s.code == e.code);
            let done = match before {
                None => Loaded {
                    code: e.code.clone(),
                    new: true,
                    keys: Vec::new(),
                    stages: Listed::between(&[], &e.stages, |s| &s.code),
                    methods: Listed::between(&[], &e.methods, |m| &m.code),
                    contests: Listed::between(&[], &e.contests, |c| &c.code),
                },
                Some(b) => Loaded {
                    code: e.code.clone(),
                    new: false,
                    keys: keys_changed(b, e),
                    stages: Listed::between(&b.stages, &e.stages, |s| &s.code),
                    methods: Listed::between(&b.methods, &e.methods, |m| &m.code),
                    contests: Listed::between(&b.contests, &e.contests, |c| &c.code),
                },
            };
            for (item, list) in [
                (Item::Stage, &done.stages.removed),
                (Item::Method, &done.methods.removed),
                (Item::Contest, &done.contests.removed),
            ] {
                for code in list {
                    let rows = uses(tx, &e.code, item, code).map_err(err)?;
                    if rows > 0 {
                        in_use.push(InUse {
                            election: e.code.clone(),
                            item,
                            code: code.clone(),
                            rows,
                        });
                    }
                }
            }
            loaded.push(done);
        }
        if !in_use.is_empty() {
            // Dropping the transaction rolls back the reference data written above too.
            return Ok(Outcome::Refused(in_use));
        }
        for (e, done) in elections.iter().zip(&loaded) {
            if done.unchanged() {
                continue;
            }
            write_election(tx, e).map_err(err)?;
            for (table, list) in [
                ("stages", &done.stages.removed),
                ("campaign_methods", &done.methods.removed),
                ("contests", &done.contests.removed),
            ] {
                for code in list {
                    tx.execute(
                        &format!("DELETE FROM {table} WHERE election = ?1 AND code = ?2"),
                        params![e.code, code],
                    )
                    .map_err(err)?;
                }
            }
        }
        w.commit()?;
        Ok(Outcome::Loaded {
            reference_changed,
            elections: loaded,
        })
    }
}

/// The keys of election.toml whose value differs between the stored election and its files.
fn keys_changed(stored: &Election, files: &Election) -> Vec<&'static str> {
    let mut keys = Vec::new();
    let mut differ = |key: &'static str, same: bool| {
        if !same {
            keys.push(key);
        }
    };
    differ("name_id", stored.name_id == files.name_id);
    differ("name_en", stored.name_en == files.name_en);
    differ("kind", stored.kind == files.kind);
    differ("voting_day", stored.voting_day == files.voting_day);
    differ(
        "campaign_stage",
        stored.campaign_stage == files.campaign_stage,
    );
    differ("case_segment", stored.case_segment == files.case_segment);
    differ("limits", stored.limits == files.limits);
    keys
}

/// How many stored rows refer to this stage, method or contest of `election`.
fn uses(c: &Connection, election: &str, item: Item, code: &str) -> rusqlite::Result<i64> {
    let sql = match item {
        Item::Stage => "SELECT count(*) FROM cases WHERE election = ?1 AND kode_tahapan = ?2",
        Item::Contest => "SELECT count(*) FROM cases WHERE election = ?1 AND kontestasi = ?2",
        Item::Method => {
            "SELECT (SELECT count(*) FROM campaign_activities WHERE election = ?1 AND method = ?2) \
             + (SELECT count(*) FROM campaign_activity_history WHERE election = ?1 AND method = ?2)"
        }
    };
    c.query_row(sql, params![election, code], |r| r.get(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Case, Source};

    fn pemilu_2029() -> Election {
        let mut e = Reference::embedded()
            .election("PEMILU2024")
            .cloned()
            .unwrap();
        e.code = "PEMILU2029".into();
        e.name_id = "Pemilu 2029".into();
        e.voting_day = chrono::NaiveDate::from_ymd_opt(2029, 2, 14).unwrap();
        e
    }

    fn loaded(o: Outcome) -> Vec<Loaded> {
        match o {
            Outcome::Loaded { elections, .. } => elections,
            Outcome::Refused(r) => panic!("refused: {r:?}"),
        }
    }

    #[test]
    fn an_election_is_added_then_corrected_and_what_cases_use_is_never_removed() {
        let mut store = Store::memory().unwrap();
        let e = pemilu_2029();
        let first = loaded(
            store
                .load_elections(None, std::slice::from_ref(&e))
                .unwrap(),
        );
        assert!(first[0].new);
        assert_eq!(first[0].stages.added.len(), 13);
        let again = loaded(
            store
                .load_elections(None, std::slice::from_ref(&e))
                .unwrap(),
        );
        assert!(again[0].unchanged(), "{again:?}");
        assert_eq!(store.reference().unwrap().election("PEMILU2029"), Some(&e));

        // A case under KAMPANYE of Pemilu 2029.
        let day = chrono::NaiveDate::from_ymd_opt(2028, 12, 1).unwrap();
        let case = Case::new(
            "PEMILU2029",
            "001/TM/PL/Kota/23.05/XII/2028",
            Source::Temuan,
            "64.71",
            "KAMPANYE",
            day,
        );
        let w = store.begin().unwrap();
        w.insert_case(&case, &[], None, day.and_hms_opt(9, 0, 0).unwrap())
            .unwrap();
        w.commit().unwrap();

        // Without KAMPANYE and without MASA_TENANG: refused, naming the one in use, nothing written.
        let mut fewer = e.clone();
        fewer.voting_day = chrono::NaiveDate::from_ymd_opt(2029, 2, 21).unwrap();
        fewer.campaign_stage = "PUNGUT_HITUNG".into();
        fewer
            .stages
            .retain(|s| s.code != "KAMPANYE" && s.code != "MASA_TENANG");
        match store
            .load_elections(None, std::slice::from_ref(&fewer))
            .unwrap()
        {
            Outcome::Refused(r) => assert_eq!(
                r,
                [InUse {
                    election: "PEMILU2029".into(),
                    item: Item::Stage,
                    code: "KAMPANYE".into(),
                    rows: 1
                }]
            ),
            other => panic!("{other:?}"),
        }
        assert_eq!(store.reference().unwrap().election("PEMILU2029"), Some(&e));

        // Without MASA_TENANG alone, a later voting day and a renamed stage: corrected.
        let mut fixed = e.clone();
        fixed.voting_day = fewer.voting_day;
        fixed.stages.retain(|s| s.code != "MASA_TENANG");
        fixed.stages[0].name_en = "Planning".into();
        let done = loaded(
            store
                .load_elections(None, std::slice::from_ref(&fixed))
                .unwrap(),
        );
        assert_eq!(done[0].keys, ["voting_day"]);
        assert_eq!(done[0].stages.removed, ["MASA_TENANG"]);
        assert_eq!(done[0].stages.changed, ["PERENCANAAN"]);
        assert_eq!(
            store.reference().unwrap().election("PEMILU2029"),
            Some(&fixed)
        );
    }

    #[test]
    fn loading_the_shipped_reference_again_keeps_an_election_added_from_files() {
        let mut store = Store::memory().unwrap();
        loaded(store.load_elections(None, &[pemilu_2029()]).unwrap());
        assert!(!store.load_reference(&Reference::embedded()).unwrap());
        let codes: Vec<String> = store
            .reference()
            .unwrap()
            .elections
            .iter()
            .map(|e| e.code.clone())
            .collect();
        assert_eq!(codes, ["PEMILU2024", "PILKADA2024", "PEMILU2029"]);
    }
}
