//! Clickable buttons: drawn as `[key label]`, their area stored for the next click (the way
//! bottom does it: remember each button's `Rect` at draw time, hit-test later), and a row of them
//! with a status at its right end, as the Fork and Cluster tabs open. Draws and registers clicks;
//! decides nothing about what a click does.

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

/// One button of a [`button_row`].
pub struct Button<'a> {
    key: &'a str,
    label: &'a str,
    action: Action,
    active: bool,
}

impl<'a> Button<'a> {
    pub fn new(key: &'a str, label: &'a str, action: Action) -> Self {
        Self::toggle(key, label, action, false)
    }

    /// A toggle, drawn reversed while `active`.
    pub fn toggle(key: &'a str, label: &'a str, action: Action, active: bool) -> Self {
        Button {
            key,
            label,
            action,
            active,
        }
    }
}

/// Draw `buttons` left to right on line `y` from `x` (one space apart, none past `max_x`) and
/// return the x after the last one drawn.
pub fn button_row<'a>(
    ctx: &mut Ctx,
    buf: &mut Buffer,
    x: u16,
    y: u16,
    max_x: u16,
    buttons: impl IntoIterator<Item = Button<'a>>,
) -> u16 {
    buttons.into_iter().fold(x, |x, b| {
        button_styled(ctx, buf, x, y, max_x, b.key, b.label, b.action, b.active)
    })
}

/// `text` at the right end of line `y` (one column before `right`), if it fits after `x`, where
/// a row of buttons ended.
pub fn right_status(buf: &mut Buffer, x: u16, y: u16, right: u16, text: &str, style: Style) {
    let w = width(text);
    if x + w < right {
        buf.set_string(right - w - 1, y, text, style);
    }
}
