//! The region map's layout from `assets/map-tiles.csv`, checked (every region once, no overlaps,
//! errors naming the line), and moving between tiles by direction. Data only: no drawing, no SQL.

use crate::domain::Reference;
use crate::i18n::{Lang, core::Core};

/// The embedded copy of the layout.
pub const MAP_CSV: &str = include_str!("../../assets/map-tiles.csv");
/// How errors name the embedded layout.
pub const MAP_FILE: &str = "assets/map-tiles.csv";

const HEADER: [&str; 5] = ["kode_wilayah", "baris", "kolom", "tinggi", "lebar"];
const HEADER_EN: [&str; 5] = ["region", "row", "column", "height", "width"];
/// The largest grid a layout may use.
const MAX_CELLS: u16 = 24;

/// One region's tile: its top-left cell and its size in cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tile {
    pub code: String,
    pub row: u16,
    pub col: u16,
    pub height: u16,
    pub width: u16,
}

impl Tile {
    fn cells(&self) -> impl Iterator<Item = (u16, u16)> + '_ {
        (self.row..self.row + self.height)
            .flat_map(move |r| (self.col..self.col + self.width).map(move |c| (r, c)))
    }

    /// Twice the centre, so centres compare in whole numbers.
    fn centre2(&self) -> (i32, i32) {
        (
            2 * i32::from(self.row) + i32::from(self.height),
            2 * i32::from(self.col) + i32::from(self.width),
        )
    }
}

/// A direction of the arrow keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Up,
    Down,
    Left,
    Right,
}

/// A checked layout: every region of the reference exactly once, no cell used twice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tiles {
    /// In the order of the file.
    pub tiles: Vec<Tile>,
    pub rows: u16,
    pub cols: u16,
}

/// What is wrong with a layout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The first line is not the header.
    Header(String),
    /// A line without five fields.
    Fields(usize),
    /// A field that is not a whole number in range.
    Number {
        column: &'static str,
        value: String,
        least: u16,
    },
    /// A code that is no region of the reference data.
    Unknown(String),
    /// A tile reaching past the largest grid.
    Beyond,
    /// A region given twice.
    Twice { code: String, first: usize },
    /// A tile over another one.
    Overlap {
        code: String,
        other: String,
        other_line: usize,
        row: u16,
        col: u16,
    },
    /// A region without a tile.
    Missing { code: String, name: String },
}

/// An error in a layout file, naming the file and the line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayoutError {
    pub file: String,
    pub line: usize,
    pub problem: Problem,
}

impl LayoutError {
    /// `assets/map-tiles.csv:7: …` in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let text = match &self.problem {
            Problem::Header(found) => Core::TilesHeader {
                want: HEADER.join(","),
                found,
            },
            Problem::Fields(n) => Core::TilesFields { n: *n },
            Problem::Number {
                column,
                value,
                least,
            } => Core::TilesNumber {
                column,
                value,
                least: *least,
                max: MAX_CELLS,
            },
            Problem::Beyond => Core::TilesBeyond { max: MAX_CELLS },
            Problem::Unknown(code) => Core::TilesUnknown { code },
            Problem::Twice { code, first } => Core::TilesTwice {
                code,
                first: *first,
            },
            Problem::Overlap {
                code,
                other,
                other_line,
                row,
                col,
            } => Core::TilesOverlap {
                code,
                other,
                other_line: *other_line,
                row: *row,
                col: *col,
            },
            Problem::Missing { code, name } => Core::TilesMissing { code, name },
        }
        .text(lang);
        format!("{}:{}: {text}", self.file, self.line)
    }
}

impl std::fmt::Display for LayoutError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for LayoutError {}

impl Tiles {
    /// The layout a database's map is drawn with: the embedded one (Kalimantan Timur's, drawn by
    /// hand) for a database of the province it lays out, checked against `reference`; none (no
    /// tiles) for any other province and for a national database, whose map is a ranked list.
    pub fn for_database(reference: &Reference) -> Result<Tiles, LayoutError> {
        let laid_out = MAP_CSV
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .nth(1)
            .and_then(|l| l.split(',').next())
            .and_then(|code| code.split('.').next())
            .map(str::trim);
        match reference.root() {
            Some(root) if !reference.is_national() && Some(root.code.as_str()) == laid_out => {
                Tiles::embedded(reference)
            }
            _ => Ok(Tiles::default()),
        }
    }

