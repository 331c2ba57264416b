//! The phase diagram: the loop's phases as boxes in a ring (left to right on top, right to left
//! below, an arrow back to the start), the current phase lit (thick border, reversed, ▶), each
//! with the number of callbacks waiting in its queue. Works for Node's six phases and for the
//! browser model's steps alike; presenter mode draws taller boxes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Widget};

use crate::tui::ctx::Ctx;

use super::{fit, width};

/// One box of the ring.
pub struct Station {
    pub label: &'static str,
    /// Callbacks waiting for this phase, when it has a queue.
    pub waiting: Option<usize>,
    pub lit: bool,
}

/// Height the ring needs: two rows of boxes.
pub fn height(presenter: bool) -> u16 {
    if presenter {
        10
    } else {
        6
    }
}

pub fn draw(ctx: &mut Ctx, stations: &[Station], area: Rect, buf: &mut Buffer) {
    if stations.is_empty() || area.width < 20 || area.height < 6 {
        return;
    }
    let cols = stations.len().div_ceil(2) as u16;
    let bh = (area.height / 2).clamp(3, 5);
    let gap = 3u16;
    let inner_w = area.width.saturating_sub(4);
    let bw = (inner_w.saturating_sub(gap * (cols - 1))) / cols;
    let x0 = area.x + 2;
    let box_rect = |i: usize| -> Rect {
        let (row, col) = if (i as u16) < cols {
            (0u16, i as u16)
        } else {
            (1u16, cols - 1 - (i as u16 - cols))
        };
        Rect {
            x: x0 + col * (bw + gap),
            y: area.y + row * bh,
            width: bw,
            height: bh,
        }
    };
    for (i, st) in stations.iter().enumerate() {
        let r = box_rect(i);
        let (btype, bstyle) = if st.lit {
            (BorderType::Thick, ctx.theme.accent())
        } else {
            (BorderType::Rounded, ctx.theme.border())
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(btype)
            .border_style(bstyle);
        let inner = block.inner(r);
        block.render(r, buf);
        let mut text = format!("{}{}", if st.lit { "▶ " } else { "" }, st.label);
        if let Some(n) = st.waiting {
            if n > 0 {
                text.push_str(&format!(" ({n})"));
            }
        }
        let text = fit(&text, inner.width);
        let tx = inner.x + inner.width.saturating_sub(width(&text)) / 2;
        let ty = inner.y + inner.height.saturating_sub(1) / 2;
        let style = if st.lit {
            ctx.theme.lit()
        } else {
            ctx.theme.text()
        };
        if st.lit {
            buf.set_style(
                Rect {
                    y: ty,
                    height: 1,
                    ..inner
                },
                style,
            );
        }
        buf.set_span(tx, ty, &Span::styled(text, style), inner.width);
    }
    // Arrows between the boxes of each row.
    let arrow = ctx.theme.dim();
    for i in 0..stations.len() {
        let r = box_rect(i);
        let mid = r.y + r.height / 2;
        let row_end = (i as u16 + 1).is_multiple_of(cols);
        if i + 1 < stations.len() && !row_end {
            let (ax, sym) = if (i as u16) < cols {
                (r.right() + 1, "→")
            } else {
                (r.x.saturating_sub(2), "←")
            };
            buf.set_string(ax, mid, sym, arrow);
        }
    }
    // Down the right side from the end of the top row, back up the left side to the start.
    let top_end = box_rect(cols as usize - 1);
    let top_mid = top_end.y + top_end.height / 2;
    let bottom_mid = top_mid + bh;
    let rx = top_end.right();
    if stations.len() > cols as usize {
        buf.set_string(rx, top_mid, "─┐", arrow);
        for y in top_mid + 1..bottom_mid {
            buf.set_string(rx + 1, y, "│", arrow);
        }
        buf.set_string(rx, bottom_mid, "◄┘", arrow);
        let lx = area.x;
        buf.set_string(lx, top_mid, "┌►", arrow);
        for y in top_mid + 1..bottom_mid {
            buf.set_string(lx, y, "│", arrow);
        }
        buf.set_string(lx, bottom_mid, "└─", arrow);
    }
}

/// The ring on one line, for short screens: `↻ timers (1) → pending → ▶ idle, prepare → …`, the
/// lit phase in full, reversed and marked with ▶, the others by their first word.
pub fn compact_line(ctx: &Ctx, stations: &[Station]) -> Line<'static> {
    let mut spans = vec![Span::styled(" ↻ ", ctx.theme.dim())];
    for (i, st) in stations.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" → ", ctx.theme.dim()));
        }
        let short = if st.lit {
            st.label
        } else {
            st.label.split([',', ' ']).next().unwrap_or(st.label)
        };
        let n = st.waiting.filter(|n| *n > 0).map(|n| format!(" ({n})"));
        let text = format!(
            "{}{short}{}",
            if st.lit { "▶ " } else { "" },
            n.unwrap_or_default()
        );
        spans.push(Span::styled(
            text,
            if st.lit {
                ctx.theme.lit()
            } else {
                ctx.theme.text()
            },
        ));
    }
    spans.push(Span::styled(" ↺", ctx.theme.dim()));
    Line::from(spans)
}
