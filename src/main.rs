//! The pantau binary: parse the command line, run, print errors in the user's language.

use clap::Parser;

fn main() {
    let cli = pantau::cli::Cli::parse();
    let lang = pantau::commands::message_lang(&cli.global);
    if let Err(e) = pantau::commands::run(cli) {
        eprintln!("pantau: {}", pantau::text::safe_lines(&e.message(lang)));
        std::process::exit(e.exit_code());
    }
}
