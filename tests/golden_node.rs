//! The golden corpus: every teaching snippet under `tests/golden/node/` must print under
//! `mini-node run` exactly what real node v20 printed when the goldens were recorded
//! (`tests/golden/record.sh`): stdout byte for byte, the same exit code, and the same stderr,
//! stack frames (`    at file:line:column`) included. The few snippets whose frames are node's own
//! internals (its module loader, libuv callbacks) are listed in [`FRAMES_DIFFER`] and compared
//! without frame lines.
//!
//! A second test re-runs node itself on the corpus when it is on PATH, so the goldens cannot drift
//! from what node really prints. Every mismatch is reported in one failure, each with a diff.

#[path = "golden/harness.rs"]
mod harness;

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use harness::{strip_stack_frames, Golden, Ran};

fn mini_node() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_mini-node"))
}

/// Snippets whose stack frames name node internals that mini-node has no counterpart for: the
/// module loader's resolution frames, `FSReqCallback.oncomplete`'s line in `node:fs`, and
/// node:net's listen frames (`setupListenHandle`, `listenInCluster`).
const FRAMES_DIFFER: &[&str] = &[
    "net-eaddrinuse-uncaught",
    "require-missing-module",
    "uncaught-in-fs-callback",
];

/// Compare one run with the goldens; `None` when they agree, else a readable report.
fn compare(name: &str, golden: &Golden, ran: &Ran, strip_frames: bool) -> Option<String> {
    let mut report = String::new();
    let code_ok = !ran.timed_out && ran.code == Some(golden.code);
    if !code_ok {
        report.push_str(&format!(
            "  exit code: expected {}, got {}\n",
            golden.code,
            ran.code_text()
        ));
    }
    if ran.stdout != golden.stdout {
        report.push_str("  stdout (- expected, + got):\n");
        report.push_str(&indent(&harness::diff(&golden.stdout, &ran.stdout)));
    }
    let strip_frames = strip_frames && FRAMES_DIFFER.contains(&name);
    let (want_err, got_err) = if strip_frames {
        (
            strip_stack_frames(&golden.stderr),
            strip_stack_frames(&ran.stderr),
        )
    } else {
        (golden.stderr.clone(), ran.stderr.clone())
    };
    if want_err != got_err {
        report.push_str(if strip_frames {
            "  stderr, stack frames removed (- expected, + got):\n"
        } else {
            "  stderr (- expected, + got):\n"
        });
        report.push_str(&indent(&harness::diff(&want_err, &got_err)));
    }
    (!report.is_empty()).then(|| format!("--- {name}\n{report}"))
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  {l}\n")).collect()
}

/// Run `program` on every snippet of the node corpus and collect every mismatch.
fn check_corpus(program: &Path, args_before_file: &[&str], strip_frames: bool) -> Vec<String> {
    let dir = harness::corpus_dir("node");
    let files = harness::snippets(&dir);
    assert!(!files.is_empty(), "no snippets under {}", dir.display());
    let reports = harness::par_map(&files, harness::workers(), |file| {
        let name = harness::name_of(file);
        let golden = Golden::load(file);
        let mut args: Vec<&OsStr> = args_before_file.iter().map(OsStr::new).collect();
        args.push(file.as_os_str());
        match harness::run(program, &args, &dir) {
            Ok(mut ran) => {
                ran.stdout = harness::normalise_ports(&ran.stdout);
                ran.stderr = harness::normalise_ports(&ran.stderr);
                let golden = golden.resolved(&dir, ran.pid);
                compare(&name, &golden, &ran, strip_frames)
            }
            Err(e) => Some(format!("--- {name}\n  {e}\n")),
        }
    });
    reports.into_iter().flatten().collect()
}

#[test]
fn mini_node_run_matches_node_goldens() {
    let failures = check_corpus(&mini_node(), &["run"], true);
    let total = harness::snippets(&harness::corpus_dir("node")).len();
    assert!(
        failures.is_empty(),
        "`mini-node run` differs from node v20 on {} of {} snippets in tests/golden/node/:\n\n{}",
        failures.len(),
        total,
        failures.join("\n")
    );
}

#[test]
fn goldens_are_still_what_node_prints() {
    let version = match harness::node_v20() {
        Ok(v) => v,
        Err(why) => {
            eprintln!("skipped: {why}");
            return;
        }
    };
    let failures = check_corpus(&harness::node_path(), &[], false);
    let total = harness::snippets(&harness::corpus_dir("node")).len();
    assert!(
        failures.is_empty(),
        "node {version} no longer prints the recorded goldens for {} of {} snippets \
         (re-record with tests/golden/record.sh, which refuses snippets that vary):\n\n{}",
        failures.len(),
        total,
        failures.join("\n")
    );
}

