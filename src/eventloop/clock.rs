//! The loop's clock: virtual (time jumps to the next timer when nothing is runnable) or real.
//!
//! Like libuv's `uv_now`, the loop time is cached: it changes only when the loop updates it at the
//! start of an iteration or when it waits for a timer. It knows nothing of timers or JavaScript.

use std::time::{Duration, Instant};

use super::Clock;

/// The loop time in milliseconds since the script started.
#[derive(Debug)]
pub struct LoopClock {
    mode: Clock,
    /// The cached loop time (whole milliseconds, like `uv_now`).
    now: f64,
    /// Virtual clock: the fine time scripts read. Each read moves it on by [`READ_COST_MS`], so a
    /// script that busy-waits on `Date.now()` sees time pass (deterministically) and ends.
    fine: f64,
    start: Instant,
}

/// How much virtual time one clock read by the script costs (1 µs).
pub const READ_COST_MS: f64 = 0.001;

impl LoopClock {
    pub fn new(mode: Clock) -> Self {
        LoopClock {
            mode,
            now: 0.0,
            fine: 0.0,
            start: Instant::now(),
        }
    }

    pub fn mode(&self) -> Clock {
        self.mode
    }

    /// The cached loop time (what timers are measured against).
    pub fn now(&self) -> f64 {
        self.now
    }

    /// The time a script sees through `Date.now()` / `performance.now()`: the fine virtual time
    /// (which this read moves on by 1 µs), or real elapsed time.
    pub fn read(&mut self) -> f64 {
        match self.mode {
            Clock::Virtual => {
                self.fine += READ_COST_MS;
                self.fine
            }
            Clock::Realtime => self.start.elapsed().as_secs_f64() * 1000.0,
        }
    }

    /// The fine time without moving it.
    pub fn precise(&self) -> f64 {
        match self.mode {
            Clock::Virtual => self.fine,
            Clock::Realtime => self.start.elapsed().as_secs_f64() * 1000.0,
        }
    }

    /// libuv's `uv_update_time`, in whole milliseconds.
    pub fn update(&mut self) {
        self.now = self.precise().floor().max(self.now);
    }

    /// Let time pass until `to` (a timer's expiry): a jump, or a real sleep. Returns `(from, to)`.
    pub fn advance_to(&mut self, to: f64) -> (f64, f64) {
        let from = self.now;
        match self.mode {
            Clock::Virtual => {
                self.fine = self.fine.max(to.ceil());
                self.now = self.fine.floor().max(from);
            }
            Clock::Realtime => {
                let target = self.start + Duration::from_secs_f64(to.max(0.0) / 1000.0);
                let now = Instant::now();
                if target > now {
                    std::thread::sleep(target - now);
                }
                self.update();
                if self.now < to.ceil() {
                    self.now = to.ceil();
                }
            }
        }
        (from, self.now)
    }

    /// Real time from now on (a real handle opened): the loop time goes on from where the
    /// virtual clock stood, at the speed of the wall clock.
    pub fn go_real(&mut self) {
        if self.mode == Clock::Virtual {
            let at = Duration::from_secs_f64(self.fine.max(self.now) / 1000.0);
            self.start = Instant::now().checked_sub(at).unwrap_or_else(Instant::now);
            self.mode = Clock::Realtime;
        }
    }

    /// Explore: pretend real time ran on to `to` (a racing timer had expired).
    pub fn jump_to(&mut self, to: f64) {
        if to > self.now {
            self.now = to;
        }
        self.fine = self.fine.max(to);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn virtual_clock_jumps_and_never_goes_back() {
        let mut c = LoopClock::new(Clock::Virtual);
        assert_eq!(c.now(), 0.0);
        c.update();
        assert_eq!(c.now(), 0.0);
        assert_eq!(c.advance_to(10_000.0), (0.0, 10_000.0));
        assert_eq!(c.advance_to(5.0), (10_000.0, 10_000.0));
        c.jump_to(10_001.5);
        assert_eq!(c.precise(), 10_001.5);
    }

    #[test]
    fn reading_the_virtual_clock_costs_a_microsecond() {
        let mut c = LoopClock::new(Clock::Virtual);
        let mut t = 0.0;
        while t < 20.0 {
            t = c.read();
        }
        assert_eq!(c.now(), 0.0, "the loop time is cached");
        c.update();
        assert_eq!(c.now(), 20.0);
    }

    #[test]
    fn real_clock_waits() {
        let mut c = LoopClock::new(Clock::Realtime);
        let t = Instant::now();
        c.advance_to(20.0);
        assert!(t.elapsed() >= Duration::from_millis(19));
        assert!(c.now() >= 20.0);
    }
}
