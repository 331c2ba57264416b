//! `mini-node tui`: the terminal UI, started with its flags.

use crate::cli::TuiArgs;

pub fn run(args: TuiArgs) -> anyhow::Result<()> {
    crate::tui::run(args)
}
