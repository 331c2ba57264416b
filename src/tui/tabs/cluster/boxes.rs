//! One worker's box in the Cluster tab: its state, pid, uptime, requests, restarts and memory,
//! its share of the requests as a bar, and (on a large screen) the sparkline of its requests per
//! second. Draws one [`WorkerBox`] into the `Rect` it is given; it places no box, registers no
//! click and changes no state.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;

use crate::process::WorkerState;
use crate::tui::ctx::Ctx;
use crate::tui::i18n::L;
use crate::tui::theme::Symbol;
use crate::tui::widgets::exit_status::status_text;
use crate::tui::widgets::process_box::{process_box, Look};
use crate::tui::widgets::{fit, short_duration, width};

use super::WorkerBox;

/// Seconds of history a worker's sparkline shows.
pub const SPARK_SECONDS: u64 = 30;

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

#[allow(clippy::too_many_arguments)]
pub(super) fn draw_worker(
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
    let look = if selected { Look::Marked } else { Look::Live };
    let title_style = if selected {
        ctx.theme.selected()
    } else {
        ctx.theme.text()
    };
    let inner = process_box(ctx, look, Span::styled(title, title_style), rect, buf);
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

/// The sparkline row of a worker's box: requests per second over the last 30 s and the figure of
/// the last whole second.
pub(super) fn draw_spark(
    ctx: &Ctx,
    w: &WorkerBox,
    now: Duration,
    max: u64,
    rect: Rect,
    buf: &mut Buffer,
) {
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
