//! Nothing is left behind: whatever way the parent ends (Ctrl-C, SIGTERM, SIGHUP, a panic, SIGKILL),
//! the fork demo's children and the cluster's workers end too, and the graceful ways reap them all.

mod process_support;
use process_support::*;

/// How the parent is made to end.
#[derive(Clone, Copy, Debug)]
enum Ending {
    Signal(i32),
    Panic,
}

/// The fork demo in the notes' leaky version, with two children left alive, then ended.
fn fork_demo_ends(ending: Ending) {
    let env: Vec<(&str, &str)> = match ending {
        Ending::Panic => vec![("MINI_NODE_TEST_PANIC_AFTER_MS", "3000")],
        Ending::Signal(_) => vec![],
    };
    let mut demo = Demo::start(&["demo", "fork", "--port", "0", "--as-written"], &env);
    let addr = Demo::addr_in(&demo.wait_for("listening on http://"));
    for _ in 0..2 {
        assert_eq!(get(&addr, "/get-data").body, "data: 49995000");
    }
    demo.wait_for("live children 2");
    let pids = reported_pids(&demo.seen, demo.child.id());
    assert_eq!(pids.len(), 2, "{}", demo.seen.join("\n"));
    for pid in &pids {
        assert!(
            state(*pid).is_some_and(|s| s != 'Z'),
            "child {pid} should be alive (leaked)"
        );
    }
    finish(demo, ending, &pids);
}

/// A cluster of two workers, then ended.
fn cluster_ends(ending: Ending) {
    let env: Vec<(&str, &str)> = match ending {
        Ending::Panic => vec![("MINI_NODE_TEST_PANIC_AFTER_MS", "3000")],
        Ending::Signal(_) => vec![],
    };
    let mut demo = Demo::start(&["demo", "cluster", "--port", "0", "--workers", "2"], &env);
    let addr = Demo::addr_in(&demo.wait_for("primary "));
    demo.wait_for("listening ");
    demo.wait_for("listening ");
    assert_eq!(get(&addr, "/").body, "server is running");
    let pids = reported_pids(&demo.seen, demo.child.id());
    assert_eq!(pids.len(), 2, "{}", demo.seen.join("\n"));
    finish(demo, ending, &pids);
}

fn finish(mut demo: Demo, ending: Ending, pids: &[u32]) {
    if let Ending::Signal(signal) = ending {
        demo.signal(signal);
    }
    let status = demo.wait();
    let lines = demo.drain();
    match ending {
        Ending::Signal(libc::SIGKILL) => {
            // The children notice by themselves (PR_SET_PDEATHSIG, and the channel's end-of-file);
            // init reaps them.
            assert_all_gone(pids, true, &lines);
        }
        Ending::Panic => {
            assert_eq!(status.code(), Some(101), "{}", lines.join("\n"));
            assert!(demo.stderr().contains("deliberate panic"));
            assert_all_gone(pids, true, &lines);
        }
        Ending::Signal(_) => {
            // Graceful: disconnect, wait, kill what is left, reap every child ourselves.
            assert!(status.success(), "{status:?}\n{}", lines.join("\n"));
            assert!(
                lines.iter().any(|l| l.contains("disconnect")),
                "{}",
                lines.join("\n")
            );
            assert_all_gone(pids, false, &lines);
        }
    }
}

#[test]
fn fork_children_end_on_ctrl_c() {
    fork_demo_ends(Ending::Signal(libc::SIGINT));
}

#[test]
fn fork_children_end_on_sigterm() {
    fork_demo_ends(Ending::Signal(libc::SIGTERM));
}

#[test]
fn fork_children_end_on_sighup() {
    fork_demo_ends(Ending::Signal(libc::SIGHUP));
}

#[test]
fn fork_children_end_when_the_parent_is_sigkilled() {
    fork_demo_ends(Ending::Signal(libc::SIGKILL));
}

#[test]
fn fork_children_end_when_the_parent_panics() {
    fork_demo_ends(Ending::Panic);
}

#[test]
fn workers_end_on_ctrl_c() {
    cluster_ends(Ending::Signal(libc::SIGINT));
}

#[test]
fn workers_end_on_sigterm() {
    cluster_ends(Ending::Signal(libc::SIGTERM));
}

#[test]
fn workers_end_on_sighup() {
    cluster_ends(Ending::Signal(libc::SIGHUP));
}

#[test]
fn workers_end_when_the_primary_is_sigkilled() {
    cluster_ends(Ending::Signal(libc::SIGKILL));
}

#[test]
fn workers_end_when_the_primary_panics() {
    cluster_ends(Ending::Panic);
}
