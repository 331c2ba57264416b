pub mod demo_cluster;
pub mod demo_fork;
