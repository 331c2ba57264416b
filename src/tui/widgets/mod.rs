//! Reusable drawing pieces shared by the tabs: clickable buttons, the chrome (tab bar, footer,
//! help), the event log, the phase diagram, the frame of a process's box, the lesson text and the engine-error lines. Widgets
//! draw; they keep no state between frames except the button areas they hand to
//! [`crate::tui::ctx::Ctx`].

pub mod button;
pub mod chrome;
pub mod exit_status;
pub mod log;
pub mod markdown;
pub mod phase_ring;
pub mod process_box;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::tui::ctx::Ctx;
use crate::tui::i18n::L;

/// The lines a tab shows when its engine failed: the heading, the error, and (where the tab can
/// start its engine again) how to retry.
pub fn engine_error(ctx: &Ctx, err: &str, retry: bool) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::styled(format!("✗ {}", ctx.t(L::EngineError)), ctx.theme.bad()),
        Line::styled(err.to_string(), ctx.theme.text()),
    ];
    if retry {
        lines.push(Line::styled("Ctrl-R: retry", ctx.theme.dim()));
    }
    lines
}

/// The [`engine_error`] lines drawn in `area`, wrapped.
pub fn draw_engine_error(ctx: &Ctx, err: &str, retry: bool, area: Rect, buf: &mut Buffer) {
    Paragraph::new(engine_error(ctx, err, retry))
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

/// Columns a string takes on screen (CJK characters take two).
pub fn width(s: &str) -> u16 {
    ratatui::text::Span::raw(s).width().min(u16::MAX as usize) as u16
}

/// Cut `s` to at most `max` columns, ending with `…` when cut.
pub fn fit(s: &str, max: u16) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0u16;
    for ch in s.chars() {
        let cw = width(ch.encode_utf8(&mut [0; 4]));
        if w + cw + 1 > max {
            break;
        }
        out.push(ch);
        w += cw;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// "12s", "3m04s", "1h02m": an uptime that stays short.
pub fn short_duration(d: std::time::Duration) -> String {
    let s = d.as_secs();
    if s < 10 {
        format!("{:.1}s", d.as_secs_f64())
    } else if s < 60 {
        format!("{s}s")
    } else if s < 3600 {
        format!("{}m{:02}s", s / 60, s % 60)
    } else {
        format!("{}h{:02}m", s / 3600, (s % 3600) / 60)
    }
}
