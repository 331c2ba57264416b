//! The browser golden corpus: every `tests/golden/browser/NAME.js` run with
//! `mini-node run --browser` must print exactly `NAME.out`, the console text recorded from real
//! headless Chromium by `tests/golden/browser/record.sh`.
//!
//! stdout and stderr are read through one pipe (`2>&1`), because a browser has one console:
//! `console.warn`/`console.error` and `Uncaught …` lines keep their place among the `console.log`
//! lines. When Chromium is installed, a second test records the corpus again and checks that the
//! stored goldens still hold.

use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/browser")
}

/// Every snippet of the corpus, sorted by name.
fn snippets() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("tests/golden/browser exists")
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "js"))
        .collect();
    files.sort();
    files
}

/// Runs `mini-node run --browser FILE` with stdout and stderr merged in write order.
fn run_browser(file: &Path) -> (String, Option<i32>) {
    let out = Command::new("sh")
        .arg("-c")
        .arg(r#"exec "$0" run --browser --timeout 20 "$1" 2>&1"#)
        .arg(env!("CARGO_BIN_EXE_mini-node"))
        .arg(file)
        .env("NO_COLOR", "1")
        .output()
        .expect("sh runs mini-node");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code(),
    )
}

/// A line diff (longest common subsequence): `-` expected only, `+` got only, ` ` both.
fn diff(expected: &str, got: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = got.lines().collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = String::new();
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out += &format!("    {}\n", a[i]);
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out += &format!("  + {}\n", b[j]);
            j += 1;
        } else {
            out += &format!("  - {}\n", a[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn corpus_is_complete() {
    let files = snippets();
    assert!(
        files.len() >= 35,
        "the browser corpus has {} snippets, fewer than 35",
        files.len()
    );
    for js in &files {
        assert!(
            js.with_extension("out").exists(),
            "{} has no recorded .out; run tests/golden/browser/record.sh {}",
            js.display(),
            js.file_stem().unwrap().to_string_lossy()
        );
    }
}

#[test]
fn browser_goldens_match() {
    let files = snippets();
    let mut failures = Vec::new();
    for js in &files {
        let name = js.file_stem().unwrap().to_string_lossy().into_owned();
        let expected = std::fs::read_to_string(js.with_extension("out")).expect("NAME.out");
        let (got, code) = run_browser(js);
        // A page never "exits": whatever the snippet throws, mini-node reports it and goes on, so
        // the run itself succeeds.
        if got != expected || code != Some(0) {
            failures.push(format!(
                "--- {name} (exit {code:?}; - Chromium, + mini-node)\n{}",
                diff(&expected, &got)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} browser snippets differ from Chromium:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

#[test]
fn goldens_still_hold_in_chromium() {
    if !chromium_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("temporary directory");
    let out = Command::new("bash")
        .arg(corpus_dir().join("record.sh"))
        .arg("--check")
        .arg(dir.path())
        .env("RUNS", "1")
        .output()
        .expect("record.sh runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    assert!(
        out.status.success(),
        "Chromium no longer prints what the goldens say:\n{stderr}"
    );
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("ok ")).count(),
        snippets().len(),
        "every snippet was checked"
    );
}

/// Runs mini-node with `args` on a snippet written to a temporary file; (stdout, stderr, code).
fn mini_node(args: &[&str], source: &str) -> (String, String, Option<i32>) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = dir.path().join("snippet.js");
    std::fs::write(&file, source).expect("snippet written");
    let out = Command::new(env!("CARGO_BIN_EXE_mini-node"))
        .args(args)
        .arg(&file)
        .env("NO_COLOR", "1")
        .output()
        .expect("mini-node runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

const RAF_VS_TIMEOUT: &str = "setTimeout(() => console.log('timeout'), 0);
requestAnimationFrame(() => console.log('raf'));
console.log('sync');
";

#[test]
fn explore_lists_both_orders_of_a_frame_racing_a_timer() {
    let (out, err, code) = mini_node(&["run", "--browser", "--explore"], RAF_VS_TIMEOUT);
    assert_eq!(code, Some(0), "{err}");
    let blocks: Vec<&str> = out.split("=== order ").skip(1).collect();
    assert_eq!(blocks.len(), 2, "{out}");
    let bodies: Vec<Vec<&str>> = blocks.iter().map(|b| b.lines().skip(1).collect()).collect();
    assert!(bodies.contains(&vec!["sync", "timeout", "raf"]), "{out}");
    assert!(bodies.contains(&vec!["sync", "raf", "timeout"]), "{out}");
    assert!(out.contains("of 2: "), "{out}");
    assert!(out.contains("rendering opportunity"), "{out}");
}

#[test]
fn explore_of_a_deterministic_page_prints_one_block() {
    let (out, _, code) = mini_node(
        &["run", "--browser", "--explore"],
        "Promise.resolve().then(() => console.log('b'));\nconsole.log('a');\n",
    );
    assert_eq!(code, Some(0));
    assert!(out.starts_with("=== order 1 of 1: deterministic"), "{out}");
    assert_eq!(out.lines().skip(1).collect::<Vec<_>>(), vec!["a", "b"]);
}

#[test]
fn trace_shows_task_checkpoint_frames_and_render_in_order() {
    let source = "requestAnimationFrame(() => {
  console.log('raf 1');
  Promise.resolve().then(() => console.log('micro from raf 1'));
});
requestAnimationFrame(() => console.log('raf 2'));
Promise.resolve().then(() => console.log('micro'));
";
    let (out, err, code) = mini_node(&["run", "--browser", "--trace=json"], source);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out, "micro\nraf 1\nmicro from raf 1\nraf 2\n");
    let events: Vec<serde_json::Value> = err
        .lines()
        .map(|l| serde_json::from_str(l).expect("NDJSON line"))
        .collect();
    let steps: Vec<String> = events
        .iter()
        .filter_map(|e| match e["event"].as_str() {
            Some("phase_enter") => Some(e["phase"].as_str().unwrap().to_string()),
            Some("callback_start") if e["queue"] == "animation_frame" => Some("raf".to_string()),
            Some("output") => Some(format!("out:{}", e["text"].as_str().unwrap().trim())),
            _ => None,
        })
        .collect();
    assert_eq!(
        steps,
        vec![
            "task",
            "microtask_checkpoint",
            "out:micro",
            "animation_frames",
            "raf",
            "out:raf 1",
            "microtask_checkpoint",
            "out:micro from raf 1",
            "raf",
            "out:raf 2",
            "render",
        ],
        "{err}"
    );
    let frame_at = events
        .iter()
        .find(|e| e["phase"] == "animation_frames")
        .and_then(|e| e["at_ms"].as_f64())
        .unwrap();
    // half a frame (8.3 ms) after the page started, on the millisecond clock
    assert!((8.0..=9.0).contains(&frame_at), "first frame at {frame_at}");
}

#[test]
fn text_trace_names_the_browser_steps() {
    let (_, err, code) = mini_node(&["run", "--browser", "--trace"], RAF_VS_TIMEOUT);
    assert_eq!(code, Some(0));
    for step in [
        "● task",
        "→ main script",
        "+ timers setTimeout at line 1, due at 0 ms",
        "+ animation frames requestAnimationFrame at line 2",
        "→ setTimeout at line 1 [timers]",
        "● animation frames",
        "→ requestAnimationFrame at line 2 [animation frames]",
        "● render (style, layout, paint)",
    ] {
        assert!(err.contains(step), "missing {step:?} in:\n{err}");
    }
}

#[test]
fn a_simulated_click_is_a_task_with_its_own_checkpoint() {
    let source = "__click((e) => {
  console.log('click', e.type, e.isTrusted);
  Promise.resolve().then(() => console.log('microtask from the click'));
}, 10);
addEventListener('click', () => console.log('window listener'));
setTimeout(() => console.log('timer at 10, queued after the click'), 10);
setTimeout(() => console.log('timer at 5'), 5);
";
    let (out, err, code) = mini_node(&["run", "--browser"], source);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        out,
        "timer at 5\nclick click true\nwindow listener\nmicrotask from the click\ntimer at 10, queued after the click\n"
    );
}

