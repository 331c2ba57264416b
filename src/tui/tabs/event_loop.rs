//! The Event Loop tab: a recorded run of a snippet under the built-in scheduler, replayed.
//!
//! The scheduler runs the snippet once (in the runtime, off the UI thread) and the tab keeps every
//! [`Event`] it emitted. The screen is a pure fold of the events up to the playback cursor
//! ([`Snapshot`], the engine's replay): the phase lit, the queues' contents, the call stack, the running line and
//! the console output. Controls play, pause, step, step back, change speed, restart, pick an
//! example (or the `--script` file), and switch between the orders `--explore` found. The model
//! (Node's or the browser's) decides which stations the phase diagram shows and which queues are
//! listed.
//!
//! The compare view (`c`) plays the same snippet under both models: a second `LoopTab` of the
//! other model rides along in [`LoopTab::compare`], and one cursor, counted in **console lines**,
//! drives both: a step moves each side to just after its next printed line, so the two diagrams
//! show where each loop was when it printed its k-th line. The engine's own alignment
//! (`eventloop::browser::compare`, the one `demo event-loop --compare` prints) marks the lines
//! whose order differs (`≠`) or that only one model prints (`+`).

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use crate::cli::Lang;
use crate::eventloop::browser::{Comparison, LineMark};
use crate::eventloop::replay::Snapshot;
use crate::eventloop::{Event, Model, Phase, Queue, Stream};
pub use crate::tui::action::LoopAction;
use crate::tui::action::{Action, Effect};
use crate::tui::ctx::Ctx;
use crate::tui::i18n::L;
use crate::tui::script::Script;
pub use crate::tui::script::{BranchView, Compared, Recorded};
use crate::tui::widgets::button::{button, button_styled};
use crate::tui::widgets::phase_ring::{self, Station};
use crate::tui::widgets::{self, fit, width};

/// Playback speeds, in events per second.
pub const SPEEDS: [u32; 6] = [1, 2, 4, 8, 16, 32];
const DEFAULT_SPEED: usize = 2;
/// Below this many rows for the tab (a terminal under 30 rows, less the tab bar and footer), the
/// phase ring is drawn on one line.
const COMPACT_BELOW: u16 = 28;

/// The queues in the order the tab lists them.
pub const QUEUES: [Queue; 6] = [
    Queue::Timers,
    Queue::Poll,
    Queue::Check,
    Queue::Close,
    Queue::NextTick,
    Queue::Microtask,
];

/// The phase's name, with the browser's render step in one word.
fn phase_name(p: Phase) -> &'static str {
    match p {
        Phase::Render => "render",
        p => p.label(),
    }
}

pub fn describe(e: &Event, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let (en, cn) = match e {
        Event::ScriptStart { file } => (
            format!("run the main script {file}"),
            format!("运行主脚本 {file}"),
        ),
        Event::LoopIteration { iteration, at_ms } => (
            format!("loop iteration {iteration} at {at_ms} ms"),
            format!("第 {iteration} 轮循环，{at_ms} ms"),
        ),
        Event::PhaseEnter { phase, .. } => (
            format!("enter phase: {}", phase_name(*phase)),
            format!("进入阶段：{}", phase_name(*phase)),
        ),
        Event::Enqueue {
            queue,
            label,
            due_ms,
            ..
        } => match due_ms {
            Some(d) => (
                format!("queue {label} → {} (due {d} ms)", queue.short_label()),
                format!("{label} 入队 → {}（{d} ms 到期）", queue.short_label()),
            ),
            None => (
                format!("queue {label} → {}", queue.short_label()),
                format!("{label} 入队 → {}", queue.short_label()),
            ),
        },
        Event::Cancel { queue, .. } => (
            format!("cancel a callback in {}", queue.short_label()),
            format!("取消 {} 中的一个回调", queue.short_label()),
        ),
        Event::CallbackStart { label, .. } => (format!("call {label}"), format!("执行 {label}")),
        Event::CallbackEnd { .. } => ("return".to_string(), "返回".to_string()),
        Event::DrainStart { queue } => (
            format!("drain the {} queue", queue.short_label()),
            format!("清空 {} 队列", queue.short_label()),
        ),
        Event::DrainEnd { queue, ran } => (
            format!("{} queue empty ({ran} ran)", queue.short_label()),
            format!("{} 队列已空（执行了 {ran} 个）", queue.short_label()),
        ),
        Event::ClockAdvance { from_ms, to_ms } => (
            format!("nothing to run: clock {from_ms} → {to_ms} ms"),
            format!("无事可做：时钟 {from_ms} → {to_ms} ms"),
        ),
        Event::Output { text, .. } => (format!("print {text:?}"), format!("输出 {text:?}")),
        Event::Exit { code, reason } => (
            format!("exit {code}: {reason}"),
            format!("退出 {code}：{reason}"),
        ),
    };
    if zh {
        cn
    } else {
        en
    }
}

#[derive(Debug)]
pub struct LoopTab {
    pub model: Model,
    pub scripts: Vec<Script>,
    pub current: usize,
    pub events: Vec<Event>,
    pub error: Option<String>,
    /// A run was asked for and has not come back yet.
    pub recording: bool,
    pub branches: Vec<BranchView>,
    pub branch: usize,
    /// The order the recorded events belong to.
    pub played_branch: usize,
    pub cursor: usize,
    pub playing: bool,
    pub speed: usize,
    pub picker: Option<usize>,
    pub folded: Snapshot,
    /// The compare view: the same script recorded under the other model, played alongside.
    pub compare: Option<Box<LoopTab>>,
    /// The engine's alignment of the two outputs (None until it comes back).
    pub comparison: Option<Result<Comparison, String>>,
    /// In the compare view: how many console lines each side has printed so far.
    pub compare_line: usize,
    last_step: Duration,
    requested: bool,
}

