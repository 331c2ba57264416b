//! The fork demo with real processes: `/get-data` forks a child that answers 49995000, the IPC
//! messages and lifecycle events come in Node's order, every child is reaped, and the notes'
//! version (`--as-written`) leaks one child per request.

mod process_support;
use process_support::*;

fn listening(demo: &mut Demo) -> String {
    let line = demo.wait_for("listening on http://");
    Demo::addr_in(&line)
}

#[test]
fn get_data_forks_a_child_that_answers_the_notes_sum_and_other_paths_are_404() {
    let mut demo = Demo::start(&["demo", "fork", "--port", "0"], &[]);
    let addr = listening(&mut demo);
    let reply = get(&addr, "/get-data");
    assert_eq!(reply.status, 200, "{reply:?}");
    assert_eq!(reply.body, "data: 49995000");
    let again = get(&addr, "/get-data");
    assert_eq!(again.body, "data: 49995000");
    let missing = get(&addr, "/nothing-here");
    assert_eq!(missing.status, 404);
    // Both children exit after answering and are reaped: no child (not even a zombie) remains.
    demo.wait_for_match(|l| l.contains("live children 0"), "live children 0");
    let parent = demo.child.id();
    let deadline = std::time::Instant::now() + TIMEOUT;
    while !children_of(parent).is_empty() {
        assert!(
            std::time::Instant::now() < deadline,
            "children not reaped: {:?}",
            children_of(parent)
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    demo.signal(libc::SIGINT);
    assert!(demo.wait().success());
}

#[test]
fn messages_and_lifecycle_events_come_in_nodes_order() {
    let mut demo = Demo::start(&["demo", "fork", "--port", "0", "--requests", "3"], &[]);
    let status = demo.wait();
    let lines = demo.drain();
    assert!(status.success(), "{}", lines.join("\n"));
    let parent = demo.child.id();
    let pids = reported_pids(&lines, parent);
    assert_eq!(
        pids.len(),
        3,
        "three children, one per request:\n{}",
        lines.join("\n")
    );
    for pid in &pids {
        let mine: Vec<&String> = lines
            .iter()
            .filter(|l| l.contains(&format!("child {pid}")))
            .collect();
        let kinds: Vec<&str> = mine
            .iter()
            .map(|l| {
                l.split_once(']')
                    .unwrap()
                    .1
                    .split_whitespace()
                    .next()
                    .unwrap()
            })
            .collect();
        assert_eq!(
            kinds,
            ["fork", "message", "message", "disconnect", "exit", "close"],
            "child {pid}:\n{}",
            lines.join("\n")
        );
        assert!(
            mine[1].contains(&format!("→ child {pid}: \"start...\"")),
            "{}",
            mine[1]
        );
        assert!(
            mine[2].contains(&format!("child {pid} → parent")) && mine[2].ends_with("49995000")
        );
        assert!(mine[4].ends_with("code 0"), "{}", mine[4]);
    }
    let answers = lines
        .iter()
        .filter(|l| l.contains("200 \"data: 49995000\""))
        .count();
    assert_eq!(answers, 3);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("live children before 0  after 0")),
        "{}",
        lines.join("\n")
    );
    assert_all_gone(&pids, false, &lines);
}

#[test]
fn as_written_leaks_one_child_per_request_and_reports_the_second_res_end() {
    let mut demo = Demo::start(
        &[
            "demo",
            "fork",
            "--port",
            "0",
            "--requests",
            "3",
            "--as-written",
        ],
        &[],
    );
    let status = demo.wait();
    let lines = demo.drain();
    assert!(status.success(), "{}", lines.join("\n"));
    assert!(
        lines.iter().any(|l| l.contains("after 3 (leaked")),
        "{}",
        lines.join("\n")
    );
    assert!(lines.iter().any(|l| l.contains("as written:")));
    // At the end the leaked children are stopped, and the notes' close handler would end each
    // response a second time: reported, once per child.
    let second_end = lines
        .iter()
        .filter(|l| l.contains("ERR_STREAM_WRITE_AFTER_END"))
        .count();
    assert_eq!(second_end, 3, "{}", lines.join("\n"));
    let pids = reported_pids(&lines, demo.child.id());
    assert_eq!(pids.len(), 3);
    assert_all_gone(&pids, false, &lines);
}

#[test]
fn a_port_in_use_is_a_one_line_error_naming_the_port_and_the_flag() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let mut demo = Demo::start(&["demo", "fork", "--port", &port], &[]);
    let status = demo.wait();
    let err = demo.stderr();
    assert!(!status.success());
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains(&port) && err.contains("--port"), "{err}");
}

#[test]
fn the_hidden_child_refuses_to_run_by_hand() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mini-node"))
        .arg("__fork-child")
        .env_remove("NODE_CHANNEL_FD")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not by hand"));
}
