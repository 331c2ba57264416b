//! Node's timers: one list per duration, in insertion order, the lists ordered by expiry
//! (node's `lib/internal/timers.js`: `TimersList`, `insert`, `processTimers`, `listOnTimeout`),
//! and the race check `--explore` uses; plus the browser model's timer record and the HTML
//! standard's nesting clamp.
//!
//! Plain data: nothing here runs JavaScript, reads a clock or reports events; the loop models
//! pass in the loop time and decide when a timer's callback runs.

use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::hash::{BuildHasherDefault, Hasher};

/// Hashes the loop's own integer keys (timer and immediate ids, list durations' bits): one
/// multiply per word instead of SipHash, which cost the 50k-timer run 6% of its time. The keys
/// come from the scheduler, never from an adversary.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);
impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}
pub type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;
pub type IdSet<K> = HashSet<K, BuildHasherDefault<IdHasher>>;

/// A total order on `f64` expiry times (they are never NaN).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Ms(f64);
impl Eq for Ms {}
impl PartialOrd for Ms {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ms {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// One timer (setTimeout / setInterval).
#[derive(Debug, Clone)]
pub struct TimerEntry {
    pub duration: f64,
    /// Loop time when it was (re)inserted: node's `_idleStart`.
    pub start: f64,
    pub refed: bool,
    /// In a list, waiting to fire.
    pub active: bool,
    /// Bumped on every re-insertion, so stale list slots are skipped.
    generation: u32,
    pub kind: &'static str,
    pub line: u32,
}

impl TimerEntry {
    pub fn due(&self) -> f64 {
        self.start + self.duration
    }
}

/// What a timers phase does after a timer ran ([`Timers::next_in_phase`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseNext {
    /// The next timer of the same list is due: `listOnTimeout` runs it.
    SameList,
    /// Another list's expiry has come: `processTimers` goes on with it.
    OtherList,
    /// The phase is over.
    Over,
}

/// A list of timers of one duration, in insertion order (node's `TimersList`).
#[derive(Debug)]
struct TimerList {
    expiry: f64,
    id: u64,
    items: VecDeque<(u64, u32)>,
}

/// Node's timers: one list per duration, lists ordered by (expiry, list id), and
/// `processTimers`/`listOnTimeout` semantics in [`Timers::pop_expired`].
#[derive(Debug, Default)]
pub struct Timers {
    lists: IdMap<u64, TimerList>,
    queue: BTreeSet<(Ms, u64, u64)>,
    entries: IdMap<u64, TimerEntry>,
    next_list_id: u64,
    /// Active timers that keep the loop alive.
    pub refs: usize,
}

impl Timers {
    /// `insert(timer, msecs, start)`: append to the list of its duration (creating the list).
    pub fn insert(
        &mut self,
        id: u64,
        duration: f64,
        now: f64,
        refed: bool,
        kind: &'static str,
        line: u32,
    ) {
        let key = duration.to_bits();
        let entry = self.entries.entry(id).or_insert(TimerEntry {
            duration,
            start: now,
            refed,
            active: false,
            generation: 0,
            kind,
            line,
        });
        if entry.active && entry.refed {
            self.refs -= 1;
        }
        entry.duration = duration;
        entry.start = now;
        entry.refed = refed;
        entry.active = true;
        entry.generation = entry.generation.wrapping_add(1);
        if refed {
            self.refs += 1;
        }
        let generation = entry.generation;
        let list = self.lists.entry(key).or_insert_with(|| {
            let id = self.next_list_id;
            self.next_list_id += 1;
            let expiry = now + duration;
            self.queue.insert((Ms(expiry), id, key));
            TimerList {
                expiry,
                id,
                items: VecDeque::new(),
            }
        });
        list.items.push_back((id, generation));
    }

    /// clearTimeout: the timer leaves its list and is forgotten.
    pub fn cancel(&mut self, id: u64) -> bool {
        match self.entries.remove(&id) {
            Some(e) => {
                if e.active && e.refed {
                    self.refs -= 1;
                }
                e.active
            }
            None => false,
        }
    }

    pub fn set_ref(&mut self, id: u64, refed: bool) {
        if let Some(e) = self.entries.get_mut(&id) {
            if e.active && e.refed != refed {
                if refed {
                    self.refs += 1;
                } else {
                    self.refs -= 1;
                }
            }
            e.refed = refed;
        }
    }

    pub fn is_active(&self, id: u64) -> bool {
        self.entries.get(&id).is_some_and(|e| e.active)
    }

    pub fn get(&self, id: u64) -> Option<&TimerEntry> {
        self.entries.get(&id)
    }

    /// Forget a timer that fired and was not re-inserted.
    pub fn retire(&mut self, id: u64) {
        if self.entries.get(&id).is_some_and(|e| !e.active) {
            self.entries.remove(&id);
        }
    }

