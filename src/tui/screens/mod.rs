//! The screens, one module each: a screen owns its state, handles the commands of its mode against
//! a read-only [`Ctx`], draws itself, and returns a [`Want`] instead of reaching into `App`.
//! The one `match` over screens for commands and drawing is here; `App` carries out what they want.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::domain::tiles::Tiles;
use crate::domain::{Election, Reference, Stage};
use crate::engine::NO_KECAMATAN;
use crate::engine::PageRequest;
use crate::engine::{Dim, Group, Headline, Level, RegionRow};
use crate::i18n::{Lang, Msg, tr};
use crate::tui::action::{Command, Screen};
use crate::tui::cases::Fill;
use crate::tui::data::Counts;
use crate::tui::marks::Marks;
use crate::tui::theme::Theme;
use crate::view::{Term, TermKind, View};

/// What a screen may read while it handles a command or draws: shared state, never its own.
#[derive(Clone, Copy, Debug)]
pub struct Ctx<'a> {
    pub lang: Lang,
    /// The theme drawn with (high contrast in presenter mode).
    pub theme: Theme,
    pub reference: &'a Reference,
    /// The region map's layout (reference data).
    pub tiles: &'a Tiles,
    pub view: &'a View,
    /// The codes of the elections the database holds cases of, once the worker said (the
    /// default election is one of them).
    pub held: &'a [String],
    /// The date the figures are counted at.
    pub as_of: chrono::NaiveDate,
    /// The figures of the view, once the worker has answered.
    pub counts: Option<&'a Counts>,
    /// The figures as the baseline copy has them, when a baseline is in force.
    pub base: Option<&'a Counts>,
    pub marks: &'a Marks,
    /// Presenter mode is on (no chrome: a screen shows one part at a time, without tabs).
    pub presenting: bool,
    /// The terminal's columns and rows (a row less while the path of drill-downs is shown).
    pub size: (u16, u16),
    /// The table of regions the dashboard and the map show: the root's, or one drilled into.
    pub area: &'a Level,
}

impl<'a> Ctx<'a> {
    /// Whether the tables show the root's rows (nothing drilled into).
    pub fn at_root(&self) -> bool {
        *self.area == Level::Root
    }