    /// Whether there is no layout (the map is then a ranked list).
    pub fn is_empty(&self) -> bool {
        self.tiles.is_empty()
    }

    /// The embedded layout, checked against `reference`.
    pub fn embedded(reference: &Reference) -> Result<Tiles, LayoutError> {
        Tiles::parse(MAP_FILE, MAP_CSV, reference)
    }

    /// Parses and checks a layout; `file` names it in errors. Lines starting with `#` and blank
    /// lines are skipped; line numbers count every line.
    pub fn parse(file: &str, text: &str, reference: &Reference) -> Result<Tiles, LayoutError> {
        let fail = |line: usize, problem: Problem| LayoutError {
            file: file.to_string(),
            line,
            problem,
        };
        let mut lines = text
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim_start_matches('\u{feff}').trim()))
            .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'));
        let (line, header) = lines
            .next()
            .ok_or_else(|| fail(1, Problem::Header(String::new())))?;
        let fields: Vec<String> = header.split(',').map(|f| f.trim().to_lowercase()).collect();
        if fields != HEADER && fields != HEADER_EN {
            return Err(fail(line, Problem::Header(header.to_string())));
        }
        let mut out = Tiles::default();
        let mut lines_of: Vec<usize> = Vec::new();
        let mut last = line;
        for (line, text) in lines {
            last = line;
            let f: Vec<&str> = text.split(',').map(str::trim).collect();
            if f.len() != 5 {
                return Err(fail(line, Problem::Fields(f.len())));
            }
            let number = |i: usize, least: u16| {
                f[i].parse::<u16>()
                    .ok()
                    .filter(|n| (least..=MAX_CELLS).contains(n))
                    .ok_or_else(|| {
                        fail(
                            line,
                            Problem::Number {
                                column: HEADER[i],
                                value: f[i].to_string(),
                                least,
                            },
                        )
                    })
            };
            let code = f[0].to_string();
            if reference.region(&code).is_none() {
                return Err(fail(line, Problem::Unknown(code)));
            }
            let tile = Tile {
                code,
                row: number(1, 0)?,
                col: number(2, 0)?,
                height: number(3, 1)?,
                width: number(4, 1)?,
            };
            if tile.row + tile.height > MAX_CELLS || tile.col + tile.width > MAX_CELLS {
                return Err(fail(line, Problem::Beyond));
            }
            for (i, other) in out.tiles.iter().enumerate() {
                if other.code == tile.code {
                    let first = lines_of[i];
                    return Err(fail(
                        line,
                        Problem::Twice {
                            code: tile.code,
                            first,
                        },
                    ));
                }
                if let Some((row, col)) = tile.cells().find(|c| other.cells().any(|o| o == *c)) {
                    return Err(fail(
                        line,
                        Problem::Overlap {
                            code: tile.code.clone(),
                            other: other.code.clone(),
                            other_line: lines_of[i],
                            row,
                            col,
                        },
                    ));
                }
            }
            out.rows = out.rows.max(tile.row + tile.height);
            out.cols = out.cols.max(tile.col + tile.width);
            out.tiles.push(tile);
            lines_of.push(line);
        }
        if let Some(r) = reference
            .regions
            .iter()
            .find(|r| !out.tiles.iter().any(|t| t.code == r.code))
        {
            return Err(fail(
                last + 1,
                Problem::Missing {
                    code: r.code.clone(),
                    name: r.short_name.clone(),
                },
            ));
        }
        Ok(out)
    }

    /// The index of the tile of region `code`.
    pub fn index_of(&self, code: &str) -> Option<usize> {
        self.tiles.iter().position(|t| t.code == code)
    }

    /// Whether no tile uses grid column `col` (it is drawn narrow, as a gap).
    pub fn is_gap_column(&self, col: u16) -> bool {
        !self
            .tiles
            .iter()
            .any(|t| t.col <= col && col < t.col + t.width)
    }

    /// The nearest tile from tile `from` in direction `dir`: the closest edge first, then the
    /// best-aligned centre.
    pub fn neighbour(&self, from: usize, dir: Dir) -> Option<usize> {
        let a = self.tiles.get(from)?;
        let (ar, ac) = a.centre2();
        self.tiles
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != from)
            .filter_map(|(i, b)| {
                let (br, bc) = b.centre2();
                let (gap, off) = match dir {
                    Dir::Up if b.row + b.height <= a.row => (a.row - (b.row + b.height), bc - ac),
                    Dir::Down if b.row >= a.row + a.height => (b.row - (a.row + a.height), bc - ac),
                    Dir::Left if b.col + b.width <= a.col => (a.col - (b.col + b.width), br - ar),
                    Dir::Right if b.col >= a.col + a.width => (b.col - (a.col + a.width), br - ar),
                    _ => return None,
                };
                Some((i32::from(gap) * 4 + off.abs(), i))
            })
            .min()
            .map(|(_, i)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference() -> Reference {
        Reference::embedded()
    }

    #[test]
    fn only_kaltim_is_laid_out_by_hand() {
        let kaltim = Tiles::for_database(&reference()).unwrap();
        assert_eq!(kaltim.tiles.len(), reference().regions.len());
        // Jawa Barat's offices, with the shipped holidays (its elections do not matter here).
        let base = reference();
        let regions = crate::domain::wilayah::province_regions("32").unwrap();
        let mut elections = base.elections.clone();
        for e in &mut elections {
            e.contests.retain(|c| c.region.is_none());
        }
        let jabar = Reference::assemble(regions, base.holidays.clone(), elections).unwrap();
        assert!(Tiles::for_database(&jabar).unwrap().is_empty());
        assert!(
            Tiles::for_database(&Reference::national())
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn the_embedded_layout_has_every_region_once() {
        let t = Tiles::embedded(&reference()).unwrap();
        assert_eq!(t.tiles.len(), reference().regions.len());
        assert!(t.is_gap_column(4), "the province stands apart");
        let at = |code: &str| t.index_of(code).unwrap();
        let berau = &t.tiles[at("64.03")];
        assert_eq!(berau.row, 0, "Berau is in the north");
        assert_eq!(t.neighbour(at("64.74"), Dir::Down), Some(at("64.72")));
        assert_eq!(t.neighbour(at("64.72"), Dir::Down), Some(at("64.71")));
        assert_eq!(t.neighbour(at("64.71"), Dir::Left), Some(at("64.09")));
        assert_eq!(t.neighbour(at("64.02"), Dir::Right), Some(at("64.74")));
        assert_eq!(t.neighbour(at("64.11"), Dir::Left), None);
    }

    /// The embedded layout with line `n` (1-based) replaced by `text`.
    fn with_line(n: usize, text: &str) -> String {
        MAP_CSV
            .lines()
            .enumerate()
            .map(|(i, l)| if i + 1 == n { text } else { l })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn error(text: &str, lang: Lang) -> String {
        match Tiles::parse(MAP_FILE, text, &reference()) {
            Ok(_) => panic!("accepted:\n{text}"),
            Err(e) => e.message(lang),
        }
    }

    #[test]
    fn a_bad_layout_is_refused_naming_the_line() {
        assert_eq!(
            MAP_CSV.lines().nth(10),
            Some("64.74,2,3,1,1"),
            "line 11 is Bontang"
        );
        assert_eq!(
            error(&with_line(11, "64.74,2,2,1,1"), Lang::En),
            "assets/map-tiles.csv:11: tile 64.74 overlaps tile 64.02 (line 10) at row 2, column 2"
        );
        assert_eq!(
            error(&with_line(11, "64.02,2,3,1,1"), Lang::En),
            "assets/map-tiles.csv:11: region 64.02 appears twice: on line 10 and here"
        );
        assert_eq!(
            error(&with_line(11, "# Bontang left out"), Lang::En),
            "assets/map-tiles.csv:18: region 64.74 (Bontang) has no tile; add a line for it"
        );
        assert_eq!(
            error(&with_line(11, "64.99,2,3,1,1"), Lang::Id),
            "assets/map-tiles.csv:11: wilayah \"64.99\" tidak dikenal (pakai kode Kemendagri, mis. 64.71)"
        );
        assert_eq!(
            error(&with_line(11, "64.74,2,3,0,1"), Lang::En),
            "assets/map-tiles.csv:11: column tinggi: \"0\" is not a whole number 1–24"
        );
        assert_eq!(
            error(&with_line(11, "64.74,2,20,1,5"), Lang::En),
            "assets/map-tiles.csv:11: the tile reaches past row or column 24"
        );
        assert!(
            error(&with_line(11, "64.74,2,3"), Lang::En)
                .starts_with("assets/map-tiles.csv:11: expected 5 fields")
        );
        assert!(
            error(&with_line(5, "wilayah,baris,kolom"), Lang::En)
                .starts_with("assets/map-tiles.csv:5: the header")
        );
    }
}
