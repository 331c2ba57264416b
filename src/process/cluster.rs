//! The cluster: a primary, its workers on one shared port, and the process guard (cluster.fork).

use crate::cli::ClusterArgs;

pub fn cli(_args: ClusterArgs) -> anyhow::Result<()> {
    anyhow::bail!("`demo cluster` is being built")
}

pub fn worker_main() -> anyhow::Result<()> {
    anyhow::bail!("`__cluster-worker` is being built")
}
