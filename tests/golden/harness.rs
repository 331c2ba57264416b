//! Shared by the golden-corpus tests (`tests/golden_node.rs`, `tests/explore_node.rs`): reading the
//! corpus under `tests/golden/`, running a program on a snippet with a timeout, undoing the
//! placeholders of the recorded goldens, and printing a readable line diff.
//!
//! It knows nothing about what the engine does: it only runs processes and compares text. The
//! goldens themselves are written by `tests/golden/record.sh` from real node v20.
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long one snippet may run before it counts as a hang.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// The placeholder for the snippet's absolute directory in recorded text.
pub const DIR: &str = "<DIR>";
/// The placeholder for the process id in node's warning prefix `(node:<PID>)`.
pub const PID: &str = "<PID>";
/// The placeholder for an ephemeral port in node's reports (`address already in use :::<PORT>`,
/// `  port: <PORT>`), where a program cannot leave it out.
pub const PORT: &str = "<PORT>";

/// `tests/golden/<sub>` in this checkout.
pub fn corpus_dir(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("golden")
        .join(sub)
}

/// The `.js` files of a corpus directory, sorted by name.
pub fn snippets(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read the corpus directory {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "js"))
        .collect();
    files.sort();
    files
}

/// The snippet's name: its file name without `.js`.
pub fn name_of(file: &Path) -> String {
    file.file_stem()
        .expect("snippet file name")
        .to_string_lossy()
        .into_owned()
}

/// A sibling file of the snippet with another extension, if it exists.
pub fn sibling(file: &Path, ext: &str) -> Option<String> {
    let path = file.with_extension(ext);
    path.exists().then(|| {
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    })
}

/// The goldens recorded for a snippet of `tests/golden/node/`.
#[derive(Debug, Clone)]
pub struct Golden {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Golden {
    pub fn load(file: &Path) -> Golden {
        let stdout = sibling(file, "out").unwrap_or_else(|| {
            panic!(
                "{} has no .out golden; record it with tests/golden/record.sh",
                file.display()
            )
        });
        let stderr = sibling(file, "err").unwrap_or_default();
        let code = sibling(file, "code")
            .map(|c| {
                c.trim()
                    .parse()
                    .unwrap_or_else(|_| panic!("{}: bad .code file {c:?}", file.display()))
            })
            .unwrap_or(0);
        Golden {
            stdout,
            stderr,
            code,
        }
    }

    /// The goldens with `<DIR>` and `<PID>` replaced by this run's values.
    pub fn resolved(&self, dir: &Path, pid: u32) -> Golden {
        let fill = |s: &str| {
            s.replace(DIR, &dir.to_string_lossy())
                .replace(PID, &pid.to_string())
        };
        Golden {
            stdout: fill(&self.stdout),
            stderr: fill(&self.stderr),
            code: self.code,
        }
    }
}

/// What one run of a program printed.
#[derive(Debug, Clone)]
pub struct Ran {
    pub stdout: String,
    pub stderr: String,
    /// The exit code, or `None` when killed by a signal.
    pub code: Option<i32>,
    pub timed_out: bool,
    pub pid: u32,
    pub elapsed: Duration,
}

impl Ran {
    pub fn code_text(&self) -> String {
        match (self.timed_out, self.code) {
            (true, _) => format!("killed after the {}s timeout (a hang)", TIMEOUT.as_secs()),
            (false, Some(c)) => c.to_string(),
            (false, None) => "killed by a signal".to_string(),
        }
    }
}

/// Run `program args...` in `cwd` with NO_COLOR=1, stdin closed, and a timeout after which the
/// process is killed (so a hang fails the test instead of blocking it).
pub fn run(program: &Path, args: &[&std::ffi::OsStr], cwd: &Path) -> Result<Ran, String> {
    let started = Instant::now();
    let mut child = Command::new(program)
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env_remove("FORCE_COLOR")
        .env_remove("NODE_OPTIONS")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", program.display()))?;
    let pid = child.id();
    let mut out_pipe = child.stdout.take().expect("stdout pipe");
    let mut err_pipe = child.stderr.take().expect("stderr pipe");
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out_pipe.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err_pipe.read_to_end(&mut buf);
        buf
    });
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > TIMEOUT => {
                timed_out = true;
                let _ = child.kill();
                break child.wait().map_err(|e| format!("wait: {e}"))?;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(format!("wait: {e}")),
        }
    };
    let stdout = String::from_utf8_lossy(&out_reader.join().expect("stdout reader")).into_owned();
    let stderr = String::from_utf8_lossy(&err_reader.join().expect("stderr reader")).into_owned();
    Ok(Ran {
        stdout,
        stderr,
        code: status.code(),
        timed_out,
        pid,
        elapsed: started.elapsed(),
    })
}

/// `f` over `items` on `workers` threads; results in input order.
pub fn par_map<T: Sync, R: Send>(
    items: &[T],
    workers: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..workers.max(1) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= items.len() {
                    break;
                }
                let r = f(&items[i]);
                results.lock().expect("results lock")[i] = Some(r);
            });
        }
    });
    results
        .into_inner()
        .expect("results lock")
        .into_iter()
        .map(|r| r.expect("every item ran"))
        .collect()
}

