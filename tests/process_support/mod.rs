//! Shared helpers of the process tests: run the real `mini-node` binary, follow its output line by
//! line, speak plain HTTP/1.1 to it, and look processes up in /proc.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Generous: the machine may be loaded.
pub const TIMEOUT: Duration = Duration::from_secs(30);

pub struct Demo {
    pub child: Child,
    lines: mpsc::Receiver<String>,
    pub seen: Vec<String>,
}

impl Demo {
    /// Start `mini-node ARGS` with extra environment, plain output.
    pub fn start(args: &[&str], env: &[(&str, &str)]) -> Demo {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_mini-node"));
        cmd.args(args)
            .env("NO_COLOR", "1")
            .env_remove("NODE_CLUSTER_SCHED_POLICY")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("mini-node starts");
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Demo {
            child,
            lines,
            seen: Vec::new(),
        }
    }

    /// Wait for a line containing `needle`; returns it. Panics (with everything seen) on timeout.
    pub fn wait_for(&mut self, needle: &str) -> String {
        self.wait_for_match(|l| l.contains(needle), needle)
    }

    pub fn wait_for_match(&mut self, pred: impl Fn(&str) -> bool, what: &str) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if pred(&line) {
                        return line;
                    }
                }
                Err(_) => panic!(
                    "no line with {what:?} within {TIMEOUT:?}; output so far:\n{}",
                    self.seen.join("\n")
                ),
            }
        }
    }

    /// Read the rest of the output until the process closes it.
    pub fn drain(&mut self) -> Vec<String> {
        while let Ok(line) = self.lines.recv_timeout(TIMEOUT) {
            self.seen.push(line);
        }
        self.seen.clone()
    }

    /// The `host:port` from the first `http://...` in a line.
    pub fn addr_in(line: &str) -> String {
        let start = line.find("http://").expect("an address") + 7;
        line[start..]
            .split(|c: char| c.is_whitespace() || c == ',' || c == '/')
            .next()
            .unwrap()
            .to_string()
    }

    pub fn signal(&self, signal: i32) {
        // SAFETY: kill(2) on the pid of our own child.
        unsafe { libc::kill(self.child.id() as i32, signal) };
    }

    /// Wait for the process to end, with a timeout; returns its status.
    pub fn wait(&mut self) -> std::process::ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("mini-node did not stop; output:\n{}", self.seen.join("\n"));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn stderr(&mut self) -> String {
        let mut s = String::new();
        if let Some(mut e) = self.child.stderr.take() {
            let _ = e.read_to_string(&mut s);
        }
        s
    }
}

impl Drop for Demo {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A plain HTTP/1.1 response.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// `GET path` on a fresh connection (`Connection: close`).
pub fn get(addr: &str, path: &str) -> Reply {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = String::new();
    stream.read_to_string(&mut raw).expect("a response");
    let (head, body) = raw.split_once("\r\n\r\n").expect("a full response");
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let chunked = headers.iter().any(|(k, v)| {
        k.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked")
    });
    Reply {
        status,
        headers,
        body: if chunked {
            dechunk(body)
        } else {
            body.to_string()
        },
    }
}

/// The body of a `Transfer-Encoding: chunked` response (`res.writeHead(200); res.end(s)`).
fn dechunk(mut raw: &str) -> String {
    let mut body = String::new();
    while let Some((size, rest)) = raw.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).expect("a chunk size");
        if n == 0 {
            break;
        }
        body.push_str(&rest[..n]);
        raw = rest[n..].trim_start_matches("\r\n");
    }
    body
}

/// Every number following `pid ` or `child ` in the lines: the pids the demo reported.
pub fn reported_pids(lines: &[String], parent: u32) -> Vec<u32> {
    let mut pids = Vec::new();
    for line in lines {
        let words: Vec<&str> = line.split_whitespace().collect();
        for pair in words.windows(2) {
            if pair[0] == "(pid" || pair[0] == "child" {
                if let Ok(pid) = pair[1].trim_end_matches([')', ':']).parse::<u32>() {
                    if pid != parent && !pids.contains(&pid) {
                        pids.push(pid);
                    }
                }
            }
        }
    }
    pids
}

/// The process's state letter from /proc (R, S, Z ...), or None when it is gone.
pub fn state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = stat.rsplit_once(')')?.1;
    after.trim_start().chars().next()
}

/// The children of `pid`, from /proc/PID/task/*/children.
pub fn children_of(pid: u32) -> Vec<u32> {
    let mut out = Vec::new();
    if let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) {
        for task in tasks.flatten() {
            if let Ok(list) = std::fs::read_to_string(task.path().join("children")) {
                out.extend(
                    list.split_whitespace()
                        .filter_map(|p| p.parse::<u32>().ok()),
                );
            }
        }
    }
    out
}

/// Wait until none of `pids` is running any more. With `allow_zombie`, a zombie counts as gone
/// (after a SIGKILL of the parent, its children are re-parented and reaped by init, which may be
/// slow in a container); without it, every pid must have disappeared (reaped by mini-node itself).
pub fn assert_all_gone(pids: &[u32], allow_zombie: bool, context: &[String]) {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let alive: Vec<(u32, char)> = pids
            .iter()
            .filter_map(|&p| state(p).map(|s| (p, s)))
            .filter(|(_, s)| !(allow_zombie && *s == 'Z'))
            .collect();
        if alive.is_empty() {
            return;
        }
        if Instant::now() > deadline {
            panic!(
                "processes left behind: {alive:?}\noutput:\n{}",
                context.join("\n")
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A process's command line, one argument per item (empty when it is gone or a zombie).
pub fn cmdline(pid: u32) -> Vec<String> {
    std::fs::read(format!("/proc/{pid}/cmdline"))
        .unwrap_or_default()
        .split(|&b| b == 0)
        .filter(|a| !a.is_empty())
        .map(|a| String::from_utf8_lossy(a).into_owned())
        .collect()
}
