//! The one place the TUI talks to the engines: start the fork demo and the cluster (async, their
//! events forwarded as [`Msg`]s), record a script's run with the scheduler (on a blocking thread),
//! load the course. Everything else in the TUI only sees typed events.

use tokio::sync::mpsc::UnboundedSender;

use crate::lessons::Lesson;
use crate::process::{ClusterCommand, ClusterEvent, ForkCommand, ForkEvent};

use super::app::Script;
use super::tabs::event_loop::Recorded;

/// What the engines send back to the UI loop.
pub enum Msg {
    Lessons(anyhow::Result<Vec<Lesson>>),
    ForkStarted(UnboundedSender<ForkCommand>),
    Fork(ForkEvent),
    ForkError(String),
    ForkClosed,
    ClusterStarted(UnboundedSender<ClusterCommand>),
    Cluster(ClusterEvent),
    ClusterError(String),
    ClusterClosed,
    Recorded(Recorded),
}

/// The ports the demos listen on (0: any free port).
#[derive(Debug, Clone, Copy)]
pub struct Ports {
    pub fork: u16,
    pub cluster: u16,
}

/// The built-in examples of the Event Loop tab.
pub fn examples() -> Vec<Script> {
    Vec::new()
}

/// Load the course on a blocking thread.
pub fn spawn_lessons(tx: UnboundedSender<Msg>) {
    tokio::task::spawn_blocking(move || {
        let _ = tx.send(Msg::Lessons(Err(anyhow::anyhow!(
            "the course is not in this build"
        ))));
    });
}

pub fn spawn_fork(_port: u16, _as_written: bool, tx: UnboundedSender<Msg>) {
    let _ = tx.send(Msg::ForkError(
        "the fork engine is not in this build".into(),
    ));
}

pub fn spawn_cluster(_port: u16, _workers: usize, tx: UnboundedSender<Msg>) {
    let _ = tx.send(Msg::ClusterError(
        "the cluster engine is not in this build".into(),
    ));
}

pub fn spawn_record(script: Script, tx: UnboundedSender<Msg>) {
    let _ = tx.send(Msg::Recorded(Recorded {
        name: script.name,
        result: Err("the scheduler is not in this build".into()),
        branches: Vec::new(),
    }));
}
