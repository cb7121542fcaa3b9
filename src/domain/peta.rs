//! The outlines of Kalimantan Timur's ten kab/kota (`assets/peta/kaltim.json`, see its SUMBER.md),
//! parsed once, and a point inside each for its label. Data and geometry only: no drawing, no files.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::sync::OnceLock;

use serde::Deserialize;

/// The embedded outlines.
pub const KALTIM_JSON: &str = include_str!("../../assets/peta/kaltim.json");

/// One kab/kota as the map draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    /// The Kemendagri code, as pantau's regions carry it (`64.72`).
    pub code: String,
    /// The short name of `assets/regions.csv` (`Samarinda`, `Kukar`), for a map whose figures
    /// name no label of their own.
    pub name: String,
    /// Outer rings as (longitude, latitude), largest first; a ring is not closed (its last point
    /// is not its first again).
    pub polygons: Vec<Vec<(f64, f64)>>,
}

#[derive(Deserialize)]
struct Asset {
    regions: Vec<RawOutline>,
}

#[derive(Deserialize)]
struct RawOutline {
    code: String,
    name: String,
    polygons: Vec<Vec<[f64; 2]>>,
}

/// Kaltim's ten kab/kota, in code order. Empty only if the embedded file were broken, which the
/// tests rule out.
pub fn kaltim() -> &'static [Outline] {
    static OUTLINES: OnceLock<Vec<Outline>> = OnceLock::new();
    OUTLINES.get_or_init(|| parse(KALTIM_JSON).unwrap_or_default())
}

fn parse(text: &str) -> Option<Vec<Outline>> {
    let asset: Asset = serde_json::from_str(text).ok()?;
    Some(
        asset
            .regions
            .into_iter()
            .map(|r| {
                let mut polygons: Vec<Vec<(f64, f64)>> = r
                    .polygons
                    .into_iter()
                    .map(|ring| ring.into_iter().map(|[x, y]| (x, y)).collect())
                    .filter(|ring: &Vec<(f64, f64)>| ring.len() >= 3)
                    .collect();
                polygons.sort_by(|a, b| area(b).total_cmp(&area(a)));
                Outline {
                    code: r.code,
                    name: r.name,
                    polygons,
                }
            })
            .collect(),
    )
}

/// The unsigned area of a ring, in square degrees.
pub fn area(ring: &[(f64, f64)]) -> f64 {
    let n = ring.len();
    let twice: f64 = (0..n)
        .map(|i| {
            let (x1, y1) = ring[i];
            let (x2, y2) = ring[(i + 1) % n];
            x1 * y2 - x2 * y1
        })
        .sum();
    twice.abs() / 2.0
}

/// Whether `p` lies inside `ring` (even-odd rule).
pub fn contains(ring: &[(f64, f64)], p: (f64, f64)) -> bool {
    let (x, y) = p;
    let n = ring.len();
    let mut inside = false;
    for i in 0..n {
        let (x1, y1) = ring[i];
        let (x2, y2) = ring[(i + n - 1) % n];
        if (y1 > y) != (y2 > y) && x < (x2 - x1) * (y - y1) / (y2 - y1) + x1 {
            inside = !inside;
        }
    }
    inside
}

/// The bounding box of all of Kaltim: (west, south, east, north) in degrees.
pub fn bounds(outlines: &[Outline]) -> (f64, f64, f64, f64) {
    let mut b = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in outlines.iter().flat_map(|o| o.polygons.iter().flatten()) {
        b = (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y));
    }
    b
}

/// A point well inside the region's largest polygon, for its label: the pole of inaccessibility
/// (the inside point farthest from the edge, to about 500 m), which, unlike the centroid, lies
/// inside a bent or hollow shape too. Longitude is scaled by the cosine of the latitude while
/// searching, as the map draws it.
pub fn label_point(outline: &Outline) -> (f64, f64) {
    let Some(ring) = outline.polygons.first() else {
        return (0.0, 0.0);
    };
    let lat0 = ring.iter().map(|p| p.1).sum::<f64>() / ring.len() as f64;
    let k = lat0.to_radians().cos();
    let flat: Vec<(f64, f64)> = ring.iter().map(|&(x, y)| (x * k, y)).collect();
    let (x, y) = pole(&flat, 0.005);
    (x / k, y)
}

/// The distance from `p` to the ring's edge: positive inside, negative outside.
fn signed_distance(ring: &[(f64, f64)], p: (f64, f64)) -> f64 {
    let n = ring.len();
    let mut best = f64::MAX;
    for i in 0..n {
        let a = ring[i];
        let b = ring[(i + 1) % n];
        best = best.min(segment_distance(p, a, b));
    }
    if contains(ring, p) { best } else { -best }
}

fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    };
    let (cx, cy) = (a.0 + t * dx, a.1 + t * dy);
    ((p.0 - cx).powi(2) + (p.1 - cy).powi(2)).sqrt()
}

/// A square of the search: its centre, half its side, its centre's distance to the edge.
struct Cell {
    x: f64,
    y: f64,
    half: f64,
    d: f64,
}

impl Cell {
    fn new(ring: &[(f64, f64)], x: f64, y: f64, half: f64) -> Cell {
        Cell {
            x,
            y,
            half,
            d: signed_distance(ring, (x, y)),
        }
    }

    /// The farthest from the edge any point of the cell can be.
    fn potential(&self) -> f64 {
        self.d + self.half * std::f64::consts::SQRT_2
    }
}

