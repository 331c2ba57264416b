//! The Cluster tab: the primary and one box per real worker process (id, pid, state, uptime,
//! requests served, restarts, memory), a Kill button on every worker (and `k` on the selected one),
//! buttons to add and remove a worker, start and stop the built-in load (each box shows its share
//! of the requests as a bar and, on a large screen, a sparkline of its requests per second over
//! the last 30 s, from the engine's `Served` counts), switch rr / none, the guard's respawns and back-off as they happen,
//! and the event log. A replacement worker takes the box of the one it replaces, with a new id
//! (Node never reuses ids) and its restart count.

use std::cell::Cell;
use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Widget, Wrap};

use crate::cli::Lang;
use crate::process::{
    ClusterCommand, ClusterEvent, ClusterState, Decision, SchedPolicy, WorkerState, WorkerStatus,
};
pub use crate::tui::action::ClusterAction;
use crate::tui::action::{Action, Effect};
use crate::tui::ctx::Ctx;
use crate::tui::i18n::L;
use crate::tui::messages::Message;
use crate::tui::tab::{Keys, Tab};
use crate::tui::theme::Symbol;
use crate::tui::widgets::button::{button, button_styled};
use crate::tui::widgets::log::{EventLog, Kind};
use crate::tui::widgets::{self, fit, short_duration, width};

use crate::tui::widgets::exit_status::{signal_name, status_text};

/// Connections of the built-in load started by the load button.
pub const LOAD_CONNECTIONS: usize = 16;
/// The width a worker box needs.
const BOX_W: u16 = 26;

/// A worker's box draws the engine's [`WorkerStatus`] (its times on the TUI's clock).
pub type WorkerBox = WorkerStatus;

/// Seconds of history a worker's sparkline shows.
pub const SPARK_SECONDS: u64 = 30;
/// A box wide enough for the 30 s sparkline and its figure.
const BOX_W_SPARK: u16 = 40;

/// Requests per second as a sparkline, scaled to `max` (the busiest second of any worker, so the
/// boxes compare); a second without requests is blank.
pub fn sparkline(rates: &[u64], max: u64) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    rates
        .iter()
        .map(|&v| {
            if v == 0 || max == 0 {
                ' '
            } else {
                BARS[((v * 8).div_ceil(max) as usize).clamp(1, 8) - 1]
            }
        })
        .collect()
}

#[derive(Debug)]
pub struct ClusterTab {
    lang: Lang,
    starting: bool,
    error: Option<String>,
    closed: bool,
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
            starting: false,
            error: None,
            closed: false,
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

fn state_label(s: WorkerState) -> (L, &'static str) {
    match s {
        WorkerState::Starting => (L::StateStarting, Symbol::STARTING),
        WorkerState::Online => (L::StateOnline, Symbol::RUNNING),
        WorkerState::Listening => (L::StateListening, Symbol::LISTENING),
        WorkerState::Disconnected => (L::StateDisconnected, Symbol::DISCONNECTED),
        WorkerState::Dead => (L::StateDead, Symbol::DEAD),
        WorkerState::BackingOff => (L::StateBackingOff, Symbol::WAITING),
    }
}

fn sched_name(s: SchedPolicy) -> &'static str {
    s.name()
}