    fn live_front(&mut self, key: u64) -> Option<u64> {
        let list = self.lists.get_mut(&key)?;
        while let Some(&(id, generation)) = list.items.front() {
            if self
                .entries
                .get(&id)
                .is_some_and(|e| e.active && e.generation == generation)
            {
                return Some(id);
            }
            list.items.pop_front();
        }
        None
    }

    /// The next timer to run in a timers phase at loop time `now`, removed from its list; `None`
    /// when the phase is over. A timer inserted during the phase has `start == now` and is not
    /// due (node's `diff < msecs` check), so it waits for the next phase.
    pub fn pop_expired(&mut self, now: f64) -> Option<u64> {
        loop {
            let &(Ms(expiry), list_id, key) = self.queue.first()?;
            if expiry > now {
                return None;
            }
            let Some(id) = self.live_front(key) else {
                self.queue.remove(&(Ms(expiry), list_id, key));
                self.lists.remove(&key);
                continue;
            };
            let entry = &self.entries[&id];
            if now - entry.start < entry.duration {
                let new_expiry = (entry.start + entry.duration).max(now + 1.0);
                self.queue.remove(&(Ms(expiry), list_id, key));
                let new_id = self.next_list_id;
                self.next_list_id += 1;
                let list = self.lists.get_mut(&key).expect("listed");
                list.expiry = new_expiry;
                list.id = new_id;
                self.queue.insert((Ms(new_expiry), new_id, key));
                continue;
            }
            self.lists.get_mut(&key).expect("listed").items.pop_front();
            let entry = self.entries.get_mut(&id).expect("entry");
            entry.active = false;
            if entry.refed {
                self.refs -= 1;
            }
            return Some(id);
        }
    }

    /// After a timer of `duration` ran in a timers phase at `now`, what node's timers code does
    /// next: `listOnTimeout` peeks the next timer of the same list and goes on with it when it is
    /// due; else `processTimers` looks at the earliest other list and goes on with it when its
    /// expiry has come (whether or not its first timer is due); else the phase is over. Both
    /// call `runNextTicks` before going on, which shows in stack traces.
    pub fn next_in_phase(&self, now: f64, duration: f64) -> PhaseNext {
        let key = duration.to_bits();
        if let Some(e) = self.peek_front(key) {
            if now - e.start >= e.duration {
                return PhaseNext::SameList;
            }
        }
        // node deletes a list when its last timer is cleared; here it lingers until reached
        let next = self
            .queue
            .iter()
            .find(|&&(_, _, k)| k != key && self.peek_front(k).is_some());
        match next {
            Some(&(Ms(expiry), _, _)) if expiry <= now => PhaseNext::OtherList,
            _ => PhaseNext::Over,
        }
    }

    /// The first live timer of the list of `key`, without forgetting the stale ones before it.
    fn peek_front(&self, key: u64) -> Option<&TimerEntry> {
        self.lists
            .get(&key)?
            .items
            .iter()
            .find_map(|(id, generation)| {
                self.entries
                    .get(id)
                    .filter(|e| e.active && e.generation == *generation)
            })
    }

    /// When the earliest list expires (what the poll phase would wait for).
    pub fn next_expiry(&self) -> Option<f64> {
        self.queue.first().map(|&(Ms(e), _, _)| e)
    }

    /// Active timers due within node's 1 ms granularity after `now`: whether they fire in the
    /// next timers phase depends on how much real time has passed.
    ///
    /// Only lists expiring by then can hold one, and along a list the dues only grow: this looks
    /// at the fronts of those lists, not at every timer.
    pub fn racing(&self, now: f64) -> Vec<(u64, f64)> {
        let mut v: Vec<(u64, f64)> = Vec::new();
        for &(Ms(expiry), _, key) in &self.queue {
            if expiry > now + 1.0 {
                break;
            }
            let Some(list) = self.lists.get(&key) else {
                continue;
            };
            for &(id, generation) in &list.items {
                let Some(e) = self.entries.get(&id) else {
                    continue;
                };
                if !e.active || e.generation != generation {
                    continue;
                }
                if e.due() > now + 1.0 {
                    break;
                }
                if e.due() > now {
                    v.push((id, e.due()));
                }
            }
        }
        v.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        v
    }
}

// ---- The browser model's timers: each waits as a task in the page's task queue (`Page`), so
// there is no list here, only the record of a live timer and the standard's delay rule.

/// Above this timer nesting level, a delay below [`CLAMP_MS`] is raised to it.
const CLAMP_LEVEL: u32 = 5;
const CLAMP_MS: f64 = 4.0;

/// A live setTimeout / setInterval of a page.
#[derive(Debug, Clone)]
pub struct PageTimer {
    pub delay: f64,
    pub repeat: bool,
    /// The timer nesting level of the task that will run it.
    pub nesting: u32,
    pub line: u32,
    /// Its place in the queue while it waits.
    pub slot: Option<(u64, u64)>,
}

impl PageTimer {
    pub fn kind(&self) -> &'static str {
        if self.repeat {
            "setInterval"
        } else {
            "setTimeout"
        }
    }
}

