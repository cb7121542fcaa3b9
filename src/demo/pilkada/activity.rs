//! Pilkada 2024's campaign activities supervised per office and pekan (domain.md §8), counted from
//! the campaign's first day (pekan 1 = 25 Sep – 1 Oct 2024, pekan 8 = 13–23 Nov): 348 in pekan 1
//! with the published split per office, 245 of them face-to-face meetings; 994 from 2 to 15 Oct
//! (pekan 2 and 3), 67 for the governor's race and 927 for the kab/kota races, Balikpapan the most
//! (216) and Kutai Timur the fewest (18); over the whole campaign Bontang 724 (its mayoral pairs
//! 240, 211, 177 and 76, the governor's race the 20 left) and Balikpapan 770. The kab/kota offices
//! supervise both races in their area; the provincial office counts none of its own.
//!
//! A figure's contestant kind is the race (`GUBERNUR`, `BUPATI_WALIKOTA`) and its party the pair,
//! written as the contest's code and the pair's number: `WALIKOTA_BONTANG/01`.

use fastrand::Rng;

use crate::demo::activity::{apportion, apportion_capped};
use crate::domain::election::{Contest, Election};
use crate::store::activities::ActivityRow;

/// The kab/kota offices, in the order of the tables below.
pub(crate) const OFFICES: [&str; 10] = [
    "64.71", "64.72", "64.74", "64.02", "64.08", "64.01", "64.09", "64.03", "64.07", "64.11",
];

/// Pekan 1 per office, as published (in the order of [`OFFICES`]).
pub(crate) const PEKAN_1: [i64; 10] = [73, 17, 74, 47, 16, 29, 11, 57, 21, 3];

/// Face-to-face meetings (pertemuan tatap muka dan dialog) among pekan 1's activities.
pub(crate) const PEKAN_1_TATAP_MUKA: i64 = 245;

/// 2–15 Oct 2024 (pekan 2 and 3): all activities, and those of the governor's race.
pub(crate) const OCTOBER: i64 = 994;
pub(crate) const OCTOBER_GOVERNOR: i64 = 67;

/// 2–15 Oct per office where published: Balikpapan the most, Kutai Timur the fewest.
pub(crate) const OCTOBER_FIXED: [(&str, i64); 2] = [("64.71", 216), ("64.08", 18)];

/// The whole campaign per office where published.
pub(crate) const WHOLE: [(&str, i64); 2] = [("64.74", 724), ("64.71", 770)];

/// Bontang's mayoral pairs over the whole campaign, pair 1 to 4.
pub(crate) const BONTANG_PAIRS: [i64; 4] = [240, 211, 177, 76];

/// Bontang's activities of the governor's race per pekan: the 20 of its 724 the pairs leave.
const BONTANG_GOVERNOR: [i64; 8] = [2, 3, 3, 2, 2, 3, 2, 3];

/// How busy the other offices are from October on, relative to each other (before the seed's
/// ±10 %): Bontang, Kukar and Berau busiest, Mahakam Ulu the quietest.
const WEIGHTS: [f64; 10] = [0.0, 6.0, 14.0, 13.0, 0.0, 7.0, 5.0, 12.0, 6.0, 3.5];

/// The growth of the campaign after mid-October: pekan 4 to 8 (the eighth is eleven days long).
const LATE: [f64; 5] = [1.0, 1.05, 1.1, 1.2, 1.8];

/// The public debates (debat publik) of the governor's race: pekan and host office (KPU Kaltim's
/// schedule, unverified). Each kab/kota race with more than one pair holds two of its own.
const GOVERNOR_DEBATES: [(u32, &str); 3] = [(4, "64.72"), (6, "64.71"), (8, "64.72")];

/// The campaign's pekan.
pub(crate) const PEKAN: u32 = 8;

/// The pair written in a figure's party column: `WALIKOTA_BONTANG/01`.
pub(crate) fn pair_label(contest: &str, n: usize) -> String {
    format!("{contest}/{n:02}")
}