/// The corpus itself: big enough, every snippet recorded, no stray goldens, and every rule of the
/// scheduler's semantics covered by several snippets (the file-name prefix names the rule).
#[test]
fn corpus_is_complete() {
    let dir = harness::corpus_dir("node");
    let files = harness::snippets(&dir);
    assert!(
        files.len() >= 70,
        "the corpus has {} snippets, at least 70 are required",
        files.len()
    );
    let mut problems = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("corpus dir") {
        let path = entry.expect("entry").path();
        let ext = path.extension().and_then(OsStr::to_str).unwrap_or("");
        match ext {
            "js" => {
                if !path.with_extension("out").exists() {
                    problems.push(format!("{}: no .out golden", path.display()));
                }
            }
            "out" | "err" | "code" => {
                if !path.with_extension("js").exists() {
                    problems.push(format!("{}: golden without a snippet", path.display()));
                }
                if ext == "code" {
                    let text = std::fs::read_to_string(&path).expect("read .code");
                    if !matches!(text.trim().parse::<i32>(), Ok(c) if c != 0) {
                        problems.push(format!(
                            "{}: .code must hold a non-zero exit code",
                            path.display()
                        ));
                    }
                }
                if ext == "err" && std::fs::metadata(&path).expect("stat").len() == 0 {
                    problems.push(format!(
                        "{}: empty .err files are not recorded",
                        path.display()
                    ));
                }
            }
            // a folder holds what snippets load (a worker's file, a child's script): not snippets
            _ if path.is_dir() => {}
            _ => problems.push(format!("{}: unexpected file in the corpus", path.display())),
        }
    }
    let mut per_rule: BTreeMap<&str, usize> = BTreeMap::new();
    let rules = [
        ("phases-", 3),
        ("micro-", 3),
        ("drain-", 3),
        ("timeout-coerce-", 3),
        ("timers-", 3),
        ("interval-", 2),
        ("immediate-", 3),
        ("clear-", 2),
        ("extra-args", 2),
        ("async-", 4),
        ("combinator-", 4),
        ("reject-", 4),
        ("exit-", 3),
        ("process-", 1),
        ("fs-", 5),
        ("path-", 1),
        ("os-", 1),
        ("filename-", 1),
        ("console-", 6),
        ("uncaught-", 3),
        ("syntax-error-", 2),
        ("require-", 2),
        ("notes-", 3),
    ];
    for file in &files {
        let name = harness::name_of(file);
        for (prefix, _) in rules {
            if name.starts_with(prefix) {
                *per_rule.entry(prefix).or_default() += 1;
            }
        }
    }
    for (prefix, min) in rules {
        let have = per_rule.get(prefix).copied().unwrap_or(0);
        if have < min {
            problems.push(format!(
                "rule {prefix}*: {have} snippets, at least {min} wanted"
            ));
        }
    }
    let overflow = Golden::load(&dir.join("timeout-coerce-overflow.js"));
    if !overflow
        .stderr
        .contains("(node:<PID>) TimeoutOverflowWarning")
    {
        problems.push("timeout-coerce-overflow.err lacks node's TimeoutOverflowWarning".into());
    }
    for file in &files {
        let golden = Golden::load(file);
        let here = dir.to_string_lossy();
        if golden.stdout.contains(here.as_ref()) || golden.stderr.contains(here.as_ref()) {
            problems.push(format!(
                "{}: recorded text holds the checkout path; it must say <DIR>",
                file.display()
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "corpus problems:\n{}",
        problems.join("\n")
    );
}

/// mini-node provides fs, path, os (and timers, process, console as globals); `require` of any other
/// node built-in must fail with a non-zero exit, naming the module and listing what is supported.
/// (Node itself has these modules, so this is mini-node's own contract, not a node golden.)
#[test]
fn unsupported_builtin_module_is_named() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut problems = Vec::new();
    for module in ["dgram", "tls", "zlib", "node:crypto"] {
        let file = tmp
            .path()
            .join(format!("require-{}.js", module.replace(':', "-")));
        std::fs::write(
            &file,
            format!(
                "console.log('before');\nconst m = require('{module}');\nconsole.log('after');\n"
            ),
        )
        .expect("write snippet");
        let ran = harness::run(
            &mini_node(),
            &[OsStr::new("run"), file.as_os_str()],
            tmp.path(),
        )
        .expect("run mini-node");
        let bare = module.trim_start_matches("node:");
        if ran.timed_out || ran.code == Some(0) {
            problems.push(format!(
                "require('{module}'): expected a non-zero exit, got {}",
                ran.code_text()
            ));
        }
        if !ran.stderr.contains(bare) {
            problems.push(format!(
                "require('{module}'): stderr does not name the module:\n{}",
                ran.stderr
            ));
        }
        for supported in ["fs", "path", "os"] {
            if !ran.stderr.contains(supported) {
                problems.push(format!(
                    "require('{module}'): stderr does not list the supported module {supported}:\n{}",
                    ran.stderr
                ));
            }
        }
        if ran.stdout.contains("after") {
            problems.push(format!(
                "require('{module}'): the script went on after the failed require"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
