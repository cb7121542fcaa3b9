//! The case list: one row per case (number, received, region, stage, type, status, deadline, the
//! start of the description) with the sort shown in the heading, and the preview of the selected
//! case. Columns have priorities: at 80 columns the least useful give way first, a column the view
//! fixes is left out, and the number keeps what tells cases apart however narrow it gets.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::domain::{Election, Reference, SHORTEST_NOMOR, Stage, Status, TypeGroup, short_nomor};
use crate::engine::CaseRow;
use crate::i18n::{Lang, Msg, tr};
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{date, fit, left, width, wrap};
use crate::view::{Sort, SortKey};

/// A column of the case list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Number,
    Received,
    Region,
    Stage,
    Type,
    Status,
    Due,
    Description,
}

/// How many columns there are.
pub const COLUMNS: usize = 8;

impl Column {
    /// The columns in the order they are drawn.
    pub const ALL: [Column; COLUMNS] = [
        Column::Number,
        Column::Received,
        Column::Region,
        Column::Stage,
        Column::Type,
        Column::Status,
        Column::Due,
        Column::Description,
    ];

    /// The columns but the description, most useful first: when the room runs out they give way
    /// from the end of this list (the number never does), and they grow in this order.
    const PRIORITY: [Column; COLUMNS - 1] = [
        Column::Number,
        Column::Status,
        Column::Due,
        Column::Type,
        Column::Region,
        Column::Stage,
        Column::Received,
    ];

    fn index(self) -> usize {
        self as usize
    }

    /// The heading of the column.
    fn heading(self) -> Msg {
        match self {
            Column::Number => Msg::TuiColNumber,
            Column::Received => Msg::TuiColReceived,
            Column::Region => Msg::Region,
            Column::Stage => Msg::Stage,
            Column::Type => Msg::Type,
            Column::Status => Msg::Status,
            Column::Due => Msg::TuiColDue,
            Column::Description => Msg::TuiColDescription,
        }
    }

    /// The sort key the column shows.
    pub fn sort_key(self) -> Option<SortKey> {
        match self {
            Column::Number => Some(SortKey::Number),
            Column::Received => Some(SortKey::Received),
            Column::Region => Some(SortKey::Region),
            Column::Stage => Some(SortKey::Stage),
            Column::Type => Some(SortKey::Type),
            Column::Status => Some(SortKey::Status),
            Column::Due => Some(SortKey::Due),
            Column::Description => None,
        }
    }

    /// The column of a sort key.
    pub fn of(key: SortKey) -> Column {
        match key {
            SortKey::Number => Column::Number,
            SortKey::Received => Column::Received,
            SortKey::Region => Column::Region,
            SortKey::Stage => Column::Stage,
            SortKey::Type => Column::Type,
            SortKey::Status => Column::Status,
            SortKey::Due => Column::Due,
        }
    }
}

/// The description needs this much room to be worth showing.
const DESCRIPTION_MIN: usize = 12;
/// From this width on (a projector) the description is given a third of the width first.
const PROJECTOR: usize = 140;

/// The widths a column is drawn at: its shortest useful form, the width it grows to first, and
/// the width of its longest form. They depend on the language and the reference data (the
/// short and full labels), never on the rows, so the columns stay put while the list scrolls.
fn sizes(
    c: Column,
    lang: Lang,
    reference: &Reference,
    elections: &[&Election],
) -> (usize, usize, usize) {
    let most = |it: &mut dyn Iterator<Item = usize>| it.max().unwrap_or(0);
    match c {
        Column::Number => (SHORTEST_NOMOR, 21, 30),
        Column::Received => (8, 10, 10),
        Column::Region => {
            let short = most(&mut reference.regions.iter().map(|r| width(&r.short_name)));
            let full = most(
                &mut reference
                    .regions
                    .iter()
                    .map(|r| width(&r.display_name(lang))),
            );
            (short.clamp(6, 12), short.clamp(6, 12), full.clamp(6, 20))
        }
        Column::Stage => {
            let short = most(
                &mut stages_of(reference, elections)
                    .into_iter()
                    .map(|s| width(s.short(lang))),
            );
            (short.clamp(6, 14), short.clamp(6, 14) + 2, 24)
        }
        Column::Type => {
            let short = most(&mut TypeGroup::ALL.iter().map(|t| width(t.short(lang))));
            let full = most(&mut TypeGroup::ALL.iter().map(|t| width(t.label(lang))));
            (short, short + 2, full)
        }
        Column::Status => {
            let short = most(&mut Status::ALL.iter().map(|s| width(s.short(lang))));
            let full = most(&mut Status::ALL.iter().map(|s| width(s.label(lang))));
            (short, short + 4, full)
        }
        Column::Due => (9, 11, 12),
        Column::Description => (DESCRIPTION_MIN, DESCRIPTION_MIN, usize::MAX),
    }
}

