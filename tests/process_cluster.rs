//! The cluster with real processes: rr hands connections out exactly in turn, a killed worker is
//! replaced with the next id, a crash-looping worker backs off, a refused connection goes to
//! another worker, and `none` lets the workers accept themselves.

mod process_support;
use process_support::*;

/// Start a cluster of `n` workers and wait until all of them listen; returns the address.
fn cluster(n: usize, extra: &[&str], env: &[(&str, &str)]) -> (Demo, String) {
    let workers = n.to_string();
    let mut args = vec!["demo", "cluster", "--port", "0", "--workers", &workers];
    args.extend_from_slice(extra);
    let mut demo = Demo::start(&args, env);
    let first = demo.wait_for("primary ");
    let addr = Demo::addr_in(&first);
    for _ in 0..n {
        demo.wait_for("listening ");
    }
    (demo, addr)
}

fn worker_id(reply: &Reply) -> u32 {
    assert_eq!(reply.status, 200, "{reply:?}");
    assert_eq!(reply.body, "server is running");
    assert!(reply.header("X-Worker-Pid").is_some());
    reply.header("X-Worker-Id").unwrap().parse().unwrap()
}

/// SIGKILL worker 1 at the pid its `fork` line reported; returns that pid.
fn kill_worker_1(demo: &Demo) -> i32 {
    let fork1 = demo
        .seen
        .iter()
        .find(|l| l.contains("fork ") && l.contains("worker 1 "))
        .cloned()
        .unwrap();
    let pid: i32 = fork1
        .split("(pid ")
        .nth(1)
        .unwrap()
        .trim_end_matches(')')
        .parse()
        .unwrap();
    // SAFETY: SIGKILL to the worker pid the demo reported.
    unsafe { libc::kill(pid, libc::SIGKILL) };
    pid
}

#[test]
fn rr_hands_out_connections_exactly_in_turn() {
    let (mut demo, addr) = cluster(3, &[], &[]);
    let ids: Vec<u32> = (0..9).map(|_| worker_id(&get(&addr, "/"))).collect();
    assert_eq!(ids, [1, 2, 3, 1, 2, 3, 1, 2, 3], "{}", demo.seen.join("\n"));
    demo.signal(libc::SIGINT);
    assert!(demo.wait().success());
}

#[test]
fn a_killed_worker_is_replaced_with_the_next_id_and_the_notes_line_is_printed() {
    let (mut demo, addr) = cluster(2, &[], &[]);
    let pid = kill_worker_1(&demo);
    demo.wait_for_match(|l| l == "1 exit.", "1 exit.");
    demo.wait_for("fork       worker 3 ");
    demo.wait_for("listening  worker 3 ");
    demo.wait_for("worker 3 replaces 1");
    // The primary reaped the killed worker while still running: not even a zombie is left.
    assert_all_gone(&[pid as u32], false, &demo.seen);
    assert!(!children_of(demo.child.id()).contains(&(pid as u32)));
    let ids: Vec<u32> = (0..4).map(|_| worker_id(&get(&addr, "/"))).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(sorted, [2, 2, 3, 3], "ids {ids:?}");
    demo.signal(libc::SIGTERM);
    assert!(demo.wait().success());
    let lines = demo.drain();
    let pids = reported_pids(&lines, demo.child.id());
    assert_all_gone(&pids, false, &lines);
}

#[test]
fn a_crash_looping_worker_backs_off_longer_each_time() {
    let mut demo = Demo::start(
        &[
            "demo",
            "cluster",
            "--port",
            "0",
            "--workers",
            "1",
            "--duration",
            "2.5",
        ],
        &[("MINI_NODE_WORKER_CRASH_AFTER_MS", "30")],
    );
    assert!(demo.wait().success());
    let lines = demo.drain();
    let delays: Vec<u64> = lines
        .iter()
        .filter(|l| l.contains("guard") && l.contains("unstable"))
        .map(|l| {
            let wait = l.split("wait ").nth(1).unwrap();
            let mut parts = wait.split_whitespace();
            let n: f64 = parts.next().unwrap().parse().unwrap();
            match parts.next().unwrap() {
                "s" => (n * 1000.0) as u64,
                _ => n as u64,
            }
        })
        .collect();
    assert!(delays.len() >= 3, "{}", lines.join("\n"));
    assert_eq!(&delays[..3], [100, 200, 400], "{}", lines.join("\n"));
    assert!(delays.windows(2).all(|w| w[1] >= w[0]));
    // Each exit is logged the notes' way, ids never reused.
    assert!(lines.iter().any(|l| l == "1 exit.") && lines.iter().any(|l| l == "2 exit."));
    let pids = reported_pids(&lines, demo.child.id());
    assert_all_gone(&pids, false, &lines);
}

#[test]
fn a_connection_a_worker_refuses_goes_to_another() {
    let (mut demo, addr) = cluster(2, &[], &[("MINI_NODE_WORKER_REFUSE", "1")]);
    let ids: Vec<u32> = (0..4).map(|_| worker_id(&get(&addr, "/"))).collect();
    assert_eq!(ids, [2, 2, 2, 2]);
    demo.signal(libc::SIGINT);
    assert!(demo.wait().success());
}

#[test]
fn sched_none_from_the_environment_lets_workers_accept_and_the_load_is_counted() {
    let (mut demo, addr) = cluster(
        2,
        &["--load", "4", "--duration", "2"],
        &[("NODE_CLUSTER_SCHED_POLICY", "none")],
    );
    assert!(demo.seen.iter().any(|l| l.contains("sched none")));
    let id = worker_id(&get(&addr, "/"));
    assert!(id == 1 || id == 2);
    assert!(demo.wait().success());
    let lines = demo.drain();
    assert!(
        lines.iter().any(|l| l.contains("requests per worker")),
        "{}",
        lines.join("\n")
    );
    assert!(lines.iter().any(|l| l.contains("load generator:")));
}

#[test]
fn a_port_in_use_names_the_port_and_the_flag() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let mut demo = Demo::start(&["demo", "cluster", "--port", &port, "--workers", "1"], &[]);
    assert!(!demo.wait().success());
    let err = demo.stderr();
    assert!(err.contains(&port) && err.contains("--port"), "{err}");
}

#[test]
fn under_load_a_replacement_worker_gets_new_connections_and_serves_requests() {
    let (mut demo, _addr) = cluster(2, &["--load", "4", "--duration", "4"], &[]);
    demo.wait_for("load      ");
    kill_worker_1(&demo);
    demo.wait_for("worker 3 replaces 1");
    assert!(demo.wait().success());
    let lines = demo.drain();
    let all = lines.join("\n");
    let served = |id: u32| -> u64 {
        lines
            .iter()
            .find_map(|l| {
                let rest = l.trim_start().strip_prefix("worker")?;
                let mut words = rest.split_whitespace();
                (words.next()? == id.to_string() && l.contains('%'))
                    .then(|| words.next()?.parse().ok())
                    .flatten()
            })
            .unwrap_or(0)
    };
    assert!(served(3) > 0, "the replacement served nothing:\n{all}");
    assert!(served(2) > 0, "{all}");
    assert!(all.contains("answers received"), "{all}");
    assert!(all.contains("new connection every"), "{all}");
}
