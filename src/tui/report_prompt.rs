//! The screen's report key (`W`) in `App::update`: the one question of the format (a key each;
//! Enter takes the highlighted one, the last chosen this session; Esc none), the request that the
//! worker write the file, and what the status line says of it. Changes state only.

use crate::i18n::screen_report::ScreenReport;
use crate::report::build::by_words;
use crate::report::files::Format;
use crate::tui::action::Command;
use crate::tui::app::{App, Overlay};
use crate::tui::data::{Answer, Job, Need, Reply};
use crate::tui::report_file::{FORMATS, ask_for, shown, stem};
use crate::tui::state::{Prompt, Said};

/// How long quitting waits for a file being written before it quits anyway.
pub const WAIT_AT_QUIT: chrono::Duration = chrono::Duration::seconds(30);

impl App {
    /// The format highlighted at the question of the report's format, while it is asked.
    pub fn report_question(&self) -> Option<Format> {
        match self.prompt {
            Some(Prompt::Report(f)) => Some(f),
            _ => None,
        }
    }

    /// The question as the footer asks it: `Rekap per wilayah`.
    pub fn report_question_text(&self) -> Option<String> {
        self.report_question()?;
        let (ask, _) = ask_for(self.screen, &self.area, &self.reference);
        let by = by_words(self.lang, &ask.by);
        Some(ScreenReport::Ask { by: &by }.text(self.lang))
    }

    /// The report key and the keys of its question; false for the commands it leaves to the rest.
    pub(crate) fn report_command(&mut self, c: Command) -> bool {
        let help = matches!(self.overlay, Some(Overlay::Help { .. }));
        if let Some(highlighted) = self.report_question()
            && !help
            && c != Command::Help
        {
            let i = FORMATS.iter().position(|f| *f == highlighted).unwrap_or(0);
            let n = FORMATS.len();
            match c {
                Command::ChooseXlsx => self.write_report(Format::Xlsx),
                Command::ChoosePng => self.write_report(Format::Png),
                Command::ChoosePdf => self.write_report(Format::Pdf),
                Command::Apply => self.write_report(highlighted),
                Command::Left => self.prompt = Some(Prompt::Report(FORMATS[(i + n - 1) % n])),
                Command::Right => self.prompt = Some(Prompt::Report(FORMATS[(i + 1) % n])),
                Command::Cancel | Command::Back => self.prompt = None,
                Command::Quit => self.quit = true,
                _ => {}
            }
            return true;
        }
        // The screens' key; over an overlay or in presenter mode there is no screen's report.
        if c == Command::WriteReport && self.overlay.is_none() && self.presenter.is_none() {
            self.prompt = Some(Prompt::Report(self.report.format));
            return true;
        }
        false
    }

    /// Asks the worker to write the screen's report of the view in force as `format`.
    fn write_report(&mut self, format: Format) {
        self.prompt = None;
        self.report.format = format;
        let (ask, pick) = ask_for(self.screen, &self.area, &self.reference);
        let job = Job {
            ask,
            pick,
            format,
            lang: self.lang,
            stem: stem(self.screen, self.lang),
            one_election: self.screen == crate::tui::action::Screen::Stages,
        };
        let generation = self.request(Need::Report(Box::new(job)));
        self.pending.reports.push(generation);
        let format = format.extension();
        let text = ScreenReport::Writing { format }.text(self.lang);
        self.say(text.clone());
        // While the user waits to quit, the status line keeps saying so.
        if self.report.leaving.is_none() {
            self.report.busy = Some(text);
        }
    }

    /// Whether the status line says a file is being written (or waited for): the busy marker
    /// goes before it instead of the tick, and it stays until the answer comes.
    pub(crate) fn report_busy(&self) -> bool {
        !self.pending.reports.is_empty()
            && self.report.busy.is_some()
            && self.notice.as_ref().map(|n| &n.text) == self.report.busy.as_ref()
    }

