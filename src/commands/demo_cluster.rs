//! `mini-node demo cluster`: a primary, its workers on one port and the process guard.

use crate::cli::ClusterArgs;

pub fn run(args: ClusterArgs) -> anyhow::Result<()> {
    crate::process::cluster::cli(args)
}
