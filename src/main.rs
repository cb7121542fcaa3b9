//! The pantau binary: parse the command line, run, print errors in the user's language.

use clap::Parser;

fn main() {
    let cli = pantau::cli::Cli::parse();
    let lang = cli.global.lang.unwrap_or_else(pantau::i18n::Lang::from_env);
    if let Err(e) = pantau::commands::run(cli) {
        eprintln!("pantau: {}", pantau::text::safe_lines(&e.message(lang)));
        std::process::exit(e.exit_code());
    }
}
