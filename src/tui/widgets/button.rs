//! Clickable buttons: drawn as `[key label]`, their area stored for the next click (the way
//! bottom does it: remember each button's `Rect` at draw time, hit-test later).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::width;

use crate::tui::action::Action;
use crate::tui::ctx::Ctx;

/// Draw `[key label]` at (x, y) within `max_x`, register it, and return the x after it (plus one
/// space). Nothing is drawn when it does not fit.
#[allow(clippy::too_many_arguments)]
pub fn button(
    ctx: &mut Ctx,
    buf: &mut Buffer,
    x: u16,
    y: u16,
    max_x: u16,
    key: &str,
    label: &str,
    action: Action,
) -> u16 {
    button_styled(ctx, buf, x, y, max_x, key, label, action, false)
}

/// Like [`button`], drawn reversed when `active` (a toggle that is on).
#[allow(clippy::too_many_arguments)]
pub fn button_styled(
    ctx: &mut Ctx,
    buf: &mut Buffer,
    x: u16,
    y: u16,
    max_x: u16,
    key: &str,
    label: &str,
    action: Action,
    active: bool,
) -> u16 {
    let gap = u16::from(!label.is_empty());
    let text_w = width(key) + width(label) + 2 + gap; // "[" key " " label "]"
    if x + text_w > max_x {
        return x;
    }
    let mut style = ctx.theme.button();
    if active {
        style = style.add_modifier(Modifier::REVERSED);
    }
    let mut cx = x;
    buf.set_string(cx, y, "[", style);
    cx += 1;
    buf.set_string(cx, y, key, ctx.theme.key().patch(active_style(active)));
    cx += width(key);
    if gap > 0 {
        buf.set_string(cx, y, " ", style);
    }
    cx += gap;
    buf.set_string(cx, y, label, style);
    cx += width(label);
    buf.set_string(cx, y, "]", style);
    ctx.hit(
        Rect {
            x,
            y,
            width: text_w,
            height: 1,
        },
        action,
    );
    x + text_w + 1
}

fn active_style(active: bool) -> Style {
    if active {
        Style::default().add_modifier(Modifier::REVERSED)
    } else {
        Style::default()
    }
}
