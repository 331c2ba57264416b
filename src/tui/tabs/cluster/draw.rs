//! Drawing the Cluster tab: the buttons row with the primary's pid, the address, the policy and
//! the load's figures, the grid of worker boxes (each clickable, with its Kill button) and the
//! event log under it. Reads the tab and draws; changes no state except the grid's column count
//! that ↑ and ↓ move by.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::process::{SchedPolicy, WorkerState};
use crate::tui::action::{Action, ClusterAction};
use crate::tui::ctx::Ctx;
use crate::tui::i18n::L;
use crate::tui::messages::Message;
use crate::tui::widgets::button::{button, button_row, right_status, Button};
use crate::tui::widgets::{self, width};

use super::boxes::{draw_spark, draw_worker, SPARK_SECONDS};
use super::ClusterTab;

/// The width a worker box needs.
const BOX_W: u16 = 26;
/// A box wide enough for the 30 s sparkline and its figure.
const BOX_W_SPARK: u16 = 40;

impl ClusterTab {
    pub(super) fn draw_tab(&self, ctx: &mut Ctx, area: Rect, buf: &mut Buffer) {
        let now = ctx.now;
        let y = area.y;
        let r = area.right();
        let load_label = if self.load_on() {
            ctx.t(L::LoadStop)
        } else {
            ctx.t(L::LoadStart)
        };
        let sched_label = format!("{} {}", ctx.t(L::Sched), self.sched.name());
        let cluster = Action::Cluster;
        let x = button_row(
            ctx,
            buf,
            area.x + 1,
            y,
            r,
            [
                Button::new("a", ctx.t(L::AddWorker), cluster(ClusterAction::Add)),
                Button::new("d", ctx.t(L::RemoveWorker), cluster(ClusterAction::Remove)),
                Button::toggle(
                    "l",
                    load_label,
                    cluster(ClusterAction::ToggleLoad),
                    self.load_on(),
                ),
                Button::new("s", &sched_label, cluster(ClusterAction::ToggleSched)),
                Button::new(
                    "m",
                    ctx.t(L::SendMessage),
                    cluster(ClusterAction::SendMessage),
                ),
            ],
        );
        if let Some(pid) = self.state.primary_pid {
            let p = format!("{} pid {pid}", ctx.t(L::Primary));
            right_status(buf, x, y, r, &p, ctx.theme.accent());
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

        let [_, rest] =
            Layout::vertical([Constraint::Length(top), Constraint::Fill(1)]).areas(area);
        if let Some(err) = self.run.error() {
            widgets::draw_engine_error(ctx, err, true, rest, buf);
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
            draw_worker(ctx, w, i == self.selected, total, now, rect, buf);
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
            let [_, log_area] =
                Layout::vertical([Constraint::Length(grid_h), Constraint::Fill(1)]).areas(rest);
            self.log.draw(ctx, log_area, buf);
        }
    }
}