    /// The region drilled into (a province, or the region whose kecamatan are shown).
    pub fn area_code(&self) -> Option<&'a str> {
        match self.area {
            Level::Root => None,
            Level::Province(c) | Level::Kecamatan(c) => Some(c),
        }
    }

    /// The rows of the table in view, once the worker has counted them for it.
    pub fn area_rows(&self) -> Option<&'a [RegionRow]> {
        self.counts
            .filter(|c| c.area == *self.area)
            .map(|c| &c.regions[..])
    }

    /// A row's name as the tables show it: an office's display name, a kecamatan's (with its
    /// kabupaten/kota when it lies outside the region, as the engine labels it), "(tanpa
    /// kecamatan)" for the cases naming none.
    pub fn row_name(&self, row: &RegionRow) -> String {
        if row.code == NO_KECAMATAN {
            return tr(self.lang, Msg::TuiNoKecamatan).to_string();
        }
        match self.reference.region(&row.code) {
            // A national table's province counts the whole province, not its office.
            // By its name, or the short one officers use when it is long ("Babel", "DIY").
            Some(r) if r.kind == "provinsi" && self.at_root() && self.reference.is_national() => {
                let name = r.name.trim_start_matches("Provinsi ");
                if name.chars().count() <= 20 {
                    name.to_string()
                } else {
                    r.short_name.clone()
                }
            }
            Some(r) => r.display_name(self.lang),
            None => row.name.clone(),
        }
    }

    /// The current view with a drill's term (`wilayah:64.72`, `kecamatan:64.72.03`) replacing
    /// any term of the same key, in normal form; `None` when the term cannot be read.
    pub fn with_spec(&self, term: &str) -> Option<View> {
        let added = crate::view::parse(term, self.reference).ok()?;
        let mut view = self.view.clone();
        for t in added.terms {
            view.terms
                .retain(|o| std::mem::discriminant(&o.kind) != std::mem::discriminant(&t.kind));
            view.terms.push(t);
        }
        Some(self.normal(view))
    }

    /// The election whose calendar, campaign and pekan the screens show: the view's, or the
    /// default election when the view names none or several (`view::election_in_view`).
    pub fn election(&self) -> Option<&'a Election> {
        crate::view::election_in_view(self.view, self.reference, self.as_of, self.held)
    }

    /// The elections the view's figures are of, by voting day.
    pub fn elections(&self) -> Vec<&'a Election> {
        crate::view::elections_in_view(self.view, self.reference, self.as_of, self.held)
    }

    /// Whether the view covers more than one election (its figures add theirs up).
    pub fn several_elections(&self) -> bool {
        self.elections().len() > 1
    }

    /// The stages of the election in view, in calendar order.
    pub fn stages(&self) -> &'a [Stage] {
        match self.election() {
            Some(e) => &e.stages,
            None => &self.reference.stages,
        }
    }

    /// The stage with this code as the elections in view name it, the election in view's first.
    pub fn stage(&self, code: &str) -> Option<&'a Stage> {
        self.election()
            .and_then(|e| e.stage(code))
            .or_else(|| self.elections().into_iter().find_map(|e| e.stage(code)))
            .or_else(|| self.reference.stage(code))
    }

    /// The code of the election in view's campaign stage.
    pub fn campaign_stage(&self) -> &'a str {
        self.election()
            .map_or(crate::domain::CAMPAIGN, |e| e.campaign_stage.as_str())
    }

    /// The campaign methods of the election in view.
    pub fn methods(&self) -> &'a [crate::domain::CampaignMethod] {
        match self.election() {
            Some(e) => &e.methods,
            None => &self.reference.methods,
        }
    }

    /// The stages of the calendar's election (the election in view) with their cases, and what
    /// they add up to: with several elections in view, that election's alone.
    pub fn stage_groups(&self) -> Option<(&'a [Group], i64)> {
        let c = self.counts?;
        Some(match &c.calendar {
            Some(k) => (&k.stages, k.total),
            None => (&c.stages, c.headline.total),
        })
    }

    /// The baseline's cases of the calendar's election in stage `code`, when a baseline is in
    /// force.
    pub fn base_stage(&self, code: &str) -> Option<i64> {
        let base = self.base?;
        let groups = base.calendar.as_ref().map_or(&base.stages, |k| &k.stages);
        Some(groups.iter().find(|g| g.key == code).map_or(0, |g| g.count))
    }

    /// The baseline's cases of the calendar's election, when a baseline is in force.
    pub fn base_stage_total(&self) -> Option<i64> {
        let base = self.base?;
        Some(
            base.calendar
                .as_ref()
                .map_or(base.headline.total, |k| k.total),
        )
    }

    /// The baseline's headline of region `code` (`""` for the total), when a baseline is in force.
    pub fn base_headline(&self, code: &str) -> Option<Headline> {
        let base = self.base?;
        if code.is_empty() {
            return Some(base.headline);
        }
        Some(
            base.regions
                .iter()
                .find(|r| r.code == code)
                .map(|r| r.figures)
                .unwrap_or_default(),
        )
    }

    /// The baseline's count of key `key` of a dimension, when a baseline is in force.
    pub fn base_group(&self, dim: Dim, key: &str) -> Option<i64> {
        let base = self.base?;
        let groups = match dim {
            Dim::Stage => &base.stages,
            Dim::Type => &base.types,
            _ => &base.statuses,
        };
        Some(groups.iter().find(|g| g.key == key).map_or(0, |g| g.count))
    }

    /// `view` in normal form (as if typed).
    pub fn normal(&self, view: View) -> View {
        crate::view::parse(&view.print(self.reference), self.reference).unwrap_or(view)
    }

    /// The current view with `kind` replacing any term of the same key, in normal form.
    pub fn with_term(&self, kind: TermKind) -> View {
        self.term_on(self.view.clone(), kind)
    }

    /// The current view narrowed to stage `code` of the calendar's election: with several
    /// elections in view, to that election too, so that the cases drilled into are those the
    /// stage's row counted.
    pub fn with_stage(&self, code: String) -> View {
        let view = match self.election() {
            Some(e) if self.several_elections() => {
                self.with_term(TermKind::Election(crate::view::Elections::Codes(vec![
                    e.code.clone(),
                ])))
            }
            _ => self.view.clone(),
        };
        self.term_on(view, TermKind::Stage(vec![code]))
    }

    /// `view` with `kind` replacing any term of the same key, in normal form.
    fn term_on(&self, mut view: View, kind: TermKind) -> View {
        view.terms
            .retain(|t| std::mem::discriminant(&t.kind) != std::mem::discriminant(&kind));
        view.terms.push(Term {
            negated: false,
            kind,
        });
        crate::view::parse(&view.print(self.reference), self.reference).unwrap_or(view)
    }
}

