//! `mini-node run` and `mini-node demo event-loop` from the outside: output and exit codes as
//! node's, errors, --trace, --explore, --timeout, --max-memory, --realtime and the examples.
//! Expected outputs were recorded from node v20.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use assert_cmd::Command;

fn mini() -> Command {
    let mut c = Command::cargo_bin("mini-node").expect("binary");
    c.env("NO_COLOR", "1").timeout(Duration::from_secs(120));
    c
}

fn script(dir: &tempfile::TempDir, name: &str, src: &str) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, src).expect("write script");
    p
}

struct Ran {
    stdout: String,
    stderr: String,
    code: i32,
}

fn run(args: &[&str], file: &PathBuf) -> Ran {
    let out = mini()
        .arg("run")
        .args(args)
        .arg(file)
        .output()
        .expect("run");
    Ran {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

const ORDERING: &str = "console.log('start');
setTimeout(() => {
  console.log('timeout');
  process.nextTick(() => console.log('tick in timeout'));
  Promise.resolve().then(() => console.log('promise in timeout'));
}, 0);
setTimeout(() => console.log('timeout 2'), 0);
Promise.resolve().then(() => console.log('promise'));
process.nextTick(() => console.log('tick'));
console.log('end');
";

#[test]
fn prints_what_node_prints() {
    let dir = tempfile::tempdir().unwrap();
    let f = script(&dir, "order.js", ORDERING);
    let r = run(&[], &f);
    assert_eq!(
        r.stdout,
        "start\nend\ntick\npromise\ntimeout\ntick in timeout\npromise in timeout\ntimeout 2\n"
    );
    assert_eq!(r.stderr, "");
    assert_eq!(r.code, 0);
}

#[test]
fn io_callback_runs_immediate_before_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let f = script(
        &dir,
        "io.js",
        "const fs = require('fs');\nfs.readFile(__filename, () => {\n  setTimeout(() => console.log('timeout'), 0);\n  setImmediate(() => console.log('immediate'));\n});\n",
    );
    assert_eq!(run(&[], &f).stdout, "immediate\ntimeout\n");
}

#[test]
fn exit_codes_follow_process_exit_and_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let f = script(
        &dir,
        "exit.js",
        "process.on('exit', (c) => console.log('exit', c));\nsetTimeout(() => console.log('never'), 10);\nconsole.log('a');\nprocess.exit(2);\nconsole.log('b');\n",
    );
    let r = run(&[], &f);
    assert_eq!(r.stdout, "a\nexit 2\n");
    assert_eq!(r.code, 2);
    let g = script(
        &dir,
        "code.js",
        "process.exitCode = 3;\nconsole.log('x');\n",
    );
    assert_eq!(run(&[], &g).code, 3);
}

#[test]
fn uncaught_exception_is_reported_like_node() {
    let dir = tempfile::tempdir().unwrap();
    let f = script(
        &dir,
        "boom.js",
        "console.log(\"a\")\nfunction f(){ throw new Error(\"boom\") }\nf()\n",
    );
    let r = run(&[], &f);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "a\n");
    let file = f.display().to_string();
    let expected_head = format!(
        "{file}:2\nfunction f(){{ throw new Error(\"boom\") }}\n              ^\n\nError: boom\n    at f ({file}:2:21)\n    at Object.<anonymous> ({file}:3:1)\n"
    );
    assert!(
        r.stderr.starts_with(&expected_head),
        "stderr was:\n{}",
        r.stderr
    );
    assert!(r.stderr.ends_with("\nNode.js v20.20.2\n"));
}

#[test]
fn syntax_error_shows_line_caret_and_message() {
    let dir = tempfile::tempdir().unwrap();
    let f = script(&dir, "syntax.js", "console.log(1)\nlet x = ;\n");
    let r = run(&[], &f);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "", "nothing runs before a syntax error");
    let expected = format!(
        "{}:2\nlet x = ;\n        ^\n\nSyntaxError: Unexpected token ';'\n",
        f.display()
    );
    assert!(r.stderr.starts_with(&expected), "stderr was:\n{}", r.stderr);
}