/// Output events in `events`.
fn outputs(events: &[Event]) -> usize {
    events
        .iter()
        .filter(|e| matches!(e, Event::Output { .. }))
        .count()
}

/// The cursor just after the `k`-th output event (the end when there are fewer).
fn after_output(events: &[Event], k: usize) -> usize {
    if k == 0 {
        return 0;
    }
    let mut n = 0;
    for (i, e) in events.iter().enumerate() {
        if matches!(e, Event::Output { .. }) {
            n += 1;
            if n == k {
                return i + 1;
            }
        }
    }
    events.len()
}

fn other_model(m: Model) -> Model {
    match m {
        Model::Node => Model::Browser,
        Model::Browser => Model::Node,
    }
}

impl LoopTab {
    pub fn new(examples: Vec<Script>, script: Option<Script>) -> Self {
        let mut scripts = Vec::new();
        scripts.extend(script);
        scripts.extend(examples);
        LoopTab {
            model: Model::Node,
            scripts,
            current: 0,
            events: Vec::new(),
            error: None,
            recording: false,
            branches: Vec::new(),
            branch: 0,
            played_branch: 0,
            cursor: 0,
            playing: false,
            speed: DEFAULT_SPEED,
            picker: None,
            folded: Snapshot::default(),
            compare: None,
            comparison: None,
            compare_line: 0,
            last_step: Duration::ZERO,
            requested: false,
        }
    }

    pub fn keys(lang: Lang, playing: bool) -> Vec<(&'static str, &'static str)> {
        vec![
            play_key(lang, playing),
            ("→", L::Step.t(lang)),
            ("←", L::StepBack.t(lang)),
            ("+/-", L::Speed.t(lang)),
            ("Home/End", L::FirstLast.t(lang)),
            ("r", L::Restart.t(lang)),
            ("e", L::Example.t(lang)),
            ("b", L::Branch.t(lang)),
            ("m", L::Model.t(lang)),
            ("c", L::Compare.t(lang)),
        ]
    }

    /// The same keys for a narrow footer (80 columns): ← and → share one item, Home/End goes
    /// without a label, the other labels are shorter. Every key is still there.
    pub fn keys_narrow(lang: Lang, playing: bool) -> Vec<(&'static str, &'static str)> {
        vec![
            play_key(lang, playing),
            ("←/→", L::Step.t(lang)),
            ("+/-", L::Speed.t(lang)),
            ("Home/End", ""),
            ("r", L::RestartShort.t(lang)),
            ("e", L::ExampleShort.t(lang)),
            ("b", L::Branch.t(lang)),
            ("m", L::Model.t(lang)),
            ("c", L::CompareShort.t(lang)),
        ]
    }

    pub fn animating(&self) -> bool {
        self.playing
    }

    pub fn script(&self) -> Option<&Script> {
        self.scripts.get(self.current)
    }

    /// The tab is shown: record the current script the first time.
    pub fn opened(&mut self, now: Duration) -> Vec<Effect> {
        if self.requested {
            return vec![];
        }
        match self.scripts.get(self.current).cloned() {
            Some(s) => self.request(s, now),
            None => vec![],
        }
    }

    fn request(&mut self, s: Script, now: Duration) -> Vec<Effect> {
        self.requested = true;
        self.recording = true;
        self.error = None;
        self.events.clear();
        self.branches.clear();
        self.branch = 0;
        self.cursor = 0;
        self.playing = false;
        self.last_step = now;
        self.folded = Snapshot::default();
        let mut fx = vec![Effect::RunScript(s.clone(), self.model)];
        if let Some(side) = &mut self.compare {
            side.scripts = self.scripts.clone();
            side.current = self.current;
            fx.extend(side.request(s.clone(), now));
            fx.push(Effect::CompareScript(s));
            self.comparison = None;
            self.compare_line = 0;
        }
        fx
    }

    /// The two sides of the compare view, Node's first.
    pub fn sides(&self) -> Option<(&LoopTab, &LoopTab)> {
        let side = self.compare.as_deref()?;
        Some(match self.model {
            Model::Node => (self, side),
            Model::Browser => (side, self),
        })
    }

    /// Steps of the compare view: one per console line of the longer output, then the end.
    pub fn compare_steps(&self) -> usize {
        let side = self.compare.as_ref().map_or(0, |s| outputs(&s.events));
        outputs(&self.events).max(side) + 1
    }

    /// Move both sides to just after their `k`-th console line (both ends past the last one).
    fn compare_seek(&mut self, k: usize) {
        let k = k.min(self.compare_steps());
        self.compare_line = k;
        self.seek(after_output(&self.events, k));
        if let Some(side) = &mut self.compare {
            side.seek(after_output(&side.events, k));
        }
    }

    /// A side's recording came back: start both from the first line once both are there.
    fn compare_ready(&mut self, now: Duration) {
        let Some(side) = &self.compare else {
            return;
        };
        let ready = !self.recording && !side.recording;
        self.compare_seek(0);
        self.playing = ready && !self.events.is_empty();
        self.last_step = now;
    }

    pub fn on_compared(&mut self, c: Compared, _now: Duration) {
        if self.compare.is_some() && self.script().is_some_and(|s| s.name == c.name) {
            self.comparison = Some(c.result);
        }
    }

    /// Open or close the compare view.
    fn toggle_compare(&mut self, now: Duration) -> Vec<Effect> {
        self.playing = false;
        if self.compare.take().is_some() {
            self.comparison = None;
            return vec![];
        }
        let mut side = LoopTab::new(Vec::new(), None);
        side.model = other_model(self.model);
        side.scripts = self.scripts.clone();
        side.current = self.current;
        self.picker = None;
        self.comparison = None;
        let mut fx = Vec::new();
        if let Some(s) = self.script().cloned() {
            fx.extend(side.request(s.clone(), now));
            fx.push(Effect::CompareScript(s));
        }
        self.compare = Some(Box::new(side));
        self.compare_seek(0);
        fx
    }

