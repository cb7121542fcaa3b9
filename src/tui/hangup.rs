//! Notices that the terminal is gone (SIGHUP, or a tty hung up by a dropped SSH connection) and
//! makes sure the process then ends, even if the terminal library is stuck reading a dead tty.

use std::io::ErrorKind;
use std::os::fd::AsFd;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rustix::event::{PollFd, PollFlags, Timespec};

/// How often the watchdog looks at the terminal.
const LOOK_EVERY: Duration = Duration::from_millis(100);
/// How long the event loop gets to end by itself once the terminal is gone.
const GRACE: Duration = Duration::from_secs(1);
/// The exit status of a process ended by a hang-up (128 + SIGHUP), as a shell reports it.
const EXIT_HANGUP: i32 = 129;

/// What waiting for input on the terminal found.
#[derive(Debug, PartialEq, Eq)]
pub enum Input {
    /// Bytes (or a signal the terminal library handles) may be waiting.
    Ready,
    /// Nothing arrived within the wait.
    Quiet,
    /// The terminal hung up: reading it would only return end-of-file.
    HungUp,
}

/// Waits up to `wait` for the standard input terminal to become readable, and tells a hang-up
/// apart from input (a hung-up tty is always "readable" and reads as end-of-file forever).
pub fn wait_for_input(wait: Duration) -> Input {
    let stdin = std::io::stdin();
    let fd = stdin.as_fd();
    let mut fds = [PollFd::new(&fd, PollFlags::IN)];
    let timeout = Timespec {
        tv_sec: i64::try_from(wait.as_secs()).unwrap_or(i64::MAX),
        tv_nsec: i64::from(wait.subsec_nanos()),
    };
    match rustix::event::poll(&mut fds, Some(&timeout)) {
        Ok(0) => Input::Quiet,
        Ok(_) => {
            let got = fds[0].revents();
            if got.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
                Input::HungUp
            } else {
                Input::Ready
            }
        }
        Err(e) if std::io::Error::from(e).kind() == ErrorKind::Interrupted => Input::Quiet,
        // Standard input cannot be polled at all: no terminal to read keys from.
        Err(_) => Input::HungUp,
    }
}

/// A thread that ends the process when the terminal is gone and the event loop does not.
pub struct Watchdog {
    finished: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Watchdog {
    /// Starts watching; `hangup` is set by the SIGHUP handler and by the watchdog itself.
    pub fn spawn(hangup: Arc<AtomicBool>) -> std::io::Result<Watchdog> {
        let finished = Arc::new(AtomicBool::new(false));
        let done = Arc::clone(&finished);
        let thread = std::thread::Builder::new()
            .name("pantau-watchdog".into())
            .spawn(move || watch(&hangup, &done))?;
        Ok(Watchdog {
            finished,
            thread: Some(thread),
        })
    }

    /// The event loop has ended by itself: stop watching.
    pub fn finish(mut self) {
        self.finished.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn watch(hangup: &AtomicBool, finished: &AtomicBool) {
    while !finished.load(Ordering::SeqCst) {
        if hangup.load(Ordering::SeqCst) || wait_for_input(Duration::ZERO) == Input::HungUp {
            hangup.store(true, Ordering::SeqCst);
            let since = Instant::now();
            while since.elapsed() < GRACE {
                if finished.load(Ordering::SeqCst) {
                    return;
                }
                std::thread::sleep(LOOK_EVERY / 4);
            }
            // The loop is stuck on the dead terminal. The worker only reads, so ending here loses
            // nothing; there is no terminal left to restore.
            std::process::exit(EXIT_HANGUP);
        }
        std::thread::sleep(LOOK_EVERY);
    }
}
