//! One trace across processes and threads: `run --trace` of a program that forks a child (or
//! starts a worker thread) shows the other side's phases and callbacks tagged with its process,
//! and every message both ways with its payload.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/trace")
        .join(name)
}

/// `run --trace=json FILE`: stdout, and the trace's objects.
fn traced(name: &str) -> (String, Vec<Value>) {
    let out = Command::new(env!("CARGO_BIN_EXE_mini-node"))
        .args(["run", "--trace=json"])
        .arg(fixture(name))
        .output()
        .expect("mini-node runs");
    assert!(out.status.success(), "{name}: {out:?}");
    let events = String::from_utf8_lossy(&out.stderr)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    (String::from_utf8_lossy(&out.stdout).into_owned(), events)
}

fn of_role<'a>(events: &'a [Value], role: &str) -> Vec<&'a Value> {
    events.iter().filter(|e| e["role"] == role).collect()
}

#[test]
fn a_forked_child_is_traced_with_its_pid_and_the_messages_both_ways() {
    let (stdout, events) = traced("parent.js");
    assert_eq!(stdout, "child got 4\nparent got 16\n");
    let main = of_role(&events, "main");
    let child = of_role(&events, "child");
    assert!(!main.is_empty() && !child.is_empty(), "{events:?}");
    let main_pid = main[0]["pid"].as_u64().expect("a pid");
    let child_pid = child[0]["pid"].as_u64().expect("a pid");
    assert_ne!(main_pid, child_pid);
    assert!(main.iter().all(|e| e["pid"] == main_pid));
    assert!(child.iter().all(|e| e["pid"] == child_pid));
    // the child's own loop: its script, a poll-phase callback for the message, its exit
    assert!(child.iter().any(|e| e["event"] == "script_start"
        && e["file"].as_str().is_some_and(|f| f.ends_with("child.js"))));
    assert!(child
        .iter()
        .any(|e| e["event"] == "callback_start" && e["queue"] == "poll"));
    assert!(child.iter().any(|e| e["event"] == "exit"));
    // each message, sent by one side and received by the other, with its payload
    let message = |who: &[&Value], sent: bool, payload: &str| {
        who.iter()
            .any(|e| e["event"] == "message" && e["sent"] == sent && e["payload"] == payload)
    };
    assert!(message(&main, true, r#"{"n":4}"#), "{main:?}");
    assert!(message(&child, false, r#"{"n":4}"#), "{child:?}");
    assert!(message(&child, true, "16"));
    assert!(message(&main, false, "16"));
    let peer = main
        .iter()
        .find(|e| e["event"] == "message")
        .map(|e| e["peer"].clone());
    assert_eq!(peer, Some(Value::from(format!("child {child_pid}"))));
}

#[test]
fn a_worker_thread_is_traced_with_its_thread_id() {
    let (stdout, events) = traced("thread.js");
    assert_eq!(stdout, "main got 42\n");
    let thread = of_role(&events, "thread");
    assert!(!thread.is_empty(), "{events:?}");
    assert!(thread.iter().all(|e| e["worker_id"] == 1));
    assert!(thread.iter().any(|e| e["event"] == "message"
        && e["sent"] == false
        && e["peer"] == "parent thread"
        && e["payload"] == "41"));
    let main = of_role(&events, "main");
    assert!(main.iter().any(|e| e["event"] == "message"
        && e["sent"] == true
        && e["peer"] == "thread 1"
        && e["payload"] == "41"));
}

#[test]
fn the_text_trace_tags_the_other_processes_lines() {
    let out = Command::new(env!("CARGO_BIN_EXE_mini-node"))
        .args(["--color", "never", "run", "--trace"])
        .arg(fixture("parent.js"))
        .output()
        .expect("mini-node runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("] ▶ main script"), "{err}");
    assert!(err.contains("⇢ message to child "), "{err}");
    assert!(
        err.lines()
            .any(|l| l.starts_with("[child ") && l.contains("⇠ message from parent ")),
        "{err}"
    );
}