/// The width of each column (in [`Column::ALL`] order; 0: not shown) at `total` terminal columns,
/// with one column for the cursor and the new-case mark and one space after each column shown.
/// `hidden` are the columns the view fixes (one region, one stage…); `kept` the column the user
/// sorts by, which gives way only after every other.
pub fn widths(
    total: usize,
    hidden: &[Column],
    kept: Option<Column>,
    lang: Lang,
    reference: &Reference,
    elections: &[&Election],
) -> [usize; COLUMNS] {
    let size: Vec<(usize, usize, usize)> = Column::ALL
        .iter()
        .map(|c| sizes(*c, lang, reference, elections))
        .collect();
    let mut shown: Vec<Column> = Column::PRIORITY
        .into_iter()
        .filter(|c| *c == Column::Number || !hidden.contains(c))
        .collect();
    let room = total.saturating_sub(1);
    let need = |shown: &[Column]| -> usize { shown.iter().map(|c| size[c.index()].0 + 1).sum() };
    // Drop from the least useful up, the sorted column last, the number never.
    while need(&shown) > room && shown.len() > 1 {
        let drop = shown
            .iter()
            .rposition(|c| *c != Column::Number && Some(*c) != kept)
            .unwrap_or(shown.len() - 1);
        if shown[drop] == Column::Number {
            break;
        }
        shown.remove(drop);
    }
    let mut w = [0usize; COLUMNS];
    for c in &shown {
        w[c.index()] = size[c.index()].0;
    }
    let used = need(&shown);
    let mut spare = room.saturating_sub(used);
    // On a projector the description is given its room before the other columns grow.
    let reserved = if total >= PROJECTOR && !hidden.contains(&Column::Description) {
        (total / 3 + 1).min(spare)
    } else {
        0
    };
    spare -= reserved;
    for phase in [1, 2] {
        for c in &shown {
            let (_, mid, ideal) = size[c.index()];
            let target = if phase == 1 { mid } else { ideal };
            let add = target.saturating_sub(w[c.index()]).min(spare);
            w[c.index()] += add;
            spare -= add;
        }
    }
    let rest = (spare + reserved).saturating_sub(1);
    if rest >= DESCRIPTION_MIN && !hidden.contains(&Column::Description) {
        w[Column::Description.index()] = rest;
    }
    w
}

/// The deadline cell: `⚠ lewat 3h`, `s/d 05/02`, or `–` when handling has ended.
pub fn due_text(row: &CaseRow, as_of: NaiveDate, lang: Lang) -> String {
    match row.due {
        Some(due) if row.overdue => {
            format!(
                "⚠ {} {}{}",
                tr(lang, Msg::TuiLate),
                (as_of - due).num_days(),
                tr(lang, Msg::TuiDayUnit)
            )
        }
        Some(due) => format!("{} {}", tr(lang, Msg::TuiUntil), due.format("%d/%m")),
        None => "–".into(),
    }
}

