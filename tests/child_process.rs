//! `child_process` with real processes: a forked child is a real OS process running its script
//! (visible in /proc with a command line naming it), no child outlives its parent however the
//! parent ends, and mini-node and node fork each other over node's IPC channel. The notes'
//! main.js + child.js run verbatim (only the port literal rewritten) with real HTTP requests.

mod process_support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use process_support::*;

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/child_process")
        .join(name)
        .display()
        .to_string()
}

/// A word no other process on the machine has in its command line.
fn marker(what: &str) -> String {
    format!(
        "mini-node-test-{what}-{}-{}",
        std::process::id(),
        Instant::now().elapsed().as_nanos() ^ fastrand_seed()
    )
}

fn fastrand_seed() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}

/// Every live (not zombie) process whose command line contains `needle`.
fn processes_with(needle: &str) -> Vec<u32> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(cmdline) = std::fs::read(format!("/proc/{pid}/cmdline")) else {
            continue;
        };
        if String::from_utf8_lossy(&cmdline).contains(needle)
            && state(pid).is_some_and(|s| s != 'Z')
        {
            found.push(pid);
        }
    }
    found
}

/// How the parent ends.
#[derive(Clone, Copy, Debug)]
enum Ending {
    Signal(i32),
    Throw,
    Exit,
}

/// parent.js forks child.js (which never exits by itself); the parent ends as `ending` says, and
/// the child must be gone after it.
fn parent_ends(ending: Ending) {
    let mark = marker("ends");
    let env: Vec<(&str, &str)> = match ending {
        Ending::Signal(_) => vec![("ENDING", "signal")],
        Ending::Throw => vec![("ENDING", "throw")],
        Ending::Exit => vec![("ENDING", "exit")],
    };
    let mut parent = Demo::start(&["run", &fixture("parent.js"), &mark], &env);
    let line = parent.wait_for(" ready");
    let pid: u32 = line
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("a pid in {line:?}"));
    let args = cmdline(pid);
    assert!(
        args.iter().any(|a| a.ends_with("child.js")) && args.contains(&mark),
        "the child's command line names its script and argument: {args:?}"
    );
    assert!(
        children_of(parent.child.id()).contains(&pid),
        "the child {pid} is a child of the mini-node process {}",
        parent.child.id()
    );
    let parent_pid = parent.child.id();
    let others: Vec<u32> = processes_with(&mark)
        .into_iter()
        .filter(|p| *p != parent_pid)
        .collect();
    assert_eq!(
        others,
        vec![pid],
        "the parent and its one child carry the marker"
    );
    match ending {
        Ending::Signal(sig) => parent.signal(sig),
        Ending::Throw | Ending::Exit => {}
    }
    let status = parent.wait();
    let stderr = parent.stderr();
    match ending {
        Ending::Throw => {
            assert_eq!(status.code(), Some(1), "{stderr}");
            assert!(stderr.contains("Error: the parent fails"), "{stderr}");
        }
        Ending::Exit => assert_eq!(status.code(), Some(3), "{stderr}"),
        Ending::Signal(_) => assert_eq!(status.code(), None, "ended by the signal"),
    }
    let deadline = Instant::now() + TIMEOUT;
    while !processes_with(&mark).is_empty() {
        assert!(
            Instant::now() < deadline,
            "the child outlived its parent ({ending:?}): {:?}",
            processes_with(&mark)
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn no_child_outlives_a_parent_ended_by_sigint() {
    parent_ends(Ending::Signal(libc::SIGINT));
}

#[test]
fn no_child_outlives_a_parent_ended_by_sigterm() {
    parent_ends(Ending::Signal(libc::SIGTERM));
}

#[test]
fn no_child_outlives_a_parent_ended_by_sigkill() {
    parent_ends(Ending::Signal(libc::SIGKILL));
}

#[test]
fn no_child_outlives_a_parent_ended_by_an_uncaught_exception() {
    parent_ends(Ending::Throw);
}

#[test]
fn no_child_outlives_a_parent_ended_by_process_exit() {
    parent_ends(Ending::Exit);
}

fn node() -> Option<PathBuf> {
    let out = Command::new("node").arg("--version").output().ok()?;
    if !out.status.success() {
        return None;
    }
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join("node"))
            .find(|p| p.is_file())
    })
}

