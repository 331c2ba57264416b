//! The one place the TUI talks to the engines: start the fork demo and the cluster (async, their
//! events forwarded as [`Msg`]s), record a script's run with the scheduler and explore its possible
//! orders (on a blocking thread), load the course. Everything else in the TUI only sees typed
//! events.

use std::time::Duration;

use tokio::sync::mpsc::UnboundedSender;

use crate::eventloop::{self, Event, Model, RunOptions};
use crate::lessons::{self, Lesson};
use crate::process::cluster::{self, ClusterConfig};
use crate::process::fork::{self, ForkConfig};
use crate::process::{ClusterCommand, ClusterEvent, ForkCommand, ForkEvent, SchedPolicy};

use super::script::{BranchView, Compared, Recorded, Script};

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
    Compared(Compared),
}

/// The ports the demos listen on (0: any free port).
#[derive(Debug, Clone, Copy)]
pub struct Ports {
    pub fork: u16,
    pub cluster: u16,
}

/// Most events one recording keeps (a 200k-step stress snippet is not for the classroom screen).
pub const MAX_EVENTS: usize = 50_000;
/// A snippet running longer than this (busy loop, endless nextTick chain) is stopped.
pub const RUN_TIMEOUT: Duration = Duration::from_secs(5);

/// The built-in examples of the Event Loop tab, from the scheduler.
pub fn examples() -> Vec<Script> {
    eventloop::examples()
        .iter()
        .map(|e| Script {
            name: e.name.to_string(),
            title: e.title.to_string(),
            source: e.source.to_string(),
            path: None,
        })
        .collect()
}

/// Load the course on a blocking thread.
pub fn spawn_lessons(tx: UnboundedSender<Msg>) {
    tokio::task::spawn_blocking(move || {
        let _ = tx.send(Msg::Lessons(lessons::catalog()));
    });
}

/// Start the fork demo and forward its events until it closes its channel.
pub fn spawn_fork(port: u16, as_written: bool, tx: UnboundedSender<Msg>) {
    tokio::spawn(async move {
        let cfg = ForkConfig {
            port,
            as_written,
            ..ForkConfig::default()
        };
        match fork::start(cfg, std::future::pending()).await {
            Ok(mut handle) => {
                let _ = tx.send(Msg::ForkStarted(handle.commands.clone()));
                while let Some(ev) = handle.events.recv().await {
                    let _ = tx.send(Msg::Fork(ev));
                }
                let _ = tx.send(Msg::ForkClosed);
            }
            Err(e) => {
                let msg = format!("{e:#}").replace("--port", "--fork-port");
                let _ = tx.send(Msg::ForkError(msg));
            }
        }
    });
}

/// Start the cluster and forward its events until it closes its channel.
pub fn spawn_cluster(port: u16, workers: usize, tx: UnboundedSender<Msg>) {
    tokio::spawn(async move {
        let sched = std::env::var("NODE_CLUSTER_SCHED_POLICY")
            .ok()
            .and_then(|name| SchedPolicy::from_name(&name))
            .unwrap_or(SchedPolicy::Rr);
        let cfg = ClusterConfig {
            port,
            workers,
            sched,
            ..ClusterConfig::default()
        };
        match cluster::start(cfg, std::future::pending()).await {
            Ok(mut handle) => {
                let _ = tx.send(Msg::ClusterStarted(handle.commands.clone()));
                while let Some(ev) = handle.events.recv().await {
                    let _ = tx.send(Msg::Cluster(ev));
                }
                let _ = tx.send(Msg::ClusterClosed);
            }
            Err(e) => {
                let msg = format!("{e:#}").replace("--port", "--cluster-port");
                let _ = tx.send(Msg::ClusterError(msg));
            }
        }
    });
}

/// Run `script` under both models and align their console lines, off the UI thread: the engine's
/// own comparison (`eventloop::compare::compare`, the one `demo event-loop --compare` prints).
pub fn spawn_compare(script: Script, tx: UnboundedSender<Msg>) {
    tokio::task::spawn_blocking(move || {
        let _ = tx.send(Msg::Compared(compare(&script)));
    });
}

/// The comparison of `script`'s output under Node's loop and the browser's.
pub fn compare(script: &Script) -> Compared {
    let mut opts = RunOptions::new(filename(script));
    opts.timeout = RUN_TIMEOUT;
    Compared {
        name: script.name.clone(),
        result: eventloop::compare::compare(&script.source, &opts).map_err(|e| e.to_string()),
    }
}

fn filename(script: &Script) -> std::path::PathBuf {
    script
        .path
        .clone()
        .unwrap_or_else(|| std::env::temp_dir().join(&script.name))
}

/// Record one run of `script` (every event) and explore its possible orders, off the UI thread.
pub fn spawn_record(script: Script, model: Model, tx: UnboundedSender<Msg>) {
    tokio::task::spawn_blocking(move || {
        let _ = tx.send(Msg::Recorded(record(&script, model)));
    });
}

/// Run `script` under the scheduler (Node's loop or the browser's), keeping its events, then ask `explore` for every order.
pub fn record(script: &Script, model: Model) -> Recorded {
    let mut opts = RunOptions::new(filename(script));
    opts.model = model;
    opts.record = true;
    opts.timeout = RUN_TIMEOUT;
    let mut events: Vec<Event> = Vec::new();
    let mut dropped = 0usize;
    let started = std::time::Instant::now();
    let result = eventloop::run(&script.source, &opts, &mut |e| {
        if events.len() < MAX_EVENTS || matches!(e, Event::Exit { .. }) {
            events.push(e.clone());
        } else {
            dropped += 1;
        }
    });
    let result = match result {
        Ok(_) => {
            if dropped > 0 {
                events.insert(
                    events.len().saturating_sub(1),
                    Event::Output {
                        stream: eventloop::Stream::Stderr,
                        text: format!("(mini-node tui: {dropped} more events not kept)"),
                    },
                );
            }
            Ok(events)
        }
        Err(e) => Err(e.to_string()),
    };
    // A run that took long (a busy loop stopped by the timeout) is not explored again.
    let quick = started.elapsed() < Duration::from_secs(1);
    let explored = if quick && result.is_ok() {
        eventloop::explore(&script.source, &opts)
    } else {
        Ok(Vec::new())
    };
    let branches = match explored {
        Ok(b) if b.len() > 1 => b
            .into_iter()
            .map(|b| BranchView {
                reason: b.reason,
                output: b.outcome.output,
                events: (!b.events.is_empty()).then_some(b.events),
            })
            .collect(),
        _ => Vec::new(),
    };
    Recorded {
        name: script.name.clone(),
        model,
        result,
        branches,
    }
}
