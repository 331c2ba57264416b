//! `mini-node run --explore` against the orders real node was seen to produce.
//!
//! Each racy snippet under `tests/golden/explore/` has a `NAME.orders` file: the SET of distinct
//! stdouts node printed over hundreds of runs on the recording machine (`tests/golden/record.sh`),
//! separated by lines `---`. `--explore` prints blocks, each a header `=== order K of N: <reason>`
//! followed by that order's output; the set of blocks must equal the recorded set, no more, no less.
//! For deterministic snippets of the node corpus, `--explore` must print exactly one block, equal to
//! the golden stdout.

#[path = "golden/harness.rs"]
mod harness;

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

fn mini_node() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_mini-node"))
}

/// One block of `--explore` output.
#[derive(Debug)]
struct Block {
    k: usize,
    n: usize,
    reason: String,
    output: String,
}

/// Parse `--explore` output into blocks; an error names the offending line.
fn parse_blocks(text: &str) -> Result<Vec<Block>, String> {
    let mut blocks: Vec<Block> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if let Some(rest) = line.strip_prefix("=== order ") {
            let (nums, reason) = rest
                .split_once(": ")
                .ok_or_else(|| format!("line {}: header without `: <reason>`: {line:?}", i + 1))?;
            let (k, n) = nums
                .split_once(" of ")
                .ok_or_else(|| format!("line {}: header without `K of N`: {line:?}", i + 1))?;
            let parse = |s: &str| {
                s.trim()
                    .parse::<usize>()
                    .map_err(|_| format!("line {}: {s:?} is not a number in {line:?}", i + 1))
            };
            blocks.push(Block {
                k: parse(k)?,
                n: parse(n)?,
                reason: reason.trim().to_string(),
                output: String::new(),
            });
        } else {
            let block = blocks.last_mut().ok_or_else(|| {
                format!(
                    "line {}: output before the first `=== order` header: {line:?}",
                    i + 1
                )
            })?;
            block.output.push_str(line);
            block.output.push('\n');
        }
    }
    if blocks.is_empty() {
        return Err("no `=== order K of N: <reason>` block at all".to_string());
    }
    let n = blocks.len();
    for (i, b) in blocks.iter().enumerate() {
        if b.k != i + 1 || b.n != n {
            return Err(format!(
                "block {} says `order {} of {}`, expected `order {} of {n}`",
                i + 1,
                b.k,
                b.n,
                i + 1
            ));
        }
        if b.reason.is_empty() {
            return Err(format!("block {} has an empty reason", i + 1));
        }
    }
    Ok(blocks)
}

/// Parse a `.orders` file: outputs separated by lines `---`.
fn parse_orders(text: &str) -> BTreeSet<String> {
    let mut orders = BTreeSet::new();
    let mut current = String::new();
    for line in text.lines() {
        if line == "---" {
            orders.insert(std::mem::take(&mut current));
        } else {
            current.push_str(line);
            current.push('\n');
        }
    }
    orders.insert(current);
    orders
}

fn explore(file: &Path, dir: &Path) -> Result<Vec<Block>, String> {
    let ran = harness::run(
        &mini_node(),
        &[OsStr::new("run"), OsStr::new("--explore"), file.as_os_str()],
        dir,
    )?;
    if ran.timed_out || ran.code != Some(0) {
        return Err(format!(
            "exit code {} (expected 0); stderr:\n{}",
            ran.code_text(),
            ran.stderr
        ));
    }
    parse_blocks(&ran.stdout).map_err(|e| format!("{e}\nfull output:\n{}", ran.stdout))
}

