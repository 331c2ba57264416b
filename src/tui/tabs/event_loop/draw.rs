//! Drawing the Event Loop tab's single view: the controls row, the status line, the explored
//! orders, the phase diagram (boxes, or one line on a small screen) and the drains line over the
//! panes ([`super::panes`]). Reads a [`Run`] and draws; changes no state.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::cli::Lang;
use crate::eventloop::compare::LineMark;
use crate::eventloop::{Model, Phase, Queue};
use crate::tui::action::{Action, LoopAction};
use crate::tui::ctx::Ctx;
use crate::tui::i18n::L;
use crate::tui::script::Script;
use crate::tui::widgets::button::{button, button_row, button_styled, Button};
use crate::tui::widgets::phase_ring::{self, Station};
use crate::tui::widgets::{self, fit, width};

use super::narration::{describe, model_name, model_short};
use super::playback::Run;

/// Below this many rows for the tab (a terminal under 30 rows, less the tab bar and footer), the
/// phase ring is drawn on one line.
const COMPACT_BELOW: u16 = 28;

/// The controls row at the top of `area`: play/pause, step back and on, speed, restart, and the
/// example picker's button with the script's name.
pub(super) fn controls(
    ctx: &mut Ctx,
    area: Rect,
    buf: &mut Buffer,
    playing: bool,
    per_second: u32,
    script: Option<&Script>,
) {
    let y = area.y;
    let r = area.right();
    let play = if playing {
        format!("⏸ {}", ctx.t(L::Pause))
    } else {
        format!("▶ {}", ctx.t(L::Play))
    };
    let buttons = [
        Button::toggle("space", &play, Action::Loop(LoopAction::PlayPause), playing),
        Button::new("←", ctx.t(L::StepBack), Action::Loop(LoopAction::Back)),
        Button::new("→", ctx.t(L::Step), Action::Loop(LoopAction::Step)),
        Button::new("-", "", Action::Loop(LoopAction::Slower)),
    ];
    let mut x = button_row(ctx, buf, area.x + 1, y, r, buttons);
    let speed = format!("{per_second}/s");
    buf.set_string(x, y, &speed, ctx.theme.text());
    x += width(&speed) + 1;
    let buttons = [
        Button::new("+", "", Action::Loop(LoopAction::Faster)),
        Button::new("r", ctx.t(L::Restart), Action::Loop(LoopAction::Restart)),
    ];
    let x = button_row(ctx, buf, x, y, r, buttons);
    let name = script.map(|s| s.name.clone()).unwrap_or_default();
    let ex = format!("{}: {}", ctx.t(L::Example), name);
    let ex = fit(&ex, r.saturating_sub(x + 4).min(40));
    button(ctx, buf, x, y, r, "e", &ex, Action::Loop(LoopAction::Pick));
}

impl Run {
    /// The single view under the controls of `area`: the status line (event k/N, loop, time, the
    /// last event in words, the compare and model switches), the explored orders, then the loop.
    pub(super) fn single(
        &self,
        ctx: &mut Ctx,
        area: Rect,
        buf: &mut Buffer,
        script: Option<&Script>,
    ) {
        let y = area.y;
        let r = area.right();
        // Status: event k/N, loop, time, last event; the explored orders.
        let f = &self.snap;
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
        let model = format!("{} {}", ctx.t(L::Model), model_short(self.model));
        let mw = width(&model) + 4;
        let cw = width(ctx.t(L::Compare)) + 4;
        let room = area.width.saturating_sub(mw + cw + 4);
        let mut last_line = None;
        if let Some(last) = self.last() {
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
                format!("{} · {}", model_name(self.model), ctx.t(L::Deterministic)),
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
        self.draw_loop(ctx, top, area, buf, None, compact, script);
    }

    /// The stations of the phase diagram for the model being played.
    pub(super) fn stations(&self, lang: Lang) -> Vec<Station> {
        let lit = self.snap.lit();
        let f = &self.snap;
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

    /// The phase diagram (on one line when `compact`), the drains, and the panes under them,
    /// from row `top` of `area` down.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn draw_loop(
        &self,
        ctx: &mut Ctx,
        mut top: u16,
        area: Rect,
        buf: &mut Buffer,
        marks: Option<&[LineMark]>,
        compact: bool,
        script: Option<&Script>,
    ) {
        if compact {
            let ring = phase_ring::compact_line(ctx, &self.stations(ctx.lang));
            buf.set_line(area.x, top, &ring, area.width - 1);
            top += 1;
        } else {
            self.draw_ring(ctx, top, area, buf);
            top += phase_ring::height(ctx.presenter);
        }
        self.draw_below_ring(ctx, top, area, buf, marks, script);
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
        script: Option<&Script>,
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
            self.draw_panes(ctx, bottom, buf, marks, script);
        }
    }

    /// `⟳ nextTick (n) → microtasks (n)`, the queue being drained lit.
    pub(super) fn drains_line(&self, ctx: &Ctx) -> Line<'static> {
        let f = &self.snap;
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
}
