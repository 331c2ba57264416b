//! The differential fuzzer's judge: runs one program under real node and under mini-node and says
//! whether they agree, and if not, what kind of difference it is.
//!
//! A deterministic program is run twice by node and once by `mini-node run` (the binary, as a user
//! runs it) and compared byte for byte: stdout, stderr and the exit code. If node's two runs differ
//! the program was racy after all, and it is judged as a racy one. A racy program is run many times
//! by node, and every distinct thing node printed must be one of the orders `--explore` lists
//! (asked in-process, where each order's stdout and stderr stay apart). It writes only inside the
//! program's own directory and judges nothing about what the program means.

use std::ffi::OsStr;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use mini_node::eventloop::{self, RunOptions, Stream};

use super::gen::Program;
use super::harness;

/// What one run printed, and how it ended (`-1`: killed, or hung past the harness's timeout).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Printed {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Printed {
    fn of(ran: &harness::Ran) -> Printed {
        Printed {
            stdout: ran.stdout.clone(),
            stderr: ran.stderr.clone(),
            code: if ran.timed_out {
                -1
            } else {
                ran.code.unwrap_or(-1)
            },
        }
    }

    /// Everything as one text, for a report.
    pub fn show(&self) -> String {
        let mut s = String::new();
        s.push_str(&self.stdout);
        if !self.stderr.is_empty() {
            s.push_str("[stderr]\n");
            s.push_str(&self.stderr);
        }
        s.push_str(&format!("[exit code {}]\n", self.code));
        s
    }
}

/// The kinds of difference, in the order a report lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// mini-node hung, was killed, or panicked.
    Crash,
    /// A deterministic program: stdout differs.
    Stdout,
    /// A deterministic program: same stdout, another exit code.
    ExitCode,
    /// Same stdout and code, stderr differs beyond its stack frames.
    Stderr,
    /// Only stack-frame lines (`    at ...`) differ.
    StackFrames,
    /// A racy program: node printed an order `--explore` does not list.
    MissingOrder,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Crash => "mini-node crashed or hung",
            Kind::Stdout => "stdout differs",
            Kind::ExitCode => "exit code differs",
            Kind::Stderr => "stderr differs",
            Kind::StackFrames => "stack frames differ",
            Kind::MissingOrder => "an order node printed is missing from --explore",
        }
    }
}

/// How a program was judged.
#[derive(Debug, Clone)]
pub enum Verdict {
    /// Deterministic, and byte for byte what node printed.
    Identical,
    /// Racy (by generation, or because node's runs differed): every order node printed in its
    /// runs is among `--explore`'s.
    WithinOrders {
        node_orders: usize,
        generated_racy: bool,
    },
    /// Generated deterministic, but node's two runs differed, and not compared.
    NodeVaried,
    Differs {
        kind: Kind,
        /// Compared as racy although generated deterministic (node's runs differed).
        generated_racy: bool,
        racy: bool,
        report: String,
    },
}

impl Verdict {
    pub fn kind(&self) -> Option<Kind> {
        match self {
            Verdict::Differs { kind, .. } => Some(*kind),
            _ => None,
        }
    }
}

/// Where and with what the programs run.
pub struct Runner {
    pub mini_node: PathBuf,
    pub node: PathBuf,
    /// Each program gets a directory under this one.
    pub work: PathBuf,
    /// How many times node runs a racy program (at most: it stops at an order --explore lacks).
    pub node_runs: usize,
    /// A program generated deterministic on which node's runs differ is compared as a racy one;
    /// when false it is only counted ([`Verdict::NodeVaried`]), as under `cargo test`, whose
    /// verdicts must not depend on how busy the machine is.
    pub compare_varied: bool,
}

impl Runner {
    /// Judge `program`, run from `dir` (created, and emptied first).
    pub fn judge(&self, program: &Program, dir: &Path) -> Verdict {
        let _ = std::fs::remove_dir_all(dir);
        std::fs::create_dir_all(dir)
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
        let file = dir.join("prog.js");
        let source = program.render();
        std::fs::write(&file, &source)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", file.display()));
        let first = self.node_once(&file, dir);
        if !program.racy {
            let second = self.node_once(&file, dir);
            if first == second {
                let ran =
                    harness::run(&self.mini_node, &[OsStr::new("run"), file.as_os_str()], dir)
                        .unwrap_or_else(|e| panic!("{e}"));
                return judge_exact(&first, &Printed::of(&ran));
            }
            if !self.compare_varied {
                return Verdict::NodeVaried;
            }
            return self.judge_racy(&file, dir, &source, vec![first, second], false);
        }
        self.judge_racy(&file, dir, &source, vec![first], true)
    }

