//! The fork demo: an HTTP server that forks a child per request (child_process.fork).

use crate::cli::ForkArgs;

pub fn cli(_args: ForkArgs) -> anyhow::Result<()> {
    anyhow::bail!("`demo fork` is being built")
}

pub fn child_main() -> anyhow::Result<()> {
    anyhow::bail!("`__fork-child` is being built")
}