/// The deadline cell in at most `w` columns: `⚠ 12h` or the date alone when the words do not fit.
fn due_cell(row: &CaseRow, as_of: NaiveDate, lang: Lang, w: usize) -> String {
    let text = due_text(row, as_of, lang);
    if width(&text) <= w {
        return text;
    }
    match row.due {
        Some(due) if row.overdue => format!(
            "⚠ {}{}",
            (as_of - due).num_days(),
            tr(lang, Msg::TuiDayUnit)
        ),
        Some(due) => due.format("%d/%m").to_string(),
        None => text,
    }
}

/// The stages the list may show: those of the view's elections, else the reference's.
fn stages_of<'r>(reference: &'r Reference, elections: &[&'r Election]) -> Vec<&'r Stage> {
    if elections.is_empty() {
        reference.stages.iter().collect()
    } else {
        elections.iter().flat_map(|e| e.stages.iter()).collect()
    }
}

/// The stage `code` as the view's elections name it (the first that has it).
fn stage_of<'r>(
    reference: &'r Reference,
    elections: &[&'r Election],
    code: &str,
) -> Option<&'r Stage> {
    elections
        .iter()
        .find_map(|e| e.stage(code))
        .or_else(|| reference.stage(code))
}

/// The longest of `forms` that fits in `w` columns, else the last cut to fit.
fn first_fitting(forms: &[&str], w: usize) -> String {
    forms
        .iter()
        .find(|f| width(f) <= w)
        .map(|f| f.to_string())
        .unwrap_or_else(|| fit(forms.last().copied().unwrap_or_default(), w))
}

/// The mark of a case recorded since the baseline (`is:new`), in the cursor's column.
pub const NEW_MARK: &str = "●";

/// The list.
pub struct CaseTable<'a> {
    pub rows: &'a [CaseRow],
    pub top: usize,
    pub selected: usize,
    pub loaded: bool,
    pub sort: Sort,
    /// Whether the user chose the sort (that column then stays as long as any other).
    pub sort_chosen: bool,
    /// The columns the view fixes, left out.
    pub hidden: &'a [Column],
    pub as_of: NaiveDate,
    pub reference: &'a Reference,
    /// The elections of the view: a row's stage is named as its election names it (empty: as
    /// the reference's first election does).
    pub elections: &'a [&'a Election],
    pub lang: Lang,
    pub theme: &'a Theme,
}

impl CaseTable<'_> {
    /// Whether `stage` is the campaign stage of the view's elections.
    fn is_campaign(&self, stage: &str) -> bool {
        if self.elections.is_empty() {
            stage == crate::domain::CAMPAIGN
        } else {
            self.elections.iter().any(|e| e.campaign_stage == stage)
        }
    }

    /// The text of column `c` of `r` in `w` columns: the full form when it fits, else the short
    /// one.
    fn cell(&self, c: Column, r: &CaseRow, w: usize) -> String {
        let l = self.lang;
        match c {
            Column::Number => short_nomor(&r.nomor, w),
            Column::Received if w >= 10 => date(r.received),
            Column::Received => r.received.format("%d/%m/%y").to_string(),
            Column::Region => match self.reference.region(&r.region) {
                Some(g) => first_fitting(&[&g.display_name(l), &g.short_name], w),
                None => fit(&r.region, w),
            },
            Column::Stage => match stage_of(self.reference, self.elections, &r.stage) {
                Some(s) => first_fitting(&[s.name(l), s.short(l)], w),
                None => fit(&r.stage, w),
            },
            Column::Type => match TypeGroup::from_code(&r.type_group) {
                Some(g) => first_fitting(&[g.label(l), g.short(l)], w),
                None => fit(&r.type_group, w),
            },
            Column::Status => match Status::from_code(&r.status) {
                Some(s) => first_fitting(&[s.label(l), s.short(l)], w),
                None => fit(&r.status, w),
            },
            Column::Due => due_cell(r, self.as_of, l, w),
            Column::Description => r.uraian.clone(),
        }
    }
}

