//! Drawing the Fork tab: the buttons row with the live count, the leaky/fixed line, the parent
//! box and the event log, with the children placed right of the parent ([`super::children`]).
//! Reads the tab and draws; changes no state.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::tui::action::{Action, ForkAction};
use crate::tui::ctx::Ctx;
use crate::tui::i18n::L;
use crate::tui::messages::Message;
use crate::tui::theme::Symbol;
use crate::tui::widgets::button::{button_row, right_status, Button};
use crate::tui::widgets::process_box::{process_box, Look};
use crate::tui::widgets::{self, fit};

use super::ForkTab;

impl ForkTab {
    pub(super) fn draw_tab(&self, ctx: &mut Ctx, area: Rect, buf: &mut Buffer) {
        let now = ctx.now;
        // Buttons and the live count.
        let y = area.y;
        let fork = Action::Fork;
        let x = button_row(
            ctx,
            buf,
            area.x + 1,
            y,
            area.right(),
            [
                Button::new("r", ctx.t(L::SendRequest), fork(ForkAction::Request)),
                Button::new("f", ctx.t(L::ForkChild), fork(ForkAction::ForkChild)),
                Button::toggle(
                    "w",
                    ctx.t(L::Leaky),
                    fork(ForkAction::ToggleLeaky),
                    self.as_written,
                ),
            ],
        );
        let live = self.live_shown(ctx.now);
        let count = format!("{}: {}", ctx.t(L::LiveChildren), live);
        let style = if self.as_written && live > 0 {
            ctx.theme.warn()
        } else {
            ctx.theme.accent()
        };
        right_status(buf, x, y, area.right(), &count, style);
        let (mode, mode_style) = if self.as_written {
            (format!("! {}", ctx.t(L::LeakyOn)), ctx.theme.warn())
        } else {
            (format!("✓ {}", ctx.t(L::LeakyOff)), ctx.theme.ok())
        };
        buf.set_string(area.x + 1, y + 1, fit(&mode, area.width - 2), mode_style);

        let [_, rest] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
        let log_h = if ctx.presenter {
            0
        } else {
            (rest.height / 3).max(4)
        };
        let [diagram, log_area] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(log_h)]).areas(rest);
        if let Some(err) = self.run.error() {
            widgets::draw_engine_error(ctx, err, true, diagram, buf);
        } else {
            self.draw_diagram(ctx, diagram, buf, now);
        }
        if log_h > 0 {
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
        let title = Span::styled(format!(" {} ", ctx.t(L::Parent)), ctx.theme.accent());
        let inner = process_box(ctx, Look::Marked, title, parent, buf);
        let parent_lines = if self.run.starting() && self.state.parent_pid.is_none() {
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
        self.draw_children(ctx, area, parent, child_w, buf, now);
    }
}
