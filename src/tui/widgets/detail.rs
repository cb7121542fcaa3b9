//! One case in full: every field in labelled rows, the deadline and how it was computed, the
//! forwarding, and the status history as a timeline. Render-only; the case and the date are given.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::domain::{Reference, Status, ViolationType, latest_step};
use crate::engine::CaseDetail;
use crate::i18n::offices::Offices;
use crate::i18n::{Lang, Msg, tr};
use crate::store::offices::office_name_of;
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{date, left, line_width, wrap};

const LABEL: usize = 20;

/// Where the case happened: "Kec. Samarinda Kota · Kel. Bugis · TPS 1"; a kecamatan the region
/// tree does not know is marked so.
fn place(c: &crate::domain::Case, reference: &Reference, lang: Lang) -> Option<String> {
    use crate::i18n::wilayah::Wilayah as W;
    let mut parts = Vec::new();
    match (&c.kode_kecamatan, &c.kecamatan) {
        (Some(code), name) => {
            let name = reference
                .kecamatan(code)
                .map(|k| k.name.clone())
                .or_else(|| name.clone())
                .unwrap_or_else(|| code.clone());
            parts.push(format!("Kec. {name}"));
        }
        (None, Some(text)) => parts.push(format!("Kec. {text} ({})", W::NotInTree.text(lang))),
        (None, None) => {}
    }
    if let Some(code) = &c.kode_desa {
        parts.push(match reference.desa(code) {
            Some(d) => format!(
                "{} {}",
                W::DesaPrefix {
                    kelurahan: d.kind == "kelurahan"
                }
                .text(lang),
                d.name
            ),
            None => code.clone(),
        });
    }
    if let Some(n) = c.tps {
        parts.push(format!("TPS {n}"));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The fields, and the history with its heading, at `width` columns.
fn sections(
    d: &CaseDetail,
    reference: &Reference,
    lang: Lang,
    as_of: NaiveDate,
    theme: &Theme,
    width: usize,
) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    let t = theme;
    let c = &d.case;
    let none = "–".to_string();
    let opt_date = |x: Option<NaiveDate>| x.map(date).unwrap_or_else(|| none.clone());
    let mut out: Vec<Line<'static>> = Vec::new();
    let value_w = width.saturating_sub(LABEL + 2).max(10);
    let field =
        |out: &mut Vec<Line<'static>>, msg: Msg, value: String, style: ratatui::style::Style| {
            for (i, part) in wrap(&value, value_w)
                .into_iter()
                .chain(value.is_empty().then(String::new))
                .enumerate()
            {
                let label = if i == 0 {
                    left(tr(lang, msg), LABEL)
                } else {
                    " ".repeat(LABEL)
                };
                out.push(Line::from(vec![
                    Span::styled(format!(" {label} "), t.dim()),
                    Span::styled(part, style),
                ]));
            }
        };
    let n = t.normal();
    let status_now = d
        .history
        .iter()
        .rfind(|h| h.at.date() <= as_of)
        .map(|h| h.to)
        .unwrap_or(c.status);
    // The office handling it now: a region, or a Panwaslu Kecamatan.
    let region = reference
        .office(&c.kode_wilayah)
        .map_or(c.kode_wilayah.clone(), |r| {
            format!("{} · {}", r.display_name(lang), r.code)
        });
    // The case is read with its own election: its stage, its campaign, its contest.
    let election = reference.election(&c.election);
    let stage = election
        .and_then(|e| e.stage(&c.kode_tahapan))
        .map_or(c.kode_tahapan.clone(), |s| s.name(lang).to_string());
    let campaign = election.map_or(c.kode_tahapan == crate::domain::CAMPAIGN, |e| {
        c.kode_tahapan == e.campaign_stage
    });
    let election_name = election.map_or(c.election.clone(), |e| e.name(lang).to_string());
    let contest = match (&c.kontestasi, election) {
        (Some(k), Some(e)) => e.contest(k).map_or(k.clone(), |x| x.name(lang).to_string()),
        (Some(k), None) => k.clone(),
        (None, _) => none.clone(),
    };
    field(&mut out, Msg::TuiFieldNomor, c.nomor.clone(), t.heading());
    field(
        &mut out,
        Msg::TuiFieldRegistration,
        c.nomor_registrasi.clone().unwrap_or_else(|| none.clone()),
        n,
    );
    field(
        &mut out,
        Msg::TuiFieldSource,
        c.sumber.label(lang).to_string(),
        n,
    );
    field(&mut out, Msg::TuiFieldElection, election_name, n);
    field(&mut out, Msg::TuiFieldContest, contest, n);
    field(&mut out, Msg::TuiFieldRegion, region, n);
    if !d.handling.is_empty() {
        let text = handled_by(&d.handling, reference, lang, as_of);
        for (i, part) in wrap(&text, value_w).into_iter().enumerate() {
            let label = if i == 0 {
                left(&Offices::HandledBy.text(lang), LABEL)
            } else {
                " ".repeat(LABEL)
            };
            out.push(Line::from(vec![
                Span::styled(format!(" {label} "), t.dim()),
                Span::styled(part, n),
            ]));
        }
    }
    field(
        &mut out,
        Msg::TuiFieldKecamatan,
        place(c, reference, lang).unwrap_or_else(|| none.clone()),
        n,
    );
    field(
        &mut out,
        Msg::TuiFieldStage,
        if campaign {
            format!("{stage} ◆")
        } else {
            stage
        },
        if campaign { t.campaign() } else { n },
    );
    field(
        &mut out,
        Msg::TuiFieldEvent,
        opt_date(c.tanggal_kejadian),
        n,
    );
    field(
        &mut out,
        Msg::TuiFieldKnown,
        opt_date(c.tanggal_diketahui),
        n,
    );
    field(&mut out, Msg::TuiFieldReceived, date(c.tanggal_diterima), n);
    field(
        &mut out,
        Msg::TuiFieldRegistered,
        opt_date(c.tanggal_registrasi),
        n,
    );
    field(
        &mut out,
        Msg::TuiFieldStatus,
        format!(
            "{} ({} {})",
            status_now.label(lang),
            tr(lang, Msg::AsOf),
            date(as_of)
        ),
        t.heading(),
    );
    if status_now != c.status {
        field(
            &mut out,
            Msg::TuiFieldStatusNow,
            c.status.label(lang).to_string(),
            n,
        );
    }
    // Extended: 14 working days after registration in total, never "7 + 7".
    let yes_no = if c.diperpanjang {
        Msg::TuiExtendedYes
    } else {
        Msg::TuiNo
    };
    field(
        &mut out,
        Msg::TuiFieldExtended,
        tr(lang, yes_no).to_string(),
        n,
    );
    let kind = |v: Option<crate::domain::ViolationType>| {
        v.map(|v| v.label(lang).to_string())
            .unwrap_or_else(|| none.clone())
    };
    field(&mut out, Msg::TuiFieldSuspected, kind(c.jenis_dugaan), n);
    // The proven type is the decision's: before the view's date shows the case as a violation,
    // it was not yet decided (as every count of the view reads it).
    let proven = match c.jenis_pelanggaran {
        Some(v) if status_now != c.status && status_now != Status::Pelanggaran => {
            format!("{} ({})", v.label(lang), tr(lang, Msg::TuiAfterAsOf))
        }
        v => kind(v),
    };
    field(&mut out, Msg::TuiFieldProven, proven, n);
    field(
        &mut out,
        Msg::TuiFieldArticle,
        c.pasal.clone().unwrap_or_else(|| none.clone()),
        n,
    );
    let party = match (&c.terlapor, c.kategori_terlapor) {
        (Some(p), Some(k)) => format!("{p} · {}", k.label(lang)),
        (Some(p), None) => p.clone(),
        (None, Some(k)) => k.label(lang).to_string(),
        (None, None) => none.clone(),
    };
    field(&mut out, Msg::TuiFieldReported, party, n);
    field(
        &mut out,
        Msg::TuiFieldReporter,
        c.pelapor.clone().unwrap_or_else(|| none.clone()),
        n,
    );
    let (deadline, style) = match &d.deadline {
        Some(dl) if dl.due < as_of => (
            format!(
                "⚠ {} ({} {}{})",
                dl.explain(lang),
                tr(lang, Msg::TuiLate),
                (as_of - dl.due).num_days(),
                tr(lang, Msg::TuiDayUnit)
            ),
            t.overdue(),
        ),
        Some(dl) => (dl.explain(lang), n),
        None => (tr(lang, Msg::TuiNoDeadline).to_string(), n),
    };
    field(&mut out, Msg::TuiDeadline, deadline, style);
    if let Some(f) = &d.filing {
        let (text, style) = if f.late {
            (
                format!("⚠ {} ({})", tr(lang, Msg::TuiFiledLate), f.explain(lang)),
                t.overdue(),
            )
        } else {
            (f.explain(lang), n)
        };
        field(&mut out, Msg::TuiFieldFiling, text, style);
    }
    // An administrative violation is decided by Bawaslu itself: only its correction goes to KPU.
    let decided_here = matches!(
        c.jenis_pelanggaran,
        Some(ViolationType::Administrasi | ViolationType::Tsm)
    );
    let forwarding = match c.diteruskan_ke {
        Some(f) => {
            let mut s = if decided_here {
                format!("{} {}", tr(lang, Msg::TuiDecidedByBawaslu), f.label(lang))
            } else {
                f.label(lang).to_string()
            };
            if let Some(letter) = &c.nomor_surat_penerusan {
                s += &format!(" · {} {letter}", tr(lang, Msg::TuiFieldLetter));
            }
            if let Some(on) = c.tanggal_penerusan {
                s += &format!(" · {}", date(on));
                if on > as_of {
                    s += &format!(" ({})", tr(lang, Msg::TuiAfterAsOf));
                }
            }
            s
        }
        None => tr(lang, Msg::TuiNotForwarded).to_string(),
    };
    field(&mut out, Msg::TuiForwarding, forwarding, n);
    if c.diteruskan_ke.is_some() || !d.follow_ups.is_empty() {
        let latest = match latest_step(&d.follow_ups, as_of) {
            Some(f) => {
                let mut s = f.step.label(lang).to_string();
                if let Some(r) = &f.reference {
                    s += &format!(" · {r}");
                }
                s + &format!(" · {}", date(f.on))
            }
            None => tr(lang, Msg::TuiNoStepYet).to_string(),
        };
        field(&mut out, Msg::TuiFollowUp, latest, n);
    }
    field(&mut out, Msg::TuiFieldDescription, c.uraian.clone(), n);
    let fields = std::mem::take(&mut out);
    let heading = if d.follow_ups.is_empty() {
        Msg::TuiHistory
    } else {
        Msg::TuiHistoryWithSteps
    };
    out.push(Line::from(Span::styled(
        format!(" {}", tr(lang, heading)),
        t.heading(),
    )));
    // Status changes and steps after forwarding, by date; a day's steps after its changes.
    let mut entries: Vec<Entry<'_>> = d.history.iter().map(Entry::Change).collect();
    entries.extend(d.follow_ups.iter().map(Entry::Step));
    entries.sort_by_key(|e| match e {
        Entry::Change(h) => (h.at.date(), 0, h.at.time()),
        Entry::Step(f) => (f.on, 1, chrono::NaiveTime::MIN),
    });
    let total = entries.len();
    for (i, entry) in entries.into_iter().enumerate() {
        let rail = if i + 1 < total { " │ " } else { "   " };
        let indent = format!("{rail}{}", " ".repeat(18));
        let h = match entry {
            Entry::Change(h) => h,
            Entry::Step(f) => {
                let later = f.on > as_of;
                let mut spans = vec![
                    Span::styled(
                        format!(" ◆ {:<16}  ", f.on.format("%d/%m/%Y")),
                        if later { t.dim() } else { t.normal() },
                    ),
                    Span::styled(
                        f.step.label(lang).to_string(),
                        if later { t.dim() } else { t.heading() },
                    ),
                ];
                if later {
                    spans.push(Span::styled(
                        format!("  ({})", tr(lang, Msg::TuiAfterAsOf)),
                        t.dim(),
                    ));
                }
                out.push(Line::from(spans));
                for text in [&f.reference, &f.note].into_iter().flatten() {
                    for part in wrap(text, width.saturating_sub(21).max(10)) {
                        out.push(Line::from(vec![
                            Span::styled(indent.clone(), t.dim()),
                            Span::raw(part),
                        ]));
                    }
                }
                continue;
            }
        };
        let later = h.at.date() > as_of;
        let dot = if later { "○" } else { "●" };
        let change = match h.from {
            Some(from) => format!("{} → {}", from.label(lang), h.to.label(lang)),
            None => h.to.label(lang).to_string(),
        };
        let mut spans = vec![
            Span::styled(
                format!(" {dot} {}  ", h.at.format("%d/%m/%Y %H:%M")),
                if later { t.dim() } else { t.normal() },
            ),
            Span::styled(change, if later { t.dim() } else { t.heading() }),
        ];
        if later {
            spans.push(Span::styled(
                format!("  ({})", tr(lang, Msg::TuiAfterAsOf)),
                t.dim(),
            ));
        }
        out.push(Line::from(spans));
        let by = format!("{} {}", tr(lang, Msg::TuiBy), h.by);
        for part in wrap(&by, width.saturating_sub(21).max(10)) {
            out.push(Line::from(vec![
                Span::styled(indent.clone(), t.dim()),
                Span::styled(part, t.dim()),
            ]));
        }
        if let Some(note) = &h.note {
            for part in wrap(note, width.saturating_sub(21).max(10)) {
                out.push(Line::from(vec![
                    Span::styled(indent.clone(), t.dim()),
                    Span::raw(part),
                ]));
            }
        }
    }
    (fields, out)
}