#[test]
fn unhandled_rejection_crashes_unless_handled_in_the_same_drain() {
    let dir = tempfile::tempdir().unwrap();
    let late = script(
        &dir,
        "late.js",
        "const p = Promise.reject(new Error('late'));\nsetTimeout(() => p.catch(() => console.log('caught')), 0);\n",
    );
    let r = run(&[], &late);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("Error: late"), "{}", r.stderr);
    assert_eq!(r.stdout, "");
    let same = script(
        &dir,
        "same.js",
        "const p = Promise.reject(new Error('same'));\nPromise.resolve().then(() => p.catch((e) => console.log('caught', e.message)));\n",
    );
    let r = run(&[], &same);
    assert_eq!((r.stdout.as_str(), r.code), ("caught same\n", 0));
    let value = script(&dir, "value.js", "Promise.reject(42)\n");
    let r = run(&[], &value);
    assert_eq!(r.code, 1);
    assert!(r
        .stderr
        .contains("The promise rejected with the reason \"42\"."));
}

#[test]
fn unsupported_module_names_it_and_lists_the_supported_ones() {
    let dir = tempfile::tempdir().unwrap();
    let f = script(&dir, "tls.js", "const tls = require('tls');\n");
    let r = run(&[], &f);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("'tls'"), "{}", r.stderr);
    assert!(r.stderr.contains("fs, fs/promises, path"), "{}", r.stderr);
}

#[test]
fn bad_files_get_one_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.js");
    let r = run(&[], &missing);
    assert_eq!(r.code, 3);
    assert_eq!(r.stderr.lines().count(), 1);
    assert!(r.stderr.contains("missing.js") && r.stderr.contains("no such file"));
    let r = run(&[], &dir.path().to_path_buf());
    assert_eq!(r.code, 3);
    assert!(r.stderr.contains("is a directory"));
    let bin = dir.path().join("bin.js");
    std::fs::write(&bin, [0u8, 159, 146, 150, 0, 1]).unwrap();
    let r = run(&[], &bin);
    assert_eq!(r.code, 3);
    assert!(r.stderr.contains("binary"));
}

#[test]
fn endless_next_tick_chain_is_stopped_and_explained() {
    let dir = tempfile::tempdir().unwrap();
    let f = script(
        &dir,
        "starve.js",
        "setTimeout(() => console.log('never'), 0);\nfunction again() { process.nextTick(again); }\nagain();\n",
    );
    let r = run(&["--timeout", "1"], &f);
    assert_eq!(r.code, 124);
    assert_eq!(r.stdout, "");
    assert!(r.stderr.contains("interrupted after 1 s"), "{}", r.stderr);
    assert!(
        r.stderr.contains("nextTick") && r.stderr.contains("starved"),
        "{}",
        r.stderr
    );
}

#[test]
fn busy_loop_is_interrupted() {
    let dir = tempfile::tempdir().unwrap();
    let f = script(&dir, "busy.js", "console.log('before');\nwhile (true) {}\n");
    let r = run(&["--timeout", "1"], &f);
    assert_eq!(r.code, 124);
    assert_eq!(r.stdout, "before\n");
    assert!(r.stderr.contains("busy loop"), "{}", r.stderr);
}

#[test]
fn heap_limit_exits_134() {
    let dir = tempfile::tempdir().unwrap();
    let f = script(
        &dir,
        "mem.js",
        "const a = [];\nwhile (true) a.push(new Array(100000).fill(1));\n",
    );
    let r = run(&["--max-memory", "32"], &f);
    assert_eq!(r.code, 134);
    assert!(r.stderr.contains("out of memory") && r.stderr.contains("--max-memory"));
}

