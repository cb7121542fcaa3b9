//! Drawing the app: a pure function of its state (`impl Widget for &App`) that lays out the
//! screen and feeds each widget its inputs. No queries, no I/O, no clock reads.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::domain::CAMPAIGN;
use crate::engine::{Dim, Headline};
use crate::i18n::{Msg, tr};
use crate::tui::action::Command;
use crate::tui::action::Screen;
use crate::tui::app::{App, Overlay};
use crate::tui::keymap::{Key, Mode};
use crate::tui::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use crate::tui::marks::{COLUMNS, figures};
use crate::tui::state::Panel;
use crate::tui::theme::Theme;
use crate::tui::widgets::case_table::{CasePreview, CaseTable};
use crate::tui::widgets::count_panel::{CountPanel, PanelLine};
use crate::tui::widgets::detail::{self, DetailView};
use crate::tui::widgets::filter_bar::FilterBar;
use crate::tui::widgets::footer::Footer;
use crate::tui::widgets::header::{Live, TabBar, TitleBar};
use crate::tui::widgets::help::HelpView;
use crate::tui::widgets::region_table::{RegionLine, RegionTable};
use crate::tui::widgets::saved_views::SavedViews;
use crate::tui::widgets::too_small::TooSmall;
use crate::view::{Sort, SortKey};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if layout::too_small(area.width, area.height) {
            TooSmall {
                need: (MIN_WIDTH, MIN_HEIGHT),
                have: (area.width, area.height),
                lang: self.lang,
            }
            .render(area, buf);
            self.finish(area, buf);
            return;
        }
        if self.presenter.is_some() {
            self.draw_present(area, buf);
            self.finish(area, buf);
            return;
        }
        let a = layout::areas(area);
        let live = if self.frozen {
            Live::Frozen {
                changed: self.stale,
            }
        } else {
            Live::Following(self.refreshed_at)
        };
        TitleBar {
            db: &self.db_label,
            as_of: self.as_of(),
            baseline: self.baseline_label(),
            live,
            busy: self.is_busy(),
            lang: self.lang,
            theme: &self.look(),
        }
        .render(a.title, buf);
        TabBar {
            current: self.screen,
            view: &self.view_spec(),
            total: self.counts.as_ref().map(|c| c.headline.total),
            total_mark: self.marks.region("", 0),
            baseline: self
                .baseline
                .as_ref()
                .map(|_| self.base_counts().map(|b| b.headline.total)),
            lang: self.lang,
            theme: &self.look(),
        }
        .render(a.tabs, buf);
        match &self.overlay {
            Some(Overlay::Views { selected }) => {
                let views: Vec<(&str, &str)> = self
                    .prefs
                    .views
                    .iter()
                    .map(|v| (v.name.as_str(), v.spec.as_str()))
                    .collect();
                let save_key = self
                    .prefs
                    .keymap
                    .keys_of(Mode::Global, Command::SaveView)
                    .first()
                    .map(Key::label)
                    .unwrap_or_default();
                SavedViews {
                    title: tr(self.lang, Msg::TuiViewsTitle),
                    views: &views,
                    selected: *selected,
                    empty: &format!("{} {save_key}", tr(self.lang, Msg::TuiNoViews)),
                    theme: &self.look(),
                }
                .render(a.body, buf)
            }
            Some(Overlay::Help { scroll, .. }) => HelpView {
                keymap: &self.prefs.keymap,
                lang: self.lang,
                scroll: *scroll,
                theme: &self.look(),
            }
            .render(a.body, buf),
            Some(Overlay::Detail {
                detail,
                missing,
                scroll,
                ..
            }) => {
                let lines = detail
                    .as_ref()
                    .map(|d| {
                        detail::lines(
                            d,
                            &self.reference,
                            self.lang,
                            self.as_of(),
                            &self.look(),
                            usize::from(a.body.width),
                        )
                    })
                    .unwrap_or_default();
                let title = match detail {
                    Some(d) => format!(
                        "{} · {}",
                        tr(self.lang, Msg::TuiDetail),
                        crate::text::safe(&d.case.nomor)
                    ),
                    None => tr(self.lang, Msg::TuiDetail).to_string(),
                };
                let placeholder = match (detail, missing) {
                    (None, true) => Some(tr(self.lang, Msg::TuiCaseNotFound)),
                    (None, false) => Some(tr(self.lang, Msg::TuiLoading)),
                    _ => None,
                };
                DetailView {
                    title,
                    lines,
                    scroll: *scroll,
                    placeholder,
                    theme: &self.look(),
                }
                .render(a.body, buf);
            }
            None => match self.screen {
                Screen::Dashboard => self.draw_dashboard(a.body, buf),
                Screen::Cases => self.draw_cases(a.body, buf),
                Screen::Stages | Screen::Map => {
                    self.screens.draw(self.screen, &self.ctx(), a.body, buf);
                }
            },
        }
        if let Some(f) = &self.filter {
            FilterBar {
                prompt: tr(self.lang, Msg::TuiEditPrompt),
                text: f.editor.text(),
                cursor: f.editor.cursor(),
                error: f
                    .error
                    .as_ref()
                    .map(|e| (e.position(), e.message(self.lang))),
                hint: tr(self.lang, Msg::TuiEditHint),
                theme: &self.look(),
            }
            .render(layout::editor_area(a.body), buf);
        }
        if let Some(p) = &self.save {
            FilterBar {
                prompt: tr(self.lang, Msg::TuiSavePrompt),
                text: p.editor.text(),
                cursor: p.editor.cursor(),
                error: p.error.clone().map(|e| (p.editor.cursor() + 1, e)),
                hint: tr(self.lang, Msg::TuiSaveHint),
                theme: &self.look(),
            }
            .render(layout::editor_area(a.body), buf);
        }
        let hints = self.prefs.keymap.hints(self.mode(), self.lang);
        let notice = self.notice.as_ref().map(|n| (n.text.as_str(), n.error));
        Footer {
            hints: &hints,
            notice,
            theme: &self.look(),
        }
        .render(a.footer, buf);
        self.finish(area, buf);
    }
}