    /// `q` while a file is being written: the first waits for it (saying so), a second one
    /// quits without waiting. False when nothing is being written: the quit goes on.
    pub(crate) fn hold_quit(&mut self) -> bool {
        if self.pending.reports.is_empty() || self.report.leaving.is_some() {
            return false;
        }
        self.prompt = None;
        self.report.leaving = Some(self.now);
        let text = ScreenReport::Waiting.text(self.lang);
        self.say(text.clone());
        self.report.busy = Some(text);
        true
    }

    /// While waiting at quitting: quits once no file is being written any more, or when the
    /// wait has lasted `WAIT_AT_QUIT` (the worker stuck).
    pub(crate) fn wait_at_quit(&mut self, now: chrono::NaiveDateTime) {
        if let Some(since) = self.report.leaving
            && (self.pending.reports.is_empty() || now - since >= WAIT_AT_QUIT)
        {
            self.quit = true;
        }
    }

    /// Takes in the answer to a report request (the file written, or why not); any other answer
    /// is given back.
    pub(crate) fn receive_report(&mut self, reply: Reply) -> Option<Reply> {
        let Some(i) = self
            .pending
            .reports
            .iter()
            .position(|g| *g == reply.generation)
        else {
            return Some(reply);
        };
        match &reply.answer {
            Answer::Written(path) => {
                let extension = match path.extension().and_then(|e| e.to_str()) {
                    Some("png") => Format::Png.extension(),
                    Some("pdf") => Format::Pdf.extension(),
                    Some("svg") => Format::Svg.extension(),
                    _ => Format::Xlsx.extension(),
                };
                let path = shown(path);
                let text = ScreenReport::Written { path: &path }.text(self.lang);
                self.say(text.clone());
                self.report.said = Some(Said::Written(text, extension));
            }
            Answer::Failed(why) => {
                let text = ScreenReport::NotWritten { why }.text(self.lang);
                self.error(text.clone());
                self.report.said = Some(Said::Failed(text));
                // Why it failed is read before quitting: the wait ends, the next `q` quits.
                self.report.leaving = None;
            }
            _ => return Some(reply),
        }
        self.pending.reports.remove(i);
        if self.pending.reports.is_empty() {
            self.report.busy = None;
        }
        self.wait_at_quit(self.now);
        None
    }

    /// The status line of the file just written, while it is the notice shown and is too long
    /// for the room `beside` the keys that always show: then it takes the whole line (`room`
    /// columns; the keys give way for the few seconds it shows). Longer still, `written_box`
    /// shows it.
    pub(crate) fn written_notice(&self, room: usize, beside: usize) -> Option<String> {
        let text = self.written_text()?;
        let width = crate::text::width(text) + 2;
        (width > beside && width <= room).then(|| text.to_string())
    }

    /// Where the file just written went, while the status line says it and it is too long for
    /// the whole line's `room`: then it is shown whole over the rows above the line, the path
    /// wrapped, never cut.
    pub(crate) fn written_box(&self, room: usize) -> Option<&str> {
        let text = self.written_text()?;
        (crate::text::width(text) + 2 > room).then_some(text)
    }

    /// The notice of the file just written, while it is the one shown.
    fn written_text(&self) -> Option<&str> {
        let Some(Said::Written(text, _)) = &self.report.said else {
            return None;
        };
        let notice = self
            .notice
            .as_ref()
            .filter(|n| !n.error && n.text == *text)?;
        Some(notice.text.as_str())
    }

    /// Why the last report was not written, while the status line says it and it is too long
    /// for the line's `room`: then it is shown whole over the rows above the line.
    pub(crate) fn failed_notice(&self, room: usize) -> Option<&str> {
        let Some(Said::Failed(text)) = &self.report.said else {
            return None;
        };
        let notice = self
            .notice
            .as_ref()
            .filter(|n| n.error && n.text == *text)?;
        (crate::text::width(&notice.text) + 4 > room).then_some(notice.text.as_str())
    }
}
