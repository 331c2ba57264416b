//! `--explore`: every output order real Node can produce where timing decides.
//!
//! The loop model calls [`Decide::choose`] wherever real time could change the order (a timer due
//! within 1 ms of the loop time, at the start of an iteration that would not block: had it
//! expired yet or not?). Exploring runs the script once per combination of choices, depth first,
//! and keeps each distinct output with the reasons that produced it. It knows the models only
//! through [`Explorable`], and prints nothing.

use super::{Branch, Clock, Event, Outcome, RunError, RunOptions};

/// Most runs one exploration makes, and most decisions per run it varies.
const MAX_RUNS: usize = 64;
const MAX_DEPTH: usize = 6;

/// Where timing decides, which way the run goes.
pub trait Decide {
    /// Exploring (decisions are recorded and may be forced)? When not, the model need not
    /// describe its options.
    fn active(&self) -> bool;

    /// Choose among `reasons.len()` options; option 0 is what the virtual clock does by itself.
    fn choose(&mut self, reasons: Vec<String>) -> usize;
}

/// A plain run: every decision goes the virtual clock's way.
#[derive(Debug, Default, Clone, Copy)]
pub struct ClockDecides;

impl Decide for ClockDecides {
    #[inline]
    fn active(&self) -> bool {
        false
    }

    fn choose(&mut self, _reasons: Vec<String>) -> usize {
        0
    }
}

/// A loop model that exploring can run: a run whose timing decisions `decider` takes.
pub trait Explorable {
    fn run<D: Decide>(
        source: &str,
        opts: &RunOptions,
        sink: &mut dyn FnMut(&Event),
        decider: &mut D,
    ) -> Result<Outcome, RunError>;
}

/// Picks an option at each timing decision: the forced ones first, then the default (0).
#[derive(Debug, Default)]
struct Decider {
    forced: Vec<usize>,
    /// Every decision met so far: (number of options, the option taken, why it happens).
    seen: Vec<(usize, usize, String)>,
}

impl Decider {
    fn forced(choices: Vec<usize>) -> Self {
        Decider {
            forced: choices,
            seen: Vec::new(),
        }
    }
}

impl Decide for Decider {
    fn active(&self) -> bool {
        true
    }

    fn choose(&mut self, reasons: Vec<String>) -> usize {
        let n = reasons.len();
        if n == 0 {
            return 0;
        }
        let i = self.seen.len();
        let c = self.forced.get(i).copied().unwrap_or(0).min(n - 1);
        let reason = reasons.into_iter().nth(c).unwrap_or_default();
        self.seen.push((n, c, reason));
        c
    }
}

/// Every distinct output order of `source` under model `M`, each with the reasons it happens.
pub fn explore<M: Explorable>(source: &str, opts: &RunOptions) -> Result<Vec<Branch>, RunError> {
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
        let outcome = M::run(
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