/// The guard's decision for worker `id`, in the tab's words.
fn decision_text(id: u32, decision: &Decision, lang: Lang) -> String {
    let secs = |d: Duration| d.as_secs_f64();
    match *decision {
        Decision::Stable { uptime, reset } => Message::GuardStable {
            id: &id,
            uptime: secs(uptime),
            reset,
        }
        .t(lang),
        Decision::Unstable {
            uptime,
            in_a_row,
            delay,
            ..
        } => Message::GuardUnstable {
            id: &id,
            uptime: secs(uptime),
            delay: secs(delay),
            in_a_row,
        }
        .t(lang),
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
        self.state.primary_pid.is_some() && !self.closed
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
                        sched: &sched_name(self.sched),
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
                if self.error.is_some() || self.closed {
                    self.error = None;
                    self.closed = false;
                    self.starting = true;
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

    fn failed(&mut self, message: String) {
        self.starting = false;
        self.error = Some(message);
    }

    pub fn on_closed(&mut self, now: Duration) {
        self.closed = true;
        self.state.stop();
        self.log
            .push(now, Kind::Info, Message::ClusterStopped.t(self.lang));
    }

    pub fn on_event(&mut self, ev: ClusterEvent, now: Duration) {
        let lang = self.lang;
        // The box a fork replaces, while it is still there to name.
        let replaced = match &ev {
            ClusterEvent::Fork { replaces, .. } => {
                replaces.filter(|old| self.state.worker(*old).is_some())
            }
            _ => None,
        };
        self.state.apply_at(&ev, now);
        match ev {
            ClusterEvent::PrimaryStarted {
                pid, addr, sched, ..
            } => {
                self.starting = false;
                self.log.push(
                    now,
                    Kind::Good,
                    Message::PrimaryStarted {
                        pid: &pid,
                        addr: &addr,
                        sched: &sched_name(sched),
                    }
                    .t(lang),
                );
                self.sched = sched;
            }
            ClusterEvent::Fork { id, pid, .. } => {
                let text = match &replaced {
                    Some(old) => Message::WorkerReplaces {
                        id: &id,
                        pid: &pid,
                        old,
                    },
                    None => Message::WorkerForked { id: &id, pid: &pid },
                }
                .t(lang);
                self.log.push(now, Kind::Good, text);
            }
            ClusterEvent::Online { id, .. } => {
                self.log
                    .push(now, Kind::Info, Message::WorkerOnline { id: &id }.t(lang));
            }
            ClusterEvent::Listening { id, addr, .. } => {
                self.log.push(
                    now,
                    Kind::Info,
                    Message::WorkerListening {
                        id: &id,
                        addr: &addr,
                    }
                    .t(lang),
                );
            }
            ClusterEvent::Disconnect { id, .. } => {
                self.log.push(
                    now,
                    Kind::Info,
                    Message::WorkerDisconnect { id: &id }.t(lang),
                );
            }
            ClusterEvent::Exit {
                id,
                status,
                expected,
                ..
            } => {
                if expected {
                    // Removed on purpose: its box went.
                    self.selected = self
                        .selected
                        .min(self.state.workers.len().saturating_sub(1));
                    self.log.push(
                        now,
                        Kind::Info,
                        Message::WorkerRemoved {
                            id: &id,
                            status: &status_text(status, lang),
                        }
                        .t(lang),
                    );
                } else {
                    // The notes' process guard prints exactly this.
                    self.log.push(
                        now,
                        Kind::Bad,
                        format!("{id} exit. ({})", status_text(status, lang)),
                    );
                }
            }
            ClusterEvent::Guard { id, decision, .. } => {
                let kind = if decision.delay() > Duration::ZERO {
                    Kind::Warn
                } else {
                    Kind::Info
                };
                self.log.push(
                    now,
                    kind,
                    Message::Guard {
                        decision: &decision_text(id, &decision, lang),
                    }
                    .t(lang),
                );
            }
            ClusterEvent::Served { .. }
            | ClusterEvent::Memory { .. }
            | ClusterEvent::Load { .. }
            | ClusterEvent::Connections { .. } => {}
            ClusterEvent::Warning { message, .. } => self.log.push(now, Kind::Warn, message),
            ClusterEvent::Killed {
                id, pid, signal, ..
            } => self.log.push(
                now,
                Kind::Warn,
                Message::Kill {
                    signal: &signal_name(signal),
                    pid: &pid,
                    id: &id,
                }
                .t(lang),
            ),
            ClusterEvent::Respawned {
                old_id,
                new_id,
                since_exit,
                since_kill,
                ..
            } => {
                let text = Message::Respawned {
                    new: &new_id,
                    old: &old_id,
                    exit_ms: since_exit.as_secs_f64() * 1000.0,
                    kill_ms: since_kill.map(|k| k.as_secs_f64() * 1000.0),
                }
                .t(lang);
                self.log.push(now, Kind::Good, text);
            }
            ClusterEvent::Message {
                id, from, payload, ..
            } => {
                let text = match from {
                    crate::process::Side::Parent => Message::PrimaryToWorker {
                        id: &id,
                        payload: &payload,
                    },
                    crate::process::Side::Child => Message::WorkerToPrimary {
                        id: &id,
                        payload: &payload,
                    },
                }
                .t(lang);
                self.log.push(now, Kind::Message, text);
            }
            ClusterEvent::SchedChanged { sched, .. } => {
                self.sched = sched;
                self.log.push(
                    now,
                    Kind::Info,
                    Message::SchedNow {
                        sched: &sched_name(sched),
                    }
                    .t(lang),
                );
            }
        }
    }

    fn draw_tab(&self, ctx: &mut Ctx, area: Rect, buf: &mut Buffer) {
        let now = ctx.now;
        let y = area.y;
        let mut x = area.x + 1;
        let r = area.right();
        x = button(
            ctx,
            buf,
            x,
            y,
            r,
            "a",
            ctx.t(L::AddWorker),
            Action::Cluster(ClusterAction::Add),
        );
        x = button(
            ctx,
            buf,
            x,
            y,
            r,
            "d",
            ctx.t(L::RemoveWorker),
            Action::Cluster(ClusterAction::Remove),
        );
        let load_label = if self.load_on() {
            ctx.t(L::LoadStop)
        } else {
            ctx.t(L::LoadStart)
        };
        x = button_styled(
            ctx,
            buf,
            x,
            y,
            r,
            "l",
            load_label,
            Action::Cluster(ClusterAction::ToggleLoad),
            self.load_on(),
        );
        let sched_label = format!("{} {}", ctx.t(L::Sched), sched_name(self.sched));
        x = button(
            ctx,
            buf,
            x,
            y,
            r,
            "s",
            &sched_label,
            Action::Cluster(ClusterAction::ToggleSched),
        );
        x = button(
            ctx,
            buf,
            x,
            y,
            r,
            "m",
            ctx.t(L::SendMessage),
            Action::Cluster(ClusterAction::SendMessage),
        );
        if let Some(pid) = self.state.primary_pid {
            let p = format!("{} pid {pid}", ctx.t(L::Primary));
            let pw = width(&p);
            if x + pw < r {
                buf.set_string(r - pw - 1, y, &p, ctx.theme.accent());
            }
        }
        // Second line: the address, the policy in words, and the load's figures.
        let hint = match self.sched {
            SchedPolicy::Rr => ctx.t(L::RrHint),
            SchedPolicy::None => ctx.t(L::NoneHint),
        };
        let mut spans = vec![];
        if let Some(addr) = &self.state.addr {
            spans.push(Span::styled(format!("http://{addr}  "), ctx.theme.info()));
        }
        if let Some(load) = self.state.load {
            let (req, err, rps) = (load.requests, load.errors, load.per_second);
            spans.push(Span::styled(
                format!(
                    "{} {req} · {rps:.0} {} · {err} {}  ",
                    ctx.t(L::LoadFigures),
                    ctx.t(L::PerSecond),
                    ctx.t(L::Errors)
                ),
                if err > 0 {
                    ctx.theme.warn()
                } else {
                    ctx.theme.ok()
                },
            ));
        }
        spans.push(Span::styled(hint, ctx.theme.dim()));
        buf.set_line(area.x + 1, y + 1, &Line::from(spans), area.width - 2);
        // Under load, one more line says what the spread of requests means.
        let mut top = 2;
        if self.state.load.is_some() {
            let every = crate::process::load::REQUESTS_PER_CONNECTION;
            let meaning = match self.sched {
                SchedPolicy::Rr => Message::SpreadRr { every: &every },
                SchedPolicy::None => Message::SpreadNone,
            }
            .t(self.lang);
            let meaning = Line::styled(meaning, ctx.theme.dim());
            Paragraph::new(meaning).wrap(Wrap { trim: true }).render(
                Rect {
                    x: area.x + 1,
                    y: y + 2,
                    width: area.width - 2,
                    height: 1 + u16::from(area.width < 120),
                },
                buf,
            );
            top += 1 + u16::from(area.width < 120);
        }

        let rest = Rect {
            y: area.y + top,
            height: area.height.saturating_sub(top),
            ..area
        };
        if let Some(err) = &self.error {
            Paragraph::new(widgets::engine_error(ctx, err, true))
                .wrap(Wrap { trim: false })
                .render(rest, buf);
            return;
        }
        if self.state.workers.is_empty() {
            buf.set_string(rest.x + 1, rest.y + 1, ctx.t(L::Starting), ctx.theme.dim());
        }
        // On a large screen each box also gets a sparkline of its requests per second.
        let spark = rest.width >= 120 && rest.height >= 36;
        let box_h = if ctx.presenter || spark { 6 } else { 5 };
        let min_w = if spark { BOX_W_SPARK } else { BOX_W };
        let cols = ((rest.width.saturating_sub(2)) / min_w).max(1) as usize;
        self.cols.set(cols);
        let bw = (rest.width.saturating_sub(2) / cols as u16).min(40);
        let spark_max = if spark {
            self.state
                .workers
                .iter()
                .flat_map(|w| w.rates(now, SPARK_SECONDS))
                .max()
                .unwrap_or(0)
        } else {
            0
        };
        let rows = self.state.workers.len().div_ceil(cols) as u16;
        let log_min = if ctx.presenter { 0 } else { 4 };
        let max_rows = (rest.height.saturating_sub(log_min) / box_h).max(1);
        let grid_h = rows.min(max_rows) * box_h;
        let total: u64 = self.state.workers.iter().map(|w| w.served).sum();
        for (i, w) in self.state.workers.iter().enumerate() {
            let row = (i / cols) as u16;
            if row >= max_rows {
                break;
            }
            let rect = Rect {
                x: rest.x + 1 + (i % cols) as u16 * bw,
                y: rest.y + row * box_h,
                width: bw - 1,
                height: box_h,
            };
            self.draw_worker(ctx, w, i == self.selected, total, now, rect, buf);
            if spark {
                draw_spark(ctx, w, now, spark_max, rect, buf);
            }
            ctx.hit(rect, Action::Cluster(ClusterAction::Select(i)));
            // The Kill button sits on the box's last inner line; register it after the box so
            // that a click on it kills rather than only selects.
            if !matches!(w.state, WorkerState::Dead | WorkerState::BackingOff) {
                let label = ctx.t(L::Kill);
                let kw = width(label) + 4;
                let kx = rect.right().saturating_sub(kw + 1);
                let ky = rect.bottom() - 2;
                button(
                    ctx,
                    buf,
                    kx,
                    ky,
                    rect.right(),
                    "k",
                    label,
                    Action::Cluster(ClusterAction::Kill(w.id)),
                );
            }
        }
        if log_min > 0 {
            let log_area = Rect {
                y: rest.y + grid_h,
                height: rest.height.saturating_sub(grid_h),
                ..rest
            };
            self.log.draw(ctx, log_area, buf);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn draw_worker(
        &self,
        ctx: &mut Ctx,
        w: &WorkerBox,
        selected: bool,
        total: u64,
        now: Duration,
        rect: Rect,
        buf: &mut Buffer,
    ) {
        let (label, sym) = state_label(w.state);
        let state_style = match w.state {
            WorkerState::Listening => ctx.theme.ok(),
            WorkerState::Online | WorkerState::Starting => ctx.theme.info(),
            WorkerState::Disconnected | WorkerState::BackingOff => ctx.theme.warn(),
            WorkerState::Dead => ctx.theme.bad(),
        };
        let title = format!(
            " {}{} {} ",
            if selected { "» " } else { "" },
            ctx.t(L::Worker),
            w.id
        );
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(if selected {
                BorderType::Thick
            } else {
                BorderType::Rounded
            })
            .border_style(if selected {
                ctx.theme.accent()
            } else {
                ctx.theme.border()
            })
            .title(Span::styled(
                title,
                if selected {
                    ctx.theme.selected()
                } else {
                    ctx.theme.text()
                },
            ));
        let inner = block.inner(rect);
        block.render(rect, buf);
        let iw = inner.width;
        let line1 = format!("{sym} {} pid {}", ctx.t(label), w.pid);
        buf.set_string(inner.x, inner.y, fit(&line1, iw), state_style);
        let line2 = match (w.state, w.backoff_until) {
            (WorkerState::BackingOff, Some(until)) => {
                let left = until.saturating_sub(now);
                format!("{} {:.1}s", ctx.t(L::StateBackingOff), left.as_secs_f64())
            }
            (WorkerState::Dead, _) => w
                .last_exit
                .map(|s| status_text(s, ctx.lang))
                .unwrap_or_default(),
            _ => {
                let mut s = format!(
                    "{} {} {} {}",
                    ctx.t(L::Uptime),
                    short_duration(now.saturating_sub(w.since)),
                    ctx.t(L::Served),
                    w.served
                );
                if w.restarts > 0 {
                    s.push_str(&format!(" ↻{}", w.restarts));
                }
                if let Some(rss) = w.rss {
                    s.push_str(&format!(" {:.1}MB", rss as f64 / 1_048_576.0));
                }
                if w.connections > 0 && iw >= 34 {
                    s.push_str(&format!(" {} {}", w.connections, ctx.t(L::Conns)));
                }
                s
            }
        };
        buf.set_string(inner.x, inner.y + 1, fit(&line2, iw), ctx.theme.text());
        // The share of all requests this worker served, as a bar (left of the Kill button).
        if inner.height >= 3 {
            let kill_w = width(ctx.t(L::Kill)) + 5;
            let bar_w = iw.saturating_sub(kill_w + 5);
            let share = if total > 0 {
                w.served as f64 / total as f64
            } else {
                0.0
            };
            let full = (share * bar_w as f64).round() as usize;
            let bar = format!(
                "{}{} {:>3.0}%",
                "█".repeat(full),
                "░".repeat(bar_w as usize - full.min(bar_w as usize)),
                share * 100.0
            );
            buf.set_string(inner.x, inner.bottom() - 1, bar, ctx.theme.accent());
        }
    }
}

/// The sparkline row of a worker's box: requests per second over the last 30 s and the figure of
/// the last whole second.
fn draw_spark(ctx: &Ctx, w: &WorkerBox, now: Duration, max: u64, rect: Rect, buf: &mut Buffer) {
    if rect.height < 6 || rect.width < 12 || matches!(w.state, WorkerState::Dead) {
        return;
    }
    let (x, y, iw) = (rect.x + 1, rect.y + 3, rect.width - 2);
    let rates = w.rates(now, SPARK_SECONDS);
    let last = rates.last().copied().unwrap_or(0);
    let figure = format!(" {last} {}", ctx.t(L::ReqPerSec));
    let n = (iw.saturating_sub(width(&figure)) as usize).min(rates.len());
    let line = sparkline(&rates[rates.len() - n..], max);
    buf.set_string(x, y, &line, ctx.theme.info());
    buf.set_string(
        x + n as u16,
        y,
        fit(&figure, iw - n as u16),
        ctx.theme.dim(),
    );
}

impl ClusterTab {
    /// The tab was first shown: the cluster starts with `workers` workers.
    pub fn start(&mut self, workers: usize) -> Effect {
        self.starting = true;
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
        self.failed(message);
    }

    fn draw(&self, ctx: &mut Ctx, area: Rect, buf: &mut Buffer) {
        self.draw_tab(ctx, area, buf);
    }
}
