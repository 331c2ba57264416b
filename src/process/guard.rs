//! The process guard's crash-loop protection, like pm2's: a worker that dies before
//! [`GuardPolicy::min_uptime`] is *unstable*; each unstable exit in a row doubles the wait before the
//! next re-fork (from [`GuardPolicy::base_delay`] up to [`GuardPolicy::max_delay`]); a worker that
//! lived at least `min_uptime` is stable, which resets the count and is replaced at once.
//!
//! Pure decisions with no clock and no processes, so that they are unit-tested; the cluster primary
//! applies them.

use std::time::Duration;

/// The guard's tuning. [`Default`] is what `mini-node demo cluster` uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GuardPolicy {
    /// A worker that lives less than this is unstable.
    pub min_uptime: Duration,
    /// The wait after the first unstable exit.
    pub base_delay: Duration,
    /// The longest wait.
    pub max_delay: Duration,
}

impl Default for GuardPolicy {
    fn default() -> Self {
        GuardPolicy {
            min_uptime: Duration::from_millis(1000),
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_millis(3200),
        }
    }
}

/// The guard's memory of one worker slot (a replacement takes the slot of the worker it replaces).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SlotRecord {
    /// Unstable exits in a row.
    pub unstable: u32,
    /// Replacements forked for this slot so far.
    pub restarts: u32,
}

/// What to do after an unexpected exit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// How long to wait before forking the replacement (zero: at once).
    pub delay: Duration,
    /// The decision in words, as printed.
    pub reason: String,
}

impl GuardPolicy {
    /// Decide for a worker of `slot` that exited unexpectedly after `uptime`.
    pub fn decide(&self, slot: &mut SlotRecord, uptime: Duration) -> Decision {
        slot.restarts += 1;
        if uptime >= self.min_uptime {
            let reset = if slot.unstable > 0 {
                " (back-off reset)"
            } else {
                ""
            };
            slot.unstable = 0;
            return Decision {
                delay: Duration::ZERO,
                reason: format!(
                    "up {} (stable){reset}: fork a replacement now",
                    show(uptime)
                ),
            };
        }
        slot.unstable += 1;
        let factor = 1u32 << (slot.unstable - 1).min(16);
        let delay = self.base_delay.saturating_mul(factor).min(self.max_delay);
        Decision {
            delay,
            reason: format!(
                "died after {} (< {} min uptime), unstable {} in a row: wait {} before re-forking{}",
                show(uptime),
                show(self.min_uptime),
                slot.unstable,
                show(delay),
                if delay == self.max_delay {
                    " (capped)"
                } else {
                    ""
                }
            ),
        }
    }
}

fn show(d: Duration) -> String {
    if d >= Duration::from_secs(1) {
        format!("{:.1} s", d.as_secs_f64())
    } else {
        format!("{} ms", d.as_millis())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_exits_refork_at_once() {
        let policy = GuardPolicy::default();
        let mut slot = SlotRecord::default();
        let d = policy.decide(&mut slot, Duration::from_secs(5));
        assert_eq!(d.delay, Duration::ZERO);
        assert_eq!(slot.restarts, 1);
    }

    #[test]
    fn unstable_exits_back_off_exponentially_up_to_the_cap_then_reset() {
        let policy = GuardPolicy::default();
        let mut slot = SlotRecord::default();
        let delays: Vec<u128> = (0..8)
            .map(|_| {
                policy
                    .decide(&mut slot, Duration::from_millis(30))
                    .delay
                    .as_millis()
            })
            .collect();
        assert_eq!(delays, [100, 200, 400, 800, 1600, 3200, 3200, 3200]);
        let d = policy.decide(&mut slot, Duration::from_secs(2));
        assert_eq!(d.delay, Duration::ZERO);
        assert!(d.reason.contains("reset"), "{}", d.reason);
        assert_eq!(
            policy
                .decide(&mut slot, Duration::from_millis(1))
                .delay
                .as_millis(),
            100
        );
    }
}
