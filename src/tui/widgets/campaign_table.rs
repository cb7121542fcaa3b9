//! The campaign per region: its cases, the campaign activities supervised there and the cases per
//! 1,000 activities, with a total row. Render-only; rows (figures already formatted) are given.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::theme::Theme;
use crate::tui::widgets::figure::{Figure, widest};
use crate::tui::widgets::text::{left, panel_heading, right, width};

/// One region (or the total).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CampaignLine {
    pub name: String,
    pub cases: Figure,
    pub activities: Figure,
    /// Activities written as the language writes numbers (`1.112`).
    pub activities_text: String,
    /// Cases per 1,000 activities (`7,2`), or `–`.
    pub rate: String,
}

/// The table.
pub struct CampaignTable<'a> {
    pub title: &'a str,
    /// Headings of the name, cases, activities and rate columns.
    pub headings: [&'a str; 4],
    pub rows: &'a [CampaignLine],
    pub total: &'a CampaignLine,
    pub selected: Option<usize>,
    pub focused: bool,
    pub theme: &'a Theme,
}

impl Widget for CampaignTable<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height < 2 || area.width < 30 {
            return;
        }
        let t = self.theme;
        let w = usize::from(area.width);
        panel_heading(buf, area, self.title, self.focused, t);
        let all: Vec<&CampaignLine> = self.rows.iter().chain([self.total]).collect();
        let cases_w = widest(all.iter().map(|r| &r.cases), width(self.headings[1]));
        let act_text = |r: &CampaignLine| match r.activities.delta() {
            Some(d) => format!("{} {d}", r.activities_text),
            None => r.activities_text.clone(),
        };
        let act_w = all
            .iter()
            .map(|r| width(&act_text(r)))
            .chain([width(self.headings[2])])
            .max()
            .unwrap_or(5);
        let rate_w = all
            .iter()
            .map(|r| width(&r.rate))
            .chain([width(self.headings[3])])
            .max()
            .unwrap_or(5);
        let name_w = w
            .saturating_sub(2 + 1 + cases_w.total() + 1 + act_w + 1 + rate_w)
            .clamp(6, 22);
        let head = format!(
            "  {} {} {} {}",
            left(self.headings[0], name_w),
            right(self.headings[1], cases_w.total()),
            right(self.headings[2], act_w),
            right(self.headings[3], rate_w)
        );
        buf.set_line(
            area.x,
            area.y + 1,
            &Line::from(Span::styled(head, t.heading())),
            area.width,
        );
        let bottom = area.y + area.height;
        let spacing = if usize::from(area.height) >= 2 + 2 * all.len() {
            2
        } else {
            1
        };
        // More regions than lines (a national database's): a window around the cursor, the
        // total kept last, as the dashboard's region table.
        let (start, shown) = crate::tui::widgets::region_table::window(
            self.rows.len(),
            usize::from(area.height.saturating_sub(2)),
            self.selected,
        );
        let shown_rows = (start..start + shown).chain([self.rows.len()]);
        for (line, i) in shown_rows.enumerate() {
            let r = all[i];
            let y = area.y + 2 + (line * spacing) as u16;
            if y >= bottom {
                break;
            }
            let is_total = i == self.rows.len();
            let base = if is_total { t.total() } else { t.normal() };
            let selected = self.focused && self.selected == Some(i);
            let mark = if selected {
                "› "
            } else if line == 0 && start > 0 {
                "↑ "
            } else if !is_total && i + 1 == start + shown && i + 1 < self.rows.len() {
                "↓ "
            } else {
                "  "
            };
            let mut spans = vec![
                Span::raw(mark),
                Span::styled(left(&r.name, name_w), base),
                Span::raw(" "),
            ];
            spans.extend(r.cases.spans(cases_w, base, t));
            spans.push(Span::raw(" "));
            spans.push(Span::styled(right(&act_text(r), act_w), base));
            spans.push(Span::raw(" "));
            spans.push(Span::styled(right(&r.rate, rate_w), base));
            buf.set_line(area.x, y, &Line::from(spans), area.width);
            if selected {
                buf.set_style(Rect::new(area.x, y, area.width, 1), t.selected());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::tui::widgets::text::buffer_row;

    fn line(name: &str, cases: i64, base: Option<i64>, act: &str, rate: &str) -> CampaignLine {
        CampaignLine {
            name: name.into(),
            cases: Figure {
                lang: Lang::En,
                count: cases,
                base,
                mark: None,
            },
            activities: Figure::plain(Lang::En, 0),
            activities_text: act.into(),
            rate: rate.into(),
        }
    }

    #[test]
    fn rows_show_cases_activities_and_the_rate() {
        let rows = [line("Balikpapan", 8, Some(6), "1.112", "7,2")];
        let total = line("Jumlah", 22, Some(20), "7.120", "3,1");
        let t = Theme::new(false);
        let mut buf = Buffer::empty(Rect::new(0, 0, 50, 4));
        CampaignTable {
            title: "Per wilayah",
            headings: ["Wilayah", "Kasus", "Kegiatan", "/1.000"],
            rows: &rows,
            total: &total,
            selected: Some(0),
            focused: true,
            theme: &t,
        }
        .render(buf.area, &mut buf);
        let row = |y: u16| buffer_row(&buf, y);
        assert!(row(2).starts_with("› Balikpapan"), "{}", row(2));
        assert!(
            row(2).trim_end().ends_with("8 (+2)    1.112    7,2"),
            "{}",
            row(2)
        );
        assert!(
            row(3).trim_end().ends_with("22 (+2)    7.120    3,1"),
            "{}",
            row(3)
        );
    }
}
