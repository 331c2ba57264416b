//! The differential fuzzer: random programs (`fuzz/gen.rs`) run under real node v20 and under
//! mini-node (`fuzz/check.rs`): deterministic ones compared byte for byte, racy ones as sets of
//! orders against `--explore`. A failing program is reduced to a small one (`fuzz/reduce.rs`) and
//! reported with its seed, so `FUZZ_SEED=<seed> FUZZ_COUNT=1 tests/fuzz/run.sh` reproduces it.
//!
//! `cargo test` runs a small fixed budget ([`BUDGET`] deterministic programs from seed
//! [`BUDGET_SEED`]) when node v20 is on PATH and says it skipped otherwise. `tests/fuzz/run.sh` runs thousands through
//! the ignored test [`fuzz_campaign`]. Programs are written under cargo's target tmp directory,
//! each in its own directory, removed after it passes; a failing one is kept there.

#[path = "fuzz/check.rs"]
mod check;
#[path = "fuzz/gen.rs"]
mod gen;
#[path = "golden/harness.rs"]
mod harness;
#[path = "fuzz/reduce.rs"]
mod reduce;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use check::{Kind, Runner, Verdict};
use gen::Program;

/// Programs `cargo test` runs, and the first of their seeds.
const BUDGET: u64 = 40;
const BUDGET_SEED: u64 = 1;
/// Candidates the reducer may try for one failing program under `cargo test`.
const BUDGET_REDUCE: usize = 60;
/// Node's runs of a racy candidate while reducing.
const REDUCE_NODE_RUNS: usize = 8;

/// What a batch of programs gave.
#[derive(Default)]
struct Figures {
    run: usize,
    generated_racy: usize,
    identical: usize,
    within_orders: usize,
    /// Racy programs on which node printed more than one order in its runs.
    several_orders: usize,
    /// Generated deterministic, but node's two runs differed.
    node_varied: usize,
    /// Differences by kind (for a missing order: between which sources of macrotasks, as the
    /// reduced program has them).
    differences: BTreeMap<String, usize>,
    /// One report per failing program: seed, kind, the reduced program and what differed.
    reports: Vec<String>,
}

impl Figures {
    fn summary(&self, first_seed: u64, secs: f64) -> String {
        let mut s = format!(
            "fuzz: {} programs from seed {first_seed} in {secs:.0} s ({} generated racy, {} \
             generated deterministic)\n  deterministic, identical byte for byte: {}\n  \
             compared as sets, every order node printed is among --explore's: {} (node printed \
             several orders on {})\n  generated deterministic, but node's runs differed: {}\n  \
             with a difference: {}\n",
            self.run,
            self.generated_racy,
            self.run - self.generated_racy,
            self.identical,
            self.within_orders,
            self.several_orders,
            self.node_varied,
            self.differences.values().sum::<usize>(),
        );
        for (kind, count) in &self.differences {
            s.push_str(&format!("    {kind}: {count}\n"));
        }
        s
    }
}

fn runner(node_runs: usize, compare_varied: bool) -> Runner {
    Runner {
        mini_node: PathBuf::from(env!("CARGO_BIN_EXE_mini-node")),
        node: harness::node_path(),
        work: Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz"),
        node_runs,
        compare_varied,
    }
}

/// Run the programs `make` gives for `count` seeds from `first_seed`, reducing each failing one
/// with `reduce_budget` tries.
fn campaign(
    runner: &Runner,
    make: fn(u64) -> Program,
    first_seed: u64,
    count: u64,
    reduce_budget: usize,
) -> Figures {
    let seeds: Vec<u64> = (first_seed..first_seed + count).collect();
    let done = AtomicUsize::new(0);
    let results = harness::par_map(&seeds, harness::workers(), |&seed| {
        let program = make(seed);
        let dir = runner.work.join(format!("seed-{seed}"));
        let verdict = runner.judge(&program, &dir);
        let failure = verdict
            .kind()
            .map(|kind| failure_report(runner, &program, &verdict, kind, reduce_budget));
        match &failure {
            // a long campaign shows each failure as it comes
            Some((_, report)) => eprintln!("{report}"),
            None => {
                let _ = std::fs::remove_dir_all(&dir);
            }
        }
        let n = done.fetch_add(1, Ordering::SeqCst) + 1;
        if n.is_multiple_of(100) {
            eprintln!("fuzz: {n} of {count} programs judged");
        }
        (program.racy, verdict, failure)
    });
    let mut f = Figures::default();
    for (racy, verdict, failure) in results {
        f.run += 1;
        f.generated_racy += usize::from(racy);
        match &verdict {
            Verdict::Identical => f.identical += 1,
            Verdict::NodeVaried => f.node_varied += 1,
            Verdict::WithinOrders {
                generated_racy,
                node_orders,
                ..
            } => {
                f.within_orders += 1;
                f.several_orders += usize::from(*node_orders > 1);
                f.node_varied += usize::from(!generated_racy);
            }
            Verdict::Differs {
                generated_racy,
                racy,
                ..
            } => {
                f.node_varied += usize::from(*racy && !generated_racy);
            }
        }
        if let Some((label, report)) = failure {
            *f.differences.entry(label).or_default() += 1;
            f.reports.push(report);
        }
    }
    f
}

