//! `--explore`: every output order real Node can produce where timing decides.
//!
//! The loop model calls [`Decider::choose`] wherever real time could change the order (a timer due
//! within 1 ms of the loop time, at the start of an iteration that would not block: had it
//! expired yet or not?). Exploring runs the script once per combination of choices, depth first,
//! and keeps each distinct output with the reasons that produced it. It prints nothing.

use super::{node, Branch, Clock, RunError, RunOptions};

/// Most runs one exploration makes, and most decisions per run it varies.
const MAX_RUNS: usize = 64;
const MAX_DEPTH: usize = 6;

/// Picks an option at each timing decision: the forced ones first, then the default (0).
#[derive(Debug, Default)]
pub struct Decider {
    active: bool,
    forced: Vec<usize>,
    /// Every decision met so far: (number of options, why the taken one happens).
    pub seen: Vec<(usize, usize, String)>,
}

impl Decider {
    fn forced(choices: Vec<usize>) -> Self {
        Decider {
            active: true,
            forced: choices,
            seen: Vec::new(),
        }
    }

    /// Exploring (decisions are recorded and may be forced)?
    pub fn active(&self) -> bool {
        self.active
    }

    /// Choose among `reasons.len()` options; option 0 is what the virtual clock does by itself.
    pub fn choose(&mut self, reasons: Vec<String>) -> usize {
        let n = reasons.len();
        if !self.active || n == 0 {
            return 0;
        }
        let i = self.seen.len();
        let c = self.forced.get(i).copied().unwrap_or(0).min(n - 1);
        let reason = reasons.into_iter().nth(c).unwrap_or_default();
        self.seen.push((n, c, reason));
        c
    }
}

pub fn explore(source: &str, opts: &RunOptions) -> Result<Vec<Branch>, RunError> {
    let mut opts = opts.clone();
    opts.clock = Clock::Virtual;
    let keep = opts.record;
    opts.record = false;
    let mut branches: Vec<Branch> = Vec::new();
    let mut stack: Vec<Vec<usize>> = vec![Vec::new()];
    let mut runs = 0;
    while let Some(prefix) = stack.pop() {
        if runs >= MAX_RUNS {
            break;
        }
        runs += 1;
        let mut d = Decider::forced(prefix.clone());
        let mut events = Vec::new();
        let outcome = node::run(
            source,
            &opts,
            &mut |e| {
                if keep {
                    events.push(e.clone())
                }
            },
            &mut d,
        )?;
        let taken: Vec<usize> = d.seen.iter().map(|s| s.1).collect();
        let mut alternatives = Vec::new();
        for i in prefix.len()..d.seen.len().min(MAX_DEPTH) {
            for alt in 1..d.seen[i].0 {
                let mut p = taken[..i].to_vec();
                p.push(alt);
                alternatives.push(p);
            }
        }
        // depth first, in the natural order of the alternatives
        stack.extend(alternatives.into_iter().rev());
        if branches.iter().any(|b| b.outcome == outcome) {
            continue;
        }
        let reason = if d.seen.is_empty() {
            "deterministic: no timer races the event loop, so every run prints this".to_string()
        } else {
            d.seen
                .iter()
                .map(|s| s.2.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        };
        branches.push(Branch {
            reason,
            outcome,
            events,
        });
    }
    Ok(branches)
}
