//! The campaign activities supervised per office and pekan (rekap pengawasan kampanye) as Bawaslu
//! Kaltim's weekly releases of Pemilu 2024 give them (domain.md §8): 139, 288, 497, 705, 923, 997
//! and 1,491 activities in pekan 1, 2, 4, 6, 7, 9 and 10, the regional splits the releases
//! published, 2,495 by 8 Jan 2024 and 7,120 by the campaign's end. What the releases left out (the
//! other offices, methods and contestant kinds) comes from the seed, within what they did say.

use chrono::NaiveDateTime;
use fastrand::Rng;

use crate::demo::places::OFFICES;
use crate::error::Result;
use crate::store::activities::ActivityRow;
use crate::store::write::Write;

/// Totals over the whole campaign: limited meetings, face-to-face, rallies, other forms.
pub(crate) const TOTALS: [i64; 4] = [5_600, 1_500, 5, 15];

/// The methods of [`TOTALS`], in its order (codes of `assets/campaign_methods.csv`).
const METHODS: [&str; 4] = ["PERTEMUAN_TERBATAS", "TATAP_MUKA", "RAPAT_UMUM", "LAINNYA"];

/// Activities per pekan, 1 to 10. Published: pekan 1, 2, 4, 6, 7, 9, 10, and 472 party activities
/// in pekan 3. Pekan 3 and 5 together make the published 2,495 by 8 Jan 2024 (the end of pekan 6),
/// pekan 8 what the 7,120 of the whole campaign leaves.
pub(crate) const PEKAN: [i64; 10] = [139, 288, 490, 497, 376, 705, 923, 1_214, 997, 1_491];

/// Activities of DPD candidates and of presidential pairs in pekan 1 and 3, as published (pekan 1:
/// 138 parties and 1 DPD candidate; pekan 3: 472 parties, the rest unpublished and chosen small).
const PUBLISHED_CONTESTANTS: [(u32, i64, i64); 2] = [(1, 1, 0), (3, 11, 7)];

/// How many offices' limited meetings hold a pekan's DPD and presidential activities.
const NON_PARTY_OFFICES: usize = 4;

/// Pekan whose rallies (rapat umum, allowed from 21 Jan 2024) were held: 9 and 10.
const RALLY_PEKAN: std::ops::RangeInclusive<u32> = 9..=10;

/// Offices holding the five rallies.
const RALLY_REGIONS: [&str; 5] = ["64.72", "64.71", "64.72", "64.02", "64.71"];

/// How one pekan is split between the offices: the published figures, the least each other
/// office gets, the weights of the others (relative, before the seed's ±10 %), and the offices
/// the releases name as busiest, busiest first.
struct Plan {
    fixed: &'static [(&'static str, i64)],
    floor: i64,
    weights: &'static [(&'static str, f64)],
    leaders: &'static [&'static str],
}

/// Relative activity of the offices in the first weeks: Berau and Kukar busiest, Samarinda quiet.
const EARLY: &[(&str, f64)] = &[
    ("64.03", 15.0),
    ("64.02", 13.0),
    ("64.71", 9.0),
    ("64.74", 6.0),
    ("64.08", 5.0),
    ("64.01", 4.0),
    ("64.72", 4.0),
    ("64.07", 3.0),
    ("64.09", 2.0),
    ("64", 2.0),
    ("64.11", 1.5),
];

/// Pekan 7 (9–15 Jan 2024): Balikpapan, Kukar and Berau busiest.
const MIDDLE: &[(&str, f64)] = &[
    ("64.71", 17.0),
    ("64.02", 15.0),
    ("64.03", 14.0),
    ("64.72", 9.0),
    ("64.74", 8.0),
    ("64.08", 6.0),
    ("64.07", 6.0),
    ("64.01", 5.0),
    ("64.09", 3.0),
    ("64", 2.0),
    ("64.11", 1.5),
];

/// The last pekan: the capital catches up, Kutai Barat grows (293 in pekan 10).
const LATE: &[(&str, f64)] = &[
    ("64.71", 15.0),
    ("64.02", 14.0),
    ("64.03", 14.0),
    ("64.72", 13.0),
    ("64.07", 10.0),
    ("64.74", 8.0),
    ("64.08", 6.0),
    ("64.01", 5.0),
    ("64.09", 4.0),
    ("64", 2.0),
    ("64.11", 1.5),
];