impl Widget for CaseTable<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let l = self.lang;
        let sorted = Column::of(self.sort.key);
        let w = widths(
            usize::from(area.width),
            self.hidden,
            self.sort_chosen.then_some(sorted),
            l,
            self.reference,
            self.elections,
        );
        let mut head = vec![Span::raw(" ")];
        for c in Column::ALL {
            let cw = w[c.index()];
            if cw == 0 {
                continue;
            }
            let arrow = if c == sorted {
                if self.sort.descending { " ▼" } else { " ▲" }
            } else {
                ""
            };
            let full = format!("{}{arrow}", tr(l, c.heading()));
            // "Diterima ▲" does not fit the short date column; "Terima ▲" does.
            let label = if c == Column::Received && width(&full) > cw {
                format!("{}{arrow}", tr(l, Msg::TuiColReceivedShort))
            } else {
                full
            };
            head.push(Span::styled(left(&label, cw), t.heading()));
            head.push(Span::raw(" "));
        }
        buf.set_line(area.x, area.y, &Line::from(head), area.width);
        let rows = usize::from(area.height.saturating_sub(1));
        if !self.loaded || self.rows.is_empty() {
            let msg = if self.loaded {
                Msg::TuiNoCases
            } else {
                Msg::TuiLoading
            };
            buf.set_line(
                area.x + 2,
                area.y + 1,
                &Line::from(Span::styled(tr(l, msg), t.dim())),
                area.width.saturating_sub(2),
            );
            return;
        }
        // The cursor always shows, even if the stored scroll was for another size.
        let mut top = self.top.min(self.selected);
        if self.selected >= top + rows {
            top = self.selected + 1 - rows;
        }
        for (i, r) in self.rows.iter().enumerate().skip(top).take(rows) {
            let y = area.y + 1 + (i - top) as u16;
            let selected = i == self.selected;
            let mut spans = vec![if selected {
                Span::raw("›")
            } else if r.new {
                Span::styled(NEW_MARK, t.notice())
            } else {
                Span::raw(" ")
            }];
            for c in Column::ALL {
                let cw = w[c.index()];
                if cw == 0 {
                    continue;
                }
                let style = match c {
                    Column::Stage if self.is_campaign(&r.stage) => t.campaign(),
                    Column::Due if r.overdue => t.overdue(),
                    _ => t.normal(),
                };
                spans.push(Span::styled(left(&self.cell(c, r, cw), cw), style));
                spans.push(Span::raw(" "));
            }
            buf.set_line(area.x, y, &Line::from(spans), area.width);
            if selected {
                buf.set_style(
                    Rect {
                        x: area.x,
                        y,
                        width: area.width,
                        height: 1,
                    },
                    t.selected(),
                );
            }
        }
    }
}

/// The selected case's number and description under the list, with "n of N".
pub struct CasePreview<'a> {
    pub row: Option<&'a CaseRow>,
    /// "3 dari 14".
    pub position: Option<String>,
    /// What the new-case mark means (`● baru sejak acuan`), shown when the selected case is new.
    pub new_note: Option<String>,
    pub theme: &'a Theme,
}

