//! Playback over a recorded run: a [`Run`] holds one model's recording (its events, the orders
//! `--explore` found, the error that stopped the engine) and a cursor into it, with the engine's
//! replay [`Snapshot`] of the events before the cursor; a [`Clock`] says whether playback runs
//! and how fast, and turns elapsed time into steps. Nothing here draws or runs JavaScript: the
//! state on screen is always `Snapshot::after(events, cursor)`.

use std::time::Duration;

use crate::eventloop::replay::Snapshot;
use crate::eventloop::{Event, Model, Stream};
use crate::tui::script::{BranchView, Recorded};

/// Playback speeds, in events per second.
pub const SPEEDS: [u32; 6] = [1, 2, 4, 8, 16, 32];
const DEFAULT_SPEED: usize = 2;

/// One model's recording of the current script, and where playback stands in it.
#[derive(Debug, Clone)]
pub(super) struct Run {
    pub(super) model: Model,
    pub(super) events: Vec<Event>,
    /// The error that stopped the engine, instead of events.
    pub(super) error: Option<String>,
    /// A run was asked for and has not come back yet.
    pub(super) recording: bool,
    /// What `--explore` found (empty when it found one order).
    pub(super) branches: Vec<BranchView>,
    /// The order shown (its output, when its events are not the ones played).
    pub(super) branch: usize,
    /// The order the played events belong to.
    pub(super) played_branch: usize,
    pub(super) cursor: usize,
    /// The engine's replay of `events[..cursor]`.
    pub(super) snap: Snapshot,
}

impl Run {
    pub(super) fn new(model: Model) -> Self {
        Run {
            model,
            events: Vec::new(),
            error: None,
            recording: false,
            branches: Vec::new(),
            branch: 0,
            played_branch: 0,
            cursor: 0,
            snap: Snapshot::default(),
        }
    }

    /// A new recording was asked for: forget the last one.
    pub(super) fn start(&mut self) {
        self.recording = true;
        self.error = None;
        self.events.clear();
        self.branches.clear();
        self.branch = 0;
        self.cursor = 0;
        self.snap = Snapshot::default();
    }

    /// Take a recording that came back for `script` (the name of the script now loaded); false
    /// when it is an older run, superseded by a newer choice.
    pub(super) fn recorded(&mut self, rec: Recorded, script: Option<&str>) -> bool {
        if script.is_none_or(|s| s != rec.name) || rec.model != self.model {
            return false;
        }
        self.recording = false;
        match rec.result {
            Ok(events) => {
                self.events = events;
                self.error = None;
            }
            Err(e) => {
                self.events.clear();
                self.error = Some(e);
            }
        }
        self.branches = rec.branches;
        // Which of the explored orders the recording is (the virtual clock's own choice).
        let printed: Vec<(Stream, String)> = self
            .events
            .iter()
            .filter_map(|e| match e {
                Event::Output { stream, text } => Some((*stream, text.clone())),
                _ => None,
            })
            .collect();
        self.branch = self
            .branches
            .iter()
            .position(|b| b.output == printed)
            .unwrap_or(0);
        self.played_branch = self.branch;
        self.cursor = 0;
        self.snap = Snapshot::default();
        true
    }

    /// Show the next order `--explore` found; true when its events replace the played ones.
    pub(super) fn next_branch(&mut self) -> bool {
        if self.branches.len() <= 1 {
            return false;
        }
        self.branch = (self.branch + 1) % self.branches.len();
        let Some(events) = self.branches[self.branch].events.clone() else {
            return false;
        };
        self.played_branch = self.branch;
        self.events = events;
        self.snap = Snapshot::default();
        self.cursor = 0;
        true
    }

    /// Move the cursor to event `to` (at most the end), folding forwards or replaying from the
    /// start.
    pub(super) fn seek(&mut self, to: usize) {
        let to = to.min(self.events.len());
        if to == self.cursor {
            return;
        }
        if to > self.cursor {
            for e in &self.events[self.cursor..to] {
                self.snap.apply(e);
            }
        } else {
            self.snap = Snapshot::after(&self.events, to);
        }
        self.cursor = to;
    }

    /// The event just before the cursor (the one described on the status line).
    pub(super) fn last(&self) -> Option<&Event> {
        self.cursor.checked_sub(1).and_then(|i| self.events.get(i))
    }

    /// The order to show instead of the played one, when `b` moved to an order whose events the
    /// engine did not give (its output only).
    pub(super) fn other_branch(&self) -> Option<&BranchView> {
        self.branches
            .get(self.branch)
            .filter(|_| self.branch != self.played_branch)
    }
}

/// Whether playback runs, how fast, and when it last stepped.
#[derive(Debug, Clone)]
pub(super) struct Clock {
    pub(super) playing: bool,
    /// An index into [`SPEEDS`].
    pub(super) speed: usize,
    last_step: Duration,
}

impl Clock {
    pub(super) fn new() -> Self {
        Clock {
            playing: false,
            speed: DEFAULT_SPEED,
            last_step: Duration::ZERO,
        }
    }

    /// Start (or stop) counting steps from `now`.
    pub(super) fn set(&mut self, playing: bool, now: Duration) {
        self.playing = playing;
        self.last_step = now;
    }

    pub(super) fn faster(&mut self) {
        self.speed = (self.speed + 1).min(SPEEDS.len() - 1);
    }

    pub(super) fn slower(&mut self) {
        self.speed = self.speed.saturating_sub(1);
    }

    pub(super) fn per_second(&self) -> u32 {
        SPEEDS[self.speed]
    }

    /// Steps due by `now` (none while paused); the clock moves on by that many periods.
    pub(super) fn due(&mut self, now: Duration) -> usize {
        if !self.playing {
            self.last_step = now;
            return 0;
        }
        let period = Duration::from_secs(1) / SPEEDS[self.speed];
        let elapsed = now.saturating_sub(self.last_step);
        let steps = (elapsed.as_nanos() / period.as_nanos()) as usize;
        if steps > 0 {
            self.last_step += period * steps as u32;
        }
        steps
    }
}