#[test]
fn busy_loops_and_endless_microtasks_are_stopped_by_timeout() {
    let (out, err, code) = mini_node(
        &["run", "--browser", "--timeout", "1"],
        "console.log('before');\nwhile (true) {}\n",
    );
    assert_eq!(code, Some(124));
    assert_eq!(out, "before\n");
    assert!(err.contains("interrupted after 1 s"), "{err}");
    assert!(err.contains("busy loop"), "{err}");
    let (_, err, code) = mini_node(
        &["run", "--browser", "--timeout", "1"],
        "function again() { queueMicrotask(again); }\nagain();\n",
    );
    assert_eq!(code, Some(124));
    assert!(err.contains("microtask queue never emptied"), "{err}");
    assert!(err.contains("never rendered"), "{err}");
}

#[test]
fn a_syntax_error_is_reported_with_its_location_and_nothing_runs() {
    let (out, err, code) = mini_node(
        &["run", "--browser"],
        "console.log('never');\nlet x = (1 + ;\n",
    );
    assert_eq!(code, Some(1));
    assert_eq!(out, "");
    let first = err.lines().next().unwrap_or_default();
    assert!(first.starts_with("Uncaught SyntaxError: "), "{err}");
    assert!(first.ends_with("(at snippet.js:2:14)"), "{err}");
    assert!(err.contains("let x = (1 + ;"), "{err}");
}