#[rustfmt::skip]
const PLANS: [Plan; 10] = [
    // Pekan 1 (28 Nov – 4 Dec 2023): Samarinda the fewest, so every other office has more than 3.
    Plan { fixed: &[("64.03", 42), ("64.02", 31), ("64.74", 16), ("64.72", 3)], floor: 4, weights: EARLY, leaders: &["64.03", "64.02"] },
    // Pekan 2 (5–11 Dec).
    Plan { fixed: &[("64.03", 80), ("64.02", 73), ("64.01", 25), ("64.74", 24), ("64.71", 24), ("64.72", 15)], floor: 1, weights: EARLY, leaders: &[] },
    // Pekan 3 (12–18 Dec).
    Plan { fixed: &[], floor: 1, weights: EARLY, leaders: &["64.03", "64.02"] },
    // Pekan 4 (19–25 Dec): every office published; the provincial office the 2 left.
    Plan { fixed: &[("64.03", 137), ("64.02", 123), ("64.71", 89), ("64.74", 58), ("64.08", 24), ("64.01", 21), ("64.72", 19), ("64.07", 9), ("64.11", 8), ("64.09", 7), ("64", 2)], floor: 1, weights: EARLY, leaders: &[] },
    // Pekan 5 (26 Dec – 1 Jan 2024).
    Plan { fixed: &[], floor: 1, weights: EARLY, leaders: &["64.03", "64.02"] },
    // Pekan 6 (2–8 Jan).
    Plan { fixed: &[], floor: 1, weights: EARLY, leaders: &["64.03", "64.02"] },
    // Pekan 7 (9–15 Jan): Balikpapan, Kukar, Berau busiest.
    Plan { fixed: &[], floor: 1, weights: MIDDLE, leaders: &["64.71", "64.02", "64.03"] },
    // Pekan 8 (16–22 Jan).
    Plan { fixed: &[], floor: 1, weights: LATE, leaders: &[] },
    // Pekan 9 (23–29 Jan).
    Plan { fixed: &[], floor: 1, weights: LATE, leaders: &[] },
    // Pekan 10 (30 Jan – 10 Feb): Berau 426, Kutai Barat 293.
    Plan { fixed: &[("64.03", 426), ("64.07", 293)], floor: 1, weights: LATE, leaders: &[] },
];