impl App {
    /// The last passes over the whole screen: no cell reaches the terminal with a character it
    /// could act on, whatever a widget wrote; with `--ascii`, drawing characters become ASCII.
    fn finish(&self, area: Rect, buf: &mut Buffer) {
        crate::tui::widgets::text::scrub(buf, area);
        // For a projector every character is bold, whichever widget drew it.
        if self.look().is_high_contrast() {
            buf.set_style(area, ratatui::style::Modifier::BOLD);
        }
        if self.prefs.ascii {
            crate::tui::widgets::ascii::to_ascii(buf, area);
        }
    }

    /// The theme drawn with: high contrast in presenter mode.
    pub(crate) fn look(&self) -> Theme {
        if self.presenter.is_some() {
            self.theme.high_contrast()
        } else {
            self.theme
        }
    }

    /// The baseline's headline of region `code` (`""` for the total), when a baseline is in force.
    pub(crate) fn base_headline(&self, code: &str) -> Option<Headline> {
        self.ctx().base_headline(code)
    }

    /// The baseline's count of key `key` of a dimension, when a baseline is in force.
    pub(crate) fn base_group(&self, dim: Dim, key: &str) -> Option<i64> {
        self.ctx().base_group(dim, key)
    }

    pub(crate) fn region_line(&self, code: &str, name: String, h: &Headline) -> RegionLine {
        let mut marks = [None; COLUMNS];
        for (c, m) in marks.iter_mut().enumerate() {
            *m = self.marks.region(code, c);
        }
        RegionLine {
            name,
            figures: figures(h),
            marks,
            base: self.base_headline(code).map(|b| figures(&b)),
        }
    }

    fn panel_lines(&self, panel: Panel) -> Vec<PanelLine> {
        let dim = match panel {
            Panel::Stages => Dim::Stage,
            Panel::Types => Dim::Type,
            _ => Dim::Status,
        };
        self.panel_items(panel)
            .into_iter()
            .map(|g| PanelLine {
                label: match panel {
                    Panel::Stages => g.key.clone(),
                    Panel::Types => crate::domain::TypeGroup::from_code(&g.key)
                        .map_or(g.key.clone(), |t| t.label(self.lang).to_string()),
                    _ => crate::domain::Status::from_code(&g.key)
                        .map_or(g.key.clone(), |s| s.label(self.lang).to_string()),
                },
                count: g.count,
                mark: self.marks.group(dim, &g.key),
                flagged: panel == Panel::Stages && g.key == CAMPAIGN,
                base: self.base_group(dim, &g.key),
            })
            .collect()
    }