#[test]
fn compare_shows_both_models_side_by_side_with_marks() {
    // Node makes a 0 ms timer a 1 ms one (kept in creation order); a browser keeps 0 ms.
    let source = "setTimeout(() => console.log('timeout 1 ms'), 1);
setTimeout(() => console.log('timeout 0 ms'), 0);
if (typeof process === 'object') process.nextTick(() => console.log('nextTick'));
if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => console.log('frame'));
console.log('sync');
";
    let (out, err, code) = mini_node(&["demo", "event-loop", "--compare"], source);
    assert_eq!(code, Some(0), "{err}");
    let rows: Vec<String> = out
        .lines()
        .skip_while(|l| !l.contains("Browser (mini-node run --browser)"))
        .skip(2)
        .take(7)
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(
        rows,
        vec![
            "sync │ sync",
            "+ nextTick │",
            "≠ timeout 1 ms │",
            "timeout 0 ms │ timeout 0 ms",
            "│ ≠ timeout 1 ms",
            "│ + frame",
            "exit 0 │ exit 0",
        ],
        "{out}"
    );
    assert!(out.contains("in a different order (1 line)"), "{out}");
    assert!(out.contains("(1 by Node, 1 by the browser)"), "{out}");
}

#[test]
fn demo_walks_the_browser_model_step_by_step() {
    let (out, err, code) = mini_node(
        &["demo", "event-loop", "--browser", "--delay", "0"],
        RAF_VS_TIMEOUT,
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("[RAF CALLBACKS]"), "{out}");
    assert!(
        out.contains("rAF        requestAnimationFrame at line 2"),
        "{out}"
    );
    assert!(out.contains("[RENDER (STYLE, LAYOUT, PAINT)]"), "{out}");
}

/// Whether the Chromium-backed tests can run here; says why not otherwise.
fn chromium_available() -> bool {
    if !Path::new("/usr/bin/chromium").exists() {
        println!("skipped: chromium not installed");
        return false;
    }
    if Command::new("node").arg("--version").output().is_err() {
        println!("skipped: node not installed (the recorder runs on node)");
        return false;
    }
    true
}

/// The outputs `--explore` lists for a snippet, as whole texts.
fn explored_orders(file: &Path) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_mini-node"))
        .args(["run", "--browser", "--explore"])
        .arg(file)
        .env("NO_COLOR", "1")
        .output()
        .expect("mini-node runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.split("=== order ")
        .skip(1)
        .map(|block| {
            block
                .lines()
                .skip(1)
                .map(|l| format!("{l}\n"))
                .collect::<String>()
        })
        .collect()
}

#[test]
fn explore_covers_the_orders_chromium_produces() {
    if !chromium_available() {
        return;
    }
    let mut races: Vec<PathBuf> = std::fs::read_dir(corpus_dir().join("races"))
        .expect("tests/golden/browser/races")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "js"))
        .collect();
    races.sort();
    assert!(races.len() >= 3, "racy snippets under races/");
    let out = Command::new("bash")
        .arg(corpus_dir().join("record.sh"))
        .arg("--distinct")
        .args(&races)
        .env("RUNS", "10")
        .output()
        .expect("record.sh runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut missing = Vec::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("one JSON line per snippet");
        let name = v["name"].as_str().expect("name");
        let seen: Vec<String> = v["outputs"]
            .as_array()
            .expect("outputs")
            .iter()
            .map(|o| o.as_str().expect("text").to_string())
            .collect();
        let explored = explored_orders(&corpus_dir().join("races").join(format!("{name}.js")));
        println!(
            "{name}: Chromium showed {} order(s), --explore lists {}",
            seen.len(),
            explored.len()
        );
        for order in seen {
            if !explored.contains(&order) {
                missing.push(format!(
                    "{name}: Chromium printed\n{order}but --explore lists only:\n{}",
                    explored.join("--\n")
                ));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn realtime_waits_and_the_heap_limit_stops_a_hungry_page() {
    let started = std::time::Instant::now();
    let (out, _, code) = mini_node(
        &["run", "--browser", "--realtime"],
        "setTimeout(() => console.log('done'), 300);\nrequestAnimationFrame(() => console.log('frame'));\n",
    );
    assert_eq!(code, Some(0));
    assert_eq!(out, "frame\ndone\n");
    assert!(started.elapsed() >= std::time::Duration::from_millis(290));
    let (_, err, code) = mini_node(
        &["run", "--browser", "--max-memory", "32"],
        "const a = [];\nfor (;;) a.push(new Array(1e5).fill(1));\n",
    );
    assert_eq!(code, Some(134), "{err}");
    assert!(err.contains("--max-memory"), "{err}");
}

#[test]
fn a_long_task_delays_timers_and_the_next_frame() {
    // Each clock read costs 1 µs of virtual time, so a busy wait ends and time has passed.
    let source = "const t0 = performance.now();
setTimeout(() => console.log('timer due at 0 ran at', Math.round(performance.now() - t0)), 0);
requestAnimationFrame(() => console.log('frame at', Math.round(performance.now() - t0)));
while (performance.now() - t0 < 50) {}
console.log('busy script done');
";
    let (out, err, code) = mini_node(&["run", "--browser"], source);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        out,
        "busy script done\ntimer due at 0 ran at 50\nframe at 50\n"
    );
}