/// What a screen asks `App` to do after a command.
#[derive(Clone, Debug, PartialEq)]
pub enum Want {
    /// Show the cases of this view, remembering where we were (Esc comes back).
    Drill(View),
    /// Open the case with this id in the detail overlay.
    Open(i64),
    /// Ask the worker for a page of cases, to be filled in as `Fill` says.
    Page(PageRequest, Fill),
    /// Open a row of a table of regions: the view narrowed to it, and the table it opens (`None`:
    /// its cases); `name` is how the path names the row.
    Area {
        view: View,
        next: Option<Level>,
        name: String,
    },
}

/// What Enter on a row of a table of regions asks: the next table (a province's, a region's
/// kecamatan) or the row's cases, the view narrowed by the row's term.
pub(crate) fn open_row(ctx: &Ctx<'_>, row: Option<&RegionRow>) -> Option<Want> {
    let row = row?;
    let name = ctx.row_name(row);
    match &row.drill {
        Some(d) => Some(Want::Area {
            view: ctx.with_spec(&d.term)?,
            next: d.next.clone(),
            name,
        }),
        // A row without a term of its own: the cases of its office.
        None => Some(Want::Area {
            view: ctx.with_term(TermKind::Region(vec![row.code.clone()])),
            next: None,
            name,
        }),
    }
}

