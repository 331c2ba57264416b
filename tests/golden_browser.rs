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
    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        println!("skipped: chromium not installed");
        return;
    }
    if Command::new("node").arg("--version").output().is_err() {
        println!("skipped: node not installed (the recorder runs on node)");
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
