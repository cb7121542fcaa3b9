//! The stage screen's table: every stage of the election calendar with its dates, its case count
//! for the view and a bar; the campaign marked ◆, the stage of the as-of date marked ◀.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::marks::Mark;
use crate::tui::theme::Theme;
use crate::tui::widgets::bar::bar;
use crate::tui::widgets::text::{date, left, right, width};

/// One stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageLine {
    pub code: String,
    pub name: String,
    pub starts: Option<NaiveDate>,
    pub ends: Option<NaiveDate>,
    pub count: i64,
    pub mark: Option<Mark>,
    pub campaign: bool,
    /// The as-of date falls within the stage.
    pub current: bool,
}

/// The table.
pub struct StageTable<'a> {
    /// Headings: stage, dates, count.
    pub headings: [&'a str; 3],
    pub rows: &'a [StageLine],
    /// The total row's label and count.
    pub total: (&'a str, i64),
    pub selected: Option<usize>,
    /// The word after ◀ on the stage of the as-of date.
    pub now_word: &'a str,
    /// The line under the table that explains the markers.
    pub legend: &'a str,
    pub theme: &'a Theme,
}

fn dates(l: &StageLine) -> String {
    match (l.starts, l.ends) {
        (Some(a), Some(b)) if a == b => date(a),
        (Some(a), Some(b)) => format!("{}–{}", date(a), date(b)),
        (Some(a), None) => format!("{}–", date(a)),
        _ => "–".into(),
    }
}

impl Widget for StageTable<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let w = usize::from(area.width);
        let wide = w >= 120;
        let code_w = if wide {
            self.rows.iter().map(|r| width(&r.code)).max().unwrap_or(8) + 1
        } else {
            0
        };
        let dates_w = 21;
        let mark_w = self
            .rows
            .iter()
            .filter_map(|r| r.mark)
            .map(|m| width(&m.text()) + 1)
            .max()
            .unwrap_or(0);
        let count_w = self
            .rows
            .iter()
            .map(|r| r.count.to_string().len())
            .chain([width(self.headings[2])])
            .max()
            .unwrap_or(5);
        let suffix_w = width(self.now_word) + 3;
        let name_w = if wide { 46 } else { 28 };
        let used = 3 + code_w + name_w + 1 + dates_w + 1 + mark_w + count_w + 2;
        let bar_w = w.saturating_sub(used + suffix_w).min(60);
        let max = self.rows.iter().map(|r| r.count).max().unwrap_or(0).max(1);

        let head = format!(
            "   {}{} {} {}",
            left("", code_w),
            left(self.headings[0], name_w),
            left(self.headings[1], dates_w),
            right(self.headings[2], mark_w + count_w)
        );
        buf.set_line(
            area.x,
            area.y,
            &Line::from(Span::styled(head, t.heading())),
            area.width,
        );
        let bottom = area.y + area.height;
        for (i, r) in self.rows.iter().enumerate() {
            let y = area.y + 1 + i as u16;
            if y >= bottom {
                break;
            }
            let style = if r.campaign { t.campaign() } else { t.normal() };
            let cursor = if self.selected == Some(i) { "›" } else { " " };
            let mut spans = vec![
                Span::raw(cursor),
                Span::styled(if r.campaign { "◆ " } else { "  " }, t.campaign()),
            ];
            if wide {
                spans.push(Span::styled(left(&r.code, code_w), t.dim()));
            }
            spans.push(Span::styled(left(&r.name, name_w), style));
            spans.push(Span::raw(" "));
            spans.push(Span::styled(left(&dates(r), dates_w), t.normal()));
            spans.push(Span::raw(" "));
            let m = r.mark.map(|m| format!("{} ", m.text())).unwrap_or_default();
            spans.push(Span::raw(" ".repeat(mark_w.saturating_sub(width(&m)))));
            if let Some(mark) = r.mark {
                spans.push(Span::styled(
                    m,
                    if mark.delta > 0 {
                        t.increased()
                    } else {
                        t.decreased()
                    },
                ));
            }
            spans.push(Span::raw(right(&r.count.to_string(), count_w)));
            spans.push(Span::raw("  "));
            spans.push(Span::styled(
                left(&bar(r.count, max, bar_w), bar_w),
                t.bar(),
            ));
            if r.current {
                spans.push(Span::styled(format!(" ◀ {}", self.now_word), t.heading()));
            }
            buf.set_line(area.x, y, &Line::from(spans), area.width);
            if self.selected == Some(i) {
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
        let y = area.y + 1 + self.rows.len() as u16;
        if y < bottom {
            let pre = 3 + code_w + name_w + 1 + dates_w + 1;
            let text = format!(
                "   {}{}",
                left(self.total.0, pre - 3),
                right(&self.total.1.to_string(), mark_w + count_w)
            );
            buf.set_line(
                area.x,
                y,
                &Line::from(Span::styled(text, t.total())),
                area.width,
            );
        }
        if y + 2 < bottom {
            buf.set_line(
                area.x,
                y + 2,
                &Line::from(Span::styled(format!("   {}", self.legend), t.dim())),
                area.width,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stage(code: &str, name: &str, count: i64, campaign: bool, current: bool) -> StageLine {
        let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day);
        StageLine {
            code: code.into(),
            name: name.into(),
            starts: d(1, 1),
            ends: d(2, 10),
            count,
            mark: None,
            campaign,
            current,
        }
    }

    #[test]
    fn the_campaign_and_the_current_stage_are_marked_in_text() {
        let rows = [
            stage("PENCALONAN", "Pencalonan", 9, false, false),
            stage("KAMPANYE", "Masa kampanye", 22, true, true),
        ];
        let t = Theme::new(false);
        let table = StageTable {
            headings: ["Tahapan", "Jadwal", "Kasus"],
            rows: &rows,
            total: ("Jumlah", 31),
            selected: None,
            now_word: "sekarang",
            legend: "◆ masa kampanye",
            theme: &t,
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 80, 6));
        table.render(buf.area, &mut buf);
        let row = |y: u16| {
            (0..80)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                .trim_end()
                .to_string()
        };
        assert!(row(2).starts_with(" ◆ Masa kampanye"), "{}", row(2));
        assert!(row(2).ends_with("◀ sekarang"), "{}", row(2));
        assert!(row(1).starts_with("   Pencalonan "), "{}", row(1));
        assert!(
            row(3).starts_with("   Jumlah") && row(3).ends_with("31"),
            "{}",
            row(3)
        );
        assert_eq!(row(5), "   ◆ masa kampanye");
    }
}