/// The HTML timer initialisation steps' delay: a delay that is not a finite number counts as 0,
/// a negative one as 0, and a timer created while a timer task of nesting level above
/// [`CLAMP_LEVEL`] runs waits at least [`CLAMP_MS`].
pub fn html_delay(delay: f64, nesting: u32) -> f64 {
    let delay = if delay.is_finite() {
        delay.max(0.0)
    } else {
        0.0
    };
    if nesting > CLAMP_LEVEL && delay < CLAMP_MS {
        CLAMP_MS
    } else {
        delay
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drain_phase(t: &mut Timers, now: f64) -> Vec<u64> {
        let mut out = Vec::new();
        while let Some(id) = t.pop_expired(now) {
            out.push(id);
        }
        out
    }

    #[test]
    fn lists_ordered_by_expiry_then_creation() {
        let mut t = Timers::default();
        t.insert(1, 10.0, 0.0, true, "setTimeout", 1);
        t.insert(2, 5.0, 0.0, true, "setTimeout", 2);
        t.insert(3, 10.0, 0.0, true, "setTimeout", 3);
        t.insert(4, 1.0, 4.0, true, "setTimeout", 4);
        assert_eq!(t.next_expiry(), Some(5.0));
        // 2 (5 ms) and 4 (due 5) expire together: the 5 ms list was created first.
        assert_eq!(drain_phase(&mut t, 5.0), vec![2, 4]);
        assert_eq!(drain_phase(&mut t, 10.0), vec![1, 3]);
        assert_eq!(t.refs, 0);
        assert_eq!(t.next_expiry(), None);
    }

    #[test]
    fn timer_added_during_the_phase_waits_for_the_next() {
        let mut t = Timers::default();
        t.insert(1, 1.0, 0.0, true, "setTimeout", 1);
        t.insert(2, 1.0, 0.0, true, "setTimeout", 2);
        assert_eq!(t.pop_expired(1.0), Some(1));
        // timer 1's callback schedules another 1 ms timer at loop time 1
        t.insert(3, 1.0, 1.0, true, "setTimeout", 3);
        assert_eq!(t.pop_expired(1.0), Some(2));
        assert_eq!(t.pop_expired(1.0), None);
        assert_eq!(t.next_expiry(), Some(2.0));
        assert_eq!(drain_phase(&mut t, 2.0), vec![3]);
    }

    #[test]
    fn cancel_refresh_and_refs() {
        let mut t = Timers::default();
        t.insert(1, 5.0, 0.0, true, "setTimeout", 1);
        t.insert(2, 5.0, 0.0, true, "setTimeout", 2);
        assert_eq!(t.refs, 2);
        assert!(t.cancel(1));
        assert!(!t.cancel(1));
        t.set_ref(2, false);
        assert_eq!(t.refs, 0);
        // refresh: re-insert at a later start; the old slot is skipped
        t.insert(2, 5.0, 3.0, false, "setTimeout", 2);
        assert_eq!(drain_phase(&mut t, 5.0), Vec::<u64>::new());
        assert_eq!(drain_phase(&mut t, 8.0), vec![2]);
    }

    #[test]
    fn interval_reinsertion_after_firing() {
        let mut t = Timers::default();
        t.insert(7, 10.0, 0.0, true, "setInterval", 1);
        assert_eq!(t.pop_expired(10.0), Some(7));
        assert!(!t.is_active(7));
        t.insert(7, 10.0, 10.0, true, "setInterval", 1);
        assert!(t.is_active(7));
        assert_eq!(t.pop_expired(10.0), None);
        assert_eq!(t.pop_expired(20.0), Some(7));
        t.retire(7);
        assert!(t.get(7).is_none());
    }

    #[test]
    fn html_delays_are_clamped_from_the_sixth_nesting_level() {
        assert_eq!(html_delay(f64::NAN, 0), 0.0);
        assert_eq!(html_delay(-3.0, 0), 0.0);
        assert_eq!(html_delay(1.0, 5), 1.0);
        assert_eq!(html_delay(1.0, 6), 4.0);
        assert_eq!(html_delay(10.0, 6), 10.0);
    }

    #[test]
    fn racing_timers_are_within_one_ms() {
        let mut t = Timers::default();
        t.insert(1, 1.0, 0.0, true, "setTimeout", 1);
        t.insert(2, 2.0, 0.0, true, "setTimeout", 2);
        let r = t.racing(0.0);
        assert_eq!(r, vec![(1, 1.0)]);
    }
}
