//! The real binary in a pseudo-terminal: its screen read with vt100, every byte it wrote kept,
//! keys typed, the terminal resized or hung up, and waits on what the screen shows.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// A generous limit that only guards against hanging, never a measure of speed.
pub const HANG: Duration = Duration::from_secs(60);

/// The size of the terminal unless a test asks for another, as (columns, rows).
pub const DEFAULT_SIZE: (u16, u16) = (80, 24);

/// The binary running in a pseudo-terminal; `C` hears what the terminal is asked besides drawing.
pub struct Tui<C: vt100::Callbacks + Send + 'static = ()> {
    pub child: Box<dyn Child + Send + Sync>,
    /// The master side; `None` once the terminal has been hung up.
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    screen: Arc<Mutex<vt100::Parser<C>>>,
    /// Every byte read from the terminal, as pantau wrote it.
    raw: Arc<Mutex<Vec<u8>>>,
    reader: Option<JoinHandle<()>>,
    /// Tells the reader to let go of its handle on the master side after its next read.
    stop_reading: Arc<AtomicBool>,
}

/// `n` as a terminal dimension.
pub fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap()
}

/// A pseudo-terminal size of `cols` × `rows`.
pub fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// vt100 takes U+FFFD for a decoding error and draws nothing; a terminal draws `�`. The bytes
/// are handed on with each U+FFFD as `¤` (one cell too), keeping a split sequence for the next read.
fn replacement_shown(pending: &mut Vec<u8>) -> Vec<u8> {
    const FFFD: &[u8] = "\u{fffd}".as_bytes();
    let keep = if pending.ends_with(&FFFD[..2]) {
        2
    } else if pending.ends_with(&FFFD[..1]) {
        1
    } else {
        0
    };
    let ready: Vec<u8> = pending.drain(..pending.len() - keep).collect();
    let mut out = Vec::with_capacity(ready.len());
    let mut i = 0;
    while i < ready.len() {
        if ready[i..].starts_with(FFFD) {
            out.extend_from_slice("¤".as_bytes());
            i += FFFD.len();
        } else {
            out.push(ready[i]);
            i += 1;
        }
    }
    out
}

impl Tui {
    /// Runs pantau with `args` and `env` in an 80×24 terminal.
    pub fn start(args: &[&str], env: &[(&str, &str)]) -> Tui {
        Tui::sized(args, env, DEFAULT_SIZE)
    }

    /// Runs pantau with `args` and `env` in a terminal of (columns, rows).
    pub fn sized(args: &[&str], env: &[(&str, &str)], cols_rows: (u16, u16)) -> Tui {
        Tui::with_callbacks(args, env, cols_rows, ())
    }
}

impl<C: vt100::Callbacks + Send + 'static> Tui<C> {
    /// Runs pantau with `args` in a terminal of (columns, rows) whose requests go to `callbacks`.
    /// The terminal is an xterm in a sealed environment (its HOME if `env` gives one, else a
    /// scratch home; the C locale; no `PANTAU_*`, `NO_COLOR` or `TMUX` from outside); `env` is set
    /// over that.
    pub fn with_callbacks(
        args: &[&str],
        env: &[(&str, &str)],
        (cols, rows): (u16, u16),
        callbacks: C,
    ) -> Tui<C> {
        let pair = native_pty_system().openpty(size(cols, rows)).unwrap();
        let mut cmd = CommandBuilder::new(crate::sealed::binary());
        cmd.args(args);
        let home = env
            .iter()
            .find(|(k, _)| *k == "HOME")
            .map_or_else(crate::sealed::scratch_home, |(_, v)| PathBuf::from(v));
        crate::sealed::seal(&mut cmd, &home);
        cmd.env("TERM", "xterm-256color");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            nz(rows),
            nz(cols),
            0,
            callbacks,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let stop_reading = Arc::new(AtomicBool::new(false));
        let (parser, bytes, stop) = (
            Arc::clone(&screen),
            Arc::clone(&raw),
            Arc::clone(&stop_reading),
        );
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            let mut pending: Vec<u8> = Vec::new();
            while !stop.load(Ordering::SeqCst) {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        bytes.lock().unwrap().extend_from_slice(&buf[..n]);
                        pending.extend_from_slice(&buf[..n]);
                        let shown = replacement_shown(&mut pending);
                        parser.lock().unwrap().process(&shown);
                    }
                }
            }
        });
        Tui {
            child,
            master: Some(pair.master),
            writer: Some(writer),
            screen,
            raw,
            reader: Some(reader),
            stop_reading,
        }
    }

    /// The terminal's parser: its screen and the callbacks' record.
    pub fn parser(&self) -> MutexGuard<'_, vt100::Parser<C>> {
        self.screen.lock().unwrap()
    }

    /// The text on the screen.
    pub fn contents(&self) -> String {
        self.parser().screen().contents()
    }

    /// The text of row `y` of the screen.
    pub fn row(&self, y: u16) -> String {
        let parser = self.parser();
        let (_, cols) = parser.screen().size();
        parser.screen().contents_between(y, 0, y, cols.get())
    }

    /// Every byte pantau wrote to the terminal so far.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Waits until the screen shows `text`, failing with the screen after `within`; returns how
    /// long it took.
    pub fn wait_for(&self, text: &str, within: Duration) -> Duration {
        let start = Instant::now();
        loop {
            if self.contents().contains(text) {
                return start.elapsed();
            }
            if start.elapsed() > within {
                panic!(
                    "{text:?} did not show within {within:?}; the screen:\n{}",
                    self.contents()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until `text` is gone from the screen.
    pub fn wait_gone(&self, text: &str) {
        let start = Instant::now();
        while self.contents().contains(text) {
            assert!(
                start.elapsed() < HANG,
                "{text:?} stayed; the screen:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Types `keys`.
    pub fn send(&mut self, keys: &str) {
        let writer = self.writer.as_mut().expect("the terminal is still there");
        writer.write_all(keys.as_bytes()).unwrap();
        writer.flush().unwrap();
    }

    /// Resizes the terminal, and this side's screen with it, to `cols` × `rows`.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        // The screen first: the resize sends pantau SIGWINCH, and its redraw at the new size may
        // arrive before this thread runs again; read into the old size, it would be cut short,
        // and pantau never redraws cells it believes are drawn.
        self.parser().screen_mut().set_size(nz(rows), nz(cols));
        let master = self.master.as_ref().expect("the terminal is still there");
        master.resize(size(cols, rows)).unwrap();
    }

    /// Closes every handle on the master side, as sshd does when a connection drops: the
    /// terminal hangs up under the running process. `wake` is a key that changes the screen, so
    /// that the reader returns from its read and lets go of its handle.
    pub fn hang_up(&mut self, wake: &str) {
        self.stop_reading.store(true, Ordering::SeqCst);
        self.send(wake);
        if let Some(r) = self.reader.take() {
            r.join().unwrap();
        }
        self.writer = None;
        self.master = None;
    }

    /// Waits for the process to end (failing after [`HANG`]) and for its last output.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(
                start.elapsed() < HANG,
                "pantau did not exit; the screen:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
        status
    }

    /// The terminal is as pantau found it: main screen, cursor visible.
    pub fn assert_restored(&self) {
        let parser = self.parser();
        assert!(
            !parser.screen().alternate_screen(),
            "still on the alternate screen"
        );
        assert!(!parser.screen().hide_cursor(), "the cursor is still hidden");
    }
}

impl<C: vt100::Callbacks + Send + 'static> Drop for Tui<C> {
    /// Kills the process if it still runs.
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
        }
    }
}
