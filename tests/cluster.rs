//! `cluster` with real processes: the notes' cluster.js verbatim (only the port literal
//! rewritten) runs one worker per CPU on one port, a worker killed with `kill -9` is reported
//! (`1 exit.`) and replaced by one that serves, and Ctrl-C leaves no process; cluster workers of
//! node and of mini-node exchange messages with the other's primary, under both policies.

mod process_support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use process_support::*;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// The notes' cluster.js, verbatim but for the port literal, in a fresh directory.
fn notes_cluster(port: u16) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let notes = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/notes");
    let source = std::fs::read_to_string(notes.join("cluster.js")).expect("cluster.js");
    assert!(
        source.contains("server.listen(9000)"),
        "the notes' port literal"
    );
    std::fs::write(
        dir.path().join("cluster.js"),
        source.replace("server.listen(9000)", &format!("server.listen({port})")),
    )
    .expect("writing cluster.js");
    dir
}

/// GET / until a worker answers (the notes' cluster says nothing when it is ready; and when
/// every worker of a port has died, the primary closes it until a replacement asks again, as
/// node's does).
fn wait_until_served(addr: &str, context: &Demo) {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let attempt = std::panic::catch_unwind(|| get(addr, "/"));
        if let Ok(reply) = attempt {
            assert_eq!(
                (reply.status, reply.body.as_str()),
                (200, "server is running")
            );
            return;
        }
        assert!(
            Instant::now() < deadline,
            "no worker served {addr}; output:\n{}",
            context.seen.join("\n")
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The live (not zombie) children of `pid`.
fn live_children(pid: u32) -> Vec<u32> {
    children_of(pid)
        .into_iter()
        .filter(|p| state(*p).is_some_and(|s| s != 'Z'))
        .collect()
}

/// Wait until `pid` has `n` live children other than `gone`; returns them.
fn wait_for_workers(pid: u32, n: usize, gone: &[u32], context: &Demo) -> Vec<u32> {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let now: Vec<u32> = live_children(pid)
            .into_iter()
            .filter(|p| !gone.contains(p))
            .collect();
        if now.len() == n {
            return now;
        }
        assert!(
            Instant::now() < deadline,
            "expected {n} workers of {pid}, have {now:?}; output:\n{}",
            context.seen.join("\n")
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn the_notes_cluster_replaces_a_killed_worker_and_ctrl_c_leaves_nothing() {
    let port = free_port();
    let dir = notes_cluster(port);
    let script = dir.path().join("cluster.js").display().to_string();
    let mut primary = Demo::start(&["run", &script], &[]);
    let addr = format!("127.0.0.1:{port}");
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    let first = wait_for_workers(primary.child.id(), cpus, &[], &primary);
    for pid in &first {
        let args = cmdline(*pid);
        assert!(
            args.iter().any(|a| a.ends_with("/cluster.js")),
            "a worker runs the script: {args:?}"
        );
    }
    wait_until_served(&addr, &primary);
    // kill -9 every first worker, one after the other: each is reported and replaced
    let mut killed = Vec::new();
    for (i, pid) in first.iter().enumerate() {
        // SAFETY: kill(2) of a worker of the primary we started.
        unsafe { libc::kill(*pid as i32, libc::SIGKILL) };
        killed.push(*pid);
        primary.wait_for_match(|l| l.ends_with(" exit."), "an `N exit.` line");
        let now = wait_for_workers(primary.child.id(), cpus, &killed, &primary);
        assert!(now.iter().all(|p| !first[..=i].contains(p)), "{now:?}");
        wait_until_served(&addr, &primary);
    }
    let mut exits: Vec<String> = primary
        .seen
        .iter()
        .filter(|l| l.ends_with(" exit."))
        .cloned()
        .collect();
    exits.sort();
    let expected: Vec<String> = (1..=cpus).map(|id| format!("{id} exit.")).collect();
    assert_eq!(
        exits, expected,
        "the notes' handler names each killed worker"
    );
    // only replacements are left, and they serve
    for _ in 0..4 {
        let reply = get(&addr, "/");
        assert_eq!(
            (reply.status, reply.body.as_str()),
            (200, "server is running")
        );
    }
    let workers = live_children(primary.child.id());
    primary.signal(libc::SIGINT);
    primary.wait();
    assert_all_gone(&workers, true, &primary.seen);
}

#[test]
fn a_killed_primary_leaves_no_worker() {
    let port = free_port();
    let dir = notes_cluster(port);
    let script = dir.path().join("cluster.js").display().to_string();
    let mut primary = Demo::start(&["run", &script], &[]);
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = wait_for_workers(primary.child.id(), cpus, &[], &primary);
    wait_until_served(&format!("127.0.0.1:{port}"), &primary);
    primary.signal(libc::SIGKILL);
    primary.wait();
    assert_all_gone(&workers, true, &primary.seen);
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cluster")
        .join(name)
        .display()
        .to_string()
}

fn node() -> Option<PathBuf> {
    let out = Command::new("node").arg("--version").output().ok()?;
    if !out.status.success() {
        return None;
    }
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join("node"))
            .find(|p| p.is_file())
    })?;
    Some(std::fs::canonicalize(&found).unwrap_or(found))
}

/// What interop.js prints, whoever runs the primary and the workers (sorted lines).
const INTEROP: &str = "\
all disconnected
response 200 served by worker N
response 200 served by worker N
worker 1 exit 0 null after disconnect: true
worker 1 listening
worker 1: {\"answer\":42,\"id\":1}
worker 1: {\"hello\":1,\"isWorker\":true}
worker 1: {\"thanks\":\"what is 6 * 7?\"}
worker 2 exit 0 null after disconnect: true
worker 2 listening
worker 2: {\"answer\":42,\"id\":2}
worker 2: {\"hello\":2,\"isWorker\":true}
worker 2: {\"thanks\":\"what is 6 * 7?\"}
";

/// Run interop.js with `primary` (mini-node or node), its workers run by `worker_exec`.
fn interop(primary_is_node: bool, worker_exec: &str, worker_args: &str, policy: &str) {
    let node = node().expect("checked by the caller");
    let mini = env!("CARGO_BIN_EXE_mini-node");
    let mut cmd = if primary_is_node {
        let mut c = Command::new(&node);
        c.arg(fixture("interop.js"));
        c
    } else {
        let mut c = Command::new(mini);
        c.args(["run", &fixture("interop.js")]);
        c
    };
    let out = cmd
        .env("WORKER_EXEC", worker_exec)
        .env("WORKER_ARGS", worker_args)
        .env("NODE_CLUSTER_SCHED_POLICY", policy)
        .env("NO_COLOR", "1")
        .output()
        .expect("the primary runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout, INTEROP,
        "primary node: {primary_is_node}, workers {worker_exec} {worker_args}, policy {policy}"
    );
}

#[test]
fn mini_node_workers_talk_to_a_node_primary() {
    if node().is_none() {
        eprintln!("skipped: node is not on PATH");
        return;
    }
    // node starts each worker as `<execPath> interop.js`, which mini-node runs as a file
    for policy in ["rr", "none"] {
        interop(true, env!("CARGO_BIN_EXE_mini-node"), "", policy);
    }
}

#[test]
fn node_workers_talk_to_a_mini_node_primary() {
    let Some(node) = node() else {
        eprintln!("skipped: node is not on PATH");
        return;
    };
    for policy in ["rr", "none"] {
        interop(false, &node.display().to_string(), "", policy);
    }
}

#[test]
fn mini_node_workers_talk_to_a_mini_node_primary() {
    for policy in ["rr", "none"] {
        let out = Command::new(env!("CARGO_BIN_EXE_mini-node"))
            .args(["run", &fixture("interop.js")])
            .env("NODE_CLUSTER_SCHED_POLICY", policy)
            .env_remove("WORKER_EXEC")
            .output()
            .expect("the primary runs");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            INTEROP,
            "policy {policy}"
        );
    }
}