    /// The actions the compare view handles its own way: both models are on screen already, and
    /// the explored orders belong to the single view.
    fn update_compare(&mut self, a: &LoopAction) -> Option<Vec<Effect>> {
        match a {
            LoopAction::ToggleModel | LoopAction::NextBranch => Some(vec![]),
            _ => None,
        }
    }

    /// Where playback stands and where it ends: the console line in the compare view, otherwise
    /// the event cursor.
    fn playhead(&self) -> (usize, usize) {
        if self.compare.is_some() {
            (self.compare_line, self.compare_steps())
        } else {
            (self.cursor, self.events.len())
        }
    }

    /// Move playback to `i`: a console line in the compare view, otherwise an event.
    fn go_to(&mut self, i: usize) {
        if self.compare.is_some() {
            self.compare_seek(i);
        } else {
            self.seek(i);
        }
    }

    /// Load a script (a lesson's snippet, say), adding it to the picker if it is new.
    pub fn load(&mut self, s: Script, now: Duration) -> Vec<Effect> {
        let i = match self.scripts.iter().position(|x| x.name == s.name) {
            Some(i) => {
                self.scripts[i] = s.clone();
                i
            }
            None => {
                self.scripts.push(s.clone());
                self.scripts.len() - 1
            }
        };
        self.current = i;
        self.request(s, now)
    }

    /// Load a built-in example by name; nothing when there is no such example.
    pub fn load_example(&mut self, name: &str, now: Duration) -> Vec<Effect> {
        match self.scripts.iter().position(|x| x.name == name) {
            Some(i) => {
                self.current = i;
                let s = self.scripts[i].clone();
                self.request(s, now)
            }
            None => vec![],
        }
    }

