//! The frame of a process's box in the Fork and Cluster tabs (the parent, a child, a worker): how
//! its border looks says whether the process is live, marked (the parent, the selected worker) or
//! gone. Draws the frame and its title and hands back the inside; what goes inside is the tab's.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, BorderType, Borders, Widget};

use crate::tui::ctx::Ctx;

/// How a process's box is framed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    /// A running process: rounded, in the border colour.
    Live,
    /// The one that matters (the parent, the selected worker): thick, in the accent colour.
    Marked,
    /// A process that has exited and is fading out: plain and dim.
    Gone,
}

/// Draw the frame of a process's box in `area`, titled `title`, and return its inside.
pub fn process_box(ctx: &Ctx, look: Look, title: Span, area: Rect, buf: &mut Buffer) -> Rect {
    let (border_type, border_style) = match look {
        Look::Live => (BorderType::Rounded, ctx.theme.border()),
        Look::Marked => (BorderType::Thick, ctx.theme.accent()),
        Look::Gone => (BorderType::Plain, ctx.theme.dim()),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(border_type)
        .border_style(border_style)
        .title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}
