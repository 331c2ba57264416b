//! The engines as the TUI drives them: commands in, typed events out, and the event channel closes
//! once every process is gone.

use std::path::PathBuf;
use std::time::Duration;

use mini_node::process::cluster::{self, ClusterConfig};
use mini_node::process::fork::{self, ForkConfig};
use mini_node::process::{ClusterCommand, ClusterEvent, ForkCommand, ForkEvent, SchedPolicy, Side};

const TIMEOUT: Duration = Duration::from_secs(30);

fn program() -> Option<PathBuf> {
    Some(PathBuf::from(env!("CARGO_BIN_EXE_mini-node")))
}

async fn next<E: std::fmt::Debug>(
    events: &mut tokio::sync::mpsc::UnboundedReceiver<E>,
) -> Option<E> {
    tokio::time::timeout(TIMEOUT, events.recv())
        .await
        .expect("an event in time")
}

fn gone(pid: u32) -> bool {
    !std::path::Path::new(&format!("/proc/{pid}")).exists()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_fork_engine_answers_a_request_command_and_closes_its_events_after_shutdown() {
    let cfg = ForkConfig {
        host: "127.0.0.1".into(),
        port: 0,
        as_written: false,
        program: program(),
    };
    let mut handle = fork::start(cfg).await.unwrap();
    assert_ne!(handle.addr.port(), 0);
    handle.commands.send(ForkCommand::Request).unwrap();
    handle.commands.send(ForkCommand::ForkChild).unwrap();
    let mut pids = Vec::new();
    let mut answers = 0;
    let mut from_children = 0;
    while answers < 1 || from_children < 2 {
        match next(&mut handle.events).await.expect("still running") {
            ForkEvent::Forked { pid, .. } => pids.push(pid),
            ForkEvent::Response { status, body, .. } => {
                assert_eq!((status, body.as_str()), (200, "data: 49995000"));
                answers += 1;
            }
            ForkEvent::Message {
                from: Side::Child,
                payload,
                ..
            } => {
                assert_eq!(payload, serde_json::json!(49995000));
                from_children += 1;
            }
            _ => {}
        }
    }
    handle.commands.send(ForkCommand::Shutdown).unwrap();
    while next(&mut handle.events).await.is_some() {}
    assert_eq!(pids.len(), 2);
    assert!(pids.iter().all(|&p| gone(p)), "{pids:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cluster_engine_replaces_a_killed_worker_and_closes_its_events_after_shutdown() {
    let cfg = ClusterConfig {
        host: "127.0.0.1".into(),
        port: 0,
        workers: 2,
        sched: SchedPolicy::Rr,
        program: program(),
        ..ClusterConfig::default()
    };
    let mut handle = cluster::start(cfg).await.unwrap();
    let mut pids = Vec::new();
    let mut listening = 0;
    while listening < 2 {
        match next(&mut handle.events).await.unwrap() {
            ClusterEvent::Fork { pid, .. } => pids.push(pid),
            ClusterEvent::Listening { .. } => listening += 1,
            _ => {}
        }
    }
    handle
        .commands
        .send(ClusterCommand::Kill {
            id: 2,
            signal: libc::SIGKILL,
        })
        .unwrap();
    let mut order = Vec::new();
    loop {
        let event = next(&mut handle.events).await.unwrap();
        match &event {
            ClusterEvent::Killed { id: 2, .. } => order.push("killed"),
            ClusterEvent::Disconnect { id: 2, .. } => order.push("disconnect"),
            ClusterEvent::Exit {
                id: 2, expected, ..
            } => {
                assert!(!expected);
                order.push("exit")
            }
            ClusterEvent::Guard { id: 2, .. } => order.push("guard"),
            ClusterEvent::Fork { id, pid, .. } => {
                assert_eq!(*id, 3, "ids are never reused");
                pids.push(*pid);
                order.push("fork")
            }
            ClusterEvent::Online { id: 3, .. } => order.push("online"),
            ClusterEvent::Listening { id: 3, .. } => order.push("listening"),
            ClusterEvent::Respawned {
                old_id: 2,
                new_id: 3,
                ..
            } => break,
            _ => {}
        }
    }
    assert_eq!(
        order,
        [
            "killed",
            "disconnect",
            "exit",
            "guard",
            "fork",
            "online",
            "listening"
        ]
    );
    handle.commands.send(ClusterCommand::AddWorker).unwrap();
    loop {
        if let ClusterEvent::Listening { id, .. } = next(&mut handle.events).await.unwrap() {
            assert_eq!(id, 4);
            break;
        }
    }
    handle.commands.send(ClusterCommand::RemoveWorker).unwrap();
    loop {
        if let ClusterEvent::Exit { id, expected, .. } = next(&mut handle.events).await.unwrap() {
            assert_eq!((id, expected), (4, true));
            break;
        }
    }
    handle.commands.send(ClusterCommand::Shutdown).unwrap();
    while next(&mut handle.events).await.is_some() {}
    assert!(pids.iter().all(|&p| gone(p)), "{pids:?}");
}
