//! The Fork tab's children: one box per child on screen (its pid, state, request and uptime,
//! dimmed once it has exited) and the arrow from the parent to it with the IPC messages travelling
//! along it. Reads the tab and draws; it places no parent box and changes no state.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;

use crate::process::Side;
use crate::tui::ctx::Ctx;
use crate::tui::i18n::L;
use crate::tui::theme::Symbol;
use crate::tui::widgets::exit_status::status_text;
use crate::tui::widgets::process_box::{process_box, Look};
use crate::tui::widgets::{fit, short_duration, width};

use super::{ChildBox, ChildState, ForkTab, FADE, FLIGHT};

impl ForkTab {
    /// The children right of the `parent` box within `area`, each `child_w` wide, with their
    /// arrows; a line says how many more there are when not all fit.
    pub(super) fn draw_children(
        &self,
        ctx: &mut Ctx,
        area: Rect,
        parent: Rect,
        child_w: u16,
        buf: &mut Buffer,
        now: Duration,
    ) {
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
            draw_child(ctx, c, r, now, buf);
            if aw >= 4 {
                self.draw_arrow(ctx, c.pid, ax, aw, r.y + 1, now, buf);
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

    /// The arrow from the parent to child `pid` on row `ay`, from `ax` and `aw` wide, and any
    /// message travelling along it.
    #[allow(clippy::too_many_arguments)]
    fn draw_arrow(
        &self,
        ctx: &Ctx,
        pid: u32,
        ax: u16,
        aw: u16,
        ay: u16,
        now: Duration,
        buf: &mut Buffer,
    ) {
        let line: String = "─".repeat(aw as usize - 1);
        buf.set_string(ax, ay, &line, ctx.theme.dim());
        buf.set_string(ax + aw - 1, ay, "►", ctx.theme.dim());
        buf.set_string(ax, ay, "◄", ctx.theme.dim());
        for f in self.flights.iter().filter(|f| f.pid == pid) {
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

/// One child's box in `r`: its pid and state, titled with its request and uptime.
fn draw_child(ctx: &Ctx, c: &ChildBox, r: Rect, now: Duration, buf: &mut Buffer) {
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
    let look = if gone { Look::Gone } else { Look::Live };
    let inner = process_box(ctx, look, Span::styled(title, ctx.theme.text()), r, buf);
    let text = format!("{sym} pid {} {state}", c.pid);
    buf.set_string(inner.x, inner.y, fit(&text, inner.width), style);
}