/// Reduce a failing program (keeping the same kind of difference) and word the failure: its
/// label for the figures and its report.
fn failure_report(
    runner: &Runner,
    program: &Program,
    verdict: &Verdict,
    kind: Kind,
    budget: usize,
) -> (String, String) {
    let dir = runner.work.join(format!("seed-{}-reduce", program.seed));
    // a candidate that still fails usually shows it within a few of node's runs
    let quick = Runner {
        mini_node: runner.mini_node.clone(),
        node: runner.node.clone(),
        work: runner.work.clone(),
        node_runs: runner.node_runs.min(REDUCE_NODE_RUNS),
        compare_varied: runner.compare_varied,
    };
    let reduced = reduce::reduce(program, budget, &mut |candidate| {
        quick.judge(candidate, &dir).kind() == Some(kind)
    });
    let last = runner.judge(&reduced.program, &dir);
    let _ = std::fs::remove_dir_all(&dir);
    let kept = runner.work.join(format!("seed-{}", program.seed));
    let _ = std::fs::write(kept.join("reduced.js"), reduced.program.render());
    let detail = match (&last, verdict) {
        (Verdict::Differs { report, .. }, _) => report.clone(),
        (_, Verdict::Differs { report, .. }) => format!(
            "(the reduced program did not fail again in its last check; the original program's \
             difference:)\n{report}"
        ),
        _ => String::new(),
    };
    let label = match kind {
        Kind::MissingOrder => format!("{} ({})", kind.name(), race(&reduced.program.sources())),
        other => other.name().to_string(),
    };
    let report = format!(
        "=== seed {} ({}): {label}; reduced from {} to {} statements in {} tries (kept in {})\n{}\n{}",
        program.seed,
        if program.racy {
            "racy"
        } else {
            "deterministic"
        },
        program.size(),
        reduced.program.size(),
        reduced.tries,
        kept.display(),
        reduced.program.render(),
        detail
    );
    (label, report)
}

/// What a reduced racy program races, in a few words for the figures: fs requests, immediates,
/// timers (of different delays when they alone race), from its sources of macrotasks.
fn race(sources: &[String]) -> String {
    let fs = sources.iter().any(|s| s.starts_with("fs"));
    let immediates = sources.iter().any(|s| s == "setImmediate");
    let delays: std::collections::BTreeSet<&str> = sources
        .iter()
        .filter_map(|s| s.split_once(' ').map(|(_, d)| d))
        .filter(|d| d.ends_with("ms"))
        .collect();
    let mut parts = Vec::new();
    if fs {
        parts.push("fs requests");
    }
    if immediates {
        parts.push("immediates");
    }
    if !delays.is_empty() {
        parts.push(if fs || immediates || delays.len() == 1 {
            "timers"
        } else {
            "timers of different delays"
        });
    }
    if parts.is_empty() {
        return "no macrotasks".to_string();
    }
    format!("between {}", parts.join(" and "))
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().map(|v| {
        v.trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v:?} is not a whole number"))
    })
}

/// The fixed budget: deterministic programs, which must print byte for byte what node prints.
/// Racy ones are left to the campaigns: how often node prints each order depends on how busy the
/// machine is, and this test must give the same verdict every time.
#[test]
fn fuzz_budget_agrees_with_node() {
    if let Err(why) = harness::node_v20() {
        eprintln!("skipped: the differential fuzzer needs node v20 on PATH ({why})");
        return;
    }
    let started = Instant::now();
    let runner = runner(2, false);
    let f = campaign(
        &runner,
        Program::deterministic,
        BUDGET_SEED,
        BUDGET,
        BUDGET_REDUCE,
    );
    let summary = f.summary(BUDGET_SEED, started.elapsed().as_secs_f64());
    eprintln!("{summary}");
    assert!(
        f.reports.is_empty(),
        "{summary}\n{}\nreproduce one with FUZZ_SEED=<seed> FUZZ_COUNT=1 FUZZ_DETERMINISTIC=1 \
         tests/fuzz/run.sh",
        f.reports.join("\n")
    );
    assert!(
        f.identical + f.node_varied == f.run && f.node_varied * 10 <= f.run,
        "{summary}\nnode printed different things in its two runs of {} deterministic programs: \
         the generator makes racy programs it believes deterministic",
        f.node_varied
    );
}

/// A campaign: `FUZZ_COUNT` programs (1000) from `FUZZ_SEED` (the time, printed), node running
/// each racy one up to `FUZZ_NODE_RUNS` times (20), `FUZZ_REDUCE` tries to reduce a failure
/// (150); `FUZZ_DETERMINISTIC=1` makes every program deterministic, as the fixed budget's are.
#[test]
#[ignore = "thousands of programs: run through tests/fuzz/run.sh"]
fn fuzz_campaign() {
    if let Err(why) = harness::node_v20() {
        panic!("the differential fuzzer needs node v20 on PATH ({why})");
    }
    let seed = env_u64("FUZZ_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_secs())
    });
    let count = env_u64("FUZZ_COUNT").unwrap_or(1000);
    let node_runs = env_u64("FUZZ_NODE_RUNS").unwrap_or(20) as usize;
    let reduce_budget = env_u64("FUZZ_REDUCE").unwrap_or(150) as usize;
    let make = if env_u64("FUZZ_DETERMINISTIC").unwrap_or(0) == 1 {
        Program::deterministic
    } else {
        Program::generate
    };
    eprintln!("fuzz: {count} programs from seed {seed}");
    let started = Instant::now();
    let f = campaign(&runner(node_runs, true), make, seed, count, reduce_budget);
    let summary = f.summary(seed, started.elapsed().as_secs_f64());
    eprintln!("{summary}");
    assert!(f.reports.is_empty(), "{summary}");
}

/// Print the program of `FUZZ_SEED` (`tests/fuzz/run.sh --show SEED`).
#[test]
#[ignore = "prints one program: run through tests/fuzz/run.sh --show SEED"]
fn fuzz_show() {
    let seed = env_u64("FUZZ_SEED").expect("FUZZ_SEED names the program to show");
    let program = if env_u64("FUZZ_DETERMINISTIC").unwrap_or(0) == 1 {
        Program::deterministic(seed)
    } else {
        Program::generate(seed)
    };
    print!("{}", program.render());
}
