//! The Fork tab: the fork-per-request demo live. A parent box and one box per real child process
//! (they appear when forked and fade out after they exit), each IPC message travelling along the
//! arrow between them with its payload, buttons to send `GET /get-data`, fork a child directly and
//! switch to the notes' leaky version, the live count of children, and the event log.
//!
//! One file per job: [`events`] (the engine's events folded, timed for the animation and told in
//! the log), [`draw`] (the buttons row, the parent box, the log), [`children`] (the child boxes
//! and the messages on their arrows). This file holds the tab's state, answers its actions and
//! implements [`Tab`]; it draws nothing itself, and it starts or kills no process (it asks the
//! runtime with an [`Effect`]).

mod children;
mod draw;
mod events;

use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::cli::Lang;
use crate::process::{ForkCommand, ForkEvent, ForkState, Side};
pub use crate::tui::action::ForkAction;
use crate::tui::action::{Action, Effect};
use crate::tui::ctx::Ctx;
use crate::tui::i18n::L;
use crate::tui::tab::{Keys, Tab};
use crate::tui::tabs::engine_run::EngineRun;
use crate::tui::widgets::log::{EventLog, Kind};

/// How long a message takes to cross the arrow.
pub const FLIGHT: Duration = Duration::from_millis(700);
/// How long an exited child stays on screen before it vanishes.
pub const FADE: Duration = Duration::from_millis(2000);

pub use crate::process::fork::ChildState;

#[derive(Debug, Clone, PartialEq)]
pub struct ChildBox {
    pub pid: u32,
    pub request: Option<u64>,
    pub since: Duration,
    /// States with the time each is shown from: a child that exits while its answer is still
    /// travelling on screen is shown exiting once the answer has arrived.
    pub timeline: Vec<(Duration, ChildState)>,
    /// When the exit is shown.
    pub ended: Option<Duration>,
}

impl ChildBox {
    pub fn state(&self, now: Duration) -> ChildState {
        self.timeline
            .iter()
            .rev()
            .find(|(t, _)| *t <= now)
            .map(|(_, s)| *s)
            .unwrap_or(ChildState::Running)
    }
}

/// A message on its way along an arrow.
#[derive(Debug, Clone, PartialEq)]
pub struct Flight {
    pub pid: u32,
    pub from: Side,
    pub text: String,
    pub at: Duration,
}

#[derive(Debug)]
pub struct ForkTab {
    lang: Lang,
    /// Where the engine is in its life (starting, failed, closed).
    run: EngineRun,
    /// The demo's events folded: parent, counts of requests, answers and live children.
    state: ForkState,
    as_written: bool,
    /// The children on screen, with the times each state is shown from (the view's animation).
    children: Vec<ChildBox>,
    flights: Vec<Flight>,
    log: EventLog,
}

impl ForkTab {
    pub fn new(lang: Lang) -> Self {
        ForkTab {
            lang,
            run: EngineRun::default(),
            as_written: false,
            children: Vec::new(),
            flights: Vec::new(),
            state: ForkState::new(),
            log: EventLog::default(),
        }
    }

    fn keys_for(lang: Lang, as_written: bool) -> Keys {
        vec![
            ("r", L::SendRequest.t(lang)),
            ("f", L::ForkChild.t(lang)),
            (
                "w",
                if as_written {
                    L::Fixed.t(lang)
                } else {
                    L::Leaky.t(lang)
                },
            ),
        ]
    }

    /// The live count as the screen shows it at `now`: the engine's count, plus the children
    /// that have exited but are still shown running until their answer arrives on screen, so
    /// the count and the boxes always agree.
    fn live_shown(&self, now: Duration) -> usize {
        self.state.live
            + self
                .children
                .iter()
                .filter(|c| c.ended.is_some_and(|e| now < e))
                .count()
    }

    fn has_live(&self) -> bool {
        self.children.iter().any(|c| c.ended.is_none())
    }

    fn in_motion(&self, now: Duration) -> bool {
        self.flights.iter().any(|f| now < f.at + FLIGHT)
            || self
                .children
                .iter()
                .any(|c| c.ended.is_some_and(|e| now < e + FADE))
    }

    fn apply(&mut self, a: ForkAction, now: Duration) -> Vec<Effect> {
        match a {
            ForkAction::Request => vec![Effect::Fork(ForkCommand::Request)],
            ForkAction::ForkChild => vec![Effect::Fork(ForkCommand::ForkChild)],
            ForkAction::ToggleLeaky => {
                self.as_written = !self.as_written;
                let text = if self.as_written {
                    L::LeakyOn
                } else {
                    L::LeakyOff
                };
                self.log.push(now, Kind::Warn, text.t(self.lang));
                vec![Effect::Fork(ForkCommand::SetAsWritten(self.as_written))]
            }
            ForkAction::Retry => {
                if self.run.retry() {
                    vec![Effect::StartFork {
                        as_written: self.as_written,
                    }]
                } else {
                    vec![]
                }
            }
        }
    }

    pub fn on_closed(&mut self, now: Duration) {
        self.run.close();
        for c in &mut self.children {
            c.ended.get_or_insert(now);
        }
    }
}

impl ForkTab {
    /// The tab was first shown: its engine starts (with the tab's leaky/fixed setting).
    pub fn start(&mut self) -> Effect {
        self.run.start();
        Effect::StartFork {
            as_written: self.as_written,
        }
    }
}

impl Tab for ForkTab {
    type Action = ForkAction;
    type Outcome = Vec<Effect>;
    type Event = ForkEvent;

    fn update(&mut self, a: ForkAction, now: Duration) -> Vec<Effect> {
        self.apply(a, now)
    }

    fn on_event(&mut self, ev: ForkEvent, now: Duration) {
        ForkTab::on_event(self, ev, now);
    }

    fn animating(&self, now: Duration) -> bool {
        self.in_motion(now)
    }

    fn shows_clock(&self) -> bool {
        self.has_live()
    }

    fn keys(&self, lang: Lang) -> Keys {
        Self::keys_for(lang, self.as_written)
    }

    fn help_keys(lang: Lang) -> Keys {
        Self::keys_for(lang, false)
    }

    fn key(&self, k: &KeyEvent) -> Option<Action> {
        let a = if k.modifiers.contains(KeyModifiers::CONTROL) {
            match k.code {
                KeyCode::Char('r') => ForkAction::Retry,
                _ => return None,
            }
        } else {
            match k.code {
                KeyCode::Char('r') | KeyCode::Enter => ForkAction::Request,
                KeyCode::Char('f') => ForkAction::ForkChild,
                KeyCode::Char('w') => ForkAction::ToggleLeaky,
                _ => return None,
            }
        };
        Some(Action::Fork(a))
    }

    fn on_error(&mut self, message: String) {
        self.run.failed(message);
    }

    fn draw(&self, ctx: &mut Ctx, area: Rect, buf: &mut Buffer) {
        self.draw_tab(ctx, area, buf);
    }
}