/// What every screen is: state of its own that handles the commands of its mode against a
/// read-only context, and draws itself.
pub trait ScreenState: Clone + std::fmt::Debug + Default + PartialEq {
    /// A command of the screen's mode (moves, Enter); `None` when it has nothing to ask.
    fn command(&mut self, c: Command, ctx: &Ctx<'_>) -> Option<Want>;
    /// Draws the screen into the body of the terminal (below the tabs, above the footer).
    fn draw(&self, ctx: &Ctx<'_>, body: Rect, buf: &mut Buffer);
}

/// Declares the screens' modules and `Screens` from the list in `screen_list`.
macro_rules! screens {
    ($($(#[$doc:meta])* $variant:ident($module:ident::$state:ident) $number:literal $title:ident $name:literal;)*) => {
        $(pub mod $module;)*

        /// The screens' own state, one field each.
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct Screens {
            $(pub $module: $module::$state,)*
        }

        impl Screens {
            /// A command of `screen`'s mode (moves, Enter); `None` when the screen has nothing to
            /// ask.
            pub fn command(&mut self, screen: Screen, c: Command, ctx: &Ctx<'_>) -> Option<Want> {
                match screen {
                    $(Screen::$variant => self.$module.command(c, ctx),)*
                }
            }

            /// Draws `screen` into the body of the terminal.
            pub fn draw(&self, screen: Screen, ctx: &Ctx<'_>, area: Rect, buf: &mut Buffer) {
                match screen {
                    $(Screen::$variant => self.$module.draw(ctx, area, buf),)*
                }
            }
        }
    };
}

crate::tui::screen_list::screen_list!(screens);

/// An index moved by a command within `0..n`.
pub(crate) fn step(i: usize, n: usize, c: Command, page: usize) -> usize {
    let last = n.saturating_sub(1);
    match c {
        Command::Up => i.saturating_sub(1),
        Command::Down => (i + 1).min(last),
        Command::Top => 0,
        Command::Bottom => last,
        Command::PageUp => i.saturating_sub(page.max(1)),
        Command::PageDown => (i + page.max(1)).min(last),
        _ => i,
    }
}

/// `view` with `kind` replacing any term of the same key.
pub(crate) fn with(mut view: View, kind: TermKind) -> View {
    view.terms
        .retain(|t| std::mem::discriminant(&t.kind) != std::mem::discriminant(&kind));
    view.terms.push(Term {
        negated: false,
        kind,
    });
    view
}

/// A context built by hand, for the screens' own tests: no worker, no database.
#[cfg(test)]
pub(crate) mod fixture {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    use crate::domain::Reference;
    use crate::domain::tiles::Tiles;
    use crate::engine::{Group, Headline, Level, RegionRow};
    use crate::i18n::Lang;
    use crate::tui::data::Counts;
    use crate::tui::marks::Marks;
    use crate::tui::screens::Ctx;
    use crate::tui::theme::Theme;
    use crate::view::View;

    /// What a context borrows: the embedded reference, the whole view, and counts in which the
    /// n-th region has n cases (the first none), every one in the campaign stage.
    pub(crate) struct Fixture {
        pub(crate) reference: Reference,
        pub(crate) tiles: Tiles,
        pub(crate) view: View,
        pub(crate) counts: Counts,
        pub(crate) marks: Marks,
    }

    impl Fixture {
        pub(crate) fn new() -> Fixture {
            let reference = Reference::embedded();
            let regions: Vec<RegionRow> = reference
                .regions
                .iter()
                .enumerate()
                .map(|(i, r)| RegionRow {
                    code: r.code.clone(),
                    name: r.name.clone(),
                    figures: Headline {
                        total: i as i64,
                        temuan: i as i64,
                        ..Headline::default()
                    },
                    drill: None,
                })
                .collect();
            let total: i64 = regions.iter().map(|r| r.figures.total).sum();
            let group = |key: &str| Group {
                key: key.to_string(),
                label: key.to_string(),
                count: total,
            };
            let counts = Counts {
                headline: Headline {
                    total,
                    temuan: total,
                    ..Headline::default()
                },
                regions,
                stages: vec![group(crate::domain::CAMPAIGN)],
                types: vec![group("PIDANA")],
                statuses: vec![group("KAJIAN")],
                area: Level::Root,
                campaign: Default::default(),
                held: Vec::new(),
                calendar: None,
            };
            Fixture {
                tiles: Tiles::embedded(&reference).unwrap_or_default(),
                reference,
                view: View::default(),
                counts,
                marks: Marks::default(),
            }
        }

        /// The context at 100x30, in English, on 1 March 2024.
        pub(crate) fn ctx(&self) -> Ctx<'_> {
            Ctx {
                lang: Lang::En,
                theme: Theme::new(false),
                reference: &self.reference,
                tiles: &self.tiles,
                view: &self.view,
                held: &[],
                as_of: chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap_or_default(),
                counts: Some(&self.counts),
                base: None,
                marks: &self.marks,
                presenting: false,
                size: (100, 30),
                area: &Level::Root,
            }
        }
    }

    /// The text of every row of a buffer, joined by newlines.
    pub(crate) fn text(buf: &Buffer) -> String {
        let area = buf.area;
        (area.y..area.y + area.height)
            .map(|y| {
                (area.x..area.x + area.width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// A body of the fixture's size, less the title, tab and footer lines.
    pub(crate) fn body() -> (Rect, Buffer) {
        let area = Rect::new(0, 0, 100, 26);
        (area, Buffer::empty(area))
    }
}
