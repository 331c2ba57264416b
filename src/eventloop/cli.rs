//! `mini-node run` and `mini-node demo event-loop`: the command-line views of the scheduler.

use crate::cli::{EventLoopArgs, RunArgs};

pub fn run(_args: RunArgs) -> anyhow::Result<()> {
    anyhow::bail!("`run` is being built")
}

pub fn demo(_args: EventLoopArgs) -> anyhow::Result<()> {
    anyhow::bail!("`demo event-loop` is being built")
}
