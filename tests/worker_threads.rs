//! Worker threads (`require('worker_threads')`) from the outside, with real threads: however a
//! program ends (process.exit, an uncaught error, the end of its script, `--timeout`), no worker
//! keeps it running; `terminate()` stops a worker wherever it is; a worker's memory stays small.
//! What each program prints is node's (its goldens are `tests/golden/node/worker-*.js`).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use assert_cmd::Command;

fn mini() -> Command {
    let mut c = Command::cargo_bin("mini-node").expect("binary");
    c.env("NO_COLOR", "1").timeout(Duration::from_secs(30));
    c
}

struct Ran {
    stdout: String,
    stderr: String,
    code: i32,
    took: Duration,
}

fn run(args: &[&str], src: &str) -> Ran {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("main.js");
    std::fs::write(&file, src).expect("write the script");
    run_file(args, &file, &[])
}

fn run_file(args: &[&str], file: &PathBuf, script_args: &[&str]) -> Ran {
    let started = Instant::now();
    let out = mini()
        .arg("run")
        .args(args)
        .arg(file)
        .args(script_args)
        .output()
        .expect("run mini-node");
    Ran {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
        took: started.elapsed(),
    }
}

/// Three workers spinning in busy loops, and `end` once all three are online.
fn busy_workers(end: &str) -> String {
    format!(
        "const {{ Worker }} = require('worker_threads');
let online = 0;
for (let i = 0; i < 3; i++) {{
  const w = new Worker('while (true) {{}}', {{ eval: true }});
  w.on('online', () => {{ if (++online === 3) {{ console.log('all online'); {end} }} }});
}}
"
    )
}

/// The parent stops every worker as it ends: busy ones are interrupted at once (the parent does
/// not wait for them), so the run ends well within the time it would take to give up on them.
fn assert_ended_promptly(r: &Ran) {
    assert!(
        r.took < Duration::from_secs(5),
        "the run took {:?}: its busy workers were not stopped (stderr: {})",
        r.took,
        r.stderr
    );
}

#[test]
fn process_exit_in_the_parent_stops_busy_workers() {
    let r = run(&[], &busy_workers("process.exit(4);"));
    assert_eq!(r.stdout, "all online\n");
    assert_eq!(r.code, 4, "stderr: {}", r.stderr);
    assert_ended_promptly(&r);
}

#[test]
fn an_uncaught_error_in_the_parent_stops_busy_workers() {
    let r = run(&[], &busy_workers("throw new Error('parent fails');"));
    assert_eq!(r.stdout, "all online\n");
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("Error: parent fails"), "{}", r.stderr);
    assert_ended_promptly(&r);
}

#[test]
fn unrefed_busy_workers_do_not_keep_the_parent_alive() {
    let r = run(
        &[],
        "const { Worker } = require('worker_threads');
for (let i = 0; i < 3; i++) new Worker('while (true) {}', { eval: true }).unref();
console.log('main done');
",
    );
    assert_eq!(r.stdout, "main done\n");
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    assert_ended_promptly(&r);
}

#[test]
fn terminate_stops_a_busy_worker_and_an_idle_one() {
    let r = run(
        &[],
        "const { Worker } = require('worker_threads');
const busy = new Worker('while (true) {}', { eval: true });
const idle = new Worker(`require('worker_threads').parentPort.on('message', () => {})`, { eval: true });
let online = 0;
for (const w of [busy, idle]) w.on('online', async () => {
  if (++online < 2) return;
  console.log('busy', await busy.terminate());
  console.log('idle', await idle.terminate());
});
",
    );
    assert_eq!(r.stdout, "busy 1\nidle 1\n");
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    assert_ended_promptly(&r);
}

#[test]
fn timeout_interrupts_a_worker_that_never_yields_and_names_it() {
    let r = run(
        &["--timeout", "1"],
        "const { Worker } = require('worker_threads');
const w = new Worker('while (true) {}', { eval: true });
w.on('exit', (code) => console.log('worker exit', code));
",
    );
    assert_eq!(r.stdout, "worker exit 124\n");
    assert!(
        r.stderr
            .starts_with("mini-node: worker 1: interrupted after 1 s"),
        "{}",
        r.stderr
    );
    assert_eq!(r.code, 0);
}

#[test]
fn many_workers_in_turn_end_and_are_reaped() {
    let r = run(
        &[],
        "const { Worker } = require('worker_threads');
let left = 40;
function next() {
  const w = new Worker(`require('worker_threads').parentPort.postMessage(process.memoryUsage().rss)`, { eval: true });
  w.on('exit', () => (--left > 0 ? next() : console.log('done')));
}
next();
",
    );
    assert_eq!(r.stdout, "done\n");
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
}

/// The goal: a worker costs at most 10 MB of resident memory (node's: about 8 MB).
#[test]
fn an_idle_worker_costs_little_memory() {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/workers-idle.js");
    let rss = |n: &str| -> f64 {
        let r = run_file(&[], &script, &[n]);
        assert_eq!(r.code, 0, "stderr: {}", r.stderr);
        let mb = r.stdout.split_whitespace().nth(1).expect("n and RSS");
        mb.parse().expect("a number of MB")
    };
    let one = rss("1");
    let five = rss("5");
    let per_worker = (five - one) / 4.0;
    assert!(
        per_worker < 10.0,
        "each idle worker adds {per_worker:.1} MB (1 worker: {one} MB, 5: {five} MB)"
    );
}