/// Remove stack-frame lines (`    at ...`, at any indentation) from stderr text. A frame line that
/// ends an error's frames and opens its property block (`    at ... {`) leaves its ` {` on the
/// line before, so `Error: x\n    at f (a.js:1:1) {\n  code: 'E'\n}` and an engine printing
/// different (or no) frames compare equal as `Error: x {\n  code: 'E'\n}`.
pub fn strip_stack_frames(text: &str) -> String {
    let mut kept: Vec<String> = Vec::new();
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let is_frame =
            body.starts_with(char::is_whitespace) && body.trim_start().starts_with("at ");
        if !is_frame {
            kept.push(line.to_string());
            continue;
        }
        if body.ends_with(" {") {
            if let Some(last) = kept.last_mut() {
                let had_newline = last.ends_with('\n');
                let mut joined = last.trim_end_matches('\n').to_string();
                if !joined.ends_with(" {") {
                    joined.push_str(" {");
                }
                if had_newline {
                    joined.push('\n');
                }
                *last = joined;
            }
        }
    }
    kept.concat()
}

/// A line diff of `expected` against `got`: `  ` common, `- ` only expected, `+ ` only got.
/// Invisible differences are made visible: a missing final newline is marked.
pub fn diff(expected: &str, got: &str) -> String {
    let a: Vec<&str> = expected.split('\n').collect();
    let b: Vec<&str> = got.split('\n').collect();
    // Longest common subsequence table (outputs are small).
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
    let mut out = String::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push_str(&format!("    {}\n", a[i]));
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push_str(&format!("  + {}\n", b[j]));
            j += 1;
        } else {
            out.push_str(&format!("  - {}\n", a[i]));
            i += 1;
        }
    }
    if expected.ends_with('\n') != got.ends_with('\n') {
        out.push_str("  (the final newline differs)\n");
    }
    out
}

/// `node --version` if node v20 is on PATH, or why the node checks must be skipped.
pub fn node_v20() -> Result<String, String> {
    let out = Command::new("node")
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .map_err(|_| "node not on PATH".to_string())?;
    let version = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if !out.status.success() {
        return Err("node not on PATH (node --version failed)".to_string());
    }
    if !version.starts_with("v20.") {
        return Err(format!(
            "node on PATH is {version}, the goldens are recorded with node v20"
        ));
    }
    Ok(version)
}

/// The full path of `node` on PATH.
pub fn node_path() -> PathBuf {
    std::env::var_os("PATH")
        .and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|p| p.join("node"))
                .find(|p| p.is_file())
        })
        .unwrap_or_else(|| PathBuf::from("node"))
}

/// `text` with the ports of node's network error reports replaced by [`PORT`], as
/// `tests/golden/record.sh` writes them: the digits after the last `:` of the address that
/// follows `address already in use `, and the value of a `  port: ` property line.
pub fn normalise_ports(text: &str) -> String {
    const IN_USE: &str = "address already in use ";
    const PROP: &str = "  port: ";
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(PROP) {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0 {
                out.push_str(PROP);
                out.push_str(PORT);
                out.push_str(&rest[digits..]);
                continue;
            }
        }
        if let Some(at) = line.find(IN_USE) {
            let start = at + IN_USE.len();
            let len = line[start..]
                .find(|c: char| c.is_whitespace())
                .unwrap_or(line.len() - start);
            let token = &line[start..start + len];
            if let Some(colon) = token.rfind(':') {
                let port = &token[colon + 1..];
                if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) {
                    out.push_str(&line[..start + colon + 1]);
                    out.push_str(PORT);
                    out.push_str(&line[start + len..]);
                    continue;
                }
            }
        }
        out.push_str(line);
    }
    out
}

/// How many snippets to run at once: enough to keep a loaded 2-core machine busy, not more.
pub fn workers() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get().clamp(2, 4))
        .unwrap_or(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_are_stripped_and_property_block_kept() {
        let node =
            "Error: x\n    at a (f.js:1:1)\n    at b (node:internal/x:2:3) {\n  code: 'E'\n}\n";
        let other = "Error: x\n    at <anonymous> (f.js:1) {\n  code: 'E'\n}\n";
        let none = "Error: x {\n  code: 'E'\n}\n";
        assert_eq!(strip_stack_frames(node), "Error: x {\n  code: 'E'\n}\n");
        assert_eq!(strip_stack_frames(other), strip_stack_frames(node));
        assert_eq!(strip_stack_frames(none), strip_stack_frames(node));
        assert_eq!(
            strip_stack_frames("{\n  e: Error: y\n      at z (f.js:2:2)\n}\n"),
            "{\n  e: Error: y\n}\n"
        );
    }

    #[test]
    fn ports_of_network_reports_are_normalised() {
        let node = "Error: listen EADDRINUSE: address already in use :::41401\n    at x {\n  port: 41401\n}\n";
        assert_eq!(
            normalise_ports(node),
            "Error: listen EADDRINUSE: address already in use :::<PORT>\n    at x {\n  port: <PORT>\n}\n"
        );
        let v4 = "listen EADDRINUSE: address already in use 127.0.0.1:8080 now";
        assert_eq!(
            normalise_ports(v4),
            "listen EADDRINUSE: address already in use 127.0.0.1:<PORT> now"
        );
        assert_eq!(
            normalise_ports("port: 5\n  other: 1\n"),
            "port: 5\n  other: 1\n"
        );
    }

    #[test]
    fn diff_marks_both_sides() {
        let d = diff("a\nb\nc\n", "a\nc\nd\n");
        assert!(d.contains("  - b\n"), "{d}");
        assert!(d.contains("  + d\n"), "{d}");
        assert!(d.contains("    a\n"), "{d}");
    }
}