/// The activities of the whole campaign, per office, pekan, method and contestant kind.
pub(crate) fn campaign(rng: &mut Rng) -> Vec<ActivityRow> {
    let regions: Vec<&str> = OFFICES.iter().map(|o| o.code).collect();
    let cells: Vec<(usize, u32)> = (1..=10u32)
        .flat_map(|p| (0..regions.len()).map(move |r| (r, p)))
        .collect();
    let totals: Vec<i64> = (1..=10u32)
        .flat_map(|p| split_pekan(rng, p, &regions))
        .collect();

    // Methods: the rallies where and when they were held, then the other forms and the
    // face-to-face meetings in proportion to each office's pekan; limited meetings the rest.
    let mut by_method = vec![[0i64; 4]; cells.len()];
    for region in RALLY_REGIONS {
        let r = regions.iter().position(|c| *c == region).unwrap_or(0);
        let p = rng.u32(RALLY_PEKAN);
        if let Some(i) = cells.iter().position(|&c| c == (r, p)) {
            by_method[i][2] += 1;
        }
    }
    for k in [3, 1] {
        let caps: Vec<i64> = (0..cells.len())
            .map(|i| totals[i] - by_method[i].iter().sum::<i64>())
            .collect();
        let weights: Vec<f64> = caps
            .iter()
            .map(|&c| c as f64 * (0.8 + 0.4 * rng.f64()))
            .collect();
        for (i, n) in apportion_capped(TOTALS[k], &weights, &caps)
            .into_iter()
            .enumerate()
        {
            by_method[i][k] = n;
        }
    }
    for (i, m) in by_method.iter_mut().enumerate() {
        m[0] = totals[i] - m[1] - m[2] - m[3];
    }

    // Contestant kinds, per pekan: DPD candidates and presidential pairs a small share (the
    // presidential campaign growing towards the end), parties the rest.
    let mut rows = Vec::new();
    for p in 1..=10u32 {
        let idx: Vec<usize> = (0..cells.len()).filter(|&i| cells[i].1 == p).collect();
        let total = PEKAN[(p - 1) as usize];
        let (dpd, pres) = match PUBLISHED_CONTESTANTS.iter().find(|c| c.0 == p) {
            Some(&(_, d, pr)) => (d, pr),
            None => (
                share(rng, total, 0.03),
                share(rng, total, 0.008 * f64::from(p)),
            ),
        };
        // One slot per (office, method) of the pekan; DPD candidates and presidential pairs only
        // in the limited meetings of the pekan's busiest offices, which keeps the figures few
        // (the demo database stays under 1 MiB).
        let mut busiest = idx.clone();
        busiest.sort_by_key(|&i| std::cmp::Reverse(totals[i]));
        busiest.truncate(NON_PARTY_OFFICES);
        let slots: Vec<(usize, usize)> = idx
            .iter()
            .flat_map(|&i| (0..4).map(move |k| (i, k)))
            .collect();
        let mut left: Vec<i64> = slots.iter().map(|&(i, k)| by_method[i][k]).collect();
        let mut kinds: Vec<[i64; 3]> = vec![[0; 3]; slots.len()];
        for (kind, n) in [(1, dpd), (2, pres)] {
            let weights: Vec<f64> = slots
                .iter()
                .zip(&left)
                .map(|(&(i, k), &c)| {
                    if k == 0 && busiest.contains(&i) {
                        c as f64 * (0.5 + rng.f64())
                    } else {
                        0.0
                    }
                })
                .collect();
            for (s, m) in apportion_capped(n, &weights, &left).into_iter().enumerate() {
                kinds[s][kind] = m;
                left[s] -= m;
            }
        }
        for (s, &(i, k)) in slots.iter().enumerate() {
            kinds[s][0] = left[s];
            for (kind, code) in ["PARTAI", "DPD", "PRESIDEN"].into_iter().enumerate() {
                if kinds[s][kind] > 0 {
                    rows.push(ActivityRow {
                        region: regions[cells[i].0].to_string(),
                        pekan: p,
                        method: METHODS[k].to_string(),
                        contestant: code.to_string(),
                        party: String::new(),
                        count: kinds[s][kind],
                    });
                }
            }
        }
    }
    rows.sort();
    rows
}

/// The campaign's activities with every figure multiplied by `factor` (for synthetic data at
/// scale: the same pekan, offices and shares).
pub(crate) fn scaled(rows: &[ActivityRow], factor: i64) -> Vec<ActivityRow> {
    rows.iter()
        .map(|r| ActivityRow {
            count: r.count.saturating_mul(factor.max(1)),
            ..r.clone()
        })
        .collect()
}

/// Writes Pemilu 2024's campaign activities, each region's pekan whole, as part of batch
/// `batch_id`.
pub(crate) fn write(
    tx: &Write<'_>,
    rows: &[ActivityRow],
    batch_id: i64,
    now: NaiveDateTime,
) -> Result<()> {
    write_of(
        tx,
        crate::domain::election::FIRST_ELECTION,
        rows,
        batch_id,
        now,
    )
}

/// Writes the campaign activities of `election` (its code), each region's pekan whole, as part of
/// batch `batch_id`.
pub(crate) fn write_of(
    tx: &Write<'_>,
    election: &str,
    rows: &[ActivityRow],
    batch_id: i64,
    now: NaiveDateTime,
) -> Result<()> {
    let mut pekan: std::collections::BTreeMap<(&str, u32), Vec<ActivityRow>> = Default::default();
    for a in rows {
        pekan
            .entry((&a.region, a.pekan))
            .or_default()
            .push(a.clone());
    }
    for ((region, n), rows) in pekan {
        tx.write_pekan(election, region, n, &rows, Some(batch_id), now)?;
    }
    Ok(())
}