impl PartialEq for Cell {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Cell {}
impl PartialOrd for Cell {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Cell {
    fn cmp(&self, other: &Self) -> Ordering {
        self.potential().total_cmp(&other.potential())
    }
}

/// The pole of inaccessibility of `ring` to within `precision`: cells are split, most promising
/// first, until none can hold a point farther from the edge than the best found.
fn pole(ring: &[(f64, f64)], precision: f64) -> (f64, f64) {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in ring {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    let side = (x1 - x0).min(y1 - y0);
    if side <= 0.0 {
        return ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    }
    let half = side / 2.0;
    let mut queue = BinaryHeap::new();
    let mut x = x0;
    while x < x1 {
        let mut y = y0;
        while y < y1 {
            queue.push(Cell::new(ring, x + half, y + half, half));
            y += side;
        }
        x += side;
    }
    let mut best = Cell::new(ring, (x0 + x1) / 2.0, (y0 + y1) / 2.0, 0.0);
    let n = ring.len() as f64;
    let centroid = ring
        .iter()
        .fold((0.0, 0.0), |(sx, sy), &(x, y)| (sx + x / n, sy + y / n));
    let c = Cell::new(ring, centroid.0, centroid.1, 0.0);
    if c.d > best.d {
        best = c;
    }
    while let Some(cell) = queue.pop() {
        if cell.d > best.d {
            best = Cell { half: 0.0, ..cell };
        }
        if cell.potential() - best.d <= precision {
            continue;
        }
        let h = cell.half / 2.0;
        for (dx, dy) in [(-h, -h), (h, -h), (-h, h), (h, h)] {
            queue.push(Cell::new(ring, cell.x + dx, cell.y + dy, h));
        }
    }
    (best.x, best.y)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODES: [&str; 10] = [
        "64.01", "64.02", "64.03", "64.07", "64.08", "64.09", "64.11", "64.71", "64.72", "64.74",
    ];

    #[test]
    fn ten_outlines_by_pantau_code() {
        let codes: Vec<&str> = kaltim().iter().map(|o| o.code.as_str()).collect();
        assert_eq!(codes, CODES);
        assert!(kaltim().iter().all(|o| !o.polygons.is_empty()));
    }

    #[test]
    fn names_are_the_short_names_of_the_region_list() {
        let csv = crate::domain::reference::REGIONS_CSV;
        for o in kaltim() {
            let line = csv
                .lines()
                .find(|l| l.starts_with(&format!("{},", o.code)))
                .unwrap_or_else(|| panic!("{} is in regions.csv", o.code));
            assert_eq!(line.split(',').nth(2), Some(o.name.as_str()), "{line}");
        }
    }

    #[test]
    fn every_label_point_lies_inside_its_region() {
        for o in kaltim() {
            let p = label_point(o);
            assert!(contains(&o.polygons[0], p), "{} {p:?}", o.code);
            // And not on the edge: at least a little way in.
            assert!(signed_distance(&o.polygons[0], p) > 0.005, "{}", o.code);
            for other in kaltim().iter().filter(|x| x.code != o.code) {
                assert!(
                    !other.polygons.iter().any(|r| contains(r, p)),
                    "{}'s label point is in {}",
                    o.code,
                    other.code
                );
            }
        }
    }

    #[test]
    fn kaltim_lies_where_kaltim_is() {
        let (w, s, e, n) = bounds(kaltim());
        assert!((113.8..114.2).contains(&w), "west {w}");
        assert!((118.8..119.1).contains(&e), "east {e}");
        assert!((-2.6..-2.2).contains(&s), "south {s}");
        assert!((2.3..2.6).contains(&n), "north {n}");
        // The cities sit where they are, and are small.
        let city = |code: &str| kaltim().iter().find(|o| o.code == code).unwrap();
        let near = |code: &str, lon: f64, lat: f64| {
            let p = label_point(city(code));
            assert!(
                (p.0 - lon).abs() < 0.15 && (p.1 - lat).abs() < 0.15,
                "{code} {p:?}"
            );
        };
        near("64.72", 117.15, -0.5);
        near("64.74", 117.45, 0.13);
        near("64.71", 116.88, -1.2);
        assert!(area(&city("64.74").polygons[0]) < area(&city("64.02").polygons[0]) / 50.0);
    }

    #[test]
    fn the_asset_is_small_and_drawable() {
        assert!(KALTIM_JSON.len() < 100_000, "{}", KALTIM_JSON.len());
        for o in kaltim() {
            for ring in &o.polygons {
                assert!(ring.len() >= 3);
                assert_ne!(
                    ring.first(),
                    ring.last(),
                    "{}: rings are stored open",
                    o.code
                );
            }
        }
    }

    #[test]
    fn a_pole_of_an_l_shape_is_inside_where_the_centroid_is_not() {
        // An L: the centroid of its corners falls in the notch.
        let l = [
            (0.0, 0.0),
            (10.0, 0.0),
            (10.0, 1.0),
            (1.0, 1.0),
            (1.0, 10.0),
            (0.0, 10.0),
        ];
        let n = l.len() as f64;
        let c = l
            .iter()
            .fold((0.0, 0.0), |a, p| (a.0 + p.0 / n, a.1 + p.1 / n));
        assert!(!contains(&l, c));
        let p = pole(&l, 0.01);
        assert!(contains(&l, p), "{p:?}");
        assert!(signed_distance(&l, p) > 0.45, "{p:?}");
    }

    #[test]
    fn a_broken_file_parses_to_nothing() {
        assert!(parse("{").is_none());
        assert_eq!(parse(r#"{"regions": []}"#), Some(vec![]));
    }
}