/// The chain of offices that handled a case, the office that received it first and the one
/// handling it now last: "Bawaslu Kota Samarinda → (dilimpahkan 12/01/2024, surat …) Bawaslu
/// Provinsi Kaltim"; an entry after the view's date says so.
fn handled_by(
    chain: &[crate::store::offices::Transfer],
    reference: &Reference,
    lang: Lang,
    as_of: NaiveDate,
) -> String {
    let mut text = chain
        .first()
        .map(|t| office_name_of(reference, &t.from))
        .unwrap_or_default();
    for t in chain {
        let mut how = format!("{} {}", t.kind.label(lang), date(t.on));
        if let Some(letter) = &t.letter {
            how += &format!(", {} {letter}", Offices::Letter.text(lang));
        }
        if t.on > as_of {
            how += &format!(", {}", tr(lang, Msg::TuiAfterAsOf));
        }
        text += &format!(" → ({how}) {}", office_name_of(reference, &t.to));
    }
    text
}

/// One entry of the timeline: a change of status or a step after forwarding.
enum Entry<'a> {
    Change(&'a crate::domain::StatusChange),
    Step(&'a crate::domain::FollowUp),
}

/// From this width on, the history goes beside the fields.
const SIDE_BY_SIDE: usize = 150;

/// The detail's lines at `width` columns: the fields then the history, or side by side when wide.
pub fn lines(
    d: &CaseDetail,
    reference: &Reference,
    lang: Lang,
    as_of: NaiveDate,
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    if width < SIDE_BY_SIDE {
        let (mut fields, history) = sections(d, reference, lang, as_of, theme, width);
        fields.push(Line::default());
        fields.extend(history);
        return fields;
    }
    let half = width / 2;
    let (fields, history) = sections(d, reference, lang, as_of, theme, half - 1);
    (0..fields.len().max(history.len()))
        .map(|i| {
            let left = fields.get(i).cloned().unwrap_or_default();
            let pad = half.saturating_sub(line_width(&left));
            let mut spans = left.spans;
            spans.push(Span::raw(" ".repeat(pad)));
            if let Some(right) = history.get(i) {
                spans.extend(right.spans.iter().cloned());
            }
            Line::from(spans)
        })
        .collect()
}

/// The detail, scrolled.
pub struct DetailView<'a> {
    pub title: String,
    pub lines: Vec<Line<'a>>,
    pub scroll: usize,
    /// Shown instead of the lines when there is nothing (loading, or the case is gone).
    pub placeholder: Option<&'a str>,
    /// Where the case stands in the list (`3/14`), when known.
    pub case_position: Option<String>,
    pub lang: Lang,
    pub theme: &'a Theme,
}

