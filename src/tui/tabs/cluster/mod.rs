//! The Cluster tab: the primary and one box per real worker process (id, pid, state, uptime,
//! requests served, restarts, memory), a Kill button on every worker (and `k` on the selected one),
//! buttons to add and remove a worker, start and stop the built-in load (each box shows its share
//! of the requests as a bar and, on a large screen, a sparkline of its requests per second over
//! the last 30 s, from the engine's `Served` counts), switch rr / none, the guard's respawns and
//! back-off as they happen, and the event log. A replacement worker takes the box of the one it
//! replaces, with a new id (Node never reuses ids) and its restart count.
//!
//! One file per job: [`events`] (the engine's events folded and worded in the log), [`draw`] (the
//! buttons row, the grid of boxes, the log), [`boxes`] (one worker's box and its sparkline). This
//! file holds the tab's state, answers its actions and implements [`Tab`]; it draws nothing
//! itself, and it starts or kills no process (it asks the runtime with an [`Effect`]).

mod boxes;
mod draw;
mod events;

use std::cell::Cell;
use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::cli::Lang;
use crate::process::{
    ClusterCommand, ClusterEvent, ClusterState, SchedPolicy, WorkerState, WorkerStatus,
};
pub use crate::tui::action::ClusterAction;
use crate::tui::action::{Action, Effect};
use crate::tui::ctx::Ctx;
use crate::tui::i18n::L;
use crate::tui::messages::Message;
use crate::tui::tab::{Keys, Tab};
use crate::tui::tabs::engine_run::EngineRun;
use crate::tui::widgets::log::{EventLog, Kind};

pub use boxes::{sparkline, SPARK_SECONDS};

/// Connections of the built-in load started by the load button.
pub const LOAD_CONNECTIONS: usize = 16;

/// A worker's box draws the engine's [`WorkerStatus`] (its times on the TUI's clock).
pub type WorkerBox = WorkerStatus;

#[derive(Debug)]
pub struct ClusterTab {
    lang: Lang,
    /// Where the engine is in its life (starting, failed, closed).
    run: EngineRun,
    /// The cluster's events folded (primary, worker boxes, load figures), timed by the TUI's clock.
    state: ClusterState,
    /// The policy shown: the engine's, or the one just asked for.
    sched: SchedPolicy,
    selected: usize,
    load: Option<usize>,
    log: EventLog,
    /// Worker boxes per row as last drawn (↑ and ↓ move by a row).
    cols: Cell<usize>,
    /// Workers asked for at start (for a retry).
    wanted: usize,
    /// Messages sent with `m`, numbering their payloads.
    sent: u64,
}

impl ClusterTab {
    pub fn new(lang: Lang) -> Self {
        ClusterTab {
            lang,
            run: EngineRun::default(),
            state: ClusterState::new(),
            sched: SchedPolicy::Rr,
            selected: 0,
            load: None,
            log: EventLog::default(),
            cols: Cell::new(1),
            wanted: 1,
            sent: 0,
        }
    }
}

impl ClusterTab {
    fn keys_for(lang: Lang, load_on: bool) -> Keys {
        Self::keys_labelled(lang, load_on, false)
    }

    /// The same keys with shorter labels, for a narrow footer.
    fn keys_narrow_for(lang: Lang, load_on: bool) -> Keys {
        Self::keys_labelled(lang, load_on, true)
    }

    fn keys_labelled(lang: Lang, load_on: bool, narrow: bool) -> Vec<(&'static str, &'static str)> {
        let pick = |full: L, short: L| if narrow { short } else { full }.t(lang);
        let load = if load_on { L::LoadStop } else { L::LoadStart };
        vec![
            ("←→↑↓", pick(L::SelectWorker, L::SelectShort)),
            ("k", pick(L::KillSelected, L::KillShort)),
            ("a", pick(L::AddWorker, L::AddShort)),
            ("d", pick(L::RemoveWorker, L::RemoveShort)),
            ("l", load.t(lang)),
            ("s", L::Sched.t(lang)),
            ("m", L::SendMessage.t(lang)),
        ]
    }

    fn load_on(&self) -> bool {
        self.load.is_some()
    }

    fn has_live(&self) -> bool {
        self.state.primary_pid.is_some() && !self.run.closed()
    }

    fn in_motion(&self, now: Duration) -> bool {
        self.state
            .workers
            .iter()
            .any(|w| w.backoff_until.is_some_and(|u| now < u))
    }