impl Widget for CasePreview<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        let t = self.theme;
        let w = usize::from(area.width);
        let new = self
            .row
            .filter(|r| r.new)
            .and(self.new_note)
            .map(|n| format!("{NEW_MARK} {n} "))
            .unwrap_or_default();
        let left_part = self
            .row
            .map(|r| format!("─ {} {new}", crate::text::safe(&r.nomor)))
            .unwrap_or_else(|| "─".into());
        let right_part = self
            .position
            .map(|p| format!(" {p} ─"))
            .unwrap_or_else(|| "─".into());
        let fill = w.saturating_sub(width(&left_part) + width(&right_part));
        let rule = format!("{}{}{}", fit(&left_part, w), "─".repeat(fill), right_part);
        buf.set_line(
            area.x,
            area.y,
            &Line::from(Span::styled(fit(&rule, w), t.dim())),
            area.width,
        );
        let Some(row) = self.row else { return };
        let mut lines = wrap(&row.uraian, w.saturating_sub(2));
        let room = usize::from(area.height - 1);
        if lines.len() > room {
            lines.truncate(room);
            if let Some(last) = lines.last_mut() {
                *last = fit(&format!("{last} …"), w.saturating_sub(2));
            }
        }
        for (i, text) in lines.iter().enumerate() {
            buf.set_line(
                area.x + 1,
                area.y + 1 + i as u16,
                &Line::from(text.as_str()),
                area.width.saturating_sub(1),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The columns shown at `total` and their widths, by name.
    fn shown(
        total: usize,
        hidden: &[Column],
        kept: Option<Column>,
        lang: Lang,
    ) -> Vec<(Column, usize)> {
        let r = Reference::embedded();
        let w = widths(total, hidden, kept, lang, &r, &[]);
        assert!(
            w.iter().filter(|x| **x > 0).map(|x| x + 1).sum::<usize>() < total,
            "{w:?} overflows {total}"
        );
        Column::ALL
            .iter()
            .zip(w)
            .filter(|(_, w)| *w > 0)
            .map(|(c, w)| (*c, w))
            .collect()
    }

    fn names(v: &[(Column, usize)]) -> Vec<Column> {
        v.iter().map(|(c, _)| *c).collect()
    }

    #[test]
    fn at_80_columns_the_received_date_gives_way_first_and_the_number_keeps_its_parts() {
        use Column::*;
        for lang in [Lang::Id, Lang::En] {
            let narrow = shown(80, &[], None, lang);
            assert_eq!(
                names(&narrow),
                vec![Number, Region, Stage, Type, Status, Due],
                "{lang:?}"
            );
            let number = narrow[0].1;
            assert!(number >= SHORTEST_NOMOR, "{number}");
            let short = short_nomor("001/TM/PL/Kota/23.05/I/2024", number);
            assert!(
                short.starts_with("001/TM/23.05/I/2"),
                "serial, source, office, month and year: {short} ({lang:?})"
            );
        }
    }

    #[test]
    fn a_column_the_view_fixes_makes_room_for_the_others() {
        use Column::*;
        let one_region = shown(80, &[Region], None, Lang::Id);
        assert_eq!(
            names(&one_region),
            vec![Number, Received, Stage, Type, Status, Due]
        );
        let campaign = shown(80, &[Stage, Region], None, Lang::En);
        assert_eq!(
            names(&campaign),
            vec![Number, Received, Type, Status, Due],
            "{campaign:?}"
        );
        assert!(campaign[0].1 >= 19, "the whole year shows: {campaign:?}");
    }

    #[test]
    fn the_sorted_column_stays_while_others_give_way() {
        use Column::*;
        let by_date = shown(80, &[], Some(Received), Lang::Id);
        assert!(names(&by_date).contains(&Received), "{by_date:?}");
        assert!(!names(&by_date).contains(&Stage), "{by_date:?}");
    }

    #[test]
    fn narrower_than_designed_the_number_and_status_stay_longest() {
        use Column::*;
        let tiny = shown(40, &[], None, Lang::Id);
        assert_eq!(names(&tiny), vec![Number, Status, Due]);
        assert_eq!(names(&shown(20, &[], None, Lang::En)), vec![Number]);
    }

    #[test]
    fn wider_screens_grow_the_columns_and_a_projector_shows_the_description() {
        use Column::*;
        let mid = shown(120, &[], None, Lang::En);
        assert_eq!(
            names(&mid),
            vec![Number, Received, Region, Stage, Type, Status, Due]
        );
        assert!(mid[0].1 >= 21, "the number with its year: {mid:?}");
        for total in [160, 200] {
            let wide = shown(total, &[], None, Lang::Id);
            let description = wide
                .iter()
                .find(|(c, _)| *c == Description)
                .map(|(_, w)| *w);
            assert!(
                description.is_some_and(|d| d >= total / 3),
                "{total}: {wide:?}"
            );
            let used = 1 + wide.iter().map(|(_, w)| w + 1).sum::<usize>();
            assert_eq!(used, total, "{total}: the description takes the rest");
        }
    }
}