#[test]
fn trace_shows_phases_in_order_and_drains_after_each_callback() {
    let dir = tempfile::tempdir().unwrap();
    let f = script(&dir, "order.js", ORDERING);
    let r = run(&["--trace"], &f);
    assert_eq!(r.code, 0);
    // stdout is untouched by the trace
    assert!(r.stdout.starts_with("start\nend\n"));
    let phases: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.starts_with(" ● "))
        .map(|l| l.trim_start_matches(" ● ").split(" (").next().unwrap())
        .take(6)
        .collect();
    assert_eq!(
        phases,
        [
            "timers",
            "pending callbacks",
            "idle, prepare",
            "poll",
            "check",
            "close callbacks"
        ]
    );
    assert!(
        r.stderr.contains("── loop iteration 1 ── at 0 ms ──"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("nothing to run: time passes 0 ms → 1 ms"));
    // the first timer's nextTick and promise drain before the second timer runs
    let s = &r.stderr;
    let t1 = s.find("stdout: timeout\n").unwrap();
    let tick = s.find("stdout: tick in timeout").unwrap();
    let p = s.find("stdout: promise in timeout").unwrap();
    let t2 = s.find("stdout: timeout 2").unwrap();
    assert!(t1 < tick && tick < p && p < t2);
    let between = &s[t1..t2];
    assert!(between.contains("draining nextTick") && between.contains("draining microtasks"));
    assert!(s.contains("+ timers setTimeout at line 2, due at 1 ms"));
}

#[test]
fn json_trace_is_one_event_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let f = script(&dir, "order.js", ORDERING);
    let r = run(&["--trace=json"], &f);
    assert_eq!(r.code, 0);
    let events: Vec<serde_json::Value> = r
        .stderr
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(events[0]["event"], "script_start");
    assert_eq!(events.last().unwrap()["event"], "exit");
    assert_eq!(events.last().unwrap()["code"], 0);
    let starts = events
        .iter()
        .filter(|e| e["event"] == "callback_start" && e["queue"] == "timers")
        .count();
    assert_eq!(starts, 2);
    let enq = events
        .iter()
        .find(|e| e["event"] == "enqueue" && e["queue"] == "next_tick")
        .expect("nextTick enqueued");
    assert_eq!(enq["line"], 9);
    assert_eq!(enq["label"], "process.nextTick at line 9");
}

#[test]
fn explore_lists_both_orders_of_the_race() {
    let dir = tempfile::tempdir().unwrap();
    let f = script(
        &dir,
        "race.js",
        "setTimeout(() => console.log('timeout'), 0);\nsetImmediate(() => console.log('immediate'));\n",
    );
    let r = run(&["--explore"], &f);
    assert_eq!(r.code, 0);
    let headers: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.starts_with("=== order"))
        .collect();
    assert_eq!(headers.len(), 2, "{}", r.stdout);
    assert!(headers[0].starts_with("=== order 1 of 2: ") && headers[0].contains("had not expired"));
    assert!(headers[1].starts_with("=== order 2 of 2: ") && headers[1].contains("had expired"));
    let blocks: Vec<Vec<&str>> = r
        .stdout
        .split("=== order")
        .skip(1)
        .map(|b| b.lines().skip(1).collect())
        .collect();
    assert_eq!(
        blocks,
        vec![vec!["immediate", "timeout"], vec!["timeout", "immediate"]]
    );
}

#[test]
fn explore_of_a_deterministic_snippet_is_one_block() {
    let dir = tempfile::tempdir().unwrap();
    let f = script(&dir, "order.js", ORDERING);
    let r = run(&["--explore"], &f);
    assert!(
        r.stdout.starts_with("=== order 1 of 1: deterministic"),
        "{}",
        r.stdout
    );
    assert_eq!(r.stdout.lines().count(), 9);
}

#[test]
fn virtual_clock_does_not_wait_but_realtime_does() {
    let dir = tempfile::tempdir().unwrap();
    let f = script(
        &dir,
        "wait.js",
        "const t = Date.now();\nsetTimeout(() => console.log('done', Date.now() - t >= 300), 300);\n",
    );
    let start = Instant::now();
    let r = run(&[], &f);
    assert_eq!(r.stdout, "done true\n");
    let virtual_took = start.elapsed();
    let start = Instant::now();
    let r = run(&["--realtime"], &f);
    assert_eq!(r.stdout, "done true\n");
    assert!(start.elapsed() >= Duration::from_millis(300));
    assert!(virtual_took < Duration::from_secs(60));
}

#[test]
fn script_arguments_reach_process_argv() {
    let dir = tempfile::tempdir().unwrap();
    let f = script(&dir, "argv.js", "console.log(process.argv.slice(2))\n");
    let out = mini()
        .arg("run")
        .arg(&f)
        .args(["--", "a", "b c"])
        .output()
        .unwrap();
    // what `node argv.js -- a 'b c'` prints
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "[ '--', 'a', 'b c' ]\n"
    );
}