    fn node_once(&self, file: &Path, dir: &Path) -> Printed {
        let ran =
            harness::run(&self.node, &[file.as_os_str()], dir).unwrap_or_else(|e| panic!("{e}"));
        Printed::of(&ran)
    }

    fn judge_racy(
        &self,
        file: &Path,
        dir: &Path,
        source: &str,
        mut seen: Vec<Printed>,
        generated_racy: bool,
    ) -> Verdict {
        let explored = match explore(source, file) {
            Ok(orders) => orders,
            Err(why) => {
                return Verdict::Differs {
                    kind: Kind::Crash,
                    generated_racy,
                    racy: true,
                    report: format!("--explore failed: {why}\n"),
                }
            }
        };
        // node runs until it has run `node_runs` times or printed an order --explore lacks
        let mut i = 0;
        let missing = loop {
            if i == seen.len() {
                if seen.len() >= self.node_runs {
                    break None;
                }
                seen.push(self.node_once(file, dir));
            }
            if !explored.contains(&seen[i]) {
                break Some(seen[i].clone());
            }
            i += 1;
        };
        let Some(printed) = missing else {
            let distinct: std::collections::BTreeSet<&Printed> = seen.iter().collect();
            return Verdict::WithinOrders {
                node_orders: distinct.len(),
                generated_racy,
            };
        };
        // the closest explored order says what kind of difference this is
        let closeness = |k: Kind| match k {
            Kind::StackFrames => 0,
            Kind::Stderr => 1,
            Kind::ExitCode => 2,
            _ => 3,
        };
        let kind = if explored.iter().any(|e| e.code == -1) {
            Kind::Crash
        } else {
            explored
                .iter()
                .filter_map(|e| judge_exact(&printed, e).kind())
                .filter(|k| closeness(*k) < 3)
                .min_by_key(|k| closeness(*k))
                .unwrap_or(Kind::MissingOrder)
        };
        let mut report = format!(
            "node's run {} of at most {} printed this, and --explore does not list it:\n{}",
            i + 1,
            self.node_runs,
            indent(&printed.show())
        );
        for (k, e) in explored.iter().enumerate() {
            report.push_str(&format!(
                "--explore's order {} of {}:\n{}",
                k + 1,
                explored.len(),
                indent(&e.show())
            ));
        }
        Verdict::Differs {
            kind,
            generated_racy,
            racy: true,
            report,
        }
    }
}

/// Byte for byte: node's `want` against mini-node's `got`.
fn judge_exact(want: &Printed, got: &Printed) -> Verdict {
    if want == got {
        return Verdict::Identical;
    }
    let kind = if got.code == -1 {
        Kind::Crash
    } else if want.stdout != got.stdout {
        Kind::Stdout
    } else if want.code != got.code {
        Kind::ExitCode
    } else if harness::strip_stack_frames(&want.stderr) != harness::strip_stack_frames(&got.stderr)
    {
        Kind::Stderr
    } else {
        Kind::StackFrames
    };
    let mut report = String::new();
    if want.code != got.code {
        report.push_str(&format!(
            "exit code: node {}, mini-node {}\n",
            want.code, got.code
        ));
    }
    if want.stdout != got.stdout {
        report.push_str("stdout (- node, + mini-node):\n");
        report.push_str(&harness::diff(&want.stdout, &got.stdout));
    }
    if want.stderr != got.stderr {
        report.push_str("stderr (- node, + mini-node):\n");
        report.push_str(&harness::diff(&want.stderr, &got.stderr));
    }
    Verdict::Differs {
        kind,
        generated_racy: false,
        racy: false,
        report,
    }
}

/// `--explore`'s orders, each as what it prints; a panic in the engine is an error.
fn explore(source: &str, file: &Path) -> Result<Vec<Printed>, String> {
    let mut opts = RunOptions::new(file);
    opts.record = false;
    let branches = catch_unwind(AssertUnwindSafe(|| eventloop::explore(source, &opts)))
        .map_err(|p| {
            p.downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "a panic".to_string())
        })?
        .map_err(|e| e.to_string())?;
    Ok(branches
        .iter()
        .map(|b| {
            let mut p = Printed {
                stdout: String::new(),
                stderr: String::new(),
                code: b.outcome.exit_code,
            };
            // the outcome keeps whole lines (the programs end every line they print)
            for (stream, line) in &b.outcome.output {
                let text = match stream {
                    Stream::Stdout => &mut p.stdout,
                    Stream::Stderr => &mut p.stderr,
                };
                text.push_str(line);
                text.push('\n');
            }
            p
        })
        .collect())
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("    {l}\n")).collect()
}