/// The replies interop-parent.js printed, then its exit line.
fn check_interop(lines: &[String], child_exec_path: Option<&str>) {
    let replies: Vec<&String> = lines.iter().filter(|l| l.starts_with("reply ")).collect();
    assert_eq!(replies.len(), 2, "{lines:?}");
    assert!(
        replies[0].contains(r#""echo":{"n":1,"text":"héllo ✓"}"#),
        "{lines:?}"
    );
    assert!(replies[1].contains(r#""list":[1,2,3]"#), "{lines:?}");
    assert!(replies[0].contains(r#""args":["an arg"]"#), "{lines:?}");
    if let Some(path) = child_exec_path {
        assert!(
            replies[0].contains(&format!(r#""execPath":"{path}""#)),
            "the child is run by {path}: {lines:?}"
        );
    }
    assert!(lines.iter().any(|l| l == "child disconnected"), "{lines:?}");
    assert_eq!(
        lines.last().map(String::as_str),
        Some("exit 0 null"),
        "{lines:?}"
    );
}

#[test]
fn a_mini_node_parent_forks_a_child_that_node_runs() {
    let Some(node) = node() else {
        eprintln!("skipped: node is not on PATH");
        return;
    };
    let node = std::fs::canonicalize(&node).unwrap_or(node);
    let mut parent = Demo::start(
        &[
            "run",
            &fixture("interop-parent.js"),
            &node.display().to_string(),
        ],
        &[],
    );
    let lines = parent.drain();
    assert!(parent.wait().success(), "{}", parent.stderr());
    check_interop(&lines, Some(&node.display().to_string()));
}

#[test]
fn a_node_parent_forks_a_child_that_mini_node_runs() {
    let Some(node) = node() else {
        eprintln!("skipped: node is not on PATH");
        return;
    };
    // node starts its child as `<execPath> child.js`, which mini-node runs as `run child.js`
    let out = Command::new(node)
        .args([
            &fixture("interop-parent.js"),
            env!("CARGO_BIN_EXE_mini-node"),
        ])
        .env("NO_COLOR", "1")
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<String> = stdout.lines().map(str::to_string).collect();
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // mini-node's process.execPath is its stand-in for node's path
    check_interop(&lines, Some("/usr/local/bin/node"));
}

/// A port nobody listens on now (the kernel's pick), for a program whose port is a literal.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// The notes' main.js and child.js, verbatim but for the port literal, in a fresh directory.
fn notes_main(port: u16) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let notes = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/notes");
    let main = std::fs::read_to_string(notes.join("main.js")).expect("main.js");
    assert!(
        main.contains("server.listen(8000,"),
        "the notes' port literal"
    );
    std::fs::write(
        dir.path().join("main.js"),
        main.replace("server.listen(8000,", &format!("server.listen({port},")),
    )
    .expect("writing main.js");
    std::fs::copy(notes.join("child.js"), dir.path().join("child.js")).expect("child.js");
    dir
}

#[test]
fn the_notes_main_js_answers_and_leaves_one_child_per_request() {
    let port = free_port();
    let dir = notes_main(port);
    let main = dir.path().join("main.js").display().to_string();
    let mut server = Demo::start(&["run", &main], &[]);
    server.wait_for("server is running");
    let addr = format!("127.0.0.1:{port}");
    for round in 1..=2 {
        let reply = get(&addr, "/get-data");
        assert_eq!(reply.status, 200);
        assert_eq!(reply.body, "data: 49995000");
        server.wait_for("The main process recevied data:");
        // the notes' child never exits: one per request, each a process running child.js
        let children = children_of(server.child.id());
        let alive: Vec<u32> = children
            .iter()
            .copied()
            .filter(|p| state(*p).is_some_and(|s| s != 'Z'))
            .collect();
        assert_eq!(alive.len(), round, "{children:?}");
        for pid in alive {
            let args = cmdline(pid);
            assert!(
                args.iter().any(|a| a.ends_with("/child.js")),
                "a child's command line names child.js: {args:?}"
            );
        }
    }
    let children = children_of(server.child.id());
    server.signal(libc::SIGINT);
    server.wait();
    assert_eq!(
        server.seen,
        [
            "server is running",
            "The child process backed data to main",
            "The main process recevied data:  49995000",
            "The child process backed data to main",
            "The main process recevied data:  49995000",
        ],
        "node's lines in node's order"
    );
    assert_all_gone(&children, true, &server.seen);
}