#[test]
fn demo_walks_every_example() {
    let out = mini()
        .args(["demo", "event-loop", "--list"])
        .output()
        .unwrap();
    let list = String::from_utf8_lossy(&out.stdout);
    for name in [
        "phases",
        "microtasks",
        "timeout-vs-immediate",
        "io-cycle",
        "async-await",
    ] {
        assert!(list.contains(name), "{list}");
        let out = mini()
            .args(["demo", "event-loop", "--example", name, "--delay", "0"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("iteration 1"), "{name}: {text}");
        assert!(text.contains("TIMERS") || text.contains("CHECK") || text.contains("POLL"));
    }
    let out = mini()
        .args(["demo", "event-loop", "--example", "nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("phases"));
}

#[test]
fn events_are_complete_enough_to_replay() {
    use mini_node::eventloop::{self, Event, Queue, RunOptions};
    for ex in eventloop::examples() {
        // the endless chain, and the browser model's own examples
        if ex.name == "starvation" || ex.name.starts_with("browser") {
            continue;
        }
        let mut opts = RunOptions::new(format!("/tmp/{}.js", ex.name));
        opts.timeout = Duration::from_secs(60);
        let mut events = Vec::new();
        let outcome = eventloop::run(ex.source, &opts, &mut |e| events.push(e.clone())).unwrap();
        assert_eq!(outcome.exit_code, 0, "{}", ex.name);
        let mut enqueued = std::collections::HashSet::new();
        let mut depth = 0i32;
        let mut drains = 0i32;
        let mut phases = 0;
        for e in &events {
            match e {
                Event::Enqueue {
                    id, queue, label, ..
                } => {
                    assert!(!label.is_empty());
                    enqueued.insert((*id, *queue));
                }
                Event::CallbackStart { id, queue, .. } => {
                    if *queue != Queue::Main {
                        assert!(
                            enqueued.contains(&(*id, *queue)),
                            "{}: {e:?} never queued",
                            ex.name
                        );
                    }
                    depth += 1;
                }
                Event::CallbackEnd { .. } => depth -= 1,
                Event::DrainStart { .. } => drains += 1,
                Event::DrainEnd { .. } => drains -= 1,
                Event::PhaseEnter { .. } => phases += 1,
                _ => {}
            }
        }
        assert_eq!((depth, drains), (0, 0), "{}", ex.name);
        assert_eq!(
            phases % 6,
            0,
            "{}: every iteration enters all six phases",
            ex.name
        );
        assert!(matches!(events.last(), Some(Event::Exit { code: 0, .. })));
        let printed: Vec<String> = events
            .iter()
            .filter_map(|e| match e {
                Event::Output { text, .. } => Some(text.trim_end().to_string()),
                _ => None,
            })
            .collect();
        let lines: Vec<String> = outcome.output.iter().map(|(_, l)| l.clone()).collect();
        assert_eq!(printed, lines, "{}", ex.name);
    }
}

fn demo(args: &[&str]) -> Ran {
    let out = mini()
        .args(["demo", "event-loop", "--delay", "0"])
        .args(args)
        .output()
        .expect("demo");
    Ran {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

#[test]
fn demo_starvation_walk_is_capped_and_ends_with_the_reason() {
    let r = demo(&["--example", "starvation", "--timeout", "1"]);
    assert_eq!(r.code, 124, "{}", r.stderr);
    assert!(r
        .stdout
        .contains("Running the script and recording its steps"));
    assert!(
        r.stdout.len() < 2_000_000,
        "walk too long: {} bytes",
        r.stdout.len()
    );
    assert!(
        r.stdout.contains("more recorded steps skipped")
            && r.stdout
                .contains("the nextTick queue never emptied, so the loop starved"),
        "{}",
        &r.stdout[r.stdout.len().saturating_sub(2000)..]
    );
    assert!(r.stdout.contains("mini-node: interrupted after 1 s"));
}

#[test]
fn demo_exits_with_the_scripts_code() {
    let dir = tempfile::tempdir().unwrap();
    let busy = script(&dir, "busy.js", "while (true) {}\n");
    let r = demo(&["--timeout", "1", busy.to_str().unwrap()]);
    assert_eq!(r.code, 124);
    assert!(r.stdout.contains("the main script never finished"));
    let syn = script(&dir, "syn.js", "console.log(1;\n");
    assert_eq!(demo(&[syn.to_str().unwrap()]).code, 1);
    let thrown = script(&dir, "throw.js", "throw new Error('x');\n");
    assert_eq!(demo(&[thrown.to_str().unwrap()]).code, 1);
    let ok = script(&dir, "ok.js", "setTimeout(() => console.log('hi'), 5);\n");
    assert_eq!(demo(&[ok.to_str().unwrap()]).code, 0);
    assert_eq!(demo(&["--timeout", "0", "--example", "phases"]).code, 2);
}

#[test]
fn realtime_timeout_while_waiting_for_a_timer_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let f = script(&dir, "long.js", "setTimeout(() => {}, 60000);\n");
    let r = run(&["--realtime", "--timeout", "1"], &f);
    assert_eq!(r.code, 124);
    assert!(
        r.stderr
            .contains("the loop was idle, still waiting for a timer due in")
            && !r.stderr.contains("busy loop"),
        "{}",
        r.stderr
    );
}

#[test]
fn script_from_stdin_is_named_stdin() {
    let out = mini()
        .args(["run", "-"])
        .write_stdin("console.log(__filename);\nnull.x;\n")
        .output()
        .expect("run");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[stdin]\n");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("[stdin]:2\n"), "{err}");
    assert!(err.contains("at Object.<anonymous> ([stdin]:2:6)"), "{err}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn es_modules_get_a_commonjs_hint() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("a.mjs", "console.log(1);\n", "is an ES module (.mjs)"),
        (
            "b.js",
            "import fs from 'fs';\n",
            "rewrite it as `const fs = require('fs')`",
        ),
        (
            "c.js",
            "import { readFile } from 'fs';\n",
            "`const { readFile } = require('fs')`",
        ),
        (
            "d.js",
            "const x = await Promise.resolve(1);\n",
            "top-level `await`",
        ),
        ("e.js", "export const a = 1;\n", "module.exports"),
    ];
    for (name, src, want) in cases {
        let f = script(&dir, name, src);
        let r = run(&[], &f);
        assert_eq!(r.code, 3, "{name}: {}", r.stderr);
        assert!(
            r.stderr.contains("mini-node runs CommonJS scripts"),
            "{}",
            r.stderr
        );
        assert!(r.stderr.contains(want), "{name}: {}", r.stderr);
        assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    }
    let f = script(
        &dir,
        "f.js",
        "async function f() {\nawait 1;\n}\nf().then(() => console.log('ok'));\n",
    );
    assert_eq!(run(&[], &f).stdout, "ok\n");
    // `await` inside a one-line async function, a string or a comment is not top-level
    let f = script(
        &dir,
        "g.js",
        "(async () => { const v = await Promise.resolve('one-liner'); console.log(v); })();\n\
         console.log('= await is only text'); // const x = await y;\n",
    );
    let r = run(&[], &f);
    assert_eq!(
        r.stdout, "= await is only text\none-liner\n",
        "{}",
        r.stderr
    );
}

#[test]
fn stack_columns_on_the_first_line_start_at_one() {
    let dir = tempfile::tempdir().unwrap();
    let f = script(&dir, "req.js", "require('tls');\n");
    let r = run(&[], &f);
    assert!(r.stderr.contains("req.js:1:1)"), "{}", r.stderr);
    let f = script(
        &dir,
        "call.js",
        "function f() { throw new Error('x'); }; f();\n",
    );
    // node: at Object.<anonymous> (call.js:1:41)
    assert!(run(&[], &f).stderr.contains("call.js:1:41)"));
}

#[test]
fn promise_reactions_are_enqueued_when_queued_and_run_under_the_same_id() {
    use mini_node::eventloop::replay::Snapshot;
    use mini_node::eventloop::{self, Event, Queue, RunOptions};
    let src = "function a() { console.log('a'); }\nfunction b() { console.log('b'); }\n\
               Promise.resolve().then(a);\nqueueMicrotask(b);\n\
               async function f() { await null; console.log('c'); }\nf();\n";
    let opts = RunOptions::new("/tmp/reactions.js");
    let mut events = Vec::new();
    let outcome = eventloop::run(src, &opts, &mut |e| events.push(e.clone())).unwrap();
    let lines: Vec<&str> = outcome.output.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(lines, ["a", "b", "c"]);
    let drain = events
        .iter()
        .position(|e| {
            matches!(
                e,
                Event::DrainStart {
                    queue: Queue::Microtask
                }
            )
        })
        .expect("a microtask drain");
    let queued: Vec<(u64, String, Option<u32>)> = events[..drain]
        .iter()
        .filter_map(|e| match e {
            Event::Enqueue {
                id,
                queue: Queue::Microtask,
                label,
                line,
                ..
            } => Some((*id, label.clone(), *line)),
            _ => None,
        })
        .collect();
    assert_eq!(queued.len(), 3, "{queued:?}");
    assert_eq!(queued[0].1, "promise reaction (handler at line 1)");
    assert_eq!(queued[0].2, Some(1));
    assert_eq!(queued[1].1, "queueMicrotask at line 4");
    assert!(queued[2].1.starts_with("await"), "{queued:?}");
    let ids: std::collections::HashSet<u64> = queued.iter().map(|q| q.0).collect();
    assert_eq!(ids.len(), 3, "distinct ids");
    // they run in the order queued, each start and end under its Enqueue's id
    let started: Vec<u64> = events[drain..]
        .iter()
        .filter_map(|e| match e {
            Event::CallbackStart {
                id,
                queue: Queue::Microtask,
                ..
            } => Some(*id),
            _ => None,
        })
        .collect();
    let order: Vec<u64> = queued.iter().map(|q| q.0).collect();
    assert_eq!(started, order);
    for id in &order {
        let s = events
            .iter()
            .position(|e| matches!(e, Event::CallbackStart { id: i, .. } if i == id))
            .unwrap();
        assert!(
            matches!(events[s + 1..].iter().find(|e| matches!(e, Event::CallbackEnd { .. })), Some(Event::CallbackEnd { id: i }) if i == id)
        );
    }
    // a replayed view sees the queue fill, then drain one by one
    let key = |s: &Snapshot| s.queues.get(&Queue::Microtask).map_or(0, |v| v.len());
    assert_eq!(key(&Snapshot::after(&events, drain)), 3);
    let first_end = drain
        + events[drain..]
            .iter()
            .position(|e| matches!(e, Event::CallbackEnd { .. }))
            .unwrap();
    assert_eq!(key(&Snapshot::after(&events, first_end + 1)), 2);
    // a reaction queued while the drain runs is reported too (then on a pending promise)
    let src = "let r;\nconst p = new Promise((res) => { r = res; });\np.then(() => console.log('late'));\nPromise.resolve().then(() => r());\n";
    let mut events = Vec::new();
    eventloop::run(src, &opts, &mut |e| events.push(e.clone())).unwrap();
    let enq: Vec<Option<u32>> = events
        .iter()
        .filter_map(|e| match e {
            Event::Enqueue {
                queue: Queue::Microtask,
                line,
                ..
            } => Some(*line),
            _ => None,
        })
        .collect();
    assert_eq!(enq, [Some(4), Some(3)]);
}

/// An endless storm of nextTicks, promise jobs, queueMicrotask callbacks or `await`s always ends
/// with the one-line time-out report and 124, wherever the deadline falls: inside a job (the
/// engine's interrupt stops it) or between jobs (the loop's own look at the clock). Each shape also
/// comes with a little work in every job, which puts the deadline inside a job nearly every time.
/// Ten runs of each, sixteen at a time, so the machine is busy; the second of `--timeout` is far
/// more than a run needs to reach its storm, and only the report and the code are checked.
#[test]
fn job_storms_always_end_with_the_time_out_report() {
    const RUNS: usize = 10;
    const AT_ONCE: usize = 16;
    let dir = tempfile::tempdir().unwrap();
    let shapes = [
        ("promise", "Promise.resolve().then(f)", "microtask"),
        ("microtask", "queueMicrotask(f)", "microtask"),
        ("await", "await null; f()", "microtask"),
        ("tick", "process.nextTick(f)", "nextTick"),
    ];
    let mut runs = Vec::new();
    for (name, step, queue) in shapes {
        let async_ = if name == "await" { "async " } else { "" };
        for (suffix, work) in [("", ""), ("-busy", "for (let i = 0; i < 300; i++); ")] {
            let src = format!("{async_}function f(){{{work}{step}}} f()\n");
            let f = script(&dir, &format!("{name}{suffix}.js"), &src);
            runs.extend((0..RUNS).map(|i| (f.clone(), queue, i)));
        }
    }
    let total = runs.len();
    let runs = std::sync::Mutex::new(runs);
    let failed = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..AT_ONCE {
            scope.spawn(|| loop {
                let Some((f, queue, i)) = runs.lock().unwrap().pop() else {
                    break;
                };
                let memory = if i % 2 == 0 { "64" } else { "512" };
                let r = run(&["--timeout", "1", "--max-memory", memory], &f);
                let want =
                    format!("mini-node: interrupted after 1 s: the {queue} queue never emptied");
                let ok = r.code == 124
                    && r.stdout.is_empty()
                    && r.stderr.starts_with(&want)
                    && r.stderr.ends_with("--timeout SECS.\n")
                    && r.stderr.lines().count() == 1;
                if !ok {
                    failed.lock().unwrap().push(format!(
                        "{} --max-memory {memory}: exit {}, stdout {:?}, stderr {:?}",
                        f.file_name().unwrap().to_string_lossy(),
                        r.code,
                        r.stdout,
                        r.stderr
                    ));
                }
            });
        }
    });
    let failed = failed.into_inner().unwrap();
    assert!(
        failed.is_empty(),
        "{} of {total} runs:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

/// What mini-node cannot load from a package fails naming it: a core module it lacks (as a
/// bare `require` of that module does), a native `.node` addon, an ES module package.
#[test]
fn packages_that_need_what_mini_node_lacks_fail_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let nm = dir.path().join("node_modules");
    for (pkg, file, src) in [
        ("web", "index.js", "module.exports = require('tls');\n"),
        ("esm", "index.js", "export const x = 1;\n"),
        (
            "addon",
            "index.js",
            "module.exports = require('./build/addon.node');\n",
        ),
    ] {
        std::fs::create_dir_all(nm.join(pkg).join("build")).expect("mkdir");
        std::fs::write(nm.join(pkg).join(file), src).expect("write");
    }
    std::fs::write(nm.join("esm/package.json"), r#"{ "type": "module" }"#).expect("write");
    std::fs::write(nm.join("addon/build/addon.node"), [0x7f, b'E', b'L', b'F']).expect("write");
    let plain = script(&dir, "plain.js", "require('tls');\n");
    let plain = run(&[], &plain);
    let first_line = |s: &str| {
        s.lines()
            .find(|l| l.contains("Cannot load"))
            .map(str::to_owned)
    };
    for (pkg, says) in [
        ("web", "Cannot load module 'tls'"),
        ("esm", "require() of ES Module"),
        ("addon", "Cannot load native addon"),
    ] {
        let f = script(
            &dir,
            &format!("use-{pkg}.js"),
            &format!("require('{pkg}');\n"),
        );
        let ran = run(&[], &f);
        assert_eq!(ran.code, 1, "{pkg}: {}", ran.stderr);
        assert!(ran.stderr.contains(says), "{pkg}: {}", ran.stderr);
        if pkg == "web" {
            // the same words as a script's own require('tls')
            assert_eq!(first_line(&ran.stderr), first_line(&plain.stderr));
            assert!(first_line(&ran.stderr).is_some());
        }
    }
}

/// `await` in a comment, a string, a template or as a name does not stop a script from running.
#[test]
fn await_in_comments_and_strings_runs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = script(
        &dir,
        "a.js",
        "/* await main(); */\nconst s = `await ${'x'}`;\nvar await = 1;\nconsole.log(s, { await: 2 }.await + await);\n",
    );
    let ran = run(&[], &f);
    assert_eq!(
        (ran.code, ran.stdout.as_str()),
        (0, "await x 3\n"),
        "{}",
        ran.stderr
    );
}
