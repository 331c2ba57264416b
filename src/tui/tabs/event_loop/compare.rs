//! The Event Loop tab's compare view: the same script recorded under both models, played side
//! by side. One cursor, counted in **console lines**, drives both [`Run`]s: a step moves each
//! side to just after its next printed line, so the two diagrams show where each loop was when
//! it printed its k-th line. The engine's own alignment (`eventloop::compare::compare`, the one
//! `demo event-loop --compare` prints) marks the lines whose order differs (`≠`) or that only one
//! model prints (`+`). This file holds that state and draws the view; the runs' own panes are
//! drawn by [`super::draw`] and [`super::panes`].

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use crate::eventloop::compare::{Comparison, LineMark};
use crate::eventloop::Event;
use crate::tui::action::{Action, LoopAction};
use crate::tui::ctx::Ctx;
use crate::tui::i18n::L;
use crate::tui::script::Script;
use crate::tui::widgets::button::button_styled;
use crate::tui::widgets::phase_ring;
use crate::tui::widgets::width;

use super::narration::{describe, model_name};
use super::panes::mark_symbol;
use super::playback::Run;

/// The compare view's own state: the other model's run, the engine's alignment and the line
/// cursor.
#[derive(Debug, Clone)]
pub(super) struct Compare {
    /// The script recorded under the other model than the tab's.
    pub(super) side: Run,
    /// The engine's alignment of the two outputs (None until it comes back).
    pub(super) comparison: Option<Result<Comparison, String>>,
    /// How many console lines each side has printed so far.
    pub(super) line: usize,
}

impl Compare {
    pub(super) fn new(side: Run) -> Self {
        Compare {
            side,
            comparison: None,
            line: 0,
        }
    }

    /// Steps of the view: one per console line of the longer output, then the end.
    pub(super) fn steps(&self, a: &Run, b: &Run) -> usize {
        outputs(&a.events).max(outputs(&b.events)) + 1
    }

    /// Move both runs to just after their `k`-th console line (both ends past the last one).
    pub(super) fn seek(&mut self, main: &mut Run, k: usize) {
        let k = k.min(self.steps(main, &self.side));
        self.line = k;
        main.seek(after_output(&main.events, k));
        self.side.seek(after_output(&self.side.events, k));
    }

    /// The compare view under the controls: its status line, then Node's side and the
    /// browser's, side by side on a wide screen, one over the other (compact) on a small one.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn draw(
        &self,
        ctx: &mut Ctx,
        area: Rect,
        buf: &mut Buffer,
        node: &Run,
        browser: &Run,
        script: Option<&Script>,
    ) {
        let r = area.right();
        let y = area.y;
        let mut spans = vec![Span::styled(
            format!(
                "{} {}/{} ",
                ctx.t(L::CompareLine),
                self.line,
                self.steps(node, browser)
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
        let [first, second] = if body.width >= 160 {
            // A two-column gap keeps the two rings' arrows apart.
            let half = body.width / 2;
            let [left, _gap, right] = Layout::horizontal([
                Constraint::Length(half - 1),
                Constraint::Length(2),
                Constraint::Fill(1),
            ])
            .areas(body);
            [left, right]
        } else {
            Layout::vertical([Constraint::Length(body.height / 2), Constraint::Fill(1)]).areas(body)
        };
        draw_side(node, ctx, first, buf, node_marks, script);
        draw_side(browser, ctx, second, buf, browser_marks, script);
    }
}

/// One model in the compare view: a title line, then the full diagram when there is room,
/// else a compact form (the stations on one line, the queues beside the console).
fn draw_side(
    run: &Run,
    ctx: &mut Ctx,
    area: Rect,
    buf: &mut Buffer,
    marks: Option<&[LineMark]>,
    script: Option<&Script>,
) {
    if area.height < 4 || area.width < 20 {
        return;
    }
    let f = &run.snap;
    let mut spans = vec![
        Span::styled(
            format!("■ {} ", model_name(run.model)),
            ctx.theme.accent().add_modifier(Modifier::BOLD),
        ),
        Span::styled(
            format!(
                "· {} {}/{} · {} {} · {} {} ms ",
                ctx.t(L::EventNo),
                run.cursor,
                run.events.len(),
                ctx.t(L::Iteration),
                f.iteration,
                ctx.t(L::Time),
                f.now_ms
            ),
            ctx.theme.text(),
        ),
    ];
    if let Some(last) = run.last() {
        spans.push(Span::styled(
            format!("· {}", describe(last, ctx.lang)),
            ctx.theme.info(),
        ));
    }
    buf.set_line(area.x + 1, area.y, &Line::from(spans), area.width - 2);
    let full = area.height >= phase_ring::height(ctx.presenter) + 2 + 8;
    if full || run.recording || run.error.is_some() {
        run.draw_loop(ctx, area.y + 1, area, buf, marks, false, script);
        return;
    }
    // Compact: the stations on one line (the lit one in full, reversed, with ▶).
    let ring = phase_ring::compact_line(ctx, &run.stations(ctx.lang));
    buf.set_line(area.x, area.y + 1, &ring, area.width - 1);
    buf.set_line(
        area.x + 1,
        area.y + 2,
        &run.drains_line(ctx),
        area.width - 2,
    );
    let rest = Rect {
        y: area.y + 3,
        height: area.height - 3,
        ..area
    };
    let qw = (rest.width * 9 / 20).max(20);
    let [queues, console] =
        Layout::horizontal([Constraint::Length(qw), Constraint::Fill(1)]).areas(rest);
    run.draw_queues(ctx, queues, buf);
    run.draw_console(ctx, console, buf, marks);
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
