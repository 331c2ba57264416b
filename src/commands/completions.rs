//! `mini-node completions SHELL`: the shell completion script, generated from the clap
//! definition in `crate::cli`.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::Cli;

pub fn run(shell: clap_complete::Shell) -> anyhow::Result<()> {
    // Generated into memory first: clap_complete panics when its own write fails.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "mini-node", &mut script);
    std::io::stdout().write_all(&script)?;
    Ok(())
}
