//! The engines as the TUI drives them: commands in, typed events out, and the event channel closes
//! once every process is gone.

use std::path::PathBuf;
use std::time::Duration;

use mini_node::process::cluster::{self, ClusterConfig};
use mini_node::process::fork::{self, ForkConfig};
use mini_node::process::{
    ClusterCommand, ClusterEvent, ClusterState, ForkCommand, ForkEvent, ForkState, SchedPolicy,
    Side,
};

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
    let mut handle = fork::start(cfg, std::future::pending()).await.unwrap();
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
    let mut handle = cluster::start(cfg, std::future::pending()).await.unwrap();
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
            ClusterEvent::Fork {
                id, pid, replaces, ..
            } => {
                assert_eq!(*id, 3, "ids are never reused");
                assert_eq!(*replaces, Some(2), "the fork says which worker it replaces");
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

/// `GET /` on a fresh connection; the X-Worker-Id of the answer.
async fn worker_of(addr: std::net::SocketAddr) -> u32 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut raw = String::new();
    tokio::time::timeout(TIMEOUT, stream.read_to_string(&mut raw))
        .await
        .unwrap()
        .unwrap();
    assert!(raw.ends_with("server is running"), "{raw}");
    raw.lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("x-worker-id:")
                .map(|v| v.trim().parse().unwrap())
        })
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_scheduling_policy_can_be_switched_while_running() {
    let cfg = ClusterConfig {
        port: 0,
        workers: 2,
        sched: SchedPolicy::Rr,
        program: program(),
        ..ClusterConfig::default()
    };
    let mut handle = cluster::start(cfg, std::future::pending()).await.unwrap();
    let mut listening = 0;
    while listening < 2 {
        if let ClusterEvent::Listening { .. } = next(&mut handle.events).await.unwrap() {
            listening += 1;
        }
    }
    handle
        .commands
        .send(ClusterCommand::SetSched(SchedPolicy::None))
        .unwrap();
    loop {
        if let ClusterEvent::SchedChanged { sched, .. } = next(&mut handle.events).await.unwrap() {
            assert_eq!(sched, SchedPolicy::None);
            break;
        }
    }
    // The workers now accept on the shared socket themselves: answers keep coming.
    for _ in 0..4 {
        let id = worker_of(handle.addr).await;
        assert!(id == 1 || id == 2);
    }
    // Both workers acknowledge the switch (`listening`), whenever their acks arrive.
    let mut acks = 0;
    while acks < 2 {
        if let ClusterEvent::Listening { .. } = next(&mut handle.events).await.unwrap() {
            acks += 1;
        }
    }
    handle
        .commands
        .send(ClusterCommand::SetSched(SchedPolicy::Rr))
        .unwrap();
    // A worker acknowledges rr only once its copy of the listening socket is closed: after both
    // acks every connection goes through the primary, however slow the machine.
    let mut acks = 0;
    while acks < 2 {
        if let ClusterEvent::Listening { .. } = next(&mut handle.events).await.unwrap() {
            acks += 1;
        }
    }
    let a = worker_of(handle.addr).await;
    let b = worker_of(handle.addr).await;
    let c = worker_of(handle.addr).await;
    assert_ne!(a, b, "rr alternates again");
    assert_eq!(a, c);
    handle.commands.send(ClusterCommand::Shutdown).unwrap();
    while next(&mut handle.events).await.is_some() {}
}

/// A stand-in child program (a shell script) for the fork engine. It is written by a `sh`
/// process, not by this one: the other tests fork children concurrently, and a child forked while
/// this process held the file open for writing would make executing it fail with "Text file
/// busy" until that child calls exec.
fn script(body: &str) -> (tempfile::TempDir, PathBuf) {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("child.sh");
    let mut writer = std::process::Command::new("sh")
        .args(["-c", "cat > \"$1\" && chmod 755 \"$1\"", "sh"])
        .arg(&path)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    writer
        .stdin
        .take()
        .unwrap()
        .write_all(format!("#!/bin/sh\n{body}\n").as_bytes())
        .unwrap();
    assert!(
        writer.wait().unwrap().success(),
        "writing {}",
        path.display()
    );
    (dir, path)
}