/// `total × share`, ±20 % from the seed, rounded.
fn share(rng: &mut Rng, total: i64, share: f64) -> i64 {
    (total as f64 * share * (0.8 + 0.4 * rng.f64())).round() as i64
}

/// Pekan `p`'s activities per office, in the order of `regions`.
fn split_pekan(rng: &mut Rng, p: u32, regions: &[&str]) -> Vec<i64> {
    let plan = &PLANS[(p - 1) as usize];
    let mut out = vec![0i64; regions.len()];
    let mut rest = Vec::new();
    for (r, code) in regions.iter().enumerate() {
        match plan.fixed.iter().find(|(c, _)| c == code) {
            Some(&(_, n)) => out[r] = n,
            None => rest.push(r),
        }
    }
    let left = PEKAN[(p - 1) as usize] - out.iter().sum::<i64>() - plan.floor * rest.len() as i64;
    let weights: Vec<f64> = rest
        .iter()
        .map(|&r| {
            let w = plan
                .weights
                .iter()
                .find(|(c, _)| *c == regions[r])
                .map_or(1.0, |(_, w)| *w);
            w * (0.9 + 0.2 * rng.f64())
        })
        .collect();
    for (j, n) in apportion(left.max(0), &weights).into_iter().enumerate() {
        out[rest[j]] = plan.floor + n;
    }
    // The offices the releases name as busiest, in the order they name them.
    let lead: Vec<usize> = plan
        .leaders
        .iter()
        .filter_map(|c| regions.iter().position(|r| r == c))
        .collect();
    let mut values: Vec<i64> = lead.iter().map(|&r| out[r]).collect();
    values.sort_unstable_by(|a, b| b.cmp(a));
    for (&r, v) in lead.iter().zip(values) {
        out[r] = v;
    }
    out
}

/// Splits `total` in proportion to `weights` (largest remainder), summing exactly to `total`.
pub(crate) fn apportion(total: i64, weights: &[f64]) -> Vec<i64> {
    let caps = vec![i64::MAX; weights.len()];
    apportion_capped(total, weights, &caps)
}

/// [`apportion`], no part above its cap (exact as long as the caps add up to `total`).
pub(crate) fn apportion_capped(total: i64, weights: &[f64], caps: &[i64]) -> Vec<i64> {
    let sum: f64 = weights.iter().sum();
    if sum <= 0.0 || weights.is_empty() {
        return vec![0; weights.len()];
    }
    let exact: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    let mut out: Vec<i64> = exact
        .iter()
        .zip(caps)
        .map(|(x, &c)| (x.floor() as i64).clamp(0, c.max(0)))
        .collect();
    let mut left = total - out.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        (exact[b] - exact[b].floor())
            .total_cmp(&(exact[a] - exact[a].floor()))
            .then(a.cmp(&b))
    });
    while left > 0 {
        let mut moved = false;
        for &i in &order {
            if left == 0 {
                break;
            }
            if out[i] < caps[i] && weights[i] > 0.0 {
                out[i] += 1;
                left -= 1;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apportion_sums_exactly_and_keeps_to_the_caps() {
        let w = [1.0, 2.0, 3.3, 0.1];
        for total in [0, 1, 7, 15, 5600] {
            assert_eq!(apportion(total, &w).iter().sum::<i64>(), total);
        }
        let capped = apportion_capped(10, &w, &[1, 1, 100, 0]);
        assert_eq!(capped.iter().sum::<i64>(), 10);
        assert!(
            capped[0] <= 1 && capped[1] <= 1 && capped[3] == 0,
            "{capped:?}"
        );
    }

    #[test]
    fn the_pekan_add_up_to_the_published_totals() {
        assert_eq!(PEKAN[..6].iter().sum::<i64>(), 2_495);
        assert_eq!(PEKAN.iter().sum::<i64>(), 7_120);
        assert_eq!(TOTALS.iter().sum::<i64>(), 7_120);
        for (p, plan) in PLANS.iter().enumerate() {
            let fixed: i64 = plan.fixed.iter().map(|f| f.1).sum();
            assert!(fixed <= PEKAN[p], "pekan {}", p + 1);
        }
    }
}
