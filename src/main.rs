//! The pantau binary: parse the command line, run, print errors in the user's language.

use clap::Parser;

/// mimalloc rather than the C library's allocator: an import parses cases on one thread and
/// writes (and frees) them on another, which glibc's per-thread arenas make costly (measured: a
/// fifth of an import's CPU time). Built without transparent huge pages (`no_thp`): with them the
/// tail of each of the column index's columns holds a whole 2 MiB page, some 20 MiB more resident
/// in the TUI at 1M cases (docs/performance.md, "The TUI's memory through a meeting").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Writes `pantau: TEXT` to standard error; a terminal gone (an SSH connection dropped) is no
/// reason to fail again.
fn say(text: &str) {
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "pantau: {}",
        pantau::text::safe_lines(text)
    );
}

fn main() {
    let cli = match pantau::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !pantau::cli::is_mistake(&e) => e.exit(),
        Err(e) => {
            let g = pantau::cli::global_of_raw(std::env::args_os());
            let lang = pantau::commands::message_lang(&g);
            let text = pantau::cli::explain(&e, lang);
            say(&text);
            std::process::exit(2);
        }
    };
    let lang = pantau::commands::message_lang(&cli.global());
    pantau::error::install_panic_hook(lang);
    if let Err(e) = pantau::commands::run(cli) {
        if e.is_broken_pipe() {
            pantau::error::end_on_broken_pipe();
        }
        say(&e.message(lang));
        std::process::exit(e.exit_code());
    }
}
