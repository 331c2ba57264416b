//! The Fork tab: the fork-per-request demo live. A parent box and one box per real child process
//! (they appear when forked and fade out after they exit), each IPC message travelling along the
//! arrow between them with its payload, buttons to send `GET /get-data`, fork a child directly and
//! switch to the notes' leaky version, the live count of children, and the event log.

use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Widget, Wrap};

use crate::cli::Lang;
use crate::process::{ExitStatus, ForkCommand, ForkEvent, ForkState, Side};
pub use crate::tui::action::ForkAction;
use crate::tui::action::{Action, Effect};
use crate::tui::ctx::Ctx;
use crate::tui::i18n::L;
use crate::tui::messages::Message;
use crate::tui::tab::{Keys, Tab};
use crate::tui::theme::Symbol;
use crate::tui::widgets::button::{button, button_styled};
use crate::tui::widgets::exit_status::status_text;
use crate::tui::widgets::log::{EventLog, Kind};
use crate::tui::widgets::{self, fit, short_duration, width};

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
    starting: bool,
    error: Option<String>,
    closed: bool,
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
            starting: false,
            error: None,
            closed: false,
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
                if self.error.is_some() || self.closed {
                    self.error = None;
                    self.closed = false;
                    self.starting = true;
                    vec![Effect::StartFork {
                        as_written: self.as_written,
                    }]
                } else {
                    vec![]
                }
            }
        }
    }

    fn failed(&mut self, message: String) {
        self.starting = false;
        self.error = Some(message);
    }

    pub fn on_closed(&mut self, now: Duration) {
        self.closed = true;
        for c in &mut self.children {
            c.ended.get_or_insert(now);
        }
    }

    fn child(&mut self, pid: u32) -> Option<&mut ChildBox> {
        self.children.iter_mut().find(|c| c.pid == pid)
    }

    /// When the next thing about `pid` can be shown: after its messages on screen have arrived.
    fn slot(&self, pid: u32, now: Duration) -> Duration {
        self.flights
            .iter()
            .filter(|f| f.pid == pid)
            .map(|f| f.at + FLIGHT)
            .max()
            .map_or(now, |t| t.max(now))
    }

    pub fn on_event(&mut self, ev: ForkEvent, now: Duration) {
        let lang = self.lang;
        // Forget what has faded away.
        self.children
            .retain(|c| c.ended.is_none_or(|e| now < e + FADE));
        self.flights.retain(|f| now < f.at + FLIGHT);
        self.state.apply(&ev);
        match ev {
            ForkEvent::Listening {
                addr,
                parent_pid,
                as_written,
                ..
            } => {
                self.starting = false;
                self.log.push(
                    now,
                    Kind::Good,
                    Message::ParentListening {
                        pid: &parent_pid,
                        addr: &addr,
                    }
                    .t(lang),
                );
                // The engine started with the view's setting; a toggle made while it was starting
                // is on its way to it, so the view's own flag stays the truth.
                let _ = as_written;
            }
            ForkEvent::Request {
                request,
                method,
                path,
                ..
            } => {
                self.log.push(
                    now,
                    Kind::Info,
                    Message::Request {
                        request: &request,
                        method: &method,
                        path: &path,
                    }
                    .t(lang),
                );
            }
            ForkEvent::Forked { pid, request, .. } => {
                self.children.push(ChildBox {
                    pid,
                    request,
                    since: now,
                    timeline: Vec::new(),
                    ended: None,
                });
                let text = match &request {
                    Some(r) => Message::ForkedFor {
                        pid: &pid,
                        request: r,
                    },
                    None => Message::ForkedDirectly { pid: &pid },
                }
                .t(lang);
                self.log.push(now, Kind::Good, text);
            }
            ForkEvent::Message {
                pid, from, payload, ..
            } => {
                let text = payload.to_string();
                let arrow = match from {
                    Side::Parent => Message::ParentToChild { pid: &pid },
                    Side::Child => Message::ChildToParent { pid: &pid },
                }
                .t(lang);
                self.log
                    .push(now, Kind::Message, format!("{arrow}: send({text})"));
                // One message at a time on an arrow: a reply waits for the request to arrive.
                let last = self
                    .flights
                    .iter()
                    .filter(|f| f.pid == pid)
                    .map(|f| f.at + FLIGHT)
                    .max();
                let at = last.map_or(now, |t| t.max(now));
                self.flights.push(Flight {
                    pid,
                    from,
                    text,
                    at,
                });
            }
            ForkEvent::Disconnect { pid, .. } => {
                let t = self.slot(pid, now);
                if let Some(c) = self.child(pid) {
                    c.timeline.push((t, ChildState::Disconnected));
                }
                self.log.push(
                    now,
                    Kind::Info,
                    Message::ChildDisconnect { pid: &pid }.t(lang),
                );
            }
            ForkEvent::Exit { pid, status, .. } => {
                let t = self.slot(pid, now);
                if let Some(c) = self.child(pid) {
                    c.timeline.push((t, ChildState::Exited(status)));
                    c.ended = Some(t);
                }
                let kind = match status {
                    ExitStatus::Code(0) => Kind::Info,
                    _ => Kind::Bad,
                };
                self.log.push(
                    now,
                    kind,
                    Message::ChildExit {
                        pid: &pid,
                        status: &status_text(status, lang),
                    }
                    .t(lang),
                );
            }
            ForkEvent::Close { pid, .. } => {
                self.log
                    .push(now, Kind::Info, Message::ChildClose { pid: &pid }.t(lang));
            }
            ForkEvent::Response {
                request,
                status,
                body,
                latency,
                ..
            } => {
                let kind = if status == 200 {
                    Kind::Good
                } else {
                    Kind::Warn
                };
                self.log.push(now, kind, {
                    let ms = latency.as_secs_f64() * 1000.0;
                    Message::Response {
                        request: &request,
                        status: &status,
                        body: &body,
                        ms,
                    }
                    .t(lang)
                });
            }
            ForkEvent::LiveChildren { .. } => {}
            ForkEvent::Warning { message, .. } => self.log.push(now, Kind::Warn, message),
        }
    }

    fn draw_tab(&self, ctx: &mut Ctx, area: Rect, buf: &mut Buffer) {
        let now = ctx.now;
        // Buttons and the live count.
        let y = area.y;
        let mut x = area.x + 1;
        x = button(
            ctx,
            buf,
            x,
            y,
            area.right(),
            "r",
            ctx.t(L::SendRequest),
            Action::Fork(ForkAction::Request),
        );
        x = button(
            ctx,
            buf,
            x,
            y,
            area.right(),
            "f",
            ctx.t(L::ForkChild),
            Action::Fork(ForkAction::ForkChild),
        );
        x = button_styled(
            ctx,
            buf,
            x,
            y,
            area.right(),
            "w",
            ctx.t(L::Leaky),
            Action::Fork(ForkAction::ToggleLeaky),
            self.as_written,
        );
        let live = self.live_shown(ctx.now);
        let count = format!("{}: {}", ctx.t(L::LiveChildren), live);
        let cw = width(&count);
        if x + cw < area.right() {
            let style = if self.as_written && live > 0 {
                ctx.theme.warn()
            } else {
                ctx.theme.accent()
            };
            buf.set_string(area.right() - cw - 1, y, &count, style);
        }
        let (mode, mode_style) = if self.as_written {
            (format!("! {}", ctx.t(L::LeakyOn)), ctx.theme.warn())
        } else {
            (format!("✓ {}", ctx.t(L::LeakyOff)), ctx.theme.ok())
        };
        buf.set_string(area.x + 1, y + 1, fit(&mode, area.width - 2), mode_style);

        let rest = Rect {
            y: area.y + 2,
            height: area.height.saturating_sub(2),
            ..area
        };
        let log_h = if ctx.presenter {
            0
        } else {
            (rest.height / 3).max(4)
        };
        let diagram = Rect {
            height: rest.height - log_h,
            ..rest
        };
        if let Some(err) = &self.error {
            Paragraph::new(widgets::engine_error(ctx, err, true))
                .wrap(Wrap { trim: false })
                .render(diagram, buf);
        } else {
            self.draw_diagram(ctx, diagram, buf, now);
        }
        if log_h > 0 {
            let log_area = Rect {
                y: diagram.bottom(),
                height: log_h,
                ..rest
            };
            self.log.draw(ctx, log_area, buf);
        }
    }

    fn draw_diagram(&self, ctx: &mut Ctx, area: Rect, buf: &mut Buffer, now: Duration) {
        if area.height < 3 {
            return;
        }
        let parent_w = (area.width / 4).clamp(26, 34);
        let child_w = (area.width / 3).clamp(28, 44);
        let parent = Rect {
            x: area.x + 1,
            y: area.y,
            width: parent_w,
            height: area.height.min(7),
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Thick)
            .border_style(ctx.theme.accent())
            .title(Span::styled(
                format!(" {} ", ctx.t(L::Parent)),
                ctx.theme.accent(),
            ));
        let inner = block.inner(parent);
        block.render(parent, buf);
        let parent_lines = if self.starting && self.state.parent_pid.is_none() {
            vec![Line::styled(ctx.t(L::Starting), ctx.theme.dim())]
        } else {
            vec![
                Line::from(vec![
                    Span::styled(format!("{} ", Symbol::RUNNING), ctx.theme.ok()),
                    Span::styled(
                        format!(
                            "pid {}",
                            self.state
                                .parent_pid
                                .map(|p| p.to_string())
                                .unwrap_or_default()
                        ),
                        ctx.theme.text(),
                    ),
                ]),
                Line::styled(ctx.t(L::Listening).to_string(), ctx.theme.text()),
                Line::styled(
                    format!("http://{}", self.state.addr.clone().unwrap_or_default()),
                    ctx.theme.info(),
                ),
                Line::styled(
                    Message::Counts {
                        requests: &self.state.requests,
                        responses: &self.state.responses,
                    }
                    .t(ctx.lang),
                    ctx.theme.text(),
                ),
                Line::styled(
                    format!("{}: {}", ctx.t(L::LiveChildren), self.live_shown(ctx.now)),
                    ctx.theme.text(),
                ),
            ]
        };
        Paragraph::new(parent_lines).render(inner, buf);

        // Children on the right, arrows in between.
        let visible: Vec<&ChildBox> = self
            .children
            .iter()
            .filter(|c| c.ended.is_none_or(|e| now < e + FADE))
            .collect();
        let cx = area.right().saturating_sub(child_w + 1);
        let ax = parent.right() + 1;
        let aw = cx.saturating_sub(ax + 1);
        if visible.is_empty() {
            let msg = ctx.t(L::NoChildren);
            buf.set_string(
                ax + 1,
                area.y + 2,
                fit(msg, area.right().saturating_sub(ax + 2)),
                ctx.theme.dim(),
            );
            return;
        }
        let slots = (area.height / 3) as usize;
        let shown = if visible.len() > slots {
            slots.saturating_sub(1)
        } else {
            visible.len()
        };
        for (i, c) in visible.iter().take(shown).enumerate() {
            let r = Rect {
                x: cx,
                y: area.y + 3 * i as u16,
                width: child_w,
                height: 3,
            };
            let (sym, state, style) = match c.state(now) {
                ChildState::Running => (
                    Symbol::RUNNING,
                    ctx.t(L::Running).to_string(),
                    ctx.theme.ok(),
                ),
                ChildState::Disconnected => (
                    Symbol::DISCONNECTED,
                    ctx.t(L::StateDisconnected).to_string(),
                    ctx.theme.warn(),
                ),
                ChildState::Exited(s) => (
                    Symbol::DEAD,
                    format!("{} ({})", ctx.t(L::Exited), status_text(s, ctx.lang)),
                    ctx.theme.dim(),
                ),
            };
            let gone = c.ended.is_some_and(|e| e <= now);
            let up = if gone { c.ended.unwrap_or(now) } else { now }.saturating_sub(c.since);
            let title = match c.request {
                Some(req) => format!(
                    " {} #{req} · {} {} ",
                    ctx.t(L::Child),
                    ctx.t(L::Uptime),
                    short_duration(up)
                ),
                None => format!(
                    " {} · {} {} ",
                    ctx.t(L::Child),
                    ctx.t(L::Uptime),
                    short_duration(up)
                ),
            };
            let block = Block::default()
                .borders(Borders::ALL)
                .border_type(if gone {
                    BorderType::Plain
                } else {
                    BorderType::Rounded
                })
                .border_style(if gone {
                    ctx.theme.dim()
                } else {
                    ctx.theme.border()
                })
                .title(Span::styled(title, ctx.theme.text()));
            let inner = block.inner(r);
            block.render(r, buf);
            let text = format!("{sym} pid {} {state}", c.pid);
            buf.set_string(inner.x, inner.y, fit(&text, inner.width), style);
            // The arrow, and any message travelling along it.
            let ay = r.y + 1;
            if aw >= 4 {
                let line: String = "─".repeat(aw as usize - 1);
                buf.set_string(ax, ay, &line, ctx.theme.dim());
                buf.set_string(ax + aw - 1, ay, "►", ctx.theme.dim());
                buf.set_string(ax, ay, "◄", ctx.theme.dim());
                for f in self.flights.iter().filter(|f| f.pid == c.pid) {
                    if now < f.at {
                        continue;
                    }
                    let age = now - f.at;
                    if age >= FLIGHT {
                        continue;
                    }
                    let p = age.as_secs_f64() / FLIGHT.as_secs_f64();
                    let label = match f.from {
                        Side::Parent => format!("{}{}", f.text, Symbol::ARROW_RIGHT),
                        Side::Child => format!("{}{}", Symbol::ARROW_LEFT, f.text),
                    };
                    let label = fit(&label, aw.saturating_sub(2));
                    let lw = width(&label);
                    let span = aw.saturating_sub(lw + 2) as f64;
                    let off = match f.from {
                        Side::Parent => (span * p) as u16,
                        Side::Child => (span * (1.0 - p)) as u16,
                    };
                    buf.set_string(
                        ax + 1 + off,
                        ay,
                        &label,
                        ctx.theme
                            .info()
                            .add_modifier(ratatui::style::Modifier::BOLD),
                    );
                }
            }
        }
        if shown < visible.len() {
            let more = format!("+{} {}", visible.len() - shown, ctx.t(L::Children));
            buf.set_string(
                cx + 1,
                area.y + 3 * shown as u16 + 1,
                more,
                ctx.theme.warn(),
            );
        }
    }
}

impl ForkTab {
    /// The tab was first shown: its engine starts (with the tab's leaky/fixed setting).
    pub fn start(&mut self) -> Effect {
        self.starting = true;
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
        self.failed(message);
    }

    fn draw(&self, ctx: &mut Ctx, area: Rect, buf: &mut Buffer) {
        self.draw_tab(ctx, area, buf);
    }
}
