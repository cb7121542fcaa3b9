//! A report's counts of one view: the groups by a first dimension, the headline (or only its
//! total) and, with a second dimension, the cross-tab. From SQL in one pass; never draws or prints.

use crate::engine::counts::{Cross, Found, Group, Headline};
use crate::engine::sql::counts::{self as sql, Figures};
use crate::engine::{Dim, Engine};
use crate::error::Result;
use crate::i18n::Lang;
use crate::view::View;

/// Which figures of the whole view a caller reads besides its groups: every headline figure (a
/// report in JSON), or only the total (a table, which prints no other). Leaving the rest out
/// spares the SQL path each case's status on the as-of date and its deadline, when the groups do
/// not need them either.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wanted {
    Headline,
    Total,
}

/// What `report --by A[,B]` prints of a view.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// By the first dimension.
    pub groups: Vec<Group>,
    /// Every case of the view.
    pub total: i64,
    /// Its headline, when [`Wanted::Headline`] was asked.
    pub headline: Option<Headline>,
    /// By the first dimension and the second, when there is one.
    pub cross: Option<Vec<Cross>>,
}

impl Engine<'_> {
    /// The counts of `view` by `first` (and `second`), with its headline or total: from the
    /// column index part by part (each a pass over memory), else from SQL in one statement, whose
    /// figures by both keys add up to the rest. Exactly [`Engine::group`], [`Engine::headline`]
    /// and [`Engine::cross`].
    pub fn summary(
        &self,
        view: &View,
        (first, second): (Dim, Option<Dim>),
        wanted: Wanted,
        lang: Lang,
    ) -> Result<Summary> {
        let keep = |h: Headline| (wanted == Wanted::Headline).then_some(h);
        if self.index().is_some() {
            let headline = self.headline(view)?;
            return Ok(Summary {
                groups: self.group(view, first, lang)?,
                total: headline.total,
                headline: keep(headline),
                cross: second.map(|s| self.cross(view, (first, s))).transpose()?,
            });
        }
        let view = &*self.scoped(view)?;
        let dims: Vec<Dim> = std::iter::once(first).chain(second).collect();
        let campaigns = self.campaigns(view)?;
        let dates = self.dates(view);
        let headline = wanted == Wanted::Headline;
        let rows = sql::figures_by(self.store, view, dates, &dims, &campaigns, headline)?;
        let mut total: Figures = [0; 8];
        let mut by_first: Found = Vec::new();
        let mut at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        let mut both: Found = Vec::new();
        for (keys, figures) in &rows {
            for (t, f) in total.iter_mut().zip(figures) {
                *t += f;
            }
            let count = figures[0];
            let Some(a) = &keys[0] else { continue };
            match at.get(a.as_str()) {
                Some(&i) => by_first[i].1 += count,
                None => {
                    at.insert(a, by_first.len());
                    by_first.push((vec![a.clone()], count));
                }
            }
            if let Some(Some(b)) = keys.get(1) {
                both.push((vec![a.clone(), b.clone()], count));
            }
        }
        Ok(Summary {
            groups: self.group_found(view, first, by_first, lang)?,
            total: total[0],
            headline: keep(Headline::from(total)),
            cross: second
                .map(|s| self.cross_found(view, (first, s), &both))
                .transpose()?,
        })
    }
}