fn show(set: &BTreeSet<String>) -> String {
    set.iter()
        .map(|o| {
            o.lines()
                .map(|l| format!("      {l}\n"))
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("      ---\n")
}

#[test]
fn explore_finds_exactly_the_orders_node_shows() {
    let dir = harness::corpus_dir("explore");
    let files: Vec<PathBuf> = harness::snippets(&dir);
    assert!(
        files.len() >= 3,
        "at least 3 racy snippets wanted under {}",
        dir.display()
    );
    let reports = harness::par_map(&files, harness::workers(), |file| {
        let name = harness::name_of(file);
        let recorded = harness::sibling(file, "orders")
            .map(|t| parse_orders(&t.replace(harness::DIR, &dir.to_string_lossy())))
            .unwrap_or_default();
        if recorded.len() < 2 {
            return Some(format!(
                "--- {name}: {name}.orders must hold at least two orders seen with node"
            ));
        }
        match explore(file, &dir) {
            Err(e) => Some(format!("--- {name}: {e}")),
            Ok(blocks) => {
                let got: BTreeSet<String> = blocks.iter().map(|b| b.output.clone()).collect();
                if got.len() != blocks.len() {
                    return Some(format!(
                        "--- {name}: {} blocks but only {} distinct orders (each order once)",
                        blocks.len(),
                        got.len()
                    ));
                }
                if got == recorded {
                    return None;
                }
                let missing: BTreeSet<String> = recorded.difference(&got).cloned().collect();
                let extra: BTreeSet<String> = got.difference(&recorded).cloned().collect();
                let mut r = format!("--- {name}:\n");
                if !missing.is_empty() {
                    r.push_str(&format!(
                        "    orders node shows that --explore missed:\n{}",
                        show(&missing)
                    ));
                }
                if !extra.is_empty() {
                    r.push_str(&format!(
                        "    orders --explore printed that node never showed:\n{}",
                        show(&extra)
                    ));
                }
                Some(r)
            }
        }
    });
    let failures: Vec<String> = reports.into_iter().flatten().collect();
    assert!(
        failures.is_empty(),
        "`mini-node run --explore` differs from node's observed orders on {} of {} snippets:\n\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

#[test]
fn explore_of_deterministic_snippet_prints_one_block() {
    let dir = harness::corpus_dir("node");
    let names = [
        "drain-classic-interview",
        "phases-timeout-io-immediate",
        "micro-interleaved-deep",
        "timers-duration-lists",
        "async-await-thenable",
        "immediate-queued-in-check",
    ];
    let files: Vec<PathBuf> = names.iter().map(|n| dir.join(format!("{n}.js"))).collect();
    let reports = harness::par_map(&files, harness::workers(), |file| {
        let name = harness::name_of(file);
        let golden = harness::Golden::load(file);
        match explore(file, &dir) {
            Err(e) => Some(format!("--- {name}: {e}")),
            Ok(blocks) if blocks.len() != 1 => Some(format!(
                "--- {name}: {} blocks for a deterministic snippet, expected exactly 1",
                blocks.len()
            )),
            Ok(blocks) if blocks[0].output != golden.stdout => Some(format!(
                "--- {name}: the one block differs from node's stdout (- expected, + got):\n{}",
                harness::diff(&golden.stdout, &blocks[0].output)
            )),
            Ok(_) => None,
        }
    });
    let failures: Vec<String> = reports.into_iter().flatten().collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn block_parser_reads_headers_and_rejects_garbage() {
    let text = "=== order 1 of 2: timer expired\na\nb\n=== order 2 of 2: not yet\nb\na\n";
    let blocks = parse_blocks(text).expect("valid");
    assert_eq!(blocks.len(), 2);
    assert_eq!(blocks[0].output, "a\nb\n");
    assert_eq!(blocks[1].reason, "not yet");
    assert!(parse_blocks("a\n=== order 1 of 1: x\n").is_err());
    assert!(parse_blocks("=== order 1 of 2: x\na\n").is_err());
    assert!(parse_blocks("=== order 1 of 1:\na\n").is_err());
    assert!(parse_blocks("").is_err());
    let orders = parse_orders("a\nb\n---\nb\na\n");
    assert_eq!(orders.len(), 2);
    assert!(orders.contains("a\nb\n") && orders.contains("b\na\n"));
}

#[test]
fn every_explored_order_carries_its_own_replayable_events() {
    use mini_node::eventloop::replay::Snapshot;
    use mini_node::eventloop::{self, Event, RunOptions};
    let src = "setTimeout(() => console.log('timeout'), 0);\nsetImmediate(() => console.log('immediate'));\n";
    let opts = RunOptions::new("/tmp/race.js");
    let branches = eventloop::explore(src, &opts).unwrap();
    assert_eq!(branches.len(), 2);
    let mut firsts = Vec::new();
    for b in &branches {
        // the events are that order's run: its output, in its order, and a complete replay
        let printed: Vec<String> = b
            .events
            .iter()
            .filter_map(|e| match e {
                Event::Output { text, .. } => Some(text.trim_end().to_string()),
                _ => None,
            })
            .collect();
        let lines: Vec<String> = b.outcome.output.iter().map(|(_, l)| l.clone()).collect();
        assert_eq!(printed, lines, "{}", b.reason);
        assert!(b
            .events
            .iter()
            .any(|e| matches!(e, Event::PhaseEnter { .. })));
        let end = Snapshot::after(&b.events, b.events.len());
        assert_eq!(end.finished(), Some(0));
        assert!(end.queues.values().all(|q| q.is_empty()), "{}", b.reason);
        firsts.push(lines[0].clone());
    }
    firsts.sort();
    assert_eq!(firsts, ["immediate", "timeout"]);
    // without recording, the branches carry no events
    let mut quiet = opts.clone();
    quiet.record = false;
    let branches = eventloop::explore(src, &quiet).unwrap();
    assert_eq!(branches.len(), 2);
    assert!(branches.iter().all(|b| b.events.is_empty()));
}