/// Pilkada 2024's campaign activities (`election` is its reference data), per office, pekan,
/// method, race and pair.
pub(crate) fn campaign(rng: &mut Rng, election: &Election) -> Vec<ActivityRow> {
    let governor = election
        .contests
        .iter()
        .find(|c| c.region.as_deref() == Some("64"));
    let races: Vec<Option<&Contest>> = OFFICES
        .iter()
        .map(|o| {
            election
                .contests
                .iter()
                .find(|c| c.region.as_deref() == Some(*o))
        })
        .collect();
    let totals = totals(rng);

    // The governor's race per office and pekan: Bontang's as above, 67 over 2–15 Oct, about one
    // activity in twelve otherwise.
    let n = OFFICES.len();
    let bontang = index("64.74");
    let mut gov = vec![[0i64; PEKAN as usize]; n];
    gov[bontang] = BONTANG_GOVERNOR;
    let october: Vec<(usize, usize)> = (0..n)
        .filter(|&r| r != bontang)
        .flat_map(|r| [(r, 1), (r, 2)])
        .collect();
    let left = OCTOBER_GOVERNOR - BONTANG_GOVERNOR[1] - BONTANG_GOVERNOR[2];
    let weights: Vec<f64> = october
        .iter()
        .map(|&(r, p)| totals[r][p] as f64 * (0.5 + rng.f64()))
        .collect();
    let caps: Vec<i64> = october.iter().map(|&(r, p)| totals[r][p] - 1).collect();
    for (&(r, p), g) in october.iter().zip(apportion_capped(left, &weights, &caps)) {
        gov[r][p] = g;
    }
    for r in (0..n).filter(|&r| r != bontang) {
        for p in [0usize, 3, 4, 5, 6, 7] {
            let share = totals[r][p] as f64 * 0.08 * (0.6 + 0.8 * rng.f64());
            gov[r][p] = (share.round() as i64).clamp(0, (totals[r][p] - 1).max(0));
        }
    }

    // Each race's pairs: Bontang's to their published totals, the others by the seed.
    let mut local_pairs: Vec<Vec<[i64; PEKAN as usize]>> = Vec::with_capacity(n);
    for (r, race) in races.iter().enumerate() {
        let pairs = race.and_then(|c| c.pairs).unwrap_or(1).max(1) as usize;
        let local: Vec<i64> = (0..PEKAN as usize)
            .map(|p| totals[r][p] - gov[r][p])
            .collect();
        let mut split = vec![[0i64; PEKAN as usize]; pairs];
        if r == bontang && pairs == BONTANG_PAIRS.len() {
            let mut left = BONTANG_PAIRS.to_vec();
            for (p, &l) in local.iter().enumerate() {
                let weights: Vec<f64> = left.iter().map(|&x| x as f64).collect();
                for (i, m) in apportion_capped(l, &weights, &left).into_iter().enumerate() {
                    split[i][p] = m;
                    left[i] -= m;
                }
            }
        } else {
            let strength: Vec<f64> = (0..pairs).map(|_| 0.5 + rng.f64()).collect();
            for (p, &l) in local.iter().enumerate() {
                let weights: Vec<f64> = strength
                    .iter()
                    .map(|s| s * (0.9 + 0.2 * rng.f64()))
                    .collect();
                for (i, m) in apportion(l, &weights).into_iter().enumerate() {
                    split[i][p] = m;
                }
            }
        }
        local_pairs.push(split);
    }

    // Every slot (office, pekan, race, pair) with its count.
    struct Slot {
        region: usize,
        pekan: u32,
        governor: bool,
        contest: String,
        pair: usize,
        count: i64,
        debate: bool,
    }
    let gov_code = governor.map_or("GUBERNUR", |c| c.code.as_str());
    let debates = local_debates(rng, &races);
    let mut slots = Vec::new();
    for r in 0..n {
        for p in 1..=PEKAN {
            let i = (p - 1) as usize;
            let g = gov[r][i];
            let first = (g as f64 * (0.35 + 0.3 * rng.f64())).round() as i64;
            let gov_debate = GOVERNOR_DEBATES.contains(&(p, OFFICES[r]));
            for (pair, count) in [(1, first), (2, g - first)] {
                slots.push(Slot {
                    region: r,
                    pekan: p,
                    governor: true,
                    contest: gov_code.to_string(),
                    pair,
                    count,
                    debate: gov_debate,
                });
            }
            let code = races[r].map_or("", |c| c.code.as_str());
            for (k, split) in local_pairs[r].iter().enumerate() {
                slots.push(Slot {
                    region: r,
                    pekan: p,
                    governor: false,
                    contest: code.to_string(),
                    pair: k + 1,
                    count: split[i],
                    debate: debates.contains(&(r, p)),
                });
            }
        }
    }

    // Methods: pekan 1's 245 face-to-face meetings in proportion to each slot; later about two
    // in three, a debate where one was held, media advertising in the last pekan (the 14 days
    // before the quiet period), some campaign material, limited meetings the rest.
    let first: Vec<usize> = (0..slots.len()).filter(|&s| slots[s].pekan == 1).collect();
    let weights: Vec<f64> = first.iter().map(|&s| slots[s].count as f64).collect();
    let caps: Vec<i64> = first.iter().map(|&s| slots[s].count).collect();
    let mut tatap = vec![0i64; slots.len()];
    for (&s, m) in first
        .iter()
        .zip(apportion_capped(PEKAN_1_TATAP_MUKA, &weights, &caps))
    {
        tatap[s] = m;
    }
    let mut rows = Vec::new();
    for (s, slot) in slots.iter().enumerate() {
        let mut left = slot.count;
        let debate = take(&mut left, i64::from(slot.debate && slot.count >= 3));
        let iklan = if slot.pekan == PEKAN && !slot.governor {
            take(&mut left, (slot.count as f64 * 0.05).round() as i64)
        } else {
            0
        };
        let face = if slot.pekan == 1 {
            take(&mut left, tatap[s])
        } else {
            let share = 0.62 + 0.1 * rng.f64();
            let n = (left as f64 * share).round() as i64;
            take(&mut left, n)
        };
        let material = if slot.governor {
            0
        } else {
            let n = (left as f64 * 0.12).round() as i64;
            take(&mut left, n)
        };
        let limited = left;
        for (method, count) in [
            ("TATAP_MUKA", face),
            ("PERTEMUAN_TERBATAS", limited),
            ("DEBAT_PUBLIK", debate),
            ("BAHAN_KAMPANYE", material),
            ("IKLAN_MEDIA", iklan),
        ] {
            if count > 0 {
                rows.push(ActivityRow {
                    region: OFFICES[slot.region].to_string(),
                    pekan: slot.pekan,
                    method: method.to_string(),
                    contestant: if slot.governor {
                        "GUBERNUR".to_string()
                    } else {
                        "BUPATI_WALIKOTA".to_string()
                    },
                    party: pair_label(&slot.contest, slot.pair),
                    count,
                });
            }
        }
    }
    rows.sort();
    rows
}

