//! `pantau completions` and `pantau man`: the shell completions and manual pages, made from the
//! command-line definition itself so that they cannot drift from it. Reads no database.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs, ManArgs};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::i18n::commands::Command;

/// Prints the completion script of a shell.
pub fn completions(args: &CompletionsArgs) -> Result<()> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "pantau", &mut out);
    print(&out)
}

/// Prints the manual page of pantau or of one of its subcommands.
pub fn man(args: &ManArgs) -> Result<()> {
    let mut root = Cli::command();
    root.build();
    let names: Vec<String> = root
        .get_subcommands()
        .filter(|c| !c.is_hide_set() && c.get_name() != "help")
        .map(|c| c.get_name().to_string())
        .collect();
    if args.list {
        return print(format!("{}\n", names.join("\n")).as_bytes());
    }
    let page = match &args.subcommand {
        None => root,
        Some(name) => {
            let Some(sub) = root.find_subcommand(name).filter(|c| !c.is_hide_set()) else {
                let m = Command::NoSubcommand {
                    name,
                    names: &names.join(", "),
                };
                return Err(Error::usage(m.text(Lang::Id), m.text(Lang::En)));
            };
            // The page is named pantau-NAME(1), as git and cargo name theirs.
            let title = format!("pantau-{}", sub.get_name());
            sub.clone()
                .name(title.clone())
                .bin_name(title)
                .version(env!("CARGO_PKG_VERSION"))
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page).render(&mut out).map_err(|e| {
        let m = Command::ManRender { error: &e };
        Error::failed(m.text(Lang::Id), m.text(Lang::En))
    })?;
    print(&out)
}

/// Writes to standard output; a reader that went away (`| head`) is not an error.
fn print(bytes: &[u8]) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            let m = Command::StdoutWrite { error: &e };
            Err(Error::failed(m.text(Lang::Id), m.text(Lang::En)))
        }
        _ => Ok(()),
    }
}
