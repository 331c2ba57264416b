//! The terminal UI: tabs over the engines (lessons, fork, cluster, event loop).

use crate::cli::TuiArgs;

pub fn run(_args: TuiArgs) -> anyhow::Result<()> {
    anyhow::bail!("`tui` is being built")
}
