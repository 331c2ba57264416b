//! Output into a pipe whose reader has gone (`mini-node man | head -1`): every command stops
//! quietly with status 0, as node does, with no panic and no "Broken pipe" error.

use std::os::fd::{FromRawFd, OwnedFd};
use std::process::{Command, Stdio};

/// A pipe whose read end is already closed: every write to the other end fails with EPIPE.
fn closed_pipe() -> OwnedFd {
    let mut fds = [0; 2];
    // SAFETY: `fds` has room for the two descriptors pipe(2) writes.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0, "pipe");
    // SAFETY: both descriptors were just created and are owned by nobody else.
    let (read, write) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    drop(read);
    write
}

fn into_closed_pipe(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mini-node"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::from(closed_pipe()))
        .stderr(Stdio::piped())
        .output()
        .expect("run mini-node");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn commands_stop_quietly_when_the_reader_of_their_output_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("many.js");
    std::fs::write(
        &script,
        "for (let i = 0; i < 5000; i++) console.log('line', i)\n",
    )
    .unwrap();
    let script = script.to_str().unwrap();
    for args in [
        &["completions", "bash"][..],
        &["completions", "zsh"],
        &["man"],
        &["lessons", "--json"],
        &["lesson", "microtasks", "--answers"],
        &["demo", "event-loop", "--example", "phases", "--delay", "0"],
        &["run", script],
    ] {
        let (code, stderr) = into_closed_pipe(args);
        assert!(
            code == 0 && stderr.is_empty(),
            "mini-node {}: exit {code}, stderr: {stderr}",
            args.join(" ")
        );
    }
}