/// `n` of what is `left` (no more than there is), taken from it.
fn take(left: &mut i64, n: i64) -> i64 {
    let n = n.clamp(0, *left);
    *left -= n;
    n
}

/// The position of an office in [`OFFICES`].
fn index(code: &str) -> usize {
    OFFICES.iter().position(|o| *o == code).unwrap_or(0)
}

/// Activities per office (in the order of [`OFFICES`]) and pekan.
fn totals(rng: &mut Rng) -> Vec<[i64; PEKAN as usize]> {
    let n = OFFICES.len();
    let mut out = vec![[0i64; PEKAN as usize]; n];
    for (r, &p1) in PEKAN_1.iter().enumerate() {
        out[r][0] = p1;
    }
    // 2–15 Oct: the published two, every other office more than Kutai Timur's 18 and fewer than
    // Balikpapan's 216.
    let mut october = vec![0i64; n];
    for (code, v) in OCTOBER_FIXED {
        october[index(code)] = v;
    }
    let rest: Vec<usize> = (0..n).filter(|&r| october[r] == 0).collect();
    let floor = OCTOBER_FIXED.iter().map(|f| f.1).min().unwrap_or(0) + 1;
    let left = OCTOBER - october.iter().sum::<i64>() - floor * rest.len() as i64;
    let weights: Vec<f64> = rest
        .iter()
        .map(|&r| WEIGHTS[r] * (0.9 + 0.2 * rng.f64()))
        .collect();
    for (&r, m) in rest.iter().zip(apportion(left.max(0), &weights)) {
        october[r] = floor + m;
    }
    for r in 0..n {
        let second = (october[r] as f64 * (0.44 + 0.08 * rng.f64())).round() as i64;
        out[r][1] = second;
        out[r][2] = october[r] - second;
    }
    // Pekan 4 to 8: what the whole campaign leaves where published, else a little over twice
    // October's.
    for r in 0..n {
        let before = out[r][0] + october[r];
        let after = match WHOLE.iter().find(|w| index(w.0) == r) {
            Some(&(_, whole)) => whole - before,
            None => (october[r] as f64 * (2.0 + 0.6 * rng.f64())).round() as i64,
        };
        let weights: Vec<f64> = LATE.iter().map(|w| w * (0.9 + 0.2 * rng.f64())).collect();
        for (k, m) in apportion(after.max(0), &weights).into_iter().enumerate() {
            out[r][3 + k] = m;
        }
    }
    out
}

/// Where and when each kab/kota race with more than one pair held its two public debates:
/// (office, pekan), pekan 3 to 8.
fn local_debates(rng: &mut Rng, races: &[Option<&Contest>]) -> Vec<(usize, u32)> {
    let mut out = Vec::new();
    for (r, race) in races.iter().enumerate() {
        if race.and_then(|c| c.pairs).unwrap_or(1) < 2 {
            continue;
        }
        let first = rng.u32(3..=5);
        let second = rng.u32(first + 1..=PEKAN);
        out.extend([(r, first), (r, second)]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_figures_add_up() {
        assert_eq!(PEKAN_1.iter().sum::<i64>(), 348);
        assert_eq!(BONTANG_GOVERNOR.iter().sum::<i64>(), 20);
        assert_eq!(BONTANG_PAIRS.iter().sum::<i64>() + 20, 724);
        assert_eq!(OFFICES.len(), PEKAN_1.len());
    }
}