    pub(crate) fn draw_dashboard(&self, body: Rect, buf: &mut Buffer) {
        let l = self.lang;
        let Some(counts) = &self.counts else {
            buf.set_string(
                body.x + 2,
                body.y + 1,
                tr(l, Msg::TuiLoading),
                self.look().dim(),
            );
            return;
        };
        let rows: Vec<RegionLine> = counts
            .regions
            .iter()
            .map(|r| {
                let name = self
                    .reference
                    .region(&r.code)
                    .map_or(r.name.clone(), |g| g.display_name(l));
                self.region_line(&r.code, name, &r.figures)
            })
            .collect();
        let total = self.region_line("", tr(l, Msg::Total).to_string(), &counts.headline);
        let wide = layout::is_wide(body.width, body.height + 3);
        let spacing = if wide && usize::from(body.height) >= 2 * (rows.len() + 2) {
            2
        } else {
            1
        };
        let table_h = 1 + (rows.len() as u16 + 1) * spacing;
        let (table_area, panels_area) = if wide {
            let tw = (body.width * 11 / 20).min(120);
            (
                Rect {
                    width: tw,
                    height: table_h.min(body.height),
                    ..body
                },
                Rect {
                    x: body.x + tw + 2,
                    width: body.width - tw - 2,
                    ..body
                },
            )
        } else {
            (
                Rect {
                    height: table_h.min(body.height),
                    ..body
                },
                Rect {
                    y: body.y + table_h,
                    height: body.height.saturating_sub(table_h),
                    ..body
                },
            )
        };
        let (panel, index) = self.dashboard_cursor();
        RegionTable {
            headings: [
                tr(l, Msg::Region),
                tr(l, Msg::TuiColCases),
                tr(l, Msg::TuiColTemuan),
                tr(l, Msg::TuiColLaporan),
                tr(l, Msg::TuiColRegistered),
                tr(l, Msg::TuiColViolations),
                tr(l, Msg::TuiColInProcess),
                tr(l, Msg::TuiColOverdue),
            ],
            rows: &rows,
            total: &total,
            selected: (panel == Panel::Regions).then_some(index),
            focused: panel == Panel::Regions,
            spacing,
            theme: &self.look(),
        }
        .render(table_area, buf);
        if counts.headline.total == 0 && self.view.terms.is_empty() && self.view.text.is_empty() {
            let y = table_area.y + table_area.height;
            if y < body.y + body.height {
                buf.set_string(body.x + 2, y, tr(l, Msg::TuiEmptyDb), self.look().dim());
            }
        }
        let panels = [
            (Panel::Stages, Msg::Stage),
            (Panel::Types, Msg::Type),
            (Panel::Statuses, Msg::Status),
        ];
        let lines: Vec<Vec<PanelLine>> = panels.iter().map(|(p, _)| self.panel_lines(*p)).collect();
        // Stacked beside the table on a projector, each as tall as its lines (the last takes the
        // rest); side by side under the table otherwise.
        let mut y = panels_area.y;
        for (i, (p, title)) in panels.iter().enumerate() {
            let area = if wide {
                let bottom = panels_area.y + panels_area.height;
                let want = if i == 2 {
                    bottom.saturating_sub(y)
                } else {
                    lines[i].len() as u16 + 1
                };
                let area = Rect {
                    y,
                    height: want.min(bottom.saturating_sub(y)),
                    ..panels_area
                };
                y += area.height + 1;
                area
            } else {
                let w = panels_area.width / 3;
                Rect {
                    x: panels_area.x + w * i as u16,
                    width: if i == 2 {
                        panels_area.width - 2 * w
                    } else {
                        w - 1
                    },
                    ..panels_area
                }
            };
            CountPanel {
                title: tr(l, *title),
                lines: &lines[i],
                selected: Some(self.panel_index(*p)),
                focused: panel == *p,
                more: tr(l, Msg::TuiMore),
                theme: &self.look(),
            }
            .render(area, buf);
        }
    }

    fn draw_cases(&self, body: Rect, buf: &mut Buffer) {
        let list_h = body.height.saturating_sub(layout::PREVIEW);
        let list = &self.cases;
        CaseTable {
            rows: list.rows(),
            top: list.top(),
            selected: list.selected(),
            loaded: list.is_loaded(),
            sort: self.view.sort.unwrap_or(Sort {
                key: SortKey::Received,
                descending: false,
            }),
            as_of: self.as_of(),
            reference: &self.reference,
            lang: self.lang,
            theme: &self.look(),
        }
        .render(
            Rect {
                height: list_h,
                ..body
            },
            buf,
        );
        let total = self.counts.as_ref().map(|c| c.headline.total);
        let position = match (list.position(), total) {
            (Some(n), Some(t)) => Some(format!("{n} {} {t}", tr(self.lang, Msg::TuiOf))),
            _ => None,
        };
        CasePreview {
            row: list.selected_row(),
            position,
            theme: &self.look(),
        }
        .render(
            Rect {
                y: body.y + list_h,
                height: layout::PREVIEW.min(body.height),
                ..body
            },
            buf,
        );
    }
}
