//! The process guard's crash-loop protection, like pm2's: a worker that dies before
//! [`GuardPolicy::min_uptime`] is *unstable*; each unstable exit in a row doubles the wait before the
//! next re-fork (from [`GuardPolicy::base_delay`] up to [`GuardPolicy::max_delay`]); a worker that
//! lived at least `min_uptime` is stable, which resets the count and is replaced at once.
//!
//! Pure decisions with no clock and no processes, so that they are unit-tested; the cluster primary
//! applies them.

use std::time::Duration;

use serde::Serialize;

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

/// What to do after an unexpected exit, with the numbers it was decided on (each view words it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Decision {
    /// It lived at least `min_uptime`: fork a replacement now. `reset`: this ends a run of
    /// unstable exits (the back-off starts again from its base).
    Stable { uptime: Duration, reset: bool },
    /// It died before `min_uptime`, the `in_a_row`-th time: wait `delay` before re-forking
    /// (`capped`: the delay reached the policy's longest).
    Unstable {
        uptime: Duration,
        min_uptime: Duration,
        in_a_row: u32,
        delay: Duration,
        capped: bool,
    },
}

impl Decision {
    /// How long to wait before forking the replacement (zero: at once).
    pub fn delay(&self) -> Duration {
        match self {
            Decision::Stable { .. } => Duration::ZERO,
            Decision::Unstable { delay, .. } => *delay,
        }
    }

    /// How long the worker had lived.
    pub fn uptime(&self) -> Duration {
        match self {
            Decision::Stable { uptime, .. } | Decision::Unstable { uptime, .. } => *uptime,
        }
    }
}

impl GuardPolicy {
    /// Decide for a worker of `slot` that exited unexpectedly after `uptime`.
    pub fn decide(&self, slot: &mut SlotRecord, uptime: Duration) -> Decision {
        slot.restarts += 1;
        if uptime >= self.min_uptime {
            let reset = slot.unstable > 0;
            slot.unstable = 0;
            return Decision::Stable { uptime, reset };
        }
        slot.unstable += 1;
        let factor = 1u32 << (slot.unstable - 1).min(16);
        let delay = self.base_delay.saturating_mul(factor).min(self.max_delay);
        Decision::Unstable {
            uptime,
            min_uptime: self.min_uptime,
            in_a_row: slot.unstable,
            delay,
            capped: delay == self.max_delay,
        }
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
        assert_eq!(d.delay(), Duration::ZERO);
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
                    .delay()
                    .as_millis()
            })
            .collect();
        assert_eq!(delays, [100, 200, 400, 800, 1600, 3200, 3200, 3200]);
        let d = policy.decide(&mut slot, Duration::from_secs(2));
        assert_eq!(
            d,
            Decision::Stable {
                uptime: Duration::from_secs(2),
                reset: true
            }
        );
        assert_eq!(
            policy
                .decide(&mut slot, Duration::from_millis(1))
                .delay()
                .as_millis(),
            100
        );
    }
}