/// The right end of the detail's title rule: the case's place in the list and the lines shown
/// (`kasus 3/14 · baris 1–21/48`); the lines only when they do not all fit.
pub fn position_text(
    case: Option<&str>,
    scroll: usize,
    rows: usize,
    lines: usize,
    lang: Lang,
) -> String {
    let mut parts = Vec::new();
    if let Some(c) = case {
        parts.push(format!("{} {c}", tr(lang, Msg::TuiCaseWord)));
    }
    if lines > rows {
        let first = scroll.min(lines.saturating_sub(rows)) + 1;
        let last = (first - 1 + rows).min(lines);
        parts.push(format!(
            "{} {first}–{last}/{lines}",
            tr(lang, Msg::TuiLinesWord)
        ));
    }
    parts.join(" · ")
}

impl Widget for DetailView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        let t = self.theme;
        let w = usize::from(area.width);
        let rows = usize::from(area.height - 1);
        let at = position_text(
            self.case_position.as_deref(),
            self.scroll,
            rows,
            self.lines.len(),
            self.lang,
        );
        let right = if at.is_empty() {
            String::new()
        } else {
            format!(" {at} ─")
        };
        let right_w = crate::tui::widgets::text::width(&right);
        let title = crate::tui::widgets::text::fit(
            &format!("─ {} ", self.title),
            w.saturating_sub(right_w + 1),
        );
        let rule = "─".repeat(w.saturating_sub(crate::tui::widgets::text::width(&title) + right_w));
        buf.set_line(
            area.x,
            area.y,
            &Line::from(vec![
                Span::styled(title, t.heading()),
                Span::styled(rule, t.dim()),
                Span::styled(right, t.dim()),
            ]),
            area.width,
        );
        if let Some(p) = self.placeholder {
            buf.set_line(
                area.x + 2,
                area.y + 1,
                &Line::from(Span::styled(p, t.dim())),
                area.width.saturating_sub(2),
            );
            return;
        }
        let scroll = self.scroll.min(self.lines.len().saturating_sub(rows));
        for (i, line) in self.lines.iter().skip(scroll).take(rows).enumerate() {
            buf.set_line(area.x, area.y + 1 + i as u16, line, area.width);
        }
    }
}
