//! `mini-node lesson ID` with a real terminal on stdin (a pseudo-terminal): the student reads the
//! shuffled lines, types an order, is told right or wrong, and a right answer is remembered.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const PROMPT: &str = "In which order does node print them?";
const SHUFFLED: &str = "The snippet prints these lines, shuffled:";

/// A pseudo-terminal: (master, slave).
fn pty() -> (File, OwnedFd) {
    let (mut master, mut slave) = (0, 0);
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(rc, 0, "openpty");
    unsafe { (File::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

/// Wait (generously) until `buffer` holds `needle` `count` times.
fn wait_for(buffer: &Arc<Mutex<String>>, needle: &str, count: usize) -> String {
    let start = Instant::now();
    loop {
        let text = buffer.lock().unwrap().clone();
        if text.matches(needle).count() >= count {
            return text;
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "no {needle:?} after 120 s:\n{text}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The shuffled lines shown before the `n`-th prompt.
fn shown_lines(text: &str, n: usize) -> Vec<String> {
    let block = text.split(SHUFFLED).nth(n).expect("a shuffled block");
    block
        .lines()
        .map(str::trim)
        .take_while(|l| !l.starts_with(PROMPT))
        .filter_map(|l| l.split_once(". ").map(|(_, s)| s.to_string()))
        .collect()
}

fn golden(path: &str) -> Vec<String> {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Play lesson `id` answering each quiz with `order(shown, golden)`; returns the output and the
/// progress JSON of the lessons afterwards.
fn play(
    id: &str,
    goldens: &[&str],
    order: impl Fn(&[String], &[String]) -> String,
) -> (String, serde_json::Value) {
    let data = tempfile::tempdir().unwrap();
    let (mut master, slave) = pty();
    let mut child = Command::new(env!("CARGO_BIN_EXE_mini-node"))
        .args(["--color", "never", "lesson", id])
        .env("MINI_NODE_DATA_DIR", data.path())
        .stdin(Stdio::from(slave))
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let buffer = Arc::new(Mutex::new(String::new()));
    let mut stdout = child.stdout.take().unwrap();
    let reader = {
        let buffer = buffer.clone();
        std::thread::spawn(move || {
            let mut chunk = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                buffer
                    .lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&chunk[..n]));
            }
        })
    };
    for (n, golden_path) in goldens.iter().enumerate() {
        let text = wait_for(&buffer, PROMPT, n + 1);
        let shown = shown_lines(&text, n + 1);
        let answer = golden(golden_path);
        assert_eq!(shown.len(), answer.len(), "{text}");
        writeln!(master, "{}", order(&shown, &answer)).unwrap();
    }
    let status = child.wait().unwrap();
    reader.join().unwrap();
    assert!(status.success());
    let out = buffer.lock().unwrap().clone();
    let json = Command::new(env!("CARGO_BIN_EXE_mini-node"))
        .args(["lessons", "--json"])
        .env("MINI_NODE_DATA_DIR", data.path())
        .output()
        .unwrap();
    (out, serde_json::from_slice(&json.stdout).unwrap())
}

/// The 1-based positions in `shown` of `want`, in order.
fn positions(shown: &[String], want: &[String]) -> String {
    let mut used = vec![false; shown.len()];
    want.iter()
        .map(|w| {
            let i = (0..shown.len())
                .find(|&i| !used[i] && &shown[i] == w)
                .expect("every answer line is shown");
            used[i] = true;
            (i + 1).to_string()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_right_order_is_right_and_remembered() {
    let (out, json) = play("fork", &["lessons/01-fork/quiz1.node.out"], positions);
    assert!(out.contains("✔ Right!"), "{out}");
    let fork = &json[0];
    assert_eq!(fork["read"], true);
    assert_eq!(fork["quizzes_right"], 1);
    assert_eq!(fork["completed"], true);
}

#[test]
fn a_wrong_order_is_wrong_and_shows_the_engines_answer() {
    let reversed = |shown: &[String], answer: &[String]| {
        let mut want = answer.to_vec();
        want.reverse();
        positions(shown, &want)
    };
    let (out, json) = play(
        "event-loop-phases",
        &[
            "lessons/04-event-loop-phases/quiz1.node.out",
            "lessons/04-event-loop-phases/quiz2.node.out",
        ],
        reversed,
    );
    assert_eq!(out.matches("✘ Not quite.").count(), 2, "{out}");
    let answer = golden("lessons/04-event-loop-phases/quiz2.node.out");
    let numbered: Vec<String> = answer
        .iter()
        .enumerate()
        .map(|(i, l)| format!("  {}. {l}", i + 1))
        .collect();
    assert!(
        out.contains(&format!(
            "The answer, computed now by mini-node's event loop:\n{}",
            numbered.join("\n")
        )),
        "{out}"
    );
    let phases = &json[3];
    assert_eq!(phases["read"], true);
    assert_eq!(phases["quizzes_right"], 0);
}
