//! The weekly recap of campaign activities supervised per office (rekap kampanye), from the week
//! of 27 Nov 2023 to the week of 5 Feb 2024, summing exactly to the published 7,120 activities.

use chrono::{Duration, NaiveDate};
use fastrand::Rng;

use crate::demo::places::OFFICES;
use crate::demo::story::ymd;
use crate::store::activities::ActivityRow;

/// Totals over the whole campaign: limited meetings, face-to-face, rallies, other.
pub(crate) const TOTALS: [i64; 4] = [5_600, 1_500, 5, 15];

/// Number of recap weeks (Monday 27 Nov 2023 … Monday 5 Feb 2024).
pub(crate) const WEEKS: usize = 11;

/// Relative campaign intensity per week: a short first week, a dip over Christmas and New Year,
/// a peak late January, and the last six days.
const WEEK_WEIGHT: [f64; WEEKS] = [3.0, 6.0, 7.0, 8.0, 6.5, 7.0, 9.0, 10.0, 11.0, 12.0, 8.0];

/// Offices holding the five rallies (rapat umum, allowed from 21 Jan 2024).
const RALLY_REGIONS: [&str; 5] = ["64.72", "64.71", "64.72", "64.02", "64.71"];

/// The methods of [`TOTALS`], in its order.
const METHODS: [&str; 4] = ["PERTEMUAN_TERBATAS", "TATAP_MUKA", "RAPAT_UMUM", "LAINNYA"];

/// The recap for every office and pekan (the last recap week joins pekan 10, as the campaign's
/// last pekan runs to its end).
pub(crate) fn weekly(rng: &mut Rng) -> Vec<ActivityRow> {
    let first = ymd(2023, 11, 27);
    let weeks: Vec<NaiveDate> = (0..WEEKS)
        .map(|i| first + Duration::weeks(i as i64))
        .collect();
    let cells: Vec<(usize, usize)> = (0..OFFICES.len())
        .flat_map(|r| (0..WEEKS).map(move |w| (r, w)))
        .collect();
    let mut counts = vec![[0i64; 4]; cells.len()];
    for (k, total) in TOTALS.iter().enumerate() {
        if k == 2 {
            continue;
        }
        let weights: Vec<f64> = cells
            .iter()
            .map(|&(r, w)| f64::from(OFFICES[r].weight) * WEEK_WEIGHT[w] * (0.8 + 0.4 * rng.f64()))
            .collect();
        for (i, n) in apportion(*total, &weights).into_iter().enumerate() {
            counts[i][k] = n;
        }
    }
    for region in RALLY_REGIONS {
        let r = OFFICES.iter().position(|o| o.code == region).unwrap_or(0);
        let w = rng.usize(8..WEEKS);
        counts[r * WEEKS + w][2] += 1;
    }
    let _ = &weeks;
    let mut rows: std::collections::BTreeMap<(String, u32, &str), i64> = Default::default();
    for (&(r, w), counts) in cells.iter().zip(counts) {
        let pekan = u32::try_from(w + 1).unwrap_or(1).min(10);
        for (k, n) in counts.into_iter().enumerate() {
            if n > 0 {
                *rows
                    .entry((OFFICES[r].code.to_string(), pekan, METHODS[k]))
                    .or_default() += n;
            }
        }
    }
    rows.into_iter()
        .map(|((region, pekan, method), count)| ActivityRow {
            region,
            pekan,
            method: method.to_string(),
            contestant: "PARTAI".to_string(),
            party: String::new(),
            count,
        })
        .collect()
}

/// Splits `total` in proportion to `weights` (largest remainder), summing exactly to `total`.
fn apportion(total: i64, weights: &[f64]) -> Vec<i64> {
    let sum: f64 = weights.iter().sum();
    if sum <= 0.0 || weights.is_empty() {
        return vec![0; weights.len()];
    }
    let exact: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    let mut out: Vec<i64> = exact.iter().map(|x| x.floor() as i64).collect();
    let mut left = total - out.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        (exact[b] - exact[b].floor())
            .total_cmp(&(exact[a] - exact[a].floor()))
            .then(a.cmp(&b))
    });
    for i in order.into_iter().cycle() {
        if left <= 0 {
            break;
        }
        out[i] += 1;
        left -= 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apportion_sums_exactly() {
        let w = [1.0, 2.0, 3.3, 0.1];
        for total in [0, 1, 7, 15, 5600] {
            assert_eq!(apportion(total, &w).iter().sum::<i64>(), total);
        }
    }
}