async fn one_request(program: PathBuf) -> (Vec<String>, String) {
    let cfg = ForkConfig {
        port: 0,
        program: Some(program),
        ..ForkConfig::default()
    };
    let mut handle = fork::start(cfg, std::future::pending()).await.unwrap();
    handle.commands.send(ForkCommand::Request).unwrap();
    let mut warnings = Vec::new();
    let body = loop {
        match next(&mut handle.events).await.unwrap() {
            ForkEvent::Warning { message, .. } => warnings.push(message),
            ForkEvent::Response { body, .. } => break body,
            _ => {}
        }
    };
    handle.commands.send(ForkCommand::Shutdown).unwrap();
    while let Some(event) = next(&mut handle.events).await {
        if let ForkEvent::Warning { message, .. } = event {
            warnings.push(message);
        }
    }
    (warnings, body)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_and_oversized_messages_are_reported_and_dropped() {
    let (_dir, path) = script(
        "read line <&3\n\
         printf 'not json\\n' >&3\n\
         head -c 70000 /dev/zero | tr '\\0' x >&3; printf '\\n' >&3\n\
         printf '\"still here\"\\n' >&3",
    );
    let (warnings, body) = one_request(path).await;
    assert_eq!(body, "data: still here");
    assert!(
        warnings.iter().any(|w| w.contains("not JSON")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("65536") && w.contains("dropped")),
        "{warnings:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_real_node_child_speaks_the_same_channel() {
    let anchor = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/anchors/node/fork-child.js");
    let has_node = std::process::Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_node || !anchor.exists() {
        eprintln!("skipped: node or {} is missing", anchor.display());
        return;
    }
    // Node's own child_process machinery reads NODE_CHANNEL_FD=3 and speaks JSON lines on it.
    let (_dir, path) = script(&format!("exec node {}", anchor.display()));
    let (warnings, body) = one_request(path).await;
    assert_eq!(body, "data: 49995000", "{warnings:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn views_can_send_messages_to_a_leaked_child_and_to_a_worker() {
    let cfg = ForkConfig {
        port: 0,
        as_written: true,
        program: program(),
        ..ForkConfig::default()
    };
    let mut handle = fork::start(cfg, std::future::pending()).await.unwrap();
    // The notes' child stays alive after its first answer and answers every message.
    let cfg_pid = {
        handle.commands.send(ForkCommand::ForkChild).unwrap();
        loop {
            if let ForkEvent::Forked {
                pid, request: None, ..
            } = next(&mut handle.events).await.unwrap()
            {
                break pid;
            }
        }
    };
    handle
        .commands
        .send(ForkCommand::Send {
            pid: cfg_pid,
            payload: serde_json::json!("again"),
        })
        .unwrap();
    let mut answers = 0;
    let mut sent_again = false;
    while answers < 2 || !sent_again {
        match next(&mut handle.events).await.unwrap() {
            ForkEvent::Message {
                pid,
                from: Side::Child,
                payload,
                ..
            } if pid == cfg_pid => {
                assert_eq!(payload, serde_json::json!(49995000));
                answers += 1;
            }
            ForkEvent::Message {
                pid,
                from: Side::Parent,
                payload,
                ..
            } if pid == cfg_pid && payload == serde_json::json!("again") => sent_again = true,
            _ => {}
        }
    }
    handle.commands.send(ForkCommand::Shutdown).unwrap();
    while next(&mut handle.events).await.is_some() {}

    let cfg = ClusterConfig {
        port: 0,
        workers: 1,
        program: program(),
        ..ClusterConfig::default()
    };
    let mut handle = cluster::start(cfg, std::future::pending()).await.unwrap();
    loop {
        if let ClusterEvent::Listening { .. } = next(&mut handle.events).await.unwrap() {
            break;
        }
    }
    let payload = serde_json::json!({"hello": "worker"});
    handle
        .commands
        .send(ClusterCommand::Send {
            id: 1,
            payload: payload.clone(),
        })
        .unwrap();
    loop {
        if let ClusterEvent::Message {
            id: 1,
            from: Side::Child,
            payload: got,
            ..
        } = next(&mut handle.events).await.unwrap()
        {
            assert_eq!(got["worker"], 1);
            assert_eq!(got["got"], payload);
            break;
        }
    }
    handle.commands.send(ClusterCommand::Shutdown).unwrap();
    while next(&mut handle.events).await.is_some() {}
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_engines_stop_when_their_shutdown_future_completes() {
    let (stop, shutdown) = tokio::sync::oneshot::channel::<()>();
    let cfg = ClusterConfig {
        host: "127.0.0.1".into(),
        port: 0,
        workers: 2,
        program: program(),
        ..ClusterConfig::default()
    };
    let mut handle = cluster::start(cfg, async {
        let _ = shutdown.await;
    })
    .await
    .unwrap();
    let mut state = ClusterState::new();
    let mut stop = Some(stop);
    let mut workers = Vec::new();
    while let Some(event) = next(&mut handle.events).await {
        state.apply(&event);
        if let ClusterEvent::Fork { pid, .. } = event {
            workers.push(pid);
        }
        if state.live_workers().len() == 2
            && state
                .workers
                .iter()
                .all(|w| w.state == mini_node::process::WorkerState::Listening)
        {
            if let Some(stop) = stop.take() {
                stop.send(()).unwrap();
            }
        }
    }
    assert!(stop.is_none(), "both workers listened");
    assert_eq!(state.exits, 2);
    assert!(
        state.workers.is_empty(),
        "both exits were expected: {state:?}"
    );
    assert_eq!(workers.len(), 2);
    for pid in workers {
        assert!(gone(pid), "worker {pid} was reaped");
    }

    let (stop, shutdown) = tokio::sync::oneshot::channel::<()>();
    let cfg = ForkConfig {
        host: "127.0.0.1".into(),
        port: 0,
        as_written: true,
        program: program(),
    };
    let mut handle = fork::start(cfg, async {
        let _ = shutdown.await;
    })
    .await
    .unwrap();
    handle.commands.send(ForkCommand::Request).unwrap();
    let mut state = ForkState::new();
    let mut stop = Some(stop);
    let mut pids = Vec::new();
    while let Some(event) = next(&mut handle.events).await {
        state.apply(&event);
        if let ForkEvent::Forked { pid, .. } = event {
            pids.push(pid);
        }
        if state.responses == 1 {
            if let Some(stop) = stop.take() {
                // The notes' child is still alive: the shutdown must end it.
                assert_eq!(state.children.len(), 1);
                stop.send(()).unwrap();
            }
        }
    }
    assert_eq!(state.ok, 1);
    assert!(state.children.is_empty(), "{state:?}");
    assert_eq!(pids.len(), 1);
    assert!(gone(pids[0]));
}

/// The engines know no view, command line or terminal: `src/process` imports none of them.
#[test]
fn the_process_engines_import_no_view_and_no_command_line() {
    fn sources(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    sources(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/process"),
        &mut files,
    );
    assert!(files.len() >= 8, "{files:?}");
    let forbidden = [
        "crate::print",
        "crate::tui",
        "crate::cli",
        "crate::commands",
        "error::Exit",
        "colored",
        "crossterm",
        "ratatui",
        "clap",
    ];
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in forbidden {
                assert!(
                    !code.contains(word),
                    "{}:{}: an engine uses `{word}`: {line}",
                    file.display(),
                    n + 1
                );
            }
        }
    }
}