    fn apply(&mut self, a: ClusterAction, now: Duration) -> Vec<Effect> {
        let n = self.state.workers.len();
        match a {
            ClusterAction::Left => self.selected = self.selected.saturating_sub(1),
            ClusterAction::Right => self.selected = (self.selected + 1).min(n.saturating_sub(1)),
            ClusterAction::Up => self.selected = self.selected.saturating_sub(self.cols.get()),
            ClusterAction::Down => {
                if self.selected + self.cols.get() < n {
                    self.selected += self.cols.get();
                }
            }
            ClusterAction::Select(i) => {
                if i < n {
                    self.selected = i;
                }
            }
            ClusterAction::KillSelected => {
                if let Some(w) = self.state.workers.get(self.selected) {
                    return self.kill(w.id);
                }
            }
            ClusterAction::Kill(id) => {
                if let Some(i) = self.state.workers.iter().position(|w| w.id == id) {
                    self.selected = i;
                }
                return self.kill(id);
            }
            ClusterAction::Add => return vec![Effect::Cluster(ClusterCommand::AddWorker)],
            ClusterAction::Remove => return vec![Effect::Cluster(ClusterCommand::RemoveWorker)],
            ClusterAction::ToggleLoad => {
                self.load = match self.load {
                    Some(_) => None,
                    None => Some(LOAD_CONNECTIONS),
                };
                let text = match &self.load {
                    Some(c) => Message::LoadStarted { connections: c },
                    None => Message::LoadStopped,
                }
                .t(self.lang);
                self.log.push(now, Kind::Info, text);
                return vec![Effect::Cluster(ClusterCommand::Load(self.load))];
            }
            ClusterAction::ToggleSched => {
                self.sched = match self.sched {
                    SchedPolicy::Rr => SchedPolicy::None,
                    SchedPolicy::None => SchedPolicy::Rr,
                };
                self.log.push(
                    now,
                    Kind::Info,
                    Message::SchedSwitching {
                        sched: &self.sched.name(),
                    }
                    .t(self.lang),
                );
                return vec![Effect::Cluster(ClusterCommand::SetSched(self.sched))];
            }
            ClusterAction::SendMessage => {
                if let Some(w) = self.state.workers.get(self.selected) {
                    if !matches!(w.state, WorkerState::Dead | WorkerState::BackingOff) {
                        self.sent += 1;
                        return vec![Effect::Cluster(ClusterCommand::Send {
                            id: w.id,
                            payload: serde_json::json!({ "hello": self.sent }),
                        })];
                    }
                }
            }
            ClusterAction::Retry => {
                if self.run.retry() {
                    return vec![Effect::StartCluster {
                        workers: self.wanted,
                    }];
                }
            }
        }
        vec![]
    }

    /// Ask the engine to kill worker `id`; the engine reports it back as `Killed`.
    fn kill(&mut self, id: u32) -> Vec<Effect> {
        let Some(w) = self.state.worker(id) else {
            return vec![];
        };
        if matches!(w.state, WorkerState::Dead | WorkerState::BackingOff) {
            return vec![];
        }
        vec![Effect::Cluster(ClusterCommand::Kill {
            id,
            signal: libc::SIGKILL,
        })]
    }

    pub fn on_closed(&mut self, now: Duration) {
        self.run.close();
        self.state.stop();
        self.log
            .push(now, Kind::Info, Message::ClusterStopped.t(self.lang));
    }
}
impl ClusterTab {
    /// The tab was first shown: the cluster starts with `workers` workers.
    pub fn start(&mut self, workers: usize) -> Effect {
        self.run.start();
        self.wanted = workers;
        Effect::StartCluster { workers }
    }
}

impl Tab for ClusterTab {
    type Action = ClusterAction;
    type Outcome = Vec<Effect>;
    type Event = ClusterEvent;

    fn update(&mut self, a: ClusterAction, now: Duration) -> Vec<Effect> {
        self.apply(a, now)
    }

    fn on_event(&mut self, ev: ClusterEvent, now: Duration) {
        ClusterTab::on_event(self, ev, now);
    }

    fn animating(&self, now: Duration) -> bool {
        self.in_motion(now)
    }

    fn shows_clock(&self) -> bool {
        self.has_live()
    }

    fn keys(&self, lang: Lang) -> Keys {
        Self::keys_for(lang, self.load_on())
    }

    fn keys_narrow(&self, lang: Lang) -> Keys {
        Self::keys_narrow_for(lang, self.load_on())
    }

    fn help_keys(lang: Lang) -> Keys {
        Self::keys_for(lang, false)
    }

    fn key(&self, k: &KeyEvent) -> Option<Action> {
        let a = if k.modifiers.contains(KeyModifiers::CONTROL) {
            match k.code {
                KeyCode::Char('r') => ClusterAction::Retry,
                _ => return None,
            }
        } else {
            match k.code {
                KeyCode::Left | KeyCode::Char('h') => ClusterAction::Left,
                KeyCode::Right => ClusterAction::Right,
                KeyCode::Up => ClusterAction::Up,
                KeyCode::Down | KeyCode::Char('j') => ClusterAction::Down,
                KeyCode::Char('k') | KeyCode::Delete => ClusterAction::KillSelected,
                KeyCode::Char('a') | KeyCode::Char('+') => ClusterAction::Add,
                KeyCode::Char('d') | KeyCode::Char('-') => ClusterAction::Remove,
                KeyCode::Char('l') => ClusterAction::ToggleLoad,
                KeyCode::Char('s') => ClusterAction::ToggleSched,
                KeyCode::Char('m') => ClusterAction::SendMessage,
                _ => return None,
            }
        };
        Some(Action::Cluster(a))
    }

    fn on_error(&mut self, message: String) {
        self.run.failed(message);
    }

    fn draw(&self, ctx: &mut Ctx, area: Rect, buf: &mut Buffer) {
        self.draw_tab(ctx, area, buf);
    }
}
