//! `mini-node tui` refuses what it cannot do with one clear line and the right exit code: no
//! terminal, a missing or binary --script file, a bad --workers.

use assert_cmd::Command;

fn tui() -> Command {
    let mut c = Command::cargo_bin("mini-node").unwrap();
    c.arg("tui");
    c
}

fn one_line(stderr: &[u8]) -> String {
    let s = String::from_utf8_lossy(stderr).into_owned();
    assert_eq!(s.trim_end().lines().count(), 1, "one line: {s:?}");
    s
}

#[test]
fn not_a_terminal_is_a_one_line_error_exit_3() {
    let out = tui().output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = one_line(&out.stderr);
    assert!(err.contains("needs a terminal"), "{err}");
    assert!(out.stdout.is_empty(), "nothing drawn on a pipe");
}

#[test]
fn a_missing_script_names_the_file() {
    let out = tui()
        .args(["--script", "/nonexistent/race.js"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = one_line(&out.stderr);
    assert!(err.contains("/nonexistent/race.js"), "{err}");
}

#[test]
fn a_binary_script_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("blob.js");
    std::fs::write(&f, [0xff, 0xfe, 0x00, 0x80]).unwrap();
    let out = tui().arg("--script").arg(&f).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = one_line(&out.stderr);
    assert!(err.contains("not a UTF-8 text file"), "{err}");
}

#[test]
fn bad_workers_and_flags_are_usage_errors() {
    // clap's usage error: its first line names the flag and the limit.
    let first_line = |stderr: &[u8]| {
        String::from_utf8_lossy(stderr)
            .lines()
            .next()
            .map(str::to_string)
    };
    let out = tui().args(["--workers", "0"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = first_line(&out.stderr).unwrap_or_default();
    assert!(err.contains("--workers must be at least 1"), "{err}");
    let out = tui().args(["--workers", "1000"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = first_line(&out.stderr).unwrap_or_default();
    assert!(err.contains("give at most 32"), "{err}");
    let out = tui().args(["--theme", "neon"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
