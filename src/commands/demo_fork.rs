//! `mini-node demo fork`: the fork-per-request server, run by the process engine.

use crate::cli::ForkArgs;

pub fn run(args: ForkArgs) -> anyhow::Result<()> {
    crate::process::fork::cli(args)
}