    pub fn on_recorded(&mut self, rec: Recorded, now: Duration) {
        if let Some(side) = &mut self.compare {
            if rec.model == side.model {
                side.on_recorded(rec, now);
                side.playing = false;
                self.compare_ready(now);
                return;
            }
        }
        if self.script().is_none_or(|s| s.name != rec.name) || rec.model != self.model {
            return; // an older run, superseded by a newer choice
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
        self.folded = Snapshot::default();
        self.playing = !self.events.is_empty();
        self.last_step = now;
        if self.compare.is_some() {
            self.compare_ready(now);
        }
    }

    fn seek(&mut self, to: usize) {
        let to = to.min(self.events.len());
        if to == self.cursor {
            return;
        }
        if to > self.cursor {
            for e in &self.events[self.cursor..to] {
                self.folded.apply(e);
            }
        } else {
            self.folded = Snapshot::after(&self.events, to);
        }
        self.cursor = to;
    }

    /// Advance playback to `now`.
    pub fn tick(&mut self, now: Duration) {
        if !self.playing {
            self.last_step = now;
            return;
        }
        let period = Duration::from_secs(1) / SPEEDS[self.speed];
        let elapsed = now.saturating_sub(self.last_step);
        let steps = (elapsed.as_nanos() / period.as_nanos()) as usize;
        if steps > 0 {
            // The compare view plays console lines, at the same speed setting.
            self.last_step += period * steps as u32;
            let (at, _) = self.playhead();
            self.go_to(at + steps);
            let (at, end) = self.playhead();
            if at >= end {
                self.playing = false;
            }
        }
    }

    pub fn update(&mut self, a: LoopAction, now: Duration) -> Vec<Effect> {
        if self.compare.is_some() {
            if let Some(fx) = self.update_compare(&a) {
                return fx;
            }
        }
        match a {
            LoopAction::ToggleCompare => return self.toggle_compare(now),
            LoopAction::PlayPause => {
                let (at, end) = self.playhead();
                if at >= end && !self.playing {
                    self.go_to(0);
                }
                self.playing = !self.playing && !self.events.is_empty();
                self.last_step = now;
            }
            LoopAction::Step => {
                self.playing = false;
                self.go_to(self.playhead().0 + 1);
            }
            LoopAction::Back => {
                self.playing = false;
                self.go_to(self.playhead().0.saturating_sub(1));
            }
            LoopAction::Seek(i) => {
                self.playing = false;
                self.go_to(i);
            }
            LoopAction::Faster => self.speed = (self.speed + 1).min(SPEEDS.len() - 1),
            LoopAction::Slower => self.speed = self.speed.saturating_sub(1),
            LoopAction::Restart => {
                let failed = self.error.is_some()
                    || self.compare.as_ref().is_some_and(|c| c.error.is_some());
                if failed || (self.events.is_empty() && !self.recording) {
                    if let Some(s) = self.script().cloned() {
                        return self.request(s, now);
                    }
                }
                self.go_to(0);
                self.playing = !self.events.is_empty();
                self.last_step = now;
            }
            LoopAction::Pick => {
                self.picker = match self.picker {
                    Some(_) => None,
                    None => Some(self.current),
                }
            }
            LoopAction::PickerUp => {
                if let Some(p) = &mut self.picker {
                    *p = p.saturating_sub(1);
                }
            }
            LoopAction::PickerDown => {
                if let Some(p) = &mut self.picker {
                    *p = (*p + 1).min(self.scripts.len().saturating_sub(1));
                }
            }
            LoopAction::Choose(i) => {
                let Some(i) = i.or(self.picker) else {
                    return vec![];
                };
                self.picker = None;
                if let Some(s) = self.scripts.get(i).cloned() {
                    self.current = i;
                    return self.request(s, now);
                }
            }
            LoopAction::ToggleModel => {
                self.model = match self.model {
                    Model::Node => Model::Browser,
                    Model::Browser => Model::Node,
                };
                if let Some(s) = self.script().cloned() {
                    return self.request(s, now);
                }
            }
            LoopAction::NextBranch => {
                if self.branches.len() > 1 {
                    self.branch = (self.branch + 1) % self.branches.len();
                    if let Some(events) = self.branches[self.branch].events.clone() {
                        self.played_branch = self.branch;
                        self.events = events;
                        self.folded = Snapshot::default();
                        self.cursor = 0;
                        self.playing = true;
                        self.last_step = now;
                    }
                }
            }
        }
        vec![]
    }

    /// The stations of the phase diagram for the model being played.
    fn stations(&self, lang: Lang) -> Vec<Station> {
        let lit = self.folded.lit();
        let f = &self.folded;
        let st = |phase: Phase, label: L, queue: Option<Queue>| Station {
            label: label.t(lang),
            waiting: queue.map(|q| f.waiting(q).len()),
            lit: lit == Some(phase),
        };
        match self.model {
            Model::Node => vec![
                st(Phase::Timers, L::PhaseTimers, Some(Queue::Timers)),
                st(Phase::PendingCallbacks, L::PhasePending, None),
                st(Phase::IdlePrepare, L::PhaseIdle, None),
                st(Phase::Poll, L::PhasePoll, Some(Queue::Poll)),
                st(Phase::Check, L::PhaseCheck, Some(Queue::Check)),
                st(Phase::CloseCallbacks, L::PhaseClose, Some(Queue::Close)),
            ],
            Model::Browser => vec![
                Station {
                    label: L::PhaseTask.t(lang),
                    waiting: Some(f.waiting(Queue::Task).len() + f.waiting(Queue::Timers).len()),
                    lit: lit == Some(Phase::Task),
                },
                st(
                    Phase::MicrotaskCheckpoint,
                    L::PhaseMicroCheckpoint,
                    Some(Queue::Microtask),
                ),
                st(
                    Phase::AnimationFrames,
                    L::PhaseRaf,
                    Some(Queue::AnimationFrame),
                ),
                st(Phase::Render, L::PhaseRender, None),
            ],
        }
    }

    pub fn draw(&mut self, ctx: &mut Ctx, area: Rect, buf: &mut Buffer) {
        // Controls.
        let y = area.y;
        let r = area.right();
        let mut x = area.x + 1;
        let play = if self.playing {
            format!("⏸ {}", ctx.t(L::Pause))
        } else {
            format!("▶ {}", ctx.t(L::Play))
        };
        x = button_styled(
            ctx,
            buf,
            x,
            y,
            r,
            "space",
            &play,
            Action::Loop(LoopAction::PlayPause),
            self.playing,
        );
        x = button(
            ctx,
            buf,
            x,
            y,
            r,
            "←",
            ctx.t(L::StepBack),
            Action::Loop(LoopAction::Back),
        );
        x = button(
            ctx,
            buf,
            x,
            y,
            r,
            "→",
            ctx.t(L::Step),
            Action::Loop(LoopAction::Step),
        );
        x = button(ctx, buf, x, y, r, "-", "", Action::Loop(LoopAction::Slower));
        let speed = format!("{}/s", SPEEDS[self.speed]);
        buf.set_string(x, y, &speed, ctx.theme.text());
        x += width(&speed) + 1;
        x = button(ctx, buf, x, y, r, "+", "", Action::Loop(LoopAction::Faster));
        x = button(
            ctx,
            buf,
            x,
            y,
            r,
            "r",
            ctx.t(L::Restart),
            Action::Loop(LoopAction::Restart),
        );
        let name = self.script().map(|s| s.name.clone()).unwrap_or_default();
        let ex = format!("{}: {}", ctx.t(L::Example), name);
        let ex = fit(&ex, r.saturating_sub(x + 4).min(40));
        button(ctx, buf, x, y, r, "e", &ex, Action::Loop(LoopAction::Pick));

        if self.compare.is_some() {
            self.draw_compare(
                ctx,
                Rect {
                    y: y + 1,
                    height: area.height.saturating_sub(1),
                    ..area
                },
                buf,
            );
            if let Some(sel) = self.picker {
                self.draw_picker(ctx, sel, area, buf);
            }
            return;
        }

        // Status: event k/N, loop, time, last event; the explored orders.
        let f = &self.folded;
        let mut spans = vec![
            Span::styled(
                format!(
                    "{} {}/{} ",
                    ctx.t(L::EventNo),
                    self.cursor,
                    self.events.len()
                ),
                ctx.theme.accent(),
            ),
            Span::styled(
                format!(
                    "· {} {} · {} {} ms ",
                    ctx.t(L::Iteration),
                    f.iteration,
                    ctx.t(L::Time),
                    f.now_ms
                ),
                ctx.theme.text(),
            ),
        ];
        // The compare and model switches sit at the right end of the status line; the last
        // event goes on a line of its own when it would not fit whole before them.
        let model = format!("{} {}", ctx.t(L::Model), self.model_short());
        let mw = width(&model) + 4;
        let cw = width(ctx.t(L::Compare)) + 4;
        let room = area.width.saturating_sub(mw + cw + 4);
        let mut last_line = None;
        if let Some(last) = self.cursor.checked_sub(1).and_then(|i| self.events.get(i)) {
            let last = format!("· {}", describe(last, ctx.lang));
            let used: u16 = spans.iter().map(|s| width(&s.content)).sum();
            if used + width(&last) <= room {
                spans.push(Span::styled(last, ctx.theme.info()));
            } else if area.height >= 24 {
                last_line = Some(last);
            } else {
                // No row to spare (80x24): cut it with "…", one space before the buttons.
                let cut = fit(&last, room.saturating_sub(used + 1));
                spans.push(Span::styled(cut, ctx.theme.info()));
            }
        }
        buf.set_line(area.x + 1, y + 1, &Line::from(spans), room);
        button_styled(
            ctx,
            buf,
            r.saturating_sub(mw + cw + 2),
            y + 1,
            r.saturating_sub(mw + 1),
            "c",
            ctx.t(L::Compare),
            Action::Loop(LoopAction::ToggleCompare),
            false,
        );
        button_styled(
            ctx,
            buf,
            r.saturating_sub(mw + 1),
            y + 1,
            r,
            "m",
            &model,
            Action::Loop(LoopAction::ToggleModel),
            self.model == Model::Browser,
        );
        let branch_line = if self.branches.len() > 1 {
            let b = &self.branches[self.branch];
            Line::from(vec![
                Span::styled(
                    format!(
                        "{} {}/{} ({} {}) ",
                        ctx.t(L::Branch),
                        self.branch + 1,
                        self.branches.len(),
                        self.branches.len(),
                        ctx.t(L::OrdersFound)
                    ),
                    ctx.theme.warn(),
                ),
                Span::styled(b.reason.clone(), ctx.theme.text()),
            ])
        } else {
            Line::styled(
                format!("{} · {}", self.model_name(), ctx.t(L::Deterministic)),
                ctx.theme.dim(),
            )
        };
        let mut top = y + 2;
        if let Some(last) = last_line {
            let w = area.width.saturating_sub(2);
            buf.set_string(area.x + 1, top, fit(&last, w), ctx.theme.info());
            top += 1;
        }
        if self.branches.len() > 1 || (!ctx.presenter && area.height >= 30) {
            let bw = width(ctx.t(L::Branch)) + 4;
            let room = if self.branches.len() > 1 {
                area.width.saturating_sub(bw + 3)
            } else {
                area.width - 2
            };
            buf.set_line(area.x + 1, top, &branch_line, room);
            if self.branches.len() > 1 && area.width > bw + 2 {
                button(
                    ctx,
                    buf,
                    r - bw - 1,
                    top,
                    r,
                    "b",
                    ctx.t(L::Branch),
                    Action::Loop(LoopAction::NextBranch),
                );
            }
            top += 1;
        }

        // Below 30 rows (80x24 on a projector) the ring folds into one line, so the source, the
        // queues and at least five lines of console output fit under it.
        let compact = !ctx.presenter && area.height < COMPACT_BELOW;
        self.draw_loop(ctx, top, area, buf, None, compact);
        if let Some(sel) = self.picker {
            self.draw_picker(ctx, sel, area, buf);
        }
    }

    /// The phase diagram (on one line when `compact`), the drains, and the panes under them,
    /// from row `top` of `area` down.
    fn draw_loop(
        &self,
        ctx: &mut Ctx,
        mut top: u16,
        area: Rect,
        buf: &mut Buffer,
        marks: Option<&[LineMark]>,
        compact: bool,
    ) {
        if compact {
            let ring = phase_ring::compact_line(ctx, &self.stations(ctx.lang));
            buf.set_line(area.x, top, &ring, area.width - 1);
            top += 1;
        } else {
            self.draw_ring(ctx, top, area, buf);
            top += phase_ring::height(ctx.presenter);
        }
        self.draw_below_ring(ctx, top, area, buf, marks);
    }

    /// The phase diagram as boxes, from row `top`.
    fn draw_ring(&self, ctx: &mut Ctx, top: u16, area: Rect, buf: &mut Buffer) {
        let ring_h = phase_ring::height(ctx.presenter);
        let ring = Rect {
            x: area.x,
            y: top,
            width: area.width.min(if ctx.presenter { 160 } else { 110 }),
            height: ring_h,
        };
        let stations = self.stations(ctx.lang);
        phase_ring::draw(ctx, &stations, ring, buf);
    }

    /// The drains line and the panes (or the recording notice, or the engine's error), from
    /// row `top` down.
    fn draw_below_ring(
        &self,
        ctx: &mut Ctx,
        mut top: u16,
        area: Rect,
        buf: &mut Buffer,
        marks: Option<&[LineMark]>,
    ) {
        // The drains between callbacks.
        buf.set_line(area.x + 1, top, &self.drains_line(ctx), area.width - 2);
        top += 1;

        let bottom = Rect {
            y: top,
            height: area.bottom().saturating_sub(top),
            ..area
        };
        if self.recording {
            buf.set_string(
                bottom.x + 2,
                bottom.y + 1,
                ctx.t(L::Recording),
                ctx.theme.dim(),
            );
        } else if let Some(err) = &self.error {
            Paragraph::new(widgets::engine_error(ctx, err, false))
                .wrap(Wrap { trim: false })
                .render(bottom, buf);
        } else if bottom.height >= 3 {
            self.draw_panes(ctx, bottom, buf, marks);
        }
    }

    /// `⟳ nextTick (n) → microtasks (n)`, the queue being drained lit.
    fn drains_line(&self, ctx: &Ctx) -> Line<'static> {
        let f = &self.folded;
        let drain_of = |q: Queue| {
            let n = f.waiting(q).len();
            let lit = f.drained() == Some(q);
            (q, n, lit)
        };
        let mut spans = vec![Span::styled(" ⟳ ", ctx.theme.dim())];
        let drains = match self.model {
            Model::Node => vec![drain_of(Queue::NextTick), drain_of(Queue::Microtask)],
            Model::Browser => vec![drain_of(Queue::Microtask)],
        };
        for (i, (q, n, lit)) in drains.into_iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(" → ", ctx.theme.dim()));
            }
            let label = match q {
                Queue::NextTick => ctx.t(L::QNextTick),
                _ => ctx.t(L::QMicrotask),
            };
            let text = format!("{}{label} ({n})", if lit { "▶ " } else { "" });
            spans.push(Span::styled(
                text,
                if lit {
                    ctx.theme.lit()
                } else {
                    ctx.theme.text()
                },
            ));
        }
        if let Some(q) = f.drained() {
            spans.push(Span::styled(
                format!("  {} {}", ctx.t(L::Draining), q.short_label()),
                ctx.theme.warn(),
            ));
        }
        Line::from(spans)
    }

    /// The compare view under the controls: its status line, then Node's side and the
    /// browser's, side by side on a wide screen, one over the other (compact) on a small one.
    fn draw_compare(&self, ctx: &mut Ctx, area: Rect, buf: &mut Buffer) {
        let Some((node, browser)) = self.sides() else {
            return;
        };
        let r = area.right();
        let y = area.y;
        let mut spans = vec![Span::styled(
            format!(
                "{} {}/{} ",
                ctx.t(L::CompareLine),
                self.compare_line,
                self.compare_steps()
            ),
            ctx.theme.accent(),
        )];
        if area.width >= 120 {
            spans.push(Span::styled(
                format!("· {} ", ctx.t(L::CompareHow)),
                ctx.theme.dim(),
            ));
        }
        match &self.comparison {
            Some(Ok(_)) => {
                let (moved, moved_style) = mark_symbol(ctx, LineMark::Moved);
                let (only, only_style) = mark_symbol(ctx, LineMark::Only);
                spans.push(Span::styled("· ", ctx.theme.dim()));
                spans.push(Span::styled(
                    format!("{moved}{} ", ctx.t(L::LegendMoved)),
                    moved_style.unwrap_or_default(),
                ));
                spans.push(Span::styled(
                    format!(" {only}{}", ctx.t(L::LegendOnly)),
                    only_style.unwrap_or_default(),
                ));
            }
            Some(Err(e)) => spans.push(Span::styled(format!("✗ {e}"), ctx.theme.bad())),
            None => spans.push(Span::styled(ctx.t(L::Comparing), ctx.theme.dim())),
        }
        let cw = width(ctx.t(L::Compare)) + 4;
        buf.set_line(
            area.x + 1,
            y,
            &Line::from(spans),
            area.width.saturating_sub(cw + 3),
        );
        button_styled(
            ctx,
            buf,
            r.saturating_sub(cw + 1),
            y,
            r,
            "c",
            ctx.t(L::Compare),
            Action::Loop(LoopAction::ToggleCompare),
            true,
        );
        let (node_marks, browser_marks) = match &self.comparison {
            Some(Ok(c)) => (
                Some(c.node_marks.as_slice()),
                Some(c.browser_marks.as_slice()),
            ),
            _ => (None, None),
        };
        let body = Rect {
            y: y + 1,
            height: area.height.saturating_sub(1),
            ..area
        };
        if body.width >= 160 {
            // A two-column gap keeps the two rings' arrows apart.
            let half = body.width / 2;
            let left = Rect {
                width: half - 1,
                ..body
            };
            let right = Rect {
                x: body.x + half + 1,
                width: body.width - half - 1,
                ..body
            };
            node.draw_side(ctx, left, buf, node_marks);
            browser.draw_side(ctx, right, buf, browser_marks);
        } else {
            let half = body.height / 2;
            let top = Rect {
                height: half,
                ..body
            };
            let bottom = Rect {
                y: body.y + half,
                height: body.height - half,
                ..body
            };
            node.draw_side(ctx, top, buf, node_marks);
            browser.draw_side(ctx, bottom, buf, browser_marks);
        }
    }

    /// One model in the compare view: a title line, then the full diagram when there is room,
    /// else a compact form (the stations on one line, the queues beside the console).
    fn draw_side(&self, ctx: &mut Ctx, area: Rect, buf: &mut Buffer, marks: Option<&[LineMark]>) {
        if area.height < 4 || area.width < 20 {
            return;
        }
        let f = &self.folded;
        let mut spans = vec![
            Span::styled(
                format!("■ {} ", self.model_name()),
                ctx.theme.accent().add_modifier(Modifier::BOLD),
            ),
            Span::styled(
                format!(
                    "· {} {}/{} · {} {} · {} {} ms ",
                    ctx.t(L::EventNo),
                    self.cursor,
                    self.events.len(),
                    ctx.t(L::Iteration),
                    f.iteration,
                    ctx.t(L::Time),
                    f.now_ms
                ),
                ctx.theme.text(),
            ),
        ];
        if let Some(last) = self.cursor.checked_sub(1).and_then(|i| self.events.get(i)) {
            spans.push(Span::styled(
                format!("· {}", describe(last, ctx.lang)),
                ctx.theme.info(),
            ));
        }
        buf.set_line(area.x + 1, area.y, &Line::from(spans), area.width - 2);
        let full = area.height >= phase_ring::height(ctx.presenter) + 2 + 8;
        if full || self.recording || self.error.is_some() {
            self.draw_loop(ctx, area.y + 1, area, buf, marks, false);
            return;
        }
        // Compact: the stations on one line (the lit one in full, reversed, with ▶).
        let ring = phase_ring::compact_line(ctx, &self.stations(ctx.lang));
        buf.set_line(area.x, area.y + 1, &ring, area.width - 1);
        buf.set_line(
            area.x + 1,
            area.y + 2,
            &self.drains_line(ctx),
            area.width - 2,
        );
        let rest = Rect {
            y: area.y + 3,
            height: area.height - 3,
            ..area
        };
        let qw = (rest.width * 9 / 20).max(20).min(rest.width);
        self.draw_queues(ctx, Rect { width: qw, ..rest }, buf);
        self.draw_console(
            ctx,
            Rect {
                x: rest.x + qw,
                width: rest.width - qw,
                ..rest
            },
            buf,
            marks,
        );
    }

    fn model_short(&self) -> &'static str {
        match self.model {
            Model::Node => "Node",
            Model::Browser => "Browser",
        }
    }

    fn model_name(&self) -> &'static str {
        match self.model {
            Model::Node => "Node v20",
            Model::Browser => "Browser (HTML event loop)",
        }
    }

    fn draw_panes(&self, ctx: &mut Ctx, area: Rect, buf: &mut Buffer, marks: Option<&[LineMark]>) {
        let n_queues = self.queues().len() as u16;
        if area.width >= 120 {
            // Source | queues over the call stack | console.
            let src_w = area.width * 2 / 5;
            let mid_w = (area.width - src_w) / 2;
            let src = Rect {
                width: src_w,
                ..area
            };
            let mid = Rect {
                x: area.x + src_w,
                width: mid_w,
                ..area
            };
            let con = Rect {
                x: area.x + src_w + mid_w,
                width: area.width - src_w - mid_w,
                ..area
            };
            let qh = (n_queues + 1).min(mid.height);
            self.draw_source(ctx, src, buf);
            self.draw_queues(ctx, Rect { height: qh, ..mid }, buf);
            self.draw_stack(
                ctx,
                Rect {
                    y: mid.y + qh,
                    height: mid.height - qh,
                    ..mid
                },
                buf,
            );
            self.draw_console(ctx, con, buf, marks);
        } else {
            // Source over the call stack | queues over the console.
            let half = area.width / 2;
            let left = Rect {
                width: half,
                ..area
            };
            let right = Rect {
                x: area.x + half,
                width: area.width - half,
                ..area
            };
            let stack_h = (area.height / 3).max(3).min(area.height);
            self.draw_source(
                ctx,
                Rect {
                    height: area.height - stack_h,
                    ..left
                },
                buf,
            );
            self.draw_stack(
                ctx,
                Rect {
                    y: left.bottom() - stack_h,
                    height: stack_h,
                    ..left
                },
                buf,
            );
            let qh = (n_queues + 1).min(right.height);
            self.draw_queues(
                ctx,
                Rect {
                    height: qh,
                    ..right
                },
                buf,
            );
            self.draw_console(
                ctx,
                Rect {
                    y: right.y + qh,
                    height: right.height - qh,
                    ..right
                },
                buf,
                marks,
            );
        }
    }

    fn queues(&self) -> &'static [Queue] {
        match self.model {
            Model::Node => &QUEUES,
            Model::Browser => &[
                Queue::Timers,
                Queue::Task,
                Queue::Microtask,
                Queue::AnimationFrame,
            ],
        }
    }

    fn pane<'a>(ctx: &Ctx, title: &'a str) -> Block<'a> {
        Block::default()
            .borders(Borders::TOP | Borders::LEFT)
            .border_style(ctx.theme.border())
            .title(Span::styled(format!(" {title} "), ctx.theme.accent()))
    }

    fn draw_source(&self, ctx: &mut Ctx, area: Rect, buf: &mut Buffer) {
        let block = Self::pane(ctx, ctx.t(L::Source));
        let inner = block.inner(area);
        block.render(area, buf);
        let Some(script) = self.script() else {
            return;
        };
        let current = self.folded.line();
        let lines: Vec<&str> = script.source.lines().collect();
        let h = inner.height as usize;
        // Keep the running line in view.
        let first = match current {
            Some(l) if (l as usize) > h / 2 => {
                ((l as usize) - h / 2).min(lines.len().saturating_sub(h))
            }
            _ => 0,
        };
        for (row, (i, text)) in lines.iter().enumerate().skip(first).take(h).enumerate() {
            let n = i as u32 + 1;
            let lit = current == Some(n);
            let y = inner.y + row as u16;
            let prefix = format!("{}{n:>3} ", if lit { "▶" } else { " " });
            let style = if lit {
                ctx.theme.lit()
            } else {
                ctx.theme.text()
            };
            buf.set_string(
                inner.x,
                y,
                &prefix,
                if lit { style } else { ctx.theme.dim() },
            );
            let tw = inner.width.saturating_sub(width(&prefix));
            let text = fit(&text.replace('\t', "  "), tw);
            if lit {
                buf.set_style(
                    Rect {
                        x: inner.x,
                        y,
                        width: inner.width,
                        height: 1,
                    },
                    style,
                );
            }
            buf.set_string(inner.x + width(&prefix), y, text, style);
        }
    }

    fn draw_queues(&self, ctx: &mut Ctx, area: Rect, buf: &mut Buffer) {
        let block = Self::pane(ctx, ctx.t(L::Queues));
        let inner = block.inner(area);
        block.render(area, buf);
        let f = &self.folded;
        let mut lines: Vec<Line> = Vec::new();
        let name_w = 11usize;
        for q in self.queues() {
            let items = f.waiting(*q);
            let label = match q {
                Queue::Timers => L::QTimers,
                Queue::Poll => L::QPoll,
                Queue::Check => L::QCheck,
                Queue::Close => L::QClose,
                Queue::NextTick => L::QNextTick,
                Queue::Microtask => L::QMicrotask,
                Queue::Task => L::QTask,
                Queue::AnimationFrame => L::QRaf,
                Queue::Main => L::QMain,
            }
            .t(ctx.lang);
            let label = fit(label, name_w as u16);
            let pad = name_w.saturating_sub(width(&label) as usize);
            let mut spans = vec![Span::styled(
                format!("{label}{} {:>2} ", " ".repeat(pad), items.len()),
                if items.is_empty() {
                    ctx.theme.dim()
                } else {
                    ctx.theme.accent()
                },
            )];
            let list: Vec<String> = items
                .iter()
                .map(|p| match p.due_ms {
                    Some(d) => format!("{}@{d}ms", short_label(&p.label)),
                    None => short_label(&p.label),
                })
                .collect();
            spans.push(Span::styled(list.join(" · "), ctx.theme.text()));
            lines.push(Line::from(spans));
        }
        Paragraph::new(lines).render(inner, buf);
    }

    fn draw_stack(&self, ctx: &mut Ctx, area: Rect, buf: &mut Buffer) {
        let block = Self::pane(ctx, ctx.t(L::CallStack));
        let inner = block.inner(area);
        block.render(area, buf);
        let f = &self.folded;
        let mut lines: Vec<Line> = Vec::new();
        if f.stack.is_empty() {
            lines.push(Line::styled(
                format!("  {}", ctx.t(L::Empty)),
                ctx.theme.dim(),
            ));
        }
        for (i, label) in f.stack.iter().enumerate().rev() {
            let top = i + 1 == f.stack.len();
            let line = f.stack_lines.get(i).copied().flatten();
            let text = format!(
                "{}{}{}",
                if top { "▶ " } else { "  " },
                label,
                line.filter(|l| !label.contains(&format!("line {l}")))
                    .map(|l| format!(" :{l}"))
                    .unwrap_or_default()
            );
            lines.push(Line::styled(
                text,
                if top {
                    ctx.theme.lit()
                } else {
                    ctx.theme.text()
                },
            ));
        }
        Paragraph::new(lines).render(inner, buf);
    }

    fn draw_console(
        &self,
        ctx: &mut Ctx,
        area: Rect,
        buf: &mut Buffer,
        marks: Option<&[LineMark]>,
    ) {
        let block = Self::pane(ctx, ctx.t(L::Console));
        let inner = block.inner(area);
        block.render(area, buf);
        let f = &self.folded;
        let other = self
            .branches
            .get(self.branch)
            .filter(|_| self.branch != self.played_branch);
        let output = match other {
            Some(b) => &b.output,
            None => &f.output,
        };
        let mut lines: Vec<Line> = Vec::new();
        if other.is_some() {
            lines.push(Line::styled(
                format!(
                    "{} {} ({} {})",
                    ctx.t(L::Branch),
                    self.branch + 1,
                    ctx.t(L::OutputOnly),
                    self.played_branch + 1
                ),
                ctx.theme.warn(),
            ));
        }
        let marks = marks.filter(|_| other.is_none());
        lines.extend(output.iter().enumerate().map(|(i, (s, t))| {
            let (prefix, style) = match marks.map(|m| m.get(i).copied()) {
                None => ("", None),
                Some(None) | Some(Some(LineMark::Same)) => ("  ", None),
                Some(Some(m)) => mark_symbol(ctx, m),
            };
            match s {
                Stream::Stdout => {
                    Line::styled(format!("{prefix}{t}"), style.unwrap_or(ctx.theme.text()))
                }
                Stream::Stderr => {
                    Line::styled(format!("{prefix}! {t}"), style.unwrap_or(ctx.theme.warn()))
                }
            }
        }));
        if let (None, Some((code, reason))) = (other, &f.exit) {
            lines.push(Line::styled(
                format!("— {} {code} ({reason})", ctx.t(L::ExitCode)),
                if *code == 0 {
                    ctx.theme.dim()
                } else {
                    ctx.theme.bad()
                },
            ));
        }
        let skip = lines.len().saturating_sub(inner.height as usize);
        Paragraph::new(lines.split_off(skip)).render(inner, buf);
    }

    fn draw_picker(&self, ctx: &mut Ctx, sel: usize, area: Rect, buf: &mut Buffer) {
        let h = (self.scripts.len() as u16 + 2).min(area.height.saturating_sub(2));
        let w = area.width.saturating_sub(8).min(70);
        let rect = Rect {
            x: area.x + (area.width - w) / 2,
            y: area.y + 2,
            width: w,
            height: h,
        };
        Clear.render(rect, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(ctx.theme.accent())
            .title(Span::styled(
                format!(" {} ", ctx.t(L::PickExample)),
                ctx.theme.accent(),
            ))
            .style(ctx.theme.base());
        let inner = block.inner(rect);
        block.render(rect, buf);
        for (i, s) in self.scripts.iter().enumerate().take(inner.height as usize) {
            let y = inner.y + i as u16;
            let lit = i == sel;
            let text = format!("{}{} — {}", if lit { "» " } else { "  " }, s.name, s.title);
            buf.set_string(
                inner.x,
                y,
                fit(&text, inner.width),
                if lit {
                    ctx.theme.selected()
                } else {
                    ctx.theme.text()
                },
            );
            ctx.hit(
                Rect {
                    x: inner.x,
                    y,
                    width: inner.width,
                    height: 1,
                },
                Action::Loop(LoopAction::Choose(Some(i))),
            );
        }
    }
}

/// "setTimeout at line 3" → "setTimeout:3", to fit more in a queue's line.
fn short_label(label: &str) -> String {
    match label.split_once(" at line ") {
        Some((what, line)) => format!("{what}:{line}"),
        None => label.to_string(),
    }
}

/// A console line's mark in the compare view: a symbol and a bold style, never colour alone.
fn mark_symbol(ctx: &Ctx, m: LineMark) -> (&'static str, Option<Style>) {
    match m {
        LineMark::Same => ("  ", None),
        LineMark::Moved => ("≠ ", Some(ctx.theme.warn().add_modifier(Modifier::BOLD))),
        LineMark::Only => ("+ ", Some(ctx.theme.info().add_modifier(Modifier::BOLD))),
    }
}

/// The play/pause key, the first item of both footers.
fn play_key(lang: Lang, playing: bool) -> (&'static str, &'static str) {
    let label = if playing { L::Pause } else { L::Play };
    ("space", label.t(lang))
}
